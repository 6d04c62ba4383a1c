//! The CSV exports and the CSV import of gaps, as their users meet them:
//! each export parsed back with the csv crate (columns and values for the
//! test fixtures), formula payloads kept inert, the backlog layouts of Jira,
//! GitHub and Azure DevOps, a spreadsheet round trip (export, edit a cell,
//! preview exactly that change, apply), the import's problems with their
//! rows, arbitrary bytes that never make it panic, and the command's
//! `report --format csv|jira|github|azure-devops`.

use std::collections::BTreeMap;

use gapmap::core::export::csv::{self as export, Column, Layout};
use gapmap::core::format::load;
use gapmap::core::import::csv::{apply, preview, NewValue, Preview, Skipped};
use gapmap::core::model::*;
use proptest::prelude::*;

const CANONICAL: &str = include_str!("fixtures/worked-example.json");
const HANDWRITTEN: &str = include_str!("fixtures/worked-example-handwritten.json");

fn worked_example() -> Assessment {
    load(CANONICAL.as_bytes()).expect("the fixture loads")
}

/// The worked example with a gap that uses every field, and an injection
/// payload in each text a spreadsheet would run.
fn rich() -> Assessment {
    let mut a = worked_example();
    let mut gap = Gap::new("g8", "security", "=HYPERLINK(\"http://evil.example\",\"click\")");
    gap.description = "Rotate keys.\n\nSee the runbook.".to_string();
    gap.evidence = vec![Evidence::new("@SUM(1+1)", None)];
    gap.owner = "+44 20 7946 0000".to_string();
    gap.priority = Priority::P0;
    gap.severity = Some(Severity::High);
    gap.effort = Some(Effort::new(0.5, 1.5, EffortUnit::Days));
    gap.phase = Some("p2".to_string());
    gap.tags = vec!["auth".to_string(), "needs review".to_string(), "Security".to_string()];
    gap.items = vec![Item::new("inventory <keys>", true), Item::new("-rotate", false)];
    a.gaps.push(gap);
    a
}

/// CSV text as rows of cells, header first; the byte order mark dropped.
fn parse(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(text.as_bytes());
    reader.records().map(|r| r.expect("valid CSV").iter().map(str::to_string).collect()).collect()
}

/// The data rows of a table as maps from header to cell (for tables whose
/// headers are unique).
fn rows(text: &str) -> Vec<BTreeMap<String, String>> {
    let table = parse(text);
    let (header, data) = table.split_first().expect("a header");
    data.iter().map(|row| header.iter().cloned().zip(row.iter().cloned()).collect()).collect()
}

/// The one data row whose `column` is `value`.
fn row_where(text: &str, column: &str, value: &str) -> BTreeMap<String, String> {
    let found: Vec<_> = rows(text).into_iter().filter(|r| r[column] == value).collect();
    assert_eq!(found.len(), 1, "rows with {column} = {value}");
    found.into_iter().next().unwrap()
}

