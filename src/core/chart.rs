//! Chart geometry: the [`Summary`]'s numbers laid out as plain shapes
//! (rectangles, lines, polygons, markers and text) in a fixed viewBox, which
//! the app draws as inline SVG and which native tests check point by point.
//!
//! Nothing here computes a score or a cost: every value comes from the
//! summary, and this module only decides where it lands. Each chart also
//! carries the same numbers as a [`DataTable`], its text alternative, and a
//! legend, so that no series is told apart by colour alone: series differ by
//! class (colour and pattern in the style sheet), marker shape and dashes.
//!
//! - [`radar`]: category scores, targets and the projection after the last
//!   phase; bars when there are fewer than three categories.
//! - [`timeline`]: phases on a week axis, minimum duration solid, the rest of
//!   the range as an extension, with the load and the gaps each phase closes.
//! - [`projection`]: the overall score now and after each phase over the
//!   level bands, with the ready threshold.
//! - [`cost`]: one-off and labor costs stacked per phase, the cumulative
//!   total and the annual run-rate.
//! - [`tiers`]: done against open gaps for P0–P3.

use crate::core::cost::Load;
use crate::core::display;
use crate::core::model::Level;
use crate::core::summary::{Bounds, Summary};

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

// ---------------------------------------------------------------- radar

const RADAR_WIDTH: f64 = 600.0;
const RADAR_HEIGHT: f64 = 420.0;
/// The radar's centre.
pub const RADAR_CENTER: Point = Point { x: 300.0, y: 210.0 };
/// The radar's radius: where a score of 100 lands.
pub const RADAR_RADIUS: f64 = 140.0;

/// The point at distance `r` from the centre on axis `index` of `count`;
/// the first axis points up, the others follow clockwise.
fn radar_at(index: f64, count: usize, r: f64) -> Point {
    let angle = -std::f64::consts::FRAC_PI_2 + std::f64::consts::TAU * index / count as f64;
    Point::new(RADAR_CENTER.x + r * angle.cos(), RADAR_CENTER.y + r * angle.sin())
}

/// Where `score` lands on axis `index` of `count`.
fn radar_point(index: usize, count: usize, score: f64) -> Point {
    radar_at(index as f64, count, RADAR_RADIUS * share(score))
}

