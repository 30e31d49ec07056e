"""Wagtail admin viewsets that apply the unit-scoping policy.

``ScopedModelViewSet`` is what every domain app registers its unit records
with: its listing, exports, edit, delete, inspect, history, usage and copy
views only ever reach records of units the user may see, and answer 404 for
the rest, so a guessed id reveals nothing.

``ScopedSnippetViewSet`` does the same for unit records that are Wagtail
snippets (drafts, revisions, locking, workflow): besides the views above it
scopes the revision, lock, unpublish and workflow views and the bulk delete.
Both also ask the permission policy about the *object* on edit and delete
(Wagtail's generic views only ask about the model), so a policy can refuse
one record, e.g. an approved plan, while allowing others.
"""

from __future__ import annotations

from django.contrib.admin.utils import unquote
from django.http import Http404
from django.shortcuts import get_list_or_404
from django.utils.functional import cached_property, classproperty
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views import generic
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import policy_registry
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.models import get_snippet_models
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail.users.views import users as wagtail_users

from giamngheo.units.models import Unit

from . import scoping
from .choosers import ScopedSnippetChooserViewSet
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


class InstancePermissionMixin:
    """Edit and delete ask the policy about this object, not only about the model."""

    instance_actions = ("change", "delete")

    def user_has_permission(self, permission):
        allowed = super().user_has_permission(permission)
        instance = getattr(self, "object", None)
        if not allowed or instance is None or permission not in self.instance_actions:
            return allowed
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, permission, instance
        )


class ScopedListingMixin:
    unit_field = "unit"

    def get_base_queryset(self):
        queryset = super().get_base_queryset().select_related(self.unit_field)
        return scoping.scope(queryset, self.request.user, unit_field=self.unit_field)


class ScopedIndexView(ScopedListingMixin, generic.IndexView):
    pass


class ScopedCreateView(generic.CreateView):
    # No object to scope yet: ScopedUnitForm limits the units offered.
    unit_field = "unit"


class ScopedEditView(ScopedObjectMixin, generic.EditView):
    pass


class ScopedDeleteView(ScopedObjectMixin, generic.DeleteView):
    pass


class ScopedInspectView(ScopedObjectMixin, generic.InspectView):
    pass


class ScopedCopyMixin(ScopedObjectMixin):
    def get_object(self, queryset=None):
        # Copy views check permissions before our mixin could answer 404: scope first.
        scoping.get_scoped_or_404(
            self.model._default_manager.all(),
            self.request.user,
            unit_field=self.unit_field,
            pk=unquote(str(self.kwargs[self.pk_url_kwarg])),
        )
        return super().get_object(queryset)


class ScopedCopyView(ScopedCopyMixin, generic.CopyView):
    pass


class ScopedHistoryView(ScopedObjectMixin, HistoryView):
    pass


class ScopedUsageView(ScopedObjectMixin, UsageView):
    pass


class ScopedViewSetMixin:
    """The unit field and the scoped permission policy, for both kinds of viewset."""

    unit_field = "unit"

    @cached_property
    def permission_policy(self):
        policy = policy_registry.get_by_type(self.model, fallback=False)
        if isinstance(policy, UnitScopedPermissionPolicy):
            return policy
        return UnitScopedPermissionPolicy(self.model, unit_field=self.unit_field)

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(unit_field=self.unit_field, **kwargs)


class ScopedModelViewSet(ScopedViewSetMixin, ModelViewSet):
    """A ModelViewSet for records that belong to an administrative unit."""

    index_view_class = ScopedIndexView
    add_view_class = ScopedCreateView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    inspect_view_class = ScopedInspectView
    copy_view_class = ScopedCopyView
    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView


# Snippets: every view that takes an object id is scoped, the workflow ones included.


class ScopedSnippetIndexView(ScopedListingMixin, snippet_views.IndexView):
    pass


class ScopedSnippetCreateView(snippet_views.CreateView):
    # No object to scope yet: ScopedUnitForm limits the units offered.
    unit_field = "unit"


class ScopedSnippetEditView(ScopedObjectMixin, InstancePermissionMixin, snippet_views.EditView):
    pass


class ScopedSnippetCopyView(ScopedCopyMixin, snippet_views.CopyView):
    pass


class ScopedSnippetDeleteView(ScopedObjectMixin, InstancePermissionMixin, snippet_views.DeleteView):
    pass


class ScopedSnippetInspectView(ScopedObjectMixin, snippet_views.InspectView):
    pass


class ScopedSnippetHistoryView(ScopedObjectMixin, snippet_views.HistoryView):
    pass


class ScopedSnippetUsageView(ScopedObjectMixin, snippet_views.UsageView):
    pass


class ScopedPreviewRevisionView(ScopedObjectMixin, snippet_views.PreviewRevisionView):
    pass


class ScopedRevisionsCompareView(ScopedObjectMixin, snippet_views.RevisionsCompareView):
    pass


class ScopedRevisionsUnscheduleView(ScopedObjectMixin, snippet_views.RevisionsUnscheduleView):
    pass


class ScopedUnpublishView(ScopedObjectMixin, snippet_views.UnpublishView):
    pass


class ScopedPreviewOnEditView(ScopedObjectMixin, snippet_views.PreviewOnEditView):
    pass


class ScopedLockView(ScopedObjectMixin, snippet_views.LockView):
    pass


