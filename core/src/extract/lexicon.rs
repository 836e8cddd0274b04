//! Small word lists shared by the extraction stages, each packed in one string
//! ([`Packed`]) and looked up through a hashed table built on first use
//! ([`WordSet`]). Keep them small and general: they are cues, not a gazetteer
//! of the world. The tests at the end of the file check that every list is
//! sorted (so it reads and diffs well) and lowercase.

use std::sync::OnceLock;

use super::text::WordTable;

/// A sorted list of lowercase entries packed in one string, `|` between
/// entries. A `&[&str]` would cost the wasm a pointer and a length (8 bytes)
/// per entry besides the text; this costs one byte. An entry `key=value`
/// maps a key to a value; an entry without `=` maps to itself.
#[derive(Clone, Copy, Debug)]
pub struct Packed(pub &'static str);

impl Packed {
    /// The entries, in order.
    pub fn entries(self) -> impl Iterator<Item = &'static str> {
        self.0.split('|')
    }

    /// Whether the entries are in strictly increasing byte order: the
    /// tests keep every list so, which also rules out duplicates.
    #[cfg(test)]
    pub(crate) fn is_sorted(self) -> bool {
        let entries: Vec<&str> = self.entries().collect();
        entries.windows(2).all(|w| w[0] < w[1])
    }
}

/// A [`Packed`] list to look words up in: a hashed table of its keys is
/// built on the first look-up, so each look-up is one hashed probe.
pub struct WordSet {
    words: Packed,
    /// The keys (payload: the entry's index + 1) and the entries' values.
    table: OnceLock<(WordTable, Vec<&'static str>)>,
}

impl WordSet {
    pub const fn new(words: &'static str) -> WordSet {
        WordSet {
            words: Packed(words),
            table: OnceLock::new(),
        }
    }

    /// The entries, in order.
    pub fn entries(&self) -> impl Iterator<Item = &'static str> {
        self.words.entries()
    }

    /// See [`Packed::is_sorted`].
    #[cfg(test)]
    pub(crate) fn is_sorted(&self) -> bool {
        self.words.is_sorted()
    }

    fn table(&self) -> &(WordTable, Vec<&'static str>) {
        self.table.get_or_init(|| {
            let mut keys = Vec::new();
            let mut values = Vec::new();
            for (index, entry) in self.words.entries().enumerate() {
                let (key, value) = entry.split_once('=').unwrap_or((entry, entry));
                keys.push((key, index as u32 + 1));
                values.push(value);
            }
            (WordTable::new(&keys), values)
        })
    }

    /// Whether a key is exactly `word` (bytes compared as they are).
    pub fn has_exact(&self, word: &str) -> bool {
        self.table().0.get(word) != 0
    }

    /// The value of the entry whose key is `key`, ASCII case ignored (the
    /// keys are lowercase).
    fn find(&self, key: &str) -> Option<&'static str> {
        let (table, values) = self.table();
        let found = table.get_ignoring_ascii_case(key.as_bytes());
        values.get((found as usize).checked_sub(1)?).copied()
    }
}

/// Whether the `list` holds `word`, ignoring ASCII case.
pub fn contains(list: &WordSet, word: &str) -> bool {
    list.find(word).is_some()
}

/// The value for `key` in a list of `key=value` entries (ASCII case ignored).
pub fn lookup(pairs: &WordSet, key: &str) -> Option<&'static str> {
    pairs.find(key)
}

