//! Style rules checked as ordinary tests, so that `cargo test` enforces them:
//! the core (`src/core/`) names nothing from the browser world (leptos,
//! web-sys, gloo, wasm-bindgen); every Rust file under `src/`, `tests/` and
//! `benches/` opens with a `//!` paragraph saying what it is for; and nothing
//! in `src/` writes raw HTML through `inner_html`.

use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, and `dir.rs` when there is one (a module's
/// head), relative to the package root, sorted.
fn rust_files(dir: &str) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    walk(&root.join(dir), &mut out);
    // `src/core.rs` heads the `src/core/` module: it belongs to the core.
    let head = root.join(format!("{dir}.rs"));
    if head.is_file() {
        out.push(head);
    }
    out.sort();
    out.into_iter().map(|p| p.strip_prefix(root).unwrap().to_path_buf()).collect()
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

/// The lines of `text` that are code, not comments: a rule about what code
/// uses should not trip over prose that explains it.
fn code_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines().enumerate().map(|(i, line)| (i + 1, line)).filter(|(_, line)| !line.trim_start().starts_with("//"))
}

/// Checks that no code line of a file under `dir` contains any of `words`;
/// returns the offending `file:line: word` entries.
fn uses(dir: &str, words: &[&str]) -> Vec<String> {
    let files = rust_files(dir);
    assert!(!files.is_empty(), "no Rust files under {dir}");
    let mut found = Vec::new();
    for path in files {
        let text = read(&path);
        for (number, line) in code_lines(&text) {
            for word in words.iter().filter(|w| line.contains(*w)) {
                found.push(format!("{}:{number}: {word}", path.display()));
            }
        }
    }
    found
}

#[test]
fn the_core_knows_nothing_of_the_browser() {
    // The list edits (`core::edit`) are the core's, though only the app
    // calls them: the rule reaches their head and their folder.
    let files = rust_files("src/core");
    assert!(files.contains(&PathBuf::from("src/core/edit.rs")), "src/core/edit.rs is not checked");
    assert!(files.iter().any(|f| f.starts_with("src/core/edit/")), "nothing under src/core/edit/ is checked");
    let found = uses("src/core", &["leptos", "web_sys", "web-sys", "gloo", "wasm_bindgen", "wasm-bindgen", "js_sys"]);
    assert!(found.is_empty(), "Architecture Invariant: the core is pure. Found:\n{}", found.join("\n"));
}

#[test]
fn every_rust_file_opens_with_a_paragraph_saying_what_it_is_for() {
    let mut missing = Vec::new();
    for dir in ["src", "tests", "benches"] {
        for path in rust_files(dir) {
            let text = read(&path);
            let first = text.lines().find(|line| !line.trim().is_empty()).unwrap_or("");
            if !first.starts_with("//! ") {
                missing.push(path.display().to_string());
            }
        }
    }
    assert!(missing.is_empty(), "files without a `//!` opening paragraph:\n{}", missing.join("\n"));
}

/// Every way Rust code can hand the browser a string to parse as HTML (or
/// run as script): the Leptos `inner_html` attribute, the DOM properties
/// set through `view!` (`prop:innerHTML`, `attr:srcdoc`) or `Reflect::set`,
/// and the web-sys setters alike. Matched without regard to case, so that
/// `innerHTML` and `inner_html` are both caught. User and file text must
/// only ever reach the page as text.
const RAW_HTML: &[&str] = &[
    "inner_html",
    "innerhtml",
    "outer_html",
    "outerhtml",
    "insert_adjacent_html",
    "insertadjacenthtml",
    "srcdoc",
    "parse_from_string",
    "create_contextual_fragment",
    "document().write",
    "js_sys::eval",
    "Function::new_with_args",
    "Function::new_no_args",
];

/// Like [`uses`], but a word matches in any case (`innerHTML`,
/// `InnerHtml`); `file:line: word` entries.
fn uses_in_any_case(dir: &str, words: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for path in rust_files(dir) {
        let text = read(&path).to_lowercase();
        for (number, line) in code_lines(&text) {
            for word in words.iter().filter(|w| line.contains(&w.to_lowercase())) {
                found.push(format!("{}:{number}: {word}", path.display()));
            }
        }
    }
    found
}

#[test]
fn nothing_writes_raw_html() {
    let found = uses_in_any_case("src", RAW_HTML);
    assert!(found.is_empty(), "build elements with view!, never raw HTML. Found:\n{}", found.join("\n"));
}

#[test]
fn the_raw_html_rule_catches_what_it_names() {
    // The rule above must not pass only because it looks for nothing: each
    // spelling of raw HTML in a `view!` or through web-sys is caught.
    for line in [
        "    view! { <div inner_html=text /> }",
        "    view! { <div prop:innerHTML=text /> }",
        "    view! { <div prop:outerHTML=text /> }",
        "    view! { <iframe attr:srcdoc=text /> }",
        "    view! { <iframe srcdoc=text /> }",
        "    element.set_inner_html(&text);",
        "    frame.set_srcdoc(&text);",
        "    Reflect::set(&el, &\"innerHTML\".into(), &text.into());",
        "    el.insert_adjacent_html(\"beforeend\", &text);",
    ] {
        let lower = line.to_lowercase();
        assert!(RAW_HTML.iter().any(|word| lower.contains(word)), "not caught: {line}");
    }
    let comment = "// never use inner_html here";
    assert_eq!(code_lines(comment).count(), 0, "comments are not code");
}
