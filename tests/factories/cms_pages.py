"""Published, bilingual django CMS pages for tests."""

from cms.api import create_page, create_page_content
from cms.models import PageContent
from django.db import transaction
from djangocms_versioning.models import Version

from .accounts import make_user


def make_page(*, title_en, title_zh, slug, template="cms/page.html", parent=None, home=False, user=None):
    user = user or make_user(is_staff=True, is_superuser=True)
    with transaction.atomic():
        page = create_page(title_en, template, "en", slug=slug, parent=parent, created_by=user, in_navigation=True)
        create_page_content("zh-hans", title_zh, page, slug=slug, template=template, created_by=user, in_navigation=True)
        for content in PageContent.admin_manager.filter(page=page):
            Version.objects.get_for_content(content).publish(user)
        if home:
            page.set_as_homepage()
    return page
