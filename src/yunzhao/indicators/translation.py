"""Indicators' names, descriptions and units in every language."""

from modeltranslation.translator import TranslationOptions, register

from yunzhao.indicators.models import Indicator


@register(Indicator)
class IndicatorTranslationOptions(TranslationOptions):
    fields = ("name", "description", "unit", "base_unit")
