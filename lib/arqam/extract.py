"""From an Article to its Extraction: the pipeline, start to end.

    read → fold (normalize) → tokens, sentences, quotations (document)
         → times (times) and figures (figures) found on the tokens
         → places, sources, events and attribution (context)
         → each figure's attributes (assign) → records with original offsets
"""

from __future__ import annotations

import datetime as dt
import gc
from bisect import bisect_left
from contextlib import contextmanager
from typing import Iterator

from . import memo, numbers
from .assign import Assigner
from .context import Context
from .document import Document
from .figures import FigureFinder
from .lexicon import lexicon, unseen
from .memo import per_word
from .model import Extraction, Figure, Time
from .times import Resolver, TimeFinder, TimeMention


_LEARNED: set[str] = per_word(set())  # words every per-word table of the stages knows


def extract(article, prefer: str = "past") -> Extraction:
    """Every figure and time expression of `article`.

    `prefer` decides a bare weekday or month: "past" (news report on what
    happened, the default) or "future" (an announcement of what will).
    """
    with _cycle_collector_paused():
        return _extract(article, prefer)


@contextmanager
def _cycle_collector_paused() -> Iterator[None]:
    """A long text builds hundreds of thousands of objects that all live until its end
    and form no cycles; the cyclic collector would walk them all again and again (a
    tenth of the time on 1 MB). Reference counting still frees everything; the
    collector resumes, if it was on, as soon as the text is done."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _extract(article, prefer: str) -> Extraction:
    doc = Document.of(article.normalized)
    numbers.remember(doc.words)
    result = Extraction(article=article)
    if not doc.words:
        return result

    # The words met for the first time: each stage adds them to its per-word table, so
    # that the others need not be sought word by word in every table.
    if len(_LEARNED) > memo.WORD_LIMIT:
        memo.forget_words()
    fresh = unseen(doc.words, _LEARNED)
    ctx = Context(doc, [], [], article.published, text=article.text)
    ctx.scan(fresh)
    names = ctx.name_tokens() | doc.source_line()
    times = TimeFinder(doc.words, names, fresh).find()
    for t in times:
        t.in_quote = doc.quoted[t.start]
    timed = {k for t in times if t.kind != "now" for k in range(t.start, t.end)}
    ctx.drop_places(timed)  # آب is August, not the Yemeni city إب
    figures = FigureFinder(doc.words, names | timed, doc.alone_on_line(), doc.line_of,
                           ctx.place_tokens(), fresh).find()
    ctx.drop_places({k for f in figures for k in range(f.start, f.end)})  # عشرات الخيام: tents
    ctx.times, ctx.figures = times, figures
    country = _main_country(ctx)
    _resolve_times(ctx, article.published, prefer, country)
    ctx.attribute(fresh)
    _LEARNED.update(fresh)
    attributes = Assigner(ctx, report_day(times, article.published)).run()

    text = article.text
    said: dict[int, str] = {}  # each sentence's text, cut once

    def sentence(s0: int, s1: int) -> str:
        if s0 not in said:
            said[s0] = _sentence_text(doc, text, s0, s1)
        return said[s0]

    for n, (fig, att) in enumerate(zip(figures, attributes), 1):
        start, end = doc.span(fig.start, fig.end, fig.cut)
        s0, s1 = doc.sentence_bounds[doc.sentence_of[fig.start]]
        unit = att.unit if fig.bare_currency is None else _currency(fig.bare_currency, country)
        result.figures.append(Figure(
            text=text[start:end], start=start, end=end, kind=fig.kind, value=fig.value,
            low=fig.low, high=fig.high, qualifier=fig.qualifier, unit=unit, event=att.event,
            subject=None, location=att.location, attributed_to=att.attributed_to,
            when=att.when, id=f"f{n}", sentence=sentence(s0, s1),
            part_of=f"f{att.part_of + 1}" if att.part_of is not None else None,
            repeats=f"f{att.repeats + 1}" if att.repeats is not None else None,
            speaker=att.speaker))
    n = 0
    for t in times:
        if t.kind == "now":
            continue
        n += 1
        start, end = doc.span(t.start, t.end, t.cut)
        s0, s1 = doc.sentence_bounds[doc.sentence_of[t.start]]
        result.times.append(Time(text=text[start:end], start=start, end=end, kind=t.kind,
                                 value=t.value, id=f"t{n}",
                                 sentence=sentence(s0, s1)))
    if article.published is None and any(t.rel or t.weekday or (t.month and not t.year)
                                          for t in times if t.kind != "now"):
        result.warnings.append("no publication date (--published YYYY-MM-DD): relative times "
                               "such as امس keep value null")
    return result


def _sentence_text(doc: Document, text: str, s0: int, s1: int) -> str:
    start, end = doc.span(s0, s1)
    return text[start:end].strip()


def report_day(times: list[TimeMention], published: dt.date | None) -> dt.date | None:
    """The day the reported events happened: the day of امس when the article says it
    outside a quotation (a paper reports yesterday's news), else the publication date."""
    if published is None:
        return None
    if any(t.rel == ("day", -1) and not t.in_quote for t in times):
        return published - dt.timedelta(days=1)
    return published


def _resolve_times(ctx: Context, published: dt.date | None, prefer: str,
                   main: str | None) -> None:
    doc, times = ctx.doc, ctx.times
    explicit_years: list[tuple[int, int, int]] = []  # (sentence, month, year) of dated mentions
    said_on = report_day(times, published)

    def speech_day(m: TimeMention):
        return said_on

    def year_hint(m: TimeMention):
        """The year of the same month named with its year a sentence or two before."""
        s = doc.sentence_of[m.start]
        for sentence, month, year in reversed(explicit_years):
            if s - sentence <= 2 and month == m.month:
                return year
        return None

    order = {id(t): k for k, t in enumerate(times)}
    starts = [t.start for t in times]
    countries = lexicon().countries
    known = [p for p in ctx.places if p.country in countries]
    known_starts = [p.start for p in known]

    def zone(m: TimeMention):
        """The time zone of the country the article is about (else of the place named last
        before the clock time): a story's clock times are local to it."""
        country = main
        if country is None:
            k = bisect_left(known_starts, m.start)
            country = known[k - 1].country if k else None
        return countries.get(country, (None, None))[1] if country else None

    def day_of(m: TimeMention):
        """A clock's day: a date named just before it (this or the last sentence)."""
        s = doc.sentence_of[m.start]
        k = order.get(id(m))
        if k is None:  # a part of a joined interval
            k = bisect_left(starts, m.start)
        for t in reversed(times[max(0, k - 8):k]):
            if t.span and t.kind == "date" and 0 <= s - doc.sentence_of[t.start] <= 1:
                return t.span[0]
        return said_on

    gmt_pair = {}
    for a, b in zip(times, times[1:]):
        if a.kind == "time" and b.kind == "time" and a.zone is None and b.zone == "Z" \
                and b.start - a.end <= 3:
            gmt_pair[id(a)] = b
    resolver = Resolver(published, prefer, speech_day, year_hint, zone, day_of, gmt_pair)
    for m in times:
        resolver.resolve(m)
        if m.year and m.kind in ("date", "month") and not m.hijri:
            explicit_years.append((doc.sentence_of[m.start], m.month, m.year))


def _main_country(ctx: Context) -> str | None:
    """The country the article names most; the first named of those tied."""
    counts: dict[str, int] = {}
    for p in ctx.places:
        if p.country and p.country != "-":
            counts[p.country] = counts.get(p.country, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None


def _currency(bare: str, country: str | None) -> str | None:
    options = lexicon().bare_currency.get(bare) or []
    for code, where in options:
        if where == country:
            return code
    return options[0][0] if options else None
