"""Compile the modules of arqam.native.MODULES with Cython, as they are.

    python -m arqam.build_native      # make does it when a source changes

The build goes to a temporary folder and replaces lib/arqam/_native whole once
it has succeeded: an interrupted or failed build leaves the last good one, and
arqam.native decides at import whether it still matches the sources.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from contextlib import contextmanager
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path
from typing import Iterator

from .native import FOLDER, MODULES, PACKAGE, digests, usable

# Annotations stay documentation, as in Python: Cython must not turn them into checks.
_DIRECTIVES = {"language_level": 3, "annotation_typing": False}
_CFLAGS = ["-g0"]  # no debug symbols: a build a fifth the size, compiled sooner


def _stamp(package: Path) -> dict:
    return {"suffix": EXTENSION_SUFFIXES[0], "python": sys.version.split()[0],
            "sources": digests(package)}


def build(folder: Path = FOLDER, package: Path = PACKAGE, jobs: int = 2) -> None:
    """Compile MODULES into `folder`, replacing it whole only once the build succeeded."""
    try:
        from Cython.Build import cythonize
        from setuptools import Distribution, Extension
        from setuptools.command.build_ext import build_ext
    except ImportError as exc:
        raise SystemExit(f"build_native: {exc.name} is not installed "
                         "(pip install -e '.[native]'); arqam runs as pure Python") from None
    with tempfile.TemporaryDirectory(prefix="arqam-native-") as work:
        work_dir = Path(work)
        extensions = [Extension(f"arqam.{name}", [str(package / f"{name}.py")],
                                extra_compile_args=_CFLAGS)
                      for name in MODULES]
        extensions = cythonize(extensions, build_dir=str(work_dir / "c"), nthreads=jobs,
                               compiler_directives=_DIRECTIVES, quiet=True)
        command = build_ext(Distribution({"ext_modules": extensions}))
        command.build_lib, command.build_temp = str(work_dir / "lib"), str(work_dir / "o")
        command.parallel = jobs
        command.ensure_finalized()
        command.run()
        staged = Path(tempfile.mkdtemp(prefix="_native.", dir=folder.parent))
        try:
            for built in (work_dir / "lib" / "arqam").iterdir():
                shutil.move(str(built), staged / built.name)
            (staged / "manifest.json").write_text(json.dumps(_stamp(package), indent=1),
                                                  encoding="utf-8")
        except BaseException:
            shutil.rmtree(staged, ignore_errors=True)
            raise
    old = folder.with_name(folder.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if folder.exists():
        folder.rename(old)
    staged.rename(folder)
    shutil.rmtree(old, ignore_errors=True)


@contextmanager
def _output_to(log: Path) -> Iterator[None]:
    """The compiler's output (pages of notes on generated C) goes to `log`, shown only
    if the build fails."""
    sys.stdout.flush()
    sys.stderr.flush()
    saved = os.dup(1), os.dup(2)
    with open(log, "wb") as sink:
        os.dup2(sink.fileno(), 1)
        os.dup2(sink.fileno(), 2)
        try:
            yield
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os.dup2(saved[0], 1)
            os.dup2(saved[1], 2)
            os.close(saved[0])
            os.close(saved[1])


def main() -> int:
    if usable():
        os.utime(FOLDER / "manifest.json")  # for make, which compares times
        print(f"build_native: {FOLDER} is up to date", file=sys.stderr)
        return 0
    print(f"build_native: compiling {len(MODULES)} modules with Cython (about a minute) …",
          file=sys.stderr, flush=True)
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="arqam-native-log-") as folder:
        log = Path(folder) / "compiler.log"
        try:
            with _output_to(log):
                build()
        except SystemExit:
            raise
        except Exception as exc:  # a compiler missing or failing: Python still runs everything
            tail = log.read_text(encoding="utf-8", errors="replace").splitlines()[-15:]
            print("\n".join(tail), file=sys.stderr)
            fallback = ("the previous build, which matches the sources, stays in use"
                        if usable() else "arqam runs as pure Python")
            print(f"build_native: compiling failed ({type(exc).__name__}: {exc}); {fallback}",
                  file=sys.stderr)
            return 1
    print(f"build_native: compiled into {FOLDER} in {time.perf_counter() - start:.0f} s",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
