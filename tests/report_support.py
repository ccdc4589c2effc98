"""Support for the report tests: the seed's gold as an Extraction, small articles, a page parser.

The gold lets the report be tested without waiting for the extractor.

The gold file fixes the public schema but not the links between figures, which
the extractor gives (`part_of`, `repeats`); `RELATIONS` adds the seed's, as a
reader of the article sees them. The share "ثلثاهم أطفال" is left without its
link on purpose: the report must find the whole of "of them" by itself.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

import arqam
from arqam.report.source import load_extraction

ROOT = Path(__file__).resolve().parents[1]

# Debian's chromium, driven with the flags this machine's closed network needs.
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
BROWSER_MARKS = [
    pytest.mark.browser, pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(),
                       reason="Debian's chromium is not installed (apt-get install chromium)"),
]
SEED = ROOT / "seeds" / "000_83f14baadfbd0921.txt"
GOLD = SEED.with_suffix("").with_suffix(".gold.json")

RELATIONS = {
    "f5": ("part_of", "f6"),     # >5,000 fighters detained were among the ~52,000 who left
    "f11": ("part_of", "f10"),   # 13,000 of the 45,000 in al-Hol fled Deir ez-Zor
    "f13": ("part_of", "f12"),   # six jihadists among the eight killed
    "f14": ("repeats", "f12"),   # "ثمانية قتلى على الأقل": the same eight, quoted
    "f15": ("repeats", "f13"),   # "ستّة مقاتلين": the same six
    "f16": ("part_of", "f15"),   # five foreigners among the six
}

# The three figures of the design card, as the headline must show them.
KEY_FIGURES = (("~52,000", "about 52,000"), ("≥45,000", "at least 45,000"),
               ("≥84", "at least 84"))


def gold_extraction(article_path=SEED, gold_path=GOLD, relations=True):
    """The gold file as an arqam Extraction of the seed article."""
    article = arqam.read(article_path)
    result = load_extraction(gold_path, article)
    if relations:
        index = {f.id: f for f in result.figures}
        for fid, (field, other) in RELATIONS.items():
            setattr(index[fid], field, other)
    return result


def write_gold_extraction(path: Path) -> Path:
    """The seed's gold, with ids, sentences and links, as an extraction JSON for `-p extraction`."""
    result = gold_extraction()
    path.write_text(result.to_json(), encoding="utf-8")
    return path


def write_article(folder: Path, name: str, text: str, published: str = "2019-03-02") -> Path:
    """An article file and its `.published` sidecar."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    path.with_suffix(".published").write_text(published + "\n", encoding="utf-8")
    return path


def extraction_json(article_path: Path, figures: list[dict], times=()) -> dict:
    """A minimal extraction document for `article_path` (spans found in its text)."""
    text = article_path.read_text(encoding="utf-8")
    out = []
    for fig in figures:
        start = text.index(fig["text"])
        row = {"start": start, "end": start + len(fig["text"]), "kind": "count",
               "low": None, "high": None, "value": None, "unit": "person", "event": None,
               "subject": None, "location": None, "attributed_to": None, "when": None}
        row.update(fig)
        out.append(row)
    return {"article": article_path.name, "figures": out, "times": list(times)}


def json_file(path: Path, data) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


class Page(HTMLParser):
    """What an HTML page holds: tags with attributes, ids, links, sources, text."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags, self.ids, self.hrefs, self.srcs, self.text = [], set(), [], [], []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if "href" in attrs:
            self.hrefs.append(attrs["href"])
        if "src" in attrs:
            self.srcs.append(attrs["src"])

    def handle_data(self, data):
        self.text.append(data)

    @property
    def plain(self) -> str:
        """The text a reader sees, whitespace collapsed."""
        return " ".join("".join(self.text).split())
