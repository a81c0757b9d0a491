"""Answer composition: sections chosen by intent, each sentence saying one record, cited.

The sections follow the seed answer's outline (bottom line; evidence by condition; integration
with conventional care; guidelines; mechanisms; clinical application; safety; durability;
limitations and conflicting evidence; references) and appear only when the question's intents
ask for them (``overview`` asks for all). Each sentence ends with a marker ``[n]`` that resolves
to the n-th reference; references list the records used from each source and the date each was
last reviewed. The sentences themselves are built in :mod:`acupath.answer.sections`.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from typing import Any

from acupath.answer import bottom_line as bl
from acupath.answer import synthesis, synthesis_patient
from acupath.answer import text as tx
from acupath.answer.brief import brief
from acupath.answer.focus import outcome_lines
from acupath.answer.judge import judge_condition
from acupath.answer.models import Answer, RecordUse, Section
from acupath.answer.retrieve import Retrieval
from acupath.answer.sections import (
    WEAK_VERDICTS,
    Composer,
    Voice,
    finding_of,
    reviewed_of,
    unique,
)
from acupath.answer.select import COMPARATIVE
from acupath.evidence.schemas import Finding

SECTIONS_BY_INTENT: Mapping[str, tuple[str, ...]] = {
    "overview": (
        "evidence",
        "integration",
        "guidelines",
        "coverage",
        "mechanisms",
        "application",
        "safety",
        "durability",
        "limitations",
    ),
    "efficacy": ("evidence", "guidelines", "limitations"),
    "effect_size": ("evidence", "limitations"),
    "safety": ("safety",),
    "dose": ("application", "coverage"),
    "points": ("application",),
    "technique": ("application",),
    "mechanisms": ("mechanisms", "limitations"),
    "integration": ("integration", "guidelines", "limitations"),
    "guidelines": ("guidelines", "limitations"),
    "coverage": ("coverage",),
    "durability": ("durability", "limitations"),
}
SECTION_ORDER = (
    "evidence",
    "integration",
    "guidelines",
    "coverage",
    "mechanisms",
    "application",
    "safety",
    "durability",
    "limitations",
)


def compose(retrieval: Retrieval, voice: Voice, *, points_namer: Any = None) -> Answer:
    """Compose the answer to the retrieval's question in ``voice`` (unverified; see verify)."""
    q = retrieval.question
    comp = Composer(retrieval, voice, points_namer)
    base = retrieval.index.base
    covered = [
        c.name
        for c in base.conditions.values()
        if retrieval.index.candidates([c.id], general=False)
    ]
    sections: list[Section] = []
    insufficient = False

    if not q.in_scope:
        text = voice.out_of_scope(q.scope_note or "this question is outside acupath", covered)
        return _answer(
            q,
            voice,
            "Outside acupath's scope",
            [Section(voice.titles["scope"], text)],
            comp,
            insufficient=True,
            out_of_scope=True,
        )
    if q.unknown_topic:
        text = voice.unknown_topic(q.unknown_topic, covered)
        return _answer(
            q,
            voice,
            "No evidence in acupath",
            [Section(voice.titles["unknown"], text)],
            comp,
            insufficient=True,
        )

    conditions = comp.conditions_with_evidence()
    # the bottom line judges every condition with evidence, and every condition it names has its
    # details behind it (the evidence section gives the less-documented ones fewer items)
    judged = list(conditions)
    missing = [c for c in q.conditions if c not in conditions]
    wanted = unique(s for i in q.intents for s in SECTIONS_BY_INTENT.get(i, ()))
    # a section the question asks for directly says so when it is empty; the others are dropped
    primary = {SECTIONS_BY_INTENT[i][0] for i in q.intents if i != "overview"}
    efficacy_asked = any(i in q.intents for i in ("efficacy", "effect_size", "overview"))

    # the synthesised bottom line is composed first, so that its references are numbered first
    # the lines of the other asked intents come first (probe F14): a safety, points, dose,
    # coverage or guideline question is answered in its bottom line, whatever else it asks
    asked = bl.asked_intents(q.intents)
    synthesis_due = efficacy_asked and bool(conditions)
    if synthesis_due:
        asked = [i for i in asked if i != "guidelines"][:2]  # the synthesis states guidelines
    ranks_base = efficacy_asked and not q.conditions and not q.unknown_topic
    # an outcome the question names ("migraine days", "an epidural") is answered first, with
    # its figures (wave 6): a question about it names no condition's synthesis alone
    focus_lines, focus_cited, focus_keys = outcome_lines(comp)
    if focus_lines:
        ranks_base = False
    head = (
        bl.intent_lines(comp, asked, covered, focus_keys)
        if asked or ranks_base
        else bl.BottomLine()
    )
    if focus_lines and head.kind == "none":
        head.kind = "outcome"
    head.records[:0] = focus_keys
    bl_lines: list[str] = [*focus_lines, *head.lines]
    bl_cited: list[str] = [*focus_cited, *(c for c in head.cited if c not in focus_cited)]
    verdicts: list[dict[str, Any]] = []
    if synthesis_due:
        more, more_cited, verdicts = _synthesis(
            comp,
            judged,
            "integration" in q.intents,
            [base.conditions[c].name for c in missing],
        )
        bl_lines += more
        bl_cited += [c for c in more_cited if c not in bl_cited]
        head.kind = "synthesis" if not head.intents else "intent"

    body: list[Section] = []
    compared = _comparisons(comp, q)
    if compared is not None:
        body.append(compared)
    for key in SECTION_ORDER:
        if key not in wanted:
            continue
        sec: Section | None = None
        if key == "evidence":
            sec = comp.evidence(conditions)
        elif key == "integration":
            sec = comp.integration(conditions)
        elif key == "guidelines":
            sec = comp.guidelines(list(q.conditions))
        elif key == "coverage":
            sec = comp.guidelines(list(q.conditions), tag="coverage")
            if q.conditions and (sec is None or not sec.citations):
                # no rule covers this condition: say which conditions the rules do cover
                sec = comp.guidelines([], tag="coverage")
        elif key == "mechanisms":
            sec = comp.tagged(
                "mechanisms",
                ("mechanism",),
                ("mechanism",),
                (),
                "how acupuncture works",
                limit=6,
                boost=comp.words("mechanisms"),
            )
        elif key == "application":
            sec = comp.application(conditions or list(q.conditions))
        elif key == "safety":
            sec = comp.tagged(
                "safety",
                ("safety",),
                ("safety",),
                list(q.conditions),
                "safety",
                limit=8,
                boost=comp.words("safety"),
            )
        elif key == "durability":
            sec = comp.tagged(
                "durability",
                ("durability",),
                ("persistence", "durability"),
                list(q.conditions),
                "how long the benefit lasts",
                limit=6,
                boost=comp.words("durability"),
            )
        elif key == "limitations":
            sec = comp.limitations(list(q.conditions), q.broad, _claim_topics(q.intents))
        if sec is not None and (sec.citations or key in primary):
            body.append(sec)

    if efficacy_asked and q.conditions and not conditions:
        insufficient = True
        bl_lines.append("- " + voice.no_findings([base.conditions[c].name for c in q.conditions]))
    elif efficacy_asked and conditions and _all_weak(comp, conditions):
        insufficient = True
    if missing and conditions and not efficacy_asked:
        bl_lines.append("- " + voice.no_findings([base.conditions[c].name for c in missing]))
    if not bl_lines and body and body[0].citations:
        bl_lines, bl_cited = comp.brief(body[0])
        if bl_lines:
            head.kind = "section"
    # a masked figure or a circulating claim is never a bottom line
    # (and a line said twice, as two time points of one trial read in plain words, once)
    bl_lines = _said_once(list(dict.fromkeys(line for line in bl_lines if bl.shows_no_mask(line))))
    if not any(s for s in body if s.citations) and not bl_cited:
        insufficient = True
    if bl_lines:
        sections.append(Section(voice.titles["bottom_line"], "\n".join(bl_lines), tuple(bl_cited)))
    body = _say_not_rated_once(comp, voice, bl_lines, body)
    sections += body
    advice = voice.clinician_advice()
    if advice:
        sections.append(Section(voice.titles["clinician"], advice))
    names = [base.conditions[c].name for c in conditions]
    title = "Acupuncture: " + (
        ", ".join(names[:3]) if names and not q.broad else _topic_title(q.matched_terms, q.intents)
    )
    answer = _answer(q, voice, title, sections, comp, insufficient=insufficient)
    understanding = dict(answer.understanding)
    understanding["bottom_line"] = head.meta() if bl_lines else bl.BottomLine().meta()
    answer = dataclasses.replace(answer, verdicts=tuple(verdicts), understanding=understanding)
    return _with_brief(answer, voice)


