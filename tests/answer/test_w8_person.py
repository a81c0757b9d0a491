"""Issue 10, wave 8 (person): is a patient described, who is it, and is it real?

1. A question that describes a particular person (the asker with a complaint, "my patient", a
   relative, a person with an age) gets a safety box even when nothing it says changes the
   screen; a general question (evidence, policy, teaching, an audit) gets none.
2. A supposed fact ("if I ever get pregnant", "if he were on dabigatran", "what if I had a
   pacemaker ... I don't have one") is not applied as the patient's; a fact the patient has
   still is.
3. A population named as the topic of a general question ("patients treated during
   pregnancy", "people with epilepsy ... for our exclusion list") is no patient's.

Wordings written before the rules (wave 8)."""

from __future__ import annotations

import pytest

from acupath.answer import ask


def _decision(text: str) -> str | None:
    return (ask(text).screen or {}).get("decision")


def _labels(text: str) -> set[str]:
    answer = ask(text)
    facts = (answer.patient_context or {}).get("facts", ())
    out: set[str] = set()
    for f in facts:
        if f.get("negated") or f.get("status") in ("topic", "other_person", "past", "future"):
            continue
        if f.get("status") == "supposed":
            continue
        out.add(f"{f['kind']}:{f['value']}" if f["kind"] != "pregnant" else "pregnant")
        out.update(f"class:{c}" for c in f.get("detail", {}).get("classes", ()))
    return out


PERSON_PLAIN = [
    "I have knee arthritis, is acupuncture safe for me?",
    "My brother has haemophilia, not me. I have tennis elbow. Is acupuncture risky for me?",
    "my sister had a brain bleed last year, but my own headaches are the usual tension type. "
    "acupuncture safe for me?",
    "I take tramadol and gabapentin every day for my sciatica. Does acupuncture interfere?",
    "I've got a titanium plate in my ankle. Does metal in the body stop acupuncture for my neck?",
    "My patient has chronic neck pain and nothing else of note. Any reason not to needle?",
    "my mum has arthritis in her knees, can she have acupuncture?",
    "Ive lost weight on purpose and my back aches after gardening. acupuncture?",
    "Had a discectomy 4 years ago, fully recovered. Just ordinary back stiffness now. "
    "Is acupuncture OK?",
    "general question, I have endometriosis but no other issues: how much does acupuncture "
    "lower the pain?",
]


@pytest.mark.parametrize("text", PERSON_PLAIN)
def test_a_person_described_gets_a_proceed_box(text: str) -> None:
    answer = ask(text)
    assert answer.screen is not None, text
    assert answer.screen["decision"] == "proceed", (text, answer.screen["decision"])
    first = answer.all_sections[0]
    assert first.title.lower().startswith(("safety", "is it safe")) or "screen" in first.text


@pytest.mark.parametrize("audience", ["clinician", "patient"])
def test_the_proceed_box_says_what_was_set_aside(audience: str) -> None:
    text = "My brother has haemophilia, not me. I have tennis elbow. Is acupuncture risky for me?"
    answer = ask(text, audience=audience)
    assert answer.screen is not None
    box = answer.all_sections[0].text
    assert "Nothing you told us rules acupuncture out" in box or "No screening rule" in box
    assert "haemophilia" in box.split("\n", 1)[1]  # set aside, and said to be so
    assert "someone else" in box


GENERAL = [
    "What does the evidence say about acupuncture for knee osteoarthritis?",
    "Which guidelines recommend acupuncture for chronic low back pain?",
    "For our audit: how many sessions do trials of acupuncture for migraine use?",
    "Teaching session: which points are used for neck pain?",
    "Asking in general, how safe is acupuncture?",
    "We are writing a patient leaflet on acupuncture for headache. What should it say?",
    "Can you give me the evidence for acupuncture in fibromyalgia?",
    "I have a question about the Cochrane review of acupuncture for tension headache.",
    "I've been reading about acupuncture for hot flushes - what do the trials show?",
    "Help me understand the evidence for acupuncture in chronic pain.",
    "what does the research say about acupuncture for cancer pain in general? not for me, just "
    "curious after a documentary",
    "Not for me - how many sessions do the migraine trials use?",
]


@pytest.mark.parametrize("text", GENERAL)
def test_a_general_question_gets_no_box(text: str) -> None:
    assert ask(text).screen is None, text


