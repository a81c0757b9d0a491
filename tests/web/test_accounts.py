"""Sign-in, cookies, CSRF, bounded failed sign-ins, tokens."""

from __future__ import annotations

from collections.abc import Iterator

from fastapi.testclient import TestClient

from acupath.web.security import hash_password, verify_password
from tests.web.conftest import PASSWORD, csrf, sign_in, token_for


def test_argon2_hashes() -> None:
    h = hash_password("a long enough password")
    assert h.startswith("$argon2id$")
    assert verify_password(h, "a long enough password")
    assert not verify_password(h, "wrong")
    assert not verify_password(None, "anything")


def test_session_cookie_flags(client: TestClient, people: dict[str, int]) -> None:
    r = client.post(
        "/sign-in",
        data={"username": "ana", "password": PASSWORD, "csrf_token": csrf(client)},
        follow_redirects=False,
    )
    assert r.status_code == 303 and r.headers["location"] == "/patients"
    cookie = r.headers["set-cookie"]
    assert "acupath_session=" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie
    assert "Secure" not in cookie


def test_secure_cookie_behind_https(app: object, people: dict[str, int]) -> None:
    with TestClient(app, base_url="https://testserver") as c:  # type: ignore[arg-type]
        token = csrf(c)
        r = c.post(
            "/sign-in",
            data={"username": "ana", "password": PASSWORD, "csrf_token": token},
            follow_redirects=False,
        )
        assert "Secure" in r.headers["set-cookie"]
        assert "strict-transport-security" in r.headers


def test_csrf_required(client: TestClient, people: dict[str, int]) -> None:
    csrf(client)
    r = client.post("/sign-in", data={"username": "ana", "password": PASSWORD})
    assert r.status_code == 403
    r = client.post(
        "/sign-in", data={"username": "ana", "password": PASSWORD, "csrf_token": "forged"}
    )
    assert r.status_code == 403


def test_wrong_password_and_open_redirect(client: TestClient, people: dict[str, int]) -> None:
    r = client.post(
        "/sign-in",
        data={"username": "ben", "password": "nope", "csrf_token": csrf(client)},
    )
    assert r.status_code == 401 and "not recognised" in r.text
    r = client.post(
        "/sign-in",
        data={
            "username": "ben",
            "password": PASSWORD,
            "csrf_token": csrf(client),
            "next": "//evil.example/",
        },
        follow_redirects=False,
    )
    assert r.headers["location"] == "/patients"


def test_lockout_through_api(app: object, people: dict[str, int]) -> None:
    from acupath.store import write_session
    from acupath.web.users import add_user

    with write_session(app.state.acupath.engine) as db:  # type: ignore[attr-defined]
        add_user(db=db, username="lou", password=PASSWORD, clinic="Clinic A")
    with TestClient(app) as c:  # type: ignore[arg-type]
        for _ in range(5):
            assert (
                c.post("/api/tokens", json={"username": "lou", "password": "x"}).status_code == 401
            )
        r = c.post("/api/tokens", json={"username": "lou", "password": PASSWORD})
        assert r.status_code == 401 and "too many" in r.json()["errors"][0]["message"]


def test_token_and_me(client: TestClient, people: dict[str, int]) -> None:
    headers = token_for(client, "ana")
    me = client.get("/api/me", headers=headers).json()
    assert me["username"] == "ana" and me["role"] == "clinician"
    assert client.get("/api/me").status_code == 401
    assert client.get("/api/me", headers={"Authorization": "Bearer forged"}).status_code == 401


def test_cookie_does_not_authenticate_api(client: TestClient, people: dict[str, int]) -> None:
    sign_in(client, "ana")
    assert client.get("/patients").status_code == 200
    assert client.get("/api/patients").status_code == 401  # API needs a token: no CSRF risk


