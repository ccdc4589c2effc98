"""Reading one number on its own: `numeral("ثلاثة وعشرون")` is 23.

The extractor reads numbers in running text; these helpers read a string that
is nothing but a number (a cell of a table, a form field, a test corpus),
where forms that running text keeps for dates and identifiers are numbers
too: a leading minus (-1.2), a leading point (.77) and a fraction (3/4).
"""

from __future__ import annotations

from .lexicon import TOKEN
from .normalize import fold
from .numbers import cardinal, digits_value, ordinal as _ordinal


def _words(text: str) -> list[str]:
    return TOKEN.findall(fold(text))


def numeral(text: str) -> float | int | None:
    """The value of a string that is a single cardinal number, else None."""
    words = _words(text)
    sign = 1
    if words[:1] == ["-"]:
        sign, words = -1, words[1:]
    if len(words) == 2 and words[0] == "." and words[1].isdigit():
        return sign * float("0." + words[1])
    if len(words) == 3 and words[1] == "/" and words[0].isdigit() and words[2].isdigit() and int(words[2]):
        value = int(words[0]) / int(words[2])
        return sign * (int(value) if value.is_integer() else value)
    if not words:
        return None
    if len(words) == 1 and digits_value(words[0]) is None and words[0].replace(".", "").isdigit():
        return None
    number = cardinal(words, 0)
    if number is None or number.end != len(words) or number.cut:
        return None
    return sign * number.value


def ordinal(text: str) -> int | None:
    """The value of a string that is a single ordinal (الحادي والعشرين), else None."""
    words = _words(text)
    if not words:
        return None
    number = _ordinal(words, 0)
    if number is None or number.end != len(words):
        return None
    return int(number.value)


def _alone(text: str, published=None, prefer: str = "past"):
    from .extract import extract
    from .reader import from_text

    return extract(from_text(text, published), prefer=prefer)


def money(text: str):
    """The one sum of money a string holds (a Figure of kind money), else None."""
    figures = [f for f in _alone(text).figures if f.kind == "money"]
    return figures[0] if len(figures) == 1 else None


def quantity(text: str) -> tuple[float | int, str] | None:
    """(value, unit) of a string that is one measured quantity: 2 غرام، كغ، 3/4 كوب."""
    from .lexicon import lexicon

    words = _words(text)
    if words:
        unit = lexicon().units.match(words, 0, clitics=False)
        if unit is not None and unit[0].kind == "measure" and unit[1] == len(words):
            return (2 if unit[0].count == 2 else 1), unit[0].name  # كغ: one; لتران: two
        for split in range(1, len(words)):
            unit = lexicon().units.match(words, split, clitics=False)
            if unit is not None and unit[0].kind == "measure":
                value = numeral(" ".join(words[:split]))
                if value is not None:
                    return value, unit[0].name
    figures = [f for f in _alone(text).figures if f.kind == "measure"]
    return (figures[0].value, figures[0].unit) if len(figures) == 1 else None


def duration(text: str) -> str | None:
    """The ISO 8601 duration of a string that is one: ثلاثة أيام → P3D, أسبوع → P1W."""
    from .lexicon import lexicon

    words = _words(text)
    unit = lexicon().durations.match(words, 0, clitics=False) if words else None
    if unit is not None and unit[1] == len(words) and unit[0][1] == 1:
        return _alone("خلال " + text).times[0].value  # a unit on its own is one of it
    times = [t for t in _alone(text).times if t.kind == "duration"]
    return times[0].value if len(times) == 1 else None
