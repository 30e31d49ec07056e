"""Checking and cleaning the files citizens attach.

The type is decided by the content, never by the name or the browser's word:
Pillow must open an image, a PDF must start with its magic bytes. Images are
re-encoded (turned upright, EXIF/GPS and every other metadata dropped, at most
``FEEDBACK_MAX_IMAGE_SIDE`` pixels a side) so that nothing the camera recorded
besides the picture is kept; PDFs that carry scripts are refused.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

try:  # Photos from iPhones (HEIC), when pillow-heif is installed (Wagtail brings it).
    from pillow_heif import register_heif_opener

    register_heif_opener()
except ImportError:  # pragma: no cover
    pass

IMAGE_FORMATS = {"JPEG", "PNG", "WEBP", "GIF", "HEIF", "MPO"}
MAX_PIXELS = 50_000_000
PDF_MAGIC = b"%PDF-"
# Active content a PDF reader may run; a citizen's scan or letter has none. (/OpenAction
# alone is common: Word and scanner apps use it to open at the first page.)
PDF_ACTIVE = re.compile(rb"/JavaScript|/JS[\s(<\[/]|/Launch|/EmbeddedFile")


@dataclass
class CleanFile:
    content: ContentFile
    kind: str  # AttachmentKind value
    content_type: str

    @property
    def size(self) -> int:
        return self.content.size


def _too_big(upload) -> ValidationError:
    return ValidationError(
        _("“%(name)s” is larger than %(max)s.")
        % {"name": upload.name, "max": filesizeformat(settings.FEEDBACK_MAX_ATTACHMENT_BYTES)},
        code="size",
    )


def _not_allowed(upload) -> ValidationError:
    return ValidationError(
        _("“%(name)s” is not a photo (JPEG, PNG, WebP, HEIC) or a PDF document.")
        % {"name": upload.name},
        code="type",
    )


def _clean_image(upload, data: bytes) -> CleanFile:
    try:
        with Image.open(io.BytesIO(data)) as probe:
            probe.verify()  # a truncated or forged file fails here
        image = Image.open(io.BytesIO(data))
        source_format = image.format
        if source_format not in IMAGE_FORMATS:
            raise _not_allowed(upload)
        if image.width * image.height > MAX_PIXELS:
            raise ValidationError(
                _("“%(name)s” has too many pixels.") % {"name": upload.name}, code="pixels"
            )
        image.seek(0)
        image = ImageOps.exif_transpose(image)  # upright, as the phone showed it
        side = settings.FEEDBACK_MAX_IMAGE_SIDE
        image.thumbnail((side, side))
        keep_alpha = image.mode in ("RGBA", "LA", "P") and source_format not in ("JPEG", "MPO")
        out = io.BytesIO()
        if keep_alpha:
            image.convert("RGBA").save(out, format="PNG", optimize=True)
            kind, extension = "image/png", "png"
        else:
            image.convert("RGB").save(out, format="JPEG", quality=85, optimize=True)
            kind, extension = "image/jpeg", "jpg"
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise _not_allowed(upload) from None
    # A fresh image carries no EXIF, XMP or ICC metadata: save() was given none.
    return CleanFile(ContentFile(out.getvalue(), name=f"photo.{extension}"), "image", kind)


def _clean_pdf(upload, data: bytes) -> CleanFile:
    if PDF_ACTIVE.search(data):
        raise ValidationError(
            _("“%(name)s” contains scripts or embedded files; send a plain PDF or a photo.")
            % {"name": upload.name},
            code="active",
        )
    return CleanFile(ContentFile(data, name="document.pdf"), "pdf", "application/pdf")


def clean_upload(upload) -> CleanFile:
    """A checked, re-encoded copy of ``upload``, or a ValidationError naming the file."""
    if upload.size > settings.FEEDBACK_MAX_ATTACHMENT_BYTES:
        raise _too_big(upload)
    data = upload.read(settings.FEEDBACK_MAX_ATTACHMENT_BYTES + 1)
    if len(data) > settings.FEEDBACK_MAX_ATTACHMENT_BYTES:
        raise _too_big(upload)
    if data.startswith(PDF_MAGIC):
        return _clean_pdf(upload, data)
    return _clean_image(upload, data)


def clean_uploads(uploads: list) -> list[CleanFile]:
    """All files checked (errors for each bad one, together), or a ValidationError."""
    if len(uploads) > settings.FEEDBACK_MAX_ATTACHMENTS:
        raise ValidationError(
            _("Attach at most %(max)d files.") % {"max": settings.FEEDBACK_MAX_ATTACHMENTS},
            code="count",
        )
    cleaned, errors = [], []
    for upload in uploads:
        try:
            cleaned.append(clean_upload(upload))
        except ValidationError as error:
            errors.append(error)
    if errors:
        raise ValidationError(errors)
    return cleaned
