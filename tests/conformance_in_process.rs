//! The OASIS test cases run in-process against `Kms::process` with the
//! in-memory store, through the conformance runner's comparator: a fast
//! check on every `cargo test`. (CI also runs them over mutual TLS against a
//! real `kms serve`: conformance/run-all.sh.)
//!
//! As run-all.sh does, each version's files run against a default server,
//! except the files of conformance/server-configs.toml: those run against a
//! fresh server per config, built with the config's settings. A config with
//! a PKCS#11 token (`hsm.token_label`) runs in a child process of this test
//! binary, against a SoftHSM2 token initialised for it in a temporary
//! directory: SoftHSM2 reads SOFTHSM2_CONF from the environment of the
//! process that loads it, which this process cannot change (no unsafe code).

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use conformance::runner::unix_now;
use conformance::server_configs::{ServerConfig, ServerConfigs};
use conformance::{compare, placeholder, skip::SkipList, vectors};
use kmip_ttlv::xml;
use kms::clock::SystemClock;
use kms::config::Config;
use kms::crypto::{CryptoEngine, HsmEngine, Pkcs11Token, SoftwareEngine};
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
    run_files_on(files, Kms::with_config(Arc::new(MemoryStore::new()), Arc::new(SystemClock), config), skipped).await
}

/// [`run_files`] against `kms`.
async fn run_files_on(files: &[PathBuf], kms: Kms, skipped: &HashSet<String>) -> Outcome {
    let root = repo().join("vectors/oasis");
    let peer = Peer::named("admin");
    let rel = |f: &PathBuf| f.strip_prefix(&root).expect("under oasis").to_string_lossy().into_owned();
    let (to_skip, to_run): (Vec<_>, Vec<_>) = files.iter().partition(|f| skipped.contains(&rel(f)));
    let run_start = unix_now();
    let mut generated = HashSet::new();
    let mut outcome = Outcome::default();
    for (file, is_skipped) in to_run.iter().map(|f| (f, false)).chain(to_skip.iter().map(|f| (f, true))) {
        let case = vectors::load(file).expect("vector parses");
        let failure = run_case(&kms, &peer, &case.exchanges, run_start, &mut generated).await.err();
        match (failure, is_skipped) {
            (None, false) => outcome.passed += 1,
            (None, true) => outcome.stale.push(rel(file)),
            (Some(d), false) => outcome.failures.push(format!("{}: {d}", rel(file))),
            (Some(_), true) => {}
        }
    }
    outcome
}

/// Runs one test case's exchanges against `kms`; the first difference.
async fn run_case(
    kms: &Kms,
    peer: &Peer,
    exchanges: &[vectors::Exchange],
    run_start: i64,
    generated: &mut HashSet<String>,
) -> Result<(), String> {
    let mut bindings = placeholder::Bindings::new();
    let mut responses = Vec::new();
    let mut recorded = Vec::new();
    for (i, exchange) in exchanges.iter().enumerate() {
        let (request, echoed) = match placeholder::instantiate(&exchange.request, &mut bindings, unix_now(), &responses)
        {
            Ok(request) => placeholder::feed_back(request, &recorded, &responses),
            Err(e) => return Err(format!("message {}: {e}", i + 1)),
        };
        let actual = kms.process(peer, &request).await.to_ttlv();
        compare::note_generated(&actual, generated);
        compare::note_randomized(&request, &actual, generated);
        let ctx = compare::Context { request: Some(&request), run_start, now: unix_now(), generated, echoed };
        if let Err(d) = compare::compare(&exchange.expected, &actual, &ctx, &mut bindings) {
            return Err(format!(
                "message {}: {d}\n--- expected\n{}\n--- actual\n{}",
                i + 1,
                xml::to_string(&exchange.expected),
                xml::to_string(&actual)
            ));
        }
        recorded.push(exchange.expected.clone());
        responses.push(actual);
    }
    Ok(())
}

/// The operations' settings of a server with `config`'s settings, read as
/// `kms serve --config` reads its file.
fn ops_config(config: &ServerConfig) -> OpsConfig {
    server_config(config).ops_config()
}

