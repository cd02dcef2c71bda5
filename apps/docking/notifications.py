"""What Supply & Demand tells whom, each recipient in their own language (apps.notifications does the sending):

- editors: a requirement waits for review (inbox);
- the poster's members: the requirement was opened or returned by an editor, a response arrived, a message;
- the supplier's members: their response was shortlisted, declined or awarded, a message;
- when a requirement opens: the subscribers of its categories (topics "docking.category.<slug>", parents
  included) and the members of companies whose products or exhibit categories match (apps.docking.matching),
  once per requirement, through the users' own email setting.
"""

from django.contrib.auth import get_user_model
from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from apps.core.links import absolute
from apps.notifications.audience import Audience
from apps.notifications.registry import Kind, TopicGroup, kind_register, topic_group_register
from apps.notifications.services import event_record

from .models import ResponseStatus, docking_url

SUBMITTED = "docking.requirement_submitted"
PUBLISHED = "docking.requirement_published"
RETURNED = "docking.requirement_returned"
OPENED = "docking.requirement_opened"
RESPONSE_RECEIVED = "docking.response_received"
RESPONSE_DECIDED = "docking.response_decided"
THREAD_MESSAGE = "docking.thread_message"


def category_topic(slug):
    return f"docking.category.{slug}"


def _category_topics():
    from apps.companies.selectors import product_category_tree

    tree = product_category_tree()
    return [(category_topic(c.slug), " › ".join(str(a) for a in tree.ancestors(c))) for c in tree.categories]


def _name(obj):
    return obj.safe_translation_getter("name", language_code=get_language(), any_language=True) or ""


def _link(url_of, language):
    """An absolute link, or "" where Supply & Demand is not hooked into a page (yet)."""
    try:
        return absolute(url_of(language))
    except NoReverseMatch:
        return ""


def _requirement_context(requirement):
    language = get_language()
    shown = requirement.translation_shown(language)
    return {"requirement": requirement, "title": shown.title if shown else "",
            "title_language": shown.language_code if shown else language,
            "description": shown.description if shown else "", "company_name": _name(requirement.company),
            "categories": ", ".join(_name(c) for c in requirement.categories.all()),
            "requirement_url": _link(requirement.get_absolute_url, language),
            "manage_url": _link(lambda code: docking_url("mine_requirement", code, pk=requirement.pk), language),
            "review_url": absolute(reverse("admin:docking_requirement_change", args=[requirement.pk]))}


def _requirement_event_context(event, requirement):
    return {**_requirement_context(requirement), "note": requirement.review_note}


def _response_context(event, response):
    context = _requirement_context(response.requirement)
    context.update({"response": response, "supplier_name": _name(response.company),
                    "response_url": _link(response.get_absolute_url, get_language()),
                    "decision": _decision_label(event.context.get("decision", ""))})
    return context


def _decision_label(value):
    return ResponseStatus(value).label if value in ResponseStatus.values else ""


def _message_context(event, message):
    context = _response_context(event, message.response)
    context.update({"thread_message": message, "sender_name": _name(message.company)})
    return context


def register():
    for key, label, template, context in (
        (SUBMITTED, _("Requirement to review"), "requirement_submitted", _requirement_event_context),
        (PUBLISHED, _("Your requirement is open"), "requirement_published", _requirement_event_context),
        (RETURNED, _("Your requirement was returned"), "requirement_returned", _requirement_event_context),
        (RESPONSE_RECEIVED, _("New response to your requirement"), "response_received", _response_context),
        (RESPONSE_DECIDED, _("Decision on your response"), "response_decided", _response_context),
        (THREAD_MESSAGE, _("New message about a response"), "thread_message", _message_context),
    ):
        kind_register(Kind(key=key, label=label, template=f"docking/email/{template}", context=context,
                           digestible=False))
    kind_register(Kind(key=OPENED, label=_("New requirement in Supply & Demand"),
                       template="docking/email/requirement_opened", context=_requirement_event_context))
    topic_group_register(TopicGroup(key="docking", label=_("Supply & Demand"), topics=_category_topics))


def _members(*company_ids):
    return list(get_user_model().objects.filter(memberships__company_id__in=company_ids, is_active=True).distinct())


def _round_key(kind, requirement):
    """One event per review round: a requirement returned and submitted again starts a new round."""
    return f"{kind}:{requirement.pk}:{int(requirement.submitted_at.timestamp())}"


def requirement_submitted_record(requirement):
    """Editors find the requirement in their inbox; once per submission."""
    from apps.accounts.roles import EDITORS

    editors = list(get_user_model().objects.filter(groups__name=EDITORS, is_active=True))
    return event_record(kind=SUBMITTED, subject=requirement, key=_round_key(SUBMITTED, requirement),
                        audience=Audience(users=editors, email=False))


def requirement_reviewed_record(requirement, *, opened):
    kind = PUBLISHED if opened else RETURNED
    key = None if opened else _round_key(RETURNED, requirement)
    return event_record(kind=kind, subject=requirement, key=key,
                        audience=Audience(users=_members(requirement.company_id)))


def requirement_opened_record(requirement, *, users, topic_slugs):
    """Once per requirement: the matched companies' members and the subscribers of its categories."""
    topics = [category_topic(slug) for slug in topic_slugs]
    return event_record(kind=OPENED, subject=requirement, audience=Audience(users=users, topics=topics))


def response_received_record(response):
    return event_record(kind=RESPONSE_RECEIVED, subject=response,
                        audience=Audience(users=_members(response.requirement.company_id)))


def response_decided_record(response):
    """The supplier's members, once per decision (shortlisted, declined, awarded)."""
    key = f"{RESPONSE_DECIDED}:{response.pk}:{response.status}"
    return event_record(kind=RESPONSE_DECIDED, subject=response, key=key,
                        audience=Audience(users=_members(response.company_id)),
                        context={"decision": response.status})


def thread_message_record(message):
    """The other side's members."""
    response = message.response
    other = response.requirement.company_id if message.company_id == response.company_id else response.company_id
    return event_record(kind=THREAD_MESSAGE, subject=message, audience=Audience(users=_members(other)))

