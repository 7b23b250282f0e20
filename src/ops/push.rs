//! The server-to-client operations Notify and Put (KMIP 2.1 §7.1, §7.2;
//! 1.4 §5.1, §5.2) and the object events behind them.
//!
//! After a message commits, [`Kms`](super::Kms) turns what it wrote into
//! [`ObjectEvent`]s — a new object (Put) or changed attributes (Notify) —
//! and publishes them on a bounded broadcast channel. Nothing is computed
//! while nobody listens. A subscriber that falls more than
//! [`EVENT_CAPACITY`] events behind loses the oldest ones (it learns how
//! many); publishing never waits. Events are not persisted: delivery is
//! best effort, to connections open at the time.
//!
//! A shell that serves a connection whose client took the Server role (Set
//! Endpoint Role) subscribes, asks [`Kms::server_request`](super::Kms::server_request)
//! for the request message to send for each event (None when the
//! connection's identity may not see the object, or there is nothing to
//! send) and checks the client's answer with [`check_answer`]. No I/O
//! happens here.

use std::sync::Arc;

use bytes::Bytes;
use kmip_ttlv::enums::{LinkType, Operation, PutFunction, ResultStatus};
use kmip_ttlv::model::{Attribute, AttributeKey, RequestBatchItem, RequestHeader, RequestMessage, ResponseMessage};
use kmip_ttlv::wire::{self, Limits};
use kmip_ttlv::{ProtocolVersion, Tag, Ttlv, Value};
use tokio::sync::broadcast;

use super::attributes::{visible, with_indexes};
use super::context::Committed;
use super::object::ManagedObject;
use super::transfer::exportable;

/// How many events a subscriber may fall behind before the oldest are
/// lost to it.
pub const EVENT_CAPACITY: usize = 1024;

/// A committed change to one managed object.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ObjectEvent {
    /// The object's Unique Identifier.
    pub id: String,
    /// The object's owner (who may be told about it).
    pub owner: String,
    /// What happened.
    pub change: Change,
}

/// What happened to an object.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Change {
    /// A new object (Create, Register, Re-key, Derive Key, Certify, ...):
    /// Put with Put Function New, or Replace naming the object it replaces
    /// (its Replaced Object Link, set by Re-key and Re-key Key Pair).
    Created {
        /// The object this one replaces.
        replaced: Option<String>,
    },
    /// Attributes changed (Notify): every current instance of each
    /// attribute that changed (Last Change Date always among them when the
    /// object has one), and the attributes that are gone altogether.
    Attributes {
        /// The current instances of the changed attributes.
        changed: Vec<Attribute>,
        /// Attributes no instance of which is left.
        deleted: Vec<AttributeKey>,
    },
}

/// The events of one server: a bounded broadcast channel.
pub(crate) struct Events {
    sender: broadcast::Sender<Arc<ObjectEvent>>,
}

impl Events {
    pub(crate) fn new() -> Events {
        let (sender, _) = broadcast::channel(EVENT_CAPACITY);
        Events { sender }
    }

    pub(crate) fn subscribe(&self) -> broadcast::Receiver<Arc<ObjectEvent>> {
        self.sender.subscribe()
    }

    /// Publishes the events of what a message committed; nothing when
    /// nobody listens. Never waits: a slow subscriber loses old events.
    pub(crate) fn publish(&self, committed: &[Committed]) {
        if self.sender.receiver_count() == 0 {
            return;
        }
        for written in committed {
            if let Some(event) = event_of(written) {
                // Err: the last subscriber left meanwhile.
                let _ = self.sender.send(Arc::new(event));
            }
        }
    }
}

/// The event for one written object; None when no attribute changed.
fn event_of(written: &Committed) -> Option<ObjectEvent> {
    let after = &written.after;
    let change = match &written.before {
        None => Change::Created { replaced: replaced_object(after) },
        Some(before) => {
            let (changed, deleted) = attribute_changes(before, after);
            if changed.is_empty() && deleted.is_empty() {
                return None;
            }
            Change::Attributes { changed, deleted }
        }
    };
    Some(ObjectEvent { id: after.id.clone(), owner: after.owner.clone(), change })
}

