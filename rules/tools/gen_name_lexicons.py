#!/usr/bin/env python3
"""Generate the word lists (lexicons) of rules/names.json from Debian packages.

usage: rules/tools/gen_name_lexicons.py [--root /] [--check]

Reads the rules of the names pack from rules/tools/names.rules.json (hand-written), adds the generated
"lexicons" and writes rules/names.json. The generated pack is committed, so the build never needs these
packages; run this only to refresh the lists. --check exits 1 if rules/names.json would change.

Sources (all Debian bookworm packages; none is derived from Faker):
  libtext-names-perl   Text/Names.pm: US Census 1990 common male/female first names and surnames
                       (Artistic or GPL-1+; the Census lists themselves are US public domain)
  miscfiles            /usr/share/dict/propernames: ~1,300 given names (public domain, from BSD)
  wamerican            /usr/share/dict/american-english: common English words, for exclusions (SCOWL licence)
  wamerican-insane     /usr/share/dict/american-english-insane: capitalised-only entries (SCOWL licence)
  hunspell-cs, -da, -es, -hu, -it, -pl, -sv
                       capitalised-only entries of the Czech, Danish, Spanish, Hungarian, Italian, Polish and
                       Swedish spelling dictionaries (GPL/LGPL/MPL tri-licences, see each package's copyright)
  hunspell-en-med      /usr/share/hunspell/en_med_glut.dic: medical words (eponyms, drug brands) to exclude (GPL-3)
  iso-codes            ISO 3166-1/-2 country and subdivision names, to exclude places; countries also make the
                       large_regions list (LGPL-2.1+)
  miscfiles            cities.dat: city names, to exclude places (GPL)

A "proper noun" is a word that a dictionary lists only capitalised (not also in lower case). A given name is
kept when it is a Census/BSD given name, or when at least two of the eight dictionaries list it as a proper
noun (so one-language place names and inflected forms drop out, and the list stays ~20k words).
"""
import argparse, collections, gzip, json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
RULES = os.path.join(HERE, "names.rules.json")
OUT = os.path.join(HERE, "..", "names.json")

HUNSPELL = [("cs", "cs_CZ"), ("da", "da_DK"), ("es", "es_ES"), ("hu", "hu_HU"), ("it", "it_IT"), ("pl", "pl_PL"), ("sv", "sv_SE"),
            ("de", "de_DE"), ("fr", "fr_FR"), ("nl", "nl_NL"), ("pt", "pt_PT"), ("pt-br", "pt_BR"), ("is", "is_IS"),
            ("sl", "sl_SI"), ("hr", "hr_HR"), ("sk", "sk_SK"), ("ro", "ro_RO"), ("nb", "nb_NO"), ("et", "et_EE"),
            ("tr", "tr_TR"), ("lt", "lt_LT"), ("lv", "lv_LV")]

# Words that are names but must never be reported on their own, whatever the lists say.
MANUAL_NOT_NAMES = """
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
monday tuesday wednesday thursday friday saturday sunday today tonight tomorrow yesterday
christmas easter thanksgiving halloween hanukkah ramadan diwali
god jesus christ allah lord buddha mary
facebook twitter instagram tiktok linkedin youtube google apple amazon microsoft zoom epic cerner pfizer moderna
covid omicron delta medicare medicaid tricare aetna cigna humana kaiser
hippocrates galen osler nightingale freud jung pasteur lister semmelweis fleming salk sabin curie einstein
darwin newton lincoln washington jefferson kennedy obama trump biden churchill gandhi mandela
shakespeare dickens austen plato aristotle socrates
er ed icu or ob gyn pa np rn md do dr pt mr mrs ms mx messrs prof sr jr
europe africa asia america americas
""".split() + [
    # Brands, shops, apps and software a post mentions in passing: dictionaries of many languages list them as
    # proper nouns as often as given names (measured: on Debian's own docs name-given fired mostly on these).
    # Filtering every proper noun of the English word list instead loses real names (Alexei, Alistair, Acosta).
    *"""
debian ubuntu linux unix emacs perl java kerberos solaris pentium intel unicode firefox thunderbird chrome safari
windows android iphone ipad macbook excel outlook powerpoint slack teams webex skype whatsapp snapchat pinterest
reddit spotify netflix hulu disney pixar marvel starbucks dunkin costco walmart kroger safeway wegmans publix
target uber lyft doordash grubhub instacart airbnb peloton fitbit garmin kleenex tylenol advil motrin aleve
benadryl gatorade pedialyte ensure doritos subway chipotle mcdonalds wendys nike adidas lululemon crocs tesla
toyota honda chevy jeep subaru hyundai nissan mazda volvo audi meditech allscripts athenahealth nextgen pyxis
omnicell vocera tigertext doximity medscape uptodate epocrates
""".split()]

