//! Chart geometry from known inputs: small assessments go through the core's
//! `summarize`, then through `core::present::chart`, and each case checks where a
//! number lands (a score of 50 halfway along its axis, a phase of 2–3 weeks
//! from week 4 solid over weeks 4–6 and extended over 6–7 …), which series
//! are drawn, and that the chart's data table states the same numbers.
//! The trend chart's cases, which need milestones, sit in `chart/trend.rs`.

use gapmap::core::model::{
    Assessment, Category, Cost, CostKind, Gap, Phase, Priority, Range, Role, Status, TeamMember,
};
use gapmap::core::present::chart::{self, Anchor, Chart, MarkerShape, Point, Shape};
use gapmap::core::summarize;

const EPS: f64 = 1e-9;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6
}

/// An assessment with one category per `(name, score)`: each gets a manual
/// score, so that the score is exactly the one given.
fn with_scores(scores: &[(&str, f64)]) -> Assessment {
    let mut a = Assessment::new("t", "Test");
    a.categories = scores
        .iter()
        .enumerate()
        .map(|(i, &(name, score))| Category { manual_score: Some(score), ..Category::new(format!("c{i}"), name) })
        .collect();
    a
}

/// The rectangles of one class as `(x, y, width, height)`.
fn rects(chart: &Chart, class: &str) -> Vec<(f64, f64, f64, f64)> {
    chart
        .shapes_of(class)
        .filter_map(|s| match s {
            Shape::Rect { x, y, width, height, .. } => Some((*x, *y, *width, *height)),
            _ => None,
        })
        .collect()
}

fn markers(chart: &Chart, class: &str) -> Vec<(Point, MarkerShape)> {
    chart
        .shapes_of(class)
        .filter_map(|s| match s {
            Shape::Marker { at, shape, .. } => Some((*at, *shape)),
            _ => None,
        })
        .collect()
}

fn polygon(chart: &Chart, class: &str) -> Option<Vec<Point>> {
    chart.shapes_of(class).find_map(|s| match s {
        Shape::Polygon { points, .. } => Some(points.clone()),
        _ => None,
    })
}

/// The texts of one class with their position.
fn texts(chart: &Chart, class: &str) -> Vec<(String, Point)> {
    chart
        .shapes_of(class)
        .filter_map(|s| match s {
            Shape::Text { text, at, .. } => Some((text.clone(), *at)),
            _ => None,
        })
        .collect()
}

fn text_x(chart: &Chart, class: &str, wanted: &str) -> f64 {
    texts(chart, class).into_iter().find(|(t, _)| t == wanted).map(|(_, at)| at.x).unwrap_or(f64::NAN)
}

fn distance(a: Point, b: Point) -> f64 {
    (a.x - b.x).hypot(a.y - b.y)
}

// ---------------------------------------------------------------- radar

#[test]
fn radar_puts_a_score_of_50_halfway_up_its_axis() {
    let summary = summarize(&with_scores(&[("Security", 50.0), ("Operations", 100.0), ("Data", 0.0), ("Docs", 25.0)]));
    let chart = chart::radar(&summary).expect("four categories make a radar");
    let score = polygon(&chart, "series-score").expect("a score outline");
    let centre = chart::RADAR_CENTER;
    // The first axis points straight up.
    assert!(close(score[0].x, centre.x));
    assert!(close(score[0].y, centre.y - chart::RADAR_RADIUS / 2.0));
    // 100 lands on the rim, 0 in the centre, 25 a quarter of the way.
    assert!(close(distance(score[1], centre), chart::RADAR_RADIUS));
    assert!(close(distance(score[2], centre), 0.0));
    assert!(close(distance(score[3], centre), chart::RADAR_RADIUS / 4.0));
    // The second axis of four points right.
    assert!(close(score[1].y, centre.y) && score[1].x > centre.x);
    assert_eq!(markers(&chart, "series-score").len(), 4);
    assert!(markers(&chart, "series-score").iter().all(|(_, shape)| *shape == MarkerShape::Circle));
}

