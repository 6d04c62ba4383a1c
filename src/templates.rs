//! The built-in assessments: the worked example a first run stores (as its
//! text, see `storage::local::seed`), and the templates a new assessment
//! can start from. They are data, files in the Gapmap format under `public/templates/`, compiled in so that they work
//! offline; `tests/templates.rs` checks that each is valid.
//!
//! A template's text is read only through [`template_assessment`], which
//! the first visit does not download (see `app::chunks`): [`TEMPLATES`]
//! holds what the "New assessment" dialog shows. Pure (no browser), so that
//! the native tests check what the app ships.

use crate::core::{format, Assessment};
use crate::storage::envelope::Figures;

/// The example assessment that the library holds on a first run: the
/// built-in file's text, canonical (as `tests/templates.rs` checks), so that
/// it is stored as it is, without the core.
pub const EXAMPLE: &str = include_str!("../public/templates/example.json");

/// The example's numbers as the library lists them, worked out by the core
/// ahead of time (`tests/templates.rs` and `tests/web.rs` check them against
/// it): a first run lists the example whole at once, without the core.
pub const EXAMPLE_FIGURES: Figures = Figures { overall: Some(56.7), level: Some("MVP"), blockers: 3 };

/// A template offered by "New assessment", by name; its text is in
/// [`template_assessment`].
pub struct Offered {
    pub name: &'static str,
    pub description: &'static str,
}

/// The templates offered by "New assessment", in the order of
/// [`template_assessment`]'s texts.
pub const TEMPLATES: &[Offered] = &[Offered {
    name: "Production readiness of a web service",
    description: "Twelve categories of checks, each with a default priority and typical effort.",
}];

/// The assessment of template `index` of [`TEMPLATES`]; `None` for no such
/// template, or a broken built-in file (which `tests/templates.rs` rules out).
pub fn template_assessment(index: usize) -> Option<Assessment> {
    const TEXTS: &[&str] = &[include_str!("../public/templates/web-service.json")];
    let text = TEXTS.get(index)?;
    format::load(text.as_bytes()).ok()
}
