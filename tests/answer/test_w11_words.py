"""Wave 11, words: words Ask reported as not understood though it read them, or though they
carry nothing clinical; and words that must still be reported."""

from __future__ import annotations

import pytest

from acupath.answer import ask


def _unread(question: str) -> list[str]:
    return [w.lower() for w in ask(question).not_understood]


# -- a held condition named by a word the out-of-scope list also holds ---------------------------


@pytest.mark.parametrize(
    "question",
    [
        "shes 15 with awful period pain every month, 2 days off school. acupuncture?",
        "Primary dysmenorrhoea - does acupuncture help?",
        "Does acupuncture help dysmenorrhea?",
        "does acupuncture help menstrual pain?",
        "My daughter gets bad period pain, would acupuncture work for her?",
        "28F with dysmenorrhoea since she was 13, is acupuncture effective?",
    ],
)
def test_a_held_condition_is_not_reported_as_out_of_scope(question):
    answer = ask(question)
    assert "primary_dysmenorrhoea" in answer.understanding["conditions"]
    assert not answer.not_understood
    assert not [p for p in answer.understanding["parts"] if p["kind"] == "out_of_scope"]


@pytest.mark.parametrize(
    ("question", "word"),
    [
        ("knee pain and IBS, does acupuncture help?", "ibs"),
        ("acupuncture for back pain and depression?", "depression"),
        ("Does acupuncture help neck pain and tinnitus?", "tinnitus"),
        ("Does acupuncture help low back pain and hay fever?", "hay fever"),
        ("Fibromyalgia and insomnia - does acupuncture help?", "insomnia"),
    ],
)
def test_an_out_of_scope_topic_beside_a_held_condition_is_still_reported(question, word):
    assert word in _unread(question)


# -- discourse words: interjections, greetings, thanks and apologies, chat abbreviations,
# conjunctive adverbs ("otherwise well") ------------------------------------------------------


def _incomplete(question: str) -> bool:
    return "could not be completed" in ask(question).markdown


@pytest.mark.parametrize(
    "question",
    [
        "62 year old woman with knee osteoarthritis, otherwise well. Is acupuncture safe?",
        "45M chronic low back pain, otherwise fit and well, any reason not to needle?",
        "Hiya, sorry to bother you lol. My mum is 70, otherwise healthy, has neck "
        "pain. Can she have acupuncture?",
        "Thanks in advance! 50F with shoulder pain, otherwise fine - ok to needle? cheers",
        "hey, nah she's not on any tablets, 38F tension headaches, is acupuncture safe for her?",
        "Otherwise, does acupuncture help migraine? Many thanks",
    ],
)
def test_discourse_words_are_read(question):
    assert not ask(question).not_understood
    assert not _incomplete(question)


@pytest.mark.parametrize(
    ("question", "word"),
    [
        ("Hiya, 45F neck pain, otherwise well but a bit woozy lol - ok to needle?", "woozy"),
        ("Sorry, he's been very woozy, otherwise fine, knee pain - acupuncture ok?", "woozy"),
        ("thanks - 60M back pain, otherwise well, agitated at night, safe to needle?", "agitated"),
        ("hey, 40F neck pain and a Bell's palsy last month lol, ok to needle?", "bell's palsy"),
        ("Otherwise well, 55M back pain, colonoscopy next week lol, ok to needle?", "colonoscopy"),
    ],
)
def test_clinical_words_beside_discourse_words_are_still_reported(question, word):
    assert any(word in w for w in _unread(question))
    assert _incomplete(question) or ask(question).screen.get("decision") != "proceed"


# -- phrases whose every word is read with the name around it -----------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "55F with mechanical back pain, ok to needle?",
        "Mechanical low back pain for 3 months, does acupuncture help?",
        "40M, mechanical neck pain after a long drive. Is acupuncture safe?",
        "32F migraine with aura, does acupuncture help?",
        "She gets migraines without aura - would acupuncture prevent them?",
        "titanium plate in her wrist from a fracture, shoulder pain, ok to needle?",
        "Has titanium screws in his leg from a fracture, knee osteoarthritis - safe to needle?",
        "40F with Crohn's, neck pain, safe to needle?",
        "Crohn's disease, stable, low back pain. Acupuncture ok?",
    ],
)
def test_phrases_of_read_names_are_read(question):
    assert not ask(question).not_understood
    assert not _incomplete(question)


@pytest.mark.parametrize(
    ("question", "word"),
    [
        ("60M with a mechanical heart valve, back pain, ok to needle?", "mechanical"),
        ("had a strange aura yesterday then neck pain, ok to needle?", "aura"),
        ("titanium dust exposure at work, neck pain, ok to needle?", "titanium"),
        ("My kidneys failed last year, back pain - acupuncture ok?", "failed"),
        ("mechanical ventilation last month in ICU, shoulder pain, acupuncture?", "mechanical"),
    ],
)
def test_the_same_words_elsewhere_are_still_reported(question, word):
    assert any(word in w.lower() for w in _unread(question))


@pytest.mark.parametrize(
    "question",
    [
        "Is it safe to stick needles in you if you have back pain?",
        "can they stick needles in my neck? 40F neck pain",
        "Do they stick the needles deep? knee OA",
        "Is it normal to be scared when they poke needles in your back? low back pain",
        "went to A&E, sent home, back pain, ok to needle?",
        "55M back pain, seen by the GP and sent home with painkillers. acupuncture?",
        "She was sent straight home from A&E with neck pain - acupuncture ok?",
    ],
)
def test_needling_verbs_and_being_sent_home_are_read(question):
    assert not ask(question).not_understood


@pytest.mark.parametrize(
    ("question", "word"),
    [
        ("walks with a stick since the stroke, knee OA - acupuncture ok?", "stick"),
        ("he was sent in by ambulance with back pain yesterday - acupuncture?", "sent"),
        ("GP sent her to the hospital with neck pain, ok to needle?", "sent"),
        ("stuck at home with a woozy head, back pain, ok to needle?", "woozy"),
        ("sent home but still a bit woozy, back pain - ok to needle?", "woozy"),
    ],
)
def test_sent_and_stick_elsewhere_are_still_reported(question, word):
    assert any(word in w.lower() for w in _unread(question))
