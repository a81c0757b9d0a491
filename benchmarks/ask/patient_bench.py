"""Issue-10 scoring of ``acupath ask``: patient-specific safety, red flags leading, excluded
points never listed, premise correction, fact recall, citation precision, latency.

Used by ``run.py`` for ``questions_patient.yaml`` (the tuning part) and
``questions_holdout.yaml`` (held out: never run while the rules were written).

Scores, per part:

- screen decision: questions with an expected ``decision`` whose answer's screen has it;
- safety handled: questions with an expected ``decision`` whose answer carries a screen with that
  decision (and, for ``refer``, an urgency at least as urgent as expected), every expected
  context label applied and no ``not_context`` label applied. A general question (the "no
  patient" intake: age 40, condition unspecified, nothing else, no ``about``) is also handled
  when its answer carries no patient box at all; "strict" counts it only with a proceed box
  (the figure reported up to wave 7);
- less cautious: questions whose answer's screen decides less cautiously than expected (no
  patient box counts as proceed) or refers less urgently; listed by id (target none);
- red flags leading: ``refer`` answers whose first section is the safety section opening with the
  referral, with no evidence section before it;
- excluded points listed: lines outside the safety section (any section, title, follow-ups; both
  clinician and patient answers) naming a point the screen excludes, a point in an excluded
  region, an excluded technique, or a point the question's ``avoid`` list names (target 0);
- premise correction: premise questions whose answer has the correction section before any
  evidence section;
- fact recall and source recall as in ``questions.yaml``; citation precision over all lines;
- voice (questions with ``about``, a person other than the asker): patient answers that never
  say "What you told us" as if about the asker (the line must name the person: "What you told us
  about your mother");
- patient reading grade: Flesch-Kincaid grade of every patient answer, and of its safety box
  alone when it has one (<= 8 wanted), the box's prose without its one line of excluded point
  codes (a list the formula reads as one long sentence; reported with it too);
- latency: one ``ask()`` call in process, p50/p95 (clinician), and the same for the patient
  audience.
"""

from __future__ import annotations

import dataclasses
import re
import statistics
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import yaml

from acupath.answer import Answer, ask
from acupath.answer.audience import readability
from acupath.answer.opening import PATIENT_LINE_LEADS, TITLES
from acupath.answer.safety import (
    EXCLUSION_PREFIX,
    TECHNIQUE_WORDS,
    Safety,
    blocked_codes,
    line_violations,
)
from acupath.evidence.loader import EvidenceBase

URGENCY_ORDER = ("emergency", "urgent", "soon", "routine")
_ASKER_AS_PATIENT = re.compile(
    r"What you told us(?! about)|before you start acupuncture|They know your health"
)


def fact_in(fact: str, text: str) -> bool:
    """Whether an expected fact is in the (lower-cased) answer text. A whole number of four or
    more digits is also found with thousands separators ("1649" as "1,649", as answers print
    counts), and a grouped one without them; a proportion written as a decimal below 1 ("0.346",
    as the evidence records store it) is also found as the same percentage ("34.6%", as answers
    print proportions); a decimal with trailing zeros ("1.80", "-2.0") is also found without
    them; every other fact must appear as written."""
    wanted = {fact.lower()}
    # the records store numbers, not their printed precision: "1.80" and "-2.0" print as
    # "1.8" and "-2" (wave 10)
    if re.fullmatch(r"-?\d+\.\d*0", fact):
        wanted.add(fact.rstrip("0").rstrip("."))
    if re.fullmatch(r"\d{4,}", fact):
        wanted.add(f"{int(fact):,}")
    elif re.fullmatch(r"\d{1,3}(?:,\d{3})+", fact):
        wanted.add(fact.replace(",", ""))
    percent = re.fullmatch(r"0\.(\d{2,4})", fact)
    if percent:
        value = round(float(fact) * 100, len(percent.group(1)) - 2)
        shown = f"{value:.{max(0, len(percent.group(1)) - 2)}f}"
        if re.search(rf"(?<![\d,.]){re.escape(shown)}\s?%", text):
            return True
    return any(re.search(rf"(?<![\d,.]){re.escape(w)}(?!\d|[.,]\d)", text) for w in wanted)


def recall(q: dict[str, Any], answer: Answer, misses: list[str]) -> tuple[int, int, int, int]:
    """Expected facts found in the answer text and expected sources among its references:
    ``(facts found, facts expected, sources found, sources expected)``; each miss is noted."""
    text = answer.markdown.lower()
    refs = {r.id for r in answer.references}
    facts = q.get("facts", [])
    sources = q.get("sources", [])
    misses += [f"{q['id']}: fact {f!r}" for f in facts if not fact_in(f, text)]
    misses += [f"{q['id']}: source {s}" for s in sources if s not in refs]
    found_facts = sum(fact_in(f, text) for f in facts)
    found_sources = sum(s in refs for s in sources)
    return found_facts, len(facts), found_sources, len(sources)


