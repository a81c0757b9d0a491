"""Wave 17, engineer "evidence" (probe 12 and held-out part 14 misses): a study, a trial, a
population or a job named in a question is a topic, not the patient's fact.

Each class is asked in wordings of our own (not the benchmark's), with wordings that must NOT
trigger it: a person who is described keeps the cautious reading."""

from __future__ import annotations

import pytest

from acupath.answer import ask
from acupath.answer.opening_words import TITLES


def _applied(question: str) -> set[str]:
    return set((ask(question).patient_context or {}).get("applied", []))


# -- a study named by its author and year in citation style, asked for one of its figures ------
# "Garcia 2019 dry mouth during head and neck radiotherapy: effect size at one year?" (h14134),
# "Shen 2000 electroacupuncture for high-dose chemo emesis: sample size?" (h14140): the facts are
# the trial's population, and no person is described.

CITED_STUDY = [
    (
        "Meng 2012 acupuncture for xerostomia during head and neck radiotherapy: sample size?",
        "radiation:neck",
    ),
    (
        "Deng 2007 electroacupuncture for hot flushes on tamoxifen, effect size?",
        "medicine:tamoxifen",
    ),
    (
        "Molassiotis 2012 acupuncture for fatigue after chemotherapy: how many participants?",
        "treatment:chemotherapy",
    ),
    (
        "Lu 2009 acupuncture in patients mid-chemotherapy for neutropenia - relative risk?",
        "treatment:chemotherapy",
    ),
    (
        "Smith 2018 pelvic radiotherapy and acupuncture for bowel symptoms: number randomised?",
        "radiation:pelvis",
    ),
    ("Garcia 2019, head and neck radiotherapy, what was the dropout rate?", "radiation:neck"),
]


@pytest.mark.parametrize(("question", "label"), CITED_STUDY)
def test_a_cited_study_population_is_no_patient(question: str, label: str) -> None:
    assert label not in _applied(question)


CITED_STUDY_BESIDE_A_PERSON = [
    # the asker's own treatment beside the study
    (
        "Meng 2012 acupuncture for dry mouth: sample size? I'm on radiotherapy to my neck now",
        "radiation:neck",
    ),
    # a note's fact in a sentence of its own
    (
        "On tamoxifen. Deng 2007 electroacupuncture for hot flushes: effect size?",
        "medicine:tamoxifen",
    ),
    # a dated history, not an author
    ("Stent 2020, on clopidogrel: effect size of acupuncture for my knee?", "class:antiplatelet"),
    ("Hysterectomy 2015, now on warfarin - sample size of the knee trials?", "class:anticoagulant"),
    ("Stent 2020, on clopidogrel: effect size of acupuncture for knee pain?", "class:antiplatelet"),
]


@pytest.mark.parametrize(("question", "label"), CITED_STUDY_BESIDE_A_PERSON)
def test_a_person_beside_a_cited_study_keeps_the_fact(question: str, label: str) -> None:
    assert label in _applied(question)


# -- a study named by its author's surname and a study noun, no year ---------------------------
# "acupuncture on blood thinners is 100% safe ... the McCulloch review proved it, correct?"
# (p12157): the blood thinners are the review's population.

SURNAME_STUDY = [
    (
        "the Cheng review showed acupuncture on warfarin never causes bleeding, right?",
        "class:anticoagulant",
    ),
    (
        "Acupuncture during chemotherapy is totally safe, the Lu trial proved that?",
        "treatment:chemotherapy",
    ),
    (
        "needling on anticoagulants carries no risk at all - Kwon's cohort showed it, yes?",
        "class:anticoagulant",
    ),
    (
        "the Hsieh study says acupuncture with clopidogrel causes no bleeds, true?",
        "class:antiplatelet",
    ),
    ("Radiotherapy to the neck and acupuncture: what did the Garcia trial find?", "radiation:neck"),
]


@pytest.mark.parametrize(("question", "label"), SURNAME_STUDY)
def test_a_study_named_by_surname_is_a_topic(question: str, label: str) -> None:
    assert label not in _applied(question)


SURNAME_STUDY_BESIDE_A_PERSON = [
    (
        "the Cheng review says acupuncture on warfarin is fine, and I'm on warfarin, so ok?",
        "class:anticoagulant",
    ),
    (
        "My mum is on chemotherapy - the Lu trial proved acupuncture is safe during it?",
        "treatment:chemotherapy",
    ),
    # a disease's possessive is no author
    ("On clopidogrel. Is there a Parkinson's trial of acupuncture?", "class:antiplatelet"),
]


