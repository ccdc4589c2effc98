"""Giving each figure its event, unit, place, source and time.

Order of search for every attribute: the figure's own words (قتلى is an
event), its territory (the stretch of its sentence between the neighbouring
figures), the figure it belongs to (بينهم، ثلثاهم) or repeats, its sentence,
and for place and source the sentences just before. Mentions are indexed by
sentence so that each figure looks only at its own.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .context import Context
from .figures import FigureMention
from .lexicon import lexicon
from .times import TimeMention

_CASUALTY_EVENTS = {"killed", "died", "wounded", "missing", "displaced", "fled", "fleeing",
                    "departed", "returned", "detained", "released", "sheltered", "besieged",
                    "affected", "rescued", "evacuated", "infected", "recovered", "arrived",
                    "in_need", "exchanged"}
_CARRY_SENTENCES = 3
_REPEAT_SENTENCES = 3


@dataclass(slots=True)
class Attributes:
    event: str | None = None
    unit: str | None = None
    location: str | None = None
    attributed_to: str | None = None
    speaker: str | None = None
    when: str | None = None
    part_of: int | None = None
    repeats: int | None = None


def _meaning(meanings, kind: str) -> str | None:
    """The first sense of an event word that fits the figure's kind."""
    for name, applies in meanings:
        if applies == kind or (applies == "any" and kind in ("count", "ordinal", "fraction", "percent")):
            return name
    return None


def _nearest(items, fig: FigureMention, a: int, b: int, prefer_before: bool = False):
    """The item (start, end, …) in [a, b) nearest the figure; ties go to the one before.
    With prefer_before, any item before the figure beats every item after it."""
    best, best_d = None, None
    for item in items:
        start, end = item[0], item[1]
        if start < a or end > b or fig.start <= start < fig.end:
            continue
        if end <= fig.start:
            d = (fig.start - end) * 2
        else:
            d = (start - fig.end) * 2 + 1 + (100000 if prefer_before else 0)
        if best_d is None or d < best_d:
            best, best_d = item, d
    return best


