import pytest

from yunzhao.core import pagecache


@pytest.fixture(autouse=True)
def _fresh_page_cache():
    """Each test's database starts again at content version 0: forget pages an earlier test cached."""
    pagecache.clear()
    yield
    pagecache.clear()
