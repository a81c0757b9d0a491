"""Adverse-event rates of a clinic: per session and per patient, with Wilson intervals.

Two denominators, because the literature uses both: events per treatment session (Witt et al.
2009 report per-treatment and per-patient figures) and the share of patients with at least one
event. Severity counts are kept as recorded.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from acupath.outcomes.stats import Estimate, wilson


@dataclass(frozen=True)
class AdverseEventRates:
    """Counts and rates of adverse events in a set of sessions."""

    sessions: int
    patients: int
    events: int
    sessions_with_event: int
    patients_with_event: int
    per_session: Estimate
    per_patient: Estimate
    by_severity: Mapping[str, int] = field(default_factory=dict)
    by_kind: Mapping[str, int] = field(default_factory=dict)

    @property
    def events_per_10000_sessions(self) -> float | None:
        """Events per 10,000 sessions (all events, a session may have several)."""
        return None if self.sessions == 0 else 10_000 * self.events / self.sessions


def rates(
    *,
    sessions: int,
    patients: int,
    events: int,
    sessions_with_event: int,
    patients_with_event: int,
    by_severity: Mapping[str, int] | None = None,
    by_kind: Mapping[str, int] | None = None,
) -> AdverseEventRates:
    """Rates from counts: sessions with an event / sessions, patients with one / patients."""
    return AdverseEventRates(
        sessions=sessions,
        patients=patients,
        events=events,
        sessions_with_event=sessions_with_event,
        patients_with_event=patients_with_event,
        per_session=wilson(sessions_with_event, sessions),
        per_patient=wilson(patients_with_event, patients),
        by_severity=dict(by_severity or {}),
        by_kind=dict(by_kind or {}),
    )
