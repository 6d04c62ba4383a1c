//! The portfolio's heat map: one row per system, one column per matched
//! category (`numbers::portfolio::HeatMap`), each cell shaded by its score
//! in five bands and carrying the score as text, so that the colour is
//! never the only cue. Its data table is the same grid in words.

use super::{clip, legend, text, Anchor, Chart, DataTable, Shape};
use crate::core::numbers::portfolio::{HeatMap, PortfolioEntry};
use crate::core::present::display;

/// The width of the systems' names, and of one cell.
const NAMES: f64 = 180.0;
const CELL: (f64, f64) = (64.0, 26.0);
/// The height of the row of category names at the top.
const HEADER: f64 = 34.0;

/// The band of a score, as a class: `heat-0` (below 20) to `heat-4` (80 or
/// more); `heat-none` without a score.
pub fn heat_class(score: Option<f64>) -> &'static str {
    match score {
        None => "heat-none",
        Some(s) if s >= 80.0 => "heat-4",
        Some(s) if s >= 60.0 => "heat-3",
        Some(s) if s >= 40.0 => "heat-2",
        Some(s) if s >= 20.0 => "heat-1",
        Some(_) => "heat-0",
    }
}

/// The heat map of `rows` (the portfolio's rows, in the heat map's order),
/// drawn for the first `shown` of them: hundreds of systems make thousands
/// of shapes that a page need not draw before it is asked to. The data
/// table always holds every row, and the description says how many are
/// drawn.
pub fn heat_map(rows: &[PortfolioEntry], map: &HeatMap, shown: usize) -> Chart {
    let all = rows;
    let rows = &rows[..shown.min(rows.len())];
    let mut shapes = Vec::new();
    for (k, column) in map.columns.iter().enumerate() {
        let x = NAMES + CELL.0 * k as f64 + CELL.0 / 2.0;
        shapes.push(text(x, HEADER - 10.0, clip(&column.name, 9), Anchor::Middle, "label"));
    }
    for (r, (entry, cells)) in rows.iter().zip(&map.cells).enumerate() {
        let y = HEADER + CELL.1 * r as f64;
        shapes.push(text(NAMES - 8.0, y + CELL.1 / 2.0 + 4.0, clip(entry.name(), 24), Anchor::End, "label"));
        for (k, cell) in cells.iter().enumerate() {
            let Some(score) = cell else { continue };
            let x = NAMES + CELL.0 * k as f64;
            shapes.push(Shape::Rect {
                x: x + 1.0,
                y: y + 1.0,
                width: CELL.0 - 2.0,
                height: CELL.1 - 2.0,
                class: heat_class(*score),
            });
            shapes.push(text(
                x + CELL.0 / 2.0,
                y + CELL.1 / 2.0 + 4.0,
                display::score(*score),
                Anchor::Middle,
                "value",
            ));
        }
    }
    let table = DataTable {
        head: std::iter::once("System".to_string()).chain(map.columns.iter().map(|c| c.name.clone())).collect(),
        rows: all
            .iter()
            .zip(&map.cells)
            .map(|(entry, cells)| {
                std::iter::once(entry.name().to_string())
                    .chain(cells.iter().map(|c| c.map_or_else(|| "not assessed".to_string(), display::score)))
                    .collect()
            })
            .collect(),
    };
    Chart {
        title: "Categories by system".to_string(),
        description: format!(
            "Heat map of the scores of {}{} in {}; darker is higher.",
            display::plural(all.len(), "system", "systems"),
            if rows.len() < all.len() { format!(", the first {} drawn,", rows.len()) } else { String::new() },
            display::plural(map.columns.len(), "category", "categories")
        ),
        width: NAMES + CELL.0 * map.columns.len().max(1) as f64 + 8.0,
        height: HEADER + CELL.1 * rows.len() as f64 + 8.0,
        shapes,
        legend: legend(&[
            ("heat-0", "below 20"),
            ("heat-1", "20–39"),
            ("heat-2", "40–59"),
            ("heat-3", "60–79"),
            ("heat-4", "80 or more"),
            ("heat-none", "no score"),
        ]),
        table,
    }
}
