//! One KMIP connection: the TLS handshake, then one message at a time.
//!
//! A message is read in two steps (kmip-reference §1, framing): the 8-byte
//! header of the outermost Structure, checked with
//! [`wire::message_length`] against the maximum message size *before* the
//! body is read or room is made for it, then exactly the announced body.
//! The whole message goes to [`Kms::handle_session_message`] (with the
//! connection's [`Session`]) and its response is written before the next
//! message is read, so requests on one connection are answered in order;
//! pipelined messages wait in the read buffer.
//!
//! Timeouts: the idle timeout runs while waiting for the first byte of a
//! message; from that byte on, the whole message (and later the writing of
//! its response) must arrive within the partial-message timeout, so a
//! trickling peer cannot hold a connection open (slowloris).
//!
//! A message announcing more than the limit gets Invalid Message naming the
//! limit, in the request's protocol version when the first 48 bytes of the
//! body (Request Header, Protocol Version) are already there or arrive
//! promptly, and the connection is closed without reading the body. A header
//! that cannot be a message (framing lost) gets Invalid Message and a close.
//!
//! On graceful shutdown an idle connection closes at once; a message that
//! has started to arrive is read, answered, and then the connection closes.
//!
//! A client that takes the Server role (Set Endpoint Role) also gets
//! server-to-client requests (Notify, Put) between its messages, and its
//! Response Messages are taken as the answers to them ([`super::push`]).

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use bytes::{Bytes, BytesMut};
use kmip_ttlv::wire::{self, HEADER_LEN, Limits};
use kmip_ttlv::{ErrorKind, ProtocolVersion, Tag};
use rustls::pki_types::CertificateDer;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::sync::watch;
use tokio::time::{Instant, timeout, timeout_at};
use tokio_rustls::TlsAcceptor;
use tracing::{debug, info, warn};

use super::push::{Push, Wake};
use super::tls;
use crate::access;
use crate::config::ServerLimits;
use crate::ops::push::is_response_message;
use crate::ops::{Channel, Kms, Peer, Session};

/// Bytes of a message needed to read its protocol version: RequestMessage
/// header (8), RequestHeader header (8), ProtocolVersion header (8), Major
/// (16), Minor (16).
const VERSION_PREFIX_LEN: usize = 56;
/// How long an oversized message's first 48 body bytes are waited for.
const VERSION_PEEK_GRACE: Duration = Duration::from_secs(1);
/// How long closing a connection may take (close_notify, then draining
/// what the peer still sends so it sees our last response, not a reset).
const CLOSE_GRACE: Duration = Duration::from_secs(1);
/// At most this much is drained (and discarded) while closing.
const CLOSE_DRAIN_LIMIT: usize = 1 << 20;
/// The read buffer's initial room.
const INITIAL_BUFFER: usize = 8 * 1024;

/// The peer a verified client certificate names (subject CN, else first
/// SAN; the organisation from the configuration, else O, else OU), on
/// `channel`; the identity is recorded as seen and named in the current
/// span. Err: why the connection cannot have an identity.
pub(crate) async fn certificate_peer(
    kms: &Kms,
    certificate: Option<&CertificateDer<'_>>,
    address: SocketAddr,
    channel: Channel,
) -> Result<Peer, &'static str> {
    let Some(identity) = certificate.and_then(tls::client_identity) else {
        return Err("client certificate names no identity (no subject CN and no SAN)");
    };
    let span = tracing::Span::current();
    span.record("subject", identity.subject.as_str());
    span.record("identity", identity.name.as_str());
    if !access::valid_cert_name(&identity.name) {
        return Err("client certificate names a reserved identity (machine:, group:)");
    }
    let organisation = kms.access().policy().organisation(&identity.name, identity.organisation);
    let seen = access::Identity {
        kind: access::IdentityKind::Cert,
        name: identity.name.clone(),
        organisation: organisation.clone(),
    };
    if let Err(e) = kms.access().seen(&seen, kms.now()).await {
        warn!(error = %e, "could not record the identity");
    }
    Ok(Peer { identity: identity.name, address: Some(address), organisation, channel })
}

