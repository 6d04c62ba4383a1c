//! The outline of a Markdown document: pulldown-cmark's events folded into a
//! small tree of blocks (headings, paragraphs, lists, code, tables), each
//! with its line numbers and its span in the source.
//!
//! The importer reads this tree, never the raw lines: whatever CommonMark
//! says is a list item or a code block is one here. Inline markup is reduced
//! to plain text (emphasis dropped, inline code kept in backticks, links by
//! their text), and every line of a paragraph or list item stays a line, since
//! documents put one statement per line (`**Impact:** …`). Each line keeps
//! where its links and code spans stand ([`Mark`]), with a link's address
//! and a code span's exact text, for what Gapmap's own report writes as
//! links (evidence) or code (addresses that may not be links). Containers nested
//! deeper than [`MAX_DEPTH`] are flattened into their parent so that no input
//! can exhaust the stack of the recursive readers.
//!
//! This file holds the tree's types and [`parse`]; `builder` folds the
//! events into it.

mod builder;

use std::ops::Range;

use pulldown_cmark::{Options, Parser};

use builder::Builder;

/// How deeply lists and quotes nest before deeper ones are flattened.
pub const MAX_DEPTH: usize = 24;

/// One line of inline text and the line of the source it starts on (from 1).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Line {
    pub text: String,
    pub number: usize,
    /// The links and code spans that stand whole on this line, in order.
    pub marks: Vec<Mark>,
}

/// A link or code span of a line: the bytes of the line's text it covers
/// (for a code span, with its backticks) and what the text alone loses.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    pub bytes: Range<usize>,
    pub kind: MarkKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum MarkKind {
    /// A link, with its address as the parser read it (escapes undone).
    Link(String),
    /// A code span, with its text exactly.
    Code(String),
}

impl Line {
    /// The mark that covers `text[start..]` exactly, if one does.
    pub fn mark_at(&self, start: usize) -> Option<&Mark> {
        self.marks.iter().find(|m| m.bytes.start == start && m.bytes.end == self.text.len())
    }
}

/// A block of the document.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Heading(Heading),
    Paragraph(Paragraph),
    List(List),
    Code(Code),
    Table(Table),
    Quote(Quote),
    /// Raw HTML, kept as written.
    Html(Html),
    /// A thematic break (`---`).
    Rule(Span),
}

/// Where a block is: its byte range in the source and its first line.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Span {
    pub bytes: Range<usize>,
    pub line: usize,
    /// A number unique to the block within its document.
    pub id: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Heading {
    /// 1 to 6.
    pub level: u8,
    pub text: String,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Paragraph {
    pub lines: Vec<Line>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct List {
    pub ordered: bool,
    pub items: Vec<Item>,
    pub span: Span,
}

/// A list item: its own text (the first paragraph, line by line) and the
/// blocks nested under it.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// `Some(done)` for a task list item (`- [ ]`, `- [x]`).
    pub task: Option<bool>,
    pub lines: Vec<Line>,
    pub children: Vec<Block>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Code {
    /// The info string of a fenced block (`yaml`), empty when there is none.
    pub info: String,
    /// The lines of the code, each with its source line.
    pub lines: Vec<Line>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub head: Vec<String>,
    pub rows: Vec<Row>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub cells: Vec<String>,
    pub line: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    pub children: Vec<Block>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Html {
    pub text: String,
    pub span: Span,
}

impl Code {
    /// Whether the block has no language: text laid out, not code.
    pub fn is_plain(&self) -> bool {
        matches!(self.info.to_lowercase().as_str(), "" | "text" | "txt" | "plain" | "plaintext")
    }

    /// The text of the block, its lines joined.
    pub fn text(&self) -> String {
        self.lines.iter().map(|l| l.text.as_str()).collect::<Vec<_>>().join("\n")
    }
}

impl Block {
    pub fn span(&self) -> &Span {
        match self {
            Block::Heading(b) => &b.span,
            Block::Paragraph(b) => &b.span,
            Block::List(b) => &b.span,
            Block::Code(b) => &b.span,
            Block::Table(b) => &b.span,
            Block::Quote(b) => &b.span,
            Block::Html(b) => &b.span,
            Block::Rule(span) => span,
        }
    }
}

/// Line numbers of byte offsets.
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.bytes().enumerate().filter(|&(_, b)| b == b'\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    /// The line (from 1) that holds the byte at `offset`.
    pub fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset).max(1)
    }

    /// The byte range of line `number` (from 1), without its line break.
    pub fn range(&self, text: &str, number: usize) -> Range<usize> {
        let start = self.starts.get(number.saturating_sub(1)).copied().unwrap_or(text.len());
        let end = self.starts.get(number).map_or(text.len(), |next| next.saturating_sub(1));
        let end = end.max(start).min(text.len());
        let end = if text.as_bytes().get(end.wrapping_sub(1)) == Some(&b'\r') && end > start { end - 1 } else { end };
        start.min(end)..end
    }
}

/// The parser options the importer reads with: GitHub's tables, task lists
/// and strikethrough, which readiness documents use throughout.
pub fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_TASKLISTS | Options::ENABLE_STRIKETHROUGH
}

