"""Understanding a question: conditions, intervention variants, comparators, intents and scope.

Matching works on stemmed word sequences (:mod:`acupath.answer.text`). Each condition is known
by its id, name, synonyms, lay terms and ICD-10 codes (``data/conditions``); umbrella phrases
("chronic pain", "nerve pain") stand for several conditions (``data/answer/vocabulary.yaml``).
When two phrases overlap in the question the longer one wins, so "chemo nausea" names
chemotherapy-induced nausea and vomiting rather than every cancer symptom, and "how does
acupuncture work" asks for mechanisms, not efficacy.

A question is in scope when it is about acupuncture (or names a covered condition without
asking about another treatment). It is out of scope when it names no covered condition and
either names a topic outside acupath (infertility, smoking, the weather) or is not about
acupuncture at all. An acupuncture question about an unknown condition ("gout") is in scope
but names ``unknown_topic``: the honest answer is that the evidence base holds nothing on it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from acupath.answer import text as tx
from acupath.answer.parts import Part
from acupath.answer.vocabulary import INTENTS, Vocabulary, vocabulary
from acupath.evidence.schemas import Condition

_QUALIFIER_MAX_DF = 2
"""A word in the names of at most this many conditions can narrow an umbrella term."""
_ICD10 = re.compile(r"\b([A-Za-z]\d{2}(?:\.[0-9A-Za-z]{1,4})?)\b")


_CONJUNCTIONS = frozenset({"and", "or", "plus"})
_BODY_ITEM = (
    r"(?:(?:my|the|his|her)\s+)?(?:(?:lower|low|upper)\s+)?"
    r"(?:neck|back|shoulders?|knees?|hips?|hands?|wrists?|elbows?|ankles?|feet|foot|heels?|"
    r"jaw|arms?|legs?|chest|fingers?|toes?)"
)
_ITEM = re.compile(_BODY_ITEM)
_LIMB = re.compile(r"\b(?:hands?|feet|foot|arms?|legs?|fingers?|toes?|chest)$")
_LIST = re.compile(
    rf"(?<![a-z])(?P<items>{_BODY_ITEM}(?:\s*(?:,|\band\b|\bor\b|&|/)\s*(?:,?\s*(?:and|or)\s+)?"
    rf"{_BODY_ITEM})+)(?![a-z])(?:\s+(?P<head>pain|pains|ache|aches|aching|oa|osteoarthritis|"
    r"arthritis))?"
)
_SENTENCE = re.compile(r"[.;?!]")
_PAIN_WORDS = frozenset(
    {"pain", "pains", "hurt", "hurts", "hurting", "ache", "aches", "aching", "sore", "stiff",
     "arthritis", "oa", "osteoarthritis", "tight", "stiffness", "tightness"}
)  # fmt: skip
_PAIN_HEADS = frozenset({"pain", "ache", "aching"})
_ASKING_WORDS = frozenset(
    {"help", "helps", "use", "acupuncture", "needling", "needles", "treat", "work", "works"}
)  # fmt: skip
_BODY_PARTS = frozenset(
    [
        "neck",
        "back",
        "shoulder",
        "shoulders",
        "knee",
        "knees",
        "hip",
        "hips",
        "hand",
        "hands",
        "wrist",
        "wrists",
        "elbow",
        "elbows",
        "ankle",
        "ankles",
        "foot",
        "feet",
        "heel",
        "heels",
        "jaw",
        "head",
        "arm",
        "arms",
        "leg",
        "legs",
        "chest",
        "pelvic",
        "low",
        "lower",
        "upper",
    ]
)
"""Words that can share the head of a condition name with another body part."""

_SITE_WORDS = frozenset(_BODY_PARTS - {"low", "lower", "upper", "pelvic"}) | {
    "headache",
    "headaches",
}
"""Words that make an umbrella phrase a body-site complaint ("back pain", "neck", "knees"),
as against a disease or treatment ("cancer", "chemo", "after surgery", "neuropathy"). Joints
in general ("aching joints") are no site: beside a named condition they are its symptom
("letrozole ... aching joints" is aromatase-inhibitor arthralgia)."""
_SITE_PAIN = frozenset({"pain", "ache", "aching", "headache", "headaches"})
"""Words that make a body-site umbrella phrase a complaint by itself ("back pain")."""
_COMPLAINT = frozenset(
    tx.stem(w)
    for w in (
        "pain", "pains", "painful", "hurt", "hurts", "hurting", "ache", "aches", "aching",
        "achy", "sore", "soreness", "stiff", "stiffness", "tight", "tightness", "agony",
        "agonising", "agonizing", "killing", "spasm", "spasms", "twinge", "twinges", "tender",
        "throbbing", "strain", "strained", "sprain", "sprained", "injury", "injured", "pulled",
        "problem", "problems", "trouble", "playing", "bad", "niggle", "niggling", "locked",
        "seized", "cricked", "tweaked", "twisted",
    )
)  # fmt: skip
"""Words that make a bare body word a complaint ("my neck is stiff", "pain in the neck"), read
within :data:`_COMPLAINT_BEFORE` content words before it or :data:`_COMPLAINT_AFTER` after it in
its sentence. Clinic policy (wave 9): a body-site complaint said beside a named condition is a
condition of its own, so the screen's spinal red-flag rules see it; a body word with no
complaint near it ("lower back exercises", "radiotherapy to the neck") is none."""
_ASKED_FOR = frozenset({"help", "helps", "helping", "treat", "treats", "treating", "for", "ease"})
"""Words that ask for a body site to be treated ("help her back", "acupuncture for my neck"):
the site is then a complaint (clinic policy, wave 9, p9069)."""
_BEFORE_SITE = frozenset(
    {"my", "his", "her", "their", "your", "our", "the", "a", "low", "lower", "upper", "bad",
     "sore", "painful", "stiff"}
)  # fmt: skip
_NEGATIONS = frozenset({"no", "not", "without", "denies", "denied", "nil", "never"})
_POSSESSIVES = frozenset({"my", "his", "her", "their", "your", "our"})
_COMPLAINT_BEFORE = 2
_COMPLAINT_AFTER = 3
_SENTENCE_END = re.compile(r"[.;?!](?=\s|$)")


NOT_ABOUT_ACUPUNCTURE = "acupath answers questions about acupuncture for pain and cancer symptoms"
"""The scope note of a question that names neither acupuncture nor a topic outside acupath."""


@dataclass(frozen=True)
class Question:
    """What acupath understood of a question."""

    text: str
    conditions: tuple[str, ...] = ()
    matched_terms: tuple[str, ...] = ()
    broad: bool = False
    interventions: tuple[str, ...] = ()
    comparators: tuple[str, ...] = ()
    intents: tuple[str, ...] = ()
    acupuncture_mentioned: bool = False
    in_scope: bool = True
    scope_note: str | None = None
    unknown_topic: tuple[str, ...] = ()
    tokens: tuple[str, ...] = field(default=(), repr=False)
    parts: tuple[Any, ...] = ()
    """The parts needing content of their own (:class:`acupath.answer.parts.Part`), set by
    the parse step."""
    outcomes: tuple[str, ...] = ()
    named_sources: tuple[str, ...] = field(default=(), repr=False)
    """Sources the question names (a trial, a body, an author and year): their findings lead
    the bottom line (:mod:`acupath.answer.focus`); reported as ``sources_named``."""
    """Outcomes of the evidence records the question names ("migraine days" ->
    ``headache_frequency``; :mod:`acupath.answer.asked_words`), set by the parse step."""

    def as_dict(self) -> dict[str, object]:
        """The understanding as plain data, for the JSON answer."""
        return {
            "conditions": list(self.conditions),
            "matched_terms": list(self.matched_terms),
            "broad": self.broad,
            "interventions": list(self.interventions),
            "comparators": list(self.comparators),
            "intents": list(self.intents),
            "in_scope": self.in_scope,
            "scope_note": self.scope_note,
            "unknown_topic": list(self.unknown_topic),
            "parts": [p.as_dict() for p in self.parts],
            "outcomes": list(self.outcomes),
        }


@dataclass(frozen=True)
class _Match:
    start: int
    end: int
    label: str
    targets: tuple[str, ...]
    term: str
    covers: tuple[str, ...] = ()
    """An umbrella's conditions before :meth:`Understander._narrow` kept some of them."""


