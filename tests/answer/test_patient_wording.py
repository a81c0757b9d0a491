"""Wave 4 (issue 10): patient facts stated without their usual keyword, written in many
wordings before the rules that read them (positive and negative cases):

1. pregnancy without the word "pregnant" ("at 28 weeks", "expecting", "due in March",
   "8 months along", "with my bump"), and what is not a pregnancy ("28 weeks of knee pain",
   "6 weeks postpartum");
2. the time of a medicine: only current medicines enter the intake ("might start warfarin next
   month" and "came off Eliquis in June" do not; "started warfarin last week" and "stopped
   clopidogrel 2 days ago" do);
3. lab values in sentence form ("her platelet count has dropped to 45", "right now theyre 120"),
   and numbers that are not lab values (doses, ages, dates, weeks, thresholds);
4. chemotherapy named by regimen ("post FEC", "cycle 3 of FOLFOX"), and past chemotherapy.
"""

from __future__ import annotations

import pytest

from acupath.answer.context import extract
from acupath.answer.safety import intake_data

# -- 1. pregnancy without the word ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "weeks"),
    [
        ("31 y/o at 28 weeks on enoxaparin, low back pain", "28"),
        ("She is 28 weeks and her pelvis hurts", "28"),
        ("I'm 20 weeks, can I have acupuncture for my back?", "20"),
        ("im 16 wks and sick every morning", "16"),
        ("my wife is 30 weeks with pelvic girdle pain", "30"),
        ("G2P1 at 34/40 with back pain", "34"),
        ("she's 8 months along and her back is killing her", "35"),
        ("I am 8 months pregnant", "35"),
        ("she is six months along", "26"),
        ("I'm 7 months gone with sciatica", "30"),
    ],
)
def test_pregnancy_weeks_without_the_word_pregnant(text: str, weeks: str) -> None:
    labels = extract(text).labels()
    assert "pregnant" in labels, text
    assert f"weeks:{weeks}" in labels, (text, labels)


@pytest.mark.parametrize(
    "text",
    [
        "She's expecting and has terrible back pain",
        "I'm expecting our second and my hips ache",
        "my daughter is expecting twins, is acupuncture safe for her nausea?",
        "I'm due in March, can acupuncture help my back?",
        "she is due next month and has carpal tunnel",
        "baby is due in June; my pelvis is sore",
        "in her second trimester with migraines",
        "back pain with my bump getting bigger",
        "her bump is big now and her back aches",
    ],
)
def test_pregnancy_from_other_words(text: str) -> None:
    ctx = extract(text)
    assert "pregnant" in ctx.labels(), text


@pytest.mark.parametrize(
    "text",
    [
        "28 weeks of knee pain, is acupuncture worth trying?",
        "she has had neck pain for 6 weeks",
        "it started 3 weeks ago",
        "a course of 8 weeks of acupuncture",
        "3 months of back pain",
        "I'm expecting to need more sessions",
        "I was expecting it to help more",
        "the review is due in March",
        "pain due to arthritis",
        "a bump on her head after a fall",
        "at 12 weeks the trial measured pain",
        "he is 30 weeks post-op",
        "she is 6 weeks postpartum with back pain",
        "she had the baby in May and now has wrist pain",
        "I'm 45 and have back pain",
        "follow-up at 26 weeks showed a benefit",
        "6 months of shoulder pain",
        "my baby is 8 months old and I have neck pain",
        "I'm 20 weeks into physio for my knee",
        "she's 12 weeks out from her hip replacement",
        "I'm 8 months into a course of acupuncture",
    ],
)
def test_not_a_pregnancy(text: str) -> None:
    labels = extract(text).labels()
    assert "pregnant" not in labels, (text, labels)
    assert not any(lab.startswith("weeks:") for lab in labels), (text, labels)


@pytest.mark.parametrize(
    "text",
    [
        "she is 6 weeks postpartum with back pain",
        "she had the baby in May and now has wrist pain",
        "I gave birth 3 weeks ago and have pelvic pain",
        "postnatal back pain, 4 weeks after delivery",
    ],
)
def test_postpartum_is_recorded_and_is_not_a_pregnancy(text: str) -> None:
    ctx = extract(text)
    assert "postpartum" in ctx.labels(), text
    data, _ = intake_data(ctx, [])
    assert not data.get("pregnant"), text


def test_not_pregnant_is_still_denied() -> None:
    ctx = extract("not pregnant, 6 weeks of knee pain")
    assert "pregnant" not in ctx.labels()


def test_months_are_converted_and_the_conversion_is_shown() -> None:
    ctx = extract("she's 8 months along")
    weeks = next(m for m in ctx.applied if m.kind == "weeks")
    assert weeks.value == "35"
    assert weeks.detail["months"] == 8


