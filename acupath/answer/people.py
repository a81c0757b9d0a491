"""Who a question is about: the asker ("my knees hurt", "is it safe for me?") or another person
the asker writes about ("my mum is 81", "our son", "a friend of mine", "my patient").

The patient voice uses this to address the asker about that person ("What you told us about
your mother"; "Please get emergency help for her now") instead of as if the asker were the
patient. The rule, in order:

1. a first-person health cue anywhere ("I'm on warfarin", "I take", "my back", "for me")
   makes the asker the patient: people mention relatives in their own questions ("my mum says
   to try needles");
2. otherwise the first relation word owned by the asker ("my", "our", "a", "the"; or first in
   its sentence: "Dad's 90") names the person: mother, son, friend, patient...;
3. otherwise, a person described by a kind and an age ("91 y/o lady", "a 72 year old man",
   "elderly gentleman, 80"), when a pronoun follows from the kind or the question (wave 7);
   then, when the question's only person words are third-person pronouns that agree
   ("His knee went hot and swollen"), that person, named by the pronoun ("about him");
4. otherwise the asker.

The pronoun is the relation's own (a mother is "she") or, when the relation does not fix it
(a partner, a friend, a patient), the one the question's words give ("she has neck pain");
when those disagree or say nothing, a neutral "they". Relation words are data
(``people.relations`` in ``data/answer/patient.yaml``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from acupath.answer.audiences import NOT_FOR_ME
from acupath.answer.context import FIRST_PERSON as _FIRST_PERSON
from acupath.answer.context import (
    OTHER_PERSON,
    TOPIC,
    PatientContext,
)
from acupath.answer.lexicon import PatientWords, patient_words
from acupath.answer.named_one import named_relation
from acupath.answer.other_people import (
    FOR_ME_NOT_THEM,
    I_HAVE_NONE,
    asks_for_both,
    declared_relative,
    is_safety_fact,
)
from acupath.answer.supposed import SUPPOSED

_FORMS = {
    "you": ("you", "you", "your"),
    "she": ("she", "her", "her"),
    "he": ("he", "him", "his"),
    "they": ("they", "them", "their"),
}


@dataclass(frozen=True)
class Who:
    """The person an answer talks about, in the words the answer uses for them."""

    relation: str | None
    """``None`` for the asker; else the relation id (``mother``, ``patient``...)."""
    name: str
    """``you`` or how the asker is told about them (``your mother``)."""
    pronoun: str
    """``you``, ``she``, ``he`` or ``they``."""
    words: str = ""
    """The question's words that named the person."""
    object_name: str = ""
    """The name as an object ("about him") when it differs from ``name`` ("he")."""

    @property
    def is_asker(self) -> bool:
        return self.relation is None

    @property
    def subject(self) -> str:
        return _FORMS[self.pronoun][0]

    @property
    def object(self) -> str:
        return _FORMS[self.pronoun][1]

    @property
    def possessive(self) -> str:
        return _FORMS[self.pronoun][2]

    @property
    def about(self) -> str:
        """`` about your mother`` (empty for the asker), to follow "What you told us"."""
        return "" if self.is_asker else f" about {self.object_name or self.name}"


ASKER = Who(None, "you", "you")


