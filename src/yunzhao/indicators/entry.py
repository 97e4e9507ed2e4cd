"""Staff write the figures: enter, correct or remove a quarter's value, edit an indicator's text.

Each function does its work in one transaction, writes the audit record and tells the page
cache that published content changed (the overview shows the figure on the next request).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from yunzhao.core import audit, pagecache
from yunzhao.core.content import Publication, publish, record_translation
from yunzhao.indicators.models import Indicator, IndicatorValue

MAX_ABS_VALUE = Decimal("1e16")


def _check_value(value: Decimal) -> None:
    if not value.is_finite() or value.copy_abs() >= MAX_ABS_VALUE:
        raise ValidationError({"value": _("This number is too large.")})
    if value.as_tuple().exponent < -4:  # type: ignore[operator]
        raise ValidationError({"value": _("Use at most four decimals.")})


def _already_entered(indicator: Indicator, year: int, quarter: int) -> ValidationError:
    return ValidationError(
        {
            "quarter": _("%(indicator)s already has a value for %(year)s Q%(quarter)s: edit that value instead.")
            % {"indicator": indicator, "year": year, "quarter": quarter}
        }
    )


def enter_value(
    *, indicator: Indicator, year: int, quarter: int, value: Decimal, source: str, by: Any
) -> IndicatorValue:
    """Record ``indicator``'s value for a quarter that has none yet."""
    _check_value(value)
    with transaction.atomic():
        if IndicatorValue.objects.filter(indicator=indicator, year=year, quarter=quarter).exists():
            raise _already_entered(indicator, year, quarter)
        try:
            with transaction.atomic():
                entry = IndicatorValue.objects.create(
                    indicator=indicator, year=year, quarter=quarter, value=value, source=source, updated_by=by
                )
        except IntegrityError as error:  # entered by someone else a moment ago
            raise _already_entered(indicator, year, quarter) from error
        audit.record(
            actor=by,
            action="indicator.value.entered",
            target=indicator,
            data={"year": year, "quarter": quarter, "value": str(value), "source": source},
        )
        pagecache.content_changed()
    return entry


def change_value(*, entry: IndicatorValue, value: Decimal, source: str, by: Any) -> IndicatorValue:
    """Correct a quarter's value or its source."""
    _check_value(value)
    with transaction.atomic():
        entry = IndicatorValue.objects.select_for_update().select_related("indicator").get(pk=entry.pk)
        before = {"value": str(entry.value), "source": entry.source}
        entry.value = value
        entry.source = source
        entry.updated_by = by
        entry.save(update_fields=["value", "source", "updated_by", "updated_at"])
        entry.refresh_from_db(fields=["value"])
        audit.record(
            actor=by,
            action="indicator.value.changed",
            target=entry.indicator,
            before=before,
            after={"value": str(entry.value), "source": source},
            data={"year": entry.year, "quarter": entry.quarter},
        )
        pagecache.content_changed()
    return entry


def remove_value(*, entry: IndicatorValue, by: Any) -> None:
    with transaction.atomic():
        audit.record(
            actor=by,
            action="indicator.value.removed",
            target=entry.indicator,
            data={"year": entry.year, "quarter": entry.quarter, "value": str(entry.value)},
        )
        entry.delete()
        pagecache.content_changed()


def update_indicator(
    *, indicator: Indicator, language: str, texts: dict[str, str], settings: dict[str, Any], by: Any
) -> Indicator:
    """Save one language's texts and the indicator's settings; ``settings["status"]`` publishes."""
    with transaction.atomic():
        indicator = Indicator.objects.select_for_update().get(pk=indicator.pk)
        before = audit.snapshot(indicator, [*texts, *settings])
        for name, text in texts.items():
            setattr(indicator, name, text)
        for name, value in settings.items():
            if name == "status":
                continue
            setattr(indicator, name, value)
        if settings.get("status") == Publication.PUBLISHED:
            publish(indicator)
        elif "status" in settings:
            indicator.status = settings["status"]
        record_translation(indicator, language)
        indicator.full_clean(exclude=["translated_at"])
        indicator.save()
        audit.record(
            actor=by,
            action="indicator.changed",
            target=indicator,
            before=before,
            after=audit.snapshot(indicator, [*texts, *settings]),
            data={"language": language},
        )
        pagecache.content_changed()
    return indicator


def create_indicator(
    *, code: str, language: str, texts: dict[str, str], settings: dict[str, Any], by: Any
) -> Indicator:
    """A new indicator with one language's texts; published when ``settings["status"]`` says so."""
    with transaction.atomic():
        indicator = Indicator(code=code)
        for name, text in texts.items():
            setattr(indicator, name, text)
        for name, value in settings.items():
            if name != "status":
                setattr(indicator, name, value)
        if settings.get("status") == Publication.PUBLISHED:
            publish(indicator)
        record_translation(indicator, language)
        indicator.full_clean(exclude=["translated_at"])
        indicator.save()
        audit.record(actor=by, action="indicator.created", target=indicator, data={"code": code, "language": language})
        pagecache.content_changed()
    return indicator
