from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from tests.factories import ContactFactory, EnterpriseFactory
from yunzhao.core.models import AuditEntry
from yunzhao.core.search import search
from yunzhao.crm.contacts import create_contact, update_contact
from yunzhao.crm.models import Contact

pytestmark = pytest.mark.django_db


def test_create_contact_keeps_both_scripts_and_is_found_by_either(officer):
    enterprise = EnterpriseFactory()
    contact = create_contact(
        enterprise=enterprise,
        by=officer,
        name="山田太郎",
        latin_name="Taro Yamada",
        title="海外事業部長",
        languages=["ja", "en"],
        email="yamada@example.jp",
        wechat_id="taro_yamada-1",
        data_source="card",
        consented=True,
    )
    assert contact.consented_at is not None
    assert str(contact) == "山田太郎 (Taro Yamada)"
    assert [int(hit.object_id) for hit in search("山田", models=[Contact])] == [contact.pk]
    assert [int(hit.object_id) for hit in search("yamada", models=[Contact])] == [contact.pk]
    entry = AuditEntry.objects.get(action="contact.created")
    assert entry.actor == officer
    assert entry.after["name"] == "山田太郎"


def test_create_contact_refuses_bad_wechat_id_and_language_and_saves_nothing(officer):
    enterprise = EnterpriseFactory()
    with pytest.raises(ValidationError) as caught:
        create_contact(
            enterprise=enterprise,
            by=officer,
            name="Ali",
            data_source="card",
            wechat_id="微信号",
            languages=["xx"],
        )
    assert set(caught.value.message_dict) == {"wechat_id", "languages"}
    assert Contact.objects.count() == 0
    assert AuditEntry.objects.filter(action="contact.created").count() == 0


def test_update_contact_records_only_what_changed_and_consent_time(officer):
    contact = ContactFactory(consented=False)
    update_contact(contact=contact, by=officer, title="社長", consented=True, name=contact.name)
    contact.refresh_from_db()
    assert contact.title == "社長"
    assert contact.consented_at is not None
    entry = AuditEntry.objects.get(action="contact.updated")
    assert set(entry.after) == {"title", "consented", "consented_at"}
    assert entry.before["title"] == "海外事業部長"

    update_contact(contact=contact, by=officer, consented=False)
    contact.refresh_from_db()
    assert contact.consented_at is None


def test_update_contact_with_no_change_writes_no_audit(officer):
    contact = ContactFactory()
    update_contact(contact=contact, by=officer, title=contact.title)
    assert AuditEntry.objects.filter(action="contact.updated").count() == 0


def test_update_contact_refuses_unknown_field(officer):
    with pytest.raises(TypeError):
        update_contact(contact=ContactFactory(), by=officer, enterprise_id=1)


def test_contact_language_names_follow_the_reader():
    contact = ContactFactory(languages=["ja", "ar"])
    with translation.override("zh-hans"):
        assert contact.language_names == ["日语", "阿拉伯语"]
    with translation.override("en"):
        assert contact.language_names == ["Japanese", "Arabic"]


def test_contact_form_adds_a_contact_and_shows_it_on_the_enterprise(officer_client):
    enterprise = EnterpriseFactory()
    url = reverse("office:contact-create", args=[enterprise.pk])
    response = officer_client.post(
        url,
        {
            "name": "김민준",
            "latin_name": "Kim Min-jun",
            "title": "부장",
            "languages": ["ko", "zh"],
            "email": "kim@example.kr",
            "phone": "+82 2-1234-5678",
            "wechat_id": "",
            "data_source": "event",
            "consented": "on",
        },
    )
    assert response.status_code == 302
    contact = Contact.objects.get()
    assert (contact.name, contact.languages, contact.consented) == ("김민준", ["ko", "zh"], True)
    page = officer_client.get(reverse("office:enterprise-detail", args=[enterprise.pk]))
    assert "김민준" in page.content.decode()


def test_contact_form_shows_errors_in_the_readers_language(officer_client):
    enterprise = EnterpriseFactory()
    with translation.override("zh-hans"):
        url = reverse("office:contact-create", args=[enterprise.pk])
    response = officer_client.post(
        url, {"name": "王伟", "phone": "call me", "data_source": "card"}, HTTP_ACCEPT_LANGUAGE="zh-hans"
    )
    assert response.status_code == 200
    with translation.override("zh-hans"):
        expected = str(Contact._meta.get_field("phone").validators[0].message)
    assert expected in response.content.decode()
    assert expected != "Enter a phone number: digits, with +, spaces, hyphens or brackets."
    assert Contact.objects.count() == 0


def test_outside_accounts_cannot_open_contact_forms(client, investor):
    client.force_login(investor)
    contact = ContactFactory()
    response = client.get(reverse("office:contact-update", args=[contact.pk]))
    assert response.status_code == 403
