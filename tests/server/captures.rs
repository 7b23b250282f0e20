//! Real-client captures replayed over mutual TLS (vectors/captures): the
//! vCenter key set-up in the order its README gives (connections A-H, some
//! of them concurrent), Percona pg_tde's Register / Locate / Get that switch
//! from KMIP 1.4 to 1.0 on one connection, MongoDB's Secret Data and the two
//! MySQL Create requests. Each response is checked against what the
//! capture's `.expect.txt` says the client needs. Identifiers the original
//! server returned are replaced by ours by rewriting the decoded tree and
//! re-encoding it (never by patching bytes).

use std::cell::Cell;
use std::path::Path;

use bytes::Bytes;
use kmip_ttlv::enums::{ObjectType, Operation, ResultStatus, State};
use kmip_ttlv::model::{RequestMessage, ResponseBatchItem, ResponseMessage};
use kmip_ttlv::wire::{self, Limits};
use kmip_ttlv::{ProtocolVersion, Tag, Ttlv, Value};
use kms::server::RunningServer;
use tokio::io::AsyncWriteExt;
use tokio::net::TcpStream;
use tokio_rustls::client::TlsStream;

use crate::support::{TempDir, admin_connection, exchange, start};

tokio::task_local! {
    /// Messages sent and checked by the current test, printed at its end.
    static EXCHANGES: Cell<usize>;
}

/// Runs a test body counting its exchanges, then prints the count.
async fn counted(what: &str, body: impl std::future::Future<Output = ()>) {
    let count = EXCHANGES
        .scope(Cell::new(0), async {
            body.await;
            EXCHANGES.with(Cell::get)
        })
        .await;
    eprintln!("captures: {what}: {count} messages replayed and checked");
}

/// One capture file, decoded.
fn capture(name: &str) -> Ttlv {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("vectors/captures").join(format!("{name}.hex"));
    let text = std::fs::read_to_string(&path).expect("capture file");
    let hex: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let bytes = hex::decode(hex).expect("hex");
    wire::decode(&Bytes::from(bytes), &Limits::default()).expect("the capture decodes")
}

/// Replaces every Unique Identifier text in `tree` with `uid`.
fn substitute(tree: &mut Ttlv, uid: &str) {
    match &mut tree.value {
        Value::Structure(children) => children.iter_mut().for_each(|c| substitute(c, uid)),
        Value::TextString(text) if tree.tag == Tag::UNIQUE_IDENTIFIER => *text = uid.to_owned(),
        _ => {}
    }
}

/// A capture as bytes to send, with the identifier replaced when given.
fn request(name: &str, uid: Option<&str>) -> (RequestMessage, Vec<u8>) {
    let mut tree = capture(name);
    if let Some(uid) = uid {
        substitute(&mut tree, uid);
    }
    let message = RequestMessage::from_ttlv(&tree).expect("a Request Message");
    (message, wire::to_vec(&tree).expect("re-encodes"))
}

/// Sends a capture and checks what every answer must satisfy: the request's
/// version, one item per request item in order, the same operation and the
/// Unique Batch Item ID echoed byte for byte (or absent when the request had
/// none), a Time Stamp, and Success unless `must_succeed` is false.
async fn replay(
    stream: &mut TlsStream<TcpStream>,
    name: &str,
    uid: Option<&str>,
    must_succeed: bool,
) -> ResponseMessage {
    let (req, bytes) = request(name, uid);
    let resp = exchange(stream, &bytes).await;
    EXCHANGES.with(|n| n.set(n.get() + 1));
    assert_eq!(resp.header.protocol_version, req.header.protocol_version, "{name}: response version");
    assert!(resp.header.time_stamp > 1_700_000_000, "{name}: a Time Stamp of now");
    assert_eq!(resp.header.batch_count as usize, req.batch_items.len(), "{name}: Batch Count");
    assert_eq!(resp.batch_items.len(), req.batch_items.len(), "{name}: batch items");
    for (i, (q, a)) in req.batch_items.iter().zip(&resp.batch_items).enumerate() {
        assert_eq!(a.operation, Some(q.operation), "{name}: item {i} operation");
        assert_eq!(a.unique_batch_item_id, q.unique_batch_item_id, "{name}: item {i} Unique Batch Item ID");
        if must_succeed {
            assert_eq!(
                a.result_status,
                ResultStatus::SUCCESS,
                "{name}: item {i} failed: {:?} {:?}",
                a.result_reason,
                a.result_message
            );
        }
    }
    resp
}

