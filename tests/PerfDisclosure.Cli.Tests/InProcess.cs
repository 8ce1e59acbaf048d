namespace PerfDisclosure.Cli.Tests;

/// <summary>Runs a command in this process and captures what it prints; only for tests in <see cref="ConsoleCollection"/>.</summary>
internal static class InProcess
{
    public static (int Code, string Out, string Error) Run(params string[] args)
    {
        var (savedOut, savedError) = (Console.Out, Console.Error);
        var (output, error) = (new StringWriter(), new StringWriter());
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            return (Invocation.Run(args), output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(savedOut);
            Console.SetError(savedError);
        }
    }
}