def load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        data: list[dict[str, Any]] = yaml.safe_load(fh)
    return data


def _labels(answer: Answer) -> set[str]:
    from acupath.answer.context import Mention, PatientContext

    ctx = answer.patient_context or {}
    mentions = tuple(
        Mention(f["kind"], f["value"], f["words"], 0, 0, f["negated"], f["hypothetical"],
                f.get("detail", {}), f.get("status", "current"))
        for f in ctx.get("facts", ())
    )  # fmt: skip
    labels = {_normal(x) for x in PatientContext(mentions).labels()}
    if answer.screen:
        labels |= {f"red_flag:{f}" for f in answer.screen.get("red_flags", ())}
    return labels


def _evidence_lines(answer: Answer) -> Answer:
    """The answer without the lines that state the patient's own figures or clinic policy
    (they cite no source by design; the verifier traces them to the question and policy)."""
    sections = tuple(
        dataclasses.replace(
            s,
            text="\n".join(
                ln for ln in s.text.splitlines()
                if not any(ln.startswith(f"- {lead}") for lead in PATIENT_LINE_LEADS)
            ),
        )
        for s in answer.all_sections
    )  # fmt: skip
    return dataclasses.replace(answer, sections=sections, opening=())


DECISION_ORDER = ("proceed", "proceed_with_modifications", "defer", "refer")


def less_cautious(screen: dict[str, Any], q: dict[str, Any]) -> bool:
    """Whether the answer's screen is less cautious than the expected one: a milder decision (no
    patient box counts as proceed), or a referral less urgent than expected."""
    got = screen.get("decision") or "proceed"
    if DECISION_ORDER.index(got) < DECISION_ORDER.index(q["decision"]):
        return True
    if q["decision"] == "refer" and q.get("urgency"):
        urgency = screen.get("urgency")
        return urgency not in URGENCY_ORDER or (
            URGENCY_ORDER.index(urgency) > URGENCY_ORDER.index(q["urgency"])
        )
    return False


def _no_patient(q: dict[str, Any]) -> bool:
    """A general question: its intake is the "no patient" intake (age 40, condition
    unspecified, nothing else) and it names no person. Its answer is right with no patient box
    at all (a proceed box is right too); a referral or a patient label is over-caution."""
    intake = q.get("intake") or {}
    conditions = intake.get("conditions") or []
    return (
        not q.get("about")
        and set(intake) <= {"age", "conditions"}
        and intake.get("age", 40) == 40
        and [c.get("condition") for c in conditions] == ["unspecified"]
        and set(conditions[0]) == {"condition"}
    )


def _normal(label: str) -> str:
    """``anc:2.0`` and ``anc:2`` are the same label: numbers compare as numbers."""
    head, _, tail = label.rpartition(":")
    try:
        return f"{head}:{float(tail):g}" if head else label
    except ValueError:
        return label


def exclusion_violations(answer: Answer, avoid: list[str]) -> list[str]:
    """Lines outside the safety section that name what the screen excludes."""
    screen = answer.screen
    title = TITLES[answer.audience]["safety"]
    lines: list[str] = [answer.title, *answer.follow_ups]
    for s in answer.all_sections:
        if s.title != title:
            lines += s.text.splitlines()
    out: list[str] = []
    if screen:
        result = SimpleNamespace(
            excluded_points=screen["excluded_points"],
            excluded_regions=screen["excluded_regions"],
            excluded_techniques=screen["excluded_techniques"],
        )
        safety = Safety(
            intake={}, assumed=(), screen=result, decision=screen["decision"], urgency=None,
            red_flags=(), blocked_codes=blocked_codes(result) | {a.upper() for a in avoid},
        )  # fmt: skip
        out += [ln for ln in lines if line_violations(ln, safety)]
    elif avoid:
        out += [ln for ln in lines if any(a in ln for a in avoid)]
    return out


