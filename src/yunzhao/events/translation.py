from modeltranslation.translator import TranslationOptions, register

from yunzhao.events.models import Event, ProgrammeItem, Question


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ("title", "summary", "venue", "press_release")


@register(ProgrammeItem)
class ProgrammeItemTranslation(TranslationOptions):
    fields = ("title", "place")


@register(Question)
class QuestionTranslation(TranslationOptions):
    fields = ("label", "choices")
