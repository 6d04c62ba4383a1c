//! Readiness over time: the overall score and each category's score at
//! every milestone and now, as lines on a date axis, with the current
//! roadmap's projection drawn on from today, so that a team sees whether it
//! is ahead of or behind the path it promised; the ready threshold across
//! them.
//!
//! Every score comes from a summary the caller computed: one for each
//! milestone (its `state.to_assessment()` through `summarize`) and the
//! current one. This file only places them.
//!
//! **Where the projection lands.** The projected overall after a phase is
//! the score once that phase and those before it are done, so it is placed
//! when the last of them ends: today plus seven days for each week of the
//! latest end among them, each end taken at the middle of its range
//! (`end_week`, from the roadmap's start, which is taken to be today),
//! rounded to whole days.

use super::{clip, line, share, text, Anchor, Chart, DataTable, LegendEntry, MarkerShape, Point, Shape};
use crate::core::numbers::summary::Summary;
use crate::core::present::{date, display};

/// Where a score of 100 and of 0 land on the trend's y axis.
pub const TREND_SCORE_AXIS: (f64, f64) = (20.0, 260.0);
/// Where the earliest and the latest date land on the trend's x axis (a
/// single date lands halfway).
pub const TREND_DATE_AXIS: (f64, f64) = (56.0, 600.0);
/// The classes of the category series, taken in turn: the style sheet gives
/// each its colour and its own dash pattern. After six categories they
/// repeat, each time with the next marker shape, so that the first
/// eighteen categories differ in class or shape.
pub const TREND_CATEGORY_CLASSES: [&str; 6] = [
    "series-category-1",
    "series-category-2",
    "series-category-3",
    "series-category-4",
    "series-category-5",
    "series-category-6",
];
const CATEGORY_SHAPES: [MarkerShape; 3] = [MarkerShape::Square, MarkerShape::Diamond, MarkerShape::Circle];

/// One state measured in the past: a milestone as the trend reads it. For a
/// milestone `m`: `name: &m.name`, `date: &m.saved_on`, and the summary of
/// `m.state.to_assessment()`, which the caller computes and keeps.
#[derive(Clone, Copy, Debug)]
pub struct TrendPoint<'a> {
    pub name: &'a str,
    /// When it was saved: `YYYY-MM-DD`, perhaps with a time, which is ignored.
    pub date: &'a str,
    /// The summary of its state.
    pub summary: &'a Summary,
}

/// A point on the date axis with what it shows.
struct Measured<'a> {
    name: &'a str,
    day: i64,
    summary: &'a Summary,
}

struct Projected<'a> {
    phase: &'a str,
    day: i64,
    overall: Option<f64>,
}

