"""The side of a limb at risk of lymphoedema, from the words around its mention.

The side named closest to the mention within its sentence, six words either way. A side
letter ("L", "R", "Lt", "Rt") counts only right beside the mention or before a limb word or the
surgery that puts a limb at risk ("L mastectomy and ALND": left, wave 7). A side after a clause
break belongs to the next clause ("right mastectomy with axillary clearance, left shoulder
pain": right) and counts only when none stands before (wave 7). "Bilateral" or "both" nearest
gives no single side: both limbs (wave 7)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

SENTENCE_END = {".", ";", "?", "!"}
SIDES = {"left": "left", "l": "left", "lt": "left", "right": "right", "r": "right", "rt": "right"}
_LIMB_WORDS = frozenset(
    {"arm", "arms", "axilla", "armpit", "leg", "legs", "hand", "breast", "mastectomy",
     "lumpectomy", "wle", "axillary", "alnd", "slnb", "groin", "inguinal"}
)  # fmt: skip
_BREAKS = frozenset({",", ";", ":", "-"})
_BOTH = frozenset({"bilateral", "bilat", "both"})


def side_near(toks: Sequence[Any], start: int, end: int) -> str | None:
    """``left``, ``right`` or None (no side, or both) for the tokens ``toks[start:end]``."""
    best: tuple[int, str] | None = None
    lo = start
    while lo > 0 and toks[lo - 1].word not in SENTENCE_END and start - lo < 6:
        lo -= 1
    hi = end
    while hi < len(toks) and toks[hi].word not in SENTENCE_END and hi - end < 6:
        hi += 1
    for i in range(lo, hi):
        word = toks[i].word
        dist = start - i if i < start else i - end
        if i >= end and any(t.word in _BREAKS for t in toks[end:i]):
            dist += 10
        near = dist <= 1 or (i + 1 < len(toks) and toks[i + 1].word in _LIMB_WORDS)
        side_word = word in ("left", "right") or (word in ("l", "r", "lt", "rt") and near)
        both = word in _BOTH
        if (side_word or both) and (best is None or dist < best[0]):
            best = (dist, "both" if both else SIDES[word])
    return best[1] if best and best[1] != "both" else None
