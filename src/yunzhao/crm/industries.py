"""China's industry classification GB/T 4754-2017 (国民经济行业分类), its two upper levels.

Twenty sections (门类) A–T and ninety-seven divisions (大类) 01–97, each with its
Chinese and English name and its place in ISIC Rev.4:

* ``isic_section`` — the ISIC section the GB/T entry belongs to (for a section, the one
  it mostly corresponds to: GB/T's letters are not ISIC's letters, e.g. GB/T J 金融业 is
  ISIC K, and GB/T C 42 废弃资源综合利用业 is ISIC E 38);
* ``isic_division`` — the ISIC division, given only where the GB/T division corresponds
  to a single ISIC division; left empty where its groups spread over several
  (e.g. 15 酒、饮料和精制茶制造业: tea processing is ISIC 10, beverages ISIC 11).

``Industry.isic_code`` stores the division where there is one, otherwise the section.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import translation

from yunzhao.crm.models import Industry


@dataclass(frozen=True)
class IndustryEntry:
    code: str
    name_zh: str
    name_en: str
    isic_section: str
    isic_division: str = ""

    @property
    def isic_code(self) -> str:
        return self.isic_division or self.isic_section

    @property
    def is_section(self) -> bool:
        return self.code.isalpha()


S = IndustryEntry

SECTIONS: tuple[IndustryEntry, ...] = (
    S("A", "农、林、牧、渔业", "Agriculture, forestry, animal husbandry and fishery", "A"),
    S("B", "采矿业", "Mining", "B"),
    S("C", "制造业", "Manufacturing", "C"),
    S("D", "电力、热力、燃气及水生产和供应业", "Production and supply of electricity, heat, gas and water", "D"),
    S("E", "建筑业", "Construction", "F"),
    S("F", "批发和零售业", "Wholesale and retail trade", "G"),
    S("G", "交通运输、仓储和邮政业", "Transport, storage and postal services", "H"),
    S("H", "住宿和餐饮业", "Accommodation and catering", "I"),
    S(
        "I",
        "信息传输、软件和信息技术服务业",
        "Information transmission, software and information technology services",
        "J",
    ),
    S("J", "金融业", "Finance", "K"),
    S("K", "房地产业", "Real estate", "L"),
    S("L", "租赁和商务服务业", "Leasing and business services", "N"),
    S("M", "科学研究和技术服务业", "Scientific research and technical services", "M"),
    S("N", "水利、环境和公共设施管理业", "Water conservancy, environment and public facilities management", "E"),
    S("O", "居民服务、修理和其他服务业", "Resident services, repair and other services", "S"),
    S("P", "教育", "Education", "P"),
    S("Q", "卫生和社会工作", "Health and social work", "Q"),
    S("R", "文化、体育和娱乐业", "Culture, sports and entertainment", "R"),
    S("S", "公共管理、社会保障和社会组织", "Public administration, social security and social organisations", "O"),
    S("T", "国际组织", "International organisations", "U"),
)

DIVISIONS: tuple[IndustryEntry, ...] = (
    # A 农、林、牧、渔业
    S("01", "农业", "Agriculture (crop farming)", "A", "01"),
    S("02", "林业", "Forestry", "A", "02"),
    S("03", "畜牧业", "Animal husbandry", "A", "01"),
    S("04", "渔业", "Fishery", "A", "03"),
    S(
        "05",
        "农、林、牧、渔专业及辅助性活动",
        "Professional and support activities for agriculture, forestry, animal husbandry and fishery",
        "A",
    ),
    # B 采矿业
    S("06", "煤炭开采和洗选业", "Mining and washing of coal", "B", "05"),
    S("07", "石油和天然气开采业", "Extraction of crude petroleum and natural gas", "B", "06"),
    S("08", "黑色金属矿采选业", "Mining and processing of ferrous metal ores", "B", "07"),
    S("09", "有色金属矿采选业", "Mining and processing of non-ferrous metal ores", "B", "07"),
    S("10", "非金属矿采选业", "Mining and processing of non-metallic minerals", "B", "08"),
    S("11", "开采专业及辅助性活动", "Professional and support activities for mining", "B", "09"),
    S("12", "其他采矿业", "Other mining", "B", "08"),
    # C 制造业
    S("13", "农副食品加工业", "Processing of food from agricultural products", "C", "10"),
    S("14", "食品制造业", "Manufacture of foods", "C", "10"),
    S("15", "酒、饮料和精制茶制造业", "Manufacture of liquor, beverages and refined tea", "C"),
    S("16", "烟草制品业", "Manufacture of tobacco products", "C", "12"),
    S("17", "纺织业", "Manufacture of textiles", "C", "13"),
    S("18", "纺织服装、服饰业", "Manufacture of textile wearing apparel and accessories", "C", "14"),
    S(
        "19",
        "皮革、毛皮、羽毛及其制品和制鞋业",
        "Manufacture of leather, fur, feather and related products, and footwear",
        "C",
    ),
    S(
        "20",
        "木材加工和木、竹、藤、棕、草制品业",
        "Processing of timber and manufacture of wood, bamboo, rattan, palm and straw products",
        "C",
        "16",
    ),
    S("21", "家具制造业", "Manufacture of furniture", "C", "31"),
    S("22", "造纸和纸制品业", "Manufacture of paper and paper products", "C", "17"),
    S("23", "印刷和记录媒介复制业", "Printing and reproduction of recording media", "C", "18"),
    S(
        "24",
        "文教、工美、体育和娱乐用品制造业",
        "Manufacture of articles for culture, education, arts and crafts, sport and entertainment",
        "C",
        "32",
    ),
    S("25", "石油、煤炭及其他燃料加工业", "Processing of petroleum, coal and other fuels", "C"),
    S("26", "化学原料和化学制品制造业", "Manufacture of raw chemical materials and chemical products", "C", "20"),
    S("27", "医药制造业", "Manufacture of medicines", "C", "21"),
    S("28", "化学纤维制造业", "Manufacture of chemical fibres", "C", "20"),
    S("29", "橡胶和塑料制品业", "Manufacture of rubber and plastic products", "C", "22"),
    S("30", "非金属矿物制品业", "Manufacture of non-metallic mineral products", "C", "23"),
    S("31", "黑色金属冶炼和压延加工业", "Smelting and pressing of ferrous metals", "C", "24"),
    S("32", "有色金属冶炼和压延加工业", "Smelting and pressing of non-ferrous metals", "C", "24"),
    S("33", "金属制品业", "Manufacture of metal products", "C", "25"),
    S("34", "通用设备制造业", "Manufacture of general-purpose machinery", "C", "28"),
    S("35", "专用设备制造业", "Manufacture of special-purpose machinery", "C"),
    S("36", "汽车制造业", "Manufacture of motor vehicles", "C", "29"),
    S(
        "37",
        "铁路、船舶、航空航天和其他运输设备制造业",
        "Manufacture of railway, ship, aerospace and other transport equipment",
        "C",
        "30",
    ),
    S("38", "电气机械和器材制造业", "Manufacture of electrical machinery and equipment", "C", "27"),
    S(
        "39",
        "计算机、通信和其他电子设备制造业",
        "Manufacture of computers, communication and other electronic equipment",
        "C",
        "26",
    ),
    S("40", "仪器仪表制造业", "Manufacture of measuring instruments and meters", "C", "26"),
    S("41", "其他制造业", "Other manufacturing", "C", "32"),
    S("42", "废弃资源综合利用业", "Utilisation of waste resources", "E", "38"),
    S("43", "金属制品、机械和设备修理业", "Repair of metal products, machinery and equipment", "C", "33"),
    # D 电力、热力、燃气及水生产和供应业
    S("44", "电力、热力生产和供应业", "Production and supply of electricity and heat", "D", "35"),
    S("45", "燃气生产和供应业", "Production and supply of gas", "D", "35"),
    S("46", "水的生产和供应业", "Production and supply of water", "E"),
    # E 建筑业
    S("47", "房屋建筑业", "Construction of buildings", "F", "41"),
    S("48", "土木工程建筑业", "Civil engineering", "F", "42"),
    S("49", "建筑安装业", "Construction installation activities", "F", "43"),
    S("50", "建筑装饰、装修和其他建筑业", "Building decoration, renovation and other construction", "F", "43"),
    # F 批发和零售业
    S("51", "批发业", "Wholesale trade", "G"),
    S("52", "零售业", "Retail trade", "G"),
    # G 交通运输、仓储和邮政业
    S("53", "铁路运输业", "Rail transport", "H"),
    S("54", "道路运输业", "Road transport", "H"),
    S("55", "水上运输业", "Water transport", "H"),
    S("56", "航空运输业", "Air transport", "H"),
    S("57", "管道运输业", "Pipeline transport", "H", "49"),
    S("58", "多式联运和运输代理业", "Multimodal transport and transport agencies", "H", "52"),
    S("59", "装卸搬运和仓储业", "Loading, unloading and warehousing", "H", "52"),
    S("60", "邮政业", "Postal services", "H", "53"),
    # H 住宿和餐饮业
    S("61", "住宿业", "Accommodation", "I", "55"),
    S("62", "餐饮业", "Catering", "I", "56"),
    # I 信息传输、软件和信息技术服务业
    S(
        "63",
        "电信、广播电视和卫星传输服务",
        "Telecommunications, broadcasting and satellite transmission services",
        "J",
        "61",
    ),
    S("64", "互联网和相关服务", "Internet and related services", "J"),
    S("65", "软件和信息技术服务业", "Software and information technology services", "J", "62"),
    # J 金融业
    S("66", "货币金融服务", "Monetary financial services", "K", "64"),
    S("67", "资本市场服务", "Capital market services", "K", "66"),
    S("68", "保险业", "Insurance", "K", "65"),
    S("69", "其他金融业", "Other financial activities", "K"),
    # K 房地产业
    S("70", "房地产业", "Real estate", "L", "68"),
    # L 租赁和商务服务业
    S("71", "租赁业", "Leasing", "N", "77"),
    S("72", "商务服务业", "Business services", "N"),
    # M 科学研究和技术服务业
    S("73", "研究和试验发展", "Research and experimental development", "M", "72"),
    S("74", "专业技术服务业", "Professional technical services", "M"),
    S("75", "科技推广和应用服务业", "Technology promotion and application services", "M"),
    # N 水利、环境和公共设施管理业
    S("76", "水利管理业", "Water conservancy management", "E"),
    S("77", "生态保护和环境治理业", "Ecological protection and environmental management", "E"),
    S("78", "公共设施管理业", "Public facilities management", "N"),
    S("79", "土地管理业", "Land management", "O"),
    # O 居民服务、修理和其他服务业
    S("80", "居民服务业", "Resident services", "S"),
    S(
        "81",
        "机动车、电子产品和日用产品修理业",
        "Repair of motor vehicles, electronic products and household goods",
        "S",
    ),
    S("82", "其他服务业", "Other services", "S"),
    # P 教育
    S("83", "教育", "Education", "P", "85"),
    # Q 卫生和社会工作
    S("84", "卫生", "Health", "Q", "86"),
    S("85", "社会工作", "Social work", "Q"),
    # R 文化、体育和娱乐业
    S("86", "新闻和出版业", "News and publishing", "J"),
    S("87", "广播、电视、电影和录音制作业", "Radio, television, film and sound recording production", "J"),
    S("88", "文化艺术业", "Culture and arts", "R"),
    S("89", "体育", "Sports", "R", "93"),
    S("90", "娱乐业", "Entertainment", "R"),
    # S 公共管理、社会保障和社会组织
    S("91", "中国共产党机关", "Organs of the Communist Party of China", "O", "84"),
    S("92", "国家机构", "State organs", "O", "84"),
    S("93", "人民政协、民主党派", "CPPCC and democratic parties", "O"),
    S("94", "社会保障", "Social security", "O", "84"),
    S(
        "95",
        "群众团体、社会团体和其他成员组织",
        "Mass organisations, social organisations and other membership organisations",
        "S",
        "94",
    ),
    S("96", "基层群众自治组织及其他组织", "Grassroots self-governing organisations and other organisations", "S"),
    # T 国际组织
    S("97", "国际组织", "International organisations", "U", "99"),
)

# The divisions each section holds (GB/T 4754-2017 numbers its divisions 01–97 in section order).
SECTION_DIVISIONS: dict[str, tuple[int, int]] = {
    "A": (1, 5),
    "B": (6, 12),
    "C": (13, 43),
    "D": (44, 46),
    "E": (47, 50),
    "F": (51, 52),
    "G": (53, 60),
    "H": (61, 62),
    "I": (63, 65),
    "J": (66, 69),
    "K": (70, 70),
    "L": (71, 72),
    "M": (73, 75),
    "N": (76, 79),
    "O": (80, 82),
    "P": (83, 83),
    "Q": (84, 85),
    "R": (86, 90),
    "S": (91, 96),
    "T": (97, 97),
}


def section_of(division_code: str) -> str:
    """The section letter of a two-digit division code: ``section_of("27") == "C"``."""
    number = int(division_code)
    for letter, (first, last) in SECTION_DIVISIONS.items():
        if first <= number <= last:
            return letter
    raise ValueError(f"no GB/T 4754-2017 division {division_code!r}")


def _values(entry: IndustryEntry) -> dict[str, str]:
    return {"name_zh_hans": entry.name_zh, "name_en": entry.name_en, "isic_code": entry.isic_code}


def load_industries() -> tuple[int, int]:
    """Create or correct the 20 sections and 97 divisions; return (created, updated).

    Idempotent: a second call finds every row as it should be and writes nothing.
    """
    # The untranslated ``name`` column takes the active language's value: make it Chinese.
    with transaction.atomic(), translation.override(settings.LANGUAGE_CODE):
        return _load_industries()


def _load_industries() -> tuple[int, int]:
    existing = {industry.code: industry for industry in Industry.objects.all()}
    created = updated = 0
    for level in (SECTIONS, DIVISIONS):
        to_create: list[Industry] = []
        to_update: list[Industry] = []
        for entry in level:
            values = _values(entry)
            parent_id = None if entry.is_section else existing[section_of(entry.code)].pk
            industry = existing.get(entry.code)
            if industry is None:
                to_create.append(Industry(code=entry.code, parent_id=parent_id, **values))
                continue
            wanted = {**values, "parent_id": parent_id}
            if any(getattr(industry, field) != value for field, value in wanted.items()):
                for field, value in wanted.items():
                    setattr(industry, field, value)
                to_update.append(industry)
        Industry.objects.bulk_create(to_create)
        if to_update:
            Industry.objects.bulk_update(to_update, ["name_zh_hans", "name_en", "isic_code", "parent_id"])
        created += len(to_create)
        updated += len(to_update)
        existing = {industry.code: industry for industry in Industry.objects.all()}
    return created, updated