/// Serves one accepted TCP connection until it closes; everything is
/// logged in the caller's connection span.
pub(crate) struct Handler {
    pub(crate) kms: Arc<Kms>,
    pub(crate) limits: ServerLimits,
    pub(crate) acceptor: TlsAcceptor,
    pub(crate) shutdown: Shutdown,
}

impl Handler {
    /// Handshake, identity, then messages.
    pub(crate) async fn run(mut self, socket: TcpStream, address: SocketAddr) {
        let handshake = timeout(self.limits.handshake_timeout, self.acceptor.accept(socket));
        let stream = tokio::select! {
            _ = self.shutdown.recv() => {
                debug!("server shutting down: handshake abandoned");
                return;
            }
            result = handshake => match result {
                Err(_) => {
                    info!(timeout = ?self.limits.handshake_timeout, "TLS handshake timed out: closing");
                    return;
                }
                Ok(Err(e)) => {
                    info!(error = %e, "TLS handshake refused");
                    return;
                }
                Ok(Ok(stream)) => stream,
            },
        };
        let certificate = stream.get_ref().1.peer_certificates().and_then(|certs| certs.first());
        let peer = match certificate_peer(&self.kms, certificate, address, Channel::Kmip).await {
            Ok(peer) => peer,
            Err(refusal) => {
                warn!("{refusal}: closing");
                return;
            }
        };
        let version = stream.get_ref().1.protocol_version().map(|v| format!("{v:?}")).unwrap_or_default();
        debug!(tls = %version, "connection established");
        self.serve(stream, &peer).await;
    }

    /// Reads messages from `stream` and answers each, until the peer
    /// leaves, a limit is hit, or the server shuts down. Between messages,
    /// a client in the Server role also gets server-to-client requests.
    pub(crate) async fn serve<S: AsyncRead + AsyncWrite + Unpin>(&mut self, stream: S, peer: &Peer) {
        let mut connection = Connection::new(stream);
        let mut session = Session::default();
        let mut push = Push::new();
        // The idle timeout counts from the last traffic of this connection:
        // events about objects it does not get do not extend it.
        let mut idle_until = Instant::now() + self.limits.idle_timeout;
        loop {
            let next = connection.read_message_or(&mut self.shutdown, &self.limits, idle_until, push.next()).await;
            let incoming = match next {
                Ok(Next::Incoming(incoming)) => incoming,
                Ok(Next::Other(wake)) => match self.wake(&mut connection, peer, &mut push, wake).await {
                    Ok(true) => {
                        idle_until = Instant::now() + self.limits.idle_timeout;
                        continue;
                    }
                    Ok(false) => continue,
                    Err(e) => {
                        info!(error = %e, "writing a server-to-client request failed: closing");
                        return;
                    }
                },
                Err(e) => {
                    info!(error = %e, "read failed: closing");
                    return;
                }
            };
            match incoming {
                Incoming::Message(answer) if push.takes_answers() && is_response_message(&answer) => {
                    debug!(bytes = answer.len(), "answer to a server-to-client request");
                    push.answer(&answer);
                    idle_until = Instant::now() + self.limits.idle_timeout;
                }
                Incoming::Message(request) => {
                    debug!(bytes = request.len(), "request");
                    push.saw_request(&request);
                    let response = self.kms.handle_session_message(peer, &mut session, request).await;
                    // Before the response goes out: every change committed
                    // after the client learns of its new role reaches it.
                    push.follow(&self.kms, &session);
                    debug!(bytes = response.len(), "response");
                    if let Err(e) = connection.write(&response, self.limits.partial_message_timeout).await {
                        info!(error = %e, "writing the response failed: closing");
                        return;
                    }
                    if self.shutdown.check() {
                        debug!("server shutting down: closing after the request in flight");
                        connection.close(false).await;
                        return;
                    }
                    idle_until = Instant::now() + self.limits.idle_timeout;
                }
                Incoming::Closed => {
                    debug!("closed by the client");
                    connection.close(false).await;
                    return;
                }
                Incoming::Shutdown => {
                    debug!("server shutting down: closing idle connection");
                    connection.close(false).await;
                    return;
                }
                Incoming::IdleTimeout => {
                    info!(timeout = ?self.limits.idle_timeout, "idle timeout: closing");
                    connection.close(false).await;
                    return;
                }
                Incoming::PartialTimeout { received } => {
                    warn!(
                        received,
                        timeout = ?self.limits.partial_message_timeout,
                        "message not complete within the partial-message timeout: closing"
                    );
                    connection.close(false).await;
                    return;
                }
                Incoming::Truncated { received } => {
                    info!(received, "connection closed in the middle of a message");
                    return;
                }
                Incoming::TooLarge { length, version } => {
                    let limit = self.limits.max_message_size;
                    warn!(length, limit, "message exceeds the maximum message size: refused, closing");
                    let message =
                        format!("message of {length} bytes exceeds the maximum message size of {limit} bytes");
                    self.refuse(connection, version, &message).await;
                    return;
                }
                Incoming::Framing(e) => {
                    warn!(error = %e, "malformed message header (framing lost): refused, closing");
                    self.refuse(connection, None, &format!("malformed message header: {e}")).await;
                    return;
                }
            }
        }
    }

