"""The HTML page: self-contained, right to left, escaped, complete, and the same bytes twice.

Runs the real report notebook (papermill + nbconvert, through arqam.runner) on the
seed with its gold extraction, so that it does not depend on the extractor's
progress; test_report_seed.py checks the report the extractor gives.
"""

from __future__ import annotations

import base64
import re
from pathlib import Path

import pytest
from report_support import (SEED, Page, extraction_json, json_file, write_article,
                            write_gold_extraction)

from arqam.runner import run_report

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def gold_reports(tmp_path_factory):
    """The seed report twice, into two folders, from the gold extraction."""
    tmp = tmp_path_factory.mktemp("gold")
    gold = write_gold_extraction(tmp / "gold.json")
    first = run_report(SEED, out=tmp / "one", extraction=gold)
    second = run_report(SEED, out=tmp / "two", extraction=gold)
    return first, second


@pytest.fixture(scope="module")
def page(gold_reports):
    return gold_reports[0].read_text(encoding="utf-8")


def test_two_runs_give_the_same_bytes(gold_reports):
    one, two = (p.parent for p in gold_reports)
    names = sorted(p.name for p in one.iterdir())
    assert names == ["counts.png", "extraction.json", "figures.csv", "report.html",
                     "report.ipynb", "timeline.png", "times.csv"]
    assert names == sorted(p.name for p in two.iterdir())
    for name in names:
        assert (one / name).read_bytes() == (two / name).read_bytes(), name


def test_page_is_arabic_right_to_left_and_self_contained(page):
    parsed = Page(page)
    html_tag = parsed.tags[0]
    assert html_tag == ("html", {"lang": "ar", "dir": "rtl"})
    assert not re.search(r"(?i)<script|<link|@import|https?://", page)
    for src in parsed.srcs:
        assert src.startswith("data:image/png;base64,")
    for href in parsed.hrefs:
        assert href.startswith("#")
    fonts = re.findall(r"url\(data:font/woff;base64,([A-Za-z0-9+/=]+)\)", page)
    assert len(fonts) >= 2                                  # Noto 400 and 700
    assert all(base64.b64decode(f)[:4] == b"wOFF" for f in fonts)
    assert 'font-family: "Noto Sans Arabic"' in page
    assert "Content-Security-Policy" in page


def test_no_code_reaches_the_page(page):
    plain = Page(page).plain
    for code in ("import ", "report.headline", "build(", "In [", "papermill", "Out["):
        assert code not in plain, code


def test_sections_come_in_order(page):
    order = [page.index(f'id="{name}"') for name in
             ("key-figures", "counts", "timeline", "narrative", "tables", "provenance")]
    assert order == sorted(order)


def test_headline_shows_the_design_card(page):
    start, end = page.index('id="key-figures"'), page.index('id="counts"')
    block = Page(page[start:end]).plain
    assert "Key figures as of 2 March 2019" in block and "حتى 2 آذار/مارس 2019" in block
    for sign in ("~52,000", "≥45,000", "≥84"):
        assert sign in block
    assert block.index("~52,000") < block.index("≥45,000") < block.index("≥84")
    assert "about 52,000 people departed" in block
    assert "at least 45,000 people are sheltering in al-Hol camp" in block
    assert "at least 84 people died" in block and "two thirds of them children" in block
    assert "ما لا يقل عن 84 شخصا" in block and "ثلثاهم أطفال" in block


def test_numbers_and_latin_are_isolated(page):
    start = page.index('id="narrative"')
    assert '<bdi dir="ltr">84</bdi>' in page[start:]
    assert '<bdi dir="ltr">≥45,000</bdi>' in page
    assert 'lang="en" dir="ltr"' in page


def test_every_link_lands_on_a_row(page):
    parsed = Page(page)
    targets = {h[1:] for h in parsed.hrefs}
    assert targets and targets <= parsed.ids
    rows = {i for i in parsed.ids if i.startswith("row-f")}
    assert len(rows) == 18                                  # every gold figure
    narrative = page[page.index('id="narrative"'):page.index('id="tables"')]
    linked = set(re.findall(r'href="#(row-f\d+)"', narrative))
    assert {"row-f6", "row-f7", "row-f8", "row-f10"} <= linked


def test_provenance_names_the_bytes(page):
    import hashlib

    block = Page(page[page.index('id="provenance"'):]).plain
    assert hashlib.sha256(SEED.read_bytes()).hexdigest() in block
    assert SEED.name in block and "2019-03-02" in block and "0.1.0" in block
    assert str(SEED.parent) not in page                     # no local path leaks


def test_data_files_are_written(gold_reports):
    folder = gold_reports[0].parent
    figures = (folder / "figures.csv").read_text(encoding="utf-8").splitlines()
    assert figures[0].startswith("id,text,start,end,kind,value,low,high,qualifier")
    assert len(figures) == 19
    assert any(",at_least," in row and "45000" in row for row in figures)
    assert (folder / "counts.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


# ---- hostile and empty articles --------------------------------------------------------

HOSTILE = ("<script>window.__pwned = 1</script> عنوان <img src=x onerror=\"window.__pwned=2\">\n\n"
           "قالت الأمم المتحدة إن ما لا يقل عن 84 شخصا <script>alert(1)</script> لقوا حتفهم.\n\n"
           "المصدر: <b>صحيفة</b>\n")


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    article = write_article(tmp, "hostile.txt", HOSTILE)
    data = extraction_json(article, [{"text": "ما لا يقل عن 84 شخصا", "value": 84, "low": 84,
                                      "qualifier": "at_least", "event": "died",
                                      "attributed_to": "United Nations"}])
    return run_report(article, out=tmp / "out", extraction=json_file(tmp / "x.json", data))


def test_article_markup_shows_as_text(hostile_report):
    page = hostile_report.read_text(encoding="utf-8")
    parsed = Page(page)
    assert not [t for t, _ in parsed.tags if t in ("script", "iframe", "object", "embed")]
    assert not [(t, a) for t, a in parsed.tags if any(k.startswith("on") for k in a)]
    assert not [t for t, a in parsed.tags if t == "img" and a.get("src") == "x"]
    plain = parsed.plain                                    # what a reader sees
    assert "<script>window.__pwned = 1</script> عنوان" in plain
    assert '<img src=x onerror="window.__pwned=2">' in plain
    assert "<b>صحيفة</b>" in plain
    assert "<script>alert(1)</script>" in plain             # in the table's sentence


@pytest.fixture(scope="module")
def empty_report(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("empty")
    article = write_article(tmp, "calm.txt", "يوم هادئ في المدينة.\n\nلم يحدث شيء يذكر.\n")
    return run_report(article, out=tmp / "out",
                      extraction=json_file(tmp / "x.json", {"figures": [], "times": []}))


def test_article_without_figures_degrades_gracefully(empty_report):
    page = empty_report.read_text(encoding="utf-8")
    plain = Page(page).plain
    assert "No figures were found in this article." in plain
    assert "No counts to chart." in plain and "No dated events." in plain
    assert "data:image/png" not in page
    names = sorted(p.name for p in empty_report.parent.iterdir())
    assert names == ["extraction.json", "figures.csv", "report.html", "report.ipynb", "times.csv"]


def test_lang_en_tells_in_english_only(tmp_path):
    gold = write_gold_extraction(tmp_path / "gold.json")
    page = run_report(SEED, lang="en", out=tmp_path / "en", extraction=gold).read_text(
        encoding="utf-8")
    assert 'class="narrative-en"' in page and 'class="narrative-ar"' not in page
    assert Path(tmp_path / "en" / "report.html").exists()
