"""The DHIS2 exchange page of the admin: export our indicator values as a data value
set, and import one the province received. Province staff only (the permissions of
``accounts.roles.DHIS2_EXCHANGE``); both call the functions the commands call."""

from __future__ import annotations

import json

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .dhis2 import export_values
from .forms import ExportForm, ImportForm
from .models import DataElementMapping, OrgUnitMapping
from .services import DataValueSetError, receive_data_value_set

EXPORT_PERMISSION = "opendata.view_dataelementmapping"
IMPORT_PERMISSION = "opendata.import_receivedvalue"


def can_exchange(user) -> bool:
    return user.has_perm(EXPORT_PERMISSION) or user.has_perm(IMPORT_PERMISSION)


class ExchangeView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "opendata/dhis2_exchange.html"
    page_title = gettext_lazy("DHIS2 exchange")
    header_icon = "resubmit"

    def dispatch(self, request, *args, **kwargs):
        if not can_exchange(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        user = self.request.user
        kwargs.setdefault("export_form", ExportForm())
        kwargs.setdefault("import_form", ImportForm())
        return super().get_context_data(
            can_export=user.has_perm(EXPORT_PERMISSION),
            can_import=user.has_perm(IMPORT_PERMISSION),
            element_count=DataElementMapping.objects.count(),
            org_unit_count=OrgUnitMapping.objects.count(),
            elements_url=reverse("dhis2_elements:index"),
            org_units_url=reverse("dhis2_org_units:index"),
            values_url=reverse("dhis2_values:index"),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        if "export" in request.POST:
            return self.export(request)
        return self.receive(request)

    def export(self, request):
        if not request.user.has_perm(EXPORT_PERMISSION):
            raise PermissionDenied
        form = ExportForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(export_form=form))
        export = export_values(
            years=form.cleaned_data["years"], weekly_values=form.cleaned_data["weekly"]
        )
        if export.unmapped_units:
            messages.warning(
                request,
                _("Units without an organisation unit mapping were left out: %(codes)s.")
                % {"codes": ", ".join(sorted(export.unmapped_units))},
            )
        response = HttpResponse(
            json.dumps(export.payload, ensure_ascii=False, indent=1),
            content_type="application/json; charset=utf-8",
        )
        stamp = timezone.localdate().isoformat()
        response["Content-Disposition"] = f'attachment; filename="dataValueSets-{stamp}.json"'
        return response

    def receive(self, request):
        if not request.user.has_perm(IMPORT_PERMISSION):
            raise PermissionDenied
        form = ImportForm(request.POST, request.FILES)
        errors: list[str] = []
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                batch = receive_data_value_set(
                    payload=upload.read(),
                    source=form.cleaned_data["source"],
                    file_name=upload.name,
                    by=request.user,
                )
            except DataValueSetError as error:
                errors = error.messages
            else:
                messages.success(
                    request,
                    _("%(count)d values received from %(source)s.")
                    % {"count": batch.value_count, "source": batch.source},
                )
                return redirect("dhis2_values:index")
        return self.render_to_response(
            self.get_context_data(import_form=form, import_errors=errors)
        )
