"""The topics a request asks about, from a maintained vocabulary of policing and council subjects.

Each ``Topic`` has a canonical name (what the disclosure log and the statistics use) and the
phrases requesters write for it ("stop and search", "stop-searches", "section 60", "s60").
Matching is on whole words after light normalisation (case, hyphens, apostrophes, plurals), the
longest phrase winning, so "sexual misconduct" is one topic and not also "misconduct". A phrase
in capitals ("IT", "ASB", "CHIS") matches only in capitals, so the pronoun "it" is not a topic.

The authority extends the vocabulary with its own topics (settings or the admin): pass them to
``TopicVocabulary.with_extra``; a topic whose name already exists gains the new phrases.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

MAX_PHRASE_WORDS = 12
ACRONYM_MAX_LENGTH = 6
# A phrase followed by one of these is part of a statute's title ("Public Order Act"), not a topic.
STATUTE_WORDS = frozenset({"act", "regulation", "bill"})


class InvalidTopic(ValueError):
    """A topic without a name or phrases, or a phrase with no words."""


@dataclass(frozen=True, slots=True)
class Topic:
    """A subject of requests: its name, the phrases that mean it, the broader topics it makes redundant.

    ``narrower_than``: when this topic is found, these broader ones are dropped
    ("sexual misconduct" is more useful than "sexual misconduct" plus "misconduct").
    """

    name: str
    phrases: tuple[str, ...]
    narrower_than: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise InvalidTopic("a topic needs a name")
        if not self.phrases:
            raise InvalidTopic(f"topic {self.name!r} has no phrases")


def _topic(name: str, phrases: str, narrower_than: tuple[str, ...] = ()) -> Topic:
    """The name itself is always a phrase; ``phrases`` is a ``|``-separated list."""
    listed = tuple(phrase.strip() for phrase in phrases.split("|") if phrase.strip())
    return Topic(name, (name, *listed), narrower_than)


POLICING_TOPICS: tuple[Topic, ...] = (
    _topic(
        "misconduct",
        "gross misconduct|misconduct hearing|misconduct meeting|professional standards|disciplinary|"
        "discipline|disciplined|dismissed|dismissal|sacked|barred list|advisory list|"
        "reflective practice|RPRP|suspended from duty|suspension from duty|suspended officer|"
        "restricted duties|final written warning|written warning|management action|corruption|"
        "abuse of position|misconduct proceedings",
    ),
    _topic(
        "sexual misconduct",
        "sexual harassment|abuse of position for a sexual purpose|inappropriate relationship|"
        "sexual misconduct allegation|predatory behaviour|sexually inappropriate",
        narrower_than=("misconduct", "sexual offences"),
    ),
    _topic(
        "complaints",
        "complaint|complained|public complaints|complaints against police|IOPC|"
        "Independent Office for Police Conduct|expression of dissatisfaction|IPCC",
    ),
    _topic(
        "stop and search",
        "stop and searches|stop-and-search|stop search|stop-search|stop and account|section 60|s60|"
        "s.60|strip search|strip-search|people searched|persons searched|section 1 PACE|"
        "searched under",
    ),
    _topic(
        "use of force",
        "force used|use-of-force|restraint|restrained|handcuff|handcuffs|handcuffing|handcuffed|PAVA|"
        "CS spray|incapacitant spray|baton|spit hood|spit guard|spit and bite guard|leg restraints|"
        "limb restraints|unlawful force|excessive force",
    ),
    _topic("vetting", "vetted|vetting clearance|failed vetting|management vetting|recruitment vetting"),
    _topic(
        "staffing",
        "establishment|headcount|officers employed|staff employed|employees|FTE|full-time equivalent|"
        "full time equivalent|PCSO|police community support officer|special constables|specials|"
        "vacancies|vacant posts|vacant|agency workers|agency staff|workforce|leavers|left the force|"
        "resignations|resigned|attrition|secondary employment|business interest|employs|employed|"
        "employ|police staff|officer numbers",
    ),
    _topic("overtime", "overtime payments|paid overtime|rest day working|rest days cancelled"),
    _topic(
        "budgets",
        "budget|budgeted|budgetary|precept|funding settlement|expenditure|revenue budget|"
        "capital budget|budget cuts|savings targets|reserves",
    ),
    _topic(
        "crime statistics",
        "recorded crime|crimes recorded|crime figures|crime data|crime rate|crime outcomes|"
        "outcome rates|detection rate|solved rate|number of crimes|crime types|crime type|"
        "crimes were recorded|crime outcome|offences were recorded|solve rate",
    ),
    _topic(
        "custody",
        "in custody|custody suite|custody suites|detainee|detainees|death in custody|"
        "deaths in custody|police cells|cells|custody record|custody officers|held in custody",
    ),
    _topic(
        "firearms",
        "firearm|firearms licence|firearms licensing|firearm certificate|shotgun certificate|shotgun|"
        "guns|gun|armed officers|authorised firearms officers|AFO|armed response vehicle|ARV|"
        "gun crime|shooting|firearms discharge",
    ),
    _topic("Tasers", "Taser|tasered|conducted energy device|CED|stun gun"),
    _topic(
        "domestic abuse",
        "domestic violence|DVPO|DVPN|Domestic Violence Protection Order|"
        "Domestic Violence Protection Notice|coercive control|controlling or coercive behaviour|"
        "Clare's Law|Domestic Violence Disclosure Scheme|MARAC|domestic incidents|domestic homicide|"
        "honour-based abuse|domestic-related|domestic related",
    ),
    _topic(
        "sexual offences",
        "rape|rapes|sexual offence|sexual assault|sexual assaults|indecent exposure|voyeurism|"
        "upskirting|RASSO|sexually assaulted|serious sexual offences",
    ),
    _topic(
        "hate crime",
        "hate crimes|hate incident|hate incidents|racially aggravated|"
        "racially or religiously aggravated|religiously aggravated|homophobic|transphobic|"
        "disability hate|antisemitic|islamophobic|non-crime hate incident",
    ),
    _topic(
        "knife crime",
        "knife|knives|bladed article|bladed articles|offensive weapon|offensive weapons|stabbing|"
        "stabbings|machete|zombie knife|knife arch|Operation Sceptre|knife amnesty|knife surrender",
    ),
    _topic(
        "drugs",
        "drug|controlled drug|cannabis|cocaine|heroin|ketamine|nitrous oxide|MDMA|drug seizure|"
        "drug driving|spiking|spiked|needle spiking|drink spiking|county lines|possession with intent|"
        "drug trafficking|drug offences|"
        "misuse of drugs|crack cocaine|spice",
    ),
    _topic(
        "road traffic",
        "road traffic collision|RTC|collision|collisions|road deaths|killed or seriously injured|KSI|"
        "speeding|speed camera|drink driving|drink-driving|drink drive|drug driving|driving offences|"
        "dangerous driving|careless driving|motoring offences|speed awareness|fatal collision|"
        "roads policing|road safety|mobile phone while driving|uninsured driving",
    ),
    _topic(
        "body-worn video",
        "body worn video|body-worn camera|body worn camera|body-worn cameras|BWV|BWC|body cameras|bodycam",
    ),
    _topic(
        "police vehicles",
        "police vehicle|police car|police cars|fleet|marked vehicles|unmarked vehicles|patrol car|"
        "police van|vehicle fleet|police pursuit|police pursuits",
    ),
    _topic(
        "sickness absence",
        "sickness|sick leave|sick days|absence|off sick|working days lost|days lost|long-term sick|"
        "occupational health|stress|stress-related|off work",
    ),
    _topic(
        "recruitment",
        "recruited|recruit|recruits|new recruits|applicants|applications to join|joined the force|"
        "new officers|Police Uplift Programme|uplift programme|police constable degree apprenticeship|"
        "PCDA|DHEP|degree holder entry|student officers|direct entry|joiners",
    ),
    _topic(
        "equality and diversity",
        "equality|diversity|ethnicity|ethnic|BAME|BME|ethnic minority|gender|female officers|"
        "women officers|LGBT|LGBT+|LGBTQ|sexual orientation|equality impact assessment|"
        "protected characteristic|discrimination|discriminatory|racism|racist|race|disproportionality|"
        "disproportionate",
    ),
    _topic(
        "training",
        "trained|training courses|refresher training|officer safety training|CPD|"
        "continuous professional development|mandatory training|induction|"
        "police constable degree apprenticeship|training course",
    ),
    _topic(
        "mental health",
        "mental illness|mental health crisis|section 136|s136|s.136|section 135|place of safety|"
        "anxiety|depression|PTSD|suicide|suicides|self-harm|self harm|Right Care, Right Person|"
        "mentally ill",
    ),
    _topic(
        "missing persons",
        "missing person|missing people|reported missing|missing children|missing from home|"
        "missing from care|absent person|went missing",
    ),
    _topic(
        "fraud",
        "fraudulent|scam|scams|economic crime|Action Fraud|romance fraud|courier fraud|"
        "money laundering|bribery",
    ),
    _topic(
        "cybercrime",
        "cyber crime|cyber-crime|cyber|computer misuse|hacking|hacked|malware|ransomware|phishing|"
        "online crime",
    ),
    _topic(
        "anti-social behaviour",
        "antisocial behaviour|anti social behaviour|ASB|anti-social behavior|antisocial behavior|"
        "nuisance behaviour|community protection notice|CPN|public spaces protection order|PSPO|"
        "dispersal order|criminal behaviour order",
    ),
    _topic("arrests", "arrest|arrested|wrongful arrest|arrests made|false imprisonment"),
    _topic(
        "public order",
        "protest|protests|protesters|protestors|demonstration|demonstrations|riot|riots|disorder|"
        "public order training|kettling|gathering|gatherings|mutual aid|football policing",
    ),
    _topic(
        "facial recognition",
        "live facial recognition|LFR|retrospective facial recognition|face recognition|"
        "facial-recognition|operator initiated facial recognition",
    ),
    _topic(
        "ANPR",
        "automatic number plate recognition|number plate recognition|number plate cameras|"
        "ANPR cameras|ANPR reads",
    ),
    _topic(
        "police dogs",
        "police dog|dog handler|dog handlers|dog unit|dog section|dog bites|police dog bites",
    ),
    _topic("drones", "drone|unmanned aerial vehicle|UAV|UAS|remotely piloted aircraft|drone pilot"),
    _topic(
        "call handling",
        "999 call|999 calls|101 call|101 calls|emergency call|emergency calls|call handlers|"
        "call handler|calls answered|abandoned calls|response time|response times|attendance times|"
        "grade 1|answered within|non-emergency calls|contact centre",
    ),
    _topic(
        "pay and pensions",
        "salary|salaries|pension|pensions|pension contributions|paid more than|remuneration|bonus|"
        "bonuses|pay award|pay rise|pay scale|pay band|pay gap|gender pay gap|rates of pay|basic pay|"
        "severance|exit payments|redundancy payments",
    ),
    _topic(
        "contracts and procurement",
        "contract|contracts|procurement|tender|tenders|supplier|suppliers|vendor|consultant|"
        "consultants|consultancy|consultancies|external consultants|outsourcing|framework agreement|"
        "private contractor|contractor|contractors|purchase order|invoices|spend over £500",
    ),
    _topic(
        "legal claims",
        "compensation|civil claim|civil claims|claim|claims|claims against|settlement|settlements|"
        "legal costs|legal fees|legal action|litigation|damages|employment tribunal|"
        "legal representation|paid out|compensation claims|insurance claims|legal advice costs",
    ),
    _topic(
        "assaults on police",
        "assault on police|assaults on police officers|assault on officers|assaults on officers|"
        "assault on an emergency worker|assaults on emergency workers|assaulting an emergency worker|"
        "officers assaulted|assaulted on duty|assaulted while on duty|"
        "officer assaults|assaulted officers|injuries to officers|officers injured|"
        "assaults against officers",
    ),
    _topic(
        "data breaches",
        "data breach|data protection breach|personal data breach|data loss|data incident|"
        "information security incident|reported to the Information Commissioner|"
        "self-reported to the ICO",
    ),
    _topic(
        "child protection",
        "safeguarding children|child sexual exploitation|CSE|child sexual abuse|CSA|child abuse|"
        "child criminal exploitation|children at risk|grooming|indecent images of children|IIOC|"
        "Operation Encompass|child protection plan|safeguarding referrals",
    ),
    _topic(
        "violent crime",
        "violence|violence with injury|violence without injury|robbery|robberies|assault|assaults|GBH|"
        "ABH|murder|murders|homicide|homicides|manslaughter|grievous bodily harm|actual bodily harm|"
        "serious violence|common assault|wounding|violent offences",
    ),
    _topic(
        "burglary",
        "burglaries|break-in|break-ins|house burglary|residential burglary|burgled|"
        "aggravated burglary|burglary dwelling",
    ),
    _topic(
        "vehicle crime",
        "stolen vehicle|stolen vehicles|vehicle theft|theft of vehicle|theft from vehicle|"
        "thefts from vehicles|car theft|car thefts|catalytic converter|vehicle interference|car crime",
    ),
    _topic(
        "modern slavery",
        "human trafficking|National Referral Mechanism|NRM|forced labour|slavery|trafficking|"
        "labour exploitation",
    ),
    _topic(
        "counter-terrorism",
        "terrorism|terrorist|counter terrorism|referrals to Prevent|Prevent referral|"
        "Prevent referrals|Prevent programme|Prevent duty|Channel panel|terrorism-related|extremism|"
        "extremist|radicalisation|Schedule 7",
    ),
    _topic(
        "covert policing",
        "covert human intelligence source|covert human intelligence sources|CHIS|informant|informants|"
        "RIPA|Investigatory Powers|directed surveillance|intrusive surveillance|undercover|"
        "undercover officers|surveillance|covert|communications data|interception",
    ),
    _topic(
        "out-of-court disposals",
        "out of court disposal|out of court disposals|out-of-court disposal|caution|cautions|"
        "cautioned|youth caution|conditional caution|community resolution|community resolutions|"
        "fixed penalty notice|fixed penalty notices|FPN|FPNs|penalty notice for disorder|PND|"
        "restorative justice|diversion scheme",
    ),
    _topic(
        "gifts and hospitality",
        "gifts|hospitality|register of gifts|corporate hospitality|gifts and hospitality register",
    ),
    _topic(
        "grievances and whistleblowing",
        "grievance|grievances|whistleblowing|whistleblower|whistleblowers|whistle-blowing|"
        "confidential reporting|bullying|bullying and harassment|Speak Up|protected disclosure",
    ),
    _topic(
        "stalking and harassment",
        "stalking|stalker|harassment|harassed|stalking protection order|malicious communications",
    ),
    _topic("bail", "pre-charge bail|released under investigation|RUI|bail conditions|police bail|on bail"),
    _topic(
        "police estate",
        "police stations|police station closures|front counter|front counters|police buildings|"
        "estate strategy",
    ),
    _topic(
        "neighbourhood policing",
        "neighbourhood officers|neighbourhood teams|community policing|beat officers",
    ),
    _topic("shoplifting", "shop theft|retail crime|theft from shops|shoplifters"),
)

COUNCIL_TOPICS: tuple[Topic, ...] = (
    _topic(
        "council tax",
        "council tax arrears|council tax reduction|council tax support|single person discount|"
        "liability order|liability orders|committal|band D|council tax bills",
    ),
    _topic(
        "parking",
        "penalty charge notice|penalty charge notices|PCN|PCNs|parking fine|parking fines|"
        "parking ticket|civil enforcement officer|civil enforcement officers|traffic warden|"
        "traffic wardens|parking permits|car park|car parks|resident permits|bus lane|"
        "parking enforcement",
    ),
    _topic(
        "housing",
        "housing register|HMO|houses in multiple occupation|empty homes|empty properties|"
        "social housing|council housing|council homes|"
        "council home|"
        "housing association|lettings|tenants|tenancy|housing waiting list|housing repairs|"
        "damp and mould|right to buy|affordable housing|housing stock|void properties|council houses",
    ),
    _topic(
        "homelessness",
        "homeless|temporary accommodation|rough sleeping|rough sleepers|bed and breakfast|B&B|"
        "threatened with homelessness|relief duty|prevention duty|hostel|hostels",
    ),
    _topic(
        "planning",
        "planning application|planning applications|planning permission|planning enforcement|"
        "planning appeal|local plan|section 106|building control|listed building|"
        "permitted development|change of use",
    ),
    _topic(
        "adult social care",
        "social care|care home|care homes|residential care|home care|domiciliary care|care package|"
        "care packages|care needs assessment|care assessment|deprivation of liberty safeguards|DoLS|"
        "carers|direct payments|nursing home|nursing homes|care home placement",
    ),
    _topic(
        "children's social care",
        "children's services|looked after children|looked-after children|children in care|"
        "in the care of the council|care leavers|children's homes|foster care|fostering|foster carers|"
        "adoption|child in need|social worker|social workers|placement for a looked after child",
        narrower_than=("adult social care",),
    ),
    _topic(
        "education",
        "school|schools|pupils|academies|academy|exclusions|SEND|special educational needs|EHCP|EHCPs|"
        "Education, Health and Care Plan|home education|school transport|SEN|teachers|SEND Tribunal",
    ),
    _topic(
        "waste and recycling",
        "waste|recycling|bin|bins|bin collection|bin collections|refuse|household waste|garden waste|"
        "missed collections|litter|littering|street cleaning|landfill|recycling rate|waste collection",
    ),
    _topic(
        "fly-tipping",
        "fly tipping|flytipping|fly-tipped|fly tipped|fly-tip|fly-tips|illegal dumping|"
        "fly-tipped waste|fly tipped waste",
        narrower_than=("waste and recycling",),
    ),
    _topic(
        "highways",
        "highway|pothole|potholes|road maintenance|road repairs|road resurfacing|street lights|"
        "streetlights|street lighting|pavements|footways|gritting|road defects",
    ),
    _topic(
        "licensing",
        "licence|licences|license|licenses|premises licence|alcohol licence|taxi licence|"
        "hackney carriage|private hire|licensed premises|temporary event notice|taxi drivers",
    ),
    _topic(
        "environmental health",
        "noise complaint|noise complaints|noise nuisance|noise abatement notice|"
        "noise abatement notices|statutory nuisance|food hygiene|food safety|pest control|noise",
    ),
    _topic(
        "business rates",
        "non-domestic rates|NNDR|small business rate relief|rate relief|rateable value|business rate",
    ),
    _topic("libraries", "library|library service|mobile library|librarian|librarians"),
    _topic(
        "air quality",
        "air pollution|nitrogen dioxide|NO2|particulate matter|PM2.5|clean air zone|emissions|"
        "Air Quality Management Area|AQMA|low emission zone|ULEZ",
    ),
    _topic(
        "information technology",
        "IT|information technology|software|software licences|software licence|IT systems|"
        "IT suppliers|IT contracts|computer systems|cloud services|data centre|IT equipment|laptops",
        narrower_than=("licensing",),
    ),
    _topic(
        "information requests",
        "Freedom of Information requests|FOI requests|subject access request|subject access requests|"
        "SAR|SARs|information requests|EIR requests|internal reviews|disclosure log",
    ),
    _topic(
        "trees and green spaces",
        "tree|trees|tree felling|trees felled|tree planting|tree preservation order|TPO|parks|park|"
        "green spaces|green space|open spaces|playgrounds|allotments|grass cutting",
    ),
    _topic(
        "public health",
        "obesity|smoking cessation|stop smoking|sexual health|drug and alcohol services|vaccination|"
        "vaccinations|health visitors|school nurses|health protection",
    ),
    _topic(
        "councillors",
        "councillor|councillors|councillor allowances|members' allowances|councillor expenses|"
        "code of conduct complaints|standards committee|elected members",
    ),
    _topic(
        "local transport",
        "bus services|bus routes|bus subsidies|concessionary travel|cycle lanes|cycling infrastructure|"
        "low traffic neighbourhood|LTN|LTNs|school streets|traffic calming",
    ),
)

DEFAULT_TOPICS: tuple[Topic, ...] = POLICING_TOPICS + COUNCIL_TOPICS


def topics_from_mapping(mapping: Mapping[str, Sequence[str]]) -> tuple[Topic, ...]:
    """The authority's own topics as settings hold them: ``{"dog control": ["dog fouling", ...]}``."""
    return tuple(Topic(name, (name, *phrases)) for name, phrases in mapping.items())