def test_page_redirects_to_sign_in(client: TestClient) -> None:
    r = client.get("/patients", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/sign-in?next=/patients")


def test_user_command(tmp_path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    from acupath.cli import main

    monkeypatch.setenv("ACUPATH_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("ACUPATH_PASSWORD", PASSWORD)
    assert main(["user", "add", "root", "--role", "admin", "--json"]) == 0
    assert '"role": "admin"' in capsys.readouterr().out
    assert main(["user", "add", "root"]) == 2
    assert "not yet taken" in capsys.readouterr().err
    assert main(["user", "add", "x", "--role", "wizard"]) == 2
    assert main(["user", "token", "root"]) == 0
    assert len(capsys.readouterr().out.strip()) > 40


# --- issue 12: server-side sessions, lockout, audit, cache, strict input --------------------

import datetime as dt  # noqa: E402
import threading  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from fastapi import FastAPI  # noqa: E402
from sqlalchemy import select, update  # noqa: E402

from acupath.settings import Settings, get_settings  # noqa: E402
from acupath.store import write_session  # noqa: E402
from acupath.store.models import AuditEntry, AuthSession, User  # noqa: E402
from acupath.web.app import create_app  # noqa: E402
from acupath.web.users import add_user, set_active  # noqa: E402


def _engine(app: object):  # type: ignore[no-untyped-def]
    return app.state.acupath.engine  # type: ignore[attr-defined]


def _audit(app: object, **where: object) -> list[AuditEntry]:
    with write_session(_engine(app)) as db:
        query = select(AuditEntry).order_by(AuditEntry.id.desc())
        for name, value in where.items():
            query = query.where(getattr(AuditEntry, name) == value)
        return list(db.scalars(query))


@pytest.fixture()
def fresh_app(tmp_path: Path) -> FastAPI:
    """An app on its own database, for tests that lock usernames or addresses."""
    app = create_app(
        Settings(environment="test", data_dir=tmp_path, secret_key="fresh-secret-key-1")
    )
    with write_session(app.state.acupath.engine) as db:
        add_user(db=db, username="kim", password=PASSWORD, clinic="Clinic K")
    return app


def test_sign_out_ends_the_session_on_the_server(
    client: TestClient, people: dict[str, int]
) -> None:
    sign_in(client, "ana")
    old = client.cookies.get("acupath_session")
    assert old and client.get("/patients").status_code == 200
    r = client.post("/sign-out", data={"csrf_token": client.cookies.get("acupath_csrf")})
    assert r.status_code in (200, 303)
    client.cookies.set("acupath_session", old)  # replay the old cookie
    r = client.get("/patients", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/sign-in")
    assert _audit(client.app, action="sign_out")


def test_tokens_are_listed_and_revocable(client: TestClient, people: dict[str, int]) -> None:
    headers = token_for(client, "ana")
    listed = client.get("/api/tokens", headers=headers).json()["tokens"]
    mine = [t for t in listed if t["kind"] == "token"]
    assert mine and all("token" not in t for t in mine)  # never the secret
    newest = max(t["id"] for t in mine)
    r = client.delete(f"/api/tokens/{newest}", headers=headers)
    assert r.status_code == 200 and r.json()["revoked"]
    assert client.get("/api/me", headers=headers).status_code == 401
    # another clinic's user cannot revoke (or see) ana's tokens
    other = token_for(client, "ben")
    mine_again = token_for(client, "ana")
    ids = [t["id"] for t in client.get("/api/tokens", headers=mine_again).json()["tokens"]]
    assert client.delete(f"/api/tokens/{max(ids)}", headers=other).status_code == 404
    assert client.get("/api/me", headers=mine_again).status_code == 200
    assert client.delete("/api/tokens/99999999999", headers=other).status_code == 422
    assert _audit(client.app, action="token_revoke", outcome="ok")


def test_disabled_user_is_signed_out_everywhere(client: TestClient, people: dict[str, int]) -> None:
    with write_session(_engine(client.app)) as db:
        add_user(db=db, username="dan", password=PASSWORD, clinic="Clinic A")
    headers = token_for(client, "dan")
    assert client.get("/api/me", headers=headers).status_code == 200
    with write_session(_engine(client.app)) as db:
        user = db.scalar(select(User).where(User.username == "dan"))
        assert user is not None
        set_active(db=db, user=user, active=False)
    assert client.get("/api/me", headers=headers).status_code == 401
    r = client.post("/api/tokens", json={"username": "dan", "password": PASSWORD})
    assert r.status_code == 401


def test_idle_session_ends(client: TestClient, people: dict[str, int]) -> None:
    sign_in(client, "ana")
    assert client.get("/patients").status_code == 200
    long_ago = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=31)
    with write_session(_engine(client.app)) as db:
        db.execute(
            update(AuthSession)
            .where(AuthSession.kind == "session", AuthSession.revoked_at.is_(None))
            .values(last_used_at=long_ago)
        )
    r = client.get("/patients", follow_redirects=False)
    assert r.status_code == 303


def test_signed_in_responses_are_not_stored(client: TestClient, people: dict[str, int]) -> None:
    sign_in(client, "ana")
    pid = people["patient_a"]
    for path in ("/patients", f"/patients/{pid}", f"/patients/{pid}/fhir"):
        r = client.get(path)
        assert r.status_code == 200, path
        assert r.headers["cache-control"] == "no-store", path
    headers = token_for(client, "ana")
    r = client.get(f"/api/patients/{pid}", headers=headers)
    assert r.headers["cache-control"] == "no-store"
    assert r.headers["x-request-id"]


def test_csrf_cookie_is_replaced_at_sign_in(client: TestClient, people: dict[str, int]) -> None:
    before = csrf(client)
    sign_in(client, "ana")
    after = client.cookies.get("acupath_csrf")
    assert after and after != before


def test_security_events_are_audited(client: TestClient, people: dict[str, int]) -> None:
    r = client.post(
        "/sign-in",
        data={"username": "ana", "password": "wrong one", "csrf_token": csrf(client)},
        headers={"X-Request-ID": "req-failed-1"},
    )
    assert r.status_code == 401
    failed = _audit(client.app, request_id="req-failed-1")
    assert failed and failed[0].action == "sign_in" and failed[0].outcome == "failed"
    assert failed[0].address == "testclient"
    headers = token_for(client, "ana")
    created = _audit(client.app, action="token_create")[0]
    assert created.clinic_id is not None and created.outcome == "ok"
    # a probe of another clinic's patient: 404, and a 'denied' row
    r = client.get(
        f"/api/patients/{people['patient_b']}", headers={**headers, "X-Request-ID": "probe-1"}
    )
    assert r.status_code == 404
    probe = _audit(client.app, request_id="probe-1")
    assert probe and probe[0].action == "denied" and probe[0].outcome == "denied"
    assert probe[0].clinic_id == created.clinic_id
    # a viewer's write attempt: 403, and a 'denied' row
    viewer = token_for(client, "vic")
    r = client.post(
        f"/api/patients/{people['patient_a']}/sessions",
        json={"performed_on": "2026-04-01"},
        headers={**viewer, "X-Request-ID": "viewer-write-1"},
    )
    assert r.status_code == 403
    denied = _audit(client.app, request_id="viewer-write-1")
    assert denied and denied[0].actor == "vic" and denied[0].outcome == "denied"
    # a patient read is audited with the clinic and the request id, before the response
    client.get(f"/api/patients/{people['patient_a']}", headers={**headers, "X-Request-ID": "rd-1"})
    read = _audit(client.app, request_id="rd-1")
    assert read and read[0].action == "read" and read[0].patient_id == people["patient_a"]


def test_huge_ids_and_bodies_are_refused_cleanly(
    client: TestClient, people: dict[str, int]
) -> None:
    headers = token_for(client, "ana")
    for pid in (2**31, 2**63, 10**30, 0, -1):
        r = client.get(f"/api/patients/{pid}", headers=headers)
        assert r.status_code == 422, (pid, r.text)
    sign_in(client, "ana")
    assert client.get(f"/patients/{2**31}").status_code == 422
    big = b'{"reference": "' + b"x" * (11 * 1024 * 1024) + b'"}'
    r = client.post(
        "/api/patients", content=big, headers={"content-type": "application/json"}
    )  # unauthenticated, and never parsed
    assert r.status_code == 413

    def chunks() -> Iterator[bytes]:  # no content-length: the limit is met while reading
        yield b'{"reference": "'
        for _ in range(11):
            yield b"x" * (1024 * 1024)
        yield b'"}'

    before = client.get("/api/patients", headers=headers).json()
    for path, kind in (
        ("/api/patients", "application/json"),
        ("/patients", "application/x-www-form-urlencoded"),
    ):
        r = client.post(path, content=chunks(), headers={**headers, "content-type": kind})
        assert r.status_code == 413, (path, r.status_code, r.text[:200])
        assert "over" in r.text
    assert client.get("/api/patients", headers=headers).json() == before


def test_concurrent_guesses_get_at_most_the_limit_of_checks(
    fresh_app: FastAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    import acupath.web.users as users

    checks = []
    real = users.verify_password

    def counting(password_hash: str | None, password: str) -> bool:
        checks.append(password)
        return real(password_hash, password)

    monkeypatch.setattr(users, "verify_password", counting)
    codes: list[int] = []

    def guess() -> None:
        with TestClient(fresh_app) as c:
            r = c.post("/api/tokens", json={"username": "kim", "password": "wrong guess"})
            codes.append(r.status_code)

    threads = [threading.Thread(target=guess) for _ in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert codes == [401] * 20
    assert len(checks) <= 5, len(checks)
    with TestClient(fresh_app) as c:  # the right password, now: still locked
        r = c.post("/api/tokens", json={"username": "kim", "password": PASSWORD})
        assert r.status_code == 401 and "too many" in r.text
    denied = _audit(fresh_app, action="sign_in", outcome="denied")
    assert len(denied) >= 15


def test_unknown_usernames_cost_one_password_check(
    fresh_app: FastAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    import acupath.web.security as security

    checks = []
    real = security._check

    def counting(password_hash: str, password: str) -> bool:
        checks.append(password_hash)
        return real(password_hash, password)

    monkeypatch.setattr(security, "_check", counting)
    with TestClient(fresh_app) as c:
        c.post("/api/tokens", json={"username": "nobody-here", "password": "whatever1"})
        c.post("/api/tokens", json={"username": "kim", "password": "whatever1"})
    assert len(checks) == 2 and all(h.startswith("$argon2id$") for h in checks)


def test_address_limit(fresh_app: FastAPI) -> None:
    from acupath.store import session_auth

    with TestClient(fresh_app) as c:
        for i in range(session_auth.ADDRESS_LIMIT):
            c.post("/api/tokens", json={"username": f"guess{i}", "password": "wrong guess"})
        r = c.post("/api/tokens", json={"username": "kim", "password": PASSWORD})
        assert r.status_code == 401 and "too many" in r.text


def test_secret_key_is_generated_and_kept_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import stat

    from acupath.errors import InputError

    monkeypatch.delenv("ACUPATH_SECRET_KEY", raising=False)
    monkeypatch.delenv("ACUPATH_ENVIRONMENT", raising=False)
    monkeypatch.setenv("ACUPATH_DATA_DIR", str(tmp_path / "d"))
    key = get_settings().signing_key()
    assert len(key) >= 32 and key.lower() != "changethis"
    path = tmp_path / "d" / "secret_key"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert get_settings().signing_key() == key  # kept across restarts
    monkeypatch.setenv("ACUPATH_SECRET_KEY", "changethis")
    with pytest.raises(InputError, match="ACUPATH_SECRET_KEY"):
        get_settings()  # not even in the default environment
    monkeypatch.setenv("ACUPATH_ENVIRONMENT", "development")
    assert get_settings().signing_key() == "changethis"  # only when asked for explicitly


def test_forged_token_with_the_old_placeholder_opens_nothing(
    client: TestClient, people: dict[str, int]
) -> None:
    from itsdangerous import URLSafeTimedSerializer

    forged = URLSafeTimedSerializer("changethis", salt="acupath-api-token").dumps({"uid": 1})
    r = client.get("/api/me", headers={"Authorization": f"Bearer {forged}"})
    assert r.status_code == 401


def test_bad_text_and_values_are_4xx_and_not_stored(
    client: TestClient, people: dict[str, int]
) -> None:
    headers = token_for(client, "ana")
    intake = {"age": 54, "conditions": [{"condition": "chronic_low_back_pain"}], "pain_nrs": 7}
    before = len(client.get("/api/patients", headers=headers).text)
    for reference in ("NUL\u0000x", "bidi\u202eevil", "esc\u001b[31m"):
        r = client.post(
            "/api/patients", json={"reference": reference, "intake": intake}, headers=headers
        )
        assert 400 <= r.status_code < 500, (reference, r.text)
    r = client.post(
        "/api/patients",
        json={"reference": "S-1", "sex": "<b>x</b>", "intake": intake},
        headers=headers,
    )
    assert 400 <= r.status_code < 500, r.text
    r = client.post(
        f"/api/patients/{people['patient_a']}/sessions",
        json={
            "performed_on": "2026-04-01",
            "adverse_event": "bruise",
            "adverse_severity": "extreme",
        },
        headers=headers,
    )
    assert 400 <= r.status_code < 500, r.text
    assert len(client.get("/api/patients", headers=headers).text) == before
    deep = "[" * 200 + "]" * 200
    r = client.post(
        "/api/patients",
        content='{"reference": "D-1", "intake": {"x": ' + deep + "}}",
        headers={**headers, "content-type": "application/json"},
    )
    assert 400 <= r.status_code < 500, r.text


def test_idempotency_key_makes_retries_safe(client: TestClient, people: dict[str, int]) -> None:
    import uuid

    headers = token_for(client, "ana")
    pid = people["patient_a"]
    plan_key = {"Idempotency-Key": str(uuid.uuid4())}
    plan = client.post(f"/api/patients/{pid}/plan", headers={**headers, **plan_key})
    assert plan.status_code == 201, plan.text
    for _ in range(2):  # three POSTs, one course
        again = client.post(f"/api/patients/{pid}/plan", headers={**headers, **plan_key})
        assert again.json()["plan_id"] == plan.json()["plan_id"]
    key = {"Idempotency-Key": str(uuid.uuid4())}
    visit = {"performed_on": dt.date.today().isoformat(), "points": ["LI4"], "pain_nrs": 3}
    first = client.post(f"/api/patients/{pid}/sessions", json=visit, headers={**headers, **key})
    assert first.status_code == 201, first.text
    for _ in range(3):  # the client retries (a lost answer, a double click)
        again = client.post(f"/api/patients/{pid}/sessions", json=visit, headers={**headers, **key})
        assert again.status_code == 201 and again.json() == first.json()
        assert again.headers.get("idempotent-replayed") == "true"
    other = client.post(f"/api/patients/{pid}/sessions", json=visit, headers=headers)
    assert other.json()["session_id"] != first.json()["session_id"]  # no key: a new visit
    r = client.post(
        "/api/patients", json={"reference": "K-9", "intake": {}}, headers={**headers, **key}
    )
    assert r.status_code in (400, 422) and "Idempotency-Key" in r.text  # same key, other route
    r = client.post(
        f"/api/patients/{pid}/sessions",
        json=visit,
        headers={**headers, "Idempotency-Key": "bad key"},
    )
    assert r.status_code in (400, 422)
