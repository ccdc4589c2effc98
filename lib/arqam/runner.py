"""Running a report: papermill executes notebooks/report.ipynb, nbconvert lays out the page.

Both run in this one process (a chain of `papermill` and `jupyter nbconvert`
commands pays the Jupyter start-up twice). The report is written into a hidden
folder beside `outputs/<stem>/`, which then takes that name in one atomic
rename: a failure or a kill leaves the previous report exactly as it was, and
no half-written folder. A failing cell gives one line naming the cell and the
error (NotebookError); a folder that cannot be written gives an OutputError.

This is the only module that imports papermill and nbconvert; the library and
the notebooks never do.
"""

from __future__ import annotations

import ast
import ctypes
import errno
import importlib
import importlib.util
import logging
import os
import shutil
import signal
import sys
import tempfile
import threading
import types
import warnings
from contextlib import contextmanager
from pathlib import Path

from .errors import ArqamError, NotebookError, OutputError

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK = ROOT / "notebooks" / "report.ipynb"
TEMPLATES = Path(__file__).resolve().parent / "report" / "templates"
OUTPUTS = Path("outputs")
# What a report folder holds; an existing --out folder with anything else in it
# is not replaced (it might be someone's documents).
REPORT_FILES = {"report.html", "report.ipynb", "figures.csv", "times.csv", "extraction.json",
                "counts.png", "timeline.png", "screenshot.png"}
STAGING = ".arqam-"


def run_report(file, published=None, lang: str = "both", out=None, *, extraction=None,
               parameters: dict | None = None, notebook=None, timeout: int = 600) -> Path:
    """Write the report of article `file` into `out` (default outputs/<stem>/).

    Returns the path of report.html. `extraction` is a saved extraction JSON to
    use instead of running the extractor; `parameters` are further notebook
    parameters, and a name the notebook does not take is warned about and left
    out. Raises InputError/DateError for a bad article or date, NotebookError
    when a cell fails, OutputError when the folder cannot be written.
    """
    from . import read

    if lang not in ("ar", "en", "both"):
        raise ArqamError(f"--lang {lang!r} is not one of ar, en, both")
    article = read(file, published=published)
    notebook = Path(notebook) if notebook else NOTEBOOK
    if not notebook.is_file():
        raise NotebookError(f"{notebook}: the report notebook is missing; run arqam from a "
                            "checkout of the project (it holds notebooks/)")
    params = {"article": str(Path(file).resolve()),
              "published": article.published.isoformat() if article.published else None,
              "lang": lang, "output_dir": ".",
              "extraction": str(Path(extraction).resolve()) if extraction else None}
    params.update(_known(parameters or {}, notebook))
    out = Path(out) if out else OUTPUTS / article.stem
    _check_target(out)

    _defer_iri_grammar()
    with _terminate_as_interrupt() as rearm, _staging(out) as stage, \
            _kernel(notebook, stage) as km:
        # The kernel starts first; this process imports what it needs while
        # the kernel boots, then prepares the page while the notebook runs.
        with _signals_held():
            _import_heavy()
        page = _Page(article, params)
        try:
            nb = _execute(notebook, params, km, timeout)
        except KeyboardInterrupt:
            _quiet_abandoned_cells()
            raise
        finally:
            rearm()                           # nbclient replaced the SIGTERM handler
        html = page.render(nb)
        _write_notebook(nb, stage / "report.ipynb")
        (stage / "report.html").write_text(html, encoding="utf-8")
    return out / "report.html"


# ---- parameters ------------------------------------------------------------------

def notebook_parameters(notebook: Path) -> list[str]:
    """The names the cell tagged `parameters` assigns, in order."""
    import json

    cells = json.loads(notebook.read_text(encoding="utf-8")).get("cells", [])
    for cell in cells:
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            source = "".join(cell.get("source", ""))
            names = []
            for node in ast.parse(source).body:
                targets = node.targets if isinstance(node, ast.Assign) else (
                    [node.target] if isinstance(node, ast.AnnAssign) else [])
                names += [t.id for t in targets if isinstance(t, ast.Name)]
            return names
    return []


