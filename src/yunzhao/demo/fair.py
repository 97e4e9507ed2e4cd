"""Demo content of the online fair: three halls, 120 exhibitors with products, 600 visitors with
profiles, meeting requests (accepted, declined, waiting, expired), enquiries answered in time
and late, and a schedule run and published — so every page of the fair has something to show.

Generated from a fixed seed: the same names every time.  The fair opens ten days after the
demo is loaded, so agendas lie ahead.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.utils import timezone

from yunzhao.accounts.models import Department, User
from yunzhao.core.content import Publication, record_all_translations
from yunzhao.crm.models import Industry
from yunzhao.matchmaking import indexing as fair_indexing
from yunzhao.matchmaking.models import (
    Booth,
    Enquiry,
    EnquiryMessage,
    EnquiryStatus,
    Fair,
    Hall,
    MeetingKind,
    MeetingRequest,
    MeetingStatus,
    Participant,
    Product,
    Slot,
    Table,
)

BEIJING = ZoneInfo("Asia/Shanghai")
SLUG = "china-japan-online-fair-2026"
SEED = 20261125
EXHIBITORS = 120
VISITORS = 600
LANGS = ("zh_hans", "en", "ja", "ko", "ar", "es", "fr", "ru")

FAIR_TITLE = (
    "2026中日产业合作云上博览会",
    "2026 China–Japan Industrial Cooperation Online Fair",
    "2026 日中産業協力オンライン博覧会",
    "2026 중일 산업협력 온라인 박람회",
    "معرض التعاون الصناعي الصيني الياباني الإلكتروني 2026",
    "Feria en línea de cooperación industrial China-Japón 2026",
    "Salon en ligne de la coopération industrielle Chine-Japon 2026",
    "Онлайн-выставка китайско-японского промышленного сотрудничества 2026",
)
FAIR_SUMMARY = (
    "三个主题展馆、120家中外展商：在线看展、发送询盘、预约一对一洽谈，组委会统一排定会面日程。",
    "Three themed halls and 120 exhibitors from China and abroad: visit the booths, send enquiries and request one-to-one meetings; the organisers schedule everyone's meetings.",
    "3つのテーマ館と国内外120社の出展者。ブースを見て、引き合いを送り、個別商談を申し込めます。商談日程は主催者が一括で組みます。",
    "3개 주제관, 국내외 120개 전시업체. 부스를 둘러보고 문의를 보내고 1:1 상담을 신청하세요. 상담 일정은 주최 측이 일괄 편성합니다.",
    "ثلاث قاعات موضوعية و120 عارضًا من الصين والخارج: زوروا الأجنحة وأرسلوا الاستفسارات واطلبوا لقاءات ثنائية، ويتولى المنظمون جدولة اللقاءات.",
    "Tres pabellones temáticos y 120 expositores de China y del extranjero: visite los stands, envíe consultas y solicite reuniones individuales; la organización programa todas las citas.",
    "Trois halls thématiques et 120 exposants chinois et étrangers : visitez les stands, envoyez vos demandes et sollicitez des rendez-vous individuels ; les organisateurs planifient tous les rendez-vous.",
    "Три тематических павильона и 120 экспонентов из Китая и других стран: посещайте стенды, отправляйте запросы и назначайте встречи один на один; расписание встреч составляют организаторы.",
)


@dataclass(frozen=True)
class HallSpec:
    division: str
    names: tuple[str, ...]  # in LANGS order
    # Exhibitor name stems: (zh, en, ja) and what they make: (zh, en, ja) product words.
    trades: tuple[tuple[str, str, str], ...]
    products: tuple[tuple[str, str, str], ...]


HALLS: tuple[HallSpec, ...] = (
    HallSpec(
        "38",
        ("新能源与智能制造馆", "New Energy and Smart Manufacturing", "新エネルギー・スマート製造館", "신에너지·스마트 제조관", "قاعة الطاقة الجديدة والتصنيع الذكي", "Nuevas energías y fabricación inteligente", "Énergies nouvelles et fabrication intelligente", "Новая энергетика и умное производство"),
        (("储能科技", "Energy Storage", "蓄電技術"), ("新能源汽车零部件", "EV Components", "EV部品"), ("智能装备", "Smart Equipment", "スマート機器"), ("光伏科技", "Solar Technology", "太陽光技術"), ("机器人", "Robotics", "ロボティクス")),
        (("磷酸铁锂储能柜", "LFP energy storage cabinet", "リン酸鉄リチウム蓄電池キャビネット"), ("电池管理系统", "Battery management system", "バッテリー管理システム"), ("工业机器人", "Industrial robot", "産業用ロボット"), ("光伏逆变器", "Solar inverter", "太陽光インバーター"), ("伺服电机", "Servo motor", "サーボモーター")),
    ),
    HallSpec(
        "65",
        ("数字经济与信息技术馆", "Digital Economy and Information Technology", "デジタル経済・情報技術館", "디지털경제·정보기술관", "قاعة الاقتصاد الرقمي وتقنية المعلومات", "Economía digital y tecnologías de la información", "Économie numérique et technologies de l'information", "Цифровая экономика и информационные технологии"),
        (("软件", "Software", "ソフトウェア"), ("数据科技", "Data Technology", "データテクノロジー"), ("云计算", "Cloud Computing", "クラウド"), ("信息安全", "Cyber Security", "情報セキュリティ"), ("人工智能", "Artificial Intelligence", "AI")),
        (("工业互联网平台", "Industrial internet platform", "産業用IoTプラットフォーム"), ("数据治理软件", "Data governance software", "データガバナンスソフト"), ("智能客服系统", "AI customer service", "AIカスタマーサービス"), ("云安全网关", "Cloud security gateway", "クラウドセキュリティゲートウェイ"), ("跨境电商系统", "Cross-border e-commerce suite", "越境EC システム")),
    ),
    HallSpec(
        "27",
        ("生物医药与大健康馆", "Biomedicine and Health", "バイオ医薬・ヘルスケア館", "바이오의약·헬스케어관", "قاعة الطب الحيوي والصحة", "Biomedicina y salud", "Biomédecine et santé", "Биомедицина и здоровье"),
        (("生物医药", "Biopharma", "バイオファーマ"), ("医疗器械", "Medical Devices", "医療機器"), ("健康科技", "Health Technology", "ヘルステック"), ("诊断试剂", "Diagnostics", "診断薬"), ("康养服务", "Elderly Care", "介護サービス")),
        (("体外诊断试剂盒", "In-vitro diagnostic kit", "体外診断キット"), ("康复机器人", "Rehabilitation robot", "リハビリロボット"), ("远程监护设备", "Remote patient monitor", "遠隔モニタリング機器"), ("原料药", "Active pharmaceutical ingredient", "原薬"), ("智能养老床", "Smart care bed", "スマート介護ベッド")),
    ),
)  # fmt: skip

STEMS = (("华", "Hua", "華"), ("瑞", "Rui", "瑞"), ("恒", "Heng", "恒"), ("博", "Bo", "博"), ("新", "Xin", "新"), ("达", "Da", "達"), ("远", "Yuan", "遠"), ("星", "Xing", "星"), ("嘉", "Jia", "嘉"), ("康", "Kang", "康"))  # fmt: skip
JAPANESE_STEMS = (("樱", "Sakura", "さくら"), ("富士", "Fuji", "富士"), ("大和", "Yamato", "大和"), ("北斗", "Hokuto", "北斗"), ("青叶", "Aoba", "青葉"), ("东洋", "Toyo", "東洋"))  # fmt: skip
KOREAN_STEMS = (("韩光", "Hankwang", "ハングァン", "한광"), ("新星", "Shinsung", "シンソン", "신성"), ("大韩", "Daehan", "デハン", "대한"))  # fmt: skip
EXHIBITOR_COUNTRIES = (("CN", 62), ("JP", 30), ("KR", 12), ("DE", 6), ("FR", 4), ("US", 3), ("AE", 3))
VISITOR_COUNTRIES = (("JP", 150), ("KR", 70), ("CN", 90), ("DE", 40), ("FR", 35), ("US", 45), ("AE", 35), ("SA", 25), ("ES", 25), ("RU", 30), ("GB", 30), ("SG", 25))  # fmt: skip
LANGUAGE_OF = {"JP": "ja", "KR": "ko", "CN": "zh-hans", "AE": "ar", "SA": "ar", "ES": "es", "FR": "fr", "RU": "ru"}
FAMILY = {
    "JP": ("佐々木", "高橋", "田中", "渡辺", "伊藤", "山本", "中村", "小林"),
    "KR": ("김", "이", "박", "최", "정"),
    "CN": ("王", "李", "张", "刘", "陈", "杨"),
    "AE": ("Al Mansouri", "Al Hashimi", "Al Nuaimi"),
    "SA": ("Al Qahtani", "Al Harbi"),
    "RU": ("Ivanov", "Smirnova", "Kuznetsov"),
}
GIVEN = ("Alex", "Maria", "Jonas", "Claire", "Omar", "Lena", "Marco", "Sofia", "Daniel", "Emma")
BUYER_ABOUT = {
    "ja": "{trade}の調達先を探しています。日本国内での販売代理も検討中です。",
    "ko": "{trade} 분야의 공급업체를 찾고 있습니다. 한국 내 유통도 검토합니다.",
    "zh-hans": "寻找{trade}领域的供应商与合作伙伴。",
    "en": "Looking for suppliers and partners in {trade}; we distribute across our region.",
}
ROLES = (("buyer", 50), ("investor", 25), ("partner", 25))
INTENTS = {"buyer": ["buy", "distribute"], "investor": ["invest"], "partner": ["partner"]}


def _pick(rng: random.Random, weighted: tuple[tuple[str, int], ...]) -> str:
    values, weights = zip(*weighted, strict=True)
    return rng.choices(values, weights)[0]


def _at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=BEIJING)


def _translated(field: str, values: tuple[str, ...]) -> dict[str, str]:
    return {f"{field}_{code}": value for code, value in zip(LANGS, values, strict=True)}


def _exhibitor_names(rng: random.Random, country: str, trade: tuple[str, str, str], n: int) -> dict[str, str]:
    zh_trade, en_trade, ja_trade = trade
    if country == "JP":
        zh, en, ja = rng.choice(JAPANESE_STEMS)
        return {
            "name_zh_hans": f"{zh}{zh_trade}株式会社",
            "name_en": f"{en} {en_trade} Co., Ltd.",
            "name_ja": f"{ja}{ja_trade}株式会社",
        }
    if country == "KR":
        zh, en, ja, ko = rng.choice(KOREAN_STEMS)
        return {"name_zh_hans": f"{zh}{zh_trade}株式会社", "name_en": f"{en} {en_trade} Co., Ltd.", "name_ja": f"{ja}{ja_trade}株式会社", "name_ko": f"{ko} {en_trade} 주식회사"}  # fmt: skip
    if country != "CN":
        en = rng.choice(("Nordwerk", "Lumière", "Atlas", "Falcon", "Meridian", "Orion"))
        return {"name_zh_hans": f"{en}{zh_trade}公司", "name_en": f"{en} {en_trade} {n}"}
    first, second = rng.sample(STEMS, 2)
    return {
        "name_zh_hans": f"北京{first[0]}{second[0]}{zh_trade}有限公司",
        "name_en": f"Beijing {first[1]}{second[1].lower()} {en_trade} Co., Ltd.",
        "name_ja": f"北京{first[2]}{second[2]}{ja_trade}有限公司",
    }


def _person(rng: random.Random, country: str, n: int) -> str:
    family = FAMILY.get(country)
    if country == "JP":
        return f"{rng.choice(family or ('佐藤',))} {rng.choice(('健太', '美咲', '大輔', '陽子', '翔'))}"
    if country == "KR":
        return f"{rng.choice(family or ('김',))}{rng.choice(('민준', '서연', '지호', '하은'))}"
    if country == "CN":
        return f"{rng.choice(family or ('王',))}{rng.choice(('伟', '芳', '磊', '静', '洋'))}"
    return f"{rng.choice(GIVEN)} {rng.choice(family) if family else f'Visitor{n}'}"


def ensure_fair(departments: dict[str, Department], users: dict[str, int], created: Counter[str]) -> Fair | None:
    """Create the demo fair if it is missing, counting what was made in ``created``."""
    if Fair.objects.filter(slug=SLUG).exists():
        return None
    rng = random.Random(SEED)
    now = timezone.now()
    first_day = timezone.localdate() + dt.timedelta(days=10)
    department = departments.get("cjic-ipb-1") or next(iter(departments.values()))
    fair = Fair.objects.create(
        slug=SLUG,
        starts_on=first_day,
        ends_on=first_day + dt.timedelta(days=1),
        department=department,
        status=Publication.PUBLISHED,
        published_at=now,
        reply_hours=4,
        request_expiry_hours=48,
        max_requests=30,
        meeting_rules={"buyer": ["exhibitor"], "investor": ["exhibitor", "partner"]},
        **_translated("title", FAIR_TITLE),
        **_translated("summary", FAIR_SUMMARY),
    )
    record_all_translations(fair)
    industries = {industry.code: industry for industry in Industry.objects.all()}
    halls = []
    for position, spec in enumerate(HALLS):
        hall = Hall.objects.create(
            fair=fair,
            position=position,
            industry=industries.get(spec.division),
            status=Publication.PUBLISHED,
            published_at=now,
            **_translated("name", spec.names),
        )
        record_all_translations(hall)
        halls.append(hall)

    # Exhibitors: the zone's own booth first, then 119 companies over the three halls.
    booths: list[Booth] = [
        Booth(
            fair=fair,
            hall=halls[0],
            number="Z001",
            is_zone_booth=True,
            country="CN",
            status=Publication.PUBLISHED,
            published_at=now,
            name_zh_hans="北京中日示范区投资促进局",
            name_en="Investment Promotion Bureau of the Beijing China–Japan Zone",
            name_ja="北京日中モデル区投資促進局",
            description_zh_hans="欢迎投资者在此咨询落户政策、用地与人才服务，留下询盘即由招商专员一对一跟进。",
            description_en="Ask us about incentives, land and talent services for setting up in the zone; an officer follows up every enquiry personally.",
            description_ja="進出時の優遇政策、用地、人材サービスについてご相談ください。担当者が個別に対応します。",
            website="https://example.org/zone",
        )
    ]
    for n in range(1, EXHIBITORS):
        hall_index = n % len(HALLS)
        spec = HALLS[hall_index]
        trade = rng.choice(spec.trades)
        country = _pick(rng, EXHIBITOR_COUNTRIES)
        names = _exhibitor_names(rng, country, trade, n)
        booths.append(
            Booth(
                fair=fair,
                hall=halls[hall_index],
                number=f"{'ABC'[hall_index]}{n:03d}",
                country=country,
                industry=industries.get(spec.division),
                status=Publication.PUBLISHED,
                published_at=now,
                description_zh_hans=f"专注{trade[0]}，产品出口{rng.randint(5, 60)}个国家和地区，寻求经销商与合作伙伴。",
                description_en=f"Specialists in {trade[1].lower()}, exporting to {rng.randint(5, 60)} countries; looking for distributors and partners.",
                description_ja=f"{trade[2]}の専門メーカー。販売代理店とパートナーを募集しています。"
                if country in {"JP", "KR", "CN"}
                else "",
                **names,
            )
        )
    Booth.objects.bulk_create(booths)
    booths = list(Booth.objects.filter(fair=fair).order_by("pk"))
    products = []
    spec_of_hall = {hall.pk: spec for hall, spec in zip(halls, HALLS, strict=True)}
    for booth in booths[1:]:
        spec = spec_of_hall[booth.hall_id]
        for position, (zh, en, ja) in enumerate(rng.sample(spec.products, 2)):
            low = Decimal(rng.choice((120, 450, 980, 2400, 12000)))
            products.append(
                Product(
                    booth=booth,
                    position=position,
                    status=Publication.PUBLISHED,
                    published_at=now,
                    name_zh_hans=zh,
                    name_en=en,
                    name_ja=ja,
                    description_zh_hans=f"{zh}，支持定制与OEM。",
                    description_en=f"{en}; custom builds and OEM available.",
                    specifications_en="Warranty: 2 years\nLead time: 30 days",
                    specifications_zh_hans="质保：2年\n交货期：30天",
                    minimum_order=rng.choice(("10 pcs", "50 pcs", "1 set", "100 pcs")),
                    price_min=low,
                    price_max=low * Decimal(3),
                    currency="USD",
                    certifications=rng.choice(("CE, RoHS", "ISO 13485", "UL, CE", "ISO 9001")),
                )
            )
    Product.objects.bulk_create(products)
    exhibitor_account = User.objects.filter(email="exhibitor@yunzhao.example").first()
    korean = next((b for b in booths if b.country == "KR"), booths[1])
    if exhibitor_account is not None:
        korean.accounts.add(exhibitor_account)

    # Slots: two days, 09:00–12:00 and 14:00–17:00, 25-minute meetings every half hour; 50 tables.
    slots = [
        Slot(fair=fair, starts_at=_at(day, hour, minute), ends_at=_at(day, hour, minute) + dt.timedelta(minutes=25))
        for day in (first_day, first_day + dt.timedelta(days=1))
        for hour in (9, 10, 11, 14, 15, 16)
        for minute in (0, 30)
    ]
    Slot.objects.bulk_create(slots)
    slots = list(Slot.objects.filter(fair=fair).order_by("starts_at"))
    Table.objects.bulk_create(Table(fair=fair, name=f"T{n:02d}", position=n) for n in range(1, 51))

    # Participants: one per exhibitor, then the visitors.
    people = []
    for booth in booths:
        country = booth.country
        people.append(
            Participant(
                fair=fair,
                booth=booth,
                user=exhibitor_account if booth.pk == korean.pk else None,
                role="exhibitor",
                name=_person(rng, country, booth.pk),
                organisation=getattr(booth, "name_en", "") or getattr(booth, "name_zh_hans", ""),
                email=f"booth{booth.number.lower()}@exhibitors.example",
                country=country,
                language=LANGUAGE_OF.get(country, "en"),
                intents=["sell", "partner"] if not booth.is_zone_booth else ["seek_investment"],
                offered_countries=[country, "CN"] if country != "CN" else ["CN"],
                company_size=rng.choice(("small", "medium", "large")),
                about=getattr(booth, "description_en", ""),
                consent_at=now,
            )
        )
    investor = User.objects.filter(email="investor@yunzhao.example").first()
    for n in range(VISITORS):
        country = "JP" if n == 0 else _pick(rng, VISITOR_COUNTRIES)
        role = "investor" if n == 0 else _pick(rng, ROLES)
        language = LANGUAGE_OF.get(country, "en")
        spec = rng.choice(HALLS)
        trade = rng.choice(spec.trades)
        about_template = BUYER_ABOUT.get(language, BUYER_ABOUT["en"])
        about_trade = {"ja": trade[2], "zh-hans": trade[0]}.get(language, trade[1].lower())
        deal = Decimal(rng.choice((50_000, 200_000, 1_000_000, 5_000_000)))
        people.append(
            Participant(
                fair=fair,
                user=investor if n == 0 else None,
                role=role,
                name=_person(rng, country, n) if n else "佐藤 健一",
                organisation=f"{rng.choice(('Pacific', 'Harbor', 'Summit', 'Crescent', 'Nova', 'Keystone'))} {rng.choice(('Trading', 'Capital', 'Partners', 'Holdings', 'Distribution'))} {n}",
                email=f"visitor{n}@visitors.example" if n else "investor@yunzhao.example",
                country=country,
                language=language,
                intents=INTENTS[role],
                sought_countries=["CN"],
                offered_countries=[country],
                company_size=rng.choice(("small", "medium", "large")),
                deal_min=deal,
                deal_max=deal * 5,
                about=about_template.format(trade=about_trade),
                hosted=role == "buyer" and rng.random() < 0.03,
                consent_at=now,
            )
        )
    Participant.objects.bulk_create(people)
    people = list(Participant.objects.filter(fair=fair).order_by("pk"))
    exhibitors = [p for p in people if p.role == "exhibitor"]
    visitors = [p for p in people if p.role != "exhibitor"]
    division_of = {pk: spec.division for pk, spec in spec_of_hall.items()}
    links = []
    for participant in people:
        division = division_of.get(participant.booth.hall_id) if participant.booth_id else rng.choice(HALLS).division  # type: ignore[union-attr]
        if division in industries:
            links.append(
                Participant.industries.through(participant_id=participant.pk, industry_id=industries[division].pk)
            )
    Participant.industries.through.objects.bulk_create(links)
    one_day = {slot.pk for slot in slots[: len(slots) // 2]}
    availability = [
        Participant.available_slots.through(participant_id=p.pk, slot_id=slot_id)
        for p in visitors
        if rng.random() < 0.2
        for slot_id in sorted(one_day)
    ]
    Participant.available_slots.through.objects.bulk_create(availability)

    # Requests: visitors ask exhibitors, popular ones more often (a few exhibitors draw many).
    popularity = [1.0 / (rank + 1) ** 0.8 for rank in range(len(exhibitors))]
    rng.shuffle(popularity)
    requests = []
    seen: set[tuple[int, int]] = set()
    for visitor in visitors:
        for exhibitor in rng.choices(exhibitors, popularity, k=rng.randint(2, 6)):
            if (visitor.pk, exhibitor.pk) in seen:
                continue
            seen.add((visitor.pk, exhibitor.pk))
            sent = now - dt.timedelta(hours=rng.randint(1, 120))
            status = _pick(rng, (("accepted", 72), ("declined", 8), ("pending", 10), ("expired", 10)))
            expires = sent + dt.timedelta(hours=48)
            if status == "pending" and expires <= now:
                sent, expires = now - dt.timedelta(hours=2), now + dt.timedelta(hours=46)
            if status == "expired" and expires > now:
                status = "pending"
            requests.append(
                MeetingRequest(
                    fair=fair,
                    sender=visitor,
                    recipient=exhibitor,
                    kind=MeetingKind.ONLINE if rng.random() < 0.15 else MeetingKind.TABLE,
                    message="",
                    priority=rng.choice((1, 1, 1, 2, 3)),
                    status=status,
                    created_at=sent,
                    expires_at=expires,
                    answered_at=sent + dt.timedelta(hours=rng.randint(1, 20))
                    if status in {"accepted", "declined"}
                    else None,
                )
            )
    MeetingRequest.objects.bulk_create(requests)
    created["fair requests"] += len(requests)

    # Enquiries: most answered within the four working hours, some late, some still open.
    enquiries, messages = [], []
    for n, visitor in enumerate(rng.sample(visitors, 150)):
        booth = rng.choice(booths)
        sent = now - dt.timedelta(hours=rng.randint(3, 200))
        due = sent + dt.timedelta(hours=4)
        answered = rng.random() < 0.8
        first_answer = sent + dt.timedelta(minutes=rng.choice((25, 70, 150, 230, 400, 900))) if answered else None
        enquiries.append(
            Enquiry(
                booth=booth,
                participant=visitor,
                reference=f"FE-{now.year}-{n + 1:06d}",
                subject={"ja": "見積もりのお願い", "zh-hans": "询价"}.get(visitor.language, "Request for a quotation"),
                status=EnquiryStatus.ANSWERED if answered else EnquiryStatus.OPEN,
                language=visitor.language,
                created_at=sent,
                due_at=due,
                first_answered_at=first_answer,
            )
        )
    Enquiry.objects.bulk_create(enquiries)
    for enquiry in Enquiry.objects.filter(booth__fair=fair):
        messages.append(
            EnquiryMessage(
                enquiry=enquiry,
                from_exhibitor=False,
                body="Please send your price list and minimum order for our market.",
                created_at=enquiry.created_at,
            )
        )
        if enquiry.first_answered_at:
            messages.append(
                EnquiryMessage(
                    enquiry=enquiry,
                    from_exhibitor=True,
                    body="Thank you — our price list is attached to the booth; let us meet at the fair.",
                    created_at=enquiry.first_answered_at,
                )
            )
    EnquiryMessage.objects.bulk_create(messages)
    created["fair exhibitors"] += len(booths)
    created["fair visitors"] += len(visitors)
    created["fair enquiries"] += len(enquiries)
    fair_indexing.rebuild_index()
    _schedule_and_publish(fair, created)
    return fair


def _schedule_and_publish(fair: Fair, created: Counter[str]) -> None:
    """Run the scheduler over the accepted requests and publish the result, without the e-mails
    a real publication sends (the demo's participants have no mailboxes)."""
    from yunzhao.matchmaking import planning
    from yunzhao.matchmaking.models import Meeting

    run = planning.run_schedule(fair=fair, by=None, seconds=10)
    now = timezone.now()
    published = Meeting.objects.filter(fair=fair, status=MeetingStatus.PLANNED).update(status=MeetingStatus.PUBLISHED)
    Fair.objects.filter(pk=fair.pk).update(schedule_published_at=now)
    type(run).objects.filter(pk=run.pk).update(published_at=now)
    created["fair meetings"] += published
