"""``acupath user``: accounts of the web app (add, password, token)."""

from __future__ import annotations

import getpass
import os
import sys
from typing import Annotated

import typer

from acupath.commands._output import print_json
from acupath.errors import InputError

JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON document.")]
UserArg = Annotated[str, typer.Argument(help="Username (no spaces).")]


def register(app: typer.Typer) -> None:
    """Add the ``user`` command group."""
    group = typer.Typer(help="Web app accounts: add users, set passwords, make API tokens.")
    group.command("add")(add)
    group.command("password")(password)
    group.command("token")(token)
    app.add_typer(group, name="user")


def _password() -> str:
    """ACUPATH_PASSWORD for scripts, else a prompt (never a command-line argument: ps shows it)."""
    given = os.environ.get("ACUPATH_PASSWORD")
    if given:
        return given
    if not sys.stdin.isatty():
        raise InputError.invalid("password", None, "given in ACUPATH_PASSWORD or typed at a prompt")
    first = getpass.getpass("Password: ")
    if first != getpass.getpass("Again: "):
        raise InputError.invalid("password", "***", "the same password typed twice")
    return first


def add(
    username: UserArg,
    role: Annotated[str, typer.Option(help="admin, clinician or viewer.")] = "clinician",
    clinic: Annotated[str | None, typer.Option(help="Clinic name (created if new).")] = None,
    name: Annotated[str | None, typer.Option(help="Display name.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Add a user with a password (the first one is usually --role admin)."""
    from acupath.commands._records import context, transaction
    from acupath.web.users import add_user

    ctx = context()
    secret = _password()
    with transaction(ctx) as db:
        user = add_user(
            db=db, username=username, password=secret, role=role, clinic=clinic, display_name=name
        )
        doc = {"username": user.username, "role": role, "clinic_id": user.clinic_id}
    if as_json:
        print_json(doc)
    else:
        print(f"added {doc['username']} ({role}) to clinic {doc['clinic_id']}")


def password(username: UserArg) -> None:
    """Set a new password; the user's sessions and tokens stop working."""
    from acupath.commands._records import context, transaction
    from acupath.web.users import set_password

    ctx = context()
    secret = _password()
    with transaction(ctx) as db:
        set_password(db=db, username=username, password=secret)
    print(f"password of {username} changed")


def token(username: UserArg, as_json: JsonOpt = False) -> None:
    """Print a bearer token for scripts (valid 90 days or until the password changes)."""
    from acupath.commands._records import context, transaction
    from acupath.web.security import Signer
    from acupath.web.users import get_by_username

    ctx = context()
    with transaction(ctx) as db:
        user = get_by_username(db=db, username=username)
        value = Signer(ctx.settings.secret_key).token(user.id, user.password_hash)
    if as_json:
        print_json({"token": value, "token_type": "bearer"})
    else:
        print(value)
