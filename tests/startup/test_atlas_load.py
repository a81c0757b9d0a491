"""The faster atlas loading gives the same names index as the straightforward formula."""

from __future__ import annotations

import random
import re
import unicodedata

from acupath.points.atlas import _names_of, bundled_atlas
from acupath.points.names import fold


def reference_fold(text: str) -> str:
    """``fold`` as first written: NFKD, drop combining marks, drop separators, upper case."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[\s\-_.'’,/()]+", "", plain).upper()


def test_fold_agrees_with_the_reference_on_every_atlas_name() -> None:
    atlas = bundled_atlas()
    names = [n for code in atlas.codes() for n in _names_of(atlas.get(code))]
    assert len(names) > 1000
    for name in names:
        assert fold(name) == reference_fold(name), name


def test_fold_agrees_with_the_reference_on_random_text() -> None:
    rng = random.Random(3)
    alphabet = "aBz09 -_.'’,/()+\tÉéüñ腎兪ﬁ²Ａａ\u0301\u00a0ß"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert fold(text) == reference_fold(text), repr(text)


def test_index_maps_every_folded_name_to_its_codes() -> None:
    atlas = bundled_atlas()
    for code in atlas.points:
        for name in _names_of(atlas.points[code]):
            assert code in atlas.index[reference_fold(name)], (code, name)
