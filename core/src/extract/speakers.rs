//! Speaker resolution: for every quote, who the words belong to, as an entity
//! of the article, with the rule and the mention that decided it.
//!
//! The quote stage ([`super::quotes`]) keeps the speaker *as written* ("she",
//! "the company", "a union spokesman", "Dana Whitfield"). This stage runs
//! after quotes, entities and attributions and resolves each one to a
//! person, organisation or group mention of the article ([`Speaker`]), by
//! a short rule set over what the pipeline already knows: entity mentions,
//! sentence and paragraph order, speech cues. The rules, in the order they
//! are tried ([`Resolution`] names each):
//!
//! - **named-in-sentence**: the written speaker holds a person, organisation
//!   or group name ("Okafor", "a spokesman for the Justice Ministry", "a
//!   Northgate spokeswoman"); a person wins over an organisation, and the
//!   words around the name are its role ("chief executive Priya Natarajan",
//!   "…, said Dana Whitfield, chief executive of Northgate Bank, …",
//!   "spokeswoman"). An age in apposition ("Priya Raman, 39,") is no role.
//!   Role words the quote stage wrote without the name after them are
//!   read on to it ("said council leader Ann Roe", "said Brightwell's
//!   finance director, Ann Roe"); `According to Ann Roe, "…"` names her.
//! - **apposition**: a nominal speaker named further on in its clause ("said
//!   a barber who gave only his first name, Tomas").
//! - **pronoun**: he/she → the person mentioned nearest before the quote,
//!   looking back paragraph by paragraph (the quote's own paragraph, then up
//!   to [`MAX_PARAGRAPHS_BACK`] before it) and stopping at the first paragraph
//!   holding a compatible person. Gender comes from the text only: a title
//!   before a mention (Mr, Ms, Mrs, Sir, Dame …), a gendered word in
//!   apposition ("a mother of two", "spokeswoman"), or a paragraph that
//!   names one person and uses only he/his/him (or she/her) outside quotes.
//!   Where the text is silent, the given-name lists
//!   ([`super::lexicon::FEMALE_GIVEN_NAMES`], built by
//!   `scripts/names/build.py` from US Social Security baby-name counts) give
//!   the gender of a name that is at least 95% one sex; any other name stays
//!   unknown.
//!   Two or more people of the same or unknown gender in that paragraph give
//!   **unresolved** with the candidates, never a guess — unless the quote
//!   opens the cue's sentence and one of them is the subject of the sentence
//!   just before in the paragraph (`Stroud defended the officials. "…," he
//!   said.`), or exactly one of them spoke (a quote or a speech verb) in
//!   that paragraph or the one before, the usual news conventions for "…,
//!   she said". it/they → as a nominal without a noun. A he/she whose
//!   quote opens its sentence, after a sentence whose subject is a
//!   spokesperson of a fitting gender ("A council spokeswoman said …. "…,"
//!   she said."), is that spokesperson: resolved as a nominal. A quote of
//!   several sentences counts from the sentence it opens.
//! - **nominal** ("the company", "the airport", "a union spokesman", "a
//!   spokesperson for the carrier"): the organisation named before the quote
//!   whose name holds the noun ("the bank" → Northgate Bank) or has it in
//!   apposition ("Westshire Highways, the county's roads agency,"), else the
//!   nearer of the one that spoke last and the one that is the subject of a
//!   recent sentence, else the one in the headline, else the one named
//!   last; the role ("spokeswoman") is kept. A business noun ("the
//!   company", "the firm") never takes an organisation whose name holds an
//!   institution noun ("University of Lowfield", "City Council"). "The
//!   league" also finds a league named for its tier ("Eastern
//!   Premiership", "Coastal Conference").
//! - **role** ("the judge", "the 40-year-old", "the rider", "the mother of
//!   two" — a noun before "of" heads the phrase): the person
//!   named before whose mention carries that word or age ("Judge Margaret
//!   Osei", "Owen Pryce, 60,"), else as for a pronoun — leaving out anyone
//!   the text gives another age. A mention carries the words of the title
//!   run before it ("Detective Sergeant Ann Roe": the detective), a role
//!   in apposition before it ("the top seed, Lena Vasquez") and a role
//!   noun earlier in a clause that names the person "as" or "named" ("a
//!   porter who gave his name only as Ned"). A role after a possessive
//!   name ("the Otters' captain, Ann Roe") is not the owner's.
//! - **later-sentence**: a quote standing as its own sentence whose next
//!   sentence points back at it ("That was how …", "So said …", "The words
//!   came from …"; after a long statement, "That statement came from …" may
//!   open the next paragraph; "The question came from …", "The reply
//!   came …": a noun for something said) and speaks of a source (a speech verb, "from",
//!   "how", "of") takes the person named there, passing over a possessive
//!   ("the words of Ellen's daughter, Rachel Stone"). A dash may stand for
//!   the full stop (`"…" — those were the words of …`). A quote that
//!   opens its paragraph with no cue, followed in that paragraph by a
//!   sentence opening with a person's name (`"It sounded like a bomb."
//!   Amira Haddad, 34, had just …`), takes that person. Tried before
//!   continuation.
//! - **continuation**: `"…," the statement went on` (a written text as
//!   the speaker) takes the speaker of the quote just before when that
//!   quote's sentence or the one before it names the same text ("In a
//!   statement, her husband, Robert, wrote: "…""). A direct quote without a speaker of its own takes the
//!   speaker of the last quote or speech verb in its paragraph or the one
//!   before, when no other person is named in between (also when the quote
//!   stage carried the speaker over: a person named in between stops it).
//! - **colon**: a quote after a colon ("tweeted: …", a paragraph ending in a
//!   colon with the quote in the next) takes the subject of the sentence
//!   holding the colon: a name in it, else the subject of its last speech
//!   verb as written, resolved like any written speaker ("In a statement,
//!   the company said:" → the company → the organisation). When a speech
//!   verb of the quote's own sentence stands right before the colon, this
//!   is tried before any continuation, for a short quote too ("said on
//!   social media: "We did it.""); a subject followed by a relative clause
//!   ("<Org>, which backed Amadi, said:") wins over a name inside it. A statement
//!   quoted over several paragraphs is one quote per paragraph
//!   ([`super::quotes`]); all of them take the speaker of the first one
//!   resolved by a rule of its own (a colon before the first, a cue after
//!   the last, "That statement came from …" after it).
//! - **headline**: a quote in the headline ([`super::quotes`] reads it: a
//!   label `'…': …`, `Mayor: "…"`, `"…," says mayor`) is resolved after
//!   the body: the speaker it writes, found among the body's people (a
//!   full name or surname, or a role word a mention carries, "mayor" →
//!   "Mayor Annika Strand") or organisations; else the one person of the
//!   body the headline names; else the body's speaker of the quote sharing
//!   the most content words with it; else the first speaker the body
//!   quotes (a headline quotes the story's lead voice).
//! - **earlier-sentence**: otherwise, a direct quote opening its sentence
//!   takes the one person named in the sentence just before (in its
//!   paragraph or the one before), or that sentence's he/she subject
//!   resolved as a pronoun ("She has been a radiologist for 15 years.").
//! - **chant**: a quote right after "chanted", "sang" or "shouted" with no
//!   speaker of its own takes the organisation or group named before the
//!   verb in its sentence ("members of the Bus Users Group …, chanting");
//!   with none, a crowd noun that is the verb's subject ("Protesters
//!   chanted", "the Rovers fans behind the goal sang") is an unnamed
//!   crowd, [`Resolution::Crowd`] ([`super::crowds`]).
//! - **nested**: a quote inside a quote, after a speech verb in the outer
//!   quote ("Lupu once told me, '…'"), takes the one named before the verb;
//!   after "I told them, '…'" it is the outer quote's speaker's. An object
//!   and a time or place may stand between the verb and the mark ("I told
//!   them at half-time, '…'").
//! - **none**: scare quotes and quoted titles (a report, guide, sign or
//!   banner: words right after a document noun or a naming word such as
//!   "headed" or "reading", or every word capitalised) get no speaker, and
//!   nor does anything no rule resolves. A longer direct quote is a title
//!   only when it is capitalised like one and follows such a word. A short
//!   term inside a noun phrase (`the council's "open door" policy`, `its
//!   own "quiet lanes" trial`) or after "so-called" is a scare quote
//!   whatever speech verb governs it. Nor do the words an inscription
//!   carries: a sentence opening with a sign, banner, placard or notice
//!   that "read" or "said" them ("A sign at the gate still read "…"").
//!
//!   A short term after "what <common nouns> call(s) (a)" (`what his
//!   caucus calls a "commuter tax"`) is an unnamed group's label: none.
//!
//! A given name, a quoted nickname and a surname (`Johan "The Hammer"
//! Veldt`) are one person, called by the surname.
//!
//! Names news writes in other ways: a hyphenated surname used alone
//! ("Solheim-Bakke" after "Ingrid Solheim-Bakke"), a surname after a chain
//! of particles ("van der Berg said", "de la Cruz said" after "Carlos de
//! la Cruz Morales"), a guessed name whose words are all words of a
//! person's full name and end in its surname ("Canon Hollis" after "the
//! Rev Canon Miriam Hollis"), and a lone surname that also opens an
//! organisation's name ("said Ford" after "Graham Ford" and "Ford
//! Haulage": the person, not the family firm). "The" and a capitalised
//! word (`the Democrat`, `the Dane`) is a descriptor, not a name: the
//! person it was said of before ("<Name>, a Democrat from …"), else, when
//! written only there, the person in view. A title used as a role noun
//! ("the bishop told the congregation") is read like "the judge", and so
//! is a nominal whose head is no organisation's when the quote next to it
//! is in the first person singular ("the Portuguese national said: "I
//! have …""). A guessed name that alone is a speech verb's subject next
//! to such a quote ("…I…," Okafor said) is a person: an organisation does
//! not say "I". Particles do not count in the length of a plain name
//! ("Emilio Ferreira da Costa" is a name of three words).
//! "They said" after a quote is a person only when the text itself speaks
//! of them as "they" ("<Name>, whose …, said they had …"); else it is an
//! organisation's, as before.
//!
//! A speaker the quote stage left out is read after the closing mark: a name
//! after a title or a surname particle ("Ms Barnes said", "de Wolf said"),
//! role words between the verb and the name ("said regional organiser Bev
//! Tanner"), "according to" a name or "the" organisation or a nominal
//! ("…," according to the Dunvale Weather Service), or a possessive role
//! with the name in apposition ("its chair, Janet Ober, said"; "said its
//! chair, Janet Ober"). The last is read even over a continuation the
//! quote stage carried over from the paragraph before. A written name no entity
//! covers ("de Wolf") takes the person named before whose name ends with
//! it. A surname two people of the article share ("Kevin Marsh", "Leah
//! Marsh") used alone stands for the one a title before it names ("Dr
//! Voss"), else the one whose full name came last (within
//! [`MAX_PARAGRAPHS_BACK`] paragraphs, and not in one sentence with the
//! other's); else for neither, and a speaker written so is **unresolved**
//! with both. A short quote the quote stage took for a scare quote but that has a
//! speech cue is speech, and a quote-only paragraph after it continues it.
//!
//! The subject of a sentence is its first name after at most four words,
//! not a possessive ("Dunstan's lawyer, Omar Bick, said": Bick; "Moss's
//! union, the Dock Workers Union, said": the union), and after an
//! opening phrase closed by a comma ("In a statement, the club's owner,
//! Rell Holdings, said"). A sentence whose subject is "the" and an
//! organisation noun, with a speech verb of its own before a quote (no
//! "that" or "who" before the verb) and no person named before the quote
//! ("The force appealed for …, and said it was "…""), gives that nominal,
//! resolved as a written one.
//!
//! People among the entity stage's guessed organisations are found by how
//! news treats people: a surname used alone opening a sentence, before a
//! speech verb or as a possessive (a team is called by its last word too,
//! but not that way), an age, a role or kin word next to the name ("his
//! colleague Sharon Pike", "his wife, Maureen,", "his brother Sean", "a
//! farmer named …", "nine-year-old …"), his/her right after a name opening
//! its sentence, a next sentence opening with He/She (not after a
//! possessive name: "Brightwell Gas's chief executive, Ann Roe, …. She"),
//! a lone name someone gave ("gave only his first name, Ned"), a "who"
//! clause ("Tobias Wren, who runs a bakery, said"), a name apposed to a role
//! that reports itself as he/she ("Its owner, Ann Roe, said she …"), or a
//! given name on the name lists ("Curtis Fong"), or a name in apposition
//! to a possessive's noun phrase with no organisation noun ("Ndala's
//! ambassador in Haverdam, Folake Adeyemi-Brandt, said"; "His Kethrani
//! counterpart, Hamid Al-Nouri,"; the same after a quote:
//! `"…," Sarvania's foreign minister, Dariusz Wojcik-Halas, told`). The
//! subject of a sentence may also follow an opening phrase that names no
//! one ("One of them, the collector Henk de Wit, told …"). A role an organisation
//! holds as often ("its owner, Marl Holdings,") marks nobody, and nor does
//! a last word after "the" ("The Otters said": a team, not a surname).
//!
//! A reply ("…," she replied) after a sentence whose subject asked
//! ("<Name> interrupted her to ask …") is the one asked's, not the
//! asker's; "<Name> was asked …" keeps the subject. A "counterpart"
//! ("met his Kestovian counterpart, <Name>") carries the role noun of the
//! official named before it, so "the minister" tells two ministers apart
//! by the paragraph. A spokesperson "for the <noun>, which … <Org>, said"
//! speaks for the organisation the clause names. `"…," the letter said`
//! (statement, email, note …) takes the sender of a recent sentence
//! naming "a letter". A body named after its owner's possessive
//! ("Veltrin's Justice Ministry said") is the subject, not the owner.
//!
//! A name right before a parenthetical "she said" ("Ms MacLeod, she said,
//! had been "…"") is the reported clause's subject, never the pronoun's
//! person.
//!
//! A paragraph naming one person gives them its he/she, but not a
//! possessive opening a role in apposition to the name ("His challenger,
//! <Name>,": the owner's) nor "him" in a sentence naming them ("<Name>
//! accused him").
//!
//! Every rule looks back a bounded number of mentions; the stage is linear
//! in the text and never panics.

use crate::model::{Fnv, HashMap, Span};

use super::attribution::Attribution;
use super::crowds::{CHANT_VERBS, Crowd, crowd_subject};
use super::entities::{Entity, EntityKind, name_key};
use super::lexicon::{
    BUSINESS_NOUNS, FEMALE_GIVEN_NAMES, HONORIFICS, INSTITUTION_NOUNS, KNOWN_ORGS,
    MALE_GIVEN_NAMES, NAME_PARTICLES, ORG_NOUNS, ORG_WORDS, ROLE_WORDS, STOP_WORDS, WordSet,
    contains,
};
use super::quotes::{Quote, QuoteKind, RULE_LATER_PARAGRAPH};
use super::{Document, Sentence};

/// How far back (in paragraphs) a pronoun or role looks for its person.
pub const MAX_PARAGRAPHS_BACK: usize = 3;
/// Most mentions looked at on any one walk back.
const MAX_MENTIONS_BACK: usize = 48;
/// Most people sharing one surname that are told apart (the latest ones).
const MAX_SHARED_SURNAME: usize = 8;
/// Most bytes after a nominal speaker where an appositive name may stand.
const MAX_APPOSITION_BYTES: usize = 80;
/// Most bytes of a relative clause naming a spokesperson's organisation
/// ([`Context::relative_org`]).
const MAX_RELATIVE_CLAUSE_BYTES: usize = 160;
/// Most words between a speech verb inside a quote and the nested quote it
/// introduces ("told them at half-time, '…'").
const MAX_NESTED_VERB_GAP: usize = 4;

/// Which rule resolved a speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolution {
    NamedInSentence,
    Apposition,
    Pronoun,
    Nominal,
    Role,
    Continuation,
    Colon,
    EarlierSentence,
    LaterSentence,
    /// A quote in the headline: the speaker the headline writes, found in
    /// the body, else the body's speaker of the same words, else the first
    /// speaker the body quotes.
    Headline,
    /// An unnamed crowd that chanted or sang the words: see [`Speaker::crowd`].
    Crowd,
    /// Several candidates and no evidence to choose: see [`Speaker::candidates`].
    Unresolved,
    /// Nobody speaks (a scare quote, a title), or no rule applies.
    None,
}

impl Resolution {
    /// The rule's name, as the JSON output writes it.
    pub fn name(self) -> &'static str {
        match self {
            Resolution::NamedInSentence => "named-in-sentence",
            Resolution::Apposition => "apposition",
            Resolution::Pronoun => "pronoun",
            Resolution::Nominal => "nominal",
            Resolution::Role => "role",
            Resolution::Continuation => "continuation",
            Resolution::Colon => "colon",
            Resolution::EarlierSentence => "earlier-sentence",
            Resolution::LaterSentence => "later-sentence",
            Resolution::Headline => "headline",
            Resolution::Crowd => "crowd",
            Resolution::Unresolved => "unresolved",
            Resolution::None => "none",
        }
    }
}

/// The resolved speaker of one quote (same index as [`super::Analysis::quotes`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Speaker {
    /// The speaker as written ([`Quote::speaker`]).
    pub written: Option<Span>,
    /// Index into [`super::Analysis::entities`] of the mention the speaker
    /// was resolved to; its `key` is the resolved speaker.
    pub entity: Option<usize>,
    /// The role the text gives ("spokeswoman", "chief executive of Northgate Bank").
    pub role: Option<Span>,
    pub resolution: Resolution,
    /// For [`Resolution::Unresolved`]: one mention per candidate.
    pub candidates: Vec<usize>,
    /// For [`Resolution::Crowd`]: the crowd no entity names ("Protesters
    /// chanted "…""), with its key.
    pub crowd: Option<Crowd>,
}

impl Speaker {
    /// A speaker resolved to mention `entity` by `resolution`, with nothing
    /// written for it.
    fn resolved(entity: usize, resolution: Resolution) -> Speaker {
        Speaker {
            written: None,
            entity: Some(entity),
            role: None,
            resolution,
            candidates: Vec::new(),
            crowd: None,
        }
    }