class ScopedUnlockView(ScopedObjectMixin, snippet_views.UnlockView):
    pass


class ScopedWorkflowActionView(ScopedObjectMixin, snippet_views.WorkflowActionView):
    pass


class ScopedCollectWorkflowActionDataView(
    ScopedObjectMixin, snippet_views.CollectWorkflowActionDataView
):
    pass


class ScopedConfirmWorkflowCancellationView(
    ScopedObjectMixin, snippet_views.ConfirmWorkflowCancellationView
):
    pass


class ScopedWorkflowPreviewView(ScopedObjectMixin, snippet_views.WorkflowPreviewView):
    pass


class ScopedWorkflowHistoryView(ScopedObjectMixin, snippet_views.WorkflowHistoryView):
    pass


class ScopedWorkflowHistoryDetailView(ScopedObjectMixin, snippet_views.WorkflowHistoryDetailView):
    pass


class ScopedSnippetViewSet(ScopedViewSetMixin, SnippetViewSet):
    """A SnippetViewSet for records that belong to an administrative unit.

    Give the edit handler a ``ScopedUnitForm`` (``base_form_class``) so the
    unit field offers only the user's units, and register a
    ``UnitScopedPermissionPolicy`` (or a subclass) for the model.
    """

    chooser_viewset_class = ScopedSnippetChooserViewSet
    index_view_class = ScopedSnippetIndexView
    add_view_class = ScopedSnippetCreateView
    edit_view_class = ScopedSnippetEditView
    copy_view_class = ScopedSnippetCopyView
    delete_view_class = ScopedSnippetDeleteView
    inspect_view_class = ScopedSnippetInspectView
    history_view_class = ScopedSnippetHistoryView
    usage_view_class = ScopedSnippetUsageView
    revisions_view_class = ScopedPreviewRevisionView
    revisions_compare_view_class = ScopedRevisionsCompareView
    revisions_unschedule_view_class = ScopedRevisionsUnscheduleView
    unpublish_view_class = ScopedUnpublishView
    preview_on_edit_view_class = ScopedPreviewOnEditView
    lock_view_class = ScopedLockView
    unlock_view_class = ScopedUnlockView
    workflow_action_view_class = ScopedWorkflowActionView
    collect_workflow_action_data_view_class = ScopedCollectWorkflowActionDataView
    confirm_workflow_cancellation_view_class = ScopedConfirmWorkflowCancellationView
    workflow_preview_view_class = ScopedWorkflowPreviewView
    workflow_history_view_class = ScopedWorkflowHistoryView
    workflow_history_detail_view_class = ScopedWorkflowHistoryDetailView


class ScopedSnippetDeleteBulkAction(DeleteBulkAction):
    """Bulk delete of scoped snippets.

    Wagtail's own lists the records the user may not delete by name; here the
    ids of other units' records are dropped before anything is loaded, so
    their titles never show.
    """

    @classproperty
    def models(cls):
        return [
            model
            for model in get_snippet_models()
            if isinstance(getattr(model, "snippet_viewset", None), ScopedSnippetViewSet)
        ]

    def _scoped(self, model):
        return scoping.scope(
            model._default_manager.all(),
            self.request.user,
            unit_field=model.snippet_viewset.unit_field,
        )

    # An instance method on purpose (a classmethod upstream): scoping needs the request.
    def get_queryset(self, model, object_ids):
        return get_list_or_404(self._scoped(model).filter(pk__in=object_ids))

    def get_all_objects_in_listing_query(self, parent_id):
        return self._scoped(self.model).values_list("pk", flat=True)


# Registered after Wagtail's snippet bulk delete (order 0), so it replaces it for
# scoped snippets. An app registers a scoped snippet from its wagtail_hooks, which
# imports this module: the hook exists before Wagtail first reads the bulk actions.
hooks.register("register_bulk_action", ScopedSnippetDeleteBulkAction, order=1)


class UserCreateView(wagtail_users.CreateView):
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "for_user": self.request.user}


class UserEditView(wagtail_users.EditView):
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "for_user": self.request.user}


class UserIndexView(wagtail_users.IndexView):
    def order_queryset(self, queryset):
        # Wagtail sorts by last_name, the family name; Vietnamese lists go by given name.
        if self.ordering in ("name", "-name"):
            descending = "-" if self.ordering.startswith("-") else ""
            return queryset.order_by(f"{descending}sort_name", "username")
        return super().order_queryset(queryset)


class UserViewSet(wagtail_users.UserViewSet):
    index_view_class = UserIndexView
    ordering = "name"
    add_view_class = UserCreateView
    edit_view_class = UserEditView

    def get_form_class(self, for_update=False):
        return UserEditForm if for_update else UserCreationForm


class ListingOnlyMixin:
    """A viewset of records nobody adds or edits in the admin (they come from the
    portal or are written by services): the listing and its exports only, and the
    one permission that opens it (``listing_permission``, e.g. "view_participant")."""

    listing_permission = ""

    def get_urlpatterns(self):
        from django.urls import path

        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
        ]

    def get_permissions_to_register(self):
        from django.contrib.auth.models import Permission
        from django.contrib.contenttypes.models import ContentType

        return Permission.objects.filter(
            content_type=ContentType.objects.get_for_model(self.model),
            codename=self.listing_permission,
        )
