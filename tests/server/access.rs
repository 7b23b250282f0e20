//! Access control over real mutual TLS with three certificates from the
//! data dir's CA (docs/access.md): `alice` owns the keys, `bob` is another
//! identity, `admin` is named an administrator in the configuration.
//!
//! Bob cannot Get, use, Locate, read the attributes of, modify or destroy
//! Alice's keys until she grants it, and what he gets for them is, byte for
//! byte, what he gets for an identifier nobody uses (Item Not Found in 1.4,
//! Object Not Found in 2.1); after a grant he can, after its revocation he
//! cannot again; the administrator can do everything; grants on an Object
//! Group and on all of an owner's objects cover what they say.

use std::collections::BTreeSet;

use kmip_ttlv::enums::CredentialType;
use kmip_ttlv::enums::{Operation, ResultReason, ResultStatus};
use kmip_ttlv::model::{
    Authentication, Credential, CredentialValue, RequestBatchItem, RequestHeader, RequestMessage, ResponseMessage,
};
use kmip_ttlv::{ProtocolVersion, Tag, Ttlv, Value, wire, xml};
use kms::access::{Change, Grant, Grantee, Permissions, Scope};
use kms::server::RunningServer;
use tokio::net::TcpStream;
use tokio_rustls::client::TlsStream;

use crate::support::{Identity, TempDir, Versions, client, connect, exchange, start};

/// An identifier of the same length as a UUID that no object has.
const MISSING: &str = "00000000-0000-4000-8000-000000000000";

/// A connection as one identity.
pub struct Client {
    stream: TlsStream<TcpStream>,
}

impl Client {
    /// Connects as `name` (`DATA_DIR/certs/NAME.pem`, issued on first use).
    pub async fn connect(server: &RunningServer, name: &str) -> Client {
        let certs = server.data_dir().join("certs");
        if !certs.join(format!("{name}.pem")).exists() {
            kms::pki::issue(server.data_dir(), name, &certs).expect("issue a client certificate");
        }
        let identity = Identity::from_files(&certs.join(format!("{name}.pem")), &certs.join(format!("{name}.key")));
        let connector = client(server.data_dir(), Some(identity), Versions::Both);
        Client { stream: connect(server.kmip_addr(), &connector).await.expect("connects") }
    }

    /// Sends `items` in one message of `version`.
    pub async fn send(&mut self, version: ProtocolVersion, items: Vec<RequestBatchItem>) -> ResponseMessage {
        let count = i32::try_from(items.len()).expect("count");
        let message = RequestMessage::new(RequestHeader::new(version, count), items);
        exchange(&mut self.stream, &wire::to_vec(&message.to_ttlv()).expect("encodes")).await
    }

    /// Sends `items` in one message of `version` with `credentials` in the
    /// header.
    pub async fn send_with(
        &mut self,
        version: ProtocolVersion,
        credentials: Vec<Credential>,
        items: Vec<RequestBatchItem>,
    ) -> ResponseMessage {
        let count = i32::try_from(items.len()).expect("count");
        let mut header = RequestHeader::new(version, count);
        header.authentication = Some(Authentication { credentials, unknown_fields: Vec::new() });
        let message = RequestMessage::new(header, items);
        exchange(&mut self.stream, &wire::to_vec(&message.to_ttlv()).expect("encodes")).await
    }

    /// Sends one item; its response payload, which must be a success.
    pub async fn ok(&mut self, version: ProtocolVersion, item: RequestBatchItem) -> Ttlv {
        let response = self.send(version, vec![item]).await;
        let item = &response.batch_items[0];
        assert_eq!(item.result_status, ResultStatus::SUCCESS, "{item:?}");
        item.response_payload.clone().expect("payload")
    }
}

pub fn item(operation: Operation, xml_children: &str) -> RequestBatchItem {
    let payload = xml::from_str(&format!("<RequestPayload>{xml_children}</RequestPayload>")).expect("payload XML");
    RequestBatchItem::new(operation, payload)
}

