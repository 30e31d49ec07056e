"""Files a citizen might attach: a phone photo with GPS data, forgeries, PDFs."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

GPS_IFD = 0x8825
ORIENTATION = 0x0112


def phone_photo(
    name: str = "IMG_2041.jpg", *, width: int = 64, height: int = 32
) -> SimpleUploadedFile:
    """A JPEG as phones make them: GPS position, camera model, rotated by its EXIF tag."""
    image = Image.new("RGB", (width, height), (200, 30, 30))
    exif = image.getexif()
    exif[ORIENTATION] = 6  # shown rotated 90°: the stored pixels are landscape
    exif[0x0110] = "Phone X"  # camera model
    gps = exif.get_ifd(GPS_IFD)
    gps[1] = "N"
    gps[2] = (16.0, 28.0, 12.0)
    gps[3] = "E"
    gps[4] = (107.0, 35.0, 30.0)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def png_image(name: str = "so-do.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGBA", (20, 20), (0, 0, 255, 128)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def fake_image(name: str = "anh.jpg") -> SimpleUploadedFile:
    """A script with an image's name and type."""
    return SimpleUploadedFile(name, b"<script>alert(1)</script>", content_type="image/jpeg")


def truncated_jpeg(name: str = "hong.jpg") -> SimpleUploadedFile:
    data = phone_photo().read()
    return SimpleUploadedFile(name, data[: len(data) // 2], content_type="image/jpeg")


def pdf(name: str = "don.pdf", *, body: bytes = b"") -> SimpleUploadedFile:
    content = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n" + body + b"\n%%EOF\n"
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def oversized(name: str = "lon.jpg", size: int = 9 * 1024 * 1024) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"\xff\xd8\xff" + b"0" * size, content_type="image/jpeg")
