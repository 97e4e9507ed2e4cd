import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from tests.factories import UserFactory
from tests.workbooks.conftest import XLSX, credit_code, upload, xlsx_bytes
from yunzhao.accounts.models import Role
from yunzhao.crm.models import Enterprise
from yunzhao.workbooks import importing, reading
from yunzhao.workbooks.models import ImportJob, ImportStatus

pytestmark = pytest.mark.django_db

HEADERS = ["名称", "Name (English)", "统一社会信用代码", "Country", "Industry code"]


def url(name, *args, language="en"):
    with translation.override(language):
        return reverse(f"office:{name}", args=args)


def post_file(client, content, name="list.xlsx", language="en"):
    return client.post(
        url("workbook-import-upload", "enterprises", language=language),
        {"file": SimpleUploadedFile(name, content, content_type=XLSX)},
    )


def test_a_file_that_is_not_a_workbook_is_refused_whatever_its_name(staff_client):
    response = post_file(staff_client, "名称,国家\n恩力,CN\n".encode(), name="list.xlsx")
    assert response.status_code == 400
    expected = (
        "This file is not an Excel workbook (.xlsx). In Excel, choose “Save as” › "
        "“Excel Workbook (*.xlsx)” and upload that file."
    )
    assert response.context["form"].errors["file"] == [expected]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    assert post_file(staff_client, buffer.getvalue()).context["form"].errors["file"] == [expected]
    assert ImportJob.objects.count() == 0


def test_a_workbook_named_otherwise_is_accepted_by_its_content(staff_client):
    response = post_file(
        staff_client, xlsx_bytes(HEADERS, [["恩力动力有限公司", None, None, "CN", "65"]]), name="list.bin"
    )
    job = ImportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("workbook-import-mapping", job.pk)


def test_a_file_over_the_limit_is_refused(staff_client, monkeypatch):
    monkeypatch.setattr("yunzhao.workbooks.forms.MAX_UPLOAD_BYTES", 1000)
    response = post_file(staff_client, xlsx_bytes(HEADERS, [["恩力动力有限公司"]] * 50))
    assert response.status_code == 400
    message = response.context["form"].errors["file"][0]
    assert message.startswith("The file is ")
    assert message.endswith("at most 1000\xa0bytes can be imported at once. Split it into several workbooks.")


def test_upload_mapping_preview_check_and_run_in_the_request(staff_client, staff, industries):
    rows = [
        ["恩力动力有限公司", "Enli Power", credit_code(31), "CN", "65"],
        ["坏代码企业", None, "91110115MA00000000", "CN", "65"],
    ]
    response = staff_client.post(
        url("workbook-import-upload", "enterprises", language="zh-hans"), {"file": upload(HEADERS, rows)}
    )
    job = ImportJob.objects.get()
    assert response.status_code == 302

    page = staff_client.get(url("workbook-import-mapping", job.pk, language="zh-hans"))
    form = page.context["form"]
    assert [form[f"column_{i}"].value() for i in range(5)] == [
        "name_zh_hans",
        "name_en",
        "credit_code",
        "country",
        "industry",
    ]
    assert "名称（简体中文）" in page.content.decode()

    mapping = {f"column_{i}": key for i, key in enumerate(["name_zh_hans", "name_en", "credit_code", "country", ""])}
    response = staff_client.post(url("workbook-import-mapping", job.pk), mapping)
    assert response["Location"] == url("workbook-import-preview", job.pk)

    preview = staff_client.get(url("workbook-import-preview", job.pk))
    assert preview.context["headers"] == ["Name (简体中文)", "Name (English)", "Unified social credit code", "Country"]
    assert [row["number"] for row in preview.context["rows"]] == [2, 3]
    assert [(e.column, e.message) for e in preview.context["rows"][1]["errors"]] == [
        (
            "Unified social credit code",
            "The check character of credit code 91110115MA00000000 is wrong: it should end in "
            + credit_code_check_of("91110115MA0000000")
            + ".",
        )
    ]

    response = staff_client.post(url("workbook-import-preview", job.pk))
    assert response["Location"] == url("workbook-import", job.pk)
    job.refresh_from_db()
    assert (job.status, job.invalid_rows) == (ImportStatus.VALIDATED, 1)

    refused = staff_client.post(url("workbook-import", job.pk), {"default_decision": "skip"})
    assert refused.status_code == 400
    assert refused.context["form"].errors["skip_invalid"] == [
        "Fix the rows with errors in the file, or choose to leave them out."
    ]
    assert Enterprise.objects.count() == 0

    response = staff_client.post(url("workbook-import", job.pk), {"default_decision": "skip", "skip_invalid": "on"})
    assert response["Location"] == url("workbook-import", job.pk)
    job.refresh_from_db()
    assert (job.status, job.created_count, job.skipped_count) == (ImportStatus.DONE, 1, 1)
    assert list(Enterprise.objects.values_list("name_zh_hans", "name_en")) == [("恩力动力有限公司", "Enli Power")]
    done = staff_client.get(url("workbook-import", job.pk))
    assert "1 record was created." in done.content.decode()


