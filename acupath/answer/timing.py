"""When a medicine is taken: only CURRENT medicines enter the intake the screen reads.

:func:`medicine_status` reads the clause around a medicine (or a medicine class, or a
chemotherapy regimen) and returns its status:

- ``future``: planned or possible ("might start warfarin next month", "will be starting
  apixaban", "considering clopidogrel", "due to start", "thinking about Eliquis");
- ``past``: "used to take warfarin", "came off Eliquis in June", "clopidogrel was stopped",
  "discontinued last year", "previously on", "no longer takes", "finished chemo last year";
- ``stopped_recently``: a stop within the class's window (``data/answer/timing.yaml``: 10 days
  for anticoagulants and antiplatelets, a 21-day cycle for chemotherapy) or said to be recent
  without a time ("just stopped"): the medicine still acts, so it is kept as current (the
  cautious reading) and the answer says so;
- ``current``: everything else, and explicitly "started warfarin last week", "has been on
  apixaban since 2019", "still takes", "restarted", "back on".

Which wins when a clause holds more than one cue: a future cue, then an explicit current cue,
then a stop (timed), then a past cue, then a past time alone ("had chemo in 2019"). A medicine
listed right after another ("used to take warfarin and aspirin") shares its time when it has
no cue of its own. Clauses end at sentence punctuation, commas and "but"/"and now"/"whereas"...
Regular expressions over the folded question (lower case, hyphens as spaces, same offsets).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence

from pydantic import BaseModel, ConfigDict

from acupath.answer.lexicon import ANSWER_DIR, read_model

PATH = ANSWER_DIR / "timing.yaml"
CURRENT, FUTURE, PAST, STOPPED_RECENTLY = "current", "future", "past", "stopped_recently"
LATEST_VALUE, EARLIER_VALUE = "latest_value", "earlier_value"
CAUTIOUS_VALUE, SET_ASIDE_VALUE = "cautious_value", "set_aside_value"
"""Statuses of one lab value among several of the same lab (:func:`.quantities.with_series`):
the latest decides; with the order unclear the most cautious decides and the others are set
aside."""
NOT_CURRENT = frozenset({FUTURE, PAST, EARLIER_VALUE, SET_ASIDE_VALUE})
"""Statuses that keep a medicine out of the intake (shown, not screened)."""


class Timing(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    windows_days: dict[str, int]
    vka_effect_gone_inr_below: float = 1.5
    """A vitamin K antagonist stopped days ago has worn off when an INR below this is given."""
    narrows: dict[str, str] = {}
    """A class whose window replaces a wider class's (``doac`` narrows ``anticoagulant``)."""
    word_windows_days: dict[str, int] = {}
    """A window for a medicine named by exactly these words, replacing its classes' (wave 10:
    "heparin", whose infusion wears off within hours)."""


@functools.cache
def timing() -> Timing:
    return read_model(PATH, Timing)


def window_days(classes: Iterable[str]) -> int:
    """The longest window of the given drug classes (the default when none has one)."""
    t = timing()
    w = t.windows_days
    given = set(classes)
    wider = {t.narrows[c] for c in given if c in t.narrows}
    days = [w[c] for c in given - wider if c in w]
    return max(days) if days else w["default"]


