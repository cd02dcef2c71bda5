"""A real SMTP server on loopback (aiosmtpd) that records what it accepts: the `smtp_server` fixture."""

import asyncio
import threading
from email import message_from_bytes

import pytest
from aiosmtpd.controller import Controller

from scripts.devservices import free_port


class RecordingHandler:
    """A real SMTP server's handler: keeps every accepted message (an unfinished DATA is never accepted)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.messages = []  # (recipients, email.message.Message)
        self.refuse = set()
        self.defer_once = set()  # addresses whose message is answered 451 (not accepted) the first time
        self.hold = None  # an address whose RCPT is answered only after `release` is set
        self.held, self.release = threading.Event(), threading.Event()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 No such user here"
        if address == self.hold and not self.release.is_set():
            self.held.set()  # the sender is now in the middle of an SMTP transaction
            while not self.release.is_set():
                await asyncio.sleep(0.02)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        deferred = self.defer_once.intersection(envelope.rcpt_tos)
        if deferred:
            self.defer_once -= deferred
            return "451 4.3.0 Try again later"
        with self.lock:
            self.messages.append((list(envelope.rcpt_tos), message_from_bytes(envelope.content)))
        return "250 Message accepted for delivery"

    def recipients(self):
        with self.lock:
            return [rcpt for rcpts, _msg in self.messages for rcpt in rcpts]

    def message_ids(self, address):
        with self.lock:
            return [msg["Message-ID"] for rcpts, msg in self.messages if address in rcpts]


@pytest.fixture
def smtp_server():
    handler = RecordingHandler()
    handler.port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=handler.port)
    controller.start()
    handler.url = f"smtp://127.0.0.1:{handler.port}"
    yield handler
    controller.stop()
