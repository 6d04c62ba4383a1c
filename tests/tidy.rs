//! Style rules checked as ordinary tests, so that `cargo test` enforces them:
//! the core (`src/core/`) and the pure files outside it name nothing from the
//! browser world (leptos, web-sys, gloo, wasm-bindgen, js-sys); every Rust
//! file under `src/`, `tests/` and `benches/` opens with a `//!` paragraph
//! saying what it is for; nothing in `src/` writes raw HTML through
//! `inner_html`; and no view changes a list of the assessment except
//! through `core::edit`.

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

/// Checks that no code line of `files` contains any of `words`; returns the
/// offending `file:line: word` entries.
fn uses(files: &[PathBuf], words: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for path in files {
        let text = read(path);
        for (number, line) in code_lines(&text) {
            for word in words.iter().filter(|w| line.contains(*w)) {
                found.push(format!("{}:{number}: {word}", path.display()));
            }
        }
    }
    found
}

/// The browser crates, as a path names them and as `Cargo.toml` does.
const BROWSER: &[&str] = &["leptos", "web_sys", "web-sys", "gloo", "wasm_bindgen", "wasm-bindgen", "js_sys", "js-sys"];

/// The files outside `src/core/` that ARCHITECTURE.md calls pure: compiled
/// natively and tested there, they must not need the browser either.
const PURE_OUTSIDE_THE_CORE: &[&str] = &["src/storage/envelope.rs", "src/storage/durability.rs", "src/templates.rs"];

#[test]
fn the_core_knows_nothing_of_the_browser() {
    // The list edits (`core::edit`) are the core's, though only the app
    // calls them: the rule reaches their head and their folder.
    let files = rust_files("src/core");
    assert!(files.contains(&PathBuf::from("src/core/edit.rs")), "src/core/edit.rs is not checked");
    assert!(files.iter().any(|f| f.starts_with("src/core/edit/")), "nothing under src/core/edit/ is checked");
    let found = uses(&files, BROWSER);
    assert!(found.is_empty(), "Architecture Invariant: the core is pure. Found:\n{}", found.join("\n"));
}

