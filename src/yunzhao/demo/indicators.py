"""The demonstration zone's figures: two years of quarters (2023–2024, with 2022 for their year on
year) of GDP, foreign trade, foreign investment, enterprises and key projects, and the national
figures they are compared with — names and units in the eight languages.

The seeds' first quarter of 2023 comes out of the stored raw values, never typed: imports and
exports 8,992.4 亿元 (899.24 billion yuan) against 8,057.7 a year earlier → +11.6 % year on
year; the nation 98,875 against 94,381 亿元 → +4.8 %, so 6.8 percentage points above the
national growth, and (8,992.4 − 8,057.7) / (98,875 − 94,381) = 20.8 % of the national growth.
Flows are year to date; stocks are counted at the end of the quarter. At the end of 2024 the zone
counts the seeds' 2,000 registered enterprises, 72 foreign-funded enterprises and 279 key projects,
as the demo's enterprise and project records do.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from yunzhao.accounts.models import Department
from yunzhao.core.content import publish, record_all_translations
from yunzhao.indicators.models import Aggregation, Category, Indicator, IndicatorValue

LANGUAGES = ("zh_hans", "en", "ja", "ko", "ar", "es", "fr", "ru")
YEARS = (2022, 2023, 2024)

YUAN_100M = {
    "zh_hans": "亿元",
    "en": "100 million yuan",
    "ja": "億元",
    "ko": "억 위안",
    "ar": "100 مليون يوان",
    "es": "cientos de millones de yuanes",
    "fr": "centaines de millions de yuans",
    "ru": "сотен млн юаней",
}
YUAN = {
    "zh_hans": "元",
    "en": "yuan",
    "ja": "元",
    "ko": "위안",
    "ar": "يوان",
    "es": "yuanes",
    "fr": "yuans",
    "ru": "юаней",
}
USD_100M = {
    "zh_hans": "亿美元",
    "en": "100 million US dollars",
    "ja": "億米ドル",
    "ko": "억 달러",
    "ar": "100 مليون دولار أمريكي",
    "es": "cientos de millones de dólares",
    "fr": "centaines de millions de dollars",
    "ru": "сотен млн долларов США",
}
USD = {
    "zh_hans": "美元",
    "en": "US dollars",
    "ja": "米ドル",
    "ko": "달러",
    "ar": "دولار أمريكي",
    "es": "dólares",
    "fr": "dollars US",
    "ru": "долларов США",
}
ENTERPRISES = {
    "zh_hans": "家",
    "en": "enterprises",
    "ja": "社",
    "ko": "개사",
    "ar": "شركة",
    "es": "empresas",
    "fr": "entreprises",
    "ru": "предприятий",
}
PROJECTS = {
    "zh_hans": "个",
    "en": "projects",
    "ja": "件",
    "ko": "건",
    "ar": "مشروعًا",
    "es": "proyectos",
    "fr": "projets",
    "ru": "проектов",
}


def _names(zh: str, en: str, ja: str, ko: str, ar: str, es: str, fr: str, ru: str) -> dict[str, str]:
    return dict(zip(LANGUAGES, (zh, en, ja, ko, ar, es, fr, ru), strict=True))


@dataclass(frozen=True)
class IndicatorSpec:
    code: str
    name: dict[str, str]
    unit: dict[str, str]
    category: str
    aggregation: str
    values: tuple[str, ...]  # 2022 Q1 … 2024 Q4
    source: str
    base_unit: dict[str, str] | None = None
    scale: int = 0
    decimals: int = 1
    on_overview: bool = False
    counterpart: str = ""


def _split(total: tuple[str, ...], share: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    exports = tuple(str((Decimal(value) * Decimal(share)).quantize(Decimal("0.1"))) for value in total)
    imports = tuple(str(Decimal(value) - Decimal(export)) for value, export in zip(total, exports, strict=True))
    return exports, imports


TRADE = (
    "8057.7", "16890.2", "25630.5", "36445.6",
    "8992.4", "17540.3", "27005.6", "36466.0",
    "8900.5", "17930.0", "27400.8", "36083.1",
)  # fmt: skip
EXPORTS, IMPORTS = _split(TRADE, "0.18")

SPECS: tuple[IndicatorSpec, ...] = (
    IndicatorSpec(
        code="national_gdp",
        name=_names(
            "全国国内生产总值", "National GDP", "全国の国内総生産", "전국 국내총생산",
            "الناتج المحلي الإجمالي الوطني", "PIB nacional", "PIB national", "ВВП страны",
        ),
        unit=YUAN_100M, base_unit=YUAN, scale=8, category=Category.ECONOMY, aggregation=Aggregation.FLOW,
        values=(
            "270178", "562642", "870269", "1210207",
            "284997", "593034", "913027", "1260582",
            "296299", "616836", "949746", "1349084",
        ),
        source="国家统计局", decimals=0,
    ),
    IndicatorSpec(
        code="national_trade_total",
        name=_names(
            "全国货物进出口总额", "National imports and exports", "全国の輸出入総額", "전국 수출입 총액",
            "إجمالي الواردات والصادرات الوطنية", "Importaciones y exportaciones nacionales",
            "Importations et exportations nationales", "Внешнеторговый оборот страны",
        ),
        unit=YUAN_100M, base_unit=YUAN, scale=8, category=Category.TRADE, aggregation=Aggregation.FLOW,
        values=(
            "94381", "198000", "311100", "420700",
            "98875", "201000", "308000", "417600",
            "101700", "211700", "323000", "438500",
        ),
        source="海关总署", decimals=0,
    ),
    IndicatorSpec(
        code="gdp",
        name=_names(
            "地区生产总值", "Gross domestic product", "域内総生産", "지역 총생산",
            "الناتج المحلي الإجمالي", "Producto interior bruto", "Produit intérieur brut", "Валовой региональный продукт",
        ),
        unit=YUAN_100M, base_unit=YUAN, scale=8, category=Category.ECONOMY, aggregation=Aggregation.FLOW,
        values=(
            "9937.4", "19352.2", "29926.8", "41610.9",
            "10336.9", "21000.0", "32000.0", "43760.7",
            "11256.8", "23000.3", "35600.1", "49843.1",
        ),
        source="统计局", on_overview=True, counterpart="national_gdp",
    ),
    IndicatorSpec(
        code="trade_total",
        name=_names(
            "进出口总额", "Imports and exports", "輸出入総額", "수출입 총액",
            "إجمالي الواردات والصادرات", "Importaciones y exportaciones", "Importations et exportations",
            "Внешнеторговый оборот",
        ),
        unit=YUAN_100M, base_unit=YUAN, scale=8, category=Category.TRADE, aggregation=Aggregation.FLOW,
        values=TRADE, source="北京海关", on_overview=True, counterpart="national_trade_total",
    ),
    IndicatorSpec(
        code="exports",
        name=_names("出口额", "Exports", "輸出額", "수출액", "الصادرات", "Exportaciones", "Exportations", "Экспорт"),
        unit=YUAN_100M, base_unit=YUAN, scale=8, category=Category.TRADE, aggregation=Aggregation.FLOW,
        values=EXPORTS, source="北京海关",
    ),
    IndicatorSpec(
        code="imports",
        name=_names("进口额", "Imports", "輸入額", "수입액", "الواردات", "Importaciones", "Importations", "Импорт"),
        unit=YUAN_100M, base_unit=YUAN, scale=8, category=Category.TRADE, aggregation=Aggregation.FLOW,
        values=IMPORTS, source="北京海关",
    ),
    IndicatorSpec(
        code="foreign_investment_used",
        name=_names(
            "实际利用外资", "Foreign investment actually used", "外資実行額", "외국인 투자 실제 이용액",
            "الاستثمار الأجنبي المستخدم فعليًا", "Inversión extranjera utilizada", "Investissement étranger utilisé",
            "Фактически использованные иностранные инвестиции",
        ),
        unit=USD_100M, base_unit=USD, scale=8, category=Category.INVESTMENT, aggregation=Aggregation.FLOW,
        values=(
            "64.5", "112.3", "150.2", "174.1",
            "52.0", "98.5", "130.8", "137.1",
            "40.3", "70.2", "100.4", "125.3",
        ),
        source="商务局", decimals=2, on_overview=True,
    ),
    IndicatorSpec(
        code="registered_enterprises",
        name=_names(
            "注册经营主体", "Registered enterprises", "登録企業数", "등록 기업",
            "الشركات المسجلة", "Empresas registradas", "Entreprises immatriculées", "Зарегистрированные предприятия",
        ),
        unit=ENTERPRISES, category=Category.ENTERPRISES, aggregation=Aggregation.STOCK,
        values=("520", "610", "700", "790", "900", "1010", "1120", "1240", "1420", "1600", "1800", "2000"),
        source="市场监督管理局", decimals=0, on_overview=True,
    ),
    IndicatorSpec(
        code="foreign_enterprises",
        name=_names(
            "外资企业", "Foreign-funded enterprises", "外資系企業", "외국인 투자 기업",
            "الشركات ذات التمويل الأجنبي", "Empresas de capital extranjero", "Entreprises à capitaux étrangers",
            "Предприятия с иностранным капиталом",
        ),
        unit=ENTERPRISES, category=Category.ENTERPRISES, aggregation=Aggregation.STOCK,
        values=("18", "21", "24", "27", "31", "36", "41", "47", "53", "59", "66", "72"),
        source="市场监督管理局", decimals=0, on_overview=True,
    ),
    IndicatorSpec(
        code="key_projects",
        name=_names(
            "重点项目", "Key projects", "重点プロジェクト", "중점 프로젝트",
            "المشاريع الرئيسية", "Proyectos clave", "Projets clés", "Ключевые проекты",
        ),
        unit=PROJECTS, category=Category.PROJECTS, aggregation=Aggregation.STOCK,
        values=("120", "131", "142", "155", "170", "186", "203", "219", "234", "249", "264", "279"),
        source="投资促进局", decimals=0, on_overview=True,
    ),
)  # fmt: skip


def ensure_content(departments: dict[str, Department], users: dict[str, int], created: Counter[str]) -> None:
    """Create what is missing of this module's demo content, counting it in ``created``."""
    indicators: dict[str, Indicator] = {}
    for order, spec in enumerate(SPECS, start=1):
        indicator = Indicator.objects.filter(code=spec.code).first()
        if indicator is None:
            indicator = Indicator(
                code=spec.code,
                scale=spec.scale,
                category=spec.category,
                aggregation=spec.aggregation,
                decimals=spec.decimals,
                on_overview=spec.on_overview,
                sort_order=order * 10,
                national_counterpart=indicators.get(spec.counterpart),
            )
            for field, texts in (("name", spec.name), ("unit", spec.unit), ("base_unit", spec.base_unit or {})):
                for language, text in texts.items():
                    setattr(indicator, f"{field}_{language}", text)
            record_all_translations(indicator)
            publish(indicator)
            indicator.save()
            created["indicators"] += 1
        indicators[spec.code] = indicator
        have = set(IndicatorValue.objects.filter(indicator=indicator).values_list("year", "quarter"))
        periods = [(year, quarter) for year in YEARS for quarter in (1, 2, 3, 4)]
        new = [
            IndicatorValue(indicator=indicator, year=year, quarter=quarter, value=Decimal(value), source=spec.source)
            for (year, quarter), value in zip(periods, spec.values, strict=True)
            if (year, quarter) not in have
        ]
        IndicatorValue.objects.bulk_create(new)
        created["indicator values"] += len(new)
