//! `parallax-cli analyze FILE... [--outlet NAME]... [--story-title TEXT]`
//!
//! Runs the exact pipeline the browser runs on raw article files and prints
//! JSON to stdout. Offsets are UTF-8 byte offsets into each file.

mod json;

use std::process::ExitCode;

const USAGE: &str = "usage: parallax-cli analyze FILE... [--outlet NAME]... [--story-title TEXT]

Runs Parallax' extraction pipeline on raw article files (UTF-8 text) and
prints JSON. The n-th --outlet labels the n-th FILE; unlabelled files are
\"Unnamed outlet\". Offsets in the output are byte offsets into each file.";

struct Args {
    files: Vec<String>,
    outlets: Vec<String>,
    story_title: Option<String>,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    match args.next().as_deref() {
        Some("analyze") => {}
        Some("-h" | "--help") | None => return Err(String::new()),
        Some(other) => return Err(format!("unknown command `{other}`")),
    }
    let mut parsed = Args {
        files: Vec::new(),
        outlets: Vec::new(),
        story_title: None,
    };
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--outlet" => parsed
                .outlets
                .push(args.next().ok_or("--outlet needs a NAME")?),
            "--story-title" => {
                parsed.story_title = Some(args.next().ok_or("--story-title needs a TEXT")?)
            }
            "-h" | "--help" => return Err(String::new()),
            flag if flag.starts_with("--") => return Err(format!("unknown option `{flag}`")),
            _ => parsed.files.push(arg),
        }
    }
    if parsed.files.is_empty() {
        return Err("no FILE given".into());
    }
    if parsed.outlets.len() > parsed.files.len() {
        return Err("more --outlet names than files".into());
    }
    Ok(parsed)
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(message) => {
            if !message.is_empty() {
                eprintln!("parallax-cli: {message}\n");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let mut articles = Vec::new();
    for (index, file) in args.files.iter().enumerate() {
        let bytes = match std::fs::read(file) {
            Ok(bytes) => bytes,
            Err(error) => {
                eprintln!("parallax-cli: cannot read {file}: {error}");
                return ExitCode::FAILURE;
            }
        };
        let text = match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(error) => {
                eprintln!(
                    "parallax-cli: {file} is not UTF-8 text (first bad byte at offset {}); offsets would not match the file, so it is not analysed",
                    error.utf8_error().valid_up_to()
                );
                return ExitCode::FAILURE;
            }
        };
        let outlet = args.outlets.get(index).cloned();
        articles.push(json::Input {
            file: file.clone(),
            outlet,
            text,
        });
    }
    let output = json::story(args.story_title.as_deref(), &articles);
    println!("{output:#}");
    ExitCode::SUCCESS
}