# States, countries and fragments of their names ("Hong" Kong, Viet "Nam", Puerto "Rico") that the dictionaries also
# list as given names ("In Florida we see..."); regions that are common given names (Georgia, Virginia) stay names.
MANUAL_NOT_NAMES += """
florida indiana maryland nevada france argentina dominica trinidad hong nam rico sri leone midwest oceania maarten
""".split()

# Medical eponyms and other capitalised medical words kept even if the en_med list changes.
MANUAL_EPONYMS = """
parkinson parkinsons alzheimer alzheimers crohn crohns hodgkin hodgkins down apgar babinski graves hashimoto
addison cushing kawasaki guillain barre bell bells tourette tourettes asperger aspergers huntington lou gehrig
raynaud sjogren sjögren marfan wilson wilms ewing kaposi burkitt barrett meniere ménière bright hirschprung
hirschsprung turner klinefelter williams angelman prader willi rett duchenne becker fabry gaucher pompe tay sachs
epstein barr coombs glasgow whipple heimlich murphy mcburney rovsing homan homans kernig brudzinski trendelenburg
fowler foley swan ganz hickman broviac groshong doppler holter gram ziehl neelsen papanicolaou pap wernicke
korsakoff broca bowman henle malpighi purkinje langerhans schwann golgi eustachian fallopian achilles
cheyne stokes kussmaul korotkoff korotkov virchow starling frank osgood schlatter legg calve perthes colles smith
jones monteggia galeazzi bennett rolando boxer lisfranc jefferson hangman chance salter harris weber mallory weiss
zollinger ellison stevens johnson lyme rocky ebola zika marburg norwalk coxsackie
""".split()

# Eponymous scales and scores ("Morse 45", "Norton 12", "Ranson criteria", "Gleason 7"). A word listed here is never
# reported on its own, so only scales whose names are rare as people's names are listed.
MANUAL_EPONYMS += """
morse norton ranson gleason killip centor wexner rockall blatchford spetzler breslow aldrete folstein mallampati caprini
tinetti
""".split()

