//! KMIP operations: message and batch handling here, one module per
//! operation family. No sockets, TLS or HTTP types appear in `ops/`.
//!
//! A message runs in one transaction ([`context::Txn`]): items read through
//! it and stage their writes; when the message is done the writes are
//! committed together, durably, before the response is returned — or
//! dropped when a batch is undone. A commit that loses a race with another
//! message (same object) runs the whole message again.

mod attributes;
mod audit;
mod certify;
mod context;
mod crypto_ops;
mod crypto_params;
mod derive;
mod discovery;
mod hsm;
mod import_export;
mod keypair;
mod lifecycle;
mod locate;
mod object;
pub mod push;
mod rekey;
mod session;
mod split;
mod stream;
mod transfer;
mod usage;

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use bytes::Bytes;
use kmip_ttlv::enums::{
    BatchErrorContinuationOption, CredentialType, EndpointRole, Operation, ResultReason, ResultStatus,
};
use kmip_ttlv::model::{
    CredentialValue, RequestBatchItem, RequestHeader, RequestMessage, RequestParts, ResponseBatchItem, ResponseHeader,
    ResponseMessage,
};
use kmip_ttlv::wire::{self, Limits};
use kmip_ttlv::{ProtocolVersion, Tag, Ttlv, Value};
use tokio::sync::broadcast;
use tracing::{Instrument, debug, debug_span, error, warn};

use self::context::CommitError;
pub use self::context::{Committed, HsmPolicy, ObjectCache, OpContext, OpsConfig, RngSeedMode, RngSeedPolicy, Txn};
pub use self::hsm::HSM_ATTRIBUTE;
pub use self::object::ManagedObject;
use self::push::{Change, Events, Expected, ObjectEvent, ServerRequest};
use crate::access::{Access, Permission};
use crate::clock::Clock;
use crate::crypto::CryptoEngine;
use crate::error::KmsError;
use crate::keys::KeyHierarchy;
use crate::metrics::OperationMetrics;
use crate::store::Store;

/// Who sent a message: the identity from the verified client certificate
/// and the peer address, for access checks and the audit log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Peer {
    /// The client identity's key ([`crate::access::Identity::key`]): for a
    /// certificate, its subject CN, else its first SAN.
    pub identity: String,
    /// Where the connection comes from, when known.
    pub address: Option<SocketAddr>,
    /// The identity's organisation: configured (`access.organisations`),
    /// else the certificate subject's O, else its OU. Whose organisation
    /// key protects the objects it creates.
    pub organisation: Option<String>,
    /// The listener the message came through, for the audit log.
    pub channel: Channel,
}

impl Peer {
    /// A peer with identity `identity`, no address and no organisation
    /// (in-process callers, tests), on the KMIP channel.
    pub fn named(identity: impl Into<String>) -> Peer {
        Peer { identity: identity.into(), address: None, organisation: None, channel: Channel::Kmip }
    }
}

/// The listener a message came through (the audit entry's `channel`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Channel {
    /// TTLV over mutual TLS on the KMIP port.
    #[default]
    Kmip,
    /// `POST /kmip` on the HTTPS side listener.
    Http,
}

impl Channel {
    /// `kmip` or `http`.
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Kmip => "kmip",
            Channel::Http => "http",
        }
    }
}

/// What operations may change about the connection a message came on:
/// the Endpoint Role its client end takes (Set Endpoint Role, KMIP 2.0+).
/// A shell keeps one per connection and passes it with every message
/// ([`Kms::handle_session_message`]); in-process callers without a
/// connection may use a fresh one per message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Session {
    /// Client (the default): the client only sends requests. Server: the
    /// client also accepts the server-to-client operations Notify and Put
    /// on this connection.
    pub endpoint_role: EndpointRole,
}

impl Default for Session {
    fn default() -> Session {
        Session { endpoint_role: EndpointRole::CLIENT }
    }
}

impl Session {
    /// True if the client accepts server-to-client requests (Notify, Put).
    pub fn accepts_server_requests(&self) -> bool {
        self.endpoint_role == EndpointRole::SERVER
    }
}

/// How many times a message is run again after losing a write race.
const COMMIT_ATTEMPTS: usize = 4;

/// The newest version this server speaks, per major version.
const NEWEST_1X: ProtocolVersion = ProtocolVersion::V1_4;
const NEWEST_2X: ProtocolVersion = ProtocolVersion::V2_1;

/// The KMIP service: what the shells (the TLS listener, later HTTPS) call
/// with a whole request message.
pub struct Kms {
    store: Arc<dyn Store>,
    clock: Arc<dyn Clock>,
    crypto: Arc<dyn CryptoEngine>,
    config: OpsConfig,
    /// Seals and opens object values in the store.
    hierarchy: Arc<KeyHierarchy>,
    /// Grants and administrators.
    access: Access,
    /// Decoded objects, shared between messages.
    objects: ObjectCache,
    /// Open streaming operations (Init ... Final).
    streams: stream::Streams,
    /// Asymmetric keys converted for the engine, shared between messages.
    keys: crypto_params::EngineKeys,
    /// Server Correlation Values: this server's random prefix and a counter.
    correlation_prefix: String,
    correlation_counter: AtomicU64,
    /// Committed object changes, for the server-to-client operations.
    events: Events,
    /// Where audit entries go; None: not audited (in-process tests).
    audit: Option<Arc<crate::audit::AuditLog>>,
    /// Batch items answered, by operation and result, and latencies.
    metrics: OperationMetrics,
    /// The secrets service's state (the HTTPS side, the admin socket).
    secrets: crate::secrets::SecretsState,
}

