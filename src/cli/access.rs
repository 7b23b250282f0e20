//! `kms identity list`, `kms grant`, `kms revoke-grant` (SPEC section 7,
//! docs/access.md): through the admin socket while a server runs on the
//! data dir, on its store directly otherwise.

use std::future::Future;
use std::path::PathBuf;
use std::sync::Arc;

use clap::{Args, Subcommand};
use kms::access::Change;
use kms::admin::{self, access::GrantArgs};
use kms::clock::SystemClock;
use kms::config::{Config, Overrides};
use kms::ops::Kms;
use kms::server::{open_data_dir, record_offline, service_keys};
use serde_json::{Value, json};

use super::CliError;

#[derive(Debug, Subcommand)]
pub enum IdentityCommand {
    /// List every identity: certificate identities seen on a connection or
    /// named by a grant, administrators from the configuration; and the
    /// grants.
    List(ListArgs),
    /// Set the password of an identity, read from standard input (its
    /// first line), for KMIP Credentials (Username and Password); or remove
    /// it with --remove.
    Password(PasswordArgs),
    /// Create a machine identity with Universal Auth; prints JSON
    /// {"identityId","clientId","clientSecret"} (the secret is shown once).
    Create(super::machine::CreateArgs),
    /// Client secrets of a machine identity.
    #[command(subcommand)]
    Secret(super::machine::SecretCommand),
    /// Give a machine identity a role in a secrets project.
    Attach(super::secrets::AttachArgs),
}

#[derive(Debug, Args)]
pub struct PasswordArgs {
    #[command(flatten)]
    location: Location,
    /// The identity: NAME (a certificate identity) or machine:NAME.
    #[arg(long, value_name = "IDENTITY")]
    name: String,
    /// Remove the password instead.
    #[arg(long)]
    remove: bool,
}

