//! Commits per second of the sled store, with and without group commit.
//!
//! ```text
//! cargo run --release --example store_commit_bench [SECONDS_PER_RUN] [RUNS] [COMMITTERS,...]
//! ```
//!
//! For 1 and 64 concurrent committers (or the given counts), each creating small records (a
//! 300-byte body and two index keys, about a wrapped key's size) in a loop,
//! it prints the median over the runs of commits per second. Every run uses
//! a fresh store in the system temp directory, so measure on the file system
//! the data dir will live on. Results are in docs/storage.md.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use bytes::Bytes;
use kms::store::{IndexKey, SledStore, Store, StoredObject, WriteBatch};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let seconds: f64 = args.next().map(|s| s.parse()).transpose()?.unwrap_or(3.0);
    let runs: usize = args.next().map(|s| s.parse()).transpose()?.unwrap_or(5);
    let counts: Vec<usize> = match args.next() {
        Some(list) => list.split(',').map(str::parse).collect::<Result<_, _>>()?,
        None => vec![1, 64],
    };
    println!("{runs} runs of {seconds} s each; median commits per second");
    println!("{:<12} {:>10} {:>14}", "committers", "grouping", "commits/s");
    for committers in counts {
        for group_commit in [true, false] {
            let mut rates = Vec::with_capacity(runs);
            for _ in 0..runs {
                rates.push(run(committers, group_commit, Duration::from_secs_f64(seconds)).await?);
            }
            rates.sort_by(f64::total_cmp);
            let median = rates[rates.len() / 2];
            let all: Vec<String> = rates.iter().map(|r| format!("{r:.0}")).collect();
            println!(
                "{committers:<12} {:>10} {median:>14.0}   (runs: {})",
                if group_commit { "on" } else { "off" },
                all.join(", ")
            );
        }
    }
    Ok(())
}

/// One run: commits per second of `committers` concurrent tasks.
async fn run(committers: usize, group_commit: bool, duration: Duration) -> Result<f64, Box<dyn std::error::Error>> {
    static RUN: AtomicU64 = AtomicU64::new(0);
    let dir = std::env::temp_dir().join(format!(
        "kms-store-bench-{}-{}",
        std::process::id(),
        RUN.fetch_add(1, Ordering::Relaxed)
    ));
    let path = dir.join("store");
    let store: Arc<dyn Store> =
        Arc::new(if group_commit { SledStore::open(&path)? } else { SledStore::open_without_group_commit(&path)? });
    let commits = Arc::new(AtomicU64::new(0));
    let started = Instant::now();
    let deadline = started + duration;
    let mut tasks = Vec::with_capacity(committers);
    for task in 0..committers {
        let store = Arc::clone(&store);
        let commits = Arc::clone(&commits);
        tasks.push(tokio::spawn(async move {
            let mut i = 0u64;
            while Instant::now() < deadline {
                let id = format!("{task:02}-{i:09}");
                let mut batch = WriteBatch::new();
                batch.put(
                    StoredObject {
                        id: id.clone(),
                        revision: 1,
                        body: Bytes::from(vec![0xa5; 300]),
                        index: vec![
                            IndexKey { field: 0x420053, value: id.into_bytes() },
                            IndexKey { field: 0x420056, value: b"bench".to_vec() },
                        ],
                    },
                    None,
                );
                store.commit(batch).await?;
                commits.fetch_add(1, Ordering::Relaxed);
                i += 1;
            }
            Ok::<(), kms::store::StoreError>(())
        }));
    }
    for task in tasks {
        task.await??;
    }
    let elapsed = started.elapsed().as_secs_f64();
    drop(store);
    std::fs::remove_dir_all(&dir)?;
    Ok(commits.load(Ordering::Relaxed) as f64 / elapsed)
}
