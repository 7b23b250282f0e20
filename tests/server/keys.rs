//! The key hierarchy against a real sled data dir and real mutual TLS: no
//! key bytes reach the disk or the log, the wrong root key refuses the
//! start and writes nothing, root key rotation (through the admin socket
//! while serving, or offline) and an interrupted rotation.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::time::Duration;

use base64::Engine;
use bytes::Bytes;
use kmip_ttlv::enums::{Operation, ResultStatus};
use kmip_ttlv::model::RequestBatchItem;
use kmip_ttlv::{Tag, Ttlv, Value};
use kms::crypto::{CryptoEngine, SoftwareEngine};
use kms::keys::{KeyError, KeyHierarchy, RootKey, RootKeySource, RootKeys};
use kms::server::{RunningServer, ServerError};
use kms::store::SledStore;
use tokio::io::{AsyncRead, AsyncWrite};

use crate::support::{
    Identity, TempDir, Versions, client, connect, exchange, identity_in, payload, request, serve_with_env, signal,
    start, wait_exit,
};

fn random(len: usize) -> Vec<u8> {
    let mut bytes = vec![0u8; len];
    SoftwareEngine::new().random(&mut bytes).expect("random");
    bytes
}

/// A directory outside the data dir holding root key files.
fn key_dir(name: &str) -> TempDir {
    let dir = TempDir::new(name);
    std::fs::create_dir_all(dir.path()).expect("dir");
    dir
}

/// A new random root key file `name` in `dir`; its path.
fn root_key_file(dir: &TempDir, name: &str) -> PathBuf {
    let path = dir.join(name);
    let bytes: [u8; 32] = random(32).try_into().expect("32 bytes");
    RootKey::from_bytes(bytes).write_new(&path).expect("key file");
    path
}

/// Sends one item and returns its response payload; it must succeed.
async fn call<S: AsyncRead + AsyncWrite + Unpin>(stream: &mut S, item: RequestBatchItem) -> Ttlv {
    let response = exchange(stream, &request(vec![item])).await;
    let item = response.batch_items.into_iter().next().expect("one item");
    assert_eq!(item.result_status, ResultStatus::SUCCESS, "{item:?}");
    item.response_payload.expect("payload")
}

fn id_of(payload: &Ttlv, tag: Tag) -> String {
    payload.child(tag).and_then(|u| u.value.as_text()).expect("id").to_owned()
}

async fn register_aes<S: AsyncRead + AsyncWrite + Unpin>(stream: &mut S, key: &[u8]) -> String {
    let xml = format!(
        r#"<ObjectType type="Enumeration" value="SymmetricKey"/>
           <Attributes><CryptographicAlgorithm type="Enumeration" value="AES"/>
             <CryptographicLength type="Integer" value="{bits}"/>
             <CryptographicUsageMask type="Integer" value="12"/></Attributes>
           <SymmetricKey><KeyBlock><KeyFormatType type="Enumeration" value="Raw"/>
             <KeyValue><KeyMaterial type="ByteString" value="{hex}"/></KeyValue>
             <CryptographicAlgorithm type="Enumeration" value="AES"/>
             <CryptographicLength type="Integer" value="{bits}"/></KeyBlock></SymmetricKey>"#,
        bits = key.len() * 8,
        hex = hex::encode(key)
    );
    id_of(&call(stream, RequestBatchItem::new(Operation::REGISTER, payload(&xml))).await, Tag::UNIQUE_IDENTIFIER)
}

async fn create_aes<S: AsyncRead + AsyncWrite + Unpin>(stream: &mut S) -> String {
    let xml = r#"<ObjectType type="Enumeration" value="SymmetricKey"/>
        <Attributes><CryptographicAlgorithm type="Enumeration" value="AES"/>
          <CryptographicLength type="Integer" value="256"/>
          <CryptographicUsageMask type="Integer" value="12"/></Attributes>"#;
    id_of(&call(stream, RequestBatchItem::new(Operation::CREATE, payload(xml))).await, Tag::UNIQUE_IDENTIFIER)
}

