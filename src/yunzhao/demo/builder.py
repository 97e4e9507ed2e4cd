"""The demonstration zone as data: the seeds' figures, the same on every machine.

The Beijing China-Japan Innovation Cooperation Demonstration Zone in Daxing as the
seeds describe it — 2,000 enterprises registered in the zone, 72 of them
foreign-funded, 279 key projects, 67 international investment channels — with its
organisation and one account per role.

Everything is drawn from ``random.Random`` generators seeded with fixed strings, one per
kind of object, so the data never changes between runs or machines.  Every object has a
natural key (department code, e-mail, credit code or country and registration number,
channel English name, project Chinese title); ``yunzhao.demo.loader`` creates only the
objects whose key is missing, so a second run writes nothing.

This module only describes the data; it never touches the database.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from decimal import Decimal
from zoneinfo import ZoneInfo

from yunzhao.accounts.models import DepartmentKind, Role
from yunzhao.crm.models import EnterpriseSize, Ownership
from yunzhao.demo.identifiers import make_credit_code, make_registration_number
from yunzhao.demo.names import (
    CHANNELS,
    GROUPS,
    JAPANESE_BRANDS,
    KOREAN_BRANDS,
    LEGAL_FORMS,
    TRADE_NAME_CHARACTERS,
    WESTERN_BRANDS,
    IndustryGroup,
    Line,
)
from yunzhao.pipeline.models import KeyLevel, Source, Stage

DEMO_PASSWORD = "Yunzhao-demo-2026"  # noqa: S105 — the published password of the demonstration accounts
SEED = "yunzhao-demo-1"

REGISTERED_ENTERPRISES = 2000
FOREIGN_FUNDED_IN_ZONE = 72
KEY_PROJECTS = 279
INTERNATIONAL_CHANNELS = 67

BEIJING = ZoneInfo("Asia/Shanghai")
ACCOUNTS_JOINED = dt.datetime(2026, 1, 5, 9, 0, tzinfo=BEIJING)


# --- Organisation and accounts ----------------------------------------------------------


@dataclass(frozen=True)
class DepartmentSpec:
    code: str
    name: str
    short_name: str
    kind: str
    parent: str | None


ORGANISATION: tuple[DepartmentSpec, ...] = (
    DepartmentSpec("cjic", "北京中日创新合作示范区管理委员会", "中日示范区管委会", DepartmentKind.AGENCY, None),
    DepartmentSpec("cjic-ipb", "投资促进局", "投促局", DepartmentKind.BUREAU, "cjic"),
    DepartmentSpec("cjic-ipb-1", "招商一部（日本、韩国）", "招商一部", DepartmentKind.DEPARTMENT, "cjic-ipb"),
    DepartmentSpec("cjic-ipb-2", "招商二部（欧洲、中东）", "招商二部", DepartmentKind.DEPARTMENT, "cjic-ipb"),
    DepartmentSpec("cjic-ipb-3", "招商三部（美洲及其他地区）", "招商三部", DepartmentKind.DEPARTMENT, "cjic-ipb"),
    DepartmentSpec("cjic-ipb-services", "综合服务部", "综合服务部", DepartmentKind.DEPARTMENT, "cjic-ipb"),
    DepartmentSpec("cjic-esb", "企业服务局", "企服局", DepartmentKind.BUREAU, "cjic"),
    DepartmentSpec("cjic-esb-services", "企业服务部", "企业服务部", DepartmentKind.DEPARTMENT, "cjic-esb"),
    DepartmentSpec("daxing", "大兴区", "大兴区", DepartmentKind.DISTRICT, "cjic"),
    DepartmentSpec("tongzhou", "通州区", "通州区", DepartmentKind.DISTRICT, "cjic"),
    DepartmentSpec(
        "cjic-platform",
        "北京中日创新合作示范区开发建设有限公司",
        "示范区平台公司",
        DepartmentKind.PLATFORM_COMPANY,
        "cjic",
    ),
)


@dataclass(frozen=True)
class DemoAccount:
    email: str
    role: str
    password: str
    department: str | None  # a department code of ORGANISATION
    full_name: str
    latin_name: str
    title: str
    organisation: str = ""
    country: str = "CN"
    preferred_language: str = "zh-hans"


def _staff(email: str, role: str, department: str, full_name: str, latin_name: str, title: str) -> DemoAccount:
    return DemoAccount(
        f"{email}@yunzhao.example", role, DEMO_PASSWORD, department, full_name, latin_name, title, "北京中日示范区"
    )


DEMO_ACCOUNTS: tuple[DemoAccount, ...] = (
    _staff("admin", Role.ADMINISTRATOR, "cjic-ipb-services", "周静", "Zhou Jing", "系统管理员"),
    _staff("leader", Role.LEADER, "cjic", "刘志远", "Liu Zhiyuan", "管委会副主任"),
    _staff("head", Role.DEPARTMENT_HEAD, "cjic-ipb-1", "陈晓东", "Chen Xiaodong", "招商一部部长"),
    _staff("officer", Role.OFFICER, "cjic-ipb-1", "林悦", "Lin Yue", "招商专员"),
    _staff("zhao.min", Role.OFFICER, "cjic-ipb-1", "赵敏", "Zhao Min", "招商专员（日语）"),
    _staff("han.yu", Role.OFFICER, "cjic-ipb-1", "韩宇", "Han Yu", "招商专员（韩语）"),
    _staff("wu.jing", Role.OFFICER, "cjic-ipb-2", "吴静", "Wu Jing", "招商专员"),
    _staff("zheng.kai", Role.OFFICER, "cjic-ipb-2", "郑凯", "Zheng Kai", "招商专员（法语）"),
    _staff("he.lin", Role.OFFICER, "cjic-ipb-2", "何琳", "He Lin", "招商专员（阿拉伯语）"),
    _staff("gao.fei", Role.OFFICER, "cjic-ipb-3", "高飞", "Gao Fei", "招商专员"),
    _staff("luo.xin", Role.OFFICER, "cjic-ipb-3", "罗欣", "Luo Xin", "招商专员（西班牙语）"),
    _staff("ma.li", Role.OFFICER, "cjic-ipb-services", "马丽", "Ma Li", "综合服务专员"),
    _staff("xu.ming", Role.OFFICER, "cjic-esb-services", "徐明", "Xu Ming", "企业服务专员"),
    _staff("song.yutong", Role.OFFICER, "cjic-platform", "宋雨桐", "Song Yutong", "平台公司招商经理"),
    _staff("tang.wen", Role.OFFICER, "daxing", "唐文", "Tang Wen", "大兴区投资促进专员"),
    DemoAccount(
        "investor@yunzhao.example", Role.INVESTOR, DEMO_PASSWORD, None, "佐藤 健一", "Kenichi Sato",
        "海外事業部長", "株式会社ミライテクノロジーズ", "JP", "ja",
    ),
    DemoAccount(
        "exhibitor@yunzhao.example", Role.EXHIBITOR, DEMO_PASSWORD, None, "김서연", "Kim Seo-yeon",
        "해외영업팀장", "주식회사 한빛로보틱스", "KR", "ko",
    ),
)  # fmt: skip


def officers_by_department() -> dict[str, list[str]]:
    """E-mails of the promotion officers of each department, in DEMO_ACCOUNTS order."""
    officers: dict[str, list[str]] = {}
    for account in DEMO_ACCOUNTS:
        if account.role == Role.OFFICER and account.department:
            officers.setdefault(account.department, []).append(account.email)
    return officers


# Which department looks after an investor of each country.
COUNTRY_DEPARTMENT = {
    **dict.fromkeys(("JP", "KR"), "cjic-ipb-1"),
    **dict.fromkeys(("FR", "DE", "BE", "GB", "ES", "SE", "CH", "IT", "RU", "AE"), "cjic-ipb-2"),
}
DOMESTIC_DEPARTMENTS = (("cjic-esb-services", 45), ("cjic-platform", 35), ("daxing", 20))


def department_for_country(country: str) -> str:
    return COUNTRY_DEPARTMENT.get(country, "cjic-ipb-3")


# --- Enterprises ------------------------------------------------------------------------


@dataclass
class EnterpriseSpec:
    names: dict[str, str]  # language code → name
    brand_zh: str  # the trade name or brand alone, as project titles call the company
    brand_en: str
    short_zh: str  # the brand with the line of business
    short_en: str
    country: str
    division: str
    group: str
    ownership: str
    size: str
    department: str
    owner: str  # e-mail
    credit_code: str | None = None
    registration_number: str = ""
    registered_on: dt.date | None = None
    website: str = ""

    @property
    def key(self) -> str:
        return self.credit_code or f"{self.country}:{self.registration_number}"

    @property
    def is_foreign_funded(self) -> bool:
        return self.ownership in {Ownership.FOREIGN, Ownership.JOINT_VENTURE, Ownership.HMT}


# Foreign-funded enterprises in the zone, by the investor's country (72 in all).
IN_ZONE_FOREIGN = (
    ("JP", 30), ("KR", 10), ("HK", 5), ("TW", 3), ("US", 5), ("DE", 4), ("FR", 3), ("SG", 3),
    ("GB", 2), ("BE", 2), ("AE", 2), ("SE", 1), ("CH", 1), ("ES", 1),
)  # fmt: skip
# Prospective investors abroad, not (yet) registered in the zone.
PROSPECTS_ABROAD = (
    ("JP", 130), ("KR", 45), ("US", 30), ("DE", 25), ("FR", 20), ("GB", 12), ("SG", 12),
    ("AE", 12), ("BE", 10), ("ES", 8), ("SE", 6), ("CH", 5),
)  # fmt: skip

GROUP_WEIGHTS = {
    "CN": {"digital": 28, "manufacturing": 24, "finance": 16, "medicine": 14, "energy": 9, "culture": 9},
    "JP": {"manufacturing": 30, "medicine": 20, "finance": 18, "digital": 17, "energy": 8, "culture": 7},
    "KR": {"manufacturing": 25, "digital": 25, "medicine": 15, "energy": 15, "culture": 15, "finance": 5},
    "*": {"finance": 20, "manufacturing": 20, "medicine": 20, "digital": 20, "energy": 10, "culture": 10},
}
SIZES = ((EnterpriseSize.MICRO, 40), (EnterpriseSize.SMALL, 35), (EnterpriseSize.MEDIUM, 18), (EnterpriseSize.LARGE, 7))
REGISTRATION_YEARS = ((2019, 5), (2020, 9), (2021, 13), (2022, 16), (2023, 19), (2024, 20), (2025, 18))
# Districts whose registration offices the zone's enterprises were registered with.
CREDIT_CODE_REGIONS = (("110115", 80), ("110000", 10), ("110105", 4), ("110108", 4), ("110112", 2))


def _weighted(rng: random.Random, choices: tuple[tuple[str, int], ...] | dict[str, int]) -> str:
    items = list(choices.items()) if isinstance(choices, dict) else list(choices)
    return rng.choices([item for item, _ in items], weights=[weight for _, weight in items])[0]


def _weighted_int(rng: random.Random, choices: tuple[tuple[int, int], ...]) -> int:
    return rng.choices([item for item, _ in choices], weights=[weight for _, weight in choices])[0]


def _registration_date(rng: random.Random) -> dt.date:
    year = _weighted_int(rng, REGISTRATION_YEARS)
    start = dt.date(year, 1, 1)
    return start + dt.timedelta(days=rng.randrange((dt.date(year + 1, 1, 1) - start).days))


def _pinyin(syllables: list[str]) -> str:
    """Join syllables into one word, with an apostrophe before a, o, e (Xi'an, Tai'an)."""
    word = syllables[0]
    for syllable in syllables[1:]:
        word += ("'" if syllable[0] in "aoe" else "") + syllable
    return word.capitalize()


def _slug(text: str) -> str:
    return "".join(char for char in text.lower() if char.isalnum() and char.isascii())


class EnterpriseNamer:
    """Hands out names that are unique across the demonstration data."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[tuple[str, ...]] = set()

    def _claim(self, key: tuple[str, ...]) -> bool:
        if key in self.used:
            return False
        self.used.add(key)
        return True

    def trade_name(self) -> tuple[str, str]:
        """A two-character Chinese trade name (字号) and its pinyin."""
        while True:
            (zh1, py1), (zh2, py2) = self.rng.sample(TRADE_NAME_CHARACTERS, 2)
            zh, en = zh1 + zh2, _pinyin([py1, py2])
            if zh1 != zh2 and self._claim(("zh", zh)) and self._claim(("en", en)):
                return zh, en

    def brand(self, family: str, line: Line, brands: tuple[tuple[str, ...], ...]) -> tuple[str, ...]:
        while True:
            brand = self.rng.choice(brands)
            if self._claim((family, brand[0], line.zh)):
                return brand


