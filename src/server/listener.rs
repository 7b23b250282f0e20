//! The accept loop (mini-redis `Listener`): one task per connection, a
//! semaphore for the connection cap.
//!
//! When every permit is taken, a new connection is closed at once with a
//! log line instead of waiting in the kernel's queue: exceeding the limit
//! affects that connection only, and its client learns at once.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::Duration;

use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Semaphore, mpsc};
use tracing::{Instrument, error, field, info_span, warn};

use super::connection::{Handler, Shutdown};
use crate::config::ServerLimits;
use crate::ops::Kms;

/// Counters the admin socket reports.
#[derive(Debug, Default)]
pub struct Stats {
    open: AtomicUsize,
    accepted: AtomicU64,
    refused_over_limit: AtomicU64,
}

impl Stats {
    /// Connections open now (TLS handshakes included).
    pub fn open_connections(&self) -> usize {
        self.open.load(Ordering::Relaxed)
    }

    /// Connections accepted since the start.
    pub fn accepted(&self) -> u64 {
        self.accepted.load(Ordering::Relaxed)
    }

    /// Connections closed at once because the connection limit was reached.
    pub fn refused_over_limit(&self) -> u64 {
        self.refused_over_limit.load(Ordering::Relaxed)
    }
}

/// Decrements the open-connection count when a connection task ends.
struct OpenGuard(Arc<Stats>);

impl Drop for OpenGuard {
    fn drop(&mut self) {
        self.0.open.fetch_sub(1, Ordering::Relaxed);
    }
}

pub(crate) struct Listener {
    pub(crate) listener: TcpListener,
    /// The TLS configuration new connections use (replaced by a reload).
    pub(crate) tls: Arc<super::tls::ServerTls>,
    pub(crate) kms: Arc<Kms>,
    pub(crate) limits: ServerLimits,
    pub(crate) connections: Arc<Semaphore>,
    pub(crate) shutdown: Shutdown,
    /// Held by every connection task; the server waits until all are gone.
    pub(crate) shutdown_complete: mpsc::Sender<()>,
    pub(crate) stats: Arc<Stats>,
}

impl Listener {
    /// Accepts connections until the future is dropped.
    pub(crate) async fn run(&mut self) {
        loop {
            let (socket, address) = self.accept().await;
            self.stats.accepted.fetch_add(1, Ordering::Relaxed);
            let Ok(permit) = self.connections.clone().try_acquire_owned() else {
                self.stats.refused_over_limit.fetch_add(1, Ordering::Relaxed);
                warn!(peer = %address, limit = self.limits.max_connections, "connection limit reached: closing the new connection");
                drop(socket);
                continue;
            };
            // Request/response traffic: send each response at once.
            let _ = socket.set_nodelay(true);
            self.stats.open.fetch_add(1, Ordering::Relaxed);
            let open = OpenGuard(self.stats.clone());
            let handler = Handler {
                kms: self.kms.clone(),
                limits: self.limits,
                acceptor: self.tls.acceptor(),
                shutdown: self.shutdown.clone(),
            };
            let done = self.shutdown_complete.clone();
            let span = info_span!("connection", peer = %address, subject = field::Empty, identity = field::Empty);
            tokio::spawn(
                async move {
                    handler.run(socket, address).await;
                    drop(permit);
                    drop(open);
                    drop(done);
                }
                .instrument(span),
            );
        }
    }

    /// The next connection. Accept errors (out of file descriptors, a
    /// connection reset before it was accepted) are logged and retried with
    /// a growing pause, never fatal.
    async fn accept(&mut self) -> (TcpStream, SocketAddr) {
        let mut backoff = Duration::from_millis(5);
        loop {
            match self.listener.accept().await {
                Ok(accepted) => return accepted,
                Err(e) => {
                    error!(error = %e, retry_in = ?backoff, "accept failed");
                    tokio::time::sleep(backoff).await;
                    backoff = (backoff * 2).min(Duration::from_secs(1));
                }
            }
        }
    }
}