def _known(parameters: dict, notebook: Path) -> dict:
    """`parameters` the notebook takes; a warning names each one it does not."""
    names = notebook_parameters(notebook)
    kept = {}
    for key, value in parameters.items():
        if key in names:
            kept[key] = value
        else:
            warnings.warn(f"unknown notebook parameter {key!r} ignored; {notebook.name} takes "
                          f"{', '.join(names)}", UserWarning, stacklevel=3)
    return kept


# ---- the output folder -------------------------------------------------------------

def _check_target(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out}: is a file; choose a folder for the report")
    if out.is_dir():
        strangers = sorted(p.name for p in out.iterdir()
                           if p.is_dir() or p.name not in REPORT_FILES)
        if strangers:
            raise OutputError(f"{out}: holds files that are not part of a report "
                              f"({', '.join(strangers[:3])}); choose an empty or new folder")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _sweep(out: Path) -> None:
    """Remove what a killed run left beside `out` (its staging folders), and put
    back a previous report a killed swap had moved aside."""
    prefix = f".{out.name}{STAGING}"
    for stale in out.parent.iterdir():
        if not stale.name.startswith(prefix):
            continue
        try:
            pid, kind = stale.name[len(prefix):].split("-")[:2]
            pid = int(pid)
        except ValueError:
            continue
        if pid == os.getpid() or _alive(pid):
            continue
        if kind == "old" and not out.exists():
            os.rename(stale, out)
        else:
            shutil.rmtree(stale, ignore_errors=True)


@contextmanager
def _staging(out: Path):
    """A fresh folder beside `out` to write into; on success it replaces `out`."""
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        _sweep(out)
        stage = Path(tempfile.mkdtemp(prefix=f".{out.name}{STAGING}{os.getpid()}-new-",
                                      dir=out.parent)).resolve()
        os.chmod(stage, 0o777 & ~_umask())    # mkdtemp makes it private; a report is not
    except OSError as exc:
        raise OutputError(f"{out}: cannot write beside it ({exc.strerror}); "
                          "choose a folder you can write to") from None
    try:
        yield stage
        _replace(stage, out)
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux renameat2 RENAME_EXCHANGE); False if unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def _replace(stage: Path, out: Path) -> None:
    """Make `stage` the report folder `out`, atomically where the system allows."""
    try:
        if not out.exists():
            os.rename(stage, out)
            return
        if _exchange(stage, out):
            shutil.rmtree(stage, ignore_errors=True)     # now holds the old report
            return
        # Two renames; a kill between them leaves the old report in a folder
        # the next run puts back (see _sweep).
        aside = Path(tempfile.mkdtemp(prefix=f".{out.name}{STAGING}{os.getpid()}-old-",
                                      dir=out.parent))
        os.rmdir(aside)
        os.rename(out, aside)
        try:
            os.rename(stage, out)
        except OSError:
            os.rename(aside, out)
            raise
        shutil.rmtree(aside, ignore_errors=True)
    except OSError as exc:
        raise OutputError(f"{out}: cannot be replaced ({exc.strerror}); "
                          "the previous report is unchanged") from None


class _AbandonedCell(logging.Filter):
    """Drops asyncio's "Task exception was never retrieved" for the cell nbclient
    was running when an interrupt stopped the kernel: the interrupt is the news."""

    def filter(self, record):
        exc = record.exc_info[1] if record.exc_info else None
        return type(exc).__name__ != "DeadKernelError"


