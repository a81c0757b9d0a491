"""Wave 6 (issue 10), engineer "flags": red flags, their negation, comorbidity shorthand and
unread clinical words, in wordings written before the rules (lay, clinic-note, referral-letter,
typos, British/American, non-native English).

Each class has a tuning function and a ``*_held`` function written at the same time and not
looked at while the rules were written (its first-run and final pass rates are in the report).
"""

from __future__ import annotations

import functools

import pytest

from acupath.answer import parse
from acupath.answer.parse import Statement
from acupath.answer.safety import Safety, assess
from acupath.evidence.loader import bundled_base

EMERGENCY, URGENT, SOON = "emergency", "urgent", "soon"
RANK = {"emergency": 0, "urgent": 1, "soon": 2, "routine": 3, None: 4}


@functools.cache
def _read(question: str) -> tuple[Statement, Safety | None]:
    base = bundled_base()
    stmt = parse(question, base)
    return stmt, assess(stmt.patient, stmt.question.conditions, base.conditions)


def _flags(question: str) -> set[str]:
    stmt, _ = _read(question)
    return {m.value for m in stmt.patient.applied if m.kind == "red_flag"}


def _refers_at_least(question: str, urgency: str) -> None:
    stmt, safety = _read(question)
    assert safety is not None, (question, stmt.patient.labels())
    assert safety.decision == "refer", (question, safety.decision, stmt.patient.labels())
    assert RANK[safety.urgency] <= RANK[urgency], (question, safety.urgency, safety.red_flags)


# -- class 1: red flags in lay, clinic-note and referral-letter words, and typos -------------

RED_FLAG_TUNING = [
    # cauda equina (AHCPR 1994 Table 1; NICE CKS sciatica)
    ("Pt c/o LBP, painless urinary retention, PVR 600ml", EMERGENCY),
    ("63F, sciatica, loss of anal tone on PR", EMERGENCY),
    ("LBP with reduced anal tone and S2-S4 sensory loss", EMERGENCY),
    ("new urinary hesitancy and poor stream since the back pain started", EMERGENCY),
    ("saddle anaesthsia and back pain, needling ok?", EMERGENCY),
    ("I can't feel the toilet paper when I wipe, low back pain", EMERGENCY),
    ("i have been wetting the bed since my back went, is acupuncture ok", EMERGENCY),
    ("lax anal sphincter on exam, L4/5 disc", EMERGENCY),
    ("pt reports no sensation when passing urine, sciatica", EMERGENCY),
    # neuro
    ("L foot drop, MRC 3/5 EHL, worsening over 2 days, LBP", EMERGENCY),
    ("progressive weakness both legs, back pain", EMERGENCY),
    # infection
    ("LBP, pyrexial 38.9 with rigors", URGENT),
    ("back pain, febrile, PWID", URGENT),
    ("IVDU with thoracic back pain, acupuncture?", URGENT),
    ("I've been burning up and shaking with chills, my back is agony", URGENT),
    ("neck pain, temp 39.2, photophobia", URGENT),
    ("back pain, on long term prednisolone for his lungs", URGENT),
    # malignancy
    ("LBP, unintentional wt loss 6kg over 3 months", SOON),
    ("my clothes are falling off me, not dieting, back pain", SOON),
    ("back pain, night pain unrelieved by rest", SOON),
    ("known mets from prostate ca, new low back pain", SOON),
    # fracture
    ("osteoporotic 78F, minor fall, acute LBP", SOON),
    ("back pain after slipping off a kerb, she has osteoporosis", SOON),
    # headache
    ("thunderclap headache this morning, worst ever", EMERGENCY),
    ("worst headache of my life came on in seconds", EMERGENCY),
    ("72F, new headache, jaw claudication, scalp tenderness", URGENT),
    ("?GCA, 74M, temporal headache", URGENT),
    ("headache and fever with neck stiffness", URGENT),
    ("thunderclapp headache yesterday, acupuncture for it?", EMERGENCY),
    # infection named by its diagnosis or treatment, and the other screened flags
    ("LBP, ?discitis, CRP raised", URGENT),
    ("back pain, on IV abx for a chest infection", URGENT),
    ("neck pain, upgoing plantars and hyperreflexia", URGENT),
    ("neck pain with sustained ankle clonus, acupuncture?", URGENT),
    ("headache, new slurred speech since this morning", URGENT),
    ("headache and reduced GCS, acupuncture?", EMERGENCY),
    ("knee pain, hot swollen joint, acupuncture?", URGENT),
    ("neck pain, query CES", EMERGENCY),
    ("LBP, suspected cauda equina, MRI pending", EMERGENCY),
]


