//! Chart geometry: the [`Summary`](crate::core::numbers::summary::Summary)'s numbers laid out as plain shapes
//! (rectangles, lines, polygons, markers and text) in a fixed viewBox, which
//! the app draws as inline SVG and which native tests check point by point.
//!
//! Nothing here computes a score or a cost: every value comes from the
//! summary, and this module only decides where it lands. Each chart also
//! carries the same numbers as a [`DataTable`], its text alternative, and a
//! legend, so that no series is told apart by colour alone: series differ by
//! class (colour and pattern in the style sheet), marker shape and dashes.
//!
//! This file holds what every chart shares: the shape types, the [`Chart`]
//! they make up, and the helpers that place text, lines and bars. Each chart
//! is laid out in a file of its own under `chart/`, and a new chart goes
//! beside them the same way; its function and axis constants are
//! re-exported here, so that callers name them as `chart::radar`,
//! `chart::RADAR_CENTER` and so on.
//!
//! - [`radar()`] (`radar.rs`): category scores, targets and the projection
//!   after the last phase; bars when there are fewer than three categories.
//! - [`timeline()`] (`timeline.rs`): phases on a week axis, minimum duration
//!   solid, the rest of the range as an extension, with the load and the
//!   gaps each phase closes.
//! - [`projection()`] (`projection.rs`): the overall score now and after
//!   each phase over the level bands, with the ready threshold.
//! - [`cost()`] (`cost.rs`): one-off and labor costs stacked per phase, the
//!   cumulative total and the annual run-rate.
//! - [`tiers()`] (`tiers.rs`): done against open gaps for P0–P3.
//! - [`heat_map()`] (`heat_map.rs`): the portfolio's systems × categories,
//!   each cell shaded by its score band and labelled with the score.
//! - [`trend()`] (`trend.rs`): the overall and category scores at each
//!   milestone and now on a date axis, with the roadmap's projection from
//!   today and the ready threshold. It reads a summary per milestone,
//!   which the caller computes, beside the current one.

mod cost;
mod heat_map;
mod projection;
mod radar;
mod tiers;
mod timeline;
mod trend;

pub use cost::{cost, COST_AXIS};
pub use heat_map::{heat_class, heat_map};
pub use projection::{projection, PROJECTION_AXIS};
pub use radar::{radar, BARS_AXIS, RADAR_CENTER, RADAR_RADIUS};
pub use tiers::{tiers, TIERS_AXIS};
pub use timeline::{timeline, TIMELINE_AXIS};
pub use trend::{trend, TrendPoint, TREND_CATEGORY_CLASSES, TREND_DATE_AXIS, TREND_SCORE_AXIS};

/// A point in the chart's viewBox (y grows downwards, as in SVG).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

impl Point {
    pub fn new(x: f64, y: f64) -> Self {
        Point { x, y }
    }
}

/// Where a text sits relative to its point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    /// As SVG's `text-anchor` writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// The shape of a data point's marker: series differ by shape, not only colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkerShape {
    Circle,
    Square,
    Diamond,
}

/// One thing to draw. `class` names the series or part (`series-score`,
/// `bar-extension` …); the style sheet gives it colour, pattern and dashes.
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    Rect { x: f64, y: f64, width: f64, height: f64, class: &'static str },
    Line { from: Point, to: Point, class: &'static str },
    Polygon { points: Vec<Point>, class: &'static str },
    Polyline { points: Vec<Point>, class: &'static str },
    Marker { at: Point, shape: MarkerShape, class: &'static str },
    Text { at: Point, text: String, anchor: Anchor, class: &'static str },
}

impl Shape {
    /// The shape's class.
    pub fn class(&self) -> &'static str {
        match self {
            Shape::Rect { class, .. }
            | Shape::Line { class, .. }
            | Shape::Polygon { class, .. }
            | Shape::Polyline { class, .. }
            | Shape::Marker { class, .. }
            | Shape::Text { class, .. } => class,
        }
    }
}

/// A legend entry: the class whose look it shows, and what it means.
#[derive(Clone, Debug, PartialEq)]
pub struct LegendEntry {
    pub class: &'static str,
    pub label: String,
}

/// The chart's numbers as a table: its text alternative. The first cell of
/// each row names the row.
#[derive(Clone, Debug, PartialEq)]
pub struct DataTable {
    pub head: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// A chart ready to draw: the viewBox size, its shapes in drawing order, a
/// legend and its data.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    pub title: String,
    /// One sentence for `aria-label`: what the chart shows.
    pub description: String,
    pub width: f64,
    pub height: f64,
    pub shapes: Vec<Shape>,
    pub legend: Vec<LegendEntry>,
    pub table: DataTable,
}

impl Chart {
    /// The shapes of one class, in drawing order.
    pub fn shapes_of<'a>(&'a self, class: &'a str) -> impl Iterator<Item = &'a Shape> + 'a {
        self.shapes.iter().filter(move |s| s.class() == class)
    }
}

/// Text cut to `max` characters with an ellipsis, so that a long name never
/// runs over the chart; the data table keeps it whole.
fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let kept: String = text.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", kept.trim_end())
    }
}

fn legend(entries: &[(&'static str, &str)]) -> Vec<LegendEntry> {
    entries.iter().map(|&(class, label)| LegendEntry { class, label: label.to_string() }).collect()
}

fn text(x: f64, y: f64, text: impl Into<String>, anchor: Anchor, class: &'static str) -> Shape {
    Shape::Text { at: Point::new(x, y), text: text.into(), anchor, class }
}

fn line(x1: f64, y1: f64, x2: f64, y2: f64, class: &'static str) -> Shape {
    Shape::Line { from: Point::new(x1, y1), to: Point::new(x2, y2), class }
}

/// A rectangle between two x positions, whatever their order.
fn rect(x1: f64, x2: f64, y: f64, height: f64, class: &'static str) -> Shape {
    Shape::Rect { x: x1.min(x2), y, width: (x2 - x1).abs(), height, class }
}

/// A rectangle between two y positions, whatever their order.
fn column(x: f64, width: f64, y1: f64, y2: f64, class: &'static str) -> Shape {
    Shape::Rect { x, y: y1.min(y2), width, height: (y2 - y1).abs(), class }
}

/// A score (0–100, clamped) as a share of its axis.
fn share(score: f64) -> f64 {
    if score.is_finite() {
        score.clamp(0.0, 100.0) / 100.0
    } else {
        0.0
    }
}

/// The smallest "round" number (1, 2 or 5 × 10ⁿ) at or above `value`, for
/// the step between an axis's ticks; 1 for zero or less.
pub fn nice_ceiling(value: f64) -> f64 {
    if !value.is_finite() || value <= 0.0 {
        return 1.0;
    }
    let magnitude = 10f64.powf(value.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|step| step * magnitude)
        .find(|&candidate| candidate >= value * (1.0 - 1e-12))
        .unwrap_or(10.0 * magnitude)
}