class PeopleReader:
    """The rule of the module docstring over one lexicon; build once, call many times."""

    def __init__(self, words: PatientWords | None = None) -> None:
        people = (words or patient_words()).people
        by_word: dict[str, str] = {}
        for rel, entry in people.relations.items():
            for w in entry.words:
                by_word[" ".join(w.lower().split())] = rel
        self.relations = people.relations
        self.by_word = by_word
        words_alt = "|".join(
            re.escape(w).replace(r"\ ", r"\s+") for w in sorted(by_word, key=len, reverse=True)
        )
        self.declared = re.compile(_DECLARED.format(words=words_alt))
        owners = "|".join(re.escape(o) for o in people.owners)
        self.owned = re.compile(
            r"(?:\b(?:" + owners + r")\s+|(?:^|[.!?;]\s*))(?P<w>" + words_alt + r")(?=['’]?s?\b)"
        )
        # "my twin brother", "our little sister": a word before the relation (wave 12)
        self.owned_loose = re.compile(
            r"\b(?:my|our)\s+(?:[a-z]+\s+)?(?P<w>" + words_alt + r")(?=['’]?s?\b)"
        )
        # parents and grandparents are often named without "my" ("if mum were ever put on...")
        kin = [w for w, rel in by_word.items() if rel in _UNOWNED_KIN]
        self.kin = re.compile(
            r"\b(?:if|when|does|did|can|could|should|would|will|and|but|so)\s+(?P<w>"
            + "|".join(re.escape(w) for w in sorted(kin, key=len, reverse=True))
            + r")\b"
        )
        # a person named by a title ("Mrs A, 34", "Mr D (68)") is the clinician's patient
        self.titled = re.compile(
            r"\b(?:" + "|".join(re.escape(t) for t in people.titles) + r")\.?\s+[a-z]"
        )
        # an age owned by the asker ("my 6 yo", "our 15 year old") is their child, under 18
        # and with no relation word after it; "my 95 year old great-grandmother" is that
        # relation (probe 2 G11)
        self.owned_age = re.compile(r"\b(?:my|our)\s+(?P<n>\d{1,2})\s*(?:yo\b|y/o\b|yr|year|years)")
        # a person described by a kind and an age ("91 y/o lady in care home", "a 72 year old
        # man", "elderly gentleman, 80", "a woman of 45"): that person, not the asker (wave 7)
        kinds = "|".join(re.escape(w) for w in sorted(people.persons, key=len, reverse=True))
        age = r"\d{1,3}\s*(?:yo|y/o|y\.o\.|yrs?|years?)(?:\s+old)?"
        self.aged_person = re.compile(
            r"(?:\b" + age + r"\s+(?P<a>" + kinds + r")\b|\b(?P<b>" + kinds + r")\s*(?:,\s*|"
            r"\(|of\s+|aged\s+)\d{1,3}\b)"
        )
        # wave 14 (p11055): "Writing for my husband", "asking on behalf of my mum"
        self.on_behalf = re.compile(
            r"\b(?:writing|asking|enquiring|inquiring|messaging|emailing|typing|posting|"
            r"booking|texting|here|this\s+is)\s+(?:this\s+)?(?:for|on\s+behalf\s+of)\s+"
            r"(?:my|our)\s+(?:[a-z]+\s+)?(?P<w>" + words_alt + r")\b"
        )
        self.aged_relation = re.compile(
            r"\b(?:my|our|a|the)\s+\d{1,3}\s*(?:yo|y/o|yrs?|years?)(?:\s+old)?\s+(?P<w>"
            + words_alt
            + r")\b"
        )

    def __call__(self, question: str, context: PatientContext) -> Who:
        text = " ".join(question.lower().replace("-", " ").split())
        # "asking on behalf of my brother, not for me": the disclaimer is no first-person word
        # (wave 17; the answer had said "for you")
        declared = _declared_relative(text, self.declared)
        if declared is not None:
            # wave 17 (p12117, h14093): "not for me, for my daughter ... I have a pacemaker":
            # the asker says whom the question is for, whatever else they say of themselves
            return self._relation(declared, context)
        if FOR_ME_NOT_THEM.search(text):
            return ASKER  # wave 17 (h14095): "Asking for me, not her"
        named = None if asks_for_both(text) else named_relation(text)
        if named is not None:
            # wave 23 (h22085 "My mum's on warfarin ... It's my dad with the back pain who
            # wants acupuncture"): the one person named to treat, whoever else is written of
            entry = self.relations[named]
            return Who(named, entry.name, entry.pronoun or _pronoun_from(context), named)
        text = " ".join(NOT_FOR_ME.sub(" ", text).split())
        # wave 17 (h14099, h14031): where a relative lives ("she lives with me") and a message
        # quoted from the patient ("Portal msg from pt: 'my legs feel weaker'") are no health
        # of the asker's
        text = " ".join(_QUOTED_FROM.sub(" pt ", _LIVES_WITH_ME.sub(" ", text)).split())
        if (
            _FIRST_PERSON.search(text)
            or _BOTH.search(text)
            or _ME_WITH.search(text)
            or I_HAVE_NONE.search(text)
        ):
            return self._both(question, text, context) or self._on_behalf(text, context) or ASKER
        m = self.owned.search(text)
        if m is not None and _plural_group(text, m):
            m = None  # wave 9: "Patients on warfarin ...: what did the trial report?"
        m = m or self.aged_relation.search(text) or self.kin.search(text)
        if m is None:
            age = self.owned_age.search(text)
            if age is not None and int(age["n"]) < 18 and "child" in self.relations:
                entry = self.relations["child"]
                return Who("child", entry.name, entry.pronoun or _pronoun_from(context), age[0])
            person = self.aged_person.search(text)
            if person is not None:
                noun = person["a"] or person["b"]
                pronoun = _NOUN_PRONOUN.get(noun) or _pronoun_from(context)
                if pronoun != "they":
                    return Who(
                        "person", pronoun, pronoun, person[0], object_name=_FORMS[pronoun][1]
                    )
            if (
                self.titled.search(question.lower()) or _AGE_SEX_CODE.search(text)
            ) and "patient" in self.relations:
                entry = self.relations["patient"]
                return Who("patient", entry.name, _pronoun_from(context), "")
            who = _by_pronoun(context)
            if who.is_asker and _clinical_note(text, context) and "patient" in self.relations:
                entry = self.relations["patient"]
                return Who("patient", entry.name, _pronoun_from(context), "")
            return who
        rel = self.by_word[" ".join(m.group("w").split())]
        entry = self.relations[rel]
        pronoun = entry.pronoun or _pronoun_from(context)
        return Who(rel, entry.name, pronoun, m.group("w"))

    def _on_behalf(self, text: str, context: PatientContext) -> Who | None:
        """Written for a relative ("Writing for my husband who's sat next to me", "asking on
        behalf of my mum, she's with me"): the relative, when the asker's only first-person
        words say where they are ("next to me", "with me"), none of their own health (wave
        14, p11055). Else ``None``."""
        m = self.on_behalf.search(text)
        if m is None:
            return None
        rest = _WHERE_ME.sub(" ", text[: m.start()] + " " + text[m.end() :])
        if _FIRST_PERSON.search(rest) or _OWN.search(rest):
            return None
        return self._relation(m.group("w"), context)

    def _relation(self, word: str, context: PatientContext) -> Who:
        rel = self.by_word[" ".join(word.split())]
        entry = self.relations[rel]
        return Who(rel, entry.name, entry.pronoun or _pronoun_from(context), word)

    def _both(self, question: str, text: str, context: PatientContext) -> Who | None:
        """Asked for the asker and a relative together ("me and my twin brother ... He has
        haemophilia B. Can we both do acupuncture?"): the relative, when every safety fact
        stands in a sentence about them ("He has ...", "my brother is on ...") and none in
        one of the asker's (wave 12, p10110; clinic policy: the box is for the person the
        safety question turns on, the stricter screen). Else ``None``: the asker."""
        if not _BOTH.search(text):
            return None
        m = self.owned.search(text) or self.owned_loose.search(text)
        if m is None:
            return None
        word = m.group("w")
        # wave 14 (p11100): the question itself asks about the relative ("anything the
        # acupuncturist should know about HER?", "is it safe for him?") and not the asker
        asks = [x for x in re.split(r"(?<=[.!?])\s+", text) if x.endswith("?")] or [text]
        about = _ASKED_ABOUT.search(asks[-1])
        if about is not None and not _ASKER_WORD.search(asks[-1]):
            who = self._relation(word, context)
            said = "she" if (about["p"] or about["q"]) in ("her", "she") else "he"
            if self.relations[who.relation or ""].pronoun in (None, said):
                return who
        theirs = mine = 0
        for fact in context.mentions:
            if not is_safety_fact(fact):
                continue
            a = max(question.rfind(c, 0, fact.start) for c in ".!?;") + 1
            said = " ".join(question[a : fact.start].lower().split())
            subject = [x.lastgroup for x in _SUBJECT.finditer(said)]
            if subject and subject[-1] == "mine":
                mine += 1
            elif subject and subject[-1] == "theirs":
                theirs += 1
            else:
                return None
        if not theirs or mine:
            return None
        rel = self.by_word[" ".join(word.split())]
        entry = self.relations[rel]
        return Who(rel, entry.name, entry.pronoun or _pronoun_from(context), word)


