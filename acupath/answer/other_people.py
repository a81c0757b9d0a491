"""Whose facts: the patient's, or another person's (wave 5 onwards).

A question often names more than one person: "I have back pain. My wife she is pregnant", a
carer asking for two parents, a clinician's list of patients, "asking for my brother ... I'm
the one on chemo". :func:`others` reads who each clause is about and gives every fact of a
person who is not the patient the status ``other_person``
(:data:`acupath.answer.context.OTHER_PERSON`): shown in the answer, never screened. Where the
words do not decide, the fact stays the patient's, the cautious reading.

Split out of :mod:`acupath.answer.context` in wave 21 without change: the readings, their wave
notes and their order are as they were there.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Collection, Sequence
from typing import Any

from acupath.answer.audiences import NOT_FOR_ME
from acupath.answer.context import (
    _NEVER_OTHER,
    FIRST_PERSON,
    OTHER_PERSON,
    TOPIC,
    Mention,
    _overlaps,
    fold,
)
from acupath.answer.lexicon import patient_words
from acupath.answer.named_one import named_one, named_target
from acupath.answer.timing import EARLIER_VALUE, LATEST_VALUE

# a decimal point ("INR was 4.1") ends no clause (wave 12, p10087)
_CLAUSE_END = re.compile(r"\.(?!\d)|[?!;]|\b(?:i|i['’]m|im|i['’]ve|ive|i['’]d|me|my|mine|myself)\b")
_THIRD_PERSON = re.compile(r"\b(?:she|she['’]s|shes|her|hers|he|he['’]s|hes|him|his|they|them)\b")


_KIN_MORE = re.compile(
    # wave 11 (h10006, h10093): a relative named by age ("my 6 year old", "my 4-year-old",
    # "my 10 yr old") or with a word before the relation ("my twin sister", "my little
    # brother") is the subject of its clause like "my son" (clinic policy: another person's
    # facts are never screened as the asker's)
    r"\b(?:my|our)\s+(?:\d{1,2}\s*(?:-\s*)?(?:year|yr|month|week)s?\s*(?:-\s*)?old"
    r"(?:s|['’]s)?\b|(?:twin|little|big|older|younger|elder|eldest|youngest|baby|step|half|"
    r"teenage|grown\s+up|adult|new\s*born)\s*-?\s*(?=[a-z]))"
)
_ASKER_TO_KIN = re.compile(
    # wave 11 (h10016): the asker saying who they are to the relative ("I'm her 63 year old
    # dad", "as his mum", "I am their grandad") points at the asker, not back at the relative
    r"\b(?:i\s*(?:am|['’]?m)|im|as)\s+(?:her|his|their)\s+(?:[a-z0-9-]+\s+){0,4}?"
    r"(?:dad|daddy|father|mum|mummy|mom|mommy|mother|parent|husband|wife|partner|boyfriend|"
    r"girlfriend|brother|sister|sibling|twin|son|daughter|grandad|granddad|grandpa|grandfather|"
    r"grandma|granny|grandmother|gran|nan|uncle|aunt|auntie|carer|guardian|friend)\b"
)


_PERSON_AGE = re.compile(r"^([a-z]+)\s*[(,:]?\s*\d")
_NAMED_PERSON_AGE = re.compile(r"^([a-z]+\s+[a-z]+)\s*\(\s*\d")
"""A relation and a name before a bracketed age ("nan joan (84", wave 18): the person is
both words, so two nans are two people."""
_CONCERNS = (
    # wave 22 (h21128 "mother (45 ...) and son (10 ...). This query concerns the SON only"): a
    # sentence naming the one person the query, question, enquiry, request or referral is
    # about (clinic policy: each person's facts stay that person's); "my query concerns the
    # cost" names no person, so nobody is picked, and "referral for X and Y" names both
    r"|\b(?:query|question|enquiry|inquiry|request|referral)\s+(?:(?:only\s+|just\s+|"
    r"really\s+|mainly\s+)?(?:concerns|concerning|regards|regarding|relates\s+to)|is\s+"
    r"(?:only\s+|just\s+|really\s+|mainly\s+)?(?:about|for|re|regarding|concerning))"
    r"\s+(?:only\s+|just\s+)?(?:my\s+|our\s+|the\s+|his\s+|her\s+)?{word}\b"
    # h21119 "It's Mum who wants acupuncture": a cleft sentence naming the person
    r"|\bit(?:['’]?s|\s+is)\s+(?:only\s+|just\s+)?(?:my\s+|our\s+|the\s+)?{word}\s+(?:who|that)\b"
)
_ASK_CUE = (
    r"\b(?:mainly|mostly|especially|particularly|chiefly|primarily|worried\s+about|what\s+about|"
    r"how\s+about|screen|asking\s+(?:about|for)|(?:start|begin)\s+with|(?:ok|okay|safe|suitable|fine|alright|all\s+right|"
    r"good)\s+for)\s+(?:about\s+|for\s+)?(?:my\s+|our\s+|the\s+)?{word}\b"
    r"|\b(?:can|could|may|should|will|would|is)\s+(?:my\s+|our\s+)?{word}\s+(?:come|have|get|be|"
    r"try|start|book|go|still|ok|okay|safe|fine|able)\b" + _CONCERNS
)
"""The person a question asks about in words (wave 17); :data:`_MAIN_CUE` adds a possessive."""
_MAIN_CUE = (
    r"\b(?:mainly|mostly|especially|particularly|chiefly|primarily|worried\s+about|what\s+about|"
    r"how\s+about|screen|asking\s+(?:about|for)|(?:start|begin)\s+with|(?:ok|okay|safe|suitable|fine|alright|all\s+right|"
    r"good)\s+for)\s+(?:about\s+|for\s+)?(?:my\s+|our\s+|the\s+)?{word}\b|\b{word}['’]s\b"
    # wave 17 (h14099): "Can my aunt come on Monday?", "should grandad have it?"
    r"|\b(?:can|could|may|should|will|would|is)\s+(?:my\s+|our\s+)?{word}\s+(?:come|have|get|be|"
    r"try|start|book|go|still|ok|okay|safe|fine|able)\b" + _CONCERNS
)
_PRONOUN_AGE = re.compile(r"^(she|he)\s*(?:is|['’]s)\s+\d")
# wave 19 (h17114, h17120, h17124, h17117, p13124): a person word with a copula ("mum is 74",
# "uncle's 69"), the asker ("i'm 38", "i am 41"), a title and a name ("mr a 49"), an owned age
# ("my 8 year old") or a child told by order ("younger one 9") before the number
_COPULA_PERSON_AGE = re.compile(
    r"^([a-z]+)\s*(?:is|['’]s|was)\s+(?:now\s+|nearly\s+|just\s+|only\s+|almost\s+)?\d"
)
# wave 20: the asker's own age ("i'm 38", "i am 41", "im 29"), a person of several only when
# the question asks about another person ("... ok for her?", "can he have it?")
_ASKER_AGE = re.compile(r"^(?:i['’]m|im|i\s+am)\s+(?:now\s+|nearly\s+|just\s+|only\s+)?\d")
_ASKS_OTHER = re.compile(
    r"\b(?:can|could|should|may|will|would)\s+(?:she|he)\s+(?:have|try|get|go|start|book|be)\b"
    r"|\b(?:for|about|treat|screen|needle)\s+(?:her|him)\b(?!\s+(?!(?:please|too|as|first|"
    r"today|tomorrow|now|then|and|or|if|because|since|given|with|at|on|in|next|this|safely)\b)"
    r"[a-z])"
)
_TITLED_AGE = re.compile(r"^((?:mr|mrs|ms|miss|mx|dr)\.?\s+[a-z]+)\.?\s*[(,:]?\s*\d")
_ORDER_AGE = re.compile(
    r"^((?:older|oldest|elder|eldest|younger|youngest|middle|little|big)\s+one)\b"
)
_OWNED_AGE = re.compile(r"\b(?:my|our)\s+$")
_BRACKETED_OWNER = re.compile(r"\b(?:my|our)\s+([a-z]+)\s*[(,]\s*$")
_ASKED_KIND = re.compile(
    r"\b(?:screen|about|for|see|treat|check|assess|needle|with)\s+(?:the\s+|my\s+|our\s+)?"
    r"(?P<k>boy|girl|lad|lass|man|woman|lady|gentleman|gent|him|her)\b"
    # wave 19 (h17114 "takes paracetamol for her knees"): "her" before a noun is a possessive,
    # no ask about her
    r"(?!\s+(?!(?:please|too|as|first|today|tomorrow|now|then|and|or|if|because|since|given|"
    r"with|at|on|in|next|this|safely)\b)[a-z])"
)
_MALE_KIND = frozenset({"boy", "lad", "man", "gentleman", "gent", "him", "he"})
_FEMALE_KIND = frozenset({"girl", "lass", "woman", "lady", "her", "she"})


@functools.cache
def _relation_sex() -> dict[str, str]:
    """Each relation word's sex, where the relation fixes it ("grandson" male)."""
    out: dict[str, str] = {}
    for rel in patient_words().people.relations.values():
        sex = {"he": "male", "she": "female"}.get(rel.pronoun or "", "")
        for w in rel.words if sex else ():
            out[fold(w)] = sex
    return out


