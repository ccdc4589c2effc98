"""Reading an article file into an `Article`: text exactly as stored, plus its date.

`Article.text` is the text as read: the file's characters after decoding (and,
for an HTML page, its visible text). Every offset arqam gives is a Python string
index into it. What each kind of bad input does is in `decode.py` and in
docs/errors.md; notes about an input that was read all the same (a byte-order
mark, Windows-1256, an HTML page) are issued as `ArqamWarning`s.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import warnings
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .errors import ArqamWarning, DateError, NoInputError, TooLargeError

_SOURCE_LINE = re.compile(r"^\s*المصدر\s*[:：]\s*(.+?)\s*$", re.M)

# One article is read whole; a larger file is an archive and goes through
# `arqam.stream`, whose memory does not grow with the file. 1 MB is some
# 500,000 Arabic characters, a hundred long articles.
MAX_ARTICLE_BYTES = 1024 * 1024
# A page saved from a browser carries its scripts and styles: it may be this
# large as long as its visible text is within MAX_ARTICLE_BYTES.
MAX_HTML_BYTES = 32 * 1024 * 1024

# A publication date later than this many days after today (by this machine's
# clock) is refused: a date one day ahead can be right in a time zone east of
# here, two days ahead is a typo.
FUTURE_SLACK_DAYS = 1
EARLIEST_YEAR = 1800

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


@dataclass
class Article:
    text: str
    path: Path | None = None
    published: dt.date | None = None
    source: str | None = None
    sha256: str = ""
    meta: dict = field(default_factory=dict)
    encoding: str = "utf-8"
    notes: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.path.name if self.path else "<text>"

    @property
    def stem(self) -> str:
        return self.path.stem if self.path else "text"

    @cached_property
    def normalized(self):
        """The normalised copy with its offset map, built on first use."""
        from .normalize import Normalized

        return Normalized.of(self.text)


def check_published(date: dt.date, today: dt.date | None = None) -> dt.date:
    """`date` itself if it can be a publication date; a DateError if it is in the
    future (more than FUTURE_SLACK_DAYS after today) or before EARLIEST_YEAR."""
    today = today or dt.date.today()
    if date > today + dt.timedelta(days=FUTURE_SLACK_DAYS):
        raise DateError(
            f"publication date {date.isoformat()} is in the future (today is "
            f"{today.isoformat()}); check the year, or leave the date out")
    if date.year < EARLIEST_YEAR:
        raise DateError(
            f"publication date {date.isoformat()} is before {EARLIEST_YEAR}; check the year")
    return date


def parse_date(value: str | dt.date | None) -> dt.date | None:
    """A YYYY-MM-DD publication date, or None; anything else is a DateError.

    Arabic-Indic digits are accepted (٢٠١٩-٠٣-٠٢); a date in the future or before
    1800 is refused (see `check_published`).
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return check_published(value.date())
    if isinstance(value, dt.date):
        return check_published(value)
    text = str(value).strip().translate(_DIGITS)
    if not text:
        raise DateError("publication date is empty; give it as YYYY-MM-DD, or leave it out")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text, re.ASCII):
        raise DateError(f"publication date {text!r} is not of the form YYYY-MM-DD, "
                        "e.g. 2019-03-02")
    try:
        date = dt.date.fromisoformat(text)
    except ValueError as exc:
        raise DateError(f"publication date {text!r} is not a real date ({exc})") from None
    return check_published(date)


def sidecar_date(path: Path) -> dt.date | None:
    """The date in `<stem>.published` beside the article, if there is one."""
    side = path.with_suffix(".published")
    if not side.is_file():
        return None
    try:
        value = side.read_bytes().decode("utf-8-sig").strip()
        return parse_date(value)
    except (OSError, UnicodeDecodeError):
        raise DateError(f"{side}: cannot be read as a date; write YYYY-MM-DD in it as "
                        "UTF-8, or pass --published") from None
    except DateError as exc:
        raise DateError(f"{side}: {exc}; fix the file or pass --published") from None


def from_text(text: str, published=None, path: Path | None = None) -> Article:
    """An article from text already in memory; `text` is kept exactly as given."""
    if not isinstance(text, str):
        hint = ("decode the bytes first, or use arqam.read(path)"
                if isinstance(text, (bytes, bytearray)) else "pass the article's text")
        raise TypeError(f"from_text takes str, not {type(text).__name__}; {hint}")
    source = _SOURCE_LINE.search(text) if "المصدر" in text else None  # a scan in C first
    return Article(
        text=text,
        path=path,
        published=parse_date(published),
        source=source.group(1) if source else None,
        sha256=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
    )


def open_article(path) -> Path:
    """`path` as a Path if it names a regular file that can be opened, else a NoInputError."""
    path = Path(path)
    try:
        if not path.exists():
            raise NoInputError(f"{path}: no such file; check the path")
        if path.is_dir():
            raise NoInputError(f"{path}: is a directory, not an article file; "
                               "pass one text file in it")
        if not path.is_file():
            raise NoInputError(f"{path}: is not a regular file; pass an article's text file")
    except OSError as exc:  # a name too long, a loop of links, ...
        raise NoInputError(f"{path}: cannot be opened ({exc.strerror}); check the path") from None
    return path


def read(path, published=None, *, max_bytes: int = MAX_ARTICLE_BYTES) -> Article:
    """Read an article; `published` defaults to the `<stem>.published` sidecar.

    A file over `max_bytes` is refused with TooLargeError: read it with
    `arqam.stream.extract_file`, which goes through it paragraph by paragraph.
    """
    from .decode import HEAD, decode_bytes, looks_like_html

    path = open_article(path)
    date = parse_date(published) if published is not None else sidecar_date(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            with path.open("rb") as fh:
                page = looks_like_html(fh.read(HEAD))
            if not page or size > MAX_HTML_BYTES:
                raise _too_large(path, size, max_bytes)
        raw = path.read_bytes()
    except OSError as exc:
        raise NoInputError(f"{path}: cannot be read ({exc.strerror}); "
                           "check its permissions") from None
    decoded = decode_bytes(raw, str(path))
    if len(decoded.text) > max_bytes:
        raise _too_large(path, len(decoded.text.encode("utf-8")), max_bytes, "its text ")
    article = from_text(decoded.text, date, path)
    article.sha256 = hashlib.sha256(raw).hexdigest()
    article.encoding = decoded.encoding
    article.notes = list(decoded.notes)
    if decoded.html:
        article.meta["html"] = True
        article.source = article.source or decoded.source
    for note in decoded.notes:
        warnings.warn(note, ArqamWarning, stacklevel=2)
    return article


def _too_large(path: Path, size: int, limit: int, what: str = "") -> TooLargeError:
    return TooLargeError(
        f"{path}: {what}is {size / 2**20:.1f} MB, larger than one article (limit "
        f"{limit / 2**20:.0f} MB); run `arqam extract` on it, which streams it piece by "
        "piece, or split it")
