//! A story's cross-outlet facts with their differences, then every quote's
//! resolved speaker: a quick look at what the engine makes of articles
//! nobody tuned it on.
//! `cargo run -p parallax-core --example story_facts -- FILE...`

use parallax_core::align::{ArticleInput, align};
use parallax_core::extract::analyze_story;

fn main() {
    let texts: Vec<String> = std::env::args()
        .skip(1)
        .map(|f| std::fs::read_to_string(&f).unwrap_or_else(|e| panic!("{f}: {e}")))
        .collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let analyses = analyze_story(&refs);
    let ids: Vec<String> = (1..=refs.len()).map(|n| format!("a{n}")).collect();
    let inputs = ArticleInput::each_own_outlet(&ids, &refs, &analyses);
    for fact in align(&inputs).facts.iter().filter(|f| f.claims.len() > 1) {
        println!("== fact");
        for c in &fact.claims {
            let sentence = analyses[c.article].claims[c.claim]
                .span
                .text(refs[c.article]);
            println!(
                "  a{}#{} {}",
                c.article + 1,
                c.claim,
                sentence.replace('\n', " ")
            );
        }
        for d in &fact.differences {
            println!("  ! {:?}: {}", d.kind, d.detail);
        }
    }
    for (i, (analysis, text)) in analyses.iter().zip(&refs).enumerate() {
        for (q, quote) in analysis.quotes.iter().enumerate() {
            let words: String = quote.content.text(text).chars().take(40).collect();
            let speaker = analysis.speaker(q);
            println!(
                "a{} {words:?} → {} ({:?}; written {:?})",
                i + 1,
                analysis.speaker_key(q).unwrap_or("-"),
                speaker.map(|s| s.resolution),
                speaker.and_then(|s| s.written).map(|w| w.text(text)),
            );
        }
    }
}
