"""A class word that names a medicine the question also names (wave 8, probe 8 p8018).

"Do blood thinners like Plavix stop me getting acupuncture?", "anticoagulants such as
apixaban", "my blood thinner (clopidogrel)", "Plavix, a blood thinner": the class word is the
asker's name for that one medicine, so the medicine's own classes stand and the class word adds
none of its own ("blood thinner" is read as an anticoagulant; Plavix is an antiplatelet).

Reading rule, clinic policy: the named medicine is the more exact fact; a class word joined
to it by anything else ("warfarin and other blood thinners", "blood thinners, and also
Plavix") stays, the cautious reading."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

_CLASS_THEN_MEDICINE = re.compile(
    r"\s*(?:\(\s*|,\s*|:\s*|[-–]\s*)?(?:like|such as|e\.?\s?g\.?,?|for example|namely|called|"
    r"i\.?\s?e\.?,?|is|are)?\s*(?:\(\s*)?"
)
_MEDICINE_THEN_CLASS = re.compile(
    r"\s*(?:\(\s*|,\s*|[-–]\s*)(?:which is\s+|is\s+|being\s+)?(?:a|an|my|her|his|the|their)?\s*"
)


def class_words_of_medicines(mentions: Sequence[Any], folded: str) -> list[Any]:
    """``mentions`` without the class words that stand for a medicine named beside them."""
    medicines = [m for m in mentions if m.kind in ("medicine", "regimen")]
    out = []
    for m in mentions:
        if m.kind == "class" and not m.negated:
            named = any(
                (
                    med.start >= m.end
                    and _CLASS_THEN_MEDICINE.fullmatch(folded[m.end : med.start]) is not None
                )
                or (
                    med.end <= m.start
                    and _MEDICINE_THEN_CLASS.fullmatch(folded[med.end : m.start]) is not None
                )
                for med in medicines
            )
            if named:
                continue
        out.append(m)
    return out
