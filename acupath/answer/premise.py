"""Does the evidence contradict "far better than sham"? One question, answered from findings.

:func:`sham_largest_band` looks at the sham-controlled findings of the question's conditions
and returns the plain word of the largest standardised mean difference among them (the
vocabulary's ``smd_bands``: very small < 0.2, small < 0.5, medium < 0.8, as shipped, Cohen's
conventional bounds), or ``None`` when no SMD decides. A premise of "far better than sham" is
contradicted when that word is not "large", i.e. when no pooled sham-controlled SMD reaches the
last band.
"""

from __future__ import annotations

from collections.abc import Sequence

from acupath.answer.retrieve import Retrieval
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
