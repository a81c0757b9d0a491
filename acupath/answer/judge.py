"""The judge: one verdict per condition x comparator, decided from every record the base holds.

Ask and Check share it (see DESIGN.md, "Reading text: one parser and one judge"): an answer's
bottom line and an audit of a claim say the same thing about, say, chronic low back pain versus
sham acupuncture because both call :func:`judge` and nothing else decides. The judge never
formats text; :mod:`acupath.answer.synthesis` words its verdicts.

Public API (small, pure, documented)::

    from acupath.answer.judge import judge, judge_condition, guideline_stance, COMPARATORS

    v = judge(base, "chronic_low_back_pain", "sham")      # Verdict
    v.direction, v.size, v.important, v.certainty, v.dissenting_trials
    judge_condition(base, "knee_osteoarthritis")           # ConditionJudgement: all comparators
    guideline_stance(base, "chronic_low_back_pain")        # GuidelineStance

Rules (in the order they apply)
-------------------------------
1. **Records.** A finding counts for condition ``c`` and comparator group ``g`` when it covers
   ``c`` (its own condition, or ``c`` among its ``related_conditions``), its comparator is in
   ``g`` (:data:`COMPARATORS`), its direction is comparative, it is not a threshold, and its
   outcome is about benefit (not harms, mechanisms, persistence or adherence).
2. **Weight.** Records are ranked by the key
   ``(tier, own condition first, outcome rank, certainty rank, numeric first, -participants,
   -studies, id)`` with tiers: reviews of this condition (0), reviews pooling several conditions
   (1), acupath's own recomputation of this condition's trials (2), single trials of this
   condition (3), narrative reviews (4). Pooled reviews weigh more than single trials;
   condition-specific evidence comes before evidence pooled across conditions. Pain outcomes
   rank before function and other primary outcomes; a graded certainty before an ungraded one.
3. **Direction** is that of the first-ranked record (the *decider*), unless another record of
   the same tier and outcome points the other way: then it is ``mixed``.
4. **Dissenting trials.** Single trials of this condition whose direction differs from the
   verdict are named (for chronic low back pain against sham: the null GERAC and ART trials),
   whatever the direction decided.
5. **Size** is taken from the first-ranked numeric record that agrees with the direction.
   Its clinical importance is judged against, in order: the record's own minimal clinically
   important difference (``MCID n`` in its scale), a threshold the same source prespecified,
   or the IMMPACT/Farrar threshold held in the base (a change of about 2 points on a 0-10
   pain scale, Farrar 2001; on a 0-100 scale the same threshold is 10 times larger).
   Standardised differences get a size word (Cohen's bands, as in the vocabulary) and no
   importance judgement, since no threshold in the base is on that scale.
6. **Certainty** is the size record's (else the decider's) ``certainty`` field; ``not_graded``
   is reported as not rated.
7. **Conflicts.** Two numeric records on the same outcome and measure conflict when their
   directions differ, their confidence intervals do not overlap, or one estimate is at least
   twice the other; :func:`differences` names what differs between them (population pooled
   across conditions, sham or control type, time point, analysis, outcome), and a conflict
   with no such difference is reported as unexplained.

References: Dworkin RH et al. J Pain 2008;9:105-121 (IMMPACT); Farrar JT et al. Pain
2001;94:149-158; Cohen J. Statistical power analysis for the behavioral sciences, 1988.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from acupath.answer.conflicts import Conflict, Difference, conflicting, differences
from acupath.answer.importance import (
    NUMERIC,
    Importance,
    Size,
    Threshold,
    importance,
    scale_max,
    size_of,
    smd_word,
    threshold_for,
)
from acupath.evidence.loader import EvidenceBase
from acupath.evidence.schemas import Finding, Recommendation

__all__ = [
    "COMPARATORS",
    "ConditionJudgement",
    "Conflict",
    "Difference",
    "GuidelineStance",
    "Size",
    "Threshold",
    "Verdict",
    "conflicting",
    "differences",
    "group_of",
    "guideline_stance",
    "judge",
    "judge_condition",
    "records_for",
    "scale_max",
    "smd_word",
]

Direction = Literal["benefit", "no_difference", "worse", "mixed", "insufficient"]
Tier = Literal["review", "pooled_conditions", "recomputed", "trial", "narrative"]

COMPARATORS: Mapping[str, tuple[str, ...]] = {
    "sham": ("sham",),
    "usual_care": ("usual_care", "no_acupuncture", "waitlist"),
    "medication": ("medication",),
    "mixed": ("any", "other"),
}
"""Comparator groups a verdict is given for: sham acupuncture; usual care, no acupuncture or a
waiting list (the effect of adding acupuncture in practice); medicines; and reviews that pooled
several kinds of control together."""

_COMPARATIVE = {"favours_acupuncture", "favours_comparator", "no_difference", "mixed"}
_DIRECTION: Mapping[str, Direction] = {
    "favours_acupuncture": "benefit",
    "no_difference": "no_difference",
    "favours_comparator": "worse",
    "mixed": "mixed",
}
_REVIEW_KINDS = {"meta_analysis", "ipd_meta_analysis", "systematic_review", "overview"}
_NOT_BENEFIT = (
    "adverse",
    "bleeding",
    "bruis",
    "mechanism",
    "persistence",
    "adherence",
    "discontinu",
)
_OUTCOME_RANK = {"pain": 0, "responder": 1, "headache_frequency": 1, "function": 2}
_CERTAINTY_RANK = {"high": 0, "moderate": 1, "low": 2, "very_low": 3, "not_graded": 4}
_TIER_RANK: Mapping[Tier, int] = {
    "review": 0,
    "pooled_conditions": 1,
    "recomputed": 2,
    "trial": 3,
    "narrative": 4,
}
_SENSITIVITY = re.compile(r"(?:^|[\s_(,])(?:includ|exclud|incl|excl|sensitivity)", re.IGNORECASE)


@dataclass(frozen=True)
class Verdict:
    """What the evidence base says about acupuncture for ``condition`` against ``comparator``.

    ``direction``: benefit, no_difference, worse, mixed or insufficient (no record).
    ``basis``: ``condition`` when the decider was measured in this condition, ``pooled`` when it
    pools several conditions (it must then be labelled as such), ``none`` without records.
    ``important``: whether the size reaches the clinically important difference (``unknown``
    when no threshold applies, as for standardised differences).
    """

    condition: str
    comparator: str
    direction: Direction
    basis: Literal["condition", "pooled", "none"]
    decider: Finding | None = None
    size: Size | None = None
    threshold: Threshold | None = None
    important: Importance = "unknown"
    ci_reaches_threshold: bool = False
    certainty: str = "not_graded"
    dissenting_trials: tuple[Finding, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    records: tuple[Finding, ...] = ()

    @property
    def rated(self) -> bool:
        """Whether the certainty of the deciding evidence has been graded."""
        return self.certainty != "not_graded"

    @property
    def deciding_records(self) -> tuple[Finding, ...]:
        """The records an answer must cite when it states this verdict."""
        out: list[Finding] = []
        for f in (self.decider, self.size.record if self.size else None):
            if f is not None and f not in out:
                out.append(f)
        if self.threshold is not None and self.threshold.record not in out:
            out.append(self.threshold.record)
        out += [f for f in self.dissenting_trials if f not in out]
        return tuple(out)

    def as_dict(self) -> dict[str, object]:
        """The verdict as plain data (record ids, full-precision numbers; no wording)."""
        size = None
        if self.size is not None:
            size = {
                "record": self.size.record.id,
                "measure": self.size.measure,
                "estimate": self.size.estimate,
                "ci_lower": self.size.ci_lower,
                "ci_upper": self.size.ci_upper,
                "scale_max": self.size.scale_max,
                "smd_word": self.size.smd_word,
            }
        return {
            "condition": self.condition,
            "comparator": self.comparator,
            "direction": self.direction,
            "basis": self.basis,
            "decider": self.decider.id if self.decider else None,
            "size": size,
            "threshold": self.threshold.record.id if self.threshold else None,
            "important": self.important,
            "certainty": self.certainty,
            "rated": self.rated,
            "dissenting_trials": [f.id for f in self.dissenting_trials],
            "conflicts": [
                {"a": c.a.id, "b": c.b.id, "differences": [d.kind for d in c.differences]}
                for c in self.conflicts
            ],
        }

    def key(self) -> tuple[str, str, str | None, str | None, float | None, str, tuple[str, ...]]:
        """A comparable summary: identical in every answer that states this verdict."""
        return (
            self.direction,
            self.basis,
            self.decider.id if self.decider else None,
            self.size.record.id if self.size else None,
            self.size.estimate if self.size else None,
            self.important,
            tuple(f.id for f in self.dissenting_trials),
        )


@dataclass(frozen=True)
class GuidelineStance:
    """Where guidelines stand on acupuncture for one condition (coverage rules excluded)."""

    condition: str
    recommend: tuple[Recommendation, ...] = ()
    conditional: tuple[Recommendation, ...] = ()
    against: tuple[Recommendation, ...] = ()
    insufficient: tuple[Recommendation, ...] = ()

    @property
    def disagree(self) -> bool:
        return bool((self.recommend or self.conditional) and self.against)

    @property
    def records(self) -> tuple[Recommendation, ...]:
        return self.recommend + self.conditional + self.against + self.insufficient


@dataclass(frozen=True)
class ConditionJudgement:
    """Every comparator's verdict for one condition, and the guidelines' stance."""

    condition: str
    verdicts: tuple[Verdict, ...]
    guidelines: GuidelineStance = field(default_factory=lambda: GuidelineStance(""))

    def verdict(self, comparator: str) -> Verdict:
        for v in self.verdicts:
            if v.comparator == comparator:
                return v
        raise KeyError(comparator)

    @property
    def with_evidence(self) -> tuple[Verdict, ...]:
        return tuple(v for v in self.verdicts if v.direction != "insufficient")


def group_of(comparator: str) -> str | None:
    """The comparator group of a finding's comparator (None for single-group results)."""
    for group, members in COMPARATORS.items():
        if comparator in members:
            return group
    return None


