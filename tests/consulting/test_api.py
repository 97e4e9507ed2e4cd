"""The consulting service through the API: the public FAQ, asking, one's own thread, and the staff's operations."""

from __future__ import annotations

import pytest
from django.core import mail

from tests.api.conftest import Api
from tests.consulting.factories import FaqEntryFactory, QuestionFactory, TopicFactory
from tests.tasks import run_pending
from yunzhao.api.tokens import issue_token
from yunzhao.consulting.models import Question
from yunzhao.core.content import Publication

pytestmark = pytest.mark.django_db


def api(client, user=None, language="en") -> Api:
    return Api(client, issue_token(owner=user, name="t")[1] if user else None, language)


def question_body(topic, **overrides):
    return {
        "topic": topic.pk,
        "language": "ja",
        "name": "佐藤 健一",
        "email": "sato@example.jp",
        "subject": "工場用地",
        "text": "用地を探しています。",
        "consent": True,
        **overrides,
    }


def test_the_faq_is_public_and_searched_in_the_readers_language(client):
    FaqEntryFactory(question_en="Work permits", answer_en="Ten working days.", question_ja="就労許可")
    FaqEntryFactory(question_en="Hidden", status=Publication.DRAFT)
    response = api(client, language="ja").get("/consulting/faq", {"q": "就労"})
    assert response.status_code == 200
    assert [item["question"] for item in response.json()["items"]] == ["就労許可"]
    assert api(client).get("/consulting/faq").json()["count"] == 1


def test_asking_through_the_api_is_the_same_as_the_form(client, calendar, django_capture_on_commit_callbacks):
    topic = TopicFactory()
    with django_capture_on_commit_callbacks(execute=True):
        response = api(client).post("/consulting/questions/ask", question_body(topic))
    assert response.status_code == 201, response.content
    body = response.json()
    question = Question.objects.get()
    assert body["reference"] == question.reference
    assert body["token"] == question.token
    assert body["department"] == {"id": topic.department_id, "name": str(topic.department)}
    run_pending()
    assert mail.outbox[0].to == ["sato@example.jp"]
    thread = api(client).get("/consulting/questions/thread", {"reference": question.reference, "token": question.token})
    assert thread.status_code == 200
    assert [m["body"] for m in thread.json()["messages"]] == ["用地を探しています。"]
    wrong = api(client).get("/consulting/questions/thread", {"reference": question.reference, "token": "guess"})
    assert wrong.status_code == 404


def test_asking_refuses_a_bad_address_an_unpublished_topic_and_no_consent(client):
    topic = TopicFactory()
    assert api(client).post("/consulting/questions/ask", question_body(topic, email="nope")).json()["errors"] == {
        "email": ["Enter a valid email address."]
    }
    draft = TopicFactory(status=Publication.DRAFT)
    assert api(client).post("/consulting/questions/ask", question_body(draft)).status_code == 422
    assert api(client).post("/consulting/questions/ask", question_body(topic, consent=False)).status_code == 422
    assert not Question.objects.exists()


def test_staff_list_read_and_reply_within_their_department(client, calendar, officer, leader):
    mine = QuestionFactory(topic=TopicFactory(department=officer.department), subject="Mine")
    QuestionFactory(subject="Elsewhere")
    as_officer = api(client, officer)
    listed = as_officer.get("/consulting/questions").json()
    assert [item["subject"] for item in listed["items"]] == ["Mine"]
    assert as_officer.get(f"/consulting/questions/{mine.pk}").json()["messages"] == []
    reply = as_officer.post(f"/consulting/questions/{mine.pk}/replies", {"text": "Here you are."})
    assert reply.status_code == 201
    assert reply.json()["first_replied_at"] is not None
    assert reply.json()["messages"][0]["author_kind"] == "staff"
    assert api(client, leader).post(f"/consulting/questions/{mine.pk}/replies", {"text": "x"}).status_code == 403
    assert api(client, leader).get("/consulting/questions").json()["count"] == 2


def test_the_metrics_cover_the_questions_the_caller_sees(client, calendar, officer, leader):
    QuestionFactory()
    assert api(client, officer).get("/consulting/questions-metrics").json()["overall"]["asked"] == 0
    body = api(client, leader).get("/consulting/questions-metrics").json()
    assert body["overall"]["asked"] == 1
    assert body["overall"]["label"] == "All departments"


def test_outside_accounts_get_no_staff_operation(client, investor):
    assert api(client, investor).get("/consulting/questions").status_code == 403
    assert api(client).get("/consulting/questions").status_code == 401


@pytest.mark.parametrize("items", [1, 3])
def test_the_question_list_takes_the_same_queries_for_one_or_three(client, count_queries, leader, items):
    for _ in range(items):
        QuestionFactory()
    caller = api(client, leader)
    caller.get("/consulting/questions")
    with count_queries() as counted:
        assert caller.get("/consulting/questions").status_code == 200
    assert counted.count == API_QUERIES


API_QUERIES = 5
