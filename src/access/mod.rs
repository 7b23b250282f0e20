//! Identities and access control (SPEC section 4; docs/access.md).
//!
//! - **Identities.** One model for every listener: a kind (`cert`, named by
//!   a verified client certificate; `machine`, Universal Auth, see
//!   [`crate::auth`]), a name and an organisation ([`Identity`]). A certificate
//!   identity's key is its name as it is (the owner recorded on the
//!   objects it creates); a machine identity's is `machine:NAME`.
//! - **Owners and grants.** Every object has an owner, its creator. An
//!   owner grants [`Permission`]s on one object, on an Object Group, or on
//!   all of its objects ([`Scope`]) to another identity or to a group of
//!   identities named in the configuration ([`Grantee`]). Grants are meta
//!   records in the store (namespace [`GRANTS`]), which the object calls
//!   and Locate never see.
//! - **Administrators** are named in the configuration
//!   ([`AccessPolicy::admins`]) and may do everything.
//!
//! [`Access`] answers "may this identity do this to this object" for the
//! operations ([`AccessView::permits`]); it keeps every grant in memory,
//! indexed by grantee, loaded from the store on first use and changed only
//! through [`Access::change`], which commits before it updates the index.
//! The owner's own check is a string compare and never reaches here.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::sync::{Arc, PoisonError, RwLock, RwLockReadGuard};

use bytes::Bytes;
use kmip_ttlv::enums::Operation;
use serde::{Deserialize, Serialize};
use tokio::sync::{Mutex, OnceCell};
use zeroize::Zeroizing;

use crate::crypto::CryptoEngine;
use crate::store::{Store, StoreError, WriteBatch};

mod credentials;

pub use self::credentials::{DEFAULT_LEASE, MAX_LEASE, PASSWORDS};

/// The store namespace of grants.
pub const GRANTS: &str = "grants";
/// The store namespace of the identities seen or named.
pub const IDENTITIES: &str = "identities";
/// The key prefix that marks a machine identity.
pub const MACHINE_PREFIX: &str = "machine:";
/// The prefix that names a group of identities as a grantee.
pub const GROUP_PREFIX: &str = "group:";

/// What kind of identity (SPEC section 7).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum IdentityKind {
    /// Named by a verified client certificate (its subject CN, else its
    /// first SAN).
    Cert,
    /// A machine identity with Universal Auth (client id and secret).
    Machine,
}

impl fmt::Display for IdentityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            IdentityKind::Cert => "cert",
            IdentityKind::Machine => "machine",
        })
    }
}

/// An identity: its kind, name and organisation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Identity {
    /// Certificate or machine.
    pub kind: IdentityKind,
    /// The name (a certificate's CN, a machine identity's name).
    pub name: String,
    /// The organisation: from the configuration, else the certificate
    /// subject's O, else its OU.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
}

impl Identity {
    /// The identity's key: what objects record as their owner and grants
    /// name. A certificate identity's key is its name; a machine
    /// identity's is `machine:NAME`.
    pub fn key(&self) -> String {
        identity_key(self.kind, &self.name)
    }
}

/// The key of identity `name` of `kind` (see [`Identity::key`]).
pub fn identity_key(kind: IdentityKind, name: &str) -> String {
    match kind {
        IdentityKind::Cert => name.to_owned(),
        IdentityKind::Machine => format!("{MACHINE_PREFIX}{name}"),
    }
}

/// True if a client certificate's identity `name` may be used: the
/// machine-identity prefix is reserved, so a certificate cannot pass for a
/// machine identity.
pub fn valid_cert_name(name: &str) -> bool {
    !name.is_empty() && !name.starts_with(MACHINE_PREFIX) && !name.starts_with(GROUP_PREFIX)
}

