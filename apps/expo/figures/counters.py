"""The Redis side of the figures: a visit counted at most once per visitor, item and day, and the live counters.

Redis server: the broker's (settings.REDIS_URL), where keys without a lifetime are never evicted (see the Redis
notes in portal/settings/base.py). The counters live in one hash without a lifetime, so a full memory cannot drop
them; they are durable as far as the server's persistence (AOF / RDB) goes, and the flush runs every few minutes
to bound what a crash of a server without AOF could lose. The "seen" keys that make a count once a day do expire
(a day at most) and hold only an HMAC of the day, item, address and user agent: no address is stored.

Fields of the live hash: "<YYYY-MM-DD>:<company id>:<kind>", kind being "profile" or "product".
"""

import datetime
import hashlib
import hmac
import uuid
from functools import cache

import redis
from django.conf import settings
from django.utils import timezone

PROFILE, PRODUCT = "profile", "product"
KINDS = (PROFILE, PRODUCT)

# Count a view once (SET NX of the visitor's key) and, when it is new, add one to the live hash; atomic.
_RECORD = """
if redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then
  redis.call('HINCRBY', KEYS[2], ARGV[2], 1)
  return 1
end
return 0
"""
# Move the live hash into a new batch and list the batch as pending; atomic, so no increment falls between.
_SEAL = """
if redis.call('EXISTS', KEYS[1]) == 1 then
  redis.call('RENAME', KEYS[1], KEYS[2])
  redis.call('SADD', KEYS[3], ARGV[1])
  return 1
end
return 0
"""


def _prefix():
    return f"{settings.CACHES['default'].get('KEY_PREFIX', 'vp')}:expo:figures"


def live_key():
    return f"{_prefix()}:live"


def batch_key(batch):
    return f"{_prefix()}:batch:{batch}"


def pending_key():
    return f"{_prefix()}:pending"


@cache
def _client(url):
    connection = redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2, health_check_interval=30)
    # EVALSHA with the scripts' digests (sent again by redis-py when a restarted server lacks them)
    return connection, connection.register_script(_RECORD), connection.register_script(_SEAL)


def client():
    return _client(settings.REDIS_URL)[0]


def _seconds_left_today(now):
    tomorrow = timezone.localdate(now) + datetime.timedelta(days=1)
    midnight = timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time.min))
    return max(60, int((midnight - now).total_seconds()) + 60)


def visitor_digest(*, day, item, address, user_agent):
    """An HMAC naming one visitor's view of one item on one day; it cannot be turned back into the address."""
    message = f"{day.isoformat()}|{item}|{address}|{user_agent[:300]}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()[:32]


def view_record(*, company_id, kind, item, address, user_agent, now=None):
    """Count a view of `item` ("c<company>" or "p<product>") of the company, unless this visitor was counted for it
    today. True when counted."""
    now = now or timezone.now()
    day = timezone.localdate(now)
    seen = f"{_prefix()}:seen:{visitor_digest(day=day, item=item, address=address, user_agent=user_agent)}"
    field = f"{day.isoformat()}:{company_id}:{kind}"
    record = _client(settings.REDIS_URL)[1]
    return bool(record(keys=[seen, live_key()], args=[_seconds_left_today(now), field]))


def batch_seal():
    """Move the live counters into a new batch; its name, or None when nothing was counted since the last one."""
    batch = uuid.uuid4().hex
    seal = _client(settings.REDIS_URL)[2]
    sealed = seal(keys=[live_key(), batch_key(batch), pending_key()], args=[batch])
    return batch if sealed else None


def batches_pending():
    """Batches sealed and not yet forgotten (a flush interrupted after sealing leaves its batch here)."""
    return sorted(name.decode() for name in client().smembers(pending_key()))


def batch_counts(batch):
    """{(company id, day, kind): count} of a batch; malformed fields are skipped."""
    counts = {}
    for raw_field, raw_count in client().hgetall(batch_key(batch)).items():
        try:
            day, company_id, kind = raw_field.decode().split(":")
            key = (int(company_id), datetime.date.fromisoformat(day), kind)
            count = int(raw_count)
        except ValueError:
            continue
        if kind in KINDS and count > 0:
            counts[key] = counts.get(key, 0) + count
    return counts


def batch_forget(batch):
    pipe = client().pipeline()
    pipe.delete(batch_key(batch))
    pipe.srem(pending_key(), batch)
    pipe.execute()


def live_counts():
    """{(company id, day, kind): count} counted since the last flush (for tests and the command line)."""
    counts = {}
    for raw_field, raw_count in client().hgetall(live_key()).items():
        day, company_id, kind = raw_field.decode().split(":")
        counts[(int(company_id), datetime.date.fromisoformat(day), kind)] = int(raw_count)
    return counts
