"""Public pages of the Trading Center (served under its apphook, e.g. /en/trading/), thin: selector → render."""

from typing import NamedTuple
from urllib.parse import urlencode

from django.contrib.auth.views import redirect_to_login
from django.core.cache import cache
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from menus.utils import set_language_changer

from apps.core.cache import canonical_items
from apps.core.media import stored_download
from apps.core.paging import language_switch_keeps_query, paginate

from . import selectors
from .cache import cache_public_page, content_version, fragment, memo
from .conf import BANNER_MAX_AGE, BOARD_PAGE_SIZE
from .forms import BoardFilterForm
from .models import NoticeKind, trading_url


def _center_or_404(slug):
    center = selectors.center_get(slug=slug)
    if center is None:
        raise Http404
    return center


def _with_effect(notices, now):
    for notice in notices:
        notice.current_effect = notice.effect(now, superseded=notice.is_superseded)
    return notices


@require_safe
@cache_public_page
def index(request):
    now = timezone.now()
    context = {
        "centers": list(selectors.center_list()),
        "in_effect": _with_effect(list(selectors.notices_in_effect(now=now).order_by("-issue_date", "-pk")[:10]),
                                  now),
    }
    return render(request, "trading/index.html", context)


BOARD_PARAMS = ("type", "year", "page")


class BoardHead(NamedTuple):
    """What a board shows of its center around the list, kept per content version and language: a board served
    with its list kept reads nothing. Stands in for the center in the templates."""

    pk: int
    slug: str
    name: str
    years: tuple
    feeds: tuple  # ((type, label, feed URL), ...)

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return trading_url("board", center=self.slug)


def _board_head(slug):
    center = selectors.center_get(slug=slug)
    if center is None:
        return None
    feeds = tuple((value, str(label), trading_url("feed", center=slug, kind=value))
                  for value, label in NoticeKind.choices)
    years = tuple(year for year, _count in selectors.center_years(center=center))
    return BoardHead(center.pk, slug, str(center), years, feeds)


@require_safe
@cache_public_page(params=BOARD_PARAMS, uncached=("q",))
def board(request, center):
    slug = center
    center = memo(f"board-head:{get_language()}:{slug}", lambda: _board_head(slug), keep_none=False)
    if center is None:
        raise Http404
    form = BoardFilterForm(request.GET or None, years=center.years)
    language_switch_keeps_query(request, lambda language: trading_url("board", language, center=slug))
    context = {"center": center, "form": form, "kinds": NoticeKind.choices, "years": center.years,
               "feeds": center.feeds, "filtered": bool(canonical_items(request, (*BOARD_PARAMS, "q")))}
    if request.GET and not form.is_valid():
        main = render_to_string("trading/_board_main.html", {**context, "page_obj": None}, request=request)
        return render(request, "trading/board.html", {**context, "main": main}, status=400)
    filters = form.cleaned_data if form.is_bound else {}

    def build():
        now = timezone.now()
        notices = selectors.board_notices(center=center.pk, kind=filters.get("type") or None,
                                          year=filters.get("year"), query=filters.get("q", ""), now=now)
        page_obj = paginate(request, notices, BOARD_PAGE_SIZE)
        _with_effect(page_obj.object_list, now)
        query_string = urlencode(canonical_items(request, ("type", "year", "q")))  # for the pager's links
        return render_to_string("trading/_board_main.html", {
            **context, "page_obj": page_obj, "filters": filters, "query_string": query_string}, request=request)

    main = build() if filters.get("q") else fragment(request, build, params=BOARD_PARAMS)
    response = render(request, "trading/board.html", {**context, "main": main})
    response.cacheable = not filters.get("q")  # searches are not cached: there is no end to them
    return response


@require_safe
@cache_public_page
def archive(request, center):
    center = _center_or_404(center)
    counts = selectors.center_archive(center=center)
    return render(request, "trading/archive.html", {"center": center, "rows": counts, "kinds": NoticeKind.choices})


