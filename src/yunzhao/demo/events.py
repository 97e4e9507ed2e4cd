"""The seeds' events in the demonstration zone: the mission to Belgium and the UAE, the Japanese
and Korean delegations, the 17th Beijing–Tokyo Forum, CIFTIS 2023 with the Shijingshan forum
and its signing ceremony of 40 enterprises, the online exhibition-industry conference with its
counts (1,400 registered, 4,068 watching live, 53,227 views) — and one forum ahead, open for
registration, so the registration pages have something to show.
"""

from __future__ import annotations

import datetime as dt
import random
import secrets
from collections import Counter
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.utils import timezone

from yunzhao.accounts.models import Department
from yunzhao.events.models import (
    Event,
    EventKind,
    EventStatus,
    ItemKind,
    Member,
    MemberRole,
    Outcome,
    OutcomeKind,
    ProgrammeItem,
    Question,
    QuestionKind,
    Registration,
    RegistrationStatus,
)
from yunzhao.pipeline.models import Project

BEIJING = ZoneInfo("Asia/Shanghai")


def _at(year: int, month: int, day: int, hour: int = 9, minute: int = 0, tz: ZoneInfo = BEIJING) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=tz)


@dataclass
class ItemSpec:
    kind: str
    title_zh: str
    title_en: str
    starts_at: dt.datetime
    city: str = ""
    country: str = ""
    place: str = ""
    counterpart: str = ""
    speakers: str = ""
    outcome: str = ""


@dataclass
class EventSpec:
    key: str  # the English title, which finds it again
    kind: str
    title_zh: str
    title_ja: str
    title_ar: str
    summary_zh: str
    summary_en: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    department: str
    owner: str
    city: str = ""
    country: str = ""
    venue_zh: str = ""
    venue_en: str = ""
    fair: str = ""
    booth: str = ""
    is_online: bool = False
    video_url: str = ""
    press_release_zh: str = ""
    registration_open: bool = False
    capacity: int | None = None
    registrations: int = 0
    total_views: int = 0
    peak_viewers: int = 0
    items: list[ItemSpec] = field(default_factory=list)
    members: list[tuple[str, str, str, str]] = field(default_factory=list)  # role, name, title, organisation
    questions: list[tuple[str, str]] = field(default_factory=list)  # zh, en
    signed_outcomes: int = 0


# The 40 partners of the Shijingshan signing ceremony (CIFTIS 2023), in the order they signed.
CEREMONY_PARTNERS = [
    "首钢基金",
    "北京银行石景山支行",
    "亚洲数字集团",
    "Populous",
    "中关村科幻产业创新中心",
    "国家体育总局冬季运动管理中心",
    "京西文化旅游集团",
    "北京冬奥文化发展公司",
    "腾讯云计算（北京）",
    "百度智能云",
    "中国移动北京公司",
    "中国联通北京分公司",
    "华为技术有限公司",
    "京东科技",
    "小米科技",
    "网易游戏",
    "完美世界",
    "爱奇艺",
    "字节跳动",
    "快手科技",
    "蔚来汽车",
    "理想汽车",
    "宁德时代",
    "国家电投",
    "中国建筑一局",
    "北京城建集团",
    "首创集团",
    "北控集团",
    "德勤中国",
    "普华永道中国",
    "毕马威中国",
    "安永中国",
    "渣打银行（中国）",
    "汇丰银行（中国）",
    "三菱日联银行（中国）",
    "瑞穗银行（中国）",
    "现代汽车（中国）投资",
    "乐天（中国）投资",
    "SK中国",
    "ADNRS 新丝路发展协会",
]


