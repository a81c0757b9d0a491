"""Questions written for a document or an audience, about a topic, that describe no patient
(issue 10, wave 14).

"For our anticoagulation clinic's FAQ: what does the review say about bleeding when people on
blood thinners have acupuncture?", "We're drafting a poster for our waiting room: which
red-flag symptoms should make a patient stop ... numb saddle area, bladder changes?", "For a
CPD quiz: which points are avoided in pregnancy?", "random question, not for me - why do
acupuncturists ask about blood thinners?", "Students keep asking: what counts as a thunderclap
headache?", "Can acupuncture be offered to children in general? Writing a paediatric service
spec.": the facts named are the topic of a document (an FAQ, a poster, a leaflet, a quiz, a
service spec, an audit, a policy) or of a question asked for an audience (students, trainees)
or said to be for no one ("not for me", "not about a patient"). They become the question's
topic (shown, never screened) when all of these hold:

- the question names such a document or audience as what it is written for (:data:`MARKER`);
- no particular person is described anywhere in it (:data:`_SOMEONE`): no I/me/my beyond the
  disclaimer itself ("not for me"), no she/he, no "my/this/our/the patient", no relative,
  no note's "pt", no "a patient who has ...", no encounter in time ("today", "booked in");
- no one's measure is stated: no age, no pregnancy weeks, no lab value that is not a
  threshold ("platelets under 50" is a policy's number, "platelets 45" a person's).

Anything else keeps the cautious reading: "For our FAQ - and my patient on warfarin today,
can I needle her?" keeps its box.

Why: clinic policy on reading questions (safety first: a fact is set aside only when the
question's own words say it is written for a document or an audience and describes no one);
nothing here is evidence.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import Any

_DOCUMENT = (
    r"(?:faqs?|f\.a\.q\.?|posters?|leaflets?|handouts?|flyers?|brochures?|info(?:rmation)?\s+"
    r"sheets?|patient\s+information|newsletters?|website|web\s+page|blog\s+post|quiz(?:zes)?|"
    # an exam to sit, not an examination of a person ("my breast exam")
    r"(?:exam|test)\s+(?:questions?|papers?|prep)|exams|osces?|vivas?|essays?|assignments?|dissertation|lectures?|presentations?|slides?|"
    r"teaching\s+(?:session|slides?|materials?|notes)|training\s+(?:session|day|materials?|"
    r"module)|cpd\s+(?:session|module|event|quiz)|service\s+spec(?:ification)?s?|spec(?:ification)?|"
    r"audits?|polic(?:y|ies)|protocols?|guidance|guidelines?|pathways?|sops?|"
    r"standard\s+operating\s+procedures?|checklists?|consent\s+forms?|intake\s+forms?|"
    r"screening\s+forms?|curriculum|syllabus|textbook|article|journal\s+club)"
)
"""A document a question may be written for."""
MARKER = re.compile(
    # "For our anticoagulation clinic's FAQ:", "for a CPD quiz", "for the waiting-room poster"
    r"\bfor\s+(?:an?|our|the|my|their|his|her)\s+(?:[a-z'’-]+\s+){0,3}?" + _DOCUMENT + r"\b"
    # "We're drafting a poster", "writing a paediatric service spec", "putting together an FAQ"
    r"|\b(?:draft|drafting|drafted|writ(?:e|ing)|wrote|prepar(?:e|ing)|mak(?:e|ing)|design(?:ing)?|"
    r"creat(?:e|ing)|updat(?:e|ing)|revis(?:e|ing)|review(?:ing)?|put(?:ting)?\s+together|"
    r"compil(?:e|ing)|set(?:ting)?\s+(?:a\s+)?question\s+for)\s+(?:an?|our|the|some|my)\s+"
    r"(?:[a-z'’-]+\s+){0,3}?" + _DOCUMENT + r"\b"
    # an audience: "Students keep asking", "my students ask", "teaching trainees"
    r"|\b(?:(?:my|our|the)\s+)?(?:students|trainees|residents|registrars|apprentices|"
    r"learners|interns)\s+(?:keep|often|always|sometimes|regularly|frequently)?\s*(?:ask|asking|"
    r"asked|want\s+to\s+know|wonder)\b"
    r"|\b(?:teaching|training|explaining\s+(?:this\s+)?to)\s+(?:my\s+|our\s+|the\s+)?"
    r"(?:students|trainees|residents|registrars|apprentices|learners|interns)\b"
    r"|\bcpd\b"
    # said to be for no one: "random question, not for me", "not about a patient"
    r"|\bnot\s+(?:for|about)\s+(?:me|myself|a\s+(?:particular\s+|specific\s+|real\s+)?"
    r"(?:patient|person|client|case))\b"
)
"""Words naming the document or audience a question is written for (wave 14)."""
NOT_FOR_ME = re.compile(
    r"\b(?:not|isn['’]?t|is\s+not|nothing\s+to\s+do\s+with)\s+(?:(?:really|just|asking)\s+)?"
    r"(?:for|about|with)\s+(?:me|myself)\b"
)
"""The asker's disclaimer that the question is not theirs ("not for me, for my mum"): no
first-person health cue (the relative's facts then stay the patient's). The one table of these
words: :mod:`.context` (whose facts they are) and :mod:`.people` (whom the answer addresses) use
it too."""

_DISCLAIMER = re.compile(
    NOT_FOR_ME.pattern
    + r"|\b(?:i\s*(?:am|['’]?m)|im|i['’]?ve\s+been|i\s+(?:was|have\s+to|need\s+to|must))\s+"
    r"(?:(?:asked\s+to\s+)?(?:writ|draft|prepar|mak|updat|revis|review|design|creat|compil|"
    r"teach|run|put)\w*(?:\s+together)?)\s+(?=(?:an?|our|the|some|my)\s)"
    r"|\bi\s+(?:teach|train|lecture)\b"
)
"""The asker's own words that only say the question is not about them ("not for me") or what
they are doing ("I'm drafting a leaflet", "I teach")."""
_SOMEONE = re.compile(
    r"\b(?:i|i['’]m|im|i['’]ve|ive|i['’]d|i['’]ll|me|mine|myself|"
    r"my(?!\s+(?:students|trainees|residents|registrars|apprentices|learners|interns|"
    r"colleagues|team|clinic|service|practice|department|own\s+(?:clinic|practice|service))\b"
    # "for my essay", "my CPD quiz": the asker's document, not their health
    r"|\s+(?:[a-z'’-]+\s+){0,2}?" + _DOCUMENT + r"\b)|"
    r"she|she['’]s|shes|her|hers|herself|he|he['’]s|hes|him|his|himself|"
    r"(?:my|this|our|the|that)\s+(?:patient|client|pt)(?!s)|"
    # "For our audit - a lady with fever and back pain" (one person described)
    r"(?:my|this|our|the|that|a|an|one)\s+(?:[a-z-]+\s+)?(?:lady|gentleman|gent|woman|man|girl|"
    r"boy|guy|chap|bloke|adult|teenager|teen|child|kid|baby|infant|person|individual)(?!s)|"
    r"(?:a|one)\s+(?:patient|client)\s+(?:of\s+(?:mine|ours)|who\s+(?:has|had|is|was|takes)|"
    r"has|had|is|was|came|asked|told|said|wants|wanted|takes|took|with|on)|"
    r"(?:patient|client)\s+(?:on|with|who|has|had|is|was|takes|taking)|"
    r"pt|c\s*/\s*o|o\s*/\s*e|\d+\s*[mf]|[mf]\s*\d+|"
    r"(?:mum|mom|mother|dad|father|wife|husband|son|daughter|partner|sister|brother|friend|"
    r"gran\w*|aunt|uncle|neighbou?r)|"
    r"today|tonight|tomorrow|this\s+(?:morning|afternoon|evening|week)|yesterday|"
    r"booked(?:\s+in)?|coming\s+in|next\s+(?:appointment|session)|"
    r"\d+\s*(?:yo|y/o|yrs?|years?[- ]old|year|-year)|aged\s+\d+|"
    r"we\s+are\s+(?:pregnant|expecting)|we['’]re\s+(?:pregnant|expecting))\b"
)
"""A particular person or encounter: the asker's own health, a third person, a relative, a
patient described, a note's marker, a day, an age."""
_THRESHOLD = re.compile(
    r"\b(?:under|below|over|above|less than|more than|greater than|lower than|higher than|"
    r"at least|cut ?offs?|thresholds?)\b|[<>≤≥]"
)
"""A lab value named as a threshold ("platelets under 50")."""
_KEPT = frozenset({"sex"})
"""Kinds left as they are (a group's sex is no one's, and is not screened)."""


def for_an_audience(mentions: Sequence[Any], folded: str) -> list[Any]:
    """``mentions`` with the facts of a question written for a document or an audience set as
    topics (see the module docstring); unchanged when a person is described."""
    out = list(mentions)
    if MARKER.search(folded) is None:
        return out
    if _SOMEONE.search(_DISCLAIMER.sub(" ", folded)):
        return out
    for m in out:
        if m.negated or m.status != "current":
            continue
        if m.kind in ("age", "weeks"):
            return list(mentions)  # one person's measure
        if m.kind == "lab" and not _THRESHOLD.search(folded[max(0, m.start - 20) : m.end]):
            return list(mentions)  # a measured value is a person's
    return [
        dataclasses.replace(m, status="topic", detail={**m.detail, "topic": True})
        if m.status == "current" and not m.negated and m.kind not in _KEPT
        else m
        for m in out
    ]