pub fn uid(id: &str) -> String {
    format!(r#"<UniqueIdentifier type="TextString" value="{id}"/>"#)
}

/// Creates and activates an AES-256 key for encryption named `name`, in
/// Object Group `group` if given; its id.
pub async fn create_key(client: &mut Client, name: &str, group: Option<&str>) -> String {
    let group = group.map(|g| format!(r#"<ObjectGroup type="TextString" value="{g}"/>"#)).unwrap_or_default();
    let create = item(
        Operation::CREATE,
        &format!(
            r#"<ObjectType type="Enumeration" value="SymmetricKey"/><Attributes>
               <CryptographicAlgorithm type="Enumeration" value="AES"/><CryptographicLength type="Integer" value="256"/>
               <CryptographicUsageMask type="Integer" value="Encrypt Decrypt"/>
               <Name><NameValue type="TextString" value="{name}"/><NameType type="Enumeration" value="UninterpretedTextString"/></Name>
               {group}</Attributes>"#
        ),
    );
    let response = client.send(ProtocolVersion::V2_1, vec![create, item(Operation::ACTIVATE, "")]).await;
    assert!(response.batch_items.iter().all(|i| i.result_status == ResultStatus::SUCCESS), "{response:?}");
    response.batch_items[0]
        .response_payload
        .as_ref()
        .and_then(|p| p.child(Tag::UNIQUE_IDENTIFIER))
        .and_then(|u| u.value.as_text())
        .expect("an id")
        .to_owned()
}

/// What Bob tries on object `id`, one request per operation, in `version`'s
/// forms.
fn attempts(version: ProtocolVersion, id: &str) -> Vec<(&'static str, RequestBatchItem)> {
    let modify = if version.is_2x() {
        item(
            Operation::SET_ATTRIBUTE,
            &format!(r#"{}<NewAttribute><ContactInformation type="TextString" value="bob"/></NewAttribute>"#, uid(id)),
        )
    } else {
        item(
            Operation::ADD_ATTRIBUTE,
            &format!(
                r#"{}<Attribute><AttributeName type="TextString" value="Contact Information"/>
                   <AttributeValue type="TextString" value="bob"/></Attribute>"#,
                uid(id)
            ),
        )
    };
    vec![
        ("Get", item(Operation::GET, &uid(id))),
        ("Get Attributes", item(Operation::GET_ATTRIBUTES, &uid(id))),
        ("Get Attribute List", item(Operation::GET_ATTRIBUTE_LIST, &uid(id))),
        (
            "Encrypt",
            item(
                Operation::ENCRYPT,
                &format!(
                    r#"{}<CryptographicParameters><BlockCipherMode type="Enumeration" value="GCM"/>
                       <TagLength type="Integer" value="16"/></CryptographicParameters>
                       <Data type="ByteString" value="00112233"/>"#,
                    uid(id)
                ),
            ),
        ),
        ("modify", modify),
        (
            "Revoke",
            item(
                Operation::REVOKE,
                &format!(
                    r#"{}<RevocationReason><RevocationReasonCode type="Enumeration" value="CessationOfOperation"/></RevocationReason>"#,
                    uid(id)
                ),
            ),
        ),
        ("Destroy", item(Operation::DESTROY, &uid(id))),
    ]
}

/// The response's bytes with what differs between any two responses (the
/// time stamp, the server correlation value) fixed, and `missing` written
/// as `id` in the result messages.
fn normalised(mut response: ResponseMessage, missing: &str, id: &str) -> Vec<u8> {
    response.header.time_stamp = 0;
    response.header.server_correlation_value = None;
    for item in &mut response.batch_items {
        if let Some(message) = &mut item.result_message {
            *message = message.replace(missing, id);
        }
    }
    wire::to_vec(&response.to_ttlv()).expect("encodes")
}

/// Bob's answer for `id` is byte for byte his answer for an unused id, for
/// every attempt, in 1.4 and 2.1; and it is a failure.
async fn refused_as_missing(bob: &mut Client, id: &str, only: Option<&[&str]>) {
    for version in [ProtocolVersion::V1_4, ProtocolVersion::V2_1] {
        let not_found = if version.is_2x() { ResultReason::OBJECT_NOT_FOUND } else { ResultReason::ITEM_NOT_FOUND };
        for ((what, on_object), (_, on_missing)) in attempts(version, id).into_iter().zip(attempts(version, MISSING)) {
            if only.is_some_and(|only| !only.contains(&what)) {
                continue;
            }
            let refused = bob.send(version, vec![on_object]).await;
            let missing = bob.send(version, vec![on_missing]).await;
            let item = &refused.batch_items[0];
            assert_eq!(item.result_status, ResultStatus::OPERATION_FAILED, "{what} at {version}: {item:?}");
            assert_eq!(item.result_reason, Some(not_found), "{what} at {version}");
            assert_eq!(
                normalised(refused, MISSING, id),
                normalised(missing, MISSING, id),
                "{what} at {version}: the refusal differs from the answer for a missing id"
            );
        }
    }
}

/// The ids Locate finds by Name `name` for `client`.
async fn locate(client: &mut Client, version: ProtocolVersion, name: &str) -> BTreeSet<String> {
    let filter = if version.is_2x() {
        format!(
            r#"<Attributes><Name><NameValue type="TextString" value="{name}"/>
               <NameType type="Enumeration" value="UninterpretedTextString"/></Name></Attributes>"#
        )
    } else {
        format!(
            r#"<Attribute><AttributeName type="TextString" value="Name"/><AttributeValue>
               <NameValue type="TextString" value="{name}"/><NameType type="Enumeration" value="UninterpretedTextString"/>
               </AttributeValue></Attribute>"#
        )
    };
    let payload = client.ok(version, item(Operation::LOCATE, &filter)).await;
    payload.children_with(Tag::UNIQUE_IDENTIFIER).filter_map(|u| u.value.as_text()).map(str::to_owned).collect()
}

pub async fn change(server: &RunningServer, change: Change, owner: &str, to: &str, scope: Scope, ops: &str) {
    let grant = Grant {
        owner: owner.into(),
        grantee: Grantee::parse(to).expect("grantee"),
        scope,
        permissions: Permissions::parse_list(ops).expect("ops"),
    };
    server.kms().access().change(change, grant).await.expect("grant change");
}

async fn three_identities(dir: &TempDir) -> (RunningServer, Client, Client, Client) {
    let server = start(dir, |config| {
        config.access.admins.insert("admin".into());
        config.access.organisations.insert("alice".into(), "acme".into());
    })
    .await;
    let alice = Client::connect(&server, "alice").await;
    let bob = Client::connect(&server, "bob").await;
    let admin = Client::connect(&server, "admin").await;
    (server, alice, bob, admin)
}

#[tokio::test(flavor = "multi_thread")]
async fn another_identity_gets_the_missing_answer_until_granted_and_after_revocation() {
    let dir = TempDir::new("access-grant");
    let (server, mut alice, mut bob, _admin) = three_identities(&dir).await;
    let key = create_key(&mut alice, "alice-key", None).await;

    // Nothing: every attempt gets the answer an unused id gets.
    refused_as_missing(&mut bob, &key, None).await;
    for version in [ProtocolVersion::V1_4, ProtocolVersion::V2_1] {
        assert!(locate(&mut bob, version, "alice-key").await.is_empty(), "Locate at {version}");
    }
    assert_eq!(locate(&mut alice, ProtocolVersion::V2_1, "alice-key").await, BTreeSet::from([key.clone()]));
    // The ID Placeholder follows the same rule: Locate (allowed) then Get
    // (not allowed) on the placeholder.
    change(&server, Change::Grant, "alice", "bob", Scope::Object(key.clone()), "locate").await;
    assert_eq!(locate(&mut bob, ProtocolVersion::V2_1, "alice-key").await, BTreeSet::from([key.clone()]));
    let filter = r#"<Attributes><Name><NameValue type="TextString" value="alice-key"/>
        <NameType type="Enumeration" value="UninterpretedTextString"/></Name></Attributes>"#;
    let chained =
        bob.send(ProtocolVersion::V2_1, vec![item(Operation::LOCATE, filter), item(Operation::GET, "")]).await;
    assert_eq!(chained.batch_items[0].result_status, ResultStatus::SUCCESS);
    assert_eq!(chained.batch_items[1].result_reason, Some(ResultReason::OBJECT_NOT_FOUND), "{chained:?}");
    refused_as_missing(&mut bob, &key, None).await;

    // Granted: Bob gets and uses the key, but may still not destroy it.
    change(&server, Change::Grant, "alice", "bob", Scope::Object(key.clone()), "get,encrypt,get-attributes").await;
    let got = bob.ok(ProtocolVersion::V2_1, item(Operation::GET, &uid(&key))).await;
    assert!(got.child(Tag::SYMMETRIC_KEY).is_some());
    for version in [ProtocolVersion::V1_4, ProtocolVersion::V2_1] {
        for (what, attempt) in attempts(version, &key) {
            if ["Get", "Get Attributes", "Get Attribute List", "Encrypt"].contains(&what) {
                let response = bob.send(version, vec![attempt]).await;
                assert_eq!(response.batch_items[0].result_status, ResultStatus::SUCCESS, "{what} at {version}");
            }
        }
    }
    refused_as_missing(&mut bob, &key, Some(&["modify", "Revoke", "Destroy"])).await;

    // Revoked: back to nothing.
    change(&server, Change::Revoke, "alice", "bob", Scope::Object(key.clone()), "all").await;
    refused_as_missing(&mut bob, &key, None).await;
    assert!(locate(&mut bob, ProtocolVersion::V2_1, "alice-key").await.is_empty());
    // Alice still has it all.
    alice.ok(ProtocolVersion::V2_1, item(Operation::GET, &uid(&key))).await;
    server.shutdown().await.expect("shutdown");
}

#[tokio::test(flavor = "multi_thread")]
async fn modify_and_destroy_need_their_own_grants() {
    let dir = TempDir::new("access-modify");
    let (server, mut alice, mut bob, _admin) = three_identities(&dir).await;
    let key = create_key(&mut alice, "alice-key", None).await;
    change(&server, Change::Grant, "alice", "bob", Scope::Object(key.clone()), "modify-attributes,revoke,destroy")
        .await;
    for version in [ProtocolVersion::V1_4, ProtocolVersion::V2_1] {
        let (_, modify) = attempts(version, &key).into_iter().find(|(w, _)| *w == "modify").expect("modify");
        let response = bob.send(version, vec![modify]).await;
        assert_eq!(response.batch_items[0].result_status, ResultStatus::SUCCESS, "modify at {version}");
    }
    let (_, revoke) = attempts(ProtocolVersion::V2_1, &key).into_iter().find(|(w, _)| *w == "Revoke").expect("x");
    bob.ok(ProtocolVersion::V2_1, revoke).await;
    bob.ok(ProtocolVersion::V2_1, item(Operation::DESTROY, &uid(&key))).await;
    // Destroyed by Bob: Alice sees it destroyed.
    let response = alice.send(ProtocolVersion::V2_1, vec![item(Operation::GET, &uid(&key))]).await;
    assert_eq!(response.batch_items[0].result_reason, Some(ResultReason::OBJECT_DESTROYED));
    server.shutdown().await.expect("shutdown");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_administrator_can_do_everything() {
    let dir = TempDir::new("access-admin");
    let (server, mut alice, mut bob, mut admin) = three_identities(&dir).await;
    for version in [ProtocolVersion::V1_4, ProtocolVersion::V2_1] {
        let name = format!("alice-key-{version}");
        let key = create_key(&mut alice, &name, None).await;
        assert_eq!(locate(&mut admin, version, &name).await, BTreeSet::from([key.clone()]));
        for (what, attempt) in attempts(version, &key) {
            let response = admin.send(version, vec![attempt]).await;
            assert_eq!(response.batch_items[0].result_status, ResultStatus::SUCCESS, "{what} at {version}");
        }
    }
    // Objects Bob creates are his; the administrator sees them too.
    let bobs = create_key(&mut bob, "bob-key", None).await;
    admin.ok(ProtocolVersion::V2_1, item(Operation::GET, &uid(&bobs))).await;
    refused_as_missing(&mut alice, &bobs, Some(&["Get"])).await;
    server.shutdown().await.expect("shutdown");
}

#[tokio::test(flavor = "multi_thread")]
async fn grants_on_an_object_group_and_on_all_of_an_owners_objects() {
    let dir = TempDir::new("access-scopes");
    let (server, mut alice, mut bob, _admin) = three_identities(&dir).await;
    let team = create_key(&mut alice, "team-key", Some("team")).await;
    let other = create_key(&mut alice, "other-key", Some("elsewhere")).await;
    let loose = create_key(&mut alice, "loose-key", None).await;

    change(&server, Change::Grant, "alice", "bob", Scope::Group("team".into()), "get").await;
    bob.ok(ProtocolVersion::V2_1, item(Operation::GET, &uid(&team))).await;
    refused_as_missing(&mut bob, &other, Some(&["Get"])).await;
    refused_as_missing(&mut bob, &loose, Some(&["Get"])).await;
    // Group-member Locate finds only what Bob may locate: nothing yet.
    assert!(locate(&mut bob, ProtocolVersion::V2_1, "team-key").await.is_empty());

    change(&server, Change::Grant, "alice", "bob", Scope::AllMine, "get-attributes,locate").await;
    for id in [&team, &other, &loose] {
        bob.ok(ProtocolVersion::V2_1, item(Operation::GET_ATTRIBUTES, &uid(id))).await;
    }
    assert_eq!(locate(&mut bob, ProtocolVersion::V1_4, "loose-key").await, BTreeSet::from([loose.clone()]));
    refused_as_missing(&mut bob, &loose, Some(&["Get", "Encrypt", "Destroy"])).await;
    // Another owner's all-mine grant covers only that owner's objects.
    let mut carol = Client::connect(&server, "carol").await;
    let carols = create_key(&mut carol, "carol-key", None).await;
    refused_as_missing(&mut bob, &carols, Some(&["Get Attributes"])).await;

    change(&server, Change::Revoke, "alice", "bob", Scope::Group("team".into()), "get").await;
    refused_as_missing(&mut bob, &team, Some(&["Get"])).await;
    server.shutdown().await.expect("shutdown");
}

/// Runs the real `kms` binary; its output.
async fn kms_cli(args: Vec<String>) -> std::process::Output {
    tokio::task::spawn_blocking(move || {
        std::process::Command::new(env!("CARGO_BIN_EXE_kms")).args(&args).output().expect("kms runs")
    })
    .await
    .expect("task")
}

fn args(dir: &TempDir, list: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = list.iter().map(|s| (*s).to_owned()).collect();
    out.extend(["--data-dir".to_owned(), dir.path().display().to_string()]);
    out
}

fn stdout_of(output: &std::process::Output) -> String {
    assert!(output.status.success(), "kms failed: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout.clone()).expect("UTF-8")
}

#[tokio::test(flavor = "multi_thread")]
async fn the_command_line_grants_through_the_admin_socket_and_on_the_store() {
    let dir = TempDir::new("access-cli");
    // The administrators of the command line's own configuration matter
    // only for its listing; the server's are set in-process.
    let (server, mut alice, mut bob, _admin) = three_identities(&dir).await;
    let key = create_key(&mut alice, "alice-key", Some("team")).await;
    refused_as_missing(&mut bob, &key, Some(&["Get"])).await;

    // While the server runs: through the admin socket.
    let out = kms_cli(args(&dir, &["grant", "--to", "bob", "--ops", "get,encrypt", "--object", &key])).await;
    let text = stdout_of(&out);
    assert!(text.contains("bob may now do get, encrypt on alice's object"), "{text}");
    bob.ok(ProtocolVersion::V2_1, item(Operation::GET, &uid(&key))).await;

    let out = kms_cli(args(&dir, &["identity", "list", "--json"])).await;
    let listing: serde_json::Value = serde_json::from_str(&stdout_of(&out)).expect("JSON");
    let names: Vec<&str> =
        listing["identities"].as_array().expect("list").iter().filter_map(|i| i["name"].as_str()).collect();
    assert_eq!(names, ["admin", "alice", "bob"]);
    assert_eq!(listing["identities"][1]["organisation"], "acme", "configured over the certificate's O");
    let bob_entry = &listing["identities"][2];
    assert_eq!(bob_entry["kind"], "cert");
    assert_eq!(bob_entry["organisation"], "kms development", "the certificate's O");
    assert_eq!(bob_entry["grants"], 1);
    assert!(bob_entry["first_seen"].as_i64().is_some());
    assert_eq!(listing["grants"][0]["permissions"], serde_json::json!(["get", "encrypt"]));
    let out = kms_cli(args(&dir, &["identity", "list"])).await;
    let text = stdout_of(&out);
    assert!(text.contains("alice") && text.contains("grants:"), "{text}");

    // Refusals: a wrong owner, a missing --as, an unknown operation.
    let out = kms_cli(args(&dir, &["grant", "--to", "bob", "--ops", "get", "--object", &key, "--as", "carol"])).await;
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("owned by \"alice\""), "{out:?}");
    let out = kms_cli(args(&dir, &["grant", "--to", "bob", "--ops", "get", "--all-mine"])).await;
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--as OWNER is required"), "{out:?}");
    let out = kms_cli(args(&dir, &["grant", "--to", "bob", "--ops", "fly", "--group", "team", "--as", "alice"])).await;
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown operation \"fly\""), "{out:?}");

    let out = kms_cli(args(&dir, &["revoke-grant", "--to", "bob", "--ops", "all", "--object", &key])).await;
    assert!(stdout_of(&out).contains("no grant left"));
    refused_as_missing(&mut bob, &key, Some(&["Get"])).await;

    // No server: the command opens the store, and the next server finds
    // the grant.
    drop((alice, bob));
    server.shutdown().await.expect("shutdown");
    let out =
        kms_cli(args(&dir, &["grant", "--to", "bob", "--ops", "get", "--group", "team", "--as", "alice", "--json"]))
            .await;
    let grant: serde_json::Value = serde_json::from_str(&stdout_of(&out)).expect("JSON");
    assert_eq!(grant["scope"], serde_json::json!({"kind": "group", "name": "team"}));
    // An object grant with no server reads the object's owner from its
    // sealed record, under the data dir's own key hierarchy.
    let out = kms_cli(args(&dir, &["grant", "--to", "bob", "--ops", "encrypt", "--object", &key])).await;
    assert!(stdout_of(&out).contains("bob may now do encrypt on alice's object"));
    let server = start(&dir, |_| {}).await;
    let mut bob = Client::connect(&server, "bob").await;
    bob.ok(ProtocolVersion::V2_1, item(Operation::GET, &uid(&key))).await;
    server.shutdown().await.expect("shutdown");

    // Every grant, through the socket or on the store, is in the audit
    // chain, with who ran it and how.
    let out = kms_cli(args(&dir, &["audit", "export"])).await;
    let grants: Vec<serde_json::Value> = stdout_of(&out)
        .lines()
        .map(|line| serde_json::from_str::<serde_json::Value>(line).expect("JSON line"))
        .filter(|e| e["channel"] == "admin" && (e["operation"] == "grant" || e["operation"] == "revoke-grant"))
        .collect();
    let how: Vec<(&str, &str, &str)> = grants
        .iter()
        .map(|e| {
            (
                e["operation"].as_str().unwrap_or(""),
                e["source"].as_str().unwrap_or(""),
                e["result"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        how,
        [
            ("grant", "admin.sock", "Success"),
            ("grant", "admin.sock", "Failed"),
            ("grant", "admin.sock", "Failed"),
            ("grant", "admin.sock", "Failed"),
            ("revoke-grant", "admin.sock", "Success"),
            ("grant", "offline", "Success"),
            ("grant", "offline", "Success"),
        ],
        "{grants:#?}"
    );
    assert!(grants.iter().all(|e| e["identity"].as_str().is_some_and(|i| i.starts_with("uid:"))));
    assert_eq!(grants[0]["objects"], serde_json::json!([key, "to=bob"]));
    assert!(kms_cli(args(&dir, &["audit", "verify"])).await.status.success());
}

fn password(user: &str, password: &str) -> Credential {
    Credential::username_and_password(user, Some(password.to_owned()))
}

fn ticket(value: &[u8]) -> Credential {
    Credential {
        credential_type: CredentialType::TICKET,
        credential_value: CredentialValue::Other(Ttlv::structure(
            Tag::CREDENTIAL_VALUE,
            vec![
                Ttlv::new(Tag::TICKET_TYPE, Value::Enumeration(1)),
                Ttlv::new(Tag::TICKET_VALUE, Value::ByteString(bytes::Bytes::copy_from_slice(value))),
            ],
        )),
        unknown_fields: Vec::new(),
    }
}

async fn set_password(dir: &TempDir, name: &str, secret: &str) -> std::process::Output {
    let args = args(dir, &["identity", "password", "--name", name]);
    let secret = format!("{secret}\n");
    tokio::task::spawn_blocking(move || {
        use std::io::Write;
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_kms"))
            .args(&args)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("kms runs");
        child.stdin.take().expect("stdin").write_all(secret.as_bytes()).expect("write");
        child.wait_with_output().expect("kms finishes")
    })
    .await
    .expect("task")
}

fn assert_all_failed(response: &ResponseMessage, reason: ResultReason) {
    for item in &response.batch_items {
        assert_eq!(item.result_status, ResultStatus::OPERATION_FAILED, "{item:?}");
        assert_eq!(item.result_reason, Some(reason), "{item:?}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_username_and_password_credential_acts_as_its_identity() {
    let dir = TempDir::new("access-password");
    let (server, mut alice, mut bob, _admin) = three_identities(&dir).await;
    let key = create_key(&mut alice, "alice-key", None).await;
    let out = set_password(&dir, "alice", "correct horse").await;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("password set for alice"));
    let stored = server.kms().store().meta(kms::access::PASSWORDS).await.expect("meta");
    assert_eq!(stored.len(), 1);
    let phc = String::from_utf8(stored[0].1.to_vec()).expect("text");
    assert!(phc.starts_with("$argon2id$") && !phc.contains("correct horse"), "{phc}");

    for version in [ProtocolVersion::V1_4, ProtocolVersion::V2_1] {
        // Bob's connection, Alice's credential: Alice's key.
        let get = || vec![item(Operation::GET, &uid(&key)), item(Operation::GET_ATTRIBUTES, &uid(&key))];
        let response = bob.send_with(version, vec![password("alice", "correct horse")], get()).await;
        assert!(response.batch_items.iter().all(|i| i.result_status == ResultStatus::SUCCESS), "{response:?}");
        // Twice (the second check is the remembered one).
        let response = bob.send_with(version, vec![password("alice", "correct horse")], get()).await;
        assert_eq!(response.batch_items[0].result_status, ResultStatus::SUCCESS);
        // A wrong password and an unknown user: the whole message fails,
        // identically.
        let wrong = bob.send_with(version, vec![password("alice", "wrong horse")], get()).await;
        assert_all_failed(&wrong, ResultReason::AUTHENTICATION_NOT_SUCCESSFUL);
        let unknown = bob.send_with(version, vec![password("nobody", "correct horse")], get()).await;
        assert_eq!(normalised(wrong, MISSING, MISSING), normalised(unknown, MISSING, MISSING));
        let no_password = bob.send_with(version, vec![Credential::username_and_password("alice", None)], get()).await;
        assert_all_failed(&no_password, ResultReason::AUTHENTICATION_NOT_SUCCESSFUL);
        // Naming one's own identity without a password changes nothing.
        let own = bob.send_with(version, vec![Credential::username_and_password("bob", None)], get()).await;
        assert_all_failed(
            &own,
            if version.is_2x() { ResultReason::OBJECT_NOT_FOUND } else { ResultReason::ITEM_NOT_FOUND },
        );
    }
    let out = kms_cli(args(&dir, &["identity", "list", "--json"])).await;
    let listing: serde_json::Value = serde_json::from_str(&stdout_of(&out)).expect("JSON");
    assert_eq!(listing["identities"][1]["name"], "alice");
    assert_eq!(listing["identities"][1]["password"], true);
    assert_eq!(listing["identities"][2]["password"], false);

    // Removed: the credential fails.
    let out = kms_cli(args(&dir, &["identity", "password", "--name", "alice", "--remove"])).await;
    assert!(stdout_of(&out).contains("password removed for alice"));
    let response = bob
        .send_with(
            ProtocolVersion::V2_1,
            vec![password("alice", "correct horse")],
            vec![item(Operation::GET, &uid(&key))],
        )
        .await;
    assert_all_failed(&response, ResultReason::AUTHENTICATION_NOT_SUCCESSFUL);
    server.shutdown().await.expect("shutdown");
}

#[tokio::test(flavor = "multi_thread")]
async fn login_issues_a_ticket_that_logout_ends() {
    let dir = TempDir::new("access-login");
    let (server, mut alice, mut bob, _admin) = three_identities(&dir).await;
    let key = create_key(&mut alice, "alice-key", None).await;
    let v = ProtocolVersion::V2_1;
    let login = alice.ok(v, item(Operation::LOGIN, r#"<LeaseTime type="Interval" value="600"/>"#)).await;
    let ticket_item = login.child(Tag::TICKET).expect("a Ticket");
    assert_eq!(ticket_item.child(Tag::TICKET_TYPE).map(|t| &t.value), Some(&Value::Enumeration(1)));
    let value = ticket_item.child(Tag::TICKET_VALUE).and_then(|t| t.value.as_bytes()).expect("value").to_vec();
    assert_eq!(value.len(), 32);

    // Bob's connection with Alice's ticket runs as Alice.
    let get = || vec![item(Operation::GET, &uid(&key))];
    let response = bob.send_with(v, vec![ticket(&value)], get()).await;
    assert_eq!(response.batch_items[0].result_status, ResultStatus::SUCCESS, "{response:?}");
    // A made-up ticket: Invalid Ticket for the whole message.
    let response = bob.send_with(v, vec![ticket(&[7u8; 32])], get()).await;
    assert_all_failed(&response, ResultReason::INVALID_TICKET);
    // Bob cannot end Alice's session with his own identity.
    let logout = format!(
        r#"<Ticket><TicketType type="Enumeration" value="Login"/><TicketValue type="ByteString" value="{}"/></Ticket>"#,
        hex::encode(&value)
    );
    let response = bob.send(v, vec![item(Operation::LOGOUT, &logout)]).await;
    assert_eq!(response.batch_items[0].result_reason, Some(ResultReason::INVALID_TICKET));
    alice.ok(v, item(Operation::LOGOUT, &logout)).await;
    let response = bob.send_with(v, vec![ticket(&value)], get()).await;
    assert_all_failed(&response, ResultReason::INVALID_TICKET);

    // A Request Count bounds the ticket's use.
    let login = alice.ok(v, item(Operation::LOGIN, r#"<RequestCount type="Integer" value="1"/>"#)).await;
    let value = login
        .child(Tag::TICKET)
        .and_then(|t| t.child(Tag::TICKET_VALUE))
        .and_then(|t| t.value.as_bytes())
        .expect("v")
        .to_vec();
    let response = bob.send_with(v, vec![ticket(&value)], get()).await;
    assert_eq!(response.batch_items[0].result_status, ResultStatus::SUCCESS);
    let response = bob.send_with(v, vec![ticket(&value)], get()).await;
    assert_all_failed(&response, ResultReason::INVALID_TICKET);
    // Login is a 2.0 operation.
    let response = alice.send(ProtocolVersion::V1_4, vec![item(Operation::LOGIN, "")]).await;
    assert_eq!(response.batch_items[0].result_reason, Some(ResultReason::OPERATION_NOT_SUPPORTED));
    server.shutdown().await.expect("shutdown");
}
