from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from giamngheo.core.text import person_sort_string


class User(AbstractUser):
    """A staff member or a citizen account; staff carry the unit they work for.

    The unit decides which records the user sees (see ``accounts.scoping``);
    the user's groups (roles) decide what they may do with them.
    """

    unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("administrative unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
        help_text=_("The province, district or commune this person works for."),
    )
    position = models.CharField(_("position"), max_length=150, blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    # Derived from the name: lists of people sort by given name, then family name.
    sort_name = models.CharField(max_length=400, editable=False, db_index=True, default="")

    class Meta(AbstractUser.Meta):
        verbose_name = _("user")
        verbose_name_plural = _("users")
        swappable = "AUTH_USER_MODEL"

    def __str__(self) -> str:
        # Users show in choosers, list columns and exports by name, not by login.
        return self.get_full_name() or self.get_username()

    def get_full_name(self) -> str:
        """The name in Vietnamese order, "Nguyễn Thị Lan".

        ``last_name`` holds the family and middle names (Họ và tên đệm), ``first_name``
        the given name (Tên), as on the user form. Django's own method writes them
        the English way round; Wagtail's header, account summary, user list and
        workflow history all call this one.
        """
        return " ".join(f"{self.last_name} {self.first_name}".split())

    def save(self, *args, **kwargs) -> None:
        self.sort_name = person_sort_string(self.get_full_name() or self.get_username())
        super().save(*args, **kwargs)


class AccessKind(models.TextChoices):
    CONTACT = "contact", _("Viewed contact details")
    ATTACHMENT = "attachment", _("Opened an attachment")
    EXPORT = "export", _("Exported a list with contact details")


class PersonalDataAccess(models.Model):
    """Who saw or exported whose personal data, when, and why (Law 91/2025/QH15).

    One log for every kind of person the platform keeps contact details of
    (citizens who sent feedback, contest participants, communicators): the
    subject is the record seen, or the list exported; ``unit`` is the unit the
    subject belongs to, so the log is scoped like the records themselves.
    """

    user = models.ForeignKey(
        "accounts.User", verbose_name=_("user"), on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField(_("at"), default=timezone.now, db_index=True)
    kind = models.CharField(_("access"), max_length=20, choices=AccessKind.choices)
    subject_type = models.ForeignKey(
        "contenttypes.ContentType",
        verbose_name=pgettext_lazy("personal data", "kind of record"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    subject_id = models.PositiveBigIntegerField(_("record id"), null=True, blank=True)
    subject = models.CharField(pgettext_lazy("personal data", "whose data"), max_length=200)
    unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    purpose = models.CharField(pgettext_lazy("personal data", "purpose"), max_length=200)
    people = models.PositiveIntegerField(pgettext_lazy("personal data", "people"), default=1)
    detail = models.CharField(_("detail"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("personal data access")
        verbose_name_plural = _("personal data accesses")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["subject_type", "subject_id"])]

    def __str__(self) -> str:
        return f"{self.user} · {self.subject} · {self.get_kind_display()}"