@pytest.mark.parametrize(("question", "label"), SURNAME_STUDY_BESIDE_A_PERSON)
def test_a_person_beside_a_named_study_keeps_the_fact(question: str, label: str) -> None:
    assert label in _applied(question)


# -- a condition told as what anyone gets after a treatment ------------------------------------
# "does acupunture help the dry mouth you get after radiotherapy for throat cancer, like a year
# on?" (p12137): "the dry mouth you get after radiotherapy" names the condition by its cause (as
# "chemotherapy-induced nausea" does); "you" is anyone, and no person is described.

GENERIC_CAUSE = [
    ("does acupuncture help the sickness you get from chemo?", "treatment:chemotherapy"),
    (
        "is acupuncture any good for the tiredness people get after radiotherapy?",
        "treatment:radiotherapy",
    ),
    ("does acupuncture help the joint pain you get on letrozole?", "medicine:letrozole"),
    (
        "would acupuncture help the nerve pain you can get after chemotherapy?",
        "treatment:chemotherapy",
    ),
    (
        "does acupuncture work for the dry mouth that you get after radiotherapy to the neck?",
        "radiation:neck",
    ),
    ("can needles ease the hot flushes that come with tamoxifen?", "medicine:tamoxifen"),
    # a misspelt word shifts the parser's offsets ("acupunture")
    ("does acupunture ease the sickness folk get from chemotherapy?", "treatment:chemotherapy"),
]


@pytest.mark.parametrize(("question", "label"), GENERIC_CAUSE)
def test_a_condition_told_by_its_cause_is_no_patient(question: str, label: str) -> None:
    assert label not in _applied(question)


GENERIC_CAUSE_OF_A_PERSON = [
    (
        "I get dry mouth after my radiotherapy to the neck, would acupuncture help?",
        "radiation:neck",
    ),
    (
        "does acupuncture help the sickness you get from chemo? I'm on it now",
        "treatment:chemotherapy",
    ),
    ("can you have acupuncture while you're on chemo?", "treatment:chemotherapy"),
    (
        "does acupuncture help the joint pain you get on letrozole? my mum takes it",
        "medicine:letrozole",
    ),
    ("On warfarin. Does acupuncture help the bruising you get with it?", "class:anticoagulant"),
]


@pytest.mark.parametrize(("question", "label"), GENERIC_CAUSE_OF_A_PERSON)
def test_a_person_keeps_a_treatment_told_beside_its_effect(question: str, label: str) -> None:
    assert label in _applied(question)


# -- a treatment that is the asker's workplace, not their treatment ----------------------------
# "I'm a nurse on the chemo ward, I handle chemotherapy drugs every day" (p12098): the ward is
# where the asker works; the asker is described (a box), but not as on chemotherapy.

WORKPLACE = [
    "I'm a nurse on the chemo ward and my shoulders ache, can I have acupuncture?",
    "I work in the chemotherapy day unit as a healthcare assistant; acupuncture for my migraines?",
    "I'm a porter at the radiotherapy department and my back is sore. Acupuncture ok?",
    "I'm a receptionist in the oncology chemo suite, any reason I can't have needles for my neck?",
    "Working on a chemo ward as a nurse for ten years has wrecked my back, would needles help?",
]


@pytest.mark.parametrize("question", WORKPLACE)
def test_a_workplace_is_no_treatment(question: str) -> None:
    answer = ask(question)
    applied = set((answer.patient_context or {}).get("applied", []))
    assert not {"treatment:chemotherapy", "treatment:radiotherapy"} & applied
    assert answer.screen  # the asker is described: the box shows the screen's decision


WORKPLACE_AND_TREATMENT = [
    "I'm a nurse and I'm on chemo myself at the moment, acupuncture for my nausea?",
    "I go to the chemo ward every Tuesday for my infusion, can I have acupuncture?",
    "I'm a nurse on the chemo ward, and I started chemotherapy for breast cancer last week. Ok?",
    "my radiotherapy department appointments are daily, can I have acupuncture for my back?",
]


@pytest.mark.parametrize("question", WORKPLACE_AND_TREATMENT)
def test_a_treatment_received_stays(question: str) -> None:
    applied = _applied(question)
    assert {"treatment:chemotherapy", "treatment:radiotherapy"} & applied


# -- premises: pregnancy harm said to be proven; two arms said to be equal in a named study that
# found them unequal; sham needling said to be inert ------------------------------------------


def _corrected(question: str, audience: str = "clinician") -> bool:
    answer = ask(question, audience=audience)
    titles = [s.title for s in answer.all_sections]
    return TITLES[audience]["premise"] in titles[:2]