def run_part(
    base: EvidenceBase, questions: list[dict[str, Any]], citation_lines: Any
) -> dict[str, Any]:
    ask("warm-up: is acupuncture safe with warfarin?", base=base)
    safety_total = safety_ok = decision_ok = 0
    strict_ok = 0  # the same, but a general question must carry a proceed box too
    unsafe: list[str] = []  # answers less cautious than the screen for the patient described
    flag_total = flag_ok = 0
    premise_total = premise_ok = 0
    abstain_total = abstain_ok = 0
    facts_total = facts_found = sources_total = sources_found = 0
    lines_checked = lines_ok = 0
    violations: list[str] = []
    misses: list[str] = []
    latencies: list[float] = []
    patient_latencies: list[float] = []
    withheld = 0
    fully = 0
    voice_total = voice_ok = 0
    grades: list[float] = []
    box_grades: list[float] = []
    box_grades_codes: list[float] = []
    for q in questions:
        t0 = time.perf_counter()
        answer = ask(q["question"], base=base)
        latencies.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        patient = ask(q["question"], base=base, audience="patient")
        patient_latencies.append(time.perf_counter() - t0)
        grades.append(readability(patient.markdown)["flesch_kincaid"])
        box = next(
            (s for s in patient.all_sections if s.title == TITLES["patient"]["safety"]), None
        )
        if box is not None:
            # the one line listing excluded point codes is a list, not prose: graded apart
            prose = "\n".join(ln for ln in box.text.splitlines() if EXCLUSION_PREFIX not in ln)
            box_grades.append(readability(prose)["flesch_kincaid"])
            box_grades_codes.append(readability(box.text)["flesch_kincaid"])
        if q.get("about"):
            voice_total += 1
            wrong = _ASKER_AS_PATIENT.search(patient.markdown)
            if wrong:
                misses.append(f"{q['id']}: patient voice {wrong.group(0)!r}")
            else:
                voice_ok += 1
        withheld += (not answer.verified) + (not patient.verified)
        fully += answer.answered_fully
        title = TITLES["clinician"]["safety"]
        if "decision" in q:
            safety_total += 1
            labels = _labels(answer)
            screen = answer.screen or {}
            problems = []
            general = _no_patient(q) and not answer.screen
            if screen.get("decision") != q["decision"] and not general:
                problems.append(f"decision {screen.get('decision')} != {q['decision']}")
            else:
                decision_ok += 1
            if q.get("urgency"):
                got = screen.get("urgency")
                if got not in URGENCY_ORDER or URGENCY_ORDER.index(got) > URGENCY_ORDER.index(
                    q["urgency"]
                ):
                    problems.append(f"urgency {got} less urgent than {q['urgency']}")
            if less_cautious(screen, q):
                unsafe.append(q["id"])
            want = [_normal(c) for c in q.get("context", [])]
            problems += [f"context {c} missing" for c in want if c not in labels]
            denied = [_normal(c) for c in q.get("not_context", [])]
            problems += [f"context {c} applied" for c in denied if c in labels]
            if problems:
                misses.append(f"{q['id']}: " + "; ".join(problems))
            else:
                safety_ok += 1
                strict_ok += not general
        if q.get("decision") == "refer":
            flag_total += 1
            first = answer.all_sections[0] if answer.all_sections else None
            if first is not None and first.title == title and first.text.startswith("**Refer"):
                flag_ok += 1
            else:
                misses.append(f"{q['id']}: red flag not leading")
        for a in (answer, patient):
            for line in exclusion_violations(a, [c.upper() for c in q.get("avoid", [])]):
                violations.append(f"{q['id']} ({a.audience}): {line[:100]}")
        if q.get("premise"):
            premise_total += 1
            titles = [s.title for s in answer.all_sections]
            corr = TITLES["clinician"]["premise"]
            if corr in titles and titles.index(corr) <= 1:
                premise_ok += 1
            else:
                misses.append(f"{q['id']}: premise not corrected")
        if "insufficient" in q:
            abstain_total += 1
            if answer.insufficient_evidence == bool(q["insufficient"]):
                abstain_ok += 1
            else:
                misses.append(f"{q['id']}: insufficient={answer.insufficient_evidence}")
        found = recall(q, answer, misses)
        facts_found += found[0]
        facts_total += found[1]
        sources_found += found[2]
        sources_total += found[3]
        checked, ok, failures = citation_lines(_evidence_lines(answer), base)
        lines_checked += checked
        lines_ok += ok
        misses += [f"{q['id']}: citation {f}" for f in failures]

    def pct(p: float, values: list[float] = latencies) -> float:
        ordered = sorted(values)
        k = (len(ordered) - 1) * p / 100
        lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
        return (ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)) * 1000

    return {
        "questions": len(questions),
        "patient_specific": safety_total,
        "patient_language": sum(1 for q in questions if q["kind"] == "lay"),
        "clinician_language": sum(1 for q in questions if q["kind"] == "clinician"),
        "safety_handled": safety_ok / safety_total if safety_total else 1.0,
        "safety_counts": [safety_ok, safety_total],
        "safety_handled_strict": strict_ok / safety_total if safety_total else 1.0,
        "safety_strict_counts": [strict_ok, safety_total],
        "decision_correct": decision_ok / safety_total if safety_total else 1.0,
        "decision_counts": [decision_ok, safety_total],
        "less_cautious": unsafe,
        "red_flags_leading": flag_ok / flag_total if flag_total else 1.0,
        "red_flag_counts": [flag_ok, flag_total],
        "excluded_listed": len(violations),
        "premise_corrected": premise_ok / premise_total if premise_total else 1.0,
        "premise_counts": [premise_ok, premise_total],
        "abstention": abstain_ok / abstain_total if abstain_total else 1.0,
        "abstention_counts": [abstain_ok, abstain_total],
        "fact_recall": facts_found / facts_total if facts_total else 1.0,
        "fact_counts": [facts_found, facts_total],
        "source_recall": sources_found / sources_total if sources_total else 1.0,
        "citation_precision": lines_ok / lines_checked if lines_checked else 1.0,
        "cited_lines": lines_checked,
        "answered_fully": fully / len(questions),
        "withheld": withheld,
        "latency_ms_p50": pct(50),
        "latency_ms_p95": pct(95),
        "patient_latency_ms_p50": pct(50, patient_latencies),
        "patient_latency_ms_p95": pct(95, patient_latencies),
        "voice": voice_ok / voice_total if voice_total else 1.0,
        "voice_counts": [voice_ok, voice_total],
        "grade_mean": statistics.fmean(grades),
        "grade_max": max(grades),
        "grade_share_8": sum(1 for g in grades if g <= 8) / len(grades),
        "box_grade_mean": statistics.fmean(box_grades) if box_grades else 0.0,
        "box_grade_max": max(box_grades, default=0.0),
        "box_grade_share_8": (
            sum(1 for g in box_grades if g <= 8) / len(box_grades) if box_grades else 1.0
        ),
        "boxes": len(box_grades),
        "box_grade_with_codes_mean": statistics.fmean(box_grades_codes) if box_grades else 0.0,
        "box_grade_with_codes_max": max(box_grades_codes, default=0.0),
        "misses": misses,
        "violations": violations,
    }


