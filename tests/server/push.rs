//! Server-to-client operations over mutual TLS: a client that takes the
//! Server role (Set Endpoint Role) gets a Put for each new object and a
//! Notify for each change, between its own requests, for the objects its
//! identity owns only; it answers them with Response Messages.

use std::time::Duration;

use bytes::Bytes;
use kmip_ttlv::enums::{Operation, PutFunction, ResultReason, ResultStatus};
use kmip_ttlv::model::{
    RequestBatchItem, RequestHeader, RequestMessage, ResponseBatchItem, ResponseHeader, ResponseMessage,
};
use kmip_ttlv::wire;
use kmip_ttlv::{ProtocolVersion, Tag, Ttlv, Value};
use tokio::io::{AsyncRead, AsyncWrite, AsyncWriteExt};

use crate::support::{
    Identity, TempDir, Versions, admin_connection, client, connect, discover_versions, exchange, read_message, start,
};

const V2_0: ProtocolVersion = ProtocolVersion::V2_0;

/// A request of one batch item, `operation` with payload `children`.
fn request(version: ProtocolVersion, operation: Operation, children: Vec<Ttlv>) -> Vec<u8> {
    let item = RequestBatchItem::new(operation, Ttlv::structure(Tag::REQUEST_PAYLOAD, children));
    wire::to_vec(&RequestMessage::new(RequestHeader::new(version, 1), vec![item]).to_ttlv()).expect("encodes")
}

fn enumeration(tag: Tag, value: u32) -> Ttlv {
    Ttlv::new(tag, Value::Enumeration(value))
}

fn text(tag: Tag, value: &str) -> Ttlv {
    Ttlv::new(tag, Value::TextString(value.to_owned()))
}

/// Sends one request and returns its only batch item, which must succeed.
async fn ok<S: AsyncRead + AsyncWrite + Unpin>(stream: &mut S, request: &[u8]) -> ResponseBatchItem {
    let response = exchange(stream, request).await;
    let item = response.batch_items.into_iter().next().expect("one item");
    assert_eq!(item.result_status, ResultStatus::SUCCESS, "{item:?}");
    item
}

/// Set Endpoint Role = Server (KMIP 2.0); checks the echo.
async fn take_server_role<S: AsyncRead + AsyncWrite + Unpin>(stream: &mut S) {
    let item = ok(stream, &request(V2_0, Operation::SET_ENDPOINT_ROLE, vec![enumeration(Tag::ENDPOINT_ROLE, 2)])).await;
    let payload = item.response_payload.expect("payload");
    assert_eq!(payload.child(Tag::ENDPOINT_ROLE).map(|r| &r.value), Some(&Value::Enumeration(2)));
}

/// Registers an AES-128 key with `key` as its bytes (KMIP 2.0); its id.
async fn register<S: AsyncRead + AsyncWrite + Unpin>(stream: &mut S, key: &[u8]) -> String {
    let algorithm = || enumeration(Tag::CRYPTOGRAPHIC_ALGORITHM, 3);
    let length = || Ttlv::new(Tag::CRYPTOGRAPHIC_LENGTH, Value::Integer(128));
    let payload = vec![
        enumeration(Tag::OBJECT_TYPE, 2),
        Ttlv::structure(
            Tag::ATTRIBUTES,
            vec![algorithm(), length(), Ttlv::new(Tag::CRYPTOGRAPHIC_USAGE_MASK, Value::Integer(12))],
        ),
        Ttlv::structure(
            Tag::SYMMETRIC_KEY,
            vec![Ttlv::structure(
                Tag::KEY_BLOCK,
                vec![
                    enumeration(Tag::KEY_FORMAT_TYPE, 1),
                    Ttlv::structure(
                        Tag::KEY_VALUE,
                        vec![Ttlv::new(Tag::KEY_MATERIAL, Value::ByteString(Bytes::copy_from_slice(key)))],
                    ),
                    algorithm(),
                    length(),
                ],
            )],
        ),
    ];
    let item = ok(stream, &request(V2_0, Operation::REGISTER, payload)).await;
    let payload = item.response_payload.expect("payload");
    payload.child(Tag::UNIQUE_IDENTIFIER).and_then(|u| u.value.as_text()).expect("id").to_owned()
}

/// Add Attribute `attribute` (KMIP 2.0).
async fn add<S: AsyncRead + AsyncWrite + Unpin>(stream: &mut S, id: &str, attribute: Ttlv) {
    let payload = vec![text(Tag::UNIQUE_IDENTIFIER, id), Ttlv::structure(Tag::NEW_ATTRIBUTE, vec![attribute])];
    ok(stream, &request(V2_0, Operation::ADD_ATTRIBUTE, payload)).await;
}

fn group(name: &str) -> Ttlv {
    text(Tag::OBJECT_GROUP, name)
}

