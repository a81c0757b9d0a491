"""Judging claims of effect: efficacy, effect sizes, durability and mechanisms.

One entry point per kind (:func:`judge_efficacy`, :func:`judge_persistence`,
:func:`judge_mechanism`), all reading findings through :func:`findings_for` (condition x
comparator x outcome x intervention). When the shared ``answer.judge`` (one Verdict per
condition x comparator) is merged, :func:`findings_for` and the direction rule below are the
seam to route through it.

Efficacy rules, in order:

1. A claim naming no covered condition, or a topic outside the base (IVF, smoking, weight) ->
   ``unverified``.
2. Absolute claims: "works for any kind of chronic pain" is contradicted by a finding of no
   benefit for one of the conditions the phrase covers; "works for every patient" by the
   responder share of a trial.
3. Replacing drugs ("instead of painkillers") is judged on the findings against medication;
   "as well as" between two forms of acupuncture on the head-to-head finding.
4. "Clinically meaningful/important" is tested against the threshold the base holds for the
   same condition (a trial's prespecified difference or MCID, or a review's judgement): the
   claim is contradicted when the estimate lies below it ("0.92 points vs a 2-point threshold").
5. Figures are compared with the findings for condition x comparator x outcome: a match
   supports; a different figure from the same single source contradicts, unless it lies within
   that finding's confidence interval (not traced, but not refuted); otherwise unverified.
6. Direction: findings favouring acupuncture support a claim of benefit; when every matching
   finding shows no difference the claim is contradicted. Words such as "dramatically" over a
   small standardised effect (|SMD| < 0.5) make it ``partly_supported`` (overstated).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from acupath.answer.claim_judge import Records, Ref, Verdict, same_figure
from acupath.answer.claims import ClaimStatement, Quantity
from acupath.evidence.schemas import Finding

NULL_DIRECTIONS = ("no_difference", "favours_comparator")
SMALL_SMD = 0.5
"""Cohen's conventional bound between a small and a medium standardised effect."""

_PAIN_OUTCOMES = ("pain", "pain_interference", "responder", "headache_frequency")


def _about(f: Finding, conditions: Iterable[str], *, related: bool) -> bool:
    conds = set(conditions)
    if f.condition in conds:
        return True
    return related and bool(conds & set(f.related_conditions))


def findings_for(
    R: Records,
    conditions: Iterable[str],
    *,
    comparator: str | None = None,
    outcome: str | None = None,
    intervention: str = "any",
    related: bool = True,
) -> list[Finding]:
    """Comparative findings about ``conditions`` for one comparator, outcome and intervention.

    ``comparator`` None keeps every comparison; ``no_acupuncture`` also takes waitlist and usual
    care is kept apart. ``outcome`` None means pain-like outcomes. A specific intervention
    (electro, auricular) keeps the findings that name it when there are any.
    """
    conds = list(conditions)
    out = []
    for f in R.findings():
        if not _about(f, conds, related=related) or f.comparator == "none":
            continue
        if comparator is not None:
            allowed = {comparator}
            if comparator == "no_acupuncture":
                allowed |= {"waitlist"}
            if f.comparator not in allowed and not (
                comparator == "usual_care" and f.comparator == "any"
            ):
                continue
        wanted = (outcome,) if outcome else _PAIN_OUTCOMES
        if outcome == "pain":
            wanted = _PAIN_OUTCOMES
        if f.outcome not in wanted:
            continue
        out.append(f)
    if intervention != "any":
        named = [
            f
            for f in out
            if f.intervention == intervention
            or intervention in f.summary.lower()
            or (intervention == "electro" and "electroacupuncture" in f.summary.lower())
            or (intervention == "auricular" and "auricular" in f.summary.lower())
        ]
        # no finding of that technique: only findings about acupuncture in general may speak
        out = named or [
            f for f in out if f.intervention == "any" and intervention in ("electro", "auricular")
        ]
    # the condition's own findings first, then pooled ones that cover it
    return sorted(out, key=lambda f: (f.condition not in conds, -(f.n_participants or 0)))


