"""Demo content of the consulting module: the holiday calendar, topics routed to the demo
departments, a dozen FAQ entries in all eight languages, questions of the last weeks (answered in
time, late, one escalated, some rated) and video-meeting times next week."""

from __future__ import annotations

import datetime as dt
import secrets
from collections import Counter
from zoneinfo import ZoneInfo

from django.utils import timezone

from yunzhao.accounts.models import Department
from yunzhao.consulting import clock
from yunzhao.consulting.models import Author, FaqEntry, MeetingSlot, Message, Question, QuestionStatus, Topic
from yunzhao.core import holidays
from yunzhao.core.content import Publication, record_all_translations

BEIJING = ZoneInfo("Asia/Shanghai")
LANGS = ("zh_hans", "en", "ja", "ko", "ar", "es", "fr", "ru")

# key, department code, (names in LANGS order)
TOPICS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("invest", "cjic-ipb-1", ("投资洽谈", "Investing in the zone", "投資のご相談", "투자 상담", "الاستثمار في المنطقة", "Invertir en la zona", "Investir dans la zone", "Инвестиции в зоне")),
    ("company", "cjic-ipb-services", ("公司设立", "Setting up a company", "会社設立", "회사 설립", "تأسيس شركة", "Constitución de empresas", "Création d'entreprise", "Регистрация компании")),
    ("visa", "cjic-esb-services", ("签证与工作许可", "Visas and work permits", "ビザと就労許可", "비자 및 취업 허가", "التأشيرات وتصاريح العمل", "Visados y permisos de trabajo", "Visas et permis de travail", "Визы и разрешения на работу")),
    ("land", "cjic-platform", ("土地与厂房", "Land and premises", "土地と工場", "토지 및 공장", "الأراضي والمباني", "Suelo e instalaciones", "Terrains et locaux", "Земля и помещения")),
    ("tax", "cjic-ipb-services", ("税收优惠", "Tax incentives", "税制優遇", "세제 혜택", "الحوافز الضريبية", "Incentivos fiscales", "Incitations fiscales", "Налоговые льготы")),
    ("customs", "cjic-esb-services", ("海关与进出口", "Customs and trade", "税関と輸出入", "세관 및 수출입", "الجمارك والتجارة", "Aduanas y comercio", "Douanes et commerce", "Таможня и торговля")),
    ("talent", "cjic-esb-services", ("人才与生活", "Talent and living", "人材と生活", "인재와 생활", "المواهب والمعيشة", "Talento y vida", "Talents et vie quotidienne", "Кадры и жизнь")),
)  # fmt: skip

