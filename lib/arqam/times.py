"""Time expressions: finding them among the tokens, then resolving them to ISO 8601.

Finding is pure grammar over the folded tokens (month names, weekdays,
relative words, clock times, durations from data/). Resolving needs the
article: its publication date, the day a quotation was given, a year named a
sentence earlier, the time zone of the place; `Resolver` takes those from the
caller so this module knows nothing of sentences.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress
from typing import AbstractSet, Callable

from . import calendar as cal
from .lexicon import lexicon, unseen
from .memo import per_word
from .numbers import cardinal, digits_value, ordinal, spelled

def _time_words():
    """The framing words of data/time_words.tsv, as the sets and tables this grammar uses."""
    table = lexicon().time_words

    def single(role, value=None):
        return {toks[0] for toks, v in table.get(role, ()) if len(toks) == 1 and value in (None, v)}

    def phrases(role):
        return tuple(toks for toks, _v in table.get(role, ()) if len(toks) > 1)

    def valued(role):
        return {toks[0]: v for toks, v in table.get(role, ())}

    return single, phrases, valued


_single_words, _phrases, _valued = _time_words()
_YEAR_WORDS = _single_words("year")
_MONTH_WORD = _single_words("month")
_CLOCK_WORDS = _single_words("clock")


def _phrase_index(phrases) -> dict[str, list[tuple[str, ...]]]:
    """Phrases (tuples of tokens) lower-cased and grouped by their first token, in order."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        lowered = tuple(p.lower() for p in phrase)
        index.setdefault(lowered[0], []).append(lowered)
    return index


_GMT = _phrase_index(_phrases("gmt") + tuple((w,) for w in _single_words("gmt")))
_LOCAL = _phrase_index(_phrases("local") + tuple((w,) for w in _single_words("local")))
_PM = _single_words("pm")
_PM_PHRASES = _phrase_index(_phrases("pm"))
_AM = _single_words("am")
_AM_PHRASES = _phrase_index(_phrases("am"))
_AM_PM = _AM | _PM
_AM_PM_PHRASES = _phrase_index(_phrases("pm") + _phrases("am"))
_DAY_PART_HOURS = {w: int(v) for w, v in _valued("pm").items() if v != "-"}
# A part of the day named before the day itself: من مساء أمس، فجر اليوم.
_DAY_PARTS = _valued("day_part")
_PAST = _single_words("past")
_FUTURE = _single_words("future")
# Words before a month that name a part of it: a day (غرة = the 1st, منتصف = the
# 15th), the month as a whole (0), or its first or last days (أوائل، أواخر).
_MONTH_PARTS = {w: (int(v) if v.isdigit() else 0) for w, v in _valued("month_part").items()}
_EARLY_LATE = {w: tuple(int(n) for n in v.split("-")) for w, v in _valued("month_part").items()
               if "-" in v}
# Ordinals that count days, weeks or weekdays within a month; -1 is the last.
_NTH = {w: int(v) for w, v in _valued("nth").items()}
_YEAR_PREPS = {"في", "منذ", "حتى", "قبل", "بعد", "خلال", "من", "الي", "و", "ب"} | _YEAR_WORDS \
    | set(_MONTH_PARTS)
_OF = {"من", "في", "ب"}
_DAY_JOINS = {"الي", "حتي", "وحتي", "-", "و"}  # 13 إلى 15، 13 و14، 13-15
_PERIOD_UNITS = {"يوم": "day", "اسبوع": "week"}
_NOT_TODAY_AFTER = {"التالي", "نفسه", "ذاته", "الاول", "الثاني", "الثالث", "الرابع", "الخامس",
                    "السادس", "السابع", "الثامن", "التاسع", "العاشر", "الاخير", "العالمي", "الوطني"}


@dataclass(slots=True)
class TimeMention:
    start: int
    end: int
    kind: str
    cut: int = 0
    rel: tuple[str, int] | None = None
    weekday: int | None = None
    direction: int = 0          # -1 past, +1 future, 0 as the resolver prefers
    day: int | None = None
    month: int | None = None
    year: int | None = None
    hijri: bool = False
    hour: int | None = None
    minute: int = 0
    second: int | None = None
    zone: str | None = None     # "Z", "local"
    period: str | None = None   # "am", "pm"
    duration: str | None = None
    month_offset: int | None = None  # الثالث من الشهر الجاري
    year_offset: int | None = None   # مطلع العام
    day2: int | None = None          # من 13 إلى 15 تموز
    nth: int | None = None           # ثالث ثلاثاء من أيلول (-1: the last)
    unit: str | None = None          # with nth: "day", "week" or a weekday
    week_offset: int | None = None   # الأحد من الأسبوع الماضي
    holiday: str | None = None
    ago: str | None = None           # قبل أسبوع: a duration back from the report
    parts: tuple | None = None       # an interval joined from two mentions
    on: "TimeMention | None" = None  # a clock's own date: الساعة 4 من فجر السادس من شباط
    since: bool = False
    in_quote: bool = False
    value: str | None = None
    span: tuple | None = None   # resolved (first day, last day) for a figure's `when`


def _match(words: list[str], i: int, index: dict[str, list[tuple[str, ...]]]) -> int:
    """End index if one of the phrases of `index` (see _phrase_index) starts at words[i],
    in any letter case, else 0."""
    if i >= len(words):
        return 0
    for phrase in index.get(words[i].lower(), ()):
        n = len(phrase)
        if tuple(w.lower() for w in words[i:i + n]) == phrase:
            return i + n
    return 0


def _year_at(words: list[str], i: int) -> tuple[int, int] | None:
    """A year at words[i]: 2018, عام 2018, من عام 2014, لعام 2014; (year, end)."""
    j = i
    if j < len(words) and words[j] in ("من", "في") and j + 1 < len(words) and words[j + 1] in _YEAR_WORDS:
        j += 1
    if j < len(words) and words[j] in _YEAR_WORDS:
        j += 1
    if j < len(words):
        value = digits_value(words[j])
        if isinstance(value, int) and 1000 <= value <= 2100 and len(words[j]) == 4:
            end = j + 1
            if end < len(words) and words[end] in ("ه", "هـ", "م"):
                end += 1
            return value, end
    return None


def _month_at(words: list[str], i: int):
    found = lexicon().months.match(words, i, clitics=False)
    if found:
        return found
    # Months with ب or ل (بايلول); a name that is also a word (آب) never takes one: باب.
    found = lexicon().months.match(words, i, clitics=True)
    if found is not None and (found[2] > 1 or found[0].needs_context):
        return None
    return found


def _dual_month_tail(words: list[str], j: int, month) -> int:
    """نيسان/أبريل and نيسان (أبريل): the second name of the same month is part of it."""
    if j + 1 < len(words) and words[j] in ("/", "(", "-"):
        other = lexicon().months.match(words, j + 1, clitics=False)
        if other and other[0].number == month.number:
            end = other[1]
            if words[j] == "(" and end < len(words) and words[end] == ")":
                end += 1
            return end
    return j


