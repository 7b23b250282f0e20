//! Configuration (SPEC section 6): one TOML file, every value overridable by
//! an environment variable, and the command-line flags over both.
//!
//! Precedence, lowest first: the built-in default, the config file
//! (`--config FILE` or `KMS_CONFIG`), the environment, the flags. The
//! environment variable of a key is `KMS_` followed by the key's dotted path
//! in upper case with dots as underscores: `limits.idle_timeout` is
//! `KMS_LIMITS_IDLE_TIMEOUT`. [`KEYS`] lists every key.
//!
//! ```toml
//! data_dir = "/var/lib/kms"
//! kmip_addr = "0.0.0.0:5696"
//! http_addr = "127.0.0.1:8443"
//!
//! [keys]
//! root_key_file = "/etc/kms/root.key"   # outside the data dir (also top-level root_key_file);
//!                                       # or the key itself in KMS_ROOT_KEY (environment only)
//! [keys.organisation_root_keys]         # per-organisation root keys (docs/keys.md)
//! acme = "/etc/kms/acme-root.key"       # or "env:VAR"
//!
//! [tls]
//! ca_file = "/etc/kms/clients-ca.pem"   # default DATA_DIR/certs/ca.pem
//! cert_file = "/etc/kms/server.pem"     # default DATA_DIR/certs/server.pem
//! key_file = "/etc/kms/server.key"      # default DATA_DIR/certs/server.key
//! crl_file = "/etc/kms/clients.crl"     # CRLs (PEM) for client certificates; default none
//! revoked_file = "/etc/kms/revoked.txt" # serial deny-list (kms cert revoke); default DATA_DIR/certs/revoked.txt
//!
//! [http]                                # the HTTPS side listener (POST /kmip, /api/status, /metrics)
//! tls = true                            # false: plain HTTP, for a local sidecar only
//! max_body_size = "1MiB"
//! header_timeout = "10s"
//! body_timeout = "30s"
//! idle_timeout = "60s"
//!
//! [limits]
//! max_message_size = "4MiB"             # or a number of bytes
//! max_connections = 10000
//! handshake_timeout = "10s"             # "250ms", "30s", "5m", or seconds
//! partial_message_timeout = "30s"
//! idle_timeout = "300s"
//!
//! [crypto]
//! rng_seed = "accept"                   # or "deny": RNG Seed fails with Permission Denied
//! rng_seed_max_bytes = 32               # most seed bytes used per RNG Seed (default: all)
//!
//! [hsm]                                 # a PKCS#11 token (docs/hsm.md); off without token_label
//! library = "/usr/lib/softhsm/libsofthsm2.so"
//! token_label = "kms"
//! pin_file = "/etc/kms/hsm.pin"         # or pin_env = "NAME_OF_A_VARIABLE"
//! policy = "none"                       # or "all-symmetric": every Create makes its key in the token
//! max_sessions = 4
//! [access]                              # docs/access.md
//! admins = ["admin"]                    # identities that may do everything (default: none)
//! organisations = { db1 = "acme" }      # over the certificate's O / OU
//! groups = { dbas = ["alice", "bob"] }  # grants may name group:dbas
//! [auth]                                # Universal Auth rate limits (docs/auth.md); 0 = off
//! address_requests_per_minute = 6000    # logins and authenticated requests per client address
//! identity_requests_per_minute = 6000   # ... per machine identity
//! burst = 0                             # bucket size; 0 = one minute's worth
//! ```
//!
//! In the environment, lists are comma-separated (`KMS_ACCESS_ADMINS=admin,ops`),
//! maps are `KEY=VALUE` pairs (`KMS_ACCESS_ORGANISATIONS=db1=acme,db2=beta`),
//! and groups are separated by `;` (`KMS_ACCESS_GROUPS=dbas=alice,bob;ops=carol`).
//!
//! The root key file holds 32 random bytes in base64 (SPEC section 3);
//! [`RootKey`] (from `keys`) reads and writes that format.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use zeroize::Zeroizing;

use crate::access::AccessPolicy;
use crate::crypto::Pkcs11Settings;
use crate::crypto::pkcs11::{DEFAULT_LIBRARY, DEFAULT_SESSIONS};
use crate::keys::RootKeySource;
pub use crate::keys::{ROOT_KEY_LEN, RootKey};
use crate::ops::{HsmPolicy, OpsConfig, RngSeedMode, RngSeedPolicy};

/// The data directory when none is configured.
pub const DEFAULT_DATA_DIR: &str = "./kms-data";
/// The KMIP listener's address when none is configured (port 5696, IANA).
pub const DEFAULT_KMIP_ADDR: &str = "127.0.0.1:5696";
/// The HTTPS side listener's address when none is configured.
pub const DEFAULT_HTTP_ADDR: &str = "127.0.0.1:8443";
/// The environment variable naming the config file.
pub const CONFIG_ENV: &str = "KMS_CONFIG";
/// The development root key's file name inside the data directory.
pub const DEV_ROOT_KEY_FILE: &str = "root.key";
/// The environment variable that may hold the root key itself (base64).
pub const ROOT_KEY_ENV: &str = "KMS_ROOT_KEY";

/// The server's whole configuration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// Where the store, the development PKI, `server.json` and the admin
    /// socket live.
    pub data_dir: PathBuf,
    /// The KMIP (TTLV over mutual TLS) listener; port 0 picks a free port.
    pub kmip_addr: SocketAddr,
    /// The HTTPS side listener (`POST /kmip`, `/api/status`, `/metrics`);
    /// port 0 picks a free port.
    pub http_addr: SocketAddr,
    /// The side listener's TLS switch, body limit and timeouts (`[http]`).
    pub http: HttpSettings,
    /// The root key file (`keys.root_key_file`, also `root_key_file`);
    /// None (and no `KMS_ROOT_KEY`) means the development key
    /// `DATA_DIR/root.key`.
    pub root_key_file: Option<PathBuf>,
    /// The root key itself, from the environment variable `KMS_ROOT_KEY`
    /// only (never from the config file).
    pub root_key: Option<SecretText>,
    /// The label of a root key kept in the PKCS#11 token of `[hsm]`
    /// (`keys.root_key_label`); generated there on first use.
    pub root_key_label: Option<String>,
    /// Per-organisation root keys (`keys.organisation_root_keys`): the
    /// organisation and a file path, or `env:NAME` for a variable holding
    /// the key in base64. Organisations not named use the global root key.
    pub organisation_root_keys: Vec<(String, String)>,
    /// The TLS files.
    pub tls: TlsFiles,
    /// Connection and message limits.
    pub limits: ServerLimits,
    /// What the cryptographic operations allow clients.
    pub crypto: CryptoSettings,
    /// Administrators, organisations, groups of identities (`[access]`).
    pub access: AccessPolicy,
    /// The PKCS#11 token, if any.
    pub hsm: HsmSettings,
    /// Universal Auth rate limits (`[auth]`).
    pub auth: AuthSettings,
}

/// The `[auth]` settings: token-bucket rate limits of Universal Auth
/// (logins and bearer-authenticated requests); 429 with `Retry-After`
/// beyond them. 0 turns a limit off.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AuthSettings {
    /// Requests a minute per client address (`auth.address_requests_per_minute`, default 6000).
    pub address_requests_per_minute: u32,
    /// Requests a minute per machine identity (`auth.identity_requests_per_minute`, default 6000).
    pub identity_requests_per_minute: u32,
    /// The bucket size (`auth.burst`); 0: one minute's worth.
    pub burst: u32,
}

impl Default for AuthSettings {
    fn default() -> AuthSettings {
        AuthSettings { address_requests_per_minute: 6000, identity_requests_per_minute: 6000, burst: 0 }
    }
}

