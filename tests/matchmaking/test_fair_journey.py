"""The fair as the issue's users try it, page by page through the test client: an exhibitor
sets up a booth in Chinese and English, a Japanese buyer finds it by a Japanese search and
among the recommendations, sends an enquiry and a meeting request, the exhibitor answers and
accepts, the organiser schedules and publishes, both see the meeting in their agendas and
calendars, and a request left unanswered expires."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from tests.factories import IndustryFactory, UserFactory
from tests.matchmaking.factories import (
    BoothFactory,
    ExhibitorFactory,
    FairFactory,
    ParticipantFactory,
    SlotFactory,
    TableFactory,
)
from yunzhao.accounts.models import Role
from yunzhao.matchmaking.models import Enquiry, MeetingRequest, Participant, RequestStatus

pytestmark = pytest.mark.django_db


def test_the_whole_fair_from_booth_to_agenda(client, department, django_capture_on_commit_callbacks):
    storage = IndustryFactory(code="38", name="电气机械和器材制造业")
    fair = FairFactory(department=department)
    booth = BoothFactory(fair=fair, name_zh_hans="待填写", name_en="", industry=storage, status="draft")
    for _ in range(4):
        SlotFactory(fair=fair)
    TableFactory(fair=fair)
    exhibitor = ExhibitorFactory(email="sales@huaguang.example")
    booth.accounts.add(exhibitor)
    base = f"/zh-hans/fairs/{fair.slug}"

    # The exhibitor fills the booth in Chinese, then English, publishes it and joins the matchmaking.
    client.force_login(exhibitor)
    edit = f"{base}/exhibitor/booths/{booth.pk}/"
    for language, name, about in (
        ("zh-hans", "华光储能科技有限公司", "专注锂电池储能系统，寻找日本经销商。"),
        ("en", "Huaguang Energy Storage Co., Ltd.", "Lithium battery storage systems; seeking distributors in Japan."),
    ):
        key = language.replace("-", "_")
        saved = client.post(
            f"{edit}?language={language}",
            {f"name_{key}": name, f"description_{key}": about, "website": "huaguang.example"},
        )
        assert saved.status_code == 302, saved.content.decode()[:2000]
    client.post(f"{base}/exhibitor/booths/{booth.pk}/publish/", {"action": "publish"})
    joined = client.post(
        f"{base}/join/",
        {
            "role": "exhibitor",
            "booth": booth.pk,
            "name": "王芳",
            "organisation": "华光储能",
            "email": exhibitor.email,
            "country": "CN",
            "language": "zh-hans",
            "industries": ["38"],
            "intents": ["sell"],
            "offered_countries": "CN, JP",
            "about": "锂电池储能系统",
            "consent": "on",
        },
    )
    assert joined.status_code == 302, joined.content.decode()[:3000]
    seller = Participant.objects.get(fair=fair, user=exhibitor)

    # A Japanese buyer finds the booth by a Japanese word and among the recommendations.
    buyer_account = UserFactory(role=Role.INVESTOR, department=None, email="tanaka@osaka-trading.example")
    client.force_login(buyer_account)
    en = f"/en/fairs/{fair.slug}"
    found = client.get(f"{en}/search/", {"q": "電池"})  # Japanese kanji; the booth speaks Chinese and English
    assert "Huaguang Energy Storage Co., Ltd." in found.content.decode()
    client.post(
        f"{en}/join/",
        {
            "role": "buyer",
            "name": "田中 健",
            "organisation": "Osaka Trading",
            "email": buyer_account.email,
            "country": "JP",
            "language": "ja",
            "industries": ["38"],
            "intents": ["buy", "distribute"],
            "sought_countries": "CN",
            "about": "リチウム電池の販売代理店を探しています",
            "consent": "on",
        },
    )
    buyer = Participant.objects.get(fair=fair, user=buyer_account)
    recommended = client.get(f"{en}/recommended/").content.decode()
    assert "华光储能" in recommended or "Huaguang" in recommended

    # The buyer sends an enquiry and a meeting request; the enquiry is acknowledged at once.
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(
            f"{en}/booths/{booth.pk}/enquire/", {"subject": "Price list", "message": "Please send prices."}
        )
    assert sent.status_code == 302
    enquiry = Enquiry.objects.get(participant=buyer)
    assert any(buyer_account.email in m.to for m in mail.outbox)
    requested = client.post(f"{en}/people/{seller.pk}/meet/", {"kind": "one_to_one", "message": "Let us meet"})
    assert requested.status_code == 302
    request = MeetingRequest.objects.get(sender=buyer, recipient=seller)

    # The exhibitor answers (the clock stops) and accepts.
    client.force_login(exhibitor)
    client.post(f"{base}/exhibitor/enquiries/{enquiry.reference}/", {"message": "价目表已上传到展位。"})
    enquiry.refresh_from_db()
    assert enquiry.first_answered_at is not None
    assert enquiry.first_answered_at <= enquiry.due_at
    client.post(f"{base}/requests/{request.pk}/answer/", {"decision": "accept", "note": ""})
    request.refresh_from_db()
    assert request.status == RequestStatus.ACCEPTED

    # The organiser schedules and publishes; both see the meeting in their agendas and calendars.
    organiser = UserFactory(role=Role.OFFICER, department=department)
    client.force_login(organiser)
    assert client.post(f"/zh-hans/office/fairs/{fair.pk}/schedule/").status_code == 302
    assert client.post(f"/zh-hans/office/fairs/{fair.pk}/schedule/publish/").status_code == 302
    for account, other in ((buyer_account, "华光储能"), (exhibitor, "Osaka Trading")):
        client.force_login(account)
        assert other in client.get(f"{base}/agenda/").content.decode()
        calendar = client.get(f"{base}/agenda.ics").content.decode()
        assert calendar.count("BEGIN:VEVENT") == 1

    # A request left unanswered expires and no longer blocks anyone.
    late = ParticipantFactory(fair=fair, role="buyer")
    client.force_login(late.user)
    client.post(f"/en/fairs/{fair.slug}/people/{seller.pk}/meet/", {"kind": "online", "message": ""})
    waiting = MeetingRequest.objects.get(sender=late)
    MeetingRequest.objects.filter(pk=waiting.pk).update(expires_at=timezone.now() - dt.timedelta(minutes=1))
    call_command("expire_meeting_requests")
    waiting.refresh_from_db()
    assert waiting.status == RequestStatus.EXPIRED