impl Kms {
    /// A service over `store`, reading time from `clock`, with the software
    /// crypto engine and default settings.
    pub fn new(store: Arc<dyn Store>, clock: Arc<dyn Clock>) -> Kms {
        Kms::with_config(store, clock, OpsConfig::default())
    }

    /// A service with the software crypto engine and the settings `config`
    /// (what `kms serve` builds from its configuration).
    pub fn with_config(store: Arc<dyn Store>, clock: Arc<dyn Clock>, config: OpsConfig) -> Kms {
        Kms::with(store, clock, Arc::new(crate::crypto::SoftwareEngine::new()), config)
    }

    /// A service with every part given, and a key hierarchy whose root key
    /// is random and kept in memory only: for in-memory stores, whose
    /// contents die with the process anyway. A server over a lasting store
    /// uses [`Kms::with_keys`].
    ///
    /// # Panics
    ///
    /// If the crypto engine cannot make the random root key.
    pub fn with(store: Arc<dyn Store>, clock: Arc<dyn Clock>, crypto: Arc<dyn CryptoEngine>, config: OpsConfig) -> Kms {
        // The engine's RNG failing is not recoverable here.
        let keys = KeyHierarchy::ephemeral(crypto.clone()).expect("an in-memory root key");
        Kms::with_keys(store, clock, crypto, config, Arc::new(keys))
    }

    /// A service with every part given, including the key hierarchy
    /// (opened on `store`).
    pub fn with_keys(
        store: Arc<dyn Store>,
        clock: Arc<dyn Clock>,
        crypto: Arc<dyn CryptoEngine>,
        config: OpsConfig,
        keys: Arc<KeyHierarchy>,
    ) -> Kms {
        let mut prefix = [0u8; 8];
        // A failing RNG leaves a zero prefix: the values are still unique
        // per response within this process.
        let _ = crypto.random(&mut prefix);
        let access = Access::new(Arc::clone(&store), Arc::clone(&crypto), config.access.clone());
        Kms {
            store,
            clock,
            crypto,
            config,
            hierarchy: keys,
            access,
            objects: ObjectCache::new(),
            streams: stream::Streams::new(),
            keys: crypto_params::EngineKeys::new(),
            correlation_prefix: hex::encode_upper(prefix),
            correlation_counter: AtomicU64::new(0),
            events: Events::new(),
            audit: None,
            metrics: OperationMetrics::default(),
            secrets: crate::secrets::SecretsState::default(),
        }
    }

    /// This service, recording every operation in `audit` (whose store's
    /// log sealer is set): entries of changes are committed with the
    /// change, the others by [`crate::audit::AuditLog::run`].
    pub fn with_audit(mut self, audit: Arc<crate::audit::AuditLog>) -> Kms {
        self.audit = Some(audit);
        self
    }

    /// Records entries that no commit carries.
    /// Where audit entries go (None: not audited), for the HTTP side's
    /// events.
    pub fn audit_log(&self) -> Option<&Arc<crate::audit::AuditLog>> {
        self.audit.as_ref()
    }

    fn audit_later(&self, entries: impl FnOnce() -> Vec<Bytes>) {
        if let Some(audit) = &self.audit {
            audit.record(entries());
        }
    }

    /// Records a message refused as a whole.
    fn audit_refusal(&self, peer: &Peer, now: i64, reason: ResultReason) {
        self.audit_later(|| vec![audit::message_entry(peer, now, reason)]);
    }

    /// The store, for administrative commands.
    pub fn store(&self) -> &Arc<dyn Store> {
        &self.store
    }

    /// The key hierarchy, for administrative commands (root key rotation).
    pub fn key_hierarchy(&self) -> &Arc<KeyHierarchy> {
        &self.hierarchy
    }

    /// The crypto engine.
    pub fn crypto(&self) -> &Arc<dyn CryptoEngine> {
        &self.crypto
    }

    /// Access control: grants, identities, administrators.
    pub fn access(&self) -> &Access {
        &self.access
    }

    /// The owner of object `id`, if there is one (administrative commands).
    pub async fn owner_of(&self, id: &str) -> Result<Option<String>, KmsError> {
        let mut txn = Txn::new(self.store.as_ref(), &self.hierarchy, &self.objects);
        Ok(txn.get_shared(id).await?.map(|object| object.owner.clone()))
    }

