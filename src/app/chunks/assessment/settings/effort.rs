//! The settings of effort and cost: hours per day, days per week, and the
//! blended daily rate (with the rate the roles give when it is blank).

use leptos::prelude::*;

use super::setting::{problem_at, FieldProblem, NumberSetting};
use crate::app::chunks::assessment::editor::use_editor;
use crate::app::chunks::fields::NumberField;
use crate::core::present::display;

/// Hours per day, days per week and the blended daily rate.
#[component]
pub(super) fn EffortSettings() -> impl IntoView {
    let editor = use_editor();
    // A memo, so that the field is rebuilt only when the currency changes.
    let currency = Memo::new(move |_| editor.with(|a| a.currency.clone()));
    let rate_help = move || {
        let (rate, blended) = editor.summary.with(|s| (s.daily_rate, s.daily_rate_is_blended));
        let rate = match rate {
            Some(rate) => display::money(rate, &currency.get()),
            None => editor.summary.with(|s| display::unknown_rates(&s.bottom_up_unknown_rates)),
        };
        if blended {
            format!("The cost of one person-day in the bottom-up estimate ({rate}); blank uses the roles' mean.")
        } else {
            format!(
                "The cost of one person-day in the bottom-up estimate; blank (now) uses the roles' mean weekly rate ÷ days per week: {rate}."
            )
        }
    };
    view! {
        <section class="section" aria-labelledby="settings-effort">
            <h2 id="settings-effort">"Effort and cost"</h2>
            <div class="card settings-grid">
                <NumberSetting
                    label="Hours per day"
                    path="hours_per_day"
                    read=|s| s.hours_per_day
                    write=|s, v| s.hours_per_day = v
                    above=0.0
                    max=24.0
                    help="Turns efforts given in hours into person-days."
                />
                <NumberSetting
                    label="Days per week"
                    path="days_per_week"
                    read=|s| s.days_per_week
                    write=|s, v| s.days_per_week = v
                    above=0.0
                    max=7.0
                    help="Turns weeks into person-days: efforts in weeks and each phase's capacity."
                />
                <div class="setting">
                    {move || {
                        view! {
                            <NumberField
                                label="Blended daily rate"
                                min=0.0
                                unit=currency.get()
                                value=Signal::derive(move || editor.with(|a| a.settings.blended_daily_rate))
                                on_change=Callback::new(move |v: Option<f64>| {
                                    editor.edit(Some("settings:blended_daily_rate"), |a| a.settings.blended_daily_rate = v)
                                })
                            />
                        }
                    }}
                    <FieldProblem problem=problem_at(editor, || "settings.blended_daily_rate".to_string()) />
                    <p class="setting-help">{rate_help}</p>
                </div>
            </div>
        </section>
    }
}