/// The object a new one replaces: the target of its Replaced Object Link.
fn replaced_object(object: &ManagedObject) -> Option<String> {
    object.attributes.iter().find_map(|a| match a {
        Attribute::Standard(link) if link.tag == Tag::LINK => {
            let link_type = link.child(Tag::LINK_TYPE)?.value.as_enumeration()?;
            (link_type == LinkType::REPLACED_OBJECT_LINK.0)
                .then(|| link.child(Tag::LINKED_OBJECT_IDENTIFIER)?.value.as_text().map(str::to_owned))
                .flatten()
        }
        _ => None,
    })
}

/// The current instances of every attribute whose instances differ, and
/// the attributes that are gone.
fn attribute_changes(before: &ManagedObject, after: &ManagedObject) -> (Vec<Attribute>, Vec<AttributeKey>) {
    let keys = |object: &ManagedObject| {
        let mut keys: Vec<AttributeKey> = Vec::new();
        for attribute in &object.attributes {
            let key = attribute.key();
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
        keys
    };
    let (keys_before, keys_after) = (keys(before), keys(after));
    let mut changed: Vec<Attribute> = Vec::new();
    for key in &keys_after {
        let now: Vec<&Attribute> = after.instances(key).collect();
        if before.instances(key).ne(now.iter().copied()) {
            changed.extend(now.into_iter().cloned());
        }
    }
    let deleted: Vec<AttributeKey> = keys_before.into_iter().filter(|k| !keys_after.contains(k)).collect();
    // KMIP 1.4 §5.1 / 2.1 §7.1: the attributes that have changed "include
    // at least the Last Change Date attribute".
    let last_change = AttributeKey::Standard(Tag::LAST_CHANGE_DATE);
    if (!changed.is_empty() || !deleted.is_empty()) && changed.iter().all(|a| a.key() != last_change) {
        changed.extend(after.instances(&last_change).cloned());
    }
    (changed, deleted)
}

/// True if `peer` may be told about `object` with a request that needs
/// `permission` (Notify: get-attributes; Put: get): the rule every
/// operation uses ([`Access::may`](crate::access::Access::may)).
pub(crate) async fn may_see(
    access: &crate::access::Access,
    peer: &super::Peer,
    object: &ManagedObject,
    permission: crate::access::Permission,
) -> bool {
    match access.may(&peer.identity, &object.owner, &object.id, object.groups(), Some(permission)).await {
        Ok(may) => may,
        Err(e) => {
            tracing::warn!(error = %e, "grants could not be read: nothing sent");
            false
        }
    }
}

/// A server-to-client request message ready to send, and what the
/// client's answer must match.
pub struct ServerRequest {
    /// The encoded Request Message (a Put holds key material: never log it).
    pub bytes: Vec<u8>,
    /// What the answer must match.
    pub expected: Expected,
}

impl std::fmt::Debug for ServerRequest {
    /// The length of the message, never its bytes.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ServerRequest")
            .field("bytes", &format_args!("[{} bytes]", self.bytes.len()))
            .field("expected", &self.expected)
            .finish()
    }
}

/// The request a client's answer must belong to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expected {
    /// Notify or Put.
    pub operation: Operation,
    /// The Unique Batch Item ID the request carried.
    pub batch_item_id: Bytes,
    /// The object the request was about.
    pub object_id: String,
}

