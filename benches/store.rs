//! Cost of one autosave (placeholder until the store lands).
fn main() {
    divan::main();
}
