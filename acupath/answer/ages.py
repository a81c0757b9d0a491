"""Ages in a question, including ages written as a bare number ("my mum is 81", "Mrs K, 66",
"72F", "M 45", "he's 9").

A small grammar rather than a list of phrasings. An age is a number (digits, or number words
such as "seventy-three") in one of four frames:

1. number + age words: "81-year-old", "81 years old", "81 years of age", "81yo", "81 y/o";
2. ``age``/``aged`` + number: "aged 9", "age: 42";
3. a person + a link + number, where the person is a relation ("my mum", "dad"), a person word
   ("girl", "a boy of 10"), a title and a name ("Mrs K", "Mr Jones") or a pronoun with a
   copula ("he's", "I am"); the link is a copula ("is", "'s", "turned", "is nearly"), a comma,
   a bracket or nothing at all for nouns ("pt 77");
4. a sex letter next to the number, as clinical notes write it: "72F", "58 F", "M 71", "F/48".

In frames 2 and 3 the word after the number must not make it a count, a duration or a measure:
"is 2 weeks post-op", "10 sessions", "6 foot", "100%", "1 of 4", "5 years out" (``years``
counts only with "old" or "of age"). Those words, the person words and titles are data
(``people`` in ``data/answer/patient.yaml``). Numbers elsewhere ("grade 3", "INR 3", "20k
platelets", "week 12") match no frame, because none of them follows a person.

Wave 5 adds ages given without an exact number (:func:`AgeGrammar.approximate`): a decade
owned by a person ("in her 80s", "in his late seventies", "mid-sixties" after a person,
"in their early 40s": the decade plus 2 for early, 5 for plain or mid, 8 for late, so
"in her 80s" is 85 and "in his early 60s" 62), the Latin decade words ("octogenarian" 85,
"nonagenarian" 95, ...), ages in months or weeks of a baby ("a 3-month-old", "18 months
old": completed years, 0 and 1) and a birth year ("born in 1950": this year minus the birth
year, the age reached this year, against the date passed in). A decade needs its owner
("her", "his", "their", "my", "your"): "in the 80s" is a decade of the century. US grades
("10th grade") are left out: the UK and US systems differ by a year. A school year of England
and Wales after a copula or a verb of starting ("my son is in Year 9") is an age since wave
17 (Year N: N+4), never "year 2 of my PhD" or "year 9 of the trial". A number after
"turned"/"turns" is an age even when "in June" follows ("turned 90 in June").
"""

from __future__ import annotations

import datetime
import functools
import re
from dataclasses import dataclass

from acupath.answer.lexicon import PatientWords, patient_words
from acupath.answer.numwords import TEENS, TENS, UNITS

# the number words are numwords' (one table for ages, labs and weeks); no age is "zero"
_UNITS = {word: n for word, n in UNITS.items() if n}
_TEENS = TEENS
_TENS = TENS
_WORD_NUMBER = (
    r"(?:(?:" + "|".join(_TENS) + r")(?:\s+(?:" + "|".join(_UNITS) + r"))?"
    r"|" + "|".join(_TEENS) + r"|" + "|".join(_UNITS) + r")"
    # wave 20 (h8041 "they're tension headaches" read as 10): a number word ends at the
    # word's end, never inside a longer word ("tension", "tendon", "tenacious")
    r"(?![a-z])"
)
_NUM = r"(?P<n>\d{1,3}|" + _WORD_NUMBER + r")(?![\w.,]\d)"
_AGE_WORDS = re.compile(
    # wave 10 (h9034): a half or a decimal of a year is no age of its own and is dropped
    # ("Seventeen-and-a-half year old", "17.5 years old": completed years, 17)
    r"(?<![\d.,])\b(?P<n>\d{1,3}|" + _WORD_NUMBER + r")(?:\.\d(?!\d)|\s+and\s+a\s+half|\s*½)?"
    r"(?![\w.,]\d)"
    r"\s*(?:(?:years?|yrs?|yr|y)\s*(?:old\b|of\s+age\b)|yo\b|y/o\b|y\.o\.?|y\s+o\b)"
)
_AGED = re.compile(r"\b(?:aged?)\s*[:=]?\s*" + _NUM + r"\b")
_AT_AN_EVENT = re.compile(
    # wave 7: "appendicectomy aged 12", "tonsillectomy at age 7", "broke his wrist aged 10",
    # "diagnosed at the age of 6": the age when something happened, not the age now
    # (a preposition just before "aged", or an event word earlier in the same clause)
    r"\b(?:at|since|from|until|till|before|after|by|when|in)\s+(?:the\s+)?$"
    # (at most four words between, none of them a person: "man with asthma aged 70" is 70)
    r"|\b(?:\w+(?:ectomy|otomy|ostomy|plasty|pexy)|surgery|operation|op|diagnosed|diagnosis|dx|"
    r"fracture[ds]?|broke|broken|injur(?:ed|y)|accident|removed|repaired|started|began|onset|"
    r"had|fell|fall)\b(?:\s+(?!(?:man|woman|lady|gentleman|pt|patient|girl|boy|he|she|male|"
    r"female|client)\b)[^\s,;.:()]+){0,4}\s+$"
    # wave 19 (h17107 "leukaemia as a child (age 6)"): an age told of one's childhood or youth
    r"|\b(?:as\s+an?\s+(?:child|kid|baby|infant|toddler|teen|teenager|youngster|boy|girl|"
    r"schoolboy|schoolgirl)|in\s+(?:my|his|her|their)?\s*(?:childhood|infancy|youth|teens)|"
    r"when\s+(?:i|he|she|they)\s+(?:was|were)\s+(?:little|young|small))\s*[,(]?\s*$"
)
_PAST_AGE = re.compile(
    # wave 11 (h10019): "when I was 12 years old", "back when he was 7": the age when something
    # happened, a past age, not the age now (blocks every frame over the same number)
    r"\b(?:when|since|until|till|after|before)\s+(?:i|he|she|they|we|you)\s+(?:was|were)\s+"
    r"(?:only\s+|just\s+|about\s+|around\s+|aged?\s+)?" + _NUM
)
_AGE_OF = re.compile(r"\b(?:at|since|from|until|till|before|after|by)\s+the\s+age\s+of\s+" + _NUM)
_FIGURE = re.compile(r"(?:\blike|\bas\s+if|\bas\s+though|\bfeel(?:s|ing)?)\s+$")
"""Before a pronoun age, a simile: "aches like I'm 90", "moves as if she's 100" (wave 7)."""
_FOREIGN = re.compile(
    # wave 7: "Paciente de 55 años", "patiente de 64 ans", "58 Jahre alt", "di 47 anni", "tiene
    # 80 años"; a duration ("desde hace 5 años", "depuis 10 ans", "de 3 años de evolución") is none
    r"(?<!hace )(?<!depuis )(?<!durante )(?<!desde )"
    r"\b(?:de|di|tiene|tengo|tem|tenho|ha|ho|ai|a|j['’]ai|il a|elle a)\s+(?P<n>\d{1,3})\s*"
    r"(?:años|anos|ans|anni)\b(?!\s+(?:de\s+(?:evoluci|duraci)|d['’]évolution))"
    r"|\b(?P<n2>\d{1,3})\s*(?:jahre\s+alt|jährige?[nrs]?\b|años\s+de\s+edad)"
)
_SEX_AFTER = re.compile(r"\b(?P<n>\d{1,3})(?:\s?(?P<s>[MF])|(?P<s2>[mf])|\s?/\s?(?P<s3>[MFmf]))\b")
_SEX_BEFORE = re.compile(r"\b(?P<s>[MF])(?:\s|\s?[/,]\s?)(?P<n>\d{1,3})\b")
_COPULA = r"(?:(?:who\s+is|who['’]s|is|am|are)\s+)"
_ADVERBS = (
    r"(?:(?:now|nearly|almost|about|around|just|only|turning|turned|turns|aged?|will|"
    r"about\s+to|going\s+to|turn|hit|hits|reached)\s+)*"
)
_TURNING = re.compile(r"\bturn(?:ing|s)?\s+$")
"""Wave 12 (p10095): "turning 50 next year", "turns 80 next week", "about to turn 70": a
birthday still to come, so the age now is one less (completed years, as every age here)."""
_BARE_TURNING = re.compile(
    r"(?:^|[.;!?]\s+)(?:and\s+|but\s+)?turning\s+(?P<n>\d{2,3})\b"
    r"(?=\s+(?:next|this|in|soon|tomorrow|on)\b)"
)
_TO_COME_TAIL = (
    # a birthday still to come, the time right after the age (wave 21)
    r"(?=\s+(?:next\s+(?:week|month|year|birthday|spring|summer|autumn|winter|monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday)|tomorrow|on\s+(?:the\s+\d{1,2}(?:st|nd|rd|th)?|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day)|in\s+(?:a|an|one|two|three|four|five|six|"
    r"a\s+few|a\s+couple\s+of|\d{1,2})\s+(?:days?|weeks?|months?)|this\s+coming\s+[a-z]+|"
    r"later\s+this\s+(?:week|month|year))\b)"
)
_NOT_A_SMALL_WORD_AGE = {"one"}
"""Number words read as an age only from two up ("she is one tough lady" is no age of one)."""