_CLAUSE_END = re.compile(
    r"[.;?!,()]|\s(?:but|however|whereas|while|though|although|and now|and then|then|and is|"
    r"and has|and takes|now takes|now on|yet|and (?:she|he|i|they|we))\s"
)
_FUTURE_BEFORE = re.compile(
    # "I'll be starting a blood thinner" (wave 7): the contracted "will"
    r"\b(?:(?:might|may|could|will|would|shall|going to|gonna|about to|plans? to|planning to|"
    r"planned to|due to|set to|hoping to|wants? to|needs? to|has to|have to|is to|are to|to|"
    r"['’]ll)\s+"
    r"(?:be\s+|have\s+to\s+)?(?:start|starting|begin|beginning|go on|going on|go onto|commence|"
    r"try|trial|be put on|put (?:her|him|me|them|you) on|be started on|start taking)"
    r"|consider(?:s|ing|ed)?|thinking (?:about|of)|think about|"
    r"talk(?:ing|ed)? about|(?:might|may|will) need|planned|plan for|proposed|"
    r"prescribed from next|before starting|before she starts|before he starts|"
    r"before i start|not yet (?:on|started))\b"
)
_FUTURE_HAVE = re.compile(
    # wave 9 (probe 9): a treatment still to be had ("I'm about to have radiotherapy", "is going
    # to have radiotherapy", "I'll be having radiation"): the verb right before the treatment,
    # so "going to have acupuncture while on warfarin" keeps the warfarin
    r"\b(?:about to|going to|gonna|due to|set to|scheduled to|booked (?:in )?to|will|['’]ll|"
    r"shall)\s+(?:be\s+)?(?:have|having|get|getting|undergo|undergoing|receive|receiving|start|"
    r"starting)\s+(?:(?:a|an|the|some|her|his|my|their|more|another|course of|a course of)\s+)*$"
)
_FUTURE_AFTER = re.compile(
    r"^\s*(?:(?:starting|from|after)\s+)?(?:next\s+(?:week|month|year)|soon)\b"
    # "Plavix is due to restart tomorrow", "apixaban will be started on Monday" (wave 6)
    r"|^\s*(?:is|are|will be|to be|gets|get)?\s*(?:due|set|going|planned|scheduled|booked)\s+to\s+"
    r"(?:be\s+)?(?:re\s?)?(?:start|begin|commence)"
    r"|^\s*(?:is|are)?\s*(?:to be|will be|being)\s+(?:re\s?)?started\b"
    # "cardiology mentioned warfarin as an option for later" (wave 6): a proposal, not a start
    r"|^\s*(?:was\s+|is\s+)?(?:mentioned\s+|suggested\s+|discussed\s+|raised\s+)?"
    r"as\s+an?\s+(?:option|possibility|alternative)\b"
    r"|^\s*(?:for|at a)\s+later\b"
)
_CURRENT_BEFORE = re.compile(
    r"\b(?:still|currently|restart(?:ed|s)?|resum(?:ed|es)|back on|started|has been on|"
    r"have been on|has been taking|have been taking|been on|remains on|stays on|continues|"
    r"continuing|now on|now takes|is now on|now taking|"
    # a switch names the medicine taken since ("switched him to Xarelto last year"; wave 5)
    r"(?:switched|changed|swapped|moved|converted|transferred)\s+(?:(?:him|her|me|us|them|you)\s+)?"
    r"(?:over\s+)?(?:on)?to|put (?:him|her|me|us|them|you) on|"
    r"(?:switched|changed|swapped|moved)\s+(?:(?:him|her|me|us|them|you)\s+)?from\s+\S+"
    r"(?:\s+\S+)?\s+(?:on)?to)\b"
)
_BEGUN = re.compile(r"started|began|begun")
_OFF_NOW = re.compile(
    r"\b(?:still|currently)\s+(?:off|held|withheld|suspended|paused)\s+"
    r"(?:(?:the|her|his|my|their|your)\s+)?$"
)
_CURRENT_AFTER = re.compile(
    # "warfarin withheld since Mon" (wave 7): a time after a stop word is the stop's
    r"^\s*(?:(?!(?:stopped|withheld|held|discontinued|ceased|suspended|off)\b)\w+\s+){0,4}?"
    r"(?:since|for the (?:last|past))\b"
)
_STOPPED_FOR = re.compile(
    # the time a stop has lasted (wave 7): "withheld since Mon (5 days)", "held for 3 days",
    # "off it for the last 2 weeks"; a weekday is within the week (so within any window)
    r"\(\s*(\d{1,2})\s*(day|week|wk)s?\s*\)|\bfor\s+(?:the\s+(?:last|past)\s+)?(\d{1,2})\s+"
    r"(day|week|wk)s?\b|\bsince\s+(?:mon|tues?|wed|thurs?|fri|sat|sun)(?:day|nesday|rsday|urday)?\b"
)
_TAKES_NOW = re.compile(
    # a present-tense "take" right before the medicine (probe 2 G5: "I take apixaban for a clot
    # I had in the spring" is current; the past time belongs to the indication)
    r"\b(?:i|you|we|they|she|he|mum|mom|dad|patient|pt)\s+(?:(?:still|also|now|currently)\s+)?"
    r"(?:take|takes|am taking|is taking|are taking|use|uses)\s+(?:(?:her|his|my|their|your)\s+)?$"
    # wave 20 (held-out part 19 h19035 "I forgot to tell the acupuncturist I'm on Eliquis when
    # I had my first session last week"): "I'm on" is the present; a time after it dates
    # another clause
    r"|\b(?:i\s*['’]?m|im|i\s+am|(?:she|he)\s*['’]?s|(?:she|he)\s+is|we\s*['’]?re|we\s+are)\s+"
    r"(?:(?:still|also|now|currently)\s+)?on\s+(?:(?:her|his|my|their|your|the)\s+)?$"
)
_INDICATION = re.compile(
    # "due to start" is a plan, not an indication (wave 6)
    r"\s(?:for|because of|after|"
    r"due to(?!\s+(?:be\s+)?(?:re\s?)?(?:start|begin|commence|stop|finish|end)))\s"
    # wave 10 (h9015): "clopidogrel 75 mg monotherapy post-TIA two years ago", "aspirin
    # following a stroke in 2019": "post" and "following" name the event the time dates
    r"|\s(?:post|following)[\s-]"
)
"""Where a medicine's indication starts ("apixaban for a clot I had in the spring"): a time
after it dates the indication, not the medicine."""
_STOP_BEFORE = re.compile(
    # a stop word within the last four words before the medicine ("stopped taking her
    # clopidogrel"); "off", "held" and "ended" only right before it ("off warfarin"), since
    # "off work" or "held her hand" say nothing about a medicine
    r"\b(?:stopped(?:\s+taking)?|stop(?:ped)? using|discontinued|came off|come off|coming off|"
    r"taken off|quit|gave up|finished|completed|ceased|withheld)(?:\s+\S+){0,3}\s*$"
    # wave 9: "off any anticoagulant" (probe 9)
    r"|\b(?:off|held|ended)\s+(?:(?:the|her|his|my|their|your|all|any)\s+)?$"
    # wave 21 (h20040 "I finished my last round of chemo in March"): the last or final round,
    # cycle or course of it finished or had
    r"|\b(?:finished|completed|had|did|done)\s+(?:(?:my|her|his|their|the|our)\s+)?"
    r"(?:last|final)\s+(?:round|cycle|course|dose|session|infusion|block|lot|treatment)s?\s+of\s+$"
)
_STOP_AFTER = re.compile(
    # wave 10: the form it is given in may stand between ("heparin infusion stopped 3 days ago")
    r"^\s*(?:(?:infusion|drip|injections?|tablets?|pills?|jabs?|patch(?:es)?|therapy)\s+)?"
    # wave 23 (h22116 "Warfarin now stopped permanently"): "now" before the stop word
    r"(?:was|were|has been|have been|had been|got|is|are|being)?\s*(?:now\s+)?"
    r"(?:recently\s+|just\s+)?(?:stopped|discontinued|held|withheld|ceased|finished|completed|ended|halted|suspended)\b"
)
_PAST_BEFORE = re.compile(
    r"\b(?:used to(?:\s+(?:take|be on|have))?|previously(?:\s+on)?|formerly|ex(?=\s*$)|"
    r"no longer(?:\s+(?:on|takes|taking))?|in the past|"
    r"(?:switched|changed|swapped|moved)\s+(?:(?:him|her|me|us|them|you)\s+)?(?:over\s+)?from)\b"
)
_PAST_NAMED = re.compile(
    # wave 18 (h15037 "Does the old warfarin matter at all?"): a medicine named as a former one
    # ("my old warfarin", "the previous clopidogrel", "my former blood thinner was Eliquis");
    # not "still on the same old warfarin" (a current word is read first)
    # nor an age ("an 85 year old warfarin patient")
    r"\b(?<!year )(?<!years )(?<!yr )(?<!yrs )(?:old|previous|former|prior|earlier)\s+"
    r"(?:(?:\w+\s+){0,2}(?:was|were)\s+)?$"
)
_NOTHING_SINCE = re.compile(
    # wave 18 (h15067 "did 6 months of rivaroxaban then, nothing since"): a course said to be
    # followed by nothing, later in its sentence; not "nothing else since" after a current word
    # (read first) nor "nothing since the op has changed" (a subject of its own)
    r"[^.;?!]{0,60}?(?:,|\band\b|\bthen\b)\s*(?:then\s+)?(?:nothing|none|no more|not again|"
    r"not since"
    # wave 21 (h20094 "treated 6 months with warfarin, no anticoagulation since"): nothing of
    # its kind since, said by the kind
    r"|no (?:more )?(?:anticoag\w*|blood thinn\w*|thinners|tablets|pills|medication|medicines?|"
    r"meds|injections|treatment|chemo\w*|steroids))(?:\s+(?:else|of it|more))?\s+since(?:\s+then)?"
    r"\s*(?:[.;?!,]|$)"
)
_PAST_AFTER = re.compile(
    # "was on warfarin until last month"; not an end still to come ("until the end of this
    # week", "till Friday", "until after the op": still taken now; wave 6)
    r"^\s*(?:\w+\s+){0,3}?(?:until|till|up to)\b(?!\s+(?:the end of (?:this|next|the)|this|next|"
    r"tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|after|further|her|his|"
    r"the (?:op|operation|surgery|procedure)|my|then))"
)
_RECENT = re.compile(r"\b(?:just|recently|only just|a few days ago|couple of days ago|days ago)\b")
_WORD_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "couple of": 2, "few": 3,
}  # fmt: skip
_UNIT_DAYS = {"day": 1, "week": 7, "wk": 7, "month": 30, "year": 365, "yr": 365}
_AGO = re.compile(
    r"\b(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|couple of|few)"
    r"\s+(day|week|wk|month|year|yr)s?\s+(?:ago|back|before)\b"
)
_NOTE_AGO = re.compile(
    # wave 7: clinical note notation, "2/7 ago" (days), "1/52 ago" (weeks), "3/12 ago" (months)
    r"(?<![\d/.])(\d{1,2})\s*/\s*(7|52|12)(?![\d/])\s*(?:ago|back|before)\b"
)
_NOTE_UNIT_DAYS = {"7": 1, "52": 7, "12": 30}
_NAMED_TIMES = {
    "today": 0, "this morning": 0, "tonight": 0, "yesterday": 1, "last night": 1,
    "this week": 3, "last week": 7, "last weekend": 7, "last month": 30, "last year": 365,
    "over the weekend": 3,
}  # fmt: skip
_NAMED = re.compile(r"\b(?:" + "|".join(re.escape(k) for k in _NAMED_TIMES) + r")\b")
_DATED = re.compile(
    r"\b(?:in|since|on|during|back in)\s+(?:(?:early|late|mid)\s+)?(?:(?:19|20)\d\d|january|"
    r"february|march|april|may|june|july|august|september|october|november|december|jan|feb|"
    r"mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|the spring|the summer|the autumn|the fall|"
    r"the winter)\b|\b(?:years|months)\s+ago\b|\blast year\b"
)


