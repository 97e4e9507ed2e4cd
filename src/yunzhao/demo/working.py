"""The day-to-day work on the demonstration projects: the people met, what was done, who handed what to whom.

Everything here is a pure description derived from a project's title and its stage walk
(``histories.stage_walk``) with a seeded generator, so the demo is the same on every
machine; the loader turns the descriptions into rows, anchored to the day it runs.

- **Contacts** — one or two people at each enterprise with a project, named in their own
  script and in Latin letters, with the languages they speak.
- **Activities** — what moved each project along: a first call before "contacted", a site
  visit, negotiation rounds, the signing, the help with registration and so on, and for
  every project still being worked an open follow-up spread around the load day (some
  overdue, some due today, most in the coming days), so each officer's day has work in it.
- **Hand-overs** — the chain of circulation: projects the promotion departments found and
  handed to the district, the platform company or enterprise services (accepted, so the
  project sits with the receiver now), a few rejected on the way, and a handful waiting for
  an answer today, one of them past its deadline.
"""

from __future__ import annotations

import random
import zlib
from dataclasses import dataclass

from yunzhao.pipeline.models import Stage

from .histories import Move

# --- People ---------------------------------------------------------------------------------

#: (name in own script, name in Latin letters) pools by country; titles in the person's language.
PEOPLE: dict[str, tuple[tuple[tuple[str, str], ...], tuple[str, ...], tuple[str, ...]]] = {
    "JP": (
        (
            ("山田 太郎", "Taro Yamada"), ("佐藤 美咲", "Misaki Sato"), ("鈴木 一郎", "Ichiro Suzuki"),
            ("高橋 健", "Ken Takahashi"), ("田中 由美", "Yumi Tanaka"), ("伊藤 誠", "Makoto Ito"),
            ("渡辺 直樹", "Naoki Watanabe"), ("中村 彩", "Aya Nakamura"), ("小林 大輔", "Daisuke Kobayashi"),
        ),
        ("海外事業部長", "中国事業担当部長", "経営企画室長", "代表取締役社長", "事業開発マネージャー"),
        ("ja", "en"),
    ),
    "KR": (
        (
            ("김민준", "Kim Min-jun"), ("이서연", "Lee Seo-yeon"), ("박지훈", "Park Ji-hoon"),
            ("최수빈", "Choi Su-bin"), ("정우성", "Jung Woo-sung"), ("강하늘", "Kang Ha-neul"),
        ),
        ("해외사업본부장", "중국법인장", "전략기획팀장", "대표이사"),
        ("ko", "en"),
    ),
    "AE": (
        (
            ("أحمد المنصوري", "Ahmed Al Mansoori"), ("فاطمة الهاشمي", "Fatima Al Hashimi"),
            ("خالد الظاهري", "Khalid Al Dhaheri"), ("مريم السويدي", "Maryam Al Suwaidi"),
        ),
        ("مدير الاستثمار", "نائب الرئيس للتطوير", "مدير الشراكات الدولية"),
        ("ar", "en"),
    ),
    "FR": (
        (("Camille Dubois", "Camille Dubois"), ("Julien Lefèvre", "Julien Lefevre"), ("Élodie Moreau", "Elodie Moreau")),
        ("Directrice Asie-Pacifique", "Directeur du développement", "Responsable des partenariats"),
        ("fr", "en"),
    ),
    "BE": (
        (("Pieter Janssens", "Pieter Janssens"), ("Sophie Lambert", "Sophie Lambert")),
        ("Directeur international", "Business Development Manager"),
        ("nl", "fr", "en"),
    ),
    "DE": (
        (("Jürgen Schäfer", "Juergen Schaefer"), ("Anna Müller", "Anna Mueller"), ("Lukas Becker", "Lukas Becker")),
        ("Leiter Asiengeschäft", "Geschäftsführerin", "Head of Business Development"),
        ("de", "en"),
    ),
    "ES": (
        (("Lucía Fernández", "Lucia Fernandez"), ("Javier Martín", "Javier Martin")),
        ("Directora de Expansión Internacional", "Director para Asia"),
        ("es", "en"),
    ),
    "RU": (
        (("Алексей Смирнов", "Aleksei Smirnov"), ("Ольга Иванова", "Olga Ivanova")),
        ("Директор по развитию", "Руководитель азиатского направления"),
        ("ru", "en"),
    ),
    "CN": (
        (
            ("王伟", "Wang Wei"), ("李娜", "Li Na"), ("张磊", "Zhang Lei"), ("刘洋", "Liu Yang"),
            ("陈静", "Chen Jing"), ("杨帆", "Yang Fan"), ("黄志强", "Huang Zhiqiang"), ("周婷", "Zhou Ting"),
        ),
        ("董事长", "总经理", "投资总监", "战略发展部经理", "副总裁"),
        ("zh",),
    ),
    "*": (
        (("Emily Carter", "Emily Carter"), ("Michael Chen", "Michael Chen"), ("Sarah Johnson", "Sarah Johnson"),
         ("David Lim", "David Lim"), ("Erik Lindqvist", "Erik Lindqvist")),
        ("VP, Asia Expansion", "Managing Director, China", "Head of Corporate Development"),
        ("en",),
    ),
}  # fmt: skip
CHINESE_SPEAKING = {"CN", "HK", "TW", "SG"}
DATA_SOURCES = (("card", 40), ("event", 30), ("referral", 15), ("filing", 10), ("public", 5))


