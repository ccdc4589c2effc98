"""How a figure is said, in Arabic and in English: qualifier, number, unit, place, time.

One module decides the words so that the headline, the charts, the narrative and
the tables cannot disagree, and so that no section can drop a qualifier: every
way of showing a figure goes through `short`, `en_figure` or `ar_figure`.
The words themselves are data (`*_wording.tsv`, `names.tsv`) beside this file.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

HERE = Path(__file__).parent
DATA = HERE.parent / "data"

# The sign a chart label or a table cell puts before the number.
SYMBOL = {"exact": "", "approx": "~", "at_least": "≥", "more_than": ">",
          "at_most": "≤", "less_than": "<"}

# The words for each qualifier: (English before a number, Arabic before a number,
# English name in a table, Arabic name in a table).
QUALIFIER = {
    "exact": ("", "", "exact", "دقيق"),
    "approx": ("about", "نحو", "about", "تقريبي"),
    "at_least": ("at least", "ما لا يقل عن", "at least", "حدّ أدنى"),
    "more_than": ("more than", "أكثر من", "more than", "أكثر من"),
    "at_most": ("up to", "ما يصل إلى", "up to", "حدّ أقصى"),
    "less_than": ("fewer than", "أقل من", "less than", "أقل من"),
    "range": ("between", "بين", "range", "نطاق"),
    "vague": ("", "", "vague", "غير محدد"),
}

# Vague plurals by their bounds (tests/corpus/README.md): English, Arabic.
VAGUE = {
    (3, 9): ("a few", "بضعة"), (20, 99): ("dozens of", "عشرات"),
    (100, 999): ("hundreds of", "مئات"), (1000, 9999): ("thousands of", "آلاف"),
    (10000, 99999): ("tens of thousands of", "عشرات الآلاف"),
    (100000, 999999): ("hundreds of thousands of", "مئات الآلاف"),
    (1000000, 9999999): ("millions of", "ملايين"),
}

FRACTIONS = ((1 / 2, "half", "½"), (1 / 3, "a third", "⅓"), (2 / 3, "two thirds", "⅔"),
             (1 / 4, "a quarter", "¼"), (3 / 4, "three quarters", "¾"),
             (1 / 5, "a fifth", "⅕"), (1 / 10, "a tenth", "⅒"))

EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")
# Levantine and Egyptian/Gulf names side by side, as wire copy writes them.
AR_MONTHS = ("كانون الثاني/يناير", "شباط/فبراير", "آذار/مارس", "نيسان/أبريل", "أيار/مايو",
             "حزيران/يونيو", "تموز/يوليو", "آب/أغسطس", "أيلول/سبتمبر", "تشرين الأول/أكتوبر",
             "تشرين الثاني/نوفمبر", "كانون الأول/ديسمبر")

# Arabic cues of each qualifier, used to check that a figure's text says it;
# lib/arqam/data/qualifiers.tsv adds the extractor's own list when it is there.
_AR_CUES = {
    "approx": ("نحو", "حوالي", "حوالى", "قرابة", "زهاء", "ما يقارب", "تقريبا", "يناهز"),
    "at_least": ("ما لا يقل عن", "لا يقل عن", "على الأقل", "على أقل تقدير", "أو أكثر"),
    "more_than": ("أكثر من", "ما يزيد", "يزيد على", "يزيد عن", "أزيد من", "يفوق", "يربو"),
    "at_most": ("ما يصل إلى", "يصل إلى", "حتى", "لا يزيد", "أقصى"),
    "less_than": ("أقل من", "دون", "لا يتجاوز"),
    "range": ("بين", "إلى", "-", "–"),
    "vague": ("عشرات", "مئات", "آلاف", "الآلاف", "ألوف", "بضع", "عدة", "ملايين", "العشرات",
              "المئات"),
}


@dataclass(frozen=True)
class EventWords:
    en_noun: str
    ar_noun: str
    en: str            # template with {n}
    ar_people: str
    ar_things: str
    prep_en: str
    prep_ar: str


@dataclass(frozen=True)
class UnitWords:
    en_one: str
    en_many: str
    ar: str
    sort: str          # people | things | measure


def _rows(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.rstrip("\n").split("\t"))
    return rows


@cache
def _events() -> dict[str, EventWords]:
    table = {}
    for key, en_noun, ar_noun, en, ar_p, ar_t, preps in _rows(HERE / "events_wording.tsv"):
        prep_en, prep_ar = preps.split("|")
        table[key] = EventWords(en_noun, ar_noun, en, ar_p, ar_t, prep_en, prep_ar)
    return table


@cache
def _units() -> dict[str, UnitWords]:
    return {key: UnitWords(one, many, ar, sort)
            for key, one, many, ar, sort in _rows(HERE / "units_wording.tsv")}


@cache
def _names() -> dict[str, tuple[str, str | None]]:
    table = {}
    for row in _rows(HERE / "names.tsv"):
        table[row[0].casefold()] = (row[1], row[2] if len(row) > 2 and row[2] else None)
    return table


def event_words(event: str | None) -> EventWords:
    """The words for an event; an unknown one is named by its key, said neutrally."""
    if event and event in _events():
        return _events()[event]
    name = (event or "").replace("_", " ")
    return EventWords(name or "reported", name or "أرقام واردة",
                      "{n} (" + name + ")" if name else "{n} reported",
                      "{n}" + (f" ({name})" if name else ""),
                      "{n}" + (f" ({name})" if name else ""), "in", "في")


def unit_words(unit: str | None) -> UnitWords:
    if unit and unit in _units():
        return _units()[unit]
    if unit and re.fullmatch(r"[A-Z]{3}", unit):          # a currency code
        return UnitWords(unit, unit, unit, "measure")
    name = (unit or "").replace("_", " ")
    return UnitWords(name, name, name, "things")


def is_people(fig) -> bool:
    return unit_words(fig.unit).sort == "people"


def share_noun(fig) -> str | None:
    """The people a share's own words name, in English ("ثلثاهم أطفال": children)."""
    words = fig.text.split()
    for key, unit in _units().items():
        if unit.sort == "people" and key != "*" and unit.ar in words:
            return unit.en_many
    return None


