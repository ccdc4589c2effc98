"""Which figures each part of the report shows, and how figures hang together.

A figure can repeat an earlier one (the same eight dead, quoted again) or be a
part of another (two thirds of the 84 were children). The headline and chart
show each fact once; the narrative folds parts into the sentence of their whole;
the tables show everything.
"""

from __future__ import annotations

from .wording import is_people

# The kinds of events an analyst looks at first, in order; the headline takes
# the largest people-count of each group, up to three groups.
EVENT_GROUPS = (
    ("killed", "died"),
    ("displaced", "fled", "fleeing", "departed", "evacuated", "returned", "arrived"),
    ("sheltered", "in_need", "affected", "besieged"),
    ("wounded", "missing", "infected"),
    ("detained", "released", "exchanged", "rescued"),
)


def by_id(figures) -> dict:
    return {f.id: f for f in figures}


def original(fig, index: dict):
    """The first mention of a figure that repeats another (following chains)."""
    seen = set()
    while fig.repeats and fig.repeats in index and fig.id not in seen:
        seen.add(fig.id)
        fig = index[fig.repeats]
    return fig


def parent(fig, figures, index: dict | None = None):
    """The figure `fig` is a part of: its `part_of`, or for a share with none
    (ثلثاهم، نصفهم: "of them") the nearest count before it in its sentence."""
    index = index or by_id(figures)
    if fig.part_of and fig.part_of in index:
        return original(index[fig.part_of], index)
    if fig.kind == "fraction":
        before = [f for f in figures if f.end <= fig.start and f.kind == "count"
                  and f.sentence == fig.sentence and not f.repeats]
        if before:
            return max(before, key=lambda f: f.end)
    return None


def top_level(figures) -> list:
    """Figures that are neither a repeat nor a part of another, in article order."""
    index = by_id(figures)
    return [f for f in figures if not f.repeats and parent(f, figures, index) is None]


def _says(fig) -> tuple:
    return (fig.kind, fig.value, fig.low, fig.high, fig.qualifier, fig.unit, fig.event)


def parts(whole, figures) -> list:
    """The figures that are parts of `whole`, in article order, repeats left out:
    marked ones, and a part saying exactly what an earlier part said (the same
    six fighters, quoted again)."""
    index = by_id(figures)
    out, seen = [], set()
    for f in figures:
        if f is whole or f.repeats or parent(f, figures, index) is not whole:
            continue
        if _says(f) in seen:
            continue
        seen.add(_says(f))
        out.append(f)
    return out


def floor_value(fig) -> float:
    """What a figure says at least: its value, or the low bound of a vague one."""
    for v in (fig.value, fig.low, fig.high):
        if v is not None:
            return float(v)
    return 0.0


def key_figures(figures, limit: int = 3) -> list:
    """The headline: the largest people-count of each of the first event groups.

    Only counts of people with a point value qualify (a vague "dozens" is not a
    headline number); the chosen ones are shown largest first.
    """
    candidates = [f for f in top_level(figures)
                  if f.kind == "count" and is_people(f) and f.value is not None]
    chosen = []
    for group in EVENT_GROUPS:
        members = [f for f in candidates if f.event in group]
        if members:
            chosen.append(max(members, key=floor_value))
        if len(chosen) == limit:
            break
    return sorted(chosen, key=floor_value, reverse=True)


def chart_figures(figures) -> list:
    """The counts of the bar chart: every count once; a part only when it says
    something its whole does not (another event), not a breakdown of the same."""
    index = by_id(figures)
    shown = []
    for f in figures:
        if f.kind != "count" or f.repeats:
            continue
        whole = parent(f, figures, index)
        if whole is not None and whole.event == f.event:
            continue
        shown.append(f)
    return shown


def dated(figures) -> list:
    """Figures with a `when`, each fact once."""
    return [f for f in figures if f.when and not f.repeats]
