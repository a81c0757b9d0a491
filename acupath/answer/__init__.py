"""Ask: cited, evidence-graded answers to clinical questions, and the claim audit of texts.

Public API::

    from acupath.answer import ask, check

    answer = ask("Does acupuncture help chronic low back pain?")        # Answer
    answer = ask("Will needles help my bad back?", audience="patient")
    audit = check(open("leaflet.txt").read())                          # Audit

The pipeline is parse -> screen -> retrieve -> compose -> open -> filter -> verify
(:mod:`.parse` with :mod:`.context`, :mod:`.safety`, :mod:`.retrieve`, :mod:`.compose`,
:mod:`.opening`, :mod:`.verify`). When the question describes a patient, the answer opens with
what the screen says about that patient and names nothing the screen excludes. An answer whose
figures cannot all be traced to the records it used is withheld and replaced by an honest
failure.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from acupath.answer.applicability import stated_age, with_age_limits
from acupath.answer.audience import PatientVoice, reading_grade
from acupath.answer.bottom_line import bottom_title
from acupath.answer.compose import compose
from acupath.answer.followups import suggest
from acupath.answer.models import Answer, Audit, AuditedClaim, Reference, Section
from acupath.answer.opening import TITLES, person_asked_about, with_opening
from acupath.answer.parse import Parser, Statement
from acupath.answer.people import ASKER, Who
from acupath.answer.retrieve import Embedder, Index, Retrieval, index_for
from acupath.answer.safety import (
    PREGNANCY_GUARD_NOTE,
    Safety,
    assess,
    filter_answer,
    topic_guard,
)
from acupath.answer.sections import Voice
from acupath.answer.supposed import evidence_topics
from acupath.answer.understand import Question
from acupath.answer.verify import UnverifiedAnswer, check_text, codes
from acupath.answer.voice import ClinicianVoice
from acupath.errors import InputError
from acupath.memo import per_object

if TYPE_CHECKING:
    from acupath.answer.audit import CheckReport
from acupath.evidence.loader import EvidenceBase, bundled_base

AUDIENCES = ("clinician", "patient")
MAX_QUESTION_CHARS = 2000

Composer = Callable[..., Answer]

__all__ = [
    "AUDIENCES",
    "Answer",
    "Audit",
    "AuditedClaim",
    "Index",
    "Question",
    "Reference",
    "Section",
    "Statement",
    "UnverifiedAnswer",
    "ask",
    "check",
    "records_of",
]


def check(text: str, *, base: EvidenceBase | None = None, source: str | None = None) -> CheckReport:
    """Audit every claim of ``text`` (:func:`acupath.answer.audit.check`). The claim audit's
    modules are imported here, on first use: answering a question does not need them."""
    from acupath.answer.audit import check as audit_text

    return audit_text(text, base=base, source=source)


def voice_for(audience: str, base: EvidenceBase | None = None, who: Who = ASKER) -> Voice:
    """The voice of an audience; unknown audiences are an input error. ``who`` is the person
    a patient answer talks about (:mod:`acupath.answer.people`)."""
    if audience == "clinician":
        return ClinicianVoice()
    if audience == "patient":
        names = {c.id: c.name for c in base.conditions.values()} if base is not None else None
        return PatientVoice(condition_names=names, who=who)
    raise InputError.invalid("audience", audience, "one of: " + ", ".join(AUDIENCES))


@functools.cache
def _point_table() -> dict[str, Any]:
    """Atlas points by upper-case code (one dictionary look-up per code, no fuzzy matching)."""
    try:
        from acupath.points import all_points
    except ImportError:  # the atlas is optional for answering
        return {}
    return {p.code.upper(): p for p in all_points()}


def _point_namer() -> Callable[[str], str]:
    """Code -> "CODE (pinyin)" from the atlas, which is loaded on the first code named: most
    answers name no point, and loading the atlas is a tenth of a cold start."""

    def name(code: str) -> str:
        point = _point_table().get(code.upper())
        if point is None:
            return code  # an unknown code (or no atlas) is shown as written in the protocol
        label = getattr(point, "pinyin", None) or getattr(point, "name", None)
        return f"{point.code} ({label})" if label else str(point.code)

    return name


_PARSERS: dict[int, tuple[Any, Any]] = {}


def parser_for(index: Index) -> Parser:
    """The parser over an index's understander, built once per index."""
    return per_object(_PARSERS, index.understander, lambda: Parser(index.understander))


