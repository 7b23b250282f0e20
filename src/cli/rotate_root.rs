//! `kms rotate-root --data-dir DIR --new-key-file F`: re-wraps every
//! organisation key under a new root key (SPEC section 3). Through the
//! admin socket while a server runs on DIR (it keeps serving); otherwise
//! on the store directly, with the current root key from the
//! configuration.

use std::path::PathBuf;

use clap::Args;
use kms::admin;
use kms::config::{Config, Overrides};
use serde_json::{Value, json};

use kms::keys::RootKeySource;

use super::CliError;

#[derive(Debug, Args)]
pub struct RotateRootArgs {
    /// The data directory [default: ./kms-data; config data_dir; KMS_DATA_DIR].
    #[arg(long, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    /// The config file (TOML); also KMS_CONFIG. Without a running server it
    /// names the current root key.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// The current root key file, when no server runs [config keys.root_key_file; KMS_ROOT_KEY_FILE; or
    /// KMS_ROOT_KEY].
    #[arg(long, value_name = "FILE")]
    root_key_file: Option<PathBuf>,
    /// The new root key file (32 random bytes, base64), outside the data dir.
    #[arg(long, value_name = "FILE", required_unless_present = "new_key_label", conflicts_with = "new_key_label")]
    new_key_file: Option<PathBuf>,
    /// Or: the label of the new root key in the PKCS#11 token ([hsm]); generated there if it is not.
    #[arg(long, value_name = "LABEL")]
    new_key_label: Option<String>,
    /// Print the result as JSON.
    #[arg(long)]
    json: bool,
}

pub fn run(args: RotateRootArgs) -> Result<(), CliError> {
    let overrides = Overrides {
        config_file: args.config,
        data_dir: args.data_dir,
        root_key_file: args.root_key_file,
        ..Overrides::default()
    };
    let config = Config::load(&overrides).map_err(CliError::failed)?;
    let new_key = match (&args.new_key_file, &args.new_key_label) {
        (Some(file), _) => {
            let file = std::path::absolute(file)
                .map_err(|source| CliError::Io { path: file.display().to_string(), source })?;
            RootKeySource::File(file)
        }
        (None, Some(label)) => RootKeySource::Token(label.clone()),
        (None, None) => return Err(CliError::Input("--new-key-file or --new-key-label is needed".into())),
    };
    let report = if admin::running_server(&config.data_dir).is_some() {
        let request = match &new_key {
            RootKeySource::Token(label) => json!({"command": "rotate-root", "new_key_label": label}),
            RootKeySource::File(file) => json!({"command": "rotate-root", "new_key_file": file}),
            _ => return Err(CliError::Input("a new root key is a file or a token label".into())),
        };
        admin::request(&config.data_dir, &request).map_err(CliError::failed)?
    } else {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| CliError::Failed(format!("starting the runtime: {e}")))?;
        let report = runtime.block_on(kms::server::rotate_root_offline(&config, &new_key)).map_err(CliError::failed)?;
        serde_json::to_value(report).map_err(CliError::failed)?
    };
    if args.json {
        println!("{report}");
        return Ok(());
    }
    let field = |name: &str| match report.get(name) {
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
        None => "?".to_owned(),
    };
    println!("root key rotated to the key with check value {}", field("new_check_value"));
    println!("  organisation keys re-wrapped     {}", field("rewrapped"));
    println!("  already under the new key        {}", field("already_rotated"));
    println!("  under their organisation's key   {}", field("own_root_key"));
    match &new_key {
        RootKeySource::Token(label) => {
            println!("Configure the new root key (keys.root_key_label = {label:?}) before the next start.");
        }
        _ => {
            let file = args.new_key_file.as_deref().map(|f| f.display().to_string()).unwrap_or_default();
            println!("Configure the new root key (keys.root_key_file = {file}) before the next start.");
        }
    }
    Ok(())
}
