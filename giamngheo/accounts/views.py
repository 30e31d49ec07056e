"""Two-factor sign-in (a staff member turns it on or off from their account) and the
user guides of the Help menu."""

from __future__ import annotations

import functools
import io

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.reports.audit_logging import LogEntriesView

from . import guides, scoping
from .forms import TokenForm, confirmed_totp_device


def _qr_svg(url: str) -> str:
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = io.BytesIO()
    image.save(buffer)
    return buffer.getvalue().decode()


def two_factor(request):
    """Show the state of two-factor sign-in and switch it on (scan, confirm) or off."""
    user = request.user
    device = confirmed_totp_device(user)
    if device is not None:
        form = TokenForm(request.POST or None, device=device)
        if request.method == "POST" and form.is_valid():
            TOTPDevice.objects.filter(user=user).delete()
            messages.success(request, _("Two-factor sign-in is turned off."))
            return redirect("accounts_two_factor")
        return TemplateResponse(
            request, "accounts/two_factor.html", {"enabled": True, "form": form}
        )

    with transaction.atomic():
        pending = TOTPDevice.objects.filter(user=user, confirmed=False).first()
        if pending is None:
            pending = TOTPDevice.objects.create(
                user=user, name=_("Authenticator app"), confirmed=False
            )
    form = TokenForm(request.POST or None, device=pending)
    if request.method == "POST" and form.is_valid():
        pending.confirmed = True
        pending.save(update_fields=["confirmed"])
        otp_login(request, pending)
        messages.success(
            request, _("Two-factor sign-in is on. You will be asked for a code at each sign-in.")
        )
        return redirect("accounts_two_factor")
    return TemplateResponse(
        request,
        "accounts/two_factor.html",
        {
            "enabled": False,
            "form": form,
            "qr_svg": mark_safe(_qr_svg(pending.config_url)),  # generated here, no user input
            "secret": pending.bin_key.hex(),
        },
    )


def _province_only(view):
    """Wagtail's site history lists every logged action with the object's title,
    filtered by model permission only; districts and communes would read other
    units' titles there, so it is for province-wide users."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if not scoping.is_province_wide(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return require_admin_access(wrapped)


site_history = _province_only(LogEntriesView.as_view())
site_history_results = _province_only(LogEntriesView.as_view(results_only=True))


def guide(request: HttpRequest, slug: str = "") -> HttpResponse:
    """A role's user guide; without a slug, the signed-in user's own (or the list)."""
    mine = guides.guides_for(request.user)
    if not slug:
        chosen = mine[0] if mine else None
    elif slug in guides.GUIDE_BY_SLUG:
        chosen = guides.GUIDE_BY_SLUG[slug]
    else:
        raise Http404
    return TemplateResponse(
        request,
        "accounts/guide.html",
        {"guide": chosen, "guides": guides.GUIDES, "mine": mine},
    )