# ---- numbers --------------------------------------------------------------------

def num(x) -> str:
    """52000 -> '52,000'; 0.5 -> '0.5'; an integral float loses its '.0'."""
    if x is None:
        return "?"
    if isinstance(x, float) and x.is_integer():
        x = int(x)
    if isinstance(x, int):
        return f"{x:,}"
    return f"{x:,.3f}".rstrip("0").rstrip(".")


def fraction_words(value) -> tuple[str, str]:
    """(English words, sign) for a share: 2/3 -> ('two thirds', '⅔')."""
    for exact, words, sign in FRACTIONS:
        if value is not None and abs(value - exact) < 1e-3:
            return words, sign
    return num(value), num(value)


def vague_words(fig) -> tuple[str, str] | None:
    """('dozens of', 'عشرات') for a vague figure with the bounds of a known plural."""
    if fig.low is None or fig.high is None:
        return None
    return VAGUE.get((int(fig.low), int(fig.high)))


def short(fig) -> str:
    """The compact label of charts and tables, qualifier first: ≥45,000, ~52,000, 20–99."""
    unit = unit_words(fig.unit)
    if fig.kind == "fraction":
        return fraction_words(fig.value)[1]
    if fig.qualifier in ("vague", "range") or fig.value is None:
        text = f"{num(fig.low)}–{num(fig.high)}"
    else:
        text = SYMBOL.get(fig.qualifier, "") + num(fig.value)
    if fig.kind == "percent" or fig.unit == "percent":
        return text + "%"
    if unit.sort == "measure":
        return f"{text} {unit.en_many}"
    return text


