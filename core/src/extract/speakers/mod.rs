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
//!   she said."; the organisation's apposition may stand before the verb:
//!   "A spokesman for Healthwatch Penbury, the local watchdog, said …"), is
//!   that spokesperson: resolved as a nominal. A quote of
//!   several sentences counts from the sentence it opens.
//! - **nominal** ("the company", "the airport", "a union spokesman", "a
//!   spokesperson for the carrier"): the organisation named before the quote
//!   whose name holds the noun ("the bank" → Northgate Bank) or has it in
//!   apposition ("Westshire Highways, the county's roads agency,"), else the
//!   nearer of the one that spoke last and the one that is the subject of a
//!   recent sentence, else the one in the headline, else the one named
//!   last; the role ("spokeswoman") is kept. A business noun ("the
//!   company", "the firm") never takes an organisation whose name, or the
//!   clause in apposition to it, holds an institution noun ("University of
//!   Lowfield", "City Council", "the Food Standards Office, the government
//!   regulator,"), nor a union, league, federation or party by name. A noun for a kind of organisation ([`KIND_NOUNS`]: "the
//!   club", "the airline", "the council") never takes one whose name holds
//!   another kind and not its own ("Northern Football League", "Aircrew
//!   and Travel Union"). A sentence opening "The <noun>" ("The safety
//!   board said …") has for its subject the organisation named before
//!   whose name holds the noun, a quote's too ("National Rail Safety
//!   Board"). An organisation after a preposition ("flights from
//!   Carnbridge Airport") counts as a sentence's subject only when no
//!   organisation spoke and none is a subject otherwise. "The
//!   league" also finds a league named for its tier ("Eastern
//!   Premiership", "Coastal Conference").
//! - **headline organisation**: an organisation the headline opens with
//!   that no entity of the body names (`Dunmarsh Water recalls …`, then
//!   only "the company" and "it"): the entity stage gives no entities for
//!   the headline, so this stage reads the headline alone
//!   ([`headline_org`]); a nominal or "it" with no organisation of the
//!   body to take (after those that spoke, are subjects or are in the
//!   headline, before the one named last) takes it, given as
//!   [`Speaker::crowd`] with its key.
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
//! - **interview answer**: in a question-and-answer write-up, a quote
//!   opening the paragraph after an unquoted question in the writer's
//!   voice ("Was money a factor?") is the interviewee's: the speaker of
//!   the last such answer, else the person named before the first
//!   question (`Context::interview_answer`). Tried before continuation,
//!   and for a he/she the pronoun rule leaves unresolved.
//! - **second half**: a sentence interrupted by its attribution (`"Ask
//!   me," he said, "in April."`): the quote after the cue is the first
//!   half's speaker's, however short (`Context::second_half`; tried
//!   first, so no quoted-term rule takes it).
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
//!   them at half-time, '…'"); a progressive verb introduces one too ("Dad
//!   kept asking me, '…'"). A name after "that" is the subject of the
//!   reported clause ("Mr Lusk will tell you that Gavin Stott … said,
//!   '…'": Stott). A third-person subject in the speaker's own words (he,
//!   she, "my husband", "Dad") is the latest person of that gender named
//!   before the outer quote, in its paragraph or the one before, who is
//!   not the outer speaker ("He came home and said, '…'," she said →
//!   her husband, named before); a role noun ("The skipper came on the
//!   tannoy and said, '…'") the one such person whose mention carries it.
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
//! organisation noun or a person's role ("The chief constable said the
//! roads were "…""), with a speech verb of its own before a quote (no
//! "that" or "who" before the verb) and no person named before the quote
//! ("The force appealed for …, and said it was "…""), gives that nominal,
//! resolved as a written one. A role noun no list holds is a person's role
//! when the text gives it to a person named before ("Senior forecaster Tom
//! Hale" … "the forecaster warned").
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
//! asker's; "<Name> was asked …" keeps the subject. So is a he/she quote
//! opening the sentence after "<Name> asked <Other> whether/why …" (a
//! question, not a request "asked … to"): the one asked answers. A he/she
//! closing a sentence of reported speech ("Trask had been invited twice,
//! she said") is, like a quote opening its sentence, the subject of the
//! sentence before in the paragraph: a name inside what is reported is
//! what is spoken about. Among same-gender
//! candidates, a he/she opening its sentence after a sentence with no
//! named subject is the one candidate that sentence's "The <role noun>"
//! fits ("The judge granted the request. "…," he told Treadwell."), or
//! the one asked right after an ask verb, the answer carried on by a
//! sentence opening with the same pronoun ("Lennard asked Ainsworth
//! whether …. She said …. "…," she said."). A "counterpart"
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
//!
//! The rules live in one file each, all methods of one `Context`:
//! `people.rs` (people among guessed names, genders, shared surnames),
//! `written.rs` (a speaker as written: names, roles, nominals),
//! `looking_back.rs` (the walk back to a pronoun's or nominal's entity),
//! `quote.rs` (one quote's rules in order), `around.rs` (chants, nested
//! quotes, later and earlier sentences, colons), `headline.rs`,
//! `documents.rs` (written texts as speakers, "according to"),
//! `clauses.rs` (relative clauses) and `terms.rs` (scare quotes, terms,
//! inscriptions and titles: no speaker). Crowds are in
//! [`super::crowds`].

