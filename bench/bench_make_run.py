"""make_run_fresh_s and make_run_prepared_s: how long `make run` takes to answer.

Fresh: a new clone (no virtual environment, no database). Prepared: the same clone run
again (everything installed, migrated and loaded). Medians of three runs each.
"""

from __future__ import annotations

from bench.timing import fresh_clone, median, remove, time_make_run

RUNS = 3


def run() -> list[dict]:
    fresh, prepared = [], []
    for attempt in range(RUNS):
        checkout = fresh_clone()
        try:
            fresh.append(time_make_run(checkout, port=18700 + attempt))
            prepared.append(time_make_run(checkout, port=18750 + attempt))
        finally:
            remove(checkout)
    return [
        {"name": "make_run_fresh_s", "value": median(fresh), "unit": "s", "target": 300, "ok": median(fresh) <= 300},
        {
            "name": "make_run_prepared_s",
            "value": median(prepared),
            "unit": "s",
            "target": 15,
            "ok": median(prepared) <= 15,
        },
    ]