/// Category scores, targets where set and the projected score after the last
/// phase, on a radar; as bars when there are fewer than three categories.
/// `None` without categories.
pub fn radar(summary: &Summary) -> Option<Chart> {
    let categories = &summary.categories;
    if categories.is_empty() {
        return None;
    }
    let has_target = categories.iter().any(|c| c.target.is_some());
    let has_projection = categories.iter().any(|c| c.projected.is_some());
    let mut entries = vec![("series-score", "Score now")];
    if has_target {
        entries.push(("series-target", "Target"));
    }
    if has_projection {
        entries.push(("series-projected", "After the last phase"));
    }
    let mut head = vec!["Category".to_string(), "Score".to_string()];
    if has_target {
        head.push("Target".to_string());
    }
    if has_projection {
        head.push("After the last phase".to_string());
    }
    let rows = categories
        .iter()
        .map(|c| {
            let mut row = vec![c.name.clone(), display::score(c.score)];
            if has_target {
                row.push(c.target.map(display::number).unwrap_or_else(|| "—".to_string()));
            }
            if has_projection {
                row.push(display::score(c.projected));
            }
            row
        })
        .collect();
    let table = DataTable { head, rows };
    let title = "Category scores".to_string();
    if categories.len() < 3 {
        return Some(category_bars(summary, title, legend(&entries), table));
    }

    let count = categories.len();
    let mut shapes = Vec::new();
    for ring in [25.0, 50.0, 75.0, 100.0] {
        let points = (0..count).map(|i| radar_point(i, count, ring)).collect();
        shapes.push(Shape::Polygon { points, class: "grid" });
        // Between the first two axes, clear of their markers; the top
        // category's label sits where a "100" would.
        if ring < 100.0 {
            let at = radar_at(0.5, count, RADAR_RADIUS * share(ring));
            shapes.push(text(at.x, at.y + 4.0, display::number(ring), Anchor::Middle, "tick"));
        }
    }
    for (i, category) in categories.iter().enumerate() {
        let end = radar_point(i, count, 100.0);
        shapes.push(Shape::Line { from: RADAR_CENTER, to: end, class: "axis" });
        // Outside the rim, clear of the markers on it: the name and the
        // score as two lines, above the point in the upper half, below it
        // in the lower half, centred on it at the sides.
        let label = radar_at(i as f64, count, RADAR_RADIUS + 14.0);
        let (dx, dy) = (label.x - RADAR_CENTER.x, label.y - RADAR_CENTER.y);
        let anchor = if dx > 8.0 {
            Anchor::Start
        } else if dx < -8.0 {
            Anchor::End
        } else {
            Anchor::Middle
        };
        let name_y = if dy < -0.3 * RADAR_RADIUS {
            label.y - 16.0
        } else if dy > 0.3 * RADAR_RADIUS {
            label.y + 10.0
        } else {
            label.y - 3.0
        };
        shapes.push(text(label.x, name_y, clip(&category.name, 22), anchor, "label"));
        shapes.push(text(label.x, name_y + 14.0, display::score(category.score), anchor, "value"));
    }
    if has_projection {
        let points: Vec<Point> = categories
            .iter()
            .enumerate()
            .map(|(i, c)| radar_point(i, count, c.projected.or(c.score).unwrap_or(0.0)))
            .collect();
        shapes.push(Shape::Polygon { points: points.clone(), class: "series-projected" });
        shapes.extend(points.into_iter().map(|at| Shape::Marker {
            at,
            shape: MarkerShape::Diamond,
            class: "series-projected",
        }));
    }
    let points: Vec<Point> =
        categories.iter().enumerate().map(|(i, c)| radar_point(i, count, c.score.unwrap_or(0.0))).collect();
    shapes.push(Shape::Polygon { points: points.clone(), class: "series-score" });
    shapes.extend(points.into_iter().map(|at| Shape::Marker { at, shape: MarkerShape::Circle, class: "series-score" }));
    if has_target {
        let targets: Vec<Option<Point>> =
            categories.iter().enumerate().map(|(i, c)| c.target.map(|t| radar_point(i, count, t))).collect();
        // A closed outline only when every category has a target; otherwise
        // the markers alone, rather than a shape that suggests missing targets.
        if let Some(points) = targets.iter().copied().collect::<Option<Vec<Point>>>() {
            shapes.push(Shape::Polygon { points, class: "series-target" });
        }
        shapes.extend(targets.into_iter().flatten().map(|at| Shape::Marker {
            at,
            shape: MarkerShape::Square,
            class: "series-target",
        }));
    }
    Some(Chart {
        title,
        description: format!(
            "Radar of {count} category scores from 0 at the centre to 100 at the rim; the numbers are in the chart data."
        ),
        width: RADAR_WIDTH,
        height: RADAR_HEIGHT,
        shapes,
        legend: legend(&entries),
        table,
    })
}

/// Where the category bars' 0 and 100 land.
pub const BARS_AXIS: (f64, f64) = (170.0, 440.0);
const BAR_ROW: f64 = 44.0;

/// The radar's fallback for one or two categories: a bar per category.
fn category_bars(summary: &Summary, title: String, legend: Vec<LegendEntry>, table: DataTable) -> Chart {
    let (x0, x1) = BARS_AXIS;
    let x = |score: f64| x0 + (x1 - x0) * share(score);
    let top = 24.0;
    let height = top + BAR_ROW * summary.categories.len() as f64 + 8.0;
    let mut shapes = Vec::new();
    for tick in [0.0, 25.0, 50.0, 75.0, 100.0] {
        shapes.push(line(x(tick), top - 4.0, x(tick), height - 8.0, "grid"));
        shapes.push(text(x(tick), top - 8.0, display::number(tick), Anchor::Middle, "tick"));
    }
    for (i, c) in summary.categories.iter().enumerate() {
        let y = top + BAR_ROW * i as f64;
        let mid = y + BAR_ROW / 2.0;
        shapes.push(text(x0 - 8.0, mid + 4.0, clip(&c.name, 22), Anchor::End, "label"));
        shapes.push(rect(x0, x(c.score.unwrap_or(0.0)), y + 10.0, BAR_ROW - 20.0, "series-score"));
        shapes.push(text(x1 + 8.0, mid + 4.0, display::score(c.score), Anchor::Start, "value"));
        if let Some(target) = c.target {
            shapes.push(line(x(target), y + 4.0, x(target), y + BAR_ROW - 4.0, "series-target"));
            shapes.push(Shape::Marker {
                at: Point::new(x(target), y + 4.0),
                shape: MarkerShape::Square,
                class: "series-target",
            });
        }
        if let Some(projected) = c.projected {
            shapes.push(Shape::Marker {
                at: Point::new(x(projected), mid),
                shape: MarkerShape::Diamond,
                class: "series-projected",
            });
        }
    }
    Chart {
        title,
        description: "Bars of the category scores from 0 to 100; the numbers are in the chart data.".to_string(),
        width: 500.0,
        height,
        shapes,
        legend,
        table,
    }
}

