"""Meta-analysis page and API: the JSON twin, plots, downloads, bad input."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.conftest import csrf

CSV = "study,yi,vi\nA,0.30,0.02\nB,0.10,0.03\nC,0.45,0.05\nD,0.20,0.01\n"


def test_api_meta_matches_keys(client: TestClient) -> None:
    r = client.post("/api/meta", json={"csv": CSV, "measure": "GEN", "method": "REML"})
    assert r.status_code == 200, r.text
    doc = r.json()
    assert doc["k"] == 4 and 0.10 <= doc["estimate"] <= 0.45
    assert abs(sum(s["weight"] for s in doc["studies"]) - 100) < 1e-6


def test_api_meta_errors(client: TestClient) -> None:
    r = client.post("/api/meta", json={"csv": CSV, "measure": "XYZ"})
    assert r.status_code == 400 and r.json()["ok"] is False
    r = client.post("/api/meta", json={"csv": "a,b\n1,2\n", "measure": "GEN"})
    assert r.status_code in (400, 422) and r.json()["errors"][0]["message"]


def test_plots_and_csv(client: TestClient) -> None:
    body = {"csv": CSV, "measure": "GEN"}
    svg = client.post("/api/meta/plot?kind=forest&fmt=svg", json=body)
    assert svg.status_code == 200 and b"<svg" in svg.content
    png = client.post("/api/meta/plot?kind=funnel&fmt=png", json=body)
    assert png.content[:8] == b"\x89PNG\r\n\x1a\n"
    text = client.post("/api/meta/results.csv", json=body).text
    assert text.startswith("study,yi,vi,weight") and "\nA," in text


def test_upload_page(client: TestClient) -> None:
    token = csrf(client)
    r = client.post(
        "/meta",
        data={"csrf_token": token, "measure": "GEN", "method": "DL", "test": "z"},
        files={"file": ("s.csv", CSV, "text/csv")},
    )
    assert r.status_code == 200 and 'id="forest-plot"' in r.text and "results.csv" in r.text
    bad = client.post(
        "/meta",
        data={"csrf_token": token, "measure": "GEN"},
        files={"file": ("s.csv", "nothing", "text/csv")},
    )
    assert bad.status_code >= 400 and 'id="meta-error"' in bad.text