# Nationality and ethnic adjectives and language names ("Tongan", "Haitian", "Hmong", "Tagalog"): several
# dictionaries list them only capitalised, so they would pass for given names; a post names them often ("our Samoan
# families", "a Hmong interpreter") and they never identify one person. Not included: the few that are also common
# given names (Danish, Shona, Sierra, Christian, Karen, Norman, German).
DEMONYMS = """
afghan albanian algerian andorran angolan antiguan argentine argentinian armenian australian austrian azerbaijani
azeri bahamian bahraini bangladeshi barbadian bajan belarusian belgian belizean beninese bhutanese bolivian bosnian
botswanan brazilian bruneian bulgarian burkinabe burmese burundian cambodian cameroonian canadian chadian chilean
chinese colombian comoran congolese croatian cuban cypriot czech djiboutian dominican dutch ecuadorian egyptian
salvadoran salvadorean emirati eritrean estonian ethiopian fijian filipino filipina filipinos finnish french gabonese
gambian georgian ghanaian greek grenadian guatemalan guinean guyanese haitian honduran hungarian icelandic indian
indonesian iranian iraqi irish israeli italian ivorian jamaican japanese jordanian kazakh kenyan kiribati kuwaiti
kyrgyz laotian latvian lebanese leonean liberian libyan lithuanian luxembourgish macedonian malagasy malawian
malaysian maldivian malian maltese marshallese mauritanian mauritian mexican micronesian moldovan monegasque
mongolian montenegrin moroccan mozambican namibian nauruan nepalese nepali nicaraguan nigerian nigerien niuean
norwegian omani pakistani palauan palestinian panamanian papuan paraguayan persian peruvian polish portuguese
qatari romanian russian rwandan samoan saudi scottish senegalese serbian seychellois singaporean slovak slovakian
slovenian somali somalian sudanese surinamese swazi swedish swiss syrian taiwanese tajik tanzanian thai tibetan
togolese tongan trinidadian tunisian turkish turkmen tuvaluan ugandan ukrainian uruguayan uzbek vanuatuan
venezuelan vietnamese welsh yemeni zambian zimbabwean
chamorro chuukese pohnpeian kosraean yapese hawaiian maori māori polynesian melanesian latino latina latinx hispanic
asian african european caucasian arab arabic berber kurdish kurd pashtun uyghur tamil telugu punjabi gujarati
bengali sikh hindu muslim jewish catholic mormon amish navajo cherokee lakota ojibwe apache hopi yupik inuit aleut
cajun creole gullah appalachian oromo amharic tigrinya yoruba igbo hausa fulani akan twi wolof swahili zulu xhosa
tagalog ilocano cebuano visayan kapampangan bisaya cantonese mandarin hakka teochew taishanese korean okinawan
spanish english hindi urdu farsi dari pashto hebrew yiddish kreyol khmer hmong mien rohingya
""".split()

# Surname endings of many languages (patronymics and family-name suffixes): Czech/Slovak -ová, East Slavic
# -ov/-ev/-ova/-eva/-ovich, South Slavic -ić, Polish -ski/-cki/-wicz, Nordic -sson/-sen/-dóttir, Romanian
# -escu, Armenian -yan, Georgian -shvili/-dze, Greek -opoulos/-idis/-akis, Turkish -oğlu, Ukrainian -enko/-chuk,
# Czech adjectival -ná/-ský, Japanese -yama/-moto/-mura/-kawa/-shita/-saki/-uchi/-guchi, Swedish -ström/-qvist, Spanish -ez.
# Read by the suffix_lexicon validator; words of everyday English, medicine and places with these endings are
# listed in ending_exceptions.
SURNAME_ENDINGS = """
ová ova ov ev eva ovich evich ovna evna ović ovic ević evic ić ič ski ska cki cka wicz sson son sen dóttir dottir
escu yan shvili dze opoulos poulos idis akis oglu oğlu enko chuk yama moto mura kawa shita saki uchi guchi ström
qvist ez ná ská cká ný ský cký
""".split()