    /// The secrets service (projects, folders, secrets), sharing this
    /// service's store, keys and audit.
    pub fn secrets(&self) -> crate::secrets::Secrets<'_> {
        crate::secrets::Secrets::new(self, &self.secrets)
    }

    /// The operation counters and latency histograms (`GET /metrics`).
    pub fn metrics(&self) -> &OperationMetrics {
        &self.metrics
    }

    /// The time now, from the service's clock.
    pub fn now(&self) -> i64 {
        self.clock.now()
    }

    /// Handles one whole request message (TTLV bytes whose length the shell
    /// already checked against its limit) and returns the response message
    /// bytes. Every request gets a response: a malformed one gets Invalid
    /// Message.
    pub async fn handle_message(&self, peer: &Peer, request: Bytes) -> Vec<u8> {
        self.handle_session_message(peer, &mut Session::default(), request).await
    }

    /// [`Kms::handle_message`] for a message of the connection whose state
    /// is `session`; a message that commits leaves its changes there (Set
    /// Endpoint Role).
    pub async fn handle_session_message(&self, peer: &Peer, session: &mut Session, request: Bytes) -> Vec<u8> {
        let limits = Limits { max_message_size: usize::MAX, ..Limits::default() };
        let tree = match wire::decode(&request, &limits) {
            Ok(tree) => tree,
            Err(e) => {
                debug!(error = %e, "undecodable request");
                let response =
                    self.refuse_undecodable(peer, peek_version(&request), &format!("malformed message: {e}"));
                return wire::to_vec(&response.into_ttlv()).unwrap_or_default();
            }
        };
        let response = self.process_session(peer, session, tree).await;
        let version = response.header.protocol_version;
        match wire::to_vec(&response.into_ttlv()) {
            Ok(bytes) => bytes,
            Err(e) => {
                error!(error = %e, "response does not encode");
                self.refuse_message(Some(version), "internal error")
            }
        }
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

    /// The response to a request message that could not be decoded (in
    /// `version` when its header showed it): Invalid Message, audited and
    /// counted like any refused message. For shells that decode another
    /// encoding themselves (KMIP JSON or XML over HTTPS).
    pub fn refuse_undecodable(&self, peer: &Peer, version: Option<ProtocolVersion>, message: &str) -> ResponseMessage {
        let now = self.clock.now();
        self.audit_refusal(peer, now, ResultReason::INVALID_MESSAGE);
        let response = ResponseMessage::message_failure(
            version.unwrap_or(ProtocolVersion::V1_0),
            now,
            ResultReason::INVALID_MESSAGE,
            message,
        );
        self.metrics.record(&response, std::time::Duration::ZERO);
        response
    }

    /// Processes a decoded request tree into a response message.
    pub async fn process(&self, peer: &Peer, tree: &Ttlv) -> ResponseMessage {
        self.process_owned(peer, tree.clone()).await
    }

    /// [`Kms::process`], taking the tree: the request payloads are moved,
    /// not copied.
    pub async fn process_owned(&self, peer: &Peer, tree: Ttlv) -> ResponseMessage {
        self.process_session(peer, &mut Session::default(), tree).await
    }

    /// [`Kms::process_owned`] for a message of the connection whose state
    /// is `session`.
    pub async fn process_session(&self, peer: &Peer, session: &mut Session, tree: Ttlv) -> ResponseMessage {
        let started = std::time::Instant::now();
        let response = self.process_tree(peer, session, tree).await;
        self.metrics.record(&response, started.elapsed());
        response
    }

    async fn process_tree(&self, peer: &Peer, session: &mut Session, mut tree: Ttlv) -> ResponseMessage {
        let now = self.clock.now();
        let parts = match RequestParts::take_from(&mut tree) {
            Ok(parts) => parts,
            Err(e) => {
                let version = RequestMessage::protocol_version_of(&tree).unwrap_or(ProtocolVersion::V1_0);
                self.audit_refusal(peer, now, ResultReason::INVALID_MESSAGE);
                return ResponseMessage::message_failure(version, now, ResultReason::INVALID_MESSAGE, e.to_string());
            }
        };
        drop(tree);
        let version = parts.header.protocol_version;
        let span =
            debug_span!("message", identity = %peer.identity, version = %version, items = parts.batch_items.len());
        async move {
            if let Err(message) = check_header(&parts.header, parts.batch_items.len(), self.config.max_batch_items) {
                self.audit_refusal(peer, now, ResultReason::INVALID_MESSAGE);
                return ResponseMessage::message_failure(version, now, ResultReason::INVALID_MESSAGE, message);
            }
            if version.major != 1 && version.major != 2 {
                let reason = if version.is_2x() {
                    ResultReason::UNSUPPORTED_PROTOCOL_VERSION
                } else {
                    ResultReason::INVALID_MESSAGE
                };
                self.audit_refusal(peer, now, reason);
                return ResponseMessage::message_failure(
                    version,
                    now,
                    reason,
                    format!("protocol version {version} is not supported"),
                );
            }
            // A credential in the header may name another identity for
            // the whole message (docs/access.md).
            let authenticated;
            let peer = match self.authenticate(peer, &parts.header, now).await {
                Ok(None) => peer,
                Ok(Some(identity)) => {
                    let organisation = self.config.access.organisation(&identity, None);
                    authenticated = Peer { identity, address: peer.address, organisation, channel: peer.channel };
                    &authenticated
                }
                Err(e) => {
                    debug!(error = %e, "authentication failed");
                    return self.fail_all(peer, &parts, now, &e);
                }
            };
            let mut attempt = 0;
            loop {
                attempt += 1;
                match self.run_batch(peer, session, &parts, now).await {
                    Ok(items) => return self.finish(&parts.header, items, now),
                    Err(CommitError::Conflict) if attempt < COMMIT_ATTEMPTS => {
                        debug!(attempt, "write conflict: running the message again");
                    }
                    Err(CommitError::Conflict) => {
                        warn!("write conflict persisted after {COMMIT_ATTEMPTS} attempts");
                        return self.fail_all(peer, &parts, now, &KmsError::Internal("write conflict".into()));
                    }
                    // A full disk refuses every write until space returns:
                    // expected while it lasts, and the store says so once.
                    Err(CommitError::Kms(e @ KmsError::Store(crate::store::StoreError::NoSpace(_)))) => {
                        warn!(error = %e, "commit refused: no space");
                        return self.fail_all(peer, &parts, now, &e);
                    }
                    Err(CommitError::Kms(e)) => {
                        error!(error = %e, detail = ?e, "commit failed");
                        return self.fail_all(peer, &parts, now, &e);
                    }
                }
            }
        }
        .instrument(span)
        .await
    }

    /// The identity the credentials of `header` name, if any: a Username
    /// and Password checked against the identity's password hash, or a
    /// Login ticket. None: the connection's own identity. Credentials of
    /// other types are ignored (they cannot add to what the connection's
    /// certificate already allows). A failed check fails the whole message,
    /// with the same message whether the user is unknown or the password
    /// wrong.
    async fn authenticate(&self, peer: &Peer, header: &RequestHeader, now: i64) -> Result<Option<String>, KmsError> {
        let Some(authentication) = &header.authentication else { return Ok(None) };
        let mut named: Option<String> = None;
        for credential in &authentication.credentials {
            let identity = match &credential.credential_value {
                CredentialValue::UsernameAndPassword(user) => {
                    match &user.password {
                        // Naming the certificate's own identity without a
                        // password changes nothing.
                        None if user.username == peer.identity => continue,
                        None => return Err(KmsError::NotAuthenticated("authentication failed".into())),
                        Some(password) => {
                            if !self.access.check_password(&user.username, password.as_bytes()).await? {
                                return Err(KmsError::NotAuthenticated("authentication failed".into()));
                            }
                        }
                    }
                    user.username.clone()
                }
                CredentialValue::Other(value) if credential.credential_type == CredentialType::TICKET => {
                    let ticket = value.child(Tag::TICKET).unwrap_or(value);
                    let Some(Value::ByteString(bytes)) = ticket.child(Tag::TICKET_VALUE).map(|v| &v.value) else {
                        return Err(KmsError::InvalidTicket("a Ticket credential needs a Ticket Value".into()));
                    };
                    self.access
                        .redeem_ticket(bytes, now)
                        .ok_or_else(|| KmsError::InvalidTicket("the ticket is unknown, expired or used up".into()))?
                }
                _ => {
                    debug!(credential_type = ?credential.credential_type, "credential type not checked: ignored");
                    continue;
                }
            };
            if named.as_ref().is_some_and(|n| *n != identity) {
                return Err(KmsError::NotAuthenticated("the credentials name different identities".into()));
            }
            named = Some(identity);
        }
        Ok(named.filter(|identity| *identity != peer.identity))
    }

    /// Runs every item in one transaction and commits it; the responses.
    /// Only a commit changes `session` and publishes events: an undone or
    /// oversized batch, or a failed commit, leaves no trace.
    async fn run_batch(
        &self,
        peer: &Peer,
        session: &mut Session,
        parts: &RequestParts,
        now: i64,
    ) -> Result<Vec<ResponseBatchItem>, CommitError> {
        let version = parts.header.protocol_version;
        let mut ctx = OpContext {
            peer,
            now,
            version: effective_version(version),
            crypto: self.crypto.as_ref(),
            config: &self.config,
            access: &self.access,
            permission: None,
            txn: Txn::new(self.store.as_ref(), &self.hierarchy, &self.objects),
            streams: &self.streams,
            touched_streams: Vec::new(),
            keys: &self.keys,
            id_placeholder: None,
            session: *session,
        };
        let continuation = parts.header.batch_error_continuation();
        let mut responses = Vec::with_capacity(parts.batch_items.len());
        let mut undo = false;
        for item in &parts.batch_items {
            let response = match item {
                Err(bad) => bad.response(ResultReason::INVALID_MESSAGE, None),
                Ok(item) => self.run_item(&mut ctx, item, version).await,
            };
            let failed = response.result_status == ResultStatus::OPERATION_FAILED;
            responses.push(response);
            if failed && parts.batch_items.len() > 1 {
                match continuation {
                    BatchErrorContinuationOption::CONTINUE => continue,
                    BatchErrorContinuationOption::UNDO => {
                        undo = true;
                        break;
                    }
                    _ => break,
                }
            }
        }
        if undo {
            // KMIP 1.4 §11.43: items already processed are rolled back and
            // answered with Operation Undone; the failed item stays failed.
            self.streams.close(&ctx.touched_streams);
            for response in &mut responses {
                if response.result_status == ResultStatus::SUCCESS {
                    response.result_status = ResultStatus::OPERATION_UNDONE;
                }
            }
            self.audit_later(|| audit::item_entries(peer, now, parts, &responses));
            return Ok(responses);
        }
        if let Some(limit) = self.response_limit(&parts.header, &responses)
            && let Some(size) = self.oversized(&parts.header, &responses, now, limit)
        {
            // Nothing is committed: the client sees no result.
            self.streams.close(&ctx.touched_streams);
            let err = KmsError::ResponseTooLarge { size, limit };
            let reason = err.result_reason(version);
            let refused: Vec<ResponseBatchItem> = responses
                .iter()
                .map(|r| {
                    ResponseBatchItem::failure(r.operation, r.unique_batch_item_id.clone(), reason, err.to_string())
                })
                .collect();
            self.audit_later(|| audit::item_entries(peer, now, parts, &refused));
            return Ok(refused);
        }
        let changed_session = ctx.session;
        let touched = std::mem::take(&mut ctx.touched_streams);
        // The entries of a change ride in its commit, after those waiting
        // (so the chain keeps their order); the others wait for the next
        // group commit.
        let mut waiting = Vec::new();
        let mut log = Vec::new();
        if let Some(audit_log) = &self.audit {
            let entries = audit::item_entries(peer, now, parts, &responses);
            if ctx.txn.is_empty() {
                audit_log.record(entries);
            } else {
                waiting = audit_log.take();
                log = waiting.clone();
                log.extend(entries);
            }
        }
        let committed = match ctx.txn.commit(log).await {
            Ok(committed) => committed,
            Err(e) => {
                // Not committed (a conflict is run again from the start):
                // the streams this attempt moved on are closed, and the
                // entries taken from the waiting ones wait again.
                self.streams.close(&touched);
                if let Some(audit_log) = &self.audit {
                    audit_log.put_back(waiting);
                }
                return Err(e);
            }
        };
        *session = changed_session;
        self.events.publish(&committed);
        Ok(responses)
    }

    /// A receiver of the events of every committed change from now on
    /// ([`push`]); it lags (losing the oldest) rather than slow anything.
    pub fn subscribe(&self) -> broadcast::Receiver<Arc<ObjectEvent>> {
        self.events.subscribe()
    }

    /// The server-to-client request (Notify or Put) that tells `peer`
    /// about `event` in protocol `version`, its Unique Batch Item ID
    /// `batch_item_id`. None when `peer`'s identity may not see the object,
    /// or there is nothing to send: the object is gone or may not leave the
    /// server (a Put carries the object as Get returns it).
    pub async fn server_request(
        &self,
        peer: &Peer,
        event: &ObjectEvent,
        version: ProtocolVersion,
        batch_item_id: Bytes,
    ) -> Option<ServerRequest> {
        // The same rule as the operations': Notify needs what Get
        // Attributes needs, Put what Get needs, on the object as it is now
        // (a key destroyed meanwhile is not sent).
        let permission = match &event.change {
            Change::Attributes { .. } => Permission::GetAttributes,
            Change::Created { .. } => Permission::Get,
        };
        if event.owner != peer.identity && !self.access.is_admin(&peer.identity) {
            let mut txn = Txn::new(self.store.as_ref(), &self.hierarchy, &self.objects);
            let object = match txn.get_shared(&event.id).await {
                Ok(Some(object)) => object,
                Ok(None) => return None,
                Err(e) => {
                    warn!(id = %event.id, error = %e, "object for a server-to-client request could not be read");
                    return None;
                }
            };
            if !push::may_see(&self.access, peer, &object, permission).await {
                return None;
            }
        }
        let (operation, payload) = match &event.change {
            Change::Attributes { changed, deleted } => {
                (Operation::NOTIFY, push::notify_payload(&event.id, changed, deleted, version))
            }
            Change::Created { replaced } => {
                // Read now, as Get would: a key destroyed meanwhile is not sent.
                let mut txn = Txn::new(self.store.as_ref(), &self.hierarchy, &self.objects);
                let object = match txn.get_shared(&event.id).await {
                    Ok(Some(object)) => object,
                    Ok(None) => return None,
                    Err(e) => {
                        warn!(id = %event.id, error = %e, "object for a Put could not be read");
                        return None;
                    }
                };
                let Some(payload) = push::put_payload(&object, replaced.as_deref(), version) else {
                    debug!(id = %event.id, "new object may not leave the server: no Put");
                    return None;
                };
                (Operation::PUT, payload)
            }
        };
        let bytes = match push::request_message(version, self.clock.now(), operation, batch_item_id.clone(), payload) {
            Ok(bytes) => bytes,
            Err(e) => {
                error!(id = %event.id, operation = ?operation, error = %e, "server-to-client request does not encode");
                return None;
            }
        };
        Some(ServerRequest { bytes, expected: Expected { operation, batch_item_id, object_id: event.id.clone() } })
    }

    async fn run_item(
        &self,
        ctx: &mut OpContext<'_>,
        item: &RequestBatchItem,
        version: ProtocolVersion,
    ) -> ResponseBatchItem {
        let operation = item.operation;
        // Debug level, like the message span: at the default level the
        // connection span (peer, identity) is the context, and a request
        // pays nothing for spans it does not log.
        let span = debug_span!("item", operation = ?operation, id = ?item.id().map(hex::encode));
        async {
            if let Some(extension) = item.critical_extension() {
                let err = KmsError::Unsupported(format!(
                    "critical message extension from {:?}",
                    extension.vendor_identification
                ));
                return item.failure(ResultReason::FEATURE_NOT_SUPPORTED, err.to_string());
            }
            if version.minor <= newest_minor(version) && item.has_unknown_fields() {
                let reason = ResultReason::INVALID_FIELD;
                return item.failure(reason, "the batch item has fields this protocol version does not define");
            }
            // Boxed: the operations' futures are large, and every enclosing
            // future (message, batch, item spans) would otherwise copy them.
            match Box::pin(dispatch(ctx, operation, &item.request_payload)).await {
                Ok(payload) => item.success(Ttlv::structure(Tag::RESPONSE_PAYLOAD, payload)),
                Err(e) => {
                    if e.is_internal() {
                        error!(operation = ?operation, error = %e, detail = ?e, "operation failed");
                    } else {
                        debug!(error = %e, "operation failed");
                    }
                    item.failure(e.result_reason(version), e.result_message())
                }
            }
        }
        .instrument(span)
        .await
    }

    /// The TTLV size of the response if it exceeds `limit`.
    /// The response size limit to check: the request's Maximum Response
    /// Size, or the server's (`limits.max_response_size`) for the
    /// responses that can grow without bound (several batch items, a
    /// Locate); None for a single item of another operation, whose size
    /// the request's own size bounds (no encoding pass on the hot path).
    fn response_limit(&self, header: &RequestHeader, items: &[ResponseBatchItem]) -> Option<i32> {
        let server = i32::try_from(self.config.max_response_size).unwrap_or(i32::MAX);
        match header.maximum_response_size {
            Some(asked) => Some(asked.min(server)),
            None if items.len() > 1 || items.iter().any(|item| item.operation == Some(Operation::LOCATE)) => {
                Some(server)
            }
            None => None,
        }
    }

    fn oversized(&self, header: &RequestHeader, items: &[ResponseBatchItem], now: i64, limit: i32) -> Option<usize> {
        let response = self.response(header, items.to_vec(), now);
        let size = wire::encoded_len(&response.to_ttlv());
        (size > usize::try_from(limit).unwrap_or(0)).then_some(size)
    }

    fn finish(&self, header: &RequestHeader, items: Vec<ResponseBatchItem>, now: i64) -> ResponseMessage {
        self.response(header, items, now)
    }

    fn response(&self, header: &RequestHeader, items: Vec<ResponseBatchItem>, now: i64) -> ResponseMessage {
        let mut response_header = ResponseHeader::new(header.protocol_version, now);
        // KMIP 1.4+: the server's own identifier for the exchange, unique
        // per response, for matching logs on both sides.
        if header.protocol_version >= ProtocolVersion::V1_4 {
            let n = self.correlation_counter.fetch_add(1, Ordering::Relaxed);
            response_header.server_correlation_value = Some(correlation_value(&self.correlation_prefix, n));
        }
        ResponseMessage::new(response_header, items)
    }

    fn fail_all(&self, peer: &Peer, parts: &RequestParts, now: i64, err: &KmsError) -> ResponseMessage {
        let version = parts.header.protocol_version;
        let items: Vec<ResponseBatchItem> = parts
            .batch_items
            .iter()
            .map(|item| match item {
                Ok(item) => item.failure(err.result_reason(version), err.result_message()),
                Err(bad) => bad.response(ResultReason::INVALID_MESSAGE, None),
            })
            .collect();
        self.audit_later(|| audit::item_entries(peer, now, parts, &items));
        self.response(&parts.header, items, now)
    }
}

