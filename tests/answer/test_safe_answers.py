"""Screen-aware answers on the shipped evidence base: the questions of issue 10 and rewordings.

Every answer about a described patient opens with what the screen says; a red flag opens with
referral at its urgency and nothing about efficacy before it; no section but the safety box
names a point, region or technique the screen excludes."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from acupath.answer import Answer, ask
from acupath.answer.opening import TITLES
from acupath.answer.safety import Safety, blocked_codes, line_violations

SAFETY = TITLES["clinician"]["safety"]
MODIFY = "proceed_with_modifications"


def outside_safety(answer: Answer) -> list[str]:
    title = TITLES[answer.audience]["safety"]
    lines = [answer.title, *answer.follow_ups]
    for s in answer.all_sections:
        if s.title != title:
            lines += s.text.splitlines()
    return lines


def violations(answer: Answer) -> list[str]:
    if answer.screen is None:
        return []
    screen = answer.screen
    result = SimpleNamespace(
        excluded_points=screen["excluded_points"],
        excluded_regions=screen["excluded_regions"],
        excluded_techniques=screen["excluded_techniques"],
    )
    safety = Safety(
        intake={},
        assumed=(),
        screen=result,
        decision=screen["decision"],
        urgency=None,
        red_flags=(),
        blocked_codes=blocked_codes(result),
    )
    return [line for line in outside_safety(answer) if line_violations(line, safety)]


@pytest.mark.parametrize(
    "question",
    [
        "My patient takes apixaban for atrial fibrillation and wants acupuncture for knee OA. "
        "Is it safe?",
        "Is acupuncture safe if I take blood thinners?",
        "im on eliquis and my knees hurt, can i still get acupunture?",
    ],
)
def test_anticoagulant_questions_mention_bleeding_and_cite_mcculloch(question: str) -> None:
    for audience in ("clinician", "patient"):
        answer = ask(question, audience=audience)
        assert answer.verified
        assert answer.all_sections[0].title == TITLES[audience]["safety"]
        assert "bleed" in answer.all_sections[0].text.lower()
        assert "mcculloch2015" in {r.id for r in answer.references}
        assert answer.screen is not None and "anticoagulant" in json.dumps(answer.screen)


@pytest.mark.parametrize(
    "question",
    [
        "A patient, 10 weeks pregnant with low back pain, asks which spots to avoid.",
        "I'm 10 weeks pregnant with low back pain. Which acupuncture spots should be avoided?",
        "pregnant (ten weeks) and my lower back hurts - which points are off limits?",
    ],
)
def test_first_trimester_answer_lists_no_excluded_point(question: str) -> None:
    for audience in ("clinician", "patient"):
        answer = ask(question, audience=audience)
        assert answer.all_sections[0].title == TITLES[audience]["safety"]
        assert answer.screen is not None
        assert answer.screen["decision"] == "proceed_with_modifications"
        # the safety box names what to avoid; nothing else in the answer does
        assert "LI4" in answer.all_sections[0].text
        assert violations(answer) == []
        for code in ("LI4", "BL23", "BL25", "SP6"):
            assert all(code not in line for line in outside_safety(answer))
        assert not answer.all_sections[0].text.startswith("Medicare")


@pytest.mark.parametrize(
    "question",
    [
        "Since yesterday I'm numb around my bottom and have trouble peeing. Can acupuncture help?",
        "saddle anaesthesia and urinary retention with back pain: acupuncture?",
        "my back hurts and now i cant feel my inner thighs and private area, try acupuncture?",
    ],
)
def test_cauda_equina_leads_with_emergency_referral_and_no_efficacy(question: str) -> None:
    for audience in ("clinician", "patient"):
        answer = ask(question, audience=audience)
        assert answer.screen is not None
        assert answer.screen["decision"] == "refer"
        assert answer.screen["urgency"] == "emergency"
        first = answer.all_sections[0]
        assert first.title == TITLES[audience]["safety"]
        assert "emergency" in first.text.split("\n")[0].lower()
        assert answer.findings_used == ()  # no efficacy content at all for an emergency
        assert answer.verified


def test_thunderclap_headache_is_referred_though_the_screen_has_no_such_flag() -> None:
    answer = ask("Worst headache of my life came on suddenly an hour ago. Would acupuncture help?")
    assert answer.screen is not None and answer.screen["decision"] == "refer"
    assert answer.screen["urgency"] == "emergency"
    assert "nice2012_cg150" in {r.id for r in answer.references}


@pytest.mark.parametrize(
    ("question", "decision"),
    [
        ("Platelets 20,000/µL after chemotherapy. Can we do acupuncture for her nausea?", "defer"),
        ("ANC 0.4 on day 10 of FOLFOX; is acupuncture for fatigue ok?", "defer"),
        ("Warfarin, INR 4.1 this morning, knee OA. Proceed with acupuncture?", "defer"),
        ("Left axillary node dissection, hot flashes. Can we needle her arm?", MODIFY),
        ("Pacemaker patient with chronic low back pain - can we use electroacupuncture?", MODIFY),
        # a child: a guardian's consent and a paediatric-trained practitioner (issue 11)
        ("An 8-year-old with recurrent headaches - is acupuncture appropriate?", MODIFY),
    ],
)  # fmt: skip
def test_the_issue_patients_get_the_screen_decision(question: str, decision: str) -> None:
    answer = ask(question)
    assert answer.screen is not None and answer.screen["decision"] == decision
    assert answer.all_sections[0].title == SAFETY
    assert violations(answer) == []
    if decision == "defer":
        assert "Until when" in answer.all_sections[0].text or "again" in answer.all_sections[0].text
    # what is shown by default (the brief answer) opens with the same safety box
    brief = answer.as_dict()["answer_markdown"]
    assert (
        brief.index(SAFETY) < brief.index("Bottom line")
        if "Bottom line" in brief
        else SAFETY in brief
    )


def test_a_child_answer_asks_for_a_guardian_and_a_paediatric_practitioner() -> None:
    answer = ask("An 8-year-old with recurrent headaches - is acupuncture appropriate?")
    box = answer.all_sections[0].text.lower()
    assert "guardian" in box and "paediatric" in box


def test_thrombocytopenic_patient_gets_no_electroacupuncture_protocol() -> None:
    answer = ask(
        "Platelets 20,000/µL after chemotherapy, musculoskeletal pain as a cancer survivor: "
        "which electroacupuncture protocol?"
    )
    assert answer.screen is not None and answer.screen["decision"] == "defer"
    assert answer.all_sections[0].text.startswith("**Defer")


def test_pacemaker_answer_names_electroacupuncture_only_in_the_safety_box() -> None:
    answer = ask("Pacemaker, chronic low back pain: does electroacupuncture work?")
    assert "electroacupuncture" in answer.all_sections[0].text
    assert not [ln for ln in outside_safety(answer) if "lectroacupuncture" in ln]


def test_json_has_the_issue_10_keys() -> None:
    data = ask("72 year old on warfarin, no fever, chronic neck pain").as_dict()
    for key in ("patient_context", "screen", "not_understood", "answered_fully", "verified"):
        assert key in data
    facts = data["patient_context"]["facts"]
    assert any(f["value"] == "warfarin" and f["words"] == "warfarin" for f in facts)
    assert any(f["value"] == "fever" and f["negated"] for f in facts)
    assert data["screen"]["decision"] in ("proceed_with_modifications", "defer")


def test_a_question_without_a_patient_has_no_screen() -> None:
    answer = ask("Does acupuncture help chronic neck pain?")
    assert answer.screen is None and answer.patient_context is None
    assert answer.answered_fully


def test_an_unaddressed_part_is_said_in_the_opening() -> None:
    answer = ask("My patient takes apixaban; knee OA and chilblains, acupuncture safe?")
    assert "chilblains" in answer.not_understood
    assert not answer.answered_fully
    titles = [s.title for s in answer.all_sections]
    assert titles.index(TITLES["clinician"]["scope"]) <= 1


def test_a_medicines_indication_is_a_patient_detail_not_a_topic() -> None:
    # wave 4: "for atrial fibrillation" says why the patient takes apixaban; the answer
    # screens the apixaban, and the indication is shown as a detail, not "not understood"
    answer = ask("My patient takes apixaban for atrial fibrillation; knee OA, acupuncture safe?")
    assert answer.answered_fully, answer.not_understood
    assert answer.patient_context is not None
    assert any("atrial fibrillation" in d for d in answer.patient_context["details"])


@pytest.mark.parametrize(
    "question",
    [
        "A woman show friend she right, acupuncture?",
        "My friend, she is a woman, wants acupuncture for her knees",
    ],
)
def test_no_garbage_unknown_topics(question: str) -> None:
    answer = ask(question)
    assert "woman show" not in answer.markdown and "friend she" not in answer.markdown


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("Acupuncture cures fibromyalgia, right?", "does not show that acupuncture cures"),
        ("Should we offer acupuncture to shrink tumours?", "shrinks tumours"),
        ("Can acupuncture make a tumor smaller?", "shrinks tumours"),
        ("Acupuncture is proven far better than sham for back pain, isn't it?", "overstates"),
    ],
)
def test_premises_are_corrected_in_the_opening(question: str, words: str) -> None:
    answer = ask(question)
    assert answer.all_sections[0].title == TITLES["clinician"]["premise"]
    assert words in answer.all_sections[0].text
    assert answer.all_sections[0].text.startswith("**No")


@pytest.mark.parametrize(
    ("question", "condition"),
    [
        ("acupunture for neck pian?", "chronic_neck_pain"),
        ("does acupuncture work better than placebo for my knees", "knee_osteoarthritis"),
        ("joint pain from anastrozole, will acupuncture help?", "aromatase_inhibitor_arthralgia"),
        ("Letrozole joint aches - acupuncture evidence?", "aromatase_inhibitor_arthralgia"),
        ("Oxaliplatin neuropathy and acupuncture", "chemotherapy_induced_peripheral_neuropathy"),
        ("What did the PEACE trial find?", "chronic_musculoskeletal_pain_cancer_survivors"),
        ("osteoarthritus in my hip - acupuncture?", "hip_osteoarthritis"),
    ],
)
def test_lay_words_names_and_misspellings(question: str, condition: str) -> None:
    answer = ask(question)
    assert condition in answer.understanding["conditions"]
    assert not answer.out_of_scope


@pytest.mark.parametrize(
    ("question", "source"),
    [
        ("What did the PEACE trial find?", "mao2021"),
        ("Results of SWOG S1200", "hershman2018"),
        ("What did the GERAC trials show for low back pain?", "haake2007"),
        ("What does NICE say about acupuncture for low back pain?", "nice2016_ng59"),
        ("Does Medicare pay for acupuncture for my knee?", "cms2020_ncd3033"),
    ],
)
def test_named_trials_guidelines_and_payers_are_cited(question: str, source: str) -> None:
    assert source in {r.id for r in ask(question).references}


def test_placebo_means_sham() -> None:
    answer = ask("Are fake needles just as good as real acupuncture for back pain?")
    assert "sham" in answer.understanding["comparators"]


def test_screen_urgency_is_used_when_the_screen_gives_one() -> None:
    from acupath.answer.lexicon import red_flag_urgencies
    from acupath.answer.safety import _urgency

    table = red_flag_urgencies()
    # before the care branch adds urgency, the answer's own table decides
    assert _urgency(SimpleNamespace(), ("fever",), table) == "urgent"
    # a screen that says emergency wins over a less urgent table entry
    assert _urgency(SimpleNamespace(urgency="emergency"), ("fever",), table) == "emergency"
    # and a more urgent answer-only flag still wins over the screen
    assert _urgency(SimpleNamespace(urgency="soon"), ("saddle_anesthesia",), table) == "emergency"
