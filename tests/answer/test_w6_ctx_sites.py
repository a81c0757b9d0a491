"""Wave 6 (issue 10): radiotherapy fields and tumour sites in lay and note words, now or past.

The screen reads ``cancer.radiation_sites`` (needling off an irradiated field) and
``cancer.tumour_sites`` (off a tumour's site), and a cancer history with spinal pain is its
``history_of_cancer`` red flag. Wordings written before the rules; ``HELD_OUT`` were kept out of
tuning."""

from __future__ import annotations

import pytest

from acupath.answer.context import extract
from acupath.answer.safety import intake_data
from acupath.care.vocabulary import parse_site


def _cancer(question: str, conditions: tuple[str, ...] = ()) -> dict[str, object]:
    data, _ = intake_data(extract(question), list(conditions))
    cancer = data.get("cancer")
    return cancer if isinstance(cancer, dict) else {}


def _regions(sites: object) -> set[str]:
    assert isinstance(sites, list)
    return {r for s in sites for r in parse_site(s).regions}


RADIATION = [
    ("radiotherapy to the lower spine last month, now back pain", {"lower_back"}),
    ("XRT to L-spine for mets, finished 2 weeks ago", {"lower_back"}),
    ("had radiotherapy to her sacrum in June", {"sacrum"}),
    ("pelvic radiotherapy for cervical cancer in 2021", {"lower_abdomen"}),
    ("chest wall radiotherapy after mastectomy", {"chest"}),
    ("SBRT to a T12 deposit last week", {"upper_back"}),
    ("currently having radiation on her lumbar spine", {"lower_back"}),
    ("DXT to the C-spine for a myeloma deposit", {"neck"}),
    ("brachytherapy for prostate cancer two years ago", {"lower_abdomen"}),
    ("radiotherapy to the tailbone area, now sore", {"sacrum"}),
    ("proton beam therapy to the brain last year", {"head"}),
    ("whole brain radiotherapy in October", {"head"}),
]


@pytest.mark.parametrize(("question", "regions"), RADIATION)
def test_radiotherapy_field_in_lay_and_note_words(question: str, regions: set[str]) -> None:
    cancer = _cancer(question)
    assert "radiotherapy" in cancer.get("treatments", [])  # type: ignore[operator]
    assert regions <= _regions(cancer.get("radiation_sites", []))


TUMOURS = [
    ("mets in the spine, back pain", {"lower_back"}),
    ("myeloma deposit in L3, back ache", {"lower_back"}),
    ("bony secondaries in the pelvis from prostate cancer", {"sacrum"}),
    ("lytic lesion at T10 from myeloma", {"upper_back"}),
    ("spinal mets from breast cancer, neck pain", {"neck"}),
    ("metastatic deposit in the sacrum", {"sacrum"}),
    ("a plasmacytoma of the L2 vertebra", {"lower_back"}),
    ("tumour on his lower spine", {"lower_back"}),
]


@pytest.mark.parametrize(("question", "regions"), TUMOURS)
def test_tumour_site_in_lay_and_note_words(question: str, regions: set[str]) -> None:
    cancer = _cancer(question)
    assert cancer.get("active") is True
    assert regions <= _regions(cancer.get("tumour_sites", []))


@pytest.mark.parametrize(
    "question",
    [
        "calcium deposits in my shoulder, can acupuncture help",
        "radiation from my phone worries me, neck pain",
        "I had an X-ray of my lumbar spine, back pain",
        "L5 S1 disc prolapse with sciatica",
    ],
)
def test_no_cancer_fact_from_other_words(question: str) -> None:
    assert _cancer(question) == {}


HELD_OUT = [
    ("rads to the LS spine in 2022, back pain", "radiation_sites", {"lower_back"}),
    ("palliative RT to the sacrum for bone mets", "radiation_sites", {"sacrum"}),
    ("bone mets at L4, on denosumab", "tumour_sites", {"lower_back"}),
    ("myeloma with deposits in the thoracic spine", "tumour_sites", {"upper_back"}),
    ("SABR to a lung lesion last month", "radiation_sites", {"chest"}),
    ("radiotherapy to her left chest wall, finished in spring", "radiation_sites", {"chest"}),
]


def test_held_out_sites() -> None:
    """Held-out wordings (not tuned on)."""
    missed = []
    for q, key, regions in HELD_OUT:
        sites = _cancer(q).get(key, [])
        if not regions <= _regions(sites):
            missed.append((q, sites))
    assert not missed, missed
