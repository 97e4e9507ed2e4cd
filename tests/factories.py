"""factory_boy factories for every model; tests build their data with these."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import factory
from django.utils import timezone

from yunzhao.accounts.models import Department, DepartmentKind, Role, User
from yunzhao.crm.models import Channel, ChannelKind, Enterprise, Industry, Ownership
from yunzhao.pipeline.models import Project, Stage

PASSWORD = "correct-horse-battery-9"


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"招商部 {n}")
    code = factory.Sequence(lambda n: f"dept-{n}")
    kind = DepartmentKind.DEPARTMENT
    parent = None

    @factory.post_generation
    def set_path(obj: Department, create: bool, extracted: object, **kwargs: object) -> None:
        parent = obj.parent
        obj.path = f"{parent.path if parent else ''}{obj.pk}/"
        obj.depth = parent.depth + 1 if parent else 0
        if create:
            obj.save(update_fields=["path", "depth"])


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    full_name = factory.Sequence(lambda n: f"用户{n}")
    role = Role.OFFICER
    department = factory.SubFactory(DepartmentFactory)
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def save_password(obj: User, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            obj.save()


class IndustryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Industry
        django_get_or_create = ("code",)

    code = "I"
    name = "信息传输、软件和信息技术服务业"
    isic_code = "J"


class EnterpriseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enterprise

    name_zh_hans = factory.Sequence(lambda n: f"北京示范企业{n}有限公司")
    country = "CN"
    ownership = Ownership.PRIVATE
    industry = factory.SubFactory(IndustryFactory)


class ChannelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Channel

    name_zh_hans = factory.Sequence(lambda n: f"商会 {n}")
    name_en = factory.Sequence(lambda n: f"Chamber {n}")
    kind = ChannelKind.CHAMBER
    country = "JP"


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project

    title_zh_hans = factory.Sequence(lambda n: f"项目 {n}")
    enterprise = factory.SubFactory(EnterpriseFactory)
    industry = factory.SelfAttribute("enterprise.industry")
    stage = Stage.LEAD
    planned_investment = Decimal("10000000.00")
    department = factory.SubFactory(DepartmentFactory)


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "crm.Contact"

    enterprise = factory.SubFactory(EnterpriseFactory)
    name = factory.Sequence(lambda n: f"山田太郎{n}")
    latin_name = factory.Sequence(lambda n: f"Taro Yamada {n}")
    title = "海外事業部長"
    languages = factory.LazyFunction(lambda: ["ja", "en"])
    email = factory.Sequence(lambda n: f"contact{n}@example.jp")
    data_source = "card"


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "crm.Activity"
        skip_postgeneration_save = True

    kind = "call"
    enterprise = factory.SubFactory(EnterpriseFactory)
    # An aware datetime without importing the clock here: the moment the enterprise was saved.
    occurred_at = factory.SelfAttribute("enterprise.created_at")
    subject = factory.Sequence(lambda n: f"电话沟通 {n}")
    created_by = factory.SubFactory(UserFactory)

    @factory.post_generation
    def participants(obj, create: bool, extracted: object, **kwargs: object) -> None:
        if create and extracted:
            obj.participants.set(extracted)

    @factory.post_generation
    def contacts(obj, create: bool, extracted: object, **kwargs: object) -> None:
        if create and extracted:
            obj.contacts.set(extracted)


def blank_pdf(pages: int = 1) -> bytes:
    """A PDF of ``pages`` empty A4 pages: a document to sign where its content does not matter."""
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    for _page in range(pages):
        writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


class AgreementFactory(factory.django.DjangoModelFactory):
    """A draft agreement without a document; ``signing.agreements`` gives it one."""

    class Meta:
        model = "signing.Agreement"

    title_zh_hans = factory.Sequence(lambda n: f"投资合作协议 {n}")
    title_en = factory.Sequence(lambda n: f"Investment cooperation agreement {n}")
    created_by = factory.SubFactory(UserFactory)


class PartyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "signing.Party"

    agreement = factory.SubFactory(AgreementFactory)
    name = factory.Sequence(lambda n: f"签约方 {n}")
    position = factory.Sequence(lambda n: n + 1)


class SignatoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "signing.Signatory"

    party = factory.SubFactory(PartyFactory)
    agreement = factory.SelfAttribute("party.agreement")
    name = factory.Sequence(lambda n: f"Signatory {n}")
    title = "General Manager"
    email = factory.Sequence(lambda n: f"signatory{n}@example.com")
    language = "en"
    order = factory.Sequence(lambda n: n + 1)


class EventFactory(factory.django.DjangoModelFactory):
    """A published forum open for registration, a month away."""

    class Meta:
        model = "events.Event"

    kind = "forum"
    status = "published"
    title_zh_hans = factory.Sequence(lambda n: f"国际合作论坛 {n}")
    title_en = factory.Sequence(lambda n: f"International Cooperation Forum {n}")
    starts_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=30))
    ends_at = factory.LazyAttribute(lambda event: event.starts_at + dt.timedelta(hours=8))
    city = "北京"
    country = "CN"
    registration_open = True
    department = factory.SubFactory(DepartmentFactory)
