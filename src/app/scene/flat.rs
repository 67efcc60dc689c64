//! A cheap material for the room and its stations: a flat colour with a fixed
//! key and fill light (`flat.wgsl`), plus a glow for the station to touch.
//! Bevy's StandardMaterial samples several textures and loops over lights for
//! every pixel, which software renderers (many centre PCs, and CI) pay dearly
//! for when the room fills the screen; see docs/benchmarks.md.

use bevy::prelude::*;
use bevy::render::render_resource::AsBindGroup;
use bevy::shader::ShaderRef;

#[derive(Asset, TypePath, AsBindGroup, Debug, Clone)]
pub struct FlatMaterial {
    /// The surface colour (linear).
    #[uniform(0)]
    pub colour: LinearRgba,
    /// Added light: the soft amber breathing of the station to touch; black otherwise.
    #[uniform(1)]
    pub glow: LinearRgba,
}

impl FlatMaterial {
    pub fn new(colour: Color) -> FlatMaterial {
        FlatMaterial { colour: colour.to_linear(), glow: LinearRgba::BLACK }
    }
}

impl Material for FlatMaterial {
    fn fragment_shader() -> ShaderRef {
        "embedded://kuayue/app/scene/flat.wgsl".into()
    }
}

pub(super) fn plugin(app: &mut App) {
    bevy::asset::embedded_asset!(app, "flat.wgsl");
    app.add_plugins(MaterialPlugin::<FlatMaterial>::default());
}
