"""indicators through the versioned API."""

from ninja import Router

router = Router()
