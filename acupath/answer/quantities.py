"""Numbers a question states about its patient, other than the age (:mod:`.ages`): pregnancy
weeks ("10 weeks pregnant", "28/40", "week 12 of her pregnancy", "18 weeks along") and
laboratory values with their units, in acupath's units: platelets and ANC in 10^9/L, written
as ``20``, ``20k``, ``20,000/µL``, ``20 x 10^9/L`` (a count of 1,000 or more, or 100 or more
for ANC, is per microlitre and divided by 1,000), INR as a ratio; and a measured body
temperature ("temp of 38.9", "39C", "101 F"), with "afebrile" as a stated normal one. Regular
expressions over the folded question, the one thing they do best; a value out of range is
reported, not used.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from acupath.answer import numwords

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40,
}  # fmt: skip
"""Number words patients write for counts and values (one to twenty, thirty, forty)."""
_NUM = r"\b(\d+(?:[.,]\d+)*|" + numwords.PATTERN + r")"
"""A count in digits or words, from a word boundary ("thirty-two weeks" is 32, never 2)."""
_WEEKS = [
    re.compile(
        _NUM + r"\s*(?:weeks?|wks?)\s*"
        r"(?:pregnant|preg\w*|gestation|of pregnancy|into (?:her|my) pregnancy)"
    ),
    re.compile(
        r"pregnan\w*(?:[\s,(]+(?:at|with|of|for|patient|woman|lady|now|about|around)){0,2}"
        r"[\s,(-]*" + _NUM + r"\s*(?:weeks?|wks?)(?!\s*(?:of|ago|post|after|since)\b)"
    ),
    re.compile(r"\b(\d{1,2})\s*/\s*40\b"),
    # "currently 32/52", "GA 30/52" (wave 7): weeks of 52 are a gestation only after a word of
    # the present or of gestation; "2/52 ago", "neck pain 2/52", "3/52 post-op" are durations
    re.compile(
        r"\b(?:currently|now|ga|gestation|pregnant|preg|she is|she['’]?s|i am|i['’]?m)\s*[:,]?\s*"
        r"(\d{1,2})\s*/\s*52\b(?!\s*(?:ago|hx|history|of|duration|post|since|after|pain))"
    ),
    re.compile(_NUM + r"\s*(?:weeks?|wks?)\s*along\b"),
    re.compile(r"\bweek\s*" + _NUM + r"\s*of\s*(?:her|my|the|this|their)?\s*pregnan"),
    # wave 8: a count after a pregnancy word and only words of time or of a scan: "expecting,
    # around 14 weeks", "IUP confirmed on dating scan at 9w"; "expecting the results in 2
    # weeks" has other words between, so no count
    re.compile(
        r"\b(?:expecting|iup|intrauterine pregnancy|pregnant|preg)\b[\s,(:]*"
        r"(?:(?:at|around|about|approx\w*|roughly|nearly|almost|currently|now|just|confirmed|on|"
        r"dating|booking|viability|scan|u/?s|ultrasound|by)\s+){0,5}"
        + _NUM
        + r"\s*(?:weeks?|wks?|w)\b(?!\s*(?:of|ago|post|after|since|old)\b)"
    ),
    re.compile(r"\b(?:gestation|gestational age)\s*(?:of)?\s*" + _NUM + r"\s*(?:weeks?|wks?)"),
    # wave 23 (h22004 "estoy embarazada de 14 semanas"): the weeks in Spanish, Portuguese,
    # French, Italian, German and Dutch, beside the pregnancy word in the same language
    # (patient.yaml's pregnancy list reads these words): "enceinte de 14 semaines", "incinta di
    # 14 settimane", "zwanger van 14 weken", "14 Wochen schwanger", "in der 14. SSW"
    re.compile(
        r"\b(?:embarazada|enceinte|incinta|schwanger|zwanger|gravida)\b[\s,(:]*"
        r"(?:(?:de|di|d|van|von|in der|im|en|a|alla|bei|met|ca|circa|cerca de|environ)\s+){0,2}"
        + _NUM
        + r"\.?\s*(?:semanas?|semaines?|settimane|settimana|wochen|woche|weken|ssw|sa)\b"
    ),
    re.compile(
        _NUM + r"\.?\s*(?:semanas?|semaines?|settimane|settimana|wochen|woche|weken|ssw|sa)\s+"
        r"(?:(?:de|di|d|der|van)\s+)?(?:embarazada|embarazo|gestacion|grossesse|gravidanza|"
        r"gestazione|schwanger\w*|zwanger\w*|enceinte|incinta|gravidez|gravida|aménorrhée|"
        r"amenorrhee)\b"
    ),
    re.compile(r"\b(?:ssw|schwangerschaftswoche)\s*" + _NUM),
    re.compile(r"\b(\d{1,2})\s*\.?\s*(?:ssw|schwangerschaftswoche)\b"),
]
_LAB_NAMES = {
    # probe 10: French reports ("plaquettes 62 G/L", "PNN 2,4 G/L": polynucléaires
    # neutrophiles; G/L is 10^9/L, the unit acupath reads counts in)
    # wave 15 (h12205): lab names split by voice typing ("plate lets", "neutral fills", "I N R")
    "platelets": r"platelets?|plts?|platelet count|plt count|thrombocytes|plaquettes|"
    r"plate\s+lets?(?:\s+count)?|"
    # wave 19 (p13020 "count of the clotting cells was only 62"): the platelets told by what they
    # do, the blood cells that make it clot or stop bleeding (sources: the platelet rules of
    # 04_oncology.yaml are for the count however it is named; clinic policy, as the nurse's
    # "infection-fighting cells" for the ANC); a clotting factor, test or clinic is none
    r"(?:blood\s+)?clott?ing\s+(?:cells?|count)(?:\s+count)?|"
    r"(?:blood\s+)?cells?\s+(?:that|which|for)\s+(?:\w+\s+){0,4}?(?:clot|clots|clotting|"
    r"stops?\s+(?:\w+\s+)?bleed\w*|stopping\s+(?:\w+\s+)?bleed\w*)",
    "anc": r"absolute neutrophil count|absolute neutrophils|anc|neutrophils?|neutrophil count|"
    r"pnn|polynucleaires neutrophiles|"
    r"neuts|neut|neutro|abs neuts?|neut count|neutral\s+fills?|new\s+tra?\s*fills?|"
    # wave 8: the neutrophils as a nurse explains them ("her white cells that fight infection",
    # "infection-fighting cells"); "white cells" alone are the whole white count, not the ANC
    r"white (?:blood )?cells? that fights? infection|infection[\s-]fighting (?:white (?:blood )?)?"
    r"cells?|infection[\s-]fighting ones",
    "inr": r"inr|i\s+n\s+r|"
    # wave 9: the INR as patients name it ("the finger-prick clotting number was 2,4", "her
    # clotting reading", "warfarin level"); a finger-prick test only when it is the warfarin's
    # ("finger prick glucose" is no INR)
    r"(?:finger\s*prick\s+)?(?:blood\s+)?(?:clotting|clot|thinning|warfarin|inr)\s+"
    r"(?:number|level|reading|result|score|figure|value|ratio)s?|"
    r"finger\s*prick\s+(?:test|check|reading|result|number)\s+for\s+(?:her|his|my|the\s+)?\s*"
    r"warfarin|"
    # wave 19 (p13004 "her reading at the anticoagulation clinic was four point one", h17174
    # "my eye and are was three point five"): the reading, number, level or result of the clinic
    # that checks a vitamin K antagonist is its INR (clinic policy: the anticoagulation, warfarin,
    # coag or INR clinic measures the INR, patient.yaml anticoagulant); and the INR voice-typed
    # as the sounds of its letters ("eye en are", "I and R")
    r"(?:readings?|numbers?|levels?|results?|figures?|checks?|tests?)\s+(?:at|from|in)\s+"
    r"(?:the\s+)?(?:anti\s*coag\w*|coag|warfarin|inr|i\s+n\s+r|clotting|thrombosis)\s+clinic|"
    r"(?:i|eye)\s+(?:n|en|and|an|'n|’n)\s+(?:r|are|ar)",
}
_VKA = re.compile(
    # and their misspellings ("coumadine", "warfrin")
    r"\b(?:warf[a-z]*|coum[a-z]*|jantoven|marevan|acenocoumarol|sinthrome|sintrom|phenprocoumon|"
    r"marcoumar|phenindione|fluindione|"
    # wave 15 (h12014): a vitamin K antagonist by its nickname or its monitoring (the yellow
    # record book, the INR or warfarin clinic; patient.yaml, anticoagulant), and its name split
    # by voice typing ("war far in"); clinic policy, as the class words in patient.yaml
    r"rat\s+poison|yellow[\s-]+(?:inr\s+|anticoagul\w*\s+)?book|(?:inr|anticoagul\w*|warfarin|"
    r"coag)\s+(?:record\s+)?(?:book|clinic)|war\s+far\s+in)\b"
)
_INR_BESIDE_VKA = (
    # wave 11 (h10047): beside a vitamin K antagonist, the test that monitors it is its INR
    # ("on Coumadin, the finger test at pharmacy said 4 point 8"); clinic policy: a finger-prick
    # or clotting test is how warfarin is checked, so its number is read as the INR
    r"|finger\s*(?:prick|stick)?\s*(?:test|check|reading|result|number)s?|finger\s*(?:prick|stick)|"
    # probe 10: "his number was four point two" (an owner's number, not "the number of")
    r"(?:his|her|my|their|your|mum['’]?s|dad['’]?s)\s+(?:inr\s+)?numbers?(?!\s+(?:of|is|was)\s+0)|"
    # wave 13 (h11003 "his blood test number was 4.6" beside warfrin): the number of the blood
    # test that monitors the vitamin K antagonist is its INR (clinic policy, as "his number")
    r"(?:blood\s+)?tests?\s+(?:number|result|reading|level|figure|score)s?"
    r"(?!\s+(?:for|of)\s+(?:\w+\s+)?(?:sugars?|glucose|diabetes|cholesterol|ketones?|hba1c))|"
    # wave 23 (h24007 "i am on the warfarin my blood test on tuesday was three point nine"): an
    # owner's blood test beside the vitamin K antagonist is its INR check (clinic policy, as
    # "his blood test number"); a test of something else names it and is no match
    r"(?:his|her|my|their|your|mum['’]?s|dad['’]?s)\s+(?:last\s+|latest\s+)?blood\s+tests?"
    r"(?!\s+(?:for|of|on\s+(?:\w+\s+)?(?:sugars?|glucose))\s*(?:\w+\s+)?(?:sugars?|glucose|"
    r"diabetes|cholesterol|ketones?|hba1c|thyroid|kidneys?|liver|iron|vitamin))|"
    r"(?:clotting|clot|blood\s+thinning|thinning)\s+(?:test|check)s?"
    # a finger-prick test of something else ("for my sugar") is no INR
    r"(?!\s+(?:for|of)\s+(?:\w+\s+)?(?:sugars?|glucose|diabetes|cholesterol|ketones?|hba1c))|"
    # wave 14 (p11013 "Warfarin, target 2-3, today's reading 2.9"): the day's or latest reading,
    # result or level beside the vitamin K antagonist is the INR that monitors it (clinic policy,
    # as "his blood test number"); the target range is a rule, no reading ("target" is no name)
    r"(?:today['’]?s|this\s+(?:morning|week)['’]?s|latest|last|most\s+recent|recent|current|"
    r"newest)\s+(?:reading|result|level|check|test|number|figure)s?"
    r"(?!\s+(?:for|of|on)\s+(?:\w+\s+){0,2}(?:sugars?|glucose|diabetes|cholesterol|ketones?|"
    r"hba1c|bp|blood\s+pressure|pressure|weight|scales|meter|monitor))|"
    # wave 19 (h17034 "warfarin for years, the reading was 1.9"): "the reading" or "her level"
    # beside the vitamin K antagonist, as "today's reading" (clinic policy, as above); a reading
    # of another measure names it ("the sugar reading", "blood pressure reading") and is no match;
    # a check or test alone may be told with its time ("the check is at 10.30"), so not these
    r"(?:the|his|her|my|their|your|mum['’]?s|dad['’]?s|mom['’]?s)\s+"
    r"(?:reading|result|level|number|figure)s?(?!\s+of\b)"
    r"(?!\s+(?:for|on)\s+(?:\w+\s+){0,2}(?:sugars?|glucose|diabetes|cholesterol|ketones?|"
    r"hba1c|bp|blood\s+pressure|pressure|weight|scales|meter|monitor))"
)


_THINNER = re.compile(r"\b(?:blood\s+)?thinn(?:er|ers|ing)\b|\banticoagul\w*")
_DOSE_BY_TEST = re.compile(
    # wave 17 (h14002 "the blood thinner ... where he gets a finger prick at the clinic every
    # few weeks and the nurse changes his dose"): a blood thinner whose dose is changed after its
    # checks, or checked by finger prick, is a vitamin K antagonist. Clinic policy: the INR is
    # the only routine test that sets an anticoagulant's dose (DOACs take a fixed dose), so the
    # reading told beside it is read as the INR, as a named warfarin's (_INR_BESIDE_VKA)
    r"\b(?:chang\w*|adjust\w*|alter\w*|tweak\w*|sets?|setting|tinker\w*)\s+(?:(?:his|her|my|"
    r"their|your|the)\s+)?(?:\w+\s+)?doses?\b"
    r"|\bdoses?\s+(?:\w+\s+){0,2}?(?:gets?\s+|is\s+|are\s+|was\s+|were\s+|being\s+)?"
    r"(?:changed|adjusted|altered|tweaked|set)\b"
    r"|\bfinger\s*(?:prick|stick)"
)
_OTHER_THINNER = re.compile(
    r"\b(?:apixaban|eliquis|rivaroxaban|xarelto|edoxaban|lixiana|savaysa|dabigatran|pradaxa|"
    r"heparin|enoxaparin|clexane|lovenox|dalteparin|fragmin|tinzaparin|fondaparinux|insulin|"
    r"sugars?|glucose|diabet\w*)\b"
)


def _vka_told(folded: str) -> bool:
    """A vitamin K antagonist named, or told by a blood thinner's dose-setting checks."""
    if _VKA.search(folded):
        return True
    return bool(
        _THINNER.search(folded)
        and _DOSE_BY_TEST.search(folded)
        and not _OTHER_THINNER.search(folded)
    )


