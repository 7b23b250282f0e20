//! The HTTPS side listener of a real server (`kms::server::spawn` on
//! 127.0.0.1:0, sled store, the development PKI) through a real TLS client
//! (tokio-rustls) speaking HTTP/1.1 or HTTP/2 with hyper's client.

use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::{HeaderMap, Request, StatusCode};
use hyper_util::rt::{TokioExecutor, TokioIo};
use kmip_ttlv::enums::{Operation, ResultStatus};
use kmip_ttlv::model::{RequestBatchItem, RequestHeader, RequestMessage, ResponseMessage};
use kmip_ttlv::wire::{self, Limits};
use kmip_ttlv::{ProtocolVersion, Tag, json, xml};
use kms::audit::Entry;
use kms::server::RunningServer;
use rustls::pki_types::ServerName;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::support::{
    Identity, TempDir, Versions, admin_connection, client_with_alpn, discover_versions, exchange, payload, start,
};

/// An HTTP client connection (HTTP/1.1 or HTTP/2) over TLS.
enum Client {
    H1(hyper::client::conn::http1::SendRequest<Full<Bytes>>),
    H2(hyper::client::conn::http2::SendRequest<Full<Bytes>>),
}

/// A reply: status, headers, body.
struct Reply {
    status: StatusCode,
    headers: HeaderMap,
    body: Bytes,
}

impl Reply {
    fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| panic!("JSON body ({e}): {:?}", self.body))
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    fn content_type(&self) -> &str {
        self.headers.get("content-type").and_then(|v| v.to_str().ok()).unwrap_or_default()
    }

    /// Asserts a JSON error in the shape Infisical's clients read.
    fn assert_error(&self, status: StatusCode, name: &str) {
        assert_eq!(self.status, status, "{}", self.text());
        assert!(self.content_type().starts_with("application/json"), "{}", self.content_type());
        let body = self.json();
        assert_eq!(body["statusCode"], status.as_u16());
        assert_eq!(body["error"], name);
        assert!(body["message"].as_str().is_some_and(|m| !m.is_empty()), "{body}");
        assert!(body["reqId"].as_str().is_some_and(|id| id.starts_with("req-")), "{body}");
    }
}

impl Client {
    /// Connects to the side listener over TLS, with `identity` (or no
    /// client certificate), offering HTTP/2 by ALPN when `h2`.
    async fn connect(server: &RunningServer, identity: Option<Identity>, h2: bool) -> Client {
        let alpn: &[&[u8]] = if h2 { &[b"h2"] } else { &[b"http/1.1"] };
        let connector = client_with_alpn(server.data_dir(), identity, Versions::Both, alpn);
        let tcp = TcpStream::connect(server.http_addr()).await.expect("connects");
        let tls = connector.connect(ServerName::try_from("localhost").expect("name"), tcp).await.expect("handshake");
        let negotiated = tls.get_ref().1.alpn_protocol().map(<[u8]>::to_vec);
        let io = TokioIo::new(tls);
        if h2 {
            assert_eq!(negotiated.as_deref(), Some(&b"h2"[..]), "the server agrees to HTTP/2");
            let (sender, connection) =
                hyper::client::conn::http2::handshake(TokioExecutor::new(), io).await.expect("HTTP/2 handshake");
            tokio::spawn(connection);
            Client::H2(sender)
        } else {
            let (sender, connection) = hyper::client::conn::http1::handshake(io).await.expect("HTTP/1.1 handshake");
            tokio::spawn(connection);
            Client::H1(sender)
        }
    }

    async fn send(&mut self, method: &str, path: &str, content_type: Option<&str>, body: Vec<u8>) -> Reply {
        let uri = match self {
            Client::H1(_) => path.to_owned(),
            Client::H2(_) => format!("https://localhost{path}"),
        };
        let mut request = Request::builder().method(method).uri(uri).header("host", "localhost");
        if let Some(content_type) = content_type {
            request = request.header("content-type", content_type);
        }
        let request = request.body(Full::new(Bytes::from(body))).expect("request");
        let response = tokio::time::timeout(Duration::from_secs(10), async {
            match self {
                Client::H1(sender) => {
                    sender.ready().await?;
                    sender.send_request(request).await
                }
                Client::H2(sender) => {
                    sender.ready().await?;
                    sender.send_request(request).await
                }
            }
        })
        .await
        .expect("an answer in time")
        .expect("a response");
        let (parts, body) = response.into_parts();
        let body = body.collect().await.expect("body").to_bytes();
        Reply { status: parts.status, headers: parts.headers, body }
    }

