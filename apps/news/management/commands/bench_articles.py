"""Generate many published bilingual articles for benchmarks: `manage.py bench_articles --count 2000`.

Bulk inserts (no revisions, no covers) into the demo's categories; deterministic, so runs compare.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.core.languages import CHINESE
from apps.news.cache import content_version_bump
from apps.news.models import Article, ArticleState, Category

BATCH = 500


class Command(BaseCommand):
    @property
    def help(self):
        return _("Create published bilingual articles for benchmarks (after load_demo).")

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=2000)

    @transaction.atomic
    def handle(self, *args, count, **options):
        categories = list(Category.objects.order_by("pk"))
        if not categories:
            raise CommandError(_("No news categories: run load_demo first."))
        translation_model = Article._parler_meta.root_model
        start = timezone.now().replace(microsecond=0) - datetime.timedelta(days=1)
        articles = [Article(state=ArticleState.PUBLISHED, category=categories[n % len(categories)],
                            publish_at=start - datetime.timedelta(hours=n), notified_at=start)
                    for n in range(count)]
        Article.objects.bulk_create(articles, batch_size=BATCH)
        rows = []
        for n, article in enumerate(articles):
            rows.append(translation_model(
                master_id=article.pk, language_code="en", title=f"Bench article {n}: rubber market note",
                slug=f"bench-article-{n}", lead="A generated article for benchmarks.",
                body="<p>" + "Natural rubber prices and tire demand. " * 40 + "</p>", source_name="Bench"))
            rows.append(translation_model(
                master_id=article.pk, language_code=CHINESE, title=f"基准测试文章{n}：橡胶市场简讯",
                slug=f"bench-wenzhang-{n}", lead="用于性能测试的生成文章。",
                body="<p>" + "天然橡胶价格与轮胎需求。" * 40 + "</p>", source_name="基准测试"))
        translation_model.objects.bulk_create(rows, batch_size=BATCH)
        transaction.on_commit(content_version_bump)
        self.stdout.write(_("Articles created: %(count)d.") % {"count": count})
