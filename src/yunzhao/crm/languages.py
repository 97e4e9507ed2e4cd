"""The languages a contact speaks: ISO 639-1 codes, named in the reader's language by Babel (CLDR)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from babel import Locale
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext_lazy as _

_ISO_639_1_CODES = """aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz
    ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io
    is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr
    ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si
    sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh
    yi yo za zh zu"""
#: Every two-letter code of ISO 639-1 (183 languages; the withdrawn ``bh``, ``in``, ``iw``, ``ji``,
#: ``jw``, ``mo`` and ``sh`` are not among them).
ISO_639_1 = frozenset(_ISO_639_1_CODES.split())

#: The platform's own languages, offered first: zh-hans is ``zh`` in ISO 639-1.
FREQUENT = tuple(dict.fromkeys(code.split("-")[0] for code, _name in settings.LANGUAGES))


def validate_language_codes(value: object) -> None:
    """``value`` must be a list of distinct ISO 639-1 codes in lower case."""
    if not isinstance(value, list) or not all(isinstance(code, str) for code in value):
        raise ValidationError(_("Give the languages as a list of ISO 639-1 codes."), code="invalid")
    unknown = [code for code in value if code not in ISO_639_1]
    if unknown:
        raise ValidationError(
            _("Not an ISO 639-1 language code: %(codes)s."),
            code="invalid_language",
            params={"codes": ", ".join(unknown)},
        )
    if len(set(value)) != len(value):
        raise ValidationError(_("Each language may be given only once."), code="duplicate_language")


@lru_cache(maxsize=16)
def _names(language: str) -> dict[str, str]:
    locale = Locale.parse(translation.to_locale(language))
    english = Locale("en").languages
    return {code: locale.languages.get(code) or english.get(code) or code for code in ISO_639_1}


def language_name(code: str, language: str | None = None) -> str:
    """``code``'s name in ``language`` (default: the active one): ``ja`` is 日语 to a Chinese reader."""
    return _names(language or translation.get_language() or settings.LANGUAGE_CODE).get(code, code)


def language_names(codes: Iterable[str]) -> list[str]:
    return [language_name(code) for code in codes]


def language_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """Grouped choices for a form: the platform's languages, then every other one by name."""
    names = _names(translation.get_language() or settings.LANGUAGE_CODE)
    others = sorted((code for code in ISO_639_1 if code not in FREQUENT), key=lambda code: names[code].casefold())
    return [
        (str(_("Languages of this platform")), [(code, names[code]) for code in FREQUENT]),
        (str(_("Other languages")), [(code, names[code]) for code in others]),
    ]