COMPARISON_TITLES = {"clinician": "Comparisons asked about", "patient": "What you asked to compare"}
_PER_PART = 4


def _comparisons(comp: Composer, q: Any) -> Section | None:
    """The findings that answer the question's comparison and variant parts (probe F15:
    "acupuncture or massage", "acupressure or needles"), first after the bottom line."""
    by_key = comp.retrieval.index.by_key
    lines: list[str] = []
    cited: list[str] = []
    seen: set[str] = set()
    for part in getattr(q, "parts", ()):
        docs = [by_key[f"finding:{i}"] for i in part.held if f"finding:{i}" in by_key]
        docs.sort(key=lambda d: -comp.retrieval.score[comp.retrieval.index.position(d)])
        for d in [d for d in docs if d.key not in seen][:_PER_PART]:
            seen.add(d.key)
            cid = d.conditions[0] if d.conditions else None
            lines.append(comp._bullet(d, cited, cid))
    if not lines:
        return None
    title = COMPARISON_TITLES.get(comp.voice.audience, COMPARISON_TITLES["clinician"])
    return Section(title, "\n".join(lines), tuple(cited))


def _said_once(lines: list[str]) -> list[str]:
    """``lines`` without a line whose sentence another line already says in full (a finding's
    plain sentence beside the same sentence with its label and figure; wave 6)."""

    def core(line: str) -> str:
        return re.sub(r"\s*\[[\d,\s]+\]\s*$", "", line.removeprefix("- ")).strip()

    cores = [core(line) for line in lines]
    return [
        line
        for i, line in enumerate(lines)
        if len(cores[i]) < 30
        or not any(j != i and cores[i] in other for j, other in enumerate(lines))
    ]