/// Where the data dir is.
#[derive(Debug, Args)]
pub struct Location {
    /// The data directory [default: ./kms-data; config data_dir; KMS_DATA_DIR].
    #[arg(long, value_name = "DIR")]
    pub(super) data_dir: Option<PathBuf>,
    /// The config file (TOML); also KMS_CONFIG.
    #[arg(long, value_name = "FILE")]
    pub(super) config: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    location: Location,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

/// `kms grant` / `kms revoke-grant`.
#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("scope").required(true).args(["object", "group", "all_mine"])))]
pub struct GrantCommandArgs {
    #[command(flatten)]
    location: Location,
    /// Who: NAME or cert:NAME (a certificate identity), machine:NAME, group:NAME (access.groups).
    #[arg(long, value_name = "IDENTITY")]
    to: String,
    /// Comma-separated operations (get, get-attributes, locate, encrypt, decrypt, sign,
    /// signature-verify, mac, modify-attributes, activate, revoke, destroy, rekey, archive,
    /// derive, certify, lease) or all.
    #[arg(long, value_name = "OPS")]
    ops: String,
    /// One object, by Unique Identifier (granted for its owner).
    #[arg(long, value_name = "UID")]
    object: Option<String>,
    /// The owner's objects in this Object Group.
    #[arg(long, value_name = "NAME")]
    group: Option<String>,
    /// Every object of the owner, present and future.
    #[arg(long)]
    all_mine: bool,
    /// The owner whose objects are granted (required with --group and --all-mine).
    #[arg(long = "as", value_name = "OWNER")]
    owner: Option<String>,
    /// Print the resulting grant as JSON.
    #[arg(long)]
    json: bool,
}

pub fn identity(command: IdentityCommand) -> Result<(), CliError> {
    match command {
        IdentityCommand::List(args) => list(args),
        IdentityCommand::Password(args) => password(args),
        IdentityCommand::Create(args) => super::machine::create(args),
        IdentityCommand::Secret(command) => super::machine::secret(command),
        IdentityCommand::Attach(args) => super::secrets::attach(args),
    }
}

fn password(args: PasswordArgs) -> Result<(), CliError> {
    let config = load(&args.location)?;
    let secret = if args.remove {
        None
    } else {
        let mut line = zeroize::Zeroizing::new(String::new());
        std::io::stdin().read_line(&mut line).map_err(|source| CliError::Io { path: "-".into(), source })?;
        let password = line.trim_end_matches(['\n', '\r']).to_owned();
        if password.is_empty() {
            return Err(CliError::Input("no password on standard input".into()));
        }
        Some(password)
    };
    let request = json!({"command": "set-password", "identity": args.name, "password": secret});
    let name = args.name.clone();
    let result =
        run(&config, &request, |kms| async move { admin::access::set_password(&kms, &name, secret.clone()).await })?;
    let identity = text(&result["identity"]);
    if result["password"].as_bool() == Some(true) {
        println!("password set for {identity}");
    } else {
        println!("password removed for {identity}");
    }
    Ok(())
}

pub fn grant(args: GrantCommandArgs, change: Change) -> Result<(), CliError> {
    let config = load(&args.location)?;
    let json = args.json;
    let request = GrantArgs {
        to: args.to,
        ops: args.ops,
        object: args.object,
        group: args.group,
        all_mine: args.all_mine,
        owner: args.owner,
    };
    let command = match change {
        Change::Grant => "grant",
        Change::Revoke => "revoke-grant",
    };
    let mut line = serde_json::to_value(&request).map_err(CliError::failed)?;
    line["command"] = json!(command);
    let result = run(&config, &line, |kms| async move { admin::access::change_grant(&kms, change, &request).await })?;
    if json {
        println!("{result}");
        return Ok(());
    }
    let permissions = names(&result["permissions"]);
    let scope = match (result["scope"]["kind"].as_str(), result["scope"]["name"].as_str()) {
        (Some("object"), Some(id)) => format!("object {id}"),
        (Some("group"), Some(group)) => format!("Object Group {group:?}"),
        _ => "all objects".to_owned(),
    };
    let (grantee, owner) = (text(&result["grantee"]), text(&result["owner"]));
    if permissions.is_empty() {
        println!("{grantee} has no grant left on {owner}'s {scope}");
    } else {
        println!("{grantee} may now do {permissions} on {owner}'s {scope}");
    }
    Ok(())
}

fn list(args: ListArgs) -> Result<(), CliError> {
    let config = load(&args.location)?;
    let result =
        run(
            &config,
            &json!({"command": "identity-list"}),
            |kms| async move { admin::access::identity_list(&kms).await },
        )?;
    if args.json {
        println!("{result}");
        return Ok(());
    }
    let yes = |value: &Value| if value.as_bool() == Some(true) { "yes" } else { "no" };
    println!(
        "{:<8} {:<32} {:<24} {:<6} {:<9} {:>6}  first seen",
        "kind", "name", "organisation", "admin", "password", "grants"
    );
    for identity in result["identities"].as_array().into_iter().flatten() {
        println!(
            "{:<8} {:<32} {:<24} {:<6} {:<9} {:>6}  {}",
            text(&identity["kind"]),
            text(&identity["name"]),
            identity["organisation"].as_str().unwrap_or("-"),
            yes(&identity["admin"]),
            yes(&identity["password"]),
            identity["grants"],
            identity["first_seen"].as_i64().map_or("never".to_owned(), |t| format!("{t} (Unix time)")),
        );
    }
    let grants = result["grants"].as_array().cloned().unwrap_or_default();
    if !grants.is_empty() {
        println!("\ngrants:");
    }
    for grant in grants {
        let scope = match (grant["scope"]["kind"].as_str(), grant["scope"]["name"].as_str()) {
            (Some("object"), Some(id)) => format!("object {id}"),
            (Some("group"), Some(group)) => format!("group {group}"),
            _ => "all".to_owned(),
        };
        println!(
            "  {} -> {}  on {}'s {}: {}",
            text(&grant["owner"]),
            text(&grant["grantee"]),
            text(&grant["owner"]),
            scope,
            names(&grant["permissions"])
        );
    }
    Ok(())
}

pub(super) fn load(location: &Location) -> Result<Config, CliError> {
    let overrides =
        Overrides { config_file: location.config.clone(), data_dir: location.data_dir.clone(), ..Overrides::default() };
    Config::load(&overrides).map_err(CliError::failed)
}

/// Sends `request` to the server running on the data dir, or, when none
/// runs, opens its store and runs `direct` on it.
pub(super) fn run<F, Fut>(config: &Config, request: &Value, direct: F) -> Result<Value, CliError>
where
    F: FnOnce(Arc<Kms>) -> Fut,
    Fut: Future<Output = Result<Value, String>>,
{
    if admin::running_server(&config.data_dir).is_some() {
        return admin::request(&config.data_dir, request).map_err(CliError::failed);
    }
    let store_dir = config.data_dir.join("store");
    if !config.data_dir.exists() {
        return Err(CliError::Failed(format!("no data dir at {}", config.data_dir.display())));
    }
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| CliError::Failed(format!("starting the runtime: {e}")))?;
    runtime.block_on(async {
        if !store_dir.exists() {
            return Err(CliError::Failed(format!("no store at {}", store_dir.display())));
        }
        // The data dir's own key hierarchy (its records are sealed) and
        // audit chain: the change is recorded as the admin socket would.
        let (store, keys, crypto) = open_data_dir(config).await.map_err(CliError::failed)?;
        let (sealer, _) = service_keys(&keys, store.as_ref(), crypto.clone()).await.map_err(CliError::failed)?;
        let sealer = Arc::new(sealer);
        let kms = Kms::with_keys(store.clone(), Arc::new(SystemClock), crypto, config.ops_config(), Arc::new(keys));
        let result = direct(Arc::new(kms)).await;
        record_offline(&store, sealer, &config.data_dir, request, result.is_ok()).await;
        result.map_err(CliError::Failed)
    })
}

fn text(value: &Value) -> String {
    value.as_str().map_or_else(|| value.to_string(), str::to_owned)
}

fn names(value: &Value) -> String {
    value.as_array().into_iter().flatten().filter_map(Value::as_str).collect::<Vec<_>>().join(", ")
}
