"""Which findings an evidence section shows for one condition.

Ranking alone would fill a section with five results against the same comparator; a clinician
wants the evidence against each comparator (sham, no acupuncture, usual care, waiting list,
medication), the question's own comparator first, and pooled, graded, condition-specific
results before single trials. The preference added to the retrieval score is

    pref = 0.3 [own condition] + 0.3 [primary outcome] + 0.3 [comparative result]
         + 0.1 [has a CI] + 0.2 [pooled] - 0.3 [recomputed by acupath]
         - 0.4 [durability result, unless asked] - 0.2 [add-on result, unless asked]
         - 0.3 * bm25

(the last term damps the question's wording, which within one condition matters less than the
evidence: a lay word such as "backache" must not pick the record).
"""

from __future__ import annotations

from collections.abc import Callable

from acupath.answer.corpus import Document
from acupath.answer.retrieve import Retrieval
from acupath.evidence.schemas import Finding

COMPARATIVE = {"favours_acupuncture", "favours_comparator", "no_difference", "mixed"}
PRIMARY_OUTCOMES = frozenset(
    {
        "opioid_use",
        "analgesic_use",
        "pain",
        "function",
        "disability",
        "responder",
        "headache_frequency",
        "pain_interference",
        "nausea_vomiting",
        "hot_flashes",
        "fatigue",
        "xerostomia",
        "neuropathy_symptoms",
        "anxiety",
    }
)
_COMPARATORS = ("sham", "no_acupuncture", "usual_care", "waitlist", "medication", "other", "any")
"""Comparators in the order evidence sections show them; single-group results come last."""


def finding_of(d: Document) -> Finding:
    assert isinstance(d.record, Finding)
    return d.record


def efficacy_preference(retrieval: Retrieval, cid: str) -> Callable[[Document], float]:
    """Prefer the condition's own, primary-outcome, comparative findings with a CI."""
    intents = retrieval.question.intents

    lexical = retrieval.lexical
    position = retrieval.index.position

    def prefer(d: Document) -> float:
        f = d.record
        assert isinstance(f, Finding)
        # within one condition the question's wording matters less than the evidence:
        # damp the BM25 part so that a lay word ("good", "backache") cannot pick a record
        score = -0.3 * float(lexical[position(d)])
        if f.condition == cid:
            score += 0.3
        if f.outcome in PRIMARY_OUTCOMES:
            score += 0.3
        if f.direction in COMPARATIVE:
            score += 0.3
        if f.ci_lower is not None:
            score += 0.1
        if f.n_studies and f.n_studies > 1:
            score += 0.2
        if f.provenance == "computed":
            score -= 0.3  # acupath's own recomputation backs up, not replaces, the published
        if "durability" in d.tags and "durability" not in intents:
            score -= 0.4
        if "integration" in d.tags and "integration" not in intents:
            score -= 0.2
        return score

    return prefer


def efficacy_findings(retrieval: Retrieval, cid: str, limit: int) -> list[Document]:
    """Up to ``limit`` findings on the benefit of acupuncture for ``cid``, chosen to cover the
    comparators: those the question names first (up to three sources each), then the best
    finding against every other comparator, then second sources, then the rest by rank."""
    ranked = retrieval.top(
        kinds=("finding",),
        conditions=[cid],
        exclude_tags=("safety", "mechanism"),
        prefer=efficacy_preference(retrieval, cid),
    )
    asked = retrieval.question.comparators
    chosen: list[Document] = []
    seen: set[tuple[str | None, str, str, bool]] = set()
    order = [c for c in asked] + [c for c in _COMPARATORS if c not in asked]

    def first_of(comp: str) -> None:
        for d in ranked:
            f = finding_of(d)
            key3 = (comp, f.outcome, f.intervention, f.measure == "categorical")
            if f.comparator == comp and key3 not in seen:
                chosen.append(d)
                seen.add(key3)
                return

    # the comparators the question names come first, with up to three sources each
    for comp in asked:
        first_of(comp)
        for _ in range(2):
            sources = {d.sources for d in chosen if finding_of(d).comparator == comp}
            extra = [
                d
                for d in ranked
                if finding_of(d).comparator == comp
                and d not in chosen
                and d.sources not in sources
                and finding_of(d).direction in COMPARATIVE
            ]
            if extra:
                chosen.append(extra[0])
    # then the best finding against every other comparator
    for comp in order:
        if comp not in asked:
            first_of(comp)
    # with room to spare, a second source per comparator (another review, another trial)
    if limit >= 6:
        for comp in order:
            sources = {d.sources for d in chosen if finding_of(d).comparator == comp}
            for d in ranked:
                f = finding_of(d)
                if f.comparator == comp and d not in chosen and d.sources not in sources:
                    if f.direction in COMPARATIVE and len(chosen) < limit:
                        chosen.append(d)
                    break
    # then other comparisons, then single-group results, each best first
    comparative = [d for d in ranked if finding_of(d).direction in COMPARATIVE]
    for d in comparative + ranked:
        if len(chosen) >= limit:
            break
        if d not in chosen:
            chosen.append(d)
    return chosen[:limit]
