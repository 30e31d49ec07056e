"""Snippet choosers that go through the unit-scoping policy.

Wagtail gives every snippet a chooser (the modal, its results, the chosen
view) that lists and returns any record of the model: a district officer
could pick another district's plan in a chooser while its edit view answered
404. ``ScopedSnippetViewSet`` uses the viewset below, so every scoped snippet's
chooser is scoped by construction, with the same policy as its listing.
"""

from __future__ import annotations

from django.http import Http404
from wagtail.snippets.views import chooser as snippet_chooser

from . import scoping


def _unit_field(model) -> str:
    viewset = getattr(model, "snippet_viewset", None)
    return getattr(viewset, "unit_field", "unit")


class ScopedObjectListMixin:
    def get_object_list(self):
        return scoping.scope(
            super().get_object_list(), self.request.user, unit_field=_unit_field(self.model_class)
        )


class ScopedChooseView(ScopedObjectListMixin, snippet_chooser.ChooseView):
    pass


class ScopedChooseResultsView(ScopedObjectListMixin, snippet_chooser.ChooseResultsView):
    pass


class ScopedChosenView(snippet_chooser.SnippetChosenView):
    def get_object(self, pk):
        queryset = self.model_class._default_manager.all()
        try:
            return scoping.get_scoped_or_404(
                queryset, self.request.user, unit_field=_unit_field(self.model_class), pk=pk
            )
        except (ValueError, TypeError) as error:  # a pk that is not a number
            raise Http404 from error


class ScopedChosenMultipleView(snippet_chooser.SnippetChosenMultipleView):
    def get_objects(self, pks):
        return scoping.scope(
            super().get_objects(pks), self.request.user, unit_field=_unit_field(self.model_class)
        )


class ScopedSnippetChooserViewSet(snippet_chooser.SnippetChooserViewSet):
    choose_view_class = ScopedChooseView
    choose_results_view_class = ScopedChooseResultsView
    chosen_view_class = ScopedChosenView
    chosen_multiple_view_class = ScopedChosenMultipleView
