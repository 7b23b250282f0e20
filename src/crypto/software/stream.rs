//! Streaming encryption (KMIP Init Indicator ... Final Indicator): AES-GCM
//! that gives ciphertext as the data arrives (NIST SP 800-38D, any IV
//! length: GHASH from RustCrypto's `ghash`, the counter mode on `aes`), and
//! a buffering stream for the other ciphers, which encrypts at the end.

use aes::cipher::generic_array::GenericArray;
use aes::cipher::{BlockEncrypt, KeyInit};
use ghash::GHash;
use ghash::universal_hash::UniversalHash;
use zeroize::Zeroizing;

use super::super::{Cipher, CipherParams, EncryptStream, KeyRef, Padding};
use crate::error::KmsError;

/// A stream for `params` (IV already chosen by the caller).
pub(super) fn open(key: KeyRef<'_>, params: &CipherParams<'_>, iv: &[u8]) -> Result<Box<dyn EncryptStream>, KmsError> {
    if params.cipher == Cipher::AesGcm {
        return Ok(Box::new(GcmStream::new(key.material, iv, params.aad, params.tag_len)?));
    }
    if matches!(params.cipher, Cipher::RsaOaep(_) | Cipher::RsaOaepMgf { .. } | Cipher::RsaPkcs1v15) {
        return Err(KmsError::InvalidField("RSA encryption takes one message, not a stream".into()));
    }
    Ok(Box::new(Buffered {
        material: Zeroizing::new(key.material.to_vec()),
        cipher: params.cipher,
        padding: params.padding,
        iv: iv.to_vec(),
        aad: params.aad.to_vec(),
        tag_len: params.tag_len,
        label: params.label.to_vec(),
        data: Zeroizing::new(Vec::new()),
    }))
}

/// AES-GCM in one piece with an IV of any length (aws-lc-rs takes 96-bit
/// IVs only): the ciphertext and the full 16-byte tag.
pub(super) fn gcm_seal_any_iv(key: &[u8], iv: &[u8], aad: &[u8], data: &[u8]) -> Result<(Vec<u8>, [u8; 16]), KmsError> {
    let mut stream = Box::new(GcmStream::new(key, iv, aad, 16)?);
    let out = stream.update(data)?;
    let (_, tag) = stream.finish()?;
    let mut full = [0u8; 16];
    full.copy_from_slice(&tag.unwrap_or_default());
    Ok((out, full))
}

/// The AES key schedule, for each key size.
enum Aes {
    A128(aes::Aes128),
    A192(aes::Aes192),
    A256(aes::Aes256),
}

impl Aes {
    fn new(key: &[u8]) -> Result<Aes, KmsError> {
        let bad = |_| KmsError::InvalidField("the key is not a valid AES key".into());
        Ok(match key.len() {
            16 => Aes::A128(aes::Aes128::new_from_slice(key).map_err(bad)?),
            24 => Aes::A192(aes::Aes192::new_from_slice(key).map_err(bad)?),
            32 => Aes::A256(aes::Aes256::new_from_slice(key).map_err(bad)?),
            n => return Err(KmsError::InvalidField(format!("an AES key has 16, 24 or 32 bytes, not {n}"))),
        })
    }

    fn encrypt(&self, block: &mut [u8; 16]) {
        let b = GenericArray::from_mut_slice(block);
        match self {
            Aes::A128(k) => k.encrypt_block(b),
            Aes::A192(k) => k.encrypt_block(b),
            Aes::A256(k) => k.encrypt_block(b),
        }
    }
}

/// AES-GCM in pieces.
struct GcmStream {
    aes: Aes,
    ghash: GHash,
    /// E(K, J0), for the tag.
    tag_mask: [u8; 16],
    /// The next counter block.
    counter: [u8; 16],
    /// Unused keystream bytes of the last counter block.
    keystream: [u8; 16],
    keystream_used: usize,
    /// Ciphertext not yet a whole GHASH block.
    pending: Vec<u8>,
    aad_len: u64,
    data_len: u64,
    tag_len: usize,
}

impl GcmStream {
    fn new(key: &[u8], iv: &[u8], aad: &[u8], tag_len: usize) -> Result<GcmStream, KmsError> {
        if !(12..=16).contains(&tag_len) {
            return Err(KmsError::Policy(format!("an authentication tag has 12 to 16 bytes, not {tag_len}")));
        }
        if iv.is_empty() {
            return Err(KmsError::InvalidField("an AES-GCM IV may not be empty".into()));
        }
        let aes = Aes::new(key)?;
        let mut h = [0u8; 16];
        aes.encrypt(&mut h);
        let j0: [u8; 16] = if iv.len() == 12 {
            let mut j0 = [0u8; 16];
            j0[..12].copy_from_slice(iv);
            j0[15] = 1;
            j0
        } else {
            // SP 800-38D §7.1 step 2: J0 = GHASH(IV || 0^(s+64) || [len(IV)]_64).
            let mut g = GHash::new(GenericArray::from_slice(&h));
            g.update_padded(iv);
            let mut lengths = [0u8; 16];
            lengths[8..].copy_from_slice(&((iv.len() as u64) * 8).to_be_bytes());
            g.update(&[GenericArray::clone_from_slice(&lengths)]);
            g.finalize().into()
        };
        let mut tag_mask = j0;
        aes.encrypt(&mut tag_mask);
        let mut ghash = GHash::new(GenericArray::from_slice(&h));
        ghash.update_padded(aad);
        let mut counter = j0;
        increment(&mut counter);
        Ok(GcmStream {
            aes,
            ghash,
            tag_mask,
            counter,
            keystream: [0; 16],
            keystream_used: 16,
            pending: Vec::with_capacity(16),
            aad_len: aad.len() as u64,
            data_len: 0,
            tag_len,
        })
    }

