"""The shipped atlas: WHO counts, extra and ear points, regions, depths, and caution links."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest
import yaml

from acupath.errors import KnowledgeBaseError
from acupath.evidence.loader import DATA_DIR, bundled_base
from acupath.points import (
    REGIONS,
    WHO_POINT_COUNTS,
    AuricularPoint,
    Point,
    all_cautions,
    all_points,
    auricular_points,
    bundled_atlas,
    cautions_for,
    get_point,
    load_atlas,
    search_points,
)

EXPECTED = {
    "LU": 11, "LI": 20, "ST": 45, "SP": 21, "HT": 9, "SI": 19, "BL": 67,
    "KI": 27, "PC": 9, "TE": 23, "GB": 44, "LR": 14, "GV": 28, "CV": 24,
}  # fmt: skip


def body() -> list[Point]:
    return [p for p in all_points() if isinstance(p, Point)]


def test_who_counts_per_meridian() -> None:
    counts = Counter(p.meridian for p in body() if p.kind == "classical")
    assert dict(counts) == EXPECTED
    assert sum(counts.values()) == 361
    assert EXPECTED == WHO_POINT_COUNTS


def test_each_meridian_is_numbered_without_gaps_in_atlas_order() -> None:
    classical = [p for p in body() if p.kind == "classical"]
    order = list(EXPECTED)
    keys = [(order.index(p.meridian), p.number) for p in classical]
    assert keys == sorted(keys)
    for meridian, n in EXPECTED.items():
        assert [p.number for p in classical if p.meridian == meridian] == list(range(1, n + 1))


def test_all_points_order_body_then_extra_then_ear() -> None:
    points = all_points()
    kinds = [
        "ear" if isinstance(p, AuricularPoint) else ("classical" if p.kind == "classical" else "x")
        for p in points
    ]
    assert kinds == sorted(kinds, key=["classical", "x", "ear"].index)
    assert points[0].code == "LU1"
    assert points[360].code == "CV24"


@pytest.mark.parametrize(
    ("code", "pinyin", "hanzi"),
    [
        ("LU1", "Zhongfu", "中府"),
        ("LI4", "Hegu", "合谷"),
        ("ST36", "Zusanli", "足三里"),
        ("SP6", "Sanyinjiao", "三陰交"),
        ("BL23", "Shenshu", "腎兪"),
        ("GB21", "Jianjing", "肩井"),
        ("GV20", "Baihui", "百會"),
        ("CV8", "Shenque", "神闕"),
        ("PC6", "Neiguan", "內關"),
    ],
)
def test_names_match_who_2008(code: str, pinyin: str, hanzi: str) -> None:
    point = get_point(code)
    assert isinstance(point, Point)
    assert (point.pinyin, point.hanzi) == (pinyin, hanzi)


def test_required_extra_points_present_with_codes() -> None:
    for code in [
        "EX-B2", "EX-HN3", "EX-HN5", "EX-LE4", "EX-LE5", "EX-LE2", "EX-LE10", "EX-UE9",
        "EX-B8", "EX-HN1", "ANMIAN", "EX-LE6", "EX-LE7", "ASHI",
    ]:  # fmt: skip
        point = get_point(code)
        assert isinstance(point, Point)
        assert point.meridian == "EX"
        assert point.kind in ("extra", "pseudo")


def test_huatuojiaji_spans_the_back_and_is_a_group() -> None:
    jiaji = get_point("Huatuojiaji")
    assert isinstance(jiaji, Point)
    assert jiaji.code == "EX-B2"
    assert set(jiaji.regions) == {"upper_back", "lower_back"}
    assert jiaji.group_size == 17
    assert "Huatuojiaji" in jiaji.names


def test_ashi_has_no_region_and_never_matches_a_region_search() -> None:
    ashi = get_point("Ashi")
    assert isinstance(ashi, Point)
    assert ashi.kind == "pseudo" and ashi.regions == ()
    for region in REGIONS:
        assert ashi not in search_points(region=region)


def test_ear_points_cover_nada_and_battlefield() -> None:
    ear = auricular_points()
    nada = {p.name for p in ear if "nada" in p.protocols}
    bfa = {p.name for p in ear if "battlefield" in p.protocols}
    assert nada == {"Shen Men", "Sympathetic", "Kidney", "Liver", "Lung"}
    assert bfa == {"Cingulate Gyrus", "Thalamus", "Omega 2", "Point Zero", "Shen Men"}
    assert all(p.regions == ("ear",) for p in ear)


def test_midline_exactly_gv_cv_among_classical() -> None:
    for p in body():
        if p.kind == "classical":
            assert p.midline == (p.meridian in ("GV", "CV"))


def test_regions_are_from_the_vocabulary_and_plausible() -> None:
    for p in body():
        assert set(p.regions) <= set(REGIONS)
    assert get_point("ST12").regions == ("neck", "supraclavicular")  # type: ignore[union-attr]
    assert "eye_region" in get_point("BL1").regions
    assert get_point("BL23").regions == ("lower_back",)
    assert get_point("LI4").regions == ("hand",)
    assert get_point("SP6").regions == ("lower_limb",)
    assert "sacrum" in get_point("BL32").regions
    assert "lower_abdomen" in get_point("CV4").regions
    assert "chest" in get_point("CV17").regions
    assert "upper_back" in get_point("BL13").regions


def test_depths_are_ranges_in_cun() -> None:
    with_depth = [p for p in body() if p.depth_min_cun is not None]
    assert len(with_depth) > 300
    for p in with_depth:
        assert p.depth_max_cun is not None
        assert 0 < p.depth_min_cun <= p.depth_max_cun <= 3
        assert p.depth and "cun" in p.depth
    gb21 = get_point("GB21")
    assert isinstance(gb21, Point)
    assert (gb21.depth_min_cun, gb21.depth_max_cun, gb21.angle) == (0.3, 0.5, "perpendicular")
    cv8 = get_point("CV8")
    assert isinstance(cv8, Point) and cv8.depth is None


def test_every_source_resolves() -> None:
    sources = bundled_base().sources
    for p in all_points():
        assert set(p.sources) <= set(sources), p.code
    for c in all_cautions():
        assert c.sources
        assert set(c.sources) <= set(sources), c.id


def test_caution_links_go_both_ways() -> None:
    atlas = bundled_atlas()
    for c in all_cautions():
        assert c.points, c.id
        for code in c.points:
            assert c.id in atlas.get(code).cautions
    for p in all_points():
        for cid in p.cautions:
            assert p.code in atlas.cautions[cid].points


KINDS_REQUIRED = {
    "LI4": "pregnancy", "SP6": "pregnancy", "BL60": "pregnancy", "BL67": "pregnancy",
    "BL31": "pregnancy", "BL32": "pregnancy", "BL33": "pregnancy", "BL34": "pregnancy",
    "CV4": "pregnancy", "GB21": "pneumothorax", "ST12": "pneumothorax", "BL11": "pneumothorax",
    "BL17": "pneumothorax", "BL21": "pneumothorax", "BL43": "pneumothorax",
    "LU1": "pneumothorax", "EX-B2": "pneumothorax", "ST9": "large_vessel",
    "LU9": "large_vessel", "HT1": "large_vessel", "ST42": "large_vessel", "BL1": "eye",
    "ST1": "eye", "EX-HN7": "eye", "GV15": "medulla", "GV16": "medulla", "CV8": "do_not_needle",
}  # fmt: skip


@pytest.mark.parametrize(("code", "kind"), sorted(KINDS_REQUIRED.items()))
def test_required_cautions(code: str, kind: str) -> None:
    assert kind in {c.kind for c in cautions_for(code)}


def test_gb21_carries_measured_pleura_depth() -> None:
    depth = [c for c in cautions_for("GB21") if c.measured_depth_mm]
    assert len(depth) == 1
    assert depth[0].measured_depth_mm == {"men_mean": 17.4, "women_mean": 14.6}
    assert "chen2018" in depth[0].sources


def test_pregnancy_trimesters_follow_who() -> None:
    first = {c.id for c in cautions_for("CV3") if "trimester_1" in c.applies}
    assert "pregnancy_who_first_trimester" in first
    upper = cautions_for("CV12")
    later = [c for c in upper if c.id == "pregnancy_who_after_third_month"]
    assert later and later[0].applies == ("trimester_2", "trimester_3")
    assert all(c.id != "pregnancy_who_first_trimester" for c in cautions_for("ST36"))


def test_points_without_cautions_exist() -> None:
    assert cautions_for("ST36") == ()
    assert cautions_for("LI11") == ()


# --- loading checks --------------------------------------------------------------------------


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def _edit(path: Path, change) -> None:  # type: ignore[no-untyped-def]
    records = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(records)
    path.write_text(yaml.safe_dump(records, allow_unicode=True), encoding="utf-8")


def test_copy_loads(data_copy: Path) -> None:
    atlas = load_atlas(data_copy)
    assert len(atlas.points) == len(bundled_atlas().points)


def test_unknown_caution_source_is_refused(data_copy: Path) -> None:
    path = data_copy / "points" / "cautions" / "cautions.yaml"
    _edit(path, lambda recs: recs[0].update(sources=["nosuchsource2099"]))
    with pytest.raises(KnowledgeBaseError, match="unknown source 'nosuchsource2099'"):
        load_atlas(data_copy)


def test_unknown_caution_point_is_refused(data_copy: Path) -> None:
    path = data_copy / "points" / "cautions" / "cautions.yaml"
    _edit(path, lambda recs: recs[0].update(points=["BL99"]))
    with pytest.raises(KnowledgeBaseError, match="unknown point 'BL99'"):
        load_atlas(data_copy)


def test_missing_point_breaks_the_who_count(data_copy: Path) -> None:
    path = data_copy / "points" / "meridians" / "01_lu.yaml"
    _edit(path, lambda recs: recs.pop())
    with pytest.raises(KnowledgeBaseError, match="LU must have 11"):
        load_atlas(data_copy)


def test_bad_depth_range_is_refused(data_copy: Path) -> None:
    path = data_copy / "points" / "meridians" / "02_li.yaml"
    _edit(path, lambda recs: recs[3].update(depth_min_cun=2.0, depth_max_cun=1.0))
    with pytest.raises(KnowledgeBaseError, match="must not exceed"):
        load_atlas(data_copy)


def test_unverified_ear_sites_are_flagged() -> None:
    flagged = {p.code for p in auricular_points() if not p.location_verified}
    assert flagged == {
        "AUR-CINGULATE-GYRUS",
        "AUR-THALAMUS",
        "AUR-OMEGA-2",
        "AUR-POINT-ZERO",
    }
    for point in auricular_points():
        if not point.location_verified:
            assert point.note and "not verified" in point.note


def test_unverified_cautions_say_why() -> None:
    unverified = [c for c in all_cautions() if not c.verified]
    assert [c.id for c in unverified] == ["do_not_needle_st17"]
    for caution in unverified:
        assert caution.note and caution.note.startswith("UNVERIFIED")