    fn none(written: Option<Span>) -> Speaker {
        Speaker {
            written,
            entity: None,
            role: None,
            resolution: Resolution::None,
            candidates: Vec::new(),
            crowd: None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gender {
    Unknown,
    Male,
    Female,
}

/// Words that name a sports league without the word "league".
static LEAGUE_NAME_WORDS: WordSet = WordSet::new("championship|conference|division|premiership");

/// Heads of a speaker who speaks for an organisation.
static SPOKES_NOUNS: WordSet =
    WordSet::new("representative|spokesman|spokespeople|spokesperson|spokeswoman|statement");

/// Verbs of speech that tie a quote to the subject of its sentence or to
/// the speaker right after it.
static SPEECH_VERBS: WordSet = WordSet::new(
    "added|adds|admitted|announced|argued|asked|branded|called|chanted|chanting|claimed|\
     confirmed|declared|described|dubbed|explained|insisted|labelled|noted|pledged|posted|\
     promised|replied|said|says|shouted|stated|tells|termed|testified|told|tweeted|urged|\
     vowed|warned|writes|wrote",
);

/// Verbs before "by" that make the agent the body that runs a thing
/// ("an inquiry, which was opened by <Org>"), not one that owns it.
static RUNNING_VERBS: WordSet = WordSet::new(
    "chaired|commissioned|conducted|led|managed|opened|operated|organised|organized|\
     overseen|run|sent|staffed",
);

/// Verbs of a reply to a question ([`Context::reply_to_question`]).
static REPLY_VERBS: WordSet = WordSet::new("answered|replied|responded|retorted");

/// Verbs of asking a question.
static ASK_VERBS: WordSet = WordSet::new("ask|asked|asking|pressed|quizzed|questioned");

/// Common nouns for a person in news text ("the doctor said").
static PERSON_NOUNS: WordSet = WordSet::new(
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
     mechanic|medalist|medallist|midfielder|midwife|miner|motorist|mp|mum|musician|\
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

/// Roles an organisation holds as often as a person ("the site's owner,
/// Marl Holdings,"): a name in apposition to one is not thereby a person.
static ORG_HELD_ROLES: WordSet = WordSet::new(
    "buyer|investor|landlord|lender|owner|partner|seller|shareholder|sponsor|supplier|tenant|\
     trader",
);

/// Words opening a sentence with a phrase that a comma closes before its
/// subject ("In a statement, …", "Speaking on Monday, …").
static OPENING_PREPOSITIONS: WordSet =
    WordSet::new("after|asked|at|before|during|earlier|in|later|on|speaking|writing");

/// Words that mark a person as male, before a name or in apposition.
static MALE_WORDS: WordSet = WordSet::new(
    "boy|boyfriend|brother|businessman|chairman|father|fiance|fr|grandfather|grandson|\
     husband|king|lord|man|mr|nephew|prince|sir|son|spokesman|stepfather|stepson|uncle|\
     widower",
);

/// Words that mark a person as female.
static FEMALE_WORDS: WordSet = WordSet::new(
    "aunt|businesswoman|chairwoman|dame|daughter|fiancee|girl|girlfriend|granddaughter|\
     grandmother|lady|miss|mother|mrs|ms|niece|princess|queen|sister|spokeswoman|\
     stepdaughter|stepmother|widow|wife|woman",
);

/// Nouns before a quoted title: the quote names a document, not speech.
static DOCUMENT_NOUNS: WordSet = WordSet::new(
    "app|article|banner|billboard|blog|book|booklet|brochure|called|campaign|column|\
     document|entitled|essay|film|guide|handbook|headline|leaflet|motto|named|notice|\
     pamphlet|paper|placard|plan|podcast|poster|programme|program|report|review|scheme|\
     sign|slogan|strategy|study|title|titled|website",
);

/// Things that carry written words and are said to "read" or "say" them
/// ("A sign at the entrance still read "…"", "the placards said "…""):
/// the words are an inscription, nobody's speech.
static INSCRIPTION_NOUNS: WordSet = WordSet::new(
    "banner|billboard|graffiti|inscription|label|note|notice|placard|plaque|poster|sign|\
     signpost|slogan|sticker|t-shirt|tattoo",
);

/// Verbs an inscription governs its words with.
static INSCRIPTION_VERBS: WordSet =
    WordSet::new("declared|declares|proclaimed|proclaims|read|reads|said|says|warned|warns");

/// What a pronoun or role noun asks of its person.
#[derive(Clone, Copy)]
struct Wanted<'b> {
    gender: Gender,
    /// A role word the person's mention should carry ("judge", "71-year-old").
    role: Option<&'b str>,
    /// A person it cannot be (the speaker of the quote it is quoted in).
    exclude: Option<&'b str>,
}

/// One person, organisation or group mention outside quotes.
#[derive(Clone, Copy, Debug)]
struct Mention {
    entity: usize,
    at: usize,
    paragraph: usize,
}

/// How many paragraphs after the lede its role-noun speaker may be named
/// in ([`Context::lede_role`]).
const LEDE_ROLE_PARAGRAPHS: usize = 3;

/// A speaker resolved earlier in the text (a quote's, or a speech verb's source).
#[derive(Clone, Copy, Debug)]
struct Event {
    entity: usize,
    at: usize,
    paragraph: usize,
}

struct Context<'a> {
    text: &'a str,
    sentences: &'a [Sentence],
    entities: &'a [Entity],
    /// Paragraph ordinal of each sentence.
    paragraph_of: Vec<usize>,
    /// Person/org/group mentions outside direct quotes, in text order.
    mentions: Vec<Mention>,
    genders: HashMap<&'a str, Gender>,
    /// Per person key: the age given in apposition ("Owen Pryce, 71,").
    ages: HashMap<&'a str, &'a str>,
    /// Per entity: read as a person (the entity stage's kind, or a guessed
    /// organisation with a person's marks: see [`Context::collect_people`]).
    person: Vec<bool>,
    /// Per entity: the mention it stands for (a surname → the full name).
    alias: Vec<usize>,
    /// The headline, lowercase.
    headline: String,
    /// The headline as written.
    headline_text: &'a str,
    /// Lone surnames two people share that the text does not tell apart:
    /// the mention → one full-name mention per person.
    shared: HashMap<usize, Vec<usize>>,
    /// Outermost quotes (span, content), in text order.
    quoted: Vec<(Span, Span)>,
    /// Per entity, what [`Context::org_back`] asks of each mention it looks
    /// back over, worked out once ([`Context::collect_org_facts`]).
    org_facts: Vec<OrgFacts>,
    /// Per sentence, its subject ([`Context::subject_of`]) once asked for:
    /// [`Context::org_back`] asks of the same few sentences again and again.
    subjects: Vec<std::cell::OnceCell<Option<usize>>>,
}

/// What [`Context::org_back`] asks of an entity.
#[derive(Clone, Copy, Default)]
struct OrgFacts {
    /// An organisation or a group.
    org: bool,
    /// Its key holds one of [`INSTITUTION_NOUNS`].
    institution: bool,
    /// The first word of its key (more than two letters) is a headline word.
    in_headline: bool,
    /// The clause in apposition after it when that starts in lowercase
    /// (", the county's roads agency,"), else empty.
    apposition: Span,
    /// The [`word_bit`]s of the words of its key and of the first six of
    /// `apposition`: a noun without its bit is in neither.
    words: u64,
}

/// A word's bit in a 64-bit filter of words (ASCII case ignored): words
/// equal but for case have the same bit.
fn word_bit(word: &str) -> u64 {
    use std::hash::Hasher as _;
    let mut hash = Fnv::default();
    for b in word.bytes() {
        hash.write_u8(b.to_ascii_lowercase());
    }
    1 << (hash.finish() >> 58)
}

/// Resolves the speaker of every quote (one [`Speaker`] per quote, same order).
pub fn resolve_speakers(
    text: &str,
    document: &Document,
    sentences: &[Sentence],
    entities: &[Entity],
    quotes: &[Quote],
    attributions: &[Attribution],
) -> Vec<Speaker> {
    let mut paragraph_of = Vec::with_capacity(sentences.len());
    let mut ordinal = 0;
    for (i, s) in sentences.iter().enumerate() {
        if i > 0 && sentences.get(i - 1).is_some_and(|p| p.part != s.part) {
            ordinal += 1;
        }
        paragraph_of.push(ordinal);
    }
    let mut cx = Context {
        text,
        sentences,
        entities,
        paragraph_of,
        mentions: Vec::new(),
        genders: HashMap::default(),
        ages: HashMap::default(),
        person: Vec::new(),
        alias: (0..entities.len()).collect(),
        headline: document
            .headline
            .map(|h| h.text(text).to_lowercase())
            .unwrap_or_default(),
        headline_text: document.headline.map_or("", |h| h.text(text)),
        shared: HashMap::default(),
        quoted: Vec::new(),
        org_facts: Vec::new(),
        subjects: vec![std::cell::OnceCell::new(); sentences.len()],
    };
    cx.collect_quoted(quotes);
    cx.collect_people();
    cx.collect_mentions();
    cx.collect_genders(quotes);
    cx.collect_org_facts();

    // Speech-verb sources, resolved as they come (in text order).
    let mut sources: Vec<(usize, Span)> = attributions
        .iter()
        .filter(|a| !a.anonymous)
        .filter_map(|a| Some((a.cue.start, a.source?)))
        .collect();
    // Speech verbs whose subject the attribution stage did not take ("Ann
    // Roe, who runs the food bank, said …"): the sentence's subject.
    let mut cues: Vec<usize> = attributions.iter().map(|a| a.cue.start).collect();
    cues.sort_unstable();
    for s in 0..sentences.len() {
        if let Some(found) = cx.subject_speech(s)
            && cues.binary_search(&found.0).is_err()
        {
            sources.push(found);
        }
    }
    sources.sort_by_key(|&(at, s)| (at, s.start));
    sources.dedup();

    let mut events: Vec<Event> = Vec::new();
    let mut out: Vec<Speaker> = Vec::with_capacity(quotes.len());
    let mut next_source = 0;
    let body_start = sentences.first().map_or(usize::MAX, |s| s.span.start);
    for (qi, quote) in quotes.iter().enumerate() {
        // Headline quotes are resolved from the body, after it.
        if quote.span.end <= body_start {
            out.push(Speaker::none(quote.speaker));
            continue;
        }
        // Speech verbs before this quote become events first.
        while let Some(&(at, source)) = sources.get(next_source) {
            if at >= quote.span.start {
                break;
            }
            next_source += 1;
            if quotes
                .get(..qi)
                .is_some_and(|qs| qs.iter().rev().take(4).any(|q| q.speaker == Some(source)))
            {
                continue;
            }
            let resolved = cx.resolve_written(source, at, &events, None);
            if let Some(entity) = resolved.entity
                && resolved.resolution != Resolution::Unresolved
            {
                cx.push_event(&mut events, entity, at);
            }
        }
        let nested = out
            .iter()
            .zip(quotes)
            .rev()
            .take(8)
            .any(|(_, q)| q.span.contains(quote.span) && q.span != quote.span);
        let mut speaker = cx.resolve_quote(quote, quotes.get(..qi).unwrap_or(&[]), &out, &events);
        speaker.entity = speaker.entity.map(|e| cx.canonical(e));
        for c in &mut speaker.candidates {
            *c = cx.canonical(*c);
        }
        // A short quote with a speech cue ("…," the farmer said) is speech
        // even when the quote stage took it for a scare quote.
        if let Some(entity) = speaker.entity
            && !nested
            && (quote.kind == QuoteKind::Direct
                || (speaker.written.is_some() && speaker.resolution != Resolution::Unresolved))
        {
            let at = quote
                .cue
                .map_or(quote.span.end, |c| c.start.max(quote.span.start));
            cx.push_event(&mut events, entity, at);
        }
        out.push(speaker);
    }
    one_speaker_per_statement(quotes, &mut out);
    for (qi, quote) in quotes.iter().enumerate() {
        if quote.span.end > body_start {
            break;
        }
        if quote.kind == QuoteKind::Direct {
            let mut speaker = cx.headline_quote(quote, quotes, &out);
            speaker.entity = speaker.entity.map(|e| cx.canonical(e));
            for c in &mut speaker.candidates {
                *c = cx.canonical(*c);
            }
            if let Some(slot) = out.get_mut(qi) {
                *slot = speaker;
            }
        }
    }
    out
}

/// A statement quoted over several paragraphs is one quote per paragraph
/// ([`RULE_LATER_PARAGRAPH`] for all but the first): every paragraph takes
/// the speaker of the first one resolved by a rule of its own (a colon
/// before the first, a cue after the last, "That statement came from …"
/// after it), else of the first one resolved; the others as continuations.
fn one_speaker_per_statement(quotes: &[Quote], out: &mut [Speaker]) {
    let mut group: Vec<usize> = Vec::new();
    let finish = |group: &[usize], out: &mut [Speaker]| {
        if group.len() < 2 {
            return;
        }
        let resolved = |i: &usize| {
            out.get(*i)
                .is_some_and(|s| s.entity.is_some() && s.resolution != Resolution::Unresolved)
        };
        // A speaker of its own (a cue after the last paragraph, "That
        // statement came from …" after it) before one carried over.
        let own = |i: &usize| {
            resolved(i)
                && out.get(*i).is_some_and(|s| {
                    !matches!(
                        s.resolution,
                        Resolution::Continuation | Resolution::EarlierSentence
                    )
                })
        };
        let Some(source) = group
            .iter()
            .find(|i| own(i))
            .or_else(|| group.iter().find(|i| resolved(i)))
            .or_else(|| {
                group.iter().find(|&&i| {
                    out.get(i)
                        .is_some_and(|s| s.resolution == Resolution::Unresolved)
                })
            })
            .copied()
        else {
            return;
        };
        let Some(speaker) = out.get(source).cloned() else {
            return;
        };
        for &i in group {
            if i == source {
                continue;
            }
            if let Some(slot) = out.get_mut(i) {
                let written = quotes.get(i).and_then(|q| q.speaker);
                *slot = Speaker {
                    written,
                    resolution: if speaker.resolution == Resolution::Unresolved {
                        Resolution::Unresolved
                    } else {
                        Resolution::Continuation
                    },
                    ..speaker.clone()
                };
            }
        }
    };
    for (qi, quote) in quotes.iter().enumerate() {
        if quote.rule == RULE_LATER_PARAGRAPH && !group.is_empty() {
            group.push(qi);
            continue;
        }
        let inside = group
            .last()
            .and_then(|&g| quotes.get(g))
            .is_some_and(|g| g.span.contains(quote.span) && g.span != quote.span);
        if inside {
            continue;
        }
        finish(&group, out);
        group.clear();
        group.push(qi);
    }
    finish(&group, out);
}

/// Stems of the content words of `text` (lowercase, at least four letters,
/// cut to five: "robbed" and "robbery" share one).
fn stems(text: &str) -> Vec<String> {
    let mut out: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4)
        .map(|w| w.to_lowercase().chars().take(5).collect::<String>())
        .filter(|w| !contains(&STOP_WORDS, w))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80 || b == b'-'
}

/// The word ending right before `at` (spaces skipped), if any.
fn word_before(text: &str, at: usize) -> Option<Span> {
    let bytes = text.as_bytes();
    let mut end = at.min(bytes.len());
    while end > 0 && bytes.get(end - 1).is_some_and(|b| *b == b' ' || *b == b'.') {
        end -= 1;
        if at - end > 3 {
            return None;
        }
    }
    let mut start = end;
    while start > 0 && bytes.get(start - 1).copied().is_some_and(is_word_byte) && end - start < 40 {
        start -= 1;
    }
    (start < end && text.is_char_boundary(start) && text.is_char_boundary(end))
        .then(|| Span::new(start, end))
}

/// The words of `span`, as byte spans.
fn words(text: &str, span: Span) -> impl Iterator<Item = Span> + '_ {
    let body = span.text(text);
    let base = span.start;
    let bytes = body.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() && !bytes.get(i).copied().is_some_and(is_word_byte) {
            i += 1;
        }
        if i >= bytes.len() {
            return None;
        }
        let start = i;
        while i < bytes.len()
            && bytes
                .get(i)
                .copied()
                .is_some_and(|b| is_word_byte(b) || b == b'\'')
        {
            i += 1;
        }
        Some(Span::new(base + start, base + i))
    })
}

/// A word without a possessive ending.
fn base_word(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word)
}

fn gender_of_word(word: &str) -> Gender {
    if contains(&MALE_WORDS, word) {
        Gender::Male
    } else if contains(&FEMALE_WORDS, word) {
        Gender::Female
    } else {
        Gender::Unknown
    }
}

/// The gender the given-name lists give the first word of a person's key
/// of two or more words ("dana-whitfield"), after a title or role word
/// kept in the key ("supervisor-teresa-villanueva"); a lone surname has none.
fn given_name_gender(key: &str) -> Gender {
    let Some((mut first, mut rest)) = key.split_once('-') else {
        return Gender::Unknown;
    };
    if (contains(&ROLE_WORDS, first)
        || contains(&HONORIFICS, first)
        || contains(&PERSON_NOUNS, first))
        && let Some((second, tail)) = rest.split_once('-')
    {
        (first, rest) = (second, tail);
    }
    if rest.is_empty() {
        return Gender::Unknown;
    }
    if contains(&FEMALE_GIVEN_NAMES, first) {
        Gender::Female
    } else if contains(&MALE_GIVEN_NAMES, first) {
        Gender::Male
    } else {
        Gender::Unknown
    }
}

impl<'a> Context<'a> {
    fn sentence_of(&self, at: usize) -> Option<usize> {
        self.sentences
            .partition_point(|s| s.span.start <= at)
            .checked_sub(1)
    }

    fn paragraph_at(&self, at: usize) -> usize {
        self.sentence_of(at)
            .and_then(|s| self.paragraph_of.get(s).copied())
            .unwrap_or(0)
    }

    fn kind(&self, entity: usize) -> Option<EntityKind> {
        if self.person.get(entity).copied().unwrap_or(false) {
            return Some(EntityKind::Person);
        }
        self.entities.get(entity).map(|e| e.kind)
    }

    /// People among guessed names: a name of two or three words with no
    /// organisation word is a person when the text treats it as one — its
    /// last word used alone later (news calls people by surname,
    /// organisations by their first word), an age in apposition ("Priya
    /// Raman, 39,"), or a title or role word next to it. A lone surname
    /// then stands for the full name.
    fn collect_people(&mut self) {
        let text = self.text;
        let entities = self.entities;
        let mut person: Vec<bool> = entities
            .iter()
            .map(|e| e.kind == EntityKind::Person)
            .collect();
        let guessed = |e: &Entity| {
            e.kind == EntityKind::Organisation && e.rule.ends_with("(guessed organisation)")
        };
        let plain_name = |key: &str| {
            // Particles do not count: "Emilio Ferreira da Costa".
            let n = key
                .split('-')
                .filter(|w| !NAME_PARTICLES.has_exact(w))
                .count();
            (2..=3).contains(&n)
                && key
                    .split('-')
                    .all(|w| !contains(&ORG_WORDS, w) && !contains(&ORG_NOUNS, w))
        };
        // Last words of full names, to their first mention.
        let mut surnames: HashMap<&str, usize> = HashMap::default();
        for (i, e) in entities.iter().enumerate() {
            let key = e.key.as_str();
            if !(person.get(i).copied().unwrap_or(false) || (guessed(e) && plain_name(key))) {
                continue;
            }
            if key.contains('-')
                && let Some(last) = key.rsplit('-').next()
            {
                surnames.entry(last).or_insert(i);
                // "Ingrid Solheim-Bakke", then "Solheim-Bakke": a
                // hyphenated surname is one word as written.
                let parts = e
                    .span
                    .text(text)
                    .split_whitespace()
                    .next_back()
                    .map_or(1, |w| w.split('-').count());
                if parts > 1
                    && let Some(cut) = key.rmatch_indices('-').nth(parts - 1).map(|(c, _)| c)
                    && let Some(surname) = key.get(cut + 1..)
                {
                    surnames.entry(surname).or_insert(i);
                }
            }
        }
        // Given names of people named in full, to their first mention
        // (`None` when two people share one): news calls a relative or a
        // child by the given name alone ("Ann Roe and her son, Luke Roe, …
        // Luke said").
        let mut given: HashMap<&str, Option<usize>> = HashMap::default();
        for (i, e) in entities.iter().enumerate() {
            let key = e.key.as_str();
            if e.kind != EntityKind::Person || given_name_gender(key) == Gender::Unknown {
                continue;
            }
            if let Some((first, _)) = key.split_once('-') {
                let slot = given.entry(first).or_insert(Some(i));
                if slot.is_some_and(|f| entities.get(f).is_none_or(|x| x.key != e.key)) {
                    *slot = None;
                }
            }
        }
        let mut marked: HashMap<&str, bool> = HashMap::default();
        for (i, e) in entities.iter().enumerate() {
            let key = e.key.as_str();
            // `Johan "The Hammer" Veldt`: a given name, a quoted nickname
            // and a surname are one person, called by the surname.
            if let Some(j) = self.nicknamed(i) {
                if let Some(slot) = self.alias.get_mut(i) {
                    *slot = j;
                }
                marked.insert(key, true);
                if let Some(surname) = entities.get(j) {
                    marked.insert(surname.key.as_str(), true);
                }
                continue;
            }
            // "said Ford" after "Graham Ford" and "Ford Haulage": a lone
            // word the entity stage took for the short form of an
            // organisation that opens with it is the surname of a person
            // named in full before (a family firm carries the family's
            // name; news calls the person by it).
            let word = name_key(e.span.text(text));
            if guessed(e)
                && !word.contains('-')
                && key
                    .strip_prefix(word.as_str())
                    .is_some_and(|r| r.starts_with('-'))
                && let Some(&full) = surnames.get(word.as_str())
                && full < i
                && !word_before(text, e.span.start)
                    .is_some_and(|w| w.text(text).eq_ignore_ascii_case("the"))
            {
                if let Some(slot) = self.alias.get_mut(i) {
                    *slot = full;
                }
                if let Some(full_key) = entities.get(full).map(|f| f.key.as_str()) {
                    marked.insert(full_key, true);
                }
                continue;
            }
            // "Canon Hollis" after "the Rev Canon Miriam Hollis": a guessed
            // name whose words are all words of a person's full name,
            // ending in its surname, is that person.
            if guessed(e)
                && let Some((_, last)) = key.rsplit_once('-')
                && let Some(&full) = surnames.get(last)
                && full < i
                && let Some(full_key) = entities.get(full).map(|f| f.key.as_str())
                && full_key != key
                && key.split('-').all(|w| full_key.split('-').any(|f| f == w))
            {
                if let Some(slot) = self.alias.get_mut(i) {
                    *slot = full;
                }
                marked.insert(full_key, true);
                continue;
            }
            // "de la Cruz said" after "Carlos de la Cruz Morales": a name
            // after a chain of particles is the person whose full name
            // holds the chain and the name in a row.
            if !key.contains('-') && e.kind != EntityKind::Place {
                let mut form = key.to_string();
                let mut cursor = e.span.start;
                while let Some(w) = word_before(text, cursor)
                    .filter(|w| NAME_PARTICLES.has_exact(w.text(text)) && form.len() < 60)
                {
                    form = format!("{}-{form}", w.text(text));
                    cursor = w.start;
                }
                if cursor < e.span.start
                    && let Some(full) = (0..i).rev().take(MAX_MENTIONS_BACK * 4).find(|&j| {
                        entities.get(j).is_some_and(|f| {
                            f.key != form
                                && (f.key.ends_with(&format!("-{form}"))
                                    || f.key.contains(&format!("-{form}-")))
                        })
                    })
                {
                    if let Some(slot) = self.alias.get_mut(i) {
                        *slot = full;
                    }
                    if let Some(full_key) = entities.get(full).map(|f| f.key.as_str()) {
                        marked.insert(full_key, true);
                    }
                    continue;
                }
            }
            if !key.contains('-')
                && guessed(e)
                && !surnames.contains_key(key)
                && let Some(&Some(full)) = given.get(key)
                && full < i
            {
                if let Some(slot) = self.alias.get_mut(i) {
                    *slot = full;
                }
                continue;
            }
            // "Mr Pugh" is not Sandra Pugh: a gendered title that clashes
            // with the full name's given name.
            let clash = |full: usize| {
                let title = word_before(text, e.span.start).map_or(Gender::Unknown, |w| {
                    gender_of_word(w.text(text).trim_end_matches('.'))
                });
                let named = self.local_gender(full);
                title != Gender::Unknown && named != Gender::Unknown && title != named
            };
            let one_word = !e.span.text(text).contains(char::is_whitespace);
            if let Some(&full) = surnames.get(key)
                && full < i
                && (!key.contains('-') || one_word)
                && (guessed(e) || e.kind == EntityKind::Person)
                && !clash(full)
            {
                if let Some(slot) = self.alias.get_mut(i) {
                    *slot = full;
                }
                // Used alone the way news uses a surname: opening a
                // sentence, before a speech verb, or as a possessive (a team
                // is also called by its last word: "led Rovers to …").
                let rest = text.get(e.span.end..).unwrap_or("");
                let next = words(text, Span::new(e.span.end, text.len().min(e.span.end + 40)))
                    .next()
                    .map_or("", |w| w.text(text));
                let opens = self
                    .sentence_of(e.span.start)
                    .and_then(|s| self.sentences.get(s))
                    .and_then(|s| text.get(s.span.start..e.span.start))
                    .is_some_and(|lead| lead.trim().is_empty());
                // "The Otters said": a surname takes no article; a team
                // called by its last word does.
                let article = word_before(text, e.span.start)
                    .is_some_and(|w| w.text(text).eq_ignore_ascii_case("the"));
                let surname_like = e.kind == EntityKind::Person
                    || (!article
                        && (opens
                            || rest.starts_with("'s")
                            || rest.starts_with("’s")
                            || (rest.starts_with(' ') && contains(&SPEECH_VERBS, next))));
                if surname_like && let Some(full_key) = entities.get(full).map(|f| f.key.as_str()) {
                    marked.insert(full_key, true);
                }
                continue;
            }
            // "Pollard's wife, Maureen, said": a kin word in apposition.
            let kin = text
                .get(..e.span.start)
                .and_then(|t| t.strip_suffix(", "))
                .and_then(|t| word_before(text, t.len()))
                .map(|w| w.text(text))
                .filter(|t| t.starts_with(char::is_lowercase));
            let kin_word = kin.is_some_and(|t| gender_of_word(t) != Gender::Unknown);
            // "its owner, Marl Holdings": some roles an organisation holds.
            let role_word = kin.is_some_and(|t| {
                (contains(&ROLE_WORDS, t) || contains(&PERSON_NOUNS, t) || kin_word)
                    && !contains(&ORG_HELD_ROLES, t)
            });
            // "his brother Sean": a kin word right before a lone name.
            let kin_before = word_before(text, e.span.start).is_some_and(|w| {
                gender_of_word(w.text(text)) != Gender::Unknown
                    && w.text(text).starts_with(char::is_lowercase)
                    && word_before(text, w.start).is_some_and(|p| {
                        matches!(
                            p.text(text),
                            "his" | "His" | "her" | "Her" | "their" | "Their"
                        )
                    })
            });
            // "a porter who gave his name only as Ned", "a man identified
            // only as Ned", "… who gave only his first name, Ned".
            let gave_name = word_before(text, e.span.start).is_some_and(|w| {
                w.text(text) == "as"
                    && text
                        .get(w.start.saturating_sub(30)..w.start)
                        .is_some_and(|t| t.contains("name") || t.contains("identified"))
            }) || text.get(..e.span.start).is_some_and(|t| {
                t.trim_end_matches([' ', ',', ':']).ends_with(" name")
                    && t.trim_end().ends_with([',', ':'])
            });
            if guessed(e)
                && (((kin_word || kin_before || gave_name) && !key.contains('-'))
                    || ((role_word || self.after_possessive_role(e.span)) && plain_name(key)))
            {
                marked.insert(key, true);
                continue;
            }
            if !(guessed(e) && plain_name(key)) {
                continue;
            }
            let after = text.get(e.span.end..).unwrap_or("");
            let after = after.get(..after.len().min(40)).unwrap_or("");
            let age = after.strip_prefix(", ").is_some_and(|r| {
                let digits = r.len() - r.trim_start_matches(|c: char| c.is_ascii_digit()).len();
                (1..=3).contains(&digits) && r.get(digits..).is_some_and(|t| t.starts_with(','))
            });
            // A given name the name lists hold for one sex: "Curtis Fong",
            // "Supervisor Teresa Villanueva".
            let given = given_name_gender(key) != Gender::Unknown;
            // "Ann Roe, the club's physio," (not "Roe Rescue, a volunteer
            // group,").
            let role_after = after.strip_prefix(", ").is_some_and(|r| {
                let clause = r.split([',', '.']).next().unwrap_or("");
                let ws = || clause.split_whitespace().take(4);
                ws().any(|w| {
                    contains(&ROLE_WORDS, base_word(w))
                        || contains(&PERSON_NOUNS, base_word(w))
                        || gender_of_word(w) != Gender::Unknown
                }) && !ws().any(|w| contains(&ORG_NOUNS, base_word(w)))
            });
            let described = after.strip_prefix(", ").is_some_and(|r| {
                let clause = r.split([',', '.']).next().unwrap_or("");
                let mut ws = clause.split_whitespace();
                matches!(ws.next(), Some("a" | "an"))
                    && ws.next().is_some_and(|w| w.starts_with(char::is_lowercase))
                    && !clause
                        .split_whitespace()
                        .any(|w| contains(&ORG_NOUNS, base_word(w)))
            });
            let titled = word_before(text, e.span.start).is_some_and(|w| {
                let t = w.text(text);
                // "His colleague Sharon Pike", "her neighbour Joe Pritchard".
                let kin = t.starts_with(char::is_lowercase)
                    && !contains(&ORG_NOUNS, t)
                    && word_before(text, w.start).is_some_and(|p| {
                        matches!(
                            p.text(text),
                            "his" | "His" | "her" | "Her" | "their" | "Their"
                        )
                    });
                // "a farmer named Owen Pryce".
                let named = matches!(t, "named" | "called")
                    && word_before(text, w.start).is_some_and(|p| {
                        let p = p.text(text);
                        contains(&PERSON_NOUNS, p)
                            || contains(&ROLE_WORDS, p)
                            || gender_of_word(p) != Gender::Unknown
                    });
                contains(&HONORIFICS, t)
                    || contains(&ROLE_WORDS, t)
                    || kin
                    || named
                    || t.ends_with("-year-old")
            });
            // A possessive name is not its sentence's subject: in "Brightwell
            // Gas's chief executive, Ann Roe, said …. She …", "she" is Roe.
            let owner = after.starts_with("'s") || after.starts_with("’s");
            // Nor is a name before role words and a person ("Rotherby
            // manager Claire Dunning said her side …. She …": the person).
            let modifier = entities.get(i + 1).is_some_and(|n| {
                n.kind == EntityKind::Person
                    && text.get(e.span.end..n.span.start).is_some_and(|gap| {
                        let words = gap.split_whitespace();
                        (1..=3).contains(&words.clone().count())
                            && words.clone().all(|w| {
                                w.chars().all(|c| c.is_alphabetic() || c == '-')
                                    && w.starts_with(char::is_lowercase)
                            })
                    })
            });
            let owner = owner || modifier;
            // "Edna Walsh has caught the 41 for 22 years. She does not drive."
            let next_pronoun = !owner
                && self.sentence_of(e.span.start).is_some_and(|s| {
                    let opens = self
                        .sentences
                        .get(s)
                        .and_then(|x| text.get(x.span.start..e.span.start))
                        .is_some_and(|lead| lead.trim().is_empty());
                    opens
                        && self.sentences.get(s + 1).is_some_and(|n| {
                            n.part == self.sentences.get(s).map_or(usize::MAX, |x| x.part)
                                && matches!(
                                    words(text, n.span).next().map(|w| w.text(text)),
                                    Some("He" | "She")
                                )
                        })
                });
            // "Amira Haddad waited with her son": his/her soon after a name
            // that opens its sentence (its subject).
            let opens = self
                .sentence_of(e.span.start)
                .and_then(|s| self.sentences.get(s))
                .and_then(|s| text.get(s.span.start..e.span.start))
                .is_some_and(|lead| lead.trim().is_empty());
            let possessive = opens
                && !owner
                && words(text, Span::new(e.span.end, e.span.end + after.len()))
                    .take(4)
                    .any(|w| matches!(w.text(text), "his" | "her"));
            // A role word opening the name itself, as a sentence-initial
            // title: "Goalkeeper Ned Quill saved twice".
            let inner_title = key.split('-').count() == 3
                && key.split('-').next().is_some_and(|w| {
                    contains(&ROLE_WORDS, w)
                        || contains(&PERSON_NOUNS, w)
                        || contains(&HONORIFICS, w)
                });
            // "Tobias Wren, who runs a bakery, said …": organisations take
            // "which"; news keeps "who" for people.
            let who = after.starts_with(", who ");
            // "Its owner, Ann Roe, said she had …": the subject of a speech
            // verb whose reported clause opens with he/she (an
            // organisation's would open with "it").
            let reports_self = self.says_he_or_she(e.span);
            if age
                || who
                || reports_self
                || role_after
                || titled
                || described
                || possessive
                || next_pronoun
                || given
                || inner_title
                || (self.first_person_quote_by(e.span) && self.speaks_alone(e.span))
            {
                marked.insert(key, true);
            }
        }
        for (i, e) in entities.iter().enumerate() {
            if marked.contains_key(e.key.as_str())
                && let Some(slot) = person.get_mut(i)
            {
                *slot = true;
            }
        }
        for i in 0..entities.len() {
            let target = self.alias.get(i).copied().unwrap_or(i);
            if target != i
                && person.get(target).copied().unwrap_or(false)
                && let Some(slot) = person.get_mut(i)
            {
                *slot = true;
            }
        }
        self.person = person;
        self.split_shared_surnames();
    }

