"""Values a web process keeps for itself: the least recently used go first once a byte limit is reached, and each
goes at its own timeout. Only for values under keys that can never mean another value (a key carrying a content
version, which is a fresh token on every bump): a process can then reuse what it read or rendered without asking
Redis, and still never serve anything stale."""

import threading
import time
from collections import OrderedDict


def _content_size(entry):
    return len(entry["content"])


class LocalEntries:
    """A bounded, timed store of one process. `sizeof(value)` is what a value costs against `limit` (bytes)."""

    def __init__(self, limit, sizeof=_content_size):
        self.limit, self.sizeof, self.size = limit, sizeof, 0
        self._entries, self._lock = OrderedDict(), threading.Lock()

    def get(self, key):
        with self._lock:
            found = self._entries.get(key)
            if found is None:
                return None
            if found[0] <= time.monotonic():
                self._drop(key)
                return None
            self._entries.move_to_end(key)
            return found[2]

    def put(self, key, value, seconds):
        """Keep `value` for `seconds` (on a monotonic clock), unless it alone would take a quarter of the limit."""
        size = self.sizeof(value)
        if size > self.limit // 4:
            return
        with self._lock:
            self._drop(key)
            self._entries[key] = (time.monotonic() + seconds, size, value)
            self.size += size
            while self.size > self.limit:
                self._drop(next(iter(self._entries)))

    def discard(self, key):
        with self._lock:
            self._drop(key)

    def _drop(self, key):
        found = self._entries.pop(key, None)
        if found is not None:
            self.size -= found[1]