#[test]
fn radar_draws_targets_as_squares_and_closes_them_only_when_all_are_set() {
    let mut a = with_scores(&[("A", 40.0), ("B", 60.0), ("C", 80.0)]);
    a.categories[0].target_score = Some(100.0);
    a.categories[2].target_score = Some(50.0);
    let chart = chart::radar(&summarize(&a)).unwrap();
    let targets = markers(&chart, "series-target");
    assert_eq!(targets.len(), 2);
    assert!(targets.iter().all(|(_, shape)| *shape == MarkerShape::Square));
    assert!(close(distance(targets[0].0, chart::RADAR_CENTER), chart::RADAR_RADIUS));
    assert!(close(distance(targets[1].0, chart::RADAR_CENTER), chart::RADAR_RADIUS / 2.0));
    assert_eq!(polygon(&chart, "series-target"), None, "a missing target leaves the outline open");

    a.categories[1].target_score = Some(70.0);
    let chart = chart::radar(&summarize(&a)).unwrap();
    assert_eq!(polygon(&chart, "series-target").map(|p| p.len()), Some(3));
    assert_eq!(chart.table.head, ["Category", "Score", "Target"]);
    assert_eq!(chart.table.rows[1], ["B", "60.0", "70"]);
}

#[test]
fn radar_projects_each_category_after_the_last_phase() {
    // Category "a": one P0 gap missing in phase 1, one P0 gap done: 50 now,
    // 100 once phase 1 is done. Category "b": a missing gap outside the
    // roadmap stays at 0. Category "c" is set by hand to 30 and stays there.
    let mut a = Assessment::new("t", "T");
    a.categories = vec![Category::new("a", "A"), Category::new("b", "B"), Category::new("c", "C")];
    a.categories[2].manual_score = Some(30.0);
    a.phases = vec![Phase::new("p1", "First", Range::new(1.0, 1.0))];
    let mut open = Gap::new("g1", "a", "open");
    open.phase = Some("p1".to_string());
    let done = Gap { status: Status::Done, ..Gap::new("g2", "a", "done") };
    a.gaps = vec![open, done, Gap::new("g3", "b", "outside")];
    let summary = summarize(&a);
    assert_eq!(summary.categories[0].projected, Some(100.0));
    let chart = chart::radar(&summary).unwrap();
    let projected = polygon(&chart, "series-projected").expect("a projection outline");
    assert!(close(distance(projected[0], chart::RADAR_CENTER), chart::RADAR_RADIUS));
    assert!(close(distance(projected[1], chart::RADAR_CENTER), 0.0));
    assert!(close(distance(projected[2], chart::RADAR_CENTER), chart::RADAR_RADIUS * 0.3));
    assert!(markers(&chart, "series-projected").iter().all(|(_, s)| *s == MarkerShape::Diamond));
    assert_eq!(chart.table.rows[0], ["A", "50.0", "100.0"]);
    assert_eq!(chart.legend.iter().map(|l| l.class).collect::<Vec<_>>(), ["series-score", "series-projected"]);
}

#[test]
fn radar_without_phases_draws_no_projection() {
    let chart = chart::radar(&summarize(&with_scores(&[("A", 10.0), ("B", 20.0), ("C", 30.0)]))).unwrap();
    assert_eq!(polygon(&chart, "series-projected"), None);
    assert_eq!(chart.table.head, ["Category", "Score"]);
}

#[test]
fn fewer_than_three_categories_fall_back_to_bars() {
    let mut a = with_scores(&[("Security", 50.0), ("A category with a very long name indeed", 100.0)]);
    a.categories[0].target_score = Some(75.0);
    let chart = chart::radar(&summarize(&a)).unwrap();
    assert_eq!(polygon(&chart, "series-score"), None);
    let (x0, x1) = chart::BARS_AXIS;
    let bars = rects(&chart, "series-score");
    assert_eq!(bars.len(), 2);
    assert!(close(bars[0].0, x0) && close(bars[0].2, (x1 - x0) / 2.0), "50 fills half the axis: {bars:?}");
    assert!(close(bars[1].2, x1 - x0));
    let target = markers(&chart, "series-target");
    assert_eq!(target.len(), 1);
    assert!(close(target[0].0.x, x0 + (x1 - x0) * 0.75));
    // Long names are clipped in the drawing and whole in the table.
    let labels = texts(&chart, "label");
    assert!(labels[1].0.ends_with('…') && labels[1].0.chars().count() <= 22);
    assert_eq!(chart.table.rows[1][0], "A category with a very long name indeed");
}