    /// Acts on what [`Push::next`] brought: writes the request for an event
    /// (if the connection's identity may see the object), or logs lost
    /// events or an unanswered request. True if a request was written; Err
    /// only when writing fails.
    async fn wake<S: AsyncRead + AsyncWrite + Unpin>(
        &self,
        connection: &mut Connection<S>,
        peer: &Peer,
        push: &mut Push,
        wake: Wake,
    ) -> std::io::Result<bool> {
        match wake {
            Wake::Event(event) => {
                let id = push.next_batch_item_id();
                let Some(request) = self.kms.server_request(peer, &event, push.version(), id).await else {
                    return Ok(false);
                };
                let timeout = self.limits.partial_message_timeout;
                connection.write(&request.bytes, timeout).await?;
                debug!(
                    operation = ?request.expected.operation,
                    id = %request.expected.object_id,
                    "server-to-client request sent"
                );
                push.sent(request.expected, Instant::now() + timeout);
                Ok(true)
            }
            Wake::Lagged(missed) => {
                warn!(missed, "connection fell behind the object events: server-to-client requests lost");
                Ok(false)
            }
            Wake::Unanswered(expected) => {
                warn!(
                    operation = ?expected.operation,
                    id = %expected.object_id,
                    timeout = ?self.limits.partial_message_timeout,
                    "the client did not answer a server-to-client request in time"
                );
                Ok(false)
            }
        }
    }

    /// Sends Invalid Message and closes.
    async fn refuse<S: AsyncRead + AsyncWrite + Unpin>(
        &self,
        mut connection: Connection<S>,
        version: Option<ProtocolVersion>,
        message: &str,
    ) {
        let response = self.kms.refuse_message(version, message);
        if let Err(e) = connection.write(&response, self.limits.partial_message_timeout).await {
            info!(error = %e, "writing the refusal failed");
            return;
        }
        connection.close(true).await;
    }
}

/// What the next read brought.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Incoming {
    /// One whole message.
    Message(Bytes),
    /// The peer closed the connection between messages.
    Closed,
    /// The server is shutting down and no message has started.
    Shutdown,
    /// No message started within the idle timeout.
    IdleTimeout,
    /// A message started but did not complete in time.
    PartialTimeout { received: usize },
    /// The peer closed the connection in the middle of a message.
    Truncated { received: usize },
    /// The header announces more than the maximum message size.
    TooLarge { length: u64, version: Option<ProtocolVersion> },
    /// The header cannot start a message.
    Framing(kmip_ttlv::Error),
}

