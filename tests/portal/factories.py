"""Portal pages for tests, built under the sections ``ensure_portal()`` creates.

Each factory adds its page as a child of its section and publishes it through a
revision, as an editor's approved page would be; ``live=False`` leaves a draft
that was never published. A ``parent`` argument puts the page elsewhere.

    story = StoryPageFactory(unit=unit("19942"), figures=[("Thu nhập", "60 triệu đồng")])
    EventPageFactory(starts_at=timezone.now() + timedelta(days=3))
    ArticlePageFactory(title="Hội nghị sơ kết", date=date(2024, 5, 3))
"""

from __future__ import annotations

import datetime

import factory
from django.utils import timezone
from django.utils.text import slugify
from wagtail.images import get_image_model
from wagtail.models import Page

from giamngheo.core.text import fold
from giamngheo.portal.events import EventIndexPage, EventKind, EventPage
from giamngheo.portal.news import ArticlePage, NewsIndexPage
from giamngheo.portal.services import ensure_portal
from giamngheo.portal.stories import StoryFigure, StoryIndexPage, StoryKind, StoryPage, StoryPhoto
from tests.conftest import unit

PHU_DA = "19942"  # Thị trấn Phú Đa, Huyện Phú Vang (2021 map)


class ImageFactory(factory.django.DjangoModelFactory):
    """A small real picture with its alt text (the description editors must fill in)."""

    class Meta:
        model = get_image_model()

    title = factory.Sequence(lambda n: f"Ảnh số {n}")
    description = factory.LazyAttribute(lambda image: f"Mô tả {image.title.lower()}")
    file = factory.django.ImageField(width=640, height=400, color="#2e7d32")


class PortalPageFactory(factory.Factory):
    """Adds the page under its section (or ``parent``) and publishes it unless ``live=False``."""

    class Meta:
        abstract = True

    _section: type[Page]  # the section page type; "_" keeps it out of the fields

    title = factory.Sequence(lambda n: f"Trang số {n}")
    slug = factory.LazyAttribute(lambda page: slugify(fold(page.title)))

    @classmethod
    def _create(cls, model_class, *args, parent: Page | None = None, live: bool = True, **kwargs):
        if parent is None:
            ensure_portal()
            parent = cls._section.objects.get()
        page = parent.add_child(instance=model_class(live=False, **kwargs))
        revision = page.save_revision()
        if live:
            revision.publish()
            page.refresh_from_db()
        return page


class StoryPageFactory(PortalPageFactory):
    """A story or model; ``figures`` as (what, figure) pairs, ``photos`` as (image, caption)."""

    class Meta:
        model = StoryPage

    _section = StoryIndexPage

    title = factory.Sequence(lambda n: f"Mô hình nuôi bò sinh sản số {n}")
    kind = StoryKind.MODEL
    unit = factory.LazyFunction(lambda: unit(PHU_DA))
    year = 2023
    summary = factory.LazyAttribute(lambda story: f"Tóm tắt: {story.title}.")
    body = "<p>Hộ nghèo được hỗ trợ con giống, tập huấn kỹ thuật và vay vốn ưu đãi.</p>"

    @classmethod
    def _create(cls, model_class, *args, figures=(), photos=(), **kwargs):
        # Child rows go on the page before it is saved: the revision then holds them too.
        kwargs["figures"] = [
            StoryFigure(label=label, value=value, sort_order=i)
            for i, (label, value) in enumerate(figures)
        ]
        kwargs["photos"] = [
            StoryPhoto(image=image, caption=caption, sort_order=i)
            for i, (image, caption) in enumerate(photos)
        ]
        return super()._create(model_class, *args, **kwargs)


class EventPageFactory(PortalPageFactory):
    """An event a week from now, for two hours, unless told otherwise."""

    class Meta:
        model = EventPage

    _section = EventIndexPage

    title = factory.Sequence(lambda n: f"Hội nghị tuyên truyền giảm nghèo số {n}")
    kind = EventKind.CONFERENCE
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    ends_at = factory.LazyAttribute(lambda event: event.starts_at + datetime.timedelta(hours=2))
    place = "Hội trường Ủy ban nhân dân tỉnh"
    organiser = "Sở Lao động - Thương binh và Xã hội"
    summary = "Hội nghị triển khai công tác truyền thông về giảm nghèo bền vững."


class ArticlePageFactory(PortalPageFactory):
    class Meta:
        model = ArticlePage

    _section = NewsIndexPage

    title = factory.Sequence(lambda n: f"Tin giảm nghèo số {n}")
    date = datetime.date(2024, 5, 3)
    author = "Phóng viên"
    lead = factory.LazyAttribute(lambda article: f"Tóm tắt: {article.title}")