macro_rules! permissions {
    ($($(#[$doc:meta])* $name:ident = $bit:expr, $text:literal;)*) => {
        /// One thing an identity may do with an object (docs/access.md has
        /// the table of KMIP operations each covers).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum Permission {
            $($(#[$doc])* $name,)*
        }

        impl Permission {
            /// Every permission, in documentation order.
            pub const ALL: &'static [Permission] = &[$(Permission::$name,)*];

            /// The name used on the command line and in JSON.
            pub fn name(self) -> &'static str {
                match self {
                    $(Permission::$name => $text,)*
                }
            }

            fn bit(self) -> u32 {
                match self {
                    $(Permission::$name => 1 << $bit,)*
                }
            }
        }
    };
}

permissions! {
    /// Get and Export: the object's value leaves the server (also Put,
    /// server-to-client).
    Get = 0, "get";
    /// Get Attributes and Get Attribute List (also Notify,
    /// server-to-client), and a Template's attributes lent to Create.
    GetAttributes = 1, "get-attributes";
    /// The object appears in Locate results.
    Locate = 2, "locate";
    /// Encrypt with the key; wrap another key with it (Get / Export with a
    /// Key Wrapping Specification).
    Encrypt = 3, "encrypt";
    /// Decrypt with the key.
    Decrypt = 4, "decrypt";
    /// Sign with the key; sign certificates with it (Certify, Re-certify).
    Sign = 5, "sign";
    /// Signature Verify with the key; Validate with the certificate.
    SignatureVerify = 6, "signature-verify";
    /// MAC and MAC Verify with the key.
    Mac = 7, "mac";
    /// Add, Modify, Delete, Set and Adjust Attribute.
    ModifyAttributes = 8, "modify-attributes";
    /// Activate.
    Activate = 9, "activate";
    /// Revoke.
    Revoke = 10, "revoke";
    /// Destroy.
    Destroy = 11, "destroy";
    /// Re-key, Re-key Key Pair and Re-certify (the replacement is owned by
    /// the object's owner).
    ReKey = 12, "rekey";
    /// Archive and Recover.
    Archive = 13, "archive";
    /// Derive Key from it, Create Split Key from it, Join Split Key with it.
    Derive = 14, "derive";
    /// Certify it (the key or request certified, the issuer certificate).
    Certify = 15, "certify";
    /// Check, Obtain Lease and Get Usage Allocation.
    Lease = 16, "lease";
}

impl Permission {
    /// The permission an operation needs on the object it names; None for
    /// operations that name no existing object (Create, Register, Query,
    /// ...): an object such an operation reads is then its owner's or an
    /// administrator's only, unless the operation asks for a permission of
    /// its own (a Template needs `get-attributes`).
    pub fn for_operation(operation: Operation) -> Option<Permission> {
        Some(match operation {
            Operation::GET | Operation::EXPORT => Permission::Get,
            Operation::GET_ATTRIBUTES | Operation::GET_ATTRIBUTE_LIST => Permission::GetAttributes,
            Operation::LOCATE => Permission::Locate,
            Operation::ENCRYPT => Permission::Encrypt,
            Operation::DECRYPT => Permission::Decrypt,
            Operation::SIGN => Permission::Sign,
            Operation::SIGNATURE_VERIFY | Operation::VALIDATE => Permission::SignatureVerify,
            Operation::MAC | Operation::MAC_VERIFY => Permission::Mac,
            Operation::ADD_ATTRIBUTE
            | Operation::MODIFY_ATTRIBUTE
            | Operation::DELETE_ATTRIBUTE
            | Operation::SET_ATTRIBUTE
            | Operation::ADJUST_ATTRIBUTE => Permission::ModifyAttributes,
            Operation::ACTIVATE => Permission::Activate,
            Operation::REVOKE => Permission::Revoke,
            Operation::DESTROY => Permission::Destroy,
            Operation::RE_KEY | Operation::RE_KEY_KEY_PAIR | Operation::RE_CERTIFY => Permission::ReKey,
            Operation::ARCHIVE | Operation::RECOVER => Permission::Archive,
            Operation::DERIVE_KEY | Operation::CREATE_SPLIT_KEY | Operation::JOIN_SPLIT_KEY => Permission::Derive,
            Operation::CERTIFY => Permission::Certify,
            Operation::CHECK | Operation::OBTAIN_LEASE | Operation::GET_USAGE_ALLOCATION => Permission::Lease,
            _ => return None,
        })
    }

    /// The permission named `name` (see [`Permission::name`]).
    pub fn parse(name: &str) -> Option<Permission> {
        let name = name.trim().to_ascii_lowercase().replace('_', "-");
        Permission::ALL.iter().copied().find(|p| p.name() == name)
    }
}

impl fmt::Display for Permission {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A set of [`Permission`]s.
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Permissions(u32);

impl Permissions {
    /// No permission.
    pub const NONE: Permissions = Permissions(0);

    /// Every permission.
    pub fn all() -> Permissions {
        Permission::ALL.iter().copied().collect()
    }

    /// True if `permission` is in the set.
    pub fn contains(self, permission: Permission) -> bool {
        self.0 & permission.bit() != 0
    }

    /// True if the set is empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The permissions in either set.
    pub fn union(self, other: Permissions) -> Permissions {
        Permissions(self.0 | other.0)
    }

    /// The permissions of `self` not in `other`.
    pub fn without(self, other: Permissions) -> Permissions {
        Permissions(self.0 & !other.0)
    }

    /// The permissions, in documentation order.
    pub fn iter(self) -> impl Iterator<Item = Permission> {
        Permission::ALL.iter().copied().filter(move |p| self.contains(*p))
    }

    /// Parses a comma-separated list of permission names; `all` is every
    /// permission.
    pub fn parse_list(text: &str) -> Result<Permissions, AccessError> {
        let mut set = Permissions::NONE;
        for name in text.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            if name.eq_ignore_ascii_case("all") {
                set = set.union(Permissions::all());
                continue;
            }
            let permission = Permission::parse(name).ok_or_else(|| {
                let known: Vec<&str> = Permission::ALL.iter().map(|p| p.name()).collect();
                AccessError::Invalid(format!("unknown operation {name:?} (known: all, {})", known.join(", ")))
            })?;
            set = set.union(permission.into());
        }
        if set.is_empty() {
            return Err(AccessError::Invalid("no operation given".into()));
        }
        Ok(set)
    }

    /// The names, comma-separated.
    pub fn names(self) -> Vec<&'static str> {
        self.iter().map(Permission::name).collect()
    }
}

impl From<Permission> for Permissions {
    fn from(permission: Permission) -> Permissions {
        Permissions(permission.bit())
    }
}

impl FromIterator<Permission> for Permissions {
    fn from_iter<I: IntoIterator<Item = Permission>>(iter: I) -> Permissions {
        iter.into_iter().fold(Permissions::NONE, |set, p| set.union(p.into()))
    }
}

impl fmt::Debug for Permissions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter().map(Permission::name)).finish()
    }
}