def specs(today: dt.date) -> list[EventSpec]:
    ahead = dt.datetime.combine(today + dt.timedelta(days=40), dt.time(9, 0), tzinfo=BEIJING)
    korean_visit = dt.datetime.combine(today + dt.timedelta(days=18), dt.time(10, 0), tzinfo=BEIJING)
    return [
        EventSpec(
            key="Beijing economic and trade mission to Belgium and the UAE",
            kind=EventKind.MISSION,
            title_zh="北京经贸代表团赴比利时、阿联酋出访",
            title_ja="北京経済貿易代表団 ベルギー・UAE訪問",
            title_ar="بعثة بكين الاقتصادية والتجارية إلى بلجيكا والإمارات",
            summary_zh="北京市贸促会组织的首个出境经贸展览团，帮助外贸企业开拓国际市场并吸引外资来京投资。",
            summary_en="Beijing's first overseas economic and trade group since the pandemic: exhibitions, "
            "meetings with investment agencies and companies, and investors invited to Beijing.",
            starts_at=_at(2023, 3, 12, 8),
            ends_at=_at(2023, 3, 21, 20),
            department="cjic-ipb-2",
            owner="wu.jing@yunzhao.example",
            city="Brussels",
            country="BE",
            items=[
                ItemSpec(
                    ItemKind.TRAVEL, "北京—布鲁塞尔", "Beijing to Brussels", _at(2023, 3, 12, 8), "Brussels", "BE"
                ),
                ItemSpec(
                    ItemKind.MEETING,
                    "与比利时外国投资局会谈",
                    "Talks with the Belgian foreign investment agency",
                    _at(2023, 3, 13, 10),
                    "Brussels",
                    "BE",
                    counterpart="hub.brussels",
                    outcome="两家比利时企业同意年内来访示范区",
                ),
                ItemSpec(
                    ItemKind.SESSION,
                    "中比经贸对接会",
                    "China–Belgium business matchmaking",
                    _at(2023, 3, 14, 14),
                    "Antwerp",
                    "BE",
                    place="Antwerp Expo",
                    outcome="签署合作意向 3 项",
                ),
                ItemSpec(ItemKind.TRAVEL, "布鲁塞尔—迪拜", "Brussels to Dubai", _at(2023, 3, 16, 9), "Dubai", "AE"),
                ItemSpec(
                    ItemKind.MEETING,
                    "拜会迪拜工商会",
                    "Call on the Dubai Chamber of Commerce",
                    _at(2023, 3, 17, 10),
                    "Dubai",
                    "AE",
                    counterpart="Dubai Chambers",
                    outcome="建立常态化联络机制",
                ),
                ItemSpec(
                    ItemKind.MEETING,
                    "与阿布扎比投资办公室洽谈",
                    "Talks with the Abu Dhabi Investment Office",
                    _at(2023, 3, 19, 11),
                    "Abu Dhabi",
                    "AE",
                    counterpart="ADIO",
                    outcome="储能项目进入洽谈阶段",
                ),
            ],
            members=[
                (MemberRole.LEADER, "张秀峰", "副会长", "北京市贸促会"),
                (MemberRole.MEMBER, "吴静", "招商专员", "中日示范区投促局"),
                (MemberRole.MEMBER, "何琳", "招商专员（阿拉伯语）", "中日示范区投促局"),
                (MemberRole.MEMBER, "李强", "海外市场总监", "北京亦庄储能科技有限公司"),
            ],
            signed_outcomes=2,
        ),
        EventSpec(
            key="Japanese economic and trade delegation visits the zone",
            kind=EventKind.DELEGATION,
            title_zh="日本经贸代表团来访示范区",
            title_ja="日本経済貿易代表団 モデル区視察",
            title_ar="زيارة وفد اقتصادي وتجاري ياباني إلى المنطقة",
            summary_zh="四月来访的七八批日本代表团之一，涉及金融、智能制造、医药健康和数字经济。",
            summary_en="One of seven or eight Japanese delegations in April: finance, intelligent manufacturing, "
            "medicine and health, digital economy. Seeing is believing.",
            starts_at=_at(2023, 4, 18, 9),
            ends_at=_at(2023, 4, 18, 17),
            department="cjic-ipb-1",
            owner="zhao.min@yunzhao.example",
            city="北京",
            country="CN",
            venue_zh="中日创新合作示范区",
            venue_en="China–Japan Innovation and Cooperation Demonstration Zone",
            items=[
                ItemSpec(
                    ItemKind.SITE_VISIT,
                    "参观恩力动力固态电池研发中心",
                    "Visit Enli Power's solid-state battery centre",
                    _at(2023, 4, 18, 9, 30),
                    "北京",
                    "CN",
                ),
                ItemSpec(
                    ItemKind.MEETING,
                    "示范区政策推介",
                    "The zone's policies presented",
                    _at(2023, 4, 18, 11),
                    "北京",
                    "CN",
                    speakers="张磊，示范区平台公司副总经理",
                ),
                ItemSpec(
                    ItemKind.SITE_VISIT,
                    "考察国际人才社区与产业用地",
                    "Talent community and industrial land",
                    _at(2023, 4, 18, 14),
                    "北京",
                    "CN",
                    outcome="两家企业提出实地复勘",
                ),
            ],
            members=[
                (MemberRole.LEADER, "山田 太郎", "団長", "日本経済団体連合会"),
                (MemberRole.VISITOR, "佐藤 健一", "海外事業部長", "株式会社ミライテクノロジーズ"),
                (MemberRole.VISITOR, "鈴木 花子", "投資企画部", "三菱UFJ銀行"),
                (MemberRole.HOST, "张磊", "副总经理", "示范区平台公司"),
                (MemberRole.HOST, "赵敏", "招商专员（日语）", "中日示范区投促局"),
            ],
            signed_outcomes=1,
        ),
        EventSpec(
            key="Korean business delegation: on-site research in the zone",
            kind=EventKind.DELEGATION,
            title_zh="韩国企业代表团来示范区实地调研",
            title_ja="韓国企業代表団 モデル区現地調査",
            title_ar="وفد الشركات الكورية: بحث ميداني في المنطقة",
            summary_zh="韩国企业期待已久的实地调研：新能源汽车零部件、机器人和生物医药。",
            summary_en="The on-site research Korean companies asked for: vehicle parts, robotics and bio-medicine.",
            starts_at=korean_visit,
            ends_at=korean_visit + dt.timedelta(hours=7),
            department="cjic-ipb-1",
            owner="han.yu@yunzhao.example",
            city="北京",
            country="CN",
            venue_zh="中日创新合作示范区",
            venue_en="China–Japan Innovation and Cooperation Demonstration Zone",
            registration_open=True,
            capacity=30,
            registrations=12,
            items=[
                ItemSpec(
                    ItemKind.SITE_VISIT,
                    "参观智能制造产业园",
                    "Visit the intelligent-manufacturing park",
                    korean_visit,
                    "北京",
                    "CN",
                ),
                ItemSpec(
                    ItemKind.MEETING,
                    "一对一项目洽谈",
                    "One-to-one project talks",
                    korean_visit + dt.timedelta(hours=3),
                    "北京",
                    "CN",
                ),
            ],
            members=[(MemberRole.HOST, "韩宇", "招商专员（韩语）", "中日示范区投促局")],
        ),
        EventSpec(
            key="The 17th Beijing–Tokyo Forum",
            kind=EventKind.FORUM,
            title_zh="第十七届北京—东京论坛",
            title_ja="第17回東京－北京フォーラム",
            title_ar="منتدى بكين–طوكيو السابع عشر",
            summary_zh="中日关系与变局下的国际合作重塑，北京、东京线上线下同步举行；示范区作为国际合作示范区代表参会并设展。",
            summary_en="China–Japan relations and reshaping international cooperation, held in Beijing and Tokyo, "
            "online and on site; the zone attended for the international cooperation zones and showed its work.",
            starts_at=_at(2021, 10, 25, 9),
            ends_at=_at(2021, 10, 26, 18),
            department="cjic-ipb-1",
            owner="head@yunzhao.example",
            city="北京",
            country="CN",
            is_online=True,
            items=[
                ItemSpec(
                    ItemKind.SESSION,
                    "开幕式",
                    "Opening ceremony",
                    _at(2021, 10, 25, 9),
                    "北京",
                    "CN",
                    speakers="王毅，国务委员兼外交部长（视频致辞）\n茂木敏充，日本外务大臣（视频致辞）",
                ),
                ItemSpec(
                    ItemKind.SESSION,
                    "经济分论坛：后疫情时代的中日产业合作",
                    "Economic session: industrial cooperation",
                    _at(2021, 10, 25, 14),
                    "北京",
                    "CN",
                    speakers="高年东，示范区管委会主任",
                ),
                ItemSpec(
                    ItemKind.SESSION,
                    "示范区成果展",
                    "The zone's exhibition",
                    _at(2021, 10, 26, 9),
                    "北京",
                    "CN",
                    outcome="楼继伟等嘉宾参观并交流产业融合、政策创新与营商环境",
                ),
            ],
            members=[(MemberRole.SPEAKER, "高年东", "示范区管委会主任", "中日创新合作示范区")],
            signed_outcomes=1,
        ),
        EventSpec(
            key="CIFTIS 2023: the zone's booth",
            kind=EventKind.EXHIBITION,
            title_zh="2023年服贸会示范区展位",
            title_ja="2023年サービス貿易交易会 モデル区ブース",
            title_ar="جناح المنطقة في معرض CIFTIS 2023",
            summary_zh="中国国际服务贸易交易会首钢园展区，示范区展位接待与线索收集。",
            summary_en="The China International Fair for Trade in Services at Shougang Park: the zone's booth and its leads.",
            starts_at=_at(2023, 9, 2, 9),
            ends_at=_at(2023, 9, 6, 17),
            department="cjic-ipb-services",
            owner="ma.li@yunzhao.example",
            city="北京",
            country="CN",
            venue_zh="首钢园",
            venue_en="Shougang Park",
            fair="CIFTIS 2023 中国国际服务贸易交易会",
            booth="7H-E12",
            items=[
                ItemSpec(ItemKind.SHIFT, "展位值守（上午）", "Booth shift (morning)", _at(2023, 9, 2, 9), "北京", "CN"),
                ItemSpec(
                    ItemKind.SHIFT, "展位值守（下午）", "Booth shift (afternoon)", _at(2023, 9, 2, 13), "北京", "CN"
                ),
            ],
            signed_outcomes=0,
        ),
        EventSpec(
            key="Shijingshan International Open Cooperation Forum 2023 and its signing ceremony",
            kind=EventKind.SIGNING,
            title_zh="2023石景山国际开放合作论坛暨重点项目签约仪式",
            title_ja="2023石景山国際開放協力フォーラム・重点プロジェクト調印式",
            title_ar="منتدى شيجينغشان للتعاون الدولي المفتوح 2023 وحفل التوقيع",
            summary_zh="服贸会期间在首钢园举行；石景山区政府、首钢集团与40家企业签约。",
            summary_en="Held at Shougang Park during CIFTIS; the Shijingshan government and Shougang Group signed "
            "with 40 enterprises.",
            starts_at=_at(2023, 9, 3, 9),
            ends_at=_at(2023, 9, 3, 12),
            department="cjic-ipb-2",
            owner="zheng.kai@yunzhao.example",
            city="北京",
            country="CN",
            venue_zh="首钢园",
            venue_en="Shougang Park",
            press_release_zh="9月3日，2023石景山国际开放合作论坛在首钢园开幕。论坛期间举行重点项目签约仪式，"
            "石景山区、首钢集团与40家企业签署合作协议。",
            items=[
                ItemSpec(
                    ItemKind.SESSION,
                    "开幕致辞",
                    "Opening addresses",
                    _at(2023, 9, 3, 9),
                    "北京",
                    "CN",
                    speakers="夏林茂，北京市常务副市长\n王东堂，商务部服贸司司长\n常卫，石景山区委书记",
                ),
                *[
                    ItemSpec(
                        ItemKind.SIGNING,
                        f"签约：{partner}",
                        f"Signing: {partner}",
                        _at(2023, 9, 3, 10) + dt.timedelta(minutes=2 * n),
                        "北京",
                        "CN",
                        counterpart=partner,
                    )
                    for n, partner in enumerate(CEREMONY_PARTNERS)
                ],
            ],
            members=[
                (MemberRole.SPEAKER, "夏林茂", "常务副市长", "北京市人民政府"),
                (MemberRole.SPEAKER, "Jonathan Nelson", "Global Head of Digital", "Populous"),
                (MemberRole.SPEAKER, "Lionel CHEN", "President", "ADNRS"),
            ],
            signed_outcomes=6,
        ),
        EventSpec(
            key="International Conference on Innovation and Development of the Exhibition Industry (online opening)",
            kind=EventKind.ONLINE,
            title_zh="会展业创新发展国际大会（开幕式线上直播）",
            title_ja="展示会産業イノベーション発展国際会議（開幕式オンライン配信）",
            title_ar="المؤتمر الدولي للابتكار وتطوير صناعة المعارض (بث الافتتاح)",
            summary_zh="开幕式线上直播：1400人报名，4068人在线观看，累计观看53227次。",
            summary_en="The opening broadcast live online: 1,400 registered, 4,068 watching live, 53,227 views.",
            starts_at=_at(2022, 4, 9, 15),
            ends_at=_at(2022, 4, 9, 17),
            department="cjic-ipb-services",
            owner="ma.li@yunzhao.example",
            is_online=True,
            video_url="https://meet.jit.si/yunzhao-exhibition-industry-2022",
            registrations=1400,
            total_views=53227,
            peak_viewers=4068,
        ),
        EventSpec(
            key="China–Japan Innovation and Cooperation Zone investment promotion conference",
            kind=EventKind.FORUM,
            title_zh="中日创新合作示范区投资推介会",
            title_ja="日中イノベーション協力モデル区 投資説明会",
            title_ar="مؤتمر الترويج للاستثمار في منطقة التعاون الصيني الياباني للابتكار",
            summary_zh="面向日韩及欧洲企业的投资推介与一对一洽谈，现场设签约环节。",
            summary_en="Investment promotion and one-to-one talks for Japanese, Korean and European companies, "
            "with a signing session.",
            starts_at=ahead,
            ends_at=ahead + dt.timedelta(hours=8),
            department="cjic-ipb-1",
            owner="officer@yunzhao.example",
            city="北京",
            country="CN",
            venue_zh="示范区国际会议中心",
            venue_en="The zone's international conference centre",
            registration_open=True,
            capacity=300,
            registrations=287,
            items=[
                ItemSpec(ItemKind.SESSION, "开幕与示范区推介", "Opening and the zone presented", ahead, "北京", "CN"),
                ItemSpec(
                    ItemKind.SESSION,
                    "一对一项目洽谈",
                    "One-to-one project talks",
                    ahead + dt.timedelta(hours=2),
                    "北京",
                    "CN",
                ),
                ItemSpec(
                    ItemKind.SIGNING,
                    "重点项目签约",
                    "Signing of key projects",
                    ahead + dt.timedelta(hours=6),
                    "北京",
                    "CN",
                ),
            ],
            questions=[
                ("您关注的产业方向", "Which industry interests you?"),
                ("是否需要翻译", "Do you need an interpreter?"),
            ],
        ),
    ]


