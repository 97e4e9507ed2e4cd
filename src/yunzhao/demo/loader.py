"""Writes the demonstration zone that ``yunzhao.demo.builder`` describes, creating only what is missing."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone, translation

from yunzhao.accounts.models import Department, Role, User
from yunzhao.accounts.organisation import create_department, create_staff_user
from yunzhao.core import audit
from yunzhao.core.models import SearchEntry
from yunzhao.crm import indexing as crm_indexing
from yunzhao.crm.industries import load_industries
from yunzhao.crm.models import Channel, Enterprise, Industry
from yunzhao.demo import histories
from yunzhao.demo.builder import (
    ACCOUNTS_JOINED,
    DEMO_ACCOUNTS,
    DEMO_PASSWORD,
    ORGANISATION,
    ChannelSpec,
    EnterpriseSpec,
    ProjectSpec,
    build_channels,
    build_enterprises,
    build_projects,
)
from yunzhao.pipeline import indexing as pipeline_indexing
from yunzhao.pipeline.models import Project, Stage, StageChange

BATCH_SIZE = 500


@dataclass
class LoadResult:
    created: Counter[str] = field(default_factory=Counter)


def _translated(prefix: str, names: dict[str, str]) -> dict[str, str]:
    return {f"{prefix}_{language}": value for language, value in names.items()}


def _ensure_organisation(result: LoadResult) -> dict[str, Department]:
    departments = {
        department.code: department for department in Department.objects.filter(code__in=[d.code for d in ORGANISATION])
    }
    for spec in ORGANISATION:
        if spec.code not in departments:
            departments[spec.code] = create_department(
                name=spec.name,
                code=spec.code,
                kind=spec.kind,
                parent=departments[spec.parent] if spec.parent else None,
                short_name=spec.short_name,
            )
            result.created["departments"] += 1
    return departments


def _ensure_accounts(result: LoadResult, departments: dict[str, Department]) -> dict[str, int]:
    existing = set(User.objects.filter(email__in=[a.email for a in DEMO_ACCOUNTS]).values_list("email", flat=True))
    created = []
    for account in DEMO_ACCOUNTS:
        if account.email in existing:
            continue
        user = create_staff_user(
            email=account.email,
            full_name=account.full_name,
            role=Role(account.role),
            password=None,
            department=departments[account.department] if account.department else None,
            latin_name=account.latin_name,
            title=account.title,
            organisation=account.organisation,
            country=account.country,
            preferred_language=account.preferred_language,
            date_joined=ACCOUNTS_JOINED,
            email_confirmed_at=ACCOUNTS_JOINED,
        )
        created.append(user.pk)
    if created:
        # One hash for all: the accounts share a password, and hashing is the slow part.
        User.objects.filter(pk__in=created).update(password=make_password(DEMO_PASSWORD))
        result.created["accounts"] += len(created)
    return dict(User.objects.filter(email__in=[a.email for a in DEMO_ACCOUNTS]).values_list("email", "pk"))


def _ensure_channels(result: LoadResult, specs: list[ChannelSpec], users: dict[str, int]) -> dict[str, int]:
    existing = set(Channel.objects.filter(name_en__in=[s.key for s in specs]).values_list("name_en", flat=True))
    new = [
        Channel(
            kind=spec.kind,
            country=spec.country,
            agreement_date=spec.agreement_date,
            keeper_id=users[spec.keeper],
            **_translated("name", spec.names),
        )
        for spec in specs
        if spec.key not in existing
    ]
    Channel.objects.bulk_create(new, batch_size=BATCH_SIZE)
    result.created["channels"] += len(new)
    return dict(Channel.objects.filter(name_en__in=[s.key for s in specs]).values_list("name_en", "pk"))


def _enterprise_ids() -> dict[str, int]:
    ids: dict[str, int] = {}
    for pk, credit_code, country, registration_number in Enterprise.objects.values_list(
        "pk", "credit_code", "country", "registration_number"
    ):
        if credit_code:
            ids[credit_code] = pk
        if registration_number:
            ids[f"{country}:{registration_number}"] = pk
    return ids


def _ensure_enterprises(
    result: LoadResult,
    specs: list[EnterpriseSpec],
    departments: dict[str, Department],
    users: dict[str, int],
    industries: dict[str, int],
) -> dict[str, int]:
    existing = _enterprise_ids()
    new = [
        Enterprise(
            credit_code=spec.credit_code,
            registration_number=spec.registration_number,
            country=spec.country,
            industry_id=industries[spec.division],
            ownership=spec.ownership,
            size=spec.size,
            website=spec.website,
            registered_in_zone_on=spec.registered_on,
            department_id=departments[spec.department].pk,
            owner_id=users[spec.owner],
            **_translated("name", spec.names),
        )
        for spec in specs
        if spec.key not in existing
    ]
    Enterprise.objects.bulk_create(new, batch_size=BATCH_SIZE)
    result.created["enterprises"] += len(new)
    return _enterprise_ids() if new else existing


def _ensure_projects(
    result: LoadResult,
    specs: list[ProjectSpec],
    enterprises: dict[str, int],
    channels: dict[str, int],
    departments: dict[str, Department],
    users: dict[str, int],
    industries: dict[str, int],
) -> None:
    existing = set(
        Project.objects.filter(title_zh_hans__in=[s.key for s in specs]).values_list("title_zh_hans", flat=True)
    )
    new = [
        Project(
            title_zh_hans=spec.title_zh,
            title_en=spec.title_en,
            enterprise_id=enterprises[spec.enterprise],
            industry_id=industries[spec.division],
            stage=spec.stage,
            planned_investment=spec.planned_investment,
            currency=spec.currency,
            is_key=spec.is_key,
            key_level=spec.key_level,
            source=spec.source,
            channel_id=channels[spec.channel] if spec.channel else None,
            department_id=departments[spec.department].pk,
            owner_id=users[spec.owner],
        )
        for spec in specs
        if spec.key not in existing
    ]
    anchor = timezone.localtime()
    titles = [spec.title_zh for spec in specs if spec.key not in existing]  # in the order of ``new``
    walks = [histories.stage_walk(title, project.stage) for title, project in zip(titles, new, strict=True)]
    for title, project, moves in zip(titles, new, walks, strict=True):
        project.stage_entered_at = histories.moment(anchor, moves[-1].days_before_anchor, title, len(moves) - 1)
        if project.stage == Stage.ON_HOLD:
            project.stage_before_hold = moves[-2].to_stage
        if project.stage in {Stage.ON_HOLD, Stage.LOST}:
            project.closing_reason = moves[-1].reason
    Project.objects.bulk_create(new, batch_size=BATCH_SIZE)
    result.created["projects"] += len(new)
    changes = []
    for title, project, moves in zip(titles, new, walks, strict=True):
        for index, move in enumerate(moves):
            when = histories.moment(anchor, move.days_before_anchor, title, index)
            changes.append(
                StageChange(
                    project=project,
                    from_stage=move.from_stage,
                    to_stage=move.to_stage,
                    effective_at=when,
                    recorded_at=when,
                    by_id=project.owner_id,
                    reason=move.reason,
                )
            )
    StageChange.objects.bulk_create(changes, batch_size=BATCH_SIZE)
    result.created["stage changes"] += len(changes)


def load_demo() -> LoadResult:
    """Create whatever part of the demonstration zone is missing, in one transaction."""
    result = LoadResult()
    enterprise_specs = build_enterprises()
    channel_specs = build_channels()
    project_specs = build_projects(enterprise_specs, channel_specs)
    # The untranslated name columns take the active language's value: make it Chinese.
    with transaction.atomic(), translation.override(settings.LANGUAGE_CODE):
        created, updated = load_industries()
        result.created["industries"] += created + updated
        industries = dict(Industry.objects.values_list("code", "pk"))
        departments = _ensure_organisation(result)
        users = _ensure_accounts(result, departments)
        channels = _ensure_channels(result, channel_specs, users)
        enterprises = _ensure_enterprises(result, enterprise_specs, departments, users, industries)
        _ensure_projects(result, project_specs, enterprises, channels, departments, users, industries)
        result.created = +result.created  # drop the kinds of which nothing was created
        if result.created:
            audit.record(actor=None, action="demo.loaded", data=dict(result.created))
        # Bulk creation bypasses the domain functions that index one object at a time.
        if result.created or not _index_complete():
            crm_indexing.rebuild_index()
            pipeline_indexing.rebuild_index()
    return result


def _index_complete() -> bool:
    indexed = SearchEntry.objects.count()
    return indexed == Enterprise.objects.count() + Channel.objects.count() + Project.objects.count()
