"""Text of profiles as weighted tokens that meet across Chinese and Japanese.

The project's tokeniser (``yunzhao.core.search.tokenise``) does the linguistic work: NFKC,
case and accent folding, CJK runs as overlapping bigrams plus single characters.  Before
it, Japanese shinjitai and traditional Chinese characters are folded to simplified
Chinese where they differ (``電池`` → ``电池``, ``医薬`` → ``医药``; ``core.cjk``), as
search does.  A token's weight is
``(1 + log tf) * idf``; profile vectors are L2-normalised, so the dot product of two is
their cosine similarity.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable
from functools import lru_cache

from yunzhao.core.cjk import fold as fold  # the engine folds as search does


@lru_cache(maxsize=1)
def _tokeniser() -> Callable[[str], list[str]]:
    # Imported late: yunzhao.core.search imports models, so it needs Django's apps ready.
    from yunzhao.core.search import tokenise

    return tokenise


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