NAMES = [
    ("田中 一郎", "ja", "JP"), ("김지훈", "ko", "KR"), ("王芳", "zh-hans", "CN"), ("Sophie Martin", "fr", "FR"),
    ("Omar Al Mansouri", "ar", "AE"), ("Carlos García", "es", "ES"), ("Иван Петров", "ru", "RU"), ("Emma Peeters", "en", "BE"),
]  # fmt: skip


def _registrations(event: Event, count: int, rng: random.Random) -> list[Registration]:
    capacity = event.capacity if event.capacity is not None else count
    rows = []
    for n in range(count):
        name, language, country = NAMES[n % len(NAMES)]
        email = f"guest{n + 1}.event{event.pk}@demo.yunzhao.example"
        rows.append(
            Registration(
                event=event,
                status=RegistrationStatus.CONFIRMED if n < capacity else RegistrationStatus.WAITING,
                name=name if n < len(NAMES) else f"{name} {n + 1}",
                organisation=rng.choice(
                    ["株式会社ミライ", "현대모비스", "Dubai Holding", "Solvay", "Iberdrola", "首钢基金"]
                ),
                email=email,
                email_key=email,
                language=language,
                country=country,
                code=secrets.token_urlsafe(16),
                consent_at=event.starts_at - dt.timedelta(days=10),
                created_at=min(event.starts_at, timezone.now()) - dt.timedelta(days=10, minutes=count - n),
            )
        )
    return rows


