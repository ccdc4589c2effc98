"""Turning the bytes of a file into text, or saying plainly why they are not text.

What each kind of input gives (docs/errors.md has the same table for users):

- UTF-8: read as it is.
- UTF-8 with a byte-order mark: the mark is dropped, with a note; offsets
  count from the first character after it.
- UTF-16 or UTF-32 with a byte-order mark, and UTF-16 without one (recognised
  by its pattern of Arabic high bytes): decoded, with a note.
- Windows-1256 (the Arabic code page of older Windows editors) or ISO-8859-6:
  decoded when at least 90 % of the non-ASCII characters of the file's head
  come out as Arabic, with a note; other non-UTF-8 bytes are refused, and the
  message says how to convert.
- A PDF, an image, an office document, an archive or other binary bytes: refused.
- An HTML page: its visible text is read (scripts, styles, navigation, asides,
  footers, forms and hidden elements left out), with a note that the offsets
  count in that text and not in the file.
- Empty, only whitespace, or no Arabic letter at all: refused.

A note is returned with the text (`Decoded.notes`); `arqam.read` turns each one
into an `ArqamWarning`, which the command line prints on stderr.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from .errors import BinaryInputError, EmptyInputError, EncodingError, NoArabicError

# How much of the head of a file the sniffers look at.
HEAD = 64 * 1024

# Share of non-ASCII characters that must decode to Arabic for a guessed
# single-byte code page to be trusted. Text in one Arabic code page read as the
# other comes out with Latin letters (ç è é for ه و ى): about 0.8 on the seed.
CP1256_CONFIDENCE = 0.9

ARABIC_LETTER = re.compile(r"[\u0621-\u064a\u0671-\u06d3\u06fa-\u06fc\u0750-\u077f"
                           r"\u08a0-\u08c9\ufb50-\ufdfb\ufe70-\ufefc]")
# Characters that show nothing: whitespace, bidi and zero-width marks, BOM.
_VISIBLE = re.compile(r"[^\s\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e"
                      r"\u2060-\u2064\u2066-\u2069\ufeff]")

# Byte signatures of files people rename to .txt, with what to do instead.
_SIGNATURES: tuple[tuple[bytes, str, str], ...] = (
    (b"%PDF-", "a PDF document",
     "extract its text first (pdftotext FILE out.txt) and pass the .txt"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image", "arqam reads text: pass the article's text"),
    (b"\xff\xd8\xff", "a JPEG image", "arqam reads text: pass the article's text"),
    (b"GIF87a", "a GIF image", "arqam reads text: pass the article's text"),
    (b"GIF89a", "a GIF image", "arqam reads text: pass the article's text"),
    (b"PK\x03\x04", "a ZIP archive (a .docx, .odt or .xlsx is one)",
     "open it and save it as plain text, UTF-8"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document (.doc, .xls)",
     "open it and save it as plain text, UTF-8"),
    (b"{\\rtf", "an RTF document", "open it and save it as plain text, UTF-8"),
    (b"\x1f\x8b", "a gzip archive", "decompress it first (gunzip)"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive", "extract it first"),
    (b"\x7fELF", "a program", "pass an article's text"),
    (b"%!PS", "a PostScript document", "convert it to text first (ps2ascii)"),
)

# Byte-order marks, longest first (the UTF-32-LE mark begins with UTF-16-LE's).
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)

_HTML_START = re.compile(
    rb"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    rb"<(?:!doctype\s+html|html|head|body|meta|title|article|section|div|p)\b",
    re.I | re.S)
_HTML_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)


def looks_like_html(head: bytes) -> bool:
    """True if a file's first bytes open an HTML page (a doctype, <html>, <head>...)."""
    return bool(_HTML_START.match(head))


@dataclass
class Decoded:
    """The text of a file and how it was obtained."""

    text: str
    encoding: str = "utf-8"
    bom: bool = False
    html: bool = False
    source: str | None = None
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Encoding:
    """How to decode a file, as sniffed from its head: codec, BOM length, a note."""

    codec: str
    skip: int = 0
    note: str | None = None