def parse(question: str, base: EvidenceBase | None = None) -> Statement:
    """The :class:`Statement` of a question or claim (the parse step shared with Check)."""
    return parser_for(index_for(base or bundled_base()))(" ".join(question.split()))


def records_of(answer: Answer, base: EvidenceBase, retrieval: Retrieval) -> list[Any]:
    """Every record the answer may draw figures from (see :mod:`acupath.answer.verify`)."""
    records: list[Any] = []
    by_key = retrieval.index.by_key
    for use in answer.records_used:
        doc = by_key.get(f"{use.kind}:{use.id}")
        if doc is not None:
            records.append(doc.record)
    records += [base.sources[r.id] for r in answer.references]
    records += [base.conditions[c] for c in answer.understanding.get("conditions", [])]
    table = _point_table()
    # atlas points named in the text (codes that are not points, such as COX-2, are held by
    # the records above or are reported by the verifier)
    records += [table[c] for c in set(codes(answer.markdown)) if c in table]
    if answer.screen is not None:
        records.append(answer.screen)  # the screen's reasons, policy values and the intake
        for flag in answer.screen.get("answer_red_flags", ()):
            records += [base.sources[s] for s in flag.get("sources", ()) if s in base.sources]
    if answer.patient_context is not None:
        # the patient's own figures (ages, weeks, lab values) as the question gave them
        facts = answer.patient_context.get("facts", ())
        records.append([f["value"] for f in facts])
        records.append([f["words"] for f in facts])
        records.append([f.get("detail", {}) for f in facts])
        # wave 9: the screen's reasons for a supposed case, which the safety box quotes
        records.append(answer.patient_context.get("supposed", []))
    # the question's own words the answer quotes as not understood ("G2P1", "mm3")
    records.append(list(answer.not_understood))
    return records


def ask(
    question: str,
    *,
    audience: str = "clinician",
    base: EvidenceBase | None = None,
    embedder: Embedder | None = None,
    composer: Composer = compose,
    with_follow_ups: bool = True,
) -> Answer:
    """Answer ``question`` from the evidence base, verified figure by figure.

    ``embedder`` turns on semantic ranking (see :mod:`acupath.answer.semantic`); ``composer``
    is replaceable for tests. Raises :class:`InputError` for an empty question or an unknown
    audience; never raises for an answer that fails verification (it is withheld instead).
    """
    text = " ".join((question or "").split())
    if not text:
        raise InputError.invalid("question", question, "a non-empty question")
    if len(text) > MAX_QUESTION_CHARS:
        raise InputError.invalid(
            "question", f"{text[:40]}...", f"at most {MAX_QUESTION_CHARS} characters"
        )
    base = base or bundled_base()
    voice = voice_for(audience, base)
    index = index_for(base, embedder=embedder)
    stmt = parser_for(index)(text)
    about = None
    if audience == "patient":
        # the patient answer addresses the asker about the person the question describes
        who = person_asked_about(stmt)
        voice = voice_for(audience, base, who=who)
        about = who.object_name or who.name
    understood = stmt.question
    if {"harmless", "harm_overstated"} & set(stmt.premises) and "safety" not in understood.intents:
        understood = dataclasses.replace(understood, intents=(*understood.intents, "safety"))
    # a fact that an evidence question with no person and no condition asks about (wave 8)
    # the facts' positions are in the spelling-corrected text (wave 17)
    topics = evidence_topics(
        stmt.patient.mentions, stmt.corrected_text or stmt.text, understood.conditions
    )
    if topics != list(stmt.patient.mentions):
        stmt = dataclasses.replace(
            stmt, patient=dataclasses.replace(stmt.patient, mentions=tuple(topics))
        )
    safety = assess(stmt.patient, understood.conditions, base.conditions, stmt.text)
    retrieval = index.search(understood)
    answer = composer(retrieval, voice, points_namer=_point_namer())
    follow_ups = suggest(index, understood) if with_follow_ups else ()
    answer = dataclasses.replace(answer, follow_ups=follow_ups)
    answer = _screen_aware(answer, stmt, safety, base, retrieval, voice)
    if about:
        # whom the patient answer is about ("you", "your mother"), for the Ask page's headings
        answer = dataclasses.replace(answer, understanding={**answer.understanding, "about": about})
    problems = check_text(answer.markdown, records_of(answer, base, retrieval))
    if problems:
        # the safety box is never lost with the answer it opens: it stays when it verifies
        records = records_of(answer, base, retrieval)
        safety_title = TITLES[answer.audience]["safety"]
        keep = tuple(
            s
            for s in answer.all_sections
            if s.title == safety_title and not check_text(s.text, records)
        )
        return withheld(answer, problems, keep=keep)
    if audience == "patient":
        answer = dataclasses.replace(answer, reading_grade=reading_grade(answer.markdown))
    return answer


