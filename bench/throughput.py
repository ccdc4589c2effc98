"""How fast arqam extracts, and how light `import arqam` is. A benchmark, not a test.

    .venv/bin/python bench/throughput.py [--min-chars 1000000] [--rounds 8]

Prints, on one core:
- characters per second of `arqam.extract` on the seed article repeated (one
  text of at least --min-chars characters), the same for the seed extracted
  as many separate articles, and for the articles of tests/corpus with the
  seed (other papers and topics, so many more distinct words: a cost that
  grows with the words seen shows here, not on the seed), and that corpus read
  first, when every word is new to the tables kept per word (arqam.memo); each
  the best of --rounds rounds in which the measures take turns;
- that the repeated text gives the seed's figures once per copy, so speed is
  not bought by finding less; and how many of the gold's figures and times
  the seed itself gives at their exact spans;
- whether the modules run compiled (arqam/native.py) or as Python: set
  ARQAM_PURE=1 to time the Python sources;
- the time of `import arqam` in a fresh interpreter (best of 5), and the
  modules of the notebook world it must not load (pandas, matplotlib,
  nbformat, nbconvert, papermill, IPython, jupyter*).

Exits 1 if `import arqam` loads any of them; the speed target (2,000,000
characters per second) is printed as met or not for each of the three, never
hidden.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "lib"))

import arqam  # noqa: E402
from arqam import memo  # noqa: E402

SEED = ROOT / "seeds" / "000_83f14baadfbd0921.txt"
GOLD = SEED.with_name(SEED.name.replace(".txt", ".gold.json"))
TARGET = 2_000_000
FORBIDDEN = ("pandas", "matplotlib", "nbformat", "nbconvert", "papermill", "IPython",
             "jupyter_client", "jupyter_core", "ipykernel")


def best_times(measures: list[tuple[str, Callable[[], object], int]], rounds: int) -> dict:
    """The best time of each (name, function, runs per round) over `rounds` rounds in
    which the measures take turns: a slow spell of this shared machine then slows one
    round of each measure, not every round of one."""
    best = {name: float("inf") for name, _fn, _runs in measures}
    for _ in range(rounds):
        for name, fn, runs in measures:
            for _ in range(runs):
                start = time.perf_counter()
                fn()
                best[name] = min(best[name], time.perf_counter() - start)
    return best


def import_time(rounds: int = 5) -> tuple[float, list[str]]:
    probe = ("import sys, time; t = time.perf_counter(); import arqam; "
             "d = time.perf_counter() - t; "
             f"bad = sorted(m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r}); "
             "print(d); print(','.join(bad))")
    best, loaded = float("inf"), []
    for _ in range(rounds):
        out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                             check=True, cwd=ROOT).stdout.splitlines()
        best = min(best, float(out[0]))
        loaded = [m for m in (out[1] if len(out) > 1 else "").split(",") if m]
    return best, loaded


def gold_hits(result, gold: dict) -> tuple[int, int, int, int]:
    found_f = {(f.start, f.end) for f in result.figures}
    found_t = {(t.start, t.end) for t in result.times}
    gf = sum((g["start"], g["end"]) in found_f for g in gold["figures"])
    gt = sum((g["start"], g["end"]) in found_t for g in gold["times"])
    return gf, len(gold["figures"]), gt, len(gold["times"])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min-chars", type=int, default=1_000_000)
    ap.add_argument("--rounds", type=int, default=8)
    args = ap.parse_args()

    seed = arqam.read(SEED)
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    copies = -(-args.min_chars // (len(seed.text) + 1))
    big_text = "\n".join([seed.text] * copies)
    one = arqam.extract(seed)

    def whole():
        return arqam.extract(arqam.from_text(big_text, seed.published))

    def articles():
        for _ in range(copies):
            arqam.extract(arqam.from_text(seed.text, seed.published))

    corpus = [(a.text, a.published) for a in
              (arqam.read(p) for p in sorted((ROOT / "tests" / "corpus").glob("*.txt")))]
    corpus.append((seed.text, seed.published))
    corpus_chars = sum(len(text) for text, _ in corpus)

    def corpus_articles():
        for text, published in corpus:
            arqam.extract(arqam.from_text(text, published))

    def corpus_first_reading():
        memo.forget_words()
        corpus_articles()

    big_result = whole()  # warm-up, and the check that speed loses nothing
    # The first reading leaves every word of the corpus, the seed's too, learnt: the
    # measures after it in a round read with warm tables.
    best = best_times([("first", corpus_first_reading, 1), ("whole", whole, 1),
                       ("articles", articles, 1), ("corpus", corpus_articles, 4)], args.rounds)
    t_whole, t_articles, t_first, t_corpus = (best[k] for k in ("whole", "articles", "first",
                                                                "corpus"))
    rate_whole = len(big_text) / t_whole
    rate_articles = copies * len(seed.text) / t_articles
    rate_corpus = corpus_chars / t_corpus
    imp, loaded = import_time()
    gf, ngf, gt, ngt = gold_hits(one, gold)

    print(f"arqam {arqam.__version__}, Python {sys.version.split()[0]}, one core; "
          f"{arqam.native.status(arqam.__path__)}")
    print(f"seed: {len(seed.text):,} characters, {len(one.figures)} figures, {len(one.times)} times; "
          f"gold spans found: figures {gf}/{ngf}, times {gt}/{ngt}")
    print(f"text: the seed x {copies} = {len(big_text):,} characters "
          f"({len(big_text.encode('utf-8')) / 2**20:.2f} MB UTF-8)")
    print(f"  found {len(big_result.figures):,} figures = {copies} x {len(one.figures)}: "
          f"{'yes' if len(big_result.figures) == copies * len(one.figures) else 'NO'}")
    print(f"throughput, one text:        {rate_whole:14,.0f} chars/s  ({t_whole * 1e3:,.1f} ms)")
    print(f"throughput, {copies} articles:  {rate_articles:14,.0f} chars/s  "
          f"({t_articles * 1e3:,.1f} ms)")
    print(f"throughput, corpus ({len(corpus)} articles, {corpus_chars:,} characters): "
          f"{rate_corpus:,.0f} chars/s  ({t_corpus * 1e3:,.1f} ms)")
    print(f"  the same read first, every word new to the per-word tables: "
          f"{corpus_chars / t_first:,.0f} chars/s")
    verdicts = ", ".join(f"{name} {'met' if rate >= TARGET else 'NOT met'}"
                         for name, rate in (("one text", rate_whole), ("articles", rate_articles),
                                            ("corpus", rate_corpus)))
    print(f"target {TARGET:,} chars/s: {verdicts}")
    print(f"import arqam: {imp * 1e3:.1f} ms (best of 5, fresh interpreter)")
    print(f"notebook-world modules loaded by import arqam: {', '.join(loaded) or 'none'}")
    return 1 if loaded else 0


if __name__ == "__main__":
    sys.exit(main())
