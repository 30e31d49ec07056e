import os

from django.core.wsgi import get_wsgi_application

from giamngheo.operations.startup import refuse_unapplied_migrations

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "giamngheo.settings.production")
application = get_wsgi_application()

# In production, an app server does not start on an unmigrated database: gunicorn's
# worker fails to boot and the reason is in its log (giamngheo/operations/startup.py).
refuse_unapplied_migrations()