#[test]
fn no_categories_no_radar() {
    assert_eq!(chart::radar(&summarize(&Assessment::new("t", "T"))), None);
}

// ---------------------------------------------------------------- timeline

/// A roadmap whose phases have the given durations and start weeks.
fn roadmap(phases: &[(f64, f64, Option<f64>)]) -> Assessment {
    let mut a = Assessment::new("t", "T");
    a.phases = phases
        .iter()
        .enumerate()
        .map(|(i, &(min, max, start))| Phase {
            start_week: start,
            ..Phase::new(format!("p{i}"), format!("Phase {i}"), Range::new(min, max))
        })
        .collect();
    a
}

#[test]
fn a_phase_of_2_to_3_weeks_from_week_4_is_solid_to_week_6_and_extends_to_week_7() {
    let chart = chart::timeline(&summarize(&roadmap(&[(2.0, 3.0, Some(4.0))]))).unwrap();
    let (x0, x1) = chart::TIMELINE_AXIS;
    // The axis ends at week 7, the latest end: one week is a seventh of it.
    let week = |w: f64| x0 + (x1 - x0) * w / 7.0;
    let solid = rects(&chart, "bar-solid");
    let extension = rects(&chart, "bar-extension");
    assert_eq!(solid.len(), 1);
    assert_eq!(extension.len(), 1);
    assert!(close(solid[0].0, week(4.0)) && close(solid[0].0 + solid[0].2, week(6.0)), "{solid:?}");
    assert!(close(extension[0].0, week(6.0)) && close(extension[0].0 + extension[0].2, week(7.0)), "{extension:?}");
    // The tick labelled 4 sits where the bar starts.
    assert!(close(text_x(&chart, "tick", "4"), solid[0].0));
    assert!(close(text_x(&chart, "tick", "7"), x1));
    assert_eq!(chart.table.rows[0], ["Phase 0", "4", "2–3", "6–7", "OK", "0"]);
}

#[test]
fn phases_follow_each_other_and_overlap_where_start_weeks_say_so() {
    // Phase 1 follows phase 0 (2–4 weeks), so it starts at 2–4; phase 2 is
    // pinned to week 1 and overlaps both.
    let chart =
        chart::timeline(&summarize(&roadmap(&[(2.0, 4.0, None), (1.0, 1.0, None), (3.0, 3.0, Some(1.0))]))).unwrap();
    let solid = rects(&chart, "bar-solid");
    let (x0, x1) = chart::TIMELINE_AXIS;
    let week = |w: f64| x0 + (x1 - x0) * w / 5.0;
    assert!(close(solid[1].0, week(2.0)) && close(solid[1].0 + solid[1].2, week(3.0)));
    assert!(close(solid[2].0, week(1.0)) && close(solid[2].0 + solid[2].2, week(4.0)));
    // Rows go down in roadmap order; a fixed duration has no extension.
    assert!(solid[0].1 < solid[1].1 && solid[1].1 < solid[2].1);
    assert_eq!(rects(&chart, "bar-extension").len(), 2);
    assert!(solid[2].0 < solid[0].0 + solid[0].2, "phase 2 overlaps phase 0 on the axis");
}