_PLATELET_DISORDER = re.compile(
    r"\b(?:itp|immune thrombocytop\w*|thrombocytop\w*|low platelets?|low platelet count)\b"
)
"""Immune thrombocytopenia (ITP, patient.yaml's bleeding_disorder list) and thrombocytopenia
are a low platelet count (flag_context's ITP rule reads ITP by that count)."""
_OTHER_COUNT_TOLD = re.compile(
    r"\b(?:neutropen\w*|neutrophils?|neuts?|anc|white (?:blood )?(?:cells?|count)|wbc|cd4|"
    r"viral load|sperm|pollen|steps?|calories?|carbs?|blood count)\b"
)
_COUNT_OF_ITP = (
    # wave 23b (h23022 "I've got ITP and my last count was 45,000"): beside a platelet disorder
    # and no other count, "my (last) count" is the platelet count
    r"|(?:my|her|his|their|the|mum['’]?s|dad['’]?s)\s+(?:(?:last|latest|recent|most recent|"
    r"current|newest)\s+)?count"
)


def _lab_names(folded: str) -> dict[str, str]:
    """The lab names of :data:`_LAB_NAMES`, with the INR's test names beside warfarin and
    "my count" as the platelets' beside a platelet disorder (:data:`_COUNT_OF_ITP`)."""
    names = dict(_LAB_NAMES)
    if _PLATELET_DISORDER.search(folded) and not _OTHER_COUNT_TOLD.search(folded):
        names["platelets"] += _COUNT_OF_ITP
    if _vka_told(folded):
        names["inr"] += _INR_BESIDE_VKA
    return names


_VALUE_NUM = (
    # "2 point 1" (wave 7): digits with "point" between them are one decimal, as said aloud
    r"(\d{1,3}\s+(?:point|comma)\s+\d{1,2}\b|\d{1,3}(?: \d{3})+(?![\d.,])|\d+(?:[.,]\d+)*|"
    + numwords.PATTERN
    + r")"
)
"""A value in digits ("3.4", "20,000", "1,2": a comma before exactly three digits groups
thousands, any other comma is a decimal comma) or in words ("three point four")."""
_MULT = r"(?:\s*(k\b|thousand\b|lakhs?\b))?"
"""A multiplier after the value; "lakh" (100,000, wave 7) as Indian lab reports write counts:
"PLT 0.8 lakh/cumm" is 80,000 per microlitre, 80 x 10^9/L."""
_UNIT = (
    # wave 10 (h9021): "0.45 x 10^11/L", "4.5 x 10^10/L" as some reports write platelets
    # wave 17 (h14055 "Platelet count 92 10*9/L"): the power written without its "x", as some
    # apps print it; the caret or star and the "/L" must be there
    r"(10\s*(?:\^|\*\*?)\s*(?:9|1[012])\s*/\s*l|"
    r"[x×*]\s*10\s*(?:\^|\*\*?|e)?\s*1[012]\s*/?\s*l|[x×*]\s*10\s*(?:\^|\*\*?|e)?\s*9\s*/?\s*l|x\s*10e9\s*/?\s*l|g/l|"
    # "x 10^3/µL", and (wave 8) "9.5 x 10^4/uL", "1.2 x 10^5/µL": powers of ten per microlitre
    r"[x×*]?\s*10\s*(?:\^|\*\*?|e)?\s*[345]\s*/\s*(?:[µu]l|mm3|cmm)|/\s*[µu]l|"
    r"per\s*(?:micro\s*lit(?:re|er)|microlit(?:re|er)|µl|ul|cubic\s*mm|mm3)|/\s*mm3|/\s*cmm)?"
)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b\.?"
_DATE_OF_VALUE = r"\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTH
"""A date before a lab value ("1 Nov", "19th June"): no value itself (wave 21)."""
_LAB_VALUE = re.compile(
    r"\s*(?:count|level|value|is|was|are|were|of|at|about|around|only|now|today|normal|low|"
    r"down to|just|came back as|came back|(?:has |have )?come back|came in|returned|measured|"
    r"measuring|showed|"
    r"shows|showing|reads?|reported|results?|tested|levels|dropped to|fell to|rose to|went up to|"
    r"went down to|roughly|approximately|approx|between|[:=(~'’\")]|\s|"
    # wave 8: filler and reporters ("INR was like 2.3", "bang on 3", "the haematologist said
    # about 85 thousand")
    r"like|bang on|spot on|right on|exactly|precisely|said|says|"
    r",?\s*(?:the|my|her|his|their)\s+(?:doctor|dr|gp|haematologist|hematologist|oncologist|"
    r"nurse|consultant|specialist|lab|hospital)\s+(?:said|says|told (?:me|her|him|us|them))|"
    # a habitual value (wave 6): "INR is usually around 2.5", "normally sits at 2.8"
    r"usually|normally|typically|generally|stable at|runs at|runs around|sits at|sits around|"
    # wave 21 (h20038 "INR history: 1 Nov 4.2, 15 Nov 3.8, today 2.6"): a history, trend or
    # readings heading, and the date a value is given on, stand before it
    r"history|readings?|trend|record|" + _DATE_OF_VALUE + r"|"
    # wave 23 (h22003 "PLT .... 38 x10*9/L (L)"): a lab report row's dot leaders, pipes and a
    # low/high flag before the value ("PLT | (L) | 38") stand between the name and its value
    r"\.{2,}|…+|\||\((?:l|h|low|high|ll|hh)\)\s*\*?|"
    # wave 22 (h21012 "my number is 'way high, five-ish'"): how high or low it is, said before
    # the value ("way high, five-ish", "too high at 4.8", "sky high - 6"); the value is read
    r"(?:(?:way|very|really|too|sky|super|quite|a\s+bit|a\s+little|dangerously|far)\s+)?"
    r"(?:high|higher|up)\b\s*[,-]?|"
    # a bound (wave 6): "<50", "under 20", "below 1.0", "INR >5", "less than 50,000"
    r"<=?|>=?|≤|≥|under|below|less than|lower than|more than|greater than|higher than|above|"
    r"over|at most|at least|up to)*\s*"
    + _VALUE_NUM
    # wave 9: the number is read whole ("ANC 2.2 day 14" is no ANC 2 before ".2 day")
    + r"(?![.,]?\d)"
    + _MULT
    + r"(?:\s*(?:-|to|or|and)\s*"
    + _VALUE_NUM
    + _MULT
    + r")?"
    # wave 22: "five-ish" (folded "five ish"), "4ish": the value said loosely is the value
    + r"(?:\s?ish\b)?\s*"
    + _UNIT
    + r"(?!\s*(?:weeks?|wks?|days?|months?|years?|hours?|hrs?|cycles?|times|sessions?|doses?|"
    # wave 8: a dose after a reporter ("my doctor said 2 paracetamol") is no lab value
    r"mg|mcg|ml|tablets?|pills?|capsules?|paracetamol|aspirin|ibuprofen)\b)"
)
"""A lab value after its name; a range ("between 40 and 50", "40-50k", "2.5 to 3") is read
whole and its cautious end used (:func:`_cautious`): the lower count, the higher INR. A number
followed by a time word ("platelets 2 weeks ago were 30") is not the value."""
_LAB_LIMITS = {"platelets": 2000.0, "anc": 100.0, "inr": 20.0}
_PER_MICROLITRE_FROM = {"platelets": 1000.0, "anc": 100.0}


