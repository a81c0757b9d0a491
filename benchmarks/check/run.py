"""Claim-audit benchmark: verdict accuracy, deciding-record accuracy and a confusion matrix.

    PYTHONPATH=$PWD .venv/bin/python benchmarks/check/run.py [--part tuning|holdout|both] [--show]

Each item of ``claims.yaml`` (tuning) and ``claims_holdout.yaml`` (held out, never tuned on) is
a text with one expected claim, or a passage with a list of expected claims in text order. The
audit must find the claims (a missing claim counts as wrong, with status ``missed``) and give
each the expected verdict; the deciding record is right when it is one of the item's records
(items with no record expect none). No contradicted claim may be marked supported.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from acupath.answer.audit import check
from acupath.answer.claim_judge import STATUSES
from acupath.evidence.loader import bundled_base

HERE = Path(__file__).parent
PARTS = {"tuning": HERE / "claims.yaml", "holdout": HERE / "claims_holdout.yaml"}


def cases(path: Path) -> list[dict[str, Any]]:
    """The benchmark items of one file, each with its list of expected claims."""
    out = []
    for item in yaml.safe_load(path.read_text(encoding="utf-8")):
        expected = item.get("claims") or [
            {"verdict": item["verdict"], "record": item.get("record", [])}
        ]
        out.append({"text": item["text"], "style": item.get("style"), "expected": expected})
    return out


def run(path: Path) -> dict[str, Any]:
    """Score one part: rows of (text, expected, got, record ok) and the totals."""
    base = bundled_base()
    rows = []
    for case in cases(path):
        audit = check(case["text"], base=base)
        got = list(audit.claims)
        for n, exp in enumerate(case["expected"]):
            claim = got[n] if n < len(got) else None
            status = claim.status if claim else "missed"
            records = set(exp.get("record") or [])
            ids = [e["id"] for e in claim.evidence] if claim else []
            if claim and claim.matched_claim:
                ids.append(claim.matched_claim)
            record_ok = (not records) or bool(
                records & set(ids[:3] + ([claim.deciding] if claim and claim.deciding else []))
            )
            rows.append(
                {
                    "text": case["text"]
                    if len(case["expected"]) == 1
                    else f"{case['text']} [#{n + 1}]",
                    "expected": exp["verdict"],
                    "got": status,
                    "record_ok": record_ok,
                    "deciding": claim.deciding if claim else None,
                    "note": claim.note if claim else "",
                }
            )
        extra = len(got) - len(case["expected"])
        if extra > 0:
            rows[-1]["extra_claims"] = extra
    correct = sum(r["expected"] == r["got"] for r in rows)
    both = sum(r["expected"] == r["got"] and r["record_ok"] for r in rows)
    confusion = Counter((r["expected"], r["got"]) for r in rows)
    return {
        "n": len(rows),
        "correct": correct,
        "accuracy": correct / len(rows),
        "with_record": both / len(rows),
        "contradicted_as_supported": confusion[("contradicted", "supported")],
        "confusion": confusion,
        "rows": rows,
    }


def matrix(confusion: Counter[tuple[str, str]]) -> str:
    """The confusion matrix as a Markdown table (rows expected, columns got)."""
    cols = [*STATUSES, "missed"]
    short = {
        "supported": "sup",
        "partly_supported": "part",
        "contradicted": "contra",
        "unsupported": "unsup",
        "unverified": "unver",
        "missed": "missed",
    }
    lines = ["| expected \\ got | " + " | ".join(short[c] for c in cols) + " |"]
    lines.append("|---" * (len(cols) + 1) + "|")
    for exp in STATUSES:
        lines.append(
            f"| {exp} | " + " | ".join(str(confusion.get((exp, c), 0)) for c in cols) + " |"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=["tuning", "holdout", "both"], default="both")
    parser.add_argument("--show", action="store_true", help="print every wrong row")
    args = parser.parse_args()
    parts = list(PARTS) if args.part == "both" else [args.part]
    for part in parts:
        result = run(PARTS[part])
        print(
            f"{part}: {result['correct']}/{result['n']} verdicts right "
            f"({result['accuracy']:.1%}); verdict and deciding record right "
            f"{result['with_record']:.1%}; "
            f"contradicted marked supported: {result['contradicted_as_supported']}"
        )
        print(matrix(result["confusion"]))
        if args.show:
            for r in result["rows"]:
                if r["expected"] != r["got"] or not r["record_ok"]:
                    flag = "" if r["record_ok"] else ", record"
                    print(f"  [{r['expected']} -> {r['got']}{flag}] {r['text']}")
                    print(f"      {r['deciding']}: {r['note']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
