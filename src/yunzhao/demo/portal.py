"""Demo content of the portal module: the demonstration zone (the Beijing China–Japan Innovation
Cooperation Demonstration Zone, in Daxing, beside Beijing Daxing International Airport) in the
eight languages — the director's letter to investors, the four advantages with the indicator
codes whose figures they show, the service directory, a dozen policies with their eligibility
rules, and six opportunities. Found again by their English title, so loading twice adds nothing.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from yunzhao.accounts.models import Department
from yunzhao.core.content import publish, record_all_translations
from yunzhao.crm.models import Industry, Ownership
from yunzhao.portal.models import (
    AdvantageSection,
    AdvantageTopic,
    Letter,
    Opportunity,
    OpportunityKind,
    Policy,
    PolicyTopic,
    ServiceCategory,
    ServiceEntry,
)

LANGUAGES = ("zh_hans", "en", "ja", "ko", "ar", "es", "fr", "ru")
Texts = dict[str, str]


def t(zh: str, en: str, ja: str, ko: str, ar: str, es: str, fr: str, ru: str) -> Texts:
    return dict(zip(LANGUAGES, (zh, en, ja, ko, ar, es, fr, ru), strict=True))


def t2(zh: str, en: str) -> Texts:
    """A text staff have written in Chinese and English only (addresses, opening hours)."""
    return {"zh_hans": zh, "en": en}


# --- The letter -------------------------------------------------------------------------------

LETTER_TITLE = t(
    "致全球投资者的一封信",
    "A letter to investors around the world",
    "世界の投資家の皆様への手紙",
    "전 세계 투자자께 드리는 편지",
    "رسالة إلى المستثمرين في أنحاء العالم",
    "Carta a los inversores de todo el mundo",
    "Lettre aux investisseurs du monde entier",
    "Письмо инвесторам всего мира",
)

LETTER_BODY = t(
    "尊敬的投资者朋友们：\n\n"
    "欢迎您关注北京中日创新合作示范区。示范区位于北京大兴，紧邻北京大兴国际机场，是国家批准的对外开放合作平台。"
    "这里汇聚了医药健康、新能源与智能网联汽车、高端装备和数字经济等产业，已有两千余家企业在此注册，其中外资企业七十余家。\n\n"
    "我们深知，投资者最看重的是确定性和效率。为此，我们建立了从项目咨询、选址考察到注册落地、建设投产的全流程服务："
    "每个项目都有专属的招商专员，每个问题都在承诺的工作日内答复，每项政策都公开条件、公开依据。\n\n"
    "示范区同样重视在这里生活和工作的人。国际学校、国际医疗、人才公寓和外籍人士社区服务一应俱全，"
    "让您的团队和家人在北京安心扎根。\n\n"
    "无论您身处东京、首尔、迪拜、马德里、巴黎还是莫斯科，都可以用您的语言在线了解我们、提交项目、预约视频洽谈。"
    "我们期待与您携手，把好的项目变成落地的企业。",
    "Dear investors,\n\n"
    "Thank you for your interest in the Beijing China–Japan Innovation Cooperation Demonstration Zone. The zone lies in "
    "Daxing, beside Beijing Daxing International Airport, and is a national platform for opening up and international "
    "cooperation. Pharmaceuticals and health, new-energy and connected vehicles, advanced equipment and the digital "
    "economy cluster here; more than two thousand enterprises are registered in the zone, over seventy of them "
    "foreign-funded.\n\n"
    "We know that investors value certainty and speed above all. That is why we serve every project from the first "
    "question and the site visit to registration, construction and production: each project has its own promotion "
    "officer, each question is answered within the working days we promise, and each incentive is published with its "
    "conditions and its legal basis.\n\n"
    "The zone cares just as much about the people who live and work here. International schools, international "
    "medical care, talent apartments and community services for foreign residents are all at hand, so that your team "
    "and your families can settle in Beijing with confidence.\n\n"
    "Whether you are in Tokyo, Seoul, Dubai, Madrid, Paris or Moscow, you can read about us, file your project and "
    "book a video meeting online in your own language. We look forward to working with you to turn good projects into "
    "thriving companies.",
    "投資家の皆様\n\n"
    "北京中日イノベーション協力モデル区にご関心をお寄せいただき、誠にありがとうございます。モデル区は北京大興国際空港に隣接する"
    "北京市大興区に位置し、国が認めた対外開放・国際協力のプラットフォームです。医薬・ヘルスケア、新エネルギー・コネクテッド車、"
    "ハイエンド装備、デジタル経済の産業が集積し、登録企業は二千社を超え、そのうち外資系企業は七十社以上に上ります。\n\n"
    "投資家の皆様が何よりも重視されるのは、確実性とスピードだと理解しております。そのため私たちは、最初のご相談と現地視察から、"
    "会社登記、建設、操業開始まで一貫してサポートします。プロジェクトごとに専任の担当者がつき、ご質問には約束した営業日以内に回答し、"
    "すべての優遇政策は条件と根拠を公開しています。\n\n"
    "モデル区は、ここで暮らし働く人々も大切にしています。インターナショナルスクール、国際医療、人材向けアパート、"
    "外国人コミュニティサービスが整い、社員の皆様とご家族が北京で安心して生活できます。\n\n"
    "東京、ソウル、ドバイ、マドリード、パリ、モスクワのどこにいらっしゃっても、皆様の言語で私たちを知り、プロジェクトを登録し、"
    "オンライン面談を予約していただけます。良いプロジェクトを根付いた企業へと育てるため、皆様と共に歩めることを楽しみにしております。",
    "존경하는 투자자 여러분\n\n"
    "베이징 중일 혁신협력 시범구에 관심을 가져 주셔서 감사합니다. 시범구는 베이징 다싱 국제공항과 인접한 다싱구에 위치한 "
    "국가 승인 대외개방·국제협력 플랫폼입니다. 의약·헬스케어, 신에너지·커넥티드카, 첨단 장비, 디지털 경제 산업이 모여 있으며, "
    "2천여 개 기업이 등록되어 있고 그중 외자기업이 70여 개에 이릅니다.\n\n"
    "투자자에게 가장 중요한 것은 확실성과 속도라는 것을 잘 알고 있습니다. 그래서 우리는 첫 상담과 현장 방문부터 법인 등록, 건설, "
    "가동까지 전 과정을 지원합니다. 프로젝트마다 전담 담당자가 배정되고, 모든 문의에는 약속한 영업일 안에 답변하며, "
    "모든 우대 정책은 조건과 근거를 공개합니다.\n\n"
    "시범구는 이곳에서 생활하고 일하는 사람들도 소중히 여깁니다. 국제학교, 국제 의료, 인재 아파트, 외국인 커뮤니티 서비스가 "
    "갖추어져 있어 직원과 가족이 베이징에 안심하고 정착할 수 있습니다.\n\n"
    "도쿄, 서울, 두바이, 마드리드, 파리, 모스크바 어디에 계시든 여러분의 언어로 우리를 알아보고, 프로젝트를 등록하고, "
    "화상 상담을 예약하실 수 있습니다. 좋은 프로젝트가 뿌리내린 기업으로 성장하도록 여러분과 함께하기를 기대합니다.",
    "السادة المستثمرون الكرام،\n\n"
    "نشكركم على اهتمامكم بالمنطقة النموذجية للتعاون الصيني الياباني في الابتكار في بكين. تقع المنطقة في حي داشينغ بجوار مطار "
    "بكين داشينغ الدولي، وهي منصة وطنية للانفتاح والتعاون الدولي. تتجمع فيها صناعات الأدوية والصحة، ومركبات الطاقة الجديدة "
    "والمركبات المتصلة، والمعدات المتقدمة، والاقتصاد الرقمي؛ ويزيد عدد الشركات المسجلة فيها على ألفي شركة، منها أكثر من سبعين "
    "شركة بتمويل أجنبي.\n\n"
    "نعلم أن المستثمر يقدّر اليقين والسرعة قبل كل شيء. لذلك نرافق كل مشروع من السؤال الأول وزيارة الموقع إلى التسجيل والبناء "
    "وبدء الإنتاج: لكل مشروع مسؤول ترويج خاص به، ويُجاب عن كل سؤال خلال أيام العمل التي نلتزم بها، وتُنشر كل الحوافز مع شروطها "
    "وأساسها القانوني.\n\n"
    "وتهتم المنطقة بالقدر نفسه بالأشخاص الذين يعيشون ويعملون فيها. فالمدارس الدولية والرعاية الطبية الدولية وشقق الكفاءات "
    "وخدمات المجتمعات الأجنبية متوفرة كلها، ليستقر فريقكم وعائلاتكم في بكين بثقة.\n\n"
    "سواء كنتم في طوكيو أو سيول أو دبي أو مدريد أو باريس أو موسكو، يمكنكم التعرف إلينا وتقديم مشروعكم وحجز اجتماع عبر الفيديو "
    "بلغتكم. نتطلع إلى العمل معكم لتحويل المشاريع الجيدة إلى شركات ناجحة.",
    "Estimados inversores:\n\n"
    "Gracias por su interés en la Zona Demostrativa de Cooperación en Innovación China-Japón de Pekín. La zona se "
    "encuentra en Daxing, junto al Aeropuerto Internacional de Pekín-Daxing, y es una plataforma nacional de apertura y "
    "cooperación internacional. Aquí se concentran la farmacia y la salud, los vehículos de nueva energía y conectados, "
    "los equipos avanzados y la economía digital; más de dos mil empresas están registradas en la zona, más de setenta "
    "de ellas con capital extranjero.\n\n"
    "Sabemos que los inversores valoran ante todo la certeza y la rapidez. Por eso acompañamos cada proyecto desde la "
    "primera consulta y la visita al emplazamiento hasta el registro, la construcción y la puesta en marcha: cada "
    "proyecto tiene su propio gestor, cada pregunta se responde en los días hábiles que prometemos y cada incentivo se "
    "publica con sus condiciones y su base jurídica.\n\n"
    "La zona cuida igualmente a las personas que viven y trabajan aquí. Colegios internacionales, atención médica "
    "internacional, apartamentos para profesionales y servicios para comunidades extranjeras están a su alcance, para "
    "que su equipo y sus familias se instalen en Pekín con tranquilidad.\n\n"
    "Tanto si está en Tokio, Seúl, Dubái, Madrid, París o Moscú, puede conocernos, presentar su proyecto y reservar una "
    "reunión por vídeo en su propio idioma. Esperamos trabajar con usted para convertir buenos proyectos en empresas "
    "prósperas.",
    "Chers investisseurs,\n\n"
    "Merci de l'intérêt que vous portez à la Zone de démonstration de coopération sino-japonaise pour l'innovation de "
    "Pékin. La zone se trouve à Daxing, à côté de l'aéroport international de Pékin-Daxing, et constitue une plateforme "
    "nationale d'ouverture et de coopération internationale. La pharmacie et la santé, les véhicules à énergie nouvelle "
    "et connectés, les équipements de pointe et l'économie numérique s'y regroupent ; plus de deux mille entreprises y "
    "sont immatriculées, dont plus de soixante-dix à capitaux étrangers.\n\n"
    "Nous savons que les investisseurs attachent avant tout du prix à la certitude et à la rapidité. C'est pourquoi nous "
    "accompagnons chaque projet de la première question et de la visite du site jusqu'à l'immatriculation, la "
    "construction et la mise en production : chaque projet a son chargé d'affaires, chaque question reçoit une réponse "
    "dans les jours ouvrés que nous promettons, et chaque mesure incitative est publiée avec ses conditions et sa base "
    "juridique.\n\n"
    "La zone prend tout autant soin des personnes qui y vivent et y travaillent. Écoles internationales, soins médicaux "
    "internationaux, logements pour les talents et services aux communautés étrangères sont à portée de main, pour que "
    "vos équipes et vos familles s'installent à Pékin en toute confiance.\n\n"
    "Que vous soyez à Tokyo, Séoul, Dubaï, Madrid, Paris ou Moscou, vous pouvez nous découvrir, déposer votre projet et "
    "réserver un entretien vidéo dans votre langue. Nous nous réjouissons de travailler avec vous pour faire de bons "
    "projets des entreprises prospères.",
    "Уважаемые инвесторы!\n\n"
    "Благодарим вас за интерес к Пекинской китайско-японской демонстрационной зоне инновационного сотрудничества. Зона "
    "расположена в районе Дасин, рядом с международным аэропортом Пекин-Дасин, и является национальной площадкой "
    "открытости и международного сотрудничества. Здесь сосредоточены фармацевтика и здравоохранение, автомобили на новых "
    "источниках энергии и подключённые автомобили, высокотехнологичное оборудование и цифровая экономика; в зоне "
    "зарегистрировано более двух тысяч предприятий, из них более семидесяти — с иностранным капиталом.\n\n"
    "Мы знаем, что инвесторы больше всего ценят определённость и скорость. Поэтому мы сопровождаем каждый проект от "
    "первого вопроса и осмотра площадки до регистрации, строительства и запуска производства: у каждого проекта есть "
    "свой куратор, на каждый вопрос мы отвечаем в обещанный срок в рабочих днях, а каждая льгота публикуется с "
    "условиями и правовым основанием.\n\n"
    "Зона так же заботится о людях, которые здесь живут и работают. Международные школы, международная медицина, "
    "квартиры для специалистов и службы для иностранных сообществ — всё рядом, чтобы ваша команда и ваши семьи уверенно "
    "обосновались в Пекине.\n\n"
    "Где бы вы ни находились — в Токио, Сеуле, Дубае, Мадриде, Париже или Москве, — вы можете узнать о нас, подать "
    "проект и записаться на видеовстречу на своём языке. Мы будем рады вместе с вами превратить хорошие проекты в "
    "успешные компании.",
)

SIGNATORY_NAME = t(
    "刘卫东", "Liu Weidong", "劉衛東", "류웨이둥", "ليو وي دونغ", "Liu Weidong", "Liu Weidong", "Лю Вэйдун"
)
SIGNATORY_TITLE = t(
    "北京中日创新合作示范区管理委员会主任",
    "Director, Administrative Committee of the Beijing China–Japan Innovation Cooperation Demonstration Zone",
    "北京中日イノベーション協力モデル区管理委員会 主任",
    "베이징 중일 혁신협력 시범구 관리위원회 주임",
    "مدير اللجنة الإدارية للمنطقة النموذجية للتعاون الصيني الياباني في الابتكار في بكين",
    "Director del Comité Administrativo de la Zona Demostrativa de Cooperación en Innovación China-Japón de Pekín",
    "Directeur du comité administratif de la Zone de démonstration de coopération sino-japonaise pour l'innovation",
    "Директор административного комитета Пекинской китайско-японской демонстрационной зоны",
)


# --- The advantages ---------------------------------------------------------------------------


@dataclass
class AdvantageSpec:
    topic: str
    codes: list[str]
    title: Texts
    body: Texts


ADVANTAGES = (
    AdvantageSpec(
        AdvantageTopic.INDUSTRIES,
        ["gdp", "key_projects"],
        t(
            "产业集群，链条完整",
            "Industry clusters with complete supply chains",
            "サプライチェーンが揃った産業集積",
            "완결된 공급망을 갖춘 산업 클러스터",
            "تجمعات صناعية بسلاسل توريد متكاملة",
            "Clústeres industriales con cadenas de suministro completas",
            "Des filières industrielles complètes",
            "Промышленные кластеры с полными цепочками поставок",
        ),
        t(
            "医药健康、新能源与智能网联汽车、高端装备和数字经济四大产业集群已成规模，上下游配套企业就近可寻。重点项目库持续滚动更新，为新项目提供合作伙伴和应用场景。",
            "Four clusters — pharmaceuticals and health, new-energy and connected vehicles, advanced equipment, and the digital economy — have reached scale, with suppliers and customers close at hand. A rolling list of key projects gives newcomers partners and places to deploy.",
            "医薬・ヘルスケア、新エネルギー・コネクテッド車、ハイエンド装備、デジタル経済の四大産業集積が形成され、川上・川下の取引先がすぐ近くにあります。重点プロジェクトのリストは随時更新され、新規進出企業にパートナーと実証の場を提供します。",
            "의약·헬스케어, 신에너지·커넥티드카, 첨단 장비, 디지털 경제의 4대 산업 클러스터가 규모를 갖추었고, 상·하류 협력 기업이 가까이에 있습니다. 중점 프로젝트 목록은 수시로 갱신되어 신규 기업에 파트너와 적용 현장을 제공합니다.",
            "بلغت أربعة تجمعات صناعية حجمًا كبيرًا: الأدوية والصحة، ومركبات الطاقة الجديدة والمتصلة، والمعدات المتقدمة، والاقتصاد الرقمي، والموردون والعملاء في متناول اليد. وتمنح قائمة المشاريع الرئيسية المحدّثة باستمرار القادمين الجدد شركاء ومواقع للتطبيق.",
            "Cuatro clústeres —farmacia y salud, vehículos de nueva energía y conectados, equipos avanzados y economía digital— han alcanzado escala, con proveedores y clientes al alcance de la mano. Una lista de proyectos clave que se actualiza continuamente ofrece socios y escenarios de aplicación.",
            "Quatre filières — pharmacie et santé, véhicules à énergie nouvelle et connectés, équipements de pointe, économie numérique — ont atteint leur taille critique, avec fournisseurs et clients à proximité. Une liste de projets clés mise à jour en continu offre partenaires et terrains d'application.",
            "Четыре кластера — фармацевтика и здравоохранение, автомобили на новых источниках энергии и подключённые автомобили, высокотехнологичное оборудование и цифровая экономика — достигли масштаба, поставщики и заказчики рядом. Постоянно обновляемый список ключевых проектов даёт новичкам партнёров и площадки для внедрения.",
        ),
    ),
    AdvantageSpec(
        AdvantageTopic.LOCATION,
        ["trade_total", "exports", "imports"],
        t(
            "临空区位，通达全球",
            "Next to the airport, connected to the world",
            "空港隣接、世界とつながる立地",
            "공항 인접, 세계로 통하는 입지",
            "بجوار المطار ومتصلة بالعالم",
            "Junto al aeropuerto, conectada con el mundo",
            "À côté de l'aéroport, reliée au monde",
            "Рядом с аэропортом, на связи со всем миром",
        ),
        t(
            "示范区紧邻北京大兴国际机场，30分钟可达北京城区，高铁一小时连通雄安与天津港。综合保税区和跨境电商通关便利化措施让进出口更快捷。",
            "The zone adjoins Beijing Daxing International Airport, 30 minutes from central Beijing; high-speed rail reaches Xiong'an and the port of Tianjin within an hour. A comprehensive bonded zone and streamlined customs for cross-border e-commerce speed up imports and exports.",
            "モデル区は北京大興国際空港に隣接し、北京市街地まで30分、高速鉄道で雄安と天津港まで1時間です。総合保税区と越境EC向けの通関円滑化措置により、輸出入がスムーズです。",
            "시범구는 베이징 다싱 국제공항과 맞닿아 있어 베이징 도심까지 30분, 고속철도로 슝안과 톈진항까지 1시간이면 닿습니다. 종합보세구와 국경 간 전자상거래 통관 간소화로 수출입이 빠릅니다.",
            "تجاور المنطقة مطار بكين داشينغ الدولي، على بعد 30 دقيقة من وسط بكين، ويصل القطار السريع إلى شيونغآن وميناء تيانجين في غضون ساعة. وتسرّع المنطقة الجمركية الشاملة وتسهيلات التخليص للتجارة الإلكترونية العابرة للحدود الاستيراد والتصدير.",
            "La zona linda con el Aeropuerto Internacional de Pekín-Daxing, a 30 minutos del centro de Pekín; el tren de alta velocidad llega a Xiong'an y al puerto de Tianjin en una hora. Una zona franca integral y un despacho aduanero ágil para el comercio electrónico transfronterizo aceleran importaciones y exportaciones.",
            "La zone jouxte l'aéroport international de Pékin-Daxing, à 30 minutes du centre de Pékin ; le train à grande vitesse rejoint Xiong'an et le port de Tianjin en une heure. Une zone sous douane intégrée et un dédouanement simplifié pour le commerce électronique transfrontalier accélèrent importations et exportations.",
            "Зона примыкает к международному аэропорту Пекин-Дасин, в 30 минутах от центра Пекина; скоростная железная дорога за час доставит в Сюнъань и порт Тяньцзинь. Комплексная бондовая зона и упрощённое таможенное оформление трансграничной электронной торговли ускоряют импорт и экспорт.",
        ),
    ),
    AdvantageSpec(
        AdvantageTopic.TALENT,
        ["registered_enterprises", "foreign_enterprises"],
        t(
            "人才汇聚，服务贴心",
            "Talent at hand, and looked after",
            "人材が集まり、手厚く支える",
            "모이는 인재, 세심한 지원",
            "كفاءات متوفرة ورعاية متكاملة",
            "Talento disponible y bien atendido",
            "Des talents à portée de main, et bien accompagnés",
            "Кадры рядом и под заботой",
        ),
        t(
            "依托北京高校和科研院所，示范区每年可对接大量理工科毕业生。外籍人才工作许可与居留许可“一窗办理”，人才公寓、子女入学和医疗保障配套完善。",
            "Beijing's universities and research institutes supply a steady stream of science and engineering graduates. Work and residence permits for foreign talent are handled at a single window, with talent apartments, school places and health cover arranged.",
            "北京の大学・研究機関と連携し、理工系の卒業生を毎年多数確保できます。外国人材の就労許可と居留許可はワンストップで手続きでき、人材アパート、子女の就学、医療保障も整っています。",
            "베이징의 대학과 연구기관을 바탕으로 매년 많은 이공계 졸업생을 확보할 수 있습니다. 외국인 인재의 취업 허가와 거류 허가는 한 창구에서 처리되며, 인재 아파트, 자녀 입학, 의료 보장도 갖추어져 있습니다.",
            "توفر جامعات بكين ومعاهدها البحثية تدفقًا مستمرًا من خريجي العلوم والهندسة. وتُنجز تصاريح العمل والإقامة للكفاءات الأجنبية من نافذة واحدة، مع شقق للكفاءات ومقاعد مدرسية للأبناء وتغطية صحية.",
            "Las universidades e institutos de investigación de Pekín aportan un flujo constante de titulados en ciencias e ingeniería. Los permisos de trabajo y residencia del talento extranjero se tramitan en una sola ventanilla, con apartamentos, plazas escolares y cobertura sanitaria.",
            "Les universités et instituts de recherche de Pékin fournissent un flux régulier de diplômés scientifiques et d'ingénieurs. Permis de travail et de séjour des talents étrangers sont délivrés à un guichet unique, avec logements, places en école et couverture santé.",
            "Университеты и научные институты Пекина ежегодно дают множество выпускников технических специальностей. Разрешения на работу и вид на жительство для иностранных специалистов оформляются в одном окне, предусмотрены квартиры, места в школах и медицинская страховка.",
        ),
    ),
    AdvantageSpec(
        AdvantageTopic.COSTS,
        ["foreign_investment_used", "foreign_enterprises"],
        t(
            "成本可控，回报可期",
            "Costs under control, returns in sight",
            "コストを抑え、確かなリターン",
            "관리 가능한 비용, 기대되는 수익",
            "تكاليف منضبطة وعوائد واضحة",
            "Costes contenidos, rentabilidad a la vista",
            "Des coûts maîtrisés, un retour en vue",
            "Контролируемые затраты, ожидаемая отдача",
        ),
        t(
            "标准厂房和研发楼宇可租可购，首年租金最高减免50%；工业用地可先租后让、弹性年期出让。水电气价格稳定，政策兑现全程在线、时限公开。",
            "Standard factories and R&D buildings can be leased or bought, with up to 50 % off the first year's rent; industrial land can be leased first and bought later, for flexible terms. Utility prices are stable, and incentives are paid online against published deadlines.",
            "標準工場と研究開発棟は賃貸・購入が可能で、初年度賃料は最大50%減免されます。工業用地は先に賃借して後で譲渡を受ける方式や弾力的な期間設定が可能です。光熱費は安定し、優遇策の支給はオンラインで期限も公開されています。",
            "표준 공장과 R&D 건물은 임대와 매입이 모두 가능하며 첫해 임대료는 최대 50% 감면됩니다. 산업용지는 선임대 후양도와 탄력적 기간 설정이 가능합니다. 수도·전기·가스 요금이 안정적이고 인센티브 지급은 온라인으로 공개된 기한 안에 이루어집니다.",
            "يمكن استئجار المصانع القياسية ومباني البحث والتطوير أو شراؤها، مع خصم يصل إلى 50٪ من إيجار السنة الأولى؛ ويمكن استئجار الأراضي الصناعية أولًا ثم تملكها لاحقًا بمدد مرنة. أسعار المرافق مستقرة، وتُصرف الحوافز عبر الإنترنت وفق مواعيد منشورة.",
            "Las naves estándar y los edificios de I+D pueden alquilarse o comprarse, con hasta un 50 % de descuento en el alquiler del primer año; el suelo industrial puede alquilarse primero y adquirirse después, con plazos flexibles. Los suministros tienen precios estables y los incentivos se pagan en línea con plazos publicados.",
            "Usines standard et bâtiments de R&D se louent ou s'achètent, avec jusqu'à 50 % de remise sur le loyer de la première année ; le foncier industriel peut être loué puis acquis, pour des durées souples. Les prix de l'énergie sont stables et les aides sont versées en ligne selon des délais publiés.",
            "Типовые цеха и здания для НИОКР можно арендовать или купить, со скидкой до 50 % на аренду первого года; промышленную землю можно сначала арендовать, а затем выкупить, на гибкий срок. Тарифы на коммунальные услуги стабильны, льготы выплачиваются онлайн в опубликованные сроки.",
        ),
    ),
)


# --- The service directory --------------------------------------------------------------------


@dataclass
class ServiceSpec:
    category: str
    title: Texts
    description: Texts
    provider: Texts
    address: Texts = field(default_factory=dict)
    hours: Texts = field(default_factory=dict)
    phone: str = ""
    website: str = ""


HOURS = t2("工作日 9:00–17:30", "Working days 9:00–17:30")
ZONE_SERVICE_CENTRE = t2(
    "北京市大兴区示范区政务服务中心（永兴河北路）",
    "Zone Government Service Centre, Yongxinghe North Road, Daxing, Beijing",
)
PROVIDER_CENTRE = t(
    "示范区政务服务中心",
    "Zone Government Service Centre",
    "モデル区行政サービスセンター",
    "시범구 행정서비스센터",
    "مركز الخدمات الحكومية في المنطقة",
    "Centro de Servicios Administrativos de la zona",
    "Centre de services administratifs de la zone",
    "Центр государственных услуг зоны",
)

SERVICES = (
    ServiceSpec(
        ServiceCategory.REGISTRATION,
        t(
            "外资企业设立登记",
            "Registering a foreign-invested company",
            "外資企業の設立登記",
            "외자기업 설립 등기",
            "تسجيل شركة بتمويل أجنبي",
            "Registro de una empresa de capital extranjero",
            "Immatriculation d'une société à capitaux étrangers",
            "Регистрация предприятия с иностранным капиталом",
        ),
        t(
            "名称申报、设立登记、刻章、税务登记和银行开户一次提交，三个工作日内领取营业执照。",
            "File the name, registration, company seal, tax registration and bank account in one submission; the business licence is ready within three working days.",
            "名称申請、設立登記、社印作成、税務登記、銀行口座開設を一度に申請でき、3営業日以内に営業許可証を受け取れます。",
            "상호 신청, 설립 등기, 인감 제작, 세무 등록, 은행 계좌 개설을 한 번에 신청하고 3영업일 안에 영업허가증을 받습니다.",
            "قدّم الاسم والتسجيل والختم والتسجيل الضريبي وفتح الحساب المصرفي في طلب واحد؛ وتصدر الرخصة التجارية خلال ثلاثة أيام عمل.",
            "Nombre, registro, sello, alta fiscal y cuenta bancaria en una sola solicitud; la licencia comercial está lista en tres días hábiles.",
            "Nom, immatriculation, cachet, enregistrement fiscal et compte bancaire en un seul dépôt ; la licence commerciale est prête sous trois jours ouvrés.",
            "Название, регистрация, печать, постановка на налоговый учёт и банковский счёт — одной заявкой; лицензия готова за три рабочих дня.",
        ),
        PROVIDER_CENTRE,
        ZONE_SERVICE_CENTRE,
        HOURS,
        "+86 10 6020 1000",
        "https://example.org/zone/registration",
    ),
    ServiceSpec(
        ServiceCategory.REGISTRATION,
        t(
            "投资项目代办服务",
            "Project concierge service",
            "投資プロジェクト代行サービス",
            "투자 프로젝트 대행 서비스",
            "خدمة المرافقة للمشاريع",
            "Servicio de gestoría de proyectos",
            "Service de conciergerie des projets",
            "Сопровождение инвестиционных проектов",
        ),
        t(
            "专员免费代办立项、用地、规划和施工许可等手续，全程跟踪进度。",
            "An officer handles project approval, land, planning and construction permits for you free of charge and follows every step.",
            "担当者がプロジェクト承認、用地、計画、建築許可などの手続きを無料で代行し、進捗を追跡します。",
            "담당자가 프로젝트 승인, 용지, 계획, 건축 허가 등 절차를 무료로 대행하고 진행 상황을 추적합니다.",
            "يتولى مسؤول مجانًا إجراءات الموافقة على المشروع والأرض والتخطيط وتصاريح البناء ويتابع كل خطوة.",
            "Un gestor tramita gratis la aprobación del proyecto, el suelo, el planeamiento y las licencias de obra, y sigue cada paso.",
            "Un chargé d'affaires mène gratuitement l'agrément du projet, le foncier, l'urbanisme et le permis de construire, et suit chaque étape.",
            "Куратор бесплатно оформляет одобрение проекта, землю, планировку и разрешения на строительство и следит за каждым шагом.",
        ),
        t(
            "示范区投资促进局",
            "Zone Investment Promotion Bureau",
            "モデル区投資促進局",
            "시범구 투자촉진국",
            "مكتب ترويج الاستثمار في المنطقة",
            "Oficina de Promoción de Inversiones",
            "Bureau de promotion des investissements",
            "Бюро содействия инвестициям зоны",
        ),
        ZONE_SERVICE_CENTRE,
        HOURS,
        "+86 10 6020 1001",
    ),
    ServiceSpec(
        ServiceCategory.PERMITS,
        t(
            "建设工程许可并联审批",
            "Construction permits in parallel review",
            "建設工事許可の並行審査",
            "건설 공사 허가 병렬 심사",
            "تصاريح البناء بمراجعة متوازية",
            "Licencias de obra en tramitación paralela",
            "Permis de construire en instruction parallèle",
            "Разрешения на строительство в параллельном порядке",
        ),
        t(
            "规划、消防、人防和施工许可并联审查，社会投资的一般工业项目从拿地到开工不超过30个工作日。",
            "Planning, fire safety, civil defence and building permits are reviewed in parallel; an ordinary privately funded industrial project goes from land to groundbreaking in 30 working days or less.",
            "計画、消防、人民防空、施工許可を並行審査し、一般的な民間工業プロジェクトは用地取得から着工まで30営業日以内です。",
            "계획, 소방, 민방위, 시공 허가를 병렬 심사하여 일반 민간 산업 프로젝트는 용지 확보에서 착공까지 30영업일 이내입니다.",
            "تُراجع تصاريح التخطيط والسلامة من الحرائق والدفاع المدني والبناء بالتوازي؛ ويصل المشروع الصناعي الخاص العادي من الأرض إلى بدء البناء خلال 30 يوم عمل أو أقل.",
            "Planeamiento, incendios, defensa civil y licencia de obra se revisan en paralelo: un proyecto industrial privado ordinario pasa del suelo al inicio de obras en 30 días hábiles como máximo.",
            "Urbanisme, sécurité incendie, défense civile et permis de construire sont instruits en parallèle : un projet industriel privé ordinaire passe du terrain au premier coup de pioche en 30 jours ouvrés au plus.",
            "Планировка, пожарная безопасность, гражданская оборона и разрешение на строительство рассматриваются параллельно: обычный частный промышленный проект проходит путь от земли до начала стройки не более чем за 30 рабочих дней.",
        ),
        PROVIDER_CENTRE,
        ZONE_SERVICE_CENTRE,
        HOURS,
        "+86 10 6020 1002",
    ),
    ServiceSpec(
        ServiceCategory.PERMITS,
        t(
            "药品医疗器械审评服务站",
            "Drug and medical device review desk",
            "医薬品・医療機器審査サービス窓口",
            "의약품·의료기기 심사 서비스 창구",
            "مكتب مراجعة الأدوية والأجهزة الطبية",
            "Ventanilla de evaluación de fármacos y productos sanitarios",
            "Guichet d'évaluation des médicaments et dispositifs médicaux",
            "Пункт экспертизы лекарств и медицинских изделий",
        ),
        t(
            "国家药监部门审评专家驻点，提供注册申报前置辅导和进口药品通关协助。",
            "Reviewers of the national medical products administration hold office hours here, coaching applicants before filing and helping imported medicines through customs.",
            "国家薬品監督部門の審査専門家が常駐し、登録申請前の指導と輸入医薬品の通関支援を行います。",
            "국가 약품감독 부서의 심사 전문가가 상주하며 등록 신청 전 지도와 수입 의약품 통관을 지원합니다.",
            "يداوم هنا مراجعو الهيئة الوطنية للمنتجات الطبية لتوجيه المتقدمين قبل التقديم ومساعدة الأدوية المستوردة في التخليص الجمركي.",
            "Evaluadores de la administración nacional de productos médicos atienden aquí, asesoran antes de la solicitud y ayudan con el despacho de medicamentos importados.",
            "Des évaluateurs de l'administration nationale des produits médicaux tiennent permanence ici, conseillent avant le dépôt et aident au dédouanement des médicaments importés.",
            "Эксперты национального ведомства по медицинской продукции ведут здесь приём, консультируют до подачи заявки и помогают с таможенным оформлением импортных лекарств.",
        ),
        t(
            "国家药监局审评中心示范区工作站",
            "NMPA review centre, zone office",
            "国家薬品監督管理局審査センター モデル区事務所",
            "국가약품감독관리국 심사센터 시범구 사무소",
            "مكتب المنطقة لمركز المراجعة التابع للهيئة الوطنية",
            "Oficina de la zona del centro de evaluación de la NMPA",
            "Antenne de la zone du centre d'évaluation de la NMPA",
            "Офис зоны центра экспертизы NMPA",
        ),
        t2("示范区生物医药基地B座", "Building B, Biomedical Park, the zone"),
        HOURS,
        "+86 10 6020 1003",
    ),
    ServiceSpec(
        ServiceCategory.TALENT,
        t(
            "外国人工作与居留许可",
            "Work and residence permits for foreigners",
            "外国人の就労・居留許可",
            "외국인 취업·거류 허가",
            "تصاريح العمل والإقامة للأجانب",
            "Permisos de trabajo y residencia para extranjeros",
            "Permis de travail et de séjour des étrangers",
            "Разрешения на работу и проживание для иностранцев",
        ),
        t(
            "工作许可与居留许可一窗受理，高端人才可办理五年有效的工作许可。",
            "Work and residence permits are processed at one window; high-level talent can obtain a work permit valid for five years.",
            "就労許可と居留許可を一つの窓口で受け付け、ハイレベル人材は有効期間5年の就労許可を取得できます。",
            "취업 허가와 거류 허가를 한 창구에서 접수하며, 고급 인재는 5년 유효 취업 허가를 받을 수 있습니다.",
            "تُعالج تصاريح العمل والإقامة في نافذة واحدة؛ ويمكن للكفاءات العليا الحصول على تصريح عمل صالح خمس سنوات.",
            "Permisos de trabajo y residencia en una sola ventanilla; el talento de alto nivel puede obtener un permiso de trabajo de cinco años.",
            "Permis de travail et de séjour à un guichet unique ; les talents de haut niveau peuvent obtenir un permis de travail de cinq ans.",
            "Разрешения на работу и проживание в одном окне; высококвалифицированные специалисты могут получить разрешение на работу сроком на пять лет.",
        ),
        PROVIDER_CENTRE,
        ZONE_SERVICE_CENTRE,
        HOURS,
        "+86 10 6020 1004",
    ),
    ServiceSpec(
        ServiceCategory.TALENT,
        t(
            "人才招聘与培训对接",
            "Recruitment and training matchmaking",
            "人材採用・研修マッチング",
            "인재 채용·교육 매칭",
            "ربط التوظيف والتدريب",
            "Contratación y formación a medida",
            "Recrutement et formation sur mesure",
            "Подбор персонала и обучение",
        ),
        t(
            "每季度举办专场招聘会，联合职业院校开展订单式培训，新招员工培训费用可申请补贴。",
            "Quarterly recruitment fairs, made-to-order training with vocational colleges, and subsidies for training new hires.",
            "四半期ごとに専門の採用フェアを開催し、職業学校と連携したオーダーメイド研修を実施、新入社員の研修費用は補助を申請できます。",
            "분기마다 채용 박람회를 열고 직업학교와 맞춤형 교육을 실시하며, 신규 직원 교육비는 보조금을 신청할 수 있습니다.",
            "معارض توظيف فصلية، وتدريب حسب الطلب مع الكليات المهنية، ودعم لتكاليف تدريب الموظفين الجدد.",
            "Ferias de empleo trimestrales, formación a medida con escuelas profesionales y ayudas para formar a los nuevos empleados.",
            "Salons de recrutement trimestriels, formations sur mesure avec les écoles professionnelles et aides à la formation des nouvelles recrues.",
            "Ежеквартальные ярмарки вакансий, обучение под заказ с колледжами и субсидии на обучение новых сотрудников.",
        ),
        t(
            "示范区人力资源服务中心",
            "Zone Human Resources Service Centre",
            "モデル区人材サービスセンター",
            "시범구 인적자원 서비스센터",
            "مركز خدمات الموارد البشرية في المنطقة",
            "Centro de Recursos Humanos de la zona",
            "Centre de ressources humaines de la zone",
            "Кадровый центр зоны",
        ),
        ZONE_SERVICE_CENTRE,
        HOURS,
        "+86 10 6020 1005",
    ),
    ServiceSpec(
        ServiceCategory.HOUSING,
        t(
            "国际人才公寓",
            "International talent apartments",
            "国際人材アパート",
            "국제 인재 아파트",
            "شقق الكفاءات الدولية",
            "Apartamentos para talento internacional",
            "Résidences pour talents internationaux",
            "Апартаменты для иностранных специалистов",
        ),
        t(
            "拎包入住的一至三居室，步行可达地铁站，入驻企业员工租金优惠30%。",
            "Furnished one- to three-bedroom flats within walking distance of the metro; staff of companies in the zone pay 30 % less rent.",
            "家具付きの1〜3LDK、地下鉄駅まで徒歩圏内、入居企業の社員は家賃30%割引です。",
            "가구가 갖추어진 방 1~3개 아파트로 지하철역까지 걸어갈 수 있고, 입주 기업 직원은 임대료 30% 할인을 받습니다.",
            "شقق مفروشة من غرفة إلى ثلاث غرف على مسافة سير من المترو؛ ويدفع موظفو شركات المنطقة إيجارًا أقل بنسبة 30٪.",
            "Pisos amueblados de uno a tres dormitorios a pie del metro; el personal de las empresas de la zona paga un 30 % menos de alquiler.",
            "Appartements meublés d'une à trois chambres, à pied du métro ; les salariés des entreprises de la zone paient 30 % de loyer en moins.",
            "Меблированные квартиры с одной–тремя спальнями в шаговой доступности от метро; сотрудники компаний зоны платят на 30 % меньше.",
        ),
        t(
            "示范区平台公司",
            "Zone platform company",
            "モデル区プラットフォーム会社",
            "시범구 플랫폼 회사",
            "شركة منصة المنطقة",
            "Empresa plataforma de la zona",
            "Société de plateforme de la zone",
            "Платформенная компания зоны",
        ),
        t2("大兴区兴华大街人才社区", "Talent Community, Xinghua Avenue, Daxing"),
        t2("每天 8:00–20:00", "Daily 8:00–20:00"),
        "+86 10 6020 1006",
    ),
    ServiceSpec(
        ServiceCategory.HOUSING,
        t(
            "租房与购房咨询",
            "Renting and buying a home",
            "賃貸・住宅購入の相談",
            "임대·주택 구매 상담",
            "استشارات استئجار المساكن وشرائها",
            "Alquilar o comprar vivienda",
            "Louer ou acheter un logement",
            "Аренда и покупка жилья",
        ),
        t(
            "提供周边住宅租售信息、合同审核和外籍人士购房政策解读。",
            "Listings of homes nearby, contract checks, and what foreigners may buy.",
            "周辺住宅の賃貸・売買情報、契約書の確認、外国人の住宅購入政策の説明を提供します。",
            "주변 주택 임대·매매 정보, 계약서 검토, 외국인 주택 구매 정책 안내를 제공합니다.",
            "قوائم المساكن القريبة، ومراجعة العقود، وما يحق للأجانب شراؤه.",
            "Ofertas de vivienda cercana, revisión de contratos y qué pueden comprar los extranjeros.",
            "Annonces de logements à proximité, relecture des baux et règles d'achat pour les étrangers.",
            "Объявления о жилье поблизости, проверка договоров и правила покупки для иностранцев.",
        ),
        PROVIDER_CENTRE,
        ZONE_SERVICE_CENTRE,
        HOURS,
        "+86 10 6020 1007",
    ),
    ServiceSpec(
        ServiceCategory.SCHOOLS,
        t(
            "国际学校入学协助",
            "Places at international schools",
            "インターナショナルスクール入学支援",
            "국제학교 입학 지원",
            "المساعدة في القبول بالمدارس الدولية",
            "Plazas en colegios internacionales",
            "Places en écoles internationales",
            "Места в международных школах",
        ),
        t(
            "协助外籍员工子女在北京的国际学校和双语学校入学，包括日本人学校和韩国国际学校。",
            "We help the children of foreign staff into Beijing's international and bilingual schools, including the Japanese School and the Korean International School.",
            "外国籍社員のお子様が北京のインターナショナルスクールやバイリンガルスクール（日本人学校、韓国国際学校を含む）に入学できるよう支援します。",
            "외국인 직원 자녀가 베이징의 국제학교와 이중언어 학교(일본인 학교, 한국국제학교 포함)에 입학하도록 지원합니다.",
            "نساعد أبناء الموظفين الأجانب على الالتحاق بالمدارس الدولية وثنائية اللغة في بكين، ومنها المدرسة اليابانية والمدرسة الكورية الدولية.",
            "Ayudamos a los hijos del personal extranjero a entrar en colegios internacionales y bilingües de Pekín, incluidos el colegio japonés y el coreano.",
            "Nous aidons les enfants du personnel étranger à entrer dans les écoles internationales et bilingues de Pékin, dont l'école japonaise et l'école coréenne.",
            "Помогаем детям иностранных сотрудников поступить в международные и двуязычные школы Пекина, включая японскую и корейскую школы.",
        ),
        t(
            "示范区外籍人士服务站",
            "Zone service desk for foreign residents",
            "モデル区外国人サービスステーション",
            "시범구 외국인 서비스센터",
            "مكتب خدمة المقيمين الأجانب",
            "Oficina de atención a residentes extranjeros",
            "Guichet des résidents étrangers",
            "Служба для иностранных жителей",
        ),
        ZONE_SERVICE_CENTRE,
        HOURS,
        "+86 10 6020 1008",
    ),
    ServiceSpec(
        ServiceCategory.SCHOOLS,
        t(
            "双语幼儿园",
            "Bilingual kindergartens",
            "バイリンガル幼稚園",
            "이중언어 유치원",
            "رياض أطفال ثنائية اللغة",
            "Escuelas infantiles bilingües",
            "Écoles maternelles bilingues",
            "Двуязычные детские сады",
        ),
        t(
            "示范区内两所中英双语幼儿园，为入驻企业员工子女预留学位。",
            "Two Chinese–English kindergartens in the zone keep places for the children of staff of companies here.",
            "モデル区内の2つの中英バイリンガル幼稚園が、入居企業社員のお子様の枠を確保しています。",
            "시범구 내 중영 이중언어 유치원 두 곳이 입주 기업 직원 자녀를 위한 정원을 확보하고 있습니다.",
            "روضتا أطفال بالصينية والإنجليزية في المنطقة تحجزان أماكن لأبناء موظفي الشركات فيها.",
            "Dos escuelas infantiles chino-inglés de la zona reservan plazas para los hijos del personal de sus empresas.",
            "Deux maternelles chinois-anglais de la zone réservent des places aux enfants des salariés des entreprises.",
            "Два китайско-английских детских сада зоны резервируют места для детей сотрудников компаний.",
        ),
        t(
            "大兴区教育委员会",
            "Daxing District Education Commission",
            "大興区教育委員会",
            "다싱구 교육위원회",
            "لجنة التعليم في حي داشينغ",
            "Comisión de Educación de Daxing",
            "Commission de l'éducation de Daxing",
            "Комиссия по образованию района Дасин",
        ),
        t2("大兴区亦庄镇", "Yizhuang, Daxing"),
        HOURS,
    ),
    ServiceSpec(
        ServiceCategory.MEDICAL,
        t(
            "国际医疗部",
            "International medical department",
            "国際医療部",
            "국제 진료부",
            "قسم الطب الدولي",
            "Departamento médico internacional",
            "Service médical international",
            "Международное медицинское отделение",
        ),
        t(
            "三级医院设国际医疗部，提供英语、日语、韩语服务，可直接结算多家国际商业保险。",
            "A top-grade hospital runs an international department with English, Japanese and Korean-speaking staff and direct billing with major international insurers.",
            "三級病院の国際医療部で英語・日本語・韓国語に対応し、主要な国際民間保険の直接精算が可能です。",
            "3급 병원의 국제 진료부에서 영어·일본어·한국어 서비스를 제공하며 주요 국제 민간보험의 직접 정산이 가능합니다.",
            "مستشفى من الدرجة الأولى يدير قسمًا دوليًا بموظفين يتحدثون الإنجليزية واليابانية والكورية، مع فوترة مباشرة لكبرى شركات التأمين الدولية.",
            "Un hospital de primer nivel tiene un departamento internacional con personal que habla inglés, japonés y coreano y facturación directa con las grandes aseguradoras.",
            "Un hôpital de premier rang dispose d'un service international anglophone, japonophone et coréanophone, avec tiers payant auprès des grands assureurs.",
            "Больница высшей категории имеет международное отделение с англо-, японо- и корейскоязычным персоналом и прямыми расчётами с крупными страховщиками.",
        ),
        t(
            "北京大兴区人民医院",
            "Daxing District People's Hospital",
            "北京大興区人民病院",
            "베이징 다싱구 인민병원",
            "مستشفى الشعب في حي داشينغ",
            "Hospital Popular de Daxing",
            "Hôpital populaire de Daxing",
            "Народная больница района Дасин",
        ),
        t2("大兴区黄村西大街26号", "26 Huangcun West Street, Daxing"),
        t2("每天 8:00–17:00，急诊24小时", "Daily 8:00–17:00; emergencies 24 hours"),
        "+86 10 6928 3000",
    ),
    ServiceSpec(
        ServiceCategory.MEDICAL,
        t(
            "企业健康服务站",
            "Workplace health stations",
            "企業向けヘルスステーション",
            "기업 건강 서비스센터",
            "محطات الصحة في أماكن العمل",
            "Puestos de salud en la empresa",
            "Points santé en entreprise",
            "Медпункты для предприятий",
        ),
        t(
            "园区内设健康服务站，提供体检预约、家庭医生签约和心理咨询。",
            "Health stations in the parks book check-ups, sign you up with a family doctor and offer counselling.",
            "パーク内のヘルスステーションで健康診断の予約、かかりつけ医の登録、心理相談を提供します。",
            "단지 내 건강 서비스센터에서 건강검진 예약, 주치의 등록, 심리 상담을 제공합니다.",
            "محطات صحية في المجمعات لحجز الفحوص والتسجيل لدى طبيب الأسرة وتقديم الاستشارة النفسية.",
            "Puestos de salud en los parques para reservar chequeos, asignar médico de familia y ofrecer apoyo psicológico.",
            "Des points santé dans les parcs pour réserver un bilan, s'inscrire chez un médecin de famille et consulter un psychologue.",
            "Медпункты в парках записывают на осмотры, прикрепляют к семейному врачу и предлагают психологическую помощь.",
        ),
        t(
            "示范区社区卫生服务中心",
            "Zone community health centre",
            "モデル区地域医療サービスセンター",
            "시범구 지역보건센터",
            "مركز الصحة المجتمعية في المنطقة",
            "Centro de salud comunitario de la zona",
            "Centre de santé communautaire de la zone",
            "Общественный медицинский центр зоны",
        ),
        ZONE_SERVICE_CENTRE,
        HOURS,
    ),
    ServiceSpec(
        ServiceCategory.COMMUNITIES,
        t(
            "外籍人士服务站",
            "Service desk for foreign residents",
            "外国人サービスステーション",
            "외국인 서비스센터",
            "مكتب خدمة المقيمين الأجانب",
            "Oficina de atención a residentes extranjeros",
            "Guichet des résidents étrangers",
            "Служба для иностранных жителей",
        ),
        t(
            "办理临时住宿登记、驾照转换、银行卡和手机号，并提供多语种生活指南。",
            "Help with temporary residence registration, converting a driving licence, bank cards and phone numbers, and a living guide in several languages.",
            "臨時宿泊登録、運転免許の切り替え、銀行カード・携帯電話番号の手続きを支援し、多言語の生活ガイドを提供します。",
            "임시 숙박 등록, 운전면허 전환, 은행 카드와 휴대전화 개통을 돕고 다국어 생활 안내서를 제공합니다.",
            "المساعدة في تسجيل الإقامة المؤقتة وتحويل رخصة القيادة والبطاقات المصرفية وأرقام الهاتف، ودليل معيشة بعدة لغات.",
            "Ayuda con el registro de residencia temporal, la convalidación del carné de conducir, tarjetas bancarias y teléfono, y una guía práctica en varios idiomas.",
            "Aide pour la déclaration de résidence temporaire, la conversion du permis de conduire, les cartes bancaires et le téléphone, et un guide pratique en plusieurs langues.",
            "Помощь с временной регистрацией, обменом водительских прав, банковскими картами и телефоном, путеводитель на нескольких языках.",
        ),
        t(
            "示范区外籍人士服务站",
            "Zone service desk for foreign residents",
            "モデル区外国人サービスステーション",
            "시범구 외국인 서비스센터",
            "مكتب خدمة المقيمين الأجانب",
            "Oficina de atención a residentes extranjeros",
            "Guichet des résidents étrangers",
            "Служба для иностранных жителей",
        ),
        ZONE_SERVICE_CENTRE,
        t2("工作日 9:00–18:00，周六 10:00–16:00", "Working days 9:00–18:00, Saturdays 10:00–16:00"),
        "+86 10 6020 1010",
    ),
    ServiceSpec(
        ServiceCategory.COMMUNITIES,
        t(
            "国际社区活动",
            "International community life",
            "国際コミュニティ活動",
            "국제 커뮤니티 활동",
            "حياة المجتمع الدولي",
            "Vida comunitaria internacional",
            "Vie communautaire internationale",
            "Жизнь международного сообщества",
        ),
        t(
            "每月举办中文课、文化体验和家庭开放日，帮助新来的家庭结识邻居。",
            "Monthly Chinese classes, cultural outings and family open days help newly arrived families meet their neighbours.",
            "毎月、中国語教室、文化体験、ファミリーオープンデーを開催し、新しく来た家族が近所の人と知り合えるようにしています。",
            "매달 중국어 수업, 문화 체험, 가족 개방일을 열어 새로 온 가족이 이웃을 사귈 수 있도록 돕습니다.",
            "دروس لغة صينية شهرية ورحلات ثقافية وأيام مفتوحة للعائلات تساعد العائلات الوافدة على التعرف إلى جيرانها.",
            "Clases de chino, salidas culturales y jornadas de puertas abiertas cada mes ayudan a las familias recién llegadas a conocer a sus vecinos.",
            "Cours de chinois, sorties culturelles et journées portes ouvertes chaque mois aident les familles arrivées à rencontrer leurs voisins.",
            "Ежемесячные уроки китайского, культурные поездки и дни открытых дверей помогают новым семьям познакомиться с соседями.",
        ),
        t(
            "示范区国际社区中心",
            "Zone international community centre",
            "モデル区国際コミュニティセンター",
            "시범구 국제 커뮤니티센터",
            "مركز المجتمع الدولي في المنطقة",
            "Centro comunitario internacional",
            "Centre communautaire international",
            "Международный общественный центр зоны",
        ),
        t2("大兴区兴华大街人才社区会所", "Clubhouse, Talent Community, Xinghua Avenue, Daxing"),
        t2("周二至周日 10:00–20:00", "Tuesday to Sunday 10:00–20:00"),
    ),
    ServiceSpec(
        ServiceCategory.PERMITS,
        t(
            "进出口与海关服务",
            "Import, export and customs",
            "輸出入・税関サービス",
            "수출입·세관 서비스",
            "خدمات الاستيراد والتصدير والجمارك",
            "Importación, exportación y aduanas",
            "Import, export et douane",
            "Импорт, экспорт и таможня",
        ),
        t(
            "办理进出口经营者备案、海关注册和AEO认证辅导，综合保税区内货物可先入区后报关。",
            "Register as an importer or exporter, with customs and for AEO certification; goods can enter the comprehensive bonded zone before they are declared.",
            "輸出入業者の届出、税関登録、AEO認証の指導を行い、総合保税区内では先に搬入して後から申告できます。",
            "수출입 경영자 등록, 세관 등록, AEO 인증 지도를 제공하며, 종합보세구에서는 먼저 반입하고 나중에 신고할 수 있습니다.",
            "التسجيل مستوردًا أو مصدّرًا ولدى الجمارك وللحصول على شهادة المشغل الاقتصادي المعتمد؛ ويمكن إدخال البضائع إلى المنطقة الجمركية الشاملة قبل التصريح عنها.",
            "Alta como importador o exportador, registro aduanero y asesoría para la certificación OEA; la mercancía puede entrar en la zona franca antes de declararse.",
            "Enregistrement comme importateur ou exportateur, auprès de la douane et accompagnement vers le statut OEA ; les marchandises peuvent entrer en zone sous douane avant déclaration.",
            "Регистрация импортёра и экспортёра, на таможне и подготовка к статусу УЭО; товары можно ввезти в бондовую зону до декларирования.",
        ),
        t(
            "北京大兴机场海关",
            "Beijing Daxing Airport Customs",
            "北京大興空港税関",
            "베이징 다싱공항 세관",
            "جمارك مطار بكين داشينغ",
            "Aduana del Aeropuerto de Daxing",
            "Douane de l'aéroport de Daxing",
            "Таможня аэропорта Дасин",
        ),
        t2("大兴国际机场综合保税区", "Daxing Airport Comprehensive Bonded Zone"),
        HOURS,
        "+86 10 6020 1012",
    ),
)


# --- The policy library -----------------------------------------------------------------------


@dataclass
class PolicySpec:
    topic: str
    title: Texts
    summary: Texts
    benefit: Texts
    legal_basis: Texts
    industries: list[str] = field(default_factory=list)
    min_cny: int | None = None
    max_cny: int | None = None
    ownership: list[Ownership] = field(default_factory=list)
    min_jobs: int | None = None
    districts: list[str] = field(default_factory=list)
    valid_from: dt.date = dt.date(2024, 1, 1)
    valid_until: dt.date | None = dt.date(2027, 12, 31)


FOREIGN = [Ownership.FOREIGN, Ownership.JOINT_VENTURE, Ownership.HMT]
ZONE_MEASURES = t2(
    "《示范区促进产业高质量发展若干措施》（示范区管委会，2024年）",
    "Measures to Promote High-Quality Industrial Development (Zone Administrative Committee, 2024)",
)

POLICIES = (
    PolicySpec(
        PolicyTopic.FUNDING,
        t(
            "新能源产业外资重大项目落地奖励",
            "Landing award for major foreign-invested new-energy projects",
            "新エネルギー産業外資重大プロジェクト進出奨励",
            "신에너지 산업 외자 중대 프로젝트 입주 장려금",
            "مكافأة توطين المشاريع الأجنبية الكبرى للطاقة الجديدة",
            "Premio de implantación para grandes proyectos extranjeros de nueva energía",
            "Prime d'implantation des grands projets étrangers d'énergie nouvelle",
            "Премия за размещение крупных иностранных проектов новой энергетики",
        ),
        t(
            "外资或合资企业在示范区投资新能源汽车、动力电池、光伏或储能项目，固定资产投资达1亿元以上的，按实际到位外资给予奖励。",
            "Foreign-funded or joint-venture companies investing at least 100 million yuan in fixed assets in new-energy vehicles, power batteries, solar or energy storage in the zone receive an award on the foreign capital actually paid in.",
            "外資または合弁企業がモデル区で新エネルギー車、動力電池、太陽光、蓄電のプロジェクトに1億元以上の固定資産投資を行う場合、実際に払い込まれた外資に応じて奨励します。",
            "외자 또는 합작 기업이 시범구에서 신에너지차, 동력 배터리, 태양광, 에너지저장 프로젝트에 고정자산 1억 위안 이상을 투자하면 실제 납입 외자에 따라 장려금을 지급합니다.",
            "تحصل الشركات الأجنبية أو المشتركة التي تستثمر 100 مليون يوان على الأقل في الأصول الثابتة في مركبات الطاقة الجديدة أو بطاريات الطاقة أو الطاقة الشمسية أو التخزين في المنطقة على مكافأة على رأس المال الأجنبي المدفوع فعلًا.",
            "Las empresas de capital extranjero o mixtas que inviertan al menos 100 millones de yuanes en activos fijos en vehículos de nueva energía, baterías, solar o almacenamiento reciben un premio sobre el capital extranjero desembolsado.",
            "Les sociétés à capitaux étrangers ou mixtes investissant au moins 100 millions de yuans en actifs fixes dans les véhicules à énergie nouvelle, les batteries, le solaire ou le stockage reçoivent une prime sur le capital étranger effectivement versé.",
            "Предприятия с иностранным или смешанным капиталом, вложившие в зоне не менее 100 млн юаней в основные средства в сфере электромобилей, тяговых батарей, солнечной энергетики или накопителей, получают премию от фактически внесённого иностранного капитала.",
        ),
        t(
            "按实际到位外资的2%给予奖励，最高3000万元。",
            "2 % of the foreign capital paid in, up to 30 million yuan.",
            "実際に払い込まれた外資の2%、最高3,000万元。",
            "실제 납입 외자의 2%, 최고 3,000만 위안.",
            "2٪ من رأس المال الأجنبي المدفوع، بحد أقصى 30 مليون يوان.",
            "El 2 % del capital extranjero desembolsado, hasta 30 millones de yuanes.",
            "2 % du capital étranger versé, plafonné à 30 millions de yuans.",
            "2 % внесённого иностранного капитала, до 30 млн юаней.",
        ),
        ZONE_MEASURES,
        industries=["36", "38", "44"],
        min_cny=100_000_000,
        ownership=FOREIGN,
    ),
    PolicySpec(
        PolicyTopic.LAND,
        t(
            "先进制造业项目用地保障",
            "Land for advanced manufacturing projects",
            "先進製造業プロジェクトの用地保障",
            "첨단 제조업 프로젝트 용지 보장",
            "ضمان الأراضي لمشاريع التصنيع المتقدم",
            "Suelo para proyectos de fabricación avanzada",
            "Foncier pour les projets de fabrication avancée",
            "Земля для проектов передового производства",
        ),
        t(
            "制造业项目投资强度达到每亩500万元以上的，可弹性年期出让或先租后让工业用地。",
            "Manufacturing projects investing 5 million yuan or more per mu may take industrial land on flexible terms or lease it before buying.",
            "1ムー当たりの投資額が500万元以上の製造業プロジェクトは、弾力的な期間での譲渡または先行賃借後の譲渡で工業用地を取得できます。",
            "1무당 투자 강도가 500만 위안 이상인 제조업 프로젝트는 탄력적 기간 양도 또는 선임대 후양도로 산업용지를 확보할 수 있습니다.",
            "يمكن لمشاريع التصنيع التي تستثمر 5 ملايين يوان أو أكثر لكل مو الحصول على أراضٍ صناعية بمدد مرنة أو استئجارها قبل شرائها.",
            "Los proyectos de fabricación que inviertan 5 millones de yuanes o más por mu pueden obtener suelo industrial con plazos flexibles o alquilarlo antes de comprarlo.",
            "Les projets industriels investissant 5 millions de yuans ou plus par mu peuvent obtenir du foncier à durée souple ou le louer avant de l'acheter.",
            "Производственные проекты с инвестициями от 5 млн юаней на му могут получить промышленную землю на гибкий срок или арендовать её до выкупа.",
        ),
        t(
            "土地出让底价可按工业用地最低价标准执行，前五年租金可抵作地价款。",
            "Land priced at the statutory minimum for industrial land; rent paid in the first five years counts towards the price.",
            "土地譲渡価格は工業用地の最低価格基準を適用でき、最初の5年間の賃料は地価に充当できます。",
            "토지 양도 가격은 산업용지 최저가 기준을 적용할 수 있으며 처음 5년간 임대료는 토지 대금으로 충당됩니다.",
            "سعر الأرض بالحد الأدنى القانوني للأراضي الصناعية؛ ويُحتسب الإيجار المدفوع في السنوات الخمس الأولى من الثمن.",
            "Suelo al precio mínimo legal del suelo industrial; el alquiler de los cinco primeros años se descuenta del precio.",
            "Terrain au prix plancher légal du foncier industriel ; les loyers des cinq premières années s'imputent sur le prix.",
            "Земля по минимальной установленной цене; аренда за первые пять лет засчитывается в цену.",
        ),
        t2("《北京市工业用地弹性出让管理办法》", "Beijing Measures on the Flexible Transfer of Industrial Land"),
        industries=["C"],
        min_cny=50_000_000,
    ),
    PolicySpec(
        PolicyTopic.FUNDING,
        t(
            "生物医药创新产品奖励",
            "Awards for innovative medicines and devices",
            "バイオ医薬革新製品奨励",
            "바이오의약 혁신제품 장려금",
            "مكافآت الأدوية والأجهزة المبتكرة",
            "Premios a medicamentos y productos sanitarios innovadores",
            "Primes aux médicaments et dispositifs innovants",
            "Премии за инновационные лекарства и изделия",
        ),
        t(
            "在示范区注册的企业取得一类新药或三类创新医疗器械注册证的，给予研发奖励。",
            "Companies registered in the zone that obtain approval for a class 1 new drug or a class III innovative medical device receive an R&D award.",
            "モデル区に登録した企業が第一類新薬または第三類革新的医療機器の登録証を取得した場合、研究開発奨励金を支給します。",
            "시범구에 등록한 기업이 1류 신약 또는 3류 혁신 의료기기 등록증을 취득하면 연구개발 장려금을 지급합니다.",
            "تحصل الشركات المسجلة في المنطقة التي تنال موافقة على دواء جديد من الفئة الأولى أو جهاز طبي مبتكر من الفئة الثالثة على مكافأة بحث وتطوير.",
            "Las empresas registradas en la zona que obtengan la aprobación de un fármaco nuevo de clase 1 o un producto sanitario innovador de clase III reciben un premio de I+D.",
            "Les entreprises immatriculées dans la zone qui obtiennent l'autorisation d'un nouveau médicament de classe 1 ou d'un dispositif innovant de classe III reçoivent une prime de R&D.",
            "Компании зоны, получившие регистрацию нового препарата класса 1 или инновационного медизделия класса III, получают премию за НИОКР.",
        ),
        t(
            "每个产品最高1000万元。",
            "Up to 10 million yuan per product.",
            "1製品当たり最高1,000万元。",
            "제품당 최고 1,000만 위안.",
            "حتى 10 ملايين يوان لكل منتج.",
            "Hasta 10 millones de yuanes por producto.",
            "Jusqu'à 10 millions de yuans par produit.",
            "До 10 млн юаней на продукт.",
        ),
        ZONE_MEASURES,
        industries=["27", "35"],
    ),
    PolicySpec(
        PolicyTopic.TAX,
        t(
            "高新技术企业所得税优惠",
            "Reduced income tax for high-tech enterprises",
            "ハイテク企業の所得税優遇",
            "첨단기술기업 법인세 우대",
            "تخفيض ضريبة الدخل لشركات التكنولوجيا المتقدمة",
            "Impuesto de sociedades reducido para empresas de alta tecnología",
            "Impôt sur les sociétés réduit pour les entreprises de haute technologie",
            "Сниженный налог на прибыль для высокотехнологичных предприятий",
        ),
        t(
            "经认定的高新技术企业，减按15%的税率征收企业所得税；示范区协助企业准备认定材料。",
            "Certified high-tech enterprises pay corporate income tax at 15 % instead of 25 %; the zone helps prepare the application.",
            "認定されたハイテク企業は法人所得税率が15%に軽減され、モデル区が申請書類の準備を支援します。",
            "인정받은 첨단기술기업은 15% 세율로 법인세를 납부하며 시범구가 인정 서류 준비를 지원합니다.",
            "تدفع شركات التكنولوجيا المتقدمة المعتمدة ضريبة دخل الشركات بنسبة 15٪ بدلًا من 25٪؛ وتساعد المنطقة في إعداد الطلب.",
            "Las empresas de alta tecnología certificadas tributan al 15 % en lugar del 25 %; la zona ayuda a preparar la solicitud.",
            "Les entreprises de haute technologie agréées sont imposées à 15 % au lieu de 25 % ; la zone aide à préparer le dossier.",
            "Сертифицированные высокотехнологичные предприятия платят налог на прибыль по ставке 15 % вместо 25 %; зона помогает подготовить заявку.",
        ),
        t(
            "企业所得税税率15%（标准税率25%）。",
            "Corporate income tax at 15 % (standard rate 25 %).",
            "法人所得税率15%（標準税率25%）。",
            "법인세율 15%(표준 세율 25%).",
            "ضريبة دخل الشركات 15٪ (المعدل العادي 25٪).",
            "Impuesto de sociedades al 15 % (tipo general 25 %).",
            "Impôt sur les sociétés à 15 % (taux normal 25 %).",
            "Налог на прибыль 15 % (обычная ставка 25 %).",
        ),
        t2("《中华人民共和国企业所得税法》第二十八条", "Enterprise Income Tax Law of the PRC, Article 28"),
        valid_from=dt.date(2008, 1, 1),
        valid_until=None,
    ),
    PolicySpec(
        PolicyTopic.INNOVATION,
        t(
            "研发费用加计扣除",
            "Extra deduction of R&D expenses",
            "研究開発費の追加控除",
            "연구개발비 추가 공제",
            "خصم إضافي لنفقات البحث والتطوير",
            "Deducción adicional de gastos de I+D",
            "Déduction majorée des dépenses de R&D",
            "Повышенный вычет расходов на НИОКР",
        ),
        t(
            "企业开展研发活动实际发生的研发费用，在据实扣除基础上再按100%加计扣除。",
            "R&D spending is deducted in full and then a further 100 % is deducted on top.",
            "研究開発活動で実際に発生した費用は、実額控除に加えてさらに100%を追加控除できます。",
            "연구개발 활동에서 실제 발생한 비용은 실비 공제에 더해 100%를 추가 공제합니다.",
            "تُخصم نفقات البحث والتطوير كاملة ثم يُخصم 100٪ إضافية فوقها.",
            "El gasto en I+D se deduce íntegramente y además se deduce un 100 % adicional.",
            "Les dépenses de R&D sont déduites intégralement, puis 100 % supplémentaires.",
            "Расходы на НИОКР вычитаются полностью и дополнительно ещё на 100 %.",
        ),
        t(
            "研发费用按200%在税前扣除。",
            "200 % of R&D expenses deducted before tax.",
            "研究開発費の200%を税引前に控除。",
            "연구개발비의 200%를 세전 공제.",
            "خصم 200٪ من نفقات البحث والتطوير قبل الضريبة.",
            "Deducción del 200 % de los gastos de I+D.",
            "Déduction de 200 % des dépenses de R&D.",
            "Вычет 200 % расходов на НИОКР.",
        ),
        t2(
            "财政部 税务总局公告2023年第7号",
            "Ministry of Finance and State Taxation Administration Announcement No. 7 of 2023",
        ),
        valid_from=dt.date(2023, 1, 1),
        valid_until=None,
    ),
    PolicySpec(
        PolicyTopic.TALENT,
        t(
            "国际人才安居补贴",
            "Housing allowance for international talent",
            "国際人材住宅補助",
            "국제 인재 주거 보조금",
            "بدل سكن للكفاءات الدولية",
            "Ayuda de vivienda para talento internacional",
            "Aide au logement des talents internationaux",
            "Жилищная субсидия для иностранных специалистов",
        ),
        t(
            "入驻企业新引进的外籍高端人才和紧缺人才，可申请人才公寓或租房补贴。",
            "High-level and sought-after foreign staff newly hired by companies in the zone may apply for a talent apartment or a rent allowance.",
            "入居企業が新たに招へいした外国籍ハイレベル人材・不足人材は、人材アパートまたは家賃補助を申請できます。",
            "입주 기업이 새로 유치한 외국인 고급 인재와 부족 인재는 인재 아파트 또는 임대료 보조금을 신청할 수 있습니다.",
            "يمكن للكفاءات الأجنبية العليا والمطلوبة التي تعيّنها شركات المنطقة حديثًا التقدم بطلب شقة للكفاءات أو بدل إيجار.",
            "El personal extranjero de alto nivel o escaso contratado por empresas de la zona puede solicitar un apartamento o una ayuda al alquiler.",
            "Les talents étrangers de haut niveau ou rares recrutés par les entreprises de la zone peuvent demander un logement ou une aide au loyer.",
            "Новые иностранные специалисты высокого уровня и дефицитных профессий могут получить квартиру или компенсацию аренды.",
        ),
        t(
            "每人每月最高5000元，最长三年。",
            "Up to 5,000 yuan a month per person, for up to three years.",
            "1人当たり月額最高5,000元、最長3年。",
            "1인당 월 최고 5,000위안, 최장 3년.",
            "حتى 5000 يوان شهريًا للفرد، لمدة أقصاها ثلاث سنوات.",
            "Hasta 5000 yuanes al mes por persona, durante tres años como máximo.",
            "Jusqu'à 5 000 yuans par mois et par personne, pendant trois ans au plus.",
            "До 5000 юаней в месяц на человека, не более трёх лет.",
        ),
        ZONE_MEASURES,
        ownership=FOREIGN,
        min_jobs=20,
    ),
    PolicySpec(
        PolicyTopic.FUNDING,
        t(
            "跨国公司地区总部认定奖励",
            "Award for regional headquarters of multinationals",
            "多国籍企業地域統括本部認定奨励",
            "다국적기업 지역본부 인정 장려금",
            "مكافأة المقرات الإقليمية للشركات متعددة الجنسيات",
            "Premio a sedes regionales de multinacionales",
            "Prime aux sièges régionaux des multinationales",
            "Премия региональным штаб-квартирам ТНК",
        ),
        t(
            "经北京市认定的跨国公司地区总部落户示范区的，给予一次性落户奖励和办公用房补贴。",
            "Multinationals whose regional headquarters recognised by Beijing settles in the zone receive a one-off award and an office rent subsidy.",
            "北京市が認定した多国籍企業の地域統括本部がモデル区に進出する場合、一時奨励金と事務所賃料補助を支給します。",
            "베이징시가 인정한 다국적기업 지역본부가 시범구에 입주하면 일회성 장려금과 사무실 임대료 보조금을 지급합니다.",
            "تحصل الشركات متعددة الجنسيات التي يستقر مقرها الإقليمي المعترف به من بكين في المنطقة على مكافأة لمرة واحدة ودعم لإيجار المكاتب.",
            "Las multinacionales cuya sede regional reconocida por Pekín se instale en la zona reciben un premio único y una ayuda al alquiler de oficinas.",
            "Les multinationales dont le siège régional reconnu par Pékin s'installe dans la zone reçoivent une prime unique et une aide au loyer de bureaux.",
            "ТНК, чья признанная Пекином региональная штаб-квартира размещается в зоне, получают единовременную премию и субсидию на аренду офиса.",
        ),
        t(
            "一次性奖励最高1000万元，租金补贴三年。",
            "A one-off award of up to 10 million yuan and three years of rent subsidy.",
            "一時奨励金最高1,000万元、賃料補助3年間。",
            "일회성 장려금 최고 1,000만 위안, 임대료 보조 3년.",
            "مكافأة لمرة واحدة حتى 10 ملايين يوان ودعم إيجار ثلاث سنوات.",
            "Premio único de hasta 10 millones de yuanes y tres años de ayuda al alquiler.",
            "Prime unique jusqu'à 10 millions de yuans et trois ans d'aide au loyer.",
            "Единовременно до 10 млн юаней и три года субсидии на аренду.",
        ),
        t2(
            "《北京市鼓励跨国公司设立地区总部的若干规定》",
            "Beijing Provisions on Encouraging Multinationals to Set Up Regional Headquarters",
        ),
        ownership=[Ownership.FOREIGN],
        min_cny=50_000_000,
    ),
    PolicySpec(
        PolicyTopic.FUNDING,
        t(
            "软件和信息服务业发展资金",
            "Fund for software and information services",
            "ソフトウェア・情報サービス業発展資金",
            "소프트웨어·정보서비스업 발전 자금",
            "صندوق البرمجيات وخدمات المعلومات",
            "Fondo para software y servicios de información",
            "Fonds pour le logiciel et les services d'information",
            "Фонд развития ПО и информационных услуг",
        ),
        t(
            "软件、人工智能和数据服务企业的关键技术攻关和示范应用项目，可申请资金支持。",
            "Software, AI and data companies may apply for funding of key technology and demonstration projects.",
            "ソフトウェア、AI、データサービス企業の重要技術開発と実証応用プロジェクトは資金支援を申請できます。",
            "소프트웨어, 인공지능, 데이터 서비스 기업의 핵심 기술 개발과 시범 응용 프로젝트는 자금 지원을 신청할 수 있습니다.",
            "يمكن لشركات البرمجيات والذكاء الاصطناعي والبيانات طلب تمويل لمشاريع التقنيات الرئيسية والتطبيقات النموذجية.",
            "Las empresas de software, IA y datos pueden solicitar financiación para proyectos de tecnologías clave y de demostración.",
            "Les entreprises du logiciel, de l'IA et des données peuvent demander un financement pour des projets de technologies clés et de démonstration.",
            "Компании в сфере ПО, ИИ и данных могут получить финансирование ключевых технологий и демонстрационных проектов.",
        ),
        t(
            "按项目投资的30%给予补助，最高500万元。",
            "30 % of the project's cost, up to 5 million yuan.",
            "プロジェクト投資額の30%、最高500万元を補助。",
            "프로젝트 투자액의 30%, 최고 500만 위안 보조.",
            "30٪ من تكلفة المشروع، بحد أقصى 5 ملايين يوان.",
            "El 30 % del coste del proyecto, hasta 5 millones de yuanes.",
            "30 % du coût du projet, jusqu'à 5 millions de yuans.",
            "30 % стоимости проекта, до 5 млн юаней.",
        ),
        ZONE_MEASURES,
        industries=["I"],
        max_cny=200_000_000,
    ),
    PolicySpec(
        PolicyTopic.FUNDING,
        t(
            "稳岗就业奖励",
            "Award for creating jobs",
            "雇用創出奨励",
            "일자리 창출 장려금",
            "مكافأة خلق الوظائف",
            "Premio a la creación de empleo",
            "Prime à la création d'emplois",
            "Премия за создание рабочих мест",
        ),
        t(
            "新落户企业首年新增就业100人以上、且在示范区缴纳社保的，给予一次性奖励。",
            "Companies new to the zone that create 100 or more jobs in their first year, with social insurance paid in the zone, receive a one-off award.",
            "新規進出企業が初年度に100人以上を新規雇用し、モデル区で社会保険を納付する場合、一時奨励金を支給します。",
            "신규 입주 기업이 첫해 100명 이상을 신규 고용하고 시범구에서 사회보험을 납부하면 일회성 장려금을 지급합니다.",
            "تحصل الشركات الجديدة في المنطقة التي توفر 100 وظيفة أو أكثر في عامها الأول مع دفع التأمين الاجتماعي في المنطقة على مكافأة لمرة واحدة.",
            "Las empresas nuevas que creen 100 empleos o más en su primer año, cotizando en la zona, reciben un premio único.",
            "Les entreprises nouvelles qui créent 100 emplois ou plus la première année, avec cotisations sociales dans la zone, reçoivent une prime unique.",
            "Новые компании, создавшие в первый год не менее 100 рабочих мест с уплатой соцстраха в зоне, получают единовременную премию.",
        ),
        t(
            "每个新增岗位2000元，最高200万元。",
            "2,000 yuan per new job, up to 2 million yuan.",
            "新規雇用1人当たり2,000元、最高200万元。",
            "신규 일자리당 2,000위안, 최고 200만 위안.",
            "2000 يوان لكل وظيفة جديدة، بحد أقصى مليوني يوان.",
            "2000 yuanes por empleo nuevo, hasta 2 millones.",
            "2 000 yuans par emploi créé, jusqu'à 2 millions.",
            "2000 юаней за рабочее место, до 2 млн юаней.",
        ),
        ZONE_MEASURES,
        min_jobs=100,
    ),
    PolicySpec(
        PolicyTopic.LAND,
        t(
            "标准厂房租金减免",
            "Rent relief in standard factories",
            "標準工場の賃料減免",
            "표준 공장 임대료 감면",
            "تخفيض إيجار المصانع القياسية",
            "Reducción del alquiler en naves estándar",
            "Réduction de loyer en usines standard",
            "Скидка на аренду типовых цехов",
        ),
        t(
            "租用示范区平台公司标准厂房或研发楼宇的制造业和研发企业，享受租金减免。",
            "Manufacturing and R&D companies renting standard factories or R&D buildings from the zone's platform company get rent relief.",
            "モデル区プラットフォーム会社の標準工場や研究開発棟を賃借する製造業・研究開発企業は賃料減免を受けられます。",
            "시범구 플랫폼 회사의 표준 공장이나 R&D 건물을 임차하는 제조·연구개발 기업은 임대료 감면을 받습니다.",
            "تحصل شركات التصنيع والبحث التي تستأجر مصانع قياسية أو مباني بحث من شركة منصة المنطقة على تخفيض في الإيجار.",
            "Las empresas de fabricación e I+D que alquilen naves o edificios de I+D de la empresa plataforma obtienen una reducción del alquiler.",
            "Les entreprises industrielles et de R&D louant des usines ou bâtiments de R&D à la société de plateforme bénéficient d'une réduction de loyer.",
            "Производственные и исследовательские компании, арендующие типовые цеха или здания НИОКР у платформенной компании, получают скидку.",
        ),
        t(
            "第一年租金减免50%，第二、三年减免30%。",
            "50 % off the first year's rent, 30 % off the second and third years'.",
            "初年度賃料50%減免、2・3年目30%減免。",
            "첫해 임대료 50% 감면, 2·3년차 30% 감면.",
            "خصم 50٪ من إيجار السنة الأولى و30٪ في السنتين الثانية والثالثة.",
            "50 % de descuento el primer año y 30 % el segundo y el tercero.",
            "50 % de remise la première année, 30 % les deuxième et troisième.",
            "Скидка 50 % в первый год и 30 % во второй и третий.",
        ),
        ZONE_MEASURES,
        industries=["C", "M"],
        districts=["daxing"],
    ),
    PolicySpec(
        PolicyTopic.TRADE,
        t(
            "跨境电商与外贸发展支持",
            "Support for cross-border e-commerce and foreign trade",
            "越境EC・貿易発展支援",
            "국경 간 전자상거래·무역 발전 지원",
            "دعم التجارة الإلكترونية العابرة للحدود والتجارة الخارجية",
            "Apoyo al comercio electrónico transfronterizo y exterior",
            "Soutien au commerce électronique transfrontalier et extérieur",
            "Поддержка трансграничной электронной и внешней торговли",
        ),
        t(
            "在综合保税区开展跨境电商、保税研发或维修业务的企业，按进出口额给予物流和仓储补贴。",
            "Companies running cross-border e-commerce, bonded R&D or repair in the comprehensive bonded zone receive logistics and warehousing subsidies on their trade volume.",
            "総合保税区で越境EC、保税研究開発、保税修理を行う企業に、輸出入額に応じて物流・倉庫補助を支給します。",
            "종합보세구에서 국경 간 전자상거래, 보세 연구개발, 보세 수리 업무를 하는 기업에 수출입액에 따라 물류·창고 보조금을 지급합니다.",
            "تحصل الشركات التي تمارس التجارة الإلكترونية العابرة للحدود أو البحث أو الإصلاح تحت نظام الإيداع الجمركي في المنطقة الجمركية الشاملة على دعم للوجستيات والتخزين وفق حجم تجارتها.",
            "Las empresas de comercio electrónico transfronterizo, I+D o reparación en régimen franco reciben ayudas de logística y almacenaje según su volumen.",
            "Les entreprises de commerce électronique transfrontalier, de R&D ou de réparation sous douane reçoivent des aides logistiques et d'entreposage selon leurs volumes.",
            "Компании трансграничной электронной торговли, НИОКР или ремонта в бондовом режиме получают субсидии на логистику и хранение по объёму торговли.",
        ),
        t(
            "每年最高300万元。",
            "Up to 3 million yuan a year.",
            "年間最高300万元。",
            "연간 최고 300만 위안.",
            "حتى 3 ملايين يوان سنويًا.",
            "Hasta 3 millones de yuanes al año.",
            "Jusqu'à 3 millions de yuans par an.",
            "До 3 млн юаней в год.",
        ),
        ZONE_MEASURES,
        industries=["F", "G"],
    ),
    PolicySpec(
        PolicyTopic.INNOVATION,
        t(
            "中日创新合作项目支持",
            "Support for China–Japan innovation projects",
            "日中イノベーション協力プロジェクト支援",
            "중일 혁신협력 프로젝트 지원",
            "دعم مشاريع الابتكار الصينية اليابانية",
            "Apoyo a proyectos de innovación China-Japón",
            "Soutien aux projets d'innovation sino-japonais",
            "Поддержка китайско-японских инновационных проектов",
        ),
        t(
            "中日企业、高校或科研机构在示范区合作开展的研发、中试和成果转化项目，可申请专项资金。",
            "R&D, pilot production and commercialisation projects run jointly in the zone by Chinese and Japanese companies, universities or institutes may apply for a dedicated fund.",
            "日中の企業、大学、研究機関がモデル区で共同実施する研究開発、試作、成果実用化プロジェクトは専用資金を申請できます。",
            "중일 기업, 대학, 연구기관이 시범구에서 공동으로 수행하는 연구개발, 시험생산, 성과 사업화 프로젝트는 전용 자금을 신청할 수 있습니다.",
            "يمكن لمشاريع البحث والإنتاج التجريبي والتسويق التي تنفذها شركات أو جامعات أو معاهد صينية ويابانية معًا في المنطقة طلب تمويل مخصص.",
            "Los proyectos de I+D, producción piloto y comercialización realizados conjuntamente en la zona por empresas, universidades o institutos chinos y japoneses pueden solicitar un fondo específico.",
            "Les projets de R&D, de préproduction et de valorisation menés ensemble dans la zone par des entreprises, universités ou instituts chinois et japonais peuvent solliciter un fonds dédié.",
            "Совместные проекты НИОКР, опытного производства и коммерциализации китайских и японских компаний, вузов и институтов в зоне могут получить целевое финансирование.",
        ),
        t(
            "按研发投入的20%给予支持，最高800万元。",
            "20 % of R&D spending, up to 8 million yuan.",
            "研究開発投資の20%、最高800万元。",
            "연구개발 투입액의 20%, 최고 800만 위안.",
            "20٪ من الإنفاق على البحث والتطوير، بحد أقصى 8 ملايين يوان.",
            "El 20 % del gasto en I+D, hasta 8 millones de yuanes.",
            "20 % des dépenses de R&D, jusqu'à 8 millions de yuans.",
            "20 % расходов на НИОКР, до 8 млн юаней.",
        ),
        ZONE_MEASURES,
        industries=["M", "27", "38", "39"],
        ownership=[Ownership.FOREIGN, Ownership.JOINT_VENTURE],
        min_cny=20_000_000,
    ),
)


# --- Opportunities ----------------------------------------------------------------------------


@dataclass
class OpportunitySpec:
    kind: str
    title: Texts
    summary: Texts
    industry: str = ""
    district: str = ""
    amount: int | None = None
    currency: str = "CNY"
    mu: str | None = None
    m2: str | None = None
    floor: str | None = None
    location: Texts = field(default_factory=dict)


OPPORTUNITIES = (
    OpportunitySpec(
        OpportunityKind.PROJECT,
        t(
            "动力电池回收与梯次利用项目",
            "Battery recycling and second-life storage",
            "動力電池リサイクル・リユース事業",
            "동력 배터리 재활용·재사용 프로젝트",
            "مشروع إعادة تدوير البطاريات وإعادة استخدامها",
            "Reciclaje y segunda vida de baterías",
            "Recyclage et seconde vie des batteries",
            "Переработка и повторное использование батарей",
        ),
        t(
            "寻求外方合作伙伴共建年处理2万吨退役动力电池的回收和储能梯次利用产线，已完成环评和用地规划。",
            "Seeking a foreign partner for a line recycling 20,000 tonnes of retired traction batteries a year and reusing them for storage; environmental assessment and land planning are done.",
            "年間2万トンの使用済み動力電池を処理し蓄電用途に再利用するラインを共同建設する海外パートナーを募集。環境影響評価と用地計画は完了済み。",
            "연간 2만 톤의 폐배터리를 처리하고 에너지저장용으로 재사용하는 라인을 함께 구축할 해외 파트너를 찾습니다. 환경영향평가와 용지 계획이 완료되었습니다.",
            "نبحث عن شريك أجنبي لخط يعيد تدوير 20 ألف طن من بطاريات الجر المستعملة سنويًا ويعيد استخدامها للتخزين؛ أُنجز التقييم البيئي وتخطيط الأرض.",
            "Se busca socio extranjero para una línea que recicle 20 000 toneladas anuales de baterías de tracción y las reutilice para almacenamiento; evaluación ambiental y planeamiento hechos.",
            "Recherche d'un partenaire étranger pour une ligne recyclant 20 000 tonnes de batteries de traction par an et les réutilisant pour le stockage ; étude d'impact et urbanisme faits.",
            "Ищем иностранного партнёра для линии переработки 20 тыс. т отработанных тяговых батарей в год и их повторного использования в накопителях; экологическая экспертиза и планировка готовы.",
        ),
        industry="38",
        district="daxing",
        amount=600_000_000,
        mu="80",
        m2="53333",
    ),
    OpportunitySpec(
        OpportunityKind.PROJECT,
        t(
            "创新药物中试与生产基地",
            "Pilot and commercial plant for innovative drugs",
            "革新的医薬品の治験薬・生産拠点",
            "혁신 신약 시험생산·생산기지",
            "مصنع تجريبي وتجاري للأدوية المبتكرة",
            "Planta piloto y comercial de fármacos innovadores",
            "Site pilote et commercial de médicaments innovants",
            "Опытно-промышленная площадка инновационных лекарств",
        ),
        t(
            "示范区平台公司拟与国际药企合资建设符合GMP标准的生物药中试和商业化生产基地。",
            "The zone's platform company plans a joint venture with an international drug maker for a GMP pilot and commercial biologics plant.",
            "モデル区プラットフォーム会社が海外製薬企業と合弁で、GMP準拠のバイオ医薬品治験薬・商業生産拠点を建設する計画です。",
            "시범구 플랫폼 회사가 해외 제약사와 합작으로 GMP 기준의 바이오의약품 시험생산·상업생산 기지를 건설할 계획입니다.",
            "تعتزم شركة منصة المنطقة إنشاء مشروع مشترك مع شركة أدوية دولية لمصنع تجريبي وتجاري للأدوية الحيوية وفق معايير التصنيع الجيد.",
            "La empresa plataforma de la zona prevé una empresa mixta con una farmacéutica internacional para una planta piloto y comercial de biológicos con normas GMP.",
            "La société de plateforme de la zone prévoit une coentreprise avec un laboratoire international pour un site pilote et commercial de biomédicaments aux normes BPF.",
            "Платформенная компания зоны планирует СП с международным фармпроизводителем для опытно-промышленного завода биопрепаратов по стандартам GMP.",
        ),
        industry="27",
        district="daxing",
        amount=50_000_000,
        currency="USD",
        mu="60",
        m2="40000",
    ),
    OpportunitySpec(
        OpportunityKind.SITE,
        t(
            "临空经济区工业地块",
            "Industrial plot in the airport economic zone",
            "空港経済区の工業用地",
            "임공경제구 산업용지",
            "قطعة أرض صناعية في المنطقة الاقتصادية للمطار",
            "Parcela industrial en la zona económica aeroportuaria",
            "Terrain industriel de la zone économique aéroportuaire",
            "Промышленный участок в экономической зоне аэропорта",
        ),
        t(
            "净地出让，三通一平已完成，距大兴国际机场货运区8公里，适合高端装备和航空物流项目。",
            "Cleared and serviced plot, 8 km from the cargo area of Daxing International Airport; suited to advanced equipment and air logistics.",
            "インフラ整備済みの更地で、大興国際空港の貨物エリアから8km。ハイエンド装備や航空物流に適しています。",
            "기반시설이 완비된 나대지로 다싱 국제공항 화물구역에서 8km 거리이며 첨단 장비와 항공 물류 프로젝트에 적합합니다.",
            "أرض مجهزة بالمرافق على بعد 8 كم من منطقة الشحن في مطار داشينغ الدولي؛ مناسبة للمعدات المتقدمة والخدمات اللوجستية الجوية.",
            "Parcela urbanizada a 8 km de la zona de carga del aeropuerto de Daxing; adecuada para equipos avanzados y logística aérea.",
            "Terrain viabilisé à 8 km de la zone fret de l'aéroport de Daxing ; adapté aux équipements de pointe et à la logistique aérienne.",
            "Подготовленный участок в 8 км от грузовой зоны аэропорта Дасин; подходит для оборудования и авиалогистики.",
        ),
        industry="C",
        district="daxing",
        mu="150",
        m2="100000",
    ),
    OpportunitySpec(
        OpportunityKind.SPACE,
        t(
            "生物医药基地标准厂房",
            "Standard factories in the biomedical park",
            "バイオ医薬パークの標準工場",
            "바이오의약 단지 표준 공장",
            "مصانع قياسية في مجمع الطب الحيوي",
            "Naves estándar en el parque biomédico",
            "Usines standard du parc biomédical",
            "Типовые цеха в биомедицинском парке",
        ),
        t(
            "层高8米、承重1.5吨/平方米，配备纯化水和洁净室预留条件，可整栋或分层租赁。",
            "8 m ceilings, 1.5 t/m² floors, ready for purified water and clean rooms; let whole or by floor.",
            "階高8m、床荷重1.5t/m²、純水とクリーンルームの準備済み。一棟またはフロア単位で賃貸可能。",
            "층고 8m, 하중 1.5t/㎡, 정제수와 클린룸 설치 준비가 되어 있으며 건물 전체 또는 층별 임대가 가능합니다.",
            "ارتفاع 8 أمتار وتحمل 1.5 طن/م²، وجاهزة للمياه المنقاة والغرف النظيفة؛ تؤجر كاملة أو حسب الطابق.",
            "Techos de 8 m, suelos de 1,5 t/m², preparados para agua purificada y salas limpias; alquiler completo o por plantas.",
            "8 m sous plafond, 1,5 t/m², prêtes pour l'eau purifiée et les salles blanches ; à louer en entier ou par étage.",
            "Высота 8 м, нагрузка 1,5 т/м², подготовка под очищенную воду и чистые помещения; аренда целиком или поэтажно.",
        ),
        industry="27",
        district="daxing",
        floor="24000",
    ),
    OpportunitySpec(
        OpportunityKind.SPACE,
        t(
            "数字经济产业园研发楼宇",
            "R&D offices in the digital economy park",
            "デジタル経済パークの研究開発オフィス",
            "디지털경제 산업단지 R&D 빌딩",
            "مكاتب بحث وتطوير في مجمع الاقتصاد الرقمي",
            "Oficinas de I+D en el parque de economía digital",
            "Bureaux de R&D du parc de l'économie numérique",
            "Офисы НИОКР в парке цифровой экономики",
        ),
        t(
            "甲级研发办公楼，双路供电和万兆网络接入，首年租金最高减免50%。",
            "Grade-A R&D offices with dual power supply and 10 Gbit/s networks; up to 50 % off the first year's rent.",
            "二系統受電と10Gbps回線を備えたAクラス研究開発オフィス。初年度賃料は最大50%減免。",
            "이중 전원과 10Gbps 네트워크를 갖춘 A급 R&D 오피스로 첫해 임대료 최대 50% 감면.",
            "مكاتب بحث وتطوير من الدرجة الأولى بتغذية كهربائية مزدوجة وشبكات 10 جيجابت؛ خصم يصل إلى 50٪ من إيجار السنة الأولى.",
            "Oficinas de I+D de categoría A con doble suministro eléctrico y red de 10 Gbit/s; hasta un 50 % menos de alquiler el primer año.",
            "Bureaux de R&D de catégorie A avec double alimentation et réseau 10 Gbit/s ; jusqu'à 50 % de remise la première année.",
            "Офисы класса А с двойным электропитанием и сетью 10 Гбит/с; скидка до 50 % в первый год.",
        ),
        industry="I",
        district="tongzhou",
        floor="18000",
    ),
    OpportunitySpec(
        OpportunityKind.PROJECT,
        t(
            "智能网联汽车测试示范区",
            "Connected-vehicle test and demonstration area",
            "コネクテッドカー試験・実証区",
            "커넥티드카 시험·시범 구역",
            "منطقة اختبار وعرض المركبات المتصلة",
            "Área de pruebas de vehículos conectados",
            "Zone d'essai des véhicules connectés",
            "Полигон подключённых автомобилей",
        ),
        t(
            "开放60公里测试道路和车路协同设施，寻求自动驾驶和车联网企业共建应用场景。",
            "60 km of open test roads with vehicle–infrastructure cooperation; seeking autonomous-driving and connected-vehicle companies to build applications together.",
            "60kmの公開試験道路と路車協調設備を開放し、自動運転・コネクテッドカー企業との応用シーンの共同構築を募集します。",
            "60km 시험 도로와 차량-도로 협력 시설을 개방하고 자율주행·커넥티드카 기업과 응용 사례를 함께 구축하고자 합니다.",
            "60 كم من طرق الاختبار المفتوحة مع تعاون بين المركبة والبنية التحتية؛ نبحث عن شركات القيادة الذاتية والمركبات المتصلة لبناء التطبيقات معًا.",
            "60 km de vías de prueba abiertas con cooperación vehículo-infraestructura; se buscan empresas de conducción autónoma y vehículo conectado.",
            "60 km de routes d'essai ouvertes avec coopération véhicule-infrastructure ; recherche d'entreprises de conduite autonome et de véhicules connectés.",
            "60 км открытых испытательных дорог с системой взаимодействия «автомобиль — инфраструктура»; ищем компании беспилотного вождения и подключённых автомобилей.",
        ),
        industry="36",
        district="tongzhou",
        amount=200_000_000,
    ),
)


def _set(obj: object, name: str, texts: Texts) -> None:
    for language, text in texts.items():
        setattr(obj, f"{name}_{language}", text)


def _publish(obj: Letter | AdvantageSection | ServiceEntry | Policy | Opportunity) -> None:
    record_all_translations(obj)
    publish(obj)
    obj.save()


def ensure_content(departments: dict[str, Department], users: dict[str, int], created: Counter[str]) -> None:
    """Create what is missing of this module's demo content, counting it in ``created``."""
    if not Letter.objects.filter(title_en=LETTER_TITLE["en"]).exists():
        letter = Letter()
        for name, texts in (
            ("title", LETTER_TITLE),
            ("body", LETTER_BODY),
            ("signatory_name", SIGNATORY_NAME),
            ("signatory_title", SIGNATORY_TITLE),
        ):
            _set(letter, name, texts)
        _publish(letter)
        created["portal letters"] += 1

    for order, spec in enumerate(ADVANTAGES, start=1):
        if AdvantageSection.objects.filter(topic=spec.topic).exists():
            continue
        section = AdvantageSection(topic=spec.topic, indicator_codes=spec.codes, sort_order=order * 10)
        _set(section, "title", spec.title)
        _set(section, "body", spec.body)
        _publish(section)
        created["portal advantages"] += 1

    for order, service_spec in enumerate(SERVICES, start=1):
        if ServiceEntry.objects.filter(title_en=service_spec.title["en"]).exists():
            continue
        service = ServiceEntry(
            category=service_spec.category,
            phone=service_spec.phone,
            website=service_spec.website,
            sort_order=order * 10,
        )
        for name in ("title", "description", "provider", "address", "hours"):
            _set(service, name, getattr(service_spec, name))
        _publish(service)
        created["portal services"] += 1

    industries = {industry.code: industry for industry in Industry.objects.all()}
    for policy_spec in POLICIES:
        if Policy.objects.filter(title_en=policy_spec.title["en"]).exists():
            continue
        policy = Policy(
            topic=policy_spec.topic,
            valid_from=policy_spec.valid_from,
            valid_until=policy_spec.valid_until,
            min_investment_cny=None if policy_spec.min_cny is None else Decimal(policy_spec.min_cny),
            max_investment_cny=None if policy_spec.max_cny is None else Decimal(policy_spec.max_cny),
            ownership_types=[str(code) for code in policy_spec.ownership],
            min_jobs=policy_spec.min_jobs,
        )
        for name in ("title", "summary", "benefit", "legal_basis"):
            _set(policy, name, getattr(policy_spec, name))
        _publish(policy)
        policy.industries.set([industries[code] for code in policy_spec.industries if code in industries])
        policy.districts.set([departments[code] for code in policy_spec.districts if code in departments])
        created["portal policies"] += 1

    for order, opportunity_spec in enumerate(OPPORTUNITIES, start=1):
        if Opportunity.objects.filter(title_en=opportunity_spec.title["en"]).exists():
            continue
        opportunity = Opportunity(
            kind=opportunity_spec.kind,
            industry=industries.get(opportunity_spec.industry),
            district=departments.get(opportunity_spec.district),
            investment_sought=None if opportunity_spec.amount is None else Decimal(opportunity_spec.amount),
            currency=opportunity_spec.currency,
            land_area_mu=None if opportunity_spec.mu is None else Decimal(opportunity_spec.mu),
            land_area_m2=None if opportunity_spec.m2 is None else Decimal(opportunity_spec.m2),
            floor_space_m2=None if opportunity_spec.floor is None else Decimal(opportunity_spec.floor),
            sort_order=order * 10,
        )
        _set(opportunity, "title", opportunity_spec.title)
        _set(opportunity, "summary", opportunity_spec.summary)
        _publish(opportunity)
        created["portal opportunities"] += 1
