"""Who, what, where and when for each figure, from its sentence and neighbours.

The finders (figures.py, times.py) know phrases; this module knows discourse:
a figure's territory (the stretch of its sentence between the figures on each
side) is searched first, then its sentence, then the figure it belongs to,
then the sentences before it. Every rule here is a general one; the words come
from data/.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from itertools import compress

from .document import Document
from .figures import FigureMention
from .lexicon import Source, lexicon, rows, tokens_of, unseen
from .memo import per_word
from .times import TimeMention

_COMPLEMENT = {"ان", "انه", "انها", "انهم", "انهن", "«", ":", "\"", "“", "بان", "بانه", "بانها", "بانهم"}
_MAX_SPEAKER = 22
_KINDS: dict[str, tuple[bool, bool, bool, bool] | None] = per_word({})
_CUES: dict[str, tuple[bool, bool, bool] | None] = per_word({})
_PHRASE_STOP = {"في", "خلال", "عبر", "امام", "علي", "،", ",", "(", ")", "«", "»", ":", "ان", "انه", "بان"}


@dataclass(slots=True)
class PlaceMention:
    start: int
    end: int
    name: str
    country: str
    locative: bool
    head: "PlaceMention | None" = None   # the first place of its chain
    frame: str | None = None

    @property
    def location(self) -> str:
        head = self.head or self
        return (head.frame or self.frame or "{}").format(head.name)


@dataclass(slots=True)
class Attribution:
    sentence: int
    position: int
    source: str | None
    speaker: str | None
    words: frozenset = frozenset()


@dataclass
class Context:
    doc: Document
    figures: list[FigureMention]
    times: list[TimeMention]
    published: dt.date | None
    text: str = ""
    sources: list[tuple[int, int, Source]] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    events: list[tuple[int, int, str, str]] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)

    # ------------------------------------------------------------ mentions
    def scan(self, fresh: set[str] | None = None) -> None:
        """Find every source, place and event word; a word none of them can start is
        passed over after one dictionary look-up. `fresh`: the words the per-word table
        may not know yet, when the caller knows them."""
        lex, words, n = lexicon(), self.doc.words, len(self.doc.words)
        sources, places, events = lex.sources, lex.places, lex.events
        types = _place_nouns()["type"]
        taken: set[int] = set()
        previous: PlaceMention | None = None
        ambiguous: list[tuple[PlaceMention, list]] = []
        # What each distinct word can start: (event, source, place, type noun), worked out
        # once per word for good (news repeats its words) and kept in _KINDS.
        # None for a word that starts none of them.
        kinds = _KINDS
        for w in unseen(words, kinds) if fresh is None else fresh:
            kind = (bool(events.heads(w)), bool(sources.heads(w)), bool(places.heads(w)),
                    _strip_prefix(w) in types)
            kinds[w] = kind if any(kind) else None
        free = 0
        for i in compress(range(n), map(kinds.__getitem__, words)):
            word = words[i]
            has_event, has_source, has_place, typed = kinds[word]
            if has_event:
                found = events.match(words, i)
                if found is not None and found[2] <= 3:
                    self.events.append((i, found[1], found[0]))
            if i < free or not (has_source or has_place or typed):
                continue
            typed = typed and i + 1 < n
            source = sources.match(words, i) if has_source else None
            place = places.match(words, i) if has_place else None
            if place is not None and place[0].common:
                place = None  # الخيام alone is tents; بلدة الخيام is the town
            if place is None and typed:  # مدينة إدلب: the type noun and the name are one place
                place = places.match(words, i + 1)
            else:
                typed = False
            if place is not None and place[2] <= 3 and (source is None or place[1] > source[1]):
                # مناطق سيطرة التنظيم is a place, though التنظيم is a source
                payload, end, cut = place
                mention = PlaceMention(i, end, payload.name, payload.country,
                                       self._locative(i, cut, typed))
                head = i + 1 if typed else i
                alias = (words[head][cut:],) + tuple(words[head + 1:end])
                if alias in lex.place_options:
                    ambiguous.append((mention, lex.place_options[alias]))
                if previous is not None and self._joined(previous.end, i):
                    mention.head = previous.head or previous
                    mention.locative = mention.locative or mention.head.locative
                mention.frame = self._frame(i)
                self.places.append(mention)
                previous = mention
                free = end
            elif source is not None and source[2] <= 2:
                self.sources.append((i, source[1], source[0]))
                taken.update(range(i, source[1]))
                free = source[1]
        self._settle(ambiguous)

    def _settle(self, ambiguous: list) -> None:
        """An alias that names several places (عمان) names the one in the country the rest
        of the article is about."""
        if not ambiguous:
            return
        unsure = {id(m) for m, _options in ambiguous}
        counts: dict[str, int] = {}
        for p in self.places:
            if id(p) not in unsure and p.country != "-":
                counts[p.country] = counts.get(p.country, 0) + 1
        for mention, options in ambiguous:
            best = max(options, key=lambda p: (counts.get(p.country, 0), p is options[0]))
            mention.name, mention.country = best.name, best.country
    def _locative(self, start: int, cut: int, typed: bool) -> bool:
        """Is the place where something happened (في إدلب، بسوريا، مدينة دوما), not an actor
        (دفع بريطانيا)?"""
        words = self.doc.words
        nouns = _place_nouns()
        if typed or _strip_prefix(words[start]) in nouns["type"]:
            return True
        prefix = words[start][:cut]
        if prefix.lstrip("و").startswith(("ب", "ل")) and prefix not in ("ال", "وال"):
            return True  # بسوريا، لسوريا
        k = start - 1
        while k >= 0 and (_strip_prefix(words[k]) in nouns["direction"] or words[k] in nouns["type"]):
            if words[k][0] == "ب" and _strip_prefix(words[k]) != words[k]:
                return True
            k -= 1
        return k >= 0 and (words[k] in nouns["locative"] or self._frame(start) is not None)

    def _joined(self, prev_end: int, start: int) -> bool:
        """Places joined as one location: X في محافظة Y، X بريف Y، X، Y."""
        words = self.doc.words
        nouns = _place_nouns()
        between = words[prev_end:start]
        if len(between) > 4:
            return False
        if not between:
            return not words[start].startswith("و")  # سوريا والعراق: two places, not one
        ok = nouns["join"]
        return all(_strip_prefix(w) in ok or w in ok for w in between) and \
            (between[0] in ("في", "،", ",") or between[0][0] == "ب")

    def _frame(self, start: int) -> str | None:
        """في طريقهم إلى X, قرب X: a phrase just before the place (a type noun or في may
        stand between) that makes the location a route, a vicinity …"""
        words = self.doc.words
        types = _place_nouns()["frame_gap"]
        k = start
        for _ in range(3):
            for template, toks in _frames().get(words[k - 1] if k else "", ()):
                n = len(toks)
                if k - n >= 0 and tuple(words[k - n:k]) == toks:
                    return template
            if k == 0 or _strip_prefix(words[k - 1]) not in types:
                return None
            k -= 1
        return None

    def name_tokens(self) -> set[int]:
        """Tokens inside the name of a source (المصري اليوم، عرب 48): no time, no figure."""
        return {k for a, b, _source in self.sources for k in range(a, b)}

    def drop_places(self, tokens: set[int]) -> None:
        self.places = [p for p in self.places if tokens.isdisjoint(range(p.start, p.end))]

    def place_tokens(self) -> set[int]:
        """Tokens inside a place name (منطقة الـ55، ثلاث نيعقوب): no figure there."""
        types, words = _place_nouns()["type"], self.doc.words
        return {k for p in self.places for k in range(p.start, p.end) if words[k] not in types}

    # --------------------------------------------------------- attribution
    def attribute(self, fresh: set[str] | None = None) -> None:
        lex, words, doc = lexicon(), self.doc.words, self.doc
        cues = lex.attribution
        # Which cues each word can begin (prep, verb, continue); None for none.
        for w in unseen(words, _CUES) if fresh is None else fresh:
            kinds = (bool(cues["prep"].heads(w)), bool(cues["verb"].heads(w)),
                     bool(cues["continue"].heads(w)))
            _CUES[w] = kinds if any(kinds) else None
        by_sentence: dict[int, list[int]] = {}
        for i in compress(range(len(words)), map(_CUES.__getitem__, words)):
            if not doc.quoted[i]:
                by_sentence.setdefault(doc.sentence_of[i], []).append(i)
        for s, positions in by_sentence.items():
            b = doc.sentence_bounds[s][1]
            found = []
            for i in positions:
                may_prep, may_verb, may_continue = _CUES[words[i]]
                prep = cues["prep"].match(words, i, clitics=True) if may_prep else None
                if prep is not None and prep[2] <= 2:
                    source = self._source_after(prep[1], min(b, prep[1] + 10))
                    k = prep[1] + (1 if prep[1] < b and words[prep[1]] in ("ما", "ما") else 0)
                    if source is None and k < b and words[k] not in _PHRASE_STOP:
                        verb = lex.attribution["verb"].match(words, k, clitics=True)
                        start = verb[1] if verb is not None else k  # وفق ما أفادت هيئة …
                        phrase = self._phrase(start, min(b, start + 6))
                        source = (phrase, None) if phrase else None
                    if source is not None:
                        found.append(Attribution(s, i, source[0], None, frozenset()))
                    continue
                verb = cues["verb"].match(words, i, clitics=True) if may_verb else None
                if verb is not None and verb[2] <= 1:
                    found.extend(self._speech(s, i, verb[1], b))
                    continue
                more = cues["continue"].match(words, i, clitics=True) if may_continue else None
                if more is not None and more[2] <= 1 and self._complement_near(more[1]):
                    speaker = (found[-1] if found else self._previous_attribution(s))
                    if speaker is not None:
                        found.append(Attribution(s, i, speaker.source, speaker.speaker, speaker.words))
            self.attributions.extend(found)

    def _complement_near(self, j: int) -> bool:
        """مضيفا أن، مشيرا إلى أن: a participle that reports speech."""
        words = self.doc.words
        return any(w in _COMPLEMENT for w in words[j:j + 3])

    def _source_after(self, start: int, stop: int):
        starts = self._source_starts
        for a in range(start, stop):
            if a in starts:
                b, source = starts[a]
                return source.name, b
        return None

    @cached_property
    def _source_starts(self) -> dict[int, tuple[int, Source]]:
        return {a: (b, source) for a, b, source in self.sources}

    @cached_property
    def _name_set(self) -> set[int]:
        return self.name_tokens()

    @cached_property
    def _by_sentence(self) -> dict[int, list[Attribution]]:
        table: dict[int, list[Attribution]] = {}
        for att in self.attributions:
            table.setdefault(att.sentence, []).append(att)
        return table

    def _speech(self, s: int, cue: int, after: int, stop: int) -> list[Attribution]:
        """قال X إن… / أفاد X بأن… / وأضاف أن…: the speaker is what lies between."""
        words = self.doc.words
        limit = min(stop, after + _MAX_SPEAKER)
        j = after
        if after in self._source_starts:  # a name that itself looks like a complement: بان كي مون
            j = self._source_starts[after][0]
        while j < limit and words[j] not in _COMPLEMENT:
            j += 1
        if j >= limit:
            return []
        speaker = words[after:j]
        content = [w for w in speaker if w not in ("،", ",", "(", ")")]
        if not content or all(_is_time_word(w) for w in content):
            previous = self._previous_attribution(s)
            if previous is None:
                return []
            return [Attribution(s, cue, previous.source, previous.speaker, previous.words)]
        source = self._source_after(after, j)
        name = source[0] if source else None
        person = self._person(after, j)
        titles = lexicon().attribution["title"]
        wordset = frozenset(w for w in content if not titles.match([w], 0) and len(w) > 2)
        if name is None:
            name = self._coreferent(content, wordset)
        if name is None:
            name = self._phrase(after, j)
        return [Attribution(s, cue, name, person, wordset)]

    def _phrase(self, a: int, b: int) -> str | None:
        """A speaker named in words only (مصدر أمني، رئيس مجلس المدينة), as written, up to
        the first preposition or mark after its head: في بيان، لـ«النهار» are not the speaker."""
        words, end = self.doc.words, a
        while end < b and not _is_time_word(words[end]) and (end == a or (
                words[end] not in _PHRASE_STOP and not (words[end] in ("ل", "ب") or words[end][:1] in "«("))):
            end += 1
        if end == a:
            return None
        start, stop = self.doc.span(a, end)
        return self.text[start:stop].strip(" ،,") or None

    def _person(self, a: int, b: int) -> str | None:
        """The words of the speaker phrase that are neither title nor organisation."""
        words, taken = self.doc.words, self._name_set
        titles = lexicon().attribution["title"]
        rest = [k for k in range(a, b) if k not in taken and not titles.match(words, k)
                and not _is_time_word(words[k]) and words[k] not in ("،", ",", "(", ")")]
        if not rest or len(rest) > 4:
            return None
        first, last = rest[0], rest[-1]
        if last - first + 1 != len(rest):
            return None
        start, end = self.doc.span(first, last + 1)
        return self.text[start:end]

    def _coreferent(self, content: list[str], wordset: frozenset) -> str | None:
        """المنظمة → the organisation named before; بالي → the speaker named بالي before."""
        head = content[0]
        for att in reversed(self.attributions[-50:]):
            if wordset and wordset <= att.words and att.source:
                return att.source
        bare = head.removeprefix("ال")
        if lexicon().attribution["organisation"].match(["ال" + bare], 0, clitics=False):
            for a, b, source in reversed(self.sources[-200:]):
                first = self.doc.words[a].removeprefix("ال")
                if first == bare:
                    return source.name  # المنظمة → the organisation named before
        return None

    def _previous_attribution(self, s: int) -> Attribution | None:
        for att in reversed(self.attributions):
            if s - att.sentence <= 3:
                return att
            break
        return None

    def sentence_source(self, s: int, position: int) -> Attribution | None:
        by_sentence = self._by_sentence
        here = by_sentence.get(s)
        if here:
            before = [a for a in here if a.position <= position]
            return before[-1] if before else here[0]
        # A source that has held the floor for two sentences keeps it for the next.
        prev = by_sentence.get(s - 1)
        prev2 = by_sentence.get(s - 2)
        if prev and prev2 and prev[-1].source == prev2[-1].source:
            return prev[-1]
        return None


def _is_time_word(word: str) -> bool:
    known = _TIME_WORDS.get(word)
    if known is None:
        lex = lexicon()
        known = _TIME_WORDS[word] = bool(lex.relative.match([word], 0, clitics=True)
                                         or lex.weekdays.match([word], 0, True))
    return known


_TIME_WORDS: dict[str, bool] = per_word({})


def _strip_prefix(word: str) -> str:
    """The word without its proclitic when the rest is a place noun (وبريف: ريف); kept per
    word once the place nouns are loaded."""
    known = _STRIPPED.get(word)
    if known is None:
        known = word
        for prefix in ("وب", "ول", "و", "ب", "ل", "ف"):
            rest = word[len(prefix):]
            if word.startswith(prefix) and len(rest) > 2 and rest in _PLACE_WORDS:
                known = rest
                break
        if _PLACE_WORDS:
            _STRIPPED[word] = known
    return known


_PLACE_WORDS: set[str] = set()
_STRIPPED: dict[str, str] = per_word({})


def _place_nouns() -> dict[str, set[str]]:
    global _PLACE_NOUNS
    if _PLACE_NOUNS is None:
        table: dict[str, set[str]] = {"type": set(), "direction": set(), "locative": set()}
        for role, words in rows("places_nouns.tsv"):
            for word in words.split("|"):
                toks = tokens_of(word)
                if len(toks) == 1:
                    table[role].add(toks[0])
                    table[role].add("ال" + toks[0]) if role == "type" else None
        _PLACE_WORDS.update(table["type"] | table["direction"])
        # What may stand between a frame and its place (قرب مدينة X، في طريقهم إلى X), and
        # between two places that name one location (X في محافظة Y، X، Y).
        table["frame_gap"] = table["type"] | {"في"}
        table["join"] = {"في", "،", ","} | table["type"] | table["direction"]
        _PLACE_NOUNS = table
    return _PLACE_NOUNS


_PLACE_NOUNS = None
_FRAMES = None


def _frames() -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """Frame phrases indexed by their last token."""
    global _FRAMES
    if _FRAMES is None:
        _FRAMES = {}
        for template, phrases in rows("place_frames.tsv"):
            for phrase in phrases.split("|"):
                toks = tokens_of(phrase)
                _FRAMES.setdefault(toks[-1], []).append((template, toks))
    return _FRAMES