def _day_number(words: list[str], i: int) -> tuple[int, int] | None:
    value = digits_value(words[i])
    if isinstance(value, int) and 1 <= value <= 31 and len(words[i]) <= 2:
        return value, i + 1
    number = ordinal(words, i)
    if number and 1 <= number.value <= 31:
        return int(number.value), number.end
    return None


def _clock_value(words: list[str], i: int) -> tuple[int, int, int] | None:
    """Hour and minute at words[i]: 6, 6:30, 16.00, السادسة, ثلاثة; (hour, minute, end).
    Seconds (15:23:24) are kept in `_SECONDS` by the caller's mention."""
    if i >= len(words):
        return None
    word = words[i]
    if word.isdigit() and len(word) <= 2:
        if i + 2 < len(words) and words[i + 1] == ":" and words[i + 2].isdigit() and len(words[i + 2]) == 2:
            end = i + 3
            if end + 1 < len(words) and words[end] == ":" and words[end + 1].isdigit():
                end += 2
            return int(word), int(words[i + 2]), end
        return int(word), 0, i + 1
    if "." in word:
        hh, _, mm = word.partition(".")
        if hh.isdigit() and mm.isdigit() and len(mm) == 2 and int(hh) <= 24 and int(mm) < 60:
            return int(hh), int(mm), i + 1
        return None
    # The hour is one number word (or a teen): و after it starts the minutes.
    stop = i + 1 if i + 1 < len(words) and words[i + 1] not in ("عشر", "عشره") else i + 2
    number = ordinal(words, i)
    if number is None:
        number = spelled(words[i:stop], 0)
        if number is not None:
            number.end += i
    if number and 0 <= number.value <= 24 and float(number.value).is_integer():
        return int(number.value), 0, number.end
    return None


def _minutes_tail(words: list[str], j: int, minute: int) -> tuple[int, int]:
    """و نصف / وربع / وثلث / و18 دقيقة / إلا ربع after an hour."""
    if j >= len(words):
        return minute, j
    word = words[j]
    parts = {"نصف": 30, "نص": 30, "ربع": 15, "ثلث": 20}
    if word.startswith("و") and word[1:] in parts:
        return parts[word[1:]], j + 1
    if word.startswith("وال") and word[3:] in parts:
        return parts[word[3:]], j + 1
    if word == "و" and j + 1 < len(words) and words[j + 1] in parts:
        return parts[words[j + 1]], j + 2
    if word in ("الا", "إلا") and j + 1 < len(words):
        part = words[j + 1].rstrip("ا")
        if part in parts:
            return -parts[part], j + 2
    k = j + 1 if word == "و" else j
    if k < len(words) and (words[k].startswith("و") or k > j):
        text = words[k] if k > j else words[k][1:]
        value = digits_value(text)
        end = k + 1
        if value is None:
            tail = spelled([text] + words[k + 1:k + 6], 0)
            if tail is not None:
                value, end = tail.value, k + tail.end
        if value is not None and end < len(words) and words[end] in ("دقيقه", "دقايق"):
            return int(value), end + 1
    return minute, j


_TRIGGERS: dict[str, bool] = per_word({})
_PARSERS: dict[str, tuple] = per_word({})
_HEADS: dict[str, frozenset] = per_word({})
_OPENERS: dict[str, bool] = per_word({})


def _single(phrases, word: str) -> bool:
    """Is the word a whole entry of the table (not only the first word of a longer one)?"""
    return any(len(toks) == 1 for _cut, entries in phrases.heads(word) for toks, _p in entries)


def _opener(word: str) -> bool:
    """Does a time start at this word only when a time word follows (من، قبل، ثالث)?"""
    known = _OPENERS.get(word)
    if known is None:
        known = _OPENERS[word] = bool(word in _NTH or word in _DAY_PARTS or word in ("قبل", "من", "بين")
                                      or lexicon().weekdays.heads("ال" + word))
    return known


def _phrase_tables():
    lex = lexicon()
    return lex.months, lex.relative, lex.holidays, lex.durations


def _phrase_head(word: str) -> frozenset:
    """The words that can follow this one in the longer time phrases it begins (في هذا
    اليوم، لا يزال، ذي الحجة); empty when it begins none."""
    known = _HEADS.get(word)
    if known is None:
        known = _HEADS[word] = frozenset(toks[1] for table in _phrase_tables()
                                         for _cut, entries in table.heads(word)
                                         for toks, _payload in entries if len(toks) > 1)
    return known


def _time_trigger(word: str) -> bool:
    """Can a time expression start at this word, whatever follows? Once per distinct word."""
    known = _TRIGGERS.get(word)
    if known is None:
        lex = lexicon()
        known = _TRIGGERS[word] = bool(
            word[0].isdigit() or word in _CLOCK_WORDS or word in _YEAR_WORDS or word in _MONTH_WORD
            or word in _MONTH_PARTS or word in ("يوم", "ويوم", "اليوم", "خلال", "غضون", "نص", "نصف")
            or _single(lex.months, word) or lex.weekdays.heads(word) or _single(lex.relative, word)
            or _single(lex.durations, word) or lex.number_word(word)
            or (word[0] in "وبل" and lex.number_word(word[1:]))
            or (word.startswith("لل") and word[2:] in _YEAR_WORDS)
            or (word[0] in "لب" and word[1:] in _YEAR_WORDS)
            or lex.holidays.heads(word))
    return known


# How a time can start at a word: whatever follows (a trigger); as a number, only with
# a time word close after it (a number); only before another time word (من 13 إلى 15،
# قبل أسبوع، ثالث ثلاثاء: an opener); or only as the first word of a longer phrase (في
# هذا اليوم: a head). Kept per distinct word for good.
_TRIGGER, _NUMBER, _OPENER, _HEAD = 1, 2, 3, 4
_ROLES: dict[str, int] = per_word({})
_NUMBER_PARSERS = {"_clock", "_day_range", "_date", "_year", "_duration"}
# How far after a number's last word its time word may come: 5 آذار، 3 و4 آذار،
# 10 - 15 آذار، الحادية عشرة و خمس دقائق.
_ANCHOR_REACH = 4
_ANCHORS: dict[str, bool] = per_word({})


def _role(word: str) -> int:
    if _time_trigger(word):
        parsers = {parse.__name__ for parse in TimeFinder._parsers(word)}
        return _NUMBER if parsers <= _NUMBER_PARSERS and not _anchor(word) else _TRIGGER
    if _opener(word):
        return _OPENER
    return _HEAD if _phrase_head(word) else 0


