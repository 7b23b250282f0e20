//! The OASIS test cases run in-process against `Kms::process` with the
//! in-memory store, through the conformance runner's comparator: a fast
//! check on every `cargo test`. (CI also runs them over mutual TLS against a
//! real `kms serve`: conformance/run-all.sh.)
//!
//! As run-all.sh does, each version's files run against a default server,
//! except the files of conformance/server-configs.toml: those run against a
//! fresh server per config, built with the config's settings.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use conformance::runner::unix_now;
use conformance::server_configs::{ServerConfig, ServerConfigs};
use conformance::{compare, placeholder, skip::SkipList, vectors};
use kmip_ttlv::xml;
use kms::clock::SystemClock;
use kms::config::Config;
use kms::ops::{Kms, OpsConfig, Peer};
use kms::store::MemoryStore;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// Counts of one server's run.
#[derive(Default)]
struct Outcome {
    passed: usize,
    failures: Vec<String>,
    stale: Vec<String>,
}

/// Runs `files` (in the order given, one server built with `config`),
/// skipped files last.
async fn run_files(files: &[PathBuf], config: OpsConfig, skipped: &HashSet<String>) -> Outcome {
    let root = repo().join("vectors/oasis");
    let kms = Kms::with_config(Arc::new(MemoryStore::new()), Arc::new(SystemClock), config);
    let peer = Peer { identity: "admin".into(), address: None };
    let rel = |f: &PathBuf| f.strip_prefix(&root).expect("under oasis").to_string_lossy().into_owned();
    let (to_skip, to_run): (Vec<_>, Vec<_>) = files.iter().partition(|f| skipped.contains(&rel(f)));
    let run_start = unix_now();
    let mut generated = HashSet::new();
    let mut outcome = Outcome::default();
    for (file, is_skipped) in to_run.iter().map(|f| (f, false)).chain(to_skip.iter().map(|f| (f, true))) {
        let case = vectors::load(file).expect("vector parses");
        let mut bindings = placeholder::Bindings::new();
        let mut responses = Vec::new();
        let mut recorded = Vec::new();
        let mut failure = None;
        for (i, exchange) in case.exchanges.iter().enumerate() {
            let (request, echoed) =
                match placeholder::instantiate(&exchange.request, &mut bindings, unix_now(), &responses) {
                    Ok(request) => placeholder::feed_back(request, &recorded, &responses),
                    Err(e) => {
                        failure = Some(format!("message {}: {e}", i + 1));
                        break;
                    }
                };
            let actual = kms.process(&peer, &request).await.to_ttlv();
            compare::note_generated(&actual, &mut generated);
            compare::note_randomized(&request, &actual, &mut generated);
            let ctx =
                compare::Context { request: Some(&request), run_start, now: unix_now(), generated: &generated, echoed };
            if let Err(d) = compare::compare(&exchange.expected, &actual, &ctx, &mut bindings) {
                failure = Some(format!(
                    "message {}: {d}\n--- expected\n{}\n--- actual\n{}",
                    i + 1,
                    xml::to_string(&exchange.expected),
                    xml::to_string(&actual)
                ));
                break;
            }
            recorded.push(exchange.expected.clone());
            responses.push(actual);
        }
        match (failure, is_skipped) {
            (None, false) => outcome.passed += 1,
            (None, true) => outcome.stale.push(rel(file)),
            (Some(d), false) => outcome.failures.push(format!("{}: {d}", rel(file))),
            (Some(_), true) => {}
        }
    }
    outcome
}

/// The operations' settings of a server with `config`'s settings, read as
/// `kms serve --config` reads its file.
fn ops_config(config: &ServerConfig) -> OpsConfig {
    let mut server = Config::new("unused");
    let origin = format!("conformance/server-configs.toml, config {}", config.name);
    server.apply_text(&config.settings_text(), Path::new(&origin)).unwrap_or_else(|e| panic!("{e}"));
    server.ops_config()
}

/// Asserts that `outcome` has no failures and no stale skips.
fn check(label: &str, outcome: &Outcome) {
    println!(
        "{label}: {} passed, {} failed, {} stale skips",
        outcome.passed,
        outcome.failures.len(),
        outcome.stale.len()
    );
    // KMS_CONFORMANCE_DETAIL=<part of a file name> prints that file's
    // whole difference (expected and actual messages).
    let detail = std::env::var("KMS_CONFORMANCE_DETAIL").ok();
    let shown: Vec<String> = outcome
        .failures
        .iter()
        .map(|f| match &detail {
            Some(d) if f.contains(d.as_str()) => f.clone(),
            _ => f.lines().next().unwrap_or_default().to_owned(),
        })
        .collect();
    assert!(outcome.failures.is_empty(), "{label}: {} failed:\n{}", outcome.failures.len(), shown.join("\n"));
    assert!(
        outcome.stale.is_empty(),
        "{label}: skipped files that pass (remove them from skip.toml): {:?}",
        outcome.stale
    );
}

#[tokio::test]
async fn oasis_test_cases_in_process() {
    let skip = SkipList::load(&repo().join("conformance/skip.toml")).expect("skip.toml");
    let skipped: HashSet<String> = skip.entries.iter().map(|e| e.file.clone()).collect();
    let configs = ServerConfigs::load(&repo().join("conformance/server-configs.toml")).expect("server-configs.toml");
    let mut total = 0;
    let mut under_configs = 0;
    for version in ["kmip-1.4", "kmip-2.0", "kmip-2.1"] {
        let files = vectors::expand(&[repo().join("vectors/oasis").join(version)]).expect("vector files");
        let default = configs.select(&files, None).expect("selection");
        let outcome = run_files(&default.run, OpsConfig::default(), &skipped).await;
        check(version, &outcome);
        total += outcome.passed;
        for config in configs.among(&files) {
            let selection = configs.select(&files, Some(&config.name)).expect("selection");
            let outcome = run_files(&selection.run, ops_config(config), &skipped).await;
            check(&format!("{version} with server config {}", config.name), &outcome);
            total += outcome.passed;
            under_configs += outcome.passed;
        }
    }
    assert_eq!(under_configs, 9, "files passed under server configs (CS-RNG-O-2, -3, -4 of each version)");
    assert_eq!(total, 218, "files passed over all versions");
}
