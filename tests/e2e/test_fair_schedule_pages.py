"""The meeting schedule in a real browser: the organiser runs the scheduler and publishes it, a participant
finds the meeting on their agenda; screenshots of the result, the table plan and the agenda in Chinese,
English and Arabic."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from tests.browser import ARTIFACTS
from tests.factories import UserFactory
from tests.matchmaking.factories import ParticipantFactory
from tests.matchmaking.test_planning_schedule import accepted, small_fair
from yunzhao.accounts.models import Role
from yunzhao.matchmaking.models import Meeting, MeetingStatus

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def fair_with_requests(settings):
    settings.YUNZHAO = {**settings.YUNZHAO, "FAIR_SCHEDULER_SECONDS": 2}
    organiser = UserFactory(role=Role.OFFICER)
    small = small_fair(organiser_department=organiser.department)
    nadia = ParticipantFactory(fair=small.fair, name="Nadia Petrova", organisation="Volga Trade", country="RU")
    nadia.available_slots.set(small.slots[3:])
    accepted(small.fair, nadia, small.people["maria"])  # no common slot
    for n in range(2):  # María can meet in two slots only
        seller = ParticipantFactory(fair=small.fair, role="exhibitor", name=f"Seller {n + 1}", organisation="Delta")
        accepted(small.fair, seller, small.people["maria"])
    return organiser, small


@pytest.mark.parametrize("code", ["zh-hans", "en", "ar"])
def test_organiser_runs_and_publishes_and_a_participant_sees_the_meeting(
    page, live_server, login_as, screenshot, axe_violations, fair_with_requests, code
):
    organiser, small = fair_with_requests
    base = live_server.url
    login_as(page, organiser)
    page.goto(f"{base}/{code}/office/fairs/{small.fair.pk}/schedule/")
    assert page.locator("#count-requests").inner_text() == "8"
    page.locator("#run-scheduler").click()
    page.wait_for_selector("#run-result")
    assert page.locator("#count-planned").inner_text() == "5"
    assert page.locator("#unscheduled tbody tr").count() == 3
    assert "Nadia Petrova" in page.locator("#unscheduled").inner_text()
    assert page.locator("#oversubscribed").is_visible()
    screenshot(page, f"fair-schedule-result-{code}")
    assert axe_violations(page) == []

    page.locator("#publish-schedule").click()
    page.wait_for_selector("#publish-schedule", state="detached")
    assert page.locator("#count-published").inner_text() == "5"
    assert Meeting.objects.filter(status=MeetingStatus.PUBLISHED).count() == 5

    page.goto(f"{base}/{code}/office/fairs/{small.fair.pk}/table-plan/")
    assert page.locator("#table-plan thead th").count() == 4  # slot, A1, A2, online
    screenshot(page, f"fair-table-plan-{code}")
    assert axe_violations(page) == []

    sato = small.people["sato"]
    login_as(page, sato.user)
    page.goto(f"{base}/{code}/fairs/{small.fair.slug}/agenda/")
    meeting = Meeting.objects.get(request=small.requests["sato-wang"])
    card = page.locator(f"#meeting-{meeting.pk}")
    assert "王丽" in card.inner_text()
    assert meeting.table is not None
    assert meeting.table.name in card.inner_text()
    assert page.locator("#agenda > li.card").count() == 3
    screenshot(page, f"fair-agenda-{code}")
    assert axe_violations(page) == []

    pdf = page.request.get(f"{base}/{code}/fairs/{small.fair.slug}/agenda.pdf")
    assert pdf.headers["content-type"] == "application/pdf"
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"fair-agenda-{code}.pdf").write_bytes(pdf.body())
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.body())).pages)
    assert "王丽" in text
