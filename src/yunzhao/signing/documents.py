"""The PDFs of signing: checking an upload, generating a bilingual agreement, hashing.

WeasyPrint draws with Debian's Noto fonts (CJK for Chinese, Japanese and Korean, Noto Sans
for Latin, Cyrillic and Arabic), so one page holds Chinese beside any partner's language.
"""

from __future__ import annotations

import hashlib
import io
from typing import IO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader
from pypdf.errors import PdfReadError

#: A signed agreement is text and a few images; more than this is a scan nobody should e-mail.
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
#: Beyond this the signature page and the certificate would be lost at the back of a book.
MAX_PAGES = 500

NOT_A_PDF = _("This file is not a PDF document.")
TOO_LARGE = _("The document may be at most 20 MB.")
TOO_MANY_PAGES = _("The document may have at most 500 pages.")
ENCRYPTED = _("This PDF is protected by a password; upload it without one.")

#: The fonts WeasyPrint picks from, in order: Noto CJK covers Chinese, Japanese and Korean,
#: Noto Sans the Latin and Cyrillic scripts and Noto Sans Arabic the Arabic script.
FONT_STACK = '"Noto Sans CJK SC", "Noto Sans", "Noto Sans Arabic", sans-serif'


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_upload(upload: IO[bytes]) -> bytes:
    """The bytes of an uploaded file, refused past :data:`MAX_DOCUMENT_BYTES` without reading it all."""
    data = upload.read(MAX_DOCUMENT_BYTES + 1)
    if len(data) > MAX_DOCUMENT_BYTES:
        raise ValidationError(TOO_LARGE, code="too_large")
    return data


def check_pdf(data: bytes) -> int:
    """The number of pages of ``data``, or a ValidationError when it is not a PDF that can be signed."""
    if not data.startswith(b"%PDF-"):
        raise ValidationError(NOT_A_PDF, code="not_pdf")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise ValidationError(ENCRYPTED, code="encrypted")
        pages = len(reader.pages)
    except (PdfReadError, ValueError, KeyError, TypeError) as error:
        raise ValidationError(NOT_A_PDF, code="not_pdf") from error
    if pages < 1:
        raise ValidationError(NOT_A_PDF, code="not_pdf")
    if pages > MAX_PAGES:
        raise ValidationError(TOO_MANY_PAGES, code="too_many_pages")
    return pages


def render_pdf(html: str) -> bytes:
    """``html`` drawn by WeasyPrint (imported here: it loads fonts, which pages that never print need not)."""
    from weasyprint import HTML

    return bytes(HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf())


def paragraphs(text: str) -> list[str]:
    """Blank-line separated paragraphs, so clause 3 in Chinese sits beside clause 3 in the partner's language."""
    blocks = [block.strip() for block in text.replace("\r\n", "\n").split("\n\n")]
    return [block for block in blocks if block]


def generate_bilingual_pdf(
    *, title_zh: str, title_partner: str, text_zh: str, text_partner: str, language: str
) -> bytes:
    """A two-column agreement: Chinese on one side, the partner's language on the other, clause by clause."""
    left = paragraphs(text_zh)
    right = paragraphs(text_partner)
    rows = [
        (left[i] if i < len(left) else "", right[i] if i < len(right) else "")
        for i in range(max(len(left), len(right)))
    ]
    with translation.override(language):
        partner_rtl = get_language_bidi()
    html = render_to_string(
        "signing/pdf/bilingual.html",
        {
            "title_zh": title_zh,
            "title_partner": title_partner,
            "rows": rows,
            "language": language,
            "partner_dir": "rtl" if partner_rtl else "ltr",
            "font_stack": FONT_STACK,
        },
    )
    return render_pdf(html)
