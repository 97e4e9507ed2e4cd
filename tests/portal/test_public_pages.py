"""The portal's content pages as readers see them, and their query counts."""

import pytest
from django.test import Client

from tests.portal.factories import (
    AdvantageFactory,
    LetterFactory,
    OpportunityFactory,
    PolicyFactory,
    ServiceFactory,
)
from yunzhao.core import pagecache
from yunzhao.core.content import Publication
from yunzhao.portal.models import AdvantageTopic, OpportunityKind, PolicyTopic, ServiceCategory

pytestmark = pytest.mark.django_db


def test_home_links_the_six_modules_and_shows_the_letter_and_opportunities(client):
    LetterFactory(body_en="Dear investors,\n\nThe zone lies beside Beijing Daxing International Airport.\n\nMore.")
    OpportunityFactory(title_en="Battery recycling")
    body = client.get("/en/").content.decode()
    for url in (
        "/en/invitation/",
        "/en/advantages/",
        "/en/services/",
        "/en/overview/",
        "/en/filing/",
        "/en/consulting/",
    ):
        assert f'href="{url}"' in body
    assert "The zone lies beside Beijing Daxing International Airport." in body
    assert "Dear investors," not in body
    assert "Battery recycling" in body


def test_invitation_shows_letter_signature_and_featured_opportunities(client):
    LetterFactory()
    OpportunityFactory(title_en="Featured one")
    OpportunityFactory(title_en="Not featured", is_featured=False)
    OpportunityFactory(title_en="A draft", status=Publication.DRAFT)
    body = client.get("/en/invitation/").content.decode()
    assert "A letter to investors" in body
    assert "Wang Ming" in body
    assert "Director of the zone&#x27;s administrative committee" in body
    assert "Featured one" in body
    assert "Not featured" not in body
    assert "A draft" not in body


def test_the_latest_published_letter_is_shown(client):
    LetterFactory(title_en="Old letter")
    LetterFactory(title_en="New letter")
    LetterFactory(title_en="Draft letter", status=Publication.DRAFT)
    body = client.get("/en/invitation/").content.decode()
    assert "New letter" in body
    assert "Old letter" not in body
    assert "Draft letter" not in body


def test_opportunity_detail_has_the_figures_and_i_am_interested(client, batteries):
    opportunity = OpportunityFactory(
        title_en="Battery recycling",
        industry=batteries,
        investment_sought="50000000",
        currency="USD",
        land_area_mu="80",
        land_area_m2="53333",
        floor_space_m2="12000",
        kind=OpportunityKind.SITE,
    )
    body = client.get(f"/en/opportunities/{opportunity.pk}/").content.decode()
    assert f'href="/en/filing/?opportunity={opportunity.pk}"' in body
    assert "I am interested" in body
    assert "$50 million" in body
    assert "80 mu" in body
    assert "53,333 m²" in body
    assert "12,000 m²" in body
    assert "Site available" in body
    assert '<meta property="og:title" content="Battery recycling">' in body


def test_a_draft_opportunity_is_not_found(client):
    opportunity = OpportunityFactory(status=Publication.DRAFT)
    assert client.get(f"/en/opportunities/{opportunity.pk}/").status_code == 404


def test_advantages_show_the_indicators_figures_as_the_reader_writes_them(client):
    from tests.indicators.factories import seeds_trade

    seeds_trade()
    AdvantageFactory(topic=AdvantageTopic.LOCATION, title_en="Next to the airport", indicator_codes=["trade_total"])
    AdvantageFactory(topic=AdvantageTopic.TALENT, title_en="Talent", indicator_codes=["registered_enterprises"])

    body = client.get("/en/advantages/").content.decode()
    assert "Next to the airport" in body
    assert "<bdi>899.24 billion\u00a0yuan</bdi>" in body
    assert "2023 Q1" in body
    assert "\u206611.6%\u2069 year on year" in body  # the figure kept whole inside Arabic text

    chinese = client.get("/zh-hans/advantages/").content.decode()
    assert "<bdi>8,992.4亿元</bdi>" in chinese


def test_services_are_grouped_by_category_and_link_to_policies(client):
    ServiceFactory(category=ServiceCategory.SCHOOLS, title_en="Japanese School")
    ServiceFactory(category=ServiceCategory.REGISTRATION, title_en="One-stop registration", phone="+86 10 6020 1000")
    body = client.get("/en/services/").content.decode()
    registration, schools = body.index('id="registration-heading"'), body.index('id="schools-heading"')
    assert registration < body.index("One-stop registration") < schools < body.index("Japanese School")
    assert 'href="tel:+861060201000"' in body
    assert 'href="/en/services/policies/"' in body
    assert 'href="/en/services/policies/finder/"' in body


