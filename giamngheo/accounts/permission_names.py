"""Permission names in the site's language.

Django stores each permission's name once, in English ("Can add communication
plan"), and the admin's group form shows it: the screen-reader label of every
tick box, and the text of the extra ones (lock, publish, record a visit). After
every migrate the names are rewritten here from translated patterns and the
models' translated verbose names, so an administrator reads "Được thêm kế hoạch
truyền thông".
"""

from __future__ import annotations

from django.apps import apps as global_apps
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS
from django.utils import translation
from django.utils.translation import pgettext_lazy

# Actions whose permission is "<action>_<model>", named after the model.
PATTERNS = {
    "add": pgettext_lazy("permission", "Can add %(model)s"),
    "change": pgettext_lazy("permission", "Can change %(model)s"),
    "delete": pgettext_lazy("permission", "Can delete %(model)s"),
    "view": pgettext_lazy("permission", "Can view %(model)s"),
    "publish": pgettext_lazy("permission", "Can publish %(model)s"),
    "lock": pgettext_lazy("permission", "Can lock %(model)s"),
    "unlock": pgettext_lazy("permission", "Can unlock %(model)s"),
    "choose": pgettext_lazy("permission", "Can choose %(model)s"),
}


def translated_name(permission) -> str | None:
    """The name ``permission`` should have, or None to leave it as it is."""
    model = permission.content_type.model_class()
    if model is None:
        return None
    opts = model._meta
    action, _sep, model_name = permission.codename.partition("_")
    if action in PATTERNS and model_name == opts.model_name:
        return str(PATTERNS[action] % {"model": opts.verbose_name})
    declared = dict(opts.permissions).get(permission.codename)
    # A custom permission declared with a lazily translated name (``_("…")``).
    return str(declared) if declared is not None else None


def name_permissions(sender=None, using: str = DEFAULT_DB_ALIAS, apps=global_apps, **kwargs):
    """post_migrate: once the last app has migrated, every permission exists."""
    # Django sends the signal once for each app with models, in INSTALLED_APPS order.
    last = [config for config in global_apps.get_app_configs() if config.models_module][-1]
    if sender is not None and sender.label != last.label:
        return
    from django.contrib.auth.models import Permission

    changed = []
    with translation.override(settings.LANGUAGE_CODE):
        for permission in Permission.objects.using(using).select_related("content_type"):
            name = translated_name(permission)
            if name and name[:255] != permission.name:
                permission.name = name[:255]
                changed.append(permission)
    Permission.objects.using(using).bulk_update(changed, ["name"], batch_size=500)
