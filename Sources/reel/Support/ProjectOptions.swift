import ArgumentParser

/// `-C DIR`: the project directory, for commands whose positional arguments are shots.
struct ProjectOption: ParsableArguments {
    @Option(
        name: [.customShort("C"), .customLong("project")], help: "The project directory (default: the current one).")
    var directory: String?
}

/// `[DIR]`: the project directory as an optional positional argument.
struct ProjectArgument: ParsableArguments {
    @Argument(help: "The project directory (default: the current one).")
    var directory: String?
}
