"""Text helpers shared by question understanding, retrieval and the claim audit.

Normalisation folds case, accents, hyphens and punctuation so that "Electro-acupuncture",
"electroacupuncture" and "electro acupuncture" meet; :func:`stem` is a light suffix stripper
(plural and common derivational endings) that is good enough for matching a few thousand
clinical phrases and keeps the index free of a stemming dependency.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Generic, TypeVar

P = TypeVar("P")

_WORD = re.compile(r"[a-z0-9]+(?:\.[0-9a-z]+)?")
_APOSTROPHE = re.compile(r"['’`]s\b")

STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "been",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "for",
        "from",
        "had",
        "has",
        "have",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "me",
        "my",
        "of",
        "on",
        "or",
        "our",
        "so",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "to",
        "too",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "about",
        "any",
        "also",
        "am",
        "after",
        "before",
        "being",
        "both",
        "each",
        "few",
        "more",
        "most",
        "other",
        "some",
        "such",
        "only",
        "own",
        "same",
        "just",
        "should",
        "now",
        "very",
        "s",
        "t",
    ]
)
"""English function words dropped from BM25 tokens and phrase matching."""

_SUFFIXES = ("ations", "ation", "ities", "ity", "ness", "ings", "ing", "ies", "es", "s", "ed", "ly")


def fold(text: str) -> str:
    """Lower case, strip accents, turn hyphens, slashes and apostrophe-s into spaces."""
    # ASCII text has nothing to decompose (NFKD leaves it unchanged and it holds no combining
    # marks): skipping the per-character pass gives the same string far faster.
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _APOSTROPHE.sub("", text.lower())
    return re.sub(r"[-_/–—]", " ", text)


_SENTENCE_END = re.compile(r"[;?!]|\.(?!\d)|(?<!\d)\.")
"""A sentence ends at ``;?!`` or a full stop, but not at the point of a decimal ("ANC 0.4 in
October" is one sentence; wave 19)."""


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The character span of the sentence holding ``text[start:end]``: from just after the
    last ``.;?!`` before ``start`` to the first one at or after ``end`` (or the text's ends)."""
    lo = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    nxt = _SENTENCE_END.search(text, end)
    return lo, nxt.start() if nxt else len(text)


def words(text: str) -> list[str]:
    """The words of ``text`` after :func:`fold` (keeps ICD-10 style codes such as ``m54.5``)."""
    return _WORD.findall(fold(text))


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light stem: ``needles`` -> ``needl``, ``treatments`` -> ``treatment``, ``pain`` stays.

    Only long enough words are cut, so short clinical tokens (``ea``, ``nrs``, ``bl23``) stay.
    """
    if len(word) <= 4 or any(ch.isdigit() for ch in word):
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    if word.endswith("e") and len(word) > 5:
        word = word[:-1]
    return word


def tokens(text: str, *, keep_stopwords: bool = False) -> list[str]:
    """Stemmed content tokens of ``text``, in order."""
    return [stem(w) for w in words(text) if keep_stopwords or w not in STOPWORDS]


def contains_phrase(haystack: Sequence[str], phrase: Sequence[str]) -> list[int]:
    """Start positions where the token sequence ``phrase`` occurs in ``haystack``."""
    n = len(phrase)
    last_start = len(haystack) - n
    if n == 0 or last_start < 0:
        return []
    first = phrase[0]
    # Most phrases do not occur at all: let the C-level search reject them before any loop.
    if first not in haystack:
        return []
    target = list(phrase)
    found: list[int] = []
    start = 0
    while True:
        try:
            i = haystack.index(first, start, last_start + 1)
        except ValueError:
            return found
        if list(haystack[i : i + n]) == target:
            found.append(i)
        start = i + 1


def phrase_key(text: str) -> tuple[str, ...]:
    """The token sequence used to match a vocabulary phrase against a question."""
    return tuple(tokens(text))


def any_phrase(haystack: Sequence[str], phrases: Iterable[tuple[str, ...]]) -> bool:
    """Whether any of ``phrases`` (token sequences) occurs in ``haystack``."""
    return any(contains_phrase(haystack, p) for p in phrases if p)


class PhraseTable(Generic[P]):
    """Token phrases, each with a payload, indexed by their first token.

    Finding every occurrence in a question then costs time in the question's length instead of
    the table's size (the vocabulary has thousands of phrases; a question has a dozen words).
    """

    def __init__(self, entries: Iterable[tuple[Sequence[str], P]]) -> None:
        self.entries: list[tuple[tuple[str, ...], P]] = [(tuple(k), v) for k, v in entries if k]
        self._by_first: dict[str, list[int]] = {}
        for n, (key, _) in enumerate(self.entries):
            self._by_first.setdefault(key[0], []).append(n)

    def find(self, haystack: Sequence[str]) -> list[tuple[int, tuple[str, ...], P]]:
        """``(start, phrase, payload)`` of every occurrence, in table order, then by position.

        The order is the one a loop over the table calling :func:`contains_phrase` gives.
        """
        hay = tuple(haystack)
        hits: list[tuple[int, int]] = []
        for start, token in enumerate(hay):
            for n in self._by_first.get(token, ()):
                key = self.entries[n][0]
                if hay[start : start + len(key)] == key:
                    hits.append((n, start))
        hits.sort()
        return [(start, *self.entries[n]) for n, start in hits]


def short_body(body: str) -> str:
    """A guideline or payer body by its short name when its name gives one in brackets:
    "National Institute for Health and Care Excellence (NICE)" -> "NICE"."""
    return body[body.rindex("(") + 1 : -1] if "(" in body and body.endswith(")") else body