async fn register_secret<S: AsyncRead + AsyncWrite + Unpin>(stream: &mut S, secret: &[u8]) -> String {
    let xml = format!(
        r#"<ObjectType type="Enumeration" value="SecretData"/>
           <Attributes><CryptographicUsageMask type="Integer" value="0"/></Attributes>
           <SecretData><SecretDataType type="Enumeration" value="Password"/>
             <KeyBlock><KeyFormatType type="Enumeration" value="Opaque"/>
             <KeyValue><KeyMaterial type="ByteString" value="{}"/></KeyValue></KeyBlock></SecretData>"#,
        hex::encode(secret)
    );
    id_of(&call(stream, RequestBatchItem::new(Operation::REGISTER, payload(&xml))).await, Tag::UNIQUE_IDENTIFIER)
}

async fn register_ec_private<S: AsyncRead + AsyncWrite + Unpin>(stream: &mut S, pkcs8: &[u8]) -> String {
    let xml = format!(
        r#"<ObjectType type="Enumeration" value="PrivateKey"/>
           <Attributes><CryptographicAlgorithm type="Enumeration" value="EC"/>
             <CryptographicLength type="Integer" value="256"/>
             <CryptographicUsageMask type="Integer" value="1"/></Attributes>
           <PrivateKey><KeyBlock><KeyFormatType type="Enumeration" value="PKCS_8"/>
             <KeyValue><KeyMaterial type="ByteString" value="{}"/></KeyValue>
             <CryptographicAlgorithm type="Enumeration" value="EC"/>
             <CryptographicLength type="Integer" value="256"/></KeyBlock></PrivateKey>"#,
        hex::encode(pkcs8)
    );
    id_of(&call(stream, RequestBatchItem::new(Operation::REGISTER, payload(&xml))).await, Tag::UNIQUE_IDENTIFIER)
}

/// An RSA-2048 key pair; the private key's id.
async fn create_rsa_pair<S: AsyncRead + AsyncWrite + Unpin>(stream: &mut S) -> String {
    let xml = r#"<CommonAttributes><CryptographicAlgorithm type="Enumeration" value="RSA"/>
          <CryptographicLength type="Integer" value="2048"/></CommonAttributes>
        <PrivateKeyAttributes><CryptographicUsageMask type="Integer" value="Sign"/></PrivateKeyAttributes>
        <PublicKeyAttributes><CryptographicUsageMask type="Integer" value="Verify"/></PublicKeyAttributes>"#;
    let payload = call(stream, RequestBatchItem::new(Operation::CREATE_KEY_PAIR, payload(xml))).await;
    id_of(&payload, Tag::PRIVATE_KEY_UNIQUE_IDENTIFIER)
}

/// Every byte string in the Key Value Get returns for `id`, in the
/// object's default format.
async fn get_secrets<S: AsyncRead + AsyncWrite + Unpin>(stream: &mut S, id: &str) -> Vec<Bytes> {
    let xml = format!(r#"<UniqueIdentifier type="TextString" value="{id}"/>"#);
    let payload = call(stream, RequestBatchItem::new(Operation::GET, payload(&xml))).await;
    let mut out = Vec::new();
    collect_bytes(&payload, &mut out);
    assert!(!out.is_empty(), "Get of {id} returned no key bytes");
    out
}

fn collect_bytes(item: &Ttlv, out: &mut Vec<Bytes>) {
    match &item.value {
        Value::ByteString(bytes) if bytes.len() >= 16 => out.push(bytes.clone()),
        Value::Structure(children) => children.iter().for_each(|c| collect_bytes(c, out)),
        _ => {}
    }
}

/// The forms in which `secret` might leak: raw, hex (both cases), base64;
/// for long ones (DER keys, whose inner integers a store could hold in
/// another encoding) also a 32-byte window from the middle, raw and hex.
fn needles(secret: &[u8]) -> Vec<(String, Vec<u8>)> {
    let b64 = base64::engine::general_purpose::STANDARD;
    let mut out = vec![
        ("raw".to_owned(), secret.to_vec()),
        ("hex".to_owned(), hex::encode(secret).into_bytes()),
        ("HEX".to_owned(), hex::encode_upper(secret).into_bytes()),
        ("base64".to_owned(), b64.encode(secret).into_bytes()),
        ("base64-no-pad".to_owned(), base64::engine::general_purpose::STANDARD_NO_PAD.encode(secret).into_bytes()),
    ];
    if secret.len() >= 96 {
        let middle = &secret[secret.len() / 2..secret.len() / 2 + 32];
        out.push(("middle raw".to_owned(), middle.to_vec()));
        out.push(("middle hex".to_owned(), hex::encode(middle).into_bytes()));
        out.push(("middle HEX".to_owned(), hex::encode_upper(middle).into_bytes()));
    }
    out
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Every regular file under `dir` with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut pending = vec![dir.to_owned()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).expect("read dir").flatten() {
            let path = entry.path();
            let kind = entry.file_type().expect("file type");
            if kind.is_dir() {
                pending.push(path);
            } else if kind.is_file() {
                out.insert(path.clone(), std::fs::read(&path).expect("read file"));
            }
        }
    }
    out
}

