"""Extraction of a file too large to be one article, a piece at a time.

A year of a paper in one file is read in pieces of whole paragraphs (about
`CHUNK_CHARS` characters each, cut at a blank line where there is one, else at
a line end, else at a sentence end); each piece goes through `arqam.extract`
as an article of its own, and the offsets of what it finds are moved to count
from the start of the whole file's text, so `text[start:end] == item.text`
holds on the text `arqam.read` would give. Memory holds one block of the file
and one piece, whatever the size of the file.

What a piece does not see: context in an earlier piece (a source named two
paragraphs before, a year carried over to a later date) when the two fall on
either side of a cut. An archive of many days has no single publication date:
pass none and relative times stay unresolved.

    >>> from arqam.stream import extract_file
    >>> for piece in extract_file("archive.txt"):          # doctest: +SKIP
    ...     for fig in piece.figures:
    ...         print(fig.start, fig.text)

Without a date, the `<stem>.published` file beside it gives one, as for `arqam.read`.

`write` is what `arqam extract` uses for a file over `reader.MAX_ARTICLE_BYTES`:
it checks the whole file first (so a bad byte in the middle stops it before
any output), then writes the same JSON, CSV or table as for one article,
with a progress bar on stderr when it runs long and stderr is a terminal.
"""

from __future__ import annotations

import codecs
import dataclasses
import hashlib
import json
import re
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from typing import IO, Iterable, Iterator

from .decode import (ARABIC_LETTER, HEAD, _VISIBLE, decode_bytes, looks_like_html,
                     sniff_encoding)
from .errors import (BinaryInputError, EmptyInputError, EncodingError, InputError,
                     NoArabicError)
from .reader import (MAX_HTML_BYTES, _SOURCE_LINE, from_text, open_article, parse_date,
                     sidecar_date)

CHUNK_CHARS = 64_000
BLOCK_BYTES = 256 * 1024

_SENTENCE_END = re.compile(r"[.!?؟۔]+[\"'»)\]]*\s+")
_MARK = re.compile(r"[\u064b-\u065f\u0670\u06d6-\u06ed\u0300-\u036f\u200c\u200d]")


@dataclass
class Piece:
    """One piece of a file: its text, where it starts in the whole text, and what
    `arqam.extract` found in it, with offsets into the whole text."""

    start: int
    text: str
    figures: list = field(default_factory=list)
    times: list = field(default_factory=list)
    warnings: list = field(default_factory=list)

    @property
    def end(self) -> int:
        return self.start + len(self.text)


# --- cutting text into pieces ---------------------------------------------------