def _clause(folded: str, start: int, end: int) -> tuple[int, int]:
    lo = max((m.end() for m in _CLAUSE_END.finditer(folded, 0, start)), default=0)
    nxt = _CLAUSE_END.search(folded, end)
    return lo, nxt.start() if nxt else len(folded)


def _days(text: str) -> int | None:
    """Days ago a time expression in ``text`` says, or None; -1 for "recently"/"just"."""
    m = _AGO.search(text)
    if m:
        raw = m.group(1)
        n = int(raw) if raw.isdigit() else _WORD_NUMBERS[raw]
        return n * _UNIT_DAYS[m.group(2)]
    note = _NOTE_AGO.search(text)
    if note:
        return int(note.group(1)) * _NOTE_UNIT_DAYS[note.group(2)]
    m2 = _NAMED.search(text)
    if m2:
        return _NAMED_TIMES[m2.group(0)]
    if _DATED.search(text):
        return 10**6  # a date or month: not within days, as far as the question says
    if _RECENT.search(text):
        return -1
    return None


def medicine_status(
    folded: str, start: int, end: int, classes: Sequence[str]
) -> tuple[str, str | None]:
    """``(status, reason)`` of the medicine at ``folded[start:end]`` (module docstring). A
    medicine inside brackets with no time of its own takes the time of the words around the
    brackets ("finished all my treatment (AC-T, then radiotherapy) in 2023"; wave 6)."""
    status = _status(folded, start, end, classes)
    if status != (CURRENT, None):
        return status
    bracket = _bracket(folded, start, end)
    if bracket is None:
        return status
    a, b = bracket
    # the medicine is read as if it stood in place of its brackets, so the words around them
    # give its time
    width = end - start
    if b - a <= width:
        return status
    moved = folded[:a] + " " + folded[start:end] + " " * (b - a - width - 1) + folded[b:]
    return _status(moved, a + 1, a + 1 + width, classes)