/// The whole server configuration of `config`'s settings.
fn server_config(config: &ServerConfig) -> Config {
    let mut server = Config::new("unused");
    let origin = format!("conformance/server-configs.toml, config {}", config.name);
    server.apply_text(&config.settings_text(), Path::new(&origin)).unwrap_or_else(|e| panic!("{e}"));
    server
}

/// Runs the files of `config` (one with a PKCS#11 token) for `version` in a
/// child process with a fresh SoftHSM2 token; how many passed (the child
/// fails on any failure or stale skip).
fn run_with_token_in_child(version: &str, config: &ServerConfig) -> usize {
    let server = server_config(config);
    let label = server.hsm.token_label.clone().expect("a token label");
    let pin_var = server.hsm.pin_env.clone().expect("the conformance configs name the PIN by hsm.pin_env");
    let dir = std::env::temp_dir().join(format!("kms-conformance-softhsm-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(dir.join("tokens")).expect("token dir");
    let conf = dir.join("softhsm2.conf");
    std::fs::write(
        &conf,
        format!(
            "directories.tokendir = {}\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n",
            dir.join("tokens").display()
        ),
    )
    .expect("softhsm2.conf");
    let pin = "in-process-4711";
    let init = std::process::Command::new("softhsm2-util")
        .args(["--init-token", "--free", "--label", &label, "--so-pin", "so-4711", "--pin", pin])
        .env("SOFTHSM2_CONF", &conf)
        .output()
        .expect("softhsm2-util runs (Debian package softhsm2)");
    assert!(init.status.success(), "softhsm2-util: {}", String::from_utf8_lossy(&init.stderr));
    let out = std::process::Command::new(std::env::current_exe().expect("test binary"))
        .args(["oasis_server_config_with_a_token_in_child", "--exact", "--ignored", "--nocapture"])
        .env("SOFTHSM2_CONF", &conf)
        .env(&pin_var, pin)
        .env(CHILD_VERSION, version)
        .env(CHILD_CONFIG, &config.name)
        .output()
        .expect("the test binary runs");
    let _ = std::fs::remove_dir_all(&dir);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && stdout.contains("1 passed"),
        "{version} with server config {}:\n{stdout}\n{}",
        config.name,
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
        .lines()
        .find_map(|l| l.strip_prefix("token config passed: "))
        .and_then(|n| n.trim().parse().ok())
        .expect("the child's count")
}

/// The child's version folder and config name.
const CHILD_VERSION: &str = "KMS_CONFORMANCE_CHILD_VERSION";
const CHILD_CONFIG: &str = "KMS_CONFORMANCE_CHILD_CONFIG";

/// Run by [`run_with_token_in_child`]: one config's files against a `Kms`
/// whose engine has the token of the config's settings.
#[tokio::test]
#[ignore = "runs in a child process with a SoftHSM2 token (see oasis_test_cases_in_process)"]
async fn oasis_server_config_with_a_token_in_child() {
    let var = |name| std::env::var(name).unwrap_or_else(|_| panic!("{name}: run by oasis_test_cases_in_process"));
    let (version, name) = (var(CHILD_VERSION), var(CHILD_CONFIG));
    let skip = SkipList::load(&repo().join("conformance/skip.toml")).expect("skip.toml");
    let skipped: HashSet<String> = skip.entries.iter().map(|e| e.file.clone()).collect();
    let configs = ServerConfigs::load(&repo().join("conformance/server-configs.toml")).expect("server-configs.toml");
    let config = configs.configs.iter().find(|c| c.name == name).expect("the config");
    let server = server_config(config);
    let settings = server.pkcs11_settings().expect("token settings").expect("a token");
    let token = Pkcs11Token::open(settings).expect("the token opens");
    let engine: Arc<dyn CryptoEngine> = Arc::new(HsmEngine::new(Arc::new(SoftwareEngine::new()), token));
    let kms = Kms::with(Arc::new(MemoryStore::new()), Arc::new(SystemClock), engine, server.ops_config());
    let files = vectors::expand(&[repo().join("vectors/oasis").join(&version)]).expect("vector files");
    let selection = configs.select(&files, Some(&name)).expect("selection");
    let outcome = run_files_on(&selection.run, kms, &skipped).await;
    check(&format!("{version} with server config {name}"), &outcome);
    println!("token config passed: {}", outcome.passed);
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
            if server_config(config).hsm.token_label.is_some() {
                let passed = run_with_token_in_child(version, config);
                total += passed;
                under_configs += passed;
                continue;
            }
            let selection = configs.select(&files, Some(&config.name)).expect("selection");
            let outcome = run_files(&selection.run, ops_config(config), &skipped).await;
            check(&format!("{version} with server config {}", config.name), &outcome);
            total += outcome.passed;
            under_configs += outcome.passed;
        }
    }
    assert_eq!(
        under_configs, 11,
        "files passed under server configs (CS-RNG-O-2, -3, -4 of each version; PKCS11-M-1 of 2.0 and 2.1)"
    );
    assert_eq!(total, 239, "files passed over all versions");
}

