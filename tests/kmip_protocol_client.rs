//! The kmip-protocol crate (NLnet Labs' client, used by Krill) as a second
//! real client, over real mutual TLS (rustls 0.23 driving its synchronous
//! stream). It sends KMIP 1.0, 1.1 and 1.2 on one connection depending on
//! the operation, requires a Time Stamp in every response header and cannot
//! parse a Query reply listing operations newer than its request's version.
//!
//! The crate only compiles its `client` module with one of its TLS features
//! (`tls-with-rustls` here, the one that needs no system library); its TLS
//! plugin is not used: the client is handed a rustls 0.23 stream, wrapped in
//! a recorder so that every request and response is also checked on the
//! wire (with this workspace's kmip-ttlv) and can be printed when a step
//! fails.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use kmip_protocol::client::{Client, ClientBuilder, Error as ClientError};
use kmip_protocol::types::common::{
    AttributeName, AttributeValue, CryptographicAlgorithm, KeyFormatType, KeyMaterial, NameType, NameValue, ObjectType,
    Operation as ProtocolOperation, State, UniqueIdentifier,
};
use kmip_protocol::types::request::{Attribute, QueryFunction, RequestPayload, TemplateAttribute};
use kmip_protocol::types::response::{ManagedObject, ResponsePayload};
use kmip_ttlv::enums::ResultReason;
use kmip_ttlv::wire::{self, Limits};
use kmip_ttlv::{Tag, Ttlv};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName};

/// The bytes of one request and its response, as they crossed the TLS
/// stream.
#[derive(Default)]
struct Exchange {
    request: Vec<u8>,
    response: Vec<u8>,
}

/// A stream that records what passes through it.
struct Recorder<S> {
    inner: S,
    log: Arc<Mutex<Exchange>>,
}

impl<S: Read> Read for Recorder<S> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.log.lock().expect("log").response.extend_from_slice(&buf[..n]);
        Ok(n)
    }
}

