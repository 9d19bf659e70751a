//! The `pd-intake` binary: all work happens in the library's `cli` module.

fn main() -> std::process::ExitCode {
    pd_intake::cli::main()
}
