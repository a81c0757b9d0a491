"""Patient intake: the facts about one patient that screening and planning read.

An intake is a YAML or JSON file (the contract of ``DESIGN.md``)::

    age: 58
    sex: female
    conditions:
      - condition: chronic_low_back_pain
        duration_weeks: 30
        cause: nonspecific
    pain_nrs: 6
    medications: [warfarin, "Lyrica 75 mg"]
    labs: {platelets: 210, anc: 3.1, inr: 2.4}
    devices: [pacemaker]
    lymphedema: [left_arm]

:func:`read_intake` reads a file, :func:`parse_intake` a mapping; both return a frozen
:class:`Intake` or raise :class:`acupath.errors.InputError` naming the field, the value and
what is allowed (``pain_nrs must be an integer from 0 to 10; got 14``). Condition ids are
checked against the knowledge base (``acupath evidence conditions``). Laboratory values use
10^9/L for platelets and neutrophils: 150, not 150000. :func:`intake_schema` gives the JSON
Schema that ``docs/intake.schema.json`` holds.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from acupath.care import vocabulary as vocab
from acupath.care.medications import MedicationProfile, classify
from acupath.care.vocabulary import CancerTreatment, Cause, Device, Limb, RedFlag
from acupath.errors import InputError
from acupath.userfiles import read_user_data

SiteName = Annotated[
    str,
    Field(
        description="A body site: an atlas region or limb, optionally prefixed left_ or right_ "
        "(left_arm, lower_back, right_chest)."
    ),
]

FIELD_RULES: dict[str, str] = {
    "age": "an integer from 0 to 120 (years)",
    "pain_nrs": "an integer from 0 to 10",
    "pregnancy_weeks": "an integer from 0 to 42 (completed weeks of gestation)",
    "labs.platelets": "a count in 10^9/L from 0 to 2000 (150 means 150,000 per microlitre)",
    "labs.anc": "a count in 10^9/L from 0 to 100 (1.5 means 1,500 per microlitre)",
    "labs.inr": "a ratio above 0 and at most 20",
    "labs.cd4": "a CD4 count in cells per microlitre from 0 to 5000",
    "conditions.duration_weeks": "a number of weeks from 0 to 5200",
}
"""What each numeric field allows, as error messages state it."""


def _sites(values: Iterable[str]) -> tuple[str, ...]:
    out = []
    for value in values:
        out.append(vocab.parse_site(str(value)).name)
    return tuple(out)


def _aliased(value: Any, aliases: Mapping[str, str], allowed: Iterable[str]) -> Any:
    """Map clinicians' synonyms to the vocabulary; anything else passes on to be validated.

    ``Hormonal therapy`` and ``endocrine`` become ``hormone_therapy``; an unknown word is left
    exactly as written, so the error names the field and the value the clinician typed.
    """
    if isinstance(value, str):
        key = vocab.normalise_word(value)
        if key in aliases:
            return aliases[key]
        return key if key in set(allowed) else value
    if isinstance(value, list | tuple):
        return [_aliased(v, aliases, allowed) for v in value]
    return value


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class ConditionEntry(_Model):
    """One condition the patient seeks care for.

    ``evaluated`` records that a clinician has assessed the red flags for this complaint and
    found no specific cause; it turns derived red flags (history of cancer with back pain) into
    cautions, but never overrides a red flag listed in ``red_flags``.
    """

    condition: str = Field(description="A condition id from `acupath evidence conditions`.")
    duration_weeks: float | None = Field(default=None, ge=0, le=5200)
    cause: Cause | None = None
    site: SiteName | None = Field(
        default=None, description="Where the pain is worst (used for local points)."
    )
    evaluated: bool = False

    @field_validator("condition")
    @classmethod
    def _known_condition(cls, value: str, info: ValidationInfo) -> str:
        ident = value.strip().lower()
        known = _known_conditions(info.context)
        if ident not in known:
            shown = ", ".join(sorted(known))
            raise ValueError(f"a condition id from `acupath evidence conditions`: {shown}")
        return ident

    @field_validator("site")
    @classmethod
    def _site(cls, value: str | None) -> str | None:
        return None if value is None else vocab.parse_site(value).name


class DeviceEntry(_Model):
    """An implanted or attached device; ``site`` says where it sits when that matters."""

    type: Device
    site: SiteName | None = None

    @field_validator("type", mode="before")
    @classmethod
    def _device_alias(cls, value: Any) -> Any:
        return _aliased(value, vocab.DEVICE_ALIASES, vocab.DEVICES)

    @field_validator("site")
    @classmethod
    def _site(cls, value: str | None) -> str | None:
        return None if value is None else vocab.parse_site(value).name


class MedicationEntry(_Model):
    """A medicine written as a mapping (``{name: warfarin, dose: 5 mg}``)."""

    name: str = Field(min_length=1)
    dose: str | None = None


class Labs(_Model):
    """Recent laboratory values: platelets and neutrophils (ANC) in 10^9/L, INR as a ratio,
    CD4 count (people with HIV) in cells per microlitre."""

    platelets: float | None = Field(default=None, ge=0, le=2000)
    anc: float | None = Field(default=None, ge=0, le=100)
    inr: float | None = Field(default=None, gt=0, le=20)
    cd4: float | None = Field(
        default=None,
        ge=0,
        le=5000,
        description="CD4 count in cells per microlitre (350, not 0.35).",
    )


class Cancer(_Model):
    """The cancer history. Its presence means the patient has had cancer.

    ``active``: disease present now. ``on_treatment``: receiving chemotherapy, radiotherapy or
    other anticancer treatment now. ``radiation_sites`` and ``tumour_sites`` are body sites.
    """

    active: bool = False
    on_treatment: bool = False
    type: str | None = None
    treatments: tuple[CancerTreatment, ...] = ()
    radiation_sites: tuple[SiteName, ...] = ()
    tumour_sites: tuple[SiteName, ...] = ()

    @field_validator("radiation_sites", "tumour_sites")
    @classmethod
    def _sites(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return _sites(value)

    @field_validator("treatments", mode="before")
    @classmethod
    def _treatment_alias(cls, value: Any) -> Any:
        out = _aliased(value, vocab.CANCER_TREATMENT_ALIASES, vocab.CANCER_TREATMENTS)
        return list(dict.fromkeys(out)) if isinstance(out, list) else out


class Intake(_Model):
    """Everything screening and planning know about one patient (see the module docstring)."""

    id: str | None = Field(default=None, description="A label for the patient (not a name).")
    age: int = Field(ge=0, le=120)
    sex: Literal["female", "male", "other"] | None = None
    pregnant: bool | None = None
    pregnancy_weeks: int | None = Field(default=None, ge=0, le=42)
    conditions: tuple[ConditionEntry, ...] = Field(min_length=1)
    pain_nrs: int | None = Field(default=None, ge=0, le=10)
    medications: tuple[str | MedicationEntry, ...] = ()
    labs: Labs = Field(default_factory=Labs)
    devices: tuple[Device | DeviceEntry, ...] = ()
    lymphedema: tuple[Limb, ...] = Field(
        default=(), description="Limbs with lymphoedema or at risk of it."
    )
    cancer: Cancer | None = None
    red_flags: tuple[RedFlag, ...] = ()
    comorbidities: tuple[str, ...] = Field(
        default=(),
        description="Known: " + ", ".join(vocab.KNOWN_COMORBIDITIES) + "; others are kept.",
    )
    skin_lesions: tuple[SiteName, ...] = Field(
        default=(), description="Sites of infection, broken or inflamed skin."
    )
    needle_phobia: bool = False
    can_consent: bool = True
    breastfeeding: bool = Field(
        default=False,
        description="Breastfeeding now; recorded so the screen can say no rule concerns it.",
    )

    @field_validator("red_flags", mode="before")
    @classmethod
    def _red_flag_alias(cls, value: Any) -> Any:
        out = _aliased(value, vocab.RED_FLAG_ALIASES, vocab.RED_FLAGS)
        return list(dict.fromkeys(out)) if isinstance(out, list) else out

    @field_validator("lymphedema", mode="before")
    @classmethod
    def _limb_words(cls, value: Any) -> Any:
        return _aliased(value, {}, vocab.LIMBS)

    @field_validator("devices", mode="before")
    @classmethod
    def _device_words(cls, value: Any) -> Any:
        if isinstance(value, list | tuple):
            return [
                _aliased(v, vocab.DEVICE_ALIASES, vocab.DEVICES) if isinstance(v, str) else v
                for v in value
            ]
        return value

    @field_validator("comorbidities")
    @classmethod
    def _comorbidities(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        out = []
        for item in value:
            key = item.strip().lower().replace(" ", "_").replace("-", "_")
            out.append(vocab.COMORBIDITY_ALIASES.get(key, key))
        return tuple(dict.fromkeys(out))

    @field_validator("skin_lesions")
    @classmethod
    def _skin(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return _sites(value)

    @model_validator(mode="after")
    def _pregnancy(self) -> Intake:
        if self.pregnancy_weeks is not None and self.pregnant is False:
            raise _CrossFieldError(
                "pregnancy_weeks", self.pregnancy_weeks, "left out when pregnant is false"
            )
        if (self.pregnant or self.pregnancy_weeks is not None) and self.sex == "male":
            raise _CrossFieldError("pregnant", True, "false when sex is male")
        if self.pregnancy_weeks is not None and self.pregnant is None:
            object.__setattr__(self, "pregnant", True)
        return self

    # Derived views ------------------------------------------------------------------------

    @property
    def is_pregnant(self) -> bool:
        """True when the intake says the patient is pregnant."""
        return bool(self.pregnant)

    @property
    def condition_ids(self) -> tuple[str, ...]:
        """The condition ids in intake order."""
        return tuple(c.condition for c in self.conditions)

    @property
    def medication_names(self) -> tuple[str, ...]:
        """Medicine names as written, whether given as strings or mappings."""
        return tuple(m if isinstance(m, str) else m.name for m in self.medications)

    @property
    def device_entries(self) -> tuple[DeviceEntry, ...]:
        """Devices as :class:`DeviceEntry`, whether given as names or mappings."""
        return tuple(DeviceEntry(type=d) if isinstance(d, str) else d for d in self.devices)

    @property
    def device_types(self) -> frozenset[str]:
        """The kinds of device the patient has."""
        return frozenset(d.type for d in self.device_entries)

    def medication_profile(self) -> MedicationProfile:
        """The patient's medicines mapped to drug classes."""
        return classify(self.medication_names)


