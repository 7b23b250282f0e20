//! The KMIP listener: TTLV over mutual TLS (SPEC sections 6 and 7). An I/O
//! shell in mini-redis's shape, Listener → Handler → Connection:
//!
//! - [`listener`]: the accept loop, the connection cap (a semaphore);
//! - [`connection`]: per connection the TLS handshake (with a timeout), the
//!   identity from the client certificate, then framing with the size limit
//!   and the idle and partial-message timeouts, in order, one message at a
//!   time, handed to [`Kms::handle_session_message`](crate::ops::Kms::handle_session_message);
//! - [`push`]: the server-to-client requests (Notify, Put) a connection
//!   whose client takes the Server role gets between its messages;
//! - [`tls`]: rustls configuration and the certificate identity.
//!
//! [`spawn`] starts everything in-process and returns a [`RunningServer`]:
//!
//! ```no_run
//! # async fn demo() -> Result<(), kms::server::ServerError> {
//! let mut config = kms::config::Config::new("/tmp/kms-test-data");
//! config.kmip_addr = "127.0.0.1:0".parse().expect("address");
//! let server = kms::server::spawn(config).await?; // creates the development PKI if the dir is empty
//! let addr = server.kmip_addr(); // the port actually bound
//! // ... connect with DIR/certs/admin.pem + admin.key, trusting DIR/certs/ca.pem ...
//! server.shutdown().await?; // stop accepting, finish requests in flight, remove server.json and admin.sock
//! # Ok(()) }
//! ```
//!
//! While it runs, `DATA_DIR/server.json` names it (pid, addresses, start
//! time) and `DATA_DIR/admin.sock` (mode 0600) answers administrative
//! commands (see [`crate::admin`]); both are removed when it stops.
//!
//! Shutdown is graceful: the accept loop stops, idle connections close, a
//! message that has started to arrive is read and answered, and then its
//! connection closes; [`RunningServer::shutdown`] returns when every
//! connection is gone.

mod connection;
mod listener;
mod push;
pub mod revocation;
pub mod tls;

use std::io::Write;
use std::net::SocketAddr;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use tokio::net::{TcpListener, UnixListener};
use tokio::sync::{Semaphore, mpsc, watch};
use tokio::task::JoinHandle;
use tracing::{info, warn};

pub(crate) use self::connection::{Shutdown, certificate_peer};
use self::listener::Listener;
pub use self::listener::Stats;
use self::tls::ServerTls;
use crate::admin::{self, AdminContext, ServerInfo};
use crate::audit::{AuditKey, AuditLog, ChainSealer, HeadFile};
use crate::backup::BackupKey;
use crate::clock::SystemClock;
use crate::config::{Config, ConfigError};
use crate::crypto::{CryptoEngine, HsmEngine, Pkcs11Token, SoftwareEngine};
use crate::http::{HttpListener, HttpStats};
use crate::keys::{self, KeyError, KeyHierarchy, RootKeySource, RootKeys, RotationReport};
use crate::ops::Kms;
use crate::pki::{self, InitReport, PkiError};
use crate::store::{SledStore, Store, StoreError};

/// File descriptors kept free beyond one per connection (store files,
/// the admin socket, logs).
const FD_HEADROOM: usize = 256;

/// Why the server could not start (or stopped abnormally).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ServerError {
    /// The configuration is not usable.
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// The development PKI could not be created.
    #[error(transparent)]
    Pki(#[from] PkiError),
    /// The root key is unusable or does not match the data (the wrong
    /// root key).
    #[error(transparent)]
    Keys(#[from] KeyError),
    /// A non-loopback address with the development root key.
    #[error(
        "refusing to listen on {addrs} (not a loopback address) with the development root key {root_key}: \
         whoever can read the data dir {data_dir} would hold every key. Production needs a root key from \
         outside the data dir: set keys.root_key_file in the config file (or --root-key-file, KMS_ROOT_KEY_FILE) \
         to a file outside it holding 32 random bytes in base64 (e.g. `head -c 32 /dev/urandom | base64 > \
         /etc/kms/root.key`), or the key itself in KMS_ROOT_KEY, or listen on 127.0.0.1 / ::1 for development"
    )]
    DevelopmentRootKey {
        /// The non-loopback addresses.
        addrs: String,
        /// The development root key file.
        root_key: PathBuf,
        /// The data directory.
        data_dir: PathBuf,
    },
    /// Another server is serving this data directory.
    #[error("a server is already running on {data_dir} (its admin socket answers){pid}")]
    AlreadyRunning {
        /// The data directory.
        data_dir: PathBuf,
        /// ", pid N" when server.json names it.
        pid: String,
    },
    /// A TLS file is missing or unusable.
    #[error("TLS: {path}: {message}")]
    Tls {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// The listener address could not be bound.
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address.
        addr: String,
        /// Why.
        source: std::io::Error,
    },
    /// A file in the data directory could not be written or removed.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The store could not be opened.
    #[error("store: {0}")]
    Store(#[from] StoreError),
    /// The server task ended abnormally.
    #[error("server task failed: {0}")]
    Task(String),
    /// The PKCS#11 token could not be opened.
    #[error("PKCS#11 token: {0}")]
    Hsm(String),
}

