//! The wire: `Content-Length`-framed JSON-RPC messages over a byte stream. Reading is
//! bounded and forgiving: a malformed or oversized message is reported and skipped, and the
//! next one is read, so one bad message never ends the session.

use std::io::{self, BufRead, Read, Write};

use lsp_server::Message;

/// The largest message read: a plan of the largest size runlint lints, escaped as JSON
/// (most characters stay one byte; control characters may take six), with room to spare.
pub const MAX_MESSAGE_BYTES: usize = 2 * crate::source::MAX_FILE_BYTES + 1024 * 1024;

/// The largest message that carries no document text: a request of any other method
/// needs a few kilobytes, so a larger one is refused before it is parsed.
pub const MAX_REQUEST_BYTES: usize = 1024 * 1024;

/// The notifications that carry a document's whole text, allowed up to
/// [`MAX_MESSAGE_BYTES`].
const TEXT_METHODS: &[&str] = &["textDocument/didOpen", "textDocument/didChange", "textDocument/didSave"];

/// What arrives from the client.
#[derive(Debug)]
pub enum Incoming {
    /// A well-formed message.
    Message(Message),
    /// Something that is not a message, and why; answered with a JSON-RPC error.
    Malformed {
        /// The request id, when the text was JSON with an `id`.
        id: Option<serde_json::Value>,
        /// JSON-RPC error code: `-32700` (not JSON) or `-32600` (not a message).
        code: i32,
        /// What was wrong.
        message: String,
    },
}

/// What the server sends.
#[derive(Debug)]
pub enum Outgoing {
    /// A message.
    Message(Message),
    /// An error response to something that was not a message (its id may be `null`).
    Malformed {
        /// The request id when known, else `null`.
        id: serde_json::Value,
        /// JSON-RPC error code.
        code: i32,
        /// What was wrong.
        message: String,
    },
}

impl From<Message> for Outgoing {
    fn from(message: Message) -> Outgoing {
        Outgoing::Message(message)
    }
}

impl Outgoing {
    /// Writes the message with its header, and flushes.
    pub fn write(&self, out: &mut impl Write) -> io::Result<()> {
        match self {
            Outgoing::Message(message) => message.write(out),
            Outgoing::Malformed { id, code, message } => {
                let body = serde_json::json!({
                    "jsonrpc": "2.0",
                    "id": id,
                    "error": { "code": code, "message": message },
                })
                .to_string();
                write!(out, "Content-Length: {}\r\n\r\n{body}", body.len())?;
                out.flush()
            }
        }
    }
}

/// Reads the next message; `Ok(None)` at the end of the stream. Errors are only those of
/// the stream itself: anything wrong with a message comes back as [`Incoming::Malformed`].
pub fn read(input: &mut impl BufRead) -> io::Result<Option<Incoming>> {
    let Some(length) = read_header(input)? else { return Ok(None) };
    let length = match length {
        Ok(length) => length,
        Err(message) => return Ok(Some(Incoming::Malformed { id: None, code: -32700, message })),
    };
    if length > MAX_MESSAGE_BYTES {
        // Skipped unread, so the stream stays in step with the client.
        io::copy(&mut input.take(length as u64), &mut io::sink())?;
        let message = format!(
            "message of {length} bytes is larger than the {} MiB runlint reads",
            MAX_MESSAGE_BYTES / (1024 * 1024)
        );
        return Ok(Some(Incoming::Malformed { id: None, code: -32600, message }));
    }
    let mut body = Vec::new();
    input.take(length as u64).read_to_end(&mut body)?;
    if body.len() < length {
        return Ok(None);
    }
    Ok(Some(parse(&body)))
}

/// A message from its JSON text. What parsing may cost is bounded before a tree is
/// built: the number of JSON values is at most one per [`BYTES_PER_VALUE`] bytes (plus a
/// few), so the tree stays a small multiple of the message, and a message that is not a
/// document's text is at most [`MAX_REQUEST_BYTES`].
fn parse(body: &[u8]) -> Incoming {
    let values = count_values(body);
    let budget = body.len() / BYTES_PER_VALUE + 1024;
    if values > budget {
        let message = format!("message of {} bytes holds {values} JSON values; at most {budget} are read", body.len());
        return Incoming::Malformed { id: None, code: -32600, message };
    }
    if body.len() > MAX_REQUEST_BYTES {
        // Only the method is read (typed, borrowed, the rest skipped) to know the limit.
        let method = serde_json::from_slice::<Head<'_>>(body).ok().and_then(|head| head.method);
        if !method.is_some_and(|method| TEXT_METHODS.contains(&method.as_ref())) {
            let message = format!(
                "message of {} bytes is larger than the {} KiB runlint reads for anything but a document's text",
                body.len(),
                MAX_REQUEST_BYTES / 1024
            );
            return Incoming::Malformed { id: None, code: -32600, message };
        }
    }
    let value: serde_json::Value = match serde_json::from_slice(body) {
        Ok(value) => value,
        Err(error) => return Incoming::Malformed { id: None, code: -32700, message: format!("not JSON: {error}") },
    };
    let id = value.get("id").cloned();
    match serde_json::from_value::<Message>(value) {
        Ok(message) => Incoming::Message(message),
        Err(error) => Incoming::Malformed { id, code: -32600, message: format!("not a JSON-RPC message: {error}") },
    }
}

