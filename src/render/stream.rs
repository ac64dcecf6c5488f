//! Output file by file. Each file's part is rendered where the file was linted (on a
//! worker thread, right after the lint, so its text can be dropped), and the parts are
//! written in file order between what comes before and after them. The output is the
//! same byte for byte as rendering the whole run at once: `render` goes through here too.

use std::io::{self, Write};

use super::{FileReport, Format, RenderOptions, RunProblem, Summary, github, gitlab, human, json, junit, sarif, short};
use crate::diagnostic::Severity;
use crate::fix::Applicability;

/// One file's output, and what the run needs to know of it once its text is gone.
#[derive(Debug)]
pub struct Part {
    /// Counts for the summary, the exit code and `--fix`'s report.
    pub counts: Counts,
    /// The rendered output.
    pub(super) body: Body,
}

/// What one file contributes to the run's totals.
#[derive(Debug, Clone, Default)]
pub struct Counts {
    /// Diagnostics by severity.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Infos.
    pub infos: usize,
    /// Entries shown by the human format (repeats folded).
    pub entries: usize,
    /// Files with at least one diagnostic (1 or 0 for one file).
    pub files_with_findings: usize,
    /// Fixes left that only `--unsafe-fixes` applies.
    pub unsafe_fixes: usize,
    /// The most serious diagnostic, if any.
    pub worst: Option<Severity>,
    /// How often each rule fired at each severity, in order of first occurrence.
    pub(super) by_rule: Vec<(&'static str, Severity, usize)>,
}

impl Counts {
    /// The counts of one file's diagnostics.
    pub fn of(report: &FileReport) -> Counts {
        let mut counts =
            Counts { files_with_findings: usize::from(!report.diagnostics.is_empty()), ..Counts::default() };
        for diagnostic in &report.diagnostics {
            match diagnostic.severity {
                Severity::Error => counts.errors += 1,
                Severity::Warning => counts.warnings += 1,
                Severity::Info => counts.infos += 1,
            }
            counts.worst = counts.worst.max(Some(diagnostic.severity));
            let fix = diagnostic.fix.as_ref();
            counts.unsafe_fixes += usize::from(fix.is_some_and(|fix| fix.applicability == Applicability::Unsafe));
            counts.count_rule(diagnostic.rule.name, diagnostic.severity, 1);
        }
        counts
    }

    /// Every diagnostic of the file.
    pub fn diagnostics(&self) -> usize {
        self.errors + self.warnings + self.infos
    }

    /// Adds another file's counts.
    pub fn add(&mut self, other: &Counts) {
        self.errors += other.errors;
        self.warnings += other.warnings;
        self.infos += other.infos;
        self.entries += other.entries;
        self.files_with_findings += other.files_with_findings;
        self.unsafe_fixes += other.unsafe_fixes;
        self.worst = self.worst.max(other.worst);
        for &(name, severity, count) in &other.by_rule {
            self.count_rule(name, severity, count);
        }
    }

    /// Adds `count` findings of a rule at a severity, keeping the order of first occurrence.
    fn count_rule(&mut self, name: &'static str, severity: Severity, count: usize) {
        match self.by_rule.iter_mut().find(|(n, s, _)| (*n, *s) == (name, severity)) {
            Some((_, _, total)) => *total += count,
            None => self.by_rule.push((name, severity, count)),
        }
    }
}

/// A part's output, in the shape its format writes it.
#[derive(Debug)]
pub(super) enum Body {
    /// Text written as it is (human, short, GitHub, JUnit).
    Text(Vec<u8>),
    /// Elements of the document's one array (JSON, SARIF, GitLab), each pretty-printed at
    /// its depth, without its closing brace.
    Items(Vec<Item>),
}

/// One element of the array a JSON document holds its findings in.
#[derive(Debug)]
pub(super) struct Item {
    /// The element without its closing brace, indented for its depth.
    pub text: String,
    /// For `--format json`: the index, within the file, of the diagnostic this one is
    /// folded into; the writer numbers it across the run.
    pub folded_into: Option<usize>,
}

/// Renders one file's part.
pub fn part(format: Format, report: &FileReport, options: &RenderOptions) -> Part {
    let mut counts = Counts::of(report);
    let body = match format {
        Format::Human => {
            let (text, entries) = human::part(report, options);
            counts.entries = entries;
            Body::Text(text)
        }
        Format::Short => Body::Text(short::part(report)),
        Format::Github => Body::Text(github::part(report, options)),
        Format::Junit => Body::Text(junit::part(report)),
        Format::Json => Body::Items(json::items(report)),
        Format::Sarif => Body::Items(sarif::items(report, options)),
        Format::Gitlab => Body::Items(gitlab::items(report, options)),
    };
    Part { counts, body }
}

/// Writes parts in file order: what comes before them at once, what comes after them (the
/// summary, the run's errors) at the end.
pub struct Stream<'o> {
    format: Format,
    options: RenderOptions,
    out: &'o mut dyn Write,
    files: usize,
    totals: Counts,
    /// Items written so far (for the commas between them, and JSON's run-wide numbering).
    items: usize,
    /// JUnit's header holds the totals: its parts wait for the end.
    held: Vec<u8>,
}