_WORD = re.compile(r"[a-z0-9]+(?:\.[0-9a-z]+)?")  # the words of tx.words, with their places


@dataclass(frozen=True)
class _Layout:
    """Where the content tokens of a question stand: each one's word index and sentence."""

    words: tuple[str, ...]
    """Every word (stop words too), folded."""
    word_of: tuple[int, ...]
    """Per content token, its index in ``words``."""
    sentence_of: tuple[int, ...]
    """Per content token, the number of sentence ends before it."""
    spans: tuple[tuple[int, int], ...] = ()
    """Per word, where it stands in ``folded``."""
    folded: str = ""

    @classmethod
    def of(cls, question: str) -> _Layout:
        folded = tx.fold(question)
        ends = [m.start() for m in _SENTENCE_END.finditer(folded)]
        words: list[str] = []
        word_of: list[int] = []
        sentence_of: list[int] = []
        spans: list[tuple[int, int]] = []
        for m in _WORD.finditer(folded):
            if m.group(0) not in tx.STOPWORDS:
                word_of.append(len(words))
                sentence_of.append(sum(1 for e in ends if e < m.start()))
            words.append(m.group(0))
            spans.append((m.start(), m.end()))
        return cls(tuple(words), tuple(word_of), tuple(sentence_of), tuple(spans), folded)

    def asked_for(self, start: int) -> bool:
        """Whether the words before content token ``start`` ask for it to be treated ("would
        acupuncture help her back", "acupuncture for the neck"), past a determiner and "low"."""
        if start < 0 or start >= len(self.word_of):
            return False
        i = self.word_of[start] - 1
        while i >= 0 and self.words[i] in _BEFORE_SITE:
            i -= 1
        return i >= 0 and self.words[i] in _ASKED_FOR

    def raw_before(self, start: int) -> str:
        """The word (stop words too) just before content token ``start``, or ""."""
        if start < 0 or start >= len(self.word_of) or self.word_of[start] == 0:
            return ""
        return self.words[self.word_of[start] - 1]

    def raw_after(self, last: int) -> str:
        """The word (stop words too) just after content token ``last``, or ""."""
        if last < 0 or last >= len(self.word_of) or self.word_of[last] + 1 >= len(self.words):
            return ""
        return self.words[self.word_of[last] + 1]

    def negated(self, start: int) -> bool:
        """Whether "no", "not", "without" or "denies" stands among the two words before content
        token ``start`` ("no back pain", "not had neck pain")."""
        if start < 0 or start >= len(self.word_of):
            return False
        i = self.word_of[start]
        return any(w in _NEGATIONS for w in self.words[max(0, i - 2) : i])

    def owned(self, start: int) -> bool:
        """Whether a possessive stands between content token ``start`` and the one before:
        "since my back went", "put my back out" say whose back, so the word before is no verb
        or time making "back" an adverb ("came back", "weeks back")."""
        if start <= 0 or start >= len(self.word_of):
            return False
        between = self.words[self.word_of[start - 1] + 1 : self.word_of[start]]
        return any(w in _POSSESSIVES for w in between)

    def blanked_before(self, start: int) -> bool:
        """Whether a blanked run (two spaces or more) stands just before content token
        ``start``."""
        if start <= 0 or start >= len(self.word_of) or not self.spans:
            return False
        i = self.word_of[start]
        return "  " in self.folded[self.spans[i - 1][1] : self.spans[i][0]]

    def enclosed(self, start: int, end: int) -> bool:
        """Whether content tokens ``[start, end)`` stand between two blanked runs of the text:
        the parse step blanks a patient's red flag but keeps the body words inside it ("since
        tripping on the kerb last week her low back is agony" leaves "back"), so a site word
        blanked round on both sides was said in a red flag's words."""
        if start < 0 or end > len(self.word_of) or not self.spans:
            return False
        first, last = self.word_of[start], self.word_of[end - 1]
        before = self.folded[self.spans[first - 1][1] if first else 0 : self.spans[first][0]]
        after_end = self.spans[last + 1][0] if last + 1 < len(self.spans) else len(self.folded)
        after = self.folded[self.spans[last][1] : after_end]
        return "  " in before and "  " in after

    def split(self, start: int, end: int, own: frozenset[str]) -> bool:
        """Whether content tokens ``[start, end)`` stand in different sentences or have "and"
        or "or" between them that the phrase (its words ``own``) does not hold: "breast cancer
        and a pain in the neck" is no cancer pain, "heavy periods and cramps" no period cramps;
        "nausea and vomiting" keeps its own "and"."""
        if end - start < 2 or end > len(self.word_of):
            return False
        if self.sentence_of[start] != self.sentence_of[end - 1]:
            return True
        between = self.words[self.word_of[start] + 1 : self.word_of[end - 1]]
        return any(w in ("and", "or") and w not in own for w in between)

    def near(self, start: int, end: int, wanted: frozenset[str]) -> bool:
        """Whether a content token in ``wanted`` stands within :data:`_COMPLAINT_BEFORE` tokens
        before ``[start, end)`` or :data:`_COMPLAINT_AFTER` after it, in its sentence."""
        if start < 0 or end > len(self.word_of):
            return False
        here = self.sentence_of[start]
        for i in [*range(max(0, start - _COMPLAINT_BEFORE), start),
                  *range(end, min(len(self.word_of), end + _COMPLAINT_AFTER))]:  # fmt: skip
            if self.sentence_of[i] == here and tx.stem(self.words[self.word_of[i]]) in wanted:
                return True
        return False


