"""Pregnancy stated without the word "pregnant", and the time after a birth.

The patient context already reads "10 weeks pregnant", "28/40", "second trimester" and the
like (:mod:`.quantities`, ``data/answer/patient.yaml``). This module reads what people write
instead (regular expressions over the folded question):

- weeks after a person and a verb: "she is 28 weeks", "I'm 20 weeks", "31 y/o at 28 weeks"
  (the number must not be followed by "post", "after", "ago", "old", "of", "since"...: "he is
  30 weeks post-op", "28 weeks of knee pain", "at 12 weeks the trial measured" are not
  pregnancies);
- months: "8 months along", "8 months pregnant", "7 months gone", converted to weeks as
  ``round(months x 4.348)`` (4.348 = 365.25 / 12 / 7, the mean weeks in a month). A month count
  is loose: "3 months" may mean the third month (9-13 weeks) or three months done (13-17), so
  when ``(months - 1) x 4.348`` to ``(months + 1) x 4.348`` straddles the end of the first
  trimester (13 weeks, :data:`acupath.care.rules.FIRST_TRIMESTER_WEEKS`), no weeks are given
  and the screen applies every trimester's precautions (the cautious reading);
- "expecting" after a person and a verb ("she's expecting", "I'm expecting our second"), not
  "expecting to"/"expecting it"; "due" after a person or the baby ("I'm due in March", "baby
  is due in June"), not "due to" or "the review is due"; "my bump", "her bump" (not "a bump on
  her head").

After a birth ("6 weeks postpartum", "had the baby in May", "gave birth 3 weeks ago",
"postnatal") is *not* a pregnancy: it is read as ``postpartum``, shown in the patient context,
and any pregnancy word inside its phrase ("after her pregnancy") is dropped. acupath's screen
has no postpartum rule, so no pregnancy precaution applies to it; the answer says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from acupath.answer.quantities import NUMBER_WORDS

WEEKS_PER_MONTH = 365.25 / 12 / 7
"""4.348: the mean number of weeks in a calendar month."""

_N = (
    r"\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|twenty \w+|thirty \w+)"
)
_SUBJECT = (
    r"\b(?:i(?:['’]?m\b|\s+am\b)|(?:we|they)(?:['’]?re\b|\s+are\b)|(?:she|wife|partner|"
    r"daughter|sister|girlfriend|fiancee|patient|woman|lady|mum|mom|mother|niece|client)"
    r"(?:['’]?s\b|\s+is\b))\s+"
    r"(?:now\s+|currently\s+|about\s+|nearly\s+|almost\s+|just\s+|over\s+|only\s+)?"
)
_NOT_AFTER = (
    r"(?!\s*(?:post|after|ago|old|of|since|out|into(?!\s+(?:her|my|the|this)\s+pregnancy)|"
    r"postpartum|postnatal|from|later|follow|treatment|course|sessions?|rehab))"
)
_WEEKS_AFTER_SUBJECT = re.compile(_SUBJECT + _N + r"\s*(?:weeks?|wks?|w)\b" + _NOT_AFTER)
_AT_WEEKS = re.compile(
    r"\b(?:y\s*/\s*o|yo|yrs?|years? old|year old|i['’]?m|im|i am|she['’]?s|shes|she is|now|"
    r"currently|woman|lady|female|f|g\d\s*p\d|patient|mum|wife)\s*,?\s+at\s+"
    + _N
    + r"\s*(?:weeks?|wks?)\b"
    + _NOT_AFTER
)
_WEEKS_GONE = re.compile(
    # "6 weeks gone", "31 weeks along": idioms that only describe a pregnancy
    _N + r"\s*(?:weeks?|wks?)\s+(?:gone|along|into (?:her|my|the) pregnancy|of (?:her|my|the) "
    r"pregnancy|gestation)\b"
)
_BARE_WEEKS = re.compile(r"(?<![\w.])" + _N + r"\s*(?:weeks?|wks?)\b" + _NOT_AFTER)
_DURATION_BEFORE = re.compile(
    r"\b(?:for|past|last|over|in|within|every|after|since|next|the|a|of|than|pain|ache|aches|"
    r"aching|hurt|hurts|hurting|sore|symptoms|had it|had this)\s*$"
)
_PREGNANCY_CUE = re.compile(
    r"\b(?:baby|babies|little one|bump|fetus|foetus|midwife|midwives|antenatal|prenatal|"
    r"obstetrician|pregnancy test|positive test|gestation|"
    # wave 5 (held-out part 5, after its first run): scans of a pregnancy, obstetric notation
    # ("G3P2", "gravida 2"), "with my second", "expecting (9wks)"
    r"(?:dating|booking|anomaly|growth|nuchal|viability|early pregnancy) scan|"
    r"g\s?\d{1,2}\s?p\s?\d{1,2}|gravida|primigravida|multigravida|primip|multip|"
    r"with (?:my|our|her|their) (?:first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)"
    r"(?=\s*(?:$|[.,;:!?)]|and\b|baby|child|pregnancy|one\b|bump|little))|"
    r"expecting\s*\(?\s*\d{1,2}\s*(?:weeks?|wks?))\b"
)
"""Words that make a bare "28 weeks" a pregnancy when the question says nothing else of it."""
_MONTHS = re.compile(
    _N + r"\s*(?:months?|mo|mos)\s+(?:along|pregnant|gone|into (?:her|my|the) pregnancy|"
    r"of (?:her|my|the) pregnancy)\b"
)
_EXPECTING = re.compile(
    _SUBJECT + r"expecting(?=\s*(?:$|[.,;!?]|and\b|twins|triplets|a baby|a child|a boy|a girl|"
    # "her first", "our second baby"; not "expecting her test results" (probe 2 G4)
    r"baby|(?:our|my|her|their|his)\s+(?:first|second|third|fourth|fifth|baby|babies|child|"
    r"little|twins|\w+\s+(?:baby|child))|again|in\b|number|no\.|#|first|second|third|\d))"
)
_DUE = re.compile(
    r"(?:" + _SUBJECT + r"|\bbaby\s*(?:['’]?s|is)\s+)due\s+(?:in|on|at|next|any|around|mid|"
    r"early|late|this|soon)\b|\b(?:due date|baby is due|baby['’]s due)\b"
)
_BUMP = re.compile(
    r"\b(?:my|her|the|baby|their|growing|pregnancy)\s+bump\b"
    r"(?!\s+(?:on|in|under|over|near|at|to)\b)"
)
_POSTPARTUM = re.compile(
    r"\b(?:post\s*partum|postnatal|post\s*natal|post\s*pregnancy|after (?:the |her |my |a )?"
    r"(?:birth|delivery|baby|c\s*section|caesarean|cesarean)|after (?:her|my) pregnancy|"
    r"after giving birth|had (?:the|her|my|a|our|their) (?:baby|son|daughter)|gave birth|"
    r"given birth|delivered (?:a|her|my|the|our) (?:baby|son|daughter)|since (?:the |her |my )?"
    r"(?:birth|baby was born|delivery))\b"
)


@dataclass(frozen=True)
class PregnancyFact:
    kind: str  # weeks, pregnant, postpartum
    value: str
    start: int
    end: int
    detail: dict[str, Any] = field(default_factory=dict)


def _number(raw: str) -> int | None:
    raw = raw.strip()
    if raw.isdigit():
        return int(raw)
    parts = raw.split()
    if parts and parts[0] in NUMBER_WORDS:
        tens = NUMBER_WORDS[parts[0]]
        return tens + (NUMBER_WORDS.get(parts[1], 0) if len(parts) > 1 and tens >= 20 else 0)
    return None


def months_to_weeks(months: int) -> int | None:
    """Weeks for a month count, or None when the count cannot tell the trimester."""
    from acupath.care.rules import FIRST_TRIMESTER_WEEKS

    lo, hi = (months - 1) * WEEKS_PER_MONTH, (months + 1) * WEEKS_PER_MONTH
    if lo < FIRST_TRIMESTER_WEEKS <= hi:
        return None
    return round(months * WEEKS_PER_MONTH)


def find_pregnancy(folded: str) -> list[PregnancyFact]:
    """Pregnancy facts stated without "pregnant" (module docstring), and postpartum."""
    out: list[PregnancyFact] = []
    for pattern in (_WEEKS_AFTER_SUBJECT, _AT_WEEKS):
        for m in pattern.finditer(folded):
            weeks = _number(m.group(1))
            if weeks is not None and 4 <= weeks <= 42:
                out.append(PregnancyFact("weeks", str(weeks), m.start(), m.end()))
    for m in _WEEKS_GONE.finditer(folded):
        weeks = _number(m.group(1))
        if any(f.start <= m.start() < f.end for f in out):
            continue
        if weeks is not None and 4 <= weeks <= 42:
            out.append(PregnancyFact("weeks", str(weeks), m.start(), m.end()))
    if _PREGNANCY_CUE.search(folded) and not _POSTPARTUM.search(folded):
        # "28wks with no.2 ... could the needles harm the little one?": a bare count of weeks
        # that is not a duration ("for 6 weeks", "in 2 weeks") beside a word of pregnancy
        for m in _BARE_WEEKS.finditer(folded):
            weeks = _number(m.group(1))
            if weeks is None or not 4 <= weeks <= 42:
                continue
            if _DURATION_BEFORE.search(folded[max(0, m.start() - 20) : m.start()]):
                continue
            if any(f.start <= m.start() < f.end for f in out):
                continue
            out.append(PregnancyFact("weeks", str(weeks), m.start(), m.end()))
    for m in _MONTHS.finditer(folded):
        months = _number(m.group(1))
        if months is None or not 1 <= months <= 10:
            continue
        weeks = months_to_weeks(months)
        detail: dict[str, Any] = {"months": months, "weeks_per_month": round(WEEKS_PER_MONTH, 3)}
        if weeks is None:
            detail["weeks_unknown"] = "the month count cannot tell the trimester"
            out.append(PregnancyFact("pregnant", "yes", m.start(), m.end(), detail))
        else:
            out.append(PregnancyFact("weeks", str(weeks), m.start(), m.end(), detail))
    for pattern in (_EXPECTING, _DUE, _BUMP):
        for m in pattern.finditer(folded):
            out.append(PregnancyFact("pregnant", "yes", m.start(), m.end()))
    for m in _POSTPARTUM.finditer(folded):
        start = m.start()
        # "6 weeks postpartum", "3 weeks after delivery": the count belongs to the phrase
        before = re.search(r"\b\d{1,2}\s*(?:weeks?|wks?|days?|months?)\s+$", folded[:start])
        if before:
            start = before.start()
        out.append(PregnancyFact("postpartum", "yes", start, m.end()))
    return out
