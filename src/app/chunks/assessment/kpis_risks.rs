//! The KPIs & risks tab: the KPIs with their current value and a target after
//! each phase of the roadmap (marked when the current value already meets
//! it), and the risk register, ordered by severity, whose risks link to the
//! gaps that mitigate them.
//!
//! Whether a value meets a target and how severe a risk is are the core's
//! (`core::numbers::kpi`, `core::numbers::risk`); this view only shows them and edits the lists.
//!
//! - `kpis`: the KPI table.
//! - `risks`: the risk register; `severity_order`: its risks, most severe
//!   first; `risk_card`: one risk's editor; `pills`: the colours of a
//!   status and a severity.

mod kpis;
mod pills;
mod risk_card;
mod risks;
mod severity_order;

use leptos::prelude::*;

use self::kpis::KpiEditor;
use self::risks::RiskRegister;

/// The KPIs & risks tab.
#[component]
pub(super) fn KpisRisks() -> impl IntoView {
    view! {
        <div class="kpis-risks">
            <KpiEditor />
            <RiskRegister />
        </div>
    }
}
