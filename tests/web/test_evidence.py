"""Evidence pages: the forest plots of the meta-analyses acupath recomputed from trial data."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_condition_page_shows_recomputed_forest_plots(client: TestClient) -> None:
    doc = client.get("/api/evidence/conditions/chronic_low_back_pain").json()
    analyses = doc["analyses"]
    assert analyses, "the low back pain page should list acupath's recomputed meta-analyses"
    page = client.get("/evidence/chronic_low_back_pain").text
    for a in analyses:
        assert a["forest_plot"] in page
        svg = client.get(a["forest_plot"])
        assert svg.status_code == 200
        assert svg.headers["content-type"].startswith("image/svg+xml")
        assert b"<svg" in svg.content and b"Favours acupuncture" in svg.content


def test_only_recomputed_findings_have_a_forest_plot(client: TestClient) -> None:
    assert client.get("/evidence/analyses/vickers2018_penetrating_sham.svg").status_code == 404
    assert client.get("/evidence/analyses/no_such_finding.svg").status_code == 404


def test_conditions_without_recomputed_analyses_list_none(client: TestClient) -> None:
    doc = client.get("/api/evidence/conditions/migraine").json()
    assert doc["analyses"] == []


def test_condition_page_shows_search_date_best_certainty_and_rating_origin(
    client: TestClient,
) -> None:
    doc = client.get("/api/evidence/conditions/labour_pain").json()
    assert doc["profile"]["searched"] == "2026-12-03"
    page = client.get("/evidence/labour_pain").text
    assert "evidence last searched: 2026-12-03" in page
    assert "Cochrane summary of findings" in page
    index = client.get("/evidence").text
    assert "Searched" in index and "Best certainty" in index


def test_condition_page_says_when_no_pooled_estimate_exists(client: TestClient) -> None:
    page = client.get("/evidence/hand_osteoarthritis").text
    assert "No pooled estimate" in page