class _CrossFieldError(ValueError):
    """A check across fields; carries the field it should be reported under."""

    def __init__(self, field: str, value: Any, allowed: str) -> None:
        super().__init__(allowed)
        self.field = field
        self.value = value
        self.allowed = allowed


def _known_conditions(context: Any) -> frozenset[str]:
    if isinstance(context, Mapping) and "conditions" in context:
        return frozenset(context["conditions"])
    from acupath.evidence.loader import bundled_base

    return frozenset(bundled_base().conditions)


def _field_path(loc: tuple[int | str, ...]) -> tuple[str, str]:
    """(``conditions[0].condition``, ``conditions.condition``): shown path and rule key."""
    shown = ""
    key_parts: list[str] = []
    for part in loc:
        if isinstance(part, int):
            shown += f"[{part}]"
        elif part in ("str", "DeviceEntry", "MedicationEntry") or part.startswith(
            ("literal[", "function-")
        ):
            continue  # pydantic names the union branch; the user does not need it
        else:
            shown += f".{part}" if shown else str(part)
            key_parts.append(str(part))
    return shown, ".".join(key_parts)


def _allowed(err: Mapping[str, Any], key: str) -> str:
    etype = err["type"]
    msg = str(err["msg"]).removeprefix("Value error, ")
    if etype == "value_error":
        return msg
    if etype == "missing":
        return "given (it is required)"
    if etype == "extra_forbidden":
        return (
            "left out: it is not an intake field (known fields: "
            + ", ".join(Intake.model_fields)
            + ")"
        )
    if key in FIELD_RULES:
        return FIELD_RULES[key]
    if etype == "literal_error":
        return str(msg).replace("Input should be", "one of")
    if etype == "too_short" and key == "conditions":
        return "a list with at least one condition"
    return str(msg).replace("Input should be", "").strip() or "valid"


