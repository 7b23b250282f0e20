//! `kms`: a KMIP-native key management server. `kms serve` runs it; the
//! other subcommands administer a data directory (SPEC section 7).
//!
//! Logs go to standard error through tracing-subscriber's fmt layer, at the
//! level `RUST_LOG` sets (default `info`).

#![forbid(unsafe_code)]

mod cli;

use std::process::ExitCode;

use clap::Parser;
use tracing_subscriber::EnvFilter;

/// mimalloc instead of the system allocator: a request allocates and frees
/// many small buffers, and glibc returns the top of the heap to the kernel
/// after every large one (a 64 KiB Encrypt faulted its pages in again on
/// each request). See docs/crypto.md for the measurements. Built with
/// `no_thp`: otherwise mimalloc asks for transparent huge pages on its
/// arenas, and an idle server held 44 MB of anonymous memory instead of 6
/// (RSS 58 MB instead of 18; docs/benchmarks.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stderr());
    tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).with_ansi(ansi).init();
    match cli::run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("kms: {err}");
            ExitCode::from(err.exit_code())
        }
    }
}
