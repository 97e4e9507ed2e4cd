"""nDCG@k with graded relevance (gain ``2**rel - 1``, discount ``log2(rank + 1)``)."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence


def dcg(relevances: Iterable[float], k: int = 10) -> float:
    return sum((2**rel - 1) / math.log2(rank + 2) for rank, rel in enumerate(list(relevances)[:k]))


def ndcg(ranked: Sequence[float], all_relevances: Iterable[float], k: int = 10) -> float:
    """nDCG@k of ``ranked`` (the relevances of the returned list, in order) against the ideal
    order of ``all_relevances`` (every candidate's relevance); 0 when nothing is relevant."""
    ideal = dcg(sorted(all_relevances, reverse=True), k)
    return dcg(ranked, k) / ideal if ideal > 0 else 0.0