// ---------------------------------------------------------------- timeline

/// Where week 0 and the last week of the timeline land.
pub const TIMELINE_AXIS: (f64, f64) = (180.0, 560.0);
const TIMELINE_ROW: f64 = 34.0;
const TIMELINE_TOP: f64 = 34.0;

fn load_class(load: Load) -> &'static str {
    match load {
        Load::Ok => "load-ok",
        Load::AtRisk => "load-at-risk",
        Load::Over => "load-over",
    }
}

/// A symbol beside the load's words, so that it reads without colour.
fn load_symbol(load: Load) -> &'static str {
    match load {
        Load::Ok => "✓",
        Load::AtRisk => "!",
        Load::Over => "✕",
    }
}

fn gaps_text(count: usize) -> String {
    format!("closes {count} {}", if count == 1 { "gap" } else { "gaps" })
}

/// The roadmap as a Gantt chart on a week axis: from its start, each phase's
/// minimum duration is a solid bar and the rest of its range a lighter
/// extension; phases that run at the same time overlap on the axis. Beside
/// each bar: its load and how many gaps it closes. `None` without phases.
pub fn timeline(summary: &Summary) -> Option<Chart> {
    let phases = &summary.phases;
    if phases.is_empty() {
        return None;
    }
    let last = phases.iter().map(|p| p.end_week.max).fold(0.0, f64::max);
    let weeks = if last.is_finite() && last > 0.0 { last.ceil() } else { 1.0 };
    let (x0, x1) = TIMELINE_AXIS;
    let x = |week: f64| x0 + (x1 - x0) * (week.clamp(0.0, weeks) / weeks);
    let bottom = TIMELINE_TOP + TIMELINE_ROW * phases.len() as f64;
    let mut shapes = Vec::new();
    // A tick step of 1, 2 or 5 × 10ⁿ weeks: at most about ten ticks.
    let step = nice_ceiling(weeks / 10.0).max(1.0);
    let mut week = 0.0;
    while week <= weeks + 1e-9 {
        shapes.push(line(x(week), TIMELINE_TOP - 6.0, x(week), bottom, "grid"));
        shapes.push(text(x(week), TIMELINE_TOP - 10.0, display::number(week), Anchor::Middle, "tick"));
        week += step;
    }
    shapes.push(text(x0 - 8.0, TIMELINE_TOP - 10.0, "Week", Anchor::End, "axis-title"));
    for (i, phase) in phases.iter().enumerate() {
        let y = TIMELINE_TOP + TIMELINE_ROW * i as f64;
        let mid = y + TIMELINE_ROW / 2.0;
        shapes.push(text(x0 - 8.0, mid + 4.0, clip(&phase.name, 24), Anchor::End, "label"));
        let (bar_y, bar_h) = (y + 7.0, TIMELINE_ROW - 14.0);
        shapes.push(rect(x(phase.start_week.min), x(phase.end_week.min), bar_y, bar_h, "bar-solid"));
        if phase.end_week.max > phase.end_week.min {
            shapes.push(rect(x(phase.end_week.min), x(phase.end_week.max), bar_y, bar_h, "bar-extension"));
        }
        shapes.push(text(
            x1 + 10.0,
            mid + 4.0,
            format!("{} {} · {}", load_symbol(phase.load), phase.load.label(), gaps_text(phase.gaps)),
            Anchor::Start,
            load_class(phase.load),
        ));
    }
    let rows = phases
        .iter()
        .map(|p| {
            vec![
                p.name.clone(),
                display::range(p.start_week.min, p.start_week.max),
                display::range(p.weeks.min, p.weeks.max),
                display::range(p.end_week.min, p.end_week.max),
                p.load.label().to_string(),
                p.gaps.to_string(),
            ]
        })
        .collect();
    let head = ["Phase", "Starts (week)", "Weeks", "Ends (week)", "Load", "Gaps it closes"];
    Some(Chart {
        title: "Roadmap timeline".to_string(),
        description: format!(
            "Timeline of {} phases over {} weeks, each with its load and the gaps it closes; the numbers are in the chart data.",
            phases.len(),
            display::number(weeks)
        ),
        width: 800.0,
        height: bottom + 10.0,
        shapes,
        legend: legend(&[("bar-solid", "Minimum duration"), ("bar-extension", "Up to the maximum duration")]),
        table: DataTable { head: head.map(String::from).to_vec(), rows },
    })
}

