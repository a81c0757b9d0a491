"""The one person a question names to treat, among several (wave 23).

A carer or a parent often tells several people's facts and then names the one to treat: "My
mum's on warfarin, my dad isn't on anything. It's my dad with the back pain who wants
acupuncture", "Dad 79 has the defibrillator thing fitted; Mum 77 has nothing fitted ...
Acupuncture for MUM please", "Referral for the younger sibling (13) with migraine; older
sibling (17) on immunosuppressants is NOT being referred", "my son is 19 ..., he has a needle
phobia. I'm the one wanting acupuncture for my back". :func:`named_one` cuts the question into
clauses, each opened by a person (a relation word, "I", or a "he" / "she" that points back to
the last person of that sex), and sets aside (status ``other_person``: shown, never screened)
the facts of every clause opened by someone other than the person named (clinic policy: each
person's facts stay that person's).

It reads nothing unless one person is named as the one to treat, in a sentence that speaks of
treatment or a complaint, and no other person is; a question asking for two people together,
or naming one person only, is left as it was (the cautious reading keeps every fact).
"""

from __future__ import annotations

import dataclasses
import functools
import re

from acupath.answer.context import OTHER_PERSON, Mention, fold
from acupath.answer.lexicon import patient_words

_ORDER = {
    "younger": "young",
    "youngest": "young",
    "little": "young",
    "older": "old",
    "oldest": "old",
    "elder": "old",
    "eldest": "old",
    "big": "old",
}
_ASKER = "i"


@functools.cache
def _relations() -> tuple[dict[str, str], dict[str, str]]:
    """Each relation word (patient.yaml's people) mapped to its relation, and each relation's
    sex where the relation fixes it."""
    words: dict[str, str] = {}
    sexes: dict[str, str] = {}
    for rid, rel in patient_words().people.relations.items():
        if rid == "patient":
            continue  # "the patient" is the one treated, never another person
        sex = {"he": "male", "she": "female"}.get(rel.pronoun or "", "")
        if sex:
            sexes[rid] = sex
        for w in rel.words:
            w = fold(w)
            if not w.startswith(("my ", "our ")):
                words[w] = rid
    return words, sexes


@functools.cache
def _alt() -> str:
    """Every relation word, longest first, as one alternation."""
    return "|".join(re.escape(w) for w in sorted(_relations()[0], key=len, reverse=True))


@functools.cache
def _head() -> re.Pattern[str]:
    """A person opening a clause: an owned or bare relation word, with an order word before it
    ("the younger sibling", "my dad", "Mum 77")."""
    alt = _alt()
    return re.compile(
        r"\b(?:(?:my|our|the|his|her|their)\s+)?(?:(?P<o>" + "|".join(_ORDER) + r")\s+)?"
        # "the younger one": "one" is a person only after an order word
        r"(?P<r>"
        + alt
        + r"|(?:(?<="
        + r"\s)|(?<=".join(_ORDER)
        + r"\s))one)\b(?!\s+(?:in\s+law)\b)"
    )


