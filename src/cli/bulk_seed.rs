//! `kms bulk-seed` (hidden from `--help`): fills a data dir's store with
//! many symmetric keys, for tests and benchmarks only.
//!
//! The hostile-input tests need a store of 100,000 objects and the scale
//! benchmark one of 1,000,000 (issue 7). Creating them over KMIP costs a
//! request, a response and a durable commit each, about 0.8 ms in a debug
//! build. This command makes them offline, with no server on the data dir,
//! through [`Kms::create_in_bulk`]: the Create operation itself, as the
//! identity of a client certificate, thousands of objects per durable
//! commit. The keys are generated, sealed and indexed exactly as that
//! client's Creates would make them, so a server started afterwards serves
//! them like any other (Get, Locate by Name, Destroy ...).
//!
//! Object `i` (from 0) is named `PREFIX{i}`. Every commit carries one audit
//! entry (operation `bulk-seed`, kind `admin`, source `offline`) naming the
//! objects it made, so `kms audit verify` holds and the chain says where
//! the objects came from.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use bytes::Bytes;
use clap::{Args, ValueEnum};
use kmip_ttlv::enums::{CryptographicAlgorithm, CryptographicUsageMask, NameType, ObjectType};
use kmip_ttlv::{Tag, Ttlv, Value};
use kms::access::{self, Identity, IdentityKind};
use kms::admin;
use kms::audit::{AuditLog, Entry, HeadFile, OperationRecord};
use kms::clock::SystemClock;
use kms::config::{Config, Overrides};
use kms::ops::{Channel, Kms, Peer};
use kms::server::{open_data_dir, service_keys};
use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject;

use super::CliError;

/// The most objects one commit may carry.
const MAX_BATCH: usize = 100_000;

#[derive(Debug, Args)]
pub struct BulkSeedArgs {
    /// The data directory, with no server running on it; an empty one first gets the development PKI and root
    /// key, as `kms serve` would make them [default: ./kms-data; config data_dir; KMS_DATA_DIR].
    #[arg(long, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    /// The config file (TOML); also KMS_CONFIG.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// The root key file [config keys.root_key_file; KMS_ROOT_KEY_FILE; or KMS_ROOT_KEY].
    #[arg(long, value_name = "FILE")]
    root_key_file: Option<PathBuf>,
    /// How many objects to make.
    #[arg(long, value_name = "N")]
    count: u64,
    /// Object i (from 0) is named PREFIX{i}.
    #[arg(long, value_name = "PREFIX", default_value = "bulk-")]
    name_prefix: String,
    /// The keys' algorithm and length.
    #[arg(long, value_enum, default_value = "aes-256")]
    alg: SeedAlg,
    /// The client certificate (PEM) whose identity owns the objects, in its organisation, as if that client had
    /// created them [default: DATA_DIR/certs/admin.pem].
    #[arg(long, value_name = "FILE")]
    cert: Option<PathBuf>,
    /// Objects per durable commit.
    #[arg(long, value_name = "N", default_value_t = 2_000)]
    batch: usize,
    /// No progress line.
    #[arg(long)]
    quiet: bool,
}

/// The keys `kms bulk-seed` makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum SeedAlg {
    /// AES-128 (usage Encrypt Decrypt).
    #[value(name = "aes-128")]
    Aes128,
    /// AES-256 (usage Encrypt Decrypt), what `kms bench` creates.
    #[value(name = "aes-256")]
    Aes256,
    /// HMAC-SHA-256, 256 bits (usage MAC Generate MAC Verify).
    HmacSha256,
}