impl Serialize for Permissions {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter().map(Permission::name))
    }
}

impl<'de> Deserialize<'de> for Permissions {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Permissions, D::Error> {
        let names = Vec::<String>::deserialize(deserializer)?;
        names
            .iter()
            .map(|n| Permission::parse(n).ok_or_else(|| serde::de::Error::custom(format!("unknown permission {n:?}"))))
            .collect()
    }
}

/// Who a grant is to.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Grantee {
    /// One identity, by its key ([`Identity::key`]).
    Identity(String),
    /// A group of identities named in the configuration
    /// ([`AccessPolicy::groups`]).
    Group(String),
}

impl Grantee {
    /// Parses `NAME` or `cert:NAME` (a certificate identity),
    /// `machine:NAME` or `group:NAME`.
    pub fn parse(text: &str) -> Result<Grantee, AccessError> {
        let text = text.trim();
        let (grantee, name) = if let Some(name) = text.strip_prefix(GROUP_PREFIX) {
            (Grantee::Group(name.to_owned()), name)
        } else if let Some(name) = text.strip_prefix(MACHINE_PREFIX) {
            (Grantee::Identity(identity_key(IdentityKind::Machine, name)), name)
        } else {
            let name = text.strip_prefix("cert:").unwrap_or(text);
            (Grantee::Identity(name.to_owned()), name)
        };
        if name.is_empty() {
            return Err(AccessError::Invalid(format!("no identity named in {text:?}")));
        }
        Ok(grantee)
    }
}

impl fmt::Display for Grantee {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Grantee::Identity(key) => f.write_str(key),
            Grantee::Group(name) => write!(f, "{GROUP_PREFIX}{name}"),
        }
    }
}

