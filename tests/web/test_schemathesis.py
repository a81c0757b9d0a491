"""schemathesis against the OpenAPI schema, in process: no 5xx on any generated input.

Examples are bounded per operation so ``make test`` stays quick; patient routes answer 401
(no token), which is a valid, non-5xx answer the schema does not need to list.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from acupath.settings import Settings
from acupath.web.app import create_app

_DIR = Path(tempfile.mkdtemp(prefix="acupath-schemathesis-"))
app = create_app(Settings(environment="test", data_dir=_DIR, secret_key="schemathesis-secret-1"))
schema = schemathesis.openapi.from_asgi("/openapi.json", app)


@schema.parametrize()
@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_no_server_errors(case: schemathesis.Case) -> None:
    case.call_and_validate(checks=[not_a_server_error])
