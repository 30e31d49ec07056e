"""The image form of the admin: alternative text is required (WCAG 2.1, 1.1.1)."""

from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm


class ImageForm(BaseImageForm):
    """Wagtail's image form with its description (the alt text) made compulsory."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "description" in self.fields:
            field = self.fields["description"]
            field.required = True
            field.label = _("Alternative text")
            field.help_text = _(
                "What the picture shows, for people who cannot see it (read aloud by "
                "screen readers, shown when the picture does not load)."
            )
