"""Full-text search that gives the same hits on SQLite and PostgreSQL in every language.

Neither database can split Chinese, Japanese or Korean text into words, and their
case and accent folding differ.  So all linguistic work happens here, in Python, and
the database only matches space-separated tokens:

* ``normalise`` folds text to one canonical form (rules below);
* ``tokenise`` turns a document into index tokens: CJK runs become overlapping
  bigrams plus single characters, everything else words of letters, digits and marks;
* ``query_tokens`` turns a query into tokens: a CJK run of two or more characters
  gives only its bigrams (so 投资 matches only text holding 投资 side by side), a lone
  CJK character itself;
* ``index_object`` stores the tokens of an object in ``SearchEntry.document``; SQLite
  matches them through the FTS5 table ``core_searchentry_fts`` (``ascii`` tokenizer:
  every non-ASCII character is a token character, so it splits our documents on
  spaces only), PostgreSQL through ``to_tsvector('simple', document)`` with a GIN index
  (in a UTF-8 database its parser keeps each of our tokens whole);
* ``search`` matches all query tokens (AND) and lets the last non-CJK token of three or
  more characters match as a prefix, so "inves" finds "investment" as one types.

Normalisation rules (applied identically to documents and queries):

1. NFKC: full-width ``ＡＢＣ１２３`` becomes ``ABC123``, half-width katakana full-width,
   ligatures and Arabic presentation forms their letters.
2. Case folding (``str.casefold``): ``Straße`` → ``strasse``, ``ЁЛКА`` → ``ёлка``.
3. Arabic: harakat and other marks U+064B–U+065F, superscript alef U+0670 and tatweel
   U+0640 are removed; alef forms أ إ آ ٱ become ا, alef maqsura ى becomes ي and teh
   marbuta ة becomes ه — the usual normalisation of Arabic retrieval, because writers
   use these forms interchangeably.
4. Latin, Greek and Cyrillic letters lose their accents (NFD, combining marks dropped):
   ``Café`` → ``cafe``, ``inversión`` → ``inversion``, ``ñ`` → ``n``, ``ё`` → ``е``
   (Russian writes е for ё as a rule).  Cyrillic ``й``, ``ї`` and ``ў`` keep their marks:
   they are letters of their own, not accented ``и``, ``і``, ``у``.  Japanese kana keep
   their voicing marks (が is not か).
5. NFC recomposition.
6. Japanese shinjitai and traditional Chinese characters common in business words become
   simplified (``電池`` → ``电池``, ``醫藥`` → ``医药``; the table is ``core.cjk``), so a
   Japanese query finds Chinese text and the other way round.

Words longer than ``MAX_TOKEN_LENGTH`` characters are cut to that length (PostgreSQL
drops over-long words from a tsvector; cutting keeps both databases alike).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from typing import Any, TypeVar

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import BigIntegerField, BooleanField, CharField, Model, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast

from yunzhao.core import cjk
from yunzhao.core.models import SearchEntry

__all__ = [
    "MAX_TOKEN_LENGTH",
    "SearchHit",
    "document_of",
    "filter_queryset",
    "index_object",
    "normalise",
    "query_tokens",
    "remove_object",
    "search",
    "tokenise",
]

MAX_TOKEN_LENGTH = 255
PREFIX_MIN_LENGTH = 3

_M = TypeVar("_M", bound=Model)

# --- Normalisation ----------------------------------------------------------------------

_ARABIC_FOLD = {
    **dict.fromkeys(range(0x064B, 0x0660)),  # harakat, shadda, sukun and further marks
    0x0670: None,  # superscript alef
    0x0640: None,  # tatweel
    0x0622: "ا",  # آ
    0x0623: "ا",  # أ
    0x0625: "ا",  # إ
    0x0671: "ا",  # ٱ
    0x0649: "ي",  # ى
    0x0629: "ه",  # ة
}
_ACCENTED_SCRIPTS = ("LATIN", "GREEK", "CYRILLIC")
_OWN_LETTERS = frozenset("йїў")


@lru_cache(maxsize=4096)
def _sheds_accents(char: str) -> bool:
    """Whether combining marks on ``char`` are accents to drop (Latin, Greek, Cyrillic)."""
    return unicodedata.name(char, "").startswith(_ACCENTED_SCRIPTS)


def _strip_accents(text: str) -> str:
    out: list[str] = []
    after_accented_letter = False
    for char in text:
        if unicodedata.category(char) == "Mn":
            if not after_accented_letter:
                out.append(char)
            continue
        after_accented_letter = _sheds_accents(char)
        if after_accented_letter and char not in _OWN_LETTERS:
            out.extend(part for part in unicodedata.normalize("NFD", char) if unicodedata.category(part) != "Mn")
        else:
            out.append(char)
    return "".join(out)


def normalise(text: str) -> str:
    """Fold ``text`` to the canonical form that is indexed and searched (see module doc)."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(_ARABIC_FOLD)
    return unicodedata.normalize("NFC", _strip_accents(text)).translate(cjk.FOLD_TABLE)