# my rewordings of the misses of the tuning probe 6 (kinds of wording, not its sentences)
RED_FLAG_TUNING += [
    ("temp 39, her neck is rigid and she cannot stand the light, headache", EMERGENCY),
    ("he injects heroin, low back pain for 10 days", URGENT),
    ("head-on collision yesterday, now neck pain, acupuncture?", URGENT),
    ("dropped 5 kg without trying, back pain since spring", SOON),
    ("she soiled herself and did not notice, back pain", EMERGENCY),
    ("she's hot and shivery and her back hurts, acupuncture?", URGENT),
    # a cancer history in note words (AHCPR 1994 Table 1: history of cancer)
    ("PMH Ca prostate 2015, new LBP 3/52", SOON),
    ("h/o ca breast, now LBP, acupuncture?", SOON),
    ("s/p resected colon ca 2019, new LBP", SOON),
    # non-native English
    ("my back is hurting and I cannot do pee since two days", EMERGENCY),
    ("I lose weight much without diet, back pain", SOON),
    ("i cannot control my toilet since yesterday, back pain", EMERGENCY),
    ("I fall from stairs yesterday, now back pain", URGENT),
    ("she have fever and pain of back", URGENT),
    ("my husband he is inject drugs, back pain very bad", URGENT),
    ("headache very strong, come suddenly like explosion", EMERGENCY),
    # misspellings left to the corrector (a typo listed as a phrase would teach it the typo)
    ("back pain and urinary retension", EMERGENCY),
    ("LBP, new incontinance of urine", EMERGENCY),
    ("pt has feaver and back pain", URGENT),
    ("LBP, immunosupressed after a kidney transplant", URGENT),
]


@pytest.mark.parametrize(
    ("word", "target", "ok"),
    [
        ("retension", "retention", True),
        ("incontinance", "incontinence", True),
        ("retentions", "retention", False),  # two letters longer: not a one-letter slip
        ("pacer", "paces", False),  # short words need a keyboard slip
    ],
)
def test_long_words_one_letter_from_a_fact_word(word: str, target: str, ok: bool) -> None:
    from acupath.answer.spelling import _long_slip

    assert _long_slip(word, target) is ok


@pytest.mark.parametrize(("question", "urgency"), RED_FLAG_TUNING)
def test_red_flag_wordings_refer(question: str, urgency: str) -> None:
    _refers_at_least(question, urgency)


RED_FLAG_HELD = [
    ("patient has retention of urine with overflow, LBP, needle?", EMERGENCY),
    ("perianal paraesthesia and bilateral leg weakness, acupuncture?", EMERGENCY),
    ("Referral: 55M, LBP, reduced saddle sensation, PVR 350 mL.", EMERGENCY),
    ("she cannot feel herself wiping after the loo, back pain", EMERGENCY),
    ("he has temp 38.4 and back pain since friday", URGENT),
    ("LBP, hx of IV heroin use", URGENT),
    ("weight has dropped off her without trying, back ache", SOON),
    ("wakes every night with the back pain, nothing eases it", SOON),
    ("hx breast ca with mets to bone, back pain, needle?", SOON),
    ("77F on long-term steroids, back pain after a trivial fall", SOON),
    ("sudden severe headache peaking within a minute", EMERGENCY),
    ("pain in jaw when chewing and headache, 68 year old", URGENT),
    ("incontinent of faeces since tuesday, back pain", EMERGENCY),
    ("severe headache and stiff neck and high temp", URGENT),
]


@pytest.mark.parametrize(("question", "urgency"), RED_FLAG_HELD)
def test_red_flag_wordings_refer_held(question: str, urgency: str) -> None:
    _refers_at_least(question, urgency)


RED_FLAG_NEGATIVE = [
    "What does the evidence say about acupuncture for urinary retention after surgery?",
    "Does acupuncture help night sweats in menopause?",
    "bladder training plus acupuncture for overactive bladder: trials?",
    "is acupuncture any good for jaw pain from TMJ?",
    "acupuncture for headache in general, how many sessions?",
    "dad had a stroke 3 years ago, right shoulder pain now, acupuncture?",
    "reflexes normal, neck pain, acupuncture?",
    "CES safety netting advice given, mechanical LBP, acupuncture?",
    "70M, LBP, uses an inhaled steroid for asthma, acupuncture?",
    "my jaw hurts when chewing, I grind my teeth, acupuncture?",
    "55F on insulin injections for diabetes, knee OA, acupuncture?",
    "same old tension headache, nothing sudden or new, acupuncture?",
    "hot flushes and sweats from the menopause, knee pain, acupuncture?",
    "she injects insulin twice a day, knee OA, acupuncture?",
    "I want to lose 5 kg for my knees, acupuncture?",
    "it is hard to get on and off the toilet with my back pain, acupuncture?",
    "I have to get up to pee at night, back pain, acupuncture?",
    "scared of falling down the stairs, knee OA, acupuncture?",
    "does acupuncture help pain after surgery for breast cancer?",
    "what is known about acupuncture for cancer pain?",
]


