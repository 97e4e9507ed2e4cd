"""The acceptance walk of the project platform, as a new officer does it, in Chinese, through the real pages.

An officer of 招商一部 signs in, finds a Japanese enterprise with the office search box (by a
two-character Chinese word, then by its Japanese name), records a site visit, moves the
enterprise's project to "negotiating" with the form on its page and hands it over to 大兴区.
The head of 大兴区 accepts it from My day; a leader reads the chain of the hand-over in the
project's timeline; the officer who handed it over no longer works it.
"""

import datetime as dt
import re

import pytest
from django.utils import timezone, translation

from tests.factories import PASSWORD, DepartmentFactory, EnterpriseFactory, ProjectFactory, UserFactory
from yunzhao.accounts.models import DepartmentKind, Role
from yunzhao.core.templatetags.yz_format import ldate
from yunzhao.crm.indexing import index_enterprise
from yunzhao.crm.models import Activity, ActivityKind, Ownership
from yunzhao.pipeline.models import Handover, HandoverStatus, Project, Stage

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ENTERPRISE_ZH = "东京投资株式会社"
ENTERPRISE_JA = "東京インベストメント株式会社"
PROJECT_TITLE = "东京投资华北研发中心项目"
VISIT_SUBJECT = "赴东京总部实地考察"
VISIT_NOTES = "参观了研发中心，对方希望年内确定落地区域。"
HANDOVER_NOTE = "企业选址倾向大兴区，请接手跟进。"


@pytest.fixture
def zone():
    unit = DepartmentFactory(name="招商一部", code="unit-1", kind=DepartmentKind.DEPARTMENT)
    district = DepartmentFactory(name="大兴区", code="daxing", kind=DepartmentKind.DISTRICT)
    officer = UserFactory(email="zhang@example.org", full_name="张专员", role=Role.OFFICER, department=unit)
    head = UserFactory(email="wang@example.org", full_name="王主任", role=Role.DEPARTMENT_HEAD, department=district)
    leader = UserFactory(email="li@example.org", full_name="李主任", role=Role.LEADER, department=None)
    enterprise = EnterpriseFactory(
        name_zh_hans=ENTERPRISE_ZH,
        name_en="Tokyo Investment K.K.",
        name_ja=ENTERPRISE_JA,
        country="JP",
        ownership=Ownership.FOREIGN,
    )
    index_enterprise(enterprise)
    project = ProjectFactory(
        title_zh_hans=PROJECT_TITLE,
        title_en="Tokyo Investment North China R&D centre",
        enterprise=enterprise,
        department=unit,
        owner=officer,
        stage=Stage.CONTACTED,
    )
    return {
        "unit": unit,
        "district": district,
        "officer": officer,
        "head": head,
        "leader": leader,
        "enterprise": enterprise,
        "project": project,
    }


def sign_in(page, user):
    """The real sign-in form, in Chinese; staff land on My day."""
    page.goto(f"{page.live_server_url}/zh-hans/accounts/login/")
    page.get_by_label("电子邮箱").fill(user.email)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录", exact=True).click()
    page.wait_for_url("**/zh-hans/office/")
    page.get_by_role("heading", name="我的一天", exact=True).wait_for()
    assert user.full_name in page.locator("header").inner_text()


def sign_out(page):
    page.get_by_role("button", name="退出登录").click()
    page.wait_for_url(re.compile(r"/zh-hans/$"))


def search(page, words):
    """Type into the search box in the top bar and press Enter."""
    box = page.locator("#office-search-q")
    box.fill(words)
    box.press("Enter")
    page.wait_for_url("**/zh-hans/office/search/?q=*")


def timeline_entry(page, text):
    return page.locator("#timeline-heading + ol > li").filter(has_text=text)