/// A server running in this process.
pub struct RunningServer {
    kmip_addr: SocketAddr,
    http_addr: SocketAddr,
    data_dir: PathBuf,
    kms: Arc<Kms>,
    stats: Arc<Stats>,
    http_stats: Arc<HttpStats>,
    tls: Arc<ServerTls>,
    trigger: ShutdownHandle,
    task: JoinHandle<()>,
}

/// Starts the shutdown of a [`RunningServer`] from anywhere; cheap to clone.
#[derive(Clone, Debug)]
pub struct ShutdownHandle(Arc<watch::Sender<bool>>);

impl ShutdownHandle {
    /// Stops accepting, lets requests in flight finish, then stops.
    pub fn shutdown(&self) {
        self.0.send_replace(true);
    }
}

impl std::fmt::Debug for RunningServer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RunningServer")
            .field("kmip_addr", &self.kmip_addr)
            .field("http_addr", &self.http_addr)
            .field("data_dir", &self.data_dir)
            .finish_non_exhaustive()
    }
}

impl RunningServer {
    /// The KMIP listener's address (the real port when configured with 0).
    pub fn kmip_addr(&self) -> SocketAddr {
        self.kmip_addr
    }

    /// The HTTPS side listener's address (the real port when configured
    /// with 0).
    pub fn http_addr(&self) -> SocketAddr {
        self.http_addr
    }

    /// The data directory.
    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// The KMIP service the connections call.
    pub fn kms(&self) -> &Arc<Kms> {
        &self.kms
    }

    /// Connection counters.
    pub fn stats(&self) -> &Arc<Stats> {
        &self.stats
    }

    /// The HTTPS side listener's counters.
    pub fn http_stats(&self) -> &Arc<HttpStats> {
        &self.http_stats
    }

    /// The listener's TLS: reload it (SIGHUP), or deny a certificate.
    pub fn tls(&self) -> &Arc<ServerTls> {
        &self.tls
    }

    /// Reads the server certificate and key, the CA bundle, the CRL and the
    /// certificate deny-list again (what SIGHUP does); new handshakes use
    /// them, open connections are not touched. On failure nothing changes.
    /// The number of serials denied.
    pub fn reload(&self) -> Result<usize, ServerError> {
        let count = self.tls.reload()?;
        info!(denied = count, "reloaded the server certificate, the CA bundle, the CRL and the deny-list");
        Ok(count)
    }

    /// A handle that starts the shutdown.
    pub fn shutdown_handle(&self) -> ShutdownHandle {
        self.trigger.clone()
    }

    /// Shuts down gracefully and waits until every connection is closed
    /// and `server.json` and `admin.sock` are removed.
    pub async fn shutdown(self) -> Result<(), ServerError> {
        self.trigger.shutdown();
        self.wait().await
    }

    /// Waits until the server has stopped (after a [`ShutdownHandle`] or a
    /// dropped server started the shutdown).
    pub async fn wait(self) -> Result<(), ServerError> {
        self.task.await.map_err(|e| ServerError::Task(e.to_string()))
    }
}

/// Starts a server on `config` with the sled store in `DATA_DIR/store`;
/// an empty (or missing) data directory first gets the development PKI and
/// root key ([`prepare`]).
pub async fn spawn(config: Config) -> Result<RunningServer, ServerError> {
    start(config, None).await
}

/// Like [`spawn`] but serving `kms` (for example over an in-memory store)
/// instead of opening the data directory's store.
pub async fn spawn_with_kms(config: Config, kms: Arc<Kms>) -> Result<RunningServer, ServerError> {
    start(config, Some(kms)).await
}

