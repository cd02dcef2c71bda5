import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")
application = get_wsgi_application()

# Web processes only: the site search's query tokenizer (jieba's common words, ~6 MiB) is loaded before the first
# request, not during a visitor's search. With gunicorn's --preload (the Procfile) it is loaded once in the master
# and shared by the forked workers. The documents' tokenizer (jieba's whole dictionary, ~70 MiB) and pypinyin are
# loaded only by the processes that index documents (the Celery workers).
from apps.search.tokens import warm_up  # noqa: E402

warm_up()
