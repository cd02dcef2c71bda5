from .accounts import UserFactory, make_user  # noqa: F401
from .cms_pages import make_page  # noqa: F401
from .companies import CompanyFactory  # noqa: F401
from .forums import make_forum, make_room, make_session, make_speaker, make_topic  # noqa: F401
from .news import make_article, make_category, make_tag  # noqa: F401
from .trading import make_center, make_notice  # noqa: F401
from .expo import (  # noqa: F401
    expo_page, make_booth, make_edition, make_expo_page, make_hall, make_participation, make_product,
)
from .expo import make_category as make_product_category  # noqa: F401