#[test]
fn the_pure_files_outside_the_core_know_nothing_of_the_browser() {
    let files: Vec<PathBuf> = PURE_OUTSIDE_THE_CORE.iter().map(PathBuf::from).collect();
    // A file renamed or moved would otherwise leave the rule checking nothing.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let missing: Vec<_> = files.iter().filter(|f| !root.join(f).is_file()).collect();
    assert!(missing.is_empty(), "pure files not found (moved? update the list): {missing:?}");
    let found = uses(&files, BROWSER);
    assert!(found.is_empty(), "these files are pure (ARCHITECTURE.md). Found:\n{}", found.join("\n"));
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

/// The methods that change a `Vec` itself (not its entries), matched as the
/// start of a method's name so that `sort_by_key` and `swap_remove` count.
const CHANGES_A_LIST: &[&str] = &[
    "push",
    "insert",
    "remove",
    "retain",
    "swap",
    "drain",
    "clear",
    "truncate",
    "extend",
    "sort",
    "dedup",
    "reverse",
    "append",
    "pop",
    "resize",
    "split_off",
    "rotate",
    "fill",
];

/// The model's lists: the fields `src/core/model.rs` declares as
/// `pub <name>: Vec<…>`, read from the file so that a list added later is
/// covered without a change here.
fn model_lists() -> Vec<String> {
    let is_name = |name: &str| !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_');
    let text = read(Path::new("src/core/model.rs"));
    let mut lists: Vec<String> = text
        .lines()
        .filter_map(|line| {
            let (name, ty) = line.trim().strip_prefix("pub ")?.split_once(':')?;
            (is_name(name) && ty.trim_start().starts_with("Vec<")).then(|| name.to_string())
        })
        .collect();
    lists.sort();
    lists.dedup();
    lists
}

/// Where `code` changes one of `lists` itself: a changing method called on
/// it (`g.tags.push(…)`, also when the call is on the next line), the whole
/// list replaced (`a.assessors = …`), or the list handed on to be changed
/// elsewhere (`&mut a.gaps`). An entry's fields (`a.gaps[i].title = …`) and
/// reading are not changes of the list. Returns each line number (from 1)
/// with what was found there (`tags.push`).
fn list_changes(code: &str, lists: &[String]) -> Vec<(usize, String)> {
    let is_ident = |c: char| c.is_alphanumeric() || c == '_';
    let mut found = Vec::new();
    for list in lists {
        let field = format!(".{list}");
        for (at, _) in code.match_indices(&field) {
            let after = &code[at + field.len()..];
            if after.starts_with(is_ident) {
                continue; // A longer name: `.gaps_shown`.
            }
            let rest = after.trim_start();
            let change = if let Some(call) = rest.strip_prefix('.') {
                let method: String = call.trim_start().chars().take_while(|&c| is_ident(c)).collect();
                CHANGES_A_LIST.iter().any(|m| method.starts_with(m)).then(|| format!("{list}.{method}"))
            } else if rest.starts_with('=') && !rest.starts_with("==") && !rest.starts_with("=>") {
                Some(format!("{list} ="))
            } else {
                let owner = code[..at].trim_end_matches(|c: char| is_ident(c) || c == '.');
                (owner.trim_end().ends_with("&mut") && !rest.starts_with('[')).then(|| format!("&mut {list}"))
            };
            if let Some(change) = change {
                found.push((code[..at].matches('\n').count() + 1, change));
            }
        }
    }
    found.sort();
    found
}

/// Changes of a list that a file under `src/app` may make directly, as
/// (file, change as the rule names it: `tags.push`), each with a comment
/// saying why. Empty: every list edit a view makes goes through
/// `core::edit`, where it is tested natively.
const LIST_CHANGES_ALLOWED: &[(&str, &str)] = &[];

#[test]
fn views_edit_lists_only_through_core_edit() {
    let lists = model_lists();
    for known in ["assessors", "categories", "gaps", "items", "levels", "phases", "tags", "targets", "team"] {
        assert!(lists.iter().any(|l| l == known), "the lists read from model.rs lack `{known}`: {lists:?}");
    }
    let files = rust_files("src/app");
    assert!(!files.is_empty(), "no Rust files under src/app");
    let mut found = Vec::new();
    for path in files {
        let text = read(&path);
        // Comment lines become blank, so that line numbers stay right.
        let code: String = text
            .lines()
            .map(|line| if line.trim_start().starts_with("//") { "" } else { line })
            .collect::<Vec<_>>()
            .join("\n");
        for (number, change) in list_changes(&code, &lists) {
            if !LIST_CHANGES_ALLOWED.iter().any(|&(file, allowed)| path == Path::new(file) && change == allowed) {
                found.push(format!("{}:{number}: {change}", path.display()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "views change the assessment's lists only through core::edit (add a function there). Found:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_list_rule_catches_what_it_names() {
    // The rule above must not pass only because it looks for nothing, nor
    // stop views from reading lists or changing an entry's fields.
    let lists: Vec<String> = ["assessors", "gaps", "levels", "risks", "tags"].map(String::from).to_vec();
    let cases: &[(&str, &[&str])] = &[
        ("g.tags.push(tag);", &["tags.push"]),
        ("a.settings.levels.remove(i);", &["levels.remove"]),
        ("update(Box::new(move |r| r.gaps.retain(|g| *g != gap)));", &["gaps.retain"]),
        ("a.gaps\n    .sort_by_key(|g| g.priority);", &["gaps.sort_by_key"]),
        ("a.gaps.swap_remove(0); a.risks.clear();", &["gaps.swap_remove", "risks.clear"]),
        ("|a| a.assessors = names", &["assessors ="]),
        ("std::mem::take(&mut a.risks);", &["&mut risks"]),
        ("a.gaps.iter().filter(|g| g.done).count()", &[]),
        ("a.gaps[2].title = title;", &[]),
        ("change(&mut a.gaps[position]);", &[]),
        ("a.kpis.iter_mut().find(|k| k.id == id)", &[]),
        ("if a.assessors == names {}", &[]),
        ("options.push(x); gaps.push(y);", &[]),
        ("g.tags_shown.clear();", &[]),
    ];
    for (code, expected) in cases {
        let found: Vec<String> = list_changes(code, &lists).into_iter().map(|(_, change)| change).collect();
        assert_eq!(found, *expected, "in {code:?}");
    }
    assert_eq!(list_changes("x;\n\n a.gaps.push(g);", &lists), [(3, "gaps.push".to_string())], "line numbers");
}