def _patient_context(stmt: Statement, safety: Safety | None = None) -> dict[str, Any] | None:
    """The patient context JSON, with the words read as patient details (``details``: an
    indication, a time...) that the answer does not treat as topics, and (wave 9) what the
    screen would decide for each supposition (``supposed``)."""
    if not stmt.patient.mentions:
        return None
    out = stmt.patient.as_dict()
    out["details"] = list(stmt.details)
    if safety is not None and safety.supposed:
        out["supposed"] = [dict(case) for case in safety.supposed]
    return out


def _screen_aware(
    answer: Answer,
    stmt: Statement,
    safety: Safety | None,
    base: EvidenceBase,
    retrieval: Retrieval,
    voice: Voice,
) -> Answer:
    """The opening (safety, premise, scope), the final exclusion filter, and the JSON keys."""
    from acupath.answer.premise import sham_largest_band

    sham_band = sham_largest_band(retrieval, stmt.conditions) if "sham" in stmt.premises else None
    answer = with_opening(
        answer, stmt, safety, base, sham_band=sham_band, retrieval=retrieval, voice=voice
    )
    answer = filter_answer(answer, safety, TITLES[answer.audience]["safety"])
    guard = topic_guard(stmt.text, safety, stmt.conditions)
    if guard is not None:  # a pregnancy mentioned, no patient box (wave 12)
        answer = filter_answer(
            answer, guard, TITLES[answer.audience]["safety"], PREGNANCY_GUARD_NOTE
        )
    if safety is not None:
        # a guideline written for older people does not speak for a younger patient (wave 9)
        answer = with_age_limits(
            answer,
            [base.recommendations[u.id] for u in answer.records_used if u.kind == "recommendation"],
            stated_age(safety.intake, safety.assumed),
            bottom_title(answer.audience, voice),
        )
    understanding = dict(answer.understanding)
    understanding["statement"] = stmt.as_dict()
    return dataclasses.replace(
        answer,
        understanding=understanding,
        patient_context=_patient_context(stmt, safety),
        screen=safety.as_dict() if safety is not None else None,
        not_understood=stmt.not_understood,
        answered_fully=not stmt.not_understood,
    )


def withheld(answer: Answer, problems: list[str], keep: tuple[Section, ...] = ()) -> Answer:
    """The honest failure shown instead of an answer with untraceable figures."""
    text = (
        "acupath composed an answer but could not trace every figure in it to a record of its "
        "evidence base, so the answer is withheld rather than shown. Please report this "
        "question to the maintainers of the evidence base."
    )
    return Answer(
        question=answer.question,
        audience=answer.audience,
        title="Answer withheld",
        sections=(*keep, Section("Verification failed", text)),
        references=tuple(r for r in answer.references if any(r.id in s.citations for s in keep)),
        findings_used=(),
        records_used=(),
        insufficient_evidence=True,
        out_of_scope=answer.out_of_scope,
        follow_ups=(),
        understanding=answer.understanding,
        verified=False,
        verification_problems=tuple(problems),
        patient_context=answer.patient_context,
        screen=answer.screen,
        not_understood=answer.not_understood,
        answered_fully=False,
    )
