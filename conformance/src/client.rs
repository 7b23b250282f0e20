//! A blocking KMIP client over mutual TLS: one request out, one response
//! in, framed by the TTLV header of the outermost Structure.

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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts() {
        assert_eq!(host_of("127.0.0.1:5696").as_deref(), Some("127.0.0.1"));
        assert_eq!(host_of("[::1]:5696").as_deref(), Some("::1"));
        assert_eq!(host_of("localhost:1").as_deref(), Some("localhost"));
        assert_eq!(host_of("nocolon"), None);
    }
}
