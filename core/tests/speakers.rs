//! Quote → speaker attribution, scored against a hand-labelled collection.
//!
//! `tests/speakers/` holds invented news articles (`*.txt`: headline, date
//! line, blank line, paragraphs) and, next to each, a hand-written
//! `*.expected` file naming the speaker of every quote in text order (see
//! `tests/speakers/README.md` for the format and the pattern counts).
//!
//! Two folders, scored and reported separately:
//! - `tuning/` is in-sample: look at it, and at the per-quote detail, while
//!   tuning the speaker rules (`SPEAKERS_DETAIL=tuning`);
//! - `set-aside/` is held out: never look at its articles or its mistakes
//!   while tuning; its score is the honest number.
//! - `set-aside-fresh/` is held out too, written later by someone who read
//!   neither the rules nor the engine's output: only its folder totals are
//!   printed (no per-quote detail, whatever `SPEAKERS_DETAIL` says), and no
//!   floor is asserted on them yet.
//! - `set-aside-late/` is held out the same way: written on 2026-12-06 by
//!   someone who read neither the rules nor the output, kept unscored until
//!   the day's rules were final, then read once.
//! - `set-aside-fourth/` the same way, a session later.
//! - `set-aside-fifth/` the same way, written on 2026-12-07 and kept
//!   unscored until that session's rules were final; **in-sample** since
//!   the session that wrote `set-aside-ninth/` read its per-quote detail.
//! - `set-aside-sixth/` the same way, written on 2026-12-07 a session later,
//!   kept unscored until that session's rules were final, then read once.
//! - `set-aside-seventh/` the same way, written on 2026-12-07 late in the
//!   session that read the sixth, kept unscored, then read once with the
//!   same final rules.
//! - `set-aside-eighth/` and `set-aside-ninth/` the same way, each kept
//!   unscored (only in the data check) until its session's rules were
//!   final, then read once.
//!
//! Run with `cargo test -p parallax-core --test speakers -- --nocapture` to see
//! the report. The floors below are today's numbers rounded down; a change
//! that lowers a score fails, a change that raises it should raise the floor.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use parallax_core::extract::entities::name_key;
use parallax_core::extract::{Analysis, analyze};

/// The patterns an expected line may be tagged with.
const PATTERNS: &[&str] = &[
    "named",
    "pronoun",
    "continuation",
    "earlier-sentence",
    "later-sentence",
    "apposition",
    "role",
    "nominal-org",
    "org-spokes",
    "colon",
    "multi-paragraph",
    "headline",
    "nested",
    "same-gender-trap",
    "shared-surname",
    "scare",
    "document",
];

/// Today's numbers, rounded down (recall, speaker accuracy) or up (invented
/// speakers); see [`check_floors`].
struct Floors {
    recall: f64,
    speaker_accuracy: f64,
    invented_ceiling: f64,
}

