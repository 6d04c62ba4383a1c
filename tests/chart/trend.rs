//! The trend chart (`chart::trend`): milestones and now placed by date, the
//! roadmap's projection placed from today, one table row per point, and
//! what it does with unreadable dates, many milestones, and categories that
//! come and go between milestones.

use gapmap::core::model::{Assessment, Gap, Phase, Priority, Range, Status};
use gapmap::core::present::chart::{self, Chart, MarkerShape, Point, Shape, TrendPoint};
use gapmap::core::present::display;
use gapmap::core::{summarize, Summary};

use super::{close, markers, texts, with_scores};

/// Where a date `offset` days after the first lands, on an axis of `span` days.
fn x_at(offset: f64, span: f64) -> f64 {
    let (x0, x1) = chart::TREND_DATE_AXIS;
    x0 + (x1 - x0) * offset / span
}

fn y_at(score: f64) -> f64 {
    let (top, bottom) = chart::TREND_SCORE_AXIS;
    bottom - (bottom - top) * score / 100.0
}

/// The polylines of one class.
fn polylines(chart: &Chart, class: &str) -> Vec<Vec<Point>> {
    chart
        .shapes_of(class)
        .filter_map(|s| match s {
            Shape::Polyline { points, .. } => Some(points.clone()),
            _ => None,
        })
        .collect()
}

/// Where the markers of one class sit.
fn placed(chart: &Chart, class: &str) -> Vec<(f64, f64)> {
    markers(chart, class).iter().map(|(p, _)| (p.x, p.y)).collect()
}

#[track_caller]
fn assert_points(found: &[(f64, f64)], expected: &[(f64, f64)]) {
    assert_eq!(found.len(), expected.len(), "{found:?} against {expected:?}");
    for (f, e) in found.iter().zip(expected) {
        assert!(close(f.0, e.0) && close(f.1, e.1), "{found:?} against {expected:?}");
    }
}

/// Now: category "A" computed from three P1 gaps (one done, one closed by
/// "Harden", one by "Launch") and "B" scored 70 by hand; "Harden" takes 2
/// weeks, "Launch" 1–3 weeks after it.
fn now_with_a_roadmap() -> Assessment {
    let mut a = with_scores(&[("A", 0.0), ("B", 70.0)]);
    a.categories[0].manual_score = None;
    a.phases = vec![Phase::new("p1", "Harden", Range::new(2.0, 2.0)), Phase::new("p2", "Launch", Range::new(1.0, 3.0))];
    let gap = |id: &str, status, phase: Option<&str>| Gap {
        status,
        priority: Priority::P1,
        phase: phase.map(str::to_string),
        ..Gap::new(id, "c0", id)
    };
    a.gaps = vec![
        gap("g1", Status::Done, None),
        gap("g2", Status::Missing, Some("p1")),
        gap("g3", Status::Missing, Some("p2")),
    ];
    a
}

/// Two milestones, given latest first, and now with a roadmap of two phases.
fn two_milestones() -> (Vec<Summary>, Summary) {
    let milestones = vec![
        summarize(&with_scores(&[("A", 40.0), ("B", 60.0)])),
        summarize(&with_scores(&[("A", 20.0), ("B", 40.0)])),
    ];
    (milestones, summarize(&now_with_a_roadmap()))
}

fn points_of<'a>(summaries: &'a [Summary], names_dates: &[(&'a str, &'a str)]) -> Vec<TrendPoint<'a>> {
    summaries.iter().zip(names_dates).map(|(summary, &(name, date))| TrendPoint { name, date, summary }).collect()
}

