//! `kms backup --out FILE` and `kms restore --from FILE` (SPEC section 7):
//! a consistent backup while the server runs (through its admin socket) or
//! not, and a restore into an empty data dir.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use clap::Args;
use kms::admin;
use kms::audit::{self, HeadFile};
use kms::backup::{self, BackupKey};
use kms::config::{Config, Overrides, RootKey};
use kms::crypto::{CryptoEngine, SoftwareEngine};
use kms::pki;
use kms::server::audit_sealer;
use kms::store::{MemoryStore, SledStore, Store};
use serde_json::json;

use super::CliError;

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// The data directory [default: ./kms-data; config data_dir; KMS_DATA_DIR].
    #[arg(long, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    /// The config file (TOML); also KMS_CONFIG.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// The backup file to write.
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// The data directory to restore into: missing or empty [default: ./kms-data; config data_dir; KMS_DATA_DIR].
    #[arg(long, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    /// The config file (TOML); also KMS_CONFIG. Its root key must be the one the backup was made under.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// The backup file.
    #[arg(long, value_name = "FILE")]
    from: PathBuf,
}

pub fn backup(args: BackupArgs) -> Result<(), CliError> {
    let config = load(args.config, args.data_dir)?;
    let out = std::path::absolute(&args.out).map_err(|e| CliError::Failed(format!("{}: {e}", args.out.display())))?;
    let result = if admin::running_server(&config.data_dir).is_some() {
        admin::request(&config.data_dir, &json!({"command": "backup", "out": out})).map_err(CliError::failed)?
    } else {
        let store_dir = config.data_dir.join("store");
        if !store_dir.exists() {
            return Err(CliError::Failed(format!("{}: no store here", store_dir.display())));
        }
        let crypto: Arc<dyn CryptoEngine> = Arc::new(SoftwareEngine::new());
        let key = backup_key(&config, crypto.as_ref())?;
        runtime()?.block_on(async {
            let store = SledStore::open(&store_dir).map_err(CliError::failed)?;
            let summary = backup::write(&store, &key, crypto.as_ref(), &out).await.map_err(CliError::Failed)?;
            Ok::<_, CliError>(admin::backup_json(&summary))
        })?
    };
    println!(
        "backed up {} objects and {} audit entries to {} ({} bytes)",
        result["records"],
        result["audit_entries"],
        out.display(),
        result["bytes"]
    );
    Ok(())
}

pub fn restore(args: RestoreArgs) -> Result<(), CliError> {
    let config = load(args.config, args.data_dir)?;
    let dir = config.data_dir.clone();
    if !pki::is_empty_data_dir(&dir) {
        return Err(CliError::Failed(format!(
            "{}: not empty; a backup is restored into an empty data dir",
            dir.display()
        )));
    }
    let root_path = config.root_key_path();
    if !root_path.exists() {
        return Err(CliError::Failed(format!(
            "{}: no root key; set root_key_file (or KMS_ROOT_KEY_FILE) to the root key the backup was made under",
            root_path.display()
        )));
    }
    let crypto: Arc<dyn CryptoEngine> = Arc::new(SoftwareEngine::new());
    let key = backup_key(&config, crypto.as_ref())?;
    // Everything is checked before anything is written.
    let (snapshot, summary) = backup::read(&args.from, &key, crypto.as_ref()).map_err(CliError::Failed)?;
    let runtime = runtime()?;
    runtime.block_on(async {
        let root = RootKey::read(&root_path).map_err(CliError::failed)?;
        let sealer = Arc::new(audit_sealer(&root, crypto.clone()).map_err(CliError::failed)?);
        let check = MemoryStore::new();
        check.load_snapshot(snapshot.clone()).await.map_err(CliError::failed)?;
        audit::verify(&check, &sealer, None)
            .await
            .map_err(|e| CliError::Failed(format!("{}: {e}: nothing restored", args.from.display())))?;
        Ok::<_, CliError>(())
    })?;
    let created = !dir.exists();
    let written = runtime.block_on(async {
        let store = SledStore::open(&dir.join("store")).map_err(CliError::failed)?;
        let head = HeadFile { next: snapshot.head.next, seal: hex::encode(&snapshot.head.last_seal) };
        store.load_snapshot(snapshot).await.map_err(CliError::failed)?;
        head.write(&HeadFile::path(&dir)).map_err(|e| CliError::Failed(format!("writing the audit head: {e}")))?;
        Ok::<_, CliError>(())
    });
    if let Err(e) = written {
        remove_restored(&dir, created);
        return Err(e);
    }
    // The data dir's own TLS files, unless the configuration names others.
    if config.cert_file().starts_with(&dir) && !config.cert_file().exists() {
        pki::init(&dir, false).map_err(CliError::failed)?;
        eprintln!("created a development PKI in {} (the backup holds no certificates)", dir.display());
    }
    println!("restored {} objects and {} audit entries into {}", summary.records, summary.entries, dir.display());
    Ok(())
}

/// Undoes a restore that failed half-way: what it wrote goes.
fn remove_restored(dir: &Path, created: bool) {
    let _ = std::fs::remove_dir_all(dir.join("store"));
    let _ = std::fs::remove_file(HeadFile::path(dir));
    if created {
        let _ = std::fs::remove_dir(dir);
    }
}

fn load(config_file: Option<PathBuf>, data_dir: Option<PathBuf>) -> Result<Config, CliError> {
    let overrides = Overrides { config_file, data_dir, ..Overrides::default() };
    Config::load(&overrides).map_err(CliError::failed)
}

fn backup_key(config: &Config, crypto: &dyn CryptoEngine) -> Result<BackupKey, CliError> {
    let root = RootKey::read(&config.root_key_path()).map_err(CliError::failed)?;
    BackupKey::derive(&root, crypto).map_err(CliError::Failed)
}

fn runtime() -> Result<tokio::runtime::Runtime, CliError> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| CliError::Failed(format!("starting the runtime: {e}")))
}
