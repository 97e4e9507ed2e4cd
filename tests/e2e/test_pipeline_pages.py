"""The project pages in a real browser: the list, the board with drag and drop, a project's page."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.utils import timezone

from tests.factories import ActivityFactory, EnterpriseFactory, UserFactory
from yunzhao.accounts.models import Role
from yunzhao.accounts.organisation import create_department
from yunzhao.pipeline import circulation, lifecycle
from yunzhao.pipeline.models import Project, Stage
from yunzhao.pipeline.projects import create_project

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
SERIOUS = {"serious", "critical"}


def serious(violations):
    return [v for v in violations if v["impact"] in SERIOUS]


def assert_no_horizontal_scroll(page):
    widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], f"the page is {widths[0]} px wide in a {widths[1]} px window"


@pytest.fixture
def zone():
    agency = create_department(name="示范区管委会", code="agency", kind="agency")
    unit = create_department(name="招商一部", code="unit-1", kind="department", parent=agency)
    district = create_department(name="大兴区", code="daxing", kind="district", parent=agency)
    officer = UserFactory(email="officer@example.org", full_name="张专员", role=Role.OFFICER, department=unit)
    projects = []
    stages = [Stage.LEAD, Stage.LEAD, Stage.CONTACTED, Stage.NEGOTIATING, Stage.CONTRACT_SIGNED]
    for index, stage in enumerate(stages):
        enterprise = EnterpriseFactory(name_zh_hans=f"示范企业{index}有限公司", name_en=f"Demo Enterprise {index} Ltd")
        project = create_project(
            by=officer,
            department=unit,
            owner=officer,
            title_zh_hans=f"智能制造项目{index}",
            title_en=f"Smart factory {index}",
            enterprise=enterprise,
            planned_investment=Decimal(50_000_000 * (index + 1)),
            is_key=index % 2 == 0,
        )
        if stage != Stage.LEAD:
            project = lifecycle.move_project(project=project, to_stage=stage, by=officer)
        projects.append(project)
    ActivityFactory(
        enterprise=projects[3].enterprise,
        project=projects[3],
        subject="第二轮洽谈",
        created_by=officer,
        follow_up_owner=officer,
        follow_up_on=timezone.localdate() - dt.timedelta(days=1),
        next_step="发送报价",
    )
    circulation.hand_over(project=projects[4], to_department=district, by=officer, note="落地大兴")
    return {"officer": officer, "projects": projects, "unit": unit}


@pytest.mark.parametrize("code", ["zh-hans", "en", "ar"])
def test_project_pages_render_and_pass_axe(page, login_as, axe_violations, screenshot, zone, code):
    login_as(page, zone["officer"])
    base = f"{page.live_server_url}/{code}/office"
    project = zone["projects"][3]

    page.goto(f"{base}/")
    screenshot(page, f"pipeline-my-day-{code}")
    assert serious(axe_violations(page)) == []
    assert_no_horizontal_scroll(page)

    page.goto(f"{base}/projects/")
    assert page.locator("#results tbody tr").count() == 5
    screenshot(page, f"pipeline-list-{code}")
    assert serious(axe_violations(page)) == []
    assert_no_horizontal_scroll(page)

    page.goto(f"{base}/projects/board/")
    assert page.locator(".board-card").count() == 5
    screenshot(page, f"pipeline-board-{code}", full_page=False)
    assert serious(axe_violations(page)) == []
    assert_no_horizontal_scroll(page)

    page.goto(f"{base}/projects/{project.pk}/")
    screenshot(page, f"pipeline-project-{code}")
    assert serious(axe_violations(page)) == []
    assert_no_horizontal_scroll(page)

    page.goto(f"{base}/projects/{zone['projects'][4].pk}/")  # with a hand-over waiting
    screenshot(page, f"pipeline-project-handover-{code}", full_page=False)
    assert serious(axe_violations(page)) == []

    page.goto(f"{base}/projects/{project.pk}/edit/")
    assert serious(axe_violations(page)) == []


def test_drag_a_card_and_answer_the_dialog(page, login_as, screenshot, zone):
    login_as(page, zone["officer"])
    project = zone["projects"][1]  # lead
    page.goto(f"{page.live_server_url}/en/office/projects/board/")
    card = page.locator(f".board-card[data-project='{project.pk}']")

    # Forward along the main line: no reason asked.
    card.drag_to(page.locator(".board-column[data-stage='contacted']"))
    dialog = page.get_by_role("dialog")
    dialog.wait_for()
    assert "Move “Smart factory 1” to “Contacted”" in dialog.inner_text()
    assert page.locator("#move-reason").get_attribute("required") is None
    dialog.get_by_role("button", name="Move").click()
    page.wait_for_url("**/en/office/projects/board/")
    page.get_by_text("“Smart factory 1” is now at “Contacted”.").wait_for()
    assert Project.objects.get(pk=project.pk).stage == Stage.CONTACTED

    # Back along the main line: the dialog asks for a reason.
    card = page.locator(f".board-card[data-project='{project.pk}']")
    card.drag_to(page.locator(".board-column[data-stage='lead']"))
    dialog.wait_for()
    assert page.locator("#move-reason").get_attribute("required") is not None
    assert "This move needs a reason." in dialog.inner_text()
    screenshot(page, "pipeline-board-dialog-en", full_page=False)
    page.locator("#move-reason").fill("对方预算调整，重新接洽")
    dialog.get_by_role("button", name="Move").click()
    page.get_by_text("“Smart factory 1” is now at “Lead”.").wait_for()
    project.refresh_from_db()
    assert (project.stage, project.stage_changes.order_by("-pk").first().reason) == (
        Stage.LEAD,
        "对方预算调整，重新接洽",
    )


def test_move_with_the_keyboard_only(page, login_as, zone):
    login_as(page, zone["officer"])
    project = zone["projects"][0]  # lead
    page.goto(f"{page.live_server_url}/en/office/projects/board/")
    link = page.locator(f".board-card[data-project='{project.pk}']").get_by_role("link", name="Move")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"/en/office/projects/{project.pk}/move/\?next="))
    page.get_by_label("Move to").focus()
    page.get_by_label("Move to").select_option("site_visit")
    page.keyboard.press("Tab")
    page.keyboard.type("现场考察已完成")
    page.get_by_role("button", name="Move").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/office/projects/board/")
    page.get_by_text("“Smart factory 0” is now at “Site visit”.").wait_for()
    assert Project.objects.get(pk=project.pk).stage == Stage.SITE_VISIT


def test_filtering_the_list_swaps_only_the_results(page, login_as, zone):
    login_as(page, zone["officer"])
    page.goto(f"{page.live_server_url}/en/office/projects/")
    page.evaluate("window.__marker = 'kept'")
    page.get_by_label("Key projects only").check()
    page.wait_for_url("**/en/office/projects/?*key=on*")
    page.wait_for_function("document.querySelectorAll('#results tbody tr').length === 3")
    assert page.evaluate("window.__marker") == "kept"
    page.get_by_label("Save these filters as").fill("My key projects")
    page.get_by_role("button", name="Save view").click()
    page.get_by_role("link", name="My key projects").wait_for()


def test_lost_update_is_refused_in_the_browser_and_the_input_kept(page, login_as, screenshot, zone):
    from yunzhao.pipeline.projects import update_project

    project = zone["projects"][2]
    colleague = UserFactory(full_name="李同事", role=Role.OFFICER, department=zone["unit"])
    login_as(page, zone["officer"])
    page.goto(f"{page.live_server_url}/en/office/projects/{project.pk}/edit/")
    page.get_by_label("Expected jobs").fill("150")
    project.refresh_from_db()
    update_project(project=project, by=colleague, expected_version=project.version, expected_jobs=300)
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Not saved: someone else changed this project since you opened it").wait_for()
    assert "李同事" in page.get_by_role("alert").first.inner_text()
    assert page.get_by_label("Expected jobs").input_value() == "150"
    screenshot(page, "pipeline-edit-conflict-en")
    page.get_by_role("button", name="Save my values over theirs").click()
    page.get_by_text("The project was saved.").wait_for()
    project.refresh_from_db()
    assert project.expected_jobs == 150