/// What must hold before anything is created or bound: the bind policy.
/// Then, if the data directory is empty or missing, creates the
/// development PKI (and the development root key, unless `root_key_file`
/// is configured) and reports what it made.
pub fn prepare(config: &Config) -> Result<Option<InitReport>, ServerError> {
    check_bind_policy(config)?;
    if !pki::is_empty_data_dir(&config.data_dir) {
        return Ok(None);
    }
    let development_key =
        config.root_key_file.is_none() && config.root_key.is_none() && config.root_key_label.is_none();
    let report = pki::init(&config.data_dir, development_key)?;
    warn!(data_dir = %config.data_dir.display(), "created a development PKI and root key in an empty data dir");
    Ok(Some(report))
}

/// The root keys `config` names, read (with a loud warning for the
/// development key).
pub fn root_keys(config: &Config, crypto: &Arc<dyn CryptoEngine>) -> Result<RootKeys, ServerError> {
    let (global, organisations) = config.root_key_sources()?;
    if let RootKeySource::Development(path) = &global {
        warn!(
            root_key = %path.display(),
            "USING THE DEVELOPMENT ROOT KEY from inside the data dir: whoever can read the data dir holds every \
             key. Production needs a root key from outside it (keys.root_key_file or KMS_ROOT_KEY)"
        );
    }
    Ok(RootKeys::load(&global, &organisations, crypto)?)
}

/// Re-wraps every organisation key of `config`'s data dir under the root
/// key in `new_key_file`, with no server running (the store is opened
/// directly; a running server holds it, and rotates through its admin
/// socket instead).
pub async fn rotate_root_offline(config: &Config, new_key: &RootKeySource) -> Result<RotationReport, ServerError> {
    let socket_path = config.data_dir.join(admin::SOCKET_FILE);
    if tokio::net::UnixStream::connect(&socket_path).await.is_ok() {
        return Err(ServerError::AlreadyRunning { data_dir: config.data_dir.clone(), pid: String::new() });
    }
    // The new key is read before the store is opened: a bad one stops here.
    let new = new_key.load(crypto_engine(config).await?)?;
    let (store, keys, crypto) = open_data_dir(config).await?;
    let (sealer, _) = service_keys(&keys, store.as_ref(), crypto).await?;
    let report = keys.rotate_root(store.as_ref(), new).await;
    let request = serde_json::json!({"command": "rotate-root"});
    record_offline(&store, Arc::new(sealer), &config.data_dir, &request, report.is_ok()).await;
    Ok(report?)
}

/// Refuses a non-loopback address while the root key is the development
/// one (SPEC section 7).
pub fn check_bind_policy(config: &Config) -> Result<(), ServerError> {
    let exposed = config.non_loopback_addrs();
    if exposed.is_empty() || !config.uses_development_root_key() {
        return Ok(());
    }
    Err(ServerError::DevelopmentRootKey {
        addrs: exposed.iter().map(ToString::to_string).collect::<Vec<_>>().join(" and "),
        root_key: config.root_key_path(),
        data_dir: config.data_dir.clone(),
    })
}

/// The software engine, with the configured PKCS#11 token attached if any
/// (opened now: a missing token or a wrong PIN stops the start).
pub async fn crypto_engine(config: &Config) -> Result<Arc<dyn CryptoEngine>, ServerError> {
    let software: Arc<dyn CryptoEngine> = Arc::new(SoftwareEngine::new());
    let Some(settings) = config.pkcs11_settings()? else {
        return Ok(software);
    };
    let token = tokio::task::spawn_blocking(move || Pkcs11Token::open(settings))
        .await
        .map_err(|e| ServerError::Task(e.to_string()))?
        .map_err(|e| ServerError::Hsm(e.to_string()))?;
    Ok(Arc::new(HsmEngine::new(software, token)))
}

