//! F12 saves a picture of the screen (into Documents/kuayue/screenshots), so a
//! trainer can show a developer exactly what a learner saw.

use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, save_to_disk};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Update, (save_screenshot_on_f12, wake_while_capturing));
}

/// A screenshot is read back over the next frames: keep them coming until it is saved.
fn wake_while_capturing(capturing: Query<(), With<Screenshot>>, mut wake: ResMut<super::flow::Wake>) {
    if !capturing.is_empty() {
        wake.now();
    }
}

fn save_screenshot_on_f12(
    keys: Res<ButtonInput<KeyCode>>,
    output: Res<super::flow::OutputDir>,
    mut commands: Commands,
) {
    if !keys.just_pressed(KeyCode::F12) {
        return;
    }
    let dir = output.0.join("screenshots");
    if let Err(e) = std::fs::create_dir_all(&dir) {
        warn!("screenshot not saved: {}: {e}", dir.display());
        return;
    }
    let path = dir.join(format!("kuayue-{}.png", jiff::Zoned::now().strftime("%Y%m%d-%H%M%S%.3f")));
    info!("screenshot: {}", path.display());
    commands.spawn(Screenshot::primary_window()).observe(save_to_disk(path));
}