/// The `[hsm]` settings: a PKCS#11 token for HSM-resident keys and the
/// PKCS#11 operation. Off unless `token_label` is set. The PIN itself is
/// never in the configuration: a file or an environment variable holds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HsmSettings {
    /// The PKCS#11 library (`hsm.library`; SoftHSM2's by default).
    pub library: PathBuf,
    /// The token's label (`hsm.token_label`).
    pub token_label: Option<String>,
    /// A file holding the user PIN (`hsm.pin_file`).
    pub pin_file: Option<PathBuf>,
    /// An environment variable holding the user PIN (`hsm.pin_env`).
    pub pin_env: Option<String>,
    /// Which new keys go to the token (`hsm.policy`).
    pub policy: HsmPolicy,
    /// The most sessions on the token (`hsm.max_sessions`).
    pub max_sessions: usize,
}

impl Default for HsmSettings {
    fn default() -> HsmSettings {
        HsmSettings {
            library: PathBuf::from(DEFAULT_LIBRARY),
            token_label: None,
            pin_file: None,
            pin_env: None,
            policy: HsmPolicy::None,
            max_sessions: DEFAULT_SESSIONS,
        }
    }
}

/// A secret configuration value (the root key from the environment): a
/// redacting `Debug`, zeroized on drop.
#[derive(Clone, PartialEq, Eq)]
pub struct SecretText(Zeroizing<String>);

impl SecretText {
    /// The value.
    pub fn expose_secret(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for SecretText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecretText(..)")
    }
}

/// The `[crypto]` settings: policies of the cryptographic operations.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CryptoSettings {
    /// RNG Seed: refused, or how many of a client's seed bytes reach the
    /// engine (`crypto.rng_seed`, `crypto.rng_seed_max_bytes`).
    pub rng_seed: RngSeedPolicy,
}

/// The TLS files; None means the development PKI in `DATA_DIR/certs/`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TlsFiles {
    /// The CA bundle that client certificates are verified against.
    pub ca_file: Option<PathBuf>,
    /// The server certificate chain (PEM, leaf first).
    pub cert_file: Option<PathBuf>,
    /// The server's private key (PEM).
    pub key_file: Option<PathBuf>,
    /// Certificate revocation lists (PEM) for client certificates.
    pub crl_file: Option<PathBuf>,
    /// The deny-list of client certificate serials.
    pub revoked_file: Option<PathBuf>,
}

/// The `[http]` settings of the HTTPS side listener.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HttpSettings {
    /// TLS with the server certificate (`http.tls`, default true); false
    /// serves plain HTTP, for a local sidecar only.
    pub tls: bool,
    /// The largest request body (`http.max_body_size`, default 1 MiB);
    /// larger ones get 413.
    pub max_body_size: usize,
    /// How long a request's headers may take to arrive
    /// (`http.header_timeout`, default 10 s).
    pub header_timeout: Duration,
    /// How long a request's body may take to arrive (`http.body_timeout`,
    /// default 30 s); then 408.
    pub body_timeout: Duration,
    /// How long a connection may stay open without a request
    /// (`http.idle_timeout`, default 60 s).
    pub idle_timeout: Duration,
}

impl Default for HttpSettings {
    fn default() -> HttpSettings {
        HttpSettings {
            tls: true,
            max_body_size: 1024 * 1024,
            header_timeout: Duration::from_secs(10),
            body_timeout: Duration::from_secs(30),
            idle_timeout: Duration::from_secs(60),
        }
    }
}

/// Limits of the KMIP listener. Exceeding one affects that connection only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ServerLimits {
    /// The largest request message accepted, header included; checked from
    /// the 8-byte header before the body is read.
    pub max_message_size: usize,
    /// The most connections open at once; more are closed at once.
    pub max_connections: usize,
    /// How long a TLS handshake may take.
    pub handshake_timeout: Duration,
    /// How long a message may take to arrive, from its first byte to its
    /// last (also bounds writing a response).
    pub partial_message_timeout: Duration,
    /// How long a connection may wait between messages.
    pub idle_timeout: Duration,
}

impl Default for ServerLimits {
    fn default() -> ServerLimits {
        ServerLimits {
            max_message_size: 4 * 1024 * 1024,
            max_connections: 10_000,
            handshake_timeout: Duration::from_secs(10),
            partial_message_timeout: Duration::from_secs(30),
            idle_timeout: Duration::from_secs(300),
        }
    }
}

/// The command-line flags that override the file and the environment.
#[derive(Clone, Debug, Default)]
pub struct Overrides {
    /// `--config FILE` (else `KMS_CONFIG`).
    pub config_file: Option<PathBuf>,
    /// `--data-dir DIR`.
    pub data_dir: Option<PathBuf>,
    /// `--kmip-addr ADDR`.
    pub kmip_addr: Option<SocketAddr>,
    /// `--http-addr ADDR`.
    pub http_addr: Option<SocketAddr>,
    /// `--root-key-file FILE`.
    pub root_key_file: Option<PathBuf>,
}

/// A configuration value that could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The config file could not be read.
    #[error("config file {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The config file is not TOML.
    #[error("config file {path}: {message}")]
    Syntax {
        /// The file.
        path: PathBuf,
        /// The TOML parser's message.
        message: String,
    },
    /// A key nobody knows (a typo, most likely).
    #[error("config file {path}: unknown key {key:?} (known keys: {known})")]
    UnknownKey {
        /// The file.
        path: PathBuf,
        /// The dotted key.
        key: String,
        /// Every known key.
        known: String,
    },
    /// A value of the wrong form.
    #[error("{origin}: {message}")]
    Value {
        /// Where the value came from: the file and key, or the variable.
        origin: String,
        /// What is wrong with it.
        message: String,
    },
    /// The root key settings contradict each other.
    #[error("{0}")]
    RootKeys(String),
}

/// One configuration key: its dotted path in the file, and how to set it.
pub struct Key {
    /// The dotted path, e.g. `limits.idle_timeout`.
    pub path: &'static str,
    /// What the value means, for `--help` and the docs.
    pub help: &'static str,
    set: fn(&mut Config, Raw<'_>) -> Result<(), String>,
}

impl Key {
    /// The environment variable that overrides this key.
    pub fn env_var(&self) -> String {
        format!("KMS_{}", self.path.replace('.', "_").to_ascii_uppercase())
    }
}

impl fmt::Debug for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Key").field("path", &self.path).finish_non_exhaustive()
    }
}