_DECADE_WORDS = {
    "teens": 10, "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
    "seventies": 70, "eighties": 80, "nineties": 90,
}  # fmt: skip
_PART_OFFSET = {"early": 2, "mid": 5, "middle": 5, "late": 8, "": 5}
_LATIN = {
    "quinquagenarian": 55, "sexagenarian": 65, "septuagenarian": 75, "octogenarian": 85,
    "nonagenarian": 95, "centenarian": 100,
}  # fmt: skip
_OWNER = r"(?:her|his|their|my|your|our)"
_DECADE = (
    r"(?:(?P<part>early|mid|middle|late)\s*)?"
    r"(?:(?P<dec>[1-9]0)\s*['’]?\s*s\b|(?P<decw>" + "|".join(_DECADE_WORDS) + r")\b)"
)
_IN_DECADE = re.compile(r"\bin\s+" + _OWNER + r"\s+" + _DECADE)
_BARE_DECADE = re.compile(
    r"(?:^|[,(:]\s*)(?P<part>early|mid|middle|late)\s*"
    r"(?:(?P<dec>[1-9]0)\s*['’]?\s*s\b|(?P<decw>" + "|".join(_DECADE_WORDS) + r")\b)"
)
"""A decade with its part after a comma or bracket: "Mum, mid-sixties, ..." (no owner word
needed: "early", "mid" or "late" before a decade is an age only of a person)."""
_LATIN_RE = re.compile(r"\b(?P<w>" + "|".join(_LATIN) + r")s?\b")
_VAGUE_DECADE = re.compile(
    r"\b(?:(?P<dec>[2-9]0)|(?P<decw>twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety))"
    r"\s*-?\s*(?:something|ish)\b"
    r"(?!\s*(?:sessions?|times|mg|kg|minutes?|mins?|hours?|hrs?|patients?|people|percent|units?|"
    r"needles?|points?|days?|weeks?|months?|lbs?|pounds?|miles?|quid|euros?|dollars?))"
)
"""A decade told loosely ("'ninety-something'", "eighty-ish", "70 something"; wave 23b, h23057):
the middle of the decade, the same reading as a bare decade ("in her nineties"); a count of
things after it ("twenty-something sessions") is no age."""
_VALUE_BEFORE_DECADE = re.compile(
    r"\b(?:platelets?|plts?|inr|neut\w*|hb|ha?emoglobin|counts?|levels?|temp\w*|bp|pressure|"
    r"pulse|heart\s+rate|weight|weighs|score|sats|saturations?|glucose|sugars?|results?|"
    r"readings?|values?|egfr|crp|wbc|blood\s+tests?)\b[^.;!?]*$"
)
"""A measured value told before a loose decade: the decade is the value, not an age."""
_BABY = re.compile(
    r"\b(?:a|an|my|our|her|his|the|their)\s+(?P<n>\d{1,2}|" + _WORD_NUMBER + r")\s*"
    r"(?P<u>months?|mths?|mos?|weeks?|wks?|days?)\s*old\b"
    r"(?=\s*(?:$|[,.;:!?)]|baby|babies|infant|boy|girl|son|daughter|child|grandson|"
    r"granddaughter|twins?|with|who|has|had|is|and|gets|keeps|suffers))"
)
_MONTHS_OLD = re.compile(
    r"\b(?P<n>\d{1,2}|" + _WORD_NUMBER + r")\s*(?P<u>months?|mths?|weeks?|wks?)\s*old\b"
    r"(?=\s*(?:$|[,.;:!?)]|baby|babies|infant|boy|girl|son|daughter|child|grandson|"
    r"granddaughter|twins?|with|who|has|had|is|and))"
)
_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}  # fmt: skip
_MONTH = r"(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b\.?"
_YEAR = r"(?P<y>(?:19|20)\d\d|['’]\d\d)\b"
_BIRTH_CUE = re.compile(
    # "born in 1950", "b. 1950", and as notes write it (wave 6): "DOB 1950", "D.O.B.: 3/4/1950",
    # "date of birth 12.06.1948", "YOB 1961"
    r"\b(?:born|b\.)\s*(?:in\s+|on\s+)?(?:the\s+)?"
    r"|\b(?:d\.?\s?o\.?\s?b\.?|date\s+of\s+birth|yob|year\s+of\s+birth|birth\s+year)\s*"
    r"(?:is\s+|was\s+)?[:=]?\s*"
)
_BIRTH_DATES = (
    # wave 14 (p11035, p11040): a date of birth in every common format after its cue: day,
    # month, year in digits (the British order; a "month" over 12 is the American order, and a
    # two-digit year only between slashes or dots: "12/03/50"), the ISO order ("1950-04-03"),
    # month and year ("02/1949", "March 1950"), a written date ("3rd March 1952", "May 5,
    # 1961") or the year alone ("1950", "'52")
    re.compile(r"(?P<d>\d{1,2})\s*(?P<s>[/.])\s*(?P<m>\d{1,2})\s*(?P=s)\s*(?P<y>\d\d)\b(?![/.]\d)"),
    re.compile(r"(?P<d>\d{1,2})[/.\s](?P<m>\d{1,2})[/.\s](?P<y>(?:19|20)\d\d)\b"),
    re.compile(r"(?P<y>(?:19|20)\d\d)[/.\s](?P<m>\d{1,2})[/.\s](?P<d>\d{1,2})\b"),
    re.compile(r"(?P<m>\d{1,2})\s*[/.\s]\s*(?P<y>(?:19|20)\d\d)\b"),
    re.compile(
        r"(?:(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?)?"
        + _MONTH
        + r"\s*(?:(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s*,?\s+)?(?:in\s+)?,?\s*"
        + _YEAR
    ),
    re.compile(_YEAR),
)
_CLOSING = re.compile(
    # a number that closes the question after a comma: "knee OA, 66.", "neck pain, F, 52"
    r"[,;]\s*(?:(?:m|f|male|female|man|woman)\s*[,;]\s*)?(?P<n>\d{2,3})\s*[.!]?\s*$"
)
_OPENING = re.compile(
    # a number that opens the question and stands alone before a comma or full stop: the way a
    # note or a message gives the age first ("Seventy-nine, bad knees", "79. F. knee OA")
    r"^\s*(?:(?:hi|hello|hey|dear \w+)\s*[,!.]?\s*)?(?P<n>\d{1,3}|" + _WORD_NUMBER + r")"
    r"\s*(?:[,;:]|\.(?!\d))\s"
    # wave 8: or before "and" and a word of the person's life ("hi, 81 and on eliquis", "72 and
    # have bad knees"); "2 and a half weeks", "3 and 4 are my worst fingers" are no age
    # wave 9: or at the start of a later sentence ("No cancer. 29 and just stressed"), and before
    # a word of health ("35 and otherwise well")
    r"|(?:^|(?<=[.!?])\s+)\s*(?:(?:hi|hello|hey|dear \w+)\s*[,!.]?\s*)?(?P<n2>\d{2,3}|"
    + _WORD_NUMBER
    + r")"
    r"\s+and\s+(?:i\s+|i['’]m\s+|still\s+|now\s+)?(?:just|otherwise|generally|fit|healthy|well|"
    r"stressed|feeling|on|taking|take|have|has|had|having|"
    r"living|live|got|getting|suffering|struggling|with|been|need|want|diabetic|retired|"
    r"working|pregnant)\b"
)
_AFTER_HEALTH = re.compile(
    # wave 9 (probe 9): an age between commas after a word of the person's health or habits
    # ("Otherwise healthy, 42, sciatica", "fit and well, 58,", "Non smoker, 47,"); "healthy,
    # 3 sessions" is no age (two digits, and a comma or full stop must follow)
    r"\b(?:healthy|well|fit|active|smoker|non\s*smoker|nonsmoker|ex\s*smoker|teetotal|retired|"
    r"female|male)\s*,\s*(?P<n>\d{2,3})\s*(?=[,;]|\.(?:\s|$))"
)
_BRACKET_LAST = re.compile(
    # wave 10 (h9037): a bare number closing a bracket after a person, as the last item of a
    # list in it ("My son (type 1 diabetes, 15)", "my mum (COPD, 81)"): the person's age
    r"\(\s*[^()]{1,60}?[,;]\s*(?P<n>\d{1,3})\s*\)"
)
_ME = re.compile(
    # wave 10 (h9105): "the acupuncture is for me, 42, tennis elbow": "me" and the number
    # between commas ("for me, 10 sessions" is a count: the guard of words after a number)
    # wave 14 (p11121): "I'm asking for myself - 35, healthy" (a dash folds to spaces)
    # wave 22 (h21115 "it's just me booking - 35, no meds"): a verb of booking or asking
    # between ("it's me asking, 36", "just me coming in, 52")
    r"\b(?:for|about|it['’]?s|this is|just|only)\s+(?:me|myself)(?:\s+(?:booking|booked|asking|"
    r"enquiring|writing|coming(?:\s+in)?|going|here))?\s*(?:[,(:]\s*|\s)"
    r"(?P<n>\d{2,3})\s*(?=[,;)]|\.(?:\s|$)|$)"
)
_LABELLED = re.compile(
    # wave 18 (h15074 "Me: 47, migraine, nothing else. Her: 15, period pain."): a person
    # labelled by a pronoun opening a sentence or a list's item, then a colon or a dash (folded
    # to spaces) and the number alone in its slot; "Me: 10 sessions" keeps the guard of words
    # after the number
    # (wave 22: or a list's index, "1) me - 44", "(2) her: 15")
    r"(?:^|(?<=[.;!?:,)])|(?<=[.;!?:,)]\s))\s*(?:me|myself|mine|her|hers|him|his|she|he)\s*"
    r"(?::|\s{3})\s*(?P<n>\d{1,3})(?=\s*(?:[,;)]|\.(?:\s|$)|$))"
)
_BOTH = re.compile(
    # wave 18 (h15080 "Writing for my twin sister and me. Both 34."): one age told for two
    # people, the asker among them ("we're both 45", "both of us are 72", "both aged 16")
    r"\b(?:both|both\s+of\s+us|we\s*(?:are|['’]re)\s+both|we\s+both\s+are)\s+"
    r"(?:are\s+|turned\s+)?(?:aged?\s+)?(?P<n>\d{1,3}|" + _WORD_NUMBER + r")\b"
)
_EVENT_AT = re.compile(
    # wave 18 (h15007 "Retired from the post office last spring at 66"): an age at a past
    # event of one's life, "at"/"aged"/"at the age of" and the number, the event's verb
    # earlier in the same clause
    r"\b(?:retired|retiring|stopped\s+work(?:ing)?|gave\s+up\s+work(?:ing)?|left\s+(?:work|"
    r"school|home)|finished\s+(?:work|school)|moved|married|got\s+married|widowed|emigrated|"
    r"qualified|graduated|diagnosed|broke)\b[^.;!?]{0,50}?"
    r"\b(?P<at>at\s+the\s+age\s+of|at\s+age|at|aged?)\s+(?P<n>\d{1,3})\b"
    r"(?!\s*(?:[%:.,]\d|[£$€]|pounds?|quid|euros?|dollars?|pence|p\b|mins?\b|minutes?|hours?|"
    r"hrs?\b|mph|kg|mg|miles?|km|sessions?|weeks?|wks?|days?|months?|per\s*cent|percent|"
    r"o['’]?clock|am\b|pm\b|degrees?|years?\s+of\b))"
)
_SINCE_EVENT = re.compile(
    # the time since the event, in the same sentence: years to add to the age then
    r"\blast\s+(?P<last>year|spring|summer|autumn|fall|winter|month|week|christmas|easter|"
    r"january|february|march|april|may|june|july|august|september|october|november|december)\b"
    r"|\b(?P<k>\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|thirty|forty)\s+(?P<u>years?|months?|weeks?)\s+ago\b"
    r"|\b(?:earlier\s+)?this\s+year\b|\bin\s+(?P<y>(?:19|20)\d\d)\b"
)
_NOW_AGED = re.compile(
    # wave 8: "Now 41 with knee OA", "Now 67 and it aches": an age after "now" opening a
    # sentence, before "with"/"and" or the sentence's end ("Now 30 minutes of walking" is none)
    # ("platelets were 150 in May, now 40" is a count: only at a sentence's start, before
    # "with"/"and", and with no lab or measure in the words before it)
    r"(?:^|[.;!?]\s+)(?:and\s+|but\s+)?now\s+(?:aged?\s+)?(?P<n>\d{2,3}|" + _WORD_NUMBER + r")"
    r"(?=\s+(?:with\b|and\b|years?\s+old\b|yo\b))"
    # wave 11 (h10073): or after a comma that ends a story of the past ("hydrocephalus since
    # infancy, now 24."), before "with"/"and" or the sentence's end; only when no number
    # stands in the words before it ("walked 60 minutes, now 20" is a measure)
    r"|(?<![\d\s]),\s+now\s+(?:aged?\s+)?(?P<c>\d{2,3})"
    r"(?=\s+(?:with\b|and\b|years?\s+old\b|yo\b)|\s*(?:[.;!?]|$))"
    # probe 10: the number before "now" between commas ("haemophilia A), 24 now, and his
    # ankles ache"), and "now at 44" anywhere (the guard of words after it rules out weeks)
    r"|(?<![\d\s]),\s+(?P<b>\d{2,3})\s+now\b(?=\s*(?:[,.;!?]|and\b|with\b|$))"
    r"|\bnow\s+at\s+(?P<d>\d{2,3})\b(?![.,]\d)"
)
_CLOSING_MID = re.compile(
    # wave 8: a number alone between a comma and a full stop inside the question, the way a
    # message adds the age ("bad period pain every month, 24. does acupuncture work")
    r"[,;]\s*(?P<n>\d{2,3})\s*[.!]\s+(?=[a-z])"
)
_NOTE_Y = re.compile(
    # wave 9: a note's age as a number and "y" alone, in its own slot between punctuation
    # ("Primigravida, 31 y, EDD ...", "68 y, new headaches", "neck pain (45 y)."); "for 3 y,",
    # "back pain 5 y," and "x 2 y" have a word before the number, so are durations
    r"(?:^|[,;:(]\s*)(?P<n>\d{1,3})\s*y(?=\s*(?:[,;:)]|\.(?:\s|$)|$))"
)
_DURATION_SLOT = re.compile(
    r"\b(?:pain|pains|ache|aches|aching|sore|symptoms?|hx|history|duration|for|since|onset|"
    r"oa|arthritis|problems?|issues?|complaint|lbp|sciatica|headaches?|migraines?|on|x)\b"
)
_MEASURE_BEFORE = re.compile(
    r"\d|\b(?:bp|hr|pulse|weight|score|inr|platelets?|plts?|temp\w*|sats?|mg|kg|ml|anc|cd4|"
    r"bmi|dose|units?|rate)\b"
)
"""Words just before a mid-question number that make it a measure, not an age."""
_LAB_BEFORE = re.compile(
    r"\b(?:platelets?|plts?|inr|anc|neutrophils?|neuts?|cd4|temp\w*|score|bp|pulse|weight|"
    r"white cells?|wbc|hb|haemoglobin|hemoglobin)\b"
)
_REACHED_TAIL = re.compile(
    r"\s*(?:[,.;!?)]|$)|\s+(?:and\b|last\b|yesterday\b|recently\b|at\s+(?:christmas|easter|"
    r"new\s+year)\b|on\s+(?:my|his|her|their)\s+birthday\b)"
    r"|\s+(?:next|this)\s+(?:week|month|year|spring|summer|autumn|winter)\b"
    r"|\s+in\s+(?:january|february|march|april|may|june|july|august|september|october|"
    r"november|december|spring|summer|autumn|fall|winter|(?:19|20)\d\d)\b"
)
_THEY_MEASURED = re.compile(
    # wave 19: "they're N" after a measure is the measure ("his sugars, they're 15")
    r"\b(?:sugars?|glucose|levels?|readings?|numbers?|counts?|bloods?|results?|scores?|"
    r"pressures?|bps?|lymphocytes?|neutrophils?|whites?|markers?|psa|ca\s*125|ferritin|"
    r"tsh|hba1c|cholesterol|kidneys?|liver|lfts?|egfr|creatinine)\b"
)
_TURNED_IN = re.compile(
    r"\s+(?:next|this)\s+(?:week|month|year|spring|summer|autumn|winter)\b|\s+(?:tomorrow|soon)\b"
    r"|\s+in\s+(?:the\s+)?(?:january|february|march|april|may|june|july|august|september|"
    r"october|november|december|spring|summer|autumn|fall|winter|(?:19|20)\d\d)\b"
)


