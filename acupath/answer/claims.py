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


# --- language of claims (not evidence) --------------------------------------------------------

CLAIM_CUES = (
    r"reduc\w*|lower\w*|improv\w*|effective\w*|efficacy|effect\w*|benefit\w*|significant\w*|"
    r"superior|better|beat\w*|outperform\w*|shown|showed|show|shows|found|demonstrat\w*|evidence|"
    r"stud(?:y|ies)|trials?|review\w*|meta-analys\w*|recommend\w*|guidelines?|guidance|advis\w*|"
    r"endorse\w*|suggest\w*|consider\w*|says?|unlimited|less|fewer|valuable|option|useful|safe\w*|risk\w*|adverse|side effects?|"
    r"releas\w*|stimulat\w*|modulat\w*|activat\w*|trigger\w*|durable|last\w*|persist\w*|cover\w*|"
    r"pays?|paid|fund\w*|reimburs\w*|allow\w*|limit\w*|relie\w*|help\w*|ease\w*|eas(?:es|ing)|"
    r"works?|worked|proven|rare|minimal|complication\w*|cures?|cured|eliminat\w*|need\w*|"
    r"prevent\w*|cut|cuts|strengthen\w*|boost\w*|shrink\w*|fight\w*|revers\w*|flush\w*|toxin\w*|"
    r"heal\w*|restor\w*|balanc\w*|increas\w*|doubl\w*|treat\w*|replace\w*|killed|died|death\w*|"
    r"obstacle|rules? out|postpone|needle\w*|harm\w*|dangerous|lost|forever|permanent\w*"
)
_CUE = re.compile(rf"\b(?:{CLAIM_CUES})\b", re.I)

ACTION_WORDS = (
    "call us",
    "book ",
    "book your",
    "contact us",
    "schedule",
    "click",
    "subscribe",
    "sign up",
    "visit our",
    "learn more",
    "read more",
    "follow us",
    "share this",
    "copyright",
    "disclaimer",
    "herein",
    "liability",
    "editorial",
    "educational purpose",
    "not replace",
    "medical advice",
    "intended for",
    "ask any",
    "follow up question",
    "follow-up question",
    "last updated",
    "advisory board",
    "yours sincerely",
    "kind regards",
    "in this post",
    "in this article",
    "we will explore",
    "consult with",
    "if you are considering",
    "talk to your",
    "should verify",
)
DOMAIN = re.compile(
    r"\b(?:pain\w*|treatments?|patients?|adverse|sessions?|visits?|trials?|stud(?:y|ies)|"
    r"evidence|sham|placebo|effects?|mechanisms?|needl\w*|acupoints?|guidelines?|guidance|"
    r"recommend\w*|symptoms?|nausea|vomiting|fatigue|neuropath\w*|nerves?|brain|endorphins?|"
    r"inflammation|opioids?|medications?|medicines?|painkillers?|analgesic\w*|drugs?|cancer|"
    r"tumou?rs?|chemotherapy|radiotherapy|acupuncture|acupuncturists?|electroacupuncture|"
    r"medicare|medicaid|cms|insur\w*|nice|acp|asco|sio|who|blood thinners?|anticoagula\w*|"
    r"warfarin|inr|platelets?|neutrophils?|pregnan\w*|pacemakers?|immun\w*|qi|meridians?|"
    r"arthritis|osteoarthritis|migraines?|headaches?|fibromyalgia|sciatica|bleed\w*|bruis\w*|"
    r"safe\w*|side effects?|joint|arthralgia|dry mouth|hot flash\w*|hot flush\w*)\b",
    re.I,
)

