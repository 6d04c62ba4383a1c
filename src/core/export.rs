//! Writing an assessment out for people and other tools.
//!
//! - [`markdown`]: a Markdown report that reads well on its own and that the
//!   Markdown importer reads back into the same assessment.

pub mod markdown;
