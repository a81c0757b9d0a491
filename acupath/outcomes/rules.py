"""Response and course rules as data: IMMPACT thresholds, the 2-point rule, CMS and NICE limits.

Read from ``acupath/data/outcomes/response_rules.yaml`` and ``course_rules.yaml``. Each rule
names the source it comes from; :func:`check_sources` refuses a rule whose source is not in the
evidence base, as the knowledge-base loader does for findings.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from acupath.errors import KnowledgeBaseError
from acupath.evidence.loader import EvidenceBase
from acupath.outcomes.instruments import OUTCOMES_DIR, read_records_by_id


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ResponseRule(_Frozen):
    """A threshold for a clinically important reduction of a pain score."""

    id: str
    label: str
    kind: Literal["percent_reduction", "point_reduction"]
    threshold: float = Field(gt=0)
    instruments: list[str]
    source: str
    summary: str


class CourseRule(_Frozen):
    """A rule on how long a course may go on: a payer's limit, a guideline, or clinic policy."""

    id: str
    kind: Literal["coverage_limit", "single_course", "policy"]
    conditions: list[str] = Field(default_factory=list)
    initial_sessions: int | None = None
    initial_days: int | None = None
    additional_sessions: int | None = None
    max_sessions_per_year: int | None = None
    stop_if_not_improving: bool = False
    policy: bool = False
    rules: list[str] = Field(default_factory=list)
    source: str | None
    summary: str


@functools.cache
def response_rules(root: Path = OUTCOMES_DIR) -> dict[str, ResponseRule]:
    """Response rules by id, in file order (the strictest first)."""
    return read_records_by_id(root, ResponseRule, "response_rules")


@functools.cache
def course_rules(root: Path = OUTCOMES_DIR) -> dict[str, CourseRule]:
    """Course rules by id."""
    rules = read_records_by_id(root, CourseRule, "course_rules")
    known = response_rules(root)
    for rule in rules.values():
        for ref in rule.rules:
            if ref not in known:
                raise KnowledgeBaseError(
                    f"refers to unknown response rule {ref!r}",
                    file=root / "course_rules.yaml",
                    record=rule.id,
                    field="rules",
                )
    return rules


def check_sources(base: EvidenceBase, root: Path = OUTCOMES_DIR) -> None:
    """Refuse any rule whose source id is not a source of ``base``."""
    pairs: list[tuple[str, str | None, str]] = [
        (r.id, r.source, "response_rules.yaml") for r in response_rules(root).values()
    ] + [(r.id, r.source, "course_rules.yaml") for r in course_rules(root).values()]
    for rid, source, file in pairs:
        if source is not None and source not in base.sources:
            raise KnowledgeBaseError(
                f"refers to unknown source {source!r}", file=root / file, record=rid, field="source"
            )
