"""The report page and its .xlsx download."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.matchmaking.factories import MeetingRequestFactory
from tests.matchmaking.test_report_figures import fair  # noqa: F401 -- the hand-built fair

pytestmark = pytest.mark.django_db


def test_the_report_page_shows_the_totals_and_the_rows(client, leader, fair):  # noqa: F811
    client.force_login(leader)

    response = client.get(f"/en/office/fairs/{fair.pk}/report/")

    assert response.status_code == 200
    text = response.text
    assert "66.7%" in text
    assert "2 / 4" in text  # enquiries answered in time
    assert "A1 Huaguang Storage" in text
    assert "Hall 2" in text
    assert "KR" in text
    assert "Average rating 4.3 out of 5, from 3 ratings." in text


def test_the_report_page_in_chinese(client, leader, fair):  # noqa: F811
    client.force_login(leader)

    response = client.get(reverse("office:fair-report", kwargs={"pk": fair.pk}))

    assert response.status_code == 200
    assert "A1 华光储能" in response.text
    assert "二号馆" in response.text


def test_the_report_page_reads_a_fixed_number_of_queries(client, leader, fair, count_queries):  # noqa: F811
    client.force_login(leader)
    path = reverse("office:fair-report", kwargs={"pk": fair.pk})
    client.get(path)
    with count_queries() as before:
        client.get(path)
    MeetingRequestFactory.create_batch(3, fair=fair)
    with count_queries() as after:
        client.get(path)
    assert before.count == after.count


def test_the_xlsx_download_opens(client, leader, fair):  # noqa: F811
    client.force_login(leader)

    response = client.get(f"/en/office/fairs/{fair.pk}/report.xlsx")

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="fair-report-small-fair-')
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    assert workbook.sheetnames == ["Totals", "Exhibitors", "Halls", "Countries"]
    halls = list(workbook["Halls"].iter_rows(values_only=True))
    assert halls[1] == ("Hall 1", 1, 5, 4, 80.0, 3, 1, 1, 4.33, 2, 1, 2, 1)
