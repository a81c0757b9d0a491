"""The fixed words of patient intake and screening: body sites, devices, flags, techniques.

Screening rules, intake files and plans all speak this vocabulary, so a rule can say "exclude
the patient's lymphoedematous limb" and the plan can tell which points that removes.

Body sites
----------
A *site* is an area of the body, optionally on one side: ``left_arm``, ``right_chest``,
``lower_back``. The area is one of the atlas regions (:data:`REGIONS`, the slugs of
``acupath.points``) or a limb or a familiar grouping (:data:`AREA_GROUPS`: ``arm`` is
``upper_limb`` plus ``hand``). A site without a side covers both sides and the midline; a
sided site covers only that side (midline points are treated as lying on both sides, so a
``right_chest`` radiotherapy field also excludes the sternal CV points — the cautious
reading).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

REGIONS: tuple[str, ...] = (
    "head", "face", "eye_region", "ear", "neck", "supraclavicular", "chest", "upper_back",
    "lower_back", "sacrum", "upper_abdomen", "lower_abdomen", "upper_limb", "lower_limb",
    "hand", "foot",
)  # fmt: skip
"""Body-region slugs of the acupoint atlas (``acupath.points``)."""

AREA_GROUPS: dict[str, tuple[str, ...]] = {
    "arm": ("upper_limb", "hand"),
    "leg": ("lower_limb", "foot"),
    "breast": ("chest",),
    "thorax": ("chest", "upper_back"),
    "abdomen": ("upper_abdomen", "lower_abdomen"),
    "back": ("upper_back", "lower_back"),
    "lumbosacral": ("lower_back", "sacrum"),
    "pelvis": ("lower_abdomen", "sacrum"),
    "spine": ("neck", "upper_back", "lower_back", "sacrum"),
}
"""Familiar names for groups of regions, accepted wherever a site is asked for."""

Side = Literal["left", "right"]

Limb = Literal["left_arm", "right_arm", "left_leg", "right_leg"]
LIMBS: tuple[str, ...] = get_args(Limb)
"""The limbs the intake field ``lymphedema`` accepts."""


@dataclass(frozen=True)
class Site:
    """A body area, optionally on one side; ``name`` is how it was written (``left_arm``)."""

    name: str
    regions: tuple[str, ...]
    side: Side | None = None

    def covers(self, regions: tuple[str, ...] | list[str], *, midline: bool, side: str) -> bool:
        """Whether a needling site in ``regions`` on ``side`` (left, right) lies in this site.

        ``midline`` points have no side and are covered by a sided site of their region.
        """
        if not set(regions) & set(self.regions):
            return False
        if self.side is None or midline:
            return True
        return side == self.side


def site_names() -> list[str]:
    """Every accepted site name, unsided and sided (for error messages and the schema)."""
    areas = list(REGIONS) + list(AREA_GROUPS)
    return areas + [f"{s}_{a}" for s in ("left", "right") for a in areas]


def parse_site(text: str) -> Site:
    """Read ``left_arm``, ``Right chest``, ``lower-back`` ... as a :class:`Site`.

    Raises ``ValueError`` (with the accepted forms) for an unknown area; callers turn it into
    an :class:`acupath.errors.InputError` naming their field.
    """
    raw = text.strip().lower().replace("-", "_").replace(" ", "_")
    side: Side | None = None
    area = raw
    for prefix in ("left_", "right_"):
        if raw.startswith(prefix):
            side = "left" if prefix == "left_" else "right"
            area = raw[len(prefix) :]
            break
    if area in REGIONS:
        regions: tuple[str, ...] = (area,)
    elif area in AREA_GROUPS:
        regions = AREA_GROUPS[area]
    else:
        raise ValueError(
            "a body site: an atlas region or limb, optionally prefixed left_ or right_ "
            "(e.g. left_arm, lower_back, right_chest); areas: "
            + ", ".join(REGIONS + tuple(AREA_GROUPS))
        )
    name = f"{side}_{area}" if side else area
    return Site(name=name, regions=regions, side=side)


Device = Literal[
    "pacemaker",
    "icd",
    "neurostimulator",
    "drug_pump",
    "insulin_pump",
    "cochlear_implant",
    "breast_implant",
    "port",
    "picc_line",
    "vp_shunt",
]
DEVICES: tuple[str, ...] = get_args(Device)
"""Implanted or attached devices the intake recognises."""

ELECTRICAL_DEVICES: tuple[str, ...] = (
    "pacemaker",
    "icd",
    "neurostimulator",
    "drug_pump",
    "insulin_pump",
    "cochlear_implant",
)
"""Devices with electronics that electroacupuncture current could disturb."""

DEVICE_DEFAULT_SITES: dict[str, str] = {
    "pacemaker": "chest",
    "icd": "chest",
    "breast_implant": "chest",
    "port": "chest",
    # the receiver-stimulator lies under the scalp above and behind the ear; with the side
    # unknown both sides of the scalp are excluded (the cautious reading)
    "cochlear_implant": "head",
}
"""Where a device usually sits when the intake does not say (the generator or reservoir).

