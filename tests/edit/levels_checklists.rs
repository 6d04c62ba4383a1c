//! The lists without ids: the settings' levels and a gap's checklist, with
//! lines alike that undo must tell apart.

use super::*;

#[test]
fn levels_are_added_and_removed() {
    let a = base();
    let count = a.settings.levels.len();
    check(
        "add",
        &a,
        |a| {
            assert_eq!(add_level(a), count);
            reverse(move |a| {
                remove_level(a, count);
            })
        },
        &changed(&a, |a| a.settings.levels.push(level(0.0, "New level"))),
    );
    for position in 0..count {
        check(
            &format!("remove level {position}"),
            &a,
            |a| {
                let removed = remove_level(a, position).expect("a level there");
                restore(move |a| restore_level(a, removed.clone()))
            },
            &changed(&a, |a| {
                a.settings.levels.remove(position);
            }),
        );
    }
    let alike = changed(&a, |a| a.settings.levels = vec![level(50.0, "Ready"), level(50.0, "Ready")]);
    check(
        "remove one of two levels alike",
        &alike,
        |a| {
            let removed = remove_level(a, 0).expect("a level there");
            restore(move |a| restore_level(a, removed.clone()))
        },
        &changed(&alike, |a| {
            a.settings.levels.remove(0);
        }),
    );
    check(
        "remove what is not there",
        &a,
        |a| {
            assert_eq!(remove_level(a, count), None);
            Undo::Unchanged
        },
        &a,
    );
}

#[test]
fn a_checklist_is_added_to_reordered_and_removed_from() {
    let a = base();
    fn items(a: &mut Assessment) -> &mut Vec<Item> {
        &mut a.gaps[2].items
    }
    check(
        "add",
        &a,
        |a| {
            assert_eq!(add_item(&mut a.gaps[2]), 4);
            reverse(|a| {
                remove_item(&mut a.gaps[2], 4);
            })
        },
        &changed(&a, |a| items(a).push(Item::new("", false))),
    );
    for position in 0..4 {
        check(
            &format!("remove item {position} (the last two are alike)"),
            &a,
            |a| {
                let removed = remove_item(&mut a.gaps[2], position).expect("an item there");
                restore(move |a| restore_item(&mut a.gaps[2], removed.clone()))
            },
            &changed(&a, |a| {
                items(a).remove(position);
            }),
        );
    }
    check(
        "move up",
        &a,
        |a| {
            move_item(&mut a.gaps[2], 1, true);
            reverse(|a| move_item(&mut a.gaps[2], 0, false))
        },
        &changed(&a, |a| items(a).swap(0, 1)),
    );
    check(
        "move down",
        &a,
        |a| {
            move_item(&mut a.gaps[2], 1, false);
            reverse(|a| move_item(&mut a.gaps[2], 2, true))
        },
        &changed(&a, |a| items(a).swap(1, 2)),
    );
    check(
        "no move past either end, nor of what is not there",
        &a,
        |a| {
            move_item(&mut a.gaps[2], 0, true);
            move_item(&mut a.gaps[2], 3, false);
            move_item(&mut a.gaps[2], 5, true);
            assert_eq!(remove_item(&mut a.gaps[0], 0), None);
            Undo::Unchanged
        },
        &a,
    );
}