def _bracket(folded: str, start: int, end: int) -> tuple[int, int] | None:
    """The (open, close + 1) offsets of the brackets around ``folded[start:end]``, if any."""
    a = folded.rfind("(", 0, start)
    if a < 0 or folded.rfind(")", a, start) >= 0:
        return None
    b = folded.find(")", end)
    if b < 0 or b - a > 120:
        return None
    return a, b + 1


def _status(folded: str, start: int, end: int, classes: Sequence[str]) -> tuple[str, str | None]:
    lo, hi = _clause(folded, start, end)
    # the cues of a medicine stand close before it: the last six words of its clause
    left = " ".join(folded[lo:start].split(" ")[-7:])
    right = folded[end:hi]
    corrected = _CORRECTED_STOP.match(folded, end, min(len(folded), end + 120))
    if corrected is not None:
        # wave 17 (h14091 "I take baby aspirin? no wait, my doctor took me off it last
        # winter"): a self-correction that stops the medicine replaces what was said first
        days = _days(re.split(r"[.;?!]", folded[corrected.end() : corrected.end() + 40])[0])
        limit = timing().word_windows_days.get(folded[start:end].strip(), window_days(classes))
        if days is not None and days <= limit:
            return STOPPED_RECENTLY, (
                f"stopped within {limit} days: its effect may last that long, so it is kept"
            )
        return PAST, "corrected by the writer: stopped"
    if _CORRECTED_NOT_STARTED.match(folded, end, min(len(folded), end + 120)):
        return FUTURE, "corrected by the writer: planned, not started"
    if _CORRECTED_PAST.search(folded, end, min(len(folded), end + 250)):
        return PAST, "corrected by the writer: taken in the past"
    if _NEVER_GIVEN.match(folded, end):
        return PAST, NEVER_GIVEN
    if _TAKES_NOW.search(left):
        return CURRENT, None
    full_right = right
    ind = _INDICATION.search(right)
    if ind and not _CURRENT_AFTER.search(right) and not _STOP_AFTER.search(right):
        right = right[: ind.start()]
    if _FUTURE_BEFORE.search(left) or _FUTURE_AFTER.search(right) or _FUTURE_HAVE.search(left):
        near = left + " " + right
        definite = _DEFINITE_START.search(left) or _FUTURE_AFTER.search(right)
        if definite and _SOON.search(near) and not _SESSION_NOW.search(folded):
            # "will start clopidogrel tomorrow; acupuncture next Tuesday": a definite start
            # within days comes before any session booked now (wave 6)
            return CURRENT, STARTS_SOON
        return FUTURE, "planned or possible, not taken now"
    later = (
        _STOPPED_LATER.match(folded, end)
        or _stopped_back(folded, end)
        or _NOTHING_SINCE.match(folded, end)
    )
    current = _CURRENT_BEFORE.search(left)
    if current is not None and _OFF_NOW.search(left):
        # wave 21 (h20035 "currently off rivaroxaban for his colonoscopy"): "currently" or
        # "still" told of a hold ("currently off", "still held") is the hold's time, not a
        # medicine taken now
        current = None
    if current is not None and later is not None and _BEGUN.fullmatch(current.group()):
        # wave 20 (h18048 "Started Xarelto after a clot at Christmas, ..., and I finished the
        # last pack in June"): a start told before a stop later in the sentence is the
        # course's beginning, and the stop after it ends the course
        current = None
    if current is not None or _CURRENT_AFTER.search(right):
        return CURRENT, None
    stop = _STOP_BEFORE.search(left) or _STOP_AFTER.search(right) or later
    resumed = _resumed(folded, end) if stop else None
    if resumed is not None:
        return CURRENT, resumed
    if stop and _restarts(_sentence(folded, start, end)):
        # "off her clopidogrel for a week before the op, restarts after": a hold around a
        # procedure, still her medicine (wave 6)
        return CURRENT, HELD
    if stop:
        days = _days(left + " " + right)
        if days is None and later:
            # "apixaban, stopped 2 days ago": the time follows the stop word (wave 7)
            days = _days(_sentence(folded, later.end(), later.end())[:80])
        lasted = _STOPPED_FOR.search(right) if days is None else None
        if lasted:
            n, unit = (lasted.group(1), lasted.group(2)) if lasted.group(1) else lasted.group(3, 4)
            days = int(n) * _UNIT_DAYS[unit] if n else 7
        limit = timing().word_windows_days.get(folded[start:end].strip(), window_days(classes))
        if days is not None and days <= limit:
            return STOPPED_RECENTLY, (
                f"stopped within {limit} days: its effect may last that long, so it is kept"
            )
        return PAST, "stopped"
    if _PAST_BEFORE.search(left) or _PAST_AFTER.search(right) or _PAST_NAMED.search(left):
        return PAST, "taken in the past"
    days = _days(right)
    if days is None and _PAST_VERB.search(left):
        days = _days(full_right)  # "had warfarin for a DVT in 2015": the time is the course's
    dated = _DATED_PAST.search(left + right) or (
        _PAST_VERB.search(left) and _DATED_PAST.search(full_right)
    )
    if days is not None and days > window_days(classes) and dated:
        if _STARTED.search(left + " " + right):
            return CURRENT, None  # "apixaban started 3 months ago": taken since (wave 7)
        return PAST, "taken in the past"
    return CURRENT, None


