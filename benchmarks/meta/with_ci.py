"""10,000 REML meta-analyses *with* the Q-profile interval for tau²: acupath against metafor.

Run from the repository root (needs Rscript with metafor)::

    .venv/bin/python benchmarks/meta/with_ci.py               # 10,000 analyses, metafor on 1,000
    .venv/bin/python benchmarks/meta/with_ci.py --metafor-n 10000

The data are those of ``run.py`` (seed 2026, k = 5..50). acupath: ``pool_many(data, "REML")``,
which includes the tau² interval, median of ``--repeats`` runs. metafor: a loop of
``rma(method = "REML")`` and ``confint()`` (with the exact-root tolerance the golden files use)
over the first ``--metafor-n`` analyses, timed inside R and scaled linearly to all analyses
(each analysis is fitted on its own, so the loop's time is proportional to their number; the
default subset keeps the run short on a shared machine). Agreement: the largest differences
over the analyses both programs fitted. Results go to ``with_ci.json``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import machine, simulate, write_inputs  # noqa: E402

from acupath.meta import pool_many  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--metafor-n", type=int, default=1_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument(
        "--plain-metafor",
        action="store_true",
        help="time metafor's rma() alone (no confint), the issue's 101x baseline",
    )
    args = parser.parse_args()
    single, many = simulate(args.n)
    times = []
    for _ in range(args.repeats):
        start = time.perf_counter()
        ours = pool_many(many, "REML")
        times.append(time.perf_counter() - start)
    t_ours = statistics.median(times)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_inputs(folder, single, many)
        out = subprocess.run(
            ["Rscript", str(HERE / "with_ci.R"), str(folder), str(args.metafor_n),
             "plain" if args.plain_metafor else "ci"],
            check=True, capture_output=True, text=True,
        )  # fmt: skip
        t_subset = float(out.stdout.strip().splitlines()[-1])
        rows = (folder / "metafor_ci.csv").read_text().splitlines()

    def number(cell: str) -> float:
        return float("nan") if cell.strip() == "NA" else float(cell)

    cols = list(zip(*(map(number, r.split(",")) for r in rows[1:]), strict=True))
    ref = {name: np.array(col) for name, col in zip(rows[0].split(","), cols, strict=True)}
    m = args.metafor_n
    keys = ["estimate", "tau2"] + ([] if args.plain_metafor else ["tau2_ci_lower", "tau2_ci_upper"])
    agree = {key: float(np.max(np.abs(getattr(ours, key)[:m] - ref[key]))) for key in keys}
    t_metafor = t_subset * args.n / m
    doc = {
        "machine": machine(),
        "n": args.n,
        "metafor_n": m,
        "acupath_seconds_median": t_ours,
        "acupath_seconds_all": times,
        "metafor_seconds_subset": t_subset,
        "metafor_seconds_scaled": t_metafor,
        "ratio": t_metafor / t_ours,
        "max_abs_difference": agree,
    }
    doc["metafor_confint"] = not args.plain_metafor
    name = "with_ci_plain_metafor.json" if args.plain_metafor else "with_ci.json"
    (HERE / name).write_text(json.dumps(doc, indent=2) + "\n")
    print(json.dumps(doc, indent=2))


if __name__ == "__main__":
    main()
