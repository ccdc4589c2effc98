"""The fast paths give what their plain definitions give.

Folding, tokenizing, sentence ends, lone tokens, quotation marking, clause
bounds and phrase matching each have a quick form for speed (see
bench/throughput.py). Here each is checked against the straightforward form it
replaces: on every article of the corpus, on the phrases of every lexicon
table, and on generated text that mixes scripts, marks and quotation signs. The tables kept per word (memo.py) change no
result, whatever they remember, and stay within their limit. Extraction
pauses the cyclic collector and leaves it as it found it.
"""

from __future__ import annotations

import gc
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import arqam
from arqam import normalize
from arqam.document import Document
from arqam.lexicon import TOKEN, Phrases, lexicon, stripped, tokens_of
from arqam.normalize import Normalized

ROOT = Path(__file__).resolve().parents[1]
PATHS = sorted((ROOT / "tests" / "corpus").glob("*.txt")) + sorted((ROOT / "seeds").glob("*.txt"))
ARTICLES = [p.read_text(encoding="utf-8") for p in PATHS]

PLAIN_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+|[^\w\s]")
PIECES = ["قال", "إن", "52", "ألفاً", "٣٠٠", "1,200", "abc", "Ünïcode", "پاکستان", "ٹ", "ـ",
          "،", ".", "!", "؟", "?!", "...", "\t", "«", "»", "“", "”", '"', "\n", " ", "\u00a0", "\u2028", "\u3000", "\x0c", "_", "x2", "٥٣ألف", "ً", "۱۲"]
texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


PLAIN_SENTENCE_END = re.compile(r"[.!?؟]+(?=[\s»\"”)]|$)")
PLAIN_ALONE = re.compile(r"^[ \t]*(\S+)[ \t]*$", re.M)
PLAIN_SOURCE = re.compile(r"^[ \t]*المصدر[ \t]*[:：].*$", re.M)


def plain_source_line(doc: Document, text: str) -> set[int]:
    return {k for m in PLAIN_SOURCE.finditer(text) for k, a in enumerate(doc.starts)
            if m.start() <= a < m.end()}


def plain_sentences(doc: Document, text: str) -> list[tuple[int, int]]:
    cuts = [m.end() for m in PLAIN_SENTENCE_END.finditer(text)]
    cuts += [m.end() for m in re.finditer("\n", text)]
    return doc._runs(sorted(set(cuts)))


def plain_alone(doc: Document, text: str) -> set[int]:
    """Every line matched; kept when its one run of non-space is one token."""
    out = set()
    for m in PLAIN_ALONE.finditer(text):
        toks = [k for k, (a, b) in enumerate(zip(doc.starts, doc.ends))
                if a >= m.start(1) and b <= m.end(1)]
        if len(toks) == 1:
            out.add(toks[0])
    return out


def plain_quotes(doc: Document) -> list[bool]:
    """Every token visited in turn; a quotation left open closes at its line's end."""
    depth, straight, flags, line = 0, False, [], 0
    for word, this_line in zip(doc.words, doc.line_of):
        if this_line != line:
            depth, straight, line = 0, False, this_line
        if word in "«“":
            depth += 1
            flags.append(True)
        elif word in "»”":
            depth = max(0, depth - 1)
            flags.append(True)
        elif word == '"':
            straight = not straight
            flags.append(True)
        else:
            flags.append(depth > 0 or straight)
    return flags


def plain_match(phrases: Phrases, words: list[str], i: int, clitics: bool = True):
    """The longest phrase at words[i], trying the word as written, then without each
    proclitic, and each head's phrases longest first."""
    if not 0 <= i < len(words):
        return None
    heads = stripped(words[i]) if clitics else [(words[i], 0)]
    for head, cut in heads:
        for toks, payload in phrases.by_first.get(head, ()):
            if tuple(words[i + 1:i + len(toks)]) == toks[1:]:
                return payload, i + len(toks), cut
    return None


def test_fold_replaces_as_translate_would():
    table = str.maketrans(normalize._FOLD)
    for text in ARTICLES:
        assert normalize._replaced(text) == text.translate(table)