NEVER_GIVEN = "prescribed or charted but never given: not taken"
_NEVER_GIVEN = re.compile(
    # wave 23b (h23132 "Enoxaparin prescribed on admission but NOT given ... crossed off
    # chart"): a medicine prescribed, charted or ordered and then said, in its sentence, never
    # to have been given, taken or started was never taken. "Not yet given" and "not given
    # today" are a dose still due (the medicine stays current), and a dose missed after others
    # ("given daily but not given this morning") has no prescribing word before it.
    r"[\s:,'\"]*(?:(?:was|were|had been|has been)\s+)?(?:prescribed|charted|ordered|written up|"
    r"dispensed)\b[^.;?!]{0,50}?\b(?:but|and|yet|however)\s+"
    r"(?:(?:it|they|this|that|she|he|i|we|pt|the patient)\s+)?"
    r"(?:(?:was|were|has|had|have)\s*(?:n['’]?t|not)?\s*)?(?:never|not|n['’]t)\s+(?:been\s+)?"
    r"(?:given|administered|taken|started|dispensed|used|collected)\b"
    r"(?!\s+(?:yet|today|tonight|this (?:morning|evening)|so far)\b)"
)
_STARTED = re.compile(
    r"\b(?:started|began|begun|commenced|initiated|put on|switched (?:to|onto)|changed (?:to|onto)|"
    r"been on|been taking)\b"
)
STARTS_SOON = "starts within days, before a session booked now: screened as current"
HELD = "held around a procedure and to be restarted: screened as current"
_DEFINITE_START = re.compile(
    r"\b(?:will|['’]ll|shall|going to|gonna|about to|due to|set to|is to|are to|plans? to|"
    r"planned to|booked to|scheduled to)\s+(?:be\s+)?(?:start|starting|begin|beginning|commence|"
    r"go on|going on|go onto|be put on|be started on|start taking)\b"
    r"|\b(?:is|are|am|i['’]m|she['’]s|he['’]s)\s+(?:starting|beginning|commencing|going on)\b"
    r"|\b(?:starting|beginning|commencing)\s*$"
)
_SOON = re.compile(
    r"\b(?:today|tonight|tomorrow|this (?:morning|afternoon|evening|week|weekend)|later today|"
    # wave 22 (h21095 "due to start warfarin a fortnight Tuesday"): a weekday a week or a
    # fortnight on ("a fortnight Tuesday", "a week on Monday", "Thursday week") is no start soon
    r"(?<!fortnight )(?<!fortnight on )(?<!week )(?<!week on )(?<!weeks )(?<!weeks on )"
    r"(?:on |this |from |next )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?!\s+(?:week|fortnight)\b)|"
    r"in (?:a|one|two|three|four|five|six|\d) days?|in a couple of days|in a few days|"
    r"from now on|straight away|right away|immediately)\b"
)
_SESSION_NOW = re.compile(
    # the session is today: a start tomorrow comes after it ("acupuncture today?"; wave 6)
    r"\b(?:acupuncture|session|needling|needles|appointment|treatment)\b[^.;!?]{0,25}\b(?:today|"
    r"this morning|this afternoon|this evening|tonight|right now)\b"
    r"|\b(?:today|this morning|this afternoon)\b[^.;!?]{0,25}\b(?:acupuncture|session|needling)"
)
_RESTART = re.compile(
    r"(?<!never )(?<!not )(?<!n['’]t )\b(?:restart\w*|re start\w*|resum\w*|going back on|"
    r"go back on|back on it|until after|till after|before (?:the|her|his|my|a|an) (?:op|operation|"
    r"surgery|procedure|extraction|biopsy|injection|scope|colonoscopy|endoscopy|dental \w+))\b"
)
_NOT_RESTARTED = re.compile(
    # "never went back on it", "didn't restart it", "may put me back on it", "will restart it if
    # I need another stent": a restart denied, possible or conditional is none
    r"\b(?:never|not|no|n['’]t|may|might|could|would|if|unless|in case|should|plan\w*|"
    r"consider\w*|thinking|wants?|hope\w*)\b(?:\s+\S+){0,3}\s*$"
)
_IF_AFTER = re.compile(r"\s*(?:\S+\s+){0,2}?(?:if|should|in case|unless|when needed)\b")


def _restarts(sentence: str) -> bool:
    """Whether the sentence restarts the medicine (:data:`_RESTART`), not denied, possible or
    conditional ("never went back on it", "will restart it if needed")."""
    for m in _RESTART.finditer(sentence):
        before = sentence[max(0, m.start() - 40) : m.start()]
        if _NOT_RESTARTED.search(before) or _IF_AFTER.match(sentence, m.end()):
            continue
        return True
    return False