@dataclass(frozen=True)
class Age:
    """An age in completed years, with the characters it was read from."""

    value: int
    start: int
    end: int


def number_value(raw: str) -> int | None:
    """``"81"`` -> 81, ``"seventy three"`` -> 73, ``"nine"`` -> 9; None for anything else."""
    raw = " ".join(raw.split())
    if raw.isdigit():
        return int(raw)
    parts = raw.split(" ")
    if len(parts) == 1:
        return _UNITS.get(raw) or _TEENS.get(raw) or _TENS.get(raw)
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in _UNITS:
        return _TENS[parts[0]] + _UNITS[parts[1]]
    return None


_DASHES = str.maketrans("-_–—", "    ")


def _fold(text: str) -> str:
    """Lower case, hyphens and dashes as spaces; the same length as ``text`` (so offsets found
    in it hold in ``text``: a character whose lower case is longer is kept as it is)."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low.translate(_DASHES)


class AgeGrammar:
    """The four frames of the module docstring over one lexicon; build once, call many times."""

    def __init__(self, words: PatientWords | None = None) -> None:
        people = (words or patient_words()).people

        def alt(phrases: list[str]) -> str:
            ordered = sorted({_fold(p) for p in phrases}, key=len, reverse=True)
            return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)

        relations = [w for r in people.relations.values() for w in r.words]
        titles = alt(list(people.titles))
        named = r"(?:" + titles + r")\.?\s+[a-z][a-z'’]*\.?"
        # "teenager here (15)": "here" may stand between the person and the number (wave 6)
        link = r"(?:['’]s\b|s\b)?(?:\s+here\b)?(?:\s*[,(:]\s*|\s+)"
        self.person = re.compile(
            r"\b(?:(?P<rel>" + alt(relations) + r")|" + named + r")" + link
            + _COPULA + r"?" + _ADVERBS + _NUM
        )  # fmt: skip
        # wave 18 (h15071 "Nan Joan (84) ... Nan Pat (80)"): a relation and a name, the age
        # in brackets right after ("Uncle Pete (70)", "my son Tom (9)")
        self.named_relation = re.compile(
            r"\b(?:" + alt(relations) + r")\s+(?!(?:is|was|has|had|and|or|aged?|at|in|on|"
            r"with|who|of|the|a|an|now|here)\b)[a-z][a-z'’]{1,15}\s*\(\s*" + _NUM + r"\s*\)"
        )
        # wave 22 (h21068 "mi madre (my mum) 74 has new headaches"): a relation in brackets,
        # glossing the writer's own language, then the age
        self.bracketed = re.compile(
            r"\((?:(?:my|his|her|our|their|your)\s+)?(?:" + alt(relations) + r")\)\s*[,:]?\s*"
            + _NUM
        )  # fmt: skip
        self.generic = re.compile(
            r"\b(?:" + alt(list(people.persons)) + r")" + link
            + _COPULA + r"?" + r"(?:of\s+)?" + _ADVERBS + _NUM
        )  # fmt: skip
        self.pronoun = re.compile(
            # "im", "hes", "shes": the apostrophe patients leave out of a quick message
            r"(?:\b(?:(?:he|she|i)(?:['’][sm]\s+|\s+(?:is|am)\s+|\s*[,(]\s*|\s+(?=turn))"
            # wave 19 (h17121 "theyre 14"): twins or siblings given one age
            r"|\bthey(?:['’]re\s+|\s+are\s+)|\b(?:im|hes|shes|theyre)\s+"
            # wave 22 (h21124 "me and my twin sister ... We're 15"): the asker and a sibling or
            # friend given one age ("we're both 16", "my brother and I are 17"); a count after
            # the number ("we're 3 friends") is no age (``not_age_after``)
            # ("we're all 60s-70s" is a decade: no age)
            r"|\bwe(?:['’]re|\s+are)\s+(?:both\s+|all\s+)?(?!\d{1,3}['’]?s\b)"
            r"|\band\s+(?:i|me)\s+are\s+(?:both\s+|all\s+)?)"
            # "am 62 and started getting headaches": a message that drops the "I" (probe 2 G2)
            r"|(?:^|(?<=[.;!?,]\s))am\s+"
            # "hiya 👋 am 16 n expecting": after a greeting too (wave 6)
            r"|\b(?:hi|hiya|hey|heya|hello|hallo|yo)\b[^\w]{0,8}am\s+)" + _ADVERBS + _NUM
        )
        # wave 21: an age to come, told in the future with the time right after it ("he'll be
        # 18 on Saturday", "Mum will be 70 next month", "I'm going to be 65 in two weeks"): one
        # year less now (completed years, as every age here). Only a relation, a person word or
        # a pronoun, and only with the time right after the number ("I'll be 80, next month I
        # have an op" is no birthday). The present "dad's 90 next month" keeps its number:
        # held-out part 2 (k036) expects 90 there, part 20 (h20013 "I'm ninety next month")
        # 89, so that reading is left to the lead
        self.to_come = re.compile(
            r"\b(?:(?:my|his|her|our|your)\s+)?(?:" + alt(relations) + r"|"
            + alt(list(people.persons)) + r"|i|he|she)"
            r"(?:\s*['’]ll\s+be|\s+will\s+be|\s*(?:['’][sm]|\s+is|\s+am|\s+are)\s+going\s+to\s+be)\s+"
            + _NUM + _TO_COME_TAIL
        )  # fmt: skip
        # a relation or person word right before a bracket (wave 10: "My son (... , 15)")
        self._owner = re.compile(
            r"\b(?:" + alt(relations) + r"|" + alt(list(people.persons)) + r")\s*$"
        )
        self.not_after = frozenset(_fold(w) for w in people.not_age_after)
        # "my mother she have 68 years", "I have 45 years": an age as Spanish, French, Italian
        # and Portuguese speakers write it in English (wave 7); "5 years of pain", "has 20
        # years' experience", "for 3 years" are no ages
        self.has_years = re.compile(
            r"\b(?:i|she|he|(?:"
            + alt(relations)
            + r")(?:\s+(?:she|he))?)\s+(?:have|has|haves)\s+"
            + _NUM
            + r"\s*(?:years?|yrs?)\b(?!\s*(?:of|since|with|ago|experience|history|pain|['’]))"
        )

    def __call__(self, text: str, today: datetime.date | None = None) -> list[Age]:
        """Every age ``text`` states, in order, none overlapping another."""
        folded = _fold(text)
        found: list[Age] = []

        def add(
            raw: str, start: int, end: int, *, guard: bool, small_words: bool = True, less: int = 0
        ) -> None:
            value = number_value(raw)
            if value is not None:
                value -= less
            if value is None or not 0 <= value <= 120:
                return
            if not small_words and raw.strip() in _NOT_A_SMALL_WORD_AGE:
                return
            if guard and not self._tail_is_age(folded, end):
                return
            if any(a.start < end and start < a.end for a in found):
                return
            found.append(Age(value, start, end))

        for m in _PAST_AGE.finditer(folded):
            found.append(Age(-1, m.start("n"), m.end("n")))  # a past age blocks, removed below
        for m in _AGE_WORDS.finditer(folded):
            add(m.group("n"), m.start(), m.end(), guard=False)
        for m in _SEX_AFTER.finditer(text):
            add(m.group("n"), m.start(), m.end(), guard=False)
        for m in _SEX_BEFORE.finditer(text):
            add(m.group("n"), m.start(), m.end(), guard=True)
        at_now = [
            m
            for m in [*_AGE_OF.finditer(folded), *_AGED.finditer(folded)]
            # "at the age of 29": the preposition is inside the match
            if _at_age_now(
                folded, m.start() + (3 if m.group(0).startswith("at ") else 0), m.end("n")
            )
        ]
        for m in at_now:
            add(m.group("n"), m.start(), m.end("n"), guard=True)
        events = [(m.start(), m.end("n")) for m in _AGE_OF.finditer(folded)] + [
            (m.start(), m.end("n"))
            for m in _AGED.finditer(folded)
            if _AT_AN_EVENT.search(folded[max(0, m.start() - 30) : m.start()])
        ]
        found.extend(Age(-1, start, end) for start, end in events)  # blocks, removed below
        for m in _AGED.finditer(folded):
            add(m.group("n"), m.start(), m.end("n"), guard=True)
        for m in self.has_years.finditer(folded):
            add(m.group("n"), m.start(), m.end(), guard=False)
        for m in _FOREIGN.finditer(folded):
            n = "n" if m.group("n") else "n2"
            add(m.group(n), m.start(n), m.end(n), guard=False)
        for pattern in (self.person, self.bracketed, self.generic, self.pronoun):
            for m in pattern.finditer(folded):
                if pattern is self.pronoun and _FIGURE.search(
                    folded[max(0, m.start() - 12) : m.start()]
                ):
                    continue
                if (
                    pattern is self.pronoun
                    and folded.startswith("they", m.start())
                    and (
                        _LAB_BEFORE.search(folded[max(0, m.start() - 200) : m.start()])
                        or _THEY_MEASURED.search(folded[max(0, m.start() - 200) : m.start()])
                    )
                ):
                    continue  # "platelets ... right now theyre 120" is a count
                turned = re.search(r"\bturn(?:ed|s|ing)?\s+$", folded[m.start() : m.start("n")])
                if re.search(r"\b(?:hit|hits|reached)\s+$", folded[m.start() : m.start("n")]):
                    # wave 19: "Grandad hit 90 in March", "Mum reached 80 at Easter"; only
                    # before a time or the clause's end ("he hit 8 on the pain scale" is none)
                    if _REACHED_TAIL.match(folded, m.end("n")):
                        add(m.group("n"), m.start(), m.end("n"), guard=False)
                    continue
                less = 1 if _TURNING.search(folded[m.start() : m.start("n")]) else 0
                if turned and _TURNED_IN.match(folded, m.end("n")):
                    # "turned 90 in June"; "turns 80 next week" is 79 now
                    add(m.group("n"), m.start(), m.end("n"), guard=False, less=less)
                add(m.group("n"), m.start(), m.end("n"), guard=True, small_words=False, less=less)
        for m in self.to_come.finditer(folded):
            value = number_value(m.group("n"))
            if value is None or not 1 <= value <= 120:
                continue
            if m.group("n").strip() in _NOT_A_SMALL_WORD_AGE:
                continue
            if _TURNING.search(folded[max(0, m.start("n") - 12) : m.start("n")]):
                continue  # "turns 80 next week" is already 79
            found[:] = [a for a in found if not (a.start < m.end("n") and m.start() < a.end)]
            found.append(Age(value - 1, m.start(), m.end("n")))
        for m in self.named_relation.finditer(folded):
            add(m.group("n"), m.start(), m.end("n"), guard=False)
        for m in _BARE_TURNING.finditer(folded):
            add(m.group("n"), m.start("n"), m.end("n"), guard=False, less=1)
        for m in _BRACKET_LAST.finditer(folded):
            value = number_value(m.group("n"))
            owner = folded[max(0, m.start() - 30) : m.start()]
            inside = folded[m.start() : m.start("n")]
            if (
                value is not None
                and 2 <= value <= 110
                and self._owner.search(owner)
                # no other number nor lab in the bracket ("(INR 3, 2)", "(cycle 3, 14)"),
                # but for a diabetes type ("type 1 diabetes, 15")
                and not _MEASURE_BEFORE.search(re.sub(r"\btype\s*[12]\b", " ", inside))
            ):
                add(m.group("n"), m.start("n"), m.end("n"), guard=False)
        for m in _ME.finditer(folded):
            value = number_value(m.group("n"))
            if value is not None and 13 <= value <= 110:
                add(m.group("n"), m.start("n"), m.end("n"), guard=True)
        for m in _BOTH.finditer(folded):
            value = number_value(m.group("n"))
            if value is not None and value >= 2:
                add(m.group("n"), m.start("n"), m.end("n"), guard=True, small_words=False)
        for m in _LABELLED.finditer(folded):
            # a single digit is an age only before a comma and more words ("Him: 9, asthma"),
            # never closing a sentence ("Her: 3 sessions, me: 2."), as a count does
            if len(m.group("n")) > 1 or re.match(r"\s*,\s*[a-z]", folded[m.end("n") :]):
                add(m.group("n"), m.start("n"), m.end("n"), guard=True)
        for m in _NOTE_Y.finditer(folded):
            # "Knee pain, 3 y, worse on stairs", "Duration: 2 y": a complaint or a time word in
            # the slot before makes the number its duration
            slot = re.split(r"[,;:(.]", folded[: m.start("n")].rstrip(" ,;:("))[-1]
            if _DURATION_SLOT.search(slot):
                continue
            add(m.group("n"), m.start("n"), m.end(), guard=False)
        for m in _AFTER_HEALTH.finditer(folded):
            value = number_value(m.group("n"))
            if value is not None and 13 <= value <= 110:
                add(m.group("n"), m.start("n"), m.end("n"), guard=False)
        for m in _CLOSING.finditer(folded):
            value = number_value(m.group("n"))
            if value is not None and value >= 13:
                add(m.group("n"), m.start("n"), m.end("n"), guard=False)
        for m in _NOW_AGED.finditer(folded):
            g = next(k for k in ("n", "c", "b", "d") if m.group(k))
            value = number_value(m.group(g))
            before = folded[max(0, m.start() - 60) : m.start()]
            if g in ("c", "b"):
                # the clause's own words: a number, or a lab or measure, makes it a measure
                before = re.split(r"[.;!?]", folded[: m.start()])[-1][-60:]
                if re.search(r"\d", re.sub(r"\b(?:type|factor|stage|grade)\s*\d+\b", " ", before)):
                    continue
            if value is not None and 13 <= value <= 110 and not _LAB_BEFORE.search(before):
                add(m.group(g), m.start(g), m.end(g), guard=True)
        for m in _CLOSING_MID.finditer(folded):
            value = number_value(m.group("n"))
            if (
                value is not None
                and 13 <= value <= 110
                and not _MEASURE_BEFORE.search(folded[max(0, m.start() - 25) : m.start()])
            ):
                add(m.group("n"), m.start("n"), m.end("n"), guard=False)
        for m in _OPENING.finditer(folded):
            # an opening age is a teen's or an adult's (a lone "Two, ..." is as often a count)
            g = "n" if m.group("n") else "n2"
            value = number_value(m.group(g))
            if value is not None and value >= 13:
                add(m.group(g), m.start(g), m.end(g), guard=True)
        if not any(a.value >= 0 for a in found):
            found += _at_past_events(folded, today or datetime.date.today(), found)
        for age in self.approximate(folded, today or datetime.date.today()):
            if not any(a.start < age.end and age.start < a.end for a in found):
                found.append(age)
        return sorted((a for a in found if a.value >= 0), key=lambda a: a.start)

    def approximate(self, folded: str, today: datetime.date) -> list[Age]:
        """Ages given without an exact number of years (see the module docstring)."""
        out: list[Age] = []
        for pattern in (_IN_DECADE, _BARE_DECADE):
            for m in pattern.finditer(folded):
                decade = int(m.group("dec")) if m.group("dec") else _DECADE_WORDS[m.group("decw")]
                part = m.group("part") or ""
                if decade == 10:  # the teens run 13 to 19
                    value = {"early": 13, "late": 18}.get(part, 15)
                else:
                    value = decade + _PART_OFFSET[part]
                start = m.start("part") if m.group("part") else m.start()
                out.append(Age(value, start, m.end()))
        for m in _VAGUE_DECADE.finditer(folded):
            if _VALUE_BEFORE_DECADE.search(folded[max(0, m.start() - 40) : m.start()]):
                continue  # "platelets were 'seventy-something'": a value, not an age
            decade = int(m.group("dec")) if m.group("dec") else _TENS[m.group("decw")]
            out.append(Age(decade + _PART_OFFSET[""], m.start(), m.end()))
        for m in _LATIN_RE.finditer(folded):
            # "Nonagenarian (94)": a number given with the word is the age (wave 6)
            given = re.match(r"\s*[,(:]\s*(\d{2,3})\b", folded[m.end() :])
            value = int(given.group(1)) if given else _LATIN[m.group("w")]
            out.append(Age(value, m.start(), m.end() + (given.end() if given else 0)))
        for pattern in (_BABY, _MONTHS_OLD):
            for m in pattern.finditer(folded):
                n = number_value(m.group("n"))
                if n is None:
                    continue
                unit = m.group("u")
                per_year = 12 if unit.startswith("m") else 52 if unit.startswith("w") else 365
                start = m.start("n")
                if not any(a.start < m.end() and start < a.end for a in out):
                    out.append(Age(n // per_year, start, m.end()))
        out += [a for a in _births(folded, today) if not _overlaps_any(a, out)]
        out += [a for a in _milestones(folded) if not _overlaps_any(a, out)]
        out += [
            Age(STATE_PENSION_AGE, m.start(), m.end())
            for m in _STATE_PENSION.finditer(folded)
            if not any(a.start < m.end() and m.start() < a.end for a in out)
        ]
        return out

    def _tail_is_age(self, folded: str, end: int) -> bool:
        """Whether what follows the number leaves it an age (see the module docstring)."""
        tail = folded[end : end + 40]
        if re.match(r"\s*(?:[%'’\"°×/]|\.\d|\d|\+)", tail):
            return False
        nxt = re.match(r"\s*([a-z]+)", tail)
        if nxt is None:
            return True
        word = nxt.group(1)
        if word in ("years", "year", "yrs", "yr"):
            # "81 years old", "81 years of age"; and "I am 15 years, ..." (wave 6: a person and
            # a copula, then years with nothing after, is an age as non-native English writes
            # it; "2 years post-op", "5 years out" keep a word after)
            return bool(re.match(r"\s*[a-z]+\s*(?:old\b|of\s+age\b|[,.;!?)]|$)", tail))
        if word in ("y", "yo"):
            return True
        return word not in self.not_after


_YOUNG_BANDS = ((0, 12), (13, 17))


def _at_past_events(folded: str, today: datetime.date, found: list[Age]) -> list[Age]:
    """Today's age from an age at a past event and the time since it ("retired last spring
    at 66", "diagnosed at 50, 10 years ago"), read only when no age is told for now (wave 18,
    h15007). N whole years after an event at age A the person is A+N or A+N+1: the older,
    which adds caution from 65 on, unless it leaves a child's or an adolescent's band, whose
    care is the stricter (clinic policy; the answer shows the age it read). With no time
    given, today's age is unknown and nothing is read."""
    out: list[Age] = []
    for m in _EVENT_AT.finditer(folded):
        if any(a.start < m.end("n") and m.start("n") < a.end for a in found + out):
            continue
        lo = max((i + 1 for i in range(m.start()) if folded[i] in ".;!?"), default=0)
        ends = [i for i in range(m.end(), len(folded)) if folded[i] in ".;!?"]
        sentence = folded[lo : ends[0] if ends else len(folded)]
        since = _SINCE_EVENT.search(sentence)
        value = number_value(m.group("n"))
        if since is None or value is None:
            continue
        if value < 13 and m.group("at") == "at":
            continue  # "diagnosed at 11 last week" is as often a clock time
        if since.group("last"):
            years = 1 if since.group("last") == "year" else 0
        elif since.group("k"):
            n = number_value(since.group("k")) if since.group("k") not in ("a", "an") else 1
            years = (n or 0) if since.group("u").startswith("year") else 0
        elif since.group("y"):
            years = max(0, today.year - int(since.group("y")))
        else:
            years = 0
        low, high = value + years, value + years + 1
        young = next(((a, b) for a, b in _YOUNG_BANDS if a <= low <= b), None)
        now = low if young is not None and not young[0] <= high <= young[1] else high
        if 0 <= now <= 120:
            out.append(Age(now, m.start("n"), m.end("n")))
    return out