fn payload(item: &ResponseBatchItem) -> &Ttlv {
    item.response_payload.as_ref().expect("a Response Payload")
}

fn uid_of(item: &ResponseBatchItem) -> String {
    let uid = payload(item).child(Tag::UNIQUE_IDENTIFIER).and_then(|t| t.value.as_text()).expect("a Unique Identifier");
    assert!(!uid.is_empty(), "a non-empty Unique Identifier");
    uid.to_owned()
}

/// The 1.x Attributes of a Get Attributes / Add Attribute payload, as
/// (name, value item).
fn attributes(item: &ResponseBatchItem) -> Vec<(String, Ttlv)> {
    payload(item)
        .children_with(Tag::ATTRIBUTE)
        .map(|a| {
            let name = a.child(Tag::ATTRIBUTE_NAME).and_then(|t| t.value.as_text()).expect("Attribute Name").to_owned();
            let value = a.child(Tag::ATTRIBUTE_VALUE).expect("Attribute Value").clone();
            (name, value)
        })
        .collect()
}

/// Every tag in `tree` exists in `version`, and so does every 1.x
/// Attribute Name (the version gating the captures README describes).
fn assert_defined_in(tree: &Ttlv, version: ProtocolVersion, what: &str) {
    let info = kmip_ttlv::registry::tag_info(tree.tag).expect("a registered tag");
    assert!(info.first_version <= version, "{what}: {} is not defined in {version:?}", info.name);
    if tree.tag == Tag::ATTRIBUTE_NAME
        && let Some(name) = tree.value.as_text()
        && let Some(attr) = kmip_ttlv::registry::tag_by_spec_name(name)
    {
        assert!(attr.first_version <= version, "{what}: attribute {name} is not defined in {version:?}");
    }
    for child in tree.children().unwrap_or_default() {
        assert_defined_in(child, version, what);
    }
}

fn state_of(resp: &ResponseMessage) -> u32 {
    let attrs = attributes(&resp.batch_items[0]);
    assert_eq!(attrs.len(), 1, "exactly one attribute: State");
    assert_eq!(attrs[0].0, "State");
    attrs[0].1.value.as_enumeration().expect("State is an Enumeration")
}

/// Discover Versions as vCenter sends it first on every connection.
async fn vcenter_hello(stream: &mut TlsStream<TcpStream>) {
    let resp = replay(stream, "vmware/discover-versions", None, true).await;
    let versions: Vec<_> = payload(&resp.batch_items[0]).children_with(Tag::PROTOCOL_VERSION).collect();
    assert!(versions.len() >= 7, "every version, 1.0 to 2.1, is listed");
    let listed: Vec<ProtocolVersion> = versions
        .iter()
        .map(|v| {
            let number = |tag| v.child(tag).and_then(|n| n.value.as_integer()).expect("a version number");
            ProtocolVersion::new(number(Tag::PROTOCOL_VERSION_MAJOR), number(Tag::PROTOCOL_VERSION_MINOR))
        })
        .collect();
    assert_eq!(listed[0], ProtocolVersion::V2_1, "most preferred first");
    assert!(listed.contains(&ProtocolVersion::V1_1), "1.1, which vCenter goes on to talk");
}

/// B, E: the three product attributes read (absent) and then added.
async fn vcenter_product_metadata(server: &RunningServer, uid: &str) {
    let mut conn = admin_connection(server).await;
    vcenter_hello(&mut conn).await;
    for name in ["x-product-version", "x-vendor", "x-product"] {
        let resp = replay(&mut conn, &format!("vmware/get-attributes-{name}"), Some(uid), true).await;
        assert_eq!(uid_of(&resp.batch_items[0]), uid);
        assert!(attributes(&resp.batch_items[0]).is_empty(), "{name}: not set yet, so no Attribute");
    }
    let resp = replay(&mut conn, "vmware/add-attributes-product", Some(uid), true).await;
    let expected =
        [("x-Product_Version", "7.0.3 build-19480866"), ("x-Vendor", "VMware, Inc."), ("x-Product", "VMware vSphere")];
    for (item, (name, value)) in resp.batch_items.iter().zip(expected) {
        assert_eq!(uid_of(item), uid);
        let attrs = attributes(item);
        assert_eq!(attrs.len(), 1, "the added attribute is echoed");
        assert_eq!(attrs[0].0, name);
        assert_eq!(attrs[0].1.value.as_text(), Some(value));
    }
}