@pytest.mark.parametrize("question", RED_FLAG_NEGATIVE)
def test_red_flag_words_as_topic_or_other_meaning_do_not_refer(question: str) -> None:
    _, safety = _read(question)
    assert safety is None or safety.decision != "refer", (question, safety.red_flags)


# -- class 2: negated and resolved red flags in note style -------------------------------------

NEGATED_TUNING = [
    "LBP 6/52, no red flags, acupuncture?",
    "Mechanical LBP. Bladder and bowel normal. Apyrexial. Acupuncture?",
    "LBP, denies saddle anaesthesia, no bladder or bowel change, afebrile",
    "neck pain, neuro intact, no B symptoms, weight stable",
    "sciatica, SLR neg, no cauda equina symptoms, neuro NAD",
    "LBP 3 months, no fever, no weight loss, no night pain",
    "low back pain, nil red flags, acupuncture ok?",
    "knee OA, apyrexial, obs stable, needling ok?",
    "LBP, CES symptoms denied, no perianal numbness",
    "back pain, no saddle numbness, passing urine normally",
    "LBP. Red flags: none. Acupuncture?",
    "LBP, CES symptoms explained and safety netted, acupuncture?",
    "fever has settled, LBP, acupuncture?",
    "she doesn't have a fever and hasn't lost weight, back pain",
    "I don't have any numbness down below, back pain, acupuncture?",
]


@pytest.mark.parametrize("question", NEGATED_TUNING)
def test_negated_red_flags_do_not_refer(question: str) -> None:
    stmt, safety = _read(question)
    assert not _flags(question), (question, stmt.patient.labels())
    assert safety is None or safety.decision != "refer", (question, safety.red_flags)


NEGATED_HELD = [
    "LBP, red flags negative, acupuncture for it?",
    "Hx LBP. No CES sx. Temp normal. Needle?",
    "back pain, no incontinence, no retention, no fever",
    "chronic LBP, denies wt loss, night sweats or fevers",
    "neck pain, no neuro deficit, afebrile, no red flag symptoms",
    "back pain, she has no numbness in the saddle area and is not feverish",
]


@pytest.mark.parametrize("question", NEGATED_HELD)
def test_negated_red_flags_do_not_refer_held(question: str) -> None:
    stmt, safety = _read(question)
    assert not _flags(question), (question, stmt.patient.labels())
    assert safety is None or safety.decision != "refer", (question, safety.red_flags)


STILL_FLAGGED = [
    # a negation of one fact does not negate the next one
    ("LBP, no fever but new urinary retention", EMERGENCY),
    ("afebrile, but saddle anaesthesia since yesterday, LBP", EMERGENCY),
    ("no red flags apart from weight loss 8 kg unexplained, LBP", SOON),
    ("bladder normal, bowel incontinence since monday, back pain", EMERGENCY),
]


@pytest.mark.parametrize(("question", "urgency"), STILL_FLAGGED)
def test_negation_does_not_spread(question: str, urgency: str) -> None:
    _refers_at_least(question, urgency)


# -- class 3: comorbidities and history words in note shorthand -------------------------------

SHORTHAND = [
    "PMH AF on apixaban, T2DM, HTN. Knee OA. Acupuncture?",
    "Hx IHD, CKD 3, COPD. LBP. Needle?",
    "h/o DVT/PE, on rivaroxaban. Neck pain, acupuncture safe?",
    "62M s/p CABG, c/o neck pain, o/e tender trapezius. Acupuncture?",
    "PMHx: HTN, hypercholesterolaemia, OA knees. Acupuncture?",
    "known T1DM, LBP, acupuncture ok?",
    "r/o radiculopathy, chronic neck pain, acupuncture?",
    "pt with CHF and HTN, chronic LBP, acupuncture?",
]