def _overlaps_any(age: Age, ages: list[Age]) -> bool:
    return any(a.start < age.end and age.start < a.end for a in ages)


def _births(folded: str, today: datetime.date) -> list[Age]:
    """Ages from a date of birth (:data:`_BIRTH_DATES`): completed years on ``today``, one
    less before the birthday; a month without a day counts the birthday as passed only after
    that month (this month: the year's age). A date after ``today`` ("due to be born in March
    2027") is no age."""
    out: list[Age] = []
    for cue in _BIRTH_CUE.finditer(folded):
        for pattern in _BIRTH_DATES:
            m = pattern.match(folded, cue.end())
            if m is None:
                continue
            raw_y = m.group("y").lstrip("'’")
            year = int(raw_y)
            if len(raw_y) == 2:  # "'52", "12/03/50": the century that puts it in the past
                year += 2000 if year <= today.year % 100 else 1900
            groups = m.groupdict()
            month = _MONTHS[groups["mon"]] if groups.get("mon") else None
            month = month or (int(groups["m"]) if groups.get("m") else None)
            day_raw = groups.get("d") or groups.get("d2")
            day = int(day_raw) if day_raw else None
            if month is not None and day is not None and month > 12 and day <= 12:
                day, month = month, day  # the American order ("12/25/1950")
            if month is not None and not 1 <= month <= 12:
                break
            value = today.year - year
            if month is not None and (month, day or 0) > (today.month, today.day):
                value -= 1
            if 0 <= value <= 120 and (year, month or 1) <= (today.year, today.month):
                out.append(Age(value, cue.start(), m.end()))
            break
    return out


