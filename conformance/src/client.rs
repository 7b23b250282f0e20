//! A blocking KMIP client over mutual TLS: one request out, one response
//! in, framed by the TTLV header of the outermost Structure; or, for
//! `--http`, one `POST /kmip` out and one HTTP/1.1 response in (the KMIP
//! HTTPS profile), in binary TTLV, KMIP JSON or KMIP XML.

use std::io::{self, Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use kmip_ttlv::Ttlv;
use kmip_ttlv::wire::{self, HEADER_LEN, Limits};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName};
use rustls::{ClientConfig, ClientConnection, RootCertStore, StreamOwned};

/// The largest response accepted (the server's own default limit is 4 MiB).
pub const MAX_RESPONSE_SIZE: usize = 16 * 1024 * 1024;
/// The largest HTTP response head (status line and headers) accepted.
const MAX_HTTP_HEAD: usize = 64 * 1024;
/// The path of KMIP over HTTPS (the profile's recommended URI).
pub const KMIP_PATH: &str = "/kmip";

/// The body encodings of `POST /kmip` (KMIP HTTPS profile).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// Binary TTLV, `application/octet-stream`.
    Ttlv,
    /// KMIP JSON, `application/json`.
    Json,
    /// KMIP XML, `text/xml`.
    Xml,
}

impl Encoding {
    /// The encoding a test-case file's name asks for over HTTPS:
    /// `MSGENC-JSON-*` JSON, `MSGENC-XML-*` XML, anything else (among them
    /// `MSGENC-HTTPS-*`) binary TTLV.
    pub fn for_file(path: &Path) -> Encoding {
        let name = path.file_name().map(|n| n.to_string_lossy().to_ascii_uppercase()).unwrap_or_default();
        if name.starts_with("MSGENC-JSON-") {
            Encoding::Json
        } else if name.starts_with("MSGENC-XML-") {
            Encoding::Xml
        } else {
            Encoding::Ttlv
        }
    }

    /// The media type of the request and of the expected response.
    pub fn content_type(self) -> &'static str {
        match self {
            Encoding::Ttlv => "application/octet-stream",
            Encoding::Json => "application/json",
            Encoding::Xml => "text/xml",
        }
    }

    /// The body of `message` in this encoding.
    pub fn encode(self, message: &Ttlv) -> Result<Vec<u8>, String> {
        match self {
            Encoding::Ttlv => wire::to_vec(message).map_err(|e| e.to_string()),
            Encoding::Json => Ok(kmip_ttlv::json::to_string(message).into_bytes()),
            Encoding::Xml => Ok(kmip_ttlv::xml::to_string(message).into_bytes()),
        }
    }

    /// Reads a response body in this encoding.
    pub fn decode(self, body: &[u8]) -> Result<Ttlv, String> {
        let limits = Limits { max_message_size: MAX_RESPONSE_SIZE, ..Limits::default() };
        match self {
            Encoding::Ttlv => wire::decode_slice(body, &limits).map_err(|e| e.to_string()),
            Encoding::Json | Encoding::Xml => {
                let text = std::str::from_utf8(body).map_err(|e| format!("not UTF-8: {e}"))?;
                let item = if self == Encoding::Json {
                    kmip_ttlv::json::from_str(text)
                } else {
                    kmip_ttlv::xml::from_str(text)
                };
                item.map_err(|e| e.to_string())
            }
        }
    }
}

/// TLS settings: the CA that signed the server's certificate and the client
/// certificate and key to present.
pub fn tls_config(ca: &Path, cert: &Path, key: &Path) -> Result<Arc<ClientConfig>, String> {
    let mut roots = RootCertStore::empty();
    let ca_certs = CertificateDer::pem_file_iter(ca)
        .map_err(|e| format!("{}: {e}", ca.display()))?
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| format!("{}: {e}", ca.display()))?;
    if ca_certs.is_empty() {
        return Err(format!("{}: no certificate", ca.display()));
    }
    for c in ca_certs {
        roots.add(c).map_err(|e| format!("{}: {e}", ca.display()))?;
    }
    let chain = CertificateDer::pem_file_iter(cert)
        .map_err(|e| format!("{}: {e}", cert.display()))?
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| format!("{}: {e}", cert.display()))?;
    if chain.is_empty() {
        return Err(format!("{}: no certificate", cert.display()));
    }
    let key = PrivateKeyDer::from_pem_file(key).map_err(|e| format!("{}: {e}", key.display()))?;
    let config = ClientConfig::builder()
        .with_root_certificates(roots)
        .with_client_auth_cert(chain, key)
        .map_err(|e| format!("client certificate: {e}"))?;
    Ok(Arc::new(config))
}

