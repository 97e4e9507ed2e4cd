"""Portal content: translation status, the fallback notice, editing and publishing (audited), and
a cached page that changes on the next request after an edit."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from tests.factories import UserFactory
from tests.portal.factories import LetterFactory, PolicyFactory, VideoFactory
from yunzhao.accounts.models import Role
from yunzhao.core.content import Publication, TranslationState, record_translation, shown_language
from yunzhao.core.models import AuditEntry
from yunzhao.portal import editing
from yunzhao.portal.models import Caption, Letter, validate_webvtt

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    return UserFactory(role=Role.OFFICER)


def test_translation_status_says_missing_outdated_and_up_to_date(editor):
    letter = LetterFactory()
    record_translation(letter, "en")
    letter.save()
    editing.save_content(content=letter, language="zh-hans", by=editor, values={"body_zh_hans": "新的正文"})
    letter.title_ja, letter.body_ja, letter.signatory_name_ja, letter.signatory_title_ja = (
        "手紙",
        "本文",
        "王明",
        "主任",
    )
    editing.save_content(content=letter, language="ja", by=editor, values={})
    states = {status.code: status.state for status in Letter.objects.get(pk=letter.pk).translation_status()}
    assert states == {
        "zh-hans": TranslationState.COMPLETE,
        "en": TranslationState.OUTDATED,
        "ja": TranslationState.COMPLETE,
        "ko": TranslationState.MISSING,
        "ar": TranslationState.MISSING,
        "es": TranslationState.MISSING,
        "fr": TranslationState.MISSING,
        "ru": TranslationState.MISSING,
    }


def test_shown_language_follows_the_fallback_order(db):
    letter = LetterFactory()
    assert (shown_language(letter, "body", "ja"), shown_language(letter, "body", "ar")) == ("zh-hans", "en")
    assert shown_language(letter, "body", "en") == "en"


def test_invitation_says_when_it_falls_back_to_another_language(client):
    LetterFactory()
    body = client.get("/ja/invitation/").content.decode()
    assert "日本語" in body
    assert "简体中文" in body
    assert "尊敬的投资者朋友们" in body
    assert 'lang="zh-hans"' in body
    english = client.get("/en/invitation/").content.decode()
    assert "This page is not yet available" not in english
    assert "Dear investors," in english


def test_fallback_notice_in_english_names_both_languages(client):
    LetterFactory(title_en="", body_en="", signatory_name_en="", signatory_title_en="")
    body = client.get("/en/invitation/").content.decode()
    assert "This page is not yet available in English; it is shown in 简体中文." in body


def test_save_content_records_the_language_and_audits(editor):
    letter = LetterFactory(status=Publication.DRAFT)
    editing.save_content(content=letter, language="ar", by=editor, values={"title_ar": "رسالة"})
    letter.refresh_from_db()
    assert letter.title_ar == "رسالة"
    assert "ar" in letter.translated_at
    entry = AuditEntry.objects.get(action="portal.letter.changed")
    assert (entry.actor_id, entry.data) == (editor.pk, {"language": "ar", "fields": ["title_ar"]})


def test_publish_and_unpublish_are_audited(editor):
    policy = PolicyFactory(status=Publication.DRAFT, published_at=None)
    editing.publish_content(content=policy, by=editor)
    policy.refresh_from_db()
    assert policy.status == Publication.PUBLISHED
    assert policy.published_at is not None
    editing.unpublish_content(content=policy, by=editor)
    policy.refresh_from_db()
    assert policy.status == Publication.DRAFT
    assert list(AuditEntry.objects.order_by("pk").values_list("action", flat=True)) == [
        "portal.policy.published",
        "portal.policy.unpublished",
    ]


@pytest.mark.django_db(transaction=True)
def test_a_cached_page_changes_on_the_next_request_after_an_edit(client):
    editor = UserFactory(role=Role.OFFICER)
    letter = LetterFactory(title_zh_hans="第一版标题")
    assert "第一版标题" in client.get("/zh-hans/invitation/").content.decode()
    Letter.objects.filter(pk=letter.pk).update(title_zh_hans="绕过编辑的修改")
    assert "第一版标题" in client.get("/zh-hans/invitation/").content.decode()  # served from the cache
    editing.save_content(content=letter, language="zh-hans", by=editor, values={"title_zh_hans": "第二版标题"})
    assert "第二版标题" in client.get("/zh-hans/invitation/").content.decode()


@pytest.mark.django_db(transaction=True)
def test_publishing_shows_a_draft_on_the_next_request(client):
    editor = UserFactory(role=Role.OFFICER)
    assert "草稿政策" not in client.get("/zh-hans/services/policies/").content.decode()
    policy = PolicyFactory(title_zh_hans="草稿政策", status=Publication.DRAFT, published_at=None)
    editing.publish_content(content=policy, by=editor)
    assert "草稿政策" in client.get("/zh-hans/services/policies/").content.decode()


def test_validate_webvtt_accepts_webvtt_and_refuses_other_files():
    validate_webvtt(SimpleUploadedFile("ja.vtt", "WEBVTT\n\n00:00.000 --> 00:02.000\nこんにちは\n".encode()))
    validate_webvtt(SimpleUploadedFile("bom.vtt", b"\xef\xbb\xbfWEBVTT - captions\n"))
    for content in (b"1\n00:00:00,000 --> 00:00:02,000\nHello\n", b"WEBVTTX\n", b""):
        with pytest.raises(ValidationError):
            validate_webvtt(SimpleUploadedFile("x.vtt", content))


def test_add_caption_replaces_the_language_and_the_player_lists_the_tracks(client, editor):
    video = VideoFactory(file=SimpleUploadedFile("zone.mp4", b"\x00\x00\x00\x18ftypmp42"))
    vtt = b"WEBVTT\n\n00:00.000 --> 00:02.000\nHello\n"
    editing.add_caption(video=video, language="en", label="English", file=SimpleUploadedFile("en.vtt", vtt), by=editor)
    editing.add_caption(video=video, language="ja", label="日本語", file=SimpleUploadedFile("ja.vtt", vtt), by=editor)
    editing.add_caption(
        video=video, language="ja", label="日本語字幕", file=SimpleUploadedFile("j2.vtt", vtt), by=editor
    )
    assert list(Caption.objects.values_list("language", "label")) == [("en", "English"), ("ja", "日本語字幕")]
    body = client.get("/en/invitation/").content.decode()
    assert '<track kind="captions" srclang="en" label="English"' in body
    assert '<track kind="captions" srclang="ja" label="日本語字幕"' in body


def test_add_caption_refuses_a_file_that_is_not_webvtt(editor):
    video = VideoFactory()
    with pytest.raises(ValidationError):
        editing.add_caption(
            video=video, language="en", label="English", file=SimpleUploadedFile("en.srt", b"1\n00:00"), by=editor
        )
    assert not Caption.objects.exists()


def test_invitation_without_a_video_file_says_the_film_comes_later(client):
    VideoFactory()
    with translation.override("en"):
        body = client.get("/en/invitation/").content.decode()
    assert "The film will be available here soon." in body
    assert "<video" not in body
