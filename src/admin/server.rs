//! The server side of the admin socket: one task per connection, one JSON
//! request per line, answered in order.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{UnixListener, UnixStream};
use tokio::sync::mpsc;
use tracing::{Instrument, debug, info, info_span, warn};

use super::access::GrantArgs;
use super::{MAX_LINE, ServerInfo};
use crate::access::Change;
use crate::audit::{self, HeadFile};
use crate::keys::RootKeySource;
use crate::ops::Kms;
use crate::server::{AuditService, Shutdown, Stats};

/// How long an admin connection may stay silent.
const IDLE_TIMEOUT: Duration = Duration::from_secs(300);

/// What the admin commands can see of the running server.
pub(crate) struct AdminContext {
    pub(crate) info: ServerInfo,
    pub(crate) started: Instant,
    pub(crate) max_connections: usize,
    pub(crate) kms: Arc<Kms>,
    pub(crate) stats: Arc<Stats>,
    pub(crate) http_stats: Arc<crate::http::HttpStats>,
    /// The audit log, when the server audits (it does over its own store).
    pub(crate) audit: Option<AuditService>,
    pub(crate) tls: Arc<crate::server::tls::ServerTls>,
    /// Machine identities (Universal Auth).
    pub(crate) auth: Arc<crate::auth::Auth>,
}

