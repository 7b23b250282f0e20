//! Shared helpers: temporary data dirs, starting a server, a TLS client,
//! KMIP messages.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use kmip_ttlv::enums::Operation;
use kmip_ttlv::model::{RequestBatchItem, RequestHeader, RequestMessage, ResponseMessage};
use kmip_ttlv::wire::{self, HEADER_LEN, Limits};
use kmip_ttlv::{ProtocolVersion, Tag, Ttlv};
use kms::config::Config;
use kms::server::RunningServer;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio_rustls::TlsConnector;
use tokio_rustls::client::TlsStream;

/// A directory under the system temp dir, unique to one test, removed when
/// dropped.
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new(name: &str) -> TempDir {
        let path =
            std::env::temp_dir().join(format!("kms-test-{name}-{}-{}", std::process::id(), uuid::Uuid::new_v4()));
        TempDir(path)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }

    pub fn join(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The defaults, on 127.0.0.1:0.
pub fn config(dir: &TempDir) -> Config {
    let mut config = Config::new(dir.path());
    config.kmip_addr = SocketAddr::from(([127, 0, 0, 1], 0));
    config.http_addr = SocketAddr::from(([127, 0, 0, 1], 0));
    config
}

/// A server on a fresh data dir (the development PKI is created).
pub async fn start(dir: &TempDir, tweak: impl FnOnce(&mut Config)) -> RunningServer {
    let mut config = config(dir);
    tweak(&mut config);
    kms::server::spawn(config).await.expect("server starts")
}

/// Which TLS versions a client offers.
#[derive(Clone, Copy, Debug)]
pub enum Versions {
    Both,
    Tls12,
    Tls13,
}

/// A client certificate chain and key.
pub struct Identity {
    pub chain: Vec<CertificateDer<'static>>,
    pub key: PrivateKeyDer<'static>,
}

impl Identity {
    pub fn from_files(cert: &Path, key: &Path) -> Identity {
        Identity {
            chain: CertificateDer::pem_file_iter(cert).expect("cert file").collect::<Result<_, _>>().expect("PEM"),
            key: PrivateKeyDer::from_pem_file(key).expect("key file"),
        }
    }

    /// The data dir's `admin` certificate.
    pub fn admin(data_dir: &Path) -> Identity {
        Identity::from_files(&data_dir.join("certs/admin.pem"), &data_dir.join("certs/admin.key"))
    }
}

/// A client trusting the data dir's CA, with `identity` (or none).
pub fn client(data_dir: &Path, identity: Option<Identity>, versions: Versions) -> TlsConnector {
    client_with_alpn(data_dir, identity, versions, &[])
}

/// [`client`] offering the ALPN protocols `alpn` (e.g. `h2`).
pub fn client_with_alpn(
    data_dir: &Path,
    identity: Option<Identity>,
    versions: Versions,
    alpn: &[&[u8]],
) -> TlsConnector {
    let mut roots = rustls::RootCertStore::empty();
    for cert in CertificateDer::pem_file_iter(data_dir.join("certs/ca.pem")).expect("CA file") {
        roots.add(cert.expect("PEM")).expect("CA");
    }
    let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    let versions: &[&rustls::SupportedProtocolVersion] = match versions {
        Versions::Both => &[&rustls::version::TLS13, &rustls::version::TLS12],
        Versions::Tls12 => &[&rustls::version::TLS12],
        Versions::Tls13 => &[&rustls::version::TLS13],
    };
    let builder = rustls::ClientConfig::builder_with_provider(provider)
        .with_protocol_versions(versions)
        .expect("versions")
        .with_root_certificates(roots);
    let mut config = match identity {
        Some(identity) => builder.with_client_auth_cert(identity.chain, identity.key).expect("client cert"),
        None => builder.with_no_client_auth(),
    };
    config.alpn_protocols = alpn.iter().map(|p| p.to_vec()).collect();
    TlsConnector::from(Arc::new(config))
}

/// Connects and completes the handshake (as far as the client can tell:
/// in TLS 1.3 the server judges the client certificate afterwards).
pub async fn connect(addr: SocketAddr, connector: &TlsConnector) -> std::io::Result<TlsStream<TcpStream>> {
    let tcp = TcpStream::connect(addr).await?;
    let name = ServerName::try_from("localhost").expect("name");
    tokio::time::timeout(Duration::from_secs(10), connector.connect(name, tcp))
        .await
        .map_err(|_| std::io::Error::new(std::io::ErrorKind::TimedOut, "handshake timed out"))?
}

/// An admin connection to `server`.
pub async fn admin_connection(server: &RunningServer) -> TlsStream<TcpStream> {
    let connector = client(server.data_dir(), Some(Identity::admin(server.data_dir())), Versions::Both);
    connect(server.kmip_addr(), &connector).await.expect("connects")
}

/// A Discover Versions request in `version`, as bytes.
pub fn discover_versions(version: ProtocolVersion) -> Vec<u8> {
    let item = RequestBatchItem::new(Operation::DISCOVER_VERSIONS, Ttlv::structure(Tag::REQUEST_PAYLOAD, vec![]));
    let message = RequestMessage::new(RequestHeader::new(version, 1), vec![item]);
    wire::to_vec(&message.to_ttlv()).expect("encodes")
}

/// Reads one response message; None at a clean end of stream.
pub async fn read_response<S: tokio::io::AsyncRead + Unpin>(
    stream: &mut S,
) -> std::io::Result<Option<ResponseMessage>> {
    let Some(tree) = read_message(stream).await? else { return Ok(None) };
    Ok(Some(ResponseMessage::from_ttlv(&tree).expect("a Response Message")))
}

/// Reads one whole message (request or response) as a TTLV tree; None at
/// a clean end of stream.
pub async fn read_message<S: tokio::io::AsyncRead + Unpin>(stream: &mut S) -> std::io::Result<Option<Ttlv>> {
    let mut header = [0u8; HEADER_LEN];
    let mut got = 0;
    while got < HEADER_LEN {
        let n = stream.read(&mut header[got..]).await?;
        if n == 0 {
            return if got == 0 {
                Ok(None)
            } else {
                Err(std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "truncated header"))
            };
        }
        got += n;
    }
    let length = u32::from_be_bytes([header[4], header[5], header[6], header[7]]) as usize;
    let mut bytes = header.to_vec();
    bytes.resize(HEADER_LEN + length, 0);
    stream.read_exact(&mut bytes[HEADER_LEN..]).await?;
    Ok(Some(wire::decode(&Bytes::from(bytes), &Limits::default()).expect("a TTLV message")))
}

