"""Turning the bytes of a file into text, or saying plainly why they are not text."""

from __future__ import annotations

from pathlib import Path

from .errors import InputError


def decode(raw: bytes, path: Path) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if b"\x00" in raw[:4096]:
        raise InputError(f"{path}: holds binary bytes, not text; pass a UTF-8 text file")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: is not UTF-8 (bad byte at offset {exc.start}); "
            "convert it with iconv -f CP1256 -t UTF-8") from None
    if not text.strip():
        raise InputError(f"{path}: is empty; pass an article with text")
    return text
