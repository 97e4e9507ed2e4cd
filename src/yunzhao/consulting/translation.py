from modeltranslation.translator import TranslationOptions, register

from yunzhao.consulting.models import FaqEntry, Topic


@register(Topic)
class TopicTranslation(TranslationOptions):
    fields = ("name",)


@register(FaqEntry)
class FaqEntryTranslation(TranslationOptions):
    fields = ("question", "answer")
