"""The folded text cut into tokens, sentences, clauses, lines and quotations.

Everything here is positions in the normalised copy; `Normalized.span` maps a
run of tokens back to the original text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cached_property
from itertools import compress

from .lexicon import TOKEN
from .normalize import Normalized

# A sentence ends after a run of .!?؟ followed by a space, a closing mark or the
# end; and at a newline. Each run is found from its first mark, one pattern per
# mark: a pattern that opens with one character is scanned for several times
# faster than one that opens with a class.
_STOPS = ".!?؟"
_SENTENCE_ENDS = tuple((mark, re.compile(re.escape(mark) + r"[.!?؟]*(?=[\s»\"”)]|$)"))
                       for mark in _STOPS)
_SOURCE_LINE = re.compile(r"[ \t]*المصدر[ \t]*[:：].*")
_ONE_TOKEN_LINE = re.compile(r"[ \t]*\S+[ \t]*")
_CLAUSE_MARK = {"،", ",", "؛", ";", ":", "«", "»", "(", ")", "\"", "“", "”"}
_OPEN, _CLOSE = "«“", "»”"
_QUOTE_MARKS = set(_OPEN + _CLOSE + '"')


def _tokens(text: str) -> tuple[list[str], list[int], list[int]]:
    """Tokens and their offsets. The text is cut at " " and "\n"; a piece that is all
    letters or all digits, as most are, is one token, and only the others go through
    the token pattern (which skips any other space inside them). Compiled
    (arqam/native.py), this is a fifth faster than re.split with the pattern."""
    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    at, tokens_in = 0, TOKEN.finditer
    for chunk in text.replace("\n", " ").split(" "):
        if chunk.isalpha() or chunk.isdecimal():
            words.append(chunk)
            starts.append(at)
            ends.append(at + len(chunk))
        elif chunk:
            for m in tokens_in(chunk):
                words.append(m.group())
                starts.append(at + m.start())
                ends.append(at + m.end())
        at += len(chunk) + 1
    return words, starts, ends


@dataclass
class Document:
    norm: Normalized
    words: list[str] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    sentence_of: list[int] = field(default_factory=list)
    sentence_bounds: list[tuple[int, int]] = field(default_factory=list)  # token ranges
    line_of: list[int] = field(default_factory=list)
    line_bounds: list[tuple[int, int]] = field(default_factory=list)  # token ranges
    quoted: list[bool] = field(default_factory=list)

    @classmethod
    def of(cls, norm: Normalized) -> "Document":
        doc = cls(norm)
        text = norm.text
        doc.words, doc.starts, doc.ends = _tokens(text)
        doc._sentences(text)
        doc._lines(text)
        doc._quotes()
        return doc

    def _runs(self, cuts: list[int]) -> list[tuple[int, int]]:
        """Token ranges between character positions `cuts`, empty ones left out."""
        bounds, first, starts = [], 0, self.starts
        for cut in cuts + [len(self.norm.text) + 1]:
            last = bisect_left(starts, cut, first)
            if last > first:
                bounds.append((first, last))
                first = last
        return bounds

    def _sentences(self, text: str) -> None:
        cuts = {m.end() for m in re.finditer("\n", text)}
        for mark, pattern in _SENTENCE_ENDS:
            if mark in text:
                cuts.update(m.end() for m in pattern.finditer(text))
        self.sentence_bounds = self._runs(sorted(cuts))
        index: list[int] = []
        for s, (a, b) in enumerate(self.sentence_bounds):
            index.extend([s] * (b - a))
        self.sentence_of = index

    def _lines(self, text: str) -> None:
        self.line_bounds = self._runs([m.start() for m in re.finditer("\n", text)])
        index: list[int] = []
        for n, (a, b) in enumerate(self.line_bounds):
            index.extend([n] * (b - a))
        self.line_of = index

    def _quotes(self) -> None:
        """Which tokens are inside a quotation, its marks included. Only the marks are
        visited; a quotation left open closes at its paragraph's end."""
        words, line_of = self.words, self.line_of
        flags = [False] * len(words)
        depth, straight, line, opened = 0, False, -1, None
        for i in compress(range(len(words)), map(_QUOTE_MARKS.__contains__, words)):
            if line_of[i] != line:
                if opened is not None:
                    end = self.line_bounds[line][1]
                    flags[opened:end] = [True] * (end - opened)
                depth, straight, line, opened = 0, False, line_of[i], None
            was_inside = depth > 0 or straight
            if words[i] in _OPEN:
                depth += 1
            elif words[i] in _CLOSE:
                depth = max(0, depth - 1)
            else:
                straight = not straight
            inside = depth > 0 or straight
            if inside and not was_inside:
                opened = i + 1
            elif was_inside and not inside:
                flags[opened:i] = [True] * (i - opened)
                opened = None
            flags[i] = True
        if opened is not None:
            end = self.line_bounds[line][1]
            flags[opened:end] = [True] * (end - opened)
        self.quoted = flags

    def _tokens_in(self, start: int, end: int) -> range:
        return range(bisect_left(self.starts, start), bisect_left(self.starts, end))

    def source_line(self) -> set[int]:
        """Tokens of a closing "المصدر: …" line, which names the paper, not the news."""
        out: set[int] = set()
        text = self.norm.text
        at = text.find("المصدر")
        while at >= 0:  # only the lines that hold the word are matched
            start = text.rfind("\n", 0, at) + 1
            end = text.find("\n", at)
            end = len(text) if end < 0 else end
            if _SOURCE_LINE.fullmatch(text, start, end):
                out.update(self._tokens_in(start, end))
            at = text.find("المصدر", end)
        return out

    def alone_on_line(self) -> set[int]:
        """Tokens alone on their line: a page number such as the seed's "8". Only the
        lines of one token are looked at, and only their text is matched."""
        out: set[int] = set()
        text = self.norm.text
        for a, b in self.line_bounds:
            if b - a == 1:
                start = text.rfind("\n", 0, self.starts[a]) + 1
                end = text.find("\n", self.ends[a])
                if _ONE_TOKEN_LINE.fullmatch(text, start, len(text) if end < 0 else end):
                    out.add(a)
        return out

    @cached_property
    def _clause_marks(self) -> list[int]:
        words = self.words
        return list(compress(range(len(words)), map(_CLAUSE_MARK.__contains__, words)))

    def clause_bounds(self, t: int) -> tuple[int, int]:
        """Token range of the clause around token t: the sentence cut at commas and quotes."""
        s0, s1 = self.sentence_bounds[self.sentence_of[t]]
        marks = self._clause_marks
        k = bisect_left(marks, t)  # marks[k] is the first mark at or after t
        a = max(s0, marks[k - 1] + 1) if k else s0
        b = min(s1, marks[k]) if k < len(marks) else s1
        return a, b

    def span(self, first: int, last: int, cut: int = 0) -> tuple[int, int]:
        """Original offsets of tokens first..last-1, skipping `cut` chars of the first."""
        return self.norm.span(self.starts[first] + cut, self.ends[last - 1])