async fn start(config: Config, kms: Option<Arc<Kms>>) -> Result<RunningServer, ServerError> {
    prepare(&config)?;
    // The engine (with the PKCS#11 token, if one is configured: it may hold
    // the root key), and the root keys read now, so that a missing or
    // malformed key stops the start.
    let crypto = crypto_engine(&config).await?;
    let roots = root_keys(&config, &crypto)?;
    let data_dir = config.data_dir.clone();
    let socket_path = data_dir.join(admin::SOCKET_FILE);
    let info_path = data_dir.join(admin::SERVER_FILE);
    check_not_running(&data_dir, &socket_path, &info_path).await?;

    let tls = Arc::new(ServerTls::load(config.tls_settings())?);
    let head_file = HeadFile::path(&data_dir);
    let (kms, audit) = match kms {
        Some(kms) => (kms, None),
        None => {
            let dir = data_dir.join("store");
            // The wrong root key is refused before the store is opened
            // (opening a sled store writes to it).
            let check_file = data_dir.join(keys::CHECK_FILE);
            keys::precheck(&check_file, &roots)?;
            let sled = tokio::task::spawn_blocking(move || SledStore::open(&dir))
                .await
                .map_err(|e| ServerError::Task(e.to_string()))??;
            let store: Arc<dyn Store> = Arc::new(sled);
            // Every organisation key is unwrapped now: the wrong root key
            // stops the start here, before anything is written.
            let keys = KeyHierarchy::open_with_check_file(store.as_ref(), crypto.clone(), roots, &check_file).await?;
            info!(
                root_key = %keys.global_check_value()?,
                organisation_keys = keys.organisation_keys(),
                "key hierarchy open"
            );
            let (sealer, backup_key) = service_keys(&keys, store.as_ref(), crypto.clone()).await?;
            let sealer = Arc::new(sealer);
            store.set_log_sealer(sealer.clone());
            let audit = Arc::new(AuditLog::new(store.clone()));
            let kms = Kms::with_keys(store, Arc::new(SystemClock), crypto, config.ops_config(), Arc::new(keys))
                .with_audit(audit.clone());
            let service =
                AuditService { log: audit, sealer, head_file: head_file.clone(), backup_key: Arc::new(backup_key) };
            (Arc::new(kms), Some(service))
        }
    };
    raise_open_files_limit(config.limits.max_connections);

    let tcp = TcpListener::bind(config.kmip_addr)
        .await
        .map_err(|source| ServerError::Bind { addr: config.kmip_addr.to_string(), source })?;
    let kmip_addr =
        tcp.local_addr().map_err(|source| ServerError::Bind { addr: config.kmip_addr.to_string(), source })?;
    let http_tcp = TcpListener::bind(config.http_addr)
        .await
        .map_err(|source| ServerError::Bind { addr: config.http_addr.to_string(), source })?;
    let http_addr =
        http_tcp.local_addr().map_err(|source| ServerError::Bind { addr: config.http_addr.to_string(), source })?;
    if !config.http.tls {
        warn!(http = %http_addr, "the HTTP side listener serves plain HTTP (http.tls = false): for a local sidecar only");
    }

    let unix = UnixListener::bind(&socket_path)
        .map_err(|source| ServerError::Bind { addr: socket_path.display().to_string(), source })?;
    if let Err(source) = std::fs::set_permissions(&socket_path, std::fs::Permissions::from_mode(0o600)) {
        let _ = std::fs::remove_file(&socket_path);
        return Err(ServerError::Io { path: socket_path, source });
    }

    let started_at = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let info = ServerInfo { pid: std::process::id(), kmip_addr, http_addr, started_at };
    if let Err(e) = write_server_info(&info_path, &info) {
        let _ = std::fs::remove_file(&socket_path);
        return Err(e);
    }

    let (trigger, notify) = watch::channel(false);
    let shutdown = Shutdown::new(notify);
    let stats = Arc::new(Stats::default());
    let http_stats = Arc::new(HttpStats::default());
    let (complete_tx, complete_rx) = mpsc::channel::<()>(1);
    let auth = Arc::new(crate::auth::Auth::new(kms.clone(), config.auth));
    let http_listener = HttpListener {
        listener: http_tcp,
        tls: config.http.tls.then(|| tls.clone()),
        state: Arc::new(crate::http::State {
            kms: kms.clone(),
            settings: config.http,
            kmip_stats: stats.clone(),
            stats: http_stats.clone(),
            auth: auth.clone(),
        }),
        handshake_timeout: config.limits.handshake_timeout,
        max_connections: config.limits.max_connections,
        shutdown: shutdown.clone(),
        shutdown_complete: complete_tx.clone(),
    };
    let listener = Listener {
        listener: tcp,
        tls: tls.clone(),
        kms: kms.clone(),
        limits: config.limits,
        connections: Arc::new(Semaphore::new(config.limits.max_connections.min(Semaphore::MAX_PERMITS))),
        shutdown: shutdown.clone(),
        shutdown_complete: complete_tx.clone(),
        stats: stats.clone(),
    };
    let admin_context = Arc::new(AdminContext {
        info: info.clone(),
        started: Instant::now(),
        max_connections: config.limits.max_connections,
        kms: kms.clone(),
        stats: stats.clone(),
        http_stats: http_stats.clone(),
        audit: audit.clone(),
        tls: tls.clone(),
        auth,
    });
    tokio::spawn(http_listener.run());
    tokio::spawn(admin::serve(unix, admin_context, shutdown.clone(), complete_tx.clone()));
    let group_commit = audit.as_ref().map(|audit| {
        let log = audit.log.clone();
        let head = audit.head_file.clone();
        let mut stop = shutdown.clone();
        tokio::spawn(async move { log.run(stop.recv(), Some(head)).await })
    });
    info!(
        kmip = %kmip_addr,
        http = %http_addr,
        http_tls = config.http.tls,
        data_dir = %data_dir.display(),
        max_connections = config.limits.max_connections,
        max_message_size = config.limits.max_message_size,
        "KMIP server and HTTP side listener listening"
    );

    let files = vec![socket_path, info_path];
    let task = tokio::spawn(async move {
        supervise(listener, shutdown, complete_tx, complete_rx, files).await;
        // Every operation has finished: the group-commit loop has stopped
        // (it holds the store), then the last audit entries and the head.
        if let Some(task) = group_commit {
            let _ = task.await;
        }
        if let Some(audit) = audit {
            audit.log.finish(Some(&audit.head_file)).await;
        }
    });
    Ok(RunningServer {
        kmip_addr,
        http_addr,
        data_dir,
        kms,
        stats,
        http_stats,
        tls,
        trigger: ShutdownHandle(Arc::new(trigger)),
        task,
    })
}

