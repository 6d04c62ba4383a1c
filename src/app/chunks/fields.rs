//! Labelled form fields. Each shows what is wrong with what was typed right at
//! the field, and calls `on_change` only with a value that makes sense: a
//! letter in a number or a minimum above its maximum never reaches the
//! assessment.

use leptos::prelude::*;

use crate::app::dialog::unique_id;
use crate::core::model::Keyword;
use crate::core::present::display::{self, parse_number};

/// The label of a field: visible, or only for screen readers in dense tables.
fn label_class(hide: bool) -> &'static str {
    if hide {
        "visually-hidden"
    } else {
        "field-label"
    }
}

/// A one-line text field.
#[component]
pub(super) fn TextField(
    #[prop(into)] label: String,
    #[prop(into)] value: Signal<String>,
    on_change: Callback<String>,
    #[prop(optional)] hide_label: bool,
    #[prop(optional)] required: bool,
    #[prop(optional, into)] placeholder: String,
) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let error_id = unique_id("error");
    let field_label = label.clone();
    // The input's name is its label alone: the error text inside the
    // <label> must not become part of it.
    let name = label.clone();
    view! {
        <label class="field">
            <span class=label_class(hide_label)>{label}</span>
            <input
                class="input"
                type="text"
                aria-label=name
                placeholder=placeholder
                prop:value=move || value.get()
                aria-invalid=move || error.get().is_some().to_string()
                aria-describedby=error_id.clone()
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    if required && text.trim().is_empty() {
                        error.set(Some(format!("{field_label} cannot be empty.")));
                    } else {
                        error.set(None);
                        on_change.run(text);
                    }
                }
                on:blur=move |_| error.set(None)
            />
            <FieldError id=error_id error />
        </label>
    }
}

/// A multi-line text field.
#[component]
pub(super) fn TextArea(
    #[prop(into)] label: String,
    #[prop(into)] value: Signal<String>,
    on_change: Callback<String>,
    #[prop(optional)] hide_label: bool,
    #[prop(default = 3)] rows: u32,
) -> impl IntoView {
    let name = label.clone();
    view! {
        <label class="field">
            <span class=label_class(hide_label)>{label}</span>
            <textarea
                class="input"
                aria-label=name
                rows=rows
                prop:value=move || value.get()
                on:input=move |ev| on_change.run(event_target_value(&ev))
            ></textarea>
        </label>
    }
}

/// The message under a field, announced when it appears.
#[component]
fn FieldError(id: String, error: RwSignal<Option<String>>) -> impl IntoView {
    view! {
        <span id=id class="field-error" role="alert">
            {move || error.get()}
        </span>
    }
}

/// Checks a number against its bounds (`above` is a bound it must exceed);
/// the sentence says what is wrong.
fn check_bounds(value: f64, min: Option<f64>, above: Option<f64>, max: Option<f64>) -> Result<f64, String> {
    match (min, above, max) {
        (Some(min), _, _) if value < min => Err(format!("Must be at least {}.", display::number(min))),
        (_, Some(above), _) if value <= above => Err(format!("Must be more than {}.", display::number(above))),
        (_, _, Some(max)) if value > max => Err(format!("Must be at most {}.", display::number(max))),
        _ => Ok(value),
    }
}