/// The Notify request payload for `changed` and `deleted` attributes of
/// object `id`, in `version`'s form: KMIP 2.x Unique Identifier,
/// Attributes, then one Attribute Reference per deleted attribute (2.1
/// §7.1); KMIP 1.x Unique Identifier, then one Attribute per changed
/// instance (with its Attribute Index) and, for a deleted attribute, an
/// Attribute holding only its Attribute Name (1.4 §5.1: "the Attribute
/// structure ... SHALL NOT contain the Attribute Value").
pub(crate) fn notify_payload(
    id: &str,
    changed: &[Attribute],
    deleted: &[AttributeKey],
    version: ProtocolVersion,
) -> Vec<Ttlv> {
    let changed: Vec<&Attribute> = changed.iter().filter(|a| a.key().exists_in(version)).collect();
    let deleted = deleted.iter().filter(|k| k.exists_in(version));
    let mut out = vec![Ttlv::new(Tag::UNIQUE_IDENTIFIER, Value::TextString(id.to_owned()))];
    if version.is_2x() {
        out.push(Ttlv::structure(Tag::ATTRIBUTES, changed.iter().map(|a| a.to_2x()).collect()));
        out.extend(deleted.map(AttributeKey::to_reference));
    } else {
        // `changed` holds every instance of each changed attribute, in
        // order: an instance's index is its place among them.
        out.extend(changed.iter().enumerate().map(|(i, attribute)| {
            let key = attribute.key();
            let index = changed[..i].iter().filter(|a| a.key() == key).count();
            attribute.to_1x((index > 0).then(|| i32::try_from(index).unwrap_or(i32::MAX)))
        }));
        out.extend(deleted.map(|key| {
            Ttlv::structure(Tag::ATTRIBUTE, vec![Ttlv::new(Tag::ATTRIBUTE_NAME, Value::TextString(key.to_1x_name()))])
        }));
    }
    out
}

/// The Put request payload for `object`: Unique Identifier, Put Function
/// (Replace with the Replaced Unique Identifier when the object replaces
/// another), the object as Get returns it by default, and its attributes
/// (2.x one Attributes structure, 1.x Attribute items). None when the
/// object may not leave the server (destroyed, archived, Sensitive, not
/// Extractable).
pub(crate) fn put_payload(
    object: &ManagedObject,
    replaced: Option<&str>,
    version: ProtocolVersion,
) -> Option<Vec<Ttlv>> {
    let value = exportable(object).ok()?;
    let function = if replaced.is_some() { PutFunction::REPLACE } else { PutFunction::NEW };
    let mut out = vec![
        Ttlv::new(Tag::UNIQUE_IDENTIFIER, Value::TextString(object.id.clone())),
        Ttlv::new(Tag::PUT_FUNCTION, Value::Enumeration(function.0)),
    ];
    if let Some(replaced) = replaced {
        out.push(Ttlv::new(Tag::REPLACED_UNIQUE_IDENTIFIER, Value::TextString(replaced.to_owned())));
    }
    out.push(value.clone());
    let attributes: Vec<&Attribute> = visible(object, version).collect();
    if version.is_2x() {
        out.push(Ttlv::structure(Tag::ATTRIBUTES, attributes.iter().map(|a| a.to_2x()).collect()));
    } else {
        out.extend(with_indexes(object, &attributes));
    }
    Some(out)
}

/// A Request Message of one batch item: `operation` with `payload`, in
/// `version`, stamped `now`, with Unique Batch Item ID `batch_item_id`.
pub(crate) fn request_message(
    version: ProtocolVersion,
    now: i64,
    operation: Operation,
    batch_item_id: Bytes,
    payload: Vec<Ttlv>,
) -> Result<Vec<u8>, kmip_ttlv::Error> {
    let mut header = RequestHeader::new(version, 1);
    header.time_stamp = Some(now);
    let mut item = RequestBatchItem::new(operation, Ttlv::structure(Tag::REQUEST_PAYLOAD, payload));
    item.unique_batch_item_id = Some(batch_item_id);
    wire::to_vec(&RequestMessage::new(header, vec![item]).to_ttlv())
}

/// True if `message` is a Response Message (by its outermost tag): on a
/// connection whose client takes the Server role, the client's answer to
/// a Notify or Put, not a request of its own.
pub fn is_response_message(message: &[u8]) -> bool {
    let tag = Tag::RESPONSE_MESSAGE.value().to_be_bytes();
    message.get(..3) == Some(&tag[1..])
}