/// The audit chain's sealer and the backup key: service keys of the key
/// hierarchy (random, stored wrapped by the root key, re-wrapped by
/// rotations, so they outlive them and never need the root key's bytes).
pub async fn service_keys(
    keys: &KeyHierarchy,
    store: &dyn Store,
    crypto: Arc<dyn CryptoEngine>,
) -> Result<(ChainSealer, BackupKey), ServerError> {
    let audit = keys.service_key(store, "audit").await?;
    let audit: [u8; 32] =
        audit.as_slice().try_into().map_err(|_| ServerError::Task("the audit service key is not 32 bytes".into()))?;
    let backup = keys.service_key(store, "backup").await?;
    Ok((ChainSealer::new(AuditKey::new(audit), crypto), BackupKey::new(backup)))
}

/// Records an administrative command run with no server (it opened the
/// store itself) in the data dir's audit chain, as the admin socket
/// records the ones it runs: `request` in the admin socket's form, run by
/// this process's user, source `offline`. The head file follows.
pub async fn record_offline(
    store: &Arc<dyn Store>,
    sealer: Arc<ChainSealer>,
    data_dir: &Path,
    request: &serde_json::Value,
    ok: bool,
) {
    use std::os::unix::fs::MetadataExt;
    let caller = std::fs::metadata("/proc/self").map_or_else(|_| "unknown".into(), |m| format!("uid:{}", m.uid()));
    store.set_log_sealer(sealer);
    let log = AuditLog::new(store.clone());
    if let Some(entry) = crate::audit::admin_entry(&caller, "offline", request, ok) {
        log.record([entry]);
    }
    log.finish(Some(&HeadFile::path(data_dir))).await;
}

/// The store and the key hierarchy of `config`'s data dir, opened for an
/// administrative command while no server runs (a running server holds
/// the store: commands go through its admin socket). The wrong root key is
/// refused before the store is opened.
pub async fn open_data_dir(
    config: &Config,
) -> Result<(Arc<dyn Store>, KeyHierarchy, Arc<dyn CryptoEngine>), ServerError> {
    let store_dir = config.data_dir.join("store");
    if !store_dir.exists() {
        return Err(ServerError::Io {
            path: store_dir,
            source: std::io::Error::new(std::io::ErrorKind::NotFound, "no store in this data dir"),
        });
    }
    let crypto = crypto_engine(config).await?;
    let roots = root_keys(config, &crypto)?;
    let check_file = config.data_dir.join(keys::CHECK_FILE);
    keys::precheck(&check_file, &roots)?;
    let sled = tokio::task::spawn_blocking(move || SledStore::open(&store_dir))
        .await
        .map_err(|e| ServerError::Task(e.to_string()))??;
    let store: Arc<dyn Store> = Arc::new(sled);
    let keys = KeyHierarchy::open_with_check_file(store.as_ref(), crypto.clone(), roots, &check_file).await?;
    Ok((store, keys, crypto))
}