# --- Tokenisation -----------------------------------------------------------------------


class _Kind(Enum):
    CJK = "cjk"
    WORD = "word"
    MARK = "mark"
    SEPARATOR = "separator"


_CJK_RANGES = (
    (0x3005, 0x3007),  # 々 〆 〇
    (0x3040, 0x309F),  # Hiragana
    (0x30A0, 0x30FF),  # Katakana with ー (the middle dot ・ is punctuation: a separator)
    (0x31F0, 0x31FF),  # Katakana phonetic extensions
    (0x3400, 0x4DBF),  # CJK unified ideographs extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xAC00, 0xD7A3),  # Hangul syllables
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0x20000, 0x323AF),  # CJK unified ideographs extensions B–H
)


@lru_cache(maxsize=8192)
def _kind(char: str) -> _Kind:
    category = unicodedata.category(char)
    if category[0] in "LN":
        code = ord(char)
        if any(low <= code <= high for low, high in _CJK_RANGES):
            return _Kind.CJK
        return _Kind.WORD
    if category[0] == "M":
        return _Kind.MARK
    return _Kind.SEPARATOR


def _runs(text: str) -> Iterator[tuple[_Kind, str]]:
    """Maximal runs of CJK characters and of word characters in normalised ``text``.

    Combining marks belong to the word before them; elsewhere they separate.
    """
    kind = _Kind.SEPARATOR
    start = 0
    for index, char in enumerate(text):
        char_kind = _kind(char)
        if char_kind is _Kind.MARK:
            char_kind = _Kind.WORD if kind is _Kind.WORD else _Kind.SEPARATOR
        if char_kind is not kind:
            if kind is not _Kind.SEPARATOR:
                yield kind, text[start:index]
            kind, start = char_kind, index
    if kind is not _Kind.SEPARATOR:
        yield kind, text[start:]


def _bigrams(run: str) -> list[str]:
    return [run[index : index + 2] for index in range(len(run) - 1)]


def tokenise(text: str) -> list[str]:
    """Index tokens of ``text`` in text order.

    A CJK run gives its overlapping bigrams, then its single characters
    (``投资促进`` → 投资 资促 促进 投 资 促 进); any other run of letters, digits and
    marks gives one word.
    """
    tokens: list[str] = []
    for kind, run in _runs(normalise(text)):
        if kind is _Kind.CJK:
            tokens.extend(_bigrams(run))
            tokens.extend(run)
        else:
            tokens.append(run[:MAX_TOKEN_LENGTH])
    return tokens


def query_tokens(text: str) -> list[str]:
    """Tokens that must all occur in a document for it to match ``text``, without repeats.

    A CJK run of two or more characters gives only its bigrams, a lone CJK character
    itself, any other run one word.
    """
    return list(dict.fromkeys(token for _, token in _query_terms(text)))