/// Every configuration key. Later features add theirs here.
pub const KEYS: &[Key] = &[
    Key { path: "data_dir", help: "the data directory", set: |c, v| v.path().map(|x| c.data_dir = x) },
    Key { path: "kmip_addr", help: "the KMIP listener (IP:PORT)", set: |c, v| v.addr().map(|x| c.kmip_addr = x) },
    Key { path: "http_addr", help: "the HTTPS listener (IP:PORT)", set: |c, v| v.addr().map(|x| c.http_addr = x) },
    Key {
        path: "http.tls",
        help: "TLS on the HTTPS side listener (default true); false serves plain HTTP, for a local sidecar only",
        set: |c, v| v.boolean().map(|x| c.http.tls = x),
    },
    Key {
        path: "http.max_body_size",
        help: "largest HTTP request body (bytes, or e.g. \"1MiB\"; default 1 MiB); larger ones get 413",
        set: |c, v| v.size().map(|x| c.http.max_body_size = x),
    },
    Key {
        path: "http.header_timeout",
        help: "time for an HTTP request's headers to arrive (default \"10s\")",
        set: |c, v| v.duration().map(|x| c.http.header_timeout = x),
    },
    Key {
        path: "http.body_timeout",
        help: "time for an HTTP request's body to arrive (default \"30s\"); then 408",
        set: |c, v| v.duration().map(|x| c.http.body_timeout = x),
    },
    Key {
        path: "http.idle_timeout",
        help: "time an HTTP connection may stay open without a request (default \"60s\")",
        set: |c, v| v.duration().map(|x| c.http.idle_timeout = x),
    },
    Key {
        path: "root_key_file",
        help: "the root key file (32 bytes, base64), outside the data dir in production (also keys.root_key_file)",
        set: |c, v| v.path().map(|x| c.root_key_file = Some(x)),
    },
    Key {
        path: "root_key",
        help: "the root key itself, 32 bytes in base64: environment variable KMS_ROOT_KEY only",
        set: |c, v| v.secret_from_env().map(|x| c.root_key = Some(x)),
    },
    Key {
        path: "keys.root_key_file",
        help: "the root key file (32 bytes, base64), outside the data dir in production",
        set: |c, v| v.path().map(|x| c.root_key_file = Some(x)),
    },
    Key {
        path: "keys.root_key_label",
        help: "the label of a root key in the PKCS#11 token ([hsm]): non-extractable, wraps and unwraps in the \
               token; generated there on first use",
        set: |c, v| v.text().map(|x| c.root_key_label = Some(x)),
    },
    Key {
        path: "keys.organisation_root_keys",
        help: "per-organisation root keys: a table organisation = \"FILE\" or \"env:VAR\" \
               (environment: \"org=FILE,org2=env:VAR\"); others use the global root key",
        set: |c, v| v.organisation_map().map(|x| c.organisation_root_keys = x),
    },
    Key {
        path: "tls.ca_file",
        help: "CA bundle for client certificates",
        set: |c, v| v.path().map(|x| c.tls.ca_file = Some(x)),
    },
    Key {
        path: "tls.cert_file",
        help: "server certificate chain (PEM)",
        set: |c, v| v.path().map(|x| c.tls.cert_file = Some(x)),
    },
    Key {
        path: "tls.key_file",
        help: "server private key (PEM)",
        set: |c, v| v.path().map(|x| c.tls.key_file = Some(x)),
    },
    Key {
        path: "tls.crl_file",
        help: "certificate revocation lists (PEM) checked for client certificates (default: none)",
        set: |c, v| v.path().map(|x| c.tls.crl_file = Some(x)),
    },
    Key {
        path: "tls.revoked_file",
        help: "the deny-list of client certificate serials (kms cert revoke; default DATA_DIR/certs/revoked.txt)",
        set: |c, v| v.path().map(|x| c.tls.revoked_file = Some(x)),
    },
    Key {
        path: "limits.max_message_size",
        help: "largest request message (bytes, or e.g. \"4MiB\")",
        set: |c, v| v.size().map(|x| c.limits.max_message_size = x),
    },
    Key {
        path: "limits.max_connections",
        help: "most connections open at once",
        set: |c, v| v.count().map(|x| c.limits.max_connections = x),
    },
    Key {
        path: "limits.handshake_timeout",
        help: "TLS handshake timeout (e.g. \"10s\")",
        set: |c, v| v.duration().map(|x| c.limits.handshake_timeout = x),
    },
    Key {
        path: "limits.partial_message_timeout",
        help: "time for a message from its first byte to its last (e.g. \"30s\")",
        set: |c, v| v.duration().map(|x| c.limits.partial_message_timeout = x),
    },
    Key {
        path: "limits.idle_timeout",
        help: "time a connection may wait between messages (e.g. \"300s\")",
        set: |c, v| v.duration().map(|x| c.limits.idle_timeout = x),
    },
    Key {
        path: "crypto.rng_seed",
        help: "RNG Seed: \"accept\" (default; the seed goes to the engine's DRBG) or \"deny\" \
               (Permission Denied: clients cannot influence the DRBG)",
        set: |c, v| v.rng_seed_mode().map(|x| c.crypto.rng_seed.mode = x),
    },
    Key {
        path: "crypto.rng_seed_max_bytes",
        help: "most seed bytes one RNG Seed hands to the DRBG, 0 for none; \
               Data Length reports them (default: all of them)",
        set: |c, v| v.count_or_zero().map(|x| c.crypto.rng_seed.max_bytes = Some(x)),
    },
    Key {
        path: "hsm.library",
        help: "the PKCS#11 library (default /usr/lib/softhsm/libsofthsm2.so)",
        set: |c, v| v.path().map(|x| c.hsm.library = x),
    },
    Key {
        path: "hsm.token_label",
        help: "the label of the PKCS#11 token to use; the token is off without it",
        set: |c, v| v.text().map(|x| c.hsm.token_label = Some(x)),
    },
    Key {
        path: "hsm.pin_file",
        help: "a file holding the token's user PIN",
        set: |c, v| v.path().map(|x| c.hsm.pin_file = Some(x)),
    },
    Key {
        path: "hsm.pin_env",
        help: "the name of an environment variable holding the token's user PIN",
        set: |c, v| v.text().map(|x| c.hsm.pin_env = Some(x)),
    },
    Key {
        path: "hsm.policy",
        help: "which keys Create makes in the token: \"none\" (default: those whose request has x-kms-hsm \
               true) or \"all-symmetric\" (all, unless x-kms-hsm is false)",
        set: |c, v| v.hsm_policy().map(|x| c.hsm.policy = x),
    },
    Key {
        path: "hsm.max_sessions",
        help: "the most PKCS#11 sessions, and so concurrent token calls (default 4)",
        set: |c, v| v.count().map(|x| c.hsm.max_sessions = x),
    },
    Key {
        path: "access.admins",
        help: "identities that may do everything (a list; comma-separated in the environment)",
        set: |c, v| v.list().map(|x| c.access.admins = x.into_iter().collect()),
    },
    Key {
        path: "access.organisations",
        help: "organisation per identity, over the certificate's O / OU (a table; IDENTITY=ORG,... in the environment)",
        set: |c, v| v.map().map(|x| c.access.organisations = x),
    },
    Key {
        path: "access.groups",
        help: "groups of identities that grants may name as group:NAME (a table of lists; \
               GROUP=ID,ID;GROUP=ID in the environment)",
        set: |c, v| v.groups().map(|x| c.access.groups = x),
    },
    Key {
        path: "auth.address_requests_per_minute",
        help: "Universal Auth: logins and authenticated requests a minute per client address (0: no limit)",
        set: |c, v| {
            v.count_or_zero().map(|x| c.auth.address_requests_per_minute = u32::try_from(x).unwrap_or(u32::MAX))
        },
    },
    Key {
        path: "auth.identity_requests_per_minute",
        help: "Universal Auth: logins and authenticated requests a minute per machine identity (0: no limit)",
        set: |c, v| {
            v.count_or_zero().map(|x| c.auth.identity_requests_per_minute = u32::try_from(x).unwrap_or(u32::MAX))
        },
    },
    Key {
        path: "auth.burst",
        help: "Universal Auth: requests allowed at once per address or identity (0: one minute's worth)",
        set: |c, v| v.count_or_zero().map(|x| c.auth.burst = u32::try_from(x).unwrap_or(u32::MAX)),
    },
];

impl Config {
    /// The built-in defaults, with the data directory `data_dir`.
    pub fn new(data_dir: impl Into<PathBuf>) -> Config {
        Config {
            data_dir: data_dir.into(),
            kmip_addr: SocketAddr::from(([127, 0, 0, 1], 5696)),
            http_addr: SocketAddr::from(([127, 0, 0, 1], 8443)),
            http: HttpSettings::default(),
            root_key_file: None,
            root_key: None,
            root_key_label: None,
            organisation_root_keys: Vec::new(),
            tls: TlsFiles::default(),
            limits: ServerLimits::default(),
            crypto: CryptoSettings::default(),
            hsm: HsmSettings::default(),
            access: AccessPolicy::default(),
            auth: AuthSettings::default(),
        }
    }

