//! Which addresses may be shown as links: the one rule the app, the
//! Markdown report and the backlog exports share for a gap's evidence and a
//! criterion's evidence, which users type and files carry from anywhere.
//!
//! An address is a link only when it is plainly one of two kinds:
//!
//! - **absolute `http:` or `https:`**, any case, followed by `//` and a
//!   host: `https://ci.example.com/run/42`;
//! - **relative** to the page: `docs/runbook.md`, `./a`, `../b`, `/c`,
//!   `?q`, `#part`, with nothing in its first segment that could spell a
//!   scheme once decoded (no `:`, `%` or `&` before the first `/`, `?` or
//!   `#`).
//!
//! Everything else is shown as text: other schemes (`javascript:`,
//! `data:`, `vbscript:`, `file:` …) however they are cased; addresses with
//! whitespace or control characters anywhere (browsers strip some of them,
//! so a leading space or tab can hide a scheme); backslashes (browsers read
//! `/\host` as `//host`); the characters `<`, `>`, `"` and `` ` ``, which a
//! well-formed address percent-encodes and which could end the link in
//! Markdown; entity-like or percent-encoded schemes
//! (`javascript&#58;…`, `javascript%3A…`), which some renderers decode; and
//! protocol-relative addresses (`//host/path`), which are not relative to
//! the page but to its scheme, and lead to another site: they are treated
//! as not relative. Refusing is always safe: the address is still shown,
//! only not as something to click.

/// The address to put in a link's `href` when `url` may be shown as a
/// link, else `None` (show it as text). The address is returned unchanged.
pub fn href(url: &str) -> Option<&str> {
    if url.is_empty() || url.chars().any(refused_char) {
        return None;
    }
    let end = url.find([':', '/', '?', '#']).unwrap_or(url.len());
    let first = &url[..end];
    if url[end..].starts_with(':') {
        let scheme = first.to_ascii_lowercase();
        let rest = &url[end + 1..];
        let host = rest.strip_prefix("//")?;
        let absolute = (scheme == "http" || scheme == "https") && !host.is_empty() && !host.starts_with('/');
        return absolute.then_some(url);
    }
    if url.starts_with("//") || first.contains(['%', '&']) {
        return None;
    }
    Some(url)
}

/// Characters no address shown as a link may hold anywhere.
fn refused_char(c: char) -> bool {
    c.is_control() || c.is_whitespace() || matches!(c, '\\' | '<' | '>' | '"' | '`')
}
