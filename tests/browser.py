"""Playwright fixtures (filled in below)."""
