"""Bench data: many exhibiting companies for the expo's benchmark pages (bench/generators.py runs it).

One public edition ("bench-expo-2026") with halls of booths, and `--count` companies (default 10,000) in both
languages, each with a confirmed participation, a booth and one to three products, indexed for the directory
(initials, search document) as company_index does. Rows are inserted in bulk; deterministic for a seed.
"""

import datetime
import random

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from apps.companies.models import ChainSegment, Company, Product, ProductCategory
from apps.companies.regions import Region
from apps.companies.search import initial_en, initial_pinyin, search_document
from apps.core.languages import CHINESE
from apps.expo.cache import expo_cache
from apps.expo.models import Booth, Edition, EditionStatus, Hall, Participation

CompanyText = Company._parler_meta.root_model
ProductText = Product._parler_meta.root_model
ParticipationText = Participation._parler_meta.root_model
EditionText = Edition._parler_meta.root_model
HallText = Hall._parler_meta.root_model
BOOTHS_PER_HALL, COLS = 1000, 40
CITIES = [("Qingdao", "青岛"), ("Weifang", "潍坊"), ("Dongying", "东营"), ("Haikou", "海口"), ("Xuzhou", "徐州"),
          ("Hefei", "合肥"), ("Ningbo", "宁波"), ("Shenyang", "沈阳"), ("Chongqing", "重庆"), ("Xiamen", "厦门")]
BRANDS = [("Hengda", "恒达"), ("Jinlun", "金轮"), ("Huamei", "华美"), ("Tianyi", "天一"), ("Xinghai", "星海"),
          ("Ruifeng", "瑞丰"), ("Longsheng", "隆盛"), ("Baoli", "宝力"), ("Zhongxin", "中信"), ("Haoyun", "浩运")]
KINDS = [  # English, Chinese, segment, product names, category slug
    ("Tire", "轮胎", ChainSegment.DOWNSTREAM, [("Truck tire", "载重轮胎"), ("Passenger tire", "乘用车轮胎")], "tires"),
    ("Carbon Black", "炭黑", ChainSegment.UPSTREAM, [("Carbon black N330", "炭黑N330")], "chemicals-carbon-black"),
    ("Rubber Machinery", "橡胶机械", ChainSegment.MIDSTREAM, [("Internal mixer", "密炼机")], "machinery"),
    ("Hose and Belt", "胶管胶带", ChainSegment.DOWNSTREAM,
     [("Conveyor belt", "输送带"), ("Hydraulic hose", "液压胶管")],
     "rubber-products"),
    ("Synthetic Rubber", "合成橡胶", ChainSegment.UPSTREAM, [("Solution SBR", "溶聚丁苯橡胶")], "synthetic-rubber"),
    ("Rubber Logistics", "橡胶物流", ChainSegment.SERVICES, [("Bonded warehousing", "保税仓储")], "services"),
]
REGIONS = [Region.SHANDONG, Region.JIANGSU, Region.ZHEJIANG, Region.HAINAN, Region.GUANGDONG, Region.SOUTHEAST_ASIA]


