"""The short user guides of each role, kept as Markdown in ``docs/guides/``.

The admin's Help menu and the dashboard's account summary point at the guide
of the signed-in user's role instead of Wagtail's English editor guide. The
guides are written in a small subset of Markdown (headings, paragraphs, lists,
**bold**, `code`, [links](/admin/...)) that ``render`` turns into HTML here, so
no Markdown library is needed for four short pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .roles import ROLES

GUIDES_DIR = Path(settings.BASE_DIR) / "docs" / "guides"


@dataclass(frozen=True)
class Guide:
    slug: str
    roles: tuple[str, ...]  # role codes of ``accounts.roles``

    @property
    def path(self) -> Path:
        return GUIDES_DIR / f"{self.slug}.md"

    def _lines(self) -> list[str]:
        return self.path.read_text(encoding="utf-8").strip().splitlines()

    @property
    def title(self) -> str:
        """The guide's first heading: the page's title and the menu's label."""
        return self._lines()[0].lstrip("#").strip()

    def html(self) -> SafeString:
        return render("\n".join(self._lines()[1:]))


# A district officer enters and follows data as a commune officer does, for a
# district and its communes: the commune guide says where the two differ.
GUIDES = [
    Guide("can-bo-xa", ("commune_officer", "district_officer")),
    Guide("can-bo-tinh", ("province_staff", "system_admin")),
    Guide("lanh-dao", ("leader",)),
    Guide("bien-tap-vien", ("editor", "approver")),
]
GUIDE_BY_SLUG = {guide.slug: guide for guide in GUIDES}


def guides_for(user) -> list[Guide]:
    """The guides of the user's roles, the first one being the one to open."""
    names = set(user.groups.values_list("name", flat=True))
    codes = {role.code for role in ROLES if role.name in names}
    if user.is_superuser:
        codes.add("system_admin")
    return [guide for guide in GUIDES if codes & set(guide.roles)]


_INLINE = [
    (re.compile(r"`([^`]+)`"), r"<code>\1</code>"),
    (re.compile(r"\*\*([^*]+)\*\*"), r"<strong>\1</strong>"),
    # Links to the admin or to another guide only: the guides are ours, not user input.
    (re.compile(r"\[([^\]]+)\]\((/[^)\s]*)\)"), r'<a href="\2">\1</a>'),
]


def _inline(text: str) -> str:
    html = escape(text)
    for pattern, replacement in _INLINE:
        html = pattern.sub(replacement, html)
    return html


_HEADING = re.compile(r"^(#{1,4})\s+(.*)$")
_BULLET = re.compile(r"^[-*]\s+(.*)$")
_NUMBERED = re.compile(r"^\d+\.\s+(.*)$")


def render(markdown: str) -> SafeString:
    """HTML of the Markdown subset the guides use; every text is escaped first."""
    out: list[str] = []
    paragraph: list[str] = []
    list_tag = ""

    def close() -> None:
        nonlocal list_tag
        if paragraph:
            out.append(f"<p>{_inline(' '.join(paragraph))}</p>")
            paragraph.clear()
        if list_tag:
            out.append(f"</{list_tag}>")
            list_tag = ""

    for raw in markdown.splitlines():
        line = raw.strip()
        heading = _HEADING.match(line)
        item = _BULLET.match(line) or _NUMBERED.match(line)
        if not line or heading:
            close()
            if heading:
                # The page's title is its only h1 (the guide's first line).
                level = max(len(heading.group(1)), 2)
                out.append(f"<h{level}>{_inline(heading.group(2))}</h{level}>")
        elif item:
            tag = "ul" if _BULLET.match(line) else "ol"
            if paragraph or list_tag != tag:
                close()
                out.append(f"<{tag}>")
                list_tag = tag
            out.append(f"<li>{_inline(item.group(1))}</li>")
        elif list_tag and raw.startswith("  ") and out[-1].endswith("</li>"):
            out[-1] = out[-1][: -len("</li>")] + " " + _inline(line) + "</li>"  # continued item
        else:
            if list_tag:
                close()
            paragraph.append(line)
    close()
    return mark_safe("\n".join(out))  # every text went through escape()