#[test]
fn trend_places_milestones_by_date_then_now_then_the_projection_from_today() {
    let (milestones, now) = two_milestones();
    let points = points_of(&milestones, &[("Second", "2025-01-11T09:30"), ("First", "2025-01-01")]);
    let chart = chart::trend(&points, &now, "2025-01-21").expect("scores to draw");
    // From 1 January: the second milestone on day 10, now on day 20, the end
    // of "Harden" two weeks later (day 34), of "Launch" at the middle of
    // weeks 3–5, four weeks from today (day 48), where the axis ends.
    let x = |day: f64| x_at(day, 48.0);
    let overall = |s: &Summary| y_at(s.overall.unwrap());
    assert_points(
        &placed(&chart, "series-overall"),
        &[(x(0.0), overall(&milestones[1])), (x(10.0), overall(&milestones[0])), (x(20.0), overall(&now))],
    );
    assert!(markers(&chart, "series-overall").iter().all(|(_, shape)| *shape == MarkerShape::Circle));
    let projected: Vec<f64> = now.phases.iter().map(|p| y_at(p.projected_overall.unwrap())).collect();
    assert!(projected[0] < overall(&now) && projected[1] < projected[0], "each phase raises the score");
    let diamonds = markers(&chart, "series-projected");
    assert_points(&placed(&chart, "series-projected"), &[(x(34.0), projected[0]), (x(48.0), projected[1])]);
    assert!(diamonds.iter().all(|(_, shape)| *shape == MarkerShape::Diamond));
    // The projection is drawn on from the score now.
    let line = &polylines(&chart, "series-projected")[0];
    assert!(close(line[0].x, x(20.0)) && close(line[0].y, overall(&now)) && line.len() == 3, "{line:?}");
    // Category "A" (class 1, squares): 20, 40, then 33.3 now.
    let a = markers(&chart, chart::TREND_CATEGORY_CLASSES[0]);
    let score_a = now.categories[0].score.unwrap();
    assert_points(
        &placed(&chart, chart::TREND_CATEGORY_CLASSES[0]),
        &[(x(0.0), y_at(20.0)), (x(10.0), y_at(40.0)), (x(20.0), y_at(score_a))],
    );
    assert!(a.iter().all(|(_, shape)| *shape == MarkerShape::Square));
    assert!(markers(&chart, chart::TREND_CATEGORY_CLASSES[1]).iter().all(|(_, shape)| *shape == MarkerShape::Diamond));
    // The ready threshold across, today marked.
    let Some(Shape::Line { from, to, .. }) = chart.shapes_of("threshold").next() else { panic!("a threshold line") };
    assert!(close(from.y, y_at(75.0)) && close(to.y, from.y));
    let Some(Shape::Line { from, .. }) = chart.shapes_of("today").next() else { panic!("a line at today") };
    assert!(close(from.x, x(20.0)));
    let ticks: Vec<String> = texts(&chart, "tick").into_iter().map(|(t, _)| t).filter(|t| t.contains('-')).collect();
    assert_eq!(ticks, ["2025-01-01", "2025-01-13", "2025-01-25", "2025-02-06", "2025-02-18"]);
    let legend: Vec<(&str, &str)> = chart.legend.iter().map(|l| (l.class, l.label.as_str())).collect();
    assert_eq!(
        legend,
        [
            ("series-overall", "Overall score"),
            ("series-category-1", "A"),
            ("series-category-2", "B"),
            ("series-projected", "Projected by the roadmap"),
            ("threshold", "Ready threshold")
        ]
    );
}

#[test]
fn trend_table_has_one_row_per_point_with_the_charts_numbers() {
    let (milestones, now) = two_milestones();
    let points = points_of(&milestones, &[("Second", "2025-01-11"), ("First", "2025-01-01")]);
    let chart = chart::trend(&points, &now, "2025-01-21").unwrap();
    let score = |s: Option<f64>| display::score(s);
    let row = |name: &str, date: &str, s: &Summary| {
        vec![
            name.to_string(),
            date.to_string(),
            score(s.overall),
            score(s.categories[0].score),
            score(s.categories[1].score),
        ]
    };
    let after = |phase: usize, date: &str| {
        let p = &now.phases[phase];
        vec![format!("After {}", p.name), date.to_string(), score(p.projected_overall), "—".into(), "—".into()]
    };
    assert_eq!(chart.table.head, ["Point", "Date", "Overall", "A", "B"]);
    assert_eq!(
        chart.table.rows,
        [
            row("First", "2025-01-01", &milestones[1]),
            row("Second", "2025-01-11", &milestones[0]),
            row("Now", "2025-01-21", &now),
            after(0, "2025-02-04"),
            after(1, "2025-02-18"),
        ]
    );
    assert_eq!(chart.table.rows[0][2], "30.0", "the mean of 20 and 40");
}

