"""Failures: one line naming the cell, a non-zero exit, and the previous report untouched.

The report is written beside outputs/<stem>/ and swapped in whole; these tests
break a notebook, kill the command half-way, and point it at folders it must
not overwrite, and then look at what is left on disk.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from report_support import ROOT, SEED, write_gold_extraction

from arqam import cli, runner
from arqam.errors import NotebookError, OutputError

pytestmark = pytest.mark.slow


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def debris(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".arqam-" in p.name)


def broken_notebook(tmp: Path) -> Path:
    nb = json.loads(runner.NOTEBOOK.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if "".join(cell["source"]) == "report.counts":
            cell["source"] = "report.counts\nraise RuntimeError('the chart broke on purpose')"
    path = tmp / "broken.ipynb"
    path.write_text(json.dumps(nb), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def good(tmp_path_factory):
    """A folder holding a good report, and the gold extraction it came from."""
    tmp = tmp_path_factory.mktemp("good")
    gold = write_gold_extraction(tmp / "gold.json")
    report = runner.run_report(SEED, out=tmp / "reports" / "seed", extraction=gold)
    return report.parent, gold


def test_a_failing_cell_names_itself_and_keeps_the_old_report(good, tmp_path):
    out, gold = good
    before = snapshot(out)
    with pytest.raises(NotebookError) as err:
        runner.run_report(SEED, out=out, extraction=gold, notebook=broken_notebook(tmp_path))
    message = str(err.value)
    assert "\n" not in message
    assert message.startswith("broken.ipynb In [")
    assert "`report.counts` failed: RuntimeError: the chart broke on purpose" in message
    assert snapshot(out) == before
    assert debris(out.parent) == []


def test_the_command_prints_one_line_and_exits_non_zero(good, tmp_path, monkeypatch, capsys):
    out, _ = good
    before = snapshot(out)
    monkeypatch.setattr(runner, "NOTEBOOK", broken_notebook(tmp_path))
    code = cli.main(["report", str(SEED), "--out", str(out)])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == NotebookError.exit_code == 4
    assert len(err) == 1 and err[0].startswith("arqam: error: broken.ipynb In [")
    assert "RuntimeError: the chart broke on purpose" in err[0]
    assert snapshot(out) == before


def kernel_children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(p) for p in text.split()]


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.exists() and stat.read_text().split()[2] == "Z")


def wait_for(predicate, timeout: float, what: str):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = predicate()
        if value:
            return value
        time.sleep(0.02)
    raise AssertionError(f"timed out waiting for {what}")


def start_report(out: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "arqam", "report", str(SEED), "--out", str(out)],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGINT])
def test_a_killed_run_leaves_the_old_report_and_no_debris(good, how):
    out, _ = good
    before = snapshot(out)
    proc = start_report(out)
    try:
        kernels = wait_for(lambda: kernel_children(proc.pid), 60, "the kernel to start")
        time.sleep(0.3)
        proc.send_signal(how)
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode != 0
    assert snapshot(out) == before
    assert debris(out.parent) == []
    wait_for(lambda: not any(alive(k) for k in kernels), 15, "the kernel to stop")


def test_after_a_hard_kill_the_next_run_sweeps_up(good):
    out, gold = good
    proc = start_report(out)
    try:
        kernels = wait_for(lambda: kernel_children(proc.pid), 60, "the kernel to start")
        proc.kill()
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert debris(out.parent)                     # SIGKILL cannot clean up...
    wait_for(lambda: not any(alive(k) for k in kernels), 20, "the orphaned kernel to exit")
    runner.run_report(SEED, out=out, extraction=gold)
    assert debris(out.parent) == []               # ...the next run does
    assert (out / "report.html").exists()


def test_a_folder_with_other_files_is_not_replaced(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(OutputError, match="notes.txt"):
        runner.run_report(SEED, out=tmp_path)
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_a_file_is_not_a_folder(tmp_path):
    target = tmp_path / "report"
    target.write_text("x")
    with pytest.raises(OutputError, match="is a file"):
        runner.run_report(SEED, out=target)


def test_unknown_parameters_are_named_and_left_out():
    assert runner.notebook_parameters(runner.NOTEBOOK)[:4] == [
        "article", "published", "lang", "output_dir"]
    with pytest.warns(UserWarning, match=r"unknown notebook parameter 'colour'.*takes article"):
        kept = runner._known({"colour": "red", "lang": "ar"}, runner.NOTEBOOK)
    assert kept == {"lang": "ar"}


def test_a_bad_language_is_refused_before_any_work(tmp_path):
    from arqam.errors import ArqamError

    with pytest.raises(ArqamError, match="fr"):
        runner.run_report(SEED, lang="fr", out=tmp_path / "x")
    assert not (tmp_path / "x").exists()


def test_executed_notebook_has_no_timestamps(good):
    out, _ = good
    nb = json.loads((out / "report.ipynb").read_text(encoding="utf-8"))
    text = json.dumps(nb)
    for key in ('"start_time"', '"end_time"', '"duration"', '"iopub.execute_input"'):
        assert key not in text
    assert not [o for c in nb["cells"] for o in c.get("outputs", []) if o["output_type"] == "error"]