/// Reads the next message, which must be a server-to-client request of
/// `operation` about object `id` in KMIP 2.0; its batch item.
async fn expect_request<S: AsyncRead + Unpin>(stream: &mut S, operation: Operation, id: &str) -> RequestBatchItem {
    let tree = tokio::time::timeout(Duration::from_secs(10), read_message(stream))
        .await
        .expect("a server-to-client request in time")
        .expect("read")
        .expect("a message, not the end of the stream");
    assert_eq!(tree.tag, Tag::REQUEST_MESSAGE, "a request from the server");
    let message = RequestMessage::from_ttlv(&tree).expect("a Request Message");
    assert_eq!(message.header.protocol_version, V2_0, "in the version the client last used");
    assert_eq!(message.header.batch_count, 1);
    let item = message.batch_items.into_iter().next().expect("one item");
    assert_eq!(item.operation, operation);
    let named = item.request_payload.child(Tag::UNIQUE_IDENTIFIER).and_then(|u| u.value.as_text());
    assert_eq!(named, Some(id), "{operation:?} about the expected object");
    item
}

/// Answers a server-to-client request `item` with `status`.
async fn answer<S: AsyncWrite + Unpin>(stream: &mut S, item: &RequestBatchItem, status: ResultStatus) {
    let answer = if status == ResultStatus::SUCCESS {
        ResponseBatchItem::status(Some(item.operation), item.unique_batch_item_id.clone(), status)
    } else {
        ResponseBatchItem::failure(
            Some(item.operation),
            item.unique_batch_item_id.clone(),
            ResultReason::GENERAL_FAILURE,
            "the client could not take it",
        )
    };
    let message = ResponseMessage::new(ResponseHeader::new(V2_0, 0), vec![answer]);
    stream.write_all(&wire::to_vec(&message.to_ttlv()).expect("encodes")).await.expect("write");
    stream.flush().await.expect("flush");
}

/// True if nothing arrives on `stream` for a moment.
async fn quiet<S: AsyncRead + Unpin>(stream: &mut S) -> bool {
    tokio::time::timeout(Duration::from_millis(300), read_message(stream)).await.is_err()
}

