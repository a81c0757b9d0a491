"""The findings a question asks for by their outcome or their source (issue 10, wave 6): "how
many fewer migraine days", "need fewer painkillers", "less likely to have an epidural",
"Vickers 2018", "the Bäumler review".

A question that names a source (a trial, an author and year) gets that source's findings first,
whatever their condition (an individual-patient-data meta-analysis across pain conditions, a
safety review): the finding of the outcome it asks about first, then up to :data:`NAMED`
findings; when two sources match the name, each is stated.

The parse step reads the outcomes a question names (:mod:`acupath.answer.asked_words`,
``Question.outcomes``). For each, in the question's order, the best-ranked findings with that
outcome are stated first in the bottom line, with their figures:

    rank = retrieval score (BM25 of the question + evidence prior)
         + comparator / intervention bonus (:meth:`Retrieval.top`)
         + 0.3 [the question's own condition]
         + 0.6 [the record's scale or summary holds the words that named the outcome]
         + 1.0 when the finding's time point holds the time the question names, else
           0.5 * closeness

where closeness is 1 when the asked time (in weeks: a month is 52/12 weeks) lies within the
finding's range (``weeks 17-20`` holds "after 4 months"), falling linearly to 0 at half the
asked time away;

among the findings of the question's conditions (and records about no condition), or of every
condition when it names none (an outcome such as "epidural" is itself specific enough). Up to
:data:`PER_OUTCOME` findings per outcome are stated, from the same source first (two time points
of one trial, "after 4 months" against "after 3 months", are both shown rather than guessed).
"""

from __future__ import annotations

import re
from typing import Any

from acupath.answer import text as tx
from acupath.answer.corpus import Document
from acupath.evidence.schemas import Finding

PER_OUTCOME = 2
NAMED = 2
MAX_LINES = 3


_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_N = r"(\d+(?:\.\d+)?|" + "|".join(_NUMBER_WORDS) + r")"
_UNIT = r"(weeks?|wks?|months?|mths?|years?|yrs?)"
_AMOUNT = re.compile(
    rf"(?<!per )(?<!each )(?<!every )(?<!/)\b{_N}(?:\s*(?:-|to)\s*{_N})?[\s-]*{_UNIT}\b",
    re.IGNORECASE,
)
_UNIT_FIRST = re.compile(rf"\b(weeks?|months?)\s+{_N}(?:\s*(?:-|to)\s*{_N})?\b", re.IGNORECASE)
_WEEKS = {"w": 1.0, "m": 52 / 12, "y": 52.0}


def _number(word: str) -> float:
    w = word.lower()
    return float(_NUMBER_WORDS[w]) if w in _NUMBER_WORDS else float(w)


def time_ranges(text: str) -> list[tuple[float, float]]:
    """The times ``text`` names, in weeks, each as a range: "after 4 months" -> (17.3, 17.3),
    "weeks 13-16" -> (13, 16), "6-month follow-up" -> (26, 26)."""
    out: list[tuple[float, float]] = []
    for m in _AMOUNT.finditer(text):
        lo = _number(m.group(1))
        hi = _number(m.group(2)) if m.group(2) else lo
        per = _WEEKS[m.group(3)[0].lower()]
        out.append((lo * per, hi * per))
    for m in _UNIT_FIRST.finditer(text):
        lo = _number(m.group(2))
        hi = _number(m.group(3)) if m.group(3) else lo
        per = _WEEKS[m.group(1)[0].lower()]
        out.append((lo * per, hi * per))
    return out


def closeness(asked: float, ranges: list[tuple[float, float]]) -> float:
    """1 when ``asked`` (weeks) lies in a range, falling to 0 at half of it away."""
    best = 0.0
    for lo, hi in ranges:
        gap = 0.0 if lo - 0.5 <= asked <= hi + 0.5 else min(abs(asked - lo), abs(asked - hi))
        best = max(best, 1.0 - gap / max(2.0, asked / 2))
    return best


