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
    if proportion and not q.percent and not (claimed < 1 and "." in q.text):
        return False  # "one point" is not a share of patients
    if (
        proportion and q.percent and not q.text.lower().startswith(("one", "1 ", "two", "three"))
    ) or (proportion and not q.percent and claimed > 1 and target <= 1):
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
