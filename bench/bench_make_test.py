"""make_test_s: how long `make test` takes on a fresh clone (lint, types, SQLite and PostgreSQL runs).

Median of three runs, each on a new clone.
"""

from __future__ import annotations

import subprocess
import time

from bench.timing import fresh_clone, median, remove

RUNS = 3
TARGET_S = 1800


def run() -> list[dict]:
    times, all_passed = [], True
    for _ in range(RUNS):
        checkout = fresh_clone()
        try:
            started = time.monotonic()
            result = subprocess.run(["make", "test"], cwd=checkout, capture_output=True, text=True, check=False)
            times.append(time.monotonic() - started)
            all_passed &= result.returncode == 0
        finally:
            remove(checkout)
    value = median(times)
    return [
        {"name": "make_test_s", "value": value, "unit": "s", "target": TARGET_S, "ok": all_passed and value <= TARGET_S}
    ]