_OPENER = r"(?:^|(?<=[.;:!?,(])\s*|\b(?:and|but|while|whereas|so|because|since|as)\s+)"
_ASKER_HEAD = re.compile(_OPENER + r"(?P<i>i|i['’]m|im|i\s+am|i['’]ve|ive|i\s+have|i['’]d)\b")
_PRONOUN_HEAD = re.compile(_OPENER + r"(?P<p>he|she)(?:['’]s|s)?\b")
_SENTENCE_END = re.compile(r"\.(?!\d)|[?!;\n]")
_TREATMENT = re.compile(
    r"\b(?:acupuncture|acu|needl\w*|treat\w*|sessions?|appointments?|book\w*|referr\w*|"
    r"referral|pain|ache\w*|headaches?|migraines?|arthritis|sore)\b"
)
_CLEFT = r"\bit(?:['’]?s|\s+is|\s+was)\s+(?:only\s+|just\s+|actually\s+|really\s+)?"
_CLEFT_TAIL = r"\s*(?:,|who\b|that\b|with\b|wanting\b|needing\b|having\b|for\b|\()"
_FOR = (
    r"\b(?:acupuncture|acu|treatment|referral|referring|appointment|booking|session|sessions|"
    r"needling|advice|advise)\s+(?:is\s+|would\s+be\s+)?(?:only\s+|just\s+)?for\s+"
)
_ASKER_NAMED = re.compile(
    # "I'm the one wanting acupuncture", "it's me who needs it"
    r"\b(?:(?:i['’]m|im|i\s+am)\s+(?:actually\s+|really\s+)?the\s+one|it(?:['’]?s|\s+is)\s+"
    r"(?:actually\s+|really\s+|just\s+|only\s+)?me)\s*(?:,\s*)?(?:who|that|wanting|needing|"
    r"having|getting|booking|looking|asking|after)\b"
)
_BOTH = re.compile(
    # "they both want acupuncture", "for both of them", "can we both have it"
    r"\b(?:both|each)\s+(?:of\s+(?:them|us)\s+)?(?:want|need|have|get|would|could|can|are)\b"
    r"|\b(?:for|treat|needle)\s+(?:them|us|both\s+of\s+them|each\s+of\s+them)\b"
    r"|\b(?:can|could|should)\s+(?:they|we)\b"
)


_THIRD = re.compile(r"\b(?:he|she|him|her|his|they|them|their)\b")
_ASKS_ME = re.compile(
    # "what should I tell them?" asks nothing for the asker
    r"\b(?:for|to)\s+me\b|\b(?:can|could|should|may)\s+i\s+(?:also\s+)?(?:have|try|get|book|"
    r"start|come|join|go|do\s+it)\b|\bam\s+i\b|\bme\s+too\b|\bmy\s+own\b"
)
_ASKS_THIRD = re.compile(
    r"\b(?:for|to|about|treat|needle)\s+(?:him|her|them)\b|\b(?:can|could|should|may|is|does)\s+"
    r"(?:he|she|they)\b"
)


@functools.cache
def _and_head() -> re.Pattern[str]:
    """A second person joined to a named one: "(81) and granddaughter", ", and my son"."""
    return re.compile(
        r"\s*(?:\([^)]*\)|\d+)?\s*,?\s*(?:and|&|or|plus)\s+(?:" + _head().pattern + ")"
    )


def _key(m: re.Match[str]) -> tuple[str, str]:
    """A person head's identity: the relation and the order word, if any."""
    rel = _relations()[0].get(m.group("r"), m.group("r"))
    return rel, _ORDER.get(m.group("o") or "", "")


