"""Judging safety claims and cure claims against screening rules, clinic policy and safety findings.

Part of the judge step of ``acupath check`` (see :mod:`acupath.answer.claim_judge` for the types).

- **safety**: an absolute claim ("everyone", "whatever their INR", "never a reason to
  postpone") about a population a screening rule defers, modifies or excludes is
  ``contradicted`` by that rule, with the clinic-policy threshold it uses; "no side effects" is
  contradicted by the adverse-event rates; "nobody has died" by the case reports of deaths;
  figures are compared with the safety findings (a rate per 10,000 read as a proportion).
- **cure**: a benefit the base has no evidence for (cures, tumour shrinkage, immune boosting,
  detox) is ``unsupported``.
"""

from __future__ import annotations

import re
from typing import Any

from acupath.answer.claim_judge import Records, Ref, ScreenRule, Verdict, same_figure
from acupath.answer.claims import ClaimStatement
from acupath.evidence.schemas import Finding

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
            held = any(
                same_figure(q, f.estimate or 0) or (f.scale and q.text.replace(",", "") in f.scale)
                for f in counts
            )
            if not held and counts:
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
        shares = [p for p in (_as_proportion(f) for f in pool) if p is not None]
        claimed = q.value / 100 if q.percent and q.value > 1 else q.value
        # within a factor of two of the range the surveys report: off, but not the opposite
        near = bool(shares) and min(shares) / 2 <= claimed <= max(shares) * 2
        status = "unverified" if serious else ("partly_supported" if near else "contradicted")
        ranged = sorted(pool, key=lambda f: _as_proportion(f) or 0.0)
        return Verdict(
            status,
            (Ref("finding", pool[0].id),),
            "figure_near" if near and not serious else "figure_differs",
            {
                "finding": pool[0].id,
                "claimed": q.text,
                "low": ranged[0].id,
                "high": ranged[-1].id,
            },
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


# --- cures ------------------------------------------------------------------------------------


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
