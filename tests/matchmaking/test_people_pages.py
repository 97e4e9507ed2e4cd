"""The people pages: joining and editing a profile, times, recommendations, a participant's
page with the request form, and the requests page (answer, cancel)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from tests.factories import UserFactory
from tests.matchmaking.factories import (
    BoothFactory,
    ExhibitorFactory,
    FairFactory,
    ParticipantFactory,
    SlotFactory,
)
from yunzhao.accounts.models import Role
from yunzhao.core.models import AuditEntry
from yunzhao.crm.industries import load_industries
from yunzhao.matchmaking import meeting_requests, recommend
from yunzhao.matchmaking.models import MeetingRequest, Participant, RequestStatus

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _industries():
    load_industries()
    recommend.clear_cache()


def url(name: str, *args, language: str = "en") -> str:
    with translation.override(language):
        return reverse(f"fairs:{name}", args=args)


def profile_post(**overrides):
    data = {
        "role": "buyer",
        "name": "佐藤 健一",
        "organisation": "さくら商事",
        "job_title": "購買部長",
        "email": "sato@example.jp",
        "country": "jp",
        "language": "ja",
        "industries": ["38", "C"],
        "intents": ["buy", "distribute"],
        "sought_countries": "CN, vn",
        "offered_countries": "JP",
        "company_size": "medium",
        "deal_min": "100000",
        "deal_max": "2000000",
        "about": "家庭用蓄電池を輸入したい",
        "consent": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_anonymous_visitors_are_sent_to_sign_in_and_back(client):
    fair = FairFactory()
    for name in ("join", "availability", "recommendations", "requests"):
        response = client.get(url(name, fair.slug))
        assert response.status_code == 302
        assert "next=" in response["Location"]
        assert "login" in response["Location"]


def test_a_visitor_joins_with_consent_and_edits_the_profile(client):
    fair = FairFactory()
    user = UserFactory(role=Role.INVESTOR, department=None, full_name="佐藤 健一", email="sato@example.jp")
    client.force_login(user)
    page = client.get(url("join", fair.slug))
    assert page.status_code == 200
    assert "佐藤 健一" in page.content.decode()

    response = client.post(url("join", fair.slug), profile_post())
    assert response.status_code == 302
    assert response["Location"] == url("recommendations", fair.slug)
    participant = Participant.objects.get(fair=fair, user=user)
    assert participant.role == "buyer"
    assert participant.country == "JP"
    assert participant.sought_countries == ["CN", "VN"]
    assert participant.intents == ["buy", "distribute"]
    assert sorted(i.code for i in participant.industries.all()) == ["38", "C"]
    assert participant.consent_at is not None
    assert AuditEntry.objects.filter(action="matchmaking.participant.joined").count() == 1

    first_consent = participant.consent_at
    response = client.post(url("join", fair.slug), profile_post(about="リチウム電池", role="investor"))
    participant.refresh_from_db()
    assert (participant.about, participant.role) == ("リチウム電池", "investor")
    assert participant.consent_at >= first_consent
    assert Participant.objects.filter(fair=fair, user=user).count() == 1
    edit = client.get(url("join", fair.slug)).content.decode()
    assert "リチウム電池" in edit
    assert 'value="CN, VN"' in edit


def test_the_profile_form_explains_what_is_wrong(client):
    fair = FairFactory()
    client.force_login(UserFactory(role=Role.INVESTOR, department=None))
    response = client.post(
        url("join", fair.slug),
        profile_post(sought_countries="CN, XX, Japan", deal_min="500", deal_max="100", consent=None, role="exhibitor"),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "These are not ISO country codes: XX, JAPAN." in html
    assert "The largest deal size cannot be below the smallest." in html
    assert "This field is required." in html  # the consent
    assert "Select a valid choice." in html  # a visitor cannot choose to be an exhibitor
    assert not Participant.objects.exists()


def test_an_exhibitor_account_joins_for_its_booth(client):
    fair = FairFactory()
    booth = BoothFactory(fair=fair, name_zh_hans="华光储能科技", name_en="Huaguang Storage", country="CN")
    account = ExhibitorFactory()
    booth.accounts.add(account)
    client.force_login(account)
    page = client.get(url("join", fair.slug)).content.decode()
    assert 'name="role"' not in page
    assert 'value="Huaguang Storage"' in page  # the organisation starts as the booth's name
    response = client.post(
        url("join", fair.slug), profile_post(role=None, booth=str(booth.pk), organisation="华光储能科技", country="CN")
    )
    assert response.status_code == 302
    participant = Participant.objects.get(user=account)
    assert (participant.role, participant.booth) == ("exhibitor", booth)
    # Another fair's booth cannot be claimed.
    other = BoothFactory()
    client.post(url("join", fair.slug), profile_post(role=None, booth=str(other.pk)))
    participant.refresh_from_db()
    assert participant.booth == booth


def test_pages_for_participants_send_others_to_the_profile_form(client):
    fair = FairFactory()
    client.force_login(UserFactory(role=Role.INVESTOR, department=None))
    for name in ("availability", "recommendations", "requests"):
        response = client.get(url(name, fair.slug))
        assert response["Location"] == url("join", fair.slug)


def test_availability_by_day_and_session(client):
    fair = FairFactory()
    day = timezone.localtime(timezone.now() + dt.timedelta(days=1)).replace(minute=0, second=0, microsecond=0)
    morning = SlotFactory(fair=fair, starts_at=day.replace(hour=9), ends_at=day.replace(hour=9, minute=25))
    afternoon = SlotFactory(fair=fair, starts_at=day.replace(hour=14), ends_at=day.replace(hour=14, minute=25))
    participant = ParticipantFactory(fair=fair)
    client.force_login(participant.user)
    html = client.get(url("availability", fair.slug)).content.decode()
    assert "Morning" in html
    assert "Afternoon" in html
    assert html.count("checked") == 2  # none chosen: present throughout

    client.post(url("availability", fair.slug), {"slots": [str(afternoon.pk)]})
    assert list(participant.available_slots.all()) == [afternoon]
    client.post(url("availability", fair.slug), {"slots": [str(morning.pk), str(afternoon.pk)]})
    assert list(participant.available_slots.all()) == []  # every slot: stored as none
    response = client.post(url("availability", fair.slug), {})
    assert "Tick at least one time you can meet." in response.content.decode()


def test_recommendations_page_shows_reasons_marks_and_the_request_button(client):
    fair = FairFactory()
    buyer = ParticipantFactory(fair=fair, role="buyer", intents=["buy"], sought_countries=["CN"])
    maker = ParticipantFactory(
        fair=fair, role="exhibitor", organisation="华光储能", country="CN", intents=["sell"], offered_countries=["CN"]
    )
    asker = ParticipantFactory(fair=fair, role="exhibitor", organisation="江南纺织", country="CN", intents=["sell"])
    meeting_requests.send_request(sender=asker, recipient=buyer)
    client.force_login(buyer.user)
    html = client.get(url("recommendations", fair.slug)).content.decode()
    assert html.index("华光储能") < html.index("江南纺织")
    assert "You want to buy; they sell" in html
    assert "You look for business in China; they operate in China" in html
    assert "They asked you" in html
    assert url("participant-detail", fair.slug, maker.pk) + "#request" in html
    # In Chinese, the reasons are Chinese.
    chinese = client.get(url("recommendations", fair.slug, language="zh-hans")).content.decode()
    assert "您希望采购；对方提供销售" in chinese


def test_a_participant_page_sends_a_request_and_explains_a_refusal(client):
    fair = FairFactory(max_requests=1)
    buyer = ParticipantFactory(fair=fair, role="buyer", email="hidden@example.jp")
    maker = ParticipantFactory(fair=fair, role="exhibitor", organisation="华光储能", email="maker@example.cn")
    other = ParticipantFactory(fair=fair, role="exhibitor", organisation="江南纺织")
    client.force_login(buyer.user)
    page = client.get(url("participant-detail", fair.slug, maker.pk)).content.decode()
    assert "华光储能" in page
    assert "maker@example.cn" not in page  # e-mail addresses are not shown
    assert 'value="group"' not in page  # only hosted buyers hold group meetings

    response = client.post(url("request-create", fair.slug, maker.pk), {"kind": "online", "message": "蓄電池について"})
    assert response["Location"] == url("requests", fair.slug)
    request = MeetingRequest.objects.get()
    assert (request.sender, request.recipient, request.kind) == (buyer, maker, "online")
    assert "You asked them for a meeting" in client.get(url("participant-detail", fair.slug, maker.pk)).content.decode()

    response = client.post(url("request-create", fair.slug, other.pk), {"kind": "one_to_one", "message": ""})
    assert response.status_code == 200
    assert "as many as this fair allows" in response.content.decode()


def test_the_requests_page_answers_cancels_and_shows_expiry(client):
    fair = FairFactory(request_expiry_hours=48)
    buyer = ParticipantFactory(fair=fair, role="buyer", organisation="さくら商事")
    maker = ParticipantFactory(fair=fair, role="exhibitor", organisation="华光储能")
    late = ParticipantFactory(fair=fair, role="buyer", organisation="Old Request Ltd")
    request = meeting_requests.send_request(sender=buyer, recipient=maker, message="蓄電池")
    stale = meeting_requests.send_request(sender=late, recipient=maker, now=timezone.now() - dt.timedelta(hours=50))
    client.force_login(maker.user)
    html = client.get(url("requests", fair.slug)).content.decode()
    assert "さくら商事" in html
    assert "蓄電池" in html
    assert f'id="request-{stale.pk}"' in html
    assert "Expired unanswered" in html
    assert 'class="expires"' in html
    assert url("request-answer", fair.slug, stale.pk) not in html

    client.post(url("request-answer", fair.slug, request.pk), {"decision": "accept", "note": "ようこそ"})
    request.refresh_from_db()
    assert (request.status, request.answer_note) == (RequestStatus.ACCEPTED, "ようこそ")

    # The buyer sees it accepted and cancels it; someone else cannot.
    client.force_login(late.user)
    response = client.post(url("request-cancel", fair.slug, request.pk), follow=True)
    assert "Only the two sides of a request can cancel it." in response.content.decode()
    client.force_login(buyer.user)
    html = client.get(url("requests", fair.slug)).content.decode()
    assert "Accepted" in html
    assert "ようこそ" in html
    client.post(url("request-cancel", fair.slug, request.pk))
    request.refresh_from_db()
    assert request.status == RequestStatus.CANCELLED


def test_an_accept_over_the_cap_shows_the_reason(client):
    fair = FairFactory(max_accepted=1)
    maker = ParticipantFactory(fair=fair, role="exhibitor")
    first, second = (ParticipantFactory(fair=fair, role="buyer") for _ in range(2))
    meeting_requests.accept_request(request=meeting_requests.send_request(sender=first, recipient=maker), by=maker)
    request = meeting_requests.send_request(sender=second, recipient=maker)
    client.force_login(maker.user)
    response = client.post(url("request-answer", fair.slug, request.pk), {"decision": "accept"}, follow=True)
    assert "You have accepted 1 meeting, as many as this fair allows." in response.content.decode()
    request.refresh_from_db()
    assert request.status == RequestStatus.PENDING
