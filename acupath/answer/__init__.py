"""Ask: cited, evidence-graded answers to clinical questions, and the claim audit of texts.

Public API::

    from acupath.answer import ask, check

    answer = ask("Does acupuncture help chronic low back pain?")        # Answer
    answer = ask("Will needles help my bad back?", audience="patient")
    audit = check(open("leaflet.txt").read())                          # Audit

The pipeline is understand -> retrieve -> compose -> verify (:mod:`.understand`,
:mod:`.retrieve`, :mod:`.compose`, :mod:`.verify`). An answer whose figures cannot all be
traced to the records it used is withheld and replaced by an honest failure.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from typing import Any

from acupath.answer.audience import PatientVoice, reading_grade
from acupath.answer.audit import check
from acupath.answer.compose import compose
from acupath.answer.followups import suggest
from acupath.answer.models import Answer, Audit, AuditedClaim, Reference, Section
from acupath.answer.retrieve import Embedder, Index, Retrieval, index_for
from acupath.answer.sections import Voice
from acupath.answer.understand import Question
from acupath.answer.verify import UnverifiedAnswer, check_text, codes
from acupath.answer.voice import ClinicianVoice
from acupath.errors import InputError
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
    "UnverifiedAnswer",
    "ask",
    "check",
    "records_of",
]


def voice_for(audience: str, base: EvidenceBase | None = None) -> Voice:
    """The voice of an audience; unknown audiences are an input error."""
    if audience == "clinician":
        return ClinicianVoice()
    if audience == "patient":
        names = {c.id: c.name for c in base.conditions.values()} if base is not None else None
        return PatientVoice(condition_names=names)
    raise InputError.invalid("audience", audience, "one of: " + ", ".join(AUDIENCES))


@functools.cache
def _point_table() -> dict[str, Any]:
    """Atlas points by upper-case code (one dictionary look-up per code, no fuzzy matching)."""
    try:
        from acupath.points import all_points
    except ImportError:  # the atlas is optional for answering
        return {}
    return {p.code.upper(): p for p in all_points()}


def _point_namer() -> Callable[[str], str] | None:
    table = _point_table()
    if not table:
        return None

    def name(code: str) -> str:
        point = table.get(code.upper())
        if point is None:
            return code  # an unknown code is shown as written in the protocol
        label = getattr(point, "pinyin", None) or getattr(point, "name", None)
        return f"{point.code} ({label})" if label else str(point.code)

    return name


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
    understood = index.understand(text)
    retrieval = index.search(understood)
    answer = composer(retrieval, voice, points_namer=_point_namer())
    follow_ups = suggest(index, understood) if with_follow_ups else ()
    answer = dataclasses.replace(answer, follow_ups=follow_ups)
    problems = check_text(answer.markdown, records_of(answer, base, retrieval))
    if problems:
        return withheld(answer, problems)
    if audience == "patient":
        answer = dataclasses.replace(answer, reading_grade=reading_grade(answer.markdown))
    return answer


def withheld(answer: Answer, problems: list[str]) -> Answer:
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
        sections=(Section("Verification failed", text),),
        references=(),
        findings_used=(),
        records_used=(),
        insufficient_evidence=True,
        out_of_scope=answer.out_of_scope,
        follow_ups=(),
        understanding=answer.understanding,
        verified=False,
        verification_problems=tuple(problems),
    )
