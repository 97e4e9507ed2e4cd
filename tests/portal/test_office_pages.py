"""The back office of portal content: who sees and who changes it, editing per language,
preview of drafts, publishing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories import UserFactory
from tests.portal.factories import (
    AdvantageFactory,
    LetterFactory,
    OpportunityFactory,
    PolicyFactory,
    ServiceFactory,
    VideoFactory,
)
from yunzhao.accounts.models import Role
from yunzhao.core.content import Publication
from yunzhao.core.models import AuditEntry
from yunzhao.portal.models import Caption, Letter, Policy

pytestmark = pytest.mark.django_db

ROLE_ANSWERS = {
    Role.OFFICER: (200, 200),
    Role.DEPARTMENT_HEAD: (200, 200),
    Role.ADMINISTRATOR: (200, 200),
    Role.LEADER: (200, 403),
    Role.INVESTOR: (403, 403),
    Role.EXHIBITOR: (403, 403),
}


@pytest.mark.parametrize(("role", "answers"), ROLE_ANSWERS.items())
def test_content_home_and_edit_page_answer_each_role(client, role, answers):
    policy = PolicyFactory()
    client.force_login(UserFactory(role=role))
    home = client.get("/zh-hans/office/content/")
    edit = client.get(f"/zh-hans/office/content/policy/{policy.pk}/")
    assert (home.status_code, edit.status_code) == answers


def test_content_pages_send_visitors_to_sign_in(client):
    response = client.get("/zh-hans/office/content/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_content_home_lists_every_kind_with_status_and_translation_badges(officer_client):
    LetterFactory()
    PolicyFactory(title_en="Draft incentive", status=Publication.DRAFT)
    body = officer_client.get("/en/office/content/").content.decode()
    for heading in (
        "Letters to investors",
        "Promotional videos",
        "Opportunities",
        "Advantages",
        "Services",
        "Policies",
    ):
        assert heading in body
    assert "A letter to investors" in body
    assert "Draft incentive" in body
    assert ">Publish</button>" in body
    assert ">Unpublish</button>" in body
    assert "ja · Missing" in body
    assert "zh-hans · Up to date" in body


def test_leader_sees_the_content_home_without_buttons(client):
    LetterFactory()
    client.force_login(UserFactory(role=Role.LEADER))
    body = client.get("/en/office/content/").content.decode()
    assert ">Publish</button>" not in body
    assert ">Unpublish</button>" not in body
    assert ">Add</a>" not in body
    assert "A letter to investors" in body


def test_officer_creates_a_policy_in_chinese_then_translates_it_into_japanese(officer_client, manufacturing):
    response = officer_client.post(
        "/zh-hans/office/content/policy/new/",
        {
            "language": "zh-hans",
            "title_zh_hans": "新能源奖励",
            "summary_zh_hans": "支持新能源项目。",
            "benefit_zh_hans": "最高3000万元。",
            "topic": "funding",
            "industries": [manufacturing.pk],
            "min_investment_cny": "100000000",
            "ownership_types": ["foreign", "jv"],
        },
    )
    policy = Policy.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/zh-hans/office/content/policy/{policy.pk}/?language=zh-hans"
    assert (policy.status, policy.ownership_types, list(policy.industries.all())) == (
        Publication.DRAFT,
        ["foreign", "jv"],
        [manufacturing],
    )
    page = officer_client.get(f"/zh-hans/office/content/policy/{policy.pk}/?language=ja").content.decode()
    assert 'name="title_ja"' in page
    assert 'name="title_zh_hans"' not in page
    assert "支持新能源项目。" in page  # the source text beside the form
    officer_client.post(
        f"/zh-hans/office/content/policy/{policy.pk}/?language=ja",
        {
            "language": "ja",
            "title_ja": "新エネルギー奨励",
            "summary_ja": "新エネルギー事業を支援します。",
            "benefit_ja": "最高3,000万元。",
            "topic": "funding",
            "industries": [manufacturing.pk],
            "min_investment_cny": "100000000",
            "ownership_types": ["foreign", "jv"],
        },
    )
    policy.refresh_from_db()
    assert (policy.title_zh_hans, policy.title_ja) == ("新能源奖励", "新エネルギー奨励")
    assert sorted(policy.translated_at) == ["ja", "zh-hans"]
    assert list(AuditEntry.objects.order_by("pk").values_list("action", flat=True)) == [
        "portal.policy.created",
        "portal.policy.changed",
    ]


def test_a_failed_form_keeps_what_was_typed(officer_client):
    response = officer_client.post(
        "/zh-hans/office/content/service/new/",
        {"language": "zh-hans", "title_zh_hans": "企业注册", "description_zh_hans": "", "category": "registration"},
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert 'value="企业注册"' in body
    assert "invalid-feedback" in body


def test_leader_cannot_post_an_edit(client):
    letter = LetterFactory()
    client.force_login(UserFactory(role=Role.LEADER))
    response = client.post(f"/zh-hans/office/content/letter/{letter.pk}/", {"title_zh_hans": "改"})
    assert response.status_code == 403
    assert Letter.objects.get().title_zh_hans == "致投资者的一封信"


@pytest.mark.parametrize(
    ("kind", "factory", "shows"),
    [
        ("letter", LetterFactory, "致投资者的一封信"),
        ("video", VideoFactory, "示范区宣传片"),
        ("opportunity", OpportunityFactory, "寻求投资者。"),
        ("advantage", AdvantageFactory, "高端产业集聚。"),
        ("service", ServiceFactory, "一站式办理。"),
        ("policy", PolicyFactory, "支持企业落地。"),
    ],
)
def test_preview_shows_a_draft_as_the_portal_would(client, kind, factory, shows):
    item = factory(status=Publication.DRAFT, published_at=None)
    client.force_login(UserFactory(role=Role.LEADER))
    response = client.get(f"/zh-hans/office/content/{kind}/{item.pk}/preview/")
    assert response.status_code == 200
    assert shows in response.content.decode()
    assert 'class="alert alert-warning' in response.content.decode()


def test_preview_is_not_for_investors(client):
    policy = PolicyFactory(status=Publication.DRAFT)
    client.force_login(UserFactory(role=Role.INVESTOR))
    assert client.get(f"/zh-hans/office/content/policy/{policy.pk}/preview/").status_code == 403


def test_publish_and_unpublish_buttons(officer_client):
    policy = PolicyFactory(status=Publication.DRAFT, published_at=None)
    assert officer_client.get(f"/zh-hans/office/content/policy/{policy.pk}/publish/").status_code == 405
    response = officer_client.post(f"/zh-hans/office/content/policy/{policy.pk}/publish/")
    assert (response.status_code, response["Location"]) == (302, "/zh-hans/office/content/")
    policy.refresh_from_db()
    assert policy.status == Publication.PUBLISHED
    officer_client.post(f"/zh-hans/office/content/policy/{policy.pk}/unpublish/")
    policy.refresh_from_db()
    assert policy.status == Publication.DRAFT


def test_unknown_kind_is_not_found(officer_client):
    assert officer_client.get("/zh-hans/office/content/nothing/new/").status_code == 404


def test_caption_upload_checks_the_file_is_webvtt(officer_client):
    video = VideoFactory()
    url = f"/zh-hans/office/content/video/{video.pk}/captions/"
    officer_client.post(
        url, {"language": "en", "label": "English", "file": SimpleUploadedFile("en.srt", b"1\n00:00:00,000")}
    )
    assert not Caption.objects.exists()
    officer_client.post(
        url, {"language": "en", "label": "English", "file": SimpleUploadedFile("en.vtt", b"WEBVTT\n\n")}
    )
    caption = Caption.objects.get()
    assert (caption.language, caption.label) == ("en", "English")
    officer_client.post(f"/zh-hans/office/content/captions/{caption.pk}/delete/")
    assert not Caption.objects.exists()


ROLES = (Role.OFFICER, Role.DEPARTMENT_HEAD, Role.LEADER, Role.ADMINISTRATOR)
READ = dict.fromkeys(ROLES, 200)
WORK = {**READ, Role.LEADER: 403}
BUTTON = {**dict.fromkeys(ROLES, 405), Role.LEADER: 403}  # POST-only: GET is no page; leaders are refused first


@pytest.mark.parametrize(
    ("route", "expected"),
    [
        ("content-home", READ),
        ("content-create", WORK),
        ("content-edit", WORK),
        ("content-preview", READ),
        ("content-publish", BUTTON),
        ("content-unpublish", BUTTON),
        ("content-caption-add", BUTTON),
        ("content-caption-delete", BUTTON),
    ],
)
def test_every_content_route_answers_each_role_as_the_role_walk_expects(client, route, expected):
    from django.urls import reverse

    policy = PolicyFactory()
    video = VideoFactory()
    caption = Caption.objects.create(video=video, language="en", label="English", file="portal/captions/en.vtt")
    kwargs = {
        "content-home": {},
        "content-create": {"kind": "policy"},
        "content-edit": {"kind": "policy", "pk": policy.pk},
        "content-preview": {"kind": "policy", "pk": policy.pk},
        "content-publish": {"kind": "policy", "pk": policy.pk},
        "content-unpublish": {"kind": "policy", "pk": policy.pk},
        "content-caption-add": {"pk": video.pk},
        "content-caption-delete": {"pk": caption.pk},
    }[route]
    url = reverse(f"office:{route}", kwargs=kwargs)
    answers = {}
    for role in ROLES:
        client.force_login(UserFactory(role=role))
        answers[role] = client.get(url).status_code
    assert answers == expected