impl Serialize for Grantee {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Grantee {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Grantee, D::Error> {
        let text = String::deserialize(deserializer)?;
        Grantee::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// What a grant covers: always objects of the grant's owner.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "name")]
pub enum Scope {
    /// One object, by Unique Identifier.
    Object(String),
    /// The owner's objects with this Object Group attribute.
    Group(String),
    /// Every object of the owner, present and future.
    AllMine,
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Scope::Object(id) => write!(f, "object {id}"),
            Scope::Group(group) => write!(f, "group {group}"),
            Scope::AllMine => f.write_str("all objects"),
        }
    }
}

/// A grant: `grantee` may do `permissions` to the objects of `owner` that
/// `scope` covers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Grant {
    /// The owner of the objects (the grantor).
    pub owner: String,
    /// Who may.
    pub grantee: Grantee,
    /// Which objects.
    pub scope: Scope,
    /// What they may do.
    pub permissions: Permissions,
}

impl Grant {
    /// The grant's key in the store: one record per (grantee, owner,
    /// scope), whose permissions grants add to and revocations take away.
    pub fn key(&self) -> String {
        let scope = match &self.scope {
            Scope::Object(id) => format!("object\u{1f}{id}"),
            Scope::Group(group) => format!("group\u{1f}{group}"),
            Scope::AllMine => "all".to_owned(),
        };
        format!("{}\u{1f}{}\u{1f}{scope}", self.grantee, self.owner)
    }
}

/// The access settings of the configuration (`[access]`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AccessPolicy {
    /// Identities (keys) that may do everything (`access.admins`).
    pub admins: BTreeSet<String>,
    /// Organisation per identity, over what its certificate says
    /// (`access.organisations`).
    pub organisations: BTreeMap<String, String>,
    /// Groups of identities that grants may name as `group:NAME`
    /// (`access.groups`).
    pub groups: BTreeMap<String, BTreeSet<String>>,
}

impl AccessPolicy {
    /// True if `identity` is an administrator.
    pub fn is_admin(&self, identity: &str) -> bool {
        self.admins.contains(identity)
    }

    /// The organisation of `identity`: the configured one, else what its
    /// certificate says (`from_certificate`).
    pub fn organisation(&self, identity: &str, from_certificate: Option<String>) -> Option<String> {
        self.organisations.get(identity).cloned().or(from_certificate)
    }
}

/// An identity as the store records it: seen on a connection (first and
/// last time, at most one write per identity and server run), or named by
/// a grant.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdentityRecord {
    /// The identity.
    #[serde(flatten)]
    pub identity: Identity,
    /// When it first connected (seconds since the epoch), if it did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_seen: Option<i64>,
}

/// Why an access change or query failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum AccessError {
    /// The request is not valid (unknown operation, missing argument).
    #[error("{0}")]
    Invalid(String),
    /// The object named does not exist.
    #[error("no object with identifier {0:?}")]
    NoSuchObject(String),
    /// The store failed.
    #[error("store: {0}")]
    Store(#[from] StoreError),
    /// A stored grant or identity could not be read.
    #[error("corrupt {namespace} record {key:?}: {reason}")]
    Corrupt {
        /// The namespace.
        namespace: &'static str,
        /// The record.
        key: String,
        /// What was wrong.
        reason: String,
    },
}

/// Grants and identities in memory, as the store holds them.
#[derive(Debug, Default)]
struct State {
    /// Every grant by its key.
    grants: BTreeMap<String, Arc<Grant>>,
    /// The grants of each grantee (identity key or `group:NAME`).
    by_grantee: HashMap<String, Vec<Arc<Grant>>>,
    /// The identities recorded, by key.
    identities: BTreeMap<String, IdentityRecord>,
    /// Password hashes (PHC strings) by identity key.
    passwords: HashMap<String, String>,
}

impl State {
    fn index(&mut self) {
        self.by_grantee.clear();
        for grant in self.grants.values() {
            self.by_grantee.entry(grant.grantee.to_string()).or_default().push(Arc::clone(grant));
        }
    }
}

