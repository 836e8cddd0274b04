//! Facts across many outlets (issue 16): the grouping of claims into facts
//! must not depend on the order of the articles, and a fact that 20 to 50
//! outlets report in their own words must come out as one fact covering
//! them all — not as several partial facts, and without a neighbouring
//! sentence.
//!
//! The many-outlet story is generated here: an invented chemical-plant fire,
//! eight facts, each worded in two or three ways (the way rewrites of one
//! wire story differ), every outlet picking a wording by its number, some
//! outlets leaving some facts out, and the paragraphs in two orders.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use parallax_core::align::{ArticleInput, ClaimRef, StoryAlignment, align};
use parallax_core::corpus::bundled_stories;
use parallax_core::extract::{Analysis, analyze_story};
use parallax_core::synthetic::synthetic_story;

// ------------------------------------------------------------ the fire story

/// Each fact's wordings. Facts share the place and the company, some share
/// words ("plant", "fire", "hospital"), so they are each other's decoys.
const FACTS: [&[&str]; 8] = [
    &[
        "A fire broke out at the Teskar Chemicals plant in Varnholm early on Tuesday, forcing the evacuation of nearby homes.",
        "Fire tore through the Teskar Chemicals plant in Varnholm on Tuesday morning, and nearby homes were evacuated.",
        "Nearby homes were evacuated after a fire broke out at the Teskar Chemicals plant in Varnholm early on Tuesday.",
    ],
    &[
        "Fourteen workers were taken to hospital with burns and breathing problems, the regional health service said.",
        "The regional health service said 14 workers had been taken to hospital with burns and breathing problems.",
        "Fourteen plant workers were treated in hospital for burns and breathing problems, according to the regional health service.",
    ],
    &[
        "More than 120 firefighters fought the blaze for nine hours before bringing it under control.",
        "It took more than 120 firefighters nine hours to bring the blaze under control.",
        "Some 120 firefighters fought the flames for nine hours until the blaze was under control.",
    ],
    &[
        "Residents living within 3 km of the plant were told to keep their windows and doors closed.",
        "People living within 3 km of the site were told to keep windows and doors shut.",
        "Authorities told residents within 3 km of the plant to keep their windows and doors closed.",
    ],
    &[
        "Teskar Chemicals said it was cooperating fully with investigators and that the cause of the fire was not yet known.",
        "The company said the cause of the fire was still unknown and that it was cooperating with investigators.",
        "The cause of the fire is not yet known, Teskar Chemicals said, adding that it was cooperating with investigators.",
    ],
    &[
        "The plant was fined 40,000 euros in 2019 for breaching safety rules on the storage of solvents.",
        "In 2019 the plant was fined 40,000 euros over its storage of solvents, which breached safety rules.",
        "Inspectors fined the plant 40,000 euros in 2019 for storing solvents in breach of safety rules.",
    ],
    &[
        "\"This was a frightening night for our town,\" Mayor Ilse Brandvik said.",
        "Mayor Ilse Brandvik called it \"a frightening night for our town\".",
    ],
    &[
        "Air quality tests carried out on Wednesday found no dangerous levels of toxic gases.",
        "Tests of the air on Wednesday found no dangerous levels of toxic gases, officials said.",
    ],
];

/// Whether outlet `i` reports fact `f`: most report the first six, some
/// leave one out; the mayor and the air tests only some carry.
fn reports(i: usize, f: usize) -> bool {
    match f {
        3 => i % 5 != 2,
        5 => i % 7 != 3,
        6 => i.is_multiple_of(3),
        7 => i % 4 == 1,
        _ => true,
    }
}

/// A fact as the (outlet, sentence) claims that state it.
type Claims = BTreeSet<(String, String)>;

/// The outlets' names and texts, and per fact the claims that state it.
fn fire_story(outlets: usize) -> (Vec<String>, Vec<String>, Vec<Claims>) {
    let names: Vec<String> = (0..outlets).map(|i| format!("outlet-{i:02}")).collect();
    let mut truth = vec![BTreeSet::new(); FACTS.len()];
    let mut texts = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let mut order: Vec<usize> = (0..FACTS.len()).collect();
        if i % 2 == 1 {
            order.swap(1, 2);
            order.swap(4, 5);
        }
        let mut text = String::from("Fire at Varnholm chemical plant\n14 March 2023\n");
        for f in order {
            if !reports(i, f) {
                continue;
            }
            let sentence = FACTS[f][(i + f) % FACTS[f].len()];
            text.push('\n');
            text.push_str(sentence);
            text.push('\n');
            truth[f].insert((name.clone(), sentence.to_string()));
        }
        texts.push(text);
    }
    (names, texts, truth)
}

// ------------------------------------------------------------------ helpers

/// A story to align: outlet names (also the article ids) and texts.
struct Story {
    outlets: Vec<String>,
    texts: Vec<String>,
}

impl Story {
    /// The same articles in the order `order` gives (indices into this one).
    fn permuted(&self, order: &[usize]) -> Story {
        Story {
            outlets: order.iter().map(|&i| self.outlets[i].clone()).collect(),
            texts: order.iter().map(|&i| self.texts[i].clone()).collect(),
        }
    }

