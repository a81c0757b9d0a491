"""Start-up time of the ``acupath`` command line against a bare Python start.

Run from the repository root::

    .venv/bin/python benchmarks/startup/run.py            # 15 runs of each (the README run)
    .venv/bin/python benchmarks/startup/run.py --runs 5   # quicker

Each command runs in a fresh interpreter (``python -m acupath ...`` with this checkout on
``PYTHONPATH``), its output discarded; the wall-clock time of the whole process is taken and
the median over the runs reported, next to the median of ``python -c pass`` measured in the
same loop (runs interleaved, so that load on the machine affects both alike). Ratios are
command / bare Python. A "cold" run is a fresh process; the operating system's file cache is
warm after the first run, as it is for a clinician who uses the command twice.

The issue's targets: ``--help`` within 8x, ``points BL23`` within 15x, ``ask`` within 25x.
Results go to ``benchmarks/startup/results.json`` and a table on stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

COMMANDS: dict[str, list[str]] = {
    "bare python (python -c pass)": ["-c", "pass"],
    "acupath --help": ["-m", "acupath", "--help"],
    "acupath points BL23": ["-m", "acupath", "points", "BL23"],
    "acupath ask (cold)": [
        "-m",
        "acupath",
        "ask",
        "What is the role of acupuncture in chronic low back pain?",
    ],
    "acupath meta --help": ["-m", "acupath", "meta", "--help"],
}
TARGETS = {"acupath --help": 8, "acupath points BL23": 15, "acupath ask (cold)": 25}


def machine() -> dict[str, str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load_average": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }


def time_once(args: list[str]) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        check=True, cwd=ROOT,
    )  # fmt: skip
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    for argv in COMMANDS.values():  # warm the file cache and the bytecode caches once
        time_once(argv)
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for _ in range(args.runs):
        for name, argv in COMMANDS.items():
            times[name].append(time_once(argv))
    bare = statistics.median(times["bare python (python -c pass)"])
    rows = []
    for name, values in times.items():
        med = statistics.median(values)
        rows.append(
            {
                "command": name,
                "median_s": round(med, 4),
                "min_s": round(min(values), 4),
                "ratio_to_bare_python": round(med / bare, 1),
                "target_ratio": TARGETS.get(name),
            }
        )
    doc = {"runs": args.runs, "machine": machine(), "results": rows}
    (Path(__file__).parent / "results.json").write_text(json.dumps(doc, indent=2) + "\n")
    print(f"machine: {doc['machine']}")
    print(f"{'command':34} {'median':>9} {'min':>9} {'ratio':>7} {'target':>7}")
    for r in rows:
        target = f"{r['target_ratio']}x" if r["target_ratio"] else ""
        print(
            f"{r['command']:34} {r['median_s'] * 1000:7.0f}ms {r['min_s'] * 1000:7.0f}ms "
            f"{r['ratio_to_bare_python']:6.1f}x {target:>7}"
        )


if __name__ == "__main__":
    main()
