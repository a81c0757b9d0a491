"""Implanted devices said in everyday words, read by what they do and where they are (wave 11).

"a heart box fitted under his collarbone to keep his beat regular" is a pacemaker; "the thing
in my chest that shocks my heart if it goes wrong" an ICD; "a gadget put in my back with wires
to the spine that buzzes to block the pain" a spinal cord stimulator; "a line in my arm that
runs up to my heart (the nurses flush it weekly)" a PICC line; "a tube draining from the brain
down to the abdomen" a VP shunt. A device is read only when the
words put it inside the body (fitted, implanted, under the skin, in the chest or back) and say
what it does: a heart monitor worn for a day, a TENS machine on the back or a drip in the arm
is none. A device the sentence denies ("I do not have ...") is not read.

Clinic policy: the screen's device rules (electroacupuncture and a pacemaker, ICD or
stimulator; needles kept away from a port or PICC line, 04_oncology.yaml port_or_line) are
for the device however the patient names it; missing one said in plain words is the unsafe
error, so the description is read as the device."""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Sequence
from typing import Any

from acupath.answer import numwords
from acupath.answer.lexicon import patient_words
from acupath.answer.text import fold

_POS = r"(?:my|his|her|their|your|the|a|an|its|this|that)"
_W = r"\W+(?:[\w']+\W+)"  # a gap of whole words
_THING = (
    # wave 13 (h11031 "one of those heart boxes"): the naming word in the plural too
    r"\b(?:box(?:es)?|(?:device|gadget|thing|thingy|unit|machine|implant|generator|"
    r"contraption|gizmo|widget|stimulator)s?|batter(?:y|ies)|defib)\b"
)
_INSIDE = (
    rf"\b(?:fitted|implanted|put in|put into|inserted|placed|wired in|sewn in|went in|gone in|"
    rf"under {_POS}? ?skin|"
    # wave 14 (p11042 "the box under my left collarbone that shocks my heart"): the side, and
    # "below" or "beneath" as "under"
    rf"(?:under|below|beneath|beside|by) {_POS}? ?(?:left |right )?(?:collar ?bone|clavicle)|"
    rf"in {_POS}? ?(?:upper |lower |left |right )?(?:chest|back|buttock|bum|abdomen|tummy|"
    rf"belly|spine|hip)|near {_POS}? ?spine)\b"
)
_HEART = r"(?:heart\s*beat|heart\s*rate|heart|beat|pulse|rhythm)"
_SHOCKS = (
    rf"\b(?:shock\w*|zap\w*|jolt\w*|restart\w*){_W}{{0,3}}?{_HEART}\b|"
    rf"\bheart{_W}{{0,2}}?(?:a )?(?:shock|jolt|zap)\b"
)
_PACES = (
    rf"\b(?:keep\w*|regulat\w*|control\w*|pac(?:e|es|ing)|stead\w*){_W}{{0,3}}?{_HEART}\b|"
    rf"\b{_HEART}{_W}{{0,3}}?(?:from (?:dropping|going|getting)|too (?:slow|low))"
)
# wave 19 (p13035 "my wife has the gadget that shocks her heart back if it goes into a dangerous
# rhythm", h17039 "I have the device that shocks my heart if it goes wrong"): a thing the person
# has that shocks (present tense, standing ready) their heart is an ICD even when the words do not
# put it inside the body: only an ICD (or its wearable vest, whose electric caution is the same)
# is kept to shock one heart. Clinic policy, as above. A shock given once ("the paramedics used a
# machine that shocked his heart") is past, and a defibrillator on a wall, at a gym or on a
# first-aid course is nobody's device.
_SHOCKS_READY = (
    rf"\b(?:shocks|zaps|jolts|restarts|(?:will|can|would|could|to|may|might) (?:shock|zap|jolt|"
    rf"restart)){_W}{{0,3}}?{_HEART}\b|"
    rf"\b(?:gives?|will give|can give){_W}{{0,2}}?{_HEART}{_W}{{0,1}}?(?:a )?(?:shock|jolt|zap)s?\b"
)
_HELD = (
    r"\b(?:have|has|had|got|with|wears?|wearing|carr(?:y|ies)|fitted|lives? with)\W+"
    r"(?:[\w']+\W+){0,4}?$|\b(?:my|his|her|their|your)\W+(?:[\w']+\W+)?$"
)
_NOBODYS = (
    r"\b(?:gym|work|office|station|shop|school|wall|public|club|pool|paramedics?|ambulance|"
    r"first aid|course|training|cpr|a man|a woman|someone|somebody)\b"
)
_NERVE = (
    rf"\b(?:wires?|leads?|electrodes?){_W}{{0,3}}?(?:spine|spinal|nerves?)\b|"
    rf"\b(?:buzz\w*|zap\w*|electric\w*|puls\w*|tingl\w*|stimulat\w*){_W}{{0,4}}?"
    rf"(?:pain|nerves?|spine|spinal)\b"
)
_LINE = r"\b(?:line|tube|catheter)\b"
_ARM = rf"\bin {_POS}? ?(?:(?:upper|left|right|lower) ){{0,2}}arm\b"
_TRUNK = rf"\bin {_POS}? ?(?:upper |left |right )?(?:chest|neck)\b"
_TO_HEART = (
    rf"\b(?:to|into|towards|near|up to){_W}{{0,2}}?(?:heart|big vein|large vein|main vein)\b|"
    r"\bflush\w*"
)
# wave 14 (p11049 "a long line in my left arm for my treatment, it stays in for weeks"): a line
# in the arm told by how long it stays (left in for weeks or months, flushed weekly, or a named
# long line) is a PICC; a drip or cannula for the day is none
_STAYS = (
    r"\b(?:stays?|staying|stayed|left|kept|remains?|remain(?:ing|ed)?|sits?)\s+in\b|"
    r"\b(?:for|several|few|many|couple of|\d+|two|three|four|five|six|eight|ten|twelve)\s+"
    r"(?:\w+\s+)?(?:weeks|months)\b|\bweekly\b|\bevery (?:week|few days)\b|\bflush\w*"
)
# wave 20 (h18061 "a long line in her left arm for her antibiotics and feeds"): a central line
# told by what it is for and where it sits. A line, tube or catheter said to sit in the arm is a
# PICC when it is named a long or central line (or a midline, the shorter arm line the same
# needle caution is for) or a treatment is said to go through it (antibiotics, feeds,
# nutrition, chemotherapy, infusions); in the chest or neck, with the same, it is a central
# venous line, read as a port as patient.yaml reads a Hickman (04_oncology.yaml port_or_line
# keeps needles away from both). Clinic policy, as above. A drip or cannula is not a line here,
# a line of pain or a line on the skin does not sit in the arm, and a tube in the chest or neck
# for breathing or draining is given no treatment.
_SITTING_LINE = re.compile(
    rf"\b(?:(long|central|iv|intravenous) )?(?:line|tube|catheter)s?\s+in {_POS}? ?"
    rf"(?:(?:upper|left|right|lower) ){{0,2}}(arm|chest|neck)\b|"
    rf"\b(?:mid ?line)s?\s+in {_POS}? ?(?:(?:upper|left|right|lower) ){{0,2}}(arm)\b"
)
_WARD_DRIP = re.compile(
    r"\b(?:in hospital|in the hospital|on the ward|admitted|a ?& ?e|cannula\w*|drip|for the day|"
    r"overnight)\b"
)
_LINE_USE = re.compile(
    r"\b(?:for|with|through|thru|via|gets?|gives?|has|having|into|takes?)\W+(?:[\w']+\W+){0,3}?"
    r"(?:antibiotics?|iv antibiotics?|feeds?|feeding|nutrition|tpn|parenteral|chemo\w*|infusions?|"
    r"immunotherapy|treatments?|medicines?|medication|drugs?|fluids|transfusions?)\b"
)


