"""Small HTML pieces every section uses: escaping and bidi isolation.

Every string that reaches the page passes through `ar` or `en` (or `esc`), which
escape it first, so an article holding `<script>` shows it as text. Then runs of
the other direction are isolated in <bdi>: digits and Latin names inside Arabic
prose (so "≥45,000" is not mirrored into "45,000≤"), Arabic inside English.
"""

from __future__ import annotations

import html
import re

# A left-to-right run inside Arabic: from a letter, digit, sign or opening bracket
# to a letter, digit or closing bracket, with anything Latin between (spaces,
# punctuation, "<script>"), so it keeps its order. A sentence's final period
# stays outside, where the Arabic sentence puts it.
_L = "A-Za-z0-9\u00c0-\u024f"
_LTR_RUN = re.compile(rf"[{_L}~≥≤<>≈(\[{{\"'#$@+\-]"
                      rf"(?:[{_L} !-~²³°–—≥≤≈‘’“”…]*[{_L}²³°%)\]}}>\"'’”])?")
_LETTER_OR_DIGIT = re.compile(rf"[{_L}~≥≤≈<>]")
_ARABIC = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
# A run of Arabic words (with the punctuation inside it), never its brackets:
# those belong to the English around it.
_RTL_RUN = re.compile(rf"[{_ARABIC}](?:[{_ARABIC}«» ,.،:/\-–0-9]*[{_ARABIC}»])?")


def esc(text) -> str:
    """Escaped text, quotes included, safe in element content and attributes."""
    return html.escape("" if text is None else str(text), quote=True)


def ltr(text) -> str:
    """A left-to-right island (a number with its sign, a Latin name) in any context."""
    return f'<bdi dir="ltr">{esc(text)}</bdi>'


def ar(text) -> str:
    """Arabic prose, escaped, with its numbers and Latin runs isolated."""
    return _isolate(str(text or ""), _LTR_RUN, 'dir="ltr"', _LETTER_OR_DIGIT)


def en(text) -> str:
    """English prose, escaped, with its Arabic runs isolated."""
    return _isolate(str(text or ""), _RTL_RUN, 'dir="rtl" lang="ar"')


def _isolate(text: str, pattern: re.Pattern, attrs: str, needs: re.Pattern | None = None) -> str:
    out, last = [], 0
    for match in pattern.finditer(text):
        if needs is not None and not needs.search(match.group()):
            continue        # a lone bracket or quote belongs to the text around it;
            # a lone sign (≥) does not: mirrored by an Arabic line, it would say ≤
        out.append(esc(text[last:match.start()]))
        out.append(f"<bdi {attrs}>{esc(match.group())}</bdi>")
        last = match.end()
    out.append(esc(text[last:]))
    return "".join(out)


def fig_link(fig_id: str, inner_html: str, css: str = "fig") -> str:
    """A link from a figure mentioned anywhere to its row in the table of figures."""
    return f'<a class="{css}" href="#row-{esc(fig_id)}">{inner_html}</a>'


def row_id(fig_id: str) -> str:
    return f"row-{esc(fig_id)}"


class Html:
    """An HTML fragment that notebooks display and nbconvert copies into the page."""

    def __init__(self, markup: str, text: str = ""):
        self.markup = markup
        self.text = text

    def _repr_html_(self) -> str:
        return self.markup

    def __str__(self) -> str:
        return self.markup

    def __repr__(self) -> str:
        return self.text or "<arqam report section>"
