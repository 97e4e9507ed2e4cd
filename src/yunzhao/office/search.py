"""One search box for the back office: enterprises, contacts, projects and channels in any of the eight languages.

Each kind is searched on its own through the search core, so a common word in thousands of
enterprise names does not crowd the channels out: per kind one query counts the matches the
reader may see, one ranks them (``search.search``) and one loads the best of them with what
their line shows.  Projects are only those the reader may see (``visible_projects``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.conf import settings
from django.db.models import Model, QuerySet
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language, get_language_info, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from modeltranslation.utils import build_localized_fieldname

from yunzhao.core import search
from yunzhao.core.access import OfficeAccessMixin
from yunzhao.core.forms import StyledFormMixin
from yunzhao.crm.models import Channel, Contact, Enterprise
from yunzhao.pipeline.models import Project
from yunzhao.pipeline.queries import visible_projects

#: How many of the best matches of each kind the ranking looks at.
RANK_WINDOW = 200
#: Past this many matches of a kind, the page says "more than" rather than counting them all,
#: and only this many are scored: a word found in thousands of names needs more words.
MATCH_CAP = 1000
#: How many results of each kind the page shows: all kinds together, or one kind alone.
SHOWN_PER_KIND = 8
SHOWN_ONE_KIND = 50

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


@dataclass(frozen=True)
class Kind:
    """One kind of thing the search finds and how a result of it is shown."""

    key: str
    model: type[Model]
    label: Any
    objects: Callable[[Any], QuerySet[Any]]  # user -> what they may see, with what a line shows
    restricted: bool  # whether some staff may not see some of them (then counts join the visible ones)
    names: Callable[[Any], list[tuple[str, str]]]  # obj -> (language code or "", text) to find the match in
    details: Callable[[Any], list[str]]
    url_name: str
    list_url_name: str = ""


def _translated(obj: Any, name: str) -> list[tuple[str, str]]:
    """(language, value) of a translated field, the reader's language first, empty ones left out."""
    current = (get_language() or settings.LANGUAGE_CODE).lower()
    codes = sorted(LANGUAGE_CODES, key=lambda code: code != current)
    values = ((code, getattr(obj, build_localized_fieldname(name, code), "") or "") for code in codes)
    return [(code, value) for code, value in values if value]


def _contact_names(contact: Contact) -> list[tuple[str, str]]:
    return [("", text) for text in (contact.name, contact.latin_name, contact.email, contact.wechat_id) if text]


def _contact_details(contact: Contact) -> list[str]:
    other = contact.latin_name if contact.latin_name != contact.name else ""
    return [text for text in (other, contact.title, contact.enterprise.name) if text]


KINDS: tuple[Kind, ...] = (
    Kind(
        key="enterprise",
        restricted=False,
        model=Enterprise,
        label=_("Enterprises"),
        objects=lambda user: Enterprise.objects.select_related("industry"),
        names=lambda obj: [*_translated(obj, "name"), ("", obj.credit_code or ""), ("", obj.registration_number)],
        details=lambda obj: [obj.country, str(obj.get_ownership_display())],
        url_name="office:enterprise-detail",
        list_url_name="office:enterprise-list",
    ),
    Kind(
        key="contact",
        restricted=False,
        model=Contact,
        label=_("Contacts"),
        objects=lambda user: Contact.objects.select_related("enterprise"),
        names=_contact_names,
        details=_contact_details,
        url_name="office:enterprise-detail",
    ),
    Kind(
        key="project",
        restricted=True,
        model=Project,
        label=_("Projects"),
        objects=lambda user: visible_projects(user).select_related("enterprise", "department"),
        names=lambda obj: _translated(obj, "title"),
        details=lambda obj: [obj.enterprise.name, str(obj.get_stage_display()), str(obj.department)],
        url_name="office:project-detail",
        list_url_name="office:project-list",
    ),
    Kind(
        key="channel",
        restricted=False,
        model=Channel,
        label=_("Investment channels"),
        objects=lambda user: Channel.objects.all(),
        names=lambda obj: _translated(obj, "name"),
        details=lambda obj: [str(obj.get_kind_display()), obj.country],
        url_name="office:channel-detail",
        list_url_name="office:channel-list",
    ),
)
KINDS_BY_KEY = {kind.key: kind for kind in KINDS}


