//! `kms serve` (SPEC section 7): runs the KMIP server and its HTTPS side
//! listener until SIGTERM or SIGINT, then shuts down gracefully and exits 0. SIGHUP reloads the
//! server certificate and key, the CA bundle, the CRL and the certificate
//! deny-list without dropping connections.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::Args;
use kms::config::{Config, Overrides};
use kms::pki::DEVELOPMENT_WARNING;
use kms::server;
use tokio::signal::unix::{SignalKind, signal};
use tracing::{error, info};

use super::CliError;

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The config file (TOML); also KMS_CONFIG.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// The data directory [default: ./kms-data; config data_dir; KMS_DATA_DIR].
    #[arg(long, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    /// The KMIP listener, IP:PORT; port 0 picks one [default: 127.0.0.1:5696; config kmip_addr; KMS_KMIP_ADDR].
    #[arg(long, value_name = "ADDR")]
    kmip_addr: Option<SocketAddr>,
    /// The HTTPS listener, IP:PORT [default: 127.0.0.1:8443; config http_addr; KMS_HTTP_ADDR].
    #[arg(long, value_name = "ADDR")]
    http_addr: Option<SocketAddr>,
    /// The root key file (32 bytes, base64), outside the data dir in production [config keys.root_key_file;
    /// KMS_KEYS_ROOT_KEY_FILE or KMS_ROOT_KEY_FILE; or the key itself in KMS_ROOT_KEY; default: the
    /// development key DATA_DIR/root.key].
    #[arg(long, value_name = "FILE")]
    root_key_file: Option<PathBuf>,
}

pub fn run(args: ServeArgs) -> Result<(), CliError> {
    let overrides = Overrides {
        config_file: args.config,
        data_dir: args.data_dir,
        kmip_addr: args.kmip_addr,
        http_addr: args.http_addr,
        root_key_file: args.root_key_file,
    };
    let config = Config::load(&overrides).map_err(CliError::failed)?;
    if let Some(report) = server::prepare(&config).map_err(CliError::failed)? {
        eprintln!("{report}");
        eprintln!("{DEVELOPMENT_WARNING}");
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| CliError::Failed(format!("starting the runtime: {e}")))?;
    runtime.block_on(serve(config))
}

async fn serve(config: Config) -> Result<(), CliError> {
    let mut terminate = signal(SignalKind::terminate()).map_err(|e| CliError::Failed(format!("SIGTERM: {e}")))?;
    let mut interrupt = signal(SignalKind::interrupt()).map_err(|e| CliError::Failed(format!("SIGINT: {e}")))?;
    let mut hangup = signal(SignalKind::hangup()).map_err(|e| CliError::Failed(format!("SIGHUP: {e}")))?;
    let http_tls = config.http.tls;
    let server = server::spawn(config).await.map_err(CliError::failed)?;
    eprintln!(
        "kms: serving KMIP on {} and {} on {} (data dir {}); SIGTERM or Ctrl-C stops it",
        server.kmip_addr(),
        if http_tls { "HTTPS" } else { "plain HTTP" },
        server.http_addr(),
        server.data_dir().display()
    );
    let handle = server.shutdown_handle();
    let tls = server.tls().clone();
    let stopped = server.wait();
    tokio::pin!(stopped);
    let signal = loop {
        tokio::select! {
            _ = terminate.recv() => break "SIGTERM",
            _ = interrupt.recv() => break "SIGINT",
            _ = hangup.recv() => match tls.reload() {
                // Open connections keep their TLS session; new ones get the files as they are now.
                Ok(denied) => info!(denied, "SIGHUP: reloaded the server certificate, the CA bundle, the CRL and the deny-list"),
                Err(e) => error!(error = %e, "SIGHUP: reload failed; the previous TLS configuration stays in use"),
            },
            result = &mut stopped => return result.map_err(CliError::failed),
        }
    };
    info!(signal, "shutting down");
    handle.shutdown();
    stopped.await.map_err(CliError::failed)
}
