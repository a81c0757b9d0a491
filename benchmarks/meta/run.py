"""Speed and agreement of acupath's meta-analysis engine against metafor and statsmodels.

Run from the repository root (needs Rscript with metafor, and statsmodels)::

    .venv/bin/python benchmarks/meta/run.py            # the full run reported in README.md
    .venv/bin/python benchmarks/meta/run.py --quick    # a smaller smoke run

In one run, on the same simulated data:

(a) one REML fit of k = 30 studies, per fit: ``acupath.meta.pool`` (which also computes the
    Q-profile tau² interval and the prediction interval), metafor's ``rma`` (timed inside R)
    and statsmodels' ``combine_effects`` (Paule–Mandel: it has no REML);
(b) 10,000 meta-analyses of k = 5..50: ``acupath.meta.pool_many`` (REML) against a loop of
    ``rma`` in R and a loop of ``combine_effects`` in Python.

Timings are medians over repeats. Agreement is the largest absolute difference over all
meta-analyses. Results go to ``benchmarks/meta/results.json`` and a table on stdout.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import shutil
import statistics
import subprocess
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any

import numpy as np
import scipy

from acupath.meta import pool, pool_many

HERE = Path(__file__).resolve().parent


def simulate(n: int, seed: int = 2026) -> tuple[tuple[np.ndarray, np.ndarray], list[Any]]:
    """Meta-analyses drawn from the random-effects model: v ~ U(0.005, 0.25),
    tau² ~ U(0, 0.15), mu ~ N(0.3, 0.2²), y ~ N(mu, v + tau²); k ~ U{5..50}."""
    rng = np.random.default_rng(seed)

    def one(k: int) -> tuple[np.ndarray, np.ndarray]:
        v = rng.uniform(0.005, 0.25, k)
        mu = rng.normal(0.3, 0.2)
        y = rng.normal(mu, np.sqrt(v + rng.uniform(0.0, 0.15)))
        return y, v

    return one(30), [one(int(k)) for k in rng.integers(5, 51, n)]


def machine() -> dict[str, Any]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import statsmodels

    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "python": platform.python_version(),
        "numpy": np.__version__,
        "scipy": scipy.__version__,
        "statsmodels": statsmodels.__version__,
    }


def median_time(fn: Any, repeats: int, loops: int = 1) -> float:
    fn()  # warm-up
    runs = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        for _ in range(loops):
            fn()
        runs.append((time.perf_counter() - t0) / loops)
    return statistics.median(runs)


def write_inputs(folder: Path, single: tuple[np.ndarray, np.ndarray], many: list[Any]) -> None:
    with (folder / "single.csv").open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["yi", "vi"])
        w.writerows(zip(map(repr, single[0].tolist()), map(repr, single[1].tolist()), strict=True))
    with (folder / "many.csv").open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["analysis", "yi", "vi"])
        for i, (y, v) in enumerate(many):
            for a, b in zip(y.tolist(), v.tolist(), strict=True):
                w.writerow([i, repr(a), repr(b)])


def run_metafor(folder: Path, repeats: int, single_loops: int) -> dict[str, Any]:
    rscript = shutil.which("Rscript")
    if rscript is None:
        raise SystemExit("Rscript not found: install r-base-core and r-cran-metafor")
    done = subprocess.run(
        [rscript, str(HERE / "metafor_bench.R"), str(folder), str(repeats), str(single_loops)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    timings: dict[str, list[float]] = {}
    with (folder / "metafor_timings.csv").open() as fh:
        for row in csv.DictReader(fh):
            timings.setdefault(row["task"], []).append(float(row["seconds"]))
    with (folder / "metafor_many.csv").open() as fh:
        rows = list(csv.DictReader(fh))
    cols = {k: np.array([float(r[k]) for r in rows]) for k in rows[0]}
    return {
        "version": done.stdout.strip(),
        "single": statistics.median(timings["single_per_fit"]),
        "many": statistics.median(timings["many_total"]),
        "results": cols,
    }


def run_statsmodels(single: Any, many: list[Any], repeats: int, loops: int) -> dict[str, Any]:
    from statsmodels.stats.meta_analysis import combine_effects

    def fit(y: np.ndarray, v: np.ndarray) -> Any:
        return combine_effects(y, v, method_re="iterated")

    t_single = median_time(lambda: fit(*single), repeats, loops)
    results: list[Any] = []

    def loop() -> None:
        results.clear()
        results.extend(fit(y, v) for y, v in many)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t_many = median_time(loop, max(1, repeats // 2))
    return {
        "single": t_single,
        "many": t_many,
        "estimate": np.array([r.mean_effect_re for r in results]),
        "tau2": np.array([r.tau2 for r in results]),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="meta-analyses in (b)")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="1,000 analyses, 3 repeats")
    parser.add_argument("--out", type=Path, default=HERE / "results.json")
    args = parser.parse_args()
    n, repeats = (1000, 3) if args.quick else (args.n, args.repeats)
    single, many = simulate(n)

    # (a) one REML fit, k = 30
    t_pool = median_time(lambda: pool(*single, "REML"), repeats, loops=500)
    # (b) n meta-analyses
    t_many = median_time(lambda: pool_many(many, "REML", tau2_ci=False), repeats)
    t_many_ci = median_time(lambda: pool_many(many, "REML"), max(1, repeats // 2))
    ours = pool_many(many, "REML", tau2_ci=False)
    ours_pm = pool_many(many, "PM", tau2_ci=False)

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_inputs(folder, single, many)
        mf = run_metafor(folder, repeats=max(3, repeats // 2) if not args.quick else 2,
                         single_loops=200)  # fmt: skip
    sm = run_statsmodels(single, many, repeats, loops=200)

    ref = mf["results"]
    agree = {
        key: float(np.max(np.abs(getattr(ours, key) - ref[key])))
        for key in ("estimate", "se", "tau2", "ci_lower", "ci_upper", "i2", "q")
    }
    rel_est = float(np.max(np.abs(ours.estimate - ref["estimate"]) / np.abs(ref["estimate"])))
    report = {
        "machine": machine(),
        "metafor": mf["version"],
        "n_meta_analyses": n,
        "k_single": 30,
        "repeats": repeats,
        "a_one_fit_seconds": {
            "acupath_pool": t_pool,
            "metafor_rma": mf["single"],
            "statsmodels_combine_effects_pm": sm["single"],
        },
        "b_many_seconds": {
            "acupath_pool_many": t_many,
            "acupath_pool_many_with_tau2_ci": t_many_ci,
            "metafor_rma_loop": mf["many"],
            "statsmodels_combine_effects_loop": sm["many"],
        },
        "ratios": {
            "a_metafor_over_acupath": mf["single"] / t_pool,
            "a_statsmodels_over_acupath": sm["single"] / t_pool,
            "b_metafor_over_acupath": mf["many"] / t_many,
            "b_metafor_over_acupath_with_tau2_ci": mf["many"] / t_many_ci,
            "b_statsmodels_over_acupath": sm["many"] / t_many,
        },
        "agreement_with_metafor_max_abs_diff": agree,
        "agreement_with_metafor_max_rel_diff_estimate": rel_est,
        "metafor_fits_needing_half_steps": int(ref["retried"].sum()),
        "acupath_fits_needing_half_steps": int(ours.retried.sum()),
        "agreement_pm_with_statsmodels_max_abs_diff": {
            "estimate": float(np.max(np.abs(ours_pm.estimate - sm["estimate"]))),
            "tau2": float(np.max(np.abs(ours_pm.tau2 - sm["tau2"]))),
        },
        "all_converged": bool(ours.converged.all()),
    }
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    a, b, r = report["a_one_fit_seconds"], report["b_many_seconds"], report["ratios"]
    print(f"machine: {report['machine']}; {report['metafor']}")
    print(f"(a) one REML fit, k=30: acupath {a['acupath_pool'] * 1e3:.3f} ms, "
          f"metafor {a['metafor_rma'] * 1e3:.3f} ms, statsmodels (PM) "
          f"{a['statsmodels_combine_effects_pm'] * 1e3:.3f} ms")  # fmt: skip
    print(f"(b) {n} meta-analyses: acupath {b['acupath_pool_many']:.3f} s "
          f"({b['acupath_pool_many_with_tau2_ci']:.3f} s with tau2 CI), "
          f"metafor loop {b['metafor_rma_loop']:.2f} s, statsmodels loop "
          f"{b['statsmodels_combine_effects_loop']:.2f} s")  # fmt: skip
    print(f"ratios: {json.dumps({k: round(v, 1) for k, v in r.items()})}")
    print(f"max |acupath - metafor|: {json.dumps(agree)}")


if __name__ == "__main__":
    main()
