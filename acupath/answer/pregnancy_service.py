"""A pregnancy word that names a service or an asker's work, not a pregnant patient (wave 7).

"I'm writing the handout for our antenatal class", "I teach an antenatal class", "we run a
prenatal yoga group", "leaflet for the maternity unit": the word "antenatal" (or "prenatal",
"pregnancy", "maternity") qualifies a class, clinic, leaflet or service that the asker runs,
writes for or works in. Such a word is the topic of the question, shown and not screened
(clinic policy: the screen is for a patient the question describes; an asker writing about
pregnancy for others is not pregnant, and acupuncture advice for a group carries the general
pregnancy cautions in its evidence text).

It stays the patient's when the service is owned by a person ("my antenatal appointment", "at
her antenatal clinic", "my wife's antenatal class"), when the asker attends it ("I go to an
antenatal class", "we're at antenatal classes"), or whenever another word of the question says
the patient is pregnant (those mentions are not touched here)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import Any

from acupath.answer.text import sentence_around

_WORDS = r"(?:ante\s*natal|pre\s*natal|pregnancy|maternity|birth(?:ing)?|hypnobirthing)"
_SERVICE = re.compile(
    r"(?:\s+(?:yoga|fitness|exercise|pilates|education|wellbeing|massage))?\s+(?:class|classes|"
    r"group|groups|clinic|clinics|service|services|ward|unit|team|course|courses|session|sessions|"
    r"leaflet|leaflets|handout|handouts|booklet|guide|talk|talks|workshop|department|"
    r"programme|program|newsletter|website|page)\b"
)
_DOCUMENT = re.compile(
    r"\b(?:leaflets?|handouts?|booklet|guide|newsletter|website|page|programme|program)\b"
)
_OWNED = re.compile(
    r"\b(?:my|her|his|your|their|wife['’]?s|partner['’]?s|daughter['’]?s|sister['’]?s)\s+"
    r"(?:\w+\s+)?$"
)
_ASKERS_WORK = re.compile(
    # the asker makes, runs or works in the service
    r"\b(?:writ(?:e|ing)|wrote|draft(?:ing)?|prepar(?:e|ing)|design(?:ing)?|put(?:ting)? together|"
    r"run|runs|running|teach|teaches|teaching|lead|leads|leading|host(?:s|ing)?|deliver(?:s|ing)?|"
    r"organi[sz](?:e|es|ing)|present(?:ing)?|work (?:in|at|for|on)|working (?:in|at|for|on)|"
    r"staff|colleagues)\b"
)
_ATTENDS = re.compile(
    r"\b(?:i|we)\s+(?:go|went|attend|attended|am going|['’]m going|are going|['’]re going)\b"
    r"|\b(?:i['’]m|im|i am|we['’]re|we are)\s+(?:at|in|doing|booked)\b"
)


def service_topics(mentions: Sequence[Any], folded: str, topic: str) -> list[Any]:
    """``mentions`` with each pregnancy word that names a service of the asker's work set to
    status ``topic`` (see the module docstring)."""
    out = []
    for m in mentions:
        if m.kind == "pregnant" and not m.negated and re.fullmatch(_WORDS, folded[m.start : m.end]):
            sentence_start, _ = sentence_around(folded, m.start, m.end)
            before = folded[sentence_start : m.start]
            service = _SERVICE.match(folded, m.end)
            document = service is not None and bool(_DOCUMENT.search(service.group(0)))
            if (
                service
                and not _OWNED.search(before[-30:])
                # "for our antenatal leaflet": a document is the asker's work by itself
                and (document or _ASKERS_WORK.search(before))
                and not _ATTENDS.search(before)
            ):
                m = dataclasses.replace(m, status=topic, detail={**m.detail, "topic": True})
        out.append(m)
    return out