#[test]
fn each_bar_states_its_load_and_the_gaps_it_closes_in_words() {
    let mut a = roadmap(&[(1.0, 1.0, None), (1.0, 1.0, None)]);
    a.roles = vec![Role::new("eng", "Engineer", 4000.0)];
    a.phases[0].team = vec![TeamMember::new("eng", Range::new(1.0, 1.0))];
    let mut gap = Gap::new("g1", "c", "A gap");
    gap.phase = Some("p1".to_string());
    gap.effort = Some(gapmap::core::model::Effort::new(10.0, 10.0, gapmap::core::model::EffortUnit::Days));
    a.gaps = vec![gap];
    let chart = chart::timeline(&summarize(&a)).unwrap();
    assert_eq!(texts(&chart, "load-ok")[0].0, "✓ OK · closes 0 gaps");
    // Phase 1 has no team: 10 days of demand against no capacity.
    assert_eq!(texts(&chart, "load-over")[0].0, "✕ Over capacity · closes 1 gap");
}

#[test]
fn no_phases_no_timeline() {
    assert_eq!(chart::timeline(&summarize(&Assessment::new("t", "T"))), None);
}

// ---------------------------------------------------------------- projection

#[test]
fn projection_puts_50_halfway_and_draws_threshold_and_level_bands() {
    let mut a = with_scores(&[("A", 50.0)]);
    a.phases = vec![Phase::new("p1", "Fix", Range::new(1.0, 1.0))];
    let summary = summarize(&a);
    let chart = chart::projection(&summary, &a.settings.levels).unwrap();
    let (top, bottom) = chart::PROJECTION_AXIS;
    let now = markers(&chart, "series-overall");
    assert_eq!(now.len(), 2, "now and after the phase");
    assert!(close(now[0].0.y, (top + bottom) / 2.0));
    // The ready threshold (75) is a line three quarters up.
    let threshold = chart.shapes_of("threshold").next().unwrap();
    let Shape::Line { from, .. } = threshold else { panic!("the threshold is a line") };
    assert!(close(from.y, bottom - (bottom - top) * 0.75));
    // Four default levels, four bands; MVP spans 50–75.
    let bands: Vec<_> = ["band-0", "band-1", "band-2", "band-3"].iter().flat_map(|c| rects(&chart, c)).collect();
    assert_eq!(bands.len(), 4);
    let mvp = rects(&chart, "band-1")[0];
    assert!(close(mvp.1, bottom - (bottom - top) * 0.75) && close(mvp.3, (bottom - top) * 0.25));
    assert!(texts(&chart, "band-label").iter().any(|(t, _)| t == "MVP"));
    assert_eq!(chart.table.rows, [["Now", "50.0"], ["Fix", "50.0"]]);
}

#[test]
fn projection_needs_an_overall_score() {
    let a = Assessment::new("t", "T");
    assert_eq!(chart::projection(&summarize(&a), &a.settings.levels), None);
}

// ---------------------------------------------------------------- cost

