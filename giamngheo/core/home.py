"""What every panel of the admin home has in common (issue 11 §4).

Each domain app adds its own panels to Wagtail's home page through the
``construct_homepage_panels`` hook (in its ``wagtail_hooks.py``), the way
report sections register into ``reports``: this module only gives them one
shape, a Wagtail (laces) component built for a user and a day, with our
admin stylesheet.
"""

from __future__ import annotations

import datetime

from django.forms import Media
from django.utils import timezone
from wagtail.admin.ui.components import Component


class HomePanel(Component):
    """A panel of one user's home page; ``today`` is given in tests, else the local day."""

    media = Media(css={"all": ["css/admin-extras.css"]})

    def __init__(self, user, *, today: datetime.date | None = None):
        self.user = user
        self.today = today or timezone.localdate()

    @staticmethod
    def is_for(user) -> bool:
        """Whether ``user``'s home shows this panel (the hook asks before adding it)."""
        raise NotImplementedError

    @staticmethod
    def unit_officer(user, levels: tuple[str, ...], permission: str) -> bool:
        """A signed-in user whose unit is at one of ``levels`` and who holds ``permission``."""
        return (
            user.is_authenticated
            and user.unit_id is not None
            and user.unit.level in levels
            and user.has_perm(permission)
        )