BODIES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("nice", re.compile(r"\bNICE\b|National Institute for Health and Care Excellence|\bNG59\b")),
    ("acp", re.compile(r"\bACP\b|American College of Physicians|physicians'? guidelines?", re.I)),
    (
        "sio_asco",
        re.compile(r"\bASCO\b|\bSIO\b|Society for Integrative Oncology|oncology guideline", re.I),
    ),
    (
        "acr",
        re.compile(
            r"\bACR\b|American College of Rheumatology|Arthritis Foundation|rheumatolog", re.I
        ),
    ),
    ("cms", re.compile(r"\bMedicare\b|\bCMS\b|Centers for Medicare|\bNCD\b", re.I)),
)
"""Guideline bodies and payers the base holds records of, by the words that name them."""

OTHER_BODY = re.compile(
    r"\b(?:World Health Organi[sz]ation|WHO|American Academy of \w+|German Medical Association|"
    r"Medicaid|NHS|private insur\w*|insurers?|insurance compan\w*|FDA|Mayo Clinic|"
    r"[A-Z][a-z]+ (?:Medical|Health) (?:Association|Society|Service))\b"
)
"""Bodies and payers named in claims that the base holds no record of."""

GUIDELINE_VERB = re.compile(
    r"\b(?:recommend\w*|recommendation|endorse\w*|advis\w*|advice|guidance|guidelines?|"
    r"suggest\w*|says?|said|tells?|told|lists?|listed|consider\w*|offer\w*|approv\w*|"
    r"should be offered|first[- ]line|NG59|agree)\b",
    re.I,
)
AGAINST = re.compile(
    r"\b(?:do not|don't|does not|should not|shouldn't|not to|never|against|not be offered|"
    r"not offer|not recommend\w*|recommends? against|advises? against)\b",
    re.I,
)
COVERAGE_VERB = re.compile(
    r"\b(?:cover\w*|pays?|paid|paying|fund\w*|reimburs\w*|allows?|billing|limit|visits?)\b", re.I
)
ALL_GUIDELINES = re.compile(
    r"\b(?:every|all|each)\b[^.]{0,30}\bguidelines?\b|\bguidelines? (?:all|universally)\b|"
    r"\bmedical guidelines agree\b",
    re.I,
)