@dataclass(frozen=True)
class Weeks:
    value: int
    start: int
    end: int


@dataclass(frozen=True)
class LabValue:
    lab: str
    value: float
    start: int
    end: int
    role: str = "only"
    """``only`` (one value of this lab), ``latest`` (the most recent of several: it decides),
    ``earlier`` (an older one: shown, not screened), ``cautious`` (order unclear: the most
    cautious value decides) or ``set_aside`` (order unclear, a less cautious value)."""
    detail: tuple[tuple[str, object], ...] = ()


_SCAN_WEEKS = [
    # wave 17 (h14046 "early pregnancy unit, scan says 9 weeks", p12002 "the midwife ... said
    # baby is measuring well for 33 wks"): the weeks a dating scan or the baby's growth gives,
    # read only when the question tells a pregnancy (_PREGNANCY_TOLD)
    re.compile(
        r"\b(?:scan|ultrasound|u/?s|sonographer|dating)\s+(?:\w+\s+){0,2}?(?:says?|said|showed|"
        r"shows?|showing|puts?\s+(?:me|her|us|baby|the baby)\s+at|dated\s+(?:me|her|us|baby|"
        r"the baby)\s+at|measured|confirmed|was|is|at)\s+(?:about\s+|around\s+|roughly\s+|"
        r"exactly\s+|just\s+|nearly\s+|almost\s+|over\s+)?"
        + _NUM
        + r"\s*(?:weeks?|wks?)\b(?!\s*(?:ago|post|after|since|old|of (?:physio|treatment|"
        r"sessions?|pain|healing))\b)"
    ),
    re.compile(
        r"\b(?:baby|bump|fetus|foetus|she|he|it)\s+(?:is\s+|['’]s\s+|was\s+)?"
        r"(?:measuring|growing|sized?)\s+(?:well\s+|fine\s+|right\s+|about\s+|around\s+|"
        r"spot on\s+|bang on\s+|perfectly\s+|small\s+|big\s+|large\s+)*(?:for\s+|at\s+|like\s+)?"
        + _NUM
        + r"\s*(?:weeks?|wks?)\b(?!\s*(?:ago|post|after|since|old)\b)"
    ),
]
_PREGNANCY_TOLD = re.compile(
    r"\b(?:pregnan\w*|antenatal|ante natal|prenatal|midwife|midwives|early pregnancy unit|epu|"
    r"expecting|obstetric\w*|maternity|my baby|the baby|baby is|bump)\b"
)


def find_weeks(folded: str, problems: list[str]) -> list[Weeks]:
    """The first pregnancy week count the folded question gives (at most one); every count
    out of range is reported."""
    out: list[Weeks] = []
    patterns = _WEEKS + (_SCAN_WEEKS if _PREGNANCY_TOLD.search(folded) else [])
    for pattern in patterns:
        for m in pattern.finditer(folded):
            weeks = _number(m.group(1))
            if weeks is None or not 0 <= weeks <= 42:
                problems.append(f"pregnancy weeks {m.group(1)!r} not between 0 and 42")
                continue
            if not out:
                out.append(Weeks(int(weeks), m.start(), m.end()))
    return out


_NUMERIC_DATE = re.compile(
    # wave 23b (h23025 "Plt trend | 01/11: 38 | 15/11: 61", h23039 "Bloods 2026-12-01: PLT 57",
    # h23105 "INR 2.6 (05/12)"): a date in digits, ISO (year-month-day), day/month/year or
    # day/month, is when a value was taken, never a value, an age or a dose
    r"(?<![\w./^-])(?:((?:19|20)\d\d)[-/.](\d{1,2})[-/.](\d{1,2})|"
    r"(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)?\d\d)|(\d{1,2})/(\d{1,2}))(?![\w./^-]|\s*/)"
)


@dataclass(frozen=True)
class NumericDate:
    start: int
    end: int
    readings: tuple[tuple[int, int, int], ...]
    """The (year, month, day) it can mean: day/month first, month/day when that is a date
    too and the day/month reading is not; year 0 when none is written."""


def numeric_dates(folded: str) -> list[NumericDate]:
    """The dates written in digits in ``folded`` (:data:`_NUMERIC_DATE`). A day/month pair
    must be a calendar date (day 1-31, month 1-12): "28/40" (weeks of 40), "3/52" (weeks of
    52) and "7/10" (a pain score) are kept out by the caller's context, "7/10" only by its
    reading as a date of 7 October when no lab value stands there."""
    out: list[NumericDate] = []
    for m in _NUMERIC_DATE.finditer(folded):
        if m.group(1):
            y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
            pairs = [(y, mo, d)]
        else:
            day_first = (4, 5) if m.group(4) else (7, 8)
            a, b = int(m.group(day_first[0])), int(m.group(day_first[1]))
            raw_year = m.group(6)
            y = 0 if raw_year is None else int(raw_year) + (2000 if len(raw_year) == 2 else 0)
            pairs = [(y, b, a), (y, a, b)]
        valid = tuple(p for p in pairs if 1 <= p[1] <= 12 and 1 <= p[2] <= 31)
        if valid:
            out.append(NumericDate(m.start(), m.end(), valid))
    return out


def _dates_blanked(folded: str) -> str:
    """``folded`` with every numeric date (:func:`numeric_dates`) made spaces of its length,
    so offsets hold and no date's digits read as a lab value."""
    chars = list(folded)
    for d in numeric_dates(folded):
        chars[d.start : d.end] = " " * (d.end - d.start)
    return "".join(chars)


def dashes_kept(folded: str, text: str) -> str:
    """``folded`` with the dash of a numeric range put back (:func:`_dashed`) and numeric
    dates blanked (:func:`_dates_blanked`): a date dates a value, it is none."""
    return _dates_blanked(_dashed(folded, text))


def _dashed(folded: str, text: str) -> str:
    """``folded`` with the dash of a numeric range put back ("40-50k": folding made it a
    space), so a range reads as one; the dash of "forty-five" stays a space."""
    chars = list(folded)
    for m in re.finditer(r"(?<=[\dkK])\s*([-–])\s*(?=\d)", text):
        chars[m.start(1)] = "-"
    # wave 9: a spaced dash after a number separates it from what follows ("ANC 2.2 - day 14":
    # the day is no unit of 2.2), and a dash joining a number to letters makes one name ("5-FU",
    # "6-MP": no value of any lab)
    for m in re.finditer(r"(?<=\d)(?:\s+([-–])\s+|([-])(?=[a-zA-Z]))", text):
        i = m.start(1) if m.group(1) else m.start(2)
        chars[i] = "-"
    return "".join(chars)


def find_labs(folded: str, text: str, problems: list[str]) -> list[LabValue]:
    """Platelets, ANC and INR right after their names, with their units; every value of each
    (a range gives its cautious end), in order. :func:`latest_values` then says which decides."""
    folded = dashes_kept(folded, text)
    out: list[LabValue] = []
    for lab, names in _lab_names(folded).items():
        for m in re.finditer(r"\b(?:" + names + r")\b", folded):
            if lab == "anc" and node_clearance(folded, m.start(), m.end()):
                continue
            v = _LAB_VALUE.match(folded, m.end())
            # the value stands close to the name: within 40 characters, or (wave 8) a longer value
            # after a short lead ("count came back at a hundred and sixty thousand")
            if v is None or (v.end() - m.end() > 40 and v.start(1) - m.end() > 48):
                continue
            if re.fullmatch(r"(?:19|20)\d\d", v.group(1)) and not v.group(5):
                continue  # "R ANC 2020": a year, not a count
            words = text[m.start() : v.end()].strip()
            value = _lab_value(lab, v.group(1), v.group(2) or v.group(4), v.group(5))
            detail: tuple[tuple[str, object], ...] = ()
            if v.group(3):
                # "40-50k", "20k-30": a multiplier on either end holds for both
                other = _lab_value(lab, v.group(3), v.group(4) or v.group(2), v.group(5))
                if value is not None and other is not None:
                    detail = (("range", (min(value, other), max(value, other))),)
                    value = _cautious(lab, [value, other])
            if value is None or not 0 <= value <= _LAB_LIMITS[lab]:
                problems.append(f"{lab} value {v.group(1)!r} in {words!r} is not usable")
                continue
            bound = _BOUND.search(folded, m.end(), v.start(1))
            if bound is not None and (
                _RULE_AFTER.match(folded, v.end()) or _RULE_BEFORE.search(folded[: m.start()])
            ):
                continue  # "platelets above 100 is the clinic's rule": a threshold, no value
            if bound is not None:
                value, detail = _bounded(lab, value, bound.group(0), detail)
            out.append(LabValue(lab, value, m.start(), v.end(), detail=detail))
    out += _white_count_bounds(folded, problems)
    return sorted(out, key=lambda v: v.start)


_WHITE_COUNT = re.compile(
    r"\b(?:wbc|wcc|white\s+(?:blood\s+)?(?:cell\s+)?(?:cells?|count)|leu[ck]ocytes?|"
    r"leu[ck]ocyte\s+count)\b"
)
WHITE_COUNT_BOUND = "at most the white count: the neutrophils are part of it, none was given"


def _white_count_bounds(folded: str, problems: list[str]) -> list[LabValue]:
    """A white count given without any neutrophil count, read as the neutrophils' upper bound.

    Wave 17 (p12020 "my white cells are 'one point two, a bit low'" on chemo). Reading rule,
    clinic policy: the neutrophils are one part of the total white count, so the absolute
    neutrophil count is at most the white count (ANC = WBC x neutrophil fraction); a white count
    below the clinic's highest neutrophil threshold (``anc_modify_below``/``anc_defer_below`` in
    data/policy/clinic.yaml) therefore puts the neutrophils below it too, and is read as the ANC,
    its cautious end. A higher white count says nothing about the neutrophils and is not read
    (the screen then sees no neutrophil count, as before). Not when the neutrophils are named
    anywhere in the question: their own count decides."""
    if re.search(r"\b(?:" + _LAB_NAMES["anc"] + r")\b", folded):
        return []
    out: list[LabValue] = []
    for m in _WHITE_COUNT.finditer(folded):
        v = _LAB_VALUE.match(folded, m.end())
        if v is None or (v.end() - m.end() > 40 and v.start(1) - m.end() > 48):
            continue
        if re.fullmatch(r"(?:19|20)\d\d", v.group(1)) and not v.group(5):
            continue
        value = _lab_value("anc", v.group(1), v.group(2) or v.group(4), v.group(5))
        if v.group(3):
            other = _lab_value("anc", v.group(3), v.group(4) or v.group(2), v.group(5))
            if value is not None and other is not None:
                value = min(value, other)
        if value is None or not 0 <= value <= _LAB_LIMITS["anc"]:
            problems.append(f"white count {v.group(1)!r} is not usable")
            continue
        bound = _BOUND.search(folded, m.end(), v.start(1))
        if bound is not None and not bound.group(0).startswith(_BELOW):
            continue  # "white count over 1": no upper bound on the neutrophils
        if value >= _neutrophil_threshold():
            continue
        detail = (("white_count", value), ("bound", WHITE_COUNT_BOUND))
        out.append(LabValue("anc", value, m.start(), v.end(), detail=detail))
    return out[:1]


