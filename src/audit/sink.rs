//! Where operations hand their audit entries: a buffer committed in groups.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use bytes::Bytes;
use tokio::sync::Notify;

use super::HeadFile;
use crate::store::{Store, StoreError, WriteBatch};

/// The audit entries waiting for their commit, and the task that commits
/// them.
///
/// Operations that change nothing [`record`](AuditLog::record) their
/// entries here; [`run`](AuditLog::run) commits whatever waits, a few
/// milliseconds after the first entry arrived, in one store commit (one
/// sync for all of them). A message that changes objects
/// [`take`](AuditLog::take)s the waiting entries and commits them before its
/// own, in its own commit, so the chain keeps the order in which entries
/// arrived; if that commit fails it [`put_back`](AuditLog::put_back)s them.
pub struct AuditLog {
    store: Arc<dyn Store>,
    pending: Mutex<Vec<Bytes>>,
    arrived: Notify,
    /// The head last written to the head file; held while one is written,
    /// so the group-commit loop and the final write at shutdown never
    /// leave an older head in the file.
    head_written: tokio::sync::Mutex<Option<u64>>,
    /// Held by a flush from taking the entries to their commit: a flush
    /// returns only once what was recorded before it is committed, even
    /// when the group-commit loop took it first.
    flushing: tokio::sync::Mutex<()>,
}

impl AuditLog {
    /// How long entries wait for company before [`AuditLog::run`] commits
    /// them: the most a crash can lose.
    pub const WINDOW: Duration = Duration::from_millis(5);
    /// How often [`AuditLog::run`] brings the head file up to date.
    pub const HEAD_EVERY: Duration = Duration::from_millis(100);

    /// A log that commits to `store` (whose log sealer is set).
    pub fn new(store: Arc<dyn Store>) -> AuditLog {
        AuditLog {
            store,
            pending: Mutex::new(Vec::new()),
            arrived: Notify::new(),
            head_written: tokio::sync::Mutex::new(None),
            flushing: tokio::sync::Mutex::new(()),
        }
    }

    /// Adds entries to be committed by [`AuditLog::run`].
    pub fn record(&self, bodies: impl IntoIterator<Item = Bytes>) {
        let mut pending = self.pending();
        let was_empty = pending.is_empty();
        pending.extend(bodies);
        if was_empty && !pending.is_empty() {
            self.arrived.notify_one();
        }
    }

    /// Takes every waiting entry, for a commit that carries them.
    pub fn take(&self) -> Vec<Bytes> {
        std::mem::take(&mut *self.pending())
    }

    /// Returns entries [`AuditLog::take`] took whose commit failed, ahead of
    /// those that arrived since.
    pub fn put_back(&self, mut bodies: Vec<Bytes>) {
        if bodies.is_empty() {
            return;
        }
        let mut pending = self.pending();
        bodies.append(&mut pending);
        *pending = bodies;
        self.arrived.notify_one();
    }

    /// Commits every waiting entry now; returns once every entry recorded
    /// before the call is committed (or the commit failed).
    pub async fn flush(&self) -> Result<(), StoreError> {
        let _flushing = self.flushing.lock().await;
        let bodies = self.take();
        if bodies.is_empty() {
            return Ok(());
        }
        let mut batch = WriteBatch::new();
        for body in &bodies {
            batch.append_log(body.clone());
        }
        let result = self.store.commit(batch).await;
        if result.is_err() {
            self.put_back(bodies);
        }
        result
    }

