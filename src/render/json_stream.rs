//! Writing a JSON document whose one array is filled file by file: the document is
//! printed with the array empty and split there, and each element is pretty-printed at
//! the depth it stands at, so the streamed bytes equal a pretty-print of the whole.

use std::io::{self, Write};

/// What comes before the array's elements: up to and including its `[`. `marker` is the
/// empty array with its key as the pretty printer writes it (`"results": []`); it cannot
/// occur inside a string, where its quotes would be escaped.
pub(super) fn begin(out: &mut dyn Write, document: &str, marker: &str) -> io::Result<()> {
    match split(document, marker) {
        Some((head, _)) => out.write_all(head.as_bytes()),
        None => Ok(()),
    }
}

/// One element, `text` as [`pretty_item`] printed it, after the `written` before it;
/// `trailer` is a last member added at write time (JSON's run-wide `folded_into`).
pub(super) fn item(
    out: &mut dyn Write,
    indent: usize,
    written: usize,
    text: &str,
    trailer: Option<&str>,
) -> io::Result<()> {
    let separator = if written == 0 { "" } else { "," };
    write!(out, "{separator}\n{:indent$}{text}", "")?;
    if let Some(trailer) = trailer {
        write!(out, ",\n{:width$}{trailer}", "", width = indent + 2)?;
    }
    write!(out, "\n{:indent$}}}", "")
}

/// What comes after the `written` elements: the array's `]` on its own line (at
/// `indent - 2`, where the elements stand at `indent`) when it has any, then the rest of
/// the document.
pub(super) fn finish(
    out: &mut dyn Write,
    document: &str,
    marker: &str,
    (indent, written): (usize, usize),
) -> io::Result<()> {
    let Some((_, tail)) = split(document, marker) else { return Ok(()) };
    if written > 0 {
        write!(out, "\n{:1$}", "", indent.saturating_sub(2))?;
    }
    out.write_all(tail.as_bytes())
}

fn split<'d>(document: &'d str, marker: &str) -> Option<(&'d str, &'d str)> {
    let close = document.find(marker)? + marker.len() - 1;
    Some((document.get(..close)?, document.get(close..)?))
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