def _neutrophil_threshold() -> float:
    """The highest neutrophil threshold of the clinic policy in force."""
    from acupath.care.policy import load_policy  # care imports nothing of answer's

    policy = load_policy()
    return max(policy.value("anc_modify_below"), policy.value("anc_defer_below"))


_SIDE_BEFORE = re.compile(r"\b(?:left|right|l|r|lt|rt|bilateral|bilat|both)\s*\.?\s*(?:sided\s+)?$")
_AXILLA_AFTER = re.compile(
    # wave 23b (h23071 "L mastectomy + ANC (axillary clearance, 18 nodes)"): the expansion in
    # brackets after it, or a clearance, dissection or count of nodes, names the operation
    r"\s*[(\[]?\s*(?:(?:of|to|on|in)\s+)?(?:the\s+|her\s+|his\s+|my\s+)?(?:left|right|l|r|lt|rt)?\s*"
    r"(?:axilla|axillary|armpit|arm\b|nodes?\b|side\b|clearance\b|dissection\b|lymph\b|"
    r"\d{1,2}\s*(?:/\s*\d{1,2}\s*)?(?:lymph\s+)?nodes?\b)"
)
_SURGERY_BEFORE = re.compile(
    # wave 23b (h23071): "ANC" joined to a breast operation before it ("mastectomy + ANC",
    # "WLE and ANC", "SLNB then ANC") is the axillary node clearance done with it
    r"\b(?:mastectomy|lumpectomy|wle|wide local excision|slnb|snb|sentinel (?:lymph )?node "
    r"biopsy|breast (?:surgery|conserving surgery)|bcs)\s*(?:\+|&|and|with|plus|then|followed by|"
    r",)\s*(?:(?:l|r|left|right)\s+)?$"
)


def node_clearance(folded: str, start: int, end: int) -> bool:
    """Whether "ANC" at ``folded[start:end]`` is an axillary node clearance, not the neutrophil
    count: a side word right before it ("Left ANC", "R ANC"), a breast operation joined to it
    ("mastectomy + ANC") or the axilla, a clearance or its nodes right after it ("ANC of the
    left axilla", "ANC (axillary clearance, 18 nodes)"). A number alone after it stays the
    count ("ANC 0.6", "ANC (1.2)")."""
    return (
        bool(_SIDE_BEFORE.search(folded[max(0, start - 12) : start]))
        or bool(_SURGERY_BEFORE.search(folded[max(0, start - 40) : start]))
        or bool(_AXILLA_AFTER.match(folded, end))
    )


_BOUND = re.compile(
    r"<=?|>=?|≤|≥|\b(?:under|below|less than|lower than|more than|greater than|higher than|"
    r"above|over|at most|at least|up to)\b"
)
_RULE_AFTER = re.compile(r"\s*(?:is|are|was|were|should|must|would|will|means?|counts?|as a|for)\b")
_RULE_BEFORE = re.compile(
    r"\b(?:if|when|unless|whether|threshold|cut\s*off|needs?|must|should|rule|policy|keep)"
    r"\s+(?:\w+\s+){0,3}$"
)
_BELOW = ("<", "≤", "under", "below", "less", "lower", "at most", "up to")
_BOUND_STEP = {"platelets": 0.1, "anc": 0.01, "inr": 0.1}
"""How far past a bound a value is read: one step of the precision counts are reported in."""


def _bounded(
    lab: str, value: float, word: str, detail: tuple[tuple[str, object], ...]
) -> tuple[float, tuple[tuple[str, object], ...]]:
    """A value given as a bound (wave 6). A count "below 50" is under 50 and an INR "above 3"
    over 3, so the screen's strict thresholds ("deferred below 50") must see it past the bound:
    it is read one reporting step beyond (49.9, 3.1). A bound on the other side ("platelets
    over 100", "INR under 2") is read at the bound itself, its cautious end."""
    below = word.startswith(_BELOW)
    step = _BOUND_STEP[lab]
    if lab == "inr" and not below:
        value = round(value + step, 2)
    elif lab != "inr" and below:
        value = round(max(0.0, value - step), 2)
    return value, (*detail, ("bound", f"{'below' if below else 'above'} the stated value"))


def _cautious(lab: str, values: list[float]) -> float:
    """The value that calls for more caution: the higher INR, the lower count."""
    return max(values) if lab == "inr" else min(values)


def _number(raw: str) -> float | None:
    return _parse_number(raw)


def _parse_number(raw: str) -> float | None:
    """``20,000`` -> 20000; ``0,4`` -> 0.4; ``1.2`` -> 1.2; ``three point four`` -> 3.4."""
    raw = raw.strip()
    if raw[:1].isalpha():
        return numwords.value(raw)
    # wave 17: "2 comma 8", the decimal comma said aloud, as "2 point 8"
    spoken = re.fullmatch(r"(\d+)\s+(?:point|comma)\s+(\d+)", raw)
    if spoken:
        return float(f"{spoken.group(1)}.{spoken.group(2)}")
    if re.fullmatch(r"\d{1,3}(?: \d{3})+", raw):
        return float(raw.replace(" ", ""))  # "65 000": a space groups thousands
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", raw):
        return float(raw.replace(",", ""))
    try:
        return float(raw.replace(",", "."))
    except ValueError:
        return None


def _lab_value(lab: str, raw: str, thousand: str | None, unit: str | None) -> float | None:
    """A lab value in acupath's units (10^9/L for counts, ratio for INR)."""
    value = _parse_number(raw)
    if value is None or lab == "inr":
        return value
    if thousand and thousand.startswith("lakh"):
        return value * 100  # 1 lakh per microlitre = 100 x 10^9/L
    if thousand:
        return value  # "20k" platelets = 20,000 per microlitre = 20 x 10^9/L
    per_litre = re.search(r"10\s*(?:\^|\*\*?|e)?\s*(1[012])\s*/?\s*l", unit or "")
    if per_litre:
        # "0.095 x 10^12/L" = 95 x 10^9/L (wave 8); "0.45 x 10^11/L" = 45, "4.5 x 10^10/L" =
        # 45 (wave 10): 10^n per litre is 10^(n-9) x 10^9/L
        return round(value * 10.0 ** (int(per_litre.group(1)) - 9), 6)
    power = re.search(r"10\s*(?:\^|\*\*?|e)?\s*([345])\s*/", unit or "")
    if power:
        # "45 x 10^3/µL" = 45,000 per microlitre = 45 x 10^9/L; "9.5 x 10^4/µL" = 95,000 per
        # microlitre = 95 x 10^9/L (wave 8): 10^n per microlitre is 10^(n-3) x 10^9/L
        return round(value * 10.0 ** (int(power.group(1)) - 3), 6)
    if unit and ("l" in unit and ("µ" in unit or "u" in unit or "micro" in unit)):
        return value / 1000 if value >= 1 else value
    if unit and ("mm" in unit or "cmm" in unit):
        return value / 1000
    if value >= _PER_MICROLITRE_FROM[lab]:
        return value / 1000  # a count written per microlitre
    return value


def fmt(value: float) -> str:
    return f"{value:g}"


FEVER_FROM_C = 38.0
"""A measured temperature at or above 38.0 °C (100.4 °F) is read as fever: the usual clinical
definition, applied here as a conservative reading rule (a lower reading is read as no fever)."""

