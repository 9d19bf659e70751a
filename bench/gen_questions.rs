//! Writes a generated valid questionnaire of N questions to stdout, for the pty benchmark:
//! `cargo run --release --example gen_questions -- 10000 > /tmp/q10k.yaml`.

#[path = "../benches/support/gen.rs"]
mod generate;

fn main() {
    let n = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000);
    print!("{}", generate::questionnaire(n));
}
