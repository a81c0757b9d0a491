"""Wave 17 (probe 12 and held-out part 14 misses h14060, p12075, h14002, h14022, p12020, h14107,
h14048, h14066): a medicine stopped and taken again, an INR told by its monitoring or with a
decimal comma in words, a white count read as the upper bound of the neutrophils, and implants
and shunts told in everyday words; each as a class, with wordings that must not trigger."""

import pytest

from acupath.answer.context import extract


def _applied(text: str) -> list[str]:
    return sorted(extract(text).labels())


# -- a medicine stopped, then taken again: the latest status wins -----------------------------


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("I came off warfarin in 2022 but I'm on it again since the summer",
         "class:anticoagulant"),
        (
            "stopped my clopidogrel last year, then restarted it after my stent",
            "class:antiplatelet",
        ),
        (
            "Quit taking rivaroxaban in March. Back on it since my second clot.",
            "class:anticoagulant",
        ),
        ("dabigatran was stopped in 2021 but they started it again in May",
         "class:anticoagulant"),
        ("Mum stopped her Eliquis a year ago and has now resumed it", "class:anticoagulant"),
        ("I was off ticagrelor for a year and I'm taking it again now", "class:antiplatelet"),
        ("discontinued Xarelto in 2020, went back on it after the PE", "class:anticoagulant"),
    ],
)  # fmt: skip
def test_medicine_stopped_then_taken_again_is_current(text: str, label: str) -> None:
    assert label in _applied(text)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("I stopped my apixaban last year and never went back on it", "class:anticoagulant"),
        ("came off warfarin in 2020; the doctor may put me back on it next year",
         "class:anticoagulant"),
        ("stopped clopidogrel last year and I'm not on it again", "class:antiplatelet"),
        ("stopped rivaroxaban in 2019 and I'm back on my feet again after the hip",
         "class:anticoagulant"),
        ("I stopped ticagrelor in 2021 and will restart it if I need another stent",
         "class:antiplatelet"),
    ],
)  # fmt: skip
def test_medicine_stopped_and_not_taken_again_stays_past(text: str, label: str) -> None:
    assert label not in _applied(text)


# -- the INR told by its monitoring, and decimals said with "comma" -------------------------------


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("dad's blood thinner is the one where the nurse changes his dose after a finger prick. "
         "last reading was 3.6", "inr:3.6"),
        ("my blood thinner needs a blood test every few weeks and they adjust the dose, "
         "latest result 2.9", "inr:2.9"),
        ("mum's anticoagulant dose gets changed by the clinic after each check, her last number "
         "was 4.1", "inr:4.1"),
        ("I take Sintrom, my INR last week was two comma five", "inr:2.5"),
        ("on warfarin, INR three comma one yesterday", "inr:3.1"),
        ("Marevan; INR 2 comma 8 on Monday", "inr:2.8"),
    ],
)  # fmt: skip
def test_inr_told_by_monitoring_or_decimal_comma(text: str, label: str) -> None:
    assert label in _applied(text)


@pytest.mark.parametrize(
    "text",
    [
        "I take apixaban, my last reading was 3.6",
        "the diabetes nurse changes my insulin dose, last reading was 7.2",
        "on a blood thinner, my blood pressure latest reading 140",
        "my INR, two weeks ago, was fine",
    ],
)
def test_no_inr_without_vitamin_k_antagonist_monitoring(text: str) -> None:
    assert not any(x.startswith("inr:") for x in _applied(text))


# -- a white count without a neutrophil count: an upper bound on the neutrophils ------------------


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("on chemo, my white cells are one point two this week", "anc:1.2"),
        ("WBC 0.9 after cycle 3 of FOLFOX", "anc:0.9"),
        ("her white count was 1.3 on Monday, she's mid chemo", "anc:1.3"),
        ("white blood cell count 0.8 x10^9/L", "anc:0.8"),
        ("my white blood cells came back at 1.1", "anc:1.1"),
    ],
)
def test_low_white_count_bounds_neutrophils(text: str, label: str) -> None:
    assert label in _applied(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("on chemo, white cells 6.5 and platelets 200", "anc:"),
        ("WBC 4.2, neutrophils 2.1", "anc:4.2"),
        ("white count 1.2 but neutrophils 0.9", "anc:1.2"),
        ("the white cells that fight infection were 2.2", "anc:2.2x"),
    ],
)
def test_white_count_not_read_as_neutrophils(text: str, absent: str) -> None:
    labels = _applied(text)
    if absent == "anc:":
        assert not any(x.startswith("anc:") for x in labels)
    else:
        assert absent not in labels
    if "neutrophils 0.9" in text:
        assert "anc:0.9" in labels
    if "2.2" in text:
        assert "anc:2.2" in labels


