//! `kms backup --data-dir DIR --out FILE` and `kms restore --data-dir DIR
//! --from FILE` (SPEC section 7): a consistent snapshot of the store
//! (through the admin socket while a server runs on DIR, else from the
//! store directly), and its restore into an empty data dir, checked
//! against the root key before anything is written.

use std::path::PathBuf;

use clap::Args;
use kms::admin;
use kms::backup::BackupReport;
use kms::config::{Config, Overrides};
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
    /// The backup file to write (mode 0600).
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// Print the result as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// The data directory to restore into: empty or missing [default: ./kms-data; config data_dir; KMS_DATA_DIR].
    #[arg(long, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    /// The config file (TOML); also KMS_CONFIG.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// The root key file the backup was made under [config keys.root_key_file; KMS_ROOT_KEY_FILE; or the key
    /// itself in KMS_ROOT_KEY].
    #[arg(long, value_name = "FILE")]
    root_key_file: Option<PathBuf>,
    /// The backup file.
    #[arg(long, value_name = "FILE")]
    from: PathBuf,
    /// Print the result as JSON.
    #[arg(long)]
    json: bool,
}

fn runtime() -> Result<tokio::runtime::Runtime, CliError> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| CliError::Failed(format!("starting the runtime: {e}")))
}

pub fn backup(args: BackupArgs) -> Result<(), CliError> {
    let overrides = Overrides { config_file: args.config, data_dir: args.data_dir, ..Overrides::default() };
    let config = Config::load(&overrides).map_err(CliError::failed)?;
    let out = std::path::absolute(&args.out)
        .map_err(|source| CliError::Io { path: args.out.display().to_string(), source })?;
    let report: BackupReport = if admin::running_server(&config.data_dir).is_some() {
        let answer =
            admin::request(&config.data_dir, &json!({"command": "backup", "out": out})).map_err(CliError::failed)?;
        serde_json::from_value(answer).map_err(CliError::failed)?
    } else {
        runtime()?.block_on(kms::backup::backup_offline(&config, &out)).map_err(CliError::failed)?
    };
    print(&report, args.json, &format!("backup written to {}", out.display()))
}

pub fn restore(args: RestoreArgs) -> Result<(), CliError> {
    let overrides = Overrides {
        config_file: args.config,
        data_dir: args.data_dir,
        root_key_file: args.root_key_file,
        ..Overrides::default()
    };
    let config = Config::load(&overrides).map_err(CliError::failed)?;
    let report = runtime()?.block_on(kms::backup::restore(&config, &args.from)).map_err(CliError::failed)?;
    print(
        &report,
        args.json,
        &format!(
            "restored into {} (with a new development PKI in {}/certs)",
            config.data_dir.display(),
            config.data_dir.display()
        ),
    )
}

fn print(report: &BackupReport, json: bool, what: &str) -> Result<(), CliError> {
    if json {
        println!("{}", serde_json::to_string(report).map_err(CliError::failed)?);
        return Ok(());
    }
    println!("{what}");
    println!("  records            {}", report.records);
    println!("  organisation keys  {}", report.hierarchy_records);
    println!("  root keys          {}", report.root_key_check_values.join(", "));
    Ok(())
}