def _line(rng: random.Random, country: str) -> tuple[IndustryGroup, Line]:
    group = GROUPS[_weighted(rng, GROUP_WEIGHTS.get(country, GROUP_WEIGHTS["*"]))]
    return group, rng.choice(group.lines)


def _domestic(rng: random.Random, namer: EnterpriseNamer, officers: dict[str, list[str]]) -> EnterpriseSpec:
    group, line = _line(rng, "CN")
    trade_zh, trade_en = namer.trade_name()
    form = rng.random()
    if form < 0.8:
        zh, en = f"北京{trade_zh}{line.zh}有限公司", f"Beijing {trade_en} {line.en} Co., Ltd."
    elif form < 0.9:
        zh, en = f"北京{trade_zh}{line.zh}股份有限公司", f"Beijing {trade_en} {line.en} Corporation Limited"
    else:
        zh, en = f"{trade_zh}（北京）{line.zh}有限公司", f"{trade_en} (Beijing) {line.en} Co., Ltd."
    department = _weighted(rng, DOMESTIC_DEPARTMENTS)
    size = _weighted(rng, SIZES)
    return EnterpriseSpec(
        names={"zh_hans": zh, "en": en},
        brand_zh=trade_zh,
        brand_en=trade_en,
        short_zh=trade_zh + line.zh,
        short_en=f"{trade_en} {line.en}",
        country="CN",
        division=line.division,
        group=group.key,
        ownership=Ownership.STATE if rng.random() < 0.08 else Ownership.PRIVATE,
        size=size,
        department=department,
        owner=rng.choice(officers[department]),
        credit_code=make_credit_code(rng, region=_weighted(rng, CREDIT_CODE_REGIONS)),
        registered_on=_registration_date(rng),
        website=f"https://www.{_slug(trade_en + line.en)}.example" if size in {"medium", "large"} else "",
    )


