//! Secrets: Infisical's model behind the HTTPS side listener (SPEC §5,
//! rest-contract.md §1.2–§1.7, §2; docs/secrets.md).
//!
//! - **Model.** Organisation (by name, as identities carry it) > project
//!   (id a UUID, slug unique in its organisation, environments `dev`,
//!   `staging`, `prod` by default) > environment > folders (`/`,
//!   `/database`, ...) > secrets (key = value, type `shared`) with every
//!   version kept, a comment, tags, metadata, Infisical's reminder fields
//!   and `skipMultilineEncoding`. Folders import the secrets of other
//!   folders or environments; values reference other secrets
//!   ([`references`]). Personal secrets are refused with a 400.
//! - **Access.** Project memberships give an identity (by key,
//!   `machine:NAME`) a [`Role`]: `viewer` reads, `member` also writes,
//!   `admin` also manages the project. Administrators of the configuration
//!   may do everything, and only they create projects. An identity without
//!   a membership gets the same 403 for a project, a folder or a secret
//!   whether or not it exists (and for a project that does not exist at
//!   all): it learns nothing.
//! - **Storage.** One meta record per project, folder, secret (all its
//!   versions), tag, import and membership ([`state`]); all of them are in
//!   memory, loaded on first use, so reads never touch the store. Every
//!   change is one atomic commit that carries its audit entry.
//! - **Encryption.** Values and comments are sealed with AES-256-GCM under
//!   the project organisation's key of the key hierarchy (itself wrapped by
//!   the root key, re-wrapped by root rotations), each bound by its
//!   additional data to the secret's id, the field and the version, so a
//!   sealed value cannot be moved to another secret or version.
//!   Decrypted values live in [`zeroize::Zeroizing`] buffers.
//! - **Audit.** Infisical's event names (`get-secrets`, `get-secret`,
//!   `create-secret`, `update-secret`, `delete-secret`, `create-folder`,
//!   ...), with its event fields as the record's `details`: key names,
//!   paths and versions, never a value. Reads go through the group commit
//!   ([`crate::audit::AuditLog`]); changes carry theirs in their commit.
//!
//! [`Secrets`] is the service: a view over [`crate::ops::Kms`] (store, key
//! hierarchy, audit, clock) and its [`SecretsState`].

pub mod model;
pub mod paths;
pub mod references;
mod service;
mod state;

use bytes::Bytes;

pub use self::model::Role;
pub use self::service::{
    FolderScope, ListQuery, MetadataFilter, ProjectRef, ProjectView, ReadOptions, SecretInput, SecretPatch, SecretScope,
};
pub use self::state::SecretsState;
use crate::audit::{Entry, OperationRecord};
use crate::keys::KeyError;
use crate::ops::Kms;
use crate::store::StoreError;

/// The value shown in place of a secret's when `viewSecretValue=false`
/// (Infisical's mask).
pub const HIDDEN_VALUE: &str = "<hidden-by-infisical>";

/// The environments a project gets when none are named.
pub const DEFAULT_ENVIRONMENTS: [(&str, &str); 3] =
    [("Development", "dev"), ("Staging", "staging"), ("Production", "prod")];

/// Why a secrets call failed; each maps to one HTTP status.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SecretsError {
    /// 400: the request is malformed or conflicts (a secret that exists).
    #[error("{0}")]
    Invalid(String),
    /// 403: no access (the same answer whether or not the thing exists).
    #[error("{0}")]
    Denied(String),
    /// 404: no such secret, folder, environment or version in a project the
    /// caller may read.
    #[error("{0}")]
    NotFound(String),
    /// 500: a stored record could not be read.
    #[error("corrupt secrets record: {0}")]
    Corrupt(String),
    /// 500: the store failed.
    #[error("store: {0}")]
    Store(#[from] StoreError),
    /// 500: sealing or opening a value failed.
    #[error("keys: {0}")]
    Keys(#[from] KeyError),
}

/// Who asks, for access decisions and the audit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    /// The identity's key (`machine:NAME`), or the operator's name.
    pub key: String,
    /// `machine`, `cert` or `admin` (the admin socket / offline CLI).
    pub kind: &'static str,
    /// The identity's organisation (project slugs are looked up there).
    pub organisation: Option<String>,
    /// An administrator: may do everything.
    pub admin: bool,
    /// Where the request came from (address and port, or `admin.sock`).
    pub source: Option<String>,
    /// The listener: `http`, or `admin`.
    pub channel: &'static str,
}

impl Actor {
    /// The operator on the admin socket (`admin.sock`) or running a command
    /// offline (`offline`): an administrator.
    pub fn operator(caller: &str, source: &str) -> Actor {
        Actor {
            key: caller.to_owned(),
            kind: "admin",
            organisation: None,
            admin: true,
            source: Some(source.to_owned()),
            channel: "admin",
        }
    }

    /// The audit entry of event `event` on project `project`.
    fn entry(&self, time: i64, event: &str, project: &str, details: serde_json::Value) -> Bytes {
        self.record(time, event, vec![project.to_owned()], "Success", details)
    }

    fn record(&self, time: i64, event: &str, objects: Vec<String>, result: &str, details: serde_json::Value) -> Bytes {
        Entry::Operation(OperationRecord {
            time,
            kind: self.kind.to_owned(),
            identity: self.key.clone(),
            source: self.source.clone(),
            channel: self.channel.to_owned(),
            operation: event.to_owned(),
            objects,
            result: result.to_owned(),
            details: Some(details),
        })
        .to_body()
    }
}

/// The secrets service (see the module docs).
#[derive(Clone, Copy)]
pub struct Secrets<'a> {
    kms: &'a Kms,
    state: &'a SecretsState,
}

impl std::fmt::Debug for Secrets<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Secrets").finish_non_exhaustive()
    }
}

impl<'a> Secrets<'a> {
    /// The service over `kms`'s store, keys and audit, with `state`.
    pub fn new(kms: &'a Kms, state: &'a SecretsState) -> Secrets<'a> {
        Secrets { kms, state }
    }
}

#[cfg(test)]
mod tests;
