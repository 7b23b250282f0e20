//! `kms init --data-dir DIR` (SPEC section 7): the data directory, the
//! development PKI and the development root key, without serving.

use std::path::PathBuf;

use clap::Args;
use kms::config::{Config, Overrides};
use kms::pki::{self, DEVELOPMENT_WARNING};

use super::CliError;

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The data directory [default: ./kms-data; config data_dir; KMS_DATA_DIR].
    #[arg(long, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    /// The config file (TOML); also KMS_CONFIG. With root_key_file set, no
    /// development root key is made.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
}

pub fn run(args: InitArgs) -> Result<(), CliError> {
    let overrides = Overrides { config_file: args.config, data_dir: args.data_dir, ..Overrides::default() };
    let config = Config::load(&overrides).map_err(CliError::failed)?;
    let report = pki::init(&config.data_dir, config.root_key_file.is_none() && config.root_key.is_none())
        .map_err(CliError::failed)?;
    println!("{report}");
    eprintln!("{DEVELOPMENT_WARNING}");
    Ok(())
}