/// The running server's audit log, and what verifying it needs.
#[derive(Clone)]
pub(crate) struct AuditService {
    /// Where operations record.
    pub(crate) log: Arc<AuditLog>,
    /// The chain's sealer (its key).
    pub(crate) sealer: Arc<ChainSealer>,
    /// The head file beside the store.
    pub(crate) head_file: PathBuf,
    /// What authenticates backups.
    pub(crate) backup_key: Arc<BackupKey>,
}

/// Runs the accept loop until the shutdown signal, then waits for every
/// connection (and admin connection) to finish and removes `files`.
async fn supervise(
    mut listener: Listener,
    mut shutdown: Shutdown,
    complete_tx: mpsc::Sender<()>,
    mut complete_rx: mpsc::Receiver<()>,
    files: Vec<PathBuf>,
) {
    tokio::select! {
        () = listener.run() => {}
        () = shutdown.recv() => {}
    }
    info!("shutting down: no new connections; finishing requests in flight");
    // Closes the listening socket and drops the listener's sender.
    drop(listener);
    drop(complete_tx);
    // Every connection task holds a sender: `None` when the last is gone.
    let _ = complete_rx.recv().await;
    for file in &files {
        if let Err(e) = std::fs::remove_file(file)
            && e.kind() != std::io::ErrorKind::NotFound
        {
            warn!(file = %file.display(), error = %e, "could not remove");
        }
    }
    info!("stopped");
}

/// Fails if a server answers on the admin socket; otherwise removes the
/// socket and `server.json` a server that did not exit cleanly left.
async fn check_not_running(data_dir: &Path, socket_path: &Path, info_path: &Path) -> Result<(), ServerError> {
    if tokio::net::UnixStream::connect(socket_path).await.is_ok() {
        let pid = admin::server_info(data_dir).ok().flatten().map(|i| format!(", pid {}", i.pid)).unwrap_or_default();
        return Err(ServerError::AlreadyRunning { data_dir: data_dir.to_owned(), pid });
    }
    for stale in [socket_path, info_path] {
        match std::fs::remove_file(stale) {
            Ok(()) => warn!(file = %stale.display(), "removed a stale file of a server that did not exit cleanly"),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(source) => return Err(ServerError::Io { path: stale.to_owned(), source }),
        }
    }
    Ok(())
}

/// Writes `server.json` atomically (a temporary file renamed into place).
fn write_server_info(path: &Path, info: &ServerInfo) -> Result<(), ServerError> {
    let io = |source| ServerError::Io { path: path.to_owned(), source };
    let tmp = path.with_extension("json.tmp");
    let mut text = serde_json::to_string_pretty(info).map_err(|e| io(std::io::Error::other(e)))?;
    text.push('\n');
    let mut file = std::fs::File::create(&tmp).map_err(io)?;
    file.write_all(text.as_bytes()).map_err(io)?;
    file.sync_all().map_err(io)?;
    std::fs::rename(&tmp, path).map_err(io)
}

/// Raises the soft open-files limit to what `max_connections` needs, with
/// a warning when the hard limit does not allow it.
fn raise_open_files_limit(max_connections: usize) {
    let needed = u64::try_from(max_connections.saturating_add(FD_HEADROOM)).unwrap_or(u64::MAX);
    match rlimit::increase_nofile_limit(needed) {
        Ok(limit) if limit >= needed => tracing::debug!(limit, "open-files limit"),
        Ok(limit) => warn!(
            limit,
            needed,
            max_connections,
            "the open-files limit is below what the connection limit needs: raise the hard limit (ulimit -Hn, \
             LimitNOFILE=) or lower limits.max_connections"
        ),
        Err(e) => warn!(error = %e, needed, "could not raise the open-files limit"),
    }
}