RESUMED = "stopped, then taken again: the latest status wins, screened as current"
_RESUMED = re.compile(
    # wave 17 (h14060 "stopped my apixaban ... I'm on it again since October", p12075 "Stopped
    # the Plavix last year but I'm on it again since my second stent"): a medicine stopped and
    # then taken again, said of it by a pronoun later in its sentence or in the next one. Reading
    # rule, clinic policy: the latest status told is the patient's status now, and a medicine
    # taken now is screened.
    r"\b(?:on|taking|using|started|start|starting|began|begun)\s+(?:it|them|that|this|the same)"
    r"(?:\s+(?:one|ones|tablets?|pills?|medicine))?\s+(?:(?:all\s+)?over\s+)?again\b"
    r"|\b(?:back\s+on|back\s+taking)\s+(?:it|them|that|this|the same)\b"
    r"|\b(?:restart\w*|re\s+start\w*|resum\w*)\s+(?:it|them|that|taking)\b"
    r"|\b(?:it|they|that|this)\s+(?:was|were|has\s+been|have\s+been|got|is)\s+(?:now\s+)?"
    r"(?:restarted|resumed|re\s+started|started\s+again|back\s+on)\b"
    r"|\bagain\s+on\s+(?:it|them)\b"
    # wave 21 (h20049 "came off the Eliquis ... 3 weeks ago; cardiology told her today to
    # restart immediately and she has"): a restart told with its time, soon or now
    r"|\b(?:restart\w*|re\s+start\w*|resum\w*)\s+(?:(?:it|them|that|taking)\s+)?"
    r"(?:(?:on|from)\s+)?(?=(?:today|tonight|tomorrow|now|immediately|straight away|right away|"
    r"at once|this (?:evening|morning|afternoon|week)|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)\b)"
)


def _resumed(folded: str, end: int) -> str | None:
    """How the medicine ending at ``end`` is said to be taken again (:data:`_RESUMED`) later in
    its sentence or in the next one: :data:`RESUMED`, or :data:`HELD` for a definite restart
    within days (wave 21); None when denied, possible or planned later."""
    stops = [i for i in range(end, len(folded)) if folded[i] in ".;?!"]
    hi = stops[1] if len(stops) > 1 else len(folded)
    for m in _RESUMED.finditer(folded, end, min(hi, end + 220)):
        before = folded[max(end, m.start() - 40) : m.start()]
        if _NOT_RESTARTED.search(before):
            continue
        planned = _FUTURE_BEFORE.search(before[-30:]) or re.search(
            r"\b(?:will|['’]ll|going to|gonna|due to|about to)\s+(?:\S+\s+)?$", before
        )
        # wave 21 (h20035 "off rivaroxaban for his colonoscopy; due to restart it tomorrow
        # evening and our session is next Friday"): a definite restart within days comes before
        # any session booked now, as a definite start does (wave 6, STARTS_SOON)
        soon = _SOON.search(folded[m.end() : m.end() + 25]) and not _SESSION_NOW.search(folded)
        if planned and not soon:
            continue
        return HELD if planned else RESUMED
    return None


_CORRECTED_STOP = re.compile(
    # wave 17 (h14091): a correction word, then a stop said of the medicine by a pronoun within
    # a few words ("no wait, my doctor took me off it", "sorry, I stopped it", "actually no, they
    # stopped that in 2021"). Reading rule, clinic policy: the writer's correction is the fact.
    r"[^.;?!]{0,6}[.;?!,\s-]*\s*(?:no\s+wait|wait(?:\s+no)?|no\s+sorry|sorry|oh\s+sorry|"
    r"actually(?:\s+no)?|correction|i\s+mean|scratch\s+that|my\s+mistake|my\s+bad|oops|"
    r"oh\s+no|no\s+no)\b[,!\s-]*"
    r"(?:(?!(?:never|not|didn|didnt|don|dont|haven|havent|hasn|hasnt|won|wont|may|might|will|"
    r"could|should|would|if)\b)[\w']+\s+){0,4}?"
    r"(?:(?:stopped|discontinued|quit|ceased)\s+(?:taking\s+)?(?:it|them|that)"
    r"|(?:took|taken|came|come|went|gone|been\s+taken)\s+(?:(?:me|him|her|them|us)\s+)?off\s+"
    r"(?:it|them|that)"
    r"|(?:it|that|they)\s+(?:was|were|got|has\s+been|have\s+been)\s+(?:stopped|discontinued)"
    r"|(?:i['’]?m|i\s+am|she['’]?s|he['’]?s|they['’]?re|we['’]?re)\s+(?:not|no\s+longer)\s+"
    r"(?:on|taking)\s+(?:it|them|that)(?:\s+any\s*more)?)\b"
)
_CORRECTED_NOT_STARTED = re.compile(
    # wave 23 (h22045 "Started apixaban? - correction: cardiology PLANNED apixaban but it hasn't
    # been started"): a correction word, then the medicine said to be only planned or not
    # started, within its sentence. Reading rule, clinic policy, as :data:`_CORRECTED_STOP`.
    r"[^.;?!]{0,6}[.;?!,\s-]*\s*(?:no\s+wait|wait(?:\s+no)?|no\s+sorry|sorry|actually(?:\s+no)?|"
    r"correction|i\s+mean|scratch\s+that|my\s+mistake|my\s+bad|oops)\b[,:!\s-]*"
    r"[^.;?!]{0,60}?(?:\b(?:only\s+)?(?:planned|proposed|suggested)\b"
    r"|\b(?:has|have|had|was|is|were)\s*n[o']?t\s+(?:yet\s+)?(?:been\s+)?(?:yet\s+)?"
    r"(?:started|begun)\b|\b(?:hasn|haven|wasn|isn)[’']?t\s+(?:yet\s+)?(?:been\s+)?"
    r"(?:started|begun)\b|\bnot\s+(?:yet\s+)?started\b|\bnever\s+started\b)"
)
_CORRECTED_PAST = re.compile(
    # wave 21 (h20034 "has been on warfarin for years ... Sorry, I meant she WAS on it - the
    # cardiologist stopped the warfarin in October"): a correction word, then the medicine said
    # by a pronoun to be taken in the past, later in the question. Reading rule, clinic policy,
    # as :data:`_CORRECTED_STOP`: the writer's correction is the fact.
    r"\b(?:no\s+wait|sorry|actually(?:\s+no)?|correction|i\s+meant?|scratch\s+that|"
    r"my\s+mistake|oops)\b[,!\s-]*(?:(?:i|no|sorry)\s+meant?\s+)?(?:that\s+)?"
    r"(?:i|she|he|they|we|mum|mom|dad)\s+(?:was|were|used\s+to\s+be)\s+on\s+(?:it|them|that)\b"
)
_STOPPED_LATER = re.compile(
    # "FOLFOX (6 cycles), finished in the spring": a stop word after a comma that follows
    # the treatment (the clause ends at the comma, the sentence does not)
    # or in brackets right after it: "apixaban (discontinued)" (wave 6)
    # or after a dash or a full stop in a note: "apixaban - NB this was stopped" (wave 7)
    r"\s*(?:\([^)]{0,40}\))?\s*(?:[,(]\s*(?:which\s+|that\s+|and\s+)?"
    r"|(?:\s-\s|\.\s)\s*(?:n\.?b\.?:?\s+|note:?\s+)?(?:this|it|which|that)\s+)"
    r"(?:was\s+|were\s+|is\s+|has been\s+|had been\s+)?(?:all\s+)?(?:finished|completed|"
    r"stopped|ended|discontinued|done|over)\b(?!\s+(?:smoking|drinking|alcohol|work|working))"
)