/// Why a client's answer to a server-to-client request is not a success.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum AnswerError {
    /// Not a Response Message of one batch item.
    #[error("malformed answer: {0}")]
    Malformed(String),
    /// An answer to some other request (another batch item id or
    /// operation): the request is still waiting for its own.
    #[error("answer to another request ({0})")]
    Unrelated(String),
    /// The client answered with a failure.
    #[error("the client answered {status:?}, {reason}: {message}")]
    Failed {
        /// Result Status.
        status: ResultStatus,
        /// Result Reason, as the client gave it.
        reason: String,
        /// Result Message.
        message: String,
    },
}

/// Checks the client's answer `message` (a whole Response Message) to the
/// request `expected` describes: one batch item, the same Operation and
/// Unique Batch Item ID when it names them, Result Status Success.
pub fn check_answer(message: &[u8], expected: &Expected) -> Result<(), AnswerError> {
    let limits = Limits { max_message_size: usize::MAX, ..Limits::default() };
    let tree = wire::decode_slice(message, &limits).map_err(|e| AnswerError::Malformed(e.to_string()))?;
    let response = ResponseMessage::from_ttlv(&tree).map_err(|e| AnswerError::Malformed(e.to_string()))?;
    let [item] = response.batch_items.as_slice() else {
        return Err(AnswerError::Malformed(format!("{} batch items, expected 1", response.batch_items.len())));
    };
    if let Some(id) = item.id()
        && *id != expected.batch_item_id
    {
        return Err(AnswerError::Unrelated(format!("Unique Batch Item ID {}", hex::encode(id))));
    }
    if let Some(operation) = item.operation
        && operation != expected.operation
    {
        return Err(AnswerError::Unrelated(format!("Operation {operation:?}")));
    }
    if item.result_status == ResultStatus::SUCCESS {
        return Ok(());
    }
    Err(AnswerError::Failed {
        status: item.result_status,
        reason: item.result_reason.map(|r| format!("{r:?}")).unwrap_or_else(|| "no reason".into()),
        message: item.result_message.clone().unwrap_or_default(),
    })
}

#[cfg(test)]
mod tests {
    use kmip_ttlv::enums::{EndpointRole, ResultReason};
    use kmip_ttlv::model::{ResponseBatchItem, ResponseHeader};
    use tokio::sync::broadcast::error::TryRecvError;

    use super::*;
    use crate::ops::test_kms::{failed, harness, request, text, uid};
    use crate::ops::{Peer, Session};

    harness!();

    /// The AES-128 key the tests register.
    const KEY: &str = "00112233445566778899AABBCCDDEEFF";

    impl Harness {
        /// Registers [`KEY`] (KMIP 2.1); its identifier.
        async fn register_key(&self) -> String {
            let payload = self
                .ok(
                    "2.1",
                    &format!(
                        r#"<Operation type="Enumeration" value="Register"/><RequestPayload>
                           <ObjectType type="Enumeration" value="SymmetricKey"/><Attributes>
                           <CryptographicAlgorithm type="Enumeration" value="AES"/><CryptographicLength type="Integer" value="128"/>
                           <CryptographicUsageMask type="Integer" value="Encrypt Decrypt"/></Attributes>
                           <SymmetricKey><KeyBlock><KeyFormatType type="Enumeration" value="Raw"/>
                           <KeyValue><KeyMaterial type="ByteString" value="{KEY}"/></KeyValue>
                           <CryptographicAlgorithm type="Enumeration" value="AES"/><CryptographicLength type="Integer" value="128"/>
                           </KeyBlock></SymmetricKey></RequestPayload>"#
                    ),
                )
                .await;
            text(&payload, Tag::UNIQUE_IDENTIFIER)
        }

