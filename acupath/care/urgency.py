"""How soon a referred patient must be seen, and how the screen says so.

Every ``refer`` rule carries an urgency (``emergency``, ``urgent``, ``soon``, ``routine``) and
whether its sources give that time frame (``urgency_basis: source``) or the clinic set it
(``policy``). A screen that refers takes the most pressing urgency of the rules that fired::

    emergency > urgent > soon > routine

If a red flag recorded in the intake fired no rule (a flag without a rule for that condition),
the screen still refers, as ``urgent``: the cautious default when no rule says otherwise.
The words printed for each urgency are clinic policy in ``acupath/data/policy/referral.yaml``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict, Field

from acupath.care.rules import URGENCIES, Urgency
from acupath.errors import KnowledgeBaseError
from acupath.evidence.loader import DATA_DIR, read_yaml_list, validate_record

REFERRAL_FILE = DATA_DIR / "policy" / "referral.yaml"
UNMATCHED_FLAG_URGENCY: Urgency = "urgent"
"""Urgency when a red flag fired no rule (clinic policy: err toward the sooner)."""


class UrgencyWording(BaseModel):
    """The label and sentence a screen prints for one urgency."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    urgency: Urgency
    label: str = Field(min_length=3)
    wording: str = Field(min_length=20)


@functools.cache
def wordings() -> dict[str, UrgencyWording]:
    """The shipped wording of every urgency; a missing one is a load error."""
    out: dict[str, UrgencyWording] = {}
    for raw in read_yaml_list(REFERRAL_FILE):
        record = validate_record(raw, UrgencyWording, file=REFERRAL_FILE)
        out[record.urgency] = record
    missing = set(URGENCIES) - set(out)
    if missing:
        raise KnowledgeBaseError(f"no wording for urgencies {sorted(missing)}", file=REFERRAL_FILE)
    return out


def most_pressing(urgencies: Iterable[str | None]) -> Urgency | None:
    """The most pressing of ``urgencies`` (None when there is none)."""
    found = [u for u in urgencies if u is not None]
    if not found:
        return None
    best = max(found, key=URGENCIES.index)
    return best  # type: ignore[return-value]


def wording(urgency: str | None) -> str | None:
    """The sentence for ``urgency`` (None for None)."""
    return None if urgency is None else wordings()[urgency].wording