#[test]
fn the_spreadsheet_table_has_every_gap_with_its_values() {
    let a = worked_example();
    let text = export::spreadsheet(&a);
    assert!(text.starts_with('\u{feff}'), "a byte order mark for Excel");
    assert!(text.ends_with("\r\n") && !text.replace("\r\n", "").contains('\n'), "CRLF line ends (RFC 4180)");
    let table = parse(&text);
    let expected_header: Vec<&str> = Column::ALL.iter().map(|c| c.header()).collect();
    assert_eq!(table[0], expected_header);
    assert_eq!(table.len(), 1 + a.gaps.len());
    let ids: Vec<&str> = table[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(ids, ["g1", "g2", "g3", "g4", "g5", "g6", "g7"]);

    let g3 = row_where(&text, "ID", "g3");
    for (column, value) in [
        ("Category", "Security"),
        ("Title", "g3"),
        ("Status", "partial"),
        ("Priority", "P2"),
        ("Severity", ""),
        ("Effort min", "1"),
        ("Effort max", "2"),
        ("Effort unit", "weeks"),
        // 1–2 weeks of 5 days.
        ("Effort days low", "5"),
        ("Effort days high", "10"),
        ("Phase", "Hardening"),
        ("Checklist done", "2"),
        ("Checklist items", "4"),
    ] {
        assert_eq!(g3[column], value, "g3 {column}");
    }
    // 4–8 hours of 8 hours a day; no effort: empty cells; no phase: empty.
    let g4 = row_where(&text, "ID", "g4");
    assert_eq!((g4["Effort days low"].as_str(), g4["Effort days high"].as_str()), ("0.5", "1"));
    let g5 = row_where(&text, "ID", "g5");
    assert_eq!((g5["Status"].as_str(), g5["Effort min"].as_str(), g5["Phase"].as_str()), ("not_applicable", "", ""));
}

#[test]
fn the_handwritten_fixture_exports_the_same_tables() {
    let handwritten = load(HANDWRITTEN.as_bytes()).expect("the fixture loads");
    for layout in Layout::ALL {
        assert_eq!(export::write(&handwritten, layout), export::write(&worked_example(), layout), "{layout:?}");
    }
}

#[test]
fn every_text_field_is_written_and_kept_inert() {
    let text = export::spreadsheet(&rich());
    let g8 = row_where(&text, "ID", "g8");
    assert_eq!(g8["Title"], "'=HYPERLINK(\"http://evil.example\",\"click\")");
    assert_eq!(g8["Evidence"], "'@SUM(1+1)");
    assert_eq!(g8["Owner"], "'+44 20 7946 0000");
    assert_eq!(g8["Description"], "Rotate keys.\n\nSee the runbook.");
    assert_eq!(g8["Severity"], "high");
    assert_eq!(g8["Tags"], "auth, needs review, Security");
    assert_eq!((g8["Effort min"].as_str(), g8["Effort max"].as_str()), ("0.5", "1.5"));
    assert_eq!((g8["Checklist done"].as_str(), g8["Checklist items"].as_str()), ("1", "2"));
    // No cell of any layout begins with a character that starts a formula.
    for layout in Layout::ALL {
        for row in parse(&export::write(&rich(), layout)) {
            for cell in row {
                assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "{layout:?}: {cell:?}");
            }
        }
    }
}

