//! The Costs tab: the assessment's currency, its roles and their weekly
//! rates, the cost of each phase, and the roadmap's totals (labor, one-off,
//! total, annual run-rate, the bottom-up estimate with the daily rate it
//! used, remaining effort and duration).
//!
//! Every figure is read from `editor.summary` and formatted by
//! `core::present::display`; each comes with a "how is this computed" disclosure that
//! lists its terms. The tab adds up nothing itself.
//!
//! One section per file: `currency`, `roles`, `phases`, `totals`; and
//! `estimate`, the Roles' "Estimate rates from stated costs", with its
//! dialog `rate_dialog`.

mod currency;
mod estimate;
mod phases;
mod rate_dialog;
mod roles;
mod totals;

use leptos::prelude::*;

use self::currency::Currency;
use self::phases::PhaseCosts;
use self::roles::Roles;
use self::totals::Totals;
use super::charts::{ChartPatterns, CostChart};

/// The Costs tab.
#[component]
pub(super) fn Costs() -> impl IntoView {
    view! {
        <div class="costs">
            <Currency />
            <Roles />
            <PhaseCosts />
            <Totals />
            <section class="card" aria-labelledby="cost-chart-heading">
                <h2 id="cost-chart-heading">"Costs at a glance"</h2>
                <ChartPatterns />
                <CostChart />
            </section>
        </div>
    }
}
