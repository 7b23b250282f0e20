//! Runs test-case files against a server: per file, send each request
//! (placeholders filled in) as binary TTLV and compare the response.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use kmip_ttlv::{Ttlv, wire, xml};

use crate::client::{Connection, Encoding, Endpoint, ExchangeError};
use crate::compare::{self, Context};
use crate::placeholder::{self, Bindings};
use crate::skip::SkipList;
use crate::vectors::{self, TestCase};

/// Seconds since the epoch.
pub fn unix_now() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// The result of one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileResult {
    /// Every response matched.
    Pass,
    /// The first difference; `message` counts request/response pairs from 1
    /// (0 when the file could not be read).
    Fail {
        /// Which pair.
        message: usize,
        /// The difference or the error.
        detail: String,
    },
}

/// Connection and run-wide state, shared by the files of one run.
pub struct Runner {
    endpoint: Endpoint,
    connection: Option<Connection>,
    run_start: i64,
    generated: HashSet<String>,
    /// Responses compared so far.
    pub messages_compared: usize,
    /// Print the request, expected and actual response of a failure.
    pub verbose: bool,
    /// Send every request as `POST /kmip` over HTTPS (KMIP HTTPS profile),
    /// in the encoding the file's name asks for ([`Encoding::for_file`]).
    pub http: bool,
}

impl Runner {
    /// A runner for one server.
    pub fn new(endpoint: Endpoint) -> Runner {
        Runner {
            endpoint,
            connection: None,
            run_start: unix_now(),
            generated: HashSet::new(),
            messages_compared: 0,
            verbose: false,
            http: false,
        }
    }

    /// Runs one file on a fresh connection. Bindings are per file; the set
    /// of server-generated objects is kept for the whole run (a later file
    /// finds keys an earlier one created).
    pub fn run_case(&mut self, case: &TestCase) -> FileResult {
        self.connection = None;
        let mut bindings = Bindings::new();
        let mut responses: Vec<Ttlv> = Vec::new();
        let mut recorded: Vec<Ttlv> = Vec::new();
        for (i, exchange) in case.exchanges.iter().enumerate() {
            let fail = |detail: String| FileResult::Fail { message: i + 1, detail };
            let (request, echoed) =
                match placeholder::instantiate(&exchange.request, &mut bindings, unix_now(), &responses) {
                    Ok(request) => placeholder::feed_back(request, &recorded, &responses),
                    Err(e) => return fail(format!("cannot build the request: {e}")),
                };
            recorded.push(exchange.expected.clone());
            let sent = if self.http {
                self.send_http(&request, Encoding::for_file(&case.path))
            } else {
                match wire::to_vec(&request) {
                    Ok(bytes) => self.send(&bytes),
                    Err(e) => return fail(format!("cannot encode the request: {e}")),
                }
            };
            let actual = match sent {
                Ok(actual) => actual,
                Err(e) => return fail(e),
            };
            self.messages_compared += 1;
            compare::note_generated(&actual, &mut self.generated);
            compare::note_randomized(&request, &actual, &mut self.generated);
            let ctx = Context {
                request: Some(&request),
                run_start: self.run_start,
                now: unix_now(),
                generated: &self.generated,
                echoed,
            };
            if let Err(d) = compare::compare(&exchange.expected, &actual, &ctx, &mut bindings) {
                if self.verbose {
                    let mut err = std::io::stderr().lock();
                    let _ = writeln!(
                        err,
                        "--- {} message {}\n--- request sent:\n{}\n--- expected:\n{}\n--- actual:\n{}",
                        case.path.display(),
                        i + 1,
                        xml::to_string(&request),
                        xml::to_string(&exchange.expected),
                        xml::to_string(&actual)
                    );
                }
                return fail(d.to_string());
            }
            responses.push(actual);
        }
        FileResult::Pass
    }

    /// Sends one request; opens the connection if needed and retries once on
    /// a new connection if the server had closed the old one.
    fn send(&mut self, bytes: &[u8]) -> Result<Ttlv, String> {
        self.send_with(|connection, _| connection.exchange(bytes))
    }

