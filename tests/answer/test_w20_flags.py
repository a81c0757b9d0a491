"""Wave 20 (issue 10), flags: red flags in new lay words, in our own wordings (none is a
benchmark question).

1. Chest pain, pressure, weight, tightness or heaviness at rest, spreading to the arm, jaw or
   back, or with sweating or clamminess; angina said to have changed (at rest, more often,
   longer): chest pain that may come from the heart (NICE CG95, nice2010_cg95: the screen's
   red_flag_cardiac_chest_pain, emergency). Stable angina under care whose asker says nothing
   has changed stays no flag.
2. Jaw pain or tiredness on chewing with scalp tenderness said in lay words (brushing or
   combing the hair, the head on the pillow): giant cell arteritis features (the screen's
   jaw_claudication), even when a denial of past headaches comes first.
3. A headache new in the life of someone over 50 said by contrast, with a dated onset some
   words before the headache ("never a headache sufferer, but since the end of August I've had
   a dull headache most days").
"""

from __future__ import annotations

import pytest

from acupath.answer import ask


def _screen(question: str) -> tuple[str | None, str | None, list[str]]:
    answer = ask(question)
    screen = answer.screen or {}
    applied = list((answer.patient_context or {}).get("applied", []))
    return screen.get("decision"), screen.get("urgency"), applied


# 1. cardiac chest pain at rest, spreading, or angina changed ---------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Half an hour ago a heavy weight settled on my chest and it's going into my jaw. "
        "Acupuncture for my hip later today still ok?",
        "My husband says it feels like an elephant sitting on his chest and he's gone grey "
        "and sweaty. Should he still go to his acupuncture?",
        "While I was lying in bed last night my chest went tight and it lasted about forty "
        "minutes. I have acupuncture for my knee tomorrow, fine?",
        "Crushing pressure on my chest since I sat down after lunch, I feel sick. Can I keep "
        "my acupuncture slot?",
        "My angina has been coming on while I'm sitting watching TV lately. Is acupuncture "
        "for my back safe?",
        "My angina attacks are getting more frequent and now they wake me up at night. "
        "Acupuncture for my shoulder ok?",
        "Known angina but this week it's been coming on at rest and the spray isn't working. "
        "Still ok for acupuncture on Thursday?",
        "My dad's got a tight band round his chest since he woke up and he feels sick. His "
        "acupuncture is at 2, should he go?",
        "There's a pain in my chest that spreads into my neck and jaw while I'm sitting down. "
        "Acupuncture later?",
    ],
)
def test_chest_pain_at_rest_or_spreading_or_angina_changed_refers_now(question: str) -> None:
    decision, urgency, applied = _screen(question)
    assert "red_flag:cardiac_chest_pain" in applied
    assert (decision, urgency) == ("refer", "emergency")


@pytest.mark.parametrize(
    "question",
    [
        "I've had stable angina for ten years, it only comes on when I walk up steep hills and "
        "settles with my GTN spray, nothing has changed and my cardiologist saw me in the "
        "summer. Acupuncture for my knee ok?",
        "Angina for years - chest tightness on the stairs, eases with a puff of my spray, it "
        "hasn't changed at all and the heart clinic reviewed me last month. Acupuncture for "
        "my back?",
        "I pulled a muscle in my chest wall lifting boxes and it's sore when I press on it. "
        "Acupuncture?",
        "My chest feels heavy with this cold and I'm coughing, my inhaler helps. Acupuncture "
        "for my sinuses?",
        "Does acupuncture help angina? I read a study about it.",
        "Had a heart attack in 2019 with chest pain down my arm, stented, all fine since. "
        "Acupuncture for my back?",
        "My angina is well controlled, unchanged for years, my cardiologist is happy. "
        "Acupuncture for my knee?",
    ],
)
def test_stable_or_non_cardiac_chest_words_are_not_the_flag(question: str) -> None:
    _, _, applied = _screen(question)
    assert "red_flag:cardiac_chest_pain" not in applied


