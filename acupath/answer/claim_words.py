"""Wording a claim verdict: one sentence naming the deciding record and comparing figures.

The *word* step of ``acupath check``: it never decides (the judge did), it only says. Records
are named as a reader would cite them (``Hershman 2018 (hershman2018_ta_vs_sham_week6)``,
``NICE 2016 (nice2016_ng59_chronic_lbp)``, ``screening rule inr_above_policy``), and figures
as a reader says them (``0.92 points``, ``SMD 0.23``, ``8.6%``).
"""

from __future__ import annotations

import re
from typing import Any

from acupath.answer.claim_judge import Records, Ref, Verdict
from acupath.answer.claims import ClaimStatement
from acupath.evidence.loader import EvidenceBase, bundled_base
from acupath.evidence.query import reference
from acupath.evidence.schemas import Finding, Recommendation


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


_LABS = {"inr": "the INR", "platelets": "the platelet count", "anc": "the neutrophil count"}
_VERBS = {"defer": "defers", "exclude": "excludes", "modify": "modifies", "refer": "refers"}


def _population_note(verdict: Verdict, base: EvidenceBase, R: Records) -> str:
    """Why an absolute safety claim fails: the screening rule, its policy threshold, the data."""
    f = verdict.facts
    rid = str(f["rule"])
    rule = R.rules.get(rid)
    action = _VERBS.get(rule.action, rule.action) if rule else "limits"
    when = ""
    if "threshold" in f:
        lab, _, side = str(f["policy"]).rpartition("_")
        lab = _LABS.get(lab.split("_")[0], lab.split("_")[0])
        unit = "" if f["unit"] == "ratio" else f" {f['unit']}"
        when = f" when {lab} is {side} {f['threshold']:g}{unit} (clinic policy {f['policy']})"
    elif rule is not None:
        when = f" ({rule.reason[:1].lower() + rule.reason[1:].rstrip('.')})"
    text = f"Not for everyone: screening rule {rid} {action} needling{when}"
    if f.get("modify_rule"):
        text += f", and {f['modify_rule']} modifies needling for every anticoagulated patient"
    if f.get("finding") and f["finding"] in base.findings:
        bleed = base.findings[str(f["finding"])]
        where = bleed.scale.split(" in ")[-1].split(" (")[0] if bleed.scale else "the treatments"
        text += (
            f"; {label(base, Ref('finding', bleed.id))} reports {bleed.estimate:g} moderate bleed"
            f" in {where} given with careful choice of site and depth"
        )
    return text + "."


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
            return (
                f"{rl} {pos} acupuncture for {cond} ({rec.strength.replace('_', ' ')} "
                f"recommendation), as the claim says."
            )
        if reason == "guideline_opposite":
            return (
                f"{rl} {pos} acupuncture for {cond}, the opposite of the claim: "
                f"{_summary(base, rec.id)}."
            )
        if reason == "guideline_not_unanimous":
            return f"Not every guideline agrees: {rl} {pos} acupuncture for {cond}."
        if reason == "guidelines_disagree":
            other = base.recommendations[str(f["other"])]
            other_label = label(base, Ref("recommendation", other.id))
            return (
                f"{rl} {pos} acupuncture for {cond}, but {other_label} "
                f"{_POSITION[other.direction]} it: the guidelines disagree."
            )
        if reason == "guideline_weaker":
            return (
                f"{rl} {pos} acupuncture for {cond}, but with a {rec.strength.replace('_', ' ')} "
                f"recommendation on {rec.evidence_quality.replace('_', ' ')} evidence, "
                "which the claim overstates."
            )
        if reason == "guideline_not_first_line":
            use = rec.conditions_of_use[0] if rec.conditions_of_use else "as an option to consider"
            return (
                f"{rl} {pos} acupuncture for {cond} but not as a first-line treatment: "
                f"{use[:1].lower() + use[1:]}."
            )
        if reason == "guideline_misattributed":
            return (
                f"Misattributed: the recommendation on {cond} is {rl}'s; the base holds no "
                f"{f['claimed_body']} recommendation on it."
            )
    if reason == "body_silent_on_condition":
        return f"The base holds no {f['claimed_body']} recommendation on this condition."
    if reason in ("body_not_in_base", "payer_not_in_base"):
        return (
            f"The base holds no record of the position of {f['body']}, so the claim cannot be "
            f"checked."
        )
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
            return (
                f"{rl} covers acupuncture for {covered or 'one condition'} only; {named} remain "
                f"non-covered."
            )
        if reason == "coverage_unlimited":
            return (
                f"{rl} allows no more than {f['annual']:g} treatments a year, so coverage is not "
                f"unlimited."
            )
        if reason == "coverage_figure_differs":
            roles = {
                "annual": "a year",
                "additional": "additional sessions",
                "initial": "visits in the first period",
                "days": "days",
                "unknown": "",
            }
            return (
                f"The claim says {f['claimed']:g} {roles[f['role']]} but {rl} allows "
                f"{f['actual']:g} ({limits})."
            )
        if reason == "coverage_condition_missing":
            return f"{rl} covers acupuncture for {covered} only, which the claim leaves out."
        if reason == "coverage_figure_unknown":
            return f"The claim's figure {f['claimed']} is not among the limits of {rl} ({limits})."
        compared = ", ".join(f"{c[1]:g}" for c in f.get("compared", []))
        match = f"; the claim's figures ({compared}) match" if compared else ""
        return f"{rl} covers acupuncture for {covered}: {limits}{match}."
    if reason == "screen_excepts_population":
        return _population_note(verdict, base, R)
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
        if reason == "figure_near":
            low = base.findings[str(f["low"])]
            high = base.findings[str(f["high"])]
            return (
                f"The claim says {f['claimed']}; {fl} reports {figure_of(finding)}, and the "
                f"surveys in the base range from {figure_of(low)} "
                f"({label(base, Ref('finding', low.id))}) to {figure_of(high)} "
                f"({label(base, Ref('finding', high.id))})."
            )
        if reason == "figure_differs":
            return f"The claim says {f['claimed']}, but {fl} reports {figure_of(finding)}: {summ}."
        if reason == "figure_not_found":
            return (
                f"The base holds no record of {f['claimed']}; the closest, {fl}, reports "
                f"{figure_of(finding)}."
            )
        if reason == "below_meaningful_threshold":
            bar = label(base, Ref("finding", str(f["threshold_record"])))
            return (
                f"{fl} found {f['estimate']:g} points vs a {f['threshold']:g}-point clinically "
                f"meaningful threshold ({bar}): a difference, but below what counts as meaningful."
            )
        if reason == "above_meaningful_threshold":
            return (
                f"{fl} found {f['estimate']:g} points, above the {f['threshold']:g}-point "
                f"clinically meaningful threshold."
            )
        if reason == "side_effects_occur":
            return (
                f"{fl}: {figure_of(finding)} of patients had at least one adverse effect "
                f"({summ}), so it is not free of side effects."
            )
        if reason == "deaths_reported":
            return f"{fl}: {summ}."
        if reason == "not_everyone_responds":
            return (
                f"{fl}: only {figure_of(finding)} of patients responded ({summ}), so it does not "
                f"work for everyone."
            )
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
            ctx = (
                f"; {label(base, Ref('finding', str(f['context'])))} treats an immune effect as "
                f"an unproven hypothesis"
            )
        return f"No record of the base shows a benefit such as {words}{ctx}."
    if reason == "outside_base":
        return (
            f'"{f["topic"]}" lies outside what the evidence base covers (pain and cancer symptoms).'
        )
    if reason == "no_finding_for_figure":
        return (
            f"The base holds no finding that states the claim's {f['claimed']} in the same "
            "measure for this comparison."
        )
    if reason == "timepoint_not_found":
        return (
            f"No record of the base reports the effect at the time the claim gives "
            f"({f['claimed']})."
        )
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
