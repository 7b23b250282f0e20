//! KMIP operations: message and batch handling here, one module per
//! operation family. No sockets, TLS or HTTP types appear in `ops/`.

use std::net::SocketAddr;
use std::sync::Arc;

use bytes::Bytes;
use kmip_ttlv::enums::ResultReason;
use kmip_ttlv::model::ResponseMessage;
use kmip_ttlv::wire::{self, Limits};
use kmip_ttlv::ProtocolVersion;

use crate::clock::Clock;
use crate::store::Store;

/// Who sent a message: the identity from the verified client certificate
/// and the peer address, for access checks and the audit log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Peer {
    /// The client identity (certificate subject CN, else the first SAN).
    pub identity: String,
    /// Where the connection comes from, when known.
    pub address: Option<SocketAddr>,
}

/// The KMIP service: what the shells (the TLS listener, later HTTPS) call
/// with a whole request message.
pub struct Kms {
    store: Arc<dyn Store>,
    clock: Arc<dyn Clock>,
}

impl Kms {
    /// A service over `store`, reading time from `clock`.
    pub fn new(store: Arc<dyn Store>, clock: Arc<dyn Clock>) -> Kms {
        Kms { store, clock }
    }

    /// Handles one whole request message (TTLV bytes whose length the shell
    /// already checked against its limit) and returns the response message
    /// bytes. Every request gets a response: a malformed one gets Invalid
    /// Message.
    pub async fn handle_message(&self, peer: &Peer, request: Bytes) -> Vec<u8> {
        let _ = (peer, &self.store);
        let version = wire::decode(&request, &Limits { max_message_size: usize::MAX, ..Limits::default() })
            .ok()
            .and_then(|tree| kmip_ttlv::model::RequestMessage::protocol_version_of(&tree));
        self.refuse_message(version, "not implemented yet")
    }

    /// The response to a message refused before its body was read (too
    /// large, or framing lost), in `version` if the header showed it.
    pub fn refuse_message(&self, version: Option<ProtocolVersion>, message: &str) -> Vec<u8> {
        let response = ResponseMessage::message_failure(
            version.unwrap_or(ProtocolVersion::V1_0),
            self.clock.now(),
            ResultReason::INVALID_MESSAGE,
            message,
        );
        wire::to_vec(&response.to_ttlv()).unwrap_or_default()
    }
}
