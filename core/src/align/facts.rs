//! Grouping scored pairs into facts.
//!
//! Average-link agglomerative clustering over the candidate pairs: every
//! claim starts as a group of its own; claims with identical features (wire
//! copy) join at once; then the two groups whose claims match best *on
//! average over all their cross pairs* join first, as long as they share
//! no article (a fact holds at most one claim per article), the average
//! clears [`MERGE_AVERAGE`], they do not date what they state years apart
//! ([`years_apart`]: "In 1998 the bridge was closed for six weeks" is another
//! closure than Tuesday's), one is not background to the other
//! ([`background_apart`]: a sentence opening on a past period, "Last
//! winter, three people died in a fog crash", is not the news dated to the
//! last weeks or undated), one does not hold someone's quoted words while
//! the other holds an outlet's own account ([`quote_and_narrative`]), and
//! every claim of each group matches the
//! other group on average ([`MEMBER_AVERAGE`]: no claim rides in on one
//! strong pair, no neighbouring sentence is absorbed), in words, numbers
//! and dates too, not only in names or in the words of the sources claims
//! are attributed to ([`MEMBER_CONTENT`]: two rewrites of the two things
//! one wire sentence states share the subject's name, not what they
//! state). Averages are exact,
//! from each group's sum of normalised feature vectors, so a fact of fifty
//! outlets is judged on all its claims, not on a sample or on the one pair
//! that links it. Only groups that an accepted pair links are compared, so
//! the work stays near-linear; ties break in the story's canonical order,
//! so the facts do not depend on the order of the articles or of the pairs.
//!
//! A sentence often reports two things ("the November attack … led to the
//! leaking of several unreleased films"): a strong accepted pair whose
//! claims ended in different facts (their groups share an article, or the
//! rest of one claim's fact has little to do with the other claim: "Tellgard,
//! which has 9.4 million customers, is the second-largest mobile operator")
//! may still put a claim in a second fact, when what the pair shares is mostly new — features that did
//! not link either claim to its first fact: with a claim that has no fact
//! yet, or by joining the other claim's fact. A claim with no fact yet and
//! a strong pair with a claim of a fact its own article is in already
//! makes such a second fact too, when that article's claim in the fact
//! states little of what the pair shares ("Around 112,000 teachers are
//! covered" beside its lede on the rise, and the wire's "The agreement
//! gives some 112,000 teachers a rise of 9.5%"); never for a quote. A claim also joins the other
//! claim's fact when both give a figure for one measured thing (a count of
//! trains, a percentage) that nothing else in its first fact measures: a
//! lede that gives a toll besides the event reports the toll too, whatever
//! the two figures. A claim still alone then joins a fact of other outlets
//! when one of its candidate pairs with the fact shares words and gives a
//! close but different figure for one measured thing (not a count of
//! people with no fate, see `fates`), and it matches the fact's claims on
//! average ("Shares in Tellgard closed 6.8% lower" / "Tellgard shares fell
//! 7.2% …"): its figure is the difference. Times of day are close within
//! an hour ("drove out of the gates at 6.10am" / "left the prison at
//! 5.40am"), other figures by their ratio. Two claims both left alone make
//! a fact of two the same way when their pair clears the bar of any link.
//! A claim no pair links to such a fact ("The Continental Seismic Centre
//! put the magnitude at 6.2" / "A magnitude 6.4 earthquake struck …"),
//! alone or in a fact that measures nothing of what it gives a figure
//! for, joins the fact of other outlets whose figure for one thing it
//! disputes the least, when it shares words with it on average
//! ([`disputed_figures`]).
//! Every claim left over is a fact of its own.
//!
//! Two claims that open on different people as their subjects, neither
//! naming the other's person, never link or join by any of these ways
//! ("Korsgaard won the Open on Sunday" / "Rebane was disqualified on
//! Sunday morning"): they report what different people did.
//! Nor do two claims quoting different people in different words ("Mayor
//! Oskar Fjeld called the spill "a disaster …"" / "Agency director Ansgar
//! Mollby called the spill "the worst …""): two remarks
//! ([`different_remarks`]); the same words given to two people stay one
//! fact, with an attribution difference.
//!
//! Two groups never join when every claim of each gives a figure and
//! none of one gives a figure of a dimension (a count, a sum of money, a
//! duration …) or a value a claim of the other gives ("will cost £1.5
//! million" / "will take 14 days"): their figures say they report
//! different things ([`Measures::dimensions_apart`]; a score or a vote
//! tally matches any count).
//!
//! Two groups never join (nor does a claim join another fact as its
//! second) when they hold the two parts of a sentence stating two
//! figured things ("linked to 37 crashes and nine injuries"): a claim
//! giving a figure for one of them only and a claim giving a figure for
//! the other only ("nine people were hurt") report different facts, and
//! the sentence with both may stand in each. The same holds by dimension
//! when the two parts measure things of different dimensions: "31
//! aircraft" and "4.2 million euros" in one sentence, "28 of its jets"
//! (another noun for the count) and "about €4.2m" in two.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use super::candidates::ScoredLink;
use super::features::StoryFeatures;
use super::measures::figure_ratio;
use super::{
    ArticleInput, ClaimRef, Coverage, Evidence, Fact, Link, SharedFeature, differences, quote_diff,
};
use crate::anchor::content_id;
use crate::extract::{Bound, Granularity};
use crate::model::{HashMap, Span, shorten};

/// A claim alone joins a claim of a fact its article is in already, as a
/// second fact stating the part of it that article's claim does not, from
/// this score up.
const PART_SCORE: f32 = 0.4;
/// A pair links two claims from this score up.
const LINK_SCORE: f32 = 0.2;
/// … and only if words, numbers or dates (not just names) give this much.
const CONTENT_SCORE: f32 = 0.1;
/// A claim's second fact needs a stronger pair …
const SECOND_SCORE: f32 = 0.25;
/// … sharing at most this share of its weight with the claims' first facts.
const SECOND_OVERLAP: f32 = 0.4;

/// A claim left alone joins a fact that measures what it gives another
/// figure for ([`Measures::conflict`]) through a pair from the candidate
/// bar up ([`super::candidates`] keeps pairs from 0.12) …
const FIGURE_SCORE: f32 = 0.12;
/// … matching the fact's claims on average this much: half the bar for
/// one linking pair ([`LINK_SCORE`]).
const FIGURE_AVERAGE: f32 = 0.1;

/// Two groups dating what they state this many years apart or more report
/// different events ([`years_apart`]).
const YEARS_APART: i32 = 2;

/// The dimensions of measured things ([`Measures::dimensions_apart`]):
/// the first word of what `measures` says an amount measures.
const DIMENSIONS: &[&str] = &[
    "age",
    "area",
    "count",
    "duration",
    "energy",
    "length",
    "magnitude",
    "mass",
    "money",
    "percent",
    "percentage",
    "power",
    "speed",
    "temperature",
    "time",
    "volume",
];

/// Two figures for one thing at most this far apart (the larger over the
/// smaller) are one figure reported differently ([`Measures::conflict`]) …
const CLOSE_FIGURES: f64 = 1.35;
/// … and within this, the same figure (rounded, or in other units).
const SAME_FIGURE: f64 = 1.02;
/// Two times of day for one event at most this many minutes apart are one
/// time reported differently (a ratio of clock times means nothing).
const CLOSE_MINUTES: f64 = 60.0;

/// Two groups join only if the average score over all pairs of their
/// claims reaches this: the same bar as one linking pair
/// ([`LINK_SCORE`]) lowered by a quarter, because rewordings of one fact
/// match each other less than the best pair does, and an average over many
/// pairs varies less than one pair's score.
const MERGE_AVERAGE: f32 = 0.15;

/// Each claim of two joining groups must match the other group at least
/// this much on average: a quarter of the bar for one linking pair
/// ([`LINK_SCORE`]). A claim below it shares next to nothing with most of
/// the other group and would ride in on one pair or on the rest of its
/// own group (a neighbouring sentence absorbed into a fact).
const MEMBER_AVERAGE: f32 = 0.05;
/// … and this much in words, numbers, dates and quoted runs, names left
/// out: the same bar as [`MEMBER_AVERAGE`]. A claim that shares only names
/// with the other group says who, not what: a wire sentence stating two
/// things ("Falk conceded defeat and said he would step down") links a
/// rewrite of each ("Falck is expected to resign", "Falk conceded defeat
/// shortly before midnight"), and without this the two rewrites, which
/// share only the name, would end in one fact through it.
const MEMBER_CONTENT: f32 = 0.05;
/// How many claims of the larger group [`Agglomeration::members_fit`]
/// checks: more than the 50 outlets a story may have, so only stories of
/// hundreds of articles (the synthetic benchmark) are checked on a part.
const MEMBERS_CHECKED: usize = 64;

