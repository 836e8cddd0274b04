//! The aligner on multi-outlet stories (tests/multi_outlet/): 4–7 outlets per
//! story, some carrying the same wire copy, others rewriting it or adding their
//! own reporting, with conflicting figures, misspelt names, other units,
//! hedged versions of a claim and decoys. The ground truth (`truth.txt`) was
//! written with the stories, before the engine was run on them.
//!
//! `tuning/` may be looked at while the aligner is tuned; `set-aside/` was
//! written last, on fresh situations, and must not be: its numbers are the
//! honest ones. `set-aside-fresh/` was written later still, by someone who
//! read neither the rules nor the engine's output: like `set-aside/`, only
//! its folder total is printed. `set-aside-late/` was written the same
//! way a session later and kept unscored until that session's rules were
//! final, `set-aside-fourth/` a session after that, and `set-aside-fifth/`
//! (2026-12-07) a session after that, and `set-aside-sixth/` (also
//! 2026-12-07, a session later), each kept unscored until its session's
//! rules were final, then read once; so was `set-aside-seventh/`
//! (also 2026-12-07, late in the session that read the sixth).
//! `set-aside-eighth/` (2026-12-07) was kept unscored until its session's
//! rules were final, then read once; so was `set-aside-ninth/`
//! (2026-12-07, a session later). `set-aside-fifth/` is in-sample since
//! that session read its detail, `set-aside-ninth/` since the session after
//! (`IN_SAMPLE_SET_ASIDE`); `set-aside-tenth/` (2026-12-07) was written at
//! the start of that session and kept unscored until its rules were final,
//! and is in-sample since the session after, which wrote
//! `set-aside-eleventh/` at its start and kept it unscored until its rules
//! were final. The eleventh is in-sample since the session after, which
//! wrote `set-aside-twelfth/` at its start and kept it unscored until its
//! rules were final, then `set-aside-thirteenth/`, read once and then made
//! in-sample, and `set-aside-fourteenth/`, kept unscored until its last
//! rules were final. The twelfth and the fourteenth are in-sample since the
//! session after, which wrote `set-aside-fifteenth/` at its start and kept
//! it unscored (only in the data check) until its rules were final, then
//! read it once (totals only), made it in-sample, and wrote
//! `set-aside-sixteenth/`, kept unscored until its last rules were final.
//! The sixteenth is in-sample since the session after, which wrote
//! `set-aside-seventeenth/` at its start and kept it unscored until its
//! last rules were final, then read it once (totals only).
//! Run with `--nocapture` to see the numbers per story and
//! per folder.
//!
//! Metrics (one function each below):
//! - shared-fact recall: truth facts for which one aligned fact holds claims
//!   of at least two of the truth's outlets;
//! - outlet coverage: per truth fact, the largest share of its outlets found
//!   together in one aligned fact, averaged;
//! - precision: of the aligned facts spanning two or more outlets, the share
//!   that are not wrong merges. A claim no truth fact lists is neutral,
//!   except as a decoy partner;
//! - wrong merges: aligned facts holding claims of two truth facts that no
//!   single truth fact covers, or both sentences of a decoy pair; and,
//!   apart, unlisted merges: multi-outlet facts of unlisted sentences only;
//! - differences found / expected: a truth difference is found when an
//!   aligned fact holding the fact's claims from both sides reports a
//!   difference of that kind that involves one of the listed outlets. A
//!   time of day has a kind of its own (`time`); the truth files, written
//!   before it existed, file a conflicting time under `date` or `number`
//!   (one writer each way), so a `time` difference counts for either;
//! - false differences: number, name, spelling, date, time and attribution
//!   differences reported on correctly merged facts that the truth does not
//!   list (a `time` one is false unless a `date` or `number` one is listed).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use parallax_core::align::{ArticleInput, ClaimRef, Fact, StoryAlignment, align};
use parallax_core::extract::{Analysis, analyze_story};

const FOLDERS: [&str; 18] = [
    "tuning",
    "set-aside",
    "set-aside-fresh",
    "set-aside-late",
    "set-aside-fourth",
    "set-aside-fifth",
    "set-aside-sixth",
    "set-aside-seventh",
    "set-aside-eighth",
    "set-aside-ninth",
    "set-aside-tenth",
    "set-aside-eleventh",
    "set-aside-twelfth",
    "set-aside-thirteenth",
    "set-aside-fourteenth",
    "set-aside-fifteenth",
    "set-aside-sixteenth",
    "set-aside-seventeenth",
];
/// Folders written as held out that have since been read in detail to tune
/// the aligner: in-sample now, printed like `tuning/`.
const IN_SAMPLE_SET_ASIDE: [&str; 9] = [
    "set-aside-fifth",
    "set-aside-ninth",
    "set-aside-tenth",
    "set-aside-eleventh",
    "set-aside-twelfth",
    "set-aside-thirteenth",
    "set-aside-fourteenth",
    "set-aside-fifteenth",
    "set-aside-sixteenth",
];
/// The difference kinds whose false reports are counted.
const CHECKED_KINDS: [&str; 6] = ["number", "name", "spelling", "date", "time", "attribution"];

/// Whether an engine difference of kind `found` is one the truth lists as
/// `listed`: the same kind, or a time of day the truth's writer filed as a
/// date or a number.
fn kind_matches(found: &str, listed: &str) -> bool {
    found == listed || (found == "time" && matches!(listed, "date" | "number"))
}

// ---------------------------------------------------------------- truth file

/// A sentence of one outlet, named by a verbatim snippet of it.
struct Snippet {
    outlet: String,
    text: String,
}

struct TruthFact {
    label: String,
    sentences: Vec<Snippet>,
}

struct TruthDiff {
    fact: String,
    kind: String,
    left: Vec<String>,
    right: Vec<String>,
}

#[derive(Default)]
struct Truth {
    facts: Vec<TruthFact>,
    diffs: Vec<TruthDiff>,
    decoys: Vec<(Snippet, Snippet)>,
    wires: Vec<Vec<String>>,
}

fn snippets(field: &str) -> Result<Vec<Snippet>, String> {
    let mut out = Vec::new();
    for part in field.split(" ; ") {
        let (outlet, rest) = part
            .split_once(':')
            .ok_or_else(|| format!("no `outlet:` in {part:?}"))?;
        for quoted in rest.split(" + ") {
            let quoted = quoted.trim();
            let text = quoted
                .strip_prefix('"')
                .and_then(|q| q.strip_suffix('"'))
                .ok_or_else(|| format!("snippet not in quotes: {quoted:?}"))?;
            out.push(Snippet {
                outlet: outlet.trim().to_string(),
                text: text.to_string(),
            });
        }
    }
    Ok(out)
}

fn outlet_list(field: &str) -> Vec<String> {
    field.split(',').map(|o| o.trim().to_string()).collect()
}

fn parse_truth(text: &str) -> Result<Truth, String> {
    let mut truth = Truth::default();
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split(" | ").map(str::trim).collect();
        match (fields[0], fields.len()) {
            ("fact", 3) => truth.facts.push(TruthFact {
                label: fields[1].to_string(),
                sentences: snippets(fields[2])?,
            }),
            ("diff", 5) => {
                let (left, right) = fields[3]
                    .split_once(" vs ")
                    .ok_or_else(|| format!("no ` vs ` in {line:?}"))?;
                truth.diffs.push(TruthDiff {
                    fact: fields[1].to_string(),
                    kind: fields[2].to_string(),
                    left: outlet_list(left),
                    right: outlet_list(right),
                });
            }
            ("decoy", 3) => {
                let mut pair = snippets(fields[1])?;
                if pair.len() != 2 {
                    return Err(format!("a decoy needs two sentences: {line:?}"));
                }
                let b = pair.pop().unwrap();
                truth.decoys.push((pair.pop().unwrap(), b));
            }
            ("wire", 3) => truth.wires.push(outlet_list(fields[1])),
            _ => return Err(format!("unreadable line: {line:?}")),
        }
    }
    Ok(truth)
}