/// Header checks that fail the whole message.
fn check_header(header: &RequestHeader, items: usize, max_items: usize) -> Result<(), String> {
    if usize::try_from(header.batch_count).ok() != Some(items) {
        return Err(format!("Batch Count is {} but the message holds {items} batch items", header.batch_count));
    }
    if items > max_items {
        return Err(format!("{items} batch items exceed the maximum of {max_items} per request"));
    }
    Ok(())
}

/// The newest minor version this server knows for the request's major.
fn newest_minor(version: ProtocolVersion) -> i32 {
    if version.is_2x() { NEWEST_2X.minor } else { NEWEST_1X.minor }
}

/// The version whose rules apply: a higher minor than the server knows is
/// processed as the newest known minor of that major (unknown fields
/// ignored).
fn effective_version(version: ProtocolVersion) -> ProtocolVersion {
    match version.major {
        1 if version > NEWEST_1X => NEWEST_1X,
        2 if version > NEWEST_2X => NEWEST_2X,
        _ => version,
    }
}

/// The protocol version of an undecodable request, read from the fixed
/// offsets where a well-formed header puts it.
fn peek_version(request: &[u8]) -> Option<ProtocolVersion> {
    // RequestMessage(8) RequestHeader(8) ProtocolVersion(8) Major(16) Minor(16)
    let expect = |at: usize, tag: Tag, item_type: u8| {
        let header = request.get(at..at + 4)?;
        let value = tag.value().to_be_bytes();
        (header[..3] == value[1..] && header[3] == item_type).then_some(())
    };
    expect(0, Tag::REQUEST_MESSAGE, 0x01)?;
    expect(8, Tag::REQUEST_HEADER, 0x01)?;
    expect(16, Tag::PROTOCOL_VERSION, 0x01)?;
    expect(24, Tag::PROTOCOL_VERSION_MAJOR, 0x02)?;
    expect(40, Tag::PROTOCOL_VERSION_MINOR, 0x02)?;
    let int = |at: usize| Some(i32::from_be_bytes(request.get(at..at + 4)?.try_into().ok()?));
    Some(ProtocolVersion::new(int(32)?, int(48)?))
}

