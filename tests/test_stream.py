"""arqam.stream: a large file extracted piece by piece, offsets into the whole text.

What holds: the pieces put together are the text `arqam.read` gives (whatever
the encoding, wherever a block of bytes ends); every record's offsets index
the whole text; ids run on through the file; a bad byte far into the file
stops the run before any output; the progress bar draws only when asked or on
a terminal; peak memory does not grow with the file.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

import arqam
from arqam import stream
from arqam.errors import BinaryInputError, EncodingError, NoArabicError

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SEED = ROOT / "seeds" / "000_83f14baadfbd0921.txt"
BAD = HERE / "fixtures" / "bad"
sys.path.insert(0, str(BAD))
from make_fixtures import ARTICLE  # noqa: E402


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


# --- cutting ---------------------------------------------------------------------

@pytest.mark.parametrize("size", [1, 7, 50, 300, 1000, 10**6])
def test_pieces_put_together_give_the_text(size):
    text = seed_text()
    pieces = list(stream.split_text(text, size))
    assert "".join(p for _, p in pieces) == text
    assert all(len(p) <= size for _, p in pieces)
    assert [o for o, _ in pieces] == [sum(len(p) for _, p in pieces[:i]) for i in range(len(pieces))]


def test_cuts_fall_at_line_ends_when_lines_fit():
    text = seed_text()
    longest = max(len(line) + 1 for line in text.splitlines())
    for _, piece in list(stream.split_text(text, longest + 10))[:-1]:
        assert piece.endswith("\n"), piece[-40:]


def test_a_long_line_is_cut_after_a_sentence_then_a_space():
    line = ("قتل ثلاثة أشخاص. " * 20).strip()
    pieces = [p for _, p in stream.split_text(line, 60)]
    assert all(p.endswith(". ") for p in pieces[:-1]), pieces
    words = "كلمة " * 50
    assert all(p.endswith(" ") for _, p in list(stream.split_text(words, 33))[:-1])


def test_a_hard_cut_keeps_marks_with_their_letter():
    text = "سَلَامٌ" * 40  # no space, no line end: a hard cut
    for _, piece in stream.split_text(text, 10):
        assert not re.match("[\u064b-\u065f]", piece), piece


@pytest.mark.parametrize("fixture", ["bom.txt", "utf16.txt", "utf16_no_bom.txt",
                                     "cp1256.txt", "iso8859_6.txt", "page.html"])
@pytest.mark.parametrize("block", [1, 2, 3, 64, 2**18])
def test_file_pieces_are_the_text_as_read(fixture, block, monkeypatch):
    monkeypatch.setattr(stream, "BLOCK_BYTES", block)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        whole = arqam.read(BAD / fixture).text
    source = stream.FileText(BAD / fixture, chunk_chars=40)
    pieces = list(source.pieces())
    assert "".join(p for _, p in pieces) == whole
    assert source.chars == len(whole)
    for offset, piece in pieces:
        assert whole[offset:offset + len(piece)] == piece
    if fixture != "page.html":
        assert whole == ARTICLE


def test_crlf_is_kept_so_offsets_match_read(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(ARTICLE.replace("\n", "\r\n").encode("utf-8"))
    source = stream.FileText(path, chunk_chars=50)
    assert "".join(p for _, p in source.pieces()) == arqam.read(path).text


# --- whole-file checks before any output ----------------------------------------------

def _big(tmp_path: Path, tail: bytes, copies: int = 3000) -> Path:
    path = tmp_path / "archive.txt"
    path.write_bytes((ARTICLE.encode("utf-8") + b"\n") * copies + tail)
    return path


@pytest.mark.parametrize("tail,error", [(b"\xff\xfe bad", EncodingError),
                                        (b"\x00\x00 nul", BinaryInputError)])
def test_a_bad_byte_far_in_stops_before_any_output(tmp_path, tail, error):
    path = _big(tmp_path, tail)
    out = io.StringIO()
    with pytest.raises(error):
        stream.write(path, "2019-03-02", "json", out, chunk_chars=4000, err=io.StringIO())
    assert out.getvalue() == ""


def test_no_arabic_in_a_large_file(tmp_path):
    path = tmp_path / "english.txt"
    path.write_text("300 families fled last week.\n" * 5000, encoding="utf-8")
    with pytest.raises(NoArabicError):
        stream.FileText(path).check()


# --- extraction -----------------------------------------------------------------------

def _records(pieces):
    for piece in pieces:
        for item in piece.figures + piece.times:
            yield piece, item


@pytest.mark.parametrize("size", [200, 1000, 10**6])
def test_offsets_are_moved_to_the_whole_text(size):
    text = seed_text() * 3
    for piece, item in _records(stream.extract_text(text, "2019-03-02", chunk_chars=size)):
        assert piece.start <= item.start <= item.end <= piece.end
        assert text[item.start:item.end] == item.text


def test_one_piece_is_the_whole_extraction():
    article = arqam.read(SEED)
    whole = arqam.extract(article)
    pieces = list(stream.extract_file(SEED, article.published))
    assert len(pieces) == 1
    assert [f.to_dict() for f in pieces[0].figures] == [f.to_dict() for f in whole.figures]
    assert [t.to_dict() for t in pieces[0].times] == [t.to_dict() for t in whole.times]


def test_pieces_find_what_the_whole_text_finds():
    """Cut at paragraphs, the seed keeps its figures: each one found whole is
    found in the pieces at the same place (context across a cut may change an
    attribute, not whether a figure is there)."""
    article = arqam.read(SEED)
    whole = {(f.start, f.end, f.text) for f in arqam.extract(article).figures}
    pieces = stream.extract_file(SEED, article.published, chunk_chars=600)
    cut = {(f.start, f.end, f.text) for piece in pieces for f in piece.figures}
    assert whole == cut, (sorted(whole - cut), sorted(cut - whole))


def test_ids_run_on_through_the_file():
    text = seed_text() * 4
    ids, refs = [], []
    for _, item in _records(stream.extract_text(text, "2019-03-02", chunk_chars=900)):
        ids.append(item.id)
        refs += [r for r in (getattr(item, "part_of", None), getattr(item, "repeats", None)) if r]
    assert len(ids) == len(set(ids)), "ids repeat across pieces"
    assert set(refs) <= set(ids)


@pytest.mark.parametrize("fmt", ["json", "csv", "table"])
def test_streamed_output_is_what_extract_prints(fmt, tmp_path):
    """For a file that is one piece, `stream.write` prints byte for byte what
    `arqam extract` prints for it read whole."""
    proc = subprocess.run([sys.executable, "-m", "arqam", "extract", str(SEED), "--format", fmt],
                          capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    out = io.StringIO()
    stream.write(SEED, arqam.read(SEED).published, fmt, out, err=io.StringIO())
    assert out.getvalue() == proc.stdout


def test_streamed_json_of_many_pieces_is_valid(tmp_path):
    path = tmp_path / "many.txt"
    path.write_text((seed_text() + "\n") * 5, encoding="utf-8")
    out = io.StringIO()
    stream.write(path, "2019-03-02", "json", out, chunk_chars=700, err=io.StringIO())
    doc = json.loads(out.getvalue())
    text = path.read_text(encoding="utf-8")
    assert doc["source"] == "اللواء"
    for item in doc["figures"] + doc["times"]:
        assert text[item["start"]:item["end"]] == item["text"]
    whole = arqam.extract(arqam.read(SEED))
    assert len(doc["figures"]) >= 4 * len(whole.figures)


def test_the_sidecar_date_is_used(tmp_path):
    path = tmp_path / "archive.txt"
    path.write_text((seed_text() + "\n") * 2, encoding="utf-8")
    path.with_suffix(".published").write_text("2019-03-02\n", encoding="utf-8")
    out = io.StringIO()
    stream.write(path, None, "json", out, chunk_chars=4000, err=io.StringIO())
    doc = json.loads(out.getvalue())
    assert doc["published"] == "2019-03-02"
    assert "2019-03-01" in {t["value"] for t in doc["times"]}


# --- progress ---------------------------------------------------------------------------

class _Tty(io.StringIO):
    def isatty(self):
        return True


def test_progress_draws_on_a_terminal_once_it_runs_long():
    out = _Tty()
    bar = stream.Progress(1000, total_bytes=2 * 2**20, out=out, delay=0)
    for done in (100, 500, 1000):
        bar.last_draw = 0
        bar.update(done)
    bar.close()
    text = out.getvalue()
    assert text.count("\r") >= 3 and text.endswith("\n")
    assert "100%" in text and "2.0 MB" in text and "left" in text


def test_progress_is_silent_off_a_terminal_or_when_quick():
    out = io.StringIO()
    bar = stream.Progress(1000, out=out, delay=0)
    bar.update(500)
    bar.close()
    quick = _Tty()
    bar = stream.Progress(1000, out=quick, delay=60)
    bar.update(500)
    bar.close()
    assert out.getvalue() == "" and quick.getvalue() == ""


# --- memory -----------------------------------------------------------------------------

# VmHWM, not ru_maxrss: the latter counts the pages of the parent (pytest, big)
# that the child held before exec, and would hide any growth.
_PEAK = """
import sys
from arqam import stream
with open("/dev/null", "w") as out:
    stream.write(sys.argv[1], "2019-03-02", "json", out)
with open("/proc/self/status") as status:
    print(next(line for line in status if line.startswith("VmHWM:")).split()[1])
"""


@pytest.mark.slow
def test_peak_memory_does_not_grow_with_the_file(tmp_path):
    peaks = {}
    for mb in (2, 20):
        path = tmp_path / f"{mb}mb.txt"
        unit = (seed_text() + "\n").encode("utf-8")
        path.write_bytes(unit * (mb * 2**20 // len(unit) + 1))
        proc = subprocess.run([sys.executable, "-c", _PEAK, str(path)], capture_output=True,
                              text=True, timeout=1800)
        assert proc.returncode == 0, proc.stderr[-2000:]
        peaks[mb] = int(proc.stdout.split()[-1]) / 1024  # MB
    assert peaks[20] - peaks[2] < 10, f"peak RSS grew from {peaks[2]:.0f} to {peaks[20]:.0f} MB"
