//! One connection's side of the server-to-client operations (Notify, Put;
//! see [`crate::ops::push`]).
//!
//! While the client takes the Server role (Set Endpoint Role), the
//! connection holds a subscription to the server's object events. Between
//! client messages — never while one is being read or answered — the
//! connection loop waits for the client's next message *or* [`Push::next`]:
//! an event becomes a request message (when the connection's identity may
//! see the object) written at once, in the protocol version of the client's
//! last request. One request is outstanding at a time: further events wait
//! in the subscription until the client answers or the answer is overdue
//! (the partial-message timeout). The answer is a Response Message, told
//! apart from the client's own requests by its tag; a failure, a missing
//! or an unrelated answer is logged and the connection carries on.

use std::future;
use std::sync::Arc;

use bytes::Bytes;
use kmip_ttlv::ProtocolVersion;
use tokio::sync::broadcast::{self, error::RecvError};
use tokio::time::{Instant, sleep_until};
use tracing::{debug, info, warn};

use super::connection::request_version;
use crate::ops::push::{AnswerError, Expected, ObjectEvent, check_answer};
use crate::ops::{Kms, Session};

/// The server-to-client state of one connection.
pub(crate) struct Push {
    /// The object events, while the client takes the Server role.
    events: Option<broadcast::Receiver<Arc<ObjectEvent>>>,
    /// The request sent and not answered yet, and when its answer is due.
    outstanding: Option<(Expected, Instant)>,
    /// Requests sent so far; numbers their Unique Batch Item IDs.
    sent: u64,
    /// The protocol version of the client's last request.
    version: ProtocolVersion,
}

/// What [`Push::next`] brought.
pub(crate) enum Wake {
    /// An event to tell the client about.
    Event(Arc<ObjectEvent>),
    /// This many events were lost: the connection fell behind.
    Lagged(u64),
    /// The outstanding request's answer is overdue.
    Unanswered(Expected),
}

impl Push {
    pub(crate) fn new() -> Push {
        Push { events: None, outstanding: None, sent: 0, version: ProtocolVersion::V2_1 }
    }

    /// Follows the connection's Endpoint Role: subscribes when the client
    /// takes the Server role, lets go when it gives it up.
    pub(crate) fn follow(&mut self, kms: &Kms, session: &Session) {
        match (session.accepts_server_requests(), self.events.is_some()) {
            (true, false) => {
                self.events = Some(kms.subscribe());
                info!("client takes the Server role: server-to-client requests (Notify, Put) on");
            }
            (false, true) => {
                self.events = None;
                info!("client gives up the Server role: server-to-client requests off");
            }
            _ => {}
        }
    }

    /// Notes the protocol version of a request from the client.
    pub(crate) fn saw_request(&mut self, request: &[u8]) {
        if let Some(version) = request_version(request) {
            self.version = version;
        }
    }

    /// True once the connection has sent a request: from then on a
    /// Response Message from the client is an answer, not a malformed
    /// request.
    pub(crate) fn takes_answers(&self) -> bool {
        self.sent > 0
    }

    /// The protocol version of the client's last request.
    pub(crate) fn version(&self) -> ProtocolVersion {
        self.version
    }

    /// The Unique Batch Item ID for the next request.
    pub(crate) fn next_batch_item_id(&self) -> Bytes {
        Bytes::copy_from_slice(&(self.sent + 1).to_be_bytes())
    }

    /// Records a request written to the client, answer due by `due`.
    pub(crate) fn sent(&mut self, expected: Expected, due: Instant) {
        self.sent += 1;
        self.outstanding = Some((expected, due));
    }

    /// The next thing to do between client messages: an event to send
    /// (only when no request is outstanding), lost events, or an overdue
    /// answer; never resolves when there is none. Cancel-safe: the loop
    /// drops it when a client message starts.
    pub(crate) async fn next(&mut self) -> Wake {
        if let Some((_, due)) = &self.outstanding {
            sleep_until(*due).await;
            return match self.outstanding.take() {
                Some((expected, _)) => Wake::Unanswered(expected),
                None => future::pending().await,
            };
        }
        let Some(events) = &mut self.events else { return future::pending().await };
        match events.recv().await {
            Ok(event) => Wake::Event(event),
            Err(RecvError::Lagged(missed)) => Wake::Lagged(missed),
            Err(RecvError::Closed) => {
                self.events = None;
                future::pending().await
            }
        }
    }

    /// Takes the client's answer (a Response Message) to the outstanding
    /// request; anything but a success is logged.
    pub(crate) fn answer(&mut self, message: &[u8]) {
        let Some((expected, _)) = &self.outstanding else {
            warn!("Response Message from the client while no server-to-client request waits for one: ignored");
            return;
        };
        let (operation, id) = (expected.operation, expected.object_id.clone());
        match check_answer(message, expected) {
            Ok(()) => {
                debug!(operation = ?operation, id, "server-to-client request answered");
                self.outstanding = None;
            }
            Err(e @ AnswerError::Unrelated(_)) => {
                warn!(operation = ?operation, id, error = %e, "client answer ignored: still waiting for its own");
            }
            Err(e) => {
                warn!(operation = ?operation, id, error = %e, "server-to-client request not accepted by the client");
                self.outstanding = None;
            }
        }
    }
}
