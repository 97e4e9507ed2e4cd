"""Demo filings in the review queue, in the investors' own languages: a Japanese battery maker,
a logistics firm from the UAE, a Spanish food company, a Korean cosmetics maker and others —
some waiting, some in review, one declined with its reason, and one accepted and linked to its
project in the pipeline.

No e-mail leaves: the rows are written directly, with references made as ``submit_filing`` makes them.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils import timezone

from yunzhao.accounts.models import Department, Role, User
from yunzhao.crm.models import Industry
from yunzhao.intake.filings import reference_for
from yunzhao.intake.models import CONSENT_VERSION, Filing, FilingStatus
from yunzhao.pipeline.models import Project, Source


@dataclass(frozen=True)
class FilingSpec:
    email: str
    language: str
    days_ago: int
    status: str
    industry: str
    values: dict[str, Any] = field(default_factory=dict)
    decline_reason: str = ""


SPECS = (
    FilingSpec(
        email="kanno.ken@kanno-battery.example.jp",
        language="ja",
        days_ago=3,
        status=FilingStatus.SUBMITTED,
        industry="38",
        values={
            "company_name": "菅野バッテリー株式会社",
            "company_country": "JP",
            "registration_number": "0104-01-118842",
            "website": "https://kanno-battery.example.jp",
            "ownership": "foreign",
            "size": "large",
            "contact_name": "菅野 健",
            "contact_latin_name": "Ken Kanno",
            "contact_title": "海外事業本部長",
            "phone": "+81 3-5212-4410",
            "contact_languages": ["ja", "en"],
            "title": "新エネルギー車載電池セル工場",
            "description": (
                "リン酸鉄リチウム電池セルの生産拠点を設立したいと考えています。第一期は年産 5 GWh、"
                "第二期で 10 GWh に拡大する計画です。研究開発センターを併設します。"
            ),
            "amount": Decimal("50000000"),
            "currency": "USD",
            "registered_capital": Decimal("20000000"),
            "jobs": 320,
            "land_need_mu": Decimal("150"),
            "space_need_sqm": Decimal("48000"),
            "talent_needs": "電池エンジニア 30 名、品質管理 15 名、日本語ができる管理職 5 名",
            "expected_start": dt.date(2027, 4, 1),
            "expected_production": dt.date(2028, 9, 1),
        },
    ),
    FilingSpec(
        email="o.almansoori@gulfbridge.example.ae",
        language="ar",
        days_ago=9,
        status=FilingStatus.IN_REVIEW,
        industry="58",
        values={
            "company_name": "شركة جسر الخليج للخدمات اللوجستية ذ.م.م",
            "company_country": "AE",
            "registration_number": "DMCC-184420",
            "website": "https://gulfbridge.example.ae",
            "ownership": "foreign",
            "size": "medium",
            "contact_name": "عمر المنصوري",
            "contact_latin_name": "Omar Al Mansoori",
            "contact_title": "مدير تطوير الأعمال",
            "phone": "+971 4 555 0199",
            "contact_languages": ["ar", "en"],
            "title": "مركز لوجستي للتجارة الإلكترونية العابرة للحدود",
            "description": (
                "مستودع جمركي ومركز توزيع للشحنات بين الصين ودول الخليج، مع خدمة التخليص الجمركي "
                "والتخزين المبرد للأغذية."
            ),
            "amount": Decimal("18000000"),
            "currency": "USD",
            "jobs": 140,
            "land_need_mu": Decimal("60"),
            "space_need_sqm": Decimal("30000"),
            "talent_needs": "متخصصون في التخليص الجمركي ومشغلو أنظمة إدارة المستودعات",
            "expected_start": dt.date(2027, 1, 15),
            "expected_production": dt.date(2027, 10, 1),
        },
    ),
    FilingSpec(
        email="lucia.ortega@sierraverde.example.es",
        language="es",
        days_ago=20,
        status=FilingStatus.SUBMITTED,
        industry="14",
        values={
            "company_name": "Alimentos Sierra Verde S.L.",
            "company_country": "ES",
            "registration_number": "B-41829733",
            "website": "https://sierraverde.example.es",
            "ownership": "foreign",
            "size": "medium",
            "contact_name": "Lucía Ortega",
            "contact_title": "Directora de Expansión Internacional",
            "phone": "+34 954 221 870",
            "contact_languages": ["es", "en"],
            "title": "Planta de alimentos mediterráneos y aceite de oliva",
            "description": (
                "Planta de envasado de aceite de oliva virgen extra y de elaboración de conservas "
                "vegetales para el mercado chino, con un centro de degustación."
            ),
            "amount": Decimal("12000000"),
            "currency": "EUR",
            "jobs": 85,
            "space_need_sqm": Decimal("12000"),
            "talent_needs": "Técnicos de calidad alimentaria y comerciales con chino y español",
            "expected_start": dt.date(2027, 6, 1),
            "expected_production": dt.date(2028, 3, 1),
        },
    ),
    FilingSpec(
        email="minji.kim@seoulcosmetic.example.kr",
        language="ko",
        days_ago=1,
        status=FilingStatus.SUBMITTED,
        industry="26",
        values={
            "company_name": "서울코스메틱 주식회사",
            "company_country": "KR",
            "registration_number": "110111-7654321",
            "website": "https://seoulcosmetic.example.kr",
            "ownership": "foreign",
            "size": "medium",
            "contact_name": "김민지",
            "contact_latin_name": "Kim Minji",
            "contact_title": "해외사업팀장",
            "phone": "+82 2-3456-7890",
            "wechat_id": "minji_seoulcos",
            "contact_languages": ["ko", "zh", "en"],
            "title": "기초 화장품 OEM·ODM 공장",
            "description": "스킨케어 제품 OEM·ODM 생산 공장과 중국 시장용 연구소를 설립하려고 합니다.",
            "amount": Decimal("15000000"),
            "currency": "USD",
            "registered_capital": Decimal("5000000"),
            "jobs": 160,
            "space_need_sqm": Decimal("20000"),
            "expected_start": dt.date(2027, 3, 1),
            "expected_production": dt.date(2027, 12, 1),
        },
    ),
    FilingSpec(
        email="a.marchand@lumiere-robotique.example.fr",
        language="fr",
        days_ago=12,
        status=FilingStatus.IN_REVIEW,
        industry="34",
        values={
            "company_name": "Lumière Robotique SAS",
            "company_country": "FR",
            "registration_number": "RCS Lyon 852 114 907",
            "website": "https://lumiere-robotique.example.fr",
            "ownership": "foreign",
            "size": "small",
            "contact_name": "Antoine Marchand",
            "contact_title": "Directeur général",
            "phone": "+33 4 72 10 44 20",
            "contact_languages": ["fr", "en"],
            "title": "Assemblage de robots collaboratifs",
            "description": "Ligne d'assemblage et centre de service de robots collaboratifs pour l'Asie.",
            "amount": Decimal("20000000"),
            "currency": "EUR",
            "jobs": 90,
            "space_need_sqm": Decimal("9000"),
            "expected_start": dt.date(2027, 5, 1),
            "expected_production": dt.date(2028, 1, 1),
        },
    ),
    FilingSpec(
        email="i.petrov@sibtechmash.example.ru",
        language="ru",
        days_ago=35,
        status=FilingStatus.SUBMITTED,
        industry="35",
        values={
            "company_name": "ООО «СибТехМаш»",
            "company_country": "RU",
            "registration_number": "1175476012345",
            "ownership": "foreign",
            "size": "medium",
            "contact_name": "Иван Петров",
            "contact_latin_name": "Ivan Petrov",
            "contact_title": "Коммерческий директор",
            "phone": "+7 383 210-45-67",
            "contact_languages": ["ru", "zh"],
            "title": "Сервисный центр горного оборудования",
            "description": "Склад запчастей и сервисный центр для горно-шахтного оборудования.",
            "amount": Decimal("60000000"),
            "currency": "CNY",
            "jobs": 45,
            "land_need_mu": Decimal("20"),
            "expected_start": dt.date(2027, 2, 1),
        },
    ),
    FilingSpec(
        email="h.clarke@brightwave-medical.example.co.uk",
        language="en",
        days_ago=45,
        status=FilingStatus.DECLINED,
        industry="35",
        decline_reason=(
            "Thank you for your interest. Clinical trials of Class III devices cannot be run in the zone yet; "
            "we suggest the Beijing medical device park, and will introduce you to its investment office."
        ),
        values={
            "company_name": "Brightwave Medical Ltd",
            "company_country": "GB",
            "registration_number": "09876543",
            "website": "https://brightwave-medical.example.co.uk",
            "ownership": "foreign",
            "size": "small",
            "contact_name": "Helen Clarke",
            "contact_title": "Head of International Partnerships",
            "phone": "+44 20 7946 0321",
            "contact_languages": ["en"],
            "title": "Cardiac implant trial and assembly site",
            "description": "Clinical trial coordination and final assembly of implantable cardiac monitors.",
            "amount": Decimal("8000000"),
            "currency": "GBP",
            "jobs": 40,
            "space_need_sqm": Decimal("3000"),
        },
    ),
)


def _filing(spec: FilingSpec, industries: dict[str, Industry], now: dt.datetime) -> Filing:
    submitted = now - dt.timedelta(days=spec.days_ago, hours=spec.days_ago % 7)
    return Filing(
        **spec.values,
        email=spec.email,
        language=spec.language,
        status=spec.status,
        industry=industries.get(spec.industry),
        submitted_at=submitted,
        consented_at=submitted,
        consent_version=CONSENT_VERSION,
        decline_reason=spec.decline_reason,
    )


def ensure_content(departments: dict[str, Department], users: dict[str, int], created: Counter[str]) -> None:
    """Create what is missing of this module's demo content, counting it in ``created``."""
    now = timezone.now()
    existing = set(Filing.objects.filter(email__in=[spec.email for spec in SPECS]).values_list("email", flat=True))
    industries = {industry.code: industry for industry in Industry.objects.filter(parent__isnull=False)}
    officer = User.objects.filter(pk__in=users.values(), role=Role.OFFICER).order_by("pk").first()
    for spec in SPECS:
        if spec.email in existing:
            continue
        filing = _filing(spec, industries, now)
        if spec.status == FilingStatus.DECLINED:
            filing.decided_at = filing.submitted_at + dt.timedelta(days=3)
            filing.decided_by = officer
        filing.save()
        filing.reference = reference_for(filing)
        filing.save(update_fields=["reference"])
        created["filings"] += 1

    # One filing accepted: the first project in the pipeline that came from an online filing.
    project = (
        Project.objects.filter(source=Source.ONLINE_FILING).select_related("enterprise", "owner").order_by("pk").first()
    )
    if project is None or Filing.objects.filter(project=project).exists():
        return
    enterprise = project.enterprise
    contact = enterprise.contacts.order_by("pk").first()
    foreign = enterprise.country != "CN"
    language = "en" if foreign else "zh-hans"
    submitted = project.created_at - dt.timedelta(days=2)
    filing = Filing(
        language=language,
        status=FilingStatus.ACCEPTED,
        submitted_at=submitted,
        consented_at=submitted,
        company_name=(getattr(enterprise, "name_en", "") if foreign else "")
        or getattr(enterprise, "name_zh_hans", "")
        or str(enterprise),
        company_country=enterprise.country,
        registration_number=enterprise.registration_number or (enterprise.credit_code or ""),
        website=enterprise.website,
        ownership=enterprise.ownership,
        size=enterprise.size,
        contact_name=contact.name if contact else "王海",
        contact_latin_name=contact.latin_name if contact else "Wang Hai",
        contact_title=contact.title if contact else "",
        email=(contact.email if contact and contact.email else "investor@example.com"),
        contact_languages=list(contact.languages) if contact else [],
        title=(getattr(project, "title_en", "") if foreign else "")
        or getattr(project, "title_zh_hans", "")
        or str(project),
        description=str(project.title),
        industry=project.industry,
        amount=project.planned_investment,
        currency=project.currency,
        registered_capital=project.registered_capital,
        jobs=project.expected_jobs,
        land_need_mu=project.land_need_mu,
        space_need_sqm=project.space_need_sqm,
        decided_at=project.created_at,
        decided_by=project.owner or officer,
        project=project,
        enterprise=enterprise,
        contact=contact,
    )
    filing.save()
    filing.reference = reference_for(filing)
    filing.save(update_fields=["reference"])
    created["filings"] += 1
