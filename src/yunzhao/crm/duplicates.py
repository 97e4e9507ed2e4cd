"""Probable duplicate enterprises: the same credit code, registration number or name.

Two names are "the same" when their keys are equal.  :func:`name_key` folds a name:

1. NFKC (full-width ``ＨＵＡＷＥＩ`` → ``HUAWEI``) and case folding;
2. the circled or bracketed legal markers ``㈱`` ``(株)`` ``㈜`` ``(주)`` ``㈲`` are dropped;
3. the name is cut into tokens: every CJK ideograph, kana and Hangul syllable is one
   token, romanised on its own by ``anyascii`` (国 and 國 both give ``guo``, so
   simplified and traditional Chinese meet); every other run of letters and digits is a
   word, romanised the same way (``Société`` → ``societe``, ``ООО`` → ``ooo``);
4. legal forms are stripped from the end (有限公司, 股份有限公司, 集团, Co., Ltd., Limited,
   Inc., GmbH, S.A., SARL, LLC, K.K., ش.م.م …) and from the start (株式会社, 주식회사,
   ООО, PT, The …), repeatedly, never leaving nothing.  CJK legal forms are matched only
   against CJK tokens and Latin ones only against words, so a Korean syllable 사 is
   never mistaken for S.A.;
5. what is left is joined: ASCII letters and digits only.

Every non-empty name of an enterprise (one per language, see ``crm/translation.py``)
keeps its key in :class:`~yunzhao.crm.models.EnterpriseNameKey`, indexed, so a lookup is
one query however many enterprises there are.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

from anyascii import anyascii
from django.conf import settings
from django.db import models, transaction
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from yunzhao.crm.models import Enterprise, EnterpriseNameKey

__all__ = [
    "NAME_FIELDS",
    "DuplicateGroup",
    "DuplicateMatch",
    "Reason",
    "add_name_keys",
    "duplicate_groups",
    "enterprise_name_keys",
    "find_duplicates_for_rows",
    "find_probable_duplicates",
    "name_key",
    "rebuild_name_keys",
    "sync_name_keys",
]

#: The enterprise's name in every language, as modeltranslation stores it.
NAME_FIELDS = [build_localized_fieldname("name", code) for code, _name in settings.LANGUAGES]
KEY_MAX_LENGTH = EnterpriseNameKey._meta.get_field("key").max_length or 500
#: Values per ``IN (…)`` list: under SQLite's 32,766 variables, so a batch of a few
#: thousand import rows is one query for its names and one for its enterprises.
IN_CHUNK = 10_000
BULK_BATCH = 2_000
_T = TypeVar("_T")


class Reason(models.TextChoices):
    """Why an enterprise is probably the same as another.  ``str()`` gives the label."""

    CREDIT_CODE = "credit_code", _("same unified social credit code")
    REGISTRATION_NUMBER = "registration_number", _("same registration number in the same country")
    NAME = "name", _("same name ignoring width, script and case")

    def __str__(self) -> str:
        return str(self.label)


_REASON_WEIGHT: dict[str, int] = {Reason.CREDIT_CODE: 4, Reason.REGISTRATION_NUMBER: 2, Reason.NAME: 1}


@dataclass(frozen=True)
class DuplicateMatch:
    """An enterprise on file that is probably the one described, and why (best reason first)."""

    enterprise: Enterprise
    reasons: tuple[str, ...]

    @property
    def score(self) -> int:
        return sum(_REASON_WEIGHT.get(reason, 0) for reason in self.reasons)


# --- Name keys ---------------------------------------------------------------------------

_CJK_RANGES = (
    (0x3005, 0x3007),  # 々 〆 〇
    (0x3040, 0x30FF),  # Hiragana, Katakana
    (0x31F0, 0x31FF),  # Katakana phonetic extensions
    (0x3400, 0x4DBF),  # CJK extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xAC00, 0xD7A3),  # Hangul syllables
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0x20000, 0x323AF),  # CJK extensions B–H
)
#: Legal markers in brackets, after NFKC: ㈱ → (株), ㈜ → (주), ㈲ → (有).
_BRACKETED_MARKERS = ("(株)", "(주)", "(有)", "(유)", "(社)", "(재)")

_LEGAL_SUFFIXES = (
    # Chinese (simplified and traditional meet in the romanisation)
    "有限公司",
    "有限责任公司",
    "股份有限公司",
    "股份公司",
    "集团",
    "公司",
    # Japanese and Korean
    "株式会社",
    "有限会社",
    "合同会社",
    "주식회사",
    "유한회사",
    "유한책임회사",
    # English and the Commonwealth
    "Co",
    "Company",
    "Ltd",
    "Limited",
    "Inc",
    "Incorporated",
    "Corp",
    "Corporation",
    "LLC",
    "LLP",
    "LP",
    "PLC",
    "Pte",
    "Pty",
    "Pvt",
    "Group",
    "Sdn Bhd",
    "Bhd",
    "Berhad",
    "Tbk",
    # German, Austrian, Swiss
    "GmbH",
    "mbH",
    "AG",
    "KG",
    "KGaA",
    "OHG",
    "UG",
    "SE",
    # French, Belgian, Spanish, Portuguese, Italian, Latin American
    "S.A.",
    "SAS",
    "SASU",
    "SARL",
    "EURL",
    "SNC",
    "SCA",
    "S.L.",
    "S.L.U.",
    "S.A. de C.V.",
    "S.A.B. de C.V.",
    "S.A.B.",
    "S. de R.L.",
    "SRL",
    "Ltda",
    "Lda",
    "SAC",
    "EIRL",
    "SpA",
    "BV",
    "NV",
    "BVBA",
    "SPRL",
    "CVBA",
    # Nordic, Polish, Turkish
    "AB",
    "AS",
    "ASA",
    "A/S",
    "ApS",
    "Oy",
    "Oyj",
    "Sp. z o.o.",
    "A.Ş.",
    "Şti",
    # Japanese in Latin letters
    "K.K.",
    "Kabushiki Kaisha",
    "G.K.",
    "Y.K.",
    # Chinese in pinyin
    "Youxian Gongsi",
    "Gongsi",
    "Jituan",
    # Russian, Ukrainian
    "ООО",
    "ОАО",
    "ЗАО",
    "ПАО",
    "АО",
    "ТОВ",
    # Arabic (UAE, Egypt, Saudi Arabia)
    "ش.م.م",
    "ذ.م.م",
    "ش.ذ.م.م",
    "ش.م.ع",
    "ش.م.ع.ق",
)
_LEGAL_PREFIXES = (
    "株式会社",
    "有限会社",
    "合同会社",
    "주식회사",
    "유한회사",
    "The",
    "ООО",
    "ОАО",
    "ЗАО",
    "ПАО",
    "АО",
    "ТОВ",
    "ИП",
    "PT",
    "CV",
)
#: Tokens compared: (is_cjk, romanised text).
_Token = tuple[bool, str]


@lru_cache(maxsize=8192)
def _is_cjk(char: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in _CJK_RANGES)


def _ascii_alnum(text: str) -> str:
    return "".join(char for char in anyascii(text).lower() if char.isascii() and char.isalnum())


def _tokens(name: str) -> list[_Token]:
    text = unicodedata.normalize("NFKC", name).casefold()
    for marker in _BRACKETED_MARKERS:
        text = text.replace(marker, " ")
    tokens: list[_Token] = []
    word: list[str] = []

    def flush() -> None:
        if word:
            romanised = _ascii_alnum("".join(word))
            if romanised:
                tokens.append((False, romanised))
            word.clear()

    for char in text:
        if _is_cjk(char):
            flush()
            romanised = _ascii_alnum(char)
            if romanised:
                tokens.append((True, romanised))
        elif char.isalnum() or (word and unicodedata.category(char).startswith("M")):
            word.append(char)
        else:
            flush()
    flush()
    return tokens


def _forms(names: Iterable[str]) -> frozenset[_Token]:
    """Legal forms as (is_cjk, joined romanised text) — through the same tokeniser as names."""
    forms = set()
    for name in names:
        tokens = _tokens(name)
        kinds = {is_cjk for is_cjk, _text in tokens}
        assert len(kinds) == 1, name
        forms.add((kinds.pop(), "".join(text for _is_cjk, text in tokens)))
    return frozenset(forms)


_SUFFIXES = _forms(_LEGAL_SUFFIXES)
_PREFIXES = _forms(_LEGAL_PREFIXES)
_LONGEST_FORM = 8  # tokens: 유한책임회사 is six, S.A. de C.V. five


def _form_length(tokens: Sequence[_Token], forms: frozenset[_Token], *, at_end: bool) -> int:
    """How many tokens at the end (or start) of ``tokens`` spell a legal form; the longest wins."""
    found = 0
    for length in range(1, min(_LONGEST_FORM, len(tokens) - 1) + 1):
        part = tokens[-length:] if at_end else tokens[:length]
        kinds = {is_cjk for is_cjk, _text in part}
        if len(kinds) == 1 and (kinds.pop(), "".join(text for _is_cjk, text in part)) in forms:
            found = length
    return found


@lru_cache(maxsize=65_536)
def name_key(name: str) -> str:
    """``name`` folded for comparison (see the module doc); empty when it holds no letter or digit.

    >>> name_key("華為技術有限公司") == name_key("华为技术有限公司") == "huaweijishu"
    True
    >>> name_key("Huawei Technologies Co., Ltd.")
    'huaweitechnologies'
    """
    tokens = _tokens(name or "")
    changed = True
    while changed and len(tokens) > 1:
        changed = False
        if length := _form_length(tokens, _SUFFIXES, at_end=True):
            tokens, changed = tokens[:-length], True
        if len(tokens) > 1 and (length := _form_length(tokens, _PREFIXES, at_end=False)):
            tokens, changed = tokens[length:], True
    return "".join(text for _is_cjk, text in tokens)[:KEY_MAX_LENGTH]


def enterprise_name_keys(enterprise: Enterprise) -> set[str]:
    """The distinct keys of the enterprise's non-empty names in every language."""
    keys = (name_key(getattr(enterprise, field) or "") for field in NAME_FIELDS)
    return {key for key in keys if key}


