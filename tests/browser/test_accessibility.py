"""WCAG 2.1 AA: axe-core (from npm) in Chromium, and proof that the check can fail.

The pages themselves are crawled in test_accessibility_crawl.py: every page
reachable from the home page and every admin menu page of each role.
"""

from pathlib import Path

import pytest
from django.conf import settings

AXE = Path(settings.BASE_DIR) / "frontend" / "node_modules" / "axe-core" / "axe.min.js"
RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def serious_violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "rules => axe.run(document, {runOnly: {type: 'tag', values: rules}})", RULES
    )
    return [
        f"{violation['id']} ({violation['impact']}): "
        + "; ".join(node["target"][0] for node in violation["nodes"][:5])
        for violation in result["violations"]
        if violation["impact"] in ("serious", "critical")
    ]


@pytest.mark.browser
def test_the_check_finds_an_unlabelled_field_and_an_image_without_alt(browser):
    # The check above passing means something only if it can fail.
    if not AXE.exists():
        pytest.skip("needs axe-core from npm: make install")
    tab = browser.new_page()
    tab.set_content(
        '<html lang="vi"><head><title>t</title></head><body><main>'
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'
        '<input type="text" name="q"></main></body></html>'
    )
    problems = serious_violations(tab)
    tab.close()
    assert any(problem.startswith("image-alt") for problem in problems)
    assert any(problem.startswith("label") for problem in problems)