ABSOLUTE = re.compile(
    r"\b(?:everyone|everybody|every(?:one)? (?:patient|person|woman|man)|all patients|"
    r"whatever(?: their| your| the)? \w+|regardless of \w+(?: \w+)?|any (?:inr|level|point|stage|"
    r"kind|type|count|condition|trimester)\w*|at any \w+|every stage|any point|"
    r"unlimited|no limit|without (?:any )?limit|as many as you|never|no side effects|"
    r"free of side effects|no risks?|risk[- ]free|100% safe|completely safe|perfectly safe|"
    r"totally safe|all types|all kinds|any kind|any type|all (?:forms|sorts)|forever|"
    r"permanent\w*|nobody|no one|no longer need|no obstacle|always|guarantee\w*)\b",
    re.I,
)
OVERSTATED = re.compile(
    r"\b(?:dramatic\w*|vast\w*|far (?:more|better|superior)|hugely|huge|massive\w*|enormous\w*|"
    r"remarkabl\w*|miracul\w*|strong\w*|first[- ]line|first treatment|recommends? first|"
    r"first to try|the first|all cancer pain|clinically (?:meaningful|important|significant|"
    r"relevant)|meaningful amount|major)\b",
    re.I,
)
CLINICALLY_MEANINGFUL = re.compile(
    r"\bclinically (?:meaningful|important|significant|relevant)\b|\bmeaningful (?:amount|"
    r"reduction|difference|improvement)\b",
    re.I,
)
CURE = re.compile(
    r"\b(?:cures?|cured|curing|shrink\w*|fights? (?:tumou?rs?|cancer)|strengthen\w* (?:the |your )?"
    r"immun\w*|boost\w* (?:the |your )?immun\w*|immune system|immunity|detox\w*|toxins?|"
    r"revers\w*|regrow\w*|heals? (?:nerve|the nerve|damaged)|eliminat\w* (?:the )?(?:disease|"
    r"cancer|arthritis))\b",
    re.I,
)
MECHANISM = re.compile(
    r"\b(?:endorphins?|neurotransmitters?|serotonin|noradrenaline|norepinephrine|adenosine|ATP|"
    r"opioid peptides|opiate receptors?|qi|meridians?|blood flow|gate control|nervous system|"
    r"central sensiti[sz]ation|cox-2|pge2|natural killer|energy|mechanisms?)\b",
    re.I,
)
PRACTICE = re.compile(
    r"\b(?:sessions? (?:typically|usually) last|session lasts|lasts? \d+|minutes|"
    r"(?:needs?|requires?) \d+ (?:to \d+ )?sessions|\d+ (?:to|-) ?\d+ sessions over)\b",
    re.I,
)
PERSISTENCE = re.compile(
    r"\b(?:persist\w*|lasts? (?:for|a|at)|lasting|last\w* forever|forever|permanent\w*|"
    r"never comes back|a year later|year later|one year|12 months|a year after|durable|"
    r"still there|still had|effect is lost|is lost|fades?|wears? off|long[- ]term relief)\b",
    re.I,
)
SAFETY = re.compile(
    r"\b(?:safe\w*|side effects?|adverse|harm\w*|risk\w*|bleed\w*|bruis\w*|complications?|"
    r"pneumothorax|punctured lung|died|death\w*|killed|dangerous|no obstacle|rules? out|"
    r"postpone|INR|soreness|toxicit\w*|tolerated)\b",
    re.I,
)
BENEFIT = re.compile(
    r"\b(?:reduc\w*|lower\w*|improv\w*|effective\w*|helps?|helped|helping|eases?|eased|easing|"
    r"relie\w*|works?|worked|beats?|beat|outperform\w*|superior|better|prevent\w*|cut|cuts|"
    r"fewer|less|valuable|benefit\w*|treats?|treated|doubles?|lowers?|quit)\b",
    re.I,
)
REPLACE = re.compile(
    r"\b(?:replace\w*|instead of|no longer need\w*|no need for|stop (?:taking )?(?:your )?"
    r"(?:pain ?killers|medication|drugs)|without (?:pain ?killers|drugs|medication)|"
    r"rather than (?:pain ?killers|drugs|medication))\b",
    re.I,
)
EQUIVALENT = re.compile(r"\b(?:just )?as (?:well|good|effective(?:ly)?) as\b|\bequally\b", re.I)
ADDED = re.compile(r"\b(?:added to|adding|alongside|together with|combined with|on top of)\b", re.I)
NEGATION = re.compile(
    r"\b(?:not|no|never|neither|nor|without|failed|fails|didn't|doesn't|don't|isn't|wasn't|"
    r"no better|did not|does not)\b",
    re.I,
)
APPROX = re.compile(
    r"\b(?:about|around|roughly|approximately|approx|nearly|almost|some|close to|up to|~|"
    r"just under|just over|more than|over|under)\b",
    re.I,
)

POPULATIONS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "anticoagulant",
        re.compile(
            r"\b(?:blood[- ]thinn\w*|anticoagula\w*|warfarin|apixaban|rivaroxaban|dabigatran|"
            r"edoxaban|heparin|INR)\b",
            re.I,
        ),
    ),
    ("platelets", re.compile(r"\bplatelets?\b|thrombocytop\w*", re.I)),
    ("neutrophils", re.compile(r"\bneutrophil\w*|neutropeni\w*|white (?:blood )?cell", re.I)),
    ("pregnancy", re.compile(r"\bpregnan\w*|trimester", re.I)),
    ("device", re.compile(r"\bpacemakers?\b|\bICDs?\b|defibrillator|neurostimulator", re.I)),
    ("cancer", re.compile(r"\bcancer\b|oncology|chemotherapy", re.I)),
)

