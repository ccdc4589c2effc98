"""The fonts of the report, taken from installed packages, never from the system.

Charts and page use Noto Sans Arabic from the `fontpkg-noto-sans-arabic`
package, so a report looks the same on every machine. It lacks a few symbols
the report needs (≥ ≤ ⅔), which come from DejaVu Sans, shipped inside
matplotlib. The page embeds both as WOFF subsets holding only the characters it
can show: the Noto file is a 845 kB variable font; a report's subset, cut to
the two weights the page uses (400 and 700), is about 20 kB each.
"""

from __future__ import annotations

import base64
import io
from functools import cache
from pathlib import Path

ARABIC_FAMILY = "Noto Sans Arabic"
SYMBOL_FAMILY = "DejaVu Sans"
PAGE_SYMBOLS = "arqam symbols"          # the page's name for the DejaVu subset
WEIGHTS = (400, 700)


@cache
def arabic_font() -> Path:
    """The Noto Sans Arabic TTF file inside its package."""
    import fontpkg_noto_sans_arabic as pkg

    files = sorted((pkg.ROOT / "files").glob("*.ttf"))
    if not files:
        from ..errors import ArqamError

        raise ArqamError("fontpkg-noto-sans-arabic has no TTF file; reinstall it with "
                         "pip install --force-reinstall fontpkg-noto-sans-arabic")
    return files[0]


@cache
def symbol_font() -> Path:
    """DejaVu Sans, which matplotlib always ships, for the symbols Noto lacks
    (found without importing matplotlib, which the page export does not need)."""
    import importlib.util

    spec = importlib.util.find_spec("matplotlib")
    return Path(spec.origin).parent / "mpl-data" / "fonts" / "ttf" / "DejaVuSans.ttf"


def _options(all_features: bool):
    from fontTools import subset

    options = subset.Options()
    if all_features:
        options.layout_features = ["*"]   # every Arabic joining form, ligature and mark
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.drop_tables += ["FFTM"]       # FontForge's timestamps
    return options


def _woff(font) -> bytes:
    font.flavor = "woff"                  # zlib only; no brotli needed
    buf = io.BytesIO()
    font.save(buf, reorderTables=True)    # loaded with recalcTimestamp=False: same bytes each run
    return buf.getvalue()


def _subset(path: Path, chars: set[str], all_features: bool):
    """The font cut down to those of `chars` it has, and the set of those (or None, set())."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(path, recalcTimestamp=False)
    wanted = sorted({ord(c) for c in chars} & set(font.getBestCmap()))
    if not wanted:
        return None, set()
    subsetter = subset.Subsetter(_options(all_features))
    subsetter.populate(unicodes=wanted)
    subsetter.subset(font)
    return font, {chr(c) for c in wanted}


def font_faces(chars: set[str]) -> str:
    """@font-face rules embedding the glyphs of `chars`, as data: URIs."""
    from fontTools.varLib import instancer

    chars = set(chars) | set("0123456789,.~–() ")
    rules = []
    noto, covered = _subset(arabic_font(), chars, all_features=True)
    if noto is not None:
        for weight in WEIGHTS:
            static = instancer.instantiateVariableFont(
                noto, {"wght": weight, "wdth": 100}, inplace=False)
            rules.append(_rule(ARABIC_FAMILY, _woff(static), weight))
    rest = {c for c in chars - covered if not c.isspace()}
    if rest:
        symbols, _ = _subset(symbol_font(), rest, all_features=False)
        if symbols is not None:
            rules.append(_rule(PAGE_SYMBOLS, _woff(symbols), "100 900"))
    return "\n".join(rules)


def _rule(family: str, data: bytes, weight) -> str:
    uri = "data:font/woff;base64," + base64.b64encode(data).decode("ascii")
    return (f'@font-face {{ font-family: "{family}"; src: url({uri}) format("woff"); '
            f"font-weight: {weight}; font-style: normal; font-display: block; }}")


@cache
def library_chars() -> frozenset[str]:
    """Every character the report's own words can put on a page (its code, data and
    templates), so fonts can be cut before the notebook has run."""
    import string

    here = Path(__file__).parent
    text = "".join(p.read_text(encoding="utf-8") for pattern in ("*.py", "*.tsv", "templates/*")
                   for p in sorted(here.glob(pattern)))
    return frozenset(text) | frozenset(string.printable)