#[test]
fn the_jira_backlog_has_the_open_gaps_in_jiras_columns() {
    let text = export::jira(&rich());
    let table = parse(&text);
    assert_eq!(
        table[0],
        ["Summary", "Issue Type", "Priority", "Description", "Labels", "Labels", "Labels", "Sprint"],
        "as many Labels columns as the most labelled gap needs"
    );
    let summaries: Vec<&str> = table[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(summaries, ["g1", "g3", "g4", "g7", "'=HYPERLINK(\"http://evil.example\",\"click\")"], "open gaps only");
    let priorities: Vec<&str> = table[1..].iter().map(|r| r[2].as_str()).collect();
    assert_eq!(priorities, ["Highest", "Medium", "High", "High", "Highest"]);
    let g8 = &table[5];
    assert_eq!(g8[1], "Task");
    assert_eq!(&g8[4..7], ["Security", "auth", "needs-review"], "category first, tags once each, no spaces");
    assert_eq!(g8[7], "Hardening");
    let g1 = &table[1];
    assert_eq!(&g1[4..8], ["Security", "", "", "Blockers"]);
    let description = &g8[3];
    for part in
        ["Rotate keys.", "Evidence: @SUM(1+1)", "- [x] inventory <keys>", "- [ ] -rotate", "Effort: 0.5–1.5 days"]
    {
        assert!(description.contains(part), "{part:?} in {description:?}");
    }
}

#[test]
fn the_github_backlog_labels_the_priority() {
    let text = export::github(&rich());
    assert_eq!(parse(&text)[0], ["title", "body", "labels", "milestone"]);
    let g3 = row_where(&text, "title", "g3");
    assert_eq!(g3["labels"], "Security,priority: P2");
    assert_eq!(g3["milestone"], "Hardening");
    assert!(g3["body"].contains("- [x] a\n- [x] b\n- [ ] c\n- [ ] d"), "a Markdown task list: {:?}", g3["body"]);
    let g8 = &rows(&text)[4];
    assert_eq!(g8["labels"], "Security,auth,needs review,priority: P0");
    assert_eq!(rows(&text).len(), 5, "open gaps only");
}

#[test]
fn the_github_backlog_links_only_safe_addresses() {
    let mut a = rich();
    let gap = a.gaps.iter_mut().find(|g| g.id == "g3").unwrap();
    gap.evidence = vec![
        Evidence::new("Run", Some("https://ci.example.com/1".into())),
        Evidence::new("Trap", Some("javascript:alert(1)".into())),
        Evidence::new("", Some("docs/runbook.md".into())),
    ];
    let body = row_where(&export::github(&a), "title", "g3")["body"].clone();
    assert!(
        body.contains("Evidence: Run <https://ci.example.com/1>\n\nTrap `javascript:alert(1)`\n\n<docs/runbook.md>"),
        "{body}"
    );
    assert!(!body.contains("<javascript:"), "never an autolink: {body}");
}

#[test]
fn the_azure_backlog_has_numbered_priorities_tags_and_html() {
    let text = export::azure_devops(&rich());
    assert_eq!(parse(&text)[0], ["Work Item Type", "Title", "Description", "Priority", "Tags", "Iteration Path"]);
    let all = rows(&text);
    let priorities: Vec<&str> = all.iter().map(|r| r["Priority"].as_str()).collect();
    assert_eq!(priorities, ["1", "3", "2", "2", "1"]);
    let g8 = &all[4];
    assert_eq!(g8["Work Item Type"], "Task");
    assert_eq!(g8["Tags"], "Security; auth; needs review");
    assert_eq!(g8["Iteration Path"], "Hardening");
    let html = &g8["Description"];
    assert!(html.starts_with("<p>Rotate keys.</p><p>See the runbook.</p>"), "{html}");
    assert!(html.contains("<li>☑ inventory &lt;keys&gt;</li>"), "text is escaped: {html}");
    assert!(!html.contains("<keys>"), "{html}");
}

#[test]
fn an_untouched_table_previews_no_change() {
    for a in [worked_example(), rich()] {
        let table = export::spreadsheet(&a);
        let preview = preview(&a, table.as_bytes());
        assert_eq!(preview.gaps, vec![], "no change");
        assert_eq!((preview.unknown.len(), preview.problems.len()), (0, 0), "{preview:?}");
        assert_eq!(preview.rows, a.gaps.len());
    }
}

/// The spreadsheet table of `a` with the cell of gap `id` in `column` set to `value`.
fn edited(a: &Assessment, id: &str, column: &str, value: &str) -> String {
    let mut table = parse(&export::spreadsheet(a));
    let at = table[0].iter().position(|h| h == column).expect("the column");
    let row = table.iter_mut().find(|r| r[0] == id).expect("the row");
    row[at] = value.to_string();
    write(&table)
}

fn write(table: &[Vec<String>]) -> String {
    let mut writer = csv::WriterBuilder::new().flexible(true).from_writer(vec![]);
    for row in table {
        writer.write_record(row).unwrap();
    }
    String::from_utf8(writer.into_inner().unwrap()).unwrap()
}

/// The changes of a preview as `(id, field, old, new)`.
fn changes(preview: &Preview) -> Vec<(String, &'static str, String, String)> {
    preview
        .gaps
        .iter()
        .flat_map(|g| g.changes.iter().map(|c| (g.id.clone(), c.field, c.old.clone(), c.new.clone())))
        .collect()
}

#[test]
fn a_cell_edited_in_a_spreadsheet_comes_back_as_exactly_that_change() {
    let a = worked_example();
    let table = edited(&a, "g1", "Status", "done");
    let p = preview(&a, table.as_bytes());
    assert_eq!(changes(&p), [("g1".to_string(), "Status", "missing".to_string(), "done".to_string())]);
    assert_eq!(p.gaps[0].row, 2, "g1 is the first data row");
    assert!(p.problems.is_empty() && p.unknown.is_empty());

    let mut applied = a.clone();
    assert_eq!(apply(&mut applied, &p).changed, 1);
    let mut expected = a.clone();
    expected.gaps[0].status = Status::Done;
    assert_eq!(applied, expected, "that field and nothing else");
    // Imported again, the same table changes nothing more.
    assert_eq!(preview(&applied, table.as_bytes()).gaps, vec![]);
}

#[test]
fn each_field_is_read_back() {
    let a = rich();
    let check = |column: &str, value: &str, expected: (&str, &str, &str), new: NewValue| {
        let preview = preview(&a, edited(&a, "g8", column, value).as_bytes());
        assert_eq!(preview.problems, vec![], "{column} = {value:?}");
        assert_eq!(
            changes(&preview),
            [("g8".to_string(), expected.0, expected.1.to_string(), expected.2.to_string())],
            "{column} = {value:?}"
        );
        assert_eq!(preview.gaps[0].changes[0].value, new, "{column} = {value:?}");
    };
    check("Category", "reliability", ("Category", "Security", "Reliability"), NewValue::Category("reliability".into()));
    check("Phase", "Blockers", ("Phase", "Hardening", "Blockers"), NewValue::Phase(Some("p1".into())));
    check("Phase", "", ("Phase", "Hardening", ""), NewValue::Phase(None));
    check("Priority", "p3", ("Priority", "P0", "P3"), NewValue::Priority(Priority::P3));
    check("Status", "Not applicable", ("Status", "missing", "not_applicable"), NewValue::Status(Status::NotApplicable));
    check("Severity", "", ("Severity", "high", ""), NewValue::Severity(None));
    check(
        "Tags",
        "auth,ops",
        ("Tags", "auth, needs review, Security", "auth, ops"),
        NewValue::Tags(vec!["auth".into(), "ops".into()]),
    );
    check(
        "Effort max",
        "2,5",
        ("Effort", "0.5–1.5 days", "0.5–2.5 days"),
        NewValue::Effort(Some(Effort::new(0.5, 2.5, EffortUnit::Days))),
    );
    check(
        "Effort unit",
        "Week",
        ("Effort", "0.5–1.5 days", "0.5–1.5 weeks"),
        NewValue::Effort(Some(Effort::new(0.5, 1.5, EffortUnit::Weeks))),
    );
    // A payload typed in a spreadsheet stays text; the export's quote goes.
    check(
        "Title",
        "'=1+1",
        ("Title", "=HYPERLINK(\"http://evil.example\",\"click\")", "=1+1"),
        NewValue::Title("=1+1".into()),
    );
    check("Owner", "Dana", ("Owner", "+44 20 7946 0000", "Dana"), NewValue::Owner("Dana".into()));
}

#[test]
fn an_effort_emptied_is_removed() {
    let a = worked_example();
    let mut table = parse(&export::spreadsheet(&a));
    for at in [6, 7, 8] {
        table[1][at].clear();
    }
    let preview = preview(&a, write(&table).as_bytes());
    assert_eq!(changes(&preview), [("g1".to_string(), "Effort", "3–5 days".to_string(), String::new())]);
}

#[test]
fn columns_are_found_by_header_in_any_order_and_missing_ones_are_left_alone() {
    let a = worked_example();
    let table = "status;Effort_Max;id;Notes\r\ndone;5;g1;ignored\r\nmissing;9;g3;\r\n";
    let preview = preview(&a, table.as_bytes());
    assert_eq!(preview.problems, vec![]);
    assert_eq!(
        changes(&preview),
        [
            ("g1".to_string(), "Status", "missing".to_string(), "done".to_string()),
            ("g3".to_string(), "Status", "partial".to_string(), "missing".to_string()),
            ("g3".to_string(), "Effort", "1–2 weeks".to_string(), "1–9 weeks".to_string()),
        ]
    );
}

#[test]
fn problems_name_their_rows_and_change_nothing() {
    let a = worked_example();
    let table = "ID,Status,Priority,Category,Phase,Effort min,Effort max,Effort days low\n\
                 g1,finished,P0,Security,Blockers,3,5,3\n\
                 g2,done,P9,Security,Blockers,2,2,2\n\
                 g3,partial,P2,Ops,Later,1,2,5\n\
                 g4,partial,P1,Reliability,Hardening,8,4,0.5\n\
                 g5,not_applicable,P3,Reliability,,,,99\n\
                 nope,done,P0,Security,,,,\n\
                 ,done,P0,Security,,,,\n\
                 g1,done,P0,Security,Blockers,3,5,3\n\
                 g7,missing,P1,Testing,Blockers,-1,1,5\n";
    let preview = preview(&a, table.as_bytes());
    assert_eq!(preview.gaps, vec![], "nothing to change: {:?}", preview.gaps);
    assert_eq!(preview.unknown.iter().map(|u| (u.row, u.id.as_str())).collect::<Vec<_>>(), [(7, "nope")]);
    let problems: Vec<String> = preview.problems.iter().map(ToString::to_string).collect();
    let expected = [
        "Row 2: “finished” is not a status",
        "Row 3: “P9” is not a priority",
        "Row 4: there is no category “Ops”",
        "Row 4: there is no phase “Later”",
        "Row 5: the effort's minimum 8 is above its maximum 4",
        "Row 6: “Effort days low” is computed by Gapmap",
        "Row 8: has no ID",
        "Row 9: gap “g1” has a row above already",
        "Row 10: the effort's minimum cannot be negative",
    ];
    assert_eq!(problems.len(), expected.len(), "{problems:#?}");
    for (problem, start) in problems.iter().zip(expected) {
        assert!(problem.starts_with(start), "{problem:?} should start with {start:?}");
    }
}

#[test]
fn files_that_cannot_be_matched_say_why() {
    let a = worked_example();
    let only = |bytes: &[u8]| {
        let p = preview(&a, bytes);
        assert!(p.gaps.is_empty() && p.unknown.is_empty(), "{p:?}");
        assert_eq!(p.problems.len(), 1, "{p:?}");
        p.problems[0].to_string()
    };
    assert!(only(b"").contains("empty"));
    assert!(only(b"Title,Status\nx,done\n").contains("No column is headed"));
    let huge = vec![b'a'; gapmap::core::import::csv::MAX_BYTES + 1];
    assert!(only(&huge).contains("larger than"));
}

#[test]
fn spreadsheet_encodings_are_read() {
    let mut a = worked_example();
    a.gaps[0].title = "Clé".to_string();
    // Windows-1252, as older spreadsheets save: "é" is one byte, 0xE9.
    let mut bytes = b"ID;Title\r\ng1;Cl\xe9s\r\n".to_vec();
    let p = preview(&a, &bytes);
    assert_eq!(p.code_page.as_deref(), Some("Windows-1252"));
    assert_eq!(changes(&p), [("g1".to_string(), "Title", "Clé".to_string(), "Clés".to_string())]);
    // UTF-8 with a byte order mark.
    bytes = "\u{feff}ID,Title\ng1,Clé\n".as_bytes().to_vec();
    let p = preview(&a, &bytes);
    assert_eq!((p.code_page, p.gaps.len(), p.problems.len()), (None, 0, 0));
}

/// Regression (review finding 6): a text that really begins with `'` and a
/// formula character lost its quote on the way back, so an untouched table
/// previewed a change.
#[test]
fn texts_that_begin_with_a_quote_come_back_as_they_were() {
    let mut a = worked_example();
    let texts = ["'=x", "''", "'+1", "'", "'quoted'", "''=x", "=y", "'\t"];
    for (gap, text) in a.gaps.iter_mut().zip(texts) {
        gap.title = text.to_string();
        gap.owner = text.to_string();
    }
    let table = export::spreadsheet(&a);
    let g1 = row_where(&table, "ID", "g1");
    assert_eq!(g1["Title"], "''=x", "one more quote");
    assert_eq!(row_where(&table, "ID", "g5")["Title"], "'quoted'", "a quote before plain text is left alone");
    let p = preview(&a, table.as_bytes());
    assert_eq!((p.gaps.clone(), p.problems.clone()), (vec![], vec![]), "an untouched table changes nothing");
    // Every cell of every layout still starts safely, and the quote is taken
    // off exactly once.
    for text in texts {
        let escaped = export::escape_formula(text);
        assert!(!escaped.starts_with(['=', '+', '-', '@', '\t', '\r']), "{escaped}");
        assert_eq!(export::unescape_formula(&escaped), text);
    }
}

/// Regression (review finding 7): a row with more cells than the header
/// (a comma typed in a title outside quotes) shifted every later field.
#[test]
fn rows_longer_than_the_header_are_skipped() {
    let a = worked_example();
    let table = "ID,Title,Status,Owner\r\ng1,Build, test,done,Dana\r\ng3,g3,done,\r\n";
    let p = preview(&a, table.as_bytes());
    assert_eq!(changes(&p), [("g3".to_string(), "Status", "partial".to_string(), "done".to_string())]);
    let problems: Vec<String> = p.problems.iter().map(ToString::to_string).collect();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].starts_with("Row 2: has 5 cells but the header has 4"), "{problems:?}");
    assert!(problems[0].ends_with("it is skipped."), "{problems:?}");
}

