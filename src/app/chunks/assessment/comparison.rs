//! A comparison of two states (`core::numbers::compare`) as the app shows
//! it, in the History tab and in the report's "Changes since" section:
//! notes first (two different assessments; scoring settings that differ,
//! with the overall score of both sides under each side's settings and
//! under the "after" ones), then the overall score and level before →
//! after, each category's change, the blockers opened and closed, the gaps
//! added, removed and changed (with the changed fields), the roadmap's
//! phases, total cost and duration, and the KPIs' movement.
//!
//! It shows what `gapmap diff` prints for the same pair, in the same words
//! (`core::present::compare`); it computes nothing: every fact is a field
//! or a method of the `Comparison`.

use leptos::prelude::*;

use super::editor::Editor;
use super::links::gap_href;
use crate::core::model::{Assessment, Settings};
use crate::core::numbers::compare::{
    compare_under_current, Change, Comparison, GapFacts, KpiChange, KpiMovement, PhaseChange, Presence,
};
use crate::core::numbers::summary::Bounds;
use crate::core::present::compare::{field_changes, level_change, money_change, phase_weeks, score_change};
use crate::core::present::display;

/// A comparison with the two states it was made from (which name the
/// categories and phases of its changed fields).
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Compared {
    pub comparison: Comparison,
    pub before: Assessment,
    pub after: Assessment,
}

impl Compared {
    /// Compares `before`, scored as of the day `before_as_of`, with `after`,
    /// scored as of `after_as_of` (the editor's today for the open
    /// assessment or a file, `Milestone::as_of` for a milestone).
    /// When the two score with different settings, both are also scored
    /// under `current` (the open assessment's settings now).
    pub fn new(
        before: Assessment,
        before_as_of: &str,
        after: Assessment,
        after_as_of: &str,
        current: &Settings,
    ) -> Compared {
        let comparison = compare_under_current(&before, before_as_of, &after, after_as_of, current);
        Compared { comparison, before, after }
    }
}

/// The comparison, under headings of level 3. `after_is_now` says that
/// "after" is the open assessment as it is: its settings are the current
/// ones, and its gaps link to the Gaps tab.
#[component]
pub(super) fn ComparisonView(compared: Compared, editor: Editor, after_is_now: bool) -> impl IntoView {
    let Compared { comparison: c, before, after } = compared;
    let unchanged = c.is_empty();
    view! {
        <div class="comparison" data-testid="comparison">
            {notes(&c, after_is_now)}
            <dl class="comparison-headline">
                <div>
                    <dt>"Overall score"</dt>
                    <dd data-testid="overall-change">{score_change(&c.overall)}</dd>
                </div>
                <div>
                    <dt>"Level"</dt>
                    <dd data-testid="level-change">{level_change(&c.level)}</dd>
                </div>
                {c
                    .production_ready
                    .is_changed()
                    .then(|| {
                        let ready = |r: bool| if r { "production-ready" } else { "not production-ready" };
                        view! {
                            <div>
                                <dt>"Verdict"</dt>
                                <dd>
                                    {format!(
                                        "{} → {}",
                                        ready(c.production_ready.before),
                                        ready(c.production_ready.after),
                                    )}
                                </dd>
                            </div>
                        }
                    })}
            </dl>
            {if unchanged {
                view! { <p class="empty">"No change: the scores, gaps, roadmap and KPIs are the same on both sides."</p> }
                    .into_any()
            } else {
                view! {
                    {categories(&c)}
                    {blockers(&c, editor)}
                    {gaps(&c, &before, &after, editor)}
                    {roadmap(&c)}
                    {kpis(&c)}
                }
                    .into_any()
            }}
        </div>
    }
}