def _only_dated(phrase: str, question: str) -> bool:
    """Whether every ``phrase`` of the question is followed by "in <year>" ("finished chemo
    back in 2019"): the year half of ``not_before`` (Umbrella), checked on the text because
    years are gone from the content words by the time phrases are matched."""
    folded = question.lower()
    word = re.escape(phrase)
    every = re.findall(rf"\b{word}\b", folded)
    # the year may already be masked to spaces (dates are read elsewhere): "back in     ;"
    dated = re.findall(rf"\b{word}\s+in(?:\s+(?:19|20)\d\d\b|\s{{3,}}(?=[^\w\s]|$))", folded)
    return bool(every) and len(every) == len(dated)


class Understander:
    """Question understanding over one set of conditions; build once, call many times."""

    def __init__(self, conditions: Mapping[str, Condition], vocab: Vocabulary | None = None):
        self.vocab = vocab or vocabulary()
        self.conditions = dict(conditions)
        self._condition_phrases = self._build_condition_phrases()
        self._umbrella = self._build_umbrella()
        self._not_after = {
            u.phrase: frozenset(w for word in u.not_after for w in tx.tokens(word))
            for u in self.vocab.umbrella
        }
        # stop words of those lists, read as the word just before or after ("results are
        # back", "counts not back yet", "the back of my hand"; wave 9)
        self._not_after_raw = {
            u.phrase: frozenset(w for word in u.not_after for w in tx.words(word)) & tx.STOPWORDS
            for u in self.vocab.umbrella
        }
        self._not_before_raw = {
            u.phrase: frozenset(
                w for word in u.not_before for w in tx.words(word) if " " not in word
            )
            & tx.STOPWORDS
            for u in self.vocab.umbrella
        }
        self._not_before = {
            # content words only (stop words such as "in" and "then" are not in the content)
            u.phrase: tuple(t for t in (tuple(tx.tokens(w)) for w in u.not_before) if t)
            for u in self.vocab.umbrella
        }
        self._intent_phrases = _phrase_table(self.vocab.intents)
        self._intervention_phrases = _phrase_table(self.vocab.interventions)
        self._comparator_phrases = _phrase_table(self.vocab.comparators)
        self._acupuncture = tx.PhraseTable((_full_key(t), t) for t in self.vocab.acupuncture_terms)
        self._out_of_scope = tx.PhraseTable(
            (_full_key(t), t) for t in self.vocab.out_of_scope_terms
        )
        self._other_treatments = tx.PhraseTable(
            (_full_key(t), t) for t in self.vocab.other_treatment_terms
        )
        self._condition_table = tx.PhraseTable(
            (key, (cid, name)) for key, cid, name in self._condition_phrases
        )
        self._condition_by_key: dict[tuple[str, ...], tuple[str, str]] = {}
        self._condition_keys_by_name: dict[tuple[str, str], tuple[str, ...]] = {}
        for key, cid, name in self._condition_phrases:
            self._condition_by_key.setdefault(key, (cid, name))
            self._condition_keys_by_name.setdefault((cid, name), key)
        self._umbrella_table = tx.PhraseTable(
            (key, (phrase, targets)) for key, phrase, targets in self._umbrella
        )
        self._categorical = {u.phrase: bool(u.categories) for u in self.vocab.umbrella}
        self._unique = self._build_unique_words()
        self._holders_cache: dict[tuple[tuple[str, ...], str], tuple[str, ...]] = {}
        self._known_words = self._build_known_words()
        self._qualifiers = self._build_qualifiers()

    @property
    def known_words(self) -> frozenset[str]:
        """Every stemmed word of the vocabulary and the condition names."""
        return frozenset(self._known_words)

    @property
    def umbrella_table(self) -> tx.PhraseTable[tuple[str, tuple[str, ...]]]:
        """Umbrella words as token phrases -> (phrase, condition ids)."""
        return self._umbrella_table

    @property
    def condition_table(self) -> tx.PhraseTable[tuple[str, str]]:
        """Condition names, synonyms and lay terms as token phrases -> (id, name)."""
        return self._condition_table

    # -- construction -------------------------------------------------------------------------

    def _build_condition_phrases(self) -> list[tuple[tuple[str, ...], str, str]]:
        table: list[tuple[tuple[str, ...], str, str]] = []
        spellings = _spelling_pairs(
            n for c in self.conditions.values() for n in (c.name, *c.synonyms, *c.lay_terms)
        )
        for cid, cond in self.conditions.items():
            names = [cond.name, cid.replace("_", " "), *cond.synonyms, *cond.lay_terms]
            for name in names:
                # a hyphenated word is also written as one: "post-operative", "postoperative"
                joined = _HYPHEN.sub("", name)
                for form in dict.fromkeys([name, _respelt(name, spellings), joined]):
                    key = tx.phrase_key(form)
                    if key:
                        table.append((key, cid, name))
        return table

    def _build_umbrella(self) -> list[tuple[tuple[str, ...], str, tuple[str, ...]]]:
        table: list[tuple[tuple[str, ...], str, tuple[str, ...]]] = []
        # each condition's names folded once, not once per umbrella term
        folded = {
            cid: [tx.fold(n) for n in (c.name, *c.synonyms, *c.lay_terms)]
            for cid, c in self.conditions.items()
        }
        for umb in self.vocab.umbrella:
            if umb.categories:
                targets = tuple(
                    cid for cid, c in self.conditions.items() if c.category in umb.categories
                )
            else:
                whole = _whole_word(tx.fold(umb.word or ""))
                targets = tuple(
                    cid for cid, names in folded.items() if any(whole.search(n) for n in names)
                )
            key = tx.phrase_key(umb.phrase)
            if key and targets:
                table.append((key, umb.phrase, targets))
        return table

    def _build_known_words(self) -> set[str]:
        known: set[str] = set()
        lists: list[Iterable[str]] = [
            self.vocab.acupuncture_terms,
            self.vocab.generic_words,
            self.vocab.out_of_scope_terms,
            self.vocab.other_treatment_terms,
            [u.phrase for u in self.vocab.umbrella],
        ]
        for table in (self.vocab.intents, self.vocab.interventions, self.vocab.comparators):
            lists.extend(table.values())
        for items in lists:
            for phrase in items:
                known.update(tx.tokens(phrase, keep_stopwords=True))
        for key, _, _ in self._condition_phrases:
            known.update(key)
        # words that carry no topic ("patient", "wants", "yesterday") are never an unknown topic
        from acupath.answer.lexicon import names

        for word in names().filler:
            known.update(tx.tokens(word, keep_stopwords=True))
        return known

    def _build_qualifiers(self) -> dict[str, frozenset[str]]:
        """Per condition, the words of its names that few conditions share ("hiv", "diabetic",
        "chemotherapy"; not "pain", "chronic" or "cancer"): the words that can narrow an
        umbrella term to some of its conditions."""
        words = {
            cid: {w for n in (c.name, *c.synonyms, *c.lay_terms) for w in tx.tokens(n)}
            for cid, c in self.conditions.items()
        }
        df: dict[str, int] = defaultdict(int)
        for ws in words.values():
            for w in ws:
                df[w] += 1
        # words about the treatment ("needling", "sham") qualify no condition, though a lay term
        # may contain them ("pins and needles")
        treatment = {
            w
            for phrase in (
                *self.vocab.acupuncture_terms,
                *(p for ps in self.vocab.interventions.values() for p in ps),
                *(p for ps in self.vocab.comparators.values() for p in ps),
            )
            for w in tx.tokens(phrase)
        }
        # words of any pain ("ache", "sore") qualify no condition either: "my joints ache"
        # is joint pain, not the one condition whose lay term says "jaw ache"
        generic = {tx.stem(w) for w in ("ache", "aches", "aching", "sore", "hurt", "hurts")}
        # nor do the particles of a lay term ("threw my back out", "pain all over", "out of
        # breath"): "out of the teenage years ... back pain" is not acute back pain (wave 9)
        generic |= {"out", "up", "off", "down", "over", "all", "away", "on", "in"}
        return {
            cid: frozenset(
                w
                for w in ws
                if df[w] <= _QUALIFIER_MAX_DF and w not in treatment and w not in generic
            )
            for cid, ws in words.items()
        }

    def _build_unique_words(self) -> frozenset[str]:
        """The words of condition names that only one condition's names hold."""
        df: dict[str, int] = defaultdict(int)
        for c in self.conditions.values():
            for w in {w for n in (c.name, *c.synonyms, *c.lay_terms) for w in tx.tokens(n)}:
                df[w] += 1
        return frozenset(w for w, n in df.items() if n == 1)

    def _narrow(self, match: _Match, content: list[str]) -> _Match:
        """An umbrella term qualified by words naming some of its conditions keeps only those:
        "neuropathic pain in HIV" is HIV neuropathy, not every neuropathy acupath holds."""
        if match.label != "umbrella" or len(match.targets) < 2:
            return match
        outside = set(content[: match.start]) | set(content[match.end :])
        own = set(match.term.split())
        if own & _SITE_WORDS:
            # another body part narrows no site: "my neck and shoulders are so tight" is the
            # neck and the shoulders, not only the one condition naming both (wave 9, h6039)
            outside -= {tx.stem(w) for w in _SITE_WORDS} - {tx.stem(w) for w in own}
        hits = tuple(
            cid for cid in match.targets if self._qualifiers.get(cid, frozenset()) & outside
        )
        if hits and len(hits) < len(match.targets):
            return replace(match, targets=hits, covers=match.targets)
        return match

    # -- understanding ------------------------------------------------------------------------

    def __call__(self, question: str) -> Question:
        content = tx.tokens(question)
        full = tx.tokens(question, keep_stopwords=True)
        cond_matches = self._match_conditions(content, question)
        listed, unheld = self._listed(question)
        if listed:
            # a list names each of its items (F15/wave 5): "knee, hip and hand OA"
            cond_matches = [*cond_matches, *listed]
            named = {t for m in cond_matches if m.label != "umbrella" for t in m.targets}
            joined = self._joined(question, cond_matches)
            layout = _Layout.of(question)
            cond_matches = [m for m in cond_matches if self._kept_beside(m, named, joined, layout)]
        conditions = _unique(t for m in cond_matches for t in m.targets)
        broad = any(m.label == "umbrella" for m in cond_matches)
        intents = self._match_intents(full)
        interventions = _labels(_longest_first(_find(full, self._intervention_phrases)))
        comparators = _labels(_longest_first(_find(full, self._comparator_phrases)))
        acupuncture = bool(self._acupuncture.find(full)) or bool(interventions)
        out_terms = _unique(t for _, _, t in self._out_of_scope.find(full))
        other_tx = _unique(t for _, _, t in self._other_treatments.find(full))

        in_scope, note = True, None
        unknown: tuple[str, ...] = ()
        if conditions:
            if not acupuncture and other_tx:
                in_scope = False
                note = (
                    f"acupath answers questions about acupuncture; this asks about "
                    f"{', '.join(other_tx)}"
                )
        elif out_terms and not (acupuncture and "safety" in intents):
            # a question about acupuncture's own harms ("can it cause a stroke?") is in scope;
            # the out-of-scope topic is then a part the answer names (acupath.answer.parts)
            in_scope = False
            note = (
                f"acupath covers acupuncture for pain and cancer symptoms; "
                f"'{out_terms[0]}' is outside its evidence base"
            )
        elif not acupuncture:
            in_scope = False
            note = NOT_ABOUT_ACUPUNCTURE
        elif set(intents) <= {"efficacy", "effect_size"}:
            # "does acupuncture help gout?": a benefit question about something not covered;
            # for safety, mechanism or dose questions extra words are qualifiers, not topics
            unknown = tuple(w for w in _unique(content) if w not in self._known_words)
        if in_scope and not intents:
            intents = ("efficacy",) if conditions else ("overview",)
        if in_scope and not conditions and not unknown and intents == ("efficacy",):
            intents = ("overview",)
        return Question(
            text=question,
            conditions=conditions,
            matched_terms=tuple(m.term for m in cond_matches),
            broad=broad,
            interventions=interventions,
            comparators=comparators,
            intents=intents,
            acupuncture_mentioned=acupuncture,
            in_scope=in_scope,
            scope_note=note,
            unknown_topic=unknown,
            tokens=tuple(content),
            parts=tuple(Part(words, "condition") for words in unheld),
        )

    def _listed(self, question: str) -> tuple[list[_Match], list[str]]:
        """Body parts listed together ("knee, hip and hand OA", "my neck, shoulders and lower
        back hurt", "back, neck and jaw pain"): each item with the list's head word is read as
        a condition name, a condition's own phrase, an umbrella phrase or the one condition whose
        name holds the item; an item none of these finds is returned as not held ("ankle pain").
        A list without a head word is read only in a sentence about pain."""
        matches: list[_Match] = []
        unheld: list[str] = []
        folded = tx.fold(question)
        for sentence in _SENTENCE.split(folded):
            for m in _LIST.finditer(sentence):
                head = m.group("head") or ""
                if not head and not (set(tx.words(sentence)) & (_PAIN_WORDS | _ASKING_WORDS)):
                    continue
                items = [i.group(0) for i in _ITEM.finditer(m.group("items"))]
                if len(items) < 2:
                    continue
                if not head and all(_LIMB.search(i) for i in items):
                    # "my hands and feet are numb from chemo": limbs named as where a symptom
                    # is, not a list of joint or spine complaints
                    continue
                for item in items:
                    targets, term = self._resolve_item(item, head)
                    if targets:
                        matches.append(_Match(-1, -1, "condition", targets, term))
                    else:
                        unheld.append(f"{item} {head}".strip() if head else item)
        return matches, list(dict.fromkeys(unheld))

    def _resolve_item(self, item: str, head: str) -> tuple[tuple[str, ...], str]:
        """The conditions one listed body part names with the list's head word."""
        key = tuple(tx.tokens(item))
        if key and key[0] in ("my", "the", "his", "her"):
            key = key[1:]
        heads = [tuple(tx.tokens(head))] if head else []
        if not heads or heads[0][-1] in _PAIN_HEADS:
            heads.append(("pain",))
        for h in heads:
            hit = self._condition_by_key.get((*key, *h))
            if hit is not None:
                return (hit[0],), hit[1]
        umbrella = {k: (phrase, targets) for k, phrase, targets in self._umbrella}
        for k in [*((*key, *h) for h in heads), key]:
            if k in umbrella:
                return umbrella[k][1], umbrella[k][0]
        hit = self._condition_by_key.get(key)
        if hit is not None:
            return (hit[0],), hit[1]
        # the one condition whose name holds the body part (and the head, for "OA")
        word = _whole_word(tx.stem(tx.fold(item.split()[-1])))
        need = heads[0] if heads and heads[0][-1] not in _PAIN_HEADS else ()
        found = [
            cid
            for cid, c in self.conditions.items()
            if any(
                word.search(tx.fold(n)) and set(need) <= set(tx.tokens(n))
                for n in (c.name,)  # a synonym or lay term may name a narrower problem
            )
        ]
        if len(found) == 1:
            return (found[0],), item
        return (), ""

    def _coordinated(self, question: str, matches: Sequence[_Match]) -> list[_Match]:
        """Body parts sharing the head of a condition name: "neck and shoulder pain", "knee or
        hip arthritis", "neck, back and shoulder pain" name each part's condition when the part
        plus the head is itself a condition name. Only body-part words are read this way, so
        "cancer and back pain" does not become cancer pain."""
        words = tx.words(question)
        position: list[int | None] = []  # index in the content tokens, None for a stopword
        n = 0
        for w in words:
            position.append(None if w in tx.STOPWORDS else n)
            n += 0 if w in tx.STOPWORDS else 1
        out: list[_Match] = []
        for m in matches:
            if m.end - m.start < 2 or m.start not in position:
                continue
            head = self._condition_keys_by_name.get((m.targets[0], m.term))
            if head is None:
                continue
            j = position.index(m.start) - 1
            if j < 1 or words[j] not in _CONJUNCTIONS:
                continue
            i = j - 1
            while i >= 0 and position[i] is not None and words[i] in _BODY_PARTS:
                hit = self._condition_by_key.get((tx.stem(words[i]), *head[1:]))
                if hit is None:
                    break
                start = position[i]
                assert start is not None
                out.append(_Match(start, start + 1, "condition", (hit[0],), hit[1]))
                i -= 1  # a list before it ("neck, back and"): commas are not words
        return out

    def _joined(self, question: str, matches: Sequence[_Match]) -> list[_Match]:
        """Umbrella matches that follow "and"/"or" within three words ("knee OA and for low back
        pain", "neck pain or back pain"): a topic of their own, not a qualifier."""
        words = tx.words(question)
        where: dict[int, int] = {}  # content index -> word index
        n = 0
        for i, w in enumerate(words):
            if w not in tx.STOPWORDS:
                where[n] = i
                n += 1
        out = []
        for m in matches:
            if m.label != "umbrella" or m.start not in where:
                continue
            i = where[m.start]
            if any(words[j] in _CONJUNCTIONS for j in range(max(0, i - 3), i)):
                out.append(m)
        return out

    def _kept_beside(
        self, m: _Match, named: set[str], joined: Sequence[_Match], layout: _Layout
    ) -> bool:
        """Whether a match stays beside the conditions ``named`` elsewhere in the question.

        An umbrella stays only when none of the conditions it covers is named already ("the
        back pain ... chronic LBP" is chronic low back pain, not acute as well; "lymphoedema
        and cancer" is not every cancer symptom), and then when it is joined to a named one
        as another topic ("knee OA and for low back pain") or is a body-site complaint of its
        own ("takes Arava for his RA and has had low back pain", "lymphoedema ... the pain in
        the neck"; wave 9)."""
        if m.label != "umbrella":
            return True
        if named & set(m.covers or m.targets):
            return False
        if m in joined or self._site_complaint(m, layout):
            return True
        # a symptom of one condition asked to be treated ("CINV has settled but she wants
        # acupuncture for fatigue") is the question's topic; a disease or its treatment is not
        # ("for chemo"), nor a word of several ("for the neuropathy", "for joint pain": beside a
        # named condition, most often its own symptom)
        return (
            not self._categorical.get(m.term, False)
            and len(m.covers or m.targets) == 1
            and layout.asked_for(m.start)
        )

    def _holders(self, key: tuple[str, ...], cid: str) -> tuple[str, ...]:
        """The other conditions one of whose names holds ``key`` ("peripheral neuropathy" is in
        "HIV-related peripheral neuropathy" and "painful diabetic peripheral neuropathy")."""
        cached = self._holders_cache.get((key, cid))
        if cached is None:
            n = len(key)
            cached = tuple(
                dict.fromkeys(
                    other
                    for k, other, _ in self._condition_phrases
                    if other != cid
                    and len(k) > n
                    and any(k[i : i + n] == key for i in range(len(k) - n + 1))
                )
            )
            self._holders_cache[(key, cid)] = cached
        return cached

    def _qualified(self, m: _Match, content: list[str], found: Sequence[_Match]) -> _Match:
        """A condition phrase that another condition's fuller name holds, said with that
        condition's own words and none of its first condition's, names the other: "HIV+ ...
        painful peripheral neuropathy in both feet" is HIV neuropathy, not chemotherapy-induced
        neuropathy (whose synonym "peripheral neuropathy" is); "peripheral neuropathy after
        chemo" stays (wave 9, p9017). A condition named elsewhere in the question is its own
        topic and qualifies nothing ("headaches and migraines")."""
        if m.label != "condition" or len(m.targets) != 1 or m.start < 0:
            return m
        key = tuple(content[m.start : m.end])
        holders = self._holders(key, m.targets[0])
        if not holders:
            return m
        outside = (set(content[: m.start]) | set(content[m.end :])) - set(key)
        if self._qualifiers.get(m.targets[0], frozenset()) & outside:
            return m
        named = {t for o in found if o is not m for t in o.targets}
        if named & set(holders):
            return m  # "Headache ... episodic TTH": the fuller one is named already
        # only a word no other condition's names hold qualifies ("hiv", "diabetic",
        # "tension"; not "sick" of "sick headache" and "sick from chemo")
        hits = tuple(
            c for c in holders if self._qualifiers.get(c, frozenset()) & outside & self._unique
        )
        return replace(m, targets=hits) if hits else m

    def _population(self, group: Sequence[_Match]) -> bool:
        """Whether umbrella matches name a disease or its treatment, not a complaint: a phrase
        standing for categories of conditions that says no pain ("cancer", "chemo", "cancer
        survivors"; not "chronic pain" or "cancer pain")."""
        return all(
            self._categorical.get(m.term, False) and not set(m.term.split()) & _SITE_PAIN
            for m in group
        )

    @staticmethod
    def _site_complaint(m: _Match, layout: _Layout) -> bool:
        """Whether an umbrella match is a body-site complaint: a site phrase that says pain
        itself ("back pain", "headache") or a site word with a complaint word near it in its
        sentence ("my neck is really stiff", "pain in the neck"); see :data:`_COMPLAINT`."""
        words = set(m.term.split())
        if not words & _SITE_WORDS or layout.negated(m.start):
            return False
        if words & _SITE_PAIN:
            return True
        return (
            layout.near(m.start, m.end, _COMPLAINT)
            or layout.asked_for(m.start)
            or layout.enclosed(m.start, m.end)
        )

    def _followed_by(self, content: list[str], end: int, phrase: str, question: str) -> bool:
        """Whether a ``not_before`` phrase of ``phrase`` follows at ``end``, or every use of
        the phrase is followed by "in <year>" (wave 6)."""
        after = self._not_before.get(phrase, ())
        if not after:
            return False
        if any(tuple(content[end : end + len(t)]) == t for t in after):
            return True
        return _only_dated(phrase, question)

    def _match_conditions(self, content: list[str], question: str) -> list[_Match]:
        layout = _Layout.of(question)
        found: list[_Match] = []
        for start, key, (cid, name) in self._condition_table.find(content):
            if layout.split(start, start + len(key), _own_words(name)):
                continue  # "breast cancer and a pain in the neck": no cancer pain (wave 9)
            found.append(_Match(start, start + len(key), "condition", (cid,), name))
        found = [self._qualified(m, content, found) for m in found]
        found += self._coordinated(question, found)
        for start, key, (phrase, targets) in self._umbrella_table.find(content):
            # words blanked between (a patient fact the parse step took out) part them: "for
            # years, and after a [fall ...] back" is no "years back"
            if (
                start > 0
                and content[start - 1] in self._not_after.get(phrase, frozenset())
                and not layout.blanked_before(start)
                and not layout.owned(start)
            ):
                continue  # "the results came back", "went back to work": not a body part
            if self._followed_by(content, start + len(key), phrase, question):
                continue  # "chemo back in October", "back then": a time, not a body part
            if layout.raw_before(start) in self._not_after_raw.get(phrase, ()) or (
                layout.raw_after(start + len(key) - 1) in self._not_before_raw.get(phrase, ())
            ):
                continue  # "the results are back", "the back of my hand"
            if layout.split(start, start + len(key), _own_words(phrase)):
                continue
            found.append(_Match(start, start + len(key), "umbrella", targets, phrase))
        chosen = _longest_first(found)
        named = {t for m in chosen if m.label == "condition" for t in m.targets}
        if named:
            # a named condition is more precise than an umbrella word elsewhere in the question
            # ("lymphoedema after breast cancer" is about lymphoedema, not every cancer symptom),
            # unless the umbrella is joined to it as another topic ("... and for low back pain")
            # or is a body-site complaint of its own ("RA ... has had low back pain")
            joined = self._joined(question, chosen)
            chosen = [m for m in chosen if self._kept_beside(m, named, joined, layout)]
        chosen = [self._narrow(m, content) for m in chosen]
        groups = _overlapping(
            sorted((m for m in chosen if m.label == "umbrella"), key=lambda m: m.start)
        )
        if len(groups) > 1:
            # umbrella terms in different places qualify each other: "neuropathy after chemo" is
            # the conditions under both (chemotherapy-induced neuropathy), not all under either;
            # overlapping ones ("chronic pain management") are two readings of the same words
            sets = [{t for m in g for t in m.targets} for g in groups]
            both = set.intersection(*sets)
            if both:
                kept = [t for g in groups for m in g for t in m.targets if t in both]
                merged = replace(groups[0][0], targets=tuple(dict.fromkeys(kept)))
                chosen = [m for m in chosen if m.label != "umbrella"] + [merged]
            elif any(not any(self._categorical.get(m.term, False) for m in g) for g in groups):
                # a cancer or its treatment beside a complaint it does not qualify ("finished
                # chemo for bowel cancer and my lower back has been sore", "exhaustion in cancer
                # survivors") is the patient's history, not every cancer symptom (wave 9); a
                # category of pain beside it ("survivors with musculoskeletal pain") is no
                # complaint of one site or symptom, so both stay
                joined = self._joined(question, chosen)
                dropped = {
                    id(m)
                    for g in groups
                    if self._population(g) and not any(m in joined for m in g)
                    for m in g
                }
                chosen = [m for m in chosen if id(m) not in dropped]
        for code in _ICD10.findall(question):
            code = code.upper()
            hits = tuple(
                cid
                for cid, c in self.conditions.items()
                if any(k == code or k.startswith(code) or code.startswith(k) for k in c.icd10)
            )
            if hits:
                chosen.append(_Match(-1, -1, "icd10", hits, code))
        return chosen

    def _match_intents(self, full: list[str]) -> tuple[str, ...]:
        matches = _longest_first(_find(full, self._intent_phrases))
        found = {m.label for m in matches}
        return tuple(i for i in INTENTS if i in found)


