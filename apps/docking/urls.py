from django.urls import path

from .cache import cache_public_page
from .feeds import RequirementFeed
from .views import portal, public, responses

app_name = "docking"

urlpatterns = [
    path("", public.board, name="board"),
    path("rss/", cache_public_page(RequirementFeed()), name="feed"),
    path("rss/<slug:slug>/", cache_public_page(RequirementFeed()), name="category_feed"),
    path("requirements/<int:pk>/", public.requirement_detail, name="requirement"),
    path("requirements/<int:pk>/respond/", responses.respond, name="respond"),
    path("events/<slug:slug>/", public.event_detail, name="event"),
    path("files/<int:pk>/<str:filename>", public.attachment_download, name="attachment"),
    path("files/<int:pk>/remove/", portal.attachment_remove, name="attachment_remove"),
    path("responses/<int:pk>/", responses.response_detail, name="response"),
    path("responses/<int:pk>/messages/", responses.thread_post, name="thread_post"),
    path("responses/<int:pk>/files/", responses.response_attachment_add, name="response_attachment_add"),
    path("responses/<int:pk>/withdraw/", responses.response_withdraw, name="response_withdraw"),
    path("responses/<int:pk>/outcome/", responses.response_publish, name="response_publish"),
    path("responses/<int:pk>/<slug:decision>/", responses.response_decide, name="response_decide"),
    path("mine/", portal.mine, name="mine"),
    path("mine/matches/", portal.matches, name="matches"),
    path("mine/new/", portal.requirement_new, name="requirement_new"),
    path("mine/<int:pk>/", portal.mine_requirement, name="mine_requirement"),
    path("mine/<int:pk>/edit/", portal.requirement_edit, name="requirement_edit"),
    path("mine/<int:pk>/files/", portal.requirement_attachment_add, name="requirement_attachment_add"),
    path("mine/<int:pk>/<slug:action>/", portal.requirement_action, name="requirement_action"),
]
