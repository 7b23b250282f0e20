//! The conformance runner: replays the OASIS KMIP XML test cases against a
//! running server over mutual TLS on the binary port and compares each
//! response with the recorded one (see README.md for the rules).
//!
//! Layout: [`vectors`] reads test-case files, [`placeholder`] handles the
//! `$…` values, [`compare`] is the comparator (a pure function),
//! [`skip`] reads skip.toml, [`server_configs`] reads server-configs.toml
//! (files that need a server configured otherwise), [`needs`] scans a file
//! for features beyond the server's current scope, [`client`] is the TLS
//! connection and [`runner`] ties them together.

pub mod client;
pub mod compare;
pub mod needs;
pub mod placeholder;
pub mod runner;
pub mod server_configs;
pub mod skip;
pub mod vectors;