def _query_terms(text: str) -> list[tuple[bool, str]]:
    """(is_cjk, token) pairs of a query, in order."""
    terms: list[tuple[bool, str]] = []
    for kind, run in _runs(normalise(text)):
        if kind is _Kind.CJK:
            terms.extend((True, token) for token in (_bigrams(run) or [run]))
        else:
            terms.append((False, run[:MAX_TOKEN_LENGTH]))
    return terms


@dataclass(frozen=True)
class _Term:
    token: str
    prefix: bool


def _parse_query(text: str) -> list[_Term]:
    """Query tokens, the last non-CJK one of ``PREFIX_MIN_LENGTH`` or more characters a prefix."""
    terms = _query_terms(text)
    words = [index for index, (is_cjk, _) in enumerate(terms) if not is_cjk]
    prefix_at = words[-1] if words and len(terms[words[-1]][1]) >= PREFIX_MIN_LENGTH else -1
    parsed: dict[tuple[str, bool], _Term] = {}
    for index, (_, token) in enumerate(terms):
        term = _Term(token, prefix=index == prefix_at)
        parsed.setdefault((term.token, term.prefix), term)
    return list(parsed.values())


# --- Database SQL -----------------------------------------------------------------------

SQLITE_INSTALL = [
    """CREATE VIRTUAL TABLE IF NOT EXISTS core_searchentry_fts USING fts5(
        document, content='core_searchentry', content_rowid='id', tokenize='ascii')""",
    """CREATE TRIGGER IF NOT EXISTS core_searchentry_fts_insert AFTER INSERT ON core_searchentry BEGIN
        INSERT INTO core_searchentry_fts (rowid, document) VALUES (new.id, new.document);
    END""",
    """CREATE TRIGGER IF NOT EXISTS core_searchentry_fts_delete AFTER DELETE ON core_searchentry BEGIN
        INSERT INTO core_searchentry_fts (core_searchentry_fts, rowid, document)
        VALUES ('delete', old.id, old.document);
    END""",
    """CREATE TRIGGER IF NOT EXISTS core_searchentry_fts_update AFTER UPDATE ON core_searchentry BEGIN
        INSERT INTO core_searchentry_fts (core_searchentry_fts, rowid, document)
        VALUES ('delete', old.id, old.document);
        INSERT INTO core_searchentry_fts (rowid, document) VALUES (new.id, new.document);
    END""",
    "INSERT INTO core_searchentry_fts (core_searchentry_fts) VALUES ('rebuild')",
]
SQLITE_UNINSTALL = [
    "DROP TRIGGER IF EXISTS core_searchentry_fts_insert",
    "DROP TRIGGER IF EXISTS core_searchentry_fts_delete",
    "DROP TRIGGER IF EXISTS core_searchentry_fts_update",
    "DROP TABLE IF EXISTS core_searchentry_fts",
]
# Migration 0003 installs this expression index; 0005 replaces it by a stored tsvector column
# (``document_tsv``) with its own GIN index, which the queries below read.
POSTGRES_INSTALL = [
    """CREATE INDEX IF NOT EXISTS core_searchentry_document_gin
        ON core_searchentry USING gin (to_tsvector('simple', document))""",
]
POSTGRES_UNINSTALL = ["DROP INDEX IF EXISTS core_searchentry_document_gin"]


def _fts5_query(terms: Sequence[_Term]) -> str:
    """FTS5 MATCH expression: every token double-quoted (a string, never syntax), ANDed."""
    return " ".join('"{}"{}'.format(term.token.replace('"', '""'), "*" if term.prefix else "") for term in terms)


def _tsquery(terms: Sequence[_Term]) -> str:
    """tsquery text: every token single-quoted (a lexeme, never an operator), ANDed."""
    quoted = (
        "'{}'{}".format(term.token.replace("\\", "\\\\").replace("'", "''"), ":*" if term.prefix else "")
        for term in terms
    )
    return " & ".join(quoted)


