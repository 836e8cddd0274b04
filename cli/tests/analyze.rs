//! The command line on the seed files: the JSON contract, offsets that index
//! the files' bytes, and clear errors for bad input.

use std::process::Command;

const SEED_000: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../corpus/sony-interview-2014/000_985eb20a576cc668.txt"
);
const SEED_002: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../corpus/sony-interview-2014/002_5cdbf99de85581e7.txt"
);

fn run(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_parallax-cli"))
        .args(args)
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

#[test]
fn analyzes_the_seeds() {
    let (code, stdout, stderr) = run(&[
        "analyze",
        SEED_000,
        SEED_002,
        "--outlet",
        "Unnamed tech site",
        "--outlet",
        "Silicon Republic",
        "--story-title",
        "Sony",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["story_title"], "Sony");
    assert!(json["facts"].is_array());
    let articles = json["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 2);
    assert_eq!(articles[0]["outlet"], "Unnamed tech site");
    assert_eq!(articles[1]["outlet"], "Silicon Republic");
    assert_eq!(articles[0]["published"], "2014-12-18T09:27");
    assert_eq!(articles[1]["published"], "2014-12-18");
    assert_eq!(
        articles[1]["headline"],
        "The Interview gets cancelled as US blames North Korea for cyberattack on Sony"
    );
    for (article, path) in articles.iter().zip([SEED_000, SEED_002]) {
        let bytes = std::fs::read(path).unwrap();
        let sentences = article["sentences"].as_array().unwrap();
        assert!(sentences.len() >= 18);
        for sentence in sentences {
            let (start, end) = (
                sentence["start"].as_u64().unwrap() as usize,
                sentence["end"].as_u64().unwrap() as usize,
            );
            let text = std::str::from_utf8(&bytes[start..end])
                .expect("spans on char boundaries of the file");
            assert_eq!(text, text.trim());
        }
    }
    let kinds: Vec<&str> = articles[0]["furniture"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "metadata",
            "metadata",
            "furniture",
            "furniture",
            "furniture",
            "furniture"
        ]
    );
    let kinds: Vec<&str> = articles[1]["furniture"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["caption", "author_bio"]);
}

#[test]
fn bad_input_gets_a_clear_message() {
    let (code, _, stderr) = run(&[]);
    assert_eq!(code, 2);
    assert!(stderr.contains("usage: parallax-cli analyze"));
    let (code, _, stderr) = run(&["analyze", "/nonexistent/file.txt"]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("cannot read /nonexistent/file.txt"),
        "{stderr}"
    );
    let bad = std::env::temp_dir().join(format!("parallax-cli-bad-{}.txt", std::process::id()));
    std::fs::write(&bad, b"ok \xff\xfe").unwrap();
    let (code, _, stderr) = run(&["analyze", bad.to_str().unwrap()]);
    let _ = std::fs::remove_file(&bad);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("is not UTF-8 text (first bad byte at offset 3)"),
        "{stderr}"
    );
    let (code, _, stderr) = run(&["analyze", SEED_000, "--outlet", "A", "--outlet", "B"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("more --outlet names than files"));
}
