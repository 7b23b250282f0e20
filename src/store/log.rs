//! The store's append-only log: the entries of the audit chain.
//!
//! The store keeps the entries in order and appends those of a batch in the
//! same atomic, durable commit as the batch's changes. It does not know
//! what an entry says or how it is sealed: a [`LogSealer`] given by the
//! audit module computes each entry's seal from its position, the previous
//! entry's seal and its body. The store calls it while it applies commits
//! one after the other, so the chain has neither gaps nor forks, however
//! many commits run at once.

use std::fmt;

use bytes::Bytes;

/// Computes the seal of each appended entry (a keyed MAC chaining it to the
/// one before: see `audit`).
pub trait LogSealer: Send + Sync {
    /// The seal of the entry at `seq` with `body`, which follows an entry
    /// sealed `previous` (empty for the first entry).
    fn seal(&self, seq: u64, previous: &[u8], body: &[u8]) -> Result<Vec<u8>, SealError>;
}

/// A sealer failed; the commit carrying the entry fails with nothing applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SealError(pub String);

impl fmt::Display for SealError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "sealing a log entry: {}", self.0)
    }
}

/// One entry of the log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogEntry {
    /// Its position: 0 for the first entry ever appended, then one more each.
    pub seq: u64,
    /// What the entry says (opaque to the store).
    pub body: Bytes,
    /// Its seal, as the sealer computed it when it was appended.
    pub seal: Bytes,
}

/// Where the log stands.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LogHead {
    /// The position of the first entry kept (entries before it were pruned
    /// behind a checkpoint); equal to `next` when the log is empty.
    pub first: u64,
    /// The position the next entry gets: the number of entries ever
    /// appended.
    pub next: u64,
    /// The seal of the last entry appended (empty before the first): the
    /// next entry chains to it.
    pub last_seal: Bytes,
}

/// Appends `bodies` after `head`, sealing each with `sealer`; the entries
/// and the new head.
pub(crate) fn seal_all(
    sealer: &dyn LogSealer,
    head: &LogHead,
    bodies: &[Bytes],
) -> Result<(Vec<LogEntry>, LogHead), SealError> {
    let mut next = head.next;
    let mut last = head.last_seal.clone();
    let mut entries = Vec::with_capacity(bodies.len());
    for body in bodies {
        let seal = Bytes::from(sealer.seal(next, &last, body)?);
        entries.push(LogEntry { seq: next, body: body.clone(), seal: seal.clone() });
        last = seal;
        next += 1;
    }
    Ok((entries, LogHead { first: head.first, next, last_seal: last }))
}
