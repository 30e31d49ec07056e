"""Forms of the public pages and of the staff's case page.

Text from the public is plain text: fields refuse HTML (``reject_markup``)
with a message on the field, and templates escape everything on output.
"""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from giamngheo.accounts.viewsets import unit_label
from giamngheo.units.models import Unit

from . import abuse, selectors, uploads
from .models import OFFLINE_CHANNELS, FeedbackCategory, reject_markup

PHONE = re.compile(r"^\+?[0-9][0-9 .-]{7,18}[0-9]$")
MAX_TEXT = 5000


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (a phone's gallery lets people pick a few photos)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "widget",
            MultipleFileInput(attrs={"accept": "image/*,application/pdf", "multiple": True}),
        )
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        files = [super(MultipleFileField, self).clean(f, initial) for f in files if f]
        if not files:
            if self.required:
                raise ValidationError(self.error_messages["required"], code="required")
            return []
        return uploads.clean_uploads(files)


class CommuneField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Unit) -> str:
        return obj.name


def clean_phone(value: str) -> str:
    value = (value or "").strip()
    if value and not PHONE.match(value):
        raise ValidationError(_("Enter a phone number of digits only, e.g. 0912 345 678."))
    return value


class ContactFields(forms.Form):
    name = forms.CharField(
        label=_("Your name"), max_length=150, required=False, validators=[reject_markup]
    )
    phone = forms.CharField(
        label=_("Phone"),
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def clean_phone(self):
        return clean_phone(self.cleaned_data.get("phone", ""))


class FeedbackForm(ContactFields):
    """What the citizen sends from the portal."""

    category = forms.ModelChoiceField(
        label=_("What is it about?"),
        queryset=FeedbackCategory.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
    )
    commune = CommuneField(
        label=_("Commune or ward concerned"),
        queryset=Unit.objects.none(),
        empty_label=_("Choose…"),
    )
    text = forms.CharField(
        label=_("Your feedback or question"),
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 6}),
        validators=[reject_markup],
    )
    address = forms.CharField(
        label=_("Village, hamlet or address (optional)"),
        max_length=255,
        required=False,
        validators=[reject_markup],
    )
    attachments = MultipleFileField(label=_("Photos or documents (optional)"), required=False)
    consent = forms.BooleanField(
        label=_(
            "I agree that my feedback and any contact details I give are processed to "
            "handle it, as described above (Personal Data Protection Law, 91/2025/QH15)."
        ),
        error_messages={
            "required": _("Tick the box to agree to the processing of your personal data.")
        },
    )
    # A field people never see; bots fill every field in.
    website = forms.CharField(required=False, widget=forms.TextInput(attrs={"tabindex": "-1"}))
    field_order = [
        "category",
        "commune",
        "text",
        "address",
        "attachments",
        "name",
        "phone",
        "email",
        "consent",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = selectors.active_categories()
        self.fields["commune"].queryset = selectors.communes_for_citizens()
        self.altcha_signature: str | None = None

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise ValidationError(_("Leave this field empty."))
        return ""

    def clean(self):
        data = super().clean()
        if not self.errors:
            self.altcha_signature = abuse.verify_challenge(self.data.get("altcha", ""))
            if self.altcha_signature is None:
                self.add_error(
                    None,
                    ValidationError(
                        _(
                            "The anti-spam check was not completed or has expired. Wait until "
                            "it shows “verified”, then send again."
                        ),
                        code="altcha",
                    ),
                )
        return data


class TrackForm(forms.Form):
    code = forms.CharField(
        label=_("Tracking code"),
        max_length=32,
        widget=forms.TextInput(
            attrs={"autocapitalize": "characters", "autocomplete": "off", "spellcheck": "false"}
        ),
    )


class RateForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("How useful was the answer?"),
        choices=[
            (5, _("5 – very useful")),
            (4, _("4")),
            (3, _("3")),
            (2, _("2")),
            (1, _("1 – not useful")),
        ],
        coerce=int,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment (optional)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=[reject_markup],
    )


class ReopenForm(forms.Form):
    reason = forms.CharField(
        label=_("Why did the answer not resolve it?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=[reject_markup],
    )


# --- Staff


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Unit) -> str:
        return unit_label(obj)


class StaffEntryForm(ContactFields):
    """Feedback received at the office, by phone, hotline or letter, entered by staff."""

    channel = forms.ChoiceField(label=_("Received by"), choices=OFFLINE_CHANNELS)
    category = forms.ModelChoiceField(label=_("Category"), queryset=FeedbackCategory.objects.none())
    commune = UnitChoiceField(label=_("Commune concerned"), queryset=Unit.objects.none())
    text = forms.CharField(
        label=_("Content"), max_length=MAX_TEXT, widget=forms.Textarea(attrs={"rows": 6})
    )
    address = forms.CharField(label=_("Address or place"), max_length=255, required=False)
    attachments = MultipleFileField(label=_("Photos or documents"), required=False)
    consent = forms.BooleanField(
        label=_("The citizen agreed to the processing of their personal data"),
        required=False,
        help_text=_("Required when you record a name, phone or e-mail."),
    )
    field_order = [
        "channel",
        "category",
        "commune",
        "text",
        "address",
        "attachments",
        "name",
        "phone",
        "email",
        "consent",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = selectors.active_categories()
        self.fields["commune"].queryset = selectors.communes_for_citizens()

    def clean(self):
        data = super().clean()
        has_contact = any(data.get(key) for key in ("name", "phone", "email"))
        if has_contact and not data.get("consent"):
            self.add_error(
                "consent",
                _("Contact details are kept only with consent to the processing of personal data."),
            )
        return data


class AssignForm(forms.Form):
    unit = UnitChoiceField(label=_("Assign to"), queryset=Unit.objects.none())
    note = forms.CharField(
        label=_("Note for the unit (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = selectors.assignable_units(user)


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Answer to the citizen"),
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 8}),
    )


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (the citizen reads it)"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Internal note"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )


class PublishForm(forms.Form):
    question = forms.CharField(
        label=_("Question, without names, addresses or anything that identifies the citizen"),
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    answer = forms.CharField(
        label=_("Answer, anonymised likewise"),
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )


class ReportForm(forms.Form):
    start = forms.DateField(
        label=_("Received from"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
    )
    end = forms.DateField(
        label=_("to"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
    )

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("The end comes before the start."))
        return data