def _of_asked_sex(people: list[str], folded: str) -> str | None:
    """The one person whose sex is the one the question's last ask names ("Please screen the
    boy", "What about her?"); ``None`` when none or several are (wave 17, h14101)."""
    asks = list(_ASKED_KIND.finditer(folded))
    if not asks:
        return None
    sex = "male" if asks[-1].group("k") in _MALE_KIND else "female"
    sexes = _relation_sex()
    of_sex = [w for w in people if sexes.get(w) == sex]
    return of_sex[0] if len(of_sex) == 1 else None


_CLAUSE_STOP = re.compile(
    r"\.(?!\d)|[?!;]|\b(?:and|but|while|whereas|both|they|she|he|her|his|him|we|i|my|our)\b"
)


_PRONOUN_SUBJECT = re.compile(
    r"(?:^|[.;:,]\s*|\b(?:and|but|while|whereas)\s+)(?P<p>he|she)\s+(?:has|is|takes|['’]s|was|had|"
    r"gets|uses|needs)\b"
)
_ASKED_PRONOUN = re.compile(
    r"\b(?:about|for|with|screen|treat|needle)\s+(?P<o>her|him)\b|\b(?:can|could|should|may|will)"
    r"\s+(?P<s>she|he)\b"
)


def _two_by_pronoun(mentions: list[Mention], folded: str) -> list[Mention]:
    """Two people told apart only by "he" and "she" ("Couple attending together: he has
    platelets of 310 and no meds; she has ITP with platelets 30 last week. What about her?"):
    the facts in the clauses of the one the last ask does not name are theirs (status
    ``other_person``), and a lab value of the one asked about that was earlier only beside
    the other's is their latest (wave 17, h14097; clinic policy: each person's facts stay
    that person's). Else the mentions unchanged."""
    subjects = {m.group("p") for m in _PRONOUN_SUBJECT.finditer(folded)}
    asks = list(_ASKED_PRONOUN.finditer(folded))
    if subjects != {"he", "she"} or not asks or FIRST_PERSON.search(folded):
        return mentions
    last = asks[-1]
    main = "she" if (last.group("o") or last.group("s")) in ("her", "she") else "he"
    other = "he" if main == "she" else "she"
    out = _their_clauses(mentions, folded, main, [other])
    aside = {m.value.split(":")[0] for m in out if m.kind == "lab" and m.status == OTHER_PERSON}
    kept = {
        m.value.split(":")[0]
        for m in out
        if m.kind == "lab" and m.status not in (OTHER_PERSON, EARLIER_VALUE)
    }
    return [
        dataclasses.replace(m, status=LATEST_VALUE)
        if m.kind == "lab" and m.status == EARLIER_VALUE and m.value.split(":")[0] in aside - kept
        else m
        for m in out
    ]


def _their_clauses(
    mentions: list[Mention], folded: str, main: str, others: list[str]
) -> list[Mention]:
    """The facts in a clause whose subject is another aged person, when the question names the
    one it is about ("my daughter has a VP shunt. Is it fine for my son?"): that person's,
    status ``other_person`` (wave 17, h14096; clinic policy: each person's facts stay that
    person's). The clause runs from the other person's word to the sentence's end, a
    conjunction or a pronoun, whichever comes first, so a fact shared by "and" stays."""
    spans: list[tuple[int, int]] = []
    for w in others:
        for m in re.finditer(r"\b" + re.escape(w) + r"\b", folded):
            stop = _CLAUSE_STOP.search(folded, m.end())
            again = re.compile(r"\b" + re.escape(main) + r"\b").search(folded, m.end())
            end = (
                min(x.start() for x in (stop, again) if x is not None)
                if (stop or again)
                else len(folded)
            )
            spans.append((m.start(), end))
    return [
        dataclasses.replace(m, status=OTHER_PERSON)
        if m.kind not in ("age", "age_band", "sex")
        and m.status not in (OTHER_PERSON, TOPIC)
        and any(a <= m.start < b for a, b in spans)
        else m
        for m in mentions
    ]


_NOT_A_PERSON = frozenset(
    {
        "age",
        "aged",
        "ages",
        "turned",
        "turning",
        "turns",
        "now",
        "is",
        "was",
        "of",
        "am",
        "at",
        "about",
        "approx",
        "over",
        "under",
        "nearly",
        "almost",
        "just",
    }
)
_ORDINAL_PERSON = re.compile(r"\b(first|second|third|fourth|1st|2nd|3rd|4th)\s*[:,(-]?\s*$")
"""A note's people named by order ("First: 45F ... Second: 59M", wave 12 h10094)."""

_NOT_SAFETY_KINDS = frozenset({"age", "age_band", "sex", "assessed"})


@functools.cache
def _screened_classes() -> frozenset[str]:
    """Every medicine class a screening rule names (``medication_class_any``)."""
    from pathlib import Path

    import yaml

    found: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                if k == "medication_class_any" and isinstance(v, list):
                    found.update(str(x) for x in v)
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    folder = Path(__file__).resolve().parent.parent / "data" / "screening_rules"
    for path in sorted(folder.glob("*.yaml")):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return frozenset(found)


def is_safety_fact(m: Mention) -> bool:
    """A fact the screen turns on (a medicine only when a rule names one of its classes)."""
    if m.negated or m.hypothetical or m.status != "current" or m.kind in _NOT_SAFETY_KINDS:
        return False
    if m.kind == "medicine":
        return bool(set(m.detail.get("classes", ())) & _screened_classes())
    if m.kind == "class":
        return str(m.value) in _screened_classes()
    return True


def _with_safety_fact(
    aged: dict[str, list[Mention]], mentions: list[Mention], folded: str
) -> str | None:
    """The one person whose part of the question holds a safety fact (from their age to the
    next person's), or ``None`` when none or several do (wave 12, p10101, h10094)."""
    starts = sorted((ms[0].start, w) for w, ms in aged.items())
    holders = []
    for i, (a, w) in enumerate(starts):
        b = starts[i + 1][0] if i + 1 < len(starts) else len(folded) + 1
        if any(a <= m.start < b and is_safety_fact(m) for m in mentions):
            holders.append(w)
    return holders[0] if len(holders) == 1 else None


_YOUNGER = re.compile(r"\b(?:the\s+)?(?:younger|youngest|little)\s+one\b")
_OLDER = re.compile(r"\b(?:the\s+)?(?:older|oldest|elder|eldest|big)\s+one\b")
_ASKED_ORDER = re.compile(
    r"\b(?:(?P<y>younger|youngest|little)|older|oldest|elder|eldest|big)\s+(?:one|child|kid|"
    r"boy|girl|sibling|brother|sister|son|daughter|twin)\b"
)


def _asks_other(folded: str) -> bool:
    """Whether the question's last sentence asks about another person ("... would it be safe
    for her?", "can he have it?") and nothing asks for the asker ("ok for me", "can I");
    "she said it was fine for her" in an earlier sentence asks nothing (wave 20, h6045)."""
    body = folded.rstrip(" ?!.\n")
    ends = [m.end() for m in re.finditer(r"[.!?;](?!\d)", body)]
    last = body[ends[-1] :] if ends else body
    return bool(_ASKS_OTHER.search(last)) and not FIRST_PERSON_ASK.search(folded)


FIRST_PERSON_ASK = re.compile(
    # the asker asking for themself ("ok for me", "can I have", "just me", "it's me with")
    r"\b(?:for|to)\s+me\b|\bcan\s+i\b|\bjust\s+me\b|\bonly\s+me\b|\bit['’]?s\s+me\b"
    r"|\bfor\s+my\s+own\b|\bshould\s+i\b"
)