Used only to exclude needling over it; an intake can give the true site.
"""

RedFlag = Literal[
    "saddle_anesthesia",
    "bladder_dysfunction",
    "bowel_incontinence",
    "progressive_neurological_deficit",
    "fever",
    "unexplained_weight_loss",
    "history_of_cancer",
    "major_trauma",
    "minor_trauma_with_osteoporosis",
    "iv_drug_use",
    "immunosuppression",
    "recent_bacterial_infection",
    "severe_night_pain",
    "pain_worse_supine",
    "thunderclap_headache",
    "neck_stiffness",
    "papilledema",
    "altered_consciousness",
    "focal_neurological_deficit",
    "jaw_claudication",
    "myelopathy_signs",
    "vascular_neck_symptoms",
    "hot_swollen_joint",
    "new_headache_after_50",
    "suspected_stroke",
    "cardiac_chest_pain",
]
RED_FLAGS: tuple[str, ...] = get_args(RedFlag)
"""Red flags; any one means refer (except the risk factors of :data:`SCOPED_RED_FLAGS`). The
spinal ones come from the AHCPR 1994 table, the headache ones from Becker 2015, the neck ones
from Childress 2020, the joint one from Coakley 2006."""

SCOPED_RED_FLAGS: tuple[str, ...] = ("immunosuppression",)
"""Risk factors that are red flags only for the complaints whose sources name them.

Immune suppression is a red flag for spinal infection in back and neck pain (AHCPR 1994,
Table 1) and a sign of systemic illness with a headache (Becker 2015), and the rules for those
complaints refer. With other complaints no source makes it a reason to refer: it is a reason
for strict asepsis and no indwelling needles (Liao 2013, Table 3; rule
``immunosuppression_asepsis``), so on its own it does not refer."""

RED_FLAG_ALIASES: dict[str, str] = {
    "saddle_anaesthesia": "saddle_anesthesia",
    "saddle_numbness": "saddle_anesthesia",
    "perineal_numbness": "saddle_anesthesia",
    "urinary_retention": "bladder_dysfunction",
    "urinary_incontinence": "bladder_dysfunction",
    "faecal_incontinence": "bowel_incontinence",
    "fecal_incontinence": "bowel_incontinence",
    "progressive_neurological_deficit": "progressive_neurological_deficit",
    "progressive_weakness": "progressive_neurological_deficit",
    "fevers": "fever",
    "pyrexia": "fever",
    "weight_loss": "unexplained_weight_loss",
    "cancer_history": "history_of_cancer",
    "trauma": "major_trauma",
    "ivdu": "iv_drug_use",
    "injection_drug_use": "iv_drug_use",
    "intravenous_drug_use": "iv_drug_use",
    "immunosuppressed": "immunosuppression",
    "immunocompromised": "immunosuppression",
    "night_pain": "severe_night_pain",
    "thunderclap": "thunderclap_headache",
    "sudden_severe_headache": "thunderclap_headache",
    "worst_headache_of_life": "thunderclap_headache",
    "meningism": "neck_stiffness",
    "meningismus": "neck_stiffness",
    "stiff_neck": "neck_stiffness",
    "nuchal_rigidity": "neck_stiffness",
    "papilloedema": "papilledema",
    "confusion": "altered_consciousness",
    "drowsiness": "altered_consciousness",
    "reduced_consciousness": "altered_consciousness",
    "focal_deficit": "focal_neurological_deficit",
    "focal_neurological_signs": "focal_neurological_deficit",
    "new_neurological_deficit": "focal_neurological_deficit",
    "jaw_claudication_temporal_arteritis": "jaw_claudication",
    "myelopathy": "myelopathy_signs",
    "cord_compression_signs": "myelopathy_signs",
    "drop_attacks": "vascular_neck_symptoms",
    "arterial_dissection_symptoms": "vascular_neck_symptoms",
    "hot_joint": "hot_swollen_joint",
    "septic_joint": "hot_swollen_joint",
    "hot_swollen_knee": "hot_swollen_joint",
    "stroke_symptoms": "suspected_stroke",
    "acute_stroke": "suspected_stroke",
    "fast_positive": "suspected_stroke",
    "suspected_acs": "cardiac_chest_pain",
    "acute_coronary_syndrome": "cardiac_chest_pain",
    "ischaemic_chest_pain": "cardiac_chest_pain",
    "ischemic_chest_pain": "cardiac_chest_pain",
}
"""Other ways clinicians write a red flag (keys normalised: lower case, underscores)."""

CONDITION_FAMILIES: dict[str, tuple[str, ...]] = {
    # sciatica is lumbar radicular pain: its red flags are those of low back pain (AHCPR 1994
    # covers "low back problems" with sciatica; NICE NG59 covers low back pain and sciatica)
    "low_back": ("chronic_low_back_pain", "acute_low_back_pain", "sciatica"),
    "neck": ("chronic_neck_pain",),
    "headache": ("tension_type_headache", "migraine", "chronic_headache"),
    "joint": (
        "knee_osteoarthritis",
        "hip_osteoarthritis",
        "hand_osteoarthritis",
        "shoulder_pain",
        "aromatase_inhibitor_arthralgia",
    ),
}
"""Condition families whose red flags differ (a fever with headache is not a back-pain flag).

