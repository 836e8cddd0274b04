//! Wire copy and rewrites (`compare::wire`): which outlets carry the same
//! text, per fact and per story.
//!
//! Synthetic cases pin the rules; the multi-outlet stories score the
//! story-level detection against their truth files' `wire |` lines (pairs
//! of outlets). `tuning/` may be read while the thresholds are set;
//! `set-aside/` and `set-aside-fresh/` print their totals only and are
//! never tuned on. Run with
//! `--nocapture` to see the numbers.

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use parallax_core::compare::StoryView;
use parallax_core::compare::wire::{describe_rewrite, same_text_str};
use parallax_core::corpus::{Article, Story};

fn story(outlets: &[(&str, &str)]) -> StoryView {
    let articles = outlets
        .iter()
        .map(|(outlet, text)| Article {
            id: outlet.to_lowercase().replace(' ', "-"),
            file: format!("{outlet}.txt"),
            outlet: outlet.to_string(),
            outlet_note: None,
            url: None,
            published: None,
            raw: Cow::Owned(text.to_string()),
        })
        .collect();
    StoryView::build(&Story {
        slug: "test".into(),
        title: "Test".into(),
        articles,
    })
}

const WIRE_LEDE: &str = "Harbour officials in Port Selby said on Tuesday that the ferry Maren Star ran aground with 212 passengers on board.";

fn article(headline: &str, body: &str) -> String {
    format!("{headline}\n14 March 2023\n\n{body}\n")
}

#[test]
fn same_text_folds_case_punctuation_and_quote_marks() {
    assert!(same_text_str(
        "The company said the deal, worth $4.2 billion, would close in May.",
        "The company said the deal – worth $4.2 billion – would close in May"
    ));
    assert!(same_text_str(
        "“We will rebuild every home,” the mayor said on Monday.",
        "\"We will rebuild every home\", the mayor said on Monday."
    ));
    // Short sentences are never wire evidence on their own.
    assert!(!same_text_str("He said no.", "He said no."));
}

#[test]
fn independent_sentences_sharing_names_and_numbers_are_not_the_same_text() {
    assert!(!same_text_str(
        "Police in Halden said 12 people died when the bus left the road on Monday.",
        "On Monday 12 people died in Halden after a bus crash, police said."
    ));
    assert!(!same_text_str(
        "Mayor Lena Ortis said 40 homes in Wexley were flooded overnight.",
        "Lena Ortis, the mayor, visited 40 flooded homes in Wexley overnight."
    ));
}

#[test]
fn three_outlets_carry_the_same_text_and_one_rewrites_it() {
    let view = story(&[
        ("Agency", &article("Ferry aground", WIRE_LEDE)),
        ("Herald", &article("Ferry runs aground", WIRE_LEDE)),
        (
            "Courier",
            &article(
                "Ferry aground off Port Selby",
                &WIRE_LEDE.replace("on Tuesday", "late on Tuesday"),
            ),
        ),
        (
            "Gazette",
            &article(
                "Passengers stranded",
                "The Maren Star, carrying 212 passengers, struck a sandbank outside Port Selby on Tuesday, harbour officials said.",
            ),
        ),
    ]);
    let fact = view
        .facts
        .iter()
        .find(|f| f.wire.is_some())
        .expect("a fact with the same text");
    let wire = fact.wire.as_ref().unwrap();
    assert_eq!(wire.same, ["Agency", "Herald", "Courier"]);
    assert_eq!(wire.tag, "same text ×3");
    if fact.claims.len() == 4 {
        assert_eq!(
            wire.note,
            "3 outlets carry the same text (Agency, Herald, Courier); 1 rewrote it (Gazette)"
        );
        assert_eq!(wire.rewrote[0].outlet, "Gazette");
        assert!(wire.rewrote[0].detail.starts_with("keeps "), "{wire:?}");
    } else {
        assert_eq!(
            wire.note,
            "3 outlets carry the same text (Agency, Herald, Courier)"
        );
    }
    assert_eq!(
        view.wire.groups,
        [vec![
            "Agency".to_string(),
            "Herald".into(),
            "Courier".into()
        ]]
    );
    assert_eq!(
        view.wire.lines,
        ["Outlets that carry the same wire text: Agency, Herald, Courier."]
    );
}

#[test]
fn a_statement_quoted_in_full_by_two_outlets() {
    let quote = "“We found no evidence that the vaccine caused the illness, and the trial will continue as planned,” said Dr Amira Hask, who leads the study.";
    let view = story(&[
        (
            "Science Desk",
            &article(
                "Trial continues",
                &format!(
                    "The trial of the VTB-17 vaccine resumed on Monday after a two-week pause. {quote}"
                ),
            ),
        ),
        (
            "City Paper",
            &article(
                "Vaccine trial back on",
                &format!("Volunteers in Halstead returned to the clinic on Monday. {quote}"),
            ),
        ),
    ]);
    let quoted = view
        .facts
        .iter()
        .filter_map(|f| f.wire.as_ref())
        .find(|w| w.common.contains("no evidence"))
        .expect("the quote is one text");
    assert_eq!(quoted.same, ["Science Desk", "City Paper"]);
    assert!(quoted.rewrote.is_empty());
    // One sentence of two is not the whole article: no wire copy.
    assert!(view.wire.groups.is_empty(), "{:?}", view.wire);
}

#[test]
fn rewrites_name_the_changed_words() {
    assert_eq!(
        describe_rewrite(
            "The takeover values Halvorsen Dairy at 4.2 billion crowns, the board said on Monday.",
            "The takeover values Halvorsen Dairy at 4.2bn crowns, the board said on Monday."
        ),
        "keeps 12 of 14 words of the common text; “4.2bn” for “4.2 billion”"
    );
    assert_eq!(
        describe_rewrite(
            "The airport reopened at noon after the crash.",
            "The airport reopened at noon on Wednesday after the crash."
        ),
        "keeps 8 of 8 words of the common text; adds “on Wednesday”"
    );
}

