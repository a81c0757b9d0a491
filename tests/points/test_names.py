"""Name normalisation: every common spelling resolves; unknown names fail with suggestions."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from acupath.errors import InputError, NotFound
from acupath.points import Point, all_points, fold, normalise_code, normalise_meridian

TABLE = [
    ("UB-23", "BL23"), ("bl23", "BL23"), ("BL 23", "BL23"), ("B23", "BL23"), ("Shenshu", "BL23"),
    ("shen shu", "BL23"), ("Shènshū", "BL23"), ("腎兪", "BL23"), ("腎俞", "BL23"),
    ("SJ5", "TE5"), ("TH5", "TE5"), ("TB5", "TE5"), ("sj-5", "TE5"), ("Waiguan", "TE5"),
    ("Liv3", "LR3"), ("LV3", "LR3"), ("LIV 3", "LR3"), ("Taichong", "LR3"),
    ("Du20", "GV20"), ("DU-20", "GV20"), ("Baihui", "GV20"),
    ("Ren12", "CV12"), ("RN12", "CV12"), ("Zhongwan", "CV12"),
    ("HE7", "HT7"), ("H7", "HT7"), ("Shenmen", "HT7"), ("Shen Men", "HT7"),
    ("P6", "PC6"), ("HC6", "PC6"), ("HP6", "PC6"), ("Neiguan", "PC6"),
    ("K3", "KI3"), ("KD3", "KI3"), ("ST036", "ST36"), ("Zusanli", "ST36"), ("Hegu", "LI4"),
    ("Yintang", "EX-HN3"), ("GV24+", "EX-HN3"), ("GV29", "EX-HN3"), ("ex-hn-3", "EX-HN3"),
    ("Huatuojiaji", "EX-B2"), ("Hua Tuo Jia Ji", "EX-B2"), ("Jiaji", "EX-B2"), ("EXB2", "EX-B2"),
    ("Taiyang", "EX-HN5"), ("Xiyan", "EX-LE5"), ("Neixiyan", "EX-LE4"), ("Medial Xiyan", "EX-LE4"),
    ("Lateral Xiyan", "ST35"), ("Heding", "EX-LE2"), ("Bafeng", "EX-LE10"), ("Baxie", "EX-UE9"),
    ("Shiqizhuixia", "EX-B8"), ("Sishencong", "EX-HN1"), ("Anmian", "ANMIAN"),
    ("Dannang", "EX-LE6"), ("Lanwei", "EX-LE7"), ("Luozhen", "EX-UE8"), ("Ashi", "ASHI"),
    ("Renzhong", "GV26"), ("Tanzhong", "CV17"),
    ("AUR-SHENMEN", "AUR-SHENMEN"), ("ear shen men", "AUR-SHENMEN"),
    ("Point Zero", "AUR-POINT-ZERO"),
    ("Cingulate gyrus", "AUR-CINGULATE-GYRUS"), ("Omega 2", "AUR-OMEGA-2"),
    ("Sympathetic", "AUR-SYMPATHETIC"), ("Thalamus", "AUR-THALAMUS"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "code"), TABLE)
def test_normalisation_table(text: str, code: str) -> None:
    assert normalise_code(text) == code


def test_every_code_and_pinyin_resolves_to_itself() -> None:
    for point in all_points():
        assert normalise_code(point.code) == point.code
        assert normalise_code(point.code.lower()) == point.code
    shared = {"Futu", "Zhongdu", "Qimen", "Tianchi"}
    for point in all_points():
        if isinstance(point, Point) and point.pinyin not in shared:
            try:
                assert normalise_code(point.pinyin) == point.code
            except InputError as exc:  # a pinyin name shared by two points
                assert point.code in str(exc)


def test_shared_name_is_refused_with_both_codes() -> None:
    with pytest.raises(InputError) as info:
        normalise_code("Futu")
    assert "LI18" in str(info.value) and "ST32" in str(info.value)
    assert info.value.exit_code == 2


@pytest.mark.parametrize("text", ["XX99", "BL68", "UB99", "Shenshuu", "nothing at all"])
def test_unknown_raises_not_found(text: str) -> None:
    with pytest.raises(NotFound) as info:
        normalise_code(text)
    assert info.value.exit_code == 2


def test_not_found_suggests_close_matches() -> None:
    with pytest.raises(NotFound, match=r"BL23 \(Shenshu\)"):
        normalise_code("Shenshuu")
    with pytest.raises(NotFound, match="BL1-BL67"):
        normalise_code("UB-99")


@pytest.mark.parametrize(
    ("text", "code"), [("UB", "BL"), ("sj", "TE"), ("Liv", "LR"), ("du", "GV"), ("Ren", "CV")]
)
def test_normalise_meridian(text: str, code: str) -> None:
    assert normalise_meridian(text) == code


def test_unknown_meridian_is_input_error() -> None:
    with pytest.raises(InputError, match="meridian must be"):
        normalise_meridian("XY")


@given(st.sampled_from([p.code for p in all_points()]), st.sampled_from(["", " ", "-", "  "]))
def test_spacing_and_case_do_not_matter(code: str, sep: str) -> None:
    head = code.rstrip("0123456789")
    tail = code[len(head) :]
    text = f"{head}{sep}{tail}".lower() if tail else code.swapcase()
    assert normalise_code(text) == code


@given(st.text(alphabet="ÀÉÎõüǎ ", max_size=5))
def test_fold_strips_accents_and_spaces(text: str) -> None:
    folded = fold(text)
    assert " " not in folded
    assert folded == folded.upper()
