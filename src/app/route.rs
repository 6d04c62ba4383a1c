//! Where the user is: the library, or a tab of an open assessment, kept in the
//! URL's fragment (`#/a/<id>/gaps`, or `#/a/<id>/gaps/<gap>` for one gap open
//! in the editor). The fragment never reaches a server, works
//! under any sub-path and on file://, and survives a reload of any view.

use std::sync::Arc;

use leptos::prelude::*;

/// The tabs of an open assessment, in the order they are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    Overview,
    /// "Next steps": the quick wins and the cheapest path to ready.
    Next,
    Gaps,
    Roadmap,
    Costs,
    KpisRisks,
    /// Milestones and the comparison of two states.
    History,
    Report,
    Settings,
}

impl Tab {
    /// Every tab, in order.
    pub const ALL: [Tab; 9] = [
        Tab::Overview,
        Tab::Next,
        Tab::Gaps,
        Tab::Roadmap,
        Tab::Costs,
        Tab::KpisRisks,
        Tab::History,
        Tab::Report,
        Tab::Settings,
    ];

    /// The tab's name as users see it.
    pub fn label(self) -> &'static str {
        match self {
            Tab::Overview => "Overview",
            Tab::Next => "Next steps",
            Tab::Gaps => "Gaps",
            Tab::Roadmap => "Roadmap",
            Tab::Costs => "Costs",
            Tab::KpisRisks => "KPIs & risks",
            Tab::History => "History",
            Tab::Report => "Report",
            Tab::Settings => "Settings",
        }
    }

    /// The tab's part of the URL.
    pub fn slug(self) -> &'static str {
        match self {
            Tab::Overview => "overview",
            Tab::Next => "next",
            Tab::Gaps => "gaps",
            Tab::Roadmap => "roadmap",
            Tab::Costs => "costs",
            Tab::KpisRisks => "kpis-risks",
            Tab::History => "history",
            Tab::Report => "report",
            Tab::Settings => "settings",
        }
    }

    fn from_slug(slug: &str) -> Option<Tab> {
        Tab::ALL.into_iter().find(|tab| tab.slug() == slug)
    }
}

/// A place in the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Library,
    /// Every assessment at once (`#/portfolio`).
    Portfolio,
    Assessment {
        id: String,
        tab: Tab,
    },
}

impl Route {
    /// Reads a URL fragment (with or without its `#`); anything unknown is the library.
    pub fn parse(hash: &str) -> Route {
        let mut parts = parts(hash);
        match (parts.next(), parts.next(), parts.next()) {
            (Some("a"), Some(id), tab) if !id.is_empty() => {
                Route::Assessment { id: decode(id), tab: tab.and_then(Tab::from_slug).unwrap_or(Tab::Overview) }
            }
            (Some("portfolio"), _, _) => Route::Portfolio,
            _ => Route::Library,
        }
    }

    /// The URL fragment of this place, with its `#`.
    pub fn href(&self) -> String {
        match self {
            Route::Library => "#/".to_string(),
            Route::Portfolio => "#/portfolio".to_string(),
            Route::Assessment { id, tab } => format!("#/a/{}/{}", encode(id), tab.slug()),
        }
    }
}

/// The address of one gap of an assessment: its Gaps tab with the gap
/// open in the editor (`#/a/<id>/gaps/<gap>`).
pub fn gap_href(id: &str, gap: &str) -> String {
    format!("{}/{}", Route::Assessment { id: id.to_string(), tab: Tab::Gaps }.href(), encode(gap))
}

/// The gap that the address names (`#/a/<id>/gaps/<gap>`), if any.
pub fn linked_gap() -> Option<String> {
    linked_gap_in(&current_hash())
}

/// The parts of a URL fragment's path (with or without its `#`).
fn parts(hash: &str) -> std::str::Split<'_, char> {
    hash.trim_start_matches('#').trim_start_matches('/').split('/')
}

fn linked_gap_in(hash: &str) -> Option<String> {
    let mut parts = parts(hash);
    match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some("a"), Some(id), Some("gaps"), Some(gap)) if !id.is_empty() && !gap.is_empty() => Some(decode(gap)),
        _ => None,
    }
}

