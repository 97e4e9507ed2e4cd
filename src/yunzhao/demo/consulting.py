"""Demo content of the consulting module."""

from __future__ import annotations

from collections import Counter

from yunzhao.accounts.models import Department


def ensure_content(departments: dict[str, Department], users: dict[str, int], created: Counter[str]) -> None:
    """Create what is missing of this module's demo content, counting it in ``created``."""