def test_tokens_of_every_article_are_the_plain_tokens():
    for text in ARTICLES:
        folded = Normalized.of(text).text
        doc = Document.of(Normalized.of(text))
        plain = [(m.group(), m.start(), m.end()) for m in PLAIN_TOKEN.finditer(folded)]
        assert list(zip(doc.words, doc.starts, doc.ends)) == plain


@settings(max_examples=500, deadline=None, derandomize=True)
@given(texts)
def test_tokens_and_quotes_of_mixed_text(text):
    folded = Normalized.of(text).text
    assert TOKEN.findall(folded) == PLAIN_TOKEN.findall(folded)
    doc = Document.of(Normalized.of(text))
    assert [folded[a:b] for a, b in zip(doc.starts, doc.ends)] == doc.words
    assert doc.quoted == plain_quotes(doc)
    assert doc.sentence_bounds == plain_sentences(doc, folded)
    assert doc.alone_on_line() == plain_alone(doc, folded)


@pytest.mark.parametrize("text", ["8\nنص", "نص\n  8 \nنص", "8 _\nنص", "_8\nنص", "\x0b8\nنص",
                                  "(8)\nنص", "نص\n8", "8؟ نص", "نص...\n", "قال: «نعم!» ثم",
                                  "نص\nالمصدر: الحياة", "المصدر : «النهار»\nنص المصدر: لا",
                                  "نص\n\tالمصدر：وكالة\nالمصدر", "قال المصدر: نعم"])
def test_sentences_lone_tokens_and_source_lines_at_the_edges(text):
    doc = Document.of(Normalized.of(text))
    assert doc.sentence_bounds == plain_sentences(doc, doc.norm.text)
    assert doc.alone_on_line() == plain_alone(doc, doc.norm.text)
    assert doc.source_line() == plain_source_line(doc, doc.norm.text)


def test_quotes_sentences_and_lone_tokens_of_every_article():
    for text in ARTICLES:
        doc = Document.of(Normalized.of(text))
        assert doc.quoted == plain_quotes(doc)
        assert doc.sentence_bounds == plain_sentences(doc, doc.norm.text)
        assert doc.alone_on_line() == plain_alone(doc, doc.norm.text)
        assert doc.source_line() == plain_source_line(doc, doc.norm.text)


def _tables() -> dict[str, Phrases]:
    lex = lexicon()
    tables = {"places": lex.places, "sources": lex.sources, "events": lex.events,
              "months": lex.months, "relative": lex.relative, "durations": lex.durations,
              "holidays": lex.holidays, "weekdays": lex.weekdays, "units": lex.units,
              "vague": lex.vague, "series": lex.series, "noncount": lex.noncount,
              "currencies": lex.currencies, "descriptive": lex.descriptive}
    tables.update({f"qualifiers {k}": v for k, v in lex.qualifiers.items()})
    tables.update({f"attribution {k}": v for k, v in lex.attribution.items()})
    return tables


def test_match_agrees_with_the_plain_search_on_every_phrase():
    """Each phrase of each table, alone, with a proclitic, cut short, and followed by the
    next phrase: the indexed match and the plain search give the same answer."""
    checked = 0
    for name, phrases in _tables().items():
        entries = [toks for group in phrases.by_first.values() for toks, _p in group]
        for k, toks in enumerate(entries):
            following = entries[(k + 1) % len(entries)]
            for words in (list(toks), ["و" + toks[0], *toks[1:]], list(toks[:-1]) or ["x"],
                          [*toks, *following], ["في", *toks]):
                for i in range(len(words)):
                    for clitics in (True, False):
                        fast = phrases.match(words, i, clitics)
                        plain = plain_match(phrases, words, i, clitics)
                        assert fast == plain, (name, words, i, clitics, fast, plain)
                        checked += 1
    print(f"{checked:,} look-ups agree")
    assert checked > 10_000


def test_match_on_every_article():
    tables = _tables()
    for text in ARTICLES:
        words = Document.of(Normalized.of(text)).words
        for phrases in tables.values():
            for i in range(len(words)):
                assert phrases.match(words, i) == plain_match(phrases, words, i)


