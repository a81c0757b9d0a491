"""Judging a parsed claim against the records: guideline positions, coverage, safety.

The *judge* step of DESIGN.md's "Reading text" path for ``acupath check``. It takes a
:class:`~acupath.answer.claims.ClaimStatement` and the records (:class:`Records`: the evidence
base, the screening rules and the clinic policy) and returns a :class:`Verdict`: a status, the
records that decide it (the first one decides) and a reason code with the figures compared.
It never formats a sentence; :mod:`acupath.answer.audit` words the verdict. Efficacy,
effect sizes and durability are judged in :mod:`acupath.answer.claim_efficacy` through one
function, so the lead can later route them through the shared ``answer.judge``.

Rules, by kind of claim:

- **guideline**: the body's own recommendation for the condition decides. Opposite direction ->
  ``contradicted``; same direction but a stronger grade or a first-line place than the record
  gives -> ``partly_supported`` (overstated); a body the base has no record of for that
  condition while another body recommends the same -> ``partly_supported`` (misattributed);
  "every guideline" with one guideline against -> ``contradicted``; a body the base does not
  hold -> ``unverified``.
- **coverage**: the payer's coverage record decides: conditions outside it -> ``contradicted``
  (its conditions of use say other conditions remain non-covered); each figure must match the
  record's figure with the same role (visits in the first period, the days, the additional
  sessions, the yearly maximum), and "unlimited" contradicts a yearly maximum.
- **safety**: an absolute claim ("everyone", "whatever their INR", "never a reason to
  postpone") about a population a screening rule defers, modifies or excludes is
  ``contradicted`` by that rule (with the clinic-policy threshold it uses); "no side effects"
  is contradicted by the adverse-event rates; "nobody has died" by the case reports of deaths;
  figures are compared with the safety findings.
- **cure**: a benefit the base has no evidence for (cures, tumour shrinkage, immune boosting,
  detox) -> ``unsupported``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from acupath.answer.claims import ClaimStatement, Quantity
from acupath.evidence.loader import EvidenceBase
from acupath.evidence.schemas import Finding, Recommendation

STATUSES = ("supported", "partly_supported", "contradicted", "unsupported", "unverified")

BODY_NAMES = {
    "nice": ("NICE", "National Institute for Health and Care Excellence"),
    "acp": ("ACP", "American College of Physicians"),
    "sio_asco": ("SIO-ASCO", "ASCO"),
    "acr": ("ACR", "Rheumatology"),
    "cms": ("Medicare", "Medicare"),
}
"""Body key -> (short name, words that identify the body in a recommendation's ``body``)."""


@dataclass(frozen=True)
class Ref:
    """A record that bears on a claim: ``kind`` is finding, recommendation, screening_rule,
    policy or claim."""

    kind: str
    id: str


@dataclass(frozen=True)
class Verdict:
    """The judge's decision on one claim part: status, deciding records, reason and figures."""

    status: str
    records: tuple[Ref, ...] = ()
    reason: str = "no_record"
    facts: Mapping[str, Any] = field(default_factory=dict)

    @property
    def deciding(self) -> Ref | None:
        return self.records[0] if self.records else None


@dataclass(frozen=True)
class ScreenRule:
    """What the judge reads of a screening rule (kept small so tests can build their own)."""

    id: str
    family: str
    action: str
    when: str
    reason: str
    sources: tuple[str, ...]
    policy: bool
    policy_ids: tuple[str, ...] = ()
    excluded_techniques: tuple[str, ...] = ()


@dataclass(frozen=True)
class Records:
    """Everything a claim is judged against."""

    base: EvidenceBase
    rules: Mapping[str, ScreenRule]
    thresholds: Mapping[str, tuple[float, str]]  # policy id -> (value, unit)

    def finding(self, fid: str) -> Finding | None:
        return self.base.findings.get(fid)

    def findings(self) -> Iterable[Finding]:
        return self.base.findings.values()


def _policy_ids(when: Any) -> list[str]:
    found: list[str] = []
    if isinstance(when, Mapping):
        for k, v in when.items():
            if k == "policy" and isinstance(v, str):
                found.append(v)
            else:
                found += _policy_ids(v)
    elif isinstance(when, list | tuple):
        for v in when:
            found += _policy_ids(v)
    return found


@functools.cache
def _bundled_rules() -> tuple[dict[str, ScreenRule], dict[str, tuple[float, str]]]:
    from acupath.care.policy import default_policy
    from acupath.care.screening import bundled_rules

    rules = {
        r.id: ScreenRule(
            id=r.id,
            family=r.family,
            action=r.action,
            when=str(r.when),
            reason=" ".join(r.reason.split()),
            sources=tuple(r.sources),
            policy=r.policy,
            policy_ids=tuple(_policy_ids(r.when)),
            excluded_techniques=tuple(r.excluded_techniques),
        )
        for r in bundled_rules()
    }
    policy = default_policy()
    thresholds = {k: (t.value, t.unit) for k, t in policy.thresholds.items()}
    return rules, thresholds


def records_for(base: EvidenceBase) -> Records:
    """The records of ``base`` plus the shipped screening rules and default clinic policy."""
    rules, thresholds = _bundled_rules()
    return Records(base, rules, thresholds)


# --- figures -----------------------------------------------------------------------------------


def same_figure(q: Quantity, value: float, *, proportion: bool = False) -> bool:
    """Whether the claim's figure ``q`` states the record's ``value``.

    Signs are ignored (records store the direction separately). A proportion record (0.09) is
    matched by a percentage (9%) or a fraction ("one in ten"). Tolerance: the rounding of the
    figure as written (half a unit of its last digit, at least 2% of the value); "about",
    "roughly" and the like widen it to 25%.
    """
    claimed = abs(q.value)
    target = abs(value)
    if proportion and q.percent and not q.text.lower().startswith(("one", "1 ", "two", "three")):
        claimed /= 100.0
    elif proportion and not q.percent and claimed > 1 and target <= 1:
        claimed /= 100.0
    digits = q.text.rstrip("%").split(".")
    step = 10 ** -len(digits[1]) if len(digits) == 2 and digits[1].isdigit() else 1.0
    if proportion and (q.percent or claimed < 1):
        step = step / 100.0 if not q.text[:1].isalpha() and "in" not in q.text else 0.0
    tolerance = max(step / 2, 0.02 * target)
    if q.approximate or q.text[:1].isalpha():
        tolerance = max(tolerance, 0.25 * target)
    return abs(claimed - target) <= tolerance + 1e-12


# --- guideline positions ------------------------------------------------------------------------


def _is_payer(rec: Recommendation, base: EvidenceBase) -> bool:
    src = base.sources.get(rec.source)
    return (src is not None and src.kind == "coverage_policy") or "Medicare" in rec.body


def _by_body(rec: Recommendation, body: str) -> bool:
    return BODY_NAMES[body][1] in rec.body or BODY_NAMES[body][0] in rec.body


def _opposes(claimed: str, rec: Recommendation) -> bool:
    if claimed == "against":
        return rec.direction in ("for", "conditional")
    return rec.direction == "against"


def _recs(R: Records, conditions: Iterable[str]) -> list[Recommendation]:
    conds = list(conditions)
    out = []
    for c in conds:  # in the claim's order, so the condition named first decides first
        out += [
            r
            for r in R.base.recommendations.values()
            if r.covers(c) and not _is_payer(r, R.base) and r not in out
        ]
    return out


_STRONG = re.compile(r"\bstrong\w*\b", re.I)
_FIRST = re.compile(
    r"first[- ]line|first treatment|the first|recommends? first|first to try|first\b", re.I
)
_SECOND_LINE = re.compile(r"\bonly when|second[- ]line|after the first|unsuitable", re.I)


def judge_guideline(st: ClaimStatement, R: Records) -> Verdict:
    """A claim about what a guideline body recommends (see the module docstring)."""
    recs = _recs(R, st.conditions)
    if st.other_body and not st.body:
        return Verdict("unverified", (), "body_not_in_base", {"body": st.other_body})
    if not st.conditions:
        return Verdict("unverified", (), "guideline_no_condition", {})
    if st.body is None:
        if not recs:
            return Verdict("unverified", (), "no_guideline_for_condition", {})
        opposite = [r for r in recs if _opposes(st.direction, r)]
        agree = [r for r in recs if not _opposes(st.direction, r)]
        if opposite and (st.all_guidelines or not agree):
            return Verdict(
                "contradicted",
                tuple(Ref("recommendation", r.id) for r in opposite + agree),
                "guideline_not_unanimous" if agree else "guideline_opposite",
                {"rec": opposite[0].id},
            )
        if opposite:
            return Verdict(
                "partly_supported",
                tuple(Ref("recommendation", r.id) for r in agree + opposite),
                "guidelines_disagree",
                {"rec": agree[0].id, "other": opposite[0].id},
            )
        return Verdict(
            "supported",
            tuple(Ref("recommendation", r.id) for r in agree),
            "guideline_agrees",
            {"rec": agree[0].id},
        )
    own = [r for r in recs if _by_body(r, st.body)]
    if not own:
        holds_body = any(_by_body(r, st.body) for r in R.base.recommendations.values())
        same = [r for r in recs if not _opposes(st.direction, r)]
        if holds_body and same:
            return Verdict(
                "partly_supported",
                tuple(Ref("recommendation", r.id) for r in same),
                "guideline_misattributed",
                {"rec": same[0].id, "claimed_body": BODY_NAMES[st.body][0]},
            )
        return Verdict(
            "unverified",
            tuple(Ref("recommendation", r.id) for r in recs[:2]),
            "body_silent_on_condition",
            {"claimed_body": BODY_NAMES[st.body][0]},
        )
    rec = own[0]
    refs = tuple(Ref("recommendation", r.id) for r in own)
    if _opposes(st.direction, rec):
        return Verdict("contradicted", refs, "guideline_opposite", {"rec": rec.id})
    if st.direction == "for":
        if _STRONG.search(st.text) and rec.strength != "strong":
            return Verdict(
                "partly_supported", refs, "guideline_weaker", {"rec": rec.id, "claimed": "strong"}
            )
        uses = " ".join(rec.conditions_of_use)
        if _FIRST.search(st.text) and (_SECOND_LINE.search(uses) or rec.direction == "conditional"):
            return Verdict("partly_supported", refs, "guideline_not_first_line", {"rec": rec.id})
        if (
            re.search(r"\ball (?:cancer )?pain\b|\bevery\b", st.text, re.I)
            and rec.direction == "conditional"
        ):
            return Verdict(
                "partly_supported", refs, "guideline_weaker", {"rec": rec.id, "claimed": "all"}
            )
    return Verdict("supported", refs, "guideline_agrees", {"rec": rec.id})


# --- coverage -------------------------------------------------------------------------------------


def figure_role(text: str, start_after: str) -> str:
    """The role of a coverage figure from the words after (and before) it."""
    after = start_after[:45].lower()
    if re.match(r"\s*days?\b", after):
        return "days"
    if re.match(r"\s*(?:more|additional|extra|further)\b", after) or re.search(
        r"(?:additional|extra|further|another)\s*$", text.lower()
    ):
        return "additional"
    if re.search(r"\b(?:a|per|each|every|in a|one) year\b|\bannual\w*|\byearly\b", after):
        return "annual"
    if re.search(r"\b(?:in|within|over|every)\s+\d+\s+days\b", after):
        return "initial"
    return "unknown"


def coverage_figures(text: str) -> dict[str, float]:
    """Role -> figure, for the figures of a coverage record's condition of use."""
    out: dict[str, float] = {}
    for m in re.finditer(r"\d+", text):
        role = figure_role(text[: m.start()], text[m.end() :])
        if role == "unknown" and re.search(r"no more than|at most|maximum", text, re.I):
            role = "annual" if re.search(r"year|annual", text, re.I) else role
        out.setdefault(role, float(m.group(0)))
    return out


def judge_coverage(st: ClaimStatement, R: Records) -> Verdict:
    """A claim about what a payer covers (see the module docstring)."""
    if st.other_body and st.body != "cms":
        return Verdict("unverified", (), "payer_not_in_base", {"body": st.other_body})
    payer = [r for r in R.base.recommendations.values() if _is_payer(r, R.base)]
    if not payer:
        return Verdict("unverified", (), "payer_not_in_base", {"body": "Medicare"})
    covered = {r.condition for r in payer}
    rec = payer[0]
    refs = tuple(Ref("recommendation", r.id) for r in payer)
    conds = set(st.conditions)
    if covered & conds:
        conds.discard("acute_low_back_pain")  # "back pain" names both; the chronic one is covered
    outside = sorted(conds - covered)
    broad = st.broad or any(re.search(r"any|all", a, re.I) for a in st.absolute)
    if (outside or broad) and st.direction == "for":
        return Verdict(
            "contradicted",
            refs,
            "coverage_other_conditions",
            {"rec": rec.id, "conditions": outside, "covered": sorted(covered)},
        )
    limits: dict[str, float] = {}
    for use in rec.conditions_of_use:
        for role, value in coverage_figures(use).items():
            limits.setdefault(role, value)
    if (
        re.search(r"unlimited|no limit|without (?:any )?limit|as many", st.text, re.I)
        and "annual" in limits
    ):
        return Verdict(
            "contradicted", refs, "coverage_unlimited", {"rec": rec.id, "annual": limits["annual"]}
        )
    compared: list[tuple[str, float, float]] = []
    for q in st.quantities:
        at = st.text.find(q.text)
        role = (
            figure_role(st.text[: max(at, 0)], st.text[at + len(q.text) :])
            if at >= 0
            else "unknown"
        )
        if role == "unknown":
            if any(abs(q.value - v) < 1e-9 for v in limits.values()):
                continue
            # a figure with no role and no match: compare with the yearly maximum if it is larger
            role = "annual" if "annual" in limits and q.value > limits["annual"] else "unknown"
            if role == "unknown":
                return Verdict(
                    "unverified",
                    refs,
                    "coverage_figure_unknown",
                    {"rec": rec.id, "claimed": q.text},
                )
        expected = limits.get(role)
        if expected is None:
            continue
        compared.append((role, q.value, expected))
        if abs(q.value - expected) > 1e-9:
            return Verdict(
                "contradicted",
                refs,
                "coverage_figure_differs",
                {"rec": rec.id, "role": role, "claimed": q.value, "actual": expected},
            )
    if not st.conditions and not compared and not re.search(r"improv|regress", st.text, re.I):
        return Verdict("partly_supported", refs, "coverage_condition_missing", {"rec": rec.id})
    return Verdict(
        "supported",
        refs,
        "coverage_matches",
        {"rec": rec.id, "compared": compared, "covered": sorted(covered)},
    )


# --- safety -------------------------------------------------------------------------------------

_ABSOLUTE_SAFE = re.compile(
    r"everyone|everybody|whatever|regardless|any (?:inr|level|point|stage|trimester|count)|"
    r"at any|every stage|never|no obstacle|perfectly safe|completely safe|totally safe|100% safe|"
    r"no side effects|free of side effects|no risk|risk[- ]free|without restriction|always",
    re.I,
)


def _rules(R: Records, *, family: str | None = None, text: str = "") -> list[ScreenRule]:
    order = {"exclude": 0, "defer": 1, "refer": 1, "modify": 2, "caution": 3, "info": 4}
    found = [
        r
        for r in R.rules.values()
        if (family is None or r.family == family)
        and (not text or re.search(text, r.when + " " + r.id, re.I))
    ]
    return sorted(found, key=lambda r: order.get(r.action, 5))


def _threshold(R: Records, rule: ScreenRule) -> dict[str, Any]:
    for pid in rule.policy_ids:
        if pid in R.thresholds:
            value, unit = R.thresholds[pid]
            return {"policy": pid, "threshold": value, "unit": unit}
    return {}


def _by_outcome(R: Records, outcome: str, measure: str | None = None) -> list[Finding]:
    return [
        f
        for f in R.findings()
        if f.outcome == outcome
        and (measure is None or f.measure == measure)
        and f.condition is None
    ]


def _largest(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: -(f.n_participants or 0))


def _as_proportion(f: Finding) -> float | None:
    if f.estimate is None:
        return None
    if f.measure == "proportion":
        return f.estimate
    if f.measure == "rate" and f.unit:
        m = re.search(r"per ([\d,]+|million|thousand|hundred)", f.unit)
        if m:
            word = m.group(1).replace(",", "")
            per = {"million": 1e6, "thousand": 1e3, "hundred": 100.0}.get(word) or float(word)
            return f.estimate / per
    return None


def _population_rule(st: ClaimStatement, R: Records) -> Verdict | None:
    checks = (
        ("anticoagulant", "bleeding", r"inr|anticoagul"),
        ("platelets", "laboratory", r"platelet"),
        ("neutrophils", "laboratory", r"anc|neutrophil"),
        ("device", "devices", r""),
        ("pregnancy", "pregnancy", r""),
    )
    absolute = bool(_ABSOLUTE_SAFE.search(st.text))
    for population, family, pattern in checks:
        if population not in st.population:
            continue
        rules = _rules(R, family=family, text=pattern)
        if not rules:
            return None
        if population == "device" and st.intervention != "electro" and not absolute:
            continue
        strict = [r for r in rules if r.action in ("exclude", "defer", "refer", "modify")]
        if st.direction == "safe" and (absolute or population == "device") and strict:
            rule = strict[0]
            refs = [Ref("screening_rule", r.id) for r in strict]
            facts = {"rule": rule.id, "action": rule.action, **_threshold(R, rule)}
            if population == "anticoagulant":
                bleeds = [
                    f for f in _by_outcome(R, "bleeding", "count") if set(rule.sources) & {f.source}
                ]
                refs += [Ref("finding", f.id) for f in bleeds[:1]]
                modify = [r for r in strict if r.action == "modify"]
                if modify:
                    facts["modify_rule"] = modify[0].id
                if bleeds:
                    facts["finding"] = bleeds[0].id
            return Verdict("contradicted", tuple(refs), "screen_excepts_population", facts)
        sources = {s for r in rules for s in r.sources}
        counts = [f for f in R.findings() if f.source in sources and f.outcome == "bleeding"]
        for q in st.quantities:
            if not any(
                same_figure(q, f.estimate or 0) or (f.scale and q.text.replace(",", "") in f.scale)
                for f in counts
            ):
                if counts:
                    return Verdict(
                        "unverified",
                        tuple(Ref("finding", f.id) for f in counts[:1]),
                        "figure_not_found",
                        {"claimed": q.text},
                    )
        info = [r for r in rules if r.action in ("info", "modify")]
        refs = [Ref("finding", f.id) for f in counts[:1]] + [
            Ref("screening_rule", r.id) for r in info
        ]
        if refs:
            return Verdict(
                "supported",
                tuple(refs),
                "safe_with_precautions",
                {"rule": info[0].id if info else None},
            )
    return None


def judge_safety(st: ClaimStatement, R: Records) -> Verdict:
    """A safety claim (see the module docstring)."""
    verdict = _population_rule(st, R)
    if verdict is not None:
        return verdict
    text = st.text
    if re.search(r"\b(?:died|death|deaths|killed|fatal)\b", text, re.I) and re.search(
        r"\b(?:never|nobody|no one|no deaths)\b", text, re.I
    ):
        deaths = [f for f in R.findings() if f.outcome == "deaths" and (f.estimate or 0) > 0]
        if deaths:
            return Verdict(
                "contradicted",
                (Ref("finding", deaths[0].id),),
                "deaths_reported",
                {"finding": deaths[0].id},
            )
    if re.search(r"pneumothorax|punctured lung|collapsed lung", text, re.I):
        found = _largest(_by_outcome(R, "pneumothorax"))
        if found and re.search(r"rare|uncommon", text, re.I):
            return Verdict(
                "supported",
                tuple(Ref("finding", f.id) for f in found[:2]),
                "rare_event",
                {"finding": found[0].id},
            )
    if re.search(r"most common", text, re.I) and re.search(r"bleed|bruis", text, re.I):
        found = [f for f in _by_outcome(R, "bleeding") if "most common" in f.summary.lower()]
        if found:
            return Verdict(
                "supported",
                (Ref("finding", found[0].id),),
                "most_common_event",
                {"finding": found[0].id},
            )
    serious = bool(re.search(r"\bserious|severe\b", text, re.I))
    outcome = "serious_adverse_events" if serious else "adverse_events"
    pool = _largest([f for f in _by_outcome(R, outcome) if _as_proportion(f) is not None])
    figures = [q for q in st.quantities if not q.timepoint]
    if figures and pool:
        for q in figures:
            hits = [f for f in pool if same_figure(q, _as_proportion(f) or 0.0, proportion=True)]
            if hits:
                return Verdict(
                    "supported",
                    (Ref("finding", hits[0].id),),
                    "figure_matches",
                    {"finding": hits[0].id, "claimed": q.text},
                )
        q = figures[0]
        return Verdict(
            "contradicted" if not serious else "unverified",
            (Ref("finding", pool[0].id),),
            "figure_differs",
            {"finding": pool[0].id, "claimed": q.text},
        )
    if _ABSOLUTE_SAFE.search(text) or re.search(r"\bno (?:side effects|adverse)", text, re.I):
        minor = _largest([f for f in _by_outcome(R, "adverse_events", "proportion")])
        if minor:
            return Verdict(
                "contradicted",
                tuple(Ref("finding", f.id) for f in minor[:2]),
                "side_effects_occur",
                {"finding": minor[0].id},
            )
    if serious and re.search(r"rare|uncommon|minimal|low", text, re.I):
        rare = _largest(_by_outcome(R, "serious_adverse_events", "rate")) or _by_outcome(
            R, "serious_adverse_events"
        )
        if rare:
            return Verdict(
                "supported",
                tuple(Ref("finding", f.id) for f in rare[:2]),
                "rare_event",
                {"finding": rare[0].id},
            )
    if st.direction == "safe" and re.search(r"\bsafe\b", text, re.I):
        cancer = "cancer" in st.population
        pool2 = [f for f in R.findings() if f.outcome == "serious_adverse_events"]
        if cancer:
            pool2 = [f for f in pool2 if "cancer" in f.summary.lower()] or pool2
        rates = [f for f in pool2 if f.measure == "rate"]
        chosen = (pool2 if cancer else rates or pool2)[:2]
        if chosen:
            return Verdict(
                "supported",
                tuple(Ref("finding", f.id) for f in chosen),
                "safe_serious_rare",
                {"finding": chosen[0].id},
            )
    if re.search(r"side effect|bruis|sore|adverse", text, re.I):
        minor = _largest(_by_outcome(R, "adverse_events", "proportion"))
        if minor:
            return Verdict(
                "supported",
                (Ref("finding", minor[0].id),),
                "side_effects_occur_agree",
                {"finding": minor[0].id},
            )
    return Verdict("unverified", (), "no_record", {})


# --- cures -----------------------------------------------------------------------------------------


def judge_cure(st: ClaimStatement, R: Records) -> Verdict:
    """Cures, tumour shrinkage, immune boosting, detox: benefits the base holds no evidence for."""
    context = []
    if re.search(r"immun", st.text, re.I):
        context = [
            f
            for f in R.findings()
            if "immune" in f.outcome and f.verdict in ("insufficient", "not_supported", None)
        ]
    return Verdict(
        "unsupported",
        tuple(Ref("finding", f.id) for f in context[:1]),
        "no_evidence_of_benefit",
        {"words": list(st.cure), "context": context[0].id if context else None},
    )
