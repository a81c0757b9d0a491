"""The parts of a question that need content of their own (probe F15).

A question can ask several things at once: "quit smoking and also help my back", "acupuncture
or a steroid injection?", "electroacupuncture vs manual", "Also, moxibustion?". The parse step
reads these parts here, each with the question's own words, and checks each against the
evidence base:

- **out of scope**: a topic outside acupath (``out_of_scope_terms``) asked about in a question
  that is otherwise in scope ("quit smoking"), outside the patient's own facts and the name the
  held condition was read by ("period pain" is primary dysmenorrhoea: wave 11);
- **comparison**: another treatment (``other_treatment_terms`` and ``comparison_terms``) named
  in a comparative sentence ("versus", "or", "than", "compared", "head-to-head"); it is held
  when a finding of the question's conditions compares acupuncture with it (the comparator's
  own words, or the medication comparator for a medicine);
- **variant**: a form of acupuncture other than manual needling (acupressure, moxibustion,
  electroacupuncture, ear acupuncture, dry needling); held when findings on it exist for the
  question's conditions;
- **head to head**: two forms compared in one sentence; held when a finding of one names the
  other as its comparator.

A held part lists the findings that answer it (the composer shows them: :mod:`.compose`); a part
not held is named in the opening as not addressed, and is reported in ``not_understood`` so that
``answered_fully`` is false.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from acupath.answer import text as tx

COMPARATIVE = frozenset(
    {"versus", "vs", "or", "than", "compared", "compare", "comparison", "against", "head",
     "instead", "rather", "alternative", "alternatives"}
)  # fmt: skip
"""Words that make a sentence compare treatments ("head" of "head-to-head")."""

ASKING = frozenset(
    {"help", "helps", "work", "works", "treat", "treats", "treatment", "quit", "stop", "lose",
     "cure", "good", "effective", "also", "about", "for", "with", "useful", "benefit"}
)  # fmt: skip
"""Words of a clause that asks about its topic (an out-of-scope topic named only as a patient's
history, "had IVF in 2019", is not a part of the question)."""

TOPIC = frozenset({"also", "about"})
"""Words that make a form of acupuncture a topic of its own ("Also, what about moxa?")."""

BENEFIT = frozenset({"work", "works", "help", "helps", "effective", "evidence", "benefit", "good"})
PLAIN = frozenset({"acupuncture", "needles", "needle", "needling"})
"""Words of plain acupuncture: a question naming it asks about acupuncture, with the form as
a detail."""

SAFETY = frozenset(
    {"safe", "contraindicated", "contraindication", "ok", "okay", "allowed", "risk", "risky"}
)

DEFAULT_VARIANT = "manual"
"""Plain needling: what acupath's evidence is mostly about, never a part of its own."""


@dataclass(frozen=True)
class Part:
    """One part of a question and the findings that answer it (none: not addressed)."""

    words: str
    kind: str  # out_of_scope | comparison | variant | head_to_head
    held: tuple[str, ...] = ()
    conditions: tuple[str, ...] = ()
    claimed: bool = False
    """A comparison stated as a premise ("better than surgery", "as well as a knee
    replacement"): the opening corrects it (:mod:`.premise`)."""

    def as_dict(self) -> dict[str, Any]:
        return {
            "words": self.words,
            "kind": self.kind,
            "held": list(self.held),
            "conditions": list(self.conditions),
            "claimed": self.claimed,
        }


def base_of(understander: Any) -> Any:
    """The evidence base whose index built ``understander`` (indexes are cached per base by
    :func:`acupath.answer.retrieve.index_for`), or ``None``."""
    from acupath.answer import retrieve

    for base, _, index in list(retrieve._CACHE.values()):
        if index.understander is understander:
            return base
    return None


_TABLES: dict[int, tuple[Any, Any, Any, Any]] = {}


def _tables(vocab: Any) -> tuple[Any, Any, Any]:
    """The phrase tables of ``vocab``, built once per vocabulary object."""
    hit = _TABLES.get(id(vocab))
    if hit is not None and hit[0] is vocab:
        return hit[1], hit[2], hit[3]

    def key(p: str) -> tuple[str, ...]:
        return tuple(tx.tokens(p, keep_stopwords=True))

    out_scope = tx.PhraseTable((key(t), t) for t in vocab.out_of_scope_terms)
    others = tx.PhraseTable(
        (key(t), t) for t in (*vocab.other_treatment_terms, *vocab.comparison_terms)
    )
    variants = tx.PhraseTable(
        (key(p), label) for label, ps in vocab.interventions.items() for p in ps
    )
    _TABLES[id(vocab)] = (vocab, out_scope, others, variants)
    return out_scope, others, variants


