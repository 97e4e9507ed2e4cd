"""A participant's matchmaking profile, as the engine sees it (no database)."""

from __future__ import annotations

from dataclasses import dataclass, field

ROLES = ("buyer", "investor", "partner", "exhibitor")
INTENTS = ("buy", "sell", "invest", "seek_investment", "distribute", "partner")
#: Company sizes, smallest first; the index of a size is its rank.
COMPANY_SIZES = ("micro", "small", "medium", "large")
LANGUAGES = ("zh-hans", "en", "ja", "ko", "ar", "es", "fr", "ru")

#: For each intent, the intents of the other side that complement it.
COMPLEMENTS: dict[str, tuple[str, ...]] = {
    "buy": ("sell",),
    "sell": ("buy", "distribute"),
    "invest": ("seek_investment",),
    "seek_investment": ("invest",),
    "distribute": ("sell",),
    "partner": ("partner",),
}

#: What a role wants when the profile states no intents.
ROLE_INTENTS: dict[str, frozenset[str]] = {
    "buyer": frozenset({"buy"}),
    "investor": frozenset({"invest"}),
    "partner": frozenset({"partner"}),
    "exhibitor": frozenset({"sell"}),
}


@dataclass(frozen=True)
class Profile:
    """What a participant says about themselves.

    ``industries`` holds GB/T 4754 codes: a section letter (``"C"``) or a two-digit
    division (``"38"``).  ``sought_countries`` are where they buy from / invest in / look
    for partners, ``offered_countries`` where they operate or sell.  Deal sizes are in one
    currency chosen by the caller (e.g. USD); ``None`` means not stated.
    """

    id: int
    role: str = "partner"
    industries: tuple[str, ...] = ()
    sought_countries: frozenset[str] = field(default_factory=frozenset)
    offered_countries: frozenset[str] = field(default_factory=frozenset)
    intents: frozenset[str] = field(default_factory=frozenset)
    company_size: str | None = None
    deal_min: float | None = None
    deal_max: float | None = None
    text: str = ""
    language: str = "en"

    @property
    def wanted(self) -> frozenset[str]:
        """The stated intents, or when none are stated those of the role (``ROLE_INTENTS``)."""
        return self.intents or ROLE_INTENTS[self.role]

    def __post_init__(self) -> None:
        if self.role not in ROLES:
            raise ValueError(f"unknown role {self.role!r}")
        unknown = set(self.intents) - set(INTENTS)
        if unknown:
            raise ValueError(f"unknown intents {sorted(unknown)!r}")
        if self.company_size is not None and self.company_size not in COMPANY_SIZES:
            raise ValueError(f"unknown company size {self.company_size!r}")
        for code in self.industries:
            if not (len(code) == 1 and code.isalpha() and code.isupper()) and not (len(code) == 2 and code.isdigit()):
                raise ValueError(f"not a GB/T 4754 section or division code: {code!r}")
