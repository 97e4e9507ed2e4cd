from __future__ import annotations

import hashlib
import re
from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.contrib.auth.password_validation import validate_password
from django.core.management import call_command
from django.db import transaction
from django.db.models import Count

from yunzhao.accounts.models import Department, Role, User
from yunzhao.core.models import AuditEntry
from yunzhao.crm.models import Channel, Enterprise, Industry, Ownership
from yunzhao.demo.builder import DEMO_ACCOUNTS, build_channels, build_enterprises, build_projects
from yunzhao.demo.identifiers import is_valid_credit_code
from yunzhao.pipeline.models import Project

FOREIGN_FUNDED = [Ownership.FOREIGN, Ownership.JOINT_VENTURE, Ownership.HMT]
KANA_OR_KABUSHIKI = re.compile(r"[\u3040-\u30ff]|株式会社")


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demonstration data, loaded once for this module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        output = StringIO()
        call_command("load_demo", stdout=output)
        yield output.getvalue()
        transaction.set_rollback(True)


def _fingerprint() -> dict[str, object]:
    """Row counts of every table the demo writes, and a checksum of the values that matter."""
    digest = hashlib.sha256()
    for row in Enterprise.objects.order_by("credit_code", "country", "registration_number").values_list(
        "credit_code", "registration_number", "name_zh_hans", "name_en", "name_ja", "ownership", "registered_in_zone_on"
    ):
        digest.update(repr(row).encode())
    for row in Project.objects.order_by("title_zh_hans").values_list(
        "title_zh_hans", "title_en", "stage", "is_key", "key_level", "planned_investment", "currency", "owner__email"
    ):
        digest.update(repr(row).encode())
    for row in Channel.objects.order_by("name_en").values_list(
        "name_en", "name_zh_hans", "agreement_date", "keeper__email"
    ):
        digest.update(repr(row).encode())
    for row in User.objects.order_by("email").values_list("email", "password", "role", "department__code"):
        digest.update(repr(row).encode())
    return {
        "counts": [
            model.objects.count() for model in (Industry, Department, User, Enterprise, Channel, Project, AuditEntry)
        ],
        "checksum": digest.hexdigest(),
    }


@pytest.mark.django_db
def test_load_demo_creates_the_seeds_figures(demo):
    in_zone = Enterprise.objects.filter(registered_in_zone_on__isnull=False)

    assert in_zone.count() == 2000
    assert in_zone.filter(ownership__in=FOREIGN_FUNDED).count() == 72
    assert Project.objects.filter(is_key=True).count() == 279
    assert Channel.objects.count() == 67
    assert "2,000 (72 foreign-funded)" in demo


@pytest.mark.django_db
def test_load_demo_names_the_seeds_enterprises_and_channels(demo):
    softasia = Enterprise.objects.get(name_en="SoftAsia Xinchuang (Beijing) Investment Co., Ltd.")
    enli = Enterprise.objects.get(name_zh_hans="恩力动力（北京）科技有限公司")

    assert (softasia.name_zh_hans, softasia.country, softasia.ownership) == (
        "软亚新创（北京）投资有限公司",
        "JP",
        "foreign",
    )
    assert (enli.country, enli.ownership, enli.industry.code) == ("JP", "jv", "38")
    assert Channel.objects.get(name_zh_hans="海峡之星").name_en == "Straits Star"
    assert Channel.objects.filter(country="FR").count() == 6


@pytest.mark.django_db
def test_load_demo_creates_one_working_account_per_demo_account(demo):
    for account in DEMO_ACCOUNTS:
        user = authenticate(None, username=account.email, password=account.password)

        assert user is not None, account.email
        assert (user.is_active, user.role) == (True, account.role)
        assert (user.department.code if user.department else None) == account.department
        validate_password(account.password, user)
    assert {account.role for account in DEMO_ACCOUNTS} == set(Role.values)
    assert User.objects.filter(email__endswith="@yunzhao.example").count() == len(DEMO_ACCOUNTS)
    admin = User.objects.get(email="admin@yunzhao.example")
    assert (admin.is_staff, admin.is_superuser) == (True, True)
    investor = User.objects.get(email="investor@yunzhao.example")
    assert (investor.country, investor.preferred_language) == ("JP", "ja")