# topic key, (question, answer) in LANGS order
FAQ: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("company", (
        ("外资企业在示范区注册需要多长时间？", "材料齐全时，营业执照一般在3个工作日内办结；综合服务部全程免费代办。"),
        ("How long does it take to register a foreign-invested company?", "With complete documents the business licence is usually issued within 3 working days; our service department handles it free of charge."),
        ("外資系企業の登記にはどのくらいかかりますか？", "書類がそろっていれば、営業許可証は通常3営業日以内に発行されます。総合サービス部が無料で代行します。"),
        ("외국인 투자기업 등록에는 얼마나 걸리나요?", "서류가 완비되면 영업허가증은 보통 3영업일 이내에 발급되며, 종합서비스부가 무료로 대행합니다."),
        ("كم يستغرق تسجيل شركة بتمويل أجنبي؟", "عند اكتمال المستندات تصدر الرخصة التجارية عادة خلال 3 أيام عمل، ويتولى قسم الخدمات لدينا الإجراءات مجانًا."),
        ("¿Cuánto se tarda en registrar una empresa de capital extranjero?", "Con la documentación completa, la licencia comercial suele expedirse en 3 días hábiles; nuestro departamento de servicios lo tramita gratis."),
        ("Combien de temps faut-il pour immatriculer une société à capitaux étrangers ?", "Avec un dossier complet, la licence est en général délivrée en 3 jours ouvrés ; notre service s'en charge gratuitement."),
        ("Сколько времени занимает регистрация компании с иностранным капиталом?", "При полном пакете документов лицензия обычно выдаётся за 3 рабочих дня; наш отдел услуг оформляет её бесплатно."),
    )),
    ("company", (
        ("注册资本有最低要求吗？", "一般行业没有最低注册资本要求，实行认缴制；特定行业以相关规定为准。"),
        ("Is there a minimum registered capital?", "Most industries have no minimum registered capital; capital is subscribed. Some regulated industries have their own rules."),
        ("最低資本金の要件はありますか？", "多くの業種で最低資本金の要件はなく、引受制です。一部の規制業種には個別の規定があります。"),
        ("최저 등록자본금 요건이 있나요?", "대부분의 업종은 최저 등록자본금 요건이 없으며 인수제입니다. 일부 규제 업종은 별도 규정이 있습니다."),
        ("هل يوجد حد أدنى لرأس المال المسجل؟", "لا يوجد حد أدنى في معظم القطاعات، ويُكتتب رأس المال. لبعض القطاعات المنظمة قواعدها الخاصة."),
        ("¿Hay un capital social mínimo?", "En la mayoría de sectores no hay capital mínimo; el capital se suscribe. Algunos sectores regulados tienen normas propias."),
        ("Existe-t-il un capital social minimum ?", "Dans la plupart des secteurs, il n'y a pas de minimum ; le capital est souscrit. Certains secteurs réglementés ont leurs propres règles."),
        ("Есть ли минимальный уставный капитал?", "В большинстве отраслей минимума нет, капитал объявляется. В отдельных регулируемых отраслях действуют свои правила."),
    )),
    ("visa", (
        ("外籍员工如何办理工作许可？", "企业在线提交申请，材料齐全后10个工作日内发放《外国人工作许可证》；高端人才（A类）可享受绿色通道。"),
        ("How do foreign employees get a work permit?", "The company applies online; the Foreigner's Work Permit is issued within 10 working days of a complete file. Top talent (category A) has a fast track."),
        ("外国人社員の就労許可はどう取得しますか？", "企業がオンラインで申請し、書類がそろってから10営業日以内に外国人就労許可証が発行されます。A類人材は優先ルートがあります。"),
        ("외국인 직원의 취업 허가는 어떻게 받나요?", "회사가 온라인으로 신청하며 서류 완비 후 10영업일 이내에 외국인 취업허가증이 발급됩니다. A급 인재는 신속 절차가 있습니다."),
        ("كيف يحصل الموظفون الأجانب على تصريح عمل؟", "تقدم الشركة الطلب إلكترونيًا، ويصدر تصريح العمل خلال 10 أيام عمل من اكتمال الملف، وللكفاءات العليا (الفئة A) مسار سريع."),
        ("¿Cómo obtienen los empleados extranjeros el permiso de trabajo?", "La empresa lo solicita en línea; el permiso se expide en 10 días hábiles con el expediente completo. El talento de categoría A tiene vía rápida."),
        ("Comment les salariés étrangers obtiennent-ils un permis de travail ?", "L'entreprise dépose la demande en ligne ; le permis est délivré sous 10 jours ouvrés après dossier complet. Les talents de catégorie A bénéficient d'une voie rapide."),
        ("Как иностранным сотрудникам получить разрешение на работу?", "Компания подаёт заявку онлайн; разрешение выдаётся в течение 10 рабочих дней после подачи полного пакета. Для специалистов категории A есть ускоренный порядок."),
    )),
    ("visa", (
        ("来华商务考察可以办理什么签证？", "商务考察可申请M字签证；部分国家公民可享受免签入境政策，请以最新公告为准。"),
        ("Which visa do I need for a business visit?", "Business visits use the M visa; citizens of several countries may enter visa-free — please check the latest announcements."),
        ("商談での訪中にはどのビザが必要ですか？", "商用訪問はMビザです。一部の国の国民はビザ免除で入国できます。最新の告知をご確認ください。"),
        ("비즈니스 방문에는 어떤 비자가 필요한가요?", "비즈니스 방문은 M비자이며, 일부 국가 국민은 무비자 입국이 가능합니다. 최신 공지를 확인하세요."),
        ("ما التأشيرة المطلوبة لزيارة عمل؟", "تُستخدم التأشيرة M لزيارات العمل، ويمكن لمواطني عدة دول الدخول دون تأشيرة؛ يرجى مراجعة أحدث الإعلانات."),
        ("¿Qué visado necesito para un viaje de negocios?", "Para viajes de negocios se usa el visado M; ciudadanos de varios países pueden entrar sin visado. Consulte los avisos más recientes."),
        ("Quel visa pour un voyage d'affaires ?", "Les visites d'affaires relèvent du visa M ; les ressortissants de plusieurs pays peuvent entrer sans visa — consultez les annonces récentes."),
        ("Какая виза нужна для деловой поездки?", "Для деловых поездок оформляется виза M; граждане ряда стран могут въехать без визы — уточните по последним объявлениям."),
    )),
    ("land", (
        ("示范区有现成的厂房可以租用吗？", "有。平台公司提供标准厂房和研发办公空间，可按需定制，详见“投资机会”中的载体信息。"),
        ("Are there ready-built factories to rent?", "Yes. The platform company offers standard factory buildings and R&D offices, customisable on request; see the sites listed under opportunities."),
        ("賃貸できる既存の工場はありますか？", "はい。プラットフォーム会社が標準工場と研究開発オフィスを提供し、ご要望に応じてカスタマイズできます。"),
        ("임대 가능한 기존 공장이 있나요?", "네. 플랫폼 회사가 표준 공장과 연구개발 사무공간을 제공하며 필요에 따라 맞춤 제공이 가능합니다."),
        ("هل توجد مصانع جاهزة للإيجار؟", "نعم. توفر شركة المنصة مباني مصانع قياسية ومكاتب بحث وتطوير قابلة للتخصيص حسب الطلب."),
        ("¿Hay naves industriales listas para alquilar?", "Sí. La empresa de la plataforma ofrece naves estándar y oficinas de I+D, adaptables a petición."),
        ("Existe-t-il des usines prêtes à louer ?", "Oui. La société de plateforme propose des bâtiments industriels standard et des bureaux de R&D, aménageables sur demande."),
        ("Есть ли готовые производственные помещения в аренду?", "Да. Платформенная компания предлагает стандартные цеха и офисы для НИОКР с адаптацией под запрос."),
    )),
    ("land", (
        ("工业用地如何取得？", "工业用地通过招拍挂方式公开出让，出让年限最长50年；也可先租后让、弹性年期供地。"),
        ("How is industrial land obtained?", "Industrial land is granted by public tender or auction for up to 50 years; lease-then-transfer and flexible terms are also possible."),
        ("工業用地はどのように取得しますか？", "工業用地は入札・競売により最長50年で譲渡されます。賃貸後譲渡や弾力的な期間設定も可能です。"),
        ("산업용지는 어떻게 취득하나요?", "산업용지는 공개 입찰·경매로 최장 50년간 양도되며, 임대 후 양도나 탄력적 기간도 가능합니다."),
        ("كيف يتم الحصول على أرض صناعية؟", "تُمنح الأراضي الصناعية عبر مناقصة أو مزاد علني لمدة تصل إلى 50 عامًا، ويمكن أيضًا الإيجار ثم التحويل أو مدد مرنة."),
        ("¿Cómo se obtiene suelo industrial?", "El suelo industrial se adjudica por licitación o subasta pública hasta 50 años; también hay arrendamiento con opción y plazos flexibles."),
        ("Comment obtenir un terrain industriel ?", "Les terrains industriels sont attribués par appel d'offres ou enchère publique pour 50 ans au plus ; location puis cession et durées flexibles sont possibles."),
        ("Как получить промышленный земельный участок?", "Промышленные участки предоставляются через открытые торги на срок до 50 лет; возможны аренда с последующим выкупом и гибкие сроки."),
    )),
    ("tax", (
        ("高新技术企业可以享受什么税收优惠？", "经认定的高新技术企业减按15%的税率征收企业所得税，研发费用可按规定加计扣除。"),
        ("What tax incentives do high-tech enterprises get?", "Certified high-tech enterprises pay corporate income tax at 15% instead of 25%, and R&D costs qualify for super deduction."),
        ("ハイテク企業にはどんな税制優遇がありますか？", "認定ハイテク企業の法人所得税率は15％に軽減され、研究開発費は割増控除の対象になります。"),
        ("첨단기술기업은 어떤 세제 혜택을 받나요?", "인정된 첨단기술기업은 법인소득세율이 15%로 감면되며 연구개발비는 추가 공제 대상입니다."),
        ("ما الحوافز الضريبية للمؤسسات عالية التقنية؟", "تدفع المؤسسات المعتمدة عالية التقنية ضريبة دخل بنسبة 15% بدل 25%، وتستفيد تكاليف البحث والتطوير من خصم إضافي."),
        ("¿Qué incentivos fiscales tienen las empresas de alta tecnología?", "Las empresas de alta tecnología certificadas tributan al 15 % en lugar del 25 %, y los gastos de I+D tienen deducción adicional."),
        ("Quelles incitations fiscales pour les entreprises de haute technologie ?", "Les entreprises certifiées paient l'impôt sur les sociétés à 15 % au lieu de 25 %, et les dépenses de R&D bénéficient d'une super-déduction."),
        ("Какие налоговые льготы у высокотехнологичных предприятий?", "Сертифицированные высокотехнологичные предприятия платят налог на прибыль по ставке 15 % вместо 25 %, расходы на НИОКР вычитаются с повышающим коэффициентом."),
    )),
    ("tax", (
        ("外国投资者利润再投资有优惠吗？", "境外投资者以分配利润直接投资鼓励类项目，符合条件的可暂不征收预提所得税。"),
        ("Is reinvested profit of foreign investors taxed?", "Profits a foreign investor reinvests directly in encouraged projects may be exempt from withholding tax for the time being, when the conditions are met."),
        ("外国投資家の利益再投資に優遇はありますか？", "奨励類プロジェクトに利益を直接再投資する場合、条件を満たせば源泉所得税の課税が繰り延べられます。"),
        ("외국인 투자자의 이익 재투자에 혜택이 있나요?", "장려류 프로젝트에 이익을 직접 재투자하면 요건 충족 시 원천소득세가 과세 유예됩니다."),
        ("هل تُعفى الأرباح المعاد استثمارها للمستثمرين الأجانب؟", "الأرباح التي يعيد المستثمر الأجنبي استثمارها مباشرة في المشاريع المشجعة قد تُعفى مؤقتًا من ضريبة الاستقطاع عند استيفاء الشروط."),
        ("¿Tributan los beneficios reinvertidos por inversores extranjeros?", "Los beneficios reinvertidos directamente en proyectos fomentados pueden quedar exentos temporalmente de retención si se cumplen las condiciones."),
        ("Les bénéfices réinvestis par les investisseurs étrangers sont-ils imposés ?", "Les bénéfices réinvestis directement dans des projets encouragés peuvent être exonérés de retenue à la source, sous conditions."),
        ("Облагаются ли реинвестированные прибыли иностранных инвесторов?", "Прибыль, напрямую реинвестированная в поощряемые проекты, при соблюдении условий временно освобождается от налога у источника."),
    )),
    ("customs", (
        ("进口研发设备可以免税吗？", "符合条件的科技类企业进口国内不能生产的科研设备，可按规定免征进口关税和进口环节增值税。"),
        ("Can R&D equipment be imported duty-free?", "Qualifying technology companies importing research equipment not made in China may be exempt from import duty and import VAT."),
        ("研究開発設備を免税で輸入できますか？", "条件を満たす技術企業が国内で生産されない研究設備を輸入する場合、輸入関税と輸入増値税が免除されます。"),
        ("연구개발 장비를 면세로 수입할 수 있나요?", "요건을 갖춘 기술기업이 국내에서 생산되지 않는 연구장비를 수입하면 수입관세와 수입 부가가치세가 면제될 수 있습니다."),
        ("هل يمكن استيراد معدات البحث والتطوير معفاة من الرسوم؟", "يمكن للشركات التقنية المؤهلة استيراد معدات بحثية غير مصنعة في الصين مع إعفاء من الرسوم الجمركية وضريبة القيمة المضافة على الاستيراد."),
        ("¿Se pueden importar equipos de I+D libres de aranceles?", "Las empresas tecnológicas que cumplan los requisitos pueden importar equipos no fabricados en China exentos de aranceles e IVA de importación."),
        ("Peut-on importer du matériel de R&D en franchise ?", "Les entreprises technologiques éligibles important du matériel non fabriqué en Chine peuvent être exonérées de droits et de TVA à l'importation."),
        ("Можно ли ввозить оборудование для НИОКР беспошлинно?", "Квалифицированные технологические компании могут ввозить не производимое в Китае исследовательское оборудование без пошлины и импортного НДС."),
    )),
    ("customs", (
        ("最近的海关和口岸在哪里？", "示范区紧邻北京大兴国际机场，综合保税区提供一站式通关服务。"),
        ("Where are the nearest customs and port of entry?", "The zone is next to Beijing Daxing International Airport; its comprehensive bonded zone offers one-stop clearance."),
        ("最寄りの税関と通関地はどこですか？", "示範区は北京大興国際空港に隣接し、総合保税区でワンストップ通関を提供しています。"),
        ("가장 가까운 세관과 통관지는 어디인가요?", "시범구는 베이징 다싱 국제공항과 인접해 있으며 종합보세구에서 원스톱 통관 서비스를 제공합니다."),
        ("أين أقرب جمارك ومنفذ دخول؟", "تقع المنطقة بجوار مطار بكين داشينغ الدولي، وتوفر المنطقة الجمركية الشاملة تخليصًا من نافذة واحدة."),
        ("¿Dónde están la aduana y el puerto de entrada más cercanos?", "La zona está junto al Aeropuerto Internacional de Pekín-Daxing; su zona franca integral ofrece despacho en ventanilla única."),
        ("Où se trouvent la douane et le point d'entrée les plus proches ?", "La zone jouxte l'aéroport international de Pékin-Daxing ; sa zone sous douane offre un dédouanement à guichet unique."),
        ("Где ближайшая таможня и пункт пропуска?", "Зона примыкает к международному аэропорту Пекин-Дасин; комплексная бондовая зона предлагает таможенное оформление в одном окне."),
    )),
    ("talent", (
        ("外籍人才子女可以就读国际学校吗？", "可以。周边有多所国际学校和双语学校，人才服务专员可协助联系入学。"),
        ("Can children of foreign staff attend international schools?", "Yes. Several international and bilingual schools are nearby; our talent service officer helps with admission."),
        ("外国人材の子どもはインターナショナルスクールに通えますか？", "はい。近隣に複数のインターナショナルスクールとバイリンガル校があり、担当者が入学手続きをお手伝いします。"),
        ("외국인 인재의 자녀가 국제학교에 다닐 수 있나요?", "네. 인근에 여러 국제학교와 이중언어 학교가 있으며 인재서비스 담당자가 입학을 도와드립니다."),
        ("هل يمكن لأبناء الموظفين الأجانب الالتحاق بالمدارس الدولية؟", "نعم. توجد عدة مدارس دولية وثنائية اللغة قريبة، ويساعد مسؤول خدمات المواهب في إجراءات القبول."),
        ("¿Pueden los hijos del personal extranjero ir a colegios internacionales?", "Sí. Hay varios colegios internacionales y bilingües cerca; nuestro responsable de talento ayuda con la admisión."),
        ("Les enfants du personnel étranger peuvent-ils aller dans une école internationale ?", "Oui. Plusieurs écoles internationales et bilingues sont proches ; notre chargé des talents aide aux inscriptions."),
        ("Могут ли дети иностранных сотрудников учиться в международных школах?", "Да. Рядом несколько международных и двуязычных школ; наш специалист по кадрам поможет с зачислением."),
    )),
    ("invest", (
        ("示范区重点欢迎哪些产业？", "重点发展生命健康、新能源、智能制造和现代服务业，尤其欢迎中日合作项目。"),
        ("Which industries does the zone welcome most?", "Life sciences and health, new energy, smart manufacturing and modern services — China–Japan cooperation projects above all."),
        ("示範区が特に歓迎する産業は何ですか？", "ライフサイエンス・健康、新エネルギー、スマート製造、現代サービス業、特に日中協力プロジェクトを歓迎します。"),
        ("시범구가 특히 환영하는 산업은 무엇인가요?", "생명건강, 신에너지, 스마트 제조, 현대 서비스업이며 특히 중일 협력 프로젝트를 환영합니다."),
        ("ما الصناعات التي ترحب بها المنطقة أكثر؟", "علوم الحياة والصحة والطاقة الجديدة والتصنيع الذكي والخدمات الحديثة، ولا سيما مشاريع التعاون الصيني الياباني."),
        ("¿Qué industrias acoge más la zona?", "Ciencias de la vida y salud, nuevas energías, fabricación inteligente y servicios modernos, sobre todo proyectos de cooperación China–Japón."),
        ("Quelles industries la zone accueille-t-elle en priorité ?", "Sciences de la vie et santé, énergies nouvelles, fabrication intelligente et services modernes — surtout les projets de coopération sino-japonaise."),
        ("Какие отрасли зона приветствует больше всего?", "Науки о жизни и здравоохранение, новая энергетика, интеллектуальное производство и современные услуги — прежде всего китайско-японские проекты."),
    )),
)  # fmt: skip

