"""The schedule page of the admin (review the draft against the last release, see overlaps, release) and the
read-only list of releases."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from apps.core.admin import ReadOnlyAdmin

from . import selectors, services
from .changelog import changelog_compute
from .changelog_view import entries_view
from .forms import ReleaseForm
from .models import ScheduleRelease
from .overlaps import schedule_overlaps
from .programme import Programme
from .snapshot import snapshot_build, snapshot_digest


def _overlap_rows(overlaps, programme):
    """Overlaps with what editors need to fix them: the sessions (times in their forum's zone) and the clash."""
    rows = []
    for overlap in overlaps:
        first, second = programme.session_by_id[overlap.first], programme.session_by_id[overlap.second]
        if overlap.kind == "room":
            what = _("Room %(room)s is booked twice") % {"room": first.room.name}
        else:
            speaker = next(a.speaker for a in first.appearances if a.speaker.id == overlap.key)
            what = _("%(speaker)s speaks in two sessions at once") % {"speaker": speaker.name}
        rows.append({"kind": overlap.kind, "what": what, "sessions": (first, second)})
    return rows


@admin.register(ScheduleRelease)
class ScheduleReleaseAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "released_at", "released_by", "change_count", "note_en")
    fields = ("version", "released_at", "released_by", "note_en", "note_zh_hans", "changelog")
    readonly_fields = fields
    change_list_template = "forums/admin/release_change_list.html"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("released_by").defer("snapshot")

    @admin.display(description=gettext_lazy("changes"))
    def change_count(self, obj):
        return len(obj.changelog or [])

    def get_urls(self):
        schedule = path("schedule/", self.admin_site.admin_view(self.schedule_view), name="forums_schedule")
        return [schedule, *super().get_urls()]

    def changelist_view(self, request, extra_context=None):
        may_release = request.user.has_perm("forums.release_schedule")
        return super().changelist_view(request, {**(extra_context or {}), "may_release": may_release})

    def schedule_view(self, request):
        if not request.user.has_perm("forums.release_schedule"):
            raise PermissionDenied
        draft = snapshot_build()
        current = selectors.release_current()
        programme = Programme(draft, language=get_language())
        overlaps = _overlap_rows(schedule_overlaps(draft), programme)
        form = ReleaseForm(request.POST if request.method == "POST" else None, overlaps=len(overlaps))
        if request.method == "POST" and form.is_valid():
            try:
                release = services.schedule_release(user=request.user, note_en=form.cleaned_data["note_en"],
                                                    note_zh_hans=form.cleaned_data["note_zh_hans"],
                                                    seen_digest=form.cleaned_data["draft_digest"] or None)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("Version %(version)s of the schedule is public.")
                                 % {"version": release.version})
                return HttpResponseRedirect(reverse("admin:forums_schedulerelease_changelist"))
        changelog = changelog_compute(previous=current.snapshot if current else None, current=draft)
        previous_programme = Programme(current.snapshot, language=get_language()) if current else None
        context = {
            **self.admin_site.each_context(request), "opts": self.model._meta, "title": _("Forum schedule"),
            "form": form, "current": current, "unchanged": current is not None and current.snapshot == draft,
            "entries": entries_view(changelog, _Merged(programme, previous_programme), get_language()),
            "overlaps": overlaps, "session_count": len(draft["sessions"]),
            "preview_url": _public_url(), "draft_digest": snapshot_digest(draft),
        }
        return TemplateResponse(request, "forums/admin/schedule.html", context)


class _Merged:
    """The draft programme for names, falling back to the released one for sessions removed from the draft."""

    def __init__(self, draft, released):
        self.forums = draft.forums + [f for f in (released.forums if released else [])
                                      if f.id not in {d.id for d in draft.forums}]
        self.rooms = draft.rooms + [r for r in (released.rooms if released else [])
                                    if r.id not in {d.id for d in draft.rooms}]
        self.session_by_id = draft.session_by_id


def _public_url():
    from django.urls import NoReverseMatch

    try:
        return reverse("forums:programme") + "?preview=1"
    except NoReverseMatch:
        return ""
