//! Parallax beside two JavaScript NLP libraries people would otherwise use in
//! a browser, in the same headless Chromium page and the same run, on the
//! same texts. A measurement, not a check: ignored by the test run, run by
//! `./run.sh bench` (or only this part: `./run.sh bench peers`), which
//! installs the peers from npm into `.tools/peers/`, bundles each for the
//! browser with esbuild into one IIFE file (`.tools/peers/dist/*.js`, served
//! by wasm-bindgen-test-runner from the package root) and prints the numbers.
//!
//! What each column measures, per text (wall time with `performance.now()`,
//! the median of several runs after a warm-up):
//! - **Parallax**: `parallax_core::analyze(text)`, the full extraction of the
//!   engine's wasm (document, sentences, entities, quantities, dates, quotes,
//!   speakers, attributions, claims), as `tests/browser_bench.rs` measures it.
//! - **wink**: `wink-nlp` with `wink-eng-lite-web-model`, its full default
//!   pipeline: `nlp.readDoc(text)` (sentence boundaries, negation, sentiment,
//!   part of speech, named entities, custom entities), then
//!   `doc.sentences().out()` and `doc.entities().out(its.detail)`
//!   (`bench/peers/wink.mjs`).
//! - **compromise**: `compromise` with the `compromise-dates` plugin:
//!   `nlp(text)`, then `.sentences()`, `.people()`, `.places()` and
//!   `.organizations()` as text, and `.dates().get()` (the dates resolved to
//!   start/end) (`bench/peers/compromise.mjs`). Its `.dates().get()` grows
//!   quadratically with the length of one document (100 KB: ~5 s, 500 KB:
//!   ~4 min in Node), so on the large texts compromise reads the text in
//!   article-sized pieces (paragraphs packed into pieces of at most 4 KB,
//!   one `nlp(piece)` each; the time is the sum over the pieces), and only
//!   the first 2 MB of it: the 10 MB text's first 2 MB is the 2 MB text.
//!   Every engine reads each seed article and the 100 KB text whole.
#![cfg(target_arch = "wasm32")]

use parallax_core::analyze;
use parallax_core::corpus::BUNDLED_FILES;
use parallax_core::synthetic::synthetic_article;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = r#"
export function load_peer(url) {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = url;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(
      `could not load ${url}: ./run.sh bench peers installs and bundles the peers`));
    document.head.appendChild(script);
  });
}
export function has_peer(name) {
  return typeof (globalThis.parallaxPeers || {})[name] === "function";
}
export function run_peer(name, text) {
  return globalThis.parallaxPeers[name](text);
}
"#)]
extern "C" {
    fn load_peer(url: &str) -> js_sys::Promise;
    fn has_peer(name: &str) -> bool;
    #[wasm_bindgen(catch)]
    fn run_peer(name: &str, text: &JsValue) -> Result<JsValue, JsValue>;
}

/// Where `./run.sh bench peers` puts the bundles (relative to the package
/// root, which the test runner's server falls back to).
const PEERS_URL: &str = "/.tools/peers/dist";

/// Compromise reads large texts in pieces of at most this many bytes.
const PIECE_BYTES: usize = 4 * 1024;
/// ... and at most this much of each text.
const COMPROMISE_CAP: usize = 2 * 1024 * 1024;
/// Texts up to this size are read whole by every engine.
const WHOLE_LIMIT: usize = 128 * 1024;
/// Pieces in a warm-up pass over a text read in pieces (about 100 KB).
const WARM_UP_PIECES: usize = 25;
/// How long each engine is warmed up on the seeds before the first row.
const WARM_UP_MS: f64 = 1000.0;
/// A timed run repeats small inputs until it lasts about this long.
const MIN_RUN_MS: f64 = 150.0;

#[derive(Clone, Copy, PartialEq)]
enum Engine {
    Parallax,
    Wink,
    Compromise,
}

impl Engine {
    fn name(self) -> &'static str {
        match self {
            Engine::Parallax => "parallax",
            Engine::Wink => "wink",
            Engine::Compromise => "compromise",
        }
    }
}

/// What an engine found in one pass (a sanity check that it did the work).
#[derive(Default)]
struct Found {
    sentences: usize,
    entities: usize,
    dates: usize,
}

struct Piece<'a> {
    text: &'a str,
    /// The same text as a JS string, made before any timing.
    js: JsValue,
}

