"""The report's charts, with Arabic labels that come out the right way round.

matplotlib 3.11 lays text out with libraqm and shapes Arabic itself; before it,
matplotlib drew code points one by one, left to right, so Arabic had to be
reshaped (arabic-reshaper) and reordered (python-bidi) first. Doing both on 3.11
reverses every label (matplotlib issue 32262). `label` is the one place that
decides, by the installed version; every string a chart draws goes through it.

The charts mirror for a right-to-left page: categories on the right, bars
growing leftwards, time running from right to left.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
import re
from functools import cache

from . import select
from .fonts import ARABIC_FAMILY, SYMBOL_FAMILY, arabic_font
from .html import ar, en, esc
from .wording import (AR_MONTHS, event_words, name_ar, num, short, time_span, unit_words,
                      vague_words)

LRI, PDI = "\u2066", "\u2069"
_LTR_RUN = re.compile(r"[~≥≤<>≈]?[0-9A-Za-z\u00c0-\u024f²%]+(?:[ .,:/\-–][0-9A-Za-z\u00c0-\u024f²%]+)*")
DPI = 150

# One colour per group of events (select.EVENT_GROUPS), then the rest.
GROUP_COLOURS = ("#b4232a", "#d9730d", "#1f6fb2", "#7b5b3a", "#5b4fa8")
OTHER_COLOUR = "#6b6b6b"


def matplotlib_version() -> tuple[int, int]:
    import matplotlib

    major, minor = re.match(r"(\d+)\.(\d+)", matplotlib.__version__).groups()
    return int(major), int(minor)


def shapes_arabic(version: tuple[int, int] | None = None) -> bool:
    """Whether this matplotlib shapes and orders Arabic by itself (3.11 and later)."""
    return (version or matplotlib_version()) >= (3, 11)


def label(text: str, version: tuple[int, int] | None = None) -> str:
    """`text` as matplotlib must receive it to draw it correctly.

    On 3.11 and later: the logical text unchanged, with runs of digits and
    Latin wrapped in isolates (LRI…PDI) so that "≥84" beside Arabic keeps its
    sign on the left. Earlier: reshaped and reordered into visual order.
    """
    if shapes_arabic(version):
        return _LTR_RUN.sub(lambda m: LRI + m.group() + PDI if _needs_isolate(text, m) else
                            m.group(), text)
    import arabic_reshaper
    from bidi.algorithm import get_display

    return get_display(arabic_reshaper.reshape(text))


def _needs_isolate(text: str, match: re.Match) -> bool:
    # A run alone (a bar label "≥45,000") needs nothing; beside Arabic it does.
    return match.group() != text.strip()


@cache
def _register_font() -> None:
    from matplotlib import font_manager

    font_manager.fontManager.addfont(str(arabic_font()))


def _style() -> dict:
    return {
        "font.family": [ARABIC_FAMILY, SYMBOL_FAMILY],
        "font.size": 10,
        "axes.edgecolor": "#9a9a9a",
        "axes.linewidth": 0.8,
        "xtick.color": "#444444",
        "ytick.color": "#222222",
        "svg.hashsalt": "arqam",
        "path.simplify": True,
    }


def arabic_style() -> dict:
    """rcParams for drawing with the packaged Noto Sans Arabic (registered first);
    use with `matplotlib.rc_context` in your own charts, labels through `label`."""
    _register_font()
    return _style()


def _new_figure(width: float, height: float):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=DPI)
    FigureCanvasAgg(fig)
    return fig


def png_bytes(fig) -> bytes:
    """The figure as PNG, the same bytes on every run (no date, no software tag)."""
    import matplotlib

    buf = io.BytesIO()
    with matplotlib.rc_context(_style()):
        fig.savefig(buf, format="png", dpi=DPI, metadata={"Software": None},
                    facecolor="white")
    return buf.getvalue()


def _group_colour(event: str | None) -> str:
    for i, group in enumerate(select.EVENT_GROUPS):
        if event in group:
            return GROUP_COLOURS[i]
    return OTHER_COLOUR


def _group_rank(event: str | None) -> int:
    for i, group in enumerate(select.EVENT_GROUPS):
        if event in group:
            return i
    return len(select.EVENT_GROUPS)


def bar_text(fig) -> str:
    """A bar's label: the qualifier sign on the number, a vague figure by its word."""
    if fig.qualifier == "vague":
        words = vague_words(fig)
        bounds = f"{num(fig.low)}–{num(fig.high)}"
        return f"{words[1]} ({bounds})" if words else bounds
    return short(fig)


