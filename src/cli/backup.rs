//! `kms backup --out FILE` and `kms restore --from FILE` (SPEC section 7):
//! a consistent backup while the server runs (through its admin socket) or
//! not, and a restore into an empty data dir.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use clap::Args;
use kms::admin;
use kms::audit::{self, HeadFile};
use kms::backup;
use kms::config::{Config, Overrides};
use kms::keys::KeyHierarchy;
use kms::pki;
use kms::server::{crypto_engine, open_data_dir, record_offline, root_keys, service_keys};
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
        runtime()?.block_on(async {
            let (store, keys, crypto) = open_data_dir(&config).await.map_err(CliError::failed)?;
            // The backup key first: a new one is then in the snapshot.
            let (sealer, key) = service_keys(&keys, store.as_ref(), crypto.clone()).await.map_err(CliError::failed)?;
            let summary = backup::write(store.as_ref(), &key, crypto.as_ref(), &out).await;
            let request = json!({"command": "backup"});
            record_offline(&store, Arc::new(sealer), &config.data_dir, &request, summary.is_ok()).await;
            Ok::<_, CliError>(admin::backup_json(&summary.map_err(CliError::Failed)?))
        })?
    };
    println!(
        "backed up {} records and {} audit entries to {} ({} bytes)",
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
    if config.uses_development_root_key() && !config.root_key_path().exists() {
        return Err(CliError::Failed(format!(
            "{}: no root key; set keys.root_key_file (--root-key-file, KMS_ROOT_KEY_FILE) or KMS_ROOT_KEY to the root \
             key the backup was made under",
            config.root_key_path().display()
        )));
    }
    let unverified = backup::read(&args.from).map_err(CliError::Failed)?;
    let runtime = runtime()?;
    // Everything is checked in memory before anything is written: the
    // snapshot's key hierarchy opens under the configured root key, the
    // file authenticates under its backup key, the audit chain verifies.
    let (snapshot, summary) = runtime.block_on(async {
        let crypto = crypto_engine(&config).await.map_err(CliError::failed)?;
        let roots = root_keys(&config, &crypto).map_err(CliError::failed)?;
        let check = MemoryStore::new();
        check.load_snapshot(unverified.snapshot.clone()).await.map_err(CliError::failed)?;
        let keys = KeyHierarchy::open(&check, crypto.clone(), roots).await.map_err(|e| {
            CliError::Failed(format!(
                "{}: the backup's keys do not open under this root key (made under another root key?): {e}: \
                 nothing restored",
                args.from.display()
            ))
        })?;
        let (sealer, key) = service_keys(&keys, &check, crypto.clone()).await.map_err(CliError::failed)?;
        let (snapshot, summary) = unverified.authenticate(&key, crypto.as_ref()).map_err(CliError::Failed)?;
        audit::verify(&check, &sealer, None)
            .await
            .map_err(|e| CliError::Failed(format!("{}: {e}: nothing restored", args.from.display())))?;
        Ok::<_, CliError>((snapshot, summary))
    })?;
    let created = !dir.exists();
    let written = runtime.block_on(async {
        let store = SledStore::open(&dir.join("store")).map_err(CliError::failed)?;
        let head = HeadFile { next: snapshot.head.next, seal: hex::encode(&snapshot.head.last_seal) };
        store.load_snapshot(snapshot).await.map_err(CliError::failed)?;
        head.write(&HeadFile::path(&dir)).map_err(|e| CliError::Failed(format!("writing the audit head: {e}")))?;
        drop(store);
        // The root key check file, as the server writes it.
        open_data_dir(&config).await.map_err(CliError::failed)?;
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
    println!("restored {} records and {} audit entries into {}", summary.records, summary.entries, dir.display());
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

fn runtime() -> Result<tokio::runtime::Runtime, CliError> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| CliError::Failed(format!("starting the runtime: {e}")))
}
