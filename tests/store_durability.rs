//! kill -9 safety of the sled store: a child process commits records from
//! several tasks and prints each id once its commit returned `Ok`; the
//! parent SIGKILLs it mid-stream, reopens the store and finds every
//! acknowledged record.
//!
//! The child is this same test binary, run again with
//! `KMS_STORE_DURABILITY_CHILD` set to the store directory. Power-loss
//! safety (the fsync after sled's flush) cannot be tested this way; see
//! docs/storage.md.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use kms::store::{IndexKey, SledStore, Store, StoredObject, WriteBatch};

const CHILD_ENV: &str = "KMS_STORE_DURABILITY_CHILD";
const ROUND_ENV: &str = "KMS_STORE_DURABILITY_ROUND";
const TEST_NAME: &str = "kill_9_loses_no_acknowledged_commit";
const ROUNDS: usize = 3;
/// Acknowledgements the parent waits for before it kills the child.
const ACKS_BEFORE_KILL: usize = 400;
const WRITERS: usize = 8;
const GROUP: u32 = 0x420056;

#[test]
fn kill_9_loses_no_acknowledged_commit() {
    if let Some(dir) = std::env::var_os(CHILD_ENV) {
        let round = std::env::var(ROUND_ENV).expect("round").parse().expect("round number");
        child(Path::new(&dir), round);
        return;
    }
    let tmp = TempDir::new();
    let dir = tmp.0.join("store");
    // id → the highest acknowledged revision.
    let mut acked: BTreeMap<String, u64> = BTreeMap::new();
    for round in 0..ROUNDS {
        let this_round = run_child_and_kill(&dir, round);
        assert!(this_round.len() >= ACKS_BEFORE_KILL, "round {round}: only {} acknowledgements", this_round.len());
        acked.extend(this_round);
        verify(&dir, &acked);
    }
}

/// Runs the child until it has acknowledged enough commits, SIGKILLs it,
/// and returns every acknowledgement it printed.
fn run_child_and_kill(dir: &Path, round: usize) -> BTreeMap<String, u64> {
    let exe = std::env::current_exe().expect("test binary");
    let mut child = Command::new(exe)
        .args(["--exact", TEST_NAME, "--nocapture", "--test-threads=1"])
        .env(CHILD_ENV, dir)
        .env(ROUND_ENV, round.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("spawn child");
    let stdout = child.stdout.take().expect("piped stdout");
    let mut acked = BTreeMap::new();
    let mut killed = false;
    let started = Instant::now();
    for line in BufReader::new(stdout).lines() {
        let line = line.expect("read child output");
        let Some(ack) = line.strip_prefix("ACK ") else { continue };
        let (id, revision) = ack.split_once(' ').expect("ACK id revision");
        let revision: u64 = revision.parse().expect("revision");
        let entry = acked.entry(id.to_owned()).or_insert(revision);
        *entry = (*entry).max(revision);
        if !killed && (acked.len() >= ACKS_BEFORE_KILL || started.elapsed() > Duration::from_secs(60)) {
            // `Child::kill` sends SIGKILL. Lines already in the pipe are
            // still read below: they were acknowledged before the kill.
            child.kill().expect("kill child");
            killed = true;
        }
    }
    let status = child.wait().expect("wait for child");
    assert!(killed, "child exited on its own: {status}");
    assert!(!status.success(), "a killed child does not succeed");
    acked
}

fn verify(dir: &Path, acked: &BTreeMap<String, u64>) {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    runtime.block_on(async {
        let store = SledStore::open(dir).expect("reopen after kill -9");
        for (id, revision) in acked {
            let record = store.get(id).await.expect("get").unwrap_or_else(|| panic!("acknowledged {id} is missing"));
            assert!(record.revision >= *revision, "{id}: revision {} < acknowledged {revision}", record.revision);
            assert_eq!(record.body, body(id, record.revision));
        }
        // The index agrees with the records.
        let found = store.find(&IndexKey { field: GROUP, value: b"all".to_vec() }).await.expect("find");
        assert_eq!(found, store.all_ids().await.expect("all_ids"));
        assert!(store.count().await.expect("count") >= acked.len() as u64);
    });
}

/// The child: `WRITERS` tasks create records and replace every other one,
/// printing `ACK id revision` after each `Ok`, until killed.
fn child(dir: &Path, round: usize) {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    runtime.block_on(async {
        let store: Arc<dyn Store> = Arc::new(SledStore::open(dir).expect("open store"));
        let mut tasks = Vec::new();
        for writer in 0..WRITERS {
            let store = Arc::clone(&store);
            tasks.push(tokio::spawn(async move {
                for i in 0.. {
                    let id = format!("r{round}-w{writer}-{i:07}");
                    let mut batch = WriteBatch::new();
                    batch.put(record(&id, 1), None);
                    store.commit(batch).await.expect("create");
                    ack(&id, 1);
                    if i % 2 == 0 {
                        let mut batch = WriteBatch::new();
                        batch.put(record(&id, 2), Some(1));
                        store.commit(batch).await.expect("replace");
                        ack(&id, 2);
                    }
                }
            }));
        }
        for task in tasks {
            task.await.expect("writer");
        }
    });
}

fn ack(id: &str, revision: u64) {
    let mut out = std::io::stdout().lock();
    writeln!(out, "ACK {id} {revision}").expect("write ack");
    out.flush().expect("flush ack");
}

fn record(id: &str, revision: u64) -> StoredObject {
    StoredObject {
        id: id.to_owned(),
        revision,
        body: body(id, revision),
        index: vec![IndexKey { field: GROUP, value: b"all".to_vec() }],
    }
}

fn body(id: &str, revision: u64) -> Bytes {
    Bytes::from(format!("{id} at revision {revision} ").repeat(8))
}

/// A directory under the system temp dir, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> TempDir {
        let nanos =
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.subsec_nanos()).unwrap_or(0);
        let path = std::env::temp_dir().join(format!("kms-store-durability-{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&path).expect("create temp dir");
        TempDir(path)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
