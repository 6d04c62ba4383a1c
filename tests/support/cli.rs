//! Running the `gapmap` binary as a user does, for the command-line tests:
//! its arguments, standard input when given, and what it gave back. Each
//! test file includes it with `#[path]`, so that the runner is written once.

use std::io::Write;
use std::process::{Command, Stdio};

/// What a run of the command gave.
pub struct Outcome {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Outcome {
    /// Exit code, stdout and stderr, for tests that take them apart.
    #[allow(dead_code)] // Not every test file that includes this takes them apart.
    pub fn parts(self) -> (i32, String, String) {
        (self.code, self.stdout, self.stderr)
    }
}

/// Runs `gapmap` with `args`, feeding `stdin` when given.
pub fn run(args: &[&str], stdin: Option<&str>) -> Outcome {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gapmap"))
        .args(args)
        .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the gapmap binary runs");
    if let Some(input) = stdin {
        // A command refused before it reads its input (a usage error) may
        // have exited and closed the pipe already: not the test's failure.
        match child.stdin.take().unwrap().write_all(input.as_bytes()) {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
            written => written.unwrap(),
        }
    }
    let output = child.wait_with_output().unwrap();
    Outcome {
        code: output.status.code().expect("exited, not killed"),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}