def read_parts(
    text: str,
    toks: Sequence[Any],
    q: Any,
    vocab: Any,
    base: Any,
    used: Sequence[tuple[int, int]],
    named: Sequence[tuple[int, int]] = (),
) -> tuple[Part, ...]:
    """The parts of ``text`` (see the module doc). ``toks`` are its tokens
    (:func:`acupath.answer.context.tokenize`), ``used`` the spans read as patient facts or
    details, which are never parts."""
    if base is None or not q.in_scope:
        return ()
    out_scope, others, variants = _tables(vocab)
    parts: list[Part] = []
    conditions = tuple(q.conditions)
    for sentence in _sentences(toks):
        words = [t for t in sentence if t.word[0].isalnum()]
        keys = [t.key for t in words]
        plain = {t.word for t in words}
        comparative = bool(plain & COMPARATIVE)

        def phrase(a: int, b: int, words: list[Any] = words) -> str:
            return text[words[a].start : words[b - 1].end]

        def held_at(a: int, b: int, words: list[Any] = words) -> bool:
            # an out-of-scope term inside or around a held condition's name is that condition
            # (wave 11): "period pain", "dysmenorrhoea" and "menstrual pain" name the held
            # primary dysmenorrhoea, so they are no topic outside acupath; "IBS" is still one
            lo, hi = words[a].start, words[b - 1].end
            return any(lo < y and x < hi for x, y in named)

        def free(a: int, b: int, words: list[Any] = words) -> bool:
            lo, hi = words[a].start, words[b - 1].end
            return not any(x <= lo and hi <= y for x, y in used)

        for s, k, _ in _longest(out_scope.find(keys)):
            if held_at(s, s + len(k)):
                continue
            if free(s, s + len(k)) and plain & ASKING:
                parts.append(Part(phrase(s, s + len(k)), "out_of_scope"))
        compared = [(s, s + len(k)) for s, k, _ in _longest(others.find(keys))]
        cues = _cue_ends(keys, vocab)
        for s, k, label in _longest(others.find(keys)):
            if not free(s, s + len(k)):
                continue
            claimed = any(s - 3 <= end <= s for end in cues)
            if not (comparative or claimed) or not (conditions or claimed):
                continue
            held = _compared_with(base, conditions, label, vocab) if conditions else ()
            parts.append(Part(phrase(s, s + len(k)), "comparison", held, conditions, claimed))
        # "manual therapy" is a compared treatment, not manual acupuncture
        found = [
            (s, s + len(k), label)
            for s, k, label in _longest(variants.find(keys))
            if not any(a < s + len(k) and s < b for a, b in compared)
        ]
        labels = list(dict.fromkeys(label for _, _, label in found))
        # a form named in passing ("can I add electroacupuncture?" with a pacemaker) is for
        # the screen; a form compared or asked about ("Also, moxibustion?") is a part
        # a form that is the only treatment of a benefit question ("does moxa work?") is too
        asked = comparative or bool(plain & TOPIC) or (bool(plain & BENEFIT) and not plain & PLAIN)
        # "is EA contraindicated?": a question for the screen, which the safety box answers
        asked = asked and not plain & SAFETY
        for s, e, label in found:
            if label == DEFAULT_VARIANT or label not in labels or not asked:
                continue
            labels.remove(label)
            held = _variant(base, conditions, label)
            parts.append(Part(phrase(s, e), "variant", held, conditions))
        forms = list(dict.fromkeys(label for _, _, label in found))
        if comparative and len(forms) >= 2:
            a, b = forms[0], forms[1]
            held = _head_to_head(base, conditions, a, b, vocab)
            first = min(s for s, _, _ in found)
            last = max(e for _, e, _ in found)
            parts.append(Part(phrase(first, last), "head_to_head", held, conditions))
    return tuple(_unique(parts))


def _keys(phrases: Sequence[str]) -> tuple[tuple[str, ...], ...]:
    """The token keys of ``phrases``, computed once per tuple of phrases."""
    return _keys_cached(tuple(phrases))


@functools.lru_cache(maxsize=256)
def _keys_cached(phrases: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(tx.tokens(p, keep_stopwords=True)) for p in phrases)


def _cue_ends(keys: Sequence[str], vocab: Any) -> list[int]:
    """Word positions just after each comparison cue ("better than", "as well as")."""
    ends = []
    present = set(keys)
    for key in _keys(vocab.comparison_cues):
        if key and key[0] in present:
            for start in tx.contains_phrase(keys, key):
                ends.append(start + len(key))
    return ends