/// F, H: the host or VM identity read (absent) and then added.
async fn vcenter_identity_metadata(server: &RunningServer, uid: &str, add: &str) {
    let mut conn = admin_connection(server).await;
    vcenter_hello(&mut conn).await;
    for name in ["x-identifier", "x-component", "x-name"] {
        let resp = replay(&mut conn, &format!("vmware/get-attributes-{name}"), Some(uid), true).await;
        assert!(attributes(&resp.batch_items[0]).is_empty(), "{name}: not set yet");
    }
    let resp = replay(&mut conn, add, Some(uid), true).await;
    assert_eq!(resp.batch_items.len(), 3);
}

/// D, G: Get the Pre-Active key, read its State, Activate it.
async fn vcenter_activation(server: &RunningServer, uid: &str) -> Vec<u8> {
    let mut conn = admin_connection(server).await;
    vcenter_hello(&mut conn).await;
    let resp = replay(&mut conn, "vmware/get", Some(uid), true).await;
    let object = payload(&resp.batch_items[0]);
    assert_eq!(
        object.child(Tag::OBJECT_TYPE).and_then(|t| t.value.as_enumeration()),
        Some(ObjectType::SYMMETRIC_KEY.0)
    );
    let key_value = object
        .child(Tag::SYMMETRIC_KEY)
        .and_then(|k| k.child(Tag::KEY_BLOCK))
        .and_then(|b| b.child(Tag::KEY_VALUE))
        .expect("a Key Value");
    let children = key_value.children().expect("a Key Value structure");
    assert_eq!(children.len(), 1, "Key Value holds Key Material only");
    let material = children[0].value.as_bytes().expect("Raw key material").to_vec();
    assert_eq!(material.len(), 32, "AES-256");
    let resp = replay(&mut conn, "vmware/get-attributes-state", Some(uid), true).await;
    assert_eq!(state_of(&resp), State::PRE_ACTIVE.0, "a key created without Activation Date is Pre-Active");
    let resp = replay(&mut conn, "vmware/activate", Some(uid), true).await;
    assert_eq!(uid_of(&resp.batch_items[0]), uid);
    let resp = replay(&mut conn, "vmware/get-attributes-state", Some(uid), true).await;
    assert_eq!(state_of(&resp), State::ACTIVE.0);
    material
}

async fn vcenter_create(server: &RunningServer) -> String {
    let mut conn = admin_connection(server).await;
    vcenter_hello(&mut conn).await;
    let resp = replay(&mut conn, "vmware/create-aes-256", None, true).await;
    let item = &resp.batch_items[0];
    assert_eq!(
        payload(item).child(Tag::OBJECT_TYPE).and_then(|t| t.value.as_enumeration()),
        Some(ObjectType::SYMMETRIC_KEY.0)
    );
    uid_of(item)
}

