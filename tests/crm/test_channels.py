"""Investment channels: their yield (list and page), forms, audit, and the list's query count."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from tests.factories import ChannelFactory, DepartmentFactory, ProjectFactory, UserFactory
from yunzhao.accounts.models import Role
from yunzhao.core import audit, search
from yunzhao.core.models import ExchangeRate
from yunzhao.core.money import total_in_cny
from yunzhao.crm.channels import create_channel, update_channel
from yunzhao.crm.models import Channel, ChannelKind
from yunzhao.crm.queries import channel_report, channels_with_yield, filtered_channels
from yunzhao.pipeline.models import Stage, StageChange

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 11, 24)


def at(year: int, month: int = 6, day: int = 1) -> dt.datetime:
    return timezone.make_aware(dt.datetime(year, month, day, 10, 0))


def history(project, *moves):
    """Record ``project``'s moves as (stage, when) pairs, the first one its start."""
    previous = ""
    for stage, when in moves:
        StageChange.objects.create(project=project, from_stage=previous, to_stage=stage, effective_at=when)
        previous = stage


@pytest.fixture
def rates():
    ExchangeRate.objects.create(currency="JPY", valid_from=dt.date(2024, 1, 1), cny_per_unit=Decimal("0.05"))
    ExchangeRate.objects.create(currency="JPY", valid_from=dt.date(2026, 1, 1), cny_per_unit=Decimal("0.048"))
    ExchangeRate.objects.create(currency="USD", valid_from=dt.date(2026, 1, 1), cny_per_unit=Decimal("7.1"))
    # A rate from the future is not in force yet.
    ExchangeRate.objects.create(currency="USD", valid_from=dt.date(2027, 1, 1), cny_per_unit=Decimal("9"))


@pytest.fixture
def kansai(rates):
    """A channel with six projects along the lifecycle, in three currencies and one without a rate."""
    channel = ChannelFactory(name_zh_hans="关西投资促进中心", name_en="Kansai Investment Centre", country="JP")
    lead = ProjectFactory(channel=channel, stage=Stage.LEAD, planned_investment=Decimal("1000000.00"))
    history(lead, (Stage.LEAD, at(2026, 2)))
    contract = ProjectFactory(
        channel=channel, stage=Stage.CONTRACT_SIGNED, planned_investment=Decimal("200000000.00"), currency="JPY"
    )
    history(contract, (Stage.LEAD, at(2024, 3)), (Stage.NEGOTIATING, at(2025, 1)), (Stage.CONTRACT_SIGNED, at(2025, 5)))
    registered = ProjectFactory(
        channel=channel, stage=Stage.REGISTERED, planned_investment=Decimal("3000000.00"), currency="USD"
    )
    # Skipped contract signed: registering counts as signing too.
    history(registered, (Stage.LEAD, at(2025, 2)), (Stage.REGISTERED, at(2026, 3)))
    production = ProjectFactory(channel=channel, stage=Stage.PRODUCTION, planned_investment=Decimal("50000000.00"))
    history(
        production,
        (Stage.LEAD, at(2024, 1)),
        (Stage.CONTRACT_SIGNED, at(2024, 9)),
        (Stage.REGISTERED, at(2025, 3)),
        (Stage.PRODUCTION, at(2026, 4)),
    )
    on_hold = ProjectFactory(
        channel=channel,
        stage=Stage.ON_HOLD,
        stage_before_hold=Stage.CONTRACT_SIGNED,
        planned_investment=Decimal("7000000.00"),
    )
    history(on_hold, (Stage.LEAD, at(2025, 7)), (Stage.CONTRACT_SIGNED, at(2025, 9)), (Stage.ON_HOLD, at(2026, 1)))
    unpriced = ProjectFactory(
        channel=channel, stage=Stage.CONTRACT_SIGNED, planned_investment=Decimal("999.00"), currency="GBP"
    )
    history(unpriced, (Stage.LEAD, at(2026, 5)), (Stage.CONTRACT_SIGNED, at(2026, 8)))
    ProjectFactory(channel=None, stage=Stage.PRODUCTION)  # not from a channel
    return channel


