"""Trading centers and notices for tests, made through the trading services (draft → submit → approve)."""

import factory

from apps.accounts import roles
from apps.trading import services
from apps.trading.models import Notice, NoticeKind, TradingCenter

from .accounts import UserFactory


class TradingCenterFactory(factory.django.DjangoModelFactory):
    """A trading center made by center_create: TradingCenterFactory(slug=..., name_en=..., name_zh=...)."""

    class Meta:
        model = TradingCenter

    class Params:
        name_en = factory.Sequence(lambda n: f"Spot Trading Center {n}")
        name_zh = factory.Sequence(lambda n: f"现货交易中心{n}")

    slug = factory.Sequence(lambda n: f"center-{n}")
    position = 0
    translations = factory.LazyAttribute(lambda o: {
        "en": {"name": o.name_en, "introduction": "<p>Spot trading of rubber.</p>"},
        "zh-hans": {"name": o.name_zh, "introduction": "<p>橡胶现货交易。</p>"},
    })

    @classmethod
    def _create(cls, model_class, **kwargs):
        return services.center_create(**kwargs)


def notice_translations(title_en, title_zh=None, body_en=None, body_zh=None):
    """The texts of a notice (the argument `translations` of notice_create); Chinese only with `title_zh`."""
    values = {"en": {"title": title_en, "body": body_en or f"<p>{title_en}: details.</p>"}}
    if title_zh is not None:
        values["zh-hans"] = {"title": title_zh, "body": body_zh or f"<p>{title_zh}：详情。</p>"}
    return values


class NoticeFactory(factory.django.DjangoModelFactory):
    """A notice: published by default (drafted by a new trading staff member, approved at `at` by a new editor);
    `publish=False` leaves it submitted, `submit=False` too leaves it a draft. Other keywords go to notice_create."""

    class Meta:
        model = Notice

    class Params:
        title_en = factory.Sequence(lambda n: f"Notice {n}")
        title_zh = factory.Sequence(lambda n: f"公告{n}")

    center = factory.SubFactory(TradingCenterFactory)
    kind = NoticeKind.TRADING
    author = factory.SubFactory(UserFactory, role=roles.TRADING_STAFF)
    approver = None
    publish = True
    submit = True
    at = None
    translations = factory.LazyAttribute(lambda o: notice_translations(o.title_en, o.title_zh))

    @classmethod
    def _create(cls, model_class, *, author, approver, publish, submit, at, **fields):
        notice = services.notice_create(author=author, **fields)
        if submit or publish:
            notice = services.notice_submit(notice=notice, user=author)
        if publish:
            notice = services.notice_approve(notice=notice, user=approver or UserFactory(role=roles.EDITORS), at=at)
        return notice
