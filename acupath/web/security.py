"""Security of the web app: passwords, signed session cookies, API tokens, CSRF, headers.

- Passwords are hashed with argon2id (argon2-cffi's defaults, RFC 9106 low-memory profile).
- The session cookie is a signed, timestamped value (itsdangerous) holding the user id and a
  fingerprint of the password hash, so changing a password ends every session and token. It is
  HttpOnly, SameSite=Lax, and Secure whenever the request came over HTTPS.
- API tokens for scripts are signed the same way under another salt; they are sent as
  ``Authorization: Bearer <token>`` and never read from cookies, so the API needs no CSRF token.
- Forms carry a CSRF token that must equal the visitor's ``acupath_csrf`` cookie (double submit);
  SameSite cookies are the second line.
- Failed sign-ins are counted per username; after ``MAX_FAILED_SIGN_INS`` inside the window the
  username is locked for the window (per process: several workers each keep their own count).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from itsdangerous import BadSignature, URLSafeTimedSerializer

SESSION_COOKIE = "acupath_session"
CSRF_COOKIE = "acupath_csrf"
CSRF_FIELD = "csrf_token"
SESSION_MAX_AGE = 12 * 3600
"""A working day and a bit: a clinician signs in once a day."""
TOKEN_MAX_AGE = 90 * 24 * 3600
MAX_FAILED_SIGN_INS = 5
LOCKOUT_SECONDS = 15 * 60

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

_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    """An argon2id hash of ``password`` (salted; the parameters are stored in the hash)."""
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """True when ``password`` matches; false for a wrong password or a user without one."""
    if not password_hash:
        return False
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def fingerprint(password_hash: str | None) -> str:
    """A short digest of the password hash: sessions and tokens die when the password changes."""
    return hashlib.sha256((password_hash or "").encode()).hexdigest()[:16]


class Signer:
    """Signs and reads session cookies and API tokens with the app's secret key."""

    def __init__(self, secret_key: str) -> None:
        self._session = URLSafeTimedSerializer(secret_key, salt="acupath-session")
        self._token = URLSafeTimedSerializer(secret_key, salt="acupath-api-token")

    def session(self, user_id: int, password_hash: str | None) -> str:
        return self._session.dumps({"uid": user_id, "fp": fingerprint(password_hash)})

    def token(self, user_id: int, password_hash: str | None) -> str:
        return self._token.dumps({"uid": user_id, "fp": fingerprint(password_hash)})

    def read_session(self, value: str) -> tuple[int, str] | None:
        return _read(self._session, value, SESSION_MAX_AGE)

    def read_token(self, value: str) -> tuple[int, str] | None:
        return _read(self._token, value, TOKEN_MAX_AGE)


def _read(serializer: URLSafeTimedSerializer, value: str, max_age: int) -> tuple[int, str] | None:
    try:
        data: Any = serializer.loads(value, max_age=max_age)
    except BadSignature:  # also covers SignatureExpired
        return None
    if not isinstance(data, dict) or not isinstance(data.get("uid"), int):
        return None
    return data["uid"], str(data.get("fp", ""))


def new_csrf_token() -> str:
    return secrets.token_urlsafe(32)


def csrf_matches(cookie: str | None, submitted: str | None) -> bool:
    """Constant-time comparison of the form's token with the cookie's."""
    if not cookie or not submitted:
        return False
    return hmac.compare_digest(cookie.encode(), submitted.encode())


@dataclass
class SignInGuard:
    """Counts failed sign-ins per username and locks a username after too many.

    ``clock`` is injectable so tests need no waiting.
    """

    limit: int = MAX_FAILED_SIGN_INS
    window: float = LOCKOUT_SECONDS
    clock: Callable[[], float] = time.monotonic
    _failures: dict[str, list[float]] = field(default_factory=dict)

    def _recent(self, username: str) -> list[float]:
        now = self.clock()
        recent = [t for t in self._failures.get(username, []) if now - t < self.window]
        if recent:
            self._failures[username] = recent
        else:
            self._failures.pop(username, None)
        return recent

    def locked(self, username: str) -> bool:
        return len(self._recent(username)) >= self.limit

    def failed(self, username: str) -> None:
        # bounded memory: at most ``limit`` timestamps per username are kept
        self._failures[username] = [*self._recent(username), self.clock()][-self.limit :]

    def succeeded(self, username: str) -> None:
        self._failures.pop(username, None)
