//! `kms bench`: the load generator ([`kms::bench`]).

use std::path::PathBuf;
use std::time::Duration;

use clap::Args;
use kmip_ttlv::ProtocolVersion;
use kms::bench::{self, Alg, Mix, Settings, Stop, Target};

use super::CliError;

/// `kms bench` arguments.
#[derive(Debug, Args)]
pub struct BenchArgs {
    /// The server's KMIP address.
    #[arg(long, default_value = "127.0.0.1:5696")]
    addr: String,
    /// The name checked against the server's certificate.
    #[arg(long, default_value = "localhost")]
    server_name: String,
    /// A data dir whose development PKI supplies --ca, --cert and --key
    /// (certs/ca.pem, certs/admin.pem, certs/admin.key).
    #[arg(long)]
    data_dir: Option<PathBuf>,
    /// The CA certificate to trust (PEM).
    #[arg(long)]
    ca: Option<PathBuf>,
    /// The client certificate (PEM).
    #[arg(long)]
    cert: Option<PathBuf>,
    /// The client's private key (PEM).
    #[arg(long)]
    key: Option<PathBuf>,
    /// The KMIP version of every message (1.0 to 2.1).
    #[arg(long, default_value = "2.1", value_parser = parse_version)]
    protocol_version: ProtocolVersion,
    /// Connections.
    #[arg(long, default_value_t = 1)]
    connections: usize,
    /// Messages in flight per connection.
    #[arg(long, default_value_t = 1)]
    pipeline: usize,
    /// Batch items per message.
    #[arg(long, default_value_t = 1)]
    batch: usize,
    /// How long to measure (e.g. 5s, 500ms, 1m).
    #[arg(long, value_parser = parse_duration, conflicts_with = "requests")]
    duration: Option<Duration>,
    /// Measure this many messages instead of a duration.
    #[arg(long)]
    requests: Option<u64>,
    /// How long the load runs before the measurement starts.
    #[arg(long, default_value = "1s", value_parser = parse_duration)]
    warmup: Duration,
    /// The operation, or a weighted mix: get, locate, create, encrypt, decrypt, sign, verify, rsa-decrypt, mac, rng
    /// (e.g. get=8,encrypt=2).
    #[arg(long, default_value = "encrypt")]
    op: Mix,
    /// Payload bytes for encrypt, decrypt, sign, verify, mac and rng.
    #[arg(long, default_value_t = 1024)]
    size: usize,
    /// Key algorithm: aes-256-gcm (encrypt/decrypt), ecdsa-p256 or rsa-2048 (sign/verify; rsa-2048 also encrypt),
    /// hmac-sha256 (mac).
    #[arg(long)]
    alg: Option<Alg>,
    /// Get and Locate pick among objects already in the store, named PREFIX0 to PREFIX(N-1) (as `kms bulk-seed`
    /// names them), instead of a key of their own: up to 20,000 of them at random.
    #[arg(long, value_name = "PREFIX", requires = "existing_count")]
    existing_prefix: Option<String>,
    /// How many objects --existing-prefix names.
    #[arg(long, value_name = "N", requires = "existing_prefix", value_parser = clap::value_parser!(u64).range(1..))]
    existing_count: Option<u64>,
    /// The server's process id, to report its RSS (same host only).
    #[arg(long)]
    server_pid: Option<u32>,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
    /// No progress line.
    #[arg(long)]
    quiet: bool,
    /// Then run the same load against a TLS echo server (in its own process, with the server's TLS and
    /// runtime; needs --data-dir for its certificates) and report the KMIP figure as a fraction of that floor.
    #[arg(long, requires = "data_dir")]
    baseline: bool,
    /// Instead of a load: open this many connections, use each once, hold them idle for --duration and report
    /// what they cost the server's RSS (with --server-pid).
    #[arg(long, conflicts_with = "baseline")]
    hold: Option<usize>,
    /// Instead of a server: the crypto library's own rate on every core, for --op sign (--alg ecdsa-p256 or
    /// rsa-2048) or --op encrypt (aes-256-gcm), of --size bytes for --duration.
    #[arg(long, conflicts_with_all = ["baseline", "hold"])]
    raw: bool,
}