# ---- English ----------------------------------------------------------------------

def _ordinal(n) -> str:
    n = int(n)
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def en_figure(fig) -> str:
    """The figure in English with its qualifier: 'at least 84 people', 'dozens of civilians'."""
    unit = unit_words(fig.unit)
    if fig.kind == "fraction":
        return fraction_words(fig.value)[0]
    if fig.kind == "ordinal":
        return f"the {_ordinal(fig.value)} {unit.en_one}".rstrip()
    one = fig.qualifier == "exact" and fig.value == 1
    noun = unit.en_one if one else unit.en_many
    glue = " "
    if fig.kind == "percent" or fig.unit == "percent":
        noun, glue = "%", ""
    if fig.qualifier == "vague" or (fig.value is None and fig.qualifier != "range"):
        words = vague_words(fig)
        if words:
            return f"{words[0]} {noun}".strip()
        return f"an unstated number ({num(fig.low)}–{num(fig.high)}) of {noun}".strip()
    if fig.qualifier == "range" or fig.value is None:
        return f"between {num(fig.low)} and {num(fig.high)}{glue}{noun}".strip()
    before = QUALIFIER.get(fig.qualifier, ("",))[0]
    text = f"{before} {num(fig.value)}".strip()
    return f"{text}{glue}{noun}".strip()


# ---- Arabic -----------------------------------------------------------------------

_DIACRITICS = re.compile("[\u064b-\u0652\u0670\u0640]")


def _fold(text: str) -> str:
    """A light normalisation for matching cues: no diacritics, one alef, ya for alef maqsura."""
    text = _DIACRITICS.sub("", text)
    return (text.replace("أ", "ا").replace("إ", "ا").replace("آ", "ا")
            .replace("ى", "ي").replace("ة", "ه"))


@cache
def _cues() -> dict[str, tuple[str, ...]]:
    cues = {q: set(words) for q, words in _AR_CUES.items()}
    table = DATA / "qualifiers.tsv"
    if table.is_file():
        for row in _rows(table):
            if len(row) >= 3 and row[0] in cues:
                cues[row[0]].add(row[2].strip())
    return {q: tuple(sorted(_fold(w) for w in words if w)) for q, words in cues.items()}


def says_qualifier(text: str, qualifier: str) -> bool:
    """Whether Arabic `text` carries a cue of `qualifier` (exact needs none)."""
    if qualifier == "exact":
        return True
    folded = f" {_fold(text)} "
    return any(cue in folded for cue in _cues().get(qualifier, ()))


def ar_figure(fig) -> str:
    """The figure in Arabic as the article wrote it, its qualifier guaranteed.

    The article's own words are the most faithful ("ما لا يقل عن 84 شخصا"); when
    the qualifier stood outside the figure's text (a governing verb), its phrase
    is put back in front, so "84 شخصا" of an at_least figure reads
    "ما لا يقل عن 84 شخصا".
    """
    text = " ".join(fig.text.split())
    if fig.kind in ("fraction", "ordinal") or says_qualifier(text, fig.qualifier):
        return text
    if fig.qualifier == "vague":
        words = vague_words(fig)
        return f"{words[1]} ({text})" if words else f"{text} ({num(fig.low)}–{num(fig.high)})"
    if fig.qualifier == "range":
        return f"بين {num(fig.low)} و{num(fig.high)} ({text})"
    return f"{QUALIFIER[fig.qualifier][1]} {text}"


def qualifier_names(qualifier: str) -> tuple[str, str]:
    """(English, Arabic) name of a qualifier for a table cell."""
    words = QUALIFIER.get(qualifier, (None, None, qualifier, qualifier))
    return words[2], words[3]


# ---- names ------------------------------------------------------------------------

