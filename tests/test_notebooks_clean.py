"""The notebooks are committed clean, take their parameters, and run as documented.

Clean means no outputs, no execution counts and no run metadata, so a diff shows
only what someone wrote. The slow tests run them with plain papermill, the way
the README tells a user to.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest
from report_support import ROOT, SEED

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
PARAMETERS = {
    "report.ipynb": ["article", "published", "lang", "output_dir", "extraction"],
    "explore.ipynb": ["article", "published", "my_text"],
}


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_the_suite_is_there():
    assert [p.name for p in NOTEBOOKS] == ["explore.ipynb", "report.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_without_outputs(path):
    nb = load(path)
    for n, cell in enumerate(nb["cells"]):
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [], f"cell {n} has outputs"
            assert cell["execution_count"] is None, f"cell {n} has an execution count"
        assert "execution" not in cell["metadata"] and "papermill" not in cell["metadata"]
    assert "papermill" not in nb["metadata"] and "widgets" not in nb["metadata"]
    assert nb["metadata"]["kernelspec"]["name"] == "python3"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_one_parameters_cell_with_defaults_that_run_the_seed(path):
    nb = load(path)
    tagged = [c for c in nb["cells"] if "parameters" in c["metadata"].get("tags", [])]
    assert len(tagged) == 1
    tree = ast.parse("".join(tagged[0]["source"]))
    names = [t.id for node in tree.body for t in node.targets]
    assert names == PARAMETERS[path.name]
    values = {t.id: ast.literal_eval(node.value) for node in tree.body for t in node.targets}
    assert (ROOT / values["article"]).resolve() == SEED.resolve()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_cells_stay_short(path):
    """The library computes, the notebooks narrate: a long cell belongs in lib/."""
    for cell in load(path)["cells"]:
        if cell["cell_type"] == "code":
            lines = [ln for ln in "".join(cell["source"]).splitlines() if ln.strip()]
            assert len(lines) <= 8, "".join(cell["source"])[:80]
            assert not any(ln.lstrip().startswith(("def ", "class ")) for ln in lines)


def papermill(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "papermill", "--no-progress-bar", *args],
                          cwd=cwd, capture_output=True, text=True, timeout=300)


@pytest.mark.slow
def test_plain_papermill_runs_the_report_as_the_readme_says(tmp_path):
    out = tmp_path / "out.ipynb"
    done = papermill(["notebooks/report.ipynb", str(out), "-p", "article", str(SEED),
                      "-p", "published", "2019-03-02", "-p", "output_dir", str(tmp_path / "files")],
                     ROOT)
    assert done.returncode == 0, done.stderr
    nb = load(out)
    errors = [o for c in nb["cells"] for o in c.get("outputs", []) if o["output_type"] == "error"]
    assert not errors
    html = "".join("".join(o["data"]["text/html"]) for c in nb["cells"]
                   for o in c.get("outputs", []) if "text/html" in o.get("data", {}))
    assert 'id="key-figures"' in html and 'id="provenance"' in html
    assert sorted(p.name for p in (tmp_path / "files").iterdir())[:3] == [
        "counts.png", "extraction.json", "figures.csv"]


@pytest.mark.slow
def test_papermill_warns_about_an_unknown_parameter(tmp_path):
    done = papermill(["notebooks/report.ipynb", str(tmp_path / "o.ipynb"), "-p", "colour", "red"],
                     ROOT)
    assert done.returncode == 0, done.stderr
    assert "colour" in done.stderr


@pytest.mark.slow
def test_explore_runs_from_its_own_folder(tmp_path):
    """As in JupyterLab, whose kernels start in the notebook's folder."""
    done = papermill([str(ROOT / "notebooks" / "explore.ipynb"), str(tmp_path / "e.ipynb")],
                     ROOT / "notebooks")
    assert done.returncode == 0, done.stderr
    nb = load(tmp_path / "e.ipynb")
    assert not [o for c in nb["cells"] for o in c.get("outputs", []) if o["output_type"] == "error"]
    images = [o for c in nb["cells"] for o in c.get("outputs", []) if "image/png" in o.get("data", {})]
    assert images                                   # the Arabic example chart
