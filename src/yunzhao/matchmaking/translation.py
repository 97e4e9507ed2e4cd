from modeltranslation.translator import TranslationOptions, register

from yunzhao.matchmaking.models import Booth, Fair, Hall, Product


@register(Fair)
class FairTranslation(TranslationOptions):
    fields = ("title", "summary")


@register(Hall)
class HallTranslation(TranslationOptions):
    fields = ("name", "theme")


@register(Booth)
class BoothTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Product)
class ProductTranslation(TranslationOptions):
    fields = ("name", "description", "specifications")
