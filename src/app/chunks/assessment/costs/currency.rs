//! The currency of every amount in the assessment: common ones by name,
//! and whatever code the file has.

use leptos::prelude::*;

use crate::app::chunks::assessment::editor::use_editor;
use crate::app::chunks::assessment::figures::use_currency;
use crate::app::chunks::fields::Select;

/// The currencies offered, by ISO 4217 code, with their names.
const CURRENCIES: &[(&str, &str)] = &[
    ("USD", "US dollar"),
    ("EUR", "Euro"),
    ("GBP", "Pound sterling"),
    ("CHF", "Swiss franc"),
    ("JPY", "Japanese yen"),
    ("CAD", "Canadian dollar"),
    ("AUD", "Australian dollar"),
    ("INR", "Indian rupee"),
    ("CNY", "Chinese yuan"),
    ("SEK", "Swedish krona"),
    ("NOK", "Norwegian krone"),
    ("DKK", "Danish krone"),
    ("PLN", "Polish złoty"),
    ("CZK", "Czech koruna"),
    ("NZD", "New Zealand dollar"),
    ("SGD", "Singapore dollar"),
    ("HKD", "Hong Kong dollar"),
    ("BRL", "Brazilian real"),
    ("MXN", "Mexican peso"),
    ("ZAR", "South African rand"),
];

/// The currency of every amount in the assessment.
#[component]
pub(super) fn Currency() -> impl IntoView {
    let editor = use_editor();
    let currency = use_currency();
    // The code the file has stays on the list even when it is not a common one.
    let options = Memo::new(move |_| {
        let current = currency.get();
        let mut options: Vec<(String, String)> =
            CURRENCIES.iter().map(|(code, name)| (code.to_string(), format!("{code} — {name}"))).collect();
        if !CURRENCIES.iter().any(|(code, _)| *code == current) {
            options.insert(0, (current.clone(), current));
        }
        options
    });
    let on_change = Callback::new(move |code: String| editor.edit(None, |a| a.currency = code));
    view! {
        <section class="section costs-currency" aria-labelledby="currency-heading">
            <h2 id="currency-heading">"Currency"</h2>
            <div class="currency-row">
                {move || {
                    view! {
                        <Select
                            label="Currency"
                            options=options.get()
                            value=Signal::derive(move || currency.get())
                            on_change
                        />
                    }
                }}
                <p class="hint">
                    "Every amount in this assessment (rates, costs, totals) is in this currency. Changing it converts nothing."
                </p>
            </div>
        </section>
    }
}