_TEMPERATURE = re.compile(
    # "t" is a name after a title ("Mr T is 88", wave 7), never a temperature
    r"\b(?:temperature|temp|temps|fever|pyrexia|febrile|(?<!mr )(?<!mrs )(?<!ms )(?<!dr )"
    r"(?<!miss )(?<!mx )t)\b"
    r"(?:\s*(?:of|is|was|at|around|about|up to|reached|spiking to|spiked to|went up to|"
    r"measured|measuring|came back at|[:=(~]))*"
    r"\s*(\d{2,3}(?:[.,]\d)?)\s*(°|º|degrees?|deg)?\s*(c\b|f\b|celsius|centigrade|fahrenheit)?"
)
_TEMPERATURE_READ = re.compile(
    # a reading without the word temperature (wave 6): "she measured 38.6", "spiked 39.2 last
    # night", "thermometer said 38,4"; a decimal in the body range only, never a length or weight
    r"\b(?:measured|spiked(?:\s+to)?|ran|running|reading|hit|thermometer\s+(?:said|says|showed|"
    r"shows|read|reads)|"
    # wave 18 (held-out part 16 h16057 "3 days into chemo cycle 4 and I'm 38.6 and shaking"): a
    # person said to be a body-range decimal, which no age or weight is
    r"i\s*['’]?m|i\s+am|(?:she|he)\s*['’]?s|(?:she|he)\s+is|(?:she|he)\s+was|i\s+was)"
    r"\s+(?:a\s+|at\s+|now\s+|still\s+)?(\d{2}[.,]\d)\s*(°|º|degrees?|deg)?\s*"
    r"(c\b|f\b|celsius|centigrade|fahrenheit)?(?!\s*(?:cm|mm|kg|kilos?|lbs?|pounds|%|ml|km|miles|years?|yrs?|yo\b|y/o|weeks?|wks?|months?|st\b|stone))"
)
_SAID_TO_BE = re.compile(
    # a person named by a noun or a name and said to be a body-range decimal (after the final
    # review of waves 17-18): "Hubby is 38.9 tonight", "Mum was 39.2 this morning", "Dad's been
    # 38.7 all day". The word before the copula is checked by ``_MEASURE_SUBJECT``, since "BMI is
    # 38.5" or "haematocrit was 38.5" is no temperature.
    r"(?:\s+(?:is|was|has\s+been|had\s+been|been|is\s+still|was\s+still)|['’]s(?:\s+been)?)"
    r"\s+(?:a\s+|at\s+|now\s+|still\s+|running\s+(?:at\s+)?)?(\d{2}[.,]\d)\s*(°|º|degrees?|deg)?\s*"
    r"(c\b|f\b|celsius|centigrade|fahrenheit)?(?![\d.,])"
    r"(?!\s*(?:cm|mm|kg|kilos?|lbs?|pounds|%|ml|km|miles|years?|yrs?|yo\b|y/o|weeks?|wks?|"
    r"months?|days?|hours?|hrs?|mins?|minutes|st\b|stone|inch(?:es)?|in\b|ft\b|feet|mg|mcg|"
    r"mmol|g\b|g/l|u\b|units|iu\b|secs?|seconds|s\b|percent|points?|/))"
)
_HAS_TEMP = re.compile(
    # wave 19 (p13062 "tonight she has 38.4 and shivers"): a body-range decimal someone has, had
    # or got, or wakes with, said beside shivers, rigors, chills or sweats (_FEVER_SIGN, in the
    # same sentence) is a measured temperature; the units and measure words of _SAID_TO_BE after
    # it make it none ("has 38.5 kg", "had 38.5 hours")
    r"\b(?:has|had|have|got|gotten|with|having|running)\s+(?:a\s+|got\s+|now\s+|still\s+|"
    r"about\s+|around\s+|over\s+)?(\d{2}[.,]\d)\s*(°|º|degrees?|deg)?\s*"
    + _SAID_TO_BE.pattern[_SAID_TO_BE.pattern.index(r"(c\b|f\b") :]
)
_FEVER_SIGN = re.compile(
    r"\b(?:shiver\w*|rigou?rs?|chills?|chilly|sweats?|sweating|sweaty|shaking|shakes|"
    r"trembling|teeth chattering|hot and cold)\b"
)
_SUBJECT_WORD = re.compile(r"([a-z0-9]+)\s*$")
_MEASURE_WORDS = (
    # measurements and scores whose values can fall between 35 and 42.5: never a temperature
    "bmi weight score scores level levels inr hb hgb haemoglobin hemoglobin count platelets plts "
    "plt albumin hct haematocrit hematocrit pcv aptt ptt index a1c hba1c glucose sugar sugars bp "
    "pressure value result results number figure size waist hips chest length height dose age "
    "vas nrs odi oswestry womac rating grade percent percentage sats saturation pulse rate crp "
    "esr psa vitamin ferritin egfr gfr creatinine iron calcium potassium sodium cholesterol time "
    "week weeks gestation mark marks total neutrophils anc wbc wcc lymphocytes mcv mch mchc "
    "ca125 ca cea tsh t4 urea bilirubin lactate phosphate magnesium ldl hdl price cost fee"
)
_MEASURE_SUBJECT = frozenset(_MEASURE_WORDS.split())
"""Words that, said to "be" a decimal, name a measurement other than body temperature."""
_RANGE_TOP = re.compile(
    r"(?:\s*(?:-|–|to)\s*(\d{2,3}(?:[.,]\d)?)|\s*(\d{2}[.,]\d)(?![\d.,]))\s*"
    r"(?:°|º|degrees?|deg)?\s*(c\b|f\b|celsius|centigrade|fahrenheit)?"
)
"""The top of a temperature range after its first reading (wave 9, h8119): "37.9-38.3",
"99 to 101 F", or two decimal readings side by side once folding has taken the dash out."""
_NO_FEVER = re.compile(
    r"\b(?:afebrile|apyrexial|normal temperature|temperature (?:is |was )?normal)\b"
)


@dataclass(frozen=True)
class Temperature:
    celsius: float | None  # None: stated normal in words ("afebrile")
    fever: bool
    start: int
    end: int


def _said_of_a_person(folded: str, copula: int) -> bool:
    """Whether the word before a copula names someone rather than a measurement."""
    subject = _SUBJECT_WORD.search(folded, 0, copula)
    return subject is not None and subject.group(1) not in _MEASURE_SUBJECT


def find_temperatures(folded: str) -> list[Temperature]:
    """Measured body temperatures (converted to °C; above 45 read as °F unless °C is written)
    and words that state there is no fever."""
    out: list[Temperature] = []
    plain = [(m, False) for m in _TEMPERATURE.finditer(folded)]
    read = [(m, True) for m in _TEMPERATURE_READ.finditer(folded)]
    read += [
        (m, True) for m in _SAID_TO_BE.finditer(folded) if _said_of_a_person(folded, m.start())
    ]
    for m in _HAS_TEMP.finditer(folded):
        start = max(folded.rfind(c, 0, m.start()) for c in ".;?!\n")
        ends = [i for c in ".;?!\n" if (i := folded.find(c, m.end())) >= 0]
        if _FEVER_SIGN.search(folded, start + 1, min(ends) if ends else len(folded)):
            read.append((m, True))
    for m, bare in [*plain, *read]:
        value = _parse_number(m.group(1))
        unit = (m.group(3) or "").lower()
        if value is None:
            continue
        upper = _RANGE_TOP.match(folded, m.end())
        top = _parse_number(upper.group(1) or upper.group(2)) if upper is not None else None
        if upper is not None and top is not None:
            value = max(value, top)  # a range ("temp 37.9-38.3") is read by its highest reading
            unit = unit or (upper.group(3) or "").lower()
        if bare and not unit and not 35 <= value <= 42.5:
            continue  # without a unit only a body-range decimal is a temperature
        if unit.startswith("f") or (not unit.startswith("c") and value > 45):
            value = (value - 32) * 5 / 9
        if not 30 <= value <= 45:
            continue  # not a body temperature ("T 12" is not one)
        out.append(Temperature(round(value, 1), value >= FEVER_FROM_C, m.start(), m.end()))
    for m in _NO_FEVER.finditer(folded):
        out.append(Temperature(None, False, m.start(), m.end()))
    return out


# -- lab values in sentence form (wave 4) --------------------------------------------------------

_LINK_WINDOW = 90
"""How far (characters) after an analyte's name its value may follow (about 15 words)."""
_ANAPHOR = re.compile(
    r"\b(?:they|they['’]?re|theyre|it|it['’]?s|its|the count|her count|his count|their count|"
    r"the level|the result|the number|count|level|levels|result|results|number|numbers)\b"
)
_OPENS_WITH_ANAPHOR = re.compile(
    r"\s*(?:and\s+|but\s+|so\s+)?(?:it|it['’]?s|its|they|they['’]?re|theyre|the (?:result|"
    r"count|level|number|reading))\s+(?:was|were|is|are|came back|read|showed)\b"
)
_NUMBER_AT = re.compile(
    # wave 10 (h9012): or a decimal said aloud ("(the INR thing) was two point eight")
    # wave 11 (h10047): digits said aloud with "point" between them ("said 4 point 8")
    r"(?<![\w.,/^])(\d{1,3}\s+(?:point|comma)\s+\d{1,2}\b|\d+(?:[.,]\d+)*|\b"
    + numwords.SPOKEN_DECIMAL
    # wave 20 (held-out part 19 h19021 "low platelets - her last count was twenty-three"): a
    # whole number in words from ten up ("twenty three", "a hundred and sixty"); "one", "two"
    # alone are too often no value ("one of the nurses said")
    + r"|\b(?=(?:"
    + "|".join([*numwords.TEENS, *numwords.TENS])
    + r")\b|(?:a|one|two|three|four|five|six|seven|eight|nine)\s+(?:hundred|thousand)\b)(?:"
    + numwords.PATTERN
    + r"))"
)
_THRESHOLD_BEFORE = re.compile(
    r"(?:under|below|over|above|beneath|less than|more than|greater than|lower than|higher than|"
    r"fewer than|<|>|≤|≥|=<|>=|threshold|cut\s*off|cutoff|limit|at least|at most|minimum|"
    r"maximum|target|goal|range|aim|aiming for|between|if)\s*(?:of\s*|is\s*|about\s*)?$"
)
_NOT_VALUE_BEFORE = re.compile(
    r"(?:\bday|\bdays|\bcycle|\bcycles|\bweek|\bweeks|\bsince|\bin|\bon|\baged?|\bage of|\bfor|"
    r"\bdose|\bmg|\bx|\bno\.|#|\bafter|\bbefore|\bevery|\bround|\bsession|\bgrade|\bstage|"
    r"\bbed|\broom|\bward|\bv|\btype|\bversion)\s*$"
)
_NOT_VALUE_AFTER = re.compile(
    r"\s*(?:mg|mcg|µg|ug|g\b|ml|mls|units?|iu|tablets?|pills?|doses?|weeks?|wks?|w\b|days?|"
    # wave 8: a count of a medicine taken ("said 2 paracetamol a day") is a dose
    r"paracetamol|aspirin|ibuprofen|painkillers?|capsules?|puffs?|sachets?|patches?|"
    r"d\b|months?|mos?\b|years?|yrs?|y\s*/\s*o|yo\b|y\b|hours?|hrs?|h\b|minutes?|mins?|times|"
    r"x\b|cycles?|sessions?|visits?|%|percent|am\b|pm\b|st\b|nd\b|rd\b|th\b|kg|lbs?|stone|cm|"
    r"mm\b|°|degrees?|c\b|f\b|bpm|mmhg|january|february|march|april|may|june|july|august|"
    r"september|october|november|december|jan\b|feb\b|mar\b|apr\b|jun\b|jul\b|aug\b|sept?\b|"
    r"oct\b|nov\b|dec\b|/\s*10\b|/\s*40\b|out of|-?\s*year|-?\s*week|-?\s*day)"
)
_OTHER_MEASURE = re.compile(
    r"\b(?:temperature|temp|weight|weighs|aged?|bp|blood pressure|hb|haemoglobin|hemoglobin|"
    r"wbc|white cells?|white count|creatinine|egfr|potassium|sodium|glucose|sugar|crp|score|"
    r"pain|heart rate|pulse|sats|oxygen|psa|ca ?125|inr|platelets?|plts?|anc|neutrophils?|"
    r"she is|he is|she['’]s|he['’]s|i['’]m|im|years|weeks|months)\b"
)
_UNIT_AFTER = re.compile(
    r"\s*(k\b|thousand\b)?\s*(x\s*10\s*\^?\s*9\s*/?\s*l|×\s*10\s*\^?\s*9\s*/?\s*l|"
    r"x\s*10e9\s*/?\s*l|g/l|/\s*[µu]l|per\s*(?:micro\s*lit(?:re|er)|microlit(?:re|er)|µl|ul|"
    r"cubic\s*mm|mm3)|/\s*mm3|/\s*cmm)?"
)
_SENTENCE_MARK = re.compile(r"[.;?!](?!\d)")
_AGO_AFTER = re.compile(r"\s*(?:days?|weeks?|wks?|months?|years?|yrs?)\s+ago\b")
_AGO = re.compile(r"\b\d+\s*(?:days?|weeks?|wks?|months?|years?|yrs?)\s+ago\b")
"""A time ago after a lab's name ("platelets low 5 years ago, 250 now") is passed over, and
its unit word is no other measure (wave 8)."""