/// Function words, pronouns, sentence adverbs, days, months, holidays and time words: a
/// capitalised one of these never starts a name (`Meanwhile`, `While`, `The`, `Yesterday`).
pub static STOP_WORDS: WordSet = WordSet::new(
    "a|about|above|according|across|actually|additionally|after|afternoon|afterwards|\
     again|against|ago|ah|all|almost|along|already|also|although|altogether|always|am|\
     amid|among|an|and|another|any|anybody|anyone|anything|anyway|apparently|april|are|\
     around|as|at|august|back|be|because|been|before|being|below|besides|between|beyond|\
     both|briefly|but|by|can|certainly|christmas|clearly|consequently|could|currently|\
     day|december|despite|did|diwali|do|does|doing|done|during|each|earlier|easter|\
     either|else|elsewhere|eve|even|evening|eventually|ever|every|everybody|everyone|\
     everything|except|february|few|finally|first|firstly|following|for|formerly|friday|\
     from|further|furthermore|had|halloween|hanukkah|has|have|having|he|hence|her|here|\
     hers|herself|hey|him|himself|his|how|however|i|if|in|including|indeed|initially|\
     instead|is|it|its|itself|january|july|june|just|last|lastly|later|let|like|likely|\
     many|march|may|maybe|me|meantime|meanwhile|might|mine|monday|month|more|moreover|\
     morning|most|mostly|much|must|my|myself|namely|near|nearly|neither|never|\
     nevertheless|next|night|no|nobody|none|nonetheless|nor|not|notably|nothing|november|\
     now|october|of|off|often|oh|ok|okay|on|once|one|only|onto|or|other|others|otherwise|\
     ought|our|ours|ourselves|out|over|overall|perhaps|please|plus|possibly|presumably|\
     previously|probably|ramadan|rather|really|recently|regardless|reportedly|same|\
     saturday|second|secondly|september|several|shall|she|should|similarly|simply|since|\
     so|some|somebody|someone|something|sometimes|somewhat|soon|still|subsequently|such|\
     sunday|surely|than|thanks|thanksgiving|that|the|their|theirs|them|themselves|then|\
     there|thereafter|therefore|these|they|third|this|those|though|through|throughout|\
     thursday|thus|to|today|together|tomorrow|tonight|too|toward|towards|tuesday|\
     ultimately|under|unless|unlike|until|up|upon|us|very|via|was|we|wednesday|week|\
     weekend|well|were|what|whatever|when|whenever|where|whereas|wherever|whether|which|\
     while|who|whoever|whole|whom|whose|why|will|with|within|without|would|year|yes|\
     yesterday|yet|you|your|yours|yourself",
);

/// All-caps words that are common nouns, not names (`IT systems`, `a TV show`).
pub static COMMON_ACRONYMS: WordSet = WordSet::new(
    "ad|ai|am|api|atm|bc|ceo|cfo|coo|cto|dj|dna|dvd|eg|etc|faq|fyi|gdp|gp|gps|hd|hiv|hq|hr|\
     id|ie|iot|ip|iq|it|lol|mp|mvp|ok|pc|pdf|phd|pin|pm|pr|ps|qa|rip|rsvp|sms|sos|suv|tv|\
     ufo|url|usb|vip|vpn|vs|wifi",
);

/// Words that make a capitalised multi-word name an organisation (`Sony Pictures`,
/// `New York Times`, `White House`, `General Bureau of Reconnaissance`, `Unit 21`).
pub static ORG_WORDS: WordSet = WordSet::new(
    "academy|administration|agency|airlines|airways|alliance|army|association|authority|\
     bancorp|bank|board|brigade|bureau|cartel|center|centre|church|club|co|coalition|\
     college|commission|committee|company|congress|corp|corporation|council|court|\
     department|division|entertainment|executive|federation|force|forces|foundation|fund|\
     gazette|group|herald|holdings|hospital|house|inc|industries|inspectorate|institute|\
     journal|laboratories|labs|league|llc|ltd|media|ministry|motors|museum|navy|network|\
     networks|news|office|ombudsman|parliament|partners|party|pictures|plc|police|post|\
     press|records|regiment|school|senate|service|services|society|software|studio|\
     studios|systems|team|technologies|telegraph|times|tribune|trust|union|unit|\
     university|ventures",
);

/// Besides [`ORG_WORDS`], words after which `of` continues a name (`Republic of Korea`, `Isle of Man`).
pub static OF_HEAD_WORDS: WordSet = WordSet::new(
    "bay|cape|city|county|district|duchy|gulf|islands|isle|isles|kingdom|mount|province|\
     republic|sea|states",
);

/// Words that a number continues as a name (`Unit 21`, `Area 51`, `Flight 370`).
pub static NUMBERED_HEADS: WordSet = WordSet::new(
    "apollo|area|base|building|camp|channel|division|flight|gate|platform|room|route|\
     section|squad|studio|terminal|unit",
);