use crate::model::{Fnv, HashMap, Span};

use super::attribution::Attribution;
use super::crowds::{CHANT_VERBS, Crowd, crowd_subject};
use super::entities::{Entity, EntityKind, find_entities, name_key};
use super::lexicon::{
    BUSINESS_NOUNS, FEMALE_GIVEN_NAMES, HONORIFICS, INSTITUTION_NOUNS, KIND_NOUNS, KNOWN_ORGS,
    MALE_GIVEN_NAMES, NAME_PARTICLES, ORG_NOUNS, ORG_WORDS, PERSON_NOUNS, ROLE_WORDS, STOP_WORDS,
    TEXT_NOUNS, WordSet, contains,
};
use super::quotes::{Quote, QuoteKind, RULE_LATER_PARAGRAPH};
use super::{Document, Sentence};

mod around;
mod clauses;
mod documents;
mod headline;
mod looking_back;
mod people;
mod quote;
mod terms;
mod written;

/// How far back (in paragraphs) a pronoun or role looks for its person.
pub const MAX_PARAGRAPHS_BACK: usize = 3;
/// Most mentions looked at on any one walk back.
const MAX_MENTIONS_BACK: usize = 48;
/// Most bytes after a nominal speaker where an appositive name may stand.
const MAX_APPOSITION_BYTES: usize = 80;

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
    /// chanted "…""), with its key. For a nominal or "it" resolved to an
    /// organisation named only in the headline (no entity names it either):
    /// that name, its span in the headline, with its key.
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

/// Heads of a speaker who speaks for an organisation.
static SPOKES_NOUNS: WordSet =
    WordSet::new("representative|spokesman|spokespeople|spokesperson|spokeswoman|statement");

/// Verbs of speech that tie a quote to the subject of its sentence or to
/// the speaker right after it (and "rated": an inspector's rating,
/// `rated the school "inadequate"`, is its words, as a term it "called"
/// something is).
static SPEECH_VERBS: WordSet = WordSet::new(
    "added|adds|admitted|announced|argued|asked|branded|called|chanted|chanting|claimed|\
     confirmed|declared|described|dubbed|explained|insisted|labelled|noted|pledged|posted|\
     promised|rated|replied|said|says|shouted|stated|tells|termed|testified|told|tweeted|urged|\
     vowed|warned|writes|wrote",
);

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
    /// An organisation named only in the headline ([`headline_org`]): no
    /// entity of the body names it, so it stands as the entity index
    /// `entities.len()` (one past the last) while the stage runs, and a
    /// speaker resolved to it gets its key as [`Speaker::crowd`].
    headline_org: Option<Crowd>,
}