def _foreign(
    rng: random.Random, namer: EnterpriseNamer, officers: dict[str, list[str]], country: str, *, in_zone: bool
) -> EnterpriseSpec:
    group, line = _line(rng, country)
    if country == "JP":
        # Companies in the zone carry their Japanese name in kana, so take a katakana brand.
        brands = tuple(b for b in JAPANESE_BRANDS if not in_zone or "\u30a0" <= b[0][0] <= "\u30ff")
        ja, en_brand, zh_brand = namer.brand("JP", line, brands)
        short_zh, short_en = zh_brand + line.zh, f"{en_brand} {line.en}"
        if in_zone:
            names = {"ja": f"{ja}{line.ja}（北京）有限公司", "en": f"{short_en} (Beijing) Co., Ltd."}
        else:
            legal_ja = f"株式会社{ja}{line.ja}" if rng.random() < 0.6 else f"{ja}{line.ja}株式会社"
            legal_en = "Corporation" if rng.random() < 0.3 else "Co., Ltd."
            names = {"ja": legal_ja, "en": f"{short_en} {legal_en}"}
    elif country == "KR":
        ko, en_brand, zh_brand = namer.brand("KR", line, KOREAN_BRANDS)
        short_zh, short_en = zh_brand + line.zh, f"{en_brand} {line.en}"
        if in_zone:
            names = {"ko": f"{ko}{line.ko}(베이징)유한공사", "en": f"{short_en} (Beijing) Co., Ltd."}
        else:
            names = {"ko": f"주식회사 {ko}{line.ko}", "en": f"{short_en} Co., Ltd."}
    elif country in {"HK", "TW"}:
        zh_brand, en_brand = namer.trade_name()
        short_zh, short_en = zh_brand + line.zh, f"{en_brand} {line.en}"
        names = {"en": f"{short_en} (Beijing) Co., Ltd."}
    else:
        en_brand, zh_brand = namer.brand("*", line, WESTERN_BRANDS)
        short_zh, short_en = zh_brand + line.zh, f"{en_brand} {line.en}"
        legal = rng.choice(LEGAL_FORMS[country])
        names = {"en": f"{short_en} (Beijing) Co., Ltd." if in_zone else f"{short_en} {legal}"}
    if in_zone:
        names["zh_hans"] = f"{short_zh}（北京）有限公司"
    else:
        names["zh_hans"] = f"{short_zh}株式会社" if country in {"JP", "KR"} else f"{short_zh}公司"
    if country in {"HK", "TW"}:
        ownership = Ownership.HMT
    elif in_zone and rng.random() < 0.25:
        ownership = Ownership.JOINT_VENTURE
    else:
        ownership = Ownership.FOREIGN
    department = department_for_country(country)
    return EnterpriseSpec(
        names=names,
        brand_zh=zh_brand,
        brand_en=en_brand,
        short_zh=short_zh,
        short_en=short_en,
        country=country,
        division=line.division,
        group=group.key,
        ownership=ownership,
        size=_weighted(rng, SIZES[1:]),
        department=department,
        owner=rng.choice(officers[department]),
        registration_number=make_registration_number(rng, country),
        registered_on=_registration_date(rng) if in_zone else None,
        website=f"https://www.{_slug(short_en)}.example",
    )


