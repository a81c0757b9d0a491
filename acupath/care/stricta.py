"""The plan written as a STRICTA 2010 report (MacPherson et al., PLoS Med 2010).

STRICTA has six items and seventeen sub-items::

    1 Acupuncture rationale     1a style, 1b reasoning and sources, 1c extent of variation
    2 Details of needling       2a insertions per session, 2b points (uni/bilateral),
                                2c depth, 2d response sought, 2e stimulation, 2f retention,
                                2g needle type
    3 Treatment regimen         3a number of sessions, 3b frequency and duration
    4 Other components          4a other interventions, 4b setting and context
    5 Practitioner background
    6 Control or comparator     6a rationale, 6b description

A clinical plan has no control group, so item 6 states the comparator of the trial the plan
follows: the benefit a patient can expect is the difference the trial measured against it.
Where the sources read do not give a detail, the item says so rather than guessing.
"""

from __future__ import annotations

import functools
from typing import Any

from acupath.care.adaptation import Adaptation
from acupath.care.courses import Course
from acupath.errors import KnowledgeBaseError

NOT_READ = "not reported in the sources acupath read"

STRICTA_SOURCE = "macpherson2010"


@functools.cache
def labels() -> dict[str, str]:
    """Item ids and labels from ``acupath/data/policy/stricta.yaml``, in checklist order."""
    from acupath.care.policy import POLICY_DIR
    from acupath.evidence.loader import read_yaml_list

    path = POLICY_DIR / "stricta.yaml"
    out: dict[str, str] = {}
    for raw in read_yaml_list(path):
        if raw.get("source") != STRICTA_SOURCE or not raw.get("label"):
            raise KnowledgeBaseError("each item needs a label and source macpherson2010", file=path)
        out[str(raw["id"])] = str(raw["label"])
    if len(out) != 17:
        raise KnowledgeBaseError(f"STRICTA 2010 has 17 items; found {len(out)}", file=path)
    return out


def _sides(sides: tuple[str, ...]) -> str:
    if sides == ("midline",):
        return "midline"
    if sides == ("single",):
        return "single, at the site of pain"
    if set(sides) == {"left", "right"}:
        return "bilateral"
    return " and ".join(sides) + " only"


def stricta_report(
    adaptation: Adaptation,
    *,
    modifications: tuple[str, ...] = (),
    integration: list[dict[str, Any]] | None = None,
    course: Course | None = None,
) -> dict[str, dict[str, str]]:
    """The STRICTA items for an adapted protocol, each ``{label, text}``, keyed ``1a``..``6b``.

    ``course`` is the planned course when the protocol's sources state none (clinic policy);
    items 3a and 3b then give it and say it is policy.
    """
    p = adaptation.protocol
    a = adaptation
    lab = labels()
    refs = ", ".join(dict.fromkeys((p.source, *p.sources)))
    varied = [f"{p.individualisation.replace('_', '-')} protocol"]
    varied.extend(a.deviations)
    if not a.deviations:
        varied.append("no change from the trial protocol was needed for this patient")
    points_text = (
        "; ".join(
            f"{pt.code} {pt.name} ({_sides(pt.sides)}"
            + (f", x{pt.needles}" if pt.needles > 1 else "")
            + (f", replaces {pt.replaces}" if pt.replaces else "")
            + ")"
            for pt in a.points
        )
        or f"none named ({p.points_note or 'the trial did not publish a point list'})"
    )
    depths = [f"{pt.code} {pt.depth}" for pt in a.points if pt.depth and not p.depth]
    depth_text = p.depth or ("; ".join(depths) if depths else NOT_READ)
    if not p.depth and not depths:
        depth_text += " (the usual textbook depth of each point is listed with the points)"
    if any("superficial" in m for m in modifications):
        depth_text = "superficial only for this patient (screening); trial: " + depth_text
    stim = p.stimulation or NOT_READ
    if a.technique != p.technique:
        stim = f"manual (the trial used: {stim}; electrical stimulation dropped)"
    elif p.electro_parameters:
        stim = f"{stim} ({p.electro_parameters})"
    if "gentle" in " ".join(modifications):
        stim += "; gentle stimulation only for this patient (screening)"
    retention = f"{p.retention_minutes:g} minutes" if p.retention_minutes is not None else NOT_READ
    if p.retention_minutes and p.retention_minutes >= 24 * 60:
        retention = f"{p.retention_minutes / 1440:g} days or more (needles left in place)"
    needle_type = p.needle_type or NOT_READ
    fine = [m for m in modifications if "fine needles" in m]
    if fine:
        needle_type = f"{fine[0]} for this patient; trial: {needle_type}"
    sessions = str(p.sessions) if p.sessions is not None else (p.sessions_note or NOT_READ)
    frequency = p.sessions_note if (p.sessions_note and not p.schedule) else p.schedule_text()
    if course is not None and course.basis == "clinic_policy":
        sessions = f"{course.sessions} in this plan (clinic policy); trial: " + (
            p.sessions_note or NOT_READ
        )
        frequency = f"{course.text()} ({course.note})"
    if p.extension:
        sessions += f"; {p.extension}"
    other = p.other_components or "none reported in the sources read"
    if integration:
        other += "; conventional treatments continue (see the integration notes)"
    return {
        "1a": {"label": lab["1a"], "text": p.style},
        "1b": {"label": lab["1b"], "text": f"{p.rationale} Sources: {refs}."},
        "1c": {"label": lab["1c"], "text": "; ".join(varied)},
        "2a": {
            "label": lab["2a"],
            "text": (f"{a.needles_per_session} in this plan" if a.points else "not fixed")
            + (f"; trial: {p.needles_per_session}" if p.needles_per_session else ""),
        },
        "2b": {"label": lab["2b"], "text": points_text},
        "2c": {"label": lab["2c"], "text": depth_text},
        "2d": {"label": lab["2d"], "text": p.response_sought or NOT_READ},
        "2e": {"label": lab["2e"], "text": stim},
        "2f": {"label": lab["2f"], "text": retention},
        "2g": {"label": lab["2g"], "text": needle_type},
        "3a": {"label": lab["3a"], "text": sessions},
        "3b": {
            "label": lab["3b"],
            "text": frequency,
        },
        "4a": {"label": lab["4a"], "text": other},
        "4b": {
            "label": lab["4b"],
            "text": p.setting
            or "outpatient clinic; the patient hears the plan, its expected benefit and risks",
        },
        "5": {
            "label": lab["5"],
            "text": f"Trial: {p.practitioners or NOT_READ}. This plan: record the treating "
            "practitioner's qualification and years of practice.",
        },
        "6a": {
            "label": lab["6a"],
            "text": "Not applicable to a clinical plan; the expected benefit rests on the "
            "trial's comparison below.",
        },
        "6b": {"label": lab["6b"], "text": p.comparator or NOT_READ},
    }
