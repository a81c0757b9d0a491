"""Guards on the spelling corrector (issue 10, red-team probe F10).

:meth:`acupath.answer.parse.Parser.correct` replaces a word acupath does not know with the known
word one or two edits away. Unguarded, it turned real English words into patient facts: "meta"
(of "meta-analysis") into "mets" (metastases), "paces" into "pacer" (a pacemaker), "Tees" into
"teen", "lunge" into "lung". :func:`may_correct` allows a correction only when

1. the word is not an English word: it is not in the CMU Pronouncing Dictionary (about 126,000
   words, already used for readability; :func:`acupath.answer.readability.syllable_counts`);
2. the word is not part of a hyphenated compound ("meta-analysis", "post-op"): the compound is
   read as a whole or not at all;
3. when the correction would be a word that states a fact about the patient (``patient.yaml``:
   red flags, devices, cancer, ages, medicines...), the edit is a plausible slip of the finger
   for that word: two neighbouring letters swapped, a letter doubled or dropped, or a key next to
   the right one on a QWERTY keyboard, or any one letter wrong in a word of eight letters or
   more ("retension"); and the word has at least five letters, since short words one edit from
   a fact word are as often other words.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_DASHES = "-‐‑–—"


@functools.cache
def _neighbours() -> dict[str, frozenset[str]]:
    """Letters next to each letter on a QWERTY keyboard (same row, and the rows above/below)."""
    pos = {ch: (r, c) for r, row in enumerate(_ROWS) for c, ch in enumerate(row)}
    return {
        a: frozenset(
            b for b, (r2, c2) in pos.items() if b != a and abs(r - r2) <= 1 and abs(c - c2) <= 1
        )
        for a, (r, c) in pos.items()
    }


def is_english(word: str) -> bool:
    """Whether ``word`` is in the CMU Pronouncing Dictionary."""
    from acupath.answer.readability import syllable_counts

    return word.lower() in syllable_counts()


def plausible_typo(word: str, target: str) -> bool:
    """Whether ``word`` is ``target`` with one slip: an adjacent swap, a doubled or dropped
    letter, or a neighbouring key pressed instead of the right one."""
    w, t = word.lower(), target.lower()
    if w == t:
        return True
    if len(w) == len(t):
        diff = [i for i in range(len(w)) if w[i] != t[i]]
        if len(diff) == 2 and diff[1] == diff[0] + 1:
            i = diff[0]
            return w[i] == t[i + 1] and w[i + 1] == t[i]
        if len(diff) == 1:
            i = diff[0]
            return w[i] in _neighbours().get(t[i], frozenset())
        return False
    if abs(len(w) - len(t)) != 1:
        return False
    short, long_ = (w, t) if len(w) < len(t) else (t, w)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def in_compound(text: str, start: int, end: int) -> bool:
    """Whether the word at ``text[start:end]`` is joined to another by a hyphen."""
    before = start > 0 and text[start - 1] in _DASHES and start > 1 and text[start - 2].isalnum()
    after = end < len(text) - 1 and text[end] in _DASHES and text[end + 1].isalnum()
    return bool(before or after)


@functools.cache
def fact_words() -> frozenset[str]:
    """The one-word phrases of ``patient.yaml`` that state a patient fact by themselves, and
    one-word drug names of the formulary (the words a wrong correction would turn into a fact;
    "pain" or "back" inside a longer phrase state nothing alone)."""
    from acupath.answer.context import tokenize
    from acupath.answer.lexicon import patient_words
    from acupath.care.medications import bundled_formulary

    dumped = patient_words().model_dump()
    for skip in ("negation", "hypothetical", "terminate", "sex", "people", "patient_classes"):
        dumped.pop(skip, None)
    phrases = list(_strings(dumped)) + list(bundled_formulary().names)
    out = set()
    for p in phrases:
        words = [t.word for t in tokenize(p) if t.word.isalpha()]
        if len(words) == 1:  # a word that states a fact by itself ("mets", "pacer", "teen")
            out.add(words[0])
    return frozenset(out)


def _strings(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list | tuple | set | frozenset):
        for v in value:
            yield from _strings(v)


def may_correct(text: str, start: int, end: int, best: str) -> bool:
    """Whether the word at ``text[start:end]`` may be corrected to ``best`` (module docstring)."""
    word = text[start:end]
    if is_english(word) or in_compound(text, start, end) or _initialism(word, text):
        return False
    if best.lower() in fact_words():
        return len(word) >= 5 and (plausible_typo(word, best) or _long_slip(word, best))
    return True


def _initialism(word: str, text: str) -> bool:
    """A name written with a capital inside it ("BAcC", "McCulloch"), or in capitals in a
    question that is not all capitals ("NICE", "GERAC"): an organisation, trial or person,
    never a misspelt word ("BAcC" had become "back"). A question typed all in capitals is
    still corrected word by word."""
    inner_capital = any(ch.isupper() for ch in word[1:])
    if inner_capital and any(ch.islower() for ch in word):
        return True
    return inner_capital and not text.isupper()


def _long_slip(word: str, target: str) -> bool:
    """Whether a word of eight letters or more differs from ``target`` by one letter only
    ("retension" for "retention", "incontinance" for "incontinence"): a long word that is not
    English and one letter from a fact word is a misspelling of it (wave 6), whatever the key."""
    w, t = word.lower(), target.lower()
    return len(w) >= 8 and len(w) == len(t) and sum(a != b for a, b in zip(w, t, strict=True)) == 1
