"""Claim audit (``acupath check FILE``): find the claims of any text and judge each on the records.

The pipeline follows DESIGN.md's "Reading text" path, one module per step:

1. **Extract and parse** (:mod:`acupath.answer.claims`): every checkable sentence, with its span
   in the text, split into parts when it joins two predicates, each part parsed into a
   :class:`~acupath.answer.claims.ClaimStatement`.
2. **Cache of decided claims.** A part that restates a registered claim (``data/claims``) almost
   word for word, with the same figures, takes the registered status: the registry is a cache of
   claims already decided, not the judge.
3. **Judge** (:mod:`acupath.answer.claim_judge`, :mod:`acupath.answer.claim_efficacy`): the
   records decide: recommendations, coverage, screening rules and clinic policy, safety and
   efficacy findings. Only when they cannot (``unverified``) is a looser registry match used.
4. **Word** (this module): one sentence per verdict naming the deciding record and comparing the
   claim's figures with the record's.

A sentence's status combines its parts: any part contradicted -> contradicted; else any part
unsupported -> unsupported; all supported -> supported; some supported -> partly supported (the
note says which part); else unverified.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from acupath.answer import text as tx
from acupath.answer.claim_efficacy import judge_efficacy, judge_mechanism, judge_persistence
from acupath.answer.claim_judge import (
    STATUSES,
    Records,
    Ref,
    Verdict,
    judge_coverage,
    judge_guideline,
    records_for,
)
from acupath.answer.claim_safety import judge_cure, judge_safety
from acupath.answer.claim_words import evidence_item, word
from acupath.answer.claims import (
    ClaimStatement,
    claims_in,
    extract,
    split_sentences,
    with_kind,
)
from acupath.answer.models import Audit, AuditedClaim
from acupath.answer.retrieve import Index, index_for
from acupath.answer.verify import figures
from acupath.evidence.loader import EvidenceBase, bundled_base
from acupath.evidence.schemas import Claim

__all__ = ["CheckReport", "CheckedClaim", "check", "claims_in", "judge", "split_sentences"]

REGISTRY_THRESHOLD = 1.3
"""Score of the loose registry match (BM25 + keyword share + figure agreement)."""
NEAR_EXACT = 0.8
"""Share of content words a sentence must share with a registered claim to reuse its status."""


@dataclass(frozen=True)
class CheckedClaim(AuditedClaim):
    """A claim of the text with where it is, its parts and the record that decided it."""

    start: int = 0
    end: int = 0
    kind: str = "other"
    deciding: str | None = None
    parts: tuple[dict[str, Any], ...] = ()

    def as_dict(self) -> dict[str, Any]:
        out = super().as_dict()
        out.update(
            {
                "start": self.start,
                "end": self.end,
                "kind": self.kind,
                "deciding_record": self.deciding,
                "parts": list(self.parts),
            }
        )
        return out


@dataclass(frozen=True)
class CheckReport(Audit):
    """The audit of one text: its claims, in order, and the text they were found in."""

    claims: tuple[CheckedClaim, ...]
    source: str | None = None
    text: str = ""

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(STATUSES, 0)
        for c in self.claims:
            out[c.status] = out.get(c.status, 0) + 1
        return out


# --- the registry as a cache ------------------------------------------------------------------


def _content(text: str) -> set[str]:
    return set(tx.tokens(text))


def _near_exact(base: EvidenceBase, sentence: str) -> Claim | None:
    words = _content(sentence)
    figs = {f.replace(",", "") for f in figures(sentence)}
    best: tuple[float, Claim] | None = None
    for c in base.claims.values():
        other = _content(c.statement)
        if not words or not other:
            continue
        share = len(words & other) / len(words | other)
        same_figures = figs == {f.replace(",", "") for f in figures(c.statement)}
        if share >= NEAR_EXACT and same_figures and (best is None or share > best[0]):
            best = (share, c)
    return best[1] if best else None


def _loose_match(index: Index, sentence: str) -> Claim | None:
    q = index.understand(sentence)
    r = index.search(q)
    best: tuple[Claim, float] | None = None
    folded = " ".join(tx.words(sentence))
    sent_figs = {f.replace(",", "") for f in figures(sentence)}
    for d in r.top(kinds=("claim",), conditions=(), limit=40):
        c = d.record
        if not isinstance(c, Claim):
            continue
        lex = float(r.lexical[index.position(d)])
        kws = [k for k in c.keywords if k.strip()]
        hit = sum(1 for k in kws if " ".join(tx.words(k)) in folded) if kws else 0
        kw_share = hit / len(kws) if kws else 0.0
        claim_figs = {f.replace(",", "") for f in figures(c.statement)}
        fig_bonus = 0.0
        if claim_figs or sent_figs:
            # a registered claim with figures is the same claim only with the same figures
            if claim_figs != sent_figs and not (claim_figs & sent_figs):
                continue
            fig_bonus = 0.6 if claim_figs & sent_figs else 0.0
        cond_bonus = 0.2 if c.condition and c.condition in q.conditions else 0.0
        if hit == 0 and fig_bonus <= 0:
            continue
        score = lex + kw_share + fig_bonus + cond_bonus
        if best is None or score > best[1]:
            best = (c, score)
    if best is not None and best[1] >= REGISTRY_THRESHOLD:
        return best[0]
    return None


def _registry_verdict(c: Claim) -> Verdict:
    refs = [Ref("finding", f) for f in c.findings] + [
        Ref("recommendation", r) for r in c.recommendations
    ]
    return Verdict(
        c.status, tuple(refs), "registry", {"claim": c.id, "note": " ".join(c.note.split())}
    )


# --- judging ------------------------------------------------------------------------------------

_JUDGES = {
    "guideline": judge_guideline,
    "coverage": judge_coverage,
    "safety": judge_safety,
    "cure": judge_cure,
    "efficacy": judge_efficacy,
    "persistence": judge_persistence,
    "mechanism": judge_mechanism,
}


def judge_statement(st: ClaimStatement, R: Records) -> Verdict:
    """The records' verdict on one parsed claim part (no registry)."""
    fn = _JUDGES.get(st.kind)
    verdict = fn(st, R) if fn is not None else Verdict("unverified", (), "no_record", {})
    # a durability or mechanism word in a plain efficacy claim: judge the effect instead
    retry = st.kind in ("persistence", "mechanism") and verdict.reason != "timepoint_not_found"
    if verdict.status == "unverified" and retry and st.conditions:
        second = judge_efficacy(with_kind(st, "efficacy"), R)
        if second.status != "unverified":
            return second
    return verdict


