import pytest
from cms.models import Page
from django.utils import translation

from apps.accounts import roles
from tests.factories import make_center, make_user
from tests.factories.cms_pages import urls_reload


@pytest.fixture(autouse=True)
def _english_outside_requests():
    """Messages made outside a request (services, selectors) in English, whatever an earlier request activated."""
    with translation.override("en"):
        yield


@pytest.fixture
def trading_pages(shell_pages):
    """The site's pages with the Trading Center app hooked into /<lang>/trading/."""
    page = shell_pages["trading"]
    Page.objects.filter(pk=page.pk).update(application_urls="TradingApphook", application_namespace="trading")
    urls_reload()
    yield shell_pages
    urls_reload()  # the next test's database has no such page


@pytest.fixture
def center(db):
    return make_center(slug="nr-spot", name_en="Natural Rubber Spot Trading Center", name_zh="天然橡胶现货交易中心")


@pytest.fixture
def second_trading_staff(db):
    return make_user(role=roles.TRADING_STAFF, username="trader2")


@pytest.fixture
def time_machine_now(monkeypatch):
    """Set the clock that `django.utils.timezone.now()` reads (for everything in the process) to a moment."""
    from django.utils import timezone

    def travel(moment):
        monkeypatch.setattr(timezone, "now", lambda: moment)

    return travel
