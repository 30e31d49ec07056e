"""POST requests: the spec's arguments checked by the portal's own form and service.

The rules of a citizen's submission (which categories and communes, text
length, no HTML, phone format, consent) live in ``feedback.forms.FeedbackForm``
and ``services.submit_feedback``; this module only renames the spec's
arguments to that form's fields and its errors back to the spec's names.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django import forms
from django.core.exceptions import MultipleObjectsReturned, ValidationError
from django.http import QueryDict
from django.utils.translation import gettext as _

from ..forms import FeedbackForm
from .render import ApiError

# Our field (form or model) → the argument the client sent, to name it in errors.
ARGUMENTS = {
    "category": "service_code",
    "commune": "attribute[commune]",
    "text": "description",
    "address": "address_string",
    "name": "first_name, last_name",
    "phone": "phone",
    "email": "email",
    "consent": "attribute[consent]",
    "consent_at": "attribute[consent]",
    "latitude": "lat",
    "longitude": "long",
}
CONSENT_YES = "yes"
SIX_PLACES = Decimal("0.000001")


class CodeChoiceField(forms.ModelChoiceField):
    """A category or commune named by its code, as service_code and attribute[commune] are."""

    def __init__(self, **kwargs) -> None:
        super().__init__(queryset=None, to_field_name="code", **kwargs)

    def to_python(self, value):
        try:
            return super().to_python(value)
        except MultipleObjectsReturned:
            raise ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            ) from None


class Open311RequestForm(FeedbackForm):
    """The portal's form without what only a browser has: files, proof of work, honeypot."""

    category = CodeChoiceField()
    commune = CodeChoiceField()

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)  # sets the categories and communes offered
        del self.fields["attachments"], self.fields["website"]

    def clean(self):
        # FeedbackForm.clean adds the browser's proof of work; an app has its api_key instead.
        return super(FeedbackForm, self).clean()


def argument(post: QueryDict, name: str) -> str:
    return (post.get(name) or "").strip()


def form_data(post: QueryDict) -> dict[str, str]:
    """The spec's arguments as the portal form's fields."""
    commune = argument(post, "attribute[commune]")
    address_id = argument(post, "address_id")
    if commune and address_id and commune != address_id:
        raise ApiError(
            400, _("attribute[commune] and address_id name different communes: send one.")
        )
    # Vietnamese names: family name first ("Trần Thị Bình").
    name = " ".join(
        part for part in (argument(post, "last_name"), argument(post, "first_name")) if part
    )
    consent = argument(post, "attribute[consent]").lower() == CONSENT_YES
    return {
        "category": argument(post, "service_code"),
        "commune": commune or address_id,
        "text": post.get("description") or "",
        "address": argument(post, "address_string"),
        "name": name,
        "phone": argument(post, "phone"),
        "email": argument(post, "email"),
        "consent": "on" if consent else "",
    }


def coordinate(post: QueryDict, name: str) -> Decimal | None:
    """``lat`` or ``long`` with the six decimals we keep; the model checks the range."""
    raw = argument(post, name)
    if not raw:
        return None
    try:
        value = Decimal(raw)
        if not value.is_finite():
            raise InvalidOperation
        return value.quantize(SIX_PLACES, rounding=ROUND_HALF_UP)
    except (InvalidOperation, ValueError):
        raise ApiError(
            400, _("%(name)s: enter a number in decimal degrees (WGS84).") % {"name": name}
        ) from None


def has_location(post: QueryDict) -> bool:
    """The spec requires one location: lat and long, address_string or address_id."""
    return bool(
        (argument(post, "lat") and argument(post, "long"))
        or argument(post, "address_string")
        or argument(post, "address_id")
    )


def describe(errors: dict[str, list[str]]) -> list[str]:
    """Form or service errors, each prefixed with the argument it is about."""
    messages: list[str] = []
    for field, field_messages in errors.items():
        if field in ("consent", "consent_at"):
            messages.append(
                _(
                    "attribute[consent]: the person must agree to the processing of their "
                    "personal data (Law 91/2025/QH15): show them the consent text of the "
                    "service definition and send attribute[consent]=yes."
                )
            )
            continue
        argument = ARGUMENTS.get(field)
        for message in field_messages:
            messages.append(f"{argument}: {message}" if argument else str(message))
    return messages


def has_unknown_service(form: Open311RequestForm) -> bool:
    return form.has_error("category", code="invalid_choice")
