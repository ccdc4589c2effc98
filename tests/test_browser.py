"""The report in a real browser: Debian's chromium opens it from file://, offline.

It checks what a reader gets: a right-to-left Arabic page, the key figures with
their qualifiers on screen, the embedded fonts and charts loaded, links that land
on table rows, no console error, no request leaving file://, and an article's
<script> shown as text rather than run. A screenshot is saved beside each report.
`playwright install` cannot download here, so /usr/bin/chromium is driven
directly (installed by .ci/run: apt-get install chromium).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from report_support import ARGS, BROWSER_MARKS, CHROMIUM, SEED, extraction_json, json_file, write_article, write_gold_extraction

from arqam.runner import run_report

pytestmark = BROWSER_MARKS

HOSTILE = ("<script>window.__pwned = 1</script> عنوان <img src=x onerror=\"window.__pwned=2\">\n\n"
           "قالت الأمم المتحدة إن ما لا يقل عن 84 شخصا <script>window.__pwned=3</script> لقوا "
           "حتفهم.\n\nالمصدر: صحيفة\n")


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, timeout=60_000)
        yield chromium
        chromium.close()


class Visit:
    """A page opened from file://, with everything it logged and requested."""

    def __init__(self, browser, report: Path):
        self.page = browser.new_page(viewport={"width": 1100, "height": 900})
        self.page.set_default_timeout(30_000)
        self.console, self.errors, self.requests = [], [], []
        self.page.on("console", lambda m: self.console.append((m.type, m.text)))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.goto(report.as_uri(), wait_until="load")
        self.page.evaluate("document.fonts.ready.then(() => true)")
        self.screenshot = report.parent / "screenshot.png"
        self.page.screenshot(path=str(self.screenshot), full_page=True)


@pytest.fixture(scope="module")
def seed_visit(browser, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("browser")
    report = run_report(SEED, out=tmp / "seed",
                        extraction=write_gold_extraction(tmp / "gold.json"))
    visit = Visit(browser, report)
    yield visit
    visit.page.close()


@pytest.fixture(scope="module")
def hostile_visit(browser, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    article = write_article(tmp, "hostile.txt", HOSTILE)
    data = extraction_json(article, [{"text": "ما لا يقل عن 84 شخصا", "value": 84, "low": 84,
                                      "qualifier": "at_least", "event": "died"}])
    report = run_report(article, out=tmp / "out", extraction=json_file(tmp / "x.json", data))
    visit = Visit(browser, report)
    yield visit
    visit.page.close()


def test_page_is_right_to_left_arabic(seed_visit):
    page = seed_visit.page
    assert page.evaluate("document.documentElement.lang") == "ar"
    assert page.evaluate("getComputedStyle(document.documentElement).direction") == "rtl"
    assert page.evaluate("getComputedStyle(document.querySelector('table.figures')).direction") \
        == "rtl"
    assert page.evaluate("getComputedStyle(document.querySelector('.narrative-en')).direction") \
        == "ltr"


def test_key_figures_are_visible_with_their_qualifiers(seed_visit):
    page = seed_visit.page
    for sign in ("~52,000", "≥45,000", "≥84"):
        card = page.locator("#key-figures .card .big", has_text=sign)
        assert card.count() == 1 and card.is_visible(), sign
    assert page.get_by_text("two thirds of them children").first.is_visible()
    # The sign stays on the left of its number in the right-to-left page.
    left = page.evaluate("""() => {
        const big = [...document.querySelectorAll('#key-figures .big bdi')]
            .find(b => b.textContent === '≥45,000');
        const range = document.createRange();
        range.setStart(big.firstChild, 0); range.setEnd(big.firstChild, 1);
        const sign = range.getBoundingClientRect();
        range.setStart(big.firstChild, 1); range.setEnd(big.firstChild, 3);
        return sign.left < range.getBoundingClientRect().left;
    }""")
    assert left


def test_fonts_and_charts_are_embedded_and_load(seed_visit):
    page = seed_visit.page
    loaded = page.evaluate("[...document.fonts].filter(f => f.status === 'loaded')"
                           ".map(f => f.family.replace(/\"/g, ''))")
    assert "Noto Sans Arabic" in loaded
    sizes = page.evaluate("[...document.images].map(i => [i.complete, i.naturalWidth])")
    assert len(sizes) == 2 and all(done and width > 500 for done, width in sizes)


def test_nothing_leaves_file_and_nothing_complains(seed_visit):
    assert [u for u in seed_visit.requests if not u.startswith(("file://", "data:"))] == []
    assert [m for m in seed_visit.console if m[0] in ("error", "warning")] == []
    assert seed_visit.errors == []


def test_a_figure_link_lands_on_its_row(seed_visit):
    page = seed_visit.page
    page.locator("#narrative a[href='#row-f7']").first.click()
    assert page.evaluate("location.hash") == "#row-f7"
    assert page.locator("#row-f7").is_visible()
    page.evaluate("window.scrollTo(0, 0)")


def test_screenshot_is_saved_beside_the_report(seed_visit):
    shot = seed_visit.screenshot
    assert shot.exists() and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.parent == (shot.parent / "report.html").parent


def test_an_injected_script_does_not_run(hostile_visit):
    page = hostile_visit.page
    assert page.evaluate("typeof window.__pwned") == "undefined"
    body = page.inner_text("body")
    assert "<script>window.__pwned = 1</script>" in body
    assert '<img src=x onerror="window.__pwned=2">' in body
    assert page.evaluate("document.scripts.length") == 0
    assert hostile_visit.errors == []
    assert [u for u in hostile_visit.requests if not u.startswith(("file://", "data:"))] == []
