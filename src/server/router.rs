//! The table from a method name to its handler. A handler reads its typed parameters and
//! returns its typed result; the router parses and serialises, answers requests it has no
//! handler for, and turns a handler that panics into an error response, so one bad
//! request never ends the session.
//!
//! Adding a request: a handler file (`fn(&mut Session, Params) -> Result<R::Result,
//! Refusal>`) and one `on_request::<R>(handler)` line in [`super::router`].

use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};

use lsp_server::{ErrorCode, Notification, Request, Response};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::session::Session;

/// Why a request got no result.
pub type Refusal = (ErrorCode, String);

type RequestHandler = Box<dyn Fn(&mut Session, Request) -> Response>;
type NotificationHandler = Box<dyn Fn(&mut Session, Notification)>;

/// Handlers by method.
#[derive(Default)]
pub struct Router {
    requests: HashMap<&'static str, RequestHandler>,
    notifications: HashMap<&'static str, NotificationHandler>,
}

impl Router {
    /// Handles requests of type `R` with `handler`.
    pub fn on_request<R>(&mut self, handler: fn(&mut Session, R::Params) -> Result<R::Result, Refusal>) -> &mut Self
    where
        R: lsp_types::request::Request,
        R::Params: DeserializeOwned,
        R::Result: Serialize,
    {
        let run = move |session: &mut Session, request: Request| {
            let id = request.id;
            let answer = serde_json::from_value::<R::Params>(request.params)
                .map_err(|error| (ErrorCode::InvalidParams, format!("invalid parameters: {error}")))
                .and_then(|params| guarded(R::METHOD, || handler(session, params)))
                .and_then(|result| {
                    serde_json::to_value(result).map_err(|error| (ErrorCode::InternalError, error.to_string()))
                });
            match answer {
                Ok(value) => Response { id, response_result: Ok(value) },
                Err((code, message)) => Response::new_err(id, code as i32, message),
            }
        };
        self.requests.insert(R::METHOD, Box::new(run));
        self
    }

    /// Handles notifications of type `N` with `handler`; one whose parameters do not
    /// parse is dropped, as the protocol has no way to answer it.
    pub fn on_notification<N>(&mut self, handler: fn(&mut Session, N::Params)) -> &mut Self
    where
        N: lsp_types::notification::Notification,
        N::Params: DeserializeOwned,
    {
        let run = move |session: &mut Session, notification: Notification| {
            if let Ok(params) = serde_json::from_value::<N::Params>(notification.params) {
                let _ = guarded(N::METHOD, || {
                    handler(session, params);
                    Ok(())
                });
            }
        };
        self.notifications.insert(N::METHOD, Box::new(run));
        self
    }

    /// Answers one request.
    pub fn request(&self, session: &mut Session, request: Request) {
        let response = if session.shutting_down {
            Response::new_err(request.id, ErrorCode::InvalidRequest as i32, "the server is shutting down".to_owned())
        } else {
            match self.requests.get(request.method.as_str()) {
                Some(handler) => handler(session, request),
                None => {
                    let message = format!("runlint does not handle `{}`", request.method);
                    Response::new_err(request.id, ErrorCode::MethodNotFound as i32, message)
                }
            }
        };
        session.send(response);
    }

    /// Handles one notification; unknown ones are ignored, as the protocol asks.
    pub fn notification(&self, session: &mut Session, notification: Notification) {
        if let Some(handler) = self.notifications.get(notification.method.as_str()) {
            handler(session, notification);
        }
    }
}

/// Runs a handler; a panic in it (or in what it calls) becomes an internal error.
fn guarded<T>(method: &str, handler: impl FnOnce() -> Result<T, Refusal>) -> Result<T, Refusal> {
    catch_unwind(AssertUnwindSafe(handler)).unwrap_or_else(|_| {
        Err((ErrorCode::InternalError, format!("runlint failed while handling `{method}`; the session goes on")))
    })
}

#[cfg(test)]
mod tests {
    use lsp_server::{Message, RequestId};

    use super::*;
    use crate::server::Outgoing;
    use crate::server::position::Encoding;

    enum Exploding {}

    impl lsp_types::request::Request for Exploding {
        type Params = ();
        type Result = ();
        const METHOD: &'static str = "runlint/explode";
    }

    #[allow(clippy::panic)]
    fn explode(_: &mut Session, (): ()) -> Result<(), Refusal> {
        panic!("a dependency failed");
    }

    #[test]
    fn a_handler_that_panics_gets_an_error_response_and_the_session_goes_on() {
        let (out, answers) = crossbeam_channel::unbounded();
        let mut session = Session::new(out, Encoding::Utf16, false);
        let mut router = Router::default();
        router.on_request::<Exploding>(explode);
        for id in [1, 2] {
            let method = <Exploding as lsp_types::request::Request>::METHOD.to_owned();
            let request = Request::new(RequestId::from(id), method, ());
            router.request(&mut session, request);
            let Ok(Outgoing::Message(Message::Response(response))) = answers.try_recv() else {
                unreachable!("no response to request {id}")
            };
            assert_eq!(response.id, RequestId::from(id));
            let code = response.response_result.err().map(|error| error.code);
            assert_eq!(code, Some(ErrorCode::InternalError as i32));
        }
    }
}