OUTCOMES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("opioid_use", re.compile(r"\bopioids?\b|morphine", re.I)),
    ("analgesic_use", re.compile(r"\banalgesic (?:use|therapy)|pain ?killers?|analgesics\b", re.I)),
    ("nausea_vomiting", re.compile(r"\bnausea|vomit\w*", re.I)),
    ("fatigue", re.compile(r"\bfatigue|tiredness", re.I)),
    ("xerostomia", re.compile(r"\bdry mouth|xerostomia", re.I)),
    ("hot_flashes", re.compile(r"\bhot fl\w+", re.I)),
    ("headache_frequency", re.compile(r"\bhow often|frequency|attacks?|headache days", re.I)),
    ("function", re.compile(r"\bfunction\w*|disabilit\w*|mobility", re.I)),
    ("quality_of_life", re.compile(r"\bquality of life", re.I)),
    ("anxiety", re.compile(r"\banxiety", re.I)),
    ("pain", re.compile(r"\bpain\w*|ache\w*|arthralgia|sore\w*", re.I)),
)

COMPARATORS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "sham",
        re.compile(
            r"\bsham\b|placebo|fake (?:acupuncture|needl\w*)|minimal acupuncture|simulated|"
            r"(?:real|true|verum) acupuncture",
            re.I,
        ),
    ),
    (
        "usual_care",
        re.compile(r"\busual care|standard care|conventional (?:care|therapy)|routine care", re.I),
    ),
    (
        "no_acupuncture",
        re.compile(r"\bno (?:acupuncture|treatment|additional treatment)|untreated", re.I),
    ),
    ("waitlist", re.compile(r"\bwait(?:ing)? ?list", re.I)),
    (
        "medication",
        re.compile(r"\bpain ?killers?|analgesics?|drugs|medication|NSAIDs?|ibuprofen", re.I),
    ),
)

INTERVENTIONS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("electro", re.compile(r"\belectro-?acupuncture|electrical stimulation", re.I)),
    ("auricular", re.compile(r"\bauricular|battlefield|ear acupuncture", re.I)),
    ("acupressure", re.compile(r"\bacupressure", re.I)),
    ("moxibustion", re.compile(r"\bmoxibustion|\bmoxa\b", re.I)),
)

EXTRA_CONDITIONS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "aromatase_inhibitor_arthralgia",
        re.compile(r"aromatase[- ]inhibitor|\bS1200\b|\bAIs?\b(?= related| joint)", re.I),
    ),
    (
        "chronic_musculoskeletal_pain_cancer_survivors",
        re.compile(r"cancer survivors|\bPEACE\b", re.I),
    ),
    ("hiv_neuropathy", re.compile(r"\bHIV\b", re.I)),
    ("xerostomia", re.compile(r"dry mouth", re.I)),
    ("postoperative_pain", re.compile(r"\b(?:around|after|before) surgery\b", re.I)),
    ("knee_osteoarthritis", re.compile(r"\bknee arthritis\b", re.I)),
    (
        "chemotherapy_induced_nausea_vomiting",
        re.compile(r"chemo\w* nausea|nausea[^.]{0,40}chemo", re.I),
    ),
)
"""Phrases the condition vocabulary misses in claims (language for the conditions' ids)."""

OUT_OF_SCOPE = re.compile(
    r"\b(?:IVF|infertil\w*|fertility|smok\w*|weight|appetite|insomnia|depression|sleep|"
    r"blood pressure|hypertension|colic|asthma|allerg\w*|addiction|stroke|tinnitus|"
    r"\d[\d,]* years|ancient|millions of|more than 100 conditions|COVID)\b",
    re.I,
)