/// Where and how to connect.
#[derive(Clone, Debug)]
pub struct Endpoint {
    /// `host:port`.
    pub addr: String,
    /// The name the server certificate must carry (default: the host part
    /// of `addr`).
    pub server_name: ServerName<'static>,
    /// TLS settings.
    pub tls: Arc<ClientConfig>,
    /// Connect timeout and read/write timeout per message.
    pub timeout: Duration,
}

impl Endpoint {
    /// An endpoint for `addr`, checking the certificate against the host
    /// part of `addr` unless `server_name` is given.
    pub fn new(
        addr: &str,
        server_name: Option<&str>,
        tls: Arc<ClientConfig>,
        timeout: Duration,
    ) -> Result<Endpoint, String> {
        let host = match server_name {
            Some(name) => name.to_owned(),
            None => host_of(addr).ok_or_else(|| format!("{addr}: expected host:port"))?,
        };
        let server_name = ServerName::try_from(host.clone()).map_err(|e| format!("server name {host}: {e}"))?;
        Ok(Endpoint { addr: addr.to_owned(), server_name, tls, timeout })
    }
}

/// The host of `host:port` or `[v6]:port`.
fn host_of(addr: &str) -> Option<String> {
    if let Some(rest) = addr.strip_prefix('[') {
        return rest.split_once(']').map(|(h, _)| h.to_owned());
    }
    addr.rsplit_once(':').map(|(h, _)| h.to_owned())
}

/// Why an exchange failed.
#[derive(Debug)]
pub enum ExchangeError {
    /// The server closed the connection before sending any byte of the
    /// response (it may have closed an idle connection: worth one retry on
    /// a new connection).
    Closed,
    /// Any other transport failure.
    Io(String),
    /// The response could not be framed or decoded.
    Decode(String),
}

impl std::fmt::Display for ExchangeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ExchangeError::Closed => f.write_str("the server closed the connection without answering"),
            ExchangeError::Io(e) => write!(f, "transport: {e}"),
            ExchangeError::Decode(e) => write!(f, "undecodable response: {e}"),
        }
    }
}

/// One TLS connection to the server.
pub struct Connection {
    stream: StreamOwned<ClientConnection, TcpStream>,
}

impl Connection {
    /// Connects and completes the TLS handshake.
    pub fn open(endpoint: &Endpoint) -> Result<Connection, String> {
        let addrs: Vec<_> = endpoint.addr.to_socket_addrs().map_err(|e| format!("{}: {e}", endpoint.addr))?.collect();
        let mut last = format!("{}: no address", endpoint.addr);
        for addr in addrs {
            match TcpStream::connect_timeout(&addr, endpoint.timeout) {
                Ok(tcp) => {
                    let setup = tcp
                        .set_read_timeout(Some(endpoint.timeout))
                        .and_then(|()| tcp.set_write_timeout(Some(endpoint.timeout)))
                        .and_then(|()| tcp.set_nodelay(true));
                    setup.map_err(|e| format!("{addr}: {e}"))?;
                    let tls = ClientConnection::new(endpoint.tls.clone(), endpoint.server_name.clone())
                        .map_err(|e| format!("TLS: {e}"))?;
                    let mut stream = StreamOwned::new(tls, tcp);
                    while stream.conn.is_handshaking() {
                        stream
                            .conn
                            .complete_io(&mut stream.sock)
                            .map_err(|e| format!("TLS handshake with {addr}: {e}"))?;
                    }
                    return Ok(Connection { stream });
                }
                Err(e) => last = format!("{addr}: {e}"),
            }
        }
        Err(last)
    }