/// Titles written before a person's name (`Mr. Smith`, `President Obama`); not part of the name.
pub static HONORIFICS: WordSet = WordSet::new(
    "ambassador|archbishop|bishop|brig|capt|captain|cardinal|ch|chancellor|cllr|cmdr|col|colonel|\
     commissioner|constable|cpl|dame|dci|det|detective|dr|fr|gen|general|gov|governor|\
     insp|inspector|judge|king|lady|lord|lt|madam|maj|mayor|miss|mp|mr|mrs|ms|mx|pc|pope|premier|\
     president|prince|princess|prof|professor|pte|queen|rabbi|rep|rev|reverend|sen|senator|\
     sergeant|sgt|sheikh|sir|superintendent|supt",
);

/// Lowercase particles inside a surname (`de Wolf`, `van der Berg`, `de la
/// Vega`, `bin Hamdan`); a name may hold a chain of them.
pub static NAME_PARTICLES: WordSet =
    WordSet::new("al|bin|da|das|de|del|della|den|der|di|dos|du|el|ibn|la|le|ten|ter|van|von");

/// Words that qualify a title before a name and are no part of the name:
/// `Local MP Catherine Doyle`, `Former President Ann Roe`, `Acting Chief
/// Constable …`.
pub static TITLE_MODIFIERS: WordSet =
    WordSet::new("acting|deputy|former|interim|local|outgoing|retired|veteran");

/// Written texts someone puts words in ("the statement said", "posting a
/// short statement"): the medium, not who speaks. Matched exactly.
pub static TEXT_NOUNS: WordSet = WordSet::new("email|letter|message|note|post|statement");

/// Lowercase roles directly before a person's name (`despot Kim Jong-Un`, `actor Seth Rogen`).
pub static ROLE_WORDS: WordSet = WordSet::new(
    "actor|actress|analyst|anchor|artist|attorney|author|bassist|boss|ceo|chairman|\
     chairwoman|chancellor|chief|co-founder|co-star|cofounder|columnist|comedian|\
     commander|commentator|composer|correspondent|councillor|despot|dictator|director|\
     drummer|editor|executive|expert|founder|frontman|general|governor|guitarist|host|\
     journalist|judge|lawmaker|lawyer|leader|manager|mayor|minister|novelist|officer|\
     pianist|politician|premier|president|producer|professor|prosecutor|rapper|reporter|\
     researcher|ruler|scientist|screenwriter|secretary|senator|singer|songwriter|\
     spokesman|spokesperson|spokeswoman|star|strongman|tyrant|violinist|vocalist|writer",
);

/// Common nouns for a person in news text ("the doctor said").
pub static PERSON_NOUNS: WordSet = WordSet::new(
    "academic|accountant|activist|adviser|advisor|architect|astronomer|athlete|baker|\
     banker|barber|barrister|batsman|batter|biologist|bowler|boxer|builder|butcher|\
     campaigner|candidate|captain|carer|caretaker|cashier|chair|champion|chef|chemist|\
     claimant|cleaner|climber|coach|colleague|commuter|congressman|congresswoman|\
     constable|consultant|coroner|councillor|cousin|cyclist|dad|dancer|debutant|\
     defendant|defender|demonstrator|dentist|deputy|designer|detective|diplomat|doctor|\
     driver|economist|electrician|engineer|entrepreneur|epidemiologist|farmer|fighter|\
     firefighter|fisherman|forward|friend|geologist|goalkeeper|golfer|graduate|grower|\
     guard|gymnast|headteacher|historian|homeowner|inspector|investor|jockey|juror|\
     keeper|landlady|landlord|lecturer|legislator|librarian|lifeguard|magistrate|\
     mechanic|medalist|medallist|member|midfielder|midwife|miner|motorist|mp|mum|musician|\
     negotiator|neighbor|neighbour|newcomer|nurse|official|organiser|organizer|owner|\
     paediatrician|paramedic|parent|partner|passenger|patient|pensioner|pharmacist|\
     photographer|physician|physicist|pilot|plaintiff|player|plumber|poet|postman|priest|\
     principal|prisoner|protester|psychologist|publican|pupil|ranger|referee|resident|\
     retiree|rider|rookie|rower|runner|sailor|seed|sergeant|sheriff|shopkeeper|shopper|\
     skater|skier|skipper|soldier|solicitor|sprinter|striker|student|superintendent|\
     surgeon|survivor|suspect|swimmer|teacher|teenager|tenant|therapist|trader|trainer|\
     umpire|vet|veteran|victim|virologist|volunteer|voter|waiter|warden|widower|winger|\
     winner|witness|worker|wrestler|youngster",
);

