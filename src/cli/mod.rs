//! The command line (SPEC section 7). Each subcommand family has a module.

mod access;
mod audit;
mod backup;
mod bench;
mod bulk_seed;
mod cert;
mod init;
mod machine;
mod rotate_root;
mod secrets;
mod serve;
mod status;
mod ttlv;

use clap::{Parser, Subcommand};

/// A KMIP-native key management server.
#[derive(Debug, Parser)]
#[command(name = "kms", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the KMIP server (creates a development PKI and root key on first start in an empty data dir).
    Serve(serve::ServeArgs),
    /// Create a data dir with the development PKI and root key, without serving.
    Init(init::InitArgs),
    /// The keyed audit chain: verify, export, prune.
    #[command(subcommand)]
    Audit(audit::AuditCommand),
    /// Write a consistent backup of the store (objects and the audit log) to a file, while serving or not.
    Backup(backup::BackupArgs),
    /// Restore a backup into an empty data dir (with the root key it was made under).
    Restore(backup::RestoreArgs),
    /// Client certificates from the data dir's CA.
    #[command(subcommand)]
    Cert(cert::CertCommand),
    /// Show the running server's status (through its admin socket).
    Status(status::StatusArgs),
    /// Re-wrap every organisation key under a new root key (through the admin socket while a server runs).
    RotateRoot(rotate_root::RotateRootArgs),
    /// Identities (certificate identities seen or granted, administrators).
    #[command(subcommand)]
    Identity(access::IdentityCommand),
    /// Grant KMIP operations on an owner's objects to another identity or group.
    Grant(access::GrantCommandArgs),
    /// Take back operations granted with `kms grant` (same arguments).
    RevokeGrant(access::GrantCommandArgs),
    /// The load generator: KMIP over mutual TLS to any server, ops/s and latency percentiles.
    Bench(bench::BenchArgs),
    /// The TLS echo server of `kms bench --baseline` (internal).
    #[command(hide = true)]
    BenchEcho(bench::EchoArgs),
    /// Fill a stopped server's store with N symmetric keys made as Create makes them (tests and benchmarks only).
    #[command(hide = true)]
    BulkSeed(bulk_seed::BulkSeedArgs),
    /// Secrets projects (Infisical-compatible).
    #[command(subcommand)]
    Project(secrets::ProjectCommand),
    /// Secrets: set, get, list.
    #[command(subcommand)]
    Secret(secrets::SecretCommand),
    /// Read and write KMIP TTLV: binary or hex <-> the KMIP XML or JSON encoding.
    #[command(subcommand)]
    Ttlv(ttlv::TtlvCommand),
}

/// A command-line failure: what to print and the exit code.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// The input could not be read as what it should be (exit code 1).
    #[error("{0}")]
    Input(String),
    /// A file or stream could not be read or written (exit code 1).
    #[error("{path}: {source}")]
    Io {
        /// The file, or `-` for the standard streams.
        path: String,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A command could not do its job; the message says why (exit code 1).
    #[error("{0}")]
    Failed(String),
}

impl CliError {
    /// The process exit code for this error.
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Input(_) | CliError::Io { .. } | CliError::Failed(_) => 1,
        }
    }

    /// A [`CliError::Failed`] with `error`'s message.
    pub fn failed(error: impl std::fmt::Display) -> CliError {
        CliError::Failed(error.to_string())
    }
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> Result<(), CliError> {
    match cli.command {
        Command::Serve(args) => serve::run(args),
        Command::Init(args) => init::run(args),
        Command::Audit(command) => audit::run(command),
        Command::Backup(args) => backup::backup(args),
        Command::Restore(args) => backup::restore(args),
        Command::Cert(command) => cert::run(command),
        Command::Status(args) => status::run(args),
        Command::RotateRoot(args) => rotate_root::run(args),
        Command::Identity(command) => access::identity(command),
        Command::Grant(args) => access::grant(args, kms::access::Change::Grant),
        Command::RevokeGrant(args) => access::grant(args, kms::access::Change::Revoke),
        Command::Ttlv(command) => ttlv::run(command),
        Command::Bench(args) => bench::run(args),
        Command::BenchEcho(args) => bench::echo(args),
        Command::BulkSeed(args) => bulk_seed::run(args),
        Command::Project(command) => secrets::project(command),
        Command::Secret(command) => secrets::secret(command),
    }
}