@dataclass(frozen=True)
class ContactSpec:
    name: str
    latin_name: str
    title: str
    languages: tuple[str, ...]
    email: str
    phone: str
    data_source: str
    consented: bool


def _rng(*parts: object) -> random.Random:
    return random.Random(zlib.crc32(":".join(str(part) for part in parts).encode()))


def _weighted(rng: random.Random, choices: tuple[tuple[str, int], ...]) -> str:
    values, weights = zip(*choices, strict=True)
    return rng.choices(values, weights)[0]


def contacts_for(enterprise_key: str, country: str, website: str) -> list[ContactSpec]:
    """One or two people at the enterprise ``enterprise_key`` of ``country``."""
    rng = _rng("contacts", enterprise_key)
    pool_key = "CN" if country in CHINESE_SPEAKING else country if country in PEOPLE else "*"
    names, titles, languages = PEOPLE[pool_key]
    domain = website.removeprefix("https://").removeprefix("http://").removeprefix("www.").strip("/")
    people = rng.sample(names, k=1 if rng.random() < 0.55 else 2)
    specs = []
    for index, (name, latin) in enumerate(people):
        local = latin.lower().replace(" ", ".").replace("-", "")
        spoken = languages if pool_key != "CN" or country == "CN" else ("zh", "en")
        if pool_key != "CN" and rng.random() < 0.3:
            spoken = (*spoken, "zh")
        specs.append(
            ContactSpec(
                name=name,
                latin_name="" if name == latin else latin,
                title=titles[(index + rng.randrange(len(titles))) % len(titles)],
                languages=tuple(dict.fromkeys(spoken)),
                email=f"{local}@{domain}" if domain else "",
                phone=f"+{rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}",
                data_source=_weighted(rng, DATA_SOURCES),
                consented=rng.random() < 0.9,
            )
        )
    return specs


# --- Activities -------------------------------------------------------------------------------

