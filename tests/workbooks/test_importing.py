import sys
import types
from dataclasses import dataclass

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import translation
from django_tasks_db.models import DBTaskResult

from tests.factories import EnterpriseFactory
from tests.workbooks.conftest import credit_code, upload
from yunzhao.core import search
from yunzhao.core.models import AuditEntry, SearchEntry
from yunzhao.crm.models import Enterprise, Ownership
from yunzhao.workbooks import importing, tasks, validation
from yunzhao.workbooks.columns import guess_mapping
from yunzhao.workbooks.messages import failure_message, shown_errors
from yunzhao.workbooks.models import ImportJob, ImportStatus

pytestmark = pytest.mark.django_db

HEADERS = ["名称", "Name (English)", "统一社会信用代码", "Country", "Industry code", "Ownership", "E-mail"]


def checked_job(headers, rows, *, by, kind="enterprises"):
    job = importing.create_import_job(kind=kind, upload=upload(headers, rows), by=by)
    job = importing.set_mapping(job=job, mapping=job.mapping)
    return importing.check_job(job_pk=job.pk)


def test_headers_are_recognised_in_any_language_and_in_the_exports_own_form():
    with translation.override("zh-hans"):
        mapping = guess_mapping("enterprises", ["名称", "名称 (English)", "name_ja", "国家/地区", "Ownership", "备注"])
    assert mapping == {"0": "name_zh_hans", "1": "name_en", "2": "name_ja", "3": "country", "4": "ownership"}


def test_a_clean_file_imports_with_search_entries_and_one_audit_record(staff, industries):
    rows = [
        ["恩力动力有限公司", "Enli Power", credit_code(1), "cn", "65", "民营", None],
        ["山田精机（苏州）有限公司", "Yamada Seiki", credit_code(2), "JP", "I", "foreign", None],
    ]
    job = checked_job(HEADERS, rows, by=staff)
    assert (job.status, job.error_count, job.total_rows) == (ImportStatus.VALIDATED, 0, 2)

    job = importing.start_import(job=job)

    assert (job.status, job.created_count) == (ImportStatus.DONE, 2)
    assert ImportJob.objects.get(pk=job.pk).checked_file.name == ""
    enterprises = list(Enterprise.objects.order_by("pk"))
    assert [(e.name_zh_hans, e.name_en, e.credit_code, e.country, e.industry.code) for e in enterprises] == [
        ("恩力动力有限公司", "Enli Power", credit_code(1), "CN", "65"),
        ("山田精机（苏州）有限公司", "Yamada Seiki", credit_code(2), "JP", "I"),
    ]
    assert [e.ownership for e in enterprises] == [Ownership.PRIVATE, Ownership.FOREIGN]
    assert [hit.object_id for hit in search.search("恩力", models=[Enterprise])] == [str(enterprises[0].pk)]
    assert [hit.object_id for hit in search.search("yamada", models=[Enterprise])] == [str(enterprises[1].pk)]
    entries = AuditEntry.objects.filter(action__startswith="workbooks.import")
    assert [entry.action for entry in entries.order_by("pk")] == ["workbooks.import.uploaded", "workbooks.import.done"]
    done = entries.get(action="workbooks.import.done")
    assert done.data["created"] == 2
    assert done.data["ids"] == [[enterprises[0].pk, enterprises[1].pk]]


def test_errors_per_row_read_in_the_readers_language(staff, industries):
    rows = [
        [None, "No Chinese name", credit_code(3), "CN", "65", "private", None],
        ["坏代码有限公司", None, credit_code(4)[:-1] + "0", "CN", "99", "private", None],
        ["好企业有限公司", None, None, "XX", "65", "不知道", None],
    ]
    job = checked_job(HEADERS, rows, by=staff)
    assert (job.error_count, job.invalid_rows) == (5, 3)
    with translation.override("zh-hans"):
        first = shown_errors(job.kind, job.row_errors)[0]
        assert (first.row, first.column, first.message) == (2, "名称（简体中文）", "此字段为必填项。")
        shown_zh = shown_errors(job.kind, job.row_errors)
        assert (shown_zh[2].column, shown_zh[2].message) == (
            "行业代码",
            "没有代码为 99 的行业（GB/T 4754-2017 门类字母或两位数大类代码）。",
        )
        assert shown_zh[4].message == "请选择有效的选项。不知道 不在可选项中。"
    with translation.override("en"):
        shown = [(e.row, e.column, e.message) for e in shown_errors(job.kind, job.row_errors)]
    expected_check = credit_code_check_char_of(credit_code(4))
    assert shown == [
        (2, "Name (简体中文)", "This field is required."),
        (
            3,
            "Unified social credit code",
            f"The check character of credit code {credit_code(4)[:-1]}0 is wrong: it should end in {expected_check}.",
        ),
        (
            3,
            "Industry code",
            "No industry has the code 99 (GB/T 4754-2017 section letter or two-digit division).",
        ),
        (4, "Country", "Not a two-letter ISO country code: XX."),
        (4, "Ownership", "Select a valid choice. 不知道 is not one of the available choices."),
    ]


