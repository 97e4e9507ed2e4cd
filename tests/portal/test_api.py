"""Published portal content and the policy finder through the API (public, no token)."""

import pytest

from tests.api.conftest import Api
from tests.portal.factories import LetterFactory, OpportunityFactory, PolicyFactory, ServiceFactory
from yunzhao.core.content import Publication
from yunzhao.portal.models import OpportunityKind, ServiceCategory

pytestmark = pytest.mark.django_db


@pytest.fixture
def public_api(client):
    return Api(client, None, "en")


def test_get_letter_returns_the_latest_published_in_the_readers_language(public_api):
    LetterFactory(title_en="Old")
    LetterFactory(title_en="New", title_ja="")
    data = public_api.get("/portal/letter").json()
    assert (data["title"], data["signatory_name"], data["language"]) == ("New", "Wang Ming", "en")
    assert data["paragraphs"] == ["Dear investors,", "Welcome to the zone."]
    japanese = Api(public_api.client, None, "ja").get("/portal/letter").json()
    assert (japanese["title"], japanese["language"]) == ("致投资者的一封信", "zh-hans")


def test_get_letter_without_one_is_not_found(public_api):
    LetterFactory(status=Publication.DRAFT)
    response = public_api.get("/portal/letter")
    assert (response.status_code, response.json()["code"]) == (404, "not_found")


def test_list_and_get_opportunities(public_api, batteries):
    site = OpportunityFactory(title_en="Plot", kind=OpportunityKind.SITE, land_area_mu="150", industry=batteries)
    OpportunityFactory(title_en="Project")
    OpportunityFactory(title_en="Draft", status=Publication.DRAFT)
    listed = public_api.get("/portal/opportunities").json()
    assert (listed["count"], [item["title"] for item in listed["items"]]) == (2, ["Plot", "Project"])
    assert [i["title"] for i in public_api.get("/portal/opportunities", {"kind": "site"}).json()["items"]] == ["Plot"]
    one = public_api.get(f"/portal/opportunities/{site.pk}").json()
    assert (one["land_area_mu"], one["industry"]["code"], one["kind_label"]) == ("150.00", "38", "Site available")


def test_list_services_by_category(public_api):
    ServiceFactory(title_en="Registration", category=ServiceCategory.REGISTRATION)
    ServiceFactory(title_en="Clinic", category=ServiceCategory.MEDICAL)
    data = public_api.get("/portal/services", {"category": "medical"}).json()
    assert [(i["title"], i["category_label"]) for i in data["items"]] == [("Clinic", "Medical care")]


def test_list_and_get_policies_with_their_rules(public_api, manufacturing, daxing):
    policy = PolicyFactory(
        title_en="Land",
        industries=[manufacturing],
        min_investment_cny="50000000",
        ownership_types=["foreign"],
        districts=[daxing],
        min_jobs=10,
    )
    PolicyFactory(title_en="Tax", topic="tax")
    data = public_api.get("/portal/policies", {"topic": "funding"}).json()
    assert [i["title"] for i in data["items"]] == ["Land"]
    one = public_api.get(f"/portal/policies/{policy.pk}").json()
    assert one["industries"] == [{"id": manufacturing.pk, "code": "C", "name": "Manufacturing"}]
    assert (one["min_investment_cny"], one["ownership_types"], one["min_jobs"]) == ("50000000.00", ["foreign"], 10)
    assert one["districts"] == [{"id": daxing.pk, "name": "大兴区"}]
    assert public_api.get("/portal/policies", {"q": "tax"}).json()["count"] == 1
    assert public_api.get("/portal/policies", {"industry": manufacturing.pk}).json()["count"] == 2


def test_find_policies_operation_gives_the_same_answer_as_the_page(public_api, usd_rate, batteries, manufacturing):
    PolicyFactory(
        title_en="New-energy award",
        industries=[manufacturing],
        min_investment_cny="100000000",
        ownership_types=["foreign"],
    )
    data = public_api.get(
        "/portal/policy-finder",
        {"industry": batteries.pk, "amount": "50000000", "currency": "USD", "ownership": "foreign"},
    ).json()
    assert data["amount_cny"] == "362000000.00"
    assert [m["policy"]["title"] for m in data["matches"]] == ["New-energy award"]
    assert data["matches"][0]["reasons"][1] == "Investment ≥ CN¥100 million: yours is CN¥362 million."
    assert data["near_misses"] == []


def test_find_policies_refuses_unknown_currency_and_industry(public_api):
    response = public_api.get("/portal/policy-finder", {"amount": "1", "currency": "XAU"})
    assert (response.status_code, list(response.json()["errors"])) == (422, ["currency"])
    response = public_api.get("/portal/policy-finder", {"industry": 999999})
    assert (response.status_code, list(response.json()["errors"])) == (422, ["industry"])


@pytest.mark.parametrize(
    ("path", "make"),
    [
        ("/portal/policies", lambda ind: PolicyFactory(industries=[ind])),
        ("/portal/opportunities", lambda ind: OpportunityFactory(industry=ind)),
        ("/portal/services", lambda ind: ServiceFactory()),
        ("/portal/policy-finder", lambda ind: PolicyFactory(industries=[ind])),
    ],
)
def test_list_operations_take_as_many_queries_for_one_item_as_for_three(
    public_api, count_queries, manufacturing, path, make
):
    counts = []
    for added in (1, 2):
        for _ in range(added):
            make(manufacturing)
        with count_queries() as counted:
            assert public_api.get(path).status_code == 200
        counts.append(counted.count)
    assert counts[0] == counts[1]