fn shown(value: Option<f64>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// A number field. While the text typed is not a number within bounds, the
/// field says so and the value stays as it was.
#[component]
pub(super) fn NumberField(
    #[prop(into)] label: String,
    #[prop(into)] value: Signal<Option<f64>>,
    on_change: Callback<Option<f64>>,
    #[prop(optional)] min: Option<f64>,
    #[prop(optional)] max: Option<f64>,
    /// A bound the number must exceed (hours per day: more than 0).
    #[prop(optional)]
    above: Option<f64>,
    /// Blank is refused (else blank means "none").
    #[prop(optional)]
    required: bool,
    #[prop(optional)] hide_label: bool,
    /// Shown after the field: "weeks", "%", "USD".
    #[prop(optional, into)]
    unit: Option<String>,
) -> impl IntoView {
    // What the user is typing, until it leaves the field.
    let draft = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let error_id = unique_id("error");
    let on_input = move |text: String| {
        let parsed = parse_number(&text).and_then(|v| match v {
            None if required => Err("A number is needed here.".to_string()),
            None => Ok(None),
            Some(v) => check_bounds(v, min, above, max).map(Some),
        });
        draft.set(Some(text));
        match parsed {
            Ok(v) => {
                error.set(None);
                on_change.run(v);
            }
            Err(message) => error.set(Some(message)),
        }
    };
    let name = label.clone();
    view! {
        <label class="field field-number">
            <span class=label_class(hide_label)>{label}</span>
            <span class="input-with-unit">
                <input
                    aria-label=name
                    class="input"
                    type="text"
                    inputmode="decimal"
                    prop:value=move || draft.get().unwrap_or_else(|| shown(value.get()))
                    aria-invalid=move || error.get().is_some().to_string()
                    aria-describedby=error_id.clone()
                    on:input=move |ev| on_input(event_target_value(&ev))
                    on:blur=move |_| {
                        // A field that had the cursor when its view went away
                        // (Back from a tab) loses it once its signals are gone.
                        if error.try_with_untracked(Option::is_none).unwrap_or(false) {
                            draft.set(None);
                        }
                    }
                />
                {unit.map(|u| view! { <span class="unit">{u}</span> })}
            </span>
            <FieldError id=error_id error />
        </label>
    }
}

/// Two number fields for a range. A range whose minimum is above its maximum
/// is shown as an error and not saved.
#[component]
pub(super) fn RangeField(
    #[prop(into)] label: String,
    #[prop(into)] value: Signal<(f64, f64)>,
    on_change: Callback<(f64, f64)>,
    #[prop(optional, into)] unit: Option<String>,
    #[prop(optional)] hide_label: bool,
) -> impl IntoView {
    let drafts = RwSignal::new((None::<String>, None::<String>));
    let error = RwSignal::new(None::<String>);
    let error_id = unique_id("error");
    let update = move |which: usize, text: String| {
        drafts.update(|d| if which == 0 { d.0 = Some(text) } else { d.1 = Some(text) });
        let (current_min, current_max) = value.get_untracked();
        let (min_text, max_text) = drafts.get_untracked();
        let read = |text: Option<String>, current: f64| -> Result<f64, String> {
            match text {
                None => Ok(current),
                Some(t) => match parse_number(&t)? {
                    None => Err("Both ends of the range are needed.".to_string()),
                    Some(v) if v < 0.0 => Err("A range cannot be negative.".to_string()),
                    Some(v) => Ok(v),
                },
            }
        };
        let result = read(min_text, current_min).and_then(|min| {
            let max = read(max_text, current_max)?;
            if min > max {
                Err(format!("The minimum {} is above the maximum {}.", display::number(min), display::number(max)))
            } else {
                Ok((min, max))
            }
        });
        match result {
            Ok(range) => {
                error.set(None);
                on_change.run(range);
            }
            Err(message) => error.set(Some(message)),
        }
    };
    let reset = move |_| {
        // As in `NumberField`: the blur may come after the view is gone.
        if error.try_with_untracked(Option::is_none).unwrap_or(false) {
            drafts.set((None, None));
        }
    };
    let label_min = format!("{label}, minimum");
    let label_max = format!("{label}, maximum");
    view! {
        <fieldset class="field field-range">
            <legend class=label_class(hide_label)>{label}</legend>
            <span class="range-inputs">
                <input
                    class="input"
                    type="text"
                    inputmode="decimal"
                    aria-label=label_min
                    prop:value=move || drafts.get().0.unwrap_or_else(|| value.get().0.to_string())
                    aria-invalid=move || error.get().is_some().to_string()
                    aria-describedby=error_id.clone()
                    on:input=move |ev| update(0, event_target_value(&ev))
                    on:blur=reset
                />
                <span aria-hidden="true">"–"</span>
                <input
                    class="input"
                    type="text"
                    inputmode="decimal"
                    aria-label=label_max
                    prop:value=move || drafts.get().1.unwrap_or_else(|| value.get().1.to_string())
                    aria-invalid=move || error.get().is_some().to_string()
                    aria-describedby=error_id.clone()
                    on:input=move |ev| update(1, event_target_value(&ev))
                    on:blur=reset
                />
                {unit.map(|u| view! { <span class="unit">{u}</span> })}
            </span>
            <FieldError id=error_id error />
        </fieldset>
    }
}

/// A select among fixed options, each a (value, label) pair.
#[component]
pub(super) fn Select(
    #[prop(into)] label: String,
    options: Vec<(String, String)>,
    #[prop(into)] value: Signal<String>,
    on_change: Callback<String>,
    #[prop(optional)] hide_label: bool,
) -> impl IntoView {
    // The label wraps the select, so its text includes every option's: the
    // aria-label keeps the name exactly the label, for tests that find the
    // select by its label.
    let name = label.clone();
    // One reactive update for the whole select, not one per option, so that
    // tables with a select in every row stay cheap to draw. The select has no
    // options yet when its properties are first set: the option selected at
    // first is marked in the markup, and later changes set `selectedIndex`
    // (the first option when the value is none of them, as browsers do).
    let values: Vec<String> = options.iter().map(|(option, _)| option.clone()).collect();
    let initial = value.get_untracked();
    let selected_index = move || value.with(|v| values.iter().position(|o| o == v).unwrap_or(0) as i32);
    view! {
        <label class="field">
            <span class=label_class(hide_label)>{label}</span>
            <select
                class="input"
                aria-label=name
                prop:selectedIndex=selected_index
                on:change=move |ev| on_change.run(event_target_value(&ev))
            >
                {options
                    .into_iter()
                    .map(|(option, text)| {
                        let selected = option == initial;
                        view! {
                            <option value=option selected=selected>
                                {text}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}

/// The options of a keyword, labelled as people read them.
pub(super) fn keyword_options<T: Keyword>() -> Vec<(String, String)> {
    T::ALL.iter().map(|k| (k.as_str().to_string(), keyword_label(*k))).collect()
}

/// A keyword as people read it: `not_applicable` → "Not applicable"; `P0` stays.
pub(super) fn keyword_label<T: Keyword>(keyword: T) -> String {
    let text = keyword.as_str().replace('_', " ");
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A select of one keyword (status, priority …).
#[component]
pub(super) fn KeywordSelect<T>(
    #[prop(into)] label: String,
    #[prop(into)] value: Signal<T>,
    on_change: Callback<T>,
    #[prop(optional)] hide_label: bool,
) -> impl IntoView
where
    T: Keyword + Send + Sync,
{
    let options = keyword_options::<T>();
    view! {
        <Select
            label
            hide_label
            options
            value=Signal::derive(move || value.get().as_str().to_string())
            on_change=Callback::new(move |text: String| {
                if let Some(keyword) = T::parse(&text) {
                    on_change.run(keyword);
                }
            })
        />
    }
}

/// A checkbox.
#[component]
pub(super) fn Checkbox(
    #[prop(into)] label: String,
    #[prop(into)] checked: Signal<bool>,
    on_change: Callback<bool>,
    #[prop(optional)] hide_label: bool,
) -> impl IntoView {
    view! {
        <label class="choice">
            <input
                type="checkbox"
                prop:checked=move || checked.get()
                on:change=move |ev| on_change.run(event_target_checked(&ev))
            />
            <span class=label_class(hide_label)>{label}</span>
        </label>
    }
}

/// A date field (`YYYY-MM-DD`, the browser's date picker); emptied, it
/// gives `None`.
#[component]
pub(super) fn DateField(
    #[prop(into)] label: String,
    #[prop(into)] value: Signal<Option<String>>,
    on_change: Callback<Option<String>>,
    #[prop(optional)] hide_label: bool,
) -> impl IntoView {
    let name = label.clone();
    view! {
        <label class="field">
            <span class=label_class(hide_label)>{label}</span>
            <input
                class="input input-date"
                type="date"
                aria-label=name
                prop:value=move || value.get().unwrap_or_default()
                on:change=move |ev| {
                    let text = event_target_value(&ev);
                    on_change.run((!text.trim().is_empty()).then_some(text));
                }
            />
        </label>
    }
}
