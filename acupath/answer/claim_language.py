"""The language of claims: how clinics, leaflets and newspapers phrase what they assert.

Regular expressions and word lists read by :mod:`acupath.answer.claims`. This is language, not
evidence: no clinical fact or figure lives here, only the words that signal a kind of claim
(a guideline position, a coverage rule, a safety statement, a cure), a guideline body or payer,
a comparator, an outcome, absolute wording ("everyone", "whatever their INR") and overstatement
("dramatically", "clinically meaningful").
"""

from __future__ import annotations

import re

CLAIM_CUES = (
    r"reduc\w*|lower\w*|improv\w*|effective\w*|efficacy|effect\w*|benefit\w*|significant\w*|"
    r"superior|better|beat\w*|outperform\w*|shown|showed|show|shows|found|demonstrat\w*|evidence|"
    r"stud(?:y|ies)|trials?|review\w*|meta-analys\w*|recommend\w*|guidelines?|guidance|advis\w*|"
    r"endorse\w*|suggest\w*|consider\w*|says?|unlimited|less|fewer|valuable|option|useful|"
    r"safe\w*|risk\w*|adverse|side effects?|"
    r"releas\w*|stimulat\w*|modulat\w*|activat\w*|trigger\w*|durable|last\w*|persist\w*|cover\w*|"
    r"pays?|paid|fund\w*|reimburs\w*|allow\w*|limit\w*|relie\w*|help\w*|ease\w*|eas(?:es|ing)|"
    r"works?|worked|proven|rare|minimal|complication\w*|cures?|cured|eliminat\w*|need\w*|"
    r"prevent\w*|cut|cuts|strengthen\w*|boost\w*|shrink\w*|fight\w*|revers\w*|flush\w*|toxin\w*|"
    r"heal\w*|restor\w*|balanc\w*|increas\w*|doubl\w*|treat\w*|replace\w*|killed|died|death\w*|"
    r"obstacle|rules? out|postpone|needle\w*|harm\w*|dangerous|lost|forever|permanent\w*"
)
CUE = re.compile(rf"\b(?:{CLAIM_CUES})\b", re.I)

ACTION_WORDS = (
    "call us",
    "book ",
    "book your",
    "contact us",
    "schedule",
    "click",
    "subscribe",
    "sign up",
    "visit our",
    "learn more",
    "read more",
    "follow us",
    "share this",
    "copyright",
    "disclaimer",
    "herein",
    "liability",
    "editorial",
    "educational purpose",
    "not replace",
    "medical advice",
    "intended for",
    "ask any",
    "follow up question",
    "follow-up question",
    "last updated",
    "advisory board",
    "yours sincerely",
    "kind regards",
    "in this post",
    "in this article",
    "we will explore",
    "consult with",
    "if you are considering",
    "talk to your",
    "should verify",
)
DOMAIN = re.compile(
    r"\b(?:pain\w*|treatments?|patients?|adverse|sessions?|visits?|trials?|stud(?:y|ies)|"
    r"evidence|sham|placebo|effects?|mechanisms?|needl\w*|acupoints?|guidelines?|guidance|"
    r"recommend\w*|symptoms?|nausea|vomiting|fatigue|neuropath\w*|nerves?|brain|endorphins?|"
    r"inflammation|opioids?|medications?|medicines?|painkillers?|analgesic\w*|drugs?|cancer|"
    r"tumou?rs?|chemotherapy|radiotherapy|acupuncture|acupuncturists?|electroacupuncture|"
    r"medicare|medicaid|cms|insur\w*|nice|acp|asco|sio|who|blood thinners?|anticoagula\w*|"
    r"warfarin|inr|platelets?|neutrophils?|pregnan\w*|pacemakers?|immun\w*|qi|meridians?|"
    r"arthritis|osteoarthritis|migraines?|headaches?|fibromyalgia|sciatica|bleed\w*|bruis\w*|"
    r"safe\w*|side effects?|joint|arthralgia|dry mouth|hot flash\w*|hot flush\w*|benefit\w*|"
    r"relief)\b",
    re.I,
)

BODIES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("nice", re.compile(r"\bNICE\b|National Institute for Health and Care Excellence|\bNG59\b")),
    ("acp", re.compile(r"\bACP\b|American College of Physicians|physicians'? guidelines?", re.I)),
    (
        "sio_asco",
        re.compile(r"\bASCO\b|\bSIO\b|Society for Integrative Oncology|oncology guideline", re.I),
    ),
    (
        "acr",
        re.compile(
            r"\bACR\b|American College of Rheumatology|Arthritis Foundation|rheumatolog", re.I
        ),
    ),
    ("cms", re.compile(r"\bMedicare\b|\bCMS\b|Centers for Medicare|\bNCD\b", re.I)),
)
"""Guideline bodies and payers the base holds records of, by the words that name them."""