_HYPHEN = re.compile(r"(?<=[A-Za-z])-(?=[A-Za-z])")
_DIGRAPH = re.compile(r"(?<=[a-z])(oe|ae)(?=[a-z])")


def _spelling_pairs(names: Iterable[str]) -> dict[str, str]:
    """British and American spellings of the words of condition names, each to the other:
    the "oe"/"ae" of a British word ("dysmenorrhoea", "oedema", "haematoma") is "e" in
    American spelling. A name given in one spelling is then found in the other as well."""
    pairs: dict[str, str] = {}
    for name in names:
        for word in re.findall(r"[a-z]+", name.lower()):
            american = _DIGRAPH.sub("e", word)
            if american != word:
                pairs[word] = american
                pairs.setdefault(american, word)
    return pairs


def _respelt(name: str, pairs: Mapping[str, str]) -> str:
    """``name`` with each word that has another spelling in ``pairs`` written in it."""
    return re.sub(r"[A-Za-z]+", lambda m: pairs.get(m.group(0).lower(), m.group(0)), name)


def _overlapping(matches: list[_Match]) -> list[list[_Match]]:
    """Matches sorted by start, grouped where their spans overlap."""
    groups: list[list[_Match]] = []
    for m in matches:
        if groups and m.start < max(g.end for g in groups[-1]):
            groups[-1].append(m)
        else:
            groups.append([m])
    return groups


