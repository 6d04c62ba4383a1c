//! The pure core: the assessment model, its file format, validation, scores,
//! costs and the summary that every view and command shows.
//!
//! **Architecture Invariant**: nothing here knows about the browser. The core
//! depends on serde, serde_json and rust_decimal, and for importing documents
//! on pulldown-cmark and encoding_rs, and for share links on miniz_oxide and
//! base64; it never imports leptos, web-sys, gloo or wasm-bindgen
//! (`tests/tidy.rs` checks), so it compiles and is tested natively, and the
//! app and the command line share it unchanged.

pub mod chart;
pub mod cost;
pub mod decimal;
mod decode;
pub mod display;
pub mod export;
pub mod format;
pub mod history;
pub mod ids;
pub mod import;
mod json;
pub mod kpi;
pub mod model;
pub mod query;
pub mod rates;
pub mod risk;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
pub mod score;
pub mod share;
pub mod summary;
pub mod validate;

pub use format::{load, read, save, LoadError, LoadErrorKind};
pub use model::Assessment;
pub use summary::{summarize, Summary};
pub use validate::{validate, Problem};