/// The custom attribute `name` of `uid` as vCenter reads it.
async fn vcenter_read(conn: &mut TlsStream<TcpStream>, capture: &str, uid: &str) -> Vec<(String, Ttlv)> {
    let resp = replay(conn, capture, Some(uid), true).await;
    attributes(&resp.batch_items[0])
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn vcenter_key_provider_set_up_replays_in_order() {
    counted("vCenter key provider set-up (connections A-H)", vcenter_key_provider_set_up_replays_in_order_body()).await;
}

async fn vcenter_key_provider_set_up_replays_in_order_body() {
    let dir = TempDir::new("captures-vcenter");
    let server = start(&dir, |_| {}).await;

    // Connections that end right after the handshake, as vCenter opens many.
    for _ in 0..3 {
        let mut conn = admin_connection(&server).await;
        conn.shutdown().await.expect("close");
    }

    // Registration of the key provider.
    let mut conn = admin_connection(&server).await;
    vcenter_hello(&mut conn).await;
    let resp = replay(&mut conn, "vmware/discover-versions-batch-id", None, true).await;
    assert_eq!(resp.batch_items[0].unique_batch_item_id.as_deref(), Some(&b"QLKC\x01\x00\x00\x00"[..]));
    drop(conn);
    let mut conn = admin_connection(&server).await;
    vcenter_hello(&mut conn).await;
    let resp = replay(&mut conn, "vmware/query-server-information", None, true).await;
    let info = payload(&resp.batch_items[0]);
    assert!(info.child(Tag::VENDOR_IDENTIFICATION).and_then(|t| t.value.as_text()).is_some_and(|v| !v.is_empty()));
    assert!(info.child(Tag::OPERATION).is_none(), "only Server Information was asked");
    drop(conn);

    // A: the first key; B with C at the same time; D with E.
    let first = vcenter_create(&server).await;
    let ((), second) = tokio::join!(vcenter_product_metadata(&server, &first), vcenter_create(&server));
    assert_ne!(first, second);
    let (second_key, ()) =
        tokio::join!(vcenter_activation(&server, &second), vcenter_product_metadata(&server, &second));
    // F, G, H.
    vcenter_identity_metadata(&server, &second, "vmware/add-attributes-esxi-host").await;
    let first_key = vcenter_activation(&server, &first).await;
    assert_ne!(first_key, second_key, "two keys, two different materials");
    vcenter_identity_metadata(&server, &first, "vmware/add-attributes-vm").await;

    // What vCenter stored is there to read back, on the right key.
    let mut conn = admin_connection(&server).await;
    vcenter_hello(&mut conn).await;
    let host = vcenter_read(&mut conn, "vmware/get-attributes-x-name", &second).await;
    assert_eq!(host.len(), 1);
    assert_eq!(host[0].1.value.as_text(), Some("172.16.220.132"));
    let vm = vcenter_read(&mut conn, "vmware/get-attributes-x-name", &first).await;
    assert_eq!(vm[0].1.value.as_text(), Some("test01"));
    let vendor = vcenter_read(&mut conn, "vmware/get-attributes-x-vendor", &first).await;
    assert_eq!(vendor[0].1.value.as_text(), Some("VMware, Inc."));
    let component = vcenter_read(&mut conn, "vmware/get-attributes-x-component", &second).await;
    assert_eq!(component[0].1.value.as_text(), Some("ESXi Server"));

    // The periodic check.
    let mut conn = admin_connection(&server).await;
    vcenter_hello(&mut conn).await;
    replay(&mut conn, "vmware/discover-versions-batch-id", None, true).await;

    server.shutdown().await.expect("shutdown");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pg_tde_registers_at_1_4_then_locates_and_gets_at_1_0() {
    counted("pg_tde Register 1.4, Locate and Get 1.0", pg_tde_registers_at_1_4_then_locates_and_gets_at_1_0_body())
        .await;
}

async fn pg_tde_registers_at_1_4_then_locates_and_gets_at_1_0_body() {
    let dir = TempDir::new("captures-pgtde");
    let server = start(&dir, |_| {}).await;
    let mut conn = admin_connection(&server).await;

    // A decoy: a key of the same type without the name.
    let decoy = uid_of(&replay(&mut conn, "vmware/create-aes-256", None, true).await.batch_items[0]);

    let resp = replay(&mut conn, "percona-pg-tde/register-aes-128", None, true).await;
    let size = wire::to_vec(&resp.to_ttlv()).expect("encodes").len();
    assert!(size <= 8192, "within the Maximum Response Size 8192: {size}");
    let item = &resp.batch_items[0];
    assert!(payload(item).child(Tag::TEMPLATE_ATTRIBUTE).is_none(), "no Template-Attribute in the answer");
    let uid = uid_of(item);

    // The same connection drops to 1.0.
    let resp = replay(&mut conn, "percona-pg-tde/locate-by-name", None, true).await;
    assert_defined_in(&resp.to_ttlv(), ProtocolVersion::V1_0, "Locate at 1.0");
    let found: Vec<&str> =
        payload(&resp.batch_items[0]).children_with(Tag::UNIQUE_IDENTIFIER).filter_map(|t| t.value.as_text()).collect();
    assert_eq!(found, vec![uid.as_str()], "only the named key, not {decoy}");

    let resp = replay(&mut conn, "percona-pg-tde/get", Some(&uid), true).await;
    assert_defined_in(&resp.to_ttlv(), ProtocolVersion::V1_0, "Get at 1.0");
    let object = payload(&resp.batch_items[0]);
    assert_eq!(
        object.child(Tag::OBJECT_TYPE).and_then(|t| t.value.as_enumeration()),
        Some(ObjectType::SYMMETRIC_KEY.0)
    );
    let block = object.child(Tag::SYMMETRIC_KEY).and_then(|k| k.child(Tag::KEY_BLOCK)).expect("a Key Block");
    let material = block
        .child(Tag::KEY_VALUE)
        .and_then(|v| v.child(Tag::KEY_MATERIAL))
        .and_then(|t| t.value.as_bytes())
        .expect("Raw key material");
    let sent = find_bytes(&capture("percona-pg-tde/register-aes-128"), Tag::KEY_MATERIAL).expect("key in the capture");
    assert_eq!(material.as_ref(), sent.as_ref(), "the registered key comes back");
    assert_eq!(block.child(Tag::CRYPTOGRAPHIC_LENGTH).and_then(|t| t.value.as_integer()), Some(128));
    server.shutdown().await.expect("shutdown");
}

fn find_bytes(tree: &Ttlv, tag: Tag) -> Option<Bytes> {
    if tree.tag == tag {
        return tree.value.as_bytes().cloned();
    }
    tree.children().unwrap_or_default().iter().find_map(|c| find_bytes(c, tag))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mongodb_secret_and_mysql_creates() {
    counted("MongoDB Secret Data and MySQL Create", mongodb_secret_and_mysql_creates_body()).await;
}

async fn mongodb_secret_and_mysql_creates_body() {
    let dir = TempDir::new("captures-db");
    let server = start(&dir, |_| {}).await;
    let mut conn = admin_connection(&server).await;

    // MongoDB: Secret Data with usage mask 0 and no algorithm, back at 1.0.
    let resp = replay(&mut conn, "mongodb/register-secret-data", None, true).await;
    let uid = uid_of(&resp.batch_items[0]);
    let get = get_1_0(&uid);
    let resp = exchange(&mut conn, &get).await;
    assert_eq!(resp.header.protocol_version, ProtocolVersion::V1_0);
    assert_eq!(resp.batch_items[0].result_status, ResultStatus::SUCCESS);
    assert_defined_in(&resp.to_ttlv(), ProtocolVersion::V1_0, "Get of Secret Data at 1.0");
    let back = find_bytes(payload(&resp.batch_items[0]), Tag::KEY_MATERIAL).expect("key material");
    let sent = find_bytes(&capture("mongodb/register-secret-data"), Tag::KEY_MATERIAL).expect("in the capture");
    assert_eq!(back.len(), 96);
    assert_eq!(back, sent, "the same 96 bytes");

    // MySQL: Attribute Index 0 in every template attribute is accepted.
    let resp = replay(&mut conn, "mysql/create-aes-256-attribute-index", None, true).await;
    let item = &resp.batch_items[0];
    assert_eq!(
        payload(item).child(Tag::OBJECT_TYPE).and_then(|t| t.value.as_enumeration()),
        Some(ObjectType::SYMMETRIC_KEY.0)
    );
    uid_of(item);

    // MySQL: a template with only Storage Status Mask cannot make a key; the
    // answer is a well-formed 1.1 failure, not a decode error.
    let resp = replay(&mut conn, "mysql/create-storage-status-mask-attribute", None, false).await;
    let item = &resp.batch_items[0];
    assert_eq!(item.result_status, ResultStatus::OPERATION_FAILED);
    assert!(item.result_reason.is_some(), "a Result Reason");
    assert_ne!(
        item.result_reason,
        Some(kmip_ttlv::enums::ResultReason::INVALID_MESSAGE),
        "it decoded: {:?}",
        item.result_message
    );
    // The connection is still usable.
    replay(&mut conn, "vmware/discover-versions", None, true).await;
    server.shutdown().await.expect("shutdown");
}

/// A KMIP 1.0 Get of `uid` (MongoDB's next step, not captured).
fn get_1_0(uid: &str) -> Vec<u8> {
    use kmip_ttlv::model::{RequestBatchItem, RequestHeader};
    let payload = Ttlv::structure(
        Tag::REQUEST_PAYLOAD,
        vec![Ttlv::new(Tag::UNIQUE_IDENTIFIER, Value::TextString(uid.to_owned()))],
    );
    let message = RequestMessage::new(
        RequestHeader::new(ProtocolVersion::V1_0, 1),
        vec![RequestBatchItem::new(Operation::GET, payload)],
    );
    wire::to_vec(&message.to_ttlv()).expect("encodes")
}
