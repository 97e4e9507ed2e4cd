from modeltranslation.translator import TranslationOptions, register

from yunzhao.signing.models import Agreement


@register(Agreement)
class AgreementTranslation(TranslationOptions):
    fields = ("title",)