/// Access control for one server: the policy from the configuration, and
/// the grants and identities of its store, cached.
pub struct Access {
    store: Arc<dyn Store>,
    crypto: Arc<dyn CryptoEngine>,
    policy: AccessPolicy,
    /// The group names each identity belongs to (from the policy).
    groups_of: HashMap<String, Vec<String>>,
    state: OnceCell<RwLock<State>>,
    /// Serialises changes (read, modify, commit, re-index).
    changes: Mutex<()>,
    /// Password checks that succeeded.
    verified: credentials::Verified,
    /// Login sessions.
    sessions: credentials::Sessions,
}

impl fmt::Debug for Access {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Access").field("policy", &self.policy).finish_non_exhaustive()
    }
}

/// A read view of the grants, for the checks of one message.
pub struct AccessView<'a> {
    access: &'a Access,
    state: RwLockReadGuard<'a, State>,
}

impl AccessView<'_> {
    /// True if `identity` may do `permission` to the object `object_id`
    /// of `owner`, in the Object Groups `groups`. The owner may do
    /// everything (callers compare that first: it needs no view), and so
    /// may an administrator; anyone else needs a grant of the owner's
    /// covering the object, to the identity or to one of its groups.
    pub fn permits<'g>(
        &self,
        identity: &str,
        owner: &str,
        object_id: &str,
        groups: impl Iterator<Item = &'g str> + Clone,
        permission: Permission,
    ) -> bool {
        if identity == owner || self.access.policy.is_admin(identity) {
            return true;
        }
        let covers = |grant: &Grant| {
            grant.owner == owner
                && grant.permissions.contains(permission)
                && match &grant.scope {
                    Scope::AllMine => true,
                    Scope::Object(id) => id == object_id,
                    Scope::Group(group) => groups.clone().any(|g| g == group),
                }
        };
        let mine = self.state.by_grantee.get(identity).is_some_and(|grants| grants.iter().any(|g| covers(g)));
        if mine {
            return true;
        }
        let Some(groups_of) = self.access.groups_of.get(identity) else { return false };
        groups_of.iter().any(|group| {
            self.state
                .by_grantee
                .get(&format!("{GROUP_PREFIX}{group}"))
                .is_some_and(|grants| grants.iter().any(|g| covers(g)))
        })
    }
}

/// A change of one grant: add or take away permissions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// Adds the permissions to the grant (creating it).
    Grant,
    /// Takes the permissions away (removing the grant when none is left).
    Revoke,
}

impl Access {
    /// Access control over `store` with `policy`; the store is read on
    /// first use.
    pub fn new(store: Arc<dyn Store>, crypto: Arc<dyn CryptoEngine>, policy: AccessPolicy) -> Access {
        let mut groups_of: HashMap<String, Vec<String>> = HashMap::new();
        for (group, members) in &policy.groups {
            for member in members {
                groups_of.entry(member.clone()).or_default().push(group.clone());
            }
        }
        Access {
            store,
            crypto,
            policy,
            groups_of,
            state: OnceCell::new(),
            changes: Mutex::new(()),
            verified: credentials::Verified::default(),
            sessions: credentials::Sessions::default(),
        }
    }

    /// The configured policy.
    pub fn policy(&self) -> &AccessPolicy {
        &self.policy
    }

    /// True if `identity` is an administrator.
    pub fn is_admin(&self, identity: &str) -> bool {
        self.policy.is_admin(identity)
    }

    async fn state(&self) -> Result<&RwLock<State>, AccessError> {
        self.state
            .get_or_try_init(|| async {
                let mut state = State::default();
                for (key, value) in self.store.meta(GRANTS).await? {
                    let grant: Grant = serde_json::from_slice(&value).map_err(|e| AccessError::Corrupt {
                        namespace: GRANTS,
                        key: key.clone(),
                        reason: e.to_string(),
                    })?;
                    state.grants.insert(key, Arc::new(grant));
                }
                for (key, value) in self.store.meta(IDENTITIES).await? {
                    let record: IdentityRecord = serde_json::from_slice(&value).map_err(|e| AccessError::Corrupt {
                        namespace: IDENTITIES,
                        key: key.clone(),
                        reason: e.to_string(),
                    })?;
                    state.identities.insert(key, record);
                }
                for (key, value) in self.store.meta(PASSWORDS).await? {
                    let phc = String::from_utf8(value.to_vec()).map_err(|e| AccessError::Corrupt {
                        namespace: PASSWORDS,
                        key: key.clone(),
                        reason: e.to_string(),
                    })?;
                    state.passwords.insert(key, phc);
                }
                state.index();
                Ok(RwLock::new(state))
            })
            .await
    }

