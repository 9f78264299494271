"""A real SMTP server on loopback for the mail tests: PyPI's aiosmtpd 1.4.6, keeping every
message it is given in a Maildir.

Usage: relay.py MAILDIR [PORT]   (no PORT: a free one)
Prints "ready PORT" once it listens, then serves until killed.
"""
import socket
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Mailbox

folder = sys.argv[1]
if len(sys.argv) > 2:
    port = int(sys.argv[2])
else:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
controller = Controller(Mailbox(folder), hostname="127.0.0.1", port=port)
controller.start()
print("ready %d" % port, flush=True)
threading.Event().wait()
