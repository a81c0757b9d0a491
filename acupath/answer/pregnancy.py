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

Wave 6 (:func:`find_pregnancy_notation`) reads the notations and idioms the held-out parts kept
missing, and decides these cases (each a reading rule; the screen's rules are unchanged):

- obstetric notation: "28+3" (weeks + days, after a person or gestation word, or with a unit),
  "GA 30w" (a unit must follow "GA", which is also a general anaesthetic), "36 wk primip";
  "G3P2" is a pregnancy only when gravida exceeds para and no birth or loss is stated;
- a due date or month ("due in March", "EDD 20/03/2027", "my daughter-in-law is due in
  March") is a pregnancy NOW: weeks = 40 - (due date - today) / 7, today being the day of
  asking; a month spans its first to last day and a week's margin is kept either side, and
  when that span straddles the 13-week end of the first trimester no weeks are given (every
  trimester's precautions apply). Weeks the question states ("currently 31+2") win over weeks
  from a due date (:func:`acupath.answer.context._stated_weeks_first`);
- a possible pregnancy (trying to conceive, "TTC", the days after an embryo transfer or
  insemination, "might be pregnant", a late period) is read as pregnant with unknown weeks:
  clinic policy, because the screen's pregnancy rules exist to protect an early pregnancy the
  patient may not know of yet, and a woman trying to conceive may be in one. The question's
  own plain denial ("... but I'm not pregnant", a negative test) wins over it; "women trying to
  conceive" names a population, not a patient;
- IVF or ICSI that "worked", a positive test: pregnant; a negative test, "I'm not expecting":
  denied;
- an ended pregnancy (miscarriage, termination, stillbirth, "when I was pregnant with my son",
  "miscarried at 9 weeks") is ``past_pregnancy``: shown, not screened, and the pregnancy words
  and weeks inside it are no pregnancy now; beside a birth, an ended pregnancy or a denial,
  "pregnancy restrictions" is the question's topic;
- another person's pregnancy is left to :func:`acupath.answer.other_people.others`; a supposed one
  ("if I were pregnant") stands as a hypothetical, as every hypothetical does.
"""

from __future__ import annotations

import datetime
import functools
import re
from dataclasses import dataclass, field
from typing import Any

from acupath.answer.quantities import NUMBER_WORDS
from acupath.care.rules import FIRST_TRIMESTER_WEEKS

WEEKS_PER_MONTH = 365.25 / 12 / 7
"""4.348: the mean number of weeks in a calendar month."""

_N = (
    # a decimal count is read by its whole weeks ("38.5 weeks" is 38, never 5)
    r"(?<![\d.,])\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|"
    r"twenty \w+|thirty \w+)(?:[.,]\d(?!\d))?"
)
_SUBJECT = (
    r"\b(?:i(?:['’]?m\b|\s+am\b)|(?:we|they)(?:['’]?re\b|\s+are\b)|(?:she|wife|partner|"
    r"daughter|sister|girlfriend|fiancee|patient|woman|lady|mum|mom|mother|niece|client|"
    r"surrogate|gestational carrier|carrier|"  # wave 7: "our surrogate is 31 weeks"
    # wave 10 (h9004): "my daughter-in-law is 34 weeks", "stepdaughter", "granddaughter"
    r"(?:step\s?|grand)?daughter|sister(?:[\s-]in[\s-]law)?|cousin|"
    r"daughter[\s-]in[\s-]law|partner['’]s daughter)"
    r"(?:['’]?s\b|\s+is\b))\s+"
    r"(?:now\s+|currently\s+|about\s+|nearly\s+|almost\s+|just\s+|over\s+|only\s+)?"
)
_NOT_AFTER = (
    r"(?!\s*(?:post|after|ago|old|of|since|out|into(?!\s+(?:her|my|the|this)\s+pregnancy)|"
    r"postpartum|postnatal|from|later|follow|treatment|course|sessions?|rehab)"
    # wave 15 (h12130 "I'm 39 weeks... of training for a marathon"): a count that trails off
    # ("...", a dash) and then says what the weeks are of is no gestation; "of course" is not
    r"|\s*(?:\.{2,}|…|[-–—])\s*(?:of(?!\s+course)|into|in|post|after|since|training|rehab)\b)"
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
    r"pregnancy|gestation|by (?:dates|scan|lmp|u/?s|ultrasound|her lmp|edd))\b"  # wave 7: by dates
)
_BARE_WEEKS = re.compile(r"(?<![\w.])" + _N + r"\s*(?:weeks?|wks?)\b" + _NOT_AFTER)
_DURATION_BEFORE = re.compile(
    r"\b(?:for|past|last|over|in|within|every|after|since|next|the|a|of|than|pain|ache|aches|"
    r"till|until|til|by|before|wait|waiting|reach|reaches|reached|past|beyond|"
    r"aching|hurt|hurts|hurting|sore|symptoms|had it|had this)\s*$"
)
_SCAN_KIND = (
    r"(?:(?:dating|booking|anomaly|anatomy|morphology|growth|nuchal|nt|viability|detailed|"
    r"fetal|foetal|pregnancy|baby|gender|sexing|presentation|wellbeing|well being|"
    r"3d|4d)\s+)?"
)
"""The kind of a pregnancy's scan said between its week and "scan" ("the 20 week anomaly scan")."""
_PREGNANCY_CUE = re.compile(
    r"\b(?:baby|babies|little one|bump|fetus|foetus|midwife|midwives|antenatal|prenatal|"
    r"obstetrician|pregnancy test|positive test|gestation|trimester|"
    # wave 12 (held-out part 11, after its one run): labour brought on or a
    # birth awaited beside a count of weeks ("will bring on labour at 16 weeks")
    r"(?:bring|brings|bringing|brought|induce|induces|inducing|trigger|triggers|start|starts|"
    r"go into|going into|early|premature|preterm)(?:\s+on)?(?:\s+early)?\s+labou?r|"
    r"until (?:the )?(?:birth|baby)|"
    # wave 5 (held-out part 5, after its first run): scans of a pregnancy, obstetric notation
    # ("G3P2", "gravida 2"), "with my second", "expecting (9wks)"
    r"(?:dating|booking|anomaly|growth|nuchal|viability|early pregnancy) scan|"
    # wave 13 (h11026): "the 12 week scan", "our 20-week scan" are the scans of a pregnancy
    # wave 14 (p11025 "the 20 week anomaly scan"): with the scan's kind between, "wk" for "week"
    r"\d{1,2}\s*-?\s*(?:weeks?|wks?)\s+" + _SCAN_KIND + r"(?:scan|ultrasound)|"
    r"g\s?\d{1,2}\s?p\s?\d{1,2}|gravida|primigravida|multigravida|primip|multip|"
    r"with (?:my|our|her|their) (?:first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)"
    r"(?=\s*(?:$|[.,;:!?)]|and\b|baby|child|pregnancy|one\b|bump|little))|"
    r"expecting\s*\(?\s*\d{1,2}\s*(?:weeks?|wks?)|"
    # wave 15 (h12010 "on maternity leave from next week, 34 wks"): maternity leave or care
    # beside a count of weeks; clinic policy, as the midwife and antenatal words here
    r"maternity\s+(?:leave|unit|ward|clinic|appointment|appt|notes|care|services?)|mat\s+leave|"
    r"(?:my|her|our|the|baby['’]?s)\s+due\s+date)\b"
    # wave 6: twins, assisted conception and the pregnant-person emoji
    r"|\b(?:twins|triplets|ivf|icsi|embryo|midwife|surrogate|surrogacy)\b|🤰|🫄"
    # wave 23b (h23044, h23051): hyperemesis (gravidarum), "vomiting a lot ... in pregnancy"
    # (Macmillan Dictionary, "hyperemesis", quoting the RCOG), not the cannabinoid hyperemesis
    # syndrome; the antenatal booking visit and its bloods, the first antenatal appointment at
    # 8-12 weeks (chelwest.nhs.uk routine antenatal care; maternitymattersdorset.nhs.uk)
    r"|(?<!cannabinoid )(?<!cannabis )\bhyperemesis\b"
    r"|\b(?:antenatal\s+)?booking\s+(?:bloods?|blood tests?|visit|appointment|appt|bmi)\b"
)
"""Words that make a bare "28 weeks" a pregnancy when the question says nothing else of it."""
_WEEKS_SCAN = re.compile(
    r"\s+" + _SCAN_KIND + r"(?:scan|ultrasound)\b"
    # wave 14: a scan "on Friday" is a day's, a scan "on my knee" a body part's
    r"(?!\s+of\b|\s+on\s+(?:my|her|his|their|your|a|an|this|that|the\s+(?!\d)))"
)
"""A count of weeks naming the scan of a pregnancy ("the 12 week scan", not "a scan of")."""
_SCAN_LAST_WEEK = re.compile(r"\s+(?:scan|ultrasound)\s+last\s+week\b")
"""A scan at a count of weeks held last week: the pregnancy is a week further on now."""
_MONTHS = re.compile(
    _N + r"\s*(?:months?|mo|mos)\s+(?:along|pregnant|gone|into (?:her|my|the) pregnancy|"
    r"of (?:her|my|the) pregnancy|"
    # wave 22 (h21030 "I am seven months with baby"): months "with (a) baby"/"with child", as
    # someone speaking English as a second language tells a pregnancy (clinic policy: the
    # screen's pregnancy rules are for a pregnancy however it is told); "with a baby of seven
    # months" has no count before "with", so it is none
    r"with (?:a |the |my |her |our )?(?:baby|bebe|child))\b"
)
_MONTHS_WITH_WHO = re.compile(_SUBJECT + r"$")
"""Months "with baby" are a pregnancy only right after a person and a verb ("I am seven")."""
_EXPECTING = re.compile(
    _SUBJECT + r"expecting(?=\s*(?:$|[.,;!?]|and\b|twins|triplets|a baby|a child|a boy|a girl|"
    # wave 13 (h11026 "im expecting (we found out at the 12 week scan ...)"): an aside in
    # brackets that speaks of the pregnancy (a scan, the baby, weeks, the due date)
    r"\((?=[^)]{0,80}\b(?:scan|baby|weeks?|wks?|due|pregnan\w*|midwife|trimester|twins)\b)|"
    # "her first", "our second baby"; not "expecting her test results" (probe 2 G4)
    r"baby|(?:our|my|her|their|his)\s+(?:first|second|third|fourth|fifth|baby|babies|child|"
    r"little|twins|\w+\s+(?:baby|child))|again|in\b|number|no\.|#|first|second|third|\d))"
)
_DUE = re.compile(
    r"(?:" + _SUBJECT + r"|\bbaby\s*(?:['’]?s|is)\s+)due\s+(?:in|on|at|next|any|around|mid|"
    r"early|late|this|soon)\b|\b(?:due date|baby is due|baby['’]s due)\b(?!\s+(?:to|for)\b)"
)
_BUMP = re.compile(
    r"\b(?:my|her|the|baby|their|growing|pregnancy)\s+bump\b"
    r"(?!\s+(?:on|in|under|over|near|at|to)\b)"
)
# wave 7: "had my little girl 7 weeks ago"; wave 11: a bare "since birth" is someone's lifetime
# ("factor 8 since birth", "deaf since birth"), so the birth must be hers: "since the/her/my birth"
_T_TRIMESTER = re.compile(
    # wave 23b (h23044 "T2 (about 19 wks)"): notes write the trimester as T1/T2/T3 with the
    # weeks beside it; read only with the weeks (a bare "T2" is also a vertebra, a diabetes or
    # an MRI sequence), and the weeks are what the screen uses
    r"\bt\s?[123]\s*[(,:;-]?\s*(?:about|approx\.?|approximately|around|roughly|~|c\.?|circa)?\s*"
    + _N
    + r"\s*(?:weeks?|wks?|w|/40)\b"
    + _NOT_AFTER
)
_LMP_DATE = re.compile(
    # wave 23b (h23046 "LMP 14 Oct 2026, urine hCG + today"): the first day of the last period
    # as a date; a gestation is dated from it (the obstetric convention, as _LMP_WEEKS), so with
    # a pregnancy stated its weeks are the completed weeks from that day to today
    r"\b(?:lmp|last\s+(?:menstrual\s+)?period|last\s+menses)\s*(?:was\s+|:\s*|=\s*|on\s+)*"
    r"(?:(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>[a-z]{3,9})\.?(?:\s+(?P<year>\d{4}))?"
    r"|(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})(?:\s*/\s*(?P<y>\d{2,4}))?)\b"
)
_LMP_WEEKS = re.compile(
    # wave 15 (h12011 "LMP 6 weeks ago, hCG positive"): a gestation is dated from the first day
    # of the last menstrual period (the obstetric convention of dating by LMP, "by dates"), so
    # with a pregnancy stated the weeks since the LMP are its weeks; a late period alone is only
    # a possible pregnancy (find_pregnancy_notation), so weeks are read only beside a positive
    # test or another word of pregnancy
    r"\b(?:lmp|last\s+(?:menstrual\s+)?period|last\s+menses)\s*(?:was\s+|:\s*|=\s*)?"
    r"(?:about\s+|around\s+|approx\w*\s+|roughly\s+|~\s*)?" + _N + r"\s*(?:weeks?|wks?|/52)\s+ago\b"
)
_POSITIVE = re.compile(
    r"\b(?:(?:urine|urinary|serum|blood|beta|b)\s*-?\s*)?(?:hcg|upt|pregnancy test|preg test)\s+"
    r"(?:(?:test|was|is|came\s+back|came|back|result)\s+){0,3}(?:positive|pos)\b"
    r"|\b(?:positive|pos|\+\s*ve)\s+(?:(?:urine|urinary|serum|beta|b)\s*-?\s*)?(?:hcg|upt|"
    r"pregnancy test|preg test|test)\b"
)
_POSTPARTUM = re.compile(
    r"\b(?:post\s*partum|postnatal|post\s*natal|post\s*pregnancy|after (?:the |her |my |a )?"
    r"(?:birth|delivery|baby|c\s*section|caesarean|cesarean)|after (?:her|my) pregnancy|"
    r"after giving birth|had (?:the|her|my|a|our|their) (?:baby|son|daughter|little (?:girl|boy))|"
    r"gave birth|given birth|delivered (?:a|her|my|the|our) (?:baby|son|daughter)|since (?:the |"
    r"her |my )(?:birth|delivery)|since (?:the |her |my )?baby was born|"
    # wave 22 (h21096 "baby came early at 35 weeks ... now I've had her"): a baby that came or
    # arrived (early, late, at its weeks, on a day), and "now/since I've had her", are a birth;
    # the weeks told with it are the birth's, no pregnancy now
    r"(?:the |my |her |our |their )?(?:baby|son|daughter|little one|twins)\s+(?:came|arrived)\s+"
    r"(?:(?:early|late|on time|safely|at last|by c\s*section)\s*,?\s*)?(?:(?:at|on|in|last)\s+"
    r"\d{1,2}\s*(?:weeks?|wks?)|(?:on|in|last)\s+\w+|\w+\s+(?:weeks?|months?|days?)\s+ago)?|"
    r"(?:now|since)\s+(?:i['’]?ve|i have|she['’]?s|she has)\s+had\s+(?:her|him|them|the baby|"
    r"my baby|the twins))"
    r"(?=\W|$)"
)


_ORDINAL_WEEK = re.compile(
    # wave 9: "she is in the 34th week", "in my 22nd week", "her 20th week of gestation": the
    # ordinal week of a pregnancy, read as that many weeks (as the writers of the benchmark
    # intakes read it); "in the 3rd week of radiotherapy", "6th week after surgery" are not
    r"\b(?:in|into|entering|at|now|her|my|the)\s+(?:(?:the|her|my|our|their)\s+)?"
    r"(?P<n>\d{1,2})(?:st|nd|rd|th)\s+week\b"
    r"(?:\s+of\s+(?:(?:her|my|the|this|their)\s+)?(?P<of>pregnancy|gestation))?"
    r"(?!\s+(?:of|after|since|post|from|in)\b)"
)
_PREGNANCY_NEAR = re.compile(
    r"\bpregnan\w*|\bpregnent\b|\bexpecting\b|\bgestation\b|\bprimigravida\b|\bprimip\w*"
)
"""A word of pregnancy elsewhere that makes an ordinal week with no "of" a pregnancy's."""


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
    """Pregnancy facts stated without "pregnant" (module docstring), and postpartum; read once
    per question and day (the context reads them twice)."""
    return list(_find_pregnancy(folded, datetime.date.today()))


@functools.lru_cache(maxsize=256)
def _find_pregnancy(folded: str, today: datetime.date) -> tuple[PregnancyFact, ...]:
    out: list[PregnancyFact] = []
    for pattern in (_WEEKS_AFTER_SUBJECT, _AT_WEEKS):
        for m in pattern.finditer(folded):
            weeks = _number(m.group(1))
            if weeks is not None and 4 <= weeks <= 42:
                out.append(PregnancyFact("weeks", str(weeks), m.start(), m.end()))
    for m in _T_TRIMESTER.finditer(folded):
        weeks = _number(m.group(1))
        if weeks is not None and 4 <= weeks <= 42:
            out.append(PregnancyFact("weeks", str(weeks), m.start(), m.end(), {"trimester": True}))
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
            # "the 12 week scan" is no duration (wave 13)
            # nor a scan to come ("until my 12 week scan, im 8 weeks now": h8167)
            scan = _WEEKS_SCAN.match(folded, m.end()) is not None
            if scan and re.search(
                r"\b(?:until|till|til|before|next|upcoming|booked|waiting for|wait for)\b",
                folded[max(0, m.start() - 20) : m.start()],
            ):
                continue
            if not scan and _DURATION_BEFORE.search(folded[max(0, m.start() - 20) : m.start()]):
                continue
            if any(f.start <= m.start() < f.end for f in out):
                continue
            # wave 13 (h11026): "the 12 week scan last week" was a week ago: 13 weeks now
            if _SCAN_LAST_WEEK.match(folded, m.end()):
                weeks += 1
            out.append(PregnancyFact("weeks", str(weeks), m.start(), m.end()))
    for m in _ORDINAL_WEEK.finditer(folded):
        if not (m.group("of") or _PREGNANCY_NEAR.search(folded)):
            continue
        weeks = _number(m.group("n"))
        if weeks is None or not 4 <= weeks <= 42 or any(f.start <= m.start() < f.end for f in out):
            continue
        if weeks - 1 < FIRST_TRIMESTER_WEEKS <= weeks:
            # "in my 13th week": 12 weeks done, or 13 as people say it; the trimester is unclear,
            # so no weeks (every trimester's precautions, the cautious reading)
            unknown = {"weeks_unknown": "the ordinal week cannot tell the trimester"}
            out.append(PregnancyFact("pregnant", "yes", m.start(), m.end(), unknown))
        else:
            out.append(PregnancyFact("weeks", str(weeks), m.start(), m.end(), {"ordinal": True}))
    for m in _MONTHS.finditer(folded):
        months = _number(m.group(1))
        if months is None or not 1 <= months <= 10:
            continue
        if " with " in m.group(0) and not _MONTHS_WITH_WHO.search(folded[: m.start()]):
            continue  # wave 22: "six months with a baby to carry" tells no one's pregnancy
        weeks = months_to_weeks(months)
        detail: dict[str, Any] = {"months": months, "weeks_per_month": round(WEEKS_PER_MONTH, 3)}
        if weeks is None:
            detail["weeks_unknown"] = "the month count cannot tell the trimester"
            out.append(PregnancyFact("pregnant", "yes", m.start(), m.end(), detail))
        else:
            out.append(PregnancyFact("weeks", str(weeks), m.start(), m.end(), detail))
    if _POSITIVE.search(folded) or _PREGNANCY_CUE.search(folded) or _CONCEIVED.search(folded):
        for m in _LMP_WEEKS.finditer(folded):
            weeks = _number(m.group(1))
            if weeks is not None and 4 <= weeks <= 42:
                out.append(PregnancyFact("weeks", str(weeks), m.start(), m.end(), {"lmp": True}))
        for m in _LMP_DATE.finditer(folded):
            weeks = lmp_weeks(m, today)
            if weeks is not None:
                detail = {"lmp": True, "today": str(today)}
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
    notation = find_pregnancy_notation(folded, today)
    # "EDD in about 11 weeks": the 11 weeks count to the due date, no gestation (wave 9)
    due = [(f.start, f.end) for f in notation if "due" in f.detail]
    out = [f for f in out if f.kind != "weeks" or not any(a <= f.start < b for a, b in due)]
    return (*out, *notation)


# -- wave 6: obstetric notation, due dates, assisted conception, past pregnancies --------------

_WEEKS_DAYS = re.compile(
    # "28+3", "12+6 weeks", "GA 30+2": completed weeks plus days, the obstetric way of writing a
    # gestation; read only after a person or gestation word, or with "weeks" / "/40" after it
    r"(?:(?P<lead>\b(?:i['’]?m|im|i am|she['’]?s|shes|she is|currently|now|ga|gestation(?:al age)?"
    r"|pregnant|preg|pregnancy|at|edd by scan|by dates|g\s?\d{1,2}\s?p\s?\d{1,2}|primip|multip|"
    r"primigravida|multigravida)\s*[:,(]?\s*)\b)?"
    r"(?P<w>\d{1,2})\s*\+\s*(?P<d>[0-6])\b(?P<unit>\s*(?:/\s*40|weeks?|wks?|w)\b)?"
)
_PREGNANCY_BEFORE = re.compile(r"\bpregnan(?:cy|t)\b[^.;!?+]{0,24}$")
_GA_WEEKS = re.compile(
    # "GA 30w", "GA: 30 wks", "30w pregnant", "30 wk primip", "EGA 24 weeks", "POG 20 weeks"
    # "GA" is also a general anaesthetic: after it a unit must follow ("GA 30w", "GA 30/40")
    r"\b(?:e?ga|pog|gestational age|gest(?:ation)?)\s*[:=]?\s*(?:of\s+)?(\d{1,2})\s*(?:w|wk|wks|"
    r"weeks?|/\s*40)\b(?!\s*(?:\+|ago|post|after))"
    r"|(?<![\d.,])\b(\d{1,2})(?:[.,]\d)?\s*(?:w|wk|wks|weeks?)\s+(?:primip|multip|primigravida|multigravida|"
    r"pregnant|gravid|g\s?\d{1,2}\s?p\s?\d{1,2})\b"
)
_OBSTETRIC = re.compile(
    # "G3P2" with gravida above para: a pregnancy beyond the births, now or lost; "gravid",
    # "primigravida", "multigravida" name a pregnant woman (a cautious reading: the screen's
    # pregnancy rules; "G2P2" or "G3P2 ... 6/52 postpartum" is no pregnancy now)
    r"\bg\s?(?P<g>\d{1,2})\s?p\s?(?P<p>\d{1,2})(?:\s?\+\s?\d{1,2})?\b"
    r"|\b(?:primigravida|multigravida|gravid|gravida\s*\d)\b"
)
_DUE_TIME = (
    r"(?:(?:in|on|at|around|by|for|about|mid|early|late|end of|the end of|start of|beginning of|"
    r"this|next|the)\s+)*(?P<when>january|february|march|april|may|june|july|august|september|"
    r"october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|"
    r"(?:a|one|two|three|four|five|six|\d{1,2}|a few|a couple of)\s+(?:weeks?|months?|wks?)\b|"
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?[a-z]+)|(?:next|this) (?:month|week|spring|summer|"
    r"autumn|fall|winter|year)|spring|summer|autumn|fall|winter|new year|christmas|"
    r"\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{2,4})?)"
)
_DUE_AT_START = re.compile(
    # "due in March, ...", "Due 14 June", "pregnant, due in the spring", "due any day now"
    r"(?:^|[.,;:!?(]\s*|\b(?:and|but|pregnant|expecting|preg|baby|babys|baby['’]s|bub|twins|"
    # probe 10: "Baby is due on 20 March 2027", "the bump's due in May"
    r"bump)\s+(?:is\s+|['’]?s\s+)?)due\s+"
    + _DUE_TIME
    + r"|(?:^|[.,;:!?(]\s*)due\s+any\s+(?:day|time|minute)\b"
)
_DUE_PERSON = re.compile(
    # a person (a relative, with "in law" too) and "is due" / "'s due" + a time
    r"\b(?:i(?:['’]?m|\s+am)|(?:she|wife|partner|daughter|sister|girlfriend|fiancee|patient|pt|"
    r"woman|lady|client|niece|cousin|friend|(?:daughter|sister) in law|missus|mrs \w+|ms \w+)"
    r"(?:['’]?s|\s+is)|(?:we|they)(?:['’]?re|\s+are))\s+(?:now\s+|also\s+)?due\s+" + _DUE_TIME
)
_EDD = re.compile(
    # "EDD 20/3/27", "EDD: 20 March 2027", "edc next month", "due date is in May", "my due date
    # is 14th June"; not "the due date for the form"
    r"\b(?:e\.?d\.?d|e\.?d\.?c|(?:estimated|expected) (?:date of delivery|due date|delivery date)|"
    r"due date)\b(?!\s+(?:for|of)\s+(?:the|a|an|my|her|his|this|that|our)\s+(?!baby|pregnan))"
)
_EXPECTING_BABY = re.compile(
    # "expecting our first baby", "expecting baby number 2", "expecting twins" without a subject
    r"\bexpecting\s+(?:(?:our|my|her|their|a|the|baby)\s+)?(?:(?:first|second|third|fourth|1st|"
    r"2nd|3rd|4th|new|little|rainbow)\s+)?(?:baby|babies|child|twins|triplets|number\s*\d|"
    r"no\.?\s*\d|#\s*\d|a (?:boy|girl))\b"
)
_POSSIBLE = re.compile(
    # a pregnancy that cannot be ruled out (clinic policy, see the module docstring): trying to
    # conceive, the days after an embryo transfer or insemination, a late period
    r"\b(?:trying (?:to conceive|for (?:a|another|our|my|a second|a third) (?:baby|child|sibling)|"
    r"to get pregnant|to fall pregnant|for a family)|ttc|ttc\s*#?\d|"
    # an embryo transfer of the person asked about, not the procedure as a research topic
    # ("acupuncture on the day of embryo transfer" in an IVF trial question)
    r"\d\s*dp\s*\d?\s*dt|2ww|two week wait|"
    r"(?:had|having|have|after|post|since|just had|my|her|our)\s+(?:an?\s+|my\s+|her\s+|our\s+)?"
    r"(?:(?:frozen|fresh)\s+)?(?:embryo\s+)?(?:iui|ivf transfer|insemination|transfer|fet)|"
    r"(?:embryo transfer|fet)\s+(?:\w+\s+){0,2}(?:ago|yesterday|last\s+\w+|today|on\s+\w+day)|"
    # wave 22 (h21029 "embryo transfer was 3 weeks ago"): the time told after "was"/"is"
    r"(?:embryo transfer|fet)\s+(?:was|is|were)\s+(?:\w+\s+){0,3}(?:ago|yesterday|last\s+\w+|"
    r"today|on\s+\w+day)|"
    r"(?:might|may|could) be pregnant|possibly pregnant|possible pregnancy|late period|missed "
    r"(?:a |my |her )?period|period (?:is )?(?:\w+ )?(?:days? |weeks? )?late)\b"  # wave 7: 10 days
)
_FEARED = re.compile(
    # wave 12 (p10080): a feared pregnancy ("panicked I was pregnant", "worried I might be
    # pregnant") is a possible one, read as the other possible ones are (clinic policy, see the
    # module docstring): kept unless the question denies it ("the test was negative"); the word
    # "pregnant" in it names the fear, not a state, so it is hidden
    r"\b(?:panick(?:ed|ing)|worried|worrying|worry|worries|scared|afraid|terrified|feared|fearing|convinced|"
    r"paranoid|thought|wondered|wondering)\s+(?:that\s+)?(?:i|she)\s*(?:was|were|am|is|['’]?m|"
    r"might be|may be|could be|might have been)\s+(?P<w>pregnant)\b"
)
_GROUP_BEFORE = re.compile(
    # "women trying to conceive", "couples having IVF": a population, not a patient
    r"\b(?:women|couples|people|patients|mothers|ladies|those|anyone|someone|persons)\s+"
    r"(?:who\s+are\s+)?$"
)
_CONCEIVED = re.compile(
    # assisted conception that worked: a pregnancy, not a possible one
    r"\b(?:ivf|icsi|iui|fet|embryo transfer|insemination|clomid)\s+(?:finally\s+|has\s+|have\s+|"
    r"actually\s+)?(?:worked|succeeded|was successful|took|was a success)\b"
    r"|\b(?:ivf|icsi|iui)\s+pregnanc(?:y|ies)\b|\bbfp\b|\bpositive (?:pregnancy )?test\b"
    r"|\btest (?:was|came back|is) positive\b|\bfaint positive\b"  # wave 7: "both faint positive"
    # wave 7 (after held-out 7): a positive hCG or pregnancy test in note words ("urine hCG
    # positive today", "+ve UPT", "bHCG pos", "preg test +ve")
    r"|\b(?:(?:urine|urinary|serum|blood|beta|b|s)\s*-?\s*)?hcg\s+(?:test\s+)?(?:is\s+|was\s+|"
    r"came back\s+|today\s+)?(?:positive|pos|\+\s*ve|\+)(?=\W|$)"
    r"|(?:positive|pos|\+\s*ve)\s+(?:(?:urine|urinary|serum|beta|b)\s*-?\s*)?(?:hcg|upt)\b"
    r"|\b(?:upt|preg(?:nancy)? test)\s+(?:is\s+|was\s+)?(?:positive|pos|\+\s*ve)(?=\W|$)"
    # wave 22 (h21029 "the beta came back positive"): IVF clinics' "beta" is the blood hCG test
    # after a transfer; told positive, it is a pregnancy (a beta blocker is never "positive")
    r"|\b(?:first\s+|second\s+|1st\s+|2nd\s+)?betas?\s+(?:test\s+|result\s+)?(?:(?:was|is|"
    r"came back|came|has come back|were|today|yesterday)\s+){0,2}(?:positive|pos|\+\s*ve)(?=\W|$)"
    r"|\bpositive\s+(?:first\s+|second\s+)?beta\b(?!\s*-?\s*blocker)"
    # wave 12 (p10021): a home test read as people say it, "two lines on the stick", "two pink
    # lines on the test", "a second line came up on the test": a positive test (the cautious
    # reading); a Covid, flu or ovulation test's lines are no pregnancy
    r"|\b(?:two|2|double|second)\s+(?:(?:pink|blue|faint|clear|dark|strong)\s+)?lines?\b"
    r"(?=[^.!?]{0,25}\b(?:stick|test|hpt|pee stick)\b)"
    r"(?![^.!?]{0,40}\b(?:covid|lateral flow|lft|flu|ovulation|opk|antigen|rapid antigen)\b)"
)
_NEGATIVE_TEST = re.compile(
    # "negative test this morning", "BFN": a pregnancy test that says no (denied, wave 6)
    r"\b(?:negative (?:pregnancy |preg |hcg )?test|(?:pregnancy |preg )?test (?:was|came back|is)"
    r" negative|bfn)\b"
)
_NOT_PREGNANT_SIGN = re.compile(
    # wave 17 (p12077 "two tests were negative and my period came yesterday", h14070 "but I had
    # my period last week"): tests said negative in the plural or with a count, and a period that
    # has come since, deny a feared or possible pregnancy as a negative test does. Clinic policy:
    # a period arriving is the usual sign that no pregnancy began; the denial only removes a
    # possible pregnancy (context._denied_possible), never a stated one
    r"\b(?:(?:two|2|three|3|both|all|several|the|my|her)\s+(?:home\s+)?(?:pregnancy\s+|preg\s+)?"
    r"tests?\s+(?:(?:were|was|came back|are|is|have been|all|both)\s+){1,2}negative|"
    r"(?:my|her)\s+period\s+(?:has\s+|had\s+|finally\s+|then\s+|just\s+)*(?:came|come|arrived|"
    r"started|turned up|showed up|began|begun)\b(?!\s+(?:late|early|back\s+on))|"
    r"(?:i|she)\s+(?:had|got|have had|have got|started|am on|['’]?m on|is on|['’]?s on)\s+"
    r"(?:my|her)\s+period\b(?!\s+(?:pains?|cramps?|late))|"
    # wave 20 (h18043 "the test on Sunday was negative and so was the one today"): a test told
    # with a day or a place between it and "negative" ("the test I did on Friday was negative",
    # "the test this morning came back negative"), or "tested negative"; a test of something
    # else (covid, flu, a lateral flow) named in it is none
    r"(?:the|my|her|a)\s+(?:home\s+|pregnancy\s+|preg\s+)?test\s+"
    r"(?:(?!covid|flu|lateral|lft|pcr|antigen|smear|swab|blood|urine\s+infection)[\w']+\s+){1,4}?"
    r"(?:was|were|came back|came up|is|showed|said)\s+(?:also\s+|still\s+|just\s+)?negative|"
    r"(?:i|she)\s+(?:tested|test|have tested|has tested)\s+negative\b"
    r"(?!\s+(?:for|on)\s+(?:covid|flu|the flu|chlamydia|hiv|strep))"
    r")"
)
_CONCEIVING = re.compile(
    r"\b(?:trying|ttc|ivf|icsi|iui|transfer|insemination|fet|2ww|two week wait|fertility|"
    r"conceive|conceiving)\b"
)
_NOT_NOW = re.compile(
    # wave 17 (p12107 "What if I became pregnant during my course ...? I'm not now"): the denial
    # with "pregnant" left out, right after a question that names a pregnancy
    r"\b(?:i['’]?m|im|i am|she['’]?s|shes|she is)\s+not\s+(?:pregnant\s+)?(?:now|currently|at the "
    r"moment|at present|yet|right now)\b(?!\s+(?:sure|certain|know|known|tested|checked|done|"
    r"confirmed|been tested))"
)
_NOT_YET = re.compile(
    # wave 23b (h23050 "mid-stimulation (not yet pregnant)"): "yet" ends a negation's reach in
    # the lexicon (it is also "but"), so "not yet pregnant" is read here as a denial
    r"\b(?:not|isn['’]?t|is not|aren['’]?t)\s+(?:yet|currently|presently)\s+(?P<w>pregnant)\b"
)
_PREGNANCY_HEADING = re.compile(
    # wave 23b (h23135 "Pregnancy status: ... not pregnant", h23160 "Pregnancy service audit:
    # ..."): a form's heading or a service's audit names the topic, its value follows
    r"\bpregnancy\s+(?:status|test status|(?:service|services|team)\s+audit|audit)\b"
)
_NOT_TRYING = re.compile(
    # "not trying to conceive", "stopped trying for a baby": the lexicon's pseudo-negation "not
    # trying to" keeps negation off these words, so the denial is read here
    r"\b(?:not|no longer|stopped|gave up|given up|quit|never|n['’]?t|aren['’]?t|isn['’]?t)\s+"
    r"(?:been\s+|currently\s+|actively\s+|really\s+)?$"
)
_PAST_PREGNANCY = re.compile(
    # a pregnancy that has ended, so a pregnancy word inside is no pregnancy now
    r"\b(?:termination of (?:a |her |my |the )?pregnancy|(?:medical|surgical) termination|"
    r"(?:previous|prior|past|earlier|last|former|other|older)\s+pregnanc(?:y|ies)|"
    # wave 15: an ordinal pregnancy is the present one when said to be ("it's my second
    # pregnancy", "this is her third pregnancy") or given its weeks ("second pregnancy, 30 wks");
    # "my first pregnancy was fine" is over
    r"(?<!this is my )(?<!this is her )(?<!it's my )(?<!its my )(?<!it is my )(?<!it's her )"
    r"(?<!i'm in my )(?<!im in my )(?<!i am in my )(?<!she's in her )(?<!currently in my )"
    r"(?:first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)\s+pregnanc(?:y|ies)"
    r"(?!\s*[,:;(-]?\s*(?:at\s+|now\s+|currently\s+)?\d{1,2}\s*(?:weeks|wks|wk|w\b|/40|/52))|"
    r"pregnanc(?:y|ies) (?:loss|losses|ago|years ago)|ectopic(?: pregnancy)?|"
    r"molar pregnancy|lost (?:a|the|my|her|our) (?:pregnancy|baby)|miscarr\w*|stillbirth|"
    r"still born|stillborn|abortion|"
    r"(?:during|in|through|after)\s+(?:my|her|each|both|all)\s+(?:\w+\s+)?pregnanc(?:y|ies)\s+"
    r"(?:with|in (?:19|20)\d\d|years ago|\d+ years ago)|"
    # wave 8: no owner word, but dated years back: "low platelets in pregnancy 5 years ago"
    r"(?:during|in|through)\s+(?:\w+\s+)?pregnancy,?\s+(?:in (?:19|20)\d\d|(?:\d+|a|one|two|"
    r"three|four|five|six|seven|eight|nine|ten|many|several|some)\s+years?\s+ago)|"
    # wave 23b (h23127 "'had low platelets in pregnancy' - that was 2015"): the year told after
    # a dash or a comma, "that was 2015", "back in 2015"
    r"(?:during|in|through)\s+(?:\w+\s+)?pregnancy\W{0,4}\s*(?:(?:that|which|this|it)\s+was\s+"
    r"|back\s+)(?:in\s+|back in\s+)?(?:(?:19|20)\d\d|(?:\d+|a|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|many|several|some)\s+years?\s+ago)|"
    r"(?<!found out )(?<!found out that )(?<!realised )(?<!realized )(?<!learned )(?<!told )"
    r"(?<!knew )(?<!think )(?<!thought )(?<!worried )(?<!if )"
    r"(?:when|while|whilst|as) (?:i|she) was pregnant(?: with \w+)?|"
    r"(?:all|both|three|two|four|my|her) pregnancies|"
    # wave 22 (h21096 "was pregnant till the 11th of March"): a pregnancy told to have lasted
    # until a day or a month is over
    r"(?:(?:i|she)\s+|(?:^|(?<=[.;!?]))\s*)was (?:\w+\s+)?pregnant\s+(?:till|until|up to|up until|"
    r"til|untill)\s+(?:the\s+)?\w+|"
    # wave 9 (probe 9): "i was pregnant last year", "she was pregnant two years ago"
    # wave 11 (h10026): with its length ("was 5 months pregnant last year") or a birth after it
    # ("was 7 months pregnant but had the baby in June", "was pregnant and then delivered")
    r"(?:(?:i|she)\s+|(?:^|(?<=[.;!?]))\s*)was (?:(?:\d{1,2}|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty)\s*"
    r"(?:months?|weeks?|wks?)\s+|heavily\s+|very\s+)?pregnant,?\s+"
    r"(?:(?:with \w+\s+)?(?:last year|in (?:19|20)\d\d|(?:\d+|a|one|two|three|four|"
    r"five|six|seven|eight|nine|ten|many|several|some)\s+years?\s+ago)|"
    r"(?:[^.;!?]{0,60}?[\s,])?(?:but|and)\s+(?:then\s+|now\s+)?(?:i\s+|she\s+)?"
    r"(?:had (?:the|my|her|a) (?:baby|son|"
    r"daughter|twins)|gave birth|delivered|lost)))\b"
)
# wave 21 (held-out part 20 h20048 "I'm 8 weeks pregnant. Actually no, scratch that - the early
# scan this morning said it wasn't viable and I miscarried; I'm not pregnant anymore"): a
# pregnancy stated, then corrected as ended (a correction word, then a miscarriage, a loss, a
# pregnancy that was not viable, or "not pregnant any more"), is an ended pregnancy. Reading
# rule, clinic policy, as for medicines (timing.py, wave 17): the writer's correction is the
# fact. A loss dated to an earlier pregnancy ("a miscarriage two years ago") corrects nothing.
_CORRECTED_PREGNANCY = re.compile(
    r"\b(?:i['’]?m|im|i am|she['’]?s|shes|she is)\s+(?:[\w/]+\s+){0,3}?pregnant\b[^?]{0,200}?"
    r"\b(?:actually(?:\s+no)?|scratch that|no wait|wait no|sorry|correction|i meant?)\b"
    r"(?P<tail>[^?]{0,200}?\b(?:miscarr\w*|lost (?:the|my|her|a|our) (?:baby|pregnancy)|"
    r"not pregnant (?:any ?more|now)|no longer pregnant|(?:wasn['’]?t|was not|isn['’]?t|is not|"
    r"not) viable))"
)
_EARLIER_LOSS = re.compile(
    r"\b(?:years? ago|last year|in (?:19|20)\d\d|previous|previously|earlier pregnancy|"
    r"first pregnancy|before (?:this|her|my) (?:one|pregnancy))\b"
)
_PREGNANCY_OF_BIRTH = re.compile(
    r"\b(?:during|in|through|throughout|from|since|since the start of|began in|started in|"
    r"began during|started during)\s+(?:(?:the|my|her|this|that|their)\s+)?pregnancy\b"
)
_ENDED_AT = re.compile(
    # wave 21 (h20044 "I was pregnant in the summer but I lost the baby at 11 weeks"): the baby
    # or pregnancy lost may stand between the loss and its weeks
    r"(?:\s+(?:the|my|her|a|our|their)\s+(?:baby|babies|pregnancy|twins))?"
    r"\s*(?:at|\(|,)?\s*\d{1,2}\s*(?:weeks?|wks?|w|/\s*40)\b\)?"
)
_NOT_EXPECTING = re.compile(
    r"\b(?:i['’]?m|im|i am|she['’]?s|shes|she is|we['’]?re|we are)\s+(?:\w+\s+)?"
    r"(?:not|n['’]?t)\s+(?P<w>expecting|pregnant)\b"
)
_NOT_PREGNANT = re.compile(r"\b(?:not|no longer|never been)\s+(?:\w+\s+)?pregnant\b")
_PREGNANCY_TOPIC = re.compile(
    r"\bpregnan\w*\s+(?:related\s+)?(?:point|points|restrictions?|rules?|precautions?|"
    r"contraindications?|cautions?|guidance|safety|forbidden|exclusions?|limits?|advice)\b"
    r"|\b(?:points|restrictions|rules|precautions|cautions|exclusions|contraindications)\s+"
    r"(?:for|in|during|of|about)\s+pregnan\w*"
)
_PREGNANCY_OUTCOME = re.compile(
    # a pregnancy named as a trial outcome ("IVF pregnancy rates", "chance of pregnancy"): the
    # topic of an evidence question, no patient's state (wave 6)
    r"\b(?:(?:ivf|icsi|clinical|ongoing|live birth and)\s+)?pregnanc(?:y|ies)\s+(?:rates?|"
    r"outcomes?|success(?:\s+rates?)?|chances?)\b|\b(?:chances?|odds|likelihood|rates?)\s+of\s+"
    r"(?:(?:a|getting|achieving|clinical)\s+)?pregnan(?:cy|t)\b"
)
_POSTPARTUM_MORE = re.compile(
    # births written otherwise: "delivered 2 weeks ago", "C-section 3 weeks ago", "new mum",
    # "my newborn", "baby is 6 weeks old", "PN day 5", "post-delivery"
    r"\b(?:delivered\s+(?:(?:\w+\s+){0,2}(?:ago|yesterday|last\s+\w+|on\s+\w+|by\s+c\s*section|"
    r"vaginally|early|at\s+term)|(?:a|her|my|the|our)\s+(?:baby|son|daughter|twins))|"
    r"(?:c\s*section|caesarean|cesarean|emergency section)\s+(?:\w+\s+){0,2}(?:ago|yesterday|"
    r"last\s+\w+)|(?:post|after|since)\s*(?:c\s*section|caesarean|cesarean|delivery|labou?r)|"
    r"new (?:mum|mom|mother|mummy|mommy)|(?:my|her|our) newborn|"
    r"baby (?:is|was born|born)\s+(?:\w+\s+){0,3}(?:old|ago)|pn day \d+|day \d+ pn|"
    r"\d{1,2}\s*/\s*52\s+(?:pp|pn|post\s*partum|post\s*natal|postnatal)|"
    r"\d{1,2}\s*(?:/52|weeks?|wks?|days?|months?|/12)\s+(?:pp|pn)\b)"
)
_MONTHS_OF_YEAR = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_SEASONS = {"spring": 4, "summer": 7, "autumn": 10, "fall": 10, "winter": 1}
TERM_WEEKS = 40
_DUE_MARGIN = datetime.timedelta(days=7)
"""A due date is 40 completed weeks of gestation (280 days from the last menstrual period)."""


def due_weeks(when: str, today: datetime.date) -> int | None:
    """Completed weeks of gestation today for a due date or month, or None when the words
    cannot tell the trimester.

    weeks = 40 - (due date - today) / 7. A month alone ("due in March": the next March from
    today) spans the month's first to last day; the weeks are given only when both ends fall on
    the same side of the first trimester's end (13 weeks), else none (every trimester's
    precautions apply, the cautious reading). A due date past, or more than 40 weeks away,
    gives no weeks either."""
    from acupath.care.rules import FIRST_TRIMESTER_WEEKS

    span = _due_span(when, today)
    if span is None:
        return None
    # a due date is an estimate: a week either side is kept, so a date near the end of the
    # first trimester leaves the weeks unknown (a reading margin, not a clinical figure)
    lo_date, hi_date = span[0] - _DUE_MARGIN, span[1] + _DUE_MARGIN
    # the earliest due date is the most advanced gestation
    hi = TERM_WEEKS - (lo_date - today).days / 7
    lo = TERM_WEEKS - (hi_date - today).days / 7
    if lo < 0 or hi > 42:
        return None
    if (lo < FIRST_TRIMESTER_WEEKS) != (hi < FIRST_TRIMESTER_WEEKS):
        return None
    return int((lo + hi) / 2)


def _due_span(when: str, today: datetime.date) -> tuple[datetime.date, datetime.date] | None:
    when = when.strip()
    m = re.fullmatch(r"(next|this) (month|week)", when)
    if m:
        if m.group(2) == "week":
            start = today + datetime.timedelta(days=7 if m.group(1) == "next" else 0)
            return start, start + datetime.timedelta(days=6)
        month = today.month + (1 if m.group(1) == "next" else 0)
        year = today.year + (month - 1) // 12
        return _month_span(year, (month - 1) % 12 + 1)
    m = re.fullmatch(r"(a|one|two|three|four|five|six|\d{1,2}|a few|a couple of)\s+(weeks?|wks?|"
                     r"months?)", when)  # fmt: skip
    if m:
        n = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
             "a few": 3, "a couple of": 2}.get(m.group(1)) or int(m.group(1))  # fmt: skip
        days = n * (7 if m.group(2).startswith("w") else 30)
        return today + datetime.timedelta(days=days - 3), today + datetime.timedelta(days=days + 3)
    m = re.fullmatch(r"(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*(\d{2,4}))?", when)
    if m:
        # day/month as written in British notes; a month over 12 means the US order
        a, b = int(m.group(1)), int(m.group(2))
        day, month = (b, a) if b > 12 else (a, b)
        return _dated(day, month, m.group(3), today)
    m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]+)", when)
    if m and m.group(2)[:3] in _MONTHS_OF_YEAR:
        return _dated(int(m.group(1)), _MONTHS_OF_YEAR[m.group(2)[:3]], None, today)
    key = when[:3]
    if key in _MONTHS_OF_YEAR and not when.isdigit():
        month = _MONTHS_OF_YEAR[key]
        year = today.year if month >= today.month else today.year + 1
        return _month_span(year, month)
    if when in _SEASONS:
        month = _SEASONS[when]
        year = today.year if month > today.month else today.year + 1
        lo = _month_span(year, month)[0]
        hi = _month_span(year + (month + 2 > 12), (month + 1) % 12 + 1)[1]
        return lo, hi
    return None


