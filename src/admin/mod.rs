//! The admin socket (SPEC section 7): `DATA_DIR/admin.sock`, a Unix socket
//! whose file permissions (0600, in a 0700 data dir) are the access
//! control. Administrative commands use it while a server runs, because
//! the store is locked by that server.
//!
//! The protocol is one JSON object per line each way. A request names a
//! `command`, plus that command's arguments:
//!
//! ```text
//! → {"command":"status"}
//! ← {"ok":true,"result":{"pid":4242,"kmip_addr":"127.0.0.1:5696","http_addr":"127.0.0.1:8443",
//!    "started_at":1763820000,"uptime_seconds":12,"open_connections":1,"max_connections":10000,
//!    "accepted_connections":3,"refused_connections":0,"records":17}}
//! → {"command":"grant","to":"bob","ops":"get,encrypt","object":"6f1c…","as":"alice"}
//! ← {"ok":true,"result":{"owner":"alice","grantee":"bob","scope":{"kind":"object","name":"6f1c…"},
//!    "permissions":["get","encrypt"]}}
//! → {"command":"revoke-grant","to":"bob","ops":"all","all_mine":true,"as":"alice"}
//! → {"command":"identity-list"}
//! ← {"ok":true,"result":{"identities":[{"kind":"cert","name":"alice","organisation":"acme",
//!    "first_seen":1763820000,"admin":false,"grants":0}, …],"grants":[…]}}
//! → {"command":"identity-create","identity":"ci","org":"acme"}   (machine, docs/auth.md)
//! ← {"ok":true,"result":{"identityId":"…","clientId":"…","clientSecret":"…"}}
//! → {"command":"frobnicate"}
//! ← {"ok":false,"error":"unknown command \"frobnicate\" (known: status, identity-list, grant, revoke-grant, set-password, cert-revoke, reload, audit-verify, audit-export, audit-prune, backup, rotate-root, identity-create, identity-secret-create)"}
//! → {"command":"rotate-root","new_key_file":"/etc/kms/root-2026.key"}
//! ← {"ok":true,"result":{"rewrapped":3,"already_rotated":0,"own_root_key":0,"new_check_value":"9F…"}}
//! ```
//!
//! The socket is administrator-level access (docs/access.md): a grant made
//! through it is made for the owner of the objects it covers ([`access`]).
//!
//! Several requests may follow each other on one connection. Commands are
//! dispatched in `server.rs` (`dispatch`): a new command is one more arm
//! there. [`request`] is the client side; [`running_server`] tells whether
//! a server is serving a data directory.

pub mod access;
pub mod machine;
pub mod secrets;
mod server;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::SocketAddr;
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};
use serde_json::Value;

pub(crate) use self::server::{AdminContext, serve};
pub use self::server::{backup_json, pruned_json, verified_json};

/// The admin socket's file name in the data directory.
pub const SOCKET_FILE: &str = "admin.sock";
/// The running server's description in the data directory.
pub const SERVER_FILE: &str = "server.json";
/// The longest request or response line accepted.
pub const MAX_LINE: usize = 1 << 20;
/// How long the client waits for an answer.
const CLIENT_TIMEOUT: Duration = Duration::from_secs(60);

/// `DATA_DIR/server.json`, written while a server runs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServerInfo {
    /// The server's process id.
    pub pid: u32,
    /// The address the KMIP listener is bound to (the real port).
    pub kmip_addr: SocketAddr,
    /// The HTTPS side listener's address.
    pub http_addr: SocketAddr,
    /// When the server started, in seconds since the Unix epoch.
    pub started_at: u64,
}

/// Why an admin request failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum AdminError {
    /// No server answers on the data directory's admin socket.
    #[error("no server is running on {0} (nothing answers on its admin socket)")]
    NotRunning(PathBuf),
    /// Talking to the socket failed.
    #[error("admin socket {path}: {source}")]
    Io {
        /// The socket.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The server's answer was not one JSON line.
    #[error("admin socket: malformed answer: {0}")]
    Protocol(String),
    /// The server refused the command; its message.
    #[error("{0}")]
    Refused(String),
}

/// Sends one request to the server running on `data_dir` and returns the
/// `result` of its answer, or its `error` as [`AdminError::Refused`].
/// Blocking; from async code run it under `spawn_blocking`.
pub fn request(data_dir: &Path, request: &Value) -> Result<Value, AdminError> {
    let path = data_dir.join(SOCKET_FILE);
    let io = |source| AdminError::Io { path: path.clone(), source };
    let mut stream = match UnixStream::connect(&path) {
        Ok(stream) => stream,
        Err(e) if matches!(e.kind(), std::io::ErrorKind::NotFound | std::io::ErrorKind::ConnectionRefused) => {
            return Err(AdminError::NotRunning(data_dir.to_owned()));
        }
        Err(e) => return Err(io(e)),
    };
    stream.set_read_timeout(Some(CLIENT_TIMEOUT)).map_err(io)?;
    stream.set_write_timeout(Some(CLIENT_TIMEOUT)).map_err(io)?;
    let mut line = serde_json::to_string(request).map_err(|e| AdminError::Protocol(e.to_string()))?;
    line.push('\n');
    stream.write_all(line.as_bytes()).map_err(io)?;
    let mut answer = Vec::new();
    let mut reader = BufReader::new(stream).take(MAX_LINE as u64);
    reader.read_until(b'\n', &mut answer).map_err(io)?;
    if answer.last() != Some(&b'\n') {
        return Err(AdminError::Protocol("the answer ended before its end of line".into()));
    }
    let answer: Value = serde_json::from_slice(&answer).map_err(|e| AdminError::Protocol(e.to_string()))?;
    match answer.get("ok").and_then(Value::as_bool) {
        Some(true) => Ok(answer.get("result").cloned().unwrap_or(Value::Null)),
        Some(false) => Err(AdminError::Refused(
            answer.get("error").and_then(Value::as_str).unwrap_or("the server refused the command").to_owned(),
        )),
        None => Err(AdminError::Protocol(format!("no \"ok\" in {answer}"))),
    }
}

/// `DATA_DIR/server.json` if it is there (the server may have died
/// without removing it: see [`running_server`]).
pub fn server_info(data_dir: &Path) -> Result<Option<ServerInfo>, AdminError> {
    let path = data_dir.join(SERVER_FILE);
    match std::fs::read(&path) {
        Ok(bytes) => serde_json::from_slice(&bytes)
            .map(Some)
            .map_err(|e| AdminError::Protocol(format!("{}: {e}", path.display()))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(AdminError::Io { path, source }),
    }
}

/// The server serving `data_dir`, if one is: `server.json` names a live
/// process and its admin socket accepts a connection. Administrative
/// commands use the socket when this is `Some`, and open the store
/// directly otherwise.
pub fn running_server(data_dir: &Path) -> Option<ServerInfo> {
    let info = server_info(data_dir).ok()??;
    if !pid_alive(info.pid) {
        return None;
    }
    UnixStream::connect(data_dir.join(SOCKET_FILE)).ok().map(|_| info)
}

/// True if process `pid` exists (Linux: `/proc/PID`; elsewhere assumed,
/// and the socket decides).
fn pid_alive(pid: u32) -> bool {
    if !Path::new("/proc/self").exists() {
        return true;
    }
    Path::new("/proc").join(pid.to_string()).exists()
}
