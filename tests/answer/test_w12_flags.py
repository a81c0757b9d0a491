"""Wave 12 (issue 10), flags: misses of the merged wave-11 engine read as classes, in our own
wordings.

1. Mid, upper or thoracic back pain after minor trauma in someone with thin bones is a possible
   vertebral fracture, referred the same day, whatever words tell the trauma (p10059: "sat down
   hard"): the osteoporotic-fall flag the answer reads with any spinal site it names.
2. A described person always gets a safety box, even when the question tells nothing the screen
   reads: the asker's own story in subjectless or object words ("gave me a drip", "went to the
   emergency department", "I do 12,000 steps"), a pain score, a side of the body beside a
   complaint (p10074, p10078, p10079, h10008). General questions still get none.
"""

from __future__ import annotations

import pytest

from acupath.answer import ask

# 1. thoracic pain after minor trauma with thin bones ----------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "My gran is 84 with osteoporosis. She sat down hard on the sofa yesterday and now her "
        "upper back is agony. Can acupuncture help?",
        "Dad, 78, has thin bones and jarred himself stepping off a bus; pain between his "
        "shoulder blades since. Acupuncture?",
        "72F, osteoporotic, mid back pain since she landed heavily on a step last week. Needling "
        "ok?",
        "I have osteopenia and bumped down the stairs on my bottom on Friday, now my thoracic "
        "spine is really sore. Acupuncture?",
        "Patient with brittle bones, coughing fit two days ago and since then sharp pain in the "
        "middle back. Suitable for acupuncture?",
        "She has low bone density and had a minor fall from standing on Monday, pain in her "
        "upper back since. Acupuncture?",
        "Weak bones, 79. Sat down hard on the loo seat and now agony between the shoulder "
        "blades. Needling?",
        "She has osteoporosis and fell onto a chair on Saturday; since then her mid back is "
        "killing her. Can I book her in for acupuncture?",
    ],
)
def test_thoracic_pain_after_osteoporotic_trauma_is_urgent(question: str) -> None:
    answer = ask(question)
    screen = answer.screen or {}
    assert screen.get("decision") == "refer", question
    assert screen.get("urgency") in ("urgent", "emergency"), question


@pytest.mark.parametrize(
    "question",
    [
        # thin bones and a fall, but knee pain: the screen's own rule decides (within days)
        "Mum is 81 with osteoporosis, she sat down hard on a chair on Sunday and her knee hurts "
        "since. Acupuncture?",
        # thoracic pain with thin bones and no trauma at all
        "I have osteoporosis and a dull mid back ache for years, no falls. Acupuncture?",
        # a question about the risk, no person's trauma
        "How common are vertebral fractures in the mid back in people with osteoporosis?",
        # thin bones, a fall, and the mid back said to be fine
        "Nan has osteoporosis and sat down hard on a chair; her hip hurts but no mid back pain. "
        "Acupuncture?",
    ],
)
def test_no_thoracic_fracture_flag_without_thoracic_pain_after_trauma(question: str) -> None:
    screen = ask(question).screen or {}
    assert "thoracic_pain_after_osteoporotic_fall" not in screen.get("red_flags", []), question


@pytest.mark.parametrize(
    "question",
    [
        "Car crash on the motorway yesterday, now my mid back is really painful. Acupuncture?",
        "He fell off a ladder from about 3 metres on Monday and has had upper back pain since. "
        "Can I needle him?",
        "Rear-ended at a junction on Friday, pain between my shoulder blades since. Is "
        "acupuncture ok?",
        "She was thrown from a horse two days ago and her thoracic spine is very sore. Needling?",
        "Knocked off my bike by a van this week, middle back aching since. Acupuncture?",
    ],
)
def test_thoracic_pain_after_major_trauma_is_urgent(question: str) -> None:
    screen = ask(question).screen or {}
    assert screen.get("decision") == "refer", question
    assert screen.get("urgency") in ("urgent", "emergency"), question
    assert "thoracic_pain_after_major_trauma" in screen.get("red_flags", []), question


@pytest.mark.parametrize(
    "question",
    [
        "Car crash yesterday, my knee hit the dashboard and hurts. Acupuncture?",
        "Fell off a ladder on Monday, sore wrist, no mid back pain at all. Needling ok?",
        "I have had mid back pain for years from sitting at a desk. Acupuncture?",
    ],
)
def test_no_thoracic_major_trauma_flag(question: str) -> None:
    screen = ask(question).screen or {}
    assert "thoracic_pain_after_major_trauma" not in screen.get("red_flags", []), question


# 2. a described person always gets a box ----------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Ended up in A&E on Friday with food poisoning, they put me on a drip and sent me home. "
        "All fine now. Can I keep my acupuncture appointment for my migraines?",
        "Went to the walk-in centre last month with a sprained wrist, healed now. Knee "
        "arthritis. Is acupuncture worth a go?",
        "I walk about 8,000 steps a day and my knee pain is 5 out of 10 on bad days. Knee "
        "osteoarthritis. Worth trying acupuncture?",
        "Screws in the right ankle from a break years ago and a plate in the left wrist. Plantar "
        "heel pain on the right. Is needling near the metal ok?",
        "They kept me in overnight for observation after a faint in May, all better now. "
        "Chronic neck pain. Would acupuncture help?",
        "Pain is 7/10 most mornings. Low back pain for two years. Session booked for Thursday, "
        "worth it?",
    ],
)
def test_described_person_gets_a_box(question: str) -> None:
    answer = ask(question)
    assert answer.screen is not None, question
    assert answer.screen.get("decision") in (
        "proceed",
        "proceed_with_modifications",
        "caution",
    ), question


@pytest.mark.parametrize(
    "question",
    [
        "Does acupuncture help migraine?",
        "Can you give me a summary of the evidence for acupuncture in hip osteoarthritis?",
        "What is the evidence for acupuncture in lateral elbow pain?",
        "Is it safe to needle near metal implants in general?",
        "How many sessions of acupuncture are usually needed for tension-type headache?",
        "Tell me about acupuncture for knee osteoarthritis, pain scores of 6 out of 10 at "
        "baseline in the trials?",
        "In trials of acupuncture for chronic low back pain, how much did pain drop on a 0-10 "
        "scale?",
    ],
)
def test_general_question_gets_no_box(question: str) -> None:
    assert ask(question).screen is None, question
