//! `kms bench`, the load generator (issue 7): KMIP over mutual TLS to any
//! server.
//!
//! A run has three phases:
//! 1. **Preparation**, on one connection: the keys the workload needs are
//!    made (and activated) and every request message is encoded once
//!    ([`workload`]): a Get, an Encrypt of `--size` bytes, the Decrypt of
//!    a ciphertext made then, a Sign and the Verify of its signature, ...
//! 2. **Warm-up** (`--warmup`): `--connections` connections, handshakes
//!    done, send the mix; nothing is recorded.
//! 3. **Measurement** (`--duration` or `--requests`): each connection keeps
//!    `--pipeline` messages in flight, each of `--batch` batch items. A
//!    message's latency is from just before its write to the end of its
//!    response's read; throughput counts batch items (operations) per
//!    second. A response is checked item by item without decoding it into
//!    a tree (a walk over the TTLV headers), and failures are counted by
//!    Result Reason.
//!
//! The server's resident set size is read from `/proc/PID/status` before
//! and after when `--server-pid` names a process on this host.

mod client;
pub mod echo;
pub mod hold;
pub mod raw;
pub mod workload;

use std::collections::BTreeMap;
use std::fmt::{self, Write as _};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use kmip_ttlv::ProtocolVersion;
use serde::Serialize;

pub use self::workload::{Alg, Existing, Mix, Op};

/// Where the server is and how to authenticate.
#[derive(Clone, Debug)]
pub struct Target {
    /// `host:port`.
    pub addr: String,
    /// The name checked against the server certificate.
    pub server_name: String,
    /// The CA certificate(s) to trust (PEM).
    pub ca: PathBuf,
    /// The client certificate chain (PEM).
    pub cert: PathBuf,
    /// The client's private key (PEM).
    pub key: PathBuf,
}

/// When the measurement ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stop {
    /// After this long.
    Duration(Duration),
    /// After this many messages have been answered.
    Requests(u64),
}

/// One run's settings (the command line).
#[derive(Clone, Debug)]
pub struct Settings {
    /// The server.
    pub target: Target,
    /// The protocol version every message carries.
    pub version: ProtocolVersion,
    /// Connections, each with its own task.
    pub connections: usize,
    /// Messages in flight per connection.
    pub pipeline: usize,
    /// Batch items per message.
    pub batch: usize,
    /// When the measurement ends.
    pub stop: Stop,
    /// How long the load runs before the measurement.
    pub warmup: Duration,
    /// The operations and their weights.
    pub mix: Mix,
    /// Payload bytes (encrypt, decrypt, sign, verify, mac, rng).
    pub size: usize,
    /// The algorithm of encrypt/decrypt and sign/verify keys.
    pub alg: Option<Alg>,
    /// Get and Locate pick among these objects instead of a key of their
    /// own.
    pub existing: Option<Existing>,
    /// The server's process, for its RSS.
    pub server_pid: Option<u32>,
    /// A progress line on standard error every second.
    pub progress: bool,
}

/// Latency percentiles of one message round trip, in microseconds.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Latency {
    /// Median.
    pub p50: f64,
    /// 90th percentile.
    pub p90: f64,
    /// 99th percentile.
    pub p99: f64,
    /// 99.9th percentile.
    pub p999: f64,
    /// The slowest.
    pub max: f64,
}

/// What a run measured.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    /// The mix, as given.
    pub ops: String,
    /// The protocol version.
    pub protocol_version: String,
    /// Connections.
    pub connections: usize,
    /// Messages in flight per connection.
    pub pipeline: usize,
    /// Batch items per message.
    pub batch: usize,
    /// Payload bytes.
    pub size: usize,
    /// Seconds measured.
    pub seconds: f64,
    /// Messages answered while measuring.
    pub messages: u64,
    /// Batch items answered while measuring (successful or not).
    pub operations: u64,
    /// Operations per second.
    pub ops_per_second: f64,
    /// Message round-trip latency.
    pub latency_us: Latency,
    /// Failed batch items, by Result Reason.
    pub errors: BTreeMap<String, u64>,
    /// Operations answered, by operation.
    pub by_operation: BTreeMap<String, u64>,
    /// The server's RSS before the load, in KiB.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub server_rss_kib_before: Option<u64>,
    /// The server's RSS after the load, in KiB.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub server_rss_kib_after: Option<u64>,
}