/// Lowercase nouns directly before a title (`the film The Interview`, `the movie Fury`).
pub static WORK_NOUNS: WordSet = WordSet::new(
    "album|ballet|biopic|blockbuster|book|comedy|documentary|drama|episode|film|game|\
     movie|musical|novel|opera|painting|play|podcast|poem|satire|sequel|series|show|\
     sitcom|song|thriller",
);

/// Plural nouns that make a following `including …` list a list of titles (`five movies … including Fury and Annie`).
pub static WORK_NOUNS_PLURAL: WordSet = WordSet::new(
    "albums|books|comedies|documentaries|dramas|episodes|films|games|movies|musicals|\
     novels|plays|series|shows|songs|thrillers|titles",
);

/// Lowercase nouns that head a common-noun phrase for an organisation ("the
/// company said", "a union spokesman", "Tarvio, the Lisbon-based firm,").
/// The speech stage takes them as nouns that can name who said something.
pub static ORG_NOUNS: WordSet = WordSet::new(ORG_NOUN_WORDS.0);

/// The words of [`ORG_NOUNS`].
pub const ORG_NOUN_WORDS: Packed = Packed(
    "administration|agency|airline|airport|alliance|army|association|authority|automaker|\
     bank|board|body|brewer|broadcaster|bureau|cabinet|campaign|carmaker|carrier|chain|charity|\
     church|club|coalition|college|commission|committee|company|conglomerate|consortium|\
     council|court|department|developer|district|drugmaker|embassy|exchange|federation|\
     firm|force|foundation|fund|government|grocer|group|hospital|inspectorate|insurer|institute|\
     laboratory|league|lender|maker|manufacturer|military|ministry|museum|navy|network|\
     newspaper|observatory|office|ombudsman|operator|orchestra|organisation|organization|paper|\
     parliament|partnership|party|police|practice|prison|producer|provider|publisher|\
     regulator|retailer|school|service|society|startup|studio|supermarket|supplier|team|\
     theatre|tournament|trust|union|university|utility|watchdog|zoo",
);

/// Nouns for a business (a subset of [`ORG_NOUNS`]): "the company" or "the firm" is never an
/// organisation whose name holds one of [`INSTITUTION_NOUNS`].
pub static BUSINESS_NOUNS: WordSet = WordSet::new(
    "automaker|brewer|business|carmaker|chain|company|conglomerate|corporation|developer|\
     drugmaker|firm|grocer|insurer|lender|maker|manufacturer|operator|producer|provider|\
     publisher|retailer|startup|supermarket|supplier",
);

/// Nouns for one kind of organisation that no other kind is called by
/// (a subset of [`ORG_NOUNS`]): "the club" is never an organisation whose
/// name holds "League" and not "Club", "the airline" never a "… Union".
pub static KIND_NOUNS: WordSet = WordSet::new(
    "airline|airport|bank|church|club|college|council|court|hospital|league|ministry|museum|\
     police|school|union|university",
);

/// Nouns that name a public body or an institution, not a business
/// ("University of Lowfield", "Harlow City Council").
pub static INSTITUTION_NOUNS: WordSet = WordSet::new(
    "academy|administration|agency|army|authority|bureau|cabinet|church|college|commission|\
     committee|council|court|department|embassy|government|hospital|inspectorate|institute|\
     ministry|museum|navy|observatory|ombudsman|parliament|police|prison|regulator|school|\
     university|watchdog",
);

/// Plural nouns that make a following `including …` list a list of organisations.
pub static ORG_NOUNS_PLURAL: WordSet = WordSet::new(
    "agencies|banks|broadcasters|chains|cinemas|companies|firms|newspapers|organisations|\
     organizations|outlets|papers|publications|retailers|studios|theaters|theatres",
);