// ---------------------------------------------------------------- projection

/// Where a score of 100 and of 0 land on the projection's y axis.
pub const PROJECTION_AXIS: (f64, f64) = (20.0, 260.0);
const PROJECTION_X: (f64, f64) = (48.0, 560.0);

/// The overall score now and after each phase, over the readiness levels as
/// shaded bands, with the ready threshold as a line. `None` when there is no
/// overall score.
pub fn projection(summary: &Summary, levels: &[Level]) -> Option<Chart> {
    let now = summary.overall?;
    let (top, bottom) = PROJECTION_AXIS;
    let (x0, x1) = PROJECTION_X;
    let y = |score: f64| bottom - (bottom - top) * share(score);
    let mut shapes = Vec::new();

    let mut mins: Vec<(f64, &str)> =
        levels.iter().filter(|l| l.min.is_finite()).map(|l| (l.min.clamp(0.0, 100.0), l.label.as_str())).collect();
    mins.sort_by(|a, b| a.0.total_cmp(&b.0));
    const BANDS: [&str; 4] = ["band-0", "band-1", "band-2", "band-3"];
    for (i, &(min, label)) in mins.iter().enumerate() {
        let max = mins.get(i + 1).map_or(100.0, |next| next.0);
        shapes.push(column(x0, x1 - x0, y(min), y(max), BANDS[i % BANDS.len()]));
        // In the right margin, where no point of the line can cover it.
        if y(min) - y(max) >= 12.0 {
            shapes.push(text(x1 + 6.0, (y(min) + y(max)) / 2.0 + 4.0, clip(label, 16), Anchor::Start, "band-label"));
        }
    }
    for tick in [0.0, 25.0, 50.0, 75.0, 100.0] {
        shapes.push(line(x0 - 4.0, y(tick), x0, y(tick), "axis"));
        shapes.push(text(x0 - 8.0, y(tick) + 4.0, display::number(tick), Anchor::End, "tick"));
    }
    let threshold = summary.ready_threshold;
    if threshold.is_finite() {
        shapes.push(line(x0, y(threshold), x1, y(threshold), "threshold"));
        shapes.push(text(
            x0 + 6.0,
            y(threshold) - 5.0,
            format!("Ready at {}", display::number(threshold)),
            Anchor::Start,
            "threshold-label",
        ));
    }

    let steps: Vec<(String, Option<f64>)> = std::iter::once(("Now".to_string(), Some(now)))
        .chain(summary.phases.iter().map(|p| (p.name.clone(), p.projected_overall)))
        .collect();
    let slot = (x1 - x0) / steps.len() as f64;
    let x = |i: usize| x0 + slot * (i as f64 + 0.5);
    let max_chars = ((slot / 7.0) as usize).max(4);
    let points: Vec<Point> =
        steps.iter().enumerate().filter_map(|(i, (_, s))| s.map(|s| Point::new(x(i), y(s)))).collect();
    shapes.push(Shape::Polyline { points: points.clone(), class: "series-overall" });
    for (i, (name, score)) in steps.iter().enumerate() {
        shapes.push(text(x(i), bottom + 16.0, clip(name, max_chars), Anchor::Middle, "label"));
        if let Some(score) = score {
            shapes.push(Shape::Marker {
                at: Point::new(x(i), y(*score)),
                shape: MarkerShape::Circle,
                class: "series-overall",
            });
            shapes.push(text(x(i), y(*score) - 9.0, display::score(Some(*score)), Anchor::Middle, "value"));
        }
    }
    let rows = steps.into_iter().map(|(name, score)| vec![name, display::score(score)]).collect();
    let mut legend_entries = vec![("series-overall", "Overall score"), ("threshold", "Ready threshold")];
    if !mins.is_empty() {
        legend_entries.push(("band-1", "Level bands"));
    }
    Some(Chart {
        title: "Readiness projection".to_string(),
        description: "Line of the overall score now and after each phase, against the ready threshold and the level bands; the numbers are in the chart data.".to_string(),
        width: 680.0,
        height: bottom + 26.0,
        shapes,
        legend: legend(&legend_entries),
        table: DataTable { head: vec!["When".to_string(), "Overall score".to_string()], rows },
    })
}