def compared_spans(toks: Sequence[Any], vocab: Any) -> list[tuple[int, int]]:
    """Character spans of treatments named as what acupuncture is compared with ("better than
    surgery", "or a knee replacement"): they are not the question's condition, so the parse
    reads the question without them."""
    _, others, _ = _tables(vocab)
    spans: list[tuple[int, int]] = []
    for sentence in _sentences(toks):
        words = [t for t in sentence if t.word[0].isalnum()]
        keys = [t.key for t in words]
        cues = _cue_ends(keys, vocab)
        plain = [t.word for t in words]
        for s, k, _ in _longest(others.find(keys)):
            before = set(plain[max(0, s - 3) : s])
            if before & COMPARATIVE or any(s - 3 <= end <= s for end in cues):
                spans.append((words[s].start, words[s + len(k) - 1].end))
    return spans


def read_premises(toks: Sequence[Any], vocab: Any) -> list[str]:
    """Premise kinds stated by ``premise_sequences`` (word groups in order, each within
    ``premise_window`` words of the previous one), within one sentence."""
    found: list[str] = []
    for sentence in _sentences(toks):
        keys = [t.key for t in sentence if t.word[0].isalnum()]
        for kind, sequences in vocab.premise_sequences.items():
            if kind in found:
                continue
            if any(_in_order(keys, seq, vocab.premise_window) for seq in sequences):
                found.append(kind)
    return found


def _in_order(keys: Sequence[str], groups: Sequence[Sequence[str]], window: int) -> bool:
    """Whether a phrase of each group occurs in order, each starting within ``window`` words
    after the end of the previous one."""
    starts = [0]
    present = set(keys)
    for n, group in enumerate(groups):
        phrases = [p for p in _keys(group) if p and p[0] in present]
        ends = []
        for p in phrases:
            for at in tx.contains_phrase(keys, p):
                if n == 0 or any(e <= at <= e + window for e in starts):
                    ends.append(at + len(p))
        if not ends:
            return False
        starts = ends
    return True


def _longest(matches: Any) -> list[Any]:
    """Phrase matches ``(start, key, payload)`` without those inside a longer one."""
    found = list(matches)
    return [
        (s, k, p)
        for s, k, p in found
        if not any(
            s2 <= s and s + len(k) <= s2 + len(k2) and len(k2) > len(k) for s2, k2, _ in found
        )
    ]


def _sentences(toks: Sequence[Any]) -> list[list[Any]]:
    out: list[list[Any]] = [[]]
    for t in toks:
        if t.word in (".", "?", "!", ";"):
            out.append([])
        else:
            out[-1].append(t)
    return [s for s in out if s]


def _unique(parts: list[Part]) -> list[Part]:
    seen: set[tuple[str, str]] = set()
    out = []
    for p in parts:
        if (p.words.lower(), p.kind) not in seen:
            seen.add((p.words.lower(), p.kind))
            out.append(p)
    return out


def _stems(text: str) -> set[str]:
    return set(tx.tokens(text))


def _findings(base: Any, conditions: Sequence[str]) -> list[Any]:
    return [
        f
        for f in base.findings.values()
        if (f.condition in conditions if conditions else True)
        and f.direction is not None
        and f.comparator not in ("none",)
    ]


def _compared_with(base: Any, conditions: Sequence[str], term: str, vocab: Any) -> tuple[str, ...]:
    """Findings of ``conditions`` whose comparator is ``term`` (by its words, or any of the
    term's synonyms in ``comparison_synonyms``; a medicine also by the medication comparator)."""
    names = [term, *vocab.comparison_synonyms.get(term, ())]
    wanted = [_stems(n) for n in names]
    medicine = any(tx.fold(term) == tx.fold(m) for m in vocab.comparators.get("medication", ()))
    held = []
    for f in _findings(base, conditions):
        detail = _stems(f"{f.comparator_detail or ''}")
        if any(w and w <= detail for w in wanted) or (medicine and f.comparator == "medication"):
            held.append(f.id)
    return tuple(held)


def _variant(base: Any, conditions: Sequence[str], label: str) -> tuple[str, ...]:
    return tuple(f.id for f in _findings(base, conditions) if f.intervention == label)


def _head_to_head(
    base: Any, conditions: Sequence[str], a: str, b: str, vocab: Any
) -> tuple[str, ...]:
    """Findings of one form whose comparator names the other (ear acupuncture against
    electroacupuncture)."""
    held = []
    for f in _findings(base, conditions):
        if f.intervention not in (a, b):
            continue
        other = b if f.intervention == a else a
        detail = _stems(f.comparator_detail or "")
        if any(_stems(p) and _stems(p) <= detail for p in vocab.interventions.get(other, ())):
            held.append(f.id)
    return tuple(held)


def not_addressed(parts: Sequence[Part]) -> tuple[str, ...]:
    """The words of the parts no record answers."""
    return tuple(dict.fromkeys(p.words for p in parts if not p.held))