/// Lowercase nouns directly before a group's name (`hacker group Lizard Squad`), and that make `known as` a group cue.
pub static GROUP_NOUNS: WordSet = WordSet::new(
    "band|cell|collective|crew|faction|gang|group|hackers|militants|militia|movement|\
     outfit|syndicate",
);

/// Keys of adjectives of nationality: `North Korean` is not an entity (the place is `North Korea`).
pub static DEMONYMS: WordSet = WordSet::new(
    "afghan|african|american|arab|argentine|asian|australian|austrian|belgian|brazilian|\
     british|canadian|chinese|colombian|cuban|czech|danish|dutch|egyptian|english|\
     european|filipino|finnish|french|german|greek|hungarian|indian|indonesian|iranian|\
     iraqi|irish|israeli|italian|japanese|korean|mexican|nigerian|north-korean|norwegian|\
     pakistani|palestinian|polish|portuguese|russian|saudi|scottish|south-korean|spanish|\
     swedish|swiss|syrian|taiwanese|thai|turkish|ukrainian|venezuelan|vietnamese|welsh",
);

/// Common given names: `Kim Zetter`, `Seth Rogen` are people even without a cue.
pub static GIVEN_NAMES: WordSet = WordSet::new(
    "aaron|adam|ahmed|alan|alex|alexander|ali|alice|amanda|amy|andrew|angela|ann|anna|\
     anne|anthony|barack|barbara|ben|benjamin|bill|bob|brian|carlos|carol|catherine|\
     charles|chris|christopher|daniel|david|deborah|donald|edward|elizabeth|emily|emma|\
     eric|frank|gary|george|helen|henry|hillary|hugh|ian|jack|james|jane|jason|jeff|\
     jennifer|jessica|jim|joe|john|jonathan|jose|joseph|julia|karen|kate|kevin|kim|laura|\
     linda|lisa|mark|martin|mary|matthew|michael|michelle|mohammed|muhammad|nancy|\
     nicholas|nick|olivia|patricia|paul|peter|rachel|richard|robert|ryan|sam|sarah|seth|\
     sophie|stephen|steve|steven|susan|thomas|tim|timothy|tom|vladimir|william|xi",
);

/// Keys of well-known organisations that need no cue.
pub static KNOWN_ORGS: WordSet = WordSet::new(
    "amazon|apple|bbc|cia|cnn|congress|eu|europol|facebook|fbi|fifa|google|ibm|imf|intel|\
     interpol|kgb|kremlin|mi5|mi6|microsoft|nasa|nato|netflix|nhs|nsa|opec|pentagon|\
     reuters|samsung|twitter|un|unesco|unicef|youtube",
);

/// Keys of well-known groups (militant, hacker and political movements) that need no cue.
pub static KNOWN_GROUPS: WordSet = WordSet::new(
    "al-qaeda|al-shabaab|anonymous|boko-haram|hamas|hezbollah|isil|isis|lizard-squad|\
     taliban",
);

/// Known places: key of a form → canonical key (`us`, `u-s`, `america` → `united-states`).
/// Short all-caps forms (`US`, `UK`) count only when written in capitals.
pub static PLACES: WordSet = WordSet::new(
    "afghanistan|africa|alaska|algeria|america=united-states|amsterdam|argentina|arizona|\
     asia|athens|atlanta|australia|austria|baghdad|bangkok|beijing|belgium|berlin|boston|\
     brazil|britain=united-kingdom|brussels|cairo|california|canada|chicago|chile|china|\
     colombia|cuba|damascus|delhi|denmark|detroit|dprk=north-korea|dubai|egypt|england|\
     europe|finland|florida|france|georgia|germany|great-britain=united-kingdom|greece|\
     hollywood|hong-kong|hungary|india|indonesia|iran|iraq|ireland|israel|istanbul|italy|\
     japan|jerusalem|kabul|kenya|kiev|korea|kyiv|la=los-angeles|lebanon|libya|london|\
     los-angeles|madrid|manhattan|mexico|miami|middle-east|moscow|mumbai|nepal|\
     netherlands|new-delhi|new-jersey|new-york|new-zealand|nigeria|north-korea|norway|\
     pakistan|palestine|paris|philippines|poland|portugal|pyongyang|qatar|rome|russia|\
     san-francisco|saudi-arabia|scotland|seattle|seoul|silicon-valley|singapore|somalia|\
     south-africa|south-korea|spain|sweden|switzerland|sydney|syria|taiwan|tehran|texas|\
     thailand|tokyo|toronto|turkey|uk=united-kingdom|ukraine|united-arab-emirates|\
     united-kingdom|united-states|united-states-of-america=united-states|\
     us=united-states|usa=united-states|venezuela|vienna|vietnam|wales|washington|yemen|\
     zimbabwe",
);