_BOTH = re.compile(
    r"\b(?:we\s+both|both\s+of\s+us|we\s*(?:are|['’]re)\s+both|us\s+both|(?:me|i)\s+and\s+"
    r"(?:my|our)\b|(?:my|our)\s+[a-z]+(?:\s+[a-z]+)?\s+and\s+(?:i|me)\b)"
)
"""The asker asking for themselves and a relative together (wave 12)."""
_ASKED_ABOUT = re.compile(
    r"\b(?:about|for|with|to)\s+(?P<p>her|him)\b|\b(?:can|could|should|may|will|would)\s+"
    r"(?P<q>she|he)\b"
)
"""A question asked about a third person ("... know about her?", "is it safe for him?")."""
_ASKER_WORD = re.compile(r"\b(?:i|i['’]m|im|me|my|mine|myself|we|us|our)\b")
_WHERE_ME = re.compile(r"\b(?:next\s+to|beside|with|near|by|alongside|opposite)\s+me\b")
"""The asker's first-person words that say where they are, none of their health (wave 14)."""
_SUBJECT = re.compile(
    # wave 23 (h22081 "Me: 45, migraines. Him: 50, on Pradaxa"): a list's "Him:" label too
    r"\b(?P<theirs>he|she|they|his|her|their|him(?=\s*[:–-])|(?:my|our)\s+(?:[a-z]+\s+)?(?:brother|sister|"
    r"twin|husband|wife|partner|mum|mom|mother|dad|father|son|daughter|friend|gran|grandma|"
    r"grandad|grandpa|nan|uncle|aunt|cousin|boyfriend|girlfriend))\b|\b(?P<mine>i|i['’]m|im|"
    r"i['’]ve|ive|me|my|myself)\b"
)
"""Who a clause is about: the last subject word before a fact (wave 12)."""


