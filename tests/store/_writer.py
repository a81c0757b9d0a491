"""A writer process for the load and crash tests: records sessions, one transaction each.

``python -m tests.store._writer URL PATIENT_ID COUNT TAG`` prints ``ack <tag> <session id>``
after each commit returns, so whatever the parent has read was acknowledged to a client.
"""

from __future__ import annotations

import datetime as dt
import sys

from acupath.store import clinics, open_database, sessions, write_session
from acupath.store.schemas import SessionIn


def main(url: str, patient_id: int, count: int, tag: str) -> None:
    engine = open_database(url, upgrade=False)
    with write_session(engine) as db:
        clinic_id = clinics.resolve(db=db, name=None).id
    for i in range(count):
        data = SessionIn.model_validate(
            {
                "patient_id": patient_id,
                "performed_on": dt.date(2026, 3, 2) + dt.timedelta(days=i % 300),
                "notes": f"{tag}-{i}",
                "points": [{"code": "LI4", "side": "left"}, {"code": "ST36", "side": "bilateral"}],
                "responses": [
                    {
                        "instrument": "nrs",
                        "answered_on": dt.date(2026, 3, 2) + dt.timedelta(days=i % 300),
                        "answers": {"pain": i % 11},
                    }
                ],
            }
        )
        with write_session(engine) as db:
            visit = sessions.record(db=db, clinic_id=clinic_id, data=data, actor=tag)
            visit_id = visit.id
        print(f"ack {tag} {visit_id}", flush=True)
    engine.dispose()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