def asked_findings(retrieval: Any) -> list[Document]:
    """The findings of the sources the question names, then those that answer the outcomes it
    names, best first."""
    q = retrieval.question
    if not q.outcomes and not q.named_sources:
        return []
    conditions = tuple(q.conditions)

    asked_times = [lo for lo, _ in time_ranges(q.text)]
    phrases = _asked_phrases(retrieval, q)

    measures = asked_measures(q.text)
    per = asked_denominator(q.text)

    def prefer(d: Document) -> float:
        score = 0.3 if conditions and set(d.conditions) & set(conditions) else 0.0
        rec = d.record
        if measures and isinstance(rec, Finding) and rec.measure in measures:
            # the figure asked for by its kind ("what share", "risk ratio please")
            score += MEASURE_BONUS
            if not conditions and not q.comparators and rec.comparator == "none":
                # "how many people who have acupuncture get a side effect": a rate among the
                # treated, not a comparison from one condition's trial
                score += MEASURE_BONUS
        if per is not None and isinstance(rec, Finding) and denominator(rec.unit) is not None:
            # "out of every thousand people": the rate on that denominator first, a rate on
            # another one (or per treatment when people were asked about) after (wave 9)
            good = matches_denominator(q.text, rec.unit)
            score += MEASURE_BONUS if good else -MEASURE_BONUS
        if isinstance(rec, Finding) and phrases.get(rec.outcome):
            # the record's own words hold the asked phrase ("epidural" in an analgesic-use
            # record about epidurals): that record, not the outcome's pooled one
            own = set(tx.tokens(f"{rec.scale or ''} {rec.summary}"))
            if any(set(p) <= own for p in phrases[rec.outcome]):
                score += 0.6
        if asked_times and isinstance(rec, Finding) and rec.timepoint:
            ranges = time_ranges(rec.timepoint)
            near = max(closeness(t, ranges) for t in asked_times)
            score += 1.0 if near >= 1.0 else 0.5 * near
        return score

    ranked = retrieval.top(
        kinds=("finding",),
        conditions=conditions if conditions else None,
        general=True,
        prefer=prefer,
    )
    chosen: list[Document] = []
    if q.named_sources:
        named = set(q.named_sources)
        of_named = [
            d
            for d in retrieval.top(kinds=("finding",), conditions=(), prefer=prefer)
            if isinstance(d.record, Finding) and named & set(d.sources)
        ]
        # a study's records on the question's conditions (or on none), when it names any
        # ("GERAC headache arm": not the GERAC back-pain trial)
        own = [d for d in of_named if not d.conditions or set(d.conditions) & set(conditions)]
        of_named = own or of_named
        # the asked outcome of a named study first ("Bäumler 2021, events per 100 treatments")
        # and, wave 11, pain asked beside a pain condition's name ("low back pain: acupuncture
        # vs usual care pain difference": pain is no asked outcome of its own), then the
        # comparator the question names ("vs usual care")
        outcomes = q.outcomes or (("pain",) if _pain_asked(q) else ())
        # wave 14 (p11137): an asked outcome asked as a share ("how many people got better")
        # is answered with the study's proportions (its arms' response rates) before its
        # differences between arms
        measures = asked_measures(q.text) if q.outcomes else frozenset()
        of_named.sort(
            key=lambda d: (
                _outcome_rank(d, outcomes),
                _side_rank(d, q),
                _measure_rank(d, measures, outcomes),
                _arms_rank(d, q),
                _comparator_rank(d, q),
            )
        )
        if _SIZE_ASKED.search(q.text):
            # "how many women were randomised", "how many participants did it include" (wave
            # 11, probe 10): the study's enrolment record, else its largest analysis, first
            of_named.sort(key=_size_rank)
        if _STUDIES_ASKED.search(q.text):
            # the review's count of included studies first (its other records follow)
            of_named.sort(key=_studies_rank)
        for sid in q.named_sources:  # each named study is stated (two match: both shown)
            first = next((d for d in of_named if sid in d.sources and d not in chosen), None)
            if first is not None:
                chosen.append(first)
        chosen += [d for d in of_named if d not in chosen][: max(0, NAMED - len(chosen))]
        # a trial's other arms on the same outcome, time and measure come with a chosen arm: a
        # change within one arm ("usual care improved 2.1 points") means little alone
        with_arms: list[Document] = []
        for c in chosen:
            with_arms += [c, *(d for d in of_named if d not in chosen and _arm_of(d, c))]
        return list(dict.fromkeys(with_arms))[:MAX_LINES]
    for outcome in q.outcomes:
        of = [d for d in ranked if isinstance(d.record, Finding) and d.record.outcome == outcome]
        if not of:
            continue
        if not conditions and not q.comparators:
            # no condition, no comparison asked ("how many people get a side effect"): a rate
            # among the treated before one condition's trial against a drug (stable sort)
            of.sort(key=lambda d: getattr(d.record, "comparator", "") != "none")
        first = of[0]
        picked = [first]
        same = [d for d in of[1:] if d.sources == first.sources]
        others = [d for d in of[1:] if d.sources != first.sources]
        for d in [*same, *others]:
            if len(picked) >= PER_OUTCOME:
                break
            picked.append(d)
        chosen += [d for d in picked if d not in chosen]
    return chosen[:MAX_LINES]