def _plural_group(text: str, m: re.Match[str]) -> bool:
    """Whether a person word opening a sentence with no owner is a plural group ("Patients
    on warfarin", "Mothers who ..."), not one person ("Patient's knee", "Mum is 80")."""
    owned = re.match(r"[.!?;\s]*(?:my|our|his|her|their|your)\s", m.group(0))
    return owned is None and text[m.end("w") : m.end("w") + 1] == "s"


_AGE_SEX_CODE = re.compile(
    # wave 12 (h10094): a note's age-and-sex code opening a clause ("First: 45F", "68M, LBP",
    # "Referral: 72 M", "a 55F") is the clinician's patient, not the asker; wave 17 (p12118):
    # also after a list's index ("(1) 58M")
    r"(?:^|[.:;,()]\s*|\ba\s+)(?:1[6-9]|[2-9]\d|1[01]\d)\s?[mf]\b(?!\s*here\b)"
)

_ANY_FIRST_PERSON = re.compile(r"\b(?:i|i['’]m|im|i['’]ve|ive|i['’]d|i['’]ll|me|my|mine|myself)\b")
"""The asker's own singular words ("we", "us", "our" are often the clinic's: "with us")."""

_NOTE_VERB = re.compile(
    # a note's clause with its subject left out, the verb in the third person ("Wants
    # acupuncture", "Has a spinal cord stimulator", "injects heroin", "Now presents with")
    r"(?:^|[.!?;:,(]\s*|\b(?:and|now|but|also|still|currently)\s+)(?:wants|takes|presents|"
    r"reports|complains|describes|injects|attends|requests|declines|"
    # "has": not a question's "Has anyone tried ...", "Has acupuncture been shown ..."
    r"has(?!\s+(?:anyone|anybody|there|it|this|that|acupuncture|needling|research|been|the\s+"
    r"evidence)\b))\b"
)
_NOTE_SHORTHAND = re.compile(
    # clinicians' shorthand a lay asker rarely writes of themselves: pt, c/o, hx, ca (cancer),
    # RT, LBP, OA, COPD, DAPT, PCI, FBC, plts, neuts, CINV, CIPN, SCC, primip/multip, mets,
    # 72yo, +ve/-ve, "++", months and weeks as fractions (3/12, 6/52, 32/40), "x2d", spinal
    # levels (L5, L4/5, L4-S1, T12), "per neurology", units as a lab report writes them
    r"\b(?:pts?|c\s*/\s*o|o\s*/\s*e|hx|pmh|ca|rt|lbp|oa|copd|dapt|pci|fbc|cbc|plts?|neuts|wcc|"
    r"cinv|cipn|scc|primip|multip|mets|\d{1,3}\s?(?:yo|y/o))\b"
    r"|[+-]ve\b|\+\+|\b\d{1,2}\s*/\s*(?:12|52|40)\b|\bx\s?\d+\s?[dw]\b"
    r"|\b[ctls][1-9]\d?(?:\s*/\s*\d|\s*-\s*[ctls]?\d)?\b"
    r"|\bper\s+(?:neurology|oncology|cardiology|haematology|hematology|rheumatology|gp|ortho)\b"
    # a count with its units written out as a lab report does ("150 cells/mm3")
    r"|\bcells\s*/\s*(?:mm3|mm\^3|µl|ul|microlit\w*)"
)


