"""Server-side sign-ins and the sign-in throttle, both in the database.

Sign-ins (``auth_sessions``): a browser session or an API token is a random secret (256 bits)
shown once; the table keeps only its SHA-256, so a copy of the database opens no account. A
sign-in works while it is not revoked, not expired, its user is active and, for browser
sessions, it was used within :data:`SESSION_IDLE` seconds. Sign-out, a password change, an
admin and disabling the user revoke it.

Throttle (``sign_in_throttle``): every attempt is counted *before* the password is checked,
by one atomic upsert committed on its own, so concurrent guesses, several worker processes and
restarts all see one count. After :data:`USER_LIMIT` failures for a username, or
:data:`ADDRESS_LIMIT` for an address, inside :data:`WINDOW` seconds, attempts are refused
without checking the password; a success clears the username's count.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from typing import Literal

from sqlalchemy import Engine, case, delete, literal, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from acupath.store.engine import read_session, write_session
from acupath.store.models import AuthSession, SignInThrottle, User

Kind = Literal["session", "token"]

SESSION_MAX_AGE = 12 * 3600
"""A working day and a bit: a clinician signs in once a day."""
SESSION_IDLE = 30 * 60
"""A browser session unused this long ends (a shared clinic PC left signed in)."""
TOKEN_MAX_AGE = 90 * 24 * 3600
TOUCH_EVERY = 60
"""``last_used_at`` is written at most once a minute per sign-in (a write per page is waste)."""
USER_LIMIT = 5
ADDRESS_LIMIT = 30
WINDOW = 15 * 60


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def aware(value: dt.datetime) -> dt.datetime:
    """SQLite hands back naive datetimes; acupath stores UTC."""
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def open_sign_in(
    *,
    db: Session,
    user: User,
    kind: Kind,
    label: str | None = None,
    address: str | None = None,
    lifetime: int | None = None,
) -> tuple[AuthSession, str]:
    """A new sign-in for ``user``; returns the row and the secret (shown once, never stored)."""
    secret = secrets.token_urlsafe(32)
    at = now()
    seconds = lifetime or (SESSION_MAX_AGE if kind == "session" else TOKEN_MAX_AGE)
    row = AuthSession(
        user_id=user.id,
        kind=kind,
        secret_hash=digest(secret),
        label=label,
        address=address,
        created_at=at,
        last_used_at=at,
        expires_at=at + dt.timedelta(seconds=seconds),
    )
    db.add(row)
    db.flush()
    return row, secret


def find(*, db: Session, secret: str, kind: Kind) -> AuthSession | None:
    """The live sign-in holding ``secret``, or None (unknown, revoked, expired, idle, user
    disabled). A live one has ``last_used_at`` moved forward (at most once a minute)."""
    row = db.scalar(select(AuthSession).where(AuthSession.secret_hash == digest(secret)))
    if row is None or row.kind != kind or row.revoked_at is not None:
        return None
    at = now()
    if aware(row.expires_at) <= at:
        return None
    idle = (at - aware(row.last_used_at)).total_seconds()
    if kind == "session" and idle > SESSION_IDLE:
        return None
    user = db.get(User, row.user_id)
    if user is None or not user.active:
        return None
    if idle > TOUCH_EVERY:
        row.last_used_at = at
    return row


def revoke(*, db: Session, row: AuthSession) -> None:
    if row.revoked_at is None:
        row.revoked_at = now()
        db.flush()


def revoke_all(*, db: Session, user_id: int, kind: Kind | None = None) -> int:
    """Revoke every live sign-in of a user (optionally only one kind); return how many."""
    query = (
        update(AuthSession)
        .where(AuthSession.user_id == user_id, AuthSession.revoked_at.is_(None))
        .values(revoked_at=now())
    )
    if kind:
        query = query.where(AuthSession.kind == kind)
    result = db.execute(query)
    return int(getattr(result, "rowcount", 0) or 0)


def listed(
    *, db: Session, clinic_id: int | None = None, user_id: int | None = None, live_only: bool = True
) -> list[AuthSession]:
    """Sign-ins, newest first, of one user or of every user of one clinic."""
    query = select(AuthSession).join(User).order_by(AuthSession.id.desc())
    if clinic_id is not None:
        query = query.where(User.clinic_id == clinic_id)
    if user_id is not None:
        query = query.where(AuthSession.user_id == user_id)
    if live_only:
        query = query.where(AuthSession.revoked_at.is_(None), AuthSession.expires_at > now())
    return list(db.scalars(query))


# -- throttle ------------------------------------------------------------------------------


def user_key(username: str) -> str:
    return "user:" + username.strip().lower()[:150]


def address_key(address: str | None) -> str:
    return "addr:" + (address or "unknown")[:64]


def count_attempt(engine: Engine, key: str, *, window: int = WINDOW) -> int:
    """Count one attempt for ``key`` and return the count inside the window (committed at
    once, atomically: one upsert)."""
    at = now()
    cutoff = at - dt.timedelta(seconds=window)
    dialect = postgresql if engine.dialect.name == "postgresql" else sqlite
    table = SignInThrottle.__table__
    stale = table.c.window_start < literal(cutoff, table.c.window_start.type)
    stmt = dialect.insert(table).values(key=key, failures=1, window_start=at)
    stmt = stmt.on_conflict_do_update(
        index_elements=[table.c.key],
        set_={
            "failures": case((stale, 1), else_=table.c.failures + 1),
            "window_start": case(
                (stale, literal(at, table.c.window_start.type)), else_=table.c.window_start
            ),
        },
    ).returning(table.c.failures)
    with write_session(engine) as db:
        count = db.execute(stmt).scalar_one()
    return int(count)


def uncount(engine: Engine, key: str, *, clear: bool = False) -> None:
    """After a success: clear the username's count, or take the one attempt off an address."""
    with write_session(engine) as db:
        if clear:
            db.execute(delete(SignInThrottle).where(SignInThrottle.key == key))
        else:
            db.execute(
                update(SignInThrottle)
                .where(SignInThrottle.key == key, SignInThrottle.failures > 0)
                .values(failures=SignInThrottle.failures - 1)
            )


def locked(engine: Engine, key: str, limit: int, *, window: int = WINDOW) -> bool:
    """True when ``key`` has ``limit`` or more counted attempts inside the window."""
    with read_session(engine) as db:
        row = db.get(SignInThrottle, key)
        if row is None:
            return False
        fresh = aware(row.window_start) >= now() - dt.timedelta(seconds=window)
        return fresh and row.failures >= limit
