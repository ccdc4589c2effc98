"""Duckling's Arabic examples beyond numerals: durations, money, quantities,
times and phone numbers (tests/data/duckling_ar.json, an evaluation set).

Duckling normalises differently in places (grams for every weight, the week
starting on Monday, an interval's end exclusive); the adapter below converts
those conventions, nothing more. Each case arqam reads differently is listed
with its reason in EXPECTED_FAIL. Times are resolved as the corpus is: from
its reference time 2013-02-12T04:30 at UTC-2, preferring the future.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import arqam
from arqam import parse

CASES = json.loads((Path(__file__).parent / "data" / "duckling_ar.json").read_text(encoding="utf-8"))["cases"]
REFERENCE = dt.date(2013, 2, 12)

_NOW = "a word for now is not a time of its own: it dates the figures of its sentence (seed gold)"
_ROLLING = "the week before or after the report is the seven days before or after it (seed gold), " \
    "not Duckling's calendar week from Monday"
EXPECTED_FAIL: dict[tuple[str, str], str] = {
    ("amount-of-money", "$20 43"): "a bare number after a sum is not read as its cents",
    ("amount-of-money", "حوالي 10$-20$"): "a range with the sign on both ends is read as two sums",
    ("time", "حالا"): _NOW,
    ("time", "الان"): _NOW,
    ("time", "في هذه اللحظة"): _NOW,
    ("time", "الاسبوع الماضي"): _ROLLING,
    ("time", "الاسبوع السابق"): _ROLLING,
    ("time", "الاسبوع المنصرم"): _ROLLING,
    ("time", "الاسبوع القادم"): _ROLLING,
    ("time", "الاسبوع التالي"): _ROLLING,
    ("time", "الاسبوع المقبل"): _ROLLING,
    ("time", "الاسبوع الجاي"): _ROLLING,
    ("time", "2/2013"): "a month and year is kept as the month, not its first day",
    ("time", "بداية شهر 3"): "the beginning of a month is kept as the month (corpus convention for مطلع)",
    ("time", "من اسبوع"): "من before a duration is 'for' or 'since' in news copy, not the Egyptian 'ago'",
    ("time", "ثالث ثلاثاء بعد كريسماس 2014"): "weekdays counted after a feast are not read",
    ("time", "الاسابيع الثلاثة القادمة"): "plural weeks ahead are not read as an interval",
    ("time", "حتى الساعة 2:00"): "'until' makes no interval from now: the clock time alone is kept",
    ("time", "خلال اسبوعين"): "خلال before a bare duration is the duration (seed gold: خلال أسبوع is P1W)",
}

_DURATION = {"second": "PT{}S", "minute": "PT{}M", "hour": "PT{}H", "day": "P{}D", "week": "P{}W",
             "month": "P{}M", "year": "P{}Y"}
_MONEY = {"Dollar": {"USD"}, "Pound": {"EGP", "GBP", "SDG"}, "Cent": {"cent"}}
_GRAMS = {"gram": 1, "kg": 1000, "mg": 0.001}


def _duration(case) -> bool:
    v = case["value"]
    return parse.duration(case["text"]) == _DURATION[v["unit"]].format(v["value"])


def _money(case) -> bool:
    fig = parse.money(case["text"])
    v = case["value"]
    if fig is None or fig.unit not in _MONEY.get(v["unit"], {v["unit"]}):
        return False
    if "value" in v:
        return fig.value is not None and abs(fig.value - v["value"]) < 1e-9 and fig.qualifier in ("exact", "approx")
    return (fig.low, fig.high) == (v.get("from"), v.get("to"))


def _quantity(case) -> bool:
    found = parse.quantity(case["text"])
    v = case["value"]
    if found is None:
        return False
    value, unit = found
    if v["unit"] == "gram" and unit in _GRAMS:
        return abs(value * _GRAMS[unit] - v["value"]) < 1e-9
    return unit == v["unit"] and abs(value - v["value"]) < 1e-9


def _to_local(value: str) -> str:
    """A time with an offset, as the corpus's local time at UTC-2."""
    if value.endswith("Z"):
        moment = dt.datetime.fromisoformat(value[:-1] + "+00:00")
        return (moment - dt.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M:%S")
    return value[:19]


def _time(case) -> bool:
    result = arqam.extract(arqam.from_text(case["text"], REFERENCE), prefer="future")
    if not result.times:
        return False
    main = next((t for t in result.times if t.kind == "time"), max(result.times, key=lambda t: t.end - t.start))
    v, got = case["value"], main.value
    if got is None:
        return False
    if v["type"] == "interval":
        first, _, last = got.partition("/")
        grain = {"day": dt.timedelta(days=1), "hour": dt.timedelta(hours=1)}.get(v["grain"])
        if grain is None or not last:
            return False
        end = dt.datetime.fromisoformat(v["to"]) - grain
        width = 10 if v["grain"] == "day" else 13
        return first[:width] == v["from"][:width] and last[:width] == end.isoformat()[:width]
    if v["grain"] == "week":  # a week is named by its first day
        return got.partition("/")[0] == v["value"][:10]
    width = {"second": 19, "minute": 16, "hour": 13, "day": 10, "month": 7, "year": 4}.get(v["grain"])
    if width is None:
        return False
    got = _to_local(got) if "T" in got else got
    return got[:width] == v["value"][:width] and len(got) >= min(width, 10)


CHECKS = {"duration": _duration, "amount-of-money": _money, "quantity": _quantity, "time": _time}
TARGETS = {"duration": 0.95, "amount-of-money": 0.95, "quantity": 0.95, "time": 0.90}


@pytest.mark.parametrize("dimension", sorted(CHECKS))
def test_dimension_pass_rate(dimension):
    cases = [c for c in CASES if c["dimension"] == dimension]
    failed = [c["text"] for c in cases if not CHECKS[dimension](c)]
    rate = 1 - len(failed) / len(cases)
    print(f"{dimension}: {len(cases) - len(failed)}/{len(cases)} = {rate:.3f}")
    unexplained = [t for t in failed if (dimension, t) not in EXPECTED_FAIL]
    assert not unexplained, f"failing without a recorded reason: {unexplained}"
    assert rate >= TARGETS[dimension]


def test_recorded_failures_still_fail():
    """A case on the list that passes now must leave it."""
    for (dimension, text), _reason in EXPECTED_FAIL.items():
        case = next(c for c in CASES if c["dimension"] == dimension and c["text"] == text)
        assert not CHECKS[dimension](case), f"{text!r} passes now: remove it from EXPECTED_FAIL"


def test_phone_numbers_are_never_figures():
    for case in (c for c in CASES if c["dimension"] == "phone-number"):
        figures = arqam.extract(arqam.from_text(case["text"], REFERENCE)).figures
        assert figures == [], case["text"]
