"""Sending over one SMTP connection so that no email is ever lost, and a duplicate is only ever possible where
SMTP itself cannot tell.

A row is "sent" only once the server has answered 250 to the final ".". Just before writing that ".", the caller
records that the row's final dot is going out (`before_dot`); any outcome other than the 250 puts the row back in the
queue. The one case SMTP cannot settle is a "." written whose reply never arrived (connection dropped, timeout,
worker killed): the server may or may not have the message. Such an attempt raises `Unconfirmed` (or, for a killed
worker, is found by the lease sweep with its dot recorded); the row is sent again with the same Message-ID, so a
receiving server or client that sees both can fold them, and the attempt is counted as "unconfirmed".
"""

import select
import smtplib
import socket
import ssl

from django.conf import settings
from django.core.mail import get_connection
from django.core.mail.backends.smtp import EmailBackend as SMTPBackend

CRLF = b"\r\n"


class Aborted(Exception):
    """`before_dot` refused: another worker took the row over. The DATA was left unfinished: nothing delivered."""


class TransientError(Exception):
    """A 4xx reply or a lost connection before the final ".": nothing was delivered, try again later."""


class PermanentError(Exception):
    """A 5xx reply: the server refused the message for good."""


class Unconfirmed(Exception):
    """The final "." was written and no reply came: the server may have the message. Try again, same Message-ID."""


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

    def send(self, renderer, message, before_dot):
        """Deliver one message; returns only after the server's 250 to the final "."."""
        sender, recipients, data = renderer.raw(message)
        self._envelope(sender, recipients)
        quoted = smtplib._quote_periods(data)
        self.smtp.send(quoted if quoted.endswith(CRLF) else quoted + CRLF)
        if not before_dot():
            self.close()  # dropping the connection mid-DATA discards the message
            raise Aborted()
        self._check_still_listening()
        try:
            self.smtp.send(b"." + CRLF)
        except smtplib.SMTPServerDisconnected as exc:  # the "." never left: nothing delivered
            raise TransientError(f"connection lost before the final '.': {exc}") from exc
        try:
            code, text = self.smtp.getreply()
        except (OSError, smtplib.SMTPServerDisconnected) as exc:
            self.close()
            raise Unconfirmed(f"no reply to the final '.': {exc}") from exc
        if code != 250:
            raise _classify(code, text)

    def _check_still_listening(self):
        """A server that closed or spoke during DATA (a 421, say) has dropped the message: never write the "."
        then, so a drop seen in time is a plain retry, not an unconfirmed one."""
        sock = self.smtp.sock
        if sock is None or not select.select([sock], [], [], 0)[0]:
            return
        try:
            early = sock.recv(512, socket.MSG_PEEK)
        except OSError as exc:
            raise TransientError(f"connection lost during DATA: {exc}") from exc
        raise TransientError(f"the server ended the DATA early: {early[:100]!r}")

    def _envelope(self, sender, recipients):
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
    """Any other Django email backend (files in development, locmem in tests): the backend's return is its 250."""

    def __init__(self):
        self.connection = get_connection()
        self.connection.open()

    def send(self, renderer, message, before_dot):
        from .render import email_build

        email = email_build(message)
        email.connection = self.connection
        if not before_dot():
            raise Aborted()
        email.send()

    def close(self):
        self.connection.close()


def sender_open():
    backend = get_connection()
    if type(backend) is SMTPBackend:
        return TwoPhaseSMTP()
    return BackendSender()
