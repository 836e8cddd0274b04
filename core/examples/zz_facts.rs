use parallax_core::align::{ArticleInput, align};
use parallax_core::extract::analyze_story;
fn main() {
    let files: Vec<String> = std::env::args()
        .skip(1)
        .map(|f| std::fs::read_to_string(f).unwrap())
        .collect();
    let refs: Vec<&str> = files.iter().map(String::as_str).collect();
    let analyses = analyze_story(&refs);
    let ids: Vec<String> = (1..=refs.len()).map(|n| format!("a{n}")).collect();
    let inputs = ArticleInput::each_own_outlet(&ids, &refs, &analyses);
    let al = align(&inputs);
    for f in &al.facts {
        if f.claims.len() < 2 {
            continue;
        }
        println!("== fact");
        for c in &f.claims {
            println!(
                "  a{}#{} {}",
                c.article + 1,
                c.claim,
                analyses[c.article].claims[c.claim]
                    .span
                    .text(refs[c.article])
                    .replace('\n', " ")
            );
        }
        for d in &f.differences {
            println!("  ! {:?}: {}", d.kind, d.detail);
        }
    }
    for (i, a) in analyses.iter().enumerate() {
        for (q, s) in a.speakers.iter().enumerate() {
            println!(
                "a{} quote {:?} -> {:?} {:?} role {:?} written {:?}",
                i + 1,
                a.quotes[q]
                    .content
                    .text(refs[i])
                    .chars()
                    .take(40)
                    .collect::<String>(),
                a.speaker_key(q),
                s.resolution,
                s.role.map(|r| r.text(refs[i])),
                s.written.map(|r| r.text(refs[i]))
            );
        }
    }
}
