//! The engine's bounded cache of parsed keys (aws-lc key schedules, parsed
//! RSA and EC keys), found by the key's kind, what it is prepared for, and
//! its bytes.
//!
//! A lookup hashes that name with std's `RandomState` (SipHash keyed at
//! random per process, so a client that registers keys cannot steer them
//! into one bucket) and then compares the whole name, so a hash collision
//! can never hand out another key's parsed form. The names hold key bytes:
//! they are zeroized when dropped, like the parsed keys themselves.

use std::collections::HashMap;
use std::hash::{BuildHasher, BuildHasherDefault, Hash, Hasher};
use std::sync::{Arc, Mutex};

use zeroize::Zeroizing;

use crate::crypto::KeyRef;
use crate::error::KmsError;

/// How many parsed keys the cache holds before it drops half of them.
const CAPACITY: usize = 4096;

/// Room for the encoded kind and purpose (a few enum values).
const PURPOSE_ROOM: usize = 48;

/// A cache of `T` (parsed keys) by key and purpose.
pub(super) struct KeyCache<T> {
    hasher: std::hash::RandomState,
    entries: Mutex<Entries<T>>,
}

struct Entries<T> {
    buckets: HashMap<u64, Vec<Entry<T>>, BuildHasherDefault<PassThrough>>,
    len: usize,
}

struct Entry<T> {
    purpose: Purpose,
    material: Zeroizing<Vec<u8>>,
    value: Arc<T>,
}

impl<T> KeyCache<T> {
    pub(super) fn new() -> KeyCache<T> {
        KeyCache {
            hasher: std::hash::RandomState::new(),
            entries: Mutex::new(Entries { buckets: HashMap::default(), len: 0 }),
        }
    }

    /// The parsed form of `key` for `purpose`: from the cache, or made by
    /// `parse` and kept.
    pub(super) fn get_or_parse(
        &self,
        key: KeyRef<'_>,
        purpose: impl Hash,
        parse: impl FnOnce() -> Result<T, KmsError>,
    ) -> Result<Arc<T>, KmsError> {
        let purpose = Purpose::of(&(key.kind, purpose));
        if purpose.overflowed {
            return parse().map(Arc::new);
        }
        let mut hasher = self.hasher.build_hasher();
        hasher.write(purpose.bytes());
        hasher.write(key.material);
        let hash = hasher.finish();
        if let Some(found) = self.lock()?.find(hash, &purpose, key.material) {
            return Ok(found);
        }
        let parsed = Arc::new(parse()?);
        let mut entries = self.lock()?;
        if let Some(found) = entries.find(hash, &purpose, key.material) {
            return Ok(found);
        }
        if entries.len >= CAPACITY {
            // Drop about half: cheap, and a dropped key is parsed again on
            // its next use.
            let drop: Vec<u64> = entries.buckets.keys().take(entries.buckets.len() / 2 + 1).copied().collect();
            for hash in drop {
                if let Some(bucket) = entries.buckets.remove(&hash) {
                    entries.len -= bucket.len();
                }
            }
        }
        entries.buckets.entry(hash).or_default().push(Entry {
            purpose,
            material: Zeroizing::new(key.material.to_vec()),
            value: Arc::clone(&parsed),
        });
        entries.len += 1;
        Ok(parsed)
    }

    fn lock(&self) -> Result<std::sync::MutexGuard<'_, Entries<T>>, KmsError> {
        self.entries.lock().map_err(|_| KmsError::Internal("the key cache lock is poisoned".into()))
    }

    /// How many parsed keys are kept.
    #[cfg(test)]
    pub(super) fn len(&self) -> usize {
        self.lock().map(|e| e.len).unwrap_or(0)
    }
}

impl<T> Entries<T> {
    fn find(&self, hash: u64, purpose: &Purpose, material: &[u8]) -> Option<Arc<T>> {
        self.buckets
            .get(&hash)?
            .iter()
            .find(|e| e.purpose == *purpose && e.material.as_slice() == material)
            .map(|e| Arc::clone(&e.value))
    }
}