/// Nicknames of places: key → the place's canonical key (`the Hermit Kingdom` is North Korea).
pub static NICKNAMES: WordSet = WordSet::new(
    "big-apple=new-york|emerald-isle=ireland|eternal-city=rome|golden-state=california|\
     hermit-kingdom=north-korea|lone-star-state=texas|middle-kingdom=china|\
     motor-city=detroit|old-blighty=united-kingdom|windy-city=chicago",
);

/// Given names that are clearly female: at least 95% of US births with the
/// name since 1930 were girls, and at least 5,000 births. Built by
/// `scripts/names/build.py` from the US Social Security Administration
/// baby-name counts (public domain); see `scripts/names/README.md`. Read
/// only when the text itself gives no gender.
pub static FEMALE_GIVEN_NAMES: WordSet =
    WordSet::new(include_str!("../../data/given-names-female.txt"));

/// Given names that are clearly male (as [`FEMALE_GIVEN_NAMES`], boys).
pub static MALE_GIVEN_NAMES: WordSet =
    WordSet::new(include_str!("../../data/given-names-male.txt"));

/// Countries, US states, national capitals and cities of 500,000 people or
/// more (GeoNames, via `scripts/places/build.py`), as keys; names that are
/// also given names are left out. A weaker cue than [`PLACES`]: any other
/// cue beats it.
pub static GAZETTEER: WordSet = WordSet::new(include_str!("../../data/places-gazetteer.txt"));

/// Given names of [`FEMALE_GIVEN_NAMES`] and [`MALE_GIVEN_NAMES`] that are
/// as common as words ("Grace", "Hope", "Star", "June"): at least 4.5 on
/// wordfreq's Zipf scale, built by the same script. They do not make a
/// capitalised name a person's by themselves.
pub static GIVEN_NAME_WORDS: WordSet =
    WordSet::new(include_str!("../../data/given-names-words.txt"));

/// The first word of every phrase in the certainty stage's `HEDGES`
/// ([`super::certainty`]), sorted: through the speech word table, most
/// tokens are rejected with one hashed probe.
pub(crate) const HEDGE_FIRST_WORDS: Packed = Packed(
    "alleged|allegedly|apparently|appeared|appears|arguably|at|baseless|believe|believed|\
     believes|claimed|contested|contests|contradicted|contradicts|could|denied|denies|deny|\
     denying|described|disputed|disputes|doubt|doubted|doubts|expected|flimsy|forecast|had|\
     has|have|if|indicate|indicates|likely|little|may|might|no|ostensibly|perhaps|point|\
     pointed|points|possibly|predicted|presumably|probably|projected|purported|purportedly|\
     rebutted|refuted|refutes|rejected|rejects|reportedly|rumored|rumors|rumoured|rumours|\
     said|sceptical|seemed|seemingly|seems|skeptical|suggest|suggests|supposedly|suspect|\
     suspected|suspects|think|thinks|thought|to|unconfirmed|understood|unlikely|\
     unsubstantiated",
);

/// Words that introduce a contrast, and verbs that voice a contrary view.
pub(crate) const CONTRASTS: Packed = Packed("although|but|however|though|whereas");
pub(crate) const COUNTER_VERBS: Packed = Packed(
    "argue|argued|argues|contend|contended|contends|counter|countered|counters|insist|\
     insisted|insists|maintain|maintained|maintains",
);

