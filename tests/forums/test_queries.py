"""Query counts of the public forum pages: the same with 1 and with 3 sessions and speakers, none from the cache.

Measured on a first (uncached) anonymous request in a fresh process state (snapshot not yet loaded); the count
includes django CMS's page lookup and menu.
"""

import pytest
from django.core.cache import cache

from tests.factories import CompanyFactory, ForumFactory, RoomFactory, SessionFactory, SpeakerFactory, TopicFactory
from tests.factories.forums import at, release

pytestmark = pytest.mark.usefixtures("forums_page")

# (+1 on this first request: the next boundary of the trading risk warnings, whose banner is on every page)
QUERIES = {"programme": 11, "grid": 12, "session": 11, "speakers": 12, "speaker": 11, "forum": 11, "changelog": 14}
# The steady state of a release, for a visitor with a session whom no page cache serves (an editor, an exhibitor):
# the release lookup (django CMS's page and the menu are kept per CMS version: apps.core.current_page); the snapshot
# and the changelog's count are memoised. The programme and the grid keep their main column per release: not even
# the release is looked up.
STEADY = {"programme": 0, "grid": 0, "session": 1, "speakers": 1, "speaker": 1, "forum": 1, "changelog": 2}
PATHS = [
    ("programme", "/en/forums/"), ("programme", "/zh-hans/forums/?day=2026-09-18&topic=green"),
    ("grid", "/zh-hans/forums/grid/?day=2026-09-18"), ("speakers", "/en/forums/speakers/"),
    ("speaker", "/en/forums/speakers/speaker-0/"), ("forum", "/en/forums/tyre-summit/"),
    ("changelog", "/zh-hans/forums/changes/"), ("session", "session"),
]


@pytest.fixture
def programme_of(db):
    def make(count):
        forum = ForumFactory(slug="tyre-summit", hosts=[CompanyFactory()], co_organisers=[CompanyFactory()])
        topic, speakers = TopicFactory(slug="green"), []
        for n in range(count):
            speaker = SpeakerFactory(slug=f"speaker-{n}", company=CompanyFactory())
            speakers.append(speaker)
            SessionFactory(forum=forum, room=RoomFactory(slug=f"room-{n}"), topic=topic, starts_at=at(9 + n),
                           speakers=[speaker, (speakers[0], "moderator")] if n else [speaker])
        release()
        for extra in range(count):  # more releases, for the changelog
            SessionFactory(forum=forum, starts_at=at(15 + extra))
            release()
        cache.clear()
        return {"forum": forum, "speakers": speakers}

    return make


@pytest.mark.parametrize("count", [1, 3])
@pytest.mark.parametrize("name, path", PATHS)
def test_page_query_count_does_not_grow(client, programme_of, django_assert_num_queries, count, name, path):
    made = programme_of(count)
    sessions = list(made["forum"].sessions.order_by("starts_at"))
    if path == "session":
        path = f"/en/forums/sessions/{sessions[-1].pk}/"

    with django_assert_num_queries(QUERIES[name]):
        response = client.get(path)
    assert response.status_code == 200 and response["X-Page-Cache"] == "miss"
    html = response.content.decode()
    language = path.split("/")[1]
    for expected in _shown(name, made, sessions, language):
        assert expected in html, (expected, path)

    with django_assert_num_queries(0):
        response = client.get(path)
    assert response.status_code == 200 and response["X-Page-Cache"] == "hit"
    assert response.content.decode() == html


@pytest.mark.parametrize("count", [1, 3])
@pytest.mark.parametrize("name, path", PATHS)
def test_steady_query_count_for_a_visitor_with_a_session(client, programme_of, django_assert_num_queries, count,
                                                         name, path):
    made = programme_of(count)
    sessions = list(made["forum"].sessions.order_by("starts_at"))
    if path == "session":
        path = f"/en/forums/sessions/{sessions[-1].pk}/"
    client.cookies["sessionid"] = "no-such-session"
    assert client.get(path).status_code == 200

    with django_assert_num_queries(STEADY[name]):
        response = client.get(path)

    assert response.status_code == 200 and "X-Page-Cache" not in response.headers
    html = response.content.decode()
    for expected in _shown(name, made, sessions, path.split("/")[1]):
        assert expected in html, (expected, path)


def _shown(name, made, sessions, language):
    """Texts the page `name` must show of the programme made."""
    def title(session):
        return session.safe_translation_getter("title", language_code=language)

    first_sessions = sessions[:len(made["speakers"])]  # the first release: one session per speaker
    return {
        "programme": [title(s) for s in first_sessions],
        "grid": [title(s) for s in first_sessions],
        "session": [title(sessions[-1])],
        "speakers": [s.safe_translation_getter("name", language_code=language) for s in made["speakers"]],
        "speaker": [made["speakers"][0].safe_translation_getter("name", language_code=language)],
        "forum": [made["forum"].safe_translation_getter("title", language_code=language)],
        "changelog": [title(s) for s in sessions[len(made["speakers"]):]],  # added by the later releases
    }[name]