OTHER_BODY = re.compile(
    r"\b(?:World Health Organi[sz]ation|WHO|American Academy of \w+|German Medical Association|"
    r"Medicaid|NHS|private insur\w*|insurers?|insurance compan\w*|FDA|Mayo Clinic|"
    r"[A-Z][a-z]+ (?:Medical|Health) (?:Association|Society|Service))\b"
)
"""Bodies and payers named in claims that the base holds no record of."""

GUIDELINE_VERB = re.compile(
    r"\b(?:recommend\w*|recommendation|endorse\w*|advis\w*|advice|guidance|guidelines?|"
    r"suggest\w*|says?|said|tells?|told|lists?|listed|consider\w*|offer\w*|approv\w*|"
    r"should be offered|first[- ]line|NG59|agree)\b",
    re.I,
)
AGAINST = re.compile(
    r"\b(?:do not|don't|does not|should not|shouldn't|not to|never|against|not be offered|"
    r"not offer|not recommend\w*|recommends? against|advises? against)\b",
    re.I,
)
COVERAGE_VERB = re.compile(
    r"\b(?:cover\w*|pays?|paid|paying|fund\w*|reimburs\w*|allows?|billing|limit|visits?)\b", re.I
)
ALL_GUIDELINES = re.compile(
    r"\b(?:every|all|each)\b[^.]{0,30}\bguidelines?\b|\bguidelines? (?:all|universally)\b|"
    r"\bmedical guidelines agree\b",
    re.I,
)

ABSOLUTE = re.compile(
    r"\b(?:everyone|everybody|every(?:one)? (?:patient|person|woman|man)|all patients|"
    r"whatever(?: their| your| the)? \w+|regardless of \w+(?: \w+)?|any (?:inr|level|point|stage|"
    r"kind|type|count|condition|trimester)\w*|at any \w+|every stage|any point|"
    r"unlimited|no limit|without (?:any )?limit|as many as you|never|no side effects|"
    r"free of side effects|no risks?|risk[- ]free|100% safe|completely safe|perfectly safe|"
    r"totally safe|all types|all kinds|any kind|any type|all (?:forms|sorts)|forever|"
    r"permanent\w*|nobody|no one|no longer need|no obstacle|always|guarantee\w*)\b",
    re.I,
)
OVERSTATED = re.compile(
    r"\b(?:dramatic\w*|vast\w*|far (?:more|better|superior)|hugely|huge|massive\w*|enormous\w*|"
    r"remarkabl\w*|miracul\w*|strong\w*|first[- ]line|first treatment|recommends? first|"
    r"first to try|the first|all cancer pain|clinically (?:meaningful|important|significant|"
    r"relevant)|meaningful amount|major)\b",
    re.I,
)
CLINICALLY_MEANINGFUL = re.compile(
    r"\bclinically (?:meaningful|important|significant|relevant)\b|\bmeaningful (?:amount|"
    r"reduction|difference|improvement)\b",
    re.I,
)
CURE = re.compile(
    r"\b(?:cures?(?: \w+)?|cured|curing|shrink\w*(?: (?:the )?tumou?rs?| cancer)?|"
    r"fights? (?:tumou?rs?|cancer)|strengthen\w* (?:the |your )?immun\w*(?: system)?|"
    r"boost\w* (?:the |your )?immun\w*(?: system)?|immune system|immunity|detox\w*|"
    r"(?:flush\w* )?toxins?|revers\w*(?: \w+)?|regrow\w*|heals? (?:nerve|the nerve|damaged)|"
    r"eliminat\w* (?:the )?(?:disease|cancer|arthritis))\b",
    re.I,
)
MECHANISM = re.compile(
    r"\b(?:endorphins?|neurotransmitters?|serotonin|noradrenaline|norepinephrine|adenosine|ATP|"
    r"opioid peptides|opiate receptors?|qi|meridians?|blood flow|gate control|nervous system|"
    r"central sensiti[sz]ation|cox-2|pge2|natural killer|energy|mechanisms?)\b",
    re.I,
)
PRACTICE = re.compile(
    r"\b(?:sessions? (?:typically|usually) last|session lasts|lasts? \d+|minutes|"
    r"(?:needs?|requires?) \d+ (?:to \d+ )?sessions|\d+ (?:to|-) ?\d+ sessions over)\b",
    re.I,
)
PERSISTENCE = re.compile(
    r"\b(?:persist\w*|lasts? (?:for|a|at)|lasting|last\w* forever|forever|permanent\w*|"
    r"never comes back|a year later|year later|one year|12 months|a year after|durable|"
    r"still there|still had|effect is lost|is lost|fades?|wears? off|long[- ]term relief)\b",
    re.I,
)
SAFETY = re.compile(
    r"\b(?:safe\w*|side effects?|adverse|harm\w*|risk\w*|bleed\w*|bruis\w*|complications?|"
    r"pneumothorax|punctured lung|died|death\w*|killed|dangerous|no obstacle|rules? out|"
    r"postpone|INR|soreness|toxicit\w*|tolerated)\b",
    re.I,
)
BENEFIT = re.compile(
    r"\b(?:reduc\w*|lower\w*|improv\w*|effective\w*|helps?|helped|helping|eases?|eased|easing|"
    r"relie\w*|works?|worked|beats?|beat|outperform\w*|superior|better|prevent\w*|cut|cuts|"
    r"fewer|less|valuable|benefit\w*|treats?|treated|doubles?|lowers?|quit)\b",
    re.I,
)
REPLACE = re.compile(
    r"\b(?:replace\w*|instead of|no longer need\w*|no need for|stop (?:taking )?(?:your )?"
    r"(?:pain ?killers|medication|drugs)|without (?:pain ?killers|drugs|medication)|"
    r"rather than (?:pain ?killers|drugs|medication))\b",
    re.I,
)
EQUIVALENT = re.compile(r"\b(?:just )?as (?:well|good|effective(?:ly)?) as\b|\bequally\b", re.I)
ADDED = re.compile(r"\b(?:added to|adding|alongside|together with|combined with|on top of)\b", re.I)
NEGATION = re.compile(
    r"\b(?:not|no|never|neither|nor|failed to|fails to|didn't|doesn't|don't|cannot|can't|"
    r"did not|does not|do not)\s+(?:\w+\s+){0,2}?(?:reduc\w*|help\w*|work\w*|improv\w*|"
    r"reliev\w*|relief|better|effective|benefit\w*|superior|beat\w*|eas\w*|lower\w*|differ\w*|"
    r"prevent\w*|more effective)\b|\bno (?:better|more effective|benefit|effect|difference)\b|"
    r"\bineffective\b",
    re.I,
)
"""A negated benefit ("no better than sham", "did not relieve"); "when patients were not taking
amitriptyline" negates something else and does not count."""
APPROX = re.compile(
    r"\b(?:about|around|roughly|approximately|approx|nearly|almost|some|close to|up to|~|"
    r"just under|just over|more than|over|under)\b",
    re.I,
)