/// `kms bench-echo` arguments (started by `kms bench --baseline`).
#[derive(Debug, Args)]
pub struct EchoArgs {
    /// The data dir whose TLS files the echo server uses.
    #[arg(long)]
    data_dir: PathBuf,
    /// Where to listen.
    #[arg(long, default_value = "127.0.0.1:0")]
    addr: String,
}

/// Runs the echo server: prints its address on a line, serves until its
/// standard input closes.
pub fn echo(args: EchoArgs) -> Result<(), CliError> {
    let config = kms::config::Config::new(&args.data_dir);
    let tls = kms::server::tls::ServerTls::load(config.tls_settings()).map_err(CliError::failed)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| CliError::Failed(format!("starting the runtime: {e}")))?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(&args.addr)
            .await
            .map_err(|e| CliError::Io { path: args.addr.clone(), source: e })?;
        let address = listener.local_addr().map_err(|e| CliError::Io { path: args.addr.clone(), source: e })?;
        println!("{address}");
        let serve = bench::echo::serve(listener, std::sync::Arc::new(tls));
        let stdin_closed = async {
            let mut sink = Vec::new();
            let _ = tokio::io::AsyncReadExt::read_to_end(&mut tokio::io::stdin(), &mut sink).await;
        };
        tokio::select! {
            result = serve => result.map_err(|e| CliError::Failed(format!("echo server: {e}"))),
            () = stdin_closed => Ok(()),
        }
    })
}

/// The echo server child of `--baseline`, killed when dropped.
struct EchoChild(std::process::Child);

