//! Root key providers: what protects the organisation keys (SPEC section
//! 3). A provider wraps and unwraps a 32-byte organisation key; it never
//! has to show its own key, so a PKCS#11 provider can do both inside a
//! token with a non-extractable key.
//!
//! [`SoftwareRootKey`] holds the 32 bytes in memory, from one of the
//! [`RootKeySource`]s: the environment (`KMS_ROOT_KEY`), a file
//! (`keys.root_key_file`), or the development file `DATA_DIR/root.key`.

use std::fmt;
use std::io::Write;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use zeroize::{Zeroize, Zeroizing};

use super::KeyError;
use crate::crypto::{Cipher, CipherParams, CryptoEngine, HashAlgorithm, KeyKind, KeyRef, MacAlgorithm, RootToken};
use crate::error::KmsError;

/// The length of a root key in bytes (AES-256).
pub const ROOT_KEY_LEN: usize = 32;

/// What a key check value is computed over (HMAC-SHA-256 under the root
/// key, first 8 bytes): it names a root key without revealing it.
const CHECK_VALUE_LABEL: &[u8] = b"kms root key check value v1";

/// A short public fingerprint of a root key: which key wrapped an
/// organisation key. Printed in upper-case hex.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct KeyCheckValue(pub [u8; 8]);

impl KeyCheckValue {
    /// Parses the hex form.
    pub fn parse(text: &str) -> Option<KeyCheckValue> {
        let bytes = hex::decode(text).ok()?;
        Some(KeyCheckValue(bytes.try_into().ok()?))
    }
}

impl fmt::Display for KeyCheckValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&hex::encode_upper(self.0))
    }
}

impl fmt::Debug for KeyCheckValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "KeyCheckValue({self})")
    }
}

/// A root key: wraps and unwraps organisation keys. Implementations keep
/// their key to themselves (a token's key never leaves the token).
pub trait RootKeyProvider: Send + Sync {
    /// Where the key comes from, for messages ("file /etc/kms/root.key").
    fn description(&self) -> String;

    /// The key's check value, recorded with everything it wraps.
    fn check_value(&self) -> KeyCheckValue;

    /// The file the key was read from, if any (recorded by a rotation so
    /// an interrupted one can be finished).
    fn source_file(&self) -> Option<&Path> {
        None
    }

    /// Wraps `key` (authenticated encryption; `aad` is bound to it).
    fn wrap(&self, key: &[u8], aad: &[u8]) -> Result<Vec<u8>, KeyError>;

    /// Unwraps what [`RootKeyProvider::wrap`] made with the same `aad`;
    /// fails if either was changed or the key is another one.
    fn unwrap(&self, wrapped: &[u8], aad: &[u8]) -> Result<Zeroizing<Vec<u8>>, KeyError>;
}

/// The 32 root key bytes. No `Clone`, a redacting `Debug`, zeroized on
/// drop (STYLE §6).
pub struct RootKey(Zeroizing<[u8; ROOT_KEY_LEN]>);

impl RootKey {
    /// A root key from its bytes.
    pub fn from_bytes(bytes: [u8; ROOT_KEY_LEN]) -> RootKey {
        RootKey(Zeroizing::new(bytes))
    }

    /// The key bytes.
    pub fn expose_secret(&self) -> &[u8; ROOT_KEY_LEN] {
        &self.0
    }

    /// A root key from its base64 text (surrounding white space ignored).
    pub fn from_base64(text: &[u8]) -> Result<RootKey, String> {
        let mut bytes = Zeroizing::new(
            BASE64.decode(text.trim_ascii()).map_err(|_| "expected 32 bytes in base64 (44 characters)".to_owned())?,
        );
        let key: [u8; ROOT_KEY_LEN] = bytes
            .as_slice()
            .try_into()
            .map_err(|_| format!("expected 32 bytes in base64, found {} bytes", bytes.len()))?;
        bytes.zeroize();
        Ok(RootKey::from_bytes(key))
    }

    /// Reads a root key file: 32 bytes in base64, surrounding white space
    /// ignored. A file others can read gets a warning in the log.
    pub fn read(path: &Path) -> Result<RootKey, KeyError> {
        let err = |message: String| KeyError::RootKeyFile { path: path.to_owned(), message };
        let text = Zeroizing::new(std::fs::read(path).map_err(|e| err(e.to_string()))?);
        if let Ok(meta) = std::fs::metadata(path)
            && meta.permissions().mode() & 0o077 != 0
        {
            tracing::warn!(path = %path.display(), "the root key file can be read by other users: chmod 600 it");
        }
        RootKey::from_base64(&text).map_err(err)
    }

    /// Writes the key to a new file (mode 0600) in base64; refuses to
    /// overwrite an existing file.
    pub fn write_new(&self, path: &Path) -> std::io::Result<()> {
        let mut text = Zeroizing::new(BASE64.encode(self.0.as_slice()));
        text.push('\n');
        let mut file = std::fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(path)?;
        file.write_all(text.as_bytes())?;
        file.sync_all()
    }
}

