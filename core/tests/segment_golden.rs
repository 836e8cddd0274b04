//! The 48 English "Golden Rules" cases (pySBD / pragmatic_segmenter).

mod common;

#[test]
fn golden_rules_en() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/golden_rules_en.json"
    );
    let json = std::fs::read_to_string(path).expect("read golden_rules_en.json");
    let value: serde_json::Value = serde_json::from_str(&json).expect("parse golden rules");
    let rules = value["rules"].as_array().expect("rules array");
    let mut failures = 0;
    for (index, rule) in rules.iter().enumerate() {
        let text = rule["text"].as_str().expect("text");
        let expected: Vec<&str> = rule["sentences"]
            .as_array()
            .expect("sentences")
            .iter()
            .map(|s| s.as_str().expect("sentence"))
            .collect();
        let actual = common::sentences(text);
        if actual != expected {
            failures += 1;
            println!(
                "case {}: {text:?}\n  expected: {expected:?}\n  actual:   {actual:?}",
                index + 1
            );
        }
    }
    println!(
        "{}/{} golden cases pass",
        rules.len() - failures,
        rules.len()
    );
    assert_eq!(rules.len(), 48, "unexpected number of golden cases");
    assert_eq!(failures, 0, "{failures} golden case(s) failed");
}
