"""Treatment planning: screen first, then fit a published protocol and explain the course.

:func:`plan` runs :func:`acupath.care.screening.screen`. When the decision is ``refer`` or
``defer`` nothing is planned: the plan says why (the rules that fired) and what to do instead
(their advice). Otherwise it fits each protocol for the condition to the screen
(:mod:`acupath.care.adaptation`) and chooses one, in this order: usable (ear needling allowed,
the trial's minimum numbers of points still met), names points, and the highest
``preference x share of the trial's points kept``. A patient under 18 is offered only protocols
whose trial population included their age; otherwise the plan says no tested protocol exists.
It then adds:

* the course: the trial's schedule, or a labelled clinic-policy course when the sources state
  none (:mod:`acupath.care.courses`), with ``schedule_text`` that adds up;
* ``points_reason`` when a protocol names no points (the trial did not publish them);
* ``expected_effect``: the knowledge base's findings for the condition, by comparator, for the
  technique actually delivered (``manual`` and ``any`` when electroacupuncture was dropped);
* ``other_conditions``: every other condition of the intake, planned or with the reason it is
  not, so no complaint is silently ignored;
* ``guidelines``: recommendations and whether they disagree;
* ``coverage``: Medicare NCD 30.3.3 eligibility (chronic low back pain);
* ``integration``: notes on the patient's drug classes and unrecognised medicines;
* ``reassessment``: when and how to measure, and the rules for continuing;
* ``stricta``: the whole plan as a STRICTA 2010 report.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Literal

from acupath.care import vocabulary as vocab
from acupath.care.adaptation import Adaptation, adapt
from acupath.care.courses import Course, course_for
from acupath.care.coverage import medicare_coverage
from acupath.care.evidence import expected_effect, guidelines
from acupath.care.intake import ConditionEntry, Intake
from acupath.care.medications import bundled_formulary
from acupath.care.policy import ClinicPolicy
from acupath.care.protocols import Protocol, bundled_protocols, protocols_for
from acupath.care.reassessment import reassessment
from acupath.care.screening import ScreenResult, screen
from acupath.care.stricta import stricta_report
from acupath.errors import InputError

Status = Literal["planned", "not_planned", "no_protocol"]


@dataclass(frozen=True)
class Plan:
    """A course of treatment for one condition of one patient (see the module docstring)."""

    status: Status
    condition: str
    screen: ScreenResult
    adaptation: Adaptation | None = None
    reasons: tuple[str, ...] = ()
    what_to_do: tuple[str, ...] = ()
    alternatives: tuple[dict[str, Any], ...] = ()
    expected_effect: list[dict[str, Any]] = field(default_factory=list)
    guidelines: dict[str, Any] = field(default_factory=dict)
    coverage: dict[str, Any] | None = None
    integration: list[dict[str, Any]] = field(default_factory=list)
    reassessment: dict[str, Any] | None = None
    stricta: dict[str, dict[str, str]] | None = None
    warnings: tuple[str, ...] = ()
    course: Course | None = None
    points_reason: str | None = None
    expected_effect_technique: str | None = None
    expected_effect_note: str | None = None
    other_conditions: tuple[dict[str, Any], ...] = ()

    @property
    def protocol(self) -> Protocol | None:
        """The protocol the plan follows, if any."""
        return self.adaptation.protocol if self.adaptation else None

    @property
    def technique(self) -> str | None:
        """manual, electro or auricular; None when nothing is planned."""
        return self.adaptation.technique if self.adaptation else None

    def as_dict(self) -> dict[str, Any]:
        """The plan JSON document: the screen's keys, then the plan's (see DESIGN.md)."""
        out = self.screen.as_dict()
        proto = self.protocol
        a = self.adaptation
        out.update(
            {
                "status": self.status,
                "condition": self.condition,
                "technique": self.technique,
                "points": [p.as_dict() for p in a.points] if a else [],
                "needles_per_session": a.needles_per_session if a and a.points else None,
                "points_reason": self.points_reason,
                "sessions": self.course.sessions if self.course else None,
                "frequency_per_week": self.course.frequency_per_week if self.course else None,
                "weeks": self.course.weeks if self.course else None,
                "schedule": [
                    {"weeks": ph.weeks, "per_week": ph.per_week} for ph in self.course.schedule
                ]
                if self.course
                else [],
                "schedule_text": self.course.text() if self.course else None,
                "sessions_basis": self.course.basis if self.course else None,
                "sessions_basis_note": self.course.note if self.course else None,
                "sessions_note": proto.sessions_note if proto else None,
                "extension": proto.extension if proto else None,
                "retention_minutes": proto.retention_minutes if proto else None,
                "protocol": {"id": proto.id, "name": proto.name} if proto else None,
                "protocol_source": proto.source if proto else None,
                "protocol_sources": list(dict.fromkeys((proto.source, *proto.sources)))
                if proto
                else [],
                "point_list": proto.point_list if proto else None,
                "deviations": list(a.deviations) if a else [],
                "substitutions": [
                    {"replaced": p.replaces, "by": p.code, "reason": p.substitution}
                    for p in a.points
                    if p.replaces
                ]
                if a
                else [],
                "reasons": list(self.reasons),
                "what_to_do": list(self.what_to_do),
                "alternatives": list(self.alternatives),
                "expected_effect": self.expected_effect,
                "expected_effect_technique": self.expected_effect_technique,
                "expected_effect_note": self.expected_effect_note,
                "guidelines": self.guidelines,
                "coverage": self.coverage,
                "integration": self.integration,
                "reassessment": self.reassessment,
                "stricta": self.stricta,
                "stricta_source": "macpherson2010" if self.stricta else None,
                "warnings": list(self.warnings),
                "other_conditions": list(self.other_conditions),
            }
        )
        return out


def _choose_condition(intake: Intake, condition: str | None) -> ConditionEntry:
    if condition is not None:
        wanted = condition.strip().lower()
        for entry in intake.conditions:
            if entry.condition == wanted:
                return entry
        raise InputError.invalid(
            "--condition",
            condition,
            "one of the intake's conditions: " + ", ".join(intake.condition_ids),
        )
    for entry in intake.conditions:
        if any(p.point_list != "not_published" for p in protocols_for(entry.condition)):
            return entry
    for entry in intake.conditions:
        if protocols_for(entry.condition):
            return entry
    return intake.conditions[0]


def _rank(a: Adaptation) -> tuple[int, int, float]:
    return (
        0 if a.usable else 1,
        0 if a.has_points else 1,
        -a.protocol.preference * a.kept_fraction,
    )


def _integration(intake: Intake, screen_result: ScreenResult) -> list[dict[str, Any]]:
    formulary = bundled_formulary()
    profile = screen_result.medicines
    out: list[dict[str, Any]] = []
    for cls_id in sorted(profile.classes):
        cls = formulary.classes[cls_id]
        meds = [
            name
            for name, drug in profile.matched.items()
            if cls_id in formulary.drugs[drug].classes
        ]
        out.append(
            {
                "class": cls.id,
                "name": cls.name,
                "medicines": meds,
                "note": cls.note,
                "basis": cls.basis,
                "sources": list(cls.sources),
            }
        )
    for name in profile.unmapped:
        out.append(
            {
                "class": None,
                "name": "Unrecognised medicine",
                "medicines": [name],
                "note": "acupath does not recognise this medicine, so no rule checked it; "
                "review it yourself.",
                "basis": "none",
                "sources": [],
            }
        )
    return out


def _alternatives(
    adaptations: list[Adaptation], chosen: Adaptation | None
) -> tuple[dict[str, Any], ...]:
    out = []
    for a in adaptations:
        if chosen is not None and a.protocol.id == chosen.protocol.id:
            continue
        p = a.protocol
        out.append(
            {
                "protocol": p.id,
                "name": p.name,
                "source": p.source,
                "sessions": p.sessions,
                "schedule": p.sessions_note or p.schedule_text(),
                "point_list": p.point_list,
                "usable": a.usable,
                "problems": list(a.problems),
            }
        )
    return tuple(out)


_TECHNIQUE_EVIDENCE: dict[str, tuple[str, ...]] = {
    "manual": ("manual", "any"),
    "electro": ("electro", "any"),
    "auricular": ("auricular", "any"),
}
"""Findings that speak for a delivered technique: its own, and pooled 'any acupuncture'."""


def _effect_for(
    cond: str, technique: str, trial_technique: str, lead: str
) -> tuple[list[dict[str, Any]], str | None]:
    """Expected effect for the technique delivered, and a note when it differs from the trial's."""
    kept = expected_effect(cond, lead_source=lead, interventions=_TECHNIQUE_EVIDENCE[technique])
    everything = expected_effect(cond, lead_source=lead)
    left_out = sum(len(g["findings"]) for g in everything) - sum(len(g["findings"]) for g in kept)
    note = None
    if technique != trial_technique:
        note = (
            f"The trial delivered {trial_technique} acupuncture but this plan delivers {technique} "
            f"needling, so the trial's {trial_technique} results are not shown as the expected "
            "benefit."
        )
    if left_out:
        note = (note + " " if note else "") + (
            f"{left_out} finding(s) about other techniques are left out; the findings shown are "
            f"for {technique} or unspecified acupuncture."
        )
    if not kept:
        note = (note + " " if note else "") + (
            f"acupath holds no finding for {technique} acupuncture in this condition, so no "
            "expected benefit can be stated."
        )
    return kept, note


