"""Training of cadres in poverty-reduction work (tập huấn cán bộ).

The seed's target counts *cadre-turns* (lượt cán bộ): one cadre attending one
course is one turn, so a cadre trained twice in a year counts twice.  Turns are
counted by the cadre's level, not the course's: a commune cadre at a
province-level course is a commune-level turn.

A cadre belongs to one version of a unit (``units.Unit`` rows are versioned
over time); attendance requires that version to be in force when the course
starts, so every turn is counted against the map of its year.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from giamngheo.core.text import fold, person_sort_string
from giamngheo.units.models import Unit, UnitLevel


def _date(value: datetime.date) -> str:
    return value.strftime("%d/%m/%Y")


class Cadre(models.Model):
    """A person in the cadre registry, at one unit and one level."""

    full_name = models.CharField(_("full name"), max_length=150)
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="cadres"
    )
    position = models.CharField(_("position"), max_length=150, blank=True)
    level = models.CharField(
        _("level"),
        max_length=10,
        choices=UnitLevel.choices,
        help_text=_("The level of the cadre's unit: province, district or commune."),
    )
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("Untick when the person leaves the post.")
    )
    # Derived: accent-free name to match imports and searches, Vietnamese sort order.
    search_name = models.CharField(max_length=150, editable=False, db_index=True)
    sort_name = models.CharField(max_length=400, editable=False, db_index=True)

    class Meta:
        verbose_name = _("cadre")
        verbose_name_plural = _("cadres")
        ordering = ["sort_name", "pk"]
        indexes = [models.Index(fields=["unit", "search_name"])]

    def __str__(self) -> str:
        # The unit tells namesakes apart in choosers; callers select_related("unit").
        return f"{self.full_name} ({self.unit.name})" if self.unit_id else self.full_name

    def save(self, *args, **kwargs) -> None:
        self.set_derived_fields()
        super().save(*args, **kwargs)

    def set_derived_fields(self) -> None:
        """Fill the search and sort columns; bulk writes call it as ``save()`` is skipped."""
        self.search_name = fold(self.full_name)
        self.sort_name = person_sort_string(self.full_name)

    def clean(self) -> None:
        self.full_name = " ".join((self.full_name or "").split())
        if self.unit_id and self.level and self.level != self.unit.level:
            raise ValidationError(
                {
                    "level": _("%(unit)s is a unit of the %(level)s; choose that level.")
                    % {"unit": self.unit.name, "level": self.unit.get_level_display().lower()}
                }
            )


class TrainingCourse(ClusterableModel):
    """A training course (lớp tập huấn) organised by a unit of the course's level."""

    title = models.CharField(_("title"), max_length=255)
    level = models.CharField(_("level"), max_length=10, choices=UnitLevel.choices)
    organising_unit = models.ForeignKey(
        Unit,
        verbose_name=_("organising unit"),
        on_delete=models.PROTECT,
        related_name="training_courses",
    )
    start_date = models.DateField(_("start date"), db_index=True)
    end_date = models.DateField(_("end date"))
    place = models.CharField(_("place"), max_length=255)
    topics = models.TextField(_("topics"), blank=True)
    trainers = models.TextField(
        _("trainers"), blank=True, help_text=_("Names and posts of the trainers, one a line.")
    )
    search_text = models.TextField(editable=False, blank=True)

    class Meta:
        verbose_name = _("training course")
        verbose_name_plural = _("training courses")
        ordering = ["-start_date", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")), name="course_ends_after_it_starts"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({_date(self.start_date)})" if self.start_date else self.title

    def save(self, *args, **kwargs) -> None:
        self.set_derived_fields()
        super().save(*args, **kwargs)

    def set_derived_fields(self) -> None:
        """Fill the accent-free search column; bulk writes call it as ``save()`` is skipped."""
        self.search_text = fold(" ".join([self.title, self.place, self.trainers]))

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The course cannot end before it starts.")
        if self.organising_unit_id:
            unit = self.organising_unit
            if self.level and unit.level != self.level:
                errors["organising_unit"] = _(
                    "A course of this level is organised by a unit of the same level; "
                    "%(unit)s is a unit of the %(level)s."
                ) % {"unit": unit.name, "level": unit.get_level_display().lower()}
            elif self.start_date and not unit.is_in_force(self.start_date):
                errors["organising_unit"] = _(
                    "%(unit)s was not in force on %(date)s: choose the unit in force when the "
                    "course starts."
                ) % {"unit": unit.name, "date": _date(self.start_date)}
        if errors:
            raise ValidationError(errors)


class Attendance(models.Model):
    """A cadre on a course's participant list; ``attended`` is what counts as a turn."""

    course = ParentalKey(
        TrainingCourse,
        verbose_name=_("training course"),
        on_delete=models.CASCADE,
        related_name="attendances",
    )
    cadre = models.ForeignKey(
        Cadre, verbose_name=_("cadre"), on_delete=models.PROTECT, related_name="attendances"
    )
    attended = models.BooleanField(
        _("attended"), default=True, help_text=_("Untick for a registered cadre who did not come.")
    )

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.UniqueConstraint(fields=["course", "cadre"], name="attendance_once_per_course")
        ]

    def __str__(self) -> str:
        return self.cadre.full_name

    def clean(self) -> None:
        try:
            course = self.course  # may be an unsaved course, in the course form's inline
        except TrainingCourse.DoesNotExist:
            return
        if self.cadre_id is None or course.start_date is None:
            return
        unit = self.cadre.unit
        if not unit.is_in_force(course.start_date):
            raise ValidationError(
                {
                    "cadre": _(
                        "%(name)s is registered at %(unit)s, which was not in force on "
                        "%(date)s, when the course started."
                    )
                    % {
                        "name": self.cadre.full_name,
                        "unit": unit.name,
                        "date": _date(course.start_date),
                    }
                }
            )
