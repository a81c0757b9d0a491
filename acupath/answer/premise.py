"""Premises the evidence contradicts: whether it does ("far better than sham"), and the
correction that opens the answer (:func:`premise_section`).

:func:`sham_largest_band` looks at the sham-controlled findings of the question's conditions
and returns the plain word of the largest standardised mean difference among them (the
vocabulary's ``smd_bands``: very small < 0.2, small < 0.5, medium < 0.8, as shipped, Cohen's
conventional bounds), or ``None`` when no SMD decides. A premise of "far better than sham" is
contradicted when that word is not "large", i.e. when no pooled sham-controlled SMD reaches the
last band.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from acupath.answer import text as tx
from acupath.answer.models import Section
from acupath.answer.opening_words import TITLES
from acupath.answer.parse import Statement
from acupath.answer.retrieve import Retrieval
from acupath.evidence.loader import EvidenceBase
from acupath.evidence.schemas import Finding


def sham_largest_band(retrieval: Retrieval, conditions: Sequence[str]) -> str | None:
    """The band word of the largest |SMD| against sham, ``large`` beyond the last band."""
    index = retrieval.index
    largest: float | None = None
    for i in index.candidates(list(conditions), general=False):
        rec = index.documents[i].record
        if not isinstance(rec, Finding) or rec.comparator != "sham" or rec.measure != "SMD":
            continue
        if isinstance(rec.estimate, int | float):
            size = abs(float(rec.estimate))
            largest = size if largest is None else max(largest, size)
    if largest is None:
        return None
    for band in index.vocab.smd_bands:
        if largest < band.below:
            return band.word
    return "large"


def premise_section(
    stmt: Statement,
    base: EvidenceBase,
    audience: str,
    sham_band: str | None,
    *,
    safety: Any = None,
    refs: Any = None,
) -> Section | None:
    """The correction of a premise the evidence contradicts, or ``None``. ``safety`` is the
    screen of the patient described (a restriction said to rule out all acupuncture is
    corrected only from it); ``refs`` numbers the records a correction quotes."""
    names = [base.conditions[c].name for c in stmt.conditions if c in base.conditions][:3]
    topic = ", ".join(names) if names else "the conditions it is used for"
    unheld = stmt.question.unknown_topic[0] if stmt.question.unknown_topic else ""
    lines = []
    if audience == "patient":
        lines = _plain_premises(stmt.premises, topic, base, sham_band, unheld)
    lines += _stated_premises(stmt, base, audience)
    lines += overstated(stmt, base, audience == "patient", safety, refs)
    for kind in stmt.premises if audience != "patient" else ():
        if kind == "cure" and unheld:
            # wave 17 (h14161): a complaint the base holds nothing on has no relief to show
            lines.append(
                f"**No: acupath holds no evidence that acupuncture cures “{unheld}”.** It holds "
                "no trials of acupuncture for it (below)."
            )
        elif kind == "cure":
            lines.append(
                f"**No: the evidence does not show that acupuncture cures {topic}.** The trials "
                "acupath holds measured relief of symptoms, not cure; how much relief is below."
            )
        elif kind == "tumour":
            symptoms = [
                c.name
                for c in base.conditions.values()
                if c.category in ("cancer_pain", "cancer_symptom")
            ][:8]
            lines.append(
                "**No: acupath holds no evidence that acupuncture shrinks tumours or treats "
                "cancer itself, so it should not be offered for that.** Its cancer records are "
                "about symptoms: " + ", ".join(symptoms) + "."
            )
            lines += _immune_claim(stmt, base, False, refs)
        elif kind == "sham" and sham_band is not None and sham_band != "large":
            lines.append(
                "**No: against sham acupuncture the pooled differences acupath holds are at "
                f"most {sham_band} (figures below), so 'far better than sham' overstates the "
                "evidence.**"
            )
        elif kind == "harmless":
            lines.append(
                "**No treatment is free of risk:** serious adverse events after acupuncture are "
                "rare but reported (see the safety records below), and some patients need "
                "changes or referral first."
            )
    if audience == "patient" and "tumour" in stmt.premises:
        lines += _immune_claim(stmt, base, True, refs)
    if {"harmless", "harm_overstated"} & set(stmt.premises) and lines:
        # wave 10: harm said to be everywhere is answered with the same cohort figure: most
        # reported events are minor (Witt 2009)
        lines += _minor_harm_rate(base, audience == "patient", refs)
    if "harmless" in stmt.premises and lines:
        # wave 17 (h14153: "zero risk ... no side effects"): and the pooled share of treated
        # patients with any adverse event across the prospective studies (Bäumler 2021)
        lines += _pooled_harm_rate(base, audience == "patient", refs)
    if "harm_overstated" in stmt.premises and lines:
        # wave 11: a serious-event rate said to be "1 in 100" is answered with the pooled
        # serious-event rate of the prospective studies (Bäumler 2021: 1.01 per 10,000 patients)
        lines += _serious_harm_rate(base, audience == "patient", refs)
    if not lines:
        return None
    return Section(TITLES[audience]["premise"], "\n".join(lines))


_IMMUNE = re.compile(
    r"\b(?:immune|immunity|immunology|natural killer|killer cells?|nk[- ]?cells?|nk activity|"
    r"t[- ]cells?|white (?:blood )?cells?|lymphocytes?)\b",
    re.IGNORECASE,
)
"""An immune mechanism said to fight the cancer ("boosts natural killer cells and so shrinks
tumours")."""


def _immune_claim(stmt: Statement, base: EvidenceBase, patient: bool, refs: Any) -> list[str]:
    """A tumour said to shrink through the immune system: the base's findings on acupuncture
    and anticancer immunity (outcome ``mechanism_immune...``; Johnston 2011: a hypothesis, and
    no study measured any effect on cancer outcomes), with their markers (wave 12, p10162)."""
    if refs is None or not _IMMUNE.search(stmt.text):
        return []
    found = [f for f in base.findings.values() if f.outcome.startswith("mechanism_immune")]
    out = []
    for f in found[:2]:
        summary = " ".join(f.summary.split())
        marker = refs.marker([f.source], f.id, "finding")
        if patient:
            out.append(f"The immune idea is not proven: {summary[:1].lower()}{summary[1:]}{marker}")
        else:
            out.append(f"On the immune mechanism: {summary}{marker}")
    return out


def _harm_rates(base: EvidenceBase) -> list[Any]:
    """The base's single-figure adverse-event proportions (no comparator)."""
    return [
        f
        for f in base.findings.values()
        if f.outcome == "adverse_events"
        and f.comparator == "none"
        and f.measure == "proportion"
        and f.estimate is not None
    ]


def _minor_harm_rate(base: EvidenceBase, patient: bool, refs: Any) -> list[str]:
    """ "No side effects at all": the share of patients reporting any adverse event in the
    largest single-group cohort the base holds (Witt 2009: 8.6% of 229,230), with its figure
    and marker (wave 9: the correction said "rare but reported" without a figure)."""
    if refs is None:
        return []
    rates = [f for f in _harm_rates(base) if f.n_participants]
    if not rates:
        return []
    f = max(rates, key=lambda r: r.n_participants or 0)
    marker = refs.marker([f.source], f.id, "finding")
    summary = " ".join(f.summary.split())
    if patient:
        return [f"In the largest study we have: {summary[:1].lower()}{summary[1:]}{marker}"]
    from acupath.answer.phrasing import finding_stats

    return [f"In the largest cohort acupath holds: {summary} ({finding_stats(f)}).{marker}"]


_TREATED_PATIENTS = re.compile(r"^patients\b", re.IGNORECASE)


def _pooled_harm_rate(base: EvidenceBase, patient: bool, refs: Any) -> list[str]:
    """ "Zero risk": the pooled share of treated patients with any adverse event, from the
    review of the most studies whose population is patients treated for any indication
    (Bäumler 2021: 9.31% across 11 prospective studies), with its figure and marker; nothing
    when the base holds none."""
    if refs is None:
        return []
    rates = [
        f
        for f in _harm_rates(base)
        if (f.n_studies or 0) > 1
        and not f.condition
        and _TREATED_PATIENTS.match(str(getattr(f, "population", "") or ""))
    ]
    if not rates:
        return []
    f = max(rates, key=lambda r: r.n_studies or 0)
    marker = refs.marker([f.source], f.id, "finding")
    if patient:
        # the record's own words are above grade 8: the plain words of its figure instead
        return [f"Across many studies, about one person in ten had a small side effect.{marker}"]
    from acupath.answer.phrasing import finding_stats

    summary = " ".join(f.summary.split())
    return [f"{summary} ({finding_stats(f)}).{marker}"]


def _serious_harm_rate(base: EvidenceBase, patient: bool, refs: Any) -> list[str]:
    """The pooled rate of serious adverse events among treated patients (a rate per patients
    before one per treatments, then the most studies: Bäumler 2021, 1.01 per 10,000 patients),
    with its figure and marker; nothing when the base holds none."""
    if refs is None:
        return []
    rates = [
        f
        for f in base.findings.values()
        if f.outcome == "serious_adverse_events"
        and f.comparator == "none"
        and f.measure in ("rate", "proportion")
        and f.estimate is not None
        and (f.n_studies or 0) > 1
    ]
    if not rates:
        return []
    f = max(rates, key=lambda r: ("patient" in (r.unit or ""), r.n_studies or 0))
    marker = refs.marker([f.source], f.id, "finding")
    summary = " ".join(f.summary.split())
    if patient:
        return [f"Across many studies: {summary[:1].lower()}{summary[1:]}{marker}"]
    from acupath.answer.phrasing import finding_stats

    return [f"Pooled across prospective studies: {summary} ({finding_stats(f)}).{marker}"]


def _plain_premises(
    premises: Sequence[str],
    topic: str,
    base: EvidenceBase,
    sham_band: str | None,
    unheld: str = "",
) -> list[str]:
    """The premise corrections in the patient's voice: short sentences, common words
    (``unheld``: the complaint the base holds nothing on, when the question names one)."""
    out = []
    for kind in premises:
        if kind == "cure" and unheld:
            out.append(
                f"**No. We have no studies showing that acupuncture cures “{unheld}”.** We have "
                "no studies of acupuncture for it."
            )
        elif kind == "cure":
            out.append(
                f"**No. Studies do not show that acupuncture cures {topic}.** They looked at "
                "whether pain and other symptoms got better. How much is shown below."
            )
        elif kind == "tumour":
            out.append(
                "**No. Nothing shows that acupuncture shrinks a tumour or treats the cancer "
                "itself, so it should not be used for that.** Studies look at the symptoms of "
                "cancer and its treatment, such as pain, sickness and tiredness."
            )
        elif kind == "sham" and sham_band is not None and sham_band != "large":
            out.append(
                "**No. In the studies, real acupuncture did better than fake (sham) "
                f"acupuncture, but not by far: the difference was {sham_band} at most.** The "
                "figures are below."
            )
        elif kind == "harmless":
            out.append(
                "**No treatment is free of risk.** Serious harm after acupuncture is rare, but it "
                "has happened (see the safety part below). Some people need changes, or a "
                "doctor's check, first."
            )
    return out


_AGAINST = ("no_difference", "favours_comparator")


def _stated_premises(stmt: Statement, base: EvidenceBase, audience: str) -> list[str]:
    """Corrections of the comparative, absolute and replace premises (wave 5), from what the
    records hold: a claimed comparison with a treatment no record compares acupuncture with is
    said to be unsupported; one the records hold is corrected only when they do not favour
    acupuncture; "always works" is corrected by what trials measure (group averages) and, when
    the question's conditions have a trial that found no difference, by that."""
    patient = audience == "patient"
    conditions = [c for c in stmt.conditions if c in base.conditions]
    names = [base.conditions[c].name.lower() for c in conditions][:3]
    where = f" for {', '.join(names)}" if names else ""
    out: list[str] = []
    for part in stmt.question.parts:
        if not part.claimed:
            continue
        what = part.words
        found = [base.findings[i] for i in part.held if i in base.findings]
        if not found:
            out.append(
                f"**We have no study that compared acupuncture with {what}{where}.** So the "
                "studies cannot show that acupuncture is as good or better."
                if patient
                else f"**No: acupath holds no trial comparing acupuncture with {what}{where}, so "
                "the evidence does not show that acupuncture is better than it or as good as it.**"
            )
        elif all(f.direction in _AGAINST for f in found):
            out.append(
                f"**No. In the studies that compared them, acupuncture did not do better than "
                f"{what}.** The details are below."
                if patient
                else f"**No: in the trials acupath holds that compare them directly{where}, "
                f"acupuncture did not do better than {what} (figures below).**"
            )
        elif any(f.direction != "favours_acupuncture" for f in found):
            out.append(
                f"**The studies that compared acupuncture with {what} do not agree.** The "
                "details are below."
                if patient
                else f"**The trials acupath holds comparing acupuncture with {what}{where} point "
                "in different directions (figures below), so they do not show it is clearly "
                "better.**"
            )
    if "absolute" in stmt.premises:
        dissent = any(
            f.condition in conditions and f.direction == "no_difference"
            for f in base.findings.values()
        )
        if patient:
            out.append(
                "**No. Nothing works for everyone.** Studies compare groups of people on "
                "average, and not every person gets better"
                + (", and some studies found no difference." if dissent else ".")
            )
        else:
            out.append(
                "**No: no treatment works for everyone or every time.** The trials acupath "
                f"holds{where} report average differences between groups, not a benefit for "
                "every patient" + ("; some found no difference (below)." if dissent else ".")
            )
    if "banned" in stmt.premises:
        out.append(
            "**No. No guideline we have bans acupuncture.** Some advise it for some health "
            "problems and advise against it for others (see below)."
            if patient
            else "**No: none of the guidelines acupath holds bans acupuncture.** Their positions "
            "differ by condition: where one advises against it, it does so for a named condition "
            "(the guideline positions are below)."
        )
    out += _guideline_claims(stmt, base, patient)
    out += _coverage_claims(stmt, base, patient)
    if "harm_overstated" in stmt.premises:
        out.append(
            "**No. Serious harm from acupuncture is rare.** Large studies of many thousands of "
            "people found it only rarely. The usual side effects are small, like a bruise, a spot "
            "of blood or a sore spot where a needle went in. The figures are below."
            if patient
            else "**No: the safety records acupath holds do not show that harm to be common.** "
            "In the large prospective surveys serious events (pneumothorax, serious injury) were "
            "rare, and the common events were minor (bleeding spots, bruising, needling pain); "
            "even in anticoagulated patients the reported bleeding was mostly minor. The figures "
            "are in the safety records below."
        )
    if "cancer_never" in stmt.premises:
        out.append(_cancer_never(base, patient))
    if (
        "pregnancy_harm" in stmt.premises
        or "pregnancy_harm_proven" in stmt.premises
        or stated(stmt, "womb_contracts")
    ):
        # the pregnancy safety records (Carr 2015, Park 2014) are summarised without figures:
        # the figures are in the safety records of the answer, where they are traced
        out.append(
            "**No. Studies have not shown that acupuncture causes miscarriage.** In a large study "
            "of pregnant women, miscarriage and early birth were no more common than expected. "
            "Points thought to start labour are still left out, to be safe. You can choose to "
            "wait, but you do not have to."
            if patient
            else "**No: the pregnancy safety records acupath holds do not show that acupuncture "
            "causes miscarriage.** In a large cohort, miscarriage, preterm birth and membrane "
            "rupture were no more common than expected, and harm from needling the traditionally "
            "forbidden points was not supported; the screen still leaves those points out as "
            "professional guidance advises."
        )
    if "dont_tell" in stmt.premises:
        out.append(
            "**Please tell your acupuncturist about every medicine you take.** Acupuncture is "
            "not a drug, but some medicines change how it should be done: blood thinners make "
            "bleeding more likely, and some cancer and immune medicines raise the risk of "
            "infection."
            if patient
            else "**No: the practitioner needs the full medicine list.** Acupuncture has no drug "
            "interactions of its own, but anticoagulants and antiplatelets change how needling "
            "is done (bleeding), and chemotherapy and immunosuppressants change the infection "
            "and blood-count precautions; the screen uses them."
        )
    if "stop_treatment" in stmt.premises:
        # a verb of stopping or replacing with a prescribed treatment (chemotherapy, G-CSF, a
        # named medicine): never advise stopping it; the prescriber decides (wave 6)
        out.append(
            "**Please do not stop or change a prescribed treatment on your own.** We have no "
            "studies showing that acupuncture can replace medicines, chemotherapy or other "
            "treatment your doctors prescribed. Talk to the doctor or team who prescribed it "
            "first."
            if patient
            else "**No: acupath holds no evidence that acupuncture can replace a prescribed "
            "treatment (a medicine, chemotherapy, radiotherapy or growth-factor support).** Its "
            "trials tested acupuncture for symptoms, against sham, usual care or other "
            "treatments, or added to them; stopping or changing a prescribed treatment is for "
            "the prescriber or the treating team to decide."
        )
    if "treatment_weakened" in stmt.premises and "stop_treatment" not in stmt.premises:
        # wave 19: acupuncture said to make a prescribed treatment work less well
        out.append(
            "**We have no studies showing that acupuncture makes chemotherapy or other "
            "prescribed treatment work less well.** In the trials, people had acupuncture "
            "alongside their usual treatment. Keep taking your treatment, and tell the team "
            "who prescribed it that you are having acupuncture."
            if patient
            else "**No: acupath holds no evidence that acupuncture weakens chemotherapy or another "
            "prescribed treatment.** Its trials gave acupuncture alongside the treatment, for "
            "symptoms, against sham or usual care; the treating team should still know about it."
        )
    if "replace" in stmt.premises and "stop_treatment" not in stmt.premises:
        out.append(
            "**Please do not stop or cut down a prescribed medicine on your own.** We have no "
            "studies showing that acupuncture can replace it. Talk to your doctor first."
            if patient
            else "**No: acupath holds no evidence that acupuncture can replace prescribed pain "
            "medicines.** Its trials compared acupuncture with sham, usual care or medicines, or "
            "added it to usual care; any change to a prescribed medicine is for the prescriber "
            "to make."
        )
    return out


def _guideline_claims(stmt: Statement, base: EvidenceBase, patient: bool) -> list[str]:
    """Corrections of "<body> recommends acupuncture" where that body's recommendation on the
    question's conditions is against it (NICE NG59 on low back pain); the body is the one the
    question names, or any body when it names only "the guidelines"."""
    if "guideline_claim" not in stmt.premises:
        return []
    named = set(stmt.sources_named)
    against = [
        r
        for r in base.recommendations.values()
        if any(r.covers(c) for c in stmt.conditions)
        and r.direction == "against"
        and (not named or r.source in named)
    ]
    out = []
    for body in dict.fromkeys(r.body for r in against):
        conditions = _condition_names(body, against, base)
        # the guideline's own words, from the record's summary ("not to offer acupuncture")
        said = next((_first_sentence(r.summary) for r in against if r.body == body), "")
        # wave 12 (p10160): the guideline's own wording, where its record's locator quotes it
        # (NG59: "Do not offer acupuncture", read as quoted in Aust Prescr 2017, see the source)
        words = next(
            (q for r in against if r.body == body for q in _QUOTED.findall(r.locator or "")), ""
        )
        if words and not patient:
            said = (
                f"{said} Its words: \u201c{words}\u201d."
                if said
                else f"Its words: \u201c{words}\u201d."
            )
        out.append(
            f"**No. {body} advises against acupuncture for {conditions}.** What each "
            "guideline says is below."
            if patient
            else f"**No: {body} recommends against acupuncture for {conditions}** (the "
            "guideline positions are below)." + (f" {said}" if said else "")
        )
    return out


_QUOTED = re.compile(r'"([^"]{6,120})"')
"""A guideline's own words quoted in its record's locator."""


def _first_sentence(text: str) -> str:
    text = " ".join(text.split())
    end = text.find(". ")
    return text if end < 0 else text[: end + 1]


_ANY = re.compile(
    r"\b(?:any|all|every|whatever)\s+(?:(?:kinds?|types?|sorts?)\s+of\s+)?(?:\w+\s+)?"
    r"(?:pain|pains|condition|conditions|problem|problems|illness|illnesses|disease|diseases|"
    r"complaint|complaints|ache|aches)\b",
    re.IGNORECASE,
)
"""'any pain condition', 'all kinds of pain', 'every pain problem': coverage said to be
general."""


def _coverage_claims(stmt: Statement, base: EvidenceBase, patient: bool) -> list[str]:
    """Correction of "<payer> pays for acupuncture for <anything>": the payer's coverage
    records (a source of kind ``coverage_policy``, CMS NCD 30.3.3) cover named conditions only;
    corrected when the question's conditions are not among them or it says "any"/"all"."""
    if "coverage_claim" not in stmt.premises:
        return []
    named = set(stmt.sources_named)
    policies = [
        r
        for r in base.recommendations.values()
        if r.direction == "for"
        and getattr(base.sources.get(r.source), "kind", "") == "coverage_policy"
        and (not named or r.source in named)
    ]
    if not policies:
        return []
    uncovered = [c for c in stmt.conditions if not any(r.covers(c) for r in policies)]
    if not uncovered and not _ANY.search(stmt.text):
        return []
    out = []
    for body in dict.fromkeys(r.body for r in policies):
        covered = _condition_names(body, policies, base)
        asked = ", ".join(
            base.conditions[c].name.lower() for c in uncovered[:3] if c in base.conditions
        )
        not_for = f", not {asked}" if asked else ""
        out.append(
            f"**No. {body} pays for acupuncture only for {covered}{not_for}.** The rules are below."
            if patient
            else f"**No: {body} covers acupuncture only for {covered}{not_for}** (the coverage "
            "conditions are below)."
        )
    return out


_LIMIT = re.compile(r"\b(?:no more than|up to|at most|a maximum of|maximum of)\s+\d+", re.I)
"""A condition of use that states a number limit ("No more than 20 acupuncture treatments a
year", "Up to 12 visits in 90 days")."""


def _coverage_limits(stmt: Statement, base: EvidenceBase, patient: bool, cite: Any) -> list[str]:
    """Correction of "<payer> lets you have as many sessions as you like" (wave 20, h18149):
    the limits the payer's coverage records state in their conditions of use, quoted as
    written (CMS NCD 30.3.3: up to 12 visits in 90 days, no more than 20 a year); none when
    no record states a limit."""
    if "coverage_unlimited" not in stmt.premises:
        return []
    named = set(stmt.sources_named)
    policies = [
        r
        for r in base.recommendations.values()
        if r.direction == "for"
        and getattr(base.sources.get(r.source), "kind", "") == "coverage_policy"
        and (not named or r.source in named)
    ]
    out = []
    for body in dict.fromkeys(r.body for r in policies):
        limits = list(
            dict.fromkeys(
                c.rstrip(".")
                for r in policies
                if r.body == body
                for c in r.conditions_of_use
                if _LIMIT.search(c)
            )
        )
        if not limits:
            continue
        said = "; ".join(c[:1].lower() + c[1:] for c in limits)
        marker = "".join(
            dict.fromkeys(cite(r, "recommendation") for r in policies if r.body == body)
        )
        out.append(
            f"**No. {body} limits how many sessions it pays for:** {said}.{marker} The rules "
            "are below."
            if patient
            else f"**No: {body} sets limits on the number of sessions:** {said}.{marker} The "
            "coverage conditions are below."
        )
    return out


def _cancer_never(base: EvidenceBase, patient: bool) -> str:
    """Correction of "with cancer you can never have acupuncture": the cancer guideline the base
    holds (SIO-ASCO, mao2022) recommends acupuncture for some cancer symptoms; the real
    precautions (blood counts, lymphoedema, current treatment) are the screen's."""
    symptoms = [
        base.conditions[r.condition].name.lower()
        for r in base.recommendations.values()
        if r.direction in ("for", "conditional")
        and r.condition in base.conditions
        and base.conditions[r.condition].category in ("cancer_pain", "cancer_symptom")
    ]
    named = ", ".join(dict.fromkeys(symptoms[:4]))
    if patient:
        return (
            "**No. Having cancer does not rule out acupuncture.** A cancer care guideline "
            "suggests it for some problems"
            + (f", such as {named}" if named else "")
            + ". Some things need care first, like low blood counts or a swollen arm; the "
            "safety check covers them."
        )
    return (
        "**No: cancer is not in itself a contraindication to acupuncture.** The guideline "
        "positions acupath holds recommend or allow it for some cancer-related symptoms"
        + (f" ({named})" if named else "")
        + "; the precautions that apply (blood counts, lymphoedema, current treatment) are the "
        "screen's."
    )


def _condition_names(body: str, records: Sequence[Any], base: EvidenceBase) -> str:
    """The names of the conditions ``body``'s records cover, in order, without repeats."""
    return ", ".join(
        dict.fromkeys(
            base.conditions[r.condition].name.lower()
            for r in records
            if r.body == body and r.condition in base.conditions
        )
    )


# -- wave 9: a guideline's rank, a study's result, a safety restriction, what acupuncture can
# replace, said to be more than the records hold ----------------------------------------------

_NOT_FOUND = ("no_difference", "favours_comparator")
_POOLED_KINDS = ("meta_analysis", "systematic_review", "ipd_meta_analysis", "overview")


def overstated(
    stmt: Statement, base: EvidenceBase, patient: bool, safety: Any, refs: Any
) -> list[str]:
    """Corrections of the wave-9 premise kinds, each from the records (with their markers) or
    the screen; a kind the records do not contradict gets none."""

    def cite(rec: Any, kind: str = "finding") -> str:
        return refs.marker([rec.source], rec.id, kind) if refs is not None else ""

    out: list[str] = []
    quoted: set[str] = set()
    if (
        "sham" in stmt.premises
        and not stmt.sources_named
        and "evidence_overclaim" not in set(stmt.premises)
    ):
        # a named study said to prove it ("Ee 2016 proved it beats sham") is _overclaim's
        out += _sham_not_found(stmt, base, patient, cite, quoted)
    negative = stated(stmt, "placebo_only")
    if negative or stated(stmt, "belief_needed"):
        out += _beyond_sham(stmt, base, patient, cite, quoted, belief=not negative)
    if "guideline_rank" in stmt.premises:
        out += _guideline_rank(stmt, base, patient, cite)
    if "study_misread" in stmt.premises:
        out += _misread(stmt, base, patient, cite, quoted)
    elif "evidence_overclaim" in stmt.premises and not negative:
        # ("proved it has no effect beyond placebo for any" is a negative claim, not this)
        # ("showed it was no better than" also holds the words of "showed it better than")
        out += _scope_overclaim(stmt, base, patient, cite, quoted)
        if not out:
            out += _overclaim(stmt, base, patient, cite, quoted)
    if "universal_beats" in stmt.premises and not out:
        out += _not_every_time(stmt, base, patient, cite, quoted)
    if "mechanism_as_proof" in stmt.premises:
        out += _mechanism_not_proof(stmt, base, patient, cite, quoted)
    if "effect_overread" in stmt.premises:
        out += _effect_overread(stmt, base, patient, cite, quoted)
    if "restriction_overstated" in stmt.premises:
        out += _restriction(safety, patient)
    out += _coverage_limits(stmt, base, patient, cite)
    if "safe_assumed" in stmt.premises:
        out += _not_now(safety, patient)
    if "technique_assumed" in stmt.premises:
        out += _technique_excluded(stmt, safety, patient)
    if "points_assumed" in stmt.premises:
        out += _points_excluded(safety, patient)
    if "inr_checked" in stmt.premises:
        out += _inr_not_doac(safety, patient, refs)
    if "swelling_drained" in stmt.premises:
        out += _swelling_not_drained(base, safety, patient, cite)
    if "count_raised" in stmt.premises:
        out += _count_raised(stmt, base, patient, cite)
        if "safe_assumed" not in stmt.premises:
            out += _not_now(safety, patient)
    if "replace_care" in stmt.premises and "stop_treatment" not in stmt.premises:
        out += _replace_care(stmt, base, patient, cite, quoted)
    if "permanence" in stmt.premises:
        out += _fading(stmt, base, patient, cite)
    if "equal_arms_claimed" in stmt.premises and "comparative" not in stmt.premises:
        out += _not_equal(stmt, base, patient, cite, quoted)
    if "sham_inert" in stmt.premises:
        out += _sham_arms(stmt, base, patient, cite, quoted)
    return out


def _not_equal(
    stmt: Statement, base: EvidenceBase, patient: bool, cite: Any, quoted: set[str]
) -> list[str]:
    """Two arms said to be equal in a named study (wave 17, p12160): the study's own
    comparisons on benefit that favoured the other arm (mao2021: auricular acupuncture failed
    the noninferiority test against electroacupuncture); nothing when the study found none."""
    named = set(stmt.sources_named)
    found = [
        f
        for f in base.findings.values()
        if f.source in named
        and f.direction == "favours_comparator"
        and f.comparator != "none"
        and f.outcome not in _HARM_OUTCOMES
        and f.id not in quoted
    ][:2]
    if not found:
        return []
    quoted |= {f.id for f in found}
    lines = " ".join(f"{' '.join(f.summary.split())}{cite(f)}" for f in found)
    if patient:
        return [f"**No. The study did not find them equally good.** {lines}"]
    who = _study_names(base, [f.source for f in found])
    return [
        f"**No: {who} did not find them equal; its comparison favoured the other arm.** {lines}"
    ]


_SHAM_WORDS = re.compile(r"\b(?:sham|simulated|minimal|placebo)\b", re.IGNORECASE)
_NO_TREATMENT = ("usual_care", "no_acupuncture", "waitlist")


def _sham_arms(
    stmt: Statement, base: EvidenceBase, patient: bool, cite: Any, quoted: set[str]
) -> list[str]:
    """Sham needling said to be inert (wave 17, p12161): the sham arms' own results in the
    records, the question's conditions first (cherkin2009: simulated acupuncture improved
    dysfunction as much as real acupuncture; haake2007: the sham arm's response rate was almost
    as high as verum's, and sham beat conventional therapy), at most one per study."""
    conditions = set(stmt.conditions)
    arms = [
        f
        for f in base.findings.values()
        if f.direction == "not_applicable"
        and f.outcome not in _HARM_OUTCOMES
        and (
            f.comparator == "sham"
            or (f.comparator in _NO_TREATMENT and _SHAM_WORDS.search(f.summary))
        )
        and f.id not in quoted
    ]
    arms.sort(key=lambda f: (f.condition not in conditions, f.comparator != "sham", f.id))
    shown: list[Any] = []
    for f in arms:
        if f.source not in {g.source for g in shown}:
            shown.append(f)
    shown = shown[:2]
    if not shown:
        return []
    quoted |= {f.id for f in shown}
    lines = " ".join(f"{' '.join(f.summary.split())}{cite(f)}" for f in shown)
    if patient:
        return [f"**No. In studies, people given fake acupuncture got better too.** {lines}"]
    return [
        "**No: sham needling was not inert in the trials acupath holds; the sham arms improved "
        f"too.** {lines}"
    ]


_FADED = re.compile(
    r"\b(narrow\w*|fad\w*|no longer|wore off|wears off|smaller|declin\w*|shrank|"
    r"returned|came back|not maintained|not sustained)\b",
    re.IGNORECASE,
)
_AFTER_TREATMENT = re.compile(
    r"\b(after (?:the )?(?:treatment|course|sessions?) (?:stopped|ended|finished)|after treatment|"
    r"follow-?up|by \d+ weeks|months? after|a year later|year after|long term|long-term)\b",
    re.IGNORECASE,
)


def _fading(stmt: Statement, base: EvidenceBase, patient: bool, cite: Any) -> list[str]:
    """Relief said to be permanent: the question's conditions' findings that say what happened
    after treatment ended and that the effect narrowed or faded (up to two, single trials and
    pooled results alike); nothing when the base holds none."""
    conditions = set(stmt.conditions)
    if not conditions:
        return []
    found = [
        f
        for f in base.findings.values()
        if f.condition in conditions
        and _FADED.search(f.summary)
        and (_AFTER_TREATMENT.search(f"{f.summary} {f.timepoint or ''}"))
    ]
    if not found:
        return []
    lines = " ".join(f"{' '.join(f.summary.split())}{cite(f)}" for f in found[:2])
    if patient:
        return [f"**No. Studies found the benefit can fade after the sessions stop.** {lines}"]
    return [
        "**No: the trials acupath holds do not show relief that lasts for good; some found the "
        f"effect narrowed or faded after treatment ended.** {lines}"
    ]


def _guideline_rank(stmt: Statement, base: EvidenceBase, patient: bool, cite: Any) -> list[str]:
    """ "<body> makes acupuncture the first choice / says it must be offered": each of the
    body's recommendation records on the question's conditions in its own words (summary,
    conditions of use), unless it recommends acupuncture strongly; the body is the one the
    question names, or any body when it names only "guidelines"."""
    named = set(stmt.sources_named)
    recs = [
        r
        for r in base.recommendations.values()
        if any(r.covers(c) for c in stmt.conditions)
        and (not named or r.source in named)
        and getattr(base.sources.get(r.source), "kind", "") != "coverage_policy"
    ]
    out = []
    for r in recs:
        if r.direction == "for" and r.strength == "strong":
            continue  # a strong recommendation may well rank it first (ACP 2017)
        said = _first_sentence(r.summary)
        uses = "; ".join(u.rstrip(".") for u in r.conditions_of_use)
        name = tx.short_body(r.body)
        if patient:
            out.append(
                f"**No. {name} does not put acupuncture first or say everyone must have it.** "
                + (
                    "It advises against it."
                    if r.direction == "against"
                    else "It says it can be considered for some people."
                )
                + cite(r, "recommendation")
            )
        else:
            position = (
                "recommends against it"
                if r.direction == "against"
                else (f"gives a {r.strength.replace('_', ' ')} recommendation")
            )
            out.append(
                f"**No: {name} does not make acupuncture a first choice or a must; it "
                f"{position}.** {said}"
                + (f" Conditions of use: {uses}." if uses else "")
                + f"{cite(r, 'recommendation')}"
            )
    return out


def _overclaim(
    stmt: Statement, base: EvidenceBase, patient: bool, cite: Any, quoted: set[str]
) -> list[str]:
    """A study (or the evidence) said to prove a benefit it did not find: the named study's
    findings on the question's conditions that found no difference, on the asked outcome first;
    with no study named, the condition's own pooled sham-controlled findings when none of them
    favours acupuncture."""
    from acupath.answer.select import PRIMARY_OUTCOMES

    named = list(stmt.sources_named)
    conditions = set(stmt.conditions)
    asked = set(stmt.question.outcomes)
    if named:
        # the named study's comparative results on benefit (not its harms), on the asked
        # outcome when it has one; corrected only when none of them favours acupuncture
        found = [
            f
            for f in base.findings.values()
            if f.source in named
            and (not conditions or f.condition in conditions)
            and f.comparator != "none"
            and (f.outcome in PRIMARY_OUTCOMES or f.outcome in asked)
        ]
        # the outcome the claim names in so many words ("lowers labour pain scores": pain)
        words = set(tx.tokens(stmt.text))
        asked |= {f.outcome for f in found if set(tx.tokens(f.outcome.replace("_", " "))) <= words}
        if asked & {f.outcome for f in found}:
            found = [f for f in found if f.outcome in asked]
        # and against the comparator the claim names ("beats sham"), when it names one
        compared = set(stmt.question.comparators) & {f.comparator for f in found}
        if compared:
            found = [f for f in found if f.comparator in compared]
        if any(f.direction == "favours_acupuncture" for f in found):
            return []
        against = [f for f in found if f.direction in _NOT_FOUND]
    elif not _SHAM_OR_ALL.search(stmt.text):
        return []  # "studies have shown it works for migraine": a claim this cannot weigh
    else:
        sham = [
            f
            for f in base.findings.values()
            if f.condition in conditions and f.comparator == "sham"
        ]
        own = [f for f in sham if getattr(base.sources.get(f.source), "kind", "") in _POOLED_KINDS]
        # wave 14 (p11207): a condition whose sham-controlled evidence is single trials only
        # (hot flushes: Ee 2016, no difference against a non-insertive sham) is weighed on them
        own = own or [f for f in sham if getattr(base.sources.get(f.source), "kind", "") == "rct"]
        # wave 21 (h20115: "the Cochrane review on labour found acupuncture roughly halves
        # labour pain compared with sham"): the outcome the claim names in so many words is
        # weighed on its own (Smith 2020: pain no clear difference against sham, though
        # satisfaction and analgesic use favoured acupuncture), as for a named study above
        words = set(tx.tokens(stmt.text))
        named_outcomes = {
            f.outcome for f in own if set(tx.tokens(f.outcome.replace("_", " "))) <= words
        }
        if named_outcomes:
            own = [f for f in own if f.outcome in named_outcomes]
            asked |= named_outcomes
        if not own or any(f.direction == "favours_acupuncture" for f in own):
            return []
        against = [f for f in own if f.direction in _NOT_FOUND]
    if not against:
        return []
    against.sort(key=lambda f: (f.outcome not in asked, f.comparator != "sham"))
    shown = against[:2]
    quoted |= {f.id for f in shown}
    who = _study_names(base, [f.source for f in shown])
    lines = " ".join(f"{' '.join(f.summary.split())}{cite(f)}" for f in shown)
    if patient:
        first = shown[0]
        return [
            f"**No. The studies did not show that.** {' '.join(first.summary.split())}{cite(first)}"
        ]
    return [
        f"**No: {who} did not find that acupuncture did better; the result was no clear "
        f"difference.** {lines}"
    ]


_ASKING_START = re.compile(
    r"^\W*(?:does|do|did|is|are|was|were|has|have|had|would|will|can|could|should|shall|may|"
    r"might|must|where|what|which|how|when|why|who|whom|whose|according|any|please|tell)\b",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"(?:[^.?!;]|(?<=\d)\.(?=\d))+[.?!;]*")


def stated(stmt: Statement, kind: str) -> bool:
    """Whether ``kind`` is a premise of ``stmt`` stated in a sentence that does not open with an
    asking word ("it only works if you believe in it", not "does it only work if you believe
    in it?"). Wave 11's kinds are read here, as parse.py reads the wave-9 ones."""
    from acupath.answer import asked_words as aw

    return kind in stmt.premises and any(
        kind in aw.stated_premises(m.group(0)) and not _ASKING_START.match(m.group(0))
        for m in _SENTENCE.finditer(stmt.corrected_text or stmt.text)
    )


def _sham_not_found(
    stmt: Statement, base: EvidenceBase, patient: bool, cite: Any, quoted: set[str]
) -> list[str]:
    """ "Far better than sham" for conditions whose sham-controlled findings hold no SMD to
    band (wave 11, probe 10 p10163: hot flushes, Ee 2016): corrected only when none of the
    conditions' sham-controlled findings on benefit favours acupuncture, from those that found
    no difference (pooled first)."""
    conditions = set(stmt.conditions)
    found = [
        f
        for f in base.findings.values()
        if f.condition in conditions
        and f.comparator == "sham"
        and f.outcome not in _HARM_OUTCOMES
        and f.direction != "not_applicable"
    ]
    if not found or any(f.measure == "SMD" for f in found):
        return []  # an SMD decides (premise_section's band correction)
    if any(f.direction == "favours_acupuncture" for f in found):
        return []
    against = [f for f in found if f.direction in _NOT_FOUND]
    if not against:
        return []
    against.sort(key=lambda f: getattr(base.sources.get(f.source), "kind", "") not in _POOLED_KINDS)
    shown = against[:2]
    quoted |= {f.id for f in shown}
    facts = " ".join(f"{' '.join(f.summary.split())}{cite(f)}" for f in shown)
    names = [base.conditions[c].name.lower() for c in stmt.conditions if c in base.conditions]
    where = f" for {', '.join(names[:3])}" if names else ""
    if patient:
        return [
            f"**No. In the studies we have{where}, real acupuncture did no better than fake "
            f"(sham) acupuncture.** {facts}"
        ]
    return [
        f"**No: in the sham-controlled studies acupath holds{where}, acupuncture did no better "
        f"than sham.** {facts}"
    ]


_HARM_OUTCOMES = frozenset(
    {"adverse_events", "serious_adverse_events", "bleeding", "pneumothorax", "needling_pain"}
)
_SWEEP = re.compile(r"\b(?:any|every|all|anything|everything|whatsoever)\b", re.IGNORECASE)
_SENSITIVITY = re.compile(r"\b(?:excluding|including|limited to|restricted to)\b", re.IGNORECASE)


def _beyond_sham(
    stmt: Statement, base: EvidenceBase, patient: bool, cite: Any, quoted: set[str], *, belief: bool
) -> list[str]:
    """Acupuncture said to have no effect beyond placebo for anything, or to work only through
    belief (wave 11): the pooled sham-controlled findings that favour acupuncture, the
    question's conditions' own first, then the cross-condition individual-patient-data one with
    the smallest effect (Vickers 2018 against penetrating sham: the most conservative figure).
    In a sham-controlled trial both groups expect treatment, so a difference is not belief
    alone. Nothing when the records hold no such finding."""
    from acupath.answer.select import PRIMARY_OUTCOMES

    conditions = set(stmt.conditions)

    def pooled(f: Finding) -> bool:
        kind = getattr(base.sources.get(f.source), "kind", "")
        return (
            f.comparator == "sham"
            and f.outcome in PRIMARY_OUTCOMES
            and f.direction == "favours_acupuncture"
            and kind in _POOLED_KINDS
        )

    own = [f for f in base.findings.values() if f.condition in conditions and pooled(f)]
    across = sorted(
        (f for f in base.findings.values() if f.condition is None and pooled(f)),
        key=lambda f: (
            getattr(base.sources.get(f.source), "kind", "") != "ipd_meta_analysis",
            # a sensitivity analysis ("excluding trials with B blinding grades") after the main
            bool(_SENSITIVITY.search(f.comparator_detail or "")),
            abs(float(f.estimate)) if isinstance(f.estimate, int | float) else 99.0,
        ),
    )
    # a sweeping claim ("for any pain condition") gets the cross-condition result beside the
    # condition's own; a claim about one condition only that condition's (Vickers 2018 pooled
    # other conditions)
    sweeping = not belief and _SWEEP.search(stmt.text) is not None
    shown = own[:1] + across[:1] if sweeping or not own else own[:2]
    if not shown:
        return []
    quoted |= {f.id for f in shown}
    facts = " ".join(f"{' '.join(f.summary.split())}{cite(f)}" for f in shown)
    names = [base.conditions[c].name.lower() for c in stmt.conditions if c in base.conditions]
    where = f" for {', '.join(names[:3])}" if own and names else " across pain conditions"
    if patient:
        if belief:
            return [
                "**No. Studies do not show that it works only if you believe in it.** In "
                "studies that compare real acupuncture with fake (sham) acupuncture, people do "
                "not know which one they get, so both groups expect to be helped. Real "
                f"acupuncture still did a little better: {facts}"
            ]
        return [
            f"**No. Studies do not show that acupuncture is only a placebo{where}.** "
            f"Against fake (sham) acupuncture, real acupuncture did a little better: {facts}"
        ]
    if belief:
        return [
            "**No: the records do not show that acupuncture works only through belief.** In "
            "sham-controlled trials patients do not know which treatment they receive, so "
            "expectation is shared by both arms; the pooled results still favour acupuncture, "
            f"by a small margin: {facts}"
        ]
    return [
        "**No: the pooled sham-controlled analyses acupath holds do not show that "
        f"acupuncture is no more than placebo{where}.** They favour acupuncture over sham, by "
        f"small margins, and single trials differ: {facts}"
    ]


_SHAM_OR_ALL = re.compile(
    r"\b(sham|placebo|fake|dummy|every|all kinds|any kind|all types|any type)\b", re.IGNORECASE
)
"""With no study named, a claim is weighed only against sham ("beats sham") or as universal
("proven for every kind of pain"), from the condition's pooled sham-controlled findings."""


def _study_names(base: EvidenceBase, sources: Sequence[str]) -> str:
    names = []
    for sid in dict.fromkeys(sources):
        src = base.sources.get(sid)
        if src is None:
            continue
        first = str(src.authors).split(",")[0].strip().rsplit(" ", 1)[0]
        names.append(f"{first} {src.year}")
    return " and ".join(names) if names else "the studies acupath holds"


def _restriction(safety: Any, patient: bool) -> list[str]:
    """ "Nobody with X can have any acupuncture": corrected only when the screen proceeds for
    the patient described; the changes it makes are the safety box's (never when it defers or
    refers, and never without a screen)."""
    decision = getattr(safety, "decision", None)
    if decision not in ("proceed", "proceed_with_modifications"):
        return []
    changed = decision == "proceed_with_modifications"
    # wave 23b: a screen that proceeds with cautions (counts not on file during chemotherapy)
    # is not said to have found no reason to hold back
    screen = getattr(safety, "screen", None)
    cautious = any(f.action == "caution" for f in getattr(screen, "findings", ()) or ())
    if patient:
        return [
            "**No. This does not rule acupuncture out.** "
            + (
                "It can be done with some changes, listed in the safety part above."
                if changed
                else "Please read the cautions in the safety part above first."
                if cautious
                else "Our safety check found no reason to hold back for what you told us."
            )
        ]
    return [
        "**No: what the question describes does not rule out acupuncture altogether.** "
        + (
            "The screen allows it with the changes in the safety section above (what is left "
            "out is listed there)."
            if changed
            else "The screen does not stop needling for the patient described; the cautions in "
            "the safety section above apply."
            if cautious
            else "The screen finds no reason not to proceed for the patient described."
        )
    ]


def _technique_excluded(stmt: Statement, safety: Any, patient: bool) -> list[str]:
    """A technique said to be fine for the patient described ("deep needling and strong
    stimulation are fine for my warfarin patient", wave 14, p11209): corrected only when the
    screen leaves that technique out for this patient (its reason is the safety box's, above);
    a technique the screen allows, or no screen, leaves the premise alone."""
    from acupath.answer.safety import EXCLUSION_PREFIX, TECHNIQUE_WORDS

    excluded = set(getattr(safety, "excluded_techniques", ()) or ())
    text = " ".join(stmt.text.lower().replace("-", " ").split())
    named = [
        t
        for t, words in TECHNIQUE_WORDS.items()
        if t in excluded and any(_said(w.replace("-", " "), text) for w in words)
    ]
    if not named:
        return []
    # the technique is not named here: outside the safety box's one "Not for this patient" line
    # an answer never names what the screen excludes (safety.line_violations)
    one = len(named) == 1
    if patient:
        return [
            f"**No. {'That technique is' if one else 'Those techniques are'} not for you.** Our "
            f"safety check leaves {'it' if one else 'them'} out for what you told us: see "
            f"\u201c{EXCLUSION_PREFIX}\u201d in the safety part above, and what is done instead."
        ]
    techniques = "the technique the question names" if one else "the techniques the question names"
    return [
        f"**No: the screen excludes {techniques} for this patient.** They are listed under "
        f"\u201c{EXCLUSION_PREFIX}\u201d in the safety section above, with the reason and the "
        "changes that apply instead."
    ]


def _points_excluded(safety: Any, patient: bool) -> list[str]:
    """Every point said to be fine for the patient described ("past 12 weeks every point is
    fine in pregnancy", wave 21, h20111): corrected only when the screen leaves points or
    regions out for this patient; they are named only in the safety box's one line."""
    from acupath.answer.safety import EXCLUSION_PREFIX

    points = getattr(safety, "excluded_points", ()) or ()
    regions = getattr(safety, "excluded_regions", ()) or ()
    if not (points or regions):
        return []
    if patient:
        return [
            "**No. Not every point is right for you.** Our safety check leaves some points out "
            f"for what you told us: see \u201c{EXCLUSION_PREFIX}\u201d in the safety part above."
        ]
    return [
        "**No: not every point is fine for this patient.** The screen excludes some points or "
        f"regions for what the question describes; they are listed under \u201c{EXCLUSION_PREFIX}"
        "\u201d in the safety section above, with the reason."
    ]


_COUNTS = {
    "platelets": re.compile(r"\bplatelets?\b|\bplt\b", re.I),
    "white cells": re.compile(r"\bneutrophils?\b|\banc\b|\bwhite\b|\bleu[ck]o", re.I),
    "red cells": re.compile(r"\bh(?:a)?emoglobin\b|\bhb\b|\bred (?:blood )?cells?\b", re.I),
}
"""The blood counts a question may say acupuncture raises, by the words that name them."""
_WHITE_OUTCOMES = ("white_cell_count",)


def _count_raised(stmt: Statement, base: EvidenceBase, patient: bool, cite: Any) -> list[str]:
    """A blood count said to be raised by acupuncture ("it boosts your platelets, so my low
    count won't matter", wave 21, h20110/h20112): for white cells, the records on white cell
    counts (outcome ``white_cell_count``: Wu 2015, Shih 2021, the CAM-Cancer summary), said at
    their best certainty; for a count no record measured (platelets, red cells), that acupath
    holds none. Whether the patient described may be needled now is the screen's (``_not_now``)."""
    named = [n for n, rx in _COUNTS.items() if rx.search(stmt.text)] or ["white cells"]
    order = ("very_low", "low", "moderate", "high")
    out: list[str] = []
    for count in named:
        if count == "white cells":
            found = [
                f
                for f in base.findings.values()
                if f.outcome in _WHITE_OUTCOMES or f.condition == "leucopenia"
            ]
        else:
            stem = "platelet" if count == "platelets" else "red cell"
            found = [
                f
                for f in base.findings.values()
                if stem in f"{f.outcome} {f.summary} {f.population}".lower()
            ]
        if not found:
            out.append(
                f"**No: acupath holds no study showing that acupuncture raises {count}.** A low "
                f"count is not something acupuncture is known to correct."
                if not patient
                else f"**No. There is no good evidence that acupuncture raises your {count}.** "
                "We hold no study that measured it."
            )
            continue
        graded = [f for f in found if getattr(f, "certainty", None) in order]
        best = max((order.index(f.certainty) for f in graded), default=0)
        level = order[best].replace("_", " ")
        quoted = sorted(graded, key=lambda f: -order.index(f.certainty))[:2] or found[:1]
        said = " ".join(
            f"{' '.join(f.summary.split())} ({f.certainty.replace('_', ' ')} certainty){cite(f)}"
            for f in quoted
        )
        out.append(
            f"**Not proven: the evidence that acupuncture raises {count} is of {level} "
            f"certainty at best.** {said}"
            if not patient
            else f"**Not proven. The studies that acupuncture raises {count} are weak "
            f"({level} certainty at best).** {said}"
        )
    return out


_DOAC_RULE = "doac_no_inr"
"""The screen's rule for a direct oral anticoagulant (data/screening_rules/02_bleeding.yaml,
source McCulloch 2015): the INR does not measure its effect."""


def _inr_not_doac(safety: Any, patient: bool, refs: Any) -> list[str]:
    """An INR said to be checked or in range for the patient described ("get an INR before every
    session to make sure it's in range", wave 23b, h23143): corrected only when the screen's
    :data:`_DOAC_RULE` fired, in that rule's words and with its source; on warfarin, or with no
    screen, the INR is not corrected."""
    screen = getattr(safety, "screen", None)
    fired = next((f for f in getattr(screen, "findings", ()) or () if f.rule == _DOAC_RULE), None)
    if fired is None:
        return []
    marker = refs.marker(fired.sources, fired.rule, "screening_rule") if refs is not None else ""
    if patient:
        return [
            "**No. The INR blood test does not show how much this kind of blood thinner is "
            "working.** The safety steps above are used at every "
            f"visit instead.{marker}"
        ]
    return [
        "**No: the INR does not measure the effect of a direct oral anticoagulant, so an INR "
        "before each session shows nothing about how anticoagulated this patient is.** The "
        "anticoagulant precautions in the safety section above apply at every session instead"
        f" (the screen's rule).{marker}"
    ]


def _swelling_not_drained(base: EvidenceBase, safety: Any, patient: bool, cite: Any) -> list[str]:
    """Needling a swollen limb said to drain lymphoedema (wave 23b, h23141): corrected when the
    screen leaves a region out for the patient described (the limb; named only in the safety
    box) and from the lymphoedema records at their best certainty; nothing without a screen
    that excludes a region."""
    if not getattr(safety, "excluded_regions", ()):
        return []
    from acupath.answer.safety import EXCLUSION_PREFIX

    order = ("very_low", "low", "moderate", "high")
    graded = [
        f
        for f in base.findings.values()
        if f.condition == "lymphoedema" and getattr(f, "certainty", None) in order
    ]
    level = order[max((order.index(f.certainty) for f in graded), default=0)].replace("_", " ")
    # one result each way, the best-graded first: the lymphoedema records do not agree
    ranked = sorted(graded, key=lambda f: -order.index(f.certainty))
    quoted = [
        next(f for f in ranked if f.direction == d)
        for d in ("favours_acupuncture", "no_difference")
        if any(f.direction == d for f in ranked)
    ]
    said = " ".join(f"{' '.join(f.summary.split())}{cite(f)}" for f in quoted)
    if patient:
        return [
            "**No. Needles are not put into the swollen arm or leg.** Our safety check leaves "
            f"it out (see \u201c{EXCLUSION_PREFIX}\u201d in the safety part above). Studies of "
            f"acupuncture for this swelling are weak ({level} certainty)."
            + (f" {said}" if said else "")
        ]
    return [
        "**No: the screen leaves the affected limb out for this patient, and acupath holds no "
        f"better than {level}-certainty evidence that acupuncture reduces lymphoedema.** The "
        f"region is listed under \u201c{EXCLUSION_PREFIX}\u201d in the safety section above."
        + (f" {said}" if said else "")
    ]


def _said(words: str, text: str) -> bool:
    return re.search(rf"(?<![a-z]){re.escape(words)}(?![a-z])", text) is not None


def _not_now(safety: Any, patient: bool) -> list[str]:
    """Acupuncture said to be fine now, or to fix what is described ("it should be fine during
    my chemo fever, yes?"): corrected only when the screen refers or defers the patient
    described; its reason and urgency are the safety box's, above. A screen that proceeds, or
    no screen, leaves the premise alone."""
    decision = getattr(safety, "decision", None)
    if decision == "refer":
        return [
            "**No. Acupuncture is not the right step now.** What you told us needs a doctor "
            "first, as the safety part above says."
            if patient
            else "**No: acupuncture is not appropriate now.** The screen refers this patient "
            "for medical assessment first, at the urgency given in the safety section above."
        ]
    if decision == "defer":
        return [
            "**No. Not yet.** The safety part above says what needs to happen before acupuncture."
            if patient
            else "**No: not yet.** The screen defers acupuncture for this patient; the safety "
            "section above says why and until when."
        ]
    return []


def _replace_care(
    stmt: Statement, base: EvidenceBase, patient: bool, cite: Any, quoted: set[str]
) -> list[str]:
    """Acupuncture said to justify replacing standard care that is not a medicine (epidurals,
    physiotherapy, surgery): the question's trials of acupuncture against or added to that
    care which found no difference (the named study's first), and the decision left to the
    treating team."""
    named = list(stmt.sources_named)
    conditions = set(stmt.conditions)
    found = [
        f
        for f in base.findings.values()
        if (f.source in named or (not named and f.condition in conditions))
        and (not conditions or f.condition in conditions)
        and f.comparator in ("usual_care", "no_acupuncture", "other")
        and f.direction in _NOT_FOUND
        and f.id not in quoted
    ]
    found.sort(key=lambda f: (f.source not in named, f.outcome not in ("pain", "function")))
    if patient:
        return [
            "**Please do not give up other care on the strength of acupuncture alone.** The "
            "studies do not show that it can take the place of it. Talk it over with your care "
            "team."
        ]
    return [
        "**No: the trials acupath holds do not show that acupuncture can take the place of "
        "that care; whether to offer it alongside is for the treating team and the patient.**"
        + (
            " Against or added to usual care: "
            + " ".join(f"{' '.join(f.summary.split())}{cite(f)}" for f in found[:2])
            if found
            else ""
        )
    ]


# -- wave 10: a study said to cover every illness, a study read the wrong way, an effect size
# over-read ------------------------------------------------------------------------------------

_UNIVERSAL = re.compile(
    r"\b(?:every|all|any)\s+(?:(?:kinds?|types?|sorts?)\s+of\s+)?(?:illness(?:es)?|"
    r"diseases?|conditions?|health problems?|problems?|ailments?|disorders?)\b|"
    r"\b(?:for|with) (?:everything|anything)\b",
    re.IGNORECASE,
)
"""'works for every illness', 'all diseases', 'any condition', 'for everything': a study's
scope said to be universal."""


def _study_conditions(base: EvidenceBase, findings: Sequence[Finding]) -> list[str]:
    """The names of the conditions a study's findings cover (their condition and related
    conditions), in order, without repeats."""
    ids: list[str] = []
    for f in findings:
        ids += [f.condition] if f.condition else []
        ids += list(getattr(f, "related_conditions", None) or ())
    return [base.conditions[c].name.lower() for c in dict.fromkeys(ids) if c in base.conditions]


def _scope_overclaim(
    stmt: Statement, base: EvidenceBase, patient: bool, cite: Any, quoted: set[str]
) -> list[str]:
    """A named study said to prove acupuncture works for every illness: the conditions its
    findings cover, and its largest finding on benefit with its figures (Vickers 2018: 39
    trials, 20,827 patients, four chronic pain conditions)."""
    from acupath.answer.phrasing import finding_stats
    from acupath.answer.select import PRIMARY_OUTCOMES

    named = list(stmt.sources_named)
    if not named or not _UNIVERSAL.search(stmt.text):
        return []
    found = [
        f
        for f in base.findings.values()
        if f.source in named and f.comparator != "none" and f.outcome in PRIMARY_OUTCOMES
    ]
    covered = _study_conditions(base, found)
    if not found or not covered:
        return []
    main = max(found, key=lambda f: (f.n_participants or 0, f.n_studies or 0))
    quoted.add(main.id)
    who = _study_names(base, [main.source])
    summary = " ".join(main.summary.split())
    if patient:
        # in the patient's voice without the study's jargon ("standard deviation")
        helped = (
            " It found acupuncture helped with those."
            if main.direction == ("favours_acupuncture")
            else ""
        )
        return [
            f"**No. That study looked only at {', '.join(covered)}, not every illness.**"
            f"{helped}{cite(main)}"
        ]
    return [
        f"**No: {who} pooled trials in {', '.join(covered)} only; it did not test acupuncture "
        f"for every illness.** {summary} ({finding_stats(main)}).{cite(main)}"
    ]


def _not_every_time(
    stmt: Statement, base: EvidenceBase, patient: bool, cite: Any, quoted: set[str]
) -> list[str]:
    """Acupuncture said to beat a comparator for every kind of pain ("beats morphine for every
    kind of pain in A&E", wave 14, p11206): the question's conditions' findings against that
    comparator (any comparator, when none is named) that found no difference, largest first;
    nothing when every such finding favours acupuncture."""
    from acupath.answer.phrasing import finding_stats
    from acupath.answer.select import PRIMARY_OUTCOMES

    conditions = set(stmt.conditions)
    if not conditions:
        return []
    compared = set(stmt.question.comparators)
    found = [
        f
        for f in base.findings.values()
        if f.condition in conditions
        and f.comparator not in ("none", "any")
        and (f.comparator in compared if compared else True)
        and f.outcome in PRIMARY_OUTCOMES
        and f.id not in quoted
    ]
    against = [f for f in found if f.direction in _NOT_FOUND]
    if not against:
        return []
    against.sort(key=lambda f: -(f.n_participants or 0))
    shown = against[:2]
    quoted |= {f.id for f in shown}
    who = _study_names(base, [f.source for f in shown])
    if patient:
        first = shown[0]
        return [
            "**No. Not every study found acupuncture better.** "
            f"{' '.join(first.summary.split())}{cite(first)}"
        ]
    lines = " ".join(f"{' '.join(f.summary.split())} ({finding_stats(f)}).{cite(f)}" for f in shown)
    return [
        f"**No: the trials did not find acupuncture better every time; {who} found no clear "
        f"advantage.** {lines}"
    ]


_MECHANISM_KINDS = ("mechanism_review",)
"""Source kinds whose records say how acupuncture may act, not how much it helps."""


def _mechanism_not_proof(
    stmt: Statement, base: EvidenceBase, patient: bool, cite: Any, quoted: set[str]
) -> list[str]:
    """A mechanism said to prove acupuncture works ("brain scans proved it releases endorphins,
    so it's a proven painkiller", wave 14, p11201): the mechanism record whose words the claim
    shares most (han2004 for endorphins: opioid peptides, mainly in animals; chae2013 for brain
    scans), and that how it may act does not measure how much it relieves pain."""
    words = set(tx.tokens(stmt.text))
    named = set(stmt.sources_named)
    mechanisms = [
        f
        for f in base.findings.values()
        if f.outcome.startswith("mechanism")
        and (
            getattr(base.sources.get(f.source), "kind", "") in _MECHANISM_KINDS
            or "fmri" in f.population.lower()
            or f.source in named
        )
    ]
    # wave 19 (p13162: "the Harris 2009 PET study proved ..."): the named study's own mechanism
    # record answers, when it has one (harris2009: an imaging study, not a test of benefit)
    mechanisms = [f for f in mechanisms if f.source in named] or mechanisms
    # the words the claim shares with each record, a word that few of them hold counting most
    # ("endorphins" names han2004; "release" is in several)
    held = {f.id: set(tx.tokens(f"{f.summary} {f.population}")) for f in mechanisms}
    df: dict[str, int] = {}
    for ws in held.values():
        for w in ws:
            df[w] = df.get(w, 0) + 1
    scored = [(sum(1 / df[w] for w in words & held[f.id]), f) for f in mechanisms]
    scored = [(n, f) for n, f in scored if n]
    if not scored:
        return []
    first = max(scored, key=lambda nf: nf[0])[1]
    quoted.add(first.id)
    said = " ".join(first.summary.split())
    if patient:
        return [
            "**No. How acupuncture may work in the body is not proof that it eases pain like "
            f"a painkiller.** {said}{cite(first)} How much it helps people is measured in "
            "trials; what they found is below."
        ]
    drug = re.search(r"\b(?:morphine|painkillers?|pain killers?|drugs?)\b", stmt.text, re.I)
    morphine = " like morphine" if re.search(r"\bmorphine\b", stmt.text, re.I) else ""
    like = f", and it does not make acupuncture a proven painkiller{morphine}" if drug else ""
    return [
        f"**No: a mechanism is not proof of clinical benefit{like}.** {said}{cite(first)} How "
        "much it relieves pain is measured by the clinical trials below, not by how it may act."
    ]


def _misread(
    stmt: Statement, base: EvidenceBase, patient: bool, cite: Any, quoted: set[str]
) -> list[str]:
    """A named study said to have found acupuncture no better than a comparator: its own
    comparative findings against the comparator the claim names, when they favour acupuncture
    (GERAC, haake2007: against guideline care; not against sham, where it found no
    difference). With no comparator named, only when all its comparative findings favour it."""
    from acupath.answer.phrasing import finding_stats

    named = list(stmt.sources_named)
    if not named:
        return []
    conditions = set(stmt.conditions)
    found = [
        f
        for f in base.findings.values()
        if f.source in named
        and (not conditions or f.condition in conditions)
        and f.comparator not in ("none", "any")
        and f.direction in ("favours_acupuncture", *_NOT_FOUND)
    ]
    compared = set(stmt.question.comparators) & {f.comparator for f in found}
    if compared:
        found = [f for f in found if f.comparator in compared]
    elif stmt.question.comparators:
        return []  # a comparator the study did not test: nothing here to weigh
    else:
        # the comparator in the claim's own words ("no better than conventional guideline
        # care"), matched with the words of each finding's comparator and its detail
        said = _compared_words(stmt.text)
        found = [f for f in found if said & _compared_words(_comparator_text(f), after=False)]
    if not found or any(f.direction != "favours_acupuncture" for f in found):
        return []
    # the study's own printed figures before acupath's recomputations of them
    found.sort(
        key=lambda f: (
            getattr(f, "provenance", None) == "computed",
            f.measure not in ("RD", "MD", "SMD", "RR", "OR"),
            f.id,
        )
    )
    shown = found[:2]
    quoted |= {f.id for f in shown}
    who = _study_names(base, [f.source for f in shown])
    if patient:
        # plain words: the study's summary says "verum acupuncture", "responders"
        return [
            "**No. In that study, acupuncture did better than the care it was compared with, "
            f"not the same.** The figures are below.{cite(shown[0])}"
        ]
    lines = " ".join(f"{' '.join(f.summary.split())} ({finding_stats(f)}).{cite(f)}" for f in shown)
    return [f"**No: in {who} acupuncture did better than that comparison, not the same.** {lines}"]


def _effect_overread(
    stmt: Statement, base: EvidenceBase, patient: bool, cite: Any, quoted: set[str]
) -> list[str]:
    """A pooled effect size said to make acupuncture better than everything else: the
    largest |SMD| of the named study (or of the question's conditions), what it compared
    acupuncture with, and its certainty; an SMD against a control is no comparison with the
    other treatments."""
    from acupath.answer.phrasing import finding_stats

    named = list(stmt.sources_named)
    conditions = set(stmt.conditions)
    found = [
        f
        for f in base.findings.values()
        if f.measure == "SMD"
        and isinstance(f.estimate, int | float)
        and (f.source in named if named else f.condition in conditions)
        and (not conditions or f.condition in conditions)
    ]
    if not found:
        return []
    f = max(found, key=lambda r: abs(float(r.estimate or 0)))
    quoted.add(f.id)
    who = _study_names(base, [f.source])
    against = (f.comparator_detail or f.comparator).replace("_", " ")
    certainty = f.certainty.replace("_", " ")
    if patient:
        return [
            f"**No. That result compared acupuncture with {against}, not with other "
            f"treatments, and the studies behind it are weak ({certainty} certainty).**"
            f"{cite(f)}"
        ]
    if "sham" in stmt.question.comparators and f.comparator != "sham":
        # wave 12 (p10166): set beside sham-controlled trials, an SMD against other controls
        # is no comparison with them
        other, cannot = (
            "sham acupuncture",
            "acupuncture works better than sham-controlled trials found",
        )
    else:
        other, cannot = (
            "the other treatments on offer",
            "acupuncture is more effective than anything else",
        )
    return [
        f"**No: {who}'s SMD of {f.estimate:g} compares acupuncture with {against}, not with "
        f"{other}, and its certainty is {certainty}; it cannot show that {cannot}.** "
        f"{' '.join(f.summary.split())} ({finding_stats(f)}).{cite(f)}"
    ]


_THAN = re.compile(r"\b(?:than|from|to|beat|beats|versus|vs)\s+(.{0,60})", re.IGNORECASE)
_SAME_CARE = {
    "standard": "usual",
    "conventional": "usual",
    "routine": "usual",
    "guideline": "usual",
}
"""Words for the care a trial's control arm received, read as one ("standard care", "usual
care", "conventional therapy", "guideline care"): clinic policy, the words trials use for the
same control (haake2007: "guideline-based conventional therapy")."""
_GENERIC = {"care", "therapy", "treatment", "treatments", "the", "a", "an", "acupuncture"}


def _comparator_text(f: Finding) -> str:
    return f"{f.comparator.replace('_', ' ')} {f.comparator_detail or ''}"


def _compared_words(text: str, *, after: bool = True) -> set[str]:
    """The content words of what a claim compares with (the words after "than", "from",
    "beat"), or of a finding's comparator when ``after`` is false, with the words for usual
    care read as one."""
    if after:
        m = _THAN.search(text)
        if m is None:
            return set()
        text = m.group(1)
    words = {w.lower().strip("-") for w in re.findall(r"[A-Za-z-]+", text)}
    words |= {part for w in words for part in w.split("-")}
    return {_SAME_CARE.get(w, w) for w in words if w and w not in _GENERIC}