# days ago, hour, topic, language, name, organisation, country, subject, text, reply after hours (None: none),
# rating
QUESTIONS: tuple[tuple[int, int, str, str, str, str, str, str, str, int | None, int | None], ...] = (
    (30, 10, "invest", "ja", "田中 美咲", "株式会社サクラメディカル", "JP", "医療機器工場の候補地", "医療機器の組立工場を検討しています。候補地を教えてください。", 5, 5),
    (28, 15, "tax", "en", "James Miller", "Northwind Energy", "US", "High-tech status for a battery plant", "Would a battery pack assembly plant qualify for the 15% rate?", 20, 4),
    (27, 9, "visa", "ko", "박지훈", "한빛로보틱스", "KR", "엔지니어 취업 허가", "한국인 엔지니어 3명의 취업 허가 절차가 궁금합니다.", 30, None),
    (24, 11, "company", "fr", "Claire Dubois", "Lumière Cosmétiques", "FR", "Création d'une filiale", "Quels documents faut-il pour créer une filiale à capitaux entièrement français ?", 72, 2),
    (21, 16, "land", "ar", "أحمد المنصوري", "الخليج للخدمات اللوجستية", "AE", "مستودع قرب المطار", "نبحث عن مستودع بمساحة 5000 متر مربع قرب مطار داشينغ.", 8, 5),
    (20, 14, "customs", "es", "Lucía Fernández", "Andes Foods", "CL", "Importación de fruta", "¿Cómo se despachan las importaciones de cereza fresca en la zona franca?", 26, None),
    (17, 10, "talent", "ru", "Алексей Смирнов", "Сибирские технологии", "RU", "Школа для детей", "Есть ли рядом школа с преподаванием на английском?", 3, 4),
    (14, 9, "invest", "ja", "佐藤 健一", "株式会社ミライテクノロジーズ", "JP", "新エネルギー事業の投資規模", "5000万ドル規模の新エネルギー事業に適用される政策を知りたいです。", 23, 5),
    (12, 17, "company", "zh_hans", "王强", "深圳智联科技", "CN", "分公司注册流程", "我们想在示范区设立分公司，需要哪些材料？", 2, None),
    (10, 13, "tax", "ko", "이서준", "대한바이오", "KR", "연구개발비 추가 공제", "연구개발비 추가 공제 비율은 얼마인가요?", 50, 3),
    (7, 10, "visa", "en", "Sarah Johnson", "Maple Analytics", "CA", "Visa-free entry for a site visit", "Can our directors visit the zone without a visa next month?", 4, None),
    (6, 11, "land", "ja", "鈴木 大輔", "鈴木精機株式会社", "JP", "標準工場の賃料", "標準工場の賃料の目安を教えてください。", None, None),
    (3, 15, "customs", "ar", "فاطمة الزهراء", "شركة الواحة للتجارة", "MA", "إعفاء معدات المختبر", "هل يمكن استيراد معدات مختبر معفاة من الرسوم؟", 6, None),
    (1, 10, "invest", "fr", "Antoine Martin", "Verdi Énergie", "BE", "Projet d'hydrogène vert", "Nous étudions un projet d'hydrogène vert de 80 millions d'euros.", None, None),
    (0, 9, "talent", "en", "Emily Chen", "Harbor Health", "SG", "Housing for a relocation team", "Where can a team of six find serviced apartments for three months?", None, None),
)  # fmt: skip

