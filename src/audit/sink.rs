//! Where operations hand their audit entries: a buffer committed in groups.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use bytes::Bytes;
use tokio::sync::Notify;

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
}

impl AuditLog {
    /// How long entries wait for company before [`AuditLog::run`] commits
    /// them: the most a crash can lose.
    pub const WINDOW: Duration = Duration::from_millis(5);

    /// A log that commits to `store` (whose log sealer is set).
    pub fn new(store: Arc<dyn Store>) -> AuditLog {
        AuditLog { store, pending: Mutex::new(Vec::new()), arrived: Notify::new() }
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

    /// Commits every waiting entry now.
    pub async fn flush(&self) -> Result<(), StoreError> {
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
    /// pass, commits them, and again; returns after a last flush once
    /// `stop` resolves. `committed` is called after every commit (the
    /// server writes the head file there).
    pub async fn run(&self, stop: impl std::future::Future<Output = ()>, committed: impl Fn()) {
        tokio::pin!(stop);
        loop {
            tokio::select! {
                () = self.arrived.notified() => {}
                () = &mut stop => break,
            }
            tokio::time::sleep(Self::WINDOW).await;
            match self.flush().await {
                Ok(()) => committed(),
                Err(e) => {
                    tracing::error!(error = %e, "committing audit entries failed; retrying");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
            }
        }
        if let Err(e) = self.flush().await {
            tracing::error!(error = %e, "committing the last audit entries failed");
        }
        committed();
    }

    fn pending(&self) -> std::sync::MutexGuard<'_, Vec<Bytes>> {
        // A push or a take cannot leave the vector half-changed.
        self.pending.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