/// Measured on 176 articles: recall 1474/1474 (1.000), speaker accuracy
/// 1371/1380 (0.993; persons 1032/1038, organisations 323/323), invented
/// 0/94, after the rules for organisations by their trade's name words
/// (`the airline` → `Corvane Air`), public-body nouns that never take a
/// business, union or campaign, a kind noun that never takes an
/// association or trust, club names that are no person, "which" clauses,
/// written findings (`The report said …`) that are nobody's words, `"…,"
/// <Name>, <apposition>, said`, and `Bus and Coach Workers' Union` as one
/// name. The last eight articles (keys first, centred on organisation
/// speakers) had 45 of their 59 quotes right at their first run (the
/// first six; persons 12/13, organisations 21/34) and 17 of 18 (the last
/// two, written after the rules to check them). On the 168 articles
/// before: 1310/1319 (was 1308). Floor 0.99.
/// Measured on 168 articles: recall 1397/1397 (1.000), speaker accuracy
/// 1307/1319 (0.991; persons 1016/1022, organisations 275/278), invented
/// 0/78, with one more article (`local-wrenford-bin-strike`, keys first,
/// written after the rules below to check them: 4 of its 7 quotes right,
/// the entity stage splitting "Municipal and General Workers' Union")
/// and "the company" never a union, league, federation or party. Floor
/// 0.99.
/// Measured on 167 articles: recall 1390/1390 (1.000), speaker accuracy
/// 1303/1312 (0.993; persons 1013/1019, organisations 274/274), invented
/// 0/78, after an organisation named only in the headline, a noun for a
/// kind of organisation that never takes another kind, a nominal subject
/// ("The safety board said …") naming an organisation, an organisation
/// after a preposition taken only when no other, and a regulator in
/// apposition that "the company" never takes.
/// On 167 articles, at the first run of the last four (keys first,
/// centred on organisation speakers: a company named only in the
/// headline, `the airline` / `the club` / `the regulator` after another
/// kind of organisation spoke, a ministry's statement over three
/// paragraphs): recall 1390/1390, speaker accuracy 1292/1312 (0.985;
/// persons 1013/1019, organisations 263/274), invented 0/78; the four
/// articles 27 of their 35 quotes right. Floor lowered (accuracy 0.98)
/// for that commit only.
/// Measured on 163 articles: recall 1355/1355 (1.000), speaker accuracy
/// 1265/1277 (0.991), invented 0/78, after a role noun as a nested
/// quote's subject (`"The skipper came on the tannoy and said, '…'"`)
/// names the one person before whose mention carries it. Before:
/// 1264/1277 (0.9898, floor 0.98 for that commit), after a headline
/// label with a dash (`'…' – union chief vows …`) is read as a quote.
/// On 163 articles, at the first run of the last two (keys first,
/// written after the rules below to check them: a headline label with a
/// dash, `'…' – union chief vows …`, a role noun as a nested quote's
/// subject, `The skipper came on the tannoy and said, '…'`, a letter
/// quoted inside a quote, `the company said` / `It described` after a
/// person of the firm, a later-sentence pointer): recall 1354/1355
/// (0.999; the dash headline's quote not found), speaker accuracy
/// 1263/1277 (0.989), invented 0/78; the two articles 11 of their 13
/// quotes with a speaker right. Floors lowered (recall 0.999, accuracy
/// 0.98) for that commit only.
/// Measured on 161 articles: recall 1341/1341 (1.000), speaker accuracy
/// 1252/1264 (0.991), invented 0/77, after the rules the last eight led
/// to (a nested quote's subject after "that" or as a third person in the
/// speaker's words, a progressive verb before a nested quote, a
/// spokesperson subject with its organisation's apposition, a he/she
/// after "The <role noun> …" or after a question put to one candidate,
/// a person noun before a guessed name, `GP` a common noun): 64 of their
/// 67 quotes with a speaker right; the three wrong are one organisation
/// named only in the headline (no entity is read there).
/// On 161 articles, at the first run of the last eight (keys first, for
/// the patterns the held-out tables showed weakest: nested quotes of
/// several shapes, an organisation named only in the headline or before
/// a person and then called `the firm` / `it`, headline quotes of all
/// three forms whose speaker only the body names, same-gender pairs and
/// later-sentence speakers: 56 of their 67 quotes with a speaker right,
/// neither of their 2 `-` quotes given a speaker): recall 1341/1341
/// (1.000), speaker accuracy 1244/1264 (0.984), invented 0/77. The floor
/// was lowered to 0.98 for that commit only, the data being new, and
/// raised back to 0.99 with the rules.
/// Measured on 153 articles: recall 1272/1272 (1.000), speaker accuracy
/// 1187/1197 (0.992), invented 0/75, after a question-and-answer
/// write-up's answers, the second half of an interrupted sentence, `A
/// <noun> spokeswoman`, `<Name> Light` as a place, a role before a
/// titled name and a live blog's timestamp (the last eight articles:
/// 58/68; ten of their quotes stay wrong, listed in the README).
/// On 153 articles, at the first run of the last eight (keys first, for
/// an obituary, a feature, a live blog, a question-and-answer write-up, a
/// Commons debate, a celebrity split, a heath fire and a match report: 47
/// of their 68 quotes with a speaker right, one of their 7 `-` quotes, a
/// sign, given a speaker): recall 1272/1272 (1.000), speaker accuracy
/// 1176/1197 (0.982), invented 1/75.
/// Measured on 145 articles: recall 1197/1197 (1.000), speaker accuracy
/// 1129/1129 (1.000), invented 0/68, after a compound crowd noun
/// ("festival-goers") counts as a crowd (the last two articles, keys
/// first, written to check the rules: 11/12 at their first run). On 143
/// articles: speaker accuracy
/// 1117/1117 (1.000), invented 0/68, after a "which" clause's agent
/// speaks for the thing only when it runs it ("run by", not "owned by")
/// and a lowercase plural right before a chant verb is a crowd (the last
/// three articles, keys first, written to check the rules: 19/21 at
/// their first run). On 140 articles: speaker accuracy
/// 1096/1096 (1.000), invented 0/68, after a "which" clause gives a
/// spokesperson's body only as its agent ("run by <Org>") and "referee"
/// and "umpire" became person nouns (the last three articles, keys
/// first, written to check the rules: 21/23 at their first run). On 137
/// articles: speaker accuracy
/// 1073/1073 (1.000), invented 0/68, after a relative named by given name
/// after "Her"/"His" took the family name of the person named just
/// before. Before: 1072/1073 (0.999), after the rules for an unnamed crowd
/// that chants, a "counterpart" of an official, a spokesperson's
/// organisation in a "which" clause, a reply to the one asked, a body
/// after its owner's possessive, "the letter said", musicians' roles, a
/// statement's cue carried over a person, "According to <Name>, who …,"
/// and the words of a promise (the last three articles, keys first,
/// written after those rules to check them: 17/22 at their first run, a
/// song's title given a speaker). On 134 articles, at the first run of
/// the ten before them (keys first, for beats the folder had little of:
/// 74 of their 86 quotes with a speaker right, none of their 7 `-`
/// quotes given one): recall 1117/1117 (1.000), speaker accuracy
/// 1032/1051 (0.982), invented 0/66.
/// On 124 articles: recall 1024/1024 (1.000), speaker accuracy
/// 958/965 (0.993), invented 0/59, after a name before a parenthetical
/// "she said" stopped being the pronoun's person (the last three articles,
/// keys first, written to check the rules: 15/16 at their first run).
/// On 121 articles: recall 1007/1007 (1.000), speaker accuracy
/// 942/949 (0.993), invented 0/58, after `title` became a document noun,
/// `Fr` a title, `<Place>'s Ministry of <Name>` one name and a paragraph's
/// he/she stopped counting a possessive that opens a role in apposition
/// (the last three articles, keys first: 14/17 at their first run, a
/// paper's title given a speaker). On 118 articles: recall 986/986 (1.000), speaker accuracy
/// 925/932 (0.992), invented 0/54, after the rules for particle chains in
/// names, hyphenated and titled surnames, a surname that opens a family
/// firm's name, `the Democrat` / `the Dane`, titles as role nouns, a
/// singular "they", a name in apposition to a possessive's role, an
/// opening phrase before a subject, an unnamed group's term and a nominal
/// next to a first-person quote. The nine articles added before them
/// (keys first) had 47 of their 73 quotes with a speaker right at their
/// first run, and one term given a speaker; the last three, keys first,
/// written after the rules to check them: 21/23 at their first run. Four
/// quotes of crowds (no entity; one of them older) and three other quotes
/// of the nine stay wrong.
/// On 106 articles: recall 881/881 (1.000), speaker accuracy
/// 835/836 (0.999), invented 0/45 (the last article, keys first, written
/// to check the rules: 5/5 at its first run). On 105 articles: recall
/// 876/876 (1.000), speaker accuracy
/// 830/831 (0.999), invented 0/45 (the last article, keys first, written
/// after the rules below to check them: 5/5 at its first run). On 104
/// articles: recall 871/871 (1.000), speaker accuracy
/// 825/826 (0.999), invented 0/45, after a headline's two quoted words
/// after a headline verb and "of" (`… as leader warns of "…"`) are read as
/// a quote, and two people the headline's role fits are told apart by
/// their body quotes' words (the last article, keys first: 5/6 at its
/// first run, the headline quote not found). On 103 articles: recall
/// 865/865 (1.000), speaker accuracy
/// 819/820 (0.999), invented 0/45 (the last two articles, keys first,
/// written after the rules below to check them: 11/11 at their first
/// run). On 102 articles: recall 860/860 (1.000), speaker accuracy
/// 814/815 (0.999), invented 0/45 (the last article, keys first, written
/// after the rules below to check them: 6/6 at its first run). On 101
/// articles: recall 854/854 (1.000), speaker accuracy
/// 808/809 (0.999), invented 0/45, after `MP` became a title and a title
/// may follow a qualifier (`Local MP <Name>`, `Former President <Name>`)
/// (the last article, keys first: 5/7 at its first run). On 100 articles:
/// recall 847/847 (1.000), speaker accuracy
/// 801/802 (0.999), invented 0/45, after a headline's capitalised word is
/// read as a role only when it is a role noun, and "<Org> boss" is not the
/// organisation (the last article, keys first: 6/7 at its first run). On
/// 99 articles: recall 840/840 (1.000), speaker accuracy
/// 794/795 (0.999), invented 0/45 (the last article, keys first, written
/// after the rules below to check them: 7/7 at its first run). On 98
/// articles: recall 833/833 (1.000), speaker accuracy
/// 787/788 (0.999), invented 0/45, after the rule for `"…," it said` after
/// "The letter …" (the last article, keys first: 8/9 of its quotes with a
/// speaker right at its first run). On 97 articles: recall 823/823 (1.000), speaker accuracy
/// 778/779 (0.999), invented 0/44 (the last article, keys first, written
/// after the rules below to check them: 8/8 at its first run). On 96
/// articles: recall 815/815 (1.000), speaker accuracy
/// 770/771 (0.999), invented 0/44, after a gendered word after a
/// possessive in apposition (", whose son is …,") no longer gives the
/// named person that gender. Before: 769/771 (0.997), after the rule for a lede quote whose
/// sentence opens with "A <role noun>" named by that role later (the last
/// article, keys first: 5/7 at its first run). On 95 articles: recall 808/808 (1.000), speaker accuracy
/// 762/764 (0.997), invented 0/44, after the rule for couples named
/// "Ray and Sandra Pugh" (the last article, keys first: 5/7 at its first
/// run). On 94 articles: recall 801/801 (1.000), speaker accuracy
/// 754/757 (0.996), invented 0/44 (the last two articles, keys first:
/// 13/14 at their first run; then the rules for a short quote after its
/// own colon cue and a subject's relative clause). On 92 articles: recall
/// 787/787 (1.000), speaker accuracy 740/743 (0.996), invented 0/44, after the rules for a colon cue before
/// a continuation, a role in apposition before a name, a relative clause
/// after "The <org noun>" and a court report's frame; the five articles
/// added with them scored 31/35 at their first run. On 87 articles: recall
/// 752/752 (1.000), speaker accuracy 705/708 (0.996), invented 0/44; the
/// last two articles, keys written after the rules below to check them,
/// were right at their first run (15/15). On 85 articles, after the rules the 27 articles added before
/// them led to (inscriptions, speech nouns after a quote, nested verbs with an
/// object, possessive apposition, nominal subjects, headline words after
/// "as", nicknames inside names, "the statement went on", own colon cues,
/// gendered titles on shared surnames, a lede's speaker named in the next
/// sentence, subject pronouns): recall 737/737 (1.000), speaker accuracy
/// 690/693 (0.996), invented 0/44. Those 27 articles, keys written first,
/// had 195 of their 213 quotes with a speaker right at their first run
/// (batch by batch: 94/99, 35/37, 31/32, 18/25, 17/20).
/// Before, on 58 articles, with the rules for one-word organisations in
/// apposition, relatives named by given name, league spokespeople, terms
/// after "its own", "according to the <Org>", "said its chair, <Name>",
/// "<Name> wrote:" and a team called by its last word: recall 515/515 (1.000), speaker
/// accuracy 478/480 (0.996), invented 0/35. The first seven of the eleven
/// articles added then (keys written first) had 51 of their 60 quotes with
/// a speaker right, and one invented speaker, before these rules; the last
/// three, written after the rules, were right at their first run.
/// Before, on 47 articles, with statements split per paragraph and the
/// rules for role words before a name, spokesperson pronouns, opening
/// phrases, reported-speech continuations and quoted terms: recall 415/415
/// (1.000), speaker accuracy 379/389 (0.974), invented 0/26. On the
/// twelve articles added then (keys written first), 9 of their 99 quotes
/// with a speaker were missed at their first run. Before, on 35 articles: recall 307/310 (0.990), speaker accuracy
/// 275/290 (0.948), invented 0/20 (on the 32 articles before: 250/262; the
/// three new articles, keys written first, scored 17/32 before these rules
/// and 25/28 after, the keys trimmed to the quote limit). With resolved
/// speakers on 32 articles: recall 277/282 (0.982),
/// speaker accuracy 246/262 (0.939), invented 0/20. Before the second rule
/// set (given-name gender already read): 202/226 on the 28 articles then in
/// the folder, 163/176 on the first 23 (129/176 with the first rule set, 54/176
/// before resolution).
const TUNING_FLOORS: Floors = Floors {
    recall: 1.0,
    speaker_accuracy: 0.99,
    invented_ceiling: 0.01,
};

