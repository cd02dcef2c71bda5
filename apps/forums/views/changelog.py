"""What changed in each released programme, newest first."""

from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from apps.core.paging import paginate

from .. import selectors
from ..cache import cache_public_page, memo
from ..changelog_view import entries_view
from ..programme import Programme
from ._common import PREVIEW, render_page

CHANGES_PER_PAGE = 10


@require_safe
@cache_public_page(params=("page",), uncached=PREVIEW)
def changelog_page(request):
    language = get_language()
    release = selectors.release_current()
    programme = selectors.programme(release=release, language=language) if release else Programme({}, language=language)
    releases = selectors.releases_list()
    page_obj = paginate(request, releases, CHANGES_PER_PAGE, count=memo("releases:count", releases.count))
    releases = [_release_view(item, programme, language) for item in page_obj.object_list]
    return render_page(request, "forums/changelog.html", {"page_obj": page_obj, "releases": releases},
                   preview=False)


def _release_view(release, programme, language):
    note = release.note_en if language == "en" else release.note_zh_hans
    note = note or (release.note_zh_hans if language == "en" else release.note_en)
    return {"release": release, "note": note, "entries": entries_view(release.changelog, programme, language)}
