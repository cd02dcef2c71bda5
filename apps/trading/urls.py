from django.urls import path

from . import views
from .feeds import NoticeTypeFeed

app_name = "trading"

urlpatterns = [
    path("", views.index, name="index"),
    path("banner.json", views.banner_data, name="banner"),
    path("preview/<int:pk>/", views.notice_preview, name="preview"),
    path("attachments/<int:pk>/<str:filename>", views.attachment_download, name="attachment"),
    path("<slug:center>/", views.board, name="board"),
    path("<slug:center>/archive/", views.archive, name="archive"),
    path("<slug:center>/rss/<slug:kind>/", views.cache_public_page(NoticeTypeFeed()), name="feed"),
    path("<slug:center>/<int:year>/<slug:kind>-<int:number>/", views.notice_detail, name="notice"),
]