# -- record selection and weight ----------------------------------------------------------------


def is_benefit_outcome(outcome: str) -> bool:
    """Whether an outcome measures benefit (not harms, mechanisms, persistence, adherence)."""
    return not any(word in outcome for word in _NOT_BENEFIT)


def tier(f: Finding, base: EvidenceBase, condition: str) -> Tier:
    """The weight class of a record for ``condition`` (see rule 2 of the module docstring)."""
    src = base.sources.get(f.source)
    kind = src.kind if src is not None else ""
    specific = f.condition == condition
    if kind == "narrative_review":
        return "narrative"
    if f.provenance == "computed":
        return "recomputed"
    pooled = kind in _REVIEW_KINDS or (f.n_studies or 0) > 1
    if pooled:
        return "review" if specific else "pooled_conditions"
    return "trial" if specific else "pooled_conditions"


def records_for(base: EvidenceBase, condition: str, comparator: str) -> list[Finding]:
    """Every finding that bears on benefit for ``condition`` against a comparator group."""
    if comparator not in COMPARATORS:
        raise ValueError(
            f"unknown comparator {comparator!r}; choose one of: {', '.join(COMPARATORS)}"
        )
    members = COMPARATORS[comparator]
    return [
        f
        for f in base.findings.values()
        if f.covers(condition)
        and f.comparator in members
        and f.direction in _COMPARATIVE
        and f.measure not in ("threshold", "proportion", "mean", "count", "rate")
        and is_benefit_outcome(f.outcome)
    ]