        /// Sends a Set Endpoint Role item of `role` in `version` on the
        /// connection whose state is `session`.
        async fn set_role(&self, session: &mut Session, version: &str, role: &str) -> ResponseBatchItem {
            let item = format!(
                r#"<BatchItem><Operation type="Enumeration" value="SetEndpointRole"/><RequestPayload>
                   <EndpointRole type="Enumeration" value="{role}"/></RequestPayload></BatchItem>"#
            );
            let response = self.kms.process_session(&self.peer, session, request(version, "", &item)).await;
            response.batch_items.into_iter().next().expect("one item")
        }
    }

    fn description(id: &str, operation: &str, value: &str) -> String {
        format!(
            r#"<Operation type="Enumeration" value="{operation}"/><RequestPayload>{}<NewAttribute>
               <Description type="TextString" value="{value}"/></NewAttribute></RequestPayload>"#,
            uid(id)
        )
    }

    fn next(events: &mut broadcast::Receiver<Arc<ObjectEvent>>) -> ObjectEvent {
        ObjectEvent::clone(&events.try_recv().expect("an event"))
    }

    #[tokio::test]
    async fn set_endpoint_role_echoes_the_role_and_sets_it_when_the_message_commits() {
        let h = Harness::new();
        let mut session = Session::default();
        assert!(!session.accepts_server_requests(), "Client is the default");
        let answer = h.set_role(&mut session, "2.0", "Server").await;
        let payload = answer.response_payload.as_ref().expect("payload");
        assert_eq!(payload.child(Tag::ENDPOINT_ROLE).map(|r| &r.value), Some(&Value::Enumeration(2)), "{answer:?}");
        assert_eq!(session.endpoint_role, EndpointRole::SERVER);
        h.set_role(&mut session, "2.1", "Client").await;
        assert_eq!(session.endpoint_role, EndpointRole::CLIENT);

        // Without a connection (Kms::process, as the conformance runner calls
        // it): Success, echoed.
        let payload = h
            .ok(
                "2.1",
                r#"<Operation type="Enumeration" value="SetEndpointRole"/><RequestPayload>
                   <EndpointRole type="Enumeration" value="Server"/></RequestPayload>"#,
            )
            .await;
        assert_eq!(payload.child(Tag::ENDPOINT_ROLE).map(|r| &r.value), Some(&Value::Enumeration(2)));

        // Not in KMIP 1.x; not a role; undone with its batch.
        failed(&h.set_role(&mut session, "1.4", "Server").await, ResultReason::OPERATION_NOT_SUPPORTED);
        failed(&h.set_role(&mut session, "2.0", "0x00000003").await, ResultReason::INVALID_FIELD);
        let undone = format!(
            r#"<BatchItem><Operation type="Enumeration" value="SetEndpointRole"/><RequestPayload>
                 <EndpointRole type="Enumeration" value="Server"/></RequestPayload></BatchItem>
               <BatchItem><Operation type="Enumeration" value="Get"/><RequestPayload>{}</RequestPayload></BatchItem>"#,
            uid("missing")
        );
        let undo = r#"<BatchErrorContinuationOption type="Enumeration" value="Undo"/>"#;
        let response = h.kms.process_session(&h.peer, &mut session, request("2.1", undo, &undone)).await;
        assert_eq!(response.batch_items[0].result_status, ResultStatus::OPERATION_UNDONE);
        assert_eq!(session.endpoint_role, EndpointRole::CLIENT, "an undone Set Endpoint Role leaves the role");
    }

    #[tokio::test]
    async fn notify_and_put_sent_by_a_client_are_refused() {
        let h = Harness::new();
        for version in ["1.0", "1.4", "2.1"] {
            for operation in ["Notify", "Put"] {
                let item = format!(
                    r#"<Operation type="Enumeration" value="{operation}"/><RequestPayload>{}</RequestPayload>"#,
                    uid("x")
                );
                let answer = h.one(version, &item).await;
                failed(&answer, ResultReason::OPERATION_NOT_SUPPORTED);
                let message = answer.result_message.as_deref().unwrap_or_default();
                assert!(message.contains("server-to-client"), "{message}");
            }
        }
    }

