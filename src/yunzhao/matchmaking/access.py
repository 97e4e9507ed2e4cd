"""Who reaches what of an online fair.

- Everyone reads a published fair, its halls, booths and products (staff also preview drafts).
- A signed-in visitor or exhibitor with a :class:`Participant` profile in the fair takes part
  in the matchmaking: recommendations, requests, enquiries, their agenda.
- Exhibitor accounts (``Booth.accounts``) run their booths; that is all they run.
- The organisers are the staff of the fair's department (and below it) and the zone's
  leaders and administrators; they work the fair in the back office.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from yunzhao.accounts.models import Role
from yunzhao.core.content import Publication
from yunzhao.matchmaking.models import Booth, Fair, Participant


def is_staff(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.has_perm("office.access"))


def published_fairs() -> QuerySet[Fair]:
    return Fair.objects.filter(status=Publication.PUBLISHED)


def fair_for_reader(user: Any, slug: str) -> Fair:
    """The fair at ``slug`` if ``user`` may read it: published, or staff previewing a draft."""
    fair = get_object_or_404(Fair, slug=slug)
    if fair.status != Publication.PUBLISHED and not is_staff(user):
        raise Http404("no such fair")
    return fair


def participant_for(user: Any, fair: Fair) -> Participant | None:
    """``user``'s active profile in ``fair``, if they have one."""
    if not getattr(user, "is_authenticated", False):
        return None
    return Participant.objects.filter(fair=fair, user=user, is_active=True).first()


def booths_run_by(user: Any, fair: Fair | None = None) -> QuerySet[Booth]:
    """The booths ``user`` runs as an exhibitor account (of ``fair``, or of every fair)."""
    if not getattr(user, "is_authenticated", False):
        return Booth.objects.none()
    booths = Booth.objects.filter(accounts=user)
    return booths.filter(fair=fair) if fair is not None else booths


def runs_booth(user: Any, booth: Booth) -> bool:
    return bool(getattr(user, "is_authenticated", False) and booth.accounts.filter(pk=user.pk).exists())


def is_organiser(user: Any, fair: Fair) -> bool:
    """Staff of the fair's department or below it, leaders and administrators."""
    if not is_staff(user):
        return False
    if user.is_superuser or user.role in {Role.ADMINISTRATOR, Role.LEADER}:
        return True
    if user.department_id is None:
        return False
    return bool(user.department.is_within(fair.department))


def organised_fairs(user: Any) -> QuerySet[Fair]:
    """The fairs ``user`` organises (see :func:`is_organiser`)."""
    if not is_staff(user):
        return Fair.objects.none()
    if user.is_superuser or user.role in {Role.ADMINISTRATOR, Role.LEADER}:
        return Fair.objects.all()
    if user.department is None:
        return Fair.objects.none()
    return Fair.objects.filter(Q(department=user.department) | Q(department__in=user.department.ancestors()))
