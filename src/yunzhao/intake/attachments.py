"""What a file really is, read from its bytes — never from its name or the browser's word.

PDF, Word (.doc, .docx), Excel (.xls, .xlsx) and images (PNG, JPEG, GIF, WebP) are taken, each
up to :data:`MAX_SIZE`.  The old Office formats are OLE2 compound files: their directory names
the stream (``WordDocument`` or ``Workbook``/``Book``).  The new ones are zip packages whose
``[Content_Types].xml`` names the main part (``word/document.xml``, ``xl/workbook.xml``).
"""

from __future__ import annotations

import io
import zipfile
from typing import IO

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_SIZE = 20 * 1024 * 1024
MAX_FILES = 10
HEAD = 4096

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xls": "application/vnd.ms-excel",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "png": "image/png",
    "jpeg": "image/jpeg",
    "gif": "image/gif",
    "webp": "image/webp",
}
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MAIN_PARTS = {
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "word/document.xml"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "xl/workbook.xml"),
}

NOT_ACCEPTED = _(
    "“%(name)s” is not a PDF, Word, Excel or image file (PNG, JPEG, GIF, WebP) — "
    "whatever its name says. Please send one of those."
)
TOO_LARGE = _("“%(name)s” is larger than 20 MB. Please send a smaller file.")
TOO_MANY = _("At most 10 files may be attached to a filing.")
EMPTY = _("“%(name)s” is empty.")


def sniff(file: IO[bytes]) -> str | None:
    """The type of ``file`` from its content (a key of :data:`CONTENT_TYPES`), or None."""
    file.seek(0)
    head = file.read(HEAD)
    file.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head.startswith(_OLE2):
        return _ole2_kind(file)
    if head.startswith(b"PK\x03\x04"):
        return _package_kind(file)
    return None


def _ole2_kind(file: IO[bytes]) -> str | None:
    """``doc`` or ``xls`` from the stream names in the compound file's directory.

    Directory entries store their names in UTF-16LE; rather than walk the FAT we look for the
    names in the file (a directory sector holds them verbatim), which is what the old formats'
    own sniffers do.
    """
    file.seek(0)
    data = file.read(MAX_SIZE + 1)
    file.seek(0)
    if "WordDocument".encode("utf-16-le") in data:
        return "doc"
    if "Workbook".encode("utf-16-le") in data or "Book\x00".encode("utf-16-le") in data:
        return "xls"
    return None


def _package_kind(file: IO[bytes]) -> str | None:
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as package:
            names = set(package.namelist())
            if "[Content_Types].xml" not in names:
                return None
            info = package.getinfo("[Content_Types].xml")
            if info.file_size > 1_000_000:
                return None
            types = package.read("[Content_Types].xml")
    except (zipfile.BadZipFile, KeyError, OSError, RuntimeError, NotImplementedError):
        return None
    finally:
        file.seek(0)
    for kind, (content_type, part) in _MAIN_PARTS.items():
        if content_type.encode() in types and part in names:
            return kind
    return None


def _size(file: IO[bytes]) -> int:
    size = getattr(file, "size", None)
    if size is None:
        file.seek(0, io.SEEK_END)
        size = file.tell()
        file.seek(0)
    return int(size)


def check_file(file: IO[bytes], *, name: str) -> tuple[str, int]:
    """The detected type and size of an acceptable file; :class:`ValidationError` otherwise."""
    size = _size(file)
    if size == 0:
        raise ValidationError(EMPTY, code="empty", params={"name": name})
    if size > MAX_SIZE:
        raise ValidationError(TOO_LARGE, code="too_large", params={"name": name})
    kind = sniff(file)
    if kind is None:
        raise ValidationError(NOT_ACCEPTED, code="not_accepted", params={"name": name})
    return kind, size