/// Sends `request` and reads its response.
pub async fn exchange<S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin>(
    stream: &mut S,
    request: &[u8],
) -> ResponseMessage {
    stream.write_all(request).await.expect("write");
    stream.flush().await.expect("flush");
    tokio::time::timeout(Duration::from_secs(10), read_response(stream))
        .await
        .expect("a response in time")
        .expect("read")
        .expect("a response, not the end of the stream")
}

/// True once the server has closed `stream` (end of stream or an error),
/// waiting at most `limit`.
pub async fn closed_within<S: tokio::io::AsyncRead + Unpin>(stream: &mut S, limit: Duration) -> bool {
    let mut buf = [0u8; 64];
    match tokio::time::timeout(limit, stream.read(&mut buf)).await {
        Ok(Ok(0)) | Ok(Err(_)) => true,
        Ok(Ok(_)) => panic!("unexpected data"),
        Err(_) => false,
    }
}

/// Waits until `check` holds, up to `limit`.
pub async fn eventually(limit: Duration, mut check: impl FnMut() -> bool) -> bool {
    let deadline = tokio::time::Instant::now() + limit;
    loop {
        if check() {
            return true;
        }
        if tokio::time::Instant::now() > deadline {
            return false;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Unix permission bits of `path`.
pub fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::symlink_metadata(path).expect("metadata").permissions().mode() & 0o777
}

/// A client identity with subject CN=`cn` and, when given, O=`org` and
/// OU=`unit`, signed by the data dir's CA.
pub fn identity_in(data_dir: &Path, cn: &str, org: Option<&str>, unit: Option<&str>) -> Identity {
    use rcgen::{CertificateParams, DnType, ExtendedKeyUsagePurpose, Issuer, KeyPair, KeyUsagePurpose};
    use rustls::pki_types::PrivatePkcs8KeyDer;
    let ca_pem = std::fs::read_to_string(data_dir.join("certs/ca.pem")).expect("ca");
    let ca_key = KeyPair::from_pem(&std::fs::read_to_string(data_dir.join("certs/ca.key")).expect("key")).expect("key");
    let issuer = Issuer::from_ca_cert_pem(&ca_pem, ca_key).expect("issuer");
    let mut params = CertificateParams::default();
    params.distinguished_name = rcgen::DistinguishedName::new();
    if let Some(org) = org {
        params.distinguished_name.push(DnType::OrganizationName, org);
    }
    if let Some(unit) = unit {
        params.distinguished_name.push(DnType::OrganizationalUnitName, unit);
    }
    params.distinguished_name.push(DnType::CommonName, cn);
    params.key_usages = vec![KeyUsagePurpose::DigitalSignature];
    params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ClientAuth];
    params.use_authority_key_identifier_extension = true;
    let key = KeyPair::generate().expect("key");
    let cert = params.signed_by(&key, &issuer).expect("cert");
    Identity {
        chain: vec![CertificateDer::from(cert.der().to_vec())],
        key: PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der())),
    }
}