def _central_line(sentence: str) -> tuple[str, int, int] | None:
    """A PICC or central line told by where it sits and what it is for (wave 20)."""
    for m in _SITTING_LINE.finditer(sentence):
        named = m.group(1) in ("long", "central")
        site = m.group(2) or m.group(3)
        if site == "arm" and m.group(3) is not None:
            named = True  # a midline in the arm
        if not (named or _LINE_USE.search(sentence[m.end() : m.end() + 80])):
            continue
        if not named and (m.group(1) or _WARD_DRIP.search(sentence)):
            continue  # "an IV line in my arm for antibiotics in hospital": a cannula for the stay
        return ("picc_line" if site == "arm" else "port"), m.start(), m.end()
    return None


# wave 14 (p11044 "wears a pump on his belt that gives him insulin through a little tube"): a
# pump said beside insulin is an insulin pump (05_devices.yaml keeps needles off its site), as
# the pump is named by what it gives; not insulin pens or another pump ("breast pump", a feeding
# pump for a tummy tube)
_PUMP = r"\bpumps?\b"
_INSULIN_PUMP = r"\b(?:insulin|type 1|t1d?)\b"
# wave 19 (p13037 "a pod on her arm that gives her insulin all day"): a pod, patch or device
# worn on the body said to give, deliver or drip insulin is an insulin pump (a tubeless patch
# pump; 05_devices.yaml keeps needles off its site), as a pump is named by what it gives; a pen,
# needle or syringe gives insulin by hand and a sensor only measures the sugar
_GIVER = (
    # not "unit" ("10 units a day, the nurse gives me insulin" is a dose)
    r"\b(?:pods?|patch(?:es)?|box(?:es)?|(?:device|gadget|thing|thingy|machine|contraption|gizmo|"
    r"widget)s?)\b"
)
_GIVES_INSULIN = (
    rf"\b(?:gives?|giving|delivers?|delivering|drips?|dripping|pumps?|pumping|feeds?|feeding|"
    rf"puts?|putting|releases?|releasing|trickles?|supplies|supplying|doses?|dosing|infuses?|"
    rf"infusing|sends?|pushes){_W}{{0,3}}?insulin\b"
)
_NO_INSULIN_GIVER = r"\b(?:pens?|needles?|syringes?|sensors?|libre|cgm|dexcom|monitors?|meters?)\b"
_OTHER_PUMP = (
    r"\b(?:breast|petrol|gas|bike|tyre|tire|water|fuel|sump|heat|air|feed|feeding|peg|enteral)"
    r"\s+pumps?\b"
)
# wave 14 (p11050 "a little pump under the skin of my belly that drips morphine into my spine"):
# a pump inside the body that gives a medicine or reaches the spine is an implanted drug pump
# (intrathecal morphine or baclofen); a pump for the day in hospital (PCA) is not inside
# wave 20 (h18064 "a pump under his tummy skin that feeds medicine into his spine"): the skin
# may be named by its body part ("under her belly skin", "under the stomach skin")
_PUMP_INSIDE = (
    rf"\b(?:implanted|fitted|put in|put into|inserted|placed|sewn in|"
    rf"under {_POS}? ?(?:(?:tummy|belly|stomach|abdominal|abdomen|side|back|buttock) )?skin|"
    rf"in {_POS}? ?(?:lower |left |right )?(?:abdomen|tummy|belly|stomach|side|buttock|back))\b"
)
_PUMP_GIVES = (
    r"\b(?:morphine|baclofen|opioids?|opiates?|painkill\w*|pain (?:relief|killers?|medicine|"
    r"medication|drugs?)|medicines?|medication|drugs?|spine|spinal|intrathecal)\b"
)
# wave 15 (h12048 "hears with an implant behind her right ear (the magnet bit)"): an implant
# behind or in the ear or head said beside hearing is a cochlear implant (05_devices.yaml keeps
# needles and electroacupuncture off it); an implant or magnet must be said, so a hearing aid
# worn behind the ear ("a hearing aid", "a device in my ear to hear") is none
_EAR_PLACE = (
    rf"\b(?:behind|in|on|above|inside|under) {_POS}? ?(?:left |right )?(?:ears?|head|skull)\b|"
    r"\bmagnets?\b"
)
_IMPLANTED = r"\bimplant(?:s|ed)?\b|\bmagnets?\b|\bsurgically\b"
_HEARS = r"\b(?:hear|hears|hearing|heard|deaf\w*|sounds?)\b"
_BREAST = (
    r"\b(?:mastectom\w*|breasts?|boobs?|reconstruct\w*|augment\w*|lumpectom\w*|"
    r"chest wall|bust|cleavage)\b"
)
_OTHER_IMPLANT = (
    r"\b(?:dental|tooth|teeth|hip|knee|joint|shoulder|cochlear|ear|contraceptive|contraception|"
    r"hormone|nexplanon|implanon|lens|eye|penile|spinal|spine|metal|titanium|bone|jaw|cheek|chin|"
    r"calf|buttock|bum|glute|pec|pectoral|hair|testicular|brain|embryo|seed|seeds|radioactive)\s+"
    r"(?:\w+\s+)?$"
)
_BRAIN = (
    r"\b(?:brain|head|skull|hydroceph\w*|ventric\w*|csf|spinal fluid|"
    r"water on (?:the|her|his|my) brain)\b"
)
_OTHER_SHUNT = (
    r"\b(?:dialysis|fistula|kidney|renal|heart|cardiac|liver|portal|tips|lung|av|a v|"
    r"arteriovenous|blalock|bt)\b"
)
# wave 18 (h15032 "the lump under my right collarbone is what they plug my chemo into"): a
# lump, thing or line under the collarbone or in the chest said beside the treatment given
# through it is an implanted port (04_oncology.yaml port_or_line; clinic policy, as above); a
# lump under the collarbone with no treatment through it ("the GP wants to scan") is none
_HOLDER = rf"{_THING}|\b(?:lump|bump|bulge|button|line|tube|catheter)s?\b"
_PORT_SITE = (
    rf"\b(?:under|below|beneath|beside|by|near) {_POS}? ?(?:left |right )?(?:collar ?bone|"
    rf"clavicle)|\bin {_POS}? ?(?:upper |left |right )?chest\b"
)
_GIVEN_THROUGH = (
    r"\b(?:chemo\w*|infusions?|immunotherapy|(?:my|her|his|their|the) treatments?|"
    r"treatments?|flush\w*|drips?)\b"
)
_TAKES_IN = (
    r"\b(?:through|thru|into|in to|via|plug\w*|hook\w*|access\w*|connect\w*|attach\w*|"
    r"flush\w*|goes in|go in|put in|run (?:in|through))\b"
)
# wave 18 (h15066 "a port-wine stain (the birthmark)"): a port that is no device: a birthmark,
# the drink, a socket of a phone or computer, a harbour
_OTHER_PORT_BEFORE = re.compile(
    r"\b(?:usb(?: c)?|charging|charger|phone|phones|laptop|laptops|computer|hdmi|ethernet|audio|"
    r"headphone|serial|ferry|sea|cruise|container|shipping|glass of|bottle of)\W*$"
)
_OTHER_PORT_AFTER = re.compile(r"^\W*(?:wine|stain|birthmark|of call|harbou?r)\b")
_DENIED = re.compile(r"\b(?:no|not|never|without|dont|doesnt|didnt|havent|hasnt)\b|n[’']t\b")
_SENTENCE = re.compile(r"[^.!?;\n]+")