impl SeedAlg {
    /// The Create request payload of object `name` (KMIP 2.1 form).
    fn create_payload(self, name: String) -> Ttlv {
        let (algorithm, length, usage) = match self {
            SeedAlg::Aes128 => (CryptographicAlgorithm::AES, 128, encrypt_decrypt()),
            SeedAlg::Aes256 => (CryptographicAlgorithm::AES, 256, encrypt_decrypt()),
            SeedAlg::HmacSha256 => (
                CryptographicAlgorithm::HMAC_SHA256,
                256,
                CryptographicUsageMask::MAC_GENERATE.0 | CryptographicUsageMask::MAC_VERIFY.0,
            ),
        };
        Ttlv::structure(
            Tag::REQUEST_PAYLOAD,
            vec![
                Ttlv::new(Tag::OBJECT_TYPE, Value::Enumeration(ObjectType::SYMMETRIC_KEY.0)),
                Ttlv::structure(
                    Tag::ATTRIBUTES,
                    vec![
                        Ttlv::new(Tag::CRYPTOGRAPHIC_ALGORITHM, Value::Enumeration(algorithm.0)),
                        Ttlv::new(Tag::CRYPTOGRAPHIC_LENGTH, Value::Integer(length)),
                        Ttlv::new(Tag::CRYPTOGRAPHIC_USAGE_MASK, Value::Integer(usage as i32)),
                        Ttlv::structure(
                            Tag::NAME,
                            vec![
                                Ttlv::new(Tag::NAME_VALUE, Value::TextString(name)),
                                Ttlv::new(Tag::NAME_TYPE, Value::Enumeration(NameType::UNINTERPRETED_TEXT_STRING.0)),
                            ],
                        ),
                    ],
                ),
            ],
        )
    }
}

fn encrypt_decrypt() -> u32 {
    CryptographicUsageMask::ENCRYPT.0 | CryptographicUsageMask::DECRYPT.0
}

pub fn run(args: BulkSeedArgs) -> Result<(), CliError> {
    if args.count == 0 {
        return Err(CliError::Input("--count must be at least 1".into()));
    }
    if !(1..=MAX_BATCH).contains(&args.batch) {
        return Err(CliError::Input(format!("--batch must be between 1 and {MAX_BATCH}")));
    }
    let overrides = Overrides {
        config_file: args.config.clone(),
        data_dir: args.data_dir.clone(),
        root_key_file: args.root_key_file.clone(),
        ..Overrides::default()
    };
    let config = Config::load(&overrides).map_err(CliError::failed)?;
    if let Some(server) = admin::running_server(&config.data_dir) {
        return Err(CliError::Failed(format!(
            "a server (pid {}) is running on {}: bulk-seed writes the store directly; stop the server first",
            server.pid,
            config.data_dir.display()
        )));
    }
    // An empty data dir is set up as `kms serve` sets it up.
    if let Some(report) = kms::server::prepare(&config).map_err(CliError::failed)? {
        eprintln!("{report}");
    }
    let store_dir = config.data_dir.join("store");
    if !store_dir.exists() {
        std::fs::create_dir_all(&store_dir)
            .map_err(|source| CliError::Io { path: store_dir.display().to_string(), source })?;
        // The new directory's entry is durable with the first commit.
        std::fs::File::open(&config.data_dir)
            .and_then(|dir| dir.sync_all())
            .map_err(|source| CliError::Io { path: config.data_dir.display().to_string(), source })?;
    }
    let cert = args.cert.clone().unwrap_or_else(|| config.data_dir.join("certs").join("admin.pem"));
    let peer = certificate_peer(&config, &cert)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| CliError::Failed(format!("starting the runtime: {e}")))?;
    runtime.block_on(seed(&config, &args, peer))
}

/// The peer a connection with `cert` would be: its identity, its
/// organisation (the configuration's, else the certificate's).
fn certificate_peer(config: &Config, cert: &std::path::Path) -> Result<Peer, CliError> {
    let der = CertificateDer::from_pem_file(cert)
        .map_err(|e| CliError::Input(format!("{}: no PEM certificate in it: {e}", cert.display())))?;
    let identity = kms::server::tls::client_identity(&der)
        .ok_or_else(|| CliError::Input(format!("{}: the certificate names no identity", cert.display())))?;
    if !access::valid_cert_name(&identity.name) {
        return Err(CliError::Input(format!("{}: {:?} is a reserved identity", cert.display(), identity.name)));
    }
    let organisation = config.ops_config().access.organisation(&identity.name, identity.organisation);
    Ok(Peer { identity: identity.name, address: None, organisation, channel: Channel::Kmip })
}

