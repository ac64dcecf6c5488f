//! What an output format is to the stream: an [`Emitter`] with what comes before the
//! files, one file's part, and what comes after. The stream knows no format by name.
//!
//! Adding a format: one file with its `Emitter` (a unit struct), one `Format` variant,
//! and one line in [`super::Format::emitter`].

use std::io::{self, Write};

use super::stream::Counts;
use super::{LintedFile, RenderOptions, Summary};

/// One output format.
pub(super) trait Emitter: Sync {
    /// What comes before the first file's part.
    fn begin(&self, sink: &mut Sink<'_>) -> io::Result<()> {
        let _ = sink;
        Ok(())
    }

    /// One file's part, rendered on the worker that linted the file; a format that folds
    /// findings sets `counts.entries`.
    fn part(&self, report: &LintedFile, options: &RenderOptions, counts: &mut Counts) -> Body;

    /// Writes a part, in file order.
    fn write_part(&self, body: &Body, sink: &mut Sink<'_>) -> io::Result<()> {
        sink.write_body(body)
    }

    /// What comes after the last part; `summary` counts the whole run.
    fn finish(&self, sink: &mut Sink<'_>, summary: &Summary) -> io::Result<()>;

    /// For JSON documents: where the elements of the findings array start on their
    /// lines, two spaces per level of nesting.
    fn item_indent(&self) -> usize {
        0
    }
}

/// A part's output, in the shape its format writes it.
#[derive(Debug)]
pub enum Body {
    /// Text written as it is (human, short, GitHub, JUnit).
    Text(Vec<u8>),
    /// Elements of a JSON document's one array (JSON, SARIF, GitLab), each
    /// pretty-printed at its depth, without its closing brace.
    Items(Vec<Item>),
}

/// One element of the array a JSON document holds its findings in.
#[derive(Debug)]
pub struct Item {
    /// The element without its closing brace, indented for its depth.
    pub(super) text: String,
    /// For `--format json`: the index, within the file, of the diagnostic this one is
    /// folded into; the JSON emitter numbers it across the run.
    pub(super) folded_into: Option<usize>,
}

/// Where parts are written, and what the run has written so far.
pub(super) struct Sink<'o> {
    /// The output.
    pub out: &'o mut dyn Write,
    /// How to render.
    pub options: RenderOptions,
    /// The counts of the parts written so far.
    pub totals: Counts,
    /// Parts written so far.
    pub files: usize,
    /// JSON elements written so far (for the commas between them and run-wide numbers).
    pub items: usize,
    /// Parts kept for the end (JUnit's header holds the totals).
    pub held: Vec<u8>,
    /// The format's [`Emitter::item_indent`].
    pub item_indent: usize,
}

impl Sink<'_> {
    /// Writes a part as it is: text as it stands, elements at `indent` with no trailer.
    pub fn write_body(&mut self, body: &Body) -> io::Result<()> {
        match body {
            Body::Text(text) => self.out.write_all(text),
            Body::Items(items) => items.iter().try_for_each(|item| self.write_item(&item.text, None)),
        }
    }

    /// Writes one JSON element after those already written.
    pub fn write_item(&mut self, text: &str, trailer: Option<&str>) -> io::Result<()> {
        let indent = self.item_indent;
        super::json_stream::item(self.out, indent, self.items, text, trailer)?;
        self.items += 1;
        Ok(())
    }
}
