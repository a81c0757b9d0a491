"""Check page and its JSON twins: paste box, file upload, highlighted claims, bad input."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.conftest import csrf

LEAFLET = (
    "NICE recommends acupuncture as a first-line treatment for low back pain. "
    "Medicare covers acupuncture for chronic low back pain. "
    "Medicare also pays for acupuncture for knee osteoarthritis and for fibromyalgia.\n"
    "Acupuncture strengthens the immune system and helps shrink tumours. Book now!"
)


def test_page_has_paste_box_and_upload(client: TestClient) -> None:
    r = client.get("/check")
    assert r.status_code == 200
    assert 'name="text"' in r.text and 'type="file"' in r.text and 'name="csrf_token"' in r.text


def test_pasted_text_is_highlighted_by_verdict(client: TestClient) -> None:
    token = csrf(client)
    r = client.post("/check", data={"csrf_token": token, "text": LEAFLET})
    assert r.status_code == 200, r.text
    html = r.text
    assert 'id="checked-text"' in html
    assert html.count('<mark class="verdict verdict-contradicted"') == 2
    assert '<mark class="verdict verdict-supported"' in html
    assert '<mark class="verdict verdict-unsupported"' in html
    assert "nice2016_ng59_chronic_lbp" in html and "Book now!" in html
    assert "check.json" in html


def test_file_upload_matches_the_json_twin(client: TestClient) -> None:
    token = csrf(client)
    page = client.post(
        "/check",
        data={"csrf_token": token},
        files={"file": ("leaflet.txt", LEAFLET.encode(), "text/plain")},
    )
    assert page.status_code == 200 and "leaflet.txt" in page.text
    api = client.post("/api/check", json={"text": LEAFLET}).json()
    upload = client.post(
        "/api/check/file", files={"file": ("leaflet.txt", LEAFLET.encode(), "text/plain")}
    ).json()
    statuses = [c["status"] for c in api["claims"]]
    assert statuses == [c["status"] for c in upload["claims"]]
    assert statuses == ["contradicted", "supported", "contradicted", "unsupported"]
    for c in api["claims"]:
        assert {"text", "status", "evidence", "note", "start", "end", "deciding_record"} <= set(c)
        assert LEAFLET[c["start"] : c["end"]] == c["text"]
    assert api["counts"]["unsupported"] == 1


def test_bad_input_is_a_clear_4xx(client: TestClient) -> None:
    token = csrf(client)
    empty = client.post("/check", data={"csrf_token": token, "text": "   "})
    assert empty.status_code == 400 and 'id="check-error"' in empty.text
    binary = client.post(
        "/api/check/file", files={"file": ("x.txt", b"\xff\xfe\x00bad", "text/plain")}
    )
    assert binary.status_code == 400 and "UTF-8" in binary.json()["errors"][0]["message"]
    no_token = client.post("/check", data={"text": LEAFLET})
    assert no_token.status_code in (400, 403)


def test_empty_file_field_falls_back_to_the_paste_box(client: TestClient) -> None:
    # a browser sends the file field with an empty filename when no file was chosen
    token = csrf(client)
    r = client.post(
        "/check",
        data={
            "csrf_token": token,
            "text": "Medicare covers acupuncture for chronic low back pain.",
        },
        files={"file": ("", b"", "application/octet-stream")},
    )
    assert r.status_code == 200, r.text
    assert '<mark class="verdict verdict-supported"' in r.text