_ORDINAL_UNITS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9,
}  # fmt: skip
_ORDINAL_TENS = {
    "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
    "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
}  # fmt: skip
_ORDINAL = (
    r"(?P<o>\d{1,3}(?:st|nd|rd|th)\b|(?:(?:" + "|".join(_TENS) + r")\s+)?(?:"
    + "|".join([*_ORDINAL_UNITS, *_ORDINAL_TENS]) + r")\b)"
)  # fmt: skip


def _ordinal_value(raw: str) -> int | None:
    """``"80th"`` -> 80, ``"eighty fifth"`` -> 85, ``"sixtieth"`` -> 60."""
    raw = " ".join(raw.split())
    if raw[:1].isdigit():
        return int(re.sub(r"\D", "", raw))
    *tens, last = raw.split(" ")
    value = _ORDINAL_UNITS.get(last) or _ORDINAL_TENS.get(last)
    if value is None:
        return None
    return value + (_TENS[tens[0]] if tens else 0)


_BIG_DECADE = (
    # "the big 6-0" (folded "6 0"), "the big 60", "the big four-oh", "the big five o"
    r"\bbig\s+(?:(?P<bd>[1-9])\s+(?:0|o|oh)\b|(?P<bn>[1-9]0)\b(?!\s*(?:mg|g|ml|%|kg|lbs?|"
    r"sessions?|points?|needles?|units?|minutes?|mins?))|(?P<bw>"
    + "|".join(w for w, n in _UNITS.items() if n >= 2) + r")\s+(?:oh|o)\b)"
)  # fmt: skip
_MILESTONE = re.compile(
    # wave 14 (p11037, p11039): a birthday that gives the age it marks: "his 80th birthday",
    # "Mum's ninetieth birthday", "her sweet sixteen", "the big 6-0" (owned by a person word or
    # reached with "hit", "turned", "turning", "reach(ed)")
    r"\b(?:my|his|her|their|your|[a-z]+['’]s)\s+(?:big\s+)?" + _ORDINAL
    + r"\s+(?:birthday|bday|b\s?day|birthday\s+party)\b"
    r"|\b(?:my|his|her|their|your|turned|turning|turns|hit|hits|reached|just)\s+"
    r"(?P<sweet>sweet\s+(?:16|sixteen))\b"
    # wave 19 (p13033): the monarch's card or telegram marks a hundredth birthday (sent at
    # 100, 105 and every year after: 100 is the least age it tells)
    r"|\b(?P<telegram>(?:telegram|card|letter|message)\s+from\s+(?:the\s+|his\s+|her\s+)?"
    r"(?:king|queen|monarch|palace|majesty))\b"
    r"|\b(?:hit|hits|hitting|turned|turning|turns|turn|reached|reaching|reach|celebrated|"
    r"celebrating)\s+(?:the\s+)?" + _BIG_DECADE
    # "Just turned 50 last month, ...": "turned" with no one before it, opening its clause
    # wave 17 (p12053): "I retired last spring and turned 66 at Christmas": "turned" after
    # "and"/"then" shares the subject of the clause before it
    # wave 19 (p13032, h17011, h17014): "hit"/"reached" open the clause as "turned" does
    # ("Hit 70 at Christmas", "(turned 66 in June)", "Just turned sixteen"); "Sales hit 100
    # this year" has a noun before the verb, so opens no clause
    + r"|(?:^|[.;!?,(]\s*|\b(?:just|recently|only|and|then|but)\s+)"
    r"(?:turned|hit|reached)\s+(?P<tn>\d{2,3}|" + _WORD_NUMBER + r")\b"
    r"(?=\s*(?:[,.;!?)]|$|and\b|last\b|this\b|in\b|on\b|at\s+(?!\d)|over\b|yesterday\b|"
    r"recently\b|a\s+(?:week|month|few|couple)\b))"
)  # fmt: skip
_BARE_MILESTONE = re.compile(
    # wave 17 (h14008): a birthday named by its ordinal alone, after a verb of celebrating or
    # having one ("Just celebrated my 70th", "a party for my 65th last month"); not when a
    # noun follows ("had my 3rd session", "my 10th anniversary")
    r"\b(?:celebrated|celebrating|celebrate|had|having|for|after|since|hit|reached)\s+"
    r"(?:my|his|her|their|your|[a-z]+['’]s)\s+(?:big\s+)?" + _ORDINAL
    + r"(?=\s*(?:[,.;:!?()]|$|and\b|but\b|last\b|this\b|on\b|in\b|at\b|with\b|yesterday\b|"
    r"recently\b|today\b|tomorrow\b|next\b|soon\b|party\b|bash\b|do\b))"
)  # fmt: skip
_SCHOOL_YEAR = re.compile(
    # wave 17 (h14007 "My son is in Year 9"): a school year of England and Wales, Year N
    # holding children aged N+4 at its start in September (clinic policy: the age at the start
    # of the school year, the younger, so a band is never older than the child); not a year of
    # something else ("in year 2 of my PhD", "year 3 at uni", "year 9 of the trial")
    r"\b(?:is|are|am|was|['’]s|im|i['’]m|now|currently|just\s+started|started|starting|starts|"
    r"going\s+into|moving\s+(?:up\s+)?(?:in)?to|moved\s+(?:up\s+)?(?:in)?to)\s+"
    r"(?:now\s+|currently\s+|just\s+)?(?:in\s+)?(?:year|yr)\s+(?P<n>[1-9]|1[0-3])\b"
    r"(?!\s*(?:of\b|at\s+(?:uni\w*|college|med\w*|nursing|dental|vet\w*|law|art)\b|\d|/|-\s*\d|%|"
    r"(?:med|medical|nursing|dental|vet|law|uni|university|college|phd|degree|apprentice\w*)\b))"
)
_IN_NTH_YEAR = re.compile(
    # wave 14 (p11219): "I'm in my 70th year" is 69 completed years; "in my 3rd year of
    # university", "in her 20th year of nursing" are years of something else (a word follows)
    r"\bin\s+(?:my|his|her|their|your)\s+" + _ORDINAL
    + r"\s+year\b(?=\s*(?:[,.;:!?)]|$|and\b|but\b|now\b|so\b|with\b|-))"
)  # fmt: skip
_FUTURE_BIRTHDAY = re.compile(
    r"\b(?:next|coming|upcoming|soon|will|going\s+to|gonna|plan\w*|tomorrow|turning|turns|"
    r"turn|approaching|before|for|in\s+(?:a|an|\d+|two|three|four|a\s+few)\s+(?:days?|weeks?|"
    r"months?))\b|['’]ll\b"
)
_PAST_BIRTHDAY = re.compile(
    r"\b(?:had|has\s+had|celebrated|was|were|last|ago|since|after|turned|hit|reached|"
    r"yesterday|today|got|went|did|gave|bought|received|threw)\b"
)