def _to_input_error(exc: ValidationError, location: str | None) -> InputError:
    errors = exc.errors()
    # A union (str | mapping) reports one error per branch; prefer a branch that got further.
    err = max(errors, key=lambda e: len(e["loc"]))
    if len({tuple(e["loc"][:1]) for e in errors}) > 1:
        err = errors[0]
    shown, key = _field_path(tuple(err["loc"]))
    value = err.get("input")
    allowed = _allowed(err, key)
    if err["type"] == "missing":
        return InputError(
            f"{location + ': ' if location else ''}{shown} is missing; it is required",
            field=shown,
            allowed="required",
            location=location,
        )
    ctx = err.get("ctx") or {}
    original = ctx.get("error")
    if isinstance(original, _CrossFieldError):
        return InputError.invalid(
            original.field, original.value, original.allowed, location=location
        )
    return InputError.invalid(shown or "intake", value, allowed, location=location)


def parse_intake(
    data: Any, *, location: str | None = None, conditions: Iterable[str] | None = None
) -> Intake:
    """Validate a mapping as an :class:`Intake`; bad values raise :class:`InputError`.

    ``conditions`` replaces the knowledge base's condition ids (for tests); ``location`` names
    the file in messages.
    """
    if not isinstance(data, Mapping):
        raise InputError.invalid(
            "intake", type(data).__name__, "a mapping of intake fields", location=location
        )
    context = {"conditions": frozenset(conditions)} if conditions is not None else None
    try:
        return Intake.model_validate(dict(data), context=context)
    except ValidationError as exc:
        raise _to_input_error(exc, location) from None


