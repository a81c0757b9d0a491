"""Reading claims: find every checkable claim in a text and parse each into what it asserts.

This is the *parse* step of DESIGN.md's "Reading text" path for ``acupath check``; judging lives
in :mod:`acupath.answer.claim_judge` and wording in :mod:`acupath.answer.audit`. Nothing here
decides a verdict, and nothing here holds a clinical fact: the word lists below are language
(how clinics, leaflets and newspapers phrase a claim), not evidence.

1. **Sentences with offsets.** The text is cut into sentences (bullets, blank lines and ``.!?``
   end one), each with its character span in the original text so reports can highlight it.
2. **Is it a claim?** A sentence is a claim when it asserts something checkable: a figure, or a
   claim word (an effect, a guideline position, a coverage rule, a safety statement, a mechanism,
   a cure), about acupuncture, a covered condition, a payer or guideline body, or following a
   sentence that was; questions, headings and calls to action are not claims.
3. **Parts.** A sentence that joins two predicates ("is safe and has no side effects") is split
   into parts that share the subject, so each part gets its own verdict.
4. **Parse.** Each part becomes a :class:`ClaimStatement`: kind (guideline, coverage, safety,
   efficacy, persistence, mechanism, cure, practice, other), conditions, intervention, comparator,
   outcome, direction, figures, body (NICE, ACP, CMS ...), absolute words ("everyone", "whatever
   their INR", "unlimited"), overstatement words ("dramatically", "clinically meaningful"),
   population (anticoagulants, platelets, pregnancy ...), and what was not understood. A part
   that names no subject of its own ("It also pays for ...") inherits the body and conditions of
   the claim before it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from acupath.answer import text as tx
from acupath.answer.claim_language import (
    ABOUT_CARE,
    ABSOLUTE,
    ACTION_WORDS,
    ADDED,
    AGAINST,
    ALL_GUIDELINES,
    APPROX,
    BACK_REFERENCE,
    BENEFIT,
    BODIES,
    CLINICALLY_MEANINGFUL,
    COMPARATORS,
    COVERAGE_VERB,
    CUE,
    CURE,
    DOMAIN,
    EQUIVALENT,
    EXTRA_CONDITIONS,
    FRACTION,
    GUIDELINE_VERB,
    INTERVENTIONS,
    MECHANISM,
    NEGATION,
    NUMBER_WORDS,
    OTHER_BODY,
    OUT_OF_SCOPE,
    OUTCOMES,
    OVERSTATED,
    PERSISTENCE,
    PHRASAL_BACK,
    POPULATIONS,
    PRACTICE,
    PRONOUN_START,
    REPLACE,
    SAFETY,
    SUBJECTLESS,
    VERB,
)
from acupath.answer.retrieve import Index
from acupath.answer.verify import figures

# --- sentences -------------------------------------------------------------------------------

_SPLIT = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“(]?[A-Z0-9])")
_ABBREV = re.compile(r"\b(?:e\.g|i\.e|et al|vs|Dr|Fig|approx|incl|No|St|Mr|Mrs|Ms)\.$")
_BULLET = re.compile(r"^\s*(?:[-*•·#]+|\d+[.)])\s+")


@dataclass(frozen=True)
class Span:
    """A sentence of a text and where it sits: ``text[start:end]`` spans it (whitespace aside)."""

    text: str
    start: int
    end: int


def split_sentences(text: str) -> list[str]:
    """Sentences of ``text``; bullets and blank lines end a sentence."""
    return [s.text for s in sentence_spans(text)]


def _blocks(text: str) -> list[str]:
    out: list[str] = []
    for block in re.split(r"\n\s*\n|\n(?=\s*(?:[-*•·#]|\d+[.)])\s)", text):
        block = " ".join(_BULLET.sub("", line).strip() for line in block.splitlines())
        block = " ".join(block.split())
        if block:
            out.append(block)
    return out


def sentence_spans(text: str) -> list[Span]:
    """Sentences of ``text`` with their character spans in ``text``."""
    out: list[Span] = []
    cursor = 0
    for block in _blocks(text):
        merged: list[str] = []
        for part in _SPLIT.split(block):
            if merged and _ABBREV.search(merged[-1]):
                merged[-1] += " " + part
            else:
                merged.append(part)
        for sentence in (p.strip() for p in merged):
            if not sentence:
                continue
            pattern = r"\s+".join(re.escape(w) for w in sentence.split())
            m = re.compile(pattern).search(text, cursor)
            if m is None:  # a bullet marker sat inside the sentence: no exact span, keep it
                out.append(Span(sentence, cursor, cursor))
                continue
            out.append(Span(sentence, m.start(), m.end()))
            cursor = m.end()
    return out


# --- the parsed claim -------------------------------------------------------------------------


@dataclass(frozen=True)
class Quantity:
    """A figure of a claim with the words around it (``12`` with ``visits in 90 days``)."""

    value: float
    text: str
    percent: bool = False
    approximate: bool = False
    context: str = ""
    timepoint: bool = (
        False  # "six months", "12 weeks", "10 sessions": a when or a dose, not an effect
    )


@dataclass(frozen=True)
class ClaimStatement:
    """What one claim (or one part of a sentence) asserts; see the module docstring."""

    text: str
    kind: str
    conditions: tuple[str, ...] = ()
    broad: bool = False
    intervention: str = "any"
    comparator: str | None = None
    outcome: str | None = None
    direction: str = "benefit"  # benefit, no_benefit, for, against, harm, none
    quantities: tuple[Quantity, ...] = ()
    body: str | None = None
    other_body: str | None = None
    all_guidelines: bool = False
    absolute: tuple[str, ...] = ()
    overstated: tuple[str, ...] = ()
    clinically_meaningful: bool = False
    cure: tuple[str, ...] = ()
    population: tuple[str, ...] = ()
    replaces_drugs: bool = False
    added_to_drugs: bool = False
    equivalence: bool = False
    negated: bool = False
    out_of_scope: tuple[str, ...] = ()
    not_understood: tuple[str, ...] = ()
    inherited: tuple[str, ...] = field(default=())
    last_payer: str | None = None  # the payer named last in the text, for "it also pays"

    def as_dict(self) -> dict[str, object]:
        """The parse as plain data (the ``parsed`` key of a checked claim)."""
        return {
            "kind": self.kind,
            "conditions": list(self.conditions),
            "intervention": self.intervention,
            "comparator": self.comparator,
            "outcome": self.outcome,
            "direction": self.direction,
            "figures": [q.text for q in self.quantities],
            "body": self.body or self.other_body,
            "absolute": list(self.absolute),
            "overstated": list(self.overstated),
            "cure": list(self.cure),
            "population": list(self.population),
            "inherited": list(self.inherited),
            "not_understood": list(self.not_understood),
        }


def _found(table: tuple[tuple[str, re.Pattern[str]], ...], text: str) -> tuple[str, ...]:
    return tuple(name for name, pattern in table if pattern.search(text))


_MARKERS = re.compile(
    r"(?<=[a-z)%.])\s*\d{1,2}(?:\s*,\s*\d{1,2})*\s*$|(?<=[a-z)][.])\d{1,2}(?=\s|$)|\[\d+(?:[,–-]\s*\d+)*\]"
)
"""Reference markers a text carries after a sentence ("... pain 1, 2", "pain.3", "[4]")."""
_TIME = re.compile(
    r"\s*(?:weeks?|months?|years?|days?|hours?|minutes?|sessions?|times|trials?|studies|reviews?)\b",
    re.I,
)


_SCALE = re.compile(r"\b0\s*(?:-|–|to)\s*(?:10|100)\b(?:[- ]point)?")
"""A scale's range ("on a 0-10 scale") is not a figure of effect."""
_TAKES_NUMBER = re.compile(
    r"\b(?:than|of|to|is|are|by|about|around|up|least|most|maximum|minimum|per|in|over)\s*$", re.I
)


