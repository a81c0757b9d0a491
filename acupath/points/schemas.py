"""Records of the acupoint atlas: body points, auricular points and needling cautions.

Every record is a frozen pydantic model read from ``acupath/data/points/``. A point names the
cautions that apply to it by id; a caution names the points (and body regions) it covers and the
sources that state it. Those cross references are resolved and checked by
:mod:`acupath.points.atlas`, not here, because a single record cannot know what else exists.

Vocabulary
----------
``Region`` is the fixed list of body-region slugs that safety screening matches on (a skin lesion
on the ``lower_back``, a lymphoedematous ``upper_limb``). A point may sit in more than one region
(a wrist point is ``upper_limb`` and ``hand``). ``Angle`` is the insertion angle of the usual
needling method: ``perpendicular`` (about 90 degrees), ``oblique`` (about 45 degrees) or
``transverse`` (horizontal or subcutaneous, about 15 degrees). Depths are in proportional cun
(B-cun): a body-relative unit, not a fixed number of millimetres.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

Meridian = Literal[
    "LU", "LI", "ST", "SP", "HT", "SI", "BL", "KI", "PC", "TE", "GB", "LR", "GV", "CV", "EX"
]  # fmt: skip
"""The 14 WHO meridian codes, plus ``EX`` for extra points outside the meridians."""

MERIDIANS: tuple[str, ...] = (
    "LU", "LI", "ST", "SP", "HT", "SI", "BL", "KI", "PC", "TE", "GB", "LR", "GV", "CV", "EX"
)  # fmt: skip

WHO_POINT_COUNTS: dict[str, int] = {
    "LU": 11, "LI": 20, "ST": 45, "SP": 21, "HT": 9, "SI": 19, "BL": 67,
    "KI": 27, "PC": 9, "TE": 23, "GB": 44, "LR": 14, "GV": 28, "CV": 24,
}  # fmt: skip
"""Points per meridian in the WHO standard (361 in all; WHO 1991 nomenclature, WHO 2008)."""

MERIDIAN_NAMES: dict[str, str] = {
    "LU": "Lung",
    "LI": "Large Intestine",
    "ST": "Stomach",
    "SP": "Spleen",
    "HT": "Heart",
    "SI": "Small Intestine",
    "BL": "Bladder",
    "KI": "Kidney",
    "PC": "Pericardium",
    "TE": "Triple Energizer",
    "GB": "Gallbladder",
    "LR": "Liver",
    "GV": "Governor Vessel",
    "CV": "Conception Vessel",
    "EX": "Extra points",
}

Region = Literal[
    "head", "face", "eye_region", "ear", "neck", "supraclavicular", "chest", "upper_back",
    "lower_back", "sacrum", "upper_abdomen", "lower_abdomen", "upper_limb", "lower_limb",
    "hand", "foot",
]  # fmt: skip

REGIONS: tuple[str, ...] = (
    "head", "face", "eye_region", "ear", "neck", "supraclavicular", "chest", "upper_back",
    "lower_back", "sacrum", "upper_abdomen", "lower_abdomen", "upper_limb", "lower_limb",
    "hand", "foot",
)  # fmt: skip

Angle = Literal["perpendicular", "oblique", "transverse"]

PointKind = Literal["classical", "extra", "pseudo"]
"""``classical``: one of the 361 WHO points; ``extra``: an extra point (WHO-coded or not);
``pseudo``: a placeholder that is not a fixed location (``ASHI``, the tender point)."""

CautionKind = Literal[
    "pregnancy",
    "pneumothorax",
    "large_vessel",
    "eye",
    "medulla",
    "do_not_needle",
    "nerve",
    "organ",
    "other",
]
CAUTION_KINDS: tuple[str, ...] = (
    "pregnancy", "pneumothorax", "large_vessel", "eye", "medulla", "do_not_needle", "nerve",
    "organ", "other",
)  # fmt: skip

Applies = Literal["all", "trimester_1", "trimester_2", "trimester_3"]
"""When a caution applies: always (``all``), or in the pregnancy trimesters its source names."""

Protocol = Literal["nada", "battlefield"]

SourceId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=80)]

_BODY_CODE = re.compile(r"^(LU|LI|ST|SP|HT|SI|BL|KI|PC|TE|GB|LR|GV|CV)([1-9]\d?)$")
_EXTRA_CODE = re.compile(r"^EX-(HN|CA|B|UE|LE)([1-9]\d?)$")
_OTHER_CODE = re.compile(r"^[A-Z]{3,20}$")
_RANGE = re.compile(r"^([A-Z]{2})(\d+)\s*-\s*(?:\1)?(\d+)$")


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class Point(_Frozen):
    """One body acupoint: a WHO standard point, an extra point, or the ``ASHI`` pseudo-point.

    ``hanzi`` is the traditional form printed by WHO 2008; ``hanzi_variant`` the other form it
    prints in brackets (simplified or Japanese) where one differs, so not every character of a
    modern simplified spelling is covered. ``code`` is the WHO alphanumeric code (``BL23``;
    ``EX-B2`` for extra points). Extra points without a WHO code use their pinyin in capitals
    (``ANMIAN``). ``english`` is the English name of Deadman's *A Manual of Acupuncture*
    (``BL23`` Kidney Shu), empty where it could not be checked. ``names`` holds other names
    and spellings that resolve to the point (``Jiaji`` for ``EX-B2``). ``midline`` points are
    single; all others are bilateral. ``group_size`` counts the needling sites on one side for a
    named group (``EX-UE9`` Baxie: 4 per hand). ``depth`` is the usual depth as text; the numeric
    bounds are given where the source states them. ``cautions`` are filled in by the atlas from
    the caution records; the data files leave them out.
    """

    code: str
    kind: PointKind = "classical"
    pinyin: str = Field(min_length=2)
    hanzi: str | None = None
    hanzi_variant: str | None = None
    english: str | None = None
    names: tuple[str, ...] = ()
    meridian: Meridian
    regions: tuple[Region, ...]
    midline: bool
    group_size: int = Field(default=1, ge=1, le=40)
    depth: str | None = None
    depth_min_cun: float | None = Field(default=None, ge=0, le=5)
    depth_max_cun: float | None = Field(default=None, ge=0, le=5)
    angle: Angle | None = None
    needling_note: str | None = None
    location: str = Field(min_length=5)
    cautions: tuple[str, ...] = ()
    sources: tuple[SourceId, ...] = ()
    note: str | None = None

    @property
    def id(self) -> str:
        """The record id used by the knowledge-base reader: the code."""
        return self.code

    @property
    def number(self) -> int | None:
        """The point's number along its meridian (23 for ``BL23``), or None for extra points."""
        m = _BODY_CODE.match(self.code)
        return int(m.group(2)) if m else None

    @model_validator(mode="after")
    def _consistent(self) -> Point:
        body = _BODY_CODE.match(self.code)
        if self.kind == "classical":
            if not body:
                raise ValueError(
                    f"code of a classical point must look like BL23; got {self.code!r}"
                )
            if body.group(1) != self.meridian:
                raise ValueError(
                    f"meridian must match the code prefix {body.group(1)!r}; got {self.meridian!r}"
                )
            if self.midline != (self.meridian in ("GV", "CV")):
                raise ValueError("midline must be true exactly for GV and CV points")
        else:
            if self.meridian != "EX":
                raise ValueError(f"meridian of an extra point must be 'EX'; got {self.meridian!r}")
            if not (_EXTRA_CODE.match(self.code) or _OTHER_CODE.match(self.code)):
                raise ValueError(
                    f"code of an extra point must look like EX-B2 or ANMIAN; got {self.code!r}"
                )
        if self.kind != "pseudo":
            if not self.regions:
                raise ValueError("regions must name at least one body region")
            if not self.sources:
                raise ValueError("sources must name at least one source")
        lo, hi = self.depth_min_cun, self.depth_max_cun
        if (lo is None) != (hi is None):
            raise ValueError("depth_min_cun and depth_max_cun must be given together")
        if lo is not None and hi is not None and lo > hi:
            raise ValueError(f"depth_min_cun ({lo}) must not exceed depth_max_cun ({hi})")
        return self


