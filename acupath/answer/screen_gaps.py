"""An incomplete screen is not a clear one (issue 10, red-team probe F2).

When the patient of a question passes the screen, the safety box says so ("No screening rule
stops or changes needling for the patient as described"; to a patient: "Nothing you told us
rules acupuncture out"). That is true only of what acupath read. If the question holds words
acupath did not understand ("he's been very woozy"), they may be the red flag that would have
referred the patient, so :func:`guard_unread` replaces that sentence with one that names the
unread words and says the screen could not be completed. It never makes a box less cautious:
a refer, defer or modify box is returned unchanged.

Which words count as unread is the parser's ``not_understood``: the words of three letters or
more it does not know, except runs of everyday words ("desk", "school": :mod:`.everyday`).
Clinical notes abbreviate, so :func:`clinical_unread` (wave 6) adds, for a question that
describes a patient, the words that *look clinical* and were not read:

1. an **abbreviation**: a word of two to six letters written in capitals ("BP", "SAH", "LOC",
   "SOB"), or with a capital after its first letter ("eGFR", "HbA1c"); a longer English word in
   capitals is shouting, not an abbreviation;
2. a word that is not English **right before a number** ("Hb 68", "CRP 180", "K+ 6.2"): a
   measurement acupath did not read; and a red-flag abbreviation acupath knows, with a number
   nothing read ("GCS 14");
3. a word that is not English and lies within a few letters of a **red-flag word**
   (rapidfuzz ratio >= ``FUZZY_CUTOFF`` against the single words of the red-flag phrases),
   such as "incontinance" or "paraesthsia" when the spelling corrector did not fix it.

4. a **measurement named by a noun of measuring** ("reading", "level", "count", "result",
   "bloods") with a number no reader took ("last reading was 3.6"; wave 17).

Plain English words are never added (the CMU dictionary, :func:`.spelling.is_english`), nor
vertebral levels ("L4", "C5"), nor words acupath knows.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from typing import Any

from acupath.answer.models import Section

FUZZY_CUTOFF = 85.0
"""Least rapidfuzz ratio (0-100) between an unread word and a red-flag word for the word to
count as a possible misspelt red flag (one or two letters wrong in a word of 8-12 letters)."""

_LEVEL = re.compile(r"[ctls]\d{1,2}")
"""A vertebral level ("L4", "C5", "S1"): a site, not an unread finding."""
_NOT_CLINICAL = frozenset(
    {"ok", "okay", "us", "uk", "usa", "nhs", "gp", "gps", "am", "pm", "tv", "asap", "fyi", "pls",
     "hi", "md", "dr", "mr", "mrs", "ms", "nb", "ps", "vs", "eg", "ie", "aka", "etc", "im", "id",
     "thx", "lol", "omg", "btw", "imo", "tbh", "idk", "a", "i"}
)  # fmt: skip
"""Capitalised words of everyday writing that are no clinical abbreviation."""
_JOINERS = frozenset({"+", "-", ":", "=", "of", "is", "was", "at"})

_CLEAR = re.compile(
    r"^\*\*(?:Nothing you (?:told us|describe)[^*\n]*rules acupuncture out\."
    r"|No screening rule stops or changes needling for the patient as described\.)\*\*[^\n]*$",
    re.MULTILINE,
)
"""The first line of a box whose screen found nothing (opening.py, patient_safety.yaml)."""


def clear_sentence(text: str) -> bool:
    """Whether a safety box says that nothing stops needling."""
    return bool(_CLEAR.search(text))


def guard_unread(section: Section, not_understood: Sequence[str], audience: str) -> Section:
    """``section`` with its "nothing stops needling" line replaced when words went unread."""
    words = [w for w in not_understood if w.strip()]
    if not words or not clear_sentence(section.text):
        return section
    quoted = ", ".join(f"“{w}”" for w in words)
    if audience == "patient":
        line = (
            f"**We could not finish checking your safety:** we did not understand {quoted}. "
            "If this is a new or worsening symptom, see a doctor before acupuncture, and tell "
            "the practitioner about your health and medicines."
        )
    else:
        line = (
            f"**The screen could not be completed:** acupath did not read {quoted} in the "
            "question, so it cannot say that nothing stops needling. If these words describe a "
            "new or worsening symptom, assess it (it may be a red flag) before needling."
        )
    text = _CLEAR.sub(lambda _: line, section.text, count=1)
    return Section(section.title, text, section.citations)


@functools.cache
def red_flag_words() -> frozenset[str]:
    """The single words of the red-flag phrases of ``patient.yaml``."""
    from acupath.answer.lexicon import patient_words

    pw = patient_words()
    phrases = [p for ps in pw.red_flags.values() for p in ps]
    phrases += [p for c in pw.combinations if c.kind == "red_flag" for g in c.all_of for p in g]
    return frozenset(w for p in phrases for w in re.findall(r"[a-z]+", p.lower()))


@functools.cache
def _red_flag_words() -> tuple[str, ...]:
    """The red-flag words of five letters or more (the fuzzy match's choices)."""
    return tuple(sorted(w for w in red_flag_words() if len(w) >= 5))


def _fuzzy_red_flag(word: str) -> bool:
    from rapidfuzz import fuzz, process

    return (
        process.extractOne(word, _red_flag_words(), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
        is not None
    )


def _abbreviation(surface: str) -> bool:
    letters = [c for c in surface if c.isalpha()]
    if len(letters) < 2 or len(letters) > 6:
        return False
    return all(c.isupper() for c in letters) or any(c.isupper() for c in letters[1:])


_UNREAD_ANALYTES = frozenset(
    {"egfr", "gfr", "hb", "hgb", "wbc", "wcc", "crp", "esr", "hba1c", "creat", "creatinine",
     "k", "na", "alt", "ast", "alp", "bili", "tsh", "ferritin", "albumin", "lactate"}
)  # fmt: skip
"""Laboratory analytes Ask does not read: a value after one is an unread measurement even when
the word itself is known from elsewhere (wave 6: "eGFR" is also in "EGFR inhibitor")."""


def clinical_unread(
    text: str,
    toks: Sequence[Any],
    used: Sequence[tuple[int, int]],
    is_known: Callable[[Any], bool],
) -> tuple[str, ...]:
    """The clinical-looking words of ``text`` that were not read (module docstring).

    ``toks`` are the question's tokens (:func:`acupath.answer.context.tokenize`), ``used`` the
    character spans read as patient facts or topics, ``is_known`` the parser's test of a
    known word."""
    from acupath.answer.spelling import is_english

    out: list[str] = []
    for i, t in enumerate(toks):
        word = t.word
        if not word[:1].isalpha() or _LEVEL.fullmatch(word) or word in _NOT_CLINICAL:
            continue
        if any(a <= t.start and t.end <= b for a, b in used):
            continue
        surface = text[t.start : t.end]
        j = i + 1
        while j < len(toks) and toks[j].word in _JOINERS:
            j += 1
        before_number = j < len(toks) and toks[j].word[:1].isdigit()
        if is_known(t):
            # a red-flag abbreviation with a number nothing read ("GCS 14", "PVR 50"): the
            # measurement went unread even though the word is known
            if before_number and _abbreviation(surface) and word in red_flag_words():
                out.append(surface)
            elif before_number and word in _UNREAD_ANALYTES:
                out.append(surface)  # "eGFR 22": known as a word ("EGFR inhibitor"), not read
            continue
        english = is_english(word)
        if (
            (_abbreviation(surface) and not (english and len(word) >= 4))
            or (before_number and not english and (len(word) >= 2 or surface.isupper()))
            or (not english and len(word) >= 5 and _fuzzy_red_flag(word))
        ):
            out.append(surface)
    return tuple(dict.fromkeys(out + unread_measurements(text, toks, used)))


_MEASURE_WORDS = frozenset(
    {"reading", "readings", "level", "levels", "count", "counts", "result", "results", "value",
     "values", "bloods"}
)  # fmt: skip
"""Nouns that name a measurement ("last reading was 3.6", "her count came back at 38")."""
_MEASURE_LINKS = frozenset(
    {"was", "is", "were", "are", "of", "at", ":", "=", "came", "back", "now", "only", "just",
     "about", "around", "today", "yesterday"}
)  # fmt: skip
_OWNERS = frozenset(
    {"my", "his", "her", "their", "your", "our", "last", "latest", "recent", "today", "s"}
)  # fmt: skip
"""Words before a measurement noun that make the value one person's ("my count", "his last
reading", "today's level", "mum's result")."""
_DATED = frozenset({"last", "yesterday", "today", "this", "ago", "on"})
"""Words after the number that date it, so make it one person's ("bloods: 2.9 last week")."""
_NOT_MEASURED = frozenset({"pain", "stress", "energy", "step", "steps", "activity", "session"})


_TIME_UNITS = frozenset(
    {"week", "weeks", "wk", "wks", "day", "days", "month", "months", "year", "years", "hours"}
)


def _dated_at(text: str, at: int) -> int:
    """Where a date written in digits (quantities.numeric_dates) starting at ``at`` ends in
    ``text``; 0 when none starts there."""
    from acupath.answer.quantities import numeric_dates  # quantities is the larger module

    lo = max(0, at - 1)
    window = text[lo : at + 12].lower()
    return next((lo + d.end for d in numeric_dates(window) if d.start <= at - lo), 0)


def unread_measurements(
    text: str, toks: Sequence[Any], used: Sequence[tuple[int, int]], *, owned: bool = False
) -> list[str]:
    """Rule 4 (wave 17, held-out part 14 h14002: "last reading was 3.6" proceeded with no word
    of the number): a measurement named only by a noun of measuring ("reading", "level",
    "count", "result", "bloods") and given a number that no reader took is an unread
    measurement, whatever the words; the screen cannot call the patient clear while a value
    it did not read stands in the question. Pain and activity scores are no measurement of
    this kind. With ``owned``, only a measurement said to be someone's ("my", "her", "last",
    "latest", "today's" before its noun) or dated ("2.9 last week") counts: the parser asks
    so when no other fact has described a patient, since such a value is one person's."""
    out: list[str] = []
    for i, t in enumerate(toks):
        if t.word not in _MEASURE_WORDS or (i and toks[i - 1].word in _NOT_MEASURED):
            continue
        before = {w.word for w in toks[max(0, i - 3) : i]}
        j = i + 1
        while j < len(toks) and j - i <= 4 and toks[j].word in _MEASURE_LINKS:
            j += 1
        if j >= len(toks) or not toks[j].word[:1].isdigit():
            continue
        number = toks[j]
        if any(a <= number.start and number.end <= b for a, b in used):
            continue
        # wave 23b (h23039 "Bloods 2026-12-01: PLT 57", h23051 "bloods today: 11 weeks"): a
        # date in digits or a span of time is when or how long, not a measured value
        if j + 1 < len(toks) and toks[j + 1].word in _TIME_UNITS:
            continue
        date_end = _dated_at(text, number.start)
        if date_end:
            # the value, if any, comes after the date ("bloods on 12/03 were 2.9")
            k = j + 1
            while (
                k < len(toks)
                and k - j <= 8
                and (
                    toks[k].end <= date_end or toks[k].word in _MEASURE_LINKS or toks[k].word == ":"
                )
            ):
                k += 1
            if k >= len(toks) or toks[k].end <= date_end or not toks[k].word[:1].isdigit():
                continue
            j, number = k, toks[k]
            if any(a <= number.start and number.end <= b for a, b in used):
                continue
        after = {w.word for w in toks[j + 1 : j + 4]}
        if owned and not (before & _OWNERS or after & _DATED):
            continue
        out.append(text[t.start : number.end])
    return out
