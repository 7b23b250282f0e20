//! `kms bench --hold N`: what idle connections cost the server.
//!
//! Opens N mutual-TLS connections (a few handshakes at a time), sends one
//! small request on each (an RNG Retrieve of 16 bytes, so every connection
//! has been used once, as a real client's would), then leaves them all open
//! and idle. The server's resident set size (`--server-pid`) is read before
//! the first connection and once all are open and the server has settled;
//! the difference divided by N is what one idle connection costs. After the
//! hold (`--duration`), every connection sends one more request, to show
//! the server kept them all, and they are closed.

use std::fmt;
use std::time::{Duration, Instant};

use serde::Serialize;
use tokio::io::AsyncWriteExt;
use tokio::task::JoinSet;

use super::client::{self, connect, read_message};
use super::workload::Requests;
use super::{Settings, Stop, rss_kib};

/// Handshakes in flight at once while connecting.
const CONNECTING: usize = 32;
/// How long the server is left to settle before its RSS is read.
const SETTLE: Duration = Duration::from_secs(2);

/// What `--hold` measured.
#[derive(Debug, Serialize)]
pub struct HoldReport {
    /// Connections opened and used.
    pub connections: usize,
    /// How long opening them took, in seconds (handshakes and one request each).
    pub connect_seconds: f64,
    /// How long they were held, in seconds.
    pub held_seconds: f64,
    /// Connections that still answered after the hold.
    pub alive_after: usize,
    /// The server's RSS before the first connection, in KiB.
    pub server_rss_before_kib: Option<u64>,
    /// The server's RSS with every connection open and idle, in KiB.
    pub server_rss_held_kib: Option<u64>,
    /// The server's RSS after they were closed, in KiB.
    pub server_rss_after_kib: Option<u64>,
}

impl HoldReport {
    /// The RSS one idle connection added, in bytes.
    pub fn per_connection_bytes(&self) -> Option<f64> {
        let (before, held) = (self.server_rss_before_kib?, self.server_rss_held_kib?);
        (self.connections > 0).then(|| held.saturating_sub(before) as f64 * 1024.0 / self.connections as f64)
    }
}

impl fmt::Display for HoldReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{:<28} {:>12}", "idle connections", self.connections)?;
        writeln!(f, "{:<28} {:>12.2}", "seconds to open them", self.connect_seconds)?;
        writeln!(f, "{:<28} {:>12.2}", "seconds held", self.held_seconds)?;
        writeln!(f, "{:<28} {:>12}", "answering after the hold", self.alive_after)?;
        let kib = |v: Option<u64>| v.map_or_else(|| "-".to_owned(), |v| v.to_string());
        writeln!(f, "{:<28} {:>12}", "server RSS before (KiB)", kib(self.server_rss_before_kib))?;
        writeln!(f, "{:<28} {:>12}", "server RSS held (KiB)", kib(self.server_rss_held_kib))?;
        writeln!(f, "{:<28} {:>12}", "server RSS after (KiB)", kib(self.server_rss_after_kib))?;
        match self.per_connection_bytes() {
            Some(bytes) => writeln!(f, "{:<28} {:>12.1}", "KB per idle connection", bytes / 1000.0),
            None => writeln!(f, "{:<28} {:>12}", "KB per idle connection", "- (needs --server-pid)"),
        }
    }
}

/// Opens `count` connections, holds them idle, and reports.
pub async fn hold(settings: &Settings, count: usize) -> Result<HoldReport, String> {
    if count == 0 {
        return Err("--hold needs at least one connection".into());
    }
    // Each connection is a file descriptor here too.
    let wanted = u64::try_from(count).unwrap_or(u64::MAX).saturating_add(256);
    match rlimit::increase_nofile_limit(wanted) {
        Ok(limit) if limit >= wanted => {}
        Ok(limit) => return Err(format!("the open-files limit is {limit}; {count} connections need {wanted}")),
        Err(e) => return Err(format!("raising the open-files limit: {e}")),
    }
    let connector = client::connector(&settings.target)?;
    let requests = Requests { version: settings.version };
    let message = requests.message(&requests.rng(16), 1)?;
    let rss_before = settings.server_pid.and_then(rss_kib);

    let started = Instant::now();
    let mut streams = Vec::with_capacity(count);
    let mut opening = JoinSet::new();
    let mut next = 0;
    while streams.len() < count {
        while next < count && opening.len() < CONNECTING {
            let (target, connector, message) = (settings.target.clone(), connector.clone(), message.clone());
            opening.spawn(async move {
                let mut stream = connect(&target, &connector).await?;
                used_once(&mut stream, &message).await?;
                Ok::<_, String>(stream)
            });
            next += 1;
        }
        match opening.join_next().await {
            Some(Ok(Ok(stream))) => streams.push(stream),
            Some(Ok(Err(e))) => return Err(format!("connection {}: {e}", streams.len() + 1)),
            Some(Err(e)) => return Err(format!("a connecting task failed: {e}")),
            None => break,
        }
        if settings.progress && streams.len() % 1000 == 0 {
            eprint!("\r{:>8} connections open", streams.len());
        }
    }
    let connect_seconds = started.elapsed().as_secs_f64();
    if settings.progress {
        eprintln!();
    }

    let held_from = Instant::now();
    tokio::time::sleep(SETTLE).await;
    let rss_held = settings.server_pid.and_then(rss_kib);
    let rest = match settings.stop {
        Stop::Duration(duration) => duration.saturating_sub(SETTLE),
        Stop::Requests(_) => Duration::ZERO,
    };
    tokio::time::sleep(rest).await;
    let held_seconds = held_from.elapsed().as_secs_f64();

    let mut checks = JoinSet::new();
    let mut alive_after = 0;
    for mut stream in streams {
        if checks.len() >= CONNECTING
            && let Some(Ok(true)) = checks.join_next().await
        {
            alive_after += 1;
        }
        let message = message.clone();
        checks.spawn(async move {
            let alive = used_once(&mut stream, &message).await.is_ok();
            let _ = stream.shutdown().await;
            alive
        });
    }
    while let Some(result) = checks.join_next().await {
        alive_after += usize::from(matches!(result, Ok(true)));
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    Ok(HoldReport {
        connections: count,
        connect_seconds,
        held_seconds,
        alive_after,
        server_rss_before_kib: rss_before,
        server_rss_held_kib: rss_held,
        server_rss_after_kib: settings.server_pid.and_then(rss_kib),
    })
}

/// Sends `message` (one RNG Retrieve) and reads its answer, which must
/// succeed.
async fn used_once<S>(stream: &mut S, message: &[u8]) -> Result<(), String>
where
    S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin,
{
    stream.write_all(message).await.map_err(|e| format!("sending: {e}"))?;
    let mut buf = Vec::new();
    read_message(stream, &mut buf).await?;
    let mut errors = std::collections::BTreeMap::new();
    match client::scan(&buf, &mut errors) {
        0 => Ok(()),
        _ => Err(format!("the request failed: {errors:?}")),
    }
}
