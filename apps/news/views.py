"""Public pages of the News Center (the apphook of the News Center page): lists, archive, article, preview."""

import datetime
import functools
from typing import NamedTuple

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from menus.utils import set_language_changer

from apps.core.paging import paginate
from apps.core.ratelimits import limit

from . import selectors, services
from .cache import cache_public_page, fragment, memo
from .models import news_url


def _page(request, queryset):
    count = memo(f"count:{request.path}", queryset.count)  # once per content version, not per page
    message = _("There is no such page of articles.")
    return paginate(request, queryset, selectors.PAGE_SIZE, count=count, message=message)


def _tree():
    """The section's categories with their translations, read once per content version; read from the cache only
    when a page uses it (kept fragments do not)."""
    language = get_language()
    return SimpleLazyObject(lambda: memo(f"tree:{language}", selectors.category_tree))  # in the language read in


def _articles(**filters):
    """A list's public articles in the visitor's language; their categories come from the tree (categories_attach)."""
    return selectors.article_list(language=get_language(), categories=False, **filters)


def _sidebar(language, tree, current=None):
    """Sections, instant news and archive months, rendered once per content version (and section shown): the same
    for every visitor, signed in or not."""
    def build():
        return render_to_string("news/_sidebar.html", {
            "tree": tree, "current_category": current,
            "instant": memo(f"instant:{language}", lambda: selectors.instant_news(language=language)),
            "months": memo(f"months:{language}", lambda: selectors.archive_months(language=language))})

    return {"sidebar": memo(f"sidebar:{language}:{current.pk if current else ''}", build)}


def _main(request, template, context, *, name="main"):
    """The main column, the same for every visitor: rendered once per content version, language and page (an
    unknown page raises 404 and stores nothing), for signed-in readers too."""
    return fragment(request, lambda: render_to_string(template, context(), request=request), params=("page",),
                    name=name)


def _render_list(request, articles, *, tree, heading, crumbs=(), feeds=None, category=None):
    """`articles()` returns the list's queryset: built only when its page is rendered, not when it is kept."""
    language = get_language()

    def main_context():
        page = _page(request, articles())
        page.object_list = selectors.categories_attach(page.object_list, tree)
        return {"page": page, "articles": page.object_list, "heading": heading, "current_category": category}

    context = {"heading": heading, "crumbs": crumbs, "feeds": feeds or _feeds(language),
               "main": _main(request, "news/_list_main.html", main_context),
               **_sidebar(language, tree, category)}
    return render(request, "news/article_list.html", context)


def _feeds(language, category=None):
    if category is None:
        return {"rss": news_url("feed_rss", language), "atom": news_url("feed_atom", language)}
    return {"rss": news_url("category_feed_rss", language, slug=category.slug),
            "atom": news_url("category_feed_atom", language, slug=category.slug)}


@cache_public_page(params=("page",))
def article_list(request):
    tree = _tree()
    return _render_list(request, _articles, tree=tree, heading=None)


@cache_public_page(params=("page",))
def category_list(request, slug):
    tree = _tree()
    category = tree.by_slug.get(slug)
    if category is None:
        raise Http404(_("There is no such category."))
    articles = lambda: _articles(category_ids=tree.descendant_ids(category))  # noqa: E731
    return _render_list(request, articles, tree=tree, heading=str(category), crumbs=tree.ancestors(category),
                        feeds=_feeds(get_language(), category), category=category)


@cache_public_page(params=("page",))
def tag_list(request, slug):
    tag = selectors.tag_by_slug(slug)
    if tag is None:
        raise Http404(_("There is no such tag."))
    heading = _("Tag: %(tag)s") % {"tag": tag}
    return _render_list(request, lambda: _articles(tag=tag), tree=_tree(), heading=heading)


@cache_public_page(params=("page",))
def archive(request, year, month=None):
    try:  # django CMS's apphook resolver passes URL arguments as strings
        year, month = int(year), int(month) if month else None
        datetime.date(year, month or 1, 1)
    except (TypeError, ValueError) as exc:
        raise Http404(_("There is no such month.")) from exc
    label = f"{year:04d}-{month:02d}" if month else f"{year:04d}"
    heading = _("Archive: %(period)s") % {"period": label}
    return _render_list(request, lambda: _articles(year=year, month=month), tree=_tree(), heading=heading)