# --- Keeping the keys ----------------------------------------------------------------------


def sync_name_keys(enterprise: Enterprise) -> None:
    """Make the stored keys of ``enterprise`` those of its names now.  Inside the write's transaction."""
    wanted = enterprise_name_keys(enterprise)
    stored = set(EnterpriseNameKey.objects.filter(enterprise=enterprise).values_list("key", flat=True))
    if stale := stored - wanted:
        EnterpriseNameKey.objects.filter(enterprise=enterprise, key__in=stale).delete()
    if new := wanted - stored:
        EnterpriseNameKey.objects.bulk_create(EnterpriseNameKey(enterprise=enterprise, key=key) for key in sorted(new))


def add_name_keys(enterprises: Iterable[Enterprise]) -> int:
    """Store the keys of newly created enterprises (bulk imports); returns how many were written."""
    written = 0
    for batch in _batched(_key_rows(enterprises), BULK_BATCH):
        EnterpriseNameKey.objects.bulk_create(batch)
        written += len(batch)
    return written


def rebuild_name_keys() -> int:
    """Replace every stored key by those of every enterprise's names now; returns how many were written."""
    with transaction.atomic():
        EnterpriseNameKey.objects.all().delete()
        enterprises = Enterprise.objects.only("pk", *NAME_FIELDS).order_by("pk").iterator(chunk_size=BULK_BATCH)
        return add_name_keys(enterprises)


