"""An investor's enquiry to the zone's own booth, with consent, becomes a lead in the project platform."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import IndustryFactory, UserFactory
from tests.matchmaking.factories import BoothFactory, FairFactory, ParticipantFactory
from yunzhao.accounts.models import Role
from yunzhao.core.models import AuditEntry
from yunzhao.crm.enterprises import create_enterprise
from yunzhao.crm.models import Contact, DataSource, Enterprise
from yunzhao.matchmaking import enquiries
from yunzhao.pipeline.models import Project, Source, Stage
from yunzhao.pipeline.queries import visible_projects

pytestmark = pytest.mark.django_db


@pytest.fixture
def fair(department):
    return FairFactory(department=department, slug="invest-fair")


@pytest.fixture
def zone_booth(fair):
    return BoothFactory(fair=fair, is_zone_booth=True, name_en="Yunzhao Investment Promotion Bureau")


@pytest.fixture
def investor_participant(fair):
    participant = ParticipantFactory(
        fair=fair,
        role="investor",
        name="Hans Becker",
        organisation="Becker Antriebstechnik GmbH",
        job_title="CEO",
        email="hans@becker.example",
        country="DE",
        language="en",
    )
    participant.industries.add(IndustryFactory())
    return participant


def enquire(participant, booth, *, consent=True, subject="A plant for e-axles"):
    return enquiries.send_enquiry(
        participant=participant, booth=booth, subject=subject, text="We look for 20 mu of land.", lead_consent=consent
    )


def test_consent_makes_a_lead_with_enterprise_contact_and_project(investor_participant, zone_booth, fair, officer):
    enquiry = enquire(investor_participant, zone_booth)
    assert enquiry.lead_consent_at is not None
    project = enquiry.project
    assert project is not None
    assert project.stage == Stage.LEAD
    assert project.source == Source.EVENT
    assert project.department == fair.department
    assert "A plant for e-axles" in project.title
    assert project.industry == investor_participant.industries.get()
    enterprise = project.enterprise
    assert enterprise.name_en == "Becker Antriebstechnik GmbH"
    assert enterprise.country == "DE"
    contact = Contact.objects.get(enterprise=enterprise)
    assert (contact.name, contact.email, contact.consented) == ("Hans Becker", "hans@becker.example", True)
    assert contact.data_source == DataSource.EVENT_REGISTRATION
    assert AuditEntry.objects.filter(action="fair.enquiry.lead_created").exists()
    assert AuditEntry.objects.filter(action="project.created").exists()
    # The officers of the fair's department see it in the project platform.
    assert project in visible_projects(officer)


def test_the_lead_appears_on_the_project_page_with_its_enterprise(investor_participant, zone_booth, officer_client):
    project = enquire(investor_participant, zone_booth).project
    response = officer_client.get(reverse("office:project-detail", args=[project.pk]))
    assert response.status_code == 200
    assert "Becker Antriebstechnik GmbH" in response.content.decode()


def test_an_enterprise_on_file_is_linked_not_duplicated(investor_participant, zone_booth, fair):
    existing = create_enterprise(
        by=UserFactory(role=Role.ADMINISTRATOR, department=None),
        name_zh_hans="贝克传动技术有限公司",
        name_en="Becker Antriebstechnik",
        country="DE",
        department=fair.department,
    )
    project = enquire(investor_participant, zone_booth).project
    assert project.enterprise == existing
    assert Enterprise.objects.count() == 1


def test_a_second_enquiry_joins_the_same_lead(investor_participant, zone_booth):
    first = enquire(investor_participant, zone_booth)
    second = enquire(investor_participant, zone_booth, subject="And the subsidies?")
    assert second.project == first.project
    assert Project.objects.count() == 1
    assert Contact.objects.count() == 1


def test_without_consent_there_is_no_lead(investor_participant, zone_booth):
    enquiry = enquire(investor_participant, zone_booth, consent=False)
    assert enquiry.project is None
    assert enquiry.lead_consent_at is None
    assert not Project.objects.exists()
    assert not Enterprise.objects.exists()


def test_only_investors_at_the_zones_booth_become_leads(investor_participant, fair):
    buyer = ParticipantFactory(fair=fair, role="buyer")
    assert enquire(buyer, BoothFactory(fair=fair, is_zone_booth=True)).project is None
    assert enquire(investor_participant, BoothFactory(fair=fair)).project is None
    assert not Project.objects.exists()