def test_channel_yield_counts_and_sums_exactly(kansai):
    idle = ChannelFactory(name_zh_hans="空渠道")
    rows = {c.pk: c for c in channels_with_yield(on=TODAY)}
    channel = rows[kansai.pk]
    assert (channel.sourced, channel.signed, channel.landed, channel.unpriced) == (6, 4, 2, 1)
    # 1,000,000 + 200,000,000 JPY × 0.048 + 3,000,000 USD × 7.1 + 50,000,000 + 7,000,000; GBP left out.
    assert channel.investment_cny == Decimal("88900000.00")
    assert channel.signed_investment_cny == Decimal("80900000.00")
    assert channel.landed_investment_cny == Decimal("71300000.00")
    assert channel.signed_investment_cny == total_in_cny(
        [(Decimal("200000000.00"), "JPY"), (Decimal("3000000.00"), "USD"), (Decimal("50000000.00"), "CNY")], on=TODAY
    )
    assert channel.conversion == pytest.approx(200 / 3)
    empty = rows[idle.pk]
    assert (empty.sourced, empty.signed, empty.landed, empty.investment_cny, empty.conversion) == (0, 0, 0, None, None)


def test_channel_yield_uses_the_rates_in_force_on_the_day(kansai):
    channel = channels_with_yield(Channel.objects.filter(pk=kansai.pk), on=dt.date(2025, 6, 1)).get()
    # JPY at 0.05 then; USD had no rate yet, so that project is left out like the GBP one.
    assert channel.signed_investment_cny == Decimal("60000000.00")
    assert channel.unpriced == 2


def test_channel_report_gives_yield_by_year_adding_up_to_the_totals(kansai, leader):
    report = channel_report(kansai.pk, user=leader, on=TODAY)
    years = [(y.year, y.sourced, y.signed, y.landed, y.signed_investment_cny) for y in report.years]
    assert years == [
        (2026, 2, 2, 1, Decimal("21300000.00")),  # lead + GBP sourced; registered (USD) and GBP signed
        (2025, 2, 1, 1, Decimal("9600000.00")),  # registered + on hold sourced; JPY contract signed
        (2024, 2, 1, 0, Decimal("50000000.00")),  # contract + production sourced; production signed
    ]
    assert sum(y.sourced for y in report.years) == report.channel.sourced
    assert sum(y.signed for y in report.years) == report.channel.signed
    assert sum(y.landed for y in report.years) == report.channel.landed
    assert report.hidden_projects == 0
    assert len(report.projects) == 6


def test_channel_page_shows_only_the_projects_the_reader_may_see(client, kansai):
    project = kansai.projects.get(stage=Stage.PRODUCTION)
    officer = UserFactory(role=Role.OFFICER, department=project.department)
    client.force_login(officer)
    response = client.get(f"/en/office/channels/{kansai.pk}/")
    assert response.status_code == 200
    report = response.context["report"]
    assert [p.pk for p in report.projects] == [project.pk]
    assert report.hidden_projects == 5
    body = response.content.decode()
    assert project.title in body
    assert "5 more projects from this channel are worked in departments you do not see" in body
    assert '<div class="fs-3 fw-semibold" id="figure-sourced">6</div>' in body
    assert '<div class="fs-3 fw-semibold" id="figure-signed">4</div>' in body
    assert '<div class="fs-3 fw-semibold" id="figure-landed">2</div>' in body
    assert '<div class="fs-3 fw-semibold" id="figure-conversion">66.7%</div>' in body


def test_channel_page_of_a_missing_channel_is_404(officer_client):
    assert officer_client.get("/en/office/channels/999999/").status_code == 404


