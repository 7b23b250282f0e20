//! `kms identity create` and `kms identity secret create` (SPEC section 7,
//! docs/auth.md): machine identities with Universal Auth, through the
//! admin socket while a server runs on the data dir, on its store directly
//! otherwise (recorded in the audit chain either way).

use std::sync::Arc;

use clap::{Args, Subcommand};
use kms::admin;
use kms::auth::{Actor, Auth};
use serde_json::json;

use super::CliError;
use super::access::{Location, load, run};

#[derive(Debug, Args)]
pub struct CreateArgs {
    #[command(flatten)]
    location: Location,
    /// The identity's name (its identity key is machine:NAME).
    #[arg(long, value_name = "NAME")]
    name: String,
    /// Its organisation.
    #[arg(long, value_name = "ORG")]
    org: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum SecretCommand {
    /// Create one more client secret; prints JSON
    /// {"identityId","clientId","clientSecretId","clientSecret"}.
    Create(SecretArgs),
}

#[derive(Debug, Args)]
pub struct SecretArgs {
    #[command(flatten)]
    location: Location,
    /// The identity's name (or id).
    #[arg(long, value_name = "NAME")]
    name: String,
    /// What the secret is for.
    #[arg(long, default_value = "")]
    description: String,
    /// Seconds the secret may be used after its creation (0: forever).
    #[arg(long, default_value_t = 0)]
    ttl: u64,
    /// Logins it may make (0: unlimited).
    #[arg(long, default_value_t = 0)]
    num_uses_limit: u64,
}

pub fn create(args: CreateArgs) -> Result<(), CliError> {
    let config = load(&args.location)?;
    let request = json!({"command": "identity-create", "identity": args.name, "org": args.org});
    let settings = config.auth;
    let line = request.clone();
    let result = run(&config, &request, |kms| async move {
        let auth = Auth::new(kms, settings);
        admin::machine::create(&auth, &line, &offline_actor()).await
    })?;
    println!("{result}");
    Ok(())
}

pub fn secret(command: SecretCommand) -> Result<(), CliError> {
    let SecretCommand::Create(args) = command;
    let config = load(&args.location)?;
    let request = json!({
        "command": "identity-secret-create",
        "identity": args.name,
        "description": args.description,
        "ttl": args.ttl,
        "num_uses_limit": args.num_uses_limit,
    });
    let settings = config.auth;
    let line = request.clone();
    let result = run(&config, &request, |kms| async move {
        let auth = Auth::new(Arc::clone(&kms), settings);
        admin::machine::create_secret(&auth, &line, &offline_actor()).await
    })?;
    println!("{result}");
    Ok(())
}

fn offline_actor() -> Actor {
    Actor::admin("offline", "offline")
}
