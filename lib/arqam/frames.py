"""pandas views of an extraction; the only module that imports pandas."""

from __future__ import annotations

import pandas as pd

from .model import Figure, Time

_FIGURE_DTYPES = {
    "id": "string", "text": "string", "start": "Int64", "end": "Int64",
    "kind": "string", "value": "Float64", "low": "Float64", "high": "Float64",
    "qualifier": "string", "unit": "string", "event": "string",
    "subject": "string", "location": "string", "attributed_to": "string",
    "when": "string", "part_of": "string", "repeats": "string",
    "speaker": "string", "sentence": "string",
}
_TIME_DTYPES = {
    "id": "string", "text": "string", "start": "Int64", "end": "Int64",
    "kind": "string", "value": "string", "sentence": "string",
}


def _frame(rows: list[dict], dtypes: dict[str, str]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=list(dtypes))
    return frame.astype(dtypes)


def figures_frame(figures: list[Figure]) -> pd.DataFrame:
    return _frame([f.to_dict() for f in figures], _FIGURE_DTYPES)


def times_frame(times: list[Time]) -> pd.DataFrame:
    return _frame([t.to_dict() for t in times], _TIME_DTYPES)
