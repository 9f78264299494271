"""A real OpenID Connect provider for the sign-in tests: PyPI's django-oidc-provider 0.9.0 on
Django 5.2, on a loopback port, with a SQLite file, a few accounts and one confidential client.

Usage: provider.py PORT DATA_DIR REDIRECT_URI   (PORT 0: a free port)
  The client's id is "caseload"; its secret comes from the environment (CASELOAD_OIDC_SECRET).
  Accounts (password "correct horse" each):
    jane   Jane Smith    jane.smith@havant.example      (a SENCO in the tests)
    sam    Sam Okafor    sam.okafor@trust.example       (a specialist)
    lee    Lee Grant     lee.grant@trust.example        (a leader)
    stray  Stray Person  stray@elsewhere.example        (no one Caseload knows)
Prints "ready ISSUER" once it answers, then serves until killed.
"""
import os
import socket
import sys
import threading
import urllib.request


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


PORT, DATA, REDIRECT = int(sys.argv[1]) or free_port(), sys.argv[2], sys.argv[3]
SECRET = os.environ["CASELOAD_OIDC_SECRET"]
ISSUER = f"http://127.0.0.1:{PORT}/openid"
ACCOUNTS = [
    ("jane", "Jane", "Smith", "jane.smith@havant.example"),
    ("sam", "Sam", "Okafor", "sam.okafor@trust.example"),
    ("lee", "Lee", "Grant", "lee.grant@trust.example"),
    ("stray", "Stray", "Person", "stray@elsewhere.example"),
]
PASSWORD = "correct horse"
os.makedirs(os.path.join(DATA, "templates", "registration"), exist_ok=True)
with open(os.path.join(DATA, "templates", "registration", "login.html"), "w") as f:
    f.write(
        '<!doctype html><html lang="en"><head><title>Test provider: sign in</title></head><body>'
        '<h1>Test provider</h1><form method="post">{% csrf_token %}{{ form.as_p }}'
        '<input type="hidden" name="next" value="{{ next }}">'
        '<button type="submit" id="provider-sign-in">Sign in</button></form></body></html>'
    )

from django.conf import settings  # noqa: E402

settings.configure(
    DEBUG=False,
    SECRET_KEY="test-provider-only",
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    SITE_URL=f"http://127.0.0.1:{PORT}",
    LOGIN_URL="/accounts/login/",
    INSTALLED_APPS=[
        "django.contrib.auth",
        "django.contrib.contenttypes",
        "django.contrib.sessions",
        "oidc_provider",
    ],
    MIDDLEWARE=[
        "django.contrib.sessions.middleware.SessionMiddleware",
        "django.middleware.csrf.CsrfViewMiddleware",
        "django.contrib.auth.middleware.AuthenticationMiddleware",
    ],
    TEMPLATES=[
        {
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "DIRS": [os.path.join(DATA, "templates")],
            "APP_DIRS": True,
            "OPTIONS": {"context_processors": ["django.template.context_processors.request"]},
        }
    ],
    DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": os.path.join(DATA, "provider.sqlite3")}},
    USE_TZ=True,
    OIDC_USERINFO=__name__ + ".userinfo",
    OIDC_IDTOKEN_INCLUDE_CLAIMS=True,
)

import django  # noqa: E402

django.setup()

from django.contrib.auth import views as auth_views  # noqa: E402
from django.urls import include, path  # noqa: E402

urlpatterns = [
    path("accounts/login/", auth_views.LoginView.as_view()),
    path("openid/", include("oidc_provider.urls", namespace="oidc_provider")),
]


def userinfo(claims, user):
    """The standard claims a school's directory gives: name, email, email_verified."""
    claims["name"] = f"{user.first_name} {user.last_name}"
    claims["given_name"], claims["family_name"] = user.first_name, user.last_name
    claims["email"] = user.email
    claims["email_verified"] = True
    return claims


def prepare():
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from oidc_provider.models import Client, ResponseType, RSAKey

    call_command("migrate", verbosity=0)
    if not RSAKey.objects.exists():
        call_command("creatersakey")
    for username, first, last, email in ACCOUNTS:
        if not User.objects.filter(username=username).exists():
            User.objects.create_user(username, email, PASSWORD, first_name=first, last_name=last)
    client, _ = Client.objects.get_or_create(client_id="caseload")
    client.name, client.client_type, client.client_secret = "Caseload", "confidential", SECRET
    client.redirect_uris = [REDIRECT]
    client.require_consent, client.reuse_consent = False, True
    client.jwt_alg = "RS256"
    client.scope = ["openid", "email", "profile"]
    client.save()
    client.response_types.set([ResponseType.objects.get(value="code")])


def announce():
    url = ISSUER + "/.well-known/openid-configuration"
    for _ in range(200):
        try:
            urllib.request.urlopen(url, timeout=2).read()
            print("ready " + ISSUER, flush=True)
            return
        except Exception:
            threading.Event().wait(0.1)
    print("FAILED: the provider did not answer " + url, flush=True)


if __name__ == "__main__":
    prepare()
    from django.core.servers.basehttp import WSGIRequestHandler, ThreadedWSGIServer
    from django.core.wsgi import get_wsgi_application
    from wsgiref.simple_server import make_server

    class Quiet(WSGIRequestHandler):
        def log_message(self, *args):
            pass

    server = make_server("127.0.0.1", PORT, get_wsgi_application(), server_class=ThreadedWSGIServer, handler_class=Quiet)
    threading.Thread(target=announce, daemon=True).start()
    server.serve_forever()