def strip_markers(text: str) -> str:
    """``text`` without its reference markers (a figure a word asks for, "than 20", stays)."""

    def keep_or_drop(m: re.Match[str]) -> str:
        return m.group(0) if _TAKES_NUMBER.search(text[: m.start()]) else ""

    return _MARKERS.sub(keep_or_drop, text).rstrip()


def quantities(text: str) -> tuple[Quantity, ...]:
    """The figures of a claim: digits, number words and "one in ten" fractions."""
    text = _SCALE.sub(" ", strip_markers(text))
    out: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    for m in FRACTION.finditer(text):
        num = NUMBER_WORDS.get(m.group(1).lower()) or float(m.group(1))
        den_word = m.group(2).lower().replace(",", "")
        den = {"ten": 10, "a hundred": 100, "hundred": 100, "a thousand": 1000, "thousand": 1000}
        denominator = float(den.get(den_word, 0) or den_word)
        before = text[max(0, m.start() - 25) : m.start()]
        out.append(
            Quantity(
                num / denominator,
                m.group(0),
                percent=True,
                approximate=bool(APPROX.search(before)),
                context=text[m.start() : m.end() + 40],
            )
        )
        taken.append((m.start(), m.end()))
    for m in re.finditer(
        r"(?<![\w.])[-−]?\d+(?:,\d{3})*(?:\.\d+)?%?|\b(?:" + "|".join(NUMBER_WORDS) + r")\b",
        text,
        re.I,
    ):
        if any(a <= m.start() < b for a, b in taken):
            continue
        token = m.group(0)
        low = token.lower()
        if low in NUMBER_WORDS:
            follow = text[m.end() : m.end() + 12].lower()
            if low == "one" and not re.match(r"\s+(?:point|moderate|patient|per|bleed)", follow):
                continue  # "one of the options", "one course": not a figure
            if low == "half" and not re.match(r"\s+(?:of|the)", follow):
                continue
            value = NUMBER_WORDS[low]
        else:
            value = float(token.rstrip("%").replace(",", "").replace("−", "-"))
        after = text[m.end() : m.end() + 40]
        if re.match(r"\s*(?:years? (?:ago|of)|BC|AD)\b", after) or re.match(
            r"(?:19|20)\d\d$", token
        ):
            continue  # dates and history are not figures of effect
        before = text[max(0, m.start() - 25) : m.start()]
        out.append(
            Quantity(
                value,
                token,
                percent=token.endswith("%") or bool(re.match(r"\s*(?:per ?cent|percent)", after)),
                approximate=bool(APPROX.search(before)),
                context=(before + token + after),
                timepoint=bool(_TIME.match(after)),
            )
        )
    return tuple(out)


