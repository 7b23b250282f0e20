//! The access commands (`kms identity list`, `kms grant`, `kms revoke-grant`),
//! as the admin socket runs them and as the CLI runs them on a store it
//! opened itself when no server runs: one implementation, over a [`Kms`].
//!
//! The admin socket (and the data dir, when no server runs) is
//! administrator-level access: whoever can use it acts for any owner. The
//! grantor of a grant is the owner of the objects it covers: for
//! `--object UID` the object's owner (`--as`, if given, must name it), for
//! `--group` and `--all-mine` the identity `--as` names (required).

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use zeroize::Zeroizing;

use crate::access::{Change, Grant, Grantee, Permissions, Scope};
use crate::ops::Kms;

/// The arguments of `grant` and `revoke-grant`, as the socket carries them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GrantArgs {
    /// The grantee: `NAME`, `cert:NAME`, `machine:NAME` or `group:NAME`.
    pub to: String,
    /// Comma-separated permission names, or `all`.
    pub ops: String,
    /// One object, by Unique Identifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    /// The owner's objects in this Object Group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// Every object of the owner.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub all_mine: bool,
    /// The owner the grant is made for.
    #[serde(default, rename = "as", skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
}

/// Applies a grant (`Change::Grant`) or takes it back (`Change::Revoke`);
/// the grant as it now is, as JSON.
pub async fn change_grant(kms: &Kms, change: Change, args: &GrantArgs) -> Result<Value, String> {
    let permissions = Permissions::parse_list(&args.ops).map_err(|e| e.to_string())?;
    let grantee = Grantee::parse(&args.to).map_err(|e| e.to_string())?;
    let scopes = usize::from(args.object.is_some()) + usize::from(args.group.is_some()) + usize::from(args.all_mine);
    if scopes != 1 {
        return Err("name exactly one of --object UID, --group NAME, --all-mine".into());
    }
    let (scope, owner) = if let Some(id) = &args.object {
        let owner = kms.owner_of(id).await.map_err(|e| e.to_string())?;
        let Some(owner) = owner else {
            // Taking back a grant on an object destroyed and gone is fine.
            if change == Change::Revoke
                && let Some(owner) = &args.owner
            {
                return apply(
                    kms,
                    change,
                    Grant { owner: owner.clone(), grantee, scope: Scope::Object(id.clone()), permissions },
                )
                .await;
            }
            return Err(format!("no object with identifier {id:?}"));
        };
        if let Some(claimed) = &args.owner
            && *claimed != owner
        {
            return Err(format!("object {id} is owned by {owner:?}, not {claimed:?}"));
        }
        (Scope::Object(id.clone()), owner)
    } else {
        let Some(owner) = args.owner.clone().filter(|o| !o.trim().is_empty()) else {
            return Err("--as OWNER is required with --group and --all-mine: whose objects are granted".into());
        };
        let scope = match &args.group {
            Some(group) if group.is_empty() => return Err("--group needs a name".into()),
            Some(group) => Scope::Group(group.clone()),
            None => Scope::AllMine,
        };
        (scope, owner)
    };
    if grantee == Grantee::Identity(owner.clone()) {
        return Err(format!("{owner:?} owns these objects already"));
    }
    apply(kms, change, Grant { owner, grantee, scope, permissions }).await
}

async fn apply(kms: &Kms, change: Change, grant: Grant) -> Result<Value, String> {
    let grant = kms.access().change(change, grant).await.map_err(|e| e.to_string())?;
    serde_json::to_value(&grant).map_err(|e| e.to_string())
}

/// Every identity known (seen on a connection, named by a grant, or an
/// administrator), with every grant, as JSON.
pub async fn identity_list(kms: &Kms) -> Result<Value, String> {
    let identities = kms.access().identities().await.map_err(|e| e.to_string())?;
    let grants = kms.access().grants().await.map_err(|e| e.to_string())?;
    Ok(json!({ "identities": identities, "grants": grants }))
}

/// Sets (`Some`) or removes (`None`) the password of identity `identity`.
pub async fn set_password(kms: &Kms, identity: &str, password: Option<String>) -> Result<Value, String> {
    let identity = match Grantee::parse(identity).map_err(|e| e.to_string())? {
        Grantee::Identity(key) => key,
        Grantee::Group(_) => return Err("a group has no password".into()),
    };
    let set = password.is_some();
    kms.access().set_password(&identity, password.map(Zeroizing::new)).await.map_err(|e| e.to_string())?;
    Ok(json!({"identity": identity, "password": set}))
}
