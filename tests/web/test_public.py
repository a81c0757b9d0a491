"""Public pages and their JSON twins: evidence, points, ask; headers; the error shape."""

from __future__ import annotations

from fastapi.testclient import TestClient

from acupath.evidence.loader import bundled_base


def test_evidence_conditions_twin(client: TestClient) -> None:
    data = client.get("/api/evidence/conditions").json()
    ids = {c["id"] for c in data["conditions"]}
    assert ids == set(bundled_base().conditions)
    page = client.get("/evidence")
    assert page.status_code == 200
    assert "text/html" in page.headers["content-type"]
    for c in data["conditions"][:3]:
        assert f'href="/evidence/{c["id"]}"' in page.text


def test_condition_page_and_twin_agree(client: TestClient) -> None:
    doc = client.get("/api/evidence/conditions/chronic_low_back_pain").json()
    assert doc["count"] == sum(len(g["findings"]) for g in doc["groups"])
    assert doc["count"] > 0 and doc["recommendations"]
    page = client.get("/evidence/chronic_low_back_pain").text
    for rec in doc["recommendations"]:
        assert rec["body"] in page or rec["body"].replace("&", "&amp;") in page
    for ref in doc["references"]:
        assert f'id="ref-{ref["id"]}"' in page


def test_findings_filter(client: TestClient) -> None:
    data = client.get("/api/evidence/findings", params={"condition": "chronic_neck_pain"}).json()
    assert data["count"] == len(data["findings"]) > 0
    assert all(f["reference"]["id"] == f["source"] for f in data["findings"])


def test_unknown_condition_error_shape(client: TestClient) -> None:
    r = client.get("/api/evidence/findings", params={"condition": "nonsense"})
    assert r.status_code == 404
    body = r.json()
    assert body["ok"] is False and body["status"] == 404
    assert "nonsense" in body["errors"][0]["message"]
    page = client.get("/evidence/nonsense")
    assert page.status_code == 404 and "text/html" in page.headers["content-type"]
    assert "nonsense" in page.text


def test_bad_comparator_is_400(client: TestClient) -> None:
    r = client.get("/api/evidence/findings", params={"comparator": "placebo_pill"})
    assert r.status_code == 400
    assert r.json()["errors"][0]["field"] == "comparator"


def test_unknown_api_route_error_shape(client: TestClient) -> None:
    r = client.get("/api/nothing-here")
    assert r.status_code == 404
    assert r.json() == {"ok": False, "errors": [r.json()["errors"][0]], "status": 404}


def test_validation_error_shape(client: TestClient) -> None:
    r = client.post("/api/ask", json={"question": ""})
    assert r.status_code == 422
    body = r.json()
    assert body["ok"] is False and body["errors"][0]["field"] == "question"


def test_claims_and_sources(client: TestClient) -> None:
    base = bundled_base()
    claims = client.get("/api/evidence/claims").json()
    assert claims["count"] == len(base.claims)
    sources = client.get("/api/evidence/sources").json()
    assert sources["count"] == len(base.sources)
    assert "Claims audit" in client.get("/evidence/claims").text
    assert client.get("/evidence/sources").status_code == 200


def test_points_search_and_card(client: TestClient) -> None:
    data = client.get("/api/points", params={"meridian": "UB", "text": "shenshu"}).json()
    codes = [p["code"] for p in data["points"]]
    assert "BL23" in codes
    card = client.get("/api/points/UB-23").json()
    assert card["point"]["code"] == "BL23"
    page = client.get("/points/BL23")
    assert page.status_code == 200 and "Shenshu" in page.text
    assert client.get("/points").status_code == 200
    bad = client.get("/api/points", params={"region": "moon"})
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "region"


def test_security_headers(client: TestClient) -> None:
    r = client.get("/evidence")
    csp = r.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"
    cookie = r.headers["set-cookie"]
    assert "acupath_csrf=" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie
    assert "Secure" not in cookie  # plain HTTP on loopback


def test_openapi_and_docs(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert "/api/evidence/conditions" in schema["paths"]
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/api/evidence/findings" in docs.text
    assert "cdn" not in docs.text.lower()


def test_home_and_static(client: TestClient) -> None:
    assert client.get("/").status_code == 200
    assert client.get("/static/app.css").status_code == 200
    assert client.get("/static/app.js").status_code == 200