/// What [`Context::org_back`] asks of an entity.
#[derive(Clone, Copy, Default)]
struct OrgFacts {
    /// An organisation or a group.
    org: bool,
    /// Its key, or its apposition, holds one of [`INSTITUTION_NOUNS`], or
    /// its key a union's, league's, federation's or party's noun: no
    /// business.
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
        headline_org: headline_org(text, document, entities),
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
    crate::model::sort(&mut cues);
    for s in 0..sentences.len() {
        if let Some(found) = cx.subject_speech(s)
            && cues.binary_search(&found.0).is_err()
        {
            sources.push(found);
        }
    }
    // "when the airline added 30 daily flights": "added" before a number
    // or a word of quantity adds something; nobody speaks.
    sources.retain(|&(at, _)| {
        let mut ws = words(text, Span::new(at, text.len().min(at + 40)));
        let verb = ws.next().map_or("", |w| w.text(text));
        let object = ws.next().map_or("", |w| w.text(text));
        !(matches!(verb, "added" | "adds" | "adding")
            && (object.starts_with(|c: char| c.is_ascii_digit())
                || matches!(object, "another" | "extra" | "more")))
    });
    crate::model::sort_by_key(&mut sources, |&(at, s)| (at, s.start));
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
        if quote.rule == crate::extract::quotes::RULE_HEADLINE_ECHO {
            // The headline echoes a word the body quotes: that quote's speaker.
            use crate::extract::quotes::quoted_words;
            let words = quoted_words(text, quote.content);
            let echoed = quotes
                .iter()
                .zip(&out)
                .skip_while(|(q, _)| q.span.end <= body_start)
                .find(|(q, _)| quoted_words(text, q.content) == words)
                .map(|(_, s)| s.clone());
            if let (Some(mut speaker), Some(slot)) = (echoed, out.get_mut(qi)) {
                speaker.written = None;
                speaker.resolution = Resolution::Headline;
                *slot = speaker;
            }
            continue;
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
    // The organisation named only in the headline, from its stand-in index.
    for speaker in &mut out {
        if speaker.entity == Some(entities.len()) {
            speaker.entity = None;
            speaker.crowd = cx.headline_org.clone();
        }
        speaker.candidates.retain(|&c| c < entities.len());
    }
    out
}

/// **headline organisation**: the organisation a headline opens with
/// (`Dunmarsh Water recalls 80,000 bottles …`) when the body never names
/// it (it says only "the company" and "it"). The entity stage gives no
/// entities for the headline, so this stage reads the headline alone with
/// [`find_entities`]: its first entity, when it opens the headline, is an
/// organisation of two words or more, and shares no word (of three letters
/// or more) with the key of any entity of the body (a body that names
/// "Kelbrook" or "Lumora" names that one itself). A nominal or "it" with no
/// organisation of the body to take ([`Context::org_back`]) takes it.
fn headline_org(text: &str, document: &Document, entities: &[Entity]) -> Option<Crowd> {
    let headline = document.headline?;
    let found = find_entities(
        text,
        &[Sentence {
            span: headline,
            part: 0,
        }],
    );
    let first = found.first()?;
    if first.kind != EntityKind::Organisation
        || first.span.start != headline.start
        || !first.key.contains('-')
    {
        return None;
    }
    let shared = first
        .key
        .split('-')
        .filter(|w| w.len() > 2)
        .any(|w| entities.iter().any(|e| e.key.split('-').any(|b| b == w)));
    (!shared).then(|| Crowd {
        span: first.span,
        key: first.key.clone(),
    })
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
    /// The mentions at byte positions `from..to` (`from` inclusive, `to`
    /// exclusive; for "after `x`" pass `x + 1`), found by two binary
    /// searches: a slice of `mentions`, empty when the range is.
    pub(super) fn mentions_in(&self, from: usize, to: usize) -> &[Mention] {
        let i = self.mentions.partition_point(|m| m.at < from);
        let j = self.mentions.partition_point(|m| m.at < to);
        self.mentions.get(i..j).unwrap_or(&[])
    }

    pub(super) fn sentence_of(&self, at: usize) -> Option<usize> {
        self.sentences
            .partition_point(|s| s.span.start <= at)
            .checked_sub(1)
    }

    pub(super) fn paragraph_at(&self, at: usize) -> usize {
        self.sentence_of(at)
            .and_then(|s| self.paragraph_of.get(s).copied())
            .unwrap_or(0)
    }

    pub(super) fn kind(&self, entity: usize) -> Option<EntityKind> {
        if self.person.get(entity).copied().unwrap_or(false) {
            return Some(EntityKind::Person);
        }
        self.entities.get(entity).map(|e| e.kind)
    }

    pub(super) fn key(&self, entity: usize) -> &'a str {
        let entity = self.alias.get(entity).copied().unwrap_or(entity);
        self.entities.get(entity).map_or("", |e| e.key.as_str())
    }

    /// The mention a resolved speaker is given as: a lone surname stands
    /// for the full name.
    pub(super) fn canonical(&self, entity: usize) -> usize {
        self.alias.get(entity).copied().unwrap_or(entity)
    }

    pub(super) fn is_speaker_kind(kind: EntityKind) -> bool {
        matches!(
            kind,
            EntityKind::Person | EntityKind::Organisation | EntityKind::Group
        )
    }

    /// The outermost quotes, in text order ([`Context::quoted`]).
    pub(super) fn collect_quoted(&mut self, quotes: &[Quote]) {
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

    pub(super) fn collect_mentions(&mut self) {
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

    /// A person's gender: from the text ([`Context::collect_genders`]),
    /// else from the given-name lists when the name is clearly one sex's
    /// (a name of either sex, or none known, stays unknown).
    pub(super) fn gender(&self, entity: usize) -> Gender {
        let key = self.key(entity);
        if let Some(&g) = self.genders.get(key) {
            return g;
        }
        given_name_gender(key)
    }

    pub(super) fn push_event(&self, events: &mut Vec<Event>, entity: usize, at: usize) {
        let sentence = self.sentence_of(at).unwrap_or(0);
        events.push(Event {
            entity,
            at,
            paragraph: self.paragraph_of.get(sentence).copied().unwrap_or(0),
        });
    }

    /// The speaker-kind mentions inside `span`: the first person, else the
    /// first organisation or group.
    pub(super) fn named_in(&self, span: Span) -> Option<usize> {
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
        // A guessed name the text treats as a person's is one only when no
        // name the entity stage itself calls a person follows in the
        // speaker as written: "Rovers manager Gary Preston" (a team called
        // by its last word) is Preston.
        let mut guessed_person = None;
        for (i, e) in inside {
            if e.kind == EntityKind::Person {
                return Some(from + i);
            }
            if self.kind(from + i) == Some(EntityKind::Person) {
                guessed_person = guessed_person.or(Some(from + i));
                continue;
            }
            // "Veltrin's Justice Ministry": the owner names whose the
            // organisation is; the organisation speaks.
            if first.is_none() && self.owns_next(from + i).is_some_and(|n| span.contains(n)) {
                continue;
            }
            first = first.or(Some(from + i));
        }
        guessed_person.or(first)
    }
}