POPULATIONS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "anticoagulant",
        re.compile(
            r"\b(?:blood[- ]thinn\w*|anticoagula\w*|warfarin|apixaban|rivaroxaban|dabigatran|"
            r"edoxaban|heparin|INR)\b",
            re.I,
        ),
    ),
    ("platelets", re.compile(r"\bplatelets?\b|thrombocytop\w*", re.I)),
    ("neutrophils", re.compile(r"\bneutrophil\w*|neutropeni\w*|white (?:blood )?cell", re.I)),
    ("pregnancy", re.compile(r"\bpregnan\w*|trimester", re.I)),
    ("device", re.compile(r"\bpacemakers?\b|\bICDs?\b|defibrillator|neurostimulator", re.I)),
    ("cancer", re.compile(r"\bcancer\b|oncology|chemotherapy", re.I)),
)

OUTCOMES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("opioid_use", re.compile(r"\bopioids?\b|morphine", re.I)),
    ("analgesic_use", re.compile(r"\banalgesic (?:use|therapy)|pain ?killers?|analgesics\b", re.I)),
    ("nausea_vomiting", re.compile(r"\bnausea|vomit\w*", re.I)),
    ("fatigue", re.compile(r"\bfatigue|tiredness", re.I)),
    ("xerostomia", re.compile(r"\bdry mouth|xerostomia", re.I)),
    ("hot_flashes", re.compile(r"\bhot fl\w+", re.I)),
    ("headache_frequency", re.compile(r"\bhow often|frequency|attacks?|headache days", re.I)),
    ("function", re.compile(r"\bfunction\w*|disabilit\w*|mobility", re.I)),
    ("quality_of_life", re.compile(r"\bquality of life", re.I)),
    ("anxiety", re.compile(r"\banxiety", re.I)),
    ("pain", re.compile(r"\bpain\w*|ache\w*|arthralgia|sore\w*", re.I)),
)