#[test]
fn trend_leaves_out_what_has_an_unreadable_date() {
    let (milestones, now) = two_milestones();
    let points = points_of(&milestones, &[("Bad", "2025-02-30"), ("Good", "2025-01-01")]);
    let chart = chart::trend(&points, &now, "2025-01-21").unwrap();
    let names: Vec<&str> = chart.table.rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(names, ["Good", "Now", "After Harden", "After Launch"]);
    assert_eq!(markers(&chart, "series-overall").len(), 2);
    assert!(chart.description.ends_with("Left out for an unreadable date: 1 milestone."), "{}", chart.description);
    // Without a readable today there is no now, no projection and no today line.
    for today in ["", "21/01/2025", "2025-01-32"] {
        let chart = chart::trend(&points, &now, today).unwrap();
        let names: Vec<&str> = chart.table.rows.iter().map(|r| r[0].as_str()).collect();
        assert_eq!(names, ["Good"], "today {today:?}");
        assert_eq!(markers(&chart, "series-projected").len(), 0);
        assert_eq!(chart.shapes_of("today").count(), 0);
    }
    // Nothing left to place: no chart.
    assert_eq!(chart::trend(&points[..1], &now, "not a date"), None);
}

#[test]
fn trend_without_milestones_shows_now_and_the_projection_and_with_one_two_measured_points() {
    let now = summarize(&now_with_a_roadmap());
    let chart = chart::trend(&[], &now, "2025-01-21").unwrap();
    // Now on the first day, "Launch" ending four weeks later on the last.
    assert_points(&placed(&chart, "series-overall"), &[(x_at(0.0, 28.0), y_at(now.overall.unwrap()))]);
    assert_eq!(polylines(&chart, "series-overall").len(), 0, "one point makes no line");
    assert!(close(markers(&chart, "series-projected")[1].0.x, x_at(28.0, 28.0)));
    assert_eq!(chart.table.rows.len(), 3);

    let milestone = summarize(&with_scores(&[("A", 10.0), ("B", 30.0)]));
    let points = [TrendPoint { name: "Start", date: "2024-12-24", summary: &milestone }];
    let chart = chart::trend(&points, &now, "2025-01-21").unwrap();
    assert_eq!(markers(&chart, "series-overall").len(), 2);
    assert_eq!(polylines(&chart, "series-overall").iter().map(Vec::len).collect::<Vec<_>>(), [2]);

    // Without a roadmap, now alone sits in the middle of the axis.
    let alone = summarize(&with_scores(&[("A", 50.0)]));
    let chart = chart::trend(&[], &alone, "2025-01-21").unwrap();
    let (x0, x1) = chart::TREND_DATE_AXIS;
    assert_points(&placed(&chart, "series-overall"), &[((x0 + x1) / 2.0, y_at(50.0))]);
    assert_eq!(texts(&chart, "tick").last().map(|(t, _)| t.as_str()), Some("2025-01-21"));
    // Nothing with a score: no chart.
    assert_eq!(chart::trend(&[], &summarize(&Assessment::new("t", "T")), "2025-01-21"), None);
}