def credit_code_check_char_of(code):
    return code[-1]


def test_bad_email_currency_and_numbers_are_errors_of_their_row(staff, industries):
    project_headers = [
        "Title (简体中文)",
        "Enterprise ID",
        "Currency",
        "Planned investment",
        "Expected jobs",
        "Department code",
    ]
    enterprise = EnterpriseFactory()
    rows = [
        ["新项目", enterprise.pk, "YEN", "一百万", 12.5, "unit-1"],
        ["好项目", enterprise.pk, "JPY", "1,000,000.5", 30, "unit-1"],
    ]
    job = checked_job(project_headers, rows, by=staff, kind="projects")
    with translation.override("en"):
        shown = [(e.row, e.column, e.message) for e in shown_errors(job.kind, job.row_errors)]
    assert shown == [
        (2, "Currency", "Not an ISO 4217 currency code: YEN."),
        (2, "Planned investment", "Enter a number."),
        (2, "Expected jobs", "Enter a whole number."),
    ]
    contact_job = checked_job(
        ["Enterprise ID", "Name", "E-mail address", "Where their data came from"],
        [[enterprise.pk, "山田太郎", "taro@", "card"]],
        by=staff,
        kind="contacts",
    )
    with translation.override("zh-hans"):
        assert [e.message for e in shown_errors("contacts", contact_job.row_errors)] == ["请输入有效的电子邮箱地址。"]


def test_a_credit_code_on_file_or_twice_in_the_file_is_an_error(staff, industries):
    EnterpriseFactory(credit_code=credit_code(7), name_zh_hans="已有企业")
    rows = [
        ["甲公司", None, credit_code(7), "CN", "65", "private", None],
        ["乙公司", None, credit_code(8), "CN", "65", "private", None],
        ["丙公司", None, credit_code(8), "CN", "65", "private", None],
    ]
    job = checked_job(HEADERS, rows, by=staff)
    existing = Enterprise.objects.get(credit_code=credit_code(7))
    assert [(e["row"], e["code"], e["params"]) for e in job.row_errors] == [
        (2, "credit_code_taken", {"value": credit_code(7), "id": existing.pk}),
        (4, "credit_code_repeated", {"value": credit_code(8), "first_row": 3}),
    ]
    assert not importing.can_start(job)
    importing.decide(job=job, decisions={}, default="skip", skip_invalid=True)
    job = importing.start_import(job=job)
    assert (job.status, job.created_count, job.skipped_count) == (ImportStatus.DONE, 1, 2)
    assert Enterprise.objects.filter(name_zh_hans="乙公司").count() == 1


@dataclass
class FakeMatch:
    enterprise: Enterprise
    reasons: list


@pytest.fixture
def fake_duplicates(monkeypatch):
    """Stands in for crm.duplicates: a row matches every enterprise holding its first name."""
    calls = []

    def find_duplicates_for_rows(rows):
        calls.append(list(rows))
        found = {}
        for index, (names, _code) in enumerate(rows):
            matches = list(Enterprise.objects.filter(name_zh_hans=names[0]))
            if matches:
                found[index] = [FakeMatch(enterprise, ["name"]) for enterprise in matches]
        return found

    module = types.ModuleType("yunzhao.crm.duplicates")
    module.find_duplicates_for_rows = find_duplicates_for_rows
    monkeypatch.setitem(sys.modules, "yunzhao.crm.duplicates", module)
    return calls


def test_duplicates_are_flagged_and_each_is_skipped_or_imported_as_chosen(staff, industries, fake_duplicates):
    on_file = EnterpriseFactory(name_zh_hans="恩力动力有限公司")
    EnterpriseFactory(name_zh_hans="山田精机有限公司")
    rows = [
        ["恩力动力有限公司", "Enli", None, "CN", "65", "private", None],
        ["山田精机有限公司", None, None, "JP", "65", "foreign", None],
        ["新企业有限公司", None, credit_code(9), "CN", "65", "private", None],
    ]
    job = checked_job(HEADERS, rows, by=staff)
    assert fake_duplicates == [
        [(["恩力动力有限公司", "Enli"], None), (["山田精机有限公司"], None), (["新企业有限公司"], credit_code(9))]
    ]
    assert job.duplicate_count == 2
    assert job.duplicates[0] == {
        "row": 2,
        "names": ["恩力动力有限公司", "Enli"],
        "matches": [{"id": on_file.pk, "name": "恩力动力有限公司", "reasons": ["name"]}],
    }
    importing.decide(job=job, decisions={"2": "skip", "3": "new"}, default="skip", skip_invalid=False)
    job = importing.start_import(job=job)
    assert (job.created_count, job.skipped_count) == (2, 1)
    assert Enterprise.objects.filter(name_zh_hans="恩力动力有限公司").count() == 1
    assert Enterprise.objects.filter(name_zh_hans="山田精机有限公司").count() == 2


