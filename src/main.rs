//! `kms`: a KMIP-native key management server.
//!
//! Only the codec tools exist so far: `kms ttlv decode` and `kms ttlv
//! encode` (SPEC section 7).

#![forbid(unsafe_code)]

mod cli;

use kms as _;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match cli::run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("kms: {err}");
            ExitCode::from(err.exit_code())
        }
    }
}