/// Measured with resolved speakers: recall 97/100 (0.970), speaker
/// accuracy 66/89 (0.742; 56/89 with the first rule set, 18/89 before;
/// unchanged by the given-name lists and the second rule set), invented
/// 1/11 (0.091). With headline quotes read and resolved: recall 100/100,
/// speaker accuracy 69/89 (0.775), invented 1/11. With statements split
/// per paragraph and the rules tuned on twelve more tuning articles (the
/// set-aside articles unread): recall 100/100, speaker accuracy 74/89
/// (0.831), invented 1/11. With the rules tuned on eleven more tuning
/// articles (the set-aside articles unread; their totals read once, at the
/// end): recall 100/100, speaker accuracy 76/89 (0.854), invented 1/11.
/// With the rules tuned on 27 more tuning articles (the set-aside articles
/// unread; only this total read, after each batch): speaker accuracy
/// 77/89 (0.865). With the rules tuned on 18 more tuning articles (issue
/// 15; the set-aside articles unread, this total read once before and once
/// at the end): recall 100/100, speaker accuracy 78/89 (0.876), invented
/// 1/11.
const SET_ASIDE_FLOORS: Floors = Floors {
    recall: 1.0,
    speaker_accuracy: 0.87,
    invented_ceiling: 0.10,
};