def name_ar(name: str | None) -> str | None:
    """The Arabic of a place or source named in English; the English if unknown."""
    if not name:
        return None
    hit = _names().get(name.casefold())
    if hit:
        return hit[0]
    parts = [p.strip() for p in name.split(",")]
    if len(parts) > 1:
        return "، ".join(name_ar(p) or p for p in parts)
    return name


def place_phrase(place: str | None, event: str | None, lang: str) -> str | None:
    """'in al-Hol camp' / 'في مخيم الهول', with the preposition the event wants."""
    if not place:
        return None
    words = event_words(event)
    if lang == "en":
        hit = _names().get(place.casefold())
        if words.prep_en == "in" and hit and hit[1]:
            return hit[1]
        return f"{words.prep_en} {place}"
    prep = words.prep_ar
    return f"{prep}{name_ar(place)}" if prep.endswith("ـ") else f"{prep} {name_ar(place)}"


# ---- times ------------------------------------------------------------------------

def _one_span(text: str) -> tuple[dt.date, dt.date, str] | None:
    """(first day, last day, grain) of an ISO date, month, year or date-time."""
    text = text.strip()
    try:
        if re.fullmatch(r"\d{4}", text):
            return dt.date(int(text), 1, 1), dt.date(int(text), 12, 31), "year"
        if re.fullmatch(r"\d{4}-\d{2}", text):
            y, m = map(int, text.split("-"))
            last = (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1))
            return dt.date(y, m, 1), last, "month"
        if re.match(r"\d{4}-\d{2}-\d{2}", text):
            day = dt.date.fromisoformat(text[:10])
            return day, day, "day"
    except ValueError:
        return None
    return None


def time_span(value: str | None) -> tuple[dt.date, dt.date] | None:
    """The days an ISO time value covers, or None (durations, unresolved)."""
    if not value:
        return None
    parts = value.split("/")
    spans = [_one_span(p) for p in parts]
    if len(parts) > 2 or any(s is None for s in spans):
        return None
    return spans[0][0], spans[-1][1]


def date_words(day: dt.date, lang: str, grain: str = "day", year: bool = True) -> str:
    """'1 March 2019' / '1 آذار/مارس 2019' (or the month or year alone)."""
    months = EN_MONTHS if lang == "en" else AR_MONTHS
    if grain == "year":
        return str(day.year)
    text = months[day.month - 1]
    if grain == "day":
        text = f"{day.day} {text}"
    return f"{text} {day.year}" if year else text


def when_phrase(value: str | None, lang: str, published: dt.date | None) -> str | None:
    """'since December 2018', 'on 1 March 2019', 'between 23 February and 1 March 2019'."""
    if not value:
        return None
    parts = value.split("/")
    spans = [_one_span(p) for p in parts]
    if any(s is None for s in spans) or len(spans) > 2:
        return None
    en = lang == "en"
    if len(spans) == 1:
        first, _, grain = spans[0]
        words = date_words(first, lang, grain)
        if grain == "day":
            return f"on {words}" if en else f"في {words}"
        if grain == "year":
            return f"in {words}" if en else f"في عام {words}"
        return f"in {words}" if en else f"في {words}"
    (a, _, grain_a), (_, b, grain_b) = spans
    # "منذ كانون الأول" ends on the report day: say "since"; a span of days
    # (the past week) is said with both ends.
    recent = published is not None and 0 <= (published - b).days <= 1
    if recent and grain_a != "day":
        words = date_words(a, lang, grain_a)
        return f"since {words}" if en else f"منذ {words}"
    same_year = a.year == b.year
    left = date_words(a, lang, grain_a, year=not same_year)
    right = date_words(b, lang, grain_b)
    return f"between {left} and {right}" if en else f"بين {left} و{right}"


def as_of(published: dt.date | None, lang: str) -> str | None:
    """The OCHA-style 'as of 2 March 2019' / 'حتى 2 آذار/مارس 2019'."""
    if published is None:
        return None
    words = date_words(published, lang)
    return f"as of {words}" if lang == "en" else f"حتى {words}"
