//! The lists set as a whole: the assessors, and the settings (with their
//! readiness levels) reset to the defaults and put back.

use super::*;

#[test]
fn the_assessors_are_set_as_a_whole() {
    let a = base();
    check(
        "set",
        &a,
        |a| {
            assert!(set_assessors(a, comma_separated("Ana, Ben")).is_empty());
            reverse(|a| assert_eq!(set_assessors(a, Vec::new()), ["Ana", "Ben"]))
        },
        &changed(&a, |a| a.assessors = vec!["Ana".into(), "Ben".into()]),
    );
    let named = changed(&a, |a| a.assessors = vec!["Ana".into()]);
    check(
        "clear",
        &named,
        |a| {
            let before = set_assessors(a, Vec::new());
            reverse(move |a| {
                set_assessors(a, before);
            })
        },
        &a,
    );
}

#[test]
fn the_settings_are_reset_to_the_defaults_keeping_newer_keys() {
    let a = base();
    assert!(settings_are_defaults(&a));
    let newer = |a: &mut Assessment| {
        a.settings.extra.insert("future_setting".into(), serde_json::json!(3));
    };
    let tuned = changed(&a, |a| {
        a.settings.levels.remove(0);
        a.settings.levels[0].label = "Live".into();
        a.settings.partial_credit = 0.25;
        a.settings.blended_daily_rate = Some(600.0);
        newer(a);
    });
    assert!(!settings_are_defaults(&tuned));
    check(
        "reset: the levels and numbers are the defaults again, a newer key stays",
        &tuned,
        |a| {
            let before = reset_settings(a);
            restore(move |a| restore_settings(a, before.clone()))
        },
        &changed(&a, newer),
    );
    let only_newer = changed(&a, newer);
    assert!(settings_are_defaults(&only_newer), "a newer key is not a setting to reset");
    check(
        "reset the defaults",
        &only_newer,
        |a| {
            reset_settings(a);
            Undo::Unchanged
        },
        &only_newer,
    );
}
