//! Charts as inline SVG: each draws the shapes that `core::present::chart` lays out
//! from the editor's `Summary`, and does no arithmetic of its own.
//!
//! Every chart is a `<figure>` with a visible caption, an `<svg role="img">`
//! labelled with what it shows, a legend in words, and the same numbers as a
//! real table inside a "Chart data" disclosure, for the keyboard and screen
//! readers. The SVG scales with its container through its viewBox; colours
//! (a blue and orange palette) always come with a second cue: hatching,
//! dashes, marker shapes or words. Texts go in as text nodes, never as HTML.

use leptos::prelude::*;

use super::editor::use_editor;
use super::past::past;
use crate::app::clock;
use crate::core::present::chart::{self, Chart, MarkerShape, Shape};

/// A coordinate with one decimal: enough for any screen, and a small DOM.
fn n(value: f64) -> String {
    let text = format!("{value:.1}");
    text.strip_suffix(".0").map_or(text.clone(), str::to_string)
}

fn points(points: &[chart::Point]) -> String {
    points.iter().map(|p| format!("{},{}", n(p.x), n(p.y))).collect::<Vec<_>>().join(" ")
}

/// The SVG of one shape.
fn shape_view(shape: Shape) -> AnyView {
    match shape {
        Shape::Rect { x, y, width, height, class } => {
            view! { <rect x=n(x) y=n(y) width=n(width) height=n(height) class=class /> }.into_any()
        }
        Shape::Line { from, to, class } => {
            view! { <line x1=n(from.x) y1=n(from.y) x2=n(to.x) y2=n(to.y) class=class /> }.into_any()
        }
        Shape::Polygon { points: p, class } => view! { <polygon points=points(&p) class=class /> }.into_any(),
        Shape::Polyline { points: p, class } => view! { <polyline points=points(&p) class=class /> }.into_any(),
        Shape::Marker { at, shape, class } => {
            let class = format!("marker {class}");
            match shape {
                MarkerShape::Circle => view! { <circle cx=n(at.x) cy=n(at.y) r="4" class=class /> }.into_any(),
                MarkerShape::Square => {
                    view! { <rect x=n(at.x - 4.0) y=n(at.y - 4.0) width="8" height="8" class=class /> }.into_any()
                }
                MarkerShape::Diamond => {
                    let p = format!(
                        "{},{} {},{} {},{} {},{}",
                        n(at.x),
                        n(at.y - 5.5),
                        n(at.x + 5.5),
                        n(at.y),
                        n(at.x),
                        n(at.y + 5.5),
                        n(at.x - 5.5),
                        n(at.y)
                    );
                    view! { <polygon points=p class=class /> }.into_any()
                }
            }
        }
        Shape::Text { at, text, anchor, class } => view! {
            <text x=n(at.x) y=n(at.y) text-anchor=anchor.as_str() class=class>
                {text}
            </text>
        }
        .into_any(),
    }
}

/// Series drawn as lines: their legend swatch is a line, not a box. The
/// trend's category series (`chart::TREND_CATEGORY_CLASSES`) are lines too.
fn is_line(class: &str) -> bool {
    matches!(class, "threshold" | "series-overall" | "cumulative-max" | "cumulative-min")
        || chart::TREND_CATEGORY_CLASSES.contains(&class)
}

/// The hatching patterns the style sheet refers to (`url(#chart-hatch-…)`).
/// Render once per view that shows charts: ids must be unique in the page.
#[component]
pub(super) fn ChartPatterns() -> impl IntoView {
    view! {
        <svg class="chart-patterns" aria-hidden="true" width="0" height="0" focusable="false">
            <defs>
                <pattern id="chart-hatch-blue" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                    <rect width="6" height="6" class="hatch-ground-blue" />
                    <line x1="0" y1="0" x2="0" y2="6" class="hatch-blue" />
                </pattern>
                <pattern id="chart-hatch-orange" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)">
                    <rect width="6" height="6" class="hatch-ground-orange" />
                    <line x1="0" y1="0" x2="0" y2="6" class="hatch-orange" />
                </pattern>
            </defs>
        </svg>
    }
}