impl fmt::Debug for RootKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("RootKey(..)")
    }
}

/// Where a software root key comes from.
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum RootKeySource {
    /// A file outside the data directory (`keys.root_key_file`).
    File(PathBuf),
    /// An environment variable's base64 value (`KMS_ROOT_KEY`).
    Environment {
        /// The variable's name.
        name: String,
        /// Its value (base64).
        value: Zeroizing<String>,
    },
    /// The development key `DATA_DIR/root.key` (generated on first start).
    Development(PathBuf),
    /// A non-extractable AES-256 key in the PKCS#11 token (`[hsm]`), found
    /// by its label (`keys.root_key_label`); generated there on first use.
    Token(String),
}

impl fmt::Debug for RootKeySource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RootKeySource::File(path) => f.debug_tuple("File").field(path).finish(),
            RootKeySource::Environment { name, .. } => {
                f.debug_struct("Environment").field("name", name).finish_non_exhaustive()
            }
            RootKeySource::Development(path) => f.debug_tuple("Development").field(path).finish(),
            RootKeySource::Token(label) => f.debug_tuple("Token").field(label).finish(),
        }
    }
}

impl RootKeySource {
    /// Reads the key and makes a provider of it.
    pub fn load(&self, crypto: Arc<dyn CryptoEngine>) -> Result<Arc<dyn RootKeyProvider>, KeyError> {
        let (key, description, file) = match self {
            RootKeySource::Token(label) => return Ok(Arc::new(TokenRootKey::open(crypto.as_ref(), label)?)),
            RootKeySource::File(path) => (RootKey::read(path)?, format!("file {}", path.display()), Some(path)),
            RootKeySource::Development(path) => {
                (RootKey::read(path)?, format!("development file {}", path.display()), Some(path))
            }
            RootKeySource::Environment { name, value } => {
                let key = RootKey::from_base64(value.as_bytes())
                    .map_err(|message| KeyError::RootKeyVariable { name: name.clone(), message })?;
                (key, format!("environment variable {name}"), None)
            }
        };
        Ok(Arc::new(SoftwareRootKey::new(key, description, file.cloned(), crypto)?))
    }
}

/// A root key held in memory; wrapping is AES-256-GCM with a random
/// 96-bit nonce: `nonce ‖ ciphertext ‖ tag`.
pub struct SoftwareRootKey {
    key: RootKey,
    description: String,
    file: Option<PathBuf>,
    check_value: KeyCheckValue,
    crypto: Arc<dyn CryptoEngine>,
}

impl SoftwareRootKey {
    /// A provider of `key`, described as `description`.
    pub fn new(
        key: RootKey,
        description: String,
        file: Option<PathBuf>,
        crypto: Arc<dyn CryptoEngine>,
    ) -> Result<SoftwareRootKey, KeyError> {
        let mac = crypto
            .mac(
                KeyRef { kind: KeyKind::Hmac, material: key.expose_secret() },
                MacAlgorithm::Hmac(HashAlgorithm::Sha256),
                CHECK_VALUE_LABEL,
            )
            .map_err(|e| KeyError::Crypto(e.to_string()))?;
        let check_value = mac
            .get(..8)
            .and_then(|b| <[u8; 8]>::try_from(b).ok())
            .map(KeyCheckValue)
            .ok_or_else(|| KeyError::Crypto("HMAC-SHA-256 gave fewer than 8 bytes".into()))?;
        Ok(SoftwareRootKey { key, description, file, check_value, crypto })
    }

    /// A random key, kept in memory only (tests, in-memory stores).
    pub fn ephemeral(crypto: Arc<dyn CryptoEngine>) -> Result<SoftwareRootKey, KeyError> {
        let mut bytes = Zeroizing::new([0u8; ROOT_KEY_LEN]);
        crypto.random(bytes.as_mut_slice()).map_err(|e| KeyError::Crypto(e.to_string()))?;
        SoftwareRootKey::new(RootKey::from_bytes(*bytes), "an ephemeral in-memory key".into(), None, crypto)
    }
}

impl RootKeyProvider for SoftwareRootKey {
    fn description(&self) -> String {
        self.description.clone()
    }

    fn check_value(&self) -> KeyCheckValue {
        self.check_value
    }

    fn source_file(&self) -> Option<&Path> {
        self.file.as_deref()
    }

    fn wrap(&self, key: &[u8], aad: &[u8]) -> Result<Vec<u8>, KeyError> {
        seal(self.crypto.as_ref(), self.key.expose_secret(), key, aad)
    }

