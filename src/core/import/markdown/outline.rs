//! The outline of a Markdown document: pulldown-cmark's events folded into a
//! small tree of blocks (headings, paragraphs, lists, code, tables), each
//! with its line numbers and its span in the source.
//!
//! The importer reads this tree, never the raw lines: whatever CommonMark
//! says is a list item or a code block is one here. Inline markup is reduced
//! to plain text (emphasis dropped, inline code kept in backticks, links by
//! their text), and every line of a paragraph or list item stays a line, since
//! documents put one statement per line (`**Impact:** …`). Containers nested
//! deeper than [`MAX_DEPTH`] are flattened into their parent so that no input
//! can exhaust the stack of the recursive readers.

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

/// How deeply lists and quotes nest before deeper ones are flattened.
pub const MAX_DEPTH: usize = 24;

/// One line of inline text and the line of the source it starts on (from 1).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Line {
    pub text: String,
    pub number: usize,
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
    let mut builder = Builder { lines: &lines, stack: vec![Frame::Root(Vec::new())], next_id: 0, flattened: 0 };
    for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
        builder.event(event, range);
    }
    builder.finish()
}

/// An open container or leaf while the events stream in.
enum Frame {
    Root(Vec<Block>),
    List {
        ordered: bool,
        items: Vec<Item>,
        span: Span,
    },
    Item {
        item: Item,
        text_open: bool,
    },
    Quote {
        children: Vec<Block>,
        span: Span,
    },
    /// Inline text of a paragraph, heading or table cell.
    Inline {
        kind: InlineKind,
        lines: Vec<Line>,
        span: Span,
    },
    Code {
        info: String,
        text: String,
        first_line: Option<usize>,
        span: Span,
    },
    Html {
        text: String,
        span: Span,
    },
    Table {
        head: Vec<String>,
        rows: Vec<Row>,
        in_head: bool,
        span: Span,
    },
}

#[derive(Clone, Copy, PartialEq)]
enum InlineKind {
    Paragraph,
    Heading(u8),
    Cell,
}

struct Builder<'a> {
    lines: &'a LineIndex,
    stack: Vec<Frame>,
    next_id: usize,
    /// Containers opened beyond [`MAX_DEPTH`] and not yet closed: their
    /// events go to the innermost container kept.
    flattened: usize,
}