def _matching_entries(terms: Sequence[_Term]) -> Q:
    """A condition on ``SearchEntry`` rows: their document holds ``terms``.

    On SQLite the words live in the FTS5 table beside the entries, so the entry's id is looked
    up among the table's matches (as ``id IN``, which SQLite's planner pairs with the kind's
    index); on PostgreSQL the entry's own stored ``document_tsv`` is matched, with no second
    pass over the table.
    """
    if connection.vendor == "sqlite":
        matches = RawSQL(
            "SELECT rowid FROM core_searchentry_fts WHERE core_searchentry_fts MATCH %s", [_fts5_query(terms)]
        )
        return Q(id__in=matches)
    if connection.vendor == "postgresql":
        return Q(RawSQL("document_tsv @@ to_tsquery('simple', %s)", [_tsquery(terms)], output_field=BooleanField()))
    raise NotImplementedError(f"no full-text search for the {connection.vendor} database")


def _ranked_sql(
    terms: Sequence[_Term], content_type_ids: Sequence[int] | None, limit: int, window: int | None = None
) -> tuple[str, list[Any]]:
    """SQL selecting (content_type_id, object_id, score) of matches, best first.

    With ``window``, only the first ``window`` matches the index gives are scored: for a word
    held by tens of thousands of documents the score cannot tell them apart anyway, and
    reading every match costs more than the page.
    """
    params: list[Any]
    if connection.vendor == "sqlite":
        sql = """SELECT e.content_type_id, e.object_id, -bm25(core_searchentry_fts) AS score
            FROM core_searchentry_fts CROSS JOIN core_searchentry e ON e.id = core_searchentry_fts.rowid
            WHERE core_searchentry_fts MATCH %s"""
        # CROSS JOIN keeps the full-text table first: under a LIMIT, SQLite's planner otherwise
        # walks every entry of the kind and asks the full-text index about each.
        params = [_fts5_query(terms)]
    elif connection.vendor == "postgresql":
        sql = """SELECT e.content_type_id, e.object_id, ts_rank(e.document_tsv, q.query) AS score
            FROM core_searchentry e, to_tsquery('simple', %s) AS q(query)
            WHERE e.document_tsv @@ q.query"""
        params = [_tsquery(terms)]
    else:
        raise NotImplementedError(f"no full-text search for the {connection.vendor} database")
    if content_type_ids is not None:
        sql += " AND e.content_type_id IN ({})".format(", ".join(["%s"] * len(content_type_ids)))
        params.extend(content_type_ids)
    if window is not None:
        sql = f"SELECT * FROM ({sql} LIMIT %s) AS found"  # noqa: S608 -- SQL built above; values are parameters
        params.append(window)
        sql += " ORDER BY score DESC, content_type_id, object_id LIMIT %s"
    else:
        sql += " ORDER BY score DESC, e.content_type_id, e.object_id LIMIT %s"
    params.append(limit)
    return sql, params


# --- Index and search -------------------------------------------------------------------


@dataclass(frozen=True)
class SearchHit:
    """One matching object; ``score`` is higher for better matches (comparable within one search)."""

    content_type_id: int
    object_id: str
    model_label: str  # "app_label.modelname", as Model._meta.label_lower
    score: float


def index_object(obj: Model, *texts: str, language: str = "") -> None:
    """Store the tokens of ``texts`` as the search entry of ``obj``, replacing any earlier one."""
    document = " ".join(token for text in texts for token in tokenise(text))
    SearchEntry.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=str(obj.pk),
        defaults={"document": document, "language": language},
    )