def category_text(fig) -> str:
    """The Arabic category of a bar: event, what is counted, and where."""
    first = f"{event_words(fig.event).ar_noun} · {unit_words(fig.unit).ar}"
    place = name_ar(fig.location)
    return f"{first}\n{place}" if place else first


class Chart:
    """A chart as the notebook shows it and the page embeds it: PNG, caption, alt text."""

    def __init__(self, name: str, figure, caption_ar: str, caption_en: str, alt: str):
        self.name, self.figure = name, figure
        self.caption_ar, self.caption_en, self.alt = caption_ar, caption_en, alt
        self._png = None

    @property
    def png(self) -> bytes:
        if self._png is None:
            self._png = png_bytes(self.figure)
        return self._png

    def _repr_html_(self) -> str:
        uri = "data:image/png;base64," + base64.b64encode(self.png).decode("ascii")
        return (f'<figure class="chart" id="chart-{esc(self.name)}" lang="ar" dir="rtl">'
                f'<img src="{uri}" alt="{esc(self.alt)}">'
                f'<figcaption>{ar(self.caption_ar)}'
                f'<span class="en" lang="en" dir="ltr">{en(self.caption_en)}</span>'
                f"</figcaption></figure>")


def counts_chart(figures) -> Chart | None:
    """Counts by event on a log scale; the qualifier on every bar label, a vague
    figure drawn as the range of its bounds (hatched), never as a point."""
    import matplotlib

    items = select.chart_figures(figures)
    if not items:
        return None
    items.sort(key=lambda f: (_group_rank(f.event), -select.floor_value(f)))
    _register_font()
    with matplotlib.rc_context(_style()):
        fig = _new_figure(8.0, 0.9 + 0.55 * len(items))
        ax = fig.add_subplot(1, 1, 1)
        top = max(float(f.high or f.value or f.low or 1) for f in items)
        for row, f in enumerate(items):
            colour = _group_colour(f.event)
            if f.qualifier in ("vague", "range") or f.value is None:
                low, high = float(f.low or 1), float(f.high or f.low or 1)
                ax.barh(row, high - low, left=low, height=0.6, color=colour, alpha=0.35,
                        hatch="////", edgecolor=colour, linewidth=0.8)
                end = high
            else:
                end = float(f.value)
                ax.barh(row, end - 1 if end > 1 else 0.02, left=1, height=0.6, color=colour)
                if f.qualifier in ("at_least", "more_than"):
                    # The open end: an arrow saying "and more".
                    ax.annotate("", xy=(end * 1.45, row), xytext=(end, row),
                                arrowprops={"arrowstyle": "-|>", "color": colour, "lw": 1.2})
                    end *= 1.45
            ax.text(end * 1.12, row, label(bar_text(f)), va="center", ha="right",
                    fontsize=10, color="#111111")
        ax.set_xscale("log")
        ax.set_xlim(0.8, top * 8)
        ax.invert_xaxis()
        ax.set_ylim(len(items) - 0.5, -0.5)
        ax.set_yticks(range(len(items)))
        ax.set_yticklabels([label(category_text(f)) for f in items], fontsize=9)
        ax.yaxis.tick_right()
        ax.tick_params(axis="y", length=0, pad=6)
        ax.xaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(
            lambda v, _pos: label(num(int(v))) if v >= 1 else ""))
        ax.xaxis.set_minor_locator(matplotlib.ticker.NullLocator())
        ax.grid(axis="x", color="#e4e4e4", linewidth=0.6)
        ax.set_axisbelow(True)
        for side in ("top", "left"):
            ax.spines[side].set_visible(False)
        fig.tight_layout(pad=0.6)
    alt = "، ".join(f"{bar_text(f)} {event_words(f.event).ar_noun}" for f in items)
    return Chart("counts", fig,
                 "الأعداد بحسب الحدث، على مقياس لوغاريتمي. ≥ تعني «على الأقل»، > «أكثر من»، "
                 "~ «نحو»؛ الأعمدة المخططة أعداد مبهمة (عشرات، آلاف) مرسومة بحدودها.",
                 "Counts by event, log scale. ≥ at least, > more than, ~ about; hatched bars "
                 "are vague figures (dozens, thousands) drawn as the range of their bounds.",
                 alt)


