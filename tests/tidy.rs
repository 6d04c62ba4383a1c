//! Style rules checked as ordinary tests, so that `cargo test` enforces them:
//! the core (`src/core/`) and the pure files outside it name nothing from the
//! browser world (leptos, web-sys, gloo, wasm-bindgen, js-sys); every Rust
//! file under `src/`, `tests/` and `benches/` opens with a `//!` paragraph
//! saying what it is for; nothing in `src/` writes raw HTML through
//! `inner_html`; and no view changes a list of the assessment except
//! through `core::edit`; no file in `src/` runs past 500 lines of code
//! without saying why at its top. And the app's module graph, read from its source:
//! its files name each other in no cycle; the first load names no core and
//! reaches the chunks only through their doors; only the Library and the
//! editor name local storage.

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
/// The files whose code (up to their unit tests) runs past `limit` lines
/// while their opening paragraph does not say why (it names the limit).
fn long_without_reason(files: &[(PathBuf, String)], limit: usize) -> Vec<String> {
    files
        .iter()
        .filter(|(_, text)| {
            let code = text.lines().take_while(|line| !line.trim_start().starts_with("#[cfg(test)]")).count();
            let head: String = text.lines().take_while(|line| line.starts_with("//!")).collect();
            code > limit && !head.contains(&limit.to_string())
        })
        .map(|(path, text)| format!("{} ({} lines)", path.display(), text.lines().count()))
        .collect()
}

#[test]
fn no_source_file_runs_past_500_lines_without_saying_why() {
    let files: Vec<(PathBuf, String)> = ["src", "src/bin"]
        .iter()
        .flat_map(|dir| rust_files(dir))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .map(|path| {
            let text = read(&path);
            (path, text)
        })
        .collect();
    assert!(files.len() > 100, "read {} files", files.len());
    let long = long_without_reason(&files, 500);
    assert!(long.is_empty(), "split these files, or say at their top why they run past 500 lines: {long:#?}");
}

#[test]
fn the_length_rule_counts_code_up_to_its_tests_and_reads_the_reason() {
    let long: String = "fn f() {}\n".repeat(501);
    let file = |text: String| (PathBuf::from("src/x.rs"), format!("//! X.\n{text}"));
    assert_eq!(long_without_reason(&[file(long.clone())], 500), ["src/x.rs (502 lines)"]);
    assert!(long_without_reason(&[file("fn f() {}\n".repeat(400))], 500).is_empty());
    let tested = format!("{}#[cfg(test)]\nmod tests {{\n{long}}}\n", "fn f() {}\n".repeat(400));
    assert!(long_without_reason(&[file(tested)], 500).is_empty(), "unit tests do not count");
    let said = (PathBuf::from("src/x.rs"), format!("//! X, past 500 lines: one document.\n{long}"));
    assert!(long_without_reason(&[said], 500).is_empty());
}

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

// The app's module graph: what its files name of each other, of the core
// and of local storage. Read from the source text, with comments, strings
// and characters blanked out, through the paths the code writes
// (`use super::{a, b::C}`, `crate::app::x::f()`, `chunks::door()`).

