"""Giving each figure its event, unit, place, source and time.

Order of search for every attribute: the figure's own words (قتلى is an
event), its territory (the stretch of its sentence between the neighbouring
figures), the figure it belongs to (بينهم، ثلثاهم) or repeats, its sentence,
and for place and source the sentences just before.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .context import Context
from .figures import FigureMention
from .times import TimeMention

_CASUALTY_EVENTS = {"killed", "died", "wounded", "missing", "displaced", "fled", "fleeing",
                    "departed", "returned", "detained", "released", "sheltered", "besieged",
                    "affected", "rescued", "evacuated", "infected", "recovered", "arrived",
                    "in_need", "exchanged"}
_CARRY_SENTENCES = 3


@dataclass
class Attributes:
    event: str | None = None
    unit: str | None = None
    location: str | None = None
    attributed_to: str | None = None
    speaker: str | None = None
    when: str | None = None
    part_of: int | None = None
    repeats: int | None = None


def _meaning(meanings, fig: FigureMention) -> str | None:
    """The first sense of an event word that fits the figure's kind."""
    for name, applies in meanings:
        if applies == fig.kind or (applies == "any" and fig.kind in ("count", "ordinal", "fraction",
                                                                       "percent")):
            return name
    return None


class Assigner:
    def __init__(self, ctx: Context, narrative_day):
        self.ctx = ctx
        self.doc = ctx.doc
        self.figs = ctx.figures
        self.narrative_day = narrative_day
        self.out = [Attributes() for _ in self.figs]

    def run(self) -> list[Attributes]:
        self._link()
        for k in range(len(self.figs)):
            self._event(k)
        for k in range(len(self.figs)):
            self._unit(k)
            self._location(k)
            self._source(k)
        for k in range(len(self.figs)):
            self._when(k)
        for k in self._order_by_links():
            self._inherit(k)
        return self.out

    # ---------------------------------------------------------------- links
    def _sentence(self, k: int) -> int:
        return self.doc.sentence_of[self.figs[k].start]

    def _link(self) -> None:
        for k, fig in enumerate(self.figs):
            if (fig.subset or fig.share) and k > 0:
                for h in range(k - 1, -1, -1):
                    if self._sentence(h) >= self._sentence(k) - 1 and self.figs[h].kind != "ordinal":
                        self.out[k].part_of = h
                        break
        for k, fig in enumerate(self.figs):
            if fig.value is None or self.out[k].part_of is not None:
                continue
            for h in range(k - 1, -1, -1):
                other = self.figs[h]
                if self._sentence(k) - self._sentence(h) > 3:
                    break
                if self._sentence(h) == self._sentence(k):
                    continue
                if other.value == fig.value and other.qualifier == fig.qualifier \
                        and other.kind == fig.kind:
                    self.out[k].repeats = h
                    break

    def _order_by_links(self):
        return range(len(self.figs))

    def _head(self, k: int) -> int | None:
        a = self.out[k]
        return a.part_of if a.part_of is not None else a.repeats

    # ------------------------------------------------------------ territory
    def _territory(self, k: int) -> tuple[int, int]:
        s0, s1 = self.doc.sentence_bounds[self._sentence(k)]
        a = self.figs[k - 1].end if k > 0 and self._sentence(k - 1) == self._sentence(k) else s0
        b = self.figs[k + 1].start if k + 1 < len(self.figs) and self._sentence(k + 1) == self._sentence(k) else s1
        return a, b

    def _group(self, k: int) -> list[int]:
        """The figure, the figure it belongs to and the others that belong to it."""
        root = k
        while self.out[root].part_of is not None:
            root = self.out[root].part_of
        members = [root]
        for j in range(len(self.figs)):
            r = j
            while self.out[r].part_of is not None:
                r = self.out[r].part_of
            if r == root and j != root:
                members.append(j)
        return sorted(members)

    @staticmethod
    def _nearest(items, fig: FigureMention, a: int, b: int, prefer_before: bool = False):
        """The item (start, end, …) in [a, b) nearest the figure; ties go before."""
        best, best_d = None, None
        for item in items:
            start, end = item[0], item[1]
            if start < a or end > b or (fig.start <= start < fig.end):
                continue
            d = fig.start - end if end <= fig.start else start - fig.end
            d = d * 2 + (1 if end > fig.start and not prefer_before else 0)
            if prefer_before and end > fig.start:
                d += 1000
            if best_d is None or d < best_d:
                best, best_d = item, d
        return best

    # ---------------------------------------------------------------- event
    def _event(self, k: int) -> None:
        fig = self.figs[k]
        events = [(a, b, name) for a, b, meanings in self.ctx.events
                  if (name := _meaning(meanings, fig)) is not None]
        own = [e for e in events if fig.start <= e[0] < fig.end]
        if own:
            self.out[k].event = own[-1][2]
            return
        found = self._nearest(events, fig, *self._territory(k))
        head = self.out[k].part_of
        if found is None and head is not None and self.out[head].event:
            self.out[k].event = self.out[head].event
            return
        if found is None:
            found = self._nearest(events, fig, *self.doc.sentence_bounds[self._sentence(k)])
        if found is not None:
            self.out[k].event = found[2]

    # ----------------------------------------------------------------- unit
    def _unit(self, k: int) -> None:
        fig = self.figs[k]
        if fig.unit == "degree" and self._sentence_has_event(k, "magnitude"):
            self.out[k].unit = "richter"
            return
        if fig.unit and fig.unit != "*":
            self.out[k].unit = fig.unit
            return
        if fig.kind != "count":
            return
        head = self._head(k)
        while head is not None:  # up through shares (نصفهم) to the figure that names the people
            theirs = self.out[head].unit or self.figs[head].unit
            if theirs not in (None, "*", "share"):
                self.out[k].unit = theirs
                return
            head = self._head(head)
        if self.out[k].event in _CASUALTY_EVENTS or fig.describer:
            self.out[k].unit = "person"

    def _sentence_has_event(self, k: int, name: str) -> bool:
        s0, s1 = self.doc.sentence_bounds[self._sentence(k)]
        return any(s0 <= a < s1 and name in {n for n, _ in meanings}
                   for a, _b, meanings in self.ctx.events)

    # ------------------------------------------------------------- location
    def _location(self, k: int) -> None:
        fig = self.figs[k]
        places = [p for p in self.ctx.places if p.locative]
        own = self._place_in(places, fig, *self._territory(k))
        if own is None:
            for j in self._group(k):
                if j != k:
                    own = self._place_in(places, fig, *self._territory(j))
                    if own is not None:
                        break
        if own is not None:
            self.out[k].location = own.location
            return
        s = self._sentence(k)
        s0, s1 = self.doc.sentence_bounds[s]
        if any(s0 <= p.start < s1 for p in places):
            return
        for back in range(1, _CARRY_SENTENCES + 1):
            if s - back < 0:
                break
            p0, p1 = self.doc.sentence_bounds[s - back]
            inside = [p for p in places if p0 <= p.start < p1]
            if inside:
                last = inside[-1]
                self.out[k].location = last.location
                return

    def _place_in(self, places, fig, a, b):
        found = self._nearest([(p.start, p.end, p) for p in places], fig, a, b)
        return found[2] if found else None

    # --------------------------------------------------------------- source
    def _source(self, k: int) -> None:
        fig = self.figs[k]
        if fig.kind == "ordinal":
            return
        att = self.ctx.sentence_source(self._sentence(k), fig.start)
        if att is not None:
            self.out[k].attributed_to = att.source
            self.out[k].speaker = att.speaker

    # ----------------------------------------------------------------- when
    def _when(self, k: int) -> None:
        fig = self.figs[k]
        times = [t for t in self.ctx.times if t.kind != "duration"
                 and (t.value is not None or t.kind == "now")]
        if fig.kind == "ordinal":
            times = [t for t in times if not t.since]
        a, b = self._territory(k)
        c0, c1 = self.doc.clause_bounds(fig.start)
        lo, hi = max(a, c0), min(b, c1)
        found = self._time_near(times, fig, lo, hi)
        s0, s1 = self.doc.sentence_bounds[self._sentence(k)]
        if found is None:
            now = [t for t in times if t.kind == "now" and s0 <= t.start < s1]
            if now:
                found = now[0]
        if found is None:
            found = self._time_near(times, fig, s0, s1)
        if found is not None:
            self.out[k].when = self._when_value(found)

    def _time_near(self, times, fig, a, b):
        items = [(t.start, t.end, t) for t in times]
        found = self._nearest(items, fig, a, b, prefer_before=True)
        return found[2] if found else None

    def _when_value(self, t: TimeMention) -> str | None:
        day = self.narrative_day(t.start)
        if t.kind == "now":
            return day.isoformat() if day else None
        if t.kind == "time":
            return t.span[0].isoformat() if t.span else None
        if t.since and day is not None:
            return f"{t.value}/{day.isoformat()}"
        return t.value

    def _inherit(self, k: int) -> None:
        head = self._head(k)
        mine = self.out[k]
        if head is not None:
            theirs = self.out[head]
            mine.when = mine.when or theirs.when
            mine.location = mine.location or theirs.location
            mine.event = mine.event or theirs.event
        if mine.when is None:
            s = self._sentence(k)
            for j in range(len(self.figs)):
                if j != k and self._sentence(j) == s and self.out[j].when:
                    mine.when = self.out[j].when
                    break
