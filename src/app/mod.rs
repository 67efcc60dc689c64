//! The Bevy side (feature `app`): composes the feature plugins and orders the
//! system sets once. Screens: start → choose → walkthrough (3D room, phone,
//! caption) → done.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use bevy::prelude::*;

use crate::i18n::Lang;
use crate::scenario::Scenario;
use crate::scenario::project::Project;

pub mod autoplay;
pub mod caption;
pub mod flat;
pub mod keyboard;
pub mod library;
pub mod meter;
pub mod phone;
pub mod preferences;
pub mod records;
pub mod reload;
pub mod scene;
pub mod screens;
pub mod snapshot;
pub mod targets;
pub mod theme;
pub mod voice;
pub mod walkthrough;
pub mod words;

/// The order of work in each frame: record input → apply commands to the core → present.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AppSystems {
    RecordInput,
    ApplyCommands,
    Present,
}

/// How the app was started.
#[derive(Debug, Clone, Default)]
pub struct Launch {
    pub lang: Lang,
    /// `kuayue play`: the scenario to open at once, and how to play it.
    pub play: Option<(Arc<Scenario>, autoplay::PlayOptions)>,
    /// Where practice is recorded.
    pub keep: records::Keep,
    /// The language saved in settings may replace `lang` (false when `--lang` chose it).
    pub lang_from_settings: bool,
    /// The folder with `scenarios/`, `locales/` and `assets/voice/` (empty: the current one).
    pub root: PathBuf,
}

/// Where the scenarios, their words and their voice clips are read from.
#[derive(Resource, Debug, Clone)]
pub struct ProjectRoot(pub crate::scenario::project::Project);

/// Everything but the window: usable headless with `MinimalPlugins` in tests.
pub fn core_plugins(app: &mut App, launch: &Launch) {
    app.configure_sets(Update, (AppSystems::RecordInput, AppSystems::ApplyCommands, AppSystems::Present).chain())
        .insert_resource(ProjectRoot(Project::at(&launch.root)))
        .insert_resource(words::Words::load(launch.lang, &Project::at(&launch.root)))
        .insert_resource(records::Records::open(&launch.keep, &crate::i18n::Messages::embedded(launch.lang)))
        .insert_resource(launch.play.as_ref().map(|(_, o)| o.clone()).unwrap_or_default())
        .insert_resource(preferences::LanguageFromSettings(launch.lang_from_settings))
        .add_plugins((
            screens::plugin,
            walkthrough::plugin,
            records::plugin,
            preferences::plugin,
            voice::plugin,
            reload::plugin,
        ));
    if let Some((scenario, options)) = &launch.play {
        // `kuayue play` is a trainer's preview: nothing is recorded.
        let request =
            walkthrough::StartScenario { scenario: scenario.clone(), at: options.step.clone(), preview: true };
        app.add_systems(Startup, move |mut start: MessageWriter<walkthrough::StartScenario>| {
            start.write(request.clone());
        });
    }
}

/// Opens the window and runs until it is closed.
pub fn run(launch: Launch) -> ExitCode {
    let mut app = App::new();
    let sound = voice::sound_device_present();
    let mut plugins = DefaultPlugins.build().set(WindowPlugin {
        primary_window: Some(Window { title: "跨越 kuayue".into(), resolution: (1280, 720).into(), ..default() }),
        ..default()
    });
    if !sound {
        // Nothing to open: the voice logs what it would say and captions carry every line.
        plugins = plugins.disable::<bevy::audio::AudioPlugin>();
    }
    app.add_plugins(plugins)
        .insert_resource(voice::Sound(sound))
        .add_plugins(bevy_egui::EguiPlugin::default())
        // A warm, light background behind the menus.
        .insert_resource(ClearColor(Color::srgb(0.93, 0.90, 0.84)));
    core_plugins(&mut app, &launch);
    let msg = crate::i18n::Messages::embedded(launch.lang);
    app.insert_resource(library::Library::load(&Project::at(&launch.root), &msg)).add_plugins((
        theme::plugin,
        targets::plugin,
        scene::plugin,
        phone::plugin,
        caption::plugin,
        autoplay::plugin,
        screens::menus_plugin,
        snapshot::plugin,
        keyboard::plugin,
        meter::plugin,
        reload::overlay_plugin,
    ));
    match app.run() {
        AppExit::Success => ExitCode::SUCCESS,
        AppExit::Error(code) => ExitCode::from(code.get()),
    }
}
