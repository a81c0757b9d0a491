"""Wave 22 (issue 10), flags: a cancer history with thoracic back pain told as a story, in our
own wordings (none is a benchmark question).

1. A cancer had and over ("all clear since", "in remission for years") and pain now in the upper
   or middle back, between the shoulder blades or at the back of the ribs: the cancer being past
   is the point of the flag, so the pain is still a possible spinal metastasis (refer soon,
   red_flag:history_of_cancer and thoracic_pain_with_cancer).
"""

from __future__ import annotations

import pytest

from acupath.answer import ask


def _screen(question: str) -> tuple[str | None, str | None, list[str]]:
    answer = ask(question)
    screen = answer.screen or {}
    applied = list((answer.patient_context or {}).get("applied", []))
    return screen.get("decision"), screen.get("urgency"), applied


# 1. a past cancer and thoracic pain now ---------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Had bowel cancer back in 2012, been given the all clear for years. For the last six "
        "weeks there's a deep ache in my mid back that won't shift. Worth trying acupuncture?",
        "I was treated for lymphoma in 2009 and I've been fine since. Now the middle of my back "
        "aches all the time, even at night. Can acupuncture help?",
        "Prostate cancer eight years ago, all clear now. Recently a nagging pain between my "
        "shoulder blades. Is acupuncture a good idea?",
        "I had a melanoma removed in 2016, no problems since then. Lately it hurts around the "
        "back of my ribs on the left. Could I book acupuncture?",
        "Breast cancer in 2018, in remission since. My upper back has been sore for a month, "
        "a deep pain, not muscular. Acupuncture for it?",
    ],
)
def test_past_cancer_with_thoracic_pain_now_refers_soon(question: str) -> None:
    decision, urgency, applied = _screen(question)
    assert decision == "refer", (question, decision, applied)
    assert urgency in ("soon", "urgent", "emergency"), (question, urgency)


@pytest.mark.parametrize(
    "question",
    [
        # no thoracic pain: a past cancer and a knee
        "I had breast cancer in 2015, all clear since. My knee hurts when I climb stairs. Can "
        "acupuncture help?",
        # someone else's cancer
        "My sister had breast cancer in 2015. My upper back hurts after gardening. Acupuncture?",
        # the upper back denied
        "I had bowel cancer in 2012, all clear since. No pain in my upper back at all, just "
        "tension headaches. Acupuncture?",
    ],
)
def test_no_thoracic_flag_without_own_cancer_and_thoracic_pain(question: str) -> None:
    decision, _, applied = _screen(question)
    assert "red_flag:thoracic_pain_with_cancer" not in applied, (question, applied)
    assert decision != "refer", (question, decision, applied)


# 2. a needle fear treated and over, needles used since ----------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "I used to be scared stiff of needles, but I inject myself with insulin four times a "
        "day now. Is acupuncture ok for my hip?",
        "Years ago I was petrified of needles. Hypnotherapy cured it and these days I do my own "
        "fertility injections. Could acupuncture help my low back?",
        "I used to have a needle phobia; I had exposure therapy for it and it worked. Now I "
        "give myself a weekly methotrexate jab. Acupuncture for my knee?",
        "As a child I was terrified of needles but now I self-inject my Humira every fortnight. "
        "Can I have acupuncture for my neck?",
        "I used to be afraid of needles until CBT sorted it out, and I give my own B12 shots "
        "now. Is acupuncture for tennis elbow worth a try?",
    ],
)
def test_needle_fear_treated_and_over_is_no_phobia(question: str) -> None:
    decision, _, applied = _screen(question)
    assert "needle_phobia" not in applied, (question, applied)
    assert decision != "defer", (question, decision)


@pytest.mark.parametrize(
    "question",
    [
        # treated, yet still there
        "I used to be terrified of needles and had CBT for it but it didn't work, I still "
        "panic. Acupuncture for my shoulder?",
        # a fear now; the nurse gives the injections
        "I'm terrified of needles, the nurse gives my B12 injections and I nearly faint every "
        "time. Acupuncture for my back?",
    ],
)
def test_needle_fear_still_there_stays(question: str) -> None:
    _, _, applied = _screen(question)
    assert "needle_phobia" in applied, (question, applied)


