"""What the forums add to the site search: the sessions and speakers of the current schedule release (the public
never sees the draft), read from the release's snapshot. A release re-indexes both types as a whole
(services.schedule_release)."""

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from apps.search.registry import Entry, Source, source_register

from .selectors import release_current
from .snapshot import LANGUAGES

SESSION, SPEAKER = "session", "speaker"


def _url(name, language, **kwargs):
    with override(language):
        return reverse(f"forums:{name}", kwargs=kwargs)


def _snapshot():
    release = release_current()
    return release.snapshot if release is not None else {"forums": {}, "sessions": {}, "speakers": {}}


def _text(values, language):
    return (values or {}).get(language, "")


def session_objects():
    return [int(key) for key in _snapshot()["sessions"]]


def speaker_objects():
    return [int(key) for key in _snapshot()["speakers"]]


def session_documents(ids):
    snapshot, found = _snapshot(), {}
    for object_id in ids:
        session = snapshot["sessions"].get(str(object_id))
        if session is None:
            continue
        forum = snapshot["forums"].get(str(session["forum"]), {})
        speakers = [snapshot["speakers"].get(str(row["speaker"]), {}) for row in session["speakers"]]
        entries = []
        for language in LANGUAGES:
            title = _text(session["title"], language)
            if not title:
                continue
            try:
                url = _url("session", language, pk=object_id)
            except NoReverseMatch:  # the Forums page is not hooked in
                continue
            names = " ".join(_text(speaker.get("name"), language) for speaker in speakers)
            entries.append(Entry(language=language, title=title, url=url,
                                 body=f"{_text(session['abstract'], language)}\n{names}",
                                 category=(forum.get("slug", ""), _text(forum.get("title"), language))))
        found[object_id] = entries
    return found


def speaker_documents(ids):
    snapshot, found = _snapshot(), {}
    for object_id in ids:
        speaker = snapshot["speakers"].get(str(object_id))
        if speaker is None:
            continue
        company = speaker.get("company") or {}
        entries = []
        for language in LANGUAGES:
            name = _text(speaker["name"], language)
            if not name:
                continue
            try:
                url = _url("speaker", language, slug=speaker["slug"])
            except NoReverseMatch:
                continue
            entries.append(Entry(language=language, title=name, url=url,
                                 body=f"{_text(speaker['position'], language)}\n{_text(company.get('name'), language)}"
                                      f"\n{_text(speaker['bio'], language)}"))
        found[object_id] = entries
    return found


def register():
    source_register(Source(type=SESSION, label=_("Forum sessions"), objects=session_objects,
                           documents=session_documents, facets=("category",), position=40))
    source_register(Source(type=SPEAKER, label=_("Speakers"), objects=speaker_objects, documents=speaker_documents,
                           position=50))