def credit_code_check_of(first17):
    from yunzhao.demo.identifiers import credit_code_check_char

    return credit_code_check_char(first17)


def test_the_mapping_refuses_a_field_twice_and_a_missing_required_field(staff_client, staff):
    job = importing.create_import_job(kind="enterprises", upload=upload(HEADERS, [["甲"]]), by=staff)
    twice = {"column_0": "name_en", "column_1": "name_en"}
    response = staff_client.post(url("workbook-import-mapping", job.pk), twice)
    assert response.status_code == 400
    form = response.context["form"]
    assert form.errors["column_1"] == ["“Name (English)” is already filled from column A."]
    assert form.non_field_errors() == ["Choose a column for every required field: Name (简体中文)."]


def test_someone_elses_import_is_not_found_and_outside_accounts_are_refused(client, staff, investor):
    job = importing.create_import_job(kind="enterprises", upload=upload(HEADERS, [["甲"]]), by=staff)
    colleague = UserFactory(role=Role.OFFICER)
    client.force_login(colleague)
    assert client.get(url("workbook-import", job.pk)).status_code == 404
    admin = UserFactory(role=Role.ADMINISTRATOR)
    client.force_login(admin)
    assert client.get(url("workbook-import", job.pk)).status_code == 200
    client.force_login(investor)
    assert client.get(url("workbook-import", job.pk)).status_code == 403
    assert client.get(url("workbook-export", "enterprises")).status_code == 403


def test_the_progress_fragment_polls_while_busy_and_reloads_the_page_after(staff_client, staff):
    job = importing.create_import_job(kind="enterprises", upload=upload(HEADERS, [["甲"]]), by=staff)
    ImportJob.objects.filter(pk=job.pk).update(status=ImportStatus.RUNNING, rows_done=0, total_rows=10)
    busy = staff_client.get(url("workbook-import-progress", job.pk), headers={"HX-Request": "true"})
    assert "HX-Refresh" not in busy
    assert 'hx-trigger="every 2s"' in busy.content.decode()
    ImportJob.objects.filter(pk=job.pk).update(status=ImportStatus.DONE)
    done = staff_client.get(url("workbook-import-progress", job.pk), headers={"HX-Request": "true"})
    assert done["HX-Refresh"] == "true"


@pytest.mark.parametrize("count", [1, 3])
def test_the_import_list_makes_the_same_queries_for_one_or_three_jobs(staff_client, staff, count, count_queries):
    for _ in range(count):
        importing.create_import_job(kind="enterprises", upload=upload(HEADERS, [["甲"]]), by=staff)
    with count_queries() as counted:
        response = staff_client.get(url("workbook-imports"))
    assert len(response.context["jobs"]) == count
    assert counted.count == 6