/// The second held-out folder, written on 2026-12-06 without reading the
/// rules or the engine's output.
const FRESH: &str = "set-aside-fresh";

/// Its totals, read once when the speaker rules of that day were final
/// (no rule was changed after): recall 79/79, speaker accuracy 63/72
/// (0.875; persons 51/57, 0.895), invented 1/7. Read again at the end of
/// the next session, after two more rounds of tuning (tuning articles
/// only): unchanged.
const FRESH_FLOORS: Floors = Floors {
    recall: 1.0,
    speaker_accuracy: 0.87,
    invented_ceiling: 0.15,
};

/// The third held-out folder, written like the second one day later in the
/// session and read once, with that session's rules final.
const LATE: &str = "set-aside-late";
/// Its totals, read once with the rules of that session final (no rule
/// was changed after): recall 79/80, speaker accuracy 65/72 (0.903;
/// persons 53/58, 0.914), invented 0/8. Read again at the end of the
/// next session (tuned on tuning articles only): accuracy 66/72 (persons
/// 54/58, 0.931).
const LATE_FLOORS: Floors = Floors {
    recall: 0.98,
    speaker_accuracy: 0.91,
    invented_ceiling: 0.0,
};

/// The fourth held-out folder, written on 2026-12-06 like the third, a
/// session later, and kept unscored until that session's rules were final.
const FOURTH: &str = "set-aside-fourth";

/// Its totals, read once with the rules of that session final (no rule
/// was changed after): recall 80/80, speaker accuracy 61/71 (0.859;
/// persons 47/52, 0.904; organisations 13/18), invented 1/9. Read again at
/// the end of the next session (tuned on tuning articles only): 63/71
/// (organisations 15/18).
const FOURTH_FLOORS: Floors = Floors {
    recall: 1.0,
    speaker_accuracy: 0.85,
    invented_ceiling: 0.12,
};

/// The fifth folder, written on 2026-12-07 by someone who read neither the
/// speaker rules nor the engine's output on any article (only the README
/// and a few `tuning/` articles and keys, for the format), and kept
/// unscored until that session's rules were final. It is **in-sample**
/// since the session that wrote `set-aside-ninth/`: its per-quote detail
/// was read to fix the rules (`SPEAKERS_DETAIL=set-aside-fifth`), so its
/// numbers are no longer an honest estimate.
const FIFTH: &str = "set-aside-fifth";

/// Its totals, read once with the rules of that session final (no rule
/// was changed after): recall 79/80, speaker accuracy 62/74 (0.838;
/// persons 42/50, 0.84; organisations 17/20), invented 1/6. Re-read with
/// the rules of the session that read `set-aside-eighth/`: speaker
/// accuracy 63/74 (0.851; persons 43/50); with the next session's rules,
/// before its detail was read: 64/74 (0.865; persons 44/50). Then, tuned
/// on: 70/74 (0.946), recall 80/80 (a headline's quoted term the body
/// quotes too), invented 0/6 (its scare quote glossed as "the term the
/// industry uses" no longer given a speaker).
const FIFTH_FLOORS: Floors = Floors {
    recall: 1.0,
    speaker_accuracy: 0.94,
    invented_ceiling: 0.0,
};

/// The sixth held-out folder, written on 2026-12-07 by someone who read
/// neither the speaker rules, the engine's source nor its output (only the
/// README and a few `tuning/` articles and keys, for the format), kept
/// unscored until that session's rules were final.
const SIXTH: &str = "set-aside-sixth";

/// The seventh held-out folder, written on 2026-12-07 by someone who read
/// neither the speaker rules, the engine's source nor its output (only the
/// README and a few `tuning/` articles and keys, for the format), kept
/// unscored until that session's rules were final.
const SEVENTH: &str = "set-aside-seventh";

/// The eighth held-out folder, written on 2026-12-07 by someone who read
/// neither the speaker rules, the engine's source nor its output (only the
/// README and a few `tuning/` articles and keys, for the format), kept
/// unscored (only in the data check) until that session's rules are final.
const EIGHTH: &str = "set-aside-eighth";

/// The ninth held-out folder, written on 2026-12-07 by someone who read
/// neither the speaker rules, the engine's source nor its output (only the
/// README, four `tuning/` articles and keys and the data check, for the
/// format), kept unscored (only in the data check) until that session's
/// rules were final, then read once.
const NINTH: &str = "set-aside-ninth";

/// Its totals, read once with the rules of that session final (no rule
/// was changed after): recall 80/80, speaker accuracy 67/73 (0.918;
/// persons 50/55, 0.909; organisations 17/18), invented 0/7 (its 3 scare
/// quotes and 4 documents given no speaker).
const NINTH_FLOORS: Floors = Floors {
    recall: 1.0,
    speaker_accuracy: 0.91,
    invented_ceiling: 0.0,
};

/// Its totals, read once with the rules of that session final (no rule
/// was changed after): recall 80/80, speaker accuracy 65/73 (0.890;
/// persons 53/57, 0.930; organisations 12/16), invented 0/7 (its 3 scare
/// quotes and 4 documents given no speaker).
const EIGHTH_FLOORS: Floors = Floors {
    recall: 1.0,
    speaker_accuracy: 0.89,
    invented_ceiling: 0.0,
};

/// Its totals, read once with the rules of that session final (no rule
/// was changed after): recall 80/80, speaker accuracy 63/72 (0.875;
/// persons 45/53, 0.849; organisations 18/19), invented 1/8 (a quoted
/// document; the 4 scare quotes right). Re-read with the rules of the
/// session that read `set-aside-eighth/`: speaker accuracy 65/72 (0.903;
/// persons 47/53, 0.887). That session's role-noun rules were probed with
/// the two kinds of role sentence this folder's README entry names, so
/// this re-reading is not independent of it.
const SEVENTH_FLOORS: Floors = Floors {
    recall: 1.0,
    speaker_accuracy: 0.90,
    invented_ceiling: 0.13,
};

