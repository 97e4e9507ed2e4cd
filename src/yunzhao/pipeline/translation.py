from modeltranslation.translator import TranslationOptions, register

from yunzhao.pipeline.models import Project


@register(Project)
class ProjectTranslation(TranslationOptions):
    fields = ("title",)
