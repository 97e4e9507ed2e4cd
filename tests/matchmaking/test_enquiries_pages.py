"""Enquiry pages: the form at a booth, the visitor's list and thread, the exhibitor's inbox and
thread, the organiser's response times — in zh-hans (default) and under /en/."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from tests.factories import DepartmentFactory, UserFactory
from tests.matchmaking.factories import BoothFactory, ExhibitorFactory, FairFactory, ParticipantFactory, ProductFactory
from yunzhao.accounts.models import Role
from yunzhao.matchmaking import enquiries
from yunzhao.matchmaking.models import Enquiry, EnquiryStatus

pytestmark = pytest.mark.django_db

BEIJING = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def fair(department):
    return FairFactory(department=department, slug="expo")


@pytest.fixture
def booth(fair):
    booth = BoothFactory(fair=fair, number="A01", name_zh_hans="华光储能", name_en="Huaguang Energy Storage")
    booth.accounts.add(ExhibitorFactory(email="sales@huaguang.example"))
    ProductFactory(booth=booth, name_zh_hans="储能柜", name_en="Storage cabinet")
    return booth


@pytest.fixture
def exhibitor(booth):
    return booth.accounts.get()


@pytest.fixture
def visitor(fair):
    return ParticipantFactory(fair=fair, name="Aiko Tanaka", organisation="Tanaka Trading", country="JP")


def make_enquiry(visitor, booth, *, hours_ago=0, subject="Price for 200 cabinets"):
    now = timezone.now() - dt.timedelta(hours=hours_ago)
    return enquiries.send_enquiry(participant=visitor, booth=booth, subject=subject, text="Hello", now=now)


def test_the_form_offers_the_booths_products_and_no_lead_consent_at_an_ordinary_booth(client, visitor, booth):
    client.force_login(visitor.user)
    page = client.get(f"/en/fairs/expo/booths/{booth.pk}/enquire/").content.decode()
    assert "Send an enquiry" in page
    assert "Storage cabinet" in page
    assert 'name="lead_consent"' not in page


def test_the_lead_consent_is_asked_of_investors_at_the_zones_booth_only(client, fair, visitor):
    zone_booth = BoothFactory(fair=fair, is_zone_booth=True)
    investor = ParticipantFactory(fair=fair, role="investor")
    client.force_login(investor.user)
    assert (
        'name="lead_consent"'
        in client.get(reverse("fairs:enquiry-create", args=["expo", zone_booth.pk])).content.decode()
    )
    client.force_login(visitor.user)  # a buyer
    assert (
        'name="lead_consent"'
        not in client.get(reverse("fairs:enquiry-create", args=["expo", zone_booth.pk])).content.decode()
    )


def test_a_visitor_who_has_not_joined_is_sent_to_join_the_fair(client, investor, booth):
    client.force_login(investor)
    url = reverse("fairs:enquiry-create", args=["expo", booth.pk])
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("fairs:join", args=["expo"]) + "?next=")
    assert client.get(reverse("fairs:enquiries", args=["expo"])).status_code == 302


def test_anonymous_visitors_sign_in_first(client, booth):
    response = client.get(reverse("fairs:enquiry-create", args=["expo", booth.pk]))
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_sending_the_form_acknowledges_and_shows_the_thread(client, visitor, booth, django_capture_on_commit_callbacks):
    client.force_login(visitor.user)
    product = booth.products.get()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/en/fairs/expo/booths/{booth.pk}/enquire/",
            {"subject": "Price for 200 cabinets", "message": "What is your best price?", "product": product.pk},
        )
    enquiry = Enquiry.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/en/fairs/expo/enquiries/{enquiry.reference}/"
    assert enquiry.product == product
    assert {tuple(m.to) for m in mail.outbox} == {(visitor.email,), ("sales@huaguang.example",)}
    page = client.get(response["Location"]).content.decode()
    assert enquiry.reference in page
    assert "What is your best price?" in page
    assert "Answer due" in page
    assert "Asia/Tokyo" in page  # the visitor's zone (Japan)


def test_an_empty_form_shows_errors(client, visitor, booth):
    client.force_login(visitor.user)
    response = client.post(f"/en/fairs/expo/booths/{booth.pk}/enquire/", {"subject": "", "message": ""})
    assert response.status_code == 200
    assert "is-invalid" in response.content.decode()
    assert not Enquiry.objects.exists()


def test_my_enquiries_in_both_languages(client, visitor, booth):
    enquiry = make_enquiry(visitor, booth)
    client.force_login(visitor.user)
    zh = client.get(reverse("fairs:enquiries", args=["expo"])).content.decode()
    assert enquiry.reference in zh
    assert "华光储能" in zh
    en = client.get("/en/fairs/expo/enquiries/").content.decode()
    assert "My enquiries" in en
    assert "Huaguang Energy Storage" in en


def test_a_visitor_reads_only_their_own_enquiries(client, fair, visitor, booth):
    enquiry = make_enquiry(visitor, booth)
    other = ParticipantFactory(fair=fair)
    client.force_login(other.user)
    assert client.get(reverse("fairs:enquiry-detail", args=["expo", enquiry.reference])).status_code == 404


def test_the_inbox_shows_open_enquiries_first_with_due_time_and_overdue_badge(client, visitor, booth, exhibitor):
    overdue = make_enquiry(visitor, booth, hours_ago=24 * 8, subject="Old question")
    fresh = make_enquiry(visitor, booth, subject="New question")
    answered = make_enquiry(visitor, booth, hours_ago=2, subject="Answered question")
    enquiries.reply(enquiry=answered, by=exhibitor, text="Yes")
    client.force_login(exhibitor)
    page = client.get("/en/fairs/expo/exhibitor/enquiries/").content.decode()
    assert page.index(overdue.reference) < page.index(fresh.reference) < page.index(answered.reference)
    assert "Overdue" in page
    assert "1 overdue" in page
    zh = client.get(reverse("fairs:exhibitor-enquiries", args=["expo"]))
    assert zh.status_code == 200
    assert fresh.reference in zh.content.decode()


def test_the_exhibitor_answers_on_the_thread_page_and_the_clock_stops(
    client, visitor, booth, exhibitor, django_capture_on_commit_callbacks
):
    enquiry = make_enquiry(visitor, booth)
    client.force_login(exhibitor)
    url = f"/en/fairs/expo/exhibitor/enquiries/{enquiry.reference}/"
    page = client.get(url).content.decode()
    assert "Tanaka Trading" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"action": "message", "message": "USD 9,800 each."})
    assert response.status_code == 302
    enquiry.refresh_from_db()
    assert enquiry.status == EnquiryStatus.ANSWERED
    assert enquiry.first_answered_at is not None
    assert any("USD 9,800 each." in m.body for m in mail.outbox if m.to == [visitor.email])
    # The visitor reads the answer and closes the enquiry.
    client.force_login(visitor.user)
    visitor_url = f"/en/fairs/expo/enquiries/{enquiry.reference}/"
    assert "USD 9,800 each." in client.get(visitor_url).content.decode()
    client.post(visitor_url, {"action": "close"})
    enquiry.refresh_from_db()
    assert enquiry.status == EnquiryStatus.CLOSED
    assert "This enquiry is closed." in client.get(visitor_url).content.decode()


def test_a_non_exhibitor_cannot_read_an_exhibitors_inbox(client, fair, visitor, booth):
    enquiry = make_enquiry(visitor, booth)
    client.force_login(visitor.user)
    assert client.get(reverse("fairs:exhibitor-enquiries", args=["expo"])).status_code == 403
    assert client.get(reverse("fairs:exhibitor-enquiry", args=["expo", enquiry.reference])).status_code == 403
    # An exhibitor of another booth sees their own inbox, not this enquiry.
    rival = ExhibitorFactory()
    BoothFactory(fair=fair).accounts.add(rival)
    client.force_login(rival)
    inbox = client.get(reverse("fairs:exhibitor-enquiries", args=["expo"]))
    assert inbox.status_code == 200
    assert enquiry.reference not in inbox.content.decode()
    assert client.get(reverse("fairs:exhibitor-enquiry", args=["expo", enquiry.reference])).status_code == 404
    response = client.post(
        reverse("fairs:exhibitor-enquiry", args=["expo", enquiry.reference]), {"action": "message", "message": "x"}
    )
    assert response.status_code == 404


# --- The organiser's page --------------------------------------------------------------------------


def test_the_organiser_sees_response_times_per_exhibitor(client, officer, fair, visitor, booth, exhibitor):
    answered = make_enquiry(visitor, booth, hours_ago=1)
    enquiries.reply(enquiry=answered, by=exhibitor, text="Yes")
    make_enquiry(visitor, booth, hours_ago=24 * 8)
    BoothFactory(fair=fair, number="B02", name_en="Quiet Booth")
    client.force_login(officer)
    url = f"/en/office/fairs/{fair.pk}/enquiries/"
    page = client.get(url).content.decode()
    assert "Enquiry response times" in page
    assert "Huaguang Energy Storage" in page
    assert "Quiet Booth" in page
    assert "All exhibitors" in page
    assert "Median first answer (office hours)" in page
    by_name = client.get(url + "?sort=exhibitor").content.decode()
    assert by_name.index("Huaguang Energy Storage") < by_name.index("Quiet Booth")
    by_overdue = client.get(url + "?sort=-overdue").content.decode()
    assert 'aria-sort="descending"' in by_overdue
    assert client.get(reverse("office:fair-enquiries", args=[fair.pk])).status_code == 200


def test_only_the_fairs_organisers_see_the_figures(client, fair, investor, exhibitor):
    url = reverse("office:fair-enquiries", args=[fair.pk])
    assert client.get(url).status_code == 302  # sign in first
    elsewhere = UserFactory(role=Role.OFFICER, department=DepartmentFactory())
    for user in (elsewhere, investor, exhibitor):
        client.force_login(user)
        assert client.get(url).status_code == 403
    client.force_login(UserFactory(role=Role.LEADER, department=None))
    assert client.get(url).status_code == 200