/// Its totals, read once with the rules of that session final (no rule
/// was changed after): recall 80/80, speaker accuracy 62/71 (0.873;
/// persons 50/54, 0.926; organisations 12/17), invented 1/9 (a quoted
/// document; no scare quote or quoted term given a speaker).
const SIXTH_FLOORS: Floors = Floors {
    recall: 1.0,
    speaker_accuracy: 0.87,
    invented_ceiling: 0.12,
};

/// Slack for comparing a ratio with a two-decimal floor.
const EPSILON: f64 = 1e-9;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Person,
    Org,
    Group,
    None,
}

impl Kind {
    const ALL: [Kind; 4] = [Kind::Person, Kind::Org, Kind::Group, Kind::None];

    fn name(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Org => "org",
            Kind::Group => "group",
            Kind::None => "none",
        }
    }
}

/// One line of an `.expected` file.
#[derive(Clone, Debug)]
struct Expected {
    /// The first words of the quote's content, as in the text.
    words: String,
    /// The canonical name, or `None` for `-`.
    speaker: Option<String>,
    kind: Kind,
    pattern: &'static str,
    #[allow(dead_code)] // parsed and validated; not scored yet
    role: Option<String>,
    line: usize,
}

struct Article {
    name: String,
    text: String,
    expected: Vec<Expected>,
}

fn folder(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/speakers")
        .join(name)
}

/// Parses an `.expected` file: `words | speaker | kind | pattern [| role=…]`
/// per line; blank lines and `#` comments are skipped.
fn parse_expected(source: &str) -> Result<Vec<Expected>, String> {
    let mut out = Vec::new();
    for (index, raw) in source.lines().enumerate() {
        let line = index + 1;
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = trimmed.split(" | ").map(str::trim).collect();
        if !(4..=5).contains(&fields.len()) {
            return Err(format!(
                "line {line}: expected 4 or 5 ` | ` fields, got {}",
                fields.len()
            ));
        }
        let words = fields[0];
        let word_count = words.split_whitespace().count();
        if word_count == 0 {
            return Err(format!("line {line}: no quote words"));
        }
        let speaker = match fields[1] {
            "" => return Err(format!("line {line}: empty speaker (use `-`)")),
            "-" => None,
            name => Some(name.to_string()),
        };
        let kind = match fields[2] {
            "person" => Kind::Person,
            "org" => Kind::Org,
            "group" => Kind::Group,
            "none" => Kind::None,
            other => return Err(format!("line {line}: unknown kind `{other}`")),
        };
        if (kind == Kind::None) != speaker.is_none() {
            return Err(format!(
                "line {line}: kind `none` goes with speaker `-`, and only with it"
            ));
        }
        let pattern = PATTERNS
            .iter()
            .copied()
            .find(|p| *p == fields[3])
            .ok_or_else(|| format!("line {line}: unknown pattern `{}`", fields[3]))?;
        let role = match fields.get(4) {
            None => None,
            Some(extra) => match extra.strip_prefix("role=") {
                Some(role) if !role.trim().is_empty() => Some(role.trim().to_string()),
                _ => return Err(format!("line {line}: 5th field must be `role=<role>`")),
            },
        };
        out.push(Expected {
            words: words.to_string(),
            speaker,
            kind,
            pattern,
            role,
            line,
        });
    }
    Ok(out)
}

/// The articles of a folder (every `*.txt` with its `*.expected`), by name.
fn load(name: &str) -> Vec<Article> {
    let dir = folder(name);
    let mut paths: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let text = fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            let expected_path = path.with_extension("expected");
            let source = fs::read_to_string(&expected_path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", expected_path.display()));
            let expected = parse_expected(&source)
                .unwrap_or_else(|e| panic!("{}: {e}", expected_path.display()));
            Article {
                name: format!(
                    "{name}/{}",
                    path.file_stem().unwrap_or_default().to_string_lossy()
                ),
                text,
                expected,
            }
        })
        .collect()
}

/// Curly quotes to straight ones, runs of whitespace to one space, trimmed.
fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        let c = match c {
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '«' | '»' => '"',
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' => '\'',
            c => c,
        };
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    out
}

/// Does the resolved speaker (an entity key of the article) name the
/// expected entity?
///
/// The expected name is keyed like an entity (`Dana Whitfield` →
/// `dana-whitfield`). A match is the same key, or a key whose words hold the
/// expected key's words in a row (`judge-margaret-osei` for Margaret Osei),
/// or the expected key ending in the found key's words when those are at
/// least two (`sony-pictures` for Sony Pictures Entertainment is not a
/// suffix; `northgate-bank` for `The Northgate Bank` is), or its first two or
/// more words (`valdorian-chamber`). A surname alone
/// (`okafor`) matches the full name: an entity key is a surname only when
/// the article never gave the full name.
fn speaker_matches(found: Option<&str>, expected: &str) -> bool {
    let Some(found) = found else {
        return false;
    };
    // Entity keys keep a possessive's `s`: `St Brendan's Hospital` →
    // `st-brendans-hospital`, as `name_key` writes it.
    let expected = name_key(expected);
    if found.is_empty() || expected.is_empty() {
        return false;
    }
    if found == expected {
        return true;
    }
    let dashed = |k: &str| format!("-{k}-");
    if dashed(found).contains(&dashed(&expected)) {
        return true;
    }
    let words = found.split('-').count();
    let suffix = expected
        .strip_suffix(found)
        .is_some_and(|head| head.ends_with('-'));
    // The article's short form of a long name: `valdorian-chamber` for the
    // Valdorian Chamber of Commerce.
    let prefix = expected
        .strip_prefix(found)
        .is_some_and(|tail| tail.starts_with('-'));
    (suffix && (words >= 2 || expected.split('-').count() == 2)) || (prefix && words >= 2)
}

/// Is the found key a lone surname that two expected speakers of the
/// article share (`marsh` for Kevin Marsh and Leah Marsh)? Then it names
/// neither of them.
fn shared_surname(found: Option<&str>, expected: &[Expected]) -> bool {
    let Some(found) = found.filter(|f| !f.contains('-')) else {
        return false;
    };
    let mut owners: Vec<String> = expected
        .iter()
        .filter_map(|e| e.speaker.as_deref())
        .map(name_key)
        .filter(|k| k.len() > found.len() && k.ends_with(&format!("-{found}")))
        .collect();
    owners.sort();
    owners.dedup();
    owners.len() >= 2
}

