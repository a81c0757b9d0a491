"""Admin pages and API: users and roles, sessions and tokens with revocation, the audit log."""

from __future__ import annotations

from fastapi.testclient import TestClient

from acupath.store import write_session
from acupath.web.users import add_user
from tests.web.conftest import PASSWORD, csrf, sign_in, token_for


def _add(client: TestClient, username: str, role: str, clinic: str) -> int:
    with write_session(client.app.state.acupath.engine) as db:  # type: ignore[attr-defined]
        return add_user(db=db, username=username, password=PASSWORD, role=role, clinic=clinic).id


def test_admin_api_users_tokens_audit(client: TestClient, people: dict[str, int]) -> None:
    _add(client, "ada", "admin", "Clinic A")
    cid = _add(client, "cid", "clinician", "Clinic A")
    admin = token_for(client, "ada")
    names = {u["username"] for u in client.get("/api/admin/users", headers=admin).json()["users"]}
    assert {"ada", "cid", "ana"} <= names and "ben" not in names  # own clinic only
    # a clinician is refused, and the refusal is audited
    clinician = token_for(client, "cid")
    assert client.get("/api/admin/users", headers=clinician).status_code == 403
    # tokens of the clinic are listed and revocable by the admin
    tokens = client.get("/api/admin/tokens", headers=admin).json()["tokens"]
    cid_token = max(t["id"] for t in tokens if t["username"] == "cid")
    assert client.delete(f"/api/tokens/{cid_token}", headers=admin).status_code == 200
    assert client.get("/api/me", headers=clinician).status_code == 401
    # role change and disabling
    r = client.post(f"/api/admin/users/{cid}", json={"role": "viewer"}, headers=admin)
    assert r.status_code == 200 and r.json()["role"] == "viewer"
    again = token_for(client, "cid")
    r = client.post(f"/api/admin/users/{cid}", json={"active": False}, headers=admin)
    assert r.status_code == 200 and r.json()["active"] is False
    assert client.get("/api/me", headers=again).status_code == 401
    r = client.post(f"/api/admin/users/{people['ben']}", json={"active": False}, headers=admin)
    assert r.status_code == 404  # another clinic's user
    r = client.post(f"/api/admin/users/{cid}", json={"role": "wizard"}, headers=admin)
    assert r.status_code == 422
    # the audit log, filtered
    page = client.get("/api/admin/audit?action=denied", headers=admin).json()
    assert page["entries"] and all(e["action"] == "denied" for e in page["entries"])
    assert any(e["actor"] == "cid" for e in page["entries"])
    updates = client.get("/api/admin/audit?action=user_update&actor=ada", headers=admin).json()
    assert len(updates["entries"]) >= 2
    assert client.get("/api/admin/audit?action=nonsense", headers=admin).status_code == 422
    my_clinic = client.get("/api/me", headers=admin).json()["clinic_id"]
    rows = client.get("/api/admin/audit", headers=admin).json()["entries"]
    assert rows and {e["clinic_id"] for e in rows} == {my_clinic}  # own clinic only


def test_admin_pages(client: TestClient, people: dict[str, int]) -> None:
    _add(client, "adele", "admin", "Clinic A")
    eve = _add(client, "eve", "clinician", "Clinic A")
    sign_in(client, "adele")
    r = client.get("/admin")
    assert r.status_code == 200 and "eve" in r.text and "ben" not in r.text
    assert r.headers["cache-control"] == "no-store"
    r = client.post(
        f"/admin/users/{eve}",
        data={"active": "no", "csrf_token": client.cookies.get("acupath_csrf")},
        follow_redirects=False,
    )
    assert r.status_code == 303
    assert "disabled" in client.get("/admin").text
    r = client.get("/admin/audit?action=user_update")
    assert r.status_code == 200 and "user_update" in r.text and "adele" in r.text
    # the page revokes a sign-in of the clinic, and not another clinic's
    _add(client, "frank", "clinician", "Clinic A")
    franks = token_for(client, "frank")
    bens = token_for(client, "ben")
    ids = {
        t["username"]: t["id"]
        for t in client.get("/api/admin/tokens", headers=token_for(client, "adele")).json()[
            "tokens"
        ]
    }
    token = csrf(client)
    r = client.post(
        f"/admin/tokens/{ids['frank']}/revoke", data={"csrf_token": token}, follow_redirects=False
    )
    assert r.status_code == 303
    assert client.get("/api/me", headers=franks).status_code == 401
    ben_ids = [t["id"] for t in client.get("/api/tokens", headers=bens).json()["tokens"]]
    r = client.post(
        f"/admin/tokens/{max(ben_ids)}/revoke", data={"csrf_token": token}, follow_redirects=False
    )
    assert r.status_code == 404
    assert client.get("/api/me", headers=bens).status_code == 200
    # a clinician does not see admin pages
    client.cookies.clear()
    csrf(client)
    sign_in(client, "ana")
    assert client.get("/admin").status_code == 403


def test_audit_command(tmp_path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    from acupath.cli import main

    monkeypatch.setenv("ACUPATH_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("ACUPATH_DATABASE_URL", raising=False)
    monkeypatch.setenv("ACUPATH_PASSWORD", PASSWORD)
    monkeypatch.setenv("ACUPATH_USER", "someone-else")
    assert main(["user", "add", "root", "--role", "admin"]) == 0
    assert main(["user", "token", "root", "--label", "ci"]) == 0
    capsys.readouterr()
    assert main(["db", "audit", "--json"]) == 0
    out = capsys.readouterr().out
    assert '"action": "token_create"' in out and '"action": "user_create"' in out
    assert " as someone-else" in out  # the claim is recorded beside the real account
    assert main(["db", "audit", "--action", "bogus"]) == 2
    assert main(["db", "audit", "--patient", str(2**40)]) == 2
    assert main(["db", "audit", "--action", "user_create"]) == 0
    assert "user_create" in capsys.readouterr().out
    assert main(["user", "disable", "root"]) == 0
    assert main(["user", "tokens", "--json"]) == 0
    assert '"tokens": []' in capsys.readouterr().out
    assert main(["db", "verify"]) == 0
