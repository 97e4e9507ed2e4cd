"""The policy finder: which published policies apply to a project, and why (or why not).

:func:`find_policies` is a pure read: it takes the project's profile, converts its amount to
yuan with the rates table (:mod:`yunzhao.core.money`), checks each published policy's rules
and returns those that apply with the reasons in the reader's language, and the near misses
(one rule not met) with what is missing. A rule left empty on a policy sets no condition.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from yunzhao.accounts.models import Department, DepartmentKind
from yunzhao.core import money
from yunzhao.core.formatting import format_money, format_number
from yunzhao.core.models import ExchangeRate
from yunzhao.crm.models import Industry, Ownership
from yunzhao.portal.models import Policy
from yunzhao.portal.queries import published_policies

#: A policy with this many unmet rules or fewer (but at least one) is a near miss — unless it is
#: for other industries: a project cannot change its industry, so that is no near miss.
NEAR_MISS_RULES = 1


@dataclass(frozen=True)
class ProjectProfile:
    industry: Industry | None = None
    amount: Decimal | None = None
    currency: str = money.BASE_CURRENCY
    ownership: str = ""
    jobs: int | None = None
    district: Department | None = None


@dataclass(frozen=True)
class PolicyMatch:
    policy: Policy
    reasons: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    other_industry: bool = False  # not for the project's industry: no near miss, whatever else fits

    @property
    def applies(self) -> bool:
        return not self.missing


@dataclass(frozen=True)
class FinderResult:
    profile: ProjectProfile
    amount_cny: Decimal | None
    matches: list[PolicyMatch]
    near_misses: list[PolicyMatch]


def amount_in_cny(amount: Decimal, currency: str, *, on: dt.date) -> Decimal:
    """``amount`` of ``currency`` in yuan at the rate in force on ``on`` (MissingRateError without one)."""
    return money.total_in_cny([(amount, currency)], on=on)


def _yuan(value: Decimal) -> str:
    return format_money(value, money.BASE_CURRENCY, compact=True)


def _industry_label(industry: Industry) -> str:
    return f"{industry.code} {industry.name}"


def _check(policy: Policy, profile: ProjectProfile, amount_cny: Decimal | None) -> PolicyMatch:
    reasons: list[str] = []
    missing: list[str] = []
    other_industry = False

    industries = list(policy.industries.all())
    if not industries:
        reasons.append(_("Open to every industry."))
    elif profile.industry is None:
        missing.append(
            _("Only for these industries: %(industries)s; tell us yours.")
            % {"industries": ", ".join(_industry_label(i) for i in industries)}
        )
    else:
        covering = next(
            (i for i in industries if i.pk in (profile.industry.pk, profile.industry.parent_id)),
            None,
        )
        if covering is None:
            other_industry = True
            missing.append(
                _("Only for these industries: %(industries)s; yours is %(industry)s.")
                % {
                    "industries": ", ".join(_industry_label(i) for i in industries),
                    "industry": _industry_label(profile.industry),
                }
            )
        elif covering.pk == profile.industry.pk:
            reasons.append(_("Your industry %(industry)s is covered.") % {"industry": _industry_label(covering)})
        else:
            reasons.append(
                _("Your industry %(industry)s is covered (it belongs to %(section)s).")
                % {"industry": _industry_label(profile.industry), "section": _industry_label(covering)}
            )

    low, high = policy.min_investment_cny, policy.max_investment_cny
    if low is not None or high is not None:
        if amount_cny is None:
            missing.append(_("An investment amount is required to check this policy; tell us yours."))
        else:
            yours = _yuan(amount_cny)
            if low is not None and amount_cny < low:
                missing.append(
                    _("Investment of at least %(minimum)s is required: yours is %(amount)s.")
                    % {"minimum": _yuan(low), "amount": yours}
                )
            elif high is not None and amount_cny > high:
                missing.append(
                    _("Investment of at most %(maximum)s: yours is %(amount)s.")
                    % {"maximum": _yuan(high), "amount": yours}
                )
            elif low is not None and high is not None:
                reasons.append(
                    _("Investment between %(minimum)s and %(maximum)s: yours is %(amount)s.")
                    % {"minimum": _yuan(low), "maximum": _yuan(high), "amount": yours}
                )
            elif low is not None:
                reasons.append(
                    _("Investment ≥ %(minimum)s: yours is %(amount)s.") % {"minimum": _yuan(low), "amount": yours}
                )
            elif high is not None:
                reasons.append(
                    _("Investment ≤ %(maximum)s: yours is %(amount)s.") % {"maximum": _yuan(high), "amount": yours}
                )

    if policy.ownership_types:
        allowed = ", ".join(policy.ownership_labels())
        if profile.ownership in policy.ownership_types:
            reasons.append(
                _("Open to %(ownerships)s enterprises: yours is %(ownership)s.")
                % {"ownerships": allowed, "ownership": Ownership(profile.ownership).label}
            )
        elif not profile.ownership:
            missing.append(_("Only for %(ownerships)s enterprises; tell us your ownership.") % {"ownerships": allowed})
        else:
            missing.append(
                _("Only for %(ownerships)s enterprises: yours is %(ownership)s.")
                % {"ownerships": allowed, "ownership": Ownership(profile.ownership).label}
            )

    if policy.min_jobs:
        minimum = format_number(policy.min_jobs)
        if profile.jobs is None:
            missing.append(_("At least %(minimum)s new jobs are required; tell us how many.") % {"minimum": minimum})
        elif profile.jobs < policy.min_jobs:
            missing.append(
                _("At least %(minimum)s new jobs are required: yours are %(jobs)s.")
                % {"minimum": minimum, "jobs": format_number(profile.jobs)}
            )
        else:
            reasons.append(
                _("At least %(minimum)s new jobs: yours are %(jobs)s.")
                % {"minimum": minimum, "jobs": format_number(profile.jobs)}
            )

    districts = list(policy.districts.all())
    if districts:
        names = ", ".join(d.name for d in districts)
        if profile.district is not None and profile.district.pk in {d.pk for d in districts}:
            reasons.append(_("Your location %(district)s is covered.") % {"district": profile.district.name})
        elif profile.district is None:
            missing.append(_("Only for projects in %(districts)s; tell us where yours is.") % {"districts": names})
        else:
            missing.append(
                _("Only for projects in %(districts)s: yours is in %(district)s.")
                % {"districts": names, "district": profile.district.name}
            )
    return PolicyMatch(policy=policy, reasons=reasons, missing=missing, other_industry=other_industry)


def in_force(on: dt.date) -> Q:
    return (Q(valid_from__isnull=True) | Q(valid_from__lte=on)) & (Q(valid_until__isnull=True) | Q(valid_until__gte=on))


def find_policies(
    *, profile: ProjectProfile, on: dt.date | None = None, policies: Iterable[Policy] | None = None
) -> FinderResult:
    """The published policies in force that apply to ``profile``, and the near misses.

    Raises :class:`yunzhao.core.money.MissingRateError` when the amount's currency has no rate.
    """
    on = on or timezone.localdate()
    amount_cny = None
    if profile.amount is not None:
        amount_cny = amount_in_cny(profile.amount, profile.currency, on=on)
    candidates = policies if policies is not None else published_policies().filter(in_force(on))
    matches: list[PolicyMatch] = []
    near: list[PolicyMatch] = []
    for policy in candidates:
        result = _check(policy, profile, amount_cny)
        if result.applies:
            matches.append(result)
        elif len(result.missing) <= NEAR_MISS_RULES and not result.other_industry:
            near.append(result)
    # The policies made for projects like this one (more rules met) before the general ones.
    matches.sort(key=lambda match: -len(match.reasons))
    return FinderResult(profile=profile, amount_cny=amount_cny, matches=matches, near_misses=near)


def currency_choices() -> list[tuple[str, str]]:
    known = sorted(set(ExchangeRate.objects.values_list("currency", flat=True).distinct()) - {money.BASE_CURRENCY})
    return [(code, code) for code in [money.BASE_CURRENCY, *known]]


class FinderForm(forms.Form):
    """The finder's questions (a GET form: the answer page can be bookmarked and cached)."""

    industry: forms.ModelChoiceField[Industry] = forms.ModelChoiceField(
        label=gettext_lazy("Industry"), queryset=Industry.objects.order_by("code"), required=False
    )
    amount = forms.DecimalField(
        label=gettext_lazy("Investment amount"), required=False, min_value=0, max_digits=18, decimal_places=2
    )
    currency = forms.ChoiceField(label=gettext_lazy("Currency"), choices=[(money.BASE_CURRENCY, money.BASE_CURRENCY)])
    ownership = forms.ChoiceField(
        label=gettext_lazy("Ownership"), required=False, choices=[("", "—"), *Ownership.choices]
    )
    jobs = forms.IntegerField(label=gettext_lazy("New jobs"), required=False, min_value=0, max_value=10_000_000)
    district = forms.ModelChoiceField(
        label=gettext_lazy("Location"),
        queryset=Department.objects.filter(kind=DepartmentKind.DISTRICT, is_active=True).order_by("name"),
        required=False,
        empty_label=gettext_lazy("Not decided yet"),
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        currency = self.fields["currency"]
        assert isinstance(currency, forms.ChoiceField)
        currency.choices = currency_choices()
        industry = self.fields["industry"]
        assert isinstance(industry, forms.ModelChoiceField)
        industry.empty_label = str(gettext_lazy("Choose…"))
        industry.label_from_instance = _industry_label  # type: ignore[method-assign,assignment]

    def profile(self) -> ProjectProfile:
        data = self.cleaned_data
        return ProjectProfile(
            industry=data.get("industry"),
            amount=data.get("amount"),
            currency=data.get("currency") or money.BASE_CURRENCY,
            ownership=data.get("ownership") or "",
            jobs=data.get("jobs"),
            district=data.get("district"),
        )

    def result(self) -> FinderResult | None:
        """The finder's answer, or None (with the form's errors) when it cannot be given."""
        try:
            return find_policies(profile=self.profile())
        except money.MissingRateError:
            self.add_error("currency", _("We have no exchange rate for this currency."))
            return None
