"""Admin view: record unit successions from an uploaded CSV file."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from .forms import SuccessionUploadForm
from .services import SuccessionImportError, import_successions


def import_succession(request):
    if not request.user.has_perm("units.add_unitsuccession"):
        raise PermissionDenied
    form = SuccessionUploadForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["csv_file"]
        try:
            report = import_successions(upload, source=request.FILES["csv_file"].name)
        except SuccessionImportError as error:
            errors = error.errors
        else:
            messages.success(
                request,
                _("%(count)d successions recorded.") % {"count": report.successions},
            )
            return redirect("units:index")
    return TemplateResponse(
        request, "units/import_succession.html", {"form": form, "row_errors": errors}
    )
