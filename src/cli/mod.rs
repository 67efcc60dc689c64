//! The command line's words: each subcommand asks a core service and renders
//! its result as text in the trainer's language. Used only by `main.rs`; the
//! app never imports it.

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