    fn align(&self) -> (Vec<Analysis>, StoryAlignment) {
        let texts: Vec<&str> = self.texts.iter().map(String::as_str).collect();
        let analyses = analyze_story(&texts);
        let inputs = ArticleInput::each_own_outlet(&self.outlets, &texts, &analyses);
        let alignment = align(&inputs);
        (analyses, alignment)
    }

    fn sentence(&self, analyses: &[Analysis], c: ClaimRef) -> String {
        let span = analyses[c.article].claims[c.claim].span;
        self.texts[c.article][span.start..span.end].to_string()
    }

    /// Every fact as the set of its (outlet, sentence) claims: what must
    /// not change when the articles come in another order.
    fn facts(&self) -> BTreeSet<Claims> {
        let (analyses, alignment) = self.align();
        alignment
            .facts
            .iter()
            .map(|fact| {
                fact.claims
                    .iter()
                    .map(|&c| (self.outlets[c.article].clone(), self.sentence(&analyses, c)))
                    .collect()
            })
            .collect()
    }
}

fn multi_outlet_stories() -> Vec<(String, Story)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/multi_outlet/tuning");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs.into_iter()
        .map(|dir| {
            let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|e| e == "txt") && !p.ends_with("truth.txt"))
                .collect();
            files.sort();
            let story = Story {
                outlets: files
                    .iter()
                    .map(|p| p.file_stem().unwrap().to_string_lossy().to_string())
                    .collect(),
                texts: files
                    .iter()
                    .map(|p| std::fs::read_to_string(p).unwrap())
                    .collect(),
            };
            (
                dir.file_name().unwrap().to_string_lossy().to_string(),
                story,
            )
        })
        .collect()
}

/// Some orders of `n` articles: reversed, rotated, odd ones first, and a
/// fixed shuffle.
fn orders(n: usize) -> Vec<Vec<usize>> {
    let mut shuffled: Vec<usize> = (0..n).collect();
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    for i in (1..n).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        shuffled.swap(i, (state % (i as u64 + 1)) as usize);
    }
    vec![
        (0..n).rev().collect(),
        (1..n).chain(0..1).collect(),
        (0..n)
            .filter(|i| i % 2 == 1)
            .chain((0..n).filter(|i| i % 2 == 0))
            .collect(),
        shuffled,
    ]
}

fn assert_order_independent(name: &str, story: &Story) {
    let facts = story.facts();
    for order in orders(story.outlets.len()) {
        let other = story.permuted(&order).facts();
        let lost: Vec<_> = facts.difference(&other).collect();
        let new: Vec<_> = other.difference(&facts).collect();
        assert!(
            lost.is_empty() && new.is_empty(),
            "{name}: articles in order {order:?} give other facts:\n  only before: {lost:#?}\n  only after: {new:#?}"
        );
    }
}

// -------------------------------------------------------------------- tests

#[test]
fn facts_do_not_depend_on_the_order_of_the_articles() {
    for (name, story) in multi_outlet_stories() {
        assert_order_independent(&name, &story);
    }
    let (stories, _) = bundled_stories();
    for bundled in stories {
        let story = Story {
            outlets: bundled.articles.iter().map(|a| a.outlet.clone()).collect(),
            texts: bundled.articles.iter().map(|a| a.raw.to_string()).collect(),
        };
        assert_order_independent("bundled", &story);
    }
    let (outlets, texts, _) = fire_story(24);
    assert_order_independent("fire story, 24 outlets", &Story { outlets, texts });
}

/// Enough articles that posting lists are longer than the candidate
/// neighbourhoods, and sets of identical claims larger than a claim's
/// partners: the pairs found must not depend on the order either.
#[test]
fn facts_of_a_large_story_do_not_depend_on_the_order_of_the_articles() {
    let texts = synthetic_story(60, 3 * 1024, 11);
    let outlets = (0..texts.len()).map(|i| format!("outlet {i}")).collect();
    assert_order_independent("synthetic, 60 articles", &Story { outlets, texts });
}

#[test]
fn a_fact_many_outlets_reword_is_one_fact_covering_them() {
    for outlets in [20, 35, 50] {
        let (names, texts, truth) = fire_story(outlets);
        let story = Story {
            outlets: names,
            texts,
        };
        let facts = story.facts();
        for (f, expected) in truth.iter().enumerate() {
            // The aligned fact that holds the first outlet's claim.
            let first = expected.iter().next().unwrap();
            let found = facts
                .iter()
                .filter(|fact| fact.contains(first))
                .max_by_key(|fact| fact.intersection(expected).count())
                .unwrap();
            let missing: Vec<_> = expected.difference(found).collect();
            let extra: Vec<_> = found.difference(expected).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{outlets} outlets, fact {f} ({} outlets): {} missing, {} extra:\n  missing {missing:#?}\n  extra {extra:#?}",
                expected.len(),
                missing.len(),
                extra.len(),
            );
        }
    }
}
