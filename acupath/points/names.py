"""Point-name normalisation: every common way of writing a point, resolved to its WHO code.

Rules, applied in order to the text after folding (capitals, accents and tone marks removed,
spaces, hyphens, dots and underscores dropped: ``"UB-23"`` -> ``UB23``, ``"Shénshū"`` ->
``SHENSHU``):

1. A WHO code of a point in the atlas (``BL23``, ``EX-B2``, ``AUR-SHENMEN``) is itself.
2. A name or alias in the atlas index: pinyin (``Shenshu``), Chinese characters (traditional
   or simplified), English name, the ``names`` of extra points (``Huatuojiaji``, ``Jiaji``) and
   the ``aliases`` of ear points (``Point Zero``). A name shared by two points (``Futu`` is
   LI18 and ST32) is refused with both codes, never guessed.
3. A meridian prefix in another notation plus a number: UB/B->BL, SJ/TH/TB/TW->TE,
   Liv/LV->LR, Du->GV, Ren/RN->CV, HE/H->HT, P/HC/HP/PE->PC, K/KD->KI (``Liv3`` -> ``LR3``).

Yintang is kept as the WHO extra point ``EX-HN3``. The WHO 2008 location standard covers only
the 361 meridian points and does not list it; the Chinese national standard (GB/T 12346) moved
it onto the Governor Vessel, written ``GV24+`` or ``GV29``; both spellings resolve to EX-HN3 so
that the 361-point count of the WHO standard is kept.

A bare ``Shenmen`` (or ``Shen Men``) is the WHO body point HT7; the ear point is reached by its
code ``AUR-SHENMEN`` or by ``Ear Shen Men``/``Auricular Shen Men``.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping

from acupath.errors import InputError, NotFound

MERIDIAN_ALIASES: dict[str, str] = {
    "LU": "LU", "LUNG": "LU",
    "LI": "LI", "COLON": "LI",
    "ST": "ST", "STOMACH": "ST",
    "SP": "SP", "SPLEEN": "SP",
    "HT": "HT", "HE": "HT", "H": "HT", "HEART": "HT",
    "SI": "SI",
    "BL": "BL", "UB": "BL", "B": "BL", "BLADDER": "BL",
    "KI": "KI", "K": "KI", "KD": "KI", "KID": "KI", "KIDNEY": "KI",
    "PC": "PC", "P": "PC", "HC": "PC", "HP": "PC", "PE": "PC", "PERICARDIUM": "PC",
    "TE": "TE", "SJ": "TE", "TH": "TE", "TB": "TE", "TW": "TE",
    "GB": "GB", "GALLBLADDER": "GB",
    "LR": "LR", "LV": "LR", "LIV": "LR", "LIVER": "LR",
    "GV": "GV", "DU": "GV", "DM": "GV",
    "CV": "CV", "REN": "CV", "RN": "CV", "RM": "CV",
    "EX": "EX", "EXTRA": "EX",
}  # fmt: skip
"""Meridian abbreviations in use in textbooks and trial reports, mapped to the WHO codes."""

_SEPARATORS = re.compile(r"[\s\-_.'’,/()]+")
_CODE = re.compile(r"^([A-Z]+)0*(\d{1,3})$")
_EXTRA = re.compile(r"^EX(HN|CA|B|UE|LE)0*(\d{1,2})$")


def fold(text: str) -> str:
    """The comparison key of a name: capitals, no accents, no spaces or punctuation.

    ``fold("Shén Shū")`` == ``fold("shenshu")`` == ``"SHENSHU"``; Chinese characters stay.
    ``+`` is kept so that ``GV24+`` stays distinct from ``GV24``.
    """
    if text.isascii():  # NFKD leaves ASCII alone and it has no combining marks (the atlas
        plain = text  # folds ~3000 names on load: this skips the per-character pass)
    else:
        decomposed = unicodedata.normalize("NFKD", text)
        plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SEPARATORS.sub("", plain).upper()


def normalise_meridian(text: str) -> str:
    """``"UB"`` -> ``"BL"``, ``"sj"`` -> ``"TE"``; raises InputError for anything else."""
    key = fold(text)
    if key in MERIDIAN_ALIASES:
        return MERIDIAN_ALIASES[key]
    allowed = (
        "one of LU, LI, ST, SP, HT, SI, BL, KI, PC, TE, GB, LR, GV, CV, EX (or UB, SJ, Liv ...)"
    )
    raise InputError.invalid("meridian", text, allowed)


def resolve(
    text: str,
    codes: Iterable[str],
    index: Mapping[str, tuple[str, ...]],
    labels: Mapping[str, str] | None = None,
) -> str:
    """Resolve ``text`` to one code of ``codes`` using the name ``index`` (folded name -> codes).

    ``labels`` (folded name -> name as written) only makes the suggestions of an error readable.

    Raises :class:`NotFound` (with close matches) when nothing matches and :class:`InputError`
    when a name is shared by several points.
    """
    if not isinstance(text, str) or not text.strip():
        raise InputError.invalid("point", text, "a point code or name such as BL23 or Shenshu")
    known = set(codes)
    if text in known:
        return text  # already an atlas code (the screen's common case): no folding needed
    key = fold(text)
    by_fold = {fold(code): code for code in known}
    if key in by_fold:
        return by_fold[key]
    hits = index.get(key)
    if hits:
        if len(hits) == 1:
            return hits[0]
        raise InputError.invalid(
            "point", text, f"one code, since this name is shared by {', '.join(hits)}"
        )
    m = _EXTRA.match(key)
    if m:
        candidate = f"EX-{m.group(1)}{int(m.group(2))}"
        if candidate in known:
            return candidate
    m = _CODE.match(key)
    if m and m.group(1) in MERIDIAN_ALIASES:
        meridian = MERIDIAN_ALIASES[m.group(1)]
        candidate = f"{meridian}{int(m.group(2))}"
        if candidate in known:
            return candidate
        numbers = sorted(int(c[2:]) for c in known if re.fullmatch(rf"{meridian}\d+", c))
        if numbers:
            allowed = f"{meridian}{numbers[0]}-{meridian}{numbers[-1]} on this meridian"
            raise NotFound(
                f"unknown point {text!r}; {meridian} has points {allowed}",
                field="point",
                value=text,
                allowed=allowed,
            )
    raise not_found(text, known, index, labels)


def suggestions(
    text: str,
    known: Iterable[str],
    index: Mapping[str, tuple[str, ...]],
    labels: Mapping[str, str] | None = None,
) -> list[str]:
    """Up to five close matches (``CODE`` or ``CODE (Name)``) for a text that named nothing."""
    key = fold(text)
    by_fold: dict[str, str] = {fold(code): code for code in known}
    for name, hits in index.items():
        if len(hits) == 1:
            by_fold.setdefault(name, hits[0])
    close = difflib.get_close_matches(key, list(by_fold), n=8, cutoff=0.6)
    out: list[str] = []
    for match in close:
        code = by_fold[match]
        name = (labels or {}).get(match, match.title())
        label = code if fold(code) == match else f"{code} ({name})"
        if label not in out:
            out.append(label)
    return out[:5]


def not_found(
    text: str,
    known: Iterable[str],
    index: Mapping[str, tuple[str, ...]],
    labels: Mapping[str, str] | None = None,
) -> NotFound:
    """The NotFound error for an unknown point, naming close matches when there are any."""
    close = suggestions(text, known, index, labels)
    hint = (
        f"did you mean {', '.join(close)}?"
        if close
        else "a WHO code (BL23, EX-B2, AUR-SHENMEN) or a point name (Shenshu)"
    )
    return NotFound(f"unknown point {text!r}; {hint}", field="point", value=text, allowed=hint)
