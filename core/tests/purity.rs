//! The core stays pure: no UI or browser crates, no IO, no process or
//! network access. These are absences, so they are checked here.

use std::path::Path;

const FORBIDDEN_CRATES: &[&str] = &[
    "leptos",
    "web-sys",
    "web_sys",
    "wasm-bindgen",
    "wasm_bindgen",
    "gloo",
    "js-sys",
];
const FORBIDDEN_PATHS: &[&str] = &[
    "std::fs",
    "std::net",
    "std::process",
    "std::env",
    "std::io",
    "std::thread",
    "std::time",
];

fn rust_sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src dir") {
        let path = entry.expect("dir entry").path();
        if path.is_dir() {
            rust_sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn core_manifest_has_no_ui_or_browser_dependencies() {
    let manifest =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml")).unwrap();
    let dependencies = manifest
        .split("[dependencies]")
        .nth(1)
        .expect("a [dependencies] table")
        .split("\n[")
        .next()
        .unwrap();
    for name in FORBIDDEN_CRATES {
        assert!(
            !dependencies.contains(name),
            "parallax-core must not depend on {name}"
        );
    }
}

#[test]
fn core_sources_do_no_io_and_touch_no_browser() {
    let mut files = Vec::new();
    rust_sources(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")),
        &mut files,
    );
    assert!(files.len() >= 5, "found only {files:?}");
    for file in files {
        let source = std::fs::read_to_string(&file).unwrap();
        for needle in FORBIDDEN_PATHS.iter().chain(FORBIDDEN_CRATES) {
            let needle = needle.replace('-', "_");
            assert!(
                !source.contains(&format!("{needle}::"))
                    && !source.contains(&format!("use {needle}")),
                "{} uses {needle}",
                file.display()
            );
        }
    }
}
