"""Seeded participant profiles with hidden true affinities, for the recommendation benchmark.

``generate(n, seed)`` returns ``(profiles, hidden)``: ``hidden[i]`` are the latent traits of
participant ``i`` and ``profiles[i]`` (a ``Profile`` with ``id == i``) is what they wrote,
drawn from those traits with noise.  ``affinity(hidden[a], hidden[b])`` is the true graded
relevance (0–3) of ``b`` for ``a``.

Hidden traits: a role and the intents that go with it (buyers buy and some distribute,
exhibitors sell and some seek investment, investors invest, partners partner or
distribute), one true industry division (13 divisions in 6 sections, C weighted most), a
home country (which fixes the language), one to three target countries, a scale tier 0–3.

True affinity of ``b`` for ``a``: 0 unless some true intent of ``a`` complements one of
``b``'s and they share at least the section; then 2 for the same division, 1 for the same
section, plus 1 when ``b``'s home country is among ``a``'s targets, minus 1 when their
scales are three tiers apart (never below 0).

What the profile shows — the only way the engine learns anything about the traits:

* role: always (it is chosen at registration);
* 10 % of profiles are text-only: no industries, intents, countries or sizes;
* industries: the true division (55 %), only its section (25 %) or nothing (20 %); 10 %
  add a wrong division;
* intents: each true intent is stated with probability 0.75;
* offered countries: the home country with probability 0.8, a random extra one 20 %;
* sought countries: each target with probability 0.7, a wrong one 15 %;
* company size from the tier (70 %, and then one tier off 20 % of the time), a deal-size
  range around the tier's (60 %);
* text (90 % of profiles, all text-only ones) in the participant's language from a shared
  multilingual vocabulary: the true division's words (80 %, otherwise another random
  division's, 10 %, or none), a phrase for each true intent (70 % each) and 1–4
  generic words ("company", "quality", …).  The words of one concept differ between
  languages, except what Japanese and Chinese share once kanji are folded (電池/电池,
  投資/投资, 発電/发电, 農業/农业, 貿易/贸易, 代理) and accidental Latin cognates.

The engine never sees ``hidden``; the benchmark only uses it to grade the ranked lists.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from yunzhao.matchmaking.recommending.profile import COMPANY_SIZES, COMPLEMENTS, Profile

LANGS = ("zh-hans", "en", "ja", "ko", "ar", "es", "fr", "ru")

# division → (section, words in zh-hans, en, ja, ko, ar, es, fr, ru)
DIVISIONS: dict[str, tuple[str, tuple[str, ...]]] = {
    "38": ("C", ("电池", "batteries", "電池", "배터리", "بطاريات", "baterías", "batteries", "аккумуляторы")),
    "36": (
        "C",
        (
            "汽车零部件",
            "auto parts",
            "自動車部品",
            "자동차 부품",
            "قطع غيار السيارات",
            "autopartes",
            "pièces automobiles",
            "автозапчасти",
        ),
    ),
    "27": ("C", ("医药", "pharmaceuticals", "医薬品", "의약품", "أدوية", "farmacéuticos", "médicaments", "лекарства")),
    "39": (
        "C",
        (
            "电子元件",
            "electronic components",
            "電子部品",
            "전자 부품",
            "مكونات إلكترونية",
            "componentes electrónicos",
            "composants électroniques",
            "электронные компоненты",
        ),
    ),
    "26": (
        "C",
        (
            "化工原料",
            "chemicals",
            "化学品",
            "화학 제품",
            "مواد كيميائية",
            "productos químicos",
            "produits chimiques",
            "химическая продукция",
        ),
    ),
    "34": (
        "C",
        (
            "工业机械",
            "industrial machinery",
            "産業機械",
            "산업 기계",
            "آلات صناعية",
            "maquinaria industrial",
            "machines industrielles",
            "промышленное оборудование",
        ),
    ),
    "17": (
        "C",
        (
            "纺织面料",
            "textile fabrics",
            "繊維生地",
            "섬유 원단",
            "أقمشة نسيج",
            "tejidos textiles",
            "tissus textiles",
            "текстильные ткани",
        ),
    ),
    "13": (
        "C",
        (
            "农产品加工",
            "food processing",
            "食品加工",
            "식품 가공",
            "تصنيع الأغذية",
            "procesamiento de alimentos",
            "transformation alimentaire",
            "пищевая переработка",
        ),
    ),
    "65": (
        "I",
        (
            "软件开发",
            "software development",
            "ソフトウェア開発",
            "소프트웨어 개발",
            "تطوير البرمجيات",
            "desarrollo de software",
            "développement logiciel",
            "разработка программного обеспечения",
        ),
    ),
    "44": (
        "D",
        (
            "光伏发电",
            "solar power",
            "太陽光発電",
            "태양광 발전",
            "الطاقة الشمسية",
            "energía solar",
            "énergie solaire",
            "солнечная энергия",
        ),
    ),
    "01": (
        "A",
        (
            "农业种植",
            "crop farming",
            "農業栽培",
            "농업 재배",
            "زراعة المحاصيل",
            "cultivos agrícolas",
            "cultures agricoles",
            "растениеводство",
        ),
    ),
    "72": (
        "L",
        (
            "商务咨询",
            "business consulting",
            "ビジネスコンサルティング",
            "비즈니스 컨설팅",
            "استشارات الأعمال",
            "consultoría empresarial",
            "conseil aux entreprises",
            "бизнес-консалтинг",
        ),
    ),
    "51": (
        "F",
        (
            "批发贸易",
            "wholesale trade",
            "卸売貿易",
            "도매 무역",
            "تجارة الجملة",
            "comercio mayorista",
            "commerce de gros",
            "оптовая торговля",
        ),
    ),
}
DIVISION_WEIGHTS = {
    "38": 3,
    "36": 3,
    "27": 2,
    "39": 3,
    "26": 2,
    "34": 3,
    "17": 2,
    "13": 2,
    "65": 2,
    "44": 2,
    "01": 1,
    "72": 1,
    "51": 1,
}

INTENT_WORDS: dict[str, tuple[str, ...]] = {
    "buy": ("采购", "purchasing", "購買", "구매", "شراء", "compras", "achats", "закупки"),
    "sell": ("销售", "sales", "販売", "판매", "بيع", "ventas", "ventes", "продажи"),
    "invest": ("投资", "investment", "投資", "투자", "استثمار", "inversión", "investissement", "инвестиции"),
    "seek_investment": (
        "寻求融资",
        "seeking funding",
        "資金調達",
        "투자 유치",
        "البحث عن تمويل",
        "busca financiación",
        "recherche de financement",
        "поиск финансирования",
    ),
    "distribute": (
        "经销代理",
        "distribution",
        "販売代理店",
        "유통 대리점",
        "توزيع",
        "distribución",
        "distribution",
        "дистрибуция",
    ),
    "partner": ("合作伙伴", "partnership", "業務提携", "파트너십", "شراكة", "asociación", "partenariat", "партнерство"),
}

FILLER: dict[str, tuple[str, ...]] = {
    "zh-hans": ("公司", "国际", "优质", "产品", "服务", "市场", "领先"),
    "en": ("company", "international", "quality", "products", "services", "market", "leading"),
    "ja": ("会社", "国際", "品質", "製品", "サービス", "市場", "大手"),
    "ko": ("회사", "국제", "품질", "제품", "서비스", "시장", "선도"),
    "ar": ("شركة", "دولية", "جودة", "منتجات", "خدمات", "سوق", "رائدة"),
    "es": ("empresa", "internacional", "calidad", "productos", "servicios", "mercado", "líder"),
    "fr": ("entreprise", "internationale", "qualité", "produits", "services", "marché", "leader"),
    "ru": ("компания", "международная", "качество", "продукция", "услуги", "рынок", "ведущая"),
}

# country → (language, weight)
COUNTRIES: dict[str, tuple[str, int]] = {
    "CN": ("zh-hans", 8),
    "JP": ("ja", 4),
    "KR": ("ko", 3),
    "AE": ("ar", 2),
    "SA": ("ar", 1),
    "ES": ("es", 2),
    "MX": ("es", 1),
    "FR": ("fr", 2),
    "RU": ("ru", 2),
    "US": ("en", 3),
    "DE": ("en", 2),
    "GB": ("en", 1),
    "VN": ("en", 2),
    "TH": ("en", 1),
    "BR": ("en", 1),
}
ROLE_WEIGHTS = {"buyer": 30, "exhibitor": 35, "investor": 15, "partner": 20}
DEAL_RANGES = ((1e4, 1e5), (5e4, 1e6), (5e5, 1e7), (5e6, 1e8))


@dataclass(frozen=True)
class Hidden:
    role: str
    intents: frozenset[str]
    division: str
    home: str
    targets: frozenset[str]
    tier: int


def affinity(a: Hidden, b: Hidden) -> int:
    """True graded relevance (0–3) of the participant with traits ``b`` for the one with ``a``."""
    if not any(theirs in b.intents for mine in a.intents for theirs in COMPLEMENTS[mine]):
        return 0
    if a.division == b.division:
        grade = 2
    elif DIVISIONS[a.division][0] == DIVISIONS[b.division][0]:
        grade = 1
    else:
        return 0
    grade += b.home in a.targets
    if abs(a.tier - b.tier) >= 3:
        grade -= 1
    return max(0, min(3, grade))


def _pick(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _hidden(rng: random.Random) -> Hidden:
    role = _pick(rng, ROLE_WEIGHTS)
    if role == "buyer":
        intents = {"buy"} | ({"distribute"} if rng.random() < 0.3 else set())
    elif role == "exhibitor":
        intents = {"sell"} | ({"seek_investment"} if rng.random() < 0.25 else set())
    elif role == "investor":
        intents = {"invest"}
    else:
        intents = {"partner"} if rng.random() < 0.6 else {"distribute"}
    home = _pick(rng, {c: w for c, (_lang, w) in COUNTRIES.items()})
    others = [c for c in COUNTRIES if c != home]
    targets = frozenset(rng.sample(others, rng.randint(1, 3)))
    return Hidden(role, frozenset(intents), _pick(rng, DIVISION_WEIGHTS), home, targets, rng.randint(0, 3))


def _text(rng: random.Random, h: Hidden, lang: str) -> str:
    column = LANGS.index(lang)
    words = list(rng.sample(FILLER[lang], rng.randint(1, 4)))
    draw = rng.random()
    if draw < 0.8:
        words.append(DIVISIONS[h.division][1][column])
    elif draw < 0.9:
        words.append(DIVISIONS[rng.choice(list(DIVISIONS))][1][column])
    words += [INTENT_WORDS[intent][column] for intent in sorted(h.intents) if rng.random() < 0.7]
    rng.shuffle(words)
    return " ".join(words)


def _profile(rng: random.Random, pid: int, h: Hidden) -> Profile:
    lang = COUNTRIES[h.home][0]
    if rng.random() < 0.1:
        return Profile(id=pid, role=h.role, text=_text(rng, h, lang), language=lang)
    draw = rng.random()
    industries = [h.division] if draw < 0.55 else [DIVISIONS[h.division][0]] if draw < 0.8 else []
    if rng.random() < 0.1:
        industries.append(rng.choice([d for d in DIVISIONS if d != h.division]))
    intents = frozenset(i for i in sorted(h.intents) if rng.random() < 0.75)
    offered = {h.home} if rng.random() < 0.8 else set()
    if rng.random() < 0.2:
        offered.add(rng.choice(list(COUNTRIES)))
    sought = {c for c in sorted(h.targets) if rng.random() < 0.7}
    if rng.random() < 0.15:
        sought.add(rng.choice(list(COUNTRIES)))
    size = None
    if rng.random() < 0.7:
        tier = h.tier + (rng.choice((-1, 1)) if rng.random() < 0.2 else 0)
        size = COMPANY_SIZES[max(0, min(3, tier))]
    deal_min = deal_max = None
    if rng.random() < 0.6:
        low, high = DEAL_RANGES[h.tier]
        deal_min, deal_max = low * rng.uniform(0.5, 1.5), high * rng.uniform(0.5, 1.5)
    return Profile(
        id=pid,
        role=h.role,
        industries=tuple(dict.fromkeys(industries)),
        sought_countries=frozenset(sought),
        offered_countries=frozenset(offered),
        intents=intents,
        company_size=size,
        deal_min=deal_min,
        deal_max=deal_max,
        text=_text(rng, h, lang) if rng.random() < 0.9 else "",
        language=lang,
    )


def generate(n: int = 10_000, seed: int = 1) -> tuple[list[Profile], list[Hidden]]:
    """``n`` profiles (ids 0…n-1) and their hidden traits, the same for the same seed."""
    rng = random.Random(seed)
    hidden = [_hidden(rng) for _ in range(n)]
    profiles = [_profile(rng, pid, h) for pid, h in enumerate(hidden)]
    return profiles, hidden