# Words that head a line or a label without being a person: clinical-note section headers ("Plan:", "Dispo:"),
# chat and forum labels ("Me:", "Edit:", "Q:"), letter openings and sign-offs ("Best Regards"), document
# titles ("Discharge Summary"). Read by the speaker-label and contact-block shapes of rules/names.json.
LABEL_WORDS = """
assessment plan impression dispo disposition diagnosis diagnoses dx ddx hpi ros pmh psh pmhx pshx fhx shx fh sh
meds medications medication allergies allergy vitals vital labs lab imaging exam examination physical history
subjective objective cc chief complaint reason indication indications procedure procedures findings finding
results result recommendations recommendation follow followup course hospital summary discharge admission
admit consult consultation note notes progress problem problems list interval overnight events event update
updates addendum attestation signed sign signature time date location room bed unit floor ward service team
attending resident intern student nurse doctor physician provider pcp rn np pa md pt patient pts client
family mom dad mother father wife husband son daughter parent parents guardian caregiver friend me him her
us them you we they i she he user bot agent admin moderator mod op customer caller operator staff
question questions answer answers q a re fwd fw cc bcc subject to from sent attachment attachments ps pps nb
edit edited tldr tl dr eta fyi psa reminder warning caution tip tips hint spoiler spoilers source sources
context background story lesson lessons takeaway takeaways summary moral point points thought thoughts
update status step steps day week month year morning evening night today tonight yesterday tomorrow
best regards kind warm warmest sincerely yours thanks thank cheers love xoxo respectfully cordially
dear hi hello hey greetings good morning afternoon evening regards wishes
personal info information contact details phone mobile cell home work office desk fax email mail address
website web site url profile bio name title position role company organization department dept job
occupation employer sender recipient ship bill billing shipping delivery invoice account order
accepting referring consulting covering receiving sending admitting discharging ordering reviewing transferring
following regarding signing cosigning treating rounding reporting
insurance payer payor coverage copay authorization auth transport transportation ride code diet nutrition activity
mobility ambulation precautions isolation access lines drains tubes skin wound wounds neuro cardiac cv resp
respiratory pulm gi gu renal endo heme msk psych social functional cognition behavior behaviour mood affect sleep
appetite weight height temp bp hr rr spo2 o2 pulse goals goal education barriers interventions intervention
outcome outcomes response safety fall falls risk risks equipment dme supplies services referral referrals consults
pharmacy rehab therapy ot slp sw cm case management placement language interpreter religion spiritual advance
directive directives poa hcp proxy dnr dni tobacco smoking alcohol etoh substance travel exposure
vaccines immunizations screening prognosis hospice palliative pain symptoms onset duration severity triage acuity
arrival mode comments comment remarks misc additional general clinical medical surgical lmp intake output fluids
micro cultures pathology radiology ekg ecg echo cxr ct mri xray ultrasound devices housing employment support
supports household living situation observation telemetry tele monitoring facility destination pickup
""".split()

# Capitalised words that open clinical and administrative phrases rather than names ("Patient: Alert and
# oriented", "Bed 4: Chest Pain 45M", "Name: Unknown"): read by the rules that take any capitalised words after a
# label or before an age as a name. Words that are also common names (Young, Gray, Hall, Burns) are not listed.
CLINICAL_WORDS = """
alert awake oriented stable afebrile unknown declined refused withheld redacted deceased expired pending none
same see unable doing resting sleeping comfortable pleasant male female adult elderly known anonymous unnamed
transferred admitted discharged seen reports denies complains states presents feels present absent cooperative
confused lethargic intubated sedated nonverbal verbal ambulatory independent full partial self yes no other
chest pain abdominal abdomen back headache neck shortness breath fever cough trauma motor vehicle collision
crash overdose syncope seizure seizures stroke sepsis septic code blue red rapid response fall falls risk level
bay hallway triage fast track resus resuscitation waiting room lobby pod zone altered mental status weakness
dizziness nausea vomiting diarrhea bleeding laceration fracture burn rash injury injuries wound assault gsw stab
mvc mva bite sob cp ams uti pna chf copd dka acute chronic severe mild moderate generalized left right bilateral
upper lower rule out suspected possible probable likely baby boy girl infant newborn twin twins family
rm apt ste presentation since birth next door neighbor neighbour post op pre last shock
""".split()


def read_words(path, enc="utf-8"):
    op = gzip.open if path.endswith(".gz") else open
    with op(path, "rt", encoding=enc, errors="ignore") as f:
        return [l.rstrip("\n") for l in f]


def hunspell_words(path):
    # the .aff file names the .dic file's encoding ("SET ISO8859-2"); most are UTF-8
    enc = "utf-8"
    aff = path[:-4] + ".aff"
    if os.path.exists(aff):
        for l in read_words(aff, "latin-1")[:200]:
            m = re.match(r"^SET\s+(\S+)", l)
            if m:
                enc = {"ISO8859-1": "latin-1", "ISO8859-2": "iso8859-2", "ISO8859-13": "iso8859-13",
                       "ISO8859-15": "iso8859-15"}.get(m.group(1).upper(), m.group(1))
                break
    lines = read_words(path, enc)
    return [l.split("/")[0].strip() for l in lines[1:] if l.strip()]