# 3. mild nerves, the asker going ahead ----------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "I'm a little anxious about needles but I've booked in for Thursday anyway. What "
        "happens at a first acupuncture appointment for knee pain?",
        "Slightly nervous of needles if I'm honest, but I'm going ahead with it next week. "
        "How many acupuncture sessions for neck pain?",
        "I'm a bit worried about needles, but I want to give it a go. Acupuncture for my "
        "migraines, what should I expect?",
        "Bit nervous about needles, still going through with it on Monday. Will acupuncture "
        "for my back hurt?",
        "Nervous about needles but determined to try it, my appointment is on Friday. "
        "Acupuncture for plantar fasciitis, what's the first session like?",
    ],
)
def test_mild_nerves_going_ahead_is_no_phobia(question: str) -> None:
    decision, _, applied = _screen(question)
    assert "needle_phobia" not in applied, (question, applied)
    assert decision != "defer", (question, decision)


@pytest.mark.parametrize(
    "question",
    [
        # a real fear, even going ahead
        "I'm terrified of needles and I faint at jabs but I've booked anyway. Acupuncture for "
        "my shoulder?",
        # nerves and no resolve
        "I'm nervous about needles and I'm not sure I can go through with it. Acupuncture for "
        "my knee?",
    ],
)
def test_needle_fear_without_resolve_or_severe_stays(question: str) -> None:
    _, _, applied = _screen(question)
    assert "needle_phobia" in applied, (question, applied)


# 4. premises: compression care said to be replaced; electro-acupuncture said not to affect a
# device -----------------------------------------------------------------------------------------


def _premise_first(question: str) -> bool:
    from acupath.answer.opening_words import TITLES

    titles = [s.title for s in ask(question).all_sections]
    corr = TITLES["clinician"]["premise"]
    return corr in titles and titles.index(corr) <= 1


@pytest.mark.parametrize(
    "question",
    [
        "The acupuncturist reckons the needles will drain my lymphoedema, so I won't need my "
        "compression garment any more. Is that right?",
        "Acupuncture is going to fix my swollen arm so I can stop wearing my compression "
        "sleeve after the first few sessions.",
        "My friend says acupuncture cures lymphoedema and I can give up the manual lymphatic "
        "drainage once it starts working, true?",
        "With acupuncture for my leg lymphoedema I can ditch the compression stockings, my "
        "therapist said.",
        "Once I start acupuncture I can stop the compression bandaging on my left arm, the "
        "swelling will go down by itself, won't it?",
    ],
)
def test_compression_care_said_replaced_is_corrected(question: str) -> None:
    assert _premise_first(question), question


@pytest.mark.parametrize(
    "question",
    [
        "The current in electroacupuncture is too weak to affect my pacemaker, so it's fine "
        "for my knee, isn't it?",
        "Electro-acupuncture can't interfere with an ICD, the voltage is tiny, so they can use "
        "it on my back, right?",
        "My practitioner says electrical stimulation won't affect my pacemaker so we'll use it "
        "for my neck.",
        "Electroacupuncture doesn't affect my pacemaker because the current is so small, so my "
        "chest can be done, yes?",
        "The electro acupuncture current cannot affect a pacemaker, so they can put the clips "
        "near it for my shoulder?",
    ],
)
def test_electro_said_not_to_affect_device_is_corrected(question: str) -> None:
    assert _premise_first(question), question


@pytest.mark.parametrize(
    "question",
    [
        # asked, not stated
        "Can electroacupuncture affect my pacemaker? It's for my shoulder.",
        # compression kept
        "I wear my compression sleeve every day for lymphoedema. Can acupuncture help my "
        "neck pain?",
    ],
)
def test_no_premise_when_none_stated(question: str) -> None:
    from acupath.answer.opening_words import TITLES

    titles = [s.title for s in ask(question).all_sections]
    assert TITLES["clinician"]["premise"] not in titles, question