# --- matching ------------------------------------------------------------------------------------

_WORD = re.compile(r"[A-Za-z0-9£&+.]+(?:['’][A-Za-z]+)?")


def _normalise_word(word: str) -> str:
    """Lower case, no possessive, plural folded: "Searches" -> "search", "children's" -> "children"."""
    word = word.lower().rstrip(".")
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    word = word.replace("’", "'")
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@dataclass(frozen=True, slots=True)
class _Token:
    key: str
    original: str
    start: int
    end: int


def _tokens(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    for match in _WORD.finditer(text.replace("-", " ")):
        original = match.group(0).rstrip(".")
        if not original:
            continue
        tokens.append(
            _Token(_normalise_word(original), original, match.start(), match.start() + len(original))
        )
    return tokens


def _is_acronym(word: str) -> bool:
    letters = [char for char in word if char.isalpha()]
    return bool(letters) and len(word) <= ACRONYM_MAX_LENGTH and all(char.isupper() for char in letters)


def _written_in_capitals(word: str) -> bool:
    """ "PCSOs" and "CHIS" are written in capitals; "it" and "Sen" are not."""
    stem = word[:-1] if word.endswith("s") and len(word) > 2 else word
    return stem == stem.upper()


@dataclass(frozen=True, slots=True)
class _Phrase:
    words: tuple[str, ...]
    case_sensitive: tuple[bool, ...]
    topics: frozenset[str]


@dataclass(frozen=True, slots=True)
class TopicMention:
    """A phrase in a text and the topics it means."""

    phrase: str
    start_offset: int
    end_offset: int
    topics: frozenset[str]


@dataclass(frozen=True, slots=True)
class TopicVocabulary:
    """An immutable vocabulary; ``find`` is linear in the length of the text."""

    topics: tuple[Topic, ...]
    _index: Mapping[str, tuple[_Phrase, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_words: dict[tuple[str, ...], tuple[set[str], tuple[bool, ...]]] = {}
        for topic in self.topics:
            for phrase in topic.phrases:
                tokens = _tokens(phrase)
                if not tokens or len(tokens) > MAX_PHRASE_WORDS:
                    raise InvalidTopic(f"phrase {phrase!r} of topic {topic.name!r} has no words or too many")
                words = tuple(token.key for token in tokens)
                exact = tuple(_is_acronym(token.original) and len(tokens) == 1 for token in tokens)
                names, _ = by_words.setdefault(words, (set(), exact))
                names.add(topic.name)
        index: dict[str, list[_Phrase]] = {}
        for words, (names, exact) in by_words.items():
            index.setdefault(words[0], []).append(_Phrase(words, exact, frozenset(names)))
        ordered = {first: tuple(sorted(found, key=lambda p: -len(p.words))) for first, found in index.items()}
        object.__setattr__(self, "_index", ordered)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(topic.name for topic in self.topics)

    def with_extra(self, extra: Iterable[Topic]) -> TopicVocabulary:
        """This vocabulary and the authority's own topics; a known name gains the extra phrases."""
        merged: dict[str, Topic] = {topic.name: topic for topic in self.topics}
        for topic in extra:
            known = merged.get(topic.name)
            if known is None:
                merged[topic.name] = topic
            else:
                phrases = known.phrases + tuple(p for p in topic.phrases if p not in known.phrases)
                merged[topic.name] = Topic(known.name, phrases, known.narrower_than + topic.narrower_than)
        return TopicVocabulary(tuple(merged.values()))

    def find(self, text: str) -> list[TopicMention]:
        """Every topic phrase in ``text``, longest match first, left to right, never overlapping."""
        tokens = _tokens(text)
        mentions: list[TopicMention] = []
        position = 0
        while position < len(tokens):
            phrase = self._longest_at(tokens, position)
            if phrase is None:
                position += 1
                continue
            last = tokens[position + len(phrase.words) - 1]
            following = (
                tokens[position + len(phrase.words)] if position + len(phrase.words) < len(tokens) else None
            )
            if following is None or following.key not in STATUTE_WORDS:
                mentions.append(
                    TopicMention(
                        text[tokens[position].start : last.end],
                        tokens[position].start,
                        last.end,
                        phrase.topics,
                    )
                )
            position += len(phrase.words)
        return mentions

    def _longest_at(self, tokens: Sequence[_Token], position: int) -> _Phrase | None:
        for phrase in self._index.get(tokens[position].key, ()):
            end = position + len(phrase.words)
            if end > len(tokens):
                continue
            if all(
                tokens[position + offset].key == word
                and (not exact or _written_in_capitals(tokens[position + offset].original))
                for offset, (word, exact) in enumerate(zip(phrase.words, phrase.case_sensitive, strict=True))
            ):
                return phrase
        return None

    def topics_in(self, text: str) -> tuple[str, ...]:
        """The topics of ``text`` in vocabulary order, less a broader topic where a narrower one is found."""
        found: set[str] = set()
        for mention in self.find(text):
            found.update(mention.topics)
        return self.ordered(found)

    def ordered(self, names: Iterable[str]) -> tuple[str, ...]:
        """``names`` in vocabulary order, without the broader topics a narrower one among them replaces."""
        chosen = set(names)
        for topic in self.topics:
            if topic.name in chosen:
                chosen.difference_update(topic.narrower_than)
        return tuple(topic.name for topic in self.topics if topic.name in chosen)


DEFAULT_VOCABULARY = TopicVocabulary(DEFAULT_TOPICS)