    fn unwrap(&self, wrapped: &[u8], aad: &[u8]) -> Result<Zeroizing<Vec<u8>>, KeyError> {
        open(self.crypto.as_ref(), self.key.expose_secret(), wrapped, aad)
    }
}

/// A root key inside a PKCS#11 token: wrapping and unwrapping run in the
/// token, and the key never leaves it (it is sensitive and not
/// extractable). The check value is the first 8 bytes of a fixed block
/// encrypted with it.
pub struct TokenRootKey {
    token: Arc<dyn RootToken>,
    label: String,
    check_value: KeyCheckValue,
}

impl TokenRootKey {
    /// The key labelled `label` in `crypto`'s token, generated there if the
    /// token has none (a new data dir; a typo on an existing one makes a
    /// key whose check value the data dir refuses).
    pub fn open(crypto: &dyn CryptoEngine, label: &str) -> Result<TokenRootKey, KeyError> {
        let err = |message: String| KeyError::RootKeyToken { label: label.to_owned(), message };
        let token = crypto
            .root_token()
            .ok_or_else(|| err("no PKCS#11 token is configured: set [hsm] token_label and its PIN".into()))?;
        let check = match token.root_check_value(label) {
            Ok(check) => check,
            Err(KmsError::Crypto(message)) if message.contains("holds no key labelled") => {
                token.root_generate(label).map_err(|e| err(format!("generating it: {e}")))?;
                tracing::warn!(
                    token = token.token_label(),
                    label,
                    "generated a new root key in the PKCS#11 token (there was none with this label)"
                );
                token.root_check_value(label).map_err(|e| err(e.to_string()))?
            }
            Err(e) => return Err(err(e.to_string())),
        };
        Ok(TokenRootKey { token, label: label.to_owned(), check_value: KeyCheckValue(check) })
    }
}

impl RootKeyProvider for TokenRootKey {
    fn description(&self) -> String {
        format!("PKCS#11 token {} key {:?}", self.token.token_label(), self.label)
    }

    fn check_value(&self) -> KeyCheckValue {
        self.check_value
    }

    fn wrap(&self, key: &[u8], aad: &[u8]) -> Result<Vec<u8>, KeyError> {
        self.token.root_wrap(&self.label, key, aad).map_err(|e| KeyError::Crypto(e.to_string()))
    }

    fn unwrap(&self, wrapped: &[u8], aad: &[u8]) -> Result<Zeroizing<Vec<u8>>, KeyError> {
        self.token.root_unwrap(&self.label, wrapped, aad).map_err(|e| KeyError::Crypto(e.to_string()))
    }
}

/// Length of the random nonce in front of a sealed value.
pub(super) const NONCE_LEN: usize = 12;
/// Length of the GCM tag at the end of a sealed value.
pub(super) const TAG_LEN: usize = 16;

/// AES-256-GCM under `key`: `nonce ‖ ciphertext ‖ tag`.
pub(super) fn seal(crypto: &dyn CryptoEngine, key: &[u8], plaintext: &[u8], aad: &[u8]) -> Result<Vec<u8>, KeyError> {
    let mut nonce = [0u8; NONCE_LEN];
    crypto.random(&mut nonce).map_err(|e| KeyError::Crypto(e.to_string()))?;
    let mut params = CipherParams::new(Cipher::AesGcm);
    params.iv = Some(&nonce);
    params.aad = aad;
    params.tag_len = TAG_LEN;
    let out = crypto
        .encrypt(KeyRef { kind: KeyKind::Aes, material: key }, &params, plaintext)
        .map_err(|e| KeyError::Crypto(e.to_string()))?;
    let tag = out.tag.ok_or_else(|| KeyError::Crypto("AES-GCM gave no tag".into()))?;
    let mut sealed = Vec::with_capacity(NONCE_LEN + out.data.len() + TAG_LEN);
    sealed.extend_from_slice(&nonce);
    sealed.extend_from_slice(&out.data);
    sealed.extend_from_slice(&tag);
    Ok(sealed)
}

/// Opens what [`seal`] made; [`KeyError::Unauthentic`] if anything
/// differs (key, data, AAD).
pub(super) fn open(
    crypto: &dyn CryptoEngine,
    key: &[u8],
    sealed: &[u8],
    aad: &[u8],
) -> Result<Zeroizing<Vec<u8>>, KeyError> {
    if sealed.len() < NONCE_LEN + TAG_LEN {
        return Err(KeyError::Unauthentic);
    }
    let (nonce, rest) = sealed.split_at(NONCE_LEN);
    let (data, tag) = rest.split_at(rest.len() - TAG_LEN);
    let mut params = CipherParams::new(Cipher::AesGcm);
    params.iv = Some(nonce);
    params.aad = aad;
    params.tag_len = TAG_LEN;
    crypto
        .decrypt(KeyRef { kind: KeyKind::Aes, material: key }, &params, data, Some(tag))
        .map_err(|_| KeyError::Unauthentic)
}