// ---------------------------------------------------------------- cost

/// Where 0 and the top of the money axis land.
pub const COST_AXIS: (f64, f64) = (270.0, 20.0);
const COST_X: (f64, f64) = (96.0, 620.0);

/// Per phase: one-off costs, then labor at its minimum and up to its maximum,
/// stacked; beside them the annual run-rate once the phase is done; across
/// them the cumulative total (minimum and maximum). `None` without phases.
pub fn cost(summary: &Summary, currency: &str) -> Option<Chart> {
    let phases = &summary.phases;
    if phases.is_empty() {
        return None;
    }
    let (zero, top) = COST_AXIS;
    let (x0, x1) = COST_X;
    let highest = phases
        .iter()
        .flat_map(|p| [p.total.map_or(p.one_off, |t| t.max), p.cumulative_total.map_or(0.0, |t| t.max), p.run_rate])
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max);
    // At most five round steps up to the highest amount.
    let step = nice_ceiling(highest / 5.0);
    let steps = (highest / step).ceil().max(1.0) as u32;
    let ceiling = step * f64::from(steps);
    let y = |amount: f64| zero - (zero - top) * (amount.max(0.0) / ceiling).min(1.0);
    let mut shapes = Vec::new();
    for i in 0..=steps {
        let amount = step * f64::from(i);
        shapes.push(line(x0, y(amount), x1, y(amount), "grid"));
        shapes.push(text(x0 - 6.0, y(amount) + 4.0, display::money(amount, currency), Anchor::End, "tick"));
    }
    let slot = (x1 - x0) / phases.len() as f64;
    let bar = (slot * 0.36).min(56.0);
    let centre = |i: usize| x0 + slot * (i as f64 + 0.5);
    let max_chars = ((slot / 7.0) as usize).max(4);
    for (i, p) in phases.iter().enumerate() {
        let left = centre(i) - bar * 0.75;
        shapes.push(column(left, bar, y(0.0), y(p.one_off), "cost-one-off"));
        // Labor nobody can price is not drawn: the data table says why.
        if let Some(total) = p.total {
            shapes.push(column(left, bar, y(p.one_off), y(total.min), "cost-labor"));
            if total.max > total.min {
                shapes.push(column(left, bar, y(total.min), y(total.max), "cost-labor-extension"));
            }
        }
        shapes.push(column(left + bar + 2.0, bar * 0.45, y(0.0), y(p.run_rate), "cost-run-rate"));
        shapes.push(text(centre(i), zero + 16.0, clip(&p.name, max_chars), Anchor::Middle, "label"));
    }
    // The cumulative total is known up to the first phase whose labor is not.
    let cumulative = |pick: fn(Bounds) -> f64| -> Vec<Point> {
        phases
            .iter()
            .enumerate()
            .map_while(|(i, p)| p.cumulative_total.map(|t| Point::new(centre(i), y(pick(t)))))
            .collect()
    };
    let (mins, maxes) = (cumulative(|t| t.min), cumulative(|t| t.max));
    shapes.push(Shape::Polyline { points: mins.clone(), class: "cumulative-min" });
    shapes.push(Shape::Polyline { points: maxes.clone(), class: "cumulative-max" });
    shapes.extend(mins.into_iter().map(|at| Shape::Marker { at, shape: MarkerShape::Square, class: "cumulative-min" }));
    shapes.extend(maxes.into_iter().map(|at| Shape::Marker {
        at,
        shape: MarkerShape::Circle,
        class: "cumulative-max",
    }));

    let money = |v: f64| display::money(v, currency);
    // The roles whose missing rate makes the cumulative total unknown so far.
    let mut unpriced: Vec<String> = Vec::new();
    let rows = phases
        .iter()
        .map(|p| {
            unpriced
                .extend(p.unknown_rates.iter().filter(|name| !unpriced.contains(name)).cloned().collect::<Vec<_>>());
            vec![
                p.name.clone(),
                display::money_or_unknown(p.labor, &p.unknown_rates, currency),
                money(p.one_off),
                display::money_or_unknown(p.total, &p.unknown_rates, currency),
                display::money_or_unknown(p.cumulative_total, &unpriced, currency),
                money(p.run_rate),
            ]
        })
        .collect();
    let head = ["Phase", "Labor", "One-off", "Phase total", "Cumulative total", "Annual run-rate after"];
    Some(Chart {
        title: "Cost by phase".to_string(),
        description: format!(
            "Stacked columns of one-off and labor costs for {} phases, with the cumulative total and the annual run-rate; the numbers are in the chart data.",
            phases.len()
        ),
        width: 640.0,
        height: zero + 26.0,
        shapes,
        legend: legend(&[
            ("cost-one-off", "One-off costs"),
            ("cost-labor", "Labor, minimum"),
            ("cost-labor-extension", "Labor, up to the maximum"),
            ("cost-run-rate", "Annual run-rate once done"),
            ("cumulative-max", "Cumulative total, maximum"),
            ("cumulative-min", "Cumulative total, minimum"),
        ]),
        table: DataTable { head: head.map(String::from).to_vec(), rows },
    })
}

