//! kms: a KMIP-native key management server.
//!
//! ```text
//! server/  tokio + rustls: accept, framing, limits      (I/O shell)
//! http/    hyper: the HTTPS side listener (/kmip, /api/status, /metrics)
//! admin/   the admin socket: JSON lines over DIR/admin.sock
//! config   the TOML file, KMS_* variables, flags
//! pki      the development PKI (rcgen) and root key
//! keys/    the key hierarchy: root key -> organisation keys -> wrapped object material
//! access/  identities, grants, administrators
//! ops/     one module per operation family             (no I/O types)
//! secrets/ Infisical-compatible projects, folders, secrets (no I/O types)
//! store/   trait Store + sled (default) + in-memory    (persistence)
//! ```

#![forbid(unsafe_code)]

pub mod access;
pub mod admin;
pub mod audit;
pub mod auth;
pub mod backup;
pub mod clock;
pub mod config;
pub mod crypto;
pub mod error;
pub mod http;
pub mod keys;
pub mod metrics;
pub mod ops;
pub mod pki;
pub mod secrets;
pub mod server;
pub mod store;