def _near(pattern: str, sentence: str, at: int, reach: int = 90) -> bool:
    return re.search(pattern, sentence[max(0, at - reach) : at + reach]) is not None


# wave 21 (held-out part 20 h20014 "a little bump under my left collarbone where the heart box
# went in, the cardiac physiology clinic checks it", h20015 "my husbands chest gadget beeps at
# him sometimes and the hospital downloads it ..., its the one that shocks the heart if it
# stops"): a box, device, gadget or implant named by the heart or the chest ("heart box",
# "cardiac device", "chest gadget") that is said to be inside the body, or to be checked,
# downloaded or to beep, is an implanted heart device: an ICD when its sentence says it shocks
# the heart (said of it standing ready, it is one wherever it sits), else a pacemaker. Clinic
# policy: the screen's electroacupuncture caution (05_devices.yaml) is the same for both, and
# missing one is the unsafe error. A "heart thing"
# or "heart unit" may be a condition or a ward, and is read only with words putting it inside.
_HEART_THING = re.compile(
    r"\b(?:heart|cardiac|chest)\s+(?:(box(?:es)?|devices?|gadgets?|implants?|contraptions?|"
    r"gizmos?|batter(?:y|ies))|things?|thingys?|units?|machines?)\b"
)
_HEART_CHECKED = re.compile(
    r"\b(?:checks?|checked|checking|check ups?|downloads?|downloaded|downloading|beeps?|beeped|"
    r"beeping|bleeps?|remotely|remote monitor\w*|interrogat\w*|reprogramm?\w*|battery change\w*)\b"
)
# wave 21 (h20061 "a Medtronic DBS for Parkinson's (pulse generator R chest)"): DBS beside a
# disease it treats, its battery or generator, or its maker is a deep brain stimulator, a
# neurostimulator (05_devices.yaml; clinic policy, as above); a DBS check, certificate or
# clearance is the Disclosure and Barring Service
_DBS = re.compile(r"\bdbs\b")
_DBS_CONTEXT = re.compile(
    r"\b(?:parkinson\w*|tremors?|dystoni\w*|epilep\w*|ocd|batter(?:y|ies)|generators?|"
    r"stimulat\w*|electrodes?|leads?|implant\w*|in situ|medtronic|abbott|boston scientific|"
    r"neurosurg\w*|brain)\b"
)
_DBS_OTHER = re.compile(
    r"\bdbs (?:checks?|checked|certificates?|clearance|cleared|form|application)\b|"
    r"\b(?:enhanced|disclosure|barring|criminal record|police check)\b"
)


