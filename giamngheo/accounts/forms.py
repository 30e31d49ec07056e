from __future__ import annotations

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_otp.forms import OTPAuthenticationFormMixin
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm
from wagtail.users.forms import UserCreationForm as WagtailUserCreationForm
from wagtail.users.forms import UserEditForm as WagtailUserEditForm

from giamngheo.units.models import Unit

from .scoping import units_visible_to

OTP_MESSAGES = {
    **OTPAuthenticationFormMixin.otp_error_messages,
    "token_required": _("Enter the 6-digit code from your authenticator app."),
    "invalid_token": _("The authentication code is wrong or has expired. Please try again."),
    "device_required": _("Two-factor sign-in is not set up for this account."),
    "verification_not_allowed": _("Too many wrong codes. Please wait a moment and try again."),
}


def confirmed_totp_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


class LoginForm(OTPAuthenticationFormMixin, WagtailLoginForm):
    """Wagtail's login with a second factor for users who turned it on."""

    otp_token = forms.CharField(
        label=_("Authentication code"),
        required=False,
        help_text=_("Only if you turned on two-factor sign-in: the code from your app."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )
    otp_error_messages = OTP_MESSAGES

    def clean(self):
        cleaned_data = super().clean()
        user = self.get_user()
        if user is not None and confirmed_totp_device(user) is not None:
            self.clean_otp(user)
        return cleaned_data

    def _chosen_device(self, user):
        # One authenticator app per user: no device picker on the login page.
        return confirmed_totp_device(user)


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Authentication code"),
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def __init__(self, *args, device: TOTPDevice, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_token(self) -> str:
        token = self.cleaned_data["token"].strip().replace(" ", "")
        if not self.device.verify_token(token):
            raise forms.ValidationError(OTP_MESSAGES["invalid_token"])
        return token


class UnitFieldMixin:
    """Lets an administrator choose the user's unit among the units in force today."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.for_user = for_user
        today = datetime.date.today()
        choices = units_visible_to(self.for_user).in_force(today) if self.for_user else None
        if choices is None:
            choices = Unit.objects.in_force(today)
        current = getattr(self.instance, "unit_id", None)
        self.fields["unit"].queryset = Unit.objects.filter(
            pk__in=choices.values("pk")
        ) | Unit.objects.filter(pk=current)
        # A Vietnamese name is family, middle and given names; the display puts them in
        # that order (``User.get_full_name``), so the form asks for them in that order.
        self.fields["last_name"].label = pgettext_lazy("person", "Family and middle names")
        self.fields["last_name"].help_text = pgettext_lazy("person", "e.g. Nguyễn Thị")
        self.fields["first_name"].label = pgettext_lazy("person", "Given name")
        self.fields["first_name"].help_text = pgettext_lazy("person", "e.g. Lan")


class UserCreationForm(UnitFieldMixin, WagtailUserCreationForm):
    class Meta(WagtailUserCreationForm.Meta):
        fields = {*WagtailUserCreationForm.Meta.fields, "unit", "position", "phone"}


class UserEditForm(UnitFieldMixin, WagtailUserEditForm):
    class Meta(WagtailUserEditForm.Meta):
        fields = {*WagtailUserEditForm.Meta.fields, "unit", "position", "phone"}