/// Whether a pair shares enough distinct things: two words, numbers or
/// dates, or one of them and two names, or one exact figure and one name
/// ("Nordvell Energi said 9,000 customers …" / "About 9,000 homes lost
/// power, … Nordvell Energi said"), or three names. One shared word
/// ("fear") is a coincidence, and one or two names say who, not what. The
/// month of two different days ("on Sunday afternoon" / "on Monday") is no
/// date in common, and a dated event ("when:vote") repeats a shared word.
/// A word of the source a claim is attributed to ("Falck is expected to
/// resign, party sources said" / "The party took 28.4% of the vote") says
/// who, not what: it counts as a name ([`Sources`]).
fn enough_in_common(
    story: &StoryFeatures,
    articles: &[ArticleInput<'_>],
    sources: &Sources,
    index: &dyn Fn(ClaimRef) -> usize,
    link: &ScoredLink,
) -> bool {
    let (mut content, mut names, mut figures, mut dates) = (0, 0, 0, 0);
    let other_days = different_days(articles, link);
    let shares_a_figure = link
        .shared
        .iter()
        .any(|&(id, _)| story.info(id).kind == super::FeatureKind::Number);
    for &(id, weight) in &link.shared {
        let info = story.info(id);
        if weight < MEANINGFUL_SHARE
            || (other_days && is_month(story, id))
            || info.key.starts_with("when:")
            // A unit beside a shared figure is part of it: "about 5 km
            // wide" / "a 5 km exclusion zone" share one thing.
            || (shares_a_figure
                && info.kind == super::FeatureKind::Word
                && super::measures::in_base_unit(&info.key, 1.0).is_some())
            // "Ostravel put the spill at 2,600 tonnes" / "The trust put the
            // number of oiled seabirds at 1,140": the verb giving a figure
            // is no thing in common.
            || sources.word_of_cue(index(link.a), id)
            || sources.word_of_cue(index(link.b), id)
        {
            continue;
        }
        match info.kind {
            super::FeatureKind::Entity => names += 1,
            super::FeatureKind::Number => {
                content += 1;
                figures += 1;
            }
            super::FeatureKind::Word
                if sources.word_of_source(index(link.a), id)
                    || sources.word_of_source(index(link.b), id) =>
            {
                names += 1
            }
            super::FeatureKind::Date => {
                content += 1;
                dates += 1;
            }
            _ => content += 1,
        }
    }
    // A day or a year in common and nothing else says when, not what
    // ("Lindholm Airport will stay shut until Friday" / "residents would
    // not be allowed home before Friday").
    if dates == content && names == 0 {
        return false;
    }
    // Two claims dating what they state to different days need one thing
    // more in common: the days are against them ("Gusts of up to 50 mph
    // drove the fire across the river on Monday" / "Winds of up to 50 mph
    // are forecast for Wednesday").
    if other_days {
        return content >= 3 || (content == 2 && names >= 1) || (content == 1 && names >= 3);
    }
    content >= 2 || (content == 1 && names >= 2) || (figures == 1 && names == 1) || names >= 3
}

/// Whether a feature is a month (`2025-11`), the one a day's date also gives.
fn is_month(story: &StoryFeatures, id: u32) -> bool {
    let info = story.info(id);
    info.kind == super::FeatureKind::Date
        && info.key.len() == 7
        && info.key.as_bytes().get(4) == Some(&b'-')
}

/// The keys of a claim's day (`2025-11-10`) and month (`2025-11`) dates.
fn dated_keys(story: &StoryFeatures, c: ClaimRef) -> Vec<&str> {
    story
        .claim(c.article, c.claim)
        .map(|f| {
            f.features
                .iter()
                .map(|w| story.info(w.id))
                .filter(|info| {
                    let key = info.key.as_bytes();
                    info.kind == super::FeatureKind::Date
                        && (key.len() == 7 || key.len() == 10)
                        && key.get(4) == Some(&b'-')
                        && key.get(5).is_some_and(u8::is_ascii_digit)
                })
                .map(|info| info.key.as_str())
                .collect()
        })
        .unwrap_or_default()
}

/// Who speaks in a claim: someone's quoted words, the outlet's own voice
/// (no attribution, no quote), or a source it attributes the claim to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Voice {
    Quote,
    Own,
    Attributed,
}

