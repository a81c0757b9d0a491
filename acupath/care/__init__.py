"""Patient care: intake, safety screening, treatment planning, coverage and STRICTA reporting.

Public API (pure functions over the bundled data; no database, web or command-line code)::

    from acupath.care import read_intake, parse_intake, screen, plan

    intake = read_intake("patient.yaml")      # Intake, or InputError naming the field
    result = screen(intake)                    # ScreenResult: decision, findings, exclusions
    course = plan(intake)                      # Plan: screen first, then a fitted protocol
    course.as_dict()                           # the plan JSON document (DESIGN.md contract)

Modules: :mod:`~acupath.care.intake` (the intake model and its JSON Schema),
:mod:`~acupath.care.medications` (names to drug classes), :mod:`~acupath.care.rules` (the rule
schema and condition language), :mod:`~acupath.care.policy` (clinic thresholds),
:mod:`~acupath.care.screening`, :mod:`~acupath.care.protocols`,
:mod:`~acupath.care.adaptation`, :mod:`~acupath.care.planning`, :mod:`~acupath.care.evidence`
(expected benefit and guidelines), :mod:`~acupath.care.coverage` (Medicare NCD 30.3.3),
:mod:`~acupath.care.reassessment`, :mod:`~acupath.care.stricta` and
:mod:`~acupath.care.report` (text and Markdown).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from acupath.care.intake import Intake, intake_schema, parse_intake, read_intake
    from acupath.care.planning import Plan, plan
    from acupath.care.policy import ClinicPolicy, load_policy
    from acupath.care.screening import ScreenResult, screen

# The public names are imported on first use (PEP 562): importing one submodule, as Ask does for
# the screen, must not import planning, protocols and the evidence summaries behind them.
_HOMES = {
    "Intake": "intake",
    "intake_schema": "intake",
    "parse_intake": "intake",
    "read_intake": "intake",
    "Plan": "planning",
    "plan": "planning",
    "ClinicPolicy": "policy",
    "load_policy": "policy",
    "ScreenResult": "screening",
    "screen": "screening",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'acupath.care' has no attribute {name!r}")
    return getattr(importlib.import_module(f"acupath.care.{home}"), name)


__all__ = [
    "ClinicPolicy",
    "Intake",
    "Plan",
    "ScreenResult",
    "intake_schema",
    "load_policy",
    "parse_intake",
    "plan",
    "read_intake",
    "screen",
]