@pytest.mark.django_db
def test_load_demo_gives_domestic_enterprises_valid_unique_credit_codes(demo):
    codes = list(Enterprise.objects.filter(country="CN").values_list("credit_code", flat=True))

    assert len(codes) == 2000 - 72
    assert len(set(codes)) == len(codes)
    assert [code for code in codes if not is_valid_credit_code(code)] == []
    assert Enterprise.objects.exclude(country="CN").filter(registration_number="").count() == 0


@pytest.mark.django_db
def test_load_demo_names_japanese_enterprises_in_japanese(demo):
    japanese = Enterprise.objects.filter(country="JP")
    seeds = {"軟亜新創（北京）投資有限公司", "恩力動力（北京）科技有限公司"}  # Japanese kanji of the seeds' names

    assert japanese.filter(registered_in_zone_on__isnull=False).count() == 30
    for enterprise in japanese:
        assert enterprise.name_ja, enterprise.name_en
        assert enterprise.name_en
        assert enterprise.name_ja != enterprise.name_zh_hans
        assert enterprise.name_ja in seeds or KANA_OR_KABUSHIKI.search(enterprise.name_ja), enterprise.name_ja
    assert not Enterprise.objects.filter(country="KR").exclude(name_ko__regex=r"[가-힣]").exists()


@pytest.mark.django_db
def test_load_demo_spreads_projects_over_the_lifecycle(demo):
    stages = dict(Project.objects.order_by().values_list("stage").annotate(n=Count("pk")).values_list("stage", "n"))

    assert stages["lead"] > stages["negotiating"] > stages["contract"] > stages["production"] > 0
    assert sum(stages.values()) == 700
    channelled = Project.objects.filter(source="channel")
    assert channelled.exists()
    assert not channelled.filter(channel__isnull=True).exists()
    assert not Project.objects.exclude(source="channel").filter(channel__isnull=False).exists()
    assert not Project.objects.filter(is_key=True, key_level="").exists()
    assert set(Project.objects.values_list("currency", flat=True)) == {"CNY", "JPY", "USD", "EUR"}
    mismatched = [p.title for p in Project.objects.select_related("owner") if p.owner.department_id != p.department_id]
    assert mismatched == []


@pytest.mark.django_db
def test_load_demo_twice_changes_nothing(demo):
    before = _fingerprint()
    output = StringIO()

    call_command("load_demo", stdout=output)

    assert _fingerprint() == before
    assert "nothing changed" in output.getvalue()


def test_demo_generation_is_deterministic():
    enterprises = build_enterprises()
    channels = build_channels()

    assert build_enterprises() == enterprises
    assert build_channels() == channels
    assert build_projects(build_enterprises(), build_channels()) == build_projects(enterprises, channels)


def test_demo_data_is_searchable_in_several_languages(demo):
    from yunzhao.core import search
    from yunzhao.crm.models import Enterprise

    japanese = Enterprise.objects.filter(country="JP").exclude(name_ja="").order_by("pk").first()
    hits = search.filter_queryset(Enterprise.objects.all(), japanese.name_ja)
    assert japanese in hits
    assert [e.name_en for e in search.filter_queryset(Enterprise.objects.all(), "恩力")] == [
        "Enli Power (Beijing) Technology Co., Ltd."
    ]
    assert [e.name_zh_hans for e in search.filter_queryset(Enterprise.objects.all(), "softasia")] == [
        "软亚新创（北京）投资有限公司"
    ]


def test_every_demo_account_signs_in_and_only_staff_reach_the_back_office(demo, client):
    from yunzhao.demo.builder import DEMO_ACCOUNTS

    for account in DEMO_ACCOUNTS:
        client.logout()
        assert client.login(username=account.email, password=account.password), account.email
        expected = 403 if str(account.role) in {"investor", "exhibitor"} else 200
        assert client.get("/zh-hans/office/").status_code == expected, account.email


