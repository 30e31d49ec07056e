"""The admin shows no English, to the eye or to a screen reader: a crawl, not a list.

On the whole demo data set each role signs in and opens the dashboard, every
entry of its menu, and from each listing the first record's edit, inspect,
history and add screens. On every screen the browser tab's title, the visible
text, and what a screen reader says (hidden ``w-sr-only`` text, ``aria-label``,
``title``, ``alt``, a button's value) are checked for English words that
Wagtail or a template left behind: "snippet", "None", "True", "False",
"Wagtail", "Actions"… A new screen is covered as soon as a menu leads to it.
"""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from django.db import transaction

from giamngheo.accounts.models import User
from tests.conftest import ensure_hue_units, ensure_migration_rows
from tests.snapshots import restore_demo

pytestmark = [pytest.mark.slow, pytest.mark.django_db]

ROLES = ("quantri", "tinh", "lanhdao", "huyen", "xa", "bientap", "duyetbai")
# Words an untranslated Wagtail or Django string, or a raw Python value, shows.
# Vietnamese has none of them (a name like "An" or a word like "to" is not listed).
# A word inside a code or slug ("support-not-received") is data, not a sentence.
ENGLISH = re.compile(
    r"(?i:(?<![\w-])snippets?(?![\w-]))|(?<![\w-])("
    r"None|True|False|Wagtail|Actions?|Search|Dashboard|Edit|Delete|Add|Help|Settings"
    r"|Reports?|Users?|Groups?|Pages?|Images?|Documents?|Filters?|Sort|Cancel|Save|Publish"
    r"|Unpublish|Submit|Resubmit|Approve|Reject|Select|Close|Previous|Next|Yes|No|Live"
    r"|Draft|Status|Name|Title|Updated|Preview|History|Copy|Inspect|View|Export|Download"
    r"|Upload|Choose|Clear|Apply|Show|Hide|Toggle|Loading|Error|Warning|Sorry|Locked"
    r"|Workflow|Task|Guide|Account|Unknown|More|Log out|Sign in|Home|Shortcuts"
    r"|the|and|of|for|with|your|this|is|are|has|been|not|selected|options|items?"
    r")(?![\w-])"
)
# What a screen reader reads from attributes; a <button>'s value is not read.
READ_ATTRIBUTES = ("aria-label", "aria-description", "title", "alt", "placeholder")
# Addresses that download a file or act instead of showing a screen.
SKIPPED = re.compile(r"logout|export=|\.xlsx|\.pdf|\.csv|/mau/|import-template|/download")
RECORD_SCREENS = ("/edit/", "/inspect/", "/history/", "/add/")
# Screens of the system administrator that still show English, and why (see README).
KNOWN_ENGLISH = {
    # Wagtail labels the page chooser on these forms "Page" (a field name) and lists its
    # own permissions under "Wagtail core". Permission names themselves are Vietnamese:
    # tests/accounts/test_permission_names.py.
    "/admin/groups/": "the page chooser's label, Wagtail's app name",
    "/admin/workflows/": "the page chooser's label",
}


def english_on(html: str) -> list[str]:
    """Each English word of the page, with where it was and its neighbourhood."""
    soup = BeautifulSoup(html, "html.parser")
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    texts = [("title", title)]
    for tag in soup(["script", "style"]):
        tag.decompose()
    for element in soup.find_all(True):
        for name in READ_ATTRIBUTES:
            if isinstance(element.get(name), str):
                texts.append((name, element[name]))
        if element.name == "input" and element.get("type") in ("submit", "button", "reset"):
            texts.append(("button", element.get("value", "")))
    texts.append(("text", soup.get_text(" ", strip=True)))
    found = []
    for where, text in texts:
        for match in ENGLISH.finditer(text):
            start, end = max(0, match.start() - 40), match.end() + 40
            found.append(f"[{where}] {match.group(0)!r} in …{text[start:end]}…")
    return found


def menu_addresses(html: str) -> list[str]:
    """The dashboard and every entry of the admin menu (the sidebar's JSON props)."""
    props = BeautifulSoup(html, "html.parser").find(id="wagtail-sidebar-props")
    urls = re.findall(r'"url":\s*"(/admin/[^"]*)"', props.string if props else "")
    return ["/admin/", *sorted({url for url in urls if not SKIPPED.search(url)})]


def record_addresses(html: str) -> list[str]:
    """The first edit, inspect, history and add screens a listing links to, the first
    record its table links to (a custom screen such as a feedback case), and the
    screens its header's buttons open (enter a week, import a file)."""
    soup = BeautifulSoup(html, "html.parser")
    first: dict[str, str] = {}
    for link in soup.select("header a[href^='/admin/'], #w-slim-header-buttons a[href^='/admin/']"):
        if "?" not in link["href"] and not SKIPPED.search(link["href"]):
            first.setdefault(link["href"], link["href"])
    for link in soup.select("main a[href^='/admin/']"):
        href = link["href"]
        for screen in RECORD_SCREENS:
            if screen in href and screen not in first and not SKIPPED.search(href):
                first[screen] = href
    for link in soup.select("main table tbody a[href^='/admin/']"):
        if "?" not in link["href"] and not SKIPPED.search(link["href"]):
            first["row"] = link["href"]
            break
    return list(dict.fromkeys(first.values()))


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo data, once for the module, rolled back at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        ensure_hue_units()
        ensure_migration_rows()
        restore_demo("whole")
        yield
        transaction.set_rollback(True)


@pytest.mark.parametrize("username", ROLES)
def test_no_admin_screen_of_the_role_shows_english(client, demo, username):
    client.force_login(User.objects.get(username=username))
    menu = menu_addresses(client.get("/admin/").content.decode())
    assert len(menu) > 3, "the role sees its menu"
    addresses, found = list(menu), {}
    for address in addresses:
        if address.startswith(tuple(KNOWN_ENGLISH)):
            continue
        response = client.get(address)
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            continue
        html = response.content.decode()
        if address in menu:
            addresses += [a for a in record_addresses(html) if a not in addresses]
        if words := english_on(html):
            found[address] = words
    assert found == {}


def test_the_check_finds_what_wagtail_shows_untranslated():
    # Wagtail's own markup, as it was before the project's templates replaced it.
    html = """<html><head><title>Kế hoạch - Wagtail</title></head><body>
        <nav aria-label="Actions"></nav>
        <td><svg class="icon icon-check"></svg><span class="w-sr-only">True</span></td>
        <td>None</td><p>Xóa các đoạn nội dung (snippet) đã chọn</p>
        <input type="submit" value="Search"><button value="Add">Thêm</button>
        </body></html>"""
    found = " ".join(english_on(html))
    for word in ("[title] 'Wagtail'", "[aria-label] 'Actions'", "'True'", "'None'", "'snippet'"):
        assert word in found
    assert "[button] 'Search'" in found
    assert "'Add'" not in found  # a <button>'s value is never shown nor read
    assert english_on("<title>Kế hoạch - Giảm nghèo</title><p>Nguyễn Văn An, to</p>") == []
    assert english_on("<td>support-not-received</td>") == []


@pytest.mark.parametrize("address", ["/admin/login/", "/admin/password_reset/", "/admin/khong-co/"])
def test_the_screens_before_signing_in_show_no_english(client, address):
    response = client.get(address, follow=True)
    assert english_on(response.content.decode()) == []