/// Takes the gap out of the address, leaving the Gaps tab's own, without a
/// new entry in the history: a reload does not open the gap again.
pub fn forget_linked_gap() {
    let hash = current_hash();
    if linked_gap_in(&hash).is_none() {
        return;
    }
    if let (Some(cut), Ok(history)) = (hash.rfind('/'), window().history()) {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&hash[..cut]));
    }
}

fn encode(text: &str) -> String {
    String::from(js_sys::encode_uri_component(text))
}

fn decode(text: &str) -> String {
    js_sys::decode_uri_component(text).map(String::from).unwrap_or_else(|_| text.to_string())
}

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// How the user would leave the open assessment.
#[derive(Clone, Copy, Debug)]
pub enum Leaving<'a> {
    /// For another place in the app: a link, the Back button or a typed
    /// address changed the URL.
    To(&'a Route),
    /// By reloading the page, to take an update (`offline::UpdatePrompt`).
    Reload,
}

/// Whether the open assessment may be left (`false` keeps the user where
/// they are): set by the open editor, asked before the route follows a
/// changed URL and before the app reloads itself.
type Check = Arc<dyn Fn(Leaving<'_>) -> bool + Send + Sync>;

/// The check on leaving an open assessment, from context.
#[derive(Clone, Copy)]
pub struct LeaveGuard {
    check: StoredValue<Option<Check>>,
    /// One navigation the user confirmed anyway ("Leave anyway").
    waived: StoredValue<bool>,
}

impl LeaveGuard {
    /// Sets the check (one at a time: the open editor's).
    pub fn set(&self, check: impl Fn(Leaving<'_>) -> bool + Send + Sync + 'static) {
        self.check.set_value(Some(Arc::new(check)));
    }

    /// Takes the check away (the editor closes).
    pub fn clear(&self) {
        // The app may be going away with the editor.
        let _ = self.check.try_set_value(None);
    }

    /// Goes to `route` once, whatever the check says.
    pub fn leave_anyway(&self, route: &Route) {
        self.waived.set_value(true);
        navigate(route);
    }

    fn allows(&self, route: &Route) -> bool {
        if self.waived.try_get_value().unwrap_or(false) {
            self.waived.set_value(false);
            return true;
        }
        self.asks(Leaving::To(route))
    }

    /// Whether the app may reload itself now (the open editor saves first,
    /// and refuses when that failed).
    pub fn allows_reload(&self) -> bool {
        self.asks(Leaving::Reload)
    }

    fn asks(&self, leaving: Leaving<'_>) -> bool {
        match self.check.try_get_value().flatten() {
            Some(check) => check(leaving),
            None => true,
        }
    }
}

/// The current route, following the URL as it changes, unless the
/// [`LeaveGuard`] (provided here, and returned for the update prompt) keeps
/// the user in the open assessment: then the URL is put back as it was,
/// without a new history entry.
pub fn use_route() -> (ReadSignal<Route>, LeaveGuard) {
    let (route, set_route) = signal(Route::parse(&current_hash()));
    let guard = LeaveGuard { check: StoredValue::new(None), waived: StoredValue::new(false) };
    provide_context(guard);
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        let next = Route::parse(&current_hash());
        let current = route.get_untracked();
        let leaving = match (&current, &next) {
            (Route::Assessment { id, .. }, Route::Assessment { id: next_id, .. }) => id != next_id,
            (Route::Assessment { .. }, Route::Library | Route::Portfolio) => true,
            (Route::Library | Route::Portfolio, _) => false,
        };
        if leaving && !guard.allows(&next) {
            if let Ok(history) = window().history() {
                let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&current.href()));
            }
            return;
        }
        set_route.set(next);
    });
    on_cleanup(move || handle.remove());
    (route, guard)
}

/// Goes to a place, adding it to the browser's history.
pub fn navigate(route: &Route) {
    let _ = window().location().set_hash(&route.href());
}
