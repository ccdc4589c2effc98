"""The narrative keeps every qualifier, names every source, and invents no number.

Developed on the seed's gold; the property tests then throw random figures at it
(every qualifier, unit, event and source the report knows, with and without the
qualifier inside the figure's own words).
"""

from __future__ import annotations

import re

import pytest
from report_support import gold_extraction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import arqam
from arqam.model import Extraction, Figure
from arqam.report import narrative as nar
from arqam.report import wording

NUMBER = re.compile(r"[0-9٠-٩][0-9٠-٩,]*(?:\.[0-9٠-٩]+)?")
EN_QUALIFIER = {"approx": "about", "at_least": "at least", "more_than": "more than",
                "at_most": "up to", "less_than": "fewer than", "range": "between"}


def numbers(text: str) -> set[float]:
    digits = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
    return {float(m.group().translate(digits).replace(",", "")) for m in NUMBER.finditer(text)}


def held_numbers(result) -> set[float]:
    """Every number the extraction holds: values, bounds, times, the figures' own words,
    and the article's date and paper."""
    held = set()
    for fig in result.figures:
        held |= {float(v) for v in (fig.value, fig.low, fig.high) if v is not None}
        held |= numbers(fig.text) | numbers(fig.when or "")
    for time in result.times:
        held |= numbers(time.value or "")
    if result.article.published:
        held |= numbers(result.article.published.isoformat())
    return held | numbers(result.article.source or "")     # a paper's name: عرب 48


def outside_links(html: str) -> str:
    """The text of a sentence's HTML without the figures it links (their own words)."""
    import html as html_lib

    bare = re.sub(r'<a class="fig"[^>]*>.*?</a>', " ", html)
    return html_lib.unescape(re.sub(r"<[^>]+>", "", bare))


def check(result):
    """The narrative's promises, for one extraction."""
    index = {f.id: f for f in result.figures}
    held = held_numbers(result)
    for lang in ("en", "ar"):
        told = set()
        for sentence in nar.sentences(result, lang):
            text = sentence.text
            assert text.startswith("According to " if lang == "en" else "بحسب "), text
            for fid in sentence.figure_ids:
                fig = index[fid]
                told.add(fid)
                assert f'href="#row-{fid}"' in sentence.html
                said = wording.en_figure(fig) if lang == "en" else wording.ar_figure(fig)
                assert said in text, (said, text)
                if lang == "ar":
                    assert wording.says_qualifier(said, fig.qualifier), (fig.qualifier, said)
                elif fig.qualifier in EN_QUALIFIER and fig.kind != "fraction":
                    assert said.startswith(EN_QUALIFIER[fig.qualifier]), (fig.qualifier, said)
                elif fig.qualifier == "vague":
                    words = wording.vague_words(fig)
                    if words:
                        assert said.startswith(words[0]) and not numbers(said), said
            stray = numbers(outside_links(sentence.html)) - held
            assert not stray, f"numbers the extraction does not hold: {stray} in {text}"
        tops = {f.id for f in result.figures if not f.repeats}
        assert tops <= told | {f.id for f in result.figures if f.part_of}, tops - told


# ---- the seed ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed():
    return gold_extraction()


def test_seed_narrative_keeps_its_promises(seed):
    check(seed)


def test_seed_key_facts_come_first_with_their_qualifiers(seed):
    en = [s.text for s in nar.sentences(seed, "en")]
    assert en[0].startswith("According to the Syrian Observatory for Human Rights, "
                            "about 52,000 people departed")
    assert "at least 45,000 people are sheltering in al-Hol camp" in en[1]
    assert "at least 84 people died" in en[2] and "two thirds of them children" in en[2]
    ar = [s.text for s in nar.sentences(seed, "ar")]
    assert "نحو 52 ألف شخص" in ar[0] and ar[0].startswith("بحسب المرصد السوري")
    assert "ما لا يقل عن 84 شخصا" in ar[2] and "ثلثاهم أطفال" in ar[2]


def test_vague_stays_vague(seed):
    text = " ".join(s.text for s in nar.sentences(seed, "en"))
    assert "dozens of people departed" in text and "thousands of civilians" in text
    assert "20" not in numbers_as_words(text) and "99" not in numbers_as_words(text)
    ar = " ".join(s.text for s in nar.sentences(seed, "ar"))
    assert "عشرات المدنيين" in ar and "آلاف المدنيين" in ar


def numbers_as_words(text: str) -> set[str]:
    return {m.group() for m in NUMBER.finditer(text)}


def test_a_figure_without_a_source_says_so(seed):
    douma = [s.text for s in nar.sentences(seed, "en") if "Douma" in s.text]
    assert douma == ["According to the article (اللواء), which names no source, dozens of "
                     "civilians were killed in Douma on 7 April 2018."]


