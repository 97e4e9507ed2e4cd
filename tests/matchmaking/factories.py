"""factory_boy factories of the online fair; tests of every part of the fair share them."""

from __future__ import annotations

import datetime as dt

import factory
from django.utils import timezone

from tests.factories import DepartmentFactory, UserFactory
from yunzhao.accounts.models import Role
from yunzhao.matchmaking.models import (
    Booth,
    Fair,
    Hall,
    MeetingRequest,
    Participant,
    Product,
    RequestStatus,
    Slot,
    Table,
)


class FairFactory(factory.django.DjangoModelFactory):
    """A published fair running from tomorrow for two days."""

    class Meta:
        model = Fair

    slug = factory.Sequence(lambda n: f"fair-{n}")
    title_zh_hans = factory.Sequence(lambda n: f"云上投资贸易博览会 {n}")
    title_en = factory.Sequence(lambda n: f"Online Investment and Trade Fair {n}")
    status = "published"
    starts_on = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=1))
    ends_on = factory.LazyAttribute(lambda fair: fair.starts_on + dt.timedelta(days=1))
    department = factory.SubFactory(DepartmentFactory)


class HallFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Hall

    fair = factory.SubFactory(FairFactory)
    name_zh_hans = factory.Sequence(lambda n: f"新能源馆 {n}")
    name_en = factory.Sequence(lambda n: f"New Energy Hall {n}")
    status = "published"


class BoothFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Booth

    fair = factory.SubFactory(FairFactory)
    hall = factory.SubFactory(HallFactory, fair=factory.SelfAttribute("..fair"))
    number = factory.Sequence(lambda n: f"A{n:03d}")
    name_zh_hans = factory.Sequence(lambda n: f"华光储能科技有限公司 {n}")
    name_en = factory.Sequence(lambda n: f"Huaguang Energy Storage Co., Ltd. {n}")
    country = "CN"
    status = "published"


class ProductFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Product

    booth = factory.SubFactory(BoothFactory)
    name_zh_hans = "磷酸铁锂储能柜"
    name_en = "LFP energy storage cabinet"
    status = "published"


class ExhibitorFactory(UserFactory):
    """An exhibitor account (attach it to a booth with ``booth.accounts.add``)."""

    role = Role.EXHIBITOR
    department = None


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participant

    fair = factory.SubFactory(FairFactory)
    user = factory.SubFactory(UserFactory, role=Role.INVESTOR, department=None)
    role = "buyer"
    name = factory.Sequence(lambda n: f"Buyer {n}")
    organisation = factory.Sequence(lambda n: f"Trading House {n}")
    email = factory.LazyAttribute(lambda p: p.user.email if p.user else "buyer@example.org")
    country = "JP"
    language = "en"
    consent_at = factory.LazyFunction(timezone.now)


class SlotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Slot

    fair = factory.SubFactory(FairFactory)
    starts_at = factory.Sequence(
        lambda n: (
            timezone.now().replace(hour=1, minute=0, second=0, microsecond=0) + dt.timedelta(days=1, minutes=30 * n)
        )
    )
    ends_at = factory.LazyAttribute(lambda slot: slot.starts_at + dt.timedelta(minutes=25))


class TableFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Table

    fair = factory.SubFactory(FairFactory)
    name = factory.Sequence(lambda n: f"T{n + 1}")


class MeetingRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeetingRequest

    fair = factory.SubFactory(FairFactory)
    sender = factory.SubFactory(ParticipantFactory, fair=factory.SelfAttribute("..fair"))
    recipient = factory.SubFactory(ParticipantFactory, fair=factory.SelfAttribute("..fair"), role="exhibitor")
    status = RequestStatus.PENDING
    created_at = factory.LazyFunction(timezone.now)
    expires_at = factory.LazyAttribute(lambda r: r.created_at + dt.timedelta(hours=48))
