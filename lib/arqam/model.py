"""The records an extraction yields, in the public schema of the seed gold.

`Figure` and `Time` hold spans into the article text exactly as read, so that
`text[start:end] == figure.text` always holds. Extra fields beyond the gold
schema (`id`, `sentence`, `part_of`, `repeats`, `speaker`) come after it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from typing import Any

FIGURE_FIELDS = ("text", "start", "end", "kind", "value", "low", "high", "qualifier",
                 "unit", "event", "subject", "location", "attributed_to", "when")
TIME_FIELDS = ("text", "start", "end", "kind", "value")

QUALIFIERS = ("exact", "approx", "at_least", "at_most", "more_than", "less_than",
              "vague", "range")


@dataclass(slots=True)
class Figure:
    text: str
    start: int
    end: int
    kind: str
    value: float | int | None
    low: float | int | None
    high: float | int | None
    qualifier: str
    unit: str | None = None
    event: str | None = None
    subject: str | None = None
    location: str | None = None
    attributed_to: str | None = None
    when: str | None = None
    id: str = ""
    sentence: str = ""
    part_of: str | None = None
    repeats: str | None = None
    speaker: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(slots=True)
class Time:
    text: str
    start: int
    end: int
    kind: str
    value: str | None
    id: str = ""
    sentence: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass
class Extraction:
    """What `arqam.extract` returns: the article's figures and times."""

    article: Any
    figures: list[Figure] = field(default_factory=list)
    times: list[Time] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        from . import __version__

        art = self.article
        return {
            "article": art.name,
            "published": art.published.isoformat() if art.published else None,
            "source": art.source,
            "language": "ar",
            "sha256": art.sha256,
            "arqam": __version__,
            "figures": [f.to_dict() for f in self.figures],
            "times": [t.to_dict() for t in self.times],
        }

    def to_json(self, indent: int | None = 1) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def figures_frame(self):
        """One row a figure, with nullable dtypes; imports pandas only now."""
        from .frames import figures_frame

        return figures_frame(self.figures)

    def times_frame(self):
        """One row a time expression, with nullable dtypes."""
        from .frames import times_frame

        return times_frame(self.times)
