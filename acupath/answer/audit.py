"""Claim audit (``acupath check FILE``): split a text into factual claims and judge each one.

1. **Splitting.** The text is cut into sentences (bullets and lines count as sentence breaks).
   A sentence is a *factual claim* when it states something checkable: it holds a figure or a
   claim word ("reduces", "effective", "recommended", "safe", "studies", ...), it is about
   acupuncture or a covered condition (or follows a sentence that is), and it is not a question,
   a heading or a call to action ("book an appointment").
2. **Registry match.** Each claim is compared with the claims registry (``data/claims``): the
   BM25 score of the sentence against the registered claim (statement, keywords, note), plus
   the share of the claim's ``keywords`` found in the sentence, plus agreement of figures (a
   figure of the registered statement found in the sentence). Above a threshold the registered
   status and its deciding findings are the verdict.
3. **Findings match.** Otherwise the sentence's figures are compared with the findings about
   its condition: all figures found in one finding -> ``supported`` by that finding. A claim of
   benefit without figures is ``partly_supported`` when findings for its condition favour
   acupuncture (the wording itself was not checked) and ``contradicted`` when every such finding
   shows no difference; anything else is ``unverified``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from acupath.answer import text as tx
from acupath.answer.models import Audit, AuditedClaim
from acupath.answer.retrieve import Index, index_for
from acupath.answer.verify import evidence_of, figures
from acupath.evidence.loader import EvidenceBase, bundled_base
from acupath.evidence.query import reference
from acupath.evidence.schemas import Claim, Finding, Recommendation

_SPLIT = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“(]?[A-Z0-9])")
_ABBREV = re.compile(r"\b(?:e\.g|i\.e|et al|vs|Dr|Fig|approx|incl|No)\.$")
_BULLET = re.compile(r"^\s*(?:[-*•·]|\d+[.)])\s+")
CLAIM_WORDS = (
    "reduce",
    "reduces",
    "reduced",
    "reduction",
    "lower",
    "lowers",
    "lowered",
    "improve",
    "improves",
    "improved",
    "improvement",
    "effective",
    "effectiveness",
    "efficacy",
    "effect",
    "benefit",
    "benefits",
    "beneficial",
    "significant",
    "significantly",
    "superior",
    "better",
    "shown",
    "showed",
    "shows",
    "found",
    "demonstrated",
    "demonstrates",
    "evidence",
    "study",
    "studies",
    "trial",
    "trials",
    "review",
    "meta-analysis",
    "recommend",
    "recommends",
    "recommended",
    "recommendation",
    "guideline",
    "guidelines",
    "safe",
    "safety",
    "risk",
    "risks",
    "adverse",
    "side effects",
    "releases",
    "release",
    "stimulates",
    "modulates",
    "activates",
    "associated",
    "durable",
    "lasting",
    "covered",
    "covers",
    "relieve",
    "relieves",
    "relief",
    "helps",
    "help",
    "works",
    "work",
    "proven",
    "rare",
    "minimal",
    "complications",
    "beat",
    "beats",
    "outperforms",
    "cure",
    "cures",
    "eliminates",
    "need",
)
ACTION_WORDS = (
    "call us",
    "book",
    "contact us",
    "schedule",
    "click",
    "subscribe",
    "sign up",
    "visit our",
    "learn more",
    "read more",
    "follow us",
    "share this",
    "copyright",
    "disclaimer",
    "herein",
    "liability",
    "editorial",
    "educational purpose",
    "not replace",
    "medical advice",
    "intended for",
    "ask any",
    "follow up question",
    "follow-up question",
    "last updated",
    "advisory board",
)
DOMAIN_WORDS = (
    "pain",
    "treatment",
    "treatments",
    "patient",
    "patients",
    "adverse",
    "session",
    "sessions",
    "trial",
    "trials",
    "study",
    "studies",
    "evidence",
    "sham",
    "placebo",
    "effect",
    "effects",
    "mechanism",
    "mechanisms",
    "needle",
    "needles",
    "needling",
    "acupoint",
    "acupoints",
    "guideline",
    "guidelines",
    "recommended",
    "symptom",
    "symptoms",
    "nausea",
    "fatigue",
    "neuropathy",
    "nerve",
    "brain",
    "endorphins",
    "inflammation",
    "opioids",
    "medication",
    "medications",
    "cancer",
    "acupuncture",
)
"""A claim must be about care: at least one of these words (boilerplate has none)."""
NEGATIONS = ("not", "no", "never", "neither", "nor", "without", "failed", "did not", "does not")
REGISTRY_THRESHOLD = 1.3


@dataclass(frozen=True)
class Sentence:
    text: str
    about: bool  # names acupuncture or a covered condition


def split_sentences(text: str) -> list[str]:
    """Sentences of ``text``; bullets and blank lines end a sentence."""
    out: list[str] = []
    for block in re.split(r"\n\s*\n|\n(?=\s*(?:[-*•·]|\d+[.)])\s)", text):
        block = " ".join(_BULLET.sub("", line).strip() for line in block.splitlines())
        block = " ".join(block.split())
        if not block:
            continue
        parts = _SPLIT.split(block)
        merged: list[str] = []
        for part in parts:
            if merged and _ABBREV.search(merged[-1]):
                merged[-1] += " " + part
            else:
                merged.append(part)
        out += [p.strip() for p in merged if p.strip()]
    return out


def _is_heading(sentence: str) -> bool:
    """A title: no closing punctuation, short, and mostly capitalised words."""
    text = sentence.strip()
    if text.endswith((".", "!", "?", ":")):
        return False
    tokens = [w for w in re.findall(r"[A-Za-z][A-Za-z'-]*", text) if len(w) > 3]
    if not tokens or len(text.split()) > 12:
        return False
    capitals = sum(1 for w in tokens if w[0].isupper())
    return capitals / len(tokens) >= 0.6


def _is_claim(sentence: str) -> bool:
    low = sentence.lower()
    wordlist = tx.words(sentence)
    if sentence.rstrip().endswith("?") or len(wordlist) < 5:
        return False
    if any(a in low for a in ACTION_WORDS):
        return False
    if sentence.rstrip().endswith(":") and len(wordlist) < 8:
        return False  # a lead-in or heading ("For HIV-associated neuropathic pain:")
    if _is_heading(sentence):
        return False
    has_figure = bool(figures(sentence))
    has_cue = any(re.search(rf"\b{re.escape(w)}\b", low) for w in CLAIM_WORDS)
    has_domain = any(re.search(rf"\b{re.escape(w)}\b", low) for w in DOMAIN_WORDS)
    return (has_figure or has_cue) and has_domain


def claims_in(text: str, index: Index) -> list[str]:
    """The factual claims of ``text`` (see the module docstring)."""
    out: list[str] = []
    context = False
    for sentence in split_sentences(text):
        q = index.understand(sentence)
        about = bool(q.conditions) or q.acupuncture_mentioned
        if _is_claim(sentence) and (about or context):  # context: the text is about acupuncture
            out.append(sentence)
        if about:
            context = True
        elif len(tx.words(sentence)) > 40:
            context = False
    return out


def _evidence_item(index: Index, kind: str, rid: str) -> dict[str, Any]:
    base = index.base
    record: Any
    if kind == "finding":
        record = base.findings[rid]
    elif kind == "recommendation":
        record = base.recommendations[rid]
    else:
        record = base.claims[rid]
    item: dict[str, Any] = {"kind": kind, "id": rid}
    if isinstance(record, Finding | Recommendation):
        item["summary"] = " ".join(record.summary.split())
        item["reference"] = reference(base.sources[record.source])
        item["reviewed"] = record.reviewed.isoformat()
    return item


def _negated(sentence: str) -> bool:
    words = set(tx.words(sentence))
    return bool(words & {"not", "no", "never", "neither", "nor", "without", "failed"})


def _registry_match(index: Index, sentence: str) -> tuple[Claim, float] | None:
    q = index.understand(sentence)
    r = index.search(q)
    best: tuple[Claim, float] | None = None
    folded = " ".join(tx.words(sentence))
    sent_figs = {f.replace(",", "") for f in figures(sentence)}
    for d in r.top(kinds=("claim",), conditions=(), limit=40):
        c = d.record
        assert isinstance(c, Claim)
        lex = float(r.lexical[index._position[d.key]])
        kws = [k for k in c.keywords if k.strip()]
        hit = sum(1 for k in kws if " ".join(tx.words(k)) in folded) if kws else 0
        kw_share = hit / len(kws) if kws else 0.0
        claim_figs = {f.replace(",", "") for f in figures(c.statement)}
        fig_bonus = 0.0
        if claim_figs and sent_figs:
            fig_bonus = 0.6 if claim_figs & sent_figs else -0.6
        cond_bonus = 0.2 if c.condition and c.condition in q.conditions else 0.0
        if hit == 0 and fig_bonus <= 0:
            continue  # no keyword of the registered claim and no shared figure: not this claim
        score = lex + kw_share + fig_bonus + cond_bonus
        if best is None or score > best[1]:
            best = (c, score)
    if best is not None and best[1] >= REGISTRY_THRESHOLD:
        return best
    return None


def judge(index: Index, sentence: str) -> AuditedClaim:
    """The verdict on one claim sentence, with the evidence that decides it."""
    match = _registry_match(index, sentence)
    if match is not None:
        c, _ = match
        evidence = [_evidence_item(index, "finding", f) for f in c.findings]
        evidence += [_evidence_item(index, "recommendation", x) for x in c.recommendations]
        return AuditedClaim(sentence, c.status, tuple(evidence), " ".join(c.note.split()), c.id)
    q = index.understand(sentence)
    r = index.search(q)
    findings = r.top(kinds=("finding",), conditions=q.conditions or None, general=False, limit=25)
    sent_figs = figures(sentence)
    if sent_figs:
        for d in findings:
            ev = evidence_of([d.record])
            if all(ev.has_value(float(f.replace(",", ""))) for f in sent_figs):
                return AuditedClaim(
                    sentence,
                    "supported",
                    (_evidence_item(index, "finding", d.id),),
                    "every figure of the claim is found in this finding",
                    None,
                )
        note = "no record of the evidence base holds the claim's figures"
        near = [_evidence_item(index, "finding", d.id) for d in findings[:2]]
        return AuditedClaim(sentence, "unverified", tuple(near), note, None)
    if q.conditions and findings:
        comparative = [
            d
            for d in findings
            if isinstance(d.record, Finding)
            and d.record.direction in ("favours_acupuncture", "no_difference", "favours_comparator")
        ]
        if comparative:
            favour = [d for d in comparative if _direction(d) == "favours_acupuncture"]
            asserts_benefit = not _negated(sentence)
            if asserts_benefit and not favour:
                return AuditedClaim(
                    sentence,
                    "contradicted",
                    tuple(_evidence_item(index, "finding", d.id) for d in comparative[:3]),
                    "the findings for this condition show no benefit over the comparator",
                    None,
                )
            if asserts_benefit and favour:
                return AuditedClaim(
                    sentence,
                    "partly_supported",
                    tuple(_evidence_item(index, "finding", d.id) for d in favour[:3]),
                    "findings for this condition point the same way; the claim's exact wording "
                    "was not checked",
                    None,
                )
    return AuditedClaim(
        sentence, "unverified", (), "no record of the evidence base decides this claim", None
    )


def _direction(d: Any) -> str:
    rec = d.record
    return rec.direction if isinstance(rec, Finding) else ""


def check(text: str, *, base: EvidenceBase | None = None, source: str | None = None) -> Audit:
    """Audit every factual claim of ``text`` against the claims registry and the findings."""
    index = index_for(base or bundled_base())
    claims = tuple(judge(index, s) for s in claims_in(text, index))
    return Audit(claims, source)


def summary_counts(audit: Audit) -> Sequence[tuple[str, int]]:
    """Counts by status, in a fixed order."""
    counts = audit.counts()
    return [(k, counts[k]) for k in ("supported", "partly_supported", "contradicted", "unverified")]