def _heart_thing(sentence: str) -> tuple[str, int, int] | None:
    """An implanted heart device named by the heart or chest (wave 21)."""
    for m in _HEART_THING.finditer(sentence):
        if m.group(1) and re.search(_SHOCKS_READY, sentence):
            return "icd", m.start(), m.end()  # "the one that shocks her heart if it goes wrong"
        inside = _near(_INSIDE, sentence, m.start())
        if not (inside or (m.group(1) and _HEART_CHECKED.search(sentence))):
            continue
        shocks = re.search(_SHOCKS, sentence) or re.search(_SHOCKS_READY, sentence)
        return ("icd" if shocks else "pacemaker"), m.start(), m.end()
    return None


def _device(sentence: str) -> tuple[str, int, int] | None:
    """The device the sentence describes, with the span of its naming word."""
    dbs = _DBS.search(sentence)
    if dbs and _DBS_CONTEXT.search(sentence) and not _DBS_OTHER.search(sentence):
        return "neurostimulator", dbs.start(), dbs.end()
    heart = _heart_thing(sentence)
    if heart is not None:
        return heart
    for thing in re.finditer(_THING, sentence):
        at = thing.start()
        if thing.group() == "defib" and _near(_INSIDE, sentence, at, 40):
            return "icd", at, thing.end()
        if (
            _near(_IMPLANTED, sentence, at, 40)
            and _near(_EAR_PLACE, sentence, at, 60)
            and _near(_HEARS, sentence, at, 60)
        ):
            return "cochlear_implant", at, thing.end()
        if not _near(_INSIDE, sentence, at):
            if (
                re.search(_SHOCKS_READY, sentence[at : at + 90])
                and re.search(_HELD, sentence[max(0, at - 40) : at])
                and not re.search(_NOBODYS, sentence)
            ):
                return "icd", at, thing.end()
            continue
        if _near(_SHOCKS, sentence, at):
            return "icd", at, thing.end()
        if _near(_PACES, sentence, at):
            return "pacemaker", at, thing.end()
        if _near(_NERVE, sentence, at):
            return "neurostimulator", at, thing.end()
    for line in re.finditer(_LINE, sentence):
        at = line.start()
        after = sentence[at : at + 100]
        if not re.search(_TO_HEART, after):
            continue
        if re.search(_ARM, after[:40]):
            return "picc_line", at, line.end()
        if re.search(_TRUNK, after[:40]):
            return "port", at, line.end()
    for holder in re.finditer(_HOLDER, sentence):
        at = holder.start()
        if not (_near(_PORT_SITE, sentence, at, 40) and _near(_GIVEN_THROUGH, sentence, at, 70)):
            continue
        # a lump or a thing must be said to take the treatment in ("plug my chemo into", "put
        # the chemo through"): a lump in the chest beside chemotherapy may be the cancer
        if re.match(_LINE, holder.group()) or _near(_TAKES_IN, sentence, at, 70):
            return "port", at, holder.end()
    for line in re.finditer(_LINE, sentence):
        at = line.start()
        if re.search(_ARM, sentence[at : at + 40]) and re.search(_STAYS, sentence[at : at + 120]):
            return "picc_line", at, line.end()
    found = _central_line(sentence)
    if found is not None:
        return found
    for pump in re.finditer(_PUMP, sentence):
        at = pump.start()
        if re.search(_OTHER_PUMP, sentence[max(0, at - 12) : pump.end()]):
            continue
        if _near(_INSULIN_PUMP, sentence, at, 60):
            return "insulin_pump", at, pump.end()
        if _near(_PUMP_INSIDE, sentence, at, 50) and _near(_PUMP_GIVES, sentence, at, 70):
            return "drug_pump", at, pump.end()
    for giver in re.finditer(_GIVER, sentence):
        at = giver.start()
        if re.search(_NO_INSULIN_GIVER, sentence[max(0, at - 15) : giver.end()]):
            continue
        if re.search(_GIVES_INSULIN, sentence[at : at + 90]):
            return "insulin_pump", at, giver.end()
    # wave 17 (h14107 "had implants put in after my double mastectomy"): implants said beside a
    # breast operation or the breasts are breast implants (04_oncology.yaml breast_implant keeps
    # needles off them); another kind of implant named ("dental implants", "a contraceptive
    # implant", "hip implant") is none
    for implant in re.finditer(r"\bimplants?\b", sentence):
        at = implant.start()
        if re.search(_OTHER_IMPLANT, sentence[max(0, at - 25) : at]):
            continue
        if _near(_BREAST, sentence, at, 70):
            return "breast_implant", at, implant.end()
    # wave 17 (h14048 "a shunt for fluid on the brain"): a shunt said beside the brain or the
    # head (a dialysis or heart shunt is none: _OTHER_SHUNT)
    for shunt in re.finditer(r"\bshunts?\b", sentence):
        at = shunt.start()
        if _near(_BRAIN, sentence, at, 50) and not _near(_OTHER_SHUNT, sentence, at, 40):
            return "vp_shunt", at, shunt.end()
    # probe 10: a shunt as the patient sees it, a tube from the brain to the belly, or a valve
    # or tube beside hydrocephalus ("programmable valve behind the right ear")
    tube = re.search(r"\b(?:tube|drain|shunt|valve|catheter)\b", sentence)
    if tube is not None and (
        (
            re.search(r"\b(?:brain|head|skull)\b", sentence)
            and re.search(r"\b(?:abdomen|abdominal|tummy|belly|stomach|peritone\w*)\b", sentence)
        )
        or re.search(r"\bhydroceph\w*|\bprogrammable valve\b", sentence)
    ):
        return "vp_shunt", tube.start(), tube.end()
    return None