/// The files whose bytes differ between two snapshots (or that exist in
/// one only).
fn changed(before: &BTreeMap<PathBuf, Vec<u8>>, after: &BTreeMap<PathBuf, Vec<u8>>) -> Vec<String> {
    let mut out: Vec<String> = before
        .iter()
        .filter(|(path, bytes)| after.get(*path) != Some(*bytes))
        .map(|(path, _)| path.display().to_string())
        .collect();
    out.extend(after.keys().filter(|p| !before.contains_key(*p)).map(|p| format!("new: {}", p.display())));
    out
}

/// The places (file or log) where any form of any secret appears.
fn leaks(files: &BTreeMap<PathBuf, Vec<u8>>, log: &str, secrets: &[(String, Bytes)]) -> Vec<String> {
    let mut found = Vec::new();
    for (label, secret) in secrets {
        for (form, needle) in needles(secret) {
            for (path, bytes) in files {
                if contains(bytes, &needle) {
                    found.push(format!("{label} ({form}) in {}", path.display()));
                }
            }
            if contains(log.as_bytes(), &needle) {
                found.push(format!("{label} ({form}) in the log"));
            }
        }
    }
    found
}

#[tokio::test(flavor = "multi_thread")]
async fn no_key_bytes_reach_the_data_dir_or_the_log() {
    let dir = TempDir::new("plaintext");
    let keys = key_dir("plaintext-keys");
    let root = root_key_file(&keys, "root.key");
    let mut serving = serve_with_env(
        &dir,
        &["--root-key-file", root.to_str().expect("path")],
        &[("RUST_LOG", "debug"), ("KMS_CONFIG", "/dev/null")],
    );
    let connector = client(dir.path(), Some(Identity::admin(dir.path())), Versions::Both);
    let mut stream = connect(serving.info.kmip_addr, &connector).await.expect("connects");

    let mut secrets: Vec<(String, Bytes)> = Vec::new();
    for n in 0..3 {
        let key = random(32);
        let id = register_aes(&mut stream, &key).await;
        assert_eq!(get_secrets(&mut stream, &id).await, vec![Bytes::from(key.clone())]);
        secrets.push((format!("registered AES key {n}"), Bytes::from(key)));
        let id = create_aes(&mut stream).await;
        for bytes in get_secrets(&mut stream, &id).await {
            secrets.push((format!("created AES key {n}"), bytes));
        }
        let secret = random(40);
        let id = register_secret(&mut stream, &secret).await;
        assert_eq!(get_secrets(&mut stream, &id).await, vec![Bytes::from(secret.clone())]);
        secrets.push((format!("secret data {n}"), Bytes::from(secret)));
    }
    let pkcs8 = rcgen::KeyPair::generate().expect("EC key").serialize_der();
    let id = register_ec_private(&mut stream, &pkcs8).await;
    get_secrets(&mut stream, &id).await;
    secrets.push(("registered EC private key (PKCS#8)".to_owned(), Bytes::from(pkcs8)));
    let id = create_rsa_pair(&mut stream).await;
    for bytes in get_secrets(&mut stream, &id).await {
        secrets.push(("created RSA private key".to_owned(), bytes));
    }
    drop(stream);

    signal(serving.info.pid, "TERM");
    assert_eq!(wait_exit(&mut serving.child, Duration::from_secs(20)).code(), Some(0));
    let log: String = serving.stderr.try_iter().collect::<Vec<_>>().join("\n");
    assert!(log.contains("key hierarchy open") && log.contains("DEBUG"), "the log was captured: {log}");
    assert!(!dir.join("root.key").exists(), "no development root key with a key from outside");

    // The audit export, as an operator takes it, is searched with the log.
    let export = Command::new(env!("CARGO_BIN_EXE_kms"))
        .args(["audit", "export", "--data-dir", dir.path().to_str().expect("path")])
        .env("KMS_ROOT_KEY_FILE", &root)
        .env("KMS_CONFIG", "/dev/null")
        .output()
        .expect("kms audit export");
    assert!(export.status.success(), "{}", String::from_utf8_lossy(&export.stderr));
    let export = String::from_utf8(export.stdout).expect("UTF-8 export");
    assert!(export.lines().count() >= 20, "the export holds the operations: {export}");
    assert!(export.contains("\"operation\":\"Register\""), "{export}");

    let files = snapshot(dir.path());
    assert!(files.keys().any(|p| p.starts_with(dir.join("store"))), "the sled store's files are searched");
    let found = leaks(&files, &format!("{log}\n{export}"), &secrets);
    assert!(found.is_empty(), "key bytes found: {found:#?}");

    // The search finds what is there: a planted copy in each form is seen.
    let (label, secret) = &secrets[0];
    for (form, needle) in needles(secret) {
        let planted = BTreeMap::from([(dir.join("planted"), [b"x".as_slice(), &needle, b"y"].concat())]);
        assert!(!leaks(&planted, "", &secrets[..1]).is_empty(), "{label} planted as {form}");
    }
    assert!(!leaks(&BTreeMap::new(), &hex::encode(secret), &secrets[..1]).is_empty(), "found in a log too");
}

