"""Start-up time of the ``acupath`` command line against a bare Python start.

Run from the repository root::

    .venv/bin/python benchmarks/startup/run.py            # 15 runs of each (the README run)
    .venv/bin/python benchmarks/startup/run.py --runs 5   # quicker

Each command runs in a fresh interpreter (``python -m acupath ...`` with this checkout on
``PYTHONPATH``), its output discarded; the wall-clock time of the whole process is taken and
the median over the runs reported, next to the median of ``python -c pass`` measured in the
same loop (runs interleaved, so that load on the machine affects both alike). Ratios are
command / bare Python. The CPU time of each process (user + system) is reported beside it: on
a shared machine it varies less than the wall-clock time.

What "cold" means. Every run is a fresh process. The operating system's file cache, Python's
bytecode caches and acupath's cache of the parsed knowledge base (:mod:`acupath.kbcache`) are
warm after the first run, as they are for a clinician who uses the command twice; the
``(first run)`` rows give each run an empty knowledge-base cache of its own, as on the very
first use after installing or after the knowledge base changed. Bytecode is written to a
temporary ``PYTHONPYCACHEPREFIX`` (as ``pip install`` compiles it for a user), even if
``PYTHONDONTWRITEBYTECODE`` is set; ``--no-bytecode`` measures without bytecode caches.

The issue's targets: ``--help`` within 8x, ``points BL23`` within 15x, ``ask`` within 25x.
Results go to ``benchmarks/startup/results.json`` and a table on stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

QUESTION = "What is the role of acupuncture in chronic low back pain?"
COMMANDS: dict[str, list[str]] = {
    "bare python (python -c pass)": ["-c", "pass"],
    "acupath --help": ["-m", "acupath", "--help"],
    "acupath points BL23": ["-m", "acupath", "points", "BL23"],
    "acupath points BL23 (first run)": ["-m", "acupath", "points", "BL23"],
    "acupath ask (cold)": ["-m", "acupath", "ask", QUESTION],
    "acupath ask (first run)": ["-m", "acupath", "ask", QUESTION],
    "acupath ask --audience patient (cold)": ["-m", "acupath", "ask", QUESTION, "-a", "patient"],
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


def child_env(scratch: Path, name: str, *, bytecode: bool) -> dict[str, str]:
    """The environment of one run: this checkout, a knowledge-base cache, bytecode or not."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("ACUPATH_NO_CACHE", None)
    if bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(scratch / "pycache")
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    if name.endswith("(first run)"):
        env["ACUPATH_CACHE_DIR"] = tempfile.mkdtemp(prefix="kbcache-", dir=scratch)
    else:
        env["ACUPATH_CACHE_DIR"] = str(scratch / "kbcache")
    return env


def time_once(args: list[str], env: dict[str, str], cwd: Path = ROOT) -> tuple[float, float]:
    """Wall-clock and CPU (user + system) seconds of one fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        check=True, cwd=cwd,
    )  # fmt: skip
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument(
        "--no-bytecode", action="store_true", help="run without Python's bytecode caches"
    )
    args = parser.parse_args()
    bytecode = not args.no_bytecode
    load_before = machine()["load_average"]
    with tempfile.TemporaryDirectory(prefix="acupath-startup-") as tmp:
        scratch = Path(tmp)
        for name, argv in COMMANDS.items():  # warm the file, bytecode and knowledge-base caches
            time_once(argv, child_env(scratch, name, bytecode=bytecode))
        wall: dict[str, list[float]] = {name: [] for name in COMMANDS}
        cpu: dict[str, list[float]] = {name: [] for name in COMMANDS}
        for _ in range(args.runs):
            for name, argv in COMMANDS.items():
                w, c = time_once(argv, child_env(scratch, name, bytecode=bytecode))
                wall[name].append(w)
                cpu[name].append(c)
    bare = statistics.median(wall["bare python (python -c pass)"])
    bare_cpu = statistics.median(cpu["bare python (python -c pass)"])
    rows = []
    for name, values in wall.items():
        med = statistics.median(values)
        med_cpu = statistics.median(cpu[name])
        rows.append(
            {
                "command": name,
                "median_s": round(med, 4),
                "min_s": round(min(values), 4),
                "ratio_to_bare_python": round(med / bare, 1),
                "cpu_median_s": round(med_cpu, 4),
                "cpu_ratio_to_bare_python": round(med_cpu / bare_cpu, 1),
                "target_ratio": TARGETS.get(name),
            }
        )
    info = machine()
    info["load_average_before"] = load_before
    info["bytecode_caches"] = str(bytecode)
    doc = {"runs": args.runs, "machine": info, "results": rows}
    (Path(__file__).parent / "results.json").write_text(json.dumps(doc, indent=2) + "\n")
    print(f"machine: {doc['machine']}")
    print(
        f"{'command':34} {'median':>9} {'min':>9} {'ratio':>7} {'cpu':>9} {'cpu ratio':>9} "
        f"{'target':>7}"
    )
    for r in rows:
        target = f"{r['target_ratio']}x" if r["target_ratio"] else ""
        print(
            f"{r['command']:34} {r['median_s'] * 1000:7.0f}ms {r['min_s'] * 1000:7.0f}ms "
            f"{r['ratio_to_bare_python']:6.1f}x {r['cpu_median_s'] * 1000:7.0f}ms "
            f"{r['cpu_ratio_to_bare_python']:8.1f}x {target:>7}"
        )


if __name__ == "__main__":
    main()