/// Regression (review finding 5): in a table separated by semicolons, as
/// spreadsheets in much of Europe save it, `0,125` was read as 125.
#[test]
fn a_semicolon_table_reads_the_comma_as_the_decimal_point() {
    let a = worked_example();
    // g1 is 3–5 days.
    let table = "ID;Effort min;Effort max\r\ng1;0,125;1.000,5\r\ng3;1.500;2\r\n";
    let p = preview(&a, table.as_bytes());
    assert_eq!(changes(&p), [("g1".to_string(), "Effort", "3–5 days".to_string(), "0.1–1000.5 days".to_string())]);
    assert_eq!(p.gaps[0].changes[0].value, NewValue::Effort(Some(Effort::new(0.125, 1000.5, EffortUnit::Days))));
    let problems: Vec<String> = p.problems.iter().map(ToString::to_string).collect();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].starts_with("Row 3: the effort's minimum: “1.500” could be 1500 or 1,500"), "{problems:?}");
    // A table separated by commas keeps reading a quoted "4,000" as four thousand.
    let p = preview(&a, "ID,Effort max\r\ng1,\"4,000\"\r\n".as_bytes());
    assert_eq!(p.gaps[0].changes[0].value, NewValue::Effort(Some(Effort::new(3.0, 4000.0, EffortUnit::Days))));
}