fn pieces(text: &str, whole: bool) -> Vec<Piece<'_>> {
    let parts: Vec<&str> = if whole {
        vec![text]
    } else {
        split_into_pieces(&text[..floor_boundary(text, COMPROMISE_CAP)])
    };
    parts
        .into_iter()
        .map(|text| Piece {
            text,
            js: JsValue::from_str(text),
        })
        .collect()
}

fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Paragraphs (blank-line separated) packed into pieces of at most
/// [`PIECE_BYTES`] (a longer paragraph is a piece of its own).
fn split_into_pieces(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut end = 0;
    for (at, _) in text.match_indices("\n\n") {
        let next = at + 2;
        if next - start > PIECE_BYTES && end > start {
            out.push(&text[start..end]);
            start = end;
        }
        end = next;
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// Gives the event loop a turn, so the test runner's WebDriver polling is
/// answered between runs (a blocked page times it out).
async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn now() -> f64 {
    web_sys::window().unwrap().performance().unwrap().now()
}

fn field(value: &JsValue, name: &str) -> usize {
    js_sys::Reflect::get(value, &JsValue::from_str(name))
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0) as usize
}

/// One pass of `engine` over every piece; the milliseconds spent inside the
/// engine (the turns given to the browser between pieces are not counted).
async fn one_pass(engine: Engine, pieces: &[Piece<'_>], found: &mut Found) -> f64 {
    let mut spent = 0.0;
    let mut since_yield = 0.0;
    *found = Found::default();
    for piece in pieces {
        if since_yield > 500.0 {
            yield_to_browser().await;
            since_yield = 0.0;
        }
        let start = now();
        match engine {
            Engine::Parallax => {
                let analysis = analyze(piece.text);
                let took = now() - start;
                spent += took;
                since_yield += took;
                found.sentences += analysis.sentences.len();
                found.entities += analysis.entities.len();
                found.dates += analysis.times.len();
            }
            Engine::Wink | Engine::Compromise => {
                let result = run_peer(engine.name(), &piece.js)
                    .unwrap_or_else(|e| panic!("{} threw: {e:?}", engine.name()));
                let took = now() - start;
                spent += took;
                since_yield += took;
                found.sentences += field(&result, "sentences");
                found.entities += field(&result, "entities");
                found.dates += field(&result, "dates");
            }
        }
    }
    spent
}

struct Measured {
    bytes: usize,
    median_ms: f64,
    found: Found,
    note: &'static str,
}

impl Measured {
    fn mb_per_s(&self) -> f64 {
        (self.bytes as f64 / (1024.0 * 1024.0)) / (self.median_ms / 1000.0)
    }
}

/// The median time of one pass over `pieces`, after a warm-up pass; small
/// inputs are repeated within a run so that each run lasts ≥ [`MIN_RUN_MS`].
async fn measure(engine: Engine, pieces: &[Piece<'_>], runs: usize) -> Measured {
    let mut found = Found::default();
    yield_to_browser().await;
    // Many pieces (compromise on a large text): a warm-up on the first
    // 100 KB of them, and each run is one pass.
    let repeat = if pieces.len() > WARM_UP_PIECES {
        one_pass(engine, &pieces[..WARM_UP_PIECES], &mut found).await;
        1
    } else {
        let warm_up = one_pass(engine, pieces, &mut found).await.max(0.01);
        ((MIN_RUN_MS / warm_up).ceil() as usize).clamp(1, 2000)
    };
    let mut times = Vec::new();
    for _ in 0..runs {
        yield_to_browser().await;
        let mut total = 0.0;
        for _ in 0..repeat {
            total += one_pass(engine, pieces, &mut found).await;
        }
        times.push(total / repeat as f64);
    }
    times.sort_by(f64::total_cmp);
    assert!(found.sentences > 0, "{} found no sentence", engine.name());
    Measured {
        bytes: pieces.iter().map(|p| p.text.len()).sum(),
        median_ms: times[times.len() / 2],
        found,
        note: "",
    }
}

fn cell(m: &Measured) -> String {
    format!(
        "{:>8.2}{}",
        m.mb_per_s(),
        if m.note.is_empty() { " " } else { "*" }
    )
}

#[wasm_bindgen_test]
#[ignore = "a benchmark: ./run.sh bench peers"]
async fn parallax_beside_wink_and_compromise() {
    for peer in ["wink", "compromise"] {
        let url = format!("{PEERS_URL}/{peer}.js");
        wasm_bindgen_futures::JsFuture::from(load_peer(&url))
            .await
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert!(has_peer(peer), "{url} did not define parallaxPeers.{peer}");
    }

    let mut texts: Vec<(String, String)> = BUNDLED_FILES
        .iter()
        .filter(|f| f.path.ends_with(".txt") && !f.path.ends_with("manifest.txt"))
        .map(|f| {
            let name = f.path.rsplit('/').next().unwrap_or(f.path);
            (
                format!("seed {}", &name[..name.len().min(12)]),
                f.contents.to_string(),
            )
        })
        .collect();
    for (label, bytes) in [
        ("synthetic 100 KB", 100 * 1024),
        ("synthetic 2 MB", 2 * 1024 * 1024),
        ("synthetic 10 MB", 10 * 1024 * 1024),
    ] {
        texts.push((label.to_string(), synthetic_article(bytes, 42)));
    }

    // A warm-up of every engine (the JIT of the JavaScript peers, the wasm
    // memory of Parallax): each seed again and again for about a second.
    let seeds: Vec<Piece> = texts
        .iter()
        .take(2)
        .flat_map(|(_, t)| pieces(t, true))
        .collect();
    for engine in [Engine::Parallax, Engine::Wink, Engine::Compromise] {
        let start = now();
        let mut found = Found::default();
        while now() - start < WARM_UP_MS {
            one_pass(engine, &seeds, &mut found).await;
            yield_to_browser().await;
        }
    }
    drop(seeds);

    for line in [
        "Parallax = parallax_core::analyze(text), the full extraction (wasm of the engine's profile): sentences, named entities, quantities, dates, quotes, speakers, attributions, claims",
        "wink = wink-nlp + wink-eng-lite-web-model, full default pipeline: nlp.readDoc(text) (sentences, negation, sentiment, part of speech, entities, custom entities) + doc.sentences().out() + doc.entities().out(its.detail)",
        "compromise = compromise + compromise-dates: nlp(text) + .sentences() + .people()/.places()/.organizations() as text + .dates().get() (resolved start/end)",
        "found = what each engine reported: sentences / entities / dates. Parallax: named entities / time expressions; wink: its lite model's entities other than DATE/TIME/DURATION (numbers, money, hashtags...: it has no people, places or organisations) / DATE+TIME+DURATION; compromise: people+places+organisations / dates",
    ] {
        console_log!("peers: {line}");
    }
    console_log!(
        "peers: MB/s = MiB of UTF-8 text per second of wall time, median of 3-5 runs after a warm-up; ratio = Parallax MB/s / peer MB/s"
    );
    console_log!(
        "peers: {:<18} {:>9} {:>9} {:>9} {:>11} {:>10} {:>12}   found: sentences/entities/dates (Parallax | wink | compromise)",
        "text",
        "size",
        "Parallax",
        "wink",
        "compromise",
        "P ÷ wink",
        "P ÷ compr."
    );
    for (label, text) in &texts {
        let whole = text.len() <= WHOLE_LIMIT;
        let runs = if text.len() > 4 * 1024 * 1024 { 3 } else { 5 };
        let all = pieces(text, true);
        let parallax = measure(Engine::Parallax, &all, runs).await;
        let wink = measure(Engine::Wink, &all, runs).await;
        drop(all);
        let mut compromise = measure(Engine::Compromise, &pieces(text, whole), 3).await;
        if !whole {
            compromise.note = if text.len() > COMPROMISE_CAP {
                "first 2 MB, in ≤ 4 KB pieces"
            } else {
                "in ≤ 4 KB pieces"
            };
        }
        let size = if text.len() >= 1024 * 1024 {
            format!("{:.1} MB", text.len() as f64 / (1024.0 * 1024.0))
        } else {
            format!("{:.1} KB", text.len() as f64 / 1024.0)
        };
        let f = |m: &Measured| {
            format!(
                "{}/{}/{}",
                m.found.sentences, m.found.entities, m.found.dates
            )
        };
        console_log!(
            "peers: {label:<18} {size:>9} {} {} {}   {:>9.1}× {:>11.1}×   {} | {} | {}{}",
            cell(&parallax),
            cell(&wink),
            cell(&compromise),
            parallax.mb_per_s() / wink.mb_per_s(),
            parallax.mb_per_s() / compromise.mb_per_s(),
            f(&parallax),
            f(&wink),
            f(&compromise),
            if compromise.note.is_empty() {
                String::new()
            } else {
                format!("  (* compromise: {})", compromise.note)
            }
        );
    }
}
