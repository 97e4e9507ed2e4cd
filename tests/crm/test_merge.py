from __future__ import annotations

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied

from tests.factories import ActivityFactory, ContactFactory, ProjectFactory, UserFactory
from yunzhao.accounts.models import Role
from yunzhao.core import audit
from yunzhao.core.models import AuditEntry, SearchEntry
from yunzhao.core.search import search
from yunzhao.crm import merge as merge_module
from yunzhao.crm.duplicates import find_probable_duplicates
from yunzhao.crm.enterprises import create_enterprise, update_enterprise
from yunzhao.crm.merge import MergeError, enterprise_history, merge_enterprises
from yunzhao.crm.models import Activity, Contact, Enterprise, EnterpriseMerge, EnterpriseNameKey
from yunzhao.pipeline.models import Project

pytestmark = pytest.mark.django_db


@pytest.fixture
def head(department):
    return UserFactory(role=Role.DEPARTMENT_HEAD, department=department, full_name="王主任")


@pytest.fixture
def admin():
    return UserFactory(role=Role.ADMINISTRATOR, department=None)


@pytest.fixture
def pair(officer):
    keep = create_enterprise(by=officer, name_zh_hans="华为技术有限公司", country="CN", website="https://huawei.com")
    absorb = create_enterprise(
        by=officer,
        name_zh_hans="華為技術",
        name_en="Huawei Technologies Co., Ltd.",
        credit_code="914403001922038216",
        country="CN",
        website="https://www.huawei.com",
    )
    update_enterprise(enterprise=absorb, by=officer, registration_number="440301103097413")
    ProjectFactory(enterprise=keep)
    ProjectFactory.create_batch(2, enterprise=absorb)
    ContactFactory(enterprise=keep)
    contacts = ContactFactory.create_batch(3, enterprise=absorb)
    ActivityFactory(enterprise=keep, created_by=officer)
    ActivityFactory.create_batch(4, enterprise=absorb, created_by=officer, contacts=contacts[:1])
    return keep, absorb


def counts(enterprise):
    return (
        Project.objects.filter(enterprise=enterprise).count(),
        Contact.objects.filter(enterprise=enterprise).count(),
        Activity.objects.filter(enterprise=enterprise).count(),
    )


def test_merge_moves_everything_and_keeps_the_chosen_values(head, pair):
    keep, absorb = pair
    absorbed_pk = absorb.pk
    moved_projects = sorted(Project.objects.filter(enterprise=absorb).values_list("pk", flat=True))

    merged = merge_enterprises(
        keep=keep, absorb=absorb, by=head, choices={"website": "keep", "registration_number": "absorb"}
    )

    assert merged.pk == keep.pk
    assert counts(keep) == (3, 4, 5)
    assert not Enterprise.objects.filter(pk=absorbed_pk).exists()
    keep.refresh_from_db()
    # name_en and the credit code were empty on the kept one: they come over by default.
    assert (keep.name_zh_hans, keep.name_en, keep.credit_code, keep.registration_number, keep.website) == (
        "华为技术有限公司",
        "Huawei Technologies Co., Ltd.",
        "914403001922038216",
        "440301103097413",
        "https://huawei.com",
    )
    assert sorted(EnterpriseNameKey.objects.filter(enterprise=keep).values_list("key", flat=True)) == [
        "huaweijishu",
        "huaweitechnologies",
    ]
    record = EnterpriseMerge.objects.get()
    assert (record.keep, record.absorbed_pk, record.absorbed_name, record.merged_by) == (
        keep,
        absorbed_pk,
        "華為技術",
        head,
    )
    assert record.absorbed_snapshot["credit_code"] == "914403001922038216"
    assert record.absorbed_snapshot["website"] == "https://www.huawei.com"
    assert record.moved == {"pipeline.project": 2, "crm.contact": 3, "crm.activity": 4}
    entry = AuditEntry.objects.get(action="enterprise.merged")
    assert entry.target_id == str(keep.pk)
    assert entry.data["moved"]["pipeline.project"] == moved_projects
    assert entry.after == {
        "name_en": "Huawei Technologies Co., Ltd.",
        "credit_code": "914403001922038216",
        "registration_number": "440301103097413",
    }
    absorbed_entry = AuditEntry.objects.get(action="enterprise.merged_into")
    assert (absorbed_entry.target_id, absorbed_entry.data["into"]) == (str(absorbed_pk), keep.pk)