    /// The gender of a full-name mention read where it stands: its given
    /// name on the name lists, else a gendered word right before it ("his
    /// mother, Giulia Roe", "Mrs Ann Roe").
    fn local_gender(&self, m: usize) -> Gender {
        let text = self.text;
        let Some(e) = self.entities.get(m) else {
            return Gender::Unknown;
        };
        match given_name_gender(&e.key) {
            Gender::Unknown => {}
            g => return g,
        }
        let lead = text.get(..e.span.start).unwrap_or("");
        let lead = lead.strip_suffix(", ").unwrap_or(lead);
        word_before(text, lead.len()).map_or(Gender::Unknown, |w| {
            gender_of_word(w.text(text).trim_end_matches('.'))
        })
    }

    /// The surname mention after mention `i` when `i` is a one-word name
    /// followed by a quoted nickname of one to three capitalised words and
    /// a one-word name (`Johan "The Hammer" Veldt`).
    fn nicknamed(&self, i: usize) -> Option<usize> {
        let text = self.text;
        let e = self.entities.get(i)?;
        if e.key.contains('-') {
            return None;
        }
        let rest = text.get(e.span.end..)?.strip_prefix(' ')?;
        let (open, close) = if rest.starts_with('"') {
            ('"', '"')
        } else if rest.starts_with('“') {
            ('“', '”')
        } else {
            return None;
        };
        let inner = rest.get(open.len_utf8()..)?;
        let end = inner.find(close)?;
        let nick = inner.get(..end)?;
        let count = nick.split_whitespace().count();
        if !(1..=3).contains(&count)
            || !nick
                .split_whitespace()
                .all(|w| w.starts_with(char::is_uppercase))
        {
            return None;
        }
        let after = inner.get(end + close.len_utf8()..)?.strip_prefix(' ')?;
        let at = text.len() - after.len();
        let j = (i + 1..self.entities.len().min(i + 5))
            .find(|&j| self.entities.get(j).is_some_and(|x| x.span.start == at))?;
        let surname = self.entities.get(j)?;
        (!surname.key.contains('-') && surname.kind != EntityKind::Place).then_some(j)
    }