#[test]
fn a_category_missing_at_a_point_has_no_marker_there_and_its_line_breaks() {
    // "B" is scored at the first two milestones, removed at the third, there
    // without a score at the fourth, and back now; "C" is new now.
    let mut unscored = with_scores(&[("A", 40.0), ("B", 0.0)]);
    unscored.categories[1].manual_score = None;
    let mut now = with_scores(&[("A", 50.0), ("B", 60.0), ("C", 10.0)]);
    now.categories.rotate_right(1);
    let summaries = [
        summarize(&with_scores(&[("A", 20.0), ("B", 40.0)])),
        summarize(&with_scores(&[("A", 30.0), ("B", 50.0)])),
        summarize(&with_scores(&[("A", 35.0)])),
        summarize(&unscored),
    ];
    assert_eq!(summaries[3].categories[1].score, None);
    let now = summarize(&now);
    let dates = [("M1", "2025-01-01"), ("M2", "2025-01-02"), ("M3", "2025-01-03"), ("M4", "2025-01-04")];
    let chart = chart::trend(&points_of(&summaries, &dates), &now, "2025-01-05").unwrap();
    // Now lists C ("c2") first, then A, then B: the series follow.
    assert_eq!(chart.table.head, ["Point", "Date", "Overall", "C", "A", "B"]);
    let [c, a, b] = [0, 1, 2].map(|k| chart::TREND_CATEGORY_CLASSES[k]);
    let x = |day: f64| x_at(day, 4.0);
    assert_points(&placed(&chart, b), &[(x(0.0), y_at(40.0)), (x(1.0), y_at(50.0)), (x(4.0), y_at(60.0))]);
    assert_eq!(polylines(&chart, b).iter().map(Vec::len).collect::<Vec<_>>(), [2], "broken after M2");
    assert_eq!(polylines(&chart, a).iter().map(Vec::len).collect::<Vec<_>>(), [5]);
    assert_eq!(markers(&chart, c).len(), 1);
    assert_eq!(polylines(&chart, c).len(), 0);
    let column = |k: usize| chart.table.rows.iter().map(|r| r[k].as_str()).collect::<Vec<_>>();
    assert_eq!(column(5), ["40.0", "50.0", "—", "—", "60.0"]);
    assert_eq!(column(3), ["—", "—", "—", "—", "10.0"]);
}

#[test]
fn a_hundred_milestones_and_long_names_draw_without_trouble() {
    let long = "A category with a name far longer than any legend should show in full";
    let summaries: Vec<Summary> = (0..100)
        .map(|i| {
            let mut a = with_scores(&[(long, f64::from(i)), ("Ops", f64::from(100 - i))]);
            // Every third milestone lacks the second category.
            if i % 3 == 0 {
                a.categories.pop();
            }
            summarize(&a)
        })
        .collect();
    let dates: Vec<String> = (0..100).map(|i| format!("2024-{:02}-{:02}", 1 + i % 12, 1 + (i * 7) % 28)).collect();
    let names: Vec<String> = (0..100).map(|i| format!("Milestone {i}")).collect();
    let points: Vec<TrendPoint> = summaries
        .iter()
        .zip(&dates)
        .zip(&names)
        .map(|((summary, date), name)| TrendPoint { name, date, summary })
        .collect();
    let mut now = now_with_a_roadmap();
    now.categories[0].name = long.to_string();
    let chart = chart::trend(&points, &summarize(&now), "2025-01-01").unwrap();
    assert_eq!(chart.table.rows.len(), 100 + 1 + 2);
    let overall = markers(&chart, "series-overall");
    assert_eq!(overall.len(), 101);
    let (x0, x1) = chart::TREND_DATE_AXIS;
    let (top, bottom) = chart::TREND_SCORE_AXIS;
    assert!(overall.windows(2).all(|w| w[0].0.x <= w[1].0.x), "in date order");
    for shape in &chart.shapes {
        if let Shape::Marker { at, .. } = shape {
            assert!((x0..=x1).contains(&at.x) && (top..=bottom).contains(&at.y), "{at:?} off the axes");
        }
    }
    // The legend clips the long name; the table keeps it whole.
    let legend = &chart.legend[1].label;
    assert!(legend.ends_with('…') && legend.chars().count() <= 40, "{legend}");
    assert!(chart.table.head.iter().any(|h| h == long));
}

#[test]
fn many_categories_differ_in_class_or_marker_shape() {
    let names: Vec<String> = (0..18).map(|i| format!("C{i}")).collect();
    let scores: Vec<(&str, f64)> = names.iter().map(|n| (n.as_str(), 50.0)).collect();
    let chart = chart::trend(&[], &summarize(&with_scores(&scores)), "2025-01-01").unwrap();
    let mut looks: Vec<(&str, MarkerShape)> = Vec::new();
    for class in chart::TREND_CATEGORY_CLASSES {
        for (_, shape) in markers(&chart, class) {
            looks.push((class, shape));
        }
    }
    assert_eq!(looks.len(), 18);
    let distinct: std::collections::HashSet<String> = looks.iter().map(|l| format!("{l:?}")).collect();
    assert_eq!(distinct.len(), 18, "{looks:?}");
}