def _clinical_note(text: str, context: PatientContext) -> bool:
    """A note about someone else (wave 17, 19 questions of probe 12 and 9 of part 14 were
    answered "What you told us" as if about the asker): no first-person word of the asker's
    at all, a person described, and the note's form: a subjectless verb in the third person,
    clinical shorthand or a lab value given bare ("Plts 75", "Neutrophils 0.8")."""
    if _ANY_FIRST_PERSON.search(text) or _GENERAL.search(text) or _WE_PLAN.search(text):
        return False
    verb = _NOTE_VERB.search(text)
    facts = [m for m in context.mentions if m.kind != "sex" and m.status != TOPIC]
    # a note whose facts are all denied or past ("Lumbar fusion L4-S1 in 2018, no
    # instability. Chronic LBP. Acupuncture?") still describes its patient
    story = _HISTORY_NOTE.search(text) or _STORY_TIME.search(text) or _YEAR.search(text)
    if not (facts or verb or (_BARE_ASK.search(text) and story)):
        return False
    return bool(
        verb
        or _NOTE_SHORTHAND.search(text)
        or any(m.kind == "lab" and m.current for m in context.mentions)
    )


_YEAR = re.compile(r"\b(?:19[5-9]\d|20[0-4]\d)\b")
_WE_PLAN = re.compile(
    # "so we'll use it in our CIPN clinic": the team's plan, a policy question, no patient
    r"\bwe(?:['’]ll|['’]re|['’]ve|['’]d)?\s+(?:(?:will|would|should|could|can|might|plan\s+to|"
    r"want\s+to|are\s+going\s+to)\s+)?(?:use|offer|run|start|introduce|adopt|recommend|set\s+up)\b"
)


_ME_WITH = re.compile(
    # "I'm her 63 year old dad with a sore shoulder": the asker's own complaint (wave 17, a
    # cue that "staying with me" had stood in for)
    r"\b(?:i\s*(?:am|['’]?m)|im)\s+(?:her|his|their)\s+[^.;?!]{0,40}?\bwith\s+(?:a|an|my|bad|"
    r"sore|chronic|painful|stiff)\b"
)
_LIVES_WITH_ME = re.compile(
    r"\b(?:lives|living|live|stays|staying|stay|is\s+staying|moved\s+in)\s+(?:here\s+)?with\s+me\b"
)
_QUOTED_FROM = re.compile(
    # a message quoted from the patient: the quotation after "from pt:", "pt says", "patient
    # wrote:" is the patient's first person, not the asker's
    r"\b(?:pts?|patient|client)\s*(?:says|said|writes|wrote|reports|reported|texted|emailed|"
    r"asks|asked)?\s*:?\s*['‘\"“].{3,}?['’\"”](?![a-z])"
)
_DECLARED = r"(?:my|our)\s+(?:[a-z]+\s+)?(?P<w>{words})\b"
"""A relative owned by the asker ("my daughter", "our little boy"), whom a disclaimer may name."""


def _declared_relative(text: str, kin: re.Pattern[str]) -> str | None:
    """The relation word of the relative the asker says the question is for, next to their
    disclaimer ("not for me, for my daughter"; :func:`.other_people.declared_relative`, the one
    reading of these words); else ``None``."""
    m = declared_relative(text, kin)
    return m.group("w") if m is not None else None


_NOUN_PRONOUN = {
    "lady": "she",
    "woman": "she",
    "girl": "she",
    "lass": "she",
    "female": "she",
    "widow": "she",
    "man": "he",
    "gentleman": "he",
    "gent": "he",
    "boy": "he",
    "lad": "he",
    "male": "he",
    "widower": "he",
}
"""The pronoun a person word fixes; other person words ("runner", "patient") take the
question's own pronouns."""


_UNOWNED_KIN = frozenset({"mother", "father", "grandmother", "grandfather"})
"""Relations often named without an owner ("mum", "dad", "nan", "grandad")."""


_PRONOUNS = {"she", "her", "hers", "herself", "he", "him", "his", "himself"}


def _by_pronoun(context: PatientContext) -> Who:
    """Rule 3: a third person named only by pronouns that agree on one sex."""
    sex = [m for m in context.mentions if m.kind == "sex"]
    if not sex or any(m.words.lower() not in _PRONOUNS for m in sex):
        return ASKER
    pronoun = _pronoun_from(context)
    if pronoun == "they":
        return ASKER
    return Who("person", pronoun, pronoun, sex[0].words, object_name=_FORMS[pronoun][1])