    /// Defaults, then the config file, then the process environment, then
    /// `overrides`.
    pub fn load(overrides: &Overrides) -> Result<Config, ConfigError> {
        Config::load_with(overrides, |name| std::env::var(name).ok())
    }

    /// [`Config::load`] with the environment given as a function (tests).
    pub fn load_with(overrides: &Overrides, env: impl Fn(&str) -> Option<String>) -> Result<Config, ConfigError> {
        let mut config = Config::new(DEFAULT_DATA_DIR);
        let file = overrides.config_file.clone().or_else(|| env(CONFIG_ENV).map(PathBuf::from));
        if let Some(path) = file {
            config.apply_file(&path)?;
        }
        for key in KEYS {
            let var = key.env_var();
            if let Some(value) = env(&var) {
                (key.set)(&mut config, Raw::Env(&value))
                    .map_err(|message| ConfigError::Value { origin: format!("environment variable {var}"), message })?;
            }
        }
        if let Some(dir) = &overrides.data_dir {
            config.data_dir.clone_from(dir);
        }
        if let Some(addr) = overrides.kmip_addr {
            config.kmip_addr = addr;
        }
        if let Some(addr) = overrides.http_addr {
            config.http_addr = addr;
        }
        if let Some(file) = &overrides.root_key_file {
            config.root_key_file = Some(file.clone());
        }
        Ok(config)
    }

    fn apply_file(&mut self, path: &Path) -> Result<(), ConfigError> {
        let text =
            std::fs::read_to_string(path).map_err(|source| ConfigError::Read { path: path.to_owned(), source })?;
        self.apply_text(&text, path)
    }

    /// Applies the keys of a config file's text, `path` naming it in
    /// errors: what `--config` does once the file is read.
    pub fn apply_text(&mut self, text: &str, path: &Path) -> Result<(), ConfigError> {
        let table: toml::Table = text
            .parse()
            .map_err(|e: toml::de::Error| ConfigError::Syntax { path: path.to_owned(), message: e.to_string() })?;
        let mut values = Vec::new();
        flatten("", &table, &mut values);
        for (name, value) in values {
            let Some(key) = KEYS.iter().find(|k| k.path == name) else {
                let known = KEYS.iter().map(|k| k.path).collect::<Vec<_>>().join(", ");
                return Err(ConfigError::UnknownKey { path: path.to_owned(), key: name, known });
            };
            (key.set)(self, Raw::Toml(value)).map_err(|message| ConfigError::Value {
                origin: format!("config file {}, key {name}", path.display()),
                message,
            })?;
        }
        Ok(())
    }

    /// The settings the operations read: the `[crypto]` policies over the
    /// built-in defaults.
    pub fn ops_config(&self) -> OpsConfig {
        OpsConfig {
            rng_seed: self.crypto.rng_seed,
            hsm_policy: self.hsm.policy,
            access: self.access.clone(),
            ..OpsConfig::default()
        }
    }

    /// What opening the PKCS#11 token needs, the PIN read from its file or
    /// variable; None when no token is configured.
    pub fn pkcs11_settings(&self) -> Result<Option<Pkcs11Settings>, ConfigError> {
        self.pkcs11_settings_with(|name| std::env::var(name).ok())
    }

    /// [`Config::pkcs11_settings`] with the environment given as a function.
    pub fn pkcs11_settings_with(
        &self,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Option<Pkcs11Settings>, ConfigError> {
        let hsm_error = |message: String| ConfigError::Value { origin: "[hsm]".into(), message };
        let Some(label) = &self.hsm.token_label else {
            if self.hsm.policy != HsmPolicy::None {
                return Err(hsm_error("hsm.policy needs a token: set hsm.token_label".into()));
            }
            return Ok(None);
        };
        let pin = match (&self.hsm.pin_file, &self.hsm.pin_env) {
            (Some(file), _) => {
                let text = Zeroizing::new(std::fs::read_to_string(file).map_err(|e| ConfigError::Value {
                    origin: "hsm.pin_file".into(),
                    message: format!("{}: {e}", file.display()),
                })?);
                Zeroizing::new(text.trim_end_matches(['\r', '\n']).to_owned())
            }
            (None, Some(var)) => Zeroizing::new(env(var).ok_or_else(|| ConfigError::Value {
                origin: "hsm.pin_env".into(),
                message: format!("the environment variable {var} is not set"),
            })?),
            (None, None) => return Err(hsm_error("the token's PIN: set hsm.pin_file or hsm.pin_env".into())),
        };
        Ok(Some(Pkcs11Settings {
            library: self.hsm.library.clone(),
            token_label: label.clone(),
            pin,
            max_sessions: self.hsm.max_sessions,
        }))
    }

    /// The development PKI's directory, `DATA_DIR/certs`.
    pub fn certs_dir(&self) -> PathBuf {
        self.data_dir.join("certs")
    }

    /// The CA bundle client certificates are verified against.
    pub fn ca_file(&self) -> PathBuf {
        self.tls.ca_file.clone().unwrap_or_else(|| self.certs_dir().join("ca.pem"))
    }

    /// The server certificate chain.
    pub fn cert_file(&self) -> PathBuf {
        self.tls.cert_file.clone().unwrap_or_else(|| self.certs_dir().join("server.pem"))
    }

    /// The server's private key.
    pub fn key_file(&self) -> PathBuf {
        self.tls.key_file.clone().unwrap_or_else(|| self.certs_dir().join("server.key"))
    }

    /// The certificate deny-list file.
    pub fn revoked_file(&self) -> PathBuf {
        self.tls.revoked_file.clone().unwrap_or_else(|| self.certs_dir().join(crate::server::revocation::DEFAULT_FILE))
    }

    /// Every TLS file of the listener.
    pub fn tls_settings(&self) -> crate::server::tls::TlsSettings {
        crate::server::tls::TlsSettings {
            ca_file: self.ca_file(),
            cert_file: self.cert_file(),
            key_file: self.key_file(),
            crl_file: self.tls.crl_file.clone(),
            revoked_file: self.revoked_file(),
        }
    }

    /// The root key file in use.
    pub fn root_key_path(&self) -> PathBuf {
        self.root_key_file.clone().unwrap_or_else(|| self.data_dir.join(DEV_ROOT_KEY_FILE))
    }

    /// Where the global root key and the per-organisation ones come from.
    pub fn root_key_sources(&self) -> Result<(RootKeySource, Vec<(String, RootKeySource)>), ConfigError> {
        let global = match (&self.root_key, &self.root_key_file) {
            (None, None) if let Some(label) = &self.root_key_label => RootKeySource::Token(label.clone()),
            _ if self.root_key_label.is_some() => {
                return Err(ConfigError::RootKeys(format!(
                    "keys.root_key_label and {ROOT_KEY_ENV} or a root key file are set: set one of them"
                )));
            }
            (Some(_), Some(file)) => {
                return Err(ConfigError::RootKeys(format!(
                    "both {ROOT_KEY_ENV} and a root key file ({}) are set: set one of them",
                    file.display()
                )));
            }
            (Some(text), None) => RootKeySource::Environment {
                name: ROOT_KEY_ENV.to_owned(),
                value: Zeroizing::new(text.expose_secret().to_owned()),
            },
            (None, Some(file)) if self.uses_development_root_key() => RootKeySource::Development(file.clone()),
            (None, Some(file)) => RootKeySource::File(file.clone()),
            (None, None) => RootKeySource::Development(self.root_key_path()),
        };
        let mut organisations = Vec::new();
        for (org, value) in &self.organisation_root_keys {
            let source = match value.strip_prefix("env:") {
                Some(name) => {
                    let text = std::env::var(name).map_err(|_| {
                        ConfigError::RootKeys(format!(
                            "the root key of organisation {org:?} is to come from the environment variable {name}, \
                             which is not set"
                        ))
                    })?;
                    RootKeySource::Environment { name: name.to_owned(), value: Zeroizing::new(text) }
                }
                None => RootKeySource::File(PathBuf::from(value)),
            };
            organisations.push((org.clone(), source));
        }
        Ok((global, organisations))
    }

    /// True when the root key is the development one: none configured, or
    /// one inside the data directory (whoever has the directory has the
    /// key). A key from `KMS_ROOT_KEY` is not.
    pub fn uses_development_root_key(&self) -> bool {
        let Some(file) = &self.root_key_file else {
            return self.root_key.is_none() && self.root_key_label.is_none();
        };
        let dir = absolute(&self.data_dir);
        let file = absolute(file);
        file.starts_with(&dir)
    }

    /// The listener addresses that are not loopback addresses.
    pub fn non_loopback_addrs(&self) -> Vec<SocketAddr> {
        [self.kmip_addr, self.http_addr].into_iter().filter(|a| !a.ip().is_loopback()).collect()
    }
}

/// `path` made absolute and, as far as it exists, with symbolic links
/// resolved; a missing tail is appended as written.
fn absolute(path: &Path) -> PathBuf {
    let path = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    let mut existing = path.as_path();
    let mut tail = Vec::new();
    loop {
        if let Ok(real) = existing.canonicalize() {
            return tail.iter().rev().fold(real, |acc: PathBuf, part| acc.join(part));
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                tail.push(name.to_owned());
                existing = parent;
            }
            _ => return path,
        }
    }
}

