// kuayue's room surfaces: one colour (the material's, times the mesh's vertex colour when
// it has them: a whole station of many coloured parts is one mesh), lit by a fixed warm key
// light and a soft fill, no textures and no per-light loop. Under software rendering the
// full PBR shader over a screen-filling room cost ~150 ms a frame; this costs little.
#import bevy_pbr::forward_io::VertexOutput

@group(#{MATERIAL_BIND_GROUP}) @binding(0) var<uniform> colour: vec4<f32>;
@group(#{MATERIAL_BIND_GROUP}) @binding(1) var<uniform> glow: vec4<f32>;

@fragment
fn fragment(mesh: VertexOutput) -> @location(0) vec4<f32> {
    let n = normalize(mesh.world_normal);
    let key = max(dot(n, normalize(vec3<f32>(0.3, 0.9, 0.5))), 0.0);
    let shade = 0.6 + 0.4 * key;
    var base = colour.rgb;
#ifdef VERTEX_COLORS
    base = base * mesh.color.rgb;
#endif
    return vec4<f32>(base * shade + glow.rgb, 1.0);
}