def test_merge_keeps_activity_links_to_moved_contacts(head, pair):
    keep, absorb = pair
    linked = Contact.objects.filter(enterprise=absorb, activities__isnull=False).distinct().get().pk
    merge_enterprises(keep=keep, absorb=absorb, by=head, choices={})
    activities = Activity.objects.filter(contacts=linked)
    assert activities.count() == 4
    assert {a.enterprise_id for a in activities} == {keep.pk}


def test_history_of_the_kept_enterprise_shows_both(head, pair, officer):
    keep, absorb = pair
    absorbed_pk = absorb.pk
    merge_enterprises(keep=keep, absorb=absorb, by=head, choices={})
    actions = [(entry.target_id, entry.action) for entry in enterprise_history(keep)]
    assert sorted(actions) == sorted(
        [
            (str(keep.pk), "enterprise.created"),
            (str(absorbed_pk), "enterprise.created"),
            (str(absorbed_pk), "enterprise.updated"),
            (str(absorbed_pk), "enterprise.merged_into"),
            (str(keep.pk), "enterprise.merged"),
        ]
    )
    assert actions[0] == (str(keep.pk), "enterprise.merged")
    # The entries are still the absorbed enterprise's: the log is never rewritten.
    assert audit.history_for(keep).count() == 2


def test_history_follows_a_chain_of_merges(head, admin, pair, officer):
    keep, absorb = pair
    absorbed_pk = absorb.pk
    merge_enterprises(keep=keep, absorb=absorb, by=head, choices={})
    third = create_enterprise(by=officer, name_zh_hans="华为", country="CN")
    merge_enterprises(keep=third, absorb=keep, by=admin, choices={})
    targets = {entry.target_id for entry in enterprise_history(third)}
    assert targets == {str(third.pk), str(keep.pk), str(absorbed_pk)}
    assert sorted(EnterpriseMerge.objects.filter(keep=third).values_list("absorbed_pk", flat=True)) == sorted(
        [absorbed_pk, keep.pk]
    )
    assert counts(third) == (3, 4, 5)


def test_search_finds_the_kept_enterprise_by_the_absorbed_name_and_never_the_absorbed(head, pair):
    keep, absorb = pair
    absorbed_pk = absorb.pk
    merge_enterprises(keep=keep, absorb=absorb, by=head, choices={})
    content_type = ContentType.objects.get_for_model(Enterprise)
    assert not SearchEntry.objects.filter(content_type=content_type, object_id=str(absorbed_pk)).exists()
    assert [int(hit.object_id) for hit in search("Huawei Technologies", models=[Enterprise])] == [keep.pk]
    assert [m.enterprise for m in find_probable_duplicates(names=["huawei technologies"])] == [keep]


def test_officers_may_not_merge_and_nothing_changes(officer, pair):
    keep, absorb = pair
    with pytest.raises(PermissionDenied):
        merge_enterprises(keep=keep, absorb=absorb, by=officer, choices={})
    assert (counts(keep), counts(absorb)) == ((1, 1, 1), (2, 3, 4))
    assert EnterpriseMerge.objects.count() == 0


def test_an_enterprise_is_not_merged_with_itself(head, pair):
    keep, _absorb = pair
    with pytest.raises(MergeError):
        merge_enterprises(keep=keep, absorb=keep, by=head, choices={})


def test_unknown_fields_or_sides_are_refused(head, pair):
    keep, absorb = pair
    with pytest.raises(MergeError):
        merge_enterprises(keep=keep, absorb=absorb, by=head, choices={"created_at": "absorb"})
    with pytest.raises(MergeError):
        merge_enterprises(keep=keep, absorb=absorb, by=head, choices={"website": "both"})
    assert Enterprise.objects.count() == 2


def test_nothing_changes_when_the_merge_fails_midway(head, pair, monkeypatch):
    keep, absorb = pair
    before = AuditEntry.objects.count()

    def broken_index(enterprise):
        raise RuntimeError("the search index is gone")

    monkeypatch.setattr(merge_module, "index_enterprise", broken_index)
    with pytest.raises(RuntimeError):
        merge_enterprises(keep=keep, absorb=absorb, by=head, choices={"credit_code": "absorb"})
    assert Enterprise.objects.filter(pk=absorb.pk).exists()
    assert (counts(keep), counts(absorb)) == ((1, 1, 1), (2, 3, 4))
    keep.refresh_from_db()
    absorb.refresh_from_db()
    assert (keep.credit_code, absorb.credit_code) == (None, "914403001922038216")
    assert EnterpriseMerge.objects.count() == 0
    assert AuditEntry.objects.count() == before
    assert EnterpriseNameKey.objects.filter(enterprise=absorb).count() == 2
    content_type = ContentType.objects.get_for_model(Enterprise)
    assert SearchEntry.objects.filter(content_type=content_type, object_id=str(absorb.pk)).exists()


