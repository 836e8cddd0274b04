//! No import cycles between the core's files.
//!
//! Reads every file under `core/src`, builds the file-level import graph and
//! fails naming each cycle. A file is a node named by its module path
//! (`extract/entities/mod.rs` and `extract.rs` are the folder's node,
//! `extract::entities` and `extract`). An edge is a path written in code
//! (comment lines are skipped) that starts with `crate::`, `super::` or `self::`, in a
//! `use` or anywhere else (`super::dates::interval(…)`); groups are followed
//! (`use crate::extract::{dates::TimeExpr, text}`), and a path names the
//! deepest module it reaches (`crate::extract::entities::name_key` names
//! `extract::entities`). `super::` inside an inline module (`mod tests {`)
//! counts from that module, so a test's `use super::*` names its own file.
//!
//! A folder's own file declares its files and uses them by relative paths
//! (`mod dates; … dates::find_times(…)`): that is what a folder is, not an
//! import, and is not counted (nor a `crate::` path from a folder's file to a
//! file inside it). Its files may use the folder's shared types
//! (`super::Sentence`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Module path → (module it imports → the first path written for it, with
/// the file and line).
type Graph = BTreeMap<String, BTreeMap<String, String>>;

/// `extract/entities/mod.rs` → `extract::entities`; `lib.rs` → ``.
fn module_of(file: &str) -> String {
    let mut parts: Vec<&str> = file.trim_end_matches(".rs").split('/').collect();
    if matches!(parts.last(), Some(&"mod") | Some(&"lib")) {
        parts.pop();
    }
    parts.join("::")
}

/// The paths of a use tree starting at `text` (`crate::a::{b, c::d}` →
/// `[crate, a, b]`, `[crate, a, c, d]`; `a::{self}` is `a`), ended by anything that is not a
/// path (`;`, `(`, ` as x`, `::<`).
fn paths(text: &str) -> Vec<Vec<String>> {
    fn tree(rest: &mut &str, prefix: &[String], out: &mut Vec<Vec<String>>) {
        let mut path = prefix.to_vec();
        loop {
            *rest = rest.trim_start();
            if let Some(group) = rest.strip_prefix('{') {
                *rest = group;
                loop {
                    tree(rest, &path, out);
                    *rest = rest.trim_start();
                    if let Some(next) = rest.strip_prefix(',') {
                        *rest = next;
                    }
                    *rest = rest.trim_start();
                    if let Some(after) = rest.strip_prefix('}') {
                        *rest = after;
                        return;
                    }
                    if rest.is_empty() {
                        return;
                    }
                }
            }
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '*' || c == '$'))
                .unwrap_or(rest.len());
            if end == 0 {
                break;
            }
            // `a::{self, b}`: the `self` is `a`.
            if &rest[..end] != "self" || path.is_empty() {
                path.push(rest[..end].to_string());
            }
            *rest = &rest[end..];
            match rest.trim_start().strip_prefix("::") {
                Some(after) => *rest = after,
                None => break,
            }
        }
        out.push(path);
    }
    let mut out = Vec::new();
    tree(&mut { text }, &[], &mut out);
    out
}

