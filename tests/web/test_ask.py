"""Ask page and API: the answer's JSON twin, citation markers linking to references."""

from __future__ import annotations

from fastapi.testclient import TestClient

Q = "Does acupuncture help chronic low back pain?"


def test_ask_api_and_page(client: TestClient) -> None:
    r = client.get("/api/ask", params={"q": Q})
    assert r.status_code == 200, r.text
    doc = r.json()
    assert doc["question"] == Q and doc["audience"] == "clinician"
    page = client.get("/ask", params={"q": Q})
    assert page.status_code == 200
    for ref in doc["references"]:
        assert f'id="ref-{ref["number"]}"' in page.text
    if doc["references"]:
        assert 'class="cite"' in page.text
    post = client.post("/api/ask", json={"question": Q, "audience": "patient"})
    assert post.status_code == 200 and post.json()["audience"] == "patient"


def test_ask_bad_audience(client: TestClient) -> None:
    r = client.get("/api/ask", params={"q": Q, "audience": "robot"})
    assert r.status_code == 422 and r.json()["ok"] is False


def test_markup_escapes() -> None:
    from acupath.web.markup import render_markdown

    html = str(render_markdown("<script>x</script> **bold** [1, 2]\n- item [3]"))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert '<a href="#ref-2"' in html and "<strong>bold</strong>" in html and "<li>" in html


def test_markup_renders_the_headings_answers_use() -> None:
    from acupath.web.markup import render_markdown

    html = str(render_markdown("### Chronic low back pain\n\n- finding [1]"))
    assert "<h3>Chronic low back pain</h3>" in html
    assert "###" not in html