/// Lowercase words that can begin a time expression, besides numbers, number
/// words, month and weekday names, and [`AGO_STARTERS`]. Sorted; looked up
/// through the number word table.
pub(crate) const TIME_STARTERS: Packed = Packed(
    "after|autumn|before|beginning|close|earlier|early|end|fall|final|last|late|later|mid|middle|\
     next|since|spring|start|summer|the|this|till|today|tomorrow|tonight|until|winter|yesterday",
);

/// Lowercase words that begin a time expression only before "ago" ("a
/// fortnight ago", "over a year ago", "several days ago"): in a sentence
/// without "ago" they start nothing. Sorted; looked up through the number word table.
pub(crate) const AGO_STARTERS: Packed = Packed(
    "a|about|almost|an|approximately|around|barely|exactly|just|less|more|nearly|only|\
     over|roughly|several|some|under|upwards|well",
);

/// Month names, their abbreviations and weekday names, lowercase and sorted:
/// the capitalised words a time expression can begin with (`month_at` and
/// `weekday_of` in [`super::dates`]).
pub(crate) const CALENDAR_NAMES: Packed = Packed(
    "apr|april|aug|august|dec|december|feb|february|friday|jan|january|jul|july|jun|june|\
     mar|march|may|monday|nov|november|oct|october|saturday|sep|sept|september|sunday|\
     thursday|tuesday|wednesday",
);