MEASURE_BONUS = 0.5
_MEASURE_WORDS: tuple[tuple[re.Pattern[str], frozenset[str]], ...] = (
    (
        re.compile(
            r"\b(share|proportion|percentage|per ?cent|what fraction|how many|how often|"
            r"out of (?:every|each|all|everybody|everyone|\d+)|incidence|how common|"
            r"how likely|rates?|per treatment|per session|per patient|frequency|"
            # wave 14 (p11152): a share said as a fraction ("do about half of people get better")
            r"half of|a third of|a quarter of|one in (?:two|three|four|five))\b|%",
            re.IGNORECASE,
        ),
        frozenset({"proportion", "count", "rate"}),
    ),
    (re.compile(r"\b(risk ratio|relative risk|rr)\b", re.IGNORECASE), frozenset({"RR"})),
    (re.compile(r"\b(odds ratio|odds)\b", re.IGNORECASE), frozenset({"OR"})),
    (re.compile(r"\b(hazard ratio|hr)\b", re.IGNORECASE), frozenset({"HR"})),
    (re.compile(r"\b(mean difference|md|wmd)\b", re.IGNORECASE), frozenset({"MD"})),
    (
        re.compile(r"\b(effect size|smd|standardi[sz]ed mean difference)\b", re.IGNORECASE),
        frozenset({"SMD"}),
    ),
)


def asked_measures(text: str) -> frozenset[str]:
    """The measures a question asks its figure in ("what share" -> proportions and counts,
    "risk ratio please" -> RR); empty when it names none."""
    out: set[str] = set()
    for pattern, measures in _MEASURE_WORDS:
        if pattern.search(text):
            out |= measures
    return frozenset(out)


_SCALE_WORDS = {"hundred": 100, "thousand": 1_000, "million": 1_000_000}
_PER = re.compile(
    r"\b(?:per|out of(?: every| each)?|in(?: every| each)?|for every|of every)\s+(?:a |one )?"
    r"(ten |a |one )?(hundred|thousand|million|\d{1,3}(?:,\d{3})+|\d+)\b",
    re.IGNORECASE,
)


def _number_of(ten: str | None, word: str) -> int | None:
    w = word.lower().replace(",", "")
    value = _SCALE_WORDS.get(w) or (int(w) if w.isdigit() else None)
    if value is None or value < 100 or str(value).rstrip("0") != "1":
        return None  # "in 2 weeks", "out of 5 stars", "in 2009": no rate's denominator
    return value * 10 if (ten or "").strip().lower() == "ten" else value


def asked_denominator(text: str) -> int | None:
    """The denominator a question asks a rate on ("out of every thousand people" -> 1000,
    "per 10,000 treatments" -> 10000), or ``None``."""
    for m in _PER.finditer(text):
        value = _number_of(m.group(1), m.group(2))
        if value is not None:
            return value
    return None


_WHOM = (
    ("patient", re.compile(r"^\s*(?:people|patients?|persons?|women|men|adults|children|users)\b")),
    ("treatment", re.compile(r"^\s*(?:treatments?|sessions?|needlings?|visits?|consultations?)\b")),
)


def _whom(text: str) -> str | None:
    """Whom a rate counts per: "patient" (people, patients) or "treatment" (sessions)."""
    for kind, pattern in _WHOM:
        if pattern.match(text):
            return kind
    return None


