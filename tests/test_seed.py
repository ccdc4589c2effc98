"""The seed article against its hand-checked gold, field by field.

Every figure and time of the gold must come out with the same span, kind,
value, bounds and qualifier; unit and event must carry the gold's names;
places and sources must name the same entity; `when` must resolve the same.
Nothing may come out that the gold does not hold.
"""

import json
from pathlib import Path

import arqam
from scoring import FIGURE_ATTRS, score

SEED = Path(__file__).parent.parent / "seeds" / "000_83f14baadfbd0921.txt"
GOLD = json.loads(SEED.with_suffix(".gold.json").read_text(encoding="utf-8"))


def _result():
    return arqam.extract(arqam.read(SEED)).to_dict()


def test_seed_publication_date_is_read_from_the_sidecar():
    assert arqam.read(SEED).published.isoformat() == GOLD["published"]


def test_seed_figures_and_times_match_the_gold_field_by_field():
    s = score(GOLD, _result())
    print("\n".join(s.diffs))
    assert s.diffs == [], f"{len(s.diffs)} differences from the seed gold (printed above)"
    assert s.figures_matched == len(GOLD["figures"]) == 18
    assert s.times_matched == len(GOLD["times"]) == 16
    for attr in FIGURE_ATTRS:
        assert s.accuracy(attr) == 1.0, attr


def test_every_span_quotes_the_text_exactly():
    text = SEED.read_text(encoding="utf-8")
    result = _result()
    for item in result["figures"] + result["times"]:
        assert text[item["start"]:item["end"]] == item["text"]


def test_units_and_events_come_from_the_published_vocabulary():
    from arqam.lexicon import rows

    units = {r[0] for r in rows("units.tsv")} | {r[0] for r in rows("currencies.tsv")}
    events = {r[0] for r in rows("events.tsv")}
    for fig in _result()["figures"]:
        assert fig["unit"] is None or fig["unit"] in units, fig
        assert fig["event"] is None or fig["event"] in events, fig
    for fig in GOLD["figures"]:
        assert fig["unit"] in units and fig["event"] in events, fig
