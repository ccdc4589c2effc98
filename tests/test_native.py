"""The compiled build (arqam/native.py) gives what the Python sources give, and
is never used once it no longer matches them."""

from __future__ import annotations

import importlib
import json
import os
import shutil
import subprocess
import sys
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import pytest

import arqam
from arqam import native

ROOT = Path(__file__).resolve().parents[1]
PATHS = (sorted((ROOT / "tests" / "corpus").glob("*.txt")) + sorted((ROOT / "seeds").glob("*.txt")))
NEGATIVES = [line for line in (ROOT / "tests" / "negatives.txt").read_text(encoding="utf-8")
             .splitlines() if line.strip()]

# Extracts every corpus article and negative line; prints one JSON document per input.
EXTRACT_ALL = """
import json, sys
import arqam
paths, negatives = json.loads(sys.stdin.read())
out = [arqam.extract(arqam.read(p)).to_json() for p in paths]
out += [arqam.extract(arqam.from_text(t, "2019-03-05")).to_json() for t in negatives]
print(json.dumps({"compiled": arqam.native.status(arqam.__path__), "results": out}))
"""


def run_extraction(pure: bool) -> dict:
    env = dict(os.environ)
    env.pop("ARQAM_PURE", None)
    if pure:
        env["ARQAM_PURE"] = "1"
    done = subprocess.run([sys.executable, "-c", EXTRACT_ALL], cwd=ROOT, env=env, check=True,
                          input=json.dumps([[str(p) for p in PATHS], NEGATIVES]),
                          capture_output=True, text=True, timeout=600)
    return json.loads(done.stdout)


@pytest.fixture
def package(tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the sources and a manifest that matches them."""
    sources = tmp_path / "arqam"
    sources.mkdir()
    for name in native.MODULES:
        shutil.copy(native.PACKAGE / f"{name}.py", sources)
    folder = sources / "_native"
    folder.mkdir()
    manifest = {"suffix": EXTENSION_SUFFIXES[0], "python": "3.11", "sources": native.digests(sources)}
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return sources, folder


def test_a_build_of_the_same_sources_is_used(package, monkeypatch):
    monkeypatch.delenv("ARQAM_PURE", raising=False)
    sources, folder = package
    assert native.usable(folder, sources)


def test_an_edited_source_turns_the_build_off(package, monkeypatch):
    monkeypatch.delenv("ARQAM_PURE", raising=False)
    sources, folder = package
    times = sources / "times.py"
    times.write_text(times.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert not native.usable(folder, sources)


def test_a_build_for_another_interpreter_is_not_used(package, monkeypatch):
    monkeypatch.delenv("ARQAM_PURE", raising=False)
    sources, folder = package
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    manifest["suffix"] = ".cpython-39-x86_64-linux-gnu.so"
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    assert not native.usable(folder, sources)


@pytest.mark.parametrize("content", ["", "{", "[]", '{"suffix": 1}'])
def test_a_broken_manifest_turns_the_build_off(package, monkeypatch, content):
    monkeypatch.delenv("ARQAM_PURE", raising=False)
    sources, folder = package
    (folder / "manifest.json").write_text(content, encoding="utf-8")
    assert not native.usable(folder, sources)


def test_arqam_pure_turns_the_build_off(package, monkeypatch):
    sources, folder = package
    monkeypatch.setenv("ARQAM_PURE", "1")
    assert not native.usable(folder, sources)


@pytest.mark.slow
def test_compiled_results_equal_the_python_sources():
    if str(native.FOLDER) not in arqam.__path__:
        pytest.skip(f"arqam is {native.status(arqam.__path__)}")
    compiled, pure = run_extraction(pure=False), run_extraction(pure=True)
    assert compiled["compiled"].startswith("compiled"), compiled["compiled"]
    assert pure["compiled"].startswith("pure Python"), pure["compiled"]
    names = [p.name for p in PATHS] + NEGATIVES
    differ = [name for name, a, b in zip(names, compiled["results"], pure["results"]) if a != b]
    assert not differ, f"compiled and pure Python differ on {len(differ)} inputs: {differ[:5]}"
    assert len(compiled["results"]) == len(pure["results"]) == len(names)


def test_the_compiled_modules_are_the_ones_loaded():
    if str(native.FOLDER) not in arqam.__path__:
        pytest.skip(f"arqam is {native.status(arqam.__path__)}")
    for name in native.MODULES:
        module = importlib.import_module(f"arqam.{name}")
        assert Path(module.__file__).parent == native.FOLDER, module.__file__
