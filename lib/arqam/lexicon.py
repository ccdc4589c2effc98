"""Loading the language data in `data/` into look-up tables, once.

Every data file is a TSV whose comment lines say its purpose and format; this
module only reads them. Entries are folded the way article text is (see
normalize.py) and split into tokens, so that a phrase matches a run of tokens.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from itertools import count
from typing import Any, Iterator, Sequence

from .memo import per_word
from .normalize import fold

# A token is a number (digits with their separators), a run of letters, or one mark.
# The first branch is the common case, a run of Arabic letters, in a range the
# engine tests fast; when other letters follow it, the general branch takes the run.
TOKEN = re.compile(r"[ء-ي]++(?![^\W\d_])|\d+(?:[.,]\d+)*|[^\W\d_]+|[^\w\s]")

# Proclitics a word may carry before a lexicon entry: conjunctions, prepositions
# and the article, longest first.
_PREFIXES = ("وبال", "وال", "فال", "بال", "كال", "لل", "ال", "وب", "ول", "و", "ف", "ب", "ل", "ك")


_NONE = object()  # no one-token phrase: a payload may itself be None


def tokens_of(phrase: str) -> tuple[str, ...]:
    return tuple(TOKEN.findall(fold(phrase)))


def stripped(word: str) -> tuple[tuple[str, int], ...]:
    """The word, then the word without each proclitic it may carry, as (form, cut) pairs;
    worked out once per word, for every table asks."""
    found = _FORMS.get(word)
    if found is None:
        found = _FORMS[word] = tuple(_forms(word))
    return found


_FORMS: dict[str, tuple[tuple[str, int], ...]] = per_word({})


def _forms(word: str) -> Iterator[tuple[str, int]]:
    yield word, 0
    if word.startswith(("لل", "ولل")) and len(word) > 4:  # للأردن is ل + الأردن
        cut = word.index("لل") + 1
        yield "ال" + word[cut + 1:], cut
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            yield word[len(prefix):], len(prefix)


def unseen(words: list[str], memo: dict | set) -> set[str]:
    """The distinct words not yet in `memo`, a table kept per word. set.difference with a
    dict looks each word up; `set(words) - memo.keys()` would walk the whole memo, which
    grows with every article read."""
    return set(words).difference(memo)


# The first token of every phrase of every table, with one bit for each table that has
# it: a word none of whose forms is a first token of a table begins nothing there, and
# that is known from one look-up per word instead of one per table.
_FIRSTS: dict[str, int] = {}
_TABLE_BITS = count()
_WORD_BITS: dict[str, int] = per_word({})


def _bits(word: str) -> int:
    bits = _WORD_BITS.get(word)
    if bits is None:
        bits = 0
        for form, _cut in stripped(word):
            bits |= _FIRSTS.get(form, 0)
        _WORD_BITS[word] = bits
    return bits


def rows(name: str) -> list[list[str]]:
    """The non-comment rows of a data file, split on tabs."""
    text = resources.files("arqam").joinpath("data", name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines()
            if line.strip() and not line.startswith("#")]


class Phrases:
    """Phrases of one or more tokens, found by their first token.

    The heads a word can stand for (itself, or itself without a proclitic) are
    worked out once per distinct word and kept: news text repeats its words. For
    matching, the phrases of a head are indexed by their second token, so a word
    that begins many phrases (في، لا) costs one look-up when the next word fits none.
    """

    def __init__(self) -> None:
        self.by_first: dict[str, list[tuple[tuple[str, ...], Any]]] = {}
        self._heads: dict[str, tuple] = per_word({})
        self._starts: dict[str, tuple] = per_word({})
        self._groups: dict[str, tuple] = {}
        self.bit = 1 << next(_TABLE_BITS)

    def add(self, phrase: str, payload: Any) -> None:
        toks = tokens_of(phrase)
        if not toks:
            return
        entries = self.by_first.setdefault(toks[0], [])
        if all(existing != toks for existing, _ in entries):
            entries.append((toks, payload))
            entries.sort(key=lambda e: -len(e[0]))
        _FIRSTS[toks[0]] = _FIRSTS.get(toks[0], 0) | self.bit
        _WORD_BITS.clear()
        self._heads.clear()
        self._starts.clear()
        self._groups.clear()

    def heads(self, word: str) -> tuple:
        """(cut, entries) for each way the word starts a phrase, proclitic-free first."""
        found = self._heads.get(word)
        if found is None:
            if not _bits(word) & self.bit:
                return ()  # kept in _WORD_BITS, not here: most words begin nothing
            found, by_first = (), self.by_first
            for head, cut in stripped(word):
                if head in by_first:
                    found += ((cut, by_first[head]),)
            self._heads[word] = found
        return found

    def _group(self, head: str) -> tuple:
        """(the one-token phrase's payload or _NONE, {second token: [(length, rest, payload)]})
        for the phrases that begin with `head`, longest first."""
        group = self._groups.get(head)
        if group is None:
            single, longer = _NONE, {}
            for toks, payload in self.by_first[head]:
                if len(toks) == 1:
                    single = payload
                else:
                    longer.setdefault(toks[1], []).append((len(toks), list(toks[2:]), payload))
            group = self._groups[head] = (single, longer)
        return group

    def _starts_of(self, word: str) -> tuple:
        found = self._starts.get(word)
        if found is None:
            found = ()
            for head, cut in stripped(word) if _bits(word) & self.bit else ():
                if head in self.by_first:
                    found += ((cut,) + self._group(head),)
            self._starts[word] = found
        return found

    def match(self, words: list[str], i: int, clitics: bool = True):
        """Longest phrase starting at words[i]: (payload, end, prefix_len) or None."""
        if not 0 <= i < len(words):
            return None
        word = words[i]
        if clitics:
            candidates = self._starts.get(word)
            if candidates is None:
                candidates = self._starts_of(word)
            if not candidates:
                return None
        elif word in self.by_first:
            candidates = ((0,) + self._group(word),)
        else:
            return None
        following = words[i + 1] if i + 1 < len(words) else None
        for cut, single, longer in candidates:
            if longer:
                for n, rest, payload in longer.get(following, ()):
                    if n == 2 or words[i + 2:i + n] == rest:
                        return payload, i + n, cut
            if single is not _NONE:
                return single, i + 1, cut
        return None

    def __contains__(self, word: str) -> bool:
        return word in self.by_first


def _split(cell: str) -> list[str]:
    return [w for w in cell.split("|") if w.strip()]


@dataclass(frozen=True)
class Unit:
    name: str
    kind: str
    count: int | None  # 1 for a singular form, 2 for a dual, None for a plural


@dataclass(frozen=True)
class Place:
    name: str
    kind: str
    country: str
    common: bool = False


@dataclass(frozen=True)
class Source:
    name: str
    short: str


@dataclass(frozen=True)
class Month:
    number: int
    variant: str
    needs_context: bool


class Lexicon:
    """All the language data, folded and indexed; each table loads on first use."""

    @cached_property
    def numbers(self) -> dict[str, list[tuple[float, str]]]:
        table: dict[str, list[tuple[float, str]]] = {}
        for value, role, _note, forms in rows("numbers.tsv"):
            number = float(value)
            number = int(number) if number.is_integer() else number
            for form in _split(forms):
                table.setdefault(" ".join(tokens_of(form)), []).append((number, role))
        return table

    def number_word(self, word: str) -> Sequence[tuple[float, str]]:
        return self.numbers.get(word, ())

    @cached_property
    def qualifiers(self) -> dict[str, Phrases]:
        table = {pos: Phrases() for pos in ("pre", "post", "verb", "change")}
        for qualifier, position, phrase in rows("qualifiers.tsv"):
            table[position].add(phrase, qualifier)
        return table

    @cached_property
    def vague(self) -> Phrases:
        table = Phrases()
        for low, high, needs, phrases in rows("vague.tsv"):
            for phrase in _split(phrases):
                table.add(phrase, (int(low), int(high), needs == "noun"))
        return table

    @cached_property
    def units(self) -> Phrases:
        table = Phrases()
        for name, kind, singular, dual, plural in rows("units.tsv"):
            for cell, count in ((singular, 1), (dual, 2), (plural, None)):
                for form in _split(cell):
                    table.add(form, Unit(name, kind, count))
        return table

    @cached_property
    def currencies(self) -> Phrases:
        table = Phrases()
        for code, country, phrases, bare in (r + [""] * (4 - len(r)) for r in rows("currencies.tsv")):
            for phrase in _split(phrases):
                table.add(phrase, (code,))
            for word in _split(bare):
                table.add(word, None)
                self.bare_currency.setdefault(" ".join(tokens_of(word)), []).append((code, country))
        return table

    @cached_property
    def bare_currency(self) -> dict[str, list[tuple[str, str]]]:
        return {}

    @cached_property
    def series(self) -> Phrases:
        table = Phrases()
        for unit, nouns in rows("series.tsv"):
            for noun in _split(nouns):
                table.add(noun, unit)
        return table

    @cached_property
    def noncount(self) -> Phrases:
        """Words before a number that make it a label (القرار 2254)."""
        table = Phrases()
        for position, words in rows("noncount.tsv"):
            if position == "before":
                for word in _split(words):
                    table.add(word, True)
        return table

    @cached_property
    def descriptive(self) -> Phrases:
        """Nouns after a number that describe a size, not a count (6 طوابق)."""
        table = Phrases()
        for position, words in rows("noncount.tsv"):
            if position == "after":
                for word in _split(words):
                    table.add(word, True)
        return table

    @cached_property
    def months(self) -> Phrases:
        table = Phrases()
        for number, variant, context, names in rows("months.tsv"):
            for name in _split(names):
                table.add(name, Month(int(number), variant, context == "context"))
        return table

    @cached_property
    def weekdays(self) -> Phrases:
        table = Phrases()
        for day, names in rows("weekdays.tsv"):
            for name in _split(names):
                table.add(name, int(day))
        return table

    @cached_property
    def relative(self) -> Phrases:
        table = Phrases()
        for kind, offset, phrases in rows("relative_times.tsv"):
            for phrase in _split(phrases):
                table.add(phrase, (kind, int(offset)))
        return table

    @cached_property
    def durations(self) -> Phrases:
        table = Phrases()
        for designator, singular, dual, plural in rows("durations.tsv"):
            for cell, count in ((singular, 1), (dual, 2), (plural, None)):
                for form in _split(cell):
                    table.add(form, (designator, count))
        return table

    @cached_property
    def time_words(self) -> dict[str, list[tuple[tuple[str, ...], str]]]:
        """role → [(tokens, value)]: the words that frame a time (data/time_words.tsv)."""
        table: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for role, value, words in rows("time_words.tsv"):
            for word in _split(words):
                table.setdefault(role, []).append((tokens_of(word), value))
        return table

    @cached_property
    def holidays(self) -> Phrases:
        table = Phrases()
        for key, _calendar, _month, _day, _days, phrases in rows("holidays.tsv"):
            for phrase in _split(phrases):
                table.add(phrase, key)
        return table

    @cached_property
    def holiday_days(self) -> dict[str, int]:
        return {key: int(days) for key, _c, _m, _d, days, _p in rows("holidays.tsv")}

    @cached_property
    def holiday_dates(self) -> dict[str, tuple[str, int, int]]:
        return {key: (calendar, int(month), int(day)) for key, calendar, month, day, _d, _p
                in rows("holidays.tsv")}

    @cached_property
    def attribution(self) -> dict[str, Phrases]:
        table = {kind: Phrases() for kind in ("prep", "verb", "continue", "title", "organisation")}
        for kind, phrases in rows("attribution.tsv"):
            for phrase in _split(phrases):
                table[kind].add(phrase, kind)
        return table

    @cached_property
    def events(self) -> Phrases:
        """Each phrase with every (event, applies_to) it can mean, in file order."""
        options: dict[str, list[tuple[str, str]]] = {}
        for name, applies, _english, words in rows("events.tsv"):
            for word in _split(words):
                options.setdefault(word, []).append((name, applies))
        table = Phrases()
        for word, meanings in options.items():
            table.add(word, tuple(meanings))
        return table

    @cached_property
    def event_contexts(self) -> list[tuple[str, str, frozenset[str]]]:
        """(from, to, context words): an event that reads otherwise in another story. Each
        context word is there with and without its article (الكوليرا، كوليرا)."""
        table = []
        for source, target, words in rows("event_contexts.tsv"):
            forms = set()
            for word in _split(words):
                word = " ".join(tokens_of(word))
                forms.update((word, word.removeprefix("ال"), "ال" + word))
            table.append((source, target, frozenset(forms)))
        return table

    @cached_property
    def countries(self) -> dict[str, tuple[str, str]]:
        return {code: (name, tz) for code, tz, name, _names in rows("countries.tsv")}

    @cached_property
    def places(self) -> Phrases:
        table = Phrases()
        for code, _tz, name, names in rows("countries.tsv"):
            for alias in _split(names):
                table.add(alias, Place(name, "country", code))
        for name, kind, country, names in rows("places.tsv"):
            for alias in _split(names):
                common = alias.startswith("~")  # also a common word: needs a type noun
                table.add(alias.lstrip("~"), Place(name, kind, country, common))
        return table

    @cached_property
    def place_options(self) -> dict[tuple[str, ...], list[Place]]:
        """Aliases that name more than one place (عمان: Oman, and Amman written without its
        shadda), with every place they can name; the story's country decides."""
        options: dict[tuple[str, ...], list[Place]] = {}
        for code, _tz, name, names in rows("countries.tsv"):
            for alias in _split(names):
                options.setdefault(tokens_of(alias), []).append(Place(name, "country", code))
        for name, kind, country, names in rows("places.tsv"):
            for alias in _split(names):
                options.setdefault(tokens_of(alias.lstrip("~")), []).append(
                    Place(name, kind, country, alias.startswith("~")))
        distinct = {toks: list({(p.name, p.country): p for p in places}.values())
                    for toks, places in options.items()}
        return {toks: places for toks, places in distinct.items() if len(places) > 1}

    @cached_property
    def sources(self) -> Phrases:
        table = Phrases()
        for name, short, _country, names in rows("sources.tsv"):
            for alias in _split(names):
                table.add(alias, Source(name, short))
        return table


@cache
def lexicon() -> Lexicon:
    return Lexicon()