#: What was done just before a project reached each stage: (kind, subject, next step).
STEP_ACTIVITY: dict[str, tuple[str, str, str]] = {
    Stage.CONTACTED: ("call", "首次电话沟通，介绍示范区产业政策", "发送示范区投资指南和政策汇编"),
    Stage.SITE_VISIT: ("visit", "陪同考察示范区产业园和可用厂房", "整理考察意见，准备选址方案"),
    Stage.NEGOTIATING: ("onsite", "项目洽谈会：投资规模、用地和扶持政策", "起草合作条款清单"),
    Stage.INTENTION_SIGNED: ("negotiation", "签约意向书条款谈判", "安排签约意向书签署"),
    Stage.CONTRACT_SIGNED: ("negotiation", "投资协议最终谈判并正式签约", "协助办理工商注册"),
    Stage.REGISTERED: ("onsite", "协助办理工商注册和外资备案", "跟进注册资本到位"),
    Stage.CAPITAL_IN_PLACE: ("call", "确认首期注册资本到位", "协调开工手续"),
    Stage.CONSTRUCTION: ("visit", "开工现场服务，协调施工许可", "跟进设备安装进度"),
    Stage.PRODUCTION: ("visit", "投产运营回访，了解用工和物流需求", "季度回访"),
    Stage.ON_HOLD: ("call", "投资方通知项目暂缓", "三个月后回访了解进展"),
    Stage.LOST: ("email", "投资方来函说明不再推进", ""),
}
#: Extra rounds while negotiating, and the open follow-up of a project still being worked.
NEGOTIATION_ROUND = ("negotiation", "第{n}轮商务谈判：租金、税收贡献和就业承诺", "根据谈判结果修改方案")
NEXT_STEP: dict[str, tuple[str, str, str]] = {
    Stage.LEAD: ("email", "收到项目线索，初步了解投资意向", "电话联系对方负责人"),
    Stage.CONTACTED: ("online", "视频会议介绍示范区营商环境", "邀请来示范区实地考察"),
    Stage.SITE_VISIT: ("call", "回访考察感受，了解选址关注点", "提交选址和扶持政策方案"),
    Stage.NEGOTIATING: ("negotiation", "就用地价格和扶持政策继续磋商", "提交修改后的合作方案"),
    Stage.INTENTION_SIGNED: ("onsite", "讨论正式投资协议文本", "法务审核协议文本"),
    Stage.CONTRACT_SIGNED: ("call", "确认注册材料清单", "协助准备注册材料"),
    Stage.REGISTERED: ("call", "了解资本金汇入计划", "跟进资本金到位"),
    Stage.CAPITAL_IN_PLACE: ("onsite", "协调施工图审查和施工许可", "跟进开工准备"),
    Stage.CONSTRUCTION: ("visit", "工地现场协调水电接入", "跟进竣工验收"),
}
#: Where an open follow-up falls, in days from the load day: a few overdue, some today, most ahead.
FOLLOW_UP_OFFSETS = ((-6, 1), (-3, 1), (-1, 1), (0, 3), (1, 3), (2, 3), (4, 3), (7, 2), (12, 2), (20, 1))


@dataclass(frozen=True)
class ActivitySpec:
    kind: str
    subject: str
    next_step: str
    days_before_anchor: int
    follow_up_in_days: int | None = None  # from the load day; None: nothing open


def activities_for(title: str, stage: str, walk: list[Move]) -> list[ActivitySpec]:
    """What was done on the project ``title`` along its ``walk``, oldest first, and what is open now."""
    rng = _rng("activities", title)
    specs = []
    for move in walk[1:]:
        kind, subject, next_step = STEP_ACTIVITY[move.to_stage]
        if move.to_stage == Stage.NEGOTIATING:
            specs.append(ActivitySpec(kind, subject, next_step, move.days_before_anchor + rng.randint(1, 4)))
            continue
        if move.to_stage in {Stage.INTENTION_SIGNED, Stage.CONTRACT_SIGNED} and move.from_stage == Stage.NEGOTIATING:
            for round_number in range(rng.randint(0, 2), 0, -1):
                kind_n, subject_n, next_n = NEGOTIATION_ROUND
                days = move.days_before_anchor + 7 * round_number + rng.randint(1, 5)
                specs.append(ActivitySpec(kind_n, subject_n.format(n=round_number + 1), next_n, days))
        specs.append(ActivitySpec(kind, subject, next_step, move.days_before_anchor + rng.randint(0, 3)))
    if stage in NEXT_STEP:
        kind, subject, next_step = NEXT_STEP[Stage(stage)]
        offset = int(_weighted(rng, tuple((str(days), weight) for days, weight in FOLLOW_UP_OFFSETS)))
        # The conversation that set up the follow-up happened in the current stage, before the
        # follow-up's date and never in the future.
        happened = min(max(0, -offset) + rng.randint(1, 6), walk[-1].days_before_anchor)
        offset = max(offset, -happened)
        specs.append(ActivitySpec(kind, subject, next_step, happened, follow_up_in_days=offset))
    specs.sort(key=lambda spec: -spec.days_before_anchor)
    return specs


