"""The media library (thư viện): radio programmes, TV reports, publications, posters.

Files are Wagtail documents, so commune radio stations download them from
their page; the radio programmes also make a podcast feed (see podcast.py).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from .base import PortalPage
from .podcast import PodcastFeed


class MediaKind(models.TextChoices):
    RADIO = "radio", _("Radio programme")
    VIDEO = "video", _("TV report or video")
    PUBLICATION = "publication", _("Publication")
    POSTER = "poster", _("Poster")


# What a file of each kind may be (by extension): players and podcast apps need these.
FILE_EXTENSIONS = {
    MediaKind.RADIO: {"mp3", "m4a", "aac", "ogg", "oga", "opus", "wav"},
    MediaKind.VIDEO: {"mp4", "webm", "ogv"},
    MediaKind.PUBLICATION: {"pdf"},
    MediaKind.POSTER: {"pdf", "png", "jpg", "jpeg"},
}


class MediaItemPage(PortalPage):
    kind = models.CharField(_("kind"), max_length=20, choices=MediaKind.choices)
    date = models.DateField(_("date"), default=timezone.localdate)
    unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("producing unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="media_items",
    )
    summary = models.TextField(_("summary"), blank=True)
    file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Audio (MP3, M4A, OGG, WAV), video (MP4, WebM) or PDF."),
    )
    video_url = models.URLField(
        _("video address"),
        blank=True,
        help_text=_("Instead of a file: the address of the video on a video site."),
    )
    duration = models.PositiveIntegerField(
        _("duration in seconds"), null=True, blank=True, help_text=_("For audio and video.")
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover or poster image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = RichTextField(_("content or transcript"), blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("kind"), FieldPanel("date"), FieldPanel("unit"), FieldPanel("duration")],
            heading=_("Media"),
        ),
        FieldPanel("summary"),
        FieldPanel("file"),
        FieldPanel("video_url"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    search_text_fields = ("summary", "body")
    search_fields = [
        *PortalPage.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("date"),
    ]
    parent_page_types = ["portal.MediaLibraryPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("media item")
        verbose_name_plural = _("media items")

    def clean(self) -> None:
        super().clean()
        if self.kind == MediaKind.POSTER:
            if not (self.image or self.file):
                raise ValidationError({"image": _("A poster needs its image or its file.")})
        elif self.kind == MediaKind.VIDEO:
            if not (self.file or self.video_url):
                raise ValidationError({"file": _("A video needs a file or a video address.")})
        elif self.kind and not self.file:
            raise ValidationError({"file": _("Choose the file of this item.")})
        if self.file and self.kind:
            allowed = FILE_EXTENSIONS[MediaKind(self.kind)]
            if self.file.file_extension.lower() not in allowed:
                raise ValidationError(
                    {
                        "file": _("%(kind)s must be one of these file types: %(types)s.")
                        % {
                            "kind": MediaKind(self.kind).label,
                            "types": ", ".join(sorted(allowed)).upper(),
                        }
                    }
                )

    def summary_text(self) -> str:
        return self.search_description or self.summary

    @property
    def is_audio(self) -> bool:
        return self.kind == MediaKind.RADIO and self.file is not None

    @property
    def is_video_file(self) -> bool:
        return self.kind == MediaKind.VIDEO and self.file is not None

    @property
    def duration_text(self) -> str:
        """The duration as a clock reads it: "12:05", "1:02:03"."""
        if not self.duration:
            return ""
        hours, rest = divmod(self.duration, 3600)
        minutes, seconds = divmod(rest, 60)
        return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


class MediaLibraryPage(RoutablePageMixin, PortalPage):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["portal.MediaItemPage"]
    max_count = 1
    per_page = 20

    class Meta:
        verbose_name = _("media library")

    def items(self, params) -> models.QuerySet[MediaItemPage]:
        items = (
            MediaItemPage.objects.live()
            .public()
            .child_of(self)
            .select_related("file", "image", "unit")
            .order_by("-date", "-pk")
        )
        if params.get("kind") in MediaKind.values:
            items = items.filter(kind=params["kind"])
        return items

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        kind = request.GET.get("kind")
        context.update(
            page_obj=Paginator(self.items(request.GET), self.per_page).get_page(
                request.GET.get("page")
            ),
            kinds=MediaKind.choices,
            current_kind=kind if kind in MediaKind.values else "",
            filters=request.GET,
        )
        return context

    def radio_episodes(self) -> models.QuerySet[MediaItemPage]:
        """The podcast's episodes: live, public radio programmes with their file."""
        return (
            MediaItemPage.objects.live()
            .public()
            .child_of(self)
            .filter(kind=MediaKind.RADIO, file__isnull=False)
            .select_related("file", "unit")
            .order_by("-date", "-pk")
        )

    # Wagtail serves page routes only on addresses without dots: "podcast/", not ".xml".
    @path("podcast/", name="podcast")
    def podcast(self, request):
        return PodcastFeed()(request, self)
