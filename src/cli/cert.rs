//! `kms cert issue --data-dir DIR --name NAME [--out DIR]` (SPEC section
//! 7): a client certificate for identity NAME from the data dir's CA.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use kms::config::{Config, Overrides};
use kms::pki;

use super::CliError;

#[derive(Debug, Subcommand)]
pub enum CertCommand {
    /// Issue a client certificate (CN=NAME, clientAuth) signed by the data
    /// dir's CA: NAME.pem and NAME.key (mode 0600).
    Issue(IssueArgs),
}

#[derive(Debug, Args)]
pub struct IssueArgs {
    /// The data directory whose CA signs [default: ./kms-data; KMS_DATA_DIR].
    #[arg(long, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    /// The identity: the certificate's Common Name and the files' name.
    #[arg(long)]
    name: String,
    /// Where NAME.pem and NAME.key go [default: DATA_DIR/certs].
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// The config file (TOML); also KMS_CONFIG.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
}

pub fn run(command: CertCommand) -> Result<(), CliError> {
    match command {
        CertCommand::Issue(args) => issue(args),
    }
}

fn issue(args: IssueArgs) -> Result<(), CliError> {
    let overrides = Overrides { config_file: args.config, data_dir: args.data_dir, ..Overrides::default() };
    let config = Config::load(&overrides).map_err(CliError::failed)?;
    let out = args.out.unwrap_or_else(|| config.certs_dir());
    let (cert, key) = pki::issue(&config.data_dir, &args.name, &out).map_err(CliError::failed)?;
    println!("client certificate for {:?}:", args.name);
    println!("  certificate  {}", cert.display());
    println!("  key          {}", key.display());
    Ok(())
}
