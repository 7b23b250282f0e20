//! Starting and stopping: server.json and admin.sock, the status command,
//! graceful shutdown (in-process and by SIGTERM on the real binary), the
//! bind policy for the development root key, settings reaching the
//! operations.

use std::net::SocketAddr;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use kmip_ttlv::enums::{Operation, ResultReason, ResultStatus};
use kmip_ttlv::model::{RequestBatchItem, RequestHeader, RequestMessage};
use kmip_ttlv::{ProtocolVersion, Tag, Ttlv, Value, wire};
use kms::admin::{self, AdminError};
use kms::ops::RngSeedMode;
use kms::server::ServerError;
use serde_json::json;
use tokio::io::AsyncWriteExt;

use crate::support::{
    TempDir, admin_connection, closed_within, config, discover_versions, exchange, mode, read_response, serve, signal,
    start, wait_exit,
};

async fn admin_request(dir: &Path, request: serde_json::Value) -> Result<serde_json::Value, AdminError> {
    let dir = dir.to_owned();
    tokio::task::spawn_blocking(move || admin::request(&dir, &request)).await.expect("task")
}

#[tokio::test(flavor = "multi_thread")]
async fn server_json_and_admin_socket_while_serving_and_gone_after_shutdown() {
    let dir = TempDir::new("files");
    let server = start(&dir, |_| {}).await;
    assert_ne!(server.kmip_addr().port(), 0, "the real port");

    let info = admin::server_info(dir.path()).expect("readable").expect("server.json");
    assert_eq!(info.pid, std::process::id());
    assert_eq!(info.kmip_addr, server.kmip_addr());
    assert_eq!(info.http_addr, server.http_addr(), "the HTTP listener's real port");
    assert_ne!(info.http_addr.port(), 0);
    assert!(info.started_at > 1_600_000_000);
    assert_eq!(mode(&dir.join("admin.sock")), 0o600);
    assert_eq!(admin::running_server(dir.path()), Some(info.clone()));

    let mut stream = admin_connection(&server).await;
    exchange(&mut stream, &discover_versions(ProtocolVersion::V2_1)).await;
    let status = admin_request(dir.path(), json!({"command": "status"})).await.expect("status");
    assert_eq!(status["pid"], std::process::id());
    assert_eq!(status["kmip_addr"], server.kmip_addr().to_string());
    assert_eq!(status["http_addr"], server.http_addr().to_string());
    assert_eq!(status["http_open_connections"], 0);
    assert_eq!(status["open_connections"], 1);
    assert_eq!(status["max_connections"], 10_000);
    assert_eq!(status["records"], 0);
    assert!(status["uptime_seconds"].is_u64());

    let refused = admin_request(dir.path(), json!({"command": "frobnicate"})).await;
    assert!(matches!(&refused, Err(AdminError::Refused(m)) if m.contains("unknown command")), "{refused:?}");

    // The connection open at shutdown is closed; both files go.
    server.shutdown().await.expect("shutdown");
    assert!(closed_within(&mut stream, Duration::from_secs(5)).await);
    assert!(!dir.join("server.json").exists());
    assert!(!dir.join("admin.sock").exists());
    assert!(matches!(admin_request(dir.path(), json!({"command": "status"})).await, Err(AdminError::NotRunning(_))));
    assert_eq!(admin::running_server(dir.path()), None);
}

#[tokio::test(flavor = "multi_thread")]
async fn shutdown_finishes_the_request_in_flight() {
    let dir = TempDir::new("in-flight");
    let server = start(&dir, |_| {}).await;
    let mut stream = admin_connection(&server).await;
    let request = discover_versions(ProtocolVersion::V2_1);
    stream.write_all(&request[..24]).await.expect("write");
    stream.flush().await.expect("flush");
    tokio::time::sleep(Duration::from_millis(200)).await;
    let handle = server.shutdown_handle();
    let stopping = tokio::spawn(server.wait());
    handle.shutdown();
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(!stopping.is_finished(), "waits for the request in flight");
    stream.write_all(&request[24..]).await.expect("write the rest");
    let response = read_response(&mut stream).await.expect("read").expect("the request in flight is answered");
    assert_eq!(response.header.protocol_version, ProtocolVersion::V2_1);
    assert!(closed_within(&mut stream, Duration::from_secs(5)).await, "then the connection closes");
    tokio::time::timeout(Duration::from_secs(10), stopping).await.expect("stops").expect("task").expect("clean");
    assert!(!dir.join("server.json").exists());
}

