from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from apps.core.ratelimits import limit

from . import selectors, services, tokens
from .forms import PreferencesForm, SubscribeForm
from .models import Subscription

INBOX_PAGE_SIZE = 20


def _bad_link(request, message=None):
    return render(request, "notifications/bad_link.html", {
        "message": message or _("This link is not valid. It may have been cut short or changed."),
    }, status=400)


def _subscription_from(token, reader):
    try:
        return selectors.subscription_get(pk=reader(token))
    except (signing.BadSignature, ValueError, Subscription.DoesNotExist):
        return None


@require_http_methods(["GET", "POST"])
@limit("subscribe")
def subscribe(request):
    form = SubscribeForm(request.POST or None, initial={"language": get_language()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.subscription_request(email=data["email"], language=data["language"], topics=data["topics"],
                                      frequency=data["frequency"])
        return redirect("notifications:subscribe_sent")
    return render(request, "notifications/subscribe.html", {"form": form})


def subscribe_sent(request):
    return render(request, "notifications/subscribe_sent.html")


@require_http_methods(["GET", "POST"])
@limit("subscription_confirm")
def confirm(request, token):
    try:
        subscription_id, wishes = tokens.confirm_token_read(token)
    except signing.SignatureExpired:
        return _bad_link(request, _("This confirmation link has expired. Please subscribe again."))
    except (signing.BadSignature, ValueError):
        return _bad_link(request)
    subscription = Subscription.objects.filter(pk=subscription_id).first()
    if subscription is None:
        return _bad_link(request)
    if request.method == "POST":
        subscription = services.subscription_confirm(subscription_id=subscription.pk, wishes=wishes)
        return render(request, "notifications/confirmed.html", {
            "subscription": subscription, "manage_token": tokens.manage_token(subscription)})
    return render(request, "notifications/confirm.html", {"subscription": subscription})


@require_http_methods(["GET", "POST"])
@limit("subscription_manage")
def manage(request, token):
    subscription = _subscription_from(token, tokens.manage_token_read)
    if subscription is None:
        return _bad_link(request)
    initial = {"topics": selectors.subscription_topic_keys(subscription), "frequency": subscription.frequency,
               "language": subscription.language}
    form = PreferencesForm(request.POST or None, initial=initial)
    saved = False
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.subscription_update(subscription=subscription, language=data["language"], topics=data["topics"],
                                     frequency=data["frequency"])
        saved = True
    return render(request, "notifications/manage.html", {
        "form": form, "subscription": subscription, "token": token, "saved": saved})


@csrf_exempt  # mail clients' one-click POST (RFC 8058) carries no CSRF token; the signed link is the proof
@require_http_methods(["GET", "POST"])
@limit("subscription_manage")
def unsubscribe(request, token):
    subscription = _subscription_from(token, tokens.manage_token_read)
    if subscription is None:
        return _bad_link(request)
    if request.method == "POST" and request.POST.get("action") == "resume":
        services.subscription_resume(subscription_id=subscription.pk)
        return redirect("notifications:manage", token=token)
    services.subscription_unsubscribe(subscription_id=subscription.pk)
    return render(request, "notifications/unsubscribed.html", {"subscription": subscription, "token": token})


@csrf_exempt  # see unsubscribe
@require_http_methods(["GET", "POST"])
@limit("subscription_manage")
def user_email_off(request, token):
    try:
        user_id = tokens.user_email_off_token_read(token)
    except (signing.BadSignature, ValueError):
        return _bad_link(request)
    services.user_email_set(user_id=user_id, enabled=False)
    return render(request, "notifications/user_email_off.html")


@login_required
def inbox(request):
    page = Paginator(selectors.inbox_messages(user=request.user), INBOX_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "notifications/inbox.html", {"page": page})


@login_required
@require_POST
def inbox_read(request):
    ids = [int(i) for i in request.POST.getlist("id") if i.isdigit()]
    services.inbox_mark_read(user=request.user, ids=ids if request.POST.get("all") != "1" else None)
    return redirect("notifications:inbox")