_STOPPED_BACK = re.compile(
    # wave 8: a stop said of the medicine by a pronoun later in its sentence: "was on apixaban
    # for a PE but it was stopped in January", "rivaroxaban for 5 weeks after, stopped it last
    # week", "took Eliquis but he stopped it two weeks ago", "but that was discontinued"
    # wave 12: "..., so they stopped it"
    r"(?:,|\bbut\b|\band\b|\bthen\b|\bso\b)\s*(?:"
    r"(?:it|this|that)\s+(?:was\s+|has\s+been\s+|had\s+been\s+|got\s+|is\s+)(?:recently\s+|"
    r"just\s+)?(?:stopped|discontinued|ceased|withdrawn|withheld|finished|completed)"
    r"|(?:(?:she|he|they|i|we|you|(?:the|my|her|his|their)\s+\w+(?:\s+team)?)\s+)?"
    r"(?:then\s+|recently\s+|just\s+)?"
    r"(?:stopped|discontinued|ceased|quit|came\s+off|finished|completed)\s+(?:it|them|taking\s+it)"
    # wave 18 (h15037 "but the haematologist took me off it in 2023")
    r"|(?:(?:she|he|they|(?:the|my|her|his|their)\s+\w+(?:\s+team)?)\s+)?(?:then\s+)?"
    r"(?:took|has\s+taken|had\s+taken)\s+(?:me|him|her|them|us)\s+off\s+(?:it|them)"
    # wave 19 (h17092 "taking fragmin injections after my knee op ..., finished the course in
    # August"): the course, injections or tablets of the medicine said to be finished; a course
    # of something else ("the course of physio") is none
    # wave 20 (h18048 "the haematologist said six months and stop, and I finished the last pack
    # in June"): the last or final pack, box or packet finished ends the course too, unless a
    # next one is said to follow ("finished the last pack, picking up the next one tomorrow")
    r"|(?:(?:she|he|they|i|we)\s+)?(?:then\s+)?(?:finished|completed|stopped|ended)\s+"
    r"(?:the|my|her|his|their)\s+(?:whole\s+|last\s+|final\s+)?(?:course|injections|jabs|"
    r"shots|tablets|pills|prescription|packs?|packets?|box(?:es)?|syringes?)(?!\s+(?:of|for)\b)"
    r"(?![^.;?!]{0,60}\b(?:next|new|another|repeat|refill|more)\b)"
    r")\b"
)


def _stopped_back(folded: str, end: int) -> re.Match[str] | None:
    """A pronoun stop of the medicine ending at ``end`` within the next 80 characters of its
    sentence (:data:`_STOPPED_BACK`), or None."""
    hi = next((i for i in range(end, min(len(folded), end + 80)) if folded[i] in ".;?!"), None)
    m = _STOPPED_BACK.search(folded, end, hi if hi is not None else min(len(folded), end + 80))
    if m is not None and _LISTED.search(folded, end, m.start()):
        return None  # "on apixaban and aspirin, but stopped it": which one is unclear; kept
    if m is None and hi is None:
        # wave 12 (p10072): a long story between the medicine and the stop, in one sentence
        # ("on a heparin drip for a few days for a suspected clot, which turned out not to be a
        # clot, so they stopped it"); no other medicine may be listed right after it
        far = next((i for i in range(end, min(len(folded), end + 200)) if folded[i] in ".;?!"), 0)
        m = _STOPPED_BACK.search(folded, end, far) if far else None
        if m is not None and _LISTED.search(folded, end, min(m.start(), end + 25)):
            return None
    return m


