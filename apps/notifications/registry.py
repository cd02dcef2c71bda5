"""What other apps register: the kinds of event they record and the topics visitors can subscribe to.

The notifications app knows nothing of news, expo or trading: each app registers its kinds (with the templates
that render them) and its topic groups in its AppConfig.ready().
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    key: str  # "news.article_published"
    label: str  # translatable
    template: str  # template prefix: <template>_subject.txt, <template>.txt, <template>.html
    context: Callable = None  # context(event, subject) -> dict added to the templates' context
    digestible: bool = True  # may wait for a daily digest (a risk warning would not)
    per_recipient: bool = False  # the text differs per recipient beyond address and links (no shared rendering)


@dataclass(frozen=True)
class TopicGroup:
    key: str  # "news"
    label: str
    topics: Callable  # () -> [(topic_key, label)], labels translated in the active language


_kinds: dict[str, Kind] = {}
_topic_groups: dict[str, TopicGroup] = {}


def kind_register(kind):
    _kinds[kind.key] = kind
    return kind


def kind_get(key):
    try:
        return _kinds[key]
    except KeyError:
        raise LookupError(f"Notification kind {key!r} is not registered") from None


def topic_group_register(group):
    _topic_groups[group.key] = group
    return group


def topic_groups():
    return list(_topic_groups.values())


def topic_choices():
    """[(group label, [(topic key, topic label), ...]), ...] for forms."""
    return [(group.label, list(group.topics())) for group in topic_groups()]


def topic_keys():
    return {key for _label, topics in topic_choices() for key, _topic_label in topics}