/// What became of one expected quote.
struct Outcome {
    expected: Expected,
    article: String,
    /// Was a quote with these words found?
    found: bool,
    /// The resolved speaker's entity key, with the speaker as written and
    /// the rule, for the detail.
    speaker: Option<String>,
    shown: String,
    /// Right speaker (or, for `-`, no speaker).
    correct: bool,
}

fn score_article(article: &Article, analysis: &Analysis) -> Vec<Outcome> {
    let contents: Vec<String> = analysis
        .quotes
        .iter()
        .map(|q| normalise(q.content.text(&article.text)))
        .collect();
    let mut used = vec![false; analysis.quotes.len()];
    let mut out = Vec::new();
    for expected in &article.expected {
        let words = normalise(&expected.words);
        let hit = (0..contents.len()).find(|&i| !used[i] && contents[i].starts_with(&words));
        let mut shown = String::new();
        let speaker = hit.and_then(|i| {
            used[i] = true;
            let resolved = analysis.speaker(i);
            let written = analysis.quotes[i]
                .speaker
                .map(|s| normalise(s.text(&article.text)));
            shown = format!(
                "{} [{}{}{}]",
                written.as_deref().unwrap_or("-"),
                resolved.map_or("?", |r| r.resolution.name()),
                resolved
                    .and_then(|r| r.role)
                    .map(|r| format!(", role {:?}", r.text(&article.text)))
                    .unwrap_or_default(),
                resolved
                    .filter(|r| !r.candidates.is_empty())
                    .map(|r| {
                        let keys: Vec<&str> = r
                            .candidates
                            .iter()
                            .filter_map(|&c| analysis.entities.get(c).map(|e| e.key.as_str()))
                            .collect();
                        format!(", candidates {}", keys.join(" / "))
                    })
                    .unwrap_or_default(),
            );
            analysis.speaker_key(i).map(str::to_string)
        });
        let correct = match (&expected.speaker, hit) {
            (_, None) => false,
            (Some(name), Some(_)) => {
                speaker_matches(speaker.as_deref(), name)
                    && !shared_surname(speaker.as_deref(), &article.expected)
            }
            (None, Some(_)) => speaker.is_none(),
        };
        out.push(Outcome {
            expected: expected.clone(),
            article: article.name.clone(),
            found: hit.is_some(),
            speaker,
            shown,
            correct,
        });
    }
    out
}

/// The numbers of one folder.
struct Score {
    articles: usize,
    quotes: usize,
    found: usize,
    with_speaker: usize,
    speaker_correct: usize,
    /// Found quotes that have a speaker, of those expected to have one.
    speaker_given: usize,
    no_speaker: usize,
    no_speaker_found: usize,
    invented: usize,
    /// Engine quotes not matched by any expected line.
    unexpected: usize,
    outcomes: Vec<Outcome>,
}

impl Score {
    fn recall(&self) -> f64 {
        ratio(self.found, self.quotes)
    }

    fn speaker_accuracy(&self) -> f64 {
        ratio(self.speaker_correct, self.with_speaker)
    }

    fn invented_rate(&self) -> f64 {
        ratio(self.invented, self.no_speaker_found)
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

fn score(name: &str) -> Score {
    let articles = load(name);
    let mut outcomes = Vec::new();
    let mut unexpected = 0;
    for article in &articles {
        let analysis = analyze(&article.text);
        let scored = score_article(article, &analysis);
        unexpected += analysis.quotes.len() - scored.iter().filter(|o| o.found).count();
        if detail_wanted(name) {
            for q in &analysis.quotes {
                let content = normalise(q.content.text(&article.text));
                let matched = article
                    .expected
                    .iter()
                    .any(|e| content.starts_with(&normalise(&e.words)));
                if !matched {
                    println!("not expected: {}: {content:?}", article.name);
                }
            }
        }
        outcomes.extend(scored);
    }
    let with_speaker: Vec<&Outcome> = outcomes
        .iter()
        .filter(|o| o.expected.speaker.is_some())
        .collect();
    let no_speaker: Vec<&Outcome> = outcomes
        .iter()
        .filter(|o| o.expected.speaker.is_none())
        .collect();
    Score {
        articles: articles.len(),
        quotes: outcomes.len(),
        found: outcomes.iter().filter(|o| o.found).count(),
        with_speaker: with_speaker.len(),
        speaker_correct: with_speaker.iter().filter(|o| o.correct).count(),
        speaker_given: with_speaker
            .iter()
            .filter(|o| o.found && o.speaker.is_some())
            .count(),
        no_speaker: no_speaker.len(),
        no_speaker_found: no_speaker.iter().filter(|o| o.found).count(),
        invented: no_speaker
            .iter()
            .filter(|o| o.found && o.speaker.is_some())
            .count(),
        unexpected,
        outcomes,
    }
}

fn percent(part: usize, whole: usize) -> String {
    format!("{part:>4}/{whole:<4} {:>6.1}%", 100.0 * ratio(part, whole))
}

fn report(name: &str, label: &str, score: &Score) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "\n=== speakers: {name}/ ({label}) ===");
    let _ = writeln!(
        out,
        "articles {}, expected quotes {} ({} with a speaker, {} without)",
        score.articles, score.quotes, score.with_speaker, score.no_speaker
    );
    let _ = writeln!(
        out,
        "quote recall              {}",
        percent(score.found, score.quotes)
    );
    let _ = writeln!(
        out,
        "speaker accuracy          {}   (of expected quotes with a speaker)",
        percent(score.speaker_correct, score.with_speaker)
    );
    let _ = writeln!(
        out,
        "  some speaker given      {}   (right or wrong)",
        percent(score.speaker_given, score.with_speaker)
    );
    let _ = writeln!(
        out,
        "invented speakers         {}   (of found quotes expected `-`)",
        percent(score.invented, score.no_speaker_found)
    );
    let _ = writeln!(
        out,
        "engine quotes not in the expected files: {}",
        score.unexpected
    );
    let _ = writeln!(
        out,
        "\n{:<18} {:>5} {:>16} {:>16}",
        "pattern", "n", "found", "correct"
    );
    for pattern in PATTERNS {
        let of: Vec<&Outcome> = score
            .outcomes
            .iter()
            .filter(|o| o.expected.pattern == *pattern)
            .collect();
        if of.is_empty() {
            continue;
        }
        let found = of.iter().filter(|o| o.found).count();
        let correct = of.iter().filter(|o| o.correct).count();
        let _ = writeln!(
            out,
            "{:<18} {:>5} {:>16} {:>16}",
            pattern,
            of.len(),
            percent(found, of.len()),
            percent(correct, of.len())
        );
    }
    let _ = writeln!(
        out,
        "\n{:<18} {:>5} {:>16} {:>16}",
        "kind", "n", "found", "correct"
    );
    for kind in Kind::ALL {
        let of: Vec<&Outcome> = score
            .outcomes
            .iter()
            .filter(|o| o.expected.kind == kind)
            .collect();
        if of.is_empty() {
            continue;
        }
        let found = of.iter().filter(|o| o.found).count();
        let correct = of.iter().filter(|o| o.correct).count();
        let _ = writeln!(
            out,
            "{:<18} {:>5} {:>16} {:>16}",
            kind.name(),
            of.len(),
            percent(found, of.len()),
            percent(correct, of.len())
        );
    }
    let _ = writeln!(
        out,
        "(correct: right speaker, or no speaker for `-`; a quote not found counts as wrong)"
    );
    if detail_wanted(name) {
        let _ = writeln!(out, "\nper-quote detail ({name}/):");
        for o in &score.outcomes {
            let mark = if o.correct {
                "ok  "
            } else if !o.found {
                "MISS"
            } else {
                "BAD "
            };
            let _ = writeln!(
                out,
                "{mark} {}:{} [{}] {:?} expected {} got {} ← {}",
                o.article,
                o.expected.line,
                o.expected.pattern,
                o.expected.words,
                o.expected.speaker.as_deref().unwrap_or("-"),
                o.speaker.as_deref().unwrap_or("-"),
                o.shown,
            );
        }
    }
    out
}