def fold(w):
    """ASCII form of a word: "maría" -> "maria"."""
    return unicodedata.normalize("NFKD", w).encode("ascii", "ignore").decode()


def is_word(w):
    return len(w) > 1 and all(unicodedata.category(c).startswith("L") for c in w)


def proper_nouns(words, lower_known):
    """Words listed only capitalised (Title case), lower-cased."""
    low = {w for w in words if w.islower()}
    out = set()
    for w in words:
        if is_word(w) and w[0].isupper() and w[1:].islower():
            lw = w.lower()
            if lw not in low and lw not in lower_known:
                out.add(lw)
    return out


def text_names(root):
    src = read_words(os.path.join(root, "usr/share/perl5/Text/Names.pm"), "latin-1")
    blocks, cur = {}, None
    for line in src:
        m = re.match(r"^\$COMMON_(SURNAMES|MALE_FIRSTNAMES|FEMALE_FIRSTNAMES) = <<ENDNAMES;", line)
        if m:
            cur = m.group(1); blocks[cur] = set(); continue
        if line.startswith("ENDNAMES"):
            cur = None; continue
        if cur:
            # "SMITH          1.006  1.006      1 JOHNSON ..." (a few lines hold two records)
            for tok in re.findall(r"\b([A-Z][A-Z'-]+)\b", line):
                blocks[cur].add(tok.lower())
    return blocks["MALE_FIRSTNAMES"] | blocks["FEMALE_FIRSTNAMES"], blocks["SURNAMES"]


def places(root):
    out = set()
    for fn, key in (("iso_3166-1.json", "3166-1"), ("iso_3166-2.json", "3166-2")):
        p = os.path.join(root, "usr/share/iso-codes/json", fn)
        d = json.load(open(p, encoding="utf-8"))
        for rec in d[key]:
            for k in ("name", "common_name", "official_name"):
                if k in rec:
                    for w in re.findall(r"[^\W\d_]+", rec[k]):
                        if len(w) > 2 and w[0].isupper():
                            out.add(w.lower())
    cities = read_words(os.path.join(root, "usr/share/misc/cities.dat.gz"))
    for l in cities:
        if l.startswith("Name"):
            for w in re.findall(r"[^\W\d_]+", l.split(":", 1)[1]):
                out.add(w.lower())
    return out


US_STATES = """alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho illinois
indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri montana
nebraska nevada new hampshire jersey mexico york north carolina dakota ohio oklahoma oregon pennsylvania rhode island
south tennessee texas utah vermont virginia washington west wisconsin wyoming district columbia puerto rico guam
america usa us canada europe asia africa australia oceania antarctica midwest east coast england scotland wales
ireland britain uk ontario quebec alberta british manitoba saskatchewan nova scotia brunswick newfoundland labrador""".split()


def large_regions(root):
    """Country names and US states and Canadian provinces: fine to name (Safe Harbor allows the state)."""
    out = set(US_STATES)
    d = json.load(open(os.path.join(root, "usr/share/iso-codes/json/iso_3166-1.json"), encoding="utf-8"))
    for rec in d["3166-1"]:
        for k in ("name", "common_name"):
            if k in rec:
                for w in re.findall(r"[^\W\d_]+", rec[k]):
                    if len(w) > 2 and w[0].isupper():
                        out.add(w.lower())
    return out


def ending_exceptions(words):
    """Words with a surname ending that are not names ("season", "poison", "nebraska")."""
    return {w for w in words if is_word(w) and any(w.endswith(e) and len(w) > len(e) for e in SURNAME_ENDINGS)}