# --- extraction -------------------------------------------------------------------------------


def _is_heading(sentence: str) -> bool:
    text = sentence.strip()
    if text.endswith((".", "!", "?", ":")):
        return False
    tokens = [w for w in re.findall(r"[A-Za-z][A-Za-z'-]*", text) if len(w) > 3]
    if not tokens or len(text.split()) > 12:
        return False
    capitals = sum(1 for w in tokens if w[0].isupper())
    return capitals / len(tokens) >= 0.6


def is_claim(sentence: str) -> bool:
    """Whether ``sentence`` asserts something checkable (see the module docstring)."""
    low = sentence.lower()
    wordlist = tx.words(sentence)
    if sentence.rstrip().endswith("?") or len(wordlist) < 4:
        return False
    if any(a in low for a in ACTION_WORDS):
        return False
    if sentence.rstrip().endswith(":") and len(wordlist) < 8:
        return False
    if _is_heading(sentence):
        return False
    if not sentence.rstrip().endswith((".", "!", "”", '"', ")")) and not VERB.search(sentence):
        return False  # a title ("Systematic review of acupuncture for cancer pain")
    has_figure = bool(figures(sentence))
    has_cue = bool(CUE.search(sentence))
    return (has_figure or has_cue) and bool(DOMAIN.search(sentence))


def _about(index: Index, sentence: str) -> bool:
    q = index.understand(sentence)
    return (
        bool(q.conditions)
        or q.acupuncture_mentioned
        or bool(_found(BODIES, sentence))
        or bool(_found(POPULATIONS, sentence))
        or bool(ABOUT_CARE.search(sentence))
    )


def claim_spans(text: str, index: Index) -> list[Span]:
    """The sentences of ``text`` that are claims, with their spans."""
    out: list[Span] = []
    context = False
    for span in sentence_spans(text):
        about = _about(index, span.text)
        if is_claim(span.text) and (about or context):
            out.append(span)
        if about:
            context = True
        elif len(tx.words(span.text)) > 40:
            context = False
    return out


def claims_in(text: str, index: Index) -> list[str]:
    """The claim sentences of ``text`` (see the module docstring)."""
    return [s.text for s in claim_spans(text, index)]


_TWO_FIGURES = re.compile(
    r"(?P<a>(?:[\w-]+\s){1,5}\((?:[^)]*\s)?[-−]?\d+(?:\.\d+)?%?\))\s*,?\s+and\s+"
    r"(?P<b>(?:[\w-]+\s){1,5}\((?:[^)]*\s)?[-−]?\d+(?:\.\d+)?%?\))"
)


def _figure_parts(sentence: str) -> list[str]:
    """ "lower pain (SMD -0.72) and better function (SMD -0.94) compared with X" -> two claims."""
    m = _TWO_FIGURES.search(sentence)
    if m is None:
        return [sentence]
    first = sentence[: m.start()] + m.group("a") + sentence[m.end() :]
    second = sentence[: m.start()] + m.group("b") + sentence[m.end() :]
    for both in ("both ",):
        first = first.replace(both, "", 1)
        second = second.replace(both, "", 1)
    return [first, *_figure_parts(second)]