// ------------------------------------------------------------------ stories

struct Story {
    name: String,
    outlets: Vec<String>,
    texts: Vec<String>,
    analyses: Vec<Analysis>,
    truth: Truth,
}

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

fn load(dir: &Path) -> Result<Story, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt") && !p.ends_with("truth.txt"))
        .collect();
    files.sort();
    let outlets: Vec<String> = files
        .iter()
        .map(|p| p.file_stem().unwrap().to_string_lossy().to_string())
        .collect();
    let texts: Vec<String> = files
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let analyses = analyze_story(&refs);
    let truth = parse_truth(&std::fs::read_to_string(dir.join("truth.txt")).unwrap())?;
    Ok(Story {
        name: dir.file_name().unwrap().to_string_lossy().to_string(),
        outlets,
        texts,
        analyses,
        truth,
    })
}

fn aligned(story: &Story) -> StoryAlignment {
    let texts: Vec<&str> = story.texts.iter().map(String::as_str).collect();
    let inputs = ArticleInput::each_own_outlet(&story.outlets, &texts, &story.analyses);
    align(&inputs)
}

fn claim_text(story: &Story, c: ClaimRef) -> &str {
    let span = story.analyses[c.article].claims[c.claim].span;
    &story.texts[c.article][span.start..span.end]
}

fn outlet_index(story: &Story, outlet: &str) -> Result<usize, String> {
    story
        .outlets
        .iter()
        .position(|o| o == outlet)
        .ok_or_else(|| format!("{}: unknown outlet {outlet:?}", story.name))
}

/// The one claim whose sentence contains the snippet.
fn locate(story: &Story, s: &Snippet) -> Result<ClaimRef, String> {
    let article = outlet_index(story, &s.outlet)?;
    let found: Vec<ClaimRef> = (0..story.analyses[article].claims.len())
        .map(|claim| ClaimRef { article, claim })
        .filter(|&c| claim_text(story, c).contains(&s.text))
        .collect();
    match found[..] {
        [one] => Ok(one),
        _ => Err(format!(
            "{}: {}: {:?} matches {} claims",
            story.name,
            s.outlet,
            s.text,
            found.len()
        )),
    }
}

/// The truth with every snippet resolved to its claim.
struct Resolved {
    /// Per truth fact, its claims.
    facts: Vec<BTreeSet<ClaimRef>>,
    /// Per claim, the truth facts it states.
    labels: BTreeMap<ClaimRef, BTreeSet<usize>>,
    decoys: Vec<(ClaimRef, ClaimRef)>,
    /// Per truth diff: fact index, kind as the aligner names it, both sides' articles.
    diffs: Vec<(usize, String, BTreeSet<usize>, BTreeSet<usize>)>,
}

fn resolve(story: &Story) -> Result<Resolved, String> {
    let truth = &story.truth;
    let mut resolved = Resolved {
        facts: Vec::new(),
        labels: BTreeMap::new(),
        decoys: Vec::new(),
        diffs: Vec::new(),
    };
    for (i, fact) in truth.facts.iter().enumerate() {
        let claims = fact
            .sentences
            .iter()
            .map(|s| locate(story, s))
            .collect::<Result<BTreeSet<_>, _>>()?;
        let outlets: BTreeSet<usize> = claims.iter().map(|c| c.article).collect();
        if outlets.len() < 2 {
            return Err(format!(
                "{}: fact {:?} has one outlet",
                story.name, fact.label
            ));
        }
        for &c in &claims {
            resolved.labels.entry(c).or_default().insert(i);
        }
        resolved.facts.push(claims);
    }
    for (a, b) in &truth.decoys {
        resolved.decoys.push((locate(story, a)?, locate(story, b)?));
    }
    for diff in &truth.diffs {
        let fact = truth
            .facts
            .iter()
            .position(|f| f.label == diff.fact)
            .ok_or_else(|| format!("{}: diff of unknown fact {:?}", story.name, diff.fact))?;
        let side = |outlets: &[String]| {
            outlets
                .iter()
                .map(|o| outlet_index(story, o))
                .collect::<Result<BTreeSet<_>, _>>()
        };
        let kind = match diff.kind.as_str() {
            "number" | "name" | "spelling" | "date" | "certainty" | "attribution" | "quote" => {
                &diff.kind
            }
            other => return Err(format!("{}: unknown diff kind {other:?}", story.name)),
        };
        resolved.diffs.push((
            fact,
            kind.to_string(),
            side(&diff.left)?,
            side(&diff.right)?,
        ));
    }
    for wire in &truth.wires {
        for outlet in wire {
            outlet_index(story, outlet)?;
        }
    }
    Ok(resolved)
}

// ------------------------------------------------------------------ metrics

fn articles_of(fact: &Fact) -> BTreeSet<usize> {
    fact.claims.iter().map(|c| c.article).collect()
}

/// The outlets of truth fact `t` whose truth claims sit in aligned fact `fact`.
fn articles_found(truth: &Resolved, t: usize, fact: &Fact) -> BTreeSet<usize> {
    fact.claims
        .iter()
        .filter(|c| truth.facts[t].contains(c))
        .map(|c| c.article)
        .collect()
}

/// How many outlets [`articles_found`] gives.
fn outlets_found(truth: &Resolved, t: usize, fact: &Fact) -> usize {
    articles_found(truth, t, fact).len()
}

/// Shared-fact recall: one aligned fact holds the truth fact's claims from ≥ 2 outlets.
fn shared_fact_found(truth: &Resolved, t: usize, alignment: &StoryAlignment) -> bool {
    alignment
        .facts
        .iter()
        .any(|f| outlets_found(truth, t, f) >= 2)
}

/// Outlet coverage: the largest share of the truth fact's outlets in one aligned fact.
fn outlet_coverage(truth: &Resolved, t: usize, alignment: &StoryAlignment) -> f64 {
    let outlets: BTreeSet<usize> = truth.facts[t].iter().map(|c| c.article).collect();
    let best = alignment
        .facts
        .iter()
        .map(|f| outlets_found(truth, t, f))
        .max()
        .unwrap_or(0)
        .max(1);
    best as f64 / outlets.len() as f64
}

/// The truth facts that every listed claim of the aligned fact states
/// (`None` when the fact holds no listed claim).
fn covering_facts(truth: &Resolved, fact: &Fact) -> Option<BTreeSet<usize>> {
    fact.claims
        .iter()
        .filter_map(|c| truth.labels.get(c))
        .cloned()
        .reduce(|a, b| a.intersection(&b).copied().collect())
}

/// Wrong merge: claims of different truth facts, or a decoy with its partner.
fn is_wrong_merge(truth: &Resolved, fact: &Fact) -> bool {
    covering_facts(truth, fact).is_some_and(|c| c.is_empty())
        || truth
            .decoys
            .iter()
            .any(|(a, b)| fact.claims.contains(a) && fact.claims.contains(b))
}

/// Whether aligned fact `fact` holds claims of truth fact `t` from both
/// sides of a difference.
fn holds_both_sides(
    truth: &Resolved,
    t: usize,
    (left, right): (&BTreeSet<usize>, &BTreeSet<usize>),
    fact: &Fact,
) -> bool {
    let sides = articles_found(truth, t, fact);
    !sides.is_disjoint(left) && !sides.is_disjoint(right)
}

