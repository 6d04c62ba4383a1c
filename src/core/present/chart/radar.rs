//! The radar chart of the category scores: each category an axis from 0 at
//! the centre to 100 at the rim, with the score now, the targets where set
//! and the projection after the last phase as series told apart by marker
//! shape. With fewer than three categories a radar encloses no area, so the
//! same numbers are drawn as one bar per category instead.

use super::{clip, legend, line, rect, share, text, Anchor, Chart, DataTable, LegendEntry, MarkerShape, Point, Shape};
use crate::core::numbers::summary::Summary;
use crate::core::present::display;

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