def _seed_enterprises(rng: random.Random, officers: dict[str, list[str]]) -> list[EnterpriseSpec]:
    """The two foreign-funded enterprises the seeds name."""
    common = {"country": "JP", "department": "cjic-ipb-1", "owner": officers["cjic-ipb-1"][0]}
    return [
        EnterpriseSpec(
            names={
                "zh_hans": "软亚新创（北京）投资有限公司",
                "en": "SoftAsia Xinchuang (Beijing) Investment Co., Ltd.",
                "ja": "軟亜新創（北京）投資有限公司",
            },
            brand_zh="软亚新创",
            brand_en="SoftAsia Xinchuang",
            short_zh="软亚新创投资",
            short_en="SoftAsia Xinchuang Investment",
            division="67",
            group="finance",
            ownership=Ownership.FOREIGN,  # China's first wholly Japanese-owned fund
            size=EnterpriseSize.MEDIUM,
            registration_number=make_registration_number(rng, "JP"),
            registered_on=dt.date(2021, 6, 18),
            **common,
        ),
        EnterpriseSpec(
            names={
                "zh_hans": "恩力动力（北京）科技有限公司",
                "en": "Enli Power (Beijing) Technology Co., Ltd.",
                "ja": "恩力動力（北京）科技有限公司",
            },
            brand_zh="恩力动力",
            brand_en="Enli Power",
            short_zh="恩力动力科技",
            short_en="Enli Power Technology",
            division="38",
            group="energy",
            ownership=Ownership.JOINT_VENTURE,  # solid-state batteries, co-founded by Japan's Kanno
            size=EnterpriseSize.SMALL,
            registration_number=make_registration_number(rng, "JP"),
            registered_on=dt.date(2022, 3, 9),
            **common,
        ),
    ]


