"""What the evidence base says about a condition: expected benefit and guideline positions.

Both read only the knowledge base (:func:`acupath.evidence.loader.bundled_base` by default), so
a plan never states a number the base does not hold. Findings are grouped by comparator
(sham, usual care, no acupuncture, waiting list, medication, other, any, single-arm), pain
outcomes first; each carries its citation. Guideline recommendations are listed with their
direction; when one body recommends acupuncture and another advises against it, the summary
says that they disagree and names both (NICE NG59 and ACP 2017 for low back pain).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from acupath.evidence.loader import EvidenceBase, bundled_base
from acupath.evidence.schemas import Finding, Recommendation

COMPARATOR_ORDER: tuple[str, ...] = (
    "sham", "usual_care", "no_acupuncture", "waitlist", "medication", "other", "any", "none",
)  # fmt: skip
COMPARATOR_LABELS: dict[str, str] = {
    "sham": "versus sham acupuncture",
    "usual_care": "versus usual care",
    "no_acupuncture": "versus no acupuncture",
    "waitlist": "versus a waiting list",
    "medication": "versus medication",
    "other": "versus other treatments",
    "any": "versus any control",
    "none": "single-arm results",
}
_OUTCOME_ORDER = ("pain", "function", "responder", "clinically_important_change")


def _finding_dict(f: Finding, base: EvidenceBase) -> dict[str, Any]:
    source = base.sources.get(f.source)
    return {
        "id": f.id,
        "source": f.source,
        "citation": source.citation() if source else f.source,
        "link": source.link() if source else None,
        "intervention": f.intervention,
        "comparator": f.comparator,
        "outcome": f.outcome,
        "measure": f.measure,
        "scale": f.scale,
        "unit": f.unit,
        "estimate": f.estimate,
        "ci_lower": f.ci_lower,
        "ci_upper": f.ci_upper,
        "timepoint": f.timepoint,
        "n_studies": f.n_studies,
        "n_participants": f.n_participants,
        "certainty": f.certainty,
        "direction": f.direction,
        "better": f.better,
        "summary": f.summary,
    }


def expected_effect(
    condition: str,
    *,
    base: EvidenceBase | None = None,
    lead_source: str | None = None,
    interventions: Iterable[str] | None = None,
) -> list[dict[str, Any]]:
    """Findings for ``condition`` grouped by comparator (see the module docstring).

    ``lead_source`` (the protocol's trial) puts that source's findings first in each group.
    ``interventions`` keeps only findings about those techniques (``manual``, ``any`` ...), so a
    plan that delivers manual needling does not promise an electroacupuncture effect.
    Returns a list of ``{comparator, label, findings}``; an empty list when the base holds
    nothing for the condition.
    """
    base = base or bundled_base()
    found = [f for f in base.findings.values() if f.condition == condition]
    if interventions is not None:
        wanted = set(interventions)
        found = [f for f in found if f.intervention in wanted]

    def order(f: Finding) -> tuple[int, int, str]:
        lead = 0 if lead_source and f.source == lead_source else 1
        outcome = _OUTCOME_ORDER.index(f.outcome) if f.outcome in _OUTCOME_ORDER else 9
        return (lead, outcome, f.id)

    groups: list[dict[str, Any]] = []
    for comparator in COMPARATOR_ORDER:
        members = sorted((f for f in found if f.comparator == comparator), key=order)
        if members:
            groups.append(
                {
                    "comparator": comparator,
                    "label": COMPARATOR_LABELS[comparator],
                    "findings": [_finding_dict(f, base) for f in members],
                }
            )
    return groups


def _rec_dict(r: Recommendation, base: EvidenceBase) -> dict[str, Any]:
    source = base.sources.get(r.source)
    return {
        "id": r.id,
        "body": r.body,
        "year": r.year,
        "direction": r.direction,
        "strength": r.strength,
        "evidence_quality": r.evidence_quality,
        "population": r.population,
        "summary": r.summary,
        "conditions_of_use": list(r.conditions_of_use),
        "source": r.source,
        "citation": source.citation() if source else r.source,
    }


def guidelines(condition: str, *, base: EvidenceBase | None = None) -> dict[str, Any]:
    """Guideline recommendations for ``condition`` and whether they agree.

    Coverage decisions (sources of kind ``coverage_policy``) are left to the coverage section.
    ``agreement`` is ``none`` (no guideline in the base), ``single``, ``agree`` or ``disagree``
    (at least one for or conditional, and at least one against).
    """
    base = base or bundled_base()
    recs = [
        r
        for r in base.recommendations.values()
        if r.condition == condition
        and not (r.source in base.sources and base.sources[r.source].kind == "coverage_policy")
    ]
    recs.sort(key=lambda r: (-r.year, r.body))
    favour = [r for r in recs if r.direction in ("for", "conditional")]
    against = [r for r in recs if r.direction == "against"]
    if not recs:
        agreement, note = "none", "acupath holds no guideline recommendation for this condition."
    elif favour and against:
        agreement = "disagree"
        pros = "; ".join(f"{r.body} {r.year} ({r.direction}, {r.strength})" for r in favour)
        cons = "; ".join(f"{r.body} {r.year} ({r.strength})" for r in against)
        note = f"Guidelines disagree. In favour of acupuncture: {pros}. Against: {cons}."
    elif len(recs) == 1:
        r = recs[0]
        agreement, note = "single", f"One guideline in acupath: {r.body} {r.year} ({r.direction})."
    else:
        agreement = "agree"
        directions = sorted({r.direction for r in recs})
        note = (
            f"The {len(recs)} guidelines in acupath point the same way ({', '.join(directions)})."
        )
    return {
        "agreement": agreement,
        "note": note,
        "recommendations": [_rec_dict(r, base) for r in recs],
    }
