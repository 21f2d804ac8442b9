"""What the detectors need to know about each rendering, computed once per text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .dates import DateExpr, date_tokens, find_dates
from .entities import Mention, find_mentions
from .numbers import Quantity, find_quantities

if TYPE_CHECKING:
    from .align import Alignment, Side


def _side(x: Alignment | Side, which: str | None) -> Side:
    return x.side(which) if which is not None else x  # type: ignore[union-attr,return-value]


def dates(x: Alignment | Side, which: str | None = None) -> list[DateExpr]:
    side = _side(x, which)
    return side.memo("dates", lambda: find_dates(side.views, side.lang))


def quantities(x: Alignment | Side, which: str | None = None) -> list[Quantity]:
    side = _side(x, which)
    return side.memo("quantities", lambda: find_quantities(
        side.views, side.lang, date_tokens(dates(side))))


def mentions(x: Alignment | Side, which: str | None = None) -> list[Mention]:
    side = _side(x, which)
    return side.memo("mentions", lambda: find_mentions(
        side.views, side.lang, skip=date_tokens(dates(side))))