/// What [`Connection::read_message_or`] brought: a message (or why none),
/// or the other thing waited for.
pub(crate) enum Next<T> {
    Incoming(Incoming),
    Other(T),
}

/// A byte stream with a read buffer, speaking whole messages.
pub(crate) struct Connection<S> {
    stream: S,
    buffer: BytesMut,
}

impl<S: AsyncRead + AsyncWrite + Unpin> Connection<S> {
    pub(crate) fn new(stream: S) -> Connection<S> {
        Connection { stream, buffer: BytesMut::with_capacity(INITIAL_BUFFER) }
    }

    /// Reads the next message, applying the limits.
    #[cfg(test)]
    pub(crate) async fn read_message(
        &mut self,
        shutdown: &mut Shutdown,
        limits: &ServerLimits,
    ) -> std::io::Result<Incoming> {
        let idle_until = Instant::now() + limits.idle_timeout;
        match self
            .read_message_or(shutdown, limits, idle_until, std::future::pending::<std::convert::Infallible>())
            .await?
        {
            Next::Incoming(incoming) => Ok(incoming),
            Next::Other(never) => match never {},
        }
    }

    /// Reads the next message, applying the limits; while no message has
    /// started (the idle wait, which ends at `idle_until`), `other` may end
    /// the wait instead. Once the first byte of a message is in, the
    /// message is read to its end. The caller keeps `idle_until` across
    /// waits that `other` ended, so only real traffic extends it.
    pub(crate) async fn read_message_or<T>(
        &mut self,
        shutdown: &mut Shutdown,
        limits: &ServerLimits,
        idle_until: Instant,
        other: impl Future<Output = T>,
    ) -> std::io::Result<Next<T>> {
        if self.buffer.is_empty() {
            self.buffer.reserve(INITIAL_BUFFER);
            // Bytes already on their way win over the shutdown signal (a
            // message that has started is answered) and over `other`.
            tokio::select! {
                biased;
                read = timeout_at(idle_until, self.stream.read_buf(&mut self.buffer)) => match read {
                    Err(_) => return Ok(Next::Incoming(Incoming::IdleTimeout)),
                    Ok(Ok(0)) => return Ok(Next::Incoming(Incoming::Closed)),
                    Ok(Ok(_)) => {}
                    Ok(Err(e)) => return Err(e),
                },
                () = shutdown.recv() => return Ok(Next::Incoming(Incoming::Shutdown)),
                value = other => return Ok(Next::Other(value)),
            }
        }
        self.read_started(limits).await.map(Next::Incoming)
    }

    /// Reads the rest of a message whose first bytes are buffered.
    async fn read_started(&mut self, limits: &ServerLimits) -> std::io::Result<Incoming> {
        let deadline = Instant::now() + limits.partial_message_timeout;
        while self.buffer.len() < HEADER_LEN {
            if let Some(stop) = self.fill(deadline).await? {
                return Ok(stop);
            }
        }
        let wire_limits = Limits { max_message_size: limits.max_message_size, ..Limits::default() };
        let length = match wire::message_length(&self.buffer, &wire_limits) {
            Ok(Some(length)) => length,
            Ok(None) => unreachable!("a whole header is buffered"),
            Err(e) => {
                return Ok(match e.kind() {
                    ErrorKind::MessageTooLarge { length, .. } => {
                        Incoming::TooLarge { length: *length, version: self.peek_version(deadline).await }
                    }
                    _ => Incoming::Framing(e),
                });
            }
        };
        // `length` is within the limit: now the room for the body is made.
        self.buffer.reserve(length.saturating_sub(self.buffer.len()));
        while self.buffer.len() < length {
            if let Some(stop) = self.fill(deadline).await? {
                return Ok(stop);
            }
        }
        Ok(Incoming::Message(self.buffer.split_to(length).freeze()))
    }

