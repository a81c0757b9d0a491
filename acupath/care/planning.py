"""Treatment planning: screen first, then fit a published protocol and explain the course.

:func:`plan` runs :func:`acupath.care.screening.screen`. When the decision is ``refer`` or
``defer`` nothing is planned: the plan says why (the rules that fired) and what to do instead
(their advice). Otherwise it fits each protocol for the condition to the screen
(:mod:`acupath.care.adaptation`) and chooses one, in this order: usable (ear needling allowed,
the trial's minimum numbers of points still met), names points, and the highest
``preference x share of the trial's points kept``. It then adds:

* ``expected_effect``: the knowledge base's findings for the condition, by comparator;
* ``guidelines``: recommendations and whether they disagree;
* ``coverage``: Medicare NCD 30.3.3 eligibility (chronic low back pain);
* ``integration``: notes on the patient's drug classes and unrecognised medicines;
* ``reassessment``: when and how to measure, and the rules for continuing;
* ``stricta``: the whole plan as a STRICTA 2010 report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from acupath.care.adaptation import Adaptation, adapt
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
                "sessions": proto.sessions if proto else None,
                "frequency_per_week": proto.frequency_per_week if proto else None,
                "weeks": proto.weeks if proto else None,
                "schedule": [{"weeks": ph.weeks, "per_week": ph.per_week} for ph in proto.schedule]
                if proto
                else [],
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
                "reasons": list(self.reasons),
                "what_to_do": list(self.what_to_do),
                "alternatives": list(self.alternatives),
                "expected_effect": self.expected_effect,
                "guidelines": self.guidelines,
                "coverage": self.coverage,
                "integration": self.integration,
                "reassessment": self.reassessment,
                "stricta": self.stricta,
                "stricta_source": "macpherson2010" if self.stricta else None,
                "warnings": list(self.warnings),
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


def plan(
    intake: Intake,
    *,
    condition: str | None = None,
    protocol: str | None = None,
    policy: ClinicPolicy | None = None,
) -> Plan:
    """Screen ``intake`` and plan a course for ``condition`` (default: the first plannable one).

    ``protocol`` forces a protocol id (it must be one for the condition). See the module
    docstring for what the plan contains.
    """
    result = screen(intake, policy=policy)
    entry = _choose_condition(intake, condition)
    cond = entry.condition
    evidence = expected_effect(cond)
    positions = guidelines(cond)
    integration = _integration(intake, result)

    if not result.allows_needling:
        reasons = tuple(
            f"{f.rule}: {f.reason}" for f in result.findings if f.action in ("refer", "defer")
        )
        if result.red_flags and not any(f.action == "refer" for f in result.findings):
            reasons += (f"Red flags recorded: {', '.join(result.red_flags)}.",)
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
    coverage = medicare_coverage(
        intake, cond, planned_sessions=proto.sessions, planned_weeks=proto.weeks
    )
    warnings = list(chosen.problems)
    if chosen.protocol.selected_points() and chosen.kept_fraction < 0.5:
        warnings.append(
            "Fewer than half of the trial's points remain for this patient, so the trial's "
            "results may not carry over to this course."
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
    return Plan(
        status="planned",
        condition=cond,
        screen=result,
        adaptation=chosen,
        alternatives=_alternatives(adaptations, chosen),
        expected_effect=expected_effect(cond, lead_source=proto.source),
        guidelines=positions,
        coverage=coverage,
        integration=integration,
        reassessment=reassessment(cond, proto),
        stricta=stricta_report(chosen, modifications=result.modifications, integration=integration),
        warnings=tuple(warnings),
    )