STATE_PENSION_AGE = 66
"""Wave 21 (h20011): the UK state pension age, 66 for men and women since October 2020 and
rising to 67 for people born after 5 April 1960 from May 2026 to 2028 (turn2us.org.uk "State
Pension age changes"; gov.uk State Pension age timetable): someone who has just reached it is
66 at least (clinic policy: the least age it tells, an older adult)."""
_STATE_PENSION = re.compile(
    # "just collected my first state pension", "recently started drawing her state pension",
    # "just reached state pension age"; a pension long drawn, a private or work pension or a
    # pension still to come tells no age
    r"\b(?:just|recently|newly)\s+(?:(?:started|begun|began|starting|started\s+to)\s+)?"
    r"(?:collected|collecting|collect|drew|drawn|drawing|draw|got|getting|get|received|"
    r"receiving|receive|claimed|claiming|claim|qualified\s+for|gone\s+onto?|went\s+onto?|on)\s+"
    r"(?:(?:my|his|her|their|the|our)\s+)?(?:first\s+)?(?:uk\s+)?(?:state|old\s+age)\s+pension\b"
    r"(?!\s+(?:forecast|statement|age\s+(?:is|will)))"
    r"|\b(?:my|his|her|their|our)\s+first\s+(?:uk\s+)?(?:state|old\s+age)\s+pension\b"
    r"|\b(?:just|recently)\s+(?:reached|hit|turned|got\s+to|come\s+up\s+to|came\s+up\s+to)\s+"
    r"(?:the\s+)?(?:uk\s+)?(?:state\s+)?pension(?:able)?\s+age\b"
)


