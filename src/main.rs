fn main() -> std::process::ExitCode {
    rel::main()
}
