import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")
application = get_wsgi_application()

# Web processes only: the Chinese word list is loaded before the first request, not during a visitor's search.
# With gunicorn's --preload (the Procfile) it is loaded once in the master and shared by the forked workers.
from apps.companies.search import warm_up  # noqa: E402

warm_up()