    fn absorb(&mut self, ciphertext: &[u8]) {
        self.pending.extend_from_slice(ciphertext);
        let whole = self.pending.len() / 16 * 16;
        if whole > 0 {
            let blocks: Vec<_> = self.pending[..whole].chunks_exact(16).map(GenericArray::clone_from_slice).collect();
            self.ghash.update(&blocks);
            self.pending.drain(..whole);
        }
    }
}

/// inc32 (SP 800-38D §6.2): the last 32 bits, modulo 2^32.
fn increment(counter: &mut [u8; 16]) {
    let mut last = [0u8; 4];
    last.copy_from_slice(&counter[12..]);
    counter[12..].copy_from_slice(&u32::from_be_bytes(last).wrapping_add(1).to_be_bytes());
}

impl EncryptStream for GcmStream {
    fn update(&mut self, data: &[u8]) -> Result<Vec<u8>, KmsError> {
        let mut out = data.to_vec();
        for byte in &mut out {
            if self.keystream_used == 16 {
                self.keystream = self.counter;
                self.aes.encrypt(&mut self.keystream);
                increment(&mut self.counter);
                self.keystream_used = 0;
            }
            *byte ^= self.keystream[self.keystream_used];
            self.keystream_used += 1;
        }
        self.data_len += data.len() as u64;
        self.absorb(&out);
        Ok(out)
    }

    fn finish(mut self: Box<Self>) -> Result<(Vec<u8>, Option<Vec<u8>>), KmsError> {
        let pending = std::mem::take(&mut self.pending);
        self.ghash.update_padded(&pending);
        let mut lengths = [0u8; 16];
        lengths[..8].copy_from_slice(&(self.aad_len * 8).to_be_bytes());
        lengths[8..].copy_from_slice(&(self.data_len * 8).to_be_bytes());
        self.ghash.update(&[GenericArray::clone_from_slice(&lengths)]);
        let s: [u8; 16] = self.ghash.finalize().into();
        let tag: Vec<u8> = s.iter().zip(&self.tag_mask).map(|(a, b)| a ^ b).take(self.tag_len).collect();
        Ok((Vec::new(), Some(tag)))
    }
}

/// Any other cipher: the data is kept (zeroized on drop) and encrypted at
/// the end, in one piece.
struct Buffered {
    material: Zeroizing<Vec<u8>>,
    cipher: Cipher,
    padding: Padding,
    iv: Vec<u8>,
    aad: Vec<u8>,
    tag_len: usize,
    label: Vec<u8>,
    data: Zeroizing<Vec<u8>>,
}

impl EncryptStream for Buffered {
    fn update(&mut self, data: &[u8]) -> Result<Vec<u8>, KmsError> {
        self.data.extend_from_slice(data);
        Ok(Vec::new())
    }

    fn finish(self: Box<Self>) -> Result<(Vec<u8>, Option<Vec<u8>>), KmsError> {
        let mut params = CipherParams::new(self.cipher);
        params.padding = self.padding;
        params.aad = &self.aad;
        params.tag_len = self.tag_len;
        params.label = &self.label;
        super::symmetric::encrypt(&self.material, &params, &self.iv, &self.data, None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The McGrew-Viega GCM test case 5 (64-bit IV) in pieces of odd sizes
    /// gives the one-shot ciphertext and tag.
    #[test]
    fn gcm_in_pieces_equals_one_shot() {
        let key = hex::decode("feffe9928665731c6d6a8f9467308308").expect("hex");
        let iv = hex::decode("cafebabefacedbad").expect("hex");
        let aad = hex::decode("feedfacedeadbeeffeedfacedeadbeefabaddad2").expect("hex");
        let pt = hex::decode("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39").expect("hex");
        for cut in [0, 1, 15, 16, 17, 32, 33, pt.len()] {
            let mut stream = GcmStream::new(&key, &iv, &aad, 16).expect("opens");
            let mut out = stream.update(&pt[..cut]).expect("first");
            out.extend(stream.update(&pt[cut..]).expect("second"));
            let (rest, tag) = Box::new(stream).finish().expect("finishes");
            out.extend(rest);
            assert_eq!(
                hex::encode(&out),
                "61353b4c2806934a777ff51fa22a4755699b2a714fcdc6f83766e5f97b6c742373806900e49f24b22b097544d4896b424989b5e1ebac0f07c23f4598"
            );
            assert_eq!(hex::encode(tag.expect("a tag")), "3612d2e79e3b0785561be14aaca2fccb");
        }
    }
}
