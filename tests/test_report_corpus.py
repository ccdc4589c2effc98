"""Every development-corpus article's gold makes a whole report that keeps its promises.

The sections are built in-process from each gold file (no notebook run): headline,
charts, narrative and tables must not fail on any article, must keep every
qualifier, and must not invent a number.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from report_support import ROOT
from test_narrative import check

import arqam
from arqam.report import Report, wording
from arqam.report.source import load_extraction

CORPUS = sorted((ROOT / "tests" / "corpus").glob("*.gold.json"))


def article_of(gold: Path) -> Path:
    return gold.with_name(gold.name[:-len(".gold.json")] + ".txt")


@pytest.mark.parametrize("gold", CORPUS, ids=lambda p: p.name[:-len(".gold.json")])
def test_gold_report_builds_and_keeps_every_qualifier(gold):
    result = load_extraction(gold, arqam.read(article_of(gold)))
    check(result)
    report = Report(result)
    page = "".join(str(section) for section in (report.headline, report.narrative,
                                                report.tables, report.provenance))
    for fig in result.figures:
        assert f'id="row-{fig.id}"' in page
        shown = wording.short(fig).replace("<", "&lt;").replace(">", "&gt;")
        assert shown in page, (fig.id, shown)
    for chart in (report.counts_chart, report.timeline_chart):
        if chart is not None:
            assert chart.png[:4] == b"\x89PNG"
