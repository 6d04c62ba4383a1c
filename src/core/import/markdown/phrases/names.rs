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

/// The areas of a readiness review that a title's words point to, most
/// telling first; each area is the stems its categories are called by.
/// `Helm Charts` → infrastructure; `Error Tracking (Sentry)` → observability.
pub fn areas(title: &str) -> Vec<&'static [&'static str]> {
    const TESTING: &[&str] = &["test", "qa", "quality"];
    const SECURITY: &[&str] = &["security", "secur"];
    const RECOVERY: &[&str] = &["backup", "recovery", "disaster", "reliability", "resilience", "availability"];
    const INFRASTRUCTURE: &[&str] = &["infrastructure", "iac", "platform", "network"];
    const OPERATIONS: &[&str] = &["operation", "incident", "sre", "support"];
    const COMPLIANCE: &[&str] = &["compliance", "governance", "audit", "privacy"];
    const OBSERVABILITY: &[&str] = &["observability", "monitor", "logging", "telemetry"];
    const DELIVERY: &[&str] = &["cd", "ci", "deployment", "delivery", "pipeline", "release"];
    const DOCUMENTATION: &[&str] = &["documentation", "docs", "developer", "api"];
    const PERFORMANCE: &[&str] = &["performance", "scalability", "scale", "scaling"];
    const DATA: &[&str] = &["data", "database", "storage"];
    const CODE: &[&str] = &["code", "maintainability", "developer"];
    const VOCABULARY: &[(&str, &[&str])] = &[
        ("test tests testing e2e coverage qa chaos", TESTING),
        ("secret secrets vault encryption encrypt tls auth authentication authorization sso rbac pen penetration vulnerability scanning cve waf", SECURITY),
        ("backup backups restore disaster recovery dr failover replication replica region", RECOVERY),
        ("helm terraform iac kubernetes k8s infrastructure mesh istio ingress dns network", INFRASTRUCTURE),
        ("call runbook runbooks incident incidents postmortem change escalation sla", OPERATIONS),
        ("soc iso gdpr hipaa pci audit governance compliance certified certification retention", COMPLIANCE),
        ("sentry tracking log logs logging elk trace tracing metrics alert alerts alerting monitoring dashboards slo slos", OBSERVABILITY),
        ("deploy deployment deployments blue green canary gitops argocd pipeline ci cd release rollback flags", DELIVERY),
        ("api versioning sdk documentation docs tutorial tutorials portal", DOCUMENTATION),
        ("rate limiting performance latency cache caching autoscaling scaling load cloud", PERFORMANCE),
        ("database databases migration migrations schema storage", DATA),
        ("makefile commit hooks lint linting todos refactor", CODE),
    ];
    let words = words(title);
    VOCABULARY
        .iter()
        .filter(|(keys, _)| words.iter().any(|w| keys.split(' ').any(|k| k == w)))
        .map(|(_, area)| *area)
        .collect()
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
    }
}
