"""schemathesis with every check (``--checks all``), signed in as an admin, on SQLite and on
PostgreSQL, in process: no 5xx, every status and body as the OpenAPI schema says, invalid
input refused, valid input accepted.

Two settings of the checks are deliberate and documented in the schema:

- ``positive_data_acceptance`` also accepts 400: a request can match the schema and still be
  refused by a rule of the domain the schema cannot express (an unknown condition or point
  code, a CSV that cannot be pooled, a control character); every operation documents 400.
- ``negative_data_rejection`` also accepts 413: a body over the size limit is refused before it
  is read, which is a rejection.

Examples are bounded per operation so the suite stays quick; the token's row has an id the
generator will not pick, so a generated ``DELETE /api/tokens/{id}`` cannot sign the run out.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable

from acupath.settings import Settings
from acupath.store import open_database, session_auth, write_session
from acupath.store.models import AuthSession
from acupath.web.app import create_app
from acupath.web.routers.patients import NewPatient, create_patient
from acupath.web.users import add_user
from tests.store.backends import BACKENDS, url_for

CONFIG = schemathesis.Config.from_dict(
    {
        "checks": {
            "positive_data_acceptance": {
                "expected-statuses": ["2XX", "3XX", "400", "401", "403", "404", "409", "429"]
            },
            "negative_data_rejection": {
                "expected-statuses": [
                    "400",
                    "401",
                    "403",
                    "404",
                    "405",
                    "406",
                    "409",
                    "413",
                    "415",
                    "422",
                    "428",
                    "429",
                ]
            },
        }
    }
)
TOKEN_ROW_ID = 1_999_999_937
HEADERS: dict[str, dict[str, str]] = {}


@pytest.fixture(scope="module", params=BACKENDS)
def api_schema(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[schemathesis.BaseSchema]:
    backend = str(request.param)
    folder: Path = tmp_path_factory.mktemp(f"schemathesis-{backend}")
    engine = open_database(url_for(backend, folder))
    settings_ = Settings(environment="test", data_dir=folder, secret_key="schemathesis-secret-1")
    app = create_app(settings_, engine=engine)
    secret = secrets.token_urlsafe(32)
    with write_session(engine) as db:
        admin = add_user(db=db, username="st", password="correct horse battery", role="admin")
        intake = {"age": 54, "conditions": [{"condition": "chronic_low_back_pain"}], "pain_nrs": 7}
        create_patient(db, admin, NewPatient(reference="S-1", intake=intake))
        now = dt.datetime.now(dt.UTC)
        db.add(
            AuthSession(
                id=TOKEN_ROW_ID,
                user_id=admin.id,
                kind="token",
                secret_hash=session_auth.digest(secret),
                created_at=now,
                last_used_at=now,
                expires_at=now + dt.timedelta(days=1),
            )
        )
    HEADERS[backend] = {"Authorization": f"Bearer {app.state.acupath.signer.token(secret)}"}
    schema = schemathesis.openapi.from_asgi("/openapi.json", app, config=CONFIG)
    schema.backend = backend  # type: ignore[attr-defined]
    yield schema
    engine.dispose()


def _check_operation(
    operation: schemathesis.APIOperation, mode: str, headers: dict[str, str]
) -> list[str]:
    """Run the generated cases of one operation in one mode; return the failures found."""
    failures: list[str] = []
    strategy = operation.as_strategy(generation_mode=schemathesis.GenerationMode(mode))

    @given(case=strategy)
    @settings(
        max_examples=6,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        derandomize=True,
        phases=[Phase.explicit, Phase.generate],
        database=None,
    )
    def run(case: schemathesis.Case) -> None:
        try:
            case.call_and_validate(headers=headers)
        except Exception as exc:  # schemathesis' FailureGroup: keep it, go on
            if len(failures) < 3:
                failures.append(f"{operation.label} ({mode}): {str(exc)[:1500]}")

    # Unsatisfiable: nothing to make invalid (an operation without parameters), no negative case
    with contextlib.suppress(Unsatisfiable):
        run()
    return failures


def test_api_conforms_to_its_schema(api_schema: schemathesis.BaseSchema) -> None:
    backend = api_schema.backend  # type: ignore[attr-defined]
    failures: list[str] = []
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 20
    for operation in operations:
        for mode in ("positive", "negative"):
            failures += _check_operation(operation, mode, HEADERS[backend])
    assert not failures, "\n\n".join(failures[:10])
