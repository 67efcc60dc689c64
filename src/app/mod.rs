//! The Bevy side (feature `app`): for now a calm start window that lists the
//! scenarios that load and says which files need fixing. The full walkthrough
//! app composes its feature plugins here.

use std::process::ExitCode;

use bevy::prelude::*;

use crate::i18n::Lang;

mod start;
mod theme;

/// Opens the window and runs until it is closed.
pub fn run(lang: Lang) -> ExitCode {
    let mut app = App::new();
    app.add_plugins(DefaultPlugins.set(WindowPlugin {
        primary_window: Some(Window { title: "跨越 kuayue".into(), resolution: (1280, 720).into(), ..default() }),
        ..default()
    }))
    .add_plugins(bevy_egui::EguiPlugin::default())
    .insert_resource(start::UiLang(lang))
    .add_plugins((theme::plugin, start::plugin));
    match app.run() {
        AppExit::Success => ExitCode::SUCCESS,
        AppExit::Error(code) => ExitCode::from(code.get()),
    }
}