def _own_words(phrase: str) -> frozenset[str]:
    """The folded words of a phrase, stop words too ("nausea and vomiting" holds "and")."""
    return frozenset(tx.words(phrase))


def _full_key(phrase: str) -> tuple[str, ...]:
    return tuple(tx.tokens(phrase, keep_stopwords=True))


def _phrase_table(table: Mapping[str, Sequence[str]]) -> tx.PhraseTable[str]:
    return tx.PhraseTable(
        (_full_key(phrase), label) for label, phrases in table.items() for phrase in phrases
    )


def _find(tokens: list[str], table: tx.PhraseTable[str]) -> list[_Match]:
    return [
        _Match(start, start + len(key), label, (label,), " ".join(key))
        for start, key, label in table.find(tokens)
    ]


def _longest_first(matches: list[_Match]) -> list[_Match]:
    """Keep the longest of overlapping matches (ties: all of them), in question order."""
    chosen: list[_Match] = []
    for m in sorted(matches, key=lambda m: (-(m.end - m.start), m.start)):
        overlaps = [c for c in chosen if m.start < c.end and c.start < m.end and c.start >= 0]
        if not overlaps or all((c.end - c.start) == (m.end - m.start) for c in overlaps):
            chosen.append(m)
    return sorted(chosen, key=lambda m: m.start)


