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
]
RED_FLAGS: tuple[str, ...] = get_args(RedFlag)
"""Red flags for serious spinal disease (AHCPR 1994 table of red flags); any one means refer."""

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