def _several_people(mentions: list[Mention], folded: str) -> list[Mention]:
    """Two or more people each given an age ("Dad (76) ... Mum (73)", "my son (9) and daughter
    (15)", "Grandad (88) and Grandma (84)"): never one intake of two people (wave 11, h10091,
    h10098, h10102; clinic policy: each person's facts stay that person's). The box is for the
    person the question is mainly about: the one named after "mainly", "especially", "worried
    about", "ok for" or in a possessive ("Grandad's hiccups"), "the younger / older one", or
    else the first named; the other people's ages are set aside (shown, not screened)."""
    aged: dict[str, list[Mention]] = {}
    asks_other = _asks_other(folded)
    for m in mentions:
        if m.kind != "age" or m.negated or m.status == OTHER_PERSON:
            continue  # wave 21: a person a numbered list already set aside is no candidate
        words = fold(m.words)
        if _ASKER_AGE.match(words) and asks_other:
            aged.setdefault("i", []).append(m)  # wave 20: "I'm 41 ... ok for her?"
            continue
        if re.match(r"\d", words) and _OWNED_AGE.search(folded[max(0, m.start - 8) : m.start]):
            aged.setdefault(words, []).append(m)  # "my 8 year old ... my 17 year old"
            continue
        person = (
            _TITLED_AGE.match(words)
            or _ORDER_AGE.match(words)
            or _COPULA_PERSON_AGE.match(words)
            or _NAMED_PERSON_AGE.match(fold(m.words))
            or _PERSON_AGE.match(fold(m.words))
            or _PRONOUN_AGE.match(fold(m.words))
            or _ORDINAL_PERSON.search(folded[: m.start])
        )
        if person and person.group(1) not in _NOT_A_PERSON:
            word = person.group(1)
            # wave 17 (h14099): "my aunt (she is 69, ...)": the pronoun is the relative's
            owner = _BRACKETED_OWNER.search(folded[: m.start]) if word in ("she", "he") else None
            aged.setdefault(owner.group(1) if owner else word, []).append(m)
    if len(aged) < 2 or len({m.value for ms in aged.values() for m in ms}) < 2:
        return mentions
    people = list(aged)  # in order of first mention
    if "i" in aged:
        # wave 20: the question asks about another person, so the asker is never its main
        # person; with one other person, that person is (clinic policy: each person's facts
        # stay that person's)
        others = [w for w in people if w != "i"]
        if len(others) == 1:
            aside = {(m.start, m.end) for m in aged["i"]}
            return [
                dataclasses.replace(m, status=OTHER_PERSON)
                if m.kind in ("age", "age_band") and (m.start, m.end) in aside
                else m
                for m in mentions
            ]
        people = others
    main = next((w for w in people if re.search(_MAIN_CUE.format(word=re.escape(w)), folded)), None)
    # wave 17 (h14101 "grandmother 84 ...; grandson 10 ... Please screen the boy"): the one
    # person of the sex the question's last words name ("the boy", "about her")
    main = main or _of_asked_sex(people, folded)
    asked = next((w for w in people if re.search(_ASK_CUE.format(word=re.escape(w)), folded)), None)
    if main is not None and main == (asked or _of_asked_sex(people, folded)):
        # only a person the question asks about in words ("Is it fine for my son?"), never
        # one picked by a possessive ("Dad's 80") or by order, loses the others' facts
        mentions = _their_clauses(mentions, folded, main, [w for w in people if w != main])
    if main is None and (_YOUNGER.search(folded) or _OLDER.search(folded)):
        by_age = sorted(people, key=lambda w: int(aged[w][0].value))
        # wave 19 (p13124 "older one 14 ...; younger one 9 ... advise for the younger
        # child"): the order named after the last age is the one asked about
        tail = folded[max(m.end for ms in aged.values() for m in ms) :]
        asked_order = list(_ASKED_ORDER.finditer(tail))
        if asked_order:
            main = by_age[0] if asked_order[-1].group("y") else by_age[-1]
        else:
            main = by_age[0] if _YOUNGER.search(folded) else by_age[-1]
    # wave 12 (p10101, h10094): else the one person with a safety fact in their part of the
    # question ("Mum (76) takes paracetamol. Dad (79) is on Eliquis"): the screen is for the
    # person the safety question turns on (clinic policy: the stricter screen, never a mix)
    main = main or _with_safety_fact(aged, mentions, folded) or people[0]
    aside = {(m.start, m.end) for w, ms in aged.items() if w != main for m in ms}
    return [
        dataclasses.replace(m, status=OTHER_PERSON)
        if m.kind in ("age", "age_band") and (m.start, m.end) in aside
        else m
        for m in mentions
    ]


_NOT_THE_ONE = re.compile(
    r"\b(?:he|she|they)\s*(?:(?:['’]?s|is|are|['’]re)\s+not|isn['’]?t|aren['’]?t)\s+"
    r"the\s+(?:one|patient)\b[^.;?!]{0,40}?\b(?:i\s*am|i['’]m|im|it['’]?s\s+(?:for\s+)?me)\b"
)


_THE_ONE_NOT_ME = re.compile(
    # wave 12 (p10094): "my son is the one who hates needles, not me": the fact is set
    # against the asker, so it is the relative's; not when "the one" is the one treated
    r"(?:\bis|['’]s)\s+the\s+one\b(?![^.;?!]{0,60}?\b(?:acupuncture|treat|treated|treatment|"
    r"session|appointment|booked|booking|patient|needled|needling|seen)\b)[^.;?!]{0,60}?"
    r"[,\s-]*\bnot\s+(?:me|myself)\b"
)

_MET_PERSON = re.compile(
    # wave 12 (p10097): a person the asker meets somewhere, opening a clause ("A kid at my
    # son's school had meningitis", "a child in my daughter's class", "a boy from our street")
    # is someone else, like a relative (clinic policy: another person's facts are never the
    # asker's)
    r"(?:^|[.!?;]\s*|\b(?:and|but|so|because|since)\s+)(?P<p>(?:a|an|another|some|one)\s+"
    r"(?:little\s+|young\s+|small\s+|older\s+)?(?:kid|child|boy|girl|baby|toddler|teen|"
    r"teenager|lad|lass|man|woman|lady|guy|person)\s+(?:at|in|from|on)\s+"
    r"(?:my|our|the|his|her|their|your)\s+(?:[a-z]+['’]s\s+)?[a-z]+\b)"
)


_LIST_LABEL = re.compile(
    r"\b(?P<k>bed|pt|patient|case|client|cubicle|bay|room)\s*(?:no\.?\s*|#\s*)?(?P<n>\d{1,2})\b"
    r"(?!\s*(?:[%/.]\d|(?:years?|yrs?|yo|y/o|weeks?|wks?|days?|months?|mg|kg|sessions?)\b))"
)
_MARK_BEFORE = re.compile(
    r"\b(?:query|question|asking|enquiry|ask|asked)\s+(?:is\s+)?(?:only\s+|just\s+|really\s+)?"
    r"(?:about|re|regarding|for|on)\s+(?:the\s+)?$"
    # wave 22 (h21123 "Clinic list ..., query bed 3 only: bed 2 = ..."): the noun right before
    # the label, with no preposition
    r"|(?:^|[,;:.(]\s*|\b(?:list|round|notes?)\s+)(?:query|question|enquiry|inquiry)\s+"
    r"(?:only\s+|just\s+)?$"
)
_MARK_AFTER = re.compile(
    r"\s*(?:of\s+\d{1,2}\s*)?(?:[(:-]\s*)?(?:this\s+(?:query|question|one)|the\s+one\s+"
    r"(?:i\s*['’]?m|i\s+am|im)\s+asking\s+about|(?:my\s+)?query)\b"
)
_KIND = {"pt": "patient"}
_ASKER_MARK = re.compile(
    # "mainly asking about me", "the question is mostly for me", "just asking for myself",
    # "my query is mainly about me" (wave 22)
    r"\b(?:asking|query|question|enquiry|ask)\s+(?:is\s+)?(?:mainly\s+|mostly\s+|only\s+|"
    r"just\s+|really\s+|chiefly\s+|primarily\s+)?(?:about|for|re)\s+(?:me|myself)\b"
)
_ASKER_ITEM = re.compile(r"\s*(?:for\s+|about\s+)?(?:me|myself|i|i['’]m|im)\b")
"""An item of a list that opens with the asker ("1) for me - 52", "(2) I'm 44", wave 22)."""
_ITEM_LABEL = re.compile(r"(?:^|(?<=[\s:;,.]))\(?(?P<n>[1-9])\)(?=\s)")
"""A list's index, "(1)" or "1)" (wave 17)."""
_LETTER_LABEL = re.compile(r"(?:^|(?<=[\s:;,.]))\(?(?P<l>[a-e])\)(?=\s)")
"""A list's letter, "(a)" or "a)" (wave 18); an item only when a person opens it."""
_LETTER_PERSON = re.compile(
    r"\s*(?:\d{1,3}\s*(?:[mf]\b|yo\b|y/o|y\b|years?\b|yrs?\b|\s*,)|[mf]\s*/?\s*\d{1,3}\b|"
    r"(?:mr|mrs|ms|miss|dr|pt|patient|client|man|woman|lady|gentleman|gent|boy|girl|male|"
    r"female)\b)"
)
_LETTER_MARK = re.compile(r"\((?P<l>[a-e])\)")
_HASH_MARK = re.compile(r"(?:#\s*|\bnumber\s+|\bno\.\s*|\bitem\s+)(?P<n>[1-9])\b(?!\s*(?:[%/.]\d))")
"""A mark naming a list's item by its number outside the list ("Start with #2")."""
_ORDINALS = {"1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "first": 1, "second": 2,
             "third": 3, "fourth": 4, "fifth": 5}  # fmt: skip
_ORD = r"(?P<o>1st|2nd|3rd|4th|5th|first|second|third|fourth|fifth)"
# wave 15 (h12100 "Asking about the 2nd only: ... (1st pt had a pacemaker)"): patients told by
# ordinals ("1st pt", "the second patient", "3rd case"), and, right after a mark ("asking about
# the 2nd only"), an ordinal alone, which names the list's kind of label
_ORDINAL_LABEL = re.compile(_ORD + r"\s+(?P<k>pt|patient|case|client)s?\b")
_ORDINAL_ALONE = re.compile(r"\b" + _ORD + r"\b(?!\s+(?:pt|patient|case|client)s?\b)")
_INDEX = re.compile(r"\s*(?:of\s+\d{1,2}\b|[:)]|\(|\s-\s)")


_ASK_TITLED = re.compile(
    r"\b(?:for|about|to|with|on|re|needle|treat|of)\s+(?P<t>mr|mrs|ms|miss|mx|dr)\.?\s+"
    r"(?P<n>[a-z][a-z'’-]{0,20})\b"
)


