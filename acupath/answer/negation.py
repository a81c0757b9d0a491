"""Negation and hypotheticals in questions: a ConText-style trigger-and-scope algorithm.

A concept ("fever", "warfarin", "pregnant") found in a question is *negated* when a negation
trigger governs it ("no fever", "not pregnant", "denies taking blood thinners", "cancer ruled
out") and *hypothetical* when a conditional trigger does ("if she were on warfarin"). This is the
algorithm of NegEx (Chapman et al. 2001, J Biomed Inform 34:301-310) as generalised by ConText
(Harkema et al. 2009, J Biomed Inform 42:839-851):

1. find the trigger terms in the sentence, longest first; *pseudo-triggers* ("no change", "not
   only", "without trying") are consumed first so that they trigger nothing;
2. a trigger that comes before its concept governs every token after it up to the end of the
   sentence, a *termination term* ("but", "however", "which") or ``MAX_SCOPE`` tokens; a trigger
   that comes after its concept ("ruled out") governs backwards the same way; a *near* trigger
   of clinic notes ("temp normal", "SLR neg", "CES symptoms denied") governs only a concept
   that ends right before it (link words aside: ``_LINKS``), since "fever, CRP normal" does not deny
   the fever (wave 6); a word that is both a near and a before trigger ("denied", "nil") acts
   backwards when a concept stands right before it, else forwards;
3. inside one scope a list of concepts of the same kind stays governed ("denies fever, weight
   loss or bladder change"); a concept of another kind ends the scope, so "not pregnant, on
   warfarin" negates the pregnancy only. This last rule is our addition for question text,
   where a comma often joins unrelated facts.

Why not medspaCy/negspacy: importing spaCy alone takes about 3.1-3.4 s on the project machine and
spaCy with negspacy 4.7-5.7 s, against a start-up budget for ``acupath ask`` of about 25 times a
bare Python start; the algorithm needs no parser, only trigger lists (``data/answer/patient.yaml``)
and sentence boundaries. See ``docs/ask.md``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from acupath.answer.text import PhraseTable

MAX_SCOPE = 12
"""The widest scope of a trigger, in tokens (NegEx used 5; question lists run longer)."""

_APOSTROPHES = frozenset({"'", "’"})
_LINKS = frozenset(
    {
        "is",
        "was",
        "are",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "now",
        "all",
        "both",
        "s",
        ":",
        "'",
        "’",
    }
)
"""The only words allowed between a concept and a near trigger after it ("temperature is
normal", "fever has now settled"); any other word, or a comma, ends the near scope ("fever,
CRP normal")."""


@dataclass(frozen=True)
class Span:
    """A concept found in the text: token positions ``[start, end)`` and its kind."""

    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class Triggers:
    """Trigger terms as token sequences (see the module docstring)."""

    negation_before: tuple[tuple[str, ...], ...]
    negation_after: tuple[tuple[str, ...], ...]
    pseudo: tuple[tuple[str, ...], ...]
    hypothetical_before: tuple[tuple[str, ...], ...]
    terminate: tuple[tuple[str, ...], ...]
    negation_after_near: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class _Trigger:
    start: int
    end: int
    role: str  # neg_before, neg_after, neg_near, neg_both, pseudo, hyp_before, terminate


@functools.cache
def _table(triggers: Triggers) -> PhraseTable[str]:
    """Every trigger phrase with its role, indexed by first word (built once per trigger set)."""
    near = set(triggers.negation_after_near)
    both = near & set(triggers.negation_before)
    roles = (
        ("pseudo", triggers.pseudo),
        ("neg_after", triggers.negation_after),
        ("neg_near", tuple(p for p in triggers.negation_after_near if p not in both)),
        ("neg_both", tuple(both)),
        ("neg_before", tuple(p for p in triggers.negation_before if p not in both)),
        ("hyp_before", triggers.hypothetical_before),
        ("terminate", triggers.terminate),
    )
    return PhraseTable((phrase, role) for role, phrases in roles for phrase in phrases)


def _find_triggers(words: Sequence[str], triggers: Triggers) -> list[_Trigger]:
    # trigger keys hold no apostrophe ("doesn't" is doesn + t), the question's tokens do: match
    # on the words without them and map the positions back (wave 6: "she doesn't have a fever")
    kept = [i for i, w in enumerate(words) if w not in _APOSTROPHES]
    found = [
        _Trigger(kept[start], kept[start + len(phrase) - 1] + 1, role)
        for start, phrase, role in _table(triggers).find([words[i] for i in kept])
    ]
    # longest first; pseudo-triggers win ties, so "no change" never acts as "no"
    order = {
        "pseudo": 0,
        "neg_after": 1,
        "neg_near": 2,
        "neg_both": 3,
        "neg_before": 4,
        "hyp_before": 5,
        "terminate": 6,
    }
    found.sort(key=lambda t: (-(t.end - t.start), order[t.role], t.start))
    taken: set[int] = set()
    chosen: list[_Trigger] = []
    for t in found:
        if any(i in taken for i in range(t.start, t.end)):
            continue
        taken.update(range(t.start, t.end))
        chosen.append(t)
    return sorted(chosen, key=lambda t: t.start)


def _sentence_of(pos: int, boundaries: Sequence[int]) -> tuple[int, int]:
    """``[start, end)`` of the sentence holding token ``pos`` (boundaries: sentence-end tokens)."""
    start = 0
    for b in boundaries:
        if b < pos:
            start = b + 1
        else:
            return start, b
    return start, 10**9


def governed(
    words: Sequence[str],
    boundaries: Iterable[int],
    concepts: Sequence[Span],
    triggers: Triggers,
) -> tuple[set[int], set[int]]:
    """Indexes (into ``concepts``) of the negated and of the hypothetical concepts.

    ``words`` are the folded, stemmed tokens; ``boundaries`` the positions of sentence-ending
    tokens (``.``, ``;``, ``?``, ``!``). Concepts may overlap a trigger ("no history of cancer"
    overlaps the trigger "no history of"): a concept is governed when it ends after the trigger.
    """
    bounds = sorted(boundaries)
    found = _find_triggers(words, triggers)
    stops = [t for t in found if t.role == "terminate"]
    negated: set[int] = set()
    hypothetical: set[int] = set()
    order = sorted(range(len(concepts)), key=lambda i: concepts[i].start)
    for trig in found:
        if trig.role in ("pseudo", "terminate"):
            continue
        s_start, s_end = _sentence_of(trig.start, bounds)
        target = negated if trig.role.startswith("neg") else hypothetical
        if target is negated:
            field = _form_field(words, concepts, order, trig, s_start)
            if field is not None:
                negated.add(field)
                continue
        if trig.role in ("neg_near", "neg_both"):
            near = _near_before(words, concepts, order, trig, s_start)
            if near is not None:
                negated.add(near)
                continue
            if trig.role == "neg_near":
                continue
        if trig.role.endswith("before") or trig.role == "neg_both":
            if any(concepts[i].start <= trig.start < concepts[i].end for i in order):
                # the trigger is a word of a finding ("not making sense", "can't pee"): it
                # denies nothing after it ("not making sense and very drowsy"; wave 8)
                continue
            if target is negated and (
                _negates_telling(words, trig.end) or _negates_worry(words, trig.end)
            ):
                continue
            limit = min(s_end, trig.end + MAX_SCOPE)
            for stop in stops:
                if trig.end <= stop.start < limit:
                    limit = stop.start
                    break
            kind: str | None = None
            prev_end = trig.end
            denies = target is negated and _denial_verb(words[trig.start : trig.end])
            for i in order:
                c = concepts[i]
                # a concept that begins with the trigger's own word is a finding, not a denial
                # ("doesn't understand", "not able to pee", "no feeling down below")
                if c.end <= trig.end or c.start <= trig.start or c.start >= limit:
                    continue
                if kind is not None and c.kind != kind and target is negated:
                    # another kind of fact ends a negation's list, except in a plain list
                    # after a denial verb ("denies anticoagulants, antiplatelets, bleeding
                    # disorders"; wave 9) or joined by "or" ("no warfarin or pacemaker")
                    joint = [w for w in words[prev_end : c.start]]
                    if not _plain_list(joint, words[c.end : c.end + 1], denies):
                        break
                kind = c.kind
                prev_end = c.end
                target.add(i)
        else:
            floor = max(s_start, trig.start - MAX_SCOPE)
            for stop in stops:
                if floor <= stop.start < trig.start:
                    floor = stop.end
            for i in reversed(order):
                c = concepts[i]
                # a concept holding the trigger word ("perianal sensation absent") states the
                # finding; it is not denied by its own word
                if c.end > trig.start or c.start < floor:
                    continue
                target.add(i)
                break  # "cancer ruled out" governs the nearest concept before it
    return negated, hypothetical


_TELLING = frozenset(
    {
        "tell",
        "told",
        "mention",
        "say",
        "said",
        "says",
        "inform",
        "disclos",
        "admit",
        "admitt",
        "explain",
        "let",
        "rais",
    }
)
"""Verbs of telling (folded, stemmed): a negation before one denies the telling, not the fact
told ("I never told my GP that I'm on aspirin", "haven't yet mentioned my Eliquis"). "Report"
is left out on purpose: "did not report fever" is how a clinic note denies a finding; so are
"flag" and "warn", which also name findings ("no warning signs"). "Raised" tells only before
what is raised ("haven't raised it with my GP"), not as the adjective of a finding ("no raised
temperature")."""

_BEFORE_TELLING = frozenset(
    {
        "yet",
        "ever",
        "actually",
        "really",
        "even",
        "need",
        "needs",
        "to",
        "have",
        "has",
        "had",
        "want",
        "bother",
        "think",
        "thought",
        "remember",
        "dare",
        "always",
        "get",
        "got",
        "round",
        "around",
        "go",
        "going",
        "gonna",
        "wanna",
    }
)
"""Words that may stand between the negation and the verb of telling ("didn't think to
mention", "haven't got round to telling")."""


def _negates_telling(words: Sequence[str], at: int) -> bool:
    """Whether the words from ``at`` (right after a negation trigger) are a verb of telling,
    with at most three helper words before it (wave 17: the negation governs the telling, so
    the facts told after it stand; the safe reading, since a fact kept from a doctor is still
    the patient's)."""
    for n, w in enumerate(words[at : at + 4]):
        if w in _TELLING:
            # "raised" is also an adjective of a finding ("denies raised temperature"): a verb
            # of telling only before what is raised ("haven't raised it with my GP")
            nxt = words[at + n + 1] if at + n + 1 < len(words) else ""
            return w != "rais" or nxt in _RAISED_OBJECTS
        if w not in _BEFORE_TELLING and w not in _APOSTROPHES:
            return False
    return False


_WORRY = frozenset({"worri", "worry", "worr", "bother", "concern", "fuss", "anxiou", "stress"})
"""Verbs and nouns of worry or concern (folded, stemmed; wave 19): a negation before one denies
the worry, not the thing worried about ("I'm not worried about my pacemaker", "no concerns about
her warfarin"), the same rule as the verbs of telling. "Scared" and "afraid" are left out on
purpose: "not afraid of needles" denies a needle phobia."""

_BEFORE_WORRY = frozenset(
    {
        "too",
        "that",
        "at",
        "all",
        "really",
        "particularly",
        "overly",
        "very",
        "so",
        "much",
        "remotely",
        "in",
        "the",
        "least",
        "any",
        "real",
        "big",
        "majorly",
        "unduly",
        "m",
        "s",
    }
)
"""Words that may stand between the negation and the worry ("not too worried", "not at all
bothered", "no real concerns")."""

_WORRY_OBJECTS = frozenset({"about", "by", "over", "with", "regarding", "that", "of"})
"""What follows a worry about a fact ("worried about", "bothered by"); a worry with no object
("not worried, no pacemaker") negates as before."""


def _negates_worry(words: Sequence[str], at: int) -> bool:
    """Whether the words from ``at`` (right after a negation trigger) are a worry about what
    follows ("not too worried about my pacemaker"; wave 19): the negation governs the worry, so
    the fact worried about stands (the safe reading, as for the verbs of telling)."""
    for n, w in enumerate(words[at : at + 5]):
        if w in _WORRY:
            nxt = words[at + n + 1] if at + n + 1 < len(words) else ""
            return nxt in _WORRY_OBJECTS
        if w not in _BEFORE_WORRY and w not in _APOSTROPHES:
            return False
    return False


_RAISED_OBJECTS = frozenset(
    {
        "it",
        "this",
        "that",
        "them",
        "with",
        "concern",
        "concerns",
        "issue",
        "issues",
        "subject",
        "any",
    }
)
"""What "raised" as a verb of telling is followed by (wave 17)."""

_DENIAL_VERBS = frozenset({"denies", "denied", "deny", "denying", "deni"})
_LIST_JOINS = frozenset({",", "and", "or", "nor", "/"})
_LIST_ENDS = frozenset({",", "and", "or", "nor", "/", ".", ";", "?", "!", ""})


def _denial_verb(trigger: Sequence[str]) -> bool:
    """Whether a negation trigger is a denial verb ("denies", "denied any")."""
    return bool(trigger) and trigger[0] in _DENIAL_VERBS


def _plain_list(joint: Sequence[str], after: Sequence[str], denies: bool) -> bool:
    """Whether the words between two facts of different kinds only join a list, and the
    second fact ends an item of it (wave 9): after a denial verb any join word does
    ("denies anticoagulants, antiplatelets, bleeding disorders."); after another negation
    only "or"/"nor" ("no anticoagulants, antiplatelets or bleeding disorders"), since "not
    pregnant, on warfarin" and "no fever, pregnant 12 weeks" name a fact that stands."""
    if not joint or any(w not in _LIST_JOINS for w in joint):
        return False
    if (after[0] if after else "") not in _LIST_ENDS:
        return False
    return denies or any(w in ("or", "nor") for w in joint)


def _near_before(
    words: Sequence[str],
    concepts: Sequence[Span],
    order: Sequence[int],
    trig: _Trigger,
    s_start: int,
) -> int | None:
    """The concept that ends right before a near trigger (link words aside), in its sentence
    ("SLR neg", "temp normal", "fever has settled"), or None."""
    for i in reversed(order):
        c = concepts[i]
        if c.end > trig.start or c.start < s_start:
            continue
        if c.kind in _THE_PERSON:
            return None  # "He denied fever", "44M: denies fever": the denial reads forwards
        return i if all(w in _LINKS for w in words[c.end : trig.start]) else None
    return None


_THE_PERSON = frozenset({"age", "sex", "age_band"})
"""Kinds that describe who the patient is, not a finding: a denial right after one ("He
denied fever", "44M: denies saddle numbness") denies what follows it (wave 23b, h23124)."""

_FORM_ANSWERS = frozenset({"no", "none", "nil", "n", "neg", "negative"})
_ITEM_ENDS = frozenset({",", ".", ";", "!", "/", ""})


def _form_field(
    words: Sequence[str],
    concepts: Sequence[Span],
    order: Sequence[int],
    trig: _Trigger,
    s_start: int,
) -> int | None:
    """The field a form's one-word "no" answers ("Anticoagulants: NO.", "Pregnant - no,
    pacemaker: yes"; wave 23b, h23118), or None.

    A triage form or checklist puts the answer after the field, so the "no" denies the fact
    right before it (a colon or a dropped dash between) and nothing after it. Only a bare
    answer counts: the "no" must end its item, so "Complaint: no fever" still reads forwards
    and "Pacemaker: no idea" denies nothing."""
    if trig.end - trig.start != 1 or words[trig.start] not in _FORM_ANSWERS:
        return None
    after = words[trig.end] if trig.end < len(words) else ""
    if after not in _ITEM_ENDS:
        return None
    at = trig.start - 1 if trig.start > 0 and words[trig.start - 1] == ":" else trig.start
    for i in reversed(order):
        c = concepts[i]
        if c.end > trig.start or c.start < s_start:
            continue
        return i if c.end == at and c.kind not in _THE_PERSON else None
    return None


_OR_JOINS = frozenset({"or", "nor"})
_LIST_BREAKS = frozenset({".", ";", "?", "!", "but", "however", "though", "although", "which"})


def denied_or_item(
    words: Sequence[str], at: int, negations: Iterable[tuple[str, ...]], reach: int = 6
) -> bool:
    """Whether the word at ``at`` is a later item of a denied list joined by "or"/"nor" ("no
    fever or infection", "no temperature, redness or infection"; wave 11, h10105): the word
    right before it is "or" or "nor" and a negation trigger ends at most ``reach`` words
    before that, with no sentence end or "but" between. The NegEx list rule for the words of
    a combination (context.py), which are found before the trigger scopes are read."""
    if at < 1 or words[at - 1] not in _OR_JOINS:
        return False
    triggers = tuple(negations)
    for p in range(at - 1, max(-1, at - 1 - reach), -1):
        if p < at - 1 and words[p] in _LIST_BREAKS:
            return False
        if any(p >= len(t) - 1 and tuple(words[p - len(t) + 1 : p + 1]) == t for t in triggers):
            return True
    return False
