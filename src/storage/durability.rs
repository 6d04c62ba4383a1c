//! What the Settings tab says about how safe the user's work is in this
//! browser: how much of the local storage budget is used, whether a larger
//! save would still fit (a new milestone), when each assessment was last
//! exported (its flag key), and the base of a merge, the file as this
//! browser last exported or imported it (its key, and whether keeping it
//! fits the budget). Pure, tested natively; the browser calls live in
//! `local` and the app.

use super::envelope::PREFIX;

/// The key under which the time of an assessment's last export is kept
/// (milliseconds since 1970, as text). It sits beside the assessments'
/// own keys (`gapmap:assessment:<id>`), never among them.
pub fn exported_key(id: &str) -> String {
    format!("{PREFIX}exported:{id}")
}

/// Reads an export time written under [`exported_key`]; anything that is
/// not a finite, non-negative number reads as "never".
pub fn parse_exported(text: &str) -> Option<f64> {
    text.trim().parse::<f64>().ok().filter(|ms| ms.is_finite() && *ms >= 0.0)
}

/// The key under which the canonical file of an assessment, as this
/// browser last exported or imported it, is kept: the base of a three-way
/// merge when a copy of that file comes back. Beside the assessments' own
/// keys, never among them.
pub fn base_key(id: &str) -> String {
    format!("{PREFIX}base:{id}")
}

/// Whether a base of `new_units` UTF-16 code units fits the budget, when
/// `used_bytes` are used now, of which `old_units` (code units) are the
/// base it replaces: local storage counts two bytes a code unit, the key's
/// included (`key_units`). A base that does not fit is not kept: a merge
/// then says it has none, rather than the library running out of room.
pub fn base_fits(
    used_bytes: usize,
    key_units: usize,
    old_units: Option<usize>,
    new_units: usize,
    budget_bytes: usize,
) -> bool {
    let freed = old_units.map_or(0, |old| (key_units + old) * 2);
    let after = used_bytes.saturating_sub(freed) + (key_units + new_units) * 2;
    after <= budget_bytes
}

/// How much of the budget is used, as people read it: "12 KB of about 5 MB
/// (0.2 %)". Sizes under a megabyte are in whole kilobytes (at least 1 once
/// anything is stored), larger ones in megabytes with one decimal.
pub fn usage(used_bytes: usize, budget_bytes: usize) -> String {
    let size = |bytes: usize| {
        if bytes >= 1_048_576 {
            format!("{:.1} MB", bytes as f64 / 1_048_576.0)
        } else if bytes == 0 {
            "0 KB".to_string()
        } else {
            format!("{} KB", bytes.div_ceil(1024))
        }
    };
    let budget = format!("{:.0} MB", budget_bytes as f64 / 1_048_576.0);
    if budget_bytes == 0 {
        return format!("{} used", size(used_bytes));
    }
    let percent = used_bytes as f64 * 100.0 / budget_bytes as f64;
    format!("{} of about {budget} ({percent:.1} %)", size(used_bytes))
}

/// Why a write would not fit: when replacing an entry of `replaced_bytes`
/// by one of `new_bytes` takes the `used_bytes` of local storage past
/// `budget_bytes`, says by how much, in the words of [`usage`]. `None` when
/// it fits, or when the budget is unknown (0).
pub fn over_budget(used_bytes: usize, replaced_bytes: usize, new_bytes: usize, budget_bytes: usize) -> Option<String> {
    let after = used_bytes.saturating_sub(replaced_bytes).saturating_add(new_bytes);
    if budget_bytes == 0 || after <= budget_bytes {
        return None;
    }
    Some(format!("Storage would then hold {}.", usage(after, budget_bytes)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_write_past_the_budget_is_said_before_it_is_tried() {
        let budget = 5 * 1_048_576;
        for (used, replaced, new, expected) in [
            (0, 0, 1024, None),
            (budget - 100, 1000, 1100, None),
            (budget - 100, 1000, 1101, Some("Storage would then hold 5.0 MB of about 5 MB (100.0 %).")),
            (budget, budget, budget + 1_048_576, Some("Storage would then hold 6.0 MB of about 5 MB (120.0 %).")),
            // A stale measure smaller than the entry it replaces.
            (10, 1000, 2000, None),
        ] {
            assert_eq!(over_budget(used, replaced, new, budget).as_deref(), expected, "{used} {replaced} {new}");
        }
        assert_eq!(over_budget(usize::MAX, 0, usize::MAX, 0), None);
    }

    #[test]
    fn usage_reads_as_people_say_it() {
        let budget = 5 * 1_048_576;
        for (used, expected) in [
            (0, "0 KB of about 5 MB (0.0 %)"),
            (1, "1 KB of about 5 MB (0.0 %)"),
            (12 * 1024, "12 KB of about 5 MB (0.2 %)"),
            (12 * 1024 + 1, "13 KB of about 5 MB (0.2 %)"),
            (1_048_576 + 524_288, "1.5 MB of about 5 MB (30.0 %)"),
            (budget, "5.0 MB of about 5 MB (100.0 %)"),
        ] {
            assert_eq!(usage(used, budget), expected, "{used} bytes");
        }
        assert_eq!(usage(2048, 0), "2 KB used");
    }

    #[test]
    fn a_base_is_kept_only_when_it_fits_the_budget() {
        fn check(input: (usize, usize, Option<usize>, usize, usize), expected: bool) {
            let (used, key, old, new, budget) = input;
            assert_eq!(base_fits(used, key, old, new, budget), expected, "{input:?}");
        }
        // (used bytes, key units, old base units, new base units, budget bytes)
        check((0, 10, None, 40, 100), true);
        check((0, 10, None, 41, 100), false);
        check((50, 10, None, 15, 100), true);
        check((52, 10, None, 15, 100), false);
        // Replacing a base frees what the old one took.
        check((100, 10, Some(40), 40, 100), true);
        check((100, 10, Some(40), 41, 100), false);
        // A measure that is behind (the old base not counted) is no underflow.
        check((10, 10, Some(40), 20, 100), true);
        assert_eq!(base_key("web-1"), "gapmap:base:web-1");
        assert!(!base_key("x").starts_with(super::super::envelope::ASSESSMENT_PREFIX));
    }

    #[test]
    fn export_times_live_under_their_own_keys() {
        assert_eq!(exported_key("web-1"), "gapmap:exported:web-1");
        assert!(!exported_key("x").starts_with(super::super::envelope::ASSESSMENT_PREFIX));
        for (text, expected) in [
            ("1763794800000", Some(1_763_794_800_000.0)),
            (" 42 ", Some(42.0)),
            ("", None),
            ("soon", None),
            ("-5", None),
            ("NaN", None),
            ("inf", None),
        ] {
            assert_eq!(parse_exported(text), expected, "{text:?}");
        }
    }
}
