//! The categories: added with a fresh id, deleted when they have no gaps or
//! when their gaps move, refused otherwise with the reason the user reads,
//! and put back with their gaps.

use super::*;

#[test]
fn categories_are_added_and_deleted_unless_their_gaps_stay() {
    let a = base();
    check(
        "add",
        &a,
        |a| {
            assert_eq!(add_category(a, "New category"), "cat-4");
            reverse(|a| {
                remove_category(a, 3, None).expect("the new category");
            })
        },
        &changed(&a, |a| a.categories.push(Category::new("cat-4", "New category"))),
    );
    check(
        "delete one without gaps",
        &a,
        |a| {
            let removed = remove_category(a, 2, None).expect("no gaps");
            restore(move |a| restore_category(a, removed.clone()))
        },
        &changed(&a, |a| {
            a.categories.remove(2);
        }),
    );
    check(
        "delete one, moving its gaps",
        &a,
        |a| {
            let removed = remove_category(a, 0, Some("cat-2")).expect("gaps moved");
            assert_eq!(removed.moved, [(0, "gap-1".to_string()), (1, "gap-2".to_string())]);
            restore(move |a| restore_category(a, removed.clone()))
        },
        &changed(&a, |a| {
            a.categories.remove(0);
            a.gaps[0].category = "cat-2".into();
            a.gaps[1].category = "cat-2".into();
        }),
    );
    check(
        "refused: it has gaps",
        &a,
        |a| {
            refused(
                remove_category(a, 0, None),
                "\u{201c}Security\u{201d} still has 2 gaps. A category with gaps cannot be deleted: move them to another category first.",
            )
        },
        &a,
    );
    let lonely = changed(&a, |a| {
        a.categories.truncate(1);
        a.gaps.truncate(1);
    });
    check(
        "refused: it has gaps and there is no other category",
        &lonely,
        |a| {
            refused(
                remove_category(a, 0, None),
                "\u{201c}Security\u{201d} still has 1 gap, and there is no other category to move them to. Add a category first, or delete its gaps on the Gaps tab.",
            )
        },
        &lonely,
    );
    check(
        "refused: moving its gaps to itself",
        &a,
        |a| {
            refused(
                remove_category(a, 0, Some("cat-1")),
                "There is no other category \u{201c}cat-1\u{201d} to move the gaps to.",
            )
        },
        &a,
    );
    check(
        "refused: moving its gaps to no category",
        &a,
        |a| {
            refused(
                remove_category(a, 0, Some("cat-9")),
                "There is no other category \u{201c}cat-9\u{201d} to move the gaps to.",
            )
        },
        &a,
    );
    check(
        "refused: no category there",
        &a,
        |a| refused(remove_category(a, 3, None), "That category is gone already."),
        &a,
    );
    check(
        "a category added since takes the id: the restore does nothing",
        &a,
        |a| {
            let removed = remove_category(a, 2, None).expect("no gaps");
            assert_eq!(add_category(a, "New category"), "cat-3");
            restore_category(a, removed.clone());
            restore_category(a, removed);
            Undo::Over
        },
        &changed(&a, |a| a.categories[2].name = "New category".into()),
    );
    check(
        "a gap moved again since stays where it went",
        &a,
        |a| {
            let removed = remove_category(a, 0, Some("cat-2")).expect("gaps moved");
            a.gaps[0].category = "cat-3".into();
            restore_category(a, removed.clone());
            restore_category(a, removed);
            Undo::Over
        },
        &changed(&a, |a| a.gaps[0].category = "cat-3".into()),
    );
}