/// Regression (review finding 4): Apply wrote the previewed values even
/// where the assessment had changed since the preview (another tab's save,
/// an Undo). Such fields now keep their value and are reported.
#[test]
fn apply_leaves_fields_changed_since_the_preview() {
    let a = worked_example();
    let table = "ID,Status,Owner\r\ng1,done,Dana\r\ng2,done,Lee\r\ng3,done,Kim\r\n";
    let p = preview(&a, table.as_bytes());
    // g2 is done already: its owner is its one change.
    assert_eq!(p.change_count(), 5, "{p:?}");
    let mut now = a.clone();
    // While the dialog is open: g1's status changes elsewhere, g2 is deleted.
    now.gaps[0].status = Status::Accepted;
    now.gaps.retain(|g| g.id != "g2");
    let done = apply(&mut now, &p);
    assert_eq!(done.changed, 3, "g1's owner, g3's status and owner");
    assert_eq!(
        done.skipped,
        [Skipped { id: "g1".to_string(), field: Some("Status") }, Skipped { id: "g2".to_string(), field: None }]
    );
    assert_eq!(now.gaps[0].status, Status::Accepted, "the later edit is kept");
    assert_eq!(now.gaps[0].owner, "Dana");
    let g3 = now.gap("g3").expect("g3");
    assert_eq!((g3.status, g3.owner.as_str()), (Status::Done, "Kim"));
    assert_eq!(
        done.skipped[0].to_string(),
        "Gap “g1”: its Status changed after the preview, so the file's value was not applied."
    );
    // Changing a field back to what the preview saw lets the change through.
    let mut back = a.clone();
    back.gaps[0].status = Status::Accepted;
    back.gaps[0].status = Status::Missing;
    assert_eq!(apply(&mut back, &p).changed, 5);
}

