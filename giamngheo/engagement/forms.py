"""Forms of the public pages (a question, a vote) and of the admin (a question, a poll).

Text from the public is plain text: fields refuse HTML with a message on the
field, and templates escape everything on output.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from giamngheo.accounts import scoping
from giamngheo.accounts.viewsets import unit_label
from giamngheo.feedback import abuse
from giamngheo.feedback.selectors import communes_for_citizens
from giamngheo.units.models import Unit, UnitLevel

from .models import (
    MAX_NAME_LENGTH,
    MAX_QUESTION_LENGTH,
    DialogueQuestion,
    PolicyDialogue,
    Poll,
    Vote,
    plain_text,
)


class CommuneField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Unit) -> str:
        return obj.name


class QuestionForm(forms.Form):
    """A citizen's question to a dialogue, sent before it is held."""

    text = forms.CharField(
        label=_("Your question"),
        max_length=MAX_QUESTION_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        validators=[plain_text],
    )
    name = forms.CharField(
        label=_("Your name (optional, shown with your question)"),
        max_length=MAX_NAME_LENGTH,
        required=False,
        validators=[plain_text],
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    commune = CommuneField(
        label=_("Your commune or ward (optional)"),
        queryset=Unit.objects.none(),
        required=False,
        empty_label=_("Choose…"),
    )
    # A field people never see; bots fill every field in.
    website = forms.CharField(required=False, widget=forms.TextInput(attrs={"tabindex": "-1"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["commune"].queryset = communes_for_citizens()
        self.altcha_signature: str | None = None

    def clean_website(self) -> str:
        if self.cleaned_data.get("website"):
            raise ValidationError(_("Leave this field empty."))
        return ""

    def clean(self):
        data = super().clean()
        if not self.errors:
            # The feedback channel's proof of work, verified here, spent by the view.
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


class VoteForm(forms.Form):
    choice = forms.ModelChoiceField(
        label="", queryset=None, widget=forms.RadioSelect, empty_label=None
    )

    def __init__(self, *args, poll: Poll, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["choice"]
        field.queryset = poll.choices.all()
        field.label = _("Your answer")
        field.error_messages["required"] = _("Pick one answer.")
        field.error_messages["invalid_choice"] = _("Pick one of the answers shown.")


# --- Admin


class QuestionAdminForm(WagtailAdminModelForm):
    """Staff publish, hide and answer questions; the dialogues offered are those of
    their units only."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "dialogue" in self.fields:
            self.fields["dialogue"].queryset = scoping.scope(
                PolicyDialogue.objects.all(), self.for_user
            ).order_by("-starts_at", "-pk")
        if "commune" in self.fields:
            from giamngheo.units.divisions import province_code

            self.fields["commune"].queryset = (
                Unit.objects.of_province(province_code(settings.PROVINCE_CODE))
                .filter(level=UnitLevel.COMMUNE)
                .vietnamese_order()
            )
            self.fields["commune"].label_from_instance = unit_label

    def save(self, commit: bool = True) -> DialogueQuestion:
        from . import services

        return services.save_question(question=self.instance, by=self.for_user)


class PollAdminForm(WagtailAdminModelForm):
    """A poll needs two answers at least; an answer that has votes stays."""

    def clean(self):
        data = super().clean()
        formset = self.formsets.get("choices")
        if formset is None or not formset.is_valid():
            return data
        kept = [
            form
            for form in formset.forms
            if form.cleaned_data and not formset._should_delete_form(form)
        ]
        if len(kept) < 2:
            self.add_error(None, _("A poll needs at least two answer choices."))
        removed = [form.instance.pk for form in formset.deleted_forms if form.instance.pk]
        if removed and Vote.objects.filter(choice__in=removed).exists():
            self.add_error(
                None,
                _(
                    "An answer that has votes cannot be removed: its votes would be lost. "
                    "Change its wording, or close the poll and start a new one."
                ),
            )
        return data