    /// [`Runner::send`] as `POST /kmip` in `encoding`.
    fn send_http(&mut self, request: &Ttlv, encoding: Encoding) -> Result<Ttlv, String> {
        self.send_with(|connection, endpoint| connection.exchange_http(&endpoint.addr, request, encoding))
    }

    fn send_with(
        &mut self,
        mut exchange: impl FnMut(&mut Connection, &Endpoint) -> Result<Ttlv, ExchangeError>,
    ) -> Result<Ttlv, String> {
        for attempt in 0..2 {
            let connection = match self.connection.as_mut() {
                Some(c) => c,
                None => self.connection.insert(Connection::open(&self.endpoint).map_err(|e| format!("connect: {e}"))?),
            };
            match exchange(connection, &self.endpoint) {
                Ok(response) => return Ok(response),
                Err(ExchangeError::Closed) if attempt == 0 => self.connection = None,
                Err(e) => {
                    self.connection = None;
                    return Err(e.to_string());
                }
            }
        }
        Err(ExchangeError::Closed.to_string())
    }
}

/// Counts for the last line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Files that passed.
    pub passed: usize,
    /// Files that failed, stale skips included.
    pub failed: usize,
    /// Skipped files that failed as expected.
    pub skipped: usize,
    /// Responses compared.
    pub messages: usize,
}

impl Summary {
    /// `N passed, M failed, K skipped (X messages compared)`.
    pub fn line(&self) -> String {
        format!(
            "{} passed, {} failed, {} skipped ({} messages compared)",
            self.passed, self.failed, self.skipped, self.messages
        )
    }
}

/// Whether and when skipped files run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SkippedFiles {
    /// After every other file (default): a pass is a stale skip.
    RunLast,
    /// Not at all (faster; no stale-skip detection).
    DontRun,
}

/// Runs `files` (skipped ones last), printing one line per file to `out`.
pub fn run_files(
    runner: &mut Runner,
    files: &[PathBuf],
    skips: &SkipList,
    skipped: SkippedFiles,
    out: &mut impl Write,
) -> Summary {
    let mut summary = Summary::default();
    let (to_skip, to_run): (Vec<&PathBuf>, Vec<&PathBuf>) = files.iter().partition(|f| skips.reason_for(f).is_some());
    for file in to_run {
        let result = run_path(runner, file);
        let line = match &result {
            FileResult::Pass => {
                summary.passed += 1;
                format!("PASS {}", file.display())
            }
            FileResult::Fail { message, detail } => {
                summary.failed += 1;
                format!("FAIL {}: {detail} (message {message})", file.display())
            }
        };
        let _ = writeln!(out, "{line}");
        let _ = out.flush();
    }
    for file in to_skip {
        let reason = skips.reason_for(file).unwrap_or_default();
        let line = match skipped {
            SkippedFiles::DontRun => {
                summary.skipped += 1;
                format!("SKIP {}: {reason}", file.display())
            }
            SkippedFiles::RunLast => match run_path(runner, file) {
                FileResult::Pass => {
                    summary.failed += 1;
                    format!("STALE SKIP {}: passes, remove it from skip.toml (reason was: {reason})", file.display())
                }
                FileResult::Fail { .. } => {
                    summary.skipped += 1;
                    format!("SKIP {}: {reason}", file.display())
                }
            },
        };
        let _ = writeln!(out, "{line}");
        let _ = out.flush();
    }
    summary.messages = runner.messages_compared;
    summary
}

fn run_path(runner: &mut Runner, file: &Path) -> FileResult {
    match vectors::load(file) {
        Ok(case) => runner.run_case(&case),
        Err(e) => FileResult::Fail { message: 0, detail: format!("cannot read the test case: {e}") },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_line() {
        let s = Summary { passed: 3, failed: 1, skipped: 2, messages: 40 };
        assert_eq!(s.line(), "3 passed, 1 failed, 2 skipped (40 messages compared)");
    }
}