def build_enterprises() -> list[EnterpriseSpec]:
    """Every demonstration enterprise: registered in the zone first, then prospects abroad."""
    rng = random.Random(f"{SEED}:enterprises")
    namer = EnterpriseNamer(rng)
    officers = officers_by_department()
    specs = _seed_enterprises(rng, officers)
    for country, count in IN_ZONE_FOREIGN:
        already = sum(1 for spec in specs if spec.country == country)
        specs += [_foreign(rng, namer, officers, country, in_zone=True) for _ in range(count - already)]
    specs += [_domestic(rng, namer, officers) for _ in range(REGISTERED_ENTERPRISES - FOREIGN_FUNDED_IN_ZONE)]
    for country, count in PROSPECTS_ABROAD:
        specs += [_foreign(rng, namer, officers, country, in_zone=False) for _ in range(count)]
    _make_identifiers_unique(rng, specs)
    return specs


def _make_identifiers_unique(rng: random.Random, specs: list[EnterpriseSpec]) -> None:
    seen: set[str] = set()
    for spec in specs:
        while spec.key in seen:
            if spec.credit_code:
                spec.credit_code = make_credit_code(rng, region=spec.credit_code[2:8])
            else:
                spec.registration_number = make_registration_number(rng, spec.country)
        seen.add(spec.key)


# --- Channels ---------------------------------------------------------------------------


@dataclass
class ChannelSpec:
    names: dict[str, str]
    kind: str
    country: str
    agreement_date: dt.date
    keeper: str  # e-mail

    @property
    def key(self) -> str:
        return self.names["en"]


def build_channels() -> list[ChannelSpec]:
    rng = random.Random(f"{SEED}:channels")
    officers = officers_by_department()
    specs = []
    for entry in CHANNELS:
        start = dt.date(2019, 6, 1)
        agreement_date = start + dt.timedelta(days=rng.randrange((dt.date(2025, 11, 1) - start).days))
        specs.append(
            ChannelSpec(
                names={"zh_hans": entry.zh, "en": entry.en, **dict(entry.local)},
                kind=entry.kind,
                country=entry.country,
                agreement_date=agreement_date,
                keeper=rng.choice(officers[department_for_country(entry.country)]),
            )
        )
    return specs


