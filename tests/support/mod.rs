//! Helpers shared by several native test files (each includes this module
//! with `mod support;`).

pub mod generate;
