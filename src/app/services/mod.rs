//! The app's side effects, each behind a request message handled by one system
//! in `AppSystems::ApplyCommands`: who practises (`records`), settings
//! (`preferences`), the trainer's corner, exports and certificates (`trainer`),
//! and sending records to the city's learning record store (`sync`).
//! Each calls a core service and posts the result back as a resource or a fact
//! for the screens; screens themselves never touch the store or the disk.

use bevy::prelude::*;

pub mod preferences;
pub mod records;
pub mod sync;
pub mod trainer;

pub(super) fn plugin(app: &mut App) {
    app.add_plugins((records::plugin, preferences::plugin, trainer::plugin, sync::plugin));
}