    #[tokio::test]
    async fn query_lists_notify_put_and_set_endpoint_role_where_defined() {
        let h = Harness::new();
        let query = r#"<Operation type="Enumeration" value="Query"/><RequestPayload>
                       <QueryFunction type="Enumeration" value="QueryOperations"/></RequestPayload>"#;
        for (version, role) in [("1.0", false), ("1.4", false), ("2.0", true), ("2.1", true)] {
            let payload = h.ok(version, query).await;
            let listed: Vec<Operation> =
                payload.children_with(Tag::OPERATION).filter_map(|o| o.value.as_enumeration()).map(Operation).collect();
            assert!(listed.contains(&Operation::NOTIFY) && listed.contains(&Operation::PUT), "{version}");
            assert_eq!(listed.contains(&Operation::SET_ENDPOINT_ROLE), role, "{version}");
        }
    }

    #[tokio::test]
    async fn committed_changes_are_published_and_nothing_else() {
        let h = Harness::new();
        let mut events = h.kms.subscribe();
        let id = h.register_key().await;
        assert_eq!(
            next(&mut events),
            ObjectEvent { id: id.clone(), owner: "admin".into(), change: Change::Created { replaced: None } }
        );

        h.clock.advance(5);
        h.ok("2.1", &description(&id, "AddAttribute", "first")).await;
        let ObjectEvent { change: Change::Attributes { changed, deleted }, .. } = next(&mut events) else {
            panic!("a Notify event")
        };
        let keys: Vec<AttributeKey> = changed.iter().map(Attribute::key).collect();
        assert!(keys.contains(&AttributeKey::Standard(Tag::DESCRIPTION)), "{keys:?}");
        assert!(keys.contains(&AttributeKey::Standard(Tag::LAST_CHANGE_DATE)), "{keys:?}");
        assert!(!keys.contains(&AttributeKey::Standard(Tag::CRYPTOGRAPHIC_ALGORITHM)), "unchanged: {keys:?}");
        assert!(deleted.is_empty());

        h.ok(
            "2.1",
            &format!(
                r#"<Operation type="Enumeration" value="DeleteAttribute"/><RequestPayload>{}
                   <AttributeReference type="Enumeration" value="Description"/></RequestPayload>"#,
                uid(&id)
            ),
        )
        .await;
        let ObjectEvent { change: Change::Attributes { deleted, .. }, .. } = next(&mut events) else {
            panic!("a Notify event")
        };
        assert_eq!(deleted, [AttributeKey::Standard(Tag::DESCRIPTION)]);

        // Re-key: the new key replaces the old one, whose links change.
        let new_id = text(&h.simple("2.1", "ReKey", &id).await, Tag::UNIQUE_IDENTIFIER);
        let mut seen = vec![next(&mut events), next(&mut events)];
        seen.sort_by_key(|e| e.id != new_id);
        assert_eq!(seen[0].change, Change::Created { replaced: Some(id.clone()) });
        assert!(matches!(&seen[1].change, Change::Attributes { .. }) && seen[1].id == id, "{seen:?}");

        // A Get changes Fresh (KMIP 2.1 §4.26): a committed change, told.
        h.simple("2.1", "Get", &new_id).await;
        let ObjectEvent { change: Change::Attributes { changed, .. }, .. } = next(&mut events) else {
            panic!("a Notify event")
        };
        assert!(changed.contains(&Attribute::standard(Tag::FRESH, Value::Boolean(false))), "{changed:?}");
        // Nothing for reads that change nothing, failures, or an undone batch.
        h.simple("2.1", "Get", &new_id).await;
        h.simple("2.1", "GetAttributes", &new_id).await;
        h.fails("2.1", &description(&new_id, "ModifyAttribute", "none yet"), ResultReason::ATTRIBUTE_NOT_FOUND).await;
        let undo = r#"<BatchErrorContinuationOption type="Enumeration" value="Undo"/>"#;
        let items = format!(
            r#"<BatchItem>{}</BatchItem><BatchItem><Operation type="Enumeration" value="Get"/><RequestPayload>{}</RequestPayload></BatchItem>"#,
            description(&new_id, "AddAttribute", "undone"),
            uid("missing")
        );
        let response = h.send("2.1", undo, &items).await;
        assert_eq!(response.batch_items[0].result_status, ResultStatus::OPERATION_UNDONE);
        let left = events.try_recv();
        assert!(matches!(left, Err(TryRecvError::Empty)), "{left:?}");
    }

