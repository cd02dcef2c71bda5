"""How apps above companies learn of a company and show it: the one module of hooks the companies app offers.

companies sits below the feature apps and imports none of them. Where it needs them (a company's page lives in
expo; news and forums add to that page; caches go stale when a company changes) the feature apps fill the hooks
below in their `AppConfig.ready()`. Each hook is documented with what it is called with and what it returns.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.dispatch import Signal
from django.urls import NoReverseMatch, reverse

company_changed = Signal()
"""
Arguments: ``company``

Sent by the companies services once the transaction that changed a company's public record (names, profile,
logo, products, search fields) has committed. Receivers make their copies of the company stale, e.g. expo bumps
its page cache. ``sender`` is the ``Company`` class. Nothing is sent for a change rolled back.
"""


@dataclass(frozen=True)
class CompanyPageSection:
    """A block another app adds to a company's public page (news about it, its forum sessions, ...)."""

    key: str  # unique, e.g. "news"
    template: str  # rendered with `rows` (what `rows()` returned), `company` and the page's context
    rows: Callable  # rows(*, company, language) -> list; an empty list leaves the section out
    position: int = 100  # sections follow the company's own blocks, in ascending position
    cache: str = ""  # namespace of the PublicPageCache (apps.core.cache) whose bump makes the section stale


_sections: dict[str, CompanyPageSection] = {}
_page_url: list[Callable] = []  # at most one: the app that shows company pages


def company_page_section_register(section):
    """Add (or replace, by key) a section of the company page. Call it in your AppConfig.ready()."""
    _sections[section.key] = section
    return section


def company_page_sections():
    """The registered sections, in the order the page shows them."""
    return sorted(_sections.values(), key=lambda section: (section.position, section.key))


def company_page_url_register(url):
    """`url(company, language)` -> the path of the company's public page in `language` (None: the active one).
    The app that serves company pages registers it in its AppConfig.ready(); a later call replaces the earlier."""
    _page_url[:] = [url]
    return url


def company_page_url(company, language=None):
    """The company's public page; NoReverseMatch when no app serves company pages (or its page is not hooked in)."""
    if not _page_url:
        raise NoReverseMatch("No app has registered a company page (company_page_url_register)")
    return _page_url[0](company, language)


@dataclass(frozen=True)
class MemberDashboardLink:
    """A link another app adds to the members' dashboard of the exhibitor portal (e.g. docking's "requirements
    that match your products"), so the portal links there without importing that app."""

    key: str  # unique, e.g. "docking-matches"
    label: object  # a (lazy) translated string
    url_name: str  # a URL name reversed without arguments, e.g. "docking:matches"
    order: int = 100  # ascending


_dashboard_links: dict[str, MemberDashboardLink] = {}


def member_dashboard_link_register(key, label, url_name, order=100):
    """Add (or replace, by key) a link of the members' dashboard. Call it in your AppConfig.ready()."""
    link = MemberDashboardLink(key=key, label=label, url_name=url_name, order=order)
    _dashboard_links[key] = link
    return link


def member_dashboard_links():
    """[{"key", "label", "url"}] in order, in the active language. A link whose URL does not resolve (its app is
    not hooked into a CMS page) is left out."""
    links = []
    for link in sorted(_dashboard_links.values(), key=lambda link: (link.order, link.key)):
        try:
            links.append({"key": link.key, "label": link.label, "url": reverse(link.url_name)})
        except NoReverseMatch:
            continue
    return links