impl Drop for EchoChild {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn start_echo(data_dir: &std::path::Path) -> Result<(EchoChild, String), CliError> {
    use std::io::BufRead as _;
    use std::process::{Command, Stdio};
    let exe = std::env::current_exe().map_err(|e| CliError::Failed(format!("finding the kms binary: {e}")))?;
    let mut child = Command::new(exe)
        .arg("bench-echo")
        .arg("--data-dir")
        .arg(data_dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| CliError::Failed(format!("starting the echo server: {e}")))?;
    let stdout = child.stdout.take();
    let child = EchoChild(child);
    let mut line = String::new();
    if let Some(stdout) = stdout {
        std::io::BufReader::new(stdout)
            .read_line(&mut line)
            .map_err(|e| CliError::Failed(format!("reading the echo server's address: {e}")))?;
    }
    let address = line.trim().to_owned();
    if address.is_empty() {
        return Err(CliError::Failed("the echo server did not start".into()));
    }
    Ok((child, address))
}

fn parse_version(text: &str) -> Result<ProtocolVersion, String> {
    let (major, minor) = text.split_once('.').ok_or("a version is MAJOR.MINOR, e.g. 1.4")?;
    let version = ProtocolVersion::new(
        major.parse().map_err(|_| format!("bad version {text:?}"))?,
        minor.parse().map_err(|_| format!("bad version {text:?}"))?,
    );
    if ProtocolVersion::KNOWN.contains(&version) { Ok(version) } else { Err(format!("KMIP {text} is not a version")) }
}

/// `5s`, `500ms`, `2m`, or plain seconds.
pub(crate) fn parse_duration(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let (number, unit) = match text.find(|c: char| !(c.is_ascii_digit() || c == '.')) {
        Some(at) => text.split_at(at),
        None => (text, "s"),
    };
    let value: f64 = number.parse().map_err(|_| format!("bad duration {text:?}"))?;
    let seconds = match unit {
        "ms" => value / 1000.0,
        "s" => value,
        "m" => value * 60.0,
        _ => return Err(format!("bad duration unit in {text:?} (ms, s or m)")),
    };
    Duration::try_from_secs_f64(seconds).map_err(|_| format!("bad duration {text:?}"))
}

/// Runs `kms bench`.
pub fn run(args: BenchArgs) -> Result<(), CliError> {
    if args.raw {
        let op = match args.op.0.as_slice() {
            [(op, _)] => *op,
            _ => return Err(CliError::Input("--raw measures one operation, not a mix".into())),
        };
        let alg = args.alg.unwrap_or(match op {
            bench::Op::Sign => Alg::EcdsaP256,
            _ => Alg::Aes256Gcm,
        });
        let duration = args.duration.unwrap_or(Duration::from_secs(5));
        let report = bench::raw::raw(op, alg, args.size, duration).map_err(CliError::Failed)?;
        if args.json {
            let text = serde_json::to_string_pretty(&report).map_err(CliError::failed)?;
            return emit(&format!("{text}\n"));
        }
        return emit(&report.to_string());
    }
    let from_dir = |file: &str| args.data_dir.as_ref().map(|dir| dir.join("certs").join(file));
    let need = |value: Option<PathBuf>, file: &str, flag: &str| {
        value.or_else(|| from_dir(file)).ok_or_else(|| CliError::Input(format!("{flag} (or --data-dir) is required")))
    };
    let target = Target {
        addr: args.addr.clone(),
        server_name: args.server_name.clone(),
        ca: need(args.ca.clone(), "ca.pem", "--ca")?,
        cert: need(args.cert.clone(), "admin.pem", "--cert")?,
        key: need(args.key.clone(), "admin.key", "--key")?,
    };
    let stop = match (args.duration, args.requests) {
        (_, Some(requests)) => Stop::Requests(requests),
        (Some(duration), None) => Stop::Duration(duration),
        (None, None) => Stop::Duration(Duration::from_secs(5)),
    };
    let settings = Settings {
        target,
        version: args.protocol_version,
        connections: args.connections,
        pipeline: args.pipeline,
        batch: args.batch,
        stop,
        warmup: args.warmup,
        mix: args.op,
        size: args.size,
        alg: args.alg,
        existing: args
            .existing_prefix
            .clone()
            .zip(args.existing_count)
            .map(|(prefix, count)| bench::Existing { prefix, count }),
        server_pid: args.server_pid,
        progress: !args.quiet && !args.json,
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| CliError::Failed(format!("starting the runtime: {e}")))?;
    if let Some(count) = args.hold {
        let report = runtime.block_on(bench::hold::hold(&settings, count)).map_err(CliError::Failed)?;
        if args.json {
            let mut value = serde_json::to_value(&report).map_err(CliError::failed)?;
            value["per_connection_bytes"] = serde_json::json!(report.per_connection_bytes());
            let text = serde_json::to_string_pretty(&value).map_err(CliError::failed)?;
            return emit(&format!("{text}\n"));
        }
        return emit(&report.to_string());
    }
    if args.baseline {
        let Some(data_dir) = &args.data_dir else { return Err(CliError::Input("--baseline needs --data-dir".into())) };
        let (_child, echo) = start_echo(data_dir)?;
        let (report, floor) = runtime.block_on(bench::run_with_baseline(&settings, &echo)).map_err(CliError::Failed)?;
        // Messages per second: the echo answers whole messages.
        let fraction = |kmip: f64, floor: f64| if floor > 0.0 { kmip / floor } else { 0.0 };
        let kmip_rate = report.messages as f64 / report.seconds.max(f64::MIN_POSITIVE);
        let floor_rate = floor.messages as f64 / floor.seconds.max(f64::MIN_POSITIVE);
        if args.json {
            let out = serde_json::json!({
                "kmip": report,
                "floor": floor,
                "messages_per_second": kmip_rate,
                "floor_messages_per_second": floor_rate,
                "fraction_of_floor": fraction(kmip_rate, floor_rate),
            });
            let text = serde_json::to_string_pretty(&out).map_err(CliError::failed)?;
            return emit(&format!("{text}\n"));
        }
        return emit(&format!(
            "{report}-- floor: TLS echo of the same messages ({echo})\n{floor}KMIP {kmip_rate:.0} messages/s = {:.1} % of the floor's {floor_rate:.0}\n",
            100.0 * fraction(kmip_rate, floor_rate)
        ));
    }
    let report = runtime.block_on(bench::run(&settings)).map_err(CliError::Failed)?;
    if args.json {
        let text = serde_json::to_string_pretty(&report).map_err(CliError::failed)?;
        emit(&format!("{text}\n"))
    } else {
        emit(&report.to_string())
    }
}

/// Writes the report to standard output; a closed pipe is an error, not a
/// panic.
fn emit(text: &str) -> Result<(), CliError> {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes()).and_then(|()| out.flush()).map_err(|e| CliError::Io { path: "-".into(), source: e })
}
