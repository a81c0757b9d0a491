"""``acupath user``: accounts of the web app (add, password, tokens, revoke, disable)."""

from __future__ import annotations

import getpass
import os
import sys
from typing import Annotated

import typer

from acupath.commands._options import bounded
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
    group.command("tokens")(tokens)
    group.command("revoke")(revoke)
    group.command("disable")(disable)
    group.command("enable")(enable)
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
    from acupath.store import audit
    from acupath.web.users import add_user

    ctx = context()
    secret = _password()
    with transaction(ctx) as db:
        user = add_user(
            db=db, username=username, password=secret, role=role, clinic=clinic, display_name=name
        )
        audit.log(
            db=db,
            actor=ctx.settings.audit_actor,
            action="user_create",
            entity="user",
            entity_id=user.id,
            clinic_id=user.clinic_id,
            detail={"user": user.username, "role": role},
        )
        doc = {"username": user.username, "role": role, "clinic_id": user.clinic_id}
    if as_json:
        print_json(doc)
    else:
        print(f"added {doc['username']} ({role}) to clinic {doc['clinic_id']}")


def password(username: UserArg) -> None:
    """Set a new password; the user's sessions and tokens stop working."""
    from acupath.commands._records import context, transaction
    from acupath.store import audit
    from acupath.web.users import set_password

    ctx = context()
    secret = _password()
    with transaction(ctx) as db:
        user = set_password(db=db, username=username, password=secret)
        audit.log(
            db=db,
            actor=ctx.settings.audit_actor,
            action="user_update",
            entity="user",
            entity_id=user.id,
            clinic_id=user.clinic_id,
            detail={"user": username, "password": "changed"},
        )
    print(f"password of {username} changed")


def token(
    username: UserArg,
    label: Annotated[str | None, typer.Option(help="What the token is for.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Print a bearer token for scripts (valid 90 days, until revoked or the password changes)."""
    from acupath.commands._records import context, transaction
    from acupath.store import audit, session_auth
    from acupath.web.security import Signer
    from acupath.web.users import get_by_username

    ctx = context()
    with transaction(ctx) as db:
        user = get_by_username(db=db, username=username)
        row, secret = session_auth.open_sign_in(db=db, user=user, kind="token", label=label)
        audit.log(
            db=db,
            actor=ctx.settings.audit_actor,
            action="token_create",
            entity="auth_session",
            entity_id=row.id,
            clinic_id=user.clinic_id,
            detail={"user": user.username, "label": label},
        )
        value = Signer(ctx.settings.signing_key()).token(secret)
        token_id = row.id
    if as_json:
        print_json({"token": value, "token_type": "bearer", "id": token_id})
    else:
        print(value)


def tokens(
    username: Annotated[str | None, typer.Argument(help="Only this user's.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """List live sessions and tokens (never their secrets)."""
    from acupath.commands._records import context, transaction
    from acupath.store import session_auth
    from acupath.web.users import get_by_username

    ctx = context()
    with transaction(ctx) as db:
        user_id = get_by_username(db=db, username=username).id if username else None
        rows = [
            {
                "id": r.id,
                "user": r.user.username,
                "kind": r.kind,
                "label": r.label,
                "created_at": str(r.created_at),
                "last_used_at": str(r.last_used_at),
                "expires_at": str(r.expires_at),
            }
            for r in session_auth.listed(db=db, user_id=user_id)
        ]
    if as_json:
        print_json({"tokens": rows})
        return
    for r in rows:
        print(f"{r['id']:>6}  {r['user']:<20} {r['kind']:<8} {r['label'] or ''}")


def revoke(
    token_id: Annotated[
        int,
        typer.Argument(help="Token or session id (see `user tokens`).", callback=bounded()),
    ],
) -> None:
    """Revoke one session or token at once."""
    from acupath.commands._records import context, transaction
    from acupath.errors import NotFound
    from acupath.store import audit, session_auth
    from acupath.store.models import AuthSession

    if not 0 < token_id < 2**31:
        raise InputError.invalid("TOKEN_ID", token_id, "an id from 1 to 2^31-1")
    ctx = context()
    with transaction(ctx) as db:
        row = db.get(AuthSession, token_id)
        if row is None:
            raise NotFound(f"no token {token_id}", field="TOKEN_ID", value=token_id)
        session_auth.revoke(db=db, row=row)
        audit.log(
            db=db,
            actor=ctx.settings.audit_actor,
            action="token_revoke",
            entity="auth_session",
            entity_id=row.id,
            clinic_id=row.user.clinic_id,
        )
    print(f"token {token_id} revoked")


def _set_active(username: str, active: bool) -> None:
    from acupath.commands._records import context, transaction
    from acupath.store import audit
    from acupath.web.users import get_by_username, set_active

    ctx = context()
    with transaction(ctx) as db:
        user = set_active(db=db, user=get_by_username(db=db, username=username), active=active)
        audit.log(
            db=db,
            actor=ctx.settings.audit_actor,
            action="user_update",
            entity="user",
            entity_id=user.id,
            clinic_id=user.clinic_id,
            detail={"user": username, "active": active},
        )
    print(f"{username} {'enabled' if active else 'disabled (sessions and tokens revoked)'}")


def disable(username: UserArg) -> None:
    """Disable a user: every session and token stops working at once."""
    _set_active(username, False)


def enable(username: UserArg) -> None:
    """Enable a disabled user again (old sessions and tokens stay revoked)."""
    _set_active(username, True)