# --- Projects ---------------------------------------------------------------------------

# How many projects stand at each stage, and how many of them are key projects.
FUNNEL: tuple[tuple[Stage, int, int], ...] = (
    (Stage.LEAD, 150, 20),
    (Stage.CONTACTED, 110, 25),
    (Stage.SITE_VISIT, 80, 30),
    (Stage.NEGOTIATING, 70, 35),
    (Stage.INTENTION_SIGNED, 55, 30),
    (Stage.CONTRACT_SIGNED, 45, 30),
    (Stage.REGISTERED, 50, 30),
    (Stage.CAPITAL_IN_PLACE, 35, 25),
    (Stage.CONSTRUCTION, 30, 22),
    (Stage.PRODUCTION, 25, 18),
    (Stage.ON_HOLD, 25, 8),
    (Stage.LOST, 25, 6),
)
LANDED = frozenset({Stage.REGISTERED, Stage.CAPITAL_IN_PLACE, Stage.CONSTRUCTION, Stage.PRODUCTION})
KEY_LEVELS = ((KeyLevel.CITY, 15), (KeyLevel.DISTRICT, 35), (KeyLevel.ZONE, 50))
FOREIGN_SOURCES = (
    (Source.CHANNEL, 40),
    (Source.EVENT, 25),
    (Source.ONLINE_FILING, 15),
    (Source.REFERRAL, 10),
    (Source.OWN_WORK, 10),
)
DOMESTIC_SOURCES = (
    (Source.OWN_WORK, 40),
    (Source.REFERRAL, 25),
    (Source.EVENT, 15),
    (Source.ONLINE_FILING, 15),
    (Source.CHANNEL, 5),
)
EURO_COUNTRIES = frozenset({"FR", "DE", "BE", "ES", "SE", "IT"})
# Units of each currency to one yuan: fixed, so the amounts never move.
PER_YUAN = {"CNY": Decimal("1"), "JPY": Decimal("20.5"), "USD": Decimal("0.14"), "EUR": Decimal("0.13")}
#: The rates table of the demo zone: yuan per unit, in force from the first day of 2026.
EXCHANGE_RATES_FROM = dt.date(2026, 1, 1)
EXCHANGE_RATES = {
    "USD": Decimal("7.1000"), "EUR": Decimal("7.7500"), "JPY": Decimal("0.0487800"), "KRW": Decimal("0.0051300"),
    "GBP": Decimal("9.0500"), "HKD": Decimal("0.9100"), "SGD": Decimal("5.3000"), "AED": Decimal("1.9330"),
    "CHF": Decimal("8.0500"), "SEK": Decimal("0.6800"), "RUB": Decimal("0.0880"),
}  # fmt: skip


@dataclass
class ProjectSpec:
    title_zh: str
    title_en: str
    enterprise: str  # EnterpriseSpec.key
    division: str
    stage: str
    planned_investment: Decimal
    currency: str
    is_key: bool
    key_level: str
    source: str
    channel: str | None  # ChannelSpec.key
    department: str
    owner: str  # e-mail

    @property
    def key(self) -> str:
        return self.title_zh


def _round_figures(value: Decimal, figures: int = 2) -> Decimal:
    """``value`` to ``figures`` significant figures, as a whole number."""
    digits = len(str(int(value)))
    unit = Decimal(10) ** max(digits - figures, 0)
    return (value / unit).quantize(Decimal(1)) * unit


def _currency(country: str) -> str:
    if country == "CN":
        return "CNY"
    if country == "JP":
        return "JPY"
    return "EUR" if country in EURO_COUNTRIES else "USD"


def _amount(rng: random.Random, *, is_key: bool, currency: str) -> Decimal:
    exponent = rng.uniform(8.0, 9.7) if is_key else rng.uniform(6.7, 8.7)  # 100 M–5 bn or 5–500 M yuan
    yuan = _round_figures(Decimal(round(10**exponent)))
    return _round_figures(yuan * PER_YUAN[currency]).quantize(Decimal("0.01"))