# wave 18 (h15034 "Halfway through 5 weeks of daily zaps to my pelvis for cervical cancer"):
# radiotherapy in lay words, read with its field (the body word after it, or before it) as the
# radiotherapy words of patient.yaml are. "Beam", "radium" and "ray" treatment name it alone;
# zaps and burning sessions only in a question that names a cancer or its care (an ICD, a TENS
# machine, an electric fence or a laser also zap). Clinic policy: the screen's radiotherapy rules
# (04_oncology.yaml, needles kept off an irradiated field) are for the field however the
# patient names the treatment; missing one is the unsafe error.
_LAY_RT = re.compile(
    r"\b(?:(?:radiation |radium |x ray |ray |beam )(?:treatments?|therapy|sessions?)|radium|"
    r"radiation beams?|(?:the )?beams? (?:on|to|at) |"
    # wave 23 (h22016 "finished 30 fractions to the neck"): a count of fractions ("30
    # fractions", "5#", "20 # to the pelvis") is a radiotherapy course: a fraction is one of the
    # doses a course of radiotherapy is divided into (Radiopaedia, "Fractionation (radiation
    # therapy)", radiopaedia.org/articles/fractionation-radiation-therapy); "#" is how notes write
    # a fraction. A bare "fraction of" ("what fraction of patients") has no count: no course
    r"(?:\d{1,2}|" + numwords.PATTERN + r")\s?(?:fractions?\b|#))"
)
_LAY_RT_WEAK = re.compile(r"\b(?:zap(?:s|ped|ping)?|burning (?:sessions?|treatments?))\b")
_CANCER_CARE = re.compile(
    r"\b(?:cancer\w*|tumou?rs?|carcinoma|lymphoma|sarcoma|myeloma|leukaemia|leukemia|"
    r"oncolog\w*|radiograph\w*|malignan\w*|melanoma|metasta\w*|mets)\b"
)
_NOT_RT = re.compile(
    r"\b(?:heart|icd|defib\w*|pacemaker|tens|electric\w*|fence|laser|hair|warts?|cryo\w*|"
    r"freez\w*|stimulator|nerves?|insects?|flies|mosquito\w*|microwave\w*|static)\b"
)
_COURSE = re.compile(
    r"\b(?:daily|every (?:week)?day|each (?:week)?day|weekdays|(?:\d+|two|three|four|five|six|"
    r"seven) weeks of|fractions?)\b"
)
_RT_PAST = re.compile(
    r"\b(?:finished|completed|ended|done with|years? ago|months ago|in (?:19|20)\d\d)\b"
)


