"""Dates changed, dropped or added: ``Wednesday`` -> ``Friday``, ``10 January`` ->
``10 February``, ``next week`` -> ``next month``, ``since 1997`` dropped.

Date expressions (:mod:`~transcheck.drift.dates`) are matched when every part they share
(month, day, year, weekday, relative date, season) is equal. Two unmatched expressions
with a part of the same kind are a changed date (high); an expression with no counterpart
is a date omission or addition (medium). Persian solar months are never compared with
Gregorian ones.
"""

from __future__ import annotations

from ...types import DriftSpan
from ..align import Alignment
from ..dates import DateExpr
from ..facts import dates
from .base import Detector, register, span

_COMPARABLE = ("month", "day", "year", "weekday", "rel", "season", "solar_month")


def _agree(x: DateExpr, y: DateExpr) -> bool | None:
    """True: same date; False: a shared part differs; None: nothing to compare."""
    shared = [k for k in _COMPARABLE if k in x.parts and k in y.parts]
    if not shared:
        return None
    return all(x.parts[k] == y.parts[k] for k in shared)


def _partners(al: Alignment, x: DateExpr) -> set[int]:
    return {j for t in range(x.start, x.end) for j in al.partner_indices("a", t)}


@register
class DateDetector(Detector):
    type = "date"
    rank = 30
    needs_alignment = False

    def detect(self, alignment: Alignment) -> list[DriftSpan]:
        al = alignment
        left_a, left_b = list(dates(al, "a")), list(dates(al, "b"))
        for x in list(left_a):
            ys = [y for y in left_b if _agree(x, y)]
            if ys:
                p = _partners(al, x)
                y = next((y for y in ys if p & set(range(y.start, y.end))), ys[0])
                left_a.remove(x)
                left_b.remove(y)
        out: list[DriftSpan] = []
        for aligned_only in (True, False):
            for x in list(left_a):
                p = _partners(al, x)
                ys = [y for y in left_b if _agree(x, y) is False
                      and (not aligned_only or p & set(range(y.start, y.end)))]
                if ys:
                    y = ys[0]
                    out.append(span(al, "date", "high", al.a.span(x.start, x.end - 1),
                                    al.b.span(y.start, y.end - 1),
                                    f"date: '{x.text}' -> '{y.text}'"))
                    left_a.remove(x)
                    left_b.remove(y)
        for x in left_a:
            out.append(span(al, "omission", "medium", al.a.span(x.start, x.end - 1),
                            al.counterpart_span("a", x.start, x.end - 1),
                            f"date: '{x.text}' missing"))
        for y in left_b:
            out.append(span(al, "addition", "medium",
                            al.counterpart_span("b", y.start, y.end - 1),
                            al.b.span(y.start, y.end - 1), f"date: '{y.text}' added"))
        return out
