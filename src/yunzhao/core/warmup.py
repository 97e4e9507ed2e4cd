"""Load once what every request of a server process shares, then hide it from the cyclic collector.

A back-office process holds about 200,000 container objects for its whole life: the URL map
with the API's schemas, the translation catalogs of eight languages and the compiled
templates.  Python's full (generation 2) garbage collection walks all of them; with requests
leaving short-lived cycles behind it runs every few requests and took 100–130 ms each time on
the benchmark machine, which showed as the slowest twentieth of back-office pages.
:func:`warm_up` loads them before the first request and moves them to the collector's
permanent generation (``gc.freeze``), so a full collection walks only what requests create.

Called by the WSGI entry point; with gunicorn's ``preload_app`` it runs once in the master
before the workers fork, so the workers also share these pages of memory.
"""

from __future__ import annotations

import gc
import logging
from pathlib import Path

from django.conf import settings
from django.template import TemplateDoesNotExist, TemplateSyntaxError, engines
from django.urls import get_resolver
from django.utils import translation

logger = logging.getLogger(__name__)

PROJECT_PACKAGE = Path(__file__).resolve().parent.parent


def _project_templates() -> list[str]:
    """Names of the project's own templates (not those of Django's or third-party apps)."""
    names = []
    for directory in sorted(PROJECT_PACKAGE.glob("**/templates")):
        if directory.is_dir():
            names += [str(path.relative_to(directory)) for path in sorted(directory.rglob("*.html"))]
    return names


def warm_up(*, freeze: bool = True) -> int:
    """Import every view, load every language's catalogs and compile the project's templates,
    then (``freeze``) take the objects alive now out of the collector's sight.  Returns the
    number of templates compiled."""
    resolver = get_resolver()
    resolver.reverse_dict  # noqa: B018 -- imports every URL module, the API and its schemas
    current = translation.get_language()
    for code, _name in settings.LANGUAGES:
        translation.activate(code)
        translation.gettext("Yes")  # loads the language's merged catalog
    if current:
        translation.activate(current)
    else:
        translation.deactivate()
    engine = engines["django"]
    compiled = 0
    for name in _project_templates():
        try:
            engine.get_template(name)
            compiled += 1
        except (TemplateDoesNotExist, TemplateSyntaxError):  # pragma: no cover
            # A broken template fails its own page's tests; serving goes on without it compiled.
            logger.warning("template %s could not be compiled ahead of use", name)
    if freeze:
        gc.collect()
        gc.freeze()
    return compiled
