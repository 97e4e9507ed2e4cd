"""portal_rps, portal_p95_ms, portal_vs_ceiling_ratio: anonymous portal pages under load.

The production set-up on this machine: gunicorn from ``deploy/gunicorn.conf.py`` with 2
workers (access log off), DEBUG off, behind a TLS proxy (``X-Forwarded-Proto: https``), on a
SQLite database holding the demonstration zone (``make run``'s data). Load comes from wrk
(Debian's package) in a separate process over loopback: 8 connections for 10 s per page,
after a warm-up. Pages: the home page, the leader's letter, the policy list and the zone
overview, each in a different language. The ceiling is the same server's trivial view
(``/ping``, a plain "ok"). ``portal_rps`` is the slowest page's rate, ``portal_p95_ms`` the
worst page's p95, ``portal_vs_ceiling_ratio`` the slowest page's rate over the ceiling's.
Then freshness: an edit published from another process shows on the next request to
every worker. Then ``filing_p95_ms``: 120 investors (4 at a time) walk the filing form's steps
as a browser does (CSRF cookie, session) without attachments; the figure is the p95 of the
final "submit" answer, which stores the filing and sends the confirmation e-mail.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "bench" / "wrk_report.lua"
PAGES = {
    "home": "/zh-hans/",
    "letter": "/en/invitation/",
    "policies": "/ja/services/policies/",
    "overview": "/ar/overview/",
}
CONNECTIONS = 8
DURATION_S = 10
RUNS = 3
TARGET_RPS = 800.0
TARGET_P95_MS = 30.0
FILERS = 120
FILING_CLIENTS = 4
TARGET_FILING_P95_MS = 300.0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _environment(workdir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
    env.update(
        DATABASE_URL=f"sqlite:///{workdir / 'portal.sqlite3'}",
        YUNZHAO_VAR_DIR=str(workdir),
        DJANGO_SETTINGS_MODULE="yunzhao.config.settings",
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        LOG_LEVEL="WARNING",
        GUNICORN_WORKERS="2",
        GUNICORN_ACCESS_LOG="",
        YUNZHAO_FILING_RATE_LIMIT="100000",  # every filer comes from 127.0.0.1 here
        PYTHONPATH=os.pathsep.join([str(ROOT), str(ROOT / "src")]),
    )
    return env


def _manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([sys.executable, str(ROOT / "manage.py"), *args], env=env, check=True, capture_output=True)


class Server:
    def __init__(self, env: dict[str, str]) -> None:
        self.port = _free_port()
        self.process = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "gunicorn"),
                "-c",
                str(ROOT / "deploy" / "gunicorn.conf.py"),
                "yunzhao.config.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
            ],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if self.get("/ping")[0] == 200:
                    return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("gunicorn did not start")

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def get(self, path: str) -> tuple[int, str]:
        request = urllib.request.Request(self.url(path), headers={"X-Forwarded-Proto": "https"})
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode()

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def _wrk(url: str) -> dict[str, float]:
    result = subprocess.run(
        [
            "wrk",
            "-t1",
            f"-c{CONNECTIONS}",
            f"-d{DURATION_S}s",
            "-H",
            "X-Forwarded-Proto: https",
            "-s",
            str(REPORT),
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def _measure(server: Server, path: str) -> dict[str, float]:
    status, _body = server.get(path)
    if status != 200:
        raise RuntimeError(f"{path} answered {status}")
    subprocess.run(
        ["wrk", "-t1", "-c4", "-d2s", "-H", "X-Forwarded-Proto: https", server.url(path)],
        capture_output=True,
        check=True,
    )  # warm-up: both workers render and cache the page
    runs = [_wrk(server.url(path)) for _ in range(RUNS)]
    if any(run["errors"] for run in runs):
        raise RuntimeError(f"{path}: errors under load {runs}")
    return {
        "rps": round(statistics.median(run["rps"] for run in runs), 1),
        "p95_ms": round(statistics.median(run["p95_ms"] for run in runs), 2),
    }


FRESHNESS = """
from django.db import transaction
from yunzhao.core import pagecache
from yunzhao.portal.models import Letter
letter = Letter.objects.filter(status="published").latest("published_at")
letter.title_en = "A fresh title published just now"
with transaction.atomic():
    letter.save(update_fields=["title_en"])
    pagecache.content_changed()
"""


def _fresh_after_edit(server: Server, env: dict[str, str]) -> bool:
    subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "shell", "-c", FRESHNESS], env=env, check=True, capture_output=True
    )
    # Enough requests that both workers answer at least once.
    return all("A fresh title published just now" in server.get(PAGES["letter"])[1] for _ in range(8))


CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
COOKIE = re.compile(r"(csrftoken|sessionid)=([^;]+)")
INDUSTRY = """
from yunzhao.crm.models import Industry
print(Industry.objects.filter(parent__isnull=False).order_by("code").values_list("pk", flat=True).first())
"""


class Browser:
    """Cookies and the CSRF token, as a browser keeps them, over one keep-alive connection."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, form: dict[str, str] | None = None) -> tuple[int, str, str]:
        headers = {"X-Forwarded-Proto": "https", "Host": f"127.0.0.1:{self.port}"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form, doseq=True).encode()
            headers.update(
                {
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Origin": f"https://127.0.0.1:{self.port}",
                    "Referer": f"https://127.0.0.1:{self.port}{path}",
                }
            )
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        for header in response.msg.get_all("Set-Cookie") or []:
            if found := COOKIE.match(header):
                self.cookies[found.group(1)] = found.group(2)
        return response.status, response.getheader("Location", ""), response.read().decode("utf-8", "replace")

    def post_step(self, path: str, form: dict[str, str]) -> tuple[int, str, float]:
        status, _location, page = self.request("GET", path)
        token = CSRF_INPUT.search(page)
        if status != 200 or not token:
            raise RuntimeError(f"{path}: {status} without a form")
        started = time.perf_counter()
        status, location, _page = self.request("POST", path, {**form, "csrfmiddlewaretoken": token.group(1)})
        return status, location, (time.perf_counter() - started) * 1000


