"""The baby of a mother who asks about herself is not the patient (wave 7).

"I had my little girl 7 weeks ago and my back has been sore", "Breastfeeding my 4 month old
and my shoulder is really painful": beside a birth or breastfeeding (``postpartum``,
``breastfeeding``), the age of a baby ("4 month old": 0) or a child band from baby words
("my little girl") is the baby's, when the question's complaint is the asker's own ("my back",
"my shoulder", "I have pain"). Those ages are set to ``other_person``: shown, not screened as
the patient's. A question about the baby ("my 4 month old has colic", no complaint of the
asker's own) keeps them."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import Any

_OWN_COMPLAINT = re.compile(
    r"\bmy\s+(?:\w+\s+)?(?:back|neck|shoulders?|knees?|hips?|wrists?|hands?|pelvis|head|legs?|"
    r"arms?|feet|foot|ankles?|spine|joints?|thumbs?|fingers?|breasts?|nipples?|tummy|stomach|"
    r"headaches?|migraines?)\b"
    r"|\bi\s+(?:have|get|am getting|['’]ve got|have got)\s+(?:\w+\s+){0,3}?(?:pain|ache|aches|"
    r"headaches?|migraines?)\b"
    # wave 9 (probe 9, "breastfeeding my 4 month old, sciatica since the birth. does acupuncture
    # affect the milk"): a complaint dated from the birth, or a question about the milk or about
    # needling while feeding, is the mother's
    r"|\b(?:since|after|from)\s+(?:the|giving)\s+birth\b"
    r"|\b(?:affect|harm|get into|pass into|go into|reach|change|reduce)\s+(?:the|my)\s+"
    r"(?:breast\s*)?milk\b|\bmy\s+(?:breast\s*)?milk\b"
    r"|\bwhile\s+(?:i['’]?m\s+|i\s+am\s+)?(?:still\s+)?(?:breast\s*)?(?:feeding|nursing)\b"
    r"|\b(?:can|could|should|may)\s+i\s+(?:still\s+)?(?:have|get|try|do)\b"
)
_BABY_COMPLAINT = re.compile(
    r"\b(?:baby|she|he|little one|son|daughter)\s+(?:has|have|gets|is getting|suffers|cries)\b"
    r"|\b(?:colic|reflux|teething)\b"
)


def babys_ages(mentions: Sequence[Any], folded: str, other: str) -> list[Any]:
    """``mentions`` with the ages of the asker's baby set to ``other`` (module docstring)."""
    birth = any(
        m.kind in ("postpartum", "breastfeeding") and not m.negated and m.current for m in mentions
    )
    if not birth or not _OWN_COMPLAINT.search(folded) or _BABY_COMPLAINT.search(folded):
        return list(mentions)
    out = []
    for m in mentions:
        baby = (m.kind == "age" and int(m.value) <= 2) or (
            m.kind == "age_band" and m.value == "child"
        )
        if baby and not m.negated:
            m = dataclasses.replace(m, status=other)
        out.append(m)
    return out