def _say_not_rated_once(
    comp: Composer, voice: Voice, bottom: Sequence[str], body: list[Section]
) -> list[Section]:
    """When a result shown has no certainty rating and the bottom line has not said so, say it
    once, at the end of the first section showing such a result (issue 14)."""
    said = voice.not_rated().split(" (")[0]
    if any("not rated" in line or "not been rated" in line for line in bottom):
        return body
    unrated = {
        d.sources[0]
        for d in comp.cites.used.values()
        if isinstance(d.record, Finding)
        and d.record.certainty == "not_graded"
        and d.record.direction in COMPARATIVE
        and d.sources
    }
    if not unrated:
        return body
    out = list(body)
    for n, sec in enumerate(out):
        if said in sec.text:
            return out
        if any(s in sec.citations for s in unrated):
            out[n] = Section(
                sec.title, sec.text.rstrip() + "\n- " + voice.not_rated(), sec.citations
            )
            return out
    return out


def _with_brief(answer: Answer, voice: Voice) -> Answer:
    keep = (voice.titles["clinician"],)
    more = "More in the full answer" if voice.audience == "clinician" else "There is more"
    return dataclasses.replace(
        answer,
        brief_sections=brief(answer.sections, voice.audience, keep_titles=keep, more_title=more),
    )


def _synthesis(
    comp: Composer, conditions: Sequence[str], integration: bool, missing: Sequence[str] = ()
) -> tuple[list[str], list[str], list[dict[str, Any]]]:
    """The bottom line from the judge's verdicts (see :mod:`acupath.answer.synthesis`)."""
    base = comp.base
    cited: list[str] = []
    by_key = comp.retrieval.index.by_key

    def cite(records: Sequence[Any]) -> str:
        docs = []
        for r in records:
            kind = "recommendation" if hasattr(r, "body") else "finding"
            d = by_key.get(f"{kind}:{r.id}")
            if d is not None and d not in docs:
                docs.append(d)
        marker, ids = comp.cites.cite(*docs)
        cited.extend(i for i in ids if i not in cited)
        return marker

    judgements = [judge_condition(base, c) for c in conditions]
    extra: list[str] = []
    if integration:
        extra.append(_integration_line(comp, conditions, cite))
    # both audiences cite the same records in the same order: the clinician wording is always
    # composed, and the patient wording cites only records the clinician wording cited
    lines, tally = synthesis.clinician_bottom_line(
        base, judgements, cite, extra=extra, missing=missing
    )
    if comp.voice.audience == "patient":
        named = set(comp.cites.used)
        names = getattr(comp.voice, "condition_names", {}) or {}

        def patient_cite(records: Sequence[Any]) -> str:
            kept = [
                r
                for r in records
                if f"{'recommendation' if hasattr(r, 'body') else 'finding'}:{r.id}" in named
            ]
            return cite(kept)

        def name(cid: str) -> str:
            from acupath.answer.audience import plain

            return plain(str(names.get(cid, base.conditions[cid].name)).lower())

        gone = [name(c) for c in comp.retrieval.question.conditions if c not in conditions]
        lines, tally = synthesis_patient.patient_bottom_line(
            base, judgements, patient_cite, name, gone
        )
    # the verdicts this answer's words state, once each
    stated = list({(v.condition, v.comparator): v.as_dict() for v in tally.stated}.values())
    return ["- " + line for line in lines if line], cited, stated