# 5. "X won't affect my device" denies nothing ------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "The current won't affect my pacemaker, will it? Electroacupuncture for my knee.",
        "My acupuncturist says the needles can't interfere with my ICD. Acupuncture for my back?",
        "Surely acupuncture doesn't affect my insulin pump? It's for my neck.",
        "Acupuncture cannot affect my cochlear implant, right? For tinnitus and my neck.",
        "The TENS machine does not interfere with my pacemaker, so is electro-acupuncture fine "
        "for my shoulder?",
    ],
)
def test_device_said_unaffected_is_still_there(question: str) -> None:
    _, _, applied = _screen(question)
    assert any(a.startswith("device:") for a in applied), (question, applied)


@pytest.mark.parametrize(
    "question",
    [
        "I don't have a pacemaker or any implant. Acupuncture for my knee?",
        "No pacemaker, no metal implants. Is electroacupuncture ok for my back?",
    ],
)
def test_device_denied_stays_denied(question: str) -> None:
    _, _, applied = _screen(question)
    assert not any(a.startswith("device:") for a in applied), (question, applied)


# 6. a list-structured note: an assessment in one item, a past cancer in another ---------------


@pytest.mark.parametrize(
    "question",
    [
        "Problems: (a) low back pain for a year, MRI degenerative (b) previous breast cancer "
        "2016, no treatment now. Acupuncture for (a)?",
        "1) neck pain 18 months, x-ray degenerative 2) bowel cancer 2014, previous surgery, all "
        "clear. Ok to needle the neck?",
        "Issues: (i) chronic LBP, MRI lumbar spine degenerative only (ii) previous prostate "
        "cancer, treated 2015. Suitable for acupuncture?",
        "Back pain for 2 years. MRI degenerative. Previous lymphoma in 2010. OK for acupuncture?",
        "(1) mechanical low back pain, scan showed degenerative changes (2) previous melanoma "
        "excised 2013. Any reason not to needle?",
    ],
)
def test_assessed_back_pain_beside_past_cancer_is_no_referral(question: str) -> None:
    decision, _, applied = _screen(question)
    assert decision != "refer", (question, decision, applied)


@pytest.mark.parametrize(
    "question",
    [
        # the assessment pending
        "Problems: (a) low back pain, MRI booked (b) previous breast cancer 2016. Acupuncture "
        "for (a)?",
        # the assessment dated before
        "(a) low back pain, previous MRI degenerative (b) breast cancer 2019. Acupuncture?",
        # a degenerative scan with something more
        "(a) low back pain, MRI degenerative and a lesion at L3 (b) breast cancer 2015. "
        "Acupuncture?",
    ],
)
def test_unassessed_back_pain_beside_cancer_still_refers(question: str) -> None:
    decision, _, _ = _screen(question)
    assert decision == "refer", (question, decision)


# 7. Cancer the star sign --------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "I'm a Cancer, so my horoscope says I'm sensitive! Will acupuncture for my knee hurt?",
        "My star sign is Cancer and this month's reading says look after my body. Acupuncture "
        "for back pain, any advice?",
        "Typical Cancer (star sign) here, I worry about everything. Is acupuncture for my neck "
        "safe?",
        "She's a Cancer, born in late June, and into astrology. Can my wife have acupuncture "
        "for her low back pain?",
        "Cancer season and my zodiac app says try new things, so: acupuncture for my lower "
        "back, yes?",
    ],
)
def test_cancer_the_star_sign_is_no_cancer(question: str) -> None:
    decision, _, applied = _screen(question)
    assert not any(a.startswith("cancer:") for a in applied), (question, applied)
    assert decision != "refer", (question, decision)


