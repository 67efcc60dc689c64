//! The command line's words: each subcommand asks a core service and renders
//! its result as text in the trainer's language. Used only by `main.rs` (and the frame
//! benchmark's baseline, for `window_size`); the app never imports it.

pub mod check;
pub mod new;
pub mod progress;
pub mod sync;
pub mod voice;

use std::collections::BTreeMap;

use crate::i18n::Messages;

/// A message with its arguments, from `(name, value)` pairs.
pub(crate) fn say(msg: &Messages, id: &str, args: &[(&str, &str)]) -> String {
    msg.get(id, &args.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect::<BTreeMap<_, _>>())
}

/// `WIDTHxHEIGHT`, the width from 640 to 7680 and the height from 480 to 4320 (`play
/// --window`; the frame benchmark's baseline reads its window the same way).
pub fn window_size(value: &str) -> Result<(u32, u32), String> {
    let parsed = value.split_once(['x', 'X', '×']).and_then(|(w, h)| Some((w.parse().ok()?, h.parse().ok()?)));
    match parsed {
        Some((w, h)) if (640..=7680).contains(&w) && (480..=4320).contains(&h) => Ok((w, h)),
        _ => Err(format!("{value}: width x height in px, e.g. 1920x1080")),
    }
}
