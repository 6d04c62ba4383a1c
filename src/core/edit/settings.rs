//! The settings as a whole: reset to their defaults (which puts back the
//! default readiness levels, a list) and put back what a reset replaced.
//! Keys of a newer format version stay through a reset: they are not
//! settings this version knows the defaults of.

use crate::core::model::{Assessment, Settings};

/// The defaults, with the newer keys of `settings`.
fn defaults(settings: &Settings) -> Settings {
    Settings { extra: settings.extra.clone(), ..Settings::default() }
}

/// Whether the settings of `a` are the defaults already, so that a reset
/// would change nothing.
pub fn settings_are_defaults(a: &Assessment) -> bool {
    a.settings == defaults(&a.settings)
}

/// Resets the settings of `a` to the defaults; returns the settings it
/// replaced, which [`restore_settings`] puts back.
pub fn reset_settings(a: &mut Assessment) -> Settings {
    let reset = defaults(&a.settings);
    std::mem::replace(&mut a.settings, reset)
}

/// Puts back the settings `before` that [`reset_settings`] replaced.
/// Running it again, or after the editor's own undo, changes nothing.
pub fn restore_settings(a: &mut Assessment, before: Settings) {
    a.settings = before;
}
