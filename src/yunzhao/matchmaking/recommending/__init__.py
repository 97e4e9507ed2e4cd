"""The matchmaking recommendation engine (issue 6, item 3), independent of the database.

The fair's models build ``Profile`` objects, put them in a ``RecommendationIndex`` once
(with the organiser's rules: ``may_meet``, e.g. ``roles_rule``, and excluded pairs) and ask
``index.recommend(profile_id, k)``; each ``Recommendation`` carries structured ``Reason``
objects that ``render_reasons`` turns into sentences in the reader's language.

Modules: ``profile`` (the dataclass and vocabularies), ``text`` (folding and TF-IDF),
``scoring`` (the directed pair score and its reasons), ``index`` (candidates and top-k),
``reasons`` (gettext rendering), ``evaluation`` (nDCG).
"""

from yunzhao.matchmaking.recommending.evaluation import dcg, ndcg
from yunzhao.matchmaking.recommending.index import Recommendation, RecommendationIndex, roles_rule
from yunzhao.matchmaking.recommending.profile import COMPANY_SIZES, COMPLEMENTS, INTENTS, LANGUAGES, ROLES, Profile
from yunzhao.matchmaking.recommending.reasons import render_reason, render_reasons
from yunzhao.matchmaking.recommending.scoring import Reason, score_pair

__all__ = [
    "COMPANY_SIZES",
    "COMPLEMENTS",
    "INTENTS",
    "LANGUAGES",
    "ROLES",
    "Profile",
    "Reason",
    "Recommendation",
    "RecommendationIndex",
    "dcg",
    "ndcg",
    "render_reason",
    "render_reasons",
    "roles_rule",
    "score_pair",
]