PREGNANCY_HARM_PROVEN = [
    "Needling the forbidden points causes miscarriage, it's been proven, hasn't it?",
    "it is a proven fact that acupuncture in early pregnancy leads to miscarriage",
    "studies have proved that acupuncture can cause a stillbirth, so it's off for pregnant women",
    "The research shows acupuncture brings on premature birth, right?",
    "those pregnancy points trigger labour, it's been proven",
]


@pytest.mark.parametrize("question", PREGNANCY_HARM_PROVEN)
def test_pregnancy_harm_said_proven_is_corrected(question: str) -> None:
    assert _corrected(question)


PREGNANCY_HARM_ASKED = [
    "has it been proven that acupuncture causes miscarriage?",
    "Is there proof that the forbidden points cause labour?",
]


@pytest.mark.parametrize("question", PREGNANCY_HARM_ASKED)
def test_pregnancy_harm_asked_is_no_premise(question: str) -> None:
    premises = ask(question).understanding["statement"]["premises"]
    assert "pregnancy_harm_proven" not in premises


# Mao 2021 (PEACE): auricular acupuncture failed the noninferiority test against
# electroacupuncture (mao2021_aa_vs_ea_noninferiority, favours the comparator).
EQUAL_ARMS_CLAIMED = [
    "In the PEACE trial ear acupuncture was as good as electroacupuncture, so I'll pick ear",
    "Mao 2021 showed auricular acupuncture worked just as well as electroacupuncture for pain.",
    "the PEACE trial proved battlefield acupuncture is equivalent to electroacupuncture",
    "Auricular acupuncture was noninferior to electroacupuncture in the PEACE study - agreed?",
    "in PEACE the ear needles did just as well as the electro ones, so either will do",
]


@pytest.mark.parametrize("question", EQUAL_ARMS_CLAIMED)
def test_arms_said_equal_in_a_study_that_found_otherwise(question: str) -> None:
    answer = ask(question)
    assert "equal_arms_claimed" in answer.understanding["statement"]["premises"]
    assert _corrected(question)
    correction = answer.all_sections[0].text
    assert "did not find them equal" in correction


EQUAL_ARMS_NOT_CONTRADICTED = [
    # asked, not said
    "Did auricular acupuncture work as well as electroacupuncture in the PEACE trial?",
    # a study whose arms did not differ: the claim agrees with it
    "In Brinkhaus 2006 acupuncture worked just as well as minimal acupuncture for back pain",
    # no equality said
    "In the PEACE trial electroacupuncture beat usual care for pain",
]


@pytest.mark.parametrize("question", EQUAL_ARMS_NOT_CONTRADICTED)
def test_no_equal_arms_correction_without_the_claim(question: str) -> None:
    text = " ".join(s.text for s in ask(question).all_sections)
    assert "did not find them equal" not in text


SHAM_INERT = [
    "Sham needles never work, so any benefit must come from real acupuncture - agreed?",
    "fake acupuncture does nothing at all, which is why the trials are convincing",
    "Placebo needles have no effect, everyone knows that.",
    "The sham needling in trials is completely inert, so the comparison is fair",
    "Toothpick sham acupuncture can't work, it doesn't even go into the skin.",
]


@pytest.mark.parametrize("question", SHAM_INERT)
def test_sham_said_inert_is_corrected_from_the_sham_arms(question: str) -> None:
    answer = ask(question)
    assert "sham_inert" in answer.understanding["statement"]["premises"]
    assert _corrected(question)
    refs = {r.id for r in answer.references}
    assert refs & {"cherkin2009", "haake2007"}


SHAM_ASKED = [
    "Do sham needles do anything?",
    "Does sham acupuncture have any effect on pain?",
    "what did the sham group get in the GERAC trial?",
]


@pytest.mark.parametrize("question", SHAM_ASKED)
def test_sham_asked_is_no_premise(question: str) -> None:
    assert "sham_inert" not in ask(question).understanding["statement"]["premises"]


# -- abstention: a cure assumed for a complaint outside the base; healing asked ---------------
# "can acupuncture get rid of my irritable bowel, the bloating and cramps every day?" (h14161):
# the cure premise is corrected, and the complaint is one acupath holds nothing on.

CURE_OUTSIDE = [
    "can acupuncture get rid of my tinnitus for good?",
    "will acupuncture cure my IBS?",
    "acupuncture will completely cure my insomnia, won't it?",
    "surely needles can get rid of my acne permanently",
    "i want acupuncture to cure my asthma once and for all, will it?",
]


