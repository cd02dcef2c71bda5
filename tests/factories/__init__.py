from .accounts import UserFactory, make_user  # noqa: F401
from .cms_pages import make_page  # noqa: F401
from .companies import CompanyFactory  # noqa: F401
from .news import make_article, make_category, make_tag  # noqa: F401
from .trading import make_center, make_notice  # noqa: F401
