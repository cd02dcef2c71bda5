"""Sending over one SMTP connection so that a message is never delivered twice.

Each message is written up to the end of its DATA; then the caller marks it sent in the database; only then the
final "." is written, which is when the server accepts it. A worker killed before the mark leaves the message
undelivered (the server drops an unfinished DATA) and the row in "sending", so it is sent again later; a worker
killed after the mark has already handed "." to the kernel, which delivers it. What remains is the instant between
the database confirming the mark and the "." being written (a fraction of a millisecond): a worker killed exactly
then loses that one email. SMTP has no two-phase commit; this order trades duplicates for that much rarer loss.
"""

import smtplib
import socket
import ssl

from django.conf import settings
from django.core.mail import get_connection
from django.core.mail.backends.smtp import EmailBackend as SMTPBackend

CRLF = b"\r\n"


class Aborted(Exception):
    """The commit step refused: the row was taken over by another worker. Nothing was delivered."""


class TransientError(Exception):
    pass


class PermanentError(Exception):
    pass


def _classify(code, text):
    error = f"{code} {text.decode(errors='replace') if isinstance(text, bytes) else text}"
    return TransientError(error) if 400 <= code < 500 else PermanentError(error)


class TwoPhaseSMTP:
    def __init__(self):
        host, port = settings.EMAIL_HOST, settings.EMAIL_PORT
        timeout = settings.EMAIL_TIMEOUT or 30
        if settings.EMAIL_USE_SSL:
            self.smtp = smtplib.SMTP_SSL(host, port, timeout=timeout, context=ssl.create_default_context())
        else:
            self.smtp = smtplib.SMTP(host, port, timeout=timeout)
            if settings.EMAIL_USE_TLS:
                self.smtp.starttls(context=ssl.create_default_context())
        # Small commands wait for each reply: without NODELAY, Nagle and delayed ACKs cost ~40 ms per message.
        self.smtp.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.smtp.ehlo_or_helo_if_needed()
        if settings.EMAIL_HOST_USER:
            self.smtp.login(settings.EMAIL_HOST_USER, settings.EMAIL_HOST_PASSWORD)

    def send(self, renderer, message, commit):
        sender, recipients, data = renderer.raw(message)
        commands = [f"MAIL FROM:{smtplib.quoteaddr(sender)}"] + [f"RCPT TO:{smtplib.quoteaddr(r)}" for r in recipients]
        commands.append("DATA")
        if self.smtp.has_extn("pipelining"):  # RFC 2920: one round trip for the envelope instead of three
            self.smtp.send("".join(f"{c}\r\n" for c in commands))
            replies = [self.smtp.getreply() for _c in commands]
        else:
            replies = []
            for command in commands:
                self.smtp.putcmd(command)
                replies.append(self.smtp.getreply())
                if replies[-1][0] >= 400:
                    break
        for (code, text), expected in zip(replies, [(250,)] + [(250, 251)] * len(recipients) + [(354,)]):
            if code not in expected:
                if replies[-1][0] == 354:  # the server is waiting for data: end it empty, then forget it
                    self.smtp.send(b"." + CRLF)
                    self.smtp.getreply()
                self._reset()
                raise _classify(code, text)
        quoted = smtplib._quote_periods(data)
        self.smtp.send(quoted if quoted.endswith(CRLF) else quoted + CRLF)
        if not commit():
            self.close()  # dropping the connection mid-DATA discards the message
            raise Aborted()
        self.smtp.send(b"." + CRLF)
        code, text = self.smtp.getreply()
        if code != 250:
            raise _classify(code, text)

    def _reset(self):
        try:
            self.smtp.rset()
        except smtplib.SMTPException:
            pass

    def close(self):
        try:
            self.smtp.close()
        except Exception:  # closing a broken connection must not hide the original error
            pass


class BackendSender:
    """Any other Django email backend (files in development, locmem in tests): mark sent after the backend."""

    def __init__(self):
        self.connection = get_connection()
        self.connection.open()

    def send(self, renderer, message, commit):
        from .render import email_build

        email = email_build(message)
        email.connection = self.connection
        email.send()
        if not commit():
            raise Aborted()

    def close(self):
        self.connection.close()


def sender_open():
    backend = get_connection()
    if type(backend) is SMTPBackend:
        return TwoPhaseSMTP()
    return BackendSender()