/// A table made of header names and cells that a spreadsheet user might type.
fn table() -> impl Strategy<Value = String> {
    let header = prop::sample::select(vec![
        "ID",
        "Title",
        "Status",
        "Priority",
        "Severity",
        "Category",
        "Phase",
        "Effort min",
        "Effort max",
        "Effort unit",
        "Tags",
        "Owner",
        "Effort days low",
        "Checklist done",
        "other",
    ]);
    let cell = prop::sample::select(vec![
        "",
        "g1",
        "g3",
        "g8",
        "x",
        "done",
        "partial",
        "P1",
        "p0",
        "high",
        "Security",
        "Hardening",
        "1",
        "2,5",
        "-1",
        "days",
        "weeks",
        "'=1+1",
        "a, b",
        "\"",
        "\n",
        "é",
    ]);
    (prop::collection::vec(header, 1..8), prop::collection::vec(prop::collection::vec(cell, 0..9), 0..8)).prop_map(
        |(header, rows)| {
            let mut table = vec![header.into_iter().map(str::to_string).collect::<Vec<_>>()];
            table.extend(rows.into_iter().map(|r| r.into_iter().map(str::to_string).collect()));
            write(&table)
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: ProptestConfig::default().cases.max(256), ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_preview_without_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let a = rich();
        let p = preview(&a, &bytes);
        let mut applied = a.clone();
        let done = apply(&mut applied, &p);
        prop_assert_eq!(done.changed, p.change_count());
        prop_assert_eq!(done.skipped, vec![]);
    }

    /// Applying a preview makes the file's changes: previewing it again finds none.
    #[test]
    fn applying_a_preview_is_idempotent(table in table()) {
        let a = rich();
        let p = preview(&a, table.as_bytes());
        let mut applied = a.clone();
        apply(&mut applied, &p);
        let again = preview(&applied, table.as_bytes());
        prop_assert_eq!(again.gaps, vec![]);
    }
}

// ---------------------------------------------------------------------------
// The command

#[cfg(feature = "cli")]
mod cli {
    use std::process::Command;

    /// Runs `gapmap` and returns its exit code, stdout and stderr.
    fn run(args: &[&str]) -> (i32, String, String) {
        let output = Command::new(env!("CARGO_BIN_EXE_gapmap")).args(args).output().expect("the gapmap binary runs");
        (
            output.status.code().expect("exited"),
            String::from_utf8(output.stdout).expect("UTF-8"),
            String::from_utf8(output.stderr).expect("UTF-8"),
        )
    }

    fn fixture() -> String {
        format!("{}/tests/fixtures/worked-example.json", env!("CARGO_MANIFEST_DIR"))
    }

    #[test]
    fn report_writes_each_csv_layout() {
        let a = super::worked_example();
        for layout in gapmap::core::export::csv::Layout::ALL {
            let (code, stdout, stderr) = run(&["report", &fixture(), "--format", layout.format_name()]);
            assert_eq!((code, stderr.as_str()), (0, ""), "{layout:?}");
            assert_eq!(stdout, gapmap::core::export::csv::write(&a, layout), "{layout:?}: the core's CSV");
        }
        let (_, jira, _) = run(&["report", &fixture(), "--format", "jira"]);
        assert!(jira.starts_with("Summary,Issue Type,Priority,Description,Labels,Sprint\r\n"), "{jira}");
    }

    #[test]
    fn an_unknown_format_is_a_usage_error_listing_the_formats() {
        let (code, stdout, stderr) = run(&["report", &fixture(), "--format", "xlsx"]);
        assert_eq!((code, stdout.as_str()), (2, ""));
        assert!(stderr.contains("the formats are md, csv, jira, github and azure-devops"), "{stderr}");
    }

    #[test]
    fn help_lists_the_formats() {
        let (code, stdout, _) = run(&["--help"]);
        assert_eq!(code, 0);
        assert!(stdout.contains("azure-devops"), "{stdout}");
    }
}