class Assigner:
    def __init__(self, ctx: Context, report_day):
        self.ctx = ctx
        self.doc = ctx.doc
        self.figs = ctx.figures
        self.report_day = report_day
        self.out = [Attributes() for _ in self.figs]
        sentence_of = self.doc.sentence_of
        self.sent = [sentence_of[f.start] for f in self.figs]
        self.events = defaultdict(list)
        for a, b, meanings in ctx.events:
            self.events[sentence_of[a]].append((a, b, meanings))
        self.places = defaultdict(list)
        for p in ctx.places:
            if p.locative:
                self.places[sentence_of[p.start]].append((p.start, p.end, p))
        self.times = defaultdict(list)
        for t in ctx.times:
            if t.kind != "duration" and (t.value is not None or t.kind == "now"):
                self.times[sentence_of[t.start]].append((t.start, t.end, t))

    def run(self) -> list[Attributes]:
        self._money_ellipsis()
        self._link()
        for k in range(len(self.figs)):
            self._event(k)
        self._events_in_context()
        for k in range(len(self.figs)):
            self._unit(k)
            self._location(k)
            self._source(k)
            self._when(k)
        for k in range(len(self.figs)):  # heads come first, so they are complete
            self._inherit(k)
        return self.out

    def _money_ellipsis(self) -> None:
        """30 مليون دولار، بواقع 20 مليونا لتركيا: a bare sum after money is money too."""
        for k, fig in enumerate(self.figs):
            if fig.kind != "count" or fig.noun or not fig.scaled:
                continue
            for h in range(k - 1, max(-1, k - 4), -1):
                if self.sent[h] != self.sent[k]:
                    break
                if self.figs[h].kind == "money":
                    fig.kind, fig.unit, fig.bare_currency = "money", self.figs[h].unit, \
                        self.figs[h].bare_currency
                    break

    # ---------------------------------------------------------------- links
    def _link(self) -> None:
        figs, sent = self.figs, self.sent
        for k, fig in enumerate(figs):
            if (fig.subset or fig.share) and k > 0:
                for h in range(k - 1, -1, -1):
                    if sent[h] < sent[k] - 1:
                        break
                    if figs[h].kind != "ordinal":
                        self.out[k].part_of = h
                        break
            if fig.value is None or self.out[k].part_of is not None:
                continue
            for h in range(k - 1, -1, -1):
                if sent[k] - sent[h] > _REPEAT_SENTENCES:
                    break
                other = figs[h]
                if sent[h] != sent[k] and other.value == fig.value \
                        and other.qualifier == fig.qualifier and other.kind == fig.kind:
                    self.out[k].repeats = h
                    break
        self.root = []
        for k in range(len(figs)):
            r = k
            while self.out[r].part_of is not None:
                r = self.out[r].part_of
            self.root.append(r)

    def _head(self, k: int) -> int | None:
        a = self.out[k]
        return a.part_of if a.part_of is not None else a.repeats

    def _territory(self, k: int) -> tuple[int, int]:
        s0, s1 = self.doc.sentence_bounds[self.sent[k]]
        a = self.figs[k - 1].end if k > 0 and self.sent[k - 1] == self.sent[k] else s0
        b = self.figs[k + 1].start if k + 1 < len(self.figs) and self.sent[k + 1] == self.sent[k] else s1
        return a, b

    def _group(self, k: int) -> list[int]:
        """The figure, the figure it belongs to and the others that belong to it (one sentence
        or two: a part follows its whole closely)."""
        root = self.root[k]
        lo = max(0, root - 20)
        return [j for j in range(lo, min(len(self.figs), root + 20)) if self.root[j] == root]

    # ---------------------------------------------------------------- event
    def _event(self, k: int) -> None:
        fig = self.figs[k]
        events = [(a, b, name) for a, b, meanings in self.events[self.sent[k]]
                  if (name := _meaning(meanings, fig.kind)) is not None]
        own = [e for e in events if fig.start <= e[0] < fig.end]
        if own:
            self.out[k].event = own[-1][2]
            return
        found = _nearest(events, fig, *self._territory(k))
        head = self.out[k].part_of
        if found is None and head is not None and self.out[head].event:
            self.out[k].event = self.out[head].event
            return
        if found is None:
            found = _nearest(events, fig, *self.doc.sentence_bounds[self.sent[k]])
        if found is not None:
            self.out[k].event = found[2]

    def _events_in_context(self) -> None:
        """إصابة in a cholera story is a case, not a wound (data/event_contexts.tsv)."""
        vocabulary = set(self.doc.words)
        for source, target, context in lexicon().event_contexts:
            if not context.isdisjoint(vocabulary):
                for att in self.out:
                    if att.event == source:
                        att.event = target

    def _sentence_has_event(self, k: int, name: str) -> bool:
        return any(name in {n for n, _ in meanings} for _a, _b, meanings in self.events[self.sent[k]])

    # ----------------------------------------------------------------- unit
    def _unit(self, k: int) -> None:
        fig = self.figs[k]
        if fig.unit == "degree" and self._sentence_has_event(k, "magnitude"):
            self.out[k].unit = "richter"
            return
        if fig.unit == "degree" and k > 0 and self.sent[k - 1] == self.sent[k] \
                and self.figs[k - 1].unit == "celsius":
            self.out[k].unit = "celsius"  # 48 درجة مئوية … و47 درجة
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

    # ------------------------------------------------------------- location
    def _location(self, k: int) -> None:
        fig, s = self.figs[k], self.sent[k]
        places = self.places[s]
        own = _nearest(places, fig, *self._territory(k))
        if own is None:
            for j in self._group(k):
                if j != k and self.sent[j] == s:
                    own = _nearest(places, fig, *self._territory(j))
                    if own is not None:
                        break
        if own is not None:
            self.out[k].location = own[2].location
            return
        if places:
            return  # the sentence names places, but none of this figure's
        for back in range(1, _CARRY_SENTENCES + 1):
            before = self.places.get(s - back)
            if before:
                self.out[k].location = before[-1][2].location
                return
        self.out[k].location = self.main_place  # the story's place, when nothing nearer says

    @property
    def main_place(self) -> str | None:
        """The place an article is about: the one its sentences put things in most."""
        if not hasattr(self, "_main_place"):
            counts: dict[str, int] = {}
            for sentence_places in self.places.values():
                for _a, _b, p in sentence_places:
                    counts[p.location] = counts.get(p.location, 0) + 1
            self._main_place = max(counts, key=counts.get) if counts else None
        return self._main_place

    # --------------------------------------------------------------- source
    def _source(self, k: int) -> None:
        fig = self.figs[k]
        if fig.kind == "ordinal":
            return  # an ordinal numbers a series; it reports no quantity of its own
        att = self.ctx.sentence_source(self.sent[k], fig.start)
        if att is not None:
            self.out[k].attributed_to = att.source
            self.out[k].speaker = att.speaker

    # ----------------------------------------------------------------- when
    def _when(self, k: int) -> None:
        fig, s = self.figs[k], self.sent[k]
        times = self.times[s]
        if fig.kind == "ordinal":
            times = [t for t in times if not t[2].since]  # the seventh convoy since …: a point
        a, b = self._territory(k)
        c0, c1 = self.doc.clause_bounds(fig.start)
        found = _nearest(times, fig, max(a, c0), min(b, c1), prefer_before=True)
        if found is None:
            found = next((t for t in times if t[2].kind == "now"), None)
        if found is None:
            found = _nearest(times, fig, *self.doc.sentence_bounds[s], prefer_before=True)
        if found is not None:
            self.out[k].when = self._when_value(found[2])

    def _when_value(self, t: TimeMention) -> str | None:
        day = self.report_day
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
            for j in range(max(0, k - 20), min(len(self.figs), k + 20)):
                if j != k and self.sent[j] == self.sent[k] and self.out[j].when:
                    mine.when = self.out[j].when
                    break
