"""Factories of the intake tests: filings and the files investors attach."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from decimal import Decimal

import factory
from django.utils import timezone

from yunzhao.intake.models import Filing, FilingStatus


class FilingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Filing

    reference = factory.Sequence(lambda n: f"YZ-2026-{900000 + n:06d}")
    language = "ja"
    status = FilingStatus.SUBMITTED
    company_name = factory.Sequence(lambda n: f"菅野バッテリー{n}株式会社")
    company_country = "JP"
    contact_name = "菅野 健"
    contact_latin_name = "Ken Kanno"
    email = factory.Sequence(lambda n: f"kanno{n}@example.jp")
    title = "新エネルギー電池工場"
    description = "リチウムイオン電池の製造拠点を設立します。"
    amount = Decimal("50000000.00")
    currency = "USD"
    consented_at = factory.LazyFunction(timezone.now)


def division(code: str = "38", section: str = "C"):
    """A GB/T division under its section."""
    from yunzhao.crm.models import Industry

    parent, _ = Industry.objects.get_or_create(code=section, defaults={"name": "制造业", "name_en": "Manufacturing"})
    industry, _ = Industry.objects.get_or_create(
        code=code, defaults={"name": "电气机械和器材制造业", "name_en": "Electrical machinery", "parent": parent}
    )
    return industry


def pdf_bytes() -> bytes:
    """A one-page PDF, built by hand."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def png_bytes() -> bytes:
    """A 1×1 white PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\xff\xff")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def _package(content_type: str, part: str, body: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/{part}" ContentType="{content_type}"/></Types>',
        )
        package.writestr(part, body)
    return out.getvalue()


def docx_bytes() -> bytes:
    return _package(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "word/document.xml",
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',
    )


def xlsx_bytes() -> bytes:
    """A real workbook written by openpyxl."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(["年份", "投资额"])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def exe_bytes() -> bytes:
    """The start of a Windows executable (MZ header)."""
    return (
        b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff"
        + b"\x00" * 200
        + b"This program cannot be run in DOS mode."
    )