/// Creates `n` AES keys as the admin; their ids and bytes.
async fn create_some(server: &RunningServer, n: usize) -> Vec<(String, Bytes)> {
    let connector = client(server.data_dir(), Some(Identity::admin(server.data_dir())), Versions::Both);
    let mut stream = connect(server.kmip_addr(), &connector).await.expect("connects");
    let mut out = Vec::new();
    for _ in 0..n {
        let id = create_aes(&mut stream).await;
        let bytes = get_secrets(&mut stream, &id).await.remove(0);
        out.push((id, bytes));
    }
    out
}

#[tokio::test(flavor = "multi_thread")]
async fn the_wrong_root_key_refuses_to_start_and_writes_nothing() {
    let dir = TempDir::new("wrong-root");
    let keys = key_dir("wrong-root-keys");
    let right = root_key_file(&keys, "right.key");
    let wrong = root_key_file(&keys, "wrong.key");
    let server = start(&dir, |c| c.root_key_file = Some(right.clone())).await;
    let objects = create_some(&server, 3).await;
    server.shutdown().await.expect("shutdown");
    let before = snapshot(dir.path());

    // In process: the error names the problem.
    let mut config = crate::support::config(&dir);
    config.root_key_file = Some(wrong.clone());
    let result = kms::server::spawn(config).await;
    assert!(wrong_root_key(&result), "{result:?}");
    let message = result.expect_err("refused").to_string();
    assert!(message.contains("wrong root key") && message.contains("wrong.key"), "{message}");
    assert!(message.contains("nothing was written"), "{message}");
    assert_eq!(changed(&before, &snapshot(dir.path())), Vec::<String>::new(), "the data dir is unchanged");

    // The real binary exits 1 with the message, from a file or from
    // KMS_ROOT_KEY.
    let data_dir = dir.path().to_str().expect("path");
    let wrong_b64 = std::fs::read_to_string(&wrong).expect("key");
    for (flags, env) in [
        (vec!["--root-key-file", wrong.to_str().expect("path")], vec![]),
        (vec![], vec![("KMS_ROOT_KEY", wrong_b64.trim())]),
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_kms"))
            .args(["serve", "--data-dir", data_dir, "--kmip-addr", "127.0.0.1:0", "--http-addr", "127.0.0.1:0"])
            .args(&flags)
            .envs(env)
            .output()
            .expect("kms serve");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        assert!(stderr.contains("wrong root key"), "{stderr}");
        assert!(stderr.contains("check value"), "{stderr}");
        assert_eq!(changed(&before, &snapshot(dir.path())), Vec::<String>::new(), "the data dir is unchanged");
    }

    // The right key still opens everything.
    let server = start(&dir, |c| c.root_key_file = Some(right.clone())).await;
    let connector = client(dir.path(), Some(Identity::admin(dir.path())), Versions::Both);
    let mut stream = connect(server.kmip_addr(), &connector).await.expect("connects");
    for (id, bytes) in &objects {
        assert_eq!(&get_secrets(&mut stream, id).await[0], bytes);
    }
    drop(stream);
    server.shutdown().await.expect("shutdown");
}

