"""The headline block: the key figures "as of" the publication date, OCHA style.

Each card shows the number with its qualifier sign (≥45,000, ~52,000, ≥84), the
article's own words for it, the same in English, the share it breaks down into
(two thirds of them children), its time and its source; the card links to the
figure's row in the table. `select.key_figures` says which figures, and why.
"""

from __future__ import annotations

from . import select
from .html import Html, ar, en, esc, ltr
from .narrative import Writer, source_of, the
from .wording import as_of, name_ar, short, when_phrase


def _card(fig, extraction, lang: str) -> tuple[str, str]:
    shares = [p for p in select.parts(fig, extraction.figures) if p.kind == "fraction"]
    published = extraction.article.published
    rows = [f'<div class="big">{ltr(short(fig))}</div>']
    plain = [short(fig)]
    if lang in ("ar", "both"):
        text, markup = Writer(extraction, "ar").core(fig, shares)
        rows.append(f'<div class="what" lang="ar" dir="rtl">{markup}</div>')
        plain.append(text)
    if lang in ("en", "both"):
        text, markup = Writer(extraction, "en").core(fig, shares)
        rows.append(f'<div class="what en" lang="en" dir="ltr">{markup}</div>')
        plain.append(text)
    source = source_of(fig)
    src_ar = name_ar(source) if source else "المقال، من دون ذكر مصدر"
    src_en = the(source) if source else "the article, which names no source"
    line = f'<div class="src">{ar("المصدر: " + src_ar)}'
    if lang in ("en", "both"):
        line += f' <span class="en" lang="en" dir="ltr">{en("source: " + src_en)}</span>'
    rows.append(line + "</div>")
    when = when_phrase(fig.when, "ar", published)
    if when and lang == "ar":
        rows.append(f'<div class="when">{ar(when)}</div>')
    return (f'<div class="card" id="key-{esc(fig.id)}">{"".join(rows)}'
            f'<a class="to-row" href="#row-{esc(fig.id)}">{ar("في الجدول")}</a></div>',
            " | ".join(plain))


def headline(extraction, lang: str = "both") -> Html:
    """The key-figures block; on an article without figures, says so plainly."""
    published = extraction.article.published
    title_ar = "الأرقام الرئيسية"
    title_en = "Key figures"
    if published:
        title_ar += " " + as_of(published, "ar")
        title_en += " " + as_of(published, "en")
    keys = select.key_figures(extraction.figures)
    cards = [_card(f, extraction, lang) for f in keys]
    if cards:
        body = f'<div class="cards">{"".join(c[0] for c in cards)}</div>'
    elif extraction.figures:
        body = (f'<p class="none">{ar("لا عدد للأشخاص بقيمة محددة يصلح رقمًا رئيسيًا؛ الأرقام كلها في الجدول.")}'
                f' <span class="en" lang="en" dir="ltr">No count of people with a stated '
                f"value to headline; every figure is in the table.</span></p>")
    else:
        body = (f'<p class="none">{ar("لم يُعثر في هذا المقال على أرقام.")}'
                f' <span class="en" lang="en" dir="ltr">No figures were found in this '
                f"article.</span></p>")
    heading = f'<h2>{ar(title_ar)} <span class="en" lang="en" dir="ltr">{en(title_en)}</span></h2>'
    return Html(f'<section class="headline" id="key-figures" lang="ar" dir="rtl">{heading}'
                f"{body}</section>", "\n".join([title_en] + [c[1] for c in cards]))


def title(extraction) -> Html:
    """The page's title block: the article's own headline and where it comes from."""
    art = extraction.article
    first = next((line.strip() for line in art.text.splitlines() if line.strip()), art.name)
    meta = [art.source or "", art.published.isoformat() if art.published else ""]
    meta_html = " · ".join(ar(m) for m in meta if m)
    return Html(f'<header class="title" lang="ar" dir="rtl"><p class="kicker">'
                f'{ar("تقرير أرقام")} <span class="en" lang="en" dir="ltr">arqam report</span></p>'
                f"<h1>{ar(first)}</h1><p class=\"meta\">{meta_html}</p></header>", first)