/// `text` with its comments, string literals and character literals
/// blanked (newlines kept, so that line numbers still hold): a rule about
/// what code names must not trip over prose or a message.
fn blank_non_code(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let ident = |c: char| c.is_alphanumeric() || c == '_';
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let blank = |out: &mut String, from: usize, to: usize| {
        for &c in &chars[from..to.min(chars.len())] {
            out.push(if c == '\n' { '\n' } else { ' ' });
        }
    };
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        let starts_word = i == 0 || !ident(chars[i - 1]);
        let end = if c == '/' && next == Some('/') {
            chars[i..].iter().position(|&c| c == '\n').map_or(chars.len(), |n| i + n)
        } else if c == '/' && next == Some('*') {
            let (mut depth, mut j) = (0, i);
            while j < chars.len() {
                if chars[j] == '/' && chars.get(j + 1) == Some(&'*') {
                    depth += 1;
                    j += 2;
                } else if chars[j] == '*' && chars.get(j + 1) == Some(&'/') {
                    depth -= 1;
                    j += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    j += 1;
                }
            }
            j
        } else if c == 'r' && starts_word && matches!(next, Some('"' | '#')) {
            // A raw string: r"…", r#"…"#; `r#ident` is not one.
            let hashes = chars[i + 1..].iter().take_while(|&&c| c == '#').count();
            if chars.get(i + 1 + hashes) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            let close: String = std::iter::once('"').chain(std::iter::repeat_n('#', hashes)).collect();
            let body = i + 2 + hashes;
            let rest: String = chars[body..].iter().collect();
            rest.find(&close).map_or(chars.len(), |n| body + rest[..n].chars().count() + close.chars().count())
        } else if c == '"' {
            let mut j = i + 1;
            while j < chars.len() && chars[j] != '"' {
                j += if chars[j] == '\\' { 2 } else { 1 };
            }
            j + 1
        } else if c == '\'' && next == Some('\\') {
            chars[i + 2..].iter().position(|&c| c == '\'').map_or(chars.len(), |n| i + 3 + n)
        } else if c == '\'' && chars.get(i + 2) == Some(&'\'') {
            i + 3
        } else {
            out.push(c);
            i += 1;
            continue;
        };
        blank(&mut out, i, end);
        i = end;
    }
    out
}

#[derive(Clone, Debug, PartialEq)]
enum Token {
    Ident(String),
    /// `::`
    Colons,
    Open,
    Close,
    Comma,
    Semi,
    Star,
    Other,
}

/// The tokens of blanked code, each with its line.
fn tokens(code: &str) -> Vec<(usize, Token)> {
    let chars: Vec<char> = code.chars().collect();
    let (mut out, mut line, mut i) = (Vec::new(), 1, 0);
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            line += 1;
            i += 1;
            continue;
        }
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c.is_alphanumeric() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            out.push((line, if c.is_ascii_digit() { Token::Other } else { Token::Ident(word) }));
            continue;
        }
        let token = match c {
            ':' if chars.get(i + 1) == Some(&':') => {
                i += 1;
                Token::Colons
            }
            '{' => Token::Open,
            '}' => Token::Close,
            ',' => Token::Comma,
            ';' => Token::Semi,
            '*' => Token::Star,
            _ => Token::Other,
        };
        out.push((line, token));
        i += 1;
    }
    out
}

/// A path the code names, expanded out of its use tree.
#[derive(Debug)]
struct Named {
    line: usize,
    /// The inline modules (`mod split { … }`) it is written in.
    inline: Vec<String>,
    segments: Vec<String>,
}

fn ident(tokens: &[(usize, Token)], i: usize) -> Option<&str> {
    match tokens.get(i) {
        Some((_, Token::Ident(word))) => Some(word),
        _ => None,
    }
}

fn token(tokens: &[(usize, Token)], i: usize) -> Option<&Token> {
    tokens.get(i).map(|(_, t)| t)
}

/// The paths of the use tree or qualified path that starts at `i`, and the
/// index after it.
fn path_tree(tokens: &[(usize, Token)], mut i: usize) -> (Vec<Vec<String>>, usize) {
    let mut prefix = vec![ident(tokens, i).unwrap_or_default().to_string()];
    i += 1;
    while token(tokens, i) == Some(&Token::Colons) {
        match token(tokens, i + 1) {
            Some(Token::Ident(word)) => {
                prefix.push(word.clone());
                i += 2;
            }
            Some(Token::Open) => {
                let (items, end) = path_group(tokens, i + 2);
                let paths = items.into_iter().map(|item| prefix.iter().cloned().chain(item).collect()).collect();
                return (paths, end);
            }
            Some(Token::Star) => return (vec![prefix], i + 2),
            _ => break,
        }
    }
    (vec![prefix], i)
}

/// The items of a `{ … }` group of a use tree, from just after its `{`.
fn path_group(tokens: &[(usize, Token)], mut i: usize) -> (Vec<Vec<String>>, usize) {
    let mut items = Vec::new();
    while let Some(t) = token(tokens, i) {
        match t {
            Token::Close => return (items, i + 1),
            // `{self, …}` names the prefix itself.
            Token::Ident(word) if word == "self" => {
                items.push(Vec::new());
                i += 1;
            }
            Token::Ident(word) if word == "as" => i += 2,
            Token::Ident(_) => {
                let (paths, end) = path_tree(tokens, i);
                items.extend(paths);
                i = end;
            }
            Token::Open => {
                let (paths, end) = path_group(tokens, i + 1);
                items.extend(paths);
                i = end;
            }
            _ => i += 1,
        }
    }
    (items, i)
}