/// Objects of several organisations: each with the identity that made it.
struct Made {
    identity: usize,
    id: String,
    bytes: Vec<u8>,
}

/// One identity per organisation (O, or OU only for the last), plus the
/// admin (O=kms development); two registered keys each.
async fn make_organisations(server: &RunningServer) -> (Vec<Identity>, Vec<Made>) {
    let dir = server.data_dir();
    let identities = vec![
        identity_in(dir, "red-app", Some("red"), None),
        identity_in(dir, "green-app", Some("green"), Some("ignored-unit")),
        identity_in(dir, "blue-app", Some("blue"), None),
        identity_in(dir, "amber-app", None, Some("amber")),
        Identity::admin(dir),
    ];
    let mut made = Vec::new();
    for (n, identity) in identities.iter().enumerate() {
        let connector = client(dir, Some(clone_identity(identity)), Versions::Both);
        let mut stream = connect(server.kmip_addr(), &connector).await.expect("connects");
        for _ in 0..2 {
            let bytes = random(32);
            let id = register_aes(&mut stream, &bytes).await;
            made.push(Made { identity: n, id, bytes });
        }
    }
    (identities, made)
}

fn clone_identity(identity: &Identity) -> Identity {
    Identity { chain: identity.chain.clone(), key: identity.key.clone_key() }
}

/// Every object reads back with its own identity.
async fn read_all(server: &RunningServer, identities: &[Identity], made: &[Made]) {
    for (n, identity) in identities.iter().enumerate() {
        let connector = client(server.data_dir(), Some(clone_identity(identity)), Versions::Both);
        let mut stream = connect(server.kmip_addr(), &connector).await.expect("connects");
        for object in made.iter().filter(|m| m.identity == n) {
            assert_eq!(get_secrets(&mut stream, &object.id).await, vec![Bytes::from(object.bytes.clone())]);
        }
    }
}

/// The start was refused for the wrong root key (by the check file before
/// the store is opened, or by an organisation key).
fn wrong_root_key<T>(result: &Result<T, ServerError>) -> bool {
    matches!(result, Err(ServerError::Keys(KeyError::WrongRootKey { .. } | KeyError::WrongRootKeyForDataDir { .. })))
}

async fn start_with(dir: &TempDir, key: &Path) -> Result<RunningServer, ServerError> {
    let mut config = crate::support::config(dir);
    config.root_key_file = Some(key.to_owned());
    kms::server::spawn(config).await
}

#[test]
fn organisations_come_from_the_certificate_subject() {
    let dir = TempDir::new("org-subject");
    kms::pki::init(dir.path(), true).expect("init");
    let organisation =
        |identity: &Identity| kms::server::tls::client_identity(&identity.chain[0]).expect("identity").organisation;
    assert_eq!(organisation(&identity_in(dir.path(), "a", Some("red"), Some("unit"))).as_deref(), Some("red"));
    assert_eq!(organisation(&identity_in(dir.path(), "b", None, Some("amber"))).as_deref(), Some("amber"));
    assert_eq!(organisation(&identity_in(dir.path(), "c", None, None)), None);
}

