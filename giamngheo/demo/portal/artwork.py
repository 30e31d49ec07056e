"""The demo's pictures: flat illustrations drawn with Pillow, no photos shipped.

Each is a scene (sky, ground, a motif: rice fields, a cow shed, a house, a
loudspeaker…) with a caption band, saved as a palette PNG of a few tens of
KB.  A handful serve every page; they depend on nothing but their key, so a
second load finds them by title and draws nothing.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model
from wagtail.utils.file import hash_filelike

from .publishing import collection, wrote

WIDTH, HEIGHT = 1200, 800
GROUND = 540
BAND = 716
COLLECTION = "Ảnh minh họa"

# Fonts with Vietnamese letters, where the system has one; else Pillow's own font
# (Latin only) and the label without its accents.
FONT_PATHS = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
    "/usr/share/fonts/noto/NotoSans-Bold.ttf",
    "/System/Library/Fonts/Supplemental/Arial Bold.ttf",
    "C:/Windows/Fonts/arialbd.ttf",
]

Draw = ImageDraw.ImageDraw


def _font(size: int) -> tuple[ImageFont.FreeTypeFont, bool]:
    for path in FONT_PATHS:
        if Path(path).exists():
            return ImageFont.truetype(path, size), True
    return ImageFont.load_default(size=size), False


def _text(draw: Draw, xy: tuple[int, int], text: str, size: int, fill: str) -> None:
    font, vietnamese = _font(size)
    if not vietnamese:
        text = _unaccented(text)
    draw.text(xy, text, font=font, fill=fill)


def _unaccented(text: str) -> str:
    """ "Ảnh minh họa" → "Anh minh hoa", for a font without Vietnamese letters."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _hills(draw: Draw, colour: str) -> None:
    for x, r in [(150, 260), (520, 320), (950, 280)]:
        draw.ellipse([x - r, GROUND - r // 2, x + r, GROUND + r], fill=colour)


def _sun(draw: Draw, x: int = 1000, y: int = 150) -> None:
    draw.ellipse([x - 70, y - 70, x + 70, y + 70], fill="#f6c544")


def _rice(draw: Draw) -> None:
    _sun(draw)
    _hills(draw, "#5b8c5a")
    draw.rectangle([0, GROUND, WIDTH, BAND], fill="#9bc53d")
    for i in range(12):
        y = GROUND + 14 * i + i * i
        draw.line([0, y, WIDTH, y], fill="#6a994e", width=4)
    for x in range(80, WIDTH, 160):
        draw.polygon(
            [(x, GROUND + 40), (x + 40, GROUND - 10), (x + 80, GROUND + 40)], fill="#e9c46a"
        )


def _person(draw: Draw, x: int, y: int, colour: str, scale: float = 1.0) -> None:
    r = int(26 * scale)
    draw.ellipse([x - r, y - 3 * r, x + r, y - r], fill="#8d5524")
    draw.rounded_rectangle([x - 2 * r, y - r, x + 2 * r, y + 3 * r], radius=r, fill=colour)


def _cattle(draw: Draw) -> None:
    _sun(draw, 180, 140)
    _hills(draw, "#76a665")
    draw.rectangle([0, GROUND, WIDTH, BAND], fill="#a7c957")
    draw.rectangle([760, 330, 1080, GROUND], fill="#bc6c25")
    draw.polygon([(730, 330), (920, 220), (1110, 330)], fill="#7f4f24")
    draw.rectangle([880, 420, 960, GROUND], fill="#432818")
    for x, y in [(220, 520), (470, 580)]:
        draw.rounded_rectangle([x, y, x + 210, y + 100], radius=40, fill="#9c6644")
        draw.rounded_rectangle([x + 190, y - 40, x + 270, y + 40], radius=20, fill="#9c6644")
        draw.line([x + 200, y - 40, x + 185, y - 70], fill="#ede0d4", width=8)
        draw.line([x + 260, y - 40, x + 275, y - 70], fill="#ede0d4", width=8)
        for leg in (x + 20, x + 60, x + 150, x + 185):
            draw.rectangle([leg, y + 90, leg + 18, y + 140], fill="#7f5539")


def _house(draw: Draw) -> None:
    _sun(draw, 170, 150)
    draw.rectangle([0, GROUND, WIDTH, BAND], fill="#90be6d")
    draw.rectangle([380, 330, 820, GROUND + 30], fill="#f4f1de")
    draw.polygon([(340, 340), (600, 170), (860, 340)], fill="#c1121f")
    draw.rectangle([560, 420, 640, GROUND + 30], fill="#6d4c41")
    for x in (420, 700):
        draw.rectangle([x, 390, x + 80, 460], fill="#83c5be", outline="#264653", width=6)
    for x in (160, 1030):
        draw.rectangle([x - 12, 400, x + 12, GROUND + 20], fill="#6d4c41")
        draw.ellipse([x - 90, 260, x + 90, 430], fill="#2d6a4f")


def _loudspeaker(draw: Draw) -> None:
    draw.rectangle([0, GROUND, WIDTH, BAND], fill="#a3b18a")
    for x in range(40, WIDTH, 230):
        draw.polygon([(x, GROUND), (x + 90, GROUND - 80), (x + 180, GROUND)], fill="#bc4749")
        draw.rectangle([x + 20, GROUND, x + 160, GROUND + 70], fill="#f2e8cf")
    draw.rectangle([585, 160, 615, GROUND + 60], fill="#495057")
    for side in (-1, 1):
        mouth = 600 + side * 230
        draw.polygon(
            [(600 + side * 20, 190), (mouth, 120), (mouth, 300), (600 + side * 20, 230)],
            fill="#adb5bd",
            outline="#343a40",
        )
        for k in range(1, 4):
            box = [mouth - 40 * k, 210 - 70 * k, mouth + 40 * k, 210 + 70 * k]
            start, end = (120, 240) if side < 0 else (-60, 60)
            draw.arc(box, start, end, fill="#ffffff", width=8)


def _meeting(draw: Draw, banner: str = "#c1121f") -> None:
    draw.rectangle([0, 0, WIDTH, BAND], fill="#f1e3c8")
    draw.rectangle([200, 60, 1000, 170], fill=banner)
    draw.rectangle([260, 95, 940, 135], fill="#ffd166")
    draw.rectangle([0, GROUND - 40, WIDTH, BAND], fill="#b08968")
    draw.rectangle([330, 280, 870, 330], fill="#7f5539")
    for x in (420, 600, 780):
        _person(draw, x, 260, "#264653")
    for row, y in enumerate((560, 650)):
        for x in range(140 + 60 * row, WIDTH - 80, 170):
            _person(draw, x, y, ["#2a9d8f", "#e76f51", "#457b9d"][(x // 170 + row) % 3], 0.8)


def _training(draw: Draw) -> None:
    draw.rectangle([0, 0, WIDTH, BAND], fill="#e9edc9")
    draw.rectangle([120, 80, 760, 430], fill="#2f5d50", outline="#8d6e63", width=14)
    for i in range(5):
        draw.line([170, 150 + 55 * i, 520 + 40 * (i % 3), 150 + 55 * i], fill="#f1faee", width=6)
    _person(draw, 900, 420, "#e63946", 1.4)
    draw.rectangle([0, GROUND + 20, WIDTH, BAND], fill="#ccd5ae")
    for x in range(120, WIDTH, 200):
        _person(draw, x, 640, "#1d3557", 0.9)


def _lagoon(draw: Draw) -> None:
    _sun(draw, 200, 160)
    draw.rectangle([0, 380, WIDTH, BAND], fill="#219ebc")
    for y in range(420, BAND, 45):
        for x in range(0, WIDTH, 120):
            draw.arc([x, y, x + 120, y + 40], 200, 340, fill="#8ecae6", width=5)
    for x in range(620, 1120, 120):
        draw.rectangle([x, 470, x + 90, 560], outline="#023047", width=6)
        draw.line([x + 45, 440, x + 45, 470], fill="#023047", width=6)
    draw.polygon([(140, 560), (470, 560), (420, 620), (190, 620)], fill="#8d5524")
    draw.line([300, 560, 300, 430], fill="#5e3023", width=8)
    draw.polygon([(305, 440), (420, 540), (305, 540)], fill="#ffb703")
    for x, y in [(220, 670), (520, 650), (800, 680)]:
        draw.ellipse([x, y, x + 70, y + 30], fill="#fb8500")
        draw.polygon([(x, y + 15), (x - 25, y), (x - 25, y + 30)], fill="#fb8500")


def _forest(draw: Draw) -> None:
    _hills(draw, "#386641")
    draw.rectangle([0, GROUND, WIDTH, BAND], fill="#6a994e")
    for x in range(40, WIDTH, 110):
        top = 260 + (x * 37) % 90
        draw.rectangle([x + 42, GROUND - 40, x + 58, GROUND + 10], fill="#5e3023")
        draw.polygon([(x, GROUND - 30), (x + 50, top), (x + 100, GROUND - 30)], fill="#1b4332")
    for x in range(60, WIDTH, 90):
        for y in (600, 660):
            draw.ellipse([x, y, x + 46, y + 30], fill="#b5e48c")


def _garden(draw: Draw) -> None:
    _sun(draw, 1040, 130)
    draw.rectangle([0, 330, WIDTH, BAND], fill="#99582a")
    for i, y in enumerate(range(360, BAND - 20, 70)):
        draw.rectangle([0, y + 40, WIDTH, y + 60], fill="#7f4f24")
        for x in range(30 + 40 * (i % 2), WIDTH, 90):
            draw.ellipse([x, y, x + 60, y + 45], fill=["#52b788", "#95d5b2", "#2d6a4f"][i % 3])
    for x in range(0, WIDTH + 1, 300):
        draw.arc([x - 150, 120, x + 150, 560], 180, 360, fill="#e0e1dd", width=6)


def _baskets(draw: Draw) -> None:
    draw.rectangle([0, 0, WIDTH, BAND], fill="#fefae0")
    draw.rectangle([0, GROUND, WIDTH, BAND], fill="#dda15e")
    for x, y, w in [(140, 380, 260), (460, 300, 320), (830, 390, 240)]:
        box = [x, y, x + w, GROUND + 60]
        draw.rounded_rectangle(box, radius=60, fill="#bc6c25")
        for k in range(x + 20, x + w, 28):
            draw.line([k, y + 10, k, GROUND + 50], fill="#f4d58d", width=5)
        for k in range(y + 25, GROUND + 50, 30):
            draw.line([x + 12, k, x + w - 12, k], fill="#8a5a2b", width=5)
        draw.ellipse([x, y - 25, x + w, y + 25], fill="#8a5a2b")


def _stage(draw: Draw) -> None:
    draw.rectangle([0, 0, WIDTH, BAND], fill="#22223b")
    for x, colour in [(250, "#fff3b0"), (950, "#fff3b0")]:
        draw.polygon([(x, 0), (x - 160, GROUND), (x + 160, GROUND)], fill="#4a4e69")
        draw.ellipse([x - 30, -30, x + 30, 30], fill=colour)
    draw.rectangle([0, 0, 160, BAND], fill="#9d0208")
    draw.rectangle([WIDTH - 160, 0, WIDTH, BAND], fill="#9d0208")
    draw.rectangle([260, 70, 940, 150], fill="#d00000")
    draw.rectangle([300, 98, 900, 122], fill="#ffba08")
    draw.rectangle([0, GROUND, WIDTH, BAND], fill="#6f1d1b")
    for x, colour in [(420, "#f48c06"), (600, "#48cae4"), (780, "#f48c06")]:
        _person(draw, x, 440, colour, 1.2)


def _savings(draw: Draw) -> None:
    draw.rectangle([0, 0, WIDTH, BAND], fill="#fdf0d5")
    draw.ellipse([250, 380, 950, 680], fill="#c9a227")
    draw.ellipse([300, 410, 900, 650], fill="#e9c46a")
    for i, x in enumerate(range(380, 840, 120)):
        for k in range(3 + i % 3):
            draw.ellipse(
                [x, 470 - 22 * k, x + 80, 500 - 22 * k], fill="#f6bd60", outline="#bc6c25", width=4
            )
    draw.rectangle([520, 520, 700, 600], fill="#ffffff", outline="#6c584c", width=5)
    for angle, x in enumerate(range(150, WIDTH, 240)):
        _person(
            draw, x, 300 if angle % 2 else 280, ["#e76f51", "#2a9d8f", "#6d597a"][angle % 3], 1.1
        )


def _poultry(draw: Draw) -> None:
    _sun(draw, 1030, 140)
    draw.rectangle([0, GROUND - 60, WIDTH, BAND], fill="#b5c99a")
    draw.rectangle([60, 260, 420, GROUND - 20], fill="#dda15e")
    draw.polygon([(30, 270), (240, 170), (450, 270)], fill="#9c6644")
    draw.rectangle([200, 360, 280, GROUND - 20], fill="#6f4518")
    for n, (x, y) in enumerate([(520, 540), (700, 610), (860, 530), (1000, 620), (330, 610)]):
        body = ["#fefae0", "#bc6c25", "#fefae0"][n % 3]
        draw.ellipse([x, y, x + 110, y + 75], fill=body)
        draw.polygon([(x, y + 20), (x - 35, y - 15), (x + 10, y + 45)], fill=body)  # tail
        draw.ellipse([x + 80, y - 35, x + 125, y + 10], fill=body)  # head
        draw.polygon([(x + 90, y - 35), (x + 100, y - 52), (x + 112, y - 35)], fill="#d00000")
        draw.polygon([(x + 123, y - 18), (x + 142, y - 10), (x + 123, y - 4)], fill="#f4a261")
        for leg in (x + 40, x + 70):
            draw.line([leg, y + 72, leg, y + 100], fill="#f4a261", width=6)


MOTIFS: dict[str, Callable[[Draw], None]] = {
    "poultry": _poultry,
    "rice": _rice,
    "cattle": _cattle,
    "house": _house,
    "loudspeaker": _loudspeaker,
    "meeting": _meeting,
    "training": _training,
    "lagoon": _lagoon,
    "forest": _forest,
    "garden": _garden,
    "baskets": _baskets,
    "stage": _stage,
    "savings": _savings,
}


@dataclass(frozen=True)
class Picture:
    key: str  # how pages name it, and its file's name
    motif: str  # the scene drawn, a key of MOTIFS
    title: str
    description: str  # the alt text: what the picture shows
    label: str  # the caption band's text
    sky: str = "#cde7f0"
    poster: bool = False
    text: str = ""  # a poster's message, under its picture


def draw_picture(picture: Picture) -> bytes:
    """The picture as PNG bytes: the scene, its caption band and a “DEMO” badge."""
    scene = PILImage.new("RGB", (WIDTH, HEIGHT), picture.sky)
    draw = ImageDraw.Draw(scene)
    MOTIFS[picture.motif](draw)
    if picture.poster:
        image = PILImage.new("RGB", (800, 1130), "#fdf0d5")
        image.paste(scene.crop((0, 0, WIDTH, BAND)).resize((800, 477)), (0, 330))
        draw = ImageDraw.Draw(image)
        draw.rectangle([0, 0, 800, 330], fill="#c1121f")
        y = 110
        for line in _wrap(picture.label, 52, 700):
            _text(draw, (50, y), line, 52, "#ffffff")
            y += 66
        draw.rectangle([0, 807, 800, 1130], fill="#003049")
        y = 850
        for line in _wrap(picture.text, 30, 700):
            _text(draw, (50, y), line, 30, "#ffffff")
            y += 42
    else:
        image = scene
        draw.rectangle([0, BAND, WIDTH, HEIGHT], fill="#1d3557")
        _text(draw, (40, BAND + 22), picture.label, 38, "#ffffff")
    # In the bottom band, clear of every scene.
    w, h = image.size
    draw.rounded_rectangle([w - 170, h - 70, w - 24, h - 14], radius=12, fill="#ffd166")
    _text(draw, (w - 150, h - 60), "DEMO", 32, "#000000")
    buffer = io.BytesIO()
    # Flat colours: a 64-colour palette keeps each file near 10 KB; the fast
    # quantizer takes a fortieth of the default's time on these pictures.
    image.quantize(colors=64, method=PILImage.Quantize.FASTOCTREE).save(buffer, format="PNG")
    return buffer.getvalue()


def _wrap(text: str, size: int, width: int) -> list[str]:
    font, _ = _font(size)
    lines: list[str] = []
    for word in text.split():
        if lines and font.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def ensure_pictures(pictures: list[Picture]) -> dict[str, object]:
    """The Wagtail images of ``pictures``, by key: found by title, drawn when missing."""
    Image = get_image_model()
    folder = collection(COLLECTION)
    images = {}
    for picture in pictures:
        image = Image.objects.filter(collection=folder, title=picture.title).first()
        if image is None or not image.file.storage.exists(image.file.name):
            image = image or Image(title=picture.title, collection=folder)
            data = draw_picture(picture)
            image.file = ImageFile(io.BytesIO(data), name=f"demo-{picture.key}.png")
            image.file_size = len(data)
            image.file_hash = hash_filelike(io.BytesIO(data))
            image.description = picture.description
            image.save()
            wrote(image)
        elif image.description != picture.description:
            image.description = picture.description
            image.save(update_fields=["description"])
            wrote(image)
        images[picture.key] = image
    return images


# The pictures every demo page picks from; alt texts say what each shows.
PICTURES = [
    Picture(
        "rice",
        "rice",
        "Ảnh minh họa: cánh đồng lúa",
        "Tranh minh họa cánh đồng lúa chín dưới chân đồi, mặt trời buổi sáng.",
        "Ảnh minh họa · Cánh đồng lúa",
    ),
    Picture(
        "cattle",
        "cattle",
        "Ảnh minh họa: nuôi bò sinh sản",
        "Tranh minh họa hai con bò trên bãi cỏ trước một chuồng bò mái ngói.",
        "Ảnh minh họa · Nuôi bò sinh sản",
    ),
    Picture(
        "poultry",
        "poultry",
        "Ảnh minh họa: nuôi gà thả vườn",
        "Tranh minh họa đàn gà trắng và nâu đang kiếm ăn trước một chuồng gà mái ngói.",
        "Ảnh minh họa · Nuôi gà thả vườn",
    ),
    Picture(
        "house",
        "house",
        "Ảnh minh họa: nhà ở cho hộ nghèo",
        "Tranh minh họa một ngôi nhà mới mái đỏ, hai bên có cây xanh.",
        "Ảnh minh họa · Nhà ở cho hộ nghèo",
    ),
    Picture(
        "loudspeaker",
        "loudspeaker",
        "Ảnh minh họa: loa truyền thanh thôn",
        "Tranh minh họa cụm loa truyền thanh trên cột cao giữa xóm, sóng âm lan ra hai phía.",
        "Ảnh minh họa · Đài truyền thanh cơ sở",
    ),
    Picture(
        "meeting",
        "meeting",
        "Ảnh minh họa: hội nghị, đối thoại",
        "Tranh minh họa hội trường có băng rôn đỏ, bàn chủ tọa ba người và hai hàng đại biểu.",
        "Ảnh minh họa · Hội nghị, đối thoại",
        sky="#f1e3c8",
    ),
    Picture(
        "training",
        "training",
        "Ảnh minh họa: lớp tập huấn",
        "Tranh minh họa giảng viên đứng cạnh bảng đen, học viên ngồi thành hàng.",
        "Ảnh minh họa · Tập huấn cán bộ",
    ),
    Picture(
        "lagoon",
        "lagoon",
        "Ảnh minh họa: nuôi cá lồng trên phá",
        "Tranh minh họa mặt phá xanh với thuyền buồm vàng, dãy lồng nuôi cá và đàn cá cam.",
        "Ảnh minh họa · Nuôi cá lồng trên phá",
    ),
    Picture(
        "forest",
        "forest",
        "Ảnh minh họa: rừng và cây dược liệu",
        "Tranh minh họa hàng cây rừng xanh thẫm trên đồi, phía trước là luống cây dược liệu.",
        "Ảnh minh họa · Trồng rừng, cây dược liệu",
    ),
    Picture(
        "garden",
        "garden",
        "Ảnh minh họa: vườn rau trong nhà lưới",
        "Tranh minh họa các luống rau xanh trên đất nâu dưới khung nhà lưới.",
        "Ảnh minh họa · Vườn rau an toàn",
    ),
    Picture(
        "baskets",
        "baskets",
        "Ảnh minh họa: sản phẩm đan lát",
        "Tranh minh họa ba chiếc giỏ tre đan màu nâu vàng.",
        "Ảnh minh họa · Làng nghề đan lát",
        sky="#fefae0",
    ),
    Picture(
        "stage",
        "stage",
        "Ảnh minh họa: sân khấu, hội thi",
        "Tranh minh họa sân khấu có màn đỏ, đèn chiếu và ba người biểu diễn.",
        "Ảnh minh họa · Sân khấu hóa, hội thi",
    ),
    Picture(
        "savings",
        "savings",
        "Ảnh minh họa: tổ tiết kiệm",
        "Tranh minh họa năm người quanh chiếc bàn tròn có những chồng tiền xu và cuốn sổ.",
        "Ảnh minh họa · Tổ tiết kiệm và vay vốn",
        sky="#fdf0d5",
    ),
    Picture(
        "poster-chung-tay",
        "house",
        "Áp phích: Cả nước chung tay vì người nghèo",
        "Áp phích: dòng chữ “Cả nước chung tay vì người nghèo – Không để ai bị bỏ lại phía "
        "sau” trên nền đỏ, tranh một ngôi nhà mới mái đỏ, và lời kêu gọi ủng hộ Quỹ Vì người "
        "nghèo.",
        "Cả nước chung tay vì người nghèo – Không để ai bị bỏ lại phía sau",
        poster=True,
        text="Mỗi tấm lòng, một mái ấm. Hãy ủng hộ Quỹ Vì người nghèo tại Ủy ban Mặt trận Tổ "
        "quốc xã, phường nơi bạn sống.",
    ),
    Picture(
        "poster-truyen-thanh",
        "loudspeaker",
        "Áp phích: Nghe chương trình giảm nghèo trên đài truyền thanh",
        "Áp phích: dòng chữ “Nghe chương trình giảm nghèo trên đài truyền thanh xã” trên nền "
        "đỏ, tranh cụm loa truyền thanh giữa xóm, và lời mời nghe lại chương trình trên Trang "
        "thông tin.",
        "Nghe chương trình giảm nghèo trên đài truyền thanh xã",
        poster=True,
        text="Mỗi tuần một chương trình về chính sách, mô hình hay, gương thoát nghèo. Nghe lại "
        "tại mục Thư viện truyền thông của Trang thông tin điện tử về giảm nghèo.",
    ),
]