REPLIES = {
    "zh_hans": "您好，感谢您的提问。我们已整理相关信息，请查收附件说明；如需进一步沟通，欢迎预约线上会谈。",
    "en": "Thank you for your question. Here is what applies to your case; we are glad to discuss it in an online meeting.",
    "ja": "お問い合わせありがとうございます。ご質問の件について回答いたします。オンライン面談でもご説明できます。",
    "ko": "문의해 주셔서 감사합니다. 해당 사항을 안내해 드리며, 온라인 면담으로도 설명해 드릴 수 있습니다.",
    "ar": "شكرًا على سؤالكم. إليكم ما ينطبق على حالتكم، ويسعدنا مناقشته في اجتماع عبر الإنترنت.",
    "es": "Gracias por su pregunta. Esto es lo que se aplica a su caso; con gusto lo comentamos en una reunión en línea.",
    "fr": "Merci pour votre question. Voici ce qui s'applique à votre cas ; nous en discutons volontiers en visioconférence.",
    "ru": "Спасибо за вопрос. Вот что применимо в вашем случае; будем рады обсудить это на онлайн-встрече.",
}

# officer e-mail, weekday of next week (0 = Monday), hour, languages, topic
SLOTS: tuple[tuple[str, int, int, tuple[str, ...], str | None], ...] = (
    ("zhao.min@yunzhao.example", 0, 10, ("ja", "zh-hans"), "invest"),
    ("zhao.min@yunzhao.example", 2, 15, ("ja", "zh-hans"), "invest"),
    ("han.yu@yunzhao.example", 0, 14, ("ko", "zh-hans"), "invest"),
    ("han.yu@yunzhao.example", 3, 10, ("ko", "en"), "tax"),
    ("he.lin@yunzhao.example", 1, 10, ("ar", "en"), "land"),
    ("zheng.kai@yunzhao.example", 1, 16, ("fr", "en"), "company"),
    ("luo.xin@yunzhao.example", 2, 9, ("es", "en"), "customs"),
    ("officer@yunzhao.example", 3, 14, ("zh-hans", "en"), None),
    ("xu.ming@yunzhao.example", 4, 10, ("zh-hans", "en", "ru"), "visa"),
    ("song.yutong@yunzhao.example", 4, 15, ("zh-hans", "en"), "land"),
)


