"""Protocol templates: treatment courses taken from published trials, as data.

Each record of ``acupath/data/protocols/*.yaml`` describes one trial's acupuncture arm in the
terms STRICTA 2010 asks for: style and rationale, points (with their role), needling, retention,
the schedule of sessions, other components, practitioners and the comparator. ``verification``
says where every number and point was checked; ``unverified`` lists what could not be.

Points carry a ``role`` (``local``, ``distal``, ``adjacent``, ``auricular``). ``selected`` points
are the ones a plan proposes; the others form the pool the trial allowed. When a screen excludes
a selected point and ``substitution`` is ``same_role``, the planner replaces it with an allowed
pool point of the same role; for standardised protocols (``substitution: none``) it is dropped
and the deviation is reported. ``point_list`` says whether the trial published its points
(``published``), only some of them (``partial``) or none that acupath could read
(``not_published``); a plan from the last kind names no points.

Schedules are phases (``2 sessions a week for 3 weeks, then 1 a week for 4 weeks``); sessions,
weeks and frequency are derived from them so they cannot disagree.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from acupath.errors import KnowledgeBaseError
from acupath.evidence.loader import DATA_DIR, read_yaml_list, validate_record
from acupath.evidence.schemas import Slug

PROTOCOLS_DIR = DATA_DIR / "protocols"

Role = Literal["local", "distal", "adjacent", "auricular"]
Technique = Literal["manual", "electro", "auricular"]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class ProtocolPoint(_Model):
    """One point of a protocol: atlas code (any spelling), role and whether the plan uses it.

    ``laterality``: ``bilateral`` (both sides; midline points are single in any case) or
    ``affected_side`` (the painful side only, as for a knee) or ``single`` (one placement at
    the site of pain, such as a tender point in the lumbar area). ``needles`` counts insertions per
    side (``ASHI`` tender points may be several); ``depth`` is the trial's depth for the point;
    ``region`` places a pseudo-point such as ``ASHI`` (it has no fixed location) so that
    body-site exclusions can apply; ``site_from_condition`` places it at the patient's pain site.
    """

    code: str
    role: Role
    selected: bool = True
    laterality: Literal["bilateral", "affected_side", "single"] = "bilateral"
    needles: int = Field(default=1, ge=1, le=10)
    region: str | None = None
    site_from_condition: bool = False
    depth: str | None = None
    note: str | None = None


class Phase(_Model):
    """A stretch of the schedule: ``per_week`` sessions for ``weeks`` weeks."""

    weeks: float = Field(gt=0, le=104)
    per_week: float = Field(gt=0, le=7)


class RoleCount(_Model):
    """How many points of a role a session uses (semi-standardised protocols)."""

    role: Role
    at_least: int = Field(ge=0)
    at_most: int | None = Field(default=None, ge=1)


class Protocol(_Model):
    """One trial's acupuncture course (see the module docstring)."""

    id: Slug
    name: str
    conditions: tuple[Slug, ...] = Field(min_length=1)
    source: Slug
    sources: tuple[Slug, ...] = ()
    preference: int = Field(default=50, ge=0, le=100)
    population: str
    age_min: int = Field(ge=0, le=120)
    age_max: int | None = Field(default=None, ge=0, le=120)
    style: str
    rationale: str
    individualisation: Literal["standardised", "semi_standardised", "individualised"]
    technique: Technique
    point_list: Literal["published", "partial", "not_published"]
    points_note: str | None = None
    points: tuple[ProtocolPoint, ...] = ()
    role_counts: tuple[RoleCount, ...] = ()
    substitution: Literal["same_role", "none"] = "none"
    needles_per_session: str | None = None
    depth: str | None = None
    response_sought: str | None = None
    stimulation: str | None = None
    electro_parameters: str | None = None
    retention_minutes: float | None = Field(default=None, gt=0, le=7 * 24 * 60)
    schedule: tuple[Phase, ...] = ()
    sessions_note: str | None = None
    extension: str | None = None
    needle_type: str | None = None
    other_components: str | None = None
    setting: str | None = None
    practitioners: str | None = None
    comparator: str | None = None
    verification: str = Field(min_length=20)
    unverified: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _consistent(self) -> Protocol:
        if self.point_list == "not_published" and self.points:
            raise ValueError("a protocol whose point list is not published cannot list points")
        if self.point_list != "not_published" and not self.points:
            raise ValueError("list the published points (or set point_list: not_published)")
        if self.point_list != "published" and not self.points_note:
            raise ValueError("say in points_note what is missing from the point list")
        if self.substitution == "same_role" and not any(not p.selected for p in self.points):
            raise ValueError("substitution same_role needs unselected pool points to draw on")
        total = sum(p.weeks * p.per_week for p in self.schedule)
        if abs(total - round(total)) > 1e-9:
            # sessions = sum of weeks x sessions per week, and must be a whole number
            raise ValueError(f"the schedule adds up to {total:g} sessions, not a whole number")
        if self.age_max is not None and self.age_max < self.age_min:
            raise ValueError("age_max is below age_min")
        return self

    def includes_age(self, age: int) -> bool:
        """Whether the trial population included patients of ``age`` (years)."""
        return self.age_min <= age and (self.age_max is None or age <= self.age_max)

    def ages_text(self) -> str:
        """``aged 40 to 75`` or ``aged 18 or over``."""
        if self.age_max is None:
            return f"aged {self.age_min} or over"
        return f"aged {self.age_min} to {self.age_max}"

    # Derived schedule ----------------------------------------------------------------------

    @property
    def sessions(self) -> int | None:
        """Total sessions over the schedule (None when the schedule is not known)."""
        if not self.schedule:
            return None
        return round(sum(p.weeks * p.per_week for p in self.schedule))

    @property
    def weeks(self) -> float | None:
        """Length of the course in weeks."""
        if not self.schedule:
            return None
        return sum(p.weeks for p in self.schedule)

    @property
    def frequency_per_week(self) -> float | None:
        """Sessions a week in the first phase (later phases are in ``schedule``)."""
        return self.schedule[0].per_week if self.schedule else None

    def schedule_text(self) -> str:
        """``2 a week for 3 weeks, then 1 a week for 4 weeks``."""
        if not self.schedule:
            return "not stated in the sources read"
        return schedule_text(self.schedule)

    def selected_points(self) -> tuple[ProtocolPoint, ...]:
        """The points a plan proposes before screening."""
        return tuple(p for p in self.points if p.selected)

    def pool(self, role: str) -> tuple[ProtocolPoint, ...]:
        """Unselected points of a role, in the order the trial listed them."""
        return tuple(p for p in self.points if not p.selected and p.role == role)


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def schedule_text(schedule: Iterable[Phase]) -> str:
    """``10 sessions: 2 a week for 3 weeks, then 1 a week for 4 weeks (7 weeks)``.

    Sessions = sum over phases of weeks x sessions per week, so the words always add up.
    """
    phases = tuple(schedule)
    total = round(sum(p.weeks * p.per_week for p in phases))
    weeks = sum(p.weeks for p in phases)
    parts = ", then ".join(f"{_num(p.per_week)} a week for {_num(p.weeks)} weeks" for p in phases)
    return f"{total} sessions: {parts} ({_num(weeks)} weeks)"


