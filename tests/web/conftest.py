"""Fixtures for the web tests: an app on a throwaway SQLite file, clients, users in two clinics."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from acupath.settings import Settings
from acupath.web.app import create_app


@pytest.fixture(scope="session")
def web_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("web")


@pytest.fixture(scope="session")
def app(web_dir: Path) -> FastAPI:
    settings = Settings(environment="test", data_dir=web_dir, secret_key="test-secret-key-0123")
    return create_app(settings)


@pytest.fixture()
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


PASSWORD = "correct horse battery"


@pytest.fixture(scope="session")
def people(app: FastAPI) -> dict[str, int]:
    """Users in clinics A and B, and one patient in each; returns their ids."""
    from acupath.store import write_session
    from acupath.web.routers.patients import NewPatient, create_patient
    from acupath.web.users import add_user

    ids: dict[str, int] = {}
    with write_session(app.state.acupath.engine) as db:
        a = add_user(db=db, username="ana", password=PASSWORD, role="clinician", clinic="Clinic A")
        b = add_user(db=db, username="ben", password=PASSWORD, role="clinician", clinic="Clinic B")
        v = add_user(db=db, username="vic", password=PASSWORD, role="viewer", clinic="Clinic A")
        intake = {"age": 54, "conditions": [{"condition": "chronic_low_back_pain"}], "pain_nrs": 7}
        pa = create_patient(db, a, NewPatient(reference="A-1", intake=intake))
        pb = create_patient(db, b, NewPatient(reference="B-1", intake=intake))
        ids.update(ana=a.id, ben=b.id, vic=v.id, patient_a=pa.id, patient_b=pb.id)
    return ids


def token_for(client: TestClient, username: str) -> dict[str, str]:
    r = client.post("/api/tokens", json={"username": username, "password": PASSWORD})
    assert r.status_code == 200, r.text
    return {"Authorization": f"Bearer {r.json()['token']}"}


def csrf(client: TestClient) -> str:
    client.get("/sign-in")
    value = client.cookies.get("acupath_csrf")
    assert value
    return value


def sign_in(client: TestClient, username: str) -> None:
    r = client.post(
        "/sign-in",
        data={"username": username, "password": PASSWORD, "csrf_token": csrf(client)},
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text
