"""Compiled copies of the modules extraction spends its time in, used only while
they match their sources.

The Python sources are the program. `python -m arqam.build_native` (run by
make) compiles them unchanged with Cython into lib/arqam/_native/, beside a
manifest of each source's SHA-256. Compiled, extraction runs some 20 % faster
with byte-identical results (tests/test_native.py). On import, arqam puts that
folder first on its package path only when every hash matches the source
beside it and the build is for this interpreter: an edited module is never
shadowed by a stale build, it runs as Python until the next build.
ARQAM_PURE=1 runs everything as Python.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
FOLDER = PACKAGE / "_native"
MODULES = ("reader", "normalize", "lexicon", "document", "numbers", "calendar", "times",
           "figures", "context", "assign", "extract")


def digests(package: Path = PACKAGE) -> dict[str, str]:
    return {name: hashlib.sha256((package / f"{name}.py").read_bytes()).hexdigest()
            for name in MODULES}


def usable(folder: Path = FOLDER, package: Path = PACKAGE) -> bool:
    """Whether `folder` holds a build of exactly these sources for this interpreter."""
    if os.environ.get("ARQAM_PURE"):
        return False
    try:
        built = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        return (built["suffix"] == EXTENSION_SUFFIXES[0]
                and built["sources"] == digests(package))
    except (OSError, ValueError, KeyError, TypeError):
        return False


def status(package_path: list[str]) -> str:
    """One line for benchmarks and bug reports: what runs, compiled or not."""
    if str(FOLDER) in package_path:
        return f"compiled ({len(MODULES)} modules, Cython)"
    if os.environ.get("ARQAM_PURE"):
        return "pure Python (ARQAM_PURE is set)"
    rebuild = "run make, or python -m arqam.build_native"
    if (FOLDER / "manifest.json").exists():
        return f"pure Python (the compiled build is out of date: {rebuild})"
    return f"pure Python (not compiled: {rebuild})"