/// Lowercase words that can begin a quantity, besides numbers and number
/// words: articles, amount words and currency prefixes. Sorted; looked up
/// through the number word table.
pub(crate) const QUANTITY_STARTERS: Packed = Packed(
    "a|an|au|billions|c|ca|dozens|half|hk|hundreds|millions|multiple|numerous|nz|s|\
     scores|several|tens|thousands|us",
);

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_sorted_lowercase(name: &str, list: &[&str]) {
        assert!(!list.is_empty(), "{name} is empty");
        for pair in list.windows(2) {
            assert!(
                pair[0] < pair[1],
                "{name}: {:?} before {:?}",
                pair[0],
                pair[1]
            );
        }
        for word in list {
            assert_eq!(
                *word,
                word.to_lowercase(),
                "{name}: {word} is not lowercase"
            );
        }
    }

    #[test]
    fn lists_are_sorted_and_lowercase() {
        for (name, list) in [
            ("STOP_WORDS", &STOP_WORDS),
            ("COMMON_ACRONYMS", &COMMON_ACRONYMS),
            ("ORG_WORDS", &ORG_WORDS),
            ("OF_HEAD_WORDS", &OF_HEAD_WORDS),
            ("NUMBERED_HEADS", &NUMBERED_HEADS),
            ("HONORIFICS", &HONORIFICS),
            ("TITLE_MODIFIERS", &TITLE_MODIFIERS),
            ("ROLE_WORDS", &ROLE_WORDS),
            ("TEXT_NOUNS", &TEXT_NOUNS),
            ("PERSON_NOUNS", &PERSON_NOUNS),
            ("WORK_NOUNS", &WORK_NOUNS),
            ("WORK_NOUNS_PLURAL", &WORK_NOUNS_PLURAL),
            ("ORG_NOUNS_PLURAL", &ORG_NOUNS_PLURAL),
            ("BUSINESS_NOUNS", &BUSINESS_NOUNS),
            ("INSTITUTION_NOUNS", &INSTITUTION_NOUNS),
            ("KIND_NOUNS", &KIND_NOUNS),
            ("GROUP_NOUNS", &GROUP_NOUNS),
            ("DEMONYMS", &DEMONYMS),
            ("GIVEN_NAMES", &GIVEN_NAMES),
            ("KNOWN_ORGS", &KNOWN_ORGS),
            ("KNOWN_GROUPS", &KNOWN_GROUPS),
        ] {
            let entries: Vec<&str> = list.entries().collect();
            assert_sorted_lowercase(name, &entries);
            assert!(entries.iter().all(|e| !e.is_empty() && !e.contains('=')));
        }
        for (name, pairs) in [("PLACES", &PLACES), ("NICKNAMES", &NICKNAMES)] {
            let keys: Vec<&str> = pairs
                .entries()
                .map(|e| e.split_once('=').map_or(e, |(key, _)| key))
                .collect();
            assert_sorted_lowercase(name, &keys);
        }
    }

    #[test]
    fn lookups_ignore_ascii_case() {
        assert!(contains(&STOP_WORDS, "Meanwhile"));
        assert!(!contains(&STOP_WORDS, "Sony"));
        assert_eq!(lookup(&PLACES, "US"), Some("united-states"));
        assert_eq!(lookup(&NICKNAMES, "hermit-kingdom"), Some("north-korea"));
        assert_eq!(lookup(&PLACES, "atlantis"), None);
        assert_eq!(lookup(&PLACES, "Zimbabwe"), Some("zimbabwe"));
    }

    #[test]
    fn packed_lists_find_every_entry_and_nothing_else() {
        let lists = [
            &STOP_WORDS,
            &COMMON_ACRONYMS,
            &ORG_WORDS,
            &HONORIFICS,
            &GIVEN_NAMES,
            &PLACES,
            &NICKNAMES,
        ];
        for list in lists {
            let entries: Vec<&str> = list.entries().collect();
            for (i, entry) in entries.iter().enumerate() {
                let (key, value) = entry.split_once('=').unwrap_or((entry, entry));
                assert_eq!(list.find(key), Some(value));
                assert_eq!(list.find(&key.to_uppercase()), Some(value), "{key}");
                assert!(list.has_exact(key));
                assert_eq!(
                    list.has_exact(&key.to_uppercase()),
                    key == key.to_uppercase()
                );
                // Between this entry and the next: nothing.
                for absent in [
                    format!("{key}!"),
                    format!("{key}zz"),
                    key[..key.len() - 1].to_string(),
                ] {
                    let listed = entries
                        .iter()
                        .any(|e| e.split_once('=').map_or(*e, |(k, _)| k) == absent);
                    assert_eq!(list.find(&absent).is_some(), listed, "{absent} ({i})");
                }
            }
            for absent in ["", "|", "=", "~", "\u{0}"] {
                assert_eq!(list.find(absent), None, "{absent:?}");
            }
        }
        for (text, key, found) in [
            ("a", "a", true),
            ("a", "b", false),
            ("a|b", "b", true),
            ("a|b|c", "A", true),
            ("a|b|c", "bb", false),
        ] {
            assert_eq!(contains(&WordSet::new(text), key), found, "{text} {key}");
        }
        let long = WordSet::new("a|abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz");
        assert!(contains(
            &long,
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
        ));
        assert!(!contains(&long, "Abc"));
        assert!(!long.has_exact("A"));
    }

    #[test]
    fn the_gazetteer_is_packed_sorted_and_keyed() {
        assert!(GAZETTEER.is_sorted());
        assert!(GAZETTEER.entries().count() > 1000);
        assert!(GAZETTEER.entries().all(|w| {
            w.len() >= 4
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        }));
        assert!(contains(&GAZETTEER, "hamburg") && contains(&GAZETTEER, "sao-paulo"));
        // Given names are left out: `Austin said` is a person's.
        assert!(!contains(&GAZETTEER, "austin"));
    }

    #[test]
    fn given_name_lists_are_packed_sorted_and_apart() {
        for list in [&FEMALE_GIVEN_NAMES, &MALE_GIVEN_NAMES] {
            assert!(list.is_sorted());
            assert!(list.entries().count() > 500);
            assert!(
                list.entries()
                    .all(|w| w.len() >= 2 && w.bytes().all(|b| b.is_ascii_lowercase()))
            );
        }
        assert!(
            FEMALE_GIVEN_NAMES
                .entries()
                .all(|w| !contains(&MALE_GIVEN_NAMES, w))
        );
        assert!(contains(&FEMALE_GIVEN_NAMES, "Margaret"));
        assert!(contains(&MALE_GIVEN_NAMES, "owen"));
        // Names given to both sexes are on neither list.
        for both in ["jordan", "taylor", "jean"] {
            assert!(!contains(&FEMALE_GIVEN_NAMES, both) && !contains(&MALE_GIVEN_NAMES, both));
        }
    }
}
