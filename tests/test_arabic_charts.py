"""Arabic in charts comes out the right way round, with every qualifier on its label.

matplotlib 3.11 shapes Arabic itself; handing it text already reshaped and
reordered (the recipe for older versions) draws every label reversed. The
pixel test compares what the helper draws with a rendering built without any
layout engine: the glyphs arabic-reshaper and python-bidi choose, placed left
to right by their advance widths, as matplotlib < 3.11 drew them. It first
checks that it can tell a reversed label from a right one.
"""

from __future__ import annotations

import numpy as np
import pytest
from report_support import gold_extraction

from arqam.report import charts
from arqam.report.fonts import arabic_font

PRESENTATION_FORMS = [(0xFB50, 0xFDFF), (0xFE70, 0xFEFF)]
WORDS = ["مخيم الهول", "لا يقل عن", "المرصد السوري"]


def presentation_forms(text: str) -> list[str]:
    return [c for c in text if any(lo <= ord(c) <= hi for lo, hi in PRESENTATION_FORMS)]


# ---- the helper ---------------------------------------------------------------------

def test_helper_passes_logical_text_from_3_11():
    for word in WORDS:
        assert charts.label(word, version=(3, 11)) == word
        assert not presentation_forms(charts.label(word, version=(3, 12)))


def test_helper_reshapes_and_reorders_before_3_11():
    import arabic_reshaper
    from bidi.algorithm import get_display

    for word in WORDS:
        old = charts.label(word, version=(3, 10))
        assert old == get_display(arabic_reshaper.reshape(word))
        assert presentation_forms(old)


def test_helper_isolates_numbers_beside_arabic():
    text = charts.label("≥84 وفيات، ~52,000 خروج", version=(3, 11))
    assert "\u2066≥84\u2069" in text and "\u2066~52,000\u2069" in text
    assert charts.label("≥45,000", version=(3, 11)) == "≥45,000"


def test_installed_matplotlib_is_the_one_the_helper_assumes():
    import matplotlib

    major, minor = (int(p) for p in matplotlib.__version__.split(".")[:2])
    assert charts.shapes_arabic() == ((major, minor) >= (3, 11))


# ---- pixels -------------------------------------------------------------------------

def _ink(rgba: np.ndarray) -> np.ndarray:
    """Dark pixels of an RGBA image, cropped to their bounding box."""
    dark = rgba[..., :3].mean(axis=2) < 128
    rows, cols = np.nonzero(dark)
    assert rows.size, "nothing was drawn"
    return dark[rows.min():rows.max() + 1, cols.min():cols.max() + 1]


def _draw(text: str) -> np.ndarray:
    """`text` as matplotlib draws it, in the report's font."""
    import matplotlib

    from arqam.report.charts import _new_figure, arabic_style

    with matplotlib.rc_context(arabic_style()):
        fig = _new_figure(6, 1.2)
        fig.text(0.5, 0.5, text, ha="center", va="center", fontsize=40)
        fig.canvas.draw()
        return _ink(np.asarray(fig.canvas.buffer_rgba()))


def _known_good(text: str) -> np.ndarray:
    """`text` drawn with no layout engine: the glyphs reshaper + bidi pick for it,
    in visual order, each at the pen position its advance width gives."""
    import arabic_reshaper
    from bidi.algorithm import get_display
    from fontTools.pens.basePen import BasePen
    from fontTools.ttLib import TTFont
    from matplotlib.patches import PathPatch
    from matplotlib.path import Path

    from arqam.report.charts import _new_figure

    class PathPen(BasePen):
        def __init__(self, glyphs, dx):
            super().__init__(glyphs)
            self.dx, self.verts, self.codes = dx, [], []

        def _moveTo(self, p):
            self.verts.append((p[0] + self.dx, p[1]))
            self.codes.append(Path.MOVETO)

        def _lineTo(self, p):
            self.verts.append((p[0] + self.dx, p[1]))
            self.codes.append(Path.LINETO)

        def _qCurveToOne(self, p1, p2):
            self.verts += [(p1[0] + self.dx, p1[1]), (p2[0] + self.dx, p2[1])]
            self.codes += [Path.CURVE3, Path.CURVE3]

        def _curveToOne(self, p1, p2, p3):
            self.verts += [(x + self.dx, y) for x, y in (p1, p2, p3)]
            self.codes += [Path.CURVE4] * 3

        def _closePath(self):
            self.verts.append((0, 0))
            self.codes.append(Path.CLOSEPOLY)

    font = TTFont(arabic_font())
    cmap, glyphs, hmtx = font.getBestCmap(), font.getGlyphSet(), font["hmtx"]
    visual = get_display(arabic_reshaper.reshape(text))
    fig = _new_figure(6, 1.2)
    ax = fig.add_axes([0, 0, 1, 1])
    ax.set_axis_off()
    x = 0
    for char in visual:
        name = cmap[ord(char)]
        pen = PathPen(glyphs, x)
        glyphs[name].draw(pen)
        if pen.verts:
            ax.add_patch(PathPatch(Path(pen.verts, pen.codes), color="black", lw=0))
        x += hmtx[name][0]
    ax.set_xlim(-200, x + 200)
    ax.set_ylim(-800, 1400)
    ax.set_aspect("equal")
    fig.canvas.draw()
    return _ink(np.asarray(fig.canvas.buffer_rgba()))


