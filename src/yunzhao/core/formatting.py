"""Numbers, money, percentages and dates the way each reader's language writes them.

Every function takes an optional ``language`` (one of ``settings.LANGUAGES``); without it
the active language is used. Our codes map to Babel (CLDR) locales in :data:`BABEL_LOCALES`;
a regional code uses its language (``ja-JP`` → ``ja``); another language Babel knows is
formatted by Babel alone; anything else falls back to ``settings.LANGUAGE_CODE``.

The rules, in one place:

- **Exact arithmetic.** Values are turned into :class:`~decimal.Decimal` (a float through
  its shortest ``repr``, so ``0.1`` stays ``0.1``) and rounded half up (四舍五入) in a
  private 60-digit context before Babel sees them; Babel never rounds again.
- **Digits.** Every locale keeps Babel's default numbering system, which for ``ar`` is
  Latin digits (``latn``): the seeds' Arabic readers (the UAE) read Western digits in
  business text, and CLDR agrees.
- **Large amounts** (:func:`format_amount`) keep at most two decimals, trailing zeros
  dropped. Chinese, Japanese and Korean count in myriads: from 10^4 the amount is given in
  万/万/만, from 10^8 in 亿/億/억, from 10^12 in 万亿/兆/조, with the figure grouped
  (``8,992.4亿``). Other languages use CLDR's long compact forms (thousand, million,
  billion, trillion), with the plural form chosen for the figure shown. The unit is picked
  by the amount's size; when rounding carries the figure up to the next unit it moves
  there (99,999,999 → ``1亿``, not ``10,000万``).
- **Money.** The full form is Babel's ``format_currency`` with the currency's own number
  of decimals. The compact form in Chinese, Japanese and Korean appends the currency's
  everyday name (元, 美元, 円, 위안 …, see :data:`CURRENCY_UNITS`; other currencies take
  CLDR's display name); other languages put the CLDR currency symbol where the locale's
  currency pattern puts it, around the long compact amount (``CN¥899.24 billion``,
  ``899,24 milliards CNY``). Symbols rather than names: names would need grammatical case
  and prepositions (« de yuans », « юаней ») that CLDR does not provide.
- **Percentages** have a fixed number of decimals (``20.0%``), in the locale's pattern
  (``11,6 %`` in French).
- **Percentage points** come from the built-in :data:`PERCENTAGE_POINT_PATTERNS` for the
  eight languages: it follows CLDR plural categories, which also cover decimals (English
  ``1 percentage point``, Russian ``1,5 процентного пункта``) where gettext's integer
  plural rules cannot. Any other language takes the catalogue's
  ``pgettext("percentage points", "%(value)s percentage points")``.
- **Dates and times** are shown in Django's current time zone (``settings.TIME_ZONE``
  unless a view activated another); a naive datetime is taken to be in that zone.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Context, Decimal
from functools import lru_cache
from typing import Any

from babel import Locale, UnknownLocaleError
from babel import dates as babel_dates
from babel import numbers as babel_numbers
from babel.numbers import NumberPattern
from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import pgettext

__all__ = [
    "BABEL_LOCALES",
    "CURRENCY_UNITS",
    "PERCENTAGE_POINT_PATTERNS",
    "format_amount",
    "format_date",
    "format_datetime",
    "format_money",
    "format_number",
    "format_percent",
    "format_percentage_points",
]

Number = Decimal | int | float

BABEL_LOCALES: Mapping[str, str] = {
    "zh-hans": "zh_Hans_CN",
    "en": "en",
    "ja": "ja_JP",
    "ko": "ko_KR",
    "ar": "ar",
    "es": "es_ES",
    "fr": "fr_FR",
    "ru": "ru_RU",
}

#: Decimals a compact amount keeps at most (trailing zeros dropped).
AMOUNT_DECIMALS = 2

#: Myriad units, smallest first: (power of ten, word).
MYRIAD_UNITS: Mapping[str, tuple[tuple[int, str], ...]] = {
    "zh-hans": ((4, "万"), (8, "亿"), (12, "万亿")),
    "ja": ((4, "万"), (8, "億"), (12, "兆")),
    "ko": ((4, "만"), (8, "억"), (12, "조")),
}

#: The currency word a reader expects after a myriad amount (8,992.4亿元, 8,992.4億円).
CURRENCY_UNITS: Mapping[str, Mapping[str, str]] = {
    "zh-hans": {"CNY": "元", "USD": "美元", "JPY": "日元", "EUR": "欧元", "HKD": "港元"},
    "ja": {"CNY": "人民元", "USD": "米ドル", "JPY": "円", "EUR": "ユーロ", "HKD": "香港ドル"},
    "ko": {"CNY": "위안", "USD": "달러", "JPY": "엔", "EUR": "유로", "HKD": "홍콩 달러"},
}

#: Between a myriad amount and its currency word: Korean spaces them, and so does an ISO code.
_CURRENCY_SEPARATOR: Mapping[str, str] = {"zh-hans": "", "ja": "", "ko": "\u00a0"}

#: Built-in wording of percentage points by CLDR plural category ("other" is the default).
PERCENTAGE_POINT_PATTERNS: Mapping[str, Mapping[str, str]] = {
    "zh-hans": {"other": "%(value)s个百分点"},
    "en": {"one": "%(value)s percentage point", "other": "%(value)s percentage points"},
    "ja": {"other": "%(value)sポイント"},
    "ko": {"other": "%(value)s%%포인트"},
    "ar": {"few": "%(value)s نقاط مئوية", "other": "%(value)s نقطة مئوية"},
    "es": {"one": "%(value)s punto porcentual", "other": "%(value)s puntos porcentuales"},
    "fr": {"one": "%(value)s point de pourcentage", "other": "%(value)s points de pourcentage"},
    "ru": {
        "one": "%(value)s процентный пункт",
        "few": "%(value)s процентных пункта",
        "many": "%(value)s процентных пунктов",
        "other": "%(value)s процентного пункта",
    },
}

_CONTEXT = Context(prec=60, rounding=ROUND_HALF_UP)
_ONE = Decimal(1)


# --- Languages and locales ------------------------------------------------------------


def _language(language: str | None) -> str:
    """The code our tables know ``language`` (default: the active one) by.

    ``zh_Hans`` and ``zh-Hans`` are ``zh-hans``; ``ja-JP`` is ``ja``; a language Babel
    knows but we do not keep (``de``) stays itself; anything else is the site's default.
    """
    return _resolve((language or translation.get_language() or settings.LANGUAGE_CODE).lower().replace("_", "-"))


@lru_cache(maxsize=64)
def _resolve(code: str) -> str:
    if code in BABEL_LOCALES:
        return code
    if (base := code.split("-")[0]) in BABEL_LOCALES:
        return base
    try:
        Locale.parse(translation.to_locale(code))
    except (UnknownLocaleError, ValueError, TypeError):
        return str(settings.LANGUAGE_CODE)
    return code


@lru_cache(maxsize=64)
def _locale(code: str) -> Locale:
    return Locale.parse(BABEL_LOCALES.get(code) or translation.to_locale(code))


# --- Decimal helpers ------------------------------------------------------------------


def _to_decimal(value: Number) -> Decimal:
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, float):
        number = Decimal(repr(value))
    else:
        number = Decimal(value)
    if not number.is_finite():
        raise ValueError(f"cannot format {value!r}")
    return number


def _round(number: Decimal, decimals: int) -> Decimal:
    """``number`` rounded half up to exactly ``decimals`` places (never ``-0``)."""
    rounded = number.quantize(_ONE.scaleb(-decimals), context=_CONTEXT)
    return rounded.copy_abs() if rounded.is_zero() else rounded


def _trim(number: Decimal) -> Decimal:
    """``number`` without trailing fractional zeros, never in exponent form."""
    if number.is_zero():
        return Decimal(0)
    if number == number.to_integral_value(context=_CONTEXT):
        return number.quantize(_ONE, context=_CONTEXT)
    return number.normalize(context=_CONTEXT)


def _with_fraction(pattern: NumberPattern, decimals: int) -> NumberPattern:
    fixed = copy.copy(pattern)
    fixed.frac_prec = (decimals, decimals)
    return fixed


def _plain(number: Decimal, locale: Locale) -> str:
    """``number`` with the locale's grouping and every decimal it has."""
    return babel_numbers.format_decimal(number, locale=locale, decimal_quantization=False)