def _anchor(word: str) -> bool:
    """Can the word tie a number before it to a time: a month, a unit of duration, a
    clock's tail or mark, a date's separator? A figure's number (52 ألف شخص) has none
    close after it and is passed over without trying the time grammar."""
    lex, lower = lexicon(), word.lower()
    return bool(word in (":", "-", "/") or word in _AM_PM or lower in _GMT or lower in _LOCAL
                or lower in _AM_PM_PHRASES or word in _MONTH_WORD or lex.months.heads(word)
                or lex.relative.heads(word) or lex.durations.heads(word))


class TimeFinder:
    """Finds every time expression in a token list, leftmost-longest."""

    def __init__(self, words: list[str], blocked: AbstractSet[int] = frozenset(),
                 fresh: set[str] | None = None):
        self.words = words
        self.blocked = blocked
        self.fresh = fresh  # the words the per-word tables may not know yet, if the caller knows

    def find(self) -> list[TimeMention]:
        found: list[TimeMention] = []
        words, blocked, roles, anchors = self.words, self.blocked, _ROLES, _ANCHORS
        for w in unseen(words, roles) if self.fresh is None else self.fresh:
            roles[w] = _role(w)
            anchors[w] = _anchor(w)
        free = 0
        for i in compress(range(len(words)), map(roles.__getitem__, words)):
            if i < free or i in blocked:
                continue
            role = roles[words[i]]
            if role == _NUMBER and not (i and words[i - 1] in _YEAR_PREPS):
                number = cardinal(words, i)  # read once per text: the figures ask for it too
                end = i + 1 if number is None else number.end
                if not any(map(anchors.__getitem__, words[end:end + _ANCHOR_REACH])):
                    continue
            if role == _HEAD and not (i + 1 < len(words) and words[i + 1] in _HEADS[words[i]]
                                      and any(table.match(words, i) for table in _phrase_tables())):
                continue
            if role == _OPENER and not (i + 1 < len(words) and (
                    _time_trigger(words[i + 1]) or words[i + 1] in _PERIOD_UNITS
                    or lexicon().weekdays.heads("ال" + words[i + 1]) or words[i + 1] == "يوم")):
                continue
            mention = self.at(i)
            if mention is None or any(k in blocked for k in range(mention.start, mention.end)):
                continue
            if i > 0 and words[i - 1] == "منذ":
                mention.since = True
                if mention.kind == "duration" and mention.duration[-1] in "DWMY" and "T" not in mention.duration:
                    mention = TimeMention(i - 1, mention.end, "interval", ago=mention.duration,
                                          since=True)  # منذ يومين: the two days up to the report
            found.append(mention)
            free = max(mention.end, i + 1)
        return self._joined(found)

    def _joined(self, found: list[TimeMention]) -> list[TimeMention]:
        """من الساعة 3 إلى الساعة 4، من 13 تموز إلى 15 تموز: two times as one interval."""
        words, out = self.words, []
        for m in found:
            prev = out[-1] if out else None
            between = words[prev.end:m.start] if prev else []
            if prev is not None and prev.kind == m.kind and m.kind in ("time", "date") \
                    and between and all(w in ("الي", "حتي", "وحتي", "-") for w in between) \
                    and prev.start > 0 and words[prev.start - 1] in ("من", "بين"):
                if m.kind == "time" and prev.period is None:
                    prev.period = m.period
                out[-1] = TimeMention(prev.start - 1, m.end, "interval", parts=(prev, m))
                continue
            out.append(m)
        return out

    def at(self, i: int) -> TimeMention | None:
        for parse in self._parsers(self.words[i]):
            found = parse(self, i)
            if found is not None:
                return found
        return None

    @staticmethod
    def _parsers(word: str) -> tuple:
        """The parts of the grammar a time starting with this word can belong to, in order;
        worked out once per distinct word."""
        known = _PARSERS.get(word)
        if known is None:
            lex = lexicon()
            numeric = word[0].isdigit() or bool(lex.number_word(word)) or bool(
                word[0] in "وبل" and lex.number_word(word[1:]))
            wanted = {
                "_day_part": word in _DAY_PARTS,
                "_holiday": bool(lex.holidays.heads(word)),
                "_nth_in_month": word in _NTH or bool(lex.weekdays.heads(word))
                or word.removeprefix("ال") in _PERIOD_UNITS,
                "_clock": word in _CLOCK_WORDS or numeric,
                "_weekday": bool(lex.weekdays.heads(word) or lex.weekdays.heads("ال" + word))
                or word in ("يوم", "ويوم"),
                "_day_range": numeric or word in ("من", "بين"),
                "_date": numeric or bool(lex.months.heads(word)) or word in _MONTH_WORD
                or word in _MONTH_PARTS or word == "اليوم",
                "_relative": bool(lex.relative.heads(word)),
                "_year": word[0].isdigit() or word in _YEAR_WORDS
                or (word[0] in "لب" and word[1:] in _YEAR_WORDS),
                "_duration": numeric or word in ("خلال", "غضون", "قبل") or bool(lex.durations.heads(word)),
            }
            known = _PARSERS[word] = tuple(getattr(TimeFinder, name) for name, on in wanted.items() if on)
        return known

    # calendar phrases --------------------------------------------------------
    def _holiday(self, i: int) -> TimeMention | None:
        found = lexicon().holidays.match(self.words, i, clitics=True)
        if found is None or found[2] > 1:
            return None
        key, end, cut = found
        if key == "ramadan" and self.words[i] in ("رمضان", "ورمضان") and _year_at(self.words, end) is None \
                and not (i and self.words[i - 1] in _YEAR_PREPS | {"شهر"}):
            return None  # رمضان alone is also a name
        year = _year_at(self.words, end)
        mention = TimeMention(i, year[1] if year else end, "date", holiday=key, cut=cut,
                              year=year[0] if year else None)
        if lexicon().holiday_days[key] == 0:
            mention.kind = "interval"
        return mention

    def _day_part(self, i: int) -> TimeMention | None:
        """مساء أمس، صباح اليوم، فجر الأحد: a part of a named day (the day is its value)."""
        words = self.words
        if words[i] not in _DAY_PARTS or i + 1 >= len(words):
            return None
        relative = lexicon().relative.match(words, i + 1, clitics=False)
        if relative is not None and relative[0][0] == "day":
            return TimeMention(i, relative[1], "date", rel=relative[0])
        weekday = lexicon().weekdays.match(words, i + 1, clitics=False)
        if weekday is not None:
            return TimeMention(i, weekday[1], "date", weekday=weekday[0])
        return None

    def _month_ref(self, j: int):
        """A month after من/في/ب: a name, شهر N, الشهر التاسع or الشهر القادم;
        (month | None, month_offset | None, end)."""
        words = self.words
        if j < len(words) and words[j] in _OF:
            j += 1
        relative = lexicon().relative.match(words, j, clitics=False)
        if relative is not None and relative[0][0] == "month":
            return None, relative[0][1], relative[1]
        if j < len(words) and words[j] in _MONTH_WORD:
            j += 1
            numeric = self._numeric_month(j) if j < len(words) else None
            if numeric is not None and words[j - 1] in ("شهر", "بشهر", "لشهر"):
                return numeric[0].number, None, numeric[1]
            if numeric is not None and ordinal(words, j) is not None:
                return numeric[0].number, None, numeric[1]  # الشهر التاسع
        found = _month_at(words, j) if j < len(words) else None
        if found is None:
            return None
        return found[0].number, None, _dual_month_tail(words, found[1], found[0])

    def _year_after(self, j: int):
        """A year after a month: 2014، من عام 2014، في سنة 2014، السنة القادمة."""
        words = self.words
        found = _year_at(words, j)
        if found is None and j < len(words) and words[j] in ("في", "من", "ب") and j + 1 < len(words):
            found = _year_at(words, j + 1)
        if found is not None:
            return found[0], None, found[1]
        relative = lexicon().relative.match(words, j, clitics=False)
        if relative is not None and relative[0][0] == "year":
            return None, relative[0][1], relative[1]
        return None, None, j

    def _nth_in_month(self, i: int) -> TimeMention | None:
        """ثالث ثلاثاء في أيلول، الثلاثاء الأخير من آذار، أول أسبوع بشهر أكتوبر،
        اليوم الأخير من شهر عشرة: a day or week counted within a month."""
        words = self.words
        n = _NTH.get(words[i])
        j = i + 1
        if n is not None:  # ثالث ثلاثاء، اول اسبوع، اخر يوم
            if j < len(words) and words[j] == "يوم" and j + 1 < len(words) and self._weekday_stem(j + 1):
                j += 1
            unit = self._weekday_stem(j) or _PERIOD_UNITS.get(words[j] if j < len(words) else "")
            if unit is None:
                return None
            j += 1
        else:  # الثلاثاء الثالث، الاسبوع الاول، اليوم الاخير
            unit = self._weekday_stem(i, definite=True) or _PERIOD_UNITS.get(words[i].removeprefix("ال")
                                                                             if words[i].startswith("ال") else "")
            if unit is None or j >= len(words) or _NTH.get(words[j]) is None:
                return None
            n = _NTH[words[j]]
            j += 1
        if n is None or (isinstance(unit, int) and not (n == -1 or 1 <= n <= 5)):
            return None
        if j < len(words) and words[j] not in _OF and not words[j].startswith("ب"):
            return None
        place = self._month_ref(j) if words[j] in _OF else self._month_ref_prefixed(j)
        if place is None:
            return None
        month, month_offset, end = place
        year, year_offset, end = self._year_after(end)
        return TimeMention(i, end, "interval" if unit == "week" else "date", nth=n, unit=unit,
                           weekday=unit if isinstance(unit, int) else None, month=month,
                           month_offset=month_offset, year=year, year_offset=year_offset)

    def _month_ref_prefixed(self, j: int):
        """بشهر عشرة، بايلول: a month joined to ب."""
        words = self.words
        if words[j] in ("بشهر",):
            return self._month_ref_from_word(j)
        found = lexicon().months.match(words, j, clitics=True)
        if found is not None and found[2] == 1 and not found[0].needs_context:
            return found[0].number, None, found[1]
        return None

    def _month_ref_from_word(self, j: int):
        numeric = self._numeric_month(j + 1) if j + 1 < len(self.words) else None
        if numeric is not None:
            return numeric[0].number, None, numeric[1]
        found = _month_at(self.words, j + 1)
        return (found[0].number, None, found[1]) if found else None

    def _weekday_stem(self, j: int, definite: bool = False) -> int | None:
        """A weekday with or without ال (ثلاثاء، الثلاثاء، اربعا)."""
        if j >= len(self.words):
            return None
        word = self.words[j]
        forms = (word,) if definite else (word, "ال" + word)
        for form in forms:
            found = lexicon().weekdays.match([form], 0, clitics=False)
            if found is not None:
                return found[0]
        return None

    def _day_range(self, i: int) -> TimeMention | None:
        """من 13 إلى 15 تموز، بين 10 و15 آذار، 13-15 يوليو: a stretch of days."""
        words = self.words
        # The word that joins the two days comes within three words, or the range is not one.
        if not any(w in _DAY_JOINS or (w[0] == "و" and w[1:].isdigit()) for w in words[i + 1:i + 4]):
            return None
        start, j = i, i
        if words[j] in ("من", "بين") and j + 1 < len(words):
            j += 1
        first = _day_number(words, j)
        if first is None:
            return None
        k = first[1]
        if k < len(words) and words[k] in _DAY_JOINS:
            k += 1
        elif k < len(words) and words[k].startswith("و") and words[k][1:].isdigit():
            pass  # بين 10 و15 آذار: the second day carries the و
        else:
            return None
        window = [words[k].removeprefix("و")] + words[k + 1:k + 4] if k < len(words) else []
        second = _day_number(window, 0) if window else None
        if second is not None:
            second = (second[0], k + second[1])
        if second is None or second[0] <= first[0]:
            return None
        place = self._month_ref(second[1])
        if place is None:
            return None
        month, month_offset, end = place
        year, _offset, end = self._year_after(end)
        return TimeMention(start, end, "interval", day=first[0], day2=second[0], month=month,
                           month_offset=month_offset, year=year)

    # clock times ---------------------------------------------------------
    def _clock(self, i: int) -> TimeMention | None:
        words = self.words
        start = i
        if words[i] in _CLOCK_WORDS:
            parsed = _clock_value(words, i + 1)
            if parsed is None:
                return None
        else:
            # Without الساعة: 16.00 ت غ، 15:15، 3:18 صباحا، الثالثة فجرا. What must follow
            # is looked at first: most numbers are no clock time.
            if words[i][0].isdigit():
                colon = i + 1 < len(words) and words[i + 1] == ":"
                if not colon and not self._has_clock_tail(i + 1):
                    return None
            elif ordinal(words, i) is None:
                return None
            parsed = _clock_value(words, i)
            if parsed is None:
                return None
            end = parsed[2]
            after_minutes = _minutes_tail(words, end, parsed[1])[1]
            if words[i][0].isdigit():
                if ":" not in words[i:end] and not self._has_clock_tail(end):
                    return None
            elif ordinal(words, i) is None or not self._has_clock_tail(after_minutes):
                return None  # الثالثة وربع بعد الظهر is a time; الثالثة alone is not
        hour, minute, end = parsed
        if hour > 24 or minute > 59:
            return None
        second = int(words[end - 1]) if end - start >= 5 and words[end - 2] == ":" else None
        minute, end = _minutes_tail(words, end, minute)
        mention = TimeMention(start, end, "time", hour=hour, minute=minute, second=second)
        if minute < 0:
            mention.hour, mention.minute = hour - 1, 60 + minute
        end = self._clock_tail(mention, end)
        mention.end = end
        return mention

    def _has_clock_tail(self, j: int) -> bool:
        words = self.words
        return j < len(words) and (words[j] in _AM_PM or bool(_match(words, j, _GMT))
                                   or bool(_match(words, j, _AM_PM_PHRASES)))

    def _clock_tail(self, mention: TimeMention, j: int) -> int:
        words = self.words
        for _ in range(2):
            if j >= len(words):
                break
            if (end := _match(words, j, _GMT)):
                mention.zone, j = "Z", end
            elif (end := _match(words, j, _LOCAL)):
                mention.zone, j = "local", end
            elif words[j] in _PM:
                mention.period, j = "pm", j + 1
            elif words[j] in _AM:
                mention.period, j = "am", j + 1
            elif (end := _match(words, j, _PM_PHRASES)):
                mention.period, j = "pm", end
            elif (end := _match(words, j, _AM_PHRASES)):
                mention.period, j = "am", end
            else:
                break
        if mention.period == "pm" and words[j - 1] in _DAY_PART_HOURS and mention.hour == 12:
            mention.period = "noon"
        return self._day_after_clock(mention, j)

    def _day_after_clock(self, mention: TimeMention, j: int) -> int:
        """الساعة السابعة من مساء أمس، الرابعة فجر اليوم: the part of which day."""
        words = self.words
        k = j + 1 if j < len(words) and words[j] == "من" else j
        part = _DAY_PARTS.get(words[k]) if k < len(words) else None
        if part is None:
            return j
        relative = lexicon().relative.match(words, k + 1, clitics=False)
        weekday = lexicon().weekdays.match(words, k + 1, clitics=False)
        date = self._date(k + 1) if k + 1 < len(words) else None
        if relative is not None and relative[0][0] == "day":
            mention.rel, end = relative[0], relative[1]
        elif weekday is not None:
            mention.weekday, end = weekday[0], weekday[1]
        elif date is not None and date.kind == "date" and date.day is not None:
            mention.on, end = date, date.end  # الساعة 4:17 من فجر السادس من شباط
            if end < len(words) and words[end] in ("الجاري", "الحالي"):
                end += 1
        else:
            return j
        mention.period = mention.period or part
        return end

    # weekdays, dates, months ------------------------------------------------
    def _weekday(self, i: int) -> TimeMention | None:
        words = self.words
        start = i
        if words[i] in ("يوم", "ويوم") and i + 1 < len(words) and words[i + 1] in lexicon().weekdays:
            i += 1
            start = i  # يوم stays outside the span: the weekday names the day
        found = lexicon().weekdays.match(words, i, clitics=True)
        if found is None and i + 1 < len(words) and words[i + 1] in ("الاسبوع", "من"):
            stem = self._weekday_stem(i)  # احد الاسبوع الماضي، ثلاثاء الاسبوع الفائت
            if stem is not None:
                found = (stem, i + 1, 0)
        if not found or found[2] not in (0, 1):
            return None
        day, end, cut = found
        if end < len(words) and words[end] in ("عشر", "عشره"):
            return None  # الأحد عشر is an ordinal
        mention = TimeMention(start, end, "date", weekday=day, cut=cut if start == i else 0)
        k = end + 1 if end < len(words) and words[end] == "من" else end
        week = lexicon().relative.match(words, k, clitics=False)
        if week is not None and week[0][0] == "week":  # الأحد من الأسبوع الماضي
            mention.week_offset, mention.end = week[0][1], week[1]
            return mention
        if end < len(words) and words[end] in _PAST:
            mention.direction, mention.end = -1, end + 1
        elif end < len(words) and words[end] in _FUTURE:
            mention.direction, mention.end = 1, end + 1
        # الاثنين 18 شباط، الخميس الموافق 14 شهر شباط، الثلاثاء التاسع عشر من هذا الشهر
        j = mention.end
        if j < len(words) and words[j] in ("،", ","):
            j += 1
        if j < len(words) and words[j] in ("الموافق", "الموافق:"):
            j += 1
        if j < len(words) and words[j] in ("في",):
            j += 1
        date = self._date(j) if j < len(words) else None
        if date is None and j < len(words):
            day_number = _day_number(words, j)
            after = words[day_number[1]] if day_number and day_number[1] < len(words) else ""
            if day_number and not after.isalpha():
                date = TimeMention(j, day_number[1], "date", day=day_number[0])
        if date is not None and date.kind == "date" and date.day is not None:
            date.start, date.weekday, date.cut = start, day, mention.cut
            return date
        return mention

    def _date(self, i: int) -> TimeMention | None:
        words = self.words
        start = i
        part = _MONTH_PARTS.get(words[i])
        if part is not None and i + 1 < len(words):
            return self._month_part(i, part)
        lead = words[i]
        if lead in ("اليوم",) and i + 1 < len(words) and ordinal(words, i + 1):
            i += 1  # اليوم الثالث من اكتوبر
        # d-m-yyyy (a dateline: 2-5-2024)
        if words[i].isdigit() and i + 4 < len(words) and words[i + 1] == words[i + 3] == "-" \
                and words[i + 2].isdigit() and len(words[i + 4]) == 4 and words[i + 4].isdigit():
            d, m, y = int(words[i]), int(words[i + 2]), int(words[i + 4])
            if 1 <= d <= 31 and 1 <= m <= 12 and 1900 <= y <= 2100:
                return TimeMention(start, i + 5, "date", day=d, month=m, year=y)
        # d/m/yyyy or d/m
        if words[i].isdigit() and i + 2 < len(words) and words[i + 1] == "/" and words[i + 2].isdigit():
            d, m = int(words[i]), int(words[i + 2])
            end, year = i + 3, None
            if end + 1 < len(words) and words[end] == "/" and words[end + 1].isdigit():
                year, end = int(words[end + 1]), end + 2
                if year < 100:
                    year += 2000
            if 1 <= d <= 31 and 1 <= m <= 12 and (year or d <= 31):
                return TimeMention(start, end, "date", day=d, month=m, year=year)
            if 1 <= d <= 12 and 1900 <= m <= 2100:
                return TimeMention(start, end, "month", month=d, year=m)
            return None
        day = _day_number(words, i)
        if day is not None:
            j = day[1]
            if j < len(words) and words[j] in _OF:
                j += 1
                relative = lexicon().relative.match(words, j, clitics=False)
                if relative is not None and relative[0][0] == "month":  # الثالث من الشهر الجاري
                    return TimeMention(start, relative[1], "date", day=day[0],
                                       month_offset=relative[0][1])
            if j < len(words) and words[j] in _MONTH_WORD:
                j += 1
            month = _month_at(words, j) if j < len(words) else None
            if month is None and j < len(words) and words[j - 1] in _MONTH_WORD:
                month = self._numeric_month(j)
            if month is not None:
                return self._finish_date(start, month, day=day[0])
            # يوليو 13-15 and تموز 13 are handled from the month side
            return None
        j = i
        if words[j] in _MONTH_WORD:
            j += 1
            if j >= len(words):
                return None
            if _month_at(words, j) is not None:
                start = j  # شهر نيسان: the month's name alone is the span
        month = _month_at(words, j)
        if month is None:
            if words[i] in _MONTH_WORD:
                numeric = self._numeric_month(j)
                if numeric is not None:
                    return self._finish_date(start, numeric)
            return None
        info, end, cut = month
        if info.needs_context and j == i:
            before = words[i - 1] if i > 0 else ""
            after_year = _year_at(words, end)
            after_day = end < len(words) and _day_number(words, end) and words[end].isdigit()
            if before not in _YEAR_PREPS | {"مطلع", "منتصف", "اواخر", "اوايل", "بدايه", "نهايه", "حتي", "خلال"} \
                    and not after_year and not after_day:
                return None
        # يوليو 13-15، تموز 13 الى 15 (a month then its days)
        if end + 2 < len(words) and words[end].isdigit() and words[end + 1] in ("-", "الي", "حتي") \
                and words[end + 2].isdigit() and int(words[end]) < int(words[end + 2]) <= 31:
            return TimeMention(start, end + 3, "interval", day=int(words[end]), day2=int(words[end + 2]),
                               month=info.number, cut=cut)
        # تموز 13 (month then day)
        if end < len(words) and words[end].isdigit() and len(words[end]) <= 2 and 1 <= int(words[end]) <= 31:
            after = end + 1
            following = words[after] if after < len(words) else ""
            if not following or not following.isalpha() or (
                    not lexicon().units.heads(following) and not lexicon().number_word(following)
                    and not lexicon().currencies.heads(following) and not _year_at(words, after)
                    and following not in ("الي", "و")):
                return self._finish_date(start, month, day=int(words[end]), month_first=True)
        return self._finish_date(start, month)

    def _month_part(self, i: int, part: int) -> TimeMention | None:
        """غرة جوان، منتصف آذار، مطلع الشهر الجاري: a day or the month itself."""
        words, j = self.words, i + 1
        if words[j] in _MONTH_WORD and j + 1 < len(words) and _month_at(words, j + 1):
            j += 1
        relative = lexicon().relative.match(words, j, clitics=False)
        if relative is not None and relative[0][0] == "month" and words[i] not in _EARLY_LATE:
            if part:
                return TimeMention(i, relative[1], "date", day=part, month_offset=relative[0][1])
            return TimeMention(i, relative[1], "month", rel=relative[0])
        if relative is None and words[j] in ("العام", "السنه") and not part:
            relative = (("year", 0), j + 1, 0)  # مطلع العام: the current year
        if relative is not None and relative[0][0] == "year" and not part:
            # مطلع العام is its first month, نهاية العام its last
            month = 12 if words[i] in ("اواخر", "نهايه", "اخر") else 1
            return TimeMention(i, relative[1], "month", month=month, year_offset=relative[0][1])
        if words[i] in _EARLY_LATE:  # أوائل آذار: its first ten days; أواخر: from the 21st
            place = self._month_ref(j)
            if place is None:
                return None
            month, month_offset, end = place
            year, _offset, end = self._year_after(end)
            first, last = _EARLY_LATE[words[i]]
            return TimeMention(i, end, "interval", day=first, day2=last, month=month,
                               month_offset=month_offset, year=year)
        place = self._month_ref(j - 1 if words[j - 1] in _OF else j) if words[j] in _MONTH_WORD else None
        if place is not None and place[0] is not None and part:
            return TimeMention(i, place[2], "date", day=part, month=place[0])  # نص شهر ثلاث
        month = _month_at(words, j)
        if month is None:
            return None
        mention = self._finish_date(i, month, day=part or None)
        mention.cut = 0
        return mention

    def _numeric_month(self, j: int):
        words = self.words
        value = digits_value(words[j])
        if value is None:
            number = spelled(words, j) or ordinal(words, j)
            if number is None:
                return None
            value, end = number.value, number.end
        else:
            end = j + 1
        if isinstance(value, int) and 1 <= value <= 12:
            from .lexicon import Month
            return Month(value, "numeric", False), end, 0
        return None

    def _finish_date(self, start: int, month, day: int | None = None, month_first: bool = False):
        info, end, cut = month
        words = self.words
        end = _dual_month_tail(words, end, info)
        if month_first:
            end += 1
        direction = 0
        if end < len(words) and words[end] in _PAST:
            direction, end = -1, end + 1
        elif end < len(words) and words[end] in _FUTURE:
            direction, end = 1, end + 1
        year = None
        if (found := _year_at(words, end)) is not None:
            year, end = found
        kind = "date" if day is not None else "month"
        return TimeMention(start, end, kind, day=day, month=info.number, year=year,
                           hijri=info.variant == "hijri", cut=cut if not day else 0,
                           direction=direction)

    # relative words, years, durations ---------------------------------------
    def _relative(self, i: int) -> TimeMention | None:
        words = self.words
        found = lexicon().relative.match(words, i, clitics=True)
        if not found:
            return None
        (kind, offset), end, cut = found
        if kind != "now" and words[i][:cut] not in ("", "و", "ف", "بال", "وبال"):
            return None  # لامس (touched) is not ل + امس
        if kind == "day" and offset == 0 and end < len(words) and words[end] in _NOT_TODAY_AFTER:
            return None
        if kind == "now":
            return TimeMention(i, end, "now", rel=(kind, offset), cut=cut)
        if kind == "day" and end < len(words):
            weekday = lexicon().weekdays.match(words, end, clitics=False)
            if weekday is not None:  # اليوم الأربعاء، أمس الثلاثاء: one day, named twice
                end = weekday[1]
        mention = TimeMention(i, end, {"day": "date", "week": "interval", "month": "month",
                                       "year": "year", "night": "interval"}[kind],
                              rel=(kind, offset), cut=cut)
        return mention

    def _year(self, i: int) -> TimeMention | None:
        words = self.words
        if words[i] in _YEAR_WORDS:
            found = _year_at(words, i)
            if found:
                cut = 1 if words[i][0] in "لب" and words[i][1:] in _YEAR_WORDS else 0  # لعام 2024
                return TimeMention(i, found[1], "year", year=found[0], cut=cut)
            return None
        if i > 0 and words[i - 1] in _YEAR_PREPS and words[i].isdigit() and len(words[i]) == 4:
            year = int(words[i])
            if 1900 <= year <= 2100 and not (i + 1 < len(words) and words[i + 1] in lexicon().units):
                return TimeMention(i, i + 1, "year", year=year)
        return None

    def _duration(self, i: int) -> TimeMention | None:
        words = self.words
        if words[i] == "قبل" and i + 1 < len(words):  # قبل أسبوع: a day that far back
            span = self._duration(i + 1) or self._single_unit(i + 1)
            if span is not None and span.kind == "duration":
                kind = {"M": "month", "Y": "year"}.get(span.duration[-1], "date")
                if "T" in span.duration:
                    return None
                return TimeMention(i, span.end, kind, ago=span.duration)
            return None
        start = i
        within = words[i] in ("خلال", "غضون") and i + 1 < len(words)
        j = i + 1 if within else i
        if within and words[j] == "ال":
            return None
        unit = lexicon().durations.match(words, j, clitics=False)
        if unit is not None:
            (designator, count), end, _ = unit
            if designator == "MO" and _month_at(words, end) is not None:
                return None  # خلال شهر نيسان is the month, not a month's time
            if count == 2 or (count == 1 and within):
                return self._duration_mention(start if within else j, end, count, designator)
            return None
        number = cardinal(words, j)
        if number is None or number.end >= len(words):
            return None
        unit = lexicon().durations.match(words, number.end, clitics=False)
        if unit is None:
            return None
        (designator, _count), end, _ = unit
        if isinstance(number.value, float) and not number.value.is_integer():
            return None
        return self._duration_mention(start if within else j, end, int(number.value), designator,
                                      cut=number.cut if not within else 0)

    def _single_unit(self, j: int) -> TimeMention | None:
        unit = lexicon().durations.match(self.words, j, clitics=False)
        if unit is not None and unit[0][1] == 1:
            return self._duration_mention(j, unit[1], 1, unit[0][0])
        return None

    def _duration_mention(self, start, end, count, designator, cut=0):
        iso = {"S": f"PT{count}S", "M": f"PT{count}M", "H": f"PT{count}H", "D": f"P{count}D",
               "W": f"P{count}W", "MO": f"P{count}M", "Y": f"P{count}Y"}[designator]
        return TimeMention(start, end, "duration", duration=iso, cut=cut)