fn voice_of(articles: &[ArticleInput<'_>], c: ClaimRef) -> Voice {
    let Some((article, claim)) = articles
        .get(c.article)
        .and_then(|a| Some((a, a.analysis.claims.get(c.claim)?)))
    else {
        return Voice::Attributed;
    };
    // Mostly someone's own words: direct quotes make half the claim or more
    // (a quoted term inside a reporter's sentence does not).
    let quoted = article.analysis.direct_quote_len(claim);
    if quoted > 0 && quoted * 2 >= claim.span.len() {
        return Voice::Quote;
    }
    // Quoted words, of anyone ("called it "a frightening night""), or a
    // source: not the outlet's own voice.
    if !claim.quotes.is_empty() || claim.certainty != crate::extract::Certainty::Asserted {
        return Voice::Attributed;
    }
    // A speech verb the extraction gave no source reports someone all the
    // same ("X apologised to customers and said all of them would be
    // contacted").
    let text = claim.span.text(article.text);
    let spoken = text
        .split(|ch: char| !ch.is_alphabetic())
        .any(|w| SPEECH_FORMS.contains(&w));
    if spoken {
        Voice::Attributed
    } else {
        Voice::Own
    }
}

/// The person a claim is about when its sentence opens on that person's
/// name as the subject ("Rebane was disqualified on Sunday morning",
/// "Ilya Korsgaard won the Open on Sunday"): the name's story-wide key.
/// Not a possessive ("Rebane's rating …": the rating is the subject), nor
/// the source of what the claim reports ("Anna Lind said the bridge …":
/// two sources of one statement are a difference to show, not two facts).
fn subject_of(articles: &[ArticleInput<'_>], c: ClaimRef) -> Option<String> {
    let article = articles.get(c.article)?;
    let analysis = article.analysis;
    let claim = analysis.claims.get(c.claim)?;
    let first = claim
        .entities
        .iter()
        .filter_map(|&e| analysis.entities.get(e))
        .min_by_key(|e| e.span.start)?;
    let opens = first.span.start == claim.span.start;
    let after = article.text.get(first.span.end..).unwrap_or("");
    let possessive = after.starts_with("'s") || after.starts_with("’s") || after.starts_with('\'');
    let source = claim
        .attributions
        .iter()
        .filter_map(|&a| analysis.attributions.get(a))
        .any(|a| {
            a.source
                .is_some_and(|s| s.start <= first.span.start && first.span.end <= s.end)
        });
    // A surname two people of the article share ("Rebane", with Tomas and
    // Andres Rebane) is a person's, whatever kind it was given.
    let surname = || {
        analysis.entities.iter().any(|e| {
            e.kind == crate::extract::EntityKind::Person
                && e.key.rsplit('-').next() == Some(first.key.as_str())
        })
    };
    let person = || first.kind == crate::extract::EntityKind::Person || surname();
    (opens && !possessive && !source && person()).then(|| first.key.clone())
}

/// Whether two claims are about different people: each opens on a
/// person as its subject ([`subject_of`]), the two differ (a full name and
/// its surname alone are one), and neither claim names the other's person ("Korsgaard won the Open on Sunday" /
/// "Rebane was disqualified on Sunday morning, before the final round").
fn different_subjects(
    subjects: &[Option<String>],
    names: &[Vec<&str>],
    x: usize,
    y: usize,
) -> bool {
    let (Some(Some(sx)), Some(Some(sy))) = (subjects.get(x), subjects.get(y)) else {
        return false;
    };
    // One person by the full name and the surname alone ("tomas-rebane",
    // "rebane") is one person.
    let same = |a: &str, b: &str| {
        a == b
            || a.strip_suffix(b).is_some_and(|rest| rest.ends_with('-'))
            || b.strip_suffix(a).is_some_and(|rest| rest.ends_with('-'))
    };
    let names_one = |claim: usize, person: &str| {
        names
            .get(claim)
            .is_some_and(|n| n.iter().any(|k| same(k, person)))
    };
    !same(sx, sy) && !names_one(x, sy) && !names_one(y, sx)
}

/// The person a claim quotes (the entity key of the person its quote is
/// attributed to) and the words of the quote (lowercased, of four letters
/// or more), sorted; `None` when the claim quotes no named person.
fn quoted_person(articles: &[ArticleInput<'_>], c: ClaimRef) -> Option<(String, Vec<String>)> {
    let article = articles.get(c.article)?;
    let analysis = article.analysis;
    let claim = analysis.claims.get(c.claim)?;
    let quotes: Vec<&crate::extract::Quote> = claim
        .quotes
        .iter()
        .filter_map(|&q| analysis.quotes.get(q))
        .collect();
    let speaker = quotes.iter().filter_map(|q| q.speaker).find_map(|at| {
        analysis
            .entities
            .iter()
            .find(|e| e.kind == crate::extract::EntityKind::Person && at.contains(e.span))
    })?;
    let mut words: Vec<String> = quotes
        .iter()
        .flat_map(|q| {
            q.content
                .text(article.text)
                .split(|c: char| !c.is_alphanumeric())
        })
        .filter(|w| w.chars().count() >= QUOTE_WORD_LETTERS)
        .map(str::to_lowercase)
        .collect();
    crate::model::sort(&mut words);
    words.dedup();
    Some((speaker.key.clone(), words))
}

/// Words of a quote this long or longer count in [`different_remarks`].
const QUOTE_WORD_LETTERS: usize = 4;

/// Whether two claims quote different people saying different words: each
/// quotes a named person, the two are not one person (a surname written
/// two ways is one), and the shorter quote shares less than half its words
/// with the other ("Mayor Oskar Fjeld called the spill "a disaster for our
/// river and our town"" / "Agency director Ansgar Mollby called the spill
/// "the worst this river has seen in a generation""): two remarks, not one
/// reported twice. Words given to another person, or partly reworded
/// ("an extremely dangerous fire"), stay one remark, with an attribution
/// difference.
fn different_remarks(quoted: &[Option<(String, Vec<String>)>], x: usize, y: usize) -> bool {
    let (Some(Some((px, wx))), Some(Some((py, wy)))) = (quoted.get(x), quoted.get(y)) else {
        return false;
    };
    let surname = |key: &str| key.rsplit('-').next().unwrap_or(key).to_string();
    let (sx, sy) = (surname(px), surname(py));
    if sx == sy || crate::extract::entities::near_spelling(&sx, &sy) {
        return false;
    }
    let shared = wx.iter().filter(|w| wy.binary_search(w).is_ok()).count();
    let shorter = wx.len().min(wy.len());
    shorter > 0 && shared * 2 < shorter
}

/// Forms of the commonest speech verbs, for [`voice_of`]. Sorted.
const SPEECH_FORMS: &[&str] = &[
    "added",
    "announced",
    "confirmed",
    "said",
    "says",
    "stated",
    "tells",
    "told",
    "warned",
    "wrote",
];

/// Whether one group holds someone's quoted words and the other a claim an
/// outlet states in its own voice: a speaker's remark ("I knew the last
/// climb suited me") and a reporter's account ("attacked on the steepest
/// part of the final climb") share words, not what they state.
fn quote_and_narrative(voice: &[Voice], a: &[usize], b: &[usize]) -> bool {
    let has = |group: &[usize], v: Voice| group.iter().any(|&m| voice.get(m) == Some(&v));
    (has(a, Voice::Quote) && has(b, Voice::Own)) || (has(b, Voice::Quote) && has(a, Voice::Own))
}

/// The years a claim dates what it states to, from its date features
/// (`2026-12-01`, `2026-11`, `1998`, `2026-W10`).
fn years_of(story: &StoryFeatures, c: ClaimRef) -> Vec<i32> {
    let mut years: Vec<i32> = story
        .claim(c.article, c.claim)
        .map(|f| {
            f.features
                .iter()
                .map(|w| story.info(w.id))
                .filter(|info| info.kind == super::FeatureKind::Date)
                .filter_map(|info| info.key.get(..4)?.parse().ok())
                .collect()
        })
        .unwrap_or_default();
    crate::model::sort(&mut years);
    years.dedup();
    years
}

/// Whether two groups date what they state to years at least
/// [`YEARS_APART`] apart, every year of one from every year of the other:
/// "In 1998 the bridge was closed for six weeks" reports another closure
/// than "The bridge was closed at 4pm on Tuesday". Outlets that disagree on
/// one event's date disagree by a day or a month, not by years.
fn years_apart(years: &[Vec<i32>], a: &[usize], b: &[usize]) -> bool {
    let of = |group: &[usize]| -> Vec<i32> {
        group
            .iter()
            .flat_map(|&m| years.get(m).into_iter().flatten().copied())
            .collect()
    };
    let (ya, yb) = (of(a), of(b));
    !ya.is_empty()
        && !yb.is_empty()
        && ya
            .iter()
            .all(|x| yb.iter().all(|y| (x - y).abs() >= YEARS_APART))
}

/// Words that may open a sentence before the period it is set in ("In
/// 2019,", "Back in March,").
const BEFORE_A_PERIOD: &[&str] = &["", "in ", "back in ", "during ", "earlier in "];

/// How long before publication a day must be for a sentence opening on it
/// ("On 4 June 2019,") to be background rather than the news.
const BACKGROUND_DAYS: i64 = 31;

/// When a claim is background, the last day of the past period it opens
/// on: "Last winter, three people died in a fog crash on the R12", "Last
/// year, 14 prisoners escaped", "In 2019, …", "Two years ago, …". News
/// sets a paragraph about an earlier event by opening it with that
/// event's time and a comma. A period (a month, a season, a year) that
/// ended before publication, or a day more than [`BACKGROUND_DAYS`]
/// before it; not "On Tuesday," (the news itself).
fn background_until(articles: &[ArticleInput<'_>], c: ClaimRef) -> Option<i64> {
    let analysis = articles.get(c.article)?.analysis;
    let text = articles.get(c.article)?.text;
    let claim = analysis.claims.get(c.claim)?;
    let published = analysis.published()?.days_from_epoch();
    let time = analysis.times.get(*claim.times.first()?)?;
    // The sentence, or its last part after a colon or semicolon ("It is
    // not the first scare at the hospital: in 2021 it shut …").
    let before = text.get(claim.span.start..time.span.start)?;
    let opening = before
        .rsplit_once([':', ';'])
        .map_or(before, |(_, part)| part.trim_start())
        .to_lowercase();
    if !BEFORE_A_PERIOD.contains(&opening.as_str()) {
        return None;
    }
    let (_, end) = super::measures::interval(time)?;
    let past = match time.granularity {
        Granularity::Day => end + BACKGROUND_DAYS < published,
        _ => end < published,
    };
    past.then_some(end)
}

/// Whether one group holds background (see [`background_until`]) and the
/// other, holding none, dates what it states only to the last
/// [`BACKGROUND_DAYS`] before publication (the news), or, when
/// `undated_is_news`, states no date at all: "Last winter, three people
/// died in a fog crash" reports another crash than "At least three people
/// were killed … on Tuesday morning". A claim dated to the past too ("a
/// pile-up in March 2019") may report the background event.
fn background_apart(
    background: &[Option<i64>],
    recent: &[Option<bool>],
    a: &[usize],
    b: &[usize],
    undated_is_news: bool,
) -> bool {
    let apart = |past: &[usize], news: &[usize]| {
        past.iter().any(|&m| background[m].is_some())
            && news.iter().all(|&m| background[m].is_none())
            && news.iter().all(|&m| recent[m] != Some(false))
            && (undated_is_news || news.iter().any(|&m| recent[m] == Some(true)))
    };
    apart(a, b) || apart(b, a)
}

/// Whether a claim dates what it states only to the last
/// [`BACKGROUND_DAYS`] before its article's publication or later: `None`
/// for a claim with no date (or an article with no publication date).
fn dated_recently(articles: &[ArticleInput<'_>], c: ClaimRef) -> Option<bool> {
    let analysis = articles.get(c.article)?.analysis;
    let claim = analysis.claims.get(c.claim)?;
    let published = analysis.published()?.days_from_epoch();
    let starts: Vec<i64> = claim
        .times
        .iter()
        .filter_map(|&t| analysis.times.get(t))
        .filter_map(|t| super::measures::interval(t).map(|(start, _)| start))
        .collect();
    (!starts.is_empty()).then(|| starts.iter().all(|&day| day + BACKGROUND_DAYS >= published))
}

/// Whether both claims date something to a day and no day is the same: the
/// month those days share ("on Sunday afternoon" / "on Monday", both in
/// November) is then no date in common. A bound ("will not restart before
/// Monday", "by Friday") limits a day rather than giving one: against
/// "hopes to restart the line on Friday" it is no other day.
fn different_days(articles: &[ArticleInput<'_>], link: &ScoredLink) -> bool {
    let days = |c: ClaimRef| -> Vec<&str> {
        let Some(analysis) = articles.get(c.article).map(|a| a.analysis) else {
            return Vec::new();
        };
        analysis
            .claims
            .get(c.claim)
            .into_iter()
            .flat_map(|claim| &claim.times)
            .filter_map(|&t| analysis.times.get(t))
            .filter(|t| {
                t.granularity == Granularity::Day
                    && matches!(t.bound, Bound::Exact | Bound::Approximate)
            })
            .map(|t| t.value.as_str())
            .collect()
    };
    let (a, b) = (days(link.a), days(link.b));
    !a.is_empty() && !b.is_empty() && !a.iter().any(|d| b.contains(d))
}

/// Whether a pair's claims are dated in different months ("on Thursday",
/// 12 September, against "in May"): both have month or day dates and no
/// month in common.
fn different_months(story: &StoryFeatures, link: &ScoredLink) -> bool {
    let months = |c: ClaimRef| -> Vec<&str> {
        dated_keys(story, c)
            .into_iter()
            .filter_map(|k| k.get(..7))
            .collect()
    };
    let (a, b) = (months(link.a), months(link.b));
    !a.is_empty() && !b.is_empty() && !a.iter().any(|m| b.contains(m))
}

/// Whether a pair shares exactly one word (or date) and at least one name.
fn one_word_and_a_name(story: &StoryFeatures, link: &ScoredLink) -> bool {
    let (mut words, mut names) = (0, 0);
    for &(id, weight) in &link.shared {
        if weight < MEANINGFUL_SHARE {
            continue;
        }
        match story.info(id).kind {
            super::FeatureKind::Entity => names += 1,
            super::FeatureKind::Number => return false,
            _ => words += 1,
        }
    }
    words == 1 && names >= 1
}

fn names_shared(story: &StoryFeatures, link: &ScoredLink) -> usize {
    link.shared
        .iter()
        .filter(|&&(id, weight)| {
            weight >= MEANINGFUL_SHARE && story.info(id).kind == super::FeatureKind::Entity
        })
        .count()
}

/// A shared feature counts as a thing in common from this share of the score.
const MEANINGFUL_SHARE: f32 = 0.02;

/// Claims that state the same fact, with the pairs that put them together.
#[derive(Clone, Debug, Default)]
pub struct Group {
    pub claims: Vec<ClaimRef>,
    pub links: Vec<usize>,
}

/// Groups claims into facts by the accepted links (best first, ties in
/// canonical order, as [`super::candidates::scored_links`] gives them).
/// Every claim ends up in at least one group.
pub fn group(
    story: &StoryFeatures,
    articles: &[ArticleInput<'_>],
    mut links: Vec<ScoredLink>,
) -> Vec<(Group, Vec<ScoredLink>)> {
    let offsets: Vec<usize> = story
        .claims
        .iter()
        .scan(0, |total, claims| {
            let start = *total;
            *total += claims.len();
            Some(start)
        })
        .collect();
    let index = |c: ClaimRef| offsets[c.article] + c.claim;
    let total = story.total_claims;
    let refs: Vec<ClaimRef> = story.refs();
    // What claims measure, worked out only for the few claims that need it
    // (see `features::measured_amounts`).
    let mut measures = Measures::new(articles, story, &refs);
    let sources = Sources::new(articles, story, &refs);
    let subjects: Vec<Option<String>> = refs.iter().map(|&c| subject_of(articles, c)).collect();
    let names: Vec<Vec<&str>> = refs
        .iter()
        .map(|&c| {
            articles
                .get(c.article)
                .and_then(|a| {
                    let claim = a.analysis.claims.get(c.claim)?;
                    Some(
                        claim
                            .entities
                            .iter()
                            .filter_map(|&e| a.analysis.entities.get(e))
                            .map(|e| e.key.as_str())
                            .collect(),
                    )
                })
                .unwrap_or_default()
        })
        .collect();
    let quoted: Vec<Option<(String, Vec<String>)>> =
        refs.iter().map(|&c| quoted_person(articles, c)).collect();
    let accepted: Vec<bool> = links
        .iter()
        .map(|l| {
            if l.score < LINK_SCORE
                || (l.content_score() < CONTENT_SCORE && names_shared(story, l) < 3)
                || different_subjects(&subjects, &names, index(l.a), index(l.b))
                || different_remarks(&quoted, index(l.a), index(l.b))
            {
                return false;
            }
            // One word and one name in common, and a figure for one
            // measured thing on each side, whatever the two figures
            // ("Black Vesper has demanded a ransom of $5 million" / "Black
            // Vesper is demanding $8 million"): different figures are the
            // difference a reader should see, not a reason to part them.
            enough_in_common(story, articles, &sources, &|c| index(c), l)
                || (one_word_and_a_name(story, l) && measures.share(index(l.a), index(l.b)))
        })
        .collect();
    // First facts.
    let mut first = Agglomeration::new(story, &refs, sources);
    let pairs = links
        .iter()
        .zip(&accepted)
        .filter(|(_, ok)| **ok)
        .map(|(l, _)| (index(l.a), index(l.b), l.score))
        .collect();
    let years: Vec<Vec<i32>> = refs.iter().map(|&c| years_of(story, c)).collect();
    let voice: Vec<Voice> = refs.iter().map(|&c| voice_of(articles, c)).collect();
    let background: Vec<Option<i64>> = refs
        .iter()
        .map(|&c| background_until(articles, c))
        .collect();
    let recent: Vec<Option<bool>> = refs.iter().map(|&c| dated_recently(articles, c)).collect();
    first.run(story, &refs, pairs, &mut |agg, ra, rb| {
        let members = |root: usize| &agg.members_of(root)[..agg.size(root).min(MEMBERS_CHECKED)];
        !years_apart(&years, members(ra), members(rb))
            && !background_apart(&background, &recent, members(ra), members(rb), true)
            && !quote_and_narrative(&voice, members(ra), members(rb))
            && !measures.parts_apart(members(ra), members(rb))
            && !measures.dimensions_apart(members(ra), members(rb))
    });
    // The accepted links inside each first fact; the pairs whose claims
    // ended in different first facts.
    let mut inside: Vec<Vec<usize>> = vec![Vec::new(); total];
    let mut refused = Vec::new();
    for (n, link) in links.iter().enumerate() {
        if !accepted[n] {
            continue;
        }
        let (a, b) = (index(link.a), index(link.b));
        let (ra, rb) = (first.root(a), first.root(b));
        if ra == rb {
            inside[ra].push(n);
        } else {
            refused.push(n);
        }
    }
    // The links that put each claim in its first fact: what linked it
    // there is what they share.
    let mut linked_by: Vec<Vec<usize>> = vec![Vec::new(); total];
    for &n in inside.iter().flatten() {
        let link = &links[n];
        linked_by[index(link.a)].push(n);
        linked_by[index(link.b)].push(n);
    }
    let used = |claim: usize, id: u32| {
        linked_by[claim].iter().any(|&n| {
            // `shared` is in feature-id order.
            links[n].shared.binary_search_by_key(&id, |s| s.0).is_ok()
        })
    };
    // Second facts, from strong refused pairs that share something new.
    let article_of: Vec<usize> = refs.iter().map(|c| c.article).collect();
    let mut second = Clusters::new(&article_of);
    // Per first fact: claims of other facts that also state it, with the
    // pairs that put them there.
    let mut also: Vec<Vec<usize>> = vec![Vec::new(); total];
    let mut also_links: Vec<Vec<usize>> = vec![Vec::new(); total];
    let mut in_two = vec![false; total];
    // Background and the news it is background to: never one fact, by
    // any of the ways below.
    let past_and_news =
        |a: usize, b: usize| background_apart(&background, &recent, &[a], &[b], false);
    for n in refused {
        let link = &links[n];
        let (a, b) = (index(link.a), index(link.b));
        let (root_a, root_b) = (first.root(a), first.root(b));
        if link.score < SECOND_SCORE || past_and_news(a, b) {
            continue;
        }
        // Summed in rank order, so the sums do not depend on feature ids.
        let shared = link.shared_by_contribution();
        let weight: f32 = shared.iter().map(|s| s.1).sum();
        let old: f32 = shared
            .iter()
            .filter(|&&(id, _)| used(a, id) || used(b, id))
            .map(|s| s.1)
            .sum();
        let mostly_new = weight > 0.0 && old / weight <= SECOND_OVERLAP;
        // A claim that gives a figure for something the other claim
        // measures too, while nothing else in its first fact does: it
        // reports that thing as well (a lede stating a toll or a count
        // besides the event), whatever the two figures — different figures
        // are the difference a reader should see.
        let figures = |c: ClaimRef| {
            articles
                .get(c.article)
                .and_then(|a| a.analysis.claims.get(c.claim))
                .is_some_and(|claim| !claim.quantities.is_empty())
        };
        let anew = if mostly_new || !figures(link.a) || !figures(link.b) {
            [false, false]
        } else {
            [
                measures.anew(&first, a, root_a, b),
                measures.anew(&first, b, root_b, a),
            ]
        };
        // A claim alone and a claim of a fact that holds the lone claim's
        // article already, through a claim that states little of what the
        // pair shares ("Around 112,000 teachers are covered by the
        // agreement" beside the article's lede on the rise, the fact's
        // "The agreement gives some 112,000 … a rise of 9.5%"): the pair
        // reports the other part of that sentence, a fact of its own.
        let part = !mostly_new
            && weight > 0.0
            && link.score >= PART_SCORE
            && voice[a] != Voice::Quote
            && voice[b] != Voice::Quote
            && states_the_part_left_out(
                story,
                &refs,
                &mut first,
                &mut second,
                (a, b),
                (&shared, weight),
            );
        if part {
            second.join(a, b, n);
            continue;
        }
        if !mostly_new && !anew.iter().any(|&m| m) {
            continue;
        }
        if mostly_new && (first.size(root_a) == 1 || first.size(root_b) == 1) {
            // A taken claim and one with no fact yet: a fact of their own,
            // unless the one alone is a quote, the taken one is not, and the
            // taken claim's fact already holds a claim of the quote's
            // article: that article already reports what the taken claim
            // states, and a speaker's own words sharing the rest of it are
            // a remark of their own (advice quoted after the warning it
            // echoes), not a second report of the sentence.
            let (alone, taken, root) = if first.size(root_a) == 1 {
                (a, b, root_b)
            } else {
                (b, a, root_a)
            };
            let quotes = |i: usize| {
                articles
                    .get(refs[i].article)
                    .and_then(|x| x.analysis.claims.get(refs[i].claim))
                    .is_some_and(|claim| !claim.quotes.is_empty())
            };
            if first.size(root) > 1
                && quotes(alone)
                && !quotes(taken)
                && first.has_article(root, refs[alone].article)
            {
                continue;
            }
            second.join(a, b, n);
            continue;
        }
        // Both claims are in facts of several claims: one may also join
        // the other's fact (a lede that reports two things), if that fact
        // has no claim of its article and its claims match it on average.
        // The claim first in canonical order is tried first.
        let mut order = [(a, root_b, anew[0]), (b, root_a, anew[1])];
        if first.key[b] < first.key[a] {
            order.swap(0, 1);
        }
        for (x, root, anew) in order {
            let article = refs[x].article;
            let members = &first.members_of(root)[..first.size(root).min(MEMBERS_CHECKED)];
            if !(mostly_new || anew)
                || first.size(root) == 1
                || in_two[x]
                || first.has_article(root, article)
                || also[root].iter().any(|&m| refs[m].article == article)
                || first.average_with(x, root) < SECOND_SCORE
                || years_apart(&years, &[x], members)
                || measures.parts_apart(&[x], members)
            {
                continue;
            }
            also[root].push(x);
            also_links[root].push(n);
            in_two[x] = true;
            break;
        }
    }
    // Conflicting figures: a claim left alone that gives another figure
    // for a thing a fact of other outlets measures ("Shares in Tellgard
    // closed 6.8% lower" / "Tellgard shares fell 7.2%"), in a pair that
    // shares words too, reports that fact with its own figure: the
    // difference a reader should see. Best pair first; the claim must
    // match the fact's claims on average, not only the one pair.
    let mut attached = vec![false; total];
    for (n, link) in links.iter().enumerate() {
        if link.score < FIGURE_SCORE
            || link.content_score() < CONTENT_SCORE
            || different_days(articles, link)
            || different_months(story, link)
        {
            continue;
        }
        let (a, b) = (index(link.a), index(link.b));
        // The claim left alone, and the other claim, of a fact of several:
        // one already in such a fact that gives other figures too ("A
        // crash 60 km into the 184-km stage …") would join facts it only
        // shares a kind of figure with.
        let (x, other) = first.lone_first(a, b);
        let (own_root, root) = (first.root(x), first.root(other));
        let article = refs[x].article;
        if past_and_news(x, other)
            || first.size(own_root) != 1
            || attached[x]
            || in_two[x]
            || !second.alone(x)
            || different_subjects(&subjects, &names, x, other)
            || !measures.conflict(x, other)
        {
            continue;
        }
        // The claim's article, in the fact already: a claim of it that
        // gives a figure for the thing agrees with the fact or not on its
        // own, and this claim's other figure is for something else
        // ("Analysts put the total cost at as much as 260 million euros"
        // beside the article's "expects the recall to cost about 210
        // million euros").
        let own: Vec<usize> = first
            .members_of(root)
            .iter()
            .chain(&also[root])
            .copied()
            .filter(|&m| refs[m].article == article)
            .collect();
        if own.iter().any(|&m| measures.share(m, other)) {
            continue;
        }
        if !own.is_empty() {
            // Its lede states the event the fact's claim states too
            // ("Tellgard shares fell 7.2% after the company disclosed a
            // cyberattack"): the two figures make a fact of their own, the
            // other claim's second.
            if !in_two[other] && second.alone(other) && second.join(x, other, n) {
                attached[x] = true;
            }
            continue;
        }
        // Two claims alone: no fact vouches for the pair, so it needs the
        // bar of any link ("More than 100 people were treated in
        // hospital" / "About 80 people were injured").
        if first.size(root) == 1 {
            if link.score >= LINK_SCORE
                && !attached[other]
                && !in_two[other]
                && second.alone(other)
                && second.alone(x)
                && second.join(x, other, n)
            {
                attached[x] = true;
                attached[other] = true;
            }
            continue;
        }
        if first.average_with(x, root) < FIGURE_AVERAGE {
            continue;
        }
        also[root].push(x);
        also_links[root].push(n);
        attached[x] = true;
    }
    // Disputed figures no candidate pair brought near: a claim giving
    // another figure for the one thing a fact of other outlets measures,
    // whatever else its words are ("The Continental Seismic Centre put the
    // magnitude at 6.2" / "A magnitude 6.4 earthquake struck …").
    let free: Vec<bool> = (0..total)
        .map(|x| !attached[x] && !in_two[x] && second.alone(x))
        .collect();
    for (x, root, member) in disputed_figures(&mut measures, &mut first, &refs, &also, &free) {
        if different_subjects(&subjects, &names, x, member) || past_and_news(x, member) {
            continue;
        }
        let (a, b) = (refs[x].min(refs[member]), refs[x].max(refs[member]));
        let Some(link) = super::candidates::compare(story, a, b) else {
            continue;
        };
        if different_days(articles, &link) || different_months(story, &link) {
            continue;
        }
        links.push(link);
        also[root].push(x);
        also_links[root].push(links.len() - 1);
        attached[x] = true;
        in_two[x] = true;
    }
    let apart = |x: usize, y: usize| different_subjects(&subjects, &names, x, y);
    dated_events(story, &index, &apart, &mut second, &mut first, &mut links);
    let mut groups = first.groups(&refs, &inside, &also, &also_links);
    let second_groups = second.groups(&refs);
    let mut in_second = vec![false; total];
    for group in &second_groups {
        for c in &group.claims {
            in_second[index(*c)] = true;
        }
    }
    groups.extend(second_groups);
    // Claims in no group so far stand alone.
    for (i, claim) in refs.iter().enumerate() {
        let root = first.root(i);
        if first.size(root) == 1 && !in_second[i] && !attached[i] {
            groups.push(Group {
                claims: vec![*claim],
                links: Vec::new(),
            });
        }
    }
    // Each link belongs to one group: move it there.
    let mut slots: Vec<Option<ScoredLink>> = links.into_iter().map(Some).collect();
    groups
        .into_iter()
        .map(|group| {
            let own = group
                .links
                .iter()
                .filter_map(|&n| slots[n].take())
                .collect();
            (group, own)
        })
        .collect()
}

/// Whether, of a pair sharing `shared` (features and weights, `weight` in
/// all, above zero), one claim
/// has no fact yet and the other is in a fact of several that holds a
/// claim of the lone claim's article which states little of what the pair
/// shares ([`SECOND_OVERLAP`]): the lone claim reports the part of the
/// other claim its own article's claim leaves out.
fn states_the_part_left_out(
    story: &StoryFeatures,
    refs: &[ClaimRef],
    first: &mut Agglomeration,
    second: &mut Clusters,
    (a, b): (usize, usize),
    (shared, weight): (&[(u32, f32)], f32),
) -> bool {
    let (alone, other) = first.lone_first(a, b);
    let (alone_root, root) = (first.root(alone), first.root(other));
    if first.size(alone_root) != 1 || first.size(root) < 2 || !second.alone(alone) {
        return false;
    }
    let article = refs[alone].article;
    let Some(own) = first
        .members_of(root)
        .iter()
        .copied()
        .find(|&m| refs[m].article == article)
    else {
        return false;
    };
    let Some(own) = story.claim(refs[own].article, refs[own].claim) else {
        return false;
    };
    let says = |id: u32| own.features.iter().any(|w| w.id == id);
    let stated: f32 = shared
        .iter()
        .filter(|&&(id, _)| says(id))
        .map(|s| s.1)
        .sum();
    stated / weight <= SECOND_OVERLAP
}

/// What claims measure (`features::measured_amounts`), by claim and by
/// first fact, worked out on demand for the story's claims (`refs[i]` is
/// dense claim `i`).
struct Measures<'s, 'a> {
    articles: &'s [ArticleInput<'a>],
    story: &'s StoryFeatures,
    refs: &'s [ClaimRef],
    /// Dimension → its number.
    names: HashMap<String, u32>,
    /// Per number: the measured thing it stands for (`names` read back).
    by_id: Vec<String>,
    /// Per dense claim index: its figures, as measured thing and value, in
    /// the order written.
    amounts: HashMap<usize, Vec<(u32, f64)>>,
}

impl<'s, 'a> Measures<'s, 'a> {
    fn new(
        articles: &'s [ArticleInput<'a>],
        story: &'s StoryFeatures,
        refs: &'s [ClaimRef],
    ) -> Self {
        Measures {
            articles,
            story,
            refs,
            names: HashMap::default(),
            by_id: Vec::new(),
            amounts: HashMap::default(),
        }
    }

    /// Claim `i`'s figures: what each measures and its value.
    fn amounts(&mut self, i: usize) -> &[(u32, f64)] {
        if !self.amounts.contains_key(&i) {
            let c = self.refs[i];
            let (names, by_id) = (&mut self.names, &mut self.by_id);
            // Figures, or an age ("a 43-year-old", "Reinholt, 23,"): a digit.
            let has_figures = self
                .articles
                .get(c.article)
                .and_then(|a| Some((a, a.analysis.claims.get(c.claim)?)))
                .is_some_and(|(a, claim)| {
                    !claim.quantities.is_empty()
                        || claim.span.text(a.text).bytes().any(|b| b.is_ascii_digit())
                });
            let found: Vec<(u32, f64)> = if has_figures {
                super::features::measured_amounts(
                    &self.articles[c.article],
                    c.claim,
                    &self.story.lexicon,
                )
                .into_iter()
                .map(|(name, value)| {
                    let next = names.len() as u32;
                    let id = *names.entry(name).or_insert_with_key(|name| {
                        by_id.push(name.clone());
                        next
                    });
                    (id, value)
                })
                .collect()
            } else {
                Vec::new()
            };
            self.amounts.insert(i, found);
        }
        &self.amounts[&i]
    }

    /// The nearest two figures of claims `x` and `y` for measured thing
    /// `kind` are: the larger over the smaller.
    fn nearest(&mut self, x: usize, y: usize, kind: u32) -> f64 {
        let (ax, ay) = (self.amounts(x).to_vec(), self.amounts(y).to_vec());
        let mut best = f64::INFINITY;
        for a in ax.iter().filter(|a| a.0 == kind) {
            for b in ay.iter().filter(|b| b.0 == kind) {
                best = best.min(figure_ratio(a.1, b.1));
            }
        }
        best
    }

    /// What measured thing `id` is ("count person people", "money EUR").
    fn name(&self, id: u32) -> &str {
        self.by_id.get(id as usize).map_or("", String::as_str)
    }

    /// The first word of what measured thing `id` is: its dimension
    /// ("count", "money", "length" …).
    fn family(&self, id: u32) -> &str {
        self.name(id).split(' ').next().unwrap_or("")
    }

    /// Whether measured thing `kind` is a count (of people or things).
    fn is_count(&self, kind: u32) -> bool {
        self.name(kind).starts_with("count ")
    }

    /// The things claim `i` measures, sorted.
    fn of(&mut self, i: usize) -> Vec<u32> {
        let mut found: Vec<u32> = self.amounts(i).iter().map(|a| a.0).collect();
        crate::model::sort(&mut found);
        found.dedup();
        found
    }

    /// The measured things claims `x` and `y` both give figures for.
    fn shared(&mut self, x: usize, y: usize) -> Vec<u32> {
        let mx = self.of(x);
        if mx.is_empty() {
            return mx;
        }
        let my = self.of(y);
        mx.into_iter()
            .filter(|d| my.binary_search(d).is_ok())
            .collect()
    }

    /// Whether claims `x` and `y` give figures for one measured thing.
    fn share(&mut self, x: usize, y: usize) -> bool {
        !self.shared(x, y).is_empty()
    }

    /// Whether claims `x` and `y` give close but different figures for one
    /// measured thing, not a bare count of people ("nine people", which
    /// counts the dead, the hurt or the evacuated alike). Outlets that
    /// disagree on one figure disagree by a little (7.2% / 6.8%, 1,350 /
    /// 1,200 jobs): figures further apart than [`CLOSE_FIGURES`] are more
    /// often two things (a fall "as much as 11%" in early trading, a close
    /// 7.4% lower); figures within [`SAME_FIGURE`] are one (50 mph, 80 km/h).
    fn conflict(&mut self, x: usize, y: usize) -> bool {
        let shared = self.shared(x, y);
        let (ax, ay) = (self.amounts(x).to_vec(), self.amounts(y).to_vec());
        shared.iter().any(|&d| {
            let generic = matches!(self.name(d), "count person people" | "count person person");
            // Times of day are close by the clock, not by their ratio.
            let clock = self.name(d) == "time of day";
            let same_as = |p: f64, q: f64| {
                if clock {
                    (p - q).abs() < 1.0
                } else {
                    figure_ratio(p, q) <= SAME_FIGURE
                }
            };
            let close_to = |p: f64, q: f64| {
                if clock {
                    (p - q).abs() <= CLOSE_MINUTES
                } else {
                    figure_ratio(p, q) <= CLOSE_FIGURES
                }
            };
            let (xs, ys) = (
                ax.iter().filter(|a| a.0 == d),
                ay.iter().filter(|b| b.0 == d),
            );
            let same = xs.clone().any(|a| ys.clone().any(|b| same_as(a.1, b.1)));
            let close = xs.clone().any(|a| ys.clone().any(|b| close_to(a.1, b.1)));
            !generic && !same && close
        })
    }

    /// Whether claim `x` (of the first fact `root`) gives a figure for a
    /// thing claim `y` measures too, while no other claim of its first fact
    /// measures it. Copies of `x` (wire copy: the same features) are `x`
    /// again, not other claims: a wire sentence stating two things, carried
    /// by three outlets, still states the second.
    ///
    /// A thing `y` measures too: the same kind, or a count of the same
    /// value by another noun ("nine injuries" / "nine people were hurt").
    fn anew(&mut self, first: &Agglomeration, x: usize, root: usize, y: usize) -> bool {
        let theirs = self.amounts(y).to_vec();
        let shared: Vec<u32> = self
            .amounts(x)
            .to_vec()
            .into_iter()
            .filter(|&(kind, value)| {
                theirs.iter().any(|&(k, v)| {
                    k == kind || (v == value && self.is_count(k) && self.is_count(kind))
                })
            })
            .map(|(kind, _)| kind)
            .collect();
        if shared.is_empty() {
            return false;
        }
        let mut counts: HashMap<u32, u32> = HashMap::default();
        // Of a fact of hundreds of claims, its first `MEMBERS_CHECKED`
        // (as `members_fit` reads them), so that the cost stays bounded.
        for &m in first.members_of(root).iter().take(MEMBERS_CHECKED) {
            if first.unit[m] == first.unit[x] {
                continue;
            }
            for d in self.of(m) {
                *counts.entry(d).or_insert(0) += 1;
            }
        }
        shared
            .iter()
            .any(|d| counts.get(d).copied().unwrap_or(0) == 0)
    }

    /// Whether two groups about to join give figures only for things of
    /// different dimensions: every claim of each gives a figure, and no
    /// claim of one gives a figure of the same dimension (a count, a sum of
    /// money, a length …) or the same value as a claim of the other: their
    /// figures say what each reports, and it is not one thing.
    fn dimensions_apart(&mut self, a: &[usize], b: &[usize]) -> bool {
        let mut with = |claims: &[usize]| -> Option<Vec<Vec<(u32, f64)>>> {
            claims
                .iter()
                .map(|&m| Some(self.amounts(m).to_vec()).filter(|x| !x.is_empty()))
                .collect()
        };
        let Some(a) = with(a) else {
            return false;
        };
        let Some(b) = with(b) else {
            return false;
        };
        // A score or a vote tally ("voted 6-3", against "two policymakers
        // voted against") or a figure a noun names is of no dimension, and
        // matches any.
        let dimension = |x: &(u32, f64)| Some(self.family(x.0)).filter(|f| DIMENSIONS.contains(f));
        let alike = |x: &(u32, f64), y: &(u32, f64)| {
            let (fx, fy) = (dimension(x), dimension(y));
            fx.is_none() || fy.is_none() || fx == fy || x.1 == y.1
        };
        !a.iter().any(|ax| {
            b.iter()
                .any(|ay| ax.iter().any(|x| ay.iter().any(|y| alike(x, y))))
        })
    }

    /// Whether two groups about to join hold the two parts of a sentence
    /// that states two things apart: a claim of one gives a figure for one
    /// of the things a third claim gives figures for, a claim of the other
    /// gives a figure for the other thing (the same kind, or the same
    /// value: "nine injuries" / "nine people were hurt"), and the two
    /// measure nothing in common. A sentence giving two figures ("linked
    /// to 37 crashes and nine injuries") is two facts; a rewrite that
    /// reports only the crashes and one that reports only the injuries
    /// state different things, and the sentence with both may sit in each
    /// fact, not make one of them.
    fn parts_apart(&mut self, a: &[usize], b: &[usize]) -> bool {
        let mut with = |claims: &[usize]| -> Vec<(usize, Vec<(u32, f64)>)> {
            claims
                .iter()
                .map(|&m| (m, self.amounts(m).to_vec()))
                .filter(|(_, amounts)| !amounts.is_empty())
                .collect()
        };
        let (a, b) = (with(a), with(b));
        if a.is_empty() || b.is_empty() {
            return false;
        }
        // Claims that give figures for two or more things.
        let two: Vec<&(usize, Vec<(u32, f64)>)> = a
            .iter()
            .chain(&b)
            .filter(|(_, amounts)| amounts.iter().any(|x| x.0 != amounts[0].0))
            .collect();
        if two.is_empty() {
            return false;
        }
        let kinds = |amounts: &[(u32, f64)]| -> Vec<u32> { amounts.iter().map(|x| x.0).collect() };
        // Each measured thing's dimension: "count", "money", "length" …
        let families =
            |kinds: &[u32]| -> Vec<&str> { kinds.iter().map(|&k| self.family(k)).collect() };
        for (x, ax) in &a {
            let kx = kinds(ax);
            let fx = families(&kx);
            for (y, ay) in &b {
                let ky = kinds(ay);
                if kx.iter().any(|k| ky.contains(k)) {
                    continue;
                }
                let fy = families(&ky);
                let dimensions_apart = !fx.iter().any(|f| fy.contains(f));
                for (z, az) in &two {
                    if z == x || z == y {
                        continue;
                    }
                    // `z` gives a figure for `one`'s thing, and another
                    // figure that is `other`'s thing or value.
                    let parts = |one: &[u32], other: &[(u32, f64)]| {
                        az.iter().any(|p| one.contains(&p.0))
                            && az.iter().any(|p| {
                                !one.contains(&p.0)
                                    && other.iter().any(|o| o.0 == p.0 || o.1 == p.1)
                            })
                    };
                    if parts(&kx, ay) || parts(&ky, ax) {
                        return true;
                    }
                    // Or, when the two measure things of different
                    // dimensions, `z` gives a figure of `one`'s dimension
                    // (another noun for the count: "31 aircraft" / "28 of
                    // its jets") and a figure for the other's thing ("costs
                    // it 4.2 million euros" / "would cost it about €4.2m").
                    let dimension_parts = |one: &[&str], other: &[(u32, f64)]| {
                        az.iter().any(|p| one.contains(&self.family(p.0)))
                            && az.iter().any(|p| {
                                !one.contains(&self.family(p.0)) && other.iter().any(|o| o.0 == p.0)
                            })
                    };
                    if dimensions_apart && (dimension_parts(&fx, ay) || dimension_parts(&fy, ax)) {
                        return true;
                    }
                }
            }
        }
        false
    }
}

/// A claim left alone, or one whose first fact measures nothing of what
/// it gives a figure for, that gives a close but different figure for a
/// thing a fact of other outlets measures (most of its claims give a
/// figure for it), while every claim of that fact giving a figure for it
/// disagrees with the claim's figure
/// ([`Measures::conflict`]): it reports that fact with its own figure,
/// the difference a reader should see. Of several such facts, the one
/// whose figure is nearest (the other is another event of the kind: an
/// aftershock's magnitude, another plant's jobs). The claim must share
/// words, numbers or dates with the fact's claims on average, as much as
/// any claim of a fact must with the rest ([`MEMBER_CONTENT`]): what it
/// says besides the figure must be what the fact says. Returns (claim,
/// fact root, the fact's claim whose figure is nearest).
fn disputed_figures(
    measures: &mut Measures<'_, '_>,
    first: &mut Agglomeration,
    refs: &[ClaimRef],
    also: &[Vec<usize>],
    free: &[bool],
) -> Vec<(usize, usize, usize)> {
    let total = refs.len();
    // Measured thing → the facts of several claims whose claims give it.
    let mut measured_by: HashMap<u32, Vec<usize>> = HashMap::default();
    for i in 0..total {
        let root = first.root(i);
        if first.size(root) < 2 {
            continue;
        }
        for d in measures.of(i) {
            let roots = measured_by.entry(d).or_default();
            if !roots.contains(&root) {
                roots.push(root);
            }
        }
    }
    let mut found = Vec::new();
    for x in 0..total {
        if !free[x] {
            continue;
        }
        let own = first.root(x);
        let taken = first.size(own) > 1;
        let article = refs[x].article;
        // (ratio of the figures, fact root, nearest claim, content)
        let mut best: Option<(f64, usize, usize, f32)> = None;
        let mut tie = false;
        for d in measures.of(x) {
            let Some(roots) = measured_by.get(&d) else {
                continue;
            };
            for &root in roots {
                if root == own
                    || first.has_article(root, article)
                    || also[root].iter().any(|&m| refs[m].article == article)
                {
                    continue;
                }
                let givers: Vec<usize> = first
                    .members_of(root)
                    .iter()
                    .take(MEMBERS_CHECKED)
                    .copied()
                    .filter(|&m| measures.amounts(m).iter().any(|a| a.0 == d))
                    .collect();
                // The fact is about the thing: most of its claims give a
                // figure for it (not one claim that states it besides what
                // the fact states).
                let size = first.size(root).min(MEMBERS_CHECKED);
                if givers.len() * 2 <= size || !givers.iter().all(|&m| measures.conflict(x, m)) {
                    continue;
                }
                if taken && !measures.anew(first, x, own, givers[0]) {
                    continue;
                }
                let Some((ratio, nearest)) = givers
                    .iter()
                    .map(|&m| (measures.nearest(x, m, d), m))
                    .min_by(|p, q| p.0.total_cmp(&q.0))
                else {
                    continue;
                };
                let content = first.content_dot(x, root) / first.size(root) as f32;
                match best {
                    Some((r, ..)) if r < ratio => {}
                    Some((r, ..)) if r == ratio => tie = true,
                    _ => {
                        best = Some((ratio, root, nearest, content));
                        tie = false;
                    }
                }
            }
        }
        if let Some((_, root, nearest, content)) = best
            && !tie
            && content >= MEMBER_CONTENT
        {
            found.push((x, root, nearest));
        }
    }
    found
}

/// Per claim (dense index): the features that are words of the sources it
/// is attributed to ("party sources said", "according to the fire
/// service"), sorted. Those words say who, not what: in the tests of what
/// two claims have in common they count as names, not as content. And the
/// features that are the words attributing it ("Ostravel put the spill at
/// 2,600 tonnes"): they say that someone gave it, not what.
struct Sources {
    words: Vec<Vec<u32>>,
    cues: Vec<Vec<u32>>,
}

impl Sources {
    fn new(articles: &[ArticleInput<'_>], story: &StoryFeatures, refs: &[ClaimRef]) -> Sources {
        let words = Self::features_in(articles, story, refs, |a| a.source);
        let cues = Self::features_in(articles, story, refs, |a| Some(a.cue));
        Sources { words, cues }
    }

    /// Per claim, the features inside the span `part` picks of each of its
    /// attributions.
    fn features_in(
        articles: &[ArticleInput<'_>],
        story: &StoryFeatures,
        refs: &[ClaimRef],
        part: impl Fn(&crate::extract::Attribution) -> Option<Span>,
    ) -> Vec<Vec<u32>> {
        refs.iter()
            .map(|c| {
                let spans: Vec<Span> = articles
                    .get(c.article)
                    .and_then(|article| {
                        let claim = article.analysis.claims.get(c.claim)?;
                        Some(
                            claim
                                .attributions
                                .iter()
                                .filter_map(|&a| part(article.analysis.attributions.get(a)?))
                                .collect(),
                        )
                    })
                    .unwrap_or_default();
                let Some(features) = story
                    .claim(c.article, c.claim)
                    .filter(|_| !spans.is_empty())
                else {
                    return Vec::new();
                };
                // Each feature once, at its first occurrence in the claim.
                let mut ids: Vec<u32> = features
                    .features
                    .iter()
                    .filter(|w| {
                        spans
                            .iter()
                            .any(|s| s.start <= w.span.start && w.span.end <= s.end)
                    })
                    .map(|w| w.id)
                    .collect();
                crate::model::sort(&mut ids);
                ids
            })
            .collect()
    }

    /// Whether feature `id` of dense claim `i` is a word of its source.
    fn word_of_source(&self, i: usize, id: u32) -> bool {
        self.words
            .get(i)
            .is_some_and(|ids| ids.binary_search(&id).is_ok())
    }

    /// Whether feature `id` of dense claim `i` is a word attributing it.
    fn word_of_cue(&self, i: usize, id: u32) -> bool {
        self.cues
            .get(i)
            .is_some_and(|ids| ids.binary_search(&id).is_ok())
    }
}

/// Facts about when an event happened: in each article the one claim that
/// dates an event ("the November attack"), linked to the other articles'
/// one claim dating it at a time that fits ("over a fortnight ago … a
/// cyber-attack"). Where several claims of an article fit, which is meant
/// would be a guess: that article is left out.
fn dated_events(
    story: &StoryFeatures,
    index: &dyn Fn(ClaimRef) -> usize,
    apart: &dyn Fn(usize, usize) -> bool,
    second: &mut Clusters,
    first: &mut Agglomeration,
    links: &mut Vec<ScoredLink>,
) {
    use std::collections::BTreeMap;
    // event feature → article's place in canonical order → the claims
    // dating it there.
    type Dated = Vec<(ClaimRef, i64, i64)>;
    let mut by_event: BTreeMap<u32, BTreeMap<usize, Dated>> = BTreeMap::new();
    for (rank, &article) in story.order.iter().enumerate() {
        let Some(claims) = story.claims.get(article) else {
            continue;
        };
        for (claim, features) in claims.iter().enumerate() {
            for &(event, start, end) in &features.dated_events {
                by_event
                    .entry(event)
                    .or_default()
                    .entry(rank)
                    .or_default()
                    .push((ClaimRef { article, claim }, start, end));
            }
        }
    }
    for articles in by_event.values() {
        let Some(&(anchor, start, end)) = articles
            .values()
            .find(|claims| claims.len() == 1)
            .map(|claims| &claims[0])
        else {
            continue;
        };
        for claims in articles.values() {
            let mut fitting = claims
                .iter()
                .filter(|&&(c, s, e)| c.article != anchor.article && s <= end && start <= e);
            let (Some(&(other, _, _)), None) = (fitting.next(), fitting.next()) else {
                continue;
            };
            let (a, b) = (index(anchor), index(other));
            if first.root(a) == first.root(b) || apart(a, b) {
                continue;
            }
            if let Some(link) =
                super::candidates::compare(story, anchor.min(other), anchor.max(other))
            {
                links.push(link);
                second.join(a, b, links.len() - 1);
            }
        }
    }
}

/// Union-find over claims where a set holds at most one claim per article
/// (for second facts).
struct Clusters {
    parent: Vec<usize>,
    size: Vec<usize>,
    /// Per root: the articles of its claims, sorted.
    articles: Vec<Vec<usize>>,
    /// Per root: the accepted links (indices into the link list).
    links: Vec<Vec<usize>>,
    /// Per root: its claims.
    members: Vec<Vec<usize>>,
}

impl Clusters {
    /// One set per claim; `article_of[i]` is claim `i`'s article.
    fn new(article_of: &[usize]) -> Clusters {
        let n = article_of.len();
        Clusters {
            parent: (0..n).collect(),
            size: vec![1; n],
            articles: article_of.iter().map(|&a| vec![a]).collect(),
            links: vec![Vec::new(); n],
            members: (0..n).map(|i| vec![i]).collect(),
        }
    }

    /// The sets of two or more claims, in order of their first claim.
    fn groups(&mut self, refs: &[ClaimRef]) -> Vec<Group> {
        let mut members: std::collections::BTreeMap<usize, Group> = Default::default();
        for (i, claim) in refs.iter().enumerate() {
            let root = self.root(i);
            if self.size[root] > 1 {
                members.entry(root).or_default().claims.push(*claim);
            }
        }
        members
            .into_iter()
            .map(|(root, mut group)| {
                group.links = self.links[root].clone();
                group
            })
            .collect()
    }

    fn root(&mut self, mut i: usize) -> usize {
        let parent = self.parent.as_mut_slice();
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }

    /// Do the sets with roots `ra` and `rb` hold claims of one article?
    fn clash(&self, ra: usize, rb: usize) -> bool {
        share_an_article(&self.articles[ra], &self.articles[rb])
    }

    /// Joins the sets of claims `a` and `b`, unless they
    /// share an article. Returns whether the link is now inside one set.
    /// Is claim `i` in no set with others?
    fn alone(&mut self, i: usize) -> bool {
        let root = self.root(i);
        self.size[root] == 1
    }

    fn join(&mut self, a: usize, b: usize, link: usize) -> bool {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra == rb {
            self.links[ra].push(link);
            return true;
        }
        if self.clash(ra, rb) {
            return false;
        }
        let (small, large) = if self.size[ra] < self.size[rb] {
            (ra, rb)
        } else {
            (rb, ra)
        };
        let moved = std::mem::take(&mut self.articles[small]);
        merge_articles(&mut self.articles[large], moved);
        let moved = std::mem::take(&mut self.members[small]);
        self.members[large].extend(moved);
        let moved = std::mem::take(&mut self.links[small]);
        self.links[large].extend(moved);
        self.links[large].push(link);
        self.parent[small] = large;
        self.size[large] += self.size[small];
        true
    }
}

/// Average-link agglomeration of claims (dense indices) into first facts,
/// at most one claim per article in each.
struct Agglomeration {
    parent: Vec<usize>,
    /// Per root: its claims.
    members: Vec<Vec<usize>>,
    /// Per root: the articles of its claims, sorted.
    articles: Vec<Vec<usize>>,
    /// Per root: the sum of its claims' feature vectors, each divided by
    /// the claim's norm, by feature id. The average score over all pairs
    /// of two groups is the dot product of their sums over the product of
    /// their sizes.
    sum: Vec<Vec<(u32, f32)>>,
    /// Per claim: its feature vector divided by its norm.
    unit: Vec<Vec<(u32, f32)>>,
    /// Per feature id: whether it says who rather than what (a name), for
    /// [`MEMBER_CONTENT`].
    name: Vec<bool>,
    /// Per claim: its features that are words of its source, sorted (few
    /// claims have any), for [`MEMBER_CONTENT`].
    source_words: Vec<Vec<u32>>,
    /// Per root: bumped on every join, so that queued averages are known
    /// to be stale.
    version: Vec<u32>,
    /// Per root: its first claim's place in canonical order (for ties).
    key: Vec<u32>,
}

/// Two groups that may join, by their average score.
#[derive(Clone, Copy, Debug)]
struct Candidate {
    average: f32,
    /// The two groups' keys, the lower first.
    keys: (u32, u32),
    /// The groups' roots and versions when the average was taken.
    a: usize,
    b: usize,
    versions: (u32, u32),
}

impl Candidate {
    fn rank(&self, other: &Candidate) -> Ordering {
        // Higher average first; on a tie the groups first in canonical
        // order (`BinaryHeap` pops the greatest).
        self.average
            .total_cmp(&other.average)
            .then(other.keys.cmp(&self.keys))
            .then(other.a.cmp(&self.a))
            .then(other.b.cmp(&self.b))
    }
}

impl PartialEq for Candidate {
    fn eq(&self, other: &Candidate) -> bool {
        self.rank(other) == Ordering::Equal
    }
}

impl Eq for Candidate {}

impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Candidate) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Candidate {
    fn cmp(&self, other: &Candidate) -> Ordering {
        self.rank(other)
    }
}

/// The dot product of two sparse vectors sorted by feature id. The
/// products are added in feature-id order whichever vector is walked.
fn dot(x: &[(u32, f32)], y: &[(u32, f32)]) -> f32 {
    dot_where(x, y, |_| true)
}

/// [`dot`] over the features `keep` accepts only.
fn dot_where(x: &[(u32, f32)], y: &[(u32, f32)], keep: impl Fn(u32) -> bool) -> f32 {
    let (small, large) = if x.len() <= y.len() { (x, y) } else { (y, x) };
    let mut total = 0.0;
    let mut from = 0;
    for &(id, weight) in small {
        if !keep(id) {
            continue;
        }
        match large[from..].binary_search_by_key(&id, |e| e.0) {
            Ok(at) => {
                total += weight * large[from + at].1;
                from += at + 1;
            }
            Err(at) => from += at,
        }
    }
    total
}

impl Agglomeration {
    /// One group per claim; `refs[i]` is dense claim `i`.
    fn new(story: &StoryFeatures, refs: &[ClaimRef], sources: Sources) -> Agglomeration {
        let n = refs.len();
        let unit: Vec<Vec<(u32, f32)>> = refs
            .iter()
            .map(|c| match story.claim(c.article, c.claim) {
                Some(f) if f.norm > 0.0 => f
                    .features
                    .iter()
                    .map(|w| (w.id, w.weight / f.norm))
                    .collect(),
                _ => Vec::new(),
            })
            .collect();
        let name = story
            .table
            .iter()
            .map(|info| info.kind == super::FeatureKind::Entity)
            .collect();
        let mut dense: HashMap<ClaimRef, usize> = HashMap::default();
        for (i, c) in refs.iter().enumerate() {
            dense.insert(*c, i);
        }
        let mut key = vec![0; n];
        for (place, c) in story.canonical_refs().iter().enumerate() {
            if let Some(&i) = dense.get(c) {
                key[i] = place as u32;
            }
        }
        Agglomeration {
            parent: (0..n).collect(),
            members: (0..n).map(|i| vec![i]).collect(),
            articles: refs.iter().map(|c| vec![c.article]).collect(),
            sum: unit.clone(),
            unit,
            name,
            source_words: sources.words,
            version: vec![0; n],
            key,
        }
    }

    fn root(&mut self, mut i: usize) -> usize {
        let parent = self.parent.as_mut_slice();
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }

    fn size(&self, root: usize) -> usize {
        self.members[root].len()
    }

    /// The pair `a`, `b` with the claim still alone first (`a` when both
    /// are, or neither).
    fn lone_first(&mut self, a: usize, b: usize) -> (usize, usize) {
        let root_a = self.root(a);
        if self.size(root_a) == 1 {
            (a, b)
        } else {
            (b, a)
        }
    }

    fn members_of(&self, root: usize) -> &[usize] {
        &self.members[root]
    }

    /// Do the groups with roots `ra` and `rb` hold claims of one article?
    fn clash(&self, ra: usize, rb: usize) -> bool {
        share_an_article(&self.articles[ra], &self.articles[rb])
    }

    /// Does the group with root `root` hold a claim of `article`?
    fn has_article(&self, root: usize, article: usize) -> bool {
        self.articles[root].binary_search(&article).is_ok()
    }

    /// The average score of claim `x` with the claims of a group.
    fn average_with(&self, x: usize, root: usize) -> f32 {
        dot(&self.unit[x], &self.sum[root]) / self.size(root) as f32
    }

    /// The dot product of claim `m`'s vector with a group's sum, over what
    /// is not a name nor a word of `m`'s source: words, numbers, dates and
    /// quoted runs.
    fn content_dot(&self, m: usize, root: usize) -> f32 {
        let own = &self.source_words[m];
        dot_where(&self.unit[m], &self.sum[root], |id| {
            !self.name.get(id as usize).copied().unwrap_or(true) && own.binary_search(&id).is_err()
        })
    }

    /// The average score over all pairs of the two groups' claims.
    fn average(&self, ra: usize, rb: usize) -> f32 {
        dot(&self.sum[ra], &self.sum[rb]) / (self.size(ra) * self.size(rb)) as f32
    }

    /// Does every claim of each group match the other group on average,
    /// in all it has ([`MEMBER_AVERAGE`]) and in what is not a name
    /// ([`MEMBER_CONTENT`])? The claims of the smaller group are all
    /// checked (each claim is on the smaller side of a join only a
    /// logarithmic number of times); of the larger group, its first
    /// [`MEMBERS_CHECKED`] claims, which keeps a join's cost bounded when a
    /// fact grows one claim at a time.
    fn members_fit(&self, ra: usize, rb: usize) -> bool {
        let fits = |group: usize, other: usize, limit: usize| {
            let size = self.size(other) as f32;
            self.members[group].iter().take(limit).all(|&m| {
                dot(&self.unit[m], &self.sum[other]) / size >= MEMBER_AVERAGE
                    && self.content_dot(m, other) / size >= MEMBER_CONTENT
            })
        };
        let (small, large) = if self.size(ra) <= self.size(rb) {
            (ra, rb)
        } else {
            (rb, ra)
        };
        fits(small, large, usize::MAX) && fits(large, small, MEMBERS_CHECKED)
    }

    fn candidate(&self, ra: usize, rb: usize, average: f32) -> Candidate {
        let (ka, kb) = (self.key[ra], self.key[rb]);
        Candidate {
            average,
            keys: (ka.min(kb), ka.max(kb)),
            a: ra,
            b: rb,
            versions: (self.version[ra], self.version[rb]),
        }
    }

    /// Claims with exactly the same features (wire copy), where an accepted
    /// pair of them shows that such claims state something, join first:
    /// the first of them in each article, the second in each, and so on.
    /// (They match each other perfectly, so average linkage would join
    /// them first anyway; done at once, and with no candidate pairs needed
    /// between them all.)
    fn join_identical(
        &mut self,
        story: &StoryFeatures,
        refs: &[ClaimRef],
        pairs: &[(usize, usize, f32)],
    ) {
        use std::collections::BTreeMap;
        let features = |i: usize| {
            story
                .claim(refs[i].article, refs[i].claim)
                .filter(|f| f.norm > 0.0)
        };
        let signature = |i: usize| features(i).map(super::candidates::signature);
        let same = |a: usize, b: usize| match (features(a), features(b)) {
            (Some(x), Some(y)) => {
                x.features.len() == y.features.len()
                    && x.features
                        .iter()
                        .zip(&y.features)
                        .all(|(p, q)| p.id == q.id)
            }
            _ => false,
        };
        // Signature → a claim that has it and is accepted with its like.
        let mut stating: HashMap<u64, usize> = HashMap::default();
        for &(a, b, _) in pairs {
            if same(a, b)
                && let Some(s) = signature(a)
            {
                let key = self.key[a].min(self.key[b]);
                let first = if self.key[a] == key { a } else { b };
                let slot = stating.entry(s).or_insert(first);
                if self.key[first] < self.key[*slot] {
                    *slot = first;
                }
            }
        }
        if stating.is_empty() {
            return;
        }
        // (representative, occurrence in its article) → its claims, in
        // canonical order.
        let mut layers: BTreeMap<(u32, usize), Vec<usize>> = BTreeMap::new();
        let mut order: Vec<usize> = (0..refs.len()).collect();
        crate::model::sort_by_key(&mut order, |&i| self.key[i]);
        let mut seen: HashMap<(usize, usize), usize> = HashMap::default();
        for i in order {
            let Some(&rep) = signature(i).and_then(|s| stating.get(&s)) else {
                continue;
            };
            if !same(i, rep) {
                continue;
            }
            let occurrence = seen.entry((rep, refs[i].article)).or_insert(0);
            layers
                .entry((self.key[rep], *occurrence))
                .or_default()
                .push(i);
            *occurrence += 1;
        }
        for claims in layers.values() {
            for pair in claims.windows(2) {
                let (ra, rb) = (self.root(pair[0]), self.root(pair[1]));
                self.join(ra, rb);
            }
        }
    }

    /// Joins groups, the best average first, from the accepted pairs
    /// (dense claim indices and score).
    /// `may_join` has the last word on two groups that pass every other test.
    fn run(
        &mut self,
        story: &StoryFeatures,
        refs: &[ClaimRef],
        pairs: Vec<(usize, usize, f32)>,
        may_join: &mut dyn FnMut(&Agglomeration, usize, usize) -> bool,
    ) {
        self.join_identical(story, refs, &pairs);
        let mut heap: BinaryHeap<Candidate> = pairs
            .into_iter()
            .filter(|&(a, b, score)| a != b && score >= MERGE_AVERAGE)
            .map(|(a, b, score)| {
                let mut candidate = self.candidate(a, b, score);
                if self.root(a) != a || self.root(b) != b {
                    // Inside groups of identical claims: the pair's score
                    // is not the groups' average, so it is taken when the
                    // pair comes up, as for a stale one.
                    candidate.versions = (u32::MAX, u32::MAX);
                }
                candidate
            })
            .collect();
        // The stale pairs already queued again, at which versions.
        let mut requeued: HashMap<(usize, usize), (u32, u32)> = HashMap::default();
        while let Some(c) = heap.pop() {
            let (ra, rb) = (self.root(c.a), self.root(c.b));
            if ra == rb {
                continue;
            }
            let versions = (self.version[ra], self.version[rb]);
            if (ra, rb) != (c.a, c.b) || versions != c.versions {
                // A group has grown since: take the average again.
                let (pair, state) = if ra < rb {
                    ((ra, rb), versions)
                } else {
                    ((rb, ra), (versions.1, versions.0))
                };
                if requeued.insert(pair, state) == Some(state) || self.clash(ra, rb) {
                    continue;
                }
                let average = self.average(ra, rb);
                if average >= MERGE_AVERAGE {
                    heap.push(self.candidate(ra, rb, average));
                }
                continue;
            }
            if !self.clash(ra, rb) && self.members_fit(ra, rb) && may_join(self, ra, rb) {
                self.join(ra, rb);
            }
        }
    }

    fn join(&mut self, ra: usize, rb: usize) {
        let (small, large) = match self.size(ra).cmp(&self.size(rb)) {
            Ordering::Less => (ra, rb),
            Ordering::Greater => (rb, ra),
            Ordering::Equal if self.key[ra] < self.key[rb] => (rb, ra),
            Ordering::Equal => (ra, rb),
        };
        let moved = std::mem::take(&mut self.articles[small]);
        merge_articles(&mut self.articles[large], moved);
        let moved = std::mem::take(&mut self.members[small]);
        self.members[large].extend(moved);
        let (xs, ys) = (
            std::mem::take(&mut self.sum[small]),
            std::mem::take(&mut self.sum[large]),
        );
        let mut merged = Vec::with_capacity(xs.len() + ys.len());
        let (mut i, mut j) = (0, 0);
        while i < xs.len() || j < ys.len() {
            match (xs.get(i), ys.get(j)) {
                (Some(x), Some(y)) if x.0 == y.0 => {
                    merged.push((x.0, x.1 + y.1));
                    i += 1;
                    j += 1;
                }
                (Some(x), Some(y)) if x.0 < y.0 => {
                    merged.push(*x);
                    i += 1;
                }
                (Some(x), None) => {
                    merged.push(*x);
                    i += 1;
                }
                (_, Some(y)) => {
                    merged.push(*y);
                    j += 1;
                }
                (None, None) => break,
            }
        }
        self.sum[large] = merged;
        self.key[large] = self.key[large].min(self.key[small]);
        self.version[large] += 1;
        self.parent[small] = large;
    }

    /// The groups of two or more claims, each with the accepted links
    /// inside it (`inside[root]`), and the claims of other groups that
    /// also state it (`also[root]`, put there by `also_links[root]`).
    fn groups(
        &mut self,
        refs: &[ClaimRef],
        inside: &[Vec<usize>],
        also: &[Vec<usize>],
        also_links: &[Vec<usize>],
    ) -> Vec<Group> {
        (0..refs.len())
            .filter(|&i| self.parent[i] == i && self.size(i) > 1)
            .map(|root| {
                let mut claims: Vec<ClaimRef> = self.members[root]
                    .iter()
                    .chain(&also[root])
                    .map(|&m| refs[m])
                    .collect();
                crate::model::sort(&mut claims);
                Group {
                    claims,
                    links: inside[root]
                        .iter()
                        .chain(&also_links[root])
                        .copied()
                        .collect(),
                }
            })
            .collect()
    }
}

/// A fact's label is at most about this long.
const LABEL_BYTES: usize = 90;

/// Links kept as a fact's evidence, strongest first.
const MAX_EVIDENCE_LINKS: usize = 16;
/// Shared features kept per link, heaviest first.
const MAX_SHARED_SHOWN: usize = 10;

/// The fact a group of claims makes.
pub fn build_fact(
    articles: &[ArticleInput<'_>],
    story: &StoryFeatures,
    outlets: &[String],
    (mut group, links): (Group, Vec<ScoredLink>),
) -> Fact {
    crate::model::sort(&mut group.claims);
    group.claims.dedup();
    let claim = |c: &ClaimRef| {
        articles
            .get(c.article)
            .and_then(|a| a.analysis.claims.get(c.claim))
    };
    let mut ids = String::new();
    for c in &group.claims {
        if let (Some(article), Some(claim)) = (articles.get(c.article), claim(c)) {
            ids.push_str(article.id);
            ids.push('/');
            ids.push_str(&claim.id);
            ids.push(' ');
        }
    }
    // The outlets in order of first appearance. `listed` is a set: its
    // value (the outlet's place in the list) is not read, but this map type
    // is already in the wasm and a set type would add code.
    let mut fact_outlets: Vec<String> = Vec::new();
    let mut listed: HashMap<&str, usize> = HashMap::default();
    for c in &group.claims {
        if let Some(article) = articles.get(c.article)
            && !listed.contains_key(article.outlet)
        {
            listed.insert(article.outlet, fact_outlets.len());
            fact_outlets.push(article.outlet.to_string());
        }
    }
    let coverage = if fact_outlets.len() <= 1 && outlets.len() > 1 {
        Coverage::One
    } else if fact_outlets.len() >= outlets.len() {
        Coverage::All
    } else {
        Coverage::Some
    };
    let label = group
        .claims
        .iter()
        .filter_map(|c| Some(claim(c)?.span.text(articles[c.article].text)))
        .min_by_key(|text| text.len())
        .map(|text| shorten(text, LABEL_BYTES))
        .unwrap_or_default();
    // The weakest link holds the fact together; the strongest explain it.
    let weakest = links
        .iter()
        .map(|l| thousandths(l.score))
        .min()
        .unwrap_or(0);
    let mut strongest: Vec<&ScoredLink> = links.iter().collect();
    let by_strength = |x: &&ScoredLink, y: &&ScoredLink| {
        y.score
            .total_cmp(&x.score)
            .then(x.a.cmp(&y.a))
            .then(x.b.cmp(&y.b))
    };
    // The strongest few (the order is total: any sort gives the same).
    crate::model::sort_by(&mut strongest, by_strength);
    strongest.truncate(MAX_EVIDENCE_LINKS);
    let evidence_links: Vec<Link> = strongest
        .into_iter()
        .map(|link| Link {
            a: link.a,
            b: link.b,
            score: thousandths(link.score),
            shared: link
                .shared_by_contribution()
                .into_iter()
                .take(MAX_SHARED_SHOWN)
                .map(|(id, weight)| {
                    let surface = |c: ClaimRef| {
                        story
                            .claim(c.article, c.claim)
                            .and_then(|f| f.features.iter().find(|f| f.id == id))
                            .map(|f| f.span.text(articles[c.article].text).to_string())
                            .unwrap_or_default()
                    };
                    SharedFeature {
                        kind: story.info(id).kind,
                        a: surface(link.a),
                        b: surface(link.b),
                        weight: thousandths(weight),
                    }
                })
                .collect(),
        })
        .collect();
    let evidence = Evidence {
        score: weakest,
        links: evidence_links,
    };
    let quotes = quote_diff::of_fact(articles, &group.claims);
    let differences = differences::of_fact(articles, &story.lexicon, &group.claims, &quotes);
    Fact {
        id: format!("f{}", content_id(&ids)),
        label,
        claims: group.claims,
        outlets: fact_outlets,
        coverage,
        differences,
        evidence,
        quotes,
    }
}

/// 0..=1 as thousandths.
pub fn thousandths(x: f32) -> u16 {
    (x.clamp(0.0, 1.0) * 1000.0).round() as u16
}

/// Adds `more` article indexes to the sorted list `into`, keeping it sorted.
fn merge_articles(into: &mut Vec<usize>, more: Vec<usize>) {
    for x in more {
        let at = into.binary_search(&x).unwrap_or_else(|i| i);
        into.insert(at, x);
    }
}

/// Do two sorted lists of article indexes have one in common? (The
/// shorter is looked up in the longer.)
fn share_an_article(a: &[usize], b: &[usize]) -> bool {
    let (small, large) = if a.len() < b.len() { (a, b) } else { (b, a) };
    small.iter().any(|x| large.binary_search(x).is_ok())
}

#[cfg(test)]
mod tests {
    use super::{LABEL_BYTES, shorten};

    #[test]
    fn labels_are_short_and_cut_at_words() {
        assert_eq!(shorten("Short.", LABEL_BYTES), "Short.");
        let long = "Sony Pictures has caved to the demands of its blackmailers and cancelled the impending launch of the film";
        let short = shorten(long, LABEL_BYTES);
        assert!(short.len() <= 95 && short.ends_with('…'), "{short}");
        assert!(short.starts_with("Sony Pictures has caved"));
    }
}
