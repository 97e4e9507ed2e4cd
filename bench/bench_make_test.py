"""make_test_s: how long `make test` takes on a fresh clone (SQLite and PostgreSQL runs)."""

from __future__ import annotations

import subprocess
import time

from bench.timing import fresh_clone, remove

TARGET_S = 1800


def run() -> list[dict]:
    checkout = fresh_clone()
    try:
        started = time.monotonic()
        result = subprocess.run(["make", "test"], cwd=checkout, capture_output=True, text=True, check=False)
        elapsed = round(time.monotonic() - started, 1)
    finally:
        remove(checkout)
    ok = result.returncode == 0 and elapsed <= TARGET_S
    return [{"name": "make_test_s", "value": elapsed, "unit": "s", "target": TARGET_S, "ok": ok}]