# -- the latest lab value told after a correction, and "10*9/L" written without its "x" ---------


@pytest.mark.parametrize(
    ("text", "label", "absent"),
    [
        ("ITP, platelets 1.4 lakh in spring? sorry, that was 2018 - this week's count is 41",
         "platelets:41", "platelets:140"),
        ("Platelets were 140 in the spring. This week's count is 42.", "platelets:42",
         "platelets:140"),
        ("my platelets were 2 lakh in 2020; this morning's result was 35", "platelets:35",
         "platelets:200"),
        ("Neutrophils 2.0 before the cycle. Yesterday's count came back at 0.7", "anc:0.7",
         "anc:2"),
        ("Platelet count 92 10*9/L on the app", "platelets:92", "platelets:9"),
        ("plt 45 10^9/L, ANC 0.8 10^9/l", "platelets:45", "platelets:9"),
        ("my results say platelets 120 10**9/L", "platelets:120", "platelets:9"),
    ],
)  # fmt: skip
def test_latest_value_and_power_unit(text: str, label: str, absent: str) -> None:
    labels = _applied(text)
    assert label in labels
    assert absent not in labels


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("platelets 150 last month. This week's pain is 7 out of 10", "platelets:150"),
        ("platelets 92 10 days after chemo", "platelets:92"),
    ],
)
def test_no_later_value_from_other_numbers(text: str, label: str) -> None:
    assert label in _applied(text)


# -- devices: implants and shunts in everyday words, a device taken out and not put back -------


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("had implants put in after my double mastectomy", "device:breast_implant"),
        ("after the mastectomy they gave me implants", "device:breast_implant"),
        ("my implants from the breast reconstruction feel tight", "device:breast_implant"),
        ("got implants after my breast cancer surgery", "device:breast_implant"),
        ("implants were placed when I had my mastectomy", "device:breast_implant"),
        ("my little girl has a shunt for fluid on the brain", "device:vp_shunt"),
        ("he has a shunt in his head for hydrocephalus", "device:vp_shunt"),
        ("shunt for water on the brain since birth", "device:vp_shunt"),
        ("she had a shunt put in after the brain bleed", "device:vp_shunt"),
        ("the shunt draining fluid from her brain was revised", "device:vp_shunt"),
    ],
)
def test_device_in_everyday_words(text: str, label: str) -> None:
    assert label in _applied(text)


@pytest.mark.parametrize(
    "text",
    [
        "dental implants after my mastectomy",
        "contraceptive implant in my arm, had a lumpectomy",
        "I had a mastectomy without implants",
        "I had a mastectomy, no implants",
        "hip implant, breast cancer in 2019",
        "an AV shunt in my arm for dialysis, and headaches",
        "a heart shunt operation as a baby, now head pain",
        "no shunt, the brain scan was clear",
        "I had implants removed after my mastectomy",
    ],
)
def test_no_device_from_other_implants_or_shunts(text: str) -> None:
    assert not any(x.startswith("device:") for x in _applied(text))