// ---------------------------------------------------------------- tiers

/// Where zero gaps and the largest tier's count land.
pub const TIERS_AXIS: (f64, f64) = (60.0, 380.0);
const TIER_ROW: f64 = 36.0;

/// Done against open scored gaps for each priority, as stacked bars on a
/// common count axis.
pub fn tiers(summary: &Summary) -> Chart {
    let (x0, x1) = TIERS_AXIS;
    let largest = summary.tiers.iter().map(|t| t.scored).max().unwrap_or(0).max(1);
    let x = |count: usize| x0 + (x1 - x0) * count as f64 / largest as f64;
    let mut shapes = Vec::new();
    for (i, tier) in summary.tiers.iter().enumerate() {
        let y = 8.0 + TIER_ROW * i as f64;
        let mid = y + TIER_ROW / 2.0;
        shapes.push(text(x0 - 10.0, mid + 4.0, tier.priority.as_str(), Anchor::End, "label"));
        shapes.push(rect(x0, x(tier.done), y + 8.0, TIER_ROW - 16.0, "tier-done"));
        shapes.push(rect(x(tier.done), x(tier.scored), y + 8.0, TIER_ROW - 16.0, "tier-open"));
        let share = tier.percent_done().map_or_else(String::new, |p| format!(" ({p}%)"));
        shapes.push(text(
            x1 + 10.0,
            mid + 4.0,
            format!("{}/{} done{share}", tier.done, tier.scored),
            Anchor::Start,
            "value",
        ));
    }
    let rows = summary
        .tiers
        .iter()
        .map(|t| {
            vec![
                t.priority.as_str().to_string(),
                t.done.to_string(),
                (t.scored - t.done.min(t.scored)).to_string(),
                t.percent_done().map_or_else(|| "—".to_string(), |p| format!("{p}%")),
            ]
        })
        .collect();
    Chart {
        title: "Priority tiers".to_string(),
        description: "Bars of done and open gaps for each priority, P0 to P3; the numbers are in the chart data."
            .to_string(),
        width: 520.0,
        height: 16.0 + TIER_ROW * summary.tiers.len() as f64,
        shapes,
        legend: legend(&[("tier-done", "Done"), ("tier-open", "Open")]),
        table: DataTable { head: ["Priority", "Done", "Open", "Share done"].map(String::from).to_vec(), rows },
    }
}