/// The overall score and each category's score at each of `milestones`
/// (in date order, whatever their order in the list) and now (`now`, at
/// `today`, `YYYY-MM-DD`), with `now`'s roadmap projected on from today and
/// the ready threshold. A milestone whose date cannot be read is left out;
/// so are now and the projection when `today` cannot be read. A category
/// missing at a point, or without a score there, has no marker there and
/// its line breaks. `None` when nothing has a score to draw.
pub fn trend(milestones: &[TrendPoint<'_>], now: &Summary, today: &str) -> Option<Chart> {
    let today = date::day_number(today);
    let mut measured: Vec<Measured> = milestones
        .iter()
        .filter_map(|m| Some(Measured { name: m.name, day: date::day_number(m.date)?, summary: m.summary }))
        .collect();
    let dated = measured.len();
    if let Some(day) = today {
        measured.push(Measured { name: "Now", day, summary: now });
    }
    // A stable sort: of points on one day, the list's order stays, and now
    // comes last.
    measured.sort_by_key(|m| m.day);
    let projected = today.map(|day| projection(now, day)).unwrap_or_default();
    let has_score = |s: &Summary| s.overall.is_some() || s.categories.iter().any(|c| c.score.is_some());
    if !measured.iter().any(|m| has_score(m.summary)) && !projected.iter().any(|p| p.overall.is_some()) {
        return None;
    }
    let days = measured.iter().map(|m| m.day).chain(projected.iter().map(|p| p.day));
    let (first, last) = days.fold((i64::MAX, i64::MIN), |(lo, hi), d| (lo.min(d), hi.max(d)));
    let axes = Axes { first, last };
    let mut shapes = axes.grid(today, now.ready_threshold);

    let categories = category_series(&measured);
    let mut legend = vec![LegendEntry { class: "series-overall", label: "Overall score".to_string() }];
    for (k, (id, name)) in categories.iter().enumerate() {
        let class = TREND_CATEGORY_CLASSES[k % TREND_CATEGORY_CLASSES.len()];
        let shape = CATEGORY_SHAPES[(k + k / TREND_CATEGORY_CLASSES.len()) % CATEGORY_SHAPES.len()];
        let points: Vec<Option<Point>> =
            measured.iter().map(|m| category_score(m.summary, id).map(|score| axes.at(m.day, score))).collect();
        draw_series(&mut shapes, &points, 0, shape, class);
        legend.push(LegendEntry { class, label: clip(name, 40) });
    }
    // The projection goes on from the score now, which the overall line marks.
    let projection: Vec<Option<Point>> =
        std::iter::once(today.zip(now.overall).map(|(day, score)| axes.at(day, score)))
            .chain(projected.iter().map(|p| p.overall.map(|score| axes.at(p.day, score))))
            .collect();
    draw_series(&mut shapes, &projection, 1, MarkerShape::Diamond, "series-projected");
    if projected.iter().any(|p| p.overall.is_some()) {
        legend.push(LegendEntry { class: "series-projected", label: "Projected by the roadmap".to_string() });
    }
    // The overall line last, over the others.
    let overall: Vec<Option<Point>> =
        measured.iter().map(|m| m.summary.overall.map(|score| axes.at(m.day, score))).collect();
    draw_series(&mut shapes, &overall, 0, MarkerShape::Circle, "series-overall");
    legend.push(LegendEntry { class: "threshold", label: "Ready threshold".to_string() });

    let mut description = format!(
        "Lines of the overall score and of {} at {}{}",
        display::plural(categories.len(), "category", "categories"),
        display::plural(dated, "milestone", "milestones"),
        if today.is_some() { " and now" } else { "" },
    );
    if !projected.is_empty() {
        description.push_str(", with the roadmap's projection from today");
    }
    description.push_str(", against the ready threshold; the numbers are in the chart data.");
    if dated < milestones.len() {
        let skipped = display::plural(milestones.len() - dated, "milestone", "milestones");
        description.push_str(&format!(" Left out for an unreadable date: {skipped}."));
    }
    Some(Chart {
        title: "Readiness over time".to_string(),
        description,
        width: 660.0,
        height: TREND_SCORE_AXIS.1 + 26.0,
        shapes,
        legend,
        table: table(&measured, &projected, &categories),
    })
}

/// The chart's axes: from the first to the last day on x, scores on y.
struct Axes {
    first: i64,
    last: i64,
}

impl Axes {
    /// Where `day` lands; when the axis has a single day, halfway along.
    fn x(&self, day: i64) -> f64 {
        let (x0, x1) = TREND_DATE_AXIS;
        let span = (self.last - self.first) as f64;
        if span > 0.0 {
            x0 + (x1 - x0) * (day - self.first) as f64 / span
        } else {
            (x0 + x1) / 2.0
        }
    }

    fn y(score: f64) -> f64 {
        let (top, bottom) = TREND_SCORE_AXIS;
        bottom - (bottom - top) * share(score)
    }

    fn at(&self, day: i64, score: f64) -> Point {
        Point::new(self.x(day), Axes::y(score))
    }

    /// The score ticks, up to five dates from the first to the last, evenly
    /// spread over whole days, the ready threshold and today.
    fn grid(&self, today: Option<i64>, threshold: f64) -> Vec<Shape> {
        let (x0, x1) = TREND_DATE_AXIS;
        let (top, bottom) = TREND_SCORE_AXIS;
        let (x, y) = (|day: i64| self.x(day), Axes::y);
        let mut shapes = Vec::new();
        for tick in [0.0, 25.0, 50.0, 75.0, 100.0] {
            shapes.push(line(x0, y(tick), x1, y(tick), "grid"));
            shapes.push(text(x0 - 8.0, y(tick) + 4.0, display::number(tick), Anchor::End, "tick"));
        }
        let days = self.last - self.first;
        let intervals = days.clamp(1, 4);
        let mut ticks: Vec<i64> =
            (0..=intervals).map(|k| self.first + (days * k + intervals / 2) / intervals).collect();
        ticks.dedup();
        for day in ticks {
            shapes.push(line(x(day), bottom, x(day), bottom + 4.0, "axis"));
            shapes.push(text(x(day), bottom + 16.0, date::date_text(day).unwrap_or_default(), Anchor::Middle, "tick"));
        }
        if threshold.is_finite() {
            shapes.push(line(x0, y(threshold), x1, y(threshold), "threshold"));
            let label = format!("Ready at {}", display::number(threshold));
            shapes.push(text(x0 + 6.0, y(threshold) - 5.0, label, Anchor::Start, "threshold-label"));
        }
        if let Some(day) = today {
            shapes.push(line(x(day), top, x(day), bottom, "today"));
            shapes.push(text(x(day), top - 6.0, "Today", Anchor::Middle, "today-label"));
        }
        shapes
    }
}

/// One row per point: its name, date, overall score and each category's
/// score (a dash where it has none), then one per projected phase.
fn table(measured: &[Measured], projected: &[Projected], categories: &[(&str, &str)]) -> DataTable {
    let mut head: Vec<String> = ["Point", "Date", "Overall"].map(String::from).to_vec();
    head.extend(categories.iter().map(|(_, name)| name.to_string()));
    let day_text = |day: i64| date::date_text(day).unwrap_or_default();
    let mut rows: Vec<Vec<String>> = measured
        .iter()
        .map(|m| {
            let mut row = vec![m.name.to_string(), day_text(m.day), display::score(m.summary.overall)];
            row.extend(categories.iter().map(|(id, _)| display::score(category_score(m.summary, id))));
            row
        })
        .collect();
    rows.extend(projected.iter().map(|p| {
        let mut row = vec![format!("After {}", p.phase), day_text(p.day), display::score(p.overall)];
        row.extend(categories.iter().map(|_| display::score(None)));
        row
    }));
    DataTable { head, rows }
}

/// The projected overall after each phase of `now`'s roadmap, placed as the
/// file's top says from `today`; a phase that would land after the year
/// 9999 is left out.
fn projection(now: &Summary, today: i64) -> Vec<Projected<'_>> {
    let mut latest_end: f64 = 0.0;
    now.phases
        .iter()
        .filter_map(|phase| {
            let end = (phase.end_week.min + phase.end_week.max) / 2.0;
            if end.is_finite() {
                latest_end = latest_end.max(end);
            }
            // A saturating cast: an absurd duration lands past the last
            // writable date and is left out below.
            let day = today.checked_add((latest_end * 7.0).round() as i64)?;
            date::date_text(day)?;
            Some(Projected { phase: &phase.name, day, overall: phase.projected_overall })
        })
        .collect()
}

