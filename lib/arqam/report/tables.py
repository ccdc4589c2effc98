"""The tables: every figure and every time with the sentence it came from, and provenance.

This is the part a careful reader checks the rest against, so it shows all
records, repeats and parts included, with the figure marked inside its sentence.
Each figure row has the id the headline and the narrative link to.
"""

from __future__ import annotations

from .html import Html, ar, en, esc, ltr
from .narrative import source_of
from .wording import (event_words, name_ar, qualifier_names, short, unit_words,
                      vague_words, when_phrase)


def _marked(sentence: str, article_text: str, start: int, end: int, text: str) -> str:
    """The sentence, escaped, with the record's words in <mark>."""
    if not sentence:
        return ar(text)
    base = article_text.rfind(sentence, 0, end)
    at = start - base if base >= 0 and 0 <= start - base <= len(sentence) - len(text) else -1
    if at < 0 or sentence[at:at + len(text)] != text:
        at = sentence.find(text)
    if at < 0:
        return ar(sentence)
    return (ar(sentence[:at]) + f"<mark>{ar(text)}</mark>" + ar(sentence[at + len(text):]))


def _value_cell(fig) -> str:
    q_en, q_ar = qualifier_names(fig.qualifier)
    words = vague_words(fig) if fig.qualifier == "vague" else None
    lead = f"{ar(words[1])} " if words else ""
    return (f'{lead}{ltr(short(fig))}<br><span class="q">{ar(q_ar)} · '
            f'<span lang="en" dir="ltr">{en(q_en)}</span></span>')


def _header(cells) -> str:
    return "<tr>" + "".join(
        f'<th scope="col">{ar(a)}<br><span class="en" lang="en" dir="ltr">{en(b)}</span></th>'
        for a, b in cells) + "</tr>"


def figures_table(extraction) -> str:
    art = extraction.article
    head = _header([("#", "id"), ("كما ورد", "as reported"), ("القيمة", "value"),
                    ("الحدث · المعدود", "event · unit"), ("المكان", "place"),
                    ("الزمن", "when"), ("المصدر", "source"), ("الجملة", "sentence")])
    rows = []
    for f in extraction.figures:
        notes = []
        if f.repeats:
            notes.append(f'{ar("يكرر")} <a href="#row-{esc(f.repeats)}">{ltr(f.repeats)}</a>')
        if f.part_of:
            notes.append(f'{ar("جزء من")} <a href="#row-{esc(f.part_of)}">{ltr(f.part_of)}</a>')
        event = event_words(f.event)
        unit = unit_words(f.unit)
        what = (f'{ar(event.ar_noun)} · {ar(unit.ar)}<br><span class="en" lang="en" dir="ltr">'
                f"{en(event.en_noun)} · {en(unit.en_many)}</span>")
        place = (f'{ar(name_ar(f.location))}<br><span class="en" lang="en" dir="ltr">'
                 f"{en(f.location)}</span>") if f.location else "—"
        when = ar(when_phrase(f.when, "ar", art.published) or f.when or "—")
        if f.when:
            when += f'<br><span class="en" lang="en" dir="ltr">{ltr(f.when)}</span>'
        source = source_of(f)
        src = (f'{ar(name_ar(source))}<br><span class="en" lang="en" dir="ltr">{en(source)}</span>'
               if source else ar("بلا مصدر"))
        rows.append(
            f'<tr id="row-{esc(f.id)}"><td class="id">{ltr(f.id)}'
            f'{"<br>" + "<br>".join(notes) if notes else ""}</td>'
            f'<td class="as">{ar(f.text)}</td><td class="val">{_value_cell(f)}</td>'
            f"<td>{what}</td><td>{place}</td><td>{when}</td><td>{src}</td>"
            f'<td class="sent">{_marked(f.sentence, art.text, f.start, f.end, f.text)}</td></tr>')
    if not rows:
        rows.append(f'<tr><td colspan="8">{ar("لا أرقام")} '
                    f'<span class="en" lang="en" dir="ltr">no figures</span></td></tr>')
    return (f'<table class="figures"><caption>{ar("كل الأرقام")} '
            f'<span class="en" lang="en" dir="ltr">Every figure</span></caption>'
            f"<thead>{head}</thead><tbody>{''.join(rows)}</tbody></table>")


def times_table(extraction) -> str:
    art = extraction.article
    head = _header([("#", "id"), ("كما ورد", "as reported"), ("النوع", "kind"),
                    ("القيمة", "value"), ("الجملة", "sentence")])
    rows = [f'<tr id="row-{esc(t.id)}"><td class="id">{ltr(t.id)}</td><td>{ar(t.text)}</td>'
            f"<td>{ltr(t.kind)}</td><td>{ltr(t.value or '—')}</td>"
            f'<td class="sent">{_marked(t.sentence, art.text, t.start, t.end, t.text)}</td></tr>'
            for t in extraction.times]
    if not rows:
        rows.append(f'<tr><td colspan="5">{ar("لا تواريخ")} '
                    f'<span class="en" lang="en" dir="ltr">no times</span></td></tr>')
    return (f'<table class="times"><caption>{ar("كل التواريخ والأوقات")} '
            f'<span class="en" lang="en" dir="ltr">Every time</span></caption>'
            f"<thead>{head}</thead><tbody>{''.join(rows)}</tbody></table>")


def tables(extraction) -> Html:
    heading = f'<h2>{ar("الجداول")} <span class="en" lang="en" dir="ltr">Tables</span></h2>'
    return Html(f'<section class="tables" id="tables" lang="ar" dir="rtl">{heading}'
                f'<div class="scroll">{figures_table(extraction)}</div>'
                f'<div class="scroll">{times_table(extraction)}</div></section>',
                f"{len(extraction.figures)} figures, {len(extraction.times)} times")


def provenance(extraction) -> Html:
    """Which file, which bytes (SHA-256), which date, which arqam: enough to redo it."""
    from .. import __version__

    art = extraction.article
    rows = [("الملف", "article file", ltr(art.name)),
            ("بصمة SHA-256", "SHA-256", f"<code>{ltr(art.sha256)}</code>"),
            ("تاريخ النشر", "published",
             ltr(art.published.isoformat()) if art.published else ar("غير معروف")),
            ("المصدر", "source", ar(art.source) if art.source else "—"),
            ("إصدار أرقام", "arqam version", ltr(__version__)),
            ("السجلات", "records",
             ltr(f"{len(extraction.figures)} figures, {len(extraction.times)} times"))]
    body = "".join(f'<tr><th scope="row">{ar(a)} <span class="en" lang="en" dir="ltr">'
                   f"{en(b)}</span></th><td>{c}</td></tr>" for a, b, c in rows)
    notes = "".join(f"<li>{ar(w)}</li>" for w in extraction.warnings)
    notes = f'<ul class="warnings">{notes}</ul>' if notes else ""
    heading = f'<h2>{ar("المصدر والإثبات")} <span class="en" lang="en" dir="ltr">Provenance</span></h2>'
    return Html(f'<section class="provenance" id="provenance" lang="ar" dir="rtl">{heading}'
                f'<table class="prov">{body}</table>{notes}</section>',
                f"{art.name} sha256={art.sha256}")