SUPPOSED = [
    (
        "if i ever get pregnant would i have to stop acupuncture for my period pain? not "
        "pregnant now, just planning ahead",
        "pregnant",
    ),
    (
        "what if i had a pacemaker, would that stop acupuncture? i dont have one, my friend "
        "does, i'm just asking for my own tennis elbow",
        "device:pacemaker",
    ),
    (
        "If he were on dabigatran, would the plan change? At present no anticoagulant; "
        "knee OA, 66.",
        "class:anticoagulant",
    ),
    (
        "If mum were ever put on a blood thinner would her acupuncture have to stop? For now "
        "she only takes paracetamol for her knees.",
        "class:anticoagulant",
    ),
    (
        "Should I stop acupuncture for my back once I'm pregnant? I'm not pregnant yet.",
        "pregnant",
    ),
    (
        "when i get pregnant will i have to stop the acupuncture for my migraines? not "
        "pregnant now",
        "pregnant",
    ),
    (
        "If I were ever prescribed warfarin, could I carry on with acupuncture for my neck? I'm "
        "on nothing at the moment.",
        "class:anticoagulant",
    ),
    (
        "the pacemaker was my dad's not mine. I'm 30 with period pain. any reason I can't "
        "have the electro one?",
        "device:pacemaker",
    ),
]


@pytest.mark.parametrize(("text", "label"), SUPPOSED)
def test_a_supposed_or_someone_elses_fact_is_not_applied(text: str, label: str) -> None:
    assert label not in _labels(text), text
    assert _decision(text) in (None, "proceed"), (text, _decision(text))


REAL = [
    ("my patient is on warfarin, INR 3.5, knee pain. Needle?", "class:anticoagulant"),
    ("I'm 10 weeks pregnant with back pain, is acupuncture safe?", "pregnant"),
    ("she has a pacemaker and shoulder pain, can she have electroacupuncture?", "device:pacemaker"),
    ("If she is on apixaban, is acupuncture for her knee still OK?", "class:anticoagulant"),
    ("What if I'm pregnant? My period is late and my back hurts. Acupuncture?", "pregnant"),
    # a supposition alone is answered as asked: its case is screened
    (
        "If she were on warfarin, would acupuncture for her shoulder still be OK?",
        "class:anticoagulant",
    ),
    ("If I got pregnant during a course of acupuncture for my back, would it stop?", "pregnant"),
    (
        "What changes if a patient having acupuncture for neck pain starts Brilinta?",
        "class:antiplatelet",
    ),
    (
        "Our policy question: my patient on rivaroxaban has neck pain - can I needle?",
        "class:anticoagulant",
    ),
]


@pytest.mark.parametrize(("text", "label"), REAL)
def test_a_real_patients_fact_is_still_applied(text: str, label: str) -> None:
    assert label in _labels(text), text
    assert _decision(text) is not None, text
    if label != "class:antiplatelet":  # an antiplatelet alone changes nothing (the screen)
        assert _decision(text) != "proceed", (text, _decision(text))


POPULATION = [
    "What proportion of patients treated with acupuncture during pregnancy had adverse "
    "events in the safety review?",
    "What was the bleeding rate per treatment in anticoagulated patients across the "
    "McCulloch 2015 review?",
    "Can acupuncture trigger seizures in people with epilepsy? General question for our "
    "clinic's exclusion list, not about a patient.",
    "What neutrophil and platelet thresholds do oncology acupuncture services generally use "
    "before needling someone on chemo? Policy question.",
    "Hypothetically, if a patient on warfarin had an INR of 3.5, would you still needle? "
    "Trying to write our policy.",
    "How often do people with pacemakers have problems with electroacupuncture in the studies?",
]


@pytest.mark.parametrize("text", POPULATION)
def test_a_population_as_topic_is_not_a_patient(text: str) -> None:
    assert _decision(text) in (None, "proceed"), (text, _decision(text))


LONG_OVER = [
    (
        "i used to inject drugs but i have been clean for 12 years. tooth pain, acupuncture ok?",
        "red_flag:iv_drug_use",
    ),
    (
        "I used to be scared of needles as a kid but I'm fine now, I even gave blood last "
        "month. Acupuncture for my migraines?",
        "needle_phobia:yes",
    ),
    (
        "Terrified of needles when I was little, fine now. Knee pain, acupuncture?",
        "needle_phobia:yes",
    ),
    (
        "I had a fever last week with a cold but it's gone now, temperature normal for 5 days. "
        "Still ok to have my shoulder acupuncture Tuesday?",
        "red_flag:fever",
    ),
    (
        "He injected heroin in his twenties but has been clean for 20 years. Neck pain. Needle?",
        "red_flag:iv_drug_use",
    ),
]


@pytest.mark.parametrize(("text", "label"), LONG_OVER)
def test_a_fact_long_over_is_history(text: str, label: str) -> None:
    assert label not in _labels(text), text
    assert _decision(text) == "proceed", (text, _decision(text))