def _quiet_abandoned_cells() -> None:
    log = logging.getLogger("asyncio")
    if not any(isinstance(f, _AbandonedCell) for f in log.filters):
        log.addFilter(_AbandonedCell())


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised like Ctrl-C so that every clean-up runs."""


@contextmanager
def _terminate_as_interrupt():
    """Turn SIGTERM into an exception for the length of a run, so that the staging
    folder and the kernel are cleaned up. Yields a function that installs the
    handler again (nbclient replaces it while a notebook runs)."""
    if threading.current_thread() is not threading.main_thread():
        yield lambda: None
        return

    def stop(signum, _frame):
        raise Terminated(f"signal {signum}")

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield lambda: signal.signal(signal.SIGTERM, stop)
    finally:
        signal.signal(signal.SIGTERM, previous)


# ---- execution ---------------------------------------------------------------------

def _defer_iri_grammar() -> None:
    """Have jsonschema build its RFC 3987 grammar on first use, not at import.

    With rfc3987-syntax installed, importing jsonschema (which nbformat does)
    compiles an Earley grammar for the "iri" format: about 1 s here, a third of
    a report. Notebook validation never uses that format. A stand-in module
    loads the real one the first time a check needs it, so behaviour is the same.
    """
    name = "rfc3987_syntax"
    if "jsonschema" in sys.modules or name in sys.modules:
        return
    if importlib.util.find_spec(name) is None:
        return
    stub = types.ModuleType(name)
    real = None

    def is_valid_syntax(*args, **kwargs):
        nonlocal real
        if real is None:
            if sys.modules.get(name) is stub:
                del sys.modules[name]
            real = importlib.import_module(name)
        return real.is_valid_syntax(*args, **kwargs)

    stub.is_valid_syntax = is_valid_syntax
    sys.modules[name] = stub


def _kernel_manager(kernel_name: str):
    """A kernel manager that encrypts its local sockets when pyzmq can (ipykernel
    otherwise warns about plain TCP on every run), and that remembers the clients
    it makes: nbclient leaves a kernel it did not start to its owner, clients
    included, and the runner closes them."""
    import zmq
    from jupyter_client.manager import AsyncKernelManager

    class KernelManager(AsyncKernelManager):
        def client(self, **kwargs):
            kc = super().client(**kwargs)
            self.arqam_clients.append(kc)
            return kc

    km = KernelManager(kernel_name=kernel_name)
    km.arqam_clients = []
    if zmq.has("curve") and km.has_trait("transport_encryption"):
        km.transport_encryption = "auto"
    return km


# Imported by the kernel while it starts, before the first cell asks for them:
# the kernel boots while this process imports papermill, in parallel.
KERNEL_WARMUP = "import arqam.report.charts, matplotlib.figure, matplotlib.backends.backend_agg"
SIGNALS = {signal.SIGINT, signal.SIGTERM}


@contextmanager
def _signals_held():
    """Hold Ctrl-C and SIGTERM back until the block ends (then they act at once).

    A KeyboardInterrupt raised inside an import can leave that module's import
    lock held for ever, and the page thread, importing at the same moment,
    then waits for ever. Imports run with the signals held.
    """
    if threading.current_thread() is not threading.main_thread() or \
            not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


HEAVY_IMPORTS = ("nbformat", "papermill", "papermill.exceptions", "nbconvert.exporters",
                 "fontTools.subset", "fontTools.varLib.instancer")


def _import_heavy() -> None:
    """Everything the run imports, in the main thread, before the page thread starts."""
    for name in HEAVY_IMPORTS:
        importlib.import_module(name)


@contextmanager
def _kernel(notebook: Path, cwd: Path):
    """A kernel for `notebook`, started now in `cwd`, shut down when the block ends."""
    import json

    from jupyter_core.utils import run_sync

    kernel = json.loads(notebook.read_text(encoding="utf-8")).get("metadata", {}).get(
        "kernelspec", {}).get("name", "python3")
    km = _kernel_manager(kernel)
    try:
        # Not with signals held: the kernel would inherit the blocked mask.
        try:
            run_sync(km.start_kernel)(
                cwd=str(cwd), extra_arguments=[f"--IPKernelApp.exec_lines={KERNEL_WARMUP}"])
        except Exception as exc:
            raise NotebookError(f"the {kernel!r} kernel did not start ({type(exc).__name__}: "
                                f"{exc}); check `jupyter kernelspec list`") from None
        yield km
    finally:
        with _signals_held():
            try:
                for kc in km.arqam_clients:
                    kc.stop_channels()
                if run_sync(km.is_alive)():
                    run_sync(km.shutdown_kernel)(now=True)
                else:
                    run_sync(km.cleanup_resources)()
            except Exception:
                pass


def _execute(notebook: Path, params: dict, km, timeout: int):
    """Run the notebook with papermill in the kernel `km`; a failure is one line."""
    import nbformat
    import papermill
    from papermill.exceptions import PapermillExecutionError

    nb = nbformat.read(notebook, as_version=4)
    try:
        return papermill.execute_notebook(
            nb, None, parameters=params, kernel_name=km.kernel_name, progress_bar=False,
            request_save_on_cell_execute=False, start_timeout=60, execution_timeout=timeout,
            km=km, record_timing=False)
    except PapermillExecutionError as exc:
        raise NotebookError(_failure(notebook, exc)) from None
    except (KeyboardInterrupt, ArqamError):
        raise
    except Exception as exc:  # the kernel died, timed out or did not answer
        raise NotebookError(f"{notebook.name}: the kernel failed ({type(exc).__name__}: "
                            f"{exc})") from None


def _failure(notebook: Path, exc) -> str:
    """One line: which cell (its number and first line of code) and which error."""
    lines = [ln for ln in (exc.source or "").splitlines() if ln.strip()
             and not ln.lstrip().startswith("#")]
    code = lines[0].strip() if lines else ""
    if len(code) > 60:
        code = code[:57] + "..."
    count = f"In [{exc.exec_count}]" if exc.exec_count else f"cell {exc.cell_index}"
    evalue = " ".join(str(exc.evalue).split())
    return f"{notebook.name} {count} `{code}` failed: {exc.ename}: {evalue}"


def _write_notebook(nb, path: Path) -> None:
    """The executed notebook, without the run's timestamps, so that runs compare equal."""
    import nbformat

    meta = nb.metadata.get("papermill", {})
    for key in ("start_time", "end_time", "duration", "input_path", "output_path",
                "environment_variables"):
        meta.pop(key, None)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell.id = "injected-parameters"           # papermill draws a random one
        cell_meta = cell.metadata.get("papermill", {})
        for key in ("start_time", "end_time", "duration"):
            cell_meta.pop(key, None)
    nbformat.write(nb, str(path))


