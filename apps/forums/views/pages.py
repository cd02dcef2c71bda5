"""A forum, a session, the speakers and a speaker, from the programme a request sees."""

from django.http import Http404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from ..cache import cache_public_page
from ._common import PREVIEW, by_day, optional_url, programme_for, render_page


@require_safe
@cache_public_page(uncached=PREVIEW)
def forum_page(request, slug):
    programme, preview = programme_for(request)
    forum = programme.forum_by_slug.get(slug)
    if forum is None:
        raise Http404(_("There is no such forum."))
    context = {"programme": programme, "forum": forum, "days": by_day(forum.sessions),
               "register_url": optional_url("register", slug=slug)
               if forum.requires_registration and not forum.is_over else "",
               "ical_url": optional_url("ical_forum", slug=slug)}
    return render_page(request, "forums/forum.html", context, preview=preview)


@require_safe
@cache_public_page(uncached=PREVIEW)
def session_page(request, pk):
    programme, preview = programme_for(request)
    session = programme.session_by_id.get(int(pk))  # apphook URLs pass the digits as a string
    if session is None:
        raise Http404(_("There is no such session."))
    context = {"programme": programme, "session": session, "forum": session.forum,
               "ical_url": optional_url("ical_session", pk=session.id)}
    return render_page(request, "forums/session.html", context, preview=preview)


@require_safe
@cache_public_page(uncached=PREVIEW)
def speakers_page(request):
    programme, preview = programme_for(request)
    speakers = [speaker for speaker in programme.speakers if speaker.sessions]
    return render_page(request, "forums/speakers.html", {"programme": programme, "speakers": speakers},
                   preview=preview)


@require_safe
@cache_public_page(uncached=PREVIEW)
def speaker_page(request, slug):
    programme, preview = programme_for(request)
    speaker = programme.speaker_by_slug.get(slug)
    if speaker is None or not speaker.sessions:
        raise Http404(_("There is no such speaker."))
    context = {"programme": programme, "speaker": speaker, "ical_url": optional_url("ical_speaker", slug=slug)}
    return render_page(request, "forums/speaker.html", context, preview=preview)