/// One chart as a figure: caption, drawing, legend and its data as a table.
#[component]
pub(super) fn ChartFigure(
    /// The chart to draw.
    chart: Chart,
    /// Names the figure for tests and styles (`radar`, `timeline` …).
    kind: &'static str,
) -> impl IntoView {
    let Chart { title, description, width, height, shapes, legend, table } = chart;
    let label = format!("{title}. {description}");
    let view_box = format!("0 0 {} {}", n(width), n(height));
    // Draw the chart at most at its natural size, smaller when the column is.
    // Set as a property (`style:`), never as a `style` attribute, which the
    // Content-Security-Policy (no 'unsafe-inline' styles) would block.
    let max_width = format!("{}px", n(width));
    view! {
        <figure class=format!("chart chart-{kind}") data-testid=format!("chart-{kind}")>
            <figcaption class="chart-title">{title}</figcaption>
            <svg class="chart-svg" viewBox=view_box role="img" aria-label=label style:max-width=max_width preserveAspectRatio="xMidYMid meet">
                {shapes.into_iter().map(shape_view).collect_view()}
            </svg>
            <ul class="chart-legend">
                {legend
                    .into_iter()
                    .map(|entry| {
                        let swatch = if is_line(entry.class) {
                            view! { <line x1="1" y1="7" x2="23" y2="7" class=entry.class /> }.into_any()
                        } else {
                            view! { <rect x="1" y="1" width="22" height="12" class=entry.class /> }.into_any()
                        };
                        view! {
                            <li>
                                <svg class="legend-swatch" viewBox="0 0 24 14" aria-hidden="true">
                                    {swatch}
                                </svg>
                                {entry.label}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <details class="chart-data">
                <summary>"Chart data"</summary>
                <table>
                    <thead>
                        <tr>
                            {table.head.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {table
                            .rows
                            .into_iter()
                            .map(|row| {
                                let mut cells = row.into_iter();
                                let first = cells.next().unwrap_or_default();
                                view! {
                                    <tr>
                                        <th scope="row">{first}</th>
                                        {cells.map(|c| view! { <td>{c}</td> }).collect_view()}
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </details>
        </figure>
    }
}

/// Category scores, targets and the projection: a radar, or bars.
#[component]
pub(super) fn RadarChart() -> impl IntoView {
    let editor = use_editor();
    move || editor.summary.with(chart::radar).map(|chart| view! { <ChartFigure chart kind="radar" /> })
}

/// The overall score now and after each phase, over the level bands.
#[component]
pub(super) fn ProjectionChart() -> impl IntoView {
    let editor = use_editor();
    move || {
        let levels = editor.with(|a| a.settings.levels.clone());
        editor
            .summary
            .with(|s| chart::projection(s, &levels))
            .map(|chart| view! { <ChartFigure chart kind="projection" /> })
    }
}

/// Done against open gaps per priority.
#[component]
pub(super) fn TiersChart() -> impl IntoView {
    let editor = use_editor();
    move || {
        let chart = editor.summary.with(chart::tiers);
        view! { <ChartFigure chart kind="tiers" /> }
    }
}

/// The roadmap on a week axis.
#[component]
pub(super) fn TimelineChart() -> impl IntoView {
    let editor = use_editor();
    move || editor.summary.with(chart::timeline).map(|chart| view! { <ChartFigure chart kind="timeline" /> })
}

/// Costs per phase, cumulative total and run-rate.
#[component]
pub(super) fn CostChart() -> impl IntoView {
    let editor = use_editor();
    move || {
        let currency = editor.with(|a| a.currency.clone());
        editor.summary.with(|s| chart::cost(s, &currency)).map(|chart| view! { <ChartFigure chart kind="cost" /> })
    }
}

/// The overall and each category's score at every milestone and now, with
/// the roadmap's projection from today; without milestones, how to get one.
#[component]
pub(super) fn TrendChart() -> impl IntoView {
    let editor = use_editor();
    let past = past(editor);
    move || {
        let chart = past.with(|list| {
            if list.is_empty() {
                return None;
            }
            let points: Vec<chart::TrendPoint> = list
                .iter()
                .map(|m| chart::TrendPoint { name: &m.name, date: &m.saved_on, summary: &m.summary })
                .collect();
            editor.summary.with(|now| chart::trend(&points, now, &clock::today()))
        });
        match chart {
            Some(chart) => view! { <ChartFigure chart kind="trend" /> }.into_any(),
            None => view! {
                <p class="hint chart-trend-empty">
                    "Readiness over time: save a milestone on the History tab, and the overall and category scores at each milestone and now are drawn here, with the roadmap's projection from today."
                </p>
            }
            .into_any(),
        }
    }
}