/// Parses a document into its top-level blocks.
pub fn parse(text: &str) -> Vec<Block> {
    let lines = LineIndex::new(text);
    let mut builder = Builder::new(&lines);
    for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
        builder.event(event, range);
    }
    builder.finish()
}

/// The lines as one, separated by spaces.
pub fn joined(lines: &[Line]) -> String {
    let mut text = String::new();
    for line in lines {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(&line.text);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(lines: &[Line]) -> Vec<(&str, usize)> {
        lines.iter().map(|l| (l.text.as_str(), l.number)).collect()
    }

    #[test]
    fn paragraphs_keep_their_lines() {
        let blocks = parse("# Title\n\n**Impact:** high\n**Risk Level:** *CRITICAL*\n");
        let [Block::Heading(h), Block::Paragraph(p)] = blocks.as_slice() else { panic!("{blocks:?}") };
        assert_eq!((h.level, h.text.as_str(), h.span.line), (1, "Title", 1));
        assert_eq!(texts(&p.lines), vec![("Impact: high", 3), ("Risk Level: CRITICAL", 4)]);
    }

    #[test]
    fn lists_hold_items_tasks_and_children() {
        let text = "- ❌ No CI\n- [x] done `x`\n  - [ ] nested\n\n  ```\n  code\n  ```\n";
        let blocks = parse(text);
        let [Block::List(list)] = blocks.as_slice() else { panic!("{blocks:?}") };
        assert_eq!(list.items.len(), 2);
        assert_eq!(texts(&list.items[0].lines), vec![("❌ No CI", 1)]);
        let second = &list.items[1];
        assert_eq!(second.task, Some(true));
        assert_eq!(texts(&second.lines), vec![("done `x`", 2)]);
        let [Block::List(nested), Block::Code(code)] = second.children.as_slice() else { panic!("{second:?}") };
        assert_eq!(nested.items[0].task, Some(false));
        assert_eq!(texts(&code.lines), vec![("code", 6)]);
    }

    #[test]
    fn lines_keep_their_links_and_code_spans() {
        let blocks = parse("- see [the *run*](<https://x/a\\&amp;b>) and `a``b`\n- [  spaced](x)\n");
        let [Block::List(list)] = blocks.as_slice() else { panic!("{blocks:?}") };
        let line = &list.items[0].lines[0];
        assert_eq!(line.text, "see the run and `a``b`");
        let marks: Vec<(&str, &MarkKind)> = line.marks.iter().map(|m| (&line.text[m.bytes.clone()], &m.kind)).collect();
        assert_eq!(
            marks,
            [("the run", &MarkKind::Link("https://x/a&amp;b".into())), ("`a``b`", &MarkKind::Code("a``b".into()))]
        );
        // A mark that reaches into the whitespace a line loses is dropped.
        assert_eq!(list.items[1].lines[0].marks, vec![]);
    }

    #[test]
    fn tables_hold_head_and_rows() {
        let blocks = parse("| A | B |\n|---|---|\n| **x** | 1 \\| 2 |\n| y | |\n");
        let [Block::Table(t)] = blocks.as_slice() else { panic!("{blocks:?}") };
        assert_eq!(t.head, vec!["A", "B"]);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0].cells, vec!["x", "1 | 2"]);
        assert_eq!(t.rows[0].line, 3);
        assert_eq!(t.rows[1].cells, vec!["y", ""]);
    }

    #[test]
    fn code_blocks_keep_info_and_lines() {
        let blocks = parse("text\n\n```yaml\na: 1\n\nb: 2\n```\n");
        let [_, Block::Code(code)] = blocks.as_slice() else { panic!("{blocks:?}") };
        assert_eq!(code.info, "yaml");
        assert_eq!(texts(&code.lines), vec![("a: 1", 4), ("", 5), ("b: 2", 6)]);
    }

    #[test]
    fn deep_nesting_is_flattened() {
        let text = format!("{}deep\n", "> ".repeat(200));
        let blocks = parse(&text);
        fn depth(blocks: &[Block]) -> usize {
            blocks
                .iter()
                .map(|b| match b {
                    Block::Quote(q) => 1 + depth(&q.children),
                    _ => 0,
                })
                .max()
                .unwrap_or(0)
        }
        assert_eq!(depth(&blocks), MAX_DEPTH);
        let list = format!("{}x\n", (0..200).map(|i| format!("{}- ", "  ".repeat(i))).collect::<String>());
        assert!(!parse(&list).is_empty());
    }

    #[test]
    fn line_index() {
        let text = "a\r\nbc\n\nd";
        let index = LineIndex::new(text);
        assert_eq!(index.line(0), 1);
        assert_eq!(index.line(3), 2);
        assert_eq!(index.line(8), 4);
        assert_eq!(&text[index.range(text, 1)], "a");
        assert_eq!(&text[index.range(text, 2)], "bc");
        assert_eq!(&text[index.range(text, 3)], "");
        assert_eq!(&text[index.range(text, 4)], "d");
        assert_eq!(&text[index.range(text, 9)], "");
    }
}
