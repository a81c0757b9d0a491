"""Wave 14 (issue 10), engineer "formulary": current anticancer and immunosuppressive medicines
and the lay names of low-dose aspirin, by generic and brand name (``data/medications/drugs.yaml``;
sources in ``data/sources/formulary_w14.yaml``). Each family is read as the class the screen
reasons with, whatever the entry adds (dose, form, capitals), and no ordinary word near a new
name is read as a medicine."""

from __future__ import annotations

import pytest

from acupath.answer.spelling import is_english
from acupath.care import drug_stems as ds
from acupath.care.medications import bundled_formulary, classify

# name as a patient or clinician writes it -> (drug id, class it must carry)
NEW_NAMES = {
    # CDK4/6 inhibitors (ettl2019_cdk46)
    "Kisqali": ("ribociclib", "targeted_therapy"),
    "Verzenio": ("abemaciclib", "targeted_therapy"),
    # PARP inhibitors (hennes2020_parpi)
    "Lynparza": ("olaparib", "targeted_therapy"),
    "niraparib": ("niraparib", "targeted_therapy"),
    "Zejula": ("niraparib", "targeted_therapy"),
    "rucaparib": ("rucaparib", "targeted_therapy"),
    "Rubraca": ("rucaparib", "targeted_therapy"),
    "talazoparib": ("talazoparib", "targeted_therapy"),
    "Talzenna": ("talazoparib", "targeted_therapy"),
    # EGFR and ALK inhibitors (scott2018_osimertinib, wang2020_alk)
    "osimertinib": ("osimertinib", "targeted_therapy"),
    "Tagrisso": ("osimertinib", "targeted_therapy"),
    "crizotinib": ("crizotinib", "targeted_therapy"),
    "Xalkori": ("crizotinib", "targeted_therapy"),
    "Zykadia": ("ceritinib", "targeted_therapy"),
    "Alecensa": ("alectinib", "targeted_therapy"),
    "Alunbrig": ("brigatinib", "targeted_therapy"),
    "Lorbrena": ("lorlatinib", "targeted_therapy"),
    # immunomodulatory drugs (andhavarapu2013_imids)
    "lenalidomide": ("lenalidomide", "targeted_therapy"),
    "Revlimid": ("lenalidomide", "targeted_therapy"),
    "pomalidomide": ("pomalidomide", "targeted_therapy"),
    "Pomalyst": ("pomalidomide", "targeted_therapy"),
    "Imnovid": ("pomalidomide", "targeted_therapy"),
    "thalidomide": ("thalidomide", "targeted_therapy"),
    # venetoclax, myeloma and renal-cancer drugs (davids2018_venetoclax, mnt2026_kyprolis,
    # rathi2020_cabozantinib)
    "venetoclax": ("venetoclax", "targeted_therapy"),
    "Venclexta": ("venetoclax", "targeted_therapy"),
    "Venclyxto": ("venetoclax", "targeted_therapy"),
    "Kyprolis": ("carfilzomib", "targeted_therapy"),
    "carfilzomib": ("carfilzomib", "targeted_therapy"),
    "Darzalex": ("daratumumab", "targeted_therapy"),
    "Cabometyx": ("cabozantinib", "targeted_therapy"),
    "Cometriq": ("cabozantinib", "targeted_therapy"),
    "Taltz": ("ixekizumab", "immunosuppressant"),
    "Siliq": ("brodalumab", "immunosuppressant"),
    # oral cytotoxics (ashp2023_hydroxyurea; temozolomide brands)
    "hydroxyurea": ("hydroxyurea", "chemotherapy"),
    "hydroxycarbamide": ("hydroxyurea", "chemotherapy"),
    "Hydrea": ("hydroxyurea", "chemotherapy"),
    "Droxia": ("hydroxyurea", "chemotherapy"),
    "Temodar": ("temozolomide", "chemotherapy"),
    "Temodal": ("temozolomide", "chemotherapy"),
    # biologic immunosuppressants (czekalska2019_bdmard)
    "Cimzia": ("certolizumab", "immunosuppressant"),
    "Orencia": ("abatacept", "immunosuppressant"),
    "belimumab": ("belimumab", "immunosuppressant"),
    "Benlysta": ("belimumab", "immunosuppressant"),
    "sarilumab": ("sarilumab", "immunosuppressant"),
    "Kevzara": ("sarilumab", "immunosuppressant"),
    "ixekizumab": ("ixekizumab", "immunosuppressant"),
    "brodalumab": ("brodalumab", "immunosuppressant"),
    "anakinra": ("anakinra", "immunosuppressant"),
    # lay names of low-dose aspirin (wikimd2026_baby_aspirin)
    "baby aspirin": ("aspirin", "antiplatelet"),
    "low dose aspirin": ("aspirin", "antiplatelet"),
    "low-dose aspirin": ("aspirin", "antiplatelet"),
    "junior aspirin": ("aspirin", "antiplatelet"),
}


