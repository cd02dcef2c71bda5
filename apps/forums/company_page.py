"""The forums' section of a company's public page: the sessions its speakers appear in (registered with
apps.companies.signals in ForumsConfig.ready())."""

from django.utils.translation import override

from apps.companies.signals import CompanyPageSection, company_page_section_register
from apps.core.links import url_maker

from .selectors import programme, release_current

LIMIT = 10


def company_sessions(*, company, language, limit=LIMIT):
    """Sessions of the latest released schedule in which a speaker of the company appears, not cancelled:
    [{"session", "speakers", "url"}] ([] before the first release)."""
    release = release_current()
    if release is None:
        return []
    with override(language):
        session_url = url_maker("forums:session", kwarg="pk")  # "" when no page hooks the forums in
    found = []
    for session in programme(release=release, language=language).sessions:
        speakers = [appearance.speaker for appearance in session.appearances
                    if appearance.speaker.company is not None and appearance.speaker.company.id == company.pk]
        if speakers and not session.cancelled:
            found.append({"session": session, "speakers": speakers, "url": session_url(session.id)})
    return found[:limit]


def register():
    company_page_section_register(CompanyPageSection(
        key="forums", template="forums/company_section.html", rows=company_sessions, position=20, cache="forums"))
