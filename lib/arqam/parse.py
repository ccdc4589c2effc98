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