def _file_one(port: int, n: int, industry: str) -> float:
    """One investor's walk through the form; milliseconds of the final submission."""
    language = ["ja", "en", "ar", "ko", "es", "fr", "ru", "zh-hans"][n % 8]
    base = f"/{language}/filing/"
    steps = [
        (
            "",
            {
                "company_name": f"Bench Battery {n} Co., Ltd.",
                "company_country": "JP",
                "registration_number": f"0100-{n:06d}",
                "website": "",
                "ownership": "foreign",
                "size": "large",
            },
        ),
        (
            "contact/",
            {
                "contact_name": f"Investor {n}",
                "contact_latin_name": f"Investor {n}",
                "contact_title": "Director",
                "email": f"investor{n}@bench.example",
                "phone": "+81 3-1234-5678",
                "wechat_id": "",
                "contact_languages": "en",
            },
        ),
        (
            "project/",
            {
                "title": "New-energy battery plant",
                "description": "Lithium-ion cells, 5 GWh a year.",
                "industry": industry,
                "amount": "50000000",
                "currency": "USD",
                "registered_capital": "20000000",
            },
        ),
        (
            "needs/",
            {
                "jobs": "300",
                "land_need_mu": "120",
                "space_need_sqm": "40000",
                "talent_needs": "30 engineers",
                "expected_start": "2027-03-01",
                "expected_production": "2028-06-01",
            },
        ),
        ("attachments/", {"consent": "on"}),
    ]
    browser = Browser(port)
    for step, form in steps:
        status, location, _ms = browser.post_step(base + step, form)
        if status != 302:
            raise RuntimeError(f"step {step or 'company'} answered {status}")
    status, location, elapsed = browser.post_step(base + "review/", {"go": "next"})
    if status != 302 or "/filing/status/" not in location:
        raise RuntimeError(f"the submission answered {status} {location}")
    return elapsed


def _filing_p95(server: Server, env: dict[str, str]) -> float:
    industry = (
        subprocess.run(
            [sys.executable, str(ROOT / "manage.py"), "shell", "-c", INDUSTRY],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )  # the shell first says what it imported
    _file_one(server.port, 0, industry)  # warm-up
    with ThreadPoolExecutor(FILING_CLIENTS) as pool:
        timings = sorted(pool.map(lambda n: _file_one(server.port, n, industry), range(1, FILERS + 1)))
    return round(timings[int(len(timings) * 0.95) - 1], 1)


def run() -> list[dict[str, object]]:
    if shutil.which("wrk") is None:
        raise RuntimeError("wrk is not installed: make bench installs it (Debian package wrk)")
    workdir = Path(tempfile.mkdtemp(prefix="yunzhao-portal-bench-"))
    env = _environment(workdir)
    try:
        _manage(env, "migrate", "--no-input")
        _manage(env, "createcachetable")
        _manage(env, "compile_catalogs")
        _manage(env, "collectstatic", "--no-input")
        _manage(env, "load_demo")
        server = Server(env)
        try:
            ceiling = _measure(server, "/ping")
            pages = {name: _measure(server, path) for name, path in PAGES.items()}
            fresh = _fresh_after_edit(server, env)
            filing_p95 = _filing_p95(server, env)
        finally:
            server.stop()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    slowest = min(pages.values(), key=lambda page: page["rps"])
    worst_p95 = max(page["p95_ms"] for page in pages.values())
    ratio = round(slowest["rps"] / ceiling["rps"], 2)
    return [
        {
            "name": "portal_rps",
            "value": slowest["rps"],
            "unit": "requests/s",
            "target": f">= {TARGET_RPS:g}",
            "ok": slowest["rps"] >= TARGET_RPS,
            "pages": pages,
        },
        {
            "name": "portal_p95_ms",
            "value": worst_p95,
            "unit": "ms",
            "target": f"<= {TARGET_P95_MS:g}",
            "ok": worst_p95 <= TARGET_P95_MS,
        },
        {
            "name": "portal_vs_ceiling_ratio",
            "value": ratio,
            "unit": "ratio",
            "target": "reported",
            "ok": True,
            "ceiling_rps": ceiling["rps"],
            "ceiling_p95_ms": ceiling["p95_ms"],
        },
        {
            "name": "filing_p95_ms",
            "value": filing_p95,
            "unit": "ms",
            "target": f"<= {TARGET_FILING_P95_MS:g}",
            "ok": filing_p95 <= TARGET_FILING_P95_MS,
        },
        {"name": "portal_fresh_after_edit", "value": int(fresh), "unit": "bool", "target": "1", "ok": fresh},
    ]
