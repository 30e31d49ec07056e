"""Draw the portal's app icons (the installable web app) into giamngheo/static/icons/.

Run once, by hand, when the brand changes; the PNGs are committed (they are a few
kilobytes each) so that neither `make run` nor a deployment needs fonts or Pillow's
FreeType support. The colour is portal.css's --brand.

    .venv/bin/python scripts/make_icons.py
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

BRAND = "#a3111b"  # portal.css --brand
INK = "#ffffff"
TEXT = "GN"
OUT = Path(__file__).resolve().parent.parent / "giamngheo" / "static" / "icons"
FONTS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
)

# name, size in pixels, share of the side the letters may take. A maskable icon
# is cropped to a circle of 80 % of its side by some launchers, so its letters
# stay well inside that safe zone.
ICONS = [
    ("icon-192.png", 192, 0.62),
    ("icon-512.png", 512, 0.62),
    ("icon-maskable-512.png", 512, 0.46),
    ("apple-touch-icon.png", 180, 0.62),
]


def font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for path in FONTS:
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default(size=size)


def draw_icon(side: int, text_share: float) -> Image.Image:
    """A brand-coloured square with the letters centred in white."""
    image = Image.new("RGB", (side, side), BRAND)
    draw = ImageDraw.Draw(image)
    size = side
    # Shrink the font until the letters fit the share of the side they may take.
    while size > 8:
        face = font(size)
        left, _top, right, _bottom = draw.textbbox((0, 0), TEXT, font=face)
        if right - left <= side * text_share:
            break
        size -= 2
    draw.text((side / 2, side / 2), TEXT, font=face, fill=INK, anchor="mm")
    return image


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, side, share in ICONS:
        draw_icon(side, share).save(OUT / name, optimize=True)
        print(OUT / name)


if __name__ == "__main__":
    main()