/// The bytes `Hash` writes for a key's kind and purpose: an exact name for
/// them (derived `Hash` writes each enum's discriminant and fields, strings
/// with a terminator), kept without allocating.
#[derive(Clone, PartialEq, Eq)]
struct Purpose {
    bytes: [u8; PURPOSE_ROOM],
    len: usize,
    /// The name did not fit: it is not cached (the purposes in use are a
    /// few bytes long).
    overflowed: bool,
}

impl Purpose {
    fn of(value: &impl Hash) -> Purpose {
        let mut recorder = Purpose { bytes: [0; PURPOSE_ROOM], len: 0, overflowed: false };
        value.hash(&mut recorder);
        recorder
    }

    fn bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

impl Hasher for Purpose {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            if self.len < PURPOSE_ROOM {
                self.bytes[self.len] = b;
                self.len += 1;
            } else {
                self.overflowed = true;
            }
        }
    }

    fn finish(&self) -> u64 {
        0
    }
}

/// The bucket map's hasher: its keys are already SipHash values.
#[derive(Default)]
struct PassThrough(u64);

impl Hasher for PassThrough {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = value;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::KeyKind;

    fn key(material: &[u8]) -> KeyRef<'_> {
        KeyRef { kind: KeyKind::Aes, material }
    }

    #[test]
    fn each_key_and_purpose_has_its_own_entry() {
        let cache: KeyCache<Vec<u8>> = KeyCache::new();
        let a = cache.get_or_parse(key(b"key a"), "gcm", || Ok(b"A".to_vec())).expect("parses");
        let b = cache.get_or_parse(key(b"key b"), "gcm", || Ok(b"B".to_vec())).expect("parses");
        let a_other = cache.get_or_parse(key(b"key a"), "cbc", || Ok(b"A-cbc".to_vec())).expect("parses");
        assert_eq!((a.as_slice(), b.as_slice(), a_other.as_slice()), (&b"A"[..], &b"B"[..], &b"A-cbc"[..]));
        // A hit does not parse again.
        let again = cache
            .get_or_parse(key(b"key a"), "gcm", || -> Result<Vec<u8>, KmsError> { panic!("parsed twice") })
            .expect("cached");
        assert!(Arc::ptr_eq(&again, &a));
        assert_eq!(cache.len(), 3);
        // Another kind with the same bytes is another key.
        let public = cache
            .get_or_parse(KeyRef { kind: KeyKind::RsaPublic, material: b"key a" }, "gcm", || Ok(b"P".to_vec()))
            .expect("parses");
        assert_eq!(public.as_slice(), b"P");
    }

    #[test]
    fn a_full_cache_drops_entries_and_stays_bounded() {
        let cache: KeyCache<usize> = KeyCache::new();
        for i in 0..(CAPACITY * 3) {
            let material = i.to_be_bytes();
            let got = cache.get_or_parse(key(&material), "gcm", || Ok(i)).expect("parses");
            assert_eq!(*got, i);
        }
        assert!(cache.len() <= CAPACITY, "{}", cache.len());
        let last = (CAPACITY * 3 - 1).to_be_bytes();
        assert_eq!(*cache.get_or_parse(key(&last), "gcm", || Ok(0)).expect("cached"), CAPACITY * 3 - 1);
    }

    #[test]
    fn purposes_are_told_apart_exactly() {
        assert!(Purpose::of(&("sign", 1u8)) != Purpose::of(&("sign", 2u8)));
        assert!(Purpose::of(&"ab") != Purpose::of(&"a"));
        // A purpose too long to name exactly is never cached.
        let cache: KeyCache<u8> = KeyCache::new();
        let long = "x".repeat(PURPOSE_ROOM + 1);
        cache.get_or_parse(key(b"k"), long.as_str(), || Ok(1)).expect("parses");
        assert_eq!(*cache.get_or_parse(key(b"k"), long.as_str(), || Ok(2)).expect("parses again"), 2);
        assert_eq!(cache.len(), 0);
    }
}