Conditions in no family get the general red-flag rules."""

KNOWN_COMORBIDITIES: tuple[str, ...] = (
    "bleeding_disorder",
    "haemophilia",
    "epilepsy",
    "uncontrolled_epilepsy",
    "diabetes",
    "chronic_lung_disease",
    "prior_thoracic_surgery",
    "spinal_instability",
    "skull_defect",
    "bleeding_tendency",
)
"""Comorbidities that screening rules look at; other entries are kept and reported."""

COMORBIDITY_ALIASES: dict[str, str] = {
    "hemophilia": "haemophilia",
    "coagulopathy": "bleeding_disorder",
    "coagulation_disorder": "bleeding_disorder",
    "seizure_disorder": "epilepsy",
    "seizures": "epilepsy",
    "copd": "chronic_lung_disease",
    "emphysema": "chronic_lung_disease",
    "lung_disease": "chronic_lung_disease",
    "thoracic_surgery": "prior_thoracic_surgery",
    "craniotomy": "skull_defect",
    # an undiagnosed bleeding tendency (rule unexplained_bleeding_tendency); a diagnosed
    # disorder is bleeding_disorder or haemophilia
    "easy_bruising": "bleeding_tendency",
    "bruises_easily": "bleeding_tendency",
    "bruising_easily": "bleeding_tendency",
    "unexplained_bruising": "bleeding_tendency",
    "bleeding_gums": "bleeding_tendency",
    "gums_bleed": "bleeding_tendency",
    "gum_bleeding": "bleeding_tendency",
    "nosebleeds": "bleeding_tendency",
    "frequent_nosebleeds": "bleeding_tendency",
    "recurrent_nosebleeds": "bleeding_tendency",
    "epistaxis": "bleeding_tendency",
    "unexplained_bleeding": "bleeding_tendency",
    "abnormal_bleeding": "bleeding_tendency",
    "heavy_bleeding": "bleeding_tendency",
    "prolonged_bleeding": "bleeding_tendency",
    "bleeds_easily": "bleeding_tendency",
}

Cause = Literal[
    "nonspecific",
    "degenerative",
    "surgery",
    "pregnancy",
    "trauma",
    "fracture",
    "malignancy",
    "metastatic",
    "inflammatory",
    "infectious",
    "chemotherapy",
    "radiotherapy",
    "aromatase_inhibitor",
    "neuropathic",
    "other",
    "unknown",
]
CAUSES: tuple[str, ...] = get_args(Cause)
"""What the clinician believes causes a condition; coverage and screening read it."""

CancerTreatment = Literal[
    "chemotherapy",
    "radiotherapy",
    "surgery",
    "hormone_therapy",
    "aromatase_inhibitor",
    "immunotherapy",
    "targeted_therapy",
    "stem_cell_transplant",
]
CANCER_TREATMENTS: tuple[str, ...] = get_args(CancerTreatment)

CANCER_TREATMENT_ALIASES: dict[str, str] = {
    "chemo": "chemotherapy",
    "cytotoxic_chemotherapy": "chemotherapy",
    "radiation": "radiotherapy",
    "radiation_therapy": "radiotherapy",
    "radiotherapy": "radiotherapy",
    "rt": "radiotherapy",
    "xrt": "radiotherapy",
    "operation": "surgery",
    "mastectomy": "surgery",
    "lumpectomy": "surgery",
    "hormone": "hormone_therapy",
    "hormones": "hormone_therapy",
    "hormonal": "hormone_therapy",
    "hormonal_therapy": "hormone_therapy",
    "hormone_treatment": "hormone_therapy",
    "endocrine": "hormone_therapy",
    "endocrine_therapy": "hormone_therapy",
    "endocrine_treatment": "hormone_therapy",
    "antihormonal_therapy": "hormone_therapy",
    "anti_hormonal_therapy": "hormone_therapy",
    "tamoxifen": "hormone_therapy",
    "ai": "aromatase_inhibitor",
    "aromatase_inhibitors": "aromatase_inhibitor",
    "anastrozole": "aromatase_inhibitor",
    "letrozole": "aromatase_inhibitor",
    "exemestane": "aromatase_inhibitor",
    "arimidex": "aromatase_inhibitor",
    "femara": "aromatase_inhibitor",
    "aromasin": "aromatase_inhibitor",
    "immune_checkpoint_inhibitor": "immunotherapy",
    "checkpoint_inhibitor": "immunotherapy",
    "targeted": "targeted_therapy",
    "stem_cell_transplantation": "stem_cell_transplant",
    "bone_marrow_transplant": "stem_cell_transplant",
    "sct": "stem_cell_transplant",
}
"""Clinical synonyms and drug names accepted in ``cancer.treatments`` (keys normalised)."""

MYELOSUPPRESSIVE_TREATMENTS: tuple[str, ...] = ("chemotherapy", "stem_cell_transplant")
"""Cancer treatments after which blood counts are checked before needling."""

DEVICE_ALIASES: dict[str, str] = {
    "ppm": "pacemaker",
    "permanent_pacemaker": "pacemaker",
    "implantable_cardioverter_defibrillator": "icd",
    "defibrillator": "icd",
    "spinal_cord_stimulator": "neurostimulator",
    "scs": "neurostimulator",
    "deep_brain_stimulator": "neurostimulator",
    "vagus_nerve_stimulator": "neurostimulator",
    "intrathecal_pump": "drug_pump",
    "implanted_pump": "drug_pump",
    "port_a_cath": "port",
    "portacath": "port",
    "implanted_port": "port",
    "picc": "picc_line",
    "cochlear": "cochlear_implant",
    "breast_prosthesis": "breast_implant",
    "cochlear_implants": "cochlear_implant",
    "ci": "cochlear_implant",
    "vp": "vp_shunt",
    "shunt": "vp_shunt",
    "ventriculoperitoneal_shunt": "vp_shunt",
    "ventriculo_peritoneal_shunt": "vp_shunt",
    "vps": "vp_shunt",
    "csf_shunt": "vp_shunt",
    "cerebral_shunt": "vp_shunt",
    "brain_shunt": "vp_shunt",
    "hydrocephalus_shunt": "vp_shunt",
    "programmable_shunt": "vp_shunt",
    "ventricular_shunt": "vp_shunt",
}
"""Other ways clinicians write a device (keys normalised)."""


def normalise_word(text: str) -> str:
    """``Hormonal therapy`` -> ``hormonal_therapy``: lower case, spaces and dashes to ``_``."""
    return "_".join(text.strip().lower().replace("-", " ").replace("/", " ").split())


TECHNIQUES: tuple[str, ...] = (
    "electro",
    "auricular",
    "semi_permanent_needles",
    "deep_needling",
    "strong_stimulation",
)
"""Techniques a screening rule can exclude. ``electro``: electroacupuncture;
``auricular``: ear needling; ``semi_permanent_needles``: indwelling ear needles left for days;
``deep_needling``: insertion beyond superficial depth; ``strong_stimulation``: vigorous manual
or electrical stimulation."""

BACK_PAIN_CONDITIONS: tuple[str, ...] = ("chronic_low_back_pain", "acute_low_back_pain")
"""Conditions to which the AHCPR red-flag reasoning for back pain applies."""
