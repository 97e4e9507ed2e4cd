"""Name badges: a printable PDF with every confirmed name in its own script and a QR code each."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from tests.factories import EventFactory
from yunzhao.events import registrations

pytestmark = pytest.mark.django_db

PEOPLE = [
    ("王小明", "zh-hans", "北京亦庄投资控股有限公司"),
    ("菅野 健", "ja", "株式会社エンリパワー"),
    ("김민준", "ko", "현대자동차"),
    ("Lionel Chen", "fr", "ADNRS"),
    ("ليلى حداد", "ar", "موانئ دبي العالمية"),
]


def test_badges_carry_each_name_in_its_script_with_a_qr_code(officer_client, officer):
    event = EventFactory(department=officer.department, capacity=len(PEOPLE) + 4)
    for n, (name, language, organisation) in enumerate(PEOPLE * 2):
        registrations.register(
            event=event,
            registrant=registrations.Registrant(
                name=name, email=f"p{n}@example.com", language=language, organisation=organisation
            ),
        )
    response = officer_client.get(f"/en/office/events/{event.pk}/badges.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 2  # ten badges, eight to a sheet
    text = "".join(page.extract_text() for page in reader.pages)
    for name, _language, organisation in PEOPLE[:4]:
        assert name.replace(" ", "") in text.replace(" ", "")
        assert organisation.replace(" ", "") in text.replace(" ", "")
    fonts = {
        str(font.get_object()["/BaseFont"]) for page in reader.pages for font in page["/Resources"]["/Font"].values()
    }
    assert any("CJK" in font for font in fonts)
    assert any("Arabic" in font for font in fonts)
    waiting = registrations.register(
        event=event, registrant=registrations.Registrant(name="Waiting", email="w@example.com", language="en")
    )[0]
    assert waiting.status == "waiting"
    again = PdfReader(io.BytesIO(officer_client.get(f"/en/office/events/{event.pk}/badges.pdf").content))
    assert "Waiting" not in "".join(page.extract_text() for page in again.pages)