    #[tokio::test]
    async fn put_and_notify_requests_in_each_version_for_the_owner_only() {
        let h = Harness::new();
        let mut events = h.kms.subscribe();
        let id = h.register_key().await;
        let created = next(&mut events);
        let admin = &h.peer;
        let other = Peer::named("someone-else");
        let batch_id = Bytes::from_static(b"\x00\x01");

        assert!(h.kms.server_request(&other, &created, ProtocolVersion::V2_1, batch_id.clone()).await.is_none());
        let put = h.kms.server_request(admin, &created, ProtocolVersion::V2_1, batch_id.clone()).await.expect("a Put");
        assert_eq!(
            put.expected,
            Expected { operation: Operation::PUT, batch_item_id: batch_id.clone(), object_id: id.clone() }
        );
        assert!(format!("{put:?}").contains(&format!("[{} bytes]", put.bytes.len())), "no bytes in Debug");
        let message = decode_request(&put.bytes);
        assert_eq!(message.header.protocol_version, ProtocolVersion::V2_1);
        assert!(message.header.time_stamp.is_some());
        let [item] = message.batch_items.as_slice() else { panic!("one item") };
        assert_eq!((item.operation, item.id()), (Operation::PUT, Some(&batch_id)));
        let payload = &item.request_payload;
        assert_eq!(text(payload, Tag::UNIQUE_IDENTIFIER), id);
        assert_eq!(payload.child(Tag::PUT_FUNCTION).map(|f| &f.value), Some(&Value::Enumeration(PutFunction::NEW.0)));
        assert!(payload.child(Tag::REPLACED_UNIQUE_IDENTIFIER).is_none());
        let material = payload
            .child(Tag::SYMMETRIC_KEY)
            .and_then(|k| k.child(Tag::KEY_BLOCK))
            .and_then(|b| b.child(Tag::KEY_VALUE))
            .and_then(|v| v.child(Tag::KEY_MATERIAL))
            .and_then(|m| m.value.as_bytes())
            .expect("key material");
        assert_eq!(hex::encode_upper(material), KEY);
        let attributes = payload.child(Tag::ATTRIBUTES).expect("Attributes");
        assert!(attributes.child(Tag::CRYPTOGRAPHIC_ALGORITHM).is_some());

        // KMIP 1.4: Attribute items.
        let put = h.kms.server_request(admin, &created, ProtocolVersion::V1_4, batch_id.clone()).await.expect("a Put");
        let message = decode_request(&put.bytes);
        let payload = &message.batch_items[0].request_payload;
        assert!(payload.child(Tag::ATTRIBUTES).is_none());
        assert!(payload.children_with(Tag::ATTRIBUTE).count() > 3);

        // Notify of a deleted attribute: 2.x Attribute Reference, 1.x an
        // Attribute with its name only.
        let changed = ObjectEvent {
            id: id.clone(),
            owner: "admin".into(),
            change: Change::Attributes {
                changed: vec![Attribute::standard(Tag::LAST_CHANGE_DATE, Value::DateTime(7))],
                deleted: vec![AttributeKey::Standard(Tag::DESCRIPTION)],
            },
        };
        assert!(h.kms.server_request(&other, &changed, ProtocolVersion::V2_1, batch_id.clone()).await.is_none());
        let notify = h.kms.server_request(admin, &changed, ProtocolVersion::V2_1, batch_id.clone()).await.expect("2.1");
        assert_eq!(notify.expected.operation, Operation::NOTIFY);
        let payload = decode_request(&notify.bytes).batch_items.remove(0).request_payload;
        let attributes = payload.child(Tag::ATTRIBUTES).expect("Attributes");
        assert_eq!(attributes.child(Tag::LAST_CHANGE_DATE).map(|d| &d.value), Some(&Value::DateTime(7)));
        assert_eq!(
            payload.child(Tag::ATTRIBUTE_REFERENCE).map(|r| &r.value),
            Some(&Value::Enumeration(Tag::DESCRIPTION.value()))
        );
        let notify = h.kms.server_request(admin, &changed, ProtocolVersion::V1_4, batch_id.clone()).await.expect("1.4");
        let payload = decode_request(&notify.bytes).batch_items.remove(0).request_payload;
        let attributes: Vec<&Ttlv> = payload.children_with(Tag::ATTRIBUTE).collect();
        assert_eq!(attributes.len(), 2);
        assert_eq!(text(attributes[0], Tag::ATTRIBUTE_NAME), "Last Change Date");
        assert!(attributes[0].child(Tag::ATTRIBUTE_VALUE).is_some());
        assert_eq!(text(attributes[1], Tag::ATTRIBUTE_NAME), "Description");
        assert!(attributes[1].child(Tag::ATTRIBUTE_VALUE).is_none(), "a deleted attribute has no value");

        // A destroyed key is not put.
        h.simple("2.1", "Destroy", &id).await;
        assert!(h.kms.server_request(admin, &created, ProtocolVersion::V2_1, batch_id).await.is_none());
    }