def judge(
    index: Index, statement: ClaimStatement, R: Records | None = None
) -> tuple[Verdict, str | None]:
    """The verdict on one claim part and the registered claim it matched, if any."""
    R = R or records_for(index.base)
    cached = _near_exact(index.base, statement.text)
    if cached is not None:
        return _registry_verdict(cached), cached.id
    verdict = judge_statement(statement, R)
    if verdict.reason in ("outside_base", "body_not_in_base", "payer_not_in_base"):
        return verdict, None
    loose = _loose_match(index, statement.text)
    if loose is None:
        return verdict, None
    if verdict.status == "unverified":
        return _registry_verdict(loose), loose.id
    # the records decided; name the registered claim when it was decided the same way
    return verdict, (loose.id if loose.status == verdict.status else None)


# --- the whole audit ---------------------------------------------------------------------------


def _combine(verdicts: Sequence[Verdict]) -> str:
    statuses = [v.status for v in verdicts]
    for s in ("contradicted", "unsupported"):
        if s in statuses:
            return s
    if all(s == "supported" for s in statuses):
        return "supported"
    if any(s in ("supported", "partly_supported") for s in statuses):
        return "partly_supported"
    return "unverified"


def check(text: str, *, base: EvidenceBase | None = None, source: str | None = None) -> CheckReport:
    """Audit every claim of ``text`` against the records (see the module docstring)."""
    base = base or bundled_base()
    index = index_for(base)
    R = records_for(base)
    out: list[CheckedClaim] = []
    for claim in extract(text, index):
        judged = [(st, *judge(index, st, R)) for st in claim.parts]
        status = _combine([v for _, v, _ in judged])
        # the part that decides the sentence's status speaks first
        order = sorted(judged, key=lambda t: t[1].status != status)
        lead_st, lead, matched = order[0]
        if len(judged) > 1 and all(v.reason == "no_evidence_of_benefit" for _, v, _ in judged):
            # "strengthens the immune system and helps shrink tumours": one sentence for both
            words = [w for _, v, _ in judged for w in v.facts.get("words", [])]
            merged = Verdict(lead.status, lead.records, lead.reason, {**lead.facts, "words": words})
            order = [(lead_st, merged, matched)]
        notes = [word(v, base, R, st) for st, v, _ in order]
        if len(judged) > 1 and status == "partly_supported":
            weak = [st.text for st, v, _ in judged if v.status != "supported"]
            notes.insert(0, f'Only part of the claim holds ("{weak[0].rstrip(".")}" does not).')
        evidence: list[dict[str, Any]] = []
        seen: set[tuple[str, str]] = set()
        for _, v, _ in order:
            for n, ref in enumerate(v.records):
                if (ref.kind, ref.id) in seen:
                    continue
                seen.add((ref.kind, ref.id))
                role = "deciding" if not evidence and n == 0 else "context"
                evidence.append(evidence_item(base, R, ref, role))
        parts = tuple(
            {
                "text": st.text,
                "status": v.status,
                "reason": v.reason,
                "records": [r.id for r in v.records],
                "matched_claim": m,
                "parsed": st.as_dict(),
            }
            for st, v, m in judged
        )
        out.append(
            CheckedClaim(
                text=claim.span.text,
                status=status,
                evidence=tuple(evidence),
                note=" ".join(notes[:2]) if len(judged) > 1 else notes[0],
                matched_claim=matched,
                start=claim.span.start,
                end=claim.span.end,
                kind=lead_st.kind,
                deciding=lead.deciding.id if lead.deciding else None,
                parts=parts,
            )
        )
    return CheckReport(tuple(out), source, text)


def summary_counts(audit: Audit) -> Sequence[tuple[str, int]]:
    """Counts by status, in a fixed order."""
    counts = audit.counts()
    return [(k, counts.get(k, 0)) for k in STATUSES]


def segments(report: CheckReport) -> list[dict[str, Any]]:
    """The checked text cut into pieces for highlighting: plain text, and each claim with its
    number and status (claims without an exact span are left to the list below the text)."""
    out: list[dict[str, Any]] = []
    cursor = 0
    for n, claim in enumerate(report.claims, start=1):
        if claim.end <= claim.start or claim.start < cursor:
            continue
        if claim.start > cursor:
            out.append({"text": report.text[cursor : claim.start], "claim": None})
        out.append(
            {"text": report.text[claim.start : claim.end], "claim": n, "status": claim.status}
        )
        cursor = claim.end
    if cursor < len(report.text):
        out.append({"text": report.text[cursor:], "claim": None})
    return out
