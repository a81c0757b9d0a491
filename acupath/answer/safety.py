"""Screen-aware answers: the patient of a question goes through the same screen as
``acupath screen``, and nothing the screen excludes reaches the answer.

:func:`assess` turns a :class:`~acupath.answer.context.PatientContext` into a partial intake
(the fields the question gives; an age band stands in for a missing age, ``unspecified`` for a
missing condition) and calls :func:`acupath.care.screening.screen`. The result
(:class:`Safety`) carries the screen's decision, red flags and exclusions, the urgency of a
referral (the screen's own ``urgency`` when its result has one, else
``data/answer/red_flags.yaml``), red flags the intake cannot carry (a thunderclap headache)
with their own reason and source, and the *blocked* codes: every excluded point plus every
atlas point lying in an excluded region.

:func:`filter_answer` is the last step before verification: it removes from every section but
the safety box each line that names a blocked point code, a point in an excluded region, or an
excluded technique, and says how many it removed. The safety box names the exclusions only in
its one ``EXCLUSION_PREFIX`` line, so a test can check the whole answer (Markdown and JSON).
"""

from __future__ import annotations

import dataclasses
import functools
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from acupath.answer import text as tx
from acupath.answer.context import FIRST_PERSON, PatientContext
from acupath.answer.lexicon import URGENCIES, RedFlagUrgency, red_flag_urgencies
from acupath.answer.models import Answer, Section
from acupath.answer.timing import PAST
from acupath.care import vocabulary as care_vocab
from acupath.care.intake import Intake
from acupath.care.medications import MedicationProfile

UNSPECIFIED = "unspecified"
"""The condition id of an intake built from a question that names no condition."""

BAND_AGES = {"child": 8, "adolescent": 15, "adult": 40, "older_adult": 70}
"""The age that stands for an age band when the question gives no number (rules use ranges)."""

EXCLUSION_PREFIX = "Not for this patient:"
"""The one line of the safety box that may name excluded points, regions and techniques."""

TECHNIQUE_WORDS: Mapping[str, tuple[str, ...]] = {
    "electro": (
        "electroacupuncture", "electro-acupuncture", "electro acupuncture",
        "electrical stimulation", "electrostimulation", "electric stimulation",
        "percutaneous electrical", "tens",
    ),
    "auricular": (
        "auricular", "ear acupuncture", "ear points", "ear point", "ear seeds",
        "battlefield acupuncture", "nada protocol", "ear needles", "auriculotherapy",
    ),
    "semi_permanent_needles": (
        "semi-permanent", "semipermanent", "indwelling", "press needles", "press tack",
        "intradermal needles",
    ),
    "deep_needling": ("deep needling", "deep insertion", "needled deeply", "deeply inserted"),
    "strong_stimulation": (
        "strong stimulation", "vigorous stimulation", "strong manual stimulation",
    ),
}  # fmt: skip
"""Words that name each excludable technique in answer text (care.vocabulary.TECHNIQUES)."""

TECHNIQUE_NAMES = {
    "electro": "electroacupuncture",
    "auricular": "ear (auricular) acupuncture",
    "semi_permanent_needles": "needles left in place between sessions",
    "deep_needling": "deep needling",
    "strong_stimulation": "strong stimulation",
}


@dataclass(frozen=True)
class Safety:
    """What the screen says about the patient of one question (see the module docstring)."""

    intake: Mapping[str, Any]
    assumed: tuple[str, ...]
    screen: Any  # acupath.care.screening.ScreenResult
    decision: str
    urgency: str | None
    red_flags: tuple[str, ...]
    extra_flags: tuple[RedFlagUrgency, ...] = ()
    blocked_codes: frozenset[str] = field(default_factory=frozenset)
    problems: tuple[str, ...] = ()
    supposed: tuple[Mapping[str, Any], ...] = ()
    """Wave 9: for each supposition of the question ("if she were on warfarin ... at present
    none"), what the same screen would decide were it true (:func:`supposed_cases`); the
    supposed fact never enters this decision."""

    @property
    def excluded_points(self) -> tuple[str, ...]:
        return tuple(self.screen.excluded_points)

    @property
    def excluded_regions(self) -> tuple[str, ...]:
        return tuple(self.screen.excluded_regions)

    @property
    def excluded_techniques(self) -> tuple[str, ...]:
        return tuple(self.screen.excluded_techniques)

    @property
    def excludes_anything(self) -> bool:
        return bool(self.excluded_points or self.excluded_regions or self.excluded_techniques)

    def as_dict(self) -> dict[str, Any]:
        """The screen JSON (as ``acupath screen`` prints it) plus what the answer added."""
        out = dict(self.screen.as_dict())
        out["decision"] = self.decision
        out["urgency"] = self.urgency
        out["red_flags"] = list(self.red_flags)
        out["screen_decision"] = self.screen.decision
        out["answer_red_flags"] = [
            {"id": f.id, "urgency": f.urgency, "reason": f.reason, "sources": list(f.sources)}
            for f in self.extra_flags
        ]
        out["intake"] = dict(self.intake)
        out["assumed"] = list(self.assumed)
        out["problems"] = list(self.problems)
        return out


