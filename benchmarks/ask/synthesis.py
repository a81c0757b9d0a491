"""Benchmark of the synthesised answer (issue 14): bottom-line consistency, length, certainty.

    .venv/bin/python benchmarks/ask/synthesis.py [--json results.json]

Questions: ``synthesis_questions.yaml`` (many wordings per condition, a held-out third) and the
questions of ``questions.yaml``; each is asked for a clinician and for a patient.

Scores:

- **verdict consistency**: for every condition x comparator that any answer states, the share
  whose verdict (direction, basis, deciding record, size, clinical importance, dissenting trials)
  is identical in every answer that states it;
- **text contradictions**: single-condition bottom lines whose wording says the opposite of the
  verdict they carry ("did no better than sham" under a benefit verdict, or the reverse); must
  be 0;
- **pooled shown as specific**: evidence bullets from a finding pooled across conditions shown
  under a condition without the pooled label; must be 0;
- **length**: words of the brief answer before the references (clinician <= 400, patient <=
  250 wanted) and sentences of the bottom line (2 to 5 wanted);
- **certainty**: share of the efficacy statements of bottom lines (one per verdict stated) whose
  deciding record carries a certainty rating; and share of answers with unrated statements that
  say "not rated" exactly once;
- **verified**: answers whose every figure the verifier traced (must be all).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

from acupath.answer import Answer, ask
from acupath.answer.brief import word_count
from acupath.answer.synthesis import COMPARATOR_WORDS
from acupath.answer.synthesis_patient import PATIENT_COMPARATOR_WORDS
from acupath.evidence.loader import bundled_base

HERE = Path(__file__).resolve().parent
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)\]%])[.!?](?=\s+(?:\*\*|[A-Z])|\s*$)")
_MARKER = re.compile(r"\[\d+(?:,\s*\d+)*\]")
MARKERS = re.compile(r"\[(\d+(?:,\s*\d+)*)\]")


def load(name: str) -> list[dict[str, Any]]:
    with (HERE / name).open(encoding="utf-8") as fh:
        items: list[dict[str, Any]] = yaml.safe_load(fh)
    return items


def verdict_key(v: dict[str, Any]) -> str:
    """The comparable part of a verdict (JSON form, see ``Verdict.as_dict``)."""
    size = v["size"] or {}
    return json.dumps(
        [
            v["direction"],
            v["basis"],
            v["decider"],
            size.get("record"),
            size.get("estimate"),
            v["important"],
            v["dissenting_trials"],
        ]
    )


def brief_words(answer: Answer) -> int:
    text = answer.brief_markdown.split("\n## References")[0]
    return word_count(text)


def bottom_line(answer: Answer) -> str:
    first = answer.sections[0] if answer.sections else None
    return first.text if first is not None else ""


def sentences(text: str) -> int:
    """Sentences of a bottom line (markers and bullets removed)."""
    clean = _MARKER.sub("", text).replace("- ", " ")
    return len(_SENTENCE_END.findall(clean))


def contradiction(answer: Answer) -> list[str]:
    """Single-condition bottom lines whose words contradict the verdict they carry."""
    conditions = {v["condition"] for v in answer.verdicts}
    if len(conditions) != 1:
        return []
    text = bottom_line(answer).lower()
    out = []
    for v in answer.verdicts:
        if answer.audience == "clinician":
            comp = COMPARATOR_WORDS[v["comparator"]]
            yes = [m.group(1) for m in re.finditer(r"(?<!no )better than ([^.;(]*)", text)]
            no = [m.group(1) for m in re.finditer(r"did no better than ([^.;(]*)", text)]
        else:
            comp = PATIENT_COMPARATOR_WORDS[v["comparator"]]
            yes = [m.group(1) for m in re.finditer(r"helped more than ([^.;]*)", text)]
            no = [m.group(1) for m in re.finditer(r"not help more than ([^.;]*)", text)]
        said_yes = any(comp in y for y in yes)
        said_no = any(comp in n for n in no)
        if v["direction"] == "benefit" and said_no:
            out.append(f"{v['condition']} x {v['comparator']}: benefit, but says no better")
        if v["direction"] in ("no_difference", "worse") and said_yes:
            out.append(f"{v['condition']} x {v['comparator']}: no benefit, but says better")
        if v["direction"] == "benefit" and not said_yes:
            out.append(f"{v['condition']} x {v['comparator']}: benefit not stated")
    return out


def pooled_unlabelled(answer: Answer) -> int:
    """Evidence bullets showing a finding pooled across conditions without the pooled label.

    A bullet shows such a finding when it carries the finding's own summary (clinician wording)
    or when every finding of the references it cites is from another condition (both wordings).
    Lines explaining conflicting figures are not finding bullets and are skipped.
    """
    base = bundled_base()
    titles = ("Evidence by condition", "What the studies found")
    sec = next((s for s in answer.sections if s.title in titles), None)
    if sec is None:
        return 0
    label = "pooled across conditions" if answer.audience == "clinician" else "mixed several kinds"
    names = {c.name: c.id for c in base.conditions.values()}
    refs = {r.number: r for r in answer.references}
    bad = 0
    current: str | None = None
    for line in sec.text.splitlines():
        if line.startswith("### "):
            current = names.get(line[4:].strip())
            continue
        if not line.startswith("- ") or current is None or label in line:
            continue
        if "figures differ" in line or "results here differ" in line:
            continue
        numbers = [int(n) for m in MARKERS.findall(line) for n in m.split(",")]
        findings = [
            base.findings[u.id]
            for n in numbers
            if n in refs
            for u in refs[n].records
            if u.kind == "finding" and u.id in base.findings
        ]
        shown = [f for f in findings if f.summary in line]
        other = [f for f in (shown or findings) if f.condition != current]
        if other and (shown or len(other) == len(findings)):
            bad += 1
    return bad


def run(held_out_only: bool | None = None) -> dict[str, Any]:
    own = load("synthesis_questions.yaml")
    shared = load("questions.yaml")
    rows: list[dict[str, Any]] = []
    for q in own + [{"id": s["id"], "question": s["question"], "shared": True} for s in shared]:
        for audience in ("clinician", "patient"):
            a = ask(q["question"], audience=audience)
            rows.append(
                {
                    "id": q["id"],
                    "held_out": bool(q.get("held_out")),
                    "shared": bool(q.get("shared")),
                    "audience": audience,
                    "answer": a,
                }
            )
    return score(rows)


def score(rows: list[dict[str, Any]]) -> dict[str, Any]:
    by_pair: dict[tuple[str, str], set[str]] = defaultdict(set)
    questions_by_pair: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in rows:
        for v in r["answer"].verdicts:
            pair = (v["condition"], v["comparator"])
            by_pair[pair].add(verdict_key(v))
            questions_by_pair[pair].add(r["id"])
    consistent = sum(1 for keys in by_pair.values() if len(keys) == 1)
    contradictions = [c for r in rows for c in contradiction(r["answer"])]
    pooled_bad = sum(pooled_unlabelled(r["answer"]) for r in rows)

    def lengths(audience: str, part: str) -> dict[str, Any]:
        sel = [
            r
            for r in rows
            if r["audience"] == audience
            and not r["answer"].out_of_scope
            and (
                part == "all"
                or (part == "held_out" and r["held_out"])
                or (part == "tuned" and not r["held_out"] and not r["shared"])
                or (part == "shared" and r["shared"])
            )
        ]
        words = [brief_words(r["answer"]) for r in sel]
        limit = 400 if audience == "clinician" else 250
        with_bl = [r for r in sel if r["answer"].verdicts]
        counts = [sentences(bottom_line(r["answer"])) for r in with_bl]
        return {
            "answers": len(sel),
            "brief_words_p50": statistics.median(words) if words else 0,
            "brief_words_max": max(words) if words else 0,
            "within_budget": sum(1 for w in words if w <= limit) / len(words) if words else 1.0,
            "bottom_lines_with_verdicts": len(with_bl),
            "bottom_line_sentences_2_to_5": (
                sum(1 for n in counts if 2 <= n <= 5) / len(counts) if counts else 1.0
            ),
            "bottom_line_sentences_max": max(counts) if counts else 0,
        }

    statements = [v for r in rows for v in r["answer"].verdicts]
    rated = sum(1 for v in statements if v["rated"])
    unrated_answers = [r for r in rows if any(not v["rated"] for v in r["answer"].verdicts)]
    once = sum(
        1
        for r in unrated_answers
        if (
            bottom_line(r["answer"]).count("not rated") == 1
            if r["audience"] == "clinician"
            else bottom_line(r["answer"]).count("not been rated") == 1
        )
    )
    return {
        "answers": len(rows),
        "verified": sum(1 for r in rows if r["answer"].verified),
        "pairs": len(by_pair),
        "pairs_consistent": consistent,
        "pairs_stated_by_2_or_more_questions": sum(
            1 for p in by_pair if len(questions_by_pair[p]) > 1
        ),
        "text_contradictions": contradictions,
        "pooled_shown_as_specific": pooled_bad,
        "length": {
            aud: {part: lengths(aud, part) for part in ("tuned", "held_out", "shared", "all")}
            for aud in ("clinician", "patient")
        },
        "efficacy_statements": len(statements),
        "statements_with_certainty_rating": rated,
        "share_rated": rated / len(statements) if statements else 0.0,
        "answers_with_unrated_statements": len(unrated_answers),
        "say_not_rated_once": once,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="write the results here as JSON")
    args = parser.parse_args()
    result = run()
    text = json.dumps(result, indent=2, default=str)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    ok = (
        result["pairs_consistent"] == result["pairs"]
        and not result["text_contradictions"]
        and result["pooled_shown_as_specific"] == 0
        and result["verified"] == result["answers"]
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
