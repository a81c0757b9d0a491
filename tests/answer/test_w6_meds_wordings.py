"""Wave 6 (issue 10), engineer "meds": every medicine a patient or clinician might name.

Wordings written BEFORE the rules (charter): lay, clinician shorthand, referral letter, typos,
British/American/Indian/Australian brand names, non-native English. Each case names the drug
class the patient context must read (``drug_classes()``) or, for negatives, the classes it must
NOT read. ``test_heldout_*`` holds about a third of the wordings, kept aside while tuning; its
pass rate is reported (first run and final) in the wave report, not tuned on.
"""

from __future__ import annotations

import pytest

from acupath.answer.context import extract

# (question, class that must be read)
TUNED_POSITIVE: list[tuple[str, str]] = [
    # anticoagulants: DOACs, LMWHs, VKAs, brands of several countries, typos, unknown -xaban
    ("My patient takes apixaban for AF and wants acupuncture for knee OA. Safe?", "anticoagulant"),
    ("on Eliquis 2.5mg bd, can I have needles for my back", "anticoagulant"),
    ("he takes xarelto since the clot in his leg", "anticoagulant"),
    ("Pt on rivaroxaban 20 mg od for DVT, referred for neck pain", "anticoagulant"),
    ("she injects Clexane daily after her hip replacement", "anticoagulant"),
    ("I am taking Pradaxa 150 twice a day, is acupuncture ok", "anticoagulant"),
    ("on edoxaban (Lixiana) for atrial fibrillation", "anticoagulant"),
    ("Mum is on acenocoumarol, INR checked monthly", "anticoagulant"),
    ("Fragmin injections for cancer associated thrombosis", "anticoagulant"),
    ("takes apixiban for AF", "anticoagulant"),  # typo: i for a
    ("on rivaroxiban for PE", "anticoagulant"),
    ("my husband takes warfrin, can he try acupuncture", "anticoagulant"),
    ("On betrixaban after surgery", "anticoagulant"),  # stem -xaban
    ("patient on nadroparin injections", "anticoagulant"),  # stem -parin
    ("he was started on argatroban in hospital", "anticoagulant"),
    ("on fondaparinux once daily", "anticoagulant"),
    # antiplatelets, combination products
    ("on clopidogrel 75 mg after his stent", "antiplatelet"),
    ("Plavix and aspirin since the heart attack", "antiplatelet"),
    ("takes Brilinta twice daily", "antiplatelet"),
    ("prasugrel for 12 months after PCI", "antiplatelet"),
    ("she is on cilostazol for claudication", "antiplatelet"),
    ("on clopidogrell", "antiplatelet"),  # doubled letter
    ("on ticagrelor 90mg bd", "antiplatelet"),
    ("he takes Ecosprin 75 every morning", "antiplatelet"),
    # chemotherapy, oral agents, regimens
    ("on capecitabine tablets for bowel cancer, neuropathy in feet", "chemotherapy"),
    ("taking Xeloda, hands and feet sore", "chemotherapy"),
    ("temozolomide for glioblastoma, headaches", "chemotherapy"),
    ("cycle 4 of FOLFOX, cold sensitivity", "chemotherapy"),
    ("had EC-T for breast cancer last year and now on letrozole", "aromatase_inhibitor"),
    ("gem/cis for bladder cancer, currently cycle 2", "chemotherapy"),
    ("on carbo/taxol for ovarian cancer", "chemotherapy"),
    ("receiving R-CHOP for lymphoma", "chemotherapy"),
    ("on capecitibine", "chemotherapy"),  # typo
    ("she is on nedaplatin", "chemotherapy"),  # stem -platin
    ("treated with ifosfamide", "chemotherapy"),
    # targeted therapy and kinase inhibitors (read as anticancer treatment)
    ("on imatinib for CML, wants acupuncture for neck pain", "targeted_therapy"),
    ("takes Gleevec daily", "targeted_therapy"),
    ("osimertinib for EGFR lung cancer", "targeted_therapy"),
    ("palbociclib with letrozole, joint pain", "targeted_therapy"),
    ("started Ibrance last month", "targeted_therapy"),
    ("on olaparib maintenance", "targeted_therapy"),
    ("on repotrectinib", "targeted_therapy"),  # unknown -tinib
    ("started dalpiciclib", "targeted_therapy"),  # unknown -ciclib
    # immunotherapy (checkpoint inhibitors)
    ("on pembrolizumab every 3 weeks", "immunotherapy"),
    ("Keytruda for melanoma", "immunotherapy"),
    ("ipilimumab and nivolumab combination", "immunotherapy"),
    ("durvalumab after chemoradiation", "immunotherapy"),
    ("on atezolizumab", "immunotherapy"),
    # immunosuppressants, DMARDs, biologics
    ("on Humira for Crohn's", "immunosuppressant"),
    ("tofacitinib for RA", "immunosuppressant"),
    ("takes Rinvoq", "immunosuppressant"),
    ("golimumab (Simponi) monthly", "immunosuppressant"),  # leflunomide: no stored source read
    ("on tocilizumab infusions", "immunosuppressant"),
    ("sirolimus after kidney transplant", "immunosuppressant"),
    ("rituximab for rheumatoid arthritis", "immunosuppressant"),
    ("on Enbrel injections", "immunosuppressant"),
    # corticosteroids
    ("prednisolone 5 mg for polymyalgia", "corticosteroid"),
    ("on Medrol dose pack", "corticosteroid"),
    ("dexamethasone with her chemo", "corticosteroid"),
    ("takes prednisone 20mg, tapering", "corticosteroid"),  # deflazacort: no stored source read
    # endocrine therapy, aromatase inhibitors
    ("on Femara for 2 years, achy joints", "aromatase_inhibitor"),
    ("anastrazole joint pain", "aromatase_inhibitor"),  # common misspelling
    ("Arimidex since surgery", "aromatase_inhibitor"),
    ("exemestane (Aromasin) and hot flushes", "aromatase_inhibitor"),
    ("on fulvestrant injections", "hormone_therapy"),
    ("Zoladex implant monthly", "hormone_therapy"),
]