    async fn get(&mut self, path: &str) -> Reply {
        self.send("GET", path, None, Vec::new()).await
    }
}

/// A Create of an AES-256 key (KMIP 2.1).
fn create_request() -> RequestMessage {
    let create = RequestBatchItem::new(
        Operation::CREATE,
        payload(
            r#"<ObjectType type="Enumeration" value="SymmetricKey"/><Attributes>
               <CryptographicAlgorithm type="Enumeration" value="AES"/><CryptographicLength type="Integer" value="256"/>
               </Attributes>"#,
        ),
    );
    RequestMessage::new(RequestHeader::new(ProtocolVersion::V2_1, 0), vec![create])
}

fn single_success(response: &ResponseMessage, operation: Operation) -> String {
    assert_eq!(response.batch_items.len(), 1);
    let item = &response.batch_items[0];
    assert_eq!(item.operation, Some(operation));
    assert_eq!(item.result_status, ResultStatus::SUCCESS, "{:?}", item.result_message);
    let payload = item.response_payload.as_ref();
    payload.and_then(|p| p.child(Tag::UNIQUE_IDENTIFIER)).and_then(|id| id.value.as_text()).unwrap_or("").to_owned()
}

/// The value of the metric line starting with `name` (labels included).
fn metric(text: &str, name: &str) -> Option<f64> {
    text.lines().find_map(|line| line.strip_prefix(name)?.strip_prefix(' ')?.parse().ok())
}