STILL_THERE = [
    ("I'm scared of needles but want acupuncture for my back", "needle_phobia:yes"),
    ("Im 16 and have a needle fear but my mum wants me to try acupuncture", "needle_phobia:yes"),
    ("had a fever last week and it's back again today. back pain, acupuncture?", "red_flag:fever"),
    ("I inject heroin most days, back pain for 3 weeks. acupuncture?", "red_flag:iv_drug_use"),
    ("used to have a fever on and off, still get temps every night. neck pain", "red_flag:fever"),
]


@pytest.mark.parametrize(("text", "label"), STILL_THERE)
def test_a_fact_still_there_is_applied(text: str, label: str) -> None:
    assert label in _labels(text), text


OWN_AND_GENERAL = [
    "Hypothetically if someone was on blood thinners could they get acupuncture? I'm not, "
    "I'm asking for my own knee and just curious.",
    "If someone were on warfarin could they have acupuncture? I'm not on it myself, it's for "
    "my own back.",
    "Can people with pacemakers have acupuncture? I don't have one, asking for my own neck.",
]


@pytest.mark.parametrize("text", OWN_AND_GENERAL)
def test_the_askers_own_complaint_beside_someone_elses_case(text: str) -> None:
    answer = ask(text)
    assert answer.screen is not None, text
    assert answer.screen["decision"] == "proceed", (text, answer.screen["decision"])


EVIDENCE_TOPICS = [
    "Since anticoagulated patients bleed heavily from needles in most treatments according to "
    "McCulloch 2015, should we just refuse them all?",
    "Do patients on warfarin bleed more after acupuncture according to the 2015 review?",
    "Lymphoedema after axillary clearance: what's the evidence that needling the affected arm "
    "is actually harmful?",
    "Pacemakers and electroacupuncture: is there any evidence of interference?",
    "Warfarin and acupuncture: what do the studies show about bleeding?",
    "is it true you can't have acupuncture if you have a cochlear implant or a shunt in your "
    "head? asking for a friend's son",
]


@pytest.mark.parametrize("text", EVIDENCE_TOPICS)
def test_a_fact_named_as_an_evidence_topic_is_no_patients(text: str) -> None:
    assert _decision(text) in (None, "proceed"), (text, _decision(text))


EVIDENCE_WITH_PATIENT = [
    ("Lymphoedema left arm after axillary clearance, shoulder pain. Acupuncture?", "lymphedema"),
    ("On warfarin, INR 2.5: what's the evidence on bleeding with needling?", "class"),
    ("My patient has a pacemaker: is there any evidence of interference with EA?", "device"),
    ("I'm on warfarin - what do the studies show about bleeding after acupuncture?", "class"),
    ("asking for a friend: she has a pacemaker, can she have electroacupuncture?", "device"),
]


@pytest.mark.parametrize(("text", "kind"), EVIDENCE_WITH_PATIENT)
def test_an_evidence_question_about_a_patient_keeps_the_fact(text: str, kind: str) -> None:
    assert any(label.startswith(kind) for label in _labels(text)), (text, _labels(text))
    assert _decision(text) not in (None, "proceed"), (text, _decision(text))


EMERGENCY_NOW = [
    "my nan is 79, she came to her acupuncture for her hip and while she was on the couch the "
    "left side of her face dropped and her words came out wrong. what do we do",
    "During my dad's session his face dropped on one side and his speech went funny. Should "
    "they carry on?",
    "my brother has migraine for years but today he is very sleepy, confused, he doesn't know "
    "what day it is. He wants his acupuncture appointment. Is OK?",
    "Mum is really sleepy today and doesn't know where she is. Knee pain, acupuncture tomorrow?",
    "Chronic headache, new right arm weakness and word-finding difficulty developing over 2 "
    "weeks. Suitable?",
    "my headaches are getting worse and now my left hand has gone clumsy and weak, i keep "
    "dropping cups. acupuncture for the headaches?",
]


@pytest.mark.parametrize("text", EMERGENCY_NOW)
def test_a_relatives_or_patients_neurological_signs_refer(text: str) -> None:
    answer = ask(text)
    assert answer.screen is not None, text
    assert answer.screen["decision"] == "refer", (text, answer.screen["decision"])


NOT_A_SIGN = [
    "Does acupuncture make you sleepy afterwards? I have neck pain.",
    "I'm confused about which points are used for knee pain, can you explain?",
    "What is the evidence for acupuncture in word-finding difficulty after a stroke?",
    "I've had arm weakness since my stroke years ago; shoulder pain now. Acupuncture?",
    "I dropped my phone on my face in bed, my neck hurts. Acupuncture?",
]


@pytest.mark.parametrize("text", NOT_A_SIGN)
def test_look_alikes_do_not_refer(text: str) -> None:
    assert _decision(text) != "refer", text


