//! Small hand parsers for the phrases readiness documents state facts in:
//! `25/100`, `68%`, `2-3 days`, `$120K-160K`, `Week 3-4`, `3-4 engineers`,
//! `[BLOCKER]`, `Risk Level: CRITICAL`, and the status marks ❌ ⚠️ ✅.
//!
//! They read the plain text of one line or cell that the outline produced;
//! none of them looks across lines. Each returns `None` rather than guess
//! when the text does not say what it looks for, and none panics: every
//! index comes from `char_indices` or a checked `get`.
//!
//! One file per kind of phrase: `text` (decoration, words, labels,
//! headings as names), `status` (marks, status, priority and severity
//! words), `numbers` (numbers, ranges, dates), `scores`, `money`, `effort`
//! (effort and team), `weeks` (weeks and phase headings) and `names`
//! (slugs, stems, likeness, areas).

mod effort;
mod money;
mod names;
mod numbers;
mod scores;
mod status;
mod text;
mod weeks;

pub use effort::{effort, team, trailing_effort};
pub use money::{is_total_cost_label, money, rate_period, Period};
pub use names::{alike, area_name, areas, likeness, slug, stems};
pub use numbers::{iso_date, number, range};
pub use scores::{is_overall_label, overall_statement, score, score_line};
pub use status::{priority_of, priority_word, severity_word, stated_priority, status_mark, status_word, title_markers};
pub use text::{has_any_phrase, has_phrase, heading_name, label, labels, remove_bracketed, undecorated, words};
pub use weeks::{length_in_weeks, phase_heading, weeks, PhaseHeading, Weeks};
