"""A real SMTP server on loopback for the mail tests: PyPI's aiosmtpd 1.4.6, keeping every
message it is given in a Maildir.

Usage: relay.py MAILDIR [PORT [DELAY]]   (no PORT or 0: a free one; DELAY: seconds each message takes)
Prints "ready PORT" once it listens, then serves until killed.
"""
import asyncio
import socket
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Mailbox

folder = sys.argv[1]
delay = float(sys.argv[3]) if len(sys.argv) > 3 else 0.0


class SlowMailbox(Mailbox):
    """A Maildir that takes `delay` seconds over each message, as a busy relay does."""

    async def handle_DATA(self, server, session, envelope):
        await asyncio.sleep(delay)
        return await super().handle_DATA(server, session, envelope)


if len(sys.argv) > 2 and int(sys.argv[2]) > 0:
    port = int(sys.argv[2])
else:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
controller = Controller(SlowMailbox(folder), hostname="127.0.0.1", port=port)
controller.start()
print("ready %d" % port, flush=True)
threading.Event().wait()
