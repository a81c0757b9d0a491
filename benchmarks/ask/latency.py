"""In-process latency of ``ask()`` on the patient questions, side by side with another checkout.

    .venv/bin/python benchmarks/ask/latency.py --peer /tmp/main [--rounds 3]

Each round runs two fresh processes one after the other, alternating which goes first: one
imports acupath from this checkout, one from ``--peer`` (an export of the branch to compare
with, such as ``git archive main``). Each process builds the index, warms up with one question,
then times one ``ask()`` per question and audience (clinician and patient) over the three
issue-10 parts (questions_patient, questions_holdout, questions_holdout2). Reported: p50 and
p95 per checkout per round, their medians over the rounds, the ratio this/peer, and the
1-minute load average before each process (the machine is shared, so absolute times vary).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PARTS = (
    "questions_patient.yaml",
    "questions_holdout.yaml",
    "questions_holdout2.yaml",
    "questions_holdout3.yaml",
    "questions_holdout4.yaml",
    "questions_holdout5.yaml",
    "questions_holdout6.yaml",
    "questions_probe6.yaml",
    "questions_holdout7.yaml",
    "questions_probe7.yaml",
    "questions_probe8.yaml",
    "questions_holdout8.yaml",
)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def child() -> None:
    """Time the questions in this process and print one JSON document."""
    import yaml

    from acupath.answer import ask

    questions: list[str] = []
    for name in PARTS:
        with (HERE / name).open(encoding="utf-8") as fh:
            questions += [q["question"] for q in yaml.safe_load(fh)]
    ask("warm-up: is acupuncture safe with warfarin?")
    ask("warm-up: is acupuncture safe with warfarin?", audience="patient")
    times: dict[str, list[float]] = {"clinician": [], "patient": []}
    slow: list[tuple[float, str, str]] = []
    for q in questions:
        for audience in ("clinician", "patient"):
            t0 = time.perf_counter()
            ask(q, audience=audience)
            dt = (time.perf_counter() - t0) * 1000
            times[audience].append(dt)
            slow.append((dt, audience, q))
    slow.sort(reverse=True)
    print(json.dumps({"times": times, "slowest": slow[:5]}))


def run(root: Path) -> dict[str, object]:
    env = dict(os.environ, PYTHONPATH=str(root))
    load = os.getloadavg()[0]
    out = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--child"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=root,
    )
    data: dict[str, object] = json.loads(out.stdout)
    data["load"] = load
    return data


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--peer", type=Path, help="checkout to compare with")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    args = parser.parse_args()
    if args.child:
        child()
        return 0
    this = HERE.parent.parent
    roots = {"this": this} | ({"peer": args.peer.resolve()} if args.peer else {})
    results: dict[str, list[dict[str, float]]] = {name: [] for name in roots}
    for r in range(args.rounds):
        order = list(roots) if r % 2 == 0 else list(reversed(roots))
        for name in order:
            data = run(roots[name])
            times = data["times"]
            assert isinstance(times, dict)
            row = {"load": float(data["load"])}  # type: ignore[arg-type]
            for audience, values in times.items():
                row[f"{audience}_p50"] = percentile(values, 50)
                row[f"{audience}_p95"] = percentile(values, 95)
            row["n"] = len(times["clinician"])
            results[name].append(row)
            print(
                f"round {r + 1} {name:4s} load {row['load']:.1f}: clinician p50 "
                f"{row['clinician_p50']:.1f} p95 {row['clinician_p95']:.1f} ms; patient p50 "
                f"{row['patient_p50']:.1f} p95 {row['patient_p95']:.1f} ms ({row['n']} questions)"
            )
            print("   slowest:", data["slowest"][:3])  # type: ignore[index]
    summary: dict[str, dict[str, float]] = {}
    for name, rows in results.items():
        summary[name] = {
            key: statistics.median(row[key] for row in rows)
            for key in ("clinician_p50", "clinician_p95", "patient_p50", "patient_p95", "load")
        }
        s = summary[name]
        print(
            f"median {name}: clinician p50 {s['clinician_p50']:.1f} p95 {s['clinician_p95']:.1f}"
            f" ms; patient p50 {s['patient_p50']:.1f} p95 {s['patient_p95']:.1f} ms; load "
            f"{s['load']:.1f}"
        )
    if "peer" in summary:
        ratios = {
            k: summary["this"][k] / summary["peer"][k] for k in summary["this"] if k != "load"
        }
        print("ratio this/peer: " + ", ".join(f"{k} {v:.2f}" for k, v in ratios.items()))
    if args.json:
        args.json.write_text(json.dumps({"rounds": results, "median": summary}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