/// The import graph of `files` (path under `src/`, source text).
fn graph(files: &[(String, String)]) -> Graph {
    let modules: BTreeSet<String> = files.iter().map(|(file, _)| module_of(file)).collect();
    let mut graph = Graph::new();
    for (file, source) in files {
        let module = module_of(file);
        let edges = graph.entry(module.clone()).or_default();
        // Inline modules open (`mod tests {`), by indentation (rustfmt'd).
        let mut inline: Vec<(usize, String)> = Vec::new();
        let mut offset = 0;
        for (number, line) in source.split('\n').enumerate() {
            // A `use` group may go on over the next lines: paths are read
            // from the rest of the file.
            let rest_of_file = &source[offset..];
            offset += line.len() + 1;
            let code = line.trim_start();
            let indent = line.len() - code.len();
            if code == "}" && inline.last().is_some_and(|(i, _)| *i == indent) {
                inline.pop();
                continue;
            }
            if code.starts_with("//") {
                continue;
            }
            let mut here: Vec<String> = module
                .split("::")
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect();
            here.extend(inline.iter().map(|(_, name)| name.clone()));
            if let Some(name) = inline_module(code) {
                inline.push((indent, name));
            }
            for (at, _) in line.match_indices("::") {
                let before = &line[..at];
                let Some(root) = ["crate", "super", "self"].into_iter().find(|root| {
                    before.ends_with(root)
                        && !before[..before.len() - root.len()]
                            .ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == ':')
                }) else {
                    continue;
                };
                let start = at - root.len();
                for path in paths(&rest_of_file[start..]) {
                    let target = resolve(&here, &path, &modules);
                    if target != module && !inside(&target, &module) {
                        let written = path.join("::");
                        edges
                            .entry(target)
                            .or_insert_with(|| format!("{file}:{}: {written}", number + 1));
                    }
                }
            }
        }
    }
    graph
}

/// `mod tests {` → `tests`.
fn inline_module(code: &str) -> Option<String> {
    let code = code.strip_prefix("pub ").unwrap_or(code);
    let name = code.strip_prefix("mod ")?.strip_suffix(" {")?;
    Some(name.to_string())
}

/// The deepest module of `modules` that `path`, written in module `here`, names.
fn resolve(here: &[String], path: &[String], modules: &BTreeSet<String>) -> String {
    let mut at: Vec<String> = here.to_vec();
    let mut rest = path;
    match path.first().map(String::as_str) {
        Some("crate" | "$crate") => {
            at.clear();
            rest = &path[1..];
        }
        Some("self") => rest = &path[1..],
        _ => {}
    }
    while rest.first().is_some_and(|s| s == "super") {
        at.pop();
        rest = &rest[1..];
    }
    at.extend(rest.iter().filter(|s| *s != "self" && *s != "*").cloned());
    while !at.is_empty() && !modules.contains(&at.join("::")) {
        at.pop();
    }
    at.join("::")
}

/// Is `module` inside the folder of `folder` (a file of it, or deeper)?
fn inside(module: &str, folder: &str) -> bool {
    folder.is_empty() || module.starts_with(&format!("{folder}::"))
}

/// Every cycle met by a depth-first search, each as its modules in order,
/// the first repeated at the end.
fn cycles(graph: &Graph) -> Vec<Vec<String>> {
    fn visit(
        node: &str,
        graph: &Graph,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
        found: &mut Vec<Vec<String>>,
    ) {
        if let Some(at) = stack.iter().position(|n| n == node) {
            let mut cycle = stack[at..].to_vec();
            cycle.push(node.to_string());
            found.push(cycle);
            return;
        }
        if done.contains(node) {
            return;
        }
        stack.push(node.to_string());
        for next in graph.get(node).into_iter().flat_map(BTreeMap::keys) {
            visit(next, graph, stack, done, found);
        }
        stack.pop();
        done.insert(node.to_string());
    }
    let mut found = Vec::new();
    let mut done = BTreeSet::new();
    for node in graph.keys() {
        visit(node, graph, &mut Vec::new(), &mut done, &mut found);
    }
    found
}

/// A cycle in words, with the path that makes each step.
fn describe(cycle: &[String], graph: &Graph) -> String {
    let name = |m: &str| {
        if m.is_empty() {
            "crate".to_string()
        } else {
            m.to_string()
        }
    };
    let steps: Vec<String> = cycle
        .windows(2)
        .map(|pair| {
            let why = graph
                .get(&pair[0])
                .and_then(|edges| edges.get(&pair[1]))
                .map_or("", String::as_str);
            format!("  {} → {} ({why})", name(&pair[0]), name(&pair[1]))
        })
        .collect();
    steps.join("\n")
}

