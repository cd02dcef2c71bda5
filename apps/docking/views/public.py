"""The public side: the board with its filters, a requirement's page, a docking event's page, attachment downloads.
Anonymous GETs are cached (apps.docking.cache); signed-in members also see what is for verified companies only."""

from typing import NamedTuple

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from menus.utils import set_language_changer

from apps.companies.selectors import product_category_tree
from apps.core.media import stored_download
from apps.core.paging import paginate, query_without

from .. import selectors
from ..cache import cache_public_page, fragment
from ..conf import BOARD_PAGE_SIZE
from ..figures import figures_of
from ..forms import STATUS_CHOICES, BoardFilterForm
from ..models import PUBLIC_STATUSES, Visibility, docking_url
from ..rules import member_companies

BOARD_PARAMS = ("category", "region", "segment", "status", "soon", "page")


def _filters(form, tree):
    data = form.cleaned_data if form.is_bound else {}
    category = tree.by_slug.get(data.get("category") or "")
    return selectors.BoardFilters(
        category_ids=tuple(tree.descendant_ids(category)) if category else (), region=data.get("region") or "",
        segment=data.get("segment") or "", status=data.get("status") or "open", soon=bool(data.get("soon")),
    ), category


def _status_links(request, counts, current):
    base = query_without(request, "status", "page", "soon")
    return [{"value": value, "label": label, "count": counts[value], "current": value == current,
             "query": "&".join(part for part in (base, f"status={value}") if part)}
            for value, label in STATUS_CHOICES]


class BoardMain(NamedTuple):
    """The board's rendered main column, with the chosen category's name, slug and breadcrumb names: strings the
    process keeps as they are, so a kept board needs no category tree (its unpickling was 0.6 ms a render)."""

    html: str
    status: int
    category: str = ""
    category_slug: str = ""
    crumbs: tuple = ()


def _board_main(request, tree):
    """The board's filters, status tabs and a page of requirements. What a visitor who is not signed in sees is
    the same for all of them, so it is kept (see `board`; the filter form is built only when it is rendered)."""
    form = BoardFilterForm(request.GET or None, category_choices=tree.choices())
    context = {"form": form, "any_filter": any(name in request.GET for name in BOARD_PARAMS)}
    if form.is_bound and not form.is_valid():
        html = render_to_string("docking/_board_main.html", {**context, "page_obj": None}, request=request)
        return BoardMain(html, 400)
    filters, category = _filters(form, tree)
    rows, counts = selectors.board_requirements(user=request.user, filters=filters, language=get_language())
    status = "open" if filters.soon else filters.status
    page = paginate(request, rows, BOARD_PAGE_SIZE, count=counts[status])
    selectors.category_lists_attach(page.object_list, tree)
    html = render_to_string("docking/_board_main.html", {
        **context, "page_obj": page, "status_links": _status_links(request, counts, status),
        "page_query": query_without(request, "page")}, request=request)
    if category is None:
        return BoardMain(html, 200)
    return BoardMain(html, 200, str(category), category.slug, tuple(str(node) for node in tree.ancestors(category)))


@require_safe
@cache_public_page(params=BOARD_PARAMS)
def board(request):
    query = query_without(request)
    set_language_changer(request, lambda code: docking_url("board", code) + (f"?{query}" if query else ""))
    if request.user.is_authenticated:  # members see requirements for verified companies and their own responses
        main = _board_main(request, product_category_tree())
    else:  # an invalid filter is rendered afresh each time (400), never kept
        fresh = []

        def valid_only():
            fresh.append(_board_main(request, product_category_tree()))
            return fresh[0] if fresh[0].status == 200 else None
        main = fragment(request, valid_only, params=BOARD_PARAMS, keep_none=False, name="board") or fresh[0]
    return render(request, "docking/board.html", {
        "main": main, "feed_url": docking_url("feed"), "category": main.category, "crumbs": main.crumbs,
        "category_feed_url": docking_url("category_feed", slug=main.category_slug) if main.category_slug else "",
    }, status=main.status)


