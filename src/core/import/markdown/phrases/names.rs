//! Names compared and turned into ids: slugs, the stems of a name's
//! meaningful words, how alike two names are, and the areas of a readiness
//! review that a title's words point to.

use super::text::words;

/// A stable identifier made from a name: lower-case letters and digits
/// joined by dashes, at most 48 characters; `fallback` when none are left.
pub fn slug(name: &str, fallback: &str) -> String {
    let mut slug = String::new();
    for word in name.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        if slug.chars().count() >= 48 {
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.extend(word.chars().flat_map(char::to_lowercase));
    }
    let slug: String = slug.chars().take(48).collect();
    let slug = slug.trim_end_matches('-').to_string();
    if slug.is_empty() {
        fallback.to_string()
    } else {
        slug
    }
}

/// Words that carry no meaning when names are compared.
const NOISE: &[&str] = &[
    "a",
    "an",
    "and",
    "as",
    "at",
    "by",
    "for",
    "in",
    "of",
    "on",
    "or",
    "the",
    "to",
    "with",
    "no",
    "not",
    "lack",
    "missing",
    "gap",
    "gaps",
    "issue",
    "issues",
    "problem",
    "problems",
    "finding",
    "findings",
    "status",
    "current",
    "state",
    "area",
    "areas",
    "setup",
    "set",
    "up",
    "add",
    "create",
    "implement",
    "build",
    "achieve",
    "complete",
    "write",
    "make",
    "fix",
    "resolve",
    "improve",
    "enable",
    "configure",
    "define",
    "use",
    "inadequate",
    "incomplete",
    "insufficient",
    "poor",
    "opportunity",
    "opportunities",
    "foundation",
];

/// The stems of the meaningful words of a name, for comparing names:
/// `Monitoring & Observability` → `monitor`, `observability`.
pub fn stems(name: &str) -> Vec<String> {
    let mut stems: Vec<String> = Vec::new();
    for word in words(name) {
        if NOISE.contains(&word.as_str()) || word.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        let stem = stem(&word);
        if !stems.contains(&stem) {
            stems.push(stem);
        }
    }
    stems
}

fn stem(word: &str) -> String {
    let word = word.to_string();
    for (suffix, min_len) in [("ing", 6), ("ies", 5), ("al", 7), ("s", 4)] {
        if word.len() >= min_len && word.ends_with(suffix) && !word.ends_with("ss") {
            let base = &word[..word.len() - suffix.len()];
            return if suffix == "ies" { format!("{base}y") } else { base.to_string() };
        }
    }
    word
}

/// How alike two names are: the Dice coefficient of their stems (0 to 1),
/// and a hundredth more when they start with the same word, which breaks
/// ties towards the name with the same head (`Test Coverage` is like
/// `Testing & QA`; `Code Quality` is not like `Infrastructure as Code`).
pub fn likeness(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let shared = a.iter().filter(|s| b.contains(s)).count();
    let same_head = if a.first() == b.first() { 0.01 } else { 0.0 };
    2.0 * shared as f64 / (a.len() + b.len()) as f64 + same_head
}

/// Whether two names are alike enough to be the same thing.
pub fn alike(a: &[String], b: &[String]) -> bool {
    likeness(a, b) > 0.5
}

