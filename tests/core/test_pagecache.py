import pytest
from django.db import transaction
from django.http import HttpResponse
from django.test import RequestFactory

from yunzhao.core import pagecache

pytestmark = pytest.mark.django_db(transaction=True)

rendered: list[str] = []


@pagecache.public_page
def view(request):
    rendered.append(request.path)
    return HttpResponse(f"page {len(rendered)}")


@pagecache.public_page
def view_with_cookie(request):
    response = HttpResponse("form")
    response.set_cookie("csrftoken", "x")
    return response


@pytest.fixture(autouse=True)
def _empty_cache():
    pagecache.clear()
    rendered.clear()
    yield
    pagecache.clear()


def test_anonymous_page_is_rendered_once_until_content_changes():
    factory = RequestFactory()
    assert view(factory.get("/en/letter/")).content == b"page 1"
    assert view(factory.get("/en/letter/")).content == b"page 1"

    with transaction.atomic():
        pagecache.content_changed()
        # Not before the change is committed: a reader must not see a page of uncommitted content.
        assert view(factory.get("/en/letter/")).content == b"page 1"

    assert view(factory.get("/en/letter/")).content == b"page 2"
    assert rendered == ["/en/letter/", "/en/letter/"]


def test_signed_in_readers_and_posts_are_never_served_from_the_cache():
    factory = RequestFactory()
    view(factory.get("/en/letter/"))
    signed_in = factory.get("/en/letter/")
    signed_in.COOKIES["sessionid"] = "abc"
    assert view(signed_in).content == b"page 2"
    assert view(factory.post("/en/letter/")).content == b"page 3"


def test_pages_that_set_a_cookie_are_not_kept():
    factory = RequestFactory()
    view_with_cookie(factory.get("/en/ask/"))
    assert pagecache._pages == {}


def test_each_language_and_query_string_is_its_own_page():
    factory = RequestFactory()
    view(factory.get("/en/policies/?industry=C"))
    view(factory.get("/en/policies/?industry=D"))
    assert view(factory.get("/en/policies/?industry=C")).content == b"page 1"
    assert len(rendered) == 2
