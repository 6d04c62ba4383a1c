//! The report's "Plan in calendar time" lines: the day the numbers are as
//! of, the accepted gaps whose acceptance expired (counted as missing in
//! every score above), the overdue gaps, and, when the roadmap has a start
//! date, each phase's dates and the critical path. Computed figures,
//! between the markers the importer skips, written only when there is
//! something to say, so a report without dates reads as before.

use super::{inline, Report};

impl Report<'_> {
    pub(super) fn calendar(&mut self) {
        let (a, s) = (self.a, self.s);
        let title = |id: &String| a.gap(id).map_or_else(|| id.clone(), |gap| format!("“{}”", inline(&gap.title)));
        let mut lines = Vec::new();
        if !s.acceptance_expired.is_empty() {
            let gaps: Vec<String> = s
                .acceptance_expired
                .iter()
                .map(|id| {
                    let expires = a.gap(id).and_then(|g| g.acceptance.as_ref()).and_then(|x| x.expires.clone());
                    format!("{} (expired {})", title(id), expires.unwrap_or_default())
                })
                .collect();
            lines.push(format!("**Acceptance expired** (counted as missing): {}", gaps.join(", ")));
        }
        if !s.overdue.is_empty() {
            let gaps: Vec<String> = s
                .overdue
                .iter()
                .map(|id| format!("{} (due {})", title(id), a.gap(id).and_then(|g| g.due.clone()).unwrap_or_default()))
                .collect();
            lines.push(format!("**Overdue:** {}", gaps.join(", ")));
        }
        if let Some(start) = &a.start_date {
            lines.push(format!("**Roadmap starts:** {start}"));
            for p in &s.phases {
                if let Some(dates) = &p.dates {
                    lines.push(format!(
                        "- {}: starts {}, ends {}",
                        inline(&p.name),
                        range(&dates.start),
                        range(&dates.end)
                    ));
                }
            }
            if s.critical_path.len() > 1 {
                let names: Vec<String> =
                    s.critical_path.iter().filter_map(|id| a.phase(id)).map(|p| inline(&p.name)).collect();
                lines.push(format!("**Critical path:** {}", names.join(" → ")));
            }
        }
        if lines.is_empty() {
            return;
        }
        if let Some(as_of) = &s.as_of {
            lines.insert(0, format!("**As of:** {as_of}"));
        }
        // Paragraphs of their own, but the phases' dates stay one list.
        let mut spaced = Vec::new();
        for line in lines {
            if !(line.starts_with("- ")
                && spaced.last().is_some_and(|l: &String| l.starts_with("- ") || l.starts_with("**Roadmap")))
            {
                spaced.push(String::new());
            }
            spaced.push(line);
        }
        self.line("## Plan in calendar time");
        self.computed(&spaced[1..]);
    }
}

/// Two dates as one, or as a range when they differ.
fn range((earliest, latest): &(String, String)) -> String {
    if earliest == latest {
        earliest.clone()
    } else {
        format!("{earliest} to {latest}")
    }
}