# --- pages ------------------------------------------------------------------------------------


def test_officer_gets_403_on_the_merge_pages(officer_client, pair):
    keep, absorb = pair
    assert officer_client.get(f"/en/office/enterprises/{keep.pk}/merge/").status_code == 403
    url = f"/en/office/enterprises/{keep.pk}/merge/{absorb.pk}/"
    assert officer_client.get(url).status_code == 403
    assert officer_client.post(url, {"confirm": "on"}).status_code == 403
    assert Enterprise.objects.count() == 2
    page = officer_client.get(f"/en/office/enterprises/{keep.pk}/").content.decode()
    assert f"/en/office/enterprises/{keep.pk}/merge/" not in page


def test_choose_page_offers_probable_duplicates_and_search(client, head, pair):
    keep, absorb = pair
    client.force_login(head)
    response = client.get(f"/en/office/enterprises/{keep.pk}/merge/")
    assert [m.enterprise for m in response.context["duplicates"]] == [absorb]
    assert f"/en/office/enterprises/{keep.pk}/merge/{absorb.pk}/" in response.content.decode()
    response = client.get(f"/en/office/enterprises/{keep.pk}/merge/", {"q": "Huawei"})
    assert response.context["results"] == [absorb]


def test_compare_page_shows_differing_fields_as_choices(client, head, pair):
    keep, absorb = pair
    client.force_login(head)
    response = client.get(f"/en/office/enterprises/{keep.pk}/merge/{absorb.pk}/")
    form = response.context["form"]
    assert form.compared_names == ["name_zh_hans", "name_en", "credit_code", "registration_number", "website"]
    assert {name: form[name].initial for name in form.compared_names} == {
        "name_zh_hans": "keep",
        "name_en": "absorb",
        "credit_code": "absorb",
        "registration_number": "absorb",
        "website": "keep",
    }
    shown = {name: (mine, theirs) for name, mine, theirs in response.context["counts"]}
    assert (shown["projects"], shown["contacts"], shown["activities"]) == ((1, 2), (1, 3), (1, 4))
    assert "enterprise merges" not in shown  # none on either side


def test_merging_through_the_page(client, head, pair):
    keep, absorb = pair
    absorbed_pk = absorb.pk
    client.force_login(head)
    url = f"/en/office/enterprises/{keep.pk}/merge/{absorb.pk}/"
    context = client.get(url).context
    data = {
        "keep_version": context["keep_version"],
        "absorb_version": context["absorb_version"],
        "name_zh_hans": "absorb",
        "name_en": "absorb",
        "credit_code": "absorb",
        "registration_number": "keep",
        "website": "absorb",
    }
    response = client.post(url, data)
    assert response.status_code == 200  # without the confirmation
    assert Enterprise.objects.count() == 2

    response = client.post(url, {**data, "confirm": "on"}, follow=True)
    assert response.redirect_chain == [(f"/en/office/enterprises/{keep.pk}/", 302)]
    keep.refresh_from_db()
    assert (keep.name_zh_hans, keep.registration_number, keep.website) == ("華為技術", "", "https://www.huawei.com")
    assert not Enterprise.objects.filter(pk=absorbed_pk).exists()
    page = response.content.decode()
    assert "Merged from:" in page
    assert "was merged into this enterprise" in page
    assert {entry.target_id for entry in response.context["history"]} == {str(keep.pk), str(absorbed_pk)}


def test_a_change_since_the_page_was_opened_sends_the_user_back_to_check(client, head, officer, pair):
    keep, absorb = pair
    client.force_login(head)
    url = f"/en/office/enterprises/{keep.pk}/merge/{absorb.pk}/"
    context = client.get(url).context
    data = {"keep_version": context["keep_version"], "absorb_version": context["absorb_version"], "confirm": "on"}
    update_enterprise(enterprise=absorb, by=officer, website="https://consumer.huawei.com")
    response = client.post(url, data, follow=True)
    assert response.redirect_chain == [(url, 302)]
    assert "was changed meanwhile" in response.content.decode()
    assert Enterprise.objects.count() == 2
