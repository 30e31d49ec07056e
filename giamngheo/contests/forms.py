"""Forms of the contest pages (public) and of the question import (staff).

Text from the public is plain text (``reject_markup``); registration and the
start of an attempt need a solved ALTCHA challenge (``feedback.abuse``).
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from giamngheo.feedback import abuse
from giamngheo.feedback.models import reject_markup
from giamngheo.feedback.selectors import communes_for_citizens
from giamngheo.units.models import Unit

from .models import MAX_PREDICTION, AttemptQuestion, Round
from .phones import normalise_phone

ALTCHA_MESSAGE = _(
    "The anti-spam check was not completed or has expired. Wait until it shows "
    "“verified”, then send again."
)


class AltchaForm(forms.Form):
    """A form that needs a solved, unused ALTCHA challenge (checked once the rest is valid)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.altcha_signature: str | None = None

    def clean(self):
        data = super().clean()
        if not self.errors:
            self.altcha_signature = abuse.verify_challenge(self.data.get("altcha", ""))
            if self.altcha_signature is None:
                self.add_error(None, ValidationError(ALTCHA_MESSAGE, code="altcha"))
        return data

    def spend_challenge(self) -> bool:
        """Mark the challenge used; False (with an error on the form) if it was a replay."""
        if abuse.spend_challenge(self.altcha_signature or ""):
            return True
        self.add_error(None, _("This anti-spam check was already used. Send the form again."))
        return False


class CommuneField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Unit) -> str:
        return obj.name


class RegistrationForm(AltchaForm):
    name = forms.CharField(
        label=_("Full name"),
        max_length=150,
        validators=[reject_markup],
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    unit = CommuneField(
        label=_("Your commune or ward"), queryset=Unit.objects.none(), empty_label=_("Choose…")
    )
    phone = forms.CharField(
        label=_("Phone"),
        max_length=20,
        help_text=_("One registration per phone number; winners are called on it."),
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    email = forms.EmailField(
        label=_("E-mail (optional)"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that my name, commune, phone and e-mail are processed to run the contest "
            "and to contact and announce the winners (Personal Data Protection Law, 91/2025/QH15)."
        ),
        error_messages={
            "required": _("Tick the box to agree to the processing of your personal data.")
        },
    )
    # A field people never see; bots fill every field in.
    website = forms.CharField(required=False, widget=forms.TextInput(attrs={"tabindex": "-1"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = communes_for_citizens()

    def clean_name(self) -> str:
        return " ".join(self.cleaned_data["name"].split())

    def clean_phone(self) -> str:
        return normalise_phone(self.cleaned_data.get("phone", ""))

    def clean_website(self) -> str:
        if self.cleaned_data.get("website"):
            raise ValidationError(_("Leave this field empty."))
        return ""


class StartForm(AltchaForm):
    """Starting an attempt: nothing to fill in but the anti-spam check."""


class AttemptForm(forms.Form):
    """The drawn questions, each a radio group of its answers in the order drawn.

    Values are the answers' positions on the page (0, 1, 2…), not database
    ids; nothing in the form tells a correct answer from another.
    """

    prediction = forms.IntegerField(
        label=_("Prediction"),
        required=False,
        min_value=0,
        max_value=MAX_PREDICTION,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )

    def __init__(self, *args, items: list[AttemptQuestion], round: Round, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = items
        self.fields["prediction"].label = round.prediction_question
        for item in items:
            self.fields[self.field_name(item)] = forms.TypedChoiceField(
                label=item.question.text,
                choices=[(str(i), c.text) for i, c in enumerate(item.shown_choices)],
                coerce=int,
                empty_value=None,
                required=False,
                widget=forms.RadioSelect,
            )
            if item.chosen_id is not None and not self.is_bound:
                positions = [choice.pk for choice in item.shown_choices]
                if item.chosen_id in positions:
                    self.initial[self.field_name(item)] = str(positions.index(item.chosen_id))

    @staticmethod
    def field_name(item: AttemptQuestion) -> str:
        return f"q{item.position}"

    def question_fields(self) -> list[tuple[AttemptQuestion, forms.BoundField]]:
        return [(item, self[self.field_name(item)]) for item in self.items]

    def answers(self) -> dict[int, int | None]:
        return {item.position: self.cleaned_data.get(self.field_name(item)) for item in self.items}


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Excel file (.xlsx)"),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > 5 * 1024 * 1024:
            raise ValidationError(_("The file is larger than 5 MB."))
        return upload
