//! The Markdown importer never panics and always returns a valid assessment,
//! whatever it is given: arbitrary text and bytes, documents assembled from
//! the constructs readiness documents use (headings, marked findings, task
//! lists, tables, phases, score bars, mis-decoded emoji), and the two real
//! documents mangled by cutting, repeating and shuffling their parts. The
//! report of what it read must import again, valid as well.

use gapmap::core::export::markdown::report;
use gapmap::core::import::markdown::{import, import_bytes};
use gapmap::core::validate;
use proptest::prelude::*;

const FIXTURES: [&str; 2] = [
    concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/fixtures/markdown/000_f44f5b8f7bdcf258.txt"),
    concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/fixtures/markdown/004_ee62c5990353649e.txt"),
];

fn check(text: &str) {
    let imported = import(text);
    assert_eq!(validate(&imported.assessment), vec![], "invalid import of {text:?}");
    assert!(imported.report.warnings.iter().all(|w| !w.message.starts_with("Internal")));
    let again = import(&report(&imported.assessment));
    assert_eq!(validate(&again.assessment), vec![], "invalid import of the report of {text:?}");
}

/// The pieces readiness documents are made of, odd ones included.
const PIECES: &[&str] = &[
    "# Title 🚨\n", "## 1. 🔴 Security Issues\n", "### 1.1 No CI [BLOCKER]\n", "#### Problems Found:\n",
    "#### Enterprise Requirements:\n", "**Risk Level:** MEDIUM-HIGH\n", "**Effort:** 2-3 days\n",
    "Priority: HIGH\n", "- ❌ No WAF\n", "- ⚠️ Partial TLS (4 hours)\n", "- ✅ Vault\n", "  - [ ] nested task\n",
    "- [x] done task\n", "1. **Runbooks:**\n", "   ```\n   ✅ exists\n   ❌ not automated\n   ```\n",
    "```\nCurrent Score: 25/100\nSecurity: [██░░] 20%\n```\n", "```python\n# ❌ code\n```\n", "```\n",
    "| Category | Score |\n|---|---|\n| Security | 20% |\n| Overall | 40% |\n",
    "| # | Requirement | Status | Priority |\n|---|---|---|---|\n| 1 | CI | ❌ MISSING | P0 |\n",
    "| Metric | Current | Phase 1 Target |\n|---|---|---|\n| Coverage | 37% | <80% |\n",
    "| Risk | Probability | Impact | Mitigation |\n|---|---|---|---|\n| Outage | HIGH | CRITICAL | DR |\n",
    "| Phase | Duration | Engineers | Estimated Cost |\n|---|---|---|---|\n| Phase 1 | 4 weeks | 3-4 | $120K-160K |\n| Phase 7 | x | 0 | $ |\n",
    "| Component | Current | Phase 1 | Phase 2 |\n|---|---|---|---|\n| Compute | $5K | $3K | $9K |\n",
    "### Phase 1: Security & Reliability (Week 1)\n", "### Phase 2: Observability - 1-2 weeks\n",
    "### Phase 3: Hardening (0-4 weeks) - **MUST**\n", "### Phase 3: Again (Week 3-4)\n", "#### Week 5-8: Monitoring\n",
    "**Effort:** 4-6 weeks | **Team:** 3-4 engineers | **Cost:** High\n", "**Tasks:**\n4. **Create Helm** (3 days)\n",
    "**Phase 1 Exit Criteria:**\n", "**Deliverables:**\n", "Overall: 68% enterprise-ready\n", "Current Score: 30/100\n",
    "<!-- gapmap:computed -->\n", "<!-- /gapmap:computed -->\n", "> - ❌ quoted\n", "---\n", "\n", "\n\n", "   ",
    "âŒ ", "âœ… ", "ğŸŸ¡", "ï¸", "‚ùå", "\u{9d}", "\u{fffd}", "\r\n", "\t", "[", "]", "|", "`", "**", "(", ")", ":",
    "-", "✅/❌", "9999999999999999999999", "1e308", "-0", "½", "Ünïcödé", "🏳️‍🌈", "\u{200d}",
];

fn assembled() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|pieces| pieces.concat())
}

/// A fixture cut into lines, then some lines dropped, repeated or moved.
fn mangled() -> impl Strategy<Value = String> {
    (0..FIXTURES.len(), prop::collection::vec((any::<u16>(), any::<u16>(), 0..4u8), 1..20)).prop_map(
        |(which, edits)| {
            let text = std::fs::read_to_string(FIXTURES[which]).unwrap();
            let mut lines: Vec<&str> = text.lines().collect();
            for (a, b, op) in edits {
                if lines.is_empty() {
                    break;
                }
                let (i, j) = (usize::from(a) % lines.len(), usize::from(b) % lines.len());
                match op {
                    0 => {
                        lines.remove(i);
                    }
                    1 => lines.insert(i, lines[j]),
                    2 => lines.swap(i, j),
                    _ => lines.truncate(i.max(1)),
                }
            }
            lines.join("\n")
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: ProptestConfig::default().cases.max(256), ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_imports_without_panic(text in any::<String>()) {
        check(&text);
    }

    #[test]
    fn arbitrary_bytes_import_without_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let imported = import_bytes(&bytes);
        prop_assert_eq!(validate(&imported.assessment), vec![]);
    }

    #[test]
    fn assembled_documents_import_without_panic(text in assembled()) {
        check(&text);
    }

    #[test]
    fn mangled_real_documents_import_without_panic(text in mangled()) {
        check(&text);
    }
}

#[test]
fn the_real_documents_import_and_their_reports_import_again() {
    for path in FIXTURES {
        check(&std::fs::read_to_string(path).unwrap());
    }
}
