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


# wave 20 (h18134 "What does the SIO-ASCO 2022 guideline say about acupuncture for
# aromatase-inhibitor joint pain"): a class word right before the symptom it causes ("aromatase
# inhibitor joint pain", "... induced arthralgia") in a question about the research (a guideline,
# trial, study, evidence or recommendation) that names nobody (no I, my, she, a relation, a
# patient, an age) is the topic's cause, no medicine anyone takes. Reading rule, clinic policy:
# the class's cautions are for a patient; a bleeding or bruising said of the class is kept (the
# cautious reading), and any owner keeps every class.
_CAUSED = re.compile(
    r"\s*(?:(?:induced|associated|related|caused|linked)\s+)?(?:joint pains?|arthralgias?|"
    r"musculoskeletal (?:symptoms|pain)|neuropath\w*|nausea|vomiting|hot (?:flush|flash)\w*|"
    r"side effects?|toxicit\w*|fatigue|insomnia|symptoms|myalgias?)\b"
)
_RESEARCH_FRAME = re.compile(
    r"\b(?:guidelines?|guidance|evidence|trials?|stud(?:y|ies)|meta ?analys\w*|reviews?|"
    r"recommend\w*|literature|research|rcts?|asco|sio|nice|nccn|esmo|cochrane|swog)\b"
)
_OWNER = re.compile(
    r"\b(?:i|i['’]?m|im|i['’]?ve|me|my|mine|we|our|us|she|her|he|his|him|they|their|patients?|"
    r"pt|client|clients|mum|mom|dad|wife|husband|partner|son|daughter|mother|father|friend|"
    r"sister|brother|aunt|uncle|grand\w*|child|baby|aged?|years? old|y ?o)\b"
)


def _cause_of_topic(m: Any, folded: str) -> bool:
    """Whether class mention ``m`` names the cause of a researched symptom, in a question that
    names nobody (wave 20)."""
    return bool(
        _CAUSED.match(folded, m.end)
        and _RESEARCH_FRAME.search(folded)
        and not _OWNER.search(folded)
        and not re.search(
            r"\b(?:on|taking|takes|using|with)\s+$", folded[max(0, m.start - 10) : m.start]
        )
    )


def class_words_of_medicines(mentions: Sequence[Any], folded: str) -> list[Any]:
    """``mentions`` without the class words that stand for a medicine named beside them, or
    that name the cause of a researched symptom in a question that names nobody (wave 20)."""
    medicines = [m for m in mentions if m.kind in ("medicine", "regimen")]
    out = []
    for m in mentions:
        if m.kind == "class" and not m.negated and _cause_of_topic(m, folded):
            continue
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