    /// Sends one encoded request and reads one response.
    pub fn exchange(&mut self, request: &[u8]) -> Result<Ttlv, ExchangeError> {
        self.stream.write_all(request).and_then(|()| self.stream.flush()).map_err(|e| match e.kind() {
            io::ErrorKind::BrokenPipe | io::ErrorKind::ConnectionReset | io::ErrorKind::ConnectionAborted => {
                ExchangeError::Closed
            }
            _ => ExchangeError::Io(e.to_string()),
        })?;
        let limits = Limits { max_message_size: MAX_RESPONSE_SIZE, ..Limits::default() };
        let mut header = [0u8; HEADER_LEN];
        let mut got = 0;
        while got < HEADER_LEN {
            match self.stream.read(&mut header[got..]) {
                Ok(0) if got == 0 => return Err(ExchangeError::Closed),
                Ok(0) => return Err(ExchangeError::Io("connection closed inside a response header".to_owned())),
                Ok(n) => got += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e)
                    if got == 0
                        && matches!(e.kind(), io::ErrorKind::ConnectionReset | io::ErrorKind::UnexpectedEof) =>
                {
                    return Err(ExchangeError::Closed);
                }
                Err(e) => return Err(ExchangeError::Io(e.to_string())),
            }
        }
        let length = wire::message_length(&header, &limits)
            .map_err(|e| ExchangeError::Decode(e.to_string()))?
            .ok_or_else(|| ExchangeError::Decode("short header".to_owned()))?;
        let mut message = vec![0u8; length];
        message[..HEADER_LEN].copy_from_slice(&header);
        self.stream.read_exact(&mut message[HEADER_LEN..]).map_err(|e| ExchangeError::Io(e.to_string()))?;
        wire::decode_slice(&message, &limits).map_err(|e| ExchangeError::Decode(e.to_string()))
    }

    /// Sends `message` as `POST /kmip` (HTTP/1.1, keep-alive) in
    /// `encoding` and reads the response, which must be 200 with the same
    /// media type and a Content-Length.
    pub fn exchange_http(&mut self, host: &str, message: &Ttlv, encoding: Encoding) -> Result<Ttlv, ExchangeError> {
        let body = encoding.encode(message).map_err(ExchangeError::Decode)?;
        let head = format!(
            "POST {KMIP_PATH} HTTP/1.1\r\nHost: {host}\r\nContent-Type: {}\r\nContent-Length: {}\r\n\
             Cache-Control: no-cache\r\n\r\n",
            encoding.content_type(),
            body.len()
        );
        let written = self
            .stream
            .write_all(head.as_bytes())
            .and_then(|()| self.stream.write_all(&body))
            .and_then(|()| self.stream.flush());
        written.map_err(|e| match e.kind() {
            io::ErrorKind::BrokenPipe | io::ErrorKind::ConnectionReset | io::ErrorKind::ConnectionAborted => {
                ExchangeError::Closed
            }
            _ => ExchangeError::Io(e.to_string()),
        })?;
        let head = self.read_http_head()?;
        let reply = HttpHead::parse(&head).map_err(ExchangeError::Decode)?;
        let length = reply.content_length.ok_or_else(|| ExchangeError::Decode("no Content-Length".to_owned()))?;
        if length > MAX_RESPONSE_SIZE {
            return Err(ExchangeError::Decode(format!("a response body of {length} bytes")));
        }
        let mut body = vec![0u8; length];
        self.stream.read_exact(&mut body).map_err(|e| ExchangeError::Io(e.to_string()))?;
        if reply.status != 200 {
            let text = String::from_utf8_lossy(&body);
            return Err(ExchangeError::Decode(format!("HTTP status {}: {text}", reply.status)));
        }
        let media_type = reply.content_type.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
        if media_type != encoding.content_type() {
            return Err(ExchangeError::Decode(format!(
                "Content-Type {:?}, expected {}",
                reply.content_type,
                encoding.content_type()
            )));
        }
        encoding.decode(&body).map_err(ExchangeError::Decode)
    }

    /// The bytes up to and including the blank line ending a response head.
    fn read_http_head(&mut self) -> Result<Vec<u8>, ExchangeError> {
        let mut head = Vec::with_capacity(512);
        let mut byte = [0u8; 1];
        while !head.ends_with(b"\r\n\r\n") {
            if head.len() >= MAX_HTTP_HEAD {
                return Err(ExchangeError::Decode(format!("an HTTP response head over {MAX_HTTP_HEAD} bytes")));
            }
            match self.stream.read(&mut byte) {
                Ok(0) if head.is_empty() => return Err(ExchangeError::Closed),
                Ok(0) => return Err(ExchangeError::Io("connection closed inside a response head".to_owned())),
                Ok(_) => head.push(byte[0]),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e)
                    if head.is_empty()
                        && matches!(e.kind(), io::ErrorKind::ConnectionReset | io::ErrorKind::UnexpectedEof) =>
                {
                    return Err(ExchangeError::Closed);
                }
                Err(e) => return Err(ExchangeError::Io(e.to_string())),
            }
        }
        Ok(head)
    }
}

