"""Wagtail admin viewsets that apply the unit-scoping policy.

``ScopedModelViewSet`` is what every domain app registers its unit records
with: its listing, exports, edit, delete, inspect, history, usage and copy
views only ever reach records of units the user may see, and answer 404 for
the rest, so a guessed id reveals nothing.
"""

from __future__ import annotations

from django.contrib.admin.utils import unquote
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views import generic
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import policy_registry
from wagtail.users.views import users as wagtail_users

from giamngheo.units.models import Unit

from . import scoping
from .forms import UserCreationForm, UserEditForm
from .scoping import UnitScopedPermissionPolicy


def unit_label(unit: Unit) -> str:
    if unit.valid_to is None:
        return f"{unit.name} ({unit.code})"
    return _("%(name)s (%(code)s), until %(date)s") % {
        "name": unit.name,
        "code": unit.code,
        "date": unit.valid_to.strftime("%d/%m/%Y"),
    }


class ScopedUnitForm(WagtailAdminModelForm):
    """A form whose unit field offers only the units the user may write for."""

    unit_field = "unit"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get(self.unit_field)
        if field is None or self.for_user is None:
            return
        # Every version the user may see, not only today's: records are often
        # entered for past years, under the map in force then (the model checks the date).
        visible = scoping.units_visible_to(self.for_user)
        field.queryset = field.queryset.filter(pk__in=visible.values("pk"))
        field.label_from_instance = unit_label


class ScopedObjectMixin:
    unit_field = "unit"

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if obj is not None and not scoping.can_access(
            self.request.user, obj, unit_field=self.unit_field
        ):
            raise Http404
        return obj


class ScopedIndexView(generic.IndexView):
    unit_field = "unit"

    def get_base_queryset(self):
        queryset = super().get_base_queryset().select_related(self.unit_field)
        return scoping.scope(queryset, self.request.user, unit_field=self.unit_field)


class ScopedCreateView(generic.CreateView):
    # No object to scope yet: ScopedUnitForm limits the units offered.
    unit_field = "unit"


class ScopedEditView(ScopedObjectMixin, generic.EditView):
    pass


class ScopedDeleteView(ScopedObjectMixin, generic.DeleteView):
    pass


class ScopedInspectView(ScopedObjectMixin, generic.InspectView):
    pass


class ScopedCopyView(ScopedObjectMixin, generic.CopyView):
    def get_object(self, queryset=None):
        # CopyView checks permissions before our mixin could answer 404: scope first.
        scoping.get_scoped_or_404(
            self.model._default_manager.all(),
            self.request.user,
            unit_field=self.unit_field,
            pk=unquote(str(self.kwargs[self.pk_url_kwarg])),
        )
        return super().get_object(queryset)


class ScopedHistoryView(ScopedObjectMixin, HistoryView):
    pass


class ScopedUsageView(ScopedObjectMixin, UsageView):
    pass


class ScopedModelViewSet(ModelViewSet):
    """A ModelViewSet for records that belong to an administrative unit."""

    unit_field = "unit"
    index_view_class = ScopedIndexView
    add_view_class = ScopedCreateView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    inspect_view_class = ScopedInspectView
    copy_view_class = ScopedCopyView
    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView

    @cached_property
    def permission_policy(self):
        policy = policy_registry.get_by_type(self.model, fallback=False)
        if isinstance(policy, UnitScopedPermissionPolicy):
            return policy
        return UnitScopedPermissionPolicy(self.model, unit_field=self.unit_field)

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(unit_field=self.unit_field, **kwargs)


class UserCreateView(wagtail_users.CreateView):
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "for_user": self.request.user}


class UserEditView(wagtail_users.EditView):
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "for_user": self.request.user}


class UserViewSet(wagtail_users.UserViewSet):
    add_view_class = UserCreateView
    edit_view_class = UserEditView

    def get_form_class(self, for_update=False):
        return UserEditForm if for_update else UserCreationForm