def ensure_events(departments: dict[str, Department], users: dict[str, int], created: Counter[str]) -> None:
    """Create the seeds' events that are missing (found again by their English title)."""
    rng = random.Random(17)
    today = timezone.localdate()
    existing = set(Event.objects.filter(title_en__isnull=False).values_list("title_en", flat=True))
    projects = list(Project.objects.order_by("pk").values_list("pk", flat=True)[:400])
    for spec in specs(today):
        if spec.key in existing:
            continue
        event = Event.objects.create(
            kind=spec.kind,
            title_zh_hans=spec.title_zh,
            title_en=spec.key,
            title_ja=spec.title_ja,
            title_ar=spec.title_ar,
            summary_zh_hans=spec.summary_zh,
            summary_en=spec.summary_en,
            status=EventStatus.PUBLISHED,
            starts_at=spec.starts_at,
            ends_at=spec.ends_at,
            city=spec.city,
            country=spec.country,
            venue_zh_hans=spec.venue_zh,
            venue_en=spec.venue_en,
            fair=spec.fair,
            booth=spec.booth,
            is_online=spec.is_online,
            video_url=spec.video_url,
            press_release_zh_hans=spec.press_release_zh,
            registration_open=spec.registration_open,
            capacity=spec.capacity,
            total_views=spec.total_views,
            peak_viewers=spec.peak_viewers,
            peak_viewers_at=spec.starts_at + dt.timedelta(minutes=35) if spec.peak_viewers else None,
            department=departments[spec.department],
            owner_id=users.get(spec.owner),
        )
        ProgrammeItem.objects.bulk_create(
            ProgrammeItem(
                event=event,
                kind=item.kind,
                title_zh_hans=item.title_zh,
                title_en=item.title_en,
                starts_at=item.starts_at,
                city=item.city,
                country=item.country,
                place_zh_hans=item.place,
                counterpart=item.counterpart,
                speakers=item.speakers,
                outcome=item.outcome,
            )
            for item in spec.items
        )
        Member.objects.bulk_create(
            Member(event=event, role=role, name=name, title=title, organisation=organisation)
            for role, name, title, organisation in spec.members
        )
        Question.objects.bulk_create(
            Question(event=event, label_zh_hans=zh, label_en=en, kind=QuestionKind.TEXT, position=n)
            for n, (zh, en) in enumerate(spec.questions)
        )
        Registration.objects.bulk_create(_registrations(event, spec.registrations, rng), batch_size=500)
        for project_id in rng.sample(projects, min(spec.signed_outcomes, len(projects))):
            Outcome.objects.create(event=event, project_id=project_id, kind=OutcomeKind.SIGNED)
        created["events"] += 1
        created["registrations"] += spec.registrations
