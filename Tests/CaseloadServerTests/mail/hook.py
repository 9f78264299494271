"""A webhook receiver on loopback for the tests: answers 200 to each POST and appends its body
(one JSON document a line) to a file.

Usage: hook.py FILE
Prints "ready PORT" once it listens, then serves until killed.
"""
import http.server
import sys

FILE = sys.argv[1]


class Hook(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        with open(FILE, "ab") as f:
            f.write(body.replace(b"\n", b" ") + b"\n")
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"1")

    def log_message(self, *args):
        pass


server = http.server.HTTPServer(("127.0.0.1", 0), Hook)
print("ready %d" % server.server_address[1], flush=True)
server.serve_forever()