/// The areas of a readiness review: the name a category of the area is
/// given when a document has none, the words that point to it, and the stems
/// its categories are called by.
const AREAS: &[(&str, &str, &[&str])] = &[
    ("Testing", "test tests testing e2e coverage qa chaos", &["test", "qa", "quality"]),
    (
        "Security",
        "secret secrets vault encryption encrypt tls auth authentication authorization sso rbac pen penetration \
         vulnerability scanning cve waf",
        &["security", "secur"],
    ),
    (
        "Reliability",
        "backup backups restore disaster recovery dr failover replication replica region",
        &["backup", "recovery", "disaster", "reliability", "resilience", "availability"],
    ),
    (
        "Infrastructure",
        "helm terraform iac kubernetes k8s infrastructure mesh istio ingress dns network",
        &["infrastructure", "iac", "platform", "network"],
    ),
    (
        "Operations",
        "call runbook runbooks incident incidents postmortem change escalation sla",
        &["operation", "incident", "sre", "support"],
    ),
    (
        "Compliance",
        "soc iso gdpr hipaa pci audit governance compliance certified certification retention",
        &["compliance", "governance", "audit", "privacy"],
    ),
    (
        "Observability",
        "sentry tracking log logs logging elk trace tracing metrics alert alerts alerting monitoring dashboards slo slos",
        &["observability", "monitor", "logging", "telemetry"],
    ),
    (
        "Delivery",
        "deploy deployment deployments blue green canary gitops argocd pipeline ci cd release rollback flags",
        &["cd", "ci", "deployment", "delivery", "pipeline", "release"],
    ),
    (
        "Documentation",
        "api versioning sdk documentation docs tutorial tutorials portal",
        &["documentation", "docs", "developer", "api"],
    ),
    (
        "Performance",
        "rate limiting performance latency cache caching autoscaling scaling load cloud",
        &["performance", "scalability", "scale", "scaling"],
    ),
    ("Data", "database databases migration migrations schema storage", &["data", "database", "storage"]),
    ("Code quality", "makefile commit hooks lint linting todos refactor", &["code", "maintainability", "developer"]),
];

/// Whether `word` (lower-case) points to the area of `keys`.
fn points_to(keys: &str, word: &str) -> bool {
    keys.split_whitespace().any(|k| k == word)
}

/// The areas of a readiness review that a title's words point to, most
/// telling first; each area is the stems its categories are called by.
/// `Helm Charts` → infrastructure; `Error Tracking (Sentry)` → observability.
pub fn areas(title: &str) -> Vec<&'static [&'static str]> {
    let words = words(title);
    AREAS.iter().filter(|(_, keys, _)| words.iter().any(|w| points_to(keys, w))).map(|(_, _, stems)| *stems).collect()
}

/// The name of the area the first telling word of a title points to
/// (`Pen test` → Security, `Add tracing` → Observability): the category a
/// task goes to when the document has none of its area. `None` when no word
/// points to an area.
pub fn area_name(title: &str) -> Option<&'static str> {
    words(title).iter().find_map(|w| AREAS.iter().find(|(_, keys, _)| points_to(keys, w))).map(|(name, _, _)| *name)
}

#[cfg(test)]
mod tests {
    use super::super::numbers::iso_date;
    use super::*;

    #[test]
    fn slugs_dates_and_likeness() {
        assert_eq!(slug("No CI/CD Pipeline!", "gap"), "no-ci-cd-pipeline");
        assert_eq!(slug("❌", "gap"), "gap");
        assert_eq!(slug("Größe Überblick", "x"), "größe-überblick");
        assert!(slug(&"word ".repeat(40), "x").chars().count() <= 48);
        assert_eq!(iso_date("Date: 2025-11-14"), Some("2025-11-14".into()));
        assert_eq!(iso_date("2025-13-40"), None);
        let monitoring = stems("Monitoring & Observability");
        assert_eq!(monitoring, vec!["monitor", "observability"]);
        assert!(alike(&stems("Monitoring Gaps"), &monitoring));
        assert!(alike(&stems("Test Coverage"), &stems("Testing & QA")));
        assert!(alike(&stems("Security & Reliability"), &stems("Security")));
        assert!(!alike(&stems("Mock Mode Database Operations"), &stems("Operational Excellence")));
        assert!(!alike(&stems("Code Quality"), &stems("Infrastructure as Code")));
        assert!(!alike(&stems("Networking"), &stems("Scalability")));
        assert_eq!(area_name("Pen test"), Some("Security"));
        assert_eq!(area_name("Add tracing (3 days)"), Some("Observability"));
        assert_eq!(area_name("Quarterly budget review"), None);
    }
}