def _refused(request, requirement):
    """Anonymous visitors sign in; anyone else who may not see the requirement learns nothing of it."""
    if requirement is not None and requirement.status in PUBLIC_STATUSES and not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise Http404(_("There is no such requirement."))


class RequirementPage(NamedTuple):
    """A requirement's page as its template shows it; what a visitor who is not signed in sees is the same for all
    of them, so it is kept per content version (see `requirement_detail`)."""

    title: str
    company_name: str
    noindex: bool
    main: str  # docking/_requirement_main.html, rendered


def _requirement_page(request, requirement, companies):
    language = get_language()
    selectors.category_lists_attach([requirement], product_category_tree())
    mine = requirement.company_id in companies
    own_response = requirement.own_response_id if not mine else None
    shown = selectors.shown_texts(requirement)
    main = render_to_string("docking/_requirement_main.html", {
        "requirement": requirement, "shown": shown, "state": requirement.state(),
        "company_url": selectors.company_url(requirement.company, language),
        "outcome_url": selectors.company_url_for_slug(requirement.outcome_company_slug, language),
        "event_url": requirement.event.get_absolute_url() if requirement.event_id else "",
        "categories": requirement.category_list, "attachments": list(requirement.attachments.all()),
        "mine": mine, "own_response_url": docking_url("response", pk=own_response) if own_response else "",
        "may_respond": own_response is None and request.user.has_perm("docking.respond", requirement),
    }, request=request)
    return RequirementPage(shown.title if shown else "", requirement.company_name or "",
                           requirement.visibility == Visibility.VERIFIED, main)


def _visible_requirement(request, pk, companies):
    """(requirement, whether the user may see it)."""
    requirement = selectors.requirement_get(pk=pk, language=get_language(), responder_ids=list(companies))
    return requirement, requirement is not None and request.user.has_perm("docking.see_requirement", requirement)


@require_safe
@cache_public_page
def requirement_detail(request, pk):
    set_language_changer(request, lambda code: docking_url("requirement", code, pk=pk))
    page = None
    if not request.user.is_authenticated:  # kept; a requirement they may not see keeps nothing
        def build():
            requirement, visible = _visible_requirement(request, pk, ())
            return _requirement_page(request, requirement, ()) if visible else None
        page = fragment(request, build, keep_none=False)
    if page is None:
        companies = member_companies(request.user)
        requirement, visible = _visible_requirement(request, pk, companies)
        if not visible:
            return _refused(request, requirement)
        page = _requirement_page(request, requirement, companies)
    return render(request, "docking/requirement.html", {"page": page})


@require_safe
@cache_public_page
def event_detail(request, slug):
    language = get_language()
    event = selectors.event_get(slug=slug, language=language)
    if event is None:
        raise Http404(_("There is no such docking event."))
    set_language_changer(request, event.get_absolute_url)
    requirements = list(selectors.event_requirements(event=event, user=request.user, language=language))
    selectors.category_lists_attach(requirements, product_category_tree())
    return render(request, "docking/event.html", {
        "event": event, "requirements": requirements, "figures": figures_of(event),
        "edition_url": selectors.edition_url(event.edition_slug, language),
        "session_url": selectors.session_url(event.forum_session_id, language),
    })


@require_safe
def attachment_download(request, pk, filename):
    """A file for those who may see it (docking.download), as a download; anything else answers 404."""
    attachment = selectors.attachment_get(pk=pk)
    if attachment is None or attachment.filename != filename:
        raise Http404
    if not request.user.has_perm("docking.download", attachment):
        if not request.user.is_authenticated and attachment.requirement_id:
            return _refused(request, attachment.requirement)
        raise Http404
    return stored_download(attachment.file, filename=attachment.filename, content_type=attachment.content_type)