async fn seed(config: &Config, args: &BulkSeedArgs, peer: Peer) -> Result<(), CliError> {
    let (store, keys, crypto) = open_data_dir(config).await.map_err(CliError::failed)?;
    let (sealer, _) = service_keys(&keys, store.as_ref(), crypto.clone()).await.map_err(CliError::failed)?;
    store.set_log_sealer(Arc::new(sealer));
    let kms =
        Arc::new(Kms::with_keys(store.clone(), Arc::new(SystemClock), crypto, config.ops_config(), Arc::new(keys)));
    // As a connection with the certificate would, the identity is recorded.
    let seen =
        Identity { kind: IdentityKind::Cert, name: peer.identity.clone(), organisation: peer.organisation.clone() };
    kms.access().seen(&seen, kms.now()).await.map_err(CliError::failed)?;

    let caller = caller();
    let started = Instant::now();
    let batch = args.batch as u64;
    let mut made = 0_u64;
    let mut tasks = tokio::task::JoinSet::new();
    let mut first = 0_u64;
    // Two batches in flight: one is built (key generation, sealing) while
    // the other is written and synced.
    while first < args.count || !tasks.is_empty() {
        while first < args.count && tasks.len() < 2 {
            let end = (first + batch).min(args.count);
            let payloads: Vec<Ttlv> =
                (first..end).map(|i| args.alg.create_payload(format!("{}{i}", args.name_prefix))).collect();
            let (kms, peer, caller) = (Arc::clone(&kms), peer.clone(), caller.clone());
            let names = format!("{p}{first} .. {p}{}", end - 1, p = args.name_prefix);
            tasks.spawn(async move {
                let audit = |ids: &[String]| vec![entry(&caller, &peer, ids, &names)];
                kms.create_in_bulk(&peer, &payloads, audit).await.map(|ids| ids.len() as u64)
            });
            first = end;
        }
        let Some(joined) = tasks.join_next().await else { break };
        let committed = joined.map_err(|e| CliError::Failed(format!("a seeding task failed: {e}")))?;
        made += committed.map_err(|e| {
            CliError::Failed(format!("seeding stopped after {made} objects (each commit is whole): {e}"))
        })?;
        if !args.quiet {
            let rate = made as f64 / started.elapsed().as_secs_f64().max(f64::MIN_POSITIVE);
            eprint!("\rbulk-seed: {made} / {} objects ({rate:.0}/s)   ", args.count);
        }
    }
    if !args.quiet {
        eprintln!();
    }
    AuditLog::new(store.clone()).finish(Some(&HeadFile::path(&config.data_dir))).await;
    println!(
        "bulk-seed: {made} {:?} keys named {p}0 .. {p}{} owned by {:?} in {:.1} s (data dir {})",
        args.alg,
        args.count - 1,
        peer.identity,
        started.elapsed().as_secs_f64(),
        config.data_dir.display(),
        p = args.name_prefix,
    );
    Ok(())
}

/// Who runs the command, as offline administrative commands record it.
fn caller() -> String {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata("/proc/self").map_or_else(|_| "unknown".into(), |m| format!("uid:{}", m.uid()))
}

/// The audit entry of one commit: the objects it made, for whom.
fn entry(caller: &str, peer: &Peer, ids: &[String], names: &str) -> Bytes {
    let time = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    Entry::Operation(OperationRecord {
        time: i64::try_from(time).unwrap_or(i64::MAX),
        kind: "admin".into(),
        identity: caller.to_owned(),
        source: Some("offline".into()),
        channel: "admin".into(),
        operation: "bulk-seed".into(),
        objects: ids.to_vec(),
        result: "Success".into(),
        details: Some(serde_json::json!({"owner": peer.identity, "count": ids.len(), "names": names})),
    })
    .to_body()
}
