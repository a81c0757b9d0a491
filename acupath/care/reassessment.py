"""The reassessment schedule of a plan: when to measure, what, and how to judge the change.

Timing is clinic policy (``acupath/data/policy/reassessment.yaml``): baseline, about half-way
(session ``ceil(sessions / 2)``), the last session, and 12 weeks after. Instruments come from
the outcomes domain (NRS, PEG-3, BPI-SF); oncology conditions use the BPI, as the PEACE and
S1200 trials did. Change is judged by the outcome domain's response rules (at least 30% less
pain moderately important and at least 50% substantial, after IMMPACT; about 2 points on the
0-10 scale, after Farrar 2001). Course rules that bind continuation (Medicare's review after 12
visits, a protocol's extension for partial responders, NICE's single course) are listed with
their sources.
"""

from __future__ import annotations

import functools
import math
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from acupath.care.policy import POLICY_DIR
from acupath.care.protocols import Protocol
from acupath.errors import KnowledgeBaseError
from acupath.evidence.loader import read_yaml_list


class _ReassessmentRecord(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    id: str
    kind: str
    policy: bool = False
    points: tuple[dict[str, Any], ...] = ()
    every_session: tuple[str, ...] = ()
    instruments: tuple[str, ...] = ()
    conditions: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    summary: str = Field(min_length=10)


@functools.cache
def _records() -> dict[str, _ReassessmentRecord]:
    path = POLICY_DIR / "reassessment.yaml"
    out = {}
    for raw in read_yaml_list(path):
        try:
            rec = _ReassessmentRecord.model_validate(raw)
        except Exception as exc:
            raise KnowledgeBaseError(str(exc), file=path, record=str(raw.get("id"))) from None
        out[rec.id] = rec
    return out


def _instrument_names(ids: tuple[str, ...]) -> list[dict[str, str]]:
    from acupath.outcomes.instruments import instrument

    out = []
    for iid in ids:
        inst = instrument(iid)
        out.append({"id": iid, "name": inst.name, "abbreviation": inst.abbreviation})
    return out


def reassessment(
    condition: str, protocol: Protocol | None, *, sessions: int | None = None
) -> dict[str, Any]:
    """The reassessment section of a plan for ``condition`` under ``protocol``.

    ``sessions`` is the planned number when it differs from the protocol's (a clinic-policy
    course for a protocol whose sources state none).
    """
    from acupath.outcomes.rules import course_rules, response_rules

    recs = _records()
    timing = recs["timing"]
    if sessions is None:
        sessions = protocol.sessions if protocol else None
    schedule = []
    for point in timing.points:
        item: dict[str, Any] = {"at": point["at"], "when": point["label"]}
        if point["at"] == "midpoint" and sessions:
            item["session"] = max(1, math.ceil(sessions * float(point["fraction"])))
        if point["at"] == "end" and sessions:
            item["session"] = sessions
        if "weeks_after" in point:
            item["weeks_after_course"] = point["weeks_after"]
        schedule.append(item)

    measures = recs["default_measures"]
    for rec in recs.values():
        if rec.kind == "measures" and condition in rec.conditions:
            measures = rec
    trial_outcomes = [
        {"summary": r.summary, "sources": list(r.sources)}
        for r in recs.values()
        if r.kind == "trial_outcome" and condition in r.conditions
    ]
    thresholds = [
        {"id": r.id, "label": r.label, "kind": r.kind, "threshold": r.threshold,
         "summary": r.summary, "source": r.source}
        for r in response_rules().values()
    ]  # fmt: skip
    decisions = [
        {"id": r.id, "summary": r.summary, "source": r.source, "policy": r.policy}
        for r in course_rules().values()
        if condition in r.conditions or (r.kind == "policy" and r.policy)
    ]
    if protocol is not None and protocol.extension:
        decisions.append(
            {
                "id": f"{protocol.id}_extension",
                "summary": f"The trial protocol allowed {protocol.extension}.",
                "source": protocol.source,
                "policy": False,
            }
        )
    return {
        "schedule": schedule,
        "every_session": _instrument_names(timing.every_session),
        "measures": _instrument_names(measures.instruments),
        "measures_note": measures.summary,
        "measures_sources": list(measures.sources),
        "trial_outcomes": trial_outcomes,
        "thresholds": thresholds,
        "decisions": decisions,
        "timing_is_policy": timing.policy,
        "timing_note": timing.summary,
    }