def ensure_content(departments: dict[str, Department], users: dict[str, int], created: Counter[str]) -> None:
    """Create what is missing of this module's demo content, counting it in ``created``."""
    result = holidays.load()
    created["calendar days"] += result.created
    topics = _ensure_topics(departments, created)
    _ensure_faq(topics, created)
    _ensure_questions(topics, users, created)
    _ensure_slots(topics, departments, users, created)


def _ensure_topics(departments: dict[str, Department], created: Counter[str]) -> dict[str, Topic]:
    topics: dict[str, Topic] = {}
    for position, (key, department_code, names) in enumerate(TOPICS):
        topic = Topic.objects.filter(name_en=names[1]).first()
        if topic is None:
            department = departments.get(department_code) or Department.objects.get(code=department_code)
            topic = Topic(department=department, position=position, status=Publication.PUBLISHED)
            for lang, name in zip(LANGS, names, strict=True):
                setattr(topic, f"name_{lang}", name)
            topic.name = names[0]
            topic.published_at = timezone.now()
            record_all_translations(topic)
            topic.save()
            created["consulting topics"] += 1
        topics[key] = topic
    return topics


def _ensure_faq(topics: dict[str, Topic], created: Counter[str]) -> None:
    for position, (key, texts) in enumerate(FAQ):
        if FaqEntry.objects.filter(question_en=texts[1][0]).exists():
            continue
        entry = FaqEntry(topic=topics[key], position=position, status=Publication.PUBLISHED)
        for lang, (question, answer) in zip(LANGS, texts, strict=True):
            setattr(entry, f"question_{lang}", question)
            setattr(entry, f"answer_{lang}", answer)
        entry.question, entry.answer = texts[0]
        entry.published_at = timezone.now()
        record_all_translations(entry)
        entry.save()
        created["FAQ entries"] += 1