# --- Compact amounts ------------------------------------------------------------------


@dataclass(frozen=True)
class _Step:
    threshold: int  # power of ten from which the step applies
    divisor: int  # power of ten the amount is divided by
    unit: str | None  # a myriad word, a CLDR magnitude key, or None for the plain figure


@dataclass(frozen=True)
class _Scaled:
    figure: Decimal  # rounded, trimmed, signed
    unit: str | None


def _compact_steps(locale: Locale) -> tuple[tuple[_Step, ...], Mapping[str, Any] | None]:
    formats = locale.compact_decimal_formats
    table: Mapping[str, Any] | None = formats.get("long") or formats.get("short")
    if not table:
        return (), None
    steps = []
    for magnitude in sorted(int(key) for key in table["other"]):
        pattern: NumberPattern = table["other"][str(magnitude)]
        power = len(str(magnitude)) - 1
        zeros = pattern.pattern.count("0")
        if pattern.pattern == "0" or zeros == 0:
            steps.append(_Step(power, 0, None))
        else:
            steps.append(_Step(power, power - zeros + 1, str(magnitude)))
    return tuple(steps), table


def _scale(number: Decimal, steps: tuple[_Step, ...]) -> _Scaled:
    """Divide ``number`` by the largest step it reaches, moving up if rounding carries."""
    ladder = (_Step(0, 0, None), *steps)
    magnitude = number.copy_abs()
    index = max(i for i, step in enumerate(ladder) if i == 0 or magnitude >= _ONE.scaleb(step.threshold))
    figure = _round(number.scaleb(-ladder[index].divisor, context=_CONTEXT), AMOUNT_DECIMALS)
    if index + 1 < len(ladder):
        above = ladder[index + 1]
        if figure.copy_abs().scaleb(ladder[index].divisor, context=_CONTEXT) >= _ONE.scaleb(above.threshold):
            index += 1
            figure = _round(number.scaleb(-above.divisor, context=_CONTEXT), AMOUNT_DECIMALS)
    return _Scaled(_trim(figure), ladder[index].unit)


