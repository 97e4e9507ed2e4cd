"""Every back-office page and every API operation, opened by every role: who gets in, who is refused.

The walk reads the routes from the URL resolver and the operations from the OpenAPI spec,
so a new page or operation without an expected answer here fails the test until someone
decides who may use it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from tests.consulting.factories import (
    BookingFactory,
    FaqEntryFactory,
    MeetingSlotFactory,
    QuestionFactory,
    TopicFactory,
)
from tests.factories import (
    ActivityFactory,
    AgreementFactory,
    ChannelFactory,
    ContactFactory,
    DepartmentFactory,
    EnterpriseFactory,
    EventFactory,
    ProjectFactory,
    UserFactory,
    blank_pdf,
)
from tests.indicators.factories import IndicatorFactory, IndicatorValueFactory
from tests.intake.factories import FilingFactory, pdf_bytes
from tests.matchmaking.factories import BoothFactory, FairFactory, MeetingRequestFactory
from tests.portal.factories import LetterFactory, OpportunityFactory, PolicyFactory, VideoFactory
from yunzhao.accounts.models import Role
from yunzhao.api.tokens import issue_token
from yunzhao.events import registrations
from yunzhao.events.models import ProgrammeItem
from yunzhao.intake.models import Attachment
from yunzhao.pipeline.circulation import hand_over
from yunzhao.pipeline.models import SavedView
from yunzhao.portal.models import Caption
from yunzhao.workbooks.models import ImportJob

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "investor", "exhibitor", "officer", "other_officer", "head", "leader", "administrator")
STAFF = ROLES[3:]


@dataclass
class World:
    users: dict[str, Any]
    objects: dict[str, Any]


@pytest.fixture
def world() -> World:
    home = DepartmentFactory(name="招商一部")
    other = DepartmentFactory(name="大兴区")
    users = {
        "investor": UserFactory(role=Role.INVESTOR, department=None),
        "exhibitor": UserFactory(role=Role.EXHIBITOR, department=None),
        "officer": UserFactory(role=Role.OFFICER, department=home),
        "other_officer": UserFactory(role=Role.OFFICER, department=other),
        "head": UserFactory(role=Role.DEPARTMENT_HEAD, department=home),
        "leader": UserFactory(role=Role.LEADER, department=None),
        "administrator": UserFactory(role=Role.ADMINISTRATOR, department=None),
    }
    officer = users["officer"]
    enterprise = EnterpriseFactory(department=home, owner=officer)
    project = ProjectFactory(enterprise=enterprise, department=home, owner=officer)
    handed = ProjectFactory(enterprise=enterprise, department=home, owner=officer)
    handover = hand_over(project=handed, to_department=other, by=officer, note="请区里承接")
    objects = {
        "enterprise": enterprise,
        "other_enterprise": EnterpriseFactory(name_zh_hans="北京示范企业有限公司"),
        "contact": ContactFactory(enterprise=enterprise),
        "activity": ActivityFactory(
            enterprise=enterprise,
            project=project,
            created_by=officer,
            follow_up_on=timezone.localdate() + dt.timedelta(days=1),
            follow_up_owner=officer,
        ),
        "project": project,
        "handover": handover,
        "channel": ChannelFactory(keeper=officer),
        "department": home,
        "saved_view": SavedView.objects.create(owner=officer, name="重点项目", query="key=on"),
        "import_job": ImportJob.objects.create(
            kind="enterprises", token="walk", file="imports/walk.xlsx", original_name="walk.xlsx", created_by=officer
        ),
        "agreement": AgreementFactory(created_by=officer, document=ContentFile(blank_pdf(), name="walk.pdf")),
    }
    event = EventFactory(department=home, owner=officer, needs_approval=True)
    objects["event"] = event
    objects["event_item"] = ProgrammeItem.objects.create(event=event, title_zh_hans="开幕式", starts_at=event.starts_at)
    objects["registration"] = registrations.register(
        event=event, registrant=registrations.Registrant(name="Walk", email="walk@example.com", language="en")
    )[0]
    # The investor portal's content, filings, questions and figures.
    objects["indicator"] = IndicatorFactory(code="trade_total")
    objects["indicator_value"] = IndicatorValueFactory(indicator=objects["indicator"])
    objects["policy"] = PolicyFactory()
    objects["opportunity"] = OpportunityFactory()
    objects["letter"] = LetterFactory()
    objects["video"] = VideoFactory()
    objects["caption"] = Caption.objects.create(
        video=objects["video"], language="en", label="English", file="portal/captions/en.vtt"
    )
    filing = FilingFactory()
    attachment = Attachment(filing=filing, original_name="plan.pdf", detected_type="pdf", size=len(pdf_bytes()))
    attachment.file.save("plan.pdf", ContentFile(pdf_bytes()), save=True)
    objects["filing"] = filing
    objects["filing_attachment"] = attachment
    topic = TopicFactory(department=home)
    slot = MeetingSlotFactory(officer=officer, department=home)
    objects.update(
        question=QuestionFactory(topic=topic),
        faq_entry=FaqEntryFactory(topic=topic),
        topic=topic,
        slot=slot,
        booking=BookingFactory(slot=slot),
    )
    fair = FairFactory(department=home, slug="walk-fair")
    objects.update(fair=fair, booth=BoothFactory(fair=fair), fair_request=MeetingRequestFactory(fair=fair))
    return World(users=users, objects=objects)


# --- The back office ----------------------------------------------------------------------------

#: The object each route's <pk> names (routes without one need nothing).
PK_OF = {
    "enterprise-detail": "enterprise",
    "enterprise-update": "enterprise",
    "enterprise-merge": "enterprise",
    "contact-create": "enterprise",
    "activity-list": "enterprise",
    "contact-update": "contact",
    "activity-update": "activity",
    "activity-follow-up-done": "activity",
    "channel-detail": "channel",
    "channel-update": "channel",
    "project-detail": "project",
    "project-update": "project",
    "project-move": "project",
    "project-hand-over": "project",
    "project-view-delete": "saved_view",
    "handover-accept": "handover",
    "handover-reject": "handover",
    "handover-cancel": "handover",
    "department-detail": "department",
    "workbook-import": "import_job",
    "workbook-import-mapping": "import_job",
    "workbook-import-preview": "import_job",
    "workbook-import-progress": "import_job",
    "event-detail": "event",
    "event-update": "event",
    "event-item-create": "event",
    "event-item-update": "event_item",
    "event-question-create": "event",
    "event-member-create": "event",
    "event-outcome-create": "event",
    "event-registrations": "event",
    "event-check-in": "event",
    "event-badges": "event",
    "event-ceremony": "event",
    "event-ceremony-agreement": "event",
    "agreement-detail": "agreement",
    "agreement-document-upload": "agreement",
    "agreement-document-generate": "agreement",
    "agreement-document": "agreement",
    "agreement-final": "agreement",
    "agreement-party-create": "agreement",
    "agreement-signatory-create": "agreement",
    "agreement-send": "agreement",
    "agreement-void": "agreement",
    "indicator-detail": "indicator",
    "indicator-update": "indicator",
    "indicator-value-create": "indicator",
    "indicator-value-update": "indicator_value",
    "indicator-value-delete": "indicator_value",
    "content-caption-add": "video",
    "content-caption-delete": "caption",
    "filing-detail": "filing",
    "filing-attachment": "filing_attachment",
    "question-detail": "question",
    "question-reply": "question",
    "question-reassign": "question",
    "consulting-faq-edit": "faq_entry",
    "consulting-topic-edit": "topic",
    "consulting-slot-withdraw": "slot",
    "consulting-booking-cancel": "booking",
    **dict.fromkeys(
        (
            "fair-detail",
            "fair-edit",
            "fair-publish",
            "fair-unpublish",
            "fair-halls",
            "fair-booths",
            "fair-slots",
            "fair-slots-clear",
            "fair-tables",
            "fair-rules",
            "fair-report",
            "fair-report-xlsx",
            "fair-enquiries",
            "fair-schedule",
            "fair-schedule-publish",
            "fair-table-plan",
        ),
        "fair",
    ),
}
OTHER_KWARGS: dict[str, Callable[[World], dict[str, Any]]] = {
    "enterprise-merge-compare": lambda w: {"pk": w.objects["enterprise"].pk, "other": w.objects["other_enterprise"].pk},
    "workbook-import-upload": lambda w: {"kind": "enterprises"},
    "workbook-export": lambda w: {"kind": "enterprises"},
    "event-registration-action": lambda w: {"pk": w.objects["registration"].pk, "action": "approve"},
    "content-create": lambda w: {"kind": "policy"},
    **{
        name: (lambda w: {"kind": "policy", "pk": w.objects["policy"].pk})
        for name in ("content-edit", "content-preview", "content-publish", "content-unpublish")
    },
    "filing-action": lambda w: {"pk": w.objects["filing"].pk, "action": "accept"},
    **{
        name: (lambda w: {"pk": w.objects["fair"].pk, "hall": w.objects["booth"].hall_id})
        for name in ("fair-hall-edit", "fair-hall-move")
    },
    **{
        name: (lambda w: {"pk": w.objects["fair"].pk, "booth": w.objects["booth"].pk})
        for name in ("fair-booth-edit", "fair-booth-account")
    },
    "fair-booth-account-remove": lambda w: {
        "pk": w.objects["fair"].pk,
        "booth": w.objects["booth"].pk,
        "user": w.users["exhibitor"].pk,
    },
}


def staff(officer: int, other_officer: int, head: int, leader: int, administrator: int) -> dict[str, int]:
    return dict(zip(STAFF, (officer, other_officer, head, leader, administrator), strict=True))


READ = staff(200, 200, 200, 200, 200)  # every member of staff reads it
WORK = staff(200, 200, 200, 403, 200)  # staff who work files; leaders read and change nothing
POST_ONLY = staff(405, 405, 405, 405, 405)  # a button's target: GET is not a page
OWN_PROJECT = staff(200, 404, 200, 403, 200)  # the officer's department's project, its head, administrators
OWN_IMPORT = staff(200, 404, 404, 404, 200)  # an import is its uploader's (and administrators')
OWN_EVENT = staff(200, 403, 200, 403, 200)  # the organising department, its head, administrators
ORGANISER = staff(200, 403, 200, 200, 200)  # a fair's organising department (and below), leaders, administrators
ORGANISER_POST = staff(405, 403, 405, 405, 405)

#: What a GET answers each member of staff; outside accounts always get 403 and visitors the sign-in page.
#: The other officer works in the department the project is handed to; its head is not in this world,
#: so only administrators stand in for the receiver.
EXPECTED: dict[str, dict[str, int]] = {
    "home": READ,
    "search": READ,
    "audit-log": staff(403, 403, 200, 200, 200),
    "department-list": READ,
    "department-detail": READ,
    "enterprise-list": READ,
    "enterprise-detail": READ,
    "enterprise-duplicates": READ,
    "enterprise-create": WORK,
    "enterprise-update": WORK,
    "enterprise-merge": staff(403, 403, 200, 403, 200),
    "enterprise-merge-compare": staff(403, 403, 200, 403, 200),
    "contact-create": WORK,
    "contact-update": WORK,
    "activity-list": READ,
    "activity-create": WORK,
    "activity-update": staff(200, 403, 200, 403, 200),
    "activity-follow-up-done": staff(405, 403, 405, 403, 405),
    "channel-list": READ,
    "channel-detail": READ,
    "channel-create": WORK,
    "channel-update": WORK,
    "project-list": READ,
    "project-board": READ,
    "project-create": WORK,
    "project-detail": staff(200, 404, 200, 200, 200),
    "project-update": OWN_PROJECT,
    "project-move": OWN_PROJECT,
    "project-hand-over": OWN_PROJECT,
    "project-view-create": POST_ONLY,
    "project-view-delete": POST_ONLY,
    "handover-accept": staff(403, 403, 403, 403, 405),
    "handover-reject": staff(403, 403, 403, 403, 200),
    "handover-cancel": staff(200, 403, 200, 403, 200),
    "workbook-imports": READ,
    "workbook-import-upload": WORK,
    "workbook-import": OWN_IMPORT,
    "workbook-import-mapping": OWN_IMPORT,
    "workbook-import-preview": staff(302, 404, 404, 404, 302),  # to the mapping until the columns are mapped
    "workbook-import-progress": OWN_IMPORT,
    "workbook-export": READ,
    "agreement-list": READ,
    "agreement-create": WORK,
    "agreement-detail": READ,
    "agreement-document-upload": WORK,
    "agreement-document-generate": WORK,
    "agreement-document": READ,
    "agreement-final": staff(404, 404, 404, 404, 404),  # no signed PDF until everyone has signed
    "agreement-party-create": WORK,
    "agreement-signatory-create": WORK,
    "agreement-send": staff(405, 405, 405, 403, 405),
    "agreement-void": WORK,
    "event-list": READ,
    "event-create": WORK,
    "event-detail": READ,
    "event-update": OWN_EVENT,
    "event-item-create": OWN_EVENT,
    "event-item-update": OWN_EVENT,
    "event-question-create": OWN_EVENT,
    "event-member-create": OWN_EVENT,
    "event-outcome-create": staff(405, 403, 405, 403, 405),
    "event-registrations": READ,
    "event-registration-action": staff(405, 403, 405, 403, 405),
    "event-check-in": WORK,
    "event-badges": READ,
    "event-ceremony": READ,
    "event-ceremony-agreement": staff(405, 403, 405, 403, 405),
    "indicator-list": READ,
    "indicator-detail": READ,
    "indicator-create": WORK,
    "indicator-update": WORK,
    "indicator-value-create": WORK,
    "indicator-value-update": WORK,
    "indicator-value-delete": staff(405, 405, 405, 403, 405),
    "indicator-import": WORK,
    "indicator-import-apply": staff(405, 405, 405, 403, 405),
    "indicator-import-template": READ,
    "content-home": READ,
    "content-create": WORK,
    "content-edit": WORK,
    "content-preview": READ,
    "content-publish": staff(405, 405, 405, 403, 405),
    "content-unpublish": staff(405, 405, 405, 403, 405),
    "content-caption-add": staff(405, 405, 405, 403, 405),
    "content-caption-delete": staff(405, 405, 405, 403, 405),
    "filing-list": READ,
    "filing-detail": READ,
    "filing-attachment": READ,
    "filing-action": POST_ONLY,
    "question-list": READ,
    "consulting-metrics": READ,
    "consulting-faq-list": READ,
    "consulting-topic-list": READ,
    "consulting-slot-list": READ,
    "question-detail": staff(200, 403, 200, 200, 200),  # a question routed to the officer's department
    "question-reply": staff(405, 403, 405, 403, 405),
    "question-reassign": staff(405, 403, 405, 403, 405),
    "consulting-slot-withdraw": staff(405, 403, 405, 403, 405),
    "consulting-booking-cancel": staff(405, 403, 405, 403, 405),
    "consulting-faq-create": WORK,
    "consulting-faq-edit": WORK,
    "consulting-topic-create": staff(403, 403, 403, 403, 200),  # topics decide routing: administrators only
    "consulting-topic-edit": staff(403, 403, 403, 403, 200),
    "fair-list": READ,  # each sees the fairs they organise
    "fair-create": READ,
    **dict.fromkeys(
        (
            "fair-detail",
            "fair-edit",
            "fair-halls",
            "fair-hall-edit",
            "fair-booths",
            "fair-booth-edit",
            "fair-slots",
            "fair-tables",
            "fair-rules",
            "fair-report",
            "fair-report-xlsx",
            "fair-enquiries",
            "fair-schedule",
            "fair-table-plan",
        ),
        ORGANISER,
    ),
    **dict.fromkeys(
        (
            "fair-publish",
            "fair-unpublish",
            "fair-hall-move",
            "fair-booth-account",
            "fair-booth-account-remove",
            "fair-slots-clear",
            "fair-schedule-publish",
        ),
        ORGANISER_POST,
    ),
}
QUERY = {"activity-create": lambda w: f"?enterprise={w.objects['enterprise'].pk}"}


def office_routes() -> list[str]:
    """The names of every route in the office namespace."""
    names: list[str] = []

    def walk(patterns: list[Any], namespace: str | None) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, pattern.namespace or namespace)
            elif isinstance(pattern, URLPattern) and namespace == "office" and pattern.name:
                names.append(pattern.name)

    walk(get_resolver().url_patterns, None)
    return sorted(set(names))


def office_url(name: str, world: World) -> str:
    if name in OTHER_KWARGS:
        kwargs = OTHER_KWARGS[name](world)
    elif name in PK_OF:
        kwargs = {"pk": world.objects[PK_OF[name]].pk}
    else:
        kwargs = {}
    query = QUERY[name](world) if name in QUERY else ""
    return reverse(f"office:{name}", kwargs=kwargs) + query


def test_every_office_page_has_an_expected_answer():
    assert set(office_routes()) == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_office_page_answers_each_role(client, world, name):
    url = office_url(name, world)
    seen = {}
    for role in ROLES:
        client.logout()
        if role != "anonymous":
            client.force_login(world.users[role])
        response = client.get(url)
        seen[role] = response.status_code
        if role == "anonymous":
            assert response.status_code == 302
            assert "/accounts/login/" in response["Location"]
    assert {role: seen[role] for role in ("investor", "exhibitor")} == {"investor": 403, "exhibitor": 403}
    assert {role: seen[role] for role in STAFF} == EXPECTED[name]


# --- The API ------------------------------------------------------------------------------------

#: The object each path parameter names.
API_OBJECTS = {
    "event_id": "event",
    "enterprise_id": "enterprise",
    "contact_id": "contact",
    "channel_id": "channel",
    "project_id": "project",
    "handover_id": "handover",
    "agreement_id": "agreement",
    "opportunity_id": "opportunity",
    "policy_id": "policy",
    "filing_id": "filing",
    "question_id": "question",
    "code": "indicator",
    "slug": "fair",
    "booth_id": "booth",
    "request_id": "fair_request",
}

#: Operations anyone may call without a token (the portal's published content and its public forms):
#: every role gets the same answer, 200 with the walk's objects or 422 for an empty form.
PUBLIC_OPERATIONS = {
    ("GET", "/api/v1/indicators"): 200,
    ("GET", "/api/v1/indicators/{code}/series"): 200,
    ("GET", "/api/v1/portal/letter"): 200,
    ("GET", "/api/v1/portal/opportunities"): 200,
    ("GET", "/api/v1/portal/opportunities/{opportunity_id}"): 200,
    ("GET", "/api/v1/portal/services"): 200,
    ("GET", "/api/v1/portal/policies"): 200,
    ("GET", "/api/v1/portal/policies/{policy_id}"): 200,
    ("GET", "/api/v1/portal/policy-finder"): 200,
    ("POST", "/api/v1/filings"): 422,
    ("GET", "/api/v1/filing-status"): 422,
    ("GET", "/api/v1/consulting/faq"): 200,
    ("POST", "/api/v1/consulting/questions/ask"): 422,
    ("GET", "/api/v1/consulting/questions/thread"): 422,
    ("GET", "/api/v1/fairs"): 200,
    ("GET", "/api/v1/fairs/{slug}"): 200,
    ("GET", "/api/v1/fairs/{slug}/booths"): 200,
    ("GET", "/api/v1/fairs/{slug}/booths/{booth_id}"): 200,
}
#: Operations on one's own profile in a fair: any account's token, but only with a profile in the
#: fair (nobody of the walk has one: 403 for all, 401 without a token).
PARTICIPANT_PREFIX = "/api/v1/fairs/{slug}/"


def _path_value(world: World, name: str) -> str:
    obj = world.objects[API_OBJECTS[name]]
    return str(obj.code if name == "code" else obj.slug if name == "slug" else obj.pk)


def api_operations() -> list[tuple[str, str]]:
    from yunzhao.api.main import api

    schema = api.get_openapi_schema()
    return sorted((method.upper(), path) for path, operations in schema["paths"].items() for method in operations)


def test_the_api_walk_covers_every_path_parameter():
    parameters = {name for _method, path in api_operations() for name in re.findall(r"{(\w+)}", path)}
    assert parameters <= set(API_OBJECTS)


def test_every_public_api_operation_is_one_the_api_offers():
    assert set(PUBLIC_OPERATIONS) <= set(api_operations())


@pytest.mark.parametrize(("method", "path"), api_operations())
def test_api_operation_answers_each_role(client, world, method, path):
    url = re.sub(r"{(\w+)}", lambda m: _path_value(world, m.group(1)), path)
    call = getattr(client, method.lower())
    public = PUBLIC_OPERATIONS.get((method, path))
    for role in ROLES:
        headers = {"Accept-Language": "en"}
        if role != "anonymous":
            headers["Authorization"] = "Bearer " + issue_token(owner=world.users[role], name="walk")[1]
        response = (
            call(url, "{}", content_type="application/json", headers=headers)
            if method != "GET"
            else call(url, headers=headers)
        )
        if public is not None:
            assert response.status_code == public, (role, response.content)
        elif role == "anonymous":
            assert response.status_code == 401, (role, response.content)
        elif path.startswith(PARTICIPANT_PREFIX):
            if method == "GET" or response.status_code != 422:  # an empty body may be refused first
                assert response.status_code == 403, (role, response.content)
                assert response.json()["code"] == "not_a_participant"
        elif role in ("investor", "exhibitor"):
            assert response.status_code == 403, (role, response.content)
        else:
            assert response.status_code < 500, (role, response.content)
            if method == "GET" and role in ("officer", "administrator"):
                assert response.status_code == 200, (role, response.content)
