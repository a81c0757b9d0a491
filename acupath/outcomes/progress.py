"""Where a course stands: sessions done, the next review, response so far, what to do now.

A *review point* is a session count at which the clinician decides whether to go on: the plan's
``review_after`` (half-way by default), the end of the planned course, and any coverage rule's
review (see :mod:`acupath.outcomes.continuation`). A review is *due* when the course has
reached a review point and no decision has been recorded at that count yet. While a review is
due, or once the course has ended, no further session is offered: the page asks for the
decision (continue, stop, refer, or close as complete) instead, so a finished course with no
response never silently invites another session.

Example::

    >>> from acupath.outcomes.continuation import Advice
    >>> a = Advice("stop", True, None, 10, None, ())
    >>> status_of(status="active", sessions_done=10, planned_sessions=10, advice=a,
    ...           reviews=[], response=None).can_record
    False
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from acupath.outcomes.continuation import Advice
from acupath.outcomes.response import Response

DECISIONS = ("continue", "stop", "refer", "complete")
"""Decisions a clinician can record at a review."""

CATEGORY_WORDS = {
    "substantial": "substantial improvement (at least 50% less pain)",
    "moderate": "moderate improvement (at least 30% less pain)",
    "minimal": "a small improvement, below the 30% threshold",
    "none": "no improvement",
    "worse": "worse than at the start",
}


@dataclass(frozen=True)
class CourseStatus:
    """What the course page shows and offers."""

    sessions_done: int
    planned_sessions: int
    next_review: int | None
    review_due: bool
    can_record: bool
    ended: bool
    response_text: str
    advice: str
    suggested: str | None
    options: tuple[str, ...]
    reasons: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "sessions_done": self.sessions_done,
            "planned_sessions": self.planned_sessions,
            "next_review": self.next_review,
            "review_due": self.review_due,
            "can_record": self.can_record,
            "ended": self.ended,
            "response": self.response_text,
            "advice": self.advice,
            "suggested_decision": self.suggested,
            "options": list(self.options),
            "reasons": list(self.reasons),
        }


def response_words(response: Response | None) -> str:
    """The response so far in plain words (``moderate improvement ... (-38%, 3 points)``)."""
    if response is None:
        return "not yet known: a pain score after the first one is needed"
    words = CATEGORY_WORDS.get(response.category, response.category)
    pct = (
        f"{response.percent_reduction:.0f}% less pain, "
        if response.percent_reduction is not None
        else ""
    )
    return f"{words} ({pct}from {response.baseline:g} to {response.latest:g})"


def status_of(
    *,
    status: str,
    sessions_done: int,
    planned_sessions: int,
    advice: Advice,
    reviews: Sequence[Mapping[str, Any]] | None,
    response: Response | None,
) -> CourseStatus:
    """Combine the course, its advice and the decisions already taken (module docstring)."""
    decided = {int(r.get("at_session", -1)) for r in reviews or []}
    ended = status != "active"
    due = (
        not ended
        and sessions_done > 0
        and (advice.at_review or sessions_done >= planned_sessions)
        and sessions_done not in decided
    )
    finished = sessions_done >= planned_sessions
    can_record = not ended and not due and not finished
    suggested: str | None = None
    options: tuple[str, ...] = ()
    if due or (finished and not ended):
        if advice.decision == "complete":
            suggested = "complete"
        elif advice.decision == "stop":
            suggested = "stop"
        elif advice.decision == "continue":
            suggested = "continue"
        options = DECISIONS
    if ended:
        text = f"Course {status}."
    elif due or finished:
        text = {
            "stop": "Review now: the rules suggest stopping (or referring) this course.",
            "complete": "Review now: the planned course is complete.",
            "continue": "Review now: the rules suggest continuing.",
            "record_scores": "Review now: record a pain score before deciding.",
        }[advice.decision]
    else:
        text = f"Next review at session {advice.next_review}." if advice.next_review else ""
    return CourseStatus(
        sessions_done=sessions_done,
        planned_sessions=planned_sessions,
        next_review=advice.next_review,
        review_due=due or (finished and not ended),
        can_record=can_record,
        ended=ended,
        response_text=response_words(response),
        advice=text,
        suggested=suggested,
        options=options,
        reasons=tuple(r.text for r in advice.reasons),
    )