/// Two different assessments; settings that differ, with the rescored
/// overall scores.
fn notes(c: &Comparison, after_is_now: bool) -> impl IntoView {
    let different = c.different_assessments().then(|| {
        view! {
            <p class="banner banner-warning" data-testid="different-assessments">
                {format!(
                    "These are two different assessments (\u{201c}{}\u{201d} and \u{201c}{}\u{201d}): the comparison is between two systems, not two moments of one.",
                    c.ids.before,
                    c.ids.after,
                )}
            </p>
        }
    });
    let rescored = c.rescored.as_ref().map(|r| {
        let settings = if after_is_now { "the current settings (the \u{201c}after\u{201d} side's)" } else { "the \u{201c}after\u{201d} side's settings" };
        view! {
            <div class="banner banner-warning" data-testid="settings-changed">
                <p>"The scoring settings differ between the two sides, so part of the change comes from the rules rather than the work."</p>
                <table class="comparison-table">
                    <caption class="visually-hidden">"Overall score under each side's settings"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Overall score"</th>
                            <th scope="col" class="num">"Before"</th>
                            <th scope="col" class="num">"After"</th>
                        </tr>
                    </thead>
                    <tbody>
                        <tr>
                            <th scope="row">"Each under its own settings"</th>
                            <td class="num">{display::score(r.own.before)}</td>
                            <td class="num">{display::score(r.own.after)}</td>
                        </tr>
                        <tr>
                            <th scope="row">{format!("Both under {settings}")}</th>
                            <td class="num">{display::score(r.under_after.before)}</td>
                            <td class="num">{display::score(r.under_after.after)}</td>
                        </tr>
                        {r.under_current.clone().map(|current| {
                            view! {
                                <tr>
                                    <th scope="row">"Both under the current settings"</th>
                                    <td class="num">{display::score(current.before)}</td>
                                    <td class="num">{display::score(current.after)}</td>
                                </tr>
                            }
                        })}
                    </tbody>
                </table>
            </div>
        }
    });
    view! {
        {different}
        {rescored}
    }
}