@pytest.mark.parametrize("question", CURE_OUTSIDE)
def test_a_cure_for_a_complaint_outside_the_base_abstains(question: str) -> None:
    answer = ask(question)
    assert answer.insufficient_evidence
    assert _corrected(question)
    assert "how much relief is below" not in answer.all_sections[0].text


CURE_HELD = [
    "can acupuncture get rid of my back pain?",
    "will acupuncture cure my neck pain for good?",
]


@pytest.mark.parametrize("question", CURE_HELD)
def test_a_cure_for_a_held_condition_is_answered(question: str) -> None:
    answer = ask(question)
    assert not answer.insufficient_evidence
    assert _corrected(question)


# "my cat scratch wound on my hand wont heal, would acupuncture speed healing" (p12165)
HEALING_ASKED = [
    "would acupuncture speed up healing of my burn?",
    "can needles make a cut heal faster?",
    "acupuncture for faster healing of a graze on my knee?",
    "my dog bite on my arm is taking ages, could acupuncture help it heal quicker?",
    "does acupuncture speed healing of a leg ulcer?",
]


@pytest.mark.parametrize("question", HEALING_ASKED)
def test_healing_asked_abstains(question: str) -> None:
    assert ask(question).insufficient_evidence


HEALING_NOT_ASKED = [
    "is acupuncture safe near a healing wound on my arm?",
    "my back pain just won't heal, would acupuncture help?",
    "does acupuncture help wound healing after surgery?",
]


@pytest.mark.parametrize("question", HEALING_NOT_ASKED)
def test_healing_beside_a_held_question_stays_in_scope(question: str) -> None:
    assert not ask(question).out_of_scope


# -- facts: the figure asked reaches the answer ------------------------------------------------


def _understood(question: str) -> dict:  # type: ignore[type-arg]
    return ask(question).understanding


# words asking for an approximate figure, or saying where the asker met the topic, carry no
# topic ("roughly per 10 thousand", p12139; "for a blog", h14126; "saw something", p12149)
FRAMING_WORDS = [
    "roughly how many people get a bad bruise from acupuncture?",
    "ballpark figure: how often does acupuncture cause a collapsed lung?",
    "I saw an article saying acupuncture helps knee arthritis, is that true?",
    "writing a blog post: does acupuncture help migraine?",
    "spotted a post online that acupuncture helps neck pain - true?",
]


@pytest.mark.parametrize("question", FRAMING_WORDS)
def test_framing_words_are_no_topic(question: str) -> None:
    assert not _understood(question)["unknown_topic"]


def test_a_real_topic_beside_framing_words_stays() -> None:
    answer = ask("roughly speaking, does acupuncture help gout?")
    assert answer.insufficient_evidence
    assert answer.understanding["unknown_topic"]


# a serious harm in lay words (p12139)
SERIOUS_HARM = [
    "how likely is a serious problem after acupuncture?",
    "what are the odds of something serious happening with acupuncture?",
    "how often do serious issues happen with needling?",
    "how many patients get seriously hurt by acupuncture?",
    "what is the risk that acupuncture goes seriously wrong?",
]


@pytest.mark.parametrize("question", SERIOUS_HARM)
def test_a_serious_harm_in_lay_words_is_the_outcome(question: str) -> None:
    assert "serious_adverse_events" in _understood(question)["outcomes"]


def test_a_serious_complaint_is_no_harm_asked() -> None:
    question = "I have a serious problem with my back, would acupuncture help?"
    assert "serious_adverse_events" not in _understood(question)["outcomes"]


# pregnancy harms asked as caused, two of them joined by "or" (h14126)
PREGNANCY_HARMS = [
    ("does acupuncture cause miscarriage?", {"pregnancy_complications"}),
    ("can needles cause a stillbirth or a premature birth?", {"preterm_birth_stillbirth"}),
    (
        "what is the risk of miscarriage after acupuncture in pregnancy?",
        {"pregnancy_complications"},
    ),
    (
        "do the forbidden points cause miscarriage or stillbirth?",
        {"pregnancy_complications", "preterm_birth_stillbirth"},
    ),
    (
        "does acupuncture in pregnancy raise the chance of premature birth?",
        {"preterm_birth_stillbirth"},
    ),
]


@pytest.mark.parametrize(("question", "outcomes"), PREGNANCY_HARMS)
def test_pregnancy_harms_asked_are_outcomes(question: str, outcomes: set[str]) -> None:
    assert outcomes <= set(_understood(question)["outcomes"])


def test_a_past_miscarriage_is_no_outcome_asked() -> None:
    question = "I had a miscarriage last year, can I have acupuncture for back pain?"
    assert "pregnancy_complications" not in _understood(question)["outcomes"]


