"""Accounts of the web app over the store's ``users`` table: add a user with a password, sign in.

Roles are ``admin``, ``clinician`` and ``viewer`` (:data:`acupath.web.deps.ROLES`).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from acupath.errors import InputError
from acupath.store import clinics
from acupath.store.models import User
from acupath.web.deps import ROLES
from acupath.web.security import SignInGuard, hash_password, verify_password

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
    db.flush()
    return user


def get_by_username(*, db: Session, username: str) -> User:
    from acupath.errors import NotFound

    user = db.scalar(select(User).where(User.username == username))
    if user is None:
        raise NotFound(f"unknown user {username!r}", field="username", value=username)
    return user


def authenticate(*, db: Session, guard: SignInGuard, username: str, password: str) -> User | None:
    """The user if the password is right and the username is not locked, else None.

    A locked username is refused without checking the password, so guessing stops counting.
    """
    if guard.locked(username):
        return None
    user = db.scalar(select(User).where(User.username == username))
    ok = user is not None and user.active and verify_password(user.password_hash, password)
    if not ok or user is None:
        guard.failed(username)
        return None
    guard.succeeded(username)
    return user