def _refs(findings: Iterable[Finding], n: int = 3) -> tuple[Ref, ...]:
    return tuple(Ref("finding", f.id) for f in list(findings)[:n])


def _null(f: Finding) -> bool:
    return f.direction in NULL_DIRECTIONS or f.verdict == "not_supported"


def _threshold_for(
    R: Records, conditions: Iterable[str], finding: Finding
) -> tuple[float, str] | None:
    """The clinically meaningful bar the base holds for a finding: a threshold record of the same
    condition and source, or an MCID written in the finding's scale."""
    if finding.scale:
        m = re.search(r"MCID (\d+(?:\.\d+)?)", finding.scale)
        if m:
            return float(m.group(1)), finding.id
    for f in R.findings():
        if (
            f.measure == "threshold"
            and f.condition in set(conditions)
            and f.source == finding.source
            and f.estimate is not None
        ):
            return f.estimate, f.id
    return None


def _judged_not_meaningful(findings: list[Finding]) -> Finding | None:
    for f in findings:
        low = f.summary.lower()
        if _null(f) and (
            "not clinically" in low or "clinically significant" in low or f.direction == "mixed"
        ):
            return f
        if f.verdict == "not_supported":
            return f
    return None


def _measure_of(q: object) -> str | None:
    """The measure a claim's figure is stated in, from the words around it."""
    context = str(getattr(q, "context", "")).lower()
    text = str(getattr(q, "text", ""))
    if getattr(q, "percent", False):
        return "proportion"
    if re.search(r"\b(?:smd|standardi[sz]ed|standard deviation|effect size|cohen)", context):
        return "SMD"
    if re.search(re.escape(text) + r"\s*(?:points?|mm|millimet)", context):
        return "MD"
    return None


