// A picture on a thing in the room: a machine's screen, a sign's words. Drawn as it is,
// unlit (screens give their own light; signs are read, not shaded), one texture lookup.
#import bevy_pbr::forward_io::VertexOutput

@group(#{MATERIAL_BIND_GROUP}) @binding(0) var picture: texture_2d<f32>;
@group(#{MATERIAL_BIND_GROUP}) @binding(1) var picture_sampler: sampler;
@group(#{MATERIAL_BIND_GROUP}) @binding(2) var<uniform> backing: vec4<f32>;

@fragment
fn fragment(mesh: VertexOutput) -> @location(0) vec4<f32> {
    let c = textureSample(picture, picture_sampler, mesh.uv);
    // egui draws with premultiplied alpha: where it drew nothing, the backing shows.
    return vec4<f32>(c.rgb + backing.rgb * (1.0 - c.a), 1.0);
}