def _named_in_ask(folded: str, labels: list[tuple[int, int, str, int]]) -> set[int]:
    """The list's number of the one patient the last sentence names by a title and name ("Any
    changes needed for Mrs B?", "what about Mr Jones?") when that title and name opens exactly
    one item of the list (wave 21, h20098; clinic policy: each person's facts stay that
    person's); else none."""
    body = folded.rstrip(" ?!.\n")
    ends = [m.end() for m in re.finditer(r"[.!?;](?!\d)", body)]
    start = ends[-1] if ends else 0
    out: set[int] = set()
    for m in _ASK_TITLED.finditer(folded, start):
        who = re.compile(
            r"\b" + m.group("t") + r"\.?\s+" + re.escape(m.group("n")) + r"(?![a-z'’-])"
        )
        hits = set()
        for i, (a, b, _, n) in enumerate(labels):
            if a >= start:
                continue
            nxt = next((c for c, _, _, k in labels[i + 1 :] if k != n), start)
            if who.search(folded[b : min(nxt, b + 40, start)]):
                hits.add(n)
        if len(hits) == 1:
            out |= hits
    return out


def _numbered_people(mentions: list[Mention], folded: str) -> list[Mention]:
    """A list of numbered patients ("Bed 1 ... bed 2 ... bed 3", "Pt 1 of 2: ... Pt 2 of 2
    (this query): ...", "Case 1: ... Case 2: ...") in which the question marks one as the one
    asked about ("query only about bed 2", "(this query)", "asking about patient 2 only"):
    the facts in the other patients' parts are theirs (status ``other_person``: shown, not
    screened), each part running from its label to the next label of another number (wave 14,
    p11105, p11110; clinic policy: each person's facts stay that person's). With no patient
    marked, or more than one, every fact stays (the cautious reading). A list's label is no
    age ("Pt 1:" is no one-year-old)."""
    labels = [
        (m.start(), m.end(), _KIND.get(m.group("k"), m.group("k")), int(m.group("n")))
        for m in _LIST_LABEL.finditer(folded)
        if int(m.group("n")) <= 20
    ]
    ordinals = [
        (m.start(), m.end(), _KIND.get(m.group("k"), m.group("k")), _ORDINALS[m.group("o")])
        for m in _ORDINAL_LABEL.finditer(folded)
    ]
    if ordinals:
        # an ordinal alone is a label only right after a mark, of the kind the list uses
        ordinals += [
            (m.start(), m.end(), ordinals[0][2], _ORDINALS[m.group("o")])
            for m in _ORDINAL_ALONE.finditer(folded)
            if _MARK_BEFORE.search(folded[max(0, m.start() - 40) : m.start()])
        ]
    # wave 17 (p12118, h14094): a list indexed "(1) 58M ...; (2) 61F ..." or "1) ... 2) ..."
    items = [
        (m.start(), m.end(), "item", int(m.group("n")))
        for m in _ITEM_LABEL.finditer(folded)
        if not any(a <= m.start() < b for a, b, _, _ in labels)
    ]
    # wave 18 (h15073 "(a) 45F neck pain, no issues; (b) 71M knee OA on Brilinta"): a list
    # lettered "(a) ... (b) ..." or "a) ... b) ..." like a numbered one, each item opening with
    # a person (an age and sex, a title, a person word), so "I have (a) a pacemaker and (b)
    # knee pain" is no list of people; the letter is kept as its number (a = 1)
    items += [
        (m.start(), m.end(), "letter", ord(m.group("l")) - ord("a") + 1)
        for m in _LETTER_LABEL.finditer(folded)
        if _LETTER_PERSON.match(folded, m.end())
    ]
    labels = sorted(labels + ordinals + items)
    kinds = {k for _, _, k, _ in labels}
    kind = next((k for k in kinds if len({n for _, _, kk, n in labels if kk == k}) >= 2), None)
    if kind is None:
        return mentions
    labels = [label for label in labels if label[2] == kind]
    marked = {
        n
        for a, b, _, n in labels
        if _MARK_BEFORE.search(folded[max(0, a - 40) : a]) or _MARK_AFTER.match(folded, b)
    }
    # "Start with #2", "Just #1 for now", "Number 2 please": a mark outside the labels
    numbers_listed = {n for _, _, _, n in labels}
    marked |= {
        int(m.group("n"))
        for m in _HASH_MARK.finditer(folded)
        if int(m.group("n")) in numbers_listed
        and not any(a <= m.start() < b for a, b, _, _ in labels)
    }
    marked |= _named_in_ask(folded, labels)
    if kind in ("item", "letter") and _ASKER_MARK.search(folded):
        # wave 22 (h21121 "1) for me - 52, ... 2) my friend ...; she's 20 weeks pregnant ...
        # Mainly asking about me"): the one item that opens with the asker is marked
        mine = {n for _, b, _, n in labels if _ASKER_ITEM.match(folded, b)}
        if len(mine) == 1:
            marked |= mine
    if kind == "letter":
        # "Any precautions for (b)?", "Just (a) for now": a bracketed letter outside the labels
        marked |= {
            ord(m.group("l")) - ord("a") + 1
            for m in _LETTER_MARK.finditer(folded)
            if ord(m.group("l")) - ord("a") + 1 in numbers_listed
            and not any(a <= m.start() < b for a, b, _, _ in labels)
        }
    # a label written as a list's index ("Pt 1 of 2:", "Patient 2:", "Case 1 -") is no age;
    # "patient 45, on warfarin" keeps its age
    numbers = [(a, b) for a, b, _, _ in labels if _INDEX.match(folded, b)]
    out = [
        m
        for m in mentions
        if not (m.kind in ("age", "age_band") and _overlaps(m.start, m.end, numbers))
    ]
    parts: list[tuple[int, int, int]] = []
    for i, (a, _, _, n) in enumerate(labels):
        nxt = next((c for c, _, _, k in labels[i + 1 :] if k != n), len(folded))
        parts.append((a, nxt, n))
    if not marked:
        # wave 17 (p12118 "(1) 58M knee OA, no meds; (2) 61F, INR 4.2 on warfarin. Which one
        # should I not needle?"): with no patient marked every fact stays, but the ages of the
        # patients without one are theirs when one patient alone holds the safety facts (the
        # screen is for the person the safety question turns on, as for several relatives)
        holders = {n for a, b, n in parts for m in out if a <= m.start < b and is_safety_fact(m)}
        if len(holders) != 1:
            return out
        marked = holders
        kinds_aside: frozenset[str] | None = frozenset({"age", "age_band"})
    else:
        kinds_aside = None
    if len(marked) != 1:
        return out
    main = next(iter(marked))
    aside = [(a, b) for a, b, n in parts if n != main]
    return [
        dataclasses.replace(m, status=OTHER_PERSON)
        if any(a <= m.start < b for a, b in aside)
        and m.kind not in _NEVER_OTHER
        and (kinds_aside is None or m.kind in kinds_aside)
        else m
        for m in out
    ]


_PERSON_LABEL = re.compile(
    # wave 18 (h15074 "Me: 47, migraine, nothing else. Her: 15, period pain."): a person
    # labelled by a pronoun opening a sentence or an item, then a colon or a dash (folded to
    # spaces), or "for me:", "for her -"
    r"(?:^|(?<=[.;!?:,])|(?<=[.;!?:,]\s))\s*(?:for\s+)?(?P<w>me|myself|mine|her|hers|him|his|she|he)"
    r"\s*(?::|\s{3})"
)
_RELATION_LABEL = re.compile(
    r"(?:^|(?<=[.;!?:,])|(?<=[.;!?:,]\s))\s*(?:for\s+)?(?:my\s+|our\s+)?(?P<r>[a-z]+)\s*(?::|\s{3})"
)
# wave 19 (p13120 "He: 55, ... She: 50, ..."): a subject pronoun labels a person too
_LABEL_PERSON = {"me": "me", "myself": "me", "mine": "me", "her": "her", "hers": "her",
                 "him": "him", "his": "him", "she": "her", "he": "him"}  # fmt: skip
_LABEL_PRONOUNS = {
    "me": re.compile(r"\b(?:i|i['’]m|im|i['’]ve|ive|i['’]d|me|my|mine|myself)\b"),
    "her": re.compile(r"\b(?:she|she['’]s|shes|her|hers|herself)\b"),
    "him": re.compile(r"\b(?:he|he['’]s|hes|him|his|himself)\b"),
}
_FILLER = re.compile(
    r"\b(?:i\s+(?:mean|wonder|guess|suppose|think|was\s+wondering)|(?:can|could|may)\s+i\s+ask)\b"
)
_QUESTION = re.compile(r"[^.?!]*\?")