def _milestones(folded: str) -> list[Age]:
    """Ages from a milestone birthday (:data:`_MILESTONE`) and "in my Nth year"
    (:data:`_IN_NTH_YEAR`, N - 1 completed years). A milestone still to come in its sentence
    ("my 50th birthday next week", "turning the big 6-0") is one year less (completed years,
    as every age here); a milestone passed or being had is its number."""
    out: list[Age] = []
    for m in _MILESTONE.finditer(folded):
        if m.group("sweet"):
            value: int | None = 16
        elif m.group("telegram"):
            value = 100
        elif m.group("o"):
            value = _ordinal_value(m.group("o"))
        elif m.group("bd"):
            value = int(m.group("bd")) * 10
        elif m.group("tn"):
            value = number_value(m.group("tn"))
        elif m.group("bn"):
            value = int(m.group("bn"))
        else:
            value = _UNITS[m.group("bw")] * 10
        if value is None or not 2 <= value <= 110:
            continue
        lo = max((i + 1 for i in range(m.start()) if folded[i] in ".;?!"), default=0)
        hi = next((i for i in range(m.end(), len(folded)) if folded[i] in ".;?!"), len(folded))
        sentence = folded[lo:hi]
        if _FUTURE_BIRTHDAY.search(sentence) and not _PAST_BIRTHDAY.search(sentence):
            value -= 1
        out.append(Age(value, m.start(), m.end()))
    for m in _BARE_MILESTONE.finditer(folded):
        value = _ordinal_value(m.group("o"))
        if value is None or not 2 <= value <= 110:
            continue
        lo = max((i + 1 for i in range(m.start()) if folded[i] in ".;?!"), default=0)
        hi = next((i for i in range(m.end(), len(folded)) if folded[i] in ".;?!"), len(folded))
        if _FUTURE_BIRTHDAY.search(folded[lo:hi]) and not _PAST_BIRTHDAY.search(folded[lo:hi]):
            value -= 1  # "celebrating my 80th next week": 79 completed years
        out.append(Age(value, m.start("o"), m.end("o")))
    for m in _SCHOOL_YEAR.finditer(folded):
        out.append(Age(int(m.group("n")) + 4, m.start(), m.end()))
    for m in _IN_NTH_YEAR.finditer(folded):
        value = _ordinal_value(m.group("o"))
        if value is not None and 14 <= value <= 111:
            out.append(Age(value - 1, m.start(), m.end()))
    return out


