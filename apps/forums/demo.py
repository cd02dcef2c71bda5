"""Demo forums (a demo builder, see apps.core.registries.DemoBuilder): the 13 forums of the rubber industry expo
in Qingdao, with their rooms, topics, about eighty sessions over three days and fifty speakers, in both languages,
released so the public sees the programme.

The content is in fixtures/demo/forums/ (venue.json: days, rooms and topics; speakers.json; forums.json: forums with
their sessions, times local to Asia/Shanghai). Records are found again by slug; a demo forum that exists is kept as
it is, sessions included. Speakers and forums name companies by slug: those missing (e.g. the expo demo's own) are
left out. The forums join the expo edition "rubber-expo-2026" when it exists.
"""

import datetime
import json
import zoneinfo

from django.core.exceptions import ValidationError
from django.db import transaction

from apps.companies.models import Company
from apps.core.demo.fixtures import DEMO_DIR
from apps.core.languages import CHINESE
from apps.expo.selectors import edition_by_slug

from .cache import content_version_bump
from .models import Forum, Room, ScheduleRelease, Session, SessionSpeaker, Speaker, Topic
from .services import schedule_release

FORUMS_DIR = DEMO_DIR / "forums"
EDITION_SLUG = "rubber-expo-2026"
LANGUAGES = ("en", CHINESE)
RELEASE_NOTE_EN = "The programme of the expo forums."
RELEASE_NOTE_ZH = "博览会同期论坛日程。"


def _read(name):
    with open(FORUMS_DIR / name, encoding="utf-8") as handle:
        return json.load(handle)


def _translated(model, fields, translations):
    record = model(**fields)
    for language in LANGUAGES:
        record.set_current_language(language)
        for name, value in translations[language].items():
            setattr(record, name, value)
    record.save()
    return record


def _by_slug(model, specs, fields):
    """Existing records of the demo's slugs, and the missing ones created. Returns ({slug: record}, created)."""
    found = {record.slug: record for record in model.objects.filter(slug__in=[spec["slug"] for spec in specs])}
    created = 0
    for spec in specs:
        if spec["slug"] not in found:
            found[spec["slug"]] = _translated(model, fields(spec), spec["translations"])
            created += 1
    return found, created


def _edition():
    return edition_by_slug(slug=EDITION_SLUG)


def _moment(day, clock, zone):
    return datetime.datetime.combine(datetime.date.fromisoformat(day), datetime.time.fromisoformat(clock),
                                     tzinfo=zone)


def _sessions_create(forum, specs, *, days, zone, rooms, topics, speakers):
    for spec in specs:
        day = days[spec["day"] - 1]
        session = _translated(Session, {
            "forum": forum, "room": rooms[spec["room"]], "topic": topics.get(spec["topic"]), "format": spec["format"],
            "starts_at": _moment(day, spec["starts"], zone), "ends_at": _moment(day, spec["ends"], zone),
        }, {language: spec[language] for language in LANGUAGES})
        SessionSpeaker.objects.bulk_create([
            SessionSpeaker(session=session, speaker=speakers[item["speaker"]], role=item["role"], position=position)
            for position, item in enumerate(spec["speakers"])])
    return len(specs)


def _forums_create(specs, *, venue, companies, **lookups):
    existing = set(Forum.objects.filter(slug__in=[spec["slug"] for spec in specs]).values_list("slug", flat=True))
    edition, zone = _edition(), zoneinfo.ZoneInfo(venue["time_zone"])
    created = 0
    for spec in specs:
        if spec["slug"] in existing:
            continue
        forum = _translated(Forum, {
            "slug": spec["slug"], "edition": edition, "position": spec["position"], "time_zone": venue["time_zone"],
            "starts_on": datetime.date.fromisoformat(spec["starts_on"]),
            "ends_on": datetime.date.fromisoformat(spec["ends_on"]),
            "requires_registration": spec["requires_registration"], "capacity": spec["capacity"],
        }, spec["translations"])
        forum.hosts.set([companies[slug] for slug in spec["hosts"] if slug in companies])
        forum.co_organisers.set([companies[slug] for slug in spec["co_organisers"] if slug in companies])
        created += 1 + _sessions_create(forum, spec["sessions"], days=venue["days"], zone=zone, **lookups)
    return created


def _release(author):
    """Release the programme; nothing new when the draft has not changed since the last release."""
    try:
        schedule_release(user=author, note_en=RELEASE_NOTE_EN, note_zh_hans=RELEASE_NOTE_ZH)
    except ValidationError as error:
        if error.code != "unchanged":
            raise
        return 0
    return 1


@transaction.atomic
def build(*, author):
    """Create the missing demo rooms, topics, speakers, forums and sessions, then release the programme if
    anything was created (or nothing was ever released). Returns how many records were created."""
    venue, speaker_specs, forum_specs = _read("venue.json"), _read("speakers.json")["speakers"], \
        _read("forums.json")["forums"]
    company_slugs = {spec["company"] for spec in speaker_specs if spec["company"]}
    company_slugs |= {slug for spec in forum_specs for slug in spec["hosts"] + spec["co_organisers"]}
    companies = {company.slug: company for company in Company.objects.filter(slug__in=company_slugs)}

    rooms, created = _by_slug(Room, venue["rooms"],
                              lambda spec: {"slug": spec["slug"], "position": spec["position"],
                                            "capacity": spec["capacity"]})
    topics, made = _by_slug(Topic, venue["topics"], lambda spec: {"slug": spec["slug"]})
    created += made
    speakers, made = _by_slug(Speaker, speaker_specs,
                              lambda spec: {"slug": spec["slug"], "company": companies.get(spec["company"])})
    created += made
    created += _forums_create(forum_specs, venue=venue, companies=companies, rooms=rooms, topics=topics,
                              speakers=speakers)
    if created or not ScheduleRelease.objects.exists():
        created += _release(author)
    return created


@transaction.atomic
def delete():
    """Delete the demo forums (with their sessions and registrations), speakers, rooms and topics, and the releases
    the demo made. When other releases remain, the draft is released again so the public no longer sees the demo
    programme. Returns how many records were deleted."""
    venue, speaker_specs, forum_specs = _read("venue.json"), _read("speakers.json")["speakers"], \
        _read("forums.json")["forums"]
    forums = Forum.objects.filter(slug__in=[spec["slug"] for spec in forum_specs])
    deleted = forums.count() + Session.objects.filter(forum__in=forums).count()
    forums.delete()
    for model, specs in [(Speaker, speaker_specs), (Topic, venue["topics"])]:
        deleted += model.objects.filter(slug__in=[spec["slug"] for spec in specs]).delete()[1].get(
            model._meta.label, 0)
    rooms = Room.objects.filter(slug__in=[spec["slug"] for spec in venue["rooms"]], sessions__isnull=True)
    deleted += rooms.delete()[1].get(Room._meta.label, 0)  # a room other forums still use stays
    releases = ScheduleRelease.objects.filter(note_en=RELEASE_NOTE_EN, note_zh_hans=RELEASE_NOTE_ZH)
    deleted += releases.delete()[0]
    if ScheduleRelease.objects.exists():
        _release(None)  # a new release without the demo programme (not counted: nothing was deleted by it)
    transaction.on_commit(content_version_bump)
    return deleted
