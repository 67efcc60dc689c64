//! The baseline for `tools/bench-frames.sh`: an empty Bevy 3D scene — one lit
//! cube and a camera — in the same window (1280×720, or `KUAYUE_BENCH_WINDOW=WxH` as the
//! app's `--window`), with the same Bevy features, renderer and Cargo profile as the app,
//! measured by the same frame meter.

use bevy::prelude::*;

fn main() {
    let size = match std::env::var("KUAYUE_BENCH_WINDOW").map(|s| kuayue::cli::window_size(&s)) {
        Err(_) => (1280, 720),
        Ok(Ok(size)) => size,
        Ok(Err(problem)) => {
            eprintln!("KUAYUE_BENCH_WINDOW={problem}");
            std::process::exit(2);
        }
    };
    App::new()
        .add_plugins(DefaultPlugins.set(WindowPlugin {
            primary_window: Some(Window { title: "baseline".into(), resolution: size.into(), ..default() }),
            ..default()
        }))
        .add_plugins(kuayue::app::meter::plugin)
        .add_systems(Startup, scene)
        .run();
}

fn scene(mut commands: Commands, mut meshes: ResMut<Assets<Mesh>>, mut materials: ResMut<Assets<StandardMaterial>>) {
    commands.spawn((
        Mesh3d(meshes.add(Cuboid::new(1.0, 1.0, 1.0))),
        MeshMaterial3d(materials.add(Color::srgb(0.8, 0.6, 0.4))),
    ));
    commands.spawn((PointLight::default(), Transform::from_xyz(4.0, 8.0, 4.0)));
    commands.spawn((
        Camera3d::default(),
        // As the app's camera: no tonemapping (the build has no lookup tables).
        bevy::core_pipeline::tonemapping::Tonemapping::None,
        Transform::from_xyz(-2.5, 4.5, 9.0).looking_at(Vec3::ZERO, Vec3::Y),
    ));
}