@pytest.mark.parametrize("question", SHORTHAND)
def test_shorthand_is_not_reported_unread(question: str) -> None:
    stmt, _ = _read(question)
    shorthand = {"pmh", "pmhx", "hx", "h/o", "s/p", "c/o", "o/e", "r/o", "known"}
    unread = {w.lower() for w in stmt.not_understood}
    assert not unread & shorthand, (question, stmt.not_understood)


COMORBIDITY_READ = [
    ("PMH: COPD, LBP, acupuncture?", "comorbidity:chronic_lung_disease"),
    ("T2DM on metformin, knee OA", "comorbidity:diabetes"),
    ("h/o epilepsy, neck pain", "comorbidity:epilepsy"),
    ("IDDM, LBP", "comorbidity:diabetes"),
    ("Hx of seizures, LBP", "comorbidity:epilepsy"),
    ("vWD, knee pain, acupuncture?", "comorbidity:bleeding_disorder"),
    ("known haemophiliac, knee OA", "comorbidity:haemophilia"),
    ("emphysematous lungs, neck pain", "comorbidity:chronic_lung_disease"),
]


@pytest.mark.parametrize(("question", "label"), COMORBIDITY_READ)
def test_comorbidity_shorthand_read(question: str, label: str) -> None:
    stmt, _ = _read(question)
    assert label in stmt.patient.labels(), (question, stmt.patient.labels())


COMORBIDITY_HELD = [
    ("PMHx DM2, knee OA, acupuncture?", "comorbidity:diabetes"),
    ("known epileptic, neck pain", "comorbidity:epilepsy"),
    ("Hx COPD GOLD 3, LBP", "comorbidity:chronic_lung_disease"),
    ("pt has NIDDM and sciatica", "comorbidity:diabetes"),
]


@pytest.mark.parametrize(("question", "label"), COMORBIDITY_HELD)
def test_comorbidity_shorthand_read_held(question: str, label: str) -> None:
    stmt, _ = _read(question)
    assert label in stmt.patient.labels(), (question, stmt.patient.labels())


COMORBIDITY_NEGATIVE = [
    ("no history of diabetes, LBP", "comorbidity:diabetes"),
    ("not epileptic, neck pain", "comorbidity:epilepsy"),
    ("LBP, no COPD, no asthma", "comorbidity:chronic_lung_disease"),
    ("denies diabetes, knee OA", "comorbidity:diabetes"),
]


@pytest.mark.parametrize(("question", "label"), COMORBIDITY_NEGATIVE)
def test_comorbidity_not_read(question: str, label: str) -> None:
    stmt, _ = _read(question)
    applied = {m.label for m in stmt.patient.applied}
    assert label not in applied, (question, stmt.patient.labels())


# -- every red-flag phrase of the lexicon, said plainly and denied ----------------------------


def _phrases() -> list[tuple[str, str]]:
    from acupath.answer.lexicon import patient_words

    return [
        (flag, p)
        for flag, phrases in patient_words().red_flags.items()
        # a new headache is a flag only with an age over 50 (context._derive); a phrase that
        # begins with "?" is its own sentence and cannot be denied by a word before it
        if flag != "new_headache_after_50"
        for p in phrases
        if not p.startswith("?")
    ]


def test_every_red_flag_phrase_is_read_and_can_be_denied() -> None:
    """A phrase that never fires (an apostrophe, a trigger word inside it) or that cannot be
    denied is a silent gap; this scans them all."""
    from acupath.answer.context import extract

    missed, undeniable = [], []
    for flag, phrase in _phrases():
        said = extract(f"patient has {phrase}, low back pain. Acupuncture?")
        if flag not in {m.value for m in said.applied if m.kind == "red_flag"}:
            missed.append((flag, phrase))
        denied = extract(f"low back pain, denies {phrase}. Acupuncture?")
        if flag in {m.value for m in denied.applied if m.kind == "red_flag"}:
            undeniable.append((flag, phrase))
    assert not missed, missed
    assert not undeniable, undeniable


def test_every_comorbidity_phrase_is_read_and_can_be_denied() -> None:
    from acupath.answer.context import extract
    from acupath.answer.lexicon import patient_words

    problems = []
    for cond, phrases in patient_words().comorbidities.items():
        for phrase in phrases:
            said = extract(f"patient has {phrase}, knee OA. Acupuncture?")
            if cond not in {m.value for m in said.applied if m.kind == "comorbidity"}:
                problems.append(("not read", cond, phrase))
            denied = extract(f"knee OA, denies {phrase}. Acupuncture?")
            if cond in {m.value for m in denied.applied if m.kind == "comorbidity"}:
                problems.append(("not denied", cond, phrase))
    assert not problems, problems
