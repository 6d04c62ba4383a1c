//! The roles: added, and deleted with their team lines unless another role
//! has their id.

use super::*;

#[test]
fn roles_are_added_and_deleted_with_their_team_lines() {
    let a = base();
    assert_eq!(phases_using_role(&a, "role-1"), ["First", "Second"]);
    assert_eq!(phases_using_role(&a, "role-2"), ["First"]);
    check(
        "add",
        &a,
        |a| {
            assert_eq!(add_role(a), "role-3");
            reverse(|a| {
                remove_role(a, 2);
            })
        },
        &changed(&a, |a| a.roles.push(Role::unpriced("role-3", "Role 3"))),
    );
    check(
        "delete: its team lines go",
        &a,
        |a| {
            let removed = remove_role(a, 0).expect("a role there");
            assert_eq!(removed.role().name, "Developer");
            restore(move |a| restore_role(a, removed.clone()))
        },
        &changed(&a, |a| {
            a.roles.remove(0);
            a.phases[0].team.remove(0);
            a.phases[1].team.clear();
        }),
    );
    let twins = changed(&a, |a| a.roles.push(Role::new("role-1", "Developer again", 3000.0)));
    check(
        "of two roles with one id, delete one: the team lines stay",
        &twins,
        |a| {
            let removed = remove_role(a, 0).expect("a role there");
            restore(move |a| restore_role(a, removed.clone()))
        },
        &changed(&twins, |a| {
            a.roles.remove(0);
        }),
    );
    check(
        "delete what is not there",
        &a,
        |a| {
            assert_eq!(remove_role(a, 2), None);
            Undo::Unchanged
        },
        &a,
    );
}
