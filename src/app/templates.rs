//! The built-in assessments: the worked example a first run shows, and the
//! templates a new assessment can start from. They are data, files in the
//! Gapmap format under `public/templates/`, compiled in so that they work
//! offline; `tests/templates.rs` checks that each is valid.

use crate::core::{format, Assessment};

/// A built-in assessment to start from.
pub struct Template {
    pub name: &'static str,
    pub description: &'static str,
    text: &'static str,
}

impl Template {
    /// The template's assessment; `None` only if the built-in file is broken,
    /// which `tests/templates.rs` rules out.
    pub fn assessment(&self) -> Option<Assessment> {
        format::load(self.text.as_bytes()).ok()
    }
}

/// The example assessment that the library holds on a first run.
pub const EXAMPLE: Template = Template {
    name: "Example: a fictional payments service",
    description: "A filled-in assessment to explore every part of Gapmap.",
    text: include_str!("../../public/templates/example.json"),
};

/// The templates offered by "New assessment".
pub const TEMPLATES: &[Template] = &[Template {
    name: "Production readiness of a web service",
    description: "Twelve categories of checks, each with a default priority and typical effort.",
    text: include_str!("../../public/templates/web-service.json"),
}];
