"""Start-up of this checkout against another one (e.g. main), in one interleaved loop.

    .venv/bin/python benchmarks/startup/compare.py --against /path/to/other/checkout --runs 7

Each round runs bare Python, then every command once from each checkout (fresh processes,
``PYTHONPATH`` set to the checkout, run from a neutral folder so that ``python -m acupath``
imports that checkout). Each checkout has its own warm knowledge-base cache and bytecode folder,
filled by one warm-up run, as for a clinician who has used the command before (see README).
Prints medians of wall-clock and CPU time and their ratio to bare Python, with the load average.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
from pathlib import Path

from run import QUESTION, machine, time_once

ROOT = Path(__file__).resolve().parents[2]
COMMANDS = {
    "acupath --help": ["-m", "acupath", "--help"],
    "acupath points BL23": ["-m", "acupath", "points", "BL23"],
    "acupath ask (cold)": ["-m", "acupath", "ask", QUESTION],
    "acupath ask -a patient (cold)": ["-m", "acupath", "ask", QUESTION, "-a", "patient"],
}


def env_for(checkout: Path, scratch: Path) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    env.pop("ACUPATH_NO_CACHE", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(scratch / "pycache")
    env["ACUPATH_CACHE_DIR"] = str(scratch / "kbcache")
    return env


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", type=Path, required=True, help="the other checkout")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    trees = {"this": ROOT, "other": args.against.resolve()}
    load_before = machine()["load_average"]
    with tempfile.TemporaryDirectory(prefix="acupath-compare-") as tmp:
        envs = {}
        for name, tree in trees.items():
            scratch = Path(tmp) / name
            scratch.mkdir()
            envs[name] = env_for(tree, scratch)
        bare_env = envs["this"]
        for argv in COMMANDS.values():  # warm-up: bytecode and knowledge-base caches
            for env in envs.values():
                time_once(argv, env, cwd=Path(tmp))
        wall: dict[tuple[str, str], list[float]] = {}
        cpu: dict[tuple[str, str], list[float]] = {}
        for _ in range(args.runs):
            w, c = time_once(["-c", "pass"], bare_env, cwd=Path(tmp))
            wall.setdefault(("bare", ""), []).append(w)
            cpu.setdefault(("bare", ""), []).append(c)
            for command, argv in COMMANDS.items():
                for name, env in envs.items():
                    w, c = time_once(argv, env, cwd=Path(tmp))
                    wall.setdefault((name, command), []).append(w)
                    cpu.setdefault((name, command), []).append(c)
    bare = statistics.median(wall[("bare", "")])
    bare_cpu = statistics.median(cpu[("bare", "")])
    print(f"load average before {load_before}, after {machine()['load_average']}")
    print(f"bare python: {bare * 1000:.0f} ms (CPU {bare_cpu * 1000:.0f} ms); {args.runs} runs")
    print(f"{'command':32} {'other':>9} {'this':>9} {'other x':>8} {'this x':>7} {'CPU x':>13}")
    for command in COMMANDS:
        o = statistics.median(wall[("other", command)])
        t = statistics.median(wall[("this", command)])
        oc = statistics.median(cpu[("other", command)]) / bare_cpu
        tc = statistics.median(cpu[("this", command)]) / bare_cpu
        print(
            f"{command:32} {o * 1000:7.0f}ms {t * 1000:7.0f}ms {o / bare:7.1f}x {t / bare:6.1f}x"
            f" {oc:5.1f}->{tc:4.1f}x"
        )


if __name__ == "__main__":
    main()
