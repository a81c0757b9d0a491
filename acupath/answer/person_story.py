"""A particular person told in words the person reader (people.py) does not take (wave 12).

The safety box opens every answer about a particular person, a plain proceed included, and
says what the screen could not read. Some questions describe one person in words that carry
no fact the screen reads, so no box opened (p10074, p10078, p10079, h10008):

- the asker as the object of someone's care ("they gave me a drip", "sent me home",
  "put me on antibiotics") or in their own present state ("I'm fine now", "all healed now");
- the asker's own routine told with a number ("I do about 12,000 steps a day", "I walk 5 km");
- a note's subjectless sentence of a visit or an injury ("Ended up in A&E on Tuesday",
  "Went to the emergency department in March with a broken finger");
- a pain score given as the present state of someone's pain ("pain is 6 out of 10", "7/10
  most mornings");
- the asker's own appointment or session ("my acupuncture on Monday", "my session");
- a side of the body beside a named complaint ("plate in the left forearm", "pain on the
  right"): only a person has a left forearm;
- the asker's own recent past beside a named complaint ("I've lost 3 stone ... knees still
  achy", wave 14).

Clinic policy (reading questions, no clinical rule): a question that tells of one person is
about that person, and the box then says what the screen found for them, even when that is
nothing. A question marked general (people._GENERAL) stays general.
"""

from __future__ import annotations

import re

_CARE_OF_ME = re.compile(
    r"\b(?:gave|given|sent|put|kept|admitted|discharged|prescribed|started|referred|"
    r"diagnosed|scanned|x-?rayed|operated\s+on|stitched\s+up|stitched|patched\s+up|"
    r"rushed|ambulanced|checked\s+over|signed\s+off)\s+me\b"
)
_MY_STATE = re.compile(
    r"\bi\s*(?:am|'m|m)\s+(?:(?:all|totally|completely|absolutely)\s+)?(?:fine|ok|okay|well|"
    r"better|recovered|back to normal|all good|healthy|fit and well)\b"
    r"|\b(?:all|fully|completely|totally)\s+(?:healed|better|recovered|cleared\s+up|mended)"
    r"(?:\s+now)?\b"
    r"|\b(?:healed|recovered|cleared\s+up|mended)\s+now\b"
)
_MY_ROUTINE = re.compile(
    r"\bi\s+(?:do|walk|run|cycle|swim|jog|row)\s+(?:about\s+|around\s+|roughly\s+|over\s+|"
    r"at least\s+)?(?:\d[\d,.]*|a few|several)\s*(?:k\b|km|miles?|steps|laps|lengths|hours?|"
    r"minutes?|mins?|times?|sessions?|,)"
)
_STORY_VERB = re.compile(
    r"(?:^|[.!?;]\s*)(?:(?:ended|wound)\s+up\s+(?:in|at)|went\s+(?:in|to)|was\s+(?:admitted|"
    r"taken|seen|kept|rushed)|got\s+(?:admitted|taken|rushed)|spent\s+(?:a|the|two|three|"
    r"\d+)\s+(?:night|nights|day|days|hours?)\s+in)\s+(?:to\s+)?(?:the\s+|a\s+|an\s+)?"
    r"(?:a\s*&\s*e|a\s+and\s+e|er|ed|emergency|hospital|urgent care|walk-in|minor injuries|"
    r"gp|doctor|doctors|surgery|clinic|casualty|resus|ward|icu)"
)
_PAIN_SCORE = re.compile(
    r"(?:^|[.!?;,]\s*|\b(?:my|her|his|the|and|but)\s+)(?:(?:[a-z]+\s+)?pain|it|ache|"
    r"(?:[a-z]+\s+)?ache)\s+(?:is|was|'s|has been|sits at|is at|runs at|gets to)\s+"
    r"(?:about\s+|around\s+|usually\s+|often\s+)?(?:a\s+)?\d{1,2}\s*(?:/|out of)\s*10\b"
    r"|(?:^|[.!?;]\s*)(?:pain\s+)?\d{1,2}\s*/\s*10\s+(?:most|every|at|on|in|today|now|"
    r"when|after|during|first)\b"
)
_MY_PAST = re.compile(
    r"\bi(?:'ve|\s+have|'d|\s+had)?\s+(?:just\s+|recently\s+|finally\s+|already\s+)?"
    r"(?:lost|gained|put\s+on|dropped|injured|hurt|twisted|sprained|strained|pulled|broke|"
    r"fallen|fell|slipped|retired|stopped\s+(?:taking|running|working)|given\s+up|"
    r"been\s+(?:suffering|struggling|limping|hobbling|dieting|slimming|training|running|"
    r"off\s+work))\b"
)
"""The asker's own recent past told in the first person ("I've lost 3 stone", "I twisted it
playing football", "I've been limping for a week", wave 14, probe 11 p11114): beside a named
complaint, the complaint is the asker's even when its sentence has no subject ("Knees feel
better but still achy"). Reading, hearing and being told are not a story of the asker."""
_MY_SESSION = re.compile(
    r"\bmy\s+(?:acupuncture|acupuncture\s+(?:session|appointment|treatment)|session|"
    r"sessions|appointment|appt|booking|next\s+(?:session|appointment|treatment))\b"
)
_SIDE = re.compile(
    r"\b(?:left|right|l|r)\s+(?:forearm|arm|upper arm|wrist|hand|thumb|finger|shoulder|elbow|"
    r"hip|knee|ankle|foot|heel|leg|thigh|shin|calf|side|breast|chest|jaw|ear|eye|buttock|"
    r"groin|ribs?|collarbone|clavicle|femur|tibia|humerus|radius|ulna)\b"
    r"|\bon\s+(?:the|my|her|his)\s+(?:left|right)\b"
)


def tells_of_a_person(question: str, conditions: bool = False) -> bool:
    """Whether ``question`` tells of one particular person in words the person reader does not
    take (the module docstring); ``conditions``: the question names a condition, which a
    subjectless story sentence and a side of the body need beside them."""
    from acupath.answer.people import _GENERAL

    text = " ".join(question.lower().replace("’", "'").split())
    if _GENERAL.search(text):
        return False
    if _CARE_OF_ME.search(text) or _MY_STATE.search(text) or _MY_ROUTINE.search(text):
        return True
    if _PAIN_SCORE.search(text) or _MY_SESSION.search(text):
        return True
    return conditions and bool(
        _STORY_VERB.search(text) or _SIDE.search(text) or _MY_PAST.search(text)
    )