def _labels(matches: list[_Match]) -> tuple[str, ...]:
    return _unique(m.label for m in matches)


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def understand(question: str, conditions: Mapping[str, Condition]) -> Question:
    """Understand one question against the given conditions (builds the tables each call)."""
    return Understander(conditions)(question)


_WORD_ENDINGS = ("", "s", "es", "y", "ies", "ic", "ical", "d", "ed")
"""What may follow an umbrella word inside a condition name's word: plurals and the adjective
and noun forms of a stem ("neuropath" -> "neuropathy", "neuropathic")."""


def _whole_word(word: str) -> re.Pattern[str]:
    """A pattern finding ``word`` as a whole word (or its stem with a plain ending) in a folded
    name: "hip" is in "hip osteoarthritis" and "hips", not in "survivorship" (probe F13)."""
    endings = "|".join(re.escape(e) for e in _WORD_ENDINGS)
    surgery = "|".join(_SURGERY)
    return re.compile(
        rf"(?<![a-z0-9]){re.escape(word)}(?:{endings})(?![a-z0-9])(?!\s+(?:{surgery})\b)"
    )


_SURGERY = ("replacement", "arthroplasty", "op", "operation", "surgery", "resurfacing")
"""Words after a body part that make it the site of an operation ("hip replacement" is a name of
postoperative pain, which is not a hip condition: "hip pain" does not select it)."""