def parts_of(sentence: str) -> list[str]:
    """Split a sentence joining two predicates on one subject into two claims.

    "Acupuncture is safe and has no side effects" -> "Acupuncture is safe", "Acupuncture has no
    side effects". A list of objects ("for knee OA and for fibromyalgia") stays one claim: the
    judge reads every condition it names.
    """
    sentence = strip_markers(sentence)
    figure_parts = _figure_parts(sentence)
    if len(figure_parts) > 1:
        return figure_parts
    body = sentence.rstrip(" .!")
    for m in re.finditer(r",? and |; ", body):
        head, tail = body[: m.start()], body[m.end() :]
        if not SUBJECTLESS.match(tail) or len(tx.words(head)) < 3:
            continue
        subject = _subject(head)
        if not subject:
            continue
        rest = parts_of(f"{subject} {tail}.")
        return [head.strip() + ".", *rest]
    return [sentence]


def _subject(clause: str) -> str:
    """The words before the first verb of ``clause`` ("Acupuncture" in "Acupuncture is safe")."""
    m = re.search(
        r"\b(?:is|are|was|were|has|have|had|helps?|reduces?|relieves?|eases?|improves?|"
        r"strengthens?|boosts?|lowers?|prevents?|cuts?|works?|can|may|will|does|releases?|"
        r"increases?|treats?|covers?|pays?)\b",
        clause,
        re.I,
    )
    if m is None or m.start() == 0:
        return ""
    return clause[: m.start()].strip()


# --- parsing ----------------------------------------------------------------------------------


def _kind(s: str, body: str | None, other_body: str | None) -> str:
    if CURE.search(s):
        return "cure"
    if (
        body == "cms"
        or (other_body and COVERAGE_VERB.search(s))
        or re.search(r"\b(?:covered by|insurance|reimburs\w*)\b", s, re.I)
    ):
        return "coverage"
    if (
        body or other_body or ALL_GUIDELINES.search(s) or re.search(r"\bguidelines?\b", s, re.I)
    ) and (GUIDELINE_VERB.search(s)):
        return "guideline"
    if PRACTICE.search(s):
        return "practice"
    if SAFETY.search(s) or _found(POPULATIONS[:5], s):
        return "safety"
    if MECHANISM.search(s) and not re.search(r"\b(?:reduces?|relieves?) (?:\w+ )?pain\b", s, re.I):
        return "mechanism"
    if PERSISTENCE.search(s):
        return "persistence"
    if BENEFIT.search(s) or REPLACE.search(s) or EQUIVALENT.search(s):
        return "efficacy"
    return "other"