    /// The group-commit loop: waits for entries, lets [`AuditLog::WINDOW`]
    /// pass and commits them, until `stop` resolves. With `head_file`, it
    /// also writes the chain's head there (see [`HeadFile`]) whenever it
    /// moved, at most every [`AuditLog::HEAD_EVERY`]. The last entries are
    /// committed by [`AuditLog::finish`], once nothing records any more.
    pub async fn run(&self, stop: impl std::future::Future<Output = ()>, head_file: Option<PathBuf>) {
        tokio::pin!(stop);
        let mut tick = tokio::time::interval(Self::HEAD_EVERY);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tokio::select! {
                () = self.arrived.notified() => {
                    tokio::time::sleep(Self::WINDOW).await;
                    if let Err(e) = self.flush().await {
                        tracing::error!(error = %e, "committing audit entries failed; retrying");
                        tokio::time::sleep(Duration::from_millis(100)).await;
                    }
                }
                _ = tick.tick() => {
                    if let Some(path) = &head_file {
                        self.write_head(path).await;
                    }
                }
                () = &mut stop => return,
            }
        }
    }

    /// Commits what waits and writes the head file: the last step of a
    /// shutdown, after the last operation finished.
    pub async fn finish(&self, head_file: Option<&Path>) {
        if let Err(e) = self.flush().await {
            tracing::error!(error = %e, "committing the last audit entries failed");
        }
        if let Some(path) = head_file {
            self.write_head(path).await;
        }
    }

    /// Writes the head file if the head moved past what it holds.
    async fn write_head(&self, path: &Path) {
        let mut written = self.head_written.lock().await;
        let head = match self.store.log_head().await {
            Ok(head) => head,
            Err(e) => {
                tracing::error!(error = %e, "reading the audit head failed");
                return;
            }
        };
        if written.is_some_and(|next| next >= head.next) {
            return;
        }
        let file = HeadFile { next: head.next, seal: hex::encode(&head.last_seal) };
        match file.write(path) {
            Ok(()) => *written = Some(head.next),
            Err(e) => tracing::error!(path = %path.display(), error = %e, "writing the audit head file failed"),
        }
    }

    fn pending(&self) -> std::sync::MutexGuard<'_, Vec<Bytes>> {
        // A push or a take cannot leave the vector half-changed.
        self.pending.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use async_trait::async_trait;
    use bytes::Bytes;

    use super::*;
    use crate::store::{IndexKey, LogEntry, LogHead, LogSealer, MemoryStore, SealError, Snapshot, StoredObject};

    /// A memory store that counts its commits (each a sync in sled).
    #[derive(Default)]
    struct Counting {
        inner: MemoryStore,
        commits: AtomicUsize,
    }

    #[async_trait]
    impl Store for Counting {
        async fn get(&self, id: &str) -> Result<Option<StoredObject>, StoreError> {
            self.inner.get(id).await
        }
        async fn commit(&self, batch: WriteBatch) -> Result<(), StoreError> {
            self.commits.fetch_add(1, Ordering::Relaxed);
            self.inner.commit(batch).await
        }
        async fn find(&self, key: &IndexKey) -> Result<Vec<String>, StoreError> {
            self.inner.find(key).await
        }
        async fn all_ids(&self) -> Result<Vec<String>, StoreError> {
            self.inner.all_ids().await
        }
        async fn count(&self) -> Result<u64, StoreError> {
            self.inner.count().await
        }
        fn set_log_sealer(&self, sealer: Arc<dyn LogSealer>) {
            self.inner.set_log_sealer(sealer);
        }
        async fn log_head(&self) -> Result<LogHead, StoreError> {
            self.inner.log_head().await
        }
        async fn log_entries(&self, from: u64, limit: usize) -> Result<Vec<LogEntry>, StoreError> {
            self.inner.log_entries(from, limit).await
        }
        async fn log_replace_prefix(&self, checkpoint: LogEntry) -> Result<(), StoreError> {
            self.inner.log_replace_prefix(checkpoint).await
        }
        async fn snapshot(&self) -> Result<Snapshot, StoreError> {
            self.inner.snapshot().await
        }
        async fn load_snapshot(&self, snapshot: Snapshot) -> Result<(), StoreError> {
            self.inner.load_snapshot(snapshot).await
        }
        async fn meta(&self, namespace: &str) -> Result<Vec<(String, Bytes)>, StoreError> {
            self.inner.meta(namespace).await
        }
    }

    struct Plain;

    impl LogSealer for Plain {
        fn seal(&self, seq: u64, _: &[u8], _: &[u8]) -> Result<Vec<u8>, SealError> {
            Ok(seq.to_be_bytes().to_vec())
        }
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn many_records_share_few_commits_and_none_is_lost() {
        let store = Arc::new(Counting::default());
        store.set_log_sealer(Arc::new(Plain));
        let log = Arc::new(AuditLog::new(store.clone()));
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let runner = {
            let log = log.clone();
            tokio::spawn(async move {
                log.run(
                    async {
                        let _ = stopped.await;
                    },
                    None,
                )
                .await;
            })
        };
        let mut writers = Vec::new();
        for t in 0..4 {
            let log = log.clone();
            writers.push(tokio::spawn(async move {
                for i in 0..250 {
                    log.record([Bytes::from(format!("{t}-{i}"))]);
                    if i % 50 == 0 {
                        tokio::time::sleep(Duration::from_millis(2)).await;
                    }
                }
            }));
        }
        for writer in writers {
            writer.await.expect("writer");
        }
        // Within a window, what was recorded is committed without a flush.
        tokio::time::sleep(AuditLog::WINDOW * 10).await;
        assert_eq!(store.log_head().await.expect("head").next, 1000);
        let _ = stop.send(());
        runner.await.expect("runner");
        log.finish(None).await;
        let commits = store.commits.load(Ordering::Relaxed);
        assert!(commits <= 50, "1000 records took {commits} commits");
        assert!(commits >= 1);
    }
}