def _last_word(text: str) -> str:
    words = text.split()
    return words[-1] if words else ""


def matches_denominator(question: str, unit: str | None) -> bool:
    """Whether a record's unit ("per 1,000 patients") is the rate the question asks for ("out
    of every thousand people"): the same denominator, counted per the same kind of thing when
    both say it (people are not treatments)."""
    per = asked_denominator(question)
    if per is None or denominator(unit) != per:
        return False
    asked_whom = next(
        (
            _whom(question[m.end() :]) or _whom(_last_word(question[: m.start()]))
            for m in _PER.finditer(question)
            if _number_of(m.group(1), m.group(2)) is not None
        ),
        None,
    )
    m = re.search(r"\bper\s+\S+\s*", unit or "")
    unit_whom = _whom((unit or "")[m.end() :]) if m else None
    return asked_whom is None or unit_whom is None or asked_whom == unit_whom


def denominator(unit: str | None) -> int | None:
    """The denominator of a record's unit ("per 1,000 patients" -> 1000)."""
    m = re.search(r"\bper\s+(\d{1,3}(?:,\d{3})+|\d+|hundred|thousand|million)\b", unit or "")
    return _number_of(None, m.group(1)) if m else None


def _asked_phrases(retrieval: Any, q: Any) -> dict[str, list[tuple[str, ...]]]:
    """The asked outcomes' phrases, less the words of the outcome's own id (every record of
    ``analgesic_use`` holds "analgesic")."""
    from acupath.answer.asked_words import asked_phrases, outcome_ids

    out: dict[str, list[tuple[str, ...]]] = {}
    known = outcome_ids(retrieval.index.base.findings)
    for outcome, found in asked_phrases(q.text, known).items():
        generic = set(tx.tokens(outcome.replace("_", " ")))
        kept = [p for p in found if not set(p) <= generic]
        if kept:
            out[outcome] = kept
    return out


def _arm_of(d: Document, first: Document) -> bool:
    """Whether ``d`` is another arm of ``first``'s comparison: the same source, outcome, time
    point, measure and scale, and a within-arm measure (a mean or a proportion)."""
    a, b = d.record, first.record
    return (
        isinstance(a, Finding)
        and isinstance(b, Finding)
        and a.source == b.source
        and a.measure == b.measure
        and a.measure in ("mean", "proportion")
        and a.outcome == b.outcome
        and a.timepoint == b.timepoint
        and a.scale == b.scale
        and a.comparator != b.comparator
    )


_SIZE_ASKED = re.compile(
    r"\bhow many (?:participants|patients|people|women|men|subjects|children|adults|"
    r"individuals|volunteers)\b(?! (?:actually |really |in fact |ever |still |then |all )?"
    r"(?:had|have|has|got|get|gets|reported|report|experienced|with|developed|needed|stopped|"
    r"dropped|withdrew|improved|responded|felt|were better|did better|recovered))"
    r"|\b(?:sample size|how large was|how big was|number of (?:participants|patients))\b",
    re.IGNORECASE,
)
"""A question about a study's size, not about how many had an outcome ("how many patients
had a side effect" asks a rate; wave 14, p11137: "how many people actually got better" too)."""


_STUDIES_ASKED = re.compile(
    r"\bhow many (?:(?:prospective|randomi[sz]ed|controlled|clinical|separate|individual|"
    r"original|primary|eligible|included|different) )*(?:studies|trials|rcts|papers|articles|"
    r"reports|cohorts)\b(?! (?:show|showed|shows|found|find|finds|say|says|said|support|"
    r"supports|supported|prove|proved|report|reported|are there|exist))"
    r"|\bnumber of (?:included )?(?:studies|trials|rcts)\b",
    re.IGNORECASE,
)
"""A question about how many studies a named review drew on (wave 20, h18129: "how many
prospective studies fed into the Bäumler 2021 meta-analyses"), not about how many studies
found something ("how many trials showed a benefit")."""


def _studies_rank(d: Document) -> int:
    rec = d.record
    return 0 if isinstance(rec, Finding) and rec.outcome == "included_studies" else 1