def _site_warning(entry: ConditionEntry, result: ScreenResult) -> str | None:
    """A warning when the painful site lies inside an area the screen excludes."""
    if not entry.site:
        return None
    site = vocab.parse_site(entry.site)
    for excluded in result.excluded_sites():
        if not set(site.regions) & set(excluded.regions):
            continue
        if site.side and excluded.side and site.side != excluded.side:
            continue
        return (
            f"The painful site ({entry.site}) lies inside an excluded area ({excluded.name}), so "
            "no needle goes in or near it; the plan relies on points elsewhere, and local "
            "treatment of that site is not possible."
        )
    return None


def _summary(p: Plan) -> dict[str, Any]:
    """What the plan of another condition says, in brief."""
    proto = p.protocol
    return {
        "condition": p.condition,
        "status": p.status,
        "protocol": proto.id if proto else None,
        "technique": p.technique,
        "points": [pt.code for pt in p.adaptation.points] if p.adaptation else [],
        "sessions": p.course.sessions if p.course else None,
        "frequency_per_week": p.course.frequency_per_week if p.course else None,
        "weeks": p.course.weeks if p.course else None,
        "schedule_text": p.course.text() if p.course else None,
        "points_reason": p.points_reason,
        "reasons": list(p.reasons),
        "what_to_do": list(p.what_to_do),
    }


