//! The HTTPS side listener (SPEC section 5; STYLE.md: the hyper shell, and
//! the only place hyper is named).
//!
//! - TLS by default with the KMIP listener's server certificate, through
//!   the same [`ServerTls`](crate::server::tls::ServerTls), so a reload
//!   (SIGHUP) applies to both. A client certificate is optional here but
//!   verified against the CA bundle (and the deny-list and CRL) when
//!   presented; it names the identity of `POST /kmip` as on the KMIP port.
//!   HTTP/1.1 and HTTP/2 (ALPN `h2`, `http/1.1`). Plain HTTP only with
//!   `http.tls = false`, for a local sidecar.
//! - Routes ([`routes`]): `GET /api/status` (health, no authentication),
//!   `GET /metrics` (Prometheus text format, no authentication) and
//!   `POST /kmip` (the KMIP HTTPS profile: binary TTLV, KMIP JSON or KMIP
//!   XML, answered in the same encoding). Errors are JSON in the shape
//!   Infisical's clients read: `{"reqId","statusCode","message","error"}`.
//! - Limits: the connection cap of the KMIP listener (its own count), the
//!   TLS handshake timeout, the request body limit (`http.max_body_size`,
//!   413 beyond it), the header and body timeouts and the idle timeout of
//!   `[http]`.
//! - Shutdown with the KMIP listener: no new connections, requests in
//!   flight are answered, then every connection closes.

mod auth;
mod routes;
mod secrets;

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use hyper::service::service_fn;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Semaphore, mpsc};
use tracing::{Instrument, debug, error, field, info, info_span, warn};

use crate::config::HttpSettings;
use crate::ops::{Channel, Kms, Peer};
use crate::server::tls::ServerTls;
use crate::server::{Shutdown, Stats};

/// How long a connection told to close may take to finish its requests.
const CLOSE_GRACE: Duration = Duration::from_secs(30);

/// Counters of the side listener (the admin `status`, `/metrics`).
#[derive(Debug, Default)]
pub struct HttpStats {
    open: AtomicUsize,
    accepted: AtomicU64,
    requests: AtomicU64,
}

impl HttpStats {
    /// Connections open now (TLS handshakes included).
    pub fn open_connections(&self) -> usize {
        self.open.load(Ordering::Relaxed)
    }

    /// Connections accepted since the start.
    pub fn accepted(&self) -> u64 {
        self.accepted.load(Ordering::Relaxed)
    }

    /// Requests answered since the start.
    pub fn requests(&self) -> u64 {
        self.requests.load(Ordering::Relaxed)
    }
}

/// What every request handler reads.
pub(crate) struct State {
    pub(crate) kms: Arc<Kms>,
    pub(crate) settings: HttpSettings,
    /// The KMIP listener's counters (open connections for `/metrics`).
    pub(crate) kmip_stats: Arc<Stats>,
    pub(crate) stats: Arc<HttpStats>,
    /// Machine identities and their tokens (Universal Auth).
    pub(crate) auth: Arc<crate::auth::Auth>,
}

/// The side listener's accept loop (mini-redis `Listener`, as the KMIP
/// listener's).
pub(crate) struct HttpListener {
    pub(crate) listener: TcpListener,
    /// None: plain HTTP (`http.tls = false`).
    pub(crate) tls: Option<Arc<ServerTls>>,
    pub(crate) state: Arc<State>,
    pub(crate) handshake_timeout: Duration,
    pub(crate) max_connections: usize,
    pub(crate) shutdown: Shutdown,
    /// Held by every connection task; the server waits until all are gone.
    pub(crate) shutdown_complete: mpsc::Sender<()>,
}

impl HttpListener {
    /// Accepts connections until the shutdown signal; then the listening
    /// socket closes and the connections finish on their own.
    pub(crate) async fn run(self) {
        let connections = Arc::new(Semaphore::new(self.max_connections.min(Semaphore::MAX_PERMITS)));
        let mut stop = self.shutdown.clone();
        loop {
            let (socket, address) = tokio::select! {
                () = stop.recv() => break,
                accepted = accept(&self.listener) => accepted,
            };
            let stats = &self.state.stats;
            stats.accepted.fetch_add(1, Ordering::Relaxed);
            let Ok(permit) = connections.clone().try_acquire_owned() else {
                warn!(peer = %address, limit = self.max_connections, "HTTP connection limit reached: closing the new connection");
                continue;
            };
            let _ = socket.set_nodelay(true);
            stats.open.fetch_add(1, Ordering::Relaxed);
            let open = OpenGuard(stats.clone());
            let connection = Connection {
                state: self.state.clone(),
                tls: self.tls.clone(),
                handshake_timeout: self.handshake_timeout,
                shutdown: self.shutdown.clone(),
            };
            let done = self.shutdown_complete.clone();
            let span = info_span!("http", peer = %address, subject = field::Empty, identity = field::Empty);
            tokio::spawn(
                async move {
                    connection.run(socket, address).await;
                    drop(permit);
                    drop(open);
                    drop(done);
                }
                .instrument(span),
            );
        }
        debug!("HTTP listener stopped accepting");
    }
}

/// The next connection; accept errors are logged and retried with a
/// growing pause.
async fn accept(listener: &TcpListener) -> (TcpStream, SocketAddr) {
    let mut backoff = Duration::from_millis(5);
    loop {
        match listener.accept().await {
            Ok(accepted) => return accepted,
            Err(e) => {
                error!(error = %e, retry_in = ?backoff, "HTTP accept failed");
                tokio::time::sleep(backoff).await;
                backoff = (backoff * 2).min(Duration::from_secs(1));
            }
        }
    }
}

/// Decrements the open-connection count when a connection task ends.
struct OpenGuard(Arc<HttpStats>);

