"""Trading centers and notices for tests, made through the trading services (draft → submit → approve)."""

import itertools

from apps.accounts import roles
from apps.trading import services
from apps.trading.models import NoticeKind

from .accounts import make_user

_sequence = itertools.count(1)


def make_center(*, slug=None, name_en=None, name_zh=None, position=0):
    n = next(_sequence)
    return services.center_create(slug=slug or f"center-{n}", position=position, translations={
        "en": {"name": name_en or f"Spot Trading Center {n}", "introduction": "<p>Spot trading of rubber.</p>"},
        "zh-hans": {"name": name_zh or f"现货交易中心{n}", "introduction": "<p>橡胶现货交易。</p>"},
    })


def notice_translations(title_en, title_zh=None, body_en=None, body_zh=None):
    values = {"en": {"title": title_en, "body": body_en or f"<p>{title_en}: details.</p>"}}
    if title_zh is not None:
        values["zh-hans"] = {"title": title_zh, "body": body_zh or f"<p>{title_zh}：详情。</p>"}
    return values


def make_notice(*, center=None, kind=NoticeKind.TRADING, title_en=None, title_zh=None, author=None,
                approver=None, publish=True, submit=True, at=None, translations=None, **fields):
    """A notice: published by default (drafted by a trading staff member, approved by an editor)."""
    n = next(_sequence)
    center = center or make_center()
    author = author or make_user(role=roles.TRADING_STAFF)
    translations = translations or notice_translations(title_en or f"Notice {n}",
                                                        title_zh if title_zh is not None else f"公告{n}")
    notice = services.notice_create(center=center, kind=kind, translations=translations, author=author, **fields)
    if submit or publish:
        notice = services.notice_submit(notice=notice, user=author)
    if publish:
        notice = services.notice_approve(notice=notice, user=approver or make_user(role=roles.EDITORS), at=at)
    return notice
