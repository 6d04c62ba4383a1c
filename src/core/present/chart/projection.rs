//! The readiness projection: the overall score now and after each phase as a
//! line over the readiness levels drawn as shaded bands, with the ready
//! threshold across them.

use super::{clip, column, legend, line, share, text, Anchor, Chart, DataTable, MarkerShape, Point, Shape};
use crate::core::model::Level;
use crate::core::numbers::summary::Summary;
use crate::core::present::display;

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
