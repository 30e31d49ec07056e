"""Writing the demo's pages: create each once, later touch it only when it differs.

Pages are found by their slug under their section, so loading again updates
them in place; a page whose content already matches gets no new revision,
and a second load therefore changes nothing.  Every write goes through a
revision that is published, as an approver's would.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.text import slugify
from modelsearch.backends import get_search_backends
from modelsearch.index import get_indexed_models
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import Collection, Page, ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from giamngheo.core.text import fold
from giamngheo.units.divisions import province_code
from giamngheo.units.models import Unit

# Content, not interface: the demo's label is written in Vietnamese, like the pages.
DEMO_NOTE = (
    "<p><em>Dữ liệu mẫu để trình diễn hệ thống: nhân vật, số liệu và sự việc trong bài "
    "là hư cấu.</em></p>"
)


def slug_for(title: str, limit: int = 80) -> str:
    """An ASCII page address from a Vietnamese title, cut at a word."""
    slug = slugify(fold(title))
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0]
    return slug


def at(day: datetime.date, hour: int = 8, minute: int = 0) -> datetime.datetime:
    """A time of day in Huế's time zone."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def unit_on(code: str, on: datetime.date) -> Unit:
    """The unit with this code in the map in force on ``on``."""
    units = Unit.objects.of_province(province_code(settings.PROVINCE_CODE))
    return units.in_force(on).get(code=code)


def collection(name: str) -> Collection:
    """A collection under the root one, created if missing."""
    root = Collection.get_first_root_node()
    found = root.get_children().filter(name=name).first()
    return found or root.add_child(name=name)


def _stored(obj: models.Model, name: str) -> Any:
    field = obj._meta.get_field(name)
    value = getattr(obj, field.attname)
    if hasattr(value, "get_prep_value"):  # a StreamField's value: compare its JSON
        return value.get_prep_value()
    return value


def _wanted(value: Any) -> Any:
    return value.pk if isinstance(value, models.Model) else value


def _matches(
    page: Page,
    fields: dict[str, Any],
    children: dict[str, list[dict[str, Any]]],
    tags: list[str] | None,
    published: datetime.datetime | None,
) -> bool:
    if any(_stored(page, name) != _wanted(value) for name, value in fields.items()):
        return False
    for relation, rows in children.items():
        keys = list(rows[0]) if rows else []
        have = [
            {key: _stored(child, key) for key in keys} for child in getattr(page, relation).all()
        ]
        if have != [{key: _wanted(value) for key, value in row.items()} for row in rows]:
            return False
    if tags is not None and sorted(page.tags.names()) != sorted(tags):
        return False
    return published is None or page.first_published_at == published


def _assign(
    page: Page,
    fields: dict[str, Any],
    children: dict[str, list[dict[str, Any]]],
) -> None:
    for name, value in fields.items():
        setattr(page, name, value)
    for relation, rows in children.items():
        model = page._meta.get_field(relation).related_model
        setattr(page, relation, [model(**row) for row in rows])


def upsert_page(
    parent: Page,
    model: type[Page],
    *,
    slug: str,
    fields: dict[str, Any],
    children: dict[str, list[dict[str, Any]]] | None = None,
    tags: list[str] | None = None,
    published: datetime.datetime | None = None,
) -> Page:
    """The page ``slug`` under ``parent`` with these contents, published.

    ``fields`` hold the page's own fields (the title included), ``children``
    its inline rows by relation name, ``published`` the first publication
    time shown in listings and the archive (the day the news came out, not
    the day the demo was loaded).
    """
    children = children or {}
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug)
        _assign(page, fields, children)
        page.first_published_at = published
        parent.add_child(instance=page)
    elif _matches(page, fields, children, tags, published):
        return page
    else:
        if published is not None and page.first_published_at != published:
            # Publishing keeps the live row's first publication time: set it there.
            model.objects.filter(pk=page.pk).update(first_published_at=published)
            page.first_published_at = published
        _assign(page, fields, children)
    return publish(page, tags=tags)


def update_page(page: Page, fields: dict[str, Any], children=None) -> Page:
    """A fixed page (the home page, a section) with these contents, published if changed."""
    page = page.specific
    children = children or {}
    if page.live_revision_id and _matches(page, fields, children, None, None):
        return page
    _assign(page, fields, children)
    return publish(page)


def publish(page: Page, *, tags: list[str] | None = None) -> Page:
    if tags is not None:
        page.tags.set(tags)
    # Publishing validates the page (as adding it did): once is enough.
    page.save_revision(clean=False).publish()
    wrote(page)
    return page


_written: ContextVar[list[models.Model] | None] = ContextVar("demo_written", default=None)


def wrote(obj: models.Model) -> None:
    """Note a page, image or document saved, for ``indexing_once`` to index."""
    written = _written.get()
    if written is not None:
        written.append(obj)


@contextmanager
def indexing_once() -> Iterator[None]:
    """Index what is written inside (pages, images, documents) once, at the end.

    Creating and publishing a page saves it three times, and every save
    re-indexes it for search and for the reference index (what uses an image
    or a document): that is most of the time a bulk load takes.  The usual
    remedy for bulk loads — no indexing while writing, then index what was
    written, a model at a time — keeps the demo to a few seconds.  The search
    signal handlers are process-wide, which is fine for the management
    command and tests that call this: nothing else writes meanwhile.
    """
    written: list[models.Model] = []
    token = _written.set(written)
    paused = [
        model
        for model in get_indexed_models()
        if post_save.disconnect(post_save_signal_handler, sender=model)
    ]
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in paused:
            post_save.connect(post_save_signal_handler, sender=model)
        _written.reset(token)
    by_type: dict[type[models.Model], set[int]] = defaultdict(set)
    for obj in written:
        by_type[type(obj)].add(obj.pk)
    for model, pks in by_type.items():
        objects = list(model.objects.filter(pk__in=pks))
        for backend in get_search_backends(with_auto_update=True):
            backend.add_bulk(model, objects)
        for obj in objects:
            ReferenceIndex.create_or_update_for_object(obj)