impl Builder<'_> {
    fn span(&mut self, range: &Range<usize>) -> Span {
        self.next_id += 1;
        Span { bytes: range.clone(), line: self.lines.line(range.start), id: self.next_id }
    }

    fn depth(&self) -> usize {
        self.stack.iter().filter(|f| matches!(f, Frame::List { .. } | Frame::Quote { .. })).count()
    }

    fn event(&mut self, event: Event, range: Range<usize>) {
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => self.text(&text, &range),
            Event::Code(code) => self.text(&format!("`{code}`"), &range),
            Event::InlineMath(math) => self.text(&format!("${math}$"), &range),
            Event::DisplayMath(math) => self.text(&format!("$${math}$$"), &range),
            Event::Html(html) | Event::InlineHtml(html) => self.html(&html, &range),
            Event::FootnoteReference(label) => self.text(&format!("[^{label}]"), &range),
            Event::SoftBreak | Event::HardBreak => self.line_break(),
            Event::Rule => {
                let span = self.span(&range);
                self.push_block(Block::Rule(span));
            }
            Event::TaskListMarker(done) => {
                // In a loose list the marker comes inside the item's paragraph.
                if let Some(Frame::Item { item, .. }) =
                    self.stack.iter_mut().rev().find(|f| matches!(f, Frame::Item { .. }))
                {
                    item.task = Some(done);
                }
            }
        }
    }

    fn start(&mut self, tag: Tag, range: Range<usize>) {
        match tag {
            Tag::Paragraph => {
                self.close_item_text();
                let span = self.span(&range);
                self.stack.push(Frame::Inline { kind: InlineKind::Paragraph, lines: Vec::new(), span });
            }
            Tag::Heading { level, .. } => {
                self.close_item_text();
                let span = self.span(&range);
                self.stack.push(Frame::Inline { kind: InlineKind::Heading(level as u8), lines: Vec::new(), span });
            }
            Tag::List(first) => {
                if self.depth() >= MAX_DEPTH {
                    self.flattened += 1;
                    return;
                }
                self.close_item_text();
                let span = self.span(&range);
                self.stack.push(Frame::List { ordered: first.is_some(), items: Vec::new(), span });
            }
            Tag::Item => {
                if self.flattened > 0 || !matches!(self.stack.last(), Some(Frame::List { .. })) {
                    self.flattened += 1;
                    self.line_break();
                    return;
                }
                let span = self.span(&range);
                let item = Item { task: None, lines: Vec::new(), children: Vec::new(), span };
                self.stack.push(Frame::Item { item, text_open: false });
            }
            Tag::BlockQuote(_) => {
                if self.depth() >= MAX_DEPTH {
                    self.flattened += 1;
                    return;
                }
                self.close_item_text();
                let span = self.span(&range);
                self.stack.push(Frame::Quote { children: Vec::new(), span });
            }
            Tag::CodeBlock(kind) => {
                self.close_item_text();
                let info = match kind {
                    CodeBlockKind::Fenced(info) => info.trim().to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                let span = self.span(&range);
                self.stack.push(Frame::Code { info, text: String::new(), first_line: None, span });
            }
            Tag::HtmlBlock => {
                self.close_item_text();
                let span = self.span(&range);
                self.stack.push(Frame::Html { text: String::new(), span });
            }
            Tag::Table(_) => {
                self.close_item_text();
                let span = self.span(&range);
                self.stack.push(Frame::Table { head: Vec::new(), rows: Vec::new(), in_head: false, span });
            }
            Tag::TableHead => {
                if let Some(Frame::Table { in_head, .. }) = self.stack.last_mut() {
                    *in_head = true;
                }
            }
            Tag::TableRow => {
                let line = self.lines.line(range.start);
                if let Some(Frame::Table { rows, in_head: false, .. }) = self.stack.last_mut() {
                    rows.push(Row { cells: Vec::new(), line });
                }
            }
            Tag::TableCell => {
                let span = self.span(&range);
                self.stack.push(Frame::Inline { kind: InlineKind::Cell, lines: Vec::new(), span });
            }
            // Inline markup: only its text matters.
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::Heading(_) => {
                if let Some(Frame::Inline { kind, lines, span }) = self.pop_if(|f| matches!(f, Frame::Inline { .. })) {
                    let lines = trimmed(lines);
                    let block = match kind {
                        InlineKind::Heading(level) => Block::Heading(Heading { level, text: joined(&lines), span }),
                        _ => Block::Paragraph(Paragraph { lines, span }),
                    };
                    // The first paragraph of a list item is the item's own text.
                    if let (Block::Paragraph(p), Some(Frame::Item { item, .. })) = (&block, self.stack.last_mut()) {
                        if item.lines.is_empty() && item.children.is_empty() {
                            item.lines = p.lines.clone();
                            return;
                        }
                    }
                    self.push_block(block);
                }
            }
            TagEnd::List(_) => {
                if self.flattened > 0 {
                    self.flattened -= 1;
                    return;
                }
                if let Some(Frame::List { ordered, items, span }) = self.pop_if(|f| matches!(f, Frame::List { .. })) {
                    self.push_block(Block::List(List { ordered, items, span }));
                }
            }
            TagEnd::Item => {
                if self.flattened > 0 {
                    self.flattened -= 1;
                    return;
                }
                if let Some(Frame::Item { mut item, .. }) = self.pop_if(|f| matches!(f, Frame::Item { .. })) {
                    item.lines = trimmed(std::mem::take(&mut item.lines));
                    if let Some(Frame::List { items, .. }) = self.stack.last_mut() {
                        items.push(item);
                    }
                }
            }
            TagEnd::BlockQuote(_) => {
                if self.flattened > 0 {
                    self.flattened -= 1;
                    return;
                }
                if let Some(Frame::Quote { children, span }) = self.pop_if(|f| matches!(f, Frame::Quote { .. })) {
                    self.push_block(Block::Quote(Quote { children, span }));
                }
            }
            TagEnd::CodeBlock => {
                if let Some(Frame::Code { info, text, first_line, span }) =
                    self.pop_if(|f| matches!(f, Frame::Code { .. }))
                {
                    let first = first_line.unwrap_or(span.line + 1);
                    let text = text.strip_suffix('\n').unwrap_or(&text);
                    let lines = if text.is_empty() {
                        Vec::new()
                    } else {
                        text.split('\n')
                            .enumerate()
                            .map(|(i, line)| Line { text: line.trim_end_matches('\r').to_string(), number: first + i })
                            .collect()
                    };
                    self.push_block(Block::Code(Code { info, lines, span }));
                }
            }
            TagEnd::HtmlBlock => {
                if let Some(Frame::Html { text, span }) = self.pop_if(|f| matches!(f, Frame::Html { .. })) {
                    self.push_block(Block::Html(Html { text, span }));
                }
            }
            TagEnd::TableHead => {
                if let Some(Frame::Table { in_head, .. }) = self.stack.last_mut() {
                    *in_head = false;
                }
            }
            TagEnd::TableCell => {
                if let Some(Frame::Inline { lines, .. }) = self.pop_if(|f| matches!(f, Frame::Inline { .. })) {
                    let cell = joined(&trimmed(lines));
                    match self.stack.last_mut() {
                        Some(Frame::Table { head, in_head: true, .. }) => head.push(cell),
                        Some(Frame::Table { rows, .. }) => {
                            if let Some(row) = rows.last_mut() {
                                row.cells.push(cell);
                            }
                        }
                        _ => {}
                    }
                }
            }
            TagEnd::Table => {
                if let Some(Frame::Table { head, rows, span, .. }) = self.pop_if(|f| matches!(f, Frame::Table { .. })) {
                    self.push_block(Block::Table(Table { head, rows, span }));
                }
            }
            _ => {}
        }
    }

    /// Pops the innermost frame when it is of the expected kind; the events
    /// are balanced, so anything else means a frame was flattened away.
    fn pop_if(&mut self, expected: impl Fn(&Frame) -> bool) -> Option<Frame> {
        if self.stack.len() > 1 && self.stack.last().is_some_and(expected) {
            self.stack.pop()
        } else {
            None
        }
    }

    /// Adds a finished block to the innermost container.
    fn push_block(&mut self, block: Block) {
        self.close_item_text();
        match self.stack.last_mut() {
            Some(Frame::Root(blocks)) | Some(Frame::Quote { children: blocks, .. }) => blocks.push(block),
            Some(Frame::Item { item, .. }) => item.children.push(block),
            Some(Frame::List { items, .. }) => {
                // Only reached when an item was flattened away: keep the block
                // under the last item.
                if let Some(item) = items.last_mut() {
                    item.children.push(block);
                }
            }
            // Blocks inside leaves cannot happen with balanced events; a
            // flattened container's text stays in the leaf.
            _ => {}
        }
    }

    /// Ends the tight text of the innermost list item, if it is being written.
    fn close_item_text(&mut self) {
        if let Some(Frame::Item { text_open, .. }) = self.stack.last_mut() {
            *text_open = false;
        }
    }

    fn text(&mut self, text: &str, range: &Range<usize>) {
        let line = self.lines.line(range.start);
        match self.stack.last_mut() {
            Some(Frame::Inline { lines, .. }) => append(lines, text, line),
            Some(Frame::Code { text: code, first_line, .. }) => {
                first_line.get_or_insert(line);
                code.push_str(text);
            }
            Some(Frame::Html { text: html, .. }) => html.push_str(text),
            Some(Frame::Item { item, text_open }) => {
                // A tight list item's text comes without a paragraph.
                if !*text_open && !item.lines.is_empty() {
                    append_line(&mut item.lines, line);
                }
                *text_open = true;
                append(&mut item.lines, text, line);
            }
            _ => {}
        }
    }

    fn html(&mut self, html: &str, range: &Range<usize>) {
        match self.stack.last_mut() {
            Some(Frame::Html { text, .. }) => text.push_str(html),
            _ => self.text(html, range),
        }
    }

    fn line_break(&mut self) {
        match self.stack.last_mut() {
            Some(Frame::Inline { lines, .. }) => lines.push(Line::default()),
            Some(Frame::Item { item, text_open: true }) => item.lines.push(Line::default()),
            _ => {}
        }
    }

    fn finish(mut self) -> Vec<Block> {
        // Events are balanced, so only the root is left; should that ever not
        // hold, unwinding keeps what was read.
        while self.stack.len() > 1 {
            match self.stack.pop() {
                Some(Frame::Inline { lines, span, .. }) => {
                    self.push_block(Block::Paragraph(Paragraph { lines: trimmed(lines), span }))
                }
                Some(Frame::List { ordered, items, span }) => {
                    self.push_block(Block::List(List { ordered, items, span }))
                }
                Some(Frame::Item { item, .. }) => {
                    if let Some(Frame::List { items, .. }) = self.stack.last_mut() {
                        items.push(item);
                    }
                }
                Some(Frame::Quote { children, span }) => self.push_block(Block::Quote(Quote { children, span })),
                _ => {}
            }
        }
        match self.stack.pop() {
            Some(Frame::Root(blocks)) => blocks,
            _ => Vec::new(),
        }
    }
}

/// Appends text to the last line, starting one when there is none or when
/// the last was ended by a line break.
fn append(lines: &mut Vec<Line>, text: &str, line: usize) {
    if lines.is_empty() {
        lines.push(Line { text: String::new(), number: line });
    }
    if let Some(last) = lines.last_mut() {
        if last.text.is_empty() {
            last.number = line;
        }
        last.text.push_str(text);
    }
}

fn append_line(lines: &mut Vec<Line>, line: usize) {
    lines.push(Line { text: String::new(), number: line });
}

/// Lines with their outer whitespace removed, empty ones dropped.
fn trimmed(lines: Vec<Line>) -> Vec<Line> {
    lines
        .into_iter()
        .filter_map(|line| {
            let text = line.text.trim();
            (!text.is_empty()).then(|| Line { text: text.to_string(), number: line.number })
        })
        .collect()
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
