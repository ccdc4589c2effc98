"""The negative corpus: strings that hold no figure must yield none.

Years, clock times, day numbers, page numbers, identifiers, phone numbers,
names such as كوفيد-19, and words that only look like numbers.
"""

from pathlib import Path

import pytest

import arqam

LINES = [line for line in (Path(__file__).parent / "negatives.txt").read_text(encoding="utf-8").splitlines()
         if line.strip() and not line.startswith("#")]


@pytest.mark.parametrize("text", LINES)
def test_no_figure(text):
    figures = arqam.extract(arqam.from_text(text, "2024-05-15")).figures
    assert [f.text for f in figures] == []


def test_seed_non_figures_stay_out():
    seed = Path(__file__).parent.parent / "seeds" / "000_83f14baadfbd0921.txt"
    texts = [f.text for f in arqam.extract(arqam.read(seed)).figures]
    for not_a_figure in ("2014", "السادسة", "16.00", "20", "السابع", "8"):
        assert not any(t == not_a_figure or t.startswith(not_a_figure + " ") for t in texts)