def test_tokens_of_a_phrase_are_the_plain_tokens():
    for phrases in _tables().values():
        for toks, _payload in (e for group in phrases.by_first.values() for e in group):
            assert tokens_of(" ".join(toks)) == tuple(PLAIN_TOKEN.findall(" ".join(toks)))


def test_clause_bounds_are_the_walk_to_the_nearest_marks():
    marks = {"،", ",", "؛", ";", ":", "«", "»", "(", ")", "\"", "“", "”"}
    for text in ARTICLES + ["«قال: 3، (4) 5» ؛ 6", "،،", "واحد"]:
        doc = Document.of(Normalized.of(text))
        for t in range(len(doc.words)):
            s0, s1 = doc.sentence_bounds[doc.sentence_of[t]]
            a = t
            while a > s0 and doc.words[a - 1] not in marks:
                a -= 1
            b = t
            while b < s1 and doc.words[b] not in marks:
                b += 1
            assert doc.clause_bounds(t) == (a, b), (text, t)


def test_results_do_not_depend_on_what_the_word_tables_remember(monkeypatch):
    """The per-word tables are emptied when they grow (memo.WORD_LIMIT): with a tiny
    limit, forgetting between nearly every article, and in reverse order, the results
    are the same, and the tables stay within the limit and one article's words."""
    import arqam
    from arqam import memo
    from arqam.extract import _LEARNED

    def results(texts):
        return [arqam.extract(arqam.from_text(t, "2019-03-05")).to_json() for t in texts]

    first = results(ARTICLES)
    monkeypatch.setattr(memo, "WORD_LIMIT", 50)
    memo.forget_words()
    largest = max(len(set(Document.of(Normalized.of(t)).words)) for t in ARTICLES)
    again = []
    for text in reversed(ARTICLES):
        again.append(results([text])[0])
        assert len(_LEARNED) <= 50 + largest
    assert again[::-1] == first


def _word_keyed_sizes() -> dict[str, int]:
    """Sizes of the dicts and sets held at module level in arqam and in the lexicon's
    phrase tables: wherever a table kept per word could grow."""
    import sys

    from arqam.lexicon import Lexicon

    sizes = {}
    for name, module in list(sys.modules.items()):
        if name.startswith("arqam"):
            for attr, value in vars(module).items():
                if isinstance(value, (dict, set)):
                    sizes[f"{name}.{attr}"] = len(value)
    for attr, value in vars(lexicon()).items():
        tables = value.values() if isinstance(value, dict) else [value]
        for k, table in enumerate(tables):
            if isinstance(table, Phrases):
                for memo_name in ("_heads", "_starts"):
                    sizes[f"{Lexicon.__name__}.{attr}[{k}].{memo_name}"] = len(getattr(table, memo_name))
    return sizes


def test_word_tables_stay_within_their_limit(monkeypatch):
    """Texts of new words, 3,000 of them: no table keyed by word grows past the limit
    and what one article brings."""
    import random

    import arqam
    from arqam import memo

    monkeypatch.setattr(memo, "WORD_LIMIT", 200)
    memo.forget_words()
    arqam.extract(arqam.from_text(ARTICLES[-1], "2019-03-05"))
    before = _word_keyed_sizes()
    rng = random.Random(7)
    letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
    for _ in range(30):
        words = ["".join(rng.choice(letters) for _ in range(rng.randint(3, 7))) for _ in range(100)]
        arqam.extract(arqam.from_text(" ".join(words) + " قتل 5 أشخاص.", "2019-03-05"))
    grown = {name: size - before.get(name, 0) for name, size in _word_keyed_sizes().items()}
    # a word may be kept with its forms (وقال: قال), and one article's words on top of the limit
    too_big = {name: n for name, n in grown.items() if n > 4 * (200 + 110)}
    assert not too_big, too_big


def test_extract_leaves_the_cycle_collector_as_it_found_it():
    article = arqam.from_text("قتل 3 أشخاص أمس.", "2019-03-05")
    assert gc.isenabled()
    arqam.extract(article)
    assert gc.isenabled()
    gc.disable()
    try:
        arqam.extract(article)
        assert not gc.isenabled()
    finally:
        gc.enable()
    with pytest.raises(AttributeError):
        arqam.extract(None)  # not an article: the error passes through, the collector resumes
    assert gc.isenabled()
