"""What a question asks for, read from ``data/answer/asked.yaml`` (issue 10, wave 6).

Three readings, each by stemmed phrases within one sentence (never by one question's wording):

- **suitability**: the question asks whether this patient may be needled ("OK to needle?",
  "can she have it?", "any reason not to?"); with a patient described, its bottom line is the
  screen's decision (:func:`asks_suitability`);
- **outcomes**: the outcomes of the evidence records the question names, by the outcome's own
  id read as words ("headache frequency", "analgesic use") and by lay and clinical words
  ("migraine days", "painkillers", "epidural"); ``pain``, the outcome of most records, is the
  default and never "asked" (:func:`asked_outcomes`);
- **premises** the evidence does not support, in forms the fixed phrases of ``names.yaml`` do not
  hold: a phrase of every group in one sentence, the groups in any order
  (:func:`stated_premises`). For ``stop_treatment`` and ``restriction_overstated`` a medicine
  or device the patient context read (a mention span) also stands for the last group.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from acupath.answer import text as tx
from acupath.answer.context import tokenize
from acupath.answer.lexicon import ANSWER_DIR, _Frozen, read_model
from acupath.memo import per_object

DEFAULT_OUTCOMES = frozenset({"pain"})
"""Outcomes a question asks about without naming them: never an asked outcome."""


class AskedWords(_Frozen):
    """``data/answer/asked.yaml``."""

    suitability: tuple[str, ...]
    measure_words: tuple[str, ...]
    sham_cues: tuple[str, ...]
    outcomes: dict[str, tuple[str, ...]]
    threshold_combinations: dict[str, tuple[tuple[tuple[str, ...], ...], ...]]
    premises: dict[str, tuple[tuple[tuple[str, ...], ...], ...]]


@functools.cache
def asked_words() -> AskedWords:
    """The bundled words, read once per process."""
    return read_model(ANSWER_DIR / "asked.yaml", AskedWords)


def key(phrase: str) -> tuple[str, ...]:
    """A phrase as the stemmed word keys questions are matched on (punctuation dropped)."""
    return tuple(t.key for t in tokenize(phrase) if t.word[0].isalnum())


def sentences(text: str) -> list[list[Any]]:
    """The word tokens of ``text``, one list per sentence (split at ``. ? ! ;``)."""
    out: list[list[Any]] = [[]]
    for t in tokenize(text):
        if t.word in (".", "?", "!", ";"):
            out.append([])
        elif t.word[0].isalnum():
            out[-1].append(t)
    return [s for s in out if s]


@functools.cache
def _suitability_table() -> tx.PhraseTable[str]:
    return tx.PhraseTable((key(p), p) for p in asked_words().suitability)


_WHO = r"(?:he|she|they|i|we|you|him|her|them|me|us|mum|mom|dad|the\s+patient|the\s+pt)"
_TREAT = r"(?:needling|needles|acupuncture|electro-?acupuncture|dry\s+needling|treatment|it|this)"
_SUITABLE = re.compile(
    r"\b(?:ok|okay|alright|all\s+right|fine|suitable|appropriate|fit|allowed|able|eligible|"
    r"cleared|reasonable|a\s+candidate|good\s+to\s+go)\s+"
    rf"(?:for\s+{_WHO}\s+)?"
    r"(?:to\s+(?:have|get|try|start|receive|needle|be\s+needled|go\s+ahead|proceed|go\s+on)|"
    rf"for\s+{_TREAT})\b"
    r"|\b(?:any|a|no)\s+reasons?\s+(?:why\s+)?(?:not\s+to\b|"
    rf"{_WHO}\s+(?:can'?t|cannot|couldn'?t|shouldn'?t|should\s+not|mustn'?t))"
    rf"|\b(?:can|could|may|should|do)\s+{_WHO}\s+(?:still\s+)?"
    r"(?:have|get|try|start|be\s+needled|needle)\b",
    re.IGNORECASE,
)
"""The grammar of "may this patient be needled": an adjective of fitness before "to have /
to needle / for acupuncture" ("fine to have acupuncture", "appropriate to needle"), "any
reason (not to | he can't)", and "can she have / can we needle" (beside the phrases of
``suitability``)."""


def asks_suitability(text: str) -> bool:
    """Whether ``text`` asks if the patient may be needled at all."""
    if _SUITABLE.search(" ".join(text.replace("’", "'").split())):
        return True
    table = _suitability_table()
    return any(table.find([t.key for t in s]) for s in sentences(text))


@functools.cache
def _outcome_table(known: frozenset[str]) -> tx.PhraseTable[str]:
    words = asked_words().outcomes
    entries: list[tuple[tuple[str, ...], str]] = []
    for outcome in sorted(known - DEFAULT_OUTCOMES):
        entries.append((key(outcome.replace("_", " ")), outcome))
        entries += [(key(p), outcome) for p in words.get(outcome, ())]
    return tx.PhraseTable(entries)


def unknown_outcome_keys(known: Iterable[str]) -> list[str]:
    """Keys of ``outcomes`` that no record's outcome is (a data error the tests check)."""
    have = set(known)
    return [k for k in asked_words().outcomes if k not in have]


