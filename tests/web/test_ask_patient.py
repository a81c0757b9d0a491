"""The Ask page for a described patient: what was understood and the safety box come first,
evidence sections are folded, and the JSON twin carries the same decision (issue 10)."""

from __future__ import annotations

from fastapi.testclient import TestClient

Q = "Since yesterday I'm numb around my bottom and have trouble peeing. Can acupuncture help?"
PREG = "I'm 10 weeks pregnant with low back pain. Which acupuncture spots should be avoided?"


def test_red_flag_page_opens_with_the_safety_box(client: TestClient) -> None:
    page = client.get("/ask", params={"q": Q})
    assert page.status_code == 200
    html = page.text
    facts, box = html.index('id="patient-context"'), html.index('id="safety"')
    assert facts < box
    assert 'class="safety-box refer"' in html and 'role="alert"' in html
    assert "emergency" in html[box : box + 2000].lower()
    doc = client.get("/api/ask", params={"q": Q}).json()
    assert doc["screen"]["decision"] == "refer" and doc["screen"]["urgency"] == "emergency"


def test_pregnancy_page_folds_the_evidence_and_shows_the_context(client: TestClient) -> None:
    page = client.get("/ask", params={"q": PREG, "audience": "patient"})
    html = page.text
    assert "10 weeks pregnant" in html
    box = html.index('id="safety"')
    assert html.index("<details") > box
    doc = client.get("/api/ask", params={"q": PREG}).json()
    assert doc["patient_context"]["facts"] and doc["answered_fully"] in (True, False)
    assert doc["screen"]["decision"] == "proceed_with_modifications"


def test_negated_facts_are_shown_as_absent(client: TestClient) -> None:
    html = client.get(
        "/ask", params={"q": "No fever, low back pain; not pregnant. Acupuncture?"}
    ).text
    assert 'class="negated"' in html


def test_patient_page_says_whom_it_understood(client: TestClient) -> None:
    """A carer's question is about the person cared for, not about the asker (wave 7)."""
    about_mother = client.get(
        "/ask",
        params={"q": "Mum is 84, on warfarin, knee arthritis. Acupuncture?", "audience": "patient"},
    ).text
    assert "What we understood about your mother" in about_mother
    about_me = client.get(
        "/ask", params={"q": "I take warfarin, can I have acupuncture?", "audience": "patient"}
    ).text
    assert "What we understood about you<" in about_me
