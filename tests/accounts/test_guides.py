"""Help in the admin leads each role to its own short Vietnamese guide (docs/guides/)."""

import json
import re

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from giamngheo.accounts.guides import GUIDES, render

ROLE_GUIDE = {
    "commune_officer": "can-bo-xa",
    "district_officer": "can-bo-xa",
    "province_staff": "can-bo-tinh",
    "leader": "lanh-dao",
    "editor": "bien-tap-vien",
    "approver": "bien-tap-vien",
}


def help_menu(client) -> list[tuple[str, str]]:
    """(label, url) of the Help submenu of the admin's sidebar."""
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    props = BeautifulSoup(html, "html.parser").find(id="wagtail-sidebar-props").string
    for item in json.loads(props)["modules"][-1]["_args"][0]:
        args = item["_args"]
        if args[0]["name"] == "help":
            return [(child["_args"][0]["label"], child["_args"][0]["url"]) for child in args[1]]
    return []


@pytest.mark.parametrize("role", ROLE_GUIDE)
def test_the_help_menu_opens_the_guide_of_the_users_role(client, hue_units, role):
    from tests.accounts.factories import UserFactory

    client.force_login(UserFactory(role=role))
    menu = help_menu(client)
    urls = [url for _label, url in menu]
    assert urls[0] == reverse("accounts_guide", args=[ROLE_GUIDE[role]])
    assert not any("wagtail.org" in url for url in urls), "no English guide of Wagtail's"

    page = client.get(urls[0])
    assert page.status_code == 200
    html = page.content.decode()
    guide = next(g for g in GUIDES if g.slug == ROLE_GUIDE[role])
    assert f"<title>{guide.title} - " in html
    assert "<h2>" in html and "<strong>" in html
    # The guide's own text in the page, with no Markdown syntax left over.
    main = BeautifulSoup(html, "html.parser").find(class_="help-guide").get_text()
    assert not re.search(r"\*\*|^#|\]\(", main, re.M)


def test_the_dashboard_links_to_the_users_guide_not_wagtails(client, commune_officer):
    client.force_login(commune_officer)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert f'href="{reverse("accounts_guides")}"' in html
    assert "editor guide" not in html.lower() and "guide.wagtail.org" not in html
    assert client.get(reverse("accounts_guides")).context["guide"].slug == "can-bo-xa"


def test_every_guide_is_short_and_listed_for_everyone(client, leader):
    client.force_login(leader)
    html = client.get(reverse("accounts_guides")).content.decode()
    for guide in GUIDES:
        assert len(guide.path.read_text().split()) < 600, f"{guide.slug} is a short guide"
        if guide.slug != "lanh-dao":
            assert reverse("accounts_guide", args=[guide.slug]) in html
    assert client.get(reverse("accounts_guide", args=["khong-co"])).status_code == 404


def test_the_guides_markdown_is_escaped_and_rendered():
    html = render("## Bước\n\n1. Bấm **Lưu** <b>\n2. `Gửi`\n\n- [Xem](/admin/kpi/)\n")
    assert html == (
        "<h2>Bước</h2>\n<ol>\n<li>Bấm <strong>Lưu</strong> &lt;b&gt;</li>\n"
        '<li><code>Gửi</code></li>\n</ol>\n<ul>\n<li><a href="/admin/kpi/">Xem</a></li>\n</ul>'
    )
    assert "<a" not in render("[x](javascript:alert(1))"), "links go to the admin only"