def plan(
    intake: Intake,
    *,
    condition: str | None = None,
    protocol: str | None = None,
    policy: ClinicPolicy | None = None,
) -> Plan:
    """Screen ``intake`` and plan a course for ``condition`` (default: the first plannable one).

    ``protocol`` forces a protocol id (it must be one for the condition). Every other condition
    of the intake is planned too and summarised in ``other_conditions``. See the module
    docstring for what the plan contains.
    """
    result = screen(intake, policy=policy)
    entry = _choose_condition(intake, condition)
    main = _plan_one(intake, entry, result, protocol)
    others = tuple(
        _summary(_plan_one(intake, other, result, None))
        for other in intake.conditions
        if other.condition != entry.condition
    )
    return replace(main, other_conditions=others)


def _plan_one(
    intake: Intake, entry: ConditionEntry, result: ScreenResult, protocol: str | None
) -> Plan:
    """The plan for one condition entry, given the screen of the whole intake."""
    cond = entry.condition
    evidence = expected_effect(cond)
    positions = guidelines(cond)
    integration = _integration(intake, result)

    if not result.allows_needling:
        reasons = tuple(
            f"{f.rule}: {f.reason}" for f in result.findings if f.action in ("refer", "defer")
        )
        return Plan(
            status="not_planned",
            condition=cond,
            screen=result,
            reasons=reasons,
            what_to_do=result.advice
            or ("Resolve the screening findings above, then screen again.",),
            expected_effect=evidence,
            guidelines=positions,
            integration=integration,
        )

    candidates = list(protocols_for(cond))
    if protocol is not None:
        known = bundled_protocols()
        if protocol not in known or cond not in known[protocol].conditions:
            raise InputError.invalid(
                "--protocol",
                protocol,
                "a protocol for " + cond + ": " + (", ".join(p.id for p in candidates) or "none"),
            )
        candidates = [known[protocol]] + [p for p in candidates if p.id != protocol]

    coverage = medicare_coverage(intake, cond)
    minor = intake.age < 18
    if minor and candidates:
        tested = [p for p in candidates if p.includes_age(intake.age)]
        if not tested:
            ages = "; ".join(f"{p.id}: {p.ages_text()}" for p in candidates)
            return Plan(
                status="no_protocol",
                condition=cond,
                screen=result,
                reasons=(
                    f"No tested protocol exists for a patient aged {intake.age}: the trials "
                    f"behind acupath's protocols for {cond} enrolled adults ({ages}), so their "
                    "doses, depths and needle counts are not carried over to a child.",
                ),
                what_to_do=(
                    "If acupuncture is still wanted, a practitioner trained in treating children "
                    "plans it individually, with a guardian's written consent, fewer and "
                    "shallower needles and shorter sessions, within the screening exclusions.",
                ),
                expected_effect=evidence,
                expected_effect_note=(
                    "These findings come from trials in adults; none is known to apply to a "
                    f"patient aged {intake.age}."
                ),
                guidelines=positions,
                coverage=coverage,
                integration=integration,
                reassessment=reassessment(cond, None),
            )
        candidates = tested
    if not candidates:
        return Plan(
            status="no_protocol",
            condition=cond,
            screen=result,
            reasons=(f"acupath holds no trial protocol for {cond}.",),
            what_to_do=(
                "Plan individually; the evidence and guidelines below still apply, and the "
                "screening exclusions above must be respected.",
            ),
            expected_effect=evidence,
            guidelines=positions,
            coverage=coverage,
            integration=integration,
            reassessment=reassessment(cond, None),
        )

    adaptations = [adapt(p, result, entry) for p in candidates]
    chosen = adaptations[0] if protocol is not None else sorted(adaptations, key=_rank)[0]
    if not chosen.usable:
        reasons = tuple(
            f"{a.protocol.id}: {' '.join(a.problems)}" for a in adaptations if not a.usable
        )
        return Plan(
            status="no_protocol",
            condition=cond,
            screen=result,
            reasons=("No protocol for this condition can be used for this patient.", *reasons),
            what_to_do=(
                "Plan individually within the screening exclusions, or resolve what excludes "
                "the protocols above.",
            ),
            alternatives=_alternatives(adaptations, None),
            expected_effect=evidence,
            guidelines=positions,
            coverage=coverage,
            integration=integration,
            reassessment=reassessment(cond, None),
        )
    proto = chosen.protocol
    course = course_for(proto)
    coverage = medicare_coverage(
        intake, cond, planned_sessions=course.sessions, planned_weeks=course.weeks
    )
    warnings = list(chosen.problems)
    if chosen.protocol.selected_points() and chosen.kept_fraction < 0.5:
        warnings.append(
            "Fewer than half of the trial's points remain for this patient, so the trial's "
            "results may not carry over to this course."
        )
    if not proto.includes_age(intake.age):
        warnings.append(
            f"The trial enrolled people {proto.ages_text()}; this patient is {intake.age}, so "
            "its results may not carry over."
        )
    if course.basis == "clinic_policy":
        warnings.append(
            "The trial's sources state no course of sessions; the course is clinic policy: "
            + course.note.removeprefix("Clinic policy (acupath/data/policy/courses.yaml): ")
        )
    if proto.points_note:
        warnings.append(proto.points_note)
    warnings.extend(f"Not verified: {item}." for item in proto.unverified)
    if any(p.code == "ASHI" and not p.regions for p in chosen.points) and result.excluded_regions:
        warnings.append(
            "Place tender points away from the excluded regions: "
            + ", ".join(result.excluded_regions)
            + "."
        )
    site_warning = _site_warning(entry, result)
    if site_warning:
        warnings.append(site_warning)
    points_reason = None
    if not chosen.points:
        points_reason = (
            f"acupath holds no point list from {proto.source} that it could verify "
            f"({proto.points_note or 'no points'}); no other sourced point list for this "
            "condition can be used for this patient, so the practitioner chooses points "
            "individually within the screening exclusions and records them."
        )
    effect, effect_note = _effect_for(cond, chosen.technique, proto.technique, proto.source)
    return Plan(
        status="planned",
        condition=cond,
        screen=result,
        adaptation=chosen,
        alternatives=_alternatives(adaptations, chosen),
        expected_effect=effect,
        guidelines=positions,
        coverage=coverage,
        integration=integration,
        reassessment=reassessment(cond, proto, sessions=course.sessions),
        stricta=stricta_report(
            chosen, modifications=result.modifications, integration=integration, course=course
        ),
        warnings=tuple(warnings),
        course=course,
        points_reason=points_reason,
        expected_effect_technique=chosen.technique,
        expected_effect_note=effect_note,
    )