def _ensure_questions(topics: dict[str, Topic], users: dict[str, int], created: Counter[str]) -> None:
    today = timezone.localdate()
    repliers = {
        "cjic-ipb-1": users.get("zhao.min@yunzhao.example"),
        "cjic-ipb-services": users.get("ma.li@yunzhao.example"),
        "cjic-esb-services": users.get("xu.ming@yunzhao.example"),
        "cjic-platform": users.get("song.yutong@yunzhao.example"),
    }
    now = timezone.now()
    for number, row in enumerate(QUESTIONS, start=1):
        days_ago, hour, key, lang, name, organisation, country, subject, text, reply_after, rating = row
        day = today - dt.timedelta(days=days_ago)
        reference = f"Q-{day:%Y%m%d}-D{number:03d}"
        if Question.objects.filter(reference=reference).exists():
            continue
        topic = topics[key]
        asked = dt.datetime.combine(day, dt.time(hour, 0), tzinfo=BEIJING)
        asked = min(asked, now - dt.timedelta(hours=1))
        language = lang.replace("_", "-")
        replied = asked + dt.timedelta(hours=reply_after) if reply_after is not None else None
        if replied is not None and replied > now:
            replied = None
        due = clock.due_time(asked, topic.target_days())
        question = Question.objects.create(
            reference=reference,
            token=secrets.token_urlsafe(32),
            topic=topic,
            department=topic.department,
            language=language,
            name=name,
            email=f"asker{number}@example.com",
            organisation=organisation,
            country=country,
            subject=subject,
            consented_at=asked,
            asked_at=asked,
            target_days=topic.target_days(),
            due_at=due,
            first_replied_at=replied,
            escalated_at=due if replied is None and due < now else None,
            status=(QuestionStatus.CLOSED if rating else QuestionStatus.ANSWERED) if replied else QuestionStatus.OPEN,
            closed_at=(replied + dt.timedelta(days=1)) if rating and replied else None,
            rating=rating if replied else None,
        )
        Message.objects.create(question=question, author_kind=Author.ASKER, body=text, created_at=asked)
        if replied is not None:
            Message.objects.create(
                question=question,
                author_kind=Author.STAFF,
                author_id=repliers.get(topic.department.code),
                body=REPLIES[lang],
                created_at=replied,
            )
        created["consulting questions"] += 1


def _ensure_slots(
    topics: dict[str, Topic], departments: dict[str, Department], users: dict[str, int], created: Counter[str]
) -> None:
    from yunzhao.accounts.models import User

    today = timezone.localdate()
    monday = today + dt.timedelta(days=7 - today.weekday())
    for email, weekday, hour, languages, topic_key in SLOTS:
        officer_pk = users.get(email)
        if officer_pk is None:
            continue
        starts = dt.datetime.combine(monday + dt.timedelta(days=weekday), dt.time(hour, 0), tzinfo=BEIJING)
        if MeetingSlot.objects.filter(officer_id=officer_pk, starts_at=starts).exists():
            continue
        officer = User.objects.select_related("department").get(pk=officer_pk)
        MeetingSlot.objects.create(
            officer=officer,
            department=officer.department or next(iter(departments.values())),
            topic=topics.get(topic_key) if topic_key else None,
            starts_at=starts,
            ends_at=starts + dt.timedelta(minutes=45),
            languages=list(languages),
        )
        created["meeting slots"] += 1
