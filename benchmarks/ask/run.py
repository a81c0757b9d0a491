"""Benchmark of ``acupath ask``: quality (fact recall, citation precision, abstention, reading
grade, fabricated figures) and in-process latency, on the shipped evidence base and on the same
base scaled synthetically to 20,000 findings.

    .venv/bin/python benchmarks/ask/run.py [--scale 20000] [--json results.json] [--part P]

``--part patient``, ``--part holdout`` or ``--part holdout2`` scores only that issue-10 question
file (see ``patient_bench.py``); ``--part intent`` scores ``questions_intent.yaml``, whether the
bottom line answers the asked intent (:func:`bottom_line_answers`); the default scores
``questions.yaml`` and all the parts.

Scores, over the questions of ``questions.yaml``:

- fact recall: share of expected facts (strings) found in the clinician answer;
- source recall: share of expected source ids among the answer's references;
- citation precision: share of answer lines carrying a figure or a citation marker whose every
  figure is held by a record of the sources that line cites (a figure with no marker fails);
- abstention accuracy: share of questions whose ``insufficient_evidence`` and ``out_of_scope``
  flags are as expected;
- fabricated figures: figures in any shown answer that no record it used holds (must be 0);
- patient reading grade: Flesch-Kincaid grade of each in-scope patient answer (<= 8 wanted);
- latency: wall time of one ``ask`` call in this process (index built beforehand), p50/p95.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import platform
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))  # patient_bench beside this file

from patient_bench import recall

from acupath.answer import Answer, ask, parse, records_of
from acupath.answer.audience import readability
from acupath.answer.retrieve import index_for
from acupath.answer.verify import check_text, evidence_of, figures
from acupath.evidence.loader import DATA_DIR, EvidenceBase, bundled_base, load_base

HERE = Path(__file__).resolve().parent
MARKER = re.compile(r"\[(\d+(?:, \d+)*)\]")


def load_questions() -> list[dict[str, Any]]:
    with (HERE / "questions.yaml").open(encoding="utf-8") as fh:
        questions: list[dict[str, Any]] = yaml.safe_load(fh)
    return questions


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def _screening_rules() -> dict[str, Any]:
    from acupath.care.screening import bundled_rules

    return {r.id: r for r in bundled_rules()}


def citation_lines(answer: Answer, base: EvidenceBase) -> tuple[int, int, list[str]]:
    """(lines checked, lines supported, failures) for one answer."""
    index = index_for(base)
    by_key = {d.key: d for d in index.documents}
    records_by_source: dict[str, list[Any]] = {}
    rules = _screening_rules()
    for use in answer.records_used:
        doc = by_key.get(f"{use.kind}:{use.id}")
        if doc is not None:
            for sid in doc.sources:
                records_by_source.setdefault(sid, []).append(doc.record)
        elif use.kind == "screening_rule" and use.id in rules:
            # a safety-box line cites the sources of the screening rule it words
            for sid in rules[use.id].sources:
                records_by_source.setdefault(sid, []).append(rules[use.id])
    ref_by_number = {r.number: r.id for r in answer.references}
    checked = supported = 0
    failures: list[str] = []
    for section in answer.all_sections:
        for line in section.text.splitlines():
            figs = figures(line)
            marks = [int(n) for m in MARKER.findall(line) for n in m.split(", ")]
            if not figs and not marks:
                continue
            checked += 1
            if figs and not marks:
                failures.append(f"uncited figure: {line[:90]}")
                continue
            cited = [ref_by_number[n] for n in marks if n in ref_by_number]
            if len(cited) != len(marks):
                failures.append(f"marker without reference: {line[:90]}")
                continue
            records: list[Any] = [base.sources[s] for s in cited]
            for s in cited:
                records += records_by_source.get(s, [])
            records += list(base.conditions.values())
            if check_text(line, records):
                failures.append(f"figure not in the cited records: {line[:90]}")
                continue
            supported += 1
    return checked, supported, failures


def evidence_lines(answer: Answer) -> Answer:
    """The answer without the lines that state the patient's own figures or clinic policy:
    they cite no source by design (the verifier traces them to the question and the policy)."""
    from acupath.answer.opening import PATIENT_LINE_LEADS

    sections = tuple(
        dataclasses.replace(
            s,
            text="\n".join(
                ln
                for ln in s.text.splitlines()
                if not any(ln.startswith(f"- {lead}") for lead in PATIENT_LINE_LEADS)
            ),
        )
        for s in answer.all_sections
    )
    return dataclasses.replace(answer, sections=sections, opening=())


def fabricated(answer: Answer, base: EvidenceBase) -> list[str]:
    if not answer.verified:
        return []  # withheld answers are not shown
    index = index_for(base)
    r = index.search(parse(answer.question, base).question)
    return check_text(answer.markdown, records_of(answer, base, r))


def run_quality(base: EvidenceBase, questions: list[dict[str, Any]]) -> dict[str, Any]:
    ask("warm-up: is acupuncture safe?", base=base)
    ask("warm-up: is acupuncture safe?", base=base, audience="patient")
    facts_total = facts_found = sources_total = sources_found = 0
    abstain_ok = 0
    lines_checked = lines_ok = 0
    fabricated_total = 0
    grades: list[dict[str, float]] = []
    latencies: list[float] = []
    patient_latencies: list[float] = []
    misses: list[str] = []
    citation_failures: list[str] = []
    withheld = 0
    for q in questions:
        t0 = time.perf_counter()
        answer = ask(q["question"], base=base)
        latencies.append(time.perf_counter() - t0)
        found = recall(q, answer, misses)
        facts_found += found[0]
        facts_total += found[1]
        sources_found += found[2]
        sources_total += found[3]
        want_insufficient = bool(q.get("insufficient", False))
        want_oos = bool(q.get("out_of_scope", False))
        if answer.insufficient_evidence == want_insufficient and answer.out_of_scope == want_oos:
            abstain_ok += 1
        else:
            misses.append(
                f"{q['id']}: flags insufficient={answer.insufficient_evidence} "
                f"out_of_scope={answer.out_of_scope}"
            )
        withheld += not answer.verified
        checked, ok, failures = citation_lines(evidence_lines(answer), base)
        lines_checked += checked
        lines_ok += ok
        citation_failures += [f"{q['id']}: {f}" for f in failures]
        fabricated_total += len(fabricated(answer, base))
        if not want_oos:
            t0 = time.perf_counter()
            patient = ask(q["question"], base=base, audience="patient")
            patient_latencies.append(time.perf_counter() - t0)
            if not patient.out_of_scope:
                grades.append(readability(patient.markdown))
            fabricated_total += len(fabricated(patient, base))
            withheld += not patient.verified
    fk = [g["flesch_kincaid"] for g in grades]
    return {
        "questions": len(questions),
        "fact_recall": facts_found / facts_total if facts_total else 1.0,
        "facts": facts_total,
        "source_recall": sources_found / sources_total if sources_total else 1.0,
        "citation_precision": lines_ok / lines_checked if lines_checked else 1.0,
        "cited_lines": lines_checked,
        "abstention_accuracy": abstain_ok / len(questions),
        "fabricated_figures": fabricated_total,
        "withheld_answers": withheld,
        "patient_grade_mean": statistics.fmean(fk),
        "patient_grade_max": max(fk),
        "patient_share_grade_8_or_lower": sum(1 for g in fk if g <= 8) / len(fk),
        "patient_ari_mean": statistics.fmean(g["ari"] for g in grades),
        "patient_coleman_liau_mean": statistics.fmean(g["coleman_liau"] for g in grades),
        "latency_ms_p50": percentile(latencies, 50) * 1000,
        "latency_ms_p95": percentile(latencies, 95) * 1000,
        "patient_latency_ms_p50": percentile(patient_latencies, 50) * 1000,
        "patient_latency_ms_p95": percentile(patient_latencies, 95) * 1000,
        "misses": misses,
        "citation_failures": citation_failures,
    }


def scaled_base(target: int, folder: Path) -> EvidenceBase:
    """The shipped base plus synthetic findings (copies with new ids) up to ``target`` findings.

    Each copy keeps its source, condition and measure and shifts estimate and CI together, so
    it stays valid and answers that cite it stay traceable.
    """
    root = folder / "data"
    shutil.copytree(DATA_DIR, root)
    base = load_base(root)
    originals = [f.model_dump(mode="json", exclude_none=True) for f in base.findings.values()]
    extra: list[dict[str, Any]] = []
    n = 0
    while len(base.findings) + len(extra) < target:
        raw = dict(originals[n % len(originals)])
        n += 1
        raw["id"] = f"{raw['id']}_syn{n}"
        raw["summary"] = f"Synthetic copy {n} of a finding, for the scale benchmark only."
        if isinstance(raw.get("estimate"), int | float) and raw.get("measure") in ("SMD", "MD"):
            shift = ((n * 37) % 21 - 10) / 1000
            raw["estimate"] = round(raw["estimate"] + shift, 4)
            if "ci_lower" in raw:
                raw["ci_lower"] = round(raw["ci_lower"] + shift, 4)
                raw["ci_upper"] = round(raw["ci_upper"] + shift, 4)
        extra.append(raw)
    (root / "findings" / "zz_synthetic.yaml").write_text(
        yaml.safe_dump(extra, sort_keys=False), encoding="utf-8"
    )
    return load_base(root)


def run_latency(base: EvidenceBase, questions: list[dict[str, Any]]) -> dict[str, Any]:
    t0 = time.perf_counter()
    index_for(base)
    build = time.perf_counter() - t0
    ask("warm-up: is acupuncture safe?", base=base)
    latencies: list[float] = []
    withheld = 0
    for q in questions:
        t0 = time.perf_counter()
        answer = ask(q["question"], base=base)
        latencies.append(time.perf_counter() - t0)
        withheld += not answer.verified
    return {
        "findings": len(base.findings),
        "index_build_s": build,
        "latency_ms_p50": percentile(latencies, 50) * 1000,
        "latency_ms_p95": percentile(latencies, 95) * 1000,
        "withheld_answers": withheld,
    }


ALL_PARTS = (
    "patient",
    "holdout",
    "holdout2",
    "holdout3",
    "holdout4",
    "holdout5",
    "holdout6",
    "probe6",
    "holdout7",
    "probe7",
    "probe8",
    "holdout8",
    "probe9",
    "holdout9",
    "probe10",
    "holdout10",
    "holdout11",
    "probe11",
    "holdout12",
    "holdout13",
    "probe12",
    "holdout14",
    "holdout15",
    "holdout16",
    "probe13",
    "holdout17",
    "holdout18",
    "holdout19",
    "holdout20",
    "holdout21",
    "holdout22",
    "holdout23",
    "holdout24",
    "intent",
)

INTENTS = ("safety", "points", "dose", "coverage", "guideline")
BOTTOM_TITLES = ("Bottom line", "The short answer")


def bottom_line_answers(answer: Answer, intent: str, base: EvidenceBase) -> tuple[bool, str]:
    """Whether the bottom line answers ``intent``, read from the answer's structure (probe F14).

    The bottom line is the section titled as such; it must show no masked figure ("…") and no
    circulating claim. The records it states (``understanding["bottom_line"]["records"]``) count
    only when the bottom line cites their source, and must be of the intent's kind: a safety
    finding (tagged ``safety``) or, for a described patient, the screen's own decision stated
    (``bottom_line.screen`` equal to ``screen.decision``; an emergency referral, whose answer is
    the referral alone, passes); a trial protocol with points (points) or with a schedule or
    session count (dose); a coverage-policy record (coverage); a guideline record (guideline).
    """
    screen = answer.screen or {}
    emergency = screen.get("decision") == "refer" and screen.get("urgency") == "emergency"
    if intent == "safety" and emergency:
        return True, ""
    section = next((s for s in answer.sections if s.title in BOTTOM_TITLES), None)
    if section is None:
        return False, "no bottom line"
    if "…" in section.text or "irculating claim" in section.text:
        return False, "masked figure or circulating claim in the bottom line"
    meta = answer.understanding.get("bottom_line") or {}
    by_key = index_for(base).by_key
    # an answer that does not say which records its bottom line states (main before wave 5)
    # is read through every record it used from the sources the bottom line cites
    keys = meta.get("records") or [f"{u.kind}:{u.id}" for u in answer.records_used]
    docs = [
        by_key[k] for k in keys if k in by_key and set(by_key[k].sources) & set(section.citations)
    ]
    ok = False
    if intent == "safety":
        ok = bool(screen) and meta.get("screen") == screen.get("decision")
        ok = ok or any(d.kind == "finding" and "safety" in d.tags for d in docs)
    elif intent == "points":
        ok = any(d.kind == "protocol" and d.record.get("points") for d in docs)
    elif intent == "dose":
        ok = any(
            d.kind == "protocol"
            and (d.record.get("schedule") or d.record.get("sessions") or d.record.get("weeks"))
            for d in docs
        )
    elif intent == "coverage":
        ok = any(d.kind == "recommendation" and "coverage" in d.tags for d in docs)
    elif intent == "guideline":
        ok = any(d.kind == "recommendation" and "guideline" in d.tags for d in docs)
    return ok, "" if ok else f"bottom line states no {intent} record: {section.text[:100]}"


def run_intent(base: EvidenceBase, questions: list[dict[str, Any]]) -> dict[str, Any]:
    """Score ``questions_intent.yaml``: each question in both voices; see
    :func:`bottom_line_answers`. Also answered fully, verified, citation precision."""
    passed = {i: [0, 0] for i in INTENTS}
    misses: list[str] = []
    fully = verified = total = checked = ok_lines = 0
    for q in questions:
        for audience in ("clinician", "patient"):
            answer = ask(q["question"], base=base, audience=audience)
            total += 1
            fully += answer.answered_fully
            verified += answer.verified
            good, why = bottom_line_answers(answer, q["intent"], base)
            passed[q["intent"]][0] += good
            passed[q["intent"]][1] += 1
            if not good:
                misses.append(f"{q['id']} ({audience}): {why}")
            if audience == "clinician":
                n, ok, failures = citation_lines(evidence_lines(answer), base)
                checked += n
                ok_lines += ok
                misses += [f"{q['id']}: citation {f}" for f in failures]
    hits = sum(v[0] for v in passed.values())
    return {
        "answers": total,
        "intent_answered": hits / total if total else 1.0,
        "by_intent": {k: f"{v[0]}/{v[1]}" for k, v in passed.items()},
        "answered_fully": fully / total if total else 1.0,
        "verified": verified,
        "citation_precision": ok_lines / checked if checked else 1.0,
        "cited_lines": checked,
        "misses": misses,
    }


def report_intent(r: dict[str, Any]) -> None:
    print("== intent")
    print(f"bottom line answers the intent {r['intent_answered']:.1%} of {r['answers']} answers")
    print("  by intent: " + ", ".join(f"{k} {v}" for k, v in r["by_intent"].items()))
    print(f"answered fully      {r['answered_fully']:.1%}; verified {r['verified']}")
    print(f"citation precision  {r['citation_precision']:.1%} ({r['cited_lines']} lines)")
    for miss in r["misses"]:
        print("  miss:", miss)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=20000, help="findings in the scaled base")
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    parser.add_argument(
        "--part",
        choices=("all", "questions", *ALL_PARTS),
        default="all",
        help="question file(s) to score (issue-10 parts: " + ", ".join(ALL_PARTS) + ")",
    )
    parser.add_argument(
        "--file", type=Path, help="score this question file (a part's format) instead of a part"
    )
    args = parser.parse_args(argv)
    if args.file:
        from patient_bench import load as load_part
        from patient_bench import report, run_part

        scored_file = run_part(bundled_base(), load_part(args.file), citation_lines)
        report(args.file.stem, scored_file)
        if args.json:
            args.json.write_text(json.dumps(scored_file, indent=2), encoding="utf-8")
        return 0
    if args.part in (*ALL_PARTS, "all"):
        from patient_bench import load as load_part
        from patient_bench import report, run_part

        parts = ALL_PARTS if args.part == "all" else (args.part,)
        scored = {}
        for name in parts:
            if name == "intent":
                scored[name] = run_intent(bundled_base(), load_part(HERE / "questions_intent.yaml"))
                report_intent(scored[name])
                continue
            scored[name] = run_part(
                bundled_base(), load_part(HERE / f"questions_{name}.yaml"), citation_lines
            )
            report(name, scored[name])
        if args.part != "all":
            if args.json:
                args.json.write_text(json.dumps(scored, indent=2), encoding="utf-8")
            return 0
    questions = load_questions()
    base = bundled_base()
    results: dict[str, Any] = {
        "machine": {
            "python": sys.version.split()[0],
            "platform": platform.platform(),
            "processor": platform.processor() or platform.machine(),
        },
        "shipped": run_quality(base, questions),
    }
    _ = evidence_of  # the verifier's collector is what check_text uses
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        big = scaled_base(args.scale, Path(tmp))
        load_s = time.perf_counter() - t0
        results["scaled"] = run_latency(big, questions) | {"load_s": load_s}
    shipped, scaled = results["shipped"], results["scaled"]
    print(f"questions {shipped['questions']}, facts {shipped['facts']}")
    print(f"fact recall         {shipped['fact_recall']:.1%}")
    print(f"source recall       {shipped['source_recall']:.1%}")
    print(
        f"citation precision  {shipped['citation_precision']:.1%} ({shipped['cited_lines']} lines)"
    )
    print(f"abstention accuracy {shipped['abstention_accuracy']:.1%}")
    print(
        f"fabricated figures  {shipped['fabricated_figures']}; withheld answers "
        f"{shipped['withheld_answers']}"
    )
    print(
        f"patient grade       mean {shipped['patient_grade_mean']:.1f}, max "
        f"{shipped['patient_grade_max']:.1f}, <=8: {shipped['patient_share_grade_8_or_lower']:.0%}"
        f" (ARI {shipped['patient_ari_mean']:.1f}, Coleman-Liau "
        f"{shipped['patient_coleman_liau_mean']:.1f})"
    )
    print(
        f"latency (shipped, {len(base.findings)} findings): p50 "
        f"{shipped['latency_ms_p50']:.1f} ms, p95 {shipped['latency_ms_p95']:.1f} ms; patient "
        f"p50 {shipped['patient_latency_ms_p50']:.1f} ms, p95 "
        f"{shipped['patient_latency_ms_p95']:.1f} ms"
    )
    print(
        f"latency (scaled, {scaled['findings']} findings): p50 {scaled['latency_ms_p50']:.1f} ms,"
        f" p95 {scaled['latency_ms_p95']:.1f} ms; load {scaled['load_s']:.1f} s, index "
        f"{scaled['index_build_s']:.1f} s; withheld {scaled['withheld_answers']}"
    )
    for miss in shipped["misses"]:
        print("  miss:", miss)
    for failure in shipped["citation_failures"]:
        print("  citation:", failure)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
