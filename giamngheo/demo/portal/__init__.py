"""The portal's demo content: news, stories and models, the media library, events,
and the fixed pages' texts, in Vietnamese and labelled as demo data.

Everything is published through revisions, found again by its address on
the next load (and left alone when unchanged), and drawn from the ``rng``
passed in, so the same seed gives the same portal.  Pictures and sounds are
generated here (Pillow, ``wave``): nothing binary ships with the code.
"""

from __future__ import annotations

import random

from django.db import transaction

from giamngheo.portal.models import (
    EventIndexPage,
    MediaLibraryPage,
    NewsIndexPage,
    StoryIndexPage,
)
from giamngheo.portal.services import ensure_portal

from .articles import load_articles
from .artwork import PICTURES, ensure_pictures
from .events import load_events
from .library import load_library
from .publishing import indexing_once
from .sections import load_sections
from .stories import load_stories


@transaction.atomic
def load_portal(rng: random.Random) -> int:
    """Write the portal's demo content; returns how many pages it holds."""
    home = ensure_portal()
    with indexing_once():
        images = ensure_pictures(PICTURES)
        pages = [
            *load_articles(rng, NewsIndexPage.objects.child_of(home).get(), images),
            *load_stories(rng, StoryIndexPage.objects.child_of(home).get(), images),
            *load_library(rng, MediaLibraryPage.objects.child_of(home).get(), images),
            *load_events(rng, EventIndexPage.objects.child_of(home).get(), images),
        ]
        load_sections(home)
    return len(pages)
