"""The consulting pages: the FAQ and its search, asking, the asker's thread, meetings, and the back office per role."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from tests.consulting.factories import (
    BookingFactory,
    FaqEntryFactory,
    MeetingSlotFactory,
    QuestionFactory,
    TopicFactory,
)
from tests.factories import DepartmentFactory, UserFactory
from tests.tasks import run_pending
from yunzhao.accounts.models import Role
from yunzhao.consulting.models import Author, Booking, FaqEntry, Message, Question, QuestionStatus, Topic
from yunzhao.core import pagecache
from yunzhao.core.content import Publication

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_pages():
    pagecache.clear()


def ask_data(topic: Topic, **overrides: str) -> dict[str, str]:
    return {
        "topic": str(topic.pk),
        "language": "ja",
        "name": "佐藤 健一",
        "email": "sato@example.jp",
        "organisation": "ミライ",
        "country": "jp",
        "subject": "工場用地",
        "text": "新エネルギーの工場用地を探しています。",
        "consent": "on",
        "website_url": "",
        **overrides,
    }


def test_the_faq_searches_the_readers_language_and_says_when_it_falls_back(client):
    FaqEntryFactory(
        question_en="How long does registration take?", question_ja="登記にかかる期間は？", answer_ja="3営業日です。"
    )
    FaqEntryFactory(question_en="Work permits", answer_en="Ten working days.")
    FaqEntryFactory(question_en="Draft", status=Publication.DRAFT)
    page = client.get("/ja/consulting/?q=登記").content.decode()
    assert "登記にかかる期間は？" in page
    assert "3営業日です。" in page
    assert "Work permits" not in page
    assert "Draft" not in page
    en = client.get("/en/consulting/?q=working+days").content.decode()
    assert "Work permits" in en
    assert "How long" not in en
    assert "1 answer for “working days”." in en
    fallback = client.get("/ar/consulting/").content.decode()
    assert "Work permits" in fallback
    with translation.override("ar"):
        notice = gettext("Not yet available in your language — shown in another language.")
    assert notice in fallback


def test_the_faq_page_is_cached_and_fresh_after_an_edit(client, django_capture_on_commit_callbacks, officer):
    from yunzhao.consulting import faq

    entry = FaqEntryFactory(question_en="Old wording")
    assert "Old wording" in client.get("/en/consulting/").content.decode()
    entry.question_en = "New wording"
    with django_capture_on_commit_callbacks(execute=True):
        faq.save_translated(content=entry, language="en", by=officer)
    assert "New wording" in client.get("/en/consulting/").content.decode()


def test_asking_on_the_portal_acknowledges_in_japanese_and_shows_the_thread(
    client, calendar, django_capture_on_commit_callbacks
):
    topic = TopicFactory()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/ja/consulting/ask/", ask_data(topic))
    question = Question.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/ja/consulting/q/{question.token}/"
    run_pending()
    assert mail.outbox[0].to == ["sato@example.jp"]
    page = client.get(response["Location"]).content.decode()
    assert question.reference in page
    assert timezone.localtime(question.due_at).strftime("%Y年%-m月%-d日%-H:%M") in page
    assert "新エネルギーの工場用地を探しています。" in page
    assert (question.language, question.department) == ("ja", topic.department)


def test_a_failed_question_keeps_what_was_typed_and_the_honeypot_refuses_robots(client):
    topic = TopicFactory()
    response = client.post("/en/consulting/ask/", ask_data(topic, email="not-an-address"))
    assert response.status_code == 200
    assert "新エネルギーの工場用地を探しています。" in response.content.decode()
    robot = client.post("/en/consulting/ask/", ask_data(topic, website_url="http://spam.example"))
    assert robot.status_code == 200
    assert "This form could not be sent" in robot.content.decode()
    assert not Question.objects.exists()


def test_the_ask_form_is_rate_limited(client, settings):
    settings.PUBLIC_FORM_RATE_LIMIT = 10
    topic = TopicFactory()
    for _ in range(10):
        assert client.post("/en/consulting/ask/", ask_data(topic)).status_code == 302
    refused = client.post("/en/consulting/ask/", ask_data(topic, subject="eleventh"))
    assert refused.status_code == 200
    assert "Too many submissions" in refused.content.decode()
    assert 'value="eleventh"' in refused.content.decode()


def test_the_asker_replies_and_closes_with_a_rating_through_the_private_link(client):
    question = QuestionFactory(status=QuestionStatus.ANSWERED)
    client.post(f"/en/consulting/q/{question.token}/message/", {"text": "One more question."})
    assert list(question.messages.values_list("author_kind", "body")) == [(Author.ASKER, "One more question.")]
    client.post(f"/en/consulting/q/{question.token}/close/", {"rating": "5", "comment": "Great"})
    question.refresh_from_db()
    assert (question.status, question.rating, question.rating_comment) == ("closed", 5, "Great")
    assert "Your rating: 5 of 5." in client.get(f"/en/consulting/q/{question.token}/").content.decode()
    assert client.get("/en/consulting/q/not-the-token/").status_code == 404


def test_my_questions_lists_an_investors_own(client, investor):
    mine = QuestionFactory(asker=investor, subject="Mine")
    QuestionFactory(subject="Somebody else's")
    client.force_login(investor)
    page = client.get("/en/consulting/mine/").content.decode()
    assert "Mine" in page
    assert "Somebody else" not in page
    assert f"/en/consulting/q/{mine.token}/" in page


def test_the_meeting_page_lists_free_slots_with_the_zones_time_and_booking_works(client, calendar):
    starts = timezone.localtime(timezone.now() + dt.timedelta(days=5)).replace(
        hour=10, minute=0, second=0, microsecond=0
    )
    free = MeetingSlotFactory(starts_at=starts, languages=["ja", "zh-hans"])
    BookingFactory(slot=MeetingSlotFactory())  # taken
    page = client.get("/en/consulting/meet/").content.decode()
    assert "All times are in the zone's time: Asia/Shanghai (UTC+0800)." in page
    assert "10:00–10:45" in page
    assert page.count("/en/consulting/meet/") >= 1
    assert page.count("/book/") == 1
    response = client.post(
        f"/en/consulting/meet/{free.pk}/book/",
        {"name": "Kenichi Sato", "email": "sato@example.jp", "company": "Mirai", "agenda": "Land", "consent": "on"},
    )
    booking = Booking.objects.get(slot=free)
    assert response["Location"] == f"/en/consulting/meeting/{booking.token}/"
    assert booking.language == "en"
    again = client.get(f"/en/consulting/meet/{free.pk}/book/")
    assert again.status_code == 302
    client.post(f"/en/consulting/meeting/{booking.token}/cancel/")
    booking.refresh_from_db()
    assert booking.cancelled_at is not None


@pytest.mark.parametrize("items", [1, 3])
def test_public_lists_take_the_same_queries_for_one_or_three_items(client, count_queries, items):
    for _ in range(items):
        FaqEntryFactory()
        MeetingSlotFactory()
    counts = []
    for url in ("/en/consulting/", "/en/consulting/meet/"):
        pagecache.clear()
        with count_queries() as counted:
            assert client.get(url).status_code == 200
        counts.append(counted.count)
    assert counts == QUERIES_PUBLIC


QUERIES_PUBLIC = [2, 2]  # the FAQ: the cache's version and the entries; the slots page is not cached


# --- The back office ----------------------------------------------------------------------


@pytest.fixture
def world():
    home = DepartmentFactory()
    other = DepartmentFactory()
    users = {
        "officer": UserFactory(role=Role.OFFICER, department=home),
        "other_officer": UserFactory(role=Role.OFFICER, department=other),
        "head": UserFactory(role=Role.DEPARTMENT_HEAD, department=home),
        "leader": UserFactory(role=Role.LEADER, department=None),
        "administrator": UserFactory(role=Role.ADMINISTRATOR, department=None),
    }
    topic = TopicFactory(department=home)
    slot = MeetingSlotFactory(officer=users["officer"], department=home)
    objects = {
        "question": QuestionFactory(topic=topic, subject="Land near the airport"),
        "faq_entry": FaqEntryFactory(topic=topic),
        "topic": topic,
        "slot": slot,
        "booking": BookingFactory(slot=slot),
    }
    return users, objects


def staff(officer, other_officer, head, leader, administrator):
    return {
        "officer": officer,
        "other_officer": other_officer,
        "head": head,
        "leader": leader,
        "administrator": administrator,
    }


READ = staff(200, 200, 200, 200, 200)
WORK = staff(200, 200, 200, 403, 200)
ANSWERS = staff(405, 403, 405, 403, 405)
EXPECTED = {
    "question-list": (READ, None),
    "question-detail": (staff(200, 403, 200, 200, 200), "question"),
    "question-reply": (ANSWERS, "question"),
    "question-reassign": (ANSWERS, "question"),
    "consulting-metrics": (READ, None),
    "consulting-faq-list": (READ, None),
    "consulting-faq-create": (WORK, None),
    "consulting-faq-edit": (WORK, "faq_entry"),
    "consulting-topic-list": (READ, None),
    "consulting-topic-create": (staff(403, 403, 403, 403, 200), None),
    "consulting-topic-edit": (staff(403, 403, 403, 403, 200), "topic"),
    "consulting-slot-list": (READ, None),
    "consulting-slot-withdraw": (ANSWERS, "slot"),
    "consulting-booking-cancel": (ANSWERS, "booking"),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_office_page_answers_each_role(client, world, name):
    users, objects = world
    expected, target = EXPECTED[name]
    url = reverse(f"office:{name}", kwargs={"pk": objects[target].pk} if target else {})
    seen = {}
    for role, user in users.items():
        client.force_login(user)
        seen[role] = client.get(url).status_code
    assert seen == expected
    client.logout()
    investor = UserFactory(role=Role.INVESTOR, department=None)
    client.force_login(investor)
    assert client.get(url).status_code == 403


def test_officers_see_their_departments_queue_and_leaders_everything(client, world):
    users, _objects = world
    QuestionFactory(subject="Elsewhere")
    client.force_login(users["officer"])
    page = client.get("/en/office/consulting/").content.decode()
    assert "Land near the airport" in page
    assert "Elsewhere" not in page
    client.force_login(users["leader"])
    page = client.get("/en/office/consulting/").content.decode()
    assert "Land near the airport" in page
    assert "Elsewhere" in page


def test_the_queue_shows_time_left_and_overdue_in_working_days(client, world, calendar):
    users, objects = world
    question = objects["question"]
    Question.objects.filter(pk=question.pk).update(due_at=timezone.now() - dt.timedelta(days=30))
    client.force_login(users["officer"])
    page = client.get("/en/office/consulting/?overdue=1").content.decode()
    assert "overdue by" in page
    assert "Land near the airport" in page


def test_an_officer_answers_from_the_back_office_and_the_asker_gets_it(
    client, world, calendar, django_capture_on_commit_callbacks
):
    users, objects = world
    question = objects["question"]
    client.force_login(users["officer"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/office/consulting/{question.pk}/reply/", {"text": "Here is the list of sites."})
    assert response.status_code == 302
    run_pending()
    question.refresh_from_db()
    assert question.first_replied_at is not None
    assert mail.outbox[-1].to == [question.email]
    assert "Here is the list of sites." in mail.outbox[-1].body
    client.force_login(users["leader"])
    assert client.post(f"/en/office/consulting/{question.pk}/reply/", {"text": "x"}).status_code == 403


def test_an_officer_hands_a_question_to_another_department(client, world):
    users, objects = world
    other = users["other_officer"].department
    client.force_login(users["officer"])
    client.post(f"/en/office/consulting/{objects['question'].pk}/reassign/", {"department": other.pk})
    objects["question"].refresh_from_db()
    assert objects["question"].department == other


def test_the_faq_is_edited_per_language_with_its_translation_status(client, world):
    users, objects = world
    entry = objects["faq_entry"]
    client.force_login(users["officer"])
    page = client.get(f"/en/office/consulting/faq/{entry.pk}/?language=ja").content.decode()
    assert 'name="question_ja"' in page
    assert 'name="question_en"' not in page
    client.post(
        f"/en/office/consulting/faq/{entry.pk}/?language=ja",
        {"question_ja": "質問", "answer_ja": "回答", "topic": entry.topic_id, "position": 0, "status": "published"},
    )
    entry.refresh_from_db()
    assert (entry.question_ja, entry.answer_ja) == ("質問", "回答")
    assert "ja" in entry.translated_at
    states = {status.code: status.state for status in entry.translation_status()}
    assert states["ja"] == "complete"
    assert states["ko"] == "missing"


def test_officers_publish_slots_and_the_metrics_panel_shows_the_figures(client, world, calendar):
    users, _objects = world
    client.force_login(users["officer"])
    starts = timezone.localtime(timezone.now() + dt.timedelta(days=8)).replace(hour=9, minute=0)
    client.post(
        "/en/office/consulting/slots/",
        {
            "starts_at": starts.strftime("%Y-%m-%dT%H:%M"),
            "ends_at": (starts + dt.timedelta(minutes=30)).strftime("%Y-%m-%dT%H:%M"),
            "languages": ["en", "ar"],
        },
    )
    from yunzhao.consulting.models import MeetingSlot

    assert MeetingSlot.objects.filter(languages=["en", "ar"]).count() == 1
    client.force_login(users["head"])
    page = client.get("/en/office/consulting/metrics/").content.decode()
    assert "Median first reply (working hours)" in page
    assert "All departments" in page


@pytest.mark.parametrize("items", [1, 3])
def test_the_queue_takes_the_same_queries_for_one_or_three_questions(client, count_queries, items, leader):
    for _ in range(items):
        QuestionFactory()
    client.force_login(leader)
    client.get("/en/office/consulting/")
    with count_queries() as counted:
        assert client.get("/en/office/consulting/").status_code == 200
    assert counted.count == QUERIES_QUEUE


QUERIES_QUEUE = 9


def test_demo_content_is_complete_and_idempotent(db):
    from collections import Counter

    from yunzhao.demo import consulting as demo
    from yunzhao.demo.builder import DEMO_ACCOUNTS, ORGANISATION

    departments = {spec.code: DepartmentFactory(code=spec.code, name=spec.name) for spec in ORGANISATION}
    users = {
        account.email: UserFactory(
            email=account.email, role=account.role, department=departments.get(account.department or "")
        ).pk
        for account in DEMO_ACCOUNTS
    }
    created: Counter[str] = Counter()
    demo.ensure_content(departments, users, created)
    assert created == Counter(
        {
            "calendar days": 110,
            "consulting topics": 7,
            "FAQ entries": 12,
            "consulting questions": 15,
            "meeting slots": 10,
        }
    )
    again: Counter[str] = Counter()
    demo.ensure_content(departments, users, again)
    assert +again == Counter()
    for entry in [*FaqEntry.objects.all(), *Topic.objects.all()]:
        assert entry.languages_needing_work() == []
    assert Question.objects.filter(escalated_at__isnull=False).exists()
    assert Question.objects.filter(rating__isnull=False).count() >= 4
    assert Message.objects.filter(author_kind=Author.STAFF).count() >= 8
    assert len({q.language for q in Question.objects.all()}) == 8
    assert Topic.objects.get(name_en="Investing in the zone").department.code == "cjic-ipb-1"
