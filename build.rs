//! On Windows: the icon and the name Explorer shows, compiled into the programs
//! (with mingw's `windres` when built from Linux). Nothing on other systems.

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=packaging/kuayue.ico");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let mut resource = winresource::WindowsResource::new();
    resource
        .set_icon("packaging/kuayue.ico")
        .set("ProductName", "跨越 kuayue")
        .set("FileDescription", "跨越 kuayue — practise everyday digital tasks")
        .set("CompanyName", "kuayue")
        .set("LegalCopyright", "MIT OR Apache-2.0");
    if let Err(e) = resource.compile() {
        panic!("cannot add the icon to the Windows program (is x86_64-w64-mingw32-windres installed?): {e}");
    }
}
