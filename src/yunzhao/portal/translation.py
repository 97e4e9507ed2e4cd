from modeltranslation.translator import TranslationOptions, register

from yunzhao.portal.models import AdvantageSection, Letter, Opportunity, Policy, ServiceEntry, Video


@register(Letter)
class LetterTranslation(TranslationOptions):
    fields = Letter.TRANSLATED_FIELDS


@register(Video)
class VideoTranslation(TranslationOptions):
    fields = Video.TRANSLATED_FIELDS


@register(Opportunity)
class OpportunityTranslation(TranslationOptions):
    fields = Opportunity.TRANSLATED_FIELDS


@register(AdvantageSection)
class AdvantageSectionTranslation(TranslationOptions):
    fields = AdvantageSection.TRANSLATED_FIELDS


@register(ServiceEntry)
class ServiceEntryTranslation(TranslationOptions):
    fields = ServiceEntry.TRANSLATED_FIELDS


@register(Policy)
class PolicyTranslation(TranslationOptions):
    fields = Policy.TRANSLATED_FIELDS