@pytest.mark.parametrize(
    "text",
    [
        "Pt had a pacemaker explanted last year (lead infection), now no device, not re-implanted",
        "ICD removed in 2023 because of a pocket infection, never replaced",
        "her pacemaker was taken out last spring (infected lead) and not put back",
        "spinal cord stimulator explanted 2022, not replaced",
        "pacemaker removed (lead infection) - no new device",
    ],
)
def test_device_taken_out_and_not_put_back(text: str) -> None:
    assert not any(x.startswith("device:") for x in _applied(text))


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("pacemaker lead removed and replaced", "device:pacemaker"),
        ("ICD removed and replaced with a new one", "device:icd"),
        ("pacemaker was removed and re-implanted on the other side", "device:pacemaker"),
        ("his pacemaker lead was taken out, the box is still in", "device:pacemaker"),
        ("pacemaker to be removed next month", "device:pacemaker"),
    ],
)
def test_device_kept(text: str, label: str) -> None:
    assert label in _applied(text)


# -- a self-correction that stops the medicine ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("I'm on warfarin. Actually no, they stopped it in 2021.", "class:anticoagulant"),
        ("I take Eliquis, wait no, I stopped it last summer", "class:anticoagulant"),
        ("taking ticagrelor? oh sorry, my cardiologist took me off it in 2022",
         "class:antiplatelet"),
        ("Mum takes rivaroxaban - sorry, she's not on it any more", "class:anticoagulant"),
        ("I use clopidogrel? my mistake, the GP took me off it last year", "class:antiplatelet"),
    ],
)  # fmt: skip
def test_self_correction_stops_medicine(text: str, label: str) -> None:
    assert label not in _applied(text)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("I take clopidogrel. sorry, I stopped it 3 days ago", "class:antiplatelet"),
        ("I take aspirin. Sorry for the long message, it's my knee.", "class:antiplatelet"),
        ("I take apixaban, actually I've been on it for years", "class:anticoagulant"),
        ("I take warfarin? no wait, they changed the dose last week", "class:anticoagulant"),
        ("I'm on warfarin? sorry, I never stopped it", "class:anticoagulant"),
        ("I take aspirin, sorry, the GP may take me off it", "class:antiplatelet"),
    ],
)
def test_no_correction_keeps_medicine(text: str, label: str) -> None:
    assert label in _applied(text)


# -- weeks of a pregnancy told by a scan or the baby's growth ---------------------------------


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("at the early pregnancy unit today, the scan said 8 weeks", "weeks:8"),
        ("pregnant, the dating scan put me at 12 weeks", "weeks:12"),
        ("expecting our first, ultrasound showed 20 weeks and all fine", "weeks:20"),
        ("the midwife says the baby is measuring about 30 weeks", "weeks:30"),
        ("my bump is measuring 36 weeks, low back pain", "weeks:36"),
        ("antenatal check: baby measuring well for 31 wks", "weeks:31"),
    ],
)
def test_pregnancy_weeks_from_scan_or_growth(text: str, label: str) -> None:
    labels = _applied(text)
    assert label in labels
    assert "pregnant" in labels


@pytest.mark.parametrize(
    "text",
    [
        "scan says 9 weeks",
        "pregnant, the scan 2 weeks ago was fine",
        "my baby is 8 weeks old and I have back pain",
        "pregnant; the MRI scan showed 6 weeks of healing",
    ],
)
def test_no_pregnancy_weeks_from_other_scans(text: str) -> None:
    assert not any(x.startswith("weeks:") for x in _applied(text))


# -- a feared or supposed pregnancy denied by the question ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I was worried I might be pregnant but both tests were negative. Neck pain.",
        "I worry I could be pregnant, but my period came on Monday",
        "I thought I might be pregnant, then my period arrived this week, back ache",
        "scared I might be pregnant but I got my period yesterday",
        "What if I got pregnant during the course? I'm not now, just thinking ahead",
        "Can acupuncture cause problems if I fall pregnant later? I'm not currently.",
    ],
)
def test_feared_or_supposed_pregnancy_denied(text: str) -> None:
    assert "pregnant" not in _applied(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'm 8 weeks pregnant and had some bleeding like my period started",
        "Trying to conceive, my period is late",
        "Trying for a baby, I had my period pains today",
        "I might be pregnant, I'm not yet sure",
        "worried I might be pregnant, my period came late",
        "TTC for a year, my period arrived this morning, back pain",
        "I'm 12 weeks pregnant; both tests were positive",
    ],
)
def test_pregnancy_kept(text: str) -> None:
    assert "pregnant" in _applied(text)
