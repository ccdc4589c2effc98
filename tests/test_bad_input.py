"""The table of bad inputs (docs/errors.md), row by row, for both commands.

Each row runs `python -m arqam extract` and `python -m arqam report` in a
subprocess, as a user would. A refused input gives exactly one line on stderr,
`arqam: error: ...` naming the problem, a non-zero exit, nothing on stdout,
and leaves an earlier report in --out as it was. An input that is read all the
same (a BOM, UTF-16, Windows-1256, an HTML page) exits 0 with a one-line note,
and the offsets it gives hold on the text as read. No row ever shows a
traceback. The fixtures are in tests/fixtures/bad/ (made by make_fixtures.py
there); the 50 MB file is made here, in a temporary folder.
"""

from __future__ import annotations

import csv
import datetime as dt
import importlib.util
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
BAD = HERE / "fixtures" / "bad"
sys.path.insert(0, str(BAD))
from make_fixtures import ARTICLE  # noqa: E402

COMMANDS = ("extract", "report")
HAS_RUNNER = importlib.util.find_spec("arqam.runner") is not None
TOMORROW_PLUS_ONE = (dt.date.today() + dt.timedelta(days=2)).isoformat()


def run(*args: str, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "ARQAM_DEBUG"}
    return subprocess.run([sys.executable, "-m", "arqam", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=timeout)


def argv(command: str, file: Path | str, tmp: Path, *extra: str) -> list[str]:
    if command == "report":
        extra = (*extra, "--out", str(tmp / "out")) if "--out" not in extra else extra
    return [command, str(file), *extra]


@pytest.fixture
def earlier_report(tmp_path: Path) -> Path:
    """An --out folder that holds an earlier good report, which must survive."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "report.html").write_text("<p>earlier report</p>", encoding="utf-8")
    return out


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def assert_refused(proc: subprocess.CompletedProcess, *phrases: str, code: int | None = None):
    lines = proc.stderr.splitlines()
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode != 0, (proc.returncode, proc.stderr)
    if code is not None:
        assert proc.returncode == code, (proc.returncode, proc.stderr)
    assert len(lines) == 1, f"expected one line on stderr, got:\n{proc.stderr}"
    assert lines[0].startswith("arqam: error: "), lines[0]
    for phrase in phrases:
        assert phrase in lines[0], f"{phrase!r} not in {lines[0]!r}"
    assert proc.stdout == "", proc.stdout[:500]


def assert_untouched(out: Path):
    assert sorted(p.name for p in out.iterdir()) == ["report.html"], list(out.iterdir())
    assert (out / "report.html").read_text(encoding="utf-8") == "<p>earlier report</p>"


# --- refused files -------------------------------------------------------------

REFUSED_FILES = [
    # fixture, phrases the one line must hold
    ("empty.txt", ["empty.txt", "is empty"]),
    ("whitespace.txt", ["only whitespace"]),
    ("pdf_renamed.txt", ["PDF document", "pdftotext"]),
    ("png_renamed.txt", ["PNG image"]),
    ("nul_bytes.txt", ["binary bytes", "NUL"]),
    ("undecodable.txt", ["not UTF-8", "iconv"]),
    ("no_arabic.txt", ["no Arabic letters"]),
    ("mojibake.txt", ["no Arabic letters", "mojibake"]),
]


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("fixture,phrases", REFUSED_FILES, ids=[r[0] for r in REFUSED_FILES])
def test_refused_file(command, fixture, phrases, tmp_path, earlier_report):
    proc = run(*argv(command, BAD / fixture, tmp_path), cwd=tmp_path)
    assert_refused(proc, *phrases, code=2)
    assert_untouched(earlier_report)


@pytest.mark.parametrize("command", COMMANDS)
def test_missing_file(command, tmp_path, earlier_report):
    proc = run(*argv(command, tmp_path / "nowhere.txt", tmp_path), cwd=tmp_path)
    assert_refused(proc, "nowhere.txt", "no such file", code=2)
    assert_untouched(earlier_report)


@pytest.mark.parametrize("command", COMMANDS)
def test_directory(command, tmp_path, earlier_report):
    folder = tmp_path / "articles"
    folder.mkdir()
    proc = run(*argv(command, folder, tmp_path), cwd=tmp_path)
    assert_refused(proc, "is a directory", code=2)
    assert_untouched(earlier_report)


# --- the publication date ---------------------------------------------------------

BAD_DATES = [
    ("malformed", "2019/03/02", ["not of the form YYYY-MM-DD"]),
    ("words", "yesterday", ["not of the form YYYY-MM-DD"]),
    ("impossible", "2019-02-30", ["not a real date"]),
    ("month-13", "2019-13-01", ["not a real date"]),
    ("future", "2999-01-01", ["in the future"]),
    ("day-after-tomorrow", TOMORROW_PLUS_ONE, ["in the future"]),
    ("ancient", "0019-03-02", ["before 1800"]),
    ("empty", "", ["is empty"]),
]


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("label,value,phrases", BAD_DATES, ids=[r[0] for r in BAD_DATES])
def test_bad_published(command, label, value, phrases, tmp_path, article, earlier_report):
    proc = run(*argv(command, article, tmp_path, "--published", value), cwd=tmp_path)
    assert_refused(proc, "publication date", *phrases, code=2)
    assert_untouched(earlier_report)


@pytest.mark.parametrize("command", COMMANDS)
def test_bad_sidecar_date(command, tmp_path, article, earlier_report):
    article.with_suffix(".published").write_text("2 March 2019\n", encoding="utf-8")
    proc = run(*argv(command, article, tmp_path), cwd=tmp_path)
    assert_refused(proc, "article.published", "--published", code=2)
    assert_untouched(earlier_report)


def test_arabic_indic_date_is_read(tmp_path, article):
    proc = run("extract", str(article), "--published", "٢٠١٩-٠٣-٠٢", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["published"] == "2019-03-02"


def test_absent_date_resolves_nothing_to_today(tmp_path, article):
    """No date and no sidecar: the run goes on; relative times stay null."""
    proc = run("extract", str(article), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert all(line.startswith("arqam: ") for line in proc.stderr.splitlines()), proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["published"] is None
    today = dt.date.today().isoformat()
    assert not any((t["value"] or "").startswith(today) for t in doc["times"]), doc["times"]


# --- the output folder ---------------------------------------------------------------

def test_out_under_a_file(tmp_path, article):
    blocker = tmp_path / "not_a_folder"
    blocker.write_text("x", encoding="utf-8")
    proc = run("report", str(article), "--out", str(blocker / "report"), cwd=tmp_path)
    assert_refused(proc, "--out", "is a file, not a folder", code=3)
    assert blocker.read_text(encoding="utf-8") == "x"


def test_out_is_a_file(tmp_path, article):
    blocker = tmp_path / "report.html"
    blocker.write_text("x", encoding="utf-8")
    proc = run("report", str(article), "--out", str(blocker), cwd=tmp_path)
    assert_refused(proc, "--out", "is a file, not a folder", code=3)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through folder permissions")
def test_out_read_only(tmp_path, article):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        proc = run("report", str(article), "--out", str(locked / "report"), cwd=tmp_path)
        assert_refused(proc, "--out", "cannot write", code=3)
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o755)


def test_out_on_a_read_only_filesystem(tmp_path, article):
    """/proc refuses new folders even to root: the unwritable folder of this machine."""
    proc = run("report", str(article), "--out", "/proc/arqam-report", cwd=tmp_path)
    assert_refused(proc, "--out", code=3)


def test_extract_has_no_out(tmp_path, article):
    """`extract` writes to stdout only: --out is a usage error, not a write."""
    proc = run("extract", str(article), "--out", str(tmp_path / "x"), cwd=tmp_path)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert not (tmp_path / "x").exists()


# --- files read all the same, with a note ------------------------------------------------

READ_WITH_NOTE = [
    ("bom.txt", "byte-order mark"),
    ("utf16.txt", "UTF-16"),
    ("utf16_no_bom.txt", "UTF-16-LE without a byte-order mark"),
    ("cp1256.txt", "Windows-1256"),
    ("iso8859_6.txt", "ISO-8859-6"),
]


def _notes(proc) -> list[str]:
    assert "Traceback" not in proc.stderr, proc.stderr
    lines = proc.stderr.splitlines()
    assert all(line.startswith(("arqam: note: ", "arqam: warning: ", "arqam: wrote "))
               for line in lines), proc.stderr
    return [line for line in lines if line.startswith("arqam: note: ")]


@pytest.mark.parametrize("fixture,phrase", READ_WITH_NOTE, ids=[r[0] for r in READ_WITH_NOTE])
def test_extract_reads_encoding_with_a_note(fixture, phrase, tmp_path, article):
    proc = run("extract", str(BAD / fixture), "--published", "2019-03-02", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    notes = _notes(proc)
    assert len(notes) == 1 and phrase in notes[0], proc.stderr
    plain = run("extract", str(article), "--published", "2019-03-02", cwd=tmp_path)
    doc, same = json.loads(proc.stdout), json.loads(plain.stdout)
    # The text as read is the article itself, so figures and times are the same.
    assert doc["figures"] == same["figures"]
    assert doc["times"] == same["times"]
    for item in doc["figures"] + doc["times"]:
        assert ARTICLE[item["start"]:item["end"]] == item["text"]


def test_extract_reads_the_visible_text_of_a_page(tmp_path):
    proc = run("extract", str(BAD / "page.html"), "--published", "2019-03-02", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    notes = _notes(proc)
    assert len(notes) == 1 and "HTML page" in notes[0] and "visible text" in notes[0]
    doc = json.loads(proc.stdout)
    assert doc["source"] == "الحياة"
    import warnings

    import arqam
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        text = arqam.read(BAD / "page.html").text
    assert "999" not in text and "123456" not in text and "0096611234567" not in text
    assert "نحو 300 عائلة" in text
    for item in doc["figures"] + doc["times"]:
        assert text[item["start"]:item["end"]] == item["text"]


def test_a_page_heavy_with_scripts_is_read_for_its_text(tmp_path):
    """A saved page over one article's limit in bytes, whose visible text is small."""
    page = (BAD / "page.html").read_text(encoding="utf-8")
    heavy = page.replace("</head>", "<script>" + "var x = 1;\n" * 200_000 + "</script></head>")
    path = tmp_path / "heavy.html"
    path.write_text(heavy, encoding="utf-8")
    assert path.stat().st_size > 2 * 2**20
    proc = run("extract", str(path), "--published", "2019-03-02", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "HTML page" in _notes(proc)[0]
    light = run("extract", str(BAD / "page.html"), "--published", "2019-03-02", cwd=tmp_path)
    assert json.loads(proc.stdout)["figures"] == json.loads(light.stdout)["figures"]


needs_runner = pytest.mark.skipif(not HAS_RUNNER, reason="arqam.runner (the report) not yet there")


@needs_runner
@pytest.mark.slow
@pytest.mark.parametrize("fixture", [r[0] for r in READ_WITH_NOTE] + ["page.html"])
def test_report_reads_with_a_note(fixture, tmp_path):
    proc = run("report", str(BAD / fixture), "--published", "2019-03-02",
               "--out", str(tmp_path / "out"), cwd=tmp_path, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert len(_notes(proc)) == 1, proc.stderr
    assert (tmp_path / "out" / "report.html").is_file()


@needs_runner
@pytest.mark.slow
def test_report_without_a_date(tmp_path, article):
    proc = run("report", str(article), "--out", str(tmp_path / "out"), cwd=tmp_path,
               timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert all(line.startswith("arqam: ") for line in proc.stderr.splitlines()), proc.stderr
    assert (tmp_path / "out" / "report.html").is_file()


# --- 50 MB ------------------------------------------------------------------------------

FIFTY_MB = 50 * 2**20


@pytest.fixture(scope="module")
def fifty_mb(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("big") / "archive.txt"
    unit = ARTICLE.encode("utf-8") + b"\n"
    with path.open("wb") as fh:
        fh.write(unit * (FIFTY_MB // len(unit) + 1))
    return path


def test_report_refuses_fifty_mb(fifty_mb, tmp_path, earlier_report):
    proc = run(*argv("report", fifty_mb, tmp_path), cwd=tmp_path)
    assert_refused(proc, "50.0 MB", "larger than one article", "arqam extract", code=2)
    assert_untouched(earlier_report)


@pytest.mark.slow
def test_extract_streams_fifty_mb(fifty_mb, tmp_path):
    proc = run("extract", str(fifty_mb), "--published", "2019-03-02", "--format", "csv",
               cwd=tmp_path, timeout=1800)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr
    text = fifty_mb.read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    one = tmp_path / "one.txt"
    one.write_text(ARTICLE + "\n", encoding="utf-8")
    single = run("extract", str(one), "--published", "2019-03-02", cwd=tmp_path)
    per_copy = len(json.loads(single.stdout)["figures"])
    assert len(rows) == per_copy * text.count(ARTICLE)
    for row in rows:
        assert text[int(row["start"]):int(row["end"])] == row["text"]