def build(root):
    english = read_words(os.path.join(root, "usr/share/dict/american-english"))
    eng_lower = {w for w in english if w.islower()}
    census_first, census_sur = text_names(root)
    bsd = {w.strip().lower() for w in read_words(os.path.join(root, "usr/share/dict/propernames.gz")) if is_word(w.strip())}
    med = hunspell_words(os.path.join(root, "usr/share/hunspell/en_med_glut.dic"))
    med_caps = {w.lower() for w in med if is_word(w) and w[0].isupper()}
    med_lower = {w for w in med if w.islower()}

    src = {"en": proper_nouns(read_words(os.path.join(root, "usr/share/dict/american-english-insane")), eng_lower)}
    for lang, d in HUNSPELL:
        src[lang] = proper_nouns(hunspell_words(os.path.join(root, "usr/share/hunspell", d + ".dic")), eng_lower)
    votes = collections.Counter(w for s in src.values() for w in s)
    cross = {w for w, c in votes.items() if c >= 2}

    place = places(root)
    common_names = census_first | bsd
    # "María", "José", "Andrés" are place names too (San José, Santa María); their unaccented forms are Census
    # names, so they stay names.
    place_only = {w for w in place if w not in common_names and fold(w) not in common_names}
    english_words = eng_lower                      # everyday English: such names need a cue
    drug_words = med_lower - eng_lower             # drugs and other medical words
    given_all = common_names | (cross - place_only - drug_words - med_caps)
    ambiguous = {w for w in given_all | census_sur if w in english_words}
    not_names = set(MANUAL_NOT_NAMES) | set(DEMONYMS) | set(MANUAL_EPONYMS) | place_only
    given = {w for w in given_all if w not in english_words and w not in not_names and len(w) > 1}
    sur = {w for w in census_sur if w not in english_words and w not in not_names and len(w) > 1}
    # eponyms: capitalised medical words that look like surnames but are not common given names
    eponyms = (set(MANUAL_EPONYMS) | {w for w in med_caps if w in census_sur or w in cross}) - common_names
    name_stop = set(MANUAL_NOT_NAMES) | set(DEMONYMS) | (place_only & (cross | census_sur))
    return {
        "given_names": sorted(given),
        "surnames": sorted(sur),
        "ambiguous_names": sorted(ambiguous & (census_first | bsd | census_sur)),
        "eponyms": sorted(eponyms),
        "not_names": sorted(name_stop),
        "large_regions": sorted(large_regions(root)),
        "surname_endings": sorted(SURNAME_ENDINGS),
        "label_words": sorted(set(LABEL_WORDS)),
        "clinical_words": sorted(set(CLINICAL_WORDS)),
        "ending_exceptions": sorted(ending_exceptions(eng_lower | med_lower | med_caps | place_only | set(MANUAL_NOT_NAMES))),
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default="/")
    ap.add_argument("--check", action="store_true")
    a = ap.parse_args()
    pack = json.load(open(RULES, encoding="utf-8"))
    lex = build(a.root)
    pack["lexicons"] = {k: v for k, v in lex.items()}
    # keep "lexicons" before "rules"
    ordered = {k: pack[k] for k in pack if k not in ("lexicons", "rules")}
    ordered["lexicons"] = pack["lexicons"]
    ordered["rules"] = pack["rules"]
    text = json.dumps(ordered, ensure_ascii=False, indent=1, separators=(",", ": "))
    # one lexicon per line: compact and diff-friendly enough
    for k, v in lex.items():
        text = text.replace(json.dumps(v, ensure_ascii=False, indent=1, separators=(",", ": ")).replace("\n", "\n  "),
                            json.dumps(v, ensure_ascii=False, separators=(",", ":")))
    text += "\n"
    if a.check:
        old = open(OUT, encoding="utf-8").read() if os.path.exists(OUT) else ""
        sys.exit(0 if old == text else 1)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(text)
    print("wrote %s: %s" % (os.path.relpath(OUT), ", ".join("%s=%d" % (k, len(v)) for k, v in lex.items())))


if __name__ == "__main__":
    main()
