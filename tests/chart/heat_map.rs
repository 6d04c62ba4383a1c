//! The portfolio's heat map (`chart::heat_map`): one row of cells per
//! system, each shaded by its band and carrying its score, drawn for the
//! first systems only when asked, while the data table keeps them all.

use gapmap::core::numbers::portfolio::{Filter, Portfolio, PortfolioEntry};
use gapmap::core::present::chart::{self, Shape};

use super::{texts, with_scores};

/// `n` systems of two categories, system `i` scoring `i` and `100 - i`.
fn portfolio(n: usize) -> Portfolio {
    let entries: Vec<PortfolioEntry> = (0..n)
        .map(|i| {
            let mut a = with_scores(&[("Security", i as f64), ("Operations", 100.0 - i as f64)]);
            a.id = format!("s{i}");
            a.system = format!("System {i}");
            PortfolioEntry::of(&a, None)
        })
        .collect();
    Portfolio::of(&entries, &Filter::default(), &[])
}

fn cells(chart: &chart::Chart) -> usize {
    chart.shapes.iter().filter(|s| matches!(s, Shape::Rect { .. })).count()
}

#[test]
fn every_system_is_drawn_when_all_are_shown() {
    let p = portfolio(3);
    let chart = chart::heat_map(&p.rows, &p.heat_map, usize::MAX);
    assert_eq!(cells(&chart), 6);
    let values: Vec<String> = texts(&chart, "value").into_iter().map(|(t, _)| t).collect();
    assert_eq!(values, ["0.0", "100.0", "1.0", "99.0", "2.0", "98.0"]);
    assert_eq!(chart.description, "Heat map of the scores of 3 systems in 2 categories; darker is higher.");
    assert_eq!(chart.table.rows.len(), 3);
    assert!(chart.shapes.iter().any(|s| matches!(s, Shape::Rect { class: "heat-4", .. })));
    assert!(chart.shapes.iter().any(|s| matches!(s, Shape::Rect { class: "heat-0", .. })));
}

#[test]
fn the_first_systems_are_drawn_and_the_table_keeps_them_all() {
    let p = portfolio(40);
    let all = chart::heat_map(&p.rows, &p.heat_map, usize::MAX);
    let first = chart::heat_map(&p.rows, &p.heat_map, 10);
    assert_eq!(cells(&first), 20);
    let names: Vec<String> = texts(&first, "label").into_iter().map(|(t, _)| t).collect();
    assert!(names.contains(&"System 9".to_string()) && !names.contains(&"System 10".to_string()), "{names:?}");
    assert!(first.height < all.height / 3.0, "{} against {}", first.height, all.height);
    assert_eq!(first.table, all.table, "the data table holds every system");
    assert_eq!(first.table.rows.len(), 40);
    assert_eq!(
        first.description,
        "Heat map of the scores of 40 systems, the first 10 drawn, in 2 categories; darker is higher."
    );
    // Asking for more than there are draws them all.
    assert_eq!(chart::heat_map(&p.rows, &p.heat_map, 40), all);
}
