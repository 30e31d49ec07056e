"""The cadre chooser: a searchable modal in place of a select of every cadre.

A province's registry holds thousands of cadres; a ``<select>`` of them on
every participant row of a course would weigh megabytes.  The chooser lists
only the cadres of the user's units, so picking one never reveals another
unit's people, and the chosen view answers 404 outside them.
"""

from __future__ import annotations

from django import forms
from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import chooser as chooser_views
from wagtail.admin.viewsets.chooser import ChooserViewSet

from giamngheo.accounts.scoping import UnitScopedPermissionPolicy
from giamngheo.core.text import fold

from .models import Cadre

ANY_ACTION = {"add", "change", "delete", "view"}


def cadres_for(user) -> QuerySet[Cadre]:
    """Cadres of the user's units, provided their role may work with cadres at all."""
    policy = UnitScopedPermissionPolicy(Cadre, unit_field="unit")
    return policy.instances_user_has_any_permission_for(user, ANY_ACTION).select_related("unit")


class CadreSearchForm(BaseFilterForm):
    q = forms.CharField(
        label=_("Search term"),
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("Name, with or without accents")}),
    )

    def filter(self, objects):
        query = fold(self.cleaned_data.get("q") or "")
        if query:
            self.is_searching, self.search_query = True, self.cleaned_data["q"]
            objects = objects.filter(search_name__contains=query)
        return objects


class ScopedChooseMixin:
    filter_form_class = CadreSearchForm

    def get_object_list(self):
        return cadres_for(self.request.user).filter(is_active=True)

    @property
    def title_column(self):
        column = super().title_column
        column.label = _("Full name")
        return column

    @property
    def columns(self):
        return [
            self.title_column,
            Column("position", label=_("Position")),
            Column("get_level_display", label=_("Level")),
        ]


class CadreChooseView(ScopedChooseMixin, chooser_views.ChooseView):
    pass


class CadreChooseResultsView(ScopedChooseMixin, chooser_views.ChooseResultsView):
    pass


class CadreChosenView(chooser_views.ChosenView):
    def get_object(self, pk):
        try:
            return cadres_for(self.request.user).get(pk=pk)
        except (Cadre.DoesNotExist, ValueError) as error:
            raise Http404 from error


class CadreChosenMultipleView(chooser_views.ChosenMultipleView):
    def get_objects(self, pks):
        return cadres_for(self.request.user).filter(pk__in=[pk for pk in pks if pk.isdigit()])


class CadreChooserViewSet(ChooserViewSet):
    model = Cadre
    icon = "user"
    choose_one_text = _("Choose a cadre")
    choose_another_text = _("Choose another cadre")
    choose_view_class = CadreChooseView
    choose_results_view_class = CadreChooseResultsView
    chosen_view_class = CadreChosenView
    chosen_multiple_view_class = CadreChosenMultipleView
    url_prefix = "training/cadre-chooser"


cadre_chooser_viewset = CadreChooserViewSet("training_cadre_chooser")


class CadreChooserWidget(cadre_chooser_viewset.widget_class):
    """The chooser widget, told the cadre it shows so rendering a row costs no query."""

    def __init__(self, *args, known: Cadre | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.known = known

    def get_instance(self, value):
        if self.known is not None and value is not None and str(value) == str(self.known.pk):
            return self.known
        return super().get_instance(value)
