"""Sign-in, cookies, CSRF, bounded failed sign-ins, tokens."""

from __future__ import annotations

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
