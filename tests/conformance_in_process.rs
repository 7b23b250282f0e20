//! The OASIS test cases run in-process against `Kms::process` with the
//! in-memory store, through the conformance runner's comparator: a fast
//! check on every `cargo test`. (CI also runs them over mutual TLS against a
//! real `kms serve`: conformance/run-all.sh.)

use std::collections::HashSet;
use std::path::Path;
use std::sync::Arc;

use conformance::runner::unix_now;
use conformance::{compare, placeholder, skip::SkipList, vectors};
use kmip_ttlv::xml;
use kms::clock::SystemClock;
use kms::ops::{Kms, Peer};
use kms::store::MemoryStore;

/// Runs every file of `version` (in name order, one server), skipped files
/// last; returns (passed, failures, stale skips).
async fn run_version(version: &str, skipped: &HashSet<String>) -> (usize, Vec<String>, Vec<String>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("vectors/oasis");
    let kms = Kms::new(Arc::new(MemoryStore::new()), Arc::new(SystemClock));
    let peer = Peer { identity: "admin".into(), address: None };
    let files = vectors::expand(&[root.join(version)]).expect("vector files");
    let (to_skip, to_run): (Vec<_>, Vec<_>) = files
        .into_iter()
        .partition(|f| skipped.contains(&f.strip_prefix(&root).expect("under oasis").to_string_lossy().into_owned()));
    let run_start = unix_now();
    let mut generated = HashSet::new();
    let (mut passed, mut failures, mut stale) = (0, Vec::new(), Vec::new());
    for (file, is_skipped) in to_run.iter().map(|f| (f, false)).chain(to_skip.iter().map(|f| (f, true))) {
        let rel = file.strip_prefix(&root).expect("under oasis").to_string_lossy().into_owned();
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
            (None, false) => passed += 1,
            (None, true) => stale.push(rel),
            (Some(d), false) => failures.push(format!("{rel}: {d}")),
            (Some(_), true) => {}
        }
    }
    (passed, failures, stale)
}

#[tokio::test]
async fn oasis_test_cases_in_process() {
    let skip = SkipList::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("conformance/skip.toml")).expect("skip.toml");
    let skipped: HashSet<String> = skip.entries.iter().map(|e| e.file.clone()).collect();
    let mut total = 0;
    for version in ["kmip-1.4", "kmip-2.0", "kmip-2.1"] {
        let (passed, failures, stale) = run_version(version, &skipped).await;
        println!("{version}: {passed} passed, {} failed, {} stale skips", failures.len(), stale.len());
        // KMS_CONFORMANCE_DETAIL=<part of a file name> prints that file's
        // whole difference (expected and actual messages).
        let detail = std::env::var("KMS_CONFORMANCE_DETAIL").ok();
        let shown: Vec<String> = failures
            .iter()
            .map(|f| match &detail {
                Some(d) if f.contains(d.as_str()) => f.clone(),
                _ => f.lines().next().unwrap_or_default().to_owned(),
            })
            .collect();
        assert!(failures.is_empty(), "{version}: {} failed:\n{}", failures.len(), shown.join("\n"));
        assert!(stale.is_empty(), "{version}: skipped files that pass (remove them from skip.toml): {stale:?}");
        total += passed;
    }
    assert_eq!(total, 218, "files passed over all versions");
}
