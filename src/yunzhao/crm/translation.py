from modeltranslation.translator import TranslationOptions, register

from yunzhao.crm.models import Channel, Enterprise, Industry


@register(Industry)
class IndustryTranslation(TranslationOptions):
    fields = ("name",)


@register(Enterprise)
class EnterpriseTranslation(TranslationOptions):
    fields = ("name",)


@register(Channel)
class ChannelTranslation(TranslationOptions):
    fields = ("name",)
