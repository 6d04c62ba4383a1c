//! Gapmap: readiness assessments of software systems, their gaps, scores and
//! the cost and effect of a remediation roadmap.
//!
//! - [`core`]: the pure core (model, file format, validation, scores, costs),
//!   shared by the browser app and the `gapmap` command line.
//! - [`storage`]: what the app keeps in local storage; its browser half is
//!   wasm32 only.
//! - [`templates`]: the built-in assessments (the first run's example, the
//!   templates), as data.
//! - `app` (wasm32 only): the Leptos app.
//! - `fuzzing` (feature `fuzzing`): the properties the fuzz targets check.
//!
//! See ARCHITECTURE.md for the map of the code.

pub mod core;
pub mod storage;
pub mod templates;

#[cfg(feature = "fuzzing")]
pub mod fuzzing;

#[cfg(target_arch = "wasm32")]
pub mod app;