def _same(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Whether two heads may be the same person: one relation, no clashing order words."""
    return a[0] == b[0] and (not a[1] or not b[1] or a[1] == b[1])


def _target(folded: str) -> tuple[str, str] | None:
    """The one person named to treat: a relative by a cleft sentence ("It's my dad with the
    back pain who wants acupuncture") or by "acupuncture / referral for <person>", or the
    asker ("I'm the one wanting acupuncture"); ``None`` when none is, or several are."""
    head = _head().pattern
    named: set[tuple[str, str]] = set()
    # "acupuncture for my mum's sister" names the sister, not the mum ("for my brother's
    # shoulder" names the brother)
    owner = r"(?!['’]s\s+(?:[a-z]+\s+)?(?:" + _alt() + r")\b)"
    for pattern in (_CLEFT + head + _CLEFT_TAIL, _FOR + head + owner):
        for m in re.finditer(pattern, folded):
            end = _SENTENCE_END.search(folded, m.end())
            sentence = folded[m.start() : end.start() if end else len(folded)]
            if _TREATMENT.search(sentence):
                named.add(_key(m))
                # "referral for grandmother (81) and granddaughter (16)" names two people
                more = _and_head().match(folded, m.end())
                if more:
                    named.add(_key(more))
    for m in _ASKER_NAMED.finditer(folded):
        end = _SENTENCE_END.search(folded, m.end())
        sentence = folded[m.start() : end.start() if end else len(folded)]
        # "I'm the one who takes him to acupuncture" names the driver, not the patient
        if _TREATMENT.search(sentence) and not _THIRD.search(sentence):
            named.add((_ASKER, ""))
    if len(named) != 1:
        return None
    target = named.pop()
    body = folded.rstrip(" ?!.\n")
    ends = [m.end() for m in _SENTENCE_END.finditer(body)]
    last = body[ends[-1] :] if ends else body
    # the asker named, and the last sentence asking about someone else ("... is it safe for
    # her?"), or a relative named and the asker asking anywhere for themself ("Can I have it
    # too?"): the question is not only the named person's, and nothing is read
    if target[0] == _ASKER:
        return None if _ASKS_THIRD.search(last) else target
    return None if _ASKS_ME.search(folded) else target


def named_target(folded: str) -> str | None:
    """Who is named to treat: a relation id, ``"i"`` for the asker, ``None`` for no one."""
    target = _target(folded)
    if target is None or _BOTH.search(folded):
        return None
    return target[0]


def named_relation(folded: str) -> str | None:
    """The relation id of the relative named to treat ("It's my dad with the back pain who
    wants acupuncture": ``father``), for the patient voice to name them; ``None`` when the
    asker, nobody or several people are named, or several are asked for together."""
    target = _target(folded)
    if target is None or target[0] not in _relations()[1].keys() | set(_relations()[0].values()):
        return None  # the asker, or "the younger one": no relation to name
    return None if _BOTH.search(folded) else target[0]


def _clauses(folded: str) -> list[tuple[int, int, tuple[str, str] | None]]:
    """The question's clauses, each from a person's head to the next head or the sentence's
    end, with that person (``None`` for a "he" / "she" no earlier person of that sex owns)."""
    sexes = _relations()[1]
    heads: list[tuple[int, tuple[str, str] | None]] = []
    for m in _head().finditer(folded):
        heads.append((m.start(), _key(m)))
    heads += [(m.start("i"), (_ASKER, "")) for m in _ASKER_HEAD.finditer(folded)]
    # "but it's just me booking - 35": the asker named opens the asker's clause
    heads += [(m.start(), (_ASKER, "")) for m in _ASKER_NAMED.finditer(folded)]
    pronouns = [(m.start("p"), m.group("p")) for m in _PRONOUN_HEAD.finditer(folded)]
    out: list[tuple[int, int, tuple[str, str] | None]] = []
    starts = sorted(heads + [(a, None) for a, _ in pronouns])
    said = dict(pronouns)
    for i, (a, who) in enumerate(starts):
        if who is None:  # a "he" / "she": the last person of that sex before it
            sex = "male" if said[a] == "he" else "female"
            earlier = [w for b, w in starts[:i] if w is not None and sexes.get(w[0]) == sex]
            who = earlier[-1] if earlier else None
        nxt = starts[i + 1][0] if i + 1 < len(starts) else len(folded)
        end = _SENTENCE_END.search(folded, a)
        out.append((a, min(nxt, end.start() if end else len(folded)), who))
    return out


def named_one(mentions: list[Mention], folded: str) -> list[Mention]:
    """``mentions`` with the facts of every person other than the one named to treat set
    aside (status ``other_person``); unchanged when no one, or more than one, is named, or
    the question asks for several people together ("for both of them")."""
    target = _target(folded)
    if target is None or _BOTH.search(folded):
        return mentions
    spans = [(a, b) for a, b, who in _clauses(folded) if who is not None and not _same(who, target)]
    if not spans:
        return mentions
    return [
        dataclasses.replace(m, status=OTHER_PERSON)
        if any(a <= m.start < b for a, b in spans) and m.kind != "patient"
        else m
        for m in mentions
    ]
