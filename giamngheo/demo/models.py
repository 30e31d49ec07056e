from django.db import models
from django.utils.translation import gettext_lazy as _


class DemoDataSet(models.Model):
    """Marks a database that holds the demo data set, and with which seed.

    Its presence labels the site as a demonstration (a banner in the admin)
    and lets ``load_demo`` skip work it has already done.
    """

    seed = models.PositiveIntegerField(_("seed"))
    version = models.PositiveIntegerField(_("version"))
    loaded_at = models.DateTimeField(_("loaded at"), auto_now=True)

    class Meta:
        verbose_name = _("demo data set")

    def __str__(self) -> str:
        return f"demo data set (seed {self.seed}, version {self.version})"