def test_the_enterprise_list_links_to_the_export_with_its_filters(staff_client):
    response = staff_client.get(url("enterprise-list") + "?country=JP&q=东京")
    page = response.content.decode()
    export = url("workbook-export", "enterprises")
    assert f'id="export-enterprises" href="{export}?country=JP&amp;q=%E4%B8%9C%E4%BA%AC"' in page


def test_row_count_estimate_reads_only_the_row_tags(staff):
    content = xlsx_bytes(HEADERS, [["甲"]] * 1234)
    with reading.open_workbook(io.BytesIO(content)) as workbook:
        assert reading.count_rows(workbook, workbook.worksheets[0]) == 1234


def test_another_sheet_can_be_chosen_and_its_headers_are_read(staff_client, staff):
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.title = "说明"
    workbook.active.append(["这个表是说明"])
    sheet = workbook.create_sheet("企业")
    sheet.append(["Name (English)", "名称"])
    sheet.append(["Enli Power", "恩力动力有限公司"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = post_file(staff_client, buffer.getvalue())
    job = ImportJob.objects.get()
    assert (job.sheet_names, job.sheet, job.headers, job.mapping) == (["说明", "企业"], "说明", ["这个表是说明"], {})

    staff_client.post(response["Location"], {"sheet": "企业"})
    job.refresh_from_db()
    assert (job.sheet, job.headers, job.total_rows) == ("企业", ["Name (English)", "名称"], 1)
    assert job.mapping == {"0": "name_en", "1": "name_zh_hans"}


def test_the_export_pages_hand_out_workbooks_of_contacts_and_visible_projects(staff_client, staff):
    from tests.factories import ContactFactory, ProjectFactory
    from tests.workbooks.conftest import read_back

    contact = ContactFactory(name="山田太郎")
    ProjectFactory(title_zh_hans="我部门的项目", department=staff.department)
    ProjectFactory(title_zh_hans="别的部门的项目")
    contacts = read_back(b"".join(staff_client.get(url("workbook-export", "contacts")).streaming_content))
    assert [row[:4] for row in contacts[1:]] == [
        [contact.enterprise_id, None, contact.enterprise.name_zh_hans, "山田太郎"]
    ]
    projects = read_back(b"".join(staff_client.get(url("workbook-export", "projects")).streaming_content))
    assert [row[0] for row in projects[1:]] == ["我部门的项目"]


def test_contacts_name_their_enterprise_by_id_credit_code_or_a_name_that_is_unique(staff):
    from tests.factories import EnterpriseFactory
    from yunzhao.workbooks.messages import shown_errors

    EnterpriseFactory(name_zh_hans="同名企业")
    EnterpriseFactory(name_zh_hans="同名企业")
    unique = EnterpriseFactory(name_zh_hans="唯一企业", credit_code=credit_code(61))
    headers = ["Enterprise", "Enterprise's credit code", "Name", "Where their data came from"]
    rows = [
        ["同名企业", None, "甲", "card"],
        ["唯一企业", None, "乙", "business CARD"],
        [None, credit_code(61), "丙", "Business card"],
        ["没有这家", None, "丁", "card"],
        [None, None, "戊", "card"],
    ]
    job = importing.create_import_job(kind="contacts", upload=upload(headers, rows), by=staff)
    job = importing.check_job(job_pk=importing.set_mapping(job=job, mapping=job.mapping).pk)
    with translation.override("en"):
        assert [(e.row, e.message) for e in shown_errors("contacts", job.row_errors)] == [
            (2, "Several enterprises are named 同名企业: give its ID or credit code."),
            (5, "No enterprise matches 没有这家."),
            (6, "Give the enterprise's ID, credit code or name."),
        ]
    importing.decide(job=job, decisions={}, default="skip", skip_invalid=True)
    importing.start_import(job=job)
    assert sorted(unique.contacts.values_list("name", "data_source")) == [("丙", "card"), ("乙", "card")]