def find_linked_labs(
    folded: str,
    text: str,
    problems: list[str],
    have: set[str],
    taken: list[tuple[int, int]],
) -> list[LabValue]:
    """Lab values that follow their analyte later in the sentence ("her platelet count has
    dropped to 45", "platelets on Monday were 85") or in the next one through a word that
    refers back ("Her platelets have been low. Right now they're 120").

    Rules (each rejection has a negative test): the value is the first number after the name
    that is not a threshold ("drop under 50", "above 100", "if ... 50"), not a dose, duration,
    age, date, count of cycles or a week of pregnancy (a unit or a date word next to it, or a
    span ``taken`` by another reading); no other measure or analyte stands between the name and
    the number; across a sentence end, a word that refers back ("they", "it", "the count") must
    introduce the number. ``have`` lists the labs already read (each lab is read once).
    """
    out: list[LabValue] = []
    for lab, names in _lab_names(folded).items():
        if lab in have:
            continue
        for m in re.finditer(r"\b(?:" + names + r")\b", folded):
            if lab == "anc" and node_clearance(folded, m.start(), m.end()):
                continue
            found = _linked_value(folded, m.end(), taken)
            if found is None:
                continue
            _, _, raw, unit_end, thousand, unit = found
            value = _lab_value(lab, raw, thousand, unit)
            words = text[m.start() : unit_end].strip()
            if value is None or not 0 <= value <= _LAB_LIMITS[lab]:
                problems.append(f"{lab} value {raw!r} in {words!r} is not usable")
                continue
            out.append(LabValue(lab, value, m.start(), unit_end))
            break
    return out


def _linked_value(
    folded: str, pos: int, taken: list[tuple[int, int]]
) -> tuple[int, int, str, int, str | None, str | None] | None:
    limit = min(len(folded), pos + _LINK_WINDOW)
    ends = [s.start() for s in _SENTENCE_MARK.finditer(folded, pos, limit)]
    if len(ends) == 1 and _OPENS_WITH_ANAPHOR.match(folded, ends[0] + 1):
        # wave 23 (h22075 "my INR is normal, I've never been on blood thinners, I just had it
        # tested before a minor op. it was 1.0"): the next sentence opens by referring back, so
        # it is read to its end however long the first sentence ran
        nxt = _SENTENCE_MARK.search(folded, ends[0] + 1)
        limit = min(len(folded), nxt.start() if nxt else len(folded), ends[0] + _LINK_WINDOW)
        ends = ends + ([nxt.start()] if nxt else [])
    if len(ends) >= 2:
        limit = ends[1]  # the same sentence and the next one, no further
    for n in _NUMBER_AT.finditer(folded, pos, limit):
        start, end = n.start(), n.end()
        between = folded[pos:start]
        if _AGO_AFTER.match(folded, end):
            continue  # "low platelets in pregnancy 5 years ago ... (250 now)": a time (wave 8)
        if any(a < end and start < b for a, b in taken):
            return None  # an age, weeks, a temperature: the sentence moved on
        if _THRESHOLD_BEFORE.search(between):
            continue  # a threshold, not a value: a later number may still be the value
        if _NOT_VALUE_BEFORE.search(between) or _NOT_VALUE_AFTER.match(folded, end):
            return None
        if re.fullmatch(r"(?:19|20)\d\d", n.group(1)):
            return None  # a year
        crossed = [e for e in ends if e < start]
        if crossed:
            after = folded[crossed[-1] + 1 : start]
            if not _ANAPHOR.search(after):
                return None
            between = folded[pos : crossed[0]]
        if _OTHER_MEASURE.search(_AGO.sub(" ", folded[pos:start])) and not crossed:
            return None
        if crossed and _OTHER_MEASURE.search(_AGO.sub(" ", folded[crossed[-1] + 1 : start])):
            return None
        u = _UNIT_AFTER.match(folded, end)
        assert u is not None  # every group is optional
        return (
            start,
            end,
            n.group(1),
            u.end() if u.group(0).strip() else end,
            u.group(1),
            u.group(2),
        )
    return None


# -- several values of one lab: which decides (wave 5) -------------------------------------------

_REPEAT_OPENS = re.compile(
    r"\s*(?:(?:a|the|on)\s+)?(?:repeat(?:ed)?|re\s?check(?:ed)?|re\s?tested|follow\s?up|latest|"
    r"today|now|this morning|since then)\b"
)
_REPEAT_IN = re.compile(
    # wave 23 (h22047 "INR was 4.6 on Monday; dose adjusted, repeat today 2.5", h22058 "Plt 65
    # at admission; on recount with citrate tube (clumping) true count 182"): a repeat, recount
    # or corrected value a few words into the next sentence continues the series
    r"^\W*(?:[\w']+\W+){0,4}?(?:repeat(?:ed)?|re\s?check(?:ed)?|re\s?test(?:ed)?|"
    r"re\s?count(?:ed)?|re\s?run|re\s?do(?:ne)?|true count|corrected(?: count| value)?)\b"
)
_REDONE = re.compile(
    r"\b(?:repeat(?:ed)?|re\s?check(?:ed)?|re\s?test(?:ed)?|re\s?count(?:ed)?|re\s?run|"
    r"re\s?done|true count|true value|corrected)\b"
)
_RECENT_COUNT = re.compile(
    # a later sentence that gives today's value of the same test (wave 6): "...; treatment
    # finished in 2024 and today's count is 240", "...; normal ever since (230 last month)"
    # wave 17 (p12021 "... no sorry, that was 2019 - this week's count is 38"): this week's,
    # this morning's or yesterday's count is today's as well
    r"\b(?:today['’]?s|todays|latest|current|most recent|newest|this (?:week|morning|afternoon|"
    r"month)['’]?s|yesterday['’]?s)\s+(?:count|level|result|value|"
    r"reading|test|bloods?)\b|\b(?:count|level|result|reading)\s+(?:is\s+|was\s+)?"
    r"(?:now|today)\b|\bever since\b|\bsince then\b"
)
_COUNT_ANAPHOR = re.compile(
    # "...; she has knee pain and her count now is 25": the count named again by a pronoun
    # phrase right before the value is the same test, whatever stood between (wave 6)
    r"\b(?:her|his|their|my|the|your)\s+(?:platelet\s+)?(?:count|level|result|reading)s?\s+"
    r"(?:(?:is|was|has|now|today|currently|dropped|fallen|fell|gone|come|down|up|to|at|of|just|"
    r"only)\s+){0,4}$"
)
_SERIES_WINDOW = 110
"""How far (characters) after a value a later value of the same lab may follow, in the same
sentence ("platelets dipped to 80 last week, right now 120")."""
_ANY_NUMBER = re.compile(
    r"(?<![\w.,/^])(\d+(?:[.,]\d+)*)(?![.,]?\d|-[a-z])|\b(" + numwords.PATTERN + r")"
)
_ANALYTE = re.compile(
    r"\b(?:temperature|temp|weight|weighs|bp|blood pressure|hb|haemoglobin|hemoglobin|wbc|"
    r"white cells?|white count|creatinine|egfr|potassium|sodium|glucose|sugar|crp|score|pain|"
    r"heart rate|pulse|sats|oxygen|psa|ca ?125|inr|platelets?|plts?|platelet count|anc|"
    r"neutrophils?|neuts|aged?|she is|he is|she['’]s|he['’]s|i['’]m)\b"
)
_THRESHOLD_AFTER = re.compile(
    r"(?:k\b|thousand\b)?\s*(?:\+|or (?:more|above|higher|over|less|below|lower|under)\b|"
    r"and (?:above|over|below|under)\b|cut\s*off|cutoff|threshold|limit|is (?:safe|ok|fine|"
    r"enough|too low|too high))"
)
_REFERENCE_OPENS = re.compile(
    r"\s*[(\[|]\s*(?:(?:ref(?:erence)?\.?|normal|nr|rr)\s*(?:range|interval)?\s*[:=]?\s*)?"
)
"""What opens a reference range after a lab value: a bracket, perhaps "ref" or "normal";
or (wave 23b, h23032 "| PLT | 150 | 150-400 |") the next cell of a results table's row."""
_REFERENCE_RANGE = re.compile(r"\s*(?:-|–|to|\s)\s*\d+(?:[.,]\d+)*\s*(?:[)\]|]|$)", re.MULTILINE)
"""The rest of a range after its first number, to the bracket or table cell that closes it
("0.8-1.2)", folded "0.8 1.2)"; "150-400 |", a range cell ending its row)."""
_RANGE_REST = re.compile(r"\s*(?:-|–|to|and)\s*\d+(?:[.,]\d+)*")
_BREAK = re.compile(r"[,;(]|\b(?:but|and|then|while|whereas|though|although)\b|\s-\s")
_RECENT = re.compile(
    r"\b(?:now|nowadays|today|todays|today['’]s|currently|current|at present|presently|latest|"
    r"most recent|this morning|this afternoon|this week|just now|as of today|ever since|"
    r"since then)\b"
)
_YEAR_DATED = re.compile(
    r"\b(?:in|from|since|back in|during)\s+(?:early\s+|late\s+|mid\s*-?\s*)?(?:19|20)\d\d\b|"
    r"\b(?:years? ago|during (?:her |his |my |the )?(?:chemo\w*|treatment|radiotherapy))\b|"
    # wave 9: "3 yrs ago", "5 years back", "last year" date a value as long as a year does
    r"\b(?:years?|yrs?)\s+(?:ago|back)\b|\blast year\b|"
    # wave 19 (h17093 "ANC 0.4 in October during R-CHOP ..., ANC 3.2 on last week's count"): a
    # value dated by a month or a season, or by a stay in hospital, is older than one dated a few
    # days or weeks back
    r"\b(?:in|back in|during|over)\s+(?:the\s+)?(?:january|february|march|april|may|june|july|"
    r"august|september|october|november|december|spring|summer|autumn|fall)\b|"
    r"\bwhen (?:i|she|he|they|we) (?:was|were) in hospital\b"
)
_NORMAL_SINCE = re.compile(
    # wave 19 (p13083 "platelets were low last year (about 90) but they have been normal at every
    # test since", h17079 "dropped to 30 ... in the summer but they've been over 200 every test
    # since September"): counts said to have been normal, or over a bound, at every test since
    # an earlier value make that value an earlier one: the latest value decides (docs/ask.md,
    # the series rule); a bound "over 200" is read at the bound, as _bounded reads it
    r"\b(?:they|it|the counts?|counts?|levels?|bloods?|results?|platelets?|neutrophils?|inr|anc)"
    r"\s*(?:['’]ve|['’]s|have|has)?\s*(?:been|come back|gone back|stayed|remained|returned|"
    r"recovered|settled|gone up)\s+(?:\w+\s+){0,2}?(?:(normal|fine|ok|okay|good|healthy|in range|"
    r"within range|on target|in target)|(?:over|above|more than)\s+(\d+(?:[.,]\d+)?))\b"
    r"[^.;!?]{0,40}?\b(?:ever since|since|every (?:test|check|time|count|blood test)|each (?:test|"
    r"check|time)|all (?:my |the |her |his )?(?:tests|checks))\b"
)
_VALUE_NOW = re.compile(
    r"\b(?:now|today|todays|currently|yesterday|last night|this morning|this week|last week|"
    r"days? ago)\b"
)
_NEAR_PAST = re.compile(
    r"\b(?:last (?:week|month|fortnight)|(?:a|one|two|three|\d+) (?:days?|weeks?|months?) ago|"
    r"this (?:week|month)|recently|ever since|since then|"
    # wave 19: a weekday dates a value within the week
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
)
_YESTERDAY = re.compile(r"\b(?:yesterday|last night)\b")
_EARLIER = re.compile(
    r"\b(?:was|were|used to be|previously|earlier|before|initially|originally|at first|"
    r"ago|last (?:week|month|cycle|time|year|visit|check|test)|at (?:the )?nadir|nadir|"
    # a habitual value is a baseline, not the latest reading ("usually around 2.5"; wave 6)
    r"usually|normally|typically|generally|tends to|tend to|runs at|runs around|stable at|"
    r"on average|as a rule|most of the time|"
    r"at diagnosis|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)['’]?s?|before (?:the|her|his|"
    r"my) (?:last )?cycle|baseline|at baseline|in (?:january|february|march|april|may|june|july|"
    r"august|september|october|november|december))\b"
)
_CHANGE = re.compile(
    r"\b(?:recovered|recovering|rose|risen|rising|climbed|improved|came up|come up|went up|"
    r"gone up|back up|back to|bounced back|up to|increased|dropped|dropping|fell|fallen|"
    r"dipped|went down|gone down|came down|down to|decreased|then|since then|now)\b"
)
"""A word that a later value follows ("was 120, then dropped to 45", "recovered to 1.8")."""


