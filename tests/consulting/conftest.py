from __future__ import annotations

import pytest

from yunzhao.core import holidays


@pytest.fixture
def calendar(db):
    """China's official holidays and make-up days, 2024–2026."""
    holidays.load()
