from .accounts import UserFactory, make_user  # noqa: F401
from .cms_pages import make_page  # noqa: F401
from .companies import CompanyFactory  # noqa: F401