def with_series(
    folded: str, text: str, values: list[LabValue], taken: list[tuple[int, int]]
) -> list[LabValue]:
    """Every value of each lab, each with its role (see :class:`LabValue`).

    A lab name may be followed, later in its sentence, by more values of the same lab:
    "platelets dipped to 80 last week, right now 120", "INR was 4.1 on Monday, 2.6 today",
    "ANC 0.4 at nadir, recovered to 1.8". The value that decides is, in order: the only one
    whose clause says it is current ("now", "today", "currently", "latest"; "yesterday" beside
    older dates); else the last one a change word leads to ("then dropped to 45", "recovered
    to 1.8"); else the only one whose clause does not call it earlier ("was", "last week",
    "at nadir", "on Monday"); else, with the order unclear, the most cautious value (the lowest
    count, the highest INR), and the answer says it used that one.
    """
    dates = numeric_dates(_dashed(folded, text))
    folded = dashes_kept(folded, text)
    notes = [(m.start(), m.end()) for m in _NOTE_DURATION.finditer(text.lower())]
    found = list(values)
    dated = frozenset(d.start for d in dates)
    for v in values:
        have = [(o.start, o.end) for o in found]
        found += _later_values(folded, v, taken, have, notes, dated)
    for lab in dict.fromkeys(v.lab for v in values):
        last = max((v for v in found if v.lab == lab), key=lambda v: v.end)
        today = _after_supposed(folded, last, taken)
        if today is not None:
            found.append(today)
    found.sort(key=lambda v: v.start)
    out: list[LabValue] = []
    for lab in dict.fromkeys(v.lab for v in found):
        series = [v for v in found if v.lab == lab]
        if lab == "inr" and len(series) == 1 and _long_ago(_clause(folded, series, 0)):
            v = series[0]
            out.append(LabValue(v.lab, v.value, v.start, v.end, "earlier", v.detail))
            continue
        out += _normal_since(folded, lab, _roles(folded, lab, series, dates))
    return sorted(out, key=lambda v: v.start)


_LONG_AGO = re.compile(
    r"\b(?:years?|yrs?)\s+(?:ago|back|before)\b|\blast year\b|"
    r"(?:\b(?:in|back in|during|from)\s+|\()(?:(?:early|late|mid)\s+)?"
    r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+)?"
    r"((?:19|20)\d\d)\b"
)


def _long_ago(clause: str) -> bool:
    """Whether the clause of an INR's only value dates it a year or more back and nothing in it
    calls it current (wave 23b, h23136 "Years ago (March 2021) my INR went up to 5.6 and they
    held my warfarin ... take nothing now"): a value of years ago says what the blood was then,
    not now, so it is shown as an earlier value and not screened; INR only, which measures a
    vitamin K antagonist's effect at the time (a lone old platelet count stays read, the
    cautious reading, as test_w6_lead_wordings expects) (the series rule of
    docs/ask.md: the latest value decides, and this one is not the latest). A year written is
    one before this one; "since 2021" dates how long, not when, and is no cue."""
    if _RECENT.search(clause):
        return False
    this_year = datetime.date.today().year
    for m in _LONG_AGO.finditer(clause):
        if m.group(1) is None or int(m.group(1)) < this_year:
            return True
    return False


def _normal_since(folded: str, lab: str, series: list[LabValue]) -> list[LabValue]:
    """The series with its deciding value made an earlier one when the question says, after
    it, that the counts have been normal (or over a bound) since (:data:`_NORMAL_SINCE`); the
    value must be dated in the past ("last year", "in the summer") and not today or this week."""
    deciding = [v for v in series if v.role in ("only", "latest", "cautious")]
    if len(deciding) != 1:
        return series
    v = deciding[0]
    if v is not series[-1]:
        return series
    ends = [m.start() for m in _SENTENCE_MARK.finditer(folded, v.end)]
    m = _NORMAL_SINCE.search(folded, v.end, ends[1] if len(ends) > 1 else len(folded))
    clause = _clause(folded, series, len(series) - 1)
    if (
        m is None
        or _VALUE_NOW.search(clause)
        or not (_YEAR_DATED.search(clause) or _EARLIER.search(clause))
    ):
        return series
    bound = _number(m.group(2)) if m.group(2) else None
    if bound is not None and (lab == "inr" or not 0 <= bound <= _LAB_LIMITS[lab]):
        return series  # an INR "over 3" since is no normal INR
    out = [replace(x, role="earlier") if x is v else x for x in series]
    if bound is not None:
        out.append(LabValue(lab, bound, m.start(2), m.end(2), "latest", (("follows", v.start),)))
    return out


# wave 20 (h18082 "Plt 0.9 x 10^11/L on last FBC, off chemo 6/52"): a duration in clinical note
# notation (N/52 weeks; N/12 months and N/7 days beside a word of time, as those may be dates)
# is no later value of the lab (timing.py reads the same notation, wave 7)
_NOTE_DURATION = re.compile(
    r"(?<![\d/.])\d{1,2}\s*/\s*52(?![\d/])|"
    r"\b(?:off|for|since|after|over|past|last|x)\s+\d{1,2}\s*/\s*(?:7|12)(?![\d/])|"
    r"(?<![\d/.])\d{1,2}\s*/\s*(?:7|12)(?![\d/])(?=\s*(?:ago|post|hx|history|back)\b)"
)


def _later_values(
    folded: str,
    first: LabValue,
    taken: list[tuple[int, int]],
    have: list[tuple[int, int]],
    notes: Sequence[tuple[int, int]] = (),
    dated: frozenset[int] = frozenset(),
) -> list[LabValue]:
    out: list[LabValue] = []
    pos = first.end
    ends = [s.start() for s in _SENTENCE_MARK.finditer(folded, pos)]
    nxt = folded[ends[0] + 1 : ends[1] if len(ends) > 1 else len(folded)] if ends else ""
    lead = len(nxt) - len(nxt.lstrip()) if ends else 0
    opens_dated = bool(ends) and any(ends[0] < d <= ends[0] + 1 + lead for d in dated)
    if ends and (
        _REPEAT_OPENS.match(folded, ends[0] + 1)
        or _RECENT_COUNT.search(nxt)
        or _REPEAT_IN.search(nxt)
        # wave 23b ("Platelets 12/03: 140; 02/04: 40"): a next sentence that opens with a
        # date in digits gives the next reading of the series
        or opens_dated
    ):
        # "38 x10^9/L a fortnight ago; repeat today 112": a repeat test opens the next
        # sentence, which continues the series (wave 6)
        ends = ends[1:]
    limit = min(len(folded), pos + _SERIES_WINDOW, ends[0] if ends else len(folded))
    skip_to = 0
    for n in _ANY_NUMBER.finditer(folded, pos, limit):
        start, end = n.start(), n.end()
        raw = n.group(1) or n.group(2)
        if any(a < end and start < b for a, b in [*taken, *have]):
            break  # an age, weeks, a temperature or a value read already: the sentence moved on
        if any(a <= start < b for a, b in notes):
            continue  # "off chemo 6/52": a duration in note notation
        if re.match(r"(?:st|nd|rd|th)?\s+" + _MONTH, folded[end:]):
            continue  # "15 Nov 3.8": the date of the next value (wave 21)
        between = folded[pos:start]
        if _ANALYTE.search(between) and not _COUNT_ANAPHOR.search(between):
            break  # another measure (or the lab named again, read on its own) stands between
        if start < skip_to or re.search(r"\d\s$", folded[max(0, start - 2) : start]):
            continue  # the far end of a threshold range, or "65 000" grouped by a space
        u = _UNIT_AFTER.match(folded, end)
        assert u is not None  # every group is optional
        ref = _REFERENCE_RANGE.match(folded, end)
        if ref is not None and _REFERENCE_OPENS.fullmatch(between):
            # wave 15 (h12037 "INR 1.1 (0.8-1.2)"): the bracketed range after a value is the
            # laboratory's reference range, printed beside every result: no reading
            skip_to = ref.end()
            continue
        if _THRESHOLD_BEFORE.search(between):
            # "target 2.5-3.5": neither end of a threshold range is a value
            r = _RANGE_REST.match(folded, end)
            skip_to = r.end() if r else end
            continue
        if (
            _THRESHOLD_AFTER.match(folded, end)
            or _NOT_VALUE_BEFORE.search(between)
            or (not u.group(2) and _NOT_VALUE_AFTER.match(folded, end))
            or re.fullmatch(r"(?:19|20)\d\d", raw)
            or raw.strip() == "one"  # "which one", "one of them": not a value
        ):
            continue
        value = _lab_value(first.lab, raw, u.group(1), u.group(2))
        if value is None or not 0 <= value <= _LAB_LIMITS[first.lab]:
            continue
        stop = u.end() if u.group(0).strip() else end
        out.append(LabValue(first.lab, value, start, stop, detail=(("follows", first.start),)))
        pos = stop
    return out