class ContextIntake(Intake):
    """An intake whose medicines may include drug classes named without a drug
    ("blood thinners"), so the screen sees the class the question names."""

    extra_drug_classes: tuple[str, ...] = ()

    def medication_profile(self) -> MedicationProfile:
        profile = super().medication_profile()
        if not self.extra_drug_classes:
            return profile
        return dataclasses.replace(
            profile, classes=profile.classes | frozenset(self.extra_drug_classes)
        )


def intake_data(
    context: PatientContext, conditions: Sequence[str], question: str = ""
) -> tuple[dict[str, Any], list[str]]:
    """The partial intake a question gives, and the fields acupath had to assume."""
    assumed: list[str] = []
    data: dict[str, Any] = {}
    age = context.first("age")
    band = context.first("age_band")
    if age is not None:
        data["age"] = int(age.value)
    else:
        data["age"] = BAND_AGES[band.value if band else "adult"]
        assumed.append(f"age (taken as {data['age']}: {band.value if band else 'adult'})")
    sex = context.first("sex")
    if sex is not None:
        data["sex"] = sex.value
    # another person's pregnancy, or pregnancy as the topic of an evidence question, is not the
    # patient's (context.py sets those statuses); a denied pregnancy of the patient still counts
    pregnant = [m for m in context.mentions if m.kind == "pregnant" and m.current]
    if any(not m.negated for m in pregnant):
        data["pregnant"] = True
        weeks = context.first("weeks")
        if weeks is not None:
            data["pregnancy_weeks"] = int(weeks.value)
        else:
            assumed.append("pregnancy weeks (unknown: every trimester's precautions apply)")
    elif pregnant:
        data["pregnant"] = False
    data["conditions"] = [{"condition": c} for c in conditions] or [{"condition": UNSPECIFIED}]
    spinal_pain = None if conditions else _spinal_tumour_pain(context, question)
    if spinal_pain is not None:
        # wave 8: "a tumour on his spine and the pain is awful": pain at a spinal tumour is
        # spinal pain, which with the cancer is the screen's spinal-tumour red flag (AHCPR
        # 1994 Table 1, ahcpr1994); the question names no condition the retrieval knows
        data["conditions"] = [{"condition": spinal_pain}]
    muscle_site = _muscle_spinal_pain(context, conditions, question)
    if muscle_site is not None:
        # wave 15 (h12054 "nodes out under my right arm ... my neck and shoulders are knotted"):
        # a muscle complaint (myofascial pain) of the patient's neck or back is pain of the neck
        # or back, which beside a cancer now or before the screen reads as spinal pain with a
        # cancer history (back_pain_after_cancer; ahcpr1994 Table 1, childress2020); clinic
        # policy: knots in the neck can be referred pain from the spine, so they are not taken
        # as muscle only while a cancer history is unassessed
        data["conditions"].append({"condition": muscle_site})
    # "MRI clear, oncology happy": the complaint has been assessed (assessed.py); the screen
    # then turns a cancer history with back pain into a caution, never a listed red flag
    evaluated = context.first("assessed") is not None
    if evaluated:
        for entry in data["conditions"]:
            entry["evaluated"] = True
    meds = [m.value for m in context.applied if m.kind == "medicine"]
    # a regimen ("FOLFOX") enters as the formulary drugs it contains (data/answer/regimens.yaml)
    meds += [d for m in context.applied if m.kind == "regimen" for d in m.detail["drugs"]]
    if meds:
        data["medications"] = list(dict.fromkeys(meds))
    classes = [m.value for m in context.applied if m.kind == "class"]
    if classes:
        data["extra_drug_classes"] = list(dict.fromkeys(classes))
    labs = {m.detail["lab"]: m.detail["value"] for m in context.applied if m.kind == "lab"}
    # a CD4 count (read as its own fact, or behind the immune-suppression flag it set) is the
    # intake's labs.cd4, which the screen's asepsis rule reads (wave 5)
    cd4 = next((m.detail["cd4"] for m in context.applied if "cd4" in m.detail), None)
    if cd4 is not None:
        labs["cd4"] = cd4
    if labs:
        data["labs"] = labs
    devices = []
    for m in context.applied:
        if m.kind == "device":
            site = m.detail.get("site")
            devices.append({"type": m.value, "site": site} if site else {"type": m.value})
    if devices:
        data["devices"] = devices
    limbs = [limb for m in context.applied if m.kind == "lymphedema" for limb in m.detail["limbs"]]
    if limbs:
        data["lymphedema"] = list(dict.fromkeys(limbs))
    cancer = _cancer(context)
    if cancer is not None:
        data["cancer"] = cancer
    for m in context.applied:
        if m.kind == "radiation" and m.detail.get("field_from_cancer"):
            # wave 21: the field was not named; the cancer's site stands for it (clinic policy,
            # described_devices._cancer_site)
            fields = ", ".join(m.detail.get("sites", (m.value,))).replace("_", " ")
            assumed.append(
                f"radiotherapy area (not said: taken to be where the cancer is, {fields})"
            )
    flags = [v for v in context.values("red_flag") if v in care_vocab.RED_FLAGS]
    spinal = {c for f in ("low_back", "neck") for c in care_vocab.CONDITION_FAMILIES[f]}
    if (
        {"history", "active"} & set(context.values("cancer"))
        and spinal & {*conditions, spinal_pain, muscle_site}
        and not evaluated
    ):
        # a past or present cancer with spinal pain is the screen's history_of_cancer flag
        # (AHCPR 1994, Table 1: a cancer now is a cancer history too); with other complaints
        # it stays cancer history only (probe F4)
        flags.append("history_of_cancer")
    elif _thoracic_with_cancer(context, question) and not evaluated:
        # wave 11 (h10052): thoracic back pain beside a cancer now or before is a cancer history
        # with spinal pain too (AHCPR 1994 Table 1, ahcpr1994; Henschke 2013, henschke2013: a
        # cancer history is the most useful red flag for spinal malignancy); the screen's
        # spinal conditions name only the low back and the neck
        flags.append("history_of_cancer")
    if flags:
        data["red_flags"] = flags
    comorbid = list(context.values("comorbidity"))
    if comorbid:
        data["comorbidities"] = comorbid
    skin = [
        site
        for m in context.applied
        if m.kind == "skin_lesion"
        for site in m.detail.get("sites", ())
    ]
    skin = list(dict.fromkeys(skin))
    if skin:
        data["skin_lesions"] = skin  # probe F3: needling excluded at the lesion's site
    if context.first("cannot_consent") is not None:
        data["can_consent"] = False  # probe F3: the screen defers until consent can be given
    if context.first("needle_phobia") is not None:
        data["needle_phobia"] = True
    if context.first("breastfeeding") is not None:
        data["breastfeeding"] = True
    return data, assumed