def _cut(buf: str, pos: int, limit: int) -> int:
    """Where to end the piece that starts at buf[pos], at most `limit` characters
    long: after a blank line in its second half, else after its last line end,
    else after its last sentence end, else at its last space, else at `limit`
    (backing off so a mark stays with its letter)."""
    stop = pos + limit
    blank = buf.rfind("\n\n", pos + limit // 2, stop)
    if blank >= 0:
        return blank + 2
    line = max(buf.rfind("\n", pos, stop), buf.rfind("\r", pos, stop))
    if line >= 0:
        return line + 1
    last = None
    for last in _SENTENCE_END.finditer(buf, pos, stop):
        pass
    if last is not None:
        return last.end()
    space = max(buf.rfind(" ", pos, stop), buf.rfind("\t", pos, stop))
    if space > pos:
        return space + 1
    cut = stop
    while cut > pos + 1 and _MARK.match(buf, cut):
        cut -= 1
    return cut


def split_text(text: str, chunk_chars: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """(offset, piece) for pieces of `text` of at most `chunk_chars` characters,
    cut as `_cut` says; the pieces put together give `text` back."""
    if chunk_chars < 1:
        raise ValueError("chunk_chars must be at least 1")
    pos = 0
    while len(text) - pos > chunk_chars:
        cut = _cut(text, pos, chunk_chars)
        yield pos, text[pos:cut]
        pos = cut
    if pos < len(text):
        yield pos, text[pos:]


class FileText:
    """The text of a file, decoded block by block and handed out in pieces.

    Decoding follows `decode.sniff_encoding` on the file's head (BOM, UTF-16,
    Windows-1256, binary signatures), so the characters are those `arqam.read`
    gives. After a full pass (`pieces()` run to the end) it knows the file's
    size in characters and its SHA-256.
    """

    def __init__(self, path, chunk_chars: int = CHUNK_CHARS):
        self.path = open_article(path)
        self.name = str(self.path)
        self.chunk_chars = chunk_chars
        self.size = self.path.stat().st_size
        self.chars: int | None = None
        self.sha256: str | None = None
        self.bytes_read = 0
        if self.size == 0:
            raise EmptyInputError(f"{self.name}: is empty (0 bytes); pass an article with text")
        with self.path.open("rb") as fh:
            head = fh.read(HEAD)
        self._text: str | None = None  # set for a (small) HTML page
        if looks_like_html(head):
            if self.size > MAX_HTML_BYTES:
                raise InputError(
                    f"{self.name}: is an HTML page of {self.size / 2**20:.1f} MB; save its "
                    "text as UTF-8 and pass that")
            decoded = decode_bytes(self.path.read_bytes(), self.name)
            self._text, self.notes, self.encoding = decoded.text, decoded.notes, None
        else:
            self.encoding = sniff_encoding(head, self.name)
            self.notes = [self.encoding.note] if self.encoding.note else []

    def _blocks(self) -> Iterator[str]:
        enc = self.encoding
        decoder = codecs.getincrementaldecoder(enc.codec)(errors="strict")
        digest = hashlib.sha256()
        done = 0
        skip = enc.skip  # the byte-order mark, which may span blocks
        with self.path.open("rb") as fh:
            while True:
                block = fh.read(BLOCK_BYTES)
                digest.update(block)
                final = not block
                if skip:
                    dropped = min(skip, len(block))
                    block, skip, done = block[dropped:], skip - dropped, done + dropped
                try:
                    yield decoder.decode(block, final=final)
                except UnicodeDecodeError as exc:
                    raise EncodingError(
                        f"{self.name}: is not valid {enc.codec.upper()} (a bad byte near "
                        f"offset {done + exc.start}); convert the whole file to UTF-8 "
                        "(iconv -f ENCODING -t UTF-8)") from None
                done += len(block)
                self.bytes_read = done
                if final:
                    break
        self.sha256 = digest.hexdigest()

    def pieces(self) -> Iterator[tuple[int, str]]:
        """(offset, piece) through the whole text; memory: one block and one piece."""
        if self._text is not None:
            self.chars = len(self._text)
            self.sha256 = hashlib.sha256(self.path.read_bytes()).hexdigest()
            yield from split_text(self._text, self.chunk_chars)
            return
        buf, pos, base = "", 0, 0  # buf[pos:] is pending text; base is buf[0]'s offset
        for block in self._blocks():
            buf = buf[pos:] + block
            base += pos
            pos = 0
            while len(buf) - pos > self.chunk_chars:
                cut = _cut(buf, pos, self.chunk_chars)
                yield base + pos, buf[pos:cut]
                pos = cut
        if pos < len(buf):
            yield base + pos, buf[pos:]
        self.chars = base + len(buf)

    def check(self, progress: "Progress | None" = None) -> dict:
        """Read the whole file once and refuse it as `arqam.read` would (bad bytes,
        NUL, only whitespace, no Arabic letter) before anything is written.
        Returns what the header of the output needs: the source if the file
        names one only."""
        visible = arabic = False
        sources: set[str] = set()
        for offset, piece in self.pieces():
            nul = piece.find("\x00")
            if nul >= 0:
                raise BinaryInputError(
                    f"{self.name}: holds binary bytes (a NUL at character {offset + nul}), "
                    "not text; pass the article as a UTF-8 text file")
            visible = visible or bool(_VISIBLE.search(piece))
            arabic = arabic or bool(ARABIC_LETTER.search(piece))
            if len(sources) < 2:
                sources.update(m.group(1) for m in _SOURCE_LINE.finditer(piece))
            if progress:
                progress.update(self.bytes_read)
        if progress:
            progress.close()
        if not visible:
            raise EmptyInputError(f"{self.name}: holds only whitespace; pass an article with text")
        if not arabic:
            raise NoArabicError(f"{self.name}: has no Arabic letters; arqam reads Arabic "
                                "articles; pass one")
        return {"source": sources.pop() if len(sources) == 1 else None}


# --- extraction -----------------------------------------------------------------

_ID = re.compile(r"^(.*?)(\d+)$")


class _Renumber:
    """Gives the ids of each piece's records numbers that run on through the file,
    and points `part_of` / `repeats` at the renumbered ids."""

    def __init__(self) -> None:
        self.counts: dict[str, int] = {}

    def piece(self, items: Iterable) -> dict[str, str]:
        mapping: dict[str, str] = {}
        for item in items:
            match = _ID.match(item.id or "")
            if not match:
                continue
            prefix = match.group(1)
            self.counts[prefix] = self.counts.get(prefix, 0) + 1
            mapping[item.id] = f"{prefix}{self.counts[prefix]}"
        return mapping


def _moved(item, offset: int, ids: dict[str, str]):
    changes = {"start": item.start + offset, "end": item.end + offset}
    for name in ("id", "part_of", "repeats"):
        value = getattr(item, name, None)
        if isinstance(value, str) and value in ids:
            changes[name] = ids[value]
    return dataclasses.replace(item, **changes)


def extract_pieces(pieces: Iterable[tuple[int, str]], published=None) -> Iterator[Piece]:
    """Extract each (offset, text) piece as an article and move its offsets."""
    from .extract import extract

    date = parse_date(published)
    renumber = _Renumber()
    for offset, text in pieces:
        result = extract(from_text(text, date))
        ids = renumber.piece(list(result.figures) + list(result.times))
        yield Piece(start=offset, text=text,
                    figures=[_moved(f, offset, ids) for f in result.figures],
                    times=[_moved(t, offset, ids) for t in result.times],
                    warnings=list(result.warnings))


def extract_text(text: str, published=None, *, chunk_chars: int = CHUNK_CHARS) -> Iterator[Piece]:
    """`extract_pieces` over a text in memory (for tests, and HTML pages)."""
    return extract_pieces(split_text(text, chunk_chars), published)


def extract_file(path, published=None, *, chunk_chars: int = CHUNK_CHARS,
                 check: bool = True) -> Iterator[Piece]:
    """Pieces of a file with what was found in each, offsets into the whole text.

    With `check` (the default) the file is read once first and refused as a
    whole if it is not Arabic text, before any piece is extracted."""
    source = FileText(path, chunk_chars)
    if check:
        source.check()
    date = parse_date(published) if published is not None else sidecar_date(source.path)
    return extract_pieces(source.pieces(), date)


# --- progress -------------------------------------------------------------------

class Progress:
    """A one-line progress bar on stderr, drawn only when the work has run for
    `delay` seconds and (unless forced) stderr is a terminal."""

    def __init__(self, total: int, *, label: str = "extracting", total_bytes: int | None = None,
                 out: IO[str] | None = None, enabled: bool | None = None,
                 delay: float = 1.0, width: int = 24):
        self.total, self.label, self.total_bytes = max(total, 1), label, total_bytes
        self.out = out if out is not None else sys.stderr
        if enabled is None:
            enabled = bool(getattr(self.out, "isatty", lambda: False)())
        self.enabled, self.delay, self.width = enabled, delay, width
        self.started = time.monotonic()
        self.last_draw = 0.0
        self.drawn = False
        self.width_drawn = 0

    def update(self, done: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.started < self.delay or now - self.last_draw < 0.1:
            return
        self.last_draw = now
        self._draw(done, now)

    def _draw(self, done: int, now: float) -> None:
        share = min(done / self.total, 1.0)
        filled = int(share * self.width)
        bar = "#" * filled + "-" * (self.width - filled)
        rate = done / max(now - self.started, 1e-9)
        eta = (self.total - done) / rate if rate > 0 else 0
        size = ""
        if self.total_bytes:
            size = f" {share * self.total_bytes / 2**20:.1f}/{self.total_bytes / 2**20:.1f} MB"
        line = (f"\rarqam: {self.label} [{bar}] {share:4.0%}{size} "
                f"{rate / 1e6:.2f} M chars/s, {int(eta) // 60}:{int(eta) % 60:02d} left")
        self.out.write(line)
        self.out.flush()
        self.drawn = True
        self.width_drawn = len(line)

    def say(self, line: str) -> None:
        """Print a line of its own on the bar's stream, clearing the bar first; the
        next update draws the bar again."""
        if self.drawn:
            self.out.write("\r" + " " * self.width_drawn + "\r")
            self.drawn = False
        print(line, file=self.out)

    def close(self, finished: bool = True) -> None:
        """End the bar's line: at 100 % when `finished`, else where it stopped
        (so that an error or an interruption starts a line of its own)."""
        if self.drawn:
            if finished:
                self._draw(self.total, time.monotonic())
            self.out.write("\n")
            self.out.flush()
            self.drawn = False


# --- the command line's writer --------------------------------------------------

def _json_item(record: dict) -> str:
    """A record as `Extraction.to_json` lays it out inside its list."""
    body = json.dumps(record, ensure_ascii=False, indent=1)
    return "\n".join("  " + line for line in body.split("\n"))


def write(path, published=None, fmt: str = "json", out: IO[str] | None = None, *,
          chunk_chars: int = CHUNK_CHARS, progress: bool | None = None,
          err: IO[str] | None = None) -> int:
    """Write the extraction of a large file to `out` in the command line's format
    (json, csv, table), as `arqam extract` prints one article; returns 0.

    Figures are written as they are found; times, which come after them, wait
    in a temporary file. Warnings are printed once each on `err`."""
    out = out if out is not None else sys.stdout
    err = err if err is not None else sys.stderr
    source = FileText(path, chunk_chars)
    date = parse_date(published) if published is not None else sidecar_date(source.path)
    for note in source.notes:
        print(f"arqam: note: {note}", file=err)
    header = source.check(Progress(source.size, label="checking", total_bytes=source.size,
                                   out=err, enabled=progress))
    bar = Progress(source.chars or 0, total_bytes=source.size, out=err, enabled=progress)
    try:
        _write_pieces(source, header, date, fmt, out, bar)
    except BaseException:
        bar.close(finished=False)
        raise
    bar.close()
    return 0


def _write_pieces(source: FileText, header: dict, date, fmt: str, out: IO[str],
                  bar: Progress) -> None:
    from . import __version__
    from .cli import _figures_csv, _table

    said: set[str] = set()
    n_figures = 0
    with tempfile.TemporaryFile("w+", encoding="utf-8") as later:
        if fmt == "json":
            top = {"article": source.path.name,
                   "published": date.isoformat() if date else None,
                   "source": header["source"], "language": "ar",
                   "sha256": source.sha256, "arqam": __version__}
            head = json.dumps(top, ensure_ascii=False, indent=1)
            out.write(head[:-2] + ",\n \"figures\": [")
        for piece in extract_pieces(source.pieces(), date):
            for warning in piece.warnings:
                if warning not in said and len(said) < 100:
                    said.add(warning)
                    bar.say(f"arqam: warning: {warning}")
            if fmt == "json":
                for fig in piece.figures:
                    out.write(("\n" if n_figures == 0 else ",\n") + _json_item(fig.to_dict()))
                    n_figures += 1
                for t in piece.times:  # one line each: json.dumps escapes newlines
                    later.write(json.dumps(t.to_dict(), ensure_ascii=False) + "\n")
            elif fmt == "csv":
                rows = _figures_csv(_Partial(piece.figures))
                out.write(rows if n_figures == 0 else rows.split("\n", 1)[1])
                n_figures = 1  # the header is out
            else:
                if piece.figures:
                    out.write(_table(_Partial(piece.figures)))
                    n_figures += len(piece.figures)
                for t in piece.times:
                    later.write(_table(_Partial([], [t])))
            bar.update(piece.end)
        if fmt == "json":
            out.write(("\n ]" if n_figures else "]") + ",\n \"times\": [")
            later.seek(0)
            n_times = 0
            for line in later:
                out.write(("\n" if n_times == 0 else ",\n") + _json_item(json.loads(line)))
                n_times += 1
            out.write(("\n ]" if n_times else "]") + "\n}\n")
        elif fmt == "table":
            if n_figures == 0 and later.tell() == 0:
                out.write("\n")  # what the table of an empty extraction is
            later.seek(0)
            shutil.copyfileobj(later, out)


@dataclass
class _Partial:
    """The part of an extraction the command line's formatters look at."""

    figures: list
    times: list = field(default_factory=list)