def judge_efficacy(st: ClaimStatement, R: Records) -> Verdict:
    """A claim that acupuncture helps (or does not help) a condition; see the module docstring."""
    absolute = " ".join(st.absolute).lower()
    if not st.conditions and st.out_of_scope:
        return Verdict("unverified", (), "outside_base", {"topic": st.out_of_scope[0]})
    if st.out_of_scope and not st.comparator:
        return Verdict("unverified", (), "outside_base", {"topic": st.out_of_scope[0]})
    if re.search(
        r"every(?:one)? (?:patient|person)|everyone|everybody|all patients|always|guarantee",
        absolute,
    ):
        resp = [
            f
            for f in R.findings()
            if f.outcome == "responder"
            and f.measure == "proportion"
            and f.comparator == "none"
            and (f.estimate or 1) < 1
        ]
        resp.sort(key=lambda f: (f.condition not in st.conditions, -(f.n_participants or 0)))
        if resp:
            return Verdict(
                "contradicted", _refs(resp, 2), "not_everyone_responds", {"finding": resp[0].id}
            )
    if not st.conditions:
        return Verdict("unverified", (), "no_condition", {})
    if st.broad or re.search(
        r"any kind|any type|all types|all kinds|all (?:forms|sorts)", absolute
    ):
        null = [
            f
            for f in findings_for(R, st.conditions, related=False)
            if _null(f) and f.comparator != "other"
        ]
        null.sort(key=lambda f: (f.verdict != "not_supported", -(f.n_participants or 0)))
        if null and (
            st.absolute or (st.broad and re.search(r"\ball\b|\bany\b|\bevery\b", st.text, re.I))
        ):
            return Verdict(
                "contradicted", _refs(null, 2), "counterexample", {"finding": null[0].id}
            )
    if st.replaces_drugs:
        instead = [f for f in findings_for(R, st.conditions, comparator="medication") if _null(f)]
        if instead:
            return Verdict(
                "contradicted", _refs(instead), "not_instead_of_drugs", {"finding": instead[0].id}
            )
        return Verdict("unverified", (), "no_record", {})
    if st.equivalence and st.comparator == "other":
        head = [f for f in findings_for(R, st.conditions, comparator="other")]
        worse = [f for f in head if f.direction == "favours_comparator"]
        if worse:
            return Verdict("contradicted", _refs(worse), "not_equivalent", {"finding": worse[0].id})
        if head:
            return Verdict("supported", _refs(head), "direction_agrees", {"finding": head[0].id})
    outcome = st.outcome
    if st.added_to_drugs and outcome in ("analgesic_use", "opioid_use", None):
        outcome = outcome or "analgesic_use"
    if outcome in ("analgesic_use", "opioid_use"):
        use = [
            f
            for f in R.findings()
            if _about(f, st.conditions, related=True)
            and f.outcome in ("analgesic_use", "opioid_use")
        ]
        if use:
            fav = [f for f in use if f.direction == "favours_acupuncture"]
            return Verdict(
                "supported" if fav else "contradicted",
                _refs(fav or use),
                "direction_agrees" if fav else "all_null",
                {"finding": (fav or use)[0].id},
            )
    matching = findings_for(
        R, st.conditions, comparator=st.comparator, outcome=outcome, intervention=st.intervention
    )
    if not matching and outcome not in (None, "pain"):
        matching = []
    if not matching:
        return Verdict(
            "unverified",
            (),
            "no_finding_for_comparison",
            {"comparator": st.comparator, "outcome": outcome},
        )
    own = [f for f in matching if f.condition in st.conditions] or matching
    if st.clinically_meaningful:
        judged = _judged_not_meaningful(own)
        for f in own:
            if f.estimate is None or f.measure not in ("MD", "SMD"):
                continue
            bar = _threshold_for(R, st.conditions, f)
            if bar is None:
                continue
            value, where = bar
            refs = (Ref("finding", f.id),) + ((Ref("finding", where),) if where != f.id else ())
            facts = {
                "finding": f.id,
                "estimate": abs(f.estimate),
                "threshold": value,
                "threshold_record": where,
            }
            if abs(f.estimate) < value:
                return Verdict("contradicted", refs, "below_meaningful_threshold", facts)
            return Verdict("supported", refs, "above_meaningful_threshold", facts)
        if judged is not None:
            return Verdict(
                "contradicted",
                (Ref("finding", judged.id),),
                "judged_not_meaningful",
                {"finding": judged.id},
            )
    numeric = [
        f for f in own if f.estimate is not None and f.measure not in ("threshold", "categorical")
    ]
    exact = [f for f in numeric if f.outcome == (outcome or "pain")]
    numeric = exact or numeric
    figures = [q for q in st.quantities if not q.timepoint]
    measures = {_measure_of(q) for q in figures} - {None}
    if measures:
        # "1.9 points" is compared with mean differences, "SMD 0.3" with SMDs, "40%" with shares
        numeric = [f for f in numeric if f.measure in measures]
    matched: list[tuple[str, Finding]] = []
    missing = []
    for q in figures:
        hits = [
            f
            for f in numeric
            if same_figure(q, f.estimate or 0.0, proportion=f.measure == "proportion")
        ]
        if hits:
            matched.append((q.text, hits[0]))
        else:
            missing.append(q)
    if matched and not missing:
        text, f = matched[0]
        return Verdict(
            "supported",
            _refs([m[1] for m in matched], 2),
            "figure_matches",
            {"finding": f.id, "claimed": text},
        )
    if matched:
        text, f = matched[0]
        return Verdict(
            "partly_supported",
            _refs([m[1] for m in matched], 2),
            "some_figures_match",
            {"finding": f.id, "claimed": text, "missing": missing[0].text},
        )
    if figures and numeric:
        q = figures[0]
        sources = {f.source for f in numeric}
        inside = [f for f in numeric if _within_interval(q, f)]
        if st.comparator is not None and len(sources) == 1 and not inside:
            return Verdict(
                "contradicted",
                _refs(numeric, 1),
                "figure_differs",
                {"finding": numeric[0].id, "claimed": q.text},
            )
        return Verdict(
            "unverified",
            _refs(inside or numeric, 1),
            "figure_within_interval" if inside else "figure_not_found",
            {"finding": (inside or numeric)[0].id, "claimed": q.text},
        )
    if figures:
        return Verdict("unverified", (), "no_finding_for_figure", {"claimed": figures[0].text})
    if st.broad:
        # "chronic pain": pooled analyses across the conditions the phrase covers speak first
        own = sorted(
            matching, key=lambda f: not (f.condition is None and len(f.related_conditions) >= 3)
        )
    favour = [f for f in own if f.direction == "favours_acupuncture"]
    null = [f for f in own if _null(f)]
    if st.direction == "no_benefit":
        if null and not favour:
            return Verdict("supported", _refs(null), "all_null", {"finding": null[0].id})
        if favour:
            return Verdict(
                "contradicted" if not null else "partly_supported",
                _refs(favour),
                "direction_opposite",
                {"finding": favour[0].id},
            )
        return Verdict("unverified", _refs(own), "no_direction", {})
    if (
        st.comparator is not None
        and st.clinically_meaningful is False
        and re.search(r"significant", st.text, re.I)
        and null
        and not favour
    ):
        return Verdict("contradicted", _refs(null), "all_null", {"finding": null[0].id})
    if favour:
        overstated = [
            w for w in st.overstated if not re.match(r"clinically|first|strong|the first", w, re.I)
        ]
        smds = [
            f
            for f in matching
            if f.direction == "favours_acupuncture"
            and f.measure == "SMD"
            and f.estimate is not None
        ]
        sizes = sorted(abs(f.estimate or 0.0) for f in smds)
        if (
            overstated and sizes and sizes[len(sizes) // 2] < SMALL_SMD
        ):  # the median effect is small
            return Verdict(
                "partly_supported",
                _refs(smds),
                "overstated_size",
                {
                    "finding": smds[0].id,
                    "estimate": abs(smds[0].estimate or 0),
                    "words": overstated[0],
                },
            )
        return Verdict("supported", _refs(favour), "direction_agrees", {"finding": favour[0].id})
    if null:
        return Verdict("contradicted", _refs(null), "all_null", {"finding": null[0].id})
    return Verdict("unverified", _refs(own), "evidence_mixed", {"finding": own[0].id})


def judge_persistence(st: ClaimStatement, R: Records) -> Verdict:
    """How long the benefit lasts: shares kept or lost at 12 months, or a condition's follow-up."""
    every = [f for f in R.findings() if f.outcome == "effect_persistence"]
    pool = every
    if not st.conditions:
        # no condition named: analyses pooled across conditions speak for "acupuncture" (a
        # condition's own record only when it holds the claim's figure, below)
        pool = [f for f in every if f.condition is None]
    if st.conditions:
        own = [f for f in pool if f.condition in st.conditions]
        if own:
            pool = [f for f in own if st.comparator is None or f.comparator == st.comparator] or own
        else:
            pool = [f for f in pool if _about(f, st.conditions, related=True)] or pool
    if not pool:
        return Verdict("unverified", (), "no_record", {})
    if re.search(r"forever|permanent|never comes back|never return|for life", st.text, re.I):
        lost = [f for f in pool if f.measure == "proportion" and _lost(f)]
        lost = lost or [f for f in pool if f.measure == "proportion"]
        lost.sort(key=lambda f: f.comparator == "sham")  # the benefit over no acupuncture first
        if lost:
            return Verdict("contradicted", _refs(lost, 2), "benefit_fades", {"finding": lost[0].id})
    figures = [q for q in st.quantities if not q.timepoint]
    for q in figures:
        hits = [
            f
            for f in (pool if st.conditions else pool + [f for f in every if f not in pool])
            if f.estimate is not None
            and same_figure(q, f.estimate, proportion=f.measure == "proportion")
        ]
        hits.sort(
            key=lambda f: _lost(f) == bool(re.search(r"\blost|fade|wear", st.text, re.I)),
            reverse=True,
        )
        if hits:
            return Verdict(
                "supported",
                _refs(hits, 1),
                "figure_matches",
                {"finding": hits[0].id, "claimed": q.text},
            )
    times = [q for q in st.quantities if q.timepoint]
    if times:
        # "durable at six months": only records at that time point can say so
        pool = [f for f in pool if _at_time(f, times[0])]
        if not pool:
            return Verdict(
                "unverified", (), "timepoint_not_found", {"claimed": times[0].context.strip()}
            )
    if figures:
        q = next((q for q in figures if q.percent), figures[0])
        return Verdict(
            "unverified",
            _refs(pool, 1),
            "figure_not_found",
            {"finding": pool[0].id, "claimed": q.text},
        )
    kept = [
        f
        for f in pool
        if f.direction == "favours_acupuncture" or (f.measure == "proportion" and not _lost(f))
    ]
    if kept:
        return Verdict("supported", _refs(kept, 2), "benefit_lasts", {"finding": kept[0].id})
    return Verdict("unverified", _refs(pool, 1), "no_direction", {})


def _at_time(f: Finding, q: object) -> bool:
    value = getattr(q, "value", None)
    words = f"{f.timepoint or ''} {f.summary}".lower()
    months = {
        6.0: ("6 months", "six months", "26 weeks"),
        12.0: ("12 months", "a year", "one year", "52 weeks"),
    }
    return any(
        w in words for w in months.get(float(value or 0), (f"{value:g} months" if value else "",))
    )


def _lost(f: Finding) -> bool:
    words = f"{f.scale or ''} {f.unit or ''} {f.summary}".lower()
    return "lost" in words or "diminution" in f.id


_MECHANISM_WORDS = (
    (
        r"endorphin|opioid|opiate",
        ("mechanism_central_neurotransmitters", "mechanism_opioid_receptor_binding"),
    ),
    (
        r"serotonin|noradrenaline|norepinephrine|neurotransmitter",
        ("mechanism_central_neurotransmitters",),
    ),
    (r"adenosine|\bATP\b", ("mechanism_acupoint_signalling",)),
    (r"inflammation|COX-2|PGE2", ("mechanism_peripheral_inflammation",)),
    (r"brain|pain centres|insula", ("mechanism_brain_activity",)),
    (r"parasympathetic|autonomic|nervous system", ("mechanism_autonomic_balance",)),
)


def judge_mechanism(st: ClaimStatement, R: Records) -> Verdict:
    """How acupuncture works: shown mostly in animals, so a plain claim is partly supported."""
    for pattern, outcomes in _MECHANISM_WORDS:
        if not re.search(pattern, st.text, re.I):
            continue
        found = [f for f in R.findings() if f.outcome in outcomes and f.verdict != "insufficient"]
        found.sort(key=lambda f: not re.search(pattern, f.summary, re.I))
        if found:
            return Verdict(
                "partly_supported",
                _refs(found, 2),
                "mechanism_preclinical",
                {"finding": found[0].id},
            )
    return Verdict("unverified", (), "mechanism_not_in_base", {})


def _within_interval(q: Quantity, f: Finding) -> bool:
    """Whether the claimed figure (sign ignored, as in :func:`same_figure`) lies within the
    finding's confidence interval: a figure a record does not state, yet cannot refute."""
    if f.ci_lower is None or f.ci_upper is None or q.percent:
        return False
    low, high = sorted((abs(f.ci_lower), abs(f.ci_upper)))
    if f.ci_lower < 0 < f.ci_upper:  # an interval spanning zero: compare on the signed scale
        return f.ci_lower <= q.value <= f.ci_upper or f.ci_lower <= -q.value <= f.ci_upper
    return low <= abs(q.value) <= high
