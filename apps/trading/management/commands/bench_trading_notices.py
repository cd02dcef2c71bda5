"""Bench data: many published notices for the Trading Center's benchmark pages (bench/generators.py runs it).

Rows are inserted in bulk (the services' per-notice transactions would take minutes for 20,000 notices); the
serial numbers continue each series' counter, so they stay unique and the counters stay right. Deterministic.
"""

import datetime
import random

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from apps.accounts import roles
from apps.accounts.services import user_create
from apps.core.languages import CHINESE
from apps.trading import services
from apps.trading.cache import content_version_bump
from apps.trading.models import Notice, NoticeCounter, NoticeKind, NoticeStatus, TradingCenter

NoticeTranslation = Notice._parler_meta.root_model
YEARS = range(2021, 2027)
TOPICS = [("standard rubber SCR10", "标准胶SCR10"), ("ribbed smoked sheets", "烟片胶"),
          ("concentrated latex", "浓缩胶乳"), ("the Qingdao warehouse", "青岛交收仓库"),
          ("the Haikou warehouse", "海口交收仓库"), ("member services", "会员服务")]


class Command(BaseCommand):
    help = "Create many published notices (default 20,000) for benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=20_000)
        parser.add_argument("--center", default="natural-rubber", help="slug of the center (created if missing)")
        parser.add_argument("--seed", type=int, default=7)

    def handle(self, *args, count, center, seed, **options):
        if count < 1:
            raise CommandError("--count must be at least 1")
        with transaction.atomic():
            created = self._generate(count=count, slug=center, rng=random.Random(seed))
        transaction.on_commit(content_version_bump)
        self.stdout.write(f"{created} notices created for center {center}.")

    def _users(self):
        User = get_user_model()
        drafter = User.objects.filter(groups__name=roles.TRADING_STAFF).first() or user_create(
            username="bench-trader", email="bench-trader@valley.example", role=roles.TRADING_STAFF)
        approver = User.objects.filter(groups__name=roles.EDITORS).first() or user_create(
            username="bench-editor", email="bench-editor@valley.example", role=roles.EDITORS)
        return drafter, approver

    def _center(self, slug):
        return TradingCenter.objects.filter(slug=slug).first() or services.center_create(slug=slug, translations={
            "en": {"name": "Benchmark Spot Trading Center"}, CHINESE: {"name": "压力测试现货交易中心"}})

    def _generate(self, *, count, slug, rng):
        center = self._center(slug)
        drafter, approver = self._users()
        series = [(year, kind) for year in YEARS for kind in NoticeKind.values]
        per_series = {key: count // len(series) + (1 if index < count % len(series) else 0)
                      for index, key in enumerate(series)}
        notices, texts = [], []
        for (year, kind), amount in per_series.items():
            if not amount:
                continue
            first = self._numbers_take(center, year, kind, amount)
            days = sorted(rng.randrange(365) for _ in range(amount))
            for offset, day in enumerate(days):
                notice, text = self._notice(center, year, kind, first + offset, day, rng, drafter, approver)
                notices.append(notice)
                texts.append(text)
        Notice.objects.bulk_create(notices, batch_size=2000)
        translations = [NoticeTranslation(master=notice, language_code=language, title=title, body=body)
                        for notice, text in zip(notices, texts) for language, (title, body) in text.items()]
        NoticeTranslation.objects.bulk_create(translations, batch_size=2000)
        return len(notices)

    def _numbers_take(self, center, year, kind, amount):
        counter, _created = NoticeCounter.objects.select_for_update().get_or_create(center=center, year=year,
                                                                                     kind=kind)
        used = Notice.objects.filter(center=center, year=year, kind=kind).aggregate(top=Max("number"))["top"] or 0
        first = max(counter.last_number, used) + 1
        counter.last_number = first + amount - 1
        counter.save(update_fields=["last_number"])
        return first

    def _notice(self, center, year, kind, number, day, rng, drafter, approver):
        issued = datetime.date(year, 1, 1) + datetime.timedelta(days=day)
        at = timezone.make_aware(datetime.datetime.combine(issued, datetime.time(9, 0)))
        if kind == NoticeKind.RISK:  # warnings are short-lived: a handful in effect at a time, as in real life
            until = at + datetime.timedelta(days=rng.choice((3, 7, 14)))
        else:
            until = at + datetime.timedelta(days=rng.choice((7, 30, 90, 365))) if rng.random() < 0.7 else None
        topic_en, topic_zh = rng.choice(TOPICS)
        label_en, label_zh = NoticeKind(kind).label, {
            "trading": "交易公告", "delivery": "交割仓储", "fees": "费用调整", "holiday": "休市安排",
            "risk": "风险提示", "membership": "会员管理"}[kind]
        notice = Notice(center=center, kind=kind, status=NoticeStatus.PUBLISHED, year=year, number=number,
                        issue_date=issued, effective_from=at, effective_until=until, published_at=at,
                        prevailing_language=CHINESE, created_by=drafter, updated_by=drafter, approved_by=approver)
        text = {
            "en": (f"{label_en} No. {number} of {year} on {topic_en}",
                   f"<p>{label_en} concerning {topic_en}, issued on {issued:%Y-%m-%d}.</p>"),
            CHINESE: (f"关于{topic_zh}的{label_zh}（{year}年第{number}号）",
                        f"<p>关于{topic_zh}的{label_zh}，发布日期{issued:%Y-%m-%d}。</p>"),
        }
        return notice, text