def test_months_near_the_first_trimester_boundary_leave_the_weeks_unknown() -> None:
    # "3 months pregnant" may be 9 to 17 weeks: the trimester is not known, so every
    # trimester's precautions apply (the cautious reading)
    ctx = extract("I'm 3 months pregnant with back pain")
    assert "pregnant" in ctx.labels()
    assert not any(lab.startswith("weeks:") for lab in ctx.labels())


# -- 2. the time of a medicine -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "drug"),
    [
        ("The cardiologist says my wife might start warfarin next month", "warfarin"),
        ("he will be starting apixaban after the scan", "apixaban"),
        ("they are considering clopidogrel for her", "clopidogrel"),
        ("she may go on rivaroxaban soon", "rivaroxaban"),
        # wave 6: a definite start within days ("due to start warfarin on Monday") comes
        # before any session booked now and is screened as current (test_w6_ctx_timing); a
        # start a month away stays planned
        ("he is due to start warfarin next month", "warfarin"),
        ("thinking about starting Eliquis", "apixaban"),
    ],
)
def test_future_medicines_are_not_current(text: str, drug: str) -> None:
    ctx = extract(text)
    assert f"medicine:{drug}" not in ctx.labels(), text
    m = next(m for m in ctx.mentions if m.kind == "medicine" and m.value == drug)
    assert m.status == "future"


@pytest.mark.parametrize(
    ("text", "drug"),
    [
        ("Clopidogrel was stopped two weeks ago", "clopidogrel"),
        ("she came off Eliquis in June", "apixaban"),
        ("he used to take warfarin", "warfarin"),
        ("warfarin was discontinued last year", "warfarin"),
        ("previously on apixaban, now on nothing", "apixaban"),
        ("she stopped taking clopidogrel in March", "clopidogrel"),
        ("he was on aspirin until 2019", "aspirin"),
        ("no longer takes warfarin", "warfarin"),
    ],
)
def test_past_medicines_are_not_current(text: str, drug: str) -> None:
    ctx = extract(text)
    assert f"medicine:{drug}" not in ctx.labels(), text
    m = next(m for m in ctx.mentions if m.kind == "medicine" and m.value == drug)
    assert m.status == "past" or m.negated, text


@pytest.mark.parametrize(
    ("text", "drug"),
    [
        ("started warfarin last week", "warfarin"),
        ("has been on apixaban since 2019", "apixaban"),
        ("she still takes clopidogrel", "clopidogrel"),
        ("restarted rivaroxaban after the op", "rivaroxaban"),
        ("back on warfarin since Tuesday", "warfarin"),
        ("she is on Eliquis", "apixaban"),
        ("takes warfarin for AF", "warfarin"),
        ("currently on apixaban, stopped aspirin years ago", "apixaban"),
    ],
)
def test_current_medicines_are_current(text: str, drug: str) -> None:
    ctx = extract(text)
    assert f"medicine:{drug}" in ctx.labels(), text


@pytest.mark.parametrize(
    ("text", "drug"),
    [
        ("clopidogrel stopped 2 days ago", "clopidogrel"),
        ("she stopped warfarin yesterday", "warfarin"),
        ("came off apixaban 3 days ago", "apixaban"),
        ("he has just stopped clopidogrel", "clopidogrel"),
        ("aspirin was stopped last week", "aspirin"),
    ],
)
def test_a_recent_stop_keeps_the_medicine_as_current(text: str, drug: str) -> None:
    # its effect lasts days after the last dose: the cautious reading keeps it
    ctx = extract(text)
    assert f"medicine:{drug}" in ctx.labels(), text
    m = next(m for m in ctx.mentions if m.kind == "medicine" and m.value == drug)
    assert m.status == "stopped_recently"


@pytest.mark.parametrize(
    ("text", "drug"),
    [
        ("he is off work and on warfarin", "warfarin"),
        ("she has been off work since starting apixaban", "apixaban"),
        ("I held her hand while she took her rivaroxaban", "rivaroxaban"),
        ("finished work early today; takes clopidogrel", "clopidogrel"),
        ("the pain ended when she started warfarin", "warfarin"),
    ],
)
def test_words_near_a_medicine_that_are_not_a_stop(text: str, drug: str) -> None:
    assert f"medicine:{drug}" in extract(text).labels(), (text, extract(text).as_dict())


def test_future_and_past_medicines_stay_visible_with_their_status() -> None:
    ctx = extract("She might start warfarin next month; she came off aspirin in June.")
    facts = {f["value"]: f for f in ctx.as_dict()["facts"] if f["kind"] == "medicine"}
    assert facts["warfarin"]["status"] == "future"
    assert facts["aspirin"]["status"] == "past"
    data, _ = intake_data(ctx, [])
    assert "medications" not in data


def test_a_list_of_medicines_shares_its_time() -> None:
    ctx = extract("she used to take warfarin and aspirin")
    assert "medicine:warfarin" not in ctx.labels()
    assert "medicine:aspirin" not in ctx.labels()


