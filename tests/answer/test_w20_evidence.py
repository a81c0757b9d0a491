"""Wave 20 (evidence): facts and premises in held-out part 18's words, as classes.

1. the emergency department named as where a study or comparison ran ("tested acupuncture
   against morphine in an A&E", h18119) names acute pain in emergency care; a visit told alone
   does not;
2. a trial described by its country's health service and the family doctor ("that big NHS GP
   trial for headaches", h18124) is found, and its results on the condition lead its drug-use
   result when neither is asked;
3. "how many studies did <named review> draw on" leads with the review's count (h18129);
4. a mechanism said to be shown in people, or to be how acupuncture works, is corrected from
   the mechanism records (h18145: adenosine, animal evidence only);
5. a payer said to set no limit on sessions is corrected from its own limits (h18149).
"""

from __future__ import annotations

import pytest

from acupath.answer import ask, parse

CORRECTION = "First, a correction"


def _titles(question: str, audience: str = "clinician") -> list[str]:
    return [s.title for s in ask(question, audience=audience).all_sections]


# -- 1. the emergency department as where a study ran ------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Did anybody ever test needles versus IV morphine in A&E? Which won?",
        "Has acupuncture been compared with morphine in an emergency room?",
        "any randomised trials of needling for pain relief in accident and emergency?",
        "Did a study in the ER find acupuncture worked as well as IV painkillers?",
        "Researchers in an emergency department randomised people to acupuncture or morphine"
        " - what happened?",
        "acupuncture vs morphine in a casualty department, who did better?",
        "Apparently needles outperformed morphine in a Tunisian emergency room - numbers?",
    ],
)
def test_emergency_department_as_study_setting(question: str) -> None:
    assert "emergency_acute_pain" in parse(question).question.conditions


@pytest.mark.parametrize(
    "question",
    [
        "I ended up in A&E last night with a sore back, can I have acupuncture?",
        "My dad was in the emergency department after a fall, is acupuncture safe for his knee?",
        "She went to the ER with a migraine last week; would acupuncture help her headaches?",
    ],
)
def test_an_emergency_visit_told_alone_is_no_condition(question: str) -> None:
    assert "emergency_acute_pain" not in parse(question).question.conditions


def test_the_ed_trial_answer_holds_its_figures() -> None:
    a = ask("Did anybody ever test needles versus IV morphine in A&E? Which won?")
    assert "grissa2016_ed" in {r.id for r in a.references}
    assert "92%" in a.markdown and "78%" in a.markdown


# -- 2. a trial told by its health service and the family doctor -------------------------------


@pytest.mark.parametrize(
    ("question", "source"),
    [
        ("what did the NHS headache trial find?", "vickers2004_headache"),
        (
            "In the GP practice trial of acupuncture for headache, how big was it?",
            "vickers2004_headache",
        ),
        (
            "That NHS trial for chronic headaches: what happened after a year?",
            "vickers2004_headache",
        ),
        ("the British GP headache trial - did acupuncture help?", "vickers2004_headache"),
        ("the NHS back pain trial - did acupuncture help?", "thomas2006_lbp"),
    ],
)
def test_trial_told_by_health_service_or_gp(question: str, source: str) -> None:
    assert source in parse(question).question.named_sources


@pytest.mark.parametrize(
    "question",
    [
        "my GP says the knee trial was negative - is acupuncture worth it?",
        "Can my GP refer me on the NHS for acupuncture for my back?",
    ],
)
def test_gp_or_nhs_alone_names_no_study(question: str) -> None:
    assert not parse(question).question.named_sources


@pytest.mark.parametrize(
    "question",
    [
        "how much did headaches fall a year on in the NHS GP trial of acupuncture vs usual care?",
        "What did that NHS headache trial find?",
        "In the big GP trial for headaches, did acupuncture do better than usual GP care?",
    ],
)
def test_named_trial_leads_with_condition_results(question: str) -> None:
    text = ask(question).markdown
    bottom = text.split("## Bottom line", 1)[1].split("\n## ", 1)[0]
    assert "34%" in bottom and "16%" in bottom


# -- 3. how many studies a named review drew on ------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "How many prospective studies went into Bäumler 2021?",
        "Baumler 2021: how many studies did the adverse event review include?",
        "what number of studies were pooled in the Bäumler 2021 safety meta-analysis",
        "How many trials fed the Bäumler 2021 analyses of side effects?",
        "how many included studies did Bäumler 2021 have?",
    ],
)
def test_count_of_studies_of_a_named_review(question: str) -> None:
    text = ask(question).markdown
    bottom = text.split("## Bottom line", 1)[1].split("\n## ", 1)[0]
    first = next(ln for ln in bottom.splitlines() if ln.startswith("- "))
    assert "21 prospective studies" in first


def test_how_many_patients_still_leads_with_rates() -> None:
    text = ask("In Bäumler 2021, how many patients had an adverse event?").markdown
    bottom = text.split("## Bottom line", 1)[1].split("\n## ", 1)[0]
    first = next(ln for ln in bottom.splitlines() if ln.startswith("- "))
    assert "21 prospective studies" not in first


# -- 4. a mechanism said to be shown in people --------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Adenosine released at the needle site has been shown in humans to block pain, hasn't it?",
        "Endorphin release is how acupuncture works, it's been demonstrated in people - where are"
        " the studies?",
        "Needles make the tissue release adenosine, that's how acupuncture kills pain. Can I cite"
        " human trials?",
        "It was proven in patients that the needles free up adenosine; I need the human studies.",
        "Brain scans explain how acupuncture works, they've shown in patients it switches off pain"
        " areas.",
    ],
)
def test_mechanism_said_shown_in_people_is_corrected(question: str) -> None:
    assert CORRECTION in _titles(question)[:2]


@pytest.mark.parametrize(
    "question",
    [
        "Does acupuncture release adenosine in humans?",
        "What is known about how acupuncture relieves pain - is it adenosine?",
    ],
)
def test_mechanism_asked_is_not_corrected(question: str) -> None:
    assert "mechanism_as_proof" not in parse(question).premises


def test_adenosine_correction_says_animal_only() -> None:
    a = ask("It was proven in patients that the needles free up adenosine; I need the human data.")
    corr = next(s for s in a.all_sections if s.title == CORRECTION)
    assert "animal evidence only" in corr.text


# -- 5. a payer said to set no limit ------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Medicare pays for unlimited acupuncture sessions for chronic back pain, right?",
        "Once you're approved, Medicare will cover acupuncture for my back indefinitely.",
        "I read there's no cap on how many acupuncture visits Medicare funds for low back pain.",
        "Medicare covers any number of acupuncture sessions for chronic low back pain, no?",
        "My neighbour says with Medicare you get as many needle sessions as you want for your"
        " lower back.",
    ],
)
def test_payer_said_unlimited_is_corrected(question: str) -> None:
    a = ask(question)
    assert CORRECTION in [s.title for s in a.all_sections][:2]
    corr = next(s for s in a.all_sections if s.title == CORRECTION)
    assert "no more than 20 acupuncture treatments a year" in corr.text


@pytest.mark.parametrize(
    "question",
    [
        "How many acupuncture sessions does Medicare cover for back pain?",
        "Is there a yearly limit on Medicare acupuncture for chronic low back pain?",
    ],
)
def test_payer_limit_asked_is_no_premise(question: str) -> None:
    assert "coverage_unlimited" not in parse(question).premises