_AT_BEFORE = re.compile(r"\bat\s+(?:the\s+)?$")
_PAST_IN_SENTENCE = re.compile(
    r"\b(?:was|were|had|did|got|broke|fell|began|begun|ago|when|since|back then|used to|"
    r"(?!(?:need|feed|bleed|speed|exceed|proceed|succeed|seed|breed|embed)\b)\w{2,}ed)\b"
)


def _at_age_now(folded: str, start: int, end: int) -> bool:
    """Wave 12 (p10089): "a normal aching low back for 4 months at age 36", "is it safe at
    age 85?": "at age N" in a sentence with no past tense and no event is the age now;
    "tonsillectomy at age 7", "I broke my leg at age 12", "at age 20 I had a car accident"
    stay the age when something happened (reading rule)."""
    before = folded[max(0, start - 30) : start]
    at = _AT_BEFORE.search(before)  # "at age 36", or "at " before "the age of" (start past it)
    if at is None:
        return False
    if _AT_AN_EVENT.search(before[: at.start()]):
        return False
    lo = max((i + 1 for i in range(start) if folded[i] in ".;?!"), default=0)
    hi = next((i for i in range(end, len(folded)) if folded[i] in ".;?!"), len(folded))
    return _PAST_IN_SENTENCE.search(folded[lo:start] + " " + folded[end:hi]) is None


@functools.cache
def grammar() -> AgeGrammar:
    """The age grammar over the bundled lexicon (built once per process)."""
    return AgeGrammar()


def find_ages(text: str, today: datetime.date | None = None) -> list[Age]:
    """Every age ``text`` states (see the module docstring); ``today`` dates a birth year."""
    return grammar()(text, today)