def sniff_binary(head: bytes, name: str = "the file") -> None:
    """Raise BinaryInputError if `head` starts like a document, image or archive."""
    for magic, what, todo in _SIGNATURES:
        if head.startswith(magic):
            raise BinaryInputError(f"{name}: is {what}, not text; {todo}")


def _nul_error(name: str, offset: int) -> BinaryInputError:
    return BinaryInputError(
        f"{name}: holds binary bytes (a NUL byte at offset {offset}), not text; "
        "pass the article as a UTF-8 text file")


def _utf16_without_bom(head: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' if the bytes look like BOM-less UTF-16, else None.

    Arabic in UTF-16 is U+06xx: every other byte is 0x06, and it is 0x00 for
    spaces, digits and Latin; punctuation such as «» and the dashes adds 0x20.
    """
    sample = head[: len(head) - len(head) % 2]
    if len(sample) < 4:
        return None
    high = {0x00, 0x06, 0x20, 0xFB, 0xFE}
    for codec, offset in (("utf-16-le", 1), ("utf-16-be", 0)):
        highs = sample[offset::2]
        if sum(b in high for b in highs) >= 0.95 * len(highs) and highs.count(0x06) + highs.count(0x00) >= 0.5 * len(highs):
            try:
                sample.decode(codec)
            except UnicodeDecodeError:
                continue
            return codec
    return None


def _arabic_share(text: str) -> tuple[float, int]:
    """Share of non-ASCII characters that are Arabic (or its usual punctuation), and
    the count of Arabic letters."""
    non_ascii = [c for c in text if ord(c) > 0x7F]
    if not non_ascii:
        return 0.0, 0
    arabic = sum(1 for c in non_ascii
                 if "\u0600" <= c <= "\u06ff" or c in "\u00a0\u00ab\u00bb\u200c\u200d\u200e\u200f"
                 "\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u00d7")
    return arabic / len(non_ascii), len(ARABIC_LETTER.findall(text))


# Single-byte Arabic code pages tried, in order, on bytes that are not UTF-8.
_CODE_PAGES = (("cp1256", "Windows-1256 (Arabic Windows)", "CP1256"),
               ("iso8859-6", "ISO-8859-6 (Arabic ISO)", "ISO-8859-6"))


def _code_page(head: bytes) -> tuple[str, str, str] | None:
    """The first code page in which the bytes read as Arabic with confidence."""
    for codec, label, iconv in _CODE_PAGES:
        try:
            text = head.decode(codec)
        except UnicodeDecodeError:  # a byte this code page leaves undefined
            continue
        share, letters = _arabic_share(text)
        if letters > 0 and share >= CP1256_CONFIDENCE:
            return codec, label, iconv
    return None


def sniff_encoding(head: bytes, name: str = "the file") -> Encoding:
    """Decide how to decode a file from its first bytes (at least `HEAD` of them,
    or all of a shorter file). Raises BinaryInputError or EncodingError."""
    for bom, codec, label in _BOMS:
        if head.startswith(bom):
            if codec == "utf-8":
                note = (f"{name}: starts with a UTF-8 byte-order mark; dropped it, so "
                        "offsets count from the character after it")
            else:
                note = (f"{name}: is {label} ({codec.upper()} with a byte-order mark); decoded "
                        "it, and offsets count in characters of the decoded text; save it as "
                        "UTF-8 to silence this note")
            return Encoding(codec, len(bom), note)
    sniff_binary(head, name)
    nul = head.find(b"\x00")
    try:
        # A multi-byte character may be cut at the end of the head: ignore that.
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        utf8_error = None
    except UnicodeDecodeError as exc:
        utf8_error = exc
    # BOM-less UTF-16 Arabic is "XX 06" pairs: ASCII bytes, so it can pass as
    # UTF-8 when it has no space (whose 0x00 would give it away).
    if utf8_error is None and nul < 0 and head.count(0x06) < 0.2 * len(head):
        return Encoding("utf-8")
    utf16 = _utf16_without_bom(head)
    if utf16:
        return Encoding(utf16, 0, (
            f"{name}: is {utf16.upper()} without a byte-order mark; decoded it, and offsets "
            "count in characters of the decoded text; save it as UTF-8 to silence this note"))
    if nul >= 0:
        raise _nul_error(name, nul)
    if utf8_error is None:
        return Encoding("utf-8")
    page = _code_page(head)
    if page:
        codec, label, iconv = page
        return Encoding(codec, 0, (
            f"{name}: is not UTF-8 but {label}; decoded it as such; save it as UTF-8 "
            f"(iconv -f {iconv} -t UTF-8) to silence this note"))
    raise EncodingError(
        f"{name}: is not UTF-8 (a bad byte at offset {utf8_error.start}) nor recognisably "
        "Windows-1256, ISO-8859-6 or UTF-16; convert it to UTF-8 from its real encoding "
        "(iconv -f ENCODING -t UTF-8 FILE > new.txt)")


def _decode_all(raw: bytes, enc: Encoding, name: str) -> str:
    try:
        return raw[enc.skip:].decode(enc.codec)
    except UnicodeDecodeError as exc:
        where = exc.start + enc.skip
        if enc.codec == "utf-8":
            raise EncodingError(
                f"{name}: is not valid UTF-8 past its start (a bad byte at offset {where}); "
                "convert the whole file to UTF-8 (iconv -f ENCODING -t UTF-8)") from None
        raise EncodingError(
            f"{name}: is not valid {enc.codec.upper()} (a bad byte at offset {where}); "
            "convert it to UTF-8") from None


def check_text(text: str, name: str = "the file") -> None:
    """Refuse text that is empty, only whitespace, or holds no Arabic letter."""
    if not text:
        raise EmptyInputError(f"{name}: is empty; pass an article with text")
    if not _VISIBLE.search(text):
        raise EmptyInputError(f"{name}: holds only whitespace; pass an article with text")
    if "\x00" in text:
        raise _nul_error(name, text.index("\x00"))
    if not ARABIC_LETTER.search(text):
        raise NoArabicError(f"{name}: has no Arabic letters; {_no_arabic_hint(text)}")


def _no_arabic_hint(text: str) -> str:
    sample = text[:4096]
    for codec in ("cp1252", "latin-1"):
        repaired = sample.encode(codec, errors="ignore").decode("utf-8", errors="ignore")
        if len(ARABIC_LETTER.findall(repaired)) >= 0.2 * len(sample) / 2:
            return ("it looks like Arabic UTF-8 that was read as Latin-1 and saved again "
                    "(mojibake such as 'Ø§Ù'); get the article again from its source as UTF-8")
    return "arqam reads Arabic articles; pass one"


def decode_bytes(raw: bytes, name: str = "the file") -> Decoded:
    """The text of a whole file's bytes, with notes; raises an InputError subclass."""
    if not raw:
        raise EmptyInputError(f"{name}: is empty (0 bytes); pass an article with text")
    head = raw[:HEAD]
    if _HTML_START.match(head):
        return _decode_html(raw, name)
    enc = sniff_encoding(head, name)
    text = _decode_all(raw, enc, name)
    if text.startswith("<") and _HTML_START.match(text[:HEAD].encode("utf-8", "replace")):
        return _decode_html(text.encode("utf-8"), name, declared="utf-8",
                            first_note=enc.note)
    check_text(text, name)
    return Decoded(text=text, encoding=enc.codec, bom=enc.skip > 0,
                   notes=[enc.note] if enc.note else [])


def decode(raw: bytes, path) -> str:
    """The text of a file's bytes (see `decode_bytes` for the notes it can carry)."""
    return decode_bytes(raw, str(path)).text


# --- HTML ---------------------------------------------------------------------

# Elements whose content a reader of the page does not see as its prose.
_SKIP = frozenset({"script", "style", "noscript", "template", "head", "svg", "math",
                   "canvas", "iframe", "object", "embed", "select", "button", "nav",
                   "aside", "footer", "form", "dialog"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                   "meta", "param", "source", "track", "wbr"})
# Elements that end a line of text.
_BLOCK = frozenset({"address", "article", "blockquote", "br", "dd", "div", "dl", "dt",
                    "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "header",
                    "hr", "li", "main", "ol", "p", "pre", "section", "table", "tr", "ul",
                    "title", "body", "html"})
_BREAK = "\ue000"  # a private-use character marks the end of a block while parsing
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


class _VisibleText(HTMLParser):
    """Collects the text a browser shows of a page's prose, one block a line."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_tag: str | None = None
        self.skip_depth = 0
        self.site_name: str | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "meta":
            values = dict(attrs)
            if (values.get("property") or values.get("name") or "").lower() == "og:site_name":
                self.site_name = (values.get("content") or "").strip() or None
        if self.skip_tag == "head" and tag == "body":
            self.skip_tag, self.skip_depth = None, 0  # </head> may be left out
        if self.skip_tag is not None:
            if tag == self.skip_tag:
                self.skip_depth += 1
            return
        if tag in _VOID:
            if tag in _BLOCK:
                self.parts.append(_BREAK)
            return
        values = dict(attrs)
        hidden = ("hidden" in values or (values.get("aria-hidden") or "").lower() == "true"
                  or _HIDDEN_STYLE.search(values.get("style") or ""))
        if tag in _SKIP or hidden:
            self.skip_tag, self.skip_depth = tag, 1
            return
        if tag in _BLOCK:
            self.parts.append(_BREAK)
        elif tag in ("td", "th"):
            self.parts.append(" ")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and self.skip_tag == tag:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if self.skip_tag is not None:
            if tag == self.skip_tag:
                self.skip_depth -= 1
                if self.skip_depth == 0:
                    self.skip_tag = None
            return
        if tag in _BLOCK:
            self.parts.append(_BREAK)

    def handle_data(self, data):
        if self.skip_tag is None:
            self.parts.append(data)

    def text(self) -> str:
        """One line a block; white space inside a block (line breaks of the
        markup included) shown as one space, as a browser does."""
        lines = (" ".join(part.split()) for part in "".join(self.parts).split(_BREAK))
        return "\n".join(line for line in lines if line) + "\n"


def _decode_html(raw: bytes, name: str, declared: str | None = None,
                 first_note: str | None = None) -> Decoded:
    notes = [first_note] if first_note else []
    codec = declared
    if codec is None:
        match = _HTML_CHARSET.search(raw[:HEAD])
        if match:
            try:
                codec = codecs.lookup(match.group(1).decode("ascii")).name
            except LookupError:
                codec = None
    if codec is None:
        enc = sniff_encoding(raw[:HEAD], name)
        codec, raw = enc.codec, raw[enc.skip:]
    try:
        markup = raw.decode(codec)
    except UnicodeDecodeError as exc:
        raise EncodingError(
            f"{name}: is an HTML page that is not valid {codec.upper()} (a bad byte at "
            f"offset {exc.start}); save its text as UTF-8 and pass that") from None
    parser = _VisibleText()
    parser.feed(markup)
    parser.close()
    text = parser.text()
    check_text(text, name)
    notes.append(
        f"{name}: is an HTML page; read its visible text ({len(text)} characters, scripts, "
        "menus and footers left out), and offsets count in that text, not in the file; "
        "save the article's text as UTF-8 for offsets into a file")
    return Decoded(text=text, encoding=codec.lower(), html=True, source=parser.site_name,
                   notes=notes)
