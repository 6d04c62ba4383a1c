//! App-wide messages: errors (announced with `role="alert"`), confirmations
//! with an optional action such as "Undo", and the problems of a refused
//! import, listed with their paths.

use std::sync::Arc;

use leptos::prelude::*;

/// How a notice reads, and how it is announced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    /// Something failed: announced at once, stays until dismissed.
    Error,
    /// Something happened: announced politely, fades after a while.
    Info,
}

/// One message.
#[derive(Clone)]
pub struct Notice {
    id: u64,
    pub tone: Tone,
    pub title: String,
    pub details: Vec<String>,
    /// A button beside the message ("Undo") and what it does. A plain
    /// closure, not a reactive `Callback`: a notice outlives the row or tab
    /// that raised it, and a `Callback` would be disposed with them.
    pub action: Option<(String, Arc<dyn Fn() + Send + Sync>)>,
}

/// The messages on screen, from context.
#[derive(Clone, Copy)]
pub struct Notices {
    list: RwSignal<Vec<Notice>>,
    next: StoredValue<u64>,
}

/// How long an info notice stays.
const INFO_MS: u64 = 8000;

impl Notices {
    /// No messages yet.
    pub fn new() -> Self {
        Notices { list: RwSignal::new(Vec::new()), next: StoredValue::new(1) }
    }

    fn push(
        &self,
        tone: Tone,
        title: String,
        details: Vec<String>,
        action: Option<(String, Arc<dyn Fn() + Send + Sync>)>,
    ) {
        // The same failure again (a retry that failed the same way, such as a
        // part of the app that still cannot be downloaded) is already on
        // screen: one notice says it, not a pile of them.
        let repeated = tone == Tone::Error
            && self
                .list
                .with_untracked(|list| list.iter().any(|n| n.tone == tone && n.title == title && n.details == details));
        if repeated {
            return;
        }
        let id = self.next.get_value();
        self.next.set_value(id + 1);
        self.list.update(|list| list.push(Notice { id, tone, title, details, action }));
        if tone == Tone::Info {
            let notices = *self;
            set_timeout(move || notices.dismiss(id), std::time::Duration::from_millis(INFO_MS));
        }
    }

    /// Shows an error with its details (such as every problem of a file).
    pub fn error(&self, title: impl Into<String>, details: Vec<String>) {
        self.push(Tone::Error, title.into(), details, None);
    }

    /// Shows an error with a way out, such as "Leave anyway".
    pub fn error_with_action(
        &self,
        title: impl Into<String>,
        details: Vec<String>,
        label: impl Into<String>,
        action: impl Fn() + Send + Sync + 'static,
    ) {
        self.push(Tone::Error, title.into(), details, Some((label.into(), Arc::new(action))));
    }

    /// Shows a confirmation.
    pub fn info(&self, title: impl Into<String>) {
        self.push(Tone::Info, title.into(), Vec::new(), None);
    }

    /// Shows a confirmation with its details, such as the files of an import.
    pub fn info_with_details(&self, title: impl Into<String>, details: Vec<String>) {
        self.push(Tone::Info, title.into(), details, None);
    }

    /// Shows a confirmation with a button, such as "Undo" after a delete.
    pub fn info_with_action(
        &self,
        title: impl Into<String>,
        label: impl Into<String>,
        action: impl Fn() + Send + Sync + 'static,
    ) {
        self.push(Tone::Info, title.into(), Vec::new(), Some((label.into(), Arc::new(action))));
    }

    /// Takes a message off the screen.
    pub fn dismiss(&self, id: u64) {
        // The app may be gone when a timer fires.
        let _ = self.list.try_update(|list| list.retain(|n| n.id != id));
    }
}

impl Default for Notices {
    fn default() -> Self {
        Notices::new()
    }
}

/// The notices, from context.
pub fn use_notices() -> Notices {
    expect_context::<Notices>()
}

/// Where the notices appear.
#[component]
pub fn NoticeArea() -> impl IntoView {
    let notices = use_notices();
    view! {
        <div class="notices">
            <For each=move || notices.list.get() key=|n| n.id let:notice>
                <NoticeView notice />
            </For>
        </div>
    }
}

/// One message, with its details, its action and "Dismiss".
#[component]
fn NoticeView(notice: Notice) -> impl IntoView {
    let notices = use_notices();
    let id = notice.id;
    let (class, role) = match notice.tone {
        Tone::Error => ("notice notice-error", "alert"),
        Tone::Info => ("notice notice-info", "status"),
    };
    let details = (!notice.details.is_empty()).then(|| {
        view! {
            <ul class="notice-details">
                {notice.details.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}
            </ul>
        }
    });
    let action = notice.action.map(|(label, action)| {
        view! {
            <button
                class="button"
                on:click=move |_| {
                    notices.dismiss(id);
                    action();
                }
            >
                {label}
            </button>
        }
    });
    view! {
        <div class=class role=role>
            <div class="notice-body">
                <strong>{notice.title}</strong>
                {details}
            </div>
            {action}
            <button class="button button-quiet" aria-label="Dismiss message" on:click=move |_| notices.dismiss(id)>
                "×"
            </button>
        </div>
    }
}
