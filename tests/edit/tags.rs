//! A gap's tags: added several at once from what is typed in one field,
//! each only once, and removed one by one; and how a typed list splits.

use super::*;

#[test]
fn a_typed_list_splits_at_commas_without_blanks() {
    let cases: &[(&str, &[&str])] = &[
        ("Ana, Ben ,, Chloé", &["Ana", "Ben", "Chloé"]),
        ("one", &["one"]),
        ("a,b,", &["a", "b"]),
        ("  two words , x ", &["two words", "x"]),
        ("", &[]),
        (" , ,", &[]),
    ];
    for (typed, expected) in cases {
        assert_eq!(comma_separated(typed), *expected, "{typed:?}");
    }
}

#[test]
fn tags_are_added_once_and_removed() {
    let a = base();
    check(
        "add two",
        &a,
        |a| {
            assert_eq!(add_tags(&mut a.gaps[0], comma_separated("ops, db")), 2);
            reverse(|a| {
                remove_tag(&mut a.gaps[0], 1);
                remove_tag(&mut a.gaps[0], 0);
            })
        },
        &changed(&a, |a| a.gaps[0].tags = vec!["ops".into(), "db".into()]),
    );
    let tagged = changed(&a, |a| a.gaps[0].tags = vec!["ops".into()]);
    check(
        "a tag there already, and one typed twice, are added once",
        &tagged,
        |a| {
            assert_eq!(add_tags(&mut a.gaps[0], comma_separated("ops, db, db")), 1);
            reverse(|a| {
                remove_tag(&mut a.gaps[0], 1);
            })
        },
        &changed(&tagged, |a| a.gaps[0].tags.push("db".into())),
    );
    check(
        "add none",
        &tagged,
        |a| {
            assert_eq!(add_tags(&mut a.gaps[0], comma_separated(" , ")), 0);
            assert_eq!(add_tags(&mut a.gaps[0], comma_separated("ops")), 0);
            Undo::Unchanged
        },
        &tagged,
    );
    // A file may repeat a tag; undo must tell the two apart.
    let repeated = changed(&a, |a| a.gaps[0].tags = vec!["ops".into(), "db".into(), "ops".into()]);
    for position in 0..3 {
        check(
            &format!("remove tag {position} (the first and last are alike)"),
            &repeated,
            |a| {
                let removed = remove_tag(&mut a.gaps[0], position).expect("a tag there");
                restore(move |a| restore_tag(&mut a.gaps[0], removed.clone()))
            },
            &changed(&repeated, |a| {
                a.gaps[0].tags.remove(position);
            }),
        );
    }
    check(
        "remove what is not there",
        &tagged,
        |a| {
            assert_eq!(remove_tag(&mut a.gaps[0], 1), None);
            assert_eq!(remove_tag(&mut a.gaps[1], 0), None);
            Undo::Unchanged
        },
        &tagged,
    );
}