/// A request message (KMIP 2.1) of `items`, as bytes.
pub fn request(items: Vec<kmip_ttlv::model::RequestBatchItem>) -> Vec<u8> {
    let message = RequestMessage::new(RequestHeader::new(ProtocolVersion::V2_1, 0), items);
    wire::to_vec(&message.to_ttlv()).expect("encodes")
}

/// A Request Payload from the KMIP XML of its children.
pub fn payload(xml_children: &str) -> Ttlv {
    kmip_ttlv::xml::from_str(&format!("<RequestPayload>{xml_children}</RequestPayload>")).expect("payload XML")
}

// ---- the real binary ----

/// A `kms serve` process.
pub struct Serving {
    pub child: std::process::Child,
    pub info: kms::admin::ServerInfo,
    pub stderr: std::sync::mpsc::Receiver<String>,
}

/// Runs `kms serve` on `dir` (KMIP and, unless `extra` names
/// `--http-addr`, HTTP on 127.0.0.1:0) with `extra` flags and waits until
/// it serves.
pub fn serve(dir: &TempDir, extra: &[&str]) -> Serving {
    serve_with_env(dir, extra, &[])
}

/// [`serve`] with environment variables.
pub fn serve_with_env(dir: &TempDir, extra: &[&str], env: &[(&str, &str)]) -> Serving {
    serve_binary_with_env(Path::new(env!("CARGO_BIN_EXE_kms")), dir, extra, env)
}

/// [`serve`] through `binary` (a wrapper that runs `kms` with the same
/// arguments, e.g. under strace).
pub fn serve_binary(binary: &Path, dir: &TempDir, extra: &[&str]) -> Serving {
    serve_binary_with_env(binary, dir, extra, &[])
}