fn flatten(prefix: &str, table: &toml::Table, out: &mut Vec<(String, toml::Value)>) {
    for (name, value) in table {
        let path = if prefix.is_empty() { name.clone() } else { format!("{prefix}.{name}") };
        match value {
            // A key whose value is a table (access.groups) is not descended into.
            toml::Value::Table(inner) if !KEYS.iter().any(|k| k.path == path) => flatten(&path, inner, out),
            other => out.push((path, other.clone())),
        }
    }
}

/// A value as the file or the environment gives it.
enum Raw<'a> {
    Toml(toml::Value),
    Env(&'a str),
}

impl Raw<'_> {
    fn text(&self) -> Result<String, String> {
        match self {
            Raw::Env(s) => Ok((*s).to_owned()),
            Raw::Toml(toml::Value::String(s)) => Ok(s.clone()),
            Raw::Toml(other) => Err(format!("expected a string, found {}", other.type_str())),
        }
    }

    fn path(&self) -> Result<PathBuf, String> {
        let text = self.text()?;
        if text.is_empty() {
            return Err("expected a path, found an empty string".into());
        }
        Ok(PathBuf::from(text))
    }

    /// A secret only the environment may give (never the config file).
    fn secret_from_env(&self) -> Result<SecretText, String> {
        match self {
            Raw::Env(s) => Ok(SecretText(Zeroizing::new((*s).to_owned()))),
            Raw::Toml(_) => Err("the root key itself is not read from the config file (anyone who can read the \
                                 config would hold it): put it in a file and set keys.root_key_file, or set the \
                                 environment variable KMS_ROOT_KEY"
                .into()),
        }
    }

    /// A map organisation -> key source: a TOML table of strings, or
    /// `org=value,org2=value` in the environment.
    fn organisation_map(&self) -> Result<Vec<(String, String)>, String> {
        let mut out = Vec::new();
        match self {
            Raw::Toml(toml::Value::Table(table)) => {
                for (org, value) in table {
                    let toml::Value::String(value) = value else {
                        return Err(format!("organisation {org:?}: expected a string (a file, or \"env:VAR\")"));
                    };
                    out.push((org.clone(), value.clone()));
                }
            }
            Raw::Toml(other) => {
                return Err(format!("expected a table organisation = \"FILE\", found {}", other.type_str()));
            }
            Raw::Env(text) => {
                for entry in text.split(',').map(str::trim).filter(|e| !e.is_empty()) {
                    let Some((org, value)) = entry.split_once('=') else {
                        return Err(format!("{entry:?} is not of the form organisation=FILE or organisation=env:VAR"));
                    };
                    out.push((org.trim().to_owned(), value.trim().to_owned()));
                }
            }
        }
        if let Some((org, _)) = out.iter().find(|(org, value)| org.is_empty() || value.is_empty()) {
            return Err(format!("organisation {org:?}: an empty organisation or key source"));
        }
        Ok(out)
    }

    fn addr(&self) -> Result<SocketAddr, String> {
        let text = self.text()?;
        text.parse().map_err(|_| format!("{text:?} is not an address of the form IP:PORT (e.g. 127.0.0.1:5696)"))
    }

    fn count(&self) -> Result<usize, String> {
        let n = match self {
            Raw::Toml(toml::Value::Integer(n)) => *n,
            Raw::Toml(other) => return Err(format!("expected a whole number, found {}", other.type_str())),
            Raw::Env(s) => s.trim().parse().map_err(|_| format!("{s:?} is not a whole number"))?,
        };
        match usize::try_from(n) {
            Ok(n) if n > 0 => Ok(n),
            _ => Err(format!("{n} is not a positive number")),
        }
    }

    /// true or false (`true`/`false`, `1`/`0`, `yes`/`no` in the
    /// environment).
    fn boolean(&self) -> Result<bool, String> {
        match self {
            Raw::Toml(toml::Value::Boolean(b)) => Ok(*b),
            Raw::Toml(other) => Err(format!("expected true or false, found {}", other.type_str())),
            Raw::Env(s) => match s.trim().to_ascii_lowercase().as_str() {
                "true" | "1" | "yes" | "on" => Ok(true),
                "false" | "0" | "no" | "off" => Ok(false),
                _ => Err(format!("{s:?} is not true or false")),
            },
        }
    }

    /// A whole number, zero allowed.
    fn count_or_zero(&self) -> Result<usize, String> {
        let n = match self {
            Raw::Toml(toml::Value::Integer(n)) => *n,
            Raw::Toml(other) => return Err(format!("expected a whole number, found {}", other.type_str())),
            Raw::Env(s) => s.trim().parse().map_err(|_| format!("{s:?} is not a whole number"))?,
        };
        usize::try_from(n).map_err(|_| format!("{n} is not a number of bytes (0 or more)"))
    }

    /// A list of names: a TOML array of strings, or comma-separated.
    fn list(&self) -> Result<Vec<String>, String> {
        let names = match self {
            Raw::Toml(toml::Value::Array(items)) => items
                .iter()
                .map(|i| {
                    i.as_str().map(str::to_owned).ok_or_else(|| format!("expected strings, found {}", i.type_str()))
                })
                .collect::<Result<Vec<_>, _>>()?,
            _ => self.text()?.split(',').map(str::to_owned).collect(),
        };
        Ok(names.into_iter().map(|n| n.trim().to_owned()).filter(|n| !n.is_empty()).collect())
    }

    /// A map of names to names: a TOML table of strings, or `K=V,K=V`.
    fn map(&self) -> Result<BTreeMap<String, String>, String> {
        match self {
            Raw::Toml(toml::Value::Table(table)) => table
                .iter()
                .map(|(k, v)| {
                    let v = v.as_str().ok_or_else(|| format!("{k}: expected a string, found {}", v.type_str()))?;
                    Ok((k.clone(), v.trim().to_owned()))
                })
                .collect(),
            Raw::Toml(other) => Err(format!("expected a table, found {}", other.type_str())),
            Raw::Env(text) => text
                .split(',')
                .filter(|p| !p.trim().is_empty())
                .map(|pair| match pair.split_once('=') {
                    Some((k, v)) if !k.trim().is_empty() => Ok((k.trim().to_owned(), v.trim().to_owned())),
                    _ => Err(format!("{pair:?} is not of the form IDENTITY=VALUE")),
                })
                .collect(),
        }
    }

    /// Groups: a TOML table of string arrays, or `G=A,B;G2=C`.
    fn groups(&self) -> Result<BTreeMap<String, BTreeSet<String>>, String> {
        match self {
            Raw::Toml(toml::Value::Table(table)) => table
                .iter()
                .map(|(group, members)| {
                    let members = Raw::Toml(members.clone()).list().map_err(|e| format!("{group}: {e}"))?;
                    Ok((group.clone(), members.into_iter().collect()))
                })
                .collect(),
            Raw::Toml(other) => Err(format!("expected a table, found {}", other.type_str())),
            Raw::Env(text) => text
                .split(';')
                .filter(|p| !p.trim().is_empty())
                .map(|part| match part.split_once('=') {
                    Some((group, members)) if !group.trim().is_empty() => Ok((
                        group.trim().to_owned(),
                        members.split(',').map(str::trim).filter(|m| !m.is_empty()).map(str::to_owned).collect(),
                    )),
                    _ => Err(format!("{part:?} is not of the form GROUP=ID,ID")),
                })
                .collect(),
        }
    }

    fn rng_seed_mode(&self) -> Result<RngSeedMode, String> {
        match self.text()?.trim() {
            "accept" => Ok(RngSeedMode::Accept),
            "deny" => Ok(RngSeedMode::Deny),
            other => Err(format!("{other:?} is not an RNG Seed policy (use \"accept\" or \"deny\")")),
        }
    }

    fn hsm_policy(&self) -> Result<HsmPolicy, String> {
        match self.text()?.as_str() {
            "none" => Ok(HsmPolicy::None),
            "all-symmetric" => Ok(HsmPolicy::AllSymmetric),
            other => Err(format!("{other:?} is not an HSM policy (use \"none\" or \"all-symmetric\")")),
        }
    }

    fn size(&self) -> Result<usize, String> {
        let text = match self {
            Raw::Toml(toml::Value::Integer(_)) => return self.count(),
            _ => self.text()?,
        };
        parse_size(&text)
    }

    fn duration(&self) -> Result<Duration, String> {
        let text = match self {
            Raw::Toml(toml::Value::Integer(n)) => n.to_string(),
            Raw::Toml(toml::Value::Float(x)) => x.to_string(),
            _ => self.text()?,
        };
        parse_duration(&text)
    }
}

