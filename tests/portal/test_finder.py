"""The policy finder: which policies apply to a project, with the reasons and the near misses."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import translation

from tests.portal.factories import PolicyFactory
from yunzhao.core.content import Publication
from yunzhao.core.money import MissingRateError
from yunzhao.crm.models import Ownership
from yunzhao.portal.finder import FinderForm, ProjectProfile, amount_in_cny, find_policies

pytestmark = pytest.mark.django_db


@pytest.fixture
def new_energy_policy(manufacturing):
    return PolicyFactory(
        title_en="New-energy landing award",
        industries=[manufacturing],
        min_investment_cny=Decimal("100000000"),
        ownership_types=[Ownership.FOREIGN, Ownership.JOINT_VENTURE],
    )


def test_amount_in_cny_converts_with_the_rate_in_force(usd_rate):
    assert amount_in_cny(Decimal("50000000"), "USD", on=dt.date(2026, 1, 1)) == Decimal("362000000.00")


def test_amount_in_cny_without_a_rate_raises(db):
    with pytest.raises(MissingRateError):
        amount_in_cny(Decimal(1), "XAU", on=dt.date(2026, 1, 1))


def test_find_policies_for_a_50_million_dollar_new_energy_project_gives_the_reasons(
    usd_rate, batteries, new_energy_policy
):
    profile = ProjectProfile(
        industry=batteries, amount=Decimal("50000000"), currency="USD", ownership=Ownership.FOREIGN, jobs=120
    )
    with translation.override("en"):
        result = find_policies(profile=profile)
    assert result.amount_cny == Decimal("362000000.00")
    assert [m.policy for m in result.matches] == [new_energy_policy]
    assert result.matches[0].reasons == [
        "Your industry 38 Manufacture of electrical machinery and apparatus is covered "
        "(it belongs to C Manufacturing).",
        "Investment ≥ CN¥100 million: yours is CN¥362 million.",
        "Open to Foreign-funded, Sino-foreign joint venture enterprises: yours is Foreign-funded.",
    ]
    assert result.near_misses == []


def test_find_policies_names_industry_and_amounts_in_the_readers_language(usd_rate, manufacturing, new_energy_policy):
    profile = ProjectProfile(industry=manufacturing, amount=Decimal("50000000"), currency="USD", ownership="foreign")
    reasons = find_policies(profile=profile).matches[0].reasons
    assert "C 制造业" in reasons[0]
    assert "1亿元" in reasons[1]
    assert "3.62亿元" in reasons[1]


def test_find_policies_makes_a_near_miss_of_one_unmet_rule(batteries, new_energy_policy):
    profile = ProjectProfile(industry=batteries, amount=Decimal("80000000"), ownership=Ownership.FOREIGN)
    with translation.override("en"):
        result = find_policies(profile=profile)
    assert result.matches == []
    assert [m.policy for m in result.near_misses] == [new_energy_policy]
    assert result.near_misses[0].missing == [
        "Investment of at least CN¥100 million is required: yours is CN¥80 million."
    ]


def test_find_policies_leaves_out_two_unmet_rules(software, new_energy_policy):
    profile = ProjectProfile(industry=software, amount=Decimal("1000000"), ownership=Ownership.FOREIGN)
    result = find_policies(profile=profile)
    assert (result.matches, result.near_misses) == ([], [])


def test_find_policies_a_policy_without_rules_applies_to_everyone(db):
    policy = PolicyFactory()
    with translation.override("en"):
        result = find_policies(profile=ProjectProfile())
    assert [(m.policy, m.reasons) for m in result.matches] == [(policy, ["Open to every industry."])]


def test_find_policies_checks_jobs_and_location(daxing, tongzhou):
    policy = PolicyFactory(min_jobs=100, districts=[daxing])
    with translation.override("en"):
        fits = find_policies(profile=ProjectProfile(jobs=150, district=daxing))
        elsewhere = find_policies(profile=ProjectProfile(jobs=150, district=tongzhou))
    assert fits.matches[0].reasons == [
        "Open to every industry.",
        "At least 100 new jobs: yours are 150.",
        "Your location 大兴区 is covered.",
    ]
    assert elsewhere.near_misses[0].policy == policy
    assert elsewhere.near_misses[0].missing == ["Only for projects in 大兴区: yours is in 通州区."]


def test_find_policies_skips_drafts_and_policies_out_of_force(db):
    PolicyFactory(status=Publication.DRAFT)
    PolicyFactory(valid_until=dt.date(2020, 1, 1))
    PolicyFactory(valid_from=dt.date(2999, 1, 1))
    current = PolicyFactory(valid_from=dt.date(2020, 1, 1), valid_until=dt.date(2999, 1, 1))
    assert [m.policy for m in find_policies(profile=ProjectProfile()).matches] == [current]


def test_finder_form_reports_a_currency_without_rate(db, usd_rate):
    form = FinderForm({"amount": "10", "currency": "USD"})
    assert form.is_valid()
    assert form.result() is not None
    unknown = FinderForm({"amount": "10", "currency": "EUR"})
    assert not unknown.is_valid()
    assert "currency" in unknown.errors


def test_find_policies_another_industry_is_no_near_miss(software, manufacturing):
    PolicyFactory(industries=[manufacturing])
    result = find_policies(profile=ProjectProfile(industry=software))
    assert (result.matches, result.near_misses) == ([], [])


def test_find_policies_an_unknown_industry_is_a_near_miss(manufacturing):
    policy = PolicyFactory(industries=[manufacturing])
    with translation.override("en"):
        result = find_policies(profile=ProjectProfile())
    assert [(m.policy, m.missing) for m in result.near_misses] == [
        (policy, ["Only for these industries: C Manufacturing; tell us yours."])
    ]