    /// The rule (docs/access.md): may `identity` do `permission` to the
    /// object `object_id` of `owner`, in the Object Groups `groups`? The
    /// owner may do everything (a string compare, before anything else);
    /// with no permission named only an administrator may too; otherwise
    /// [`AccessView::permits`] decides. Every operation, Locate and the
    /// server-to-client requests ask this.
    pub async fn may<'g>(
        &self,
        identity: &str,
        owner: &str,
        object_id: &str,
        groups: impl Iterator<Item = &'g str> + Clone,
        permission: Option<Permission>,
    ) -> Result<bool, AccessError> {
        if identity == owner {
            return Ok(true);
        }
        let Some(permission) = permission else {
            return Ok(self.is_admin(identity));
        };
        Ok(self.view().await?.permits(identity, owner, object_id, groups, permission))
    }

    /// A view for checks; loads the grants on first use.
    pub async fn view(&self) -> Result<AccessView<'_>, AccessError> {
        let state = self.state().await?;
        // A panic under the write lock happens after a whole re-index or
        // not at all (see `change`): the state is consistent.
        Ok(AccessView { access: self, state: state.read().unwrap_or_else(PoisonError::into_inner) })
    }

    /// Every grant, ordered by key.
    pub async fn grants(&self) -> Result<Vec<Grant>, AccessError> {
        let view = self.view().await?;
        Ok(view.state.grants.values().map(|g| Grant::clone(g)).collect())
    }

    /// Adds (`Change::Grant`) or takes away (`Change::Revoke`) the
    /// permissions of `grant` to the stored grant of the same grantee,
    /// owner and scope; durable when it returns. The grant as it now is
    /// (no permissions: removed). A grantee identity not yet known is
    /// recorded.
    pub async fn change(&self, change: Change, grant: Grant) -> Result<Grant, AccessError> {
        if grant.permissions.is_empty() {
            return Err(AccessError::Invalid("no operation given".into()));
        }
        if let Grantee::Group(group) = &grant.grantee
            && !self.policy.groups.contains_key(group)
        {
            return Err(AccessError::Invalid(format!(
                "no group {group:?} in the configuration (access.groups; known: {})",
                self.policy.groups.keys().cloned().collect::<Vec<_>>().join(", ")
            )));
        }
        let _serial = self.changes.lock().await;
        let state = self.state().await?;
        let key = grant.key();
        let existing = state.read().unwrap_or_else(PoisonError::into_inner).grants.get(&key).cloned();
        let before = existing.map_or(Permissions::NONE, |g| g.permissions);
        let permissions = match change {
            Change::Grant => before.union(grant.permissions),
            Change::Revoke => before.without(grant.permissions),
        };
        let updated = Grant { permissions, ..grant };
        let mut batch = WriteBatch::new();
        if permissions.is_empty() {
            batch.delete_meta(GRANTS, key.clone());
        } else {
            let json = serde_json::to_vec(&updated).map_err(|e| AccessError::Invalid(e.to_string()))?;
            batch.put_meta(GRANTS, key.clone(), Bytes::from(json));
        }
        let new_identity = match (&updated.grantee, change) {
            (Grantee::Identity(name), Change::Grant)
                if !state.read().unwrap_or_else(PoisonError::into_inner).identities.contains_key(name) =>
            {
                let record = IdentityRecord { identity: identity_of_key(name, None), first_seen: None };
                let json = serde_json::to_vec(&record).map_err(|e| AccessError::Invalid(e.to_string()))?;
                batch.put_meta(IDENTITIES, name.clone(), Bytes::from(json));
                Some(record)
            }
            _ => None,
        };
        self.store.commit(batch).await?;
        let mut state = state.write().unwrap_or_else(PoisonError::into_inner);
        if permissions.is_empty() {
            state.grants.remove(&key);
        } else {
            state.grants.insert(key, Arc::new(updated.clone()));
        }
        if let Some(record) = new_identity {
            state.identities.insert(record.identity.key(), record);
        }
        state.index();
        Ok(updated)
    }

    /// Records that `identity` connected at `now`, once: a durable write
    /// only the first time an identity is seen, or when its organisation
    /// changed.
    pub async fn seen(&self, identity: &Identity, now: i64) -> Result<(), AccessError> {
        let key = identity.key();
        let state = self.state().await?;
        {
            let known = state.read().unwrap_or_else(PoisonError::into_inner);
            if known.identities.get(&key).is_some_and(|r| r.first_seen.is_some() && r.identity == *identity) {
                return Ok(());
            }
        }
        let _serial = self.changes.lock().await;
        let first_seen = state
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .identities
            .get(&key)
            .and_then(|r| r.first_seen)
            .or(Some(now));
        let record = IdentityRecord { identity: identity.clone(), first_seen };
        let json = serde_json::to_vec(&record).map_err(|e| AccessError::Invalid(e.to_string()))?;
        let mut batch = WriteBatch::new();
        batch.put_meta(IDENTITIES, key.clone(), Bytes::from(json));
        self.store.commit(batch).await?;
        state.write().unwrap_or_else(PoisonError::into_inner).identities.insert(key, record);
        Ok(())
    }

    /// Notes an identity another module recorded in [`IDENTITIES`] in its
    /// own commit (a machine identity created by [`crate::auth`]), so the
    /// cached list shows it without a reload.
    pub fn remember_identity(&self, record: IdentityRecord) {
        if let Some(state) = self.state.get() {
            let mut state = state.write().unwrap_or_else(PoisonError::into_inner);
            state.identities.insert(record.identity.key(), record);
        }
    }

    /// Every identity known: seen on a connection, named by a grant, or an
    /// administrator in the configuration; ordered by key.
    pub async fn identities(&self) -> Result<Vec<IdentityListing>, AccessError> {
        let view = self.view().await?;
        let mut out: BTreeMap<String, IdentityListing> = BTreeMap::new();
        for (key, record) in &view.state.identities {
            out.insert(
                key.clone(),
                IdentityListing {
                    identity: record.identity.clone(),
                    first_seen: record.first_seen,
                    admin: self.is_admin(key),
                    grants: 0,
                    password: view.state.passwords.contains_key(key),
                },
            );
        }
        for admin in &self.policy.admins {
            out.entry(admin.clone()).or_insert_with(|| IdentityListing {
                identity: identity_of_key(admin, self.policy.organisations.get(admin).cloned()),
                first_seen: None,
                admin: true,
                grants: 0,
                password: view.state.passwords.contains_key(admin),
            });
        }
        for grant in view.state.grants.values() {
            if let Grantee::Identity(key) = &grant.grantee
                && let Some(listing) = out.get_mut(key)
            {
                listing.grants += 1;
            }
        }
        Ok(out.into_values().collect())
    }
}

