//! The KMIP listener, the development PKI, the admin socket and the
//! `serve` / `init` / `cert` / `status` commands, against real components:
//! a real TLS client (tokio-rustls) on 127.0.0.1:0, each test with its own
//! temporary data dir. One test binary with submodules (STYLE §7).

mod access;
mod audit;
mod auth;
mod backup;
mod bench;
mod captures;
mod crash;
mod diskfull;
mod durability;
mod framing;
mod hostile;
mod hsm;
mod http;
mod keyrest;
mod keys;
mod lifecycle;
mod pki;
mod push;
mod revocation;
mod secrets;
mod support;
mod tls;