def test_every_demo_project_has_a_history_ending_at_its_stage(demo):
    from django.db.models import Max

    from yunzhao.pipeline.models import StageChange

    last_moves = dict(
        StageChange.objects.values("project").annotate(last=Max("effective_at")).values_list("project", "last")
    )
    projects = list(Project.objects.only("pk", "stage", "stage_entered_at"))
    assert len(last_moves) == len(projects) == 700
    assert all(last_moves[p.pk] == p.stage_entered_at for p in projects)
    finals = {
        c.project_id: c.to_stage
        for c in StageChange.objects.order_by("project", "effective_at", "id").only("project", "to_stage")
    }
    assert all(finals[p.pk] == p.stage for p in projects)
    assert not StageChange.objects.filter(to_stage__in=["on_hold", "lost"], reason="").exists()


@pytest.mark.django_db
def test_load_demo_holds_the_seeds_events_with_their_figures(demo):
    from yunzhao.events import registrations
    from yunzhao.events.models import Event, EventKind, ItemKind

    titles = dict(Event.objects.values_list("title_en", "kind"))
    assert titles["Beijing economic and trade mission to Belgium and the UAE"] == EventKind.MISSION
    assert titles["The 17th Beijing–Tokyo Forum"] == EventKind.FORUM
    assert sum(1 for kind in titles.values() if kind == EventKind.DELEGATION) == 2
    mission = Event.objects.get(kind=EventKind.MISSION)
    assert {item.country for item in mission.items.all()} == {"BE", "AE"}
    ceremony = Event.objects.get(kind=EventKind.SIGNING)
    assert ceremony.items.filter(kind=ItemKind.SIGNING).count() == 40
    online = Event.objects.get(kind=EventKind.ONLINE)
    assert registrations.counts(online).registered == 1400
    assert (online.peak_viewers, online.total_views) == (4068, 53227)
    assert Event.objects.filter(registration_open=True, ends_at__gt=online.ends_at).count() >= 2


@pytest.mark.django_db
def test_load_demo_holds_an_online_fair_with_a_published_schedule(demo):
    from yunzhao.core import search
    from yunzhao.matchmaking.models import Booth, Fair, Meeting, MeetingStatus, Participant, Product

    fair = Fair.objects.get(slug="china-japan-online-fair-2026")
    assert fair.halls.count() == 3
    assert Booth.objects.filter(fair=fair).count() == 120
    assert Booth.objects.filter(fair=fair, is_zone_booth=True).count() == 1
    assert Participant.objects.filter(fair=fair).exclude(role="exhibitor").count() == 600
    assert Product.objects.filter(booth__fair=fair).count() == 238
    statuses = dict(fair.requests.values_list("status").annotate(n=Count("pk")))
    assert set(statuses) == {"accepted", "declined", "pending", "expired"}
    meetings = Meeting.objects.filter(fair=fair)
    assert meetings.count() > 1000
    assert not meetings.exclude(status=MeetingStatus.PUBLISHED).exists()
    assert fair.schedule_published_at is not None
    run = fair.schedule_runs.get()
    assert run.placed == meetings.count()
    assert run.published_at is not None
    # Nobody is in two meetings in one slot, and no table holds two meetings at once.
    seen: set[tuple[int, int]] = set()
    for slot_id, sender_id, recipient_id in meetings.values_list("slot", "request__sender", "request__recipient"):
        for person in (sender_id, recipient_id):
            assert (slot_id, person) not in seen
            seen.add((slot_id, person))
    assert not meetings.values("slot", "table").annotate(n=Count("pk")).filter(table__isnull=False, n__gt=1).exists()
    # The demo exhibitor account runs a Korean booth; the demo investor has a profile.
    assert Booth.objects.get(accounts__email="exhibitor@yunzhao.example").country == "KR"
    assert Participant.objects.filter(fair=fair, user__email="investor@yunzhao.example").exists()
    # Booths are found in Japanese.
    assert search.search("蓄電", models=[Booth, Product])
