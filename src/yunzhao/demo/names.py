"""The vocabulary the demonstration data is made from: industries, name parts, channels.

The seeds' own organisations (SoftAsia Xinchuang, Enli Power, Straits Star, ADNRS, the
Belgium-China Economic and Trade Association, the Chinese Chamber of Commerce in the
UAE, the Abu Dhabi Investment Office, Hub71) appear under their names; every other
enterprise and channel name is invented for the demonstration, and every date, amount
and identifier is generated.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Line:
    """A line of business: its GB/T 4754 division and the words a company name uses for it."""

    division: str
    zh: str
    en: str
    ja: str
    ko: str


@dataclass(frozen=True)
class IndustryGroup:
    """One of the six industries the seeds name, with its lines and project kinds."""

    key: str
    lines: tuple[Line, ...]
    projects: tuple[tuple[str, str], ...]  # (Chinese, English) title templates around {x}


INDUSTRY_GROUPS: tuple[IndustryGroup, ...] = (
    IndustryGroup(
        "finance",
        (
            Line("67", "投资管理", "Investment Management", "インベストメント", "인베스트먼트"),
            Line("67", "股权投资基金管理", "Capital", "キャピタル", "캐피탈"),
            Line("66", "融资租赁", "Financial Leasing", "リース", "리스"),
            Line("68", "保险经纪", "Insurance Brokerage", "インシュアランス", "보험중개"),
            Line("69", "金融信息服务", "Financial Services", "フィナンシャルサービス", "파이낸셜서비스"),
        ),
        (
            ("{x}跨境人民币基金项目", "{x} Cross-border RMB Fund"),
            ("{x}QFLP股权投资基金项目", "{x} QFLP Equity Investment Fund"),
            ("{x}金融科技创新中心项目", "{x} Fintech Innovation Centre"),
            ("{x}融资租赁公司设立项目", "{x} Financial Leasing Company"),
            ("{x}区域总部项目", "{x} Regional Headquarters"),
        ),
    ),
    IndustryGroup(
        "manufacturing",
        (
            Line("34", "精密机械", "Precision Machinery", "精機", "정밀기계"),
            Line("34", "机器人", "Robotics", "ロボティクス", "로보틱스"),
            Line("35", "半导体设备", "Semiconductor Equipment", "半導体装置", "반도체장비"),
            Line("38", "电气", "Electric", "電機", "전기"),
            Line("39", "电子科技", "Electronics", "エレクトロニクス", "일렉트로닉스"),
            Line("40", "仪器仪表", "Instruments", "計測器", "계측기"),
        ),
        (
            ("{x}智能装备生产基地项目", "{x} Intelligent Equipment Production Base"),
            ("{x}工业机器人研发中心项目", "{x} Industrial Robot R&D Centre"),
            ("{x}精密零部件工厂项目", "{x} Precision Components Plant"),
            ("{x}半导体设备研发中试项目", "{x} Semiconductor Equipment R&D and Pilot Line"),
            ("{x}智能传感器产业化项目", "{x} Smart Sensor Industrialisation"),
        ),
    ),
    IndustryGroup(
        "medicine",
        (
            Line("27", "生物医药", "Biopharma", "バイオファーマ", "바이오파마"),
            Line("27", "制药", "Pharmaceutical", "製薬", "제약"),
            Line("84", "医疗管理", "Medical Management", "メディカル", "메디컬"),
            Line("84", "健康管理", "Healthcare", "ヘルスケア", "헬스케어"),
        ),
        (
            ("{x}创新药研发中心项目", "{x} Innovative Drug R&D Centre"),
            ("{x}生物制剂生产基地项目", "{x} Biologics Production Base"),
            ("{x}国际医疗中心项目", "{x} International Medical Centre"),
            ("{x}康复医疗机构项目", "{x} Rehabilitation Clinic"),
            ("{x}再生医学研究院项目", "{x} Regenerative Medicine Institute"),
        ),
    ),
    IndustryGroup(
        "digital",
        (
            Line("63", "通信技术", "Communications", "コミュニケーションズ", "커뮤니케이션즈"),
            Line("64", "网络科技", "Networks", "ネットワークス", "네트웍스"),
            Line("64", "数据科技", "Data", "データ", "데이터"),
            Line("65", "软件", "Software", "ソフトウェア", "소프트웨어"),
            Line("65", "信息技术", "Technologies", "テクノロジーズ", "테크놀로지"),
            Line("65", "人工智能科技", "AI", "エーアイ", "에이아이"),
        ),
        (
            ("{x}人工智能研发总部项目", "{x} AI R&D Headquarters"),
            ("{x}数据中心项目", "{x} Data Centre"),
            ("{x}工业互联网平台项目", "{x} Industrial Internet Platform"),
            ("{x}跨境数据服务中心项目", "{x} Cross-border Data Services Centre"),
            ("{x}软件研发中心项目", "{x} Software Development Centre"),
        ),
    ),
    IndustryGroup(
        "energy",
        (
            Line("44", "新能源", "Energy", "エナジー", "에너지"),
            Line("44", "光伏电力", "Solar Power", "ソーラー", "솔라"),
            Line("38", "新能源电池", "Battery", "バッテリー", "배터리"),
            Line("38", "储能科技", "Energy Storage", "ストレージ", "에너지저장"),
        ),
        (
            ("{x}固态电池中试线项目", "{x} Solid-state Battery Pilot Line"),
            ("{x}储能系统生产基地项目", "{x} Energy Storage System Plant"),
            ("{x}分布式光伏项目", "{x} Distributed Photovoltaic Project"),
            ("{x}氢能示范应用项目", "{x} Hydrogen Demonstration Project"),
            ("{x}综合能源服务中心项目", "{x} Integrated Energy Services Centre"),
        ),
    ),
    IndustryGroup(
        "culture",
        (
            Line("86", "数字出版", "Publishing", "パブリッシング", "퍼블리싱"),
            Line("87", "动画", "Animation", "アニメーション", "애니메이션"),
            Line("87", "影视文化", "Pictures", "ピクチャーズ", "픽처스"),
            Line("88", "文化艺术", "Arts", "アーツ", "아츠"),
            Line("88", "演艺", "Entertainment", "エンタテインメント", "엔터테인먼트"),
        ),
        (
            ("{x}动画电影联合制作项目", "{x} Animated Feature Co-production"),
            ("{x}数字文创园项目", "{x} Digital Creative Park"),
            ("{x}国际动漫展示中心项目", "{x} International Animation Showcase Centre"),
            ("{x}影视后期制作基地项目", "{x} Film Post-production Base"),
            ("{x}数字出版平台项目", "{x} Digital Publishing Platform"),
        ),
    ),
)

GROUPS = {group.key: group for group in INDUSTRY_GROUPS}

# Characters of Chinese trade names (字号) with their pinyin; two make a name.
TRADE_NAME_CHARACTERS: tuple[tuple[str, str], ...] = (
    ("瑞", "rui"), ("博", "bo"), ("远", "yuan"), ("星", "xing"), ("辰", "chen"), ("恒", "heng"),
    ("泰", "tai"), ("明", "ming"), ("达", "da"), ("安", "an"), ("康", "kang"), ("宏", "hong"),
    ("鼎", "ding"), ("联", "lian"), ("盛", "sheng"), ("信", "xin"), ("源", "yuan"), ("海", "hai"),
    ("天", "tian"), ("云", "yun"), ("光", "guang"), ("启", "qi"), ("航", "hang"), ("峰", "feng"),
    ("嘉", "jia"), ("卓", "zhuo"), ("越", "yue"), ("凯", "kai"), ("弘", "hong"), ("兴", "xing"),
    ("煜", "yu"), ("泽", "ze"), ("禾", "he"), ("朗", "lang"), ("清", "qing"), ("融", "rong"),
    ("汇", "hui"), ("通", "tong"), ("益", "yi"), ("丰", "feng"), ("正", "zheng"), ("元", "yuan"),
    ("方", "fang"), ("合", "he"), ("力", "li"), ("诚", "cheng"), ("英", "ying"), ("新", "xin"),
    ("创", "chuang"), ("智", "zhi"), ("科", "ke"), ("德", "de"), ("京", "jing"), ("致", "zhi"),
    ("悦", "yue"), ("祥", "xiang"), ("乐", "le"), ("铭", "ming"), ("霖", "lin"), ("森", "sen"),
    ("沃", "wo"), ("奥", "ao"), ("欧", "ou"), ("翼", "yi"), ("拓", "tuo"), ("旭", "xu"),
    ("昊", "hao"), ("曜", "yao"), ("峻", "jun"), ("腾", "teng"), ("哲", "zhe"), ("轩", "xuan"),
    ("澜", "lan"), ("岚", "lan"), ("柏", "bai"), ("松", "song"), ("鹏", "peng"), ("昕", "xin"),
    ("蓝", "lan"), ("青", "qing"), ("宇", "yu"), ("芯", "xin"), ("晶", "jing"), ("钧", "jun"),
)  # fmt: skip

# Brand stems of Japanese companies: (Japanese, romanised, Chinese rendering).
JAPANESE_BRANDS: tuple[tuple[str, str, str], ...] = (
    ("サクラ", "Sakura", "樱花"), ("ミライ", "Mirai", "未来"), ("ヒカリ", "Hikari", "光之"),
    ("アオバ", "Aoba", "青叶"), ("ツバサ", "Tsubasa", "飞翼"), ("ソラ", "Sora", "苍空"),
    ("ハヤテ", "Hayate", "疾风"), ("カナタ", "Kanata", "远方"), ("ミドリ", "Midori", "翠绿"),
    ("ホクト", "Hokuto", "北斗"), ("アカツキ", "Akatsuki", "破晓"), ("イズミ", "Izumi", "清泉"),
    ("シラカバ", "Shirakaba", "白桦"), ("ハルカ", "Haruka", "遥远"), ("ミナト", "Minato", "港湾"),
    ("トキワ", "Tokiwa", "常盘"), ("カエデ", "Kaede", "红枫"), ("コトブキ", "Kotobuki", "长寿"),
    ("東和", "Towa", "东和"), ("北辰", "Hokushin", "北辰"), ("青嶺", "Seirei", "青岭"),
    ("光陽", "Koyo", "光阳"), ("若葉", "Wakaba", "若叶"), ("千早", "Chihaya", "千早"),
)  # fmt: skip

# Brand stems of Korean companies: (Korean, romanised, Chinese rendering).
KOREAN_BRANDS: tuple[tuple[str, str, str], ...] = (
    ("한빛", "Hanbit", "韩光"), ("하늘", "Haneul", "天空"), ("바다", "Bada", "海洋"),
    ("새봄", "Saebom", "新春"), ("한별", "Hanbyeol", "韩星"), ("미래", "Mirae", "未来"),
    ("누리", "Nuri", "世界"), ("다온", "Daon", "多温"), ("가람", "Garam", "江河"),
    ("솔빛", "Solbit", "松光"), ("아름", "Areum", "美丽"), ("온누리", "Onnuri", "全域"),
    ("푸른", "Pureun", "青绿"), ("한울", "Hanul", "大界"),
)  # fmt: skip

# Brand stems of companies elsewhere: (English, Chinese rendering).
WESTERN_BRANDS: tuple[tuple[str, str], ...] = (
    ("Aurelis", "奥瑞利"), ("Corvanta", "科凡塔"), ("Nordvale", "诺德维"), ("Helvion", "赫维安"),
    ("Lumora", "鲁莫拉"), ("Quantara", "宽塔拉"), ("Veridane", "维瑞丹"), ("Brightwell", "博瑞威"),
    ("Stellaris", "斯特拉瑞"), ("Oakridge", "橡岭"), ("Bluestone", "蓝石"), ("Silverline", "银线"),
    ("Greenfield", "绿野"), ("Ironbridge", "铁桥"), ("Clearwater", "清水"), ("Altavia", "阿尔塔维"),
    ("Solvane", "索尔万"), ("Kestrel", "红隼"), ("Marlowe", "马洛"), ("Everon", "艾维隆"),
)  # fmt: skip

# The legal form a company of each country carries in its English name.
LEGAL_FORMS = {
    "US": ("Inc.", "LLC"),
    "DE": ("GmbH", "AG"),
    "FR": ("SAS", "SA"),
    "BE": ("NV", "SA"),
    "AE": ("LLC", "FZ-LLC"),
    "SG": ("Pte. Ltd.",),
    "GB": ("Ltd", "plc"),
    "SE": ("AB",),
    "CH": ("AG", "SA"),
    "ES": ("S.L.", "S.A."),
    "HK": ("Limited",),
    "TW": ("Co., Ltd.",),
}


@dataclass(frozen=True)
class ChannelEntry:
    kind: str
    country: str
    zh: str
    en: str
    local: tuple[tuple[str, str], ...] = ()  # (language, name) in the country's language when it has a column


def C(kind: str, country: str, zh: str, en: str, **local: str) -> ChannelEntry:
    return ChannelEntry(kind, country, zh, en, tuple(local.items()))


# The 67 international investment channels (招商渠道) the zone has signed with.
CHANNELS: tuple[ChannelEntry, ...] = (
    # Japan
    C(
        "office",
        "JP",
        "日本关西对华投资促进中心",
        "Kansai China Investment Promotion Centre",
        ja="関西対中投資促進センター",
    ),
    C(
        "association",
        "JP",
        "日中科技创新交流协会",
        "Japan-China Science and Innovation Exchange Association",
        ja="日中科学技術イノベーション交流協会",
    ),
    C(
        "chamber",
        "JP",
        "东京中小企业国际合作商会",
        "Tokyo SME International Cooperation Chamber",
        ja="東京中小企業国際協力商工会",
    ),
    C("chamber", "JP", "大阪日中经贸商会", "Osaka Japan-China Trade Chamber", ja="大阪日中経済貿易商工会"),
    C(
        "association",
        "JP",
        "日本精密机械工业协会",
        "Japan Precision Machinery Industry Association",
        ja="日本精密機械工業会",
    ),
    C(
        "association",
        "JP",
        "日本再生医疗产业联盟",
        "Japan Regenerative Medicine Industry Alliance",
        ja="日本再生医療産業アライアンス",
    ),
    C(
        "association",
        "JP",
        "日本动漫内容海外发展协会",
        "Japan Anime Content Overseas Association",
        ja="日本アニメコンテンツ海外展開協会",
    ),
    C("bank", "JP", "樱丘银行", "Sakuragaoka Bank", ja="さくらが丘銀行"),
    C(
        "agent",
        "JP",
        "日本跨境投资咨询株式会社",
        "Japan Cross-Border Investment Advisory Co., Ltd.",
        ja="クロスボーダー投資アドバイザリー株式会社",
    ),
    C(
        "consulate",
        "JP",
        "中国驻大阪总领事馆经济商务处",
        "Economic and Commercial Office, Consulate General of China in Osaka",
        ja="在大阪中国総領事館経済商務処",
    ),
    C(
        "office",
        "JP",
        "名古屋产业振兴机构国际部",
        "Nagoya Industrial Promotion Agency, International Division",
        ja="名古屋産業振興機構国際部",
    ),
    C(
        "association",
        "JP",
        "日本氢能与储能推进协会",
        "Japan Hydrogen and Energy Storage Promotion Association",
        ja="日本水素・蓄電推進協会",
    ),
    C(
        "agent",
        "JP",
        "福冈亚洲商务支援中心",
        "Fukuoka Asia Business Support Centre",
        ja="福岡アジアビジネス支援センター",
    ),
    C(
        "association",
        "JP",
        "日中金融合作研究会",
        "Japan-China Financial Cooperation Study Group",
        ja="日中金融協力研究会",
    ),
    # Korea
    C(
        "office",
        "KR",
        "韩国京畿道海外投资合作中心",
        "Gyeonggi Overseas Investment Cooperation Centre",
        ko="경기도 해외투자협력센터",
    ),
    C("chamber", "KR", "首尔韩中经贸商会", "Seoul Korea-China Business Chamber", ko="서울 한중경제무역상공회"),
    C(
        "association",
        "KR",
        "韩国生物医药产业协会",
        "Korea Biopharmaceutical Industry Association",
        ko="한국바이오의약산업협회",
    ),
    C(
        "association",
        "KR",
        "韩国电池产业合作联盟",
        "Korea Battery Industry Cooperation Alliance",
        ko="한국배터리산업협력연합",
    ),
    C(
        "consulate",
        "KR",
        "中国驻釜山总领事馆经济商务处",
        "Economic and Commercial Office, Consulate General of China in Busan",
        ko="주부산 중국총영사관 경제상무처",
    ),
    C(
        "agent",
        "KR",
        "仁川跨境投资咨询公司",
        "Incheon Cross-Border Investment Consulting",
        ko="인천 크로스보더 투자컨설팅",
    ),
    C(
        "association",
        "KR",
        "韩国游戏动漫内容协会",
        "Korea Games and Animation Content Association",
        ko="한국게임애니메이션콘텐츠협회",
    ),
    # France
    C(
        "association",
        "FR",
        "新丝绸之路发展协会",
        "Association for the Development of the New Silk Road (ADNRS)",
        fr="Association pour le Développement de la Nouvelle Route de la Soie (ADNRS)",
    ),
    C(
        "chamber",
        "FR",
        "里昂法中商会",
        "Lyon France-China Chamber of Commerce",
        fr="Chambre de commerce franco-chinoise de Lyon",
    ),
    C(
        "office",
        "FR",
        "奥弗涅-罗讷-阿尔卑斯大区驻华投资代表处",
        "Auvergne-Rhône-Alpes Investment Office in China",
        fr="Bureau d'investissement Auvergne-Rhône-Alpes en Chine",
    ),
    C(
        "association",
        "FR",
        "法国动画与数字创意产业协会",
        "French Animation and Digital Creation Association",
        fr="Association française de l'animation et de la création numérique",
    ),
    C(
        "bank",
        "FR",
        "巴黎跨境投资银行中国业务部",
        "Paris Cross-Border Investment Bank, China Desk",
        fr="Banque d'investissement transfrontalier de Paris, pôle Chine",
    ),
    C(
        "consulate",
        "FR",
        "中国驻马赛总领事馆经济商务处",
        "Economic and Commercial Office, Consulate General of China in Marseille",
        fr="Bureau économique et commercial du Consulat général de Chine à Marseille",
    ),
    # Germany
    C("chamber", "DE", "巴伐利亚德中工商会", "Bavaria German-Chinese Chamber of Industry and Commerce"),
    C("association", "DE", "德国工业4.0智能制造联盟", "German Industry 4.0 Smart Manufacturing Alliance"),
    C("office", "DE", "北莱茵-威斯特法伦州对华投资促进处", "North Rhine-Westphalia Investment Promotion Desk China"),
    C("association", "DE", "德国医疗技术中小企业协会", "German Medical Technology SME Association"),
    C("agent", "DE", "汉堡中欧投资咨询有限公司", "Hamburg Sino-European Investment Consulting GmbH"),
    # Belgium
    C(
        "association",
        "BE",
        "比中经贸协会",
        "Belgium-China Economic and Trade Association",
        fr="Association économique et commerciale Belgique-Chine",
    ),
    C(
        "office",
        "BE",
        "弗拉芒大区投资贸易署驻华代表处",
        "Flanders Investment and Trade, China Office",
        fr="Flanders Investment & Trade, bureau de Chine",
    ),
    C(
        "chamber",
        "BE",
        "布鲁塞尔中国商会",
        "Chinese Chamber of Commerce in Brussels",
        fr="Chambre de commerce chinoise à Bruxelles",
    ),
    C(
        "association",
        "BE",
        "比利时漫画与动画产业协会",
        "Belgian Comics and Animation Industry Association",
        fr="Association belge de la bande dessinée et de l'animation",
    ),
    # United Arab Emirates
    C(
        "chamber",
        "AE",
        "阿联酋中国商会",
        "Chinese Chamber of Commerce in the UAE",
        ar="غرفة التجارة الصينية في الإمارات",
    ),
    C("office", "AE", "阿布扎比投资办公室", "Abu Dhabi Investment Office", ar="مكتب أبوظبي للاستثمار"),
    C("agent", "AE", "Hub71科技创业生态中心", "Hub71", ar="هب71"),
    C(
        "association",
        "AE",
        "迪拜中资企业协会",
        "Dubai Association of Chinese Enterprises",
        ar="جمعية الشركات الصينية في دبي",
    ),
    C(
        "bank",
        "AE",
        "阿布扎比跨境金融服务中心",
        "Abu Dhabi Cross-Border Finance Centre",
        ar="مركز أبوظبي للتمويل العابر للحدود",
    ),
    C(
        "consulate",
        "AE",
        "中国驻迪拜总领事馆经济商务处",
        "Economic and Commercial Office, Consulate General of China in Dubai",
        ar="المكتب الاقتصادي والتجاري في القنصلية العامة الصينية في دبي",
    ),
    # Singapore
    C("agent", "SG", "海峡之星", "Straits Star"),
    C("chamber", "SG", "新加坡亚太投资合作商会", "Singapore Asia-Pacific Investment Cooperation Chamber"),
    C("bank", "SG", "东南亚跨境基金服务公司", "Southeast Asia Cross-Border Fund Services Pte. Ltd."),
    C("association", "SG", "新加坡数字金融合作协会", "Singapore Digital Finance Cooperation Association"),
    # United States
    C("chamber", "US", "加州美中商会", "California US-China Chamber of Commerce"),
    C("association", "US", "美国生物技术投资联盟", "US Biotech Investment Alliance"),
    C(
        "consulate",
        "US",
        "中国驻旧金山总领事馆经济商务处",
        "Economic and Commercial Office, Consulate General of China in San Francisco",
    ),
    C("agent", "US", "波士顿跨太平洋投资顾问公司", "Boston Trans-Pacific Investment Advisors"),
    C("bank", "US", "东河资本银行", "East River Capital Bank"),
    # United Kingdom
    C("chamber", "GB", "伦敦英中商会", "London British-Chinese Chamber of Commerce"),
    C("association", "GB", "英国创意产业对华合作协会", "UK Creative Industries China Partnership"),
    C("agent", "GB", "爱丁堡跨境投资咨询公司", "Edinburgh Cross-Border Investment Advisory"),
    # Spain
    C(
        "chamber",
        "ES",
        "马德里西中商会",
        "Madrid Spain-China Chamber of Commerce",
        es="Cámara de Comercio Hispano-China de Madrid",
    ),
    C(
        "association",
        "ES",
        "西班牙动画制片人协会",
        "Spanish Animation Producers Association",
        es="Asociación de Productores de Animación de España",
    ),
    C(
        "office",
        "ES",
        "加泰罗尼亚对华投资促进处",
        "Catalonia Investment Promotion Desk China",
        es="Oficina de Promoción de Inversiones de Cataluña en China",
    ),
    # Russia
    C(
        "chamber",
        "RU",
        "俄中经贸合作商会",
        "Russia-China Trade and Economic Chamber",
        ru="Российско-китайская торгово-экономическая палата",
    ),
    C(
        "association",
        "RU",
        "莫斯科创新企业对华合作协会",
        "Moscow Innovative Enterprises China Cooperation Association",
        ru="Московская ассоциация инновационных предприятий по сотрудничеству с Китаем",
    ),
    # Brazil
    C("chamber", "BR", "圣保罗巴中工商会", "São Paulo Brazil-China Chamber of Commerce and Industry"),
    C("office", "BR", "米纳斯吉拉斯州驻华投资代表处", "Minas Gerais Investment Office in China"),
    # Mexico
    C("chamber", "MX", "墨中商会", "Mexico-China Chamber of Commerce", es="Cámara de Comercio México-China"),
    C(
        "agent",
        "MX",
        "蒙特雷跨太平洋投资咨询公司",
        "Monterrey Trans-Pacific Investment Consulting",
        es="Consultoría de Inversión Transpacífica de Monterrey",
    ),
    # Thailand
    C("office", "TH", "泰国东部经济走廊驻华联络处", "Thailand Eastern Economic Corridor Liaison Office in China"),
    C("chamber", "TH", "曼谷泰中工商会", "Bangkok Thai-Chinese Chamber of Commerce"),
    # Sweden, Italy
    C("association", "SE", "瑞典对华创新合作协会", "Swedish-Chinese Innovation Cooperation Association"),
    C("chamber", "IT", "米兰意中商会", "Milan Italy-China Chamber of Commerce"),
)