_STRENGTH_ORDER = ("strong", "moderate", "conditional", "weak", "not_graded")


def _integration_line(comp: Composer, conditions: Sequence[str], cite: Any) -> str:
    """How acupuncture is combined with conventional care: the strongest guideline's conditions
    of use for the question's conditions, else the best add-on record's own summary."""
    recs = [
        r
        for r in comp.base.recommendations.values()
        if r.condition in conditions
        and r.direction in ("for", "conditional")
        and r.conditions_of_use
        and comp.base.sources[r.source].kind != "coverage_policy"
    ]
    if recs:
        r = min(
            recs,
            key=lambda r: (
                _STRENGTH_ORDER.index(r.strength),
                conditions.index(r.condition),
                -r.year,
            ),
        )
        body = r.body[r.body.rindex("(") + 1 : -1] if r.body.endswith(")") else r.body
        use = " ".join(r.conditions_of_use[0].split()).rstrip(".")
        name = comp.base.conditions[r.condition].name.lower()
        return f"With conventional care ({body}, {name}): {use[:1].lower() + use[1:]}. {cite([r])}"
    docs = comp.retrieval.top(
        kinds=("finding", "recommendation"),
        conditions=conditions,
        general=True,
        tags=("integration",),
        limit=1,
        boost_words=comp.words("integration"),
    )
    if not docs:
        return ""
    rec = docs[0].record
    summary = " ".join(getattr(rec, "summary", "").split())
    if not summary:
        return ""
    return f"With conventional care: {summary[:1].lower() + summary[1:]} {cite([rec])}"


CLAIM_TOPICS: Mapping[str, tuple[str, ...]] = {
    "efficacy": ("effect_size", "recommendation", "evidence_quality", "overview", "study_count"),
    "effect_size": ("effect_size", "evidence_quality", "study_count"),
    "mechanisms": ("mechanism",),
    "durability": ("persistence",),
    "integration": ("integration", "recommendation"),
    "guidelines": ("recommendation",),
    "safety": ("safety",),
    "dose": ("dose", "technique"),
    "points": ("technique",),
    "technique": ("technique",),
}


def _claim_topics(intents: Sequence[str]) -> tuple[str, ...] | None:
    """Claim topics that bear on the intents; ``None`` (every topic) for an overview."""
    if "overview" in intents:
        return None
    return tuple(t for i in intents for t in CLAIM_TOPICS.get(i, ()))


def _all_weak(comp: Composer, conditions: Sequence[str]) -> bool:
    """True when every efficacy finding is of very low certainty or a weak verdict."""
    index = comp.retrieval.index
    docs = [
        index.documents[i]
        for i in index.candidates(conditions, general=False)
        if index.documents[i].kind == "finding"
        and not index.documents[i].tags & {"safety", "mechanism"}
    ]
    if not docs:
        return True
    return all(
        finding_of(d).certainty == "very_low" or (finding_of(d).verdict in WEAK_VERDICTS)
        for d in docs
    )


def _topic_title(terms: Sequence[str], intents: Sequence[str]) -> str:
    if terms:
        # one title word per stem: "knee" and "knees" are one topic
        seen: dict[tuple[str, ...], str] = {}
        for term in terms:
            seen.setdefault(tuple(tx.tokens(term)) or (term,), term)
        return ", ".join(seen.values())
    return ", ".join(i.replace("_", " ") for i in intents)


def _answer(
    q: Any,
    voice: Voice,
    title: str,
    sections: list[Section],
    comp: Composer,
    *,
    insufficient: bool,
    out_of_scope: bool = False,
) -> Answer:
    used = list(comp.cites.used.values())
    records = tuple(
        RecordUse(d.id, d.kind, d.sources[0] if d.sources else "", reviewed_of(d.record))
        for d in used
    )
    return Answer(
        question=q.text,
        audience=voice.audience,
        title=title,
        sections=tuple(sections),
        references=comp.cites.references(),
        findings_used=tuple(d.id for d in used if d.kind == "finding"),
        records_used=records,
        insufficient_evidence=insufficient,
        out_of_scope=out_of_scope,
        understanding=q.as_dict(),
    )