#[tokio::test(flavor = "multi_thread")]
async fn an_interrupted_rotation_leaves_every_object_readable_with_the_old_or_the_new_key() {
    let dir = TempDir::new("rotate-crash");
    let keys = key_dir("rotate-crash-keys");
    let old = root_key_file(&keys, "old.key");
    let new = root_key_file(&keys, "new.key");
    let server = start_with(&dir, &old).await.expect("starts");
    let (identities, made) = make_organisations(&server).await;
    server.shutdown().await.expect("shutdown");

    // Rotation stops after two of the five organisation keys, as a crash
    // would: nothing is cleaned up.
    {
        let crypto: Arc<dyn CryptoEngine> = Arc::new(SoftwareEngine::new());
        let store = SledStore::open(&dir.join("store")).expect("store");
        let roots = RootKeys::global(RootKeySource::File(old.clone()).load(crypto.clone()).expect("old"));
        let check_file = dir.join(kms::keys::CHECK_FILE);
        let hierarchy =
            KeyHierarchy::open_with_check_file(&store, crypto.clone(), roots, &check_file).await.expect("opens");
        assert_eq!(hierarchy.organisation_keys(), 5);
        let new_key = RootKeySource::File(new.clone()).load(crypto).expect("new");
        let err = hierarchy.rotate_root_until(&store, new_key, 2).await.expect_err("interrupted");
        assert!(matches!(err, KeyError::Interrupted(2)), "{err}");
    }

    // Either key reads every object, as each organisation key records.
    for key in [&old, &new] {
        let server = start_with(&dir, key).await.expect("starts with the old or the new key");
        read_all(&server, &identities, &made).await;
        server.shutdown().await.expect("shutdown");
    }
    let other = root_key_file(&keys, "other.key");
    assert!(wrong_root_key(&start_with(&dir, &other).await));

    // `kms rotate-root` with no server running finishes it.
    let out = Command::new(env!("CARGO_BIN_EXE_kms"))
        .args(["rotate-root", "--data-dir", dir.path().to_str().expect("path"), "--json"])
        .args(["--root-key-file", old.to_str().expect("path"), "--new-key-file", new.to_str().expect("path")])
        .output()
        .expect("kms rotate-root");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    // The three organisation keys left, and the server's two service keys
    // (the audit chain's and the backups').
    assert_eq!(report["rewrapped"], 3 + 2, "{report}");
    assert_eq!(report["already_rotated"], 2, "{report}");

    let server = start_with(&dir, &new).await.expect("starts with the new key");
    read_all(&server, &identities, &made).await;
    server.shutdown().await.expect("shutdown");
    let err = start_with(&dir, &old).await.expect_err("the old key is retired");
    assert!(err.to_string().contains("wrong root key"), "{err}");
}