/// Accepts admin connections until shutdown. `done` is held by every task,
/// so the server's shutdown waits for commands in flight.
pub(crate) async fn serve(
    listener: UnixListener,
    context: Arc<AdminContext>,
    mut shutdown: Shutdown,
    done: mpsc::Sender<()>,
) {
    loop {
        let stream = tokio::select! {
            () = shutdown.recv() => return,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(e) => {
                    warn!(error = %e, "admin socket: accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
        };
        let context = context.clone();
        let shutdown = shutdown.clone();
        let done = done.clone();
        tokio::spawn(
            async move {
                connection(stream, &context, shutdown).await;
                drop(done);
            }
            .instrument(info_span!("admin")),
        );
    }
}

async fn connection(stream: UnixStream, context: &AdminContext, mut shutdown: Shutdown) {
    // Who is on the other end, for the audit log (the socket's mode 0600
    // lets only the server's user and root in).
    let caller = stream.peer_cred().map(|cred| format!("uid:{}", cred.uid())).unwrap_or_else(|_| "unknown".into());
    let (read, mut write) = stream.into_split();
    let mut reader = BufReader::new(read);
    loop {
        let mut line = Vec::new();
        let read = async {
            let mut limited = (&mut reader).take(MAX_LINE as u64);
            limited.read_until(b'\n', &mut line).await
        };
        let n = tokio::select! {
            biased;
            n = tokio::time::timeout(IDLE_TIMEOUT, read) => match n {
                Ok(Ok(n)) => n,
                Ok(Err(e)) => {
                    debug!(error = %e, "read failed");
                    return;
                }
                Err(_) => return,
            },
            () = shutdown.recv() => return,
        };
        if n == 0 {
            return;
        }
        let answer = if line.last() == Some(&b'\n') {
            match serde_json::from_slice::<Value>(&line) {
                Ok(request) => {
                    let answer = dispatch(context, &caller, &request).await;
                    audit_command_run(context, &caller, &request, &answer);
                    answer
                }
                Err(e) => Err(format!("not a JSON request: {e}")),
            }
        } else {
            Err(format!("request line longer than {MAX_LINE} bytes or not ended by a newline"))
        };
        let answer = match answer {
            Ok(result) => json!({"ok": true, "result": result}),
            Err(error) => json!({"ok": false, "error": error}),
        };
        let mut text = answer.to_string();
        text.push('\n');
        if write.write_all(text.as_bytes()).await.is_err() || line.last() != Some(&b'\n') {
            return;
        }
    }
}

/// Records an administrative command in the audit log: every command but
/// `status`, with who ran it (the socket peer's uid), what it named and
/// whether it succeeded (never a password or a key).
fn audit_command_run(context: &AdminContext, caller: &str, request: &Value, answer: &Result<Value, String>) {
    let Some(audit) = &context.audit else { return };
    if request.get("command").and_then(Value::as_str) == Some("status") {
        return;
    }
    if let Some(entry) = audit::admin_entry(caller, super::SOCKET_FILE, request, answer.is_ok()) {
        audit.log.record([entry]);
    }
}

/// Runs one command. Later administrative commands are more arms here.
async fn dispatch(context: &AdminContext, caller: &str, request: &Value) -> Result<Value, String> {
    let Some(command) = request.get("command").and_then(Value::as_str) else {
        return Err("a request is a JSON object with a \"command\" string".into());
    };
    debug!(command, "admin command");
    match command {
        "status" => Ok(status(context).await),
        "identity-list" => super::access::identity_list(&context.kms).await,
        "grant" | "revoke-grant" => {
            let args: GrantArgs =
                serde_json::from_value(request.clone()).map_err(|e| format!("{command}: bad arguments: {e}"))?;
            let change = if command == "grant" { Change::Grant } else { Change::Revoke };
            let result = super::access::change_grant(&context.kms, change, &args).await;
            match &result {
                Ok(_) => info!(command, to = %args.to, ops = %args.ops, "access changed through the admin socket"),
                Err(e) => debug!(command, error = %e, "refused"),
            }
            result
        }
        "set-password" => {
            let identity =
                request.get("identity").and_then(Value::as_str).ok_or("set-password: no \"identity\"")?.to_owned();
            let password = request.get("password").and_then(Value::as_str).map(str::to_owned);
            let result = super::access::set_password(&context.kms, &identity, password).await;
            if result.is_ok() {
                info!(identity, "password changed through the admin socket");
            }
            result
        }
        "cert-revoke" => {
            let serial = request.get("serial").and_then(Value::as_str).ok_or("cert-revoke: no \"serial\"")?;
            let note = request.get("note").and_then(Value::as_str).unwrap_or_default();
            let added = context.tls.deny_list().revoke(serial, note).map_err(|e| e.to_string())?;
            info!(serial, added, "certificate denied through the admin socket");
            Ok(json!({"serial": crate::server::revocation::canonical_serial(serial)?, "added": added}))
        }
        "reload" => match context.tls.reload() {
            Ok(denied) => {
                info!(denied, "reloaded the TLS files through the admin socket");
                Ok(json!({"denied": denied}))
            }
            Err(e) => Err(e.to_string()),
        },
        "audit-verify" | "audit-export" | "audit-prune" => audit_command(context, command, request).await,
        "backup" => backup(context, request).await,
        command if super::secrets::COMMANDS.contains(&command) => {
            let actor = crate::secrets::Actor::operator(caller, super::SOCKET_FILE);
            super::secrets::command(&context.kms, command, request, &actor).await
        }
        "rotate-root" => rotate_root(context, request).await,
        "identity-create" | "identity-secret-create" => {
            let actor = crate::auth::Actor::admin(caller, super::SOCKET_FILE);
            if command == "identity-create" {
                super::machine::create(&context.auth, request, &actor).await
            } else {
                super::machine::create_secret(&context.auth, request, &actor).await
            }
        }
        other => Err(format!(
            "unknown command {other:?} (known: status, identity-list, grant, revoke-grant, set-password, cert-revoke, \
             reload, audit-verify, audit-export, audit-prune, backup, rotate-root, identity-create, \
             identity-secret-create, project-create, identity-attach, secret-set, secret-get, secret-list)"
        )),
    }
}

/// The audit commands, on the running server's store (which the server
/// holds open, so `kms audit` comes here while it runs).
async fn audit_command(context: &AdminContext, command: &str, request: &Value) -> Result<Value, String> {
    let Some(audit) = &context.audit else {
        return Err("this server does not keep an audit log".into());
    };
    let store = context.kms.store().as_ref();
    match command {
        "audit-verify" => {
            // Entries waiting for their group commit are part of the chain.
            audit.log.flush().await.map_err(|e| e.to_string())?;
            let head = HeadFile::read(&audit.head_file)?;
            let verified = audit::verify(store, &audit.sealer, head.as_ref()).await.map_err(|e| e.to_string())?;
            Ok(verified_json(&verified))
        }
        "audit-export" => {
            let out = request.get("out").and_then(Value::as_str).ok_or("audit-export needs \"out\", a file path")?;
            let filter: audit::ExportFilter =
                serde_json::from_value(request.get("filter").cloned().unwrap_or(Value::Null)).unwrap_or_default();
            audit.log.flush().await.map_err(|e| e.to_string())?;
            let mut file = std::fs::File::create(out).map_err(|e| format!("{out}: {e}"))?;
            let count = audit::export(store, &mut file, &|record| filter.keeps(record)).await?;
            Ok(json!({"exported": count, "out": out}))
        }
        _ => {
            let before = request.get("before").and_then(Value::as_i64).ok_or("audit-prune needs \"before\", a time")?;
            audit.log.flush().await.map_err(|e| e.to_string())?;
            let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
            let now = i64::try_from(now).unwrap_or(i64::MAX);
            let pruned = audit::prune(store, &audit.sealer, before, now).await?;
            Ok(pruned_json(pruned.as_ref()))
        }
    }
}

/// An online backup of the server's store to the file `out`.
async fn backup(context: &AdminContext, request: &Value) -> Result<Value, String> {
    let Some(audit) = &context.audit else {
        return Err("this server does not serve its own store".into());
    };
    let out = request.get("out").and_then(Value::as_str).ok_or("backup needs \"out\", a file path")?;
    // Entries waiting for their group commit go into the backup too.
    audit.log.flush().await.map_err(|e| e.to_string())?;
    let summary = crate::backup::write(
        context.kms.store().as_ref(),
        &audit.backup_key,
        context.kms.crypto().as_ref(),
        std::path::Path::new(out),
    )
    .await?;
    Ok(backup_json(&summary))
}

/// What a backup or restore holds, as the admin socket and the CLI show it.
pub fn backup_json(summary: &crate::backup::Summary) -> Value {
    json!({"records": summary.records, "audit_entries": summary.entries, "bytes": summary.bytes})
}

/// A verified chain, as the admin socket and `kms audit verify --json` show it.
pub fn verified_json(verified: &audit::Verified) -> Value {
    json!({"checked": verified.checked, "first": verified.first, "next": verified.next, "head": verified.seal})
}

/// What a prune did, as the admin socket and `kms audit prune --json` show it.
pub fn pruned_json(pruned: Option<&audit::PrunedThrough>) -> Value {
    match pruned {
        Some(p) => json!({"checkpoint": p.seq, "pruned": p.pruned}),
        None => json!({"checkpoint": Value::Null, "pruned": 0}),
    }
}

/// `{"command":"rotate-root","new_key_file":"/abs/path"}`: re-wraps every
/// organisation key under the root key in that file while serving.
async fn rotate_root(context: &AdminContext, request: &Value) -> Result<Value, String> {
    let source = match (
        request.get("new_key_file").and_then(Value::as_str),
        request.get("new_key_label").and_then(Value::as_str),
    ) {
        (Some(file), None) => RootKeySource::File(PathBuf::from(file)),
        (None, Some(label)) => RootKeySource::Token(label.to_owned()),
        _ => {
            return Err("rotate-root needs \"new_key_file\" (the new root key file's path) or \"new_key_label\" \
                        (a key in the PKCS#11 token)"
                .into());
        }
    };
    let crypto = context.kms.crypto().clone();
    let new = tokio::task::spawn_blocking(move || source.load(crypto))
        .await
        .map_err(|e| e.to_string())?
        .map_err(|e| e.to_string())?;
    let report = context
        .kms
        .key_hierarchy()
        .rotate_root(context.kms.store().as_ref(), new)
        .await
        .map_err(|e| format!("root key rotation failed: {e}"))?;
    serde_json::to_value(report).map_err(|e| e.to_string())
}

async fn status(context: &AdminContext) -> Value {
    // Managed objects, not the key hierarchy's own records.
    let records = match context.kms.store().all_ids().await {
        Ok(ids) => json!(ids.iter().filter(|id| !crate::keys::is_hierarchy_record(id)).count()),
        Err(e) => {
            warn!(error = %e, "status: counting records failed");
            Value::Null
        }
    };
    json!({
        "pid": context.info.pid,
        "kmip_addr": context.info.kmip_addr.to_string(),
        "http_addr": context.info.http_addr.to_string(),
        "started_at": context.info.started_at,
        "uptime_seconds": context.started.elapsed().as_secs(),
        "open_connections": context.stats.open_connections(),
        "max_connections": context.max_connections,
        "accepted_connections": context.stats.accepted(),
        "refused_connections": context.stats.refused_over_limit(),
        "http_open_connections": context.http_stats.open_connections(),
        "http_accepted_connections": context.http_stats.accepted(),
        "http_requests": context.http_stats.requests(),
        "records": records,
    })
}