impl Report {
    /// Failed operations.
    pub fn error_count(&self) -> u64 {
        self.errors.values().sum()
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "ops {} · KMIP {} · {} connection(s) · pipeline {} · batch {} · {} bytes",
            self.ops, self.protocol_version, self.connections, self.pipeline, self.batch, self.size
        )?;
        writeln!(f, "{:<22}{:>14}", "operations/s", format!("{:.0}", self.ops_per_second))?;
        writeln!(f, "{:<22}{:>14}", "operations", self.operations)?;
        writeln!(f, "{:<22}{:>14}", "messages", self.messages)?;
        writeln!(f, "{:<22}{:>14}", "seconds", format!("{:.2}", self.seconds))?;
        let l = &self.latency_us;
        for (name, value) in [("p50", l.p50), ("p90", l.p90), ("p99", l.p99), ("p99.9", l.p999), ("max", l.max)] {
            writeln!(f, "{:<22}{:>14}", format!("latency {name} (µs)"), format!("{value:.1}"))?;
        }
        if self.by_operation.len() > 1 {
            for (op, count) in &self.by_operation {
                writeln!(f, "{:<22}{:>14}", format!("  {op}"), count)?;
            }
        }
        writeln!(f, "{:<22}{:>14}", "errors", self.error_count())?;
        for (reason, count) in &self.errors {
            writeln!(f, "{:<22}{:>14}", format!("  {reason}"), count)?;
        }
        if let (Some(before), Some(after)) = (self.server_rss_kib_before, self.server_rss_kib_after) {
            writeln!(f, "{:<22}{:>14}", "server RSS (KiB)", format!("{before} -> {after}"))?;
        }
        Ok(())
    }
}

/// How long the answers still in flight when a run ends are waited for.
const DRAIN: Duration = Duration::from_secs(10);

/// The state the connections share.
pub(crate) struct Shared {
    /// Set when the warm-up is over.
    pub(crate) measuring: AtomicBool,
    /// Set when the run is over.
    pub(crate) stopped: AtomicBool,
    /// `--requests`: messages still to send in the measurement.
    pub(crate) budget: AtomicI64,
    /// Operations answered while measuring (the progress line).
    pub(crate) answered: AtomicU64,
    /// Failed operations while measuring (the progress line).
    pub(crate) failed: AtomicU64,
}

/// What one connection measured.
pub(crate) struct Tally {
    pub(crate) histogram: hdrhistogram::Histogram<u64>,
    pub(crate) messages: u64,
    pub(crate) operations: u64,
    pub(crate) errors: BTreeMap<u32, u64>,
    pub(crate) by_operation: BTreeMap<Op, u64>,
}

impl Tally {
    pub(crate) fn new() -> Result<Tally, String> {
        // Nanoseconds from 1 ns to 100 s, three significant digits.
        let histogram = hdrhistogram::Histogram::new_with_bounds(1, 100_000_000_000, 3).map_err(|e| e.to_string())?;
        Ok(Tally { histogram, messages: 0, operations: 0, errors: BTreeMap::new(), by_operation: BTreeMap::new() })
    }

    fn merge(&mut self, other: Tally) -> Result<(), String> {
        self.histogram.add(&other.histogram).map_err(|e| e.to_string())?;
        self.messages += other.messages;
        self.operations += other.operations;
        for (reason, count) in other.errors {
            *self.errors.entry(reason).or_default() += count;
        }
        for (op, count) in other.by_operation {
            *self.by_operation.entry(op).or_default() += count;
        }
        Ok(())
    }
}

/// Runs the benchmark `settings` describes.
pub async fn run(settings: &Settings) -> Result<Report, String> {
    if settings.connections == 0 || settings.pipeline == 0 || settings.batch == 0 {
        return Err("--connections, --pipeline and --batch must be at least 1".into());
    }
    let connector = client::connector(&settings.target)?;
    let prepared = Arc::new(client::prepare(settings, &connector).await?);
    measure(settings, &settings.target, &connector, prepared).await
}

/// Runs the benchmark against the server, then the same messages (same
/// connections, pipeline depth and sizes) against the echo server at
/// `echo` (the floor: TLS and the runtime, no KMIP): the server's report
/// and the floor's.
pub async fn run_with_baseline(settings: &Settings, echo: &str) -> Result<(Report, Report), String> {
    if settings.connections == 0 || settings.pipeline == 0 || settings.batch == 0 {
        return Err("--connections, --pipeline and --batch must be at least 1".into());
    }
    let connector = client::connector(&settings.target)?;
    let prepared = client::prepare(settings, &connector).await?;
    let schedule = prepared.schedule.clone();
    let kmip = measure(settings, &settings.target, &connector, Arc::new(prepared)).await?;
    let floor_target = Target { addr: echo.to_owned(), ..settings.target.clone() };
    let echoed = client::Prepared { schedule, batch: settings.batch as u64, check: false };
    let mut floor_settings = settings.clone();
    floor_settings.server_pid = None;
    let floor = measure(&floor_settings, &floor_target, &connector, Arc::new(echoed)).await?;
    Ok((kmip, floor))
}

