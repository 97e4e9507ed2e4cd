"""The project list, the board, a project's page and its actions, as an officer sees them."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from tests.factories import ActivityFactory, DepartmentFactory, EnterpriseFactory, ProjectFactory, UserFactory
from yunzhao.accounts.models import Role
from yunzhao.core.models import ExchangeRate
from yunzhao.pipeline import circulation, lifecycle
from yunzhao.pipeline.indexing import index_project
from yunzhao.pipeline.models import Handover, HandoverStatus, Project, Stage
from yunzhao.pipeline.projects import create_project, update_project

pytestmark = pytest.mark.django_db


@pytest.fixture
def own_project(officer):
    return create_project(
        by=officer,
        department=officer.department,
        owner=officer,
        title_zh_hans="氢能装备项目",
        enterprise=EnterpriseFactory(name_zh_hans="氢能科技有限公司"),
        planned_investment=Decimal("10000000"),
        currency="USD",
    )


# --- list ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("count", [1, 3])
def test_project_list_query_count_does_not_grow(officer_client, officer, count_queries, count):
    ProjectFactory.create_batch(count, department=officer.department, owner=officer)
    with count_queries() as counted:
        response = officer_client.get("/en/office/projects/?stage=lead&key=&sort=title")
    assert response.status_code == 200
    assert len(response.context["object_list"]) == count
    assert counted.count == 14, counted.statements


def test_project_list_shows_only_the_department_and_handed_projects(officer_client, officer):
    ProjectFactory(title_zh_hans="本部门项目", department=officer.department)
    ProjectFactory(title_zh_hans="别的部门项目")
    handed = ProjectFactory(title_zh_hans="转来的项目")
    circulation.hand_over(project=handed, to_department=officer.department, to_owner=officer, by=UserFactory())
    response = officer_client.get("/en/office/projects/?sort=title")
    assert sorted(p.title for p in response.context["object_list"]) == ["本部门项目", "转来的项目"]


def test_project_list_shows_amounts_in_yuan(officer_client, own_project):
    ExchangeRate.objects.create(currency="USD", valid_from=dt.date(2020, 1, 1), cny_per_unit=Decimal("7.2"))
    body = officer_client.get("/en/office/projects/").content.decode()
    assert "$10 million" in body
    assert "≈ CN¥72 million" in body


def test_project_list_htmx_request_gets_only_the_results(officer_client, officer):
    ProjectFactory(title_zh_hans="线索项目", department=officer.department, stage=Stage.LEAD)
    ProjectFactory(title_zh_hans="洽谈项目", department=officer.department, stage=Stage.NEGOTIATING)
    response = officer_client.get("/en/office/projects/?stage=negotiating", headers={"HX-Request": "true"})
    body = response.content.decode()
    assert "<html" not in body
    assert "洽谈项目" in body
    assert "线索项目" not in body
    assert 'name="query" value="stage=negotiating"' in body


# --- board --------------------------------------------------------------------------------------


@pytest.mark.parametrize("count", [1, 3])
@pytest.mark.parametrize(
    ("query", "queries"),
    [
        ("", 15),  # the first cards of every stage in one query (each stage walks its index), totals in another
        ("?q=研发", 13),  # a search is matched once: cards numbered, stages counted and summed in one pass
    ],
)
def test_board_query_count_does_not_grow(officer_client, officer, count_queries, count, query, queries):
    for stage in [Stage.LEAD, Stage.NEGOTIATING, Stage.LOST][:count]:
        project = ProjectFactory(
            department=officer.department, owner=officer, stage=stage, title_zh_hans=f"研发中心 {stage}"
        )
        index_project(project)
    with count_queries() as counted:
        response = officer_client.get(f"/en/office/projects/board/{query}")
    assert response.status_code == 200
    assert sum(len(column.cards) for column in response.context["columns"]) == count
    assert counted.count == queries, counted.statements


def test_board_columns_count_total_and_cap_cards(officer_client, officer, monkeypatch):
    monkeypatch.setattr("yunzhao.pipeline.views.lists.CARDS_PER_COLUMN", 2)
    for amount in ("1000000", "2000000", "3000000"):
        ProjectFactory(department=officer.department, stage=Stage.SITE_VISIT, planned_investment=Decimal(amount))
    ProjectFactory(department=officer.department, stage=Stage.ON_HOLD)
    response = officer_client.get("/en/office/projects/board/?sort=-amount")
    columns = {column.stage.value: column for column in response.context["columns"]}
    visit = columns["site_visit"]
    assert (visit.count, visit.total_cny, visit.more) == (3, Decimal("6000000"), 1)
    assert [card.planned_investment for card in visit.cards] == [Decimal("3000000"), Decimal("2000000")]
    assert (columns["on_hold"].count, columns["on_hold"].collapsed) == (1, True)
    assert list(columns) == [*[s.value for s in lifecycle.MAIN_LINE], "on_hold", "lost"]
    body = response.content.decode()
    assert "1 more" in body
    assert "/en/office/projects/?sort=-amount&amp;stage=site_visit" in body


@pytest.mark.parametrize("query", ["", "&q=研发"])
def test_board_counts_and_totals_are_the_same_with_or_without_words(officer_client, officer, monkeypatch, query):
    monkeypatch.setattr("yunzhao.pipeline.views.lists.CARDS_PER_COLUMN", 2)
    ExchangeRate.objects.create(currency="USD", valid_from=dt.date(2020, 1, 1), cny_per_unit=Decimal("7"))
    for amount, currency in (("1000000", "CNY"), ("2000000", "CNY"), ("1000000", "USD")):
        project = ProjectFactory(
            department=officer.department,
            stage=Stage.SITE_VISIT,
            planned_investment=Decimal(amount),
            currency=currency,
            title_zh_hans=f"研发中心 {amount} {currency}",
        )
        index_project(project)
    index_project(ProjectFactory(department=officer.department, stage=Stage.LEAD, title_zh_hans="研发楼"))
    response = officer_client.get(f"/en/office/projects/board/?sort=-amount{query}")
    columns = {column.stage.value: column for column in response.context["columns"]}
    visit = columns["site_visit"]
    assert (visit.count, visit.total_cny, visit.more) == (3, Decimal("10000000"), 1)
    assert [(card.planned_investment, card.currency) for card in visit.cards] == [
        (Decimal("1000000"), "USD"),
        (Decimal("2000000"), "CNY"),
    ]
    assert columns["lead"].count == 1
    assert columns["negotiating"].count == 0


def test_board_cards_say_which_moves_need_a_reason(officer_client, own_project):
    lifecycle.move_project(project=own_project, to_stage=Stage.NEGOTIATING, by=own_project.owner)
    response = officer_client.get("/en/office/projects/board/")
    card = next(c for column in response.context["columns"] for c in column.cards)
    assert card.reason_targets == "lead contacted site_visit on_hold lost"
    assert "negotiating" not in card.allowed_targets.split()


def test_board_move_needing_a_reason_is_refused_without_one(officer_client, own_project):
    lifecycle.move_project(project=own_project, to_stage=Stage.NEGOTIATING, by=own_project.owner)
    own_project.refresh_from_db()
    url = f"/en/office/projects/{own_project.pk}/move/"
    response = officer_client.post(
        url, {"to_stage": "lost", "version": own_project.version, "next": "/en/office/projects/board/"}
    )
    assert response.status_code == 200
    assert "Say why: this move needs a reason." in response.content.decode()
    response = officer_client.post(
        url,
        {
            "to_stage": "lost",
            "reason": "投资方撤回",
            "version": own_project.version,
            "next": "/en/office/projects/board/",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/office/projects/board/"
    own_project.refresh_from_db()
    assert (own_project.stage, own_project.closing_reason) == (Stage.LOST, "投资方撤回")


def test_forbidden_move_is_refused_with_a_message(officer_client, own_project):
    lifecycle.move_project(project=own_project, to_stage=Stage.PRODUCTION, by=own_project.owner)
    own_project.refresh_from_db()
    response = officer_client.post(
        f"/en/office/projects/{own_project.pk}/move/", {"to_stage": "on_hold", "reason": "x", "version": 3}
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    # The domain function refuses what the form cannot see coming, e.g. a date before the last move.
    response = officer_client.post(
        f"/en/office/projects/{own_project.pk}/move/",
        {"to_stage": "lead", "reason": "更正", "effective_at": "2001-01-01T10:00", "version": own_project.version},
    )
    assert response.status_code == 200
    assert "A move cannot take effect before the project&#x27;s previous move" in response.content.decode()
    own_project.refresh_from_db()
    assert own_project.stage == Stage.PRODUCTION


def test_move_with_a_stale_version_is_refused(officer_client, own_project):
    response = officer_client.post(
        f"/en/office/projects/{own_project.pk}/move/", {"to_stage": "contacted", "version": own_project.version - 1}
    )
    assert response.status_code == 409
    assert "Someone else changed this project" in response.content.decode()


def test_back_dated_move_through_the_keyboard_form(officer_client, own_project):
    Project.objects.filter(pk=own_project.pk).update(stage_entered_at=timezone.now() - dt.timedelta(days=10))
    own_project.stage_changes.update(effective_at=timezone.now() - dt.timedelta(days=10))
    page = officer_client.get(f"/en/office/projects/{own_project.pk}/move/")
    assert [value for value, _label in page.context["form"].fields["to_stage"].choices][:2] == [
        "contacted",
        "site_visit",
    ]
    moment = timezone.localtime() - dt.timedelta(days=3)
    response = officer_client.post(
        f"/en/office/projects/{own_project.pk}/move/",
        {
            "to_stage": "contacted",
            "reason": "补录",
            "effective_at": moment.strftime("%Y-%m-%dT%H:%M"),
            "version": own_project.version,
        },
    )
    assert response.status_code == 302
    change = own_project.stage_changes.order_by("-pk").first()
    assert (change.to_stage, change.reason, change.is_backdated) == ("contacted", "补录", True)


# --- project page ---------------------------------------------------------------------------


def test_project_page_shows_figures_stages_and_one_timeline(officer_client, officer, own_project):
    ExchangeRate.objects.create(currency="USD", valid_from=dt.date(2020, 1, 1), cny_per_unit=Decimal("7"))
    ActivityFactory(
        enterprise=own_project.enterprise,
        project=own_project,
        subject="首次视频会议",
        occurred_at=timezone.now() - dt.timedelta(days=2),
        created_by=officer,
    )
    lifecycle.move_project(project=own_project, to_stage=Stage.CONTACTED, by=officer)
    own_project.refresh_from_db()
    update_project(project=own_project, by=officer, expected_version=own_project.version, expected_jobs=120)
    handover = circulation.hand_over(project=own_project, to_department=DepartmentFactory(name="大兴区"), by=officer)
    circulation.cancel_handover(handover=handover, by=officer, reason="再议")
    response = officer_client.get(f"/en/office/projects/{own_project.pk}/")
    assert response.status_code == 200
    kinds = [(item.kind, item.event) for item in response.context["timeline"]]
    assert kinds == [
        ("handover", "cancelled"),
        ("handover", "requested"),
        ("audit", ""),
        ("stage", ""),
        ("audit", ""),
        ("stage", ""),
        ("activity", ""),
    ]
    assert [stage.value for stage, _spent in response.context["time_in_stages"]] == ["lead", "contacted"]
    body = response.content.decode()
    assert "首次视频会议" in body
    assert "project.updated" in body
    assert "再议" in body
    assert "Moved from “Lead” to “Contacted”" in body
    assert "CN¥70,000,000.00" in body
    assert f"/en/office/activities/new/?project={own_project.pk}" in body


@pytest.mark.parametrize("count", [1, 3])
def test_project_page_query_count_does_not_grow(officer_client, officer, own_project, count_queries, count):
    for _ in range(count):
        ActivityFactory(enterprise=own_project.enterprise, project=own_project, created_by=officer)
        lifecycle.move_project(project=own_project, to_stage=Stage.ON_HOLD, by=officer, reason="等")
        own_project.refresh_from_db()
        lifecycle.move_project(project=own_project, to_stage=Stage.LEAD, by=officer)
        own_project.refresh_from_db()
    with count_queries() as counted:
        response = officer_client.get(f"/en/office/projects/{own_project.pk}/")
    assert response.status_code == 200
    assert counted.count == 15, counted.statements


def test_officers_cannot_open_other_departments_projects(officer_client):
    other = ProjectFactory()
    assert officer_client.get(f"/en/office/projects/{other.pk}/").status_code == 404
    assert officer_client.get(f"/en/office/projects/{other.pk}/edit/").status_code == 404
    assert officer_client.post(f"/en/office/projects/{other.pk}/move/", {"to_stage": "contacted"}).status_code == 404


def test_leader_reads_but_may_not_edit(client, leader, own_project):
    client.force_login(leader)
    assert client.get(f"/en/office/projects/{own_project.pk}/").status_code == 200
    assert client.get(f"/en/office/projects/{own_project.pk}/edit/").status_code == 403
    assert client.post(f"/en/office/projects/{own_project.pk}/move/", {"to_stage": "contacted"}).status_code == 403


def test_investors_are_kept_out(client, investor, own_project):
    client.force_login(investor)
    assert client.get("/en/office/projects/").status_code == 403
    assert client.get(f"/en/office/projects/{own_project.pk}/").status_code == 403


# --- hand-overs --------------------------------------------------------------------------------


def test_accepted_hand_over_moves_ownership_and_the_sender_can_no_longer_edit(client, officer, own_project):
    district = DepartmentFactory(name="大兴区")
    receiver = UserFactory(role=Role.OFFICER, department=district)
    client.force_login(officer)
    response = client.post(
        f"/en/office/projects/{own_project.pk}/hand-over/", {"to_department": district.pk, "note": "落地大兴"}
    )
    assert response.status_code == 302
    handover = Handover.objects.get()
    assert (handover.to_department, handover.note) == (district, "落地大兴")

    head = UserFactory(role=Role.DEPARTMENT_HEAD, department=district)
    client.force_login(receiver)
    assert client.post(f"/en/office/projects/hand-overs/{handover.pk}/accept/").status_code == 403
    client.force_login(head)
    response = client.post(f"/en/office/projects/hand-overs/{handover.pk}/accept/")
    assert response.status_code == 302
    own_project.refresh_from_db()
    handover.refresh_from_db()
    assert (own_project.department, own_project.owner, handover.status) == (district, None, HandoverStatus.ACCEPTED)

    client.force_login(officer)
    assert client.get(f"/en/office/projects/{own_project.pk}/edit/").status_code == 404
    assert client.get(f"/en/office/projects/{own_project.pk}/").status_code == 404
    client.force_login(receiver)
    assert client.get(f"/en/office/projects/{own_project.pk}/edit/").status_code == 200


def test_answering_a_hand_over_twice_gives_a_message_not_an_error(client, officer, own_project):
    district = DepartmentFactory()
    head = UserFactory(role=Role.DEPARTMENT_HEAD, department=district)
    handover = circulation.hand_over(project=own_project, to_department=district, by=officer)
    client.force_login(officer)
    page = client.get(f"/en/office/projects/hand-overs/{handover.pk}/cancel/")  # the sender opens the form
    assert page.status_code == 200
    circulation.reject_handover(handover=handover, by=head, reason="不在我区范围")
    response = client.post(f"/en/office/projects/hand-overs/{handover.pk}/cancel/", {"reason": "撤回"})
    assert response.status_code == 200
    assert "This hand-over has already been answered." in response.content.decode()
    handover.refresh_from_db()
    assert handover.status == HandoverStatus.REJECTED
    # Accepting an answered one: a message on the page it came from, never an error page.
    client.force_login(UserFactory(role=Role.ADMINISTRATOR, department=None))
    response = client.post(f"/en/office/projects/hand-overs/{handover.pk}/accept/", follow=True)
    assert response.status_code == 200
    assert "This hand-over has already been answered." in response.content.decode()


def test_reject_needs_a_reason_and_cancel_is_for_the_sender(client, officer, own_project):
    district = DepartmentFactory()
    head = UserFactory(role=Role.DEPARTMENT_HEAD, department=district)
    handover = circulation.hand_over(project=own_project, to_department=district, by=officer)
    client.force_login(head)
    response = client.post(f"/en/office/projects/hand-overs/{handover.pk}/reject/", {"reason": ""})
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert client.post(f"/en/office/projects/hand-overs/{handover.pk}/cancel/").status_code == 403
    response = client.post(f"/en/office/projects/hand-overs/{handover.pk}/reject/", {"reason": "用地不足"})
    assert response.status_code == 302
    assert response["Location"] == "/en/office/"
    handover.refresh_from_db()
    assert (handover.status, handover.reason, handover.decided_by) == (HandoverStatus.REJECTED, "用地不足", head)


def test_second_hand_over_is_refused_with_a_message(officer_client, officer, own_project):
    circulation.hand_over(project=own_project, to_department=DepartmentFactory(), by=officer)
    response = officer_client.post(
        f"/en/office/projects/{own_project.pk}/hand-over/", {"to_department": DepartmentFactory().pk}
    )
    assert response.status_code == 200
    assert "This project already has a hand-over waiting for an answer." in response.content.decode()


# --- create and edit -------------------------------------------------------------------------


def loaded(response):
    """The hidden fields an edit form was loaded with."""
    initial = response.context["form"].initial
    return {"version": initial["version"], "loaded_entry": initial["loaded_entry"] or ""}


def form_data(project: Project, **changes):
    data = {
        "title_zh_hans": project.title_zh_hans,
        "title_en": project.title_en or "",
        "enterprise": project.enterprise_id,
        "industry": project.industry_id or "",
        "planned_investment": str(project.planned_investment),
        "currency": project.currency,
        "expected_jobs": project.expected_jobs or "",
        "source": project.source,
        "key_level": project.key_level,
    }
    data.update(changes)
    return data


def test_create_project_through_the_form(officer_client, officer):
    enterprise = EnterpriseFactory()
    response = officer_client.post(
        "/en/office/projects/new/",
        {
            "title_zh_hans": "智能制造基地",
            "enterprise": enterprise.pk,
            "planned_investment": "250000000",
            "currency": "jpy",
            "source": "event",
            "key_level": "",
        },
    )
    project = Project.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/en/office/projects/{project.pk}/"
    assert (project.title_zh_hans, project.currency, project.department, project.owner, project.stage) == (
        "智能制造基地",
        "JPY",
        officer.department,
        officer,
        Stage.LEAD,
    )


def test_two_forms_loaded_both_saved_second_is_refused_with_the_other_change(client, officer, own_project):
    colleague = UserFactory(role=Role.OFFICER, department=officer.department, full_name="李同事")
    url = f"/en/office/projects/{own_project.pk}/edit/"
    client.force_login(officer)
    mine = loaded(client.get(url))
    client.force_login(colleague)
    theirs = loaded(client.get(url))
    assert mine == theirs

    response = client.post(url, form_data(own_project, expected_jobs="300", **theirs))
    assert response.status_code == 302

    client.force_login(officer)
    response = client.post(url, form_data(own_project, expected_jobs="150", title_en="Hydrogen plant", **mine))
    assert response.status_code == 409
    body = response.content.decode()
    assert "Not saved: someone else changed this project since you opened it" in body
    assert "李同事" in body
    assert response.context["conflict_comparison"] == [("Expected jobs", "300", "150")]
    form = response.context["form"]
    assert (form["expected_jobs"].value(), form["title_en"].value()) == ("150", "Hydrogen plant")
    own_project.refresh_from_db()
    assert (own_project.expected_jobs, own_project.title_en) == (300, None)

    # Re-applying on top of the current version saves the user's values.
    retry = {key: form[key].value() for key in ("version", "loaded_entry")}
    response = client.post(url, form_data(own_project, expected_jobs="150", title_en="Hydrogen plant", **retry))
    assert response.status_code == 302
    own_project.refresh_from_db()
    assert (own_project.expected_jobs, own_project.title_en) == (150, "Hydrogen plant")


def test_edit_after_a_stage_move_is_refused_too(officer_client, officer, own_project):
    url = f"/en/office/projects/{own_project.pk}/edit/"
    initial = loaded(officer_client.get(url))
    lifecycle.move_project(project=own_project, to_stage=Stage.CONTACTED, by=UserFactory(role=Role.ADMINISTRATOR))
    response = officer_client.post(url, form_data(own_project, expected_jobs="5", **initial))
    assert response.status_code == 409
    assert "project.stage.changed" in response.content.decode()


def test_board_htmx_request_gets_only_the_columns(officer_client, officer):
    ProjectFactory(title_zh_hans="线索项目", department=officer.department, stage=Stage.LEAD, is_key=True)
    ProjectFactory(title_zh_hans="普通项目", department=officer.department, stage=Stage.LEAD)
    response = officer_client.get("/en/office/projects/board/?key=on", headers={"HX-Request": "true"})
    body = response.content.decode()
    assert "<html" not in body
    assert "线索项目" in body
    assert "普通项目" not in body
