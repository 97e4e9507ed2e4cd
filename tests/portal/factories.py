"""Factories of portal content (published, with Chinese and English text, unless told)."""

from __future__ import annotations

import factory
from django.utils import timezone

from yunzhao.core.content import Publication
from yunzhao.portal.models import (
    AdvantageSection,
    AdvantageTopic,
    Letter,
    Opportunity,
    OpportunityKind,
    Policy,
    PolicyTopic,
    ServiceCategory,
    ServiceEntry,
    Video,
)


class PublishedFactory(factory.django.DjangoModelFactory):
    class Meta:
        abstract = True

    status = Publication.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)


class LetterFactory(PublishedFactory):
    class Meta:
        model = Letter

    title_zh_hans = "致投资者的一封信"
    title_en = "A letter to investors"
    body_zh_hans = "尊敬的投资者朋友们：\n\n欢迎来到示范区。"
    body_en = "Dear investors,\n\nWelcome to the zone."
    signatory_name_zh_hans = "王明"
    signatory_name_en = "Wang Ming"
    signatory_title_zh_hans = "示范区管委会主任"
    signatory_title_en = "Director of the zone's administrative committee"


class VideoFactory(PublishedFactory):
    class Meta:
        model = Video

    title_zh_hans = "示范区宣传片"
    title_en = "The zone in three minutes"


class OpportunityFactory(PublishedFactory):
    class Meta:
        model = Opportunity

    kind = OpportunityKind.PROJECT
    title_zh_hans = factory.Sequence(lambda n: f"招商项目{n}")
    title_en = factory.Sequence(lambda n: f"Project {n}")
    summary_zh_hans = "寻求投资者。"
    summary_en = "Seeking investors."


class AdvantageFactory(PublishedFactory):
    class Meta:
        model = AdvantageSection

    topic = AdvantageTopic.INDUSTRIES
    title_zh_hans = "产业优势"
    title_en = "Industries"
    body_zh_hans = "高端产业集聚。"
    body_en = "High-end industries cluster here."
    indicator_codes = factory.LazyFunction(lambda: ["gdp"])


class ServiceFactory(PublishedFactory):
    class Meta:
        model = ServiceEntry

    category = ServiceCategory.REGISTRATION
    title_zh_hans = factory.Sequence(lambda n: f"企业注册服务{n}")
    title_en = factory.Sequence(lambda n: f"Company registration {n}")
    description_zh_hans = "一站式办理。"
    description_en = "One-stop registration."


class PolicyFactory(PublishedFactory):
    class Meta:
        model = Policy
        skip_postgeneration_save = True

    topic = PolicyTopic.FUNDING
    title_zh_hans = factory.Sequence(lambda n: f"扶持政策{n}")
    title_en = factory.Sequence(lambda n: f"Incentive {n}")
    summary_zh_hans = "支持企业落地。"
    summary_en = "Support for companies settling in the zone."
    benefit_zh_hans = "一次性奖励。"
    benefit_en = "A one-off award."

    @factory.post_generation
    def industries(obj: Policy, create: bool, extracted: object, **kwargs: object) -> None:
        if create and extracted:
            obj.industries.set(extracted)  # type: ignore[arg-type]

    @factory.post_generation
    def districts(obj: Policy, create: bool, extracted: object, **kwargs: object) -> None:
        if create and extracted:
            obj.districts.set(extracted)  # type: ignore[arg-type]