_LISTED = re.compile(r"\b(?:and|or|plus|with|also)\b|[/+&]")


def _sentence(folded: str, start: int, end: int) -> str:
    lo = max((i + 1 for i in range(start) if folded[i] in ".;?!"), default=0)
    hi = next((i for i in range(end, len(folded)) if folded[i] in ".;?!"), len(folded))
    return folded[lo:hi]


_PAST_VERB = re.compile(r"\b(?:had|took|was on|were on|was given|got|during|while on)\b")
_DATED_PAST = re.compile(r"\b(?:had|ago|last year|in (?:19|20)\d\d|back in)\b")
_LIST_GAP = re.compile(
    r"^[\s,/&+]*(?:and|or|plus|with|then)?[\s,/&+]*$"
    # a bracket right after the treatment that names its drug: "chemoradiation (weekly
    # cisplatin)", "FOLFOX (oxaliplatin ...": the drug shares the treatment's time
    r"|^\s*\(\s*(?:[a-z0-9]+\s+){0,2}$"
)


def statuses(
    folded: str, spans: Sequence[tuple[int, int, Sequence[str]]]
) -> list[tuple[str, str | None]]:
    """:func:`medicine_status` of each ``(start, end, classes)`` span, in order, with a
    medicine listed right after another sharing that one's status when it has no cue."""
    out: list[tuple[str, str | None]] = []
    order = sorted(range(len(spans)), key=lambda i: spans[i][0])
    result: dict[int, tuple[str, str | None]] = {}
    prev: int | None = None
    for i in order:
        s, e, classes = spans[i]
        status = medicine_status(folded, s, e, classes)
        if prev is not None and status[0] == CURRENT:
            _, pe, _ = spans[prev]
            gap = folded[pe:s]
            if _LIST_GAP.match(gap) and result[prev][0] != CURRENT:
                status = result[prev]
        result[i] = status
        prev = i
    out = [result[i] for i in range(len(spans))]
    return out


def describe_status(status: str) -> str:
    """The words the answer adds after a medicine with this status."""
    return {
        FUTURE: "planned, not taken now: not screened",
        PAST: "stopped: not screened",
        STOPPED_RECENTLY: "stopped only days ago: still screened, its effect may last",
        LATEST_VALUE: "the latest value: this one is used",
        EARLIER_VALUE: "an earlier value: the latest one is used",
        CAUTIOUS_VALUE: "which value is the latest is unclear: this more cautious one is used",
        SET_ASIDE_VALUE: "which value is the latest is unclear: the more cautious one is used",
        "topic": "the topic of the question, not a fact about a patient: not screened",
        "other_person": "said of another person, not the patient: not screened",
    }.get(status, "")


def status_mapping() -> Mapping[str, str]:
    return {s: describe_status(s) for s in (FUTURE, PAST, STOPPED_RECENTLY)}


_STRONG_END = re.compile(
    r"[.;?!]|\s(?:but|however|whereas|while|though|although|and now|now|and then|yet|"
    r"and (?:she|he|i|they|we))\s"
)
_NEGATION_WORD = re.compile(
    r"\b(?:no|not|denies|denied|deny|without|never|free of|negative for|absence of|isn['’]?t|"
    r"nor|neither|doesn['’]?t|don['’]?t|no longer|stopped|ruled out|none|nothing)\b"
)
_AFFIRMED_AFTER_COMMA = re.compile(
    r",\s*(?:but\s+|and\s+)?(?:(?:now|just|only|currently|still)\s+)?(?:on|takes|taking|uses|"
    r"using)\s"
)
_OFF_RIGHT_BEFORE = re.compile(r"\boff\s+(?:(?:the|her|his|my|their|your|all|any)\s+)?$")


def timing_cue(folded: str, start: int, end: int) -> bool:
    """Whether the medicine or treatment at ``folded[start:end]`` has a time of its own: a
    word of now ("currently", "has been on", "I take"), of a stop or of a past (wave 9: a
    treatment named again without one takes the time of its first naming)."""
    lo, hi = _clause(folded, start, end)
    left = " ".join(folded[lo:start].split(" ")[-7:])
    right = folded[end:hi]
    return bool(
        _TAKES_NOW.search(left)
        or _CURRENT_BEFORE.search(left)
        or _CURRENT_AFTER.search(right)
        or _STOP_BEFORE.search(left)
        or _STOP_AFTER.search(right)
        or _PAST_BEFORE.search(left)
        or re.search(r"\b(?:currently|now|today|at the moment|already)\b", left + " " + right)
    )


def negation_in_clause(folded: str, start: int) -> bool:
    """Whether a negation word stands between the last strong clause break (sentence end,
    "but", "and now", "and she"...) and ``start``; a comma is not a strong break, so a list
    stays governed ("not on warfarin, aspirin or clopidogrel")."""
    lo = max((m.end() for m in _STRONG_END.finditer(folded, 0, start)), default=0)
    # wave 10 (h9020): "no anticoagulation, on aspirin 75 only": a comma followed by "on" or
    # "takes" after the last negation word starts a new, affirmed clause
    last = max((m.end() for m in _NEGATION_WORD.finditer(folded, lo, start)), default=None)
    if last is not None and _AFFIRMED_AFTER_COMMA.search(folded, last, start):
        lo = start
    # "off" denies a medicine only right before it ("off warfarin", not "off work and on
    # warfarin")
    return bool(
        _NEGATION_WORD.search(folded, lo, start) or _OFF_RIGHT_BEFORE.search(folded[lo:start])
    )