@pytest.mark.parametrize(
    "question",
    [
        "I'm a Cancer star sign, and I had bowel cancer in 2019. Now low back pain. Acupuncture?",
        "I'm a cancer patient (breast), my horoscope said to try acupuncture for my back pain.",
    ],
)
def test_a_real_cancer_beside_astrology_stays(question: str) -> None:
    decision, _, applied = _screen(question)
    assert any(a.startswith("cancer:") for a in applied), (question, applied)
    assert decision == "refer", (question, decision)


def test_a_cancer_had_beside_a_horoscope_stays() -> None:
    decision, _, applied = _screen(
        "I had a cancer removed from my bowel in 2020; my horoscope says this is my year. "
        "Low back pain now, acupuncture?"
    )
    assert any(a.startswith("cancer:") for a in applied), applied
    assert decision == "refer", decision


# 8. an intake form's empty tick box denies its item ------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Form: [x] low back pain [ ] fever [ ] weight loss [ ] history of cancer. Acupuncture ok?",
        "Checklist for neck pain: [X] worse at the computer [ ] night sweats [ ] cancer "
        "[ ] weight loss. Can I book?",
        "Screening: [ ] unexplained weight loss [x] knee pain [ ] fever. Acupuncture?",
        "Red flags for my back pain: ☐ fever ☐ history of cancer ☒ pain for 3 months. OK?",
        "Back pain form: [ ] fever [ ] cancer in the past [x] worse when sitting. Acupuncture "
        "suitable?",
    ],
)
def test_empty_tick_box_denies_its_item(question: str) -> None:
    decision, _, applied = _screen(question)
    bad = [a for a in applied if a in ("red_flag:fever", "red_flag:unexplained_weight_loss")]
    assert not bad and not any(a.startswith("cancer:") for a in applied), (question, applied)
    assert decision != "refer", (question, decision)


@pytest.mark.parametrize(
    "question",
    [
        "Form (back pain): [x] fever [ ] weight loss. Acupuncture?",
        "Back pain. ☒ history of cancer ☐ fever. Can I book acupuncture?",
    ],
)
def test_ticked_box_item_stays(question: str) -> None:
    decision, _, _ = _screen(question)
    assert decision == "refer", (question, decision)


def test_a_finding_after_the_form_stays() -> None:
    decision, _, applied = _screen(
        "Form: [x] low back pain [ ] fever [ ] weight loss. Since this morning I have a high "
        "fever and shivers though. Acupuncture?"
    )
    assert "red_flag:fever" in applied, applied
    assert decision == "refer", decision


# 9. a condition the asker asks whether they have ("does that mean I'm a bleeder?") -----------


@pytest.mark.parametrize(
    "question",
    [
        "My aunt told me I look pale. Does that mean I'm a bleeder? Acupuncture for my knee?",
        "I bruised after a knock last month. Does this mean I have haemophilia? Acupuncture "
        "for my back?",
        "My sugar was a bit high at one check, the GP said it was fine. Does that make me a "
        "diabetic? Acupuncture for my neck?",
        "I felt faint once giving blood. Am I epileptic now? Acupuncture for my shoulder?",
        "My gum bled at the dentist. Would that mean I'm a bleeder, and no acupuncture for my hip?",
    ],
)
def test_condition_asked_about_is_not_had(question: str) -> None:
    decision, _, applied = _screen(question)
    bad = [a for a in applied if a.startswith("comorbidity:")]
    assert not bad, (question, applied)
    assert decision != "defer", (question, decision)


@pytest.mark.parametrize(
    "question",
    [
        "I'm a bleeder, I have haemophilia A. Acupuncture for my knee?",
        "I have haemophilia. Does that mean no acupuncture for my ankle?",
    ],
)
def test_condition_stated_stays(question: str) -> None:
    _, _, applied = _screen(question)
    assert any(a.startswith("comorbidity:") for a in applied), (question, applied)


def test_a_relatives_cancer_with_own_thoracic_pain_does_not_refer() -> None:
    screen = ask(
        "My dad had bowel cancer years ago; now my mid back aches after work. Acupuncture?"
    ).screen
    assert screen is None or "thoracic_pain_with_cancer" not in screen["red_flags"], screen