def _amount(number: Decimal, code: str, locale: Locale) -> tuple[Decimal, str]:
    """The shown figure (signed) and its text *without* sign for ``abs(number)``."""
    myriad = MYRIAD_UNITS.get(code)
    if myriad is not None:
        scaled = _scale(number, tuple(_Step(power, power, word) for power, word in myriad))
        return scaled.figure, _plain(scaled.figure.copy_abs(), locale) + (scaled.unit or "")
    steps, table = _compact_steps(locale)
    scaled = _scale(number, steps)
    figure = scaled.figure
    if scaled.unit is None or table is None:
        return figure, _plain(figure.copy_abs(), locale)
    form = locale.plural_form(figure.copy_abs())
    if figure.copy_abs() == 1 and scaled.unit in table.get("1", {}):
        form = "1"
    elif form not in table or scaled.unit not in table[form]:
        form = "other"
    pattern: NumberPattern = table[form][scaled.unit]
    return figure, pattern.apply(figure.copy_abs(), locale, decimal_quantization=False)


def _signed(figure: Decimal, text: str) -> str:
    """Babel writes a plain hyphen-minus before negative figures in every locale; so do we."""
    return f"-{text}" if figure < 0 else text


# --- Public API -----------------------------------------------------------------------


def format_number(value: Number, *, decimals: int | None = None, language: str | None = None) -> str:
    """``value`` grouped the locale's way (``53,227``; fr ``53 227``; es ``53.227``).

    With ``decimals`` the figure has exactly that many decimals (rounded half up); without,
    it shows the decimals it has, trailing zeros dropped.
    """
    locale = _locale(_language(language))
    number = _to_decimal(value)
    if decimals is None:
        return _plain(_trim(number), locale)
    pattern = _with_fraction(locale.decimal_formats[None], decimals)
    return pattern.apply(_round(number, decimals), locale)


