"""Every wide-table scroll box can be reached and named by keyboard and screen-reader users.

axe (scrollable-region-focusable) flags a box only when its table overflows, which
depends on the data; this reads the templates themselves, so a new table is held to
the rule whatever the data of the browser tests.
"""

import re
from pathlib import Path

from django.conf import settings

SCROLL_BOX = re.compile(r'<div class="table-scroll"[^>]*>')


def test_every_table_scroll_box_is_focusable_and_named():
    offenders = []
    for template in Path(settings.BASE_DIR, "giamngheo").rglob("*.html"):
        for tag in SCROLL_BOX.findall(template.read_text()):
            named = "aria-labelledby=" in tag or "aria-label=" in tag
            if 'tabindex="0"' not in tag or 'role="region"' not in tag or not named:
                offenders.append(f"{template.relative_to(settings.BASE_DIR)}: {tag}")
    assert offenders == []