def test_a_past_medicine_does_not_hide_a_current_one() -> None:
    ctx = extract("she came off warfarin in June and now takes apixaban")
    assert "medicine:apixaban" in ctx.labels()
    assert "medicine:warfarin" not in ctx.labels()


# -- 3. lab values in sentence form --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("her platelet count has dropped to 45", "platelets:45"),
        ("plt 30k", "platelets:30"),
        ("platelets of 38 x10^9/L", "platelets:38"),
        ("counts: plt 62, ANC 0.9", "platelets:62"),
        ("counts: plt 62, ANC 0.9", "anc:0.9"),
        ("her platelets were low last week, they're 55 now", "platelets:55"),
        ("Her platelets have been low. Right now they are 120.", "platelets:120"),
        ("my mums platelets went down a lot, theyre 120 now", "platelets:120"),
        ("his neutrophils have recovered to 1.8", "anc:1.8"),
        ("the INR has been running at 3.5", "inr:3.5"),
        ("platelets on Monday were 85", "platelets:85"),
        ("her latest platelet count came out at 60", "platelets:60"),
    ],
)
def test_lab_values_in_sentence_form(text: str, label: str) -> None:
    assert label in extract(text).labels(), (text, extract(text).labels())


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("platelets fine, she takes aspirin 75 mg", "platelets:75"),
        ("platelets were checked, she is 72", "platelets:72"),
        ("platelets checked on 12 March", "platelets:12"),
        ("platelets normal in 2019", "platelets:2019"),
        ("platelets ok, she is 28 weeks pregnant", "platelets:28"),
        ("if her platelets drop under 50 would she stop?", "platelets:50"),
        ("platelets above 100 is the clinic's rule", "platelets:100"),
        ("platelets recovered after 3 cycles", "platelets:3"),
        ("INR stable, on warfarin for 10 years", "inr:10"),
        ("neutrophils low on day 10", "anc:10"),
    ],
)
def test_numbers_that_are_not_lab_values(text: str, wrong: str) -> None:
    assert wrong not in extract(text).labels(), (text, extract(text).labels())


def test_the_threshold_and_the_value_in_one_question() -> None:
    q = (
        "If my mums platelets drop under 50 on the next cycle would she have to stop "
        "acupuncture? right now theyre 120 and it helps her nausea"
    )
    labels = extract(q).labels()
    assert "platelets:120" in labels
    assert "platelets:50" not in labels
    assert "treatment:chemotherapy" in labels


# -- 4. chemotherapy regimens --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Day 10 post FEC, neutrophils 0.4",
        "she is on FEC-T for breast cancer",
        "cycle 3 of FOLFOX",
        "having FOLFIRI every two weeks",
        "on FOLFIRINOX for pancreatic cancer",
        "CAPOX for bowel cancer",
        "XELOX cycle 2",
        "R-CHOP for lymphoma",
        "ABVD for Hodgkin",
        "BEP for testicular cancer",
        "AC-T chemo",
        "TC for breast cancer, cycle 2",
        "CMF chemo",
        "carboplatin/paclitaxel weekly",
        "on docetaxel",
        "capecitabine tablets",
        "gemcitabine infusions",
    ],
)
def test_chemotherapy_by_regimen_or_drug(text: str) -> None:
    labels = extract(text).labels()
    assert "treatment:chemotherapy" in labels, (text, labels)


def test_a_regimen_names_its_drugs() -> None:
    ctx = extract("cycle 3 of FOLFOX")
    m = next(m for m in ctx.mentions if m.kind == "regimen")
    assert m.value == "folfox"
    assert set(m.detail["drugs"]) >= {"fluorouracil", "oxaliplatin"}
    assert "neurotoxic_chemotherapy" in m.detail["classes"]
    data, _ = intake_data(ctx, [])
    assert "oxaliplatin" in data["medications"]


@pytest.mark.parametrize(
    "text",
    [
        "finished chemo last year, now has neck pain",
        "she had FEC in 2019",
        "completed FOLFOX two years ago, numb feet since",
        "he used to be on R-CHOP",
    ],
)
def test_past_chemotherapy_is_not_active_treatment(text: str) -> None:
    labels = extract(text).labels()
    assert "treatment:chemotherapy" not in labels, (text, labels)


@pytest.mark.parametrize(
    "text",
    [
        "AC joint pain in the shoulder",
        "TC is my initials",
        "the AC is too cold in the clinic",
        "ABC of acupuncture",
    ],
)
def test_short_regimen_names_need_a_treatment_cue(text: str) -> None:
    assert "treatment:chemotherapy" not in extract(text).labels(), text


def test_every_regimen_drug_is_in_the_formulary_and_every_source_is_named() -> None:
    from acupath.answer.regimens import check_regimens, regimens
    from acupath.care.medications import bundled_formulary

    assert check_regimens(bundled_formulary()) == []
    table = regimens()
    for r in table.regimens:
        assert r.source == "formulary" or table.sources[r.source].note, r.id
