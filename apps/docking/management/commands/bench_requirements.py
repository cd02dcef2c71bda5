"""Bench data: many public requirements for the Supply & Demand benchmark pages (bench/generators.py runs it).

Rows are inserted in bulk (the services' transactions and notifications would take minutes for 10,000); the
companies posting them are made (verified) when missing, the categories are the existing product categories.
Requirement n (numbered after those already there, so on a fresh database its primary key) is titled "Bench
requirement n"; only those with n ending in 3 are for verified companies, so /docking/requirements/1000/ is public.
Deterministic.
"""

import datetime
import random

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from apps.accounts import roles
from apps.accounts.services import user_create
from apps.companies.models import ChainSegment, Company, ProductCategory
from apps.companies.regions import Region
from apps.companies.services import company_create
from apps.core.languages import CHINESE
from apps.docking.cache import content_version_bump
from apps.docking.models import Requirement, Status, Unit, Visibility

RequirementTranslation = Requirement._parler_meta.root_model
Categories = Requirement.categories.through
COMPANIES = 40
NEEDS = [("mixing lines", "密炼线"), ("carbon black", "炭黑"), ("steel cord", "钢丝帘线"),
         ("curing moulds", "硫化模具"), ("testing services", "检测服务"), ("plant software", "工厂软件"),
         ("conveyor belts", "输送带"), ("synthetic rubber", "合成橡胶")]
STATUSES = [Status.OPEN] * 6 + [Status.CLOSED, Status.AWARDED, Status.CANCELLED]


class Command(BaseCommand):
    help = "Create many public requirements (default 10,000) for benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=10_000)
        parser.add_argument("--seed", type=int, default=11)

    def handle(self, *args, count, seed, **options):
        if count < 1:
            raise CommandError("--count must be at least 1")
        categories = list(ProductCategory.objects.values_list("pk", flat=True))
        if not categories:
            raise CommandError("No product categories: load the demo (manage.py load_demo) first.")
        with transaction.atomic():
            created = self._generate(count=count, categories=categories, rng=random.Random(seed))
        transaction.on_commit(content_version_bump)
        self.stdout.write(f"{created} requirements created.")

    def _poster(self):
        user_model = get_user_model()
        return user_model.objects.filter(username="bench-poster").first() or user_create(
            username="bench-poster", email="bench-poster@valley.example", role=roles.EXHIBITORS)

    def _companies(self):
        companies = []
        for n in range(1, COMPANIES + 1):
            slug = f"bench-lead-{n:02d}"
            company = Company.objects.filter(slug=slug).first() or company_create(
                slug=slug, segment=ChainSegment.DOWNSTREAM, verified_at=timezone.now(), translations={
                    "en": {"name": f"Bench Lead Company {n:02d}"}, CHINESE: {"name": f"压测龙头企业{n:02d}"}})
            companies.append(company)
        return companies

    def _generate(self, *, count, categories, rng):
        poster, companies = self._poster(), self._companies()
        today, now = timezone.localdate(), timezone.now()
        start = Requirement.objects.count() + 1
        rows, texts = [], []
        for n in range(start, start + count):
            status = rng.choice(STATUSES)
            need_en, need_zh = rng.choice(NEEDS)
            opened = now - datetime.timedelta(days=rng.randrange(365), minutes=rng.randrange(1440))
            rows.append(Requirement(
                company=rng.choice(companies), segment=rng.choice(ChainSegment.values),
                quantity=rng.randrange(1, 5000), unit=rng.choice(Unit.values), region=rng.choice(Region.values),
                deadline=today + datetime.timedelta(days=rng.randrange(-60, 120)), status=status,
                visibility=Visibility.VERIFIED if n % 10 == 3 else Visibility.PUBLIC, created_by=poster,
                submitted_at=opened, published_at=opened,
                ended_at=None if status == Status.OPEN else opened + datetime.timedelta(days=10)))
            texts.append({"en": (f"Bench requirement {n}: {need_en}", f"Yearly supply of {need_en} for plant {n}."),
                          CHINESE: (f"压测需求{n}：{need_zh}", f"{n}号工厂全年所需的{need_zh}。")})
        Requirement.objects.bulk_create(rows, batch_size=2000)
        RequirementTranslation.objects.bulk_create(
            [RequirementTranslation(master=row, language_code=language, title=title, description=description)
             for row, text in zip(rows, texts) for language, (title, description) in text.items()], batch_size=2000)
        Categories.objects.bulk_create(
            [Categories(requirement=row, productcategory_id=category_id) for row in rows
             for category_id in rng.sample(categories, k=min(2, len(categories)))], batch_size=2000)
        return len(rows)