def _labelled_people(mentions: list[Mention], folded: str) -> list[Mention]:
    """People told apart by labels ("Me: 47, migraine. Her: 15, period pain. Is she old
    enough?", "Mine: ... His: ...", "For me - ...; for her - ..."): each part runs from its
    label to the next label of another person (wave 18, h15074; clinic policy: each person's
    facts stay that person's). The person the questions point at by pronoun alone ("is she",
    "for him", "what about me"; "we", "both" or two persons point at none) keeps their facts
    and the others' are set aside; with nobody picked out every fact stays, but the ages of
    the people without a safety fact are theirs when one person alone holds the safety facts,
    as in a numbered list."""
    labels = [(m.start("w"), _LABEL_PERSON[m.group("w")]) for m in _PERSON_LABEL.finditer(folded)]
    if not labels:
        return mentions
    # a relative labelled beside them ("Me: 38, migraines. Mum: 71, on apixaban", p11100):
    # named by the relation word or the pronoun of its sex
    sexes = _relation_sex()
    labels += [
        (m.start("r"), m.group("r"))
        for m in _RELATION_LABEL.finditer(folded)
        if m.group("r") in sexes
    ]
    labels.sort()
    if len({w for _, w in labels}) < 2:
        return mentions
    parts: list[tuple[int, int, str]] = []
    for i, (a, w) in enumerate(labels):
        nxt = next((c for c, k in labels[i + 1 :] if k != w), len(folded))
        parts.append((a, nxt, w))
    asked_text = _FILLER.sub(" ", " ".join(_QUESTION.findall(folded)))
    pronoun = {"male": "him", "female": "her"}
    asked = {
        w
        for _, w in labels
        if _LABEL_PRONOUNS[pronoun[sexes[w]] if w in sexes else w].search(asked_text)
        or (w in sexes and re.search(r"\b" + re.escape(w) + r"\b", asked_text))
    }
    if re.search(r"\b(?:we|us|both|either|each)\b", asked_text):
        asked = set()
    if len(asked) == 1:
        main = next(iter(asked))
        aside = [(a, b) for a, b, w in parts if w != main]
        return _set_aside(mentions, aside)
    holders = {w for a, b, w in parts for m in mentions if a <= m.start < b and is_safety_fact(m)}
    if len(holders) != 1:
        return mentions
    aside = [(a, b) for a, b, w in parts if w not in holders]
    return [
        dataclasses.replace(m, status=OTHER_PERSON)
        if any(a <= m.start < b for a, b in aside) and m.kind in ("age", "age_band")
        else m
        for m in mentions
    ]


_FOR_MYSELF = re.compile(
    # wave 14 (p11099, p11121): the asker says the question is theirs ("this question is for
    # me", "I'm asking for myself", "the question is about me though", "this one is for me");
    # "asking for myself and for her", "for me and my mum" name both
    r"\b(?:(?:this|the|my)\s+(?:question|query|one|enquiry|message)\s+is\s+(?:really\s+|"
    r"actually\s+|just\s+|only\s+)?(?:for|about)\s+(?:me|myself)"
    r"|(?:i\s*(?:am|['’]?m)|im)\s+(?:only\s+|just\s+|really\s+|actually\s+)?asking\s+"
    r"(?:for|about)\s+(?:me|myself)"
    r"|(?:it['’]?s|this\s+is)\s+(?:really\s+|actually\s+|just\s+)?(?:for|about)\s+me)\b"
    # "this is for me to pass on to her" is no patient of the asker
    r"(?!\s*(?:and|&|as\s+well|too|or|to)\b)(?![^.;?!]{0,20}\b(?:and|&)\s+(?:for\s+)?"
    r"(?:her|him|them|my|our)\b)"
)


FOR_ME_NOT_THEM = re.compile(
    # wave 17 (h14095): the asker says the question is theirs, not the relative's ("Asking for
    # me, not her", "this is about me, not my wife", "for myself not him")
    r"\b(?:for|about)\s+(?:me|myself)\s*[,;:-]?\s*(?:and\s+)?not\s+(?:for\s+|about\s+)?"
    r"(?:her|him|them|my\s+[a-z]+(?:\s+[a-z]+)?)\b"
)
_DECLARED_LEAD = re.compile(
    r"[\s,;:.!-]*(?:just\s+|only\s+)?(?:it['’]?s\s+|its\s+|but\s+|rather\s+|asking\s+|"
    r"i['’]?m\s+asking\s+)?(?:for|about)\s+"
)
_DECLARED_TAIL = re.compile(r"[\s,;:.!-]*(?:and\s+|but\s+)?$")
_ASKER_SUBJECT = re.compile(r"\b(?:i|i['’]m|im|i['’]ve|ive|i['’]d|me|my|myself)\b")
_ASKER_CLAUSE_END = re.compile(r"\.(?!\d)|[?!;]|\b(?:she|she['’]s|shes|he|he['’]s|hes|they)\b")


def declared_relative(folded: str, kin: re.Pattern[str]) -> re.Match[str] | None:
    """The relative the asker says the question is for, next to their disclaimer ("not for
    me, for my daughter", "asking for my dad, not for me", "Not about me - about my son")
    (wave 17, p12117, h14093); else ``None``."""
    for m in NOT_FOR_ME.finditer(folded):
        lead = _DECLARED_LEAD.match(folded, m.end())
        if lead is not None:
            rel = kin.match(folded, lead.end())
            if rel is not None:
                return rel
        for rel in kin.finditer(folded, max(0, m.start() - 40), m.start()):
            if _DECLARED_TAIL.match(folded[rel.end() : m.start()]) and re.search(
                r"\b(?:for|about)\s+$", folded[max(0, rel.start() - 12) : rel.start()]
            ):
                return rel
    # wave 19 (p13118 "Asking for my brother. I'm the one on chemo, he's healthy"): the asker
    # says whom they write for and sets their own facts apart ("I'm the one with ...", "it's me
    # who has ..."); "asking for my wife and me" names both
    lead = _ON_BEHALF_LEAD.search(folded)
    if lead is not None and _ME_THE_ONE.search(folded):
        rel = kin.match(folded, lead.end())
        both = re.match(r"\s*(?:and|&)\s+(?:me|myself|i)\b", folded[rel.end() :]) if rel else None
        if rel is not None and both is None:
            return rel
    return None


_ON_BEHALF_LEAD = re.compile(
    r"\b(?:asking|writing|enquiring|inquiring|messaging|emailing|texting|this\s+is)\s+"
    r"(?:for|on\s+behalf\s+of|about)\s+"
)
_ME_THE_ONE = re.compile(
    r"\b(?:i['’]m|im|i\s+am)\s+the\s+one\s+(?:who|with|on|that|having|getting|taking|in)\b"
    r"|\b(?:it['’]?s|its)\s+me\s+(?:who|that)\s+(?:has|is|takes|had|was|uses)\b"
)


def _askers_own(mentions: list[Mention], folded: str, kin: re.Pattern[str]) -> list[Mention]:
    """The question declared to be for a relative ("not for me, for my daughter - she's 24
    weeks pregnant ... I'm her mum and I have a pacemaker"): the relative is the patient, so
    the facts in the asker's own clauses (from "I", "my" to the sentence's end or the next
    "she", "he") are the asker's, another person's: shown, not screened (wave 17, p12117;
    clinic policy: each person's facts stay that person's)."""
    text = NOT_FOR_ME.sub(lambda m: " " * len(m.group()), folded)
    spans: list[tuple[int, int]] = []
    for m in _ASKER_SUBJECT.finditer(text):
        if (spans and m.start() < spans[-1][1]) or kin.match(text, m.start()):
            continue  # "my daughter" is the relative's clause
        end = _ASKER_CLAUSE_END.search(text, m.end())
        spans.append((m.start(), end.start() if end else len(text)))
    return _set_aside(mentions, spans)


I_HAVE_NONE = re.compile(
    # wave 17 (p12122 "my friend ... she has COPD. I dont have any lung problems, just neck
    # pain"): the asker denying a condition of their own speaks of their own health
    r"\bi\s+(?:(?:do\s*n['’]?o?t|dont|don['’]t)\s+have|have\s+no|haven['’]?t\s+(?:got|had))\s+"
    r"(?:any\s+|a\s+|an\s+)?(?:[a-z]+\s+){0,2}?(?:problems?|issues?|conditions?|troubles?|"
    r"disease|illness|history|symptoms?|allerg(?:y|ies))\b"
)


_TAKING = re.compile(
    r"\b(?:i|i['’]m|im|i['’]ve|ive|i\s+have|i\s+sometimes|i\s+often)\s+(?:\w+\s+){0,2}?"
    r"(?:take|taking|took|use|using|used|borrow\w*|nick\w*|pinch\w*|shar\w*|swipe\w*|steal\w*|"
    r"stole|have|had|pop|popping)\s+$"
)


def _taken_from(folded: str, start: int, end: int, mentions: Sequence[Mention]) -> bool:
    """Whether a relative at ``[start, end)`` is named as the owner of a medicine the asker
    takes ("I take my partner's aspirin", "I've been using my husband's clopidogrel"; wave 17,
    held-out part 15 h15040): the possessive (folded away) says whose prescription it is, not
    who takes it, so the medicine stays the asker's (the cautious reading)."""
    # the medicine right after the relative: the folded text has lost the "'s"
    right_after = any(
        m.kind in ("medicine", "class", "regimen") and end <= m.start <= end + 3 for m in mentions
    )
    return right_after and bool(_TAKING.search(folded[max(0, start - 40) : start]))


