"""How long loading and validating the whole knowledge base takes (it runs on every command).

Run: ``.venv/bin/python benchmarks/evidence/load.py``. Prints the median of repeated cold loads
(a fresh ``load_base`` each time, no cache) and the record counts.
"""

from __future__ import annotations

import os
import platform
import statistics
import time

from acupath.evidence.loader import DATA_DIR, load_base


def main(repeats: int = 15) -> None:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        base = load_base(DATA_DIR)
        times.append(time.perf_counter() - start)
    counts = {
        "sources": len(base.sources),
        "conditions": len(base.conditions),
        "findings": len(base.findings),
        "recommendations": len(base.recommendations),
        "claims": len(base.claims),
        "studies": len(base.studies),
    }
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores")
    print(f"records: {counts}")
    print(
        f"load_base: median {statistics.median(times) * 1000:.1f} ms, "
        f"min {min(times) * 1000:.1f} ms over {repeats} runs"
    )


if __name__ == "__main__":
    main()