fn source_files(dir: &Path, root: &Path, out: &mut Vec<(String, String)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("core/src is readable")
        .map(|entry| entry.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            source_files(&path, root, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let name = path.strip_prefix(root).expect("under src");
            let name = name.to_string_lossy().replace('\\', "/");
            let text = std::fs::read_to_string(&path).expect("a source file is UTF-8");
            out.push((name, text));
        }
    }
}

#[test]
fn no_import_cycles_between_files() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    source_files(&root, &root, &mut files);
    let imports = graph(&files);
    // The reader sees the imports at all: a few that must be there.
    for (from, to) in [
        ("extract::claims", "extract::certainty"),
        ("extract::entities::aliases", "extract::entities::forms"),
        ("align::differences", "extract::entities"),
        ("compare::wire", "compare::facts"),
    ] {
        assert!(
            imports
                .get(from)
                .is_some_and(|edges| edges.contains_key(to)),
            "{from} → {to} not found: {:?}",
            imports.get(from)
        );
    }
    let found = cycles(&imports);
    let described: Vec<String> = found.iter().map(|c| describe(c, &imports)).collect();
    assert!(
        found.is_empty(),
        "import cycles between files (move the shared item to a file both can import):\n{}",
        described.join("\n\n")
    );
}

fn example(files: &[(&str, &str)]) -> Vec<(String, String)> {
    files
        .iter()
        .map(|(name, text)| (name.to_string(), text.to_string()))
        .collect()
}

#[test]
fn a_cycle_in_a_small_example_is_found_and_named() {
    let files = example(&[
        ("lib.rs", "pub mod stages;\npub mod model;\n"),
        ("model.rs", "pub struct Span;\n"),
        (
            "stages.rs",
            "mod a;\nmod b;\npub struct Sentence;\npub use a::run;\n",
        ),
        (
            "stages/a.rs",
            "use crate::model::Span;\nuse super::{\n    Sentence,\n    b::{self, Helper},\n};\n\
             pub fn run() {}\n\n#[cfg(test)]\nmod tests {\n    use super::*;\n}\n",
        ),
        (
            "stages/b.rs",
            "// use super::c::Nothing;\npub struct Helper;\n\
             fn f() {\n    super::a::run();\n}\n",
        ),
    ]);
    let imports = graph(&files);
    let edges = |m: &str| -> Vec<&str> { imports[m].keys().map(String::as_str).collect() };
    // Groups over lines, `self` in a group, the folder's shared type; a
    // test module's `super::*` is its own file; comments are not code; the
    // folder's file using its own files is no edge.
    assert_eq!(edges("stages::a"), ["model", "stages", "stages::b"]);
    assert_eq!(edges("stages::b"), ["stages::a"]);
    assert!(edges("stages").is_empty());
    assert!(edges("").is_empty());
    let found = cycles(&imports);
    assert_eq!(found, [["stages::a", "stages::b", "stages::a"]]);
    let words = describe(&found[0], &imports);
    assert!(
        words.contains("stages::a → stages::b (stages/a.rs:2: super::b)"),
        "{words}"
    );
    assert!(
        words.contains("stages::b → stages::a (stages/b.rs:4: super::a::run)"),
        "{words}"
    );

    // Without the call back, no cycle.
    let mut fixed = files.clone();
    fixed[4].1 = "pub struct Helper;\n".to_string();
    assert!(cycles(&graph(&fixed)).is_empty());
}

#[test]
fn module_paths_of_files() {
    assert_eq!(module_of("lib.rs"), "");
    assert_eq!(module_of("extract.rs"), "extract");
    assert_eq!(module_of("extract/entities/mod.rs"), "extract::entities");
    assert_eq!(
        module_of("extract/entities/forms.rs"),
        "extract::entities::forms"
    );
    assert_eq!(
        paths("crate::a::{b, c::{d, self}};"),
        [
            vec!["crate", "a", "b"],
            vec!["crate", "a", "c", "d"],
            vec!["crate", "a", "c"]
        ]
    );
    assert_eq!(paths("super::x::f(1)"), [vec!["super", "x", "f"]]);
}
