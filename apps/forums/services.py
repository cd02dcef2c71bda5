"""Writes of the forums core: releasing the schedule. (Registration writes live in registration/services.py.)

Editors change the draft tables in the admin; nothing reaches the public until `schedule_release` takes a
snapshot, numbers it and records what changed since the release before.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from apps.search.services import type_index_on_commit

from .cache import content_version_bump
from .changelog import changelog_compute
from .models import ScheduleRelease
from .snapshot import snapshot_build, snapshot_digest


def _alerts_queue(release_id):
    from .tasks import release_alerts

    release_alerts.delay(release_id)  # thousands of agendas may be concerned: not in the editor's request


def schedule_release(*, user, note_en="", note_zh_hans="", seen_digest=None):
    """Release the draft programme as the next version. `user` None means the system (demo data, benchmarks).

    Raises ValidationError when nothing changed since the last release, PermissionDenied without
    forums.release_schedule. `seen_digest`: the snapshot_digest of the draft the editor reviewed; a draft that
    changed since is refused (ValidationError), so nothing goes out unseen."""
    if user is not None and not user.has_perm("forums.release_schedule"):
        raise PermissionDenied(_("You may not release the forum schedule."))
    try:
        with transaction.atomic():
            previous = ScheduleRelease.objects.select_for_update().order_by("-version").first()
            snapshot = snapshot_build()
            if seen_digest is not None and seen_digest != snapshot_digest(snapshot):
                raise ValidationError(_("The draft changed since you opened this page. Review the changes again."),
                                      code="stale")
            if previous is not None and previous.snapshot == snapshot:
                raise ValidationError(_("Nothing changed since release %(version)s."),
                                      code="unchanged", params={"version": previous.version})
            release = ScheduleRelease.objects.create(
                version=(previous.version if previous else 0) + 1, released_by=user, snapshot=snapshot,
                changelog=changelog_compute(previous=previous.snapshot if previous else None, current=snapshot),
                note_en=note_en.strip(), note_zh_hans=note_zh_hans.strip(),
            )
            transaction.on_commit(content_version_bump)
            transaction.on_commit(lambda: _alerts_queue(release.pk))
            type_index_on_commit("session", "speaker")  # the site search follows the release
    except IntegrityError as exc:  # another editor released the same version at the same moment
        raise ValidationError(_("Another release was made at the same time; try again."), code="race") from exc
    return release
