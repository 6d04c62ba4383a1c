//! The priority tiers chart: for each priority, P0 to P3, the done and the
//! open scored gaps as one stacked bar on a count axis shared by all tiers.

use super::{legend, rect, text, Anchor, Chart, DataTable};
use crate::core::numbers::summary::Summary;

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