class AuricularPoint(_Frozen):
    """One ear point of the NADA or Battlefield Acupuncture protocols.

    ``code`` is ``AUR-`` plus the name in capitals (``AUR-SHENMEN``). ``zone`` is the part of
    the auricle it lies in (triangular fossa, cymba conchae ...). ``protocols`` names the
    protocols that use it. ``location_verified`` is false where the site on the auricle could
    not be checked against a stored description (the ``note`` says so).
    """

    code: Annotated[str, StringConstraints(pattern=r"^AUR-[A-Z0-9]+(-[A-Z0-9]+)*$")]
    name: str = Field(min_length=2)
    aliases: tuple[str, ...] = ()
    zone: str = Field(min_length=3)
    protocols: tuple[Protocol, ...] = Field(min_length=1)
    location: str = Field(min_length=5)
    location_verified: bool = True
    regions: tuple[Region, ...] = ("ear",)
    midline: bool = False
    cautions: tuple[str, ...] = ()
    sources: tuple[SourceId, ...] = Field(min_length=1)
    note: str | None = None

    @property
    def id(self) -> str:
        """The record id used by the knowledge-base reader: the code."""
        return self.code


def expand_codes(codes: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Expand ranges within one meridian: ``("BL31-BL34", "LI4")`` -> BL31 ... BL34, LI4."""
    out: list[str] = []
    for item in codes:
        text = item.strip().upper().replace(" ", "")
        m = _RANGE.match(text)
        if m:
            first, last = int(m.group(2)), int(m.group(3))
            if first > last:
                raise ValueError(f"range must run upwards; got {item!r}")
            out.extend(f"{m.group(1)}{n}" for n in range(first, last + 1))
        else:
            out.append(item.strip())
    return tuple(dict.fromkeys(out))


class Caution(_Frozen):
    """A needling caution or contraindication, with the sources that state it.

    ``points`` lists the codes it covers; in the data files a range within one meridian may be
    written ``BL11-BL21``. ``regions`` extends the caution to every point in those body regions
    (the atlas adds them to ``points`` when it loads). ``applies`` says when it holds: ``all``, or
    the trimesters of pregnancy its source names. ``measured_depth_mm`` carries measured
    skin-to-organ depths where a source gives them (GB21: mean skin-to-pleura depth by sex);
    they are averages, not safe limits. ``verified`` is false when the statement could not be
    checked against a stored copy of its source; ``note`` then says where it was looked for.
    """

    id: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=80)]
    kind: CautionKind
    text: str = Field(min_length=10)
    sources: tuple[SourceId, ...] = Field(min_length=1)
    points: tuple[str, ...] = ()
    regions: tuple[Region, ...] = ()
    applies: tuple[Applies, ...] = ("all",)
    measured_depth_mm: dict[str, float] = Field(default_factory=dict)
    verified: bool = True
    note: str | None = None

    @field_validator("points", mode="before")
    @classmethod
    def _ranges(cls, value: object) -> object:
        if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
            return expand_codes(list(value))
        return value

    @model_validator(mode="after")
    def _something(self) -> Caution:
        if not self.points and not self.regions:
            raise ValueError("a caution must name points or regions")
        if "all" in self.applies and len(self.applies) > 1:
            raise ValueError("applies must be ['all'] or a list of trimesters, not both")
        return self
