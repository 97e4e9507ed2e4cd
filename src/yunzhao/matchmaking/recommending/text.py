"""Text of profiles as weighted tokens that meet across Chinese and Japanese.

The project's tokeniser (``yunzhao.core.search.tokenise``) does the linguistic work: NFKC,
case and accent folding, CJK runs as overlapping bigrams plus single characters.  Before
it, Japanese shinjitai and traditional Chinese characters are folded to simplified
Chinese where they differ (``電池`` → ``电池``, ``医薬`` → ``医药``), with a small table of
the characters common in business and industry words.  A token's weight is
``(1 + log tf) * idf``; profile vectors are L2-normalised, so the dot product of two is
their cosine similarity.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable
from functools import lru_cache

# Japanese shinjitai and traditional Chinese → simplified Chinese, where they differ.
_FOLD_PAIRS = (
    "電电 車车 薬药 藥药 醫医 機机 発发 發发 開开 産产 產产 業业 売卖 賣卖 買买 貿贸 資资 術术 "
    "動动 紡纺 織织 農农 軟软 體体 気气 氣气 鉄铁 鐵铁 鋼钢 製制 貨货 輸输 運运 設设 計计 "
    "備备 飲饮 紙纸 連连 協协 調调 達达 導导 対对 對对 関关 關关 広广 廣广 東东 會会 國国 "
    "際际 経经 經经 済济 濟济 処处 處处 環环 護护 鉱矿 礦矿 銷销 價价 務务 絡络 際际 "
    "線线 網网 療疗 衛卫 創创 転转 轉转 車车 輛辆 両两 兩两 類类 種种 実实 實实 験验 驗验 "
    "質质 築筑 營营 営营 総总 總总 線线 縫缝 綿绵 絲丝 糸丝 農农 漁渔 畜畜 礦矿 "
    "鋁铝 銅铜 錫锡 電电 腦脑 脳脑 訊讯 聯联 従从 從从 団团 團团 歐欧 欧欧 亞亚 亜亚 "
    "銀银 行行 険险 險险 証证 證证 券券 場场 塲场 億亿 萬万 万万 區区 区区 圧压 壓压 "
    "灣湾 湾湾 廠厂 場场 貸贷 帳账 賬账 費费 税税 稅税 準准 標标 権权 權权 維维 繊纤 纖纤 購购 販贩 "
)
FOLD_TABLE: dict[int, str] = {ord(pair[0]): pair[1] for pair in _FOLD_PAIRS.split() if pair[0] != pair[1]}


@lru_cache(maxsize=1)
def _tokeniser() -> Callable[[str], list[str]]:
    # Imported late: yunzhao.core.search imports models, so it needs Django's apps ready.
    from yunzhao.core.search import tokenise

    return tokenise


def fold(text: str) -> str:
    """``text`` with Japanese and traditional characters of ``FOLD_TABLE`` made simplified."""
    return text.translate(FOLD_TABLE)


def tokens(text: str) -> list[str]:
    """Index tokens of ``text`` after folding (bigrams and single characters for CJK)."""
    if not text:
        return []
    return _tokeniser()(fold(text))


def is_displayable(token: str) -> bool:
    """Whether a token is worth naming in a reason (not a lone CJK character or a short word)."""
    return len(token) >= 2


class Vocabulary:
    """Document frequencies of a collection of token lists, giving TF-IDF vectors."""

    def __init__(self, documents: Iterable[list[str]]) -> None:
        self.df: Counter[str] = Counter()
        self.size = 0
        for document in documents:
            self.size += 1
            self.df.update(set(document))

    def idf(self, token: str) -> float:
        return math.log((self.size + 1) / (self.df.get(token, 0) + 1)) + 1.0

    def vector(self, document: list[str]) -> dict[str, float]:
        counts = Counter(document)
        weights = {token: (1.0 + math.log(tf)) * self.idf(token) for token, tf in counts.items()}
        norm = math.sqrt(sum(w * w for w in weights.values()))
        if not norm:
            return {}
        return {token: w / norm for token, w in weights.items()}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b[t] for t, w in a.items() if t in b)
