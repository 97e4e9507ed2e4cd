from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class DepartmentKind(models.TextChoices):
    AGENCY = "agency", pgettext_lazy("department kind", "Agency")
    BUREAU = "bureau", pgettext_lazy("department kind", "Bureau")
    DEPARTMENT = "department", pgettext_lazy("department kind", "Department")
    DISTRICT = "district", pgettext_lazy("department kind", "District")
    PLATFORM_COMPANY = "platform", pgettext_lazy("department kind", "Zone platform company")


class Department(models.Model):
    """A node of the organisation tree: agency → bureaus → departments, districts, platform companies.

    ``path`` holds the primary keys from the root down ("1/4/9/") so that a
    department's whole subtree is one indexed ``startswith`` query.
    """

    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    code = models.SlugField(_("code"), max_length=60, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=DepartmentKind.choices)
    parent = models.ForeignKey(
        "self", verbose_name=_("parent"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    path = models.CharField(max_length=255, editable=False, db_index=True, default="")
    depth = models.PositiveSmallIntegerField(editable=False, default=0)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("department")
        verbose_name_plural = _("departments")
        ordering = ["path"]

    def __str__(self) -> str:
        return self.name

    def ancestors(self) -> models.QuerySet[Department]:
        ids = [int(part) for part in self.path.strip("/").split("/") if part]
        return Department.objects.filter(pk__in=ids).exclude(pk=self.pk).order_by("depth")

    def subtree(self) -> models.QuerySet[Department]:
        """This department and every department under it."""
        return Department.objects.filter(path__startswith=self.path)

    def is_within(self, other: Department) -> bool:
        return self.path.startswith(other.path)


class Role(models.TextChoices):
    ADMINISTRATOR = "admin", pgettext_lazy("role", "Administrator")
    LEADER = "leader", pgettext_lazy("role", "Leader")
    DEPARTMENT_HEAD = "head", pgettext_lazy("role", "Department head")
    OFFICER = "officer", pgettext_lazy("role", "Promotion officer")
    INVESTOR = "investor", pgettext_lazy("role", "Investor")
    EXHIBITOR = "exhibitor", pgettext_lazy("role", "Exhibitor")


INTERNAL_ROLES = frozenset({Role.ADMINISTRATOR, Role.LEADER, Role.DEPARTMENT_HEAD, Role.OFFICER})
OUTSIDE_ROLES = frozenset({Role.INVESTOR, Role.EXHIBITOR})


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create(self, email: str, password: str | None, **fields: Any) -> User:
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **fields: Any) -> User:
        fields.setdefault("role", Role.OFFICER)
        return self._create(email, password, **fields)

    def create_superuser(self, email: str, password: str | None = None, **fields: Any) -> User:
        fields.update(is_staff=True, is_superuser=True, role=Role.ADMINISTRATOR)
        return self._create(email, password, **fields)

    def get_by_natural_key(self, username: str | None) -> User:
        return self.get(email__iexact=username)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who signs in with an e-mail address: staff of the agency or an outside account."""

    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=200)
    latin_name = models.CharField(_("name in Latin letters"), max_length=200, blank=True)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.OFFICER)
    department = models.ForeignKey(
        Department,
        verbose_name=_("department"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="members",
    )
    title = models.CharField(_("job title"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(_("may use the admin site"), default=False)
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)
    email_confirmed_at = models.DateTimeField(_("e-mail confirmed"), null=True, blank=True)

    objects: ClassVar[UserManager] = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["full_name", "email"]

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name or self.email

    @property
    def is_internal(self) -> bool:
        return self.is_active and self.role in INTERNAL_ROLES

    @property
    def is_outside(self) -> bool:
        return self.role in OUTSIDE_ROLES
