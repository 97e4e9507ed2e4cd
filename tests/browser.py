"""Playwright fixtures: Debian's chromium, headless, with every foreign host blocked.

``page`` fails its test if the page tried to reach anything but the live server.
``axe_violations(page)`` runs axe-core (vendored from npm) for WCAG 2.1 AA.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

# Playwright's sync API runs an event loop in its own greenlet; the ORM calls a
# test makes between page actions are still plain synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
]
AXE_PATH = Path(__file__).parent / "vendor" / "axe.min.js"
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.fail("Debian's chromium is not installed: run `make test` (it installs it) or apt-get install chromium")
    return path


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One chromium per test module.

    Not per session: while Playwright's event loop lives, the database connections the
    ORM opens in test code outside the browser tests belong to a context that the test
    database's teardown does not see, and PostgreSQL then refuses to drop the database.
    """
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class BlockedRequests(list[str]):
    """URLs the page tried to fetch from a host other than the live server."""


@pytest.fixture
def page(browser: Any, live_server: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    allowed = urlsplit(live_server.url).netloc
    blocked = BlockedRequests()

    def guard(route: Any) -> None:
        url = route.request.url
        if urlsplit(url).netloc == allowed:
            route.continue_()
        else:
            blocked.append(url)
            route.abort()

    locale = getattr(request, "param", None) or "zh-CN"
    context = browser.new_context(locale=locale, viewport={"width": 1280, "height": 900})
    context.route("**/*", guard)
    context.set_default_timeout(15_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.live_server_url = live_server.url
    yield page
    context.close()
    assert blocked == [], f"the page tried to reach other hosts: {blocked}"
    assert errors == [], f"JavaScript errors on the page: {errors}"


@pytest.fixture
def axe_violations() -> Any:
    def run(page: Any, *, context: str | None = None) -> list[dict[str, Any]]:
        page.add_script_tag(path=str(AXE_PATH))
        result = page.evaluate(
            """async ([context, tags]) => {
                const r = await axe.run(context || document, {runOnly: {type: 'tag', values: tags}});
                return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}));
            }""",
            [context, WCAG_TAGS],
        )
        return list(result)

    return run


@pytest.fixture
def screenshot() -> Any:
    """``screenshot(page, "portal-home-ar")`` saves test-artifacts/portal-home-ar.png."""

    def take(page: Any, name: str, *, full_page: bool = True) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=full_page)
        return path

    return take


@pytest.fixture
def login_as(live_server: Any) -> Any:
    """``login_as(page, user)`` gives the browser a signed-in session for ``user``."""
    from django.conf import settings
    from django.test import Client

    def login(page: Any, user: Any) -> None:
        client = Client()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])

    return login