def is_sensitivity_analysis(f: Finding) -> bool:
    """Whether a record is a sensitivity analysis (a re-run including or excluding trials)."""
    return bool(_SENSITIVITY.search(f"{f.comparator_detail or ''} {f.id}"))


def _rank_key(f: Finding, base: EvidenceBase, condition: str) -> tuple[object, ...]:
    return (
        _TIER_RANK[tier(f, base, condition)],
        f.condition != condition,
        # a pool of fewer conditions is closer to this one (back and neck before all pain)
        0 if f.condition == condition else len(f.related_conditions) + (f.condition is not None),
        is_sensitivity_analysis(f),
        _OUTCOME_RANK.get(f.outcome, 3),
        _CERTAINTY_RANK[f.certainty],
        f.measure not in NUMERIC,
        -(f.n_participants or 0),
        -(f.n_studies or 0),
        f.id,
    )


def ranked(base: EvidenceBase, condition: str, records: Iterable[Finding]) -> list[Finding]:
    """Records best first by the weight key of rule 2."""
    return sorted(records, key=lambda f: _rank_key(f, base, condition))


# -- the verdict --------------------------------------------------------------------------------


_CACHE: dict[int, tuple[object, dict[tuple[str, str], Verdict]]] = {}
_CACHE_BASES = 8


