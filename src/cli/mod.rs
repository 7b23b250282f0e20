//! The command line (SPEC section 7). Each subcommand family has a module.

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
}

impl CliError {
    /// The process exit code for this error.
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Input(_) | CliError::Io { .. } => 1,
        }
    }
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> Result<(), CliError> {
    match cli.command {
        Command::Ttlv(command) => ttlv::run(command),
    }
}
