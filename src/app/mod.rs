//! The Bevy side (feature `app`): a client of the core. It composes the
//! feature plugins and orders the system sets once. Screens: start → choose →
//! walkthrough (3D room, phone, caption) → done.
//!
//! Data flows one way: input and screens write request messages; `services`
//! (one system per request, in [`AppSystems::ApplyCommands`]) call the core and
//! post the results back as resources and fact messages; scene, phone, voice
//! and screens show them. Screens never touch the store or the disk.

use std::process::ExitCode;
use std::sync::Arc;

use bevy::prelude::*;

use crate::i18n::Lang;
use crate::scenario::Scenario;
use crate::scenario::project::Project;

pub use flow::{AppSystems, OutputDir, ProjectRoot};

pub mod autoplay;
pub mod flow;
pub mod keyboard;
pub mod layout;
pub mod library;
pub mod meter;
pub mod pace;
pub mod phone;
pub mod probe;
pub mod reload;
pub mod scene;
pub mod screens;
pub mod services;
pub mod snapshot;
pub mod startup;
pub mod theme;
pub mod voice;
pub mod vr;
pub mod walkthrough;
pub mod words;

/// How the app was started.
#[derive(Debug, Clone)]
pub struct Launch {
    pub lang: Lang,
    /// `kuayue play`: the scenario to open at once, and how to play it.
    pub play: Option<(Arc<Scenario>, autoplay::PlayOptions)>,
    /// Where practice is recorded.
    pub keep: services::records::Keep,
    /// The language saved in settings may replace `lang` (false when `--lang` chose it).
    pub lang_from_settings: bool,
    /// The project folder in use (resolved once in `main.rs`).
    pub project: Project,
    /// Where exports, certificates and screenshots are saved.
    pub output_dir: std::path::PathBuf,
    /// The data folder: `logs/kuayue.log` says what went wrong (the records live
    /// there too when they are kept).
    pub data_dir: std::path::PathBuf,
    /// `kuayue --vr`: in a headset, through OpenXR, when the program has VR and one is there.
    pub vr: bool,
}

impl Launch {
    /// The app in `lang` over `project`: nothing recorded, files saved where the platform keeps documents.
    pub fn new(lang: Lang, project: Project) -> Launch {
        Launch {
            lang,
            play: None,
            keep: services::records::Keep::Nowhere,
            lang_from_settings: false,
            project,
            output_dir: crate::progress::report::output_dir(),
            data_dir: crate::progress::Store::default_dir(),
            vr: false,
        }
    }
}

/// Everything but the window: usable headless with `MinimalPlugins` in tests.
pub fn core_plugins(app: &mut App, launch: &Launch) {
    let msg = crate::i18n::Messages::embedded(launch.lang);
    let (records, notices) = services::records::Records::open(&launch.keep, &msg);
    // `run` has them read already, while the renderer started.
    if !app.world().contains_resource::<library::Library>() {
        app.insert_resource(library::Library::load(&launch.project));
    }
    if !app.world().contains_resource::<words::Words>() {
        app.insert_resource(words::Words::load(launch.lang, &launch.project));
    }
    app.configure_sets(Update, (AppSystems::RecordInput, AppSystems::ApplyCommands, AppSystems::Present).chain())
        .init_resource::<flow::Wake>()
        .insert_resource(ProjectRoot(launch.project.clone()))
        .insert_resource(OutputDir(launch.output_dir.clone()))
        .insert_resource(records)
        .insert_resource(notices)
        .insert_resource(launch.play.as_ref().map(|(_, o)| o.clone()).unwrap_or_default())
        .insert_resource(services::preferences::LanguageFromSettings(launch.lang_from_settings))
        .add_plugins((
            vr::shared_plugin,
            screens::plugin,
            walkthrough::plugin,
            services::plugin,
            theme::plugin,
            voice::plugin,
            reload::plugin,
            probe::plugin,
        ));
    if let Some(folder) = services::sync::KeepFolder::of(&launch.keep) {
        app.insert_resource(folder);
    }
    if let Some((scenario, options)) = &launch.play {
        // `kuayue play` is a trainer's preview, recorded nowhere, unless it is
        // `--record-as` someone: then it is practice like any other.
        let preview = options.record_as.is_none();
        let request = walkthrough::StartScenario { scenario: scenario.clone(), at: options.step.clone(), preview };
        if let Some(name) = options.record_as.clone() {
            app.add_systems(Startup, services::records::practise_as(name));
        }
        app.add_systems(Startup, move |mut start: MessageWriter<walkthrough::StartScenario>| {
            start.write(request.clone());
        });
    }
}