def test_repeats_are_told_once(seed):
    ids = [fid for s in nar.sentences(seed, "en") for fid in s.figure_ids]
    assert "f14" not in ids and "f15" not in ids        # the same eight and six, quoted again
    assert len(ids) == len(set(ids))


def test_empty_extraction_says_there_is_nothing(seed):
    empty = Extraction(article=seed.article)
    html = str(nar.narrative(empty, "both"))
    assert "لم يُعثر" in html and "no figures" in html


def test_qualifier_outside_the_words_is_put_back():
    text = "ارتفع عدد القتلى إلى 84 شخصا."
    art = arqam.from_text(text, published="2019-03-02")
    start = text.index("84")
    fig = Figure(text="84 شخصا", start=start, end=start + 7, kind="count", value=84, low=84, high=None,
                 qualifier="at_least", unit="person", event="killed", id="f1")
    assert art.text[fig.start:fig.end] == fig.text
    assert wording.ar_figure(fig) == "ما لا يقل عن 84 شخصا"
    check(Extraction(article=art, figures=[fig]))


# ---- properties --------------------------------------------------------------------

AR_CUE = {"approx": "نحو", "at_least": "ما لا يقل عن", "more_than": "أكثر من",
          "at_most": "ما يصل إلى", "less_than": "أقل من"}
UNITS = ["person", "civilian", "child", "fighter", "truck", "family", "km2", "tonne", None]
EVENTS = [None, "unheard_of"] + sorted(wording._events())
NAMES = [None, "United Nations", "Syrian Observatory for Human Rights", "Rami Abdel Rahman",
         "Some Unknown Agency"]
PLACES = [None, "Idlib", "al-Hol camp, Hasakah", "route to al-Hol camp", "Nowhere Town"]
WHENS = [None, "2019-03-01", "2018-12/2019-03-01", "2019-02-23/2019-03-01", "2018-04", "2014"]


@st.composite
def figure_specs(draw):
    qualifier = draw(st.sampled_from(["exact", "approx", "at_least", "more_than", "at_most",
                                      "less_than", "range", "vague"]))
    value = draw(st.integers(min_value=1, max_value=2_000_000))
    if qualifier == "vague":
        low, high = draw(st.sampled_from(sorted(wording.VAGUE)))
        words = wording.VAGUE[(low, high)][1] + " الأشخاص"
        return dict(qualifier=qualifier, value=None, low=low, high=high, text=words)
    if qualifier == "range":
        high = value + draw(st.integers(min_value=1, max_value=1000))
        return dict(qualifier=qualifier, value=None, low=value, high=high,
                    text=f"بين {value} و{high} شخصا")
    cue_inside = draw(st.booleans())
    text = f"{value} شخصا"
    if qualifier in AR_CUE and cue_inside:
        text = f"{AR_CUE[qualifier]} {text}"
    low = value if qualifier in ("exact", "at_least", "more_than") else None
    high = value if qualifier in ("exact", "at_most", "less_than") else None
    return dict(qualifier=qualifier, value=value, low=low, high=high, text=text)


@st.composite
def extractions(draw):
    specs = draw(st.lists(figure_specs(), min_size=1, max_size=6))
    text, figures = "", []
    for n, spec in enumerate(specs, 1):
        text += "وقال المصدر إن "
        start = len(text)
        text += spec["text"]
        figures.append(Figure(
            text=spec["text"], start=start, end=len(text), kind="count", value=spec["value"],
            low=spec["low"], high=spec["high"], qualifier=spec["qualifier"],
            unit=draw(st.sampled_from(UNITS)), event=draw(st.sampled_from(EVENTS)),
            location=draw(st.sampled_from(PLACES)), attributed_to=draw(st.sampled_from(NAMES)),
            when=draw(st.sampled_from(WHENS)), id=f"f{n}"))
        text += ". "
    for fig in figures:
        fig.sentence = text[text.rfind("وقال", 0, fig.start):text.find(".", fig.end) + 1]
    if len(figures) > 1 and draw(st.booleans()):
        figures[-1].part_of = figures[0].id
    art = arqam.from_text(text + "\nالمصدر: اختبار", published="2019-03-02")
    return Extraction(article=art, figures=figures)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(extractions())
def test_no_qualifier_lost_and_no_number_invented(result):
    check(result)


@settings(max_examples=60, deadline=None)
@given(extractions())
def test_headline_and_tables_show_every_qualifier(result):
    from arqam.report.headline import headline
    from arqam.report.tables import figures_table

    table = figures_table(result)
    for fig in result.figures:
        assert f'id="row-{fig.id}"' in table
        assert wording.short(fig).replace("<", "&lt;").replace(">", "&gt;") in table
    cards = str(headline(result))
    for fig in arqam.report.select.key_figures(result.figures):
        sign = wording.SYMBOL.get(fig.qualifier, "")
        assert (sign + wording.num(fig.value)).replace("<", "&lt;").replace(">", "&gt;") in cards