# (question, class that must NOT be read)
TUNED_NEGATIVE: list[tuple[str, str]] = [
    ("I took Plan B last week, can I have acupuncture for period pain?", "anticoagulant"),
    ("I aspire to run again, would acupuncture help my knee?", "antiplatelet"),
    ("my dog is a mongrel and I have back pain", "antiplatelet"),
    ("warfare stories aside, does acupuncture work for neck pain", "anticoagulant"),
    ("is it efficient for low back pain", "antiplatelet"),
    ("the stimulus of needling, how does it work", "immunosuppressant"),
    ("I feel alive again after acupuncture", "nsaid"),
    ("platinum blonde hair, neck pain", "chemotherapy"),
    ("my plan is to try acupuncture", "anticoagulant"),
    ("no blood thinners, knee pain", "anticoagulant"),
    ("chemotherapy-induced nausea: does acupuncture help?", "chemotherapy"),
    ("a brilliant therapist, knee pain", "antiplatelet"),
]


@pytest.mark.parametrize(("question", "cls"), TUNED_POSITIVE)
def test_medicine_read_as_class(question: str, cls: str) -> None:
    ctx = extract(question)
    assert cls in ctx.drug_classes(), (question, [m.as_dict() for m in ctx.mentions])


@pytest.mark.parametrize(("question", "cls"), TUNED_NEGATIVE)
def test_not_a_medicine(question: str, cls: str) -> None:
    ctx = extract(question)
    assert cls not in ctx.drug_classes(), (question, [m.as_dict() for m in ctx.mentions])


# ---- held out: written with the rest, never looked at while tuning ---------------------------
HELDOUT_POSITIVE: list[tuple[str, str]] = [
    ("referral: 68M, on Savaysa 60mg, chronic LBP", "anticoagulant"),
    ("she gets enoxaparin shots", "anticoagulant"),
    ("takes Coumadin, INR 2.4", "anticoagulant"),
    ("on dabigatran etexilate 110", "anticoagulant"),
    ("tinzaparin daily for her clot", "anticoagulant"),
    ("my father is on elliquis", "anticoagulant"),
    ("on Xarelto 15mg", "anticoagulant"),
    ("he takes Effient", "antiplatelet"),
    ("on clopidogrel + aspirin (DAPT)", "antiplatelet"),
    ("Brilique after NSTEMI", "antiplatelet"),
    ("on Lonsurf for colon cancer", "chemotherapy"),
    ("having FOLFIRINOX for pancreatic cancer", "chemotherapy"),
    ("receiving gemcitabine", "chemotherapy"),
    ("CAPOX cycle 3", "chemotherapy"),
    ("on Temodal", "chemotherapy"),
    ("docetaxol for prostate cancer", "chemotherapy"),
    ("on Tagrisso", "targeted_therapy"),
    ("sunitinib for kidney cancer", "targeted_therapy"),
    ("Kisqali and Femara", "targeted_therapy"),
    ("ibrutinib for CLL", "targeted_therapy"),
    ("Opdivo infusions", "immunotherapy"),
    ("cemiplimab for skin cancer", "immunotherapy"),
    ("baricitinib for rheumatoid", "immunosuppressant"),
    ("Xeljanz 5mg", "immunosuppressant"),
    ("on infliximab infusions for colitis", "immunosuppressant"),
    ("Cellcept after transplant", "immunosuppressant"),
    ("prednisone 10mg daily", "corticosteroid"),
    ("letrozol 2.5", "aromatase_inhibitor"),
    ("tamoxifen for 5 years", "hormone_therapy"),
    ("everolimus with exemestane", "aromatase_inhibitor"),
]

HELDOUT_NEGATIVE: list[tuple[str, str]] = [
    ("Aspire gym membership, shoulder pain", "antiplatelet"),
    ("plan b: try physio first", "anticoagulant"),
    ("I marvel at how it works", "anticoagulant"),
    ("a mongrel puppy bit my hand", "antiplatelet"),
    ("eloquent explanation please: acupuncture for migraine", "anticoagulant"),
    ("no chemo, just surgery, arm pain", "chemotherapy"),
]


HELDOUT_FLOOR = 0.85
"""The held-out part is not tuned on, so it may miss; this floor guards against regressions.
Rates seen: main 25/36; first run with the wave-6 rules 32/36 (the report gives the final)."""


def test_heldout_first_run() -> None:
    """The held-out wordings (see module docstring), scored as a whole."""
    misses = [(q, c) for q, c in HELDOUT_POSITIVE if c not in extract(q).drug_classes()] + [
        (q, c) for q, c in HELDOUT_NEGATIVE if c in extract(q).drug_classes()
    ]
    total = len(HELDOUT_POSITIVE) + len(HELDOUT_NEGATIVE)
    print(f"held-out: {total - len(misses)}/{total}")
    assert (total - len(misses)) / total >= HELDOUT_FLOOR, misses