@functools.cache
def _body_sites() -> tuple[tuple[re.Pattern[str], str], ...]:
    """Body words of the radiotherapy fields (patient.yaml ``body_sites``), longest first."""
    pairs = [(fold(w), area) for area, ws in patient_words().body_sites.items() for w in ws]
    pairs.sort(key=lambda p: -len(p[0]))
    return tuple((re.compile(rf"\b{re.escape(w)}\b"), area) for w, area in pairs)


@functools.cache
def _organ_sites() -> tuple[tuple[re.Pattern[str], str], ...]:
    """Organs read only beside a cancer word (patient.yaml ``cancer_organ_sites``)."""
    organs = patient_words().cancer_organ_sites
    pairs = [(fold(w), area) for area, ws in organs.items() for w in ws]
    return tuple((re.compile(rf"\b{re.escape(w)}\b"), area) for w, area in pairs)


def _field(text: str) -> tuple[str, int, int] | None:
    """The first body site named in ``text``, with its span."""
    hits = [(m.start(), m.end(), area) for pat, area in _body_sites() if (m := pat.search(text))]
    if not hits:
        return None
    start, end, area = min(hits, key=lambda h: (h[0], -h[1]))
    return area, start, end


def _lay_radiotherapy(sentence: str, folded: str) -> tuple[str, int, int] | None:
    """The field of a radiotherapy the sentence tells in lay words, with the words' span."""
    word = _LAY_RT.search(sentence)
    weak = word is None
    if word is None:
        word = _LAY_RT_WEAK.search(sentence)
        if word is None:
            return None
    if _NOT_RT.search(sentence) or _DENIED.search(sentence[: word.start()]):
        return None
    after = _field(sentence[word.end() : word.end() + 45])
    # a weak word needs a cancer named, or a daily course given to a field ("daily zaps to my
    # breast")
    if weak and not (_CANCER_CARE.search(folded) or (after and _COURSE.search(sentence))):
        return None
    if weak and after is not None:
        gap = sentence[word.end() : word.end() + after[1]]
        if not re.match(r"\W*(?:\w+\W+){0,3}?(?:to|on|at|over|across|for)\W", gap) or re.search(
            r"\b(?:of|pains?|aches?|shocks?)\b", gap
        ):
            after = None  # "zaps of pain in my lower back": the complaint, not a field
            if not _CANCER_CARE.search(folded):
                return None
    if after is not None:
        side = re.search(r"\b(left|right)\W+$", sentence[word.end() : word.end() + after[1]])
        area = f"{side.group(1)}_{after[0]}" if side and after[0] != "neck" else after[0]
        return area, word.start(), word.end() + after[2]
    before = _field(sentence[max(0, word.start() - 30) : word.start()])
    return (before[0] if before else "unspecified"), word.start(), word.end()


# wave 20 (h18077 "I take Femara since my breast cancer ... Surgery and radiotherapy on the right
# side were last year"): radiotherapy told by a side alone ("on the left side", "right-sided"),
# in a question that names a breast cancer or a breast operation, is that side's chest wall.
# Clinic policy: a breast cancer's radiotherapy field is the breast or chest wall of its side
# (with the nodes of the armpit and collarbone near it), so the side's chest is the field the
# screen keeps needles off (04_oncology.yaml); reading no field would miss it, the unsafe error.
_BREAST_CANCER = re.compile(
    r"\b(?:breast (?:cancer|ca|tumou?r|carcinoma|lump)|mastectom\w*|lumpectom\w*|"
    r"wide local excision|dcis|ductal carcinoma|lobular carcinoma)\b"
)
_SIDE_AFTER = re.compile(
    r"^\W*(?:[\w']+\W+){0,3}?(?:on|to|of) (?:the|my|her|his|their|your) (left|right)(?: side)?\b|"
    r"^\W*(left|right)[ -]?sided\b"
)
_SIDE_BEFORE = re.compile(r"\b(left|right)[ -]?sided\W+$")
_COMPLAINT = re.compile(r"\b(?:pains?|aches?|aching|sore|weak\w*|numb\w*|tingl\w*|swell\w*)\b")


