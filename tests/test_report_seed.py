"""The seed's real report, as `make report` makes it: the design card's three figures.

This runs the extractor, not the gold: it passes once the extractor finds the
three figures with their qualifiers (about 52,000 departed, at least 45,000 in
al-Hol, at least 84 dead, two thirds of them children).
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from report_support import ROOT, SEED, Page

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("seed") / "report"
    done = subprocess.run([sys.executable, "-m", "arqam", "report", str(SEED), "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == f"arqam: wrote {out / 'report.html'}"
    return out / "report.html"


@pytest.fixture(scope="module")
def headline(seed_report):
    page = seed_report.read_text(encoding="utf-8")
    return Page(page[page.index('id="key-figures"'):page.index('id="counts"')]).plain


def test_about_52000_departed(headline):
    assert "~52,000" in headline
    assert "about 52,000 people departed" in headline and "نحو 52 ألف شخص" in headline


def test_at_least_45000_in_al_hol(headline):
    assert "≥45,000" in headline
    assert "at least 45,000 people are sheltering in al-Hol camp" in headline
    assert "45 ألف شخص على الأقل" in headline


def test_at_least_84_dead_two_thirds_children(headline):
    assert "≥84" in headline
    assert "at least 84 people died" in headline and "two thirds of them children" in headline
    assert "ما لا يقل عن 84 شخصا" in headline and "ثلثاهم أطفال" in headline


def test_every_figure_is_in_the_table(seed_report):
    import json

    page = seed_report.read_text(encoding="utf-8")
    data = json.loads((seed_report.parent / "extraction.json").read_text(encoding="utf-8"))
    for fig in data["figures"]:
        assert f'id="row-{fig["id"]}"' in page