def _named(question: str) -> set[str]:
    return set(_understood(question)["statement"]["sources_named"])


# a surname after a word of authorship, no year and no study noun (p12149); of a surname's
# several sources, the largest, or its first edition when asked (h14129)
SURNAME_CUED = [
    ("I saw something from Xiang about acupuncture for pain in A&E", "xiang2017_immediate"),
    ("a paper by Hinman on knee pain - what did it find?", "hinman2014"),
    ("according to Zheng, how many more headache free days with acupuncture?", "zheng2022_ctth"),
    ("read a summary by Bäumler about side effects, how common are they?", "baumler2021"),
    ("there was a study from Cohen on acute pain in the emergency department", "cohen2017_ed"),
    (
        "the huge IPD analysis by Vickers: how many patients were in the original version?",
        "vickers2012",
    ),
    ("the biggest pooled analysis from Vickers, what did it show?", "vickers2018"),
]


@pytest.mark.parametrize(("question", "source"), SURNAME_CUED)
def test_a_surname_after_by_or_from_names_the_study(question: str, source: str) -> None:
    assert source in _named(question)


SURNAME_NOT_CUED = [
    ("I was referred by Dr Hinman for my knee, is acupuncture good?", "hinman2014"),
    ("I'm starting acupuncture from Monday for knee pain", "hinman2014"),
    ("my GP is Dr Cohen, can I have acupuncture for back pain?", "cohen2017_ed"),
]


@pytest.mark.parametrize(("question", "source"), SURNAME_NOT_CUED)
def test_a_name_that_is_no_citation_names_nothing(question: str, source: str) -> None:
    assert source not in _named(question)


# a study told by an abbreviation of its setting, or by its size in words (h14156, h14125)
DESCRIBED = [
    ("The Australian ED trial proved acupuncture beats drugs, right?", "cohen2017_ed"),
    ("what did the Australian ER trial find for acute pain?", "cohen2017_ed"),
    (
        "in the big German safety cohort of over two hundred thousand, how many had side effects?",
        "witt2009",
    ),
    ("that German cohort of two hundred thousand patients: how many had bruising?", "witt2009"),
    ("the German safety cohort: what share reported any adverse effect?", "witt2009"),
]


@pytest.mark.parametrize(("question", "source"), DESCRIBED)
def test_a_study_told_by_setting_or_size(question: str, source: str) -> None:
    assert source in _named(question)


# days free of headache are headache frequency (p12130)
HEADACHE_FREE = [
    "how many headache-free days did acupuncture add for migraine?",
    "days without a headache: how many more with acupuncture for tension headache?",
    "how many migraine free days with acupuncture vs sham?",
    "does acupuncture give more days free of headache in chronic tension-type headache?",
    "how many extra headache free days a month from acupuncture?",
]


@pytest.mark.parametrize("question", HEADACHE_FREE)
def test_headache_free_days_are_headache_frequency(question: str) -> None:
    assert "headache_frequency" in _understood(question)["outcomes"]


# "zero risk" is answered with the pooled adverse-event rate too (h14153: Bäumler 2021)
ZERO_RISK = [
    "acupuncture is completely safe with no side effects, isn't it?",
    "there's zero risk with acupuncture, so I can tell my mum it's harmless",
    "needles are risk free, nothing can go wrong, right?",
]


@pytest.mark.parametrize("question", ZERO_RISK)
def test_zero_risk_is_answered_with_the_pooled_rate(question: str) -> None:
    answer = ask(question)
    title = TITLES["clinician"]["premise"]
    correction = next(s for s in answer.all_sections if s.title == title)
    assert "9.31%" in correction.text


def test_a_safety_question_has_no_zero_risk_correction() -> None:
    answer = ask("how safe is acupuncture?")
    assert TITLES["clinician"]["premise"] not in [s.title for s in answer.all_sections]


# emergency department trials named by place and study noun (p12158)
ED_TRIALS = [
    "acupuncture beats morphine in every emergency room trial, doesn't it?",
    "the emergency room trials show acupuncture works - agreed?",
    "what do emergency department studies show for acupuncture?",
    "acupuncture in the emergency department: does it relieve acute pain?",
    "are there ED trials of acupuncture against morphine?",
]


@pytest.mark.parametrize("question", ED_TRIALS)
def test_emergency_department_trials_are_the_condition(question: str) -> None:
    assert "emergency_acute_pain" in _understood(question)["conditions"]


def test_a_visit_to_a_and_e_is_no_condition() -> None:
    question = "I ended up in A&E with back pain last week, can I have acupuncture?"
    assert "emergency_acute_pain" not in _understood(question)["conditions"]
