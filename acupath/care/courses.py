"""The course of sessions a plan can start with, and where each number comes from.

A trial protocol's schedule is used as published. When the sources read do not state one, the
plan fills the course from the clinic policy file ``acupath/data/policy/courses.yaml`` (a record
for the protocol, else the ``default`` record) and says so: ``basis`` is ``trial`` or
``clinic_policy``. Sessions always equal the sum over phases of weeks x sessions per week.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from acupath.care.protocols import Phase, Protocol, schedule_text
from acupath.errors import KnowledgeBaseError
from acupath.evidence.loader import DATA_DIR, read_yaml_list, validate_record
from acupath.evidence.schemas import Slug

COURSES_FILE = DATA_DIR / "policy" / "courses.yaml"


class CourseDefault(BaseModel):
    """A clinic-policy course for a protocol whose sources give none."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    protocol: str
    schedule: tuple[Phase, ...] = Field(min_length=1)
    sources: tuple[Slug, ...] = ()
    note: str = Field(min_length=20)


@dataclass(frozen=True)
class Course:
    """The sessions a plan proposes: schedule, totals and what they rest on."""

    schedule: tuple[Phase, ...]
    basis: Literal["trial", "clinic_policy"]
    note: str
    sources: tuple[str, ...] = ()

    @property
    def sessions(self) -> int:
        """Sum over phases of weeks x sessions per week."""
        return round(sum(p.weeks * p.per_week for p in self.schedule))

    @property
    def weeks(self) -> float:
        """Length of the course in weeks."""
        return sum(p.weeks for p in self.schedule)

    @property
    def frequency_per_week(self) -> float:
        """Sessions a week in the first phase (``schedule`` has the later ones)."""
        return self.schedule[0].per_week

    def text(self) -> str:
        """``10 sessions: 2 a week for 3 weeks, then 1 a week for 4 weeks (7 weeks)``."""
        return schedule_text(self.schedule)


@functools.cache
def course_defaults() -> dict[str, CourseDefault]:
    """The shipped clinic-policy courses by protocol id (``default`` must exist)."""
    from acupath.evidence.loader import bundled_base

    known = set(bundled_base().sources)
    out = {}
    for raw in read_yaml_list(COURSES_FILE):
        record = validate_record(raw, CourseDefault, file=COURSES_FILE)
        for sid in record.sources:
            if sid not in known:
                raise KnowledgeBaseError(
                    f"refers to unknown source {sid!r}", file=COURSES_FILE, record=record.protocol
                )
        out[record.protocol] = record
    if "default" not in out:
        raise KnowledgeBaseError("no `default` course", file=COURSES_FILE)
    return out


def course_for(protocol: Protocol) -> Course:
    """The protocol's own schedule, or the clinic-policy course that stands in for it."""
    if protocol.schedule:
        return Course(
            schedule=protocol.schedule,
            basis="trial",
            note=f"As in the trial ({protocol.source}).",
            sources=(protocol.source,),
        )
    defaults = course_defaults()
    record = defaults.get(protocol.id, defaults["default"])
    return Course(
        schedule=record.schedule,
        basis="clinic_policy",
        note="Clinic policy (acupath/data/policy/courses.yaml): " + record.note,
        sources=record.sources,
    )