def _pronoun_from(context: PatientContext) -> str:
    """``she``/``he`` when the question's sex words agree on one; else ``they``."""
    sexes = {m.value for m in context.mentions if m.kind == "sex"}
    if sexes == {"female"}:
        return "she"
    if sexes == {"male"}:
        return "he"
    return "they"


@functools.cache
def reader() -> PeopleReader:
    """The reader over the bundled lexicon (built once per process)."""
    return PeopleReader()


def who_is_asked_about(question: str, context: PatientContext) -> Who:
    """The person ``question`` is about (see the module docstring)."""
    return reader()(question, context)


# --- wave 8: is a particular person described at all? -------------------------------------

_GENERAL = re.compile(
    r"\b(?:general(?:ly)?|in general|in theory|theoretically|hypothetical(?:ly)?|"
    r"polic(?:y|ies)|protocols?|exclusion (?:list|criteria)|audit|leaflets?|handouts?|"
    r"teaching|lecture|essay|assignment|journal club|course work|"
    # a student's exam, not a clinical one ("normal exam", "on exam", "exam normal"; wave 9)
    r"(?<!normal )(?<!on )(?<!clinical )(?<!physical )(?<!neuro )exam(?!\s+(?:normal|"
    r"unremarkable|nad|findings|was|is|showed|shows))|"
    r"no particular patient|not (?:about |for )?a (?:particular |specific |real )?"
    r"(?:patient|person|case)|asking for (?:a|my) (?:friend|colleague|relative|neighbou?r)|"
    r"for a friend)\b"
)
"""Words that make a question general: about no particular person (wave 8)."""

_NOT_HEALTH_FIRST_PERSON = re.compile(
    r"^(?:i\s+(?:have|had|get|got)\s+(?:a|an|one|two|some|few|a few|another)\s+"
    r"(?:question|query|queries|questions|request|thought|idea|essay|assignment|patient|client)"
    r"|i\s*(?:have|['’]?ve)\s+(?:been\s+)?(?:read|reading|heard|hearing|seen|seeing|asked|told|"
    r"wondering|looking|researching|studying|writing|tasked|given)"
    r"|i\s+(?:have|had|get|got)\s+to\b"
    r"|i\s+(?:get|got)\s+asked"
    r"|(?:give|gives|help|to)\s+me\s+(?:a|an|the|some|any|more|what|which|how|understand|"
    r"find|write|decide|choose|explain|summari[sz]e|with\s+(?:a|an|the|my\s+(?:essay|"
    r"assignment|homework|audit|leaflet|talk|presentation))))"
)
"""First-person words that say nothing of the asker's health ("I have a question", "help me
understand the evidence", "I've been reading about ..."): no person described (wave 8)."""

_PARTICULAR = re.compile(
    r"\b(?:(?:my|this|our)\s+(?:patient|client|pt)(?!s)\b|a\s+(?:patient|client)\s+of\s+mine|"
    r"i\s+(?:have|saw|see|am\s+seeing|['’]m\s+seeing|treat|am\s+treating)\s+a\s+(?:patient|client)"
    r"(?!s)\b|\bpt\b|\bc\s*/\s*o\b|\bo\s*/\s*e\b|\bhx\b)"
)
"""A clinician's particular patient ("my patient", "this patient", a note's "pt", "c/o")."""

_HISTORY_NOTE = re.compile(
    r"(?:^|[.!?;]\s*)(?:had|has|have|having|been|got|diagnosed|known|previously|recently|"
    r"currently|just|otherwise|now)\b"
)
"""A note's sentence with its subject left out ("Had surgery 4 years ago.", "Just ordinary
back stiffness."): a particular person, when the question asks whether they may be needled."""

_PERSON_PRONOUN = re.compile(r"\b(?:she|she's|shes|he|he's|hes|him)\b")


def first_person_health(text: str) -> bool:
    """Whether the asker speaks of their own health ("I have knee arthritis", "for me"),
    not only of themselves as a reader ("I have a question", "help me understand")."""
    if _OWN.search(text) or _OWN_STATE.search(text):
        return True
    return any(
        not _NOT_HEALTH_FIRST_PERSON.match(text[m.start() :])
        # "not for me, just curious": the asker says the question is not about them
        and not re.search(r"\b(?:not|isn't|isnt|nothing)\s+(?:just\s+)?$", text[: m.start()])
        for m in _FIRST_PERSON.finditer(text)
    )


