from django.urls import path

from . import views
from .cache import cache_public_page
from .feeds import ArticleAtomFeed, ArticleRssFeed

app_name = "news"

urlpatterns = [
    path("", views.article_list, name="list"),
    path("feed/rss/", cache_public_page(ArticleRssFeed()), name="feed_rss"),
    path("feed/atom/", cache_public_page(ArticleAtomFeed()), name="feed_atom"),
    path("category/<slug:slug>/", views.category_list, name="category"),
    path("category/<slug:slug>/feed/rss/", cache_public_page(ArticleRssFeed()), name="category_feed_rss"),
    path("category/<slug:slug>/feed/atom/", cache_public_page(ArticleAtomFeed()), name="category_feed_atom"),
    path("tag/<slug:slug>/", views.tag_list, name="tag"),
    path("archive/<int:year>/", views.archive, name="archive_year"),
    path("archive/<int:year>/<int:month>/", views.archive, name="archive_month"),
    path("preview/<int:pk>/", views.article_preview, name="preview"),
    path("seen/<int:pk>/", views.article_seen, name="seen"),
    path("<str:slug>/", views.article_detail, name="article"),
]