def test_channel_list_is_sorted_by_yield_and_filtered(officer_client, officer):
    keeper = UserFactory(role=Role.OFFICER, full_name="Keeper K")
    department = DepartmentFactory()
    few = ChannelFactory(name_en="Few Bank", kind=ChannelKind.BANK, country="AE", keeper=keeper)
    many = ChannelFactory(name_en="Many Chamber", kind=ChannelKind.CHAMBER, country="JP", keeper=officer)
    none = ChannelFactory(name_en="No Agent", kind=ChannelKind.AGENT, country="JP")
    for channel in (few, many, none):
        search.index_object(channel, channel.name_en)
    ProjectFactory(channel=few, stage=Stage.REGISTERED, department=department)
    ProjectFactory.create_batch(2, channel=many, stage=Stage.CONTRACT_SIGNED, department=department)
    ProjectFactory.create_batch(3, channel=many, stage=Stage.LEAD, department=department)

    def names(query: str = "") -> list[str]:
        response = officer_client.get(f"/en/office/channels/{query}")
        assert response.status_code == 200
        return [c.name_en for c in response.context["object_list"]]

    assert names() == ["Many Chamber", "Few Bank", "No Agent"]  # by projects signed
    assert names("?sort=-landed") == ["Few Bank", "Many Chamber", "No Agent"]
    assert names("?sort=-sourced") == ["Many Chamber", "Few Bank", "No Agent"]
    assert names("?sort=-conversion") == ["Few Bank", "Many Chamber", "No Agent"]
    assert names("?sort=name") == ["Few Bank", "Many Chamber", "No Agent"]
    assert names("?country=jp") == ["Many Chamber", "No Agent"]
    assert names("?kind=bank") == ["Few Bank"]
    assert names(f"?keeper={officer.pk}") == ["Many Chamber"]
    assert names("?q=chamb") == ["Many Chamber"]
    body = officer_client.get("/en/office/channels/?country=KR").content.decode()
    assert "No channel matches these filters" in body


def test_channel_list_empty_state(officer_client):
    assert "No investment channels yet" in officer_client.get("/en/office/channels/").content.decode()


@pytest.mark.parametrize("count", [1, 3])
def test_channel_list_query_count_does_not_grow(officer_client, count_queries, count, rates):
    for index in range(count):
        channel = ChannelFactory(keeper=UserFactory(role=Role.OFFICER))
        ProjectFactory(channel=channel, stage=Stage.REGISTERED, currency="JPY")
        ProjectFactory(channel=channel, stage=Stage.LEAD, currency="USD" if index else "CNY")
    with count_queries() as counted:
        response = officer_client.get("/en/office/channels/")
    assert response.status_code == 200
    assert len(response.context["object_list"]) == count
    assert all(channel.sourced == 2 for channel in response.context["object_list"])
    assert counted.count == 8, counted.statements


def test_filtered_channels_shares_the_list_figures(kansai):
    _form, queryset = filtered_channels(None)
    assert [(c.pk, c.sourced, c.signed, c.landed) for c in queryset] == [(kansai.pk, 6, 4, 2)]


# --- Writing ---------------------------------------------------------------------------


def test_create_channel_is_audited_and_found_by_its_names(officer):
    channel = create_channel(
        by=officer,
        name_zh_hans="里昂中法商会",
        name_fr="Chambre de commerce franco-chinoise de Lyon",
        kind=ChannelKind.CHAMBER,
        country="fr",
        agreement_date=dt.date(2024, 5, 6),
        keeper=officer,
    )
    assert channel.country == "FR"
    entry = audit.history_for(channel).get()
    assert (entry.actor, entry.action) == (officer, "channel.created")
    assert entry.after["name_fr"] == "Chambre de commerce franco-chinoise de Lyon"
    assert entry.after["keeper_id"] == officer.pk
    assert [hit.object_id for hit in search.search("chambre lyon", models=[Channel])] == [str(channel.pk)]
    assert [hit.object_id for hit in search.search("中法", models=[Channel])] == [str(channel.pk)]