#[tokio::test(flavor = "multi_thread")]
async fn status_and_metrics_without_authentication_and_counts_that_move() {
    let dir = TempDir::new("http-metrics");
    let server = start(&dir, |_| {}).await;
    assert_ne!(server.http_addr().port(), 0, "the real port");
    let mut http = Client::connect(&server, None, false).await;

    let status = http.get("/api/status").await;
    assert_eq!(status.status, StatusCode::OK);
    assert!(status.content_type().starts_with("application/json"));
    assert_eq!(status.json()["message"], "Ok");
    assert_eq!(http.get("/api/status/").await.status, StatusCode::OK, "a trailing slash is accepted");

    let before = http.get("/metrics").await;
    assert_eq!(before.status, StatusCode::OK);
    assert!(before.content_type().starts_with("text/plain; version=0.0.4"), "{}", before.content_type());
    let text = before.text();
    assert_eq!(metric(&text, "kms_open_connections{listener=\"http\"}"), Some(1.0), "{text}");
    assert_eq!(metric(&text, "kms_open_connections{listener=\"kmip\"}"), Some(0.0), "{text}");
    assert_eq!(metric(&text, "kms_store_objects"), Some(0.0), "{text}");
    let chain_before = metric(&text, "kms_audit_chain_length").expect("chain length");
    let create = "kms_kmip_operations_total{operation=\"Create\",result=\"Success\"}";
    assert_eq!(metric(&text, create), None, "{text}");

    // Traffic on the KMIP port moves the counters.
    let mut kmip = admin_connection(&server).await;
    exchange(&mut kmip, &discover_versions(ProtocolVersion::V2_1)).await;
    let bytes = wire::to_vec(&create_request().to_ttlv()).expect("encodes");
    single_success(&exchange(&mut kmip, &bytes).await, Operation::CREATE);
    let missing = RequestBatchItem::new(
        Operation::GET,
        payload(r#"<UniqueIdentifier type="TextString" value="no-such-object"/>"#),
    );
    let missing = RequestMessage::new(RequestHeader::new(ProtocolVersion::V2_1, 0), vec![missing]);
    exchange(&mut kmip, &wire::to_vec(&missing.to_ttlv()).expect("encodes")).await;

    let text = http.get("/metrics").await.text();
    assert_eq!(metric(&text, create), Some(1.0), "{text}");
    assert_eq!(
        metric(&text, "kms_kmip_operations_total{operation=\"DiscoverVersions\",result=\"Success\"}"),
        Some(1.0)
    );
    assert_eq!(metric(&text, "kms_kmip_operations_total{operation=\"Get\",result=\"ObjectNotFound\"}"), Some(1.0));
    assert_eq!(metric(&text, "kms_kmip_operation_duration_seconds_count{operation=\"Create\"}"), Some(1.0));
    assert_eq!(
        metric(&text, "kms_kmip_operation_duration_seconds_bucket{operation=\"Create\",le=\"+Inf\"}"),
        Some(1.0)
    );
    assert!(metric(&text, "kms_kmip_operation_duration_seconds_sum{operation=\"Create\"}").is_some_and(|s| s > 0.0));
    assert_eq!(metric(&text, "kms_open_connections{listener=\"kmip\"}"), Some(1.0), "{text}");
    assert_eq!(metric(&text, "kms_store_objects"), Some(1.0), "{text}");
    assert!(metric(&text, "kms_store_size_bytes").is_some_and(|bytes| bytes > 0.0), "{text}");
    let chain_after = metric(&text, "kms_audit_chain_length").expect("chain length");
    assert!(chain_after > chain_before, "the Create's audit entry: {chain_before} -> {chain_after}");

    // Errors are JSON.
    http.get("/nowhere").await.assert_error(StatusCode::NOT_FOUND, "NotFound");
    http.send("DELETE", "/metrics", None, Vec::new())
        .await
        .assert_error(StatusCode::METHOD_NOT_ALLOWED, "MethodNotAllowed");
    http.get("/kmip").await.assert_error(StatusCode::METHOD_NOT_ALLOWED, "MethodNotAllowed");

    // The admin status counts the HTTP connection.
    let data_dir = dir.path().to_owned();
    let status = tokio::task::spawn_blocking(move || {
        kms::admin::request(&data_dir, &serde_json::json!({"command": "status"})).expect("status")
    })
    .await
    .expect("task");
    assert_eq!(status["http_open_connections"], 1, "{status}");

    // Shutdown closes the idle HTTP connection too.
    tokio::time::timeout(Duration::from_secs(20), server.shutdown()).await.expect("in time").expect("shutdown");
}

#[tokio::test(flavor = "multi_thread")]
async fn post_kmip_in_ttlv_json_and_xml_over_http1_and_http2_audited_as_http() {
    let dir = TempDir::new("http-kmip");
    let server = start(&dir, |_| {}).await;
    let admin = || Some(Identity::admin(server.data_dir()));

    // Binary TTLV over HTTP/1.1.
    let mut h1 = Client::connect(&server, admin(), false).await;
    let bytes = wire::to_vec(&create_request().to_ttlv()).expect("encodes");
    let reply = h1.send("POST", "/kmip", Some("application/octet-stream"), bytes).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.content_type(), "application/octet-stream");
    assert_eq!(reply.headers.get("cache-control").map(|v| v.to_str().expect("ascii")), Some("no-cache"));
    let tree = wire::decode(&reply.body, &Limits::default()).expect("a TTLV message");
    let id = single_success(&ResponseMessage::from_ttlv(&tree).expect("a response"), Operation::CREATE);
    assert!(!id.is_empty());

    // KMIP JSON over HTTP/2: Get the key.
    let mut h2 = Client::connect(&server, admin(), true).await;
    let get = RequestBatchItem::new(
        Operation::GET,
        payload(&format!(r#"<UniqueIdentifier type="TextString" value="{id}"/>"#)),
    );
    let get = RequestMessage::new(RequestHeader::new(ProtocolVersion::V2_1, 0), vec![get]);
    let body = json::to_string(&get.to_ttlv()).into_bytes();
    let reply = h2.send("POST", "/kmip", Some("application/json"), body).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    assert_eq!(reply.content_type(), "application/json");
    let tree = json::from_str(&reply.text()).expect("a KMIP JSON message");
    let response = ResponseMessage::from_ttlv(&tree).expect("a response");
    assert_eq!(single_success(&response, Operation::GET), id);
    let key = response.batch_items[0].response_payload.as_ref().and_then(|p| p.child(Tag::SYMMETRIC_KEY));
    assert!(key.is_some(), "the key came back");

    // KMIP XML over HTTP/1.1: Destroy it (text/xml), then application/xml.
    let destroy = RequestBatchItem::new(
        Operation::DESTROY,
        payload(&format!(r#"<UniqueIdentifier type="TextString" value="{id}"/>"#)),
    );
    let destroy = RequestMessage::new(RequestHeader::new(ProtocolVersion::V2_1, 0), vec![destroy]);
    let reply = h1.send("POST", "/kmip", Some("text/xml"), xml::to_string(&destroy.to_ttlv()).into_bytes()).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    assert_eq!(reply.content_type(), "text/xml");
    let response = ResponseMessage::from_ttlv(&xml::from_str(&reply.text()).expect("XML")).expect("a response");
    single_success(&response, Operation::DESTROY);
    let query = RequestBatchItem::new(
        Operation::QUERY,
        payload(r#"<QueryFunction type="Enumeration" value="QueryOperations"/>"#),
    );
    let query = RequestMessage::new(RequestHeader::new(ProtocolVersion::V1_4, 0), vec![query]);
    let reply = h2.send("POST", "/kmip", Some("application/xml"), xml::to_string(&query.to_ttlv()).into_bytes()).await;
    assert_eq!(reply.content_type(), "application/xml");
    let response = ResponseMessage::from_ttlv(&xml::from_str(&reply.text()).expect("XML")).expect("a response");
    assert_eq!(response.header.protocol_version, ProtocolVersion::V1_4);
    single_success(&response, Operation::QUERY);

    // A failed KMIP response is still 200; malformed bodies get Invalid
    // Message in their encoding.
    let reply = h1.send("POST", "/kmip", Some("application/json"), b"{not json".to_vec()).await;
    assert_eq!(reply.status, StatusCode::OK);
    let response = ResponseMessage::from_ttlv(&json::from_str(&reply.text()).expect("JSON")).expect("a response");
    assert_eq!(response.batch_items[0].result_status, ResultStatus::OPERATION_FAILED);
    assert_eq!(response.batch_items[0].result_reason, Some(kmip_ttlv::enums::ResultReason::INVALID_MESSAGE));
    let reply = h1.send("POST", "/kmip", Some("application/octet-stream"), b"\x42\x00\x78\x01garbage".to_vec()).await;
    assert_eq!(reply.status, StatusCode::OK);
    let response =
        ResponseMessage::from_ttlv(&wire::decode(&reply.body, &Limits::default()).expect("TTLV")).expect("a response");
    assert_eq!(response.batch_items[0].result_reason, Some(kmip_ttlv::enums::ResultReason::INVALID_MESSAGE));
    h1.send("POST", "/kmip", Some("text/plain"), b"x".to_vec())
        .await
        .assert_error(StatusCode::UNSUPPORTED_MEDIA_TYPE, "UnsupportedMediaType");

    // The audit chain records the HTTP operations as channel http, with the
    // certificate's identity.
    let kms = server.kms().clone();
    server.shutdown().await.expect("shutdown");
    let entries = kms::audit::read_entries(kms.store().as_ref()).await.expect("entries");
    let records: Vec<(String, String, String)> = entries
        .into_iter()
        .filter_map(|(_, entry)| match entry {
            Entry::Operation(r) => Some((r.operation, r.channel, r.identity)),
            _ => None,
        })
        .collect();
    for operation in ["Create", "Get", "Destroy", "Query", "Message"] {
        assert!(
            records.iter().any(|(op, channel, who)| op == operation && channel == "http" && who == "admin"),
            "{operation} over HTTP audited: {records:?}"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn kmip_needs_a_client_certificate_and_bodies_have_a_limit() {
    let dir = TempDir::new("http-refusals");
    let server = start(&dir, |config| config.http.max_body_size = 4096).await;

    let mut anonymous = Client::connect(&server, None, false).await;
    let bytes = wire::to_vec(&create_request().to_ttlv()).expect("encodes");
    anonymous
        .send("POST", "/kmip", Some("application/octet-stream"), bytes.clone())
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "UnauthorizedError");
    // The refused call created nothing.
    assert_eq!(
        server.kms().store().all_ids().await.expect("ids").iter().filter(|id| !id.starts_with("_kms")).count(),
        0
    );

    let mut admin = Client::connect(&server, Some(Identity::admin(server.data_dir())), true).await;
    admin
        .send("POST", "/kmip", Some("application/octet-stream"), vec![0u8; 5000])
        .await
        .assert_error(StatusCode::PAYLOAD_TOO_LARGE, "PayloadTooLarge");
    // Within the limit, on the same connection, it works.
    let reply = admin.send("POST", "/kmip", Some("application/octet-stream"), bytes).await;
    assert_eq!(reply.status, StatusCode::OK);

    // A certificate from another CA is refused in the handshake.
    let foreign_dir = TempDir::new("http-foreign");
    kms::pki::init(foreign_dir.path(), true).expect("another PKI");
    let connector =
        client_with_alpn(server.data_dir(), Some(Identity::admin(foreign_dir.path())), Versions::Tls12, &[b"http/1.1"]);
    let tcp = TcpStream::connect(server.http_addr()).await.expect("connects");
    let handshake = connector.connect(ServerName::try_from("localhost").expect("name"), tcp).await;
    assert!(handshake.is_err(), "a client certificate from another CA is refused");
    server.shutdown().await.expect("shutdown");
}

#[tokio::test(flavor = "multi_thread")]
async fn plain_http_is_refused_when_tls_is_on_and_served_when_configured_off() {
    let dir = TempDir::new("http-plain");
    let server = start(&dir, |_| {}).await;
    let mut tcp = TcpStream::connect(server.http_addr()).await.expect("connects");
    tcp.write_all(b"GET /api/status HTTP/1.1\r\nHost: localhost\r\n\r\n").await.expect("write");
    let mut answer = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(10), tcp.read_to_end(&mut answer)).await.expect("closed in time");
    assert!(!answer.starts_with(b"HTTP/"), "no HTTP answer without TLS: {:?}", String::from_utf8_lossy(&answer));
    server.shutdown().await.expect("shutdown");

    let dir = TempDir::new("http-sidecar");
    let server = start(&dir, |config| config.http.tls = false).await;
    let mut tcp = TcpStream::connect(server.http_addr()).await.expect("connects");
    tcp.write_all(b"GET /api/status HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").await.expect("write");
    let mut answer = Vec::new();
    tokio::time::timeout(Duration::from_secs(10), tcp.read_to_end(&mut answer)).await.expect("in time").expect("read");
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.contains("\"message\":\"Ok\""), "{answer}");
    // Without TLS there is no certificate: POST /kmip is 401.
    let mut tcp = TcpStream::connect(server.http_addr()).await.expect("connects");
    let body = wire::to_vec(&create_request().to_ttlv()).expect("encodes");
    let head = format!(
        "POST /kmip HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/octet-stream\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    tcp.write_all(head.as_bytes()).await.expect("write");
    tcp.write_all(&body).await.expect("write");
    let mut answer = Vec::new();
    tokio::time::timeout(Duration::from_secs(10), tcp.read_to_end(&mut answer)).await.expect("in time").expect("read");
    assert!(String::from_utf8_lossy(&answer).starts_with("HTTP/1.1 401"));
    server.shutdown().await.expect("shutdown");
}

#[tokio::test(flavor = "multi_thread")]
async fn an_idle_http_connection_is_closed() {
    let dir = TempDir::new("http-idle");
    let server = start(&dir, |config| config.http.idle_timeout = Duration::from_millis(300)).await;
    let mut http = Client::connect(&server, None, false).await;
    assert_eq!(http.get("/api/status").await.status, StatusCode::OK);
    let closed =
        crate::support::eventually(Duration::from_secs(5), || server.http_stats().open_connections() == 0).await;
    assert!(closed, "the idle connection was closed");
    server.shutdown().await.expect("shutdown");
}

/// The conformance runner's `--http` mode against the real listener: the
/// MSGENC files of KMIP 1.4 and 2.1 as `POST /kmip` in binary TTLV, KMIP
/// JSON and KMIP XML (what `conformance/run-all.sh` runs in CI).
#[tokio::test(flavor = "multi_thread")]
async fn the_msgenc_vectors_pass_over_https_in_their_encodings() {
    use conformance::client::{Endpoint, tls_config};
    use conformance::runner::{Runner, SkippedFiles, run_files};
    use conformance::skip::SkipList;

    let dir = TempDir::new("http-msgenc");
    let server = start(&dir, |_| {}).await;
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("vectors/oasis");
    let mut files = Vec::new();
    for version in ["kmip-1.4", "kmip-2.1"] {
        for kind in ["HTTPS", "JSON", "XML"] {
            let suffix = &version[5..].replace('.', "");
            files.push(root.join(format!("{version}/mandatory/MSGENC-{kind}-M-1-{suffix}.xml")));
        }
    }
    let certs = server.data_dir().join("certs");
    let addr = server.http_addr().to_string();
    let summary = tokio::task::spawn_blocking(move || {
        let tls = tls_config(&certs.join("ca.pem"), &certs.join("admin.pem"), &certs.join("admin.key")).expect("TLS");
        let endpoint = Endpoint::new(&addr, Some("localhost"), tls, Duration::from_secs(10)).expect("endpoint");
        let mut runner = Runner::new(endpoint);
        runner.http = true;
        let mut out = Vec::new();
        let summary = run_files(&mut runner, &files, &SkipList::default(), SkippedFiles::RunLast, &mut out);
        (summary, String::from_utf8_lossy(&out).into_owned())
    })
    .await
    .expect("runner");
    let (summary, lines) = summary;
    assert_eq!((summary.passed, summary.failed, summary.messages), (6, 0, 12), "{lines}");
    // They came in over HTTP, in three encodings.
    assert!(server.http_stats().requests() >= 12);
    server.shutdown().await.expect("shutdown");
}

/// The side listener shares the KMIP listener's TLS: a reload (SIGHUP, the
/// admin socket's `reload`) that deny-lists a certificate refuses it on
/// both.
#[tokio::test(flavor = "multi_thread")]
async fn a_reload_applies_to_the_https_listener_too() {
    let dir = TempDir::new("http-reload");
    let server = start(&dir, |_| {}).await;
    let erin = || crate::support::identity_in(dir.path(), "erin", None, None);
    let first = erin();
    let serial = kms::server::tls::certificate_serial(&first.chain[0]).expect("serial");
    let (addr, data_dir) = (server.http_addr(), server.data_dir().to_owned());
    let handshake = |identity: Identity| {
        let connector = client_with_alpn(&data_dir, Some(identity), Versions::Tls12, &[b"http/1.1"]);
        async move {
            let tcp = TcpStream::connect(addr).await.expect("connects");
            connector.connect(ServerName::try_from("localhost").expect("name"), tcp).await
        }
    };
    let identity = Identity { chain: first.chain.clone(), key: first.key.clone_key() };
    assert!(handshake(identity).await.is_ok(), "before the reload");
    std::fs::write(dir.join("certs/revoked.txt"), format!("{serial}\n")).expect("deny-list");
    server.reload().expect("reload");
    assert!(handshake(first).await.is_err(), "deny-listed on the HTTPS listener after the reload");
    let mut kmip = crate::support::connect(
        server.kmip_addr(),
        &crate::support::client(server.data_dir(), Some(erin()), Versions::Tls12),
    )
    .await
    .expect("another erin certificate (another serial) still connects");
    exchange(&mut kmip, &discover_versions(ProtocolVersion::V2_1)).await;
    server.shutdown().await.expect("shutdown");
}