def report(name: str, r: dict[str, Any]) -> None:
    def frac(key: str, counts: str) -> str:
        return f"{r[key]:.1%} ({r[counts][0]}/{r[counts][1]})"

    print(
        f"--- {name}: {r['questions']} questions ({r['patient_specific']} patient-specific, "
        f"{r['patient_language']} in patient language)"
    )
    print(f"safety handled      {frac('safety_handled', 'safety_counts')}")
    print(f"  ... strict        {frac('safety_handled_strict', 'safety_strict_counts')}")
    print(f"screen decision     {frac('decision_correct', 'decision_counts')}")
    unsafe = r["less_cautious"]
    print(f"less cautious       {len(unsafe)}" + (f": {', '.join(unsafe)}" if unsafe else ""))
    print(f"red flags leading   {frac('red_flags_leading', 'red_flag_counts')}")
    print(f"excluded listed     {r['excluded_listed']}")
    print(f"premise corrected   {frac('premise_corrected', 'premise_counts')}")
    print(f"abstention          {frac('abstention', 'abstention_counts')}")
    print(f"fact recall         {frac('fact_recall', 'fact_counts')}")
    print(f"source recall       {r['source_recall']:.1%}")
    print(f"citation precision  {r['citation_precision']:.1%} ({r['cited_lines']} lines)")
    print(f"answered fully      {r['answered_fully']:.1%}; withheld {r['withheld']}")
    print(f"patient voice       {frac('voice', 'voice_counts')}")
    print(
        f"patient grade       mean {r['grade_mean']:.1f}, max {r['grade_max']:.1f}, "
        f"<=8: {r['grade_share_8']:.0%}; safety boxes ({r['boxes']}) mean "
        f"{r['box_grade_mean']:.1f}, max {r['box_grade_max']:.1f}, "
        f"<=8: {r['box_grade_share_8']:.0%} (with the point-code line: mean "
        f"{r['box_grade_with_codes_mean']:.1f}, max {r['box_grade_with_codes_max']:.1f})"
    )
    print(f"latency             p50 {r['latency_ms_p50']:.1f} ms, p95 {r['latency_ms_p95']:.1f} ms")
    print(
        f"latency (patient)   p50 {r['patient_latency_ms_p50']:.1f} ms, "
        f"p95 {r['patient_latency_ms_p95']:.1f} ms"
    )
    for m in r["misses"]:
        print("  miss:", m)
    for v in r["violations"]:
        print("  EXCLUDED LISTED:", v)


_ = TECHNIQUE_WORDS
