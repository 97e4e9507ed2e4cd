"""The data set and the timed requests behind ``bench_pipeline``; runs in its own process per database.

``python bench/pipeline_probe.py generate`` fills the database named by ``DATABASE_URL`` with
the demo zone plus generated work up to 100,000 enterprises, 50,000 projects and 1,000,000
activities (once: a marker in the audit log says the set is complete);
``python bench/pipeline_probe.py measure`` then times the project list, the board and
search through Django's test client — server time, templates included, no network — and
prints one JSON object of p95 milliseconds.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "yunzhao.config.settings")
os.environ.setdefault("ALLOWED_HOSTS", "*")

ENTERPRISES = 100_000
PROJECTS = 50_000
ACTIVITIES = 1_000_000
DATASET_VERSION = 1
MARKER = "bench.dataset.generated"
BATCH = 5_000
REQUESTS = 60
WARM_UP = 5

SYLLABLES = [
    "华",
    "中",
    "科",
    "创",
    "新",
    "达",
    "信",
    "通",
    "博",
    "瑞",
    "康",
    "泰",
    "源",
    "丰",
    "汇",
    "东",
    "方",
    "星",
    "海",
    "宏",
    "远",
    "智",
    "联",
    "恒",
    "嘉",
    "安",
    "盛",
    "德",
    "凯",
    "腾",
    "鸿",
    "明",
    "光",
    "耀",
    "宇",
    "航",
    "北",
    "京",
    "天",
    "成",
]
PINYIN = dict(
    zip(
        SYLLABLES,
        [
            "hua",
            "zhong",
            "ke",
            "chuang",
            "xin",
            "da",
            "xin",
            "tong",
            "bo",
            "rui",
            "kang",
            "tai",
            "yuan",
            "feng",
            "hui",
            "dong",
            "fang",
            "xing",
            "hai",
            "hong",
            "yuan",
            "zhi",
            "lian",
            "heng",
            "jia",
            "an",
            "sheng",
            "de",
            "kai",
            "teng",
            "hong",
            "ming",
            "guang",
            "yao",
            "yu",
            "hang",
            "bei",
            "jing",
            "tian",
            "cheng",
        ],
        strict=True,
    )
)
TRADES = [
    ("新能源科技", "New Energy Technology", "新エネルギー技術"),
    ("医药", "Pharmaceuticals", "製薬"),
    ("智能制造", "Intelligent Manufacturing", "スマート製造"),
    ("信息技术", "Information Technology", "情報技術"),
    ("投资管理", "Investment Management", "投資管理"),
    ("文化传媒", "Culture and Media", "文化メディア"),
    ("机器人", "Robotics", "ロボティクス"),
    ("半导体", "Semiconductors", "半導体"),
]
PRODUCTS = ["研发中心", "生产基地", "区域总部", "创新中心", "智能工厂", "物流中心", "实验室", "数据中心"]
CURRENCIES = [("CNY", 70), ("USD", 12), ("JPY", 10), ("EUR", 6), ("KRW", 2)]
KINDS = ["call", "email", "online", "onsite", "visit", "negotiation"]


def _setup() -> None:
    import django

    django.setup()


def _is_complete() -> bool:
    from yunzhao.core.models import AuditEntry

    return AuditEntry.objects.filter(action=MARKER, data__version=DATASET_VERSION).exists()


def generate() -> dict[str, float]:
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)  # pages are measured as in production
    if _is_complete():
        _analyze()
        return {"generated_s": 0.0}
    started = time.perf_counter()
    from django.db import transaction

    from yunzhao.accounts.models import INTERNAL_ROLES, User
    from yunzhao.core import audit, search
    from yunzhao.crm.indexing import enterprise_texts
    from yunzhao.crm.models import Activity, Enterprise, Industry, Ownership
    from yunzhao.demo.loader import load_demo
    from yunzhao.pipeline.indexing import project_texts
    from yunzhao.pipeline.models import MAIN_LINE, Handover, Project, Stage

    load_demo()
    rng = random.Random(20261124)
    staff = list(
        User.objects.filter(role__in=INTERNAL_ROLES, department__isnull=False).values_list("pk", "department_id")
    )
    divisions = list(Industry.objects.filter(parent__isnull=False).values_list("pk", flat=True))
    now = dt.datetime.now(dt.UTC)

    with transaction.atomic():
        missing = ENTERPRISES - Enterprise.objects.count()
        batch: list[Enterprise] = []
        for n in range(missing):
            syllables = rng.sample(SYLLABLES, 3)
            zh_trade, en_trade, ja_trade = rng.choice(TRADES)
            brand_zh = "".join(syllables)
            brand_en = "".join(PINYIN[s] for s in syllables).capitalize()
            owner, department = rng.choice(staff)
            foreign = rng.random() < 0.2
            batch.append(
                Enterprise(
                    name_zh_hans=f"{brand_zh}{zh_trade}有限公司",
                    name_en=f"{brand_en} {en_trade} Co., Ltd.",
                    name_ja=f"{brand_zh}{ja_trade}株式会社" if foreign else "",
                    registration_number=f"BENCH-{n:07d}",
                    country=rng.choice(["JP", "KR", "DE", "US", "FR"]) if foreign else "CN",
                    industry_id=rng.choice(divisions),
                    ownership=Ownership.FOREIGN if foreign else Ownership.PRIVATE,
                    department_id=department,
                    owner_id=owner,
                )
            )
            if len(batch) >= BATCH:
                Enterprise.objects.bulk_create(batch)
                batch = []
        Enterprise.objects.bulk_create(batch)

        enterprise_ids = list(Enterprise.objects.values_list("pk", "industry_id"))
        stages = [*MAIN_LINE, Stage.ON_HOLD, Stage.LOST]
        weights = [150, 110, 80, 70, 55, 45, 50, 35, 30, 25, 25, 25]
        currencies, currency_weights = zip(*CURRENCIES, strict=True)
        missing = PROJECTS - Project.objects.count()
        projects: list[Project] = []
        for n in range(missing):
            enterprise, industry = rng.choice(enterprise_ids)
            owner, department = rng.choice(staff)
            stage = rng.choices(stages, weights)[0]
            projects.append(
                Project(
                    title_zh_hans=f"{rng.choice(SYLLABLES)}{rng.choice(SYLLABLES)}{rng.choice(PRODUCTS)}项目 {n}",
                    title_en=f"Project {n}",
                    enterprise_id=enterprise,
                    industry_id=industry,
                    stage=stage,
                    stage_before_hold=Stage.NEGOTIATING if stage == Stage.ON_HOLD else "",
                    closing_reason="bench" if stage in {Stage.ON_HOLD, Stage.LOST} else "",
                    stage_entered_at=now - dt.timedelta(days=rng.randint(0, 700)),
                    planned_investment=Decimal(rng.randint(1, 5000)) * Decimal(1_000_000),
                    currency=rng.choices(currencies, currency_weights)[0],
                    is_key=rng.random() < 0.1,
                    department_id=department,
                    owner_id=owner,
                )
            )
            if len(projects) >= BATCH:
                Project.objects.bulk_create(projects)
                projects = []
        Project.objects.bulk_create(projects)

        project_ids = list(Project.objects.values_list("pk", "enterprise_id", "owner_id"))
        missing = ACTIVITIES - Activity.objects.count()
        activities: list[Activity] = []
        today = now.date()
        for _ in range(missing):
            project, enterprise, owner = rng.choice(project_ids)
            owner = owner or staff[0][0]
            open_follow_up = rng.random() < 0.03
            activities.append(
                Activity(
                    kind=rng.choice(KINDS),
                    enterprise_id=enterprise,
                    project_id=project,
                    occurred_at=now - dt.timedelta(minutes=rng.randint(60, 700 * 24 * 60)),
                    subject="电话沟通",
                    follow_up_on=today + dt.timedelta(days=rng.randint(-10, 20)) if open_follow_up else None,
                    follow_up_owner_id=owner if open_follow_up else None,
                    created_by_id=owner,
                )
            )
            if len(activities) >= BATCH:
                Activity.objects.bulk_create(activities)
                activities = []
        Activity.objects.bulk_create(activities)

        busy = set(Handover.objects.filter(status="pending").values_list("project_id", flat=True))
        departments = sorted({department for _, department in staff})
        handovers = []
        for project, _enterprise, owner in rng.sample(project_ids, PROJECTS // 100):
            if project in busy:
                continue
            from_department = dict(staff).get(owner or 0, departments[0])
            to_department = rng.choice([d for d in departments if d != from_department])
            requested = now - dt.timedelta(days=rng.randint(0, 6))
            handovers.append(
                Handover(
                    project_id=project,
                    from_department_id=from_department,
                    to_department_id=to_department,
                    requested_by_id=owner or staff[0][0],
                    requested_at=requested,
                    deadline=requested + dt.timedelta(days=3),
                )
            )
        Handover.objects.bulk_create(handovers)

        search.rebuild_model_index(
            Enterprise,
            ((e.pk, enterprise_texts(e)) for e in Enterprise.objects.order_by("pk").iterator(chunk_size=2000)),
            batch_size=2000,
        )
        search.rebuild_model_index(
            Project,
            ((p.pk, project_texts(p)) for p in Project.objects.order_by("pk").iterator(chunk_size=2000)),
            batch_size=2000,
        )
        audit.record(actor=None, action=MARKER, data={"version": DATASET_VERSION})
    _analyze()
    return {"generated_s": round(time.perf_counter() - started, 1)}


def _analyze() -> None:
    """Refresh PostgreSQL's statistics and visibility map after the bulk load, as autovacuum would
    shortly and an operator does after an import; without them the planner guesses a few rows for
    tables of millions and cannot answer from an index alone."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


