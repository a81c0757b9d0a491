"""Check a question file's expectations against the screen, not against Ask.

Every question with an ``intake`` (the intake a clinician would write for the patient the
question describes) is screened with :func:`acupath.care.screening.screen`, exactly as
``acupath screen`` would; its expected ``decision`` (and, for ``refer``, ``urgency``) must be
what the screen decides. Ask is never called, so the expectations cannot drift toward what the
engine happens to answer.

    .venv/bin/python benchmarks/ask/check_expectations.py [benchmarks/ask/questions_holdout2.yaml]

Exits 1 when an expectation disagrees with the screen.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

from acupath.answer.safety import UNSPECIFIED
from acupath.care.intake import Intake
from acupath.care.screening import screen
from acupath.evidence.loader import bundled_base

HERE = Path(__file__).resolve().parent


def check(questions: list[dict[str, Any]]) -> list[str]:
    """Disagreements between each question's expectations and the screen of its intake."""
    ctx = {"conditions": frozenset(bundled_base().conditions) | {UNSPECIFIED}}
    problems: list[str] = []
    for q in questions:
        if "intake" not in q:
            if "decision" in q:
                problems.append(f"{q['id']}: a decision without an intake to screen")
            continue
        result = screen(Intake.model_validate(q["intake"], context=ctx))
        if result.decision != q.get("decision"):
            want = q.get("decision")
            problems.append(f"{q['id']}: expected {want}, screen says {result.decision}")
        if q.get("urgency") and result.urgency != q["urgency"]:
            want = q["urgency"]
            problems.append(f"{q['id']}: expected urgency {want}, screen says {result.urgency}")
        problems += _age_band_problems(q)
    return problems


# The age bands of the patient-context labels (docs/ask.md): child 0-12, adolescent 13-17,
# older_adult 65 and over; an adult of 18-64 carries no band label.
AGE_BANDS = {"child": (0, 12), "adolescent": (13, 17), "older_adult": (65, 200)}


def _age_band_problems(q: dict[str, Any]) -> list[str]:
    """An ``age_band:`` label that the intake's age does not fall in."""
    age = q["intake"].get("age")
    out = []
    for label in q.get("context", []):
        band = str(label).removeprefix("age_band:")
        if band != str(label) and band in AGE_BANDS and age is not None:
            lo, hi = AGE_BANDS[band]
            if not lo <= age <= hi:
                out.append(f"{q['id']}: label {label} but the intake's age is {age} ({lo}-{hi})")
    return out


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else HERE / "questions_holdout2.yaml"
    with path.open(encoding="utf-8") as fh:
        questions: list[dict[str, Any]] = yaml.safe_load(fh)
    problems = check(questions)
    for p in problems:
        print(p)
    screened = sum(1 for q in questions if "intake" in q)
    print(f"{path.name}: {screened} intakes screened, {len(problems)} disagreements")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
