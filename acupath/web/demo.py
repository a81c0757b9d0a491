"""``acupath serve --demo``: the store's synthetic clinic and a clinician to sign in as."""

from __future__ import annotations

import secrets

from sqlalchemy import Engine

from acupath.errors import NotFound
from acupath.store import write_session
from acupath.store.demo import DEMO_CLINIC, build_demo
from acupath.web import users

DEMO_USER = "demo"


def add_demo(engine: Engine) -> str:
    """Build the demo clinic if missing and give ``demo`` a fresh password; return a message."""
    result = build_demo(engine)
    password = secrets.token_urlsafe(12)
    with write_session(engine) as db:
        try:
            users.set_password(db=db, username=DEMO_USER, password=password)
        except NotFound:  # first run: the user does not exist yet
            users.add_user(
                db=db, username=DEMO_USER, password=password, role="clinician",
                clinic=DEMO_CLINIC, display_name="Demo clinician",
            )  # fmt: skip
    return (
        f"SYNTHETIC DEMO DATA: {result.clinic}, {result.patients} patients. "
        f"Sign in as {DEMO_USER} / {password}"
    )
