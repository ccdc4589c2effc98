"""How long the seed report takes, against the floor of any papermill + nbconvert report.

    .venv/bin/python bench/report_time.py [--runs N] [--imports]

The floor is the least any such report can cost here: a fresh Python process
that imports papermill and nbconvert, executes a one-cell notebook and exports
it to HTML. The report is `python -m arqam report <seed>`, the command `make
report` runs (written to a temporary folder instead of outputs/). Both are
timed as whole processes, alternately, after one warm-up run of each; the
medians are printed with their ratio (target: at most 1.3).

A second floor applies the one start-up fix arqam's runner makes (jsonschema's
IRI grammar built on first use, not at import), to show what is left of the
ratio without it. --imports prints where the floor's import time goes.
This prints figures; it is not a test and asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_83f14baadfbd0921.txt"

FLOOR = """
import sys
{prelude}
import nbformat, papermill
from nbconvert import HTMLExporter
folder = sys.argv[1]
nb = nbformat.v4.new_notebook()
nb.cells = [nbformat.v4.new_code_cell("1 + 1")]
nb.metadata["kernelspec"] = {{"name": "python3", "display_name": "Python 3", "language": "python"}}
nbformat.write(nb, folder + "/one.ipynb")
papermill.execute_notebook(folder + "/one.ipynb", folder + "/one.out.ipynb", progress_bar=False)
body, _ = HTMLExporter().from_filename(folder + "/one.out.ipynb")
open(folder + "/one.html", "w", encoding="utf-8").write(body)
"""

# What arqam.runner._defer_iri_grammar does, inline so that the floor does not
# also pay for importing arqam.
DEFER = """
import importlib, sys, types
_real = None
def _iri(*args, **kwargs):
    global _real
    if _real is None:
        del sys.modules["rfc3987_syntax"]
        _real = importlib.import_module("rfc3987_syntax")
    return _real.is_valid_syntax(*args, **kwargs)
_stub = types.ModuleType("rfc3987_syntax")
_stub.is_valid_syntax = _iri
sys.modules["rfc3987_syntax"] = _stub
"""


def timed(cmd: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          text=True)
    took = time.perf_counter() - start
    if done.returncode:
        sys.exit(f"bench: {' '.join(cmd[:3])} failed:\n{done.stderr}")
    return took


def import_profile(prelude: str) -> list[tuple[int, str]]:
    """The slowest imports (cumulative µs) of papermill + nbconvert in a fresh process."""
    code = prelude + "\nimport papermill, nbconvert"
    err = subprocess.run([sys.executable, "-X", "importtime", "-c", code],
                         capture_output=True, text=True).stderr
    rows = []
    for line in err.splitlines():
        if line.startswith("import time:") and "|" in line:
            _, cumulative, name = line[len("import time:"):].split("|")
            if cumulative.strip().isdigit():
                rows.append((int(cumulative), name.rstrip()))
    return sorted(rows, reverse=True)[:12]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each (default 5)")
    parser.add_argument("--imports", action="store_true", help="print the floor's import costs")
    args = parser.parse_args()

    py = sys.executable
    with tempfile.TemporaryDirectory(prefix="arqam-bench-") as tmp:
        tmp = Path(tmp)
        floor = [py, "-c", FLOOR.format(prelude=""), str(tmp)]
        floor_deferred = [py, "-c", FLOOR.format(prelude=DEFER), str(tmp)]
        report = [py, "-m", "arqam", "report", str(SEED), "--out", str(tmp / "report")]
        for cmd in (floor, floor_deferred, report):      # warm-up: caches, .pyc, fonts
            timed(cmd, ROOT)
        times: dict[str, list[float]] = {"floor": [], "floor_deferred": [], "report": []}
        for _ in range(args.runs):
            times["floor"].append(timed(floor, ROOT))
            times["report"].append(timed(report, ROOT))
            times["floor_deferred"].append(timed(floor_deferred, ROOT))
        html = tmp / "report" / "report.html"
        size = html.stat().st_size
        pieces = sorted((p.name, p.stat().st_size) for p in (tmp / "report").iterdir())

    med = {k: statistics.median(v) for k, v in times.items()}
    print(f"machine: {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}, "
          f"{args.runs} runs each, medians")
    print(f"floor (papermill 1 cell + nbconvert, 1 process)  {med['floor']:.2f} s  "
          f"[{', '.join(f'{t:.2f}' for t in times['floor'])}]")
    print(f"seed report (python -m arqam report)            {med['report']:.2f} s  "
          f"[{', '.join(f'{t:.2f}' for t in times['report'])}]")
    print(f"ratio report / floor                            {med['report'] / med['floor']:.2f}x"
          "  (target <= 1.3)")
    print(f"floor with the IRI grammar deferred             {med['floor_deferred']:.2f} s;"
          f" ratio {med['report'] / med['floor_deferred']:.2f}x")
    print(f"report.html: {size:,} bytes; folder: " +
          ", ".join(f"{name} {n:,}" for name, n in pieces))
    if args.imports:
        for title, prelude in (("floor imports", ""), ("with the grammar deferred", DEFER)):
            print(f"\n{title} (cumulative ms):")
            for micros, name in import_profile(prelude):
                print(f"  {micros / 1000:8.1f}  {name}")


if __name__ == "__main__":
    main()