def test_officer_walks_a_project_from_search_to_hand_over(page, screenshot, zone):
    officer, head, leader = zone["officer"], zone["head"], zone["leader"]
    project = zone["project"]
    office = f"{page.live_server_url}/zh-hans/office"
    follow_up = timezone.localdate() + dt.timedelta(days=5)
    with translation.override("zh-hans"):
        follow_up_shown = ldate(follow_up)

    # 2. The officer signs in and finds the enterprise by a two-character word, then by its Japanese name.
    sign_in(page, officer)
    search(page, "投资")
    found = page.locator("#results-enterprise").get_by_role("link", name=ENTERPRISE_ZH, exact=True)
    assert found.count() == 1
    search(page, ENTERPRISE_JA)
    found = page.locator("#results-enterprise a[lang=ja]")
    assert found.inner_text() == ENTERPRISE_JA
    assert page.locator("#results-enterprise li").count() == 1
    found.click()
    page.wait_for_url(f"**/zh-hans/office/enterprises/{zone['enterprise'].pk}/")
    assert page.get_by_role("heading", level=1).inner_text() == ENTERPRISE_ZH

    # 3. A site visit recorded from the enterprise page, with a follow-up date.
    activities = page.locator("#activities")
    assert activities.locator("li").count() == 0
    activities.get_by_role("link", name="记录活动").click()
    page.wait_for_url(f"**/zh-hans/office/activities/new/?enterprise={zone['enterprise'].pk}")
    page.get_by_role("heading", name="记录活动", level=1).wait_for()
    page.get_by_label("类型").select_option(label="实地考察")
    page.get_by_label("项目", exact=True).select_option(label=PROJECT_TITLE)
    page.get_by_label("主题").fill(VISIT_SUBJECT)
    page.get_by_label("备注").fill(VISIT_NOTES)
    page.get_by_label("跟进日期").fill(follow_up.isoformat())
    page.get_by_role("button", name="记录活动").click()
    page.wait_for_url(f"**/zh-hans/office/enterprises/{zone['enterprise'].pk}/#activities")
    page.get_by_text("活动已记录。").wait_for()
    visit = activities.locator("li").filter(has_text=VISIT_SUBJECT)
    assert visit.count() == 1
    shown = visit.inner_text()
    assert "实地考察" in shown
    assert VISIT_NOTES in shown
    assert f"{follow_up_shown} 由 张专员 跟进" in shown
    screenshot(page, "journey-1-enterprise-visit-recorded-zh-hans")

    # 4. The project, moved to "negotiating" with the form on its page (no dragging).
    page.locator("main").get_by_role("link", name=PROJECT_TITLE).click()
    page.wait_for_url(f"**/zh-hans/office/projects/{project.pk}/")
    stage_badge = page.locator("main h1 + p .badge").first
    assert stage_badge.inner_text() == "初步接洽"
    move = page.locator("#move")
    stage_select = move.get_by_label("转入阶段")
    stage_select.focus()
    stage_select.select_option(label="洽谈")
    move.get_by_role("button", name="变更阶段").focus()
    page.keyboard.press("Enter")
    page.get_by_text(f"“{PROJECT_TITLE}”已转入“洽谈”阶段。").wait_for()
    assert page.url.endswith(f"/zh-hans/office/projects/{project.pk}/")
    assert stage_badge.inner_text() == "洽谈"
    assert timeline_entry(page, "洽谈").count() >= 1
    assert timeline_entry(page, VISIT_SUBJECT).count() == 1  # the visit recorded for this project

    # 5. Handed over to 大兴区 with a note.
    hand_over = page.locator("#hand-over")
    hand_over.get_by_label("流转至").select_option(label="大兴区")
    hand_over.get_by_label("备注").fill(HANDOVER_NOTE)
    hand_over.get_by_role("button", name="流转", exact=True).click()
    page.get_by_text("该项目正在等待 大兴区 接收。").wait_for()
    pending = page.locator("section[aria-labelledby=pending-heading]")
    assert "等待答复的项目流转" in pending.inner_text()
    assert "张专员 将该项目从 招商一部 流转至 大兴区" in pending.inner_text()
    assert HANDOVER_NOTE in pending.inner_text()
    assert pending.get_by_role("button", name="接收").count() == 0  # not the sender's to answer
    assert page.locator("#hand-over").count() == 0  # one hand-over at a time
    screenshot(page, "journey-2-project-handed-over-zh-hans")
    page.goto(f"{office}/")
    assert PROJECT_TITLE in page.locator("#handovers-sent").inner_text()
    sign_out(page)

    # 6. The head of 大兴区 sees it waiting on My day and accepts it.
    sign_in(page, head)
    to_answer = page.locator("#handovers-to-answer")
    assert "待答复的项目流转" in to_answer.inner_text()
    waiting = to_answer.locator("li").filter(has_text=PROJECT_TITLE)
    assert "来自 招商一部（张专员）" in waiting.inner_text()
    assert HANDOVER_NOTE in waiting.inner_text()
    screenshot(page, "journey-3-head-my-day-zh-hans")
    waiting.get_by_role("button", name="接收").click()
    page.wait_for_url(f"**/zh-hans/office/projects/{project.pk}/")
    page.get_by_text(f"您已接收“{PROJECT_TITLE}”，该项目现归属您的部门。").wait_for()
    figures = page.locator("section[aria-labelledby=figures-heading]").inner_text()
    assert re.search(r"部门\s*大兴区", figures)
    assert page.locator("section[aria-labelledby=pending-heading]").count() == 0
    page.goto(f"{office}/")
    assert "没有等待您答复的项目流转。" in page.locator("#handovers-to-answer").inner_text()
    sign_out(page)

    # 7. A leader reads the chain of the hand-over in the project's timeline.
    sign_in(page, leader)
    page.goto(f"{office}/projects/{project.pk}/")
    assert page.locator("main h1").inner_text() == PROJECT_TITLE
    requested = timeline_entry(page, "招商一部 发起项目流转，流转至 大兴区")
    accepted = timeline_entry(page, "大兴区 已接收项目流转")
    assert requested.count() == 1
    assert accepted.count() == 1
    assert "张专员" in requested.inner_text()
    assert HANDOVER_NOTE in requested.inner_text()
    assert "王主任" in accepted.inner_text()
    entries = page.locator("#timeline-heading + ol > li").all_inner_texts()
    assert [i for i, text in enumerate(entries) if "已接收项目流转" in text] < [
        i for i, text in enumerate(entries) if "发起项目流转" in text
    ], "the timeline runs newest first: the acceptance above the request"
    screenshot(page, "journey-4-leader-timeline-zh-hans")
    sign_out(page)

    # 8. The officer who handed it over no longer works it.
    sign_in(page, officer)
    response = page.goto(f"{office}/projects/{project.pk}/")
    assert response.status in {403, 404}
    body = page.locator("body")
    for label in ("编辑", "变更阶段", "流转"):
        assert body.get_by_role("button", name=label, exact=True).count() == 0
        assert body.get_by_role("link", name=label, exact=True).count() == 0
    assert page.request.get(f"{office}/projects/{project.pk}/edit/").status in {403, 404}
    assert page.request.get(f"{office}/projects/{project.pk}/move/").status in {403, 404}
    assert page.request.get(f"{office}/projects/{project.pk}/hand-over/").status in {403, 404}
    # Still on the enterprise's page, as a title without a link.
    page.goto(f"{office}/enterprises/{zone['enterprise'].pk}/")
    assert PROJECT_TITLE in page.locator("main").inner_text()
    assert page.locator("main").get_by_role("link", name=PROJECT_TITLE).count() == 0
    page.goto(f"{office}/")
    assert "没有等待中的项目流转。" in page.locator("#handovers-sent").inner_text()

    # What the pages said is what was stored.
    project = Project.objects.get(pk=project.pk)
    assert (project.stage, project.department, project.owner) == (Stage.NEGOTIATING, zone["district"], None)
    handover = Handover.objects.get(project=project)
    assert (handover.status, handover.requested_by, handover.decided_by, handover.note) == (
        HandoverStatus.ACCEPTED,
        officer,
        head,
        HANDOVER_NOTE,
    )
    activity = Activity.objects.get(enterprise=zone["enterprise"])
    assert (activity.kind, activity.project, activity.follow_up_on, activity.follow_up_owner) == (
        ActivityKind.SITE_VISIT,
        project,
        follow_up,
        officer,
    )
