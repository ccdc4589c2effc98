"""arqam beside its peers, on the same texts, in the same process. A benchmark.

    pip install -e '.[bench]'            # Duckling, dateparser, pyarabic
    .venv/bin/python bench/peers.py [--seconds 3] [--corpus]

The texts are the seed articles (seeds/*.txt with their *.gold.json), and with
--corpus the articles of tests/corpus too (other papers, denser in figures). The
systems take turns, --rounds times, each reading all the articles again and
again for its share of --seconds; a system's speed is the best of its turns,
in characters read per second, so that a machine busy with something else
slows every system alike and the ratio stays honest. Then each is scored against the gold spans:

- figures found: gold figures that some number the system gives overlaps;
  right value: and one of those has the gold's value (a vague gold figure,
  عشرات, has no value: right when the system gives none and the gold's bounds);
  exact span: a number the system gives starts and ends where the gold does.
- times found: gold times that some time the system gives overlaps; right
  value: and one of those resolves to the gold's value, compared at the
  gold's grain (a year, a month, a day, or the instant of a clock time).

Systems: arqam (figures and times); Duckling (pyduckling-native-phihos, the
Haskell parser embedded: numeral = Duckling's `number` and `ordinal`
dimensions, and `time`, Arabic locale, reference time noon of the publication
day in Damascus); dateparser's `search_dates` (times, Arabic); pyarabic's
number phrases (figures, spelled numbers). A peer that is not installed is
listed as such. puckling (a Python port of Duckling) needs Python 3.13 or
later: it is tried, and reported missing on older interpreters.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "lib"))

import arqam  # noqa: E402

SEEDS = ROOT / "seeds"
CORPUS = ROOT / "tests" / "corpus"
TARGET_MULTIPLE = 25


@dataclass
class Item:
    start: int
    end: int
    value: object = None       # a number for a figure, an ISO string or a dict for a time
    low: object = None
    high: object = None


@dataclass
class Found:
    figures: list[Item] = field(default_factory=list)
    times: list[Item] = field(default_factory=list)


@dataclass
class Article:
    name: str
    text: str
    published: dt.date
    gold: dict


@dataclass
class System:
    name: str
    run: Callable[[Article], Found]
    does_figures: bool = True
    does_times: bool = True


# --- the systems ------------------------------------------------------------------

def arqam_system() -> System:
    def run(article: Article) -> Found:
        result = arqam.extract(arqam.from_text(article.text, article.published))
        return Found([Item(f.start, f.end, f.value, f.low, f.high) for f in result.figures],
                     [Item(t.start, t.end, t.value) for t in result.times])
    return System("arqam", run)


def duckling_system(dimensions=("number", "ordinal", "time")) -> System | str:
    try:
        import duckling
    except ImportError:
        return "not installed (pip install pyduckling-native-phihos)"
    zones = Path("/usr/share/zoneinfo")
    if not zones.is_dir():
        import tzdata
        zones = Path(tzdata.__file__).parent / "zoneinfo"
    tz = duckling.load_time_zones(str(zones))
    locale = duckling.default_locale_lang(duckling.parse_lang("AR"))
    dims = duckling.parse_dimensions(list(dimensions))
    contexts: dict[dt.date, object] = {}

    def context(day: dt.date):
        if day not in contexts:
            noon = dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.timezone(dt.timedelta(hours=2)))
            ref = duckling.parse_ref_time(tz, "Asia/Damascus", int(noon.timestamp()))
            contexts[day] = duckling.Context(ref, locale)
        return contexts[day]

    def run(article: Article) -> Found:
        found = Found()
        for hit in duckling.parse(article.text, context(article.published), dims, False):
            value = hit["value"]
            if hit["dim"] in ("number", "ordinal"):
                found.figures.append(Item(hit["start"], hit["end"], value.get("value")))
            else:
                found.times.append(Item(hit["start"], hit["end"], value))
        return found
    full = tuple(dimensions) == ("number", "ordinal", "time")
    return System("Duckling" if full else "Duckling " + "+".join(dimensions), run)


def dateparser_system() -> System | str:
    try:
        from dateparser.search import search_dates
    except ImportError:
        return "not installed (pip install dateparser)"

    def run(article: Article) -> Found:
        base = dt.datetime(article.published.year, article.published.month,
                           article.published.day, 12)
        hits = search_dates(article.text, languages=["ar"],
                            settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}) or []
        found, cursor = Found(), 0
        for text, when in hits:
            start = article.text.find(text, cursor)
            if start < 0:
                continue
            cursor = start + len(text)
            found.times.append(Item(start, cursor, when))
        return found
    return System("dateparser", run, does_figures=False)


def pyarabic_system() -> System | str:
    try:
        from pyarabic import araby
        from pyarabic import number as arnumber
    except ImportError:
        return "not installed (pip install pyarabic)"

    def value_of(phrase: str):
        try:
            return float(phrase)
        except ValueError:
            try:
                return arnumber.text2number(phrase)
            except Exception:  # noqa: BLE001 - a peer's failure is a miss, not a crash
                return None

    def run(article: Article) -> Found:
        words = araby.tokenize(article.text)
        offsets, cursor = [], 0
        for word in words:
            at = article.text.find(word, cursor)
            offsets.append(at if at >= 0 else cursor)
            cursor = offsets[-1] + len(word)
        found = Found()
        for first, last in arnumber.detect_number_phrases_position(words):
            start, end = offsets[first], offsets[last] + len(words[last])
            found.figures.append(Item(start, end, value_of(article.text[start:end])))
        return found
    return System("pyarabic", run, does_times=False)


def puckling_system() -> System | str:
    import importlib.util

    if importlib.util.find_spec("puckling") is None:
        return (f"not installed (its wheels need Python >= 3.13; this is "
                f"{sys.version.split()[0]})")
    return "installed, but this benchmark has no adapter for it yet"


# --- scoring ----------------------------------------------------------------------------

def overlaps(a_start, a_end, b_start, b_end) -> bool:
    return a_start < b_end and b_start < a_end


def same_number(a, b) -> bool:
    if a is None or b is None:
        return False
    try:
        return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-12)
    except (TypeError, ValueError):
        return False


def figure_right(gold: dict, item: Item) -> bool:
    if gold["value"] is None:
        return item.value is None and item.low == gold["low"] and item.high == gold["high"]
    return same_number(gold["value"], item.value)


def _instant(text: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except (ValueError, AttributeError):
        return None


def _at_grain(when: dt.datetime, gold: str) -> str:
    if len(gold) == 4:
        return f"{when.year:04d}"
    if len(gold) == 7:
        return f"{when.year:04d}-{when.month:02d}"
    return when.date().isoformat()


def time_right(gold: dict, item: Item) -> bool:
    want = gold["value"]
    if want is None:
        return False
    value = item.value
    if isinstance(value, str):                      # arqam: the gold's own form
        return value == want
    if isinstance(value, dt.datetime):              # dateparser: a naive datetime
        if "T" in want:
            local = _instant(want)
            return local is not None and value.replace(tzinfo=None) == local.replace(tzinfo=None)
        return "/" not in want and not want.startswith("P") and _at_grain(value, want) == want
    if isinstance(value, dict) and value.get("type") == "value":   # Duckling
        when = _instant(value.get("value", "").replace(".000", ""))
        if when is None:
            return False
        if "T" in want:
            return _instant(want) == when
        grain = value.get("grain")
        if "/" in want or want.startswith("P") or grain not in ("year", "month", "day"):
            return False
        return _at_grain(when, want) == want and {4: "year", 7: "month", 10: "day"}[len(want)] == grain
    if isinstance(value, dict) and value.get("type") == "interval" and "/" in want:
        begin = _instant((value.get("from") or {}).get("value", "").replace(".000", ""))
        end = _instant((value.get("to") or {}).get("value", "").replace(".000", ""))
        if begin is None or end is None:
            return False
        last = (end - dt.timedelta(days=1)).date().isoformat()
        return f"{begin.date().isoformat()}/{last}" == want
    return False


@dataclass
class Score:
    found: int = 0
    right: int = 0
    exact: int = 0
    total: int = 0


def score(articles: list[Article], system: System, runs: dict[str, Found]) -> tuple[Score, Score]:
    figures, times = Score(), Score()
    for article in articles:
        found = runs[article.name]
        for gold in article.gold["figures"]:
            figures.total += 1
            near = [i for i in found.figures if overlaps(gold["start"], gold["end"], i.start, i.end)]
            figures.found += bool(near)
            figures.right += any(figure_right(gold, i) for i in near)
            figures.exact += any((i.start, i.end) == (gold["start"], gold["end"]) for i in near)
        for gold in article.gold["times"]:
            times.total += 1
            near = [i for i in found.times if overlaps(gold["start"], gold["end"], i.start, i.end)]
            times.found += bool(near)
            times.right += any(time_right(gold, i) for i in near)
            times.exact += any((i.start, i.end) == (gold["start"], gold["end"]) for i in near)
    return figures, times


# --- timing -------------------------------------------------------------------------------

def one_pass(system: System, articles: list[Article], seconds: float) -> float:
    """Characters per second over whole passes through the articles, lasting at
    least `seconds`."""
    chars = 0
    start = time.perf_counter()
    while True:
        for article in articles:
            system.run(article)
            chars += len(article.text)
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return chars / elapsed


def speeds(systems: list[System], articles: list[Article], seconds: float,
           rounds: int) -> dict[str, float]:
    """Best characters per second of each system over `rounds` rounds, the
    systems taking turns within a round so that a busy machine slows all alike."""
    best = {s.name: 0.0 for s in systems}
    for system in systems:                      # warm-up
        for article in articles:
            system.run(article)
    for _ in range(rounds):
        for system in systems:
            best[system.name] = max(best[system.name],
                                    one_pass(system, articles, seconds / rounds))
    return best


def load_articles(folders: list[Path]) -> list[Article]:
    articles = []
    for gold_path in sorted(p for folder in folders for p in folder.glob("*.gold.json")):
        text_path = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt"))
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        article = arqam.read(text_path)
        published = article.published or dt.date.fromisoformat(gold["published"])
        articles.append(Article(text_path.name, article.text, published, gold))
    return articles


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=6.0,
                    help="timing per system, split over the rounds (default 6)")
    ap.add_argument("--rounds", type=int, default=6,
                    help="rounds in which the systems take turns; the best counts (default 6)")
    ap.add_argument("--corpus", action="store_true",
                    help="read the articles of tests/corpus too, not the seed alone")
    args = ap.parse_args()

    articles = load_articles([SEEDS] + ([CORPUS] if args.corpus else []))
    chars = sum(len(a.text) for a in articles)
    print(f"texts: {len(articles)} article(s) with gold, {chars:,} characters; "
          f"Python {sys.version.split()[0]}, one process; "
          f"arqam {arqam.native.status(arqam.__path__)}")
    systems: list[System] = []
    for make in (arqam_system, duckling_system, dateparser_system, pyarabic_system,
                 puckling_system):
        made = make()
        if isinstance(made, str):
            print(f"  {make.__name__.replace('_system', '')}: {made}")
        else:
            systems.append(made)

    rates = speeds(systems, articles, args.seconds, args.rounds)
    print()
    print(f"{'system':<11} {'chars/s':>12}  {'figures: found  value  span':>27}"
          f"  {'times: found  value  span':>26}")
    for system in systems:
        runs = {a.name: system.run(a) for a in articles}
        figures, times = score(articles, system, runs)

        def cell(s: Score, does: bool) -> str:
            if not does:
                return f"{'-':>6} {'-':>6} {'-':>5}"
            return f"{s.found:>3}/{s.total:<2} {s.right:>3}/{s.total:<2} {s.exact:>2}/{s.total:<2}"
        print(f"{system.name:<11} {rates[system.name]:>12,.0f}  {'':>6}{cell(figures, system.does_figures)}"
              f"  {'':>6}{cell(times, system.does_times)}")
    if any(s.name == "Duckling" for s in systems):
        parts = [duckling_system(dims) for dims in (["number", "ordinal"], ["time"])]
        by_dim = speeds(parts, articles, args.seconds / 2, args.rounds)
        print(f"{'':<11} Duckling by dimension: numeral (number, ordinal) "
              f"{by_dim['Duckling number+ordinal']:,.0f} chars/s, time {by_dim['Duckling time']:,.0f} chars/s")

    print()
    if "Duckling" in rates:
        multiple = rates["arqam"] / rates["Duckling"]
        verdict = "met" if multiple >= TARGET_MULTIPLE else "NOT met"
        print(f"arqam is {multiple:.2f}x Duckling's speed on the same texts "
              f"(target {TARGET_MULTIPLE}x: {verdict})")
    for name, rate in rates.items():
        if name not in ("arqam", "Duckling"):
            print(f"arqam is {rates['arqam'] / rate:.2f}x {name}'s speed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
