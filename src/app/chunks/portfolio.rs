//! The Portfolio screen (`#/portfolio`): every assessment of the library at
//! once, or those with chosen tags or systems, built from the library's
//! index alone (each line keeps its `PortfolioEntry`; only lines that lack
//! one are decoded, once, and written back: `storage::local::portfolio_entries`).
//! Every figure comes from `core::numbers::portfolio::Portfolio`; this
//! screen holds the view state only: the filter, the sort and the category
//! mappings (kept in local storage as a view setting).
//!
//! - `view`: what the parts share (the view state and the portfolio);
//! - `table`: the filter and the sortable table;
//! - `heat_map`: systems × categories, its data table and the mismatches
//!   with their mapping;
//! - `lists`: the weakest categories, the open blockers, the totals and the
//!   downloads.

mod heat_map;
mod lists;
mod table;
mod view;

use leptos::prelude::*;

use self::view::View;
use crate::app::library::state::use_library;
use crate::app::route::Route;
use crate::core::numbers::portfolio::{CategoryMapping, Filter, Portfolio, PortfolioEntry};

/// The view setting that keeps the category mappings: one `from\tto` per line.
const MAPPINGS: &str = "portfolio-mappings";

/// The screen.
pub(super) fn screen() -> AnyView {
    view! { <PortfolioScreen /> }.into_any()
}

fn read_mappings(text: &str) -> Vec<CategoryMapping> {
    text.lines()
        .filter_map(|line| line.split_once('\t'))
        .map(|(from, to)| CategoryMapping { from: from.to_string(), to: to.to_string() })
        .collect()
}

fn write_mappings(mappings: &[CategoryMapping]) -> String {
    mappings.iter().map(|m| format!("{}\t{}", m.from, m.to)).collect::<Vec<_>>().join("\n")
}

#[component]
fn PortfolioScreen() -> impl IntoView {
    let library = use_library();
    let (entries, left_out, failure) = match library.portfolio_entries() {
        Ok(lines) => {
            let total = lines.len();
            let entries: Vec<PortfolioEntry> =
                lines.iter().filter_map(|e| e.portfolio.as_ref().and_then(|line| line.read())).collect();
            (entries.clone(), total - entries.len(), None)
        }
        Err(error) => (Vec::new(), 0, Some(error.to_string())),
    };
    let entries = StoredValue::new(entries);
    let filter = RwSignal::new(Filter::default());
    let mappings = RwSignal::new(library.view_setting(MAPPINGS).map(|t| read_mappings(&t)).unwrap_or_default());
    let portfolio = Memo::new(move |_| {
        let (filter, mappings) = (filter.get(), mappings.get());
        entries.with_value(|e| Portfolio::of(e, &filter, &mappings))
    });
    let view = View {
        entries,
        filter,
        sort: RwSignal::new(None),
        mappings,
        portfolio,
        all_systems: RwSignal::new(false),
        all_blockers: RwSignal::new(false),
    };
    // The mappings outlive the visit: written when they change (not at the first run).
    Effect::new(move |first: Option<()>| {
        let text = write_mappings(&mappings.get());
        if first.is_some() {
            let _ = library.set_view_setting(MAPPINGS, &text);
        }
    });
    let count = entries.with_value(Vec::len);
    view! {
        <div class="portfolio">
            <nav class="crumbs">
                <a href=Route::Library.href()>"\u{2190} Library"</a>
            </nav>
            <h1>"Portfolio"</h1>
            {failure.map(|why| view! { <p class="banner banner-error" role="alert">{why}</p> })}
            {(left_out > 0)
                .then(|| {
                    view! {
                        <p class="note">
                            {format!(
                                "{left_out} stored {} cannot be read and {} left out.",
                                if left_out == 1 { "assessment" } else { "assessments" },
                                if left_out == 1 { "is" } else { "are" },
                            )}
                        </p>
                    }
                })}
            {if count == 0 {
                view! { <p>"The library is empty: import or create assessments to see them here."</p> }.into_any()
            } else {
                view! {
                    <table::Filters view />
                    <table::PortfolioTable view />
                    <lists::Totals view />
                    <heat_map::HeatMapView view />
                    <lists::Weakest view />
                    <lists::Blockers view />
                    <lists::Downloads view />
                }
                    .into_any()
            }}
        </div>
    }
}