impl Drop for OpenGuard {
    fn drop(&mut self) {
        self.0.open.fetch_sub(1, Ordering::Relaxed);
    }
}

/// Who is on the other end of one connection.
pub(crate) struct ConnectionInfo {
    /// The identity of a verified client certificate, if one was presented.
    pub(crate) peer: Option<Peer>,
    /// The client's address (trusted IP ranges, rate limits, the audit).
    pub(crate) remote: SocketAddr,
}

/// One accepted connection.
struct Connection {
    state: Arc<State>,
    /// None: plain HTTP.
    tls: Option<Arc<ServerTls>>,
    handshake_timeout: Duration,
    shutdown: Shutdown,
}

impl Connection {
    async fn run(mut self, socket: TcpStream, address: SocketAddr) {
        // The files as they are now (a reload replaces the acceptor).
        let Some(acceptor) = self.tls.take().map(|tls| tls.http_acceptor()) else {
            let info = Arc::new(ConnectionInfo { peer: None, remote: address });
            serve(self.state, TokioIo::new(socket), info, self.shutdown).await;
            return;
        };
        let handshake = tokio::time::timeout(self.handshake_timeout, acceptor.accept(socket));
        let stream = tokio::select! {
            () = self.shutdown.recv() => return,
            result = handshake => match result {
                Err(_) => {
                    info!(timeout = ?self.handshake_timeout, "TLS handshake timed out: closing");
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
        let peer = match certificate {
            None => None,
            Some(certificate) => {
                match crate::server::certificate_peer(&self.state.kms, Some(certificate), address, Channel::Http).await
                {
                    Ok(peer) => Some(peer),
                    Err(refusal) => {
                        warn!("{refusal}: closing");
                        return;
                    }
                }
            }
        };
        let info = Arc::new(ConnectionInfo { peer, remote: address });
        serve(self.state, TokioIo::new(stream), info, self.shutdown).await;
    }
}

/// Serves HTTP/1.1 or HTTP/2 on `io` until the client leaves, the idle
/// timeout passes or the server shuts down.
async fn serve<I>(state: Arc<State>, io: I, info: Arc<ConnectionInfo>, mut shutdown: Shutdown)
where
    I: hyper::rt::Read + hyper::rt::Write + Unpin + Send + 'static,
{
    let activity = Arc::new(Activity::new());
    let service = {
        let (state, activity) = (state.clone(), activity.clone());
        service_fn(move |request| {
            let (state, info, activity) = (state.clone(), info.clone(), activity.clone());
            async move {
                let _busy = activity.begin();
                let response = routes::handle(&state, &info, request).await;
                state.stats.requests.fetch_add(1, Ordering::Relaxed);
                Ok::<_, Infallible>(response)
            }
        })
    };
    let mut builder = auto::Builder::new(TokioExecutor::new());
    builder.http1().timer(TokioTimer::new()).header_read_timeout(state.settings.header_timeout);
    let connection = builder.serve_connection(io, service);
    tokio::pin!(connection);
    let idle_timeout = state.settings.idle_timeout;
    let mut closing: Option<tokio::time::Instant> = None;
    loop {
        let idle_at = activity.idle_deadline(idle_timeout);
        tokio::select! {
            result = connection.as_mut() => {
                if let Err(e) = result {
                    debug!(error = %e, "HTTP connection ended with an error");
                }
                return;
            }
            () = shutdown.recv(), if closing.is_none() => {
                debug!("server shutting down: closing after the requests in flight");
                connection.as_mut().graceful_shutdown();
                closing = Some(tokio::time::Instant::now() + CLOSE_GRACE);
            }
            () = tokio::time::sleep_until(idle_at), if closing.is_none() => {
                if activity.idle(idle_timeout) {
                    debug!(timeout = ?idle_timeout, "idle timeout: closing");
                    connection.as_mut().graceful_shutdown();
                    closing = Some(tokio::time::Instant::now() + CLOSE_GRACE);
                }
            }
            () = sleep_until_some(closing) => {
                info!("connection did not finish within the close grace: dropped");
                return;
            }
        }
    }
}

async fn sleep_until_some(deadline: Option<tokio::time::Instant>) {
    match deadline {
        Some(deadline) => tokio::time::sleep_until(deadline).await,
        None => std::future::pending().await,
    }
}

/// When a connection last had a request, and how many it has in flight.
struct Activity {
    start: Instant,
    in_flight: AtomicUsize,
    /// Milliseconds from `start` to the last request's start or end.
    last: AtomicU64,
}

impl Activity {
    fn new() -> Activity {
        Activity { start: Instant::now(), in_flight: AtomicUsize::new(0), last: AtomicU64::new(0) }
    }

    fn touch(&self) {
        let ms = u64::try_from(self.start.elapsed().as_millis()).unwrap_or(u64::MAX);
        self.last.store(ms, Ordering::Relaxed);
    }

    fn begin(self: &Arc<Self>) -> Busy {
        self.in_flight.fetch_add(1, Ordering::Relaxed);
        self.touch();
        Busy(self.clone())
    }

    fn last(&self) -> Instant {
        self.start + Duration::from_millis(self.last.load(Ordering::Relaxed))
    }

    fn idle_deadline(&self, timeout: Duration) -> tokio::time::Instant {
        tokio::time::Instant::from_std(self.last() + timeout)
    }

    fn idle(&self, timeout: Duration) -> bool {
        self.in_flight.load(Ordering::Relaxed) == 0 && self.last().elapsed() >= timeout
    }
}

/// A request in flight.
struct Busy(Arc<Activity>);

impl Drop for Busy {
    fn drop(&mut self) {
        self.0.touch();
        self.0.in_flight.fetch_sub(1, Ordering::Relaxed);
    }
}