@functools.cache
def _relation_alt() -> str:
    """Every relation word (patient.yaml's people), longest first, as one alternation."""
    words = {fold(w) for rel in patient_words().people.relations.values() for w in rel.words}
    words |= {"friend", "partner", "husband", "wife"}
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_ASKER_DENIES = (
    # the asker's own "no" set against the other's fact: "but I don't", "I'm on nothing",
    # "I take nothing", "I'm not (on anything)", "not me"; never "I don't know", "I'm not sure"
    r"(?:(?:i\s+(?:do\s*n['’]?o?t|dont|don['’]t|haven['’]?t|have\s*n['’]?t))"
    r"(?=\s*(?:[.,;:!?)–-]|$|(?:have|take|use|need|i|just|only)\b))"
    r"|i\s+(?:take|have|use)\s+(?:nothing|none)\b"
    r"|(?:i\s*(?:am|['’]?m)|im)\s+(?:obviously\s+|definitely\s+|certainly\s+)?"
    r"(?:on\s+nothing|not(?=\s*(?:[.,;:!?)–-]|$|on\b|taking\b|pregnant\b|fitted\b)))"
    r"|not\s+me\b)"
)
_CONTRASTED = re.compile(
    # wave 20 (h18107 "she's on xarelto, i'm on nothing", h18114 "She has lymphoedema in her
    # left arm but I don't"): a "she" / "he" clause set against the asker's own denial
    r"(?:^|(?<=[.;:!?,(–-])\s*|(?<=\s)(?:and|but|so)\s+)(?P<c>(?:she|he)(?:['’]s|s)?\b"
    r"[^.;!?]{1,90}?)\s*(?:[,;:–-]|\.(?!\d)|\b(?:but|whereas|while|and)\b)\s*"
    r"(?:but\s+|whereas\s+|while\s+|and\s+)?" + _ASKER_DENIES
)


def _contrasted(mentions: list[Mention], folded: str) -> list[Mention]:
    """A relative's "she" / "he" clause set against the asker's own denial ("My mum and I both
    want it. She's on Xarelto, I'm on nothing. Safe for me?", "She has lymphoedema in her left
    arm but I don't"): the clause's facts are the relative's (status ``other_person``), when
    a relative is named and no "she", "her", "him"... after the last such clause asks about
    them (wave 20, h18107, h18114; clinic policy: each person's facts stay that person's)."""
    found = list(_CONTRASTED.finditer(folded))
    if not found or not re.search(r"\b(?:" + _relation_alt() + r")\b", folded):
        return mentions
    if asks_for_both(folded):
        return mentions  # "he has a defibrillator, I have nothing. We both want it": both asked
    if _THIRD_PERSON.search(folded, found[-1].end()):
        return mentions  # "..., I'm on nothing. Is it safe for her?": she is asked about
    spans = [m.span("c") for m in found]
    return _set_aside(mentions, spans)


_ONE_CLAUSE = re.compile(
    r"(?:^|[,;.:]\s*|\s{3}|\b(?:and|but|while|whereas)\s+)(?P<c>(?:one|the\s+other(?:\s+one)?)"
    # wave 21 (h20103 "the other (Josh) is the one with knee pain"): a name may follow, in
    # brackets or between commas
    r"(?:\s*\(\s*[a-z]{2,15}\s*\)|\s*,\s*[a-z]{2,15}\s*,)?\s+"
    r"(?:has|is|gets|takes|with|['’]s|had|suffers)\b[^,;.?!]*?)"
    r"(?=\s*(?:[,;.?!]|\band\b|\bbut\b|\bwhile\b|\bwhereas\b|$))"
)
_THE_ONE_ASKED = re.compile(
    r"\bthe\s+one\s+(?:with|who\s+(?:has|gets|is)|that\s+(?:has|gets|is)|who['’]s\s+got|on)\s+"
    r"(?:the\s+|a\s+|an\s+|bad\s+)?(?P<w>[a-z]{3,})"
    # wave 23 (h22083 "one has a pacemaker ..., the other is healthy. It's the healthy one,
    # Leo, who has the headaches"): the one named by the word of its own clause
    r"|\bit(?:['’]?s|\s+is)\s+the\s+(?!(?:other|same|first|second|only|one)\b)(?P<a>[a-z]{3,})"
    r"\s+one\b"
)


def _one_and_the_other(mentions: list[Mention], folded: str) -> list[Mention]:
    """Two people told apart only as "one" and "the other" ("my twins are 12, one has
    migraines and one has a needle phobia; is it ok for the one with migraines?"): the facts
    in the clauses of the one the question does not ask about are theirs (status
    ``other_person``), when the ask names a word found in exactly one such clause (wave 20,
    probe 13 p13117; clinic policy: each person's facts stay that person's)."""
    asks = list(_THE_ONE_ASKED.finditer(folded))
    clauses = [m.span("c") for m in _ONE_CLAUSE.finditer(folded)]
    if not asks or len(clauses) < 2:
        return mentions
    word = asks[-1].group("w") or asks[-1].group("a")
    hit = [c for c in clauses if re.search(r"\b" + re.escape(word), folded[c[0] : c[1]])]
    if len(hit) != 1:
        return mentions
    spans = [c for c in clauses if c != hit[0] and c[1] <= asks[-1].start()]
    return _set_aside(mentions, spans, also_kept=("age", "age_band", "sex"))


_TAKEN_BACK = re.compile(
    # an apology, then "I meant" / "that's" or a plain taking back ("scratch that",
    # "correction"), then the relative: "sorry, my mum is on it too" takes nothing back
    r"(?:oh\s+|er+m*\s+|um+\s+|ah+\s+)?(?:(?:sorry|oops|whoops|wait|no)\s*[,.!:;]*\s*)*"
    r"(?:(?:(?:correction|scratch\s+that|my\s+mistake|my\s+bad)\s*[,.!:;]*\s*)+"
    r"(?:(?:i\s+meant|i\s+mean)(?:\s+to\s+(?:say|write|type))?|that['’]?s|thats|it['’]?s|its)?"
    r"|(?<=[,.!:;…\s])(?:sorry|oops|whoops)\s*[,.!:;]*\s*(?:(?:i\s+meant|i\s+mean)(?:\s+to\s+"
    r"(?:say|write|type))?|that['’]?s|thats|it['’]?s|its))"
    r"\s*[,:]?\s+(?:my|our)\s+(?:[a-z]+\s+)?(?:{rel})\b"
)
_ASKERS_OWN_WORD = re.compile(r"\b(?:i|i['’]m|im|i\s+am|i['’]ve|ive|my)\b")


def _taken_back(mentions: list[Mention], folded: str) -> list[Mention]:
    """The asker's own words taken back at once for a relative ("I'm 30 weeks... oh sorry, I
    meant my sister-in-law is 30 weeks, I'm not pregnant"; "I'm on warfarin - sorry, I mean my
    mum is"): the facts of the words taken back, from the sentence's start to the apology,
    are that relative's, status ``other_person`` (wave 23, held-out part 22 h22053; clinic
    policy: each person's facts stay that person's). Only when those words are the asker's
    ("I", "my"): a value corrected with no relative named ("30 weeks, sorry, 32") is not
    read here."""
    spans: list[tuple[int, int]] = []
    for m in re.compile(_TAKEN_BACK.pattern.format(rel=_relation_alt())).finditer(folded):
        before = folded[: m.start()].rstrip(" .…,;:!–-")
        cut = max((x.end() for x in re.finditer(r"\.(?!\d)\s|[?!;\n]", before)), default=0)
        if _ASKERS_OWN_WORD.search(before, cut):
            spans.append((cut, m.start()))
    return _set_aside(mentions, spans) if spans else mentions


_SEX_OF_PRONOUN = {"him": "male", "her": "female"}


def _said_elsewhere(mentions: list[Mention], folded: str) -> list[Mention]:
    """A fact said to belong to another person than the one asked about: "My aunt (his
    sister) was the one with the pacemaker, not him" (the relative's, when her sex is not the
    sex of "him" and every "he", "his" else in the question is of that sex), and a fact
    corrected at once to a named relative ("he's the one with the needle phobia? no, that's
    his brother"): status ``other_person`` (wave 20, h18108, h18112; clinic policy: each
    person's facts stay that person's; a same-sex pair cannot be told apart and stays)."""
    rel = _relation_alt()
    spans: list[tuple[int, int]] = []
    owner = re.compile(
        r"\b(?:(?:my|our|his|her|their)\s+(?:[a-z]+\s+)?)?(?P<r>" + rel + r")\s*"
        r"(?:\([^)]{0,30}\)\s*)?(?:is|was|['’]s)\s+the\s+one\s+(?:with|on|who|that|having|"
        r"taking)\b[^.;!?]{0,60}?[,\s–-]*\bnot\s+(?P<p>him|her)\b"
    )
    sexes = _relation_sex()
    for m in owner.finditer(folded):
        sex = _SEX_OF_PRONOUN[m.group("p")]
        if sexes.get(m.group("r")) in (None, sex):
            continue  # "my uncle ..., not him": who is who cannot be told
        rest = folded[: m.start()] + " " + folded[m.end() :]
        other = (
            r"\b(?:she|she['’]s|shes|her|hers)\b"
            if sex == "male"
            else r"\b(?:he|he['’]s|hes|him|his)\b"
        )
        if not re.search(other, rest):
            spans.append((m.start(), m.start("p")))
    corrected = re.compile(
        r"(?:^|(?<=[.;!?]))(?P<s>[^.;!?]{3,120}?)[?.!]\s*(?:[-–]\s*)?no\b[,.!]?\s*(?:(?:wait|sorry|"
        r"hang\s+on|hold\s+on|actually|my\s+bad)\s*[,.!]?\s*)?(?:that['’]?s|thats|it['’]?s|its|"
        r"that\s+(?:was|is)|it\s+(?:was|is))\s+(?:his|her|my|their|our)\s+(?:(?:other|older|"
        r"younger|twin|little|big|eldest|youngest)\s+)?(?:" + rel + r")\b"
    )
    spans += [m.span("s") for m in corrected.finditer(folded)]
    if not spans:
        return mentions
    return _set_aside(mentions, spans, also_kept=("age", "age_band", "sex"))


