//! The numbers: everything Gapmap computes from an assessment, unrounded
//! until the summary rounds it for display.
//!
//! - `score`: credits, category and overall scores, level, tiers, blockers,
//!   and the score each phase buys (the rules are written at its top).
//! - `cost`: effort in person-days, phase labor, capacity, demand, load,
//!   schedule and totals; `schedule`: when each phase runs (`after`,
//!   `start_week`) and the critical path.
//! - `acceptance`: accepted gaps whose acceptance has expired as of a day,
//!   counted as missing again; `calendar`: the roadmap in calendar dates,
//!   and overdue gaps.
//! - `summary`: the [`Summary`](summary::Summary), every number rounded as
//!   shown; its JSON is `gapmap score --json`.
//! - `kpi`, `risk`: whether a KPI meets its target; risk severity order
//!   and overdue reviews. `criteria`: a phase's exit criteria met.
//! - `ready`: when a roadmap makes an assessment ready (the portfolio's
//!   "Ready by", the scenario comparison).
//! - `scenarios`: the alternative roadmaps side by side, each scored as if
//!   it were active.
//! - `compare`: two states of an assessment set side by side (what moved
//!   from one to the other); its JSON is `gapmap diff --json`.
//! - `portfolio`: many assessments at once: the table, the heat map of
//!   categories, the weakest categories, blockers and totals.
//! - `rates`: weekly rates fitted to the costs a document states per phase
//!   (`gapmap rates`).

pub mod acceptance;
pub mod calendar;
pub mod compare;
pub mod cost;
pub mod criteria;
pub mod kpi;
pub mod next;
pub mod portfolio;
pub mod rates;
pub mod ready;
pub mod risk;
pub mod scenarios;
pub mod schedule;
pub mod score;
pub mod summary;
