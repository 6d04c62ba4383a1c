//! The pure core: the assessment model, its file format, validation, scores,
//! costs and the summary that every view and command shows.
//!
//! **Architecture Invariant**: nothing here knows about the browser. The core
//! depends on serde, serde_json and rust_decimal, and for importing documents
//! on pulldown-cmark and encoding_rs, and for share links on miniz_oxide and
//! base64; it never imports leptos, web-sys, gloo or wasm-bindgen
//! (`tests/tidy.rs` checks), so it compiles and is tested natively, and the
//! app and the command line share it unchanged.

pub mod decimal;
pub mod edit;
pub mod export;
pub mod format;
pub mod import;
pub mod merge;
pub mod milestone;
pub mod model;
pub mod numbers;
pub mod present;

pub use format::validate::{validate, Problem};
pub use format::{load, read, save, LoadError, LoadErrorKind};
pub use model::Assessment;
pub use numbers::summary::{summarize, summarize_as_of, Summary};
