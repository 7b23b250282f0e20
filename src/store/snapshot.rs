//! A consistent copy of a store ([`Store::snapshot`](super::Store::snapshot))
//! and its byte form, for backups. The form is the store's own business:
//! whoever writes it to a file adds what authenticates it.
//!
//! ```text
//! "kms-snapshot" 01
//! record count u64, then per record: id (u32 length, bytes), revision u64,
//!     index count u32 then per key: field u32, value (u32 length, bytes),
//!     body (u32 length, bytes)
//! meta count u64, then per meta record: namespace, key, value (each u32 length, bytes)
//! log head: first u64, next u64, last seal (u32 length, bytes)
//! entry count u64, then per entry: seq u64, body (u32 length, bytes), seal (u32 length, bytes)
//! ```
//!
//! All integers big-endian; nothing after the last entry.

use bytes::Bytes;

use super::{IndexKey, LogEntry, LogHead, StoredObject};

const MAGIC: &[u8] = b"kms-snapshot\x01";

/// Everything a store holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Snapshot {
    /// Every record, in id order.
    pub records: Vec<StoredObject>,
    /// Every meta record: (namespace, key, value), in order.
    pub meta: Vec<(String, String, Bytes)>,
    /// Where the log stood.
    pub head: LogHead,
    /// The log's entries, in order.
    pub log: Vec<LogEntry>,
}

/// Bytes that are not a snapshot.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a store snapshot: {0}")]
pub struct SnapshotError(pub String);

impl Snapshot {
    /// The byte form.
    pub fn to_bytes(&self) -> Result<Vec<u8>, SnapshotError> {
        let mut out = MAGIC.to_vec();
        out.extend_from_slice(&(self.records.len() as u64).to_be_bytes());
        for record in &self.records {
            put_bytes(&mut out, record.id.as_bytes())?;
            out.extend_from_slice(&record.revision.to_be_bytes());
            out.extend_from_slice(&len32(record.index.len())?.to_be_bytes());
            for key in &record.index {
                out.extend_from_slice(&key.field.to_be_bytes());
                put_bytes(&mut out, &key.value)?;
            }
            put_bytes(&mut out, &record.body)?;
        }
        out.extend_from_slice(&(self.meta.len() as u64).to_be_bytes());
        for (namespace, key, value) in &self.meta {
            put_bytes(&mut out, namespace.as_bytes())?;
            put_bytes(&mut out, key.as_bytes())?;
            put_bytes(&mut out, value)?;
        }
        out.extend_from_slice(&self.head.first.to_be_bytes());
        out.extend_from_slice(&self.head.next.to_be_bytes());
        put_bytes(&mut out, &self.head.last_seal)?;
        out.extend_from_slice(&(self.log.len() as u64).to_be_bytes());
        for entry in &self.log {
            out.extend_from_slice(&entry.seq.to_be_bytes());
            put_bytes(&mut out, &entry.body)?;
            put_bytes(&mut out, &entry.seal)?;
        }
        Ok(out)
    }

    /// Reads the byte form.
    pub fn from_bytes(bytes: &[u8]) -> Result<Snapshot, SnapshotError> {
        let mut r = Reader(bytes);
        if r.take(MAGIC.len())? != MAGIC {
            return Err(SnapshotError("unknown format".into()));
        }
        let count = r.u64()?;
        let mut records = Vec::new();
        for _ in 0..count {
            let id = r.text()?;
            let revision = r.u64()?;
            let keys = r.u32()?;
            let mut index = Vec::new();
            for _ in 0..keys {
                let field = r.u32()?;
                index.push(IndexKey { field, value: r.bytes()?.to_vec() });
            }
            let body = Bytes::copy_from_slice(r.bytes()?);
            records.push(StoredObject { id, revision, body, index });
        }
        let count = r.u64()?;
        let mut meta = Vec::new();
        for _ in 0..count {
            let namespace = r.text()?;
            let key = r.text()?;
            meta.push((namespace, key, Bytes::copy_from_slice(r.bytes()?)));
        }
        let head = LogHead { first: r.u64()?, next: r.u64()?, last_seal: Bytes::copy_from_slice(r.bytes()?) };
        let count = r.u64()?;
        let mut log = Vec::new();
        for _ in 0..count {
            let seq = r.u64()?;
            let body = Bytes::copy_from_slice(r.bytes()?);
            log.push(LogEntry { seq, body, seal: Bytes::copy_from_slice(r.bytes()?) });
        }
        if !r.0.is_empty() {
            return Err(SnapshotError("bytes after the last entry".into()));
        }
        Ok(Snapshot { records, meta, head, log })
    }
}

fn len32(len: usize) -> Result<u32, SnapshotError> {
    u32::try_from(len).map_err(|_| SnapshotError("a field longer than 4 GiB".into()))
}

fn put_bytes(out: &mut Vec<u8>, bytes: &[u8]) -> Result<(), SnapshotError> {
    out.extend_from_slice(&len32(bytes.len())?.to_be_bytes());
    out.extend_from_slice(bytes);
    Ok(())
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], SnapshotError> {
        if self.0.len() < n {
            return Err(SnapshotError("truncated".into()));
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Ok(head)
    }

    fn u32(&mut self) -> Result<u32, SnapshotError> {
        let bytes = self.take(4)?;
        Ok(u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]))
    }

    fn u64(&mut self) -> Result<u64, SnapshotError> {
        let mut buf = [0u8; 8];
        buf.copy_from_slice(self.take(8)?);
        Ok(u64::from_be_bytes(buf))
    }

    fn bytes(&mut self) -> Result<&'a [u8], SnapshotError> {
        let len = self.u32()? as usize;
        self.take(len)
    }

    fn text(&mut self) -> Result<String, SnapshotError> {
        String::from_utf8(self.bytes()?.to_vec()).map_err(|_| SnapshotError("a name is not UTF-8".into()))
    }
}
