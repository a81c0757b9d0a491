"""Does the evidence contradict "far better than sham"? One question, answered from findings.

:func:`sham_difference_small` looks at the sham-controlled findings of the question's
conditions: standardised mean differences are small when their absolute value is below the
vocabulary's "moderate" band (``smd_bands`` in ``data/answer/vocabulary.yaml``, 0.5 as shipped,
Cohen's conventional bound); a finding whose direction is ``no_difference`` or ``mixed`` counts
as small. Other measures (mean differences on a scale) decide nothing. ``None`` when no
sham-controlled finding decides, so the answer then makes no correction.
"""

from __future__ import annotations

from collections.abc import Sequence

from acupath.answer.retrieve import Retrieval
from acupath.evidence.schemas import Finding


def sham_difference_small(retrieval: Retrieval, conditions: Sequence[str]) -> bool | None:
    index = retrieval.index
    bands = index.vocab.smd_bands
    small_below = bands[1].below if len(bands) > 1 else bands[0].below
    verdicts: list[bool] = []
    for i in index.candidates(list(conditions), general=False):
        rec = index.documents[i].record
        if not isinstance(rec, Finding) or rec.comparator != "sham":
            continue
        if rec.direction in ("no_difference", "mixed"):
            verdicts.append(True)
        elif rec.measure == "SMD" and isinstance(rec.estimate, int | float):
            verdicts.append(abs(float(rec.estimate)) < small_below)
    if not verdicts:
        return None
    return all(verdicts)
