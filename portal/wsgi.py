import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")
application = get_wsgi_application()

# Web processes only: the site search's Chinese word list is loaded before the first request, not during a
# visitor's search. With gunicorn's --preload (the Procfile) it is loaded once in the master and shared by the
# forked workers. (pypinyin is not: only processes that write names or index documents load it.)
from apps.search.tokens import warm_up  # noqa: E402

warm_up()