def format_amount(value: Number, *, language: str | None = None) -> str:
    """A large amount in the units of magnitude its reader counts in.

    zh ``8,992.4亿``, ja ``8,992.4億``, ko ``8,992.4억``, en ``899.24 billion``,
    fr ``899,24 milliards``; below the first unit the plain figure (``9,999``).
    """
    code = _language(language)
    locale = _locale(code)
    figure, text = _amount(_to_decimal(value), code, locale)
    return _signed(figure, text)


def format_money(value: Number, currency: str, *, compact: bool = False, language: str | None = None) -> str:
    """``value`` of ``currency`` (ISO 4217), in full (``¥899,240,000,000.00``) or compact.

    Compact: zh ``8,992.4亿元``, ja ``8,992.4億円``, ko ``8,992.4억 위안`` (no-break space),
    en ``CN¥899.24 billion``, fr ``899,24 milliards CNY``.
    """
    code = _language(language)
    locale = _locale(code)
    currency = currency.upper()
    number = _to_decimal(value)
    if not compact:
        digits = babel_numbers.get_currency_precision(currency)
        return babel_numbers.format_currency(_round(number, digits), currency, locale=locale)
    figure, text = _amount(number, code, locale)
    units = CURRENCY_UNITS.get(code)
    if units is not None:
        name = units.get(currency) or babel_numbers.get_currency_name(currency, locale=locale)
        separator = "\u00a0" if name == currency else _CURRENCY_SEPARATOR.get(code, "\u00a0")
        return _signed(figure, f"{text}{separator}{name}")
    pattern: NumberPattern = locale.currency_formats["standard"]
    negative = int(figure < 0)
    symbol = babel_numbers.get_currency_symbol(currency, locale=locale)
    result = f"{pattern.prefix[negative]}{text}{pattern.suffix[negative]}".replace("¤", symbol)
    return re.sub(r"'([^']*)'", lambda match: match.group(1) or "'", result)


def format_percent(value: Number, *, decimals: int = 1, language: str | None = None) -> str:
    """``value`` per cent with exactly ``decimals`` decimals: ``11.6%``, fr ``11,6 %``."""
    locale = _locale(_language(language))
    rounded = _round(_to_decimal(value), decimals)
    pattern = _with_fraction(locale.percent_formats[None], decimals)
    return pattern.apply(rounded.scaleb(-2, context=_CONTEXT), locale)


def format_percentage_points(value: Number, *, decimals: int | None = None, language: str | None = None) -> str:
    """``value`` percentage points: zh ``6.8个百分点``, en ``6.8 percentage points``.

    ``decimals`` as in :func:`format_number`. :data:`PERCENTAGE_POINT_PATTERNS` decides
    for the eight languages; any other language uses the catalogue's translation.
    """
    code = _language(language)
    locale = _locale(code)
    number = _to_decimal(value)
    shown = _trim(number) if decimals is None else _round(number, decimals)
    text = format_number(shown, decimals=decimals, language=code)
    patterns: Mapping[str, str] | None = PERCENTAGE_POINT_PATTERNS.get(code)
    if patterns is None:
        with translation.override(code):
            wording = pgettext("percentage points", "%(value)s percentage points")
    else:
        category = locale.plural_form(shown.copy_abs())
        wording = patterns.get(category) or patterns["other"]
    return wording % {"value": text}


def _local(value: dt.datetime) -> dt.datetime:
    zone = timezone.get_current_timezone()
    if timezone.is_naive(value):
        return timezone.make_aware(value, zone)
    return value.astimezone(zone)


def format_date(value: dt.date | dt.datetime, *, format: str = "medium", language: str | None = None) -> str:
    """``value`` as a date: zh ``2026年11月24日``, en ``Nov 24, 2026``.

    ``format`` is ``short``, ``medium``, ``long``, ``full`` or a CLDR pattern. A datetime
    is first moved into the current time zone, so its date is the local one.
    """
    locale = _locale(_language(language))
    day = _local(value).date() if isinstance(value, dt.datetime) else value
    return babel_dates.format_date(day, format=format, locale=locale)


def format_datetime(value: dt.datetime, *, format: str = "medium", language: str | None = None) -> str:
    """``value`` in the current time zone: zh ``2026年11月24日 14:30:00``."""
    locale = _locale(_language(language))
    local = _local(value)
    return babel_dates.format_datetime(local, format=format, tzinfo=local.tzinfo, locale=locale)
