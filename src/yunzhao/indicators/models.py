"""The zone's figures: indicators (GDP, trade, enterprises…) and their quarterly values.

A value belongs to a quarter of a year. What it measures depends on the indicator's
:class:`Aggregation`:

- a **flow** (GDP, imports and exports, foreign investment used) is stored **year to date**:
  the Q3 value is January–September, as statistics offices and customs publish it; the
  quarter alone is the difference with the quarter before (see :mod:`.derived`);
- a **stock** (registered enterprises, key projects) is the count at the end of the quarter.

Year on year always compares a value with the same quarter of the year before, so both
kinds compare like with like. Derived figures are never stored: :mod:`.derived` computes them.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from yunzhao.core.content import TranslatedContent

FIRST_YEAR = 1978
LAST_YEAR = 2100


class Category(models.TextChoices):
    ECONOMY = "economy", pgettext_lazy("indicator category", "Economy")
    TRADE = "trade", pgettext_lazy("indicator category", "Foreign trade")
    INVESTMENT = "investment", pgettext_lazy("indicator category", "Investment")
    ENTERPRISES = "enterprises", pgettext_lazy("indicator category", "Enterprises")
    PROJECTS = "projects", pgettext_lazy("indicator category", "Projects")
    TALENT = "talent", pgettext_lazy("indicator category", "Talent")
    COSTS = "costs", pgettext_lazy("indicator category", "Costs")


class Aggregation(models.TextChoices):
    FLOW = "flow", _("Flow over the year (values are year to date)")
    STOCK = "stock", _("Stock (value at the end of the quarter)")


class Indicator(TranslatedContent):
    """One figure the zone follows, with its unit and, optionally, the national figure it compares with."""

    TRANSLATED_FIELDS: ClassVar[tuple[str, ...]] = ("name", "description", "unit", "base_unit")
    REQUIRED_TRANSLATED_FIELDS: ClassVar[tuple[str, ...] | None] = ("name", "unit")

    code = models.SlugField(_("code"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), max_length=2000, blank=True)
    unit = models.CharField(
        _("unit"),
        max_length=60,
        blank=True,
        help_text=_("The unit values are entered in, e.g. 亿元 (100 million yuan)."),
    )
    scale = models.PositiveSmallIntegerField(
        _("power of ten of the unit"),
        default=0,
        validators=[MaxValueValidator(12)],
        help_text=_("8 when values are entered in 亿元 (10⁸ yuan), 4 for 万元, 0 for plain counts."),
    )
    base_unit = models.CharField(
        _("base unit"),
        max_length=40,
        blank=True,
        help_text=_("Written after a large amount shown in the reader's units, e.g. 元 / yuan."),
    )
    category = models.CharField(_("category"), max_length=20, choices=Category.choices, default=Category.ECONOMY)
    decimals = models.PositiveSmallIntegerField(_("decimals shown"), default=2, validators=[MaxValueValidator(4)])
    aggregation = models.CharField(
        _("kind of figure"), max_length=10, choices=Aggregation.choices, default=Aggregation.FLOW
    )
    on_overview = models.BooleanField(_("shown on the overview"), default=False)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=100)
    national_counterpart = models.ForeignKey(
        "self",
        verbose_name=_("national counterpart"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="zone_indicators",
        help_text=_("The national figure this one is compared with (growth gap, contribution rate)."),
    )

    class Meta:
        ordering: ClassVar[list[str]] = ["sort_order", "code"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        return self.name or self.code

    @property
    def is_flow(self) -> bool:
        return self.aggregation == Aggregation.FLOW


class IndicatorValue(models.Model):
    """An indicator's value for one quarter (year to date for flows, end of quarter for stocks)."""

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="values"
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)]
    )
    quarter = models.PositiveSmallIntegerField(_("quarter"), validators=[MinValueValidator(1), MaxValueValidator(4)])
    value = models.DecimalField(_("value"), max_digits=20, decimal_places=4)
    source = models.CharField(_("source"), max_length=200, blank=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering: ClassVar[list[str]] = ["indicator", "year", "quarter"]
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["indicator", "year", "quarter"], name="indicator_value_one_per_quarter"),
            models.CheckConstraint(
                condition=models.Q(quarter__gte=1, quarter__lte=4), name="indicator_value_quarter_1_to_4"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.year}Q{self.quarter} = {self.value}"

    @property
    def period(self) -> tuple[int, int]:
        return (self.year, self.quarter)
