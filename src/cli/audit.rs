//! `kms audit verify|export|prune` (SPEC section 7): the keyed audit chain.
//! With a server running on the data dir they go through its admin socket
//! (the server holds the store open); otherwise they open the store.

use std::path::PathBuf;
use std::sync::Arc;

use clap::{Args, Subcommand};
use kms::admin;
use kms::audit::{self, ExportFilter, HeadFile};
use kms::config::{Config, Overrides};
use kms::server::{open_data_dir, record_offline, service_keys};
use kms::store::Store;
use serde_json::{Value, json};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::CliError;

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Recompute the chain and check it against the head file: exit 0 with the count and head when intact,
    /// exit 1 naming the first broken entry or the missing tail.
    Verify(Common),
    /// Write the operation entries as JSON lines.
    Export(ExportArgs),
    /// Remove the entries before a time behind a sealed checkpoint (export them first).
    Prune(PruneArgs),
}

#[derive(Debug, Args)]
pub struct Common {
    /// The data directory [default: ./kms-data; config data_dir; KMS_DATA_DIR].
    #[arg(long, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    /// The config file (TOML); also KMS_CONFIG.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Print the result as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    common: Common,
    /// Entries at or after this time (RFC 3339, or seconds since the epoch).
    #[arg(long, value_name = "TIME")]
    since: Option<String>,
    /// Entries before this time.
    #[arg(long, value_name = "TIME")]
    until: Option<String>,
    /// Entries of this identity.
    #[arg(long, value_name = "NAME")]
    identity: Option<String>,
    /// Entries that name this object (Unique Identifier).
    #[arg(long, value_name = "UID")]
    object: Option<String>,
    /// Write to FILE instead of the standard output.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct PruneArgs {
    #[command(flatten)]
    common: Common,
    /// Prune the entries before this time (RFC 3339, or seconds since the epoch).
    #[arg(long, value_name = "TIME")]
    before: String,
}

pub fn run(command: AuditCommand) -> Result<(), CliError> {
    match command {
        AuditCommand::Verify(common) => verify(&common),
        AuditCommand::Export(args) => export(&args),
        AuditCommand::Prune(args) => prune(&args),
    }
}

fn verify(common: &Common) -> Result<(), CliError> {
    let config = load(common)?;
    let head_path = HeadFile::path(&config.data_dir);
    let result = match admin::running_server(&config.data_dir) {
        Some(_) => admin::request(&config.data_dir, &json!({"command": "audit-verify"})).map_err(CliError::failed)?,
        None => with_store(&config, |store, sealer| async move {
            let head = HeadFile::read(&head_path).map_err(CliError::Failed)?;
            let verified = audit::verify(store.as_ref(), &sealer, head.as_ref()).await.map_err(CliError::failed)?;
            Ok(admin::verified_json(&verified))
        })?,
    };
    if common.json {
        println!("{result}");
    } else {
        println!(
            "audit chain intact: {} entries checked (positions {} to {}), head {}",
            result["checked"],
            result["first"],
            result["next"].as_u64().unwrap_or(1).saturating_sub(1),
            result["head"].as_str().unwrap_or("")
        );
    }
    Ok(())
}

fn export(args: &ExportArgs) -> Result<(), CliError> {
    let config = load(&args.common)?;
    let filter = ExportFilter {
        since: args.since.as_deref().map(parse_time).transpose()?,
        until: args.until.as_deref().map(parse_time).transpose()?,
        identity: args.identity.clone(),
        object: args.object.clone(),
    };
    if admin::running_server(&config.data_dir).is_some() {
        // The server writes the file; to the standard output through a
        // file in the data dir.
        let target = match &args.out {
            Some(out) => std::path::absolute(out).map_err(|e| CliError::Failed(format!("{}: {e}", out.display())))?,
            None => config.data_dir.join(format!("audit-export-{}.jsonl", std::process::id())),
        };
        let request = json!({"command": "audit-export", "out": target, "filter": filter});
        let result = admin::request(&config.data_dir, &request).map_err(CliError::failed)?;
        if args.out.is_none() {
            let text = std::fs::read(&target).map_err(|e| CliError::Failed(format!("{}: {e}", target.display())))?;
            let _ = std::fs::remove_file(&target);
            std::io::Write::write_all(&mut std::io::stdout(), &text)
                .map_err(|source| CliError::Io { path: "-".into(), source })?;
        }
        eprintln!("exported {} entries", result["exported"]);
        return Ok(());
    }
    let count = with_store(&config, |store, _| async move {
        let mut out: Box<dyn std::io::Write + Send> = match &args.out {
            Some(path) => Box::new(
                std::fs::File::create(path)
                    .map_err(|source| CliError::Io { path: path.display().to_string(), source })?,
            ),
            None => Box::new(std::io::stdout()),
        };
        audit::export(store.as_ref(), &mut out, &|record| filter.keeps(record)).await.map_err(CliError::Failed)
    })?;
    eprintln!("exported {count} entries");
    Ok(())
}

fn prune(args: &PruneArgs) -> Result<(), CliError> {
    let config = load(&args.common)?;
    let before = parse_time(&args.before)?;
    let result = match admin::running_server(&config.data_dir) {
        Some(_) => admin::request(&config.data_dir, &json!({"command": "audit-prune", "before": before}))
            .map_err(CliError::failed)?,
        None => {
            let data_dir = config.data_dir.clone();
            with_store(&config, |store, sealer| async move {
                let now = OffsetDateTime::now_utc().unix_timestamp();
                let pruned = audit::prune(store.as_ref(), &sealer, before, now).await;
                let request = json!({"command": "audit-prune"});
                record_offline(&store, sealer, &data_dir, &request, pruned.is_ok()).await;
                Ok(admin::pruned_json(pruned.map_err(CliError::Failed)?.as_ref()))
            })?
        }
    };
    if args.common.json {
        println!("{result}");
    } else if result["checkpoint"] == Value::Null {
        println!("nothing to prune before {}", args.before);
    } else {
        println!("pruned {} entries; the checkpoint is entry {}", result["pruned"], result["checkpoint"]);
    }
    Ok(())
}

fn load(common: &Common) -> Result<Config, CliError> {
    let overrides =
        Overrides { config_file: common.config.clone(), data_dir: common.data_dir.clone(), ..Overrides::default() };
    Config::load(&overrides).map_err(CliError::failed)
}

/// Runs `f` on the data dir's store (no server holds it) and the chain's
/// sealer (the key hierarchy's audit key, under the configured root key).
fn with_store<T, F, Fut>(config: &Config, f: F) -> Result<T, CliError>
where
    F: FnOnce(Arc<dyn Store>, Arc<audit::ChainSealer>) -> Fut,
    Fut: std::future::Future<Output = Result<T, CliError>>,
{
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| CliError::Failed(format!("starting the runtime: {e}")))?;
    runtime.block_on(async {
        let (store, keys, crypto) = open_data_dir(config).await.map_err(CliError::failed)?;
        let (sealer, _) = service_keys(&keys, store.as_ref(), crypto).await.map_err(CliError::failed)?;
        let sealer = Arc::new(sealer);
        store.set_log_sealer(sealer.clone());
        f(store, sealer).await
    })
}

/// A time: RFC 3339 or seconds since the epoch.
fn parse_time(text: &str) -> Result<i64, CliError> {
    if let Ok(seconds) = text.parse::<i64>() {
        return Ok(seconds);
    }
    OffsetDateTime::parse(text, &Rfc3339)
        .map(OffsetDateTime::unix_timestamp)
        .map_err(|_| CliError::Input(format!("{text:?}: expected a time in RFC 3339 or seconds since the epoch")))
}