/// Is the per-quote detail of this folder wanted (`SPEAKERS_DETAIL=tuning`)?
/// Never ask for `set-aside` while tuning; `set-aside-fresh`,
/// `set-aside-late`, `set-aside-fourth`, `set-aside-sixth`,
/// `set-aside-seventh`, `set-aside-eighth` and `set-aside-ninth` never
/// give it (`set-aside-fifth` does: it is in-sample now).
fn detail_wanted(name: &str) -> bool {
    name != FRESH
        && name != LATE
        && name != FOURTH
        && name != SIXTH
        && name != SEVENTH
        && name != EIGHTH
        && name != NINTH
        && std::env::var("SPEAKERS_DETAIL")
            .unwrap_or_default()
            .split(',')
            .any(|d| d.trim() == name)
}

/// Fails when a number fell below its floor (or invented speakers rose).
fn check_floors(name: &str, label: &str, floors: &Floors) {
    let score = score(name);
    println!("{}", report(name, label, &score));
    let mut failures = Vec::new();
    if score.recall() + EPSILON < floors.recall {
        failures.push(format!(
            "quote recall {:.4} < floor {:.2}",
            score.recall(),
            floors.recall
        ));
    }
    if score.speaker_accuracy() + EPSILON < floors.speaker_accuracy {
        failures.push(format!(
            "speaker accuracy {:.4} < floor {:.2}",
            score.speaker_accuracy(),
            floors.speaker_accuracy
        ));
    }
    if score.invented_rate() > floors.invented_ceiling + EPSILON {
        failures.push(format!(
            "invented speakers {:.4} > ceiling {:.2}",
            score.invented_rate(),
            floors.invented_ceiling
        ));
    }
    assert!(failures.is_empty(), "{name}/: {}", failures.join("; "));
}

#[test]
fn tuning_scores_do_not_fall() {
    check_floors(
        "tuning",
        "in-sample: may be looked at while tuning",
        &TUNING_FLOORS,
    );
}

#[test]
fn set_aside_scores_do_not_fall() {
    check_floors(
        "set-aside",
        "held out: the honest number, never tuned on",
        &SET_ASIDE_FLOORS,
    );
}

#[test]
fn set_aside_fresh_scores_do_not_fall() {
    check_floors(
        FRESH,
        "held out, written later by someone who read neither rules nor output",
        &FRESH_FLOORS,
    );
}

#[test]
fn set_aside_late_scores_do_not_fall() {
    check_floors(
        LATE,
        "held out, written last by someone who read neither rules nor output",
        &LATE_FLOORS,
    );
}

#[test]
fn set_aside_fourth_scores_do_not_fall() {
    check_floors(
        FOURTH,
        "held out, written last by someone who read neither rules nor output",
        &FOURTH_FLOORS,
    );
}

#[test]
fn set_aside_fifth_scores_do_not_fall() {
    check_floors(
        FIFTH,
        "in-sample since its detail was read; written by someone who read neither rules nor output",
        &FIFTH_FLOORS,
    );
}

#[test]
fn set_aside_sixth_scores_do_not_fall() {
    check_floors(
        SIXTH,
        "held out, written last by someone who read neither rules nor output",
        &SIXTH_FLOORS,
    );
}

#[test]
fn set_aside_seventh_scores_do_not_fall() {
    check_floors(
        SEVENTH,
        "held out, written last by someone who read neither rules nor output",
        &SEVENTH_FLOORS,
    );
}

#[test]
fn set_aside_eighth_scores_do_not_fall() {
    check_floors(
        EIGHTH,
        "held out, written last by someone who read neither rules nor output",
        &EIGHTH_FLOORS,
    );
}

#[test]
fn set_aside_ninth_scores_do_not_fall() {
    check_floors(
        NINTH,
        "held out, written last by someone who read neither rules nor output",
        &NINTH_FLOORS,
    );
}