class NoticePage(NamedTuple):
    """A notice's page outside the site's shell, rendered: kept per content version (which ends when a notice
    takes effect or expires), so a page served from it reads no notice."""

    title: str
    meta: str
    crumbs: str
    main: str


def _notice_parts(request, notice, *, preview=False):
    now = timezone.now()
    notice.current_effect = notice.effect(now)
    language = get_language()
    shown = notice.translation_shown(language)
    shown_language = shown.language_code if shown else language
    notice.set_current_language(shown_language)
    corrections = list(notice.corrections.all())
    context = {
        "notice": notice, "center": notice.center, "preview": preview, "shown_language": shown_language,
        "translated": shown_language == language, "correction": corrections[0] if corrections else None,
        "attachments": list(notice.attachments.all()),
    }
    title = f"{notice.serial} {notice.title}" if notice.serial else notice.title
    return NoticePage(f"{title} · {notice.center}", *(
        render_to_string(f"trading/_notice_{part}.html", context, request=request)
        for part in ("meta", "crumbs", "main")))


def _notice_page(request, parts, language_changer):
    set_language_changer(request, language_changer)
    return render(request, "trading/notice.html", {"parts": parts})


@require_safe
@cache_public_page
def notice_detail(request, center, year, kind, number):
    def build():
        notice = selectors.notice_public_get(center_slug=center, year=year, kind=kind, number=number)
        return None if notice is None else _notice_parts(request, notice)

    serial = {"center": center, "year": year, "kind": kind, "number": number}
    parts = memo(f"notice:{get_language()}:{center}:{year}:{kind}:{number}", build, keep_none=False)
    if parts is None:
        raise Http404
    return _notice_page(request, parts, lambda code: trading_url("notice", code, **serial))


@require_safe
@never_cache
def notice_preview(request, pk):
    """Any notice, drafts included, for the staff who write and approve them; never cached."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    notice = selectors.notice_get(pk=pk)
    if notice is None or not request.user.has_perm("trading.preview_notice", notice):
        raise Http404
    parts = _notice_parts(request, notice, preview=not notice.is_public)
    return _notice_page(request, parts, notice.get_absolute_url)


@require_safe
def attachment_download(request, pk, filename):
    """The file of a published (or withdrawn) notice for anyone, of a draft for staff only, as a download."""
    attachment = selectors.attachment_get(pk=pk)
    if attachment is None or attachment.filename != filename:
        raise Http404
    public = attachment.notice.is_public
    if not public and not request.user.has_perm("trading.preview_notice", attachment.notice):
        raise Http404
    # A published notice's files never change (a correction is a new notice); a draft's are private.
    return stored_download(attachment.file, filename=attachment.filename, content_type=attachment.content_type,
                           cache_control="public, max-age=86400" if public else "private, no-store")


@require_safe
def banner_data(request):
    """The risk warnings for the site-wide banner, in the URL's language (fetched by static/js/trading-banner.js).

    The same for every visitor, so it is cached for all; it lists warnings in effect or starting within the
    cache period, each with its period, and the script shows those in effect at the visitor's moment.
    """
    version, ttl = content_version()
    key = f"trading:banner:{version}:{get_language()}"
    data = cache.get(key)
    if data is None:
        warnings = selectors.banner_warnings(ahead_seconds=BANNER_MAX_AGE)
        data = {"warnings": [_banner_item(notice) for notice in warnings]}
        cache.set(key, data, timeout=min(ttl, BANNER_MAX_AGE))
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    response["Cache-Control"] = f"public, max-age={BANNER_MAX_AGE}"
    return response


def _banner_item(notice):
    return {
        "id": notice.pk,
        "serial": str(notice.serial),
        "title": notice.translation_shown().title,
        "center": str(notice.center),
        "url": notice.get_absolute_url(),
        "from": notice.effective_from.isoformat(),
        "until": notice.effective_until.isoformat() if notice.effective_until else None,
    }
