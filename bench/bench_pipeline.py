"""project_list_p95_ms_*, board_p95_ms_*, search_p95_ms_*: the back office on a large zone.

On SQLite (a file under var/bench/) and on PostgreSQL (database ``yunzhao_bench`` at
``TEST_POSTGRES_URL``), each holding 100,000 enterprises, 50,000 projects and 1,000,000
activities generated once (bench/pipeline_probe.py).  Server time of GET requests through
Django's test client — queries and templates, no network — for the leader (who sees every
project) and an officer; the figure is the slower one's p95 over 60 requests cycling
through filters, sorts, pages and queries.  Medians of three such runs.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROBE = ROOT / "bench" / "pipeline_probe.py"
RUNS = 3
TARGETS = {"project_list": 150, "board": 150, "search": 100}


def _databases() -> dict[str, str]:
    sqlite = ROOT / "var" / "bench" / "pipeline.sqlite3"
    sqlite.parent.mkdir(parents=True, exist_ok=True)
    databases = {"sqlite": f"sqlite:///{sqlite}"}
    postgres = os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/")
    ready = subprocess.run([sys.executable, str(ROOT / "scripts" / "pg_ready.py"), postgres], check=False)
    if ready.returncode == 0:
        databases["pg"] = f"{postgres.rstrip('/')}/yunzhao_bench"
        _create_pg_database(postgres)
    return databases


def _create_pg_database(server: str) -> None:
    import psycopg

    with psycopg.connect(f"{server.rstrip('/')}/postgres", autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = 'yunzhao_bench'").fetchone()
        if not exists:
            connection.execute("CREATE DATABASE yunzhao_bench")


def _probe(command: str, database_url: str) -> dict:
    env = {**os.environ, "DATABASE_URL": database_url, "DEBUG": "false", "SECRET_KEY": "bench", "ALLOWED_HOSTS": "*"}
    completed = subprocess.run(
        [sys.executable, str(PROBE), command], env=env, check=True, capture_output=True, text=True, cwd=ROOT
    )
    return json.loads(completed.stdout.strip().splitlines()[-1])


def run() -> list[dict]:
    results = []
    for vendor, url in _databases().items():
        _probe("generate", url)
        runs = [_probe("measure", url) for _ in range(RUNS)]
        for figure, target in TARGETS.items():
            value = round(statistics.median(run[figure] for run in runs), 1)
            problems = sorted({problem for run in runs for problem in run["problems"] if figure in problem})
            name = f"{figure}_p95_ms_{vendor}" if figure != "search" else f"search_p95_ms_{vendor}"
            results.append(
                {"name": name, "value": value, "unit": "ms", "target": target, "ok": value <= target and not problems}
            )
    return results