// ---------------------------------------------------------- stories scored

fn story_dirs(folder: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/multi_outlet")
        .join(folder);
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("truth.txt").exists())
        .collect();
    dirs.sort();
    dirs
}

fn load(dir: &Path) -> (StoryView, Vec<BTreeSet<String>>) {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt") && !p.ends_with("truth.txt"))
        .collect();
    files.sort();
    let articles = files
        .iter()
        .map(|p| {
            let outlet = p.file_stem().unwrap().to_string_lossy().to_string();
            Article {
                id: outlet.clone(),
                file: p.file_name().unwrap().to_string_lossy().to_string(),
                outlet,
                outlet_note: None,
                url: None,
                published: None,
                raw: Cow::Owned(std::fs::read_to_string(p).unwrap()),
            }
        })
        .collect();
    let view = StoryView::build(&Story {
        slug: dir.file_name().unwrap().to_string_lossy().to_string(),
        title: String::new(),
        articles,
    });
    let truth = std::fs::read_to_string(dir.join("truth.txt")).unwrap();
    let wires = truth
        .lines()
        .filter_map(|l| l.trim().strip_prefix("wire | "))
        .map(|l| {
            l.split(" | ")
                .next()
                .unwrap()
                .split(',')
                .map(|o| o.trim().to_string())
                .collect()
        })
        .collect();
    (view, wires)
}

fn pairs<'a>(groups: impl Iterator<Item = &'a BTreeSet<String>>) -> BTreeSet<(String, String)> {
    let mut out = BTreeSet::new();
    for g in groups {
        for a in g {
            for b in g {
                if a < b {
                    out.insert((a.clone(), b.clone()));
                }
            }
        }
    }
    out
}

/// (true pairs found, pairs found, true pairs), printed per story.
fn score(folder: &str) -> (usize, usize, usize) {
    // Held-out folders print their total only: no story's line or notes.
    let detailed = !folder.starts_with("set-aside");
    let mut total = (0, 0, 0);
    for dir in story_dirs(folder) {
        let (view, truth) = load(&dir);
        let found: Vec<BTreeSet<String>> = view
            .wire
            .groups
            .iter()
            .map(|g| g.iter().cloned().collect())
            .collect();
        let (t, f) = (pairs(truth.iter()), pairs(found.iter()));
        let hit = t.intersection(&f).count();
        if !detailed {
            total = (total.0 + hit, total.1 + f.len(), total.2 + t.len());
            continue;
        }
        println!(
            "{folder}/{}: wire pairs found {hit}/{} true, {} reported; found {:?}; notes {:?}",
            view.slug,
            t.len(),
            f.len(),
            view.wire.groups,
            view.wire.notes
        );
        if std::env::var("WIRE_DEBUG").is_ok() {
            for fact in &view.facts {
                if let Some(w) = &fact.wire {
                    println!(
                        "  WIRE {} | edited {:?} | rewrote {:?}",
                        w.note, w.edited, w.rewrote
                    );
                }
            }
            for a in &view.articles {
                println!("  {}: {} sentences", a.outlet, a.sentence_count);
            }
            for fact in &view.facts {
                for (i, x) in fact.claims.iter().enumerate() {
                    for y in &fact.claims[i + 1..] {
                        if t.contains(&(x.outlet.clone(), y.outlet.clone()))
                            || t.contains(&(y.outlet.clone(), x.outlet.clone()))
                        {
                            let o = parallax_core::compare::wire::overlap_str(&x.text, &y.text);
                            println!(
                                "  {} / {}: {:?}\n    {}\n    {}",
                                x.outlet, y.outlet, o, x.text, y.text
                            );
                        }
                    }
                }
            }
        }
        total = (total.0 + hit, total.1 + f.len(), total.2 + t.len());
    }
    let (hit, found, truth) = total;
    println!("{folder}: wire pair recall {hit}/{truth}, precision {hit}/{found}",);
    total
}

#[test]
fn wire_copy_is_found_in_the_tuning_stories() {
    let (hit, found, truth) = score("tuning");
    // Floors at the numbers reached; raise them when the rules improve.
    // The heat-record story's Coastal Courier runs only 5 of its 9
    // sentences from the wire (a day later, with its own scene), below
    // what wire detection asks: 22 of its 23 true pairs.
    assert!(hit >= 22 && truth - hit <= 1, "recall {hit}/{truth}");
    assert_eq!(hit, found, "precision {hit}/{found}");
}

#[test]
fn set_aside_wire_scores_are_printed() {
    // Never tuned on: printed only, the honest figure.
    for folder in ["set-aside", "set-aside-fresh"] {
        let (hit, found, truth) = score(folder);
        assert!(found <= 2 * truth.max(1), "{folder}: {hit}/{found}/{truth}");
    }
}

#[test]
fn the_bundled_story_s_wire_views_are_consistent() {
    let (stories, _) = parallax_core::corpus::bundled_stories();
    for story in &stories {
        let view = StoryView::build(story);
        for fact in &view.facts {
            let Some(wire) = &fact.wire else { continue };
            assert!(wire.same.len() >= 2, "{wire:?}");
            assert!(wire.rewrote.iter().all(|r| !wire.same.contains(&r.outlet)));
            assert!(wire.edited.iter().all(|r| wire.same.contains(&r.outlet)));
        }
        println!("{}: wire {:?}", story.slug, view.wire);
    }
}