/// The protocol version in a message's header.
fn header_version(message: &kmip_ttlv::Ttlv) -> Option<(i32, i32)> {
    let version = message.children()?.first()?.child(kmip_ttlv::Tag::PROTOCOL_VERSION)?;
    let part = |tag| version.child(tag).and_then(|v| v.value.as_integer());
    Some((part(kmip_ttlv::Tag::PROTOCOL_VERSION_MAJOR)?, part(kmip_ttlv::Tag::PROTOCOL_VERSION_MINOR)?))
}

/// Sets the minor protocol version in a message's header.
fn set_header_minor(message: &mut kmip_ttlv::Ttlv, minor: i32) {
    use kmip_ttlv::{Tag, Value};
    let Value::Structure(parts) = &mut message.value else { return };
    let Some(Value::Structure(header)) = parts.first_mut().map(|h| &mut h.value) else { return };
    for field in header.iter_mut().filter(|f| f.tag == Tag::PROTOCOL_VERSION) {
        if let Value::Structure(version) = &mut field.value {
            for part in version.iter_mut().filter(|p| p.tag == Tag::PROTOCOL_VERSION_MINOR) {
                part.value = Value::Integer(minor);
            }
        }
    }
}

/// OMOS-O-1-14 is in skip.toml as a defect of the published vector: its
/// Register request is KMIP 1.4 and its recorded response says 1.3, while
/// a response is in the request's protocol version (KMIP 1.4 §7.1; the
/// other 1.4 files all answer in 1.4). The test shows exactly that: one
/// exchange disagrees, and with its recorded version set to the request's
/// the whole file passes against the server.
#[tokio::test]
async fn omos_o_1_14_differs_only_by_its_response_version() {
    let file = "kmip-1.4/optional/OMOS-O-1-14.xml";
    let skip = SkipList::load(&repo().join("conformance/skip.toml")).expect("skip.toml");
    let reason = skip.entries.iter().find(|e| e.file == file).map(|e| e.reason.clone()).expect("listed");
    assert!(reason.starts_with("vector defect"), "{reason}");

    let case = vectors::load(&repo().join("vectors/oasis").join(file)).expect("vector parses");
    let mismatched: Vec<usize> = case
        .exchanges
        .iter()
        .enumerate()
        .filter(|(_, e)| header_version(&e.request) != header_version(&e.expected))
        .map(|(i, _)| i)
        .collect();
    assert_eq!(mismatched.len(), 1, "one exchange answers in another version");
    let bad = mismatched[0];
    assert_eq!(header_version(&case.exchanges[bad].request), Some((1, 4)));
    assert_eq!(header_version(&case.exchanges[bad].expected), Some((1, 3)));

    let kms = Kms::new(Arc::new(MemoryStore::new()), Arc::new(SystemClock));
    let peer = Peer::named("admin");
    let as_recorded = run_case(&kms, &peer, &case.exchanges, unix_now(), &mut HashSet::new()).await;
    let message = as_recorded.expect_err("the file as published fails");
    assert!(message.starts_with(&format!("message {}:", bad + 1)), "{message}");

    let mut corrected = case.exchanges.clone();
    set_header_minor(&mut corrected[bad].expected, 4);
    assert_eq!(header_version(&corrected[bad].expected), Some((1, 4)));
    let kms = Kms::new(Arc::new(MemoryStore::new()), Arc::new(SystemClock));
    run_case(&kms, &peer, &corrected, unix_now(), &mut HashSet::new()).await.expect("the corrected file passes");
}
