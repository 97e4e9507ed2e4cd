"""Rebuild the search index of every searchable model from the records themselves."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from yunzhao.crm import indexing as crm_indexing
from yunzhao.matchmaking import indexing as fair_indexing
from yunzhao.pipeline import indexing as pipeline_indexing


class Command(BaseCommand):
    help = "Rebuild the search index (enterprises, contacts, channels, projects, fair booths and products)."

    def handle(self, *args: Any, **options: Any) -> None:
        written = crm_indexing.rebuild_index() + pipeline_indexing.rebuild_index() + fair_indexing.rebuild_index()
        self.stdout.write(f"indexed {written} object(s)")