_NUMBER_WORDS = {
    "one": 1.0,
    "two": 2.0,
    "three": 3.0,
    "four": 4.0,
    "five": 5.0,
    "six": 6.0,
    "seven": 7.0,
    "eight": 8.0,
    "nine": 9.0,
    "ten": 10.0,
    "twelve": 12.0,
    "twenty": 20.0,
    "half": 0.5,
}
_FRACTION = re.compile(
    r"\b(one|1|two|2|three|3) (?:patients? )?(?:in|out of) (?:every )?([\d,]+|ten|a hundred|"
    r"a thousand|hundred|thousand)\b",
    re.I,
)
_SUBJECTLESS = re.compile(
    r"^(?:also |then |even |can |may |will |often |usually )*(?:is|are|has|have|helps?|reduces?|"
    r"relieves?|eases?|improves?|strengthens?|boosts?|shrinks?|cures?|lowers?|prevents?|cuts?|"
    r"lasts?|works?|can|may|will|does|gives?|causes?|treats?|releases?|increases?)\b",
    re.I,
)
_ABOUT_CARE = re.compile(
    r"\b(?:side effects?|adverse|sessions?|treatments?|needl\w*|sham|guidelines?)\b", re.I
)
"""Words that make a sentence about acupuncture care even when it does not name acupuncture."""
_PHRASAL_BACK = re.compile(
    r"\b(?:comes?|came|coming|gets?|got|go|goes|went|bounces?|fight\w*|pay\w*) back\b|\bback (?:to|in|then)\b",
    re.I,
)
"""Uses of "back" that are not the back ("the pain never comes back")."""
_VERB = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|can|could|may|might|will|would|should|must|"
    r"does|do|did|\w+ed|reduces|improves|relieves|helps|works|shows|eases|lowers|covers|pays|"
    r"recommends|says|causes|releases|stimulates|modulates|involves|requires|occur|occurs)\b",
    re.I,
)
_PRONOUN_START = re.compile(r"^(?:it|they|this|these|its|their|that)\b", re.I)
_BACK_REFERENCE = re.compile(
    r"\b(?:it|this condition|that condition|the condition|this|them|the same condition)\b", re.I
)


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
    for m in _FRACTION.finditer(text):
        num = _NUMBER_WORDS.get(m.group(1).lower()) or float(m.group(1))
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
        r"(?<![\w.])[-−]?\d[\d,]*(?:\.\d+)?%?|\b(?:" + "|".join(_NUMBER_WORDS) + r")\b", text, re.I
    ):
        if any(a <= m.start() < b for a, b in taken):
            continue
        token = m.group(0)
        low = token.lower()
        if low in _NUMBER_WORDS:
            follow = text[m.end() : m.end() + 12].lower()
            if low == "one" and not re.match(r"\s+(?:point|moderate|patient|per|bleed)", follow):
                continue  # "one of the options", "one course": not a figure
            if low == "half" and not re.match(r"\s+(?:of|the)", follow):
                continue
            value = _NUMBER_WORDS[low]
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
    if not sentence.rstrip().endswith((".", "!", "”", '"', ")")) and not _VERB.search(sentence):
        return False  # a title ("Systematic review of acupuncture for cancer pain")
    has_figure = bool(figures(sentence))
    has_cue = bool(_CUE.search(sentence))
    return (has_figure or has_cue) and bool(DOMAIN.search(sentence))


def _about(index: Index, sentence: str) -> bool:
    q = index.understand(sentence)
    return (
        bool(q.conditions)
        or q.acupuncture_mentioned
        or bool(_found(BODIES, sentence))
        or bool(_found(POPULATIONS, sentence))
        or bool(_ABOUT_CARE.search(sentence))
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
        if not _SUBJECTLESS.match(tail) or len(tx.words(head)) < 3:
            continue
        subject = _subject(head)
        if not subject:
            continue
        rest = parts_of(f"{subject} {tail}")
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
    q = index.understand(_PHRASAL_BACK.sub(" again", sentence))
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
    refers_back = bool(_PRONOUN_START.match(stripped)) or bool(
        re.search(r"\balso\b", sentence, re.I)
    )
    if previous is not None:
        if body is None and other_body is None and refers_back and previous.body:
            body = previous.body
            inherited.append("body")
        if not conditions and _BACK_REFERENCE.search(sentence) and previous.conditions:
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