/// What the runner reads of an HTTP/1.1 response head.
#[derive(Debug, PartialEq, Eq)]
struct HttpHead {
    status: u16,
    content_type: String,
    content_length: Option<usize>,
}

impl HttpHead {
    fn parse(head: &[u8]) -> Result<HttpHead, String> {
        let text = std::str::from_utf8(head).map_err(|_| "an HTTP response head that is not text".to_owned())?;
        let mut lines = text.split("\r\n");
        let status_line = lines.next().unwrap_or_default();
        let mut parts = status_line.splitn(3, ' ');
        let (version, status) = (parts.next().unwrap_or_default(), parts.next().unwrap_or_default());
        if !version.starts_with("HTTP/1.") {
            return Err(format!("not an HTTP/1.x response: {status_line:?}"));
        }
        let status = status.parse().map_err(|_| format!("no status code in {status_line:?}"))?;
        let mut reply = HttpHead { status, content_type: String::new(), content_length: None };
        for line in lines.filter(|l| !l.is_empty()) {
            let Some((name, value)) = line.split_once(':') else {
                return Err(format!("a malformed header line {line:?}"));
            };
            let value = value.trim();
            match name.trim().to_ascii_lowercase().as_str() {
                "content-type" => value.clone_into(&mut reply.content_type),
                "content-length" => {
                    reply.content_length = Some(value.parse().map_err(|_| format!("Content-Length {value:?}"))?);
                }
                "transfer-encoding" => return Err(format!("Transfer-Encoding {value:?} (expected a Content-Length)")),
                _ => {}
            }
        }
        Ok(reply)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_heads() {
        let head = b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 42\r\n\r\n";
        let expected = HttpHead { status: 200, content_type: "application/json".to_owned(), content_length: Some(42) };
        assert_eq!(HttpHead::parse(head), Ok(expected));
        assert!(HttpHead::parse(b"SSH-2.0\r\n\r\n").is_err());
        assert!(HttpHead::parse(b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n").is_err());
    }

    #[test]
    fn file_names_choose_the_encoding() {
        assert_eq!(Encoding::for_file(Path::new("a/MSGENC-JSON-M-1-21.xml")), Encoding::Json);
        assert_eq!(Encoding::for_file(Path::new("a/MSGENC-XML-M-1-14.xml")), Encoding::Xml);
        assert_eq!(Encoding::for_file(Path::new("a/MSGENC-HTTPS-M-1-14.xml")), Encoding::Ttlv);
        assert_eq!(Encoding::for_file(Path::new("a/TL-M-1-21.xml")), Encoding::Ttlv);
    }

    #[test]
    fn hosts() {
        assert_eq!(host_of("127.0.0.1:5696").as_deref(), Some("127.0.0.1"));
        assert_eq!(host_of("[::1]:5696").as_deref(), Some("::1"));
        assert_eq!(host_of("localhost:1").as_deref(), Some("localhost"));
        assert_eq!(host_of("nocolon"), None);
    }
}