# --- Hand-overs -------------------------------------------------------------------------------

#: Departments that find projects, and the receivers they hand landed or landing projects to.
PROMOTION_DEPARTMENTS = ("cjic-ipb-1", "cjic-ipb-2", "cjic-ipb-3")
RECEIVERS = ("cjic-platform", "cjic-esb-services", "daxing")
DISTRICT = "daxing"
HANDOVER_NOTES = {
    "cjic-platform": "项目需要标准厂房和配套服务，请平台公司承接载体对接",
    "cjic-esb-services": "项目已签约，转企业服务局跟进注册落地和后续服务",
    "daxing": "项目选址意向在大兴区，请区里承接落地服务",
    "cjic-ipb-1": "日韩企业项目，请招商一部对接投资方总部",
    "cjic-ipb-2": "欧洲企业项目，请招商二部跟进",
    "cjic-ipb-3": "美资企业项目，请招商三部跟进",
}
REJECT_REASONS = (
    "项目用地需求超出区内可用指标",
    "产业方向与本区规划不符，建议转其他园区",
    "材料不全，请补充投资方资信材料后再转",
)


@dataclass(frozen=True)
class HandoverSpec:
    from_department: str
    to_department: str
    status: str  # accepted, rejected or pending
    days_before_anchor: int
    answered_after_days: int = 0
    note: str = ""
    reason: str = ""


def handovers_for(title: str, stage: str, department: str, origin: str, walk: list[Move]) -> list[HandoverSpec]:
    """The circulation of the project ``title``, planned for ``department`` and found by ``origin``.

    A project with a receiving department came there from the promotion department that found
    it by an accepted hand-over, sometimes after another receiver turned it down.  Some projects
    of the promotion departments wait for an answer today: sent by them to a receiver, or sent
    to them by the district that met the investor first (such a project is still the
    district's: the last spec's ``from_department`` is where it sits).
    """
    rng = _rng("handovers", title)
    specs: list[HandoverSpec] = []
    days_in_stage = walk[-1].days_before_anchor
    started = walk[0].days_before_anchor
    if department in RECEIVERS and origin != department and stage != Stage.LEAD and rng.random() < 0.6:
        # Handed over at some point of its life: at the move into its second or later stage.
        move = walk[rng.randint(1, len(walk) - 1)]
        when = move.days_before_anchor + rng.randint(1, 3)
        if rng.random() < 0.2:
            other = rng.choice([d for d in RECEIVERS if d != department])
            specs.append(
                HandoverSpec(
                    origin,
                    other,
                    "rejected",
                    when + 8,
                    rng.randint(1, 3),
                    HANDOVER_NOTES[other],
                    rng.choice(REJECT_REASONS),
                )
            )
        specs.append(HandoverSpec(origin, department, "accepted", when, rng.randint(0, 2), HANDOVER_NOTES[department]))
    elif (
        department in PROMOTION_DEPARTMENTS
        and stage in {Stage.INTENTION_SIGNED, Stage.CONTRACT_SIGNED, Stage.REGISTERED}
        and rng.random() < 0.25
    ):
        receiver = rng.choice(RECEIVERS)
        # Most were asked for in the last working day or two; now and then one has waited too long.
        waited = 6 if rng.random() < 0.15 else rng.randint(0, 2)
        specs.append(
            HandoverSpec(department, receiver, "pending", min(waited, days_in_stage), note=HANDOVER_NOTES[receiver])
        )
    elif department in PROMOTION_DEPARTMENTS and stage in {Stage.LEAD, Stage.CONTACTED} and rng.random() < 0.12:
        # A district met the investor first and asks the desk for its country to take it on:
        # until the desk answers, the project is the district's.
        waited = min(rng.randint(0, 2), days_in_stage)
        specs.append(HandoverSpec(DISTRICT, department, "pending", waited, note=HANDOVER_NOTES[department]))
    if specs and specs[0].days_before_anchor > started:
        return []  # a hand-over cannot predate the project
    return specs