impl Access {
    /// Sets (or, with None, removes) the password of identity `identity`
    /// (its key): an argon2id hash in the store, durable when it returns.
    /// The identity is recorded if it is new.
    pub async fn set_password(&self, identity: &str, password: Option<Zeroizing<String>>) -> Result<(), AccessError> {
        if identity.is_empty() || identity.starts_with(GROUP_PREFIX) {
            return Err(AccessError::Invalid(format!("{identity:?} is not an identity")));
        }
        let phc = match password {
            Some(password) if password.is_empty() => return Err(AccessError::Invalid("empty password".into())),
            Some(password) => {
                let crypto = Arc::clone(&self.crypto);
                Some(
                    tokio::task::spawn_blocking(move || credentials::hash(crypto.as_ref(), password.as_bytes()))
                        .await
                        .map_err(|e| AccessError::Invalid(format!("hashing task: {e}")))??,
                )
            }
            None => None,
        };
        let _serial = self.changes.lock().await;
        let state = self.state().await?;
        let mut batch = WriteBatch::new();
        match &phc {
            Some(phc) => batch.put_meta(PASSWORDS, identity, Bytes::from(phc.clone())),
            None => batch.delete_meta(PASSWORDS, identity),
        };
        let known = state.read().unwrap_or_else(PoisonError::into_inner).identities.contains_key(identity);
        let record = (!known).then(|| IdentityRecord { identity: identity_of_key(identity, None), first_seen: None });
        if let Some(record) = &record {
            let json = serde_json::to_vec(record).map_err(|e| AccessError::Invalid(e.to_string()))?;
            batch.put_meta(IDENTITIES, identity, Bytes::from(json));
        }
        self.store.commit(batch).await?;
        let mut state = state.write().unwrap_or_else(PoisonError::into_inner);
        match phc {
            Some(phc) => state.passwords.insert(identity.to_owned(), phc),
            None => state.passwords.remove(identity),
        };
        if let Some(record) = record {
            state.identities.insert(identity.to_owned(), record);
        }
        drop(state);
        self.verified.forget(identity);
        Ok(())
    }

