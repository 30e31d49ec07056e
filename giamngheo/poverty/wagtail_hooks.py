from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet

from .services import REPLACE_ACTION
from .viewsets import PovertyStatisticViewSet

register_snippet(PovertyStatisticViewSet)


@hooks.register("register_log_actions")
def register_log_actions(actions):
    @actions.register_action(REPLACE_ACTION)
    class ReplaceFigures(LogFormatter):
        label = _("Replace figures from Excel")

        def format_message(self, log_entry):
            before = log_entry.data.get("before") or {}
            after = log_entry.data.get("after") or {}
            return _(
                "Figures replaced from Excel: households %(h0)s → %(h1)s, "
                "poor %(p0)s → %(p1)s, near-poor %(n0)s → %(n1)s"
            ) % {
                "h0": before.get("households"),
                "h1": after.get("households"),
                "p0": before.get("poor_households"),
                "p1": after.get("poor_households"),
                "n0": before.get("near_poor_households"),
                "n1": after.get("near_poor_households"),
            }