/// Difference found: an aligned fact holding the truth fact's claims from
/// both sides reports the kind on one of the listed outlets.
fn difference_found(
    truth: &Resolved,
    (t, kind, left, right): &(usize, String, BTreeSet<usize>, BTreeSet<usize>),
    alignment: &StoryAlignment,
) -> bool {
    alignment.facts.iter().any(|f| {
        holds_both_sides(truth, *t, (left, right), f)
            && f.differences.iter().any(|d| {
                kind_matches(d.kind.name(), kind)
                    && d.spans
                        .iter()
                        .any(|s| left.contains(&s.article) || right.contains(&s.article))
            })
    })
}

/// False differences: checked kinds reported on a correct merge that none
/// of its truth facts lists, and that is not the finding of a difference
/// listed for another truth fact whose both sides the merge holds (claims
/// that state two facts: "the roof gave way 640 metres down late on
/// Tuesday, the company said" and "…, according to the inspectorate"
/// differ on the source of the depth, listed under that fact): a
/// difference counted found is never also counted false.
fn false_differences(truth: &Resolved, fact: &Fact) -> Vec<&'static str> {
    let Some(facts) = covering_facts(truth, fact) else {
        return Vec::new();
    };
    if articles_of(fact).len() < 2 || is_wrong_merge(truth, fact) {
        return Vec::new();
    }
    CHECKED_KINDS
        .into_iter()
        .filter(|kind| fact.differences.iter().any(|d| d.kind.name() == *kind))
        .filter(|kind| {
            !truth.diffs.iter().any(|(t, k, left, right)| {
                kind_matches(kind, k)
                    && (facts.contains(t)
                        || holds_both_sides(truth, *t, (left, right), fact)
                            && fact.differences.iter().any(|d| {
                                d.kind.name() == *kind
                                    && d.spans.iter().any(|s| {
                                        left.contains(&s.article) || right.contains(&s.article)
                                    })
                            }))
            })
        })
        .collect()
}

// ------------------------------------------------------------------ scoring

#[derive(Default)]
struct Score {
    facts: usize,
    found: usize,
    coverage: f64,
    merged: usize,
    correct: usize,
    wrong_merges: usize,
    /// Multi-outlet aligned facts holding no listed claim at all: every
    /// fact of two outlets is listed, so these are merges of unrelated
    /// single-outlet sentences (precision counts them as correct).
    unlisted_merges: usize,
    diffs_expected: usize,
    diffs_found: usize,
    false_diffs: usize,
}

impl Score {
    fn add(&mut self, other: &Score) {
        self.facts += other.facts;
        self.found += other.found;
        self.coverage += other.coverage;
        self.merged += other.merged;
        self.correct += other.correct;
        self.wrong_merges += other.wrong_merges;
        self.unlisted_merges += other.unlisted_merges;
        self.diffs_expected += other.diffs_expected;
        self.diffs_found += other.diffs_found;
        self.false_diffs += other.false_diffs;
    }

    fn recall(&self) -> f64 {
        self.found as f64 / self.facts.max(1) as f64
    }

    fn mean_coverage(&self) -> f64 {
        self.coverage / self.facts.max(1) as f64
    }

    fn precision(&self) -> f64 {
        self.correct as f64 / self.merged.max(1) as f64
    }

    fn line(&self, name: &str) -> String {
        format!(
            "{name}: recall {:.2} ({}/{}), coverage {:.2}, precision {:.2} ({}/{}), wrong merges {}, unlisted merges {}, differences {}/{}, false differences {}",
            self.recall(),
            self.found,
            self.facts,
            self.mean_coverage(),
            self.precision(),
            self.correct,
            self.merged,
            self.wrong_merges,
            self.unlisted_merges,
            self.diffs_found,
            self.diffs_expected,
            self.false_diffs
        )
    }
}

fn evaluate(story: &Story, report: &mut String) -> Score {
    let truth = resolve(story).unwrap();
    let alignment = aligned(story);
    let verbose = std::env::var_os("MULTI_OUTLET_VERBOSE").is_some();
    let mut score = Score {
        facts: truth.facts.len(),
        diffs_expected: truth.diffs.len(),
        ..Score::default()
    };
    for (t, fact) in story.truth.facts.iter().enumerate() {
        if shared_fact_found(&truth, t, &alignment) {
            score.found += 1;
        } else {
            report.push_str(&format!("    missed fact: {}\n", fact.label));
        }
        let coverage = outlet_coverage(&truth, t, &alignment);
        if verbose && coverage < 1.0 {
            report.push_str(&format!("    coverage {coverage:.2}: {}\n", fact.label));
        }
        score.coverage += coverage;
    }
    for fact in &alignment.facts {
        if is_wrong_merge(&truth, fact) {
            score.wrong_merges += 1;
            let claims: Vec<String> = fact
                .claims
                .iter()
                .map(|&c| format!("{}: {:?}", story.outlets[c.article], claim_text(story, c)))
                .collect();
            report.push_str(&format!("    wrong merge: {}\n", claims.join(" ~ ")));
        }
        if articles_of(fact).len() >= 2 {
            score.merged += 1;
            score.correct += usize::from(!is_wrong_merge(&truth, fact));
            if covering_facts(&truth, fact).is_none() {
                score.unlisted_merges += 1;
                report.push_str(&format!("    unlisted merge: {}\n", fact.label));
            }
        }
        if verbose && articles_of(fact).len() >= 2 {
            report.push_str(&format!("    fact: {}\n", fact.label));
            for &c in &fact.claims {
                let text = claim_text(story, c);
                let cut = text.char_indices().nth(100).map_or(text.len(), |(i, _)| i);
                report.push_str(&format!(
                    "      - {}: {}\n",
                    story.outlets[c.article],
                    &text[..cut]
                ));
            }
            for d in &fact.differences {
                report.push_str(&format!("      {}: {}\n", d.kind.name(), d.detail));
            }
        }
        let wrong = false_differences(&truth, fact);
        if !wrong.is_empty() {
            report.push_str(&format!(
                "    false differences {wrong:?}: {}\n",
                fact.label
            ));
        }
        score.false_diffs += wrong.len();
    }
    for (diff, resolved) in story.truth.diffs.iter().zip(&truth.diffs) {
        if difference_found(&truth, resolved, &alignment) {
            score.diffs_found += 1;
        } else {
            // Whether one aligned fact holds claims of the fact from both
            // sides (the difference went unreported there) or the grouping
            // kept the two sides apart.
            let (t, _, left, right) = resolved;
            let together = alignment
                .facts
                .iter()
                .any(|f| holds_both_sides(&truth, *t, (left, right), f));
            report.push_str(&format!(
                "    missed difference: {} ({}; {})\n",
                diff.fact,
                diff.kind,
                if together {
                    "sides in one fact"
                } else {
                    "sides apart"
                }
            ));
            if verbose && !together {
                // Where each side's claims of the fact landed: the aligned
                // fact holding it (its size in outlets), or alone.
                for claim in &truth.facts[*t] {
                    let side = if left.contains(&claim.article) {
                        "left"
                    } else if right.contains(&claim.article) {
                        "right"
                    } else {
                        continue;
                    };
                    let homes: Vec<String> = alignment
                        .facts
                        .iter()
                        .filter(|f| f.claims.contains(claim))
                        .map(|f| format!("[{} outlets] {}", articles_of(f).len(), f.label))
                        .collect();
                    let text = claim_text(story, *claim);
                    let cut = text.char_indices().nth(90).map_or(text.len(), |(i, _)| i);
                    report.push_str(&format!(
                        "      {side} {}: {} => {}\n",
                        story.outlets[claim.article],
                        &text[..cut],
                        if homes.is_empty() {
                            "alone".to_string()
                        } else {
                            homes.join(" | ")
                        }
                    ));
                }
            }
        }
    }
    score
}

fn load_folder(folder: &str) -> Vec<Story> {
    story_dirs(folder)
        .iter()
        .map(|d| load(d).unwrap_or_else(|e| panic!("{e}")))
        .collect()
}