def test_policy_list_filters_by_topic_industry_and_words(client, manufacturing, batteries, software):
    general = PolicyFactory(title_en="Tax for everyone", topic=PolicyTopic.TAX)
    division = PolicyFactory(title_en="Battery award", industries=[batteries])
    section = PolicyFactory(title_en="Land for factories", industries=[manufacturing], topic=PolicyTopic.LAND)
    PolicyFactory(title_en="Software fund", industries=[software])

    def titles(query):
        body = client.get(f"/en/services/policies/?{query}").content.decode()
        found = [p.title_en for p in (general, division, section) if p.title_en in body]
        return found + (["Software fund"] if "Software fund" in body else [])

    assert titles("") == ["Tax for everyone", "Battery award", "Land for factories", "Software fund"]
    assert titles(f"industry={manufacturing.pk}") == ["Tax for everyone", "Battery award", "Land for factories"]
    assert titles("topic=land") == ["Land for factories"]
    assert titles("q=battery") == ["Battery award"]
    assert titles("q=扶持政策") == ["Tax for everyone", "Battery award", "Land for factories", "Software fund"]


def test_policy_detail_shows_rules_and_legal_basis(client, manufacturing, daxing):
    policy = PolicyFactory(
        title_en="Land for factories",
        industries=[manufacturing],
        min_investment_cny="50000000",
        ownership_types=["foreign"],
        min_jobs=100,
        districts=[daxing],
        legal_basis_en="Zone measures, 2024",
    )
    body = client.get(f"/en/services/policies/{policy.pk}/").content.decode()
    assert "C Manufacturing" in body
    assert "≥ CN¥50 million" in body
    assert "Foreign-funded" in body
    assert "At least 100 new jobs" in body
    assert "大兴区" in body
    assert "Zone measures, 2024" in body


def test_finder_page_answers_a_50_million_dollar_new_energy_project(client, usd_rate, batteries, manufacturing):
    PolicyFactory(
        title_en="New-energy landing award",
        industries=[manufacturing],
        min_investment_cny="100000000",
        ownership_types=["foreign", "jv"],
    )
    response = client.get(
        f"/en/services/policies/finder/?industry={batteries.pk}&amount=50000000&currency=USD&ownership=foreign"
    )
    body = response.content.decode()
    assert "1 policy applies to your project" in body
    assert "New-energy landing award" in body
    assert "Investment ≥ CN¥100 million: yours is CN¥362 million." in body
    assert "Your investment of $50 million is CN¥362 million at today's rate." in body
    assert "csrfmiddlewaretoken" not in body
    assert "csrftoken" not in response.cookies


def test_finder_keeps_what_was_typed_when_the_amount_is_wrong(client, usd_rate):
    body = client.get("/en/services/policies/finder/?amount=-5&currency=USD&jobs=12").content.decode()
    assert 'value="-5"' in body
    assert 'value="12"' in body
    assert '<option value="USD" selected>' in body
    assert "invalid-feedback" in body


def test_public_pages_are_served_from_the_page_cache(client, count_queries):
    PolicyFactory()
    client.get("/en/services/policies/")
    with count_queries() as counted:
        assert client.get("/en/services/policies/").status_code == 200
    assert counted.count == 1  # the content version only


@pytest.mark.parametrize(
    ("path", "make"),
    [
        ("/en/services/policies/", lambda i, ind: PolicyFactory(industries=[ind])),
        ("/en/invitation/", lambda i, ind: OpportunityFactory(industry=ind)),
        ("/en/opportunities/", lambda i, ind: OpportunityFactory(industry=ind)),
        ("/en/services/", lambda i, ind: ServiceFactory()),
        ("/en/advantages/", lambda i, ind: AdvantageFactory()),
        ("/en/", lambda i, ind: OpportunityFactory(industry=ind)),
        ("/en/services/policies/finder/?amount=1", lambda i, ind: PolicyFactory(industries=[ind])),
    ],
)
def test_list_pages_take_as_many_queries_for_one_item_as_for_three(path, make, count_queries, manufacturing):
    counts = []
    for added in (1, 2):  # one item, then three
        for i in range(added):
            make(i, manufacturing)
        pagecache.clear()
        with count_queries() as counted:
            assert Client().get(path).status_code == 200
        counts.append(counted.count)
    assert counts[0] == counts[1]