#[tokio::test(flavor = "multi_thread")]
async fn rotate_root_through_the_admin_socket_while_serving() {
    let dir = TempDir::new("rotate-online");
    let keys = key_dir("rotate-online-keys");
    let old = root_key_file(&keys, "old.key");
    let new = root_key_file(&keys, "new.key");
    let server = start_with(&dir, &old).await.expect("starts");
    let (identities, mut made) = make_organisations(&server).await;
    let connector = client(dir.path(), Some(Identity::admin(dir.path())), Versions::Both);
    let mut stream = connect(server.kmip_addr(), &connector).await.expect("connects");

    let data_dir = dir.path().to_str().expect("path").to_owned();
    let new_file = new.to_str().expect("path").to_owned();
    let out = tokio::task::spawn_blocking(move || {
        Command::new(env!("CARGO_BIN_EXE_kms"))
            .args(["rotate-root", "--data-dir", &data_dir, "--new-key-file", &new_file])
            .output()
            .expect("kms rotate-root")
    })
    .await
    .expect("task");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // Five organisation keys and the two service keys (audit, backup).
    assert!(stdout.contains("re-wrapped     7"), "{stdout}");

    // The server kept serving: the open connection reads and writes, and
    // a key for a new organisation is made under the new root key.
    for object in made.iter().filter(|m| m.identity == 4) {
        assert_eq!(get_secrets(&mut stream, &object.id).await, vec![Bytes::from(object.bytes.clone())]);
    }
    let bytes = random(32);
    made.push(Made { identity: 4, id: register_aes(&mut stream, &bytes).await, bytes });
    let violet = identity_in(dir.path(), "violet-app", Some("violet"), None);
    let mut violet_stream =
        connect(server.kmip_addr(), &client(dir.path(), Some(clone_identity(&violet)), Versions::Both))
            .await
            .expect("connects");
    let bytes = random(32);
    made.push(Made { identity: 5, id: register_aes(&mut violet_stream, &bytes).await, bytes });
    drop((stream, violet_stream));
    server.shutdown().await.expect("shutdown");

    let mut identities = identities;
    identities.push(violet);
    let server = start_with(&dir, &new).await.expect("starts with the new key");
    read_all(&server, &identities, &made).await;
    server.shutdown().await.expect("shutdown");
    assert!(wrong_root_key(&start_with(&dir, &old).await));
}

#[tokio::test(flavor = "multi_thread")]
async fn organisations_made_while_a_rotation_runs_end_up_under_the_new_key() {
    let dir = TempDir::new("rotate-busy");
    let keys = key_dir("rotate-busy-keys");
    let old = root_key_file(&keys, "old.key");
    let new = root_key_file(&keys, "new.key");
    let server = start_with(&dir, &old).await.expect("starts");
    let mut identities = Vec::new();
    let mut made = Vec::new();
    for n in 0..12 {
        let identity = identity_in(dir.path(), &format!("app-{n}"), Some(&format!("early-{n}")), None);
        let connector = client(dir.path(), Some(clone_identity(&identity)), Versions::Both);
        let mut stream = connect(server.kmip_addr(), &connector).await.expect("connects");
        let bytes = random(32);
        made.push(Made { identity: identities.len(), id: register_aes(&mut stream, &bytes).await, bytes });
        identities.push(identity);
    }

    // Writers keep making organisations (each a new organisation key)
    // while the rotation runs through the admin socket.
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let mut writers = Vec::new();
    for writer in 0..3 {
        let stop = stop.clone();
        let data_dir = dir.path().to_owned();
        let addr = server.kmip_addr();
        writers.push(tokio::spawn(async move {
            let mut out = Vec::new();
            let mut n = 0;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) || n < 2 {
                let identity =
                    identity_in(&data_dir, &format!("late-{writer}-{n}"), Some(&format!("late-{writer}-{n}")), None);
                let connector = client(&data_dir, Some(clone_identity(&identity)), Versions::Both);
                let mut stream = connect(addr, &connector).await.expect("connects");
                let bytes = random(32);
                let id = register_aes(&mut stream, &bytes).await;
                out.push((identity, id, bytes));
                n += 1;
            }
            out
        }));
    }
    let data_dir = dir.path().to_str().expect("path").to_owned();
    let new_file = new.to_str().expect("path").to_owned();
    let out = tokio::task::spawn_blocking(move || {
        Command::new(env!("CARGO_BIN_EXE_kms"))
            .args(["rotate-root", "--data-dir", &data_dir, "--new-key-file", &new_file, "--json"])
            .output()
            .expect("kms rotate-root")
    })
    .await
    .expect("task");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    for writer in writers {
        for (identity, id, bytes) in writer.await.expect("writer") {
            made.push(Made { identity: identities.len(), id, bytes });
            identities.push(identity);
        }
    }
    server.shutdown().await.expect("shutdown");

    let server = start_with(&dir, &new).await.expect("starts with the new key");
    read_all(&server, &identities, &made).await;
    server.shutdown().await.expect("shutdown");
    assert!(wrong_root_key(&start_with(&dir, &old).await), "no organisation key is left under the old key");
}

/// How long after the rotation starts its server is killed.
const KILL_AFTER_MS: u64 = 20;

