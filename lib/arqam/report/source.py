"""Where a report's figures come from: the article, then the extractor or a saved extraction.

A saved extraction (the JSON `arqam extract` prints, or a gold file, perhaps
corrected by hand) can stand in for the extractor: `-p extraction FILE`. Its
spans are checked against the article, so a JSON of another article is refused.
"""

from __future__ import annotations

import json
import re
from dataclasses import fields
from pathlib import Path

from ..errors import InputError
from ..model import Extraction, Figure, Time

PROJECT = Path(__file__).resolve().parents[3]     # a source checkout: lib/arqam/report
SEED = "seeds/000_83f14baadfbd0921.txt"

_END = re.compile(r"[.!?؟](?=\s|$)|\n")


def resolve_article(path) -> Path:
    """`path` as given, or relative to the project when run from elsewhere (a
    notebook's kernel starts in notebooks/)."""
    given = Path(path).expanduser()
    if given.exists() or given.is_absolute():
        return given
    beside = PROJECT / given
    return beside if beside.exists() else given


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of `text` holding text[start:end], for a record that has none."""
    left = 0
    for match in _END.finditer(text, 0, start):
        left = match.end()
    match = _END.search(text, end)
    right = match.end() if match else len(text)
    return text[left:right].strip()


def _record(cls, data: dict):
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in names})


def load_extraction(path, article) -> Extraction:
    """An Extraction read from JSON in the gold schema, checked against `article`."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"{path}: cannot be read as an extraction JSON ({exc})") from None
    sha = data.get("sha256")
    if sha and article.sha256 and sha != article.sha256:
        raise InputError(f"{path}: is the extraction of another file (SHA-256 differs from "
                         f"{article.name}); extract this article again")
    result = Extraction(article=article, warnings=list(data.get("warnings", [])))
    for prefix, cls, rows, out in (("f", Figure, data.get("figures", []), result.figures),
                                   ("t", Time, data.get("times", []), result.times)):
        for n, row in enumerate(rows, 1):
            rec = _record(cls, row)
            rec.id = rec.id or f"{prefix}{n}"
            if article.text[rec.start:rec.end] != rec.text:
                raise InputError(
                    f"{path}: {rec.id} says {rec.text!r} at {rec.start}:{rec.end} but "
                    f"{article.name} has {article.text[rec.start:rec.end]!r} there; "
                    "this extraction belongs to another text")
            out.append(rec)
    complete(result)
    return result


def complete(result: Extraction) -> Extraction:
    """Give every record an id and its sentence, whatever produced it."""
    text = result.article.text
    for prefix, records in (("f", result.figures), ("t", result.times)):
        for n, rec in enumerate(records, 1):
            rec.id = rec.id or f"{prefix}{n}"
            if not rec.sentence:
                rec.sentence = sentence_around(text, rec.start, rec.end)
    return result


def load(article, published=None, extraction=None) -> Extraction:
    """Read the article and extract its figures, or take them from a saved extraction."""
    import arqam

    art = arqam.read(resolve_article(article), published=published)
    if extraction:
        return load_extraction(resolve_article(extraction), art)
    return complete(arqam.extract(art))