class SearchForm(StyledFormMixin, forms.Form):
    q = forms.CharField(label=pgettext_lazy("search box", "Search"), required=False, max_length=200)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("Everything")), *((k.key, k.label) for k in KINDS)]
    )


@dataclass
class Result:
    """One thing found: its page, the name that matched (in its language) and a line about it."""

    url: str
    text: str
    language: str  # the matched text's language code, "" when it has none
    language_name: str  # the language's own name when it is not the reader's, else ""
    details: list[str]


@dataclass
class Group:
    kind: Kind
    count: int  # at most MATCH_CAP: past it, ``capped``
    capped: bool = False
    results: list[Result] = field(default_factory=list)
    more_url: str = ""

    @property
    def more(self) -> int:
        return self.count - len(self.results)


def _matches(terms: Sequence[str], text: str) -> bool:
    """Whether ``text`` holds every query term (words of three or more letters also as a prefix)."""
    tokens = set(search.tokenise(text))
    return all(
        term in tokens or (len(term) >= search.PREFIX_MIN_LENGTH and any(t.startswith(term) for t in tokens))
        for term in terms
    )


def matched_name(query: str, names: Iterable[tuple[str, str]]) -> tuple[str, str]:
    """The first (language, text) of ``names`` that holds the whole query; else the first one."""
    terms = search.query_tokens(query)
    names = list(names)
    for language, text in names:
        if _matches(terms, text):
            return language, text
    return names[0] if names else ("", "")


def _result(kind: Kind, obj: Any, query: str) -> Result:
    language, text = matched_name(query, kind.names(obj))
    current = (get_language() or settings.LANGUAGE_CODE).lower()
    language_name = get_language_info(language)["name_local"] if language and language != current else ""
    pk = obj.enterprise_id if kind.key == "contact" else obj.pk
    url = reverse(kind.url_name, args=[pk]) + ("#contacts" if kind.key == "contact" else "")
    return Result(
        url=url,
        text=text or str(obj),
        language=language,
        language_name=language_name,
        details=[d for d in kind.details(obj) if d],
    )


def search_everything(query: str, *, user: Any, only: str = "", shown: int) -> list[Group]:
    """Per kind: how many of its objects the reader may see match ``query``, and the best ``shown`` of
    them — of every kind, or only of the kind ``only`` (the others are counted).

    At most three queries per kind whatever the number of matches; counting and scoring stop
    at ``MATCH_CAP`` matches.
    """
    groups = []
    for kind in KINDS:
        visible = kind.objects(user)
        if kind.restricted:
            found_count = search.filter_queryset(visible.order_by(), query).values("pk")[: MATCH_CAP + 1].count()
        else:
            found_count = search.count(query, kind.model, cap=MATCH_CAP)
        group = Group(kind=kind, count=min(found_count, MATCH_CAP), capped=found_count > MATCH_CAP)
        groups.append(group)
        if kind.list_url_name:
            group.more_url = f"{reverse(kind.list_url_name)}?{urlencode({'q': query})}"
        if not group.count or (only and kind.key != only):
            continue
        ranked = [
            hit.object_id for hit in search.search(query, models=[kind.model], limit=RANK_WINDOW, window=MATCH_CAP)
        ]
        rank = {object_id: index for index, object_id in enumerate(ranked)}
        found = sorted(visible.filter(pk__in=ranked), key=lambda obj: rank[str(obj.pk)])[:shown]
        group.results = [_result(kind, obj, query) for obj in found]
    return groups


class SearchView(OfficeAccessMixin, TemplateView):
    """Results grouped by kind with their counts; ``kind`` narrows the page to one kind."""

    template_name = "office/search.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        form = SearchForm(self.request.GET or None)
        query, only = "", ""
        if form.is_valid():
            query = form.cleaned_data["q"].strip()
            only = form.cleaned_data["kind"]
        groups: list[Group] = []
        if search.query_tokens(query):
            shown = SHOWN_ONE_KIND if only else SHOWN_PER_KIND
            groups = search_everything(query, user=self.request.user, only=only, shown=shown)
        context.update(
            form=form,
            query=query,
            only=only,
            groups=groups,
            total=sum(group.count for group in groups),
            total_capped=any(group.capped for group in groups),
            shown_groups=[group for group in groups if group.count and (not only or group.kind.key == only)],
        )
        return context