def _profile(ink: np.ndarray, bins: int = 120) -> np.ndarray:
    """Ink per column, resampled to `bins`: the left-to-right shape of a word."""
    columns = ink.sum(axis=0).astype(float)
    edges = np.linspace(0, len(columns), bins + 1).astype(int)
    profile = np.array([columns[a:max(b, a + 1)].mean() for a, b in zip(edges[:-1], edges[1:])])
    return (profile - profile.mean()) / (profile.std() or 1.0)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Correlation of the column profiles of two renderings (1.0: the same shape)."""
    return float(np.mean(_profile(a) * _profile(b)))


@pytest.mark.parametrize("word", WORDS)
def test_label_pixels_match_a_known_good_rendering(word):
    import arabic_reshaper
    from bidi.algorithm import get_display

    reference = _known_good(word)
    right = similarity(_draw(charts.label(word)), reference)
    # What the pre-3.11 recipe does on this matplotlib: reversed when 3.11 shapes.
    recipe = similarity(_draw(get_display(arabic_reshaper.reshape(word))), reference)
    assert right > 0.85, f"{word}: the helper's label does not look like the known-good one"
    if charts.shapes_arabic():
        assert recipe < 0.5, f"{word}: this test cannot tell a reversed label"


# ---- what the report's charts draw ----------------------------------------------------

@pytest.fixture(scope="module")
def drawn_texts():
    """Every string the report's charts hand to the renderer, with the charts."""
    from matplotlib.backends.backend_agg import RendererAgg

    seen = []
    original = RendererAgg.draw_text

    def spy(self, gc, x, y, s, prop, angle, ismath=False, mtext=None):
        seen.append(s)
        return original(self, gc, x, y, s, prop, angle, ismath=ismath, mtext=mtext)

    result = gold_extraction()
    RendererAgg.draw_text = spy
    try:
        counts = charts.counts_chart(result.figures)
        timeline = charts.timeline_chart(result.figures, result.article.published)
        counts.png, timeline.png
    finally:
        RendererAgg.draw_text = original
    return seen, counts, timeline


def test_no_presentation_forms_reach_matplotlib(drawn_texts):
    seen, _, _ = drawn_texts
    assert any("وفيات" in s for s in seen)
    if charts.shapes_arabic():
        bad = {s: presentation_forms(s) for s in seen if presentation_forms(s)}
        assert not bad


def test_every_bar_label_carries_its_qualifier(drawn_texts):
    seen, _, _ = drawn_texts
    plain = {s.replace("\u2066", "").replace("\u2069", "") for s in seen}
    for label in ("≥45,000", "~52,000", "≥84", ">5,000", "≥8", "13,000"):
        assert label in plain, label
    assert "عشرات (20–99)" in plain     # vague: named, with its bounds


def test_vague_figures_are_ranges_not_points(drawn_texts):
    from matplotlib.patches import Rectangle

    _, counts, _ = drawn_texts
    bars = [p for p in counts.figure.axes[0].patches if isinstance(p, Rectangle)]
    spans = {(round(b.get_x()), round(b.get_x() + b.get_width())) for b in bars}
    assert (20, 99) in spans and (1000, 9999) in spans     # dozens, thousands
    assert (1, 45000) in spans and (1, 84) in spans


def test_chart_png_is_the_same_bytes_each_time(drawn_texts):
    _, counts, _ = drawn_texts
    again = charts.counts_chart(gold_extraction().figures)
    assert again.png == counts.png
    assert b"tEXt" not in counts.png[:200]            # no Software/date chunk


def test_no_chart_for_an_article_without_figures():
    result = gold_extraction()
    result.figures = []
    assert charts.counts_chart(result.figures) is None
    assert charts.timeline_chart(result.figures) is None
