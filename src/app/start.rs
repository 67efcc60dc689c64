//! The start window: a warm, calm 3D room and a large panel listing the
//! scenarios that load, and the files that need fixing.
//!
//! Text follows the language chosen on the command line or by the system.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::theme;
use crate::check_cmd;
use crate::i18n::{Catalog, Lang, Messages};

/// The language asked for on the command line or by the system.
#[derive(Resource)]
pub struct UiLang(pub Lang);

/// A scenario that loaded, with its words in the shown language.
struct Card {
    title: String,
    summary: String,
    minutes: u32,
}

/// What the scenarios folder held at start-up.
#[derive(Resource, Default)]
struct Catalogue {
    ready: Vec<Card>,
    broken: Vec<String>,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Catalogue>()
        .add_systems(Startup, (spawn_room, load_catalogue))
        .add_systems(EguiPrimaryContextPass, draw_start_panel);
}

fn spawn_room(
    mut commands: Commands,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<StandardMaterial>>,
) {
    commands.spawn((
        Name::new("Camera"),
        Camera3d::default(),
        Transform::from_xyz(0.0, 2.2, 6.0).looking_at(Vec3::new(0.0, 0.8, 0.0), Vec3::Y),
    ));
    commands.spawn((
        Name::new("Warm light"),
        PointLight {
            intensity: 2_000_000.0,
            color: Color::srgb(1.0, 0.93, 0.82),
            shadow_maps_enabled: false,
            ..default()
        },
        Transform::from_xyz(2.0, 4.0, 3.0),
    ));
    commands.spawn((
        Name::new("Floor"),
        Mesh3d(meshes.add(Plane3d::default().mesh().size(12.0, 12.0))),
        MeshMaterial3d(materials.add(Color::srgb(0.86, 0.80, 0.70))),
    ));
    commands.spawn((
        Name::new("Kiosk"),
        Mesh3d(meshes.add(Cuboid::new(0.8, 1.6, 0.5))),
        MeshMaterial3d(materials.add(Color::srgb(0.30, 0.55, 0.62))),
        Transform::from_xyz(1.8, 0.8, -1.0),
    ));
}

fn load_catalogue(mut catalogue: ResMut<Catalogue>, lang: Res<UiLang>) {
    let report = check_cmd::check_paths(&[]);
    let (words, _) = Catalog::load(std::path::Path::new("locales"));
    let locale = words.locale(lang.0.tag());
    let say = |id: &str| locale.and_then(|l| l.get(id, &Default::default())).unwrap_or_else(|| id.to_owned());
    for file in &report.files {
        match (&file.loaded, file.diagnostics.iter().any(|d| d.is_error())) {
            (Some(loaded), false) => {
                let s = &loaded.scenario;
                catalogue.ready.push(Card { title: say(&s.title), summary: say(&s.summary), minutes: s.minutes });
            }
            _ => catalogue.broken.push(file.file.display().to_string()),
        }
    }
    info!("{} scenarios ready, {} need fixing", catalogue.ready.len(), catalogue.broken.len());
}

fn draw_start_panel(
    mut contexts: EguiContexts,
    catalogue: Res<Catalogue>,
    lang: Res<UiLang>,
    mut exit: MessageWriter<AppExit>,
) -> Result {
    let msg = Messages::embedded(lang.0);
    let arg = |name: &str, value: String| [(name.to_owned(), value)].into();
    let ctx = contexts.ctx_mut()?;
    egui::Window::new("kuayue")
        .title_bar(false)
        .resizable(false)
        .min_width(640.0)
        .anchor(egui::Align2::LEFT_TOP, [40.0, 40.0])
        .show(ctx, |ui| {
            ui.spacing_mut().item_spacing.y = 8.0;
            let text = |s: String, px: f32| egui::RichText::new(s).size(px).color(theme::INK);
            ui.label(text(msg.text("app-title"), theme::HEADING_PX).strong());
            ui.label(text(msg.text("app-subtitle"), theme::BODY_PX));
            ui.add_space(12.0);
            let count = catalogue.ready.len().to_string();
            ui.label(text(msg.get("app-scenarios-loaded", &arg("count", count)), theme::BUTTON_PX));
            for card in &catalogue.ready {
                let minutes = msg.get("app-minutes", &arg("minutes", card.minutes.to_string()));
                ui.label(text(format!("{} · {minutes}", card.title), theme::BUTTON_PX).strong());
                ui.label(text(card.summary.clone(), theme::BODY_PX));
            }
            for file in &catalogue.broken {
                let line = msg.get("app-scenario-broken", &arg("file", file.clone()));
                ui.label(egui::RichText::new(line).size(theme::BODY_PX).color(theme::NOTICE));
            }
            ui.add_space(12.0);
            let quit = egui::Button::new(text(msg.text("app-quit"), theme::BUTTON_PX)).min_size(theme::BUTTON_MIN);
            if ui.add(quit).clicked() {
                exit.write(AppExit::Success);
            }
        });
    Ok(())
}
