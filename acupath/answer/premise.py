"""Premises the evidence contradicts: whether it does ("far better than sham"), and the
correction that opens the answer (:func:`premise_section`).

:func:`sham_largest_band` looks at the sham-controlled findings of the question's conditions
and returns the plain word of the largest standardised mean difference among them (the
vocabulary's ``smd_bands``: very small < 0.2, small < 0.5, medium < 0.8, as shipped, Cohen's
conventional bounds), or ``None`` when no SMD decides. A premise of "far better than sham" is
contradicted when that word is not "large", i.e. when no pooled sham-controlled SMD reaches the
last band.
"""

from __future__ import annotations

from collections.abc import Sequence

from acupath.answer.models import Section
from acupath.answer.opening_words import TITLES
from acupath.answer.parse import Statement
from acupath.answer.retrieve import Retrieval
from acupath.evidence.loader import EvidenceBase
from acupath.evidence.schemas import Finding


def sham_largest_band(retrieval: Retrieval, conditions: Sequence[str]) -> str | None:
    """The band word of the largest |SMD| against sham, ``large`` beyond the last band."""
    index = retrieval.index
    largest: float | None = None
    for i in index.candidates(list(conditions), general=False):
        rec = index.documents[i].record
        if not isinstance(rec, Finding) or rec.comparator != "sham" or rec.measure != "SMD":
            continue
        if isinstance(rec.estimate, int | float):
            size = abs(float(rec.estimate))
            largest = size if largest is None else max(largest, size)
    if largest is None:
        return None
    for band in index.vocab.smd_bands:
        if largest < band.below:
            return band.word
    return "large"


def premise_section(
    stmt: Statement, base: EvidenceBase, audience: str, sham_band: str | None
) -> Section | None:
    """The correction of a premise the evidence contradicts, or ``None``."""
    names = [base.conditions[c].name for c in stmt.conditions if c in base.conditions][:3]
    topic = ", ".join(names) if names else "the conditions it is used for"
    lines = []
    if audience == "patient":
        lines = _plain_premises(stmt.premises, topic, base, sham_band)
    for kind in stmt.premises if audience != "patient" else ():
        if kind == "cure":
            lines.append(
                f"**No: the evidence does not show that acupuncture cures {topic}.** The trials "
                "acupath holds measured relief of symptoms, not cure; how much relief is below."
            )
        elif kind == "tumour":
            symptoms = [
                c.name
                for c in base.conditions.values()
                if c.category in ("cancer_pain", "cancer_symptom")
            ][:8]
            lines.append(
                "**No: acupath holds no evidence that acupuncture shrinks tumours or treats "
                "cancer itself, so it should not be offered for that.** Its cancer records are "
                "about symptoms: " + ", ".join(symptoms) + "."
            )
        elif kind == "sham" and sham_band is not None and sham_band != "large":
            lines.append(
                "**No: against sham acupuncture the pooled differences acupath holds are at "
                f"most {sham_band} (figures below), so 'far better than sham' overstates the "
                "evidence.**"
            )
        elif kind == "harmless":
            lines.append(
                "**No treatment is free of risk:** serious adverse events after acupuncture are "
                "rare but reported (see the safety records below), and some patients need "
                "changes or referral first."
            )
    if not lines:
        return None
    return Section(TITLES[audience]["premise"], "\n".join(lines))


def _plain_premises(
    premises: Sequence[str], topic: str, base: EvidenceBase, sham_band: str | None
) -> list[str]:
    """The premise corrections in the patient's voice: short sentences, common words."""
    out = []
    for kind in premises:
        if kind == "cure":
            out.append(
                f"**No. Studies do not show that acupuncture cures {topic}.** They looked at "
                "whether pain and other symptoms got better. How much is shown below."
            )
        elif kind == "tumour":
            out.append(
                "**No. Nothing shows that acupuncture shrinks a tumour or treats the cancer "
                "itself, so it should not be used for that.** Studies look at the symptoms of "
                "cancer and its treatment, such as pain, sickness and tiredness."
            )
        elif kind == "sham" and sham_band is not None and sham_band != "large":
            out.append(
                "**No. In the studies, real acupuncture did better than fake (sham) "
                f"acupuncture, but not by far: the difference was {sham_band} at most.** The "
                "figures are below."
            )
        elif kind == "harmless":
            out.append(
                "**No treatment is free of risk.** Serious harm after acupuncture is rare, but it "
                "has happened (see the safety part below). Some people need changes, or a "
                "doctor's check, first."
            )
    return out
