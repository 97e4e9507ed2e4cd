"""Files are taken for what their bytes say they are, never for their name."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from tests.intake.factories import docx_bytes, exe_bytes, pdf_bytes, png_bytes, xlsx_bytes
from yunzhao.intake.attachments import MAX_SIZE, check_file, sniff
from yunzhao.intake.forms import AttachmentsStep

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (pdf_bytes(), "pdf"),
        (png_bytes(), "png"),
        (docx_bytes(), "docx"),
        (xlsx_bytes(), "xlsx"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 20, "jpeg"),
        (b"GIF89a\x01\x00\x01\x00" + b"\x00" * 20, "gif"),
        (b"RIFF\x24\x00\x00\x00WEBPVP8 " + b"\x00" * 20, "webp"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500 + "WordDocument".encode("utf-16-le"), "doc"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500 + "Workbook".encode("utf-16-le"), "xls"),
    ],
)
def test_sniff_names_the_type_from_the_content(content, kind):
    assert sniff(io.BytesIO(content)) == kind


def test_sniff_refuses_a_zip_that_is_no_office_document():
    out = io.BytesIO()
    import zipfile

    with zipfile.ZipFile(out, "w") as package:
        package.writestr("payload.exe", exe_bytes())
    assert sniff(io.BytesIO(out.getvalue())) is None


def test_sniff_refuses_a_docx_whose_main_part_is_missing():
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx_bytes())) as source, zipfile.ZipFile(out, "w") as package:
        package.writestr("[Content_Types].xml", source.read("[Content_Types].xml"))
    assert sniff(io.BytesIO(out.getvalue())) is None


def test_check_file_refuses_a_renamed_executable_with_its_name_in_the_message():
    upload = SimpleUploadedFile("business-plan.pdf", exe_bytes(), content_type="application/pdf")
    with translation.override("en"):
        with pytest.raises(ValidationError) as caught:
            check_file(upload, name=upload.name)
        assert caught.value.messages == [
            "“business-plan.pdf” is not a PDF, Word, Excel or image file (PNG, JPEG, GIF, WebP) — "
            "whatever its name says. Please send one of those."
        ]


def test_check_file_refuses_more_than_20_megabytes():
    upload = SimpleUploadedFile("plan.pdf", pdf_bytes() + b"\x00" * (MAX_SIZE + 1 - len(pdf_bytes())))
    with translation.override("en"):
        with pytest.raises(ValidationError) as caught:
            check_file(upload, name="plan.pdf")
        assert caught.value.messages == ["“plan.pdf” is larger than 20 MB. Please send a smaller file."]


def test_check_file_takes_exactly_20_megabytes():
    upload = SimpleUploadedFile("plan.pdf", pdf_bytes() + b"\x00" * (MAX_SIZE - len(pdf_bytes())))
    assert check_file(upload, name="plan.pdf") == ("pdf", MAX_SIZE)


def test_attachments_step_refuses_the_eleventh_file():
    files = {"documents": [SimpleUploadedFile("a.png", png_bytes()), SimpleUploadedFile("b.png", png_bytes())]}
    from django.utils.datastructures import MultiValueDict

    form = AttachmentsStep(data={"consent": "on"}, files=MultiValueDict(files), already=9)
    with translation.override("en"):
        assert not form.is_valid()
        assert form.errors["documents"] == ["At most 10 files may be attached to a filing."]


def test_attachments_step_takes_a_word_and_an_excel_file_whatever_the_browser_says():
    from django.utils.datastructures import MultiValueDict

    files = MultiValueDict(
        {
            "documents": [
                SimpleUploadedFile("plan", docx_bytes(), content_type="application/octet-stream"),
                SimpleUploadedFile("figures.bin", xlsx_bytes(), content_type="text/plain"),
            ]
        }
    )
    form = AttachmentsStep(data={"consent": "on"}, files=files)
    assert form.is_valid(), form.errors
    assert [(kind, size > 0) for _file, kind, size in form.checked] == [("docx", True), ("xlsx", True)]
