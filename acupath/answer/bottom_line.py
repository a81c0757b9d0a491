"""The bottom line of a question that asks something other than "does it work" (probe F14).

An efficacy question's bottom line is the judge's synthesis (:mod:`.synthesis`). Every other
asked intent gets its own lines, built from the records of that intent, in this order:

- **safety**: the figure of the safety outcome the question names ("died" -> deaths, "collapsed
  lung" -> pneumothorax; ``safety_outcomes_asked`` in ``data/answer/vocabulary.yaml``), then the
  serious-adverse-event figure the base holds; when a patient is described, the screen's
  decision leads (added by :func:`with_screen_decision`, which the opening calls);
- **points**: the points of the preferred trial protocol of each condition asked about (the
  opening takes out any point the screen excludes for the patient: :func:`without_excluded`);
- **dose**: sessions and weeks of the trial protocols;
- **coverage**: what each coverage policy covers and, when the asked condition is not among
  them, that it is not covered;
- **guidelines**: each asked condition's guideline positions (a disagreement said as such).

A masked figure ("…") or a circulating claim is never a bottom line. A question that names no
condition and asks whether acupuncture works gets no ranking across the whole base: it is told
which conditions the base holds (:func:`which_condition`).

What the bottom line states is recorded for the JSON and the benchmark as
``understanding["bottom_line"]``: ``kind`` (``synthesis``, ``intent``, ``which_condition``,
``section`` or ``none``), ``intents`` answered, ``records`` (``kind:id`` keys) and, for a safety
question about a described patient, ``screen`` (the decision stated).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from acupath.answer import text as tx
from acupath.answer.corpus import Document
from acupath.answer.models import Answer, Section
from acupath.answer.phrasing import protocol_sentence, protocol_title
from acupath.answer.voice import REDACTION
from acupath.evidence.schemas import Claim, Finding, Recommendation

ASKED = ("safety", "points", "dose", "coverage", "guidelines")
"""Intents that get bottom-line lines of their own, in the order the lines are given."""

NEEDS_CONDITION = frozenset({"points", "dose", "guidelines"})
"""Intents whose records belong to a condition: with none named, the base is not ranked."""

SERIOUS_OUTCOMES = ("serious_adverse_events", "deaths")
"""Outcomes stated by the safety bottom line when the question names no particular harm."""

_PROTOCOL_TEXT = ("rationale", "summary", "description", "style", "points")


@dataclass
class BottomLine:
    """The lines of a bottom line, the sources they cite and what they state."""

    lines: list[str] = field(default_factory=list)
    cited: list[str] = field(default_factory=list)
    kind: str = "none"
    intents: list[str] = field(default_factory=list)
    records: list[str] = field(default_factory=list)
    stated: frozenset[str] = frozenset()
    """Records the lines before these already state (a named study's, an asked outcome's):
    not stated twice (wave 9)."""
    answered: int = 0
    """Lines added or already stated (an intent is answered either way)."""

    def meta(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "intents": list(self.intents),
            "records": list(dict.fromkeys(self.records)),
            "screen": None,
        }

    def add(self, line: str, docs: Sequence[Document], comp: Any) -> None:
        self.answered += 1
        if docs and all(d.key in self.stated for d in docs):
            return
        marker, ids = comp.cites.cite(*docs)
        self.lines.append(f"- {line} {marker}".rstrip())
        self.cited.extend(i for i in ids if i not in self.cited)
        self.records.extend(d.key for d in docs)


def asked_intents(intents: Sequence[str]) -> list[str]:
    """The asked intents that have a bottom line of their own, in :data:`ASKED` order."""
    return [i for i in ASKED if i in intents]


def shows_no_mask(line: str) -> bool:
    """True for a line that may be a bottom line: no masked figure, no circulating claim."""
    return REDACTION not in line and "irculating claim" not in line


def intent_lines(
    comp: Any, intents: Sequence[str], covered: Sequence[str], stated: Sequence[str] = ()
) -> BottomLine:
    """The bottom-line lines of ``intents`` for the composer's question (see module doc);
    records of ``stated`` (keys) are not stated again."""
    q = comp.retrieval.question
    out = BottomLine(kind="intent", stated=frozenset(stated))
    conditions = list(q.conditions)
    for intent in intents:
        if intent in NEEDS_CONDITION and not conditions:
            continue
        before = out.answered
        if intent == "safety":
            _safety(comp, q, out)
        elif intent == "points":
            _protocols(comp, conditions, out, points=True)
        elif intent == "dose":
            _protocols(comp, conditions, out, points=False)
        elif intent == "coverage":
            _coverage(comp, conditions, out)
        elif intent == "guidelines":
            _guidelines(comp, conditions, out)
        if out.answered > before:
            out.intents.append(intent)
    if not conditions and not out.answered:
        which = which_condition(comp, covered)
        out.lines += which.lines
        if not out.intents:
            out.kind = "which_condition"
    return out


def which_condition(comp: Any, covered: Sequence[str]) -> BottomLine:
    """For a question naming no condition: what the base holds, grouped by category, so the
    reader can ask about one (no condition's results stand for acupuncture in general)."""
    base = comp.base
    by_category: dict[str, list[str]] = {}
    for c in base.conditions.values():
        if c.name in covered:
            by_category.setdefault(c.category, []).append(c.name)
    pain = by_category.get("chronic_pain", []) + by_category.get("acute_pain", [])
    cancer = by_category.get("cancer_pain", []) + by_category.get("cancer_symptom", [])
    patient = comp.voice.audience == "patient"
    examples = ", ".join(n.lower() for n in pain[:4])
    cancer_examples = ", ".join(n.lower() for n in cancer[:3])
    if patient:
        line = (
            "Whether acupuncture helps depends on what it is for, so there is no one answer. "
            f"We have studies on many health problems, such as {examples}"
            + (f", and problems linked to cancer, such as {cancer_examples}" if cancer else "")
            + ". Ask about the one you have to see what the studies found."
        )
    else:
        line = (
            "Whether acupuncture helps depends on the condition, so no single result answers "
            f"this. acupath holds evidence on many conditions, among them {examples}"
            + (f", and cancer-related symptoms such as {cancer_examples}" if cancer else "")
            + ". Name a condition for its results."
        )
    return BottomLine(lines=["- " + line], kind="which_condition")


# -- the intents ---------------------------------------------------------------------------------


def _asked_outcomes(comp: Any, q: Any) -> list[str]:
    """Safety outcomes the question's words name (``safety_outcomes_asked``)."""
    words = set(tx.tokens(q.text, keep_stopwords=True))
    table: Mapping[str, Sequence[str]] = comp.retrieval.index.vocab.safety_outcomes_asked
    out = []
    for outcome, phrases in table.items():
        for phrase in phrases:
            key = tx.tokens(phrase, keep_stopwords=True)
            if key and all(k in words for k in key):
                out.append(outcome)
                break
    return out


def _safety(comp: Any, q: Any, out: BottomLine) -> None:
    from acupath.answer.focus import asked_denominator, matches_denominator

    docs = comp.retrieval.top(
        kinds=("finding",),
        conditions=q.conditions,
        general=True,
        tags=("safety",),
        boost_words=comp.words("safety"),
    )
    docs = [d for d in docs if isinstance(d.record, Finding)]
    chosen: list[Document] = []
    for outcome in _asked_outcomes(comp, q):
        of = [d for d in docs if _outcome(d) == outcome]
        if not q.conditions and not q.comparators:
            # "how many people get side effects": a rate among the treated first, not one
            # condition's comparison with a drug (stable sort keeps the ranking otherwise)
            # and, among those, the largest cohort (Witt 2009's 229,230 patients)
            of.sort(
                key=lambda d: (
                    getattr(d.record, "comparator", "") != "none",
                    -(getattr(d.record, "n_participants", None) or 0),
                )
            )
        per = asked_denominator(q.text)
        if per is not None:
            # "out of every thousand people how many": a rate on that denominator first
            # (MacPherson 2004's 107 per 1,000 patients), else the order above (wave 9)
            of.sort(key=lambda d: not matches_denominator(q.text, getattr(d.record, "unit", None)))
        hit = next(iter(of), None)
        if hit is not None and hit not in chosen:
            chosen.append(hit)
    if not any(_outcome(d) == SERIOUS_OUTCOMES[0] for d in chosen):
        serious = next((d for d in docs if _outcome(d) == SERIOUS_OUTCOMES[0]), None)
        if serious is not None:
            chosen.append(serious)
    from acupath.answer.focus import asked_measures

    measures = asked_measures(q.text)
    for d in chosen[:3]:
        if measures and getattr(d.record, "measure", "") in measures:
            # a figure asked for ("what percentage get side effects") is stated with it
            out.answered += 1
            if d.key in out.stated:
                continue
            marker, ids = comp.cites.cite(d)
            out.lines.append("- " + comp.voice.finding(d.record, marker))
            out.cited.extend(i for i in ids if i not in out.cited)
            out.records.append(d.key)
        else:
            out.add(_brief(comp, d), [d], comp)


def _outcome(d: Document) -> str:
    return d.record.outcome if isinstance(d.record, Finding) else ""


def _brief(comp: Any, d: Document) -> str:
    """The record's one-line wording in the voice (a clinician's finding with its figures),
    without a marker (added by the caller)."""
    from acupath.answer.sections import stated_brief

    return stated_brief(comp.voice, d.record, "")


def _protocol_docs(comp: Any, conditions: Sequence[str]) -> list[Document]:
    from acupath.answer.sections import _protocol_preference

    return list(
        comp.retrieval.top(
            kinds=("protocol",),
            conditions=conditions,
            general=False,
            boost_words=comp.words("application"),
            prefer=_protocol_preference,
        )
    )


def _protocols(comp: Any, conditions: Sequence[str], out: BottomLine, *, points: bool) -> None:
    """One protocol per condition (at most three): its points, or its sessions and weeks."""
    docs = _protocol_docs(comp, conditions)
    patient = comp.voice.audience == "patient"
    done: list[Document] = []
    for cid in conditions[:3]:
        # a protocol with a technique other than manual needling may be excluded for the patient
        # (electroacupuncture in pregnancy); a manual one, when held, is stated after it
        shown: list[str] = []
        for d in docs:
            rec: Any = d.record
            if cid not in d.conditions or d in done:
                continue
            technique = str(rec.get("technique") or "manual")
            if shown and (technique != "manual" or shown[-1] == "manual"):
                continue
            if points:
                codes = comp._points_text(rec)
                if not codes:
                    continue
                title = protocol_title(rec)
                line = (
                    f"In the {title} study, the needles went at these points: {codes}."
                    if patient
                    else f"**{title}:** points used: {codes}."
                )
            else:
                if not (rec.get("schedule") or rec.get("sessions") or rec.get("weeks")):
                    continue
                bare = {k: v for k, v in rec.items() if k not in _PROTOCOL_TEXT}
                line = protocol_sentence(bare, "", "").strip()
                if patient:
                    line = "How often in the study: " + line
            done.append(d)
            out.add(line, [d], comp)
            shown.append(technique)
            if technique == "manual":
                break
        if not shown:
            what = "the points used" if points else "a course (sessions and weeks)"
            _not_held(comp, out, f"trial protocol that states {what}", cid)


def _coverage(comp: Any, conditions: Sequence[str], out: BottomLine) -> None:
    """Each coverage policy's own summary; then, for asked conditions it does not cover, that
    they are not covered by it (the policy record lists what it covers, nothing else)."""
    base = comp.base
    docs = comp.retrieval.top(kinds=("recommendation",), conditions=(), tags=("coverage",))
    by_body: dict[str, list[Any]] = {}
    for d in docs:
        if isinstance(d.record, Recommendation):
            by_body.setdefault(d.record.body, []).append(d)
    patient = comp.voice.audience == "patient"
    for body, group in by_body.items():
        covered = list(dict.fromkeys(d.record.condition for d in group if d.record.condition))
        first = group[0]
        out.add(_brief(comp, first), [first], comp)
        not_covered = [c for c in conditions if c not in covered and c in base.conditions]
        if not not_covered:
            continue
        payer = tx.short_body(body)
        asked = _names(base.conditions[c].name.lower() for c in not_covered)
        what = _names(base.conditions[c].name.lower() for c in covered)
        line = (
            f"{payer} does not cover acupuncture for {asked}. It covers it only for {what}."
            if patient
            else f"{asked[:1].upper() + asked[1:]} is not covered by this policy ({payer}); "
            f"it covers acupuncture only for {what}."
        )
        out.add(line, group, comp)


def _guidelines(comp: Any, conditions: Sequence[str], out: BottomLine) -> None:
    docs = comp.retrieval.top(
        kinds=("recommendation",), conditions=conditions, tags=("guideline",), limit=12
    )
    for cid in conditions[:3]:
        group = [d for d in docs if isinstance(d.record, Recommendation) and cid in d.conditions]
        if not group:
            _not_held(comp, out, "guideline position", cid)
            continue
        pro = [d for d in group if d.record.direction in ("for", "conditional")]
        con = [d for d in group if d.record.direction == "against"]
        if pro and con:
            line = comp.voice.disagreement(
                comp.base.conditions[cid].name,
                list(dict.fromkeys(tx.short_body(d.record.body) for d in pro)),
                list(dict.fromkeys(tx.short_body(d.record.body) for d in con)),
            )
            out.add(line, [*pro, *con], comp)
        else:
            out.add(_brief(comp, group[0]), [group[0]], comp)


def _not_held(comp: Any, out: BottomLine, what: str, cid: str) -> None:
    """Say that the base holds nothing of ``what`` for condition ``cid`` (no citation: it is
    a statement about the base)."""
    name = comp.base.conditions[cid].name.lower()
    out.answered += 1
    if comp.voice.audience == "patient":
        out.lines.append(f"- We have no {what} for acupuncture in {name}.")
    else:
        out.lines.append(f"- acupath holds no {what} for acupuncture in {name}.")


def fallback_allowed(doc: Document) -> bool:
    """A record that may stand as a bottom line taken from a section's first item: never a
    circulating claim (its figures may be masked, and it is a claim, not evidence)."""
    return not isinstance(doc.record, Claim)


# -- after the screen (called by the opening) ----------------------------------------------------

DECISION_LINES = {
    "clinician": {
        "refer": "For the patient described, the screen refers before any acupuncture "
        "(see the safety section above).",
        "defer": "For the patient described, needling should be deferred for now "
        "(see the safety section above).",
        "proceed_with_modifications": "For the patient described, needling may go ahead only "
        "with the changes listed in the safety section above.",
        # never a clearance of its own: the box says whether words went unread (probe F2)
        "proceed": "For the patient described, what the screen found is in the safety section "
        "above; the usual risks of acupuncture are these.",
    },
    "patient": {
        "refer": "First, see a doctor, as the safety part above says.",
        "defer": "Acupuncture should wait for now (see the safety part above).",
        "proceed_with_modifications": "Acupuncture may be possible, but only with the changes "
        "listed in the safety part above.",
        "proceed": "What the safety part above says comes first. These are the usual risks.",
    },
}


def bottom_title(audience: str, voice: Any = None) -> str:
    """The title of the bottom-line section in ``audience``'s voice."""
    titles = getattr(voice, "titles", None)
    if isinstance(titles, Mapping) and "bottom_line" in titles:
        return str(titles["bottom_line"])
    return "The short answer" if audience == "patient" else "Bottom line"


def with_screen_decision(answer: Answer, decision: str | None, title: str) -> Answer:
    """A safety question about a described patient: the screen's decision leads the bottom
    line, in the full and the brief answer."""
    meta = dict(answer.understanding.get("bottom_line") or {})
    if decision is None or "safety" not in answer.understanding.get("intents", ()):
        return answer
    line = "- " + DECISION_LINES.get(answer.audience, DECISION_LINES["clinician"])[decision]

    def lead(sections: tuple[Section, ...]) -> tuple[Section, ...]:
        out = list(sections)
        for n, s in enumerate(out):
            if s.title == title:
                out[n] = Section(s.title, line + "\n" + s.text, s.citations)
                return tuple(out)
        return (Section(title, line), *out)

    meta["screen"] = decision
    if "safety" not in meta.get("intents", []):
        meta["intents"] = ["safety", *meta.get("intents", [])]
    understanding = dict(answer.understanding)
    understanding["bottom_line"] = meta
    return dataclasses.replace(
        answer,
        sections=lead(answer.sections),
        brief_sections=lead(answer.brief_sections) if answer.brief_sections else (),
        understanding=understanding,
    )


_POINTS = re.compile(r"(points used: |the needles went at these points: )(.*?)\.(?= |$)")


def without_excluded(answer: Answer, violations: Any, title: str) -> Answer:
    """Points the screen excludes taken out of the bottom line's point lists (the rest of the
    protocol's points stay, with a note); ``violations(text)`` lists what a text names that
    the screen excludes."""

    def clean(text: str) -> str:
        lines = []
        for line in text.splitlines():
            m = _POINTS.search(line)
            if m is None or not violations(m.group(2)):
                lines.append(line if not violations(line) else _excluded_line(answer.audience))
                continue
            kept = [p for p in _split_points(m.group(2)) if not violations(p)]
            note = (
                " (points the screen excludes for this patient are left out: see the safety "
                "section above)"
                if answer.audience != "patient"
                else " (points that are not safe for this person are left out)"
            )
            if kept:
                new = m.group(1) + ", ".join(kept) + note
            else:
                new = "none that is safe for this patient" + note
            lines.append(line[: m.start()] + new + "." + line[m.end() :])
        return "\n".join(lines)

    def fix(sections: tuple[Section, ...]) -> tuple[Section, ...]:
        return tuple(
            Section(s.title, clean(s.text), s.citations) if s.title == title else s
            for s in sections
        )

    # one look at the bottom line first (the brief shows the same one): most name nothing the
    # screen excludes, and the exclusion filter reads every line after this anyway
    # only protocol lines (points, dose) name points or techniques in a bottom line
    meta = answer.understanding.get("bottom_line") or {}
    if not {"points", "dose"} & set(meta.get("intents", ())):
        return answer
    bottom = next((s for s in answer.sections if s.title == title), None)
    if bottom is None or not violations(bottom.text):
        return answer

    return dataclasses.replace(
        answer, sections=fix(answer.sections), brief_sections=fix(answer.brief_sections)
    )


def _excluded_line(audience: str) -> str:
    """What replaces a bottom-line line naming an excluded technique: it says that much, names
    nothing excluded and cites nothing (the line it replaces is not shown)."""
    if audience == "patient":
        return (
            "- The study we have on this used a kind of acupuncture that is not safe for this "
            "person, so it is not shown (see the safety part above)."
        )
    return (
        "- A trial protocol acupath holds for this question uses a technique the screen excludes "
        "for this patient, so it is not shown (see the safety section above)."
    )


def _split_points(text: str) -> list[str]:
    """``"ST34 (Liangqiu), EX-LE5 (Xiyan)"`` -> its items (commas inside brackets kept)."""
    items: list[str] = []
    depth, start = 0, 0
    for i, ch in enumerate(text):
        depth += ch == "("
        depth -= ch == ")"
        if ch == "," and depth == 0:
            items.append(text[start:i].strip())
            start = i + 1
    items.append(text[start:].strip())
    return [i for i in items if i]


def _names(items: Any) -> str:
    names: list[str] = [str(n) for n in dict.fromkeys(items)]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]