def judge(base: EvidenceBase, condition: str, comparator: str) -> Verdict:
    """The verdict for acupuncture in ``condition`` against a comparator group (see rules).

    Pure: the same base, condition and comparator always give the same verdict, so verdicts are
    remembered per base object (the loaded base is immutable) for the next answer that asks.
    """
    hit = _CACHE.get(id(base))
    if hit is None or hit[0] is not base:
        if len(_CACHE) >= _CACHE_BASES:
            _CACHE.clear()
        hit = (base, {})
        _CACHE[id(base)] = hit
    key = (condition, comparator)
    if key not in hit[1]:
        hit[1][key] = _judge(base, condition, comparator)
    return hit[1][key]


def _judge(base: EvidenceBase, condition: str, comparator: str) -> Verdict:
    if condition not in base.conditions:
        raise ValueError(f"unknown condition {condition!r}")
    records = ranked(base, condition, records_for(base, condition, comparator))
    if not records:
        return Verdict(condition, comparator, "insufficient", "none")
    decider = records[0]
    top_tier = tier(decider, base, condition)
    direction: Direction = _DIRECTION[decider.direction]
    # other sources' main results at the decider's weight; a source's sensitivity analyses
    # do not outvote its main result
    peers = [
        f
        for f in _one_per_source(records)
        if tier(f, base, condition) == top_tier
        and f.outcome == decider.outcome
        and f.source != decider.source
    ]
    if any(_DIRECTION[f.direction] != direction for f in peers):
        direction = "mixed"
    # a trial is named as disagreeing only when none of its results on that outcome agrees:
    # one null time point of a trial that found a benefit at another (Thomas 2006: 12 months
    # against 24) does not make it a null trial
    agreeing = {(f.source, f.outcome) for f in records if _DIRECTION[f.direction] == direction}
    dissent = tuple(
        _one_per_source(
            [
                f
                for f in records
                if tier(f, base, condition) == "trial"
                and _DIRECTION[f.direction] != direction
                and f.outcome in ("pain", "responder", decider.outcome)
                and (f.source, f.outcome) not in agreeing
            ]
        )
    )
    size: Size | None = None
    want = {decider.direction} if direction != "mixed" else set(_COMPARATIVE)
    for f in records:
        if f.direction in want and f.measure in NUMERIC and f.estimate is not None:
            size = size_of(f)
            break
    thr = threshold_for(base, size) if size is not None else None
    important, reaches = importance(size, thr) if size is not None else ("unknown", False)
    certainty_from = size.record if size is not None else decider
    conflicts: list[Conflict] = []
    lead = size.record if size is not None else decider
    for f in records:
        if f is not lead and conflicting(lead, f):
            conflicts.append(Conflict(lead, f, differences(lead, f, condition)))
    return Verdict(
        condition=condition,
        comparator=comparator,
        direction=direction,
        basis="condition" if decider.condition == condition else "pooled",
        decider=decider,
        size=size,
        threshold=thr,
        important=important,
        ci_reaches_threshold=reaches,
        certainty=certainty_from.certainty,
        dissenting_trials=dissent,
        conflicts=tuple(conflicts),
        records=tuple(records),
    )


def _one_per_source(findings: Sequence[Finding]) -> list[Finding]:
    seen: set[str] = set()
    out: list[Finding] = []
    for f in findings:
        if f.source not in seen:
            seen.add(f.source)
            out.append(f)
    return out


def guideline_stance(base: EvidenceBase, condition: str) -> GuidelineStance:
    """Guideline positions on ``condition`` (its own and related ones), newest first; coverage
    policies are payers' rules, not guidelines, and are left out."""
    recs = [
        r
        for r in base.recommendations.values()
        if r.covers(condition)
        and (src := base.sources.get(r.source)) is not None
        and src.kind != "coverage_policy"
    ]
    recs.sort(key=lambda r: (-r.year, r.body, r.id))
    own = [r for r in recs if r.condition == condition] or recs
    return GuidelineStance(
        condition,
        recommend=tuple(r for r in own if r.direction == "for"),
        conditional=tuple(r for r in own if r.direction == "conditional"),
        against=tuple(r for r in own if r.direction == "against"),
        insufficient=tuple(r for r in own if r.direction == "insufficient"),
    )


def judge_condition(base: EvidenceBase, condition: str) -> ConditionJudgement:
    """Every comparator group's verdict for ``condition`` and the guidelines' stance."""
    return ConditionJudgement(
        condition,
        tuple(judge(base, condition, c) for c in COMPARATORS),
        guideline_stance(base, condition),
    )