/// The warm-up and measurement phases against `target`.
async fn measure(
    settings: &Settings,
    target: &Target,
    connector: &tokio_rustls::TlsConnector,
    prepared: Arc<client::Prepared>,
) -> Result<Report, String> {
    let rss_before = settings.server_pid.and_then(rss_kib);

    let shared = Arc::new(Shared {
        measuring: AtomicBool::new(false),
        stopped: AtomicBool::new(false),
        budget: AtomicI64::new(match settings.stop {
            Stop::Requests(n) => i64::try_from(n).unwrap_or(i64::MAX),
            Stop::Duration(_) => i64::MAX,
        }),
        answered: AtomicU64::new(0),
        failed: AtomicU64::new(0),
    });
    let mut streams = Vec::with_capacity(settings.connections);
    for _ in 0..settings.connections {
        streams.push(client::connect(target, connector).await?);
    }
    let mut tasks = tokio::task::JoinSet::new();
    for (index, stream) in streams.into_iter().enumerate() {
        let (prepared, shared) = (Arc::clone(&prepared), Arc::clone(&shared));
        let pipeline = settings.pipeline;
        tasks.spawn(async move { client::drive(stream, &prepared, &shared, pipeline, index).await });
    }

    tokio::time::sleep(settings.warmup).await;
    shared.measuring.store(true, Ordering::SeqCst);
    let started = Instant::now();
    let progress = async {
        let mut tick =
            tokio::time::interval_at(tokio::time::Instant::now() + Duration::from_secs(1), Duration::from_secs(1));
        let mut last = 0;
        loop {
            tick.tick().await;
            if settings.progress {
                let answered = shared.answered.load(Ordering::Relaxed);
                let mut line = String::new();
                let _ = write!(
                    line,
                    "\r{:>6.1} s  {:>10} ops/s  {:>12} ops  {} errors   ",
                    started.elapsed().as_secs_f64(),
                    answered - last,
                    answered,
                    shared.failed.load(Ordering::Relaxed)
                );
                eprint!("{line}");
                last = answered;
            }
        }
    };
    let mut tally = Tally::new()?;
    let mut failure: Option<String> = None;
    let seconds = match settings.stop {
        Stop::Duration(duration) => {
            tokio::select! {
                () = tokio::time::sleep(duration) => {}
                () = progress => {}
                Some(joined) = tasks.join_next() => {
                    // A connection ended before the time was up.
                    if let Err(e) = connection_result(joined, &mut tally) {
                        failure = Some(e);
                    }
                }
            }
            let seconds = started.elapsed().as_secs_f64();
            // Responses still in flight are not counted.
            shared.stopped.store(true, Ordering::SeqCst);
            seconds
        }
        Stop::Requests(_) => {
            // Connections stop sending when the budget is spent and
            // count every response to what they sent.
            let collect = async {
                while let Some(joined) = tasks.join_next().await {
                    if let Err(e) = connection_result(joined, &mut tally) {
                        failure.get_or_insert(e);
                        shared.stopped.store(true, Ordering::SeqCst);
                    }
                }
            };
            tokio::select! {
                () = collect => {}
                () = progress => {}
            }
            started.elapsed().as_secs_f64()
        }
    };
    // The answers still in flight, for at most DRAIN: a server that stops
    // answering makes the run an error, not a hang.
    let drain = async {
        while let Some(joined) = tasks.join_next().await {
            if let Err(e) = connection_result(joined, &mut tally) {
                failure.get_or_insert(e);
            }
        }
    };
    if tokio::time::timeout(DRAIN, drain).await.is_err() {
        let unanswered = tasks.len();
        tasks.abort_all();
        failure.get_or_insert(format!(
            "{unanswered} connection(s) still had a request unanswered {} s after the run ended: the server stopped \
             answering",
            DRAIN.as_secs()
        ));
    }
    if settings.progress {
        eprintln!();
    }
    if let Some(e) = failure {
        return Err(e);
    }
    let rss_after = settings.server_pid.and_then(rss_kib);
    let quantile = |q: f64| tally.histogram.value_at_quantile(q) as f64 / 1000.0;
    Ok(Report {
        ops: settings.mix.0.iter().map(|(op, w)| format!("{op}={w}")).collect::<Vec<_>>().join(","),
        protocol_version: settings.version.to_string(),
        connections: settings.connections,
        pipeline: settings.pipeline,
        batch: settings.batch,
        size: settings.size,
        seconds,
        messages: tally.messages,
        operations: tally.operations,
        ops_per_second: if seconds > 0.0 { tally.operations as f64 / seconds } else { 0.0 },
        latency_us: Latency {
            p50: quantile(0.50),
            p90: quantile(0.90),
            p99: quantile(0.99),
            p999: quantile(0.999),
            max: tally.histogram.max() as f64 / 1000.0,
        },
        errors: tally
            .errors
            .iter()
            .map(|(reason, count)| (format!("{:?}", kmip_ttlv::enums::ResultReason(*reason)), *count))
            .collect(),
        by_operation: tally.by_operation.iter().map(|(op, count)| (op.to_string(), *count)).collect(),
        server_rss_kib_before: rss_before,
        server_rss_kib_after: rss_after,
    })
}

fn connection_result(
    joined: Result<Result<Tally, String>, tokio::task::JoinError>,
    tally: &mut Tally,
) -> Result<(), String> {
    match joined {
        Ok(Ok(one)) => tally.merge(one),
        Ok(Err(e)) => Err(e),
        Err(e) => Err(format!("a connection task failed: {e}")),
    }
}

/// The resident set size of process `pid` in KiB (Linux), if readable.
pub fn rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|line| line.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