#[tokio::test(flavor = "multi_thread")]
async fn kill_9_during_a_rotation_then_every_object_reads_back_and_the_rotation_finishes() {
    let dir = TempDir::new("rotate-kill");
    let keys = key_dir("rotate-kill-keys");
    let old = root_key_file(&keys, "old.key");
    let new = root_key_file(&keys, "new.key");
    let mut serving = crate::support::serve(&dir, &["--root-key-file", old.to_str().expect("path")]);
    let mut identities = Vec::new();
    let mut made = Vec::new();
    for n in 0..40 {
        let identity = identity_in(dir.path(), &format!("app-{n}"), Some(&format!("org-{n}")), None);
        let connector = client(dir.path(), Some(clone_identity(&identity)), Versions::Both);
        let mut stream = connect(serving.info.kmip_addr, &connector).await.expect("connects");
        let bytes = random(32);
        made.push(Made { identity: identities.len(), id: register_aes(&mut stream, &bytes).await, bytes });
        identities.push(identity);
    }

    // The rotation notes the new key in the check file before it re-wraps
    // anything: the server is killed as soon as that shows.
    let check_file = dir.join(kms::keys::CHECK_FILE);
    let mut rotation = Command::new(env!("CARGO_BIN_EXE_kms"))
        .args(["rotate-root", "--data-dir", dir.path().to_str().expect("path")])
        .args(["--new-key-file", new.to_str().expect("path")])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("kms rotate-root");
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    loop {
        let text = std::fs::read_to_string(&check_file).unwrap_or_default();
        let listed = serde_json::from_str::<serde_json::Value>(&text)
            .ok()
            .and_then(|v| v["root_key_check_values"].as_array().map(Vec::len));
        if listed == Some(2) {
            break; // the old key and the new one
        }
        assert!(std::time::Instant::now() < deadline, "the rotation did not start: {text}");
        std::thread::sleep(Duration::from_millis(1));
    }
    // Each re-wrap is one durable commit: a few milliseconds in, some are
    // done and some are not.
    std::thread::sleep(Duration::from_millis(KILL_AFTER_MS));
    signal(serving.info.pid, "KILL");
    wait_exit(&mut serving.child, Duration::from_secs(20));
    let _ = wait_exit(&mut rotation, Duration::from_secs(20));

    // Whichever key the records need: the old one (with the new one read
    // from the file the rotation recorded) or, had it finished, the new.
    let (server, with) = match start_with(&dir, &old).await {
        Ok(server) => (server, "old"),
        Err(e) => {
            assert!(wrong_root_key(&Err::<(), _>(e)), "only a finished rotation retires the old key");
            (start_with(&dir, &new).await.expect("starts with the new key"), "new")
        }
    };
    read_all(&server, &identities, &made).await;
    server.shutdown().await.expect("shutdown");
    if with == "old" {
        // Half-way, the new key reads everything too (the old one from the
        // file the rotation recorded).
        let server = start_with(&dir, &new).await.expect("starts with the new key half-way");
        read_all(&server, &identities, &made).await;
        server.shutdown().await.expect("shutdown");
    }
    eprintln!("rotate-kill: read every object with the {with} key after kill -9");

    let out = Command::new(env!("CARGO_BIN_EXE_kms"))
        .args(["rotate-root", "--data-dir", dir.path().to_str().expect("path"), "--json"])
        .args(["--root-key-file", if with == "old" { old.to_str() } else { new.to_str() }.expect("path")])
        .args(["--new-key-file", new.to_str().expect("path")])
        .output()
        .expect("kms rotate-root");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    eprintln!("rotate-kill: the second run {report}");
    // 40 organisation keys and the two service keys (audit, backup).
    assert_eq!(report["rewrapped"].as_u64().zip(report["already_rotated"].as_u64()).map(|(a, b)| a + b), Some(42));
    let server = start_with(&dir, &new).await.expect("starts with the new key");
    read_all(&server, &identities, &made).await;
    server.shutdown().await.expect("shutdown");
    assert!(wrong_root_key(&start_with(&dir, &old).await));
}
