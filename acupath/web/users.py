"""Accounts of the web app over the store's ``users`` table: add, change, disable, sign in.

Roles are ``admin``, ``clinician`` and ``viewer`` (:data:`acupath.web.deps.ROLES`).
A password change or disabling a user revokes every session and token of that user.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from acupath.errors import InputError
from acupath.store import clinics, read_session, session_auth
from acupath.store.models import User
from acupath.web.deps import ROLES
from acupath.web.security import hash_password, verify_password

MIN_PASSWORD = 10
"""NIST SP 800-63B asks for at least 8 characters; 10 gives a margin for shared clinic PCs."""


def add_user(
    *,
    db: Session,
    username: str,
    password: str,
    role: str = "clinician",
    clinic: str | None = None,
    display_name: str | None = None,
) -> User:
    """Create a user of ``clinic`` (created when missing) with an argon2 password hash."""
    if role not in ROLES:
        raise InputError.invalid("role", role, "one of: " + ", ".join(ROLES))
    if len(password) < MIN_PASSWORD:
        raise InputError.invalid("password", "***", f"at least {MIN_PASSWORD} characters")
    name = username.strip()
    if not name or len(name) > 80 or not name.isprintable() or " " in name:
        raise InputError.invalid("username", username, "1 to 80 characters without spaces")
    site = clinics.get_or_create(db=db, name=clinic or clinics.DEFAULT_CLINIC)
    user = clinics.create_user(
        db=db,
        clinic_id=site.id,
        username=name,
        display_name=display_name or name,
        role=role,
    )
    user.password_hash = hash_password(password)
    db.flush()
    return user


def set_password(*, db: Session, username: str, password: str) -> User:
    """Change a password; every session and token of the user stops working."""
    if len(password) < MIN_PASSWORD:
        raise InputError.invalid("password", "***", f"at least {MIN_PASSWORD} characters")
    user = get_by_username(db=db, username=username)
    user.password_hash = hash_password(password)
    session_auth.revoke_all(db=db, user_id=user.id)
    db.flush()
    return user


def set_active(*, db: Session, user: User, active: bool) -> User:
    """Enable or disable a user; disabling revokes every session and token at once."""
    user.active = active
    if not active:
        session_auth.revoke_all(db=db, user_id=user.id)
    db.flush()
    return user


def set_role(*, db: Session, user: User, role: str) -> User:
    if role not in ROLES:
        raise InputError.invalid("role", role, "one of: " + ", ".join(ROLES))
    user.role = role
    db.flush()
    return user


def get_by_username(*, db: Session, username: str) -> User:
    from acupath.errors import NotFound

    user = db.scalar(select(User).where(User.username == username))
    if user is None:
        raise NotFound(f"unknown user {username!r}", field="username", value=username)
    return user


@dataclass(frozen=True)
class SignInResult:
    """A user on success; else why not (``wrong`` or ``locked``), for the audit log."""

    user: User | None
    reason: str = "ok"


def authenticate(
    *, engine: Engine, username: str, password: str, address: str | None
) -> SignInResult:
    """Check a username and password under the database throttle.

    The attempt is counted first (one atomic upsert per key, committed at once), so 40
    concurrent guesses get at most ``USER_LIMIT`` password checks. An unknown or disabled
    username costs one argon2 check too (a dummy hash), so timing does not tell them apart.
    """
    user_key = session_auth.user_key(username)
    address_key = session_auth.address_key(address)
    by_user = session_auth.count_attempt(engine, user_key)
    by_address = session_auth.count_attempt(engine, address_key)
    if by_user > session_auth.USER_LIMIT or by_address > session_auth.ADDRESS_LIMIT:
        return SignInResult(None, "locked")
    with read_session(engine) as db:
        user = db.scalar(select(User).where(User.username == username))
        if user is not None:
            db.expunge(user)
    usable = user is not None and user.active
    ok = verify_password(user.password_hash if usable and user else None, password)
    if not ok or user is None:
        return SignInResult(None, "wrong")
    session_auth.uncount(engine, user_key, clear=True)
    session_auth.uncount(engine, address_key)
    return SignInResult(user)
