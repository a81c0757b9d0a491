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

import re
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
    judge_cure,
    judge_guideline,
    judge_safety,
    records_for,
)
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
from acupath.evidence.query import reference
from acupath.evidence.schemas import Claim, Finding, Recommendation

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
        if share >= NEAR_EXACT and figs == {f.replace(",", "") for f in figures(c.statement)}:
            if best is None or share > best[0]:
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
    if verdict.status == "unverified" and st.kind in ("persistence", "mechanism"):
        # a durability or mechanism word in a plain efficacy claim: judge the effect instead
        if st.conditions and verdict.reason != "timepoint_not_found":
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


# --- wording ------------------------------------------------------------------------------------


def _author(base: EvidenceBase, source_id: str) -> str:
    src = base.sources.get(source_id)
    if src is None:
        return source_id
    first = re.split(r"[ ,]", src.authors.strip())[0]
    return f"{first} {src.year}"


def _short_body(body: str) -> str:
    m = re.search(r"\(([^)]+)\)", body)
    if m:
        return m.group(1)
    words = {"American College of Physicians": "ACP", "American College of Rheumatology": "ACR"}
    for long, short in words.items():
        if body.startswith(long):
            return short
    return body


def label(base: EvidenceBase, ref: Ref) -> str:
    """How a note names a record: ``Hershman 2018 (hershman2018_ta_vs_sham_week6)``."""
    if ref.kind == "finding" and ref.id in base.findings:
        return f"{_author(base, base.findings[ref.id].source)} ({ref.id})"
    if ref.kind == "recommendation" and ref.id in base.recommendations:
        r = base.recommendations[ref.id]
        return f"{_short_body(r.body)} {r.year} ({ref.id})"
    if ref.kind == "screening_rule":
        return f"screening rule {ref.id}"
    if ref.kind == "claim":
        return f"registered claim {ref.id}"
    return ref.id


def figure_of(f: Finding) -> str:
    """A finding's estimate as a reader says it: ``0.92 points``, ``SMD 0.23``, ``9.3%``."""
    if f.estimate is None:
        return (f.verdict or f.direction).replace("_", " ")
    value = abs(f.estimate)
    text = f"{value:g}"
    if f.measure == "proportion":
        return f"{value * 100:.3g}%"
    if f.measure in ("SMD", "RR", "OR", "HR"):
        return f"{f.measure} {text}"
    if f.measure == "rate" and f.unit:
        return f"{text} {f.unit}"
    where = f"{f.unit or ''} {f.scale or ''}".lower()
    if "point" in where or "0-10" in where or "0 10" in where:
        return f"{text} points"
    return f"{text} {f.unit}" if f.unit else text


def _summary(base: EvidenceBase, ref_id: str | None) -> str:
    if ref_id is None:
        return ""
    rec: Any = base.findings.get(ref_id) or base.recommendations.get(ref_id)
    if rec is None:
        return ""
    text = " ".join(rec.summary.split()).rstrip(".")
    first = re.split(r"(?<=[a-z0-9)])\. ", text)[0]
    return first[:1].lower() + first[1:] if not first[:2].isupper() else first


def _cond(base: EvidenceBase, rec: Recommendation) -> str:
    c = base.conditions.get(rec.condition)
    return c.name.lower() if c else rec.condition.replace("_", " ")


_POSITION = {
    "for": "recommends",
    "against": "advises against",
    "conditional": "conditionally recommends",
    "insufficient": "finds too little evidence to recommend",
}