# ---- the page ----------------------------------------------------------------------

class _Page:
    """The HTML page, prepared in a thread while the notebook runs: nbconvert and
    the template loaded, the fonts cut for every character the page can hold
    (the article's and the report's own words). `render` then only fills it in."""

    def __init__(self, article, params: dict):
        self.article = article
        self.chars = set(article.text)
        extraction = params.get("extraction")
        if extraction:
            try:
                self.chars |= set(Path(extraction).read_text(encoding="utf-8"))
            except OSError:
                pass      # the notebook reports the unreadable file
        self.error = None
        self.thread = threading.Thread(target=self._prepare, name="arqam-page", daemon=True)
        self.thread.start()

    def _prepare(self):
        if hasattr(signal, "pthread_sigmask"):
            signal.pthread_sigmask(signal.SIG_BLOCK, SIGNALS)   # signals are the main thread's
        try:
            from nbconvert.exporters import TemplateExporter

            from .report.fonts import font_faces, library_chars

            self.chars |= library_chars()
            self.fonts = font_faces(self.chars)
            self.exporter = TemplateExporter(template_file=str(TEMPLATES / "page.html.j2"))
            self.exporter.file_extension = ".html"
            self.exporter.template       # compiled now rather than in render()
        except BaseException as exc:     # handed to the main thread in render()
            self.error = exc

    def render(self, nb) -> str:
        """The page: nbconvert copies the notebook's HTML outputs into
        templates/page.html.j2, with the fonts and the stylesheet inline."""
        from . import __version__

        self.thread.join()
        if self.error is not None:
            raise OutputError(f"the HTML export could not start ({type(self.error).__name__}: "
                              f"{self.error})")
        shown = []
        for cell in nb.cells:
            for output in cell.get("outputs", []):
                html = output.get("data", {}).get("text/html")
                if html:
                    shown.append(html if isinstance(html, str) else "".join(html))
        title = next((ln.strip() for ln in self.article.text.splitlines() if ln.strip()),
                     self.article.name)
        fonts = self.fonts
        needed = set(title).union(*shown) if shown else set(title)
        if not needed <= self.chars:             # an unforeseen character: cut again
            from .report.fonts import font_faces

            fonts = font_faces(self.chars | needed)
        resources = {"arqam": {
            "title": title, "version": __version__, "fonts": fonts,
            "css": (TEMPLATES / "page.css").read_text(encoding="utf-8")}}
        try:
            body, _ = self.exporter.from_notebook_node(nb, resources=resources)
        except Exception as exc:
            raise OutputError(f"the HTML export failed ({type(exc).__name__}: {exc})") from None
        return body