@dataclass
class Resolver:
    """Turns mentions into ISO values against the article's dates and places.

    `speech_day(mention)` gives the day a quotation was given (or None),
    `year_hint(mention)` a year named just before, `zone(mention)` the tz
    name of the place. `prefer` is "past" for news, "future" for announcements.
    """

    published: dt.date | None
    prefer: str = "past"
    speech_day: Callable[[TimeMention], dt.date | None] = lambda m: None
    year_hint: Callable[[TimeMention], int | None] = lambda m: None
    zone: Callable[[TimeMention], str | None] = lambda m: None
    day_of: Callable[[TimeMention], dt.date | None] = lambda m: None
    gmt_pair: dict = field(default_factory=dict)

    def ref(self, mention: TimeMention) -> dt.date | None:
        return (self.speech_day(mention) if mention.in_quote else None) or self.published

    def resolve(self, mention: TimeMention) -> None:
        if mention.parts is not None:
            return self._joined(mention)
        for special in ("holiday", "nth", "day2", "week_offset", "ago"):
            if getattr(mention, special) is not None:
                return getattr(self, "_by_" + special)(mention)
        handler = getattr(self, "_" + mention.kind, None)
        if handler is not None:
            handler(mention)

    def _set(self, m: TimeMention, first: dt.date, last: dt.date | None = None) -> None:
        if last is None or last == first:
            m.value, m.span = first.isoformat(), (first, first)
        else:
            m.value, m.span = f"{first.isoformat()}/{last.isoformat()}", (first, last)

    def _month_year(self, m: TimeMention, ref: dt.date) -> tuple[int, int]:
        """The (year, month) a counted day or week lies in."""
        if m.month_offset is not None:
            return cal.add_months(ref.year, ref.month, m.month_offset)
        if m.year is not None:
            return m.year, m.month
        if m.year_offset is not None:
            return ref.year + m.year_offset, m.month
        return self._year_for(m.month, ref, m.direction), m.month

    def _by_holiday(self, m: TimeMention) -> None:
        ref = self.ref(m)
        calendar, month, day = lexicon().holiday_dates[m.holiday]
        days = lexicon().holiday_days[m.holiday]

        def occurrence(year: int) -> tuple[dt.date, dt.date]:
            if calendar == "gregorian":
                first = dt.date(year, month, day)
            elif calendar == "easter":
                first = cal.easter(year)
            else:
                start, end = cal.hijri_month_in(year, month)
                if days == 0:
                    return start, end
                first = start + dt.timedelta(days=day - 1)
            return first, first + dt.timedelta(days=max(days, 1) - 1)

        if m.year is not None:
            first, last = occurrence(m.year)
        elif ref is not None:
            options = [occurrence(y) for y in (ref.year - 1, ref.year, ref.year + 1)]
            if self.prefer == "future":
                first, last = next(o for o in options if o[1] >= ref)
            else:
                first, last = [o for o in options if o[0] <= ref][-1]
        else:
            return
        self._set(m, first, last)

    def _by_nth(self, m: TimeMention) -> None:
        ref = self.ref(m)
        if ref is None and m.year is None:
            return
        year, month = self._month_year(m, ref)
        if m.unit == "week":
            return self._set(m, *cal.nth_week(year, month, m.nth))
        if m.unit == "day":
            day = cal.month_end(year, month) if m.nth == -1 else dt.date(year, month, m.nth)
            return self._set(m, day)
        day = cal.nth_weekday(year, month, m.unit, m.nth)
        if day is not None:
            self._set(m, day)

    def _by_day2(self, m: TimeMention) -> None:
        ref = self.ref(m)
        if ref is None and m.year is None:
            return
        year, month = self._month_year(m, ref)
        last = min(m.day2, cal.month_end(year, month).day)
        try:
            self._set(m, dt.date(year, month, m.day), dt.date(year, month, last))
        except ValueError:
            pass

    def _by_week_offset(self, m: TimeMention) -> None:
        ref = self.ref(m)
        if ref is None:
            return
        monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(days=7 * m.week_offset)
        self._set(m, monday + dt.timedelta(days=m.weekday - 1))

    def _by_ago(self, m: TimeMention) -> None:
        ref = self.ref(m)
        if m.kind == "interval":
            ref = self.speech_day(m) or ref  # منذ ثلاثة أعوام runs up to the report date
        if ref is None:
            return
        count, unit = int(m.ago[1:-1]), m.ago[-1]
        if m.kind == "interval":  # منذ يومين، منذ ثلاثة أعوام
            if unit in "MY":
                year, month = cal.add_months(ref.year, ref.month, -count * (12 if unit == "Y" else 1))
                first = dt.date(year, month, min(ref.day, cal.month_end(year, month).day))
            else:
                first = ref - dt.timedelta(days=count * (7 if unit == "W" else 1))
            return self._set(m, first, ref)
        if unit in "DW":
            self._set(m, ref - dt.timedelta(days=count * (7 if unit == "W" else 1)))
        elif unit == "M":
            year, month = cal.add_months(ref.year, ref.month, -count)
            m.value, m.span = f"{year:04d}-{month:02d}", (dt.date(year, month, 1), cal.month_end(year, month))
        elif unit == "Y":
            m.value = f"{ref.year - count:04d}"
            m.span = (dt.date(ref.year - count, 1, 1), dt.date(ref.year - count, 12, 31))

    def _joined(self, m: TimeMention) -> None:
        first, last = m.parts
        self.resolve(first)
        self.resolve(last)
        if first.value and last.value:
            m.value = f"{first.value.split('/')[0]}/{last.value.split('/')[-1]}"
            m.span = (first.span[0], last.span[1]) if first.span and last.span else None

    def _date(self, m: TimeMention) -> None:
        ref = self.ref(m)
        day = None
        if m.rel is not None:
            day = ref + dt.timedelta(days=m.rel[1]) if ref else None
        elif m.day is not None and m.month_offset is not None and ref is not None:
            year, month = cal.add_months(ref.year, ref.month, m.month_offset)
            try:
                day = dt.date(year, month, m.day)
            except ValueError:
                day = None
        elif m.day is not None and m.month is not None:
            day = self._calendar_day(m, ref)
        elif m.weekday is not None and ref is not None:
            day = self._weekday_day(m, ref)
        elif m.day is not None and ref is not None:
            try:
                day = ref.replace(day=m.day)
            except ValueError:
                day = None
        if day is not None:
            m.value, m.span = day.isoformat(), (day, day)

    def _calendar_day(self, m: TimeMention, ref: dt.date | None) -> dt.date | None:
        if m.hijri:
            year = m.year
            if year is None:
                if ref is None:
                    return None
                year = cal.gregorian_to_hijri(ref)[0]
            try:
                return cal.hijri_to_gregorian(year, m.month, m.day)
            except (ValueError, OverflowError):
                return None
        year = m.year or self.year_hint(m)
        if year is None:
            if ref is None:
                return None
            year = self._year_for(m.month, ref, m.direction)
        try:
            return dt.date(year, m.month, m.day)
        except ValueError:
            return None

    def _year_for(self, month: int, ref: dt.date, direction: int = 0) -> int:
        """The year of a month named without one: المقبل looks ahead, الماضي back."""
        if direction > 0:
            return ref.year if month > ref.month else ref.year + 1
        if direction < 0:
            return ref.year if month < ref.month else ref.year - 1
        if self.prefer == "future":
            return cal.next_month(month, ref)
        return cal.latest_month(month, ref)

    def _weekday_day(self, m: TimeMention, ref: dt.date) -> dt.date:
        delta = (ref.isoweekday() - m.weekday) % 7
        if m.direction > 0 or (m.direction == 0 and self.prefer == "future"):
            ahead = (m.weekday - ref.isoweekday()) % 7 or 7
            return ref + dt.timedelta(days=ahead)
        if m.direction < 0 and delta == 0:
            delta = 7
        return ref - dt.timedelta(days=delta)

    def _month(self, m: TimeMention) -> None:
        ref = self.ref(m)
        if m.rel is not None:
            if ref is None:
                return
            year, month = cal.add_months(ref.year, ref.month, m.rel[1])
        elif m.year_offset is not None:
            if ref is None:
                return
            year, month = ref.year + m.year_offset, m.month
        else:
            if m.hijri:
                return
            month = m.month
            year = m.year or self.year_hint(m)
            if year is None:
                if ref is None:
                    return
                year = self._year_for(month, ref, m.direction)
        m.value = f"{year:04d}-{month:02d}"
        m.span = (dt.date(year, month, 1), cal.month_end(year, month))

    def _year(self, m: TimeMention) -> None:
        ref = self.ref(m)
        year = m.year
        if m.rel is not None:
            if ref is None:
                return
            year = ref.year + m.rel[1]
        if year is None:
            return
        m.value = f"{year:04d}"
        m.span = (dt.date(year, 1, 1), dt.date(year, 12, 31))

    def _interval(self, m: TimeMention) -> None:
        ref = self.ref(m)
        if ref is None or m.rel is None:
            return
        offset = m.rel[1]
        if m.rel[0] == "night":  # الليلة: the evening of the day
            night = ref + dt.timedelta(days=offset)
            m.value, m.span = f"{night.isoformat()}T18:00/{night.isoformat()}T23:59", (night, night)
            return
        if offset < 0:
            first, last = ref - dt.timedelta(days=7), ref - dt.timedelta(days=1)
        elif offset > 0:
            first, last = ref + dt.timedelta(days=1), ref + dt.timedelta(days=7)
        else:
            first = ref - dt.timedelta(days=ref.weekday())
            last = first + dt.timedelta(days=6)
        m.value, m.span = f"{first.isoformat()}/{last.isoformat()}", (first, last)

    def _time(self, m: TimeMention) -> None:
        hour = m.hour
        if m.period == "pm" and hour < 12:
            hour += 12
        elif m.period == "am" and hour == 12:
            hour = 0
        ref = self.ref(m)
        if m.on is not None:
            self.resolve(m.on)
        if m.on is not None and m.on.span:
            day = m.on.span[0]
        elif m.rel is not None and ref is not None:
            day = ref + dt.timedelta(days=m.rel[1])
        elif m.weekday is not None and ref is not None:
            day = self._weekday_day(m, ref)
        else:
            day = self.day_of(m) or ref
        if day is None:
            return
        seconds = f":{m.second:02d}" if m.second is not None else ""
        if m.zone == "Z":
            m.value = f"{day.isoformat()}T{hour:02d}:{m.minute:02d}{seconds}Z"
        else:
            zone = self.zone(m)
            paired = self.gmt_pair.get(id(m))
            if m.period is None and paired is not None and zone:
                hour = _match_gmt(hour, paired, day, zone)
            elif m.period is None and self.prefer == "future" and hour < 12:
                hour += 12 if hour + 12 < 24 else 0
            offset = _offset(day, hour, m.minute, zone)
            m.value = f"{day.isoformat()}T{hour % 24:02d}:{m.minute:02d}{seconds}{offset}"
        m.span = (day, day)

    def _duration(self, m: TimeMention) -> None:
        m.value = m.duration


@lru_cache(maxsize=4096)
def _offset(day: dt.date, hour: int, minute: int, zone: str | None) -> str:
    """The zone's UTC offset at that local time, "+03:00"; the same few are asked for often."""
    if not zone:
        return ""
    from zoneinfo import ZoneInfo

    local = dt.datetime(day.year, day.month, day.day, hour % 24, minute, tzinfo=ZoneInfo(zone))
    seconds = int(local.utcoffset().total_seconds())
    sign = "+" if seconds >= 0 else "-"
    seconds = abs(seconds)
    return f"{sign}{seconds // 3600:02d}:{seconds % 3600 // 60:02d}"


def _match_gmt(hour: int, gmt: TimeMention, day: dt.date, zone: str) -> int:
    """The 12-hour reading of `hour` that agrees with a GMT time given beside it."""
    for candidate in (hour, hour + 12):
        offset = _offset(day, candidate, 0, zone)
        sign = 1 if offset[0] == "+" else -1
        shift = sign * int(offset[1:3])
        if (candidate - shift) % 24 == gmt.hour % 24:
            return candidate
    return hour