_ASKER_CLAUSE_STOP = re.compile(
    r"\b(?:her|his|him|think|thinks|thought|says|said|believe|guess|suppose|reckon|know)\b"
)


def _askers_clauses(mentions: list[Mention], folded: str, kin: re.Pattern[str]) -> list[Mention]:
    """The question's last sentence asks about a named relative, never the asker ("my wife
    (34 weeks pregnant) and me (I have a pacemaker) ... Is it safe for her?"): the facts in the
    asker's own clauses (from "I", "me" to the clause's end, a "she", "he" or a relative's
    word) are the asker's, status ``other_person`` (wave 20, probe 13 p13115; clinic policy:
    each person's facts stay that person's)."""
    stop = re.compile(_ASKER_CLAUSE_END.pattern + r"|,|\b(?:but|and|whereas|while)\b")
    spans: list[tuple[int, int]] = []
    for m in re.finditer(r"\b(?:i|i['’]m|im|i['’]ve|ive|i['’]d|me)\b", folded):
        if spans and m.start() < spans[-1][1]:
            continue
        found = (
            stop.search(folded, m.end()),
            kin.search(folded, m.end()),
            _ASKER_CLAUSE_STOP.search(folded, m.end()),
        )
        ends = [x.start() for x in found if x is not None]
        spans.append((m.start(), min(ends) if ends else len(folded)))
    return _set_aside(mentions, spans)


ASKS_FOR_BOTH = re.compile(
    r"\b(?:we\s+both|both\s+of\s+us|we\s*(?:are|['’]re)\s+both|us\s+both|for\s+(?:the\s+)?two\s+of\s+"
    r"us|each\s+of\s+us|(?:a\s+)?couples?\s+(?:session|appointment|booking|treatment)|"
    r"(?:me|i)\s+and\s+(?:my|our)\s+[a-z]+\b(?!\s*['’]s)|(?:for\s+)?(?:my|our)\s+[a-z]+"
    r"(?:\s+[a-z]+)?\s+and\s+(?:for\s+)?(?:me|myself)\b|(?:and|&)\s+(?:also\s+)?for\s+"
    r"(?:me|myself)\b|for\s+me\s+too\b)"
)
"""The asker asking for themself and a relative together ("we both want it", "for my husband
and me", "asking for my partner ... and also for me", "a couples session"; wave 20)."""
_ONE_ASKED = re.compile(
    r"\b(?:for|to)\s+(?:me|her|him|myself)\b|\b(?:can|could|should|may|would|will|do)\s+"
    r"(?:i|she|he)\b|\bam\s+i\b|\b(?:is|does)\s+(?:she|he)\b|\bmy\s+own\b"
)
_ALSO_ME = re.compile(r"\b(?:and|&)\s+(?:also\s+)?for\s+(?:me|myself)\b|\bfor\s+me\s+too\b")


def asks_for_both(folded: str) -> bool:
    """Whether the question asks for the asker and a relative together (:data:`ASKS_FOR_BOTH`)
    and its last sentence singles out no one ("... is it safe for ME?", "Asking for me, not
    her", "can I have it?" ask for one person: wave 20)."""
    if not ASKS_FOR_BOTH.search(folded):
        return False
    parts = [p for p in re.split(r"(?<=[.?!])\s+", folded.strip()) if p.strip()]
    last = _ALSO_ME.sub(" ", parts[-1] if parts else folded)
    return not _ONE_ASKED.search(last)


def _set_aside(
    mentions: list[Mention],
    spans: Sequence[tuple[int, int]],
    *,
    also_kept: Collection[str] = (),
) -> list[Mention]:
    """``mentions`` with those that start inside ``spans`` set aside as another person's
    (status ``other_person``), except the kinds never another person's (:data:`_NEVER_OTHER`)
    and the kinds in ``also_kept``: the one step every reading of whose facts ends with."""
    return [
        dataclasses.replace(m, status=OTHER_PERSON)
        if any(a <= m.start < b for a, b in spans)
        and m.kind not in _NEVER_OTHER
        and m.kind not in also_kept
        else m
        for m in mentions
    ]


_ME_ASKED = re.compile(
    # wave 21 (h20100, h20106, h20091): the last sentence asks about the asker's own treatment
    # ("is it fine for me?", "OK for me to get acupuncture?", "can I have acupuncture", "am I
    # ok to have it"); "should I bring her", "can I book him in" ask about someone else
    r"\b(?:ok|okay|fine|safe|alright|all\s+right|suitable|good|right|possible)\s+for\s+"
    r"(?:me|myself)\b|\b(?:can|could|should|may|shall)\s+i\s+(?:still\s+|safely\s+|also\s+)?"
    r"(?:have|get|try|book\s+(?:in|myself)|go\s+for|start|go\s+ahead)\b|\bfor\s+me\s+to\s+"
    r"(?:have|get|try|start)\b|\bam\s+i\s+(?:ok|okay|safe|fine|alright|able|too|allowed)\b"
)
_NOT_ME_ALONE = re.compile(
    r"\b(?:her|him|them|they|we|us|our|both|either|each|too|also|as\s+well)\b"
)
_HE_SHE_CLAUSE = re.compile(
    r"(?:^|[.;:,!?(]\s*|-\s+|\b(?:and|but|while|whereas|so|because|though|although)\s+)"
    r"(?P<p>he|she|he['’]s|she['’]s|hes|shes)\b"
)


_PRONOUNS_3RD = frozenset(
    {"she", "her", "hers", "he", "him", "his", "he's", "she's", "hes", "shes"}
)


def _singled_out_asker(folded: str) -> bool:
    """Whether the last sentence asks for the asker's own treatment alone (:data:`_ME_ASKED`,
    with no "her", "him", "we", "both", "too" in it) and no sentence asks about another person
    (wave 21)."""
    body = folded.rstrip(" ?!.\n")
    ends = [m.end() for m in re.finditer(r"[.!?;](?!\d)", body)]
    last = body[ends[-1] :] if ends else body
    return (
        bool(_ME_ASKED.search(last))
        and not _NOT_ME_ALONE.search(last)
        and not _ASKS_OTHER.search(folded)
        and not _ASKED_PRONOUN.search(folded)
    )


def _pronoun_clauses(folded: str) -> list[tuple[int, int]]:
    """The clauses whose subject is "he" or "she" ("He's on Eliquis for his heart and has a
    bad knee", "She has numbness in her saddle area after a fall"): from the pronoun to the
    sentence's end or the asker's next own word ("..., I told her A&E")."""
    spans = []
    for m in _HE_SHE_CLAUSE.finditer(folded):
        end = _CLAUSE_END.search(folded, m.end("p"))
        spans.append((m.start("p"), end.start() if end else len(folded)))
    return spans


def others(mentions: list[Mention], folded: str, kin: re.Pattern[str]) -> list[Mention]:
    """:func:`_others`, then a treatment the asker is only around (:func:`_exposed_to`)."""
    return _exposed_to(_others(mentions, folded, kin), folded)


_EXPOSED_BEFORE = re.compile(
    r"\b(?:around|near|handl(?:e|es|ed|ing)|exposed\s+to|exposure\s+to|in\s+contact\s+with|"
    r"breathing\s+in|touching|touch)\s+(?:(?:his|her|their|the|all\s+the|that|this|your)\s+)?$"
)


def _exposed_to(mentions: list[Mention], folded: str) -> list[Mention]:
    """A medicine or class the asker is only around ("I look after my dad who's on chemo ...
    since I'm around chemo all the time"; wave 23b, h23131): when another person in the
    question takes or is on that treatment, the same word after "around", "near", "handling",
    "exposed to" is that person's treatment, not the asker's (clinic policy: another person's
    facts are never screened as the asker's). Without another person's treatment the word
    stays the patient's (the cautious reading: "I'm around chemo" may be the asker's own)."""
    theirs = [m for m in mentions if m.status == OTHER_PERSON]
    if not theirs:
        return mentions
    out = []
    for m in mentions:
        if (
            m.kind in ("class", "medicine")
            and m.status == "current"
            and not m.negated
            and _EXPOSED_BEFORE.search(folded[max(0, m.start - 40) : m.start])
            and any(fold(o.words).endswith(fold(m.words)) or o.value == m.value for o in theirs)
        ):
            m = dataclasses.replace(m, status=OTHER_PERSON)
        out.append(m)
    return out


