//! What the Settings tab says about how safe the user's work is in this
//! browser: how much of the local storage budget is used, whether a larger
//! save would still fit (a new milestone), and when each assessment was
//! last exported (its flag key). Pure, tested natively; the
//! browser calls live in `local` and the app.

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