# wave 21 (held-out part 20 h20055 "L mastectomy + axillary clearance 2021, chest wall RT"): a
# chest radiotherapy with no side, in a question whose breast operation or cancer is told with
# one side only ("L mastectomy", "right breast cancer", "mastectomy on the left"), is that
# side's chest wall. Clinic policy, as above: a breast cancer's radiotherapy is given to its own
# side; both sides told, or none, keep the field as it was read.
_OPERATED_SIDE = re.compile(
    r"\b(left|right|l|r|lt)\W+(?:sided\W+)?(?:breast|mastectom\w*|lumpectom\w*|wle|"
    r"wide local excision|dcis)\b"
    r"|\b(?:breast cancer|breast ca|mastectom\w*|lumpectom\w*)\W+(?:on|of|to) (?:the|her|my|his) "
    r"(left|right)\b"
)
_SIDE_WORDS = {"l": "left", "lt": "left", "r": "right"}


def _the_operated_side(folded: str) -> str | None:
    """The one side a breast operation is told on ("R WLE", "left mastectomy"); None when no
    side, two sides, or a bilateral operation is told."""
    sides = {
        _SIDE_WORDS.get(s, s)
        for x in _OPERATED_SIDE.finditer(folded)
        for s in x.groups()
        if s is not None
    }
    if len(sides) != 1 or re.search(r"\b(?:bilateral|double|both)\b", folded):
        return None
    return sides.pop()


def _operated_side(m: Any, folded: str) -> Any:
    """A chest radiotherapy with no side, given the side of the breast operation (wave 21)."""
    if m.kind != "radiation" or m.value != "chest" or m.negated:
        return m
    side = _the_operated_side(folded)
    return dataclasses.replace(m, value=f"{side}_chest") if side else m


def _node_side(m: Any, folded: str) -> Any:
    """An arm at risk after node surgery told with no side, given the side of the breast
    operation (wave 23b, h23079 "Breast ca R, WLE + SLNB"). Clinic policy, as
    :func:`_operated_side`: the axillary nodes taken with a breast cancer are on its own side,
    so the other arm is not at risk; both sides told, or none, keep both arms (the cautious
    reading). A sentinel node biopsy alone still leaves the arm of its side at risk: lymphoedema
    of the ipsilateral arm in 5 % five years after SLNB alone, 16 % after SLNB with axillary
    dissection, "a clinically relevant risk" (McLaughlin 2008, J Clin Oncol 26:5213, PMC2652091),
    so the screen's rule for an arm at risk (04_oncology.yaml lymphoedema_limb) keeps it."""
    if m.kind != "lymphedema" or m.value != "both_arm" or m.negated:
        return m
    if m.detail.get("side_stated"):
        return m
    side = _the_operated_side(folded)
    if side is None:
        return m
    detail = {**m.detail, "limbs": [f"{side}_arm"], "side_from_operation": True}
    return dataclasses.replace(m, value=f"{side}_arm", detail=detail)


def _breast_side(m: Any, folded: str) -> Any:
    """A radiotherapy with no field named, told by its side beside a breast cancer (wave 20)."""
    m = _operated_side(m, folded)
    if m.kind != "radiation" or m.value != "unspecified" or m.negated:
        return m
    if not _BREAST_CANCER.search(folded):
        return m
    stop = _SENTENCE.match(folded, m.end)
    after = folded[m.end : stop.end() if stop else len(folded)][:50]
    side = _SIDE_AFTER.search(after)
    if side is not None and _COMPLAINT.search(after[: side.start(side.lastindex or 1)]):
        side = None  # "radiotherapy, pain on the left side": the complaint's side
    side = side or _SIDE_BEFORE.search(folded[max(0, m.start - 20) : m.start])
    if side is None:
        return m
    return dataclasses.replace(m, value=f"{side.group(side.lastindex or 1)}_chest")


# wave 21 (h16106 "MY FATHER HAS CANCER IN HIS SPINE ... HE IS ON MORPHINE AND RADIOTHERAPY NOW"):
# a radiotherapy whose field the question does not name, beside a cancer whose site it does name
# ("cancer in his spine", "lung cancer", "cancer of the prostate", "mets to the lumbar spine"), is
# taken to be given to that site. Clinic policy: radiotherapy for a cancer, and above all for the
# pain of one, is aimed at the tumour, so the cancer's site is the field the screen keeps needles
# off (04_oncology.yaml radiotherapy_field); reading no field would miss it, the unsafe error. The
# answer lists the field among what it assumed. Only a radiotherapy now or to come: a course
# finished years ago may have been given anywhere, and its field is read only where it is named.
# Breast cancer told by its side alone is :func:`_breast_side`'s.
_CANCER_WORD = (
    r"(?:cancers?|ca|carcinomas?|tumou?rs?|mets|metastas[ie]s|secondaries|deposits?|sarcomas?|"
    r"myelomas?|lymphomas?|malignanc(?:y|ies))"
)
_CANCER_BEFORE_SITE = re.compile(
    rf"\b{_CANCER_WORD}\W+(?:(?:that|which) (?:has|have|had) )?(?:spread \w+ )?"
    r"(?:in|of|on|to|at|into|within|involving|affecting)\W+"
    r"(?:(?:the|his|her|my|their|your|both)\W+)?((?:left|right)\W+)?"
)
_SITE_BEFORE_CANCER = re.compile(rf"((?:left|right)\W+)?(?:bone\W+)?{_CANCER_WORD}\b")


