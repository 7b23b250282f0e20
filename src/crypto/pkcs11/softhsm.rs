//! A SoftHSM2 token for tests, in a temporary directory. SoftHSM2 reads its
//! configuration (`SOFTHSM2_CONF`) when the library is initialised, once per
//! process, and this crate cannot change its own environment (no unsafe
//! code), so a test that uses the token runs in a child process: the parent
//! makes the token, then runs one `#[ignore]`d test of its own binary with
//! `SOFTHSM2_CONF` and the token's label and PIN in the child's environment.

use std::path::PathBuf;
use std::process::Command;

use zeroize::Zeroizing;

use super::{DEFAULT_LIBRARY, Pkcs11Settings, Pkcs11Token};

/// The token label the child finds in `KMS_TEST_HSM_LABEL`.
pub(crate) const LABEL_VAR: &str = "KMS_TEST_HSM_LABEL";
/// The user PIN the child finds in `KMS_TEST_HSM_PIN`.
pub(crate) const PIN_VAR: &str = "KMS_TEST_HSM_PIN";

/// A token initialised in its own directory, removed when dropped.
pub(crate) struct SoftHsm {
    dir: PathBuf,
    conf: PathBuf,
    label: String,
    pin: String,
}

impl SoftHsm {
    /// Initialises a fresh token (`softhsm2-util --init-token --free`).
    pub(crate) fn new(name: &str) -> SoftHsm {
        let dir = std::env::temp_dir().join(format!("kms-softhsm-{name}-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(dir.join("tokens")).expect("token dir");
        let conf = dir.join("softhsm2.conf");
        std::fs::write(
            &conf,
            format!(
                "directories.tokendir = {}\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n",
                dir.join("tokens").display()
            ),
        )
        .expect("softhsm2.conf");
        let label = format!("kms-{name}");
        let pin = "4711-test-pin".to_owned();
        let out = Command::new("softhsm2-util")
            .args(["--init-token", "--free", "--label", &label, "--so-pin", "so-4711", "--pin", &pin])
            .env("SOFTHSM2_CONF", &conf)
            .output()
            .expect("softhsm2-util runs (Debian package softhsm2)");
        assert!(out.status.success(), "softhsm2-util: {}", String::from_utf8_lossy(&out.stderr));
        SoftHsm { dir, conf, label, pin }
    }

    /// Runs the test `name` (its full path) of this test binary in a
    /// child process that sees this token; asserts that it passed.
    pub(crate) fn run_child(&self, name: &str) {
        let exe = std::env::current_exe().expect("test binary");
        let out = Command::new(exe)
            .args([name, "--exact", "--ignored", "--nocapture", "--test-threads=1"])
            .env("SOFTHSM2_CONF", &self.conf)
            .env(LABEL_VAR, &self.label)
            .env(PIN_VAR, &self.pin)
            .output()
            .expect("the test binary runs");
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success() && stdout.contains("1 passed"), "child test {name} failed:\n{stdout}\n{stderr}");
    }
}

impl Drop for SoftHsm {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// In a child test: the token the parent made, opened.
pub(crate) fn child_token() -> Pkcs11Token {
    let (label, pin) = child_env();
    Pkcs11Token::open(Pkcs11Settings {
        library: DEFAULT_LIBRARY.into(),
        token_label: label,
        pin: Zeroizing::new(pin),
        max_sessions: 2,
    })
    .expect("the token opens")
}

/// In a child test: the token's label and PIN.
pub(crate) fn child_env() -> (String, String) {
    match (std::env::var(LABEL_VAR), std::env::var(PIN_VAR), std::env::var("SOFTHSM2_CONF")) {
        (Ok(label), Ok(pin), Ok(_)) => (label, pin),
        _ => panic!("this test runs in a child process started by its parent test (SoftHsm::run_child)"),
    }
}
