"""The report an analyst sends: figures, charts, narrative and tables of one article.

The library computes every part; notebooks/report.ipynb shows them in order and
the runner (arqam.runner) turns the executed notebook into one HTML page:

    >>> from arqam import report
    >>> r = report.build("seeds/000_83f14baadfbd0921.txt")
    >>> r.headline          # displays in a notebook; str() is its HTML

Importing this package loads neither matplotlib nor pandas nor anything from
the notebook world; a chart imports matplotlib when it is first drawn.
"""

from __future__ import annotations

from functools import cached_property

from .html import Html, ar

__all__ = ["Report", "build"]

LANGS = ("ar", "en", "both")


class Report:
    """The sections of one article's report, each computed on first use."""

    def __init__(self, extraction, lang: str = "both"):
        if lang not in LANGS:
            from ..errors import ArqamError

            raise ArqamError(f"lang {lang!r} is not one of ar, en, both")
        self.extraction = extraction
        self.lang = lang

    @cached_property
    def title(self) -> Html:
        from .headline import title

        return title(self.extraction)

    @cached_property
    def headline(self) -> Html:
        from .headline import headline

        return headline(self.extraction, self.lang)

    @cached_property
    def counts_chart(self):
        from .charts import counts_chart

        return counts_chart(self.extraction.figures)

    @cached_property
    def timeline_chart(self):
        from .charts import timeline_chart

        return timeline_chart(self.extraction.figures, self.extraction.article.published)

    def _chart_section(self, chart, name, title_ar, title_en, none_ar, none_en) -> Html:
        heading = f'<h2>{ar(title_ar)} <span class="en" lang="en" dir="ltr">{title_en}</span></h2>'
        body = chart._repr_html_() if chart is not None else (
            f'<p class="none">{ar(none_ar)} <span class="en" lang="en" dir="ltr">{none_en}</span></p>')
        return Html(f'<section class="chart-block" id="{name}" lang="ar" dir="rtl">{heading}{body}'
                    "</section>", title_en)

    @cached_property
    def counts(self) -> Html:
        return self._chart_section(self.counts_chart, "counts", "الأعداد بحسب الحدث",
                                   "Counts by event", "لا أعداد لرسمها.", "No counts to chart.")

    @cached_property
    def timeline(self) -> Html:
        return self._chart_section(self.timeline_chart, "timeline", "الخط الزمني",
                                   "Timeline", "لا أحداث مؤرخة.", "No dated events.")

    @cached_property
    def narrative(self) -> Html:
        from .narrative import narrative

        return narrative(self.extraction, self.lang)

    @cached_property
    def tables(self) -> Html:
        from .tables import tables

        return tables(self.extraction)

    @cached_property
    def provenance(self) -> Html:
        from .tables import provenance

        return provenance(self.extraction)

    def sections(self) -> list[Html]:
        """Every section in the order of the page."""
        return [self.title, self.headline, self.counts, self.timeline, self.narrative,
                self.tables, self.provenance]

    def save(self, folder) -> list:
        """Write figures.csv, times.csv, extraction.json and the chart PNGs into `folder`."""
        from .files import save

        return save(self, folder) if folder else []


def build(article, published=None, lang: str = "both", extraction=None) -> Report:
    """The report of an article file; `extraction` is an optional saved extraction JSON
    to use instead of running the extractor (one corrected by hand, a gold file)."""
    from .source import load

    return Report(load(article, published=published, extraction=extraction), lang)