/// Every path of `code` (blanked) whose first segment `starts` accepts,
/// expanded out of use trees. A path in a visibility (`pub(in crate::app)`)
/// names nothing.
fn named_paths(code: &str, starts: impl Fn(&str) -> bool) -> Vec<Named> {
    let tokens = tokens(code);
    let (mut found, mut inline, mut depth) = (Vec::new(), Vec::<(String, usize)>::new(), 0);
    let mut i = 0;
    while i < tokens.len() {
        match &tokens[i].1 {
            Token::Open => depth += 1,
            Token::Close => {
                depth -= 1;
                while inline.last().is_some_and(|(_, d)| *d == depth) {
                    inline.pop();
                }
            }
            Token::Ident(word) if word == "mod" => {
                if let (Some(name), Some(Token::Open)) = (ident(&tokens, i + 1), token(&tokens, i + 2)) {
                    inline.push((name.to_string(), depth));
                }
            }
            Token::Ident(word)
                if starts(word)
                    && token(&tokens, i + 1) == Some(&Token::Colons)
                    && i.checked_sub(1).and_then(|p| token(&tokens, p)) != Some(&Token::Colons)
                    && i.checked_sub(1).and_then(|p| ident(&tokens, p)) != Some("in") =>
            {
                let (paths, end) = path_tree(&tokens, i);
                let line = tokens[i].0;
                let modules: Vec<String> = inline.iter().map(|(name, _)| name.clone()).collect();
                found.extend(paths.into_iter().map(|segments| Named { line, inline: modules.clone(), segments }));
                i = end;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    found
}

/// The modules a file declares out of line (`mod x;`).
fn declared_modules(code: &str) -> Vec<String> {
    let tokens = tokens(code);
    (0..tokens.len())
        .filter(|&i| ident(&tokens, i) == Some("mod") && token(&tokens, i + 2) == Some(&Token::Semi))
        .filter_map(|i| ident(&tokens, i + 1).map(str::to_string))
        .collect()
}

/// The module path under `crate::app` of an app file: `src/app.rs` is `[]`,
/// `src/app/gaps/table.rs` is `[gaps, table]`.
fn app_module(path: &Path) -> Vec<String> {
    let rest = path.strip_prefix("src/app").unwrap_or(path);
    let mut parts: Vec<String> = rest.iter().map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string()).collect();
    if path == Path::new("src/app.rs") {
        parts.clear();
    }
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// Which app file names which, with the first line that does: `use
/// super::x`, `self::x`, `crate::app::x` and qualified paths such as
/// `super::offline::X`, resolved to the file of the deepest module they
/// reach; a child's name used from its parent too (`chunks::door()`). A
/// parent's `mod` declaration is no edge.
type Graph = std::collections::BTreeMap<PathBuf, std::collections::BTreeMap<PathBuf, usize>>;

fn import_graph(files: &[(PathBuf, String)]) -> Graph {
    let modules: std::collections::HashMap<Vec<String>, PathBuf> =
        files.iter().map(|(path, _)| (app_module(path), path.clone())).collect();
    let mut graph = Graph::new();
    for (path, text) in files {
        let code = blank_non_code(text);
        let children = declared_modules(&code);
        let here = app_module(path);
        let edges = graph.entry(path.clone()).or_default();
        let starts = |word: &str| matches!(word, "super" | "self" | "crate") || children.iter().any(|c| c == word);
        for named in named_paths(&code, starts) {
            let mut base: Vec<String> = here.iter().chain(&named.inline).cloned().collect();
            let segments = &named.segments;
            let rest = match segments[0].as_str() {
                "crate" if segments.get(1).is_some_and(|s| s == "app") => {
                    base.clear();
                    &segments[2..]
                }
                "crate" => continue,
                "super" => {
                    let ups = segments.iter().take_while(|s| *s == "super").count();
                    base.truncate(base.len().saturating_sub(ups));
                    &segments[ups..]
                }
                "self" => &segments[1..],
                _ => &segments[..],
            };
            // An inline module has no file of its own: its file's module holds it.
            while !modules.contains_key(&base) && base.pop().is_some() {}
            for segment in rest {
                let mut next = base.clone();
                next.push(segment.clone());
                if !modules.contains_key(&next) {
                    break;
                }
                base = next;
            }
            if let Some(target) = modules.get(&base).filter(|target| *target != path) {
                edges.entry(target.clone()).or_insert(named.line);
            }
        }
    }
    graph
}

/// A cycle of the graph, as `file:line → file:line → … → file`, if there is one.
fn find_cycle(graph: &Graph) -> Option<String> {
    fn visit<'a>(
        graph: &'a Graph,
        file: &'a PathBuf,
        stack: &mut Vec<&'a PathBuf>,
        done: &mut std::collections::HashSet<&'a PathBuf>,
    ) -> Option<Vec<&'a PathBuf>> {
        if let Some(start) = stack.iter().position(|f| *f == file) {
            let mut cycle = stack[start..].to_vec();
            cycle.push(file);
            return Some(cycle);
        }
        if !done.insert(file) {
            return None;
        }
        stack.push(file);
        for next in graph.get(file).into_iter().flat_map(|edges| edges.keys()) {
            if let Some(cycle) = visit(graph, next, stack, done) {
                return Some(cycle);
            }
        }
        stack.pop();
        None
    }
    let mut done = std::collections::HashSet::new();
    for file in graph.keys() {
        if let Some(cycle) = visit(graph, file, &mut Vec::new(), &mut done) {
            let steps: Vec<String> = cycle
                .windows(2)
                .map(|pair| format!("{}:{}", pair[0].display(), graph[pair[0]][pair[1]]))
                .chain(cycle.last().map(|f| f.display().to_string()))
                .collect();
            return Some(steps.join(" \u{2192} "));
        }
    }
    None
}

fn app_sources() -> Vec<(PathBuf, String)> {
    rust_files("src/app").into_iter().map(|path| (read(&path), path)).map(|(text, path)| (path, text)).collect()
}

#[test]
fn app_imports_have_no_cycle() {
    let graph = import_graph(&app_sources());
    assert!(graph.values().map(|edges| edges.len()).sum::<usize>() > 0, "no edges read: the rule reads nothing");
    if let Some(cycle) = find_cycle(&graph) {
        panic!(
            "src/app's files name each other in a cycle (file:line of each step). Move what both ends share \
             into a file of its own:\n{cycle}"
        );
    }
}

#[test]
fn the_cycle_rule_reads_use_trees_and_qualified_paths() {
    let files = |sources: &[(&str, &str)]| -> Vec<(PathBuf, String)> {
        sources.iter().map(|(path, text)| (PathBuf::from(path), text.to_string())).collect()
    };
    let cycle = files(&[
        ("src/app.rs", "mod a;\nmod b;\n"),
        ("src/app/a.rs", "use super::{b::{self, Thing}, other};\n"),
        ("src/app/b.rs", "// super::c::X is a comment\nfn f() { let s = \"super::a::g\"; crate::app::a::g() }\n"),
    ]);
    assert_eq!(find_cycle(&import_graph(&cycle)).as_deref(), Some("src/app/a.rs:1 → src/app/b.rs:2 → src/app/a.rs"));
    let parent_and_child = files(&[
        ("src/app.rs", "mod door;\nfn f() { door::open(); }\n"),
        ("src/app/door.rs", "mod inside;\npub async fn open() { inside::run() }\nmod split { use super::open; }\n"),
        ("src/app/door/inside.rs", "pub(in crate::app::door) fn run() { let c = '{'; }\n"),
    ]);
    let graph = import_graph(&parent_and_child);
    assert_eq!(find_cycle(&graph), None);
    assert!(graph[Path::new("src/app.rs")].contains_key(Path::new("src/app/door.rs")));
    assert!(graph[Path::new("src/app/door.rs")].contains_key(Path::new("src/app/door/inside.rs")));
    assert!(graph[Path::new("src/app/door/inside.rs")].is_empty(), "a visibility is no edge");
}

/// The app's first load: every app file outside `src/app/chunks/`, and
/// `src/app/chunks.rs` itself (the doors). What the chunks hold is fetched
/// on first use; see ARCHITECTURE.md.
fn is_first_load(path: &Path) -> bool {
    !path.starts_with("src/app/chunks")
}

/// What first-load code names of the core today, each with why. A type
/// named costs the first load nothing by itself; a function named is linked
/// into it with all it calls.
const FIRST_LOAD_CORE: &[(&str, &str)] = &[
    // The library list shows each line's score as text (`72.5`, `—`).
    ("src/app/library/row.rs", "core::present::display"),
    // Seeing whether the address holds a share link, before its chunk is
    // fetched: a look at the fragment's prefix.
    ("src/app/share/address.rs", "core::format::share::payload_in_fragment"),
    // The size cap on files read: a constant.
    ("src/app/files.rs", "core::format::MAX_FILE_BYTES"),
    // Types only: imports waiting for the user's choice hold what the
    // chunks read, and hand it back to them.
    ("src/app/import/waiting.rs", "core::Assessment"),
    ("src/app/import/waiting.rs", "core::import::Import"),
    // Types only: a template's copy, carried from one chunk to another.
    ("src/app/library/action.rs", "core::Assessment"),
    // Types only: what crosses the doors.
    ("src/app/chunks.rs", "core::Assessment"),
    ("src/app/chunks.rs", "core::import::Import"),
];

/// Calls that read or write with the core, though they do not name it:
/// they parse, check, save or score whole assessments.
const CORE_BEHIND_STORAGE: &[&[&str]] = &[
    &["local", "open"],
    &["local", "save"],
    &["local", "save_over"],
    &["local", "entries"],
    &["local", "portfolio_entries"],
    &["envelope", "open"],
    &["envelope", "open_read_only"],
    &["envelope", "seal"],
    &["templates", "template_assessment"],
];

/// Whether `path` contains the segments of `part` in a row.
fn has_run(path: &[String], part: &[&str]) -> bool {
    path.windows(part.len()).any(|window| window.iter().zip(part).all(|(a, b)| a == b))
}

/// The doors of the doors' file (`src/app/chunks.rs`): its `pub async
/// fn`s, and the error they return.
fn doors(chunks_rs: &str) -> Vec<String> {
    let tokens = tokens(&blank_non_code(chunks_rs));
    let mut doors: Vec<String> = (0..tokens.len())
        .filter(|&i| {
            ident(&tokens, i) == Some("pub")
                && ident(&tokens, i + 1) == Some("async")
                && ident(&tokens, i + 2) == Some("fn")
        })
        .filter_map(|i| ident(&tokens, i + 3).map(str::to_string))
        .collect();
    doors.push("ChunkError".to_string());
    doors
}

/// Where first-load files name the core (beyond [`FIRST_LOAD_CORE`]), call
/// storage that needs it, or name anything inside the chunks but a door,
/// as `file:line: path (why)`.
fn first_load_findings(files: &[(PathBuf, String)]) -> Vec<String> {
    let doors_file = Path::new("src/app/chunks.rs");
    let doors = files.iter().find(|(path, _)| path == doors_file).map(|(_, text)| doors(text)).unwrap_or_default();
    let mut found = Vec::new();
    for (path, text) in files.iter().filter(|(path, _)| is_first_load(path)) {
        let code = blank_non_code(text);
        let starts = |word: &str| {
            matches!(word, "crate" | "core" | "super" | "self" | "chunks" | "local" | "envelope" | "templates")
        };
        for named in named_paths(&code, starts) {
            let segments = &named.segments;
            let at = format!("{}:{}: {}", path.display(), named.line, segments.join("::"));
            let core = segments.iter().position(|s| s == "core").filter(|&i| i == 0 || segments[..i] == ["crate"]);
            if let Some(start) = core {
                let named_core = segments[start..].join("::");
                let allowed = FIRST_LOAD_CORE.iter().any(|(file, what)| {
                    Path::new(file) == path && (named_core == *what || named_core.starts_with(&format!("{what}::")))
                });
                if !allowed {
                    found.push(format!("{at} (the core)"));
                }
            }
            if CORE_BEHIND_STORAGE.iter().any(|call| has_run(segments, call)) {
                found.push(format!("{at} (reads or writes with the core)"));
            }
            if path != doors_file {
                let inner = segments.iter().position(|s| s == "chunks").and_then(|i| segments.get(i + 1));
                if let Some(inner) = inner.filter(|inner| !doors.contains(inner)) {
                    found.push(format!("{at} (inside a chunk: `{inner}` is no door)"));
                }
            }
        }
    }
    found
}

#[test]
fn first_load_names_no_core() {
    let files = app_sources();
    let first_load = files.iter().filter(|(path, _)| is_first_load(path)).count();
    assert!(first_load > 10 && first_load < files.len(), "the first load is not where it was: {first_load} files");
    let found = first_load_findings(&files);
    assert!(
        found.is_empty(),
        "first-load code must reach the core only through the doors of src/app/chunks.rs (a type or \
         constant it needs may be added to FIRST_LOAD_CORE, with why). Found:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_first_load_rule_catches_what_it_names() {
    let files: Vec<(PathBuf, String)> = [
        ("src/app/chunks.rs", "pub async fn open_door() {}\nmod inside;\npub use self::inside::Thing;\n"),
        ("src/app/chunks/inside.rs", "use crate::core::format;\n"),
        ("src/app/library/row.rs", "use crate::core::{present::display, summarize};\n// core::score in a comment\n"),
        ("src/app/screen.rs", "fn f() { chunks::open_door(); chunks::Thing::new(); local::save(a, 0); }\n"),
    ]
    .iter()
    .map(|(path, text)| (PathBuf::from(path), text.to_string()))
    .collect();
    assert_eq!(
        first_load_findings(&files),
        [
            "src/app/library/row.rs:1: crate::core::summarize (the core)",
            "src/app/screen.rs:1: chunks::Thing::new (inside a chunk: `Thing` is no door)",
            "src/app/screen.rs:1: local::save (reads or writes with the core)",
        ]
    );
}

/// The files of the app that may name `storage::local`, each with why.
/// Everything else reads and writes storage through the `Library`.
const LOCAL_STORAGE_HOMES: &[(&str, &str)] = &[
    ("src/app/library/state.rs", "the Library: the list, and each write of the first screen"),
    ("src/app/chunks/library_store.rs", "the Library's reads and writes that need the core, in its chunk"),
    ("src/app/chunks/assessment/editor.rs", "saving the open assessment"),
    ("src/app/recovery.rs", "the panic screen: plain DOM, no context to find the Library in"),
];

/// Where files other than [`LOCAL_STORAGE_HOMES`] name `storage::local`,
/// as `file:line: path`.
fn local_storage_findings(files: &[(PathBuf, String)]) -> Vec<String> {
    let mut found = Vec::new();
    for (path, text) in files {
        if LOCAL_STORAGE_HOMES.iter().any(|(file, _)| Path::new(file) == path) {
            continue;
        }
        for named in named_paths(&blank_non_code(text), |word| matches!(word, "crate" | "storage")) {
            if has_run(&named.segments, &["storage", "local"]) {
                found.push(format!("{}:{}: {}", path.display(), named.line, named.segments.join("::")));
            }
        }
    }
    found
}

#[test]
fn only_the_library_and_the_editor_name_local_storage() {
    let found = local_storage_findings(&app_sources());
    assert!(
        found.is_empty(),
        "storage goes through the Library (app/library/state.rs) or the editor. Found:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_local_storage_rule_catches_what_it_names() {
    let files: Vec<(PathBuf, String)> = [
        ("src/app/library/state.rs", "use crate::storage::local;\n"),
        ("src/app/files.rs", "fn f() {\n    let _ = crate::storage::local::mark_exported(id);\n}\n"),
        ("src/app/offline.rs", "use crate::storage::{self, local};\n"),
        ("src/app/route.rs", "use crate::storage::envelope;\n"),
    ]
    .iter()
    .map(|(path, text)| (PathBuf::from(path), text.to_string()))
    .collect();
    assert_eq!(
        local_storage_findings(&files),
        ["src/app/files.rs:2: crate::storage::local::mark_exported", "src/app/offline.rs:1: crate::storage::local"]
    );
}
