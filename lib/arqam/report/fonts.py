"""The fonts of the report, taken from installed packages, never from the system.

Charts and page use Noto Sans Arabic from the `fontpkg-noto-sans-arabic`
package, so a report looks the same on every machine. It lacks a few symbols
the report needs (≥ ≤ ≈), which come from DejaVu Sans, shipped inside
matplotlib. The page embeds both as subsets holding only the characters it
shows: the whole Noto file is 845 kB, a report's subset about 65 kB.
"""

from __future__ import annotations

import base64
import io
from functools import cache
from pathlib import Path

ARABIC_FAMILY = "Noto Sans Arabic"
SYMBOL_FAMILY = "DejaVu Sans"


@cache
def arabic_font() -> Path:
    """The Noto Sans Arabic TTF file inside its package."""
    import fontpkg_noto_sans_arabic as pkg

    files = sorted((pkg.ROOT / "files").glob("*.ttf"))
    if not files:
        from ..errors import ArqamError

        raise ArqamError("fontpkg-noto-sans-arabic has no TTF file; "
                         "reinstall it with pip install --force-reinstall fontpkg-noto-sans-arabic")
    return files[0]


@cache
def symbol_font() -> Path:
    """DejaVu Sans, which matplotlib always ships, for the symbols Noto lacks."""
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"


def _subset(path: Path, chars: set[str]) -> tuple[bytes | None, set[str]]:
    """A WOFF subset holding those of `chars` the font has (None if it has none), and those."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(path, recalcTimestamp=False, lazy=False)
    cmap = font.getBestCmap()
    wanted = sorted({ord(c) for c in chars} & set(cmap))
    if not wanted:
        return None, set()
    options = subset.Options()
    options.layout_features = ["*"]     # keep every Arabic joining form and ligature
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.flavor = "woff"             # zlib only; no brotli needed
    options.drop_tables += ["FFTM"]     # FontForge's timestamps: not needed, not subsettable
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=wanted)
    subsetter.subset(font)
    buf = io.BytesIO()
    font.save(buf, reorderTables=True)  # recalcTimestamp=False above: same bytes every run
    return buf.getvalue(), {chr(c) for c in wanted}


def font_face_css(text: str) -> str:
    """@font-face rules embedding just the glyphs `text` needs, as data: URIs."""
    chars = set(text) | set("0123456789,.~–() ")
    rules = []
    noto, covered = _subset(arabic_font(), chars)
    if noto:
        rules.append(_rule(ARABIC_FAMILY, noto, "100 900"))
    # What Noto does not have falls through to the symbol font.
    rest = {c for c in chars - covered if not c.isspace()}
    symbols, _ = _subset(symbol_font(), rest) if rest else (None, set())
    if symbols:
        rules.append(_rule("arqam symbols", symbols, "400"))
    return "\n".join(rules)


def _rule(family: str, data: bytes, weight: str) -> str:
    uri = "data:font/woff;base64," + base64.b64encode(data).decode("ascii")
    return (f'@font-face {{ font-family: "{family}"; src: url({uri}) format("woff"); '
            f"font-weight: {weight}; font-display: block; }}")