/// `prefix-n`, written without the formatting machinery (every 1.4+
/// response carries one).
fn correlation_value(prefix: &str, n: u64) -> String {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut rest = n;
    loop {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let mut out = String::with_capacity(prefix.len() + 1 + digits.len() - at);
    out.push_str(prefix);
    out.push('-');
    out.extend(digits[at..].iter().map(|&d| char::from(d)));
    out
}

/// True if `operation` exists in `version`.
fn defined_in(operation: Operation, version: ProtocolVersion) -> bool {
    Operation::info().entry(operation.0).is_some_and(|v| v.defined_in(version))
}

/// Runs one operation; the response payload's children.
async fn dispatch(ctx: &mut OpContext<'_>, operation: Operation, payload: &Ttlv) -> Result<Vec<Ttlv>, KmsError> {
    if !defined_in(operation, ctx.version) {
        return Err(KmsError::OperationNotSupported(format!("{operation:?} (not in KMIP {})", ctx.version)));
    }
    // What the operation needs on the objects it names; every read goes
    // through `OpContext::object` (or Locate's filter), which checks it.
    ctx.permission = Permission::for_operation(operation);
    match operation {
        Operation::CREATE => lifecycle::create(ctx, payload).await,
        Operation::REGISTER => lifecycle::register(ctx, payload).await,
        Operation::RE_KEY => lifecycle::rekey(ctx, payload).await,
        Operation::ACTIVATE => lifecycle::activate(ctx, payload).await,
        Operation::REVOKE => lifecycle::revoke(ctx, payload).await,
        Operation::DESTROY => lifecycle::destroy(ctx, payload).await,
        Operation::ARCHIVE => lifecycle::archive(ctx, payload).await,
        Operation::RECOVER => lifecycle::recover(ctx, payload).await,
        Operation::GET => transfer::get(ctx, payload).await,
        Operation::EXPORT => import_export::export(ctx, payload).await,
        Operation::IMPORT => import_export::import(ctx, payload).await,
        Operation::GET_ATTRIBUTES => attributes::get_attributes(ctx, payload).await,
        Operation::GET_ATTRIBUTE_LIST => attributes::get_attribute_list(ctx, payload).await,
        Operation::ADD_ATTRIBUTE => attributes::add_attribute(ctx, payload).await,
        Operation::MODIFY_ATTRIBUTE => attributes::modify_attribute(ctx, payload).await,
        Operation::DELETE_ATTRIBUTE => attributes::delete_attribute(ctx, payload).await,
        Operation::SET_ATTRIBUTE => attributes::set_attribute(ctx, payload).await,
        Operation::ADJUST_ATTRIBUTE => attributes::adjust_attribute(ctx, payload).await,
        Operation::LOCATE => locate::locate(ctx, payload).await,
        Operation::CHECK => usage::check(ctx, payload).await,
        Operation::OBTAIN_LEASE => usage::obtain_lease(ctx, payload).await,
        Operation::GET_USAGE_ALLOCATION => usage::get_usage_allocation(ctx, payload).await,
        Operation::QUERY => discovery::query(ctx, payload),
        Operation::DISCOVER_VERSIONS => discovery::discover_versions(ctx, payload),
        Operation::INTEROP => session::interop(ctx, payload),
        Operation::CREATE_KEY_PAIR => keypair::create_key_pair(ctx, payload).await,
        // Boxed: their futures are the largest (1.8 KB for Certify), and an
        // unboxed arm sets the size of every operation's future.
        Operation::RE_KEY_KEY_PAIR => Box::pin(rekey::rekey_key_pair(ctx, payload)).await,
        Operation::CERTIFY => Box::pin(certify::certify(ctx, payload)).await,
        Operation::RE_CERTIFY => Box::pin(certify::recertify(ctx, payload)).await,
        Operation::VALIDATE => Box::pin(certify::validate(ctx, payload)).await,
        Operation::ENCRYPT => crypto_ops::encrypt(ctx, payload).await,
        Operation::DECRYPT => crypto_ops::decrypt(ctx, payload).await,
        Operation::SIGN => crypto_ops::sign(ctx, payload).await,
        Operation::SIGNATURE_VERIFY => crypto_ops::signature_verify(ctx, payload).await,
        Operation::MAC => crypto_ops::mac(ctx, payload).await,
        Operation::MAC_VERIFY => crypto_ops::mac_verify(ctx, payload).await,
        Operation::HASH => crypto_ops::hash(ctx, payload).await,
        Operation::RNG_RETRIEVE => crypto_ops::rng_retrieve(ctx, payload).await,
        Operation::RNG_SEED => crypto_ops::rng_seed(ctx, payload).await,
        Operation::DERIVE_KEY => derive::derive_key(ctx, payload).await,
        Operation::CREATE_SPLIT_KEY => split::create_split_key(ctx, payload).await,
        Operation::JOIN_SPLIT_KEY => split::join_split_key(ctx, payload).await,
        Operation::LOG => session::log(ctx, payload),
        Operation::SET_ENDPOINT_ROLE => session::set_endpoint_role(ctx, payload),
        Operation::PKCS_11 => hsm::pkcs11(ctx, payload).await,
        Operation::LOGIN => session::login(ctx, payload),
        Operation::LOGOUT => session::logout(ctx, payload),
        // KMIP 2.1 §7 / 1.4 §5: Notify and Put are "only ever sent by a
        // server to a client". A request carrying one still parses and
        // names an operation its version defines, so it is not an Invalid
        // Message (1.4 §11.1 keeps that for messages that cannot be
        // parsed); what fails is the operation itself, which a server does
        // not perform on a client's behalf: Operation Not Supported, as
        // 1.4 §11.1 answers an operation the server does not carry out.
        Operation::NOTIFY | Operation::PUT => Err(KmsError::OperationNotSupported(format!(
            "{operation:?} from a client (a server-to-client operation: only a server sends it, KMIP 2.1 §7, 1.4 §5)"
        ))),
        Operation::POLL => session::poll(ctx, payload),
        Operation::CANCEL => session::cancel(ctx, payload),
        other => Err(KmsError::OperationNotSupported(format!("{other:?}"))),
    }
}

/// The operations this server supports, for Query: those [`dispatch`]
/// implements, and the server-to-client ones it sends (Notify, Put; see
/// [`push`]).
pub(crate) const SUPPORTED_OPERATIONS: &[Operation] = &[
    Operation::CREATE,
    Operation::REGISTER,
    Operation::RE_KEY,
    Operation::LOCATE,
    Operation::CHECK,
    Operation::GET,
    Operation::GET_ATTRIBUTES,
    Operation::GET_ATTRIBUTE_LIST,
    Operation::ADD_ATTRIBUTE,
    Operation::MODIFY_ATTRIBUTE,
    Operation::DELETE_ATTRIBUTE,
    Operation::OBTAIN_LEASE,
    Operation::GET_USAGE_ALLOCATION,
    Operation::ACTIVATE,
    Operation::REVOKE,
    Operation::DESTROY,
    Operation::ARCHIVE,
    Operation::RECOVER,
    Operation::QUERY,
    Operation::CANCEL,
    Operation::POLL,
    // Server-to-client: sent to a client that took the Server role.
    Operation::NOTIFY,
    Operation::PUT,
    Operation::DISCOVER_VERSIONS,
    Operation::LOG,
    Operation::ADJUST_ATTRIBUTE,
    Operation::SET_ATTRIBUTE,
    Operation::SET_ENDPOINT_ROLE,
    Operation::INTEROP,
    Operation::CREATE_KEY_PAIR,
    Operation::ENCRYPT,
    Operation::DECRYPT,
    Operation::SIGN,
    Operation::SIGNATURE_VERIFY,
    Operation::MAC,
    Operation::MAC_VERIFY,
    Operation::HASH,
    Operation::RNG_RETRIEVE,
    Operation::RNG_SEED,
    Operation::DERIVE_KEY,
    Operation::CREATE_SPLIT_KEY,
    Operation::JOIN_SPLIT_KEY,
    Operation::RE_KEY_KEY_PAIR,
    Operation::CERTIFY,
    Operation::VALIDATE,
    Operation::IMPORT,
    Operation::EXPORT,
    Operation::RE_CERTIFY,
    Operation::LOGIN,
    Operation::LOGOUT,
];

#[cfg(test)]
pub(crate) mod test_kms;
#[cfg(test)]
mod tests;