class ArticleHead(NamedTuple):
    """What an article page shows outside its main column, kept per content version: a page served from it reads
    no article."""

    pk: int
    language: str  # the language its slug was found in
    slugs: tuple  # ((language, slug), ...) of the languages it is written in
    title: str
    meta: str  # the <meta> tags, rendered
    crumbs: str  # the breadcrumb's items, rendered


def _article_head(request, article, found_language, *, preview=False):
    slugs = tuple((row.language_code, row.slug) for row in article.translations.all())
    if found_language != get_language():  # a redirect or the missing-translation page: nothing more is shown
        return ArticleHead(article.pk, found_language, slugs, "", "", "")
    article.set_current_language(found_language)
    tree = _tree()
    category = article.category = tree.by_pk.get(article.category_id)
    context = {"article": article, "preview": preview, "crumbs": tree.ancestors(category) if category else []}
    return ArticleHead(article.pk, found_language, slugs, article.seo_title or article.title,
                       render_to_string("news/_article_meta.html", context, request=request),
                       render_to_string("news/_article_crumbs.html", context, request=request))


def _article_page(request, head, article, *, preview=False):
    """`article()` returns the article: asked only when the main column is rendered, not when it is kept."""
    language = get_language()
    slugs = dict(head.slugs)

    def language_changer(code):
        """The same article in another language (a language it lacks shows the missing-translation page)."""
        if preview:
            return news_url("preview", code, pk=head.pk)
        return news_url("article", code, slug=slugs.get(code) or slugs.get(head.language))

    set_language_changer(request, language_changer)

    def main_context():
        shown = article()
        shown.set_current_language(language)
        shown.category = _tree().by_pk.get(shown.category_id)
        return {"article": shown, "preview": preview, "seen_url": news_url("seen", language, pk=head.pk),
                "related": selectors.related_articles(article=shown, language=language),
                "tags": list(shown.tags.all()), "companies": list(shown.companies.all())}

    main = (render_to_string("news/_article_main.html", main_context(), request=request) if preview
            else _main(request, "news/_article_main.html", main_context, name=f"article:{head.pk}"))
    context = {"head": head, "preview": preview, "main": main, **_sidebar(language, _tree())}
    return render(request, "news/article_detail.html", context)


def _missing_translation(request, article, slug):
    """404 in the visitor's language, linking to the article in the languages it is written in."""
    from django.conf import settings

    names = dict(settings.LANGUAGES)
    links = [{"code": code, "name": names.get(code, code), "url": article.get_absolute_url(code),
              "title": article.safe_translation_getter("title", language_code=code)}
             for code in article.get_available_languages()]
    set_language_changer(request, lambda code: news_url("article", code, slug=slug))
    return render(request, "news/article_missing_translation.html", {"article": article, "links": links},
                  status=404)


@cache_public_page
def article_detail(request, slug):
    language = get_language()
    article = functools.cache(lambda: selectors.article_by_slug(slug=slug, language=language))  # read once at most

    def head():
        found, found_language = article()
        return None if found is None else _article_head(request, found, found_language)

    origin = f"{request.scheme}://{request.get_host()}"  # the meta tags name the page's absolute URL
    head = memo(f"article-head:{language}:{slug}:{origin}", head, keep_none=False)  # a wrong slug keeps nothing
    if head is None:
        raise Http404(_("There is no such article."))
    if head.language != language:
        slugs = dict(head.slugs)
        if language in slugs:
            return HttpResponsePermanentRedirect(news_url("article", language, slug=slugs[language]))
        return _missing_translation(request, article()[0], slug)
    return _article_page(request, head, lambda: article()[0])


@never_cache
def article_preview(request, pk):
    """Any article as it would look published; editors only, never cached."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not request.user.has_perm("news.preview_article"):
        raise PermissionDenied(_("Only editors may preview articles."))
    article = selectors.article_for_preview(pk=pk)
    if article is None:
        raise Http404(_("There is no such article."))
    head = _article_head(request, article, get_language(), preview=True)
    response = _article_page(request, head, lambda: article, preview=True)
    response["X-Robots-Tag"] = "noindex"
    return response


@csrf_exempt  # a beacon from cached pages that carry no CSRF token; it can only add one to a public counter
@require_POST
@limit("news_seen")
def article_seen(request, pk):
    services.article_view_count_increment(article_id=pk)
    return HttpResponse(status=204)