    /// Is the name at `name` a person by what it reports of itself: the
    /// subject of a speech verb whose reported clause opens with he or she,
    /// in one of two shapes news keeps for people — the name with a "who"
    /// clause ("Tobias Wren, who runs a bakery, said he had …") or the name in
    /// apposition to a role before it ("Its owner, Ann Roe, said she …").
    /// A bare "Ashgrove Rovers said he would miss …" (a team speaking of a
    /// player) marks nobody. Reads only to the end of the name's sentence.
    fn says_he_or_she(&self, name: Span) -> bool {
        let text = self.text;
        let end = name.end;
        let stop = self
            .sentence_of(name.start)
            .and_then(|s| self.sentences.get(s))
            .map_or(end, |s| s.span.end)
            .min(end + MAX_APPOSITION_BYTES + 40);
        let Some(rest) = text.get(end..stop) else {
            return false;
        };
        let apposed = text
            .get(..name.start)
            .and_then(|t| t.strip_suffix(", "))
            .and_then(|t| word_before(text, t.len()))
            .is_some_and(|w| w.text(text).starts_with(char::is_lowercase));
        let rest = if let Some(clause) = rest.strip_prefix(", who ") {
            match clause.find(", ") {
                Some(comma) if comma <= MAX_APPOSITION_BYTES => &clause[comma + 2..],
                _ => return false,
            }
        } else if apposed && let Some(r) = rest.strip_prefix(", ") {
            r
        } else {
            return false;
        };
        let mut ws = rest
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty());
        if !ws.next().is_some_and(|w| contains(&SPEECH_VERBS, w)) {
            return false;
        }
        let mut next = ws.next();
        if next == Some("that") {
            next = ws.next();
        }
        matches!(next, Some("he" | "she"))
    }

    /// "Ndala's ambassador in Haverdam, Folake Adeyemi-Brandt, said", "His
    /// Kethrani counterpart, Hamid Al-Nouri, said": a name in apposition
    /// (closed by a comma) to a possessive's noun phrase that holds no
    /// organisation noun is a person (`its parent company, Marl Holdings,`
    /// is not).
    fn after_possessive_role(&self, name: Span) -> bool {
        let text = self.text;
        let Some(lead) = text.get(..name.start).and_then(|t| t.strip_suffix(", ")) else {
            return false;
        };
        if !text.get(name.end..).is_some_and(|r| r.starts_with(',')) {
            return false;
        }
        let from = lead
            .rfind([',', ';', '.', '"', '“', '”', '(', '\n'])
            .map_or(0, |i| i + 1);
        let phrase: Vec<&str> = lead.get(from..).unwrap_or("").split_whitespace().collect();
        if phrase.len() < 2 || phrase.len() > 6 {
            return false;
        }
        let possessive = phrase.iter().take(2).any(|w| {
            matches!(
                w.to_ascii_lowercase().as_str(),
                "his" | "her" | "their" | "its"
            ) || w.ends_with("'s")
                || w.ends_with("’s")
        });
        let owner = phrase
            .iter()
            .position(|w| {
                matches!(
                    w.to_ascii_lowercase().as_str(),
                    "his" | "her" | "their" | "its"
                ) || w.ends_with("'s")
                    || w.ends_with("’s")
            })
            .unwrap_or(0);
        let org = phrase.iter().skip(owner + 1).any(|w| {
            let w = base_word(w);
            contains(&ORG_NOUNS, w)
                || contains(&ORG_WORDS, w)
                || contains(&ORG_HELD_ROLES, w)
                || contains(&BUSINESS_NOUNS, w)
        });
        let last = phrase.last().copied().unwrap_or("");
        let plain = !text.get(name.start..name.end).unwrap_or("&").contains('&');
        possessive && plain && !org && !last.ends_with("'s") && !last.ends_with("’s")
    }

    /// Is `name` the whole subject of a speech verb: right before it
    /// ("Okafor said"), or right after it and closing the clause ("said
    /// Okafor.")? ("said Greyhaven Rovers coach Stefan Ilic" is not.)
    fn speaks_alone(&self, name: Span) -> bool {
        let text = self.text;
        let next = words(text, Span::new(name.end, text.len().min(name.end + 40))).next();
        let verb_after = next.is_some_and(|w| {
            contains(&SPEECH_VERBS, w.text(text))
                && text
                    .get(name.end..w.start)
                    .is_some_and(|g| g.trim().is_empty())
        });
        let verb_before = word_before(text, name.start).is_some_and(|w| {
            contains(&SPEECH_VERBS, w.text(text))
                && text
                    .get(w.end..name.start)
                    .is_some_and(|g| g.trim().is_empty())
        }) && text
            .get(name.end..)
            .is_some_and(|r| r.starts_with(['.', ',', ':']));
        verb_after || verb_before
    }

    /// Is a quote next to `written` (after it, or just before it, with at
    /// most a few words between) in the first person singular ("I", "my",
    /// "me")?
    fn first_person_quote_by(&self, written: Span) -> bool {
        let text = self.text;
        let i = self
            .quoted
            .partition_point(|(q, _)| q.start < written.start);
        let near = |(q, _): &&(Span, Span)| {
            if q.start < written.end && q.end > written.start {
                return false;
            }
            let gap = if q.start >= written.end {
                text.get(written.end..q.start)
            } else {
                text.get(q.end..written.start.max(q.end))
            };
            gap.is_some_and(|g| g.len() <= 24 && !g.contains(['.', '"', '“', '”']))
        };
        let singular = |(_, c): &&(Span, Span)| {
            c.text(text)
                .split(|ch: char| !ch.is_alphanumeric() && ch != '\'' && ch != '’')
                .any(|w| matches!(w, "I" | "my" | "My" | "me" | "I'm" | "I’m"))
        };
        [i.checked_sub(1), Some(i)]
            .into_iter()
            .flatten()
            .filter_map(|k| self.quoted.get(k))
            .any(|q| near(&q) && singular(&q))
    }

    /// The person named in apposition after a possessive's role words that
    /// end at byte `end` ("Sarvania's foreign minister, Dariusz
    /// Wojcik-Halas, told"): a comma within a few words, a person's name,
    /// a comma, a speech verb.
    fn apposed_to_owner(
        &self,
        end: usize,
        ws: &[Span],
        is_verb: &dyn Fn(&Span) -> bool,
    ) -> Option<usize> {
        let text = self.text;
        let rest = text.get(end..end.saturating_add(60).min(text.len()))?;
        let comma = rest.find(", ")?;
        let role = rest.get(..comma)?;
        if role.contains(['"', '“', '”', '.', ';'])
            || role.split_whitespace().count() > 5
            || role
                .split_whitespace()
                .any(|w| contains(&ORG_NOUNS, base_word(w)) || contains(&ORG_WORDS, w))
        {
            return None;
        }
        let at = end + comma + 2;
        let i = self.entities.partition_point(|e| e.span.start < at);
        let e = self.entities.get(i).filter(|e| e.span.start == at)?;
        if self.kind(i) != Some(EntityKind::Person) || !text.get(e.span.end..)?.starts_with(", ") {
            return None;
        }
        let verb = ws.iter().find(|w| w.start > e.span.end)?;
        let gap = text.get(e.span.end..verb.start)?;
        (is_verb(verb) && gap.trim_matches([',', ' ']).is_empty()).then_some(i)
    }

    /// "<Name>, whose …, said they had waited …. "…," they said": the
    /// latest person of the paragraph before byte `at`, when the text itself
    /// speaks of them as "they" (their own reported clause opens with it);
    /// a person the text gives no pronoun stays unresolved.
    fn singular_they(&self, at: usize) -> Option<usize> {
        let text = self.text;
        let here = self.paragraph_at(at);
        let end = self.mentions.partition_point(|m| m.at < at);
        let m = self
            .mentions
            .get(..end)?
            .iter()
            .rev()
            .take(MAX_MENTIONS_BACK)
            .take_while(|m| m.paragraph == here)
            .find(|m| self.kind(m.entity) == Some(EntityKind::Person))?;
        let name = self.entities.get(m.entity)?.span;
        let sentence = self.sentences.get(self.sentence_of(name.start)?)?;
        let rest = text.get(name.end..sentence.span.end.min(at).max(name.end))?;
        if rest.contains(['"', '“', '”']) {
            return None;
        }
        let ws: Vec<&str> = rest
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .take(30)
            .collect();
        let verb = ws.iter().position(|w| contains(&SPEECH_VERBS, w))?;
        let next = match ws.get(verb + 1) {
            Some(&"that") => ws.get(verb + 2),
            other => other,
        };
        (next == Some(&"they")).then_some(m.entity)
    }

    /// A surname two people of the article share ("Kevin Marsh" and "Leah
    /// Marsh"): each lone use of it stands for the one a title before it
    /// names ("Dr Voss" when only one was given as Dr), else the one whose
    /// full name came last, when that was in the last
    /// [`MAX_PARAGRAPHS_BACK`] paragraphs and the other's was not in the
    /// same sentence; otherwise for neither ([`Context::shared`] keeps both,
    /// and a speaker written so is unresolved).
    fn split_shared_surnames(&mut self) {
        let text = self.text;
        let entities = self.entities;
        // Per surname: the latest full-name mention of each person, in text order.
        let mut latest: HashMap<&str, Vec<usize>> = HashMap::default();
        for (i, e) in entities.iter().enumerate() {
            if !self.person.get(i).copied().unwrap_or(false) {
                continue;
            }
            let key = e.key.as_str();
            let written = base_word(e.span.text(text).trim());
            // A given name whose key took the family name ("Ray" of "Ray
            // and Sandra Pugh", keyed `ray-pugh`) is a full name too.
            let given_only = key
                .split_once('-')
                .is_some_and(|(first, _)| first.eq_ignore_ascii_case(written));
            if written.contains(char::is_whitespace) || given_only {
                if let Some(last) = key.rsplit('-').next().filter(|_| key.contains('-')) {
                    let list = latest.entry(last).or_default();
                    list.retain(|&m| entities.get(m).is_none_or(|x| x.key != e.key));
                    list.push(i);
                    // Bounded, so the stage stays linear on any input.
                    if list.len() > MAX_SHARED_SURNAME {
                        list.remove(0);
                    }
                }
                continue;
            }
            let lone = written.to_lowercase();
            let Some(list) = latest.get(lone.as_str()).filter(|l| l.len() >= 2) else {
                continue;
            };
            let title = word_before(text, e.span.start)
                .map(|w| w.text(text).trim_end_matches('.').to_ascii_lowercase())
                .filter(|t| contains(&HONORIFICS, t) || contains(&ROLE_WORDS, t));
            let titled: Vec<usize> = match &title {
                Some(t) => list
                    .iter()
                    .copied()
                    .filter(|&m| {
                        self.carries_role(m, t)
                            || match gender_of_word(t) {
                                Gender::Unknown => false,
                                g => self.local_gender(m) == g,
                            }
                    })
                    .collect(),
                None => Vec::new(),
            };
            let here = self.paragraph_at(e.span.start);
            // Among those the title fits ("Mr" → the men), else all.
            let pool: &[usize] = if titled.is_empty() { list } else { &titled };
            let chosen = if let [one] = pool {
                Some(*one)
            } else {
                pool.last().copied().filter(|&last| {
                    let at = entities.get(last).map_or(0, |x| x.span.start);
                    let sentence = self.sentence_of(at);
                    self.paragraph_at(at) + MAX_PARAGRAPHS_BACK >= here
                        && pool.iter().rev().skip(1).all(|&other| {
                            entities.get(other).map(|x| self.sentence_of(x.span.start))
                                != Some(sentence)
                        })
                })
            };
            let candidates = list.clone();
            match chosen {
                Some(full) => {
                    if let Some(slot) = self.alias.get_mut(i) {
                        *slot = full;
                    }
                }
                None => {
                    if let Some(slot) = self.alias.get_mut(i) {
                        *slot = i;
                    }
                    self.shared.insert(i, candidates);
                }
            }
        }
    }

    fn key(&self, entity: usize) -> &'a str {
        let entity = self.alias.get(entity).copied().unwrap_or(entity);
        self.entities.get(entity).map_or("", |e| e.key.as_str())
    }

    /// The mention a resolved speaker is given as: a lone surname stands
    /// for the full name.
    fn canonical(&self, entity: usize) -> usize {
        self.alias.get(entity).copied().unwrap_or(entity)
    }

    fn is_speaker_kind(kind: EntityKind) -> bool {
        matches!(
            kind,
            EntityKind::Person | EntityKind::Organisation | EntityKind::Group
        )
    }

    /// The outermost quotes, in text order ([`Context::quoted`]).
    fn collect_quoted(&mut self, quotes: &[Quote]) {
        for q in quotes {
            if self
                .quoted
                .last()
                .is_some_and(|(_, l)| l.contains(q.content))
            {
                continue;
            }
            self.quoted.push((q.span, q.content));
        }
    }

    fn collect_mentions(&mut self) {
        // Direct quote contents, outermost only, in text order.
        let inside: Vec<Span> = self.quoted.iter().map(|(_, c)| *c).collect();
        let mut k = 0;
        for (index, e) in self.entities.iter().enumerate() {
            if !Self::is_speaker_kind(e.kind) {
                continue;
            }
            while inside.get(k).is_some_and(|s| s.end <= e.span.start) {
                k += 1;
            }
            if inside.get(k).is_some_and(|s| s.contains(e.span)) {
                continue;
            }
            self.mentions.push(Mention {
                entity: index,
                at: e.span.start,
                paragraph: self.paragraph_at(e.span.start),
            });
        }
    }

    /// Gender per person key, from titles, gendered words in apposition and
    /// paragraphs naming one person with one set of pronouns.
    fn collect_genders(&mut self, quotes: &[Quote]) {
        let text = self.text;
        let mut genders: HashMap<&'a str, Gender> = HashMap::default();
        let mut ages: HashMap<&'a str, &'a str> = HashMap::default();
        let mut set = |key: &'a str, g: Gender| {
            if g != Gender::Unknown {
                genders.entry(key).or_insert(g);
            }
        };
        for m in &self.mentions {
            let Some(e) = self.entities.get(m.entity) else {
                continue;
            };
            if self.kind(m.entity) != Some(EntityKind::Person) {
                continue;
            }
            let key = self.key(m.entity);
            if let Some(w) = word_before(text, e.span.start) {
                set(key, gender_of_word(w.text(text)));
            }
            // "Pollard's wife, Maureen,".
            if let Some(w) = text
                .get(..e.span.start)
                .and_then(|t| t.strip_suffix(", "))
                .and_then(|t| word_before(text, t.len()))
                .filter(|w| w.text(text).starts_with(char::is_lowercase))
            {
                set(key, gender_of_word(w.text(text)));
            }
            // ", a mother of two," / ", the club's spokeswoman,".
            let after = text.get(e.span.end..).unwrap_or("");
            if let Some(rest) = after.strip_prefix(", ") {
                let digits =
                    rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
                if (1..=3).contains(&digits)
                    && rest.get(digits..).is_some_and(|t| t.starts_with(','))
                    && let Some(n) = rest.get(..digits)
                {
                    ages.entry(key).or_insert(n);
                }
                // After a possessive, a gendered word is someone else's:
                // ", whose son is serving a sentence," says nothing of her;
                // ", who lost his wife," says "his" and no more.
                let clause = rest.split([',', '.', ';']).next().unwrap_or("");
                for w in clause.split_whitespace().take(5) {
                    let w = base_word(w);
                    if w == "whose" {
                        break;
                    }
                    set(key, gender_of_word(w));
                    if matches!(w, "his" | "her" | "their" | "its") {
                        break;
                    }
                }
            }
        }
        // Paragraphs naming exactly one person: their he/she, outside quotes.
        let mut inside: Vec<Span> = quotes
            .iter()
            .filter(|q| q.kind == QuoteKind::Direct)
            .map(|q| q.span)
            .collect();
        inside.dedup_by(|b, a| a.contains(*b));
        let mut m = 0;
        let mut q = 0;
        let mut s = 0;
        while s < self.sentences.len() {
            let paragraph = self.paragraph_of.get(s).copied().unwrap_or(0);
            let mut end = s;
            while self.paragraph_of.get(end) == Some(&paragraph) {
                end += 1;
            }
            let (Some(first), Some(last)) = (self.sentences.get(s), self.sentences.get(end - 1))
            else {
                break;
            };
            let span = Span::new(first.span.start, last.span.end);
            let mut person: Option<&'a str> = None;
            let mut several = false;
            let mut named: Vec<Span> = Vec::new();
            while let Some(mention) = self.mentions.get(m) {
                if mention.at >= span.end {
                    break;
                }
                m += 1;
                if self.kind(mention.entity) == Some(EntityKind::Person) {
                    let key = self.key(mention.entity);
                    match person {
                        Some(p) if p != key => several = true,
                        _ => person = Some(key),
                    }
                    if let Some(e) = self.entities.get(mention.entity)
                        && named.len() < 16
                    {
                        named.push(e.span);
                    }
                }
            }
            // Not the person's own: "His challenger, <Name>," (a possessive
            // opening a role in apposition to the name is its owner's), and
            // "him" in a sentence naming the person ("<Name> accused him":
            // the person would be "himself").
            let someone_elses = |w: Span| match w.text(text) {
                "his" | "His" | "her" | "Her" => named.iter().any(|n| {
                    n.start > w.end
                        && text.get(w.end..n.start).is_some_and(|g| {
                            g.len() <= 40
                                && g.ends_with(", ")
                                && g.matches(',').count() == 1
                                && !g.contains(['.', '"', '“', '”'])
                        })
                }),
                "him" => named
                    .iter()
                    .any(|n| self.sentence_of(n.start) == self.sentence_of(w.start)),
                _ => false,
            };
            if let (Some(key), false) = (person, several) {
                let (mut male, mut female) = (false, false);
                for w in words(text, span) {
                    while inside.get(q).is_some_and(|x| x.end <= w.start) {
                        q += 1;
                    }
                    if inside.get(q).is_some_and(|x| x.start <= w.start) || someone_elses(w) {
                        continue;
                    }
                    match w.text(text) {
                        "he" | "He" | "his" | "His" | "him" => male = true,
                        "she" | "She" | "her" | "Her" => female = true,
                        _ => {}
                    }
                }
                if male != female {
                    set(key, if male { Gender::Male } else { Gender::Female });
                }
            }
            s = end;
        }
        self.genders = genders;
        self.ages = ages;
    }

    /// A person's gender: from the text ([`Context::collect_genders`]),
    /// else from the given-name lists when the name is clearly one sex's
    /// (a name of either sex, or none known, stays unknown).
    fn gender(&self, entity: usize) -> Gender {
        let key = self.key(entity);
        if let Some(&g) = self.genders.get(key) {
            return g;
        }
        given_name_gender(key)
    }

    fn push_event(&self, events: &mut Vec<Event>, entity: usize, at: usize) {
        let sentence = self.sentence_of(at).unwrap_or(0);
        events.push(Event {
            entity,
            at,
            paragraph: self.paragraph_of.get(sentence).copied().unwrap_or(0),
        });
    }

    /// The speaker-kind mentions inside `span`: the first person, else the
    /// first organisation or group.
    fn named_in(&self, span: Span) -> Option<usize> {
        let from = self.entities.partition_point(|e| e.span.start < span.start);
        let inside = self
            .entities
            .get(from..)
            .unwrap_or(&[])
            .iter()
            .enumerate()
            .take_while(|(_, e)| e.span.start < span.end)
            .filter(|(_, e)| span.contains(e.span) && Self::is_speaker_kind(e.kind));
        let mut first = None;
        for (i, _) in inside {
            if self.kind(from + i) == Some(EntityKind::Person) {
                return Some(from + i);
            }
            // "Veltrin's Justice Ministry": the owner names whose the
            // organisation is; the organisation speaks.
            if first.is_none() && self.owns_next(from + i).is_some_and(|n| span.contains(n)) {
                continue;
            }
            first = first.or(Some(from + i));
        }
        first
    }

    /// The name written right after entity `owner`'s possessive
    /// (`Veltrin's Justice Ministry`, `Kestovia's Energy Agency`): news
    /// names a country's or a company's body so, and the body is the one
    /// meant. Gives its span.
    fn owns_next(&self, owner: usize) -> Option<Span> {
        let o = self.entities.get(owner)?;
        let next = self.entities.get(owner + 1)?;
        let gap = self.text.get(o.span.end..next.span.start)?;
        (matches!(gap, "'s " | "’s ") && Self::is_speaker_kind(next.kind)).then_some(next.span)
    }

    /// Resolves a speaker as written, at byte `at` (its cue).
    fn resolve_written(
        &self,
        written: Span,
        at: usize,
        events: &[Event],
        exclude: Option<&str>,
    ) -> Speaker {
        let text = self.text;
        let mut speaker = Speaker::none(Some(written));
        // "said council leader Ann Roe", "said Brightwell's finance
        // director, Ann Roe": the name after the role words written.
        if let Some((entity, role)) = self.name_after(written) {
            speaker.entity = Some(entity);
            speaker.resolution = Resolution::NamedInSentence;
            speaker.role = Some(role);
            return speaker;
        }
        // "a spokeswoman for Quill's department" speaks for the
        // department, not for Quill.
        let spokes_for_owner = |entity: usize| {
            self.possessive(entity)
                && words(text, written).any(|w| contains(&SPOKES_NOUNS, w.text(text)))
        };
        // "the Democrat said" after "<Name>, a Democrat from …": "the" and
        // one capitalised word the entity stage took for a name is a
        // descriptor (a party, a nationality) when the text gave it to a
        // person before, as "the judge" is for "Judge <Name>" (a person's
        // name takes no article).
        let ws2: Vec<Span> = words(text, written).collect();
        if let [the, word] = ws2.as_slice()
            && matches!(the.text(text), "the" | "The")
            && word.text(text).starts_with(char::is_uppercase)
            && let Some(entity) = self.named_in(written)
            && self.kind(entity) != Some(EntityKind::Person)
            && !self.key(entity).contains('-')
        {
            self.person_back(
                at,
                Wanted {
                    gender: Gender::Unknown,
                    role: Some(word.text(text)),
                    exclude: None,
                },
                events,
                Resolution::Role,
                &mut speaker,
            );
            // "the Dane said", written once and never named otherwise: a
            // nationality or party noun for the person in view (an
            // organisation is named before news calls it "the …").
            let once = self
                .entities
                .iter()
                .skip(entity.saturating_sub(MAX_MENTIONS_BACK * 4))
                .take(MAX_MENTIONS_BACK * 8)
                .filter(|e| e.key == self.key(entity))
                .count()
                == 1
                && !contains(&KNOWN_ORGS, word.text(text));
            if speaker
                .entity
                .is_some_and(|e| once || self.carries_role(e, word.text(text)))
            {
                speaker.role = Some(*word);
                return speaker;
            }
            speaker = Speaker::none(Some(written));
        }
        if let Some(entity) = self.named_in(written).filter(|&e| !spokes_for_owner(e)) {
            // "the Brightwell boss": a person's role, by the organisation's
            // name; the person who carries it, else the organisation.
            if self.kind(entity) != Some(EntityKind::Person)
                && let Some(found) = self.org_role(written, at, events)
            {
                return found;
            }
            if let Some(both) = self.shared.get(&entity) {
                speaker.resolution = Resolution::Unresolved;
                speaker.candidates = both.clone();
                return speaker;
            }
            speaker.entity = Some(entity);
            speaker.resolution = Resolution::NamedInSentence;
            speaker.role = self.role_of(written, entity);
            return speaker;
        }
        let lower = written.text(text).trim().to_ascii_lowercase();
        let all: Vec<Span> = words(text, written).collect();
        let head = all.last().map_or("", |w| base_word(w.text(text)));
        match lower.as_str() {
            "he" | "she" => {
                let gender = if lower == "he" {
                    Gender::Male
                } else {
                    Gender::Female
                };
                // "A council spokeswoman said …. "…," she said": the
                // spokeswoman, for her organisation.
                if let Some(nominal) = self.spokes_subject(written, at, gender) {
                    let mut found = self.resolve_written(nominal, at, events, None);
                    if found.entity.is_some() {
                        found.written = Some(written);
                        return found;
                    }
                }
                // "Ms MacLeod, she said, had been "…"": the name before a
                // parenthetical "she said" is the reported clause's subject,
                // not the speaker.
                let exclude = exclude.or_else(|| self.parenthetical_subject(written));
                self.person_back(
                    at,
                    Wanted {
                        gender,
                        role: None,
                        exclude,
                    },
                    events,
                    Resolution::Pronoun,
                    &mut speaker,
                );
                return speaker;
            }
            "it" | "they" => {
                if lower == "they"
                    && let Some(person) = self.singular_they(at)
                {
                    speaker.entity = Some(person);
                    speaker.resolution = Resolution::Pronoun;
                    return speaker;
                }
                speaker.entity = self.org_back(at, None, events);
                if speaker.entity.is_some() {
                    speaker.resolution = Resolution::Nominal;
                }
                return speaker;
            }
            _ => {}
        }
        // A name the entity stage did not take ("de Wolf"): the person
        // named before whose name ends with it.
        if let Some(entity) = self.surname_back(written, at) {
            speaker.entity = Some(entity);
            speaker.resolution = Resolution::NamedInSentence;
            return speaker;
        }
        // Named further on in the clause: "a barber who gave only his first name, Tomas".
        if let Some(entity) = self.apposed_person(written) {
            speaker.entity = Some(entity);
            speaker.resolution = Resolution::Apposition;
            return speaker;
        }
        if contains(&SPOKES_NOUNS, head)
            || all.iter().any(|w| contains(&SPOKES_NOUNS, w.text(text)))
        {
            // "a union spokesman", "a spokeswoman for the club".
            let noun = all
                .iter()
                .find(|w| contains(&SPOKES_NOUNS, w.text(text)))
                .copied();
            speaker.role = noun;
            if let Some((org, _)) = self.relative_org(written.end) {
                speaker.entity = Some(org);
                speaker.resolution = Resolution::Nominal;
                return speaker;
            }
            let hint = all
                .iter()
                .map(|w| base_word(w.text(text)))
                .find(|w| contains(&ORG_NOUNS, w))
                .or_else(|| {
                    all.iter()
                        .map(|w| base_word(w.text(text)))
                        .find(|w| !matches!(*w, "a" | "an" | "the" | "its" | "their"))
                        .filter(|w| !contains(&SPOKES_NOUNS, w))
                });
            speaker.entity = self.org_back(at, hint, events);
            if speaker.entity.is_some() {
                speaker.resolution = Resolution::Nominal;
            }
            return speaker;
        }
        if contains(&ORG_NOUNS, head) {
            speaker.entity = self.org_back(at, Some(head), events);
            if speaker.entity.is_some() {
                speaker.resolution = Resolution::Nominal;
            }
            return speaker;
        }
        // "the judge", "the 40-year-old", "the woman"; "the mother of
        // three" is headed by the noun before "of".
        let (head, all) = match all.iter().position(|w| w.text(text) == "of") {
            Some(i) if i >= 2 => (
                all.get(i - 1).map_or(head, |w| base_word(w.text(text))),
                all.get(..i).unwrap_or(&all).to_vec(),
            ),
            _ => (head, all),
        };
        let determined = all
            .first()
            .is_some_and(|w| matches!(w.text(text), "the" | "The"));
        // A title used as a role noun: "the bishop", "the senator".
        let person_noun = head.ends_with("-year-old")
            || contains(&ROLE_WORDS, head)
            || (contains(&HONORIFICS, head) && head.len() > 3)
            || contains(&PERSON_NOUNS, head)
            || gender_of_word(head) != Gender::Unknown;
        // "the Portuguese national said: "I have fished …"": a nominal whose
        // head is no organisation's, with a quote in the first person
        // singular next to it, is a person, read like a role noun.
        let personal = !person_noun
            && head.starts_with(char::is_lowercase)
            && !contains(&ORG_NOUNS, head)
            && !contains(&BUSINESS_NOUNS, head)
            && !contains(&SPOKES_NOUNS, head)
            && !contains(&STOP_WORDS, head)
            && self.first_person_quote_by(written);
        if determined && all.len() <= 3 && (person_noun || personal) {
            let gender = gender_of_word(head);
            self.person_back(
                at,
                Wanted {
                    gender,
                    role: Some(head),
                    exclude: None,
                },
                events,
                Resolution::Role,
                &mut speaker,
            );
            if speaker.entity.is_some() {
                speaker.role = all
                    .get(1..)
                    .and_then(|r| Some(Span::new(r.first()?.start, r.last()?.end)));
            }
        }
        speaker
    }

    /// "the Brightwell boss said": a written speaker opening with "the" and
    /// ending in a person's role noun (not a spokesperson) after an
    /// organisation's name, resolved as that role noun alone.
    fn org_role(&self, written: Span, at: usize, events: &[Event]) -> Option<Speaker> {
        let text = self.text;
        let all: Vec<Span> = words(text, written).collect();
        let head = base_word(all.last()?.text(text));
        let opens = all
            .first()
            .is_some_and(|w| matches!(w.text(text), "the" | "The"));
        let role = (contains(&ROLE_WORDS, head) || contains(&PERSON_NOUNS, head))
            && !contains(&SPOKES_NOUNS, head)
            && head.starts_with(char::is_lowercase);
        if !(opens && role && all.len() <= 4) {
            return None;
        }
        let mut speaker = Speaker::none(Some(written));
        self.person_back(
            at,
            Wanted {
                gender: gender_of_word(head),
                role: Some(head),
                exclude: None,
            },
            events,
            Resolution::Role,
            &mut speaker,
        );
        speaker.entity.is_some().then(|| {
            speaker.role = all.last().copied();
            speaker
        })
    }

    /// A person named right after role words written as the speaker (the
    /// quote stage stopped before the name): "council" in "said council
    /// leader Ann Roe", "Brightwell's" in "said Brightwell's finance
    /// director, Ann Roe". The words between are lowercase, hold a role
    /// or person noun, and only a comma may stand before the name. Gives
    /// the person and the role words.
    fn name_after(&self, written: Span) -> Option<(usize, Span)> {
        let text = self.text;
        let raw = written.text(text).trim_end();
        let possessive = raw.ends_with("'s") || raw.ends_with("’s");
        let lower = words(text, written).all(|w| {
            let t = w.text(text);
            t.starts_with(char::is_lowercase) && !matches!(t, "he" | "she" | "it" | "they")
        });
        if !(possessive || lower) {
            return None;
        }
        let sentence = self.sentences.get(self.sentence_of(written.start)?)?;
        let limit = sentence.span.end.min(written.end + MAX_APPOSITION_BYTES);
        let (mut role_start, mut role_end) = (None, written.end);
        let mut role_seen = false;
        let mut prev = written.end;
        for w in words(text, Span::new(written.end, limit.max(written.end))).take(6) {
            let gap = text.get(prev..w.start)?.trim();
            let i = self.entities.partition_point(|e| e.span.start < w.start);
            if let Some(e) = self.entities.get(i).filter(|e| e.span.start == w.start) {
                let person = self.kind(i) == Some(EntityKind::Person);
                return (person && role_seen && (gap.is_empty() || gap == ","))
                    .then(|| (i, Span::new(role_start.unwrap_or(e.span.start), role_end)));
            }
            let t = w.text(text);
            if !gap.is_empty()
                || !t.starts_with(char::is_lowercase)
                || contains(&STOP_WORDS, t)
                || contains(&SPEECH_VERBS, t)
            {
                return None;
            }
            let b = base_word(t);
            role_seen |= contains(&ROLE_WORDS, b) || contains(&PERSON_NOUNS, b);
            role_start = role_start.or(Some(w.start));
            role_end = w.end;
            prev = w.end;
        }
        None
    }

    /// A nominal spokesperson that a he/she at byte `at` stands for: the
    /// subject of the sentence before, in the same paragraph, when the
    /// pronoun's quote opens its sentence ("A council spokeswoman said the
    /// report was late. "…," she said.") or the pronoun does. Gives the
    /// nominal ("A council spokeswoman").
    fn spokes_subject(&self, written: Span, at: usize, gender: Gender) -> Option<Span> {
        let text = self.text;
        let anchor = self.quote_before_cue(at);
        let s = self.sentence_of(anchor)?;
        let sentence = self.sentences.get(s)?;
        let lead = text.get(sentence.span.start..anchor)?.trim_start();
        let opens = (anchor != at && lead.is_empty())
            || lead.starts_with(['"', '“', '\'', '‘'])
            || text
                .get(sentence.span.start..written.start)
                .is_some_and(|l| l.trim().is_empty());
        let prev = s.checked_sub(1)?;
        if !opens || self.paragraph_of.get(prev) != self.paragraph_of.get(s) {
            return None;
        }
        let before = self.sentences.get(prev)?;
        let mut ws: Vec<Span> = words(text, before.span).take(9).collect();
        let verb = match ws
            .iter()
            .position(|w| contains(&SPEECH_VERBS, w.text(text)))
        {
            Some(verb) => verb,
            // "A spokeswoman for the inquiry, which is run by <Org>, said
            // …": the subject before a relative clause.
            None => {
                let clause = self.clause_before_verb(before.span)?;
                ws = words(text, Span::new(before.span.start, clause))
                    .take(9)
                    .collect();
                ws.len()
            }
        };
        let subject = ws.get(..verb)?;
        let noun = subject.iter().find_map(|w| {
            let t = w.text(text).to_ascii_lowercase();
            (contains(&SPOKES_NOUNS, &t) && t != "statement").then_some(t)
        })?;
        let fits = match gender_of_word(&noun) {
            Gender::Unknown => true,
            g => g == gender,
        };
        let span = Span::new(subject.first()?.start, subject.last()?.end);
        let named = self
            .named_in(span)
            .is_some_and(|e| self.kind(e) == Some(EntityKind::Person) && !self.possessive(e));
        (fits && !named).then_some(span)
    }

    /// The role words of a named speaker: the words before the name inside
    /// the written span ("chief executive", "spokeswoman"), or an apposition
    /// after it ("Dana Whitfield, chief executive of Northgate Bank,").
    fn role_of(&self, written: Span, entity: usize) -> Option<Span> {
        let text = self.text;
        let name = self.entities.get(entity)?.span;
        let before: Vec<Span> = words(text, Span::new(written.start, name.start))
            .filter(|w| {
                let t = w.text(text);
                !matches!(t, "a" | "an" | "the" | "The" | "A" | "An")
                    && !t.starts_with(char::is_uppercase)
            })
            .collect();
        if let (Some(first), Some(last)) = (before.first(), before.last()) {
            return Some(Span::new(first.start, last.end));
        }
        // "a Northgate spokeswoman": the words after the name in the span.
        let inside: Vec<Span> = words(text, Span::new(name.end, written.end.max(name.end)))
            .filter(|w| w.text(text).starts_with(char::is_lowercase))
            .collect();
        if let (Some(first), Some(last)) = (inside.first(), inside.last())
            && !text
                .get(name.end..first.start)
                .is_some_and(|g| g.contains(','))
        {
            return Some(Span::new(first.start, last.end));
        }
        let inner = text.get(name.end..written.end.max(name.end))?;
        let from = if inner.trim().is_empty() {
            written.end.max(name.end)
        } else {
            name.end
        };
        let rest = text.get(from..)?.strip_prefix(',')?;
        let skipped = rest.len() - rest.trim_start().len();
        let rest = rest.trim_start();
        let len = rest
            .find([',', '.', ';', '"', '“', '”', '—', '('])
            .unwrap_or(rest.len());
        let phrase = rest.get(..len)?.trim_end();
        let first = phrase.split_whitespace().next()?;
        let numeric = first.starts_with(|c: char| c.is_ascii_digit());
        if numeric
            || phrase.len() > 70
            || matches!(
                first,
                "who" | "which" | "said" | "told" | "added" | "when" | "as" | "on" | "in" | "at"
            )
        {
            return None;
        }
        let start = from + 1 + skipped;
        Some(Span::new(start, start + phrase.len()))
    }

    /// A written speaker that is a name no entity covers ("de Wolf",
    /// "Van der Berg"): the person mentioned before `at` (bounded) whose
    /// key is it or ends with it.
    fn surname_back(&self, written: Span, at: usize) -> Option<usize> {
        let text = self.text;
        let ws: Vec<&str> = words(text, written).map(|w| w.text(text)).collect();
        let capital = |w: &str| w.starts_with(char::is_uppercase);
        let namelike = !ws.is_empty()
            && ws.len() <= 4
            && ws.iter().any(|w| capital(w))
            && ws.iter().all(|w| capital(w) || NAME_PARTICLES.has_exact(w))
            && !ws.iter().any(|w| contains(&STOP_WORDS, w));
        if !namelike {
            return None;
        }
        let key = ws.join("-").to_lowercase();
        let end = self.mentions.partition_point(|m| m.at < at);
        self.mentions
            .get(..end)?
            .iter()
            .rev()
            .take(MAX_MENTIONS_BACK * 2)
            .find(|m| {
                let k = self.key(m.entity);
                self.kind(m.entity) == Some(EntityKind::Person)
                    && (k == key
                        || k.strip_suffix(key.as_str())
                            .is_some_and(|head| head.ends_with('-')))
            })
            .map(|m| m.entity)
    }

    /// The key of the person named right before a parenthetical pronoun
    /// and speech verb ("Ms MacLeod, she said, had been …").
    fn parenthetical_subject(&self, pronoun: Span) -> Option<&'a str> {
        let text = self.text;
        let lead = text.get(..pronoun.start)?.strip_suffix(", ")?;
        let rest = text.get(pronoun.end..)?;
        let verb = rest.strip_prefix(' ')?.split([',', ' ']).next()?;
        if !contains(&SPEECH_VERBS, verb) || !rest.get(1 + verb.len()..)?.starts_with(',') {
            return None;
        }
        let i = self.entities.partition_point(|e| e.span.end < lead.len());
        self.entities.get(i).filter(|e| e.span.end == lead.len())?;
        (self.kind(i) == Some(EntityKind::Person)).then(|| self.key(i))
    }

    /// A nominal speaker named in apposition after it, in its sentence.
    fn apposed_person(&self, written: Span) -> Option<usize> {
        let text = self.text;
        let sentence = self.sentences.get(self.sentence_of(written.start)?)?;
        let limit = sentence.span.end.min(written.end + MAX_APPOSITION_BYTES);
        let between_ok = |e: &Entity| {
            text.get(written.end..e.span.start)
                .is_some_and(|gap| gap.contains(',') && !gap.contains(['"', '“', '”', ';']))
        };
        let from = self
            .entities
            .partition_point(|e| e.span.start < written.end);
        let (i, e) = self
            .entities
            .get(from..)?
            .iter()
            .enumerate()
            .take_while(|(_, e)| e.span.start < limit)
            .find(|(_, e)| Self::is_speaker_kind(e.kind))?;
        let lead = written.text(text).trim_start();
        let right_after = text
            .get(written.end..e.span.start)
            .is_some_and(|gap| gap.trim() == ",");
        let nominal_person = lead.starts_with("a ") || lead.starts_with("an ") || right_after;
        (self.kind(from + i) == Some(EntityKind::Person) && nominal_person && between_ok(e))
            .then_some(from + i)
    }

    /// Does mention `entity` carry the role word `role` (a title before it,
    /// or the word or age in the clause after it)?
    /// A lede that introduces its speaker by a role noun with an
    /// indefinite article and names them later ("A coroner has criticised
    /// a hospital for "missed chances" …" … "Senior coroner Helen Achebe
    /// told the inquest …"): a quote in the article's first paragraph,
    /// whose sentence opens with `A`/`An` and a role noun (within its first
    /// three words, before the quote, no other speaker written), goes to
    /// the first person after it, within [`LEDE_ROLE_PARAGRAPHS`]
    /// paragraphs, who carries that role.
    fn lede_role(&self, quote: &Quote) -> Option<Speaker> {
        let text = self.text;
        let first = self.sentences.first()?;
        let s = self.sentence_of(quote.span.start)?;
        let sentence = self.sentences.get(s)?;
        let lede = self.paragraph_at(first.span.start);
        if self.paragraph_at(quote.span.start) != lede {
            return None;
        }
        let mut ws = words(text, Span::new(sentence.span.start, quote.span.start));
        let article = ws.next()?;
        if !matches!(article.text(text), "A" | "An") {
            return None;
        }
        let role = ws.take(2).find(|w| {
            let t = w.text(text);
            t.bytes().all(|b| b.is_ascii_lowercase())
                && (contains(&PERSON_NOUNS, t) || contains(&ROLE_WORDS, t))
        })?;
        if quote
            .speaker
            .is_some_and(|w| w.start != article.start || w.end < role.end)
        {
            return None;
        }
        let from = self.mentions.partition_point(|m| m.at < quote.span.end);
        let found = self
            .mentions
            .get(from..)
            .unwrap_or(&[])
            .iter()
            .take(MAX_MENTIONS_BACK)
            .take_while(|m| m.paragraph <= lede + LEDE_ROLE_PARAGRAPHS)
            .find(|m| {
                self.kind(m.entity) == Some(EntityKind::Person)
                    && self.carries_role(m.entity, role.text(text))
            })?;
        let mut speaker = Speaker::resolved(found.entity, Resolution::Role);
        speaker.written = quote.speaker;
        speaker.role = Some(role);
        Some(speaker)
    }

    fn carries_role(&self, entity: usize, role: &str) -> bool {
        let text = self.text;
        let Some(e) = self.entities.get(entity) else {
            return false;
        };
        let age = role
            .strip_suffix("-year-old")
            .filter(|n| n.bytes().all(|b| b.is_ascii_digit()) && !n.is_empty());
        let before = text
            .get(e.span.start.saturating_sub(40)..e.span.start)
            .or_else(|| text.get(..e.span.start))
            .unwrap_or("");
        let after = text.get(e.span.end..).unwrap_or("");
        let after = after.get(..after.len().min(60)).unwrap_or("");
        let after = after.split(['.', ';']).next().unwrap_or("");
        // "The Otters' captain, Ann Roe": the role after a possessive is
        // the one the owner has, not the owner's.
        let owner = after.starts_with(['\'', '’']);
        if let Some(n) = age {
            let apposed = after.strip_prefix(", ").is_some_and(|r| {
                r.starts_with(n) && r.get(n.len()..).is_some_and(|t| t.starts_with(','))
            });
            return apposed || before.trim_end().ends_with(role);
        }
        let word_in = |hay: &str| {
            hay.split(|c: char| !c.is_alphanumeric() && c != '-')
                .any(|w| w.eq_ignore_ascii_case(role))
        };
        // "met his Kestovian counterpart, Radek Moravec": news names the
        // second of two officials of one rank by the word "counterpart",
        // who holds the same post, so carries the role noun too (and two
        // who carry it are told apart as for a pronoun).
        let counterpart = before
            .trim_end_matches(", ")
            .split_whitespace()
            .next_back()
            .is_some_and(|w| w.eq_ignore_ascii_case("counterpart"));
        if counterpart {
            return true;
        }
        // "a porter who gave his name only as Ned", "a nurse named Ida":
        // the role noun earlier in the clause that ends with the name.
        let clause = before
            .rsplit(['.', ';', '"', '“', '”'])
            .next()
            .unwrap_or("")
            .trim_end();
        let introduced =
            clause.ends_with(" as") || clause.ends_with(" named") || clause.ends_with(" called");
        if introduced
            && clause
                .rsplit(',')
                .next()
                .is_some_and(|c| c.split_whitespace().any(|w| w.eq_ignore_ascii_case(role)))
        {
            return true;
        }
        // The title run right before the name: "Detective Sergeant Ann
        // Roe" carries "detective" and "sergeant".
        // "the top seed, Lena Vasquez": the role in apposition before.
        let apposed_before = before
            .strip_suffix(", ")
            .and_then(|b| b.split_whitespace().next_back())
            .is_some_and(|w| w.eq_ignore_ascii_case(role))
            && !before.trim_end_matches(", ").ends_with(['\'', '’']);
        if apposed_before {
            return true;
        }
        let run = before
            .split_whitespace()
            .rev()
            .take(3)
            .take_while(|w| w.chars().all(|c| c.is_alphanumeric() || c == '-'))
            .enumerate()
            .take_while(|(i, w)| *i == 0 || w.starts_with(char::is_uppercase))
            .any(|(_, w)| word_in(w));
        run || !owner
            && word_in(
                after
                    .split(',')
                    .take(2)
                    .collect::<Vec<_>>()
                    .join(",")
                    .as_str(),
            )
    }

    /// A person for a pronoun or role noun at byte `at`.
    fn person_back(
        &self,
        at: usize,
        want: Wanted<'_>,
        events: &[Event],
        rule: Resolution,
        out: &mut Speaker,
    ) {
        let Wanted {
            gender,
            role,
            exclude,
        } = want;
        let text = self.text;
        let here = self.paragraph_at(at);
        let end = self.mentions.partition_point(|m| m.at < at);
        // "the 19-year-old" is not the person the text says is 28.
        let age = role.and_then(|r| r.strip_suffix("-year-old"));
        let compatible = |entity: usize| {
            self.kind(entity) == Some(EntityKind::Person)
                && exclude != Some(self.key(entity))
                && age.is_none_or(|n| self.ages.get(self.key(entity)).is_none_or(|a| *a == n))
                && (gender == Gender::Unknown
                    || matches!(self.gender(entity), Gender::Unknown)
                    || self.gender(entity) == gender)
        };
        // A role word: the person whose mention carries it.
        if let Some(role) = role {
            let mut found: Option<usize> = None;
            let mut clash = false;
            for m in self
                .mentions
                .get(..end)
                .unwrap_or(&[])
                .iter()
                .rev()
                .take(MAX_MENTIONS_BACK * 2)
            {
                if compatible(m.entity) && self.carries_role(m.entity, role) {
                    match found {
                        Some(f) if self.key(f) != self.key(m.entity) => clash = true,
                        None => found = Some(m.entity),
                        _ => {}
                    }
                }
            }
            if let (Some(entity), false) = (found, clash) {
                out.entity = Some(entity);
                out.resolution = rule;
                return;
            }
        }
        let mut candidates: Vec<usize> = Vec::new();
        let mut paragraph = here;
        let mut k = end;
        let mut e = events.len();
        loop {
            // Mentions and events of `paragraph` before `at`.
            while k > 0 && end - k < MAX_MENTIONS_BACK {
                let Some(m) = self.mentions.get(k - 1) else {
                    break;
                };
                if m.paragraph != paragraph {
                    break;
                }
                k -= 1;
                if compatible(m.entity)
                    && !candidates
                        .iter()
                        .any(|&c| self.key(c) == self.key(m.entity))
                {
                    candidates.push(m.entity);
                }
            }
            while e > 0 {
                let Some(ev) = events.get(e - 1) else {
                    break;
                };
                if ev.paragraph < paragraph {
                    break;
                }
                e -= 1;
                if ev.paragraph == paragraph
                    && ev.at < at
                    && compatible(ev.entity)
                    && !candidates
                        .iter()
                        .any(|&c| self.key(c) == self.key(ev.entity))
                {
                    candidates.push(ev.entity);
                }
            }
            if !candidates.is_empty() || paragraph == 0 || here - paragraph >= MAX_PARAGRAPHS_BACK {
                break;
            }
            paragraph -= 1;
        }
        match candidates.len() {
            0 => {}
            1 => {
                out.entity = candidates.first().copied();
                out.resolution = rule;
            }
            _ => {
                // The subject of the sentence just before, in the same
                // paragraph, when the cue's sentence opens with the quote:
                // `Stroud defended the officials. "…," he said.` (the quote
                // may hold several sentences: the one it opens counts).
                let anchor = self.quote_before_cue(at);
                let subject = self.sentence_of(anchor).and_then(|s| {
                    let sentence = self.sentences.get(s)?;
                    let lead = text.get(sentence.span.start..anchor)?.trim_start();
                    // Or the pronoun is its sentence's subject, after an
                    // opening phrase at most: `Asked what she would buy,
                    // she replied: "…"`.
                    let pronoun = match gender {
                        Gender::Male => "he",
                        Gender::Female => "she",
                        Gender::Unknown => "",
                    };
                    let mut subject = words(text, Span::new(self.sentence_lead(s), at));
                    let subject_pronoun = anchor == at
                        && !pronoun.is_empty()
                        && subject
                            .next()
                            .is_some_and(|w| w.text(text).eq_ignore_ascii_case(pronoun))
                        && subject.next().is_none();
                    let opens = (anchor != at && lead.is_empty())
                        || lead.starts_with(['"', '“', '\'', '‘'])
                        || subject_pronoun;
                    let prev = s.checked_sub(1)?;
                    (opens && self.paragraph_of.get(prev) == self.paragraph_of.get(s))
                        .then(|| self.subject_of(prev))
                        .flatten()
                });
                if let Some(subject) = subject
                    && candidates.iter().any(|&c| self.key(c) == self.key(subject))
                {
                    // "Arslan interrupted her to ask whether …. "…," she
                    // replied": in an exchange news writes so, the reply
                    // is the one asked's, not the asker's.
                    let others: Vec<usize> = candidates
                        .iter()
                        .copied()
                        .filter(|&c| self.key(c) != self.key(subject))
                        .collect();
                    out.entity = match others.as_slice() {
                        [other] if self.reply_to_question(anchor, at) => Some(*other),
                        _ => Some(subject),
                    };
                    out.resolution = rule;
                    return;
                }
                // The last speaker of this paragraph, when no other
                // candidate is named after it: `"…," Roe said. "…," she
                // added.`
                let last = events
                    .iter()
                    .rev()
                    .take(8)
                    .find(|ev| ev.at < at && ev.paragraph == paragraph);
                if let Some(ev) = last
                    && candidates
                        .iter()
                        .any(|&c| self.key(c) == self.key(ev.entity))
                {
                    let from = self.mentions.partition_point(|m| m.at <= ev.at);
                    let to = self.mentions.partition_point(|m| m.at < at);
                    let other = self.mentions.get(from..to).unwrap_or(&[]).iter().any(|m| {
                        self.key(m.entity) != self.key(ev.entity)
                            && candidates
                                .iter()
                                .any(|&c| self.key(c) == self.key(m.entity))
                    });
                    if !other {
                        out.entity = Some(ev.entity);
                        out.resolution = rule;
                        return;
                    }
                }
                // Exactly one candidate who spoke in this or the paragraph before.
                let spoke: Vec<usize> = candidates
                    .iter()
                    .copied()
                    .filter(|&c| {
                        events.iter().rev().take(8).any(|ev| {
                            ev.at < at
                                && ev.paragraph + 1 >= paragraph
                                && self.key(ev.entity) == self.key(c)
                        })
                    })
                    .collect();
                if spoke.len() == 1 {
                    out.entity = spoke.first().copied();
                    out.resolution = rule;
                } else {
                    out.resolution = Resolution::Unresolved;
                    out.candidates = candidates;
                }
            }
        }
    }

    /// Is the cue at byte `at` a reply verb ("she replied"), after a
    /// sentence before the one opening at `anchor` (in its paragraph)
    /// whose subject asked something ("Arslan interrupted her to ask …")?
    fn reply_to_question(&self, anchor: usize, at: usize) -> bool {
        let text = self.text;
        let Some(s) = self.sentence_of(at) else {
            return false;
        };
        let end = self.sentences.get(s).map_or(at, |x| x.span.end.max(at));
        let replies = words(text, Span::new(at, end))
            .next()
            .is_some_and(|w| contains(&REPLY_VERBS, w.text(text)));
        // Active: "<Name> was asked …" and "Asked …, <Name> said" make
        // the subject the one asked.
        let asked = self
            .sentence_of(anchor)
            .and_then(|a| a.checked_sub(1))
            .and_then(|p| self.sentences.get(p))
            .is_some_and(|p| {
                let mut last = "";
                words(text, p.span).any(|w| {
                    let t = w.text(text);
                    let active = contains(&ASK_VERBS, t)
                        && !last.is_empty()
                        && !matches!(
                            last,
                            "was" | "were" | "been" | "being" | "is" | "are" | "be"
                        );
                    last = t;
                    active
                })
            });
        replies && asked
    }

    /// The start of the quote a cue at byte `at` closes off (`"… . …," he
    /// said`: the quote ends open, with only its speaker before the cue),
    /// else `at`.
    fn quote_before_cue(&self, at: usize) -> usize {
        let i = self.quoted.partition_point(|(q, _)| q.end <= at);
        let Some(&(span, content)) = i.checked_sub(1).and_then(|i| self.quoted.get(i)) else {
            return at;
        };
        let gap = self.text.get(span.end..at).unwrap_or(".");
        let open_ended = content
            .text(self.text)
            .trim_end()
            .ends_with([',', '!', '?', '…', '—', '–'])
            || gap.trim_start().starts_with(',');
        if open_ended
            && gap.len() <= MAX_APPOSITION_BYTES
            && !gap.contains(['.', '!', '?', '"', '“', '”'])
        {
            span.start
        } else {
            at
        }
    }

    /// [`Context::org_facts`]: per entity, read once rather than for every
    /// mention [`Context::org_back`] looks back over.
    fn collect_org_facts(&mut self) {
        let text = self.text;
        let headline_words: Vec<&str> = self
            .headline
            .split(|c: char| !c.is_alphanumeric())
            .collect();
        let facts = (0..self.entities.len())
            .map(|entity| {
                if !matches!(
                    self.kind(entity),
                    Some(EntityKind::Organisation | EntityKind::Group)
                ) {
                    return OrgFacts::default();
                }
                let key = self.key(entity);
                let first = key.split('-').next().unwrap_or("");
                let end = self.entities.get(entity).map_or(0, |e| e.span.end);
                let apposition = text
                    .get(end..)
                    .and_then(|after| after.strip_prefix(", "))
                    .map(|rest| {
                        let start = text.len() - rest.len();
                        let stop = rest
                            .bytes()
                            .position(|b| matches!(b, b',' | b'.' | b';'))
                            .unwrap_or(rest.len());
                        Span::new(start, start + stop)
                    })
                    .filter(|clause| clause.text(text).starts_with(|c: char| c.is_lowercase()))
                    .unwrap_or_default();
                OrgFacts {
                    org: true,
                    institution: key.split('-').any(|w| contains(&INSTITUTION_NOUNS, w)),
                    in_headline: first.len() > 2 && headline_words.contains(&first),
                    apposition,
                    words: key
                        .split('-')
                        .chain(apposition.text(text).split_whitespace().take(6))
                        .fold(0, |bits, w| bits | word_bit(w)),
                }
            })
            .collect();
        self.org_facts = facts;
    }

    /// An organisation for a nominal or "it" at byte `at`: named with the
    /// noun `hint`, else the one that spoke last, else the one named last.
    fn org_back(&self, at: usize, hint: Option<&str>, events: &[Event]) -> Option<usize> {
        let end = self.mentions.partition_point(|m| m.at < at);
        let facts = |entity: usize| self.org_facts.get(entity).copied().unwrap_or_default();
        // "The company" is no university, council or ministry.
        let business = hint.is_some_and(|h| contains(&BUSINESS_NOUNS, h));
        let fits = |entity: usize| !business || !facts(entity).institution;
        let orgs = || {
            self.mentions
                .get(..end)
                .unwrap_or(&[])
                .iter()
                .rev()
                // Bounded, so the stage stays linear in the text's length.
                .take(MAX_MENTIONS_BACK * 4)
                .filter(|m| facts(m.entity).org && fits(m.entity))
        };
        if let Some(hint) = hint {
            let hint = hint.to_ascii_lowercase();
            // The noun in its name, or in apposition to it ("Westshire
            // Highways, the county's roads agency,").
            let apposed = |m: &Mention| {
                facts(m.entity)
                    .apposition
                    .text(self.text)
                    .split_whitespace()
                    .take(6)
                    .any(|w| w.eq_ignore_ascii_case(&hint))
            };
            // A sports league is as often named for its tier ("Eastern
            // Premiership", "Coastal Conference"): "a league spokesman".
            let league = hint == "league";
            let holds = |w: &str| w == hint || (league && contains(&LEAGUE_NAME_WORDS, w));
            // The word filter only rules out names without the noun itself.
            let bit = word_bit(&hint);
            let named = orgs().find(|m| {
                (league || facts(m.entity).words & bit != 0)
                    && (self.key(m.entity).split('-').any(holds) || apposed(m))
            });
            if let Some(m) = named {
                return Some(m.entity);
            }
        }
        // The organisation that spoke last or that is the subject of a
        // recent sentence, whichever is nearer.
        let spoke = events
            .iter()
            .rev()
            .take(MAX_MENTIONS_BACK * 4)
            .find(|ev| ev.at < at && facts(ev.entity).org && fits(ev.entity));
        let subject = self.sentence_of(at).and_then(|s| {
            (s.saturating_sub(6)..=s).rev().find_map(|i| {
                let e = match self.subjects.get(i) {
                    Some(cell) => (*cell.get_or_init(|| self.subject_of(i)))?,
                    None => self.subject_of(i)?,
                };
                let start = self.entities.get(e)?.span.start;
                (start < at && facts(e).org && fits(e)).then_some((e, start))
            })
        });
        match (spoke, subject) {
            (Some(ev), Some((e, start))) => return Some(if start > ev.at { e } else { ev.entity }),
            (Some(ev), None) => return Some(ev.entity),
            (None, Some((e, _))) => return Some(e),
            (None, None) => {}
        }
        if let Some(m) = orgs().find(|m| facts(m.entity).in_headline) {
            return Some(m.entity);
        }
        orgs().next().map(|m| m.entity)
    }

    /// Resolves one quote, given the quotes and speakers before it.
    fn resolve_quote(
        &self,
        quote: &Quote,
        before: &[Quote],
        resolved: &[Speaker],
        events: &[Event],
    ) -> Speaker {
        let text = self.text;
        if let Some(found) = self.chanted_by(quote) {
            return found;
        }
        if self.is_title(quote) {
            return Speaker::none(None);
        }
        if let Some(found) = self.lede_role(quote) {
            return found;
        }
        if self.is_modifier_term(quote)
            || self.is_inscription(quote)
            || self.is_unnamed_callers_term(quote)
        {
            return Speaker::none(None);
        }
        if let Some(found) = self.later_sentence(quote) {
            return found;
        }
        if let Some(found) = self.nested_speaker(quote, before, resolved) {
            return found;
        }
        if let Some(entity) = self.person_before_colon(quote) {
            return Speaker::resolved(entity, Resolution::Colon);
        }
        if let Some(found) = self.spokes_before_clause(quote) {
            return found;
        }
        // The quote stage's continuation: the same cue as the quote before,
        // unless another person is named between the two ("Owen Price
        // called the decision "…"" after Kowalczyk's quote).
        let mut interrupted = false;
        if let Some(cue) = quote.cue
            && let Some(prev) = before.last()
            && prev.cue == Some(cue)
            && prev.speaker == quote.speaker
        {
            // A speech verb and a colon of its own right before the mark,
            // after the quote before ("A statement from <Org> said: "…""):
            // no continuation, whatever the quote stage carried over.
            let before_mark = text.get(..quote.span.start).unwrap_or("").trim_end();
            if let Some(colon) = before_mark.strip_suffix(':')
                && word_before(text, colon.len()).is_some_and(|w| {
                    w.start >= prev.span.end && contains(&SPEECH_VERBS, w.text(text))
                })
            {
                interrupted = true;
            }
        }
        if let Some(cue) = quote.cue
            && !interrupted
            && let Some((prev, speaker)) = before.iter().zip(resolved).next_back()
            && prev.cue == Some(cue)
            && prev.speaker == quote.speaker
        {
            let from = self.mentions.partition_point(|m| m.at < prev.span.end);
            let to = self.mentions.partition_point(|m| m.at < quote.span.start);
            interrupted = prev.span.end <= quote.span.start
                && self
                    .mentions
                    .get(from..to)
                    .unwrap_or(&[])
                    .iter()
                    .take(MAX_MENTIONS_BACK)
                    .any(|m| {
                        self.kind(m.entity) == Some(EntityKind::Person)
                            && speaker
                                .entity
                                .is_none_or(|e| self.key(e) != self.key(m.entity))
                    });
            // A speaker after its own closing mark that the quote stage
            // did not read ("…," said a porter who gave only his first
            // name, Ned) is no continuation.
            if !interrupted
                && let Some(found) = self.after_quote(quote, events)
                && found.entity.is_some()
                && found.resolution != Resolution::Unresolved
            {
                return found;
            }
            if !interrupted {
                let mut speaker = speaker.clone();
                if speaker.entity.is_some() && speaker.resolution != Resolution::Unresolved {
                    speaker.resolution = Resolution::Continuation;
                }
                return speaker;
            }
        }
        // A statement's cue the quote stage carried over a person named in
        // between ("…," the statement added. Ashbourne's manager, <Name>,
        // said his side had "…") is not this quote's, nor its text's.
        if !interrupted && let Some(found) = self.same_document(quote, before, resolved) {
            return found;
        }
        if !interrupted && let Some(found) = self.document_it(quote, events) {
            return found;
        }
        let at = quote.cue.map_or(quote.span.start, |c| c.start);
        if let Some(written) = quote.speaker.filter(|_| !interrupted) {
            // Inside another quote, "he" is not the one quoting it.
            let exclude = before
                .iter()
                .zip(resolved)
                .rev()
                .take(8)
                .find(|(q, _)| q.content.contains(quote.span))
                .and_then(|(_, s)| s.entity)
                .map(|e| self.key(e));
            return self.resolve_written(written, at, events, exclude);
        }
        if let Some(found) = self.after_quote(quote, events) {
            return found;
        }
        if let Some(entity) = self
            .sentence_subject(quote)
            .or_else(|| self.according_to(quote))
        {
            return Speaker::resolved(entity, Resolution::NamedInSentence);
        }
        if let Some(found) = self.nominal_subject(quote, events) {
            return found;
        }
        // A speech verb of the quote's own sentence right before a colon at
        // the mark ("In a statement, the tournament said: "…"") names the
        // speaker before any continuation does, a short quote's too ("said
        // on social media: "We did it."").
        let own_colon = {
            let before_mark = text.get(..quote.span.start).unwrap_or("").trim_end();
            before_mark.strip_suffix(':').is_some_and(|lead| {
                let sentence = self.sentence_of(quote.span.start);
                let ws: Vec<Span> =
                    words(text, Span::new(lead.len().saturating_sub(64), lead.len())).collect();
                ws.iter().rev().take(4).any(|w| {
                    contains(&SPEECH_VERBS, w.text(text)) && self.sentence_of(w.start) == sentence
                })
            })
        };
        if own_colon && let Some(found) = self.colon_speaker(quote, events) {
            return found;
        }
        if quote.kind != QuoteKind::Direct {
            return Speaker::none(None);
        }
        // Continuation of the last speaker in this or the paragraph before.
        let here = self.paragraph_at(quote.span.start);
        if let Some(ev) = events.last()
            && ev.at < quote.span.start
            && ev.paragraph + 1 >= here
        {
            let from = self.mentions.partition_point(|m| m.at <= ev.at);
            let to = self.mentions.partition_point(|m| m.at < quote.span.start);
            let intervening = self
                .mentions
                .get(from..to)
                .unwrap_or(&[])
                .iter()
                .take(MAX_MENTIONS_BACK)
                .any(|m| {
                    self.kind(m.entity) == Some(EntityKind::Person)
                        && self.key(m.entity) != self.key(ev.entity)
                        && !self.reported_by(m, ev)
                });
            if !intervening {
                return Speaker::resolved(ev.entity, Resolution::Continuation);
            }
        }
        // A colon before the opening mark, or ending the paragraph before.
        if !own_colon && let Some(found) = self.colon_speaker(quote, events) {
            return found;
        }
        // The one person named in the sentence before (or its he/she
        // subject), when the quote opens its own sentence.
        let sentence = self.sentence_of(quote.span.start);
        let opens_sentence = sentence
            .and_then(|s| self.sentences.get(s))
            .and_then(|s| text.get(s.span.start..quote.span.start.max(s.span.start)))
            .is_some_and(|lead| lead.trim().is_empty());
        if opens_sentence
            && let Some(s) = sentence
            && let Some(prev) = s.checked_sub(1).and_then(|p| self.sentences.get(p))
            && self.paragraph_of.get(s - 1).copied().unwrap_or(0) + 1 >= here
        {
            let from = self.mentions.partition_point(|m| m.at < prev.span.start);
            let to = self.mentions.partition_point(|m| m.at < prev.span.end);
            let people: Vec<usize> = self
                .mentions
                .get(from..to)
                .unwrap_or(&[])
                .iter()
                .filter(|m| self.kind(m.entity) == Some(EntityKind::Person))
                .map(|m| m.entity)
                .collect();
            if let Some(&first) = people.first()
                && people.iter().all(|&p| self.key(p) == self.key(first))
            {
                return Speaker::resolved(first, Resolution::EarlierSentence);
            }
            // "She has been a radiologist for 15 years." then the quote
            // (also after an opening phrase: "Speaking later, he …").
            let lead = Span::new(
                self.sentence_lead(s - 1).max(prev.span.start),
                prev.span.end,
            );
            let gender = match words(text, lead).next().map(|w| w.text(text)) {
                Some("He" | "he") => Gender::Male,
                Some("She" | "she") => Gender::Female,
                _ => Gender::Unknown,
            };
            if people.is_empty() && gender != Gender::Unknown {
                let mut out = Speaker::none(None);
                self.person_back(
                    prev.span.start,
                    Wanted {
                        gender,
                        role: None,
                        exclude: None,
                    },
                    events,
                    Resolution::EarlierSentence,
                    &mut out,
                );
                if out.resolution == Resolution::EarlierSentence {
                    return out;
                }
            }
        }
        Speaker::none(None)
    }

    /// Where the subject part of sentence `s` starts: after an opening
    /// phrase closed by a comma ("In a statement, …", "Speaking from his
    /// bed, he …"), else at the sentence start.
    fn sentence_lead(&self, s: usize) -> usize {
        let text = self.text;
        let Some(sentence) = self.sentences.get(s) else {
            return 0;
        };
        let body = sentence.span.text(text);
        let opener = words(text, sentence.span)
            .next()
            .is_some_and(|w| contains(&OPENING_PREPOSITIONS, w.text(text)));
        match body.find(", ") {
            Some(comma)
                if opener
                    && !body
                        .get(..comma)
                        .is_some_and(|h| h.contains(['"', '“', '”'])) =>
            {
                sentence.span.start + comma + 2
            }
            _ => sentence.span.start,
        }
    }

    /// The speech verb of sentence `s` after its subject, before any quote
    /// mark, with the subject's span: `(verb start, subject)`.
    fn subject_speech(&self, s: usize) -> Option<(usize, Span)> {
        let text = self.text;
        let sentence = self.sentences.get(s)?;
        let subject = self.entities.get(self.subject_of(s)?)?.span;
        let rest = Span::new(subject.end, sentence.span.end.max(subject.end));
        let verb = words(text, rest)
            .take(16)
            .take_while(|w| !w.text(text).contains(['"', '“', '”']))
            .find(|w| contains(&SPEECH_VERBS, w.text(text)))?;
        text.get(subject.end..verb.start)
            .is_some_and(|g| !g.contains(['"', '“', '”', ';']))
            .then_some((verb.start, subject))
    }

    /// Is mention `m` (after the speech event `ev`) only part of what the
    /// speaker said or did, so that it does not interrupt the speaker: a
    /// possessive ("Pike's figures"), a name in the event's own sentence
    /// after its cue ("Roe said Pike was wrong"), or a name in a later
    /// sentence whose subject is the speaker or a he/she of the speaker's
    /// gender ("She also criticised the mayor, Ned Quill, …").
    fn reported_by(&self, m: &Mention, ev: &Event) -> bool {
        if self.possessive(m.entity) {
            return true;
        }
        let Some(s) = self.sentence_of(m.at) else {
            return false;
        };
        if self.sentence_of(ev.at) == Some(s) && m.at > ev.at {
            return true;
        }
        let Some(sentence) = self.sentences.get(s) else {
            return false;
        };
        let lead = Span::new(
            self.sentence_lead(s).max(sentence.span.start),
            sentence.span.end,
        );
        let pronoun = match words(self.text, lead).next().map(|w| w.text(self.text)) {
            Some("He" | "he") => Gender::Male,
            Some("She" | "she") => Gender::Female,
            _ => Gender::Unknown,
        };
        if pronoun != Gender::Unknown {
            let g = self.gender(ev.entity);
            return g == pronoun || g == Gender::Unknown;
        }
        self.subject_of(s)
            .is_some_and(|subject| self.key(subject) == self.key(ev.entity) && subject != m.entity)
    }

    /// The subject of the last speech verb of `span` (a sentence up to its
    /// colon), as written: the words between the comma or sentence start
    /// before the verb and the verb ("the authority" in "In a statement,
    /// the authority said"), at most four.
    fn colon_subject(&self, span: Span) -> Option<Span> {
        let text = self.text;
        let all: Vec<Span> = words(text, span).collect();
        let verb = all
            .iter()
            .rposition(|w| contains(&SPEECH_VERBS, w.text(text)))?;
        let mut first = verb;
        while first > 0 && verb - first < 4 {
            let prev = all.get(first - 1)?;
            if text.get(prev.end..prev.end + 1) == Some(",") {
                break;
            }
            first -= 1;
        }
        let start = all.get(first)?.start;
        let end = all.get(verb.checked_sub(1)?)?.end;
        (first < verb && start < end).then(|| Span::new(start, end))
    }

    /// `, which was sent by the Atlantic Democracy Forum,` right at byte
    /// `at`: news names the body a spokesperson speaks for in a relative
    /// clause after a common noun ("a spokesman for the monitoring
    /// mission, which …"). Gives the first organisation or group the
    /// clause names after "by" (the clause's agent) and the byte after its
    /// closing comma.
    fn relative_org(&self, at: usize) -> Option<(usize, usize)> {
        let text = self.text;
        let (start, close) = self.relative_clause(at)?;
        let from = self.mentions.partition_point(|m| m.at < start);
        let to = self.mentions.partition_point(|m| m.at < close);
        // The clause's agent, when it runs the thing: "sent by", "run by"
        // the body ("which runs three hospitals in the Dales" names a
        // place; "which is owned by <Org>" an owner, who does not speak
        // for what it owns).
        let org = self.mentions.get(from..to)?.iter().find(|m| {
            let before: Vec<Span> = words(text, Span::new(start, m.at)).collect();
            let agent = match before.as_slice() {
                [.., verb, by, the] if by.text(text) == "by" && the.text(text) == "the" => {
                    contains(&RUNNING_VERBS, verb.text(text))
                }
                [.., verb, by] if by.text(text) == "by" => {
                    contains(&RUNNING_VERBS, verb.text(text))
                }
                _ => false,
            };
            agent
                && matches!(
                    self.kind(m.entity),
                    Some(EntityKind::Organisation | EntityKind::Group)
                )
        })?;
        Some((org.entity, close + 1))
    }

    /// `, which …,` right at byte `at`: where the clause's words start and
    /// where its closing comma is.
    fn relative_clause(&self, at: usize) -> Option<(usize, usize)> {
        const OPENER: &str = ", which ";
        let rest = self.text.get(at..)?.strip_prefix(OPENER)?;
        let start = at + OPENER.len();
        let close = rest
            .char_indices()
            .take_while(|&(i, _)| i <= MAX_RELATIVE_CLAUSE_BYTES)
            .find(|&(_, c)| c == ',')?
            .0
            + start;
        Some((start, close))
    }

    /// In sentence `span`: a spokesperson's phrase in its first words, a
    /// relative clause right after it (naming an organisation or not), and a
    /// speech verb right after the clause ("A spokeswoman for the inquiry,
    /// which is run by <Org>, said …"). Gives where the clause starts.
    fn clause_before_verb(&self, span: Span) -> Option<usize> {
        let text = self.text;
        let clause = text.get(span.start..span.end)?.find(", which ")? + span.start;
        let subject: Vec<Span> = words(text, Span::new(span.start, clause)).collect();
        if subject.len() > 9
            || !subject
                .iter()
                .any(|w| contains(&SPOKES_NOUNS, w.text(text)) && w.text(text) != "statement")
        {
            return None;
        }
        let (_, close) = self.relative_clause(clause)?;
        let verb = words(text, Span::new(close + 1, span.end)).next()?;
        contains(&SPEECH_VERBS, verb.text(text)).then_some(clause)
    }

    /// A quote after the speech verb of a spokesperson whose organisation
    /// a relative clause names ("A spokesman for the inquiry, which was
    /// opened by <Org> in March, said it was "…""): the organisation.
    fn spokes_before_clause(&self, quote: &Quote) -> Option<Speaker> {
        let sentence = self.sentences.get(self.sentence_of(quote.span.start)?)?;
        let clause = self.clause_before_verb(Span::new(sentence.span.start, quote.span.start))?;
        let (org, _) = self.relative_org(clause)?;
        let text = self.text;
        let noun = words(text, Span::new(sentence.span.start, clause))
            .find(|w| contains(&SPOKES_NOUNS, w.text(text)));
        Some(Speaker {
            written: quote.speaker,
            role: noun,
            ..Speaker::resolved(org, Resolution::Nominal)
        })
    }

    /// `In a statement read to the court, her husband, Ned Roe, wrote: "…"`:
    /// a person named right before the speech verb that ends with a colon
    /// at the opening mark (a comma of apposition between them) is the
    /// speaker, whatever other cue or nominal ("a statement") the
    /// sentence holds earlier. News writes "X wrote:" / "X said:" for X's
    /// own words.
    fn person_before_colon(&self, quote: &Quote) -> Option<usize> {
        let text = self.text;
        let before_mark = text.get(..quote.span.start)?.trim_end();
        let colon = before_mark.strip_suffix(':')?;
        let verb = word_before(text, colon.len())?;
        if !contains(&SPEECH_VERBS, verb.text(text)) {
            return None;
        }
        let i = self.mentions.partition_point(|m| m.at < verb.start);
        let m = self.mentions.get(i.checked_sub(1)?)?;
        let e = self.entities.get(m.entity)?;
        let gap = text.get(e.span.end..verb.start)?;
        (gap.trim_matches([',', ' ']).is_empty()
            && self.sentence_of(e.span.start) == self.sentence_of(verb.start)
            && self.kind(m.entity) == Some(EntityKind::Person))
        .then_some(m.entity)
    }

    /// The speaker of a headline quote (see [`Resolution::Headline`]): a
    /// name or role the headline writes ("Okafor", "mayor") found among
    /// the body's people (a surname, or a role word the mention carries)
    /// or organisations; else the one person of the body the headline
    /// names; else the body's speaker of the quote sharing the most content
    /// words with it (at least two, or all of a short one); else the first
    /// speaker the body quotes. News headlines quote the story's lead voice.
    fn headline_quote(&self, quote: &Quote, quotes: &[Quote], resolved: &[Speaker]) -> Speaker {
        let text = self.text;
        let mut out = Speaker::none(quote.speaker);
        let found = |entity: usize| Speaker {
            written: quote.speaker,
            entity: Some(entity),
            role: None,
            resolution: Resolution::Headline,
            candidates: Vec::new(),
            crowd: None,
        };
        let people_by = |test: &dyn Fn(usize) -> bool| -> Vec<usize> {
            let mut keys: Vec<&str> = Vec::new();
            let mut out: Vec<usize> = Vec::new();
            for m in self.mentions.iter().take(MAX_MENTIONS_BACK * 4) {
                let e = self.canonical(m.entity);
                if self.kind(m.entity) == Some(EntityKind::Person)
                    && test(m.entity)
                    && !keys.contains(&self.key(e))
                {
                    keys.push(self.key(e));
                    out.push(e);
                }
            }
            out
        };
        let surname_is = |entity: usize, word: &str| {
            self.key(entity)
                .rsplit('-')
                .next()
                .is_some_and(|last| last.eq_ignore_ascii_case(word))
        };
        if let Some(written) = quote.speaker {
            let written_words: Vec<&str> = written
                .text(text)
                .split(|c: char| !c.is_alphanumeric() && c != '-')
                .filter(|w| !w.is_empty())
                .collect();
            let full = written_words.join("-").to_lowercase();
            if written_words.len() >= 2 {
                let people = people_by(&|e| {
                    let k = self.key(e);
                    k == full
                        || k.strip_suffix(full.as_str())
                            .is_some_and(|h| h.ends_with('-'))
                });
                if let [one] = people.as_slice() {
                    return found(*one);
                }
            }
            for word in written_words.iter().rev() {
                let lower = word.to_lowercase();
                let capital = word.chars().next().is_some_and(char::is_uppercase);
                let mut people = if capital {
                    people_by(&|e| surname_is(e, word))
                } else {
                    Vec::new()
                };
                // A role is a role noun ("Mayor: …", "says mayor"); any
                // other capitalised word is a name, not a role ("Orrin
                // boss" is no one who merely mentions Orrin).
                let role_noun =
                    !capital || contains(&ROLE_WORDS, &lower) || contains(&PERSON_NOUNS, &lower);
                if people.is_empty() && role_noun && !contains(&STOP_WORDS, &lower) {
                    people = people_by(&|e| self.carries_role(e, &lower));
                }
                match people.as_slice() {
                    [one] => return found(*one),
                    [_, _, ..] => {
                        // Two leaders: the one whose quote in the body
                        // shares the headline's words ("impossible choices"
                        // → "an impossible choice").
                        if let Some(one) = self.same_words_speaker(quote, quotes, resolved, &people)
                        {
                            return found(one);
                        }
                        out.resolution = Resolution::Unresolved;
                        out.candidates = people;
                        return out;
                    }
                    [] => {}
                }
            }
            // An organisation by a word of its name ("Northgate: …"), not
            // one of its people by role ("Orrin boss": the body decides).
            let person_role = written_words.iter().any(|w| {
                let lower = w.to_lowercase();
                contains(&ROLE_WORDS, &lower) || contains(&PERSON_NOUNS, &lower)
            });
            let org = self.mentions.iter().take(MAX_MENTIONS_BACK * 4).find(|m| {
                !person_role
                    && self.kind(m.entity) == Some(EntityKind::Organisation)
                    && written_words.iter().any(|w| {
                        w.chars().next().is_some_and(char::is_uppercase)
                            && self
                                .key(m.entity)
                                .split('-')
                                .any(|k| k.eq_ignore_ascii_case(w))
                    })
            });
            if let Some(m) = org {
                return found(m.entity);
            }
        }
        // The one person of the body the headline names by surname.
        let headline: Vec<&str> = self
            .headline_text
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .filter(|w| !quote.content.text(text).contains(*w))
            .collect();
        let named = people_by(&|e| headline.iter().any(|w| surname_is(e, w)));
        if let [one] = named.as_slice() {
            return found(*one);
        }
        // The body's speaker of the same words, else its first speaker.
        let mine = stems(quote.content.text(text));
        let mut best: Option<(usize, usize)> = None;
        let mut first: Option<usize> = None;
        for (q, speaker) in quotes.iter().zip(resolved) {
            let Some(entity) = speaker.entity else {
                continue;
            };
            if q.kind != QuoteKind::Direct || speaker.resolution == Resolution::Headline {
                continue;
            }
            first = first.or(Some(entity));
            let theirs = stems(q.content.text(text));
            let shared = mine
                .iter()
                .filter(|w| theirs.binary_search(w).is_ok())
                .count();
            let enough = shared >= 2 || (shared >= 1 && shared == mine.len());
            if enough && best.is_none_or(|(_, n)| shared > n) {
                best = Some((entity, shared));
            }
        }
        match best.map(|(e, _)| e).or(first) {
            Some(entity) => found(entity),
            None => out,
        }
    }

    /// Among `people`, the one speaker of body quotes that share at least
    /// two word stems with the headline quote (or all of a shorter one's),
    /// when exactly one of them does.
    fn same_words_speaker(
        &self,
        quote: &Quote,
        quotes: &[Quote],
        resolved: &[Speaker],
        people: &[usize],
    ) -> Option<usize> {
        let text = self.text;
        let mine = stems(quote.content.text(text));
        let mut hit: Option<usize> = None;
        for (q, speaker) in quotes.iter().zip(resolved) {
            let Some(entity) = speaker.entity else {
                continue;
            };
            if q.kind != QuoteKind::Direct
                || speaker.resolution == Resolution::Headline
                || !people.iter().any(|&p| self.key(p) == self.key(entity))
            {
                continue;
            }
            let theirs = stems(q.content.text(text));
            let shared = mine
                .iter()
                .filter(|w| theirs.binary_search(w).is_ok())
                .count();
            if shared >= 2 || (shared >= 1 && shared == mine.len()) {
                match hit {
                    Some(h) if self.key(h) != self.key(entity) => return None,
                    _ => hit = Some(entity),
                }
            }
        }
        hit
    }

    /// A chant of a crowd: `members of the Bus Users Group gathered …,
    /// chanting "Save the 41"` → the organisation or group named before the
    /// verb in its sentence (a crowd is named by who organised it). With
    /// none, a crowd that is the verb's subject (`Protesters chanted "…"`,
    /// `the Rovers fans sang "…"`: news names a chanting crowd by a crowd
    /// noun) is the speaker, as a [`Crowd`]; a name that only modifies
    /// the crowd noun ("The Marlow crowd") is the crowd's, not the speaker.
    fn chanted_by(&self, quote: &Quote) -> Option<Speaker> {
        let text = self.text;
        let verb = word_before(text, quote.span.start)?;
        if !contains(&CHANT_VERBS, verb.text(text)) {
            return None;
        }
        // "strikers sang "Solidarity Forever"": a song's title, written
        // capitalised like one (two words or more), not the words sung.
        let mut sung: Vec<&str> = words(text, quote.content).map(|w| w.text(text)).collect();
        sung.dedup();
        if matches!(verb.text(text), "sang" | "singing")
            && sung.len() >= 2
            && sung.iter().all(|w| w.starts_with(char::is_uppercase))
        {
            return Some(Speaker::none(None));
        }
        let sentence = self.sentences.get(self.sentence_of(verb.start)?)?;
        let crowd = crowd_subject(text, Span::new(sentence.span.start, verb.start));
        // "…, where the crowd chanted "…"": a crowd right before the verb
        // is its subject, whoever organised the march named earlier.
        if let Some(c) = crowd.as_ref()
            && text
                .get(c.span.end..verb.start)
                .is_some_and(|gap| gap.trim().is_empty())
        {
            return Some(Speaker {
                resolution: Resolution::Crowd,
                crowd: crowd.clone(),
                ..Speaker::none(None)
            });
        }
        let from = self
            .mentions
            .partition_point(|m| m.at < sentence.span.start);
        let to = self.mentions.partition_point(|m| m.at < verb.start);
        let named = self.mentions.get(from..to)?.iter().find(|m| {
            matches!(
                self.kind(m.entity),
                Some(EntityKind::Organisation | EntityKind::Group)
            ) && crowd
                .as_ref()
                .is_none_or(|c| !(c.span.start..c.span.end).contains(&m.at))
        });
        if let Some(m) = named {
            return Some(Speaker::resolved(m.entity, Resolution::NamedInSentence));
        }
        Some(Speaker {
            resolution: Resolution::Crowd,
            crowd: Some(crowd?),
            ..Speaker::none(None)
        })
    }

    /// A quote inside a quote, after a speech verb of the outer speaker's
    /// own sentence: `"Andrei Lupu once told me, 'Lobbyists are …,'" she
    /// said` → the one named before the verb in that sentence.
    fn nested_speaker(
        &self,
        quote: &Quote,
        before: &[Quote],
        resolved: &[Speaker],
    ) -> Option<Speaker> {
        let text = self.text;
        let (index, outer) = before
            .iter()
            .enumerate()
            .rev()
            .take(8)
            .find(|(_, q)| q.content.contains(quote.span) && q.span != quote.span)?;
        let start = outer.content.start.min(quote.span.start);
        let prefix = text.get(start..quote.span.start)?;
        let clause = prefix
            .rfind(['.', '?', '!', ';'])
            .map_or(start, |i| start + i + 1);
        let ws: Vec<Span> = words(text, Span::new(clause, quote.span.start)).collect();
        // The speech verb ends the clause, or stands a few words before the
        // mark: an object and a time or place ("I told them at half-time,
        // '…'", "she said to me on the phone, '…'").
        let last = ws
            .iter()
            .enumerate()
            .rev()
            .take(MAX_NESTED_VERB_GAP + 1)
            .find(|(_, w)| contains(&SPEECH_VERBS, w.text(text)))
            .map(|(i, _)| i)?;
        let verb = ws.get(last)?;
        let Some(entity) = self.named_in(Span::new(clause, verb.start)) else {
            // "I told them, '…'": the outer quote's speaker.
            let first_person = ws
                .get(..last)?
                .iter()
                .any(|w| matches!(w.text(text), "I" | "we" | "We"));
            let outer = resolved
                .get(index)
                .filter(|s| s.entity.is_some() && s.resolution != Resolution::Unresolved)?;
            return first_person.then(|| Speaker {
                written: None,
                role: None,
                resolution: Resolution::Continuation,
                candidates: Vec::new(),
                ..outer.clone()
            });
        };
        Some(Speaker {
            written: self.entities.get(entity).map(|e| e.span),
            entity: Some(entity),
            role: None,
            resolution: Resolution::NamedInSentence,
            candidates: Vec::new(),
            crowd: None,
        })
    }

    /// A quote standing as its own sentence, whose speaker is named only in
    /// the next sentence of the paragraph, which points back at it: `"…."
    /// That was how X put it` / `That warning came from X` / `So said X` /
    /// `The words came from X`.
    fn later_sentence(&self, quote: &Quote) -> Option<Speaker> {
        let text = self.text;
        if quote.kind != QuoteKind::Direct {
            return None;
        }
        let content = quote.content.text(text).trim_end();
        // `"…" — those were the words of …`: a dash in place of the full stop.
        let dash = text
            .get(quote.span.end..)
            .map(|r| r.trim_start_matches([' ', '\t']))
            .is_some_and(|r| r.starts_with(['—', '–']));
        if !content.ends_with(['.', '!', '?']) && !dash {
            return None;
        }
        // The quote opens its paragraph or follows a finished sentence.
        let here = self.paragraph_at(quote.span.start);
        let lead = text.get(..quote.span.start)?.trim_end_matches([' ', '\t']);
        if !(lead.is_empty() || lead.ends_with(['\n', '.', '!', '?', '"', '”'])) {
            return None;
        }
        // The next words, in the same paragraph.
        let next: Vec<Span> = words(text, Span::new(quote.span.end, text.len()))
            .take(3)
            .filter(|w| !matches!(w.text(text), "—" | "–"))
            .take(2)
            .collect();
        let first = next.first()?;
        if !text
            .get(quote.span.end..first.start)
            .is_some_and(|g| g.trim().is_empty() || (dash && matches!(g.trim(), "—" | "–")))
        {
            return None;
        }
        let speech_noun = next.get(1).is_some_and(|w| {
            matches!(
                w.text(text),
                "words"
                    | "remark"
                    | "remarks"
                    | "comment"
                    | "comments"
                    | "warning"
                    | "verdict"
                    | "statement"
                    | "message"
                    | "question"
                    | "plea"
                    | "appeal"
                    | "answer"
                    | "reply"
                    | "response"
                    | "reaction"
                    | "assessment"
                    | "admission"
                    | "promise"
                    | "advice"
            )
        });
        let demonstrative = matches!(
            first.text(text),
            "That" | "This" | "Those" | "These" | "So" | "Such"
        ) || (dash
            && matches!(
                first.text(text),
                "that" | "this" | "those" | "these" | "so" | "such"
            ));
        let pointer = demonstrative || (first.text(text) == "The" && speech_noun);
        // No pointer, but the quote opens its paragraph with no cue and the
        // next sentence opens with a person's name, its subject: `"It
        // sounded like a bomb." Amira Haddad, 34, had just …` — the lede
        // that quotes first and names the speaker after.
        if !pointer
            && quote.speaker.is_none()
            && quote.cue.is_none()
            && (lead.is_empty() || lead.ends_with('\n'))
            && self.paragraph_at(first.start) == here
        {
            let i = self.mentions.partition_point(|m| m.at < first.start);
            let m = self.mentions.get(i).filter(|m| {
                m.at == first.start
                    && self.kind(m.entity) == Some(EntityKind::Person)
                    && !self.possessive(m.entity)
            })?;
            return Some(Speaker::resolved(m.entity, Resolution::LaterSentence));
        }
        // The pointer may open the next paragraph only when it names the
        // words ("That statement came from …", after a long statement).
        let last = self
            .paragraph_at(quote.span.end.saturating_sub(1))
            .max(here);
        let same = self.paragraph_at(first.start) == last;
        let next_paragraph = self.paragraph_at(first.start) == last + 1
            && speech_noun
            && text
                .get(quote.span.end..first.start)
                .is_some_and(|g| g.contains('\n'));
        if !pointer || !(same || next_paragraph) {
            return None;
        }
        let end = self
            .sentences
            .get(self.sentence_of(first.start)?)
            .map_or(text.len(), |s| s.span.end)
            .max(first.end);
        let sentence = Span::new(first.start, end);
        // It must speak of speech or a source: a speech verb, "came from",
        // "was how", "the reaction of".
        let speechy = words(text, sentence).any(|w| {
            let t = w.text(text);
            contains(&SPEECH_VERBS, t) || matches!(t, "from" | "how" | "of")
        });
        if !speechy {
            return None;
        }
        // "the words of Ellen's daughter, Rachel Marsh": a possessive name
        // is whose the speaker is, not the speaker.
        let from = self.mentions.partition_point(|m| m.at < sentence.start);
        let to = self.mentions.partition_point(|m| m.at < sentence.end);
        let owner = |m: &&Mention| {
            self.entities
                .get(m.entity)
                .and_then(|e| text.get(e.span.end..))
                .is_some_and(|r| r.starts_with("'s") || r.starts_with("’s"))
        };
        // Bounded, so a run-on sentence keeps the stage linear.
        let inside = self.mentions.get(from..to.min(from + MAX_MENTIONS_BACK))?;
        let entity = inside
            .iter()
            .filter(|m| !owner(m))
            .find(|m| self.kind(m.entity) == Some(EntityKind::Person))
            .or_else(|| inside.iter().find(|m| !owner(m)))
            .map(|m| m.entity)?;
        Some(Speaker::resolved(entity, Resolution::LaterSentence))
    }

    /// The speaker-kind mention in subject position of sentence `s`: the
    /// first one, with at most four words before it, not a possessive. An
    /// opening phrase closed by a comma ("In a statement on Monday, the
    /// club's owner, Rell Holdings, said") is skipped.
    fn subject_of(&self, s: usize) -> Option<usize> {
        let text = self.text;
        let sentence = self.sentences.get(s)?;
        let start = self.sentence_lead(s);
        let from = self.mentions.partition_point(|m| m.at < start);
        let m = self.mentions.get(from)?;
        if m.at >= sentence.span.end || words(text, Span::new(start, m.at)).nth(4).is_some() {
            return None;
        }
        if self.possessive(m.entity) {
            let next = self.mentions.get(from + 1)?;
            // "Veltrin's Justice Ministry said": the owner's body.
            if self.owns_next(m.entity).is_some_and(|n| n.start == next.at) {
                return Some(next.entity);
            }
            // "Leo's consultant, Dr Anil Kapoor, said": the one in
            // apposition to the possessive's noun.
            return (next.at < sentence.span.end && self.apposed_gap(m.entity, next.entity))
                .then_some(next.entity);
        }
        Some(m.entity)
    }

    /// A speaker right after the closing mark that the quote stage did not
    /// take: `…,'" Marsh told the court`, `…," the 71-year-old said`.
    fn after_quote(&self, quote: &Quote, events: &[Event]) -> Option<Speaker> {
        let text = self.text;
        let sentence = self.sentence_of(quote.span.end.saturating_sub(1))?;
        let mut limit = self.sentences.get(sentence)?.span.end;
        if limit <= quote.span.end {
            // The quote ends its sentence: the speaker may open the next one
            // in the same paragraph ("…?" Marsh asked.) — not taken.
            limit = quote.span.end;
        }
        let tail = text.get(quote.span.end..limit)?;
        let skip = tail.len()
            - tail
                .trim_start_matches([',', ' ', '’', '\'', '"', '”', '‘', '“'])
                .len();
        if skip == 0 && !tail.is_empty() {
            return None;
        }
        let p = quote.span.end + skip;
        let ws: Vec<Span> = words(text, Span::new(p, limit)).take(8).collect();
        let joined = |a: &Span, b: &Span| {
            text.get(a.end..b.start)
                .is_some_and(|g| g.trim().is_empty())
        };
        let is_verb = |w: &Span| contains(&SPEECH_VERBS, w.text(text));
        let mention_at = |at: usize| {
            let i = self.entities.partition_point(|e| e.span.start < at);
            self.entities
                .get(i)
                .filter(|e| e.span.start == at && Self::is_speaker_kind(e.kind))
                .map(|_| i)
        };
        let named = |entity: usize| Speaker {
            written: self.entities.get(entity).map(|e| e.span),
            entity: Some(entity),
            role: None,
            resolution: Resolution::NamedInSentence,
            candidates: Vec::new(),
            crowd: None,
        };
        let first = ws.first()?;
        // "…," Ms Barnes said / de Wolf said: a title or particle before the name.
        let lead = |w: &Span| {
            let t = w.text(text);
            (contains(&HONORIFICS, t) && t.starts_with(char::is_uppercase))
                || NAME_PARTICLES.has_exact(t)
        };
        // A chain of particles: "van der Berg said", "de la Cruz said".
        let mut skip = 1;
        while skip < 3
            && ws
                .get(skip)
                .is_some_and(|w| NAME_PARTICLES.has_exact(w.text(text)))
        {
            skip += 1;
        }
        let led = lead(first)
            .then(|| ws.get(skip))
            .flatten()
            .filter(|n| {
                text.get(first.end..n.start).is_some_and(|g| {
                    g.split_whitespace()
                        .map(|p| p.trim_matches('.'))
                        .all(|p| p.is_empty() || NAME_PARTICLES.has_exact(p))
                        && !g.contains([',', ';', ':'])
                })
            })
            .and_then(|n| mention_at(n.start));
        if let Some(m) = mention_at(first.start).or(led) {
            let end = self.entities.get(m)?.span.end;
            // "…," Sarvania's foreign minister, Dariusz Wojcik-Halas, told
            // reporters: the person in apposition to the possessive's role.
            if text
                .get(end..)
                .is_some_and(|r| r.starts_with("'s ") || r.starts_with("’s "))
                && let Some(apposed) = self.apposed_to_owner(end, &ws, &is_verb)
            {
                let mut speaker = named(apposed);
                speaker.resolution = Resolution::Apposition;
                return Some(speaker);
            }
            let verb = ws.iter().find(|w| w.start >= end)?;
            return (is_verb(verb) && text.get(end..verb.start)?.trim().is_empty())
                .then(|| named(m));
        }
        let det = |w: &Span| matches!(w.text(text), "the" | "a" | "an" | "one" | "another");
        let nominal = |from: usize| {
            let start = ws.get(from)?;
            let mut end = from;
            while end + 1 < ws.len().min(from + 6)
                && ws
                    .get(end + 1)
                    .is_some_and(|n| !is_verb(n) && ws.get(end).is_some_and(|e| joined(e, n)))
            {
                end += 1;
            }
            Some((Span::new(start.start, ws.get(end)?.end), end + 1))
        };
        if is_verb(first) {
            let next = ws.get(1)?;
            if let Some(m) = mention_at(next.start) {
                return Some(named(m));
            }
            // "said regional organiser Ida Strang", "said lifelong Brightwell
            // supporter Olek Marr": role words, then the name (a person
            // before an organisation), all in one unbroken phrase.
            let mut found: Option<usize> = None;
            for (i, w) in ws.iter().enumerate().skip(1).take(5) {
                if i > 1 && !ws.get(i - 1).is_some_and(|p| joined(p, w)) {
                    break;
                }
                if det(w) || is_verb(w) {
                    break;
                }
                if let Some(m) = mention_at(w.start) {
                    if self.kind(m) == Some(EntityKind::Person) {
                        found = Some(m);
                        break;
                    }
                    found = found.or(Some(m));
                }
            }
            if let Some(m) = found
                && ws
                    .get(1)
                    .is_some_and(|w| w.text(text).starts_with(char::is_lowercase))
            {
                return Some(named(m));
            }
            if det(next) {
                let (span, _) = nominal(1)?;
                return Some(self.resolve_written(span, quote.span.end, events, None));
            }
            // "said its chair, Ama Boateng" / "said her lawyer, Ned Quill":
            // a possessive role, then the person in apposition.
            if matches!(next.text(text), "its" | "his" | "her" | "their") {
                let (span, after) = nominal(1)?;
                let name = ws.get(after)?;
                let m = mention_at(name.start)?;
                let apposed = text
                    .get(span.end..name.start)
                    .is_some_and(|g| g.trim() == ",");
                if apposed && self.kind(m) == Some(EntityKind::Person) {
                    let mut speaker = named(m);
                    speaker.role = Some(span);
                    return Some(speaker);
                }
            }
            return None;
        }
        // "…," according to Sarah Kimble / according to the Dunvale Weather
        // Service / according to the agency: the source named after the
        // quote, a "the" before an organisation's name skipped, a nominal
        // resolved as written.
        if first.text(text) == "according" && ws.get(1).is_some_and(|w| w.text(text) == "to") {
            let source = ws.get(2)?;
            let name = if source.text(text) == "the" {
                ws.get(3)
            } else {
                Some(source)
            };
            if let Some(m) = name.and_then(|w| mention_at(w.start)) {
                return Some(named(m));
            }
            if det(source) {
                let (span, _) = nominal(2)?;
                return Some(self.resolve_written(span, quote.span.end, events, None));
            }
            return None;
        }
        let possessive = |w: &Span| matches!(w.text(text), "its" | "his" | "her" | "their");
        if det(first) || possessive(first) {
            let (span, after) = nominal(0)?;
            let verb = ws.get(after)?;
            if is_verb(verb) && det(first) {
                return Some(self.resolve_written(span, quote.span.end, events, None));
            }
            // "…," its chair, Janet Ober, said: the person in apposition.
            let m = mention_at(verb.start)?;
            let name_end = self.entities.get(m)?.span.end;
            let apposed = text
                .get(span.end..verb.start)
                .is_some_and(|g| g.trim() == ",");
            let said = ws.iter().find(|w| w.start >= name_end).is_some_and(|w| {
                is_verb(w)
                    && text
                        .get(name_end..w.start)
                        .is_some_and(|g| g.trim_matches([',', ' ']).is_empty())
            });
            if apposed && said && self.kind(m) == Some(EntityKind::Person) {
                let mut speaker = named(m);
                speaker.role = Some(span);
                return Some(speaker);
            }
        }
        None
    }

    /// The quote's sentence up to the quote's opening mark.
    fn before_in_sentence(&self, quote: &Quote) -> Option<Span> {
        let sentence = self.sentences.get(self.sentence_of(quote.span.start)?)?;
        Some(Span::new(
            sentence.span.start,
            quote.span.start.max(sentence.span.start),
        ))
    }

    /// The subject of the quote's sentence, when a speech verb stands
    /// between it and the quote: `Justice Minister Elena Markovic, who
    /// introduced it, called the result "…"`.
    fn sentence_subject(&self, quote: &Quote) -> Option<usize> {
        let text = self.text;
        let prefix = self.before_in_sentence(quote)?;
        let body = prefix.text(text);
        if body.contains([';', '"', '“', '”']) {
            return None;
        }
        let verb = words(text, prefix)
            .filter(|w| {
                contains(&SPEECH_VERBS, w.text(text)) || matches!(w.text(text), "say" | "saying")
            })
            .last()?;
        // A court report's frame opens the sentence: "The tribunal heard
        // that <Name> had emailed … to say that …".
        let start = self.hearing_frame(prefix).unwrap_or(prefix.start);
        let subject = self.named_in_first(Span::new(start, verb.start))?;
        let at = self.entities.get(subject)?.span.start;
        // In subject position: at most a few words before it, or before
        // it and after an opening phrase closed by a comma that names no
        // one ("One of them, the collector Henk de Wit, told …").
        let from = text
            .get(start..at)
            .and_then(|t| t.rfind(", "))
            .map(|c| start + c + 2)
            .filter(|&f| self.named_in_first(Span::new(start, f)).is_none())
            .unwrap_or(start);
        let lead = words(text, Span::new(from, at)).count();
        (lead <= 4).then_some(subject)
    }

    /// The end of a court report's frame opening `span`: "The court (or
    /// tribunal, jury, inquest, hearing, trial, inquiry) heard (that)", "…
    /// was told (that)".
    fn hearing_frame(&self, span: Span) -> Option<usize> {
        let text = self.text;
        let mut ws = words(text, span);
        let the = ws.next()?;
        let noun = ws.next()?;
        if !matches!(the.text(text), "The" | "the")
            || !matches!(
                noun.text(text),
                "court" | "tribunal" | "jury" | "inquest" | "hearing" | "trial" | "inquiry"
            )
        {
            return None;
        }
        let verb = ws.next()?;
        let end = match verb.text(text) {
            "heard" => verb.end,
            "was" | "were" => ws.next().filter(|w| w.text(text) == "told")?.end,
            _ => return None,
        };
        let next = words(text, Span::new(end, span.end)).next();
        Some(
            next.filter(|w| w.text(text) == "that")
                .map_or(end, |w| w.end),
        )
    }

    /// A quote after a colon (before its opening mark, or ending the
    /// paragraph before): the first name of the colon's sentence, else the
    /// subject of its speech verb as written, resolved as any written
    /// speaker ("In a statement, the authority said:").
    fn colon_speaker(&self, quote: &Quote, events: &[Event]) -> Option<Speaker> {
        let text = self.text;
        let before_mark = text.get(..quote.span.start).unwrap_or("").trim_end();
        let colon = before_mark.strip_suffix(':')?.len();
        let index = self.sentence_of(colon)?;
        let s = self.sentences.get(index)?;
        let span = Span::new(s.span.start, colon.max(s.span.start));
        // "<Org>, which backed Amadi, said on social media:": the subject,
        // not the name inside its relative clause.
        if let Some(subject) = self.subject_of(index)
            && let Some(e) = self.entities.get(subject)
            && e.span.end < colon
            && text
                .get(e.span.end..)
                .is_some_and(|r| r.starts_with(", which ") || r.starts_with(", who "))
        {
            return Some(Speaker::resolved(subject, Resolution::Colon));
        }
        if let Some(entity) = self.named_in_first(span) {
            return Some(Speaker::resolved(entity, Resolution::Colon));
        }
        // "In a statement, the authority said:" — the speech verb's
        // subject as written, resolved as any written speaker.
        let subject = self.colon_subject(span)?;
        let mut found = self.resolve_written(subject, subject.end, events, None);
        if found.entity.is_some() && found.resolution != Resolution::Unresolved {
            found.written = None;
            found.resolution = Resolution::Colon;
            return Some(found);
        }
        None
    }

    /// `"…," it said` after a sentence that opens with "The letter" (or
    /// statement, message, email, note, post): "it" is the text, and the
    /// speaker is who the sentences before say wrote it ("<Name> said in a
    /// letter to parents that …. The letter, headed "…", was read out."):
    /// the latest speech source before that sentence, in its paragraph or
    /// the one before, whose own sentence names a text of the same noun.
    fn document_it(&self, quote: &Quote, events: &[Event]) -> Option<Speaker> {
        let text = self.text;
        let written = quote.speaker?;
        let text_noun = |w: Span| {
            matches!(
                w.text(text),
                "statement" | "letter" | "message" | "email" | "note" | "post"
            )
        };
        // `"…," the letter said` after "In a letter sent to parents, the
        // school said …": news names a written text's sender once and then
        // lets the text speak. As for "it" after "The letter …".
        let mut own = words(text, written);
        if let (Some(the), Some(noun), None) = (own.next(), own.next(), own.next())
            && the.text(text).eq_ignore_ascii_case("the")
            && text_noun(noun)
        {
            let here = self.paragraph_at(quote.span.start);
            return self.document_writer(noun.text(text), quote.span.start, here, events, written);
        }
        if !written.text(text).eq_ignore_ascii_case("it") {
            return None;
        }
        let s = self.sentence_of(quote.span.start)?;
        let prev = self.sentences.get(s.checked_sub(1)?)?;
        let mut ws = words(text, prev.span);
        let (the, noun) = (ws.next()?, ws.next()?);
        if the.text(text) != "The" || !text_noun(noun) {
            return None;
        }
        let here = self.paragraph_at(prev.span.start);
        self.document_writer(noun.text(text), prev.span.start, here, events, written)
    }

    /// The writer of a text (`noun`: "letter", "statement") named before
    /// byte `before`: the source of a recent speech verb whose sentence
    /// names "a/the <noun>", in paragraph `here` or the one before; the
    /// person named last before the noun in that sentence, if any.
    fn document_writer(
        &self,
        noun: &str,
        before: usize,
        here: usize,
        events: &[Event],
        written: Span,
    ) -> Option<Speaker> {
        let text = self.text;
        // Where the event's sentence names the text ("in a letter").
        let names_text = |ev: &Event| {
            let own = self
                .sentence_of(ev.at)
                .and_then(|i| self.sentences.get(i))?;
            let mut last = "";
            words(text, own.span)
                .find(|w| {
                    let t = w.text(text);
                    let hit =
                        t == noun && matches!(last, "a" | "an" | "the" | "her" | "his" | "its");
                    last = t;
                    hit
                })
                .map(|w| (own.span.start, w.start))
        };
        let (ev, (start, at)) = events
            .iter()
            .rev()
            .filter(|ev| ev.at < before)
            .take(4)
            .take_while(|ev| ev.paragraph + 1 >= here)
            .find_map(|ev| names_text(ev).map(|found| (ev, found)))?;
        // "The headteacher of Larkfield, Simon Achterberg, said in a
        // letter": the person named last before the text is its writer.
        let from = self.mentions.partition_point(|m| m.at < start);
        let to = self.mentions.partition_point(|m| m.at < at);
        let writer = self
            .mentions
            .get(from..to)
            .unwrap_or(&[])
            .iter()
            .rev()
            .take(MAX_MENTIONS_BACK)
            .find(|m| self.kind(m.entity) == Some(EntityKind::Person) && !self.possessive(m.entity))
            .map_or(ev.entity, |m| m.entity);
        let mut speaker = Speaker::resolved(writer, Resolution::EarlierSentence);
        speaker.written = Some(written);
        Some(speaker)
    }

    /// `"…," the statement went on`: a speaker written as "the" and a noun
    /// for a written text ("statement", "letter", "message") continues the
    /// speaker of the quote just before (in this paragraph or the one
    /// before) when that quote's sentence, or the sentence before it, names
    /// the same text ("In a statement read to the court, her husband,
    /// Robert, wrote: "…"").
    fn same_document(
        &self,
        quote: &Quote,
        before: &[Quote],
        resolved: &[Speaker],
    ) -> Option<Speaker> {
        let text = self.text;
        // As the quote stage wrote it, else right after the closing mark
        // ("the statement went on", "the letter continued").
        let written = match quote.speaker {
            Some(written) => written,
            None => {
                let end = text.len().min(quote.span.end + 48);
                let next: Vec<Span> = words(text, Span::new(quote.span.end, end))
                    .take(3)
                    .collect();
                let (the, verb) = (next.first()?, next.get(2)?);
                if !text
                    .get(quote.span.end..the.start)
                    .is_some_and(|g| g.trim().is_empty())
                    || !(contains(&SPEECH_VERBS, verb.text(text))
                        || matches!(verb.text(text), "went" | "continued" | "concluded" | "read"))
                {
                    return None;
                }
                Span::new(the.start, next.get(1)?.end)
            }
        };
        let mut ws = words(text, written);
        let (the, noun) = (ws.next()?, ws.next()?);
        if ws.next().is_some()
            || !the.text(text).eq_ignore_ascii_case("the")
            || !matches!(
                noun.text(text),
                "statement" | "letter" | "message" | "email" | "note" | "post"
            )
        {
            return None;
        }
        let (prev, speaker) = before
            .iter()
            .zip(resolved)
            .rev()
            .take(8)
            .find(|(q, _)| !q.span.contains(quote.span) && q.span.end <= quote.span.start)?;
        if speaker.entity.is_none()
            || speaker.resolution == Resolution::Unresolved
            || self.paragraph_at(prev.span.start) + 1 < self.paragraph_at(quote.span.start)
        {
            return None;
        }
        let s = self.sentence_of(prev.span.start)?;
        let start = self
            .sentences
            .get(s.saturating_sub(1))
            .filter(|p| p.part == self.sentences.get(s).map_or(usize::MAX, |x| x.part))
            .or_else(|| self.sentences.get(s))?
            .span
            .start;
        let end = self.sentences.get(s)?.span.end;
        let named = words(text, Span::new(start, end))
            .take(MAX_MENTIONS_BACK * 4)
            .any(|w| w.text(text).eq_ignore_ascii_case(noun.text(text)));
        named.then(|| Speaker {
            written: Some(written),
            resolution: Resolution::Continuation,
            candidates: Vec::new(),
            ..speaker.clone()
        })
    }

    /// An organisation by common noun as the subject of the quote's
    /// sentence, with a speech verb of its own before the quote ("that",
    /// "who" or "which" before the verb makes it another's) and no person
    /// named before the quote: `The force appealed for …, and said it was
    /// "…"`, `The league said in a statement that … "…"`, `The airline,
    /// which is owned by …, said it had offered "…"` (a relative clause in
    /// commas after the noun is passed over) → the noun → the
    /// organisation, resolved as any written nominal.
    fn nominal_subject(&self, quote: &Quote, events: &[Event]) -> Option<Speaker> {
        let text = self.text;
        let prefix = self.before_in_sentence(quote)?;
        if prefix.text(text).contains([';', '"', '“', '”']) {
            return None;
        }
        let s = self.sentence_of(quote.span.start)?;
        let lead = Span::new(self.sentence_lead(s).max(prefix.start), prefix.end);
        let mut ws = words(text, lead);
        let the = ws.next()?;
        let noun = ws.next()?;
        if !matches!(the.text(text), "The" | "the")
            || !contains(&ORG_NOUNS, noun.text(text))
            || !text
                .get(noun.end..)
                .is_some_and(|r| r.starts_with([' ', ',']))
        {
            return None;
        }
        // A relative clause in commas after the noun ("The airline, which
        // is owned by …, said") is passed over.
        let after_noun = text.get(noun.end..).unwrap_or("");
        let skip_to = if after_noun.starts_with(", which ") || after_noun.starts_with(", who ") {
            let clause = after_noun.get(2..).unwrap_or("");
            let close = clause
                .find(',')
                .filter(|&c| !clause.get(..c).unwrap_or("").contains(['.', '"', '“']))?;
            noun.end + 2 + close + 1
        } else if after_noun.starts_with(' ') {
            noun.end
        } else {
            return None;
        };
        // Its own speech verb, with no "that", "who" or "which" before it
        // (the verb would be another's), and no person named between the
        // subject and the quote (the words would be theirs).
        let verb = ws
            .skip_while(|w| w.start < skip_to)
            .take(MAX_MENTIONS_BACK)
            .find_map(|w| match w.text(text) {
                "that" | "who" | "which" => Some(None),
                t if contains(&SPEECH_VERBS, t) => Some(Some(w)),
                _ => None,
            })??;
        let from = self.mentions.partition_point(|m| m.at < noun.end);
        let to = self.mentions.partition_point(|m| m.at < quote.span.start);
        if self
            .mentions
            .get(from..to)
            .unwrap_or(&[])
            .iter()
            .take(MAX_MENTIONS_BACK)
            .any(|m| self.kind(m.entity) == Some(EntityKind::Person))
        {
            return None;
        }
        let written = Span::new(the.start, noun.end);
        let mut found = self.resolve_written(written, verb.start, events, None);
        if found.entity.is_none() || found.resolution == Resolution::Unresolved {
            return None;
        }
        found.written = None;
        Some(found)
    }

    /// The source of a sentence opening "According to <name>," before the
    /// quote: `According to union organiser Ned Quill, "…"`.
    fn according_to(&self, quote: &Quote) -> Option<usize> {
        let text = self.text;
        let prefix = self.before_in_sentence(quote)?;
        let body = prefix.text(text);
        let rest = body
            .strip_prefix("According to ")
            .or_else(|| body.strip_prefix("according to "))?;
        let comma = rest.find(',')?;
        // "According to Dr Ravi Menon, who chairs the committee, …": a
        // relative clause about the source, closed by its comma.
        let tail = match rest.get(comma + 1..) {
            Some(r) if r.starts_with(" who ") => comma + 1 + r.find(',')? + 1,
            _ => comma + 1,
        };
        if rest
            .get(tail..)
            .is_some_and(|r| r.contains(['"', '“', '”', ';', ',']))
        {
            return None;
        }
        let start = prefix.start + (body.len() - rest.len());
        self.named_in_first(Span::new(start, start + comma))
    }

    /// The first person in `span`, else its first organisation or group;
    /// a possessive name gives way to one that is not ("Dunstan's lawyer,
    /// Omar Bick, said": Bick).
    fn named_in_first(&self, span: Span) -> Option<usize> {
        let from = self.mentions.partition_point(|m| m.at < span.start);
        let to = self.mentions.partition_point(|m| m.at < span.end);
        let inside = self.mentions.get(from..to)?;
        let person = |m: &&Mention| self.kind(m.entity) == Some(EntityKind::Person);
        inside
            .iter()
            .filter(person)
            .find(|m| !self.possessive(m.entity))
            .or_else(|| {
                inside
                    .iter()
                    .take(MAX_MENTIONS_BACK)
                    .zip(inside.iter().skip(1))
                    .find(|(owner, m)| self.apposed_to_possessive(owner, m))
                    .map(|(_, m)| m)
            })
            .or_else(|| inside.iter().find(person))
            .or_else(|| inside.first())
            .map(|m| m.entity)
    }

    /// Is `m` an organisation or group in apposition to a possessive
    /// person's noun right before it ("Moss's union, the General Workers
    /// Union,": the union, not Moss)?
    fn apposed_to_possessive(&self, owner: &Mention, m: &Mention) -> bool {
        self.kind(owner.entity) == Some(EntityKind::Person)
            && self.possessive(owner.entity)
            && self.kind(m.entity) != Some(EntityKind::Person)
            && !self.possessive(m.entity)
            && self.apposed_gap(owner.entity, m.entity)
    }

    /// Is mention `m` in apposition to the noun after possessive mention
    /// `owner`: `'s`, one to three lowercase words, a comma, then nothing,
    /// "the" or title words ("Leo's consultant, Dr Anil Kapoor")?
    fn apposed_gap(&self, owner: usize, m: usize) -> bool {
        let text = self.text;
        let (Some(o), Some(e)) = (self.entities.get(owner), self.entities.get(m)) else {
            return false;
        };
        let Some(gap) = text.get(o.span.end..e.span.start) else {
            return false;
        };
        let Some(rest) = gap.strip_prefix("'s ").or_else(|| gap.strip_prefix("’s ")) else {
            return false;
        };
        let Some((noun, after)) = rest.split_once(',') else {
            return false;
        };
        let nouns = noun.split_whitespace().count();
        (1..=3).contains(&nouns)
            && noun
                .split_whitespace()
                .all(|w| w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'))
            && after.split_whitespace().count() <= 3
            && after.split_whitespace().all(|w| {
                let w = w.trim_end_matches('.');
                w == "the"
                    || contains(&HONORIFICS, &w.to_ascii_lowercase())
                    || contains(&ROLE_WORDS, &w.to_ascii_lowercase())
            })
    }

    /// Is mention `entity` written as a possessive ("Dunstan's")?
    fn possessive(&self, entity: usize) -> bool {
        self.entities.get(entity).is_some_and(|e| {
            self.text
                .get(e.span.end..)
                .is_some_and(|r| r.starts_with("'s") || r.starts_with("’s"))
        })
    }

    /// A quoted term used as a modifier inside a noun phrase: after a
    /// determiner or possessive and before a noun (`the council's "open
    /// door" policy`, `its "fair share" rule`), or after "so-called": a
    /// scare quote, whatever speech verb stands before it.
    fn is_modifier_term(&self, quote: &Quote) -> bool {
        if quote.kind != QuoteKind::ScareQuote {
            return false;
        }
        let text = self.text;
        let lead = text.get(..quote.span.start).unwrap_or("");
        // "the so-called "fair share" rule": a term, whoever used it.
        if word_before(text, quote.span.start)
            .is_some_and(|w| w.text(text).eq_ignore_ascii_case("so-called"))
        {
            return true;
        }
        let determiner = |w: Span| {
            matches!(
                w.text(text).to_ascii_lowercase().as_str(),
                "the"
                    | "a"
                    | "an"
                    | "its"
                    | "his"
                    | "her"
                    | "their"
                    | "our"
                    | "this"
                    | "that"
                    | "these"
                    | "those"
            )
        };
        // "its own "quiet lanes" scheme", "the party's own "fair deal"
        // pledge": news writes a body's own label for its scheme after a
        // possessive and "own"; the term is a modifier all the same.
        let own = |w: Span| {
            let before = text.get(..w.start).unwrap_or("").trim_end();
            w.text(text).eq_ignore_ascii_case("own")
                && (before.ends_with("'s")
                    || before.ends_with("’s")
                    || word_before(text, w.start).is_some_and(determiner))
        };
        let determined = lead.ends_with(' ')
            && (lead.trim_end().ends_with("'s")
                || lead.trim_end().ends_with("’s")
                || word_before(text, quote.span.start).is_some_and(|w| determiner(w) || own(w)));
        let noun = text
            .get(quote.span.end..)
            .and_then(|r| r.strip_prefix(' '))
            .and_then(|r| {
                let word = r.split(|c: char| !c.is_alphanumeric() && c != '-').next()?;
                Some(word)
            })
            .is_some_and(|w| {
                w.starts_with(char::is_lowercase)
                    && !contains(&STOP_WORDS, w)
                    && !contains(&SPEECH_VERBS, w)
            });
        determined && noun
    }

    /// A short term after "what <common nouns> call(s) (a)": `what his
    /// caucus calls a "commuter tax"`, `what critics have called the
    /// "ghost fleet"` — a label an unnamed group uses, no one's words to
    /// quote (`what Okafor called "…"` names its speaker, and is left to
    /// the other rules).
    fn is_unnamed_callers_term(&self, quote: &Quote) -> bool {
        if quote.kind != QuoteKind::ScareQuote {
            return false;
        }
        let text = self.text;
        let start = quote.span.start;
        let mut from = start.saturating_sub(80);
        while from < start && !text.is_char_boundary(from) {
            from += 1;
        }
        let Some(lead) = text.get(from..start) else {
            return false;
        };
        let ws: Vec<&str> = lead.split_whitespace().collect();
        let mut end = ws.len();
        if end > 0
            && ws
                .get(end - 1)
                .is_some_and(|w| matches!(*w, "a" | "an" | "the"))
        {
            end -= 1;
        }
        if end == 0
            || !ws
                .get(end - 1)
                .is_some_and(|w| matches!(*w, "call" | "calls" | "called"))
        {
            return false;
        }
        let verb = end - 1;
        let Some(what) = (verb.saturating_sub(6)..verb)
            .rev()
            .find(|&i| ws.get(i).is_some_and(|w| w.eq_ignore_ascii_case("what")))
        else {
            return false;
        };
        let callers = ws.get(what + 1..verb).unwrap_or(&[]);
        !callers.is_empty()
            && callers.len() <= 4
            && callers.iter().all(|w| {
                w.starts_with(char::is_lowercase) && !w.contains([',', '.', ';', '"', '“', '”'])
            })
            && !callers
                .iter()
                .any(|w| matches!(*w, "he" | "she" | "it" | "i" | "we" | "they" | "you"))
    }

    /// The words an inscription carries: the quote's sentence opens with a
    /// determiner and a noun of [`INSCRIPTION_NOUNS`] (one modifier may come
    /// between: "A hand-painted sign", plural too: "The signs put up by
    /// the board"), and the word right before the opening mark is a verb of
    /// [`INSCRIPTION_VERBS`] ("read", "said").
    fn is_inscription(&self, quote: &Quote) -> bool {
        let text = self.text;
        let Some(prefix) = self.before_in_sentence(quote) else {
            return false;
        };
        let before_mark = prefix.text(text).trim_end_matches([' ', ',', ':']);
        if !word_before(text, prefix.start + before_mark.len())
            .is_some_and(|w| contains(&INSCRIPTION_VERBS, w.text(text)))
        {
            return false;
        }
        let mut ws = words(text, prefix);
        let determiner = ws.next().is_some_and(|w| {
            matches!(
                w.text(text),
                "A" | "An" | "The" | "One" | "Another" | "Its" | "Their" | "His" | "Her"
            )
        });
        let noun = |w: Span| {
            let t = w.text(text).to_ascii_lowercase();
            contains(&INSCRIPTION_NOUNS, &t)
                || t.strip_suffix('s')
                    .is_some_and(|one| contains(&INSCRIPTION_NOUNS, one))
        };
        determiner && ws.take(2).any(noun)
    }

    /// A quoted title, document, sign or banner: a scare quote after a
    /// document noun, or one whose every word is capitalised.
    fn is_title(&self, quote: &Quote) -> bool {
        let direct = quote.kind == QuoteKind::Direct;
        if quote.kind != QuoteKind::ScareQuote && !direct {
            return false;
        }
        let text = self.text;
        let content = quote.content.text(text);
        // Every word capitalised but small function words; a long title may
        // hold one lowercase word ("… in Bombus terrestris").
        let (mut count, mut lower) = (0, 0);
        for w in content.split_whitespace() {
            count += 1;
            let w = w.trim_start_matches(|c: char| !c.is_alphanumeric());
            let capital = w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                || matches!(
                    w,
                    "a" | "an" | "and" | "of" | "the" | "to" | "in" | "for" | "on" | "if"
                );
            if !capital {
                lower += 1;
                // Two lowercase words: not a title, whatever follows.
                if lower >= 2 {
                    break;
                }
            }
        }
        let all_caps = count >= 2 && (lower == 0 || (count >= 6 && lower == 1));
        // A document noun right before the mark ("the guide, “…”"), or a
        // naming word after one ("a leaflet headed “…”").
        let before_mark = text
            .get(..quote.span.start)
            .unwrap_or("")
            .trim_end_matches([' ', ',']);
        let after_noun = word_before(text, before_mark.len()).is_some_and(|w| {
            let t = w.text(text);
            let naming = matches!(t, "headed" | "reading" | "read" | "marked" | "says");
            contains(&DOCUMENT_NOUNS, t)
                || (naming && all_caps)
                || (naming
                    && word_before(text, w.start)
                        .is_some_and(|n| contains(&DOCUMENT_NOUNS, n.text(text))))
        });
        if direct {
            // A full title quoted as a sentence-like span: every word
            // capitalised and a document noun before it.
            return all_caps && after_noun;
        }
        // A nickname inside a name: Danny "Tank" Osei.
        let next_upper = text
            .get(quote.span.end..)
            .and_then(|r| r.strip_prefix(' '))
            .is_some_and(|r| r.starts_with(char::is_uppercase));
        let prev_upper = word_before(text, quote.span.start)
            .is_some_and(|w| w.text(text).starts_with(char::is_uppercase));
        (next_upper && prev_upper) || all_caps || after_noun
    }
}
