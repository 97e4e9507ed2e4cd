"""What of a project the search finds: its title in every language.

Its enterprise's names are left out on purpose: they are indexed with the enterprise, and a
project entry holding them would go stale whenever the enterprise is renamed.
"""

from __future__ import annotations

from django.conf import settings
from modeltranslation.utils import build_localized_fieldname

from yunzhao.core import search
from yunzhao.pipeline.models import Project

TITLE_FIELDS = [build_localized_fieldname("title", code) for code, _name in settings.LANGUAGES]


def project_texts(project: Project) -> list[str]:
    return [getattr(project, field) or "" for field in TITLE_FIELDS]


def index_project(project: Project) -> None:
    search.index_object(project, *project_texts(project))


def rebuild_index() -> int:
    projects = Project.objects.only("pk", *TITLE_FIELDS).order_by("pk").iterator(chunk_size=1000)
    return search.rebuild_model_index(Project, ((p.pk, project_texts(p)) for p in projects))