_THORACIC_AFTER = {
    "minor_trauma_with_osteoporosis": "thoracic_pain_after_osteoporotic_fall",
    "major_trauma": "thoracic_pain_after_major_trauma",
}
_NO_BEFORE = re.compile(r"\b(?:no|not|nor|without|denies|never)\s+(?:[a-z'-]+\s+){0,2}$")


def _thoracic_after_trauma(context: PatientContext, question: str) -> list[str]:
    """Wave 12 (p10059): a trauma the patient facts hold (minor trauma with thin bones, major
    trauma) and a mid, upper or thoracic back the question names (not denied) are the answer's
    thoracic fracture flags (red_flags.yaml), whatever words told the trauma ("sat down hard"):
    the osteoporotic-fall flag's own word combination (patient.yaml) listed fewer trauma words
    than the screen flag's, and major trauma had no thoracic flag at all. A vertebral fracture
    is possible wherever the spine hurts (AHCPR 1994 Table 1, ahcpr1994; Childress 2020,
    childress2020); the same-day urgency is red_flags.yaml's (clinic policy, the screen's
    red_flag_fracture urgency)."""
    from acupath.answer.condition_words import _UPPER_BACK

    flags = [_THORACIC_AFTER[v] for v in context.values("red_flag") if v in _THORACIC_AFTER]
    if not flags:
        return []
    text = " ".join(question.lower().replace("’", "'").split())
    return flags if _undenied(_UPPER_BACK, text) else []


