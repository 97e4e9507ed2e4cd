from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import get_language, get_language_bidi, get_language_info


def site(request: HttpRequest) -> dict[str, Any]:
    code = get_language() or settings.LANGUAGE_CODE
    return {
        "LANGUAGE_BIDI": get_language_bidi(),
        "HTML_DIR": "rtl" if get_language_bidi() else "ltr",
        "CURRENT_LANGUAGE": get_language_info(code),
        "ORGANISATION_NAME": settings.YUNZHAO["ORGANISATION_NAME"],
    }
