//! `--format junit`: JUnit XML with one test suite per file and one test case per
//! diagnostic, failed when the diagnostic is at or above the fail level (the run's exit
//! code agrees), passed with the finding in its output below it; a clean file gets one
//! passing test case. The document validates against the common JUnit schema
//! (`junit-10.xsd`, as Jenkins' xUnit plugin reads it): the file is named on the suite,
//! not on the test cases, where that schema allows no `file` or `line`.

use std::io::{self, Write};

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use super::emit::{Body, Emitter, Sink};
use super::stream::Counts;
use super::{LintedFile, PathProblem, RenderOptions, Summary};
use crate::diagnostic::Severity;

/// `--format junit`.
pub(super) struct Junit;

impl Emitter for Junit {
    fn part(&self, report: &LintedFile, options: &RenderOptions, _: &mut Counts) -> Body {
        Body::Text(part(report, fails_at(options)))
    }

    /// The header holds the run's totals: the suites wait for the end.
    fn write_part(&self, body: &Body, sink: &mut Sink<'_>) -> io::Result<()> {
        if let Body::Text(text) = body {
            sink.held.extend_from_slice(text);
        }
        Ok(())
    }

    fn finish(&self, sink: &mut Sink<'_>, _: &Summary) -> io::Result<()> {
        finish(&sink.totals, sink.files, &sink.held, &sink.options, sink.out)
    }
}

/// The lowest severity that is a failed test.
fn fails_at(options: &RenderOptions) -> Severity {
    options.fail_level.unwrap_or(Severity::Error)
}

/// One file's test suite, as it stands inside `<testsuites>` (on a new, indented line).
fn part(report: &LintedFile, fails_at: Severity) -> Vec<u8> {
    nested(|writer| write_suite(writer, report, fails_at))
}

/// The document: the header holds the run's totals, so the suites come at the end.
fn finish(
    totals: &Counts,
    files: usize,
    suites: &[u8],
    options: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let failures = totals.failing(fails_at(options));
    // A clean file counts as one passing test.
    let clean_files = files - files.min(totals.files_with_findings);
    let total = totals.diagnostics() + clean_files;
    let errors: Vec<u8> =
        options.run_errors.iter().flat_map(|error| nested(|writer| write_error_suite(writer, error))).collect();
    let mut writer = Writer::new_with_indent(out, b' ', 2);
    writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None))).map_err(io::Error::other)?;
    let start = BytesStart::new("testsuites").with_attributes([
        ("name", "runlint"),
        ("tests", total.to_string().as_str()),
        ("failures", failures.to_string().as_str()),
        ("errors", options.run_errors.len().to_string().as_str()),
    ]);
    writer.write_event(Event::Start(start)).map_err(io::Error::other)?;
    if suites.is_empty() && errors.is_empty() {
        writer.write_event(Event::End(BytesEnd::new("testsuites"))).map_err(io::Error::other)?;
    } else {
        let out = writer.get_mut();
        out.write_all(suites)?;
        out.write_all(&errors)?;
        out.write_all(b"\n</testsuites>")?;
    }
    writeln!(writer.get_mut())
}

/// XML written as if inside `<testsuites>`: a writer one level deep, without the parent.
fn nested(write: impl FnOnce(&mut Writer<&mut dyn Write>) -> io::Result<()>) -> Vec<u8> {
    const PARENT: &[u8] = b"<testsuites>";
    let mut buffer: Vec<u8> = Vec::new();
    {
        let mut writer = Writer::new_with_indent(&mut buffer as &mut dyn Write, b' ', 2);
        // Into memory: nothing can fail.
        let _ = writer.write_event(Event::Start(BytesStart::new("testsuites")));
        let _ = write(&mut writer);
    }
    buffer.split_off(PARENT.len().min(buffer.len()))
}

/// Text from a plan, a config or a file name as one line of XML: control characters and
/// line breaks are shown escaped, as in every format (a CI log that prints the report
/// must not see a forged line), and the two characters XML 1.0 cannot carry are replaced.
fn xml_safe(text: &str) -> String {
    crate::safe_text::line(text).replace(['\u{fffe}', '\u{ffff}'], "\u{fffd}")
}