def word(verdict: Verdict, base: EvidenceBase, R: Records, st: ClaimStatement) -> str:
    """One sentence explaining ``verdict``: the deciding record and the figures compared."""
    f = verdict.facts
    lab = label(base, verdict.deciding) if verdict.deciding else ""
    rec = base.recommendations.get(str(f.get("rec"))) if f.get("rec") else None
    finding = base.findings.get(str(f.get("finding"))) if f.get("finding") else None
    reason = verdict.reason
    if reason == "registry":
        return f"Registered claim {f['claim']}: {f['note']}"
    if rec is not None and reason.startswith("guideline"):
        rl = label(base, Ref("recommendation", rec.id))
        pos = _POSITION[rec.direction]
        cond = _cond(base, rec)
        if reason == "guideline_agrees":
            return f"{rl} {pos} acupuncture for {cond} ({rec.strength.replace('_', ' ')} recommendation), as the claim says."
        if reason == "guideline_opposite":
            return f"{rl} {pos} acupuncture for {cond}, the opposite of the claim: {_summary(base, rec.id)}."
        if reason == "guideline_not_unanimous":
            return f"Not every guideline agrees: {rl} {pos} acupuncture for {cond}."
        if reason == "guidelines_disagree":
            other = base.recommendations[str(f["other"])]
            return (
                f"{rl} {pos} acupuncture for {cond}, but {label(base, Ref('recommendation', other.id))} "
                f"{_POSITION[other.direction]} it: the guidelines disagree."
            )
        if reason == "guideline_weaker":
            return (
                f"{rl} {pos} acupuncture for {cond}, but with a {rec.strength.replace('_', ' ')} "
                f"recommendation on {rec.evidence_quality.replace('_', ' ')} evidence, which the claim overstates."
            )
        if reason == "guideline_not_first_line":
            use = rec.conditions_of_use[0] if rec.conditions_of_use else "as an option to consider"
            return f"{rl} {pos} acupuncture for {cond} but not as a first-line treatment: {use[:1].lower() + use[1:]}."
        if reason == "guideline_misattributed":
            return (
                f"Misattributed: the recommendation on {cond} is {rl}'s; the base holds no "
                f"{f['claimed_body']} recommendation on it."
            )
    if reason == "body_silent_on_condition":
        return f"The base holds no {f['claimed_body']} recommendation on this condition."
    if reason in ("body_not_in_base", "payer_not_in_base"):
        return f"The base holds no record of the position of {f['body']}, so the claim cannot be checked."
    if reason in ("guideline_no_condition", "no_guideline_for_condition"):
        return "No guideline record of the base covers the condition this claim is about."
    if rec is not None and reason.startswith("coverage"):
        rl = label(base, Ref("recommendation", rec.id))
        limits = "; ".join(u[:1].lower() + u[1:] for u in rec.conditions_of_use[:3])
        covered = ", ".join(
            base.conditions[c].name.lower() for c in f.get("covered", []) if c in base.conditions
        )
        if reason == "coverage_other_conditions":
            outside = [
                base.conditions[c].name.lower()
                for c in f.get("conditions", [])
                if c in base.conditions
            ]
            named = " and ".join(outside) if outside else "other kinds of pain"
            return f"{rl} covers acupuncture for {covered or 'one condition'} only; {named} remain non-covered."
        if reason == "coverage_unlimited":
            return f"{rl} allows no more than {f['annual']:g} treatments a year, so coverage is not unlimited."
        if reason == "coverage_figure_differs":
            roles = {
                "annual": "a year",
                "additional": "additional sessions",
                "initial": "visits in the first period",
                "days": "days",
                "unknown": "",
            }
            return (
                f"The claim says {f['claimed']:g} {roles[f['role']]} but {rl} allows {f['actual']:g} "
                f"({limits})."
            )
        if reason == "coverage_condition_missing":
            return f"{rl} covers acupuncture for {covered} only, which the claim leaves out."
        if reason == "coverage_figure_unknown":
            return f"The claim's figure {f['claimed']} is not among the limits of {rl} ({limits})."
        compared = ", ".join(f"{c[1]:g}" for c in f.get("compared", []))
        match = f"; the claim's figures ({compared}) match" if compared else ""
        return f"{rl} covers acupuncture for {covered}: {limits}{match}."
    if reason == "screen_excepts_population":
        rule = R.rules.get(str(f["rule"]))
        limit = ""
        if "threshold" in f:
            limit = f" (clinic policy {f['policy']}: {f['threshold']:g} {f['unit']})"
        text = f"Not for everyone: {label(base, Ref('screening_rule', str(f['rule'])))} {rule.action if rule else ''}s needling"
        text += f"{limit} because {rule.reason[:1].lower() + rule.reason[1:].rstrip('.') if rule else ''}"
        if f.get("modify_rule"):
            text += f", and {f['modify_rule']} modifies it for every anticoagulated patient"
        if f.get("finding") and f["finding"] in base.findings:
            bleed = base.findings[str(f["finding"])]
            text += f"; {_author(base, bleed.source)}'s {_summary(base, bleed.id)}"
        return text.replace("defers needling", "defers needling").rstrip(".") + "."
    if reason == "safe_with_precautions":
        extra = f", with precautions set by screening rule {f['rule']}" if f.get("rule") else ""
        return f"{lab}: {_summary(base, verdict.deciding.id if verdict.deciding else None)}{extra}."
    if finding is not None:
        fl = label(base, Ref("finding", finding.id))
        summ = _summary(base, finding.id)
        if reason == "figure_matches":
            return f"The claim's {f['claimed']} matches {fl}: {figure_of(finding)} ({summ})."
        if reason == "some_figures_match":
            return (
                f"The claim's {f['claimed']} matches {fl} ({figure_of(finding)}), but no record of "
                f"the base holds its {f['missing']}."
            )
        if reason == "figure_differs":
            return f"The claim says {f['claimed']}, but {fl} reports {figure_of(finding)}: {summ}."
        if reason == "figure_not_found":
            return f"The base holds no record of {f['claimed']}; the closest, {fl}, reports {figure_of(finding)}."
        if reason == "below_meaningful_threshold":
            bar = label(base, Ref("finding", str(f["threshold_record"])))
            return (
                f"{fl} found {f['estimate']:g} points vs a {f['threshold']:g}-point clinically "
                f"meaningful threshold ({bar}): a difference, but below what counts as meaningful."
            )
        if reason == "above_meaningful_threshold":
            return f"{fl} found {f['estimate']:g} points, above the {f['threshold']:g}-point clinically meaningful threshold."
        if reason == "side_effects_occur":
            return f"{fl}: {figure_of(finding)} of patients had at least one adverse effect ({summ}), so it is not free of side effects."
        if reason == "deaths_reported":
            return f"{fl}: {summ}."
        if reason == "not_everyone_responds":
            return f"{fl}: only {figure_of(finding)} of patients responded ({summ}), so it does not work for everyone."
        if reason == "counterexample":
            return f"Not for every kind of pain: {fl} found no benefit ({summ})."
        if reason == "overstated_size":
            return (
                f'The direction is right but "{f["words"]}" overstates it: {fl} found a small '
                f"standardised difference ({figure_of(finding)})."
            )
        if reason == "all_null":
            return f"{fl} found no difference: {summ}."
        if reason == "benefit_fades":
            return f"{fl}: {figure_of(finding)} ({summ}), so the benefit is not permanent."
        if reason == "mechanism_preclinical":
            return f"Shown mainly in animal or laboratory studies: {fl}: {summ}."
        return f"{fl}: {summ}."
    if reason == "no_evidence_of_benefit":
        words = ", ".join(f'"{w}"' for w in f.get("words", []))
        ctx = ""
        if f.get("context"):
            ctx = f"; {label(base, Ref('finding', str(f['context'])))} treats an immune effect as an unproven hypothesis"
        return f"No record of the base shows a benefit such as {words}{ctx}."
    if reason == "outside_base":
        return (
            f'"{f["topic"]}" lies outside what the evidence base covers (pain and cancer symptoms).'
        )
    if reason == "timepoint_not_found":
        return f"No record of the base reports the effect at the time the claim gives ({f['claimed']})."
    if reason == "no_condition":
        return "The claim names no condition the evidence base covers."
    if reason == "mechanism_not_in_base":
        return "The base holds no record of this mechanism."
    if reason == "no_finding_for_comparison":
        comp = f" against {str(f['comparator']).replace('_', ' ')}" if f.get("comparator") else ""
        return f"The base holds no finding for this condition{comp}."
    return "No record of the evidence base decides this claim."


# --- evidence items and the whole audit -----------------------------------------------------------


def evidence_item(base: EvidenceBase, R: Records, ref: Ref, role: str) -> dict[str, Any]:
    """A record as the ``evidence`` entries of a checked claim show it."""
    item: dict[str, Any] = {"kind": ref.kind, "id": ref.id, "role": role}
    rec: Any = None
    if ref.kind == "finding":
        rec = base.findings.get(ref.id)
    elif ref.kind == "recommendation":
        rec = base.recommendations.get(ref.id)
    elif ref.kind == "claim":
        rec = base.claims.get(ref.id)
    if isinstance(rec, Finding | Recommendation):
        item["summary"] = " ".join(rec.summary.split())
        item["reference"] = reference(base.sources[rec.source])
        item["reviewed"] = rec.reviewed.isoformat()
    if ref.kind == "screening_rule" and ref.id in R.rules:
        rule = R.rules[ref.id]
        item["summary"] = rule.reason
        item["policy"] = rule.policy
        item["action"] = rule.action
        src = bundled_base().sources.get(rule.sources[0])
        if src is not None:
            item["reference"] = reference(src)
    return item


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