/// Every category of either side, with its change.
fn categories(c: &Comparison) -> impl IntoView {
    let rows = c
        .categories
        .iter()
        .map(|k| {
            let note = match k.presence {
                Presence::Added => " (added)",
                Presence::Removed => " (removed)",
                Presence::Both => "",
            };
            view! {
                <tr class=k.is_changed().then_some("changed")>
                    <th scope="row">{k.name.clone()} {note}</th>
                    <td class="num">{display::score(k.before)}</td>
                    <td class="num">{display::score(k.after)}</td>
                    <td class="num">{score_change(&Change { before: k.before, after: k.after })}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h3>"Categories"</h3>
        <div class="table-scroll">
            <table class="comparison-table" data-testid="category-changes">
                <thead>
                    <tr>
                        <th scope="col">"Category"</th>
                        <th scope="col" class="num">"Before"</th>
                        <th scope="col" class="num">"After"</th>
                        <th scope="col" class="num">"Change"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// A gap named by its title (its id when it has none), as a link that
/// opens it on the Gaps tab when the comparison is of the open assessment
/// (either side has its id) and the gap is one of its gaps as it is now:
/// between two milestones too, and a blocker closed since.
fn gap_name(gap: &GapFacts, editor: Editor, c: &Comparison) -> AnyView {
    let name = if gap.title.trim().is_empty() { gap.id.clone() } else { gap.title.clone() };
    let linked = editor.with_untracked(|a| (c.ids.before == a.id || c.ids.after == a.id) && a.gap(&gap.id).is_some());
    if linked {
        view! { <a href=gap_href(editor, &gap.id)>{name}</a> }.into_any()
    } else {
        view! { <span>{name}</span> }.into_any()
    }
}

fn blockers(c: &Comparison, editor: Editor) -> impl IntoView {
    let (opened, closed) = (&c.blockers.opened, &c.blockers.closed);
    let item = |what: &'static str, gap: &GapFacts| {
        view! {
            <li>
                {what} " " {gap_name(gap, editor, c)} " " <code class="path">{gap.id.clone()}</code>
            </li>
        }
    };
    let items =
        (opened.iter().map(|g| item("Opened:", g))).chain(closed.iter().map(|g| item("Closed:", g))).collect_view();
    view! {
        <h3>{format!("Blockers: {} opened, {} closed", opened.len(), closed.len())}</h3>
        <ul class="comparison-list" data-testid="blocker-changes">
            {items}
        </ul>
    }
}

fn gaps(c: &Comparison, before: &Assessment, after: &Assessment, editor: Editor) -> impl IntoView {
    let g = &c.gaps;
    let row = |what: &'static str, gap: &GapFacts, fields: Vec<(&'static str, String)>| {
        view! {
            <tr data-gap=gap.id.clone()>
                <th scope="row">{gap_name(gap, editor, c)} " " <code class="path">{gap.id.clone()}</code></th>
                <td>{what}</td>
                <td>
                    <ul class="comparison-fields">
                        {fields
                            .into_iter()
                            .map(|(field, text)| view! { <li data-field=field>{text}</li> })
                            .collect_view()}
                    </ul>
                </td>
            </tr>
        }
    };
    let facts = |gap: &GapFacts| vec![("", format!("{}, {}", gap.priority, gap.status))];
    let rows = (g.added.iter().map(|gap| row("added", gap, facts(gap))))
        .chain(g.removed.iter().map(|gap| row("removed", gap, facts(gap))))
        .chain(g.changed.iter().map(|change| {
            let fields =
                field_changes(change, before, after).into_iter().map(|f| (f.field.as_str(), f.to_string())).collect();
            row("changed", &change.after, fields)
        }))
        .collect_view();
    let listed = !g.is_empty();
    view! {
        <h3>{format!("Gaps: {} added, {} removed, {} changed", g.added.len(), g.removed.len(), g.changed.len())}</h3>
        {listed
            .then(|| {
                view! {
                    <div class="table-scroll">
                        <table class="comparison-table" data-testid="gap-changes">
                            <thead>
                                <tr>
                                    <th scope="col">"Gap"</th>
                                    <th scope="col">"Change"</th>
                                    <th scope="col">"What"</th>
                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }
            })}
    }
}

/// What happened to a phase that changed.
fn phase_line(phase: &PhaseChange, c: &Comparison) -> Option<String> {
    Some(match (&phase.before, &phase.after) {
        (None, Some(a)) => format!("Added: {} ({})", a.name, phase_weeks(a)),
        (Some(b), None) => format!("Removed: {} ({})", b.name, phase_weeks(b)),
        (Some(b), Some(a)) => {
            let mut what = Vec::new();
            if b.name != a.name {
                what.push(format!("renamed from \u{201c}{}\u{201d}", b.name));
            }
            if phase.is_retimed() {
                what.push(format!("re-timed, {} → {}", phase_weeks(b), phase_weeks(a)));
            }
            if phase.is_recosted() {
                what.push(format!(
                    "cost {}",
                    money_change(&Change { before: b.total, after: a.total }, &c.currency, ["unknown"; 2])
                ));
            }
            if phase.is_restaffed() {
                what.push("team changed".to_string());
            }
            format!("Changed: {}: {}", a.name, what.join("; "))
        }
        (None, None) => return None,
    })
}

fn roadmap(c: &Comparison) -> impl IntoView {
    let phases = c
        .phases
        .iter()
        .filter(|p| p.is_changed())
        .filter_map(|p| phase_line(p, c))
        .map(|line| view! { <li>{line}</li> });
    let none = |d: Option<Bounds>| if d.is_some() { "unknown" } else { "no roadmap" };
    let total = money_change(&c.total, &c.currency, [none(c.duration_weeks.before), none(c.duration_weeks.after)]);
    let duration = |d: Option<Bounds>| d.map_or("no roadmap".to_string(), |d| display::range(d.min, d.max));
    view! {
        <h3>"Roadmap"</h3>
        <ul class="comparison-list" data-testid="roadmap-changes">
            {phases.collect_view()}
        </ul>
        <dl class="comparison-headline">
            <div>
                <dt>"Total cost"</dt>
                <dd>{total}</dd>
            </div>
            <div>
                <dt>"Duration"</dt>
                <dd>{format!("{} → {} weeks", duration(c.duration_weeks.before), duration(c.duration_weeks.after))}</dd>
            </div>
        </dl>
    }
}

fn kpis(c: &Comparison) -> Option<impl IntoView> {
    if c.kpis.is_empty() {
        return None;
    }
    let value = |kpi: &KpiChange, v: Option<f64>| match v {
        // As `gapmap diff` writes them.
        Some(v) if kpi.unit.is_empty() => format!("{v}"),
        Some(v) => format!("{v} {}", kpi.unit),
        None => "—".to_string(),
    };
    let rows = c
        .kpis
        .iter()
        .map(|kpi| {
            let movement = match (kpi.presence, kpi.movement()) {
                (Presence::Added, _) => "added",
                (Presence::Removed, _) => "removed",
                (_, KpiMovement::Improved) => "better",
                (_, KpiMovement::Worsened) => "worse",
                (_, KpiMovement::Unchanged) => "no change",
                (_, KpiMovement::Unknown) => "",
            };
            view! {
                <tr>
                    <th scope="row">{kpi.name.clone()}</th>
                    <td class="num">{value(kpi, kpi.current.before)}</td>
                    <td class="num">{value(kpi, kpi.current.after)}</td>
                    <td>{movement}</td>
                </tr>
            }
        })
        .collect_view();
    Some(view! {
        <h3>"KPIs"</h3>
        <div class="table-scroll">
            <table class="comparison-table" data-testid="kpi-changes">
                <thead>
                    <tr>
                        <th scope="col">"KPI"</th>
                        <th scope="col" class="num">"Before"</th>
                        <th scope="col" class="num">"After"</th>
                        <th scope="col">"Movement"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    })
}