def _key_rows(enterprises: Iterable[Enterprise]) -> Iterator[EnterpriseNameKey]:
    for enterprise in enterprises:
        for key in sorted(enterprise_name_keys(enterprise)):
            yield EnterpriseNameKey(enterprise_id=enterprise.pk, key=key)


def _batched(items: Iterable[_T], size: int) -> Iterator[list[_T]]:
    batch: list[_T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


# --- Finding duplicates ----------------------------------------------------------------------


def _clean_code(code: str | None) -> str:
    return (code or "").strip().upper()


def _ranked(found: dict[int, tuple[Enterprise, set[Reason]]]) -> list[DuplicateMatch]:
    matches = [
        DuplicateMatch(enterprise, tuple(sorted(reasons, key=lambda r: -_REASON_WEIGHT[r])))
        for enterprise, reasons in found.values()
    ]
    matches.sort(key=lambda m: (-m.score, getattr(m.enterprise, "name_zh_hans", None) or "", m.enterprise.pk))
    return matches


def find_probable_duplicates(
    *,
    names: Iterable[str],
    credit_code: str | None = None,
    registration_number: str = "",
    country: str = "",
    exclude_pk: int | None = None,
) -> list[DuplicateMatch]:
    """Enterprises on file that are probably the one described, best first (two queries at most).

    A registration number counts only with a country: numbers are national.
    """
    keys = {key for key in map(name_key, names) if key}
    code = _clean_code(credit_code)
    number = registration_number.strip()
    country = country.strip().upper()
    condition = Q(pk__in=[])
    named: set[int] = set()
    if keys:
        named = set(EnterpriseNameKey.objects.filter(key__in=keys).values_list("enterprise_id", flat=True))
        condition |= Q(pk__in=named)
    if code:
        condition |= Q(credit_code__in={code, credit_code})
    if number and country:
        condition |= Q(registration_number__iexact=number, country=country)
    if not (named or code or (number and country)):
        return []
    queryset = Enterprise.objects.filter(condition).select_related("industry", "owner")
    if exclude_pk is not None:
        queryset = queryset.exclude(pk=exclude_pk)
    found: dict[int, tuple[Enterprise, set[Reason]]] = {}
    for enterprise in queryset:
        reasons: set[Reason] = set()
        if code and _clean_code(enterprise.credit_code) == code:
            reasons.add(Reason.CREDIT_CODE)
        same_number = enterprise.registration_number.strip().casefold() == number.casefold()
        if number and country and enterprise.country == country and same_number:
            reasons.add(Reason.REGISTRATION_NUMBER)
        if enterprise.pk in named:
            reasons.add(Reason.NAME)
        if reasons:
            found[enterprise.pk] = (enterprise, reasons)
    return _ranked(found)


def find_duplicates_for_rows(rows: Sequence[tuple[list[str], str | None]]) -> dict[int, list[DuplicateMatch]]:
    """For each row — (its names, its credit code) — the enterprises on file it probably is.

    Only rows with a match appear, by their index in ``rows``.  The number of queries does not
    grow with the rows: one for the names and one for the enterprises per ``IN_CHUNK`` values
    (a batch of a few thousand rows is two queries).
    """
    row_keys = [{key for key in map(name_key, names) if key} for names, _code in rows]
    row_codes = [_clean_code(code) for _names, code in rows]
    all_keys = sorted(set().union(*row_keys)) if row_keys else []
    all_codes = sorted({code for code in row_codes if code})

    enterprises_by_key: dict[str, set[int]] = defaultdict(set)
    for chunk in _batched(all_keys, IN_CHUNK):
        for key, enterprise_id in EnterpriseNameKey.objects.filter(key__in=chunk).values_list("key", "enterprise_id"):
            enterprises_by_key[key].add(enterprise_id)
    wanted_ids = sorted(set().union(*enterprises_by_key.values())) if enterprises_by_key else []

    enterprises: dict[int, Enterprise] = {}
    by_code: dict[str, Enterprise] = {}
    id_chunks = list(_batched(wanted_ids, IN_CHUNK // 2))
    code_chunks = list(_batched(all_codes, IN_CHUNK // 2))
    for index in range(max(len(id_chunks), len(code_chunks))):
        ids = id_chunks[index] if index < len(id_chunks) else []
        codes = code_chunks[index] if index < len(code_chunks) else []
        for enterprise in Enterprise.objects.filter(Q(pk__in=ids) | Q(credit_code__in=codes)):
            enterprises[enterprise.pk] = enterprise
            if enterprise.credit_code:
                by_code[_clean_code(enterprise.credit_code)] = enterprise

    result: dict[int, list[DuplicateMatch]] = {}
    for index, (keys, code) in enumerate(zip(row_keys, row_codes, strict=True)):
        found: dict[int, tuple[Enterprise, set[Reason]]] = {}
        if code and code in by_code:
            enterprise = by_code[code]
            found[enterprise.pk] = (enterprise, {Reason.CREDIT_CODE})
        for key in keys:
            for enterprise_id in enterprises_by_key.get(key, ()):
                enterprise = enterprises[enterprise_id]
                found.setdefault(enterprise_id, (enterprise, set()))[1].add(Reason.NAME)
        if found:
            result[index] = _ranked(found)
    return result


# --- Groups across the whole register ------------------------------------------------------------


@dataclass(frozen=True)
class DuplicateGroup:
    """Enterprises on file that are probably one: their primary keys (oldest first) and why."""

    enterprise_ids: tuple[int, ...]
    reasons: tuple[str, ...]


def duplicate_groups() -> list[DuplicateGroup]:
    """Every group of probable duplicates on file, the group with the newest enterprise first.

    Enterprises sharing a name key or a registration number in one country are linked, and
    linked enterprises form one group.  (Credit codes are unique: they never repeat.)  Three
    queries, whatever the size of the register.
    """
    shared_keys = (
        EnterpriseNameKey.objects.order_by()
        .values("key")
        .annotate(enterprises=Count("enterprise_id", distinct=True))
        .filter(enterprises__gt=1)
        .values("key")
    )
    links: list[tuple[Reason, list[int]]] = []
    by_key: dict[str, list[int]] = defaultdict(list)
    for key, enterprise_id in EnterpriseNameKey.objects.filter(key__in=shared_keys).values_list("key", "enterprise_id"):
        by_key[key].append(enterprise_id)
    links.extend((Reason.NAME, ids) for ids in by_key.values())

    shared_numbers = list(
        Enterprise.objects.exclude(registration_number="")
        .order_by()
        .values("country", "registration_number")
        .annotate(enterprises=Count("pk"))
        .filter(enterprises__gt=1)
        .values_list("country", "registration_number")
    )
    if shared_numbers:
        condition = Q(pk__in=[])
        for country, number in shared_numbers:
            condition |= Q(country=country, registration_number=number)
        by_number: dict[tuple[str, str], list[int]] = defaultdict(list)
        for pk, country, number in Enterprise.objects.filter(condition).values_list(
            "pk", "country", "registration_number"
        ):
            by_number[(country, number)].append(pk)
        links.extend((Reason.REGISTRATION_NUMBER, ids) for ids in by_number.values())

    parent: dict[int, int] = {}

    def root(pk: int) -> int:
        parent.setdefault(pk, pk)
        while parent[pk] != pk:
            parent[pk] = parent[parent[pk]]
            pk = parent[pk]
        return pk

    for _reason, ids in links:
        for other in ids[1:]:
            parent[root(other)] = root(ids[0])
    members: dict[int, set[int]] = defaultdict(set)
    reasons: dict[int, set[Reason]] = defaultdict(set)
    for reason, ids in links:
        for pk in ids:
            members[root(pk)].add(pk)
        reasons[root(ids[0])].add(reason)
    groups = [
        DuplicateGroup(tuple(sorted(pks)), tuple(sorted(reasons[top], key=lambda r: -_REASON_WEIGHT[r])))
        for top, pks in members.items()
    ]
    groups.sort(key=lambda group: -max(group.enterprise_ids))
    return groups
