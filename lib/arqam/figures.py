"""Finding figures among the tokens: quantity, counted noun and qualifier.

A figure is `[pre-qualifier] quantity [noun] [post-qualifier]`, where the
quantity is a cardinal (digits or words, with scales), a range, a vague plural
(عشرات), a fraction (نصف كيلومتر، ثلثاهم), a dual noun (قتيلان), a singular noun
after a casualty word (قتل شخص) or an ordinal after a series noun (الدفعة
السابعة). What makes a number not a figure (a label such as القرار 2254, a
phone number, a page number alone on its line, a bare year) is decided here too.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import compress
from operator import itemgetter
from typing import AbstractSet

from .lexicon import Unit, lexicon, unseen
from .memo import per_word
from .numbers import Number, cardinal, digits_value, fraction_at, ordinal

_RANGE_JOIN = {"الي", "حتي", "ل"}
_SUBSET_CUES = {"بينهم", "منهم", "بينهن", "منهن", "بينها", "منها", "بينهما", "منهما"}
_PRONOUNS = ("هما", "هم", "هن", "ها", "ه")
_STOP = {"في", "من", "علي", "الي", "عن", "مع", "و", "او", "ثم", "ف", "ب", "ل", "ك", "قد", "لقد",
         "كان", "كانوا", "كانت", "هو", "هي", "هم", "ان", "انه", "انها", "التي", "الذي", "الذين",
         "خلال", "منذ", "بعد", "قبل", "حتي", "عند", "لدي", "داخل", "خارج", "بين", "نحو", "حوالي",
         "اي", "كل", "بعض", "جميع", "غير", "سوي", "فقط", "ايضا", "اخري", "اخر", "هذا", "هذه",
         "ذلك", "تلك", "هناك", "هنا", "لا", "لم", "لن", "ما", "مما", "عام", "العام", "سنه", "يوم",
         "اليوم", "امس", "شهر", "الماضي", "الحالي", "الجاري", "المقبل", "القادم", "اخري", "اخرين",
         "اخرون", "اضافي", "اضافيه", "اضافيا", "تقريبا", "اضافه", "مره", "مرات", "علما", "وفقا",
         "بينما", "حيث", "حين", "لدي", "اثر", "جراء", "بسبب", "نتيجه", "خلف", "امام", "وراء", "لكن",
         "انما", "الا", "اذا", "ربما", "منها", "منهم", "بينهم", "فيها", "عليها", "لها", "له", "لهم",
         "عنها", "عنه", "اليها", "اليه", "هذه", "كانت", "يكون", "تكون", "هي", "اي", "سنويا", "يوميا",
         "شهريا", "اسبوعيا", "سابقا", "لاحقا", "حاليا", "مؤخرا", "موخرا", "جديده", "جديدا", "قرابه"}
_PRONOUN_WORDS = {"فيه", "منه", "عنه", "عليه", "اليه", "لديه", "انه", "بانه", "لانه", "معه", "بعده",
                  "قبله", "لديه", "حوله", "عبره", "ذاته", "نفسه", "كله", "بعضه"}
_MAX_DISTANT_QUALIFIER = 7
_RANGE_OPENERS = {"من", "بين", "ما"}
_TWO_AFTER = {"اثنين", "اثنان", "اثنتين", "اثنتان"}
_PEOPLE = {"person", "civilian", "child", "woman", "fighter", "soldier", "police", "medic",
           "journalist", "firefighter", "*"}
_FIGURE_TRIGGERS: dict[str, bool] = per_word({})
_QUALIFIER_HEADS: dict[str, bool] = per_word({})
# Whether a figure can start at a word whatever follows (strong), or only when a
# number follows (weak: نحو، أكثر من); kept per distinct word for good.
_STRONG, _WEAK = 1, 2
_ROLES: dict[str, int] = per_word({})
_QUALIFIER_NEXT: dict[str, frozenset | None] = per_word({})


def _next_words(phrases, word: str) -> frozenset | None:
    """The words that can follow `word` in the phrases it begins; None when it is a whole
    phrase itself and needs none."""
    following = set()
    for _cut, entries in phrases.heads(word):
        for toks, _payload in entries:
            if len(toks) == 1:
                return None
            following.add(toks[1])
    return frozenset(following)


def _qualifier_head(word: str) -> bool:
    """Does a figure start at this word only when a number follows (نحو، أكثر من، بين)?"""
    known = _QUALIFIER_HEADS.get(word)
    if known is None:
        known = _QUALIFIER_HEADS[word] = word in _RANGE_OPENERS or bool(
            lexicon().qualifiers["pre"].heads(word))
    return known


@dataclass(slots=True)
class FigureMention:
    start: int
    end: int
    kind: str
    value: float | int | None
    low: float | int | None
    high: float | int | None
    qualifier: str
    cut: int = 0
    unit: str | None = None
    noun: bool = False           # a counted noun follows (known or not)
    describer: bool = False      # the noun describes (أجانب) and names no unit
    bare_currency: str | None = None
    subset: bool = False         # بينهم / منهم before it
    share: bool = False          # a fraction of another figure (ثلثاهم)
    noun_event: str | None = None
    spelled: bool = False
    scaled: bool = False         # ends in a scale word: 20 مليونا


def bounds(qualifier: str, value, kind: str):
    """low and high for a point value under its qualifier (see tests/corpus/README.md);
    an exact share (ثلثاهم) has its value and no bounds."""
    if (kind == "fraction" and qualifier == "exact") or qualifier == "approx":
        return None, None
    if qualifier in ("at_least", "more_than"):
        return value, None
    if qualifier in ("at_most", "less_than"):
        return None, value
    return value, value


class FigureFinder:
    def __init__(self, words: list[str], blocked: set[int], alone: set[int], line_of: list[int],
                 named: AbstractSet[int] = frozenset(), fresh: set[str] | None = None):
        self.words = words
        self.blocked = blocked
        self.named = named  # inside a place name: no figure starts here, a noun may (الخيام)
        self.fresh = fresh  # the words the per-word tables may not know yet, if the caller knows
        self._last_end = -1
        self.alone = alone
        self.line_of = line_of
        self.lex = lexicon()
        self.phone = self._phone_tokens()

    def find(self) -> list[FigureMention]:
        words, blocked, named, roles = self.words, self.blocked, self.named, _ROLES
        pre = self.lex.qualifiers["pre"]
        for w in unseen(words, roles) if self.fresh is None else self.fresh:
            roles[w] = _STRONG if self._trigger(w) else _WEAK if _qualifier_head(w) else 0
            if roles[w] == _WEAK:
                _QUALIFIER_NEXT[w] = _next_words(pre, w)
        found, free = [], 0
        for i in compress(range(len(words)), map(roles.__getitem__, words)):
            if i < free or i in blocked or i in named:
                continue
            word = words[i]
            if roles[word] == _WEAK:
                following = words[i + 1] if i + 1 < len(words) else ""
                after = _QUALIFIER_NEXT[word]
                qualified = (after is None or following in after) and pre.match(words, i)
                ranged = word in _RANGE_OPENERS and (following == "بين"
                                                     or roles.get(following) == _STRONG)
                if not qualified and not ranged:
                    continue
            mention = self.at(i)
            if mention is not None:
                found.append(mention)
                free = self._last_end = mention.end
        return found

    def _trigger(self, word: str) -> bool:
        """Can a figure start at this word, whatever follows? Decided once per distinct word."""
        known = _FIGURE_TRIGGERS.get(word)
        if known is None:
            lex = self.lex
            known = _FIGURE_TRIGGERS[word] = bool(
                word[0].isdigit() or word[0] in "$€£" or lex.number_word(word)
                or (word[0] in "وبل" and lex.number_word(word[1:]))
                or (word.startswith("وب") and lex.number_word(word[2:]))
                or lex.vague.heads(word) or lex.series.heads(word) or self._share_word(word)
                or any(payload.count and (cut == 0 or payload.count == 2 or word[0] == "و")
                       and payload.kind != "percent"
                       for cut, entries in lex.units.heads(word) for toks, payload in entries
                       if len(toks) == 1 or payload.count == 2)
                or (word.endswith("ان") and len(word) > 4))
        return known

    def _share_word(self, word: str) -> bool:
        for suffix in _PRONOUNS:
            if word.endswith(suffix) and any(r == "fraction" for _v, r in
                                             self.lex.number_word(word[: -len(suffix)])):
                return True
        return False

    # ------------------------------------------------------------------ parts
    def _phone_tokens(self) -> set[int]:
        """Digit runs that read as phone numbers: +33 1 46..., 650 701 8887, 0620…"""
        words, phone, n = self.words, set(), len(self.words)
        free = 0
        for i in compress(range(n), map(str.isdigit, map(itemgetter(0), words))):
            if i < free:
                continue
            following = words[i + 1] if i + 1 < n else ""
            alone = not following[:1].isdigit() and following not in ("-", ".") \
                and (i == 0 or words[i - 1] not in ("+", "(", ")"))
            if alone and len(words[i]) < 8 and words[i][0] != "0":
                continue  # a number alone, as most are
            j, digits, run = i, 0, []
            while j < len(words) and (words[j][:1].isdigit() or (words[j] in "-." and run
                                                                  and j + 1 < len(words)
                                                                  and words[j + 1][:1].isdigit())):
                if words[j][:1].isdigit():
                    digits += sum(c.isdigit() for c in words[j])
                run.append(j)
                j += 1
            plus = i > 0 and words[i - 1] == "+" or (i > 1 and words[i - 1] == "(" and words[i - 2] == "+")
            plus = plus or (i > 2 and words[i - 1] == ")" and words[i - 2][:1].isdigit() and words[i - 3] == "+")
            single = words[i]
            long_id = len(run) == 1 and single.isdigit() and len(single) >= 8 and not single.endswith("000")
            zero_id = single.isdigit() and len(single) >= 2 and single.startswith("0")
            if plus or long_id or zero_id or (len([k for k in run if words[k][:1].isdigit()]) >= 2
                                               and digits >= 7):
                phone.update(run)
            free = max(j, i + 1)
        return phone

    def _label(self, i: int) -> bool:
        """A number that names a thing: القرار 2254، رقم 10، كوفيد-19، ص 8."""
        words = self.words
        if i in self.phone:
            return True
        for back in (1, 2, 3):
            k = i - back
            if k < 0:
                break
            label = self.lex.noncount.match(words, k, clitics=True)
            if label is not None and (label[1] == i or all(w in ".:-" for w in words[label[1]:i])):
                return True  # القرار 2254، ext. 897
        if i >= 2 and words[i - 1] in ("-", "/") and words[i - 2].isalpha() and i - 2 not in self.blocked:
            return True
        if i + 1 < len(words) and words[i + 1] == "/" and words[i][:1].isdigit():
            return True
        if i + 1 < len(words) and words[i + 1] in ("»", "”") \
                and any(w in ("«", "“") for w in words[max(0, i - 5):i]):
            return True  # «الفارس الشهم 3»: the number ends a name
        if i >= 1 and words[i - 1] == "/" and words[i][:1].isdigit():
            return True
        return False

    def _quantity(self, i: int):
        """(kind, value, low, high, qualifier, number_end, extra) at words[i], or None."""
        words = self.words
        if i >= len(words) or i in self.blocked:
            return None
        found = self._range(i)
        if found:
            return found
        vague = self.lex.vague.match(words, i, clitics=True)
        if vague is not None and words[i][:vague[2]] in ("", "و", "ب", "ل", "وب"):
            (low, high, needs_noun), end, cut = vague
            prev = words[i - 1] if i > 0 else ""
            if not (prev and (digits_value(prev) is not None or self._is_number_word(prev))):
                return ("count", None, low, high, "vague", end, {"needs_noun": needs_noun, "cut": cut})
        share = self._share(i)
        if share is not None:
            return share
        number = cardinal(words, i)
        if number is not None and any(k in self.blocked or k in self.named for k in range(i, number.end)):
            number = None
        if number is not None:
            if number.role == "fraction":
                return None
            return ("count", number.value, None, None, "exact", number.end,
                    {"spelled": number.spelled, "cut": number.cut, "number": number})
        fraction = fraction_at(words, i)
        if fraction is not None:
            return ("fraction", fraction.value, None, None, "exact", fraction.end,
                    {"spelled": True, "cut": fraction.cut, "fraction": True})
        return None

    def _is_number_word(self, word: str) -> bool:
        return any(role in ("unit", "ten", "hundred", "teen") for _v, role in self.lex.number_word(word))

    def _share(self, i: int):
        """ثلثاهم، نصفهم، ربعهن: a fraction of the people just counted."""
        word = self.words[i]
        for suffix in _PRONOUNS:
            if word.endswith(suffix) and len(word) > len(suffix) + 1:
                stem = word[: -len(suffix)]
                for value, role in self.lex.number_word(stem):
                    if role == "fraction":
                        return ("fraction", value, None, None, "exact", i + 1,
                                {"share": True, "spelled": True})
        return None

    def _range(self, i: int):
        """بين 10 و15، ما بين عشرة وعشرين، 10-15 ألف، من 3 إلى 5 آلاف."""
        words = self.words
        j, opener = i, None
        if words[j] == "ما" and j + 1 < len(words) and words[j + 1] == "بين":
            j, opener = j + 2, "between"
        elif words[j] == "بين":
            j, opener = j + 1, "between"
        elif words[j] == "من":
            changes = self.lex.qualifiers["change"]
            if any(changes.match(words, k, clitics=True) for k in range(max(0, i - 4), i)):
                return None  # ارتفع عدد القتلى من 10 إلى 20: a change, not a range
            j, opener = j + 1, "from"
        if j >= len(words):
            return None
        first = cardinal(words, j)
        if first is None or any(k in self.blocked for k in range(j, first.end)):
            return None
        if opener == "between" and first.spelled:
            # ما بين عشرة وعشرين: the grammar of numbers would read one number, 30
            for p in range(j + 1, first.end):
                if words[p].startswith("و"):
                    head = cardinal(words[j:p], 0)
                    if head is not None and head.end == p - j:
                        first.value, first.end = head.value, p
                        break
        k = first.end
        if k >= len(words):
            return None
        if opener == "between":
            if words[k] == "و":
                k += 1
                second = cardinal(words, k)
            elif words[k].startswith("و"):
                second = cardinal([words[k][1:]] + words[k + 1:k + 8], 0)
                if second is not None:
                    second.start, second.end = k, k + second.end
            else:
                return None
        elif opener == "from":
            joined = words[k].startswith("ل") and (digits_value(words[k][1:]) is not None
                                                     or self.lex.number_word(words[k][1:]))
            if words[k] not in _RANGE_JOIN and not joined:
                return None
            if words[k] in _RANGE_JOIN:
                k += 1
                second = cardinal(words, k)
            else:
                second = cardinal([words[k][1:]] + words[k + 1:k + 8], 0)
                if second is not None:
                    second.start, second.end = k, k + second.end
        else:
            if words[k] != "-" or first.spelled or first.scaled:
                return None
            k += 1
            if k >= len(words) or digits_value(words[k]) is None:
                return None
            second = cardinal(words, k)
        if second is None or any(m in self.blocked for m in range(second.start, second.end)):
            return None
        low, high = first.value, second.value
        if second.scaled and not first.scaled:
            scale = second.value / (digits_value(words[second.start]) or 1) if not second.spelled else None
            if scale is None:
                scale = _trailing_scale(words, second)
            low = low * scale
        if low is None or high is None or low >= high:
            return None
        low, high = _tidy(low), _tidy(high)
        if opener is None and high > 100000 and not second.scaled:
            return None
        return ("count", None, low, high, "range", second.end, {"spelled": first.spelled})

    def _noun(self, j: int, quantity_kind: str):
        """The counted noun or unit at words[j]: (Unit | currency | None, end, flags)."""
        words = self.words
        if j >= len(words) or j in self.blocked:
            return None
        k = j
        if words[k] == "من" and k + 1 < len(words):
            k += 1
        currency = self.lex.currencies.match(words, k, clitics=False)
        if currency is not None and k == j:
            payload, end, _ = currency
            if payload is None:
                return ("bare_currency", " ".join(words[k:end]), end)
            return ("currency", payload[0], end)
        unit = self.lex.units.match(words, k, clitics=True)
        if unit is None and words[k].endswith("ا") and len(words[k]) > 3:
            unit = self.lex.units.match([words[k][:-1]] + words[k + 1:k + 6], 0, clitics=False)
            if unit is not None:  # دوارا: the accusative of a listed noun
                unit = (unit[0], unit[1] + k, 0)
        if unit is not None:
            payload, end, cut = unit
            if cut in (0, 2) and (cut == 0 or words[k].startswith("ال")):
                return ("unit", payload, end)
        if k != j:
            return None
        word = words[j]
        after_digits = j > 0 and words[j - 1][:1].isdigit()
        if self._looks_counted(word, definite=quantity_kind == "vague", after_digits=after_digits):
            describer = word.endswith(("يين", "يون")) or (word.endswith("ي") and len(word) > 4)
            return ("unit", Unit("*", "count", None), j + 1) if describer else ("noun", None, j + 1)
        return None

    def _looks_counted(self, word: str, definite: bool = False, after_digits: bool = False) -> bool:
        """An unknown word read as the counted noun after a number: it has the shape of
        a noun (accusative ا, feminine ة, nisba ي, a sound plural) and not of a verb."""
        if len(word) < 3 or not word.isalpha() or word in _STOP or word.startswith(("و", "ف")):
            return False
        if word.startswith("ال") != definite:
            return False  # عشرات السوريين، 40 سوريا
        if self.lex.number_word(word) or self.lex.months.match([word], 0, False) \
                or self.lex.durations.match([word], 0, False) or self.lex.weekdays.match([word], 0, True) \
                or self.lex.relative.match([word], 0, False) or self.lex.places.match([word], 0, True):
            return False
        if word.endswith("وا") or (word[0] in "يتن" and word.endswith(("ون", "ان"))) \
                or word.startswith(("سي", "ست")):
            return False  # فروا، يفرون، سيعودون: verbs
        if self.lex.events.match([word], 0, clitics=False) and not self.lex.units.match([word], 0, False):
            return False
        if word.endswith("ه") and len(word) == 3:
            return word not in _PRONOUN_WORDS  # جثه, but not فيه، منه
        if after_digits and len(word) >= 3 and not self.lex.attribution["verb"].heads(word):
            return True  # 1200 مرشح: the noun after written digits, whatever its ending
        return word.endswith(("ين", "ات", "ون", "ا", "ه", "ي")) and len(word) >= 4

    # ----------------------------------------------------------------- figure
    def at(self, i: int) -> FigureMention | None:
        words, lex = self.words, self.lex
        if words[i] in _TWO_AFTER and i > 0 and i - 1 not in self.blocked:
            before = self._noun_alone(i - 1)  # مسعفين اثنين: the number follows its noun
            if before is not None and before.end == i + 1:
                return before
        start, cut, qualifier = i, 0, None
        pre = lex.qualifiers["pre"].match(words, i, clitics=True)
        if pre is not None:
            qualifier, j, cut = pre
            if cut not in (0, 1):
                pre = None
            else:
                if j < len(words) and words[j] == "ال":
                    j += 1
                if self._quantity(j) is None:
                    pre = None
                else:
                    i = j
        if pre is None:
            qualifier, cut = None, 0
        series = self._series(i) if pre is None else None
        if series is not None:
            return series
        signed = self._signed(i, qualifier, cut) if not words[i].isalnum() else None
        if signed is not None:
            return signed
        quantity = self._quantity(i)
        if quantity is None:
            return self._noun_alone(i) if pre is None else None
        kind, value, low, high, q, end, extra = quantity
        if pre is None:
            cut = extra.get("cut", 0)
            if cut > 1:
                return None
        if self._label(i) or (i in self.alone and end - i == 1):
            return None  # القرار 2254، or a page number alone on its line
        if q in ("vague", "range"):
            qualifier = q  # بين 10 و15 is a range, عشرات vague, whatever stands before
        if self.lex.descriptive.match(words, end, clitics=False):
            return None  # مكون من 6 طوابق: a size, not a count
        number = extra.get("number")
        mention = FigureMention(start, end, kind, value, low, high, qualifier or "exact", cut=cut,
                                spelled=extra.get("spelled", False), share=extra.get("share", False),
                                scaled=bool(number and number.scaled))
        noun = self._noun(end, "vague" if q == "vague" else kind)
        if noun is not None:
            self._apply_noun(mention, noun)
        elif extra.get("needs_noun"):
            return None
        if extra.get("fraction") and not mention.share:
            if mention.kind != "measure":
                if noun is None or not words[end].startswith("ال"):
                    return None
                mention.share = True
        if mention.share:
            mention.kind, mention.unit = "fraction", "share"
        post = lex.qualifiers["post"].match(words, mention.end, clitics=False)
        if post is not None and mention.qualifier in ("exact",):
            mention.qualifier, mention.end = post[0], post[1]
        if mention.qualifier == "exact" and not mention.share:
            mention.qualifier = self._distant_qualifier(start) or "exact"
        if not mention.noun and mention.spelled and mention.value in (1, 2) and not mention.share:
            return None  # واحد، اثنان alone are words (في آن واحد), not counts
        if not mention.noun and not mention.spelled and mention.qualifier == "exact" \
                and isinstance(mention.value, int) and 1900 <= mention.value <= 2100 \
                and mention.kind == "count":
            return None  # a bare year
        if mention.qualifier not in ("vague", "range"):
            mention.low, mention.high = bounds(mention.qualifier, mention.value, mention.kind)
        # بينهم ستّة جهاديين، منهم 13 ألفا: a part of the figure before
        mention.subset = (i > 0 and words[i - 1] in _SUBSET_CUES) or \
            (start > 0 and words[start - 1] in _SUBSET_CUES)
        return mention

    def _signed(self, i: int, qualifier, cut) -> FigureMention | None:
        """$10, € 20: a currency sign before the amount."""
        sign = self.lex.currencies.match(self.words, i, clitics=False)
        if sign is None or sign[0] is None or sign[1] != i + 1:
            return None
        number = cardinal(self.words, i + 1)
        if number is None or number.role != "cardinal":
            return None
        q = qualifier or "exact"
        low, high = bounds(q, number.value, "money")
        return FigureMention(i, number.end, "money", number.value, low, high, q, cut=cut,
                             unit=sign[0][0], noun=True)

    def _apply_noun(self, mention: FigureMention, noun) -> None:
        what, payload, end = noun
        mention.end, mention.noun = end, True
        if what == "currency":
            mention.kind, mention.unit = "money", payload
            self._cents(mention)
        elif what == "bare_currency":
            mention.kind, mention.bare_currency = "money", payload
        elif what == "unit":
            unit: Unit = payload
            if unit.name == "*":
                mention.describer = True
            elif unit.kind == "measure" or unit.kind == "percent":
                mention.kind, mention.unit = unit.kind, unit.name
            else:
                mention.unit = unit.name
            if mention.kind == "fraction" and unit.kind == "measure":
                mention.kind = "measure"

    def _cents(self, mention: FigureMention) -> None:
        """20 دولار و43 سنت is 20.43 dollars."""
        words, j = self.words, mention.end
        if mention.unit == "cent" or j >= len(words) or mention.value is None:
            return
        if words[j] == "و":
            j += 1
        elif not (words[j].isdigit() or (words[j].startswith("و") and words[j][1:].isdigit())):
            return
        if j >= len(words):
            return
        window = [words[j].removeprefix("و")] + words[j + 1:j + 4]  # و43 سنت
        cents = cardinal(window, 0)
        if cents is None or not 0 < cents.value < 100:
            return
        unit = self.lex.currencies.match(window, cents.end, clitics=False)
        if unit is not None and unit[0] == ("cent",):
            mention.value = round(mention.value + cents.value / 100, 2)
            mention.end = j + unit[1]

    def _distant_qualifier(self, start: int) -> str | None:
        """قد يصل عدد القتلى إلى 100، تجاوز عدد النازحين 100 ألف."""
        words = self.words
        for back in range(1, _MAX_DISTANT_QUALIFIER + 1):
            k = start - back
            if k < 0 or words[k] in ("،", ",", ".", "«", "»", ":", "؛") or digits_value(words[k]) is not None:
                return None
            found = self.lex.qualifiers["verb"].match(words, k, clitics=True)
            if found is not None and found[2] in (0, 1):
                return found[0]
        return None

    def _series(self, i: int) -> FigureMention | None:
        """الدفعة السابعة، المرحلة الثانية: an ordinal numbering a series."""
        words = self.words
        found = self.lex.series.match(words, i, clitics=True)
        if found is None:
            return None
        unit, j, cut = found
        prefix = words[i][:cut]
        if prefix not in ("", "ال", "و", "وال", "بال", "لل"):
            return None
        cut = cut - 2 if prefix.endswith("ال") else cut  # ال stays in the text: الدفعة السابعة
        cut = max(cut, 0) if prefix != "لل" else 1
        if j >= len(words):
            return None
        number = ordinal(words, j)
        if number is None:
            if words[j] == "ال" and j + 1 < len(words):  # الدفعة الـ7
                digits = digits_value(words[j + 1])
                if isinstance(digits, int):
                    return FigureMention(i, j + 2, "ordinal", digits, digits, digits, "exact",
                                         cut=cut, unit=unit)
            return None
        if not (words[j].startswith("ال") and prefix.endswith("ال")) and \
                not (not words[j].startswith("ال") and not prefix.endswith("ال")):
            return None  # the noun and its ordinal agree in definiteness
        value = number.value
        return FigureMention(i, number.end, "ordinal", value, value, value, "exact", cut=cut, unit=unit)

    def _noun_alone(self, i: int) -> FigureMention | None:
        """قتيلان (two), or قُتل شخص (one): a count with no number word."""
        words = self.words
        found = self.lex.units.match(words, i, clitics=True)
        word, cut0 = words[i], 0
        if word[0] in "وف" and len(word) > 5:
            word, cut0 = word[1:], 1
        if found is None and word.endswith("ان") and len(word) > 4:
            stem = word[:-2]
            single = self.lex.units.match([stem], 0, clitics=False)
            if single is None and stem.endswith("ت"):  # سيدتان: the ة of سيدة is ت in the dual
                single = self.lex.units.match([stem[:-1] + "ه"], 0, clitics=False)
            if single is not None and single[0].count == 1 and single[1] == 1:
                found = (Unit(single[0].name, single[0].kind, 2), i + 1, cut0)  # عسكريان
        if found is None:
            return None
        unit, end, cut = found
        if unit.kind not in ("count", "measure") or cut > 1:
            return None
        if unit.count is None and not (end < len(words) and words[end] in _TWO_AFTER):
            return None
        if i > 0 and (digits_value(words[i - 1]) is not None or self._is_number_word(words[i - 1])):
            return None
        if end < len(words) and words[end] in _TWO_AFTER and unit.kind == "count":
            return FigureMention(i, end + 1, "count", 2, 2, 2, "exact", cut=cut,
                                 unit=unit.name, noun=True)  # مسعفين اثنين (found from اثنين)
        if unit.count == 2:
            return FigureMention(i, end, unit.kind, 2, 2, 2, "exact", cut=cut,
                                 unit=unit.name, noun=True, describer=unit.name == "*")
        if unit.kind != "count":
            return None
        if words[i].startswith("ال") or (cut and not (cut == 1 and words[i][0] == "و"
                                                         and self._last_end == i)):
            return None  # a singular alone counts one only after a casualty word or a figure
        if cut == 1 and self._last_end == i:  # امرأتين وطفلا (but not ... وإصابة 10, an event)
            if self.lex.events.match(words, i, clitics=True) is not None:
                return None
            return FigureMention(i, end, "count", 1, 1, 1, "exact", cut=1, unit=unit.name, noun=True)
        prev = words[i - 1] if i > 0 else ""
        event = self.lex.events.match(words, i - 1, clitics=True) if i > 0 else None
        after = words[end] if end < len(words) else ""
        if after in ("واحد", "واحده"):
            return FigureMention(i, end + 1, "count", 1, 1, 1, "exact", unit=unit.name, noun=True)
        if after in _TWO_AFTER and unit.count is None or after in _TWO_AFTER and unit.count == 1:
            return FigureMention(i, end + 1, "count", 2, 2, 2, "exact", unit=unit.name, noun=True)
        casualty = {"killed", "died", "wounded", "missing", "detained", "released"}
        if event is None or event[1] != i or not casualty & {name for name, _ in event[0]}:
            return None
        if unit.name not in _PEOPLE:
            return None  # سقوط سيارة: a thing, not a casualty
        if prev in ("عدد", "حصيله"):
            return None
        if self.lex.units.match(words, end, clitics=False) or after.startswith("ال") and len(after) > 4 \
                and after not in ("الاقل",):
            return None  # مقتل شخص الجنسية … : a noun phrase, not "one person"
        return FigureMention(i, end, "count", 1, 1, 1, "exact", unit=unit.name, noun=True)


def _trailing_scale(words: list[str], number: Number) -> float:
    factor = 1
    for k in range(number.end - 1, number.start - 1, -1):
        roles = {r: v for v, r in lexicon().number_word(words[k])}
        if "scale" in roles:
            factor *= roles["scale"]
        else:
            break
    return factor


def _tidy(value):
    return int(value) if float(value).is_integer() else value
