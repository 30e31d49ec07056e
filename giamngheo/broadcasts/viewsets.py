from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.widgets.button import HeaderButton

from giamngheo.accounts.viewsets import (
    ScopedCreateView,
    ScopedDeleteView,
    ScopedEditView,
    ScopedIndexView,
    ScopedModelViewSet,
    ScopedUnitForm,
)

from . import services
from .models import Broadcast, WeekReopening
from .selectors import week_locked_for


class BroadcastForm(ScopedUnitForm):
    """The single programme form: its verdict is the programme rule's (``services``)."""

    unit_field = "commune"

    def programme(self) -> services.Programme:
        data = self.cleaned_data
        return services.Programme(
            commune=data.get("commune"),
            on=data.get("on"),
            title=data.get("title"),
            minutes=data.get("minutes"),
            source=data.get("source"),
            audio=data.get("audio"),
            pk=self.instance.pk,
            stored_week=self.instance.week_start if self.instance.pk else None,
        )

    def clean(self):
        data = super().clean()
        programme = self.programme()
        unreadable = set(self.errors)  # a field Django could not read already says so
        for name, found in (
            services.ProgrammeRule(self.for_user, [programme]).errors(programme).items()
        ):
            for message in found:
                if name in self.fields and name not in unreadable:
                    self.add_error(name, message)
                elif name not in self.fields:
                    self.add_error(None, message)
        return data

    def validate_unique(self):
        # The rule already said "already logged" (whatever the case of the title).
        if not self.errors:
            super().validate_unique()


class BroadcastCreateView(ScopedCreateView):
    def save_instance(self):
        return services.store_programmes([self.form.programme()], by=self.request.user)[0]


class BroadcastEditView(ScopedEditView):
    def save_instance(self):
        instance = super().save_instance()
        services.log_week(
            commune=instance.commune, week_start=instance.week_start, by=self.request.user
        )
        return instance


class BroadcastDeleteView(ScopedDeleteView):
    def post(self, request, *args, **kwargs):
        if week_locked_for(
            request.user, commune=self.object.commune, week_start=self.object.week_start
        ):
            messages.error(request, services.LOCKED_MESSAGE)
            return redirect(self.index_url_name)
        return super().post(request, *args, **kwargs)


class BroadcastIndexView(ScopedIndexView):
    @cached_property
    def header_buttons(self):
        # The weekly actions are buttons in the header, not items of the "…" menu.
        buttons = list(super().header_buttons)
        if self.request.user.has_perm("broadcasts.add_broadcast"):
            buttons += [
                HeaderButton(_("Log a week"), url=reverse("broadcasts_week"), icon_name="date"),
                HeaderButton(
                    _("Import from Excel"), url=reverse("broadcasts_import"), icon_name="upload"
                ),
            ]
        return buttons

    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        user = self.request.user
        if services.can_reopen(user):
            buttons.append(
                HeaderButton(
                    _("Reopen a week"), url=reverse("broadcasts_reopen"), icon_name="lock-open"
                )
            )
        return buttons


class BroadcastViewSet(ScopedModelViewSet):
    model = Broadcast
    unit_field = "commune"
    icon = "media"
    menu_label = _("Commune radio")
    menu_order = 200
    add_to_admin_menu = True
    index_view_class = BroadcastIndexView
    add_view_class = BroadcastCreateView
    edit_view_class = BroadcastEditView
    delete_view_class = BroadcastDeleteView
    list_display = ["title", "commune", "on", "minutes", "source"]
    list_filter = ["commune", "on", "source"]
    list_export = ["commune", "on", "title", "minutes", "source"]
    export_filename = "phat-thanh-xa"
    search_fields = ["title"]
    inspect_view_enabled = True
    edit_handler = ObjectList(
        [
            FieldPanel("commune"),
            FieldPanel("on"),
            FieldPanel("title"),
            FieldPanel("minutes"),
            FieldPanel("source"),
            FieldPanel("audio"),
        ],
        base_form_class=BroadcastForm,
    )


class WeekReopeningViewSet(ScopedModelViewSet):
    """Who reopened which commune's week, and why: read-only, linked from the reopen page."""

    model = WeekReopening
    unit_field = "log__commune"
    icon = "lock-open"
    menu_label = _("Reopened weeks")
    list_display = ["log", "reason", "by", "at"]
    list_export = ["log", "reason", "by", "at"]
    export_filename = "mo-lai-so-tuan"
    inspect_view_enabled = True
    form_fields = ["reason"]


broadcast_viewset = BroadcastViewSet("broadcasts")
reopening_viewset = WeekReopeningViewSet("radio_reopenings")