/// A Query for the operations (KMIP 2.0); the operations listed.
async fn query_operations<S: AsyncRead + AsyncWrite + Unpin>(stream: &mut S) -> Vec<Operation> {
    let item = ok(stream, &request(V2_0, Operation::QUERY, vec![enumeration(Tag::QUERY_FUNCTION, 1)])).await;
    assert_eq!(item.operation, Some(Operation::QUERY), "the answer to the Query, not something else");
    let payload = item.response_payload.expect("payload");
    payload.children_with(Tag::OPERATION).filter_map(|o| o.value.as_enumeration()).map(Operation).collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_server_role_client_gets_put_then_notify_and_keeps_being_served() {
    let dir = TempDir::new("push");
    let server = start(&dir, |_| {}).await;
    let mut listener = admin_connection(&server).await;
    let mut bystander = admin_connection(&server).await;
    let mut writer = admin_connection(&server).await;
    take_server_role(&mut listener).await;
    // The bystander talks too, without the Server role.
    exchange(&mut bystander, &discover_versions(V2_0)).await;

    let key = [0x5Au8; 16];
    let id = register(&mut writer, &key).await;
    add(&mut writer, &id, text(Tag::CONTACT_INFORMATION, "key custodians")).await;

    let put = expect_request(&mut listener, Operation::PUT, &id).await;
    let payload = &put.request_payload;
    assert_eq!(payload.child(Tag::PUT_FUNCTION).map(|f| &f.value), Some(&Value::Enumeration(PutFunction::NEW.0)));
    let material = payload
        .child(Tag::SYMMETRIC_KEY)
        .and_then(|k| k.child(Tag::KEY_BLOCK))
        .and_then(|b| b.child(Tag::KEY_VALUE))
        .and_then(|v| v.child(Tag::KEY_MATERIAL))
        .and_then(|m| m.value.as_bytes())
        .expect("key material");
    assert_eq!(&material[..], &key[..], "the registered key bytes");
    assert!(payload.child(Tag::ATTRIBUTES).is_some_and(|a| a.child(Tag::CRYPTOGRAPHIC_ALGORITHM).is_some()));
    answer(&mut listener, &put, ResultStatus::SUCCESS).await;

    let notify = expect_request(&mut listener, Operation::NOTIFY, &id).await;
    let attributes = notify.request_payload.child(Tag::ATTRIBUTES).expect("Attributes");
    assert_eq!(
        attributes.child(Tag::CONTACT_INFORMATION).and_then(|c| c.value.as_text()),
        Some("key custodians"),
        "the added attribute"
    );
    assert!(attributes.child(Tag::LAST_CHANGE_DATE).is_some());
    assert!(attributes.child(Tag::CRYPTOGRAPHIC_ALGORITHM).is_none(), "only what changed");
    answer(&mut listener, &notify, ResultStatus::SUCCESS).await;

    // The listener's own requests are still answered, in order.
    let listed = query_operations(&mut listener).await;
    for operation in [Operation::NOTIFY, Operation::PUT, Operation::SET_ENDPOINT_ROLE] {
        assert!(listed.contains(&operation), "{operation:?} in {listed:?}");
    }
    let versions = exchange(&mut listener, &discover_versions(ProtocolVersion::V2_1)).await;
    assert_eq!(versions.batch_items[0].operation, Some(Operation::DISCOVER_VERSIONS));

    // Without the Server role: nothing.
    assert!(quiet(&mut bystander).await, "a connection without the Server role gets no requests");
    let versions = exchange(&mut bystander, &discover_versions(V2_0)).await;
    assert_eq!(versions.batch_items[0].operation, Some(Operation::DISCOVER_VERSIONS));

    // Giving the role up ends it.
    ok(&mut listener, &request(V2_0, Operation::SET_ENDPOINT_ROLE, vec![enumeration(Tag::ENDPOINT_ROLE, 1)])).await;
    add(&mut writer, &id, group("second shift")).await;
    assert!(quiet(&mut listener).await, "Client role again: no more requests");
    server.shutdown().await.expect("shutdown");
}

#[tokio::test(flavor = "multi_thread")]
async fn events_go_only_to_the_identity_that_owns_the_object() {
    let dir = TempDir::new("push-owner");
    let certs = TempDir::new("push-owner-certs");
    let server = start(&dir, |_| {}).await;
    std::fs::create_dir_all(certs.path()).expect("dir");
    let (cert, key) = kms::pki::issue(dir.path(), "bob", certs.path()).expect("a certificate for bob");
    let bob = || client(dir.path(), Some(Identity::from_files(&cert, &key)), Versions::Both);

    let mut admin_listener = admin_connection(&server).await;
    let mut admin_writer = admin_connection(&server).await;
    let mut bob_listener = connect(server.kmip_addr(), &bob()).await.expect("bob connects");
    let mut bob_writer = connect(server.kmip_addr(), &bob()).await.expect("bob connects");
    take_server_role(&mut admin_listener).await;
    take_server_role(&mut bob_listener).await;

    let admins = register(&mut admin_writer, &[1u8; 16]).await;
    let bobs = register(&mut bob_writer, &[2u8; 16]).await;

    // Each hears of its own object first, and of the other's never.
    let put = expect_request(&mut bob_listener, Operation::PUT, &bobs).await;
    answer(&mut bob_listener, &put, ResultStatus::SUCCESS).await;
    let put = expect_request(&mut admin_listener, Operation::PUT, &admins).await;
    answer(&mut admin_listener, &put, ResultStatus::SUCCESS).await;
    add(&mut admin_writer, &admins, group("admins")).await;
    let notify = expect_request(&mut admin_listener, Operation::NOTIFY, &admins).await;
    answer(&mut admin_listener, &notify, ResultStatus::SUCCESS).await;
    assert!(quiet(&mut bob_listener).await, "nothing about the admin's object reaches bob");
    assert!(quiet(&mut admin_listener).await, "nothing about bob's object reaches the admin");
    assert!(query_operations(&mut bob_listener).await.contains(&Operation::PUT));
    server.shutdown().await.expect("shutdown");
}

#[tokio::test(flavor = "multi_thread")]
async fn unanswered_or_refused_requests_do_not_stop_the_clients_own() {
    let dir = TempDir::new("push-unanswered");
    let server = start(&dir, |config| config.limits.partial_message_timeout = Duration::from_secs(1)).await;
    let mut listener = admin_connection(&server).await;
    let mut writer = admin_connection(&server).await;
    take_server_role(&mut listener).await;

    let id = register(&mut writer, &[3u8; 16]).await;
    // The Put is not answered; the client's own requests still are.
    expect_request(&mut listener, Operation::PUT, &id).await;
    assert!(query_operations(&mut listener).await.contains(&Operation::NOTIFY));
    // The next request comes once the answer is overdue.
    add(&mut writer, &id, group("first")).await;
    let notify = expect_request(&mut listener, Operation::NOTIFY, &id).await;
    // A failure answer is taken (and logged): the next request follows.
    answer(&mut listener, &notify, ResultStatus::OPERATION_FAILED).await;
    add(&mut writer, &id, group("second")).await;
    let notify = expect_request(&mut listener, Operation::NOTIFY, &id).await;
    answer(&mut listener, &notify, ResultStatus::SUCCESS).await;
    let versions = exchange(&mut listener, &discover_versions(V2_0)).await;
    assert_eq!(versions.batch_items[0].operation, Some(Operation::DISCOVER_VERSIONS));
    server.shutdown().await.expect("shutdown");
}
