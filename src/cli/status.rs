//! `kms status --data-dir DIR [--json]`: the running server's status,
//! through its admin socket.

use std::path::PathBuf;

use clap::Args;
use kms::admin;
use kms::config::{Config, Overrides};
use serde_json::{Value, json};

use super::CliError;

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// The data directory [default: ./kms-data; config data_dir; KMS_DATA_DIR].
    #[arg(long, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    /// The config file (TOML); also KMS_CONFIG.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Print the status as JSON.
    #[arg(long)]
    json: bool,
}

pub fn run(args: StatusArgs) -> Result<(), CliError> {
    let overrides = Overrides { config_file: args.config, data_dir: args.data_dir, ..Overrides::default() };
    let config = Config::load(&overrides).map_err(CliError::failed)?;
    let status = admin::request(&config.data_dir, &json!({"command": "status"})).map_err(CliError::failed)?;
    if args.json {
        println!("{status}");
        return Ok(());
    }
    let field = |name: &str| match status.get(name) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Null) | None => "?".to_owned(),
        Some(other) => other.to_string(),
    };
    println!("kms server running on {} (pid {})", config.data_dir.display(), field("pid"));
    println!("  KMIP         {}", field("kmip_addr"));
    println!("  HTTPS        {} (not served yet)", field("http_addr"));
    println!("  uptime       {} s", field("uptime_seconds"));
    println!("  connections  {} open (max {})", field("open_connections"), field("max_connections"));
    println!("  records      {}", field("records"));
    Ok(())
}