def test_without_the_duplicates_module_the_check_goes_on_and_says_so(staff, industries, monkeypatch, caplog):
    monkeypatch.setitem(sys.modules, "yunzhao.crm.duplicates", None)
    job = checked_job(HEADERS, [["恩力动力有限公司", None, None, "CN", "65", "private", None]], by=staff)
    assert (job.status, job.duplicate_count) == (ImportStatus.VALIDATED, 0)
    assert "without a duplicate check" in caplog.text


def test_a_failure_midway_leaves_nothing_imported(staff, industries, monkeypatch):
    rows = [[f"企业{n}有限公司", None, credit_code(100 + n), "CN", "65", "private", None] for n in range(6)]
    job = checked_job(HEADERS, rows, by=staff)
    assert job.error_count == 0
    # Someone registers the fifth row's credit code after the check; the check of the run is
    # switched off so the database's unique constraint is what stops the import, mid-way.
    EnterpriseFactory(credit_code=credit_code(104), name_zh_hans="抢先企业")
    monkeypatch.setattr(validation.RowChecker, "_check_credit_codes", lambda self, rows: None)
    monkeypatch.setattr(importing, "INSERT_BATCH", 2)
    enterprise_type = ContentType.objects.get_for_model(Enterprise)
    entries_before = SearchEntry.objects.filter(content_type=enterprise_type).count()

    job = importing.start_import(job=job)

    assert job.status == ImportStatus.FAILED
    assert list(Enterprise.objects.values_list("name_zh_hans", flat=True)) == ["抢先企业"]
    assert SearchEntry.objects.filter(content_type=enterprise_type).count() == entries_before
    assert job.failure["code"] == "database"
    with translation.override("en"):
        assert failure_message(job.failure).startswith("The database refused the data (")
        assert failure_message(job.failure).endswith("). Nothing was imported.")
    actions = list(AuditEntry.objects.filter(action__startswith="workbooks.import").values_list("action", flat=True))
    assert sorted(actions) == ["workbooks.import.failed", "workbooks.import.uploaded"]
    assert ImportJob.objects.get(pk=job.pk).created_ids == []


def test_a_large_file_is_checked_and_run_by_tasks_enqueued_on_commit(
    staff, industries, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(importing, "IN_REQUEST_ROWS", 1)
    rows = [[f"企业{n}有限公司", None, None, "CN", "65", "private", None] for n in range(3)]
    job = importing.create_import_job(kind="enterprises", upload=upload(HEADERS, rows), by=staff)
    job = importing.set_mapping(job=job, mapping=job.mapping)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        importing.request_check(job=job)
        assert DBTaskResult.objects.count() == 0
    assert len(callbacks) == 1
    callbacks[0]()
    queued = DBTaskResult.objects.get()
    assert (queued.task_path, queued.args_kwargs["args"]) == ("yunzhao.workbooks.tasks.check_import_job", [job.pk])
    job.refresh_from_db()
    assert job.is_busy
    assert job.task_id == str(queued.id)

    tasks.check_import_job.call(job.pk)
    job.refresh_from_db()
    assert (job.status, job.total_rows, job.is_busy) == (ImportStatus.VALIDATED, 3, False)

    with django_capture_on_commit_callbacks(execute=True):
        importing.start_import(job=job)
    run = DBTaskResult.objects.get(task_path="yunzhao.workbooks.tasks.run_import_job")
    assert run.args_kwargs["args"] == [job.pk]
    job.refresh_from_db()
    assert job.status == ImportStatus.QUEUED

    tasks.run_import_job.call(job.pk)
    job.refresh_from_db()
    assert (job.status, job.created_count, job.rows_done) == (ImportStatus.DONE, 3, 3)
    assert Enterprise.objects.count() == 3


def test_imported_enterprises_get_name_keys_so_the_next_import_flags_them(staff, industries):
    first = checked_job(
        HEADERS, [["華為技術有限公司", "Huawei Technologies", None, "CN", "65", "private", None]], by=staff
    )
    importing.start_import(job=first)
    huawei = Enterprise.objects.get()

    second = checked_job(HEADERS, [["华为技术有限公司", None, None, "CN", "65", "private", None]], by=staff)

    assert second.duplicates == [
        {
            "row": 2,
            "names": ["华为技术有限公司"],
            "matches": [{"id": huawei.pk, "name": "華為技術有限公司", "reasons": ["name"]}],
        }
    ]
    with translation.override("en"):
        from yunzhao.workbooks.duplicates import reason_label

        assert reason_label("name") == "same name ignoring width, script and case"


def test_ids_reserved_by_an_import_are_not_given_out_again(staff, industries):
    before = EnterpriseFactory(name_zh_hans="导入前的企业")
    job = checked_job(
        HEADERS, [[f"企业{n}有限公司", None, None, "CN", "65", "private", None] for n in range(3)], by=staff
    )
    job = importing.start_import(job=job)
    imported = list(Enterprise.objects.exclude(pk=before.pk).order_by("pk").values_list("pk", flat=True))
    assert job.created_ids == [[imported[0], imported[-1]]]
    assert imported[0] > before.pk
    after = EnterpriseFactory(name_zh_hans="导入后的企业")
    assert after.pk > imported[-1]
    assert SearchEntry.objects.filter(object_id__in=[str(pk) for pk in imported]).count() == 3