def parse(sentence: str, index: Index, previous: ClaimStatement | None = None) -> ClaimStatement:
    """Parse one claim into a :class:`ClaimStatement` (see the module docstring)."""
    q = index.understand(PHRASAL_BACK.sub(" again", sentence))
    conditions = list(q.conditions)
    for cid, pattern in EXTRA_CONDITIONS:
        if cid in index.base.conditions and pattern.search(sentence) and cid not in conditions:
            conditions.insert(0, cid)
    if "aromatase_inhibitor_arthralgia" in conditions:
        # "joint pain from aromatase inhibitors": the generic "pain" matches are not separate claims
        conditions = [c for c in conditions if c not in ("cancer_pain",)]
    bodies = _found(BODIES, sentence)
    body = bodies[0] if bodies else None
    other = OTHER_BODY.search(sentence)
    other_body = other.group(0) if other and body is None else None
    inherited: list[str] = []
    stripped = sentence.strip()
    refers_back = bool(PRONOUN_START.match(stripped)) or bool(
        re.search(r"\balso\b", sentence, re.I)
    )
    if previous is not None:
        if body is None and other_body is None and refers_back:
            # "It also pays for ...": a coverage verb points back to the last payer named
            payer = previous.last_payer if COVERAGE_VERB.search(sentence) else None
            body = payer or previous.body
            if body:
                inherited.append("body")
        if not conditions and BACK_REFERENCE.search(sentence) and previous.conditions:
            conditions = list(previous.conditions)
            inherited.append("conditions")
    kind = _kind(sentence, body, other_body)
    if "body" in inherited and kind == "other":
        kind = previous.kind if previous is not None else kind
    interventions = _found(INTERVENTIONS, sentence)
    comparators = [c for c in _found(COMPARATORS, sentence)]
    replaces = bool(REPLACE.search(sentence))
    added = bool(ADDED.search(sentence))
    comparator: str | None = None
    for c in comparators:
        if c == "medication" and not (
            replaces or re.search(r"\b(?:than|versus|vs|compared)\b", sentence, re.I)
        ):
            continue  # "added to analgesics" names the co-treatment, not the comparator
        comparator = c
        break
    if replaces:
        comparator = "medication"
    if EQUIVALENT.search(sentence) and len(interventions) >= 2:
        comparator = "other"
    outcome = None
    for name, pattern in OUTCOMES:
        if pattern.search(sentence):
            outcome = name
            break
    if kind == "persistence":
        outcome = "effect_persistence"
    # "no acupuncture", "no treatment" name a comparator, not a negation of the claim
    bare = sentence
    for _, pattern in COMPARATORS:
        bare = pattern.sub(" ", bare)
    negated = bool(NEGATION.search(bare))
    if kind == "guideline":
        direction = "against" if AGAINST.search(sentence) else "for"
    elif kind == "coverage":
        direction = (
            "against"
            if re.search(
                r"\b(?:not cover\w*|doesn't cover|does not cover|won't pay|will not pay)\b",
                sentence,
                re.I,
            )
            else "for"
        )
    elif kind == "safety":
        direction = (
            "safe"
            if re.search(
                r"\bsafe\w*|rare|no (?:side|risk)|never|no obstacle|free of", sentence, re.I
            )
            else "harm"
        )
    else:
        direction = (
            "no_benefit"
            if negated and not ABSOLUTE.search(sentence) and not replaces
            else "benefit"
        )
    scope = tuple(m.group(0) for m in OUT_OF_SCOPE.finditer(sentence))
    not_understood: list[str] = []
    if not conditions and kind in ("efficacy", "persistence") and q.unknown_topic:
        not_understood = list(q.unknown_topic)
    return ClaimStatement(
        text=sentence,
        kind=kind,
        conditions=tuple(conditions),
        broad=q.broad,
        intervention=interventions[0]
        if len(interventions) == 1
        else ("any" if not interventions else interventions[0]),
        comparator=comparator,
        outcome=outcome,
        direction=direction,
        quantities=quantities(sentence),
        body=body,
        other_body=other_body,
        all_guidelines=bool(ALL_GUIDELINES.search(sentence)),
        absolute=tuple(m.group(0) for m in ABSOLUTE.finditer(sentence)),
        overstated=tuple(m.group(0) for m in OVERSTATED.finditer(sentence)),
        clinically_meaningful=bool(CLINICALLY_MEANINGFUL.search(sentence)),
        cure=tuple(m.group(0) for m in CURE.finditer(sentence)),
        population=_found(POPULATIONS, sentence),
        replaces_drugs=replaces,
        added_to_drugs=added and not replaces,
        equivalence=bool(EQUIVALENT.search(sentence)),
        negated=negated,
        out_of_scope=scope,
        not_understood=tuple(not_understood),
        inherited=tuple(inherited),
        last_payer="cms" if body == "cms" else (previous.last_payer if previous else None),
    )


@dataclass(frozen=True)
class ExtractedClaim:
    """A claim sentence of a text: its span and its parts, each parsed."""

    span: Span
    parts: tuple[ClaimStatement, ...]


def extract(text: str, index: Index) -> Iterator[ExtractedClaim]:
    """Every claim of ``text``, in order, split into parts and parsed.

    Sentences that are not claims still set the context a later "it" or "that condition"
    refers to.
    """
    previous: ClaimStatement | None = None
    lead_in: tuple[str, ...] = ()  # conditions of a lead-in ("For HIV neuropathy:") over a list
    claims = {(s.start, s.end) for s in claim_spans(text, index)}
    for span in sentence_spans(text):
        if span.text.rstrip().endswith(":"):
            lead_in = parse(span.text, index, previous).conditions
        elif len(tx.words(span.text)) > 40:
            lead_in = ()
        if (span.start, span.end) not in claims:
            context = parse(span.text, index, previous)
            if context.conditions or context.body:
                previous = context
            continue
        parsed: list[ClaimStatement] = []
        for part in parts_of(span.text):
            statement = parse(part, index, previous)
            if not statement.conditions and lead_in:
                statement = replace(
                    statement, conditions=lead_in, inherited=(*statement.inherited, "lead-in")
                )
            parsed.append(statement)
            previous = statement
        yield ExtractedClaim(span, tuple(parsed))


def with_kind(statement: ClaimStatement, kind: str) -> ClaimStatement:
    """A copy of ``statement`` read as another kind (the judge's fallback)."""
    return replace(statement, kind=kind)
