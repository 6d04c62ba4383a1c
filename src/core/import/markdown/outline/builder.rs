//! The fold of pulldown-cmark's events into the outline's blocks: a stack
//! of open containers (lists, items, quotes) and leaves (inline text, code,
//! HTML, tables), each closed into its block when its end event comes.
//! Containers nested deeper than [`MAX_DEPTH`] are flattened into their
//! parent, so that no input can exhaust the stack of the recursive readers.

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, Tag, TagEnd};

use super::{
    joined, Block, Code, Heading, Html, Item, Line, LineIndex, List, Mark, MarkKind, Paragraph, Quote, Row, Span,
    Table, MAX_DEPTH,
};

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

/// The blocks built so far, and the frames still open.
pub(super) struct Builder<'a> {
    lines: &'a LineIndex,
    stack: Vec<Frame>,
    next_id: usize,
    /// Containers opened beyond [`MAX_DEPTH`] and not yet closed: their
    /// events go to the innermost container kept.
    flattened: usize,
    /// The link being read: its address, and where its text began (the
    /// index of the line among the open leaf's lines, and the byte there).
    link: Option<(String, Option<(usize, usize)>)>,
}

impl<'a> Builder<'a> {
    /// A builder with only the root open, numbering lines by `lines`.
    pub(super) fn new(lines: &'a LineIndex) -> Self {
        Builder { lines, stack: vec![Frame::Root(Vec::new())], next_id: 0, flattened: 0, link: None }
    }

    fn span(&mut self, range: &Range<usize>) -> Span {
        self.next_id += 1;
        Span { bytes: range.clone(), line: self.lines.line(range.start), id: self.next_id }
    }

    fn depth(&self) -> usize {
        self.stack.iter().filter(|f| matches!(f, Frame::List { .. } | Frame::Quote { .. })).count()
    }

    /// Folds in the next event, with its byte range in the source.
    pub(super) fn event(&mut self, event: Event, range: Range<usize>) {
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => {
                self.text(&text, &range);
            }
            Event::Code(code) => {
                if let Some((line, start)) = self.text(&format!("`{code}`"), &range) {
                    self.mark(line, start, MarkKind::Code(code.to_string()));
                }
            }
            Event::InlineMath(math) => {
                self.text(&format!("${math}$"), &range);
            }
            Event::DisplayMath(math) => {
                self.text(&format!("$${math}$$"), &range);
            }
            Event::Html(html) | Event::InlineHtml(html) => self.html(&html, &range),
            Event::FootnoteReference(label) => {
                self.text(&format!("[^{label}]"), &range);
            }
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
            Tag::Link { dest_url, .. } => self.link = Some((dest_url.to_string(), None)),
            // Other inline markup: only its text matters.
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
                            .map(|(i, line)| Line {
                                text: line.trim_end_matches('\r').to_string(),
                                number: first + i,
                                marks: Vec::new(),
                            })
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
            TagEnd::Link => {
                if let Some((url, Some((line, start)))) = self.link.take() {
                    self.mark(line, start, MarkKind::Link(url));
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

    /// Adds inline text to the open leaf; returns where it went in the
    /// leaf's lines (the line's index and the byte it starts at), when it
    /// went to lines.
    fn text(&mut self, text: &str, range: &Range<usize>) -> Option<(usize, usize)> {
        let line = self.lines.line(range.start);
        let placed = match self.stack.last_mut() {
            Some(Frame::Inline { lines, .. }) => Some(append(lines, text, line)),
            Some(Frame::Code { text: code, first_line, .. }) => {
                first_line.get_or_insert(line);
                code.push_str(text);
                None
            }
            Some(Frame::Html { text: html, .. }) => {
                html.push_str(text);
                None
            }
            Some(Frame::Item { item, text_open }) => {
                // A tight list item's text comes without a paragraph.
                if !*text_open && !item.lines.is_empty() {
                    append_line(&mut item.lines, line);
                }
                *text_open = true;
                Some(append(&mut item.lines, text, line))
            }
            _ => None,
        };
        if let (Some((_, start @ None)), Some(at)) = (&mut self.link, placed) {
            *start = Some(at);
        }
        placed
    }

    /// Marks the text from `start` on line `line` of the open leaf to the
    /// end of that line, when the leaf is still on that line.
    fn mark(&mut self, line: usize, start: usize, kind: MarkKind) {
        let lines = match self.stack.last_mut() {
            Some(Frame::Inline { lines, .. }) => lines,
            Some(Frame::Item { item, .. }) => &mut item.lines,
            _ => return,
        };
        if lines.len() == line + 1 {
            if let Some(last) = lines.last_mut() {
                let end = last.text.len();
                last.marks.push(Mark { bytes: start..end, kind });
            }
        }
    }

    fn html(&mut self, html: &str, range: &Range<usize>) {
        match self.stack.last_mut() {
            Some(Frame::Html { text, .. }) => text.push_str(html),
            _ => {
                self.text(html, range);
            }
        }
    }

    fn line_break(&mut self) {
        match self.stack.last_mut() {
            Some(Frame::Inline { lines, .. }) => lines.push(Line::default()),
            Some(Frame::Item { item, text_open: true }) => item.lines.push(Line::default()),
            _ => {}
        }
    }

    /// The top-level blocks, once every event is in.
    pub(super) fn finish(mut self) -> Vec<Block> {
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
/// the last was ended by a line break; returns the line's index and the
/// byte the text starts at.
fn append(lines: &mut Vec<Line>, text: &str, line: usize) -> (usize, usize) {
    if lines.is_empty() {
        append_line(lines, line);
    }
    let index = lines.len() - 1;
    let mut start = 0;
    if let Some(last) = lines.last_mut() {
        if last.text.is_empty() {
            last.number = line;
        }
        start = last.text.len();
        last.text.push_str(text);
    }
    (index, start)
}

fn append_line(lines: &mut Vec<Line>, line: usize) {
    lines.push(Line { number: line, ..Line::default() });
}

/// Lines with their outer whitespace removed, empty ones dropped; marks
/// that reach into the removed whitespace are dropped too.
fn trimmed(lines: Vec<Line>) -> Vec<Line> {
    lines
        .into_iter()
        .filter_map(|line| {
            let text = line.text.trim();
            let from = line.text.len() - line.text.trim_start().len();
            let marks = line
                .marks
                .into_iter()
                .filter(|m| m.bytes.start >= from && m.bytes.end <= from + text.len())
                .map(|m| Mark { bytes: m.bytes.start - from..m.bytes.end - from, kind: m.kind })
                .collect();
            (!text.is_empty()).then(|| Line { text: text.to_string(), number: line.number, marks })
        })
        .collect()
}
