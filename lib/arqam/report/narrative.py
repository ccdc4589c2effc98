"""The narrative: the figures told in sentences, in Arabic and in English.

Each sentence names its source ("According to the United Nations, ..."), keeps
each figure's qualifier ("at least 84", «ما لا يقل عن 84»), leaves a vague
figure vague ("dozens of"), and links every figure to its row in the table.
Numbers come only from the extraction: nothing is computed ("56 children" from
"two thirds of 84" would be a number the article never gave).

A sentence tells one fact: a figure with the parts that share its source
("..., two thirds of them children"); a part told by another source gets a
sentence of its own. The key figures come first, then the rest in article order.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import select
from .html import Html, ar, en, fig_link
from .wording import (ar_figure, en_figure, event_words, is_people, name_ar, place_phrase,
                      share_noun, when_phrase)


@dataclass
class Sentence:
    """One sentence of the narrative, as plain text and as HTML with its links."""

    text: str
    html: str
    figure_ids: tuple[str, ...]
    source: str


def source_of(fig) -> str | None:
    return fig.attributed_to or fig.speaker


_BODIES = ("nations", "observatory", "forces", "organisation", "organization", "ministry",
           "committee", "programme", "program", "office", "agency", "council", "army",
           "government", "crescent", "cross", "commission", "authority", "authorities",
           "coalition", "network", "defence", "defense", "police", "service", "department")


def the(name: str) -> str:
    """'United Nations' -> 'the United Nations'; a person's name stays as it is."""
    head = name.split("(")[0].strip().casefold().split()
    if head and head[0] != "the" and any(w in _BODIES for w in head):
        return "the " + name
    return name


def _fill(template: str, figure_text: str) -> str:
    return template.replace("{n}", figure_text)


class Writer:
    """Builds the sentences of one language; `lang` is 'en' or 'ar'."""

    def __init__(self, extraction, lang: str):
        self.result = extraction
        self.lang = lang
        self.figures = extraction.figures
        self.published = extraction.article.published
        self.paper = extraction.article.source

    # -- pieces ------------------------------------------------------------------
    def figure(self, fig) -> tuple[str, str]:
        """(text, html) of a figure with its qualifier, linked to its row."""
        if self.lang == "en":
            text = en_figure(fig)
            if fig.kind == "fraction":
                noun = share_noun(fig)
                text = f"{text} of them{(' ' + noun) if noun else ''}"
            return text, fig_link(fig.id, en(text))
        text = ar_figure(fig)
        return text, fig_link(fig.id, ar(text))

    def clause(self, fig, template_of) -> tuple[str, str]:
        text, markup = self.figure(fig)
        template = template_of(fig)
        marker = "\x00"
        body = _fill(template, marker)
        plain = body.replace(marker, text)
        escape = en if self.lang == "en" else ar
        head, _, tail = body.partition(marker)
        return plain, escape(head) + markup + escape(tail)

    def template(self, fig) -> str:
        words = event_words(fig.event)
        if self.lang == "en":
            return words.en
        return words.ar_people if is_people(fig) or fig.unit is None else words.ar_things

    def source_words(self, source: str | None) -> str:
        if self.lang == "en":
            if source:
                return f"According to {the(source)}, "
            paper = f" ({self.paper})" if self.paper else ""
            return f"According to the article{paper}, which names no source, "
        if source:
            return f"بحسب {name_ar(source)}، "
        paper = f" ({self.paper})" if self.paper else ""
        return f"بحسب المقال{paper}، من دون ذكر مصدر، "

    # -- a sentence ----------------------------------------------------------------
    def core(self, whole, parts) -> tuple[str, str]:
        """The fact without its source: figure, event, place, time, parts."""
        escape = en if self.lang == "en" else ar
        pieces = [self.clause(whole, self.template)]
        place = place_phrase(whole.location, whole.event, self.lang)
        when = when_phrase(whole.when, self.lang, self.published)
        for extra in (place, when):
            if extra:
                pieces.append((" " + extra, escape(" " + extra)))
        for part in parts:
            pieces.append(self.part(part, whole))
        return "".join(p[0] for p in pieces), "".join(p[1] for p in pieces)

    def sentence(self, whole, parts) -> Sentence:
        escape = en if self.lang == "en" else ar
        source = source_of(whole)
        lead = self.source_words(source)
        text, markup = self.core(whole, parts)
        return Sentence(lead + text + ".", escape(lead) + markup + ".",
                        (whole.id, *(p.id for p in parts)), source or "")

    def part(self, part, whole) -> tuple[str, str]:
        escape = en if self.lang == "en" else ar
        sep = ", " if self.lang == "en" else "، "
        if part.kind == "fraction":
            text, markup = self.figure(part)
            return sep + text, escape(sep) + markup
        lead = "including " if self.lang == "en" else ("منهم " if is_people(whole) else "منها ")
        template = self.template(part)
        if part.event and part.event != whole.event and template.startswith("{n} "):
            text, markup = self.clause(part, self._part_template)
            place = place_phrase(part.location, part.event, self.lang)
            if place and part.location != whole.location:
                text, markup = text + " " + place, markup + escape(" " + place)
            when = when_phrase(part.when, self.lang, self.published)
            if when and part.when != whole.when:
                text, markup = text + " " + when, markup + escape(" " + when)
        else:
            text, markup = self.figure(part)
            if part.event and part.event != whole.event:      # said by its event's name
                words = event_words(part.event)
                noun = f" ({words.en_noun if self.lang == 'en' else words.ar_noun})"
                text, markup = text + noun, markup + escape(noun)
        return sep + lead + text, escape(sep + lead) + markup

    def _part_template(self, fig) -> str:
        template = self.template(fig)
        if self.lang == "en" and template.startswith("{n} "):
            return "{n} who " + template[4:]
        return template


def sentences(extraction, lang: str) -> list[Sentence]:
    """The narrative of one language ('ar' or 'en'), key figures first."""
    writer = Writer(extraction, lang)
    figures = extraction.figures
    keys = select.key_figures(figures)
    tops = select.top_level(figures)
    order = keys + [f for f in tops if f not in keys]
    out = []
    for whole in order:
        parts = []
        for part in select.parts(whole, figures):
            if source_of(part) in (None, source_of(whole)) or part.kind == "fraction":
                parts.append(part)
        out.append(writer.sentence(whole, parts))
        for part in select.parts(whole, figures):
            if part not in parts:
                out.append(writer.sentence(part, []))
    return out


def narrative(extraction, lang: str = "both") -> Html:
    """The narrative section: Arabic, English, or both, one paragraph each."""
    blocks = []
    plain = []
    empty = not extraction.figures
    for code, wrap, none, direction in (
            ("ar", ar, "لم يُعثر في المقال على أرقام تُروى.", "rtl"),
            ("en", en, "The article gives no figures to tell.", "ltr")):
        if lang not in (code, "both"):
            continue
        if empty:
            body = f"<p>{wrap(none)}</p>"
        else:
            said = sentences(extraction, code)
            body = "".join(f'<p class="s">{s.html}</p>' for s in said)
            plain += [s.text for s in said]
        blocks.append(f'<div class="narrative-{code}" lang="{code}" dir="{direction}">{body}</div>')
    title = ar("الرواية") + ' <span class="en" lang="en" dir="ltr">Narrative</span>'
    return Html(f'<section class="narrative" id="narrative" lang="ar" dir="rtl">'
                f"<h2>{title}</h2>{''.join(blocks)}</section>", "\n".join(plain))

