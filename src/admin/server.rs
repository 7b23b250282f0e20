//! The server side of the admin socket: one task per connection, one JSON
//! request per line, answered in order.

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
use crate::ops::Kms;
use crate::server::{Shutdown, Stats};

/// How long an admin connection may stay silent.
const IDLE_TIMEOUT: Duration = Duration::from_secs(300);

/// What the admin commands can see of the running server.
pub(crate) struct AdminContext {
    pub(crate) info: ServerInfo,
    pub(crate) started: Instant,
    pub(crate) max_connections: usize,
    pub(crate) kms: Arc<Kms>,
    pub(crate) stats: Arc<Stats>,
    pub(crate) tls: Arc<crate::server::tls::ServerTls>,
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
                Ok(request) => dispatch(context, &request).await,
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

/// Runs one command. Later administrative commands are more arms here.
async fn dispatch(context: &AdminContext, request: &Value) -> Result<Value, String> {
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
        other => Err(format!(
            "unknown command {other:?} (known: status, identity-list, grant, revoke-grant, set-password, cert-revoke, \
             reload)"
        )),
    }
}

async fn status(context: &AdminContext) -> Value {
    let records = match context.kms.store().count().await {
        Ok(n) => json!(n),
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
        "records": records,
    })
}
