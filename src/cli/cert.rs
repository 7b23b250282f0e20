//! `kms cert issue --data-dir DIR --name NAME [--out DIR]` (SPEC section
//! 7): a client certificate for identity NAME from the data dir's CA.
//! `kms cert revoke --data-dir DIR (--serial HEX | --cert FILE)`: its serial
//! onto the deny-list checked at every handshake (docs/access.md).

use std::path::PathBuf;

use clap::{Args, Subcommand};
use kms::admin;
use kms::config::{Config, Overrides};
use kms::pki;
use kms::server::revocation;
use serde_json::json;

use super::CliError;

#[derive(Debug, Subcommand)]
pub enum CertCommand {
    /// Issue a client certificate (CN=NAME, clientAuth) signed by the data
    /// dir's CA: NAME.pem and NAME.key (mode 0600).
    Issue(IssueArgs),
    /// Deny a client certificate from now on: its serial goes on the
    /// deny-list (tls.revoked_file) that every handshake checks; a running
    /// server denies it at once.
    Revoke(RevokeArgs),
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("which").required(true).args(["serial", "cert"])))]
pub struct RevokeArgs {
    /// The data directory [default: ./kms-data; KMS_DATA_DIR].
    #[arg(long, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    /// The certificate's serial number, in hex (colons allowed).
    #[arg(long, value_name = "HEX")]
    serial: Option<String>,
    /// The certificate (PEM) whose serial to deny.
    #[arg(long, value_name = "FILE")]
    cert: Option<PathBuf>,
    /// A note kept beside the serial (who, why).
    #[arg(long, value_name = "TEXT", default_value = "")]
    note: String,
    /// The config file (TOML); also KMS_CONFIG.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
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
        CertCommand::Revoke(args) => revoke(args),
    }
}

fn revoke(args: RevokeArgs) -> Result<(), CliError> {
    let overrides = Overrides { config_file: args.config, data_dir: args.data_dir, ..Overrides::default() };
    let config = Config::load(&overrides).map_err(CliError::failed)?;
    let (serial, note) = match (&args.serial, &args.cert) {
        (Some(serial), _) => (revocation::canonical_serial(serial).map_err(CliError::Input)?, args.note.clone()),
        (None, Some(cert)) => {
            let serial = revocation::serial_of_cert_file(cert).map_err(CliError::failed)?;
            let note = if args.note.is_empty() { cert.display().to_string() } else { args.note.clone() };
            (serial, note)
        }
        (None, None) => return Err(CliError::Input("give --serial HEX or --cert FILE".into())),
    };
    let added = if admin::running_server(&config.data_dir).is_some() {
        let answer =
            admin::request(&config.data_dir, &json!({"command": "cert-revoke", "serial": serial, "note": note}))
                .map_err(CliError::failed)?;
        answer.get("added").and_then(serde_json::Value::as_bool).unwrap_or(true)
    } else {
        if !config.data_dir.exists() {
            return Err(CliError::Failed(format!("no data dir at {}", config.data_dir.display())));
        }
        revocation::revoke_in_file(&config.revoked_file(), &serial, &note).map_err(CliError::failed)?
    };
    if added {
        println!("certificate serial {serial} denied (deny-list {})", config.revoked_file().display());
    } else {
        println!("certificate serial {serial} was denied already");
    }
    Ok(())
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
