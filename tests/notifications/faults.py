"""A TCP proxy in front of the recording SMTP server that breaks chosen SMTP transactions in chosen ways.

Faults are armed per recipient address and fire once, on the transaction whose RCPT names the address:
- "drop_mid_data": forward part of the DATA, then close both sides (the server discards the unfinished message);
- "swallow_dot": forward the DATA but not the final ".", then close both sides (the server never accepts it, yet
  the sender has written its "." and gets no reply);
- "drop_reply": forward the ".", then close the sender's side before the server's reply reaches it (the server
  has the message, the sender never learns it);
- "stall_reply": forward the "." and hold the server's reply for `stall_seconds` (longer than the sender's
  timeout), then close;
- "hold_mid_data" / "hold_after_dot": stop at that point, set `held` and wait for `release` (a test kills the
  sending worker there); the transaction then ends as if dropped.
"""

import select
import socket
import struct
import threading
import time

from scripts.devservices import free_port

END = b"\r\n.\r\n"


class FaultProxy:
    def __init__(self, upstream_port, stall_seconds=4.0):
        self.upstream_port, self.stall_seconds = upstream_port, stall_seconds
        self.port = free_port()
        self.url = f"smtp://127.0.0.1:{self.port}"
        self.faults = {}  # address -> fault
        self.fired = []  # (address, fault), in order
        self.held, self.release = threading.Event(), threading.Event()
        self._listener = socket.create_server(("127.0.0.1", self.port))
        self._stopped = False
        threading.Thread(target=self._accept, daemon=True).start()

    def arm(self, address, fault):
        self.faults[address.lower()] = fault

    def stop(self):
        self._stopped = True
        self.release.set()
        self._listener.close()

    def _accept(self):
        while not self._stopped:
            try:
                client, _addr = self._listener.accept()
            except OSError:
                return
            server = socket.create_connection(("127.0.0.1", self.upstream_port))
            threading.Thread(target=_Connection(self, client, server).run, daemon=True).start()


class _Connection:
    def __init__(self, proxy, client, server):
        self.proxy, self.client, self.server = proxy, client, server
        self.in_data, self.fault, self.lines, self.tail, self.data_seen = False, None, b"", b"", 0
        self.dot_forwarded = False

    def run(self):
        try:
            self._pump()
        except OSError:
            pass
        finally:
            for sock in (self.client, self.server):
                try:
                    sock.close()
                except OSError:
                    pass

    def _pump(self):
        while True:
            readable, _w, _x = select.select([self.client, self.server], [], [], 0.5)
            if self.server in readable:
                reply = self.server.recv(65536)
                if not reply:
                    return None
                if self.dot_forwarded and self.fault in ("drop_reply", "stall_reply", "hold_after_dot"):
                    return self._after_dot()
                self.client.sendall(reply)
            if self.client in readable:
                chunk = self.client.recv(65536)
                if not chunk:
                    return None
                if not self._forward(chunk):
                    return None

    def _after_dot(self):
        """The server has answered the "." of a faulty transaction: its reply never reaches the sender."""
        if self.fault == "stall_reply":
            time.sleep(self.proxy.stall_seconds)
        elif self.fault == "hold_after_dot":
            self._hold()

    def _hold(self):
        self.proxy.held.set()
        while not self.proxy.release.is_set():
            readable, _w, _x = select.select([self.client], [], [], 0.05)
            if readable and not self.client.recv(65536):
                break  # the sender is gone (killed): keep the server side waiting until released
        self.proxy.release.wait()

    def _forward(self, chunk):
        """Pass the sender's bytes on, acting on the armed fault; False ends the connection."""
        if not self.in_data:
            self.server.sendall(chunk)
            self.lines += chunk
            *complete, self.lines = self.lines.split(b"\r\n")
            for line in complete:
                self._command(line)
            return True
        combined = self.tail + chunk
        end = combined.find(END)
        self.data_seen += len(chunk)
        if self.fault in ("drop_mid_data", "hold_mid_data") and self.data_seen > 200:
            self.server.sendall(chunk[: max(1, len(chunk) // 2)])
            if self.fault == "hold_mid_data":
                self._hold()
            else:  # a reset, as a dropped connection looks to the sender
                self.client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            return False
        if end < 0:
            self.server.sendall(chunk)
            self.tail = combined[-4:]
            return True
        dot = end + 2 - len(self.tail)  # where the final "." stands in this chunk
        if self.fault == "swallow_dot":
            self.server.sendall(chunk[:max(dot, 0)])
            return False
        self.server.sendall(chunk)
        self.in_data, self.tail, self.data_seen = False, b"", 0
        self.dot_forwarded = self.fault is not None
        return True

    def _command(self, line):
        upper = line.upper()
        if upper.startswith(b"RCPT TO:"):
            address = line[8:].strip().strip(b"<>").decode().lower()
            fault = self.proxy.faults.pop(address, None)
            if fault:
                self.fault = fault
                self.proxy.fired.append((address, fault))
        elif upper == b"DATA":
            self.in_data = True
