namespace PerfDisclosure.Cli;

/// <summary>Runs a command line; a line that does not parse exits 2 (the command could not run), not 1 (content errors).</summary>
public static class Invocation
{
    public static int Run(string[] args)
    {
        var parse = Commands.Root().Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                Console.Error.WriteLine($"error: {error.Message}");
            }

            return Commands.CannotRun;
        }

        return parse.Invoke();
    }
}