CLASS_BY_EXAMPLE = [
    "Had a stent put in, now on Plavix only. Do blood thinners like Plavix stop me getting "
    "acupuncture for my wrist?",
    "I take a blood thinner (clopidogrel) for my heart. Knee pain, acupuncture ok?",
    "my blood thinner, Plavix, is that a problem for acupuncture on my neck?",
    "Dad is on blood thinning tablets such as aspirin. Back pain, acupuncture?",
    "I'm on blood thinners e.g. clopidogrel - acupuncture for my shoulder?",
]


@pytest.mark.parametrize("text", CLASS_BY_EXAMPLE)
def test_a_lay_class_word_is_the_drug_it_names(text: str) -> None:
    labels = _labels(text)
    assert "class:antiplatelet" in labels, (text, labels)
    assert "class:anticoagulant" not in labels, (text, labels)


@pytest.mark.parametrize(
    "text",
    [
        "I'm on Plavix and a blood thinner for my heart. Knee pain, acupuncture ok?",
        "on aspirin, and also blood thinners since my DVT. neck pain",
        "Blood thinners: is acupuncture safe? I take them for AF",
    ],
)
def test_a_lay_class_word_beside_another_drug_stays(text: str) -> None:
    assert "class:anticoagulant" in _labels(text), text


SPINAL_TUMOUR_PAIN = [
    "my husband is having radiotherapy to his lower back for a tumour on his spine and the pain "
    "is awful. can acupuncture take the edge off?",
    "Mum has a tumour on her spine and the pain keeps her awake. Would acupuncture help?",
    "I have a tumour in my spine and it hurts all the time. acupuncture?",
    "Dad has a tumour on his spine, the pain is getting worse. Can he have acupuncture?",
    "tumour on the spine, pain is bad - acupuncture ok?",
]


@pytest.mark.parametrize("text", SPINAL_TUMOUR_PAIN)
def test_pain_at_a_spinal_tumour_refers(text: str) -> None:
    answer = ask(text)
    assert answer.screen is not None, text
    assert answer.screen["decision"] == "refer", (text, answer.screen["decision"])


@pytest.mark.parametrize(
    "text",
    [
        "He has a tumour on his spine but no pain; he wants acupuncture for chemo nausea.",
        "tumour in her breast, the pain is in her wrist from typing. acupuncture?",
        "What is the evidence for acupuncture in pain from spinal tumours?",
    ],
)
def test_no_spinal_pain_no_spinal_tumour_referral(text: str) -> None:
    flags = (ask(text).screen or {}).get("red_flags", [])
    assert "history_of_cancer" not in flags, text


def test_pain_at_a_neck_tumour_refers() -> None:
    answer = ask("She has a tumour in her neck and the pain is constant. Acupuncture?")
    assert answer.screen is not None
    assert answer.screen["decision"] == "refer", answer.screen["decision"]


@pytest.mark.parametrize("audience", ["clinician", "patient"])
def test_a_supposition_is_said_once_as_what_it_is(audience: str) -> None:
    text = (
        "If mum were ever put on a blood thinner would her acupuncture have to stop? For now "
        "she only takes paracetamol for her knees."
    )
    box = ask(text, audience=audience).all_sections[0].text
    line = next(ln for ln in box.splitlines() if "blood thinner" in ln)
    assert "supposed" in line.lower() or "what if" in line.lower(), line
    assert line.lower().count("supposed") <= 1, line


@pytest.mark.parametrize(
    "text",
    [
        "Im 31 weeks along, suddenly numb between my legs and cant pass urine, back is agony.",
        "lower back went lifting. since last night peeing is weird and I can't feel the paper.",
        "my back is killing me and I cant pass water since this morning",
        "sciatica for a week, now peeing feels strange. acupuncture?",
        "Back pain; can't pass water today.",
    ],
)
def test_bladder_change_in_lay_words_is_read(text: str) -> None:
    assert "red_flag:bladder_dysfunction" in _labels(text), text


@pytest.mark.parametrize(
    "text",
    [
        "I get tension headaches and since a dental abscess three weeks ago I keep getting "
        "temps at night. Booked acupuncture Saturday - fine?",
        "back pain and I've been getting temps at night this week. acupuncture?",
        "she keeps getting temps at night and her neck hurts, can she have acupuncture?",
        "running temps on and off since Monday, knee pain. needles ok?",
        "Had temps all weekend, still shivery. Back pain, acupuncture tomorrow?",
    ],
)
def test_temps_in_lay_plural_are_a_fever(text: str) -> None:
    assert "red_flag:fever" in _labels(text), text


@pytest.mark.parametrize(
    "text",
    [
        "We hire temps at the clinic; which points are used for neck pain?",
        "I work as a temp in an office and my neck hurts. Acupuncture?",
    ],
)
def test_temp_work_is_no_fever(text: str) -> None:
    assert "red_flag:fever" not in _labels(text), text