fn score_folder(folder: &str) -> Score {
    let mut total = Score::default();
    let mut report = String::new();
    // Set-aside stories (both held-out folders) must not be looked at while
    // tuning: only their folder total is printed, never a story's line or
    // its failures.
    let detailed = !folder.starts_with("set-aside") || IN_SAMPLE_SET_ASIDE.contains(&folder);
    for story in load_folder(folder) {
        let mut details = String::new();
        let score = evaluate(&story, &mut details);
        if detailed {
            report.push_str(&format!("  {}\n{details}", score.line(&story.name)));
        }
        total.add(&score);
    }
    println!("== {folder}\n{report}{}\n", total.line("TOTAL"));
    total
}

// -------------------------------------------------------------------- tests

#[test]
fn the_multi_outlet_data_parses_and_maps() {
    let mut errors = Vec::new();
    for folder in FOLDERS {
        let stories = load_folder(folder);
        assert!(!stories.is_empty(), "no stories in {folder}");
        for story in &stories {
            if let Err(e) = resolve(story) {
                errors.push(e);
            }
            if !(4..=8).contains(&story.outlets.len()) {
                errors.push(format!("{}: {} outlets", story.name, story.outlets.len()));
            }
            for (outlet, analysis) in story.outlets.iter().zip(&story.analyses) {
                if analysis.published().is_none() {
                    errors.push(format!("{}: {outlet}: no date line", story.name));
                }
                if !(8..=18).contains(&analysis.claims.len()) {
                    errors.push(format!(
                        "{}: {outlet}: {} sentences",
                        story.name,
                        analysis.claims.len()
                    ));
                }
            }
        }
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

/// Floors just below the numbers measured when the stories were written:
/// a regression fails, an improvement should raise them.
struct Floors {
    recall: f64,
    coverage: f64,
    precision: f64,
    wrong_merges: usize,
    unlisted_merges: usize,
    diffs_found: usize,
    false_diffs: usize,
}

fn check(folder: &str, floors: Floors) {
    let s = score_folder(folder);
    let line = s.line(folder);
    assert!(s.recall() >= floors.recall, "{line}");
    assert!(s.mean_coverage() >= floors.coverage, "{line}");
    assert!(s.precision() >= floors.precision, "{line}");
    assert!(s.wrong_merges <= floors.wrong_merges, "{line}");
    assert!(s.unlisted_merges <= floors.unlisted_merges, "{line}");
    assert!(s.diffs_found >= floors.diffs_found, "{line}");
    assert!(s.false_diffs <= floors.false_diffs, "{line}");
}

#[test]
fn tuning_stories_score_at_least_the_baseline() {
    // Measured: recall 0.96 (68/71), coverage 0.84, precision 0.86 (60/70),
    // 10 wrong merges, 2 unlisted merges, differences 17/33 (10 before
    // numbers and names were compared by meaning), 15 false differences (20
    // before; spelling now counted too). With the generated paraphrase
    // table in place of the hand-picked one: precision 0.85 (58/68),
    // differences 16/33, 14 false differences, the rest unchanged. With
    // WordNet causes, kinds and shared-synonym derivations added to the
    // table: coverage 0.85, precision 0.87 (61/70), 9 wrong merges,
    // differences 17/33, 15 false differences (the one more is a false
    // attribution difference in a newly right fact of the air-crash story).
    // With average-link clustering in place of greedy pairwise grouping
    // (issue 16): precision 0.88 (61/69), 8 wrong merges, coverage 0.84
    // (0.85 before: ledes that report two facts now sit in one of them more
    // often), the rest unchanged. With figures compared across all the
    // claims of a fact (not only against the first) and sources compared
    // fact-wide, an outlet's own voice against a named source being a
    // certainty difference only: differences 18/33, 3 false differences
    // (11 false attribution differences gone). With a month written alike
    // in both ("in June") no date difference whatever year each resolved
    // to: 2 false differences. With no date difference between the dates
    // of two events ("pleaded guilty in November" / "sentenced on 24
    // February after pleading guilty"): 1 false difference (a spelling
    // difference the truth does not list for that fact). With a seventh
    // story added to check that these rules generalise (a chemical plant
    // fire, written with its truth before the engine ran on it) and
    // "residents were told to …" read as no source: recall 0.96 (77/80),
    // coverage 0.85, precision 0.90 (71/79), 8 wrong merges, differences
    // 22/38, 1 false difference. With an eighth story (a rail strike,
    // written with its truth before the engine ran on it: conflicting
    // counts and percentages, trailing attributions), which scored recall
    // 1.00, coverage 0.92, precision 0.80, 2 wrong merges, differences 3/7
    // and 2 false differences on its own, then trailing attributions
    // ("…, police said on Monday", "said the utility"), figures that agree
    // only when one lies in the other's allowance, proportions, relative
    // clauses' sources and a lede joining the fact whose figure it gives:
    // recall 0.97 (88/91), coverage 0.86, precision 0.89 (79/89), 10
    // wrong merges, 3 unlisted merges, differences 28/45, 2 false
    // differences (on the first seven stories: the same, but one more
    // false attribution difference — "the regional health authority",
    // now read as a source, against a hospital's statement in a fact that
    // pairs two different statements about the survivors). With a ninth
    // and a tenth story (a wildfire, a data breach; written with their
    // truth before the engine ran on them: figures worded differently,
    // other nouns for one measured thing, claims with two figures, sources
    // called "the company"), which scored on their own recall 1.00 and
    // 0.86, coverage 0.90 and 0.80, precision 0.82 and 0.93, 3 and 1
    // wrong merges, differences 7/13 and 4/10, 1 and 4 false differences:
    // recall 0.96 (114/119), coverage 0.86, precision 0.88 (107/121), 14
    // wrong merges, 6 unlisted merges, differences 39/68, 7 false
    // differences; then a source written as a description of an
    // organisation ("the company", "the regulator") read as the
    // organisation the article named, and no date difference between two
    // times a state was read at ("by Tuesday evening" / "by Wednesday
    // morning"): 3 false differences; with ages compared ("Tomas
    // Reinholt, 23," / "the 24-year-old"): differences 40/68; with
    // irregular past forms in the paraphrase table ("stole" / "stolen")
    // and a name modifying a counted noun read as part of the count ("2.1
    // million Tellgard customers"): precision 0.88 (105/119), differences
    // 41/68; with a pair sharing one exact figure and one name enough in
    // common ("Nordvell Energi said 9,000 customers …" / "About 9,000
    // homes lost power …, the utility Nordvell Energi said"): coverage
    // 0.87, precision 0.89 (104/117), 13 wrong merges; with a pair
    // sharing one word and one name linked when both give a figure for one
    // measured thing ("Black Vesper has demanded a ransom of $5 million" /
    // "Black Vesper is demanding $8 million"): recall 0.97 (115/119),
    // precision 0.89 (105/118), differences 43/68; with a second fact
    // also from accepted pairs whose claims ended in different facts for
    // another reason than a shared article (a claim that matches the rest
    // of the other's fact too little): recall 0.97 (116/119), precision
    // 0.89 (107/120), differences 45/68; with a measurement's number
    // feature in its dimension's base unit to two figures ("12 km" and
    // "7.5 miles", "12,000 hectares" and "29,000 acres" share it): coverage
    // 0.88, precision 0.90 (107/119), 12 wrong merges, 4 false
    // differences (a newly right fact shows "on Wednesday" against "by
    // Tuesday"); with no date difference for the day a source spoke ("…,
    // officials said on Tuesday") nor between a reading's time ("by
    // Tuesday") and another date: 3 false differences. With no second
    // fact of a quote and a claim whose fact already holds a claim of the
    // quote's article (a speaker's advice paired with the warning it
    // echoes): precision 0.90 (105/117), 2 false differences. With an
    // eleventh and a twelfth story (an election count, a satellite launch;
    // written with their truth before the engine ran on them), which scored
    // on their own recall 1.00 and 1.00, coverage 0.93 and 0.93, precision
    // 0.85 and 0.90, 2 and 1 wrong merges, differences 7/14 and 4/7, 3 and
    // 0 false differences: recall 0.98 (138/141), coverage 0.89, precision
    // 0.89 (125/140), 15 wrong merges, differences 56/89, 5 false
    // differences; then the earlier value a change is measured from ("up
    // from 19.0% in 2021") neither a figure nor a date of the event, a
    // leader's surname before an organisation ("Falk's Conservatives")
    // the leader, an organisation noun a source ("the electoral commission
    // said …, ending …") and, apart from the month two different days
    // share and a dated event's "when:" feature, no thing in common:
    // recall 0.97 (137/141), coverage 0.89, precision 0.89 (123/138), 15
    // wrong merges, differences 61/89, 2 false differences. The wrong
    // merges' floor is the first ten stories' 12 plus the 3 the two new
    // stories still have (the first ten are unchanged on every count).
    // With a thirteenth and a fourteenth story (a product recall, a
    // mountain rescue; written with their truth before the engine ran on
    // them), which scored on their own recall 1.00 and 1.00, coverage 0.94
    // and 0.86, precision 0.86 and 0.77, 2 and 3 wrong merges, differences
    // 7/10 and 4/7, 0 and 2 false differences: recall 0.98 (163/167),
    // coverage 0.89, precision 0.88 (145/165), 20 wrong merges, 8 unlisted
    // merges, differences 72/106, 4 false differences. Then the two parts
    // of a sentence stating two figured things kept in different facts
    // ("linked to 37 crashes and nine injuries": a claim with the crashes
    // only, another with the injuries only), the passive of hearsay ("are
    // said to be") a hedge rather than a source and "warned of" a topic
    // rather than a source, a run of capitalised words no entity covers
    // ("North Korean") one name, two claims of a fact that each count one
    // thing by other nouns counting the same thing ("two delays" / "three
    // earlier attempts had been scrubbed"), wire copies of a two-fact
    // sentence no bar to its second fact and a count of the same value by
    // another noun the same thing there, and ages measured things: recall
    // 0.98 (163/167), coverage 0.90, precision 0.89 (147/166), 19 wrong
    // merges, 8 unlisted merges, differences 77/106, 2 false differences
    // (on the first twelve stories: differences 63/89, the rest unchanged).
    // With a pair dating what it states to different days needing one
    // thing more in common: precision 0.90 (149/166), 17 wrong merges.
    // At the start of facts6: precision 0.90 (150/166), 16 wrong merges,
    // differences 77/106. With a bare term ("seven years") against one
    // stated to a smaller unit ("seven years and four months") a number
    // difference: differences 78/106. With ranks of an occurrence read as
    // a count of it ("the 14th rescue", "the callout was the 16th"):
    // precision 0.90 (151/167), differences 79/106. With quoted runs only
    // those opening with a content word (half the features; the
    // 1,000-article alignment back from 969 to 663 ms natively): precision
    // 0.90 (150/167), 17 wrong merges. With a fifteenth story (a heat
    // record; written with its truth before the engine ran on it), which
    // scored on its own recall 0.91 (10/11), coverage 0.94, precision 0.90,
    // 1 wrong merge, differences 7/10, 5 false differences: recall 0.97
    // (173/178), precision 0.90 (159/177), 18 wrong merges, differences
    // 86/116, 7 false differences. Then compatible times of unequal
    // precision a specificity difference, two bounds the same way ("until
    // 18 July" / "until 20 July") a date conflict, dates compared between
    // every pair of claims, power units, a described organisation ("the
    // company") the one its own claim names, and two people of one title
    // a name conflict: differences 88/116, 3 false differences (the
    // first fourteen stories: differences 80/106, 2 false differences).
    // With a figure a claim sets against the one it agrees on ("$300
    // million, but analysts estimated … $250 million") and a span of years
    // ("between 2014 and 2021") a duration: differences 90/116.
    // (Merged with the heat-record session above:)
    // 0.90 (150/167), 17 wrong merges. With a fifteenth story (a cycling
    // stage race, written by the merge14 session with its truth before the
    // engine ran on it: recall 1.00, coverage 0.90, precision 0.93, 1 wrong
    // merge, differences 4/7, 4 false differences): recall 0.98 (179/183),
    // coverage 0.90, precision 0.90 (164/182), 18 wrong merges, 8 unlisted
    // merges, differences 83/113, 6 false differences. With every claim
    // of two joining groups sharing words, numbers or dates with the other
    // group, not only names (`MEMBER_CONTENT`): coverage 0.89, precision
    // 0.91 (169/185), 16 wrong merges, differences 80/113 (three fewer:
    // a fact a wire sentence bridged to a rewrite sharing only a name is
    // split, and its differences with it). With the words of a claim's
    // source ("party sources said") names, not content, in those tests and
    // in the tests of what a pair has in common: precision 0.92 (168/183),
    // 15 wrong merges, 7 unlisted merges, differences 79/113 (the 14th
    // rescue / the 16th callout, which shared "the service said", now
    // apart). Both sessions merged (16 stories): recall 0.97 (189/194),
    // coverage 0.89, precision 0.92 (177/193), 16 wrong merges, 7 unlisted
    // merges, differences 89/123, 6 false differences. With the two
    // stories of 2026-12-07 (hurricane, results; first runs in the README):
    // recall 0.97 (219/225), coverage 0.89, precision 0.91 (201/222), 21
    // wrong merges, 7 unlisted merges, differences 96/146, 9 false
    // differences; deaths and fatalities counted as people: differences
    // 97/146. With "Substitute Samir Haddad" read as the person "Samir
    // Haddad" (a modifier before a given name): precision 0.90 (201/223),
    // 22 wrong merges (the final's lede now also takes "It was
    // Castlemere's third defeat in an Aldermoor Cup final in five years",
    // a pair that was just under the bar). With the time a count was
    // confirmed read as the count's, not the event's: 8 false differences;
    // "remain closed until Wednesday" read forward: 7. A slip an outlet
    // corrects later in its article still a spelling difference, short
    // units (mm, km/h) read: 99 differences; a claim left alone joining the
    // fact whose figure it disputes (close figures only): 103; parts of a
    // year ("the end of 2027" / "the middle of 2027") read as months, a
    // "by" after a future a deadline: 104. What happened to counted people
    // ("hurt" / "injured") one measured thing and a feature: 105; two
    // claims left alone with close figures for one thing a fact of two:
    // precision 0.90 (203/225), differences 106. A claim whose figure
    // disputes a fact's, joining it when no pair linked them (the nearest
    // such fact, sharing words on average): coverage 0.90, differences 113.
    // "put the magnitude at 6.2" read as an attribution of an estimate: 114.
    // "Kestmark Group, the pump maker, said …" attributed to its subject,
    // and "Rival Altrada Pumps" named "Altrada Pumps": 115. Groups dating
    // what they state years apart kept apart: precision 0.90 (205/227). A
    // speaker's words and an outlet's own account kept apart: precision
    // 0.91 (207/228), 21 wrong merges, 6 unlisted, 6 false differences.
    // A pair sharing only a date no link: 20 wrong merges, 5 unlisted. A
    // small count of things matched with its noun ("five wins" / "five
    // times"): precision 0.91 (205/226), 21 wrong merges (a rescue count
    // now with a toll), 5 false differences. One person's words quoted by
    // some outlets and reported by others a quote difference: 116. A claim
    // dated years apart from a fact joins it as no second fact: one false
    // difference fewer, one unlisted merge more (the same two unlisted
    // sentences, now without a number difference). The verb giving a
    // figure no thing in common: 3 false differences. Seasons read as
    // dates ("next spring", "last summer"): 18 wrong merges, precision 0.92
    // (206/224), differences 117. The scorer counting no found difference
    // false: 2 false differences; a cost sentence's source now read ("Norlink
    // Rail, which runs …, says"): 3 again. A lone claim stating the part
    // of a wire sentence its own lede leaves out: precision 0.92 (207/225).
    // Groups giving figures of different dimensions only kept apart:
    // precision 0.93 (210/226), 16 wrong merges, differences 119/146, 2
    // false differences.
    check(
        "tuning",
        Floors {
            recall: 0.97,
            coverage: 0.89,
            precision: 0.92,
            wrong_merges: 16,
            unlisted_merges: 6,
            diffs_found: 119,
            false_diffs: 2,
        },
    );
}

#[test]
fn set_aside_stories_score_at_least_the_baseline() {
    // Measured: recall 1.00 (17/17), coverage 0.92, precision 1.00 (18/18),
    // no wrong merges, 1 unlisted merge, differences 5/10, 4 false differences
    // (5 before numbers and names were compared by meaning). With the
    // generated paraphrase table: precision 1.00 (19/19), 2 unlisted merges.
    // With average-link clustering: unchanged. With figures and sources
    // compared fact-wide and an outlet's own voice against a named source
    // no longer an attribution difference: differences 4/10 (one expected
    // difference was of that kind), 3 false differences. With trailing
    // attributions, stricter agreement of figures and ledes joining the
    // fact whose figure they give (tuned on the eighth tuning story):
    // unchanged. With irregular past forms of verbs in the paraphrase
    // table ("stole" → "steal"; decided on the tuning stories only):
    // coverage 0.93, 4 false differences (one more; not looked at). With
    // second facts from pairs refused for a poor fit, not only for a
    // shared article (decided on the tuning stories): precision 1.00
    // (20/20), 5 false differences (one more; not looked at). With no date
    // difference for the day a source spoke: 4 false differences. With an
    // organisation and its speaker one source, and no second fact of a
    // quote echoing a claim its article already reports (both decided on
    // the tuning stories): unchanged. With the month two different days
    // share and a dated event's "when:" feature no thing in common (decided
    // on the tuning stories): precision 1.00 (19/19), 3 false differences.
    // (Read at the end of a later session: 2 false differences.) With the
    // session-14 rules, decided on the tuning stories only (a member check
    // when groups join; dates compared between every pair of claims,
    // contested figures, one title two names, times of day and other
    // difference rules): coverage 0.88, 4 false differences (the difference
    // rules alone: 5; the member check alone: coverage 0.88, 2). Not looked
    // at; not reverted on this reading, so the rise is reported, not hidden.
    // Re-read with the rules of the session that wrote `set-aside-ninth/`
    // (decided on `tuning/` and the in-sample `set-aside-fifth/`: a claim
    // whose figure disputes a fact's joining it with no candidate pair,
    // subjects in apposition as sources, units joined by a hyphen, sums in
    // krona, "believe" a hedge, "the court heard"): coverage 0.89, precision
    // 0.95 (19/20), 1 wrong merge (none before), differences 7/10 (6 before),
    // 4 false differences. Not looked at; not reverted, so the change is
    // reported, not hidden.
    check(
        "set-aside",
        Floors {
            recall: 0.95,
            coverage: 0.87,
            precision: 0.95,
            wrong_merges: 1,
            unlisted_merges: 2,
            diffs_found: 4,
            false_diffs: 4,
        },
    );
}

#[test]
fn set_aside_fresh_stories_do_not_fall() {
    // Written on 2026-12-06 by someone who read neither the rules nor the
    // engine's output; held out, aggregate only. Its total, read once with
    // the rules of that day final: recall 0.97 (28/29), coverage 0.82,
    // precision 0.86 (24/28), 4 wrong merges, 2 unlisted merges,
    // differences 5/15, 5 false differences. Read once more at the end of
    // the next session (its rules tuned on the tuning stories only, though
    // a helper that session reverted two changes that failed held-out
    // floors): recall 1.00 (29/29), coverage 0.84, precision 0.86 (25/29),
    // 4 wrong merges, differences 5/15, 5 false differences.
    check(
        "set-aside-fresh",
        Floors {
            recall: 0.95,
            coverage: 0.80,
            precision: 0.85,
            wrong_merges: 4,
            unlisted_merges: 2,
            diffs_found: 5,
            false_diffs: 5,
        },
    );
}

#[test]
fn set_aside_late_stories_do_not_fall() {
    // Written on 2026-12-06 by someone who read neither the rules nor the
    // engine's output, a session after `set-aside-fresh`; held out,
    // aggregate only. Kept unscored while that session's rules were tuned,
    // then read once with them final: recall 0.81 (26/32), coverage 0.76,
    // precision 0.85 (22/26), 4 wrong merges, no unlisted merge,
    // differences 7/17, 4 false differences.
    check(
        "set-aside-late",
        Floors {
            recall: 0.80,
            coverage: 0.75,
            precision: 0.84,
            wrong_merges: 4,
            unlisted_merges: 0,
            diffs_found: 7,
            false_diffs: 4,
        },
    );
}

#[test]
fn set_aside_fourth_stories_do_not_fall() {
    // Written on 2026-12-06 by someone who read neither the rules nor the
    // engine's output, a session after `set-aside-late`; held out,
    // aggregate only. Kept unscored while that session's rules were tuned,
    // then read once with them final: recall 1.00 (32/32), coverage 0.87,
    // precision 0.87 (26/30), 4 wrong merges, 1 unlisted merge,
    // differences 11/19, 1 false difference.
    // Re-read with the rules of the session that wrote `set-aside-ninth/`
    // (decided on `tuning/` and the in-sample `set-aside-fifth/`: a claim
    // whose figure disputes a fact's joining it with no candidate pair,
    // subjects in apposition as sources, units joined by a hyphen, sums in
    // krona, "believe" a hedge, "the court heard"): precision 0.87 (26/30), 4
    // wrong merges, 1 unlisted merge, differences 11/19 (12 before), no false
    // difference. Not looked at; not reverted, so the change is reported,
    // not hidden. With groups dated years apart and a quote against an
    // outlet's own account kept apart too: coverage 0.86, differences 10/19.
    check(
        "set-aside-fourth",
        Floors {
            recall: 0.99,
            coverage: 0.85,
            precision: 0.86,
            wrong_merges: 4,
            unlisted_merges: 1,
            diffs_found: 10,
            false_diffs: 1,
        },
    );
}

#[test]
fn set_aside_fifth_stories_do_not_fall() {
    // Written on 2026-12-07 by someone who read neither the rules nor the
    // engine's output, a session after `set-aside-fourth`; held out,
    // aggregate only, until it was made in-sample. Kept unscored while that
    // session's rules were tuned,
    // then read once with them final: recall 1.00 (29/29), coverage 0.88,
    // precision 0.96 (26/27), 1 wrong merge, no unlisted merge, differences
    // 8/21, 1 false difference. In-sample since the session that wrote
    // `set-aside-ninth/` (see `IN_SAMPLE_SET_ASIDE`): re-read with its rules
    // it showed a second wrong merge (a disputed figure joining a fact that
    // only one claim of measured it), which was fixed after its detail was
    // read; then sums in krona compared: differences 9/21; a unit joined
    // by a hyphen ("a 30-mile diversion") read: 10/21; "believe" a hedge:
    // 11/21; "The court heard that …" attributed to the court: 12/21.
    // Groups dating what they state years apart kept apart: precision 1.00
    // (28/28), no wrong merge. One person's words quoted by some outlets
    // and reported by others a quote difference: 14/21. "The council" and
    // "council leader Gareth Ince" one source: no false difference.
    check(
        "set-aside-fifth",
        Floors {
            recall: 0.99,
            coverage: 0.87,
            precision: 0.99,
            wrong_merges: 0,
            unlisted_merges: 0,
            diffs_found: 14,
            false_diffs: 0,
        },
    );
}

#[test]
fn set_aside_sixth_stories_do_not_fall() {
    // Written on 2026-12-07 by someone who read neither the rules nor the
    // engine's output, a session after `set-aside-fifth`; held out,
    // aggregate only. Kept unscored while that session's rules were tuned,
    // then read once with them final: recall 1.00 (27/27), coverage 0.95,
    // precision 0.89 (24/27), 3 wrong merges, no unlisted merge,
    // differences 10/18, 4 false differences.
    check(
        "set-aside-sixth",
        Floors {
            recall: 0.99,
            coverage: 0.94,
            precision: 0.88,
            wrong_merges: 3,
            unlisted_merges: 0,
            diffs_found: 10,
            false_diffs: 4,
        },
    );
}

#[test]
fn set_aside_eighth_stories_do_not_fall() {
    // Written on 2026-12-07 by someone who read neither the rules nor the
    // engine's output, at the start of the session after the one that read
    // `set-aside-seventh`; held out, aggregate only. Kept unscored (only in
    // the data check) while that session's rules were tuned, then read once
    // with them final: recall 1.00 (31/31), coverage 0.87, precision 0.94
    // (29/31), 2 wrong merges, no unlisted merge, differences 12/26, 1
    // false difference.
    // Re-read with the rules of the session that wrote `set-aside-ninth/`
    // (decided on `tuning/` and the in-sample `set-aside-fifth/`: a claim
    // whose figure disputes a fact's joining it with no candidate pair,
    // subjects in apposition as sources, units joined by a hyphen, sums in
    // krona, "believe" a hedge, "the court heard"): precision 0.90 (28/31), 3
    // wrong merges (2 before), differences 12/26, 1 false difference. Not
    // looked at; not reverted, so the change is reported, not hidden. With
    // groups dated years apart and a quote against an outlet's own account
    // kept apart too: precision 0.94 (29/31), 2 wrong merges. Re-read
    // (totals only) by the session that wrote `set-aside-seventeenth/`:
    // with a count of people with no noun and times of day measured,
    // differences 14/26; with background (a sentence opening on a past
    // period) kept apart from the news, precision 0.90 (28/31) and 3
    // wrong merges again (the seventh went from 4 to 3 with it). Not
    // looked at; reported, not hidden.
    check(
        "set-aside-eighth",
        Floors {
            recall: 0.99,
            coverage: 0.86,
            precision: 0.89,
            wrong_merges: 3,
            unlisted_merges: 0,
            diffs_found: 14,
            false_diffs: 1,
        },
    );
}

#[test]
fn set_aside_ninth_stories_do_not_fall() {
    // Written on 2026-12-07 by someone who read neither the rules nor the
    // engine's output, at the start of the session after the one that read
    // `set-aside-eighth`; kept unscored (only in the data check) while that
    // session's rules were tuned, then read once with them final (no rule
    // was changed after): recall 0.97 (29/30), coverage 0.84, precision
    // 0.77 (24/31), 7 wrong merges, 1 unlisted merge, differences 13/33, 6
    // false differences. In-sample since the session after (see
    // `IN_SAMPLE_SET_ASIDE`): re-read with that session's first rules
    // (coverage 0.85, 5 false differences), then its detail read and the
    // rules fixed for what it showed (a pair sharing only a day, a count
    // and a sum of one sentence in two rewrites, a time of day its own
    // kind, a title after a name, a rating that is no year, small counts
    // matched with their noun, subjects that are different people, a role
    // filled by two people, a maximum stated as the figure, a quote's
    // opening words, "its secretary general", a written text as source):
    // recall 0.93 (28/30; a fleet counted as "aircraft" and as "jets" no
    // longer joins, through the cost the wire sentence also gives),
    // coverage 0.82, precision 0.90 (26/29), 3 wrong merges, differences
    // 18/33, no false difference.
    check(
        "set-aside-ninth",
        Floors {
            recall: 0.92,
            coverage: 0.81,
            precision: 0.89,
            wrong_merges: 3,
            unlisted_merges: 1,
            diffs_found: 18,
            false_diffs: 0,
        },
    );
}

#[test]
fn set_aside_seventh_stories_do_not_fall() {
    // Written on 2026-12-07 by someone who read neither the rules nor the
    // engine's output, late in the session that read `set-aside-sixth`;
    // held out, aggregate only. Kept unscored, then read once with the
    // session's final rules (the same that read the sixth): recall 1.00 (26/26),
    // coverage 0.86, precision 0.89 (25/28), 3 wrong merges, 2 unlisted
    // merges, differences 12/20, no false difference. Re-read (not looked
    // at, nothing reverted) with the rules of the session that read the
    // tenth: precision 0.85 (23/27), 4 wrong merges, 1 unlisted merge,
    // differences 13/20.
    check(
        "set-aside-seventh",
        Floors {
            recall: 0.99,
            coverage: 0.85,
            precision: 0.84,
            wrong_merges: 4,
            unlisted_merges: 2,
            diffs_found: 12,
            false_diffs: 0,
        },
    );
}

#[test]
fn set_aside_tenth_stories_do_not_fall() {
    // Written on 2026-12-07 by two helpers who read neither the rules nor
    // the engine's output (only the README, one `tuning/` story and the
    // truth parser), at the start of the session that made the ninth
    // in-sample; kept unscored (only in the data check) while that
    // session's rules were tuned, then read once with them final: recall
    // 1.00 (40/40), coverage 0.89, precision 0.82 (36/44), 8 wrong merges,
    // 3 unlisted merges, differences 25/45, 7 false differences. One rule
    // was corrected after, on a review of its code, not of this folder (a
    // full name and its surname alone are one person for the
    // different-subjects rule): every score the same. In-sample since the
    // session after (see `IN_SAMPLE_SET_ASIDE`); these floors are its
    // in-sample scores ("on Monday, a day after winning …" dates no win:
    // 2 false differences).
    check(
        "set-aside-tenth",
        Floors {
            recall: 0.99,
            coverage: 0.86,
            precision: 0.88,
            wrong_merges: 5,
            unlisted_merges: 3,
            diffs_found: 30,
            false_diffs: 2,
        },
    );
}

#[test]
fn set_aside_eleventh_stories_do_not_fall() {
    // Written on 2026-12-07 by two helpers who read neither the rules nor
    // the engine's output (only the README, one `tuning/` story and the
    // truth parser), at the start of the session that made the tenth
    // in-sample; kept unscored (only in the data check) while that
    // session's first rules were tuned, then read once (totals only):
    // recall 1.00 (47/47), coverage 0.84, precision 0.80 (37/46), 9 wrong
    // merges, 3 unlisted merges, differences 27/51, 6 false differences.
    // The session went on tuning on `tuning/` and the tenth; re-read (totals
    // only) with its last rules: 8 wrong merges, precision 0.83 (38/46),
    // the rest the same. In-sample since the session after (see
    // `IN_SAMPLE_SET_ASIDE`), which read its detail and fixed the rules for
    // what it showed (wholes that each give a part, a title with a
    // possessive, an owner before a possessive, "about" as a rounding, a
    // reading of evidence and a condition as hedges, an instruction given,
    // seasons, a modal looking forward, parts of the day, a description
    // that fits the body its claim names, "for a fortnight", a body named
    // in a title after the name): differences 36/51, 2 false differences,
    // the rest the same. These floors are its in-sample scores. The
    // session after: precision 0.83 (39/47), 1 false difference. With
    // background kept apart from the news: precision 0.88 (42/48), 6
    // wrong merges; with groups giving figures of different dimensions
    // only kept apart: precision 0.85 (40/47), 7 wrong merges (a diver's
    // depth on the dive rejoined the wreck's depth).
    check(
        "set-aside-eleventh",
        Floors {
            recall: 0.99,
            coverage: 0.83,
            precision: 0.84,
            wrong_merges: 7,
            unlisted_merges: 3,
            diffs_found: 36,
            false_diffs: 0,
        },
    );
}

#[test]
fn set_aside_twelfth_stories_do_not_fall() {
    // Written on 2026-12-07 by two helpers who read neither the rules nor
    // the engine's output (only the README, one `tuning/` story and the
    // truth parser), at the start of the session that made the eleventh
    // in-sample; kept unscored (only in the data check) while that
    // session's rules were tuned, then read once (totals only): recall
    // 0.98 (40/41), coverage 0.81, precision 0.85 (35/41), 6 wrong merges,
    // 2 unlisted merges, differences 26/48, 7 false differences. The
    // session's later rules (in-sample only) left every total the same.
    // In-sample from the session after (see `IN_SAMPLE_SET_ASIDE`), which
    // read its detail: precision 0.86 (36/42), differences 29/48, 2 false
    // differences (one fewer by the scorer's fix: a difference counted
    // found is not also false), the rest the same. These floors are its
    // in-sample scores.
    check(
        "set-aside-twelfth",
        Floors {
            recall: 0.97,
            coverage: 0.81,
            precision: 0.84,
            wrong_merges: 6,
            unlisted_merges: 2,
            diffs_found: 28,
            false_diffs: 1,
        },
    );
}

#[test]
fn set_aside_thirteenth_stories_do_not_fall() {
    // Written on 2026-12-07 by two helpers who read neither the rules nor
    // the engine's output (only the README, one `tuning/` story and the
    // truth parser), late in the session that made the eleventh in-sample
    // and read the twelfth; kept unscored (only in the data check) while
    // that session's last rules were tuned, then read once with them final
    // (totals only): recall 1.00 (43/43), coverage 0.83, precision 0.81
    // (35/43), 8 wrong merges, 1 unlisted merge, differences 21/47, 2 false
    // differences. In-sample later in that session (see
    // `IN_SAMPLE_SET_ASIDE`), which read its detail and fixed the rules for
    // what it showed (a name set off after an inverted source, an
    // honorific and "its" no part of a role, "until at least Sunday" an
    // end stated, a change by a fraction in words, people on board a
    // count of their own): differences 25/47, 1 false difference, the rest
    // the same. These floors are its in-sample scores.
    check(
        "set-aside-thirteenth",
        Floors {
            recall: 0.99,
            coverage: 0.83,
            precision: 0.80,
            wrong_merges: 8,
            unlisted_merges: 1,
            diffs_found: 26,
            false_diffs: 1,
        },
    );
}

#[test]
fn set_aside_fourteenth_stories_do_not_fall() {
    // Written on 2026-12-07 by two helpers who read neither the rules nor
    // the engine's output (only the README, one `tuning/` story and the
    // truth parser), late in the session that read the twelfth and made
    // the thirteenth in-sample; kept unscored (only in the data check)
    // while that session's last rules were tuned, then read once with them
    // final (totals only): recall 0.98 (40/41), coverage 0.86, precision
    // 0.90 (35/39), 4 wrong merges, no unlisted merge, differences 26/48,
    // 3 false differences. In-sample from the session after (see
    // `IN_SAMPLE_SET_ASIDE`), which read its detail: precision 0.90
    // (36/40), differences 33/48, no false difference, the rest the same.
    // These floors are its in-sample scores.
    check(
        "set-aside-fourteenth",
        Floors {
            recall: 0.97,
            coverage: 0.85,
            precision: 0.89,
            wrong_merges: 4,
            unlisted_merges: 0,
            diffs_found: 34,
            false_diffs: 0,
        },
    );
}

#[test]
fn set_aside_fifteenth_stories_do_not_fall() {
    // Written on 2026-12-07 by two helpers who read neither the rules nor
    // the engine's output (only the README, one `tuning/` story and the
    // truth parser), at the start of the session that made the twelfth and
    // the fourteenth in-sample; kept unscored (only in the data check)
    // while that session's rules were tuned, then read once with them
    // final (totals only): recall 1.00 (45/45), coverage 0.84, precision
    // 0.81 (35/43), 8 wrong merges, 2 unlisted merges, differences 23/47,
    // 5 false differences. In-sample later in that session (see
    // `IN_SAMPLE_SET_ASIDE`), which read its detail and fixed the rules for
    // what it showed ("more than 50" a rounding of 58, a title after the
    // body whose post it is): differences 24/47, 3 false differences, the
    // rest the same. These floors are its in-sample scores.
    check(
        "set-aside-fifteenth",
        Floors {
            recall: 0.99,
            coverage: 0.84,
            precision: 0.89,
            wrong_merges: 4,
            unlisted_merges: 2,
            diffs_found: 24,
            false_diffs: 1,
        },
    );
}

#[test]
fn set_aside_sixteenth_stories_do_not_fall() {
    // Written on 2026-12-07 by two helpers who read neither the rules nor
    // the engine's output (only the README, one `tuning/` story and the
    // truth parser), late in the session that read the fifteenth and made
    // it in-sample; kept unscored (only in the data check) while that
    // session's last rules were tuned, then read once with them final
    // (totals only): recall 0.94 (44/47), coverage 0.85, precision 0.84
    // (37/44), 7 wrong merges, 1 unlisted merge, differences 25/45, 4
    // false differences. Re-read (totals only) by the session after, with
    // a count of people with no noun ("and 31 were injured") measured:
    // differences 26/45, the rest the same; then in-sample (see
    // `IN_SAMPLE_SET_ASIDE`), when a time of day became a measured thing
    // (a rewrite giving another time joins the fact it disputes) and its
    // totals moved both ways: differences 27/45, but precision 0.81
    // (35/43) and 8 wrong merges, the new one a lede giving the time of the
    // first collision joining a wire sentence that states that time and
    // the visibility, already with a witness on the visibility. Later in
    // that session (background kept apart from the news, a bound giving
    // no day, a slip in one full name, two remarks of two people kept
    // apart): differences 31/45, precision 0.83 (34/41), 7 wrong merges,
    // 3 false differences; then, with groups giving figures of different
    // dimensions only kept apart: differences 29/45, precision 0.85
    // (35/41), 6 wrong merges, 4 false differences; "at least four" an
    // inclusive floor again (five another toll): differences 31/45. These
    // floors are its in-sample scores.
    check(
        "set-aside-sixteenth",
        Floors {
            recall: 0.93,
            coverage: 0.86,
            precision: 0.84,
            wrong_merges: 6,
            unlisted_merges: 1,
            diffs_found: 31,
            false_diffs: 4,
        },
    );
}

#[test]
fn set_aside_seventeenth_stories_do_not_fall() {
    // Written on 2026-12-07 by a helper who read neither the rules nor the
    // engine's output (only the README, one `tuning/` story and the truth
    // parser), at the start of the session that made the sixteenth
    // in-sample; kept unscored (only in the data check) while that
    // session's rules were tuned, then read once with them final (totals
    // only): recall 0.90 (44/49), coverage 0.84, precision 0.82 (32/39),
    // 7 wrong merges, no unlisted merge, differences 29/46, 4 false
    // differences.
    check(
        "set-aside-seventeenth",
        Floors {
            recall: 0.89,
            coverage: 0.83,
            precision: 0.81,
            wrong_merges: 7,
            unlisted_merges: 0,
            diffs_found: 29,
            false_diffs: 4,
        },
    );
}