def load_protocols(
    folder: Path = PROTOCOLS_DIR,
    *,
    source_ids: Iterable[str],
    conditions: Iterable[str],
    check_points: bool = True,
) -> dict[str, Protocol]:
    """Read and check every protocol file: schema, sources, conditions and atlas points."""
    from acupath.care import points as atlas

    known_sources = set(source_ids)
    known_conditions = set(conditions)
    out: dict[str, Protocol] = {}
    for path in sorted(folder.glob("*.yaml")):
        for raw in read_yaml_list(path):
            rid = str(raw.get("id"))
            proto = validate_record(raw, Protocol, file=path)
            if proto.id in out:
                raise KnowledgeBaseError("duplicate id", file=path, record=rid, field="id")
            for sid in (proto.source, *proto.sources):
                if sid not in known_sources:
                    raise KnowledgeBaseError(
                        f"refers to unknown source {sid!r}", file=path, record=rid, field="sources"
                    )
            for cid in proto.conditions:
                if cid not in known_conditions:
                    raise KnowledgeBaseError(
                        f"refers to unknown condition {cid!r}",
                        file=path,
                        record=rid,
                        field="conditions",
                    )
            if check_points:
                for point in proto.points:
                    try:
                        atlas.normalise(point.code)
                    except Exception as exc:
                        raise KnowledgeBaseError(
                            f"point {point.code!r} is not in the atlas ({exc})",
                            file=path,
                            record=rid,
                            field="points",
                        ) from None
            out[proto.id] = proto
    return out


@functools.cache
def bundled_protocols() -> dict[str, Protocol]:
    """The shipped protocols, checked against the knowledge base and the atlas."""
    from acupath.evidence.loader import bundled_base

    base = bundled_base()
    return load_protocols(PROTOCOLS_DIR, source_ids=base.sources.keys(), conditions=base.conditions)


def protocols_for(condition: str) -> tuple[Protocol, ...]:
    """Protocols for a condition, most preferred first."""
    found = [p for p in bundled_protocols().values() if condition in p.conditions]
    return tuple(sorted(found, key=lambda p: (-p.preference, p.id)))
