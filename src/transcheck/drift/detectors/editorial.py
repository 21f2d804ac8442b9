"""Editorial insertions: bracketed text in ``b`` with no counterpart in ``a``.

``They [US] find it uncomfortable``, ``they (these signals) reflect``, ``do this, [or]
that`` and ``(if that's the case)``: words a reporter put in brackets are not the
speaker's. Reported as an addition (medium) with the note "editorial insertion"; bracketed
text of the reference that ``b`` leaves out is a low omission. Runs first, so the words
inside are not also reported as a name or a number added.
"""

from __future__ import annotations

from ...types import DriftSpan
from ..align import Alignment, Side
from ..tokens import CLOSE_BRACKETS, OPEN_BRACKETS
from .base import Detector, oriented, register, span


def bracket_groups(side: Side) -> list[tuple[int, int]]:
    """(open, close) token indices of each outermost bracket pair."""
    out: list[tuple[int, int]] = []
    stack: list[int] = []
    for t in side.tokens:
        if t.kind != "bracket":
            continue
        if t.text in OPEN_BRACKETS:
            stack.append(t.index)
        elif t.text in CLOSE_BRACKETS and stack:
            start = stack.pop()
            if not stack:
                out.append((start, t.index))
    return out


def insertions(al: Alignment, which: str) -> list[tuple[int, int]]:
    """Bracket groups of side ``which`` with no counterpart on the other side.

    In one language: every word inside is unaligned. Across languages a bracketed gloss
    (``Им (американцам)``) aligns with the word it explains (``They``), so a word inside
    also counts as added when its partners are stopwords or words aligned outside the
    brackets too, unless the other side has brackets of its own there.
    """
    side, other = al.side(which), al.other(which)
    unaligned = set(al.unaligned_a if which == "a" else al.unaligned_b)
    other_brackets = {k for o, c in bracket_groups(other) for k in range(o, c + 1)}
    out = []
    for o, c in bracket_groups(side):
        inner = [k for k in range(o + 1, c) if side.tokens[k].is_content]
        if not inner:
            continue
        inside = set(range(o, c + 1))
        if all(_added(al, which, k, inside, unaligned, other_brackets) for k in inner):
            out.append((o, c))
    return out


def _added(al: Alignment, which: str, k: int, inside: set[int], unaligned: set[int],
           other_brackets: set[int]) -> bool:
    """Word ``k`` (inside a bracket group) has no counterpart of its own."""
    if k in unaligned:
        return True
    if al.same_language:
        return False
    other = al.other(which)
    for p in al.partner_indices(which, k):
        if p in other_brackets:
            return False
        elsewhere = set(al.partner_indices("b" if which == "a" else "a", p)) - inside
        if not (other.is_stop(p) or elsewhere):
            return False
    return True


def editorial_tokens(al: Alignment, which: str) -> set[int]:
    return {k for o, c in insertions(al, which) for k in range(o, c + 1)}


@register
class EditorialDetector(Detector):
    type = "addition"
    name = "editorial"
    rank = 5

    def detect(self, alignment: Alignment) -> list[DriftSpan]:
        al = alignment
        out: list[DriftSpan] = []
        for which in ("a", "b"):
            side = al.side(which)
            for o, c in insertions(al, which):
                own = (side.tokens[o].start, side.tokens[c].end)
                a_r, b_r = oriented(al, which, own, al.counterpart_span(which, o, c))
                text = side.slice(*own)
                if which == "b":
                    out.append(span(al, "addition", "medium", a_r, b_r,
                                    f"addition: {text} (editorial insertion)"))
                else:
                    out.append(span(al, "omission", "low", a_r, b_r,
                                    f"omission: {text} (editorial insertion in the reference)"))
        return out
