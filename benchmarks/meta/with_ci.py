"""10,000 REML meta-analyses *with* the Q-profile interval for tau²: acupath against metafor.

Run from the repository root (needs Rscript with metafor)::

    .venv/bin/python benchmarks/meta/with_ci.py                  # metafor rma() + confint()
    .venv/bin/python benchmarks/meta/with_ci.py --plain-metafor  # metafor rma() alone

The data are those of ``run.py`` (seed 2026, k = 5..50). acupath: ``pool_many(data, "REML")``,
which includes the tau² interval. metafor: a loop of ``rma(method = "REML")`` and (unless
``--plain-metafor``, the issue's baseline) ``confint()`` with the exact-root tolerance the
golden files use, over the first ``--metafor-n`` analyses, timed inside R and scaled linearly
to all analyses (each analysis is fitted on its own, so the loop's time is proportional to
their number).

The machine may be shared, so the two programs are timed in **interleaved rounds**: each round
times acupath (the median of ``--repeats`` calls) and then the metafor loop once, and
records the load average; the ratio of each round is metafor (scaled) over acupath, and the
reported figures are medians over the rounds. CPU seconds (user + system, of the Python process
and of R's loop) are recorded beside elapsed seconds: on a loaded machine their ratio depends
less on how the scheduler shared the cores. Agreement: the largest absolute difference of
every field over the analyses both programs fitted (from the last round). Results go to
``with_ci.json`` or ``with_ci_plain_metafor.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import machine, simulate, write_inputs  # noqa: E402

from acupath.meta import pool_many  # noqa: E402

FIELDS = ["estimate", "se", "ci_lower", "ci_upper", "tau2", "i2", "q"]


def time_acupath(many: list[Any], repeats: int) -> tuple[float, float, Any]:
    """Median elapsed and median CPU seconds of ``repeats`` calls, and the last result."""
    times, cpus = [], []
    ours = None
    for _ in range(repeats):
        start, cpu = time.perf_counter(), time.process_time()
        ours = pool_many(many, "REML")
        times.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return statistics.median(times), statistics.median(cpus), ours


def run_metafor(folder: Path, n: int, plain: bool) -> tuple[float, float, dict[str, np.ndarray]]:
    out = subprocess.run(
        ["Rscript", str(HERE / "with_ci.R"), str(folder), str(n), "plain" if plain else "ci"],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    elapsed, cpu = map(float, out.stdout.strip().splitlines()[-1].split())
    rows = (folder / "metafor_ci.csv").read_text().splitlines()

    def number(cell: str) -> float:
        return float("nan") if cell.strip() == "NA" else float(cell)

    cols = list(zip(*(map(number, r.split(",")) for r in rows[1:]), strict=True))
    ref = {name: np.array(col) for name, col in zip(rows[0].split(","), cols, strict=True)}
    return elapsed, cpu, ref


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument(
        "--metafor-n",
        type=int,
        default=None,
        help="analyses metafor fits (default 1,000 plain, 200 with confint)",
    )
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--repeats", type=int, default=3, help="acupath calls per round")
    parser.add_argument(
        "--plain-metafor",
        action="store_true",
        help="time metafor's rma() alone (no confint), the issue's baseline",
    )
    args = parser.parse_args()
    plain = args.plain_metafor
    m = args.metafor_n or (1000 if plain else 200)
    single, many = simulate(args.n)
    pool_many(many[:200], "REML")  # warm-up (imports, caches)
    rounds = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_inputs(folder, single, many)
        for _ in range(args.rounds):
            t_ours, cpu_ours, ours = time_acupath(many, args.repeats)
            load_ours = os.getloadavg()[0]
            t_subset, cpu_subset, ref = run_metafor(folder, m, plain)
            load_r = os.getloadavg()[0]
            t_metafor = t_subset * args.n / m
            cpu_metafor = cpu_subset * args.n / m
            rounds.append({
                "acupath_seconds": t_ours,
                "metafor_seconds_subset": t_subset,
                "metafor_seconds_scaled": t_metafor,
                "ratio": t_metafor / t_ours,
                "acupath_cpu_seconds": cpu_ours,
                "metafor_cpu_seconds_scaled": cpu_metafor,
                "cpu_ratio": cpu_metafor / cpu_ours,
                "load_average_1min": [load_ours, load_r],
            })  # fmt: skip
    keys = FIELDS + ([] if plain else ["tau2_ci_lower", "tau2_ci_upper"])
    agree = {key: float(np.max(np.abs(getattr(ours, key)[:m] - ref[key]))) for key in keys}
    doc = {
        "machine": machine(),
        "n": args.n,
        "metafor_n": m,
        "metafor_confint": not plain,
        "rounds": rounds,
        "acupath_seconds_median": statistics.median(r["acupath_seconds"] for r in rounds),
        "metafor_seconds_scaled_median": statistics.median(
            r["metafor_seconds_scaled"] for r in rounds
        ),
        "ratio_median": statistics.median(r["ratio"] for r in rounds),
        "acupath_cpu_seconds_median": statistics.median(r["acupath_cpu_seconds"] for r in rounds),
        "metafor_cpu_seconds_scaled_median": statistics.median(
            r["metafor_cpu_seconds_scaled"] for r in rounds
        ),
        "cpu_ratio_median": statistics.median(r["cpu_ratio"] for r in rounds),
        "max_abs_difference": agree,
    }
    name = "with_ci_plain_metafor.json" if plain else "with_ci.json"
    (HERE / name).write_text(json.dumps(doc, indent=2) + "\n")
    print(json.dumps(doc, indent=2))


if __name__ == "__main__":
    main()
