"""The opening of an answer: safety for this patient, premise corrections, and what the answer
does not address, in clinician or patient words. Wording only: what to say was decided by the
screen (:mod:`.safety`) and the parse (:mod:`.parse`).

The opening comes before any efficacy content. A red flag opens with referral at its urgency
(emergency, urgent = same day, soon, routine) and, for an emergency, the answer stops there; a
deferral says why and until when; modifications name what is excluded, with sources; cautions
are listed. Each rule's sentence carries the markers of its sources, appended to the answer's
references.

The parts live in modules with one job each: the words (:mod:`.opening_words`), reference
numbering (:mod:`.opening_refs`), the clinician safety box (:mod:`.safety_box`; the patient's is
:mod:`.patient_safety`), premise corrections (:mod:`.premise`) and the web page layout
(:mod:`.page`). This module assembles them (:func:`with_opening`) and re-exports the names other
modules import from it.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from acupath.answer import bottom_line as bl
from acupath.answer.context import FIRST_PERSON
from acupath.answer.models import Answer, Section
from acupath.answer.opening_refs import _Refs
from acupath.answer.opening_words import (
    PATIENT_LINE_LEADS,
    TITLES,
    describe,
    describe_fact,
)
from acupath.answer.other_people import FOR_ME_NOT_THEM, I_HAVE_NONE
from acupath.answer.page import page_parts
from acupath.answer.parse import Statement
from acupath.answer.patient_safety import patient_safety_section
from acupath.answer.people import Who, who_is_asked_about
from acupath.answer.premise import premise_section
from acupath.answer.safety import Safety, line_violations
from acupath.answer.safety_box import safety_section, understood_lines
from acupath.answer.screen_gaps import guard_unread
from acupath.evidence.loader import EvidenceBase

__all__ = [
    "PATIENT_LINE_LEADS",
    "TITLES",
    "describe",
    "describe_fact",
    "named_section",
    "page_parts",
    "person_asked_about",
    "premise_section",
    "safety_section",
    "scope_section",
    "understood_lines",
    "with_opening",
]


def named_section(
    stmt: Statement,
    answer: Answer,
    retrieval: Any,
    voice: Any,
    refs: _Refs,
    base: EvidenceBase | None = None,
) -> Section | None:
    """What a trial or guideline the question names found, when the body does not cite it."""
    cited = {r.id for r in answer.references}
    wanted = [s for s in stmt.sources_named if s not in cited]
    if not wanted:
        return None
    # a name that stands for several sources ("GERAC", a surname) is answered when the body
    # states a record of any of them on the asked conditions: no "holds no record" beside it
    named_cited = any(
        set(d.sources) & set(stmt.sources_named) & cited
        and (not stmt.conditions or set(d.conditions) & set(stmt.conditions))
        for d in retrieval.index.documents
    )
    from acupath.evidence.schemas import Finding, Recommendation

    index = retrieval.index
    conditions = set(stmt.conditions)
    lines: list[str] = []
    for sid in wanted:
        docs = [
            d
            for d in index.documents
            if sid in d.sources
            and isinstance(d.record, Finding | Recommendation)
            # a body's records on other conditions are not its position on this one (probe 2,
            # G8: NICE's migraine advice is not a NICE position on knee osteoarthritis)
            and (not conditions or set(d.conditions) & conditions)
        ]
        docs.sort(
            key=lambda d: (
                not (set(d.conditions) & conditions),
                -retrieval.score[index.position(d)],
            )
        )
        for d in docs[:3]:
            marker = refs.marker(d.sources, d.id, d.kind).strip()
            rec = d.record
            if isinstance(rec, Finding):
                lines.append("- " + voice.finding(rec, marker))
            else:
                lines.append(
                    "- " + voice.recommendation(rec, marker, coverage="coverage" in d.tags)
                )
    if not lines and conditions and stmt.names_matched and base is not None and not named_cited:
        names = [base.conditions[c].name.lower() for c in stmt.conditions if c in base.conditions]
        who = ", ".join(dict.fromkeys(w.strip(" ()[],;") for w in stmt.names_matched))
        where = ", ".join(names[:3])
        lines.append(
            f"- We have no advice from {who} on acupuncture for {where}."
            if getattr(voice, "audience", "clinician") == "patient"
            else f"- acupath holds no {who} record on acupuncture for {where}."
        )
    if not lines:
        return None
    title = "What the named study or guideline found"
    return Section(title, "\n".join(lines), tuple(dict.fromkeys(stmt.sources_named)))


def scope_section(
    stmt: Statement, audience: str, base: EvidenceBase | None = None
) -> Section | None:
    """What the answer does not address: the parts no record answers, each with why
    (:mod:`.parts`), then the words acupath did not recognise."""
    if not stmt.not_understood:
        return None
    parts = [p for p in stmt.question.parts if not p.held]
    said = {p.words for p in parts}
    # a comparison stated as a premise is answered by the correction above it
    lines = [part_line(p, audience, base) for p in parts if not p.claimed]
    if not lines and not [w for w in stmt.not_understood if w not in said]:
        return None
    rest = [w for w in stmt.not_understood if w not in said]
    if rest:
        words = ", ".join(f"“{w}”" for w in rest)
        lines.append(
            f"This answer does not address {words}: acupath did not recognise it, or holds no "
            "records on it for this question."
        )
    text = "\n".join(f"- {line}" for line in lines) if len(lines) > 1 else lines[0]
    return Section(
        TITLES[audience]["scope"], text + "\nThe rest of the question is answered below."
    )


def part_line(part: Any, audience: str, base: EvidenceBase | None) -> str:
    """Why one part of the question is not addressed, in the audience's words."""
    names = [
        base.conditions[c].name.lower()
        for c in part.conditions
        if base is not None and c in base.conditions
    ][:3]
    where = f" for {', '.join(names)}" if names else ""
    w = f"“{part.words}”"
    patient = audience == "patient"
    if part.kind == "out_of_scope":
        return (
            f"{w}: we have no studies on this, so this answer does not cover it."
            if patient
            else f"This answer does not address {w}: it is outside acupath's evidence base "
            "(acupuncture for pain and cancer-related symptoms)."
        )
    if part.kind == "head_to_head":
        return (
            f"{w}: we have no study that compared these head-to-head{where}."
            if patient
            else f"{w}: acupath holds no head-to-head comparison of these{where}; what it holds "
            "on each is below."
        )
    if part.kind == "comparison":
        return (
            f"{w}: we have no study that compared acupuncture with this{where}."
            if patient
            else f"{w}: acupath holds no comparison of acupuncture with it{where}, so this "
            "answer cannot say which is better."
        )
    return (
        f"{w}: we have no studies on this{where}."
        if patient
        else f"{w}: acupath holds no findings on it{where}."
    )