/// A path that could not be checked: a suite with one errored test case.
fn write_error_suite(writer: &mut Writer<&mut dyn Write>, error: &PathProblem) -> io::Result<()> {
    let name = xml_safe(&error.path);
    let suite = BytesStart::new("testsuite").with_attributes([
        ("name", name.as_str()),
        ("tests", "1"),
        ("failures", "0"),
        ("errors", "1"),
        ("skipped", "0"),
    ]);
    writer.write_event(Event::Start(suite)).map_err(io::Error::other)?;
    let case =
        BytesStart::new("testcase").with_attributes([("name", "plan could be read"), ("classname", name.as_str())]);
    writer.write_event(Event::Start(case)).map_err(io::Error::other)?;
    let message = xml_safe(&error.message);
    let element = BytesStart::new("error").with_attributes([("message", message.as_str()), ("type", "error")]);
    writer.write_event(Event::Empty(element)).map_err(io::Error::other)?;
    writer.write_event(Event::End(BytesEnd::new("testcase"))).map_err(io::Error::other)?;
    writer.write_event(Event::End(BytesEnd::new("testsuite"))).map_err(io::Error::other)
}

fn write_suite(writer: &mut Writer<&mut dyn Write>, report: &LintedFile, fails_at: Severity) -> io::Result<()> {
    let name_text = xml_safe(report.source.name());
    let name = name_text.as_str();
    let tests = report.diagnostics.len().max(1).to_string();
    let failures = report.diagnostics.iter().filter(|d| d.severity >= fails_at).count().to_string();
    let suite = BytesStart::new("testsuite").with_attributes([
        ("name", name),
        ("tests", tests.as_str()),
        ("failures", failures.as_str()),
        ("errors", "0"),
        ("skipped", "0"),
        ("file", name),
    ]);
    writer.write_event(Event::Start(suite)).map_err(io::Error::other)?;
    if report.diagnostics.is_empty() {
        let case = BytesStart::new("testcase").with_attributes([("name", "plan is clean"), ("classname", name)]);
        writer.write_event(Event::Empty(case)).map_err(io::Error::other)?;
    }
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for diagnostic in &report.diagnostics {
        let start = report.source.position(diagnostic.span.start);
        // Named by the logical place, not the line: a moved line keeps its test's history.
        // Repeats get a counter, since JUnit readers merge test cases of the same name.
        let place = diagnostic.path.as_deref().unwrap_or(&diagnostic.message);
        let base_name = format!("{} in {place}", diagnostic.rule.name);
        let repeat = seen.entry(base_name.clone()).or_insert(0);
        *repeat += 1;
        let unique = if *repeat == 1 { base_name } else { format!("{base_name} ({repeat})") };
        let case_name = xml_safe(&unique);
        let case = BytesStart::new("testcase").with_attributes([("name", case_name.as_str()), ("classname", name)]);
        writer.write_event(Event::Start(case)).map_err(io::Error::other)?;
        let message = xml_safe(&diagnostic.message);
        // Below the fail level the finding is reported, not failed: the test passes with
        // the finding in its output.
        let failed = diagnostic.severity >= fails_at;
        let element = if failed {
            BytesStart::new("failure")
                .with_attributes([("message", message.as_str()), ("type", diagnostic.severity.as_str())])
        } else {
            BytesStart::new("system-out")
        };
        let element_name = if failed { "failure" } else { "system-out" };
        writer.write_event(Event::Start(element)).map_err(io::Error::other)?;
        let mut body = format!(
            "{name}:{}:{}: {}[{}] {message}",
            start.line, start.column, diagnostic.severity, diagnostic.rule.name
        );
        if let Some(help) = &diagnostic.help {
            body.push_str(&format!("\nhelp: {}", xml_safe(help)));
        }
        writer.write_event(Event::Text(BytesText::new(&body))).map_err(io::Error::other)?;
        writer.write_event(Event::End(BytesEnd::new(element_name))).map_err(io::Error::other)?;
        writer.write_event(Event::End(BytesEnd::new("testcase"))).map_err(io::Error::other)?;
    }
    writer.write_event(Event::End(BytesEnd::new("testsuite"))).map_err(io::Error::other)?;
    Ok(())
}