    /// One read into the buffer before `deadline`; `Some` when the message
    /// cannot complete.
    async fn fill(&mut self, deadline: Instant) -> std::io::Result<Option<Incoming>> {
        let received = self.buffer.len();
        match timeout_at(deadline, self.stream.read_buf(&mut self.buffer)).await {
            Err(_) => Ok(Some(Incoming::PartialTimeout { received })),
            Ok(Ok(0)) => Ok(Some(Incoming::Truncated { received })),
            Ok(Ok(_)) => Ok(None),
            Ok(Err(e)) => Err(e),
        }
    }

    /// The protocol version of an oversized message, from what is buffered
    /// plus what arrives within a short grace; None if it does not show.
    async fn peek_version(&mut self, deadline: Instant) -> Option<ProtocolVersion> {
        let deadline = deadline.min(Instant::now() + VERSION_PEEK_GRACE);
        while self.buffer.len() < VERSION_PREFIX_LEN {
            if self.buffer.capacity() == self.buffer.len() {
                self.buffer.reserve(VERSION_PREFIX_LEN);
            }
            match self.fill(deadline).await {
                Ok(None) => {}
                Ok(Some(_)) | Err(_) => break,
            }
        }
        request_version(&self.buffer)
    }

    /// Writes a whole response within `limit`.
    pub(crate) async fn write(&mut self, bytes: &[u8], limit: Duration) -> std::io::Result<()> {
        let write = async {
            self.stream.write_all(bytes).await?;
            self.stream.flush().await
        };
        timeout(limit, write)
            .await
            .unwrap_or_else(|_| Err(std::io::Error::new(std::io::ErrorKind::TimedOut, "response not taken in time")))
    }

    /// Closes the connection (TLS close_notify, then the TCP write side);
    /// with `drain`, reads and discards what the peer still sends for a
    /// moment, so a peer still writing gets our last response rather than a
    /// connection reset.
    pub(crate) async fn close(mut self, drain: bool) {
        let _ = timeout(CLOSE_GRACE, self.stream.shutdown()).await;
        if !drain {
            return;
        }
        let mut scratch = vec![0u8; 16 * 1024];
        let mut drained = 0;
        let deadline = Instant::now() + CLOSE_GRACE;
        while drained < CLOSE_DRAIN_LIMIT {
            match timeout_at(deadline, self.stream.read(&mut scratch)).await {
                Ok(Ok(n)) if n > 0 => drained += n,
                _ => break,
            }
        }
    }
}

/// The protocol version in the first bytes of a request message:
/// `RequestMessage { RequestHeader { ProtocolVersion { Major, Minor } ...`;
/// None if the bytes are not laid out so.
pub(crate) fn request_version(bytes: &[u8]) -> Option<ProtocolVersion> {
    let expect = |at: usize, tag: Tag, item_type: u8, length: Option<u32>| -> Option<()> {
        let header = bytes.get(at..at + HEADER_LEN)?;
        let tag_bytes = tag.value().to_be_bytes();
        let len = u32::from_be_bytes([header[4], header[5], header[6], header[7]]);
        (header[..3] == tag_bytes[1..] && header[3] == item_type && length.is_none_or(|l| l == len)).then_some(())
    };
    expect(0, Tag::REQUEST_MESSAGE, 0x01, None)?;
    expect(8, Tag::REQUEST_HEADER, 0x01, None)?;
    expect(16, Tag::PROTOCOL_VERSION, 0x01, Some(32))?;
    expect(24, Tag::PROTOCOL_VERSION_MAJOR, 0x02, Some(4))?;
    expect(40, Tag::PROTOCOL_VERSION_MINOR, 0x02, Some(4))?;
    let int = |at: usize| Some(i32::from_be_bytes(bytes.get(at..at + 4)?.try_into().ok()?));
    Some(ProtocolVersion::new(int(32)?, int(48)?))
}