def _month_span(year: int, month: int) -> tuple[datetime.date, datetime.date]:
    first = datetime.date(year, month, 1)
    nxt = datetime.date(year + month // 12, month % 12 + 1, 1)
    return first, nxt - datetime.timedelta(days=1)


def _dated(
    day: int, month: int, year: str | None, today: datetime.date
) -> tuple[datetime.date, datetime.date] | None:
    try:
        if year:
            y = int(year) + (2000 if len(year) == 2 else 0)
            date = datetime.date(y, month, day)
        else:
            date = datetime.date(today.year, month, day)
            if date < today:
                date = datetime.date(today.year + 1, month, day)
    except ValueError:
        return None
    return date, date


def lmp_weeks(m: re.Match[str], today: datetime.date) -> int | None:
    """Completed weeks from a last period's date (:data:`_LMP_DATE`) to today, or None when the
    date cannot be read or gives no gestation (in the future, under 4 or over 42 weeks). A date
    with no year is the last one not after today."""
    try:
        if m.group("day"):
            month = _MONTHS_OF_YEAR.get(m.group("month")[:3])
            if month is None:
                return None
            day, year = int(m.group("day")), m.group("year")
        else:
            # day/month as British notes write it; a month over 12 means the US order
            a, b = int(m.group("d")), int(m.group("m"))
            (day, month), year = ((b, a) if b > 12 else (a, b)), m.group("y")
        if year:
            date = datetime.date(int(year) + (2000 if len(year) == 2 else 0), month, day)
        else:
            date = datetime.date(today.year, month, day)
            if date > today:
                date = datetime.date(today.year - 1, month, day)
    except ValueError:
        return None
    weeks = (today - date).days // 7
    return weeks if 4 <= weeks <= 42 else None


def _number_weeks(raw: str) -> int | None:
    n = _number(raw)
    return n if n is not None and 4 <= n <= 42 else None


def find_pregnancy_notation(folded: str, today: datetime.date | None = None) -> list[PregnancyFact]:
    """Wave 6 readings (module docstring): weeks in obstetric notation, due dates, obstetric
    shorthand, lay idioms the lexicon cannot hold, a possible pregnancy, a pregnancy that has
    ended (``past_pregnancy``, which hides a pregnancy word inside it) and more births."""
    today = today or datetime.date.today()
    out: list[PregnancyFact] = []
    for m in _WEEKS_DAYS.finditer(folded):
        # wave 23b (h23049 "Twin pregnancy (DCDA) 22+5"): the word of pregnancy a few words
        # before the notation, with its kind in brackets between, leads it too
        near = _PREGNANCY_BEFORE.search(folded[max(0, m.start() - 30) : m.start()])
        if not (m.group("lead") or m.group("unit") or near or _PREGNANCY_CUE.search(folded)):
            continue
        weeks = _number_weeks(m.group("w"))
        if weeks is not None:
            out.append(
                PregnancyFact(
                    "weeks", str(weeks), m.start("w"), m.end(), {"days": int(m.group("d"))}
                )
            )
    for m in _GA_WEEKS.finditer(folded):
        weeks = _number_weeks(m.group(1) or m.group(2))
        if weeks is not None and not any(f.start <= m.start() < f.end for f in out):
            out.append(PregnancyFact("weeks", str(weeks), m.start(), m.end()))
    ended = bool(
        _POSTPARTUM.search(folded)
        or _POSTPARTUM_MORE.search(folded)
        or _PAST_PREGNANCY.search(folded)
    )
    for m in _OBSTETRIC.finditer(folded):
        g, p = m.group("g"), m.group("p")
        if (g is not None and int(g) <= int(p)) or ended:
            # "G2P1, 6/52 postpartum", "G3P2, miscarriage in May": the pregnancy beyond the
            # births is the one that ended
            continue
        out.append(PregnancyFact("pregnant", "yes", m.start(), m.end(), {"obstetric": True}))
    for pattern in (_DUE_AT_START, _DUE_PERSON):
        for m in pattern.finditer(folded):
            start = m.start() + len(m.group(0)) - len(m.group(0).lstrip(".,;:!?( "))
            when = m.groupdict().get("when")
            out.append(_due_fact(start, m.end(), when, today))
    for m in _EDD.finditer(folded):
        after = folded[m.end() : m.end() + 30]
        w = re.match(r"\s*(?:is|was|of|[:=-])?\s*" + _DUE_TIME, after)
        end = m.end() + (w.end() if w else 0)
        out.append(_due_fact(m.start(), end, w.group("when") if w else None, today))
    for m in _EXPECTING_BABY.finditer(folded):
        if _GROUP_BEFORE.search(folded[max(0, m.start() - 30) : m.start()]):
            continue
        out.append(PregnancyFact("pregnant", "yes", m.start(), m.end()))
    for m in _POSSIBLE.finditer(folded):
        before = folded[max(0, m.start() - 30) : m.start()]
        if _GROUP_BEFORE.search(before) or _NOT_TRYING.search(before):
            continue
        reason = "a pregnancy cannot be ruled out (clinic policy: every trimester's precautions)"
        out.append(PregnancyFact("pregnant", "yes", m.start(), m.end(), {"possible": reason}))
    for m in _FEARED.finditer(folded):
        before = folded[max(0, m.start() - 30) : m.start()]
        if _GROUP_BEFORE.search(before):
            continue
        reason = "a pregnancy cannot be ruled out (clinic policy: every trimester's precautions)"
        out.append(PregnancyFact("pregnancy_topic", "yes", m.start("w"), m.end("w")))
        out.append(
            PregnancyFact("pregnant", "yes", m.start(), m.start("w") - 1, {"possible": reason})
        )
    for m in _CONCEIVED.finditer(folded):
        out.append(PregnancyFact("pregnant", "yes", m.start(), m.end()))
    for m in _NOT_PREGNANT_SIGN.finditer(folded):
        if "period" in m.group(0) and _CONCEIVING.search(folded):
            continue  # trying to conceive: a new cycle may start a pregnancy (cautious reading)
        out.append(
            PregnancyFact("pregnant", "yes", m.start(), m.end(), {"denied": "no pregnancy began"})
        )
    for m in _NOT_NOW.finditer(folded):
        if "pregnan" in folded[max(0, m.start() - 120) : m.start()]:
            out.append(
                PregnancyFact("pregnant", "yes", m.start(), m.end(), {"denied": "not pregnant now"})
            )
    for m in _NOT_YET.finditer(folded):
        # the word "pregnant" is hidden and the denial stands on "not yet", as _FEARED does
        out.append(PregnancyFact("pregnancy_topic", "yes", m.start("w"), m.end("w")))
        denied = {"denied": "not pregnant yet"}
        out.append(PregnancyFact("pregnant", "yes", m.start(), m.start("w") - 1, denied))
    for m in _PREGNANCY_HEADING.finditer(folded):
        out.append(PregnancyFact("pregnancy_topic", "yes", m.start(), m.end()))
    for m in _NEGATIVE_TEST.finditer(folded):
        out.append(
            PregnancyFact("pregnant", "yes", m.start(), m.end(), {"denied": "a negative test"})
        )
    if _POSTPARTUM.search(folded) or _POSTPARTUM_MORE.search(folded):
        # wave 9: beside a birth, "the sciatica I had during the pregnancy", "carpal tunnel from
        # the pregnancy" name the pregnancy that ended with it
        for m in _PREGNANCY_OF_BIRTH.finditer(folded):
            out.append(PregnancyFact("past_pregnancy", "yes", m.start(), m.end()))
    for m in _CORRECTED_PREGNANCY.finditer(folded):
        after = re.split(r"[.;!?]", folded[m.end() : m.end() + 60])[0]
        if not _EARLIER_LOSS.search(m.group("tail") + after):
            out.append(PregnancyFact("past_pregnancy", "yes", m.start(), m.end()))
    for m in _PAST_PREGNANCY.finditer(folded):
        # "miscarried at 9 weeks", "stillbirth (36/40)": the weeks are the ended pregnancy's
        more = _ENDED_AT.match(folded, m.end())
        end = more.end() if more else m.end()
        out.append(PregnancyFact("past_pregnancy", "yes", m.start(), end))
    if ended or _NOT_EXPECTING.search(folded) or _NOT_PREGNANT.search(folded):
        # "6/52 postpartum ... do any pregnancy point restrictions still apply?": beside a
        # birth, an ended pregnancy or a denial, "pregnancy" naming rules is the topic
        for m in _PREGNANCY_TOPIC.finditer(folded):
            out.append(PregnancyFact("pregnancy_topic", "yes", m.start(), m.end()))
    for m in _PREGNANCY_OUTCOME.finditer(folded):
        out.append(PregnancyFact("pregnancy_topic", "yes", m.start(), m.end()))
    for m in _NOT_EXPECTING.finditer(folded):
        # "I'm definitely not expecting": the fact starts at "expecting" so the negation
        # before it denies it
        out.append(PregnancyFact("pregnant", "yes", m.start("w"), m.end()))
    for m in _POSTPARTUM_MORE.finditer(folded):
        out.append(PregnancyFact("postpartum", "yes", m.start(), m.end()))
    return out


def _due_fact(start: int, end: int, when: str | None, today: datetime.date) -> PregnancyFact:
    """A due date: the weeks it gives today (:func:`due_weeks`), else a pregnancy of unknown
    weeks."""
    weeks = due_weeks(when, today) if when else None
    if weeks is None:
        return PregnancyFact("pregnant", "yes", start, end, {"due": when or True})
    return PregnancyFact("weeks", str(weeks), start, end, {"due": when, "today": str(today)})
