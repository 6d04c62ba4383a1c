//! Import of readiness documents written in Markdown.
//!
//! Such documents differ a lot in shape, so the importer does not look for
//! one layout: it recognises the statements they are made of, wherever they
//! stand, on the events of a real Markdown parser (see `outline`) and never
//! on raw lines. Outside code blocks:
//!
//! - the **title** is the first level-1 heading, without emoji;
//! - **stated scores**: the overall score (`Current Score: 25/100`,
//!   `68% ENTERPRISE-READY`, a table row `Overall | 40%`) and category scores
//!   from score tables, text bars (`Security: [██░░] 20%`) and lists
//!   (`- Observability: 45% ⚠️`), kept as categories with a manual score;
//! - **gaps**: each line marked ❌ ⚠️ ✅ (missing, partial, done), in the
//!   category of its section; a section with a task list is one gap with
//!   those checklist items; rows of requirement tables with a status column.
//!   Priority, severity and effort stated in a section attach to its gaps.
//!   Under a heading or label that states what is wanted (requirements,
//!   targets, deliverables, exit criteria) ✅ marks a wish, not a closed gap:
//!   where the section reports no findings of its own, its requirements are
//!   its gaps (missing); otherwise they restate them and go to the notes;
//! - **roadmap phases**: `Phase N: Name (Week 1)` headings with their weeks,
//!   team, stated cost, exit criteria and tasks (gaps assigned to the phase);
//!   a task that restates a finding is that finding, assigned to the phase;
//! - **the stated total** (`Total investment: $640K–840K`, a total row);
//! - **tables** of KPIs (numbers or words), risks (with owner, status and
//!   review columns), resources by phase, rates by role and infrastructure
//!   costs;
//! - what Gapmap's own report writes of plans (`export::markdown`): the
//!   roadmap's `Starts on:` date, a phase's `Starts after: Phase 1` and its
//!   criteria ticked with `— evidence:`, a gap's `Due:`, `Depends on:` (gaps
//!   by title), `Accepted until …, by …: reason` and its `Evidence:` list of
//!   links, with the addresses the outline keeps of links and code spans.
//!
//! Plain code blocks (no language) are read too when nearly every line is a
//! score or a marked finding, since documents put score charts and finding
//! lists in them; code in a named language is only ever evidence. Text that
//! is not recognised is kept: in the description or evidence of its gap, the
//! notes of its category, the goal of its phase, or the assessment's summary.
//!
//! Blocks between `<!-- gapmap:computed -->` and `<!-- /gapmap:computed -->`
//! hold figures that Gapmap's own report computed; they are skipped, since
//! importing recomputes them.
//!
//! # The passes, in order
//!
//! 1. [`encoding`] repairs text saved after a wrong decode; `report` notes
//!    what it did.
//! 2. `outline` folds the parser's events into blocks; `scan` drops HTML
//!    comments and the computed blocks; `sections` folds what is left into a
//!    tree of sections.
//! 3. Pass A, `scan`: the title, the metadata, every stated score (`scores`)
//!    and the phase headings (`schedule`), over the whole document first,
//!    since a score chart often comes last and sections are matched to its
//!    categories.
//! 4. Pass B, `sections`: each section in turn. A phase's section is read by
//!    `roadmap`; any other is walked by `walk` (under the labels of
//!    `labels`) into `findings`, tasks and `requirements`, which `scope`
//!    turns into gaps and notes, in the categories that `categories` finds
//!    or makes. Tables that need the phases are put off (`tables`).
//! 5. Pass C, `tables`: the tables put off, read by `resources` (roles,
//!    teams, costs), `kpis` and `risks`.
//! 6. Pass D, `links`: each roadmap task that restates a finding becomes
//!    that finding's; every other task gets its category.
//! 7. `assemble` turns the `drafts` into the assessment: ids, defaults, the
//!    phases' timing (`schedule`); `report` adds the counts and the safety
//!    net.
//!
//! The passes share one `importer` state; `phrases` reads the small phrases
//! (scores, money, weeks, priorities …) that every pass looks for.

mod assemble;
mod categories;
mod drafts;
mod findings;
mod importer;
mod kpis;
mod labels;
mod links;
mod outline;
mod phrases;
mod report;
mod requirements;
mod resources;
mod risks;
mod roadmap;
mod scan;
mod schedule;
mod scope;
mod scores;
mod sections;
mod tables;
mod walk;

use crate::core::import::encoding;
use crate::core::import::report::Note;
use crate::core::import::Import;

use importer::Importer;
use sections::{sections, Context};

/// The HTML comment before figures that Gapmap's report computed.
pub const COMPUTED_START: &str = "<!-- gapmap:computed -->";
/// The HTML comment after figures that Gapmap's report computed.
pub const COMPUTED_END: &str = "<!-- /gapmap:computed -->";

/// Imports a Markdown document: never fails, never panics.
pub fn import(text: &str) -> Import {
    let repair = encoding::repair(text);
    let blocks = outline::parse(&repair.text);
    let mut importer = Importer::new(&repair.text);
    importer.note_repair(&repair);
    let blocks = importer.without_computed(&blocks);
    let root = sections(&blocks);
    importer.scan(&blocks);
    importer.read_section(&root, &Context::default());
    importer.apply_tables();
    importer.link_tasks();
    importer.finish()
}

/// Imports a Markdown file from its bytes: UTF-8, UTF-16 with a byte order
/// mark, or a legacy code page (see [`encoding::decode`]).
pub fn import_bytes(bytes: &[u8]) -> Import {
    let decoded = encoding::decode(bytes);
    let mut import = import(&decoded.text);
    if let Some(page) = decoded.code_page {
        let page = encoding::display_name(page);
        import.report.guessed.insert(0, Note::new(1, format!("The file is not UTF-8; read it as {page}.")));
    }
    import
}

#[cfg(test)]
mod tests;