/// Listens for the server's shutdown signal (mini-redis `Shutdown`), over
/// a `watch` channel rather than a broadcast one: a receiver made after the
/// signal still sees it, so a connection accepted at the moment of shutdown
/// cannot miss it.
#[derive(Clone, Debug)]
pub(crate) struct Shutdown {
    notify: watch::Receiver<bool>,
}

impl Shutdown {
    pub(crate) fn new(notify: watch::Receiver<bool>) -> Shutdown {
        Shutdown { notify }
    }

    /// Waits for the signal (at once if it came already). The sender gone
    /// counts as the signal.
    pub(crate) async fn recv(&mut self) {
        let _ = self.notify.wait_for(|stop| *stop).await;
    }

    /// True if the signal came, without waiting.
    pub(crate) fn check(&self) -> bool {
        *self.notify.borrow() || self.notify.has_changed().is_err()
    }
}

#[cfg(test)]
mod tests {
    use tokio::io::{DuplexStream, duplex};

    use super::*;

    // RequestMessage, RequestHeader, ProtocolVersion 2.1, then a BatchCount.
    const PREFIX: &str = "
        420078 01 00000068
        420077 01 00000038
        420069 01 00000020
        42006A 02 00000004 00000002 00000000
        42006B 02 00000004 00000001 00000000
        42000D 02 00000004 00000001 00000000";

    fn hex_bytes(text: &str) -> Vec<u8> {
        hex::decode(text.split_whitespace().collect::<String>()).expect("hex")
    }

    fn limits() -> ServerLimits {
        ServerLimits {
            max_message_size: 256,
            idle_timeout: Duration::from_millis(200),
            partial_message_timeout: Duration::from_millis(200),
            ..ServerLimits::default()
        }
    }

    fn setup() -> (Connection<DuplexStream>, DuplexStream, Shutdown, watch::Sender<bool>) {
        let (server, client) = duplex(64 * 1024);
        let (tx, rx) = watch::channel(false);
        (Connection::new(server), client, Shutdown::new(rx), tx)
    }

    /// A whole message of `total` bytes: the 2.1 prefix, then zero padding in
    /// a Structure-typed length the header announces.
    fn message(total: usize) -> Vec<u8> {
        let mut bytes = hex_bytes(PREFIX);
        bytes[4..8].copy_from_slice(&u32::try_from(total - 8).expect("small").to_be_bytes());
        bytes.resize(total, 0);
        bytes
    }

    #[test]
    fn version_from_the_first_56_bytes() {
        let bytes = hex_bytes(PREFIX);
        assert_eq!(request_version(&bytes), Some(ProtocolVersion::V2_1));
        assert_eq!(request_version(&bytes[..51]), None, "the Minor value is cut");
        let mut other = bytes.clone();
        other[10] = 0x00; // 420000, not RequestHeader 420077
        assert_eq!(request_version(&other), None);
    }

    #[tokio::test]
    async fn reads_pipelined_messages_one_at_a_time() {
        let (mut conn, mut client, mut shutdown, _tx) = setup();
        let (first, second) = (message(112), message(120));
        let mut both = first.clone();
        both.extend_from_slice(&second);
        client.write_all(&both).await.expect("write");
        assert_eq!(conn.read_message(&mut shutdown, &limits()).await.expect("read"), Incoming::Message(first.into()));
        assert_eq!(conn.read_message(&mut shutdown, &limits()).await.expect("read"), Incoming::Message(second.into()));
        drop(client);
        assert_eq!(conn.read_message(&mut shutdown, &limits()).await.expect("read"), Incoming::Closed);
    }

