"""Helpers for timing whole commands from a clean clone."""

from __future__ import annotations

import os
import shutil
import signal
import statistics
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def fresh_clone() -> Path:
    """A clone of the committed tree in a new temporary folder (shared/ is not needed)."""
    target = Path(tempfile.mkdtemp(prefix="yunzhao-bench-")) / "yunzhao"
    subprocess.run(["git", "clone", "-q", str(REPO), str(target)], check=True)
    return target


def wait_for_http(url: str, *, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status < 500:
                    return True
        except OSError:
            time.sleep(0.25)
    return False


def time_make_run(checkout: Path, *, port: int, timeout: float = 900) -> float:
    """Seconds from ``make run`` until the portal answers on the port; the server is then stopped."""
    env = {**os.environ, "PORT": str(port)}
    env.pop("DATABASE_URL", None)
    started = time.monotonic()
    process = subprocess.Popen(
        ["make", "run"],
        cwd=checkout,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        if not wait_for_http(f"http://127.0.0.1:{port}/zh-hans/", timeout=timeout):
            raise RuntimeError("make run did not answer in time")
        return time.monotonic() - started
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def median(values: list[float]) -> float:
    return round(statistics.median(values), 1)


def remove(checkout: Path) -> None:
    shutil.rmtree(checkout.parent, ignore_errors=True)


def child_environment(workdir: Path, **extra: str) -> dict[str, str]:
    """The environment of a benchmark's child process: its own SQLite database and media folder
    under ``workdir``, the repository importable; ``extra`` adds or overrides variables."""
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
    env.update(
        DATABASE_URL=f"sqlite:///{workdir / 'bench.sqlite3'}",
        YUNZHAO_VAR_DIR=str(workdir),
        MEDIA_ROOT=str(workdir / "media"),
        DJANGO_SETTINGS_MODULE="yunzhao.config.settings",
        LOG_LEVEL="ERROR",
        PYTHONPATH=os.pathsep.join([str(REPO), str(REPO / "src")]),
        **extra,
    )
    return env


def run_child(script: str, step: str, workdir: Path, *args: str, **extra_env: str) -> dict[str, object]:
    """Run ``script --child step workdir args…`` in its own process; its last stdout line is JSON."""
    import json
    import sys

    result = subprocess.run(
        [sys.executable, script, "--child", step, str(workdir), *args],
        env=child_environment(workdir, **extra_env),
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"{step} failed:\n{result.stdout[-2000:]}\n{result.stderr[-4000:]}")
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))