def test_update_channel_records_only_what_changed_and_reindexes(officer):
    channel = create_channel(by=officer, name_zh_hans="旧名商会", kind=ChannelKind.CHAMBER, country="JP")
    update_channel(channel=channel, by=officer, name_zh_hans="新名商会", kind=ChannelKind.CHAMBER, country="jp")
    entry = audit.history_for(channel).filter(action="channel.updated").get()
    assert entry.before == {"name_zh_hans": "旧名商会"}
    assert entry.after == {"name_zh_hans": "新名商会"}
    assert search.search("旧名", models=[Channel]) == []
    assert [hit.object_id for hit in search.search("新名", models=[Channel])] == [str(channel.pk)]
    update_channel(channel=channel, by=officer, country="JP")
    assert audit.history_for(channel).count() == 2


def test_update_channel_refuses_unknown_fields(officer):
    channel = ChannelFactory()
    with pytest.raises(TypeError):
        update_channel(channel=channel, by=officer, created_at=None)


def test_channel_form_creates_and_edits(officer_client, officer):
    response = officer_client.get("/en/office/channels/new/")
    assert response.status_code == 200
    assert response.context["form"].initial["keeper"] == officer
    response = officer_client.post(
        "/en/office/channels/new/",
        {
            "name_zh_hans": "迪拜中资企业协会",
            "name_ar": "جمعية الشركات الصينية في دبي",
            "kind": ChannelKind.ASSOCIATION,
            "country": "ae",
            "agreement_date": "2025-03-04",
            "keeper": officer.pk,
        },
    )
    channel = Channel.objects.get(name_zh_hans="迪拜中资企业协会")
    assert response.status_code == 302
    assert response["Location"] == f"/en/office/channels/{channel.pk}/"
    assert (channel.country, channel.kind, channel.keeper, channel.agreement_date) == (
        "AE",
        ChannelKind.ASSOCIATION,
        officer,
        dt.date(2025, 3, 4),
    )
    response = officer_client.post(
        f"/en/office/channels/{channel.pk}/edit/",
        {"name_zh_hans": "迪拜中国企业协会", "kind": ChannelKind.ASSOCIATION, "country": "AE", "keeper": ""},
    )
    assert response.status_code == 302
    entry = audit.history_for(channel).filter(action="channel.updated").get()
    assert entry.before == {
        "name_zh_hans": "迪拜中资企业协会",
        "name_ar": "جمعية الشركات الصينية في دبي",
        "agreement_date": "2025-03-04",
        "keeper_id": officer.pk,
    }
    assert entry.after == {
        "name_zh_hans": "迪拜中国企业协会",
        "name_ar": None,
        "agreement_date": None,
        "keeper_id": None,
    }
    page = officer_client.get(f"/en/office/channels/{channel.pk}/").content.decode()
    assert "channel.updated" in page
    assert "迪拜中国企业协会" in page


def test_channel_form_refuses_a_bad_country_and_a_missing_name(officer_client):
    response = officer_client.post(
        "/en/office/channels/new/", {"name_zh_hans": "", "kind": ChannelKind.BANK, "country": "Japan"}
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["country"] == ["Ensure this value has at most 2 characters (it has 5)."]
    assert form.errors["name_zh_hans"] == ["This field is required."]
    response = officer_client.post(
        "/en/office/channels/new/", {"name_zh_hans": "某银行", "kind": ChannelKind.BANK, "country": "1A"}
    )
    assert response.context["form"].errors["country"] == ["Enter the two-letter code of the country, e.g. JP."]
    assert Channel.objects.count() == 0


def test_outside_accounts_cannot_open_channel_pages(client, investor):
    channel = ChannelFactory()
    client.force_login(investor)
    for url in ("/en/office/channels/", f"/en/office/channels/{channel.pk}/", "/en/office/channels/new/"):
        assert client.get(url).status_code == 403