#[test]
fn cost_stacks_one_off_under_labor_and_draws_the_run_rate_and_cumulative_total() {
    // Phase 1: labor 4,000–8,000 (1 engineer, 1–2 weeks) and 2,000 one-off,
    // 1,000 a year. Phase 2: labor 4,000, 500 a year.
    let mut a = roadmap(&[(1.0, 2.0, None), (1.0, 1.0, None)]);
    a.roles = vec![Role::new("eng", "Engineer", 4000.0)];
    for phase in &mut a.phases {
        phase.team = vec![TeamMember::new("eng", Range::new(1.0, 1.0))];
    }
    a.phases[0].costs =
        vec![Cost::new("Tool", 2000.0, CostKind::OneOff), Cost::new("Licence", 1000.0, CostKind::Annual)];
    a.phases[1].costs = vec![Cost::new("Hosting", 500.0, CostKind::Annual)];
    let summary = summarize(&a);
    let cumulative = summary.phases[1].cumulative_total.expect("every rate is known");
    assert_eq!((cumulative.min, cumulative.max), (10000.0, 14000.0));
    assert_eq!(summary.phases[1].run_rate, 1500.0);
    let chart = chart::cost(&summary, "USD").unwrap();
    // The highest value is 14,000: ticks every 5,000, the axis ends on 15,000.
    let (zero, top) = chart::COST_AXIS;
    let y = |amount: f64| zero - (zero - top) * amount / 15000.0;
    let one_off = rects(&chart, "cost-one-off");
    let labor = rects(&chart, "cost-labor");
    let extension = rects(&chart, "cost-labor-extension");
    assert!(close(one_off[0].1, y(2000.0)) && close(one_off[0].1 + one_off[0].3, zero));
    assert!(close(labor[0].1, y(6000.0)) && close(labor[0].1 + labor[0].3, y(2000.0)), "labor sits on the one-off");
    assert!(close(extension[0].1, y(10000.0)) && close(extension[0].1 + extension[0].3, y(6000.0)));
    assert_eq!(extension.len(), 1, "a fixed labor cost has no extension");
    assert!(close(one_off[1].3, 0.0));
    let run_rate = rects(&chart, "cost-run-rate");
    assert!(close(run_rate[1].1, y(1500.0)));
    let maxes: Vec<f64> = markers(&chart, "cumulative-max").iter().map(|(p, _)| p.y).collect();
    assert!(close(maxes[0], y(10000.0)) && close(maxes[1], y(14000.0)));
    let ticks: Vec<String> = texts(&chart, "tick").into_iter().map(|(t, _)| t).collect();
    assert_eq!(ticks, ["$0", "$5,000", "$10,000", "$15,000"]);
    assert_eq!(chart.table.rows[1], ["Phase 1", "$4,000", "$0", "$4,000", "$10,000–$14,000", "$1,500"]);
}

#[test]
fn nice_steps_are_one_two_or_five_times_a_power_of_ten() {
    for (value, ceiling) in [
        (2800.0, 5000.0),
        (20000.0, 20000.0),
        (2100.0, 5000.0),
        (0.0, 1.0),
        (7.0, 10.0),
        (0.3, 0.5),
        (43000.0, 50000.0),
    ] {
        assert!(close(chart::nice_ceiling(value), ceiling), "{value} → {}", chart::nice_ceiling(value));
    }
}

// ---------------------------------------------------------------- tiers

#[test]
fn tiers_split_each_bar_into_done_and_open_on_one_count_axis() {
    let mut a = Assessment::new("t", "T");
    a.categories = vec![Category::new("c", "C")];
    let gap = |id: &str, priority, status| Gap { priority, status, ..Gap::new(id, "c", id) };
    a.gaps = vec![
        gap("a", Priority::P0, Status::Done),
        gap("b", Priority::P0, Status::Missing),
        gap("c", Priority::P0, Status::Missing),
        gap("d", Priority::P0, Status::Partial),
        gap("e", Priority::P1, Status::Done),
        gap("f", Priority::P1, Status::Done),
        gap("g", Priority::P2, Status::Accepted),
    ];
    let chart = chart::tiers(&summarize(&a));
    let (x0, x1) = chart::TIERS_AXIS;
    let done = rects(&chart, "tier-done");
    let open = rects(&chart, "tier-open");
    // P0: 1 of 4 done, on an axis that ends at 4.
    assert!(close(done[0].0, x0) && close(done[0].2, (x1 - x0) / 4.0));
    assert!(close(open[0].0, done[0].0 + done[0].2) && close(open[0].0 + open[0].2, x1));
    // P1: 2 of 2 done, nothing open; P2 has no scored gap.
    assert!(close(done[1].2, (x1 - x0) / 2.0) && open[1].2.abs() < EPS);
    assert!(done[2].2.abs() < EPS && open[2].2.abs() < EPS);
    assert_eq!(texts(&chart, "value")[0].0, "1/4 done (25%)");
    assert_eq!(chart.table.rows[0], ["P0", "1", "3", "25%"]);
    assert_eq!(chart.table.rows[2], ["P2", "0", "0", "—"]);
    assert!(matches!(chart.shapes_of("label").next(), Some(Shape::Text { anchor: Anchor::End, .. })));
}

// ---------------------------------------------------------------- trend

#[path = "chart/trend.rs"]
mod trend;

#[path = "chart/heat_map.rs"]
mod heat_map;
