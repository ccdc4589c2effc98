"""Peak memory of arqam on a 5 MB and a 50 MB file. A benchmark, not a test.

    .venv/bin/python bench/memory.py [--sizes 5 50] [--keep DIR]

Each measurement runs in a fresh process, which reports its own peak resident
set size (VmHWM) when it ends:

- `baseline`: `import arqam` and nothing else;
- `arqam extract FILE`: the command line on the whole file, which streams a
  file over one article's limit (reader.MAX_ARTICLE_BYTES) piece by piece,
  JSON to /dev/null;
- `whole article` (5 MB only, under the limit): `arqam.extract(arqam.read(FILE))`
  holding the whole text and its extraction, for comparison.

The files are the seed article repeated, made in a temporary folder. Then the
same for files that keep bringing words never seen before (`--new-words`, 2 and
10 MB by default: the seed with a line of invented words after each copy), where
the tables arqam keeps per word would grow with the file if nothing bounded them
(memo.WORD_LIMIT).
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_83f14baadfbd0921.txt"
PUBLISHED = "2019-03-02"


# The child reports its own peak: VmHWM of /proc/self/status starts afresh at
# exec, whereas ru_maxrss (from wait4 or getrusage) also counts the parent's
# pages the child had before exec, which made a big parent look like a big child.
_CHILD = """
import os, sys, time
start = time.perf_counter()
{body}
took = time.perf_counter() - start
with open("/proc/self/status") as status:
    hwm = next(line for line in status if line.startswith("VmHWM:")).split()[1]
print("PEAK", int(hwm) / 1024, took, file=sys.stderr)
"""

CLI = """
sys.stdout = open(os.devnull, "w")
from arqam.cli import main
code = main({argv!r})
sys.stdout.flush()
if code:
    sys.exit(code)
"""


def peak(body: str) -> tuple[float, float]:
    """(peak RSS in MB, seconds) of a fresh Python process running `body`."""
    proc = subprocess.run([sys.executable, "-c", _CHILD.format(body=body)], cwd=ROOT,
                          capture_output=True, text=True)
    lines = [line for line in proc.stderr.splitlines() if line.startswith("PEAK ")]
    if proc.returncode != 0 or not lines:
        raise SystemExit(f"the measurement failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    _, mb, secs = lines[-1].split()
    return float(mb), float(secs)


def make_file(folder: Path, mb: int) -> Path:
    path = folder / f"seed_x_{mb}mb.txt"
    unit = (SEED.read_text(encoding="utf-8") + "\n").encode("utf-8")
    with path.open("wb") as fh:
        fh.write(unit * (mb * 2**20 // len(unit) + 1))
    return path


def make_new_words_file(folder: Path, mb: int) -> Path:
    """The seed, each copy followed by a line of 400 invented words."""
    rng = random.Random(mb)
    letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
    seed = SEED.read_text(encoding="utf-8")
    path = folder / f"new_words_{mb}mb.txt"
    with path.open("w", encoding="utf-8") as fh:
        while fh.tell() < mb * 2**20:
            words = ("".join(rng.choice(letters) for _ in range(rng.randint(4, 8)))
                     for _ in range(400))
            fh.write(seed + "\n" + " ".join(words) + ".\n")
    return path


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[5, 50], help="file sizes in MB")
    ap.add_argument("--new-words", type=int, nargs="*", default=[2, 10],
                    help="sizes in MB of the files of ever-new words (none: skip them)")
    ap.add_argument("--keep", type=Path, help="make the files here and keep them")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        base, _ = peak("import arqam")
        print(f"baseline (import arqam):            {base:8.1f} MB peak RSS")
        rows = []
        for mb in args.sizes:
            path = make_file(folder, mb)
            size = path.stat().st_size / 2**20
            argv = ["extract", str(path), "--published", PUBLISHED]
            rss, secs = peak(CLI.format(argv=argv))
            rows.append((mb, rss))
            print(f"arqam extract, {size:5.1f} MB file:      {rss:8.1f} MB peak RSS "
                  f"({secs:6.1f} s, {size / secs:5.2f} MB/s)")
            if size * 2**20 <= _limit():
                rss, secs = peak(f"import arqam; arqam.extract(arqam.read({str(path)!r}, "
                                 f"published={PUBLISHED!r}))")
                print(f"whole article in memory, {size:5.1f} MB: {rss:8.1f} MB peak RSS "
                      f"({secs:6.1f} s)")
        _growth(rows, "streamed")
        rows = []
        for mb in args.new_words:
            path = make_new_words_file(folder, mb)
            size = path.stat().st_size / 2**20
            rss, secs = peak(CLI.format(argv=["extract", str(path), "--published", PUBLISHED]))
            rows.append((mb, rss))
            print(f"arqam extract, {size:5.1f} MB of new words: {rss:6.1f} MB peak RSS "
                  f"({secs:6.1f} s, {size / secs:5.2f} MB/s)")
        _growth(rows, "of new words")
    return 0


def _growth(rows: list[tuple[int, float]], what: str) -> None:
    if len(rows) > 1:
        (small, a), (large, b) = rows[0], rows[-1]
        print(f"growth from {small} MB to {large} MB {what}: {b - a:+.1f} MB "
              f"({(b - a) / (large - small):+.2f} MB per MB of file)")


def _limit() -> int:
    """reader.MAX_ARTICLE_BYTES, asked of a child so this process stays small."""
    out = subprocess.run([sys.executable, "-c", "from arqam.reader import MAX_ARTICLE_BYTES "
                          "as m; print(m)"], cwd=ROOT, capture_output=True, text=True, check=True)
    return int(out.stdout)


if __name__ == "__main__":
    sys.exit(main())
