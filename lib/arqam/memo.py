"""Tables kept per distinct word, with a bound on the memory they take.

News repeats its words, so what a word can begin (a time, a figure, a place, a
cue) is worked out once and kept in a table. An archive of many papers keeps
bringing new words (names, misspellings, numbers), so all such tables are
emptied together once WORD_LIMIT new words have been learnt: memory stays
bounded, and the words of the articles that follow are learnt again at once.
"""

from __future__ import annotations

from typing import TypeVar

WORD_LIMIT = 30_000

T = TypeVar("T", dict, set)
_TABLES: list = []


def per_word(table: T) -> T:
    """Register `table` (a dict or set keyed by word) to be emptied with the others."""
    _TABLES.append(table)
    return table


def forget_words() -> None:
    """Empty every per-word table. Call it between articles, never during one: a stage
    may count on its table knowing every word of the article it reads."""
    for table in _TABLES:
        table.clear()
