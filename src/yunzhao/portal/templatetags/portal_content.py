"""Which language a piece of portal content is shown in, and the notice when it is not the reader's."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import get_language, get_language_info

from yunzhao.core.content import shown_language

register = template.Library()


@register.filter
def shown_lang(content: Any, field: str = "title") -> str:
    """The language code of ``content``'s ``field`` as the reader sees it (for a ``lang`` attribute)."""
    return shown_language(content, field)


@register.inclusion_tag("portal/_fallback_notice.html")
def fallback_notice(content: Any, field: str = "title") -> dict[str, Any]:
    """ "This page is not yet available in 日本語; it is shown in 中文." where the text falls back."""
    language = get_language() or ""
    if content is None or not content.is_fallback(field, language):
        return {"show": False}
    shown = shown_language(content, field, language)
    return {
        "show": True,
        "language": get_language_info(language)["name_local"],
        "shown": get_language_info(shown)["name_local"],
    }