#[tokio::test(flavor = "multi_thread")]
async fn the_crypto_settings_reach_the_operations() {
    let dir = TempDir::new("rng-seed-deny");
    let server = start(&dir, |c| c.crypto.rng_seed.mode = RngSeedMode::Deny).await;
    let mut stream = admin_connection(&server).await;
    let payload =
        Ttlv::structure(Tag::REQUEST_PAYLOAD, vec![Ttlv::new(Tag::DATA, Value::ByteString(vec![7; 32].into()))]);
    let item = RequestBatchItem::new(Operation::RNG_SEED, payload);
    let request = RequestMessage::new(RequestHeader::new(ProtocolVersion::V2_1, 1), vec![item]);
    let response = exchange(&mut stream, &wire::to_vec(&request.to_ttlv()).expect("encodes")).await;
    let item = &response.batch_items[0];
    assert_eq!(item.result_status, ResultStatus::OPERATION_FAILED, "{item:?}");
    assert_eq!(item.result_reason, Some(ResultReason::PERMISSION_DENIED), "{item:?}");
    server.shutdown().await.expect("shutdown");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_second_server_on_the_same_data_dir_is_refused_and_a_restart_works() {
    let dir = TempDir::new("twice");
    let server = start(&dir, |_| {}).await;
    let second = kms::server::spawn(config(&dir)).await;
    assert!(matches!(second, Err(ServerError::AlreadyRunning { .. })), "{second:?}");
    server.shutdown().await.expect("shutdown");

    // The store is released: the same data dir starts again, keeping its PKI.
    let ca = std::fs::read(dir.join("certs/ca.pem")).expect("ca");
    let server = start(&dir, |_| {}).await;
    assert_eq!(std::fs::read(dir.join("certs/ca.pem")).expect("ca"), ca);
    let mut stream = admin_connection(&server).await;
    exchange(&mut stream, &discover_versions(ProtocolVersion::V1_0)).await;
    server.shutdown().await.expect("shutdown");
}

#[tokio::test(flavor = "multi_thread")]
async fn stale_files_of_a_crashed_server_are_replaced() {
    let dir = TempDir::new("stale");
    kms::pki::init(dir.path(), true).expect("init");
    std::fs::write(dir.join("server.json"), b"{\"pid\": 1}").expect("stale json");
    drop(std::os::unix::net::UnixListener::bind(dir.join("admin.sock")).expect("stale socket"));
    let server = start(&dir, |_| {}).await;
    assert_eq!(admin::server_info(dir.path()).expect("json").expect("present").pid, std::process::id());
    admin_request(dir.path(), json!({"command": "status"})).await.expect("status");
    server.shutdown().await.expect("shutdown");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_non_loopback_address_with_the_development_root_key_is_refused() {
    let dir = TempDir::new("exposed");
    let mut exposed = config(&dir);
    exposed.kmip_addr = "0.0.0.0:0".parse().expect("addr");
    let err = kms::server::spawn(exposed.clone()).await.expect_err("refused");
    let message = err.to_string();
    assert!(matches!(err, ServerError::DevelopmentRootKey { .. }), "{message}");
    assert!(message.contains("0.0.0.0:0"), "{message}");
    assert!(message.contains("root key from outside the data dir"), "{message}");
    assert!(!dir.path().exists(), "nothing was created");

    let mut http_exposed = config(&dir);
    http_exposed.http_addr = "[::]:8443".parse().expect("addr");
    assert!(matches!(kms::server::check_bind_policy(&http_exposed), Err(ServerError::DevelopmentRootKey { .. })));

    // A root key inside the data dir is still the development one...
    exposed.root_key_file = Some(dir.join("keys/root.key"));
    assert!(kms::server::check_bind_policy(&exposed).is_err());
    // ...one from outside it is allowed.
    let keys = TempDir::new("exposed-keys");
    exposed.root_key_file = Some(keys.join("root.key"));
    kms::server::check_bind_policy(&exposed).expect("allowed");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_root_key_from_outside_the_data_dir_is_used_and_none_is_generated() {
    let dir = TempDir::new("outside-key");
    let keys = TempDir::new("outside-key-file");
    std::fs::create_dir_all(keys.path()).expect("dir");
    kms::config::RootKey::from_bytes([9; 32]).write_new(&keys.join("root.key")).expect("key");
    let server = start(&dir, |c| c.root_key_file = Some(keys.join("root.key"))).await;
    assert!(!dir.join("root.key").exists());
    server.shutdown().await.expect("shutdown");

    // A malformed one stops the start with its name.
    std::fs::write(keys.join("bad.key"), b"not base64!").expect("write");
    let mut bad = config(&dir);
    bad.root_key_file = Some(keys.join("bad.key"));
    let err = kms::server::spawn(bad).await.expect_err("refused");
    assert!(err.to_string().contains("bad.key"), "{err}");
}

// ---- the real binary ----

#[tokio::test(flavor = "multi_thread")]
async fn sigterm_stops_the_real_binary_cleanly() {
    let dir = TempDir::new("sigterm");
    let mut serving = serve(&dir, &[]);
    let first_start = serving.startup_output();
    assert!(first_start.contains("development PKI in"), "{first_start}");
    assert!(first_start.contains("WARNING: this is a DEVELOPMENT setup"), "{first_start}");
    assert_eq!(serving.info.pid, serving.child.id());

    // A real exchange, and `kms status` through the admin socket.
    let connector = crate::support::client(
        dir.path(),
        Some(crate::support::Identity::admin(dir.path())),
        crate::support::Versions::Both,
    );
    let mut stream = crate::support::connect(serving.info.kmip_addr, &connector).await.expect("connects");
    exchange(&mut stream, &discover_versions(ProtocolVersion::V2_1)).await;
    let status = Command::new(env!("CARGO_BIN_EXE_kms"))
        .args(["status", "--data-dir", dir.path().to_str().expect("path")])
        .output()
        .expect("kms status");
    let text = String::from_utf8_lossy(&status.stdout);
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
    assert!(text.contains(&format!("pid {}", serving.info.pid)), "{text}");
    assert!(text.contains(&serving.info.kmip_addr.to_string()), "{text}");
    assert!(text.contains("1 open"), "{text}");

    signal(serving.info.pid, "TERM");
    let exit = wait_exit(&mut serving.child, Duration::from_secs(20));
    assert_eq!(exit.code(), Some(0), "exit 0 after SIGTERM");
    assert!(closed_within(&mut stream, Duration::from_secs(5)).await);
    assert!(!dir.join("server.json").exists());
    assert!(!dir.join("admin.sock").exists());

    let after = Command::new(env!("CARGO_BIN_EXE_kms"))
        .args(["status", "--data-dir", dir.path().to_str().expect("path")])
        .output()
        .expect("kms status");
    assert_eq!(after.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&after.stderr).contains("no server is running"));
}

#[tokio::test(flavor = "multi_thread")]
async fn sigint_stops_it_too_and_a_second_start_reuses_the_data_dir() {
    let dir = TempDir::new("sigint");
    let mut serving = serve(&dir, &[]);
    signal(serving.info.pid, "INT");
    assert_eq!(wait_exit(&mut serving.child, Duration::from_secs(20)).code(), Some(0));
    assert!(!dir.join("server.json").exists());

    let mut again = serve(&dir, &["--http-addr", "127.0.0.1:18443"]);
    let output = again.startup_output();
    assert!(output.contains("serving KMIP on"), "{output}");
    assert!(!output.contains("development PKI in"), "the PKI is made once: {output}");
    assert_eq!(again.info.http_addr, "127.0.0.1:18443".parse::<SocketAddr>().expect("addr"));
    signal(again.info.pid, "TERM");
    assert_eq!(wait_exit(&mut again.child, Duration::from_secs(20)).code(), Some(0));
}

#[test]
fn the_binary_refuses_a_non_loopback_address_with_the_development_root_key() {
    let dir = TempDir::new("exposed-bin");
    let out = Command::new(env!("CARGO_BIN_EXE_kms"))
        .args(["serve", "--data-dir", dir.path().to_str().expect("path"), "--kmip-addr", "0.0.0.0:5696"])
        .output()
        .expect("kms serve");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("refusing to listen on 0.0.0.0:5696"), "{stderr}");
    assert!(stderr.contains("root key from outside the data dir"), "{stderr}");
    assert!(!dir.path().exists(), "nothing was created");

    // The environment variable counts like the flag.
    let out = Command::new(env!("CARGO_BIN_EXE_kms"))
        .args(["serve", "--data-dir", dir.path().to_str().expect("path")])
        .env("KMS_KMIP_ADDR", "0.0.0.0:5696")
        .output()
        .expect("kms serve");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("refusing to listen"));
}
