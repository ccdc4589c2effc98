"""Reading an article file into an `Article`: text exactly as stored, plus its date."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .errors import DateError, InputError

_SOURCE_LINE = re.compile(r"^\s*المصدر\s*[:：]\s*(.+?)\s*$", re.M)


@dataclass
class Article:
    text: str
    path: Path | None = None
    published: dt.date | None = None
    source: str | None = None
    sha256: str = ""
    meta: dict = field(default_factory=dict)

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


def parse_date(value: str | dt.date | None) -> dt.date | None:
    """A YYYY-MM-DD publication date, or None; anything else is a DateError."""
    if value is None or isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise DateError(f"publication date {text!r} is not of the form YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise DateError(f"publication date {text!r} is not a real date ({exc})") from None


def sidecar_date(path: Path) -> dt.date | None:
    """The date in `<stem>.published` beside the article, if there is one."""
    side = path.with_suffix(".published")
    if side.is_file():
        return parse_date(side.read_text(encoding="utf-8").strip())
    return None


def from_text(text: str, published=None, path: Path | None = None) -> Article:
    source = _SOURCE_LINE.search(text)
    return Article(
        text=text,
        path=path,
        published=parse_date(published),
        source=source.group(1) if source else None,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )


def read(path, published=None) -> Article:
    """Read an article; `published` defaults to the `<stem>.published` sidecar."""
    from .decode import decode

    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not an article file")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from None
    text = decode(raw, path)
    date = parse_date(published) if published is not None else sidecar_date(path)
    article = from_text(text, date, path)
    article.sha256 = hashlib.sha256(raw).hexdigest()
    return article
