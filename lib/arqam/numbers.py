"""The number grammar: digits and number words into values.

Works on the folded tokens of a text (see lexicon.TOKEN). The words come from
data/numbers.tsv; this module only knows how Arabic combines them: units and
tens joined by و (ثلاثة وعشرون), teens (ثلاثة عشر، حداشر), hundreds and scales
multiplied (خمسة آلاف، 3.5 مليون), a dual scale standing for two (ألفين),
fractions of a scale (نصف مليون) and decimals written with فاصلة.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import lexicon
from .memo import per_word

_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_TEN_WORDS = {"عشر", "عشره"}
_ELEVEN_HEADS = {"احد", "احدي", "حادي", "حاديه", "الاحد", "الاحدي", "الحادي", "الحاديه"}
_AND = "و"


@dataclass(slots=True)
class Number:
    value: float | int
    start: int          # index of the first token
    end: int            # index after the last token
    cut: int = 0        # characters of a proclitic (و، ب) to skip in the first token
    spelled: bool = False
    scaled: bool = False  # ends in a scale word (ألف، مليون)
    role: str = "cardinal"  # cardinal | fraction | ordinal

    def copy(self) -> "Number":
        """A copy the caller may change (copy.copy is several times slower)."""
        return Number(self.value, self.start, self.end, self.cut, self.spelled, self.scaled,
                      self.role)


def digits_value(token: str) -> float | int | None:
    """The value of a digit token, reading ',' and '.' as papers use them.

    One separator followed by exactly three digits groups thousands (1.200,
    10,000); otherwise it is a decimal point (2.5, 2,5). With both, the last
    one is the decimal point. Groups of other sizes are not a number (4.8.6.6
    is a phone number or an identifier). Read once per token and kept: the
    finders ask about the same numbers many times.
    """
    if not token[:1].isdigit():
        return None
    try:
        return _DIGIT_VALUES[token]
    except KeyError:
        value = _DIGIT_VALUES[token] = _digits_value(token)
        return value


_DIGIT_VALUES: dict[str, float | int | None] = per_word({})


def _digits_value(token: str) -> float | int | None:
    if not _DIGITS.fullmatch(token):
        return None
    seps = [c for c in token if c in ".,"]
    if not seps:
        return int(token)
    parts = re.split(r"[.,]", token)
    if len(set(seps)) == 2:
        decimal = seps[-1]
        whole, frac = token.rsplit(decimal, 1)
        groups = re.split(r"[.,]", whole)
        if any(len(g) != 3 for g in groups[1:]) or not 1 <= len(groups[0]) <= 3:
            return None
        return _number(float("".join(groups) + "." + frac))
    if len(seps) > 1:
        if any(len(g) != 3 for g in parts[1:]) or not 1 <= len(parts[0]) <= 3:
            return None
        return int("".join(parts))
    whole, frac = parts
    if len(frac) == 3 and whole != "0" and len(whole) <= 3:
        return int(whole + frac)
    return _number(float(whole + "." + frac))


def _times(value: float | int, factor: float | int) -> float | int:
    """value × factor without binary noise: 34.2 مليار is 34200000000, not …000004."""
    if factor == 1:
        return _number(value)
    from decimal import Decimal

    return _number(float(Decimal(str(value)) * Decimal(str(factor))))


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


_ROLES: dict[str, dict[str, float]] = per_word({})


def _roles(word: str) -> dict[str, float]:
    roles = _ROLES.get(word)
    if roles is None:
        roles = _ROLES[word] = {role: value for value, role in lexicon().number_word(word)}
    return roles


def _word_at(words: list[str], i: int, first: bool) -> tuple[dict[str, float], int] | None:
    """Number roles of words[i], allowing a leading و (and ب/ل on the first word)."""
    if i >= len(words):
        return None
    word = words[i]
    roles = _roles(word)
    if roles:
        return roles, 0
    for prefix in (("و", "ب", "ل", "وب") if first else ("و",)):
        if word.startswith(prefix) and len(word) > len(prefix) + 1:
            roles = _roles(word[len(prefix):])
            if roles:
                return roles, len(prefix)
    return None


def _scale_at(words: list[str], i: int) -> tuple[float, int] | None:
    found = _word_at(words, i, first=False)
    if found and "scale" in found[0] and found[1] == 0:
        return found[0]["scale"], i + 1
    return None


def scale_after(words: list[str], i: int) -> tuple[float, int]:
    """Multiply by the scale words at words[i:] (مليون، آلاف); (factor, end)."""
    factor, j = 1, i
    while (found := _scale_at(words, j)) is not None:
        factor *= found[0]
        j = found[1]
    return factor, j


def spelled(words: list[str], i: int) -> Number | None:
    """A number written in words starting at words[i], or None."""
    total, current, j, cut = 0.0, 0.0, i, 0
    used = False
    last = None
    while j < len(words):
        first = j == i
        if not first:
            # A following word joins with و, or (Egyptian) directly after a hundred.
            if words[j] == _AND and j + 1 < len(words):
                nxt = _word_at(words, j + 1, first=False)
                if not nxt or nxt[1]:
                    break
                j += 1
                found = nxt
            else:
                found = _word_at(words, j, first=False)
                if not found:
                    break
                if found[1] == 0 and last not in ("hundred", "scale") and "scale" not in found[0]:
                    break
        else:
            found = _word_at(words, j, first=True)
            if not found:
                head = words[j]
                if head in _ELEVEN_HEADS and j + 1 < len(words) and words[j + 1] in _TEN_WORDS:
                    current, j, used, last = 11, j + 2, True, "teen"
                    continue
                return None
            cut = found[1]
        roles, _ = found
        word = words[j]
        if "unit" in roles and j + 1 < len(words) and words[j + 1] in _TEN_WORDS and roles["unit"] < 10:
            current += 10 + (roles["unit"] or 0)
            j, last = j + 2, "teen"
        elif "unit" in roles and j + 1 < len(words) and "hundred" in _roles(words[j + 1]) \
                and _roles(words[j + 1])["hundred"] == 100 and 3 <= roles["unit"] <= 9:
            current += roles["unit"] * 100
            j, last = j + 2, "hundred"
        elif "unit" in roles and last in (None, "hundred", "scale", "ten", "and"):
            if last == "ten":
                break
            current += roles["unit"]
            j, last = j + 1, "unit"
        elif "teen" in roles and last in (None, "hundred", "scale"):
            current += roles["teen"]
            j, last = j + 1, "teen"
        elif "ten" in roles and last in (None, "hundred", "scale", "unit"):
            current += roles["ten"]
            j, last = j + 1, "ten"
        elif "hundred" in roles and last in (None, "scale"):
            current += roles["hundred"]
            j, last = j + 1, "hundred"
        elif "scale" in roles and last is None and word.endswith("ا") and not word.endswith("ات"):
            total += 2 * roles["scale"]  # مليونا شخص، ألفا دولار: a dual before its noun
            j, last = j + 1, "scale"
        elif "scale" in roles and last != "scale":
            total += (current or 1) * roles["scale"]
            current, j, last = 0, j + 1, "scale"
        elif "dual_scale" in roles and last is None:
            total += roles["dual_scale"]
            j, last = j + 1, "scale"
        else:
            break
        used = True
        del word
    if not used:
        return None
    value = total + current
    return Number(_number(value), i, j, cut=cut, spelled=True, scaled=last == "scale")


_MEMO: dict[int, Number | None] = {}
_MEMO_WORDS: list[list[str]] = [[]]


def remember(words: list[str]) -> None:
    """Keep cardinals read in this token list: the finders of times and figures ask for
    the same ones."""
    _MEMO.clear()
    _MEMO_WORDS[0] = words


def cardinal(words: list[str], i: int) -> Number | None:
    """A cardinal at words[i]: digits with their scale, words, or a fraction of a scale."""
    if i >= len(words):
        return None
    if words is not _MEMO_WORDS[0]:
        return _cardinal(words, i)
    if i not in _MEMO:
        _MEMO[i] = _cardinal(words, i)
    found = _MEMO[i]
    return None if found is None else found.copy()


def _cardinal(words: list[str], i: int) -> Number | None:
    word = words[i]
    value = digits_value(word)
    if value is not None:
        factor, j = scale_after(words, i + 1)
        number = Number(_times(value, factor), i, j, scaled=j > i + 1)
        if number.scaled and j + 1 < len(words) and words[j] == "و":
            rest = digits_value(words[j + 1])  # ٥٣ ألفاً و٩٧٧: thousands and the rest
            if isinstance(rest, int) and rest < factor and not (j + 2 < len(words)
                                                                 and _scale_at(words, j + 2)):
                number.value, number.end, number.scaled = number.value + rest, j + 2, False
        return _decimal_tail(words, number)
    fraction = fraction_at(words, i)
    if fraction is not None:
        factor, j = scale_after(words, fraction.end)
        if j > fraction.end:
            return Number(_times(fraction.value, factor), i, j, cut=fraction.cut,
                          spelled=True, scaled=True)
    number = spelled(words, i)
    if number is None:
        return None
    return _decimal_tail(words, _half_tail(words, number))


def _half_tail(words: list[str], number: Number) -> Number:
    """مليون ونصف: a fraction joined to a scale adds that part of it."""
    j = number.end
    if number.scaled and j < len(words) and words[j].startswith("و") and len(words[j]) > 2:
        roles = _roles(words[j][1:])
        if "fraction" in roles:
            scale = number.value
            for _v, role in lexicon().number_word(words[j - 1]):
                if role == "scale":
                    scale = _v
            number.value = _number(number.value + roles["fraction"] * scale)
            number.end = j + 1
    return number


def _decimal_tail(words: list[str], number: Number) -> Number:
    """واحد فاصلة واحد / 1 فاصلة 1: a decimal point written as a word."""
    j = number.end
    if j + 1 < len(words) and words[j] in ("فاصله", "فاصلة") and not number.scaled:
        frac = digits_value(words[j + 1])
        end = j + 2
        if frac is None:
            part = spelled(words, j + 1)
            if part is None:
                return number
            frac, end = part.value, part.end
        number.value = _number(float(f"{int(number.value)}.{int(frac)}"))
        number.end = end
    return number


def fraction_at(words: list[str], i: int) -> Number | None:
    """نصف، ثلث، ثلثا، ثلاثة أرباع at words[i] (without a pronoun suffix)."""
    found = _word_at(words, i, first=True)
    if found and "fraction" in found[0]:
        return Number(found[0]["fraction"], i, i + 1, cut=found[1], spelled=True, role="fraction")
    if found and "unit" in found[0] and i + 1 < len(words):
        plural = _roles(words[i + 1])
        if "fractions" in plural and 2 <= found[0]["unit"] <= 9:
            return Number(found[0]["unit"] * plural["fractions"], i, i + 2, cut=found[1],
                          spelled=True, role="fraction")
    return None


def ordinal(words: list[str], i: int) -> Number | None:
    """An ordinal at words[i]: السابع، الحادي عشر، الخامس والعشرين، التسعون."""
    roles = _roles(words[i])
    nxt = words[i + 1] if i + 1 < len(words) else ""
    if ("ordinal_one" in roles or "ordinal" in roles) and nxt in _TEN_WORDS | {"عشره"}:
        base = roles.get("ordinal_one") or roles.get("ordinal")
        if base < 10:
            return Number(10 + base, i, i + 2, role="ordinal")
    if "unit" in roles and words[i] in _ELEVEN_HEADS and nxt in _TEN_WORDS:
        return Number(11, i, i + 2, role="ordinal")
    if "unit" in roles and roles["unit"] == 2 and nxt in _TEN_WORDS and words[i].startswith("ال"):
        return Number(12, i, i + 2, role="ordinal")
    base = roles.get("ordinal") or roles.get("ordinal_one")
    if base is None:
        stripped = words[i][2:] if words[i].startswith("ال") else None
        if stripped and ("unit" in _roles(stripped)) and words[i] != "الاحد":
            unit = _roles(stripped)["unit"]
            if 1 <= unit <= 9 and nxt in _TEN_WORDS:
                return Number(10 + unit, i, i + 2, role="ordinal")
        if words[i] in _ELEVEN_HEADS and nxt in _TEN_WORDS:
            return Number(11, i, i + 2, role="ordinal")
        return None
    if base < 10 and i + 1 < len(words):
        # الحادي والعشرين، الخامس و العشرون
        j = i + 1
        if words[j] == _AND:
            j += 1
            ten = _roles(words[j]).get("ordinal") if j < len(words) else None
        else:
            ten = _roles(words[j][1:]).get("ordinal") if words[j].startswith("و") else None
        if ten and ten >= 20 and ten % 10 == 0:
            return Number(base + ten, i, j + 1, role="ordinal")
    if "ordinal_one" in roles and "ordinal" not in roles:
        return None
    return Number(base, i, i + 1, role="ordinal")