impl<S: Write> Write for Recorder<S> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.log.lock().expect("log").request.extend_from_slice(&buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

type TlsStream = rustls::StreamOwned<rustls::ClientConnection, TcpStream>;

/// The client, the recorder's log and what every exchange showed so far.
struct Session {
    client: Client<Recorder<TlsStream>>,
    log: Arc<Mutex<Exchange>>,
    /// Request versions (minor, all 1.x) seen so far.
    versions: Vec<i32>,
    exchanges: usize,
    checks: Vec<&'static str>,
}

/// One decoded exchange.
struct Seen {
    request_minor: i32,
    response: Ttlv,
    hex: String,
}

impl Seen {
    /// The first batch item's Result Reason, when it failed.
    fn result_reason(&self) -> Option<u32> {
        self.response.child(Tag::BATCH_ITEM)?.child(Tag::RESULT_REASON)?.value.as_enumeration()
    }
}

impl Session {
    fn connect(addr: SocketAddr, certs: &std::path::Path) -> Session {
        let mut roots = rustls::RootCertStore::empty();
        for cert in CertificateDer::pem_file_iter(certs.join("ca.pem")).expect("CA file") {
            roots.add(cert.expect("PEM")).expect("CA");
        }
        let chain: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(certs.join("admin.pem"))
            .expect("cert file")
            .collect::<Result<_, _>>()
            .expect("PEM");
        let key = PrivateKeyDer::from_pem_file(certs.join("admin.key")).expect("key file");
        let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
        let tls = rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .expect("versions")
            .with_root_certificates(roots)
            .with_client_auth_cert(chain, key)
            .expect("client cert");
        let connection = rustls::ClientConnection::new(Arc::new(tls), ServerName::try_from("localhost").expect("name"))
            .expect("TLS client");
        let tcp = TcpStream::connect(addr).expect("connects");
        // A response that never comes fails the test instead of hanging it.
        tcp.set_read_timeout(Some(Duration::from_secs(10))).expect("read timeout");
        let log = Arc::new(Mutex::new(Exchange::default()));
        let stream = Recorder { inner: rustls::StreamOwned::new(connection, tcp), log: log.clone() };
        Session {
            client: ClientBuilder::new(stream).build(),
            log,
            versions: Vec::new(),
            exchanges: 0,
            checks: Vec::new(),
        }
    }

    fn pass(&mut self, name: &'static str) {
        println!("  ok: {name}");
        self.checks.push(name);
    }

    /// Takes the last exchange off the recorder and checks its response
    /// header on the wire: a Time Stamp close to now, and the request's
    /// protocol version.
    fn seen(&mut self) -> Seen {
        let exchange = std::mem::take(&mut *self.log.lock().expect("log"));
        let hex = format!("request {}\nresponse {}", hex::encode(&exchange.request), hex::encode(&exchange.response));
        let request = wire::decode_slice(&exchange.request, &Limits::default())
            .unwrap_or_else(|e| panic!("the client's request decodes: {e}\n{hex}"));
        let response = wire::decode_slice(&exchange.response, &Limits::default())
            .unwrap_or_else(|e| panic!("one whole response was read: {e}\n{hex}"));
        let minor_of = |message: &Ttlv, header: Tag| {
            let version = message.child(header)?.child(Tag::PROTOCOL_VERSION)?;
            assert_eq!(version.child(Tag::PROTOCOL_VERSION_MAJOR)?.value.as_integer(), Some(1), "{hex}");
            version.child(Tag::PROTOCOL_VERSION_MINOR)?.value.as_integer()
        };
        let request_minor = minor_of(&request, Tag::REQUEST_HEADER).unwrap_or_else(|| panic!("request version\n{hex}"));
        let response_minor =
            minor_of(&response, Tag::RESPONSE_HEADER).unwrap_or_else(|| panic!("response version\n{hex}"));
        assert_eq!(response_minor, request_minor, "the response speaks the request's version\n{hex}");
        let stamp = response
            .child(Tag::RESPONSE_HEADER)
            .and_then(|h| h.child(Tag::TIME_STAMP))
            .and_then(|t| t.value.as_date_time())
            .unwrap_or_else(|| panic!("a Time Stamp in the response header\n{hex}"));
        let now = SystemTime::now().duration_since(UNIX_EPOCH).expect("clock").as_secs() as i64;
        assert!((stamp - now).abs() < 300, "Time Stamp {stamp} is now ({now})\n{hex}");
        if !self.versions.contains(&request_minor) {
            self.versions.push(request_minor);
        }
        self.exchanges += 1;
        Seen { request_minor, response, hex }
    }

    /// Sends `payload` as the crate encodes it and reads the response
    /// without the crate's parser.
    fn raw(&mut self, payload: RequestPayload) -> Seen {
        let bytes = kmip_protocol::request::to_vec(payload, None).expect("the crate encodes the request");
        {
            let stream = self.client.inner();
            let mut stream = stream.lock().expect("stream");
            stream.write_all(&bytes).expect("write");
            let mut header = [0u8; 8];
            stream.read_exact(&mut header).expect("response header");
            let length = u32::from_be_bytes([header[4], header[5], header[6], header[7]]) as usize;
            stream.read_exact(&mut vec![0u8; length]).expect("response body");
        }
        self.seen()
    }

    /// Sends `payload`, expecting success.
    fn ok(&mut self, payload: RequestPayload) -> (ResponsePayload, Seen) {
        let operation = payload.operation();
        let result = self.client.do_request(payload);
        let seen = self.seen();
        match result {
            Ok(response) => (response, seen),
            Err(e) => panic!("{operation:?} fails: {e}\n{}", seen.hex),
        }
    }
}

/// The attribute names KMIP 1.0 defines (§3).
const KMIP_1_0_ATTRIBUTES: &[&str] = &[
    "Unique Identifier",
    "Name",
    "Object Type",
    "Cryptographic Algorithm",
    "Cryptographic Length",
    "Cryptographic Parameters",
    "Cryptographic Domain Parameters",
    "Certificate Type",
    "Certificate Identifier",
    "Certificate Subject",
    "Certificate Issuer",
    "Digest",
    "Operation Policy Name",
    "Cryptographic Usage Mask",
    "Lease Time",
    "Usage Limits",
    "State",
    "Initial Date",
    "Activation Date",
    "Process Start Date",
    "Protect Stop Date",
    "Deactivation Date",
    "Destroy Date",
    "Compromise Occurrence Date",
    "Compromise Date",
    "Revocation Reason",
    "Archive Date",
    "Object Group",
    "Link",
    "Application Specific Information",
    "Contact Information",
    "Last Change Date",
];

fn attribute(name: &str) -> AttributeName {
    AttributeName(name.into())
}

/// Get Attributes for the named attributes of `id`.
fn attributes_of(s: &mut Session, id: &str, names: &[&str]) -> Vec<(String, AttributeValue)> {
    let (response, _) = s.ok(RequestPayload::GetAttributes(
        Some(UniqueIdentifier(id.into())),
        Some(names.iter().map(|n| attribute(n)).collect()),
    ));
    let ResponsePayload::GetAttributes(payload) = response else { panic!("Get Attributes payload: {response:?}") };
    assert_eq!(payload.unique_identifier.0, id);
    payload.attributes.unwrap_or_default().into_iter().map(|a| (a.name.0, a.value)).collect()
}

fn state_of(s: &mut Session, id: &str) -> State {
    match attributes_of(s, id, &["State"]).as_slice() {
        [(name, AttributeValue::State(state))] if name == "State" => *state,
        other => panic!("one State attribute: {other:?}"),
    }
}

fn locate_by_name(s: &mut Session, name: &str) -> Vec<String> {
    let (response, _) = s.ok(RequestPayload::Locate(vec![
        Attribute::ObjectType(ObjectType::SymmetricKey),
        Attribute::Name(name.into()),
    ]));
    let ResponsePayload::Locate(payload) = response else { panic!("Locate payload: {response:?}") };
    payload.unique_identifiers.into_iter().map(|id| id.0).collect()
}

/// Every scenario, in order, on one connection.
fn run(s: &mut Session) {
    // Discover Versions (sent as 1.1): 1.0 to 1.2 are offered back.
    let (response, seen) = s.ok(RequestPayload::DiscoverVersions(vec![]));
    assert_eq!(seen.request_minor, 1);
    let ResponsePayload::DiscoverVersions(payload) = response else { panic!("Discover Versions: {response:?}") };
    let versions: Vec<(i32, i32)> =
        payload.supported_versions.unwrap_or_default().iter().map(|v| (v.major, v.minor)).collect();
    for wanted in [(1, 0), (1, 1), (1, 2)] {
        assert!(versions.contains(&wanted), "{wanted:?} in {versions:?}");
    }
    s.pass("Discover Versions (1.1) lists 1.0, 1.1 and 1.2");

    // Query (sent as 1.2): the reply parses, so it lists no operation newer
    // than 1.2; on the wire too, every Operation is at most Join Split Key.
    let query = s.client.query();
    let seen = s.seen();
    let query = query.unwrap_or_else(|e| panic!("Query: {e}\n{}", seen.hex));
    assert_eq!(seen.request_minor, 2);
    let payload = seen.response.child(Tag::BATCH_ITEM).and_then(|i| i.child(Tag::RESPONSE_PAYLOAD)).expect("payload");
    for op in payload.children_with(Tag::OPERATION) {
        let value = op.value.as_enumeration().expect("an Enumeration");
        assert!(value <= 0x29, "Operation {value:#x} is newer than KMIP 1.2\n{}", seen.hex);
    }
    let operations = query.operations.expect("operations are listed");
    for wanted in [
        ProtocolOperation::Create,
        ProtocolOperation::Locate,
        ProtocolOperation::Get,
        ProtocolOperation::GetAttributes,
        ProtocolOperation::Activate,
        ProtocolOperation::Revoke,
        ProtocolOperation::Destroy,
        ProtocolOperation::Query,
        ProtocolOperation::DiscoverVersions,
    ] {
        assert!(operations.contains(&wanted), "{wanted:?} in {operations:?}");
    }
    for wanted in [ProtocolOperation::CreateKeyPair, ProtocolOperation::Sign, ProtocolOperation::RNGRetrieve] {
        assert!(operations.contains(&wanted), "{wanted:?} in {operations:?}");
    }
    let objects = query.object_types.expect("object types are listed");
    assert!(objects.contains(&ObjectType::SymmetricKey), "{objects:?}");
    assert!(query.vendor_identification.is_some_and(|v| !v.is_empty()));
    s.pass("Query (1.2) parses: operations and objects of 1.2 only, a vendor");

    // Create an AES-256 key with a Name (1.0).
    let name = format!("kmip-protocol-{}", uuid::Uuid::new_v4());
    let usage = Attribute(attribute("Cryptographic Usage Mask"), None, AttributeValue::Integer(0x4 | 0x8));
    let (response, seen) = s.ok(RequestPayload::Create(
        ObjectType::SymmetricKey,
        TemplateAttribute::unnamed(vec![
            Attribute::CryptographicAlgorithm(CryptographicAlgorithm::AES),
            Attribute::CryptographicLength(256),
            usage,
            Attribute::Name(name.clone()),
        ]),
    ));
    assert_eq!(seen.request_minor, 0);
    let ResponsePayload::Create(created) = response else { panic!("Create payload: {response:?}") };
    assert_eq!(created.object_type, ObjectType::SymmetricKey);
    let id = created.unique_identifier.0;
    assert!(!id.is_empty());
    s.pass("Create AES-256 with a Name (1.0)");

    // Get Attributes (1.0): the Name, algorithm, length and Pre-Active.
    let attributes = attributes_of(
        s,
        &id,
        &["Name", "Cryptographic Algorithm", "Cryptographic Length", "Object Type", "State", "Unique Identifier"],
    );
    let find = |wanted: &str| {
        attributes
            .iter()
            .find(|(n, _)| n == wanted)
            .map(|(_, v)| v.clone())
            .unwrap_or_else(|| panic!("{wanted} in {attributes:?}"))
    };
    assert_eq!(find("Name"), AttributeValue::Name(NameValue(name.clone()), NameType::UninterpretedTextString));
    assert_eq!(find("Cryptographic Algorithm"), AttributeValue::CryptographicAlgorithm(CryptographicAlgorithm::AES));
    assert_eq!(find("Cryptographic Length"), AttributeValue::Integer(256));
    assert_eq!(find("Object Type"), AttributeValue::ObjectType(ObjectType::SymmetricKey));
    assert_eq!(find("State"), AttributeValue::State(State::PreActive));
    assert_eq!(find("Unique Identifier"), AttributeValue::TextString(id.clone()));
    s.pass("Get Attributes (1.0): Name, AES, 256, Symmetric Key, Pre-Active");

    // Get Attributes with no names (1.0): every attribute of the key. The
    // crate cannot read this answer (its parser recurses without end on a
    // structure-valued attribute it has no name for, here the Digest, and
    // the process dies of a stack overflow), so it is read from the wire:
    // only attributes KMIP 1.0 defines are returned.
    let seen = s.raw(RequestPayload::GetAttributes(Some(UniqueIdentifier(id.clone())), None));
    let payload = seen.response.child(Tag::BATCH_ITEM).and_then(|i| i.child(Tag::RESPONSE_PAYLOAD)).expect("payload");
    let names: Vec<&str> =
        payload.children_with(Tag::ATTRIBUTE).filter_map(|a| a.child(Tag::ATTRIBUTE_NAME)?.value.as_text()).collect();
    for name in &names {
        assert!(KMIP_1_0_ATTRIBUTES.contains(name), "{name} is not a KMIP 1.0 attribute: {names:?}\n{}", seen.hex);
    }
    for wanted in ["Unique Identifier", "Name", "Object Type", "State", "Digest", "Initial Date"] {
        assert!(names.contains(&wanted), "{wanted} in {names:?}");
    }
    s.pass("Get Attributes, all (1.0, read from the wire): only KMIP 1.0 attributes");

    // Get Attribute List (1.0).
    let (response, _) = s.ok(RequestPayload::GetAttributeList(Some(UniqueIdentifier(id.clone()))));
    let ResponsePayload::GetAttributeList(list) = response else { panic!("Get Attribute List: {response:?}") };
    let names: Vec<&str> = list.attributes.iter().map(|n| n.0.as_str()).collect();
    for wanted in ["Name", "State", "Cryptographic Algorithm", "Cryptographic Length", "Cryptographic Usage Mask"] {
        assert!(names.contains(&wanted), "{wanted} in {names:?}");
    }
    for name in &names {
        assert!(KMIP_1_0_ATTRIBUTES.contains(name), "{name} is not a KMIP 1.0 attribute: {names:?}");
    }
    s.pass("Get Attribute List (1.0): KMIP 1.0 names only");

    // Locate by Object Type and Name (1.0).
    assert_eq!(locate_by_name(s, &name), vec![id.clone()]);
    assert!(locate_by_name(s, "kmip-protocol-no-such-name").is_empty());
    s.pass("Locate by Name (1.0): the key, and nothing for an unknown name");

    // Activate (1.0).
    let activated = s.client.activate_key(&id);
    let seen = s.seen();
    activated.unwrap_or_else(|e| panic!("Activate: {e}\n{}", seen.hex));
    assert_eq!(state_of(s, &id), State::Active);
    s.pass("Activate (1.0): the key is Active");

    // Get (1.0): the 32 key bytes, Raw.
    let got = s.client.get_key(&id);
    let seen = s.seen();
    let got = got.unwrap_or_else(|e| panic!("Get: {e}\n{}", seen.hex));
    assert_eq!(got.object_type, ObjectType::SymmetricKey);
    assert_eq!(got.unique_identifier.0, id);
    let ManagedObject::SymmetricKey(key) = got.cryptographic_object else { panic!("a Symmetric Key") };
    assert_eq!(key.key_block.key_format_type, KeyFormatType::Raw);
    assert_eq!(key.key_block.cryptographic_algorithm, Some(CryptographicAlgorithm::AES));
    assert_eq!(key.key_block.cryptographic_length, Some(256));
    let KeyMaterial::Bytes(bytes) = key.key_block.key_value.key_material else { panic!("Raw key bytes") };
    assert_eq!(bytes.len(), 32);
    assert!(bytes.iter().any(|b| *b != 0));
    s.pass("Get (1.0): 32 Raw AES key bytes");

    // Modify Attribute (1.0, the crate's rename): Locate finds the new name.
    let renamed = format!("{name}-renamed");
    let modified = s.client.rename_key(&id, renamed.clone());
    let seen = s.seen();
    let modified = modified.unwrap_or_else(|e| panic!("Modify Attribute: {e}\n{}", seen.hex));
    assert_eq!(modified.unique_identifier.0, id);
    assert_eq!(
        modified.attribute.value,
        AttributeValue::Name(NameValue(renamed.clone()), NameType::UninterpretedTextString)
    );
    assert_eq!(locate_by_name(s, &renamed), vec![id.clone()]);
    assert!(locate_by_name(s, &name).is_empty());
    s.pass("Modify Attribute Name (1.0): Locate follows the new name");

    // Create an RSA-2048 key pair (1.0), activate the private key, sign
    // with it (1.2, PKCS#1 v1.5 with SHA-256): the signature has the
    // modulus length and verifies against the public key the server gives
    // back (checked here with aws-lc-rs, outside the server).
    let (private_id, public_id) = s
        .client
        .create_rsa_key_pair(2048, format!("{name}-private"), format!("{name}-public"))
        .unwrap_or_else(|e| panic!("Create Key Pair: {e}"));
    let seen = s.seen();
    assert_eq!(seen.request_minor, 0, "Create Key Pair is sent at 1.0");
    assert_ne!(private_id, public_id);
    s.pass("Create Key Pair RSA-2048 (1.0): two identifiers");
    s.client.activate_key(&private_id).unwrap_or_else(|e| panic!("Activate: {e}"));
    s.seen();
    let message = b"kmip-protocol signs this";
    let signed = s.client.sign(&private_id, message).unwrap_or_else(|e| panic!("Sign: {e}"));
    let seen = s.seen();
    assert_eq!(seen.request_minor, 2, "Sign is sent at 1.2");
    assert_eq!(signed.unique_identifier.0, private_id);
    assert_eq!(signed.signature_data.len(), 256, "an RSA-2048 signature");
    let public = s.client.get_key(&public_id).unwrap_or_else(|e| panic!("Get public key: {e}"));
    s.seen();
    let public_der = match public.cryptographic_object {
        kmip_protocol::types::response::ManagedObject::PublicKey(key) => match key.key_block.key_value.key_material {
            kmip_protocol::types::common::KeyMaterial::Bytes(bytes) => bytes,
            other => panic!("the public key comes as bytes (PKCS#1), got {other:?}"),
        },
        other => panic!("Get of the public key gives a Public Key, got {other:?}"),
    };
    let verifier =
        aws_lc_rs::signature::UnparsedPublicKey::new(&aws_lc_rs::signature::RSA_PKCS1_2048_8192_SHA256, &public_der);
    verifier.verify(message, &signed.signature_data).expect("the signature verifies outside the server");
    assert!(verifier.verify(b"another message", &signed.signature_data).is_err());
    s.pass("Sign (1.2) with the new private key: verifies with the public key from Get");
    // RNG Retrieve (1.2): 16 random bytes, different each time.
    let first = s.client.rng_retrieve(16).unwrap_or_else(|e| panic!("RNG Retrieve: {e}"));
    let seen = s.seen();
    assert_eq!(seen.request_minor, 2, "RNG Retrieve is sent at 1.2");
    let second = s.client.rng_retrieve(16).unwrap_or_else(|e| panic!("RNG Retrieve: {e}"));
    s.seen();
    assert_eq!(first.data.len(), 16);
    assert_ne!(first.data, second.data, "two retrievals differ");
    s.pass("RNG Retrieve (1.2): 16 bytes, twice, different");

    // Revoke (1.0, Cessation of Operation): Deactivated.
    let revoked = s.client.revoke_key(&id);
    let seen = s.seen();
    revoked.unwrap_or_else(|e| panic!("Revoke: {e}\n{}", seen.hex));
    assert_eq!(state_of(s, &id), State::Deactivated);
    s.pass("Revoke (1.0): the key is Deactivated");

    // Destroy (1.0): the object stays, Destroyed, but its key material is
    // gone: Get fails cleanly (Permission Denied in 1.x; Object Destroyed
    // exists only from 2.0).
    let destroyed = s.client.destroy_key(&id);
    let seen = s.seen();
    destroyed.unwrap_or_else(|e| panic!("Destroy: {e}\n{}", seen.hex));
    assert_eq!(state_of(s, &id), State::Destroyed);
    let after = s.client.get_key(&id);
    let seen = s.seen();
    assert!(matches!(after, Err(ClientError::ServerError(_))), "Get of a destroyed key: {after:?}\n{}", seen.hex);
    assert_eq!(seen.result_reason(), Some(ResultReason::PERMISSION_DENIED.0), "{}", seen.hex);
    s.pass("Destroy (1.0): Destroyed, and Get of it fails cleanly");

    // Unknown ids: Item Not Found, read as such by the client.
    let missing = s.client.get_key("no-such-key");
    let seen = s.seen();
    assert!(matches!(missing, Err(ClientError::ItemNotFound(_))), "{missing:?}\n{}", seen.hex);
    let missing = s.client.destroy_key("no-such-key");
    let seen = s.seen();
    assert!(matches!(missing, Err(ClientError::ItemNotFound(_))), "{missing:?}\n{}", seen.hex);
    s.pass("Get and Destroy of an unknown id: Item Not Found");

    // Still in step after every failure: a last Query parses.
    let query = s.client.do_request(RequestPayload::Query(vec![QueryFunction::QueryOperations]));
    let seen = s.seen();
    match query {
        Ok(ResponsePayload::Query(q)) => assert!(q.operations.is_some_and(|o| !o.is_empty())),
        other => panic!("a last Query: {other:?}\n{}", seen.hex),
    }
    s.pass("a last Query on the same connection");

    // Every response so far had a Time Stamp and the request's version,
    // and the connection carried all three versions.
    s.versions.sort_unstable();
    assert_eq!(s.versions, vec![0, 1, 2], "request versions seen");
    assert_eq!(s.client.connection_error_count(), 0);
    let exchanges = s.exchanges;
    println!("  ({exchanges} exchanges on one connection, KMIP 1.0, 1.1 and 1.2)");
    s.pass("every response header: a Time Stamp and the request's version");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kmip_protocol_client_on_one_connection() {
    let dir = std::env::temp_dir().join(format!("kms-test-kmipproto-{}-{}", std::process::id(), uuid::Uuid::new_v4()));
    let mut config = kms::config::Config::new(&dir);
    config.kmip_addr = SocketAddr::from(([127, 0, 0, 1], 0));
    config.http_addr = SocketAddr::from(([127, 0, 0, 1], 0));
    let server = kms::server::spawn(config).await.expect("server starts");
    let addr = server.kmip_addr();
    let certs = server.data_dir().join("certs");
    let outcome = tokio::task::spawn_blocking(move || {
        let mut session = Session::connect(addr, &certs);
        run(&mut session);
        session.checks.len()
    })
    .await;
    server.shutdown().await.expect("shutdown");
    let _ = std::fs::remove_dir_all(&dir);
    let checks = outcome.expect("the kmip-protocol client ran every check");
    println!("kmip-protocol: {checks} checks passed");
}
