"""The project's promises about its own setup: one source of dependencies,
notebooks without outputs, an `import arqam` that stays light."""

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).parent.parent


def _names(requirements):
    return {re.split(r"[<>=!~ \[]", r, maxsplit=1)[0].lower(): r for r in requirements}


def test_environment_yml_lists_the_same_dependencies_as_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = _names(project["dependencies"])
    lines = (ROOT / "environment.yml").read_text().splitlines()
    pip_at = next(i for i, line in enumerate(lines) if line.strip() == "- pip:")
    indent = len(lines[pip_at + 1]) - len(lines[pip_at + 1].lstrip())
    listed = []
    for line in lines[pip_at + 1:]:
        if len(line) - len(line.lstrip()) < indent or not line.strip().startswith("- "):
            break
        if line.strip() != "- -e .":
            listed.append(line.strip()[2:].strip())
    got = _names(listed)
    assert got == wanted, f"environment.yml {sorted(got.values())} != pyproject {sorted(wanted.values())}"


def test_notebooks_are_committed_without_outputs():
    notebooks = sorted((ROOT / "notebooks").glob("*.ipynb"))
    assert notebooks, "no notebooks found"
    for path in notebooks:
        nb = json.loads(path.read_text(encoding="utf-8"))
        for cell in nb["cells"]:
            if cell["cell_type"] == "code":
                assert not cell.get("outputs") and cell.get("execution_count") is None, path.name


def test_import_arqam_loads_no_pandas_nor_the_notebook_world():
    code = ("import sys, arqam; heavy = [m for m in ('pandas', 'matplotlib', 'nbformat', 'papermill',"
            " 'nbconvert', 'jupyter_client') if m in sys.modules]; print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