/// Every category of any point, by id, with its name at the latest point
/// that has it: the latest point's categories in its order, then those
/// only earlier points have, latest first.
fn category_series<'a>(measured: &[Measured<'a>]) -> Vec<(&'a str, &'a str)> {
    let mut series: Vec<(&str, &str)> = Vec::new();
    for m in measured.iter().rev() {
        for c in &m.summary.categories {
            if !series.iter().any(|(id, _)| *id == c.id) {
                series.push((&c.id, &c.name));
            }
        }
    }
    series
}

/// The score of the category `id` in `summary`, if it is there and has one.
fn category_score(summary: &Summary, id: &str) -> Option<f64> {
    summary.categories.iter().find(|c| c.id == id).and_then(|c| c.score)
}

/// A series: a line through each run of consecutive points it has (a
/// missing point breaks it), and a marker on each point from `marked_from` on.
fn draw_series(
    shapes: &mut Vec<Shape>,
    points: &[Option<Point>],
    marked_from: usize,
    shape: MarkerShape,
    class: &'static str,
) {
    for run in points.split(Option::is_none).filter(|run| run.len() >= 2) {
        shapes.push(Shape::Polyline { points: run.iter().flatten().copied().collect(), class });
    }
    shapes.extend(points.iter().skip(marked_from).flatten().map(|&at| Shape::Marker { at, shape, class }));
}