_OWN_STATE = re.compile(
    # wave 17 (p12115, h14089): the asker's own state or device ("Im allergic to nickel", "my
    # hearing aid comes out") and their own treatment ("does that stop me having acupuncture")
    r"\b(?:i\s*(?:am|['’]?m)|im)\s+(?:allergic|diabetic|asthmatic|epileptic|anaemic|anemic|deaf|"
    r"a\s+smoker|a\s+diabetic|an\s+epileptic)\b"
    r"|\bmy\s+(?:[a-z]+\s+)?(?:hearing\s+aid|implants?|pacemaker|stents?|shunt|pump|port|device|"
    r"valve|coil|brace|splint)\b"
    r"|\bme\s+(?:from\s+)?(?:having|getting|trying|starting|doing)\s+(?:acupuncture|needles|"
    r"needling|dry\s+needling|it|treatment|sessions?)\b"
)
_OWN = re.compile(r"\bmy\s+own\s+(?!question|view|interest|curiosity|research|work)")
"""The asker's own complaint set against someone else's ("asking for my own knee")."""


def describes_person(question: str, context: PatientContext, conditions: bool = False) -> bool:
    """Whether ``question`` describes a particular person, even one of whom it says nothing
    that changes the screen (wave 8): the asker speaking of their own health, a clinician's
    particular patient, a relative or a person with an age, a third person named by "she"
    or "he", or a note's subjectless sentence beside a suitability question. A question
    marked general (policy, teaching, an audit, "asking in general", "hypothetically") is
    about a particular person only when the asker's own health or a particular patient
    stands in it ("general question, I have it but no other issues"). ``conditions``: the
    question names a condition (a note's sentence alone is not enough without one)."""
    if context.describes_patient:
        return True
    text = " ".join(question.lower().replace("’", "'").split())
    if first_person_health(text) or _PARTICULAR.search(text):
        return True
    if _GENERAL.search(text):
        return False
    who = reader()(question, context)
    if not who.is_asker:
        return True
    if _PERSON_PRONOUN.search(text) and conditions:
        return True
    if conditions and _OWN_COURSE.search(text):
        return True  # wave 15 (h12134): "how many do I need until I'm cured?"
    if conditions and _PERSON_NOTE.search(text):
        return True  # wave 9: "Otherwise fit.", "Takes sumatriptan PRN", "I'm trying to lose"
    if conditions and (
        _CASE_NOTE.search(text) or (_own_cancer(context) and not _CANCER_GROUP.search(text))
    ):
        # wave 21: "CLL, watch and wait, now low back pain. Acupuncture?", "Skin: seborrhoeic
        # keratosis ... Dx chronic neck pain. Any reason to avoid?": a cancer that is nobody
        # else's and no population's, or a note's heading, beside a complaint and a question
        # whether to needle, is a particular person's (clinic policy: a cancer with back pain is
        # the screen's history_of_cancer red flag, so such a note must be screened)
        from acupath.answer.asked_words import asks_suitability

        if _ASKS_IF_SAFE.search(text) or _BARE_ASK.search(text) or asks_suitability(question):
            return True
    if conditions and (_HISTORY_NOTE.search(text) or _STORY_TIME.search(text)):
        from acupath.answer.asked_words import asks_suitability

        return bool(_ASKS_IF_SAFE.search(text) or _BARE_ASK.search(text)) or asks_suitability(
            question
        )
    return False


_CASE_NOTE = re.compile(
    r"\b(?:dx|pmh|pmhx|hpc|hx of|known|diagnosed|diagnosis)\b|(?:^|[.!?;]\s*)(?:skin|meds|"
    r"medications|drugs|bloods|pmh|history|background|diagnosis|plan|obs)\s*:"
)
"""A case note's words: "Dx", "PMH", "known", a heading such as "Skin:" or "Meds:" (wave 21)."""


_CANCER_GROUP = re.compile(
    r"\b(?:cancer|oncology|leuka?emia|lymphoma|myeloma|tumou?r)\s+(?:patients|survivors|"
    r"populations?|sufferers|care|services?|units?|centres?|centers?|wards?|clinics?)\b"
    r"|\b(?:people|patients|women|men|those|survivors|anyone|adults|children|individuals)\s+"
    r"(?:who\s+(?:have|had|are|were)|with|after|living with|treated for|undergoing|having)\b"
)
"""A cancer named of a group ("cancer patients", "people who had breast cancer"): no one person."""


