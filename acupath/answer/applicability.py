"""Whether a guideline's position speaks for the patient described (wave 9).

A guideline is written for a population. NICE's headache guideline (CG150) is for people aged
12 and over, its low back pain (NG59) and chronic pain (NG193) guidelines for people aged 16
and over, and the ACP, SIO-ASCO and ACR/Arthritis Foundation positions for adults. When a
question describes a patient whose stated age lies below the youngest age a cited position
covers, the bottom line says so: "NICE recommends it" is not advice about an 8-year-old.

Rule. Let ``age`` be the patient's age as the question states it (an assumed age, such as the
adult taken for a question that gives none, is never used), and ``R`` the recommendations the
answer used. Every ``r`` in ``R`` with ``r.min_age > age`` is named in one closing line of the
bottom line (full and brief answer), with its youngest age. The figures of that line are the
records' ``min_age`` and the patient's own age, so the number verifier traces them.

Sources of the ages: each record's ``min_age`` says where it was read
(``data/recommendations/guidelines.yaml``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from typing import Any

from acupath.answer.models import Answer, Section
from acupath.answer.text import short_body
from acupath.evidence.schemas import Recommendation

ADULT_AGE = 18
"""The age a position written for "adults" starts at (the records' ``min_age``)."""


def stated_age(intake: Mapping[str, Any], assumed: Iterable[str]) -> int | None:
    """The patient's age when the question states it, else ``None`` (an assumed age is not a
    fact about the patient)."""
    if any(a.startswith("age") for a in assumed):
        return None
    age = intake.get("age")
    return int(age) if age is not None else None


def too_young_for(records: Iterable[Any], age: int) -> list[Recommendation]:
    """The positions among ``records`` whose population starts above ``age``, one per body
    and age, in the order given."""
    out: list[Recommendation] = []
    seen: set[tuple[str, int]] = set()
    for r in records:
        if not isinstance(r, Recommendation) or r.min_age is None or r.min_age <= age:
            continue
        key = (short_body(r.body), r.min_age)
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


def age_line(positions: list[Recommendation], age: int, audience: str) -> str:
    """One bottom-line sentence naming the positions that do not cover a patient of ``age``."""
    parts = [_covers(r) for r in positions]
    said = "; ".join(parts)
    if audience == "patient":
        return (
            f"- The guideline advice in this answer is for older people ({said}), so it "
            f"does not cover someone aged {age}."
        )
    return (
        f"- The guideline positions in this answer are written for older patients ({said}): "
        f"none of them covers a patient aged {age}, so their advice cannot be applied unchanged."
    )


def with_age_limits(answer: Answer, records: Iterable[Any], age: int | None, title: str) -> Answer:
    """``answer`` with :func:`age_line` closing its bottom line (section ``title``) when a
    cited guideline position does not cover a patient of ``age``."""
    if age is None or not any(s.title == title for s in answer.sections):
        return answer
    positions = too_young_for(records, age)
    if not positions:
        return answer
    line = age_line(positions, age, answer.audience)
    # the line cites the positions it names, as every line with a figure does
    numbers = {ref.id: ref.number for ref in answer.references}
    cited = sorted({numbers[r.source] for r in positions if r.source in numbers})
    if cited:
        line += " [" + ", ".join(str(n) for n in cited) + "]"
    sources = tuple(dict.fromkeys(r.source for r in positions))

    def close(sections: tuple[Section, ...]) -> tuple[Section, ...]:
        return tuple(
            Section(
                s.title,
                s.text.rstrip("\n") + "\n" + line,
                tuple(dict.fromkeys((*s.citations, *sources))),
            )
            if s.title == title and line not in s.text
            else s
            for s in sections
        )

    meta = dict(answer.understanding.get("bottom_line") or {})
    meta["not_covered_by_age"] = [r.id for r in positions]
    return dataclasses.replace(
        answer,
        sections=close(answer.sections),
        brief_sections=close(answer.brief_sections),
        understanding={**answer.understanding, "bottom_line": meta},
    )


def _covers(r: Recommendation) -> str:
    who = "adults" if r.min_age == ADULT_AGE else f"aged {r.min_age} and over"
    return f"{short_body(r.body)}: {who}"
