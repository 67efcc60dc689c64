//! `kuayue-cli`: kuayue's commands in a terminal on Windows (`kuayue-cli check`,
//! `kuayue-cli export …`). `kuayue.exe` is a windowed program, so no console window
//! opens behind the app a senior uses — and Windows then shows nothing it prints.
//! This small console program runs the `kuayue` next to it with the same arguments,
//! passes on what it prints and ends with its exit code. It uses nothing but the
//! standard library, so it stays a few hundred kilobytes.

use std::io::{Read, Write};
use std::process::{Command, ExitCode, Stdio};

fn main() -> ExitCode {
    let name = if cfg!(windows) { "kuayue.exe" } else { "kuayue" };
    let app = match std::env::current_exe() {
        Ok(me) => me.with_file_name(name),
        Err(e) => {
            eprintln!("kuayue-cli: cannot tell where it is installed ({e})");
            return ExitCode::from(2);
        }
    };
    let child = Command::new(&app)
        .args(std::env::args_os().skip(1))
        .stdin(Stdio::inherit())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(child) => child,
        Err(e) => {
            eprintln!("kuayue-cli: cannot start {} ({e})", app.display());
            return ExitCode::from(2);
        }
    };
    // Both streams at once, so a full pipe never stalls the program.
    let err = child.stderr.take().map(|mut from| std::thread::spawn(move || relay(&mut from, &mut std::io::stderr())));
    if let Some(mut from) = child.stdout.take() {
        relay(&mut from, &mut std::io::stdout());
    }
    if let Some(err) = err {
        err.join().ok();
    }
    match child.wait() {
        Ok(status) => ExitCode::from(status.code().and_then(|c| u8::try_from(c).ok()).unwrap_or(1)),
        Err(e) => {
            eprintln!("kuayue-cli: {e}");
            ExitCode::from(2)
        }
    }
}

/// Copies everything `from` says to `to` as it comes (the console shows UTF-8 as text).
fn relay(from: &mut impl Read, to: &mut impl Write) {
    let mut buf = [0u8; 8192];
    while let Ok(n) = from.read(&mut buf) {
        if n == 0 || to.write_all(&buf[..n]).and_then(|()| to.flush()).is_err() {
            break;
        }
    }
}
