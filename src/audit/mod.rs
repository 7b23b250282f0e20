//! The audit log: every operation, success or failure, as one entry of a
//! keyed chain (SPEC §4, issue 5 "Audit").
//!
//! An entry records when, who (identity and source address), what
//! (operation and object ids; never key material or secret values) and the
//! result. The store keeps the entries in its append-only log and seals
//! them in commit order with [`ChainSealer`]: each entry's seal is an
//! HMAC-SHA-256, under the key hierarchy's audit service key (random,
//! stored wrapped by the root key, re-wrapped by rotations), over its position,
//! the previous entry's seal and its body. Whoever holds the disk but not
//! the key can neither edit, remove, reorder nor insert an entry without
//! [`verify`] finding the first one broken. The head (how many entries, the
//! last seal) is also written to a file beside the store ([`HeadFile`]):
//! a tail cut off the store, head and all, is caught by comparing the two.
//!
//! Durability: the entries of a message that changes objects go into the
//! same store commit as the change. The entries of reads and cryptographic
//! operations wait in [`AuditLog`]'s buffer and are committed together by
//! [`AuditLog::run`] a few milliseconds later, so they never cost a sync per
//! request; a crash loses at most that window and never breaks the chain
//! (the store appends whole commits).
//!
//! Pruning ([`prune`]) replaces the entries before a point with one
//! checkpoint entry that carries the seal the chain goes on from, itself
//! sealed, so the rest still verifies.

mod chain;
mod sink;

use serde::{Deserialize, Serialize};

pub use self::chain::{
    AuditKey, Broken, ChainSealer, HeadFile, PrunedThrough, Verified, export, prune, read_entries, verify,
};
pub use self::sink::AuditLog;

/// One audit entry's body, as JSON (`"type"` tells the kind).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Entry {
    /// An operation, successful or not.
    Operation(OperationRecord),
    /// The entries before this one were pruned.
    Checkpoint(Checkpoint),
}

/// What one operation did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OperationRecord {
    /// When the message arrived (seconds since the Unix epoch).
    pub time: i64,
    /// The kind of identity: `cert` (a client certificate) or `machine`.
    pub kind: String,
    /// The identity's name.
    pub identity: String,
    /// Where the request came from (address and port), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The listener: `kmip`, `http` (`POST /kmip`) or `admin`.
    pub channel: String,
    /// The operation (the KMIP operation's name).
    pub operation: String,
    /// The objects it named or produced (Unique Identifiers).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub objects: Vec<String>,
    /// `Success`, or the Result Reason's name (`ItemNotFound`, ...). The
    /// free-text Result Message is not recorded.
    pub result: String,
    /// Event metadata of the HTTP side (Infisical's event fields:
    /// environment, secretPath, secretKey, ...; never a secret value).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<serde_json::Value>,
}

/// The entry that replaced the pruned ones before it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checkpoint {
    /// When it was written (seconds since the Unix epoch).
    pub time: i64,
    /// How many entries it replaced (itself included).
    pub pruned: u64,
    /// The time before which entries were pruned.
    pub before: i64,
    /// The seal of the entry it replaced, in hex: the next entry chains to it.
    pub chain_seal: String,
}

impl Entry {
    /// The entry's body as stored.
    pub fn to_body(&self) -> bytes::Bytes {
        // Serializing plain strings and integers cannot fail.
        bytes::Bytes::from(serde_json::to_vec(self).unwrap_or_default())
    }

    /// Reads a stored body.
    pub fn from_body(body: &[u8]) -> Result<Entry, String> {
        serde_json::from_slice(body).map_err(|e| e.to_string())
    }

    /// The time of the entry.
    pub fn time(&self) -> i64 {
        match self {
            Entry::Operation(record) => record.time,
            Entry::Checkpoint(checkpoint) => checkpoint.time,
        }
    }
}

/// Which operation entries an export keeps.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportFilter {
    /// Entries at or after this time (seconds since the Unix epoch).
    #[serde(default)]
    pub since: Option<i64>,
    /// Entries before this time.
    #[serde(default)]
    pub until: Option<i64>,
    /// Entries of this identity.
    #[serde(default)]
    pub identity: Option<String>,
    /// Entries that name this object.
    #[serde(default)]
    pub object: Option<String>,
}

impl ExportFilter {
    /// True if `record` passes.
    pub fn keeps(&self, record: &OperationRecord) -> bool {
        self.since.is_none_or(|since| record.time >= since)
            && self.until.is_none_or(|until| record.time < until)
            && self.identity.as_ref().is_none_or(|identity| &record.identity == identity)
            && self.object.as_ref().is_none_or(|object| record.objects.contains(object))
    }
}

/// The entry of an administrative command: `request` as the admin socket
/// takes it (`{"command": ..., "object": ..., "to": ...}`), run by `caller`
/// (`uid:N`) through `source` (`admin.sock`, or `offline` for a command
/// that opened the store itself); what it named, never a password or key.
/// None for a request without a command.
pub fn admin_entry(caller: &str, source: &str, request: &serde_json::Value, ok: bool) -> Option<bytes::Bytes> {
    let command = request.get("command").and_then(serde_json::Value::as_str)?;
    let named = ["object", "to", "identity", "serial", "as", "group"];
    let objects = named
        .iter()
        .filter_map(|field| {
            let value = request.get(*field).and_then(serde_json::Value::as_str)?;
            Some(if *field == "object" { value.to_owned() } else { format!("{field}={value}") })
        })
        .collect();
    let time = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let record = OperationRecord {
        time: i64::try_from(time).unwrap_or(i64::MAX),
        kind: "admin".into(),
        identity: caller.to_owned(),
        source: Some(source.to_owned()),
        channel: "admin".into(),
        operation: command.to_owned(),
        objects,
        result: if ok { "Success".into() } else { "Failed".into() },
        details: None,
    };
    Some(Entry::Operation(record).to_body())
}