impl<'o> Stream<'o> {
    /// Starts the output.
    pub fn begin(format: Format, options: RenderOptions, out: &'o mut dyn Write) -> io::Result<Stream<'o>> {
        if let Some(skeleton) = Skeleton::of(format, &options, &Summary::default()) {
            out.write_all(skeleton.head.as_bytes())?;
        }
        let totals = Counts::default();
        Ok(Stream { format, options, out, files: 0, totals, items: 0, held: Vec::new() })
    }

    /// Writes the next file's part.
    pub fn part(&mut self, part: &Part) -> io::Result<()> {
        self.files += 1;
        self.totals.add(&part.counts);
        match &part.body {
            Body::Text(text) if self.format == Format::Junit => self.held.extend_from_slice(text),
            Body::Text(_) if self.format == Format::Human && self.options.statistics => {}
            Body::Text(text) => self.out.write_all(text)?,
            Body::Items(items) => {
                let first = self.items;
                for item in items {
                    self.item(&item.text, item.folded_into.map(|index| first + index))?;
                }
            }
        }
        Ok(())
    }

    /// Writes one element of the document's array, as the pretty printer places it.
    fn item(&mut self, text: &str, folded_into: Option<usize>) -> io::Result<()> {
        let indent = item_indent(self.format);
        let separator = if self.items == 0 { "" } else { "," };
        write!(self.out, "{separator}\n{:indent$}{text}", "")?;
        if let Some(index) = folded_into {
            write!(self.out, ",\n{:width$}\"folded_into\": {index}", "", width = indent + 2)?;
        }
        write!(self.out, "\n{:indent$}}}", "")?;
        self.items += 1;
        Ok(())
    }

    /// Writes what comes after the parts; `run_errors` are the paths the run could not check.
    pub fn finish(mut self, run_errors: Vec<RunProblem>) -> io::Result<()> {
        self.options.run_errors = run_errors;
        let summary = Summary {
            files: self.files,
            errors: self.totals.errors,
            warnings: self.totals.warnings,
            infos: self.totals.infos,
        };
        match self.format {
            Format::Human => human::finish(&summary, &self.totals, &self.options, self.out),
            Format::Short => short::finish(&summary, &self.options, self.out),
            Format::Github => Ok(()),
            Format::Junit => junit::finish(&self.totals, self.files, &self.held, &self.options, self.out),
            Format::Json | Format::Sarif | Format::Gitlab => {
                if self.format == Format::Gitlab {
                    for text in gitlab::error_items(&self.options) {
                        self.item(&text, None)?;
                    }
                }
                let Some(skeleton) = Skeleton::of(self.format, &self.options, &summary) else { return Ok(()) };
                if self.items > 0 {
                    write!(self.out, "\n{:1$}", "", item_indent(self.format).saturating_sub(2))?;
                }
                self.out.write_all(skeleton.tail.as_bytes())
            }
        }
    }
}

/// Where the elements of a JSON format's array start on their lines, as the pretty
/// printer indents them: two spaces per level of nesting (`{"diagnostics": [`, `{"runs":
/// [{"results": [`, and GitLab's top-level array).
pub(super) fn item_indent(format: Format) -> usize {
    match format {
        Format::Json => 4,
        Format::Sarif => 8,
        _ => 2,
    }
}

/// A JSON document printed with its one array empty, split where the array's elements go.
struct Skeleton {
    /// Up to and including the array's `[`.
    head: String,
    /// From the array's `]` to the end of the document, with its final newline.
    tail: String,
}

impl Skeleton {
    fn of(format: Format, options: &RenderOptions, summary: &Summary) -> Option<Skeleton> {
        let (document, marker) = match format {
            Format::Json => (json::skeleton(summary, options), "\"diagnostics\": []"),
            Format::Sarif => (sarif::skeleton(options), "\"results\": []"),
            Format::Gitlab => ("[]\n".to_owned(), "[]"),
            _ => return None,
        };
        // The marker cannot occur inside a string, where its quotes would be escaped.
        let close = document.find(marker)? + marker.len() - 1;
        Some(Skeleton { head: document.get(..close)?.to_owned(), tail: document.get(close..)?.to_owned() })
    }
}

/// One element pretty-printed as it stands at `indent`, without its closing brace.
pub(super) fn pretty_item(record: &impl serde::Serialize, indent: usize) -> String {
    let mut bytes = Vec::with_capacity(4096);
    let mut serializer =
        serde_json::Serializer::with_formatter(&mut bytes, Nested { level: indent / 2, has_value: false });
    // Serialising runlint's records into memory cannot fail.
    let _ = record.serialize(&mut serializer);
    // The closing brace, on its own line at `indent`, is written by the stream.
    bytes.truncate(bytes.len().saturating_sub(indent + 2));
    String::from_utf8(bytes).unwrap_or_default()
}

/// serde_json's pretty format (two spaces per level) for a value that stands `level`
/// levels deep in a larger document: the same bytes the whole document would have there.
struct Nested {
    level: usize,
    has_value: bool,
}

impl Nested {
    fn line_break<W: ?Sized + io::Write>(&self, writer: &mut W, comma: bool) -> io::Result<()> {
        const SPACES: &[u8] = &[b' '; 64];
        writer.write_all(if comma { b",\n" } else { b"\n" })?;
        let mut left = self.level * 2;
        while left > 0 {
            let chunk = left.min(SPACES.len());
            writer.write_all(SPACES.get(..chunk).unwrap_or_default())?;
            left -= chunk;
        }
        Ok(())
    }
}

impl Nested {
    fn open<W: ?Sized + io::Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.level += 1;
        self.has_value = false;
        writer.write_all(bracket)
    }

    fn close<W: ?Sized + io::Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.level = self.level.saturating_sub(1);
        if self.has_value {
            self.line_break(writer, false)?;
        }
        writer.write_all(bracket)
    }
}

impl serde_json::ser::Formatter for Nested {
    fn begin_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"[")
    }

    fn end_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"]")
    }

    fn begin_array_value<W: ?Sized + io::Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        self.line_break(writer, !first)
    }

    fn end_array_value<W: ?Sized + io::Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"{")
    }

    fn end_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"}")
    }

    fn begin_object_key<W: ?Sized + io::Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        self.line_break(writer, !first)
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + io::Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}
