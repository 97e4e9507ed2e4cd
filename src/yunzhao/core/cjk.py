"""Japanese shinjitai and traditional Chinese characters folded to simplified Chinese.

A Japanese reader writes 電池 and 医薬, a Taiwanese one 電池 and 醫藥, the Chinese text says
电池 and 医药: the same words in three scripts.  Search (``core.search.normalise``) and the
matchmaking text (``matchmaking.recommending.text``) fold the characters of this table,
common in business and industry words, to their simplified form, so each finds the others.
Only characters that differ are listed; the table maps one character to one character, so
folding never moves a word boundary.
"""

from __future__ import annotations

_FOLD_PAIRS = (
    "電电 車车 薬药 藥药 醫医 機机 発发 發发 開开 産产 產产 業业 売卖 賣卖 買买 貿贸 資资 術术 "
    "動动 紡纺 織织 農农 軟软 體体 気气 氣气 鉄铁 鐵铁 鋼钢 製制 貨货 輸输 運运 設设 計计 "
    "備备 飲饮 紙纸 連连 協协 調调 達达 導导 対对 對对 関关 關关 広广 廣广 東东 會会 國国 "
    "際际 経经 經经 済济 濟济 処处 處处 環环 護护 鉱矿 礦矿 銷销 價价 務务 絡络 "
    "線线 網网 療疗 衛卫 創创 転转 轉转 輛辆 両两 兩两 類类 種种 実实 實实 験验 驗验 "
    "質质 築筑 營营 営营 総总 總总 縫缝 綿绵 絲丝 糸丝 漁渔 "
    "鋁铝 銅铜 錫锡 腦脑 脳脑 訊讯 聯联 従从 從从 団团 團团 歐欧 亞亚 亜亚 "
    "銀银 険险 險险 証证 證证 場场 塲场 億亿 萬万 區区 圧压 壓压 "
    "灣湾 廠厂 貸贷 帳账 賬账 費费 稅税 準准 標标 権权 權权 維维 繊纤 纖纤 購购 販贩 "
)
FOLD_TABLE: dict[int, str] = {ord(pair[0]): pair[1] for pair in _FOLD_PAIRS.split() if pair[0] != pair[1]}


def fold(text: str) -> str:
    """``text`` with the Japanese and traditional characters of ``FOLD_TABLE`` made simplified."""
    return text.translate(FOLD_TABLE)