def rebuild_model_index(
    model: type[Model], documents: Iterable[tuple[Any, Sequence[str]]], *, batch_size: int = 500
) -> int:
    """Replace every entry of ``model`` with ``documents`` — (primary key, texts) pairs — in one transaction.

    For full rebuilds and bulk loads; a single object's write calls :func:`index_object`.
    Returns the number of entries written.
    """
    content_type = ContentType.objects.get_for_model(model)
    written = 0
    with transaction.atomic():
        SearchEntry.objects.filter(content_type=content_type).delete()
        batch: list[SearchEntry] = []
        for pk, texts in documents:
            document = " ".join(token for text in texts for token in tokenise(text))
            batch.append(SearchEntry(content_type=content_type, object_id=str(pk), document=document))
            if len(batch) >= batch_size:
                SearchEntry.objects.bulk_create(batch)
                written += len(batch)
                batch = []
        if batch:
            SearchEntry.objects.bulk_create(batch)
            written += len(batch)
    return written


def document_of(texts: Iterable[str]) -> str:
    """The ``SearchEntry.document`` of an object with ``texts``: their tokens joined by spaces.

    For code that writes many entries at once (imports) with its own bulk insert; a single
    object's write calls :func:`index_object`.
    """
    return " ".join(token for text in texts if text for token in tokenise(text))


def remove_object(obj: Model) -> None:
    """Drop the search entry of ``obj``, if it has one."""
    SearchEntry.objects.filter(content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)).delete()


def search(
    query: str, *, models: list[type[Model]] | None = None, limit: int = 50, window: int | None = None
) -> list[SearchHit]:
    """Objects whose entry holds every token of ``query``, best first, at most ``limit``.

    ``models`` restricts the hits to those models.  A query without tokens finds nothing.
    ``window`` bounds how many matches are scored (see ``_ranked_sql``); ``None`` scores all.
    """
    terms = _parse_query(query)
    if not terms or limit <= 0:
        return []
    content_type_ids: list[int] | None = None
    if models is not None:
        content_type_ids = [ct.pk for ct in ContentType.objects.get_for_models(*models).values()]
        if not content_type_ids:
            return []
    sql, params = _ranked_sql(terms, content_type_ids, limit, window)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    hits = []
    for content_type_id, object_id, score in rows:
        content_type = ContentType.objects.get_for_id(content_type_id)
        label = f"{content_type.app_label}.{content_type.model}"
        hits.append(SearchHit(content_type_id, object_id, label, float(score)))
    return hits


def count(query: str, model: type[Model], *, cap: int | None = None) -> int:
    """How many objects of ``model`` match ``query``, counted on the index alone; with ``cap``,
    counting stops past ``cap`` (the answer is then ``cap + 1``: "more than ``cap``").

    For models whose every object the reader may see; otherwise count
    ``filter_queryset(visible, query)``, which joins the model's table.
    """
    terms = _parse_query(query)
    if not terms:
        return 0
    entries = SearchEntry.objects.filter(
        _matching_entries(terms), content_type=ContentType.objects.get_for_model(model)
    )
    if cap is not None:
        return entries.order_by().values("pk")[: cap + 1].count()
    return entries.count()


def filter_queryset(qs: QuerySet[_M], query: str) -> QuerySet[_M]:
    """``qs`` restricted to the objects that match ``query``; unchanged for an empty query.

    One query with a subquery, so a list page can combine search with its filters and
    ordering.  Primary keys are compared as text, as ``SearchEntry.object_id`` holds them.
    """
    terms = _parse_query(query)
    if not terms:
        return qs
    entries = SearchEntry.objects.filter(
        Q(content_type=ContentType.objects.get_for_model(qs.model)) & _matching_entries(terms)
    )
    if isinstance(qs.model._meta.pk, CharField):
        return qs.filter(pk__in=entries.values("object_id"))
    # The entries' keys are cast to integers, not the table's keys to text: the database can then
    # look the matches up by primary key instead of comparing every row with every match.
    return qs.filter(pk__in=entries.annotate(_key=Cast("object_id", BigIntegerField())).values("_key"))
