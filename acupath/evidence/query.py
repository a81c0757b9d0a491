"""Questions asked of the knowledge base: filters, lookups and citation records.

Pure functions over an :class:`~acupath.evidence.loader.EvidenceBase`; unknown ids raise
:class:`~acupath.errors.NotFound` with the ids that would have been accepted.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, get_args

from pydantic import BaseModel

from acupath.errors import InputError, NotFound
from acupath.evidence.loader import EvidenceBase
from acupath.evidence.schemas import (
    Claim,
    ClaimStatus,
    Comparator,
    Condition,
    Finding,
    Recommendation,
    Source,
    Study,
)


@dataclass(frozen=True)
class FindingFilter:
    """Optional filters for :func:`select_findings`; ``None`` means "any"."""

    condition: str | None = None
    comparator: str | None = None
    outcome: str | None = None
    source: str | None = None


def condition(base: EvidenceBase, condition_id: str) -> Condition:
    """The condition with this id, or :class:`NotFound` listing the known ids."""
    try:
        return base.conditions[condition_id]
    except KeyError:
        raise NotFound.unknown("condition", condition_id, list(base.conditions)) from None


def source(base: EvidenceBase, source_id: str) -> Source:
    """The source with this id, or :class:`NotFound`."""
    try:
        return base.sources[source_id]
    except KeyError:
        raise NotFound.unknown("source", source_id, list(base.sources)) from None


def check_filter(base: EvidenceBase, flt: FindingFilter) -> None:
    """Refuse filter values that can never match, so a typo is an error, not an empty list."""
    if flt.condition is not None:
        condition(base, flt.condition)
    if flt.source is not None:
        source(base, flt.source)
    comparators = get_args(Comparator)
    if flt.comparator is not None and flt.comparator not in comparators:
        raise InputError.invalid("comparator", flt.comparator, "one of: " + ", ".join(comparators))
    if flt.outcome is not None:
        outcomes = sorted({f.outcome for f in base.findings.values()})
        if flt.outcome not in outcomes:
            raise NotFound.unknown("outcome", flt.outcome, outcomes)


def select_findings(base: EvidenceBase, flt: FindingFilter | None = None) -> list[Finding]:
    """Findings matching every given filter, in knowledge-base order."""
    flt = flt or FindingFilter()
    check_filter(base, flt)
    return [
        f
        for f in base.findings.values()
        if (flt.condition is None or f.covers(flt.condition))
        and (flt.comparator is None or f.comparator == flt.comparator)
        and (flt.outcome is None or f.outcome == flt.outcome)
        and (flt.source is None or f.source == flt.source)
    ]


def recommendations_for(
    base: EvidenceBase, condition_id: str | None = None
) -> list[Recommendation]:
    """Guideline and payer positions, for one condition or all."""
    if condition_id is not None:
        condition(base, condition_id)
    return [
        r for r in base.recommendations.values() if condition_id is None or r.covers(condition_id)
    ]


def claims(
    base: EvidenceBase, condition_id: str | None = None, status: str | None = None
) -> list[Claim]:
    """Registered claims, optionally for one condition and/or one status."""
    if condition_id is not None:
        condition(base, condition_id)
    statuses = get_args(ClaimStatus)
    if status is not None and status not in statuses:
        raise InputError.invalid("status", status, "one of: " + ", ".join(statuses))
    return [
        c
        for c in base.claims.values()
        if (condition_id is None or c.condition == condition_id)
        and (status is None or c.status == status)
    ]


def reference(src: Source) -> dict[str, Any]:
    """A source as a reference entry: ``id, citation, doi, pmid, url, year``."""
    return {
        "id": src.id,
        "citation": src.citation(),
        "doi": src.doi,
        "pmid": src.pmid,
        "url": src.link(),
        "year": src.year,
    }


def references(base: EvidenceBase, source_ids: Iterable[str]) -> list[dict[str, Any]]:
    """Reference entries for the given source ids, each once, in first-use order."""
    seen: dict[str, dict[str, Any]] = {}
    for sid in source_ids:
        if sid not in seen:
            seen[sid] = reference(source(base, sid))
    return list(seen.values())


Record = Source | Condition | Finding | Recommendation | Claim | Study


def lookup(base: EvidenceBase, record_id: str) -> tuple[str, Record]:
    """Find any record by id; returns its kind and the record."""
    kinds: list[tuple[str, dict[str, BaseModel]]] = [
        ("finding", dict(base.findings)),
        ("source", dict(base.sources)),
        ("condition", dict(base.conditions)),
        ("recommendation", dict(base.recommendations)),
        ("claim", dict(base.claims)),
        ("study", dict(base.studies)),
    ]
    for kind, records in kinds:
        if record_id in records:
            record = records[record_id]
            assert isinstance(record, Source | Condition | Finding | Recommendation | Claim | Study)
            return kind, record
    every = [rid for _, records in kinds for rid in records]
    raise NotFound.unknown("record", record_id, _close(record_id, every))


def _close(word: str, choices: list[str]) -> list[str]:
    import difflib

    return difflib.get_close_matches(word, choices, n=8, cutoff=0.5)


def sources_cited_by(base: EvidenceBase, kind: str, record: Record) -> list[str]:
    """The source ids a record rests on (its own source, or a claim's deciding records)."""
    if isinstance(record, Source):
        return [record.id]
    if isinstance(record, Finding | Recommendation | Study):
        return [record.source]
    if isinstance(record, Claim):
        ids = [base.findings[f].source for f in record.findings]
        ids += [base.recommendations[r].source for r in record.recommendations]
        return ids + list(record.sources)
    return []


CERTAINTY_RANK = {"high": 4, "moderate": 3, "low": 2, "very_low": 1, "not_graded": 0}


@dataclass(frozen=True)
class ConditionProfile:
    """How much evidence acupath holds on one condition, and how good and how recent it is.

    ``newest_evidence`` is the publication year of the newest source acupath has read for the
    condition (findings and guideline positions); ``searched`` is when acupath last searched its
    stored copies for it. Together they say whether a conclusion may be out of date.
    ``comparators`` lists, per comparator with evidence, the number of findings and their best
    certainty.
    """

    condition: str
    n_findings: int
    n_efficacy: int
    best_certainty: str
    searched: str | None
    newest_evidence: int | None
    pooled: bool
    no_pooled_estimate: str | None
    comparators: dict[str, dict[str, Any]]

    def as_dict(self) -> dict[str, Any]:
        return {
            "n_findings": self.n_findings,
            "n_efficacy_findings": self.n_efficacy,
            "best_certainty": self.best_certainty,
            "searched": self.searched,
            "newest_evidence": self.newest_evidence,
            "has_pooled_estimate": self.pooled,
            "no_pooled_estimate": self.no_pooled_estimate,
            "comparators": self.comparators,
        }


def condition_profile(base: EvidenceBase, condition_id: str) -> ConditionProfile:
    """The :class:`ConditionProfile` of one condition (see there)."""
    from acupath.evidence.loader import is_pooled

    cond = condition(base, condition_id)
    found = [f for f in base.findings.values() if f.covers(condition_id)]
    efficacy = [f for f in found if f.is_efficacy]
    best = max(
        (f.certainty for f in efficacy), key=CERTAINTY_RANK.__getitem__, default="not_graded"
    )
    years = [base.sources[f.source].year for f in found]
    years += [base.sources[r.source].year for r in recommendations_for(base, condition_id)]
    comparators: dict[str, dict[str, Any]] = {}
    for f in efficacy:
        entry = comparators.setdefault(
            f.comparator, {"n_findings": 0, "best_certainty": "not_graded", "pooled": False}
        )
        entry["n_findings"] += 1
        if CERTAINTY_RANK[f.certainty] > CERTAINTY_RANK[entry["best_certainty"]]:
            entry["best_certainty"] = f.certainty
        entry["pooled"] = entry["pooled"] or is_pooled(f, base.sources)
    return ConditionProfile(
        condition=condition_id,
        n_findings=len(found),
        n_efficacy=len(efficacy),
        best_certainty=best,
        searched=cond.searched.isoformat() if cond.searched else None,
        newest_evidence=max(years) if years else None,
        pooled=any(is_pooled(f, base.sources) for f in found),
        no_pooled_estimate=cond.no_pooled_estimate,
        comparators=comparators,
    )