    #[tokio::test]
    async fn oversized_header_is_refused_before_the_body() {
        let (mut conn, mut client, mut shutdown, _tx) = setup();
        let mut bytes = hex_bytes(PREFIX);
        bytes[4..8].copy_from_slice(&0x0010_0000u32.to_be_bytes());
        client.write_all(&bytes).await.expect("write");
        let incoming = conn.read_message(&mut shutdown, &limits()).await.expect("read");
        assert_eq!(incoming, Incoming::TooLarge { length: 0x0010_0008, version: Some(ProtocolVersion::V2_1) });
        assert!(conn.buffer.capacity() < 0x0010_0000, "no room made for the body");
    }

    #[tokio::test]
    async fn oversized_header_alone_has_no_version() {
        let (mut conn, mut client, mut shutdown, _tx) = setup();
        client.write_all(&hex_bytes("420078 01 7FFFFFF8")).await.expect("write");
        let incoming = conn.read_message(&mut shutdown, &limits()).await.expect("read");
        assert_eq!(incoming, Incoming::TooLarge { length: 0x8000_0000, version: None });
    }

    #[tokio::test]
    async fn bad_header_is_a_framing_error() {
        let (mut conn, mut client, mut shutdown, _tx) = setup();
        client.write_all(&hex_bytes("420078 02 00000004 00000000 00000000")).await.expect("write");
        let incoming = conn.read_message(&mut shutdown, &limits()).await.expect("read");
        assert!(matches!(incoming, Incoming::Framing(_)), "{incoming:?}");
    }

    #[tokio::test]
    async fn waking_for_something_else_does_not_extend_the_idle_wait() {
        let (mut conn, _client, mut shutdown, _tx) = setup();
        let limits = limits();
        let start = Instant::now();
        let idle_until = start + limits.idle_timeout;
        // Woken twice by the other future (as by events for other objects)...
        for _ in 0..2 {
            let woke =
                conn.read_message_or(&mut shutdown, &limits, idle_until, tokio::time::sleep(limits.idle_timeout / 4));
            assert!(matches!(woke.await.expect("read"), Next::Other(())));
        }
        // ...the wait still ends when it was due, not a full timeout later.
        let last = conn.read_message_or(&mut shutdown, &limits, idle_until, std::future::pending::<()>()).await;
        assert!(matches!(last.expect("read"), Next::Incoming(Incoming::IdleTimeout)));
        let waited = start.elapsed();
        assert!(waited < limits.idle_timeout + limits.idle_timeout / 2, "{waited:?}");
    }

    #[tokio::test]
    async fn idle_and_partial_timeouts() {
        let (mut conn, mut client, mut shutdown, _tx) = setup();
        assert_eq!(conn.read_message(&mut shutdown, &limits()).await.expect("read"), Incoming::IdleTimeout);
        client.write_all(&message(112)[..20]).await.expect("write");
        assert_eq!(
            conn.read_message(&mut shutdown, &limits()).await.expect("read"),
            Incoming::PartialTimeout { received: 20 }
        );
    }

    #[tokio::test]
    async fn truncated_message() {
        let (mut conn, mut client, mut shutdown, _tx) = setup();
        client.write_all(&message(112)[..60]).await.expect("write");
        drop(client);
        assert_eq!(
            conn.read_message(&mut shutdown, &limits()).await.expect("read"),
            Incoming::Truncated { received: 60 }
        );
    }

    #[tokio::test]
    async fn shutdown_ends_an_idle_wait_but_not_a_started_message() {
        let (mut conn, mut client, mut shutdown, tx) = setup();
        let whole = message(112);
        client.write_all(&whole[..30]).await.expect("write");
        tx.send_replace(true);
        let rest = whole[30..].to_vec();
        let writer = tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis(50)).await;
            client.write_all(&rest).await.expect("write");
            client
        });
        assert_eq!(conn.read_message(&mut shutdown, &limits()).await.expect("read"), Incoming::Message(whole.into()));
        let _client = writer.await.expect("writer");
        assert_eq!(conn.read_message(&mut shutdown, &limits()).await.expect("read"), Incoming::Shutdown);
    }
}