@dataclass
class _Pools:
    domestic: list[EnterpriseSpec] = field(default_factory=list)
    foreign_in_zone: list[EnterpriseSpec] = field(default_factory=list)
    abroad: list[EnterpriseSpec] = field(default_factory=list)

    def pick(self, rng: random.Random, stage: str) -> EnterpriseSpec:
        if stage in LANDED:
            pool = self.foreign_in_zone if rng.random() < 0.35 else self.domestic
        else:
            draw = rng.random()
            pool = self.abroad if draw < 0.55 else self.foreign_in_zone if draw < 0.65 else self.domestic
        return rng.choice(pool)


class _Titles:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def title(self, enterprise: EnterpriseSpec) -> tuple[str, str]:
        """The company's brand and a kind of project; its fuller name when the brand's titles are taken."""
        templates = list(GROUPS[enterprise.group].projects)
        self.rng.shuffle(templates)
        names = ((enterprise.brand_zh, enterprise.brand_en), (enterprise.short_zh, enterprise.short_en))
        phases = (("", ""), ("（二期）", " (Phase II)"), ("（三期）", " (Phase III)"), ("（四期）", " (Phase IV)"))
        for phase_zh, phase_en in phases:
            for name_zh, name_en in names:
                for zh, en in templates:
                    title_zh = zh.format(x=name_zh) + phase_zh
                    if title_zh not in self.used:
                        self.used.add(title_zh)
                        return title_zh, en.format(x=name_en) + phase_en
        raise RuntimeError(f"no free project title for {enterprise.short_zh}")


def build_projects(enterprises: list[EnterpriseSpec], channels: list[ChannelSpec]) -> list[ProjectSpec]:
    rng = random.Random(f"{SEED}:projects")
    officers = officers_by_department()
    pools = _Pools()
    for spec in enterprises:
        if spec.registered_on is None:
            pools.abroad.append(spec)
        elif spec.is_foreign_funded:
            pools.foreign_in_zone.append(spec)
        else:
            pools.domestic.append(spec)
    channels_by_country: dict[str, list[str]] = {}
    channels_by_department: dict[str, list[str]] = {}
    for channel in channels:
        channels_by_country.setdefault(channel.country, []).append(channel.key)
        channels_by_department.setdefault(department_for_country(channel.country), []).append(channel.key)
    all_channels = [channel.key for channel in channels]
    titles = _Titles(rng)

    def project(enterprise: EnterpriseSpec, stage: str, is_key: bool, **fixed: object) -> ProjectSpec:
        title_zh, title_en = titles.title(enterprise)
        currency = _currency(enterprise.country)
        foreign = enterprise.country != "CN"
        source = _weighted(rng, FOREIGN_SOURCES if foreign else DOMESTIC_SOURCES)
        channel_key = None
        if source == Source.CHANNEL:
            candidates = channels_by_country.get(enterprise.country) or channels_by_department.get(
                enterprise.department, all_channels
            )
            channel_key = rng.choice(candidates)
        values: dict = {
            "title_zh": title_zh,
            "title_en": title_en,
            "enterprise": enterprise.key,
            "division": enterprise.division,
            "stage": stage,
            "planned_investment": _amount(rng, is_key=is_key, currency=currency),
            "currency": currency,
            "is_key": is_key,
            "key_level": _weighted(rng, KEY_LEVELS) if is_key else "",
            "source": source,
            "channel": channel_key,
            "department": enterprise.department,
            "owner": rng.choice(officers[enterprise.department]),
        }
        values.update(fixed)
        return ProjectSpec(**values)

    softasia, enli = enterprises[0], enterprises[1]
    specs = [
        project(
            softasia,
            Stage.PRODUCTION,
            True,
            title_zh="软亚新创日本独资基金设立项目",
            title_en="SoftAsia Xinchuang Wholly Japanese-owned Fund",
            key_level=KeyLevel.CITY,
            planned_investment=Decimal("5000000000.00"),
            currency="JPY",
        ),
        project(
            enli,
            Stage.CONSTRUCTION,
            True,
            title_zh="恩力动力固态电池研发及产业化项目",
            title_en="Enli Power Solid-state Battery R&D and Industrialisation",
            key_level=KeyLevel.CITY,
            planned_investment=Decimal("800000000.00"),
            currency="CNY",
        ),
    ]
    for stage, count, key_count in FUNNEL:
        already = [spec for spec in specs if spec.stage == stage]
        keys_left = key_count - sum(spec.is_key for spec in already)
        for index in range(count - len(already)):
            specs.append(project(pools.pick(rng, stage), stage, index < keys_left))
    return specs
