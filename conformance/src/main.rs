//! `conformance`: replays OASIS KMIP XML test cases against a running
//! server over mutual TLS and compares the responses. See README.md.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;

use conformance::client::{self, Endpoint};
use conformance::needs;
use conformance::runner::{self, Runner, SkippedFiles};
use conformance::server_configs::ServerConfigs;
use conformance::skip::SkipList;
use conformance::vectors;

/// Replays OASIS KMIP test cases (XML) against a KMIP server over mutual
/// TLS on the binary port.
#[derive(Debug, Parser)]
#[command(name = "conformance", version)]
struct Args {
    /// Server address, host:port.
    #[arg(long, default_value = "127.0.0.1:5696")]
    addr: String,
    /// PEM file with the CA certificate(s) that signed the server's
    /// certificate.
    #[arg(long, required_unless_present_any = NO_SERVER)]
    ca: Option<PathBuf>,
    /// PEM file with the client certificate (chain).
    #[arg(long, required_unless_present_any = NO_SERVER)]
    cert: Option<PathBuf>,
    /// PEM file with the client's private key.
    #[arg(long, required_unless_present_any = NO_SERVER)]
    key: Option<PathBuf>,
    /// Name to check in the server certificate (default: the host of
    /// --addr).
    #[arg(long)]
    server_name: Option<String>,
    /// The skip list.
    #[arg(long)]
    skip: Option<PathBuf>,
    /// The server configurations (conformance/server-configs.toml): files
    /// that belong to one are left out unless --server-config names it.
    #[arg(long, value_name = "FILE")]
    server_configs: Option<PathBuf>,
    /// Run only the files of this server configuration (the server must be
    /// running with its settings).
    #[arg(long, value_name = "NAME", requires = "server_configs")]
    server_config: Option<String>,
    /// Print the names of the server configurations that some of the given
    /// files belong to, one a line (no server needed), then exit.
    #[arg(long, requires = "server_configs")]
    list_server_configs: bool,
    /// Print the settings of server configuration NAME as a kms config file
    /// (no server and no files needed), then exit.
    #[arg(long, value_name = "NAME", requires = "server_configs")]
    print_server_settings: Option<String>,
    /// Do not run skipped files at all (by default they run after the
    /// others, and one that passes is a stale skip, a failure).
    #[arg(long)]
    no_check_skips: bool,
    /// Send every request as `POST /kmip` over HTTPS (HTTP/1.1, the KMIP
    /// HTTPS profile) to --addr, the side listener: binary TTLV, or KMIP
    /// JSON / XML for the MSGENC-JSON-* / MSGENC-XML-* files.
    #[arg(long)]
    http: bool,
    /// Connect and per-message read timeout, in seconds.
    #[arg(long, default_value_t = 30)]
    timeout: u64,
    /// On a failure, print the request, the expected and the actual
    /// response as XML on stderr.
    #[arg(short, long)]
    verbose: bool,
    /// Print skip.toml entries for the files that need features beyond the
    /// server's scope (no server needed), then exit.
    #[arg(long)]
    print_skip_toml: bool,
    /// Test-case files, or directories (their *.xml files, in name order).
    #[arg(required_unless_present = "print_server_settings")]
    files: Vec<PathBuf>,
}

/// The options that need no server.
const NO_SERVER: [&str; 3] = ["print_skip_toml", "list_server_configs", "print_server_settings"];

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("conformance: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &Args) -> Result<bool, String> {
    let configs = match &args.server_configs {
        Some(path) => ServerConfigs::load(path)?,
        None => ServerConfigs::default(),
    };
    if let Some(name) = &args.print_server_settings {
        print!("{}", configs.named(name)?.settings_text());
        return Ok(true);
    }
    let files = vectors::expand(&args.files)?;
    if files.is_empty() {
        return Err("no test-case files".to_owned());
    }
    if args.print_skip_toml {
        print_skip_toml(&files)?;
        return Ok(true);
    }
    if args.list_server_configs {
        for config in configs.among(&files) {
            println!("{}", config.name);
        }
        return Ok(true);
    }
    let selection = configs.select(&files, args.server_config.as_deref())?;
    if selection.run.is_empty() {
        return Err(match &args.server_config {
            Some(name) => format!("none of the given files belongs to server config {name}"),
            None => "no test-case files (all of them belong to server configs)".to_owned(),
        });
    }
    let skips = match &args.skip {
        Some(path) => SkipList::load(path)?,
        None => SkipList::default(),
    };
    let (Some(ca), Some(cert), Some(key)) = (&args.ca, &args.cert, &args.key) else {
        return Err("--ca, --cert and --key are required".to_owned());
    };
    let mut tls = client::tls_config(ca, cert, key)?;
    if args.http {
        let mut config = (*tls).clone();
        config.alpn_protocols = vec![b"http/1.1".to_vec()];
        tls = std::sync::Arc::new(config);
    }
    let endpoint = Endpoint::new(&args.addr, args.server_name.as_deref(), tls, Duration::from_secs(args.timeout))?;
    let mut runner = Runner::new(endpoint);
    runner.verbose = args.verbose;
    runner.http = args.http;
    let skipped = if args.no_check_skips { SkippedFiles::DontRun } else { SkippedFiles::RunLast };
    let mut out = std::io::stdout().lock();
    for (file, name) in &selection.elsewhere {
        let _ = writeln!(out, "OTHER SERVER {}: needs server config {name} (--server-config {name})", file.display());
    }
    let summary = runner::run_files(&mut runner, &selection.run, &skips, skipped, &mut out);
    let _ = writeln!(out, "{}", summary.line());
    Ok(summary.failed == 0)
}

/// Prints a skip.toml body for `files`, paths relative to their `oasis`
/// folder.
fn print_skip_toml(files: &[PathBuf]) -> Result<(), String> {
    let mut out = std::io::stdout().lock();
    for file in files {
        let case = vectors::load(file)?;
        let needs = needs::scan(&case.exchanges);
        if needs.is_empty() {
            continue;
        }
        let components: Vec<String> = file.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
        let relative = match components.iter().rposition(|c| c == "oasis") {
            Some(i) => components[i + 1..].join("/"),
            None => file.display().to_string(),
        };
        let _ = writeln!(out, "[[skip]]\nfile = {:?}\nreason = {:?}\n", relative, needs.reason());
    }
    Ok(())
}