    /// True if `password` is `identity`'s password. An identity without
    /// one is checked against a dummy hash (same cost) and fails.
    pub async fn check_password(&self, identity: &str, password: &[u8]) -> Result<bool, AccessError> {
        let phc = {
            let state = self.state().await?;
            state.read().unwrap_or_else(PoisonError::into_inner).passwords.get(identity).cloned()
        };
        if phc.is_some() && self.verified.knows(self.crypto.as_ref(), identity, password) {
            return Ok(true);
        }
        let crypto = Arc::clone(&self.crypto);
        let secret = Zeroizing::new(password.to_vec());
        let has_password = phc.is_some();
        let ok = tokio::task::spawn_blocking(move || {
            let phc = phc.unwrap_or_else(|| credentials::dummy_hash(crypto.as_ref()).to_owned());
            credentials::verify(&phc, &secret) && has_password
        })
        .await
        .map_err(|e| AccessError::Invalid(format!("password check task: {e}")))?;
        if ok {
            self.verified.remember(self.crypto.as_ref(), identity, password);
        }
        Ok(ok)
    }

    /// True if `identity` has a password.
    pub async fn has_password(&self, identity: &str) -> Result<bool, AccessError> {
        let state = self.state().await?;
        Ok(state.read().unwrap_or_else(PoisonError::into_inner).passwords.contains_key(identity))
    }

    /// Opens a Login session for `identity`: a ticket value valid for
    /// `lease` seconds (at most [`MAX_LEASE`]) from `now`, and for
    /// `requests` requests if given.
    pub fn login(&self, identity: &str, now: i64, lease: i64, requests: Option<u32>) -> Result<Vec<u8>, AccessError> {
        self.sessions.open(self.crypto.as_ref(), identity, now, lease.clamp(1, MAX_LEASE), requests)
    }

    /// The identity of a Login ticket, counting one request against it;
    /// None if it is unknown, expired or used up.
    pub fn redeem_ticket(&self, ticket: &[u8], now: i64) -> Option<String> {
        self.sessions.redeem(ticket, now)
    }

    /// Ends `identity`'s session `ticket`; false if it holds no such
    /// session.
    pub fn logout(&self, ticket: &[u8], identity: &str) -> bool {
        self.sessions.close(ticket, identity)
    }
}

/// One line of `kms identity list`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdentityListing {
    /// The identity.
    #[serde(flatten)]
    pub identity: Identity,
    /// When it first connected, if it did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_seen: Option<i64>,
    /// True if the configuration names it an administrator.
    pub admin: bool,
    /// How many grants name it.
    pub grants: usize,
    /// True if it has a password (KMIP Credential Username and Password).
    #[serde(default)]
    pub password: bool,
}

/// The identity a key names (see [`Identity::key`]).
pub fn identity_of_key(key: &str, organisation: Option<String>) -> Identity {
    match key.strip_prefix(MACHINE_PREFIX) {
        Some(name) => Identity { kind: IdentityKind::Machine, name: name.to_owned(), organisation },
        None => Identity { kind: IdentityKind::Cert, name: key.to_owned(), organisation },
    }
}

#[cfg(test)]
mod tests;