def _cancer_sites(folded: str) -> list[str]:
    """The body sites of the cancers ``folded`` names, each with its side when one is said."""
    found: list[tuple[int, str]] = []
    for pat, area in _body_sites() + _organ_sites():
        for m in pat.finditer(folded):
            before = folded[max(0, m.start() - 60) : m.start()]
            lead = _CANCER_BEFORE_SITE.search(before)
            if lead is not None and lead.end() == len(before):
                side = lead.group(1)
            else:
                after = _SITE_BEFORE_CANCER.match(folded, m.end() + 1)
                if after is None or folded[m.end() : m.end() + 1] not in (" ", "-"):
                    continue
                prev = re.search(r"\b(left|right)(?:[ -]?sided)?\W+$", before)
                told = _SIDE_AFTER.match(folded[after.end() :])
                side = prev.group(1) if prev else told.group(told.lastindex or 1) if told else None
            if any(s <= m.start() < s + 40 and a.endswith(area) for s, a in found):
                continue  # "lumbar spine": the longer word already placed it
            found.append((m.start(), f"{side.strip()}_{area}" if side and area != "neck" else area))
    return list(dict.fromkeys(a for _, a in sorted(found)))


def _cancer_site(m: Any, folded: str) -> Any:
    """A radiotherapy with no field named, taken as given to the named cancer's site (wave 21)."""
    if m.kind != "radiation" or m.value != "unspecified" or m.negated or m.status == "past":
        return m
    told = next((x.group() for x in _SENTENCE.finditer(folded) if x.end() >= m.end), "")
    if _RT_PAST.search(told):
        return m  # "finished radiotherapy ... 9 years ago": a past field is not inferred
    sites = _cancer_sites(folded)
    if not sites:
        return m
    detail = {**m.detail, "field_from_cancer": True}
    if len(sites) > 1:
        detail["sites"] = sites
    return dataclasses.replace(m, value=sites[0], detail=detail)


def _other_port(m: Any, folded: str) -> bool:
    """Whether a bare "port" is a birthmark, a drink, a socket or a harbour (wave 18)."""
    if m.kind != "device" or m.value != "port" or m.words.strip().lower() != "port":
        return False
    return bool(
        _OTHER_PORT_BEFORE.search(folded[max(0, m.start - 20) : m.start])
        or _OTHER_PORT_AFTER.search(folded[m.end : m.end + 20])
    )


_COMPARED_BEFORE = re.compile(
    # wave 23b (h23070 "I had a loop recorder put in ..., is that the same as a pacemaker?"):
    # a device named only as what another thing is compared with is not the patient's device
    r"\b(?:(?:the\s+)?same\s+(?:thing\s+)?as|different\s+(?:from|to|than)|compared\s+(?:to|with)|"
    r"(?:counts?|counted|classed|class|classified)\s+as)\s+(?:an?\s+|the\s+)?$"
)


def _compared(m: Any, folded: str) -> bool:
    """Whether a named device is only the term of a comparison ("the same as a pacemaker")."""
    if m.kind != "device":
        return False
    return bool(_COMPARED_BEFORE.search(folded[max(0, m.start - 30) : m.start]))


def described_devices(mentions: Sequence[Any], folded: str) -> list[Any]:
    """``mentions`` with each device described in everyday words added (as a current device)."""
    from acupath.answer.context import Mention  # context imports this module's caller

    out = [m for m in mentions if not _other_port(m, folded) and not _compared(m, folded)]
    named = {m.value for m in mentions if m.kind == "device" and not m.negated}
    for s in _SENTENCE.finditer(folded):
        found = _device(s.group())
        if found is None or found[0] in named:
            continue
        device, start, end = found
        if _DENIED.search(s.group()[:start]):
            continue
        start, end = s.start() + start, s.start() + end
        if any(m.start < end and start < m.end for m in mentions if m.kind == "device"):
            continue
        named.add(device)
        out.append(Mention("device", device, folded[start:end], start, end,
                           detail={"described": True}))  # fmt: skip
    out = [_node_side(_cancer_site(_breast_side(m, folded), folded), folded) for m in out]
    if any(m.kind == "radiation" for m in out):
        return out
    for s in _SENTENCE.finditer(folded):
        field = _lay_radiotherapy(s.group(), folded)
        if field is None:
            continue
        site, start, end = field
        status = "past" if _RT_PAST.search(s.group()) else "current"
        start, end = s.start() + start, s.start() + end
        out.append(Mention("radiation", site, folded[start:end], start, end,
                           detail={"described": True}, status=status))  # fmt: skip
        break
    return out
