//! The bundled corpus: byte-for-byte equal to the seeds, manifest complete,
//! outlets labelled honestly.

use std::borrow::Cow;

use parallax_core::corpus::{BUNDLED_FILES, bundled_stories, parse_manifest};

#[test]
fn bundled_articles_equal_the_shared_seeds_byte_for_byte() {
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/seeds");
    let Ok(entries) = std::fs::read_dir(seeds) else {
        eprintln!("{seeds} not present: nothing to compare against");
        return;
    };
    let mut compared = 0;
    for entry in entries {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        let seed = std::fs::read(&path).unwrap();
        let bundled = BUNDLED_FILES
            .iter()
            .find(|f| f.path.ends_with(&format!("/{name}")))
            .unwrap_or_else(|| panic!("seed {name} is not bundled"));
        assert_eq!(
            bundled.contents.as_bytes(),
            seed.as_slice(),
            "{name} differs"
        );
        compared += 1;
    }
    assert_eq!(compared, 2);
}

#[test]
fn bundled_story_loads_without_diagnostics() {
    let (stories, diagnostics) = bundled_stories();
    assert_eq!(diagnostics, vec![]);
    assert_eq!(stories.len(), 1);
    let story = &stories[0];
    assert_eq!(story.slug, "sony-interview-2014");
    let outlets: Vec<&str> = story.articles.iter().map(|a| a.outlet.as_str()).collect();
    assert_eq!(outlets, ["Unnamed tech site", "Silicon Republic"]);
    assert!(
        story.articles.iter().all(|a| a.url.is_none()),
        "no invented URLs"
    );
}

#[test]
fn every_bundled_file_is_listed_in_a_manifest() {
    let (stories, _) = bundled_stories();
    for file in BUNDLED_FILES
        .iter()
        .filter(|f| !f.path.ends_with("manifest.txt"))
    {
        let listed = stories
            .iter()
            .flat_map(|s| &s.articles)
            .any(|a| file.path.ends_with(&format!("/{}", a.file)));
        assert!(listed, "{} is bundled but not in a manifest", file.path);
    }
}

#[test]
fn a_broken_manifest_reports_instead_of_failing() {
    let manifest = "title = T\nnonsense line\ncolour = red\n[article]\nfile = missing.txt\n[article]\noutlet = X\n[article]\nid = a\nfile = ok.txt\nwhatever = 1\n[article]\nid = a\nfile = ok.txt\n";
    let (story, diagnostics) = parse_manifest(manifest, |name| {
        (name == "ok.txt").then_some(Cow::Borrowed("text"))
    });
    assert_eq!(story.title, "T");
    assert_eq!(story.articles.len(), 1);
    assert_eq!(story.articles[0].outlet, "Unnamed outlet");
    let messages: Vec<&str> = diagnostics.iter().map(|d| d.message.as_str()).collect();
    expect_test::expect![[r#"
        [
            "manifest line 2 is not `key = value`: nonsense line",
            "unknown story key `colour` in manifest",
            "article file `missing.txt` is missing",
            "article 2 in the manifest names no file",
            "unknown article key `whatever` in manifest",
            "duplicate article id `a` in the manifest; article left out",
        ]
    "#]]
    .assert_debug_eq(&messages);
}
