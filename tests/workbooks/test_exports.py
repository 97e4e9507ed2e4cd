import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import ContactFactory, EnterpriseFactory, ProjectFactory
from tests.workbooks.conftest import credit_code, read_back
from yunzhao.crm.indexing import index_enterprise
from yunzhao.crm.models import Contact, Enterprise, EnterpriseSize, Ownership
from yunzhao.pipeline.models import Project, Stage
from yunzhao.workbooks import exports, importing
from yunzhao.workbooks.models import ImportStatus

pytestmark = pytest.mark.django_db


def download(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return read_back(b"".join(response.streaming_content))


def test_the_enterprise_export_keeps_the_lists_filters_and_heads_columns_in_the_readers_language(
    staff_client, staff, industries
):
    for enterprise in [
        EnterpriseFactory(
            name_zh_hans="东京电子（大连）有限公司", name_en="Tokyo Denshi", country="JP", industry=industries["65"]
        ),
        EnterpriseFactory(name_zh_hans="大连本地企业有限公司", name_en="Dalian Local Co.", country="CN"),
        EnterpriseFactory(name_zh_hans="上海企业有限公司", country="CN"),
    ]:
        index_enterprise(enterprise)
    rows = download(staff_client, reverse("office:workbook-export", args=["enterprises"]) + "?country=jp")
    assert rows[0][:3] == ["名称（简体中文）", "名称（English）", "名称（日本語）"]
    assert rows[0][8:] == [
        "统一社会信用代码",
        "注册号",
        "国家/地区",
        "行业代码",
        "企业性质",
        "企业规模",
        "网站",
        "入园注册日期",
        "部门代码",
        "负责专员电子邮箱",
    ]
    names = ["东京电子（大连）有限公司", "Tokyo Denshi", None, None, None, None, None, None]
    assert rows[1:] == [[*names, None, None, "JP", "65", "民营", None, None, None, None, None]]
    with translation.override("en"):
        english = download(staff_client, "/en/office/workbooks/export/enterprises.xlsx?q=大连")
    assert english[0][:2] == ["Name (简体中文)", "Name (English)"]
    # Sorted as the list is, by the name in the reader's language.
    assert [row[0] for row in english[1:]] == ["大连本地企业有限公司", "东京电子（大连）有限公司"]


def test_an_enterprise_export_re_imports_as_the_same_data(staff, industries):
    originals = [
        EnterpriseFactory(
            name_zh_hans="恩力动力有限公司",
            name_en="Enli Power Co., Ltd.",
            name_ja="エンリ電力",
            credit_code=credit_code(11),
            registration_number="",
            country="CN",
            industry=industries["65"],
            ownership=Ownership.JOINT_VENTURE,
            size=EnterpriseSize.LARGE,
            website="https://enli.example.com",
            registered_in_zone_on=dt.date(2024, 3, 15),
            department=staff.department,
            owner=staff,
        ),
        EnterpriseFactory(
            name_zh_hans="首尔半导体（天津）有限公司",
            name_ko="서울반도체",
            credit_code=None,
            registration_number="123-81-45678",
            country="KR",
            industry=industries["I"],
            ownership=Ownership.FOREIGN,
        ),
    ]
    fields = [
        "name_zh_hans",
        "name_en",
        "name_ja",
        "name_ko",
        "name_ar",
        "credit_code",
        "registration_number",
        "country",
        "industry_id",
        "ownership",
        "size",
        "website",
        "registered_in_zone_on",
        "department_id",
        "owner_id",
    ]

    def data():
        return [tuple(getattr(e, f) or None for f in fields) for e in Enterprise.objects.order_by("name_zh_hans")]

    before = data()
    with translation.override("ar"):
        content = exports.export_enterprises(Enterprise.objects.order_by("pk")).read()
    Enterprise.objects.filter(pk__in=[e.pk for e in originals]).delete()

    from django.core.files.uploadedfile import SimpleUploadedFile

    job = importing.create_import_job(kind="enterprises", upload=SimpleUploadedFile("export.xlsx", content), by=staff)
    assert len(job.mapping) == len(job.headers) == 18
    job = importing.set_mapping(job=job, mapping=job.mapping)
    job = importing.check_job(job_pk=job.pk)
    assert job.row_errors == []
    job = importing.start_import(job=job)
    assert (job.status, job.created_count) == (ImportStatus.DONE, 2)
    assert data() == before


def test_contacts_and_projects_exports_re_import_as_the_same_data(staff, industries):
    enterprise = EnterpriseFactory(name_zh_hans="恩力动力有限公司", credit_code=credit_code(21))
    ContactFactory(
        enterprise=enterprise,
        name="山田太郎",
        latin_name="Taro Yamada",
        languages=["ja", "en"],
        email="taro@example.jp",
        phone="+81 3-1234-5678",
        wechat_id="taro_y",
        consented=True,
    )
    ProjectFactory(
        enterprise=enterprise,
        title_zh_hans="动力电池项目",
        title_en="Battery plant",
        stage=Stage.NEGOTIATING,
        planned_investment=Decimal("1250000000.50"),
        currency="JPY",
        expected_jobs=300,
        land_need_mu=Decimal("120.25"),
        is_key=True,
        key_level="city",
        department=staff.department,
        owner=staff,
    )
    contact_fields = ["enterprise_id", "name", "latin_name", "title", "languages", "email", "phone", "wechat_id"]
    contact_fields += ["data_source", "consented"]
    project_fields = ["title_zh_hans", "title_en", "enterprise_id", "industry_id", "stage", "planned_investment"]
    project_fields += ["currency", "expected_jobs", "land_need_mu", "is_key", "key_level", "source", "department_id"]
    project_fields += ["owner_id", "channel_id"]
    contacts_before = list(Contact.objects.values_list(*contact_fields))
    projects_before = list(Project.objects.values_list(*project_fields))

    from django.core.files.uploadedfile import SimpleUploadedFile

    for kind, model, exporter in [
        ("contacts", Contact, exports.export_contacts),
        ("projects", Project, exports.export_projects),
    ]:
        content = exporter(model.objects.all()).read()
        model.objects.all().delete()
        job = importing.create_import_job(kind=kind, upload=SimpleUploadedFile(f"{kind}.xlsx", content), by=staff)
        job = importing.check_job(job_pk=importing.set_mapping(job=job, mapping=job.mapping).pk)
        assert job.row_errors == []
        assert importing.start_import(job=job).created_count == 1

    assert list(Contact.objects.values_list(*contact_fields)) == contacts_before
    assert list(Project.objects.values_list(*project_fields)) == projects_before
    assert Project.objects.get().stage_changes.count() == 1


def test_the_project_list_exports_what_its_filters_show(staff_client, staff):
    ProjectFactory(department=staff.department, stage=Stage.NEGOTIATING, title_zh_hans="洽谈中的项目")
    ProjectFactory(department=staff.department, stage=Stage.LEAD, title_zh_hans="线索项目")
    ProjectFactory(stage=Stage.NEGOTIATING, title_zh_hans="别的部门的项目")

    page = staff_client.get("/zh-hans/office/projects/?stage=negotiating").content.decode()
    assert 'href="/zh-hans/office/workbooks/export/projects.xlsx?stage=negotiating"' in page

    rows = download(staff_client, "/zh-hans/office/workbooks/export/projects.xlsx?stage=negotiating")
    titles = [row[rows[0].index("项目名称（简体中文）")] for row in rows[1:]]
    assert titles == ["洽谈中的项目"]