_SUPPOSED_SENTENCE = re.compile(
    r"\b(?:if|what if|suppose|supposing|say|were|would|should|in case)\b"
)
_TODAY_IT = re.compile(
    # "Today it's 2.4", "This morning it is 3.1", "Now they're 140": today's reading named by a
    # pronoun that refers back to the lab
    r"\s*(?:today|now|this morning|this afternoon|currently|at the moment|right now)\s*,?\s*"
    r"(?:it['’]?s|it is|it was|its|they['’]?re|they are|they were|theyre)\s+"
    r"(?:only\s+|just\s+|about\s+|around\s+|at\s+)?(\d+(?:[.,]\d+)?)(?![.,]?\d)"
)


def _after_supposed(folded: str, last: LabValue, taken: list[tuple[int, int]]) -> LabValue | None:
    """Today's value given after a supposed one (wave 9, probe 9: "My INR is usually 2.5.
    What would happen if it went up to 4? Today it's 2.4"): the sentence after the value
    supposes ("if", "what if", "would", "suppose") and is passed over, with its number; the
    sentence after it opens with a word of now and a pronoun for the lab ("Today it's 2.4",
    "Now they're 140"). Only that form is read: another subject ("Today I'm 45", "Today the
    pain is 7") is no value of the lab."""
    ends = [s.start() for s in _SENTENCE_MARK.finditer(folded, last.end)]
    if len(ends) < 2:
        return None
    supposed = folded[ends[0] + 1 : ends[1]]
    if not _SUPPOSED_SENTENCE.search(supposed):
        return None
    m = _TODAY_IT.match(folded, ends[1] + 1)
    if m is None or any(a < m.end(1) and m.start(1) < b for a, b in taken):
        return None
    value = _lab_value(last.lab, m.group(1), None, None)
    if value is None or not 0 <= value <= _LAB_LIMITS[last.lab]:
        return None
    return LabValue(last.lab, value, m.start(1), m.end(1), detail=(("follows", last.start),))


def _clause(folded: str, series: list[LabValue], i: int) -> str:
    """The words around value ``i`` that belong to it: from the break before it (or the
    value before) to the break after it (or the next value)."""
    v = series[i]
    lo = series[i - 1].end if i else max(0, v.start - 60)
    hi = series[i + 1].start if i + 1 < len(series) else min(len(folded), v.end + 60)
    ends = [m.start() for m in _SENTENCE_MARK.finditer(folded, v.end, hi)]
    hi = ends[0] if ends else hi
    starts = [m.end() for m in _SENTENCE_MARK.finditer(folded, lo, v.start)]
    lo = starts[-1] if starts else lo
    before = [m.start() for m in _BREAK.finditer(folded, lo, v.start)]
    after = [m.start() for m in _BREAK.finditer(folded, v.end, hi)]
    left = before[-1] if before else lo
    return folded[left : after[0] if after else hi]


_DAYS_AGO = re.compile(
    r"\b(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|couple of|few)\s+"
    r"(days?|weeks?|wks?|months?|years?|yrs?)\s+(?:ago|back|before)\b"
)
_DATED_DAYS = (
    (re.compile(r"\b(?:today|todays|this morning|this afternoon|now|right now)\b"), 0),
    (re.compile(r"\b(?:yesterday|last night)\b"), 1),
    (
        re.compile(
            r"\b(?:on |last |this )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
            r"(?:['’]?s)?\b|\bthis week\b"
        ),
        5,
    ),
    (re.compile(r"\blast week\b"), 7),
    (re.compile(r"\blast fortnight\b|\ba fortnight ago\b"), 14),
    (re.compile(r"\b(?:last|this) month\b"), 30),
    (re.compile(r"\blast year\b|\b(?:in|during|back in) (?:19|20)\d\d\b"), 365),
)
_AGO_UNIT = {"d": 1, "w": 7, "m": 30, "y": 365}


def _age_days(clause: str) -> int | None:
    """How many days ago a clause dates its value, roughly (wave 18): "today" 0, "yesterday"
    1, a weekday within the week, "last week" 7, "last month" 30, "3 weeks ago" 21; None when
    the clause dates nothing or dates it twice."""
    found = [days for pattern, days in _DATED_DAYS if pattern.search(clause)]
    for m in _DAYS_AGO.finditer(clause):
        raw = m.group(1)
        named = {"a": 1, "an": 1, "couple of": 2, "few": 3}
        n = int(raw) if raw.isdigit() else named.get(raw) or int(numwords.value(raw) or 1)
        found.append(n * _AGO_UNIT[m.group(2)[0]])
    return found[0] if len(found) == 1 else None


def _dated_latest(series: list[LabValue], dates: Sequence[NumericDate]) -> list[int]:
    """The index of the latest value when every value of the series has its own numeric date
    before it, since the value before (wave 23b, h23025 "01/11: 38 | 15/11: 61 | 29/11: 112",
    h23039 "2026-12-01: PLT 57; 2026-12-04: PLT 47"); a day/month that could be read either
    way decides only when both readings order the values alike. Else none."""
    lows = [series[i - 1].end if i else max(0, v.start - 40) for i, v in enumerate(series)]
    own: list[NumericDate] = []
    for i, v in enumerate(series):
        near = [d for d in dates if lows[i] <= d.start and d.end < v.end]
        if not near:
            return []
        own.append(near[-1])
    orders = set()
    for k in range(max(len(d.readings) for d in own)):
        keys = [d.readings[min(k, len(d.readings) - 1)] for d in own]
        if len(set(keys)) < len(keys):
            return []  # two values on one date: no order
        orders.add(max(range(len(keys)), key=lambda j: keys[j]))
    return list(orders) if len(orders) == 1 else []


def _roles(
    folded: str, lab: str, series: list[LabValue], dates: Sequence[NumericDate] = ()
) -> list[LabValue]:
    if len(series) == 1:
        return series
    clauses = [_clause(folded, series, i) for i in range(len(series))]
    recent = _dated_latest(series, dates)
    if not recent:
        recent = [i for i, c in enumerate(clauses) if _RECENT.search(c)]
    if len(recent) != 1:
        yesterday = [i for i, c in enumerate(clauses) if _YESTERDAY.search(c)]
        older = [i for i, c in enumerate(clauses) if _EARLIER.search(c)]
        recent = yesterday if len(yesterday) == 1 and older and not recent else []
    if not recent:
        # "40 during chemo in 2019 ... 230 last month": a value dated by a year, or by a past
        # treatment, is older than one dated a few days, weeks or months back (wave 6)
        dated = [i for i, c in enumerate(clauses) if _YEAR_DATED.search(c)]
        near = [i for i, c in enumerate(clauses) if _NEAR_PAST.search(c) and i not in dated]
        if dated and len(near) == 1:
            recent = near
    if not recent:
        # wave 18 (h15043 "Last month my INR shot up to 4.1 ..., it was 2.6 on Tuesday"): every
        # value dated, the one dated nearest to today is the latest
        ages = [_age_days(c) for c in clauses]
        if all(a is not None for a in ages):
            known = [a for a in ages if a is not None]
            nearest = min(known)
            if known.count(nearest) == 1:
                recent = [known.index(nearest)]
    if not recent:
        # wave 23 (h22058 "Plt 65 at admission; on recount ... true count 182"): a repeated,
        # recounted or corrected value replaces the one before it
        redone = [i for i, c in enumerate(clauses) if i and _REDONE.search(c)]
        recent = redone[-1:]
    if not recent:
        changed = [i for i, c in enumerate(clauses) if i and _CHANGE.search(c)]
        recent = changed[-1:]
    if not recent:
        not_earlier = [i for i, c in enumerate(clauses) if not _EARLIER.search(c)]
        recent = not_earlier if len(not_earlier) == 1 else []
    if recent:
        chosen, role, other = recent[0], "latest", "earlier"
    else:
        pick = _cautious(lab, [v.value for v in series])
        chosen = next(i for i, v in enumerate(series) if v.value == pick)
        role, other = "cautious", "set_aside"
    return [
        LabValue(v.lab, v.value, v.start, v.end, role if i == chosen else other, v.detail)
        for i, v in enumerate(series)
    ]


# -- CD4 count (wave 5) -------------------------------------------------------------------------

CD4_AIDS_BELOW = 200.0
"""A CD4 count under 200 cells/µL in a person with HIV meets the AIDS case definition (stage 3)
whatever the symptoms: read as the screen's ``immunosuppression`` red flag. Read 2026-12-03 in
a stored copy of Tulane Cancer Center's "AIDS-associated cancers" page
(https://medicine.tulane.edu/tulane-doctors/tulane-cancer-center/aids-associated-cancers:
"AIDS is diagnosed when a person infected with HIV has a CD4 count of less than 200
cells/mm3"), the CDC/WHO definition; a reading rule a clinic may change."""
_CD4 = re.compile(
    r"\bcd\s*4\+?\s*(?:t\s*cells?\s*)?(?:count|cells?|level)?\s*(?:is|was|of|at|=|:|now|only|"
    r"down to|dropped to|around|about|came back at|came back as|came back|came in at|"
    r"\s)*\s*(\d+(?:[.,]\d+)?|" + numwords.PATTERN + r")"
)


@dataclass(frozen=True)
class Cd4:
    value: float  # cells per microlitre
    start: int
    end: int


def find_cd4(folded: str) -> list[Cd4]:
    """CD4 counts in cells/µL ("CD4 is 90", "cd4 count of 150", "CD4 ninety"); a value under 5
    is read as 10^9/L and multiplied by 1,000 ("CD4 0.15")."""
    out = []
    for m in _CD4.finditer(folded):
        value = _parse_number(m.group(1))
        if value is None:
            continue
        # wave 20 (h18069 "CD4 count one hundred and sixty cells/mm3"): a count in number words
        # too; a small whole word is no count ("CD4 is one of the tests", "a CD4 count and two
        # other tests"), a spoken decimal is 10^9/L as its digits are
        if not m.group(1)[0].isdigit() and value < 5 and "point" not in m.group(1):
            continue
        if value < 5:
            value *= 1000
        out.append(Cd4(value, m.start(), m.end()))
    return out
