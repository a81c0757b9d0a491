"""Security of the web app: passwords, signed sign-in secrets, CSRF, headers.

- Passwords are hashed with argon2id (argon2-cffi's defaults, RFC 9106 low-memory profile).
  A sign-in for an unknown or disabled username checks the password against a dummy hash, so
  it takes as long as one for a real user (no timing oracle for usernames).
- Sessions and API tokens live in the database (:mod:`acupath.store.session_auth`): the cookie
  or token is a random secret, signed here with the app's key (itsdangerous) as a second lock.
  Sign-out revokes the row, so an old cookie stops working.
- The session cookie is HttpOnly, SameSite=Lax, and Secure whenever the request came over HTTPS.
- API tokens are sent as ``Authorization: Bearer <token>`` and never read from cookies, so the
  API needs no CSRF token.
- Forms carry a CSRF token that must equal the visitor's ``acupath_csrf`` cookie (double submit);
  it is replaced at sign-in. SameSite cookies are the second line.
- Failed sign-ins are counted in the database per username and per address
  (:mod:`acupath.store.session_auth`).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from itsdangerous import BadSignature, URLSafeTimedSerializer

from acupath.store import session_auth

SESSION_COOKIE = "acupath_session"
CSRF_COOKIE = "acupath_csrf"
CSRF_FIELD = "csrf_token"
SESSION_MAX_AGE = session_auth.SESSION_MAX_AGE
TOKEN_MAX_AGE = session_auth.TOKEN_MAX_AGE
MAX_FAILED_SIGN_INS = session_auth.USER_LIMIT
LOCKOUT_SECONDS = session_auth.WINDOW

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}
NO_STORE = "no-store"

_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    """An argon2id hash of ``password`` (salted; the parameters are stored in the hash)."""
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """True when ``password`` matches; false for a wrong password or a user without one.

    Without a hash the password is still checked against a dummy hash, so the answer takes
    the same time whether or not the username exists.
    """
    if not password_hash:
        _check(_dummy_hash(), password)
        return False
    return _check(password_hash, password)


def _check(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


_dummy: list[str] = []
_dummy_lock = threading.Lock()


def _dummy_hash() -> str:
    with _dummy_lock:
        if not _dummy:
            _dummy.append(_hasher.hash(secrets.token_urlsafe(16)))
        return _dummy[0]


def fingerprint(password_hash: str | None) -> str:
    """A short digest of the password hash (kept for callers; sign-ins are server-side now)."""
    return hashlib.sha256((password_hash or "").encode()).hexdigest()[:16]


class Signer:
    """Signs and reads the secrets of session cookies and API tokens with the app's key."""

    def __init__(self, secret_key: str) -> None:
        self._session = URLSafeTimedSerializer(secret_key, salt="acupath-session")
        self._token = URLSafeTimedSerializer(secret_key, salt="acupath-api-token")

    def session(self, secret: str) -> str:
        return self._session.dumps(secret)

    def token(self, secret: str) -> str:
        return self._token.dumps(secret)

    def read_session(self, value: str) -> str | None:
        return _read(self._session, value, SESSION_MAX_AGE)

    def read_token(self, value: str) -> str | None:
        return _read(self._token, value, TOKEN_MAX_AGE)


def _read(serializer: URLSafeTimedSerializer, value: str, max_age: int) -> str | None:
    if not value or len(value) > 400:
        return None
    try:
        data: Any = serializer.loads(value, max_age=max_age)
    except BadSignature:  # also covers SignatureExpired
        return None
    return data if isinstance(data, str) and data else None


def new_csrf_token() -> str:
    return secrets.token_urlsafe(32)


def csrf_matches(cookie: str | None, submitted: str | None) -> bool:
    """Constant-time comparison of the form's token with the cookie's."""
    if not cookie or not submitted:
        return False
    return hmac.compare_digest(cookie.encode(), submitted.encode())