class Command(BaseCommand):
    help = "Create many exhibiting companies (default 10,000) with booths and products for benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=10_000)
        parser.add_argument("--edition", default="bench-expo-2026")
        parser.add_argument("--seed", type=int, default=11)

    def handle(self, *args, count, edition, seed, **options):
        if count < 1:
            raise CommandError("--count must be at least 1")
        with transaction.atomic():
            self._generate(count=count, slug=edition, rng=random.Random(seed))
            transaction.on_commit(expo_cache.bump)
        call_command("search_reindex", "--type=company", "--type=product", "--no-progress", verbosity=0)  # bulk rows
        self.stdout.write(f"{count} exhibitors created in edition {edition}.")

    def _edition(self, slug, count):
        edition = Edition.objects.create(slug=slug, status=EditionStatus.OPEN, starts_on=datetime.date(2026, 9, 16),
                                         ends_on=datetime.date(2026, 9, 18))
        EditionText.objects.bulk_create([
            EditionText(master=edition, language_code="en", name="Benchmark Rubber Expo", city="Qingdao"),
            EditionText(master=edition, language_code=CHINESE, name="压力测试橡胶博览会", city="青岛")])
        rows = -(-BOOTHS_PER_HALL // COLS)
        halls = Hall.objects.bulk_create([
            Hall(edition=edition, code=f"H{number + 1}", position=number, width=8 + COLS * 3, depth=8 + rows * 4)
            for number in range(-(-count // BOOTHS_PER_HALL))])
        HallText.objects.bulk_create([HallText(master=hall, language_code=language, name=name % hall.code)
                                      for hall in halls for language, name in (("en", "Hall %s"), (CHINESE, "%s馆"))])
        return edition, halls

    def _generate(self, *, count, slug, rng):
        edition, halls = self._edition(slug, count)
        categories = {category.slug: category for category in ProductCategory.objects.filter(parent__isnull=True)}
        companies, texts, plans = [], [], []
        for number in range(1, count + 1):
            (city_en, city_zh), (brand_en, brand_zh) = rng.choice(CITIES), rng.choice(BRANDS)
            kind = rng.choice(KINDS)
            name_en = f"{city_en} {brand_en} {kind[0]} Co., Ltd. {number:05d}"
            name_zh = f"{city_zh}{brand_zh}{kind[1]}有限公司{number:05d}"
            products = kind[3][:rng.randint(1, len(kind[3]))] + ([("Technical service", "技术服务")]
                                                                 if number % 3 == 0 else [])
            document = search_document([name_en, name_zh, f"{brand_en} {kind[0]}", f"{brand_zh}{kind[1]}",
                                        *[name for pair in products for name in pair]])
            companies.append(Company(slug=f"bench-company-{number:05d}", segment=kind[2], country="CN",
                                     region=REGIONS[number % len(REGIONS)], initial_en=initial_en(name_en),
                                     initial_pinyin=initial_pinyin(name_zh), search_document=document))
            texts.append({"en": name_en, CHINESE: name_zh, "short_en": f"{brand_en} {kind[0]}",
                          "short_zh": f"{brand_zh}{kind[1]}", "city_en": city_en, "city_zh": city_zh})
            plans.append((products, categories.get(kind[4])))
        Company.objects.bulk_create(companies, batch_size=2000)
        CompanyText.objects.bulk_create([
            CompanyText(master=company, language_code=language, name=text[language], short_name=text[short],
                        city=text[city], summary=summary % text[short])
            for company, text in zip(companies, texts)
            for language, short, city, summary in (
                ("en", "short_en", "city_en", "%s: an exhibitor generated for benchmarks."),
                (CHINESE, "short_zh", "city_zh", "%s：为压力测试生成的展商。"))], batch_size=4000)
        self._participations(edition, halls, companies)
        self._products(companies, plans)

    def _participations(self, edition, halls, companies):
        participations = Participation.objects.bulk_create(
            [Participation(company=company, edition=edition) for company in companies], batch_size=2000)
        ParticipationText.objects.bulk_create([
            ParticipationText(master=participation, language_code=language, highlights=text)
            for participation in participations
            for language, text in (("en", "New products on the stand."), (CHINESE, "展台展出新产品。"))],
            batch_size=4000)
        booths = []
        for index, participation in enumerate(participations):
            hall, slot = halls[index // BOOTHS_PER_HALL], index % BOOTHS_PER_HALL
            row, col = divmod(slot, COLS)
            booths.append(Booth(hall=hall, code=f"{hall.code}-{slot + 1:04d}", participation=participation,
                                x=4 + col * 3, y=4 + row * 4, width=3, depth=3))
        Booth.objects.bulk_create(booths, batch_size=4000)

    def _products(self, companies, plans):
        products, names, links = [], [], []
        for company, (pairs, category) in zip(companies, plans):
            for position, pair in enumerate(pairs):
                products.append(Product(company=company, position=position))
                names.append(pair)
                links.append(category)
        Product.objects.bulk_create(products, batch_size=4000)
        ProductText.objects.bulk_create([
            ProductText(master=product, language_code=language, name=name, description="")
            for product, (en, zh) in zip(products, names) for language, name in (("en", en), (CHINESE, zh))],
            batch_size=4000)
        Through = Product.categories.through
        Through.objects.bulk_create([Through(product_id=product.pk, productcategory_id=category.pk)
                                     for product, category in zip(products, links) if category is not None],
                                    batch_size=4000)
