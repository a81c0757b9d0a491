"""Words that look like a covered condition but are not it (issue 10, probe 2 G7).

Each reader returns character spans the understanding must not read as a condition, and, where
the base holds no record on what the words do name, the words to report as an unknown topic
("acupath holds no records on ..."):

- an operation dated long ago ("cataract op 2019", "hip replacement 10 years ago") is history,
  not postoperative pain, which the base's record defines as acute pain after surgery; the
  complaint named beside it (knee pain, back pain) stays the condition;
- the mid or upper back ("between my shoulder blades", "thoracic pain") is not low back pain,
  and no record in the base covers it (the low back, neck and shoulder records define other
  regions);
- "pelvic pain" said of a woman or in pregnancy is not chronic prostatitis / chronic pelvic pain
  syndrome, a condition of men; the base holds no record of pelvic girdle pain in pregnancy;
- cluster headache is a trigeminal autonomic cephalalgia, not the migraine and tension-type
  headache the chronic-headache record groups;
- gout and arthritis of other kinds (psoriatic, reactive, septic, juvenile idiopathic) are not
  the osteoarthritis or rheumatoid arthritis the base holds, whichever joint they are in;
- phantom limb, stump or residual-limb pain, and an amputation with its level ("above-knee
  amputation"), which names where the limb was cut, not a knee complaint (wave 23b).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable

_OP = (
    r"(?:op|ops|operation|operations|surgery|surgeries|replacement|replacements|arthroplasty|"
    r"tka|tha|tkr|thr)"
)
_LEAD = r"(?:(?:[a-z'-]+\s+){0,2})"
_OPERATION = re.compile(rf"\b{_LEAD}{_OP}\b", re.IGNORECASE)
_CLAUSE = re.compile(r"[^.;,?!()]+")
_OLD = re.compile(
    r"\b(?:(?:19|20)\d{2}|(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|many|"
    r"several|some|few)\s+(?:years?|yrs?|decades?)\s+(?:ago|back|since|before)|years\s+ago|"
    r"last\s+year|a\s+decade|(?:[3-9]|1[0-9]|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|eighteen)\s+months?\s+ago|as\s+a\s+(?:child|kid|teenager)|in\s+the\s+\d0s)\b",
    re.IGNORECASE,
)
_RECENT = re.compile(
    r"\b(?:days?|weeks?|wks?|yesterday|today|tonight|this\s+morning|recent(?:ly)?|just|"
    r"post[\s-]?op\w*|postoperative|post[\s-]?surgical|pod\s*\d|after\s+(?:my|the|her|his|a|an)|"
    r"since\s+(?:my|the|her|his))\b",
    re.IGNORECASE,
)
_PAIN_LEAD = re.compile(r"\b(?:pain|pains|ache|aches|hurts?|sore|and|now|but)\b", re.IGNORECASE)

_UPPER_BACK = re.compile(
    r"\b(?:(?:mid|middle|upper|thoracic)[\s-]+back|thoracic\s+(?:spine|pain)|"
    r"interscapular(?:\s+pain)?|between\s+(?:my|the|his|her|your|their)?\s*shoulder[\s-]?blades)"
    r"(?:\s+(?:pain|ache|aches|aching|hurts?|hurting|is\s+sore))?",
    re.IGNORECASE,
)
_CLUSTER = re.compile(r"\bcluster\s+headaches?\b", re.IGNORECASE)
_PELVIC = re.compile(
    r"\b(?:(?:chronic|persistent|bad)\s+)?pelvic(?:\s+girdle)?\s+(?:pain|ache|aches)\b|"
    r"\bpelvic\s+girdle\b|\bpgp\b|\bspd\b|\bsymphysis\s+pubis\s+dysfunction\b",
    re.IGNORECASE,
)
_JOINT = r"(?:(?:big\s+)?toes?|knees?|hips?|ankles?|wrists?|hands?|foot|feet|fingers?|joints?)"
_OTHER_ARTHRITIS = re.compile(
    rf"(?:\b{_JOINT}\s+)?"
    r"(?:\b(?:gout(?:y)?|pseudo-?gout|cppd|psoriatic|reactive|septic|infective|infectious|"
    r"enteropathic|lupus|crystal|juvenile(?:\s+idiopathic)?|tubercular)\s+"
    r"(?:arthritis|arthropathy|arthritic|joints?|knee|knees|hip|toe)\b|"
    r"\bgout\b|\bgouty\b|\bpodagra\b)"
    rf"(?:\s+(?:of|in|on)\s+(?:(?:my|the|his|her|both|a|one)\s+)?{_JOINT}\b)?",
    re.IGNORECASE,
)
"""Arthritis of another kind than the osteoarthritis and rheumatoid arthritis the base holds
(crystal, psoriatic, reactive, septic, juvenile idiopathic arthritis; gout in any joint): not
a neighbouring osteoarthritis record."""
_PHANTOM = re.compile(
    r"\b(?:phantom(?:[\s-]+(?:limb|arm|leg|hand|foot))?[\s-]+(?:pain|pains|sensations?)|"
    r"phantom[\s-]+limbs?|(?:stump|residual[\s-]+limb)[\s-]+pain|"
    r"post[\s-]?amputation[\s-]+pain)\b",
    re.IGNORECASE,
)
"""Pain after an amputation (phantom limb, stump or residual-limb pain): no record in the base
covers it (wave 23b, held-out part 23 h23163)."""
_AMPUTATION = re.compile(
    r"\b(?:(?:(?:above|below|through)[\s-]+(?:the[\s-]+)?(?:knee|elbow)|"
    r"trans-?(?:femoral|tibial|radial|humeral)|(?:leg|arm|hand|foot|toe|finger|limb)"
    r"|lower[\s-]+limb|upper[\s-]+limb)[\s-]+)?amputations?\b",
    re.IGNORECASE,
)
"""An amputation and its level ("above-knee amputation"): the knee named is where the limb was
cut, not a knee complaint."""
_MALE_WORDS = re.compile(r"\b(?:prostat\w*|cp/cpps|cpps|men|man|male)\b", re.IGNORECASE)

Span = tuple[int, int]


def old_operation_spans(text: str) -> list[Span]:
    """The words of an operation dated long ago in the same clause ("had a cataract op 2019",
    "hip replacement 10 years ago"): a history, not postoperative pain. A clause with a recent
    date ("3 days after", "last week", "post-op day 2") has no old date and keeps them."""
    spans: list[Span] = []
    for clause in _CLAUSE.finditer(text):
        words = clause.group()
        # a year counts as long ago only before this one ("op 2019"; an operation "on 1 Dec"
        # of this year may be days ago)
        old = [o for o in _OLD.finditer(words) if not _this_year_or_later(o.group())]
        if not old:
            continue
        for m in _OPERATION.finditer(words):
            start = m.start()
            lead = list(_PAIN_LEAD.finditer(words, m.start(), m.end()))
            if lead:  # "back pain after a ...": the lead words end at the last pain word
                start = lead[-1].end()
            spans.append((clause.start() + start, clause.start() + m.end()))
        spans += [(clause.start() + o.start(), clause.start() + o.end()) for o in old]
    if spans:
        # the same history named again without a date ("hip replacement from 10 years ago ...
        # acupuncture safe with a hip replacement?") is still that history, unless its clause
        # says the operation is recent
        for clause in _CLAUSE.finditer(text):
            if _RECENT.search(clause.group()):
                continue
            for m in _OPERATION.finditer(clause.group()):
                start, end = clause.start() + m.start(), clause.start() + m.end()
                lead = list(_PAIN_LEAD.finditer(text, start, end))
                if lead:
                    start = lead[-1].end()
                if not any(a <= start < b for a, b in spans):
                    spans.append((start, end))
    return spans


def _this_year_or_later(words: str) -> bool:
    return words.isdigit() and int(words) >= datetime.date.today().year


def uncovered(text: str, female: bool) -> list[tuple[Span, str]]:
    """Spans naming a complaint no record covers, with the words to report as unknown.

    ``female`` is true when the question says the person is a woman or pregnant (the patient
    context's sex or pregnancy): then "pelvic pain" is not the male condition CP/CPPS."""
    found: list[tuple[Span, str]] = []
    for m in _UPPER_BACK.finditer(text):
        found.append(((m.start(), m.end()), "upper or mid back pain"))
    for m in _CLUSTER.finditer(text):
        found.append(((m.start(), m.end()), "cluster headache"))
    for m in _OTHER_ARTHRITIS.finditer(text):
        found.append(((m.start(), m.end()), m.group(0).lower()))
    for m in _PHANTOM.finditer(text):
        found.append(((m.start(), m.end()), m.group(0).lower()))
    for m in _AMPUTATION.finditer(text):
        found.append(((m.start(), m.end()), m.group(0).lower()))
    if female and not _MALE_WORDS.search(text):
        for m in _PELVIC.finditer(text):
            found.append(((m.start(), m.end()), "pelvic pain in women or in pregnancy"))
    return found


def topics(found: Iterable[tuple[Span, str]]) -> tuple[str, ...]:
    """The unknown-topic words, once each, in question order."""
    return tuple(dict.fromkeys(label for _, label in found))