_COMPARE = frozenset(
    k
    for w in ("than", "vs", "versus", "compared", "against", "or", "instead", "beat", "beats")
    for k in key(w)
)
"""Words before a treatment named as the comparison ("better than painkillers"): the words
after them name what acupuncture is compared with, not an outcome."""


def asked_outcomes(text: str, known: frozenset[str]) -> tuple[str, ...]:
    """The outcomes among ``known`` (the base's outcome ids) that ``text`` names, longest
    phrase first where two overlap, in question order; a phrase right after a comparison word
    ("better than painkillers", "vs analgesics") names a comparator, not an outcome."""
    return tuple(dict.fromkeys(o for o, compared in _outcome_hits(text, known) if not compared))


def compared_outcomes(text: str, known: frozenset[str]) -> tuple[str, ...]:
    """The outcomes whose words ``text`` uses only as the comparison ("than painkillers")."""
    asked = set(asked_outcomes(text, known))
    return tuple(
        dict.fromkeys(
            o for o, compared in _outcome_hits(text, known) if compared and o not in asked
        )
    )


def asked_phrases(text: str, known: frozenset[str]) -> dict[str, list[tuple[str, ...]]]:
    """Per asked outcome, the stemmed phrases of ``text`` that named it ("epidural" for
    ``analgesic_use``): a record whose own words hold the phrase is the one asked about."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for outcome, compared, phrase in _outcome_hits(text, known, with_phrases=True):
        if not compared:
            out.setdefault(outcome, []).append(phrase)
    return out


_ASKING = frozenset(
    k
    for w in (
        "fewer", "less", "more", "reduce", "reduces", "reduced", "reduction", "cut", "cuts",
        "lower", "lowers", "raise", "raises", "increase", "increases", "improve", "improves",
        "improvement", "help", "helps", "ease", "eases", "relieve", "change", "effect",
        "effects", "difference", "number", "many", "much", "rate", "rates", "odds", "risk",
        "likely", "likelihood", "chance", "need", "needing", "use", "using", "per", "frequency",
        "count", "counts", "often", "ratio", "measured", "outcome", "outcomes", "better", "worse",
        "boost", "boosts", "drop", "fall", "rise", "stop", "prevent", "prevents",
        # wave 14 (p11152): a share of people asked ("about half of people get better")
        "half", "share", "proportion", "percent", "percentage",
        # wave 17 (h14126): a harm asked as caused ("does it cause miscarriage or stillbirth?")
        "cause", "causes",
    )
    for k in key(w)
)  # fmt: skip
"""Words that ask about an outcome near its name ("fewer migraine days", "epidural rates",
"help with daily activities"). A symptom named without them describes the patient ("my knee
swelling", "tingling since chemo"), and is not an outcome asked."""
_BEFORE, _AFTER = 5, 3
_SELF_ASKING = frozenset(
    k
    for w in ("how", "number", "sample", "proportion", "rate", "important", "mcid")
    for k in key(w)
)
"""Words that make an outcome phrase a question on its own ("number randomised", "response
rate", "how many took part"; a threshold's name, "minimal clinically important difference",
"MCID": wave 18), with no asking word beside it (wave 14). A lab named with "count"
("her white cell count") stays a description of the patient."""
_SELF_ASKING_RUNS = tuple(key(w) for w in ("fade", "drop off"))
"""Verbs of a benefit fading that make a persistence phrase a question on its own ("do
benefits of acupuncture fade after you stop?", "do the benefits drop off after the sessions
end?": held-out 12 h12202, wave 15); only the effect_persistence phrases of asked.yaml hold
them, each with a benefit, an effect or the end of treatment ("the bruise will fade" is none)."""


def _holds_run(phrase: Sequence[str], run: Sequence[str]) -> bool:
    n = len(run)
    return any(tuple(phrase[i : i + n]) == tuple(run) for i in range(len(phrase) - n + 1))


@functools.cache
def _own_names(known: frozenset[str]) -> frozenset[tuple[str, ...]]:
    """The outcome ids read as words, as keys (built once per set of outcomes)."""
    return frozenset(key(o.replace("_", " ")) for o in known)


def _outcome_hits(text: str, known: frozenset[str], *, with_phrases: bool = False) -> list[Any]:
    table = _outcome_table(known)
    own = _own_names(known)
    found: list[tuple[int, str, bool, tuple[str, ...]]] = []
    offset = 0
    for s in sentences(text):
        keys = [t.key for t in s]
        hits = table.find(keys)
        for start, phrase, outcome in hits:
            inside = any(
                s2 <= start and start + len(phrase) <= s2 + len(p2) and len(p2) > len(phrase)
                for s2, p2, _ in hits
            )
            near = {*keys[max(0, start - _BEFORE) : start], *keys[start + len(phrase) :][:_AFTER]}
            # an outcome's own name ("analgesic use") asks for it; a lay word needs an asking
            # word near it
            asks_itself = bool(set(phrase) & _SELF_ASKING) or any(
                _holds_run(phrase, run) for run in _SELF_ASKING_RUNS
            )
            if not inside and (tuple(phrase) in own or asks_itself or near & _ASKING):
                compared = bool(set(keys[max(0, start - 2) : start]) & _COMPARE)
                if compared and start - 1 in {s2 + len(p2) for s2, p2, _ in hits}:
                    # wave 17 (h14126): "miscarriage or stillbirth" lists two outcomes; "or"
                    # right after another outcome compares nothing
                    compared = False
                found.append((offset + start, outcome, compared, tuple(phrase)))
        offset += len(keys)
    found.sort()
    if with_phrases:
        return [(o, c, p) for _, o, c, p in found]
    return [(o, c) for _, o, c, _ in found]


@functools.cache
def _sham_table() -> tx.PhraseTable[str]:
    return tx.PhraseTable((key(p), p) for p in asked_words().sham_cues)


def names_sham(text: str) -> bool:
    """Whether ``text`` names a sham control in words the comparator vocabulary lacks
    ("pretend needles", "dummy needles", "fake ones", "real needles")."""
    table = _sham_table()
    return any(table.find([t.key for t in s]) for s in sentences(text))


@functools.cache
def _threshold_tables() -> tuple[tuple[str, tuple[tx.PhraseTable[str], ...]], ...]:
    out = []
    for outcome, combos in asked_words().threshold_combinations.items():
        for groups in combos:
            out.append((outcome, tuple(tx.PhraseTable((key(p), p) for p in g) for g in groups)))
    return tuple(out)


def threshold_outcomes(text: str) -> tuple[str, ...]:
    """Outcomes ``text`` asks about by a phrase of every group of one ``threshold_combinations``
    combination within one sentence ("what counts as a meaningful drop on the 0 to 10 pain
    scale?"): read only for a question that names no condition and no study (parse.py)."""
    found: list[str] = []
    for s in sentences(text):
        keys = [t.key for t in s]
        for outcome, groups in _threshold_tables():
            if outcome not in found and all(g.find(keys) for g in groups):
                found.append(outcome)
    return tuple(found)


@functools.cache
def _premise_tables() -> tuple[tuple[str, tuple[tx.PhraseTable[str], ...]], ...]:
    out = []
    for kind, combos in asked_words().premises.items():
        for groups in combos:
            out.append((kind, tuple(tx.PhraseTable((key(p), p) for p in g) for g in groups)))
    return tuple(out)


def stated_premises(
    text: str,
    medicine_spans: Sequence[tuple[int, int]] = (),
    device_spans: Sequence[tuple[int, int]] = (),
) -> list[str]:
    """Premise kinds ``text`` states: a phrase of every group of one combination within one
    sentence. A medicine span (character offsets of a medicine the patient context read)
    counts as the last group of ``stop_treatment`` (what is stopped); a medicine or a device
    span as the last group of ``restriction_overstated`` (what is said to rule acupuncture out:
    "my Eliquis means I'll bleed to death", wave 14)."""
    found: list[str] = []
    for s in sentences(text):
        keys = [t.key for t in s]
        lo, hi = s[0].start, s[-1].end
        has_medicine = any(lo <= a < hi for a, _ in medicine_spans)
        has_device = any(lo <= a < hi for a, _ in device_spans)
        for kind, groups in _premise_tables():
            if kind in found:
                continue
            hits = [bool(g.find(keys)) for g in groups]
            if kind == "stop_treatment" and len(hits) > 1:
                hits[-1] = _stops_a_treatment(s, groups, medicine_spans)
            if kind == "restriction_overstated" and len(hits) > 1 and (has_medicine or has_device):
                hits[-1] = True
            if kind == "restriction_overstated" and all(hits):
                hits[0] = _rules_out_acupuncture(s, groups[0])
            if kind == "guideline_claim" and all(hits):
                # the stems of "recommends" and "recommend" are one key: the assertive form is
                # told from the question ("does NICE recommend it?") on the words as written
                hits[-1] = _asserts_a_recommendation(text[lo:hi])
            if kind in ("guideline_claim", "guideline_rank") and _AGAINST.search(text[lo:hi]):
                # "NICE strongly recommends against it" claims no endorsement to correct
                hits[-1] = False
            if kind == "coverage_claim" and all(hits):
                hits[-1] = _asserts_coverage(text[lo:hi])
            if kind == "harm_overstated" and all(hits):
                # "how often do people get a collapsed lung?" asks; "given that one in a
                # hundred get one" states
                hits[-1] = not _ASKED.search(text[lo:hi]) and not _HOW.search(text[lo:hi])
                hits[-1] = hits[-1] and _close(keys, groups[0], groups[-1])
            if all(hits):
                found.append(kind)
    return found


_CLAUSE_JOINS = frozenset(
    k
    for w in ("and", "but", "so", "because", "while", "whereas", "although", "though", "when")
    for k in key(w)
)
"""Words that join two clauses: a harm and a frequency on either side are not one claim."""
NEAR_WORDS = 5
"""At most this many words between a harm and its frequency ("one in a hundred acupuncture
patients suffers a collapsed lung": four)."""


def _close(keys: Sequence[str], harms: tx.PhraseTable[str], often: tx.PhraseTable[str]) -> bool:
    """Whether a harm phrase and a frequency phrase of one sentence stand close, with no clause
    join between them (wave 23: "kills about one in a thousand people" states a death rate; "my
    dad died last year and many people recommend it" does not)."""
    for a, ha, _ in harms.find(keys):
        for b, hb, _ in often.find(keys):
            lo, hi = (a + len(ha), b) if a <= b else (b + len(hb), a)
            between = keys[lo:hi]
            if len(between) <= NEAR_WORDS and not _CLAUSE_JOINS & set(between):
                return True
    return False


_AGAINST = re.compile(
    r"\b(?:recommends?|recommended|advises?|advised|says?|said|tells?|told|guidelines?)\s+"
    r"(?:(?:\w+\s+){0,2})?(?:against|not to|no to)\b|\bdo(?:es)?\s*(?:not|n['’]?t)\s+"
    r"(?:recommend|offer|endorse|advise)",
    re.IGNORECASE,
)
"""A guideline said to advise against acupuncture, or not to recommend it (wave 19)."""
_STOPPING = frozenset(
    key(w)[0]
    for w in (
        "drop", "dropping", "stop", "stopping", "skip", "skipping", "ditch", "ditching", "quit",
        "quitting", "swap", "swapping",
    )
)  # fmt: skip
"""Verbs of stopping whose object, the thing stopped, follows them ("stop my tablets"); the
verbs of replacing ("instead of", "replace") name a treatment before or after them."""
_RULED_OUT = frozenset({"ruled out", "rules out", "ruled it out", "rules it out"})
_RULED_OUT_WHAT = frozenset({"acupuncture", "it", "needling", "needles", "treatment", "dry"})


def _rules_out_acupuncture(s: Sequence[Any], restrictions: tx.PhraseTable[str]) -> bool:
    """Whether a restriction phrase of the sentence is about acupuncture: "ruled out" counts
    only with acupuncture as its object ("my pacemaker rules out acupuncture"); "the doctor
    ruled out a stroke" rules out a diagnosis (wave 19, h16118)."""
    for start, phrase, value in restrictions.find([t.key for t in s]):
        if value not in _RULED_OUT:
            return True
        after = [t.word for t in s[start + len(phrase) : start + len(phrase) + 2]]
        if value in ("ruled it out", "rules it out") or _RULED_OUT_WHAT & set(after):
            return True
    return False


_STOPPED_BY_OTHERS = re.compile(
    r"\b(?:(?:was|were|been|got|get|is|are|be|being|had|has|have)\s+(?:\w+\s+)?"
    r"(?:stopped|dropped|ditched|swapped|switched|replaced)|(?:doctor|doctors|dr|gp|consultant|"
    r"cardiologist|haematologist|hematologist|oncologist|rheumatologist|neurologist|surgeon|"
    r"specialist|team|hospital|ward|clinic|nurse|pharmacist|they|he|she)\s+(?:\w+\s+)?"
    r"(?:stopped|dropped|ditched|swapped|switched|replaced|took)\b)",
)
"""A treatment stopped by someone else, or in the passive: a history, not a premise."""
_OBJECT_WITHIN = 6
"""How many words after a verb of stopping its object may stand."""


def _stops_a_treatment(
    s: Sequence[Any],
    groups: Sequence[tx.PhraseTable[str]],
    medicine_spans: Sequence[tuple[int, int]],
) -> bool:
    """Whether a sentence names a treatment as what is stopped or replaced (wave 19, h17157):
    a treatment word or a medicine the patient context read, after a verb of stopping within
    :data:`_OBJECT_WITHIN` words ("stop my chemo", "come off the tablets"), or anywhere beside a
    verb of replacing ("instead of", "replace", "no longer need"). "Does acupuncture during
    radiotherapy stop the dry mouth?" stops a symptom, not the radiotherapy."""
    keys = [t.key for t in s]
    treated = {start for start, _, _ in groups[-1].find(keys)}
    treated |= {i for i, t in enumerate(s) if any(a <= t.start < b for a, b in medicine_spans)}
    if not treated:
        return False
    for start, phrase, _ in groups[0].find(keys):
        if _STOPPED_BY_OTHERS.search(" ".join(t.word for t in s[max(0, start - 4) : start + 1])):
            continue  # "the cardiologist stopped my warfarin", "it was stopped": a history
        if len(phrase) > 1 or phrase[0] not in _STOPPING:
            return True  # a verb of replacing or a multi-word stop ("come off", "give up")
        end = start + len(phrase)
        if any(end <= i <= end + _OBJECT_WITHIN for i in treated):
            return True
    return False


_HOW = re.compile(
    r"\b(how (?:often|common|many|likely|frequent)|what are the chances|is it common|are they "
    r"common|is that common)\b",
    re.IGNORECASE,
)
_COVERS = re.compile(
    r"\b(pays|covers|reimburses|funds|will (?:pay|cover|reimburse|fund)|will be (?:covered|paid)|"
    r"(?:is|are) (?:now )?covered|be paid for|(?:now|also) (?:pay|cover))\b",
    re.IGNORECASE,
)


def _asserts_coverage(sentence: str) -> bool:
    """Whether a sentence states, rather than asks, that a payer covers something ("Medicare
    pays for it", not "does Medicare pay for it?")."""
    return bool(_COVERS.search(sentence)) and not _ASKED.search(sentence)


_ASSERTED = re.compile(
    r"\b(recommends|endorses|advises|approves|backs|supports|has recommended|have recommended|"
    r"is recommended by|recommended it|guidelines (?:now )?(?:recommend|support|endorse))\b",
    re.IGNORECASE,
)
_ASKED = re.compile(r"^\W*(does|do|did|is|are|has|have|would|will|can|could|should)\b", re.I)


_WHICH = re.compile(r"^\W*(which|what|who|whether)\b", re.I)
_NOT_NOW = re.compile(r"\b(not|never|no longer|no more|n't|nt)\W*$", re.I)
_BODY_WORDS = 12
"""At most this many words between the body and its verb ("the NICE guideline on low back pain
and sciatica supports")."""


def _asserts_a_recommendation(sentence: str) -> bool:
    """Whether a sentence states, rather than asks, that a body recommends something: not a
    yes/no or a which-question ("which guideline supports it?"), the verb not negated ("NICE no
    longer supports it"), and a body or guideline word among the words before the verb ("my
    wife supports me having it, and NICE has a guideline" names none; wave 23b)."""
    if _ASKED.search(sentence) or _WHICH.search(sentence):
        return False
    bodies = _guideline_bodies()
    for m in _ASSERTED.finditer(sentence):
        if m.group(1).lower().startswith(("is recommended by", "guidelines")):
            return True  # the body is named after the verb, or is the verb's own subject
        before = sentence[: m.start()]
        if _NOT_NOW.search(before):
            continue
        near = {t for w in before.split()[-_BODY_WORDS:] for t in key(w)}
        if any(set(b) <= near for b in bodies if b):
            return True
    return False


@functools.cache
def _guideline_bodies() -> tuple[tuple[str, ...], ...]:
    """The body and guideline words of the ``guideline_claim`` premise, as word keys."""
    return tuple(key(p) for p in asked_words().premises["guideline_claim"][0][0])


_OUTCOME_IDS: dict[int, tuple[Any, Any]] = {}


def outcome_ids(findings: Mapping[str, Any]) -> frozenset[str]:
    """The outcome ids of a base's findings (built once per findings mapping)."""
    return per_object(
        _OUTCOME_IDS,
        findings,
        lambda: frozenset(str(f.outcome) for f in findings.values() if getattr(f, "outcome", None)),
    )