def _others(mentions: list[Mention], folded: str, kin: re.Pattern[str]) -> list[Mention]:
    """Facts of another person, not the asker (probe 2 G5): "I have low back pain. My wife she
    is pregnant", "my husband is on warfarin, I have knee OA".

    A relative owned by the asker ("my wife", "our son") that opens a clause is its subject;
    the clause runs to the end of the sentence or to the asker's next own word ("I", "me",
    "my": "my wife worries as my INR is 4 on warfarin" keeps the warfarin the asker's). Its
    facts (sex included) are that person's, status ``other_person``: shown, not screened, and
    their denials deny nothing of the patient. This holds only when the asker is
    the patient: a first-person health cue (:data:`FIRST_PERSON`, the rule
    :mod:`acupath.answer.people` uses to decide whom the question is about) stands outside
    those clauses, and no "she", "his", "them"... outside them points back to the relative as
    the one asked about ("my wife is pregnant and has back pain, can she have acupuncture?"
    stays hers, that is the patient's). A clinician's "my patient" is never set aside."""
    named = None if asks_for_both(folded) else named_target(folded)
    if named is not None:
        # wave 23 (held-out part 22): several people, one of them named to treat ("It's my
        # dad with the back pain who wants acupuncture", "Acupuncture for MUM please")
        mentions = named_one(mentions, folded)
    mentions = _family_history(_labelled_people(mentions, folded), folded)
    mentions = _said_elsewhere(_contrasted(mentions, folded), folded)  # wave 20
    mentions = _taken_back(mentions, folded)  # wave 23
    mentions = _one_and_the_other(mentions, folded)  # wave 20
    mentions = _two_by_pronoun(_several_people(_numbered_people(mentions, folded), folded), folded)
    if asks_for_both(folded):
        # wave 20 (held-out part 19 h19074, h19080): the asker asks for a relative and for
        # themself together ("we both want it", "asking for my partner ... and also for me"):
        # both are patients of the question, so neither's facts are set aside (the cautious
        # reading; the safety box then holds every fact of both)
        return mentions
    if named is not None and named != "i":
        # wave 23: a relative named to treat is the patient, so the readings below, which set
        # a relative's clauses aside when the asker is the patient, do not apply
        return mentions
    if declared_relative(folded, kin) is not None:
        return _askers_own(mentions, folded, kin)
    if _asks_other(folded) and kin.search(folded):
        return _askers_clauses(mentions, folded, kin)  # wave 20
    spans: list[tuple[int, int]] = []
    heads: list[tuple[int, int]] = []
    for m in kin.finditer(folded):
        if _taken_from(folded, m.start(), m.end(), mentions):
            continue  # "I take my partner's aspirin": whose prescription, not who takes it
        heads.append((m.start(), m.end()))
    for m in _KIN_MORE.finditer(folded):
        if m.group().rstrip()[-3:] == "old":  # "my 6 year old"
            heads.append((m.start(), m.end()))
        else:  # "my twin sister": a relation must follow the word before it
            tail = kin.match("my " + folded[m.end() :])
            if tail:
                heads.append((m.start(), m.end() + tail.end() - 3))
    places = {m.start("p"): m.end() for m in _MET_PERSON.finditer(folded)}
    heads += [(a, a) for a in places]
    for a, b in sorted(heads):
        if spans and a < spans[-1][1]:
            continue
        end = _CLAUSE_END.search(folded, places.get(a, b))
        spans.append((a, end.start() if end else len(folded)))
    if not spans:
        return mentions
    if _singled_out_asker(folded):
        # wave 21 (h20100 "Me and my husband both want acupuncture. ... He's on Eliquis for his
        # heart ... Is it fine for me?"): a relative is named and the last sentence asks for
        # the asker alone, so the "he" / "she" clauses are the relative's, not the asker's
        # (clinic policy: each person's facts stay that person's; the lead's wave-20 rule: a
        # last question that singles the asker out says whose question it is)
        spans = sorted(spans + _pronoun_clauses(folded))
        singled = True
    else:
        singled = False
    outside = list(folded)
    for a, b in spans:
        outside[a:b] = " " * (b - a)
    rest = "".join(outside)
    said = [m.span() for r in (_NOT_THE_ONE, _THE_ONE_NOT_ME) for m in r.finditer(folded)]
    if said:
        # wave 12 (p10087, p10094): "he's not the one having acupuncture, I am", "my son is
        # the one who hates needles, not me": the relative is said not to be the patient, so
        # "he", "his" do not point back to him as the one asked about, and the "he" of those
        # words is his (clinic policy: another person's facts are never the asker's)
        rest = _THIRD_PERSON.sub(" ", _NOT_THE_ONE.sub(" ", rest)) + " i am on "
        spans += said
    elif _FOR_MYSELF.search(folded) or FOR_ME_NOT_THEM.search(folded):
        # wave 14: the asker says the question is theirs, so "they", "she" outside the
        # relative's clauses do not point back to the relative as the one asked about
        rest = _THIRD_PERSON.sub(" ", rest) + " i am on "
    # "not for me, for my mum": a disclaimer says the asker is NOT the patient (wave 14)
    rest = NOT_FOR_ME.sub(" ", rest)
    asker = (
        FIRST_PERSON.search(" ".join(rest.split()))
        or _ASKER_TO_KIN.search(rest)
        or I_HAVE_NONE.search(rest)
    )
    if asker is None or (not singled and _THIRD_PERSON.search(_ASKER_TO_KIN.sub(" ", rest))):
        # a "her" / "him" left in the asker's own words ("I told her A&E") asks about no one
        # when the last sentence asks for the asker alone (wave 21)
        return mentions
    if not said and _asks_other(folded):
        # wave 20: "I'm 29. My nan is 90 and has a bad hip, would it be safe for her?": the
        # ask about her inside her own clause makes her the patient, whatever the asker says
        # of themself (the cautious reading)
        return mentions
    return [
        dataclasses.replace(m, status=OTHER_PERSON)
        if (any(a <= m.start < b for a, b in spans) and not _shared_age(m, folded))
        # wave 21: with the asker singled out, a "her" / "him" anywhere is another person's sex
        or (singled and m.kind == "sex" and fold(m.words) in _PRONOUNS_3RD)
        else m
        for m in mentions
    ]


_PATIENT_SELF = re.compile(
    # wave 20 (h18110 "Mrs K herself: knee OA"): a titled patient said apart as well
    r"\b(?:(?:the\s+)?(?:patient|pt|client)|(?:mrs|mr|ms|miss|mx)\.?\s+[a-z]{1,20}|"
    # wave 23b (h23125 "her mother had a pacemaker ... She herself: fit and well"): the
    # patient said apart by a pronoun, the same contrast
    r"she|he|they)\s+"
    r"(?:herself|himself|themselves|themself)\b"
)
_BARE_RELATIVE = re.compile(
    r"(?:^|[.;!?:]\s*|,\s*|"
    # wave 23b (h23125 "Pt mentions her mother had ... and her sister had ..."): a relative
    # after a verb of telling or "and" in the same note
    r"\b(?:and|mentions|mentioned|reports|reported|says|said|states|stated|notes|noted|"
    r"that)\s+)(?:(?:his|her|their|pt['’]?s?|patient['’]?s?)\s+)?(?:twin\s+)?"
    r"(?:mother|father|mum|mom|dad|brother|sister|son|daughter|aunt|uncle|cousin|grandmother|"
    # wave 20 (h18110 "Her husband, who attends with her, has haemophilia B"): a spouse too,
    # and a "who ..." clause between the relative and the verb
    r"grandfather|sibling|twin|husband|wife|partner|spouse)"
    r"(?:\s*,\s*(?:who|that)\b[^,.;!?]{0,60},)?"
    r"\s+(?:has|had|have|is|was|on|with|takes|took)\b"
)


_RELATIVE_END = re.compile(
    r"\.(?!\d)|[?!;]|\b(?:patient|pt|client|mrs|mr|ms|miss|mx)\b|"
    # wave 23b: "her sister had a pacemaker and she herself is on warfarin": the patient's own
    r"\b(?:and\s+)?(?:she|he|they)\s+(?:herself|himself|themselves|themself)\b"
)


def _family_history(mentions: list[Mention], folded: str) -> list[Mention]:
    """A clinician's note naming a relative's condition against the patient's own ("Brother
    has haemophilia B; patient herself has normal clotting screen"): the relative's clause,
    from the relation word to the clause's end, is family history, another person's facts
    (shown, not screened). Only with "the patient herself/himself" said apart: a relation word
    with no owner is else as often the patient ("Brother has haemophilia, can he have it?")
    (wave 19, p13111; clinic policy: another person's facts are never the patient's)."""
    if not _PATIENT_SELF.search(folded):
        return mentions
    spans = []
    for m in _BARE_RELATIVE.finditer(folded):
        end = _RELATIVE_END.search(folded, m.end())
        spans.append((m.start(), end.start() if end else len(folded)))
    return _set_aside(mentions, spans)


_BOTH_BEFORE = re.compile(
    r"\b(?:both|both\s+of\s+us|we\s*(?:are|['’]re)\s+both|we\s+both\s+are)\s+"
    r"(?:are\s+|turned\s+)?(?:aged?\s+)?$"
)


def _shared_age(m: Mention, folded: str) -> bool:
    """An age told for the asker and the relative at once ("me and my wife, both 81"): the
    asker's too, never set aside with the relative's clause (wave 18, h15080)."""
    return m.kind in ("age", "age_band") and bool(
        _BOTH_BEFORE.search(folded[max(0, m.start - 30) : m.start])
    )
