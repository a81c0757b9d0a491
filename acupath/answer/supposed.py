"""Facts the question only supposes, facts said to be someone else's, and facts of a question
marked general (issue 10, wave 8).

Three readings, each setting a mention's status so that it is shown and never screened:

1. *Supposed* (status ``supposed``): a fact inside a supposition ("if he were on
   dabigatran", "if I ever get pregnant", "what if I had a pacemaker", "once I'm pregnant")
   when the question states the present plainly beside it: a denial of the same kind of fact
   ("At present no anticoagulant", "not pregnant now", "no numbness") or words that say the
   supposed fact is not the case ("i dont have one", "for now she only takes paracetamol",
   "just planning ahead"). The box then screens the patient as they are and says that the
   supposed fact was not screened. A supposition alone ("If she were on warfarin, would
   acupuncture still be reasonable?", "If I got pregnant during a course, would it stop?")
   stays applied: the question asks about that case, and the screen's caution answers it.
2. *Someone else's* (status ``other_person``): "the pacemaker was my dad's, not mine".
3. *Topic* (status ``topic``): a fact named as a group in a research question that
   describes no particular person ("patients treated with acupuncture during pregnancy ... in
   the review", "the bleeding rate in anticoagulated patients", "how often do people with
   pacemakers ... in the studies"); and every fact of a question marked general ("general
   question for our clinic's exclusion list", "hypothetically ... trying to write our
   policy", "policy question") that describes no particular person (no asker's own health,
   no "my patient", "this patient", a note's "pt", no "she"/"he"). A general question with
   the asker's own health ("general question, I have it") or a particular patient keeps its
   facts.

4. *A lay class word named by its example* ("blood thinners like Plavix") is read by
   :mod:`.class_apposition` before this module runs.

Wave 9: a supposition set aside is also answered as asked. :func:`supposed_groups` gathers
each supposition (a supposed fact, a supposed red flag, a planned medicine, a supposed lab
value beside the real one), :func:`with_supposition` takes it as true, and
:func:`acupath.answer.safety.supposed_cases` runs the same screen on that second intake;
:func:`difference` says in one or two sentences what it would decide. The real decision never
takes the supposed fact. "were she to", "should she (ever) become/need/start" open a
supposition; a planned fact of the same kind, "takes only X", "for now it's just X" and "For
now, ..." state the present beside it; a relative's fact is another person's when the asker
says they are the patient ("My mother has a pacemaker ... I'm the one with the migraines");
a question about what a named study reported is asked of its trial population.

Why: clinic policy on reading questions (safety first): a fact is set aside only when the
question's own words say it is not the patient's present state; nothing here is evidence.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import Any

from acupath.answer.audiences import for_an_audience
from acupath.answer.study_questions import (
    POPULATION_KINDS,
    caused_conditions,
    no_one_described,
    workplace,
)
from acupath.answer.text import sentence_around

SUPPOSED = "supposed"
"""The status of a fact the question only supposes (see the module docstring)."""

# a fact of a study population may also be supposed, and so may a week count or a fear of needles
_KINDS = POPULATION_KINDS | {"weeks", "needle_phobia"}
"""Kinds of fact that may be supposed (a sex or an age is the person's, never supposed)."""

_OPENER = re.compile(
    r"\b(?:what if|if|suppose|supposing|imagine|in case|once|when(?=\s+\w+\s+(?:get|gets|"
    r"become|becomes|go|goes|start|starts|end up|ends up))|after(?=\s+\w+\s+(?:get|gets|"
    r"become|becomes))"
    # wave 9: "were she to start apixaban", "should she become pregnant" (an inverted "if")
    r"|were\s+(?:she|he|they|i|you|the patient)\s+to"
    r"|should\s+(?:she|he|they|i|you|the patient)(?=\s+(?:ever\s+)?(?:become|get|start|begin|"
    r"develop|need|go on|be put on|fall|end up)\b))\b"
)
"""Where a supposition opens ("if", "what if", "once"; "when/after ... get/become ...")."""

_PRESENT_DENIAL = re.compile(
    r"\b(?:(?:i|he|she|they|we)\s+(?:do|does|did)\s*(?:n['’]?t|not)\s+(?:have|take|use)\s+"
    r"(?:one|it|that|them|any|those)\b"
    r"|(?:for now|at present|currently|right now|at the moment|as of now)\b[^.?!;]{0,40}?"
    r"\b(?:only|none|nothing|never|just)\b"
    # "Should she ever need chemo again ...? For now, planning R shoulder acupuncture" (p9090)
    r"|(?:for now|as of now|at present)\s*,"
    r"|\b(?:on|take|taking)\s+(?:nothing|none)\b"
    # wave 9: "takes only paracetamol", "only takes paracetamol" (p9084)
    r"|\b(?:takes?|taking|on|uses?|using)\s+only\b|\bonly\s+(?:takes?|taking|on|uses?)\b"
    r"|(?:i['’]?m|im|i am)\s+not(?:\s+on\s+(?:it|them|one|any|those))?(?:\s+myself)?\s*[,.;!?]"
    r"|just (?:planning|thinking) ahead|planning ahead"
    # wave 10 (h9097): the asker's health stated plainly ("I'm 45 and healthy apart from sore
    # shoulders", "fit and well", "otherwise healthy", "no other health problems")
    r"|\b(?:healthy|fit and well|fit and healthy|otherwise well)\s+(?:apart from|except|other "
    r"than|but for|with|aside from)\b|\b(?:otherwise|generally|perfectly) (?:healthy|well|fit)\b"
    r"|^(?:fit and well|healthy|fit and healthy)\b|\bno other (?:health|medical) (?:problems|"
    r"issues|conditions)\b)"
)
"""The present stated plainly beside a supposition ("i dont have one", "For now she only
takes paracetamol", "just planning ahead"); a denial of the same kind of fact ("At present no
anticoagulant", "not pregnant now") counts too."""

_NOT_MINE = re.compile(
    r"^[^.?!;]{0,12}?\b(?:was|is|were|are|belongs to|belonged to)\s+(?:my|our)\s+"
    r"[a-z]+(?:\s+[a-z]+)?['’]s\b|^[^.?!;]{0,40}?\bnot\s+mine\b"
)
"""A fact said to be another person's ("the pacemaker was my dad's, not mine")."""

_KIN_HAS = re.compile(
    r"^\W*(?:(?:and|but|also|plus)\s+)?(?:my|our)\s+(?:mother|mum|mom|father|dad|husband|wife|"
    r"partner|son|daughter|sister|brother|friend|gran\w*|grandad|grandpa|nan|aunt|uncle|"
    r"boyfriend|girlfriend|child)\s+(?:has|had|is|was|takes|took|uses|wears|gets|got|"
    r"['’]s)\b[^,;]{0,40}$"
)
"""A sentence whose subject is the asker's relative, up to the fact ("My mother has a
pacemaker"; wave 9, p9112)."""
_ASKER_PATIENT = re.compile(
    r"\bi\s*(?:am|['’]?m)\s+the\s+(?:one|patient)\b|\bim\s+the\s+(?:one|patient)\b|"
    r"\b(?:the (?:acupuncture|appointment|treatment|session)s?\s+(?:is|are)|it['’]?s)\s+for\s+"
    r"me\b"
)
"""The asker says they are the patient ("I'm the one with the migraines"): a fact of the
relative named as its sentence's subject is then the relative's."""
GENERAL = re.compile(
    r"\b(?:general(?:ly)? (?:question|query|policy|enquiry|inquiry)|asking (?:in general|"
    r"generally)|in general terms|hypothetical(?:ly)?|policy question|(?:our|the|a|clinic['’]?s?)"
    r" (?:\w+ )?(?:policy|policies|protocol|exclusion list|exclusion criteria)|"
    r"(?:write|writing|draft|drafting|update|updating|review|reviewing) (?:our|the|a) "
    r"(?:\w+ )?(?:policy|protocol|guidance|leaflet|pathway)|exclusion list|"
    r"not (?:about |for )?a (?:particular |specific |real )?(?:patient|person|case)|"
    r"no particular patient|services? generally|generally use|"
    r"asking for (?:a|my) (?:friend|colleague|relative|neighbou?r)(?:['’]s \w+)?)\b"
)
"""Words that mark a question as about no particular person (wave 8)."""

_PARTICULAR = re.compile(
    r"\b(?:(?:my|this|our)\s+(?:patient|client|pt)(?!s)\b|a\s+(?:patient|client)\s+of\s+mine|"
    r"pt\b|c\s*/\s*o\b|o\s*/\s*e\b|she|she['’]s|he|he['’]s|him|his|her|hers|"
    # a case note's age and sex ("this 70M", "a 45 yo F", "F 62"): one person (wave 23b)
    r"\d{1,3}\s*(?:yo\s*|y/o\s*|yr\s*|yrs\s*)?[mf]|[mf]\s*\d{1,3})\b"
)
"""A particular person in a question marked general ("my patient", "this patient", "she",
"this 70M")."""


def supposed(mentions: Sequence[Any], folded: str, first_person: re.Pattern[str]) -> list[Any]:
    """``mentions`` with the three readings of the module docstring applied."""
    out = list(mentions)
    denial = _PRESENT_DENIAL.search(folded) is not None
    denied = {_family(m.kind) for m in mentions if m.negated and not m.hypothetical}
    # wave 9: a fact only planned ("his GP might start him on warfarin next month") is not the
    # present either: a supposition of the same fact beside it is only supposed (p9084)
    planned = {m.value for m in mentions if m.status == "future" and not m.negated}
    for i, m in enumerate(out):
        series = m.kind == "lab" and m.status in _SERIES
        if m.negated or m.kind not in _KINDS or (m.status != "current" and not series):
            continue
        lo, hi = sentence_around(folded, m.start, m.end)
        if _NOT_MINE.search(folded[m.end : hi]) or (
            _KIN_HAS.search(folded[lo : m.start]) and _ASKER_PATIENT.search(folded)
        ):
            out[i] = dataclasses.replace(m, status="other_person")
            continue
        opener = None
        for o in _OPENER.finditer(folded, lo, m.start):
            opener = o
        if opener is None:
            continue
        between = folded[opener.end() : m.start]
        if re.search(r"[,;:]", between):
            continue  # "if X, she is on warfarin": the supposition ended before the fact
        if (
            denial
            or _family(m.kind) in denied
            or m.value in planned
            or (series and _lab_stated(out, m, folded))
        ):
            out[i] = dataclasses.replace(m, status=SUPPOSED, hypothetical=True)
    out = _labs_left(out)
    out = for_an_audience(out, folded)  # wave 14: "for our FAQ", "students keep asking"
    return _groups(_general(out, folded, first_person), folded, first_person)


_SERIES = frozenset({"latest_value", "earlier_value", "cautious_value", "set_aside_value"})
"""Statuses of one lab value among several (:mod:`.quantities`): a supposed value ("if her
platelets fell to 40") is one of them until this module reads the supposition (wave 9)."""


def _lab_stated(mentions: Sequence[Any], m: Any, folded: str) -> bool:
    """Whether another value of the same lab stands in another sentence ("Platelets 220
    today. If her platelets were 40 ..."): the present stated plainly beside a supposition."""
    here = sentence_around(folded, m.start, m.end)
    return any(
        o is not m
        and o.kind == "lab"
        and o.detail.get("lab") == m.detail.get("lab")
        and o.status != SUPPOSED
        and sentence_around(folded, o.start, o.end) != here
        for o in mentions
    )


def _labs_left(mentions: list[Any]) -> list[Any]:
    """A lab whose other value was supposed has one real value left: it is current."""
    supposed_labs = {
        m.detail.get("lab") for m in mentions if m.kind == "lab" and m.status == SUPPOSED
    }
    out = list(mentions)
    for lab in supposed_labs:
        real = [
            i
            for i, m in enumerate(out)
            if m.kind == "lab" and m.detail.get("lab") == lab and m.status in _SERIES
        ]
        if len(real) == 1:
            out[real[0]] = dataclasses.replace(out[real[0]], status="current")
    return out


def _family(kind: str) -> str:
    if kind in ("medicine", "class", "regimen"):
        return "medicine"
    if kind == "weeks":
        return "pregnant"
    return kind


def _general(mentions: list[Any], folded: str, first_person: re.Pattern[str]) -> list[Any]:
    """Reading 3: a question marked general that describes no particular person."""
    if not GENERAL.search(folded) or _PARTICULAR.search(folded):
        return mentions
    if first_person.search(" ".join(folded.split())):
        return mentions
    if _present_measure(mentions, folded):
        return mentions
    return [
        dataclasses.replace(m, status="topic", detail={**m.detail, "topic": True})
        if m.status in ("current", SUPPOSED) and m.kind not in ("sex",)
        else m
        for m in mentions
    ]


def _present_measure(mentions: Sequence[Any], folded: str) -> bool:
    """Whether one person's measured fact (an age, a lab value, pregnancy weeks) is stated
    plainly in a sentence of its own, outside the words marking the question general and
    outside any supposition (wave 10, h9096: "Warfarin for a metal valve, INR 2.7 today,
    sciatica. Hypothetically, if the INR came back at 3.8 next week, would you still
    needle?"). A value measured today is a particular patient's present: the question is
    about that patient, and "hypothetically" opens only the supposition after it.
    "Hypothetically, could someone on warfarin with an INR of 3 ...?" keeps its value in the
    marked sentence, and stays general. Clinic policy (safety first: the present a question
    states is screened)."""
    for m in mentions:
        if m.kind not in _MEASURED or m.negated or m.hypothetical:
            continue
        if m.status != "current" and m.status not in _SERIES:
            continue
        lo, hi = sentence_around(folded, m.start, m.end)
        sentence = folded[lo:hi]
        if GENERAL.search(sentence) or _OPENER.search(sentence):
            continue
        return True
    return False


_RESEARCH = re.compile(
    r"\b(?:reviews?|studies|study|trials?|rcts?|meta\s*analys[ie]s|evidence|literature|"
    r"data|proportion|rates?|incidence|how often|how common|how many|percentage|cohort|"
    r"case series|surveys?|services?|papers?|research|according to)\b"
    r"|\b[a-z]+(?: et al\.?)? (?:19|20)\d\d\b"
    # wave 10 (h9171): what a clinician tells patients as a group ("so I can tell antenatal
    # patients there is zero risk?", "how do I counsel people with pacemakers")
    r"|\b(?:tell|advise|counsel|reassure|inform|explain to|warn)\s+(?:my\s+|our\s+|the\s+)?"
    r"(?:[a-z]+\s+)?(?:patients|clients|women|mothers|people)\b"
)
"""Words of a question about research or services, not about one patient."""
_GROUP = (
    r"(?:patients|people|persons|individuals|women|men|adults|children|those|users|"
    r"populations?|cases|clients|participants|subjects|mothers|someone|anyone|a patient)"
)
_GROUP_BEFORE = re.compile(
    r"\b" + _GROUP + r"\b(?:\s+(?:who\s+(?:are|were|have|had|take|took)|treated|needled|"
    r"living|diagnosed|being\s+treated|receiving|undergoing|having))?"
    r"(?:\s+[a-z]+){0,4}?\s+(?:with|on|in|during|after|taking|using|having|receiving)"
    r"(?:\s+(?:a|an|the|their|early|late))?\s*$"
)
_GROUP_AFTER = re.compile(r"^(?:['’]s)?\s+(?:[a-z]+\s+)?" + _GROUP + r"\b")


def _groups(mentions: list[Any], folded: str, first_person: re.Pattern[str]) -> list[Any]:
    """Reading 3, first half: a fact named as a group in a research question."""
    # "people with pacemakers ... I don't have one": a group beside the asker's plain denial
    if not (_RESEARCH.search(folded) or _PRESENT_DENIAL.search(folded)):
        return mentions
    if _PARTICULAR.search(folded):
        return mentions
    if _own_health(folded, first_person) or re.search(
        r"\b(?:my|our)\s+(?:mum|mom|mother|dad|father|wife|husband|son|daughter|partner|"
        r"sister|brother|friend|child|baby|gran\w*|aunt|uncle)\b",
        folded,
    ):
        return mentions
    if any(m.kind == "age" and not m.negated for m in mentions):
        return mentions  # "a 45-year-old on warfarin": one person, not a group
    out = []
    for m in mentions:
        if m.kind in _KINDS and not m.negated and m.status == "current":
            lo, _ = sentence_around(folded, m.start, m.end)
            before = folded[max(lo, m.start - 80) : m.start]
            after = folded[m.end : m.end + 30]
            if _GROUP_BEFORE.search(before) or _GROUP_AFTER.search(after):
                m = dataclasses.replace(m, status="topic", detail={**m.detail, "topic": True})
        out.append(m)
    return out


def _own_health(folded: str, first_person: re.Pattern[str]) -> bool:
    """The asker's own health in the question, beyond a plain denial ("I'm not, it's for my
    own knee" speaks of the asker's knee, not of the supposed fact)."""
    return first_person.search(" ".join(folded.split())) is not None


_EVIDENCE_ASK = re.compile(
    r"\b(?:what(?:['’]s| is| does)? the evidence|is there (?:any |good |much )?evidence|"
    r"evidence (?:that|of|for|on|about)|what do (?:the )?(?:studies|trials|data|reviews?|"
    r"guidelines) (?:show|say|suggest)|do (?:the )?(?:studies|trials) show|"
    r"in the (?:studies|trials|literature|review))\b"
)
_STUDY_ASK = re.compile(
    r"\b(?:did|does|do|has|have)\s+(?:[a-z]+(?:\s+et\s+al\.?)?\s*\(?(?:19|20)\d\d\)?|the\s+"
    r"(?:study|trial|review|rct|meta[- ]?analysis|cohort|authors?|investigators))\s+"
    r"(?:report|find|found|show|conclude|observe|measure|use)\b"
    r"|\b(?:reported|found|shown|observed)\s+(?:by|in)\s+[a-z]+(?:\s+et\s+al\.?)?\s*\(?"
    r"(?:19|20)\d\d\b"
    r"|\baccording to\s+[a-z]+(?:\s+et\s+al\.?)?\s*\(?(?:19|20)\d\d\b"
    # "Cassileth 2013 lymphoedema pilot: ... any infections?" (p9161): a study named first
    r"|^[a-z]+(?:\s+et\s+al\.?)?\s*\(?(?:19|20)\d\d\)?\s+(?:[a-z-]+\s+){0,3}?(?:pilot|trial|"
    r"study|rct|review|meta[- ]?analysis|cohort|series)\b"
)
"""A question about what a named study reported (wave 9): asked of its trial population."""
_SETTING_ASK = re.compile(
    r"^(?:so\s+|and\s+|but\s+)?(?:does|do|did|can|could|will|would|is|are|might|may)\s+"
    r"(?:having|getting|receiving|giving|doing|adding|using|offering)\s+(?:\w+\s+)?"
    r"(?:acupuncture|electroacupuncture|acupressure|needling|needles|dry\s+needling)\b"
)
"""An evidence question whose subject is the treatment in a setting, told with a gerund ("does
having acupuncture during radiotherapy ...", "can getting needles while on chemo ...", "would
adding acupuncture to physio ..."): the setting is the question's topic (wave 19, h17157)."""
_OWN = re.compile(
    r"\b(?:my|mine|our|me|myself|i\s*['’]?m|im|i\s+am|i['’]?ve|i\s+have|i\s+had|i\s+get|"
    r"i\s+take|i\s+was|i\s+will|i['’]ll|we['’]re|we\s+are|us)\b"
)
"""Words that put the asker (or the asker's people) in the question: any of them keeps the
facts as a patient's (the cautious reading)."""
_PERSON_WORDS = re.compile(
    r"\b(?:my|our)\s+(?:\w+\s+)?(?:mum|mom|mother|dad|father|wife|husband|son|daughter|"
    r"partner|sister|brother|friend|child|baby|gran\w*|aunt|uncle|patient|client)\b"
)
_MEASURED = frozenset({"age", "weeks", "lab"})


def evidence_topics(mentions: Sequence[Any], question: str, conditions: Sequence[str]) -> list[Any]:
    """Reading 3, last part: a question that asks for evidence about a fact and names no
    condition and no person ("Lymphoedema after axillary clearance: what's the evidence that
    needling the affected arm is harmful?", "Warfarin and acupuncture: what do the studies
    show about bleeding?") has that fact as its topic. A condition ("... back pain. What's the
    evidence?"), a person, an age, a lab value or pregnancy weeks make it a patient's, and the
    fact stays (the cautious reading)."""
    from acupath.answer.context import FIRST_PERSON

    # wave 12: a named study's or a service's group, no person described (h10140, h10185)
    mentions = no_one_described(mentions, question)
    # wave 17: a condition told by its cause (p12137), a treatment that is a workplace (p12098)
    mentions = workplace(caused_conditions(mentions, question), question)
    folded = " ".join(question.lower().replace("’", "'").split())
    # a condition that is the fact itself ("lymphoedema") is no other complaint
    named = {w for m in mentions for w in (m.kind, m.value)}
    other = [c for c in conditions if c != "unspecified" and c.replace("oe", "e") not in named]
    # wave 9: what a named study reported ("what relative risk ... did Meng 2012 report") is
    # asked of its trial population, whatever condition it names
    study = _STUDY_ASK.search(folded) is not None
    # wave 19 (h17157): "does having acupuncture during radiotherapy for head and neck cancer
    # stop the dry mouth?" asks what acupuncture does in that setting, of no one in particular
    if _SETTING_ASK.search(folded) and not _OWN.search(folded):
        study = True
    if (other and not study) or not (study or _EVIDENCE_ASK.search(folded)):
        return list(mentions)
    if FIRST_PERSON.search(folded) or _PARTICULAR.search(folded) or _PERSON_WORDS.search(folded):
        return list(mentions)
    if any(m.kind in _MEASURED and not m.negated and m.current for m in mentions):
        return list(mentions)
    return [
        dataclasses.replace(m, status="topic", detail={**m.detail, "topic": True})
        if m.kind in _KINDS and not m.negated and m.status == "current"
        else m
        for m in mentions
    ]


# --- wave 9: the decision a supposition would bring ---------------------------------------

DECISION_WORDS = {
    "proceed": "acupuncture could still go ahead",
    "proceed_with_modifications": "needling could go ahead only with changes",
    "defer": "needling should be deferred",
    "refer": "the patient should be referred for medical assessment",
}
"""What each screen decision means, said of a supposed case (wave 9)."""

_LEADS = {
    "medicine": "were taking",
    "class": "were on",
    "regimen": "were on",
    "device": "had",
    "pregnant": "were pregnant",
    "weeks": "were pregnant",
    "breastfeeding": "were breastfeeding",
    "needle_phobia": "had a fear of needles",
}


def supposed_groups(mentions: Sequence[Any], folded: str) -> list[list[Any]]:
    """The supposed facts of a question (status ``supposed``, a supposed red flag, or a
    planned medicine), one group per sentence: each group is one supposition."""
    groups: dict[tuple[int, int], list[Any]] = {}
    for m in mentions:
        if m.negated:
            continue
        planned = m.status == "future" and m.kind in ("medicine", "class", "regimen")
        flag = m.kind == "red_flag" and m.detail.get("supposed")
        if m.status == SUPPOSED or planned or flag:
            groups.setdefault(sentence_around(folded, m.start, m.end), []).append(m)
    return list(groups.values())


def with_supposition(mentions: Sequence[Any], group: Sequence[Any]) -> tuple[Any, ...]:
    """``mentions`` with one supposition taken as true: its facts become current, and a lab
    value it supposes replaces the real one of the same lab ("platelets 220 today ... if her
    platelets dropped below 50")."""
    ids = {id(m) for m in group}
    labs = {m.detail.get("lab") for m in group if m.kind == "lab"}
    out = []
    for m in mentions:
        if id(m) in ids:
            detail = {k: v for k, v in m.detail.items() if k not in ("supposed", "topic")}
            out.append(dataclasses.replace(m, status="current", hypothetical=False, detail=detail))
        elif m.kind == "lab" and m.detail.get("lab") in labs:
            continue
        else:
            out.append(m)
    return tuple(out)


def supposition_words(group: Sequence[Any], subject: str) -> str:
    """ "If she were taking warfarin", "If he had a pacemaker", "If fever were present"."""
    first = group[0]
    words = " and ".join(dict.fromkeys(m.words.strip() for m in group))
    lead = _LEADS.get(first.kind)
    if first.kind in ("pregnant", "weeks", "breastfeeding", "needle_phobia"):
        return f"If {subject} {lead}"
    if lead and first.kind == "device" and not re.match(r"(?:an?|the|his|her|their)\b", words):
        words = ("an " if words[:1].lower() in "aeiou" else "a ") + words
    if lead:
        return f"If {subject} {lead} {words}"
    if first.kind == "lab":
        # the value stands in the line above; the box cites no source for the patient's figures
        lab = str(first.detail.get("lab", "value")).replace("_", " ")
        return f"If the {lab} were as supposed"
    if re.search(r"\d", words):
        return f"If {subject} had what is supposed"
    return f"If {subject} had {words}"


def difference(real: Any, alt: Any) -> dict[str, Any]:
    """What the screen would decide in the supposed case, against the real decision (``real``
    and ``alt`` are :class:`~.safety.Safety`): ``then`` (one or two plain sentences), and
    for the safety box the parts with what each cites (``decision``, ``reason`` and its
    ``cites``, ``changes`` and theirs, ``changes_policy`` when clinic policy sets them)."""
    known = {f.rule for f in real.screen.findings}
    new = [f for f in alt.screen.findings if f.rule not in known and f.action != "info"]
    new_flags = [f for f in alt.extra_flags if f.id not in {g.id for g in real.extra_flags}]
    decision = DECISION_WORDS.get(alt.decision, alt.decision.replace("_", " "))
    if alt.decision == "refer" and alt.urgency:
        decision += f" ({alt.urgency.replace('_', ' ')})"
    out: dict[str, Any] = {"reason": "", "cites": [], "changes": [], "change_cites": []}
    if alt.decision == real.decision and not new and not new_flags:
        out["decision"] = f"the screen's decision would be the same ({decision})."
        out["then"] = out["decision"]
        return out
    if alt.decision == real.decision:
        decision += " (as now), with this added"
    out["decision"] = f"{decision}."
    order = {"refer": 0, "defer": 1, "exclude": 2, "modify": 3, "caution": 4}
    new.sort(key=lambda f: order.get(f.action, 5))
    if new_flags:
        flag = new_flags[0]
        out["reason"] = flag.reason.rstrip(".") + "."
        out["cites"] = [{"record": flag.id, "kind": "red_flag", "sources": list(flag.sources)}]
    elif new:
        out["reason"] = new[0].reason.rstrip(".") + "."
        out["cites"] = [
            {"record": new[0].rule, "kind": "screening_rule", "sources": list(new[0].sources)}
        ]
    if alt.decision not in ("refer", "defer"):
        with_changes = [f for f in new if f.modifications]
        out["changes"] = list(dict.fromkeys(c for f in with_changes for c in f.modifications))
        out["change_cites"] = [
            {"record": f.rule, "kind": "screening_rule", "sources": list(f.sources)}
            for f in with_changes
        ]
        out["changes_policy"] = any(f.policy for f in with_changes)
    then = out["decision"] + (f" {out['reason']}" if out["reason"] else "")
    if out["changes"]:
        then += " Changes: " + "; ".join(out["changes"]) + "."
    out["then"] = then
    return out