#[test]
fn collection_is_well_formed() {
    let mut problems = Vec::new();
    let mut totals = Vec::new();
    for name in [
        "tuning",
        "set-aside",
        FRESH,
        LATE,
        FOURTH,
        FIFTH,
        SIXTH,
        SEVENTH,
        EIGHTH,
        NINTH,
    ] {
        let dir = folder(name);
        let mut stems_txt = Vec::new();
        let mut stems_expected = Vec::new();
        for entry in fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.expect("directory entry").path();
            let stem = path
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .to_string();
            match path.extension().and_then(|e| e.to_str()) {
                Some("txt") => stems_txt.push(stem),
                Some("expected") => stems_expected.push(stem),
                _ => problems.push(format!("{}: neither .txt nor .expected", path.display())),
            }
        }
        stems_txt.sort();
        stems_expected.sort();
        for stem in &stems_txt {
            if !stems_expected.contains(stem) {
                problems.push(format!("{name}/{stem}.txt has no .expected"));
            }
        }
        for stem in &stems_expected {
            if !stems_txt.contains(stem) {
                problems.push(format!("{name}/{stem}.expected has no .txt"));
            }
        }
        let mut quotes = 0;
        for stem in stems_txt.iter().filter(|s| stems_expected.contains(s)) {
            let text = fs::read_to_string(dir.join(format!("{stem}.txt"))).expect("article");
            let source =
                fs::read_to_string(dir.join(format!("{stem}.expected"))).expect("expected");
            let expected = match parse_expected(&source) {
                Ok(expected) => expected,
                Err(e) => {
                    problems.push(format!("{name}/{stem}.expected: {e}"));
                    continue;
                }
            };
            quotes += expected.len();
            let words = text.split_whitespace().count();
            if !(250..=700).contains(&words) {
                problems.push(format!("{name}/{stem}.txt: {words} words (want 250–700)"));
            }
            if !(5..=10).contains(&expected.len()) {
                problems.push(format!(
                    "{name}/{stem}.expected: {} quotes (want 5–10)",
                    expected.len()
                ));
            }
            // The quote words occur in the article, in text order, and the
            // speaker's name occurs in the article.
            let haystack = normalise(&text);
            let mut cursor = 0;
            for e in &expected {
                let words = normalise(&e.words);
                match haystack[cursor..].find(&words) {
                    Some(at) => cursor += at + 1,
                    None => problems.push(format!(
                        "{name}/{stem}.expected:{}: {:?} not in the article after the previous quote",
                        e.line, e.words
                    )),
                }
                // Every word of the name: "Danny Osei" is written
                // `Danny "Tank" Osei`, "Robert Vale" as `Vale's husband, Robert`.
                if let Some(speaker) = &e.speaker
                    && !speaker.split_whitespace().all(|w| haystack.contains(w))
                {
                    problems.push(format!(
                        "{name}/{stem}.expected:{}: speaker {speaker:?} not named in the article",
                        e.line
                    ));
                }
            }
        }
        totals.push((name, stems_txt.len(), quotes));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    let (_, tuning_articles, tuning_quotes) = totals[0];
    let (_, set_aside_articles, set_aside_quotes) = totals[1];
    let (_, fresh_articles, _) = totals[2];
    let (_, late_articles, _) = totals[3];
    let (_, fourth_articles, _) = totals[4];
    let (_, fifth_articles, _) = totals[5];
    let (_, sixth_articles, _) = totals[6];
    let (_, seventh_articles, _) = totals[7];
    let (_, eighth_articles, _) = totals[8];
    let (_, ninth_articles, _) = totals[9];
    assert!(tuning_articles >= 20, "tuning/ wants 20+ articles");
    assert!(set_aside_articles >= 10, "set-aside/ wants 10+ articles");
    assert!(fresh_articles >= 8, "set-aside-fresh/ wants 8+ articles");
    assert!(late_articles >= 8, "set-aside-late/ wants 8+ articles");
    assert!(fourth_articles >= 8, "set-aside-fourth/ wants 8+ articles");
    assert!(fifth_articles >= 8, "set-aside-fifth/ wants 8+ articles");
    assert!(sixth_articles >= 8, "set-aside-sixth/ wants 8+ articles");
    assert!(
        seventh_articles >= 8,
        "set-aside-seventh/ wants 8+ articles"
    );
    assert!(eighth_articles >= 8, "set-aside-eighth/ wants 8+ articles");
    assert!(ninth_articles >= 8, "set-aside-ninth/ wants 8+ articles");
    assert!(
        tuning_quotes + set_aside_quotes >= 200,
        "the collection wants 200+ quotes"
    );
}

#[test]
fn speaker_matches_entity_keys() {
    assert!(speaker_matches(Some("ada-okafor"), "Ada Okafor"));
    assert!(speaker_matches(Some("okafor"), "Ada Okafor"));
    assert!(speaker_matches(Some("northgate-bank"), "Northgate Bank"));
    assert!(speaker_matches(
        Some("judge-margaret-osei"),
        "Margaret Osei"
    ));
    assert!(speaker_matches(
        Some("third-district-court-of-appeals"),
        "Third District Court of Appeals"
    ));
    assert!(!speaker_matches(Some("ada"), "Ada Okafor"));
    assert!(speaker_matches(
        Some("st-brendans-hospital"),
        "St Brendan's Hospital"
    ));
    assert!(speaker_matches(
        Some("valdorian-chamber"),
        "Valdorian Chamber of Commerce"
    ));
    assert!(!speaker_matches(Some("kafor"), "Ada Okafor"));
    assert!(!speaker_matches(Some("margaret-oseiwa"), "Margaret Osei"));
    assert!(!speaker_matches(None, "Ada Okafor"));
    assert!(!speaker_matches(Some(""), "Ada Okafor"));
}

#[test]
fn parse_rejects_malformed_lines() {
    assert!(parse_expected("a b c | Ada Okafor | person | named\n").is_ok());
    assert!(parse_expected("a b c | - | none | scare | role=x\n").is_ok());
    assert!(parse_expected("a b c | Ada Okafor | person\n").is_err());
    assert!(parse_expected("a b c | - | person | named\n").is_err());
    assert!(parse_expected("a b c | Ada | person | guessed\n").is_err());
    assert!(parse_expected("a b c | Ada | robot | named\n").is_err());
    assert!(parse_expected("a b c | Ada | person | named | spokeswoman\n").is_err());
}