def _day_tick(value, pos) -> str:
    """A day tick: '8 شباط', with the year on the first tick."""
    import matplotlib.dates as mdates

    day = mdates.num2date(value).date()
    name = AR_MONTHS[day.month - 1].split("/")[0]
    return label(f"{day.day} {name} {day.year}" if pos == 0 else f"{day.day} {name}")


def _month_tick(value, pos) -> str:
    """A month tick: the Levantine name, with the year on the first tick and on January
    (on every tick when ticks are months apart: pass pos 0)."""
    import matplotlib.dates as mdates

    day = mdates.num2date(value).date()
    name = AR_MONTHS[day.month - 1].split("/")[0]
    return label(f"{name} {day.year}" if pos == 0 or day.month == 1 else name)


def _days_before(starts, end) -> float:
    """How many days the rows reach back from `end` (at least one)."""
    return max(end - min(starts), 1.0)


def timeline_chart(figures, published: dt.date | None = None) -> Chart | None:
    """The dated events: one row per `when`, a dot for a day, a bar for a span."""
    import matplotlib
    import matplotlib.dates as mdates

    rows: dict[str, list] = {}
    for f in select.dated(figures):
        if time_span(f.when):
            rows.setdefault(f.when, []).append(f)
    if not rows:
        return None
    order = sorted(rows, key=lambda w: (time_span(w)[0], time_span(w)[1]))
    _register_font()
    with matplotlib.rc_context(_style()):
        fig = _new_figure(8.0, 1.1 + 0.6 * len(order))
        ax = fig.add_subplot(1, 1, 1)
        starts, ends = [], []
        labels = []
        for row, when in enumerate(order):
            first, last = time_span(when)
            members = sorted(rows[when], key=select.floor_value, reverse=True)
            colour = _group_colour(members[0].event)
            x0 = mdates.date2num(first)
            x1 = mdates.date2num(last + dt.timedelta(days=1))
            if last > first:
                ax.barh(row, x1 - x0, left=x0, height=0.35, color=colour, alpha=0.55)
            else:
                ax.plot([x0 + 0.5], [row], marker="o", markersize=7, color=colour)
            starts.append(x0)
            ends.append(x1)
            shown = [f"{bar_text(f)} {event_words(f.event).ar_noun}" for f in members[:3]]
            more = f" و{len(members) - 3} أخرى" if len(members) > 3 else ""
            labels.append("، ".join(shown) + more)
        if published:
            x = mdates.date2num(published)
            ax.axvline(x, color="#999999", linestyle="--", linewidth=0.8)
            ax.text(x - _days_before(starts, x) * 0.01, -0.7, label("تاريخ النشر"), ha="left",
                    va="center", fontsize=8, color="#666666")
            ends.append(x + 1)
        span = max(ends) - min(starts, default=0)
        pad = max(span * 0.04, 1.0)
        ax.set_xlim(min(starts) - pad, max(ends) + pad)
        ax.invert_xaxis()
        ax.set_ylim(len(order) - 0.5, -1.0)
        ax.set_yticks(range(len(order)))
        ax.set_yticklabels([label(t) for t in labels], fontsize=9)
        ax.yaxis.tick_right()
        ax.tick_params(axis="y", length=0, pad=6)
        if span + 2 * pad <= 60:      # days apart: tick days, not months
            ax.xaxis.set_major_locator(mdates.DayLocator(
                interval=max(1, round((span + 2 * pad) / 5))))
            ax.xaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(_day_tick))
        else:
            months = (span + 2 * pad) / 30.44
            step = next((k for k in (1, 2, 3, 4, 6, 12, 24, 60, 120) if months / k <= 4), 240)
            if step < 12:
                ax.xaxis.set_major_locator(mdates.MonthLocator(interval=step))
                ax.xaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(
                    lambda v, pos: _month_tick(v, 0 if step > 1 else pos)))
            else:
                ax.xaxis.set_major_locator(mdates.YearLocator(step // 12))
                ax.xaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(
                    lambda v, _pos: label(str(mdates.num2date(v).year))))
        ax.grid(axis="x", color="#e4e4e4", linewidth=0.6)
        ax.set_axisbelow(True)
        for side in ("top", "left"):
            ax.spines[side].set_visible(False)
        fig.tight_layout(pad=0.6)
    alt = "؛ ".join(labels)
    return Chart("timeline", fig,
                 "الأحداث المؤرخة: نقطة لحدث في يوم، وشريط لفترة؛ الزمن يجري من اليمين إلى اليسار.",
                 "Dated events: a dot for a day, a bar for a period; time runs right to left.",
                 alt)
