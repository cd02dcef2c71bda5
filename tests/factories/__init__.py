"""factory_boy factories of the models the tests build; translated models take both languages
(tests/factories/translations.py). Import them from here."""

from .accounts import PASSWORD, UserFactory
from .cms_pages import PageFactory
from .companies import CompanyFactory, MembershipFactory, ProductCategoryFactory, ProductFactory
from .expo import BoothFactory, EditionFactory, HallFactory, InvitationFactory, ParticipationFactory
from .forums import ForumFactory, RoomFactory, SessionFactory, SpeakerFactory, TopicFactory
from .news import ArticleFactory, NewsCategoryFactory, TagFactory
from .notifications import SubscriptionFactory
from .trading import NoticeFactory, TradingCenterFactory

__all__ = [
    "PASSWORD", "ArticleFactory", "BoothFactory", "CompanyFactory", "EditionFactory", "ForumFactory", "HallFactory",
    "InvitationFactory", "MembershipFactory", "NewsCategoryFactory", "NoticeFactory", "PageFactory",
    "ParticipationFactory", "ProductCategoryFactory", "ProductFactory", "RoomFactory", "SessionFactory",
    "SpeakerFactory", "SubscriptionFactory", "TagFactory", "TopicFactory", "TradingCenterFactory", "UserFactory",
]