/// Opens the window and runs until it is closed.
pub fn run(launch: Launch) -> ExitCode {
    let msg = crate::i18n::Messages::embedded(launch.lang);
    let log = startup::log_file(&launch.data_dir);
    startup::on_fault_tell(&msg, log);
    // The message files are read and the course checked (tens of ms) while the renderer starts.
    let project = launch.project.clone();
    let course = std::thread::spawn(move || {
        let (catalog, problems) = crate::i18n::Catalog::load_dirs(&project.locales_dirs());
        (crate::scenario::library::Library::load_with(&project, &catalog), catalog, problems)
    });
    let mut app = App::new();
    let sound = voice::sound_device_present();
    let mut plugins = DefaultPlugins.build().set(WindowPlugin {
        primary_window: Some(Window {
            title: "跨越 kuayue".into(),
            // The X11 class / Wayland app id: the menu entry (kuayue.desktop) and its icon.
            name: Some("kuayue".into()),
            resolution: launch.play.as_ref().and_then(|(_, o)| o.window).unwrap_or((1280, 720)).into(),
            ..default()
        }),
        ..default()
    });
    // Bevy compiles the graphics pipelines on its "async compute" threads, one of them on a
    // two-core PC, and the first frame waits for them (the window's blit waits behind every
    // pipeline asked for before it) while the other core idles: two threads share that work.
    // They sleep once the pipelines are made.
    let mut pools = TaskPoolOptions::default();
    pools.async_compute.min_threads = 2;
    plugins = plugins.set(TaskPoolPlugin { task_pool_options: pools });
    if !sound {
        // Nothing to open: the voice logs what it would say and captions carry every line.
        plugins = plugins.disable::<bevy::audio::AudioPlugin>();
    }
    #[cfg(feature = "vr")]
    if launch.vr {
        plugins = vr::plugins(plugins);
    }
    if launch.vr && !vr::BUILT_WITH_VR {
        let words = msg.text("vr-not-built");
        warn!("{words}");
        eprintln!("{words}");
    }
    startup::starting_renderer(|| app.add_plugins(plugins));
    app.insert_resource(voice::Sound(sound)).add_plugins(bevy_egui::EguiPlugin::default());
    // After OpenXR's plugins: they make the schedules (such as the one that suggests the
    // controllers' bindings) that ours add to; added before, they were replaced by empty ones.
    #[cfg(feature = "vr")]
    if launch.vr {
        app.add_plugins(vr::plugin);
    }
    app
        // A warm, light background behind the menus.
        .insert_resource(ClearColor(Color::srgb(0.93, 0.90, 0.84)));
    // A fault while reading was told by the hook already; it ends the app here.
    let (course, catalog, problems) = course.join().expect("the course was read");
    app.insert_resource(library::Library::told(course));
    app.insert_resource(words::Words::read(launch.lang, catalog, &problems));
    core_plugins(&mut app, &launch);
    app.add_plugins((
        theme::fonts_plugin,
        scene::plugin,
        phone::plugin,
        autoplay::plugin,
        screens::menus_plugin,
        snapshot::plugin,
        keyboard::plugin,
        meter::plugin,
        reload::overlay_plugin,
        pace::plugin,
        layout::plugin,
        services::preferences::pointer_plugin,
    ));
    if let Some(path) = launch.play.as_ref().and_then(|(_, o)| o.layout_report.clone()) {
        app.insert_resource(layout::LayoutReport::new(path));
    }
    match app.run() {
        AppExit::Success => ExitCode::SUCCESS,
        AppExit::Error(code) => ExitCode::from(code.get()),
    }
}