def _own_cancer(context: PatientContext) -> bool:
    """Whether a cancer named in the question stands as someone's, not a population's or a
    topic's ("cancer patients"), another person's, a supposed or a denied one."""
    return any(
        m.kind == "cancer" and not m.negated and m.status not in (TOPIC, OTHER_PERSON, SUPPOSED)
        for m in context.mentions
    )


_OWN_COURSE = re.compile(
    r"\b(?:how\s+(?:many|much|often|long)\s+(?:\w+\s+){0,3}?(?:do|will|would|should|must|can)"
    r"\s+i\s+(?:need|have|get|go|book|take|do|expect|come)"
    r"|until\s+(?:i\s*(?:am|['’]?m|feel|get)|im)\s+(?:\w+\s+)?(?:cured|better|well|fixed|healed|"
    r"pain\s*free|better)"
    r"|will\s+i\s+be\s+(?:cured|better|well|fixed|healed|pain\s*free))\b"
)
"""The asker asking for their own course ("how many sessions do I need", "until I'm cured",
"will I be cured"), a condition named: a particular person (wave 15, h12134; clinic policy:
a course is planned for a person, who is screened)."""

_BODY_SUBJECT = (
    r"(?:back|lower back|neck|knee|knees|shoulder|shoulders|hip|hips|head|leg|legs|arm|arms|"
    r"foot|feet|heel|wrist|wrists|elbow|ankle|ankles|jaw|hand|hands|pain)"
)
_PERSON_NOTE = re.compile(
    r"\b(?:otherwise (?:fit|well|healthy)|fit and well|generally (?:fit|well|healthy)|"
    # "no other history" (p9102), "nil else", "no other medical problems"
    r"no (?:other|further|relevant|significant|past) (?:medical )?(?:history|pmh|problems|"
    r"conditions|issues)|nil else|no pmh|pmh nil|otherwise nil)\b"
    r"|(?:^|[.!?;]\s*)(?:takes|taking|uses|using)\s+[a-z]+"
    r"|\b\d+(?:\.\d+)?\s*(?:mg|mcg|micrograms?|g)\s+(?:daily|od|bd|tds|qds|nocte|once|twice|"
    r"at night|a day|per day|weekly)\b"
    r"|\bi\s*(?:am|['’]?m)\s+(?:trying to (?:lose|gain|get|conceive|quit|stop|cut)|losing|"
    r"recovering|struggling|suffering|in (?:a lot of )?pain|overweight)\b"
)
"""Words only said of a particular person (wave 9): a note's "Otherwise fit", a subjectless
"Takes sumatriptan PRN", a dose taken daily, the asker's own state ("I'm trying to lose
weight"). With a condition named, the question is about that person, whatever it asks."""

_STORY_TIME = re.compile(
    r"\b(?:last (?:week|month|year|night|weekend|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)|yesterday|this (?:morning|week)|\d+\s*(?:days?|weeks?|wks?|months?|"
    r"years?|yrs?)\s+ago)\b"
    r"|(?:^|[.!?;]\s*)" + _BODY_SUBJECT + r"\s+(?:has|have|is|are|was|were|keeps|still|"
    # wave 17 (p12095): "Knees feel better but still achy"
    r"['’]s|hurts|aches|feel|feels|felt)\b"
)
"""A moment of one person's story ("a shunt last month", "Back has been sore for a year"):
like a note's subjectless sentence, a particular person when needling is asked about."""

_BARE_ASK = re.compile(
    r"(?:^|[.!?;]\s*)(?:(?:and|so)\s+)?(?:acupuncture|needling|dry needling|needles)"
    r"(?:\s+(?:ok|okay|now|then|suitable|appropriate|reasonable|safe|possible))?\s*\?\s*$"
)
"""A note's last sentence asking only "Acupuncture?" of the person it has described."""


_ASKS_IF_SAFE = re.compile(
    r"\b(?:is|are)\s+(?:acupuncture|needling|it|this|needles?|that)\s+(?:still\s+)?(?:ok|okay|safe|"
    r"alright|all right|fine|suitable|advisable|appropriate|a good idea)\b"
)
"""A question whether needling is safe or all right ("Is acupuncture OK?")."""
