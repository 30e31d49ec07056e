from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from .choosers import cadre_chooser_viewset
from .viewsets import TrainingViewSetGroup

IMPORT_ACTION = "training.import_participants"


@hooks.register("register_admin_viewset")
def register_training_viewsets():
    return TrainingViewSetGroup()


@hooks.register("register_admin_viewset")
def register_cadre_chooser():
    return cadre_chooser_viewset


@hooks.register("register_log_actions")
def register_log_actions(actions):
    @actions.register_action(IMPORT_ACTION)
    class ImportParticipants(LogFormatter):
        label = _("Import participants")

        def format_message(self, log_entry):
            added = log_entry.data.get("added", 0)
            return ngettext(
                "%(added)d participant imported from Excel",
                "%(added)d participants imported from Excel",
                added,
            ) % {"added": added}