_THIRD = re.compile(
    r"\b(?:she|shes|she's|she’s|he|hes|he's|he’s|her|him|his|boy|girl|child|kid|teen|teenager|"
    r"toddler|baby|infant|patient|pt|client|referral|parents?|guardian)\b",
    re.IGNORECASE,
)
"""Words naming someone other than the asker (pronouns, also unpunctuated "shes"; a child by
kind; a patient or referral)."""
_OBJECT = {"she": "her", "he": "him", "they": "them"}


def person_asked_about(stmt: Statement) -> Who:
    """The person the patient answer is about (:func:`.people.who_is_asked_about`); when that
    finds no one but the asker, a question in the third person with no first-person word
    ("shes a teenager...", "9-year-old boy ... parents ask") is about that person, not "you"."""
    who = who_is_asked_about(stmt.text, stmt.patient)
    if not who.is_asker:
        return who
    text = " ".join(stmt.text.lower().replace("-", " ").split())
    # "about me, not her": the asker says the question is theirs (wave 17)
    # "I don't have any lung problems": the asker's own health (wave 17)
    if (
        FIRST_PERSON.search(text)
        or FOR_ME_NOT_THEM.search(text)
        or I_HAVE_NONE.search(text)
        or not _THIRD.search(text)
    ):
        return who
    sexes = {m.value for m in stmt.patient.mentions if m.kind == "sex"}
    pronoun = "she" if sexes == {"female"} else "he" if sexes == {"male"} else "they"
    return Who("person", pronoun, pronoun, "", object_name=_OBJECT[pronoun])


def with_opening(
    answer: Answer,
    stmt: Statement,
    safety: Safety | None,
    base: EvidenceBase,
    *,
    sham_band: str | None = None,
    retrieval: Any = None,
    voice: Any = None,
) -> Answer:
    """The answer with its opening sections first (and only those, for an emergency)."""
    audience = answer.audience
    emergency = safety is not None and safety.decision == "refer" and safety.urgency == "emergency"
    if emergency:
        # nothing of the evidence body is shown, so its references go too
        answer = dataclasses.replace(
            answer,
            sections=(),
            brief_sections=(),
            verdicts=(),
            references=(),
            records_used=(),
            findings_used=(),
            follow_ups=(),
        )
    if safety is not None and not emergency:
        # the bottom line of a safety question about this patient leads with the screen's
        # decision; its point lists leave out what the screen excludes (probe F14)
        title = bl.bottom_title(audience, voice)
        answer = bl.with_screen_decision(answer, safety.decision, title)
        answer = bl.without_excluded(answer, lambda t: line_violations(t, safety), title)
    refs = _Refs(answer, base)
    opening: list[Section] = []
    if safety is not None:
        if audience == "patient":
            who = person_asked_about(stmt)
            title = TITLES["patient"]["safety"]
            opening.append(patient_safety_section(safety, stmt.patient, refs, title, who))
        else:
            opening.append(safety_section(safety, stmt.patient, refs, audience))
        opening[-1] = guard_unread(opening[-1], stmt.not_understood, audience)
    premise = premise_section(stmt, base, audience, sham_band, safety=safety, refs=refs)
    if premise is not None:
        opening.append(premise)
    scope = scope_section(stmt, audience, base)
    # an out-of-scope or no-evidence answer already says what it cannot answer
    said = answer.out_of_scope or bool(stmt.question.unknown_topic)
    if scope is not None and not emergency and not said:
        opening.append(scope)
    named = None
    if not emergency and retrieval is not None and voice is not None:
        named = named_section(stmt, answer, retrieval, voice, refs, base)
    if named is not None:
        opening.append(named)
    if not opening:
        return answer
    return dataclasses.replace(
        answer,
        # the opening is shown first in the brief and in the full answer (Answer.opening)
        opening=(*opening, *answer.opening),
        references=tuple(refs.refs),
        records_used=tuple(refs.records),
    )
