namespace PerfDisclosure.Cli.Tests;

/// <summary>
/// Tests that run a command in-process and capture <see cref="Console.Out"/> and <see cref="Console.Error"/>:
/// the console is one per process, so these never run at the same time as any other test.
/// </summary>
[CollectionDefinition(nameof(ConsoleCollection), DisableParallelization = true)]
public sealed class ConsoleCollection;
