//! "How is this computed?" for one quick win: the terms of its gain as the
//! core works them out (`next::gain_terms`): the category's rate, the points
//! of the overall score that one unit of its weighted credit is worth, times
//! the gap's open work, weight × (1 − credit). For a category scored by hand
//! it says that the score moves only when someone restates it. The gap is
//! chosen in a select, the first quick win at first.

use leptos::prelude::*;

use super::gap_link::gap_name;
use super::state::use_next;
use crate::app::chunks::assessment::explain::Explain;
use crate::app::chunks::fields::Select;
use crate::core::numbers::next::{self, GainTerms};
use crate::core::present::display;

/// The disclosure, with the choice of the gap it explains.
#[component]
pub(super) fn ExplainGain() -> impl IntoView {
    let state = use_next();
    let editor = state.editor;
    // The gap explained: the one chosen while it is still open, else the first quick win.
    let explained = Memo::new(move |_| {
        state.summary.with(|s| {
            let chosen = state.explained.get().filter(|i| s.gains.iter().any(|g| g.index == *i));
            chosen.or_else(|| s.gains.first().map(|g| g.index))
        })
    });
    let terms = Memo::new(move |_| {
        explained
            .get()
            .and_then(|i| editor.today.with_value(|today| editor.with(|a| next::gain_terms_as_of(a, i, today))))
    });
    let category = move || {
        explained
            .get()
            .and_then(|i| state.summary.with(|s| s.gains.iter().find(|g| g.index == i).map(|g| g.category.clone())))
    };
    let choice = move || {
        let options: Vec<(String, String)> = state.summary.with(|s| {
            s.gains.iter().map(|g| (g.index.to_string(), format!("{} ({})", gap_name(editor, g.index), g.id))).collect()
        });
        view! {
            <Select
                label="Gap explained"
                options
                value=Signal::derive(move || explained.get().map(|i| i.to_string()).unwrap_or_default())
                on_change=Callback::new(move |value: String| state.explained.set(value.parse().ok()))
            />
        }
    };
    view! {
        <Explain label="a gap's gain">
            {choice}
            {move || terms.get().map(|t| view! { <Terms terms=t category=category().unwrap_or_default() /> })}
        </Explain>
    }
}

/// The sum behind one gain, term by term.
#[component]
fn Terms(terms: GainTerms, category: String) -> impl IntoView {
    let rate_rule = if terms.hand_scored {
        "category weight × (100 − its stated score) ÷ (Σ weight of the categories that have a score × its open work Σ w·(1 − c))"
    } else {
        "category weight × 100 ÷ (Σ weight of the categories that have a score × Σ w of its scored gaps)"
    };
    view! {
        <p>
            "Gain = the category's rate × the gap's open work. The rate is how many points of the overall score "
            "one unit of the category's weighted credit (Σ priority weight × credit) is worth: " {rate_rule} "."
        </p>
        <table class="gain-terms">
            <caption>{format!("The gain of {}, term by term (rounded)", terms.id)}</caption>
            <thead>
                <tr>
                    <th scope="col">"Term"</th>
                    <th scope="col" class="num">"Value"</th>
                </tr>
            </thead>
            <tbody>
                <tr>
                    <th scope="row">{format!("Rate of {category} (points per unit of weighted credit)")}</th>
                    <td class="num">{display::decimals(terms.rate, 4)}</td>
                </tr>
                <tr>
                    <th scope="row">"Priority weight w"</th>
                    <td class="num">{display::number(terms.weight)}</td>
                </tr>
                <tr>
                    <th scope="row">"Credit now c"</th>
                    <td class="num">{display::decimals(terms.credit, 2)}</td>
                </tr>
                <tr>
                    <th scope="row">"Open work w × (1 − c)"</th>
                    <td class="num">{display::decimals(terms.open_work, 2)}</td>
                </tr>
                <tr>
                    <th scope="row">"Gain = rate × open work (points)"</th>
                    <td class="num">{display::decimals(terms.gain, 2)}</td>
                </tr>
            </tbody>
        </table>
        {terms
            .hand_scored
            .then(|| {
                view! {
                    <p class="hint">
                        {category.clone()}
                        " is scored by hand: marking this gap done leaves its stated score as it is, since that score "
                        "moves only when someone restates it. The gain is what the projection counts: the stated score "
                        "moves towards 100 in proportion to the open work closed."
                    </p>
                }
            })}
    }
}
