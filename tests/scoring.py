"""Scoring an extraction against a gold file, field by field.

Figures and times are matched on their exact span; every attribute of a
matched figure is then compared. Places and sources compare as the same
entity (an English name, a short name like SOHR, or an Arabic alias from the
gazetteer all name it; "X (Y)" names both X and Y; a place "A, B" is A in B).
`score` returns the counts; `report` prints what differs.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import arqam
from arqam.lexicon import lexicon, tokens_of

FIGURE_ATTRS = ("kind", "value", "low", "high", "qualifier", "unit", "event", "location",
                "attributed_to", "when")
TIME_ATTRS = ("kind", "value")


def _plain(name: str) -> str:
    name = name.lower().replace("-", " ").replace("’", "'")
    name = re.sub(r"\b(al|el|the|ad|as|ar|an|az)\s+", "", name)
    return re.sub(r"[^\w ]", "", name).strip()


def _place_key(name: str | None) -> str | None:
    if name is None:
        return None
    head = name.split(",")[0].strip()
    found = lexicon().places.match(list(tokens_of(head)), 0, clitics=True) if head else None
    if found is not None and found[1] == len(tokens_of(head)):
        return _plain(found[0].name)
    return _plain(head)


def same_place(gold: str | None, got: str | None) -> bool:
    return _place_key(gold) == _place_key(got)


def _source_keys(name: str | None) -> set[str]:
    if name is None:
        return {"<none>"}
    parts = [name] + re.findall(r"\(([^)]*)\)", name) + [re.sub(r"\s*\([^)]*\)", "", name)]
    keys = set()
    for part in parts:
        part = part.strip()
        if not part:
            continue
        keys.add(_plain(part))
        toks = list(tokens_of(part))
        found = lexicon().sources.match(toks, 0, clitics=True) if toks else None
        if found is not None and found[1] == len(toks):
            keys.add(_plain(found[0].name))
            keys.add(_plain(found[0].short))
        for source in _sources_by_label().get(_plain(part), ()):
            keys.add(_plain(source))
    return keys


def _sources_by_label() -> dict[str, set[str]]:
    from arqam.lexicon import rows

    table: dict[str, set[str]] = {}
    for name, short, _country, _names in rows("sources.tsv"):
        for label in (name, short):
            table.setdefault(_plain(label), set()).update({name, short})
    return table


def same_source(gold: str | None, got: str | None) -> bool:
    if gold is None or got is None:
        return gold is got
    return bool(_source_keys(gold) & _source_keys(got))


def _equal(attr: str, gold, got) -> bool:
    if attr == "location":
        return same_place(gold, got)
    if attr == "attributed_to":
        return same_source(gold, got)
    if isinstance(gold, float) or isinstance(got, float):
        return gold is not None and got is not None and abs(gold - got) < 1e-6
    return gold == got


@dataclass
class Score:
    figures_gold: int = 0
    figures_got: int = 0
    figures_matched: int = 0
    times_gold: int = 0
    times_got: int = 0
    times_matched: int = 0
    attr_right: dict = field(default_factory=dict)
    attr_total: dict = field(default_factory=dict)
    diffs: list = field(default_factory=list)

    def add(self, other: "Score") -> None:
        for name in ("figures_gold", "figures_got", "figures_matched", "times_gold", "times_got",
                     "times_matched"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for d_self, d_other in ((self.attr_right, other.attr_right), (self.attr_total, other.attr_total)):
            for k, v in d_other.items():
                d_self[k] = d_self.get(k, 0) + v
        self.diffs.extend(other.diffs)

    @staticmethod
    def _prf(gold, got, matched):
        p = matched / got if got else 1.0
        r = matched / gold if gold else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    @property
    def figure_prf(self):
        return self._prf(self.figures_gold, self.figures_got, self.figures_matched)

    @property
    def time_prf(self):
        return self._prf(self.times_gold, self.times_got, self.times_matched)

    def accuracy(self, attr: str) -> float:
        total = self.attr_total.get(attr, 0)
        return self.attr_right.get(attr, 0) / total if total else 1.0

    def line(self, name: str) -> str:
        fp, fr, ff = self.figure_prf
        tp, tr, tf = self.time_prf
        attrs = " ".join(f"{a}={self.accuracy(a):.2f}" for a in FIGURE_ATTRS)
        return (f"{name:<34} figures P={fp:.2f} R={fr:.2f} F1={ff:.2f} | times P={tp:.2f} "
                f"R={tr:.2f} F1={tf:.2f} | {attrs} | time value={self.accuracy('time.value'):.2f}")


def _match(s: Score, what: str, gold: list[dict], got: list[dict], attrs, prefix: str) -> tuple:
    """Match gold and extracted items on their span; count and record every difference."""
    by_span = {(g["start"], g["end"]): g for g in gold}
    found = {(p["start"], p["end"]): p for p in got}
    matched = 0
    for key, g in by_span.items():
        p = found.get(key)
        if p is None:
            s.diffs.append(f"missed {what} {g['text']!r} {key}")
            continue
        matched += 1
        for attr in attrs:
            right = _equal(attr, g.get(attr), p.get(attr))
            name = prefix + attr
            s.attr_total[name] = s.attr_total.get(name, 0) + 1
            s.attr_right[name] = s.attr_right.get(name, 0) + right
            if not right:
                s.diffs.append(f"{what} {g['text']!r}: {attr} gold={g.get(attr)!r} got={p.get(attr)!r}")
    for key, p in found.items():
        if key not in by_span:
            s.diffs.append(f"extra {what} {p['text']!r} {key}")
    return len(by_span), len(found), matched


def score(gold: dict, result: dict) -> Score:
    s = Score()
    s.figures_gold, s.figures_got, s.figures_matched = _match(
        s, "figure", gold["figures"], result["figures"], FIGURE_ATTRS, "")
    s.times_gold, s.times_got, s.times_matched = _match(
        s, "time", gold["times"], result["times"], TIME_ATTRS, "time.")
    return s


def score_file(article: Path) -> Score:
    gold = json.loads(article.with_suffix(".gold.json").read_text(encoding="utf-8"))
    result = arqam.extract(arqam.read(article, published=gold["published"]))
    return score(gold, result.to_dict())


if __name__ == "__main__":
    import sys

    total = Score()
    for path in sys.argv[1:]:
        one = score_file(Path(path))
        print(one.line(Path(path).stem))
        for d in one.diffs:
            print("    " + d)
        total.add(one)
    print(total.line("overall"))