def read_intake(path: str | Path, *, conditions: Iterable[str] | None = None) -> Intake:
    """Read an intake from a ``.yaml``/``.yml`` or ``.json`` file (see the module docstring).

    A test vignette (``tests/data/vignettes``: ``name``, ``description``, ``intake``,
    ``expect``) is read as its ``intake`` section, so the vignettes double as examples.
    """
    path = Path(path)
    where = str(path)
    data = read_user_data(path, "PATIENT", "YAML or JSON intake file")
    if (
        isinstance(data, Mapping)
        and isinstance(data.get("intake"), Mapping)
        and set(data) <= {"name", "description", "intake", "expect"}
    ):
        data = data["intake"]  # a test vignette: its intake section is the patient
    return parse_intake(data, location=where, conditions=conditions)


def intake_schema() -> dict[str, Any]:
    """The JSON Schema of an intake file, with the knowledge base's condition ids listed."""
    from acupath.evidence.loader import bundled_base

    schema = Intake.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "acupath patient intake"
    cond = schema["$defs"]["ConditionEntry"]["properties"]["condition"]
    cond["enum"] = sorted(bundled_base().conditions)
    site_enum = vocab.site_names()
    for holder in (schema["properties"], schema["$defs"]["Cancer"]["properties"]):
        for name in ("skin_lesions", "radiation_sites", "tumour_sites"):
            if name in holder:
                holder[name]["items"]["enum"] = site_enum
    for model in ("ConditionEntry", "DeviceEntry"):
        site = schema["$defs"][model]["properties"]["site"]
        site["anyOf"][0]["enum"] = site_enum
    return schema
