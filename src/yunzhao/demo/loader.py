"""Writes the demonstration zone that ``yunzhao.demo.builder`` describes, creating only what is missing."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone, translation

from yunzhao.accounts.models import Department, Role, User
from yunzhao.accounts.organisation import create_department, create_staff_user
from yunzhao.core import audit
from yunzhao.core.calendar import add_working_days
from yunzhao.core.models import ExchangeRate, SearchEntry
from yunzhao.crm import duplicates as crm_duplicates
from yunzhao.crm import indexing as crm_indexing
from yunzhao.crm.industries import load_industries
from yunzhao.crm.models import Activity, Channel, Contact, Enterprise, Industry
from yunzhao.demo import consulting as demo_consulting
from yunzhao.demo import events as demo_events
from yunzhao.demo import fair as demo_fair
from yunzhao.demo import histories, working
from yunzhao.demo import indicators as demo_indicators
from yunzhao.demo import intake as demo_intake
from yunzhao.demo import portal as demo_portal
from yunzhao.demo.builder import (
    ACCOUNTS_JOINED,
    DEMO_ACCOUNTS,
    DEMO_PASSWORD,
    EXCHANGE_RATES,
    EXCHANGE_RATES_FROM,
    ORGANISATION,
    ChannelSpec,
    EnterpriseSpec,
    ProjectSpec,
    build_channels,
    build_enterprises,
    build_projects,
    department_for_country,
    officers_by_department,
)
from yunzhao.pipeline import indexing as pipeline_indexing
from yunzhao.pipeline.circulation import deadline_working_days
from yunzhao.pipeline.models import Handover, HandoverStatus, Project, Stage, StageChange

BATCH_SIZE = 500


@dataclass
class LoadResult:
    created: Counter[str] = field(default_factory=Counter)


@dataclass(frozen=True)
class NewProject:
    """A project this load created, with what it was made from."""

    project: Project
    spec: ProjectSpec
    walk: list[histories.Move]
    circulation: list[working.HandoverSpec]


def _translated(prefix: str, names: dict[str, str]) -> dict[str, str]:
    return {f"{prefix}_{language}": value for language, value in names.items()}


def _ensure_exchange_rates(result: LoadResult) -> None:
    existing = set(ExchangeRate.objects.filter(valid_from=EXCHANGE_RATES_FROM).values_list("currency", flat=True))
    new = [
        ExchangeRate(currency=currency, valid_from=EXCHANGE_RATES_FROM, cny_per_unit=rate)
        for currency, rate in EXCHANGE_RATES.items()
        if currency not in existing
    ]
    ExchangeRate.objects.bulk_create(new)
    result.created["exchange rates"] += len(new)


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
    countries: dict[str, str],
) -> list[NewProject]:
    """Create the missing projects with their stage histories; return them for the work on them."""
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
    new_specs = [spec for spec in specs if spec.key not in existing]  # in the order of ``new``
    titles = [spec.title_zh for spec in new_specs]
    walks = [histories.stage_walk(title, project.stage) for title, project in zip(titles, new, strict=True)]
    circulations = []
    for spec, project, moves in zip(new_specs, new, walks, strict=True):
        origin = department_for_country(countries[spec.enterprise])
        chain = working.handovers_for(spec.title_zh, spec.stage, spec.department, origin, moves)
        if chain and chain[-1].status == "pending" and chain[-1].to_department == spec.department:
            # Sent to its desk by the district that met the investor first: the district's until answered.
            sender = chain[-1].from_department
            project.department_id = departments[sender].pk
            project.owner_id = users[officers_by_department()[sender][0]]
        circulations.append(chain)
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
    return [
        NewProject(project, spec, moves, chain)
        for project, spec, moves, chain in zip(new, new_specs, walks, circulations, strict=True)
    ]


def _ensure_work(
    result: LoadResult,
    new_projects: list[NewProject],
    enterprise_specs: list[EnterpriseSpec],
    departments: dict[str, Department],
    users: dict[str, int],
) -> None:
    """Contacts at the new projects' enterprises, the activities on the projects and their hand-overs."""
    if not new_projects:
        return
    anchor = timezone.localtime()
    specs_by_key = {spec.key: spec for spec in enterprise_specs}
    enterprise_ids = {item.project.enterprise_id: item.spec.enterprise for item in new_projects}
    with_contacts = set(
        Contact.objects.filter(enterprise_id__in=enterprise_ids).values_list("enterprise_id", flat=True)
    )
    contacts = [
        Contact(
            enterprise_id=enterprise_id,
            name=person.name,
            latin_name=person.latin_name,
            title=person.title,
            languages=list(person.languages),
            email=person.email,
            phone=person.phone,
            data_source=person.data_source,
            consented=person.consented,
            consented_at=ACCOUNTS_JOINED if person.consented else None,
        )
        for enterprise_id, key in sorted(enterprise_ids.items())
        if enterprise_id not in with_contacts
        for person in working.contacts_for(key, specs_by_key[key].country, specs_by_key[key].website)
    ]
    Contact.objects.bulk_create(contacts, batch_size=BATCH_SIZE)
    result.created["contacts"] += len(contacts)
    first_contact: dict[int, int] = {}
    for enterprise_id, contact_id in (
        Contact.objects.filter(enterprise_id__in=enterprise_ids).order_by("pk").values_list("enterprise_id", "pk")
    ):
        first_contact.setdefault(enterprise_id, contact_id)

    officers = officers_by_department()
    heads = dict(
        User.objects.filter(role=Role.DEPARTMENT_HEAD, pk__in=users.values()).values_list("department__code", "pk")
    )
    activities: list[Activity] = []
    for item in new_projects:
        project, title = item.project, item.spec.title_zh
        by_id = project.owner_id or users[officers[item.spec.department][0]]
        for index, step in enumerate(working.activities_for(title, project.stage, item.walk)):
            occurred = histories.moment(anchor, step.days_before_anchor, f"{title}/activity", index)
            follow_up = None
            if step.follow_up_in_days is not None:
                follow_up = anchor.date() + dt.timedelta(days=step.follow_up_in_days)
            activities.append(
                Activity(
                    kind=step.kind,
                    enterprise_id=project.enterprise_id,
                    project=project,
                    occurred_at=min(occurred, anchor),
                    subject=step.subject,
                    next_step=step.next_step,
                    follow_up_on=follow_up,
                    follow_up_owner_id=by_id if follow_up else None,
                    created_by_id=by_id,
                )
            )
    Activity.objects.bulk_create(activities, batch_size=BATCH_SIZE)
    result.created["activities"] += len(activities)
    Activity.participants.through.objects.bulk_create(
        [Activity.participants.through(activity_id=a.pk, user_id=a.created_by_id) for a in activities],
        batch_size=BATCH_SIZE,
    )
    Activity.contacts.through.objects.bulk_create(
        [
            Activity.contacts.through(activity_id=a.pk, contact_id=first_contact[a.enterprise_id])
            for a in activities
            if a.enterprise_id in first_contact
        ],
        batch_size=BATCH_SIZE,
    )

    handovers = []
    for item in new_projects:
        project, title = item.project, item.spec.title_zh
        for index, handed in enumerate(item.circulation):
            requested = histories.moment(anchor, handed.days_before_anchor, f"{title}/handover", index)
            requested = min(requested, anchor - dt.timedelta(hours=1))
            sender = officers[handed.from_department][0]
            receiver_officer = users[officers[handed.to_department][0]]
            deadline = add_working_days(requested, deadline_working_days())
            handover = Handover(
                project=project,
                from_department_id=departments[handed.from_department].pk,
                from_owner_id=users[sender],
                to_department_id=departments[handed.to_department].pk,
                note=handed.note,
                requested_by_id=users[sender],
                requested_at=requested,
                deadline=deadline,
                status=handed.status,
            )
            if handed.status != HandoverStatus.PENDING:
                handover.decided_at = requested + dt.timedelta(days=handed.answered_after_days, hours=3)
                handover.decided_by_id = heads.get(handed.to_department, receiver_officer)
                handover.reason = handed.reason
                if handed.status == HandoverStatus.ACCEPTED:
                    handover.to_owner_id = project.owner_id
            elif deadline < anchor:
                handover.escalated_at = deadline + dt.timedelta(hours=1)
            handovers.append(handover)
    Handover.objects.bulk_create(handovers, batch_size=BATCH_SIZE)
    result.created["hand-overs"] += len(handovers)


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
        _ensure_exchange_rates(result)
        departments = _ensure_organisation(result)
        users = _ensure_accounts(result, departments)
        channels = _ensure_channels(result, channel_specs, users)
        enterprises = _ensure_enterprises(result, enterprise_specs, departments, users, industries)
        countries = {spec.key: spec.country for spec in enterprise_specs}
        new_projects = _ensure_projects(
            result, project_specs, enterprises, channels, departments, users, industries, countries
        )
        _ensure_work(result, new_projects, enterprise_specs, departments, users)
        demo_events.ensure_events(departments, users, result.created)
        demo_indicators.ensure_content(departments, users, result.created)
        demo_portal.ensure_content(departments, users, result.created)
        demo_consulting.ensure_content(departments, users, result.created)
        demo_intake.ensure_content(departments, users, result.created)
        demo_fair.ensure_fair(departments, users, result.created)
        result.created = +result.created  # drop the kinds of which nothing was created
        if result.created:
            audit.record(actor=None, action="demo.loaded", data=dict(result.created))
        # Bulk creation bypasses the domain functions that index one object at a time.
        if result.created or not _index_complete():
            crm_indexing.rebuild_index()
            crm_duplicates.rebuild_name_keys()
            pipeline_indexing.rebuild_index()
    return result


def _index_complete() -> bool:
    models = (Enterprise, Channel, Contact, Project)
    kinds = ContentType.objects.get_for_models(*models).values()
    indexed = SearchEntry.objects.filter(content_type__in=kinds).count()
    expected = sum(model.objects.count() for model in models)
    return indexed == expected