def _size_rank(d: Document) -> tuple[int, int]:
    rec = d.record
    if not isinstance(rec, Finding):
        return (2, 0)
    return (0 if rec.outcome == "enrolment" else 1, -(rec.n_participants or 0))


def _pain_asked(q: Any) -> bool:
    """Whether the question says "pain" more often than the condition names it read do ("low
    back pain ... pain difference"): pain is then asked as an outcome."""
    said = tx.tokens(q.text).count("pain")
    named = sum(tx.tokens(t).count("pain") for t in {t.lower() for t in q.matched_terms})
    return said > named


def _measure_rank(d: Document, measures: frozenset[str], outcomes: tuple[str, ...]) -> int:
    """0 for a record of an asked outcome in an asked measure (or when none is asked): a
    record of another outcome ("enrolment", a count) is not raised by the measure alone."""
    rec = d.record
    if not measures:
        return 0
    asked = isinstance(rec, Finding) and rec.outcome in outcomes and rec.measure in measures
    return 0 if asked else 1


def _arms_rank(d: Document, q: Any) -> int:
    """0 for a result within one arm (a mean or a proportion) when the question names the
    study by several of its arms ("the one with real needles, fake needles and physio-and-pills
    treatment", wave 18, h15103): what each arm did is what it asks, and the arm's other
    results come with it (:func:`_arm_of`); else 0 for every record. An outcome asked keeps
    its own order ("disability improvement in the usual care arm compared to real and
    simulated acupuncture": the comparison first, test_w8_evidence)."""
    if len(q.comparators) < 2 or q.outcomes:
        return 0
    rec = d.record
    return 0 if isinstance(rec, Finding) and rec.measure in ("mean", "proportion") else 1


def _comparator_rank(d: Document, q: Any) -> int:
    rec = d.record
    asked = set(q.comparators)
    return 0 if not asked or (isinstance(rec, Finding) and rec.comparator in asked) else 1


def _side_rank(d: Document, q: Any) -> int:
    """1 for a named study's result on a co-intervention (drug use: an ``integration`` record)
    when the question asks neither it nor integration, else 0 (wave 20, h18124: "how much did
    headaches go down in that NHS GP trial" is answered with the headache results of Vickers
    2004 before its 15% less medication; select.efficacy_preference ranks the same way)."""
    if "integration" in d.tags and "integration" not in q.intents:
        return 1
    return 0


def _outcome_rank(d: Document, outcomes: tuple[str, ...]) -> int:
    rec = d.record
    if isinstance(rec, Finding) and rec.outcome in outcomes:
        return outcomes.index(rec.outcome)
    return len(outcomes)


def missing_outcomes(retrieval: Any) -> list[str]:
    """Asked outcomes of which the question's conditions (named, no source named) hold no
    finding: said so rather than answered with another outcome."""
    q = retrieval.question
    if not q.outcomes or not q.conditions or q.named_sources:
        return []
    index = retrieval.index
    have = {
        index.documents[i].record.outcome
        for i in index.candidates(q.conditions, general=False)
        if isinstance(index.documents[i].record, Finding)
    }
    return [o for o in q.outcomes if o not in have]


def outcome_lines(comp: Any) -> tuple[list[str], list[str], list[str]]:
    """Bottom-line lines stating the asked findings with their figures, then the asked outcomes
    the conditions hold nothing on: ``(lines, cited source ids, record keys)``."""
    lines: list[str] = []
    cited: list[str] = []
    keys: list[str] = []
    for d in asked_findings(comp.retrieval):
        marker, ids = comp.cites.cite(d)
        lines.append("- " + comp.voice.finding(d.record, marker))
        cited += [i for i in ids if i not in cited]
        keys.append(d.key)
    missing = missing_outcomes(comp.retrieval)
    if missing:
        base = comp.retrieval.index.base
        q = comp.retrieval.question
        names = ", ".join(base.conditions[c].name.lower() for c in q.conditions[:3])
        what = " or ".join(o.replace("_", " ") for o in missing)
        lines.append(
            f"- We have no study results on {what} for {names}."
            if comp.voice.audience == "patient"
            else f"- acupath holds no finding on {what} for acupuncture in {names}."
        )
    return lines, cited, keys