@pytest.mark.parametrize("name", sorted(NEW_NAMES))
def test_new_name_is_known_by_name(name: str) -> None:
    drug, cls = NEW_NAMES[name]
    assert bundled_formulary().match(name) == drug
    profile = classify([name])
    assert cls in profile.classes, (name, profile.classes)
    assert not profile.inferred, name  # read by name, not guessed from a stem


@pytest.mark.parametrize(
    "entry",
    [
        "Kisqali 600 mg daily, 21 days on 7 off",
        "REVLIMID 10mg (maintenance)",
        "hydroxycarbamide 500 mg",
        "Cimzia 200 mg every 2 weeks",
        "baby aspirin 81 mg",
        "Low Dose Aspirin 75mg once daily",
        "Lynparza 300mg bd",
    ],
)
def test_new_name_with_dose_and_form(entry: str) -> None:
    profile = classify([entry])
    assert not profile.unmapped, entry
    assert profile.classes & {
        "targeted_therapy",
        "chemotherapy",
        "immunosuppressant",
        "antiplatelet",
    }


def test_targeted_and_imid_families_are_screened_as_chemotherapy() -> None:
    for name in ("Revlimid", "Zejula", "Tagrisso", "Verzenio", "thalidomide"):
        assert "chemotherapy" in classify([name]).classes, name


def test_aspirin_lay_names_are_aspirin_not_a_child() -> None:
    for name in ("baby aspirin", "junior aspirin"):
        assert classify([name]).classes >= {"antiplatelet", "nsaid"}


# Ordinary words (and existing medicines) near a new name: never read as the new medicine.
NEAR_WORDS = [
    "orient", "oriental", "florence", "valencia", "hydra", "hydrate", "hydro", "hydrant",
    "temporal", "modal", "modular", "verizon", "venison", "version", "revival", "remind",
    "rubric", "rubbish", "kisses", "kismet", "lynx", "tagging", "tangos", "zebra", "jubilee",
    "benefit", "benzene", "imminent", "invalid", "thalamus", "pomegranate", "polyester",
    "cinema", "cinnamon", "alliance", "licensed", "lorraine", "alumni", "droopy", "drowsy",
    "kevlar", "revolve", "temple", "talent", "ranking", "aspiring", "silk", "silly", "tall",
    "taller", "venice", "vendetta", "cabinet", "comet", "darling", "kyoto",
]  # fmt: skip


@pytest.mark.parametrize("word", NEAR_WORDS)
def test_ordinary_word_is_not_a_new_medicine(word: str) -> None:
    formulary = bundled_formulary()
    assert formulary.match(word) is None, word
    reading = None if is_english(word) else ds.read_word(word, formulary)
    new_ids = {d for d, _ in NEW_NAMES.values()} - {"aspirin", "olaparib", "abemaciclib"}
    assert reading is None or reading.drug not in new_ids, (word, reading)


def test_existing_names_keep_their_drug() -> None:
    formulary = bundled_formulary()
    for name, drug in {
        "aspirin": "aspirin", "asa": "aspirin", "temozolomide": "temozolomide",
        "hydrocortisone": "hydrocortisone", "imatinib": "imatinib", "ibrance": "palbociclib",
        "olaparib": "olaparib", "rituximab": "rituximab", "certolizumab pegol": "certolizumab",
    }.items():  # fmt: skip
        assert formulary.match(name) == drug, name