    #[test]
    fn answers_are_matched_and_checked() {
        let expected = Expected {
            operation: Operation::NOTIFY,
            batch_item_id: Bytes::from_static(b"\x00\x07"),
            object_id: "k".into(),
        };
        let answer = |item: ResponseBatchItem| {
            let message = ResponseMessage::new(ResponseHeader::new(ProtocolVersion::V2_1, 0), vec![item]);
            wire::to_vec(&message.to_ttlv()).expect("encodes")
        };
        let id = Some(expected.batch_item_id.clone());
        let ok = answer(ResponseBatchItem::status(Some(Operation::NOTIFY), id.clone(), ResultStatus::SUCCESS));
        assert!(is_response_message(&ok));
        check_answer(&ok, &expected).expect("success");
        let bare = answer(ResponseBatchItem::status(None, None, ResultStatus::SUCCESS));
        check_answer(&bare, &expected).expect("nothing to match against: success");
        let failure = answer(ResponseBatchItem::failure(
            Some(Operation::NOTIFY),
            id,
            ResultReason::PERMISSION_DENIED,
            "no thanks",
        ));
        let err = check_answer(&failure, &expected).expect_err("a failure");
        assert!(matches!(err, AnswerError::Failed { .. }) && err.to_string().contains("no thanks"), "{err}");
        let other = answer(ResponseBatchItem::status(
            Some(Operation::NOTIFY),
            Some(Bytes::from_static(b"\x09")),
            ResultStatus::SUCCESS,
        ));
        assert!(matches!(check_answer(&other, &expected), Err(AnswerError::Unrelated(_))));
        let put = answer(ResponseBatchItem::status(Some(Operation::PUT), None, ResultStatus::SUCCESS));
        assert!(matches!(check_answer(&put, &expected), Err(AnswerError::Unrelated(_))));
        let request =
            request_message(ProtocolVersion::V2_1, 0, Operation::NOTIFY, Bytes::new(), Vec::new()).expect("encodes");
        assert!(!is_response_message(&request));
        assert!(matches!(check_answer(&request, &expected), Err(AnswerError::Malformed(_))));
    }

    fn decode_request(bytes: &[u8]) -> RequestMessage {
        let tree = wire::decode_slice(bytes, &Limits::default()).expect("TTLV");
        RequestMessage::from_ttlv(&tree).expect("a Request Message")
    }
}