/// The fewest bytes of message per JSON value read: a change event of one character
/// takes about nine bytes per value, a hostile `[0,0,…]` two.
const BYTES_PER_VALUE: usize = 8;

/// The method of a message, read without building anything else.
#[derive(serde::Deserialize)]
struct Head<'a> {
    #[serde(borrow)]
    method: Option<std::borrow::Cow<'a, str>>,
}

/// How many JSON values `body` holds, about: one per array or object opened and one per
/// comma, outside strings. One pass, no allocation.
fn count_values(body: &[u8]) -> usize {
    let (mut count, mut in_string, mut escaped) = (1, false, false);
    for &byte in body {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' | b',' => count += 1,
            _ => {}
        }
    }
    count
}

/// The `Content-Length` of the next message: `None` at the end of the stream, `Err` for
/// a header block without a usable length (its lines are consumed).
fn read_header(input: &mut impl BufRead) -> io::Result<Option<Result<usize, String>>> {
    let mut length: Option<Result<usize, String>> = None;
    let mut line = Vec::new();
    let mut lines = 0;
    loop {
        line.clear();
        // A header line is short: a longer one is not a header, and is not kept whole.
        let read = input.by_ref().take(1024).read_until(b'\n', &mut line)?;
        if read == 0 {
            return Ok(None);
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            if lines == 0 {
                continue;
            }
            break;
        }
        lines += 1;
        // Searched anywhere in the line: after a header block that could not be read, the
        // unread body runs into the next message's header on the same line.
        let lower = text.to_ascii_lowercase();
        if let Some(at) = lower.rfind("content-length:") {
            let value = text.get(at + "content-length:".len()..).unwrap_or("").trim();
            length = Some(value.parse::<usize>().map_err(|_| format!("bad Content-Length `{}`", value.escape_debug())));
        }
    }
    Ok(Some(length.unwrap_or_else(|| Err("header without Content-Length".to_owned()))))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(mut input: &[u8]) -> Vec<Incoming> {
        std::iter::from_fn(|| read(&mut input).ok().flatten()).collect()
    }

    fn framed(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    #[test]
    fn a_bad_message_is_reported_and_the_next_one_is_read() {
        let good = r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#;
        let input = [framed("{not json"), framed(r#"{"jsonrpc":"2.0","id":7,"method":3}"#), framed(good)].concat();
        let messages = read_all(input.as_bytes());
        assert!(matches!(&messages[0], Incoming::Malformed { id: None, code: -32700, .. }), "{messages:?}");
        assert!(
            matches!(&messages[1], Incoming::Malformed { id: Some(id), code: -32600, .. } if id == 7),
            "{messages:?}"
        );
        assert!(matches!(&messages[2], Incoming::Message(Message::Notification(n)) if n.method == "initialized"));
        assert_eq!(messages.len(), 3);
    }

    #[test]
    fn a_message_of_many_values_or_a_large_request_is_refused_before_parsing() {
        let many = format!("[{}0]", "0,".repeat(1_000_000));
        let messages = read_all(framed(&many).as_bytes());
        assert!(matches!(&messages[0], Incoming::Malformed { code: -32600, .. }), "{messages:?}");
        let padding = "x".repeat(MAX_REQUEST_BYTES);
        let hover =
            format!(r#"{{"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{{"pad":"{padding}"}}}}"#);
        let messages = read_all(framed(&hover).as_bytes());
        assert!(matches!(&messages[0], Incoming::Malformed { code: -32600, .. }), "{messages:?}");
        let open = format!(
            r#"{{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{{"textDocument":{{"uri":"file:///p.yaml","languageId":"yaml","version":1,"text":"{padding}"}}}}}}"#
        );
        let messages = read_all(framed(&open).as_bytes());
        assert!(matches!(&messages[0], Incoming::Message(Message::Notification(_))), "{messages:?}");
    }

    #[test]
    fn a_huge_length_is_skipped_without_being_allocated() {
        let input = format!("Content-Length: {}\r\n\r\n", usize::MAX);
        let messages = read_all(input.as_bytes());
        assert!(matches!(&messages[0], Incoming::Malformed { code: -32600, .. }), "{messages:?}");
        // The body of a message with a bad length runs into the next header: found there.
        let next = r#"{"jsonrpc":"2.0","method":"exit"}"#;
        let input = "Content-Length: 2x\r\n\r\n{}".to_owned() + &framed(next);
        let messages = read_all(input.as_bytes());
        assert!(matches!(&messages[0], Incoming::Malformed { code: -32700, .. }), "{messages:?}");
        assert!(
            matches!(&messages[1], Incoming::Message(Message::Notification(n)) if n.method == "exit"),
            "{messages:?}"
        );
        let input = "Content-Length: 12x\r\n\r\n".to_owned() + &framed("{}");
        let messages = read_all(input.as_bytes());
        assert!(matches!(&messages[0], Incoming::Malformed { code: -32700, .. }), "{messages:?}");
        assert!(matches!(&messages[1], Incoming::Malformed { code: -32600, .. }), "{messages:?}");
    }
}
