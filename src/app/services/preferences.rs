//! Settings in the running app: loaded from the store at start, applied at
//! once when changed (text size, language, full screen) and saved.

use bevy::prelude::*;
use bevy::window::{MonitorSelection, PrimaryWindow, WindowMode};

use super::records::Records;
use crate::app::flow::{AppSystems, ProjectRoot};
use crate::app::theme::Theme;
use crate::app::words::Words;
use crate::settings::Settings;

/// The settings in force.
#[derive(Resource, Debug, Clone, PartialEq, Eq, Default)]
pub struct Prefs(pub Settings);

/// Asks to change the settings (from the settings screen or the trainer's).
#[derive(Message, Debug, Clone)]
pub struct ChangeSettings(pub Settings);

/// Whether the saved language may replace the one the app was started with
/// (not when `--lang` asked for one).
#[derive(Resource, Debug, Clone, Copy)]
pub struct LanguageFromSettings(pub bool);

pub(super) fn plugin(app: &mut App) {
    app.add_message::<ChangeSettings>().add_systems(PreStartup, load_settings).add_systems(
        Update,
        (change_settings, apply_settings.run_if(resource_changed::<Prefs>)).chain().in_set(AppSystems::ApplyCommands),
    );
}

/// The pointer's look follows the settings (with a window only).
pub fn pointer_plugin(app: &mut App) {
    app.add_systems(
        Update,
        show_pointer.run_if(resource_changed::<Prefs>).after(change_settings).in_set(AppSystems::ApplyCommands),
    );
}

/// The big pointer's picture, made once.
#[derive(Resource)]
struct BigPointer(Handle<Image>);

/// The system's pointer, or the big one (Settings → 大号鼠标指针, or `play --big-pointer`): a
/// real pointer image the window shows (no lag, above everything), with egui no longer
/// changing the pointer's shape over buttons while it is on.
fn show_pointer(
    mut commands: Commands,
    prefs: Res<Prefs>,
    play: Option<Res<crate::app::autoplay::PlayOptions>>,
    big: Option<Res<BigPointer>>,
    mut images: ResMut<Assets<Image>>,
    windows: Query<Entity, With<PrimaryWindow>>,
    mut egui: Query<&mut bevy_egui::EguiContextSettings>,
) {
    use crate::pointer::{BIG_POINTER_PX, big_arrow, hotspot};
    use bevy::asset::RenderAssetUsages;
    use bevy::render::render_resource::{Extent3d, TextureDimension, TextureFormat};
    use bevy::window::{CursorIcon, CustomCursor, CustomCursorImage, SystemCursorIcon};
    let on = prefs.0.big_pointer || play.is_some_and(|p| p.big_pointer);
    let icon = if on {
        let handle = match big {
            Some(big) => big.0.clone(),
            None => {
                let size = Extent3d { width: BIG_POINTER_PX, height: BIG_POINTER_PX, depth_or_array_layers: 1 };
                let picture = Image::new(
                    size,
                    TextureDimension::D2,
                    big_arrow(BIG_POINTER_PX),
                    TextureFormat::Rgba8UnormSrgb,
                    RenderAssetUsages::MAIN_WORLD,
                );
                let handle = images.add(picture);
                commands.insert_resource(BigPointer(handle.clone()));
                handle
            }
        };
        CursorIcon::Custom(CustomCursor::Image(CustomCursorImage {
            handle,
            hotspot: hotspot(BIG_POINTER_PX),
            ..Default::default()
        }))
    } else {
        CursorIcon::System(SystemCursorIcon::Default)
    };
    for window in &windows {
        commands.entity(window).insert(icon.clone());
    }
    for mut settings in &mut egui {
        settings.enable_cursor_icon_updates = !on;
    }
}

fn load_settings(mut commands: Commands, records: Res<Records>, follow: Option<Res<LanguageFromSettings>>) {
    let mut settings = records.with(Settings::load).unwrap_or_default();
    if !follow.is_some_and(|f| f.0) {
        settings.lang = None;
    }
    commands.insert_resource(Prefs(settings));
}

fn change_settings(mut requests: MessageReader<ChangeSettings>, records: Res<Records>, mut prefs: ResMut<Prefs>) {
    let Some(ChangeSettings(settings)) = requests.read().last() else { return };
    records.with(|s| settings.save(s));
    info!("settings: text {}%, language {:?}, full screen {}", settings.text_scale, settings.lang, settings.fullscreen);
    prefs.0 = settings.clone();
}

fn apply_settings(
    prefs: Res<Prefs>,
    mut words: ResMut<Words>,
    root: Res<ProjectRoot>,
    mut theme: ResMut<Theme>,
    play: Option<Res<crate::app::autoplay::PlayOptions>>,
    mut windows: Query<&mut Window, With<PrimaryWindow>>,
) {
    // `kuayue play --text-size` draws this play at its size, leaving the setting as it is.
    theme.set_text_scale(play.and_then(|p| p.text_size).unwrap_or(prefs.0.text_scale));
    if let Some(lang) = prefs.0.lang
        && lang != words.lang
    {
        *words = Words::load(lang, &root.0);
    }
    for mut window in &mut windows {
        let mode = if prefs.0.fullscreen {
            WindowMode::BorderlessFullscreen(MonitorSelection::Current)
        } else {
            WindowMode::Windowed
        };
        if window.mode != mode {
            window.mode = mode;
        }
    }
}
