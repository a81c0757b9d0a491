"""Patient details and asking words: never reported as "not understood".

``not_understood`` (and ``answered_fully``) must name the parts of a question the answer does
not address, not the words that describe the patient or the asking. :func:`detail_spans`
finds, in a question already read for its patient (:mod:`.context`):

- the **indication** of a medicine, regimen or device: up to four words after "for", "after",
  "since", "because of"... ("warfarin for a mechanical valve", "clopidogrel 75 mg once daily
  after a TIA", "ticagrelor since my heart attack");
- a **lab report's aside** in brackets right after a lab value ("INR 2.6 (target 2.5-3.5)");
- **modifiers** of a recognised fact or condition: up to two unknown words right before it
  ("dual-chamber pacemaker", "oropharyngeal cancer", "mid-back pain", "prophylactic
  enoxaparin");
- **obstetric notation** ("G2P1") and **times** ("last spring", "this afternoon", "on
  Tuesday", "two hours ago", "at the moment", "until then").

:func:`known_words` adds the general word classes of ``data/answer/details.yaml`` (times,
sides, clinicians, asking words, contractions written without an apostrophe, lab, pregnancy
and medicine-timing words) and every regimen name to what the parser knows, so the spelling
corrector leaves them alone ("shes" is not "shed") and they are not reported. A word that is a
known word plus "s" ("mums", "gets") is known too (:func:`plural_known`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict

from acupath.answer.lexicon import ANSWER_DIR, read_model

PATH = ANSWER_DIR / "details.yaml"


class DetailWords(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    time_words: tuple[str, ...]
    sides: tuple[str, ...]
    roles: tuple[str, ...]
    asking: tuple[str, ...]
    contractions: tuple[str, ...]
    indication_links: tuple[str, ...]
    indication_words: int
    lab_words: tuple[str, ...]
    pregnancy_words: tuple[str, ...]
    treatment_words: tuple[str, ...]
    timing_words: tuple[str, ...]


@functools.cache
def detail_words() -> DetailWords:
    return read_model(PATH, DetailWords)


def _phrases() -> Iterable[str]:
    from acupath.answer.regimens import regimens

    w = detail_words()
    for group in (
        w.time_words, w.sides, w.roles, w.asking, w.contractions, w.lab_words,
        w.pregnancy_words, w.treatment_words, w.timing_words, w.indication_links,
    ):  # fmt: skip
        yield from group
    for r in regimens().regimens:
        yield from r.names
        yield from r.cue_names
        yield r.id.replace("_", " ")


@functools.cache
def known_words() -> tuple[frozenset[str], frozenset[str]]:
    """``(stems, surface words)`` of every detail word and regimen name."""
    from acupath.answer.context import tokenize

    stems: set[str] = set()
    surfaces: set[str] = set()
    for p in _phrases():
        for t in tokenize(p):
            if t.word[0].isalnum():
                stems.add(t.key)
                surfaces.add(t.word)
    return frozenset(stems), frozenset(surfaces)


def plural_known(word: str, known: Iterable[str] | set[str]) -> bool:
    """ "mums", "gets": a known word with an "s" added (a plural, a possessive without its
    apostrophe, or a verb's third person)."""
    return len(word) > 3 and word.endswith("s") and word[:-1] in known


_TIME = re.compile(
    r"\b(?:(?:last|this|next|every|on|in|since|until|till|by|from|during|early|late|mid)\s+)?"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|"
    r"may|june|july|august|september|october|november|december|spring|summer|autumn|winter|"
    r"morning|afternoon|evening|night|weekend|week|month|year|fortnight)s?\b"
    r"|\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|few|couple of|several)\s+"
    r"(?:minutes?|hours?|days?|weeks?|months?|years?)\s+(?:ago|back|later|before|after)\b"
    r"|\bat the moment\b|\buntil then\b|\bfor now\b|\bright now\b|\bthese days\b"
)
_OBSTETRIC = re.compile(r"\bg\s*\d+\s*p\s*\d+(?:\s*\+\s*\d+)?\b")
_BRACKET = re.compile(r"\s*\(([^()]{1,60})\)")
_PUNCT = {".", ",", ";", "?", "!", ":", "(", ")", "-"}
_STOP_INDICATION = {"and", "but", "or", "with", "so", "because", "which", "who", "is", "was"}
_MED_KINDS = ("medicine", "class", "regimen", "device")


def detail_spans(
    text: str,
    toks: Sequence[Any],
    mentions: Sequence[Any],
    conditions: Sequence[tuple[int, int]],
    is_known: Any,
) -> list[tuple[int, int]]:
    """Character spans of ``text`` that are patient details (module docstring). ``toks`` are
    :func:`acupath.answer.context.tokenize` tokens of ``text``; ``mentions`` the patient
    context's mentions; ``conditions`` the character ranges of recognised conditions;
    ``is_known(token)`` says whether the parser knows a token."""
    w = detail_words()
    folded = text.lower()
    out: list[tuple[int, int]] = [(m.start(), m.end()) for m in _TIME.finditer(folded)]
    out += [(m.start(), m.end()) for m in _OBSTETRIC.finditer(folded)]
    links = [tuple(p.split()) for p in w.indication_links]
    words = [t.word for t in toks]
    for m in mentions:
        if m.kind == "lab":
            b = _BRACKET.match(text, m.end)
            if b:
                out.append((b.start(), b.end()))
        if m.kind not in _MED_KINDS:
            continue
        i = next((k for k, t in enumerate(toks) if t.start >= m.end), len(toks))
        # skip a dose and schedule ("75 mg once daily") to reach the link word
        for _ in range(6):
            if i >= len(toks) or words[i] in _PUNCT or _link_at(words, i, links):
                break
            i += 1
        n = _link_at(words, i, links)
        if not n:
            continue
        j, taken = i + n, 0
        while j < len(toks) and taken < w.indication_words:
            if words[j] in _PUNCT or words[j] in _STOP_INDICATION:
                break
            j += 1
            taken += 1
        if j > i + n:
            out.append((toks[i].start, toks[j - 1].end))
    # up to two unknown words right before a fact or condition modify it
    anchors = [m.start for m in mentions if m.kind not in ("sex",)]
    anchors += [a for a, _ in conditions]
    for a in anchors:
        k = next((n for n, t in enumerate(toks) if t.start >= a), None)
        if k is None:
            continue
        lo = k
        while lo > 0 and k - lo < 2:
            prev = toks[lo - 1]
            if prev.word in _PUNCT or is_known(prev) or not prev.word[0].isalpha():
                break
            lo -= 1
        if lo < k:
            out.append((toks[lo].start, toks[k - 1].end))
    return out


def _link_at(words: Sequence[str], i: int, links: Sequence[tuple[str, ...]]) -> int:
    for link in links:
        if tuple(words[i : i + len(link)]) == link:
            return len(link)
    return 0