COMPARATORS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "sham",
        re.compile(
            r"\bsham\b|placebo|fake (?:acupuncture|needl\w*)|minimal acupuncture|simulated|"
            r"(?:real|true|verum) acupuncture",
            re.I,
        ),
    ),
    (
        "usual_care",
        re.compile(r"\busual care|standard care|conventional (?:care|therapy)|routine care", re.I),
    ),
    (
        "no_acupuncture",
        re.compile(r"\bno (?:acupuncture|treatment|additional treatment)|untreated", re.I),
    ),
    ("waitlist", re.compile(r"\bwait(?:ing)? ?list", re.I)),
    (
        "medication",
        re.compile(r"\bpain ?killers?|analgesics?|drugs|medication|NSAIDs?|ibuprofen", re.I),
    ),
)

INTERVENTIONS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("electro", re.compile(r"\belectro-?acupuncture|electrical stimulation", re.I)),
    ("auricular", re.compile(r"\bauricular|battlefield|ear acupuncture", re.I)),
    ("acupressure", re.compile(r"\bacupressure", re.I)),
    ("moxibustion", re.compile(r"\bmoxibustion|\bmoxa\b", re.I)),
)

EXTRA_CONDITIONS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "aromatase_inhibitor_arthralgia",
        re.compile(r"aromatase[- ]inhibitor|\bS1200\b|\bAIs?\b(?= related| joint)", re.I),
    ),
    (
        "chronic_musculoskeletal_pain_cancer_survivors",
        re.compile(r"cancer survivors|\bPEACE\b", re.I),
    ),
    ("hiv_neuropathy", re.compile(r"\bHIV\b", re.I)),
    ("xerostomia", re.compile(r"dry mouth", re.I)),
    ("postoperative_pain", re.compile(r"\b(?:around|after|before) surgery\b", re.I)),
    ("knee_osteoarthritis", re.compile(r"\bknee arthritis\b", re.I)),
    (
        "chemotherapy_induced_nausea_vomiting",
        re.compile(r"chemo\w* nausea|nausea[^.]{0,40}chemo", re.I),
    ),
)
"""Phrases the condition vocabulary misses in claims (language for the conditions' ids)."""

OUT_OF_SCOPE = re.compile(
    r"\b(?:IVF|infertil\w*|fertility|smok\w*|weight|appetite|insomnia|depression|sleep|"
    r"blood pressure|hypertension|colic|asthma|allerg\w*|addiction|stroke|tinnitus|"
    r"\d[\d,]* years|ancient|millions of|more than 100 conditions|COVID)\b",
    re.I,
)

NUMBER_WORDS = {
    "one": 1.0,
    "two": 2.0,
    "three": 3.0,
    "four": 4.0,
    "five": 5.0,
    "six": 6.0,
    "seven": 7.0,
    "eight": 8.0,
    "nine": 9.0,
    "ten": 10.0,
    "twelve": 12.0,
    "twenty": 20.0,
    "half": 0.5,
}
FRACTION = re.compile(
    r"\b(one|1|two|2|three|3) (?:patients? )?(?:in|out of) (?:every )?([\d,]+|ten|a hundred|"
    r"a thousand|hundred|thousand)\b",
    re.I,
)
SUBJECTLESS = re.compile(
    r"^(?:also |then |even |can |may |will |often |usually )*(?:is|are|has|have|helps?|reduces?|"
    r"relieves?|eases?|improves?|strengthens?|boosts?|shrinks?|cures?|lowers?|prevents?|cuts?|"
    r"lasts?|works?|can|may|will|does|gives?|causes?|treats?|releases?|increases?)\b",
    re.I,
)
ABOUT_CARE = re.compile(
    r"\b(?:side effects?|adverse|sessions?|treatments?|needl\w*|sham|guidelines?)\b", re.I
)
"""Words that make a sentence about acupuncture care even when it does not name acupuncture."""
PHRASAL_BACK = re.compile(
    r"\b(?:comes?|came|coming|gets?|got|go|goes|went|bounces?|fight\w*|pay\w*) back\b|"
    r"\bback (?:to|in|then)\b",
    re.I,
)
"""Uses of "back" that are not the back ("the pain never comes back")."""
VERB = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|can|could|may|might|will|would|should|must|"
    r"does|do|did|found|shown|(?<![-‐‑])[a-z]+ed|reduces|improves|relieves|helps|works|shows|eases|lowers|covers|pays|"
    r"recommends|says|causes|releases|stimulates|modulates|involves|requires|occur|occurs)\b",
    re.I,
)
PRONOUN_START = re.compile(r"^(?:it|they|this|these|its|their|that)\b", re.I)
BACK_REFERENCE = re.compile(
    r"\b(?:it|this condition|that condition|the condition|this|them|the same condition)\b", re.I
)