# 2. giant cell arteritis in lay words ---------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Dad is 79. He's not a headache man but his scalp feels bruised when he combs his hair "
        "and his jaw gets tired chewing meat. Would acupuncture help?",
        "I'm 68 and it hurts when I lay my head on the pillow, and my jaw aches after a few "
        "mouthfuls of food. Acupuncture?",
        "My nan (81) says brushing her hair hurts and her jaw aches when she chews toast. "
        "Can she have acupuncture?",
        "I'm 72 and my scalp is tender to touch and my jaws ache when I eat my dinner. Is "
        "acupuncture OK?",
        "I never get headaches but at 70 my scalp is sore when I comb my hair and chewing "
        "makes my jaw ache. Acupuncture?",
    ],
)
def test_scalp_tenderness_with_jaw_pain_on_chewing_refers_urgently(question: str) -> None:
    decision, urgency, applied = _screen(question)
    assert "red_flag:jaw_claudication" in applied
    assert decision == "refer"
    assert urgency in ("urgent", "emergency")


@pytest.mark.parametrize(
    "question",
    [
        "I'm 70 and my jaw clicks when I chew since the dentist did a filling. Acupuncture "
        "for TMJ?",
        "I'm 66 and I have scalp psoriasis that itches when I brush my hair. Acupuncture for "
        "my knee?",
    ],
)
def test_jaw_or_scalp_words_that_are_not_gca(question: str) -> None:
    _, _, applied = _screen(question)
    assert "red_flag:jaw_claudication" not in applied


# 3. a headache new in life over 50, dated some words before -----------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "I'm 64 and never been a headache person, but since the middle of October I've been "
        "getting a nagging headache every day. Acupuncture?",
        "I'm 58 and I've never had headaches, but from the start of this month I've woken up with "
        "a headache most mornings. Would acupuncture help?",
        "My mum is 77, she never used to get headaches, but since the beginning of September "
        "she has had a dull headache nearly every day. Acupuncture?",
        "I'm 70 and not one for headaches, but since the week after my birthday I've had a "
        "throbbing headache on and off. Is acupuncture good for that?",
        "Aged 62, never a headache sufferer, but since the end of the summer holidays I keep "
        "getting a pressure headache. Acupuncture?",
    ],
)
def test_headache_new_in_life_dated_before_the_headache(question: str) -> None:
    decision, _, applied = _screen(question)
    assert "red_flag:new_headache_after_50" in applied
    assert decision == "refer"


@pytest.mark.parametrize(
    "question",
    [
        "I'm 35 and never been a headache person, but since the end of August I've had a "
        "dull headache most days. Acupuncture?",
        "I'm 66 and have never had headaches, just a stiff knee from years of gardening. "
        "Acupuncture?",
    ],
)
def test_new_headache_contrast_not_over_50_or_not_headache(question: str) -> None:
    _, _, applied = _screen(question)
    assert "red_flag:new_headache_after_50" not in applied


# 4. ITP read by its platelet count ------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Chronic ITP, platelets 68 x10^9/L at last check, no bruising. Acupuncture for my "
        "lower back?",
        "I have immune thrombocytopenia and my platelet count was 85 on Monday. Could acupuncture "
        "help my tennis elbow?",
        "54F with ITP followed by haematology, plt 61 two weeks ago, not bleeding. Knee OA - "
        "needling ok?",
        "My platelets sit at about 75 because of ITP, the haematologist just monitors it. "
        "Shoulder pain, is acupuncture ok?",
        "Immune thrombocytopenic purpura, platelet count 90,000/uL, no symptoms. Request for "
        "acupuncture for neck pain.",
    ],
)
def test_itp_with_a_count_is_read_by_the_count(question: str) -> None:
    decision, _, applied = _screen(question)
    assert "comorbidity:bleeding_disorder" not in applied
    assert any(label.startswith("platelets:") for label in applied)
    assert decision == "proceed_with_modifications"


@pytest.mark.parametrize(
    "question",
    [
        "I have ITP. Is acupuncture safe for my back?",
        "ITP, platelets 70, but I've been getting nosebleeds and big bruises this week. "
        "Acupuncture for my neck?",
        "Von Willebrand disease, platelets 210. Acupuncture for my knee?",
    ],
)
def test_itp_without_a_count_or_bleeding_or_other_disorder_defers(question: str) -> None:
    decision, _, applied = _screen(question)
    assert "comorbidity:bleeding_disorder" in applied
    assert decision in ("defer", "refer")


def test_itp_with_only_an_old_count_stays_a_bleeding_disorder() -> None:
    decision, _, applied = _screen(
        "ITP, my platelets were 80 back in 2019 and nobody has checked since. Acupuncture for my "
        "back?"
    )
    assert "comorbidity:bleeding_disorder" in applied
    assert decision in ("defer", "refer")