def _p95(samples: list[float]) -> float:
    return round(statistics.quantiles(samples, n=20, method="inclusive")[18], 1)


def _time(client: object, urls: list[str]) -> tuple[float, list[str]]:
    problems: list[str] = []
    for url in urls[:WARM_UP]:
        client.get(url, secure=True)  # type: ignore[attr-defined]
    samples = []
    for index in range(REQUESTS):
        url = urls[index % len(urls)]
        started = time.perf_counter()
        response = client.get(url, secure=True)  # type: ignore[attr-defined]
        samples.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            problems.append(f"{url}: {response.status_code}")
    return _p95(samples), sorted(set(problems))


def measure() -> dict[str, object]:
    from django.test import Client

    from yunzhao.accounts.models import User

    if not _is_complete():
        raise SystemExit("the data set is missing: run `generate` first")
    from yunzhao.core.warmup import warm_up

    warm_up()  # as the WSGI entry point does before serving
    leader = User.objects.get(email="leader@yunzhao.example")
    officer = User.objects.get(email="officer@yunzhao.example")
    clients = []
    for user in (leader, officer):
        client = Client()
        client.force_login(user)
        clients.append(client)
    base = "/zh-hans/office/projects/"
    list_urls = [
        base,
        f"{base}?stage=negotiating",
        f"{base}?key=1&sort=-amount",
        f"{base}?q=%E7%A0%94%E5%8F%91",  # 研发
        f"{base}?amount_min=100000000&amount_max=2000000000",
        f"{base}?overdue=1",
        f"{base}?page=5",
        f"{base}?country=JP&stage=lead",
    ]
    board_urls = [f"{base}board/", f"{base}board/?key=1", f"{base}board/?q=%E4%B8%AD%E5%BF%83"]
    search_urls = [
        "/zh-hans/office/search/?q=" + q
        for q in (
            "%E6%8A%95%E8%B5%84",
            "%E6%96%B0%E8%83%BD%E6%BA%90",
            "%E6%A0%AA%E5%BC%8F%E4%BC%9A%E7%A4%BE",
            "huazhong",
            "robotics",
        )
    ]
    results: dict[str, object] = {}
    problems: list[str] = []
    for name, urls in (("project_list", list_urls), ("board", board_urls), ("search", search_urls)):
        timings = []
        for client in clients:
            p95, issues = _time(client, urls)
            timings.append(p95)
            problems += issues
        results[name] = max(timings)  # the slower of the leader (sees all) and an officer
    results["problems"] = problems
    return results


if __name__ == "__main__":
    _setup()
    command = sys.argv[1] if len(sys.argv) > 1 else "measure"
    print(json.dumps(generate() if command == "generate" else measure(), ensure_ascii=False))