fn serve_binary_with_env(binary: &Path, dir: &TempDir, extra: &[&str], env: &[(&str, &str)]) -> Serving {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};
    let mut child = Command::new(binary)
        .args(["serve", "--data-dir", dir.path().to_str().expect("path"), "--kmip-addr", "127.0.0.1:0"])
        .args(if extra.contains(&"--http-addr") { &[][..] } else { &["--http-addr", "127.0.0.1:0"][..] })
        .args(extra)
        .envs(env.iter().copied())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("kms serve starts");
    let (tx, stderr) = std::sync::mpsc::channel();
    let pipe = child.stderr.take().expect("stderr");
    std::thread::spawn(move || {
        for line in BufReader::new(pipe).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    let info = loop {
        if let Ok(Some(info)) = kms::admin::server_info(dir.path())
            && kms::admin::running_server(dir.path()).is_some()
        {
            break info;
        }
        if let Ok(Some(status)) = child.try_wait() {
            let log: Vec<String> = stderr.try_iter().collect();
            panic!("kms serve exited with {status}: {}", log.join("\n"));
        }
        assert!(std::time::Instant::now() < deadline, "kms serve did not start in time");
        std::thread::sleep(Duration::from_millis(50));
    };
    Serving { child, info, stderr }
}

impl Serving {
    /// The standard-error lines up to the one saying it serves.
    pub fn startup_output(&self) -> String {
        let mut lines = Vec::new();
        while let Ok(line) = self.stderr.recv_timeout(Duration::from_secs(30)) {
            let done = line.contains("serving KMIP on");
            lines.push(line);
            if done {
                break;
            }
        }
        lines.join("\n")
    }
}

/// Waits for `child` to exit, at most `limit`.
pub fn wait_exit(child: &mut std::process::Child, limit: Duration) -> std::process::ExitStatus {
    let deadline = std::time::Instant::now() + limit;
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            return status;
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("did not exit within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Sends signal `name` (TERM, INT, KILL) to `pid`.
pub fn signal(pid: u32, name: &str) {
    let status =
        std::process::Command::new("kill").args([&format!("-{name}"), &pid.to_string()]).status().expect("kill runs");
    assert!(status.success());
}

/// A machine identity with Universal Auth made on the admin socket of the
/// server running on `data_dir` (`identity-create`, docs/auth.md):
/// `(identityId, clientId, clientSecret)` for a login.
pub async fn create_machine_identity(data_dir: &Path, name: &str, org: Option<&str>) -> (String, String, String) {
    let request = serde_json::json!({"command": "identity-create", "identity": name, "org": org});
    let data_dir = data_dir.to_path_buf();
    let result = tokio::task::spawn_blocking(move || kms::admin::request(&data_dir, &request))
        .await
        .expect("the request task")
        .expect("identity-create");
    let field = |name: &str| result[name].as_str().unwrap_or_else(|| panic!("{name} in {result}")).to_owned();
    (field("identityId"), field("clientId"), field("clientSecret"))
}

// ---- JSON over HTTPS (the side listener) ----

/// An HTTP answer.
pub struct JsonReply {
    pub status: hyper::StatusCode,
    pub headers: hyper::HeaderMap,
    pub body: Bytes,
}

impl JsonReply {
    /// The body as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| panic!("JSON body ({e}): {:?}", self.body))
    }

    /// Asserts a 200; its JSON body.
    pub fn ok(&self) -> serde_json::Value {
        assert_eq!(self.status, hyper::StatusCode::OK, "{}", String::from_utf8_lossy(&self.body));
        self.json()
    }

    /// Asserts a JSON error in Infisical's shape
    /// (`{reqId, statusCode, message, error}`); the body without its reqId.
    pub fn error(&self, status: hyper::StatusCode, name: &str) -> serde_json::Value {
        let mut body = self.json();
        assert_eq!(self.status, status, "{body}");
        assert_eq!(body["statusCode"], status.as_u16(), "{body}");
        assert_eq!(body["error"], name, "{body}");
        assert!(body["message"].as_str().is_some_and(|m| !m.is_empty()), "{body}");
        assert!(body["reqId"].as_str().is_some_and(|id| id.starts_with("req-")), "{body}");
        body.as_object_mut().expect("object").remove("reqId");
        body
    }

    /// [`JsonReply::error`]'s message.
    pub fn error_message(&self, status: hyper::StatusCode, name: &str) -> String {
        self.error(status, name)["message"].as_str().expect("a string message").to_owned()
    }
}

/// One HTTPS/1.1 request to the side listener.
#[derive(Default)]
pub struct JsonRequest<'a> {
    pub method: &'a str,
    pub path: &'a str,
    pub bearer: Option<&'a str>,
    pub body: Option<serde_json::Value>,
    pub headers: &'a [(&'a str, &'a str)],
    /// The loopback address to connect from (default 127.0.0.1).
    pub from: Option<std::net::IpAddr>,
    /// A client certificate to present.
    pub identity: Option<Identity>,
}

/// Sends `request` on a new connection to `server`'s side listener.
pub async fn send_json(server: &RunningServer, request: JsonRequest<'_>) -> JsonReply {
    use http_body_util::{BodyExt, Full};
    use hyper_util::rt::TokioIo;
    let connector = client_with_alpn(server.data_dir(), request.identity, Versions::Both, &[b"http/1.1"]);
    let socket = tokio::net::TcpSocket::new_v4().expect("socket");
    let from = request.from.unwrap_or(std::net::IpAddr::V4(std::net::Ipv4Addr::LOCALHOST));
    socket.bind(SocketAddr::new(from, 0)).expect("bind the source address");
    let tcp = socket.connect(server.http_addr()).await.expect("connects");
    let tls = connector.connect(ServerName::try_from("localhost").expect("name"), tcp).await.expect("handshake");
    let (mut sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(tls)).await.expect("HTTP/1.1");
    tokio::spawn(connection);
    let mut builder = hyper::Request::builder().method(request.method).uri(request.path).header("host", "localhost");
    if let Some(token) = request.bearer {
        builder = builder.header("authorization", format!("Bearer {token}"));
    }
    for (name, value) in request.headers {
        builder = builder.header(*name, *value);
    }
    let body = match request.body {
        Some(body) => {
            builder = builder.header("content-type", "application/json");
            Bytes::from(body.to_string())
        }
        None => Bytes::new(),
    };
    let http_request = builder.body(Full::new(body)).expect("request");
    let response = tokio::time::timeout(Duration::from_secs(10), sender.send_request(http_request))
        .await
        .expect("an answer in time")
        .expect("a response");
    let (parts, body) = response.into_parts();
    JsonReply { status: parts.status, headers: parts.headers, body: body.collect().await.expect("body").to_bytes() }
}
