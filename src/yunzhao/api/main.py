"""The versioned API, ``/api/v1/``: bearer-token auth, the same permissions and domain functions as the pages."""

from __future__ import annotations

from typing import Any

from ninja import NinjaAPI

from yunzhao.api import errors
from yunzhao.api.auth import TokenAuth
from yunzhao.api.docs import VendoredSwagger
from yunzhao.api.routers import (
    agreements,
    consulting,
    crm,
    events,
    fairs,
    filings,
    indicators,
    portal_content,
    projects,
)

DESCRIPTION = """\
The Yunzhao (云招) investment-promotion platform: enterprises, contacts, channels, activities,
projects, their lifecycle and their hand-overs between departments; events, their
registrations and check-in at the door.

Every request carries a staff member's token: `Authorization: Bearer <token>` (make one with
`manage.py create_api_token --email you@example.org --name "what it is for"`). You see and may
change what you see and may change in the back office. Amounts are decimal strings; times are
ISO 8601 with their offset. Error bodies carry `detail` in the language of `Accept-Language`,
a stable `code`, and `errors` by field.
"""


class YunzhaoApi(NinjaAPI):
    def get_openapi_operation_id(self, operation: Any) -> str:
        """Operations are named for what they do (the view function's name), e.g. ``move_project``."""
        return str(operation.view_func.__name__)


api = YunzhaoApi(
    title="Yunzhao API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api-v1",
    auth=TokenAuth(),
    docs=VendoredSwagger(),
    docs_url="/docs",
    openapi_url="/openapi.json",
)
errors.install(api)
api.add_router("", crm.router)
api.add_router("", projects.router)
api.add_router("", agreements.router)
api.add_router("", events.router)
api.add_router("", portal_content.router)
api.add_router("", indicators.router)
api.add_router("", filings.router)
api.add_router("", consulting.router)
api.add_router("", fairs.router)