/// A size: a number of bytes, or a number with `KiB`, `MiB` or `GiB`.
pub fn parse_size(text: &str) -> Result<usize, String> {
    let t = text.trim();
    let (digits, unit) = match t.find(|c: char| !c.is_ascii_digit()) {
        Some(at) => t.split_at(at),
        None => (t, ""),
    };
    let multiplier: u64 = match unit.trim() {
        "" | "B" => 1,
        "KiB" => 1 << 10,
        "MiB" => 1 << 20,
        "GiB" => 1 << 30,
        other => return Err(format!("{text:?}: unknown unit {other:?} (use bytes, KiB, MiB or GiB)")),
    };
    let n: u64 = digits.parse().map_err(|_| format!("{text:?} is not a size (e.g. 4194304 or \"4MiB\")"))?;
    n.checked_mul(multiplier)
        .and_then(|n| usize::try_from(n).ok())
        .filter(|n| *n > 0)
        .ok_or_else(|| format!("{text:?} is not a positive size that fits in memory"))
}

/// A duration: seconds (`30`, `0.5`), or a number with `ms`, `s`, `m` or
/// `h`.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let t = text.trim();
    let (number, unit) = match t.find(|c: char| !(c.is_ascii_digit() || c == '.')) {
        Some(at) => t.split_at(at),
        None => (t, "s"),
    };
    let seconds_per_unit = match unit.trim() {
        "ms" => 0.001,
        "s" => 1.0,
        "m" => 60.0,
        "h" => 3600.0,
        other => return Err(format!("{text:?}: unknown unit {other:?} (use ms, s, m or h)")),
    };
    let value: f64 = number.parse().map_err(|_| format!("{text:?} is not a duration (e.g. \"30s\" or 30)"))?;
    Duration::try_from_secs_f64(value * seconds_per_unit)
        .ok()
        .filter(|d| !d.is_zero())
        .ok_or_else(|| format!("{text:?} is not a positive duration"))
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;
    use std::os::unix::fs::PermissionsExt;

    use base64::Engine;
    use base64::engine::general_purpose::STANDARD as BASE64;

    use super::*;

    fn load(file: Option<&str>, env: &[(&str, &str)], overrides: Overrides) -> Result<Config, ConfigError> {
        let env: HashMap<String, String> = env.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
        let mut overrides = overrides;
        let dir = std::env::temp_dir().join(format!("kms-config-test-{}", uuid::Uuid::new_v4()));
        if let Some(text) = file {
            std::fs::create_dir_all(&dir).expect("temp dir");
            let path = dir.join("kms.toml");
            std::fs::write(&path, text).expect("write config");
            overrides.config_file = Some(path);
        }
        let result = Config::load_with(&overrides, |name| env.get(name).cloned());
        let _ = std::fs::remove_dir_all(&dir);
        result
    }

    #[test]
    fn defaults_match_the_command_line_contract() {
        let config = load(None, &[], Overrides::default()).expect("defaults");
        assert_eq!(config.data_dir, PathBuf::from(DEFAULT_DATA_DIR));
        assert_eq!(config.kmip_addr.to_string(), DEFAULT_KMIP_ADDR);
        assert_eq!(config.http_addr.to_string(), DEFAULT_HTTP_ADDR);
        assert_eq!(config.limits, ServerLimits::default());
        assert_eq!(config.limits.max_message_size, 4 << 20);
        assert_eq!(config.limits.max_connections, 10_000);
        assert_eq!(config.ca_file(), PathBuf::from(DEFAULT_DATA_DIR).join("certs/ca.pem"));
        assert!(config.uses_development_root_key());
    }

    #[test]
    fn file_then_environment_then_flags() {
        let file = r#"
            data_dir = "/from/file"
            kmip_addr = "127.0.0.1:1000"
            http_addr = "127.0.0.1:2000"
            [limits]
            idle_timeout = "5m"
            max_message_size = "1MiB"
            max_connections = 7
            handshake_timeout = 3
            partial_message_timeout = 0.25
            [tls]
            ca_file = "/ca.pem"
        "#;
        let env = [("KMS_KMIP_ADDR", "127.0.0.1:1001"), ("KMS_LIMITS_IDLE_TIMEOUT", "250ms")];
        let flags = Overrides { data_dir: Some("/from/flag".into()), ..Overrides::default() };
        let config = load(Some(file), &env, flags).expect("loads");
        assert_eq!(config.data_dir, PathBuf::from("/from/flag"));
        assert_eq!(config.kmip_addr.port(), 1001);
        assert_eq!(config.http_addr.port(), 2000);
        assert_eq!(config.limits.idle_timeout, Duration::from_millis(250));
        assert_eq!(config.limits.max_message_size, 1 << 20);
        assert_eq!(config.limits.max_connections, 7);
        assert_eq!(config.limits.handshake_timeout, Duration::from_secs(3));
        assert_eq!(config.limits.partial_message_timeout, Duration::from_millis(250));
        assert_eq!(config.ca_file(), PathBuf::from("/ca.pem"));
        assert_eq!(config.cert_file(), PathBuf::from("/from/flag/certs/server.pem"));
    }

    #[test]
    fn every_key_has_an_environment_variable() {
        let names: Vec<String> = KEYS.iter().map(Key::env_var).collect();
        assert!(names.contains(&"KMS_DATA_DIR".to_owned()));
        assert!(names.contains(&"KMS_ROOT_KEY_FILE".to_owned()));
        assert!(names.contains(&"KMS_TLS_CA_FILE".to_owned()));
        assert!(names.contains(&"KMS_LIMITS_MAX_CONNECTIONS".to_owned()));
    }

    #[test]
    fn bad_values_name_their_origin() {
        let err = load(None, &[("KMS_KMIP_ADDR", "localhost")], Overrides::default()).expect_err("bad addr");
        assert!(err.to_string().contains("environment variable KMS_KMIP_ADDR"), "{err}");
        let err = load(Some("[limits]\nidle_timeout = \"soon\"\n"), &[], Overrides::default()).expect_err("bad");
        assert!(err.to_string().contains("key limits.idle_timeout"), "{err}");
        let err = load(Some("idle_timeout = 3\n"), &[], Overrides::default()).expect_err("unknown key");
        assert!(matches!(err, ConfigError::UnknownKey { .. }), "{err}");
        let err = load(None, &[("KMS_LIMITS_MAX_CONNECTIONS", "0")], Overrides::default()).expect_err("zero");
        assert!(err.to_string().contains("not a positive number"), "{err}");
    }

    #[test]
    fn rng_seed_policy_from_file_and_environment() {
        let config = load(None, &[], Overrides::default()).expect("defaults");
        assert_eq!(config.crypto.rng_seed, RngSeedPolicy { mode: RngSeedMode::Accept, max_bytes: None });
        assert_eq!(config.ops_config(), OpsConfig::default());

        let config = load(Some("[crypto]\nrng_seed_max_bytes = 16\n"), &[], Overrides::default()).expect("loads");
        assert_eq!(config.ops_config().rng_seed, RngSeedPolicy { mode: RngSeedMode::Accept, max_bytes: Some(16) });
        let config = load(Some("[crypto]\nrng_seed_max_bytes = 0\n"), &[], Overrides::default()).expect("zero");
        assert_eq!(config.crypto.rng_seed.max_bytes, Some(0));

        let file = "[crypto]\nrng_seed = \"deny\"\n";
        let config = load(Some(file), &[("KMS_CRYPTO_RNG_SEED_MAX_BYTES", "8")], Overrides::default()).expect("loads");
        assert_eq!(config.crypto.rng_seed, RngSeedPolicy { mode: RngSeedMode::Deny, max_bytes: Some(8) });
        let env = [("KMS_CRYPTO_RNG_SEED", "accept")];
        let config = load(Some(file), &env, Overrides::default()).expect("the environment wins");
        assert_eq!(config.crypto.rng_seed.mode, RngSeedMode::Accept);

        let err = load(Some("[crypto]\nrng_seed = \"ignore\"\n"), &[], Overrides::default()).expect_err("bad");
        assert!(err.to_string().contains("key crypto.rng_seed") && err.to_string().contains("\"deny\""), "{err}");
        let err = load(None, &[("KMS_CRYPTO_RNG_SEED_MAX_BYTES", "-1")], Overrides::default()).expect_err("negative");
        assert!(err.to_string().contains("KMS_CRYPTO_RNG_SEED_MAX_BYTES"), "{err}");
        let err = load(Some("[crypto]\nrng_seed_max_bytes = \"16\"\n"), &[], Overrides::default()).expect_err("text");
        assert!(err.to_string().contains("expected a whole number"), "{err}");
    }

    #[test]
    fn access_settings_from_file_and_environment() {
        let file = r#"
            [access]
            admins = ["admin", " ops "]
            organisations = { db1 = "acme" }
            groups = { dbas = ["alice", "bob"], empty = [] }
        "#;
        let config = load(Some(file), &[], Overrides::default()).expect("loads");
        assert_eq!(config.access.admins, ["admin".to_owned(), "ops".to_owned()].into_iter().collect());
        assert_eq!(config.access.organisations.get("db1").map(String::as_str), Some("acme"));
        assert_eq!(config.access.groups["dbas"].len(), 2);
        assert!(config.access.groups["empty"].is_empty());
        assert_eq!(config.ops_config().access, config.access);
        let env = [
            ("KMS_ACCESS_ADMINS", "root, admin"),
            ("KMS_ACCESS_ORGANISATIONS", "db1=beta,db2=gamma"),
            ("KMS_ACCESS_GROUPS", "dbas=carol;ops=dave,erin"),
        ];
        let config = load(Some(file), &env, Overrides::default()).expect("loads");
        assert!(config.access.admins.contains("root") && !config.access.admins.contains("ops"));
        assert_eq!(config.access.organisations.get("db2").map(String::as_str), Some("gamma"));
        assert_eq!(config.access.groups["ops"].len(), 2);
        assert!(config.access.groups["dbas"].contains("carol"));
        let err = load(Some("[access]\nadmins = [1]\n"), &[], Overrides::default()).expect_err("not strings");
        assert!(err.to_string().contains("access.admins"), "{err}");
        let err = load(None, &[("KMS_ACCESS_ORGANISATIONS", "db1")], Overrides::default()).expect_err("no =");
        assert!(err.to_string().contains("KMS_ACCESS_ORGANISATIONS"), "{err}");
    }

    #[test]
    fn auth_rate_limits_from_file_and_environment() {
        assert_eq!(Config::new("/d").auth, AuthSettings::default());
        let file = "[auth]\naddress_requests_per_minute = 120\nidentity_requests_per_minute = 0\nburst = 10\n";
        let config = load(Some(file), &[], Overrides::default()).expect("loads");
        assert_eq!(
            config.auth,
            AuthSettings { address_requests_per_minute: 120, identity_requests_per_minute: 0, burst: 10 }
        );
        let env = [("KMS_AUTH_ADDRESS_REQUESTS_PER_MINUTE", "30"), ("KMS_AUTH_BURST", "0")];
        let config = load(Some(file), &env, Overrides::default()).expect("loads");
        assert_eq!((config.auth.address_requests_per_minute, config.auth.burst), (30, 0));
        let err = load(Some("[auth]\nburst = -1\n"), &[], Overrides::default()).expect_err("negative");
        assert!(err.to_string().contains("auth.burst"), "{err}");
    }

    #[test]
    fn config_text_applies_like_a_file() {
        let mut config = Config::new("/d");
        config.apply_text("[crypto]\nrng_seed = \"deny\"\n", Path::new("inline.toml")).expect("applies");
        assert_eq!(config.crypto.rng_seed.mode, RngSeedMode::Deny);
        let err = config.apply_text("[crypto]\nrng = 1\n", Path::new("inline.toml")).expect_err("unknown");
        assert!(err.to_string().contains("inline.toml") && err.to_string().contains("crypto.rng_seed"), "{err}");
    }

    #[test]
    fn sizes_and_durations() {
        assert_eq!(parse_size("4MiB"), Ok(4 << 20));
        assert_eq!(parse_size("512 KiB"), Ok(512 << 10));
        assert_eq!(parse_size("100"), Ok(100));
        assert!(parse_size("4MB").is_err());
        assert_eq!(parse_duration("300s"), Ok(Duration::from_secs(300)));
        assert_eq!(parse_duration("10"), Ok(Duration::from_secs(10)));
        assert_eq!(parse_duration("1.5m"), Ok(Duration::from_secs(90)));
        assert_eq!(parse_duration("20ms"), Ok(Duration::from_millis(20)));
        assert!(parse_duration("0s").is_err());
        assert!(parse_duration("-1s").is_err());
    }

    #[test]
    fn development_root_key_is_one_inside_the_data_dir() {
        let mut config = Config::new("/srv/kms-data");
        assert!(config.uses_development_root_key());
        config.root_key_file = Some("/srv/kms-data/keys/root.key".into());
        assert!(config.uses_development_root_key());
        config.root_key_file = Some("/srv/kms-data/../kms-data/root.key".into());
        assert!(config.uses_development_root_key());
        config.root_key_file = Some("/etc/kms/root.key".into());
        assert!(!config.uses_development_root_key());
        config.root_key_file = Some("/srv/kms-data-other/root.key".into());
        assert!(!config.uses_development_root_key());
    }

    #[test]
    fn root_key_sources_from_file_environment_and_flags() {
        let config = load(None, &[], Overrides::default()).expect("defaults");
        let (global, orgs) = config.root_key_sources().expect("sources");
        assert_eq!(global, RootKeySource::Development(PathBuf::from(DEFAULT_DATA_DIR).join(DEV_ROOT_KEY_FILE)));
        assert!(orgs.is_empty());

        let file = "[keys]\nroot_key_file = \"/etc/kms/root.key\"\n[keys.organisation_root_keys]\nacme = \"/etc/kms/acme.key\"\n";
        let config = load(Some(file), &[], Overrides::default()).expect("loads");
        let (global, orgs) = config.root_key_sources().expect("sources");
        assert_eq!(global, RootKeySource::File("/etc/kms/root.key".into()));
        assert_eq!(orgs, vec![("acme".to_owned(), RootKeySource::File("/etc/kms/acme.key".into()))]);
        assert!(!config.uses_development_root_key());

        let flags = Overrides { root_key_file: Some("/flag.key".into()), ..Overrides::default() };
        let config = load(Some(file), &[("KMS_KEYS_ROOT_KEY_FILE", "/env.key")], flags).expect("loads");
        assert_eq!(config.root_key_file, Some(PathBuf::from("/flag.key")));

        let env = [("KMS_ROOT_KEY", "AAAA"), ("KMS_KEYS_ORGANISATION_ROOT_KEYS", "a=/a.key, b=/b.key")];
        let config = load(None, &env, Overrides::default()).expect("loads");
        assert!(!config.uses_development_root_key(), "a key from the environment is not the development key");
        assert!(!format!("{config:?}").contains("AAAA"), "the key is not in Debug");
        let (global, orgs) = config.root_key_sources().expect("sources");
        assert!(matches!(global, RootKeySource::Environment { ref name, .. } if name == "KMS_ROOT_KEY"));
        assert_eq!(orgs.len(), 2);
        assert_eq!(orgs[1], ("b".to_owned(), RootKeySource::File("/b.key".into())));

        let env = [("KMS_ROOT_KEY", "AAAA"), ("KMS_ROOT_KEY_FILE", "/k")];
        let err = load(None, &env, Overrides::default()).expect("loads").root_key_sources().expect_err("both");
        assert!(err.to_string().contains("set one of them"), "{err}");
        let err = load(Some("root_key = \"AAAA\"\n"), &[], Overrides::default()).expect_err("not in a file");
        assert!(err.to_string().contains("KMS_ROOT_KEY"), "{err}");
        let err = load(None, &[("KMS_KEYS_ORGANISATION_ROOT_KEYS", "acme")], Overrides::default()).expect_err("bad");
        assert!(err.to_string().contains("organisation=FILE"), "{err}");
    }

    #[test]
    fn root_key_file_round_trip_and_errors() {
        let dir = std::env::temp_dir().join(format!("kms-rootkey-test-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).expect("dir");
        let path = dir.join("root.key");
        RootKey::from_bytes([7; ROOT_KEY_LEN]).write_new(&path).expect("write");
        assert_eq!(std::fs::metadata(&path).expect("meta").permissions().mode() & 0o777, 0o600);
        assert_eq!(RootKey::read(&path).expect("read").expose_secret(), &[7; ROOT_KEY_LEN]);
        assert!(RootKey::from_bytes([1; ROOT_KEY_LEN]).write_new(&path).is_err(), "no overwrite");
        assert_eq!(format!("{:?}", RootKey::read(&path).expect("read")), "RootKey(..)");
        let short = dir.join("short.key");
        std::fs::write(&short, BASE64.encode([1u8; 16])).expect("write");
        let err = RootKey::read(&short).expect_err("short");
        assert!(err.to_string().contains("found 16 bytes"), "{err}");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn hsm_settings_read_the_pin_from_a_file_or_a_variable_and_never_show_it() {
        // Off by default.
        let config = load(None, &[], Overrides::default()).expect("defaults");
        assert_eq!(config.hsm, HsmSettings::default());
        assert!(config.pkcs11_settings_with(|_| None).expect("no token").is_none());

        let file = "[hsm]\nlibrary = \"/opt/hsm/lib.so\"\ntoken_label = \"kms\"\npin_env = \"MY_PIN\"\n\
                    policy = \"all-symmetric\"\nmax_sessions = 8\n";
        let config = load(Some(file), &[], Overrides::default()).expect("loads");
        assert_eq!(config.ops_config().hsm_policy, HsmPolicy::AllSymmetric);
        let settings = config
            .pkcs11_settings_with(|name| (name == "MY_PIN").then(|| "1234".to_owned()))
            .expect("settings")
            .expect("a token");
        assert_eq!(
            (settings.library.as_path(), settings.token_label.as_str(), settings.pin.as_str(), settings.max_sessions),
            (Path::new("/opt/hsm/lib.so"), "kms", "1234", 8)
        );
        assert!(!format!("{settings:?}").contains("1234"), "{settings:?}");
        let err = config.pkcs11_settings_with(|_| None).expect_err("unset variable");
        assert!(err.to_string().contains("MY_PIN"), "{err}");

        // A PIN file, its line end dropped; the environment overrides keys.
        let dir = std::env::temp_dir().join(format!("kms-pin-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).expect("dir");
        std::fs::write(dir.join("pin"), "s3cret\n").expect("pin file");
        let pin_file = dir.join("pin").display().to_string();
        let env = [("KMS_HSM_TOKEN_LABEL", "other"), ("KMS_HSM_PIN_FILE", pin_file.as_str())];
        let config = load(None, &env, Overrides::default()).expect("loads");
        let settings = config.pkcs11_settings_with(|_| None).expect("settings").expect("a token");
        assert_eq!((settings.token_label.as_str(), settings.pin.as_str()), ("other", "s3cret"));
        assert_eq!(settings.library, Path::new(DEFAULT_LIBRARY));
        let _ = std::fs::remove_dir_all(&dir);

        // A policy without a token, a token without a PIN, an unknown policy.
        let err = load(Some("[hsm]\npolicy = \"all-symmetric\"\n"), &[], Overrides::default())
            .expect("loads")
            .pkcs11_settings_with(|_| None)
            .expect_err("no token");
        assert!(err.to_string().contains("hsm.token_label"), "{err}");
        let err = load(Some("[hsm]\ntoken_label = \"kms\"\n"), &[], Overrides::default())
            .expect("loads")
            .pkcs11_settings_with(|_| None)
            .expect_err("no PIN");
        assert!(err.to_string().contains("pin_file"), "{err}");
        let err = load(Some("[hsm]\npolicy = \"some\"\n"), &[], Overrides::default()).expect_err("bad policy");
        assert!(err.to_string().contains("all-symmetric"), "{err}");
    }
}
