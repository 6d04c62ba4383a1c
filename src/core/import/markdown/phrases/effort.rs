//! How much work a phrase states: an effort (`2-3 days`, `High (3-4
//! weeks)`, minutes and months converted), an effort in a title's trailing
//! parenthesis, and a team (`2 backend engineers, 1 QA and 0.5 SRE`).

use super::numbers::{quantity, range, two_decimals};
use super::text::capitalised;
use crate::core::model::{Effort, EffortUnit};

/// An effort phrase anywhere in the text: `2-3 days`, `High (3-4 weeks)`,
/// `4 hours`, `10 minutes` (in hours), `2 months` (in weeks, 4⅓ a month).
/// Returns the effort and whether it was converted from another unit.
pub fn effort(text: &str) -> Option<(Effort, bool)> {
    for (i, _) in text.char_indices().filter(|(_, c)| c.is_ascii_digit()) {
        if text[..i].ends_with(|p: char| p.is_ascii_digit() || p == '.' || p == ',') {
            continue;
        }
        let Some((min, max, unit)) = quantity(&text[i..]) else { break };
        let (unit, factor, converted) = match unit.as_str() {
            "h" | "hr" | "hrs" | "hour" | "hours" => (EffortUnit::Hours, 1.0, false),
            "d" | "day" | "days" => (EffortUnit::Days, 1.0, false),
            "w" | "wk" | "wks" | "week" | "weeks" => (EffortUnit::Weeks, 1.0, false),
            "min" | "mins" | "minute" | "minutes" => (EffortUnit::Hours, 1.0 / 60.0, true),
            "month" | "months" => (EffortUnit::Weeks, 52.0 / 12.0, true),
            _ => continue,
        };
        return Some((Effort::new(two_decimals(min * factor), two_decimals(max * factor), unit), converted));
    }
    None
}

/// An effort stated in a trailing parenthesis of a title, `Setup CI (3 days)`
/// or `Certifications (6 weeks - parallel)`: the effort and the title without it.
pub fn trailing_effort(title: &str) -> Option<(Effort, String)> {
    let trimmed = title.trim_end();
    let inner_end = trimmed.strip_suffix(')')?;
    let open = inner_end.rfind('(')?;
    let inside = &inner_end[open + 1..];
    if inside.split_whitespace().count() > 5 {
        return None;
    }
    let (effort, _) = effort(inside)?;
    let rest = inner_end[..open].trim_end().trim_end_matches([' ', '-', '–', '—', ':']).trim_end();
    Some((effort, rest.to_string()))
}

/// A team phrase: `3-4 engineers`, `2 backend engineers, 1 QA and 0.5 SRE`.
/// Returns each role as written and its headcount range.
pub fn team(text: &str) -> Vec<(String, f64, f64)> {
    let mut members = Vec::new();
    for part in text.split([',', '+', '&', ';', '/']).flat_map(|p| p.split(" and ")) {
        let part = part.trim();
        let Some((min, max, rest)) = range(part) else { continue };
        let role = rest.trim();
        let role = role.strip_prefix("x ").or_else(|| role.strip_prefix("× ")).unwrap_or(role).trim();
        let role: Vec<&str> = role.split_whitespace().take_while(|w| !w.starts_with('(')).take(3).collect();
        let role = role.join(" ");
        let role = role.trim_end_matches(['.', ')']).trim();
        if !role.is_empty() && role.chars().next().is_some_and(char::is_alphabetic) {
            members.push((capitalised(role), min, max));
        }
    }
    members
}

#[cfg(test)]
mod tests {
    use super::*;

    fn effort_of(text: &str) -> Option<(f64, f64, EffortUnit)> {
        effort(text).map(|(e, _)| (e.min, e.max, e.unit))
    }

    #[test]
    fn efforts() {
        assert_eq!(effort_of("2-3 days"), Some((2.0, 3.0, EffortUnit::Days)));
        assert_eq!(effort_of("High (3-4 weeks)"), Some((3.0, 4.0, EffortUnit::Weeks)));
        assert_eq!(effort_of("4 hours"), Some((4.0, 4.0, EffortUnit::Hours)));
        assert_eq!(effort_of("10 minutes"), Some((0.17, 0.17, EffortUnit::Hours)));
        assert_eq!(effort_of("2 months"), Some((8.67, 8.67, EffortUnit::Weeks)));
        assert_eq!(effort_of("39 TODOs"), None);
        assert_eq!(effort_of("High"), None);
        let (e, title) = trailing_effort("Setup CI/CD Pipeline (3 days)").unwrap();
        assert_eq!((e.min, e.max, e.unit, title.as_str()), (3.0, 3.0, EffortUnit::Days, "Setup CI/CD Pipeline"));
        let (e, _) = trailing_effort("Certifications (6 weeks - parallel)").unwrap();
        assert_eq!((e.min, e.unit), (6.0, EffortUnit::Weeks));
        assert_eq!(trailing_effort("Manifests (12 files)"), None);
        assert_eq!(trailing_effort("No parenthesis"), None);
    }

    #[test]
    fn teams() {
        assert_eq!(team("3-4 engineers"), vec![("Engineers".to_string(), 3.0, 4.0)]);
        assert_eq!(
            team("2 backend engineers, 1 QA and 0.5 SRE"),
            vec![("Backend engineers".to_string(), 2.0, 2.0), ("QA".into(), 1.0, 1.0), ("SRE".into(), 0.5, 0.5)]
        );
        assert!(team("High").is_empty());
    }
}
