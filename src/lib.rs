//! Gapmap: readiness assessments of software systems, their gaps, scores and
//! the cost and effect of a remediation roadmap.
//!
//! - [`core`]: the pure core (model, file format, validation, scores, costs),
//!   shared by the browser app and the `gapmap` command line.
//! - `app` and `storage` (wasm32 only): the Leptos app and its local storage.
//!
//! See ARCHITECTURE.md for the map of the code.

pub mod core;
