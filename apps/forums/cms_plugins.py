"""CMS plugin of the forums for CMS pages (the home page): the next sessions of the released programme, or
"now and next" while sessions run (the expo's days). Read through selectors.home_sessions (one or two queries);
stale with the forums' page cache, whose version also ends when a session starts or ends (apps.core.plugins)."""

from cms.plugin_pool import plugin_pool
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from apps.core.links import url_maker
from apps.core.plugins import LiveContentPlugin

from . import selectors
from .models import ForumsHomePluginModel


@plugin_pool.register_plugin
class ForumsHomePlugin(LiveContentPlugin):
    model = ForumsHomePluginModel
    module = _("Forums")
    name = _("Next forum sessions")
    render_template = "forums/plugins/home.html"
    page_cache_namespace = "forums"

    def render(self, context, instance, placeholder):
        context = super().render(context, instance, placeholder)
        found = selectors.home_sessions(language=get_language(), now=timezone.now(), limit=instance.count)
        session_url, forum_url = url_maker("forums:session", kwarg="pk"), url_maker("forums:forum", kwarg="slug")

        def rows(sessions):
            return [{"session": s, "url": session_url(s.id), "forum_url": forum_url(s.forum.slug)} for s in sessions]

        context["sessions"] = found and {"live": found["live"], "running": rows(found["running"]),
                                         "upcoming": rows(found["upcoming"]),
                                         "past": [(forum, forum_url(forum.slug)) for forum in found["past"]]}
        return context