def _undenied(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """The matches of ``pattern`` in ``text`` that no denial ("no", "not", "without" ...)
    stands just before."""
    return [
        m
        for m in pattern.finditer(text)
        if not _NO_BEFORE.search(text[max(0, m.start() - 40) : m.start()])
    ]


_THORACIC_SITE = re.compile(
    # the thoracic spine in lay words: the upper, mid or middle back (or the middle or top part
    # of it), between or under the shoulder blades, the back of the ribs (wave 22)
    r"\b(?:(?:upper|mid|middle|thoracic)[\s-]+(?:part\s+of\s+(?:my|the|her|his)\s+)?back|"
    r"(?:middle|centre|center)\s+of\s+(?:my|the|her|his)\s+back|"
    r"thoracic\s+spine|t[\s-]?spine|upper\s+spine|interscapular|"
    r"(?:between|under|beneath|behind)\s+(?:my|the|her|his)?\s*shoulder[\s-]?blades?|"
    r"(?:back\s+of\s+(?:my|the|her|his)\s+ribs?|ribs?\s+(?:at|round|around|on)\s+the\s+back|"
    r"back\s+ribs?))\b"
)
_KIN_BEFORE = re.compile(
    r"\b(?:mum|mom|mother|dad|father|sister|brother|aunt|auntie|uncle|gran|granny|grandma|"
    r"grandmother|grandad|granddad|grandpa|grandfather|nan|wife|husband|partner|friend|son|"
    r"daughter|cousin|family history|fhx|fh)\b[^.;!?]*$"
)
_THORACIC_PAIN = re.compile(
    r"\b(?:pain|pains|painful|hurts?|hurting|ache|aches|aching|achy|sore|soreness|throbs?|"
    r"throbbing|gnawing|agony|tender)\b"
)


def _thoracic_with_cancer(context: PatientContext, question: str) -> bool:
    """Wave 22 (h21079): thoracic back pain beside a cancer of the patient, now or before.
    Besides the word combination of patient.yaml (red_flags.yaml thoracic_pain_with_cancer),
    a cancer the patient facts hold and pain now at a thoracic site the sentence names (not
    denied) is the flag: a cancer said to be long over ("breast cancer in 2015, all clear
    since") made the combination's mention history, yet a cancer history is the flag itself
    (AHCPR 1994 Table 1, ahcpr1994; Henschke 2013, henschke2013)."""
    if "thoracic_pain_with_cancer" in context.values("red_flag"):
        return True
    if not {"history", "active"} & set(context.values("cancer")):
        return False
    low = question.lower()
    own = [
        m
        for m in context.applied
        if m.kind == "cancer"
        and not _KIN_BEFORE.search(low[max(0, m.start - 30) : m.start].split(";")[-1])
    ]
    if not own:
        return False  # "mum had breast cancer; I have upper back pain" (the combination's guard)
    text = " ".join(low.replace("’", "'").split())
    for m in _undenied(_THORACIC_SITE, text):
        lo, hi = tx.sentence_around(text, m.start(), m.end())
        sentence = text[lo:hi]
        pain = _THORACIC_PAIN.search(sentence)
        if pain and not _NO_BEFORE.search(sentence[max(0, pain.start() - 30) : pain.start()]):
            return True
    return False


_SPINAL_SITES = {"spine": "chronic_low_back_pain", "lower_back": "chronic_low_back_pain",
                 "sacrum": "chronic_low_back_pain", "upper_back": "chronic_low_back_pain",
                 "neck": "chronic_neck_pain"}  # fmt: skip
_PAIN = re.compile(
    r"(?<!\bno )(?<!\bnot in )\b(?:pain|pains|painful|hurts?|hurting|agony|aching|aches?)\b"
)


def _spinal_tumour_pain(context: PatientContext, question: str) -> str | None:
    """The spinal pain condition of a question that names pain and a tumour of the patient at
    a spinal site, and no condition ("a tumour on his spine and the pain is awful")."""
    if not _PAIN.search(question.lower()):
        return None
    for m in context.applied:
        if m.kind == "cancer" and m.value == "active":
            for site in m.detail.get("sites", ()):
                if site in _SPINAL_SITES:
                    return _SPINAL_SITES[site]
    return None


# the muscle conditions a neck or back named beside them makes spinal pain (wave 15)
_MUSCLE_CONDITIONS = frozenset({"myofascial_pain_syndrome"})
_OWN_NECK = re.compile(r"\b(?:my|her|his|their|your)\s+neck\b")
_OWN_BACK = re.compile(
    r"\b(?:my|her|his|their|your)\s+(?:(?:lower|low|upper|mid|middle)\s+)?back\b"
)


def _muscle_spinal_pain(
    context: PatientContext, conditions: Sequence[str], question: str
) -> str | None:
    """The spinal pain condition of a muscle complaint said to be in the patient's neck or back
    ("my neck and shoulders are knotted"), only beside a cancer now or before and no spinal
    condition already read."""
    if not _MUSCLE_CONDITIONS & set(conditions):
        return None
    if not {"history", "active"} & set(context.values("cancer")):
        return None
    spinal = {c for f in ("low_back", "neck") for c in care_vocab.CONDITION_FAMILIES[f]}
    if spinal & set(conditions):
        return None
    text = question.lower()
    if _OWN_NECK.search(text):
        return "chronic_neck_pain"
    if _OWN_BACK.search(text):
        return "chronic_low_back_pain"
    return None


_NODE_SURGERY = re.compile(
    r"\b(?:nodes?|slnb|snb|alnd|sentinel|clearance|dissection|dissected|lymphadenectomy)\b",
    re.IGNORECASE,
)


def _node_surgery(context: PatientContext) -> bool:
    """Whether a lymphoedema fact comes from lymph nodes taken out, not a swelling alone."""
    return any(m.kind == "lymphedema" and _NODE_SURGERY.search(m.words) for m in context.applied)


def _cancer(context: PatientContext) -> dict[str, Any] | None:
    values = set(context.values("cancer"))
    treatments = list(context.cancer_treatments())
    # a past course of radiotherapy still marks its field (the tissue stays irradiated) and
    # stays among the treatments had; only a current one is treatment under way (wave 5)
    given = [
        m
        for m in context.mentions
        if m.kind == "radiation" and not m.negated and (m.current or m.status == PAST)
    ]
    fields = [
        site for m in given for site in m.detail.get("sites", (m.value,))
    ]  # every site of "head and neck" (F8)
    sites = [v for v in dict.fromkeys(fields) if v != "unspecified"]
    if given and "radiotherapy" not in treatments:
        treatments.append("radiotherapy")
    tumours = [
        site
        for m in context.applied
        if m.kind == "cancer" and m.value == "active"
        for site in m.detail.get("sites", ())
    ]
    if not values and not treatments and _node_surgery(context):
        # wave 8: lymph nodes taken out ("SLNB right axilla", "they took 14 lymph nodes") are
        # cancer surgery (sentinel-node biopsy and axillary clearance stage a cancer), so the
        # patient has a cancer history even when the cancer is not named
        return {"active": False, "treatments": ["surgery"]}
    if not values and not treatments:
        return None
    if tumours:
        return {
            "active": "active" in values,
            "on_treatment": "on_treatment" in values or "chemotherapy" in treatments,
            "treatments": treatments,
            "radiation_sites": sites,
            "tumour_sites": list(dict.fromkeys(tumours)),
        }
    return {
        "active": "active" in values,
        "on_treatment": "on_treatment" in values or "chemotherapy" in treatments,
        "treatments": treatments,
        "radiation_sites": sites,
    }


def _validate(data: dict[str, Any], condition_ids: Iterable[str]) -> tuple[Intake, list[str]]:
    """Validate the intake; a field the validator refuses is dropped and reported."""
    problems: list[str] = []
    ctx = {"conditions": frozenset(condition_ids) | {UNSPECIFIED}}
    for _ in range(6):
        try:
            return ContextIntake.model_validate(data, context=ctx), problems
        except ValidationError as exc:
            err = exc.errors()[0]
            top = str(err["loc"][0]) if err["loc"] else ""
            if not top or top not in data or top in ("age", "conditions"):
                raise
            problems.append(f"{top}: {str(err['msg']).removeprefix('Value error, ')}")
            data = {k: v for k, v in data.items() if k != top}
    raise RuntimeError("intake kept failing validation")  # pragma: no cover


def assess(
    context: PatientContext,
    conditions: Sequence[str],
    condition_ids: Iterable[str],
    question: str = "",
    *,
    with_suppositions: bool = True,
) -> Safety | None:
    """Screen the patient the question describes; ``None`` when it describes nobody. A
    particular person of whom the question says nothing the screen reads ("I have knee
    arthritis, is acupuncture safe for me?") is screened too (wave 8): the box then says
    what the screen found for them, a plain proceed included."""
    from acupath.answer.people import describes_person
    from acupath.answer.person_story import tells_of_a_person

    if not describes_person(
        question, context, conditions=bool(conditions)
    ) and not tells_of_a_person(question, conditions=bool(conditions)):
        # wave 12 (p10074, p10078, p10079, h10008): a person told only in words the person
        # reader does not take still gets a box (person_story.py; clinic policy)
        return None
    from acupath.care.screening import screen

    data, assumed = intake_data(context, conditions, question)
    intake, problems = _validate(data, condition_ids)
    from acupath.care.policy import POLICY_ENV

    result = screen(intake, policy=_policy(os.environ.get(POLICY_ENV) or None))
    table = red_flag_urgencies()
    answer_flags = [*context.values("red_flag"), *_thoracic_after_trauma(context, question)]
    if (
        "thoracic_pain_with_cancer" not in answer_flags
        and context.first("assessed") is None
        and _thoracic_with_cancer(context, question)
    ):
        answer_flags.append("thoracic_pain_with_cancer")  # wave 22, _thoracic_with_cancer
    extra = tuple(
        table[v] for v in dict.fromkeys(answer_flags) if v in table and not table[v].screen
    )
    flags = tuple(dict.fromkeys([*result.red_flags, *(f.id for f in extra)]))
    decision = "refer" if extra else result.decision
    urgency = _urgency(result, flags, table)
    safety = Safety(
        intake=intake.model_dump(mode="json", exclude_defaults=True),
        assumed=tuple(assumed),
        screen=result,
        decision=decision,
        urgency=urgency if decision == "refer" else None,
        red_flags=flags,
        extra_flags=extra,
        blocked_codes=blocked_codes(result),
        problems=tuple([*context.problems, *problems]),
    )
    if with_suppositions:
        cases = supposed_cases(safety, context, conditions, condition_ids, question)
        if cases:
            safety = dataclasses.replace(safety, supposed=cases)
    return safety


def supposed_cases(
    real: Safety,
    context: PatientContext,
    conditions: Sequence[str],
    condition_ids: Iterable[str],
    question: str,
) -> tuple[dict[str, Any], ...]:
    """What the screen would decide for each supposition of the question (wave 9): a second
    intake, the first with the supposed facts added, through the same screen. Clinic policy
    on reading questions: the clinician asked about the supposed case, so it is answered, and
    apart from the decision for the patient as described."""
    from acupath.answer.people import who_is_asked_about
    from acupath.answer.supposed import (
        difference,
        supposed_groups,
        supposition_words,
        with_supposition,
    )

    folded = question.lower()
    groups = supposed_groups(context.mentions, folded)
    if not groups:
        return ()
    ids = tuple(condition_ids)
    who = who_is_asked_about(question, context)
    subject = {"she": "she", "he": "he"}.get(who.pronoun, "the patient")
    if who.is_asker and FIRST_PERSON.search(folded):
        subject = "you"
    out = []
    for group in groups[:3]:
        alt_context = dataclasses.replace(
            context, mentions=with_supposition(context.mentions, group)
        )
        alt = assess(alt_context, conditions, ids, question, with_suppositions=False)
        if alt is None:
            continue
        lead, parts = supposition_words(group, subject), difference(real, alt)
        if parts["reason"] and line_violations(parts["reason"], real):
            # the box names what this patient's screen excludes only in its one line
            parts["reason"], parts["cites"] = "", []
            parts["then"] = parts["decision"]
        then = str(parts.pop("then"))
        says = f"{lead}: {then}"
        out.append(
            {
                "words": list(dict.fromkeys(m.words for m in group)),
                "labels": sorted({m.label for m in group}),
                "decision": alt.decision,
                "urgency": alt.urgency,
                "red_flags": list(alt.red_flags),
                "excluded_points": list(alt.excluded_points),
                "excluded_regions": list(alt.excluded_regions),
                "excluded_techniques": list(alt.excluded_techniques),
                "reasons": [f.reason for f in alt.screen.findings],
                "says": says,
                "lead": lead,
                "then": then,
                "parts": parts,
            }
        )
    return tuple(out)


def _urgency(result: Any, flags: Sequence[str], table: Mapping[str, RedFlagUrgency]) -> str | None:
    """One urgency for the whole box (probe F11). When the screen refers with an urgency, that
    urgency stands for every flag the screen read: its refer rules are what the box's bullets
    say, so the head must say the same; ``red_flags.yaml`` then adds only the answer-only flags
    the intake cannot carry (``screen: false``), which may be more urgent. Without a screen
    urgency, the most urgent flag of ``red_flags.yaml`` decides."""
    own = getattr(result, "urgency", None)
    if getattr(result, "decision", None) == "refer" and isinstance(own, str) and own in URGENCIES:
        extra = [table[f].urgency for f in flags if f in table and not table[f].screen]
        return min([own, *extra], key=URGENCIES.index)
    levels: list[str] = [table[f].urgency for f in flags if f in table]
    if isinstance(own, str) and own in URGENCIES:
        levels.append(own)
    if not levels:
        return "soon" if flags else None
    return min(levels, key=URGENCIES.index)


@functools.lru_cache(maxsize=4)
def _policy(path: str | None) -> Any:
    """The clinic policy ``screen`` would load, read once per policy file (it is plain data)."""
    from acupath.care.policy import load_policy

    return load_policy(path) if path else load_policy(use_env=False)


@functools.cache
def _atlas() -> tuple[Any, ...]:
    from acupath.care import points as care_points
    from acupath.points import all_points

    return tuple(care_points.facts(p.code) for p in all_points())


def blocked_codes(result: Any) -> frozenset[str]:
    """Excluded points, plus every atlas point in an excluded region (either side: an answer
    lists codes without sides), plus ear points when ear acupuncture is excluded."""
    return _blocked(
        tuple(result.excluded_points),
        tuple(result.excluded_regions),
        "auricular" in result.excluded_techniques,
    )


@functools.lru_cache(maxsize=256)
def _blocked(points: tuple[str, ...], regions: tuple[str, ...], auricular: bool) -> frozenset[str]:
    from acupath.care import points as care_points

    out = {c.upper() for c in points}
    sites = [care_vocab.parse_site(n) for n in regions]
    for point in _atlas():
        if sites and care_points.sides_blocked(point, sites):
            out.add(point.code.upper())
        if auricular and point.auricular:
            out.add(point.code.upper())
    return frozenset(out)


def line_violations(line: str, safety: Safety) -> list[str]:
    """What a line of answer text names that the screen excludes (codes, technique words)."""
    found = _codes(line, safety.blocked_codes) if safety.blocked_codes else []
    low = line.lower()
    for tech in safety.excluded_techniques:
        if _technique_pattern(tech).search(low):
            found.append(tech)
    return found


@functools.cache
def _technique_pattern(tech: str) -> re.Pattern[str]:
    words = TECHNIQUE_WORDS.get(tech, (tech.replace("_", " "),))
    return re.compile(r"(?<![a-z])(?:" + "|".join(re.escape(w) for w in words) + r")(?![a-z])")


def _codes(line: str, codes: frozenset[str]) -> list[str]:
    """The ``codes`` that ``line`` names, in any case, with or without the hyphen or a space
    between their parts ("EX-B2", "ex b2", "BL-23", "bl 23")."""
    pattern, by_key = _code_pattern(codes)
    return sorted({by_key[_code_key(m.group(0))] for m in pattern.finditer(line)})


def _code_key(text: str) -> str:
    return re.sub(r"[-‑\s]", "", text).upper()


@functools.lru_cache(maxsize=256)
def _code_pattern(codes: frozenset[str]) -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for every code of an atlas-style set: letters and digits as the atlas writes
    them ("EX-B2", "AUR-SHENMEN", "ASHI"), any separator between their parts; longest first, and
    never inside a longer code ("ST3" is not in "ST36", "B2" is not in "EX-B2"), but found before
    a hyphen ("BL23-based"): a false alarm only drops a line, a miss lists an excluded point."""
    parts = sorted((re.findall(r"[A-Za-z]+|\d+", c) for c in codes), key=len, reverse=True)
    alternatives = sorted(
        (r"[-‑\s]?".join(re.escape(p) for p in ps) for ps in parts if ps), key=len, reverse=True
    )
    pattern = re.compile(
        r"(?<![A-Za-z0-9-‑])(?:" + "|".join(alternatives) + r")(?![A-Za-z0-9])",
        re.IGNORECASE,
    )
    return pattern, {_code_key(c): c.upper() for c in codes}


_LEFT_OUT = (
    "Some lines of evidence were left out because they name points or techniques that "
    "the screen excludes for this patient (see the safety section above)."
)


def filter_answer(
    answer: Answer, safety: Safety | None, safety_title: str, note: str = _LEFT_OUT
) -> Answer:
    """Remove every line outside the safety box that names what the screen excludes.

    The filter runs over every text a reader can see: the opening (premise, scope, named
    studies), the detail sections, the brief sections shown by default, the follow-ups and the
    title. Only the safety box itself may name what it excludes. ``note`` is the line that
    says why lines are missing.
    """
    if safety is None or not (safety.blocked_codes or safety.excluded_techniques):
        return answer
    opening, removed_opening = _filter_sections(answer.opening, safety, safety_title)
    sections, removed = _filter_sections(answer.sections, safety, safety_title)
    brief, removed_brief = _filter_sections(answer.brief_sections, safety, safety_title)
    follow = tuple(q for q in answer.follow_ups if not line_violations(q, safety))
    title = answer.title if not line_violations(answer.title, safety) else "Acupuncture"
    if removed or removed_brief or removed_opening:
        title_out = "Left out for this patient" if note == _LEFT_OUT else "Left out"
        left_out = Section(title_out, note)
        sections = (*sections, left_out)
        if answer.brief_sections:
            brief = (*brief, left_out)
    return dataclasses.replace(
        answer,
        opening=opening,
        sections=sections,
        brief_sections=brief,
        follow_ups=follow,
        title=title,
    )


def _filter_sections(
    sections: tuple[Section, ...], safety: Safety, safety_title: str
) -> tuple[tuple[Section, ...], int]:
    """The sections without the lines that name an exclusion, and how many lines went."""
    out: list[Section] = []
    removed = 0
    for sec in sections:
        if sec.title == safety_title:
            out.append(sec)
            continue
        kept: list[str] = []
        for line in sec.text.splitlines():
            if line_violations(line, safety):
                removed += 1
                continue
            kept.append(line)
        text = "\n".join(kept).strip("\n")
        if not any(ln.strip() and not ln.lstrip().startswith("#") for ln in kept):
            continue  # nothing of the section is left for this patient
        out.append(Section(sec.title, text, sec.citations))
    return tuple(out), removed


# ---------------------------------------------------------------------------------------------
# A pregnancy the question mentions but no patient box reads (wave 12, held-out part 11 h11125)

_PREGNANCY_MENTIONED = re.compile(
    r"\b(?:pregnan\w*|trimester|antenatal|prenatal|gestation\w*|miscarr\w*|midwi\w*|"
    r"obstetric\w*|expecting a baby|baby is due|baby's due|due date|weeks gone|bump|"
    r"(?:bring|brings|bringing|brought|induce|induces|inducing|trigger|triggers|start|starts)"
    r"(?:\s+on)?(?:\s+early)?\s+labou?r|premature labou?r|preterm|until (?:the )?birth)\b",
    re.IGNORECASE,
)
PREGNANCY_GUARD_NOTE = (
    "Some lines were left out because they name points avoided in pregnancy, which the "
    "question mentions; tell the practitioner if you are pregnant."
)


@functools.cache
def pregnancy_guard() -> Safety:
    """The screen of a pregnancy of unknown stage (every trimester's exclusions), used only to
    filter point lists."""
    from acupath.care.policy import POLICY_ENV
    from acupath.care.screening import screen

    data = {"age": 40, "pregnant": True, "conditions": [{"condition": UNSPECIFIED}]}
    intake, _ = _validate(data, ())
    result = screen(intake, policy=_policy(os.environ.get(POLICY_ENV) or None))
    return Safety(
        intake=data,
        assumed=(),
        screen=result,
        decision=result.decision,
        urgency=None,
        red_flags=(),
        blocked_codes=blocked_codes(result),
    )


def topic_guard(question: str, safety: Safety | None, conditions: Sequence[str]) -> Safety | None:
    """When no patient box was made but the question speaks of a pregnancy, the screen of a
    pregnancy of unknown stage, so that no point list the answer shows holds a point avoided in
    pregnancy (h11125: "will bring on labour at 16 weeks" was not read as a pregnancy and the
    answer listed a protocol with pregnancy-excluded points). A question about labour pain
    itself is left alone: its trials needle at term, and the guard would empty the answer.
    Clinic policy: the cautious reading when the reader may be pregnant."""
    if safety is not None or "labour_pain" in conditions:
        return None
    if not _PREGNANCY_MENTIONED.search(question):
        return None
    return pregnancy_guard()
